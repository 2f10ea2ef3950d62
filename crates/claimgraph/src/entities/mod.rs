//! Entities: mentions of people, organisations and places, clustered within a
//! document ([`EntityStage`]) and resolved across documents
//! ([`EntityRegistry`]).
//!
//! Within a document, person names join a cluster by the rule in [`names`]
//! (exact, transliteration variant, or surname reference); places join by
//! country; organisations by their normalised name. Role descriptions next
//! to a name ("Krylo Budanov, head of Ukraine's military intelligence")
//! become the person's roles, and a later description that matches a role
//! ("the head of Ukraine's military intelligence") becomes a mention of the
//! same person.

pub mod gazetteer;
pub mod mentions;
pub mod names;
pub mod registry;
pub mod roles;

use std::ops::Range;

use crate::document::{DocEntity, Document, EntityKind, Mention, MentionForm, Span};
use crate::pipeline::Stage;
use mentions::{find_names, NameSpan};
use names::{NameMatch, NameParts, PreparedName};
use std::collections::BTreeSet;

use roles::{find_roles, RoleKey, RolePhrase};

pub use registry::EntityRegistry;

/// Finds entity mentions and clusters them into the document's entities.
pub struct EntityStage;

impl EntityStage {
    /// The stage with its built-in lexicons.
    pub fn new() -> Self {
        EntityStage
    }
}

impl Default for EntityStage {
    fn default() -> Self {
        Self::new()
    }
}

impl Stage for EntityStage {
    fn name(&self) -> &'static str {
        "entities"
    }
    fn run(&self, doc: &mut Document) {
        let names = find_names(&doc.text, &doc.analysis);
        let mut roles: Vec<RolePhrase> = Vec::new();
        for s in &doc.analysis.sentences {
            roles.extend(find_roles(&doc.text, &doc.analysis.tokens, s.tokens.clone()));
        }
        let mut b = Builder { doc, role_keys: Vec::new(), people: Vec::new() };
        b.cluster_names(&names);
        b.link_roles(&names, &roles);
        b.fold_offices_into_holders();
        b.fold_company_short_names();
        b.finish();
    }
}

/// Working state of the entity stage for one document.
struct Builder<'d> {
    doc: &'d mut Document,
    /// Role keys of each entity, parallel to `doc.entities`.
    role_keys: Vec<Vec<RoleKey>>,
    /// The spellings of each person (or unknown-kind) entity prepared for
    /// comparison, parallel to `doc.entities` and to each entity's aliases
    /// (empty for other kinds, which [`Builder::find_person`] never reads).
    /// Every name mention is compared with every spelling so far: preparing
    /// a spelling once, when it joins, not once per comparison, took most
    /// of the stage's time.
    people: Vec<Vec<PreparedName>>,
}

impl Builder<'_> {
    fn token_span(&self, r: &Range<usize>) -> Span {
        let t = &self.doc.analysis.tokens;
        Span::new(t[r.start].start, t[r.end - 1].end)
    }

    fn add_mention(&mut self, span: Span, kind: EntityKind, form: MentionForm, entity: usize) -> usize {
        self.doc.mentions.push(Mention { span, kind, form, entity: Some(entity) });
        let m = self.doc.mentions.len() - 1;
        self.doc.entities[entity].mentions.push(m);
        m
    }

    fn new_entity(&mut self, name: &str, kind: EntityKind) -> usize {
        self.doc.entities.push(DocEntity {
            name: name.to_string(),
            kind,
            aliases: Vec::new(),
            roles: Vec::new(),
            mentions: Vec::new(),
            global_id: None,
        });
        self.role_keys.push(Vec::new());
        self.people.push(Vec::new());
        self.doc.entities.len() - 1
    }

    /// Clusters names: multi-word person names first (so that a surname seen
    /// before the full name still finds it), then everything else in order.
    fn cluster_names(&mut self, names: &[NameSpan]) {
        let mut order: Vec<usize> = (0..names.len()).collect();
        order.sort_by_key(|&i| {
            let n = &names[i];
            let multi_person = n.kind == EntityKind::Person && n.tokens.len() > 1;
            (!multi_person, n.tokens.start)
        });
        let mut assigned: Vec<Option<usize>> = vec![None; names.len()];
        for i in order {
            let n = &names[i];
            let span = self.token_span(&n.tokens);
            let surface = self.doc.span_text(span).to_string();
            // "Hsu Wen-chieh (Xu Wenjie)": a person's name in brackets right
            // after another person's name is another spelling of it.
            let bracketed = self
                .bracketed_alias_of(names, i)
                .or_else(|| self.bracketed_acronym_of(names, i))
                .or_else(|| self.declared_alias_of(names, i))
                .and_then(|j| assigned[j]);
            let names_country = n.country.as_deref().is_some_and(|code| names_the_country(&surface, code));
            // A one-word name that is not a country may be a person's
            // surname whatever the recogniser called it ("Budanov").
            let parts = NameParts::new(&surface);
            let single = parts.core_len() == 1 && !names_country;
            // Prepared only when the person rule may read it.
            let prepared = (matches!(n.kind, EntityKind::Person | EntityKind::Other) || single)
                .then(|| PreparedName::from_parts(parts));
            // The same spelling already seen is the same entity, whatever kind
            // the recogniser gave this occurrence.
            let same_spelling = self
                .doc
                .entities
                .iter()
                .position(|e| e.aliases.iter().any(|a| a == &surface) && e.kind != EntityKind::Location);
            // A name printed in capitals ("MAXAMED CALI XASAN:", a
            // transcript's speaker label) is the person named in ordinary
            // case before it, whatever kind the recogniser gave the capitals.
            let shouted = (n.country.is_none() && is_shouted(&surface))
                .then(|| {
                    let as_person = NameSpan { kind: EntityKind::Person, ..n.clone() };
                    self.find_person(&PreparedName::new(&mentions::recapitalised(&surface)), &as_person)
                })
                .flatten();
            // A bare surname two people of the text share, written after a
            // noun that described one of them ("The commissioner Okafor"
            // after "The Commissioner for Agriculture, Hon. Chinedu Okafor"
            // and "the chairman ..., Emeka Okafor"), or a transcript's label
            // the text gave one of them before ("Þórðarson:"), is that one.
            let shared = (single && matches!(n.kind, EntityKind::Person | EntityKind::Other))
                .then_some(prepared.as_ref())
                .flatten()
                .and_then(|p| self.shared_surname_person(p, n, names, &assigned));
            let target = match n.kind {
                _ if bracketed.is_some() => bracketed,
                _ if shouted.is_some() => shouted,
                _ if shared.is_some() => shared,
                // (A bare surname goes through the person rule instead, which
                // picks the most recent of several people sharing it.)
                _ if same_spelling.is_some() && !names_country && !single => same_spelling,
                EntityKind::Location if names_country => self.find_country(n.country.as_deref()),
                EntityKind::Person | EntityKind::Other => prepared.as_ref().and_then(|p| self.find_person(p, n)),
                _ if single => {
                    prepared.as_ref().and_then(|p| self.find_person(p, n)).or_else(|| self.find_exact(&surface, n.kind))
                }
                EntityKind::Organization | EntityKind::Location => self.find_exact(&surface, n.kind),
            };
            let (entity, kind) = match target {
                Some(e) => (e, self.doc.entities[e].kind),
                None => {
                    let display = match (&n.kind, &n.country) {
                        (EntityKind::Location, Some(code)) if names_country => gazetteer::Countries::get()
                            .by_code(code)
                            .map(|c| c.name.clone())
                            .unwrap_or_else(|| surface.clone()),
                        _ => surface.clone(),
                    };
                    let kind =
                        if n.kind == EntityKind::Other && n.title.is_some() { EntityKind::Person } else { n.kind };
                    (self.new_entity(&display, kind), kind)
                }
            };
            assigned[i] = Some(entity);
            self.add_mention(span, kind, MentionForm::Name, entity);
            let e = &mut self.doc.entities[entity];
            if !e.aliases.contains(&surface) {
                e.aliases.push(surface.clone());
                if matches!(kind, EntityKind::Person | EntityKind::Other) {
                    self.people[entity].push(prepared.unwrap_or_else(|| PreparedName::new(&surface)));
                }
            }
            // The fullest spelling becomes the display name of a person; a
            // spelling in ordinary case replaces one in capitals (a
            // headline's "ISSA NDOYE" before the body's "Issa Ndoye").
            let recased = is_shouted(&e.name)
                && !is_shouted(&surface)
                && surface.split_whitespace().count() >= e.name.split_whitespace().count();
            if kind == EntityKind::Person && (recased || names::is_fuller_name(&surface, &e.name)) {
                e.name = surface;
            }
        }
    }

    /// The name that name `i` is a bracketed spelling of: both people's
    /// names (or `i` of no known kind), `i` of one to four words standing
    /// alone in brackets right after the other.
    fn bracketed_alias_of(&self, names: &[NameSpan], i: usize) -> Option<usize> {
        let n = &names[i];
        let toks = &self.doc.analysis.tokens;
        let word = |k: usize| toks.get(k).map(|t| t.text(&self.doc.text)).unwrap_or("");
        if !matches!(n.kind, EntityKind::Person | EntityKind::Other)
            || n.country.is_some()
            || n.tokens.len() > 4
            || n.tokens.start < 2
            || word(n.tokens.start - 1) != "("
            || word(n.tokens.end) != ")"
        {
            return None;
        }
        names
            .iter()
            .position(|m| m.kind == EntityKind::Person && m.tokens.end + 1 == n.tokens.start && m.tokens.len() >= 2)
    }

    /// The person whose other spelling the text declares name `i` to be:
    /// "Chitima, whose name some documents write as Xitima", "Ali Farah,
    /// also spelled Cali Faarax", "Nkosi, known as Papa": a name of one to
    /// three words (no body's or place's) right after "written as" (or
    /// "write(s)/wrote/spell(s) as"), "spelled", "spelt", "known as" or
    /// "aka" is the name of a person (or of no known kind) just before it
    /// in the same sentence, set off by a comma, a few words back.
    fn declared_alias_of(&self, names: &[NameSpan], i: usize) -> Option<usize> {
        let n = &names[i];
        let toks = &self.doc.analysis.tokens;
        let word = |k: usize| toks.get(k).map(|t| t.text(&self.doc.text).to_lowercase()).unwrap_or_default();
        let s = n.tokens.start;
        if n.kind == EntityKind::Location
            || n.kind == EntityKind::Organization
            || n.country.is_some()
            || n.tokens.len() > 3
            || s < 2
        {
            return None;
        }
        let declared = matches!(word(s - 1).as_str(), "spelled" | "spelt" | "aka")
            || word(s - 1) == "as"
                && matches!(
                    word(s - 2).as_str(),
                    "written"
                        | "write"
                        | "writes"
                        | "wrote"
                        | "spell"
                        | "spells"
                        | "spelled"
                        | "spelt"
                        | "known"
                        | "transliterated"
                );
        if !declared {
            return None;
        }
        // The alias must look like a name ("Super Tuesday" is a day).
        let alias_ok = n.tokens.clone().all(|k| {
            let w = toks[k].text(&self.doc.text);
            !gazetteer::is_not_name(w) && !gazetteer::is_org_word(w)
        });
        if !alias_ok {
            return None;
        }
        // The name just before, in the same sentence: it must be the one
        // the clause describes, set off by a comma ("Chitima, whose name
        // ..."), no more than twelve words back.
        let (j, m) = names.iter().enumerate().filter(|(_, m)| m.tokens.end <= s).max_by_key(|(_, m)| m.tokens.start)?;
        let sentence = self.doc.analysis.sentence_of(s)?;
        (matches!(m.kind, EntityKind::Person | EntityKind::Other)
            && self.doc.analysis.sentence_of(m.tokens.start) == Some(sentence)
            && word(m.tokens.end) == ","
            && s - m.tokens.end <= 12)
            .then_some(j)
    }

    /// The organisation name that name `i` abbreviates in brackets right
    /// after it: "National Cyber Security Centre (NKSC)", "Marmara
    /// Petrokimya Rafineri A.Ş. (MPR)", "National Electoral Council (CNE)"
    /// (an acronym of the name in its own language need not match the
    /// translated words' initials).
    fn bracketed_acronym_of(&self, names: &[NameSpan], i: usize) -> Option<usize> {
        let n = &names[i];
        let toks = &self.doc.analysis.tokens;
        let word = |k: usize| toks.get(k).map(|t| t.text(&self.doc.text)).unwrap_or("");
        let acronym = word(n.tokens.start);
        if n.tokens.len() != 1
            || n.kind == EntityKind::Location
            || n.country.is_some()
            || n.tokens.start < 2
            || word(n.tokens.start - 1) != "("
            || word(n.tokens.end) != ")"
            || !(2..=6).contains(&acronym.chars().count())
            || !acronym.chars().all(|c| c.is_uppercase() || c.is_ascii_digit())
        {
            return None;
        }
        names.iter().position(|m| {
            matches!(m.kind, EntityKind::Organization | EntityKind::Other)
                && m.tokens.end + 1 == n.tokens.start
                && m.tokens.len() >= 2
        })
    }

    fn find_country(&self, code: Option<&str>) -> Option<usize> {
        let c = gazetteer::Countries::get().by_code(code?)?;
        self.doc.entities.iter().position(|e| e.kind == EntityKind::Location && e.name == c.name)
    }

    fn find_exact(&self, surface: &str, kind: EntityKind) -> Option<usize> {
        let key = normalise_org(surface);
        self.doc.entities.iter().position(|e| {
            e.kind == kind
                && e.aliases
                    .iter()
                    .any(|a| normalise_org(a) == key || is_acronym_of(surface, a) || is_acronym_of(a, surface))
        })
    }

    /// The person cluster a name belongs to: the best match under the rule
    /// of [`names::compare`]; a surname-only match must be unambiguous.
    fn find_person(&self, name: &PreparedName, n: &NameSpan) -> Option<usize> {
        let mut best: Option<(NameMatch, usize)> = None;
        let mut surname_hits = 0;
        for (i, e) in self.doc.entities.iter().enumerate() {
            if e.kind != EntityKind::Person && !(e.kind == EntityKind::Other && n.kind == EntityKind::Other) {
                continue;
            }
            // Only a one-word name may join a person as a surname when the
            // recogniser called it something else.
            if !matches!(n.kind, EntityKind::Person | EntityKind::Other) && name.core_len() > 1 {
                continue;
            }
            // A one-word name is compared with the full names of a cluster
            // when it has any: an earlier bare "Mousavi" in the cluster must
            // not make this "Mousavi" an exact match for it when another
            // Mousavi was named since.
            let single = name.core_len() == 1;
            let known = &self.people[i];
            let has_full = known.iter().any(|a| a.core_len() > 1);
            // A full name never joins a cluster holding another member of its
            // family ("Qais al-Obaidi" and "Munther al-Obaidi"), even when a
            // bare "al-Obaidi" there would match it as a surname.
            let mut family_member = false;
            let m = known
                .iter()
                .filter(|a| !(single && has_full) || a.core_len() > 1)
                .map(|a| {
                    if single {
                        return names::compare_prepared(name, a);
                    }
                    let (m, same_family) = names::compare_family_prepared(name, a);
                    family_member |= m == NameMatch::Different && same_family;
                    m
                })
                .max()
                .unwrap_or(NameMatch::Different);
            if family_member {
                continue;
            }
            // A name of several words joins a person by its leading parts
            // only when it is itself a person's name: "Kestrel Smith Award"
            // is no reference to "Kestrel Smith".
            let m =
                if m == NameMatch::Surname && !single && n.kind != EntityKind::Person && e.kind == EntityKind::Person {
                    NameMatch::Different
                } else {
                    m
                };
            if m == NameMatch::Surname {
                surname_hits += 1;
            }
            if m > NameMatch::Different && best.is_none_or(|(bm, _)| m > bm) {
                best = Some((m, i));
            }
        }
        match best {
            // A surname shared by several people: the one mentioned last
            // before this mention ("Oleksandr Kovalenko ... Kovalenko said").
            Some((NameMatch::Surname, _)) if surname_hits > 1 => {
                let here = self.doc.analysis.tokens[n.tokens.start].start;
                let bearers = || {
                    self.doc.entities.iter().enumerate().filter(move |(i, e)| {
                        e.kind == EntityKind::Person
                            && self.people[*i].iter().any(|a| names::compare_prepared(name, a) == NameMatch::Surname)
                    })
                };
                // "Comrade Mboa" after "Comrade Baraka Kitwana Mbowa" and
                // "Hamisi Ali Mbowa": a title this mention carries that
                // exactly one of them was named with picks that one, however
                // recently the other was named.
                if let Some(title) = self.title_word(n) {
                    let mut titled = bearers().filter(|(_, e)| {
                        e.mentions.iter().any(|&m| self.word_before(self.doc.mentions[m].span.start) == title)
                    });
                    if let (Some((i, _)), None) = (titled.next(), titled.next()) {
                        return Some(i);
                    }
                }
                bearers()
                    .filter_map(|(i, e)| {
                        e.mentions
                            .iter()
                            .map(|&m| self.doc.mentions[m].span.start)
                            .filter(|&s| s < here)
                            .max()
                            .map(|s| (s, i))
                    })
                    .max()
                    .map(|(_, i)| i)
            }
            Some((_, i)) => Some(i),
            None => self.given_name_person(name, n).or_else(|| self.short_form_person(name, n)),
        }
    }

    /// The last word of the title before name `n` ("Comrade", "Dr"),
    /// lower case, without a full stop; `None` without one.
    fn title_word(&self, n: &NameSpan) -> Option<String> {
        let t = n.title.as_ref().filter(|t| t.end > t.start)?;
        let word = self.doc.analysis.tokens.get(t.end - 1)?.text(&self.doc.text);
        Some(word.trim_end_matches('.').to_lowercase()).filter(|w| !w.is_empty())
    }

    /// The word just before byte offset `at` of the text, lower case,
    /// without a full stop (a mention's title when it has one).
    fn word_before(&self, at: usize) -> String {
        self.doc
            .text
            .get(..at)
            .and_then(|t| t.trim_end().rsplit(char::is_whitespace).next())
            .map(|w| w.trim_end_matches('.').to_lowercase())
            .unwrap_or_default()
    }

    /// The person a bare surname `name` means when several people of the
    /// text bear it (see [`Builder::cluster_names`]); `None` when the text
    /// does not single one out, and the recency rule of
    /// [`Builder::find_person`] decides. Two signs single one out: the
    /// person noun right before the surname ("The managing director
    /// Thordarson", "the businessman Radović") was written beside the full
    /// name of exactly one of them, within its sentence and no other
    /// person's name between; or the surname is a transcript's speaker
    /// label ("Þórðarson: ...") and the same label stood before for exactly
    /// one of them (a label names the same person all through an
    /// interview, even when the interviewer names a namesake in between).
    fn shared_surname_person(
        &self,
        name: &PreparedName,
        n: &NameSpan,
        names: &[NameSpan],
        assigned: &[Option<usize>],
    ) -> Option<usize> {
        if name.core_len() != 1 {
            return None;
        }
        let candidates: Vec<usize> = (0..self.doc.entities.len())
            .filter(|&e| {
                self.doc.entities[e].kind == EntityKind::Person
                    && self.people[e]
                        .iter()
                        .any(|a| a.core_len() > 1 && names::compare_prepared(name, a) == NameMatch::Surname)
            })
            .collect();
        if candidates.len() < 2 {
            return None;
        }
        let t = &self.doc.analysis.tokens;
        let lower = |k: usize| t[k].text(&self.doc.text).to_lowercase();
        let only = |found: Vec<usize>| -> Option<usize> {
            let mut found = found;
            found.sort_unstable();
            found.dedup();
            (found.len() == 1).then(|| found[0])
        };
        let earlier = |e: usize| {
            (0..names.len()).filter(move |&j| assigned[j] == Some(e) && names[j].tokens.end <= n.tokens.start)
        };
        // The speaker label: first on its line, a colon after it.
        let line_start =
            |k: usize| k == 0 || self.doc.text.get(t[k - 1].end..t[k].start).is_some_and(|g| g.contains('\n'));
        let is_label =
            |r: &Range<usize>| line_start(r.start) && t.get(r.end).is_some_and(|x| x.text(&self.doc.text) == ":");
        if is_label(&n.tokens) {
            let surface = self.doc.span_text(self.token_span(&n.tokens));
            let labelled: Vec<usize> = candidates
                .iter()
                .copied()
                .filter(|&e| {
                    earlier(e).any(|j| {
                        is_label(&names[j].tokens) && self.doc.span_text(self.token_span(&names[j].tokens)) == surface
                    })
                })
                .collect();
            if let Some(e) = only(labelled) {
                return Some(e);
            }
        }
        let start = n.title.as_ref().map_or(n.tokens.start, |r| r.start.min(n.tokens.start));
        let noun_at = (start..n.tokens.start).last().or(start.checked_sub(1))?;
        let noun = lower(noun_at);
        if !gazetteer::is_person_noun(&noun) {
            return None;
        }
        let analysis = &self.doc.analysis;
        let sentence = |k: usize| analysis.sentence_of(k).map(|i| analysis.sentences[i].tokens.clone());
        let person_name_at = |k: usize| names.iter().any(|m| m.kind == EntityKind::Person && m.tokens.contains(&k));
        let described = |j: usize| {
            let full = &names[j].tokens;
            let Some(sent) = sentence(full.start) else { return false };
            let mut before = (sent.start.max(full.start.saturating_sub(8))..full.start).rev();
            let mut after = full.end..sent.end.min(full.end + 6);
            before.by_ref().take_while(|&k| !person_name_at(k)).any(|k| lower(k) == noun)
                || after.by_ref().take_while(|&k| !person_name_at(k)).any(|k| lower(k) == noun)
        };
        only(candidates.iter().copied().filter(|&e| earlier(e).any(described)).collect())
    }

    /// The one person whose full name is `name` but for a given name of
    /// which one is a short form of the other ("Sipho Mthembu" after
    /// "Siphosethu Mthembu", "Yossi Ben-Haim" and "Yosef Ben Haim"; see
    /// [`names::short_given_name_of`]), when no other person of the
    /// document bears that family name: then no one else could be meant.
    fn short_form_person(&self, name: &PreparedName, n: &NameSpan) -> Option<usize> {
        if name.core_len() < 2 || n.kind != EntityKind::Person {
            return None;
        }
        let mut family = self.doc.entities.iter().enumerate().filter(|(i, e)| {
            e.kind == EntityKind::Person
                && self.people[*i].iter().any(|a| a.core_len() >= 2 && names::same_family_name(name.parts(), a.parts()))
        });
        let (Some((i, _)), None) = (family.next(), family.next()) else { return None };
        self.people[i].iter().any(|a| names::short_given_name_of(name, a)).then_some(i)
    }

    /// The one person whose full name opens with the one-word name `name`
    /// as its given name ("Rika said" after "Rika Anggraeni Siregar"), when
    /// exactly one person of the document has that given name. A word the
    /// gazetteer knows as a place or one the recogniser calls an
    /// organisation is left alone ("Paris" is no reference to "Paris
    /// Hilton"); a word it calls a place is taken ("According to Hendro").
    fn given_name_person(&self, name: &PreparedName, n: &NameSpan) -> Option<usize> {
        if name.core_len() != 1 || n.country.is_some() || n.kind == EntityKind::Organization {
            return None;
        }
        // The given name is a word of its own: "Marenland" is no given name
        // of "Marenland-Ostrevia".
        // The spelling must look like a person's name all through: no
        // lower-case connector ("Spartanburg Marriott for Trump"), no word
        // that ends the name of a body, site, event or document.
        let own_word = |spelling: &str| {
            let words: Vec<&str> = spelling.split_whitespace().collect();
            (2..=4).contains(&words.len())
                && !words[0].contains('-')
                && words.iter().all(|w| {
                    let l = w.to_lowercase();
                    w.chars().next().is_some_and(char::is_uppercase)
                        && !gazetteer::is_org_word(w)
                        && !gazetteer::is_not_name(w)
                        && !mentions::is_site_word(&l)
                        && !mentions::is_named_thing_word(&l)
                })
        };
        let mut found = self.doc.entities.iter().enumerate().filter(|(i, e)| {
            e.kind == EntityKind::Person
                && self.people[*i]
                    .iter()
                    .zip(&e.aliases)
                    .any(|(p, a)| own_word(a) && names::given_name_reference(name, p))
        });
        match (found.next(), found.next()) {
            (Some((i, _)), None) => Some(i),
            _ => None,
        }
    }

    /// Attaches role descriptions standing next to a name (apposition or
    /// title) to that name's entity, then resolves the remaining specific
    /// descriptions to the entity whose role they match.
    fn link_roles(&mut self, names: &[NameSpan], roles: &[RolePhrase]) {
        let mut linked = vec![false; roles.len()];
        let name_entity = |b: &Builder, n: &NameSpan| -> Option<usize> {
            let span = b.token_span(&n.tokens);
            b.doc.mentions.iter().find(|m| m.span == span).and_then(|m| m.entity)
        };
        for n in names {
            let Some(e) = name_entity(self, n) else { continue };
            // The name with its title: "ROLE, Brigadier General NAME".
            let full = n.title.as_ref().map(|t| t.start).unwrap_or(n.tokens.start)..n.tokens.end;
            // The name with every courtesy title or abbreviated rank before
            // it ("Health Minister Dr. NAME", "ROLE, Dkt. NAME"), which the
            // name's own title may leave out.
            let titled = self.titles_before(full.start)..n.tokens.end;
            if self.doc.entities[e].kind == EntityKind::Other && self.names_a_person(&full, roles) {
                self.make_person(e);
            }
            if self.doc.entities[e].kind != EntityKind::Person {
                continue;
            }
            let adjacent: Vec<usize> = (0..roles.len())
                .filter(|&ri| {
                    let r = &roles[ri];
                    (self.is_apposition(&full, &r.tokens)
                        || n.title.as_ref().is_some_and(|t| t.end == n.tokens.start && r.tokens.contains(&(t.end - 1)))
                        // "Health Minister Dr. NAME", "ROLE, Dkt. NAME":
                        // titles stand between the description and the name.
                        || (titled.start < full.start
                            && (r.tokens.end == titled.start || self.is_apposition(&titled, &r.tokens)))
                        // "Foreign Minister Datuk NAME": the description
                        // lies inside the title run the name opens with.
                        || n.title.as_ref().is_some_and(|t| {
                            t.end == n.tokens.start && t.start <= r.tokens.start && r.tokens.end < t.end
                        })
                        // "the vice-minister of industry Nurlan Abdikarimov
                        // declared": the description runs on into the name
                        // it stands before, with no comma between.
                        || r.tokens.start < full.start && r.tokens.end == n.tokens.end)
                        && !r.key.plural
                        && !self.opens_next_clause(&full, &r.tokens)
                })
                .collect();
            // "with his Ukrainian counterpart, NAME, Iran's foreign
            // minister": descriptions of two countries cannot both be the
            // person's. The one after the name describes it; the one before
            // may name whom it stands beside.
            let countries: BTreeSet<&str> =
                adjacent.iter().filter_map(|&ri| roles[ri].key.country.as_deref()).collect();
            let after_country = adjacent
                .iter()
                .map(|&ri| &roles[ri])
                .find(|r| r.tokens.start >= n.tokens.end)
                .and_then(|r| r.key.country.as_deref());
            for ri in adjacent {
                let r = &roles[ri];
                let conflicting = countries.len() > 1
                    && r.key.country.as_deref().is_some_and(|c| after_country.is_none_or(|a| a != c));
                if !conflicting {
                    linked[ri] = true;
                    // A description that runs on into the name is stored without it.
                    let runs_on = r.tokens.start < full.start && r.tokens.end == n.tokens.end;
                    let role_tokens = if runs_on { r.tokens.start..full.start } else { r.tokens.clone() };
                    let text =
                        self.doc.span_text(self.token_span(&role_tokens)).trim_end_matches([' ', ',']).to_string();
                    let ent = &mut self.doc.entities[e];
                    if !ent.roles.contains(&text) {
                        ent.roles.push(text);
                    }
                    self.role_keys[e].push(r.key.clone());
                }
            }
        }
        // Later descriptions refer back to an entity with a matching role.
        for (ri, r) in roles.iter().enumerate() {
            if linked[ri] || r.indefinite || !r.key.is_specific() {
                continue;
            }
            let start = self.doc.analysis.tokens[r.tokens.start].start;
            // Among entities whose role matches, the most recently mentioned
            // before this description wins.
            let mut best: Option<(usize, usize)> = None;
            for (e, keys) in self.role_keys.iter().enumerate() {
                if !keys.iter().any(|k| k.matches(&r.key)) {
                    continue;
                }
                let last = self.doc.entities[e]
                    .mentions
                    .iter()
                    .map(|&m| self.doc.mentions[m].span.start)
                    .filter(|&s| s < start)
                    .max();
                if let Some(last) = last {
                    if best.is_none_or(|(bl, _)| last > bl) {
                        best = Some((last, e));
                    }
                }
            }
            if let Some((_, e)) = best {
                let span = self.token_span(&r.tokens);
                self.add_mention(span, EntityKind::Person, MentionForm::Role, e);
            }
        }
    }

    /// True when a name the recogniser typed neither person, organisation
    /// nor place follows a person's role as its apposition ("The
    /// researcher, Park Jong-hoon, said"): role phrases describe people, so
    /// the name is a person's. Only the role-first order counts, closed by a
    /// comma or followed by a verb: "NAME, ROLE" is as often a clause
    /// ending in a name and the next clause's subject ("whether he was
    /// accusing Marenland, the minister replied"), and a name only written
    /// next to a lower-case role noun ("expert Rauf Gasanov") is left to the
    /// recogniser, since the noun may be a modifier.
    fn names_a_person(&self, name: &Range<usize>, roles: &[RolePhrase]) -> bool {
        let t = &self.doc.analysis.tokens;
        let text = |i: usize| t.get(i).map(|tok| tok.text(&self.doc.text));
        let closed = text(name.end) == Some(",")
            || t.get(name.end)
                .is_some_and(|tok| matches!(tok.upos, claimgraph_nlp::Upos::VERB | claimgraph_nlp::Upos::AUX));
        closed
            && roles.iter().any(|r| !r.key.plural && name.start == r.tokens.end + 1 && text(r.tokens.end) == Some(","))
    }

    /// Makes an entity, and its mentions, a person's.
    fn make_person(&mut self, e: usize) {
        self.doc.entities[e].kind = EntityKind::Person;
        for &m in &self.doc.entities[e].mentions {
            self.doc.mentions[m].kind = EntityKind::Person;
        }
    }

    /// True when a description written after a name and a comma is the
    /// subject of the next clause rather than the name's apposition: a
    /// verb follows it with no comma closing it ("Asked about the remarks
    /// of the minister NAME, the spokeswoman said ...").
    fn opens_next_clause(&self, name: &Range<usize>, role: &Range<usize>) -> bool {
        let t = &self.doc.analysis.tokens;
        role.start == name.end + 1
            && t.get(role.end).is_some_and(|tok| {
                matches!(tok.upos, claimgraph_nlp::Upos::VERB | claimgraph_nlp::Upos::AUX)
                    && matches!(tok.xpos.as_str(), "VBD" | "VBZ" | "VBP" | "MD")
            })
    }

    /// The first token of the run of courtesy titles, ranks and abbreviated
    /// titles ("Dr.", "Mrs.", "commander", "Atty.", "Dkt.") that ends right before token
    /// `start`: `start` itself when there is none. A capitalised word of at
    /// most four letters closed by a full stop is taken as an abbreviated
    /// title: between a description and a name there is nothing else it
    /// could be.
    fn titles_before(&self, start: usize) -> usize {
        let t = &self.doc.analysis.tokens;
        let text = |i: usize| t[i].text(&self.doc.text);
        let abbreviation = |w: &str| {
            let letters = w.trim_end_matches('.');
            (1..=4).contains(&letters.chars().count())
                && letters.chars().all(char::is_alphabetic)
                && letters.chars().next().is_some_and(char::is_uppercase)
        };
        let mut s = start;
        while s > 0 {
            let w = text(s - 1);
            // A rank written in lower case is a title too ("ROLE,
            // commander NAME").
            if (w.ends_with('.') && abbreviation(w)) || names::is_title_word(w) {
                s -= 1;
            } else if w == "." && s >= 2 && abbreviation(text(s - 2)) {
                s -= 2;
            } else if names::is_honorific(w) {
                s -= 1;
            } else {
                break;
            }
        }
        s
    }

    /// True when `role` stands in apposition to `name`: "NAME, ROLE" or
    /// "ROLE, NAME" (a comma between them and nothing else).
    fn is_apposition(&self, name: &Range<usize>, role: &Range<usize>) -> bool {
        let t = &self.doc.analysis.tokens;
        let text = |i: usize| t.get(i).map(|tok| tok.text(&self.doc.text));
        let comma = |i: usize| t.get(i).is_some_and(|tok| matches!(tok.text(&self.doc.text), "," | "(" | "–" | "—"));
        // "The President of the ... Presidency (AFAD), Dr. NAME": the
        // organisation's acronym in brackets closes the description.
        let bracket_end = (text(role.end) == Some("("))
            .then(|| (role.end + 1..(role.end + 6).min(t.len())).find(|&k| text(k) == Some(")")))
            .flatten();
        if let Some(close) = bracket_end {
            if name.start == close + 2 && comma(close + 1) {
                return true;
            }
        }
        (role.start == name.end + 1 && comma(name.end))
            || (name.start == role.end + 1 && comma(role.end))
            // "Military expert Rauf Gasanov", "Kremlin spokesman Dmitry
            // Peskov": a lower-case role noun right before the name.
            || (name.start == role.end && self.doc.analysis.tokens[role.end - 1].text(&self.doc.text).chars().next().is_some_and(char::is_lowercase))
    }

    /// Names of an office that stand for its one holder become mentions of
    /// that person: an office's name in apposition to a person's name ("The
    /// Home Affairs Minister, Roderick Azzopardi, defended ..."), and the
    /// initials of an office a person of the article holds ("The Head of
    /// Department, Dr. Musa Khumalo, ... the HOD said"). The office keeps no
    /// entity of its own, and its text is the person's role.
    fn fold_offices_into_holders(&mut self) {
        let tokens = &self.doc.analysis.tokens;
        let text = &self.doc.text;
        let word = |k: usize| tokens.get(k).map(|t| t.text(text)).unwrap_or("");
        let first_token = |span: Span| self.doc.analysis.token_at_or_after(span.start);
        let end_token = |span: Span| tokens.partition_point(|t| t.start < span.end);
        let people: Vec<usize> =
            (0..self.doc.entities.len()).filter(|&e| self.doc.entities[e].kind == EntityKind::Person).collect();
        let mut moves: Vec<(usize, usize)> = Vec::new();
        for (i, e) in self.doc.entities.iter().enumerate() {
            let [alias] = e.aliases.as_slice() else { continue };
            if !matches!(e.kind, EntityKind::Other | EntityKind::Organization) {
                continue;
            }
            let words: Vec<&str> = alias.split_whitespace().collect();
            let office_name = words.len() >= 2
                && words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase) || mentions::is_connector(w))
                && words.last().is_some_and(|w| names::is_title_word(w) || gazetteer::role_class(w).is_some())
                && !words.last().is_some_and(|w| gazetteer::is_org_word(w));
            // "The Home Affairs Minister, NAME," / "NAME, the Home Affairs
            // Minister,": every mention of the office stands beside the name
            // of one person, set off by a comma.
            if office_name {
                let mut holder: Option<usize> = None;
                let mut all = !e.mentions.is_empty();
                for &m in &e.mentions {
                    let span = self.doc.mentions[m].span;
                    let (ms, me) = (first_token(span), end_token(span));
                    let beside = self.doc.mentions.iter().find_map(|o| {
                        let p = o.entity.filter(|p| people.contains(p) && o.form == MentionForm::Name)?;
                        let (os, oe) = (first_token(o.span), end_token(o.span));
                        let after = os == me + 1 && word(me) == ",";
                        let before =
                            ms == oe + 1 && word(oe) == "," && ms >= 1 && word(ms - 1).eq_ignore_ascii_case("the");
                        (after || before).then_some(p)
                    });
                    match (beside, holder) {
                        (Some(p), None) => holder = Some(p),
                        (Some(p), Some(h)) if p == h => {}
                        _ => all = false,
                    }
                }
                if let (true, Some(p)) = (all, holder) {
                    moves.push((i, p));
                }
                continue;
            }
            // "the HOD": an acronym of capitals that is the initials of the
            // office one person of the article holds ("Head of Department").
            let acronym = words.len() == 1
                && (2..=6).contains(&alias.chars().count())
                && alias.chars().all(|c| c.is_ascii_uppercase());
            if acronym {
                let initials = |role: &str, with_connectors: bool| -> String {
                    role.split_whitespace()
                        .filter(|w| !w.eq_ignore_ascii_case("the"))
                        .filter(|w| with_connectors || w.chars().next().is_some_and(char::is_uppercase))
                        .filter_map(|w| w.chars().next())
                        .flat_map(char::to_uppercase)
                        .collect()
                };
                let mut holders = people.iter().copied().filter(|&p| {
                    self.doc.entities[p].roles.iter().any(|r| {
                        r.split_whitespace().count() >= 2
                            && (initials(r, true) == *alias || initials(r, false) == *alias)
                    })
                });
                if let (Some(p), None) = (holders.next(), holders.next()) {
                    moves.push((i, p));
                }
            }
        }
        if moves.is_empty() {
            return;
        }
        for &(from, to) in &moves {
            let mentions = std::mem::take(&mut self.doc.entities[from].mentions);
            for &m in &mentions {
                self.doc.mentions[m].entity = Some(to);
                self.doc.mentions[m].kind = EntityKind::Person;
                self.doc.mentions[m].form = MentionForm::Role;
            }
            let aliases = std::mem::take(&mut self.doc.entities[from].aliases);
            let target = &mut self.doc.entities[to];
            target.mentions.extend(mentions);
            target.mentions.sort_unstable();
            for a in aliases {
                if !target.roles.contains(&a) {
                    target.roles.push(a);
                }
            }
        }
        self.drop_empty_entities();
    }

    /// Drops the entities a fold emptied and renumbers the mentions' links.
    fn drop_empty_entities(&mut self) {
        let keep: Vec<bool> = self.doc.entities.iter().map(|e| !e.mentions.is_empty()).collect();
        let mut remap = vec![None; keep.len()];
        let mut next = 0;
        for (old, &k) in keep.iter().enumerate() {
            if k {
                remap[old] = Some(next);
                next += 1;
            }
        }
        self.doc.entities.retain_mask(&keep);
        self.role_keys.retain_mask(&keep);
        self.people.retain_mask(&keep);
        for m in &mut self.doc.mentions {
            m.entity = m.entity.and_then(|e| remap.get(e).copied().flatten());
        }
    }

    /// "Lorimer" beside "Lorimer Pharmaceuticals": a one-word name that
    /// opens exactly one organisation's name whose other words all mark an
    /// organisation is that organisation's short name, whatever kind the
    /// one word was given (a headline's lone "Lorimer" reads like a
    /// surname). A person of that surname in the text keeps it.
    ///
    /// So is the head of exactly one organisation's name written alone:
    /// "the Authority" beside "the Al-Nour Dam Authority", "the Coast
    /// Guard" beside "the Hellenic Coast Guard".
    fn fold_company_short_names(&mut self) {
        let entities = &self.doc.entities;
        let mut moves: Vec<(usize, usize)> = Vec::new();
        for (i, e) in entities.iter().enumerate() {
            let [alias] = e.aliases.as_slice() else { continue };
            if e.kind == EntityKind::Location || alias.chars().count() < 3 {
                continue;
            }
            let head_words: Vec<&str> = alias.split_whitespace().collect();
            // "Marmara Petrokimya Rafineri" beside "Marmara Petrokimya
            // Rafineri A.Ş.": a name of two words or more that is exactly
            // one company's name without its legal form is that company,
            // whatever kind the shorter name was given.
            if head_words.len() >= 2 {
                let mut companies = entities.iter().enumerate().filter(|(j, o)| {
                    *j != i
                        && o.kind == EntityKind::Organization
                        && o.aliases.iter().any(|a| without_legal_form(a) == Some(alias.as_str()))
                });
                if let (Some((j, _)), None) = (companies.next(), companies.next()) {
                    moves.push((i, j));
                    continue;
                }
            }
            let is_head = e.kind != EntityKind::Person
                && head_words.len() <= 2
                && head_words.last().is_some_and(|w| gazetteer::is_org_word(w))
                && head_words.iter().all(|w| w.chars().next().is_some_and(char::is_uppercase));
            // Only a head looks through the other entities' names (this
            // runs for every entity of one alias).
            if is_head {
                let ends = |name: &str| {
                    name.split_whitespace().count() > head_words.len()
                        && name.ends_with(alias.as_str())
                        && name[..name.len() - alias.len()].ends_with(' ')
                };
                let mut heads = entities.iter().enumerate().filter(|(j, o)| {
                    *j != i && o.kind == EntityKind::Organization && o.aliases.iter().any(|a| ends(a))
                });
                if let (Some((j, _)), None) = (heads.next(), heads.next()) {
                    moves.push((i, j));
                    continue;
                }
            }
            if alias.contains(char::is_whitespace) {
                continue;
            }
            let opens = |name: &str| {
                let mut words = name.split_whitespace();
                words.next() == Some(alias.as_str())
                    && name.split_whitespace().count() >= 2
                    && words
                        .all(|w| gazetteer::is_org_word(w) || gazetteer::ends_with_company_form(&[alias.as_str(), w]))
            };
            let mut orgs = entities
                .iter()
                .enumerate()
                .filter(|(j, o)| *j != i && o.kind == EntityKind::Organization && o.aliases.iter().any(|a| opens(a)));
            let people = entities.iter().filter(|o| o.kind == EntityKind::Person && o.aliases.len() > 1);
            let surname_of_person = people.clone().any(|o| o.aliases.iter().any(|a| a.ends_with(&format!(" {alias}"))));
            if let (Some((j, _)), None, false) = (orgs.next(), orgs.next(), surname_of_person) {
                moves.push((i, j));
            }
        }
        if moves.is_empty() {
            return;
        }
        for &(from, to) in &moves {
            let mentions = std::mem::take(&mut self.doc.entities[from].mentions);
            let kind = self.doc.entities[to].kind;
            for &m in &mentions {
                self.doc.mentions[m].entity = Some(to);
                self.doc.mentions[m].kind = kind;
            }
            let aliases = std::mem::take(&mut self.doc.entities[from].aliases);
            let keys = std::mem::take(&mut self.role_keys[from]);
            self.role_keys[to].extend(keys);
            let target = &mut self.doc.entities[to];
            target.mentions.extend(mentions);
            target.mentions.sort_unstable();
            for a in aliases {
                if !target.aliases.contains(&a) {
                    target.aliases.push(a);
                }
            }
        }
        self.drop_empty_entities();
    }

    fn finish(&mut self) {
        // Mentions in text order, with entity indices kept.
        let mut order: Vec<usize> = (0..self.doc.mentions.len()).collect();
        order.sort_by_key(|&m| self.doc.mentions[m].span);
        let mut remap = vec![0; order.len()];
        for (new, &old) in order.iter().enumerate() {
            remap[old] = new;
        }
        let mentions: Vec<Mention> = order.iter().map(|&m| self.doc.mentions[m].clone()).collect();
        self.doc.mentions = mentions;
        for e in self.doc.entities.iter_mut() {
            for m in e.mentions.iter_mut() {
                *m = remap[*m];
            }
            e.mentions.sort_unstable();
        }
    }
}

/// A company's name without the legal form that ends it ("Marmara
/// Petrokimya Rafineri A.Ş." → "Marmara Petrokimya Rafineri"), when it has
/// one and keeps two words or more.
pub(crate) fn without_legal_form(name: &str) -> Option<&str> {
    let words: Vec<&str> = name.split_whitespace().collect();
    let english = words.last().is_some_and(|w| {
        matches!(w.trim_end_matches('.').to_lowercase().as_str(), "inc" | "ltd" | "llc" | "plc" | "corp" | "co")
    });
    if words.len() < 3 || !(english || gazetteer::ends_with_company_form(&words)) {
        return None;
    }
    let cut = name.trim_end().rfind(char::is_whitespace)?;
    Some(name[..cut].trim_end())
}

/// True when a name of two words or more is printed all in capitals
/// ("FAADUMO NUUR"); acronyms are one word.
fn is_shouted(surface: &str) -> bool {
    let words: Vec<&str> = surface.split_whitespace().collect();
    words.len() >= 2
        && words.iter().all(|w| {
            let letters = w.chars().filter(|c| c.is_alphabetic()).count();
            letters >= 2 && w.chars().all(|c| !c.is_alphabetic() || c.is_uppercase())
        })
}

/// True when `surface` names the country `code` itself ("Iran", "the
/// Islamic Republic of Iran", "U.S."), not one of its cities ("Tehran"),
/// which stays an entity of its own.
fn names_the_country(surface: &str, code: &str) -> bool {
    let Some(c) = gazetteer::Countries::get().by_code(code) else { return false };
    let s = surface.to_lowercase();
    let name = c.name.to_lowercase();
    let acronym = surface.chars().filter(|ch| ch.is_alphabetic()).all(char::is_uppercase) && surface.len() <= 6;
    s == name || s.contains(&name) || name.contains(&s) || acronym
}

/// Lower case, without a leading "the" and possessive endings.
fn normalise_org(s: &str) -> String {
    let l = s.to_lowercase();
    let l = l.trim_start_matches("the ").trim_end_matches("'s").trim_end_matches("’s");
    l.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// True when `short` is the initials of `long` ("IRGC" for "Islamic
/// Revolutionary Guard Corps").
pub(crate) fn is_acronym_of(short: &str, long: &str) -> bool {
    let s: String = short.chars().filter(|c| c.is_alphabetic()).collect();
    if s.len() < 2 || s.chars().any(|c| c.is_lowercase()) {
        return false;
    }
    let initials: String = long
        .split(|c: char| c.is_whitespace() || c == '-')
        .filter(|w| w.chars().next().is_some_and(char::is_uppercase))
        .filter_map(|w| w.chars().next())
        .collect();
    initials.len() >= 2 && initials == s
}

/// Keeps the elements of a list parallel to the entities whose mask is
/// true.
trait RetainByMask {
    fn retain_mask(&mut self, keep: &[bool]);
}

impl<T> RetainByMask for Vec<T> {
    fn retain_mask(&mut self, keep: &[bool]) {
        let mut k = 0;
        self.retain(|_| {
            k += 1;
            keep.get(k - 1).copied().unwrap_or(true)
        });
    }
}
