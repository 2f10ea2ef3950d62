//! The entity registry: gives every document entity a global id, joining
//! spellings of one name across the documents of a run, or of a whole ledger
//! (the ledger loads the registry from its tables and stores what changed).
//!
//! Matching rule across documents (stricter than inside one article, where
//! the article itself is evidence that a surname refers to the full name):
//! * **People** join when some spelling of the document entity and some
//!   spelling of the known entity are the same name or transliteration
//!   variants under [`super::names::compare`] and at least one of the two is
//!   a full name (two or more parts). A document that only ever says
//!   "Budanov" joins a known person by surname only when exactly one known
//!   person has that surname and either the surname is distinctive (its
//!   skeleton has at least [`DISTINCTIVE_SURNAME`] letters) or a role of the
//!   two matches. A two-part name that is the first two parts of the only
//!   known three-part one ("Djoko Prasetyo" / "Joko Prasetyo Wibowo") joins
//!   under the same test, the two parts' skeleton counting as the surname's.
//!   Two full names with different given names never join.
//! * **Organisations and other names** join on the same normalised spelling
//!   or an acronym of it ("IRGC" / "Islamic Revolutionary Guard Corps").
//! * **Places** join on the same display name (countries are already
//!   normalised by the gazetteer).
//! * Descriptions of unnamed sources ("a senior official") never join.
//! * A user's decisions override all of this: a merge redirects one entity
//!   to another, a split forbids a spelling from joining an entity again.
//!
//! Candidates are found through an index on name keys (the skeleton of every
//! name part, and the normalised full spelling), not by comparing against
//! every known entity, so resolution stays fast on a large ledger.

use std::collections::{HashMap, HashSet};

use serde::{Deserialize, Serialize};

use super::names::{compare_prepared, is_fuller_name, loose_keys, skeleton, NameMatch, NameParts, PreparedName};
use super::roles::keys_of;
use crate::document::{DocEntity, Document, EntityKind};

/// A surname skeleton this long is distinctive enough to join a one-word
/// reference to the only known person who bears it.
pub const DISTINCTIVE_SURNAME: usize = 5;

/// An entity known to the registry.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct KnownEntity {
    /// Global id ("e12").
    pub id: String,
    /// Canonical display name.
    pub name: String,
    /// Kind.
    pub kind: EntityKind,
    /// Every spelling seen.
    pub aliases: Vec<String>,
    /// Role descriptions seen.
    pub roles: Vec<String>,
}

/// What one `resolve` call changed, for a store to persist.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct RegistryChanges {
    /// Ids of entities created by this call.
    pub created: Vec<String>,
    /// Ids of existing entities that gained aliases or roles.
    pub updated: Vec<String>,
}

/// A user's decision that overrides automatic matching.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum Decision {
    /// Two entities are one: the second is merged into the first.
    Merge {
        /// The entity that stays.
        into: String,
        /// The entity merged away.
        from: String,
    },
    /// A spelling must never be joined to an entity.
    Split {
        /// The entity.
        entity: String,
        /// The alias split off.
        alias: String,
    },
}

/// Entities known across documents.
#[derive(Debug, Default)]
pub struct EntityRegistry {
    entities: Vec<KnownEntity>,
    /// Position of each entity by id.
    by_id: HashMap<String, usize>,
    /// Candidate index: (kind, name key) → entity positions. Every rule
    /// joins only entities of one kind, so the index is split by kind: a
    /// key common among one kind's names never brings in the others.
    by_key: HashMap<(EntityKind, String), Vec<usize>>,
    /// Each person's spellings prepared for comparison, by position
    /// (empty for other kinds); kept in step with `entities`.
    prepared: Vec<Vec<PreparedName>>,
    /// Ids merged away → the id they now live in.
    redirects: HashMap<String, String>,
    /// (entity id, normalised alias) pairs a user split apart.
    forbidden: HashSet<(String, String)>,
    next: usize,
}

fn norm(s: &str) -> String {
    let l = deunicode::deunicode(s).to_lowercase();
    let l = l.trim_start_matches("the ");
    l.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect::<Vec<_>>().join(" ")
}

/// Index keys of a spelling: its normalised form, and the skeleton of each
/// of its name parts (so that any part can find the entity).
fn keys(alias: &str) -> Vec<String> {
    let mut out = vec![format!("n:{}", norm(alias))];
    let parts = NameParts::new(alias);
    for p in &parts.parts {
        let sk = skeleton(p);
        if sk.len() >= 2 {
            // "Kittiphong" finds "Kittipong" (see `names::same_skeleton`).
            if let Some(p_for_f) = super::names::skeleton_without_f(&sk) {
                out.push(format!("s:{p_for_f}"));
            }
            out.push(format!("s:{sk}"));
            // "Gantsorig" finds "Ganzorig", "Tsvetan" finds "Cvetan" (see
            // `names::romanised_variants`).
            if p.contains("ts") {
                for to in ["z", "c"] {
                    out.push(format!("s:{}", skeleton(&p.replace("ts", to))));
                }
            }
            // "Nikoloski" finds "Nikolovski", "Mboa" finds "Mbowa",
            // "Bērziņšas" finds "Bērziņš" (see `names::romanised_variants`).
            if let std::borrow::Cow::Owned(v_less) = super::names::without_macedonian_v(p) {
                out.push(format!("s:{}", skeleton(&v_less)));
            }
            if let std::borrow::Cow::Owned(glideless) = super::names::without_glide(p) {
                out.push(format!("s:{}", skeleton(&glideless)));
            }
            if let Some(stem) = super::names::baltic_stem(p) {
                out.push(format!("s:{}", skeleton(stem)));
            }
        }
    }
    let joined = parts.joined();
    if !joined.is_empty() {
        out.push(format!("s:{}", skeleton(&joined)));
    }
    // A Chinese name in Wade-Giles finds its pinyin spelling ("Chang
    // Wei-ming" / "Zhang Weiming").
    if let Some(k) = super::names::chinese_key(&parts) {
        out.push(format!("c:{k}"));
    }
    // A family name misspelt by one letter ("Sampang" / "Sampan") keeps its
    // opening and the given name's initial.
    if let Some(k) = super::names::misspelling_key(&parts) {
        out.push(format!("t:{k}"));
    }
    // The loose key of the family name finds a person across spellings a
    // skeleton keeps apart ("Akopyan" for "Hakobyan").
    if let Some(last) = parts.parts.last() {
        out.extend(loose_keys(last).into_iter().map(|k| format!("l:{k}")));
    }
    out
}

impl EntityRegistry {
    /// An empty registry.
    pub fn new() -> Self {
        Self::default()
    }

    /// A registry holding already known entities (e.g. from a ledger); new
    /// ids continue after the highest numeric id among them.
    pub fn with_entities(entities: Vec<KnownEntity>) -> Self {
        let next =
            entities.iter().filter_map(|e| e.id.trim_start_matches('e').parse::<usize>().ok()).max().unwrap_or(0);
        let mut r = EntityRegistry { next, ..Default::default() };
        for e in entities {
            r.insert(e);
        }
        r
    }

    fn insert(&mut self, e: KnownEntity) -> usize {
        let pos = self.entities.len();
        for a in &e.aliases {
            for k in keys(a) {
                self.by_key.entry((e.kind, k)).or_default().push(pos);
            }
        }
        self.by_id.insert(e.id.clone(), pos);
        self.prepared.push(prepare(&e));
        self.entities.push(e);
        pos
    }

    fn rebuild_index(&mut self) {
        self.by_key.clear();
        self.by_id.clear();
        self.prepared = self.entities.iter().map(prepare).collect();
        for (pos, e) in self.entities.iter().enumerate() {
            for a in &e.aliases {
                for k in keys(a) {
                    self.by_key.entry((e.kind, k)).or_default().push(pos);
                }
            }
            self.by_id.insert(e.id.clone(), pos);
        }
    }

    /// Applies user decisions (merges and splits) so that later resolution
    /// respects them.
    pub fn apply_decisions(&mut self, decisions: &[Decision]) {
        for d in decisions {
            match d {
                Decision::Merge { into, from } => {
                    let into = self.canonical_id(into);
                    let from = self.canonical_id(from);
                    if into == from {
                        continue;
                    }
                    let (Some(&fi), Some(&ti)) = (self.by_id.get(&from), self.by_id.get(&into)) else { continue };
                    let moved = self.entities[fi].clone();
                    let target = &mut self.entities[ti];
                    for a in moved.aliases {
                        if !target.aliases.contains(&a) {
                            target.aliases.push(a);
                        }
                    }
                    for r in moved.roles {
                        if !target.roles.contains(&r) {
                            target.roles.push(r);
                        }
                    }
                    self.entities.remove(fi);
                    self.redirects.insert(from, into);
                    self.rebuild_index();
                }
                Decision::Split { entity, alias } => {
                    let id = self.canonical_id(entity);
                    self.forbidden.insert((id.clone(), norm(alias)));
                    if let Some(&pos) = self.by_id.get(&id) {
                        self.entities[pos].aliases.retain(|a| norm(a) != norm(alias));
                    }
                    self.rebuild_index();
                }
            }
        }
    }

    /// The id an entity lives under after merges.
    pub fn canonical_id(&self, id: &str) -> String {
        let mut id = id.to_string();
        let mut hops = 0;
        while let Some(next) = self.redirects.get(&id) {
            id = next.clone();
            hops += 1;
            if hops > 64 {
                break;
            }
        }
        id
    }

    /// The entities known so far.
    pub fn entities(&self) -> &[KnownEntity] {
        &self.entities
    }

    /// Looks up an entity by id (following merges).
    pub fn get(&self, id: &str) -> Option<&KnownEntity> {
        self.by_id.get(&self.canonical_id(id)).map(|&i| &self.entities[i])
    }

    /// Assigns global ids to the document's entities, creating entities or
    /// adding aliases as needed, and fills each document entity's aliases
    /// with every spelling known for it.
    pub fn resolve(&mut self, doc: &mut Document) -> RegistryChanges {
        let mut changes = RegistryChanges::default();
        // Two entities of one document never join the same known entity:
        // the document already decided they differ.
        let mut taken: HashSet<usize> = HashSet::new();
        // Strong matches first: a weaker, surname-like match of one entity
        // ("CHEIKH TIDIANE", a headline's cut name) must not take the known
        // person that another entity of the document names in full
        // ("Cheikh Tidiane M'Bengue").
        let mut strong: Vec<Option<usize>> = vec![None; doc.entities.len()];
        // A person's comparisons with its candidates, made once for both
        // passes: between them only taken entities change (the second pass
        // adds spellings to the entity it takes, or makes a new one), and
        // taken entities are no candidates.
        let mut people: Vec<Option<PersonMatches>> = Vec::with_capacity(doc.entities.len());
        for (i, e) in doc.entities.iter().enumerate() {
            let matches = (e.kind == EntityKind::Person)
                .then(|| self.candidates(e, &taken).map(|c| self.person_matches(e, &c)))
                .flatten();
            let found = match &matches {
                Some(m) => self.decide_person(e, m, true),
                None => self.find(e, &taken, true),
            };
            if let Some(pos) = found {
                strong[i] = Some(pos);
                taken.insert(pos);
            }
            people.push(matches);
        }
        let mut rekinded: Vec<(usize, EntityKind)> = Vec::new();
        for (i, e) in doc.entities.iter_mut().enumerate() {
            let found = strong[i].or_else(|| match people[i].as_mut() {
                Some(m) => {
                    m.strong.retain(|c| !taken.contains(c));
                    m.by_surname.retain(|c| !taken.contains(c));
                    self.decide_person(e, m, false).or_else(|| self.find_company_named(e, &taken))
                }
                None => self.find(e, &taken, false),
            });
            let pos = match found {
                Some(pos) => {
                    if self.absorb(pos, e) {
                        changes.updated.push(self.entities[pos].id.clone());
                    }
                    pos
                }
                None => {
                    self.next += 1;
                    let id = format!("e{}", self.next);
                    let pos = self.insert(KnownEntity {
                        id: id.clone(),
                        name: e.name.clone(),
                        kind: e.kind,
                        aliases: e.aliases.clone(),
                        roles: e.roles.clone(),
                    });
                    changes.created.push(id);
                    pos
                }
            };
            taken.insert(pos);
            let known = &self.entities[pos];
            // A "person" that joined a company (see `find_company_named`)
            // is the company.
            if known.kind != e.kind {
                e.kind = known.kind;
                rekinded.extend(e.mentions.iter().map(|&m| (m, known.kind)));
            }
            e.global_id = Some(known.id.clone());
            e.name = known.name.clone();
            e.aliases = known.aliases.clone();
        }
        for (m, kind) in rekinded {
            if let Some(mention) = doc.mentions.get_mut(m) {
                mention.kind = kind;
            }
        }
        changes.updated.sort();
        changes.updated.dedup();
        changes.updated.retain(|id| !changes.created.contains(id));
        changes
    }

    /// Adds the document entity's spellings and roles to a known entity;
    /// true when something was new.
    fn absorb(&mut self, pos: usize, e: &DocEntity) -> bool {
        let mut changed = false;
        let mut new_keys = Vec::new();
        let known = &mut self.entities[pos];
        for a in &e.aliases {
            if !known.aliases.contains(a) {
                known.aliases.push(a.clone());
                new_keys.extend(keys(a));
                if known.kind == EntityKind::Person {
                    self.prepared[pos].push(PreparedName::new(a));
                }
                changed = true;
            }
        }
        for r in &e.roles {
            if !known.roles.contains(r) {
                known.roles.push(r.clone());
                changed = true;
            }
        }
        // The fullest spelling of a person is the display name.
        if known.kind == EntityKind::Person && is_fuller_name(&e.name, &known.name) {
            known.name = e.name.clone();
            changed = true;
        }
        let kind = self.entities[pos].kind;
        for k in new_keys {
            let list = self.by_key.entry((kind, k)).or_default();
            if !list.contains(&pos) {
                list.push(pos);
            }
        }
        changed
    }

    /// The known entity a document entity is, under the rule in the module
    /// docs.
    /// With `strong_only`, a person is matched only by a spelling that is
    /// the same name or a variant of it, never by surname alone.
    fn find(&self, e: &DocEntity, taken: &HashSet<usize>, strong_only: bool) -> Option<usize> {
        let candidates = self.candidates(e, taken)?;
        match e.kind {
            EntityKind::Person => {
                let m = self.person_matches(e, &candidates);
                let found = self.decide_person(e, &m, strong_only);
                if strong_only {
                    found
                } else {
                    found.or_else(|| self.find_company_named(e, taken))
                }
            }
            EntityKind::Location => {
                let name = norm(&e.name);
                candidates
                    .into_iter()
                    .find(|&c| self.entities[c].kind == EntityKind::Location && norm(&self.entities[c].name) == name)
            }
            _ => {
                // Each spelling normalised once, not once per pair.
                let normed: Vec<String> = e.aliases.iter().map(|a| norm(a)).collect();
                candidates.into_iter().find(|&c| {
                    let k = &self.entities[c];
                    k.kind == e.kind
                        && k.aliases.iter().any(|ka| {
                            let nka = norm(ka);
                            e.aliases
                                .iter()
                                .zip(&normed)
                                .any(|(a, na)| *na == nka || super::is_acronym_of(a, ka) || super::is_acronym_of(ka, a))
                        })
                })
            }
        }
    }

    /// The known entities that may be the document entity: those of its
    /// kind that share an index key with one of its spellings, not taken,
    /// not descriptions, not split from it by a user; `None` when the
    /// document entity is itself a description.
    fn candidates(&self, e: &DocEntity, taken: &HashSet<usize>) -> Option<Vec<usize>> {
        if is_description(&e.name) {
            return None;
        }
        // Only entities of the document entity's kind can match (each rule
        // of `find` checks the kind), so only they are looked up.
        let mut candidates: Vec<usize> = e
            .aliases
            .iter()
            .flat_map(|a| keys(a))
            .filter_map(|k| self.by_key.get(&(e.kind, k)))
            .flatten()
            .copied()
            .collect();
        candidates.sort_unstable();
        candidates.dedup();
        candidates.retain(|c| !taken.contains(c) && !is_description(&self.entities[*c].name));
        // User splits are rare: without any, no candidate is forbidden, and
        // the spellings are not normalised once per candidate.
        if !self.forbidden.is_empty() {
            let normed: Vec<String> = e.aliases.iter().map(|a| norm(a)).collect();
            candidates.retain(|&c| {
                let id = &self.entities[c].id;
                !normed.iter().any(|a| self.forbidden.contains(&(id.clone(), a.clone())))
            });
        }
        Some(candidates)
    }

    /// The one known organisation that a document's "person" is, when the
    /// recogniser misread a company's name for a person's ("Marmara
    /// Petrokimya Rafineri" in a document that never writes the legal
    /// form): some spelling of two words or more is exactly a spelling of
    /// the organisation, and nothing marks a person (no role, no spelling
    /// that opens with a given name).
    fn find_company_named(&self, e: &DocEntity, taken: &HashSet<usize>) -> Option<usize> {
        if !e.roles.is_empty()
            || e.aliases.iter().any(|a| a.split_whitespace().next().is_some_and(super::mentions::is_given_name_like))
        {
            return None;
        }
        // A company is also named by the leading words of its name when
        // its full name carries a legal form ("Marmara Petrokimya" for
        // "Marmara Petrokimya Rafineri A.Ş.").
        let opens_company = |spelling: &str, c: usize| {
            let short = norm(spelling);
            self.entities[c].aliases.iter().any(|ka| {
                super::without_legal_form(ka).is_some_and(|stem| {
                    let stem = norm(stem);
                    stem == short || stem.starts_with(&format!("{short} "))
                })
            })
        };
        let mut found: Vec<usize> = e
            .aliases
            .iter()
            .filter(|a| a.split_whitespace().count() >= 2)
            .flat_map(|a| {
                let exact =
                    self.by_key.get(&(EntityKind::Organization, format!("n:{}", norm(a)))).into_iter().flatten();
                let opening = keys(a)
                    .into_iter()
                    .filter_map(|k| self.by_key.get(&(EntityKind::Organization, k)))
                    .flatten()
                    .filter(move |&&c| opens_company(a, c));
                exact.chain(opening).copied().collect::<Vec<_>>()
            })
            .filter(|c| !taken.contains(c))
            .filter(|&c| {
                // A user's split holds here too.
                let id = &self.entities[c].id;
                !e.aliases.iter().any(|a| self.forbidden.contains(&(id.clone(), norm(a))))
            })
            .collect();
        found.sort_unstable();
        found.dedup();
        match found.as_slice() {
            [c] => Some(*c),
            _ => None,
        }
    }

    /// Compares a document's person with each candidate (see
    /// [`PersonMatches`]).
    fn person_matches(&self, e: &DocEntity, candidates: &[usize]) -> PersonMatches {
        let doc_names: Vec<PreparedName> = e.aliases.iter().map(|a| PreparedName::new(a)).collect();
        // "al-Obaidi" has two parts but is a family name alone.
        let full = |n: &PreparedName| n.parts().core_len() >= 2;
        let doc_full = doc_names.iter().any(full);
        let mut strong: Vec<usize> = Vec::new();
        let mut by_surname: Vec<usize> = Vec::new();
        for &c in candidates {
            let k = &self.entities[c];
            if k.kind != EntityKind::Person {
                continue;
            }
            let known_names = &self.prepared[c];
            let known_full = known_names.iter().any(full);
            // Each pair of spellings is compared once (the writer of a large
            // ledger asks this of many candidates): the full-name pairs
            // first, then, unless they rule the candidate out, the others.
            let mut best = NameMatch::Different;
            for dp in doc_names.iter().filter(|p| full(p)) {
                for kp in known_names.iter().filter(|p| full(p)) {
                    best = best.max(compare_prepared(dp, kp));
                }
            }
            // Full names that all differ (another given name) rule the
            // candidate out; one full spelling that matches is enough, since
            // another may carry a title the entity stage kept in the name
            // ("Tuğamiral Selim Karaoğlu" beside "Selim Karaoğlu").
            if doc_full && known_full && best == NameMatch::Different {
                continue;
            }
            for dp in &doc_names {
                for kp in known_names {
                    if !(full(dp) && full(kp)) {
                        best = best.max(compare_prepared(dp, kp));
                    }
                }
            }
            match best {
                NameMatch::Exact | NameMatch::Variant if doc_full || known_full => strong.push(c),
                NameMatch::Exact => strong.push(c),
                NameMatch::Surname | NameMatch::Variant => by_surname.push(c),
                NameMatch::Different => {}
            }
        }
        PersonMatches { doc_names, strong, by_surname }
    }

    /// The known person a document's person is, from its comparisons; with
    /// `strong_only`, never by surname alone.
    fn decide_person(&self, e: &DocEntity, m: &PersonMatches, strong_only: bool) -> Option<usize> {
        let doc_names = &m.doc_names;
        if let Some(&c) = m.strong.first() {
            return Some(c);
        }
        if m.by_surname.len() == 1 && !strong_only {
            let c = m.by_surname[0];
            // A two-part name that is the first two parts of a known
            // three-part one ("Djoko Prasetyo" / "Joko Prasetyo Wibowo") is
            // a surname-like match of two names, not one: both parts agree,
            // so the evidence is the two parts' length, not the second's.
            let leading = |p: &PreparedName| {
                p.core_len() >= 2
                    && self.prepared[c]
                        .iter()
                        .any(|k| k.core_len() >= 2 && compare_prepared(p, k) == NameMatch::Surname)
            };
            let surname = doc_names
                .iter()
                .map(|p| if leading(p) { skeleton(&p.parts().joined()) } else { skeleton(p.parts().last()) })
                .max_by_key(|s| s.len())
                .unwrap_or_default();
            let role_match = {
                let a = keys_of(&e.roles);
                let b = keys_of(&self.entities[c].roles);
                a.iter().any(|x| b.iter().any(|y| x.matches(y)))
            };
            if surname.len() >= DISTINCTIVE_SURNAME || role_match {
                return Some(c);
            }
        }
        None
    }
}

/// A document's person compared with its candidates: the known people its
/// spellings name (the same name or a variant of a full name), and those
/// they match by surname only, in candidate order.
struct PersonMatches {
    doc_names: Vec<PreparedName>,
    strong: Vec<usize>,
    by_surname: Vec<usize>,
}

/// The spellings of a person prepared for comparison; nothing for other
/// kinds, which are matched on normalised spellings.
fn prepare(e: &KnownEntity) -> Vec<PreparedName> {
    if e.kind == EntityKind::Person {
        e.aliases.iter().map(|a| PreparedName::new(a)).collect()
    } else {
        Vec::new()
    }
}

/// True for a name that is a description of an unnamed source ("a senior
/// official", "witnesses"): it starts in lower case or with "a"/"an"/"the"
/// followed by a lower-case word. Such entities never join across
/// documents: two articles' "senior officials" are not known to be one.
pub fn is_description(name: &str) -> bool {
    let mut words = name.split_whitespace();
    let Some(first) = words.next() else { return true };
    if first.chars().next().is_some_and(char::is_lowercase) {
        return true;
    }
    matches!(first, "A" | "An" | "The" | "Some" | "Several" | "Two" | "Three" | "One")
        && words.next().is_some_and(|w| w.chars().next().is_some_and(char::is_lowercase))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::DocMeta;

    fn doc_with(people: &[&[&str]]) -> Document {
        let mut d = Document::new(DocMeta::default(), String::new());
        for aliases in people {
            d.entities.push(DocEntity {
                name: aliases[0].to_string(),
                kind: EntityKind::Person,
                aliases: aliases.iter().map(|s| s.to_string()).collect(),
                roles: Vec::new(),
                mentions: Vec::new(),
                global_id: None,
            });
        }
        d
    }

    fn ids(d: &Document) -> Vec<String> {
        d.entities.iter().map(|e| e.global_id.clone().unwrap_or_default()).collect()
    }

    #[test]
    fn spellings_join_across_documents() {
        let mut r = EntityRegistry::new();
        let mut a = doc_with(&[&["Hossein Amirabadollahian"], &["Nasser Kanani"]]);
        r.resolve(&mut a);
        let mut b =
            doc_with(&[&["Hossein Amir-Abdollahian", "Amir-Abdollahian"], &["Nasser Kanaani"], &["Kyrylo Budanov"]]);
        r.resolve(&mut b);
        assert_eq!(ids(&a)[0], ids(&b)[0]);
        assert_eq!(ids(&a)[1], ids(&b)[1]);
        assert_ne!(ids(&b)[2], ids(&a)[0]);
        assert!(b.entities[0].aliases.contains(&"Hossein Amirabadollahian".to_string()));
    }

    #[test]
    fn different_given_names_never_join() {
        let mut r = EntityRegistry::new();
        let mut a = doc_with(&[&["Oleksandr Kovalenko"]]);
        r.resolve(&mut a);
        let mut b = doc_with(&[&["Oleksiy Kovalenko"]]);
        r.resolve(&mut b);
        assert_ne!(ids(&a)[0], ids(&b)[0]);
        // A bare "Kovalenko" is ambiguous now and stays apart.
        let mut c = doc_with(&[&["Kovalenko"]]);
        r.resolve(&mut c);
        assert_ne!(ids(&c)[0], ids(&a)[0]);
        assert_ne!(ids(&c)[0], ids(&b)[0]);
    }

    #[test]
    fn transliterations_join_across_documents() {
        let mut r = EntityRegistry::new();
        let mut a = doc_with(&[&["Lusine Hakobyan", "Hakobyan"], &["Abdirahman Farah Warsame", "Warsame"]]);
        r.resolve(&mut a);
        let mut b = doc_with(&[&["Cabdiraxmaan Faarax Warsame"], &["Lusine Akopyan"]]);
        r.resolve(&mut b);
        assert_eq!(ids(&a)[0], ids(&b)[1]);
        assert_eq!(ids(&a)[1], ids(&b)[0]);
        // A Russian spelling of a Ukrainian name, named in full.
        let mut u = doc_with(&[&["Oleksiy Honcharenko"]]);
        r.resolve(&mut u);
        let mut v = doc_with(&[&["Alexei Goncharenko", "Goncharenko"]]);
        r.resolve(&mut v);
        assert_eq!(ids(&u)[0], ids(&v)[0]);
        // A woman of the family is another person.
        let mut c = doc_with(&[&["Anna Akopyan"]]);
        r.resolve(&mut c);
        assert_ne!(ids(&c)[0], ids(&a)[0]);
    }

    #[test]
    fn a_name_without_its_last_part_joins_across_documents() {
        let mut r = EntityRegistry::new();
        let mut a = doc_with(&[&["Joko Prasetyo Wibowo", "Joko"]]);
        r.resolve(&mut a);
        // The old Indonesian spelling, without the last name.
        let mut b = doc_with(&[&["Djoko Prasetyo", "Djoko"]]);
        r.resolve(&mut b);
        assert_eq!(ids(&a)[0], ids(&b)[0]);
        // Another given name is another person.
        let mut c = doc_with(&[&["Budi Prasetyo"]]);
        r.resolve(&mut c);
        assert_ne!(ids(&c)[0], ids(&a)[0]);
    }

    #[test]
    fn brothers_sharing_a_family_name_stay_apart() {
        let mut r = EntityRegistry::new();
        // A document that names only the family first, then one that names
        // a brother with it, then the other brother.
        let mut a = doc_with(&[&["al-Obaidi"]]);
        r.resolve(&mut a);
        let mut b = doc_with(&[&["Munther al-Obaidi", "al-Obaidi"]]);
        r.resolve(&mut b);
        let mut c = doc_with(&[&["Qais al-Obaidi", "Obaidi"]]);
        r.resolve(&mut c);
        assert_ne!(ids(&b)[0], ids(&c)[0]);
        let mut d = doc_with(&[&["Munther al-Obaidi"], &["Qais al-Obaidi"]]);
        r.resolve(&mut d);
        assert_eq!(ids(&d)[0], ids(&b)[0]);
        assert_eq!(ids(&d)[1], ids(&c)[0]);
        let known = |id: &str| r.get(id).map(|e| e.aliases.clone()).unwrap_or_default();
        assert!(!known(&ids(&b)[0]).contains(&"Qais al-Obaidi".to_string()));
        assert!(!known(&ids(&c)[0]).contains(&"Munther al-Obaidi".to_string()));
    }

    #[test]
    fn a_company_misread_as_a_person_joins_the_company() {
        let mut r = EntityRegistry::new();
        let mut a = doc_with(&[]);
        a.entities.push(DocEntity {
            name: "Kestrava Lojistik Hizmetleri A.Ş.".into(),
            kind: EntityKind::Organization,
            aliases: vec!["Kestrava Lojistik Hizmetleri A.Ş.".into()],
            roles: Vec::new(),
            mentions: Vec::new(),
            global_id: None,
        });
        r.resolve(&mut a);
        let mut b = doc_with(&[&["Kestrava Lojistik"], &["John Kestrava"]]);
        r.resolve(&mut b);
        assert_eq!(ids(&b)[0], ids(&a)[0]);
        assert_eq!(b.entities[0].kind, EntityKind::Organization);
        // A spelling that opens with a given name stays a person.
        assert_ne!(ids(&b)[1], ids(&a)[0]);
    }

    #[test]
    fn decisions_override_matching() {
        let mut r = EntityRegistry::new();
        let mut a = doc_with(&[&["Ilse Brandvold"], &["Emin Qarayev"]]);
        r.resolve(&mut a);
        let (x, y) = (ids(&a)[0].clone(), ids(&a)[1].clone());
        r.apply_decisions(&[Decision::Merge { into: x.clone(), from: y.clone() }]);
        assert_eq!(r.canonical_id(&y), x);
        let mut b = doc_with(&[&["Emin Garayev"]]);
        r.resolve(&mut b);
        assert_eq!(ids(&b)[0], x);
        r.apply_decisions(&[Decision::Split { entity: x.clone(), alias: "Emin Garayev".into() }]);
        let mut c = doc_with(&[&["Emin Garayev"]]);
        r.resolve(&mut c);
        assert_ne!(ids(&c)[0], x);
    }
}
