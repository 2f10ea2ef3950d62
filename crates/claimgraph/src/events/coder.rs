//! The event coder: from a parsed, entity-resolved, claim-annotated
//! document to PLOVER events.
//!
//! For every verb (and a few event nouns) of every sentence:
//!
//! 1. **Code the predicate** with the CAMEO verb dictionary: the verb's
//!    block, then the most specific pattern whose words occur before and
//!    after the verb in its clause (PETRARCH's patterns, matched over the
//!    dependency subtree instead of a constituency parse); CAMEO code →
//!    PLOVER type, mode and context ([`super::plover`]). claimgraph's own
//!    rules ([`super::lexicon`]) then fix what CAMEO does not say: arms
//!    transfers are AID, "bought from X" means X gives, weapons give the
//!    ASSAULT mode.
//! 2. **Compose** with governing verbs: "agree/ready to help" is AGREE,
//!    "refuse to meet" REJECT, "threaten to strike" THREATEN, "urge X to
//!    withdraw" REQUEST, "look forward to receiving" hypothetical; a future
//!    cooperative deed ("will provide") is AGREE, as PLOVER says.
//! 3. **Find the participants**: source = subject (or the `by` agent of a
//!    passive, or the controller of an infinitive), target = the pattern's
//!    target slot, else the first object or prepositional object that codes
//!    as an actor. Each noun phrase is coded from the entity registry's
//!    entity (its name and roles), the actor and agent dictionaries, and
//!    capital metonymy; "we" in a claim is the speaker's side; an
//!    unresolved or implausible pronoun falls back to the most recent
//!    actor named before it that is neither the target nor the speaker's
//!    side.
//! 4. **Attach** negation, future and hypothetical marks, quantities of the
//!    clause (weapons, casualties, frequency), the date (resolved from the
//!    publication date), the location, the reporting claim (`None` = the
//!    outlet's own voice) and denials of the event by the actor's side.

use std::collections::HashMap;

use claimgraph_nlp::{Token, Upos};

use super::actors::{actor_from_code, text_words, ActorLexicon, Coded};
use super::dates;
use super::dict::{Elem, Pattern, VerbDict};
use super::lexicon::{self, Governor};
use super::plover::{self, PloverType};
use crate::document::{Document, EntityKind, Event, EventActor, EventDate, EventQuantity, Span, Stance};
use crate::entities::gazetteer::Countries;

/// Everything the coder needs: verb patterns and the actor lexicon.
#[derive(Debug, Clone, Default)]
pub struct Lexicon {
    /// The CAMEO verb patterns.
    pub verbs: VerbDict,
    /// Actors, agents, capitals.
    pub actors: ActorLexicon,
}

/// How a predicate was coded.
#[derive(Debug, Clone)]
struct Coding {
    cameo: Option<String>,
    ty: PloverType,
    mode: Option<&'static str>,
    context: Option<&'static str>,
    source_tok: Option<usize>,
    target_tok: Option<usize>,
    weight: usize,
    /// Set when a governing verb changed the type; the governed verb.
    inner: Option<usize>,
    hypothetical: bool,
    future: bool,
    negated: bool,
    /// Reverse transfer ("bought from X"): the `from` phrase is the source.
    reverse: bool,
}

impl Coding {
    /// A plain coding of one trigger: no context, source or governor yet,
    /// asserted, weight 1.
    fn new(cameo: Option<&str>, ty: PloverType, mode: Option<&'static str>, target_tok: Option<usize>) -> Self {
        Coding {
            cameo: cameo.map(str::to_string),
            ty,
            mode,
            context: None,
            source_tok: None,
            target_tok,
            weight: 1,
            inner: None,
            hypothetical: false,
            future: false,
            negated: false,
            reverse: false,
        }
    }
}

/// Per-document working state.
struct Ctx<'d> {
    doc: &'d Document,
    lex: &'d Lexicon,
    toks: &'d [Token],
    words: Vec<String>,
    lemmas: Vec<String>,
    children: Vec<Vec<usize>>,
    entity_of: Vec<Option<usize>>,
    claim_of: Vec<Option<usize>>,
    /// Actors named in the text, in order, for pronoun fallback.
    salient: Vec<(usize, EventActor)>,
}

const CLAUSE_STOP: &[&str] = &["ccomp", "parataxis", "advcl", "acl:relcl", "csubj", "conj", "cc", "punct", "list"];
const NP_STOP: &[&str] = &["acl", "acl:relcl", "conj", "cc", "punct", "advcl", "parataxis", "ccomp", "dep", "list"];

/// Codes the events of a document.
pub fn code_document(doc: &Document, lex: &Lexicon) -> Vec<Event> {
    let toks = &doc.analysis.tokens;
    if toks.is_empty() {
        return Vec::new();
    }
    let mut ctx = Ctx::new(doc, lex);
    let mut events = Vec::new();
    for s in &doc.analysis.sentences {
        ctx.note_salient(s.tokens.clone());
        ctx.code_sentence(s.tokens.clone(), &mut events);
    }
    ctx.attach_denials(&mut events);
    // Stable: the main participants of a trigger stay before those coordinated with them.
    events.sort_by_key(|e| e.trigger.start);
    events
}

impl<'d> Ctx<'d> {
    fn new(doc: &'d Document, lex: &'d Lexicon) -> Self {
        let toks = &doc.analysis.tokens[..];
        let words: Vec<String> = toks.iter().map(|t| lower_word(t.text(&doc.text))).collect();
        let lemmas: Vec<String> = toks.iter().map(|t| lower_word(&t.lemma)).collect();
        let mut children = vec![Vec::new(); toks.len()];
        for (i, t) in toks.iter().enumerate() {
            if let Some(h) = t.head.filter(|&h| h < toks.len()) {
                children[h].push(i);
            }
        }
        let mut entity_of = vec![None; toks.len()];
        for m in &doc.mentions {
            let Some(e) = m.entity else { continue };
            let a = doc.analysis.token_at_or_after(m.span.start);
            for (i, slot) in entity_of.iter_mut().enumerate().skip(a) {
                if toks[i].start >= m.span.end {
                    break;
                }
                *slot = Some(e);
            }
        }
        let mut claim_of = vec![None; toks.len()];
        for (ci, c) in doc.claims.iter().enumerate() {
            let parts: Vec<Span> = if c.content_parts.is_empty() { vec![c.content] } else { c.content_parts.clone() };
            for p in parts {
                let a = doc.analysis.token_at_or_after(p.start);
                for (i, slot) in claim_of.iter_mut().enumerate().skip(a) {
                    if toks[i].start >= p.end {
                        break;
                    }
                    slot.get_or_insert(ci);
                }
            }
        }
        Ctx { doc, lex, toks, words, lemmas, children, entity_of, claim_of, salient: Vec::new() }
    }

    fn rel(&self, i: usize) -> &'static str {
        self.toks[i].deprel.as_str()
    }

    fn is_rel(&self, i: usize, rel: &str) -> bool {
        self.toks[i].deprel.is(rel)
    }

    fn upos(&self, i: usize) -> Upos {
        self.toks[i].upos
    }

    fn head(&self, i: usize) -> Option<usize> {
        self.toks[i].head.filter(|&h| h < self.toks.len())
    }

    fn kid(&self, i: usize, rel: &str) -> Option<usize> {
        self.children[i].iter().copied().find(|&c| self.is_rel(c, rel))
    }

    /// The preposition (case marker) of a nominal.
    fn case_of(&self, i: usize) -> Option<&str> {
        self.children[i]
            .iter()
            .copied()
            .filter(|&c| self.rel(c) == "case" && self.upos(c) == Upos::ADP)
            .map(|c| self.lemmas[c].as_str())
            .next()
    }

    /// The subtree of `i`, without the subtrees of children in `stop`, in
    /// text order.
    fn subtree(&self, i: usize, stop: &[&str]) -> Vec<usize> {
        let mut out = vec![i];
        let mut stack = vec![i];
        while let Some(n) = stack.pop() {
            for &c in &self.children[n] {
                if stop.contains(&self.rel(c)) {
                    continue;
                }
                out.push(c);
                stack.push(c);
            }
        }
        out.sort_unstable();
        out
    }

    /// The noun phrase headed by `h`, without its own preposition.
    fn np(&self, h: usize) -> Vec<usize> {
        let mut np = self.subtree(h, NP_STOP);
        np.retain(|&i| i == h || !(self.head(i) == Some(h) && matches!(self.rel(i), "case" | "mark")));
        np
    }

    fn span_of(&self, toks: &[usize]) -> Span {
        match (toks.first(), toks.last()) {
            (Some(&a), Some(&b)) => Span::new(self.toks[a].start, self.toks[b].end),
            _ => Span::default(),
        }
    }

    // ------------------------------------------------------------------
    // Actors

    /// Codes the noun phrase headed by `h`.
    fn np_actor(&self, h: usize) -> Option<EventActor> {
        if self.upos(h) == Upos::PRON {
            return self.pronoun_actor(h);
        }
        let np = self.np(h);
        let words: Vec<String> = np.iter().map(|&i| self.words[i].clone()).collect();
        let mut coded = self.lex.actors.code_words(&words);
        // The sector comes from the head's own words ("Iranian police"),
        // not from phrases inside it ("meetings in the presence of military
        // experts").
        let core: Vec<String> = self
            .subtree(
                h,
                &[
                    "acl",
                    "acl:relcl",
                    "conj",
                    "cc",
                    "punct",
                    "advcl",
                    "parataxis",
                    "ccomp",
                    "dep",
                    "list",
                    "nmod",
                    "appos",
                    "case",
                ],
            )
            .into_iter()
            .map(|i| self.words[i].clone())
            .collect();
        let core_coded = self.lex.actors.code_words(&core);
        coded.agent = core_coded.agent.clone();
        // "ties with Egypt's government", "the removal of President X": a
        // head that names no actor stands for the actor phrase inside it.
        if core_coded.actor.is_none() && core_coded.agent.is_none() && self.entity_of[h].is_none() {
            let inner = self.children[h]
                .iter()
                .copied()
                .filter(|&k| matches!(self.rel(k), "nmod" | "nmod:poss"))
                .find_map(|k| self.np_actor(k).filter(|a| a.country.is_some() || !a.code.starts_with("---")));
            if let Some(a) = inner {
                return Some(a);
            }
        }
        let entity = self.entity_of[h].or_else(|| np.iter().find_map(|&i| self.entity_of[i]));
        if let Some(e) = entity {
            self.fill_from_entity(e, &mut coded);
        }
        if coded.is_empty() {
            // A weapon acting ("missiles hit the port") is a participant.
            if lexicon::is_weapon(&self.lemmas[h]) {
                let text = self.span_of(&np).text(&self.doc.text).to_string();
                return Some(EventActor {
                    entity,
                    span: Some(self.span_of(&np)),
                    text,
                    code: "---WPN".into(),
                    country: None,
                    sector: Some("WPN".into()),
                });
            }
            return None;
        }
        let span = self.span_of(&np);
        let mut a = coded.to_actor(span.text(&self.doc.text).to_string())?;
        if lexicon::is_weapon(&self.lemmas[h]) && a.country.is_some() {
            a.sector = Some("WPN".into());
        }
        a.entity = entity;
        a.span = Some(span);
        Some(a)
    }

    /// Adds what the entity's name and roles say to a coding.
    fn fill_from_entity(&self, e: usize, coded: &mut Coded) {
        let Some(ent) = self.doc.entities.get(e) else { return };
        if coded.actor.is_some() && coded.agent.is_some() {
            return;
        }
        // Names first, then roles: a role naming both a country and an
        // office ("Iran's foreign minister") outranks one naming only a
        // country ("his Ukrainian counterpart" describes the other side).
        let mut texts: Vec<(u8, Coded, bool)> = Vec::new();
        for t in std::iter::once(&ent.name).chain(ent.aliases.iter()) {
            texts.push((0, self.lex.actors.code_text(t), false));
        }
        for r in &ent.roles {
            let c = self.lex.actors.code_text(r);
            let lower = r.to_lowercase();
            let other_side = lower.contains("counterpart") || lower.starts_with("his ") || lower.starts_with("her ");
            let rank = match (c.actor.is_some(), c.agent.is_some(), other_side) {
                (_, _, true) => 4,
                (true, true, _) => 1,
                (true, false, _) => 2,
                _ => 3,
            };
            texts.push((rank, c, true));
        }
        texts.sort_by_key(|(r, _, _)| *r);
        for (_, c, is_role) in texts {
            if coded.actor.is_none() {
                if let Some(a) = c.actor {
                    // A person named after a place is not that country: only
                    // roles and organisation names give a country.
                    if ent.kind != EntityKind::Person || is_role || a.len() > 3 {
                        coded.actor = Some(a);
                        coded.capital = c.capital && ent.kind != EntityKind::Person;
                    }
                }
            }
            if coded.agent.is_none() {
                coded.agent = c.agent;
            }
        }
        if ent.kind == EntityKind::Person && coded.agent.is_none() && coded.actor.as_ref().is_some_and(|a| a.len() == 3)
        {
            // Officials quoted in political news speak for their state.
            if ent.roles.iter().any(|r| is_official_role(r)) {
                coded.agent = Some(super::dict::Agent { code: "GOV".into(), prefix: false });
            }
        }
    }

    /// The actor of an entity (its name and roles).
    fn entity_actor(&self, e: usize, span: Option<Span>) -> Option<EventActor> {
        let ent = self.doc.entities.get(e)?;
        let mut coded = Coded::default();
        self.fill_from_entity(e, &mut coded);
        let mut a = match coded.code() {
            Some(code) => actor_from_code(code, ent.name.clone()),
            None => EventActor { code: "---".into(), text: ent.name.clone(), ..Default::default() },
        };
        a.entity = Some(e);
        a.span = span;
        Some(a)
    }

    /// A pronoun: the entity it was resolved to; "we" in a claim is the
    /// speaker's side.
    fn pronoun_actor(&self, h: usize) -> Option<EventActor> {
        let span = Some(Span::new(self.toks[h].start, self.toks[h].end));
        let w = self.lemmas[h].as_str();
        if matches!(w, "we" | "i" | "us" | "our" | "my" | "me") {
            if let Some(c) = self.claim_of[h].and_then(|c| self.doc.claims.get(c)) {
                if let Some(e) = c.speaker.entity {
                    return self.entity_actor(e, span).map(|mut a| {
                        // "We" is the institution, not the person.
                        if w != "i" && w != "me" && w != "my" {
                            a.entity = a.entity.filter(|_| false).or(Some(e));
                        }
                        a
                    });
                }
            }
        }
        if let Some(e) = self.entity_of[h] {
            return self.entity_actor(e, span);
        }
        None
    }

    /// The most recent country-level actor named before token `before`
    /// (within `within`, the pronoun's sentence, when given) whose country
    /// is not excluded: the antecedent of a pronoun left unresolved, or of
    /// one whose resolution contradicts its event. Cities and regions are
    /// no antecedents ("he" is no city's government); across sentences only
    /// a country, a capital or an actor phrase is.
    fn country_before(
        &self,
        before: usize,
        within: Option<&std::ops::Range<usize>>,
        exclude: &[Option<String>],
    ) -> Option<EventActor> {
        self.salient
            .iter()
            .rev()
            .filter(|(i, _)| *i < before && within.is_none_or(|r| r.contains(i)))
            .map(|(_, a)| a)
            .filter(|a| !exclude.iter().any(|x| x.is_some() && *x == a.country))
            .find(|a| {
                let Some(cc) = a.country.as_deref() else { return false };
                let capital = a.code.len() == 6 && a.sector.as_deref() == Some("GOV");
                let text = a.text.trim_start_matches("the ").trim_start_matches("The ");
                let country = Countries::get()
                    .by_code(cc)
                    .is_some_and(|c| c.name.eq_ignore_ascii_case(text) || text.len() <= 3 && a.code == cc);
                // "Moroccan diplomats", "the Iranian Foreign Ministry": an
                // actor phrase, not a bare demonym or a city.
                let place =
                    a.entity.and_then(|e| self.doc.entities.get(e)).is_some_and(|e| e.kind == EntityKind::Location);
                let phrase = (text.contains(' ') || within.is_some()) && !place;
                capital || country || phrase
            })
            .cloned()
    }

    /// Remembers the countries and organisations named in a sentence.
    fn note_salient(&mut self, range: std::ops::Range<usize>) {
        let mut found = Vec::new();
        let words = &self.words[range.clone()];
        let mut k = 0;
        while k < words.len() {
            // The pronoun "us" is no United States.
            if self.upos(range.start + k) == Upos::PRON {
                k += 1;
                continue;
            }
            if let Some((n, code)) = self.lex.actors.actors.lookup(words, k, self.lex.actors.date) {
                let i = range.start + k;
                let span = Span::new(self.toks[i].start, self.toks[i + n - 1].end);
                let capital = self
                    .lex
                    .actors
                    .capitals
                    .get(&words[k..k + n].join(" "))
                    .is_some_and(|c| code.starts_with(c.as_str()));
                let code = if capital && code.len() == 3 { format!("{code}GOV") } else { code };
                let mut a = actor_from_code(code, span.text(&self.doc.text).to_string());
                a.span = Some(span);
                a.entity = self.entity_of[i];
                found.push((i, a));
                k += n;
            } else {
                k += 1;
            }
        }
        self.salient.extend(found);
    }

    fn speaker_country(&self, claim: Option<usize>) -> Option<String> {
        let c = self.doc.claims.get(claim?)?;
        let e = c.speaker.entity?;
        self.entity_actor(e, None).and_then(|a| a.country)
    }

    // ------------------------------------------------------------------
    // Predicates

    fn code_sentence(&self, range: std::ops::Range<usize>, out: &mut Vec<Event>) {
        let mut cands: HashMap<usize, Coding> = HashMap::new();
        for p in range.clone() {
            let up = self.upos(p);
            if up == Upos::VERB {
                if let Some(c) = self.code_verb(p) {
                    cands.insert(p, c);
                }
            }
        }
        // Compose governors with the deeds they govern, deepest first.
        let mut order: Vec<usize> = range.clone().collect();
        order.sort_by_key(|&p| std::cmp::Reverse(self.depth(p)));
        for p in order {
            let Some(g) = self.governor_class(p) else { continue };
            let Some(inner) = self.governed(p) else { continue };
            let inner_coding = cands.remove(&inner);
            let outer = cands.remove(&p);
            if let Some(c) = self.compose(p, g, inner, inner_coding, outer) {
                cands.insert(p, c);
            }
        }
        // "shelled the town, killing five": the killing is the shelling's
        // toll, not a second event.
        let tolls: Vec<usize> = cands
            .keys()
            .copied()
            .filter(|&p| {
                self.is_toll(p)
                    && self.head(p).is_some_and(|h| cands.get(&h).is_some_and(|c| c.ty == PloverType::Assault))
            })
            .collect();
        for p in tolls {
            cands.remove(&p);
        }
        // Event nouns not already inside a coded verb's pattern.
        let covered: std::collections::HashSet<usize> =
            cands.iter().flat_map(|(&p, c)| std::iter::once(p).chain(c.inner)).collect();
        for p in range.clone() {
            if self.upos(p) == Upos::NOUN && !cands.contains_key(&p) {
                if let Some(c) = self.code_noun(p, &covered) {
                    cands.insert(p, c);
                }
            }
        }
        let start = out.len();
        let mut keys: Vec<usize> = cands.keys().copied().collect();
        keys.sort_unstable();
        for p in keys {
            let coding = &cands[&p];
            self.build_events(p, coding, range.clone(), out);
        }
        // A sentence that gave no event (nothing coded, or no participant
        // found): fall back on readings the tree does not license, each only
        // when every earlier reading failed.
        if out.len() == start {
            for (p, c) in self.fallback(range.clone(), cands.is_empty()) {
                self.build_events(p, &c, range.clone(), out);
                if out.len() > start {
                    break;
                }
            }
        }
    }

    /// The readings of a sentence whose predicates coded nothing, best
    /// first (the first that yields an event is kept):
    /// 1. a CAMEO verb form the tagger took for an adjective or noun, in a
    ///    verb's slot between two noun phrases ("tanks shelled positions");
    /// 2. a refusal with an object of any kind ("reject the changes");
    /// 3. a noun that names a CAMEO verb's deed — the verb itself
    ///    ("demand", "talk") or its nominalisation ("withdrawal",
    ///    "deployment") — coded with the verb's default code, highest in the
    ///    tree first.
    ///
    /// Event nouns (3) are read only when no predicate coded at all: a
    /// sentence whose coded verb lacked participants rarely has its event
    /// in a noun ("for these reasons", "relations").
    fn fallback(&self, range: std::ops::Range<usize>, nothing_coded: bool) -> Vec<(usize, Coding)> {
        let mut found = Vec::new();
        let mut by_depth: Vec<usize> = range.clone().collect();
        by_depth.sort_by_key(|&p| (self.depth(p), p));
        for &p in &by_depth {
            if matches!(self.upos(p), Upos::ADJ | Upos::NOUN) && self.stranded_verb_form(p, &range) {
                if let Some(c) = self.code_verb(p) {
                    found.push((p, c));
                }
            }
        }
        for &p in &by_depth {
            if self.upos(p) == Upos::VERB && lexicon::is_refusal(&self.lemmas[p]) {
                if let Some(o) = self.kid(p, "obj") {
                    let proposer = self.owner_of(o);
                    let mut c = Coding::new(Some("120"), PloverType::Reject, None, proposer);
                    self.modality(p, &mut c);
                    found.push((p, c));
                }
            }
        }
        // A governor whose deed codes nothing still states an intention,
        // a demand, a refusal or a threat (PLOVER codes the speech act).
        for &p in &by_depth {
            let Some(g) = self.governor_class(p) else { continue };
            if self.governed(p).is_none() {
                continue;
            }
            let (ty, cameo) = match g {
                Governor::Intent => (PloverType::Agree, "030"),
                Governor::Request => (PloverType::Request, "100"),
                Governor::Refuse => (PloverType::Reject, "120"),
                Governor::Threat => (PloverType::Threaten, "130"),
                Governor::Wish | Governor::Attempt => continue,
            };
            let mut c = Coding::new(Some(cameo), ty, None, None);
            self.modality(p, &mut c);
            if g == Governor::Intent {
                c.future = true;
            }
            found.push((p, c));
        }
        for &p in by_depth.iter().filter(|_| nothing_coded) {
            if self.upos(p) != Upos::NOUN || !matches!(self.rel(p), "obj" | "nsubj" | "obl" | "root" | "nsubj:pass") {
                continue;
            }
            // "Valdoria's air force said": a noun that with its compounds
            // names an actor is no deed.
            let name: Vec<String> = self.children[p]
                .iter()
                .copied()
                .filter(|&k| self.rel(k) == "compound")
                .chain(std::iter::once(p))
                .map(|k| self.words[k].clone())
                .collect();
            if self.lex.actors.code_words(&name).agent.is_some() {
                continue;
            }
            let Some(code) = self.nominal_cameo(p) else { continue };
            let Some(pc) = plover::from_cameo(&code) else { continue };
            let partner = self.noun_partner(p);
            let owner = self.kid(p, "nmod:poss").or_else(|| self.owner_of(p));
            let mut c = Coding { source_tok: owner, ..Coding::new(Some(&code), pc.event, pc.mode, partner) };
            c.context = pc.context;
            // The verb the noun hangs from carries the modality.
            if let Some(h) = self.head(p).filter(|&h| self.upos(h) == Upos::VERB) {
                self.modality(h, &mut c);
            }
            found.push((p, c));
        }
        found
    }

    /// An inflected verb form ("shelled", "praised") tagged as an
    /// adjective or noun between a noun phrase and the phrase it acts on,
    /// whose base form is a CAMEO verb: the tagger's error, not a modifier.
    fn stranded_verb_form(&self, p: usize, range: &std::ops::Range<usize>) -> bool {
        let w = self.words[p].to_lowercase();
        if !w.ends_with("ed") || w.len() < 5 || p == range.start || p + 1 >= range.end {
            return false;
        }
        let before = matches!(self.upos(p - 1), Upos::NOUN | Upos::PROPN | Upos::ADV);
        let after = matches!(self.upos(p + 1), Upos::DET | Upos::NOUN | Upos::PROPN | Upos::ADJ | Upos::NUM);
        before && after && deinflect(&w).iter().any(|b| self.lex.verbs.verbs.contains_key(b))
    }

    /// The default CAMEO code of the verb a noun names: the noun as a verb
    /// ("demand", "attack") or its nominalisation undone ("withdrawal" →
    /// "withdraw", "deployment" → "deploy", "invasion" → "invade").
    fn nominal_cameo(&self, p: usize) -> Option<String> {
        let lemma = self.lemmas[p].as_str();
        let mut bases = vec![lemma.to_string()];
        for (suffix, repls) in [
            ("al", &["", "e"][..]),
            ("ment", &[""][..]),
            ("ation", &["ate", "e", ""][..]),
            ("ition", &["ish", "ite", "e"][..]),
            ("sion", &["de", "d", "t"][..]),
            ("tion", &["te", "t", "e"][..]),
            ("ance", &["", "e"][..]),
            ("ence", &["", "e"][..]),
            ("age", &[""][..]),
        ] {
            if let Some(stem) = lemma.strip_suffix(suffix).filter(|s| s.len() >= 3) {
                bases.extend(repls.iter().map(|r| format!("{stem}{r}")));
            }
        }
        let dict = &self.lex.verbs;
        bases.iter().find_map(|b| {
            let entry = dict.verbs.get(b)?.iter().find(|e| e.particles.is_empty())?;
            let code = entry
                .code
                .clone()
                .unwrap_or_else(|| dict.blocks.get(entry.block).map(|bl| bl.code.clone()).unwrap_or_default());
            plover::from_cameo(&code).is_some().then_some(code)
        })
    }

    fn depth(&self, mut i: usize) -> usize {
        let mut d = 0;
        while let Some(h) = self.head(i) {
            d += 1;
            i = h;
            if d > 64 {
                break;
            }
        }
        d
    }

    /// Codes a verb with the CAMEO patterns and claimgraph's rules.
    fn code_verb(&self, p: usize) -> Option<Coding> {
        let lemma = self.lemmas[p].as_str();
        if self.is_adjectival_participle(p) {
            return None;
        }
        // "launched an investigation", "imposed sanctions", "hold meetings":
        // the object noun gives the type; the verb's subject is the actor and
        // governors still compose with it ("ready to hold talks").
        if lexicon::is_light_verb(lemma) {
            if let Some((o, (ty, mode))) = self.kid(p, "obj").and_then(|o| Some((o, self.noun_event(o)?))) {
                let partner = self.noun_partner(o);
                let mut c = Coding::new(None, ty, mode, partner);
                self.modality(p, &mut c);
                return Some(c);
            }
        }
        // "according to X" reports; it is no accord.
        if lexicon::is_reporting(lemma) || self.words[p] == "according" {
            return None;
        }
        // "bombed ..., using 75 missiles": the instrument of the main deed.
        if matches!(lemma, "use" | "employ" | "utilize" | "utilise")
            && matches!(self.rel(p), "advcl" | "conj" | "xcomp")
            && self.kid(p, "nsubj").is_none()
        {
            return None;
        }
        // "rejected the allegation" is a denial, carried by the claim.
        if matches!(lemma, "reject" | "deny" | "dismiss" | "refute")
            && self.kid(p, "obj").is_some_and(|o| lexicon::is_allegation(&self.lemmas[o]))
        {
            return None;
        }
        // "continued their hunger strike", with "strike" tagged a verb.
        if lemma == "strike" && p > 0 && self.words[p - 1] == "hunger" {
            let mut c = Coding::new(Some("142"), PloverType::Protest, Some("hunger"), None);
            self.modality(p, &mut c);
            return Some(c);
        }
        let mut coding = self.match_cameo(p);
        // The object's head; "suspended aid deliveries": also its compound.
        let obj_lemma = self
            .kid(p, "obj")
            .map(|o| {
                let compound = self.children[o]
                    .iter()
                    .copied()
                    .find(|&k| self.rel(k) == "compound" && lexicon::is_relation(&self.lemmas[k]));
                self.lemmas[compound.unwrap_or(o)].clone()
            })
            // No object in the tree ("sought refuge" with "refuge" tagged
            // an adverb): the first content word right after the verb.
            .or_else(|| {
                (p + 1..(p + 4).min(self.toks.len()))
                    .take_while(|&k| !matches!(self.upos(k), Upos::VERB | Upos::PUNCT | Upos::ADP))
                    .find(|&k| !matches!(self.upos(k), Upos::DET | Upos::ADJ | Upos::NUM | Upos::PRON))
                    .map(|k| self.lemmas[k].clone())
            })
            .unwrap_or_default();
        if let Some((ty, mode, overrides)) = lexicon::verb_reading(lemma, &obj_lemma) {
            if overrides || coding.is_none() {
                let weight = coding.as_ref().map_or(1, |c| c.weight.max(1));
                coding = Some(Coding {
                    cameo: None,
                    ty,
                    mode,
                    context: None,
                    source_tok: None,
                    target_tok: None,
                    weight,
                    inner: None,
                    hypothetical: false,
                    future: false,
                    negated: false,
                    reverse: false,
                });
            }
        }
        // "stopped negotiations", "ended mediation efforts": discontinuing a
        // cooperative deed the CAMEO dictionary names (the object noun or
        // its compound undone into its verb) is SANCTION/discontinue.
        if lexicon::is_discontinue(lemma) && coding.as_ref().is_none_or(|c| c.ty.is_cooperative()) {
            let named = self.kid(p, "obj").and_then(|o| {
                std::iter::once(o)
                    .chain(self.children[o].iter().copied().filter(|&k| self.rel(k) == "compound"))
                    .filter_map(|k| self.nominal_cameo(k))
                    .filter_map(|code| plover::from_cameo(&code))
                    .find(|pc| pc.event.is_cooperative())
            });
            if named.is_some() {
                coding = Some(Coding::new(Some("160"), PloverType::Sanction, Some("discontinue"), None));
            }
        }
        // "rejected an ultimatum", "turned down the offer": PETRARCH's
        // refusal block has no code of its own (its patterns need a parse),
        // but any refusal of a proposal, demand or invitation is REJECT.
        if coding.is_none() && lexicon::is_refusal(lemma) {
            // The refused thing, also when the tagger took its noun for a
            // verb ("rejected a UN appeal" with "appeal" a relative clause).
            let refused = self.kid(p, "obj").or_else(|| {
                self.children[p].iter().copied().find(|&k| {
                    matches!(self.rel(k), "acl:relcl" | "ccomp" | "xcomp" | "acl" | "dep")
                        && lexicon::refused_mode(&self.lemmas[k]).is_some()
                        && k > p
                })
            });
            if let Some(o) = refused {
                // "rejected an Australian ultimatum": the proposer.
                let proposer = self.owner_of(o).or_else(|| self.kid(o, "nsubj").filter(|_| self.upos(o) == Upos::VERB));
                coding = Some(Coding::new(
                    Some("120"),
                    PloverType::Reject,
                    lexicon::refused_mode(&self.lemmas[o]),
                    proposer,
                ));
            }
        }
        // claimgraph's rules over CAMEO.
        let obj = self.kid(p, "obj");
        let with_obl = self.children[p]
            .iter()
            .copied()
            .find(|&c| self.is_rel(c, "obl") && matches!(self.case_of(c), Some("with")));
        let patient = self.kid(p, "nsubj:pass").map(|s| {
            if matches!(self.lemmas[s].as_str(), "which" | "that") && self.rel(p) == "acl:relcl" {
                self.head(p).unwrap_or(s)
            } else {
                s
            }
        });
        let thing = obj.or(with_obl).or(patient);
        if lexicon::is_transfer(lemma) {
            let goods = thing.map(|t| self.lemmas[t].clone()).unwrap_or_default();
            let goods_conj: Vec<String> = thing
                .map(|t| {
                    self.children[t]
                        .iter()
                        .filter(|&&c| self.is_rel(c, "conj"))
                        .map(|&c| self.lemmas[c].clone())
                        .collect()
                })
                .unwrap_or_default();
            let military = lexicon::is_weapon(&goods)
                || lexicon::is_troops(&goods)
                || goods_conj.iter().any(|g| lexicon::is_weapon(g));
            let goods_nmod: Vec<String> = thing
                .map(|t| {
                    self.children[t]
                        .iter()
                        .filter(|&&c| self.is_rel(c, "nmod") || self.is_rel(c, "compound"))
                        .map(|&c| self.lemmas[c].clone())
                        .collect()
                })
                .unwrap_or_default();
            let aid = military
                || lexicon::is_aid_goods(&goods)
                || goods_nmod.iter().any(|g| lexicon::is_aid_goods(g) || lexicon::is_weapon(g));
            let reverse = lexicon::is_reverse_transfer(lemma);
            if aid {
                coding = Some(Coding {
                    cameo: Some(if military { "072".into() } else { "070".into() }),
                    ty: PloverType::Aid,
                    mode: None,
                    context: Some(if military { "military" } else { "economic" }),
                    source_tok: None,
                    target_tok: None,
                    weight: coding.as_ref().map_or(1, |c| c.weight.max(1)),
                    inner: None,
                    hypothetical: false,
                    future: false,
                    negated: false,
                    reverse,
                });
            } else if reverse {
                if let Some(c) = coding.as_mut() {
                    c.reverse = true;
                }
            }
        }
        let mut coding = coding?;
        if coding.weight == 0 && self.is_speech_not_deed(p, &coding) {
            return None;
        }
        if coding.ty == PloverType::Assault && coding.mode.is_none() {
            coding.mode = self.weapon_mode_in(p);
        }
        self.modality(p, &mut coding);
        self.obligation(p, &mut coding);
        Some(coding)
    }

    /// The name of the CAMEO verb block the verb at `p` belongs to, lower-cased.
    fn block_name(&self, p: usize) -> Option<&str> {
        let dict = &self.lex.verbs;
        let entries = std::iter::once(self.lemmas[p].clone())
            .chain(std::iter::once(self.words[p].clone()))
            .chain(deinflect(&self.words[p]))
            .find_map(|k| dict.verbs.get(&k))?;
        let e = entries.iter().find(|e| e.particles.is_empty()).or(entries.first())?;
        dict.blocks.get(e.block).map(|b| b.name.as_str())
    }

    /// A verb coded only by its CAMEO block's default (no pattern matched)
    /// that, in this sentence, reports, names or moves rather than acts:
    /// - a verb of promise, praise or warning with a `that` clause reports
    ///   the clause ("affirmed that the situation is under control",
    ///   "warned that Georgia will not get closer"); the clause carries its
    ///   own event ("warned it would strike" is coded from "strike");
    /// - a verb of naming ("calling them an element of the war", "what it
    ///   called the crime"): two objects, an object with a predicate, or a
    ///   relative clause on "what";
    /// - "going to" + verb is the future, not a journey;
    /// - a death ("a peasant dies") names its victim, not a doer.
    fn is_speech_not_deed(&self, p: usize, c: &Coding) -> bool {
        let kids = &self.children[p];
        let clause = kids.iter().copied().find(|&k| self.rel(k) == "ccomp").or_else(|| {
            self.subtree(p, CLAUSE_STOP)
                .into_iter()
                .find(|&k| k > p && self.rel(k) == "mark" && self.lemmas[k] == "that" && self.upos(k) != Upos::DET)
                .and_then(|m| self.head(m))
        });
        if let Some(k) = clause.filter(|_| c.ty.is_cooperative() || c.ty == PloverType::Threaten) {
            // "warned that it would retaliate", "pledged that they will
            // help": the speaker's own side announcing a deed is the threat
            // or promise itself.
            let future = self.children[k].iter().any(|&m| {
                self.rel(m) == "aux" && matches!(self.lemmas[m].as_str(), "will" | "would" | "shall" | "'ll")
            });
            let own_side = self.kid(k, "nsubj").is_some_and(|sj| {
                matches!(self.lemmas[sj].as_str(), "it" | "they" | "we" | "he" | "she")
                    || self.kid(p, "nsubj").is_some_and(|ps| {
                        self.np_actor(ps)
                            .zip(self.np_actor(sj))
                            .is_some_and(|(a, b)| a.country.is_some() && a.country == b.country)
                    })
            });
            return !(future && own_side);
        }
        let objs = kids.iter().filter(|&&k| self.rel(k) == "obj").count();
        let predicate = kids.iter().any(|&k| self.rel(k) == "xcomp" && self.upos(k) != Upos::VERB);
        let on_what = self.rel(p) == "acl:relcl" && self.head(p).is_some_and(|h| self.lemmas[h] == "what");
        if objs >= 2 || (objs == 1 && predicate) || on_what {
            return true;
        }
        if self.lemmas[p] == "go"
            && kids.iter().any(|&k| {
                self.rel(k) == "xcomp"
                    && self.children[k].iter().any(|&m| self.rel(m) == "mark" && self.lemmas[m] == "to")
            })
        {
            return true;
        }
        self.block_name(p) == Some("die")
    }

    /// "politically motivated and intended to ...", "the surrounding
    /// villages": a participle used as an adjective, not a deed.
    fn is_adjectival_participle(&self, p: usize) -> bool {
        let t = &self.toks[p];
        // "the surrounding villages", "the ruling party": a present
        // participle before its noun, with no object, describes it.
        if t.xpos.as_str() == "VBG"
            && self.rel(p) == "amod"
            && self.head(p).is_some_and(|h| h > p)
            && self.kid(p, "obj").is_none()
        {
            return true;
        }
        if t.xpos.as_str() != "VBN"
            || self.children[p].iter().any(|&k| {
                self.rel(k).starts_with("aux") || self.rel(k).starts_with("nsubj") || self.rel(k) == "obl:agent"
            })
        {
            return false;
        }
        match self.rel(p) {
            "amod" => true,
            "conj" | "xcomp" => self.head(p).is_some_and(|h| {
                self.upos(h) == Upos::ADJ
                    || (self.toks[h].xpos.as_str() == "VBN"
                        && !self.children[h].iter().any(|&k| self.rel(k).starts_with("aux")))
            }),
            _ => false,
        }
    }

    /// The assault mode given by weapons in the clause.
    fn weapon_mode_in(&self, p: usize) -> Option<&'static str> {
        let lemma = self.lemmas[p].as_str();
        let form = self.words[p].as_str();
        if matches!(lemma, "shell" | "bombard") || form.starts_with("shell") || form.starts_with("bombard") {
            return Some("heavy-weapons");
        }
        if matches!(lemma, "shoot" | "gun") || form.starts_with("shot") || form.starts_with("shoot") {
            return Some("firearms");
        }
        for i in self.subtree(p, CLAUSE_STOP) {
            if let Some(m) = lexicon::weapon_mode(&self.lemmas[i]).filter(|m| *m != "weapons") {
                return Some(m);
            }
        }
        None
    }

    /// "Russia said that Sudan must return the helicopter": an obligation
    /// laid on someone in reported speech is the reporter's REQUEST of the
    /// obliged party (PLOVER codes demands by what they ask for).
    fn obligation(&self, p: usize, c: &mut Coding) {
        let obliged = self.children[p]
            .iter()
            .any(|&k| self.rel(k) == "aux" && matches!(self.lemmas[k].as_str(), "must" | "should" | "ought"));
        if !obliged || c.ty == PloverType::Request || self.children[p].iter().any(|&k| self.lemmas[k] == "if") {
            return;
        }
        let Some(h) = self.reporting_head(p) else { return };
        let hl = self.lemmas[h].as_str();
        if !lexicon::is_reporting(hl)
            && lexicon::governor(hl) != Some(Governor::Request)
            && !matches!(hl, "conclude" | "insist" | "warn")
        {
            return;
        }
        let Some(src) = self.subject_of(h, 0) else { return };
        let Some(obj) = self.kid(p, "nsubj") else { return };
        if self.np_actor(obj).is_none() {
            return;
        }
        c.mode = request_mode(c.ty);
        c.ty = PloverType::Request;
        c.source_tok = Some(src);
        c.target_tok = Some(obj);
        c.future = false;
        c.hypothetical = false;
    }

    /// The verb whose complement clause holds `p` ("said [that X would
    /// ...]"), through control verbs in between.
    fn reporting_head(&self, p: usize) -> Option<usize> {
        let mut i = p;
        for _ in 0..3 {
            let h = self.head(i)?;
            match self.rel(i) {
                "ccomp" => return (self.upos(h) == Upos::VERB).then_some(h),
                "xcomp" => i = h,
                _ => return None,
            }
        }
        None
    }

    /// Negation, future and hypothetical marks of a predicate.
    fn modality(&self, p: usize, c: &mut Coding) {
        for &k in &self.children[p] {
            let l = self.lemmas[k].as_str();
            let r = self.rel(k);
            if (r == "advmod" || r == "aux" || r == "cc:preconj" || r == "det") && lexicon::is_negation(l) {
                c.negated = true;
            }
            if r == "aux" && lexicon::is_future_marker(l) {
                c.future = true;
            }
            if (r == "aux" || r == "mark") && lexicon::is_hypothetical_marker(l) && l != "will" {
                c.hypothetical = true;
            }
        }
        // "said they would boycott": the future of reported speech, unless
        // a condition makes it hypothetical.
        if !c.future
            && self.children[p].iter().any(|&k| self.rel(k) == "aux" && self.lemmas[k] == "would")
            && !self.children[p].iter().any(|&k| matches!(self.lemmas[k].as_str(), "if" | "unless"))
            && self.reporting_head(p).is_some_and(|h| lexicon::is_reporting(&self.lemmas[h]))
        {
            c.future = true;
            c.hypothetical = false;
        }
        // "supplied no weapons", "not a single missile".
        if let Some(o) = self.kid(p, "obj") {
            if self.children[o].iter().any(|&k| matches!(self.lemmas[k].as_str(), "no" | "none")) {
                c.negated = true;
            }
        }
        // "is about to", "is going to": future.
        if self.children[p].iter().any(|&k| self.lemmas[k] == "about" || self.lemmas[k] == "go")
            && self.kid(p, "mark").is_some()
        {
            c.future = true;
        }
    }

    /// Matches the CAMEO patterns of the verb at `p`.
    fn match_cameo(&self, p: usize) -> Option<Coding> {
        let dict = &self.lex.verbs;
        // The lemma, else the form, else the form de-inflected by rule (the
        // lemmatiser can miss rare verbs: "shelled" → "shel").
        let entries = std::iter::once(self.lemmas[p].clone())
            .chain(std::iter::once(self.words[p].clone()))
            .chain(deinflect(&self.words[p]))
            .find_map(|k| dict.verbs.get(&k))?;
        let clause = self.subtree(p, &["ccomp", "parataxis", "advcl", "acl:relcl", "csubj", "conj", "cc", "punct"]);
        let pre: Vec<usize> = clause.iter().copied().filter(|&i| i < p).collect();
        let post: Vec<usize> = clause.iter().copied().filter(|&i| i > p).collect();
        // Multi-word verbs need their particles right after the verb.
        let entry = entries
            .iter()
            .filter(|e| {
                e.particles.is_empty()
                    || e.particles
                        .iter()
                        .enumerate()
                        .all(|(k, w)| post.get(k).is_some_and(|&i| self.words[i] == *w || self.lemmas[i] == *w))
            })
            .max_by_key(|e| e.particles.len())?;
        let post = &post[entry.particles.len().min(post.len())..];
        let block = dict.blocks.get(entry.block)?;
        let mut best: Option<(&Pattern, usize, Binds)> = None;
        for pat in &block.patterns {
            let mut binds = Binds::default();
            // Cheap necessary test first: a pattern whose literal words are
            // not all in the clause cannot match (and most do not).
            if !(self.words_present(&pre, &pat.pre) && self.words_present(post, &pat.post)) {
                continue;
            }
            if self.match_seq(&pre, &pat.pre, &mut binds) && self.match_seq(post, &pat.post, &mut binds) {
                let w = pat.weight();
                if best.as_ref().is_none_or(|(_, bw, _)| w > *bw) {
                    best = Some((pat, w, binds));
                }
            }
        }
        let (code, weight, binds) = match best {
            Some((pat, w, b)) => (pat.code.clone(), w, b),
            None => (entry.code.clone().unwrap_or_else(|| block.code.clone()), 0, Binds::default()),
        };
        // CAMEO's appeals (02x) have no PLOVER type, but a verb of demand
        // or request ("demanded talks", "urged a ceasefire") is PLOVER's
        // REQUEST; 02x mirrors 10x, so the sub-code gives the mode.
        let pc = plover::from_cameo(&code).or_else(|| {
            let request = lexicon::governor(&self.lemmas[p]) == Some(Governor::Request)
                || matches!(self.lemmas[p].as_str(), "demand" | "press" | "push" | "plead" | "beg" | "implore");
            (request && code.starts_with("02")).then(|| plover::PloverCode {
                event: PloverType::Request,
                mode: match code.get(..3) {
                    Some("021" | "022" | "023") => Some("assist"),
                    Some("024") => Some("change"),
                    Some("025") => Some("yield"),
                    Some("026" | "027" | "028") => Some("meet"),
                    _ => None,
                },
                context: None,
            })
        })?;
        Some(Coding {
            cameo: Some(code),
            ty: pc.event,
            mode: pc.mode,
            context: pc.context,
            source_tok: binds.source,
            target_tok: binds.target,
            weight,
            inner: None,
            hypothetical: false,
            future: false,
            negated: false,
            reverse: false,
        })
    }

    /// True unless some literal word that `elems` requires (outside
    /// synsets, which offer alternatives) is no word of `seq`: a necessary
    /// condition of [`Ctx::match_seq`], much cheaper to test.
    fn words_present(&self, seq: &[usize], elems: &[Elem]) -> bool {
        elems.iter().all(|e| match e {
            Elem::Word(w) => seq.iter().any(|&i| word_eq(w, &self.words[i], &self.lemmas[i])),
            Elem::Group(g) | Elem::Pp(g) => self.words_present(seq, g),
            Elem::Syn(_) | Elem::Source | Elem::Target | Elem::Skip => true,
        })
    }

    /// Matches pattern elements, in order, against a token sequence.
    fn match_seq(&self, seq: &[usize], elems: &[Elem], binds: &mut Binds) -> bool {
        let mut pos = 0;
        for e in elems {
            match self.find_elem(seq, pos, e, binds) {
                Some(next) => pos = next,
                None => return false,
            }
        }
        true
    }

    /// The position after the first match of `e` at or after `from`.
    fn find_elem(&self, seq: &[usize], from: usize, e: &Elem, binds: &mut Binds) -> Option<usize> {
        match e {
            Elem::Skip => (from < seq.len()).then_some(from + 1),
            Elem::Source | Elem::Target => {
                let k =
                    (from..seq.len()).find(|&k| matches!(self.upos(seq[k]), Upos::NOUN | Upos::PROPN | Upos::PRON))?;
                if matches!(e, Elem::Source) {
                    binds.source = Some(seq[k]);
                } else {
                    binds.target = Some(seq[k]);
                }
                Some(k + 1)
            }
            // A pattern noun that only modifies a noun naming an actor is
            // part of that actor's name, not the thing the pattern means:
            // "fought government troops" is no "- * GOVERNMENT" pattern.
            Elem::Word(_) => (from..seq.len())
                .find_map(|k| self.match_at(seq, k, e, binds).filter(|_| !self.names_actor_head(seq[k]))),
            _ => (from..seq.len()).find_map(|k| self.match_at(seq, k, e, binds)),
        }
    }

    /// A noun compounded into a head noun that codes as an actor.
    fn names_actor_head(&self, k: usize) -> bool {
        self.rel(k) == "compound"
            && self.upos(k) == Upos::NOUN
            && self.head(k).is_some_and(|h| {
                self.upos(h) == Upos::NOUN
                    && self.lex.actors.agents.lookup(std::slice::from_ref(&self.words[h]), 0).is_some()
            })
    }

    /// The position after `e` when it matches starting exactly at `k`.
    fn match_at(&self, seq: &[usize], k: usize, e: &Elem, binds: &mut Binds) -> Option<usize> {
        match e {
            Elem::Word(w) => {
                let i = *seq.get(k)?;
                word_eq(w, &self.words[i], &self.lemmas[i]).then_some(k + 1)
            }
            Elem::Syn(name) => {
                // Most positions start no member: skip them at once (the
                // members would fail at their first word, binding nothing).
                if let Some(&i) = seq.get(k) {
                    if !self.lex.verbs.synset_may_start(name, &self.words[i], &self.lemmas[i]) {
                        return None;
                    }
                }
                let members = self.lex.verbs.synsets.get(name)?;
                members.iter().find_map(|m| self.match_group(seq, k, m, binds))
            }
            Elem::Group(g) => self.match_group(seq, k, g, binds),
            Elem::Pp(g) => {
                let first = *seq.get(k)?;
                let needs_prep = matches!(g.first(), Some(Elem::Word(_)));
                if needs_prep && !matches!(self.upos(first), Upos::ADP | Upos::SCONJ) {
                    return None;
                }
                self.match_group(seq, k, g, binds)
            }
            Elem::Skip | Elem::Source | Elem::Target => self.find_elem(seq, k, e, binds).filter(|_| true),
        }
    }

    /// A group: its elements in order, allowing determiners, adjectives and
    /// numbers between them.
    fn match_group(&self, seq: &[usize], k: usize, g: &[Elem], binds: &mut Binds) -> Option<usize> {
        let mut pos = k;
        for (n, e) in g.iter().enumerate() {
            if n == 0 {
                pos = self.match_at(seq, pos, e, binds)?;
                continue;
            }
            let mut tries = 0;
            loop {
                if let Some(next) = self.match_at(seq, pos, e, binds) {
                    pos = next;
                    break;
                }
                let i = *seq.get(pos)?;
                if tries >= 3
                    || !matches!(
                        self.upos(i),
                        Upos::DET
                            | Upos::ADJ
                            | Upos::NUM
                            | Upos::ADV
                            | Upos::PRON
                            | Upos::NOUN
                            | Upos::PROPN
                            | Upos::PART
                    )
                {
                    return None;
                }
                tries += 1;
                pos += 1;
            }
        }
        Some(pos)
    }

    /// The governor class of a verb or predicative adjective.
    fn governor_class(&self, p: usize) -> Option<Governor> {
        let l = self.lemmas[p].as_str();
        if !matches!(self.upos(p), Upos::VERB | Upos::ADJ) {
            return None;
        }
        if l == "look" && !self.children[p].iter().any(|&k| self.lemmas[k] == "forward") {
            return None;
        }
        // A participle taken for an adjective keeps its verb's class
        // ("is committed to opening").
        lexicon::governor(l).or_else(|| {
            (self.upos(p) == Upos::ADJ && self.toks[p].xpos.as_str() != "JJR")
                .then(|| deinflect(&self.words[p].to_lowercase()).iter().find_map(|b| lexicon::governor(b)))
                .flatten()
        })
    }

    /// The deed a governor governs: its infinitive or gerund complement.
    fn governed(&self, p: usize) -> Option<usize> {
        let to_clause = |k: usize| self.children[k].iter().any(|&m| matches!(self.lemmas[m].as_str(), "to" | "for"));
        self.children[p]
            .iter()
            .copied()
            .find(|&k| {
                matches!(self.upos(k), Upos::VERB)
                    && (self.is_rel(k, "xcomp") || (matches!(self.rel(k), "advcl" | "obl" | "ccomp") && to_clause(k)))
            })
            .or_else(|| {
                // "ordered the newspaper to suspend ...", parsed with the
                // infinitive on the object.
                if lexicon::governor(&self.lemmas[p]) != Some(Governor::Request) {
                    return None;
                }
                let o = self.kid(p, "obj")?;
                self.children[o]
                    .iter()
                    .copied()
                    .find(|&k| self.upos(k) == Upos::VERB && self.rel(k) == "acl" && to_clause(k))
            })
    }

    /// Combines a governing verb with the deed it governs.
    fn compose(
        &self,
        p: usize,
        g: Governor,
        inner_tok: usize,
        inner: Option<Coding>,
        outer: Option<Coding>,
    ) -> Option<Coding> {
        let mut base = match (&inner, &outer) {
            (Some(i), _) => i.clone(),
            (None, Some(o)) => {
                // "agreed on a pact", "offered to hand over": the intention
                // itself is the event (PLOVER AGREE).
                let mut o = o.clone();
                if g == Governor::Intent
                    && matches!(o.ty, PloverType::Support | PloverType::Consult | PloverType::Cooperate)
                {
                    o.ty = PloverType::Agree;
                    o.mode = None;
                }
                // The deed is not coded, but the governing act is a speech
                // act of its own class whatever it governs: "ordered him to
                // appear" is a REQUEST, "refused to sign" a REJECT.
                let class = match g {
                    Governor::Request => Some(PloverType::Request),
                    Governor::Refuse => Some(PloverType::Reject),
                    Governor::Threat if !o.ty.is_cooperative() => Some(PloverType::Threaten),
                    _ => None,
                };
                if let Some(ty) = class.filter(|&t| {
                    t != o.ty && !matches!(o.ty, PloverType::Coerce | PloverType::Sanction | PloverType::Mobilize)
                }) {
                    o.ty = ty;
                    o.mode = None;
                }
                return Some(o);
            }
            (None, None) => return None,
        };
        let ty = base.ty;
        let mut own = Coding { inner: Some(inner_tok), ..base.clone() };
        own.source_tok = outer.as_ref().and_then(|o| o.source_tok);
        own.target_tok = base.target_tok.or(outer.as_ref().and_then(|o| o.target_tok));
        match g {
            // "prepared to resume shelling": military posturing short of
            // force (PLOVER MOBILIZE).
            Governor::Intent if self.lemmas[p] == "prepare" && matches!(ty, PloverType::Assault) => {
                own.ty = PloverType::Mobilize;
                own.mode = Some("troops");
            }
            // A decision to concede or withdraw is the concession itself
            // (PLOVER keeps RETREAT/CONCEDE rather than AGREE).
            Governor::Intent
                if matches!(self.lemmas[p].as_str(), "decide" | "resolve")
                    && matches!(ty, PloverType::Concede | PloverType::Retreat) => {}
            // An order to close or suspend is repression, not a request.
            Governor::Request
                if self.lemmas[p] == "order"
                    && matches!(
                        self.lemmas[inner_tok].as_str(),
                        "suspend" | "close" | "shut" | "cease" | "halt" | "stop" | "ban" | "disband" | "dissolve"
                    ) =>
            {
                own.ty = PloverType::Coerce;
                own.mode = Some("restrict");
            }
            Governor::Intent => {
                if ty.is_cooperative() {
                    own.ty = PloverType::Agree;
                    own.mode = None;
                } else if ty != PloverType::Agree {
                    own.ty = PloverType::Threaten;
                    own.mode = threat_mode(ty);
                }
                own.future = true;
            }
            Governor::Refuse => {
                own.ty = PloverType::Reject;
                own.mode = reject_mode(ty);
            }
            Governor::Threat => {
                if ty.is_cooperative() {
                    // "vowed to help": a promise.
                    own.ty = PloverType::Agree;
                    own.mode = None;
                } else {
                    own.ty = PloverType::Threaten;
                    own.mode = threat_mode(ty);
                }
                own.future = true;
            }
            Governor::Request => {
                own.ty = PloverType::Request;
                own.mode = request_mode(ty);
            }
            Governor::Wish => {
                own.hypothetical = true;
            }
            Governor::Attempt => {}
        }
        // The governor's own negation and modality apply to the whole.
        let mut marks = base.clone();
        marks.negated = false;
        marks.future = false;
        marks.hypothetical = false;
        self.modality(p, &mut marks);
        own.negated = base.negated || marks.negated;
        own.future |= marks.future;
        own.hypothetical |= marks.hypothetical;
        if own.negated && matches!(g, Governor::Intent) {
            // "is not ready to help", "did not agree to": a refusal.
            own.ty = PloverType::Reject;
            own.mode = reject_mode(ty);
            own.negated = false;
        }
        base.weight = base.weight.max(1);
        own.weight = base.weight;
        Some(own)
    }

    /// An event noun heading its own phrase ("talks with X", "an attack on
    /// Y", "a telephone conversation with Z").
    /// The type and mode an event noun codes, with its modifiers ("hunger
    /// strike" and "general strike" are protests, not air strikes).
    fn noun_event(&self, p: usize) -> Option<(PloverType, Option<&'static str>)> {
        if self.upos(p) != Upos::NOUN {
            return None;
        }
        if self.lemmas[p] == "strike" {
            let mods: Vec<&str> = self.children[p]
                .iter()
                .filter(|&&k| matches!(self.rel(k), "compound" | "amod"))
                .map(|&k| self.lemmas[k].as_str())
                .collect();
            if mods.contains(&"hunger") {
                return Some((PloverType::Protest, Some("hunger")));
            }
            if mods.iter().any(|m| {
                matches!(*m, "general" | "national" | "nationwide" | "labor" | "labour" | "open-ended" | "indefinite")
            }) {
                return Some((PloverType::Protest, Some("strike")));
            }
        }
        lexicon::event_noun(&self.lemmas[p])
    }

    /// Who a proposal, offer or demand comes from: its nationality
    /// adjective, possessor, compound or `by`/`from`/`of` phrase.
    fn owner_of(&self, o: usize) -> Option<usize> {
        self.children[o]
            .iter()
            .copied()
            .filter(|&k| match self.rel(k) {
                "amod" | "nmod:poss" | "compound" => true,
                "nmod" => matches!(self.case_of(k), Some("by" | "from" | "of")),
                _ => false,
            })
            .find(|&k| {
                self.np_actor(k).is_some_and(|a| a.country.is_some() || a.code.len() >= 3 && !a.code.starts_with("---"))
            })
    }

    /// The other party of an event noun: "with/on/against/between/to X"
    /// (also one level down: "suspension of air links with Serbia"), or
    /// the subject of its complement ("its demand that Israel ease").
    fn noun_partner(&self, o: usize) -> Option<usize> {
        let direct = |n: usize| {
            self.children[n].iter().copied().find(|&k| {
                matches!(self.rel(k), "nmod" | "acl")
                    && matches!(self.case_of(k), Some("with" | "on" | "against" | "between" | "to" | "into"))
                    && self.upos(k) != Upos::VERB
            })
        };
        direct(o)
            .or_else(|| self.children[o].iter().copied().filter(|&k| self.rel(k) == "nmod").find_map(direct))
            .or_else(|| {
                self.children[o]
                    .iter()
                    .copied()
                    .filter(|&k| matches!(self.rel(k), "acl" | "ccomp") && self.upos(k) == Upos::VERB)
                    .find_map(|k| self.kid(k, "nsubj"))
            })
    }

    fn code_noun(&self, p: usize, covered: &std::collections::HashSet<usize>) -> Option<Coding> {
        let (ty, mut mode) = self.noun_event(p)?;
        // Inside a coded verb's clause the verb's pattern already speaks.
        if let Some(h) = self.head(p) {
            if covered.contains(&h) && matches!(self.rel(p), "obj" | "nsubj" | "nsubj:pass" | "obl") {
                return None;
            }
        }
        let partner = self.children[p].iter().copied().find(|&k| {
            matches!(self.rel(k), "nmod" | "acl")
                && matches!(self.case_of(k), Some("with" | "on" | "against" | "between" | "to"))
        });
        let poss = self.kid(p, "nmod:poss");
        let light = self.rel(p) == "obj"
            && self.head(p).is_some_and(|h| lexicon::is_light_verb(&self.lemmas[h]) && self.subject_of(h, 0).is_some());
        if partner.or(poss).is_none() && !light {
            return None;
        }
        // "He confirmed, in a telephone conversation with X": the subject
        // of the verb the noun hangs from.
        // Reached through another noun ("[soldiers] in a bomb attack,
        // police said"), a verb of reporting names the reporter, not the
        // attacker.
        let poss = poss.or_else(|| {
            let mut h = self.head(p)?;
            for step in 0..3 {
                if self.upos(h) == Upos::VERB {
                    if step > 0 && lexicon::is_reporting(&self.lemmas[h]) {
                        return None;
                    }
                    return self.subject_of(h, 0);
                }
                h = self.head(h)?;
            }
            None
        });
        if self.children[p].iter().any(|&k| matches!(self.lemmas[k].as_str(), "telephone" | "phone")) {
            mode = Some("phone");
        }
        let pc = plover::PloverCode { event: ty, mode, context: None };
        let mut c = Coding { context: pc.context, source_tok: poss, ..Coding::new(None, pc.event, pc.mode, partner) };
        if ty == PloverType::Assault {
            c.mode = c.mode.or_else(|| self.weapon_mode_in(p));
        }
        Some(c)
    }

    // ------------------------------------------------------------------
    // Participants and attachments

    /// The subject of a predicate, through passives, control and relative
    /// clauses.
    fn subject_of(&self, p: usize, hops: usize) -> Option<usize> {
        if let Some(s) = self.agent(p) {
            return Some(s);
        }
        // A passive without its "by" phrase names no agent.
        if self.kid(p, "nsubj:pass").is_some() || self.kid(p, "aux:pass").is_some() {
            return None;
        }
        if let Some(s) = self.children[p].iter().copied().find(|&k| self.rel(k) == "nsubj" || self.rel(k) == "csubj") {
            if matches!(self.lemmas[s].as_str(), "that" | "which" | "who") {
                // A relative clause: the noun it modifies.
                return self.head(p).filter(|_| self.rel(p).starts_with("acl"));
            }
            return Some(s);
        }
        if hops > 3 {
            return None;
        }
        let h = self.head(p)?;
        match self.rel(p) {
            "xcomp" => {
                // "urged Iran to stop": the object controls.
                if matches!(lexicon::governor(&self.lemmas[h]), Some(Governor::Request)) {
                    if let Some(o) = self.kid(h, "obj") {
                        return Some(o);
                    }
                }
                self.subject_of(h, hops + 1)
            }
            "conj" | "advcl" => self.subject_of(h, hops + 1),
            // "The Pentagon, asked about the reports": a reduced passive
            // relative's noun is its patient, not its doer.
            "acl" if self.toks[p].xpos.as_str() == "VBN" => None,
            "acl" | "acl:relcl" => Some(h),
            _ => None,
        }
    }

    /// A verb the parser left without a subject ("A top U.S. official
    /// today praised ...", with "today" taken for the head): the first
    /// noun phrase before it, outside any clause of its own, that codes as
    /// an actor. Passives and non-finite verbs have no such subject.
    fn unlabelled_subject(&self, p: usize) -> Option<usize> {
        if self.kid(p, "nsubj:pass").is_some()
            || self.kid(p, "aux:pass").is_some()
            || matches!(self.rel(p), "xcomp" | "acl" | "amod" | "conj" | "advcl")
            || self.kid(p, "mark").is_some()
        {
            return None;
        }
        self.children[p]
            .iter()
            .copied()
            .filter(|&k| k < p && matches!(self.upos(k), Upos::NOUN | Upos::PROPN))
            .filter(|&k| matches!(self.rel(k), "obl:unmarked" | "obl:tmod" | "nmod" | "dep" | "compound" | "obl:npmod"))
            .find(|&k| self.case_of(k).is_none() && self.np_actor(k).is_some_and(|a| !a.code.starts_with("---WPN")))
    }

    /// The nearest noun phrase (a run of determiners, adjectives, nouns and
    /// numbers) before (`after` false) or after `p` in its sentence, up to
    /// the next verb, that codes as an actor; phrases after a preposition
    /// of time, place or cause are skipped (and, before the verb, any
    /// prepositional phrase). Returns its last token and its actor.
    fn linear_actor(&self, p: usize, sent: &std::ops::Range<usize>, after: bool) -> Option<(usize, EventActor)> {
        let in_chunk = |i: usize| {
            matches!(self.upos(i), Upos::DET | Upos::ADJ | Upos::NOUN | Upos::PROPN | Upos::NUM)
                || (self.upos(i) == Upos::PART && self.words[i] == "'s")
        };
        let mut i = if after { p + 1 } else { p.checked_sub(1)? };
        let mut steps = 0;
        while sent.contains(&i) && steps < 25 {
            steps += 1;
            let auxiliary = matches!(self.lemmas[i].as_str(), "have" | "be" | "do") || self.rel(i).starts_with("aux");
            if (self.upos(i) == Upos::VERB && !auxiliary) || self.words[i] == "that" || self.words[i] == ";" {
                return None;
            }
            if !in_chunk(i) {
                if after {
                    i += 1;
                } else {
                    i = i.checked_sub(1)?;
                }
                continue;
            }
            // The chunk around i.
            let (mut a, mut b) = (i, i);
            while a > sent.start && in_chunk(a - 1) {
                a -= 1;
            }
            while b + 1 < sent.end && in_chunk(b + 1) {
                b += 1;
            }
            // "more than 1,000 refugees": a quantifier, no preposition.
            let prep = a.checked_sub(1).filter(|&k| {
                sent.contains(&k)
                    && self.upos(k) == Upos::ADP
                    && !(self.lemmas[k] == "than"
                        && k > 0
                        && matches!(self.lemmas[k - 1].as_str(), "more" | "less" | "fewer" | "over"))
            });
            let skip = match prep {
                None => false,
                // "shelled positions of the army": an `of` phrase after the
                // verb's object noun, which named nobody, names the party
                // the object belongs to.
                Some(k) if after && self.lemmas[k] == "of" => {
                    !(k > p + 1 && self.upos(k - 1) == Upos::NOUN && (p + 1..k).all(in_chunk))
                }
                Some(k) if after => !matches!(
                    self.lemmas[k].as_str(),
                    "to" | "with" | "against" | "on" | "into" | "toward" | "towards" | "between" | "upon"
                ),
                Some(_) => true,
            };
            let toks: Vec<usize> = (a..=b).collect();
            // "..., police said": the reporter is no participant.
            if toks.iter().any(|&k| {
                self.rel(k).starts_with("nsubj") && self.head(k).is_some_and(|h| lexicon::is_reporting(&self.lemmas[h]))
            }) {
                return None;
            }
            if !skip && toks.iter().any(|&k| matches!(self.upos(k), Upos::NOUN | Upos::PROPN)) {
                let words: Vec<String> = toks.iter().map(|&k| self.words[k].clone()).collect();
                let mut coded = self.lex.actors.code_words(&words);
                if let Some(e) = toks.iter().find_map(|&k| self.entity_of[k]) {
                    self.fill_from_entity(e, &mut coded);
                }
                let span = self.span_of(&toks);
                if let Some(mut actor) = coded.to_actor(span.text(&self.doc.text).to_string()) {
                    actor.entity = toks.iter().find_map(|&k| self.entity_of[k]);
                    actor.span = Some(span);
                    return Some((b, actor));
                }
            }
            if after {
                i = b + 1;
            } else {
                i = a.checked_sub(1)?;
            }
        }
        None
    }

    /// The `by` agent of a passive. The parser also labels objects and
    /// `to` phrases `obl:agent` ("hosted Hashimoto", "hand over to
    /// Britain"): only a `by` phrase names the doer.
    fn agent(&self, p: usize) -> Option<usize> {
        let passive = self.toks[p].xpos.as_str() == "VBN"
            && (self.kid(p, "aux:pass").is_some() || self.kid(p, "nsubj:pass").is_some() || self.rel(p) == "acl");
        self.children[p].iter().copied().find(|&k| {
            matches!(self.case_of(k), Some("by")) && (self.rel(k) == "obl:agent" || (self.rel(k) == "obl" && passive))
        })
    }

    /// Candidate target tokens of a predicate, in order of preference.
    fn target_candidates(&self, p: usize) -> Vec<usize> {
        let mut first = Vec::new();
        let mut later = Vec::new();
        if let Some(s) = self.kid(p, "nsubj:pass") {
            first.push(s);
        }
        for &k in &self.children[p] {
            let r = self.rel(k);
            // A mislabelled "agent" without `by` is an object.
            let false_agent = self.is_rel(k, "obl:agent") && !matches!(self.case_of(k), Some("by"));
            if false_agent && self.case_of(k).is_some() {
                first.push(k);
                continue;
            }
            if r == "iobj" || r == "obj" || false_agent {
                first.push(k);
                // "photographs and other intelligence to Macedonia": the
                // receiver hangs from the last conjunct.
                for c in self.conjuncts(k) {
                    for &m in &self.children[c] {
                        if self.rel(m) == "nmod" && matches!(self.case_of(m), Some("to" | "for")) {
                            later.push(m);
                        }
                    }
                }
                for &m in &self.children[k] {
                    if self.rel(m) == "nmod" || self.rel(m) == "nmod:poss" || self.rel(m) == "compound" {
                        later.push(m);
                        // "25,000 tons of food aid to refugees".
                        for &n in &self.children[m] {
                            if self.rel(n) == "nmod" && matches!(self.case_of(n), Some("to" | "for")) {
                                later.push(n);
                            }
                        }
                    }
                }
            }
        }
        for &k in &self.children[p] {
            if self.is_rel(k, "obl") && !self.is_rel(k, "obl:agent") && !self.is_rel(k, "obl:tmod") {
                match self.case_of(k) {
                    Some("since" | "during" | "after" | "before" | "until" | "from" | "of" | "by" | "like" | "as") => {}
                    Some("in" | "at" | "near" | "inside" | "across" | "throughout") => later.push(k),
                    _ => first.push(k),
                }
            }
        }
        first.extend(later);
        first
    }

    fn build_events(&self, p: usize, c: &Coding, sent: std::ops::Range<usize>, out: &mut Vec<Event>) {
        let body = c.inner.unwrap_or(p);
        // Source.
        let reverse_from = if c.reverse {
            // "bought drones from Iran", the `from` phrase on the verb or on
            // its object.
            let obj_kids = self.kid(body, "obj").map(|o| self.children[o].clone()).unwrap_or_default();
            self.children[body]
                .iter()
                .copied()
                .chain(obj_kids.into_iter().filter(|&k| self.rel(k) == "nmod"))
                .find(|&k| matches!(self.case_of(k), Some("from")) && self.np_actor(k).is_some())
        } else {
            None
        };
        let subj = self.subject_of(p, 0).or_else(|| self.unlabelled_subject(p));
        let mut source_tok = c.source_tok.or(reverse_from).or(subj);
        if c.inner.is_some() && c.source_tok.is_none() {
            source_tok = reverse_from.or(subj);
        }
        let mut source = source_tok.and_then(|s| self.np_actor(s));
        // Target.
        let mut target_toks: Vec<usize> = Vec::new();
        if let Some(t) = c.target_tok {
            target_toks.push(t);
        }
        if c.reverse && reverse_from.is_some() {
            if let Some(s) = subj {
                target_toks.push(s);
            }
        }
        if matches!(c.ty, PloverType::Request) && c.inner.is_some() {
            if let Some(o) = self.kid(p, "obj") {
                target_toks.push(o);
            }
        }
        // "demanded that the US cancel ...", "accused X of ...": the party
        // addressed by a verbal act is the subject of its complement.
        // The complement may be parsed as an adverbial clause ("demanding
        // [that the government provide ...]" as advcl + mark), or be the
        // governed deed itself ("demanded that Chile abandon ...").
        if c.ty.quad() == 3 || matches!(c.ty, PloverType::Agree | PloverType::Support) {
            let that_clause = |k: usize| {
                self.rel(k) == "ccomp"
                    || (matches!(self.rel(k), "advcl" | "xcomp")
                        && self.children[k].iter().any(|&m| self.rel(m) == "mark" && self.lemmas[m] == "that"))
            };
            let comp = self.children[p].iter().copied().find(|&k| that_clause(k)).or_else(|| {
                (c.ty == PloverType::Request && c.inner.is_some_and(|i| that_clause(i) || self.rel(i) == "ccomp"))
                    .then_some(body)
            });
            if let Some(cc) = comp {
                if let Some(s) = self.kid(cc, "nsubj").or_else(|| self.kid(cc, "nsubj:pass")) {
                    target_toks.push(s);
                }
            }
        }
        target_toks.extend(self.target_candidates(body));
        if body != p {
            target_toks.extend(self.target_candidates(p));
        }
        let mut target: Option<EventActor> = None;
        let mut target_tok = None;
        for mut t in target_toks {
            // "rejected an Indian proposal": the party behind the event
            // noun.
            if lexicon::event_noun(&self.lemmas[t]).is_some() {
                match self.owner_of(t) {
                    Some(o) => t = o,
                    None => continue,
                }
            }
            // A date is no participant.
            if Some(t) == source_tok || lexicon::is_weapon(&self.lemmas[t]) || dates::is_time_word(&self.words[t]) {
                continue;
            }
            // An unresolved "it"/"they" is a country or capital named before
            // it in its sentence, else unknown (see the source's).
            let pronoun = self.upos(t) == Upos::PRON;
            let found = self.np_actor(t).or_else(|| {
                (pronoun && matches!(self.lemmas[t].as_str(), "it" | "they" | "them"))
                    .then(|| self.country_before(t, Some(&sent), &[source.as_ref().and_then(|s| s.country.clone())]))
                    .flatten()
                    .map(|mut a| {
                        a.span = Some(Span::new(self.toks[t].start, self.toks[t].end));
                        a
                    })
            });
            if let Some(a) = found {
                // A party does not act on itself — but violence, repression
                // and protest inside one country join two bare country codes
                // ("a bombing near Samarra killed two Iraqi youths").
                let domestic = c.ty.quad() == 4
                    && source.as_ref().is_some_and(|s| s.entity.is_none() || s.entity != a.entity)
                    && source.as_ref().is_some_and(|s| s.code.len() == 3 && a.code.len() == 3);
                if source.as_ref().is_some_and(|s| same_actor(s, &a)) && !domestic {
                    continue;
                }
                target = Some(a);
                target_tok = Some(t);
                break;
            }
        }
        // "opened fire to disperse demonstrators", "fired tear gas to
        // break up the protest": force without a recipient of its own acts
        // on the object of its purpose clause.
        if target.is_none() && c.ty.quad() == 4 {
            let purpose = self.children[body].iter().copied().filter(|&k| {
                matches!(self.rel(k), "advcl" | "xcomp")
                    && self.upos(k) == Upos::VERB
                    && self.children[k].iter().any(|&m| self.rel(m) == "mark" && self.lemmas[m] == "to")
            });
            if let Some((t, a)) = purpose
                .filter_map(|k| self.kid(k, "obj"))
                .find_map(|o| self.np_actor(o).map(|a| (o, a)))
                .filter(|(_, a)| !source.as_ref().is_some_and(|s| same_actor(s, a)))
            {
                target = Some(a);
                target_tok = Some(t);
            }
        }
        // "threatened to stop negotiations if the United States goes ahead":
        // a threat is addressed to the party whose deed is its condition.
        if target.is_none() && c.ty == PloverType::Threaten {
            // The condition may hang from any deed of the threat's clause.
            let clause = self.subtree(p, &["ccomp", "parataxis", "acl:relcl", "csubj", "conj", "cc", "punct", "list"]);
            let cond = clause.into_iter().find(|&k| {
                self.rel(k) == "advcl"
                    && self.children[k]
                        .iter()
                        .any(|&m| self.rel(m) == "mark" && matches!(self.lemmas[m].as_str(), "if" | "unless"))
            });
            if let Some((t, a)) = cond
                .and_then(|k| self.kid(k, "nsubj"))
                .and_then(|t| self.np_actor(t).map(|a| (t, a)))
                .filter(|(_, a)| !source.as_ref().is_some_and(|s| same_actor(s, a)))
            {
                target = Some(a);
                target_tok = Some(t);
            }
        }
        // Two-sided events with coordinated subjects: "Israel and Lebanon
        // renewed talks" — the second party is the recipient.
        let mut extra_sources: Vec<EventActor> = Vec::new();
        if let Some(s) = source_tok {
            let mut conj_toks = self.coordinated(s, source.as_ref());
            // "X and Y agree" parsed as two subjects of the verb.
            let more: Vec<usize> = self.children[p]
                .iter()
                .copied()
                .filter(|&k| k != s && self.rel(k) == "nsubj" && !conj_toks.contains(&k))
                .filter(|_| !c.reverse && self.rel(s) == "nsubj" && self.head(s) == Some(p))
                .collect();
            conj_toks.extend(more);
            let conjs: Vec<EventActor> = conj_toks
                .into_iter()
                .filter_map(|k| self.np_actor(k))
                .filter(|a| !source.as_ref().is_some_and(|x| same_actor(x, a)))
                .filter(|a| !target.as_ref().is_some_and(|x| same_actor(x, a)))
                .collect();
            if target.is_none()
                && matches!(c.ty, PloverType::Consult | PloverType::Cooperate | PloverType::Agree | PloverType::Assault)
            {
                let mut it = conjs.into_iter();
                target = it.next();
                extra_sources.extend(it);
            } else {
                extra_sources = conjs;
            }
        }
        let mut extra_targets: Vec<EventActor> = Vec::new();
        if let Some(t) = target_tok {
            extra_targets = self.coordinated(t, target.as_ref()).into_iter().filter_map(|k| self.np_actor(k)).collect();
        }
        let claim = self.claim_of[p].or(self.claim_of[body]);
        // Pronoun fallback and plausibility: a party does not assault,
        // coerce or threaten itself, nor give aid to itself.
        let src_is_pronoun = source_tok.is_some_and(|s| self.upos(s) == Upos::PRON);
        // "Hungary said it will support ...": a pronoun subject of reported
        // speech names the reporter when their kinds agree.
        // A pronoun the document's coreference did not resolve stays
        // unknown: the most salient place before it is a guess that is
        // wrong on news ("he" coded as a city's government). One resolved
        // to the recipient's own side is a coreference error, not a party
        // acting on itself, unless the reporter is its antecedent.
        let implausible = |s: &EventActor, t: &Option<EventActor>| {
            t.as_ref().is_some_and(|t| s.country.is_some() && s.country == t.country && c.ty != PloverType::Protest)
        };
        if let (true, Some(s)) = (src_is_pronoun, source_tok) {
            // An unresolved "he"/"she" in reported speech is its speaker
            // ("Budanov said he ...") — the claim's speaker resolution.
            if source.is_none() && matches!(self.lemmas[s].as_str(), "he" | "she") {
                let speaker = claim.and_then(|ci| self.doc.claims.get(ci)).and_then(|c| c.speaker.entity);
                if let Some(e) =
                    speaker.filter(|&e| self.doc.entities.get(e).is_some_and(|x| x.kind == EntityKind::Person))
                {
                    source = self.entity_actor(e, Some(Span::new(self.toks[s].start, self.toks[s].end)));
                }
            }
            if source.as_ref().is_none_or(|a| a.country.is_none() || implausible(a, &target)) {
                let contradicted = source.as_ref().is_some_and(|a| implausible(a, &target));
                let mut exclude = vec![target.as_ref().and_then(|t| t.country.clone())];
                if !matches!(self.lemmas[s].as_str(), "we" | "i" | "us") {
                    exclude.push(self.speaker_country(claim));
                }
                // An unresolved pronoun: an actor named before it in its
                // own sentence ("since Moscow lacks ..., it looks to
                // Tehran"), never one of an earlier sentence; a resolution
                // the event contradicts ("he" resolved to a Ukrainian
                // bombing Ukraine): the latest other country of the story.
                let it_they = source.is_none() && matches!(self.lemmas[s].as_str(), "he" | "she" | "it" | "they");
                let fallback = || {
                    if contradicted {
                        self.country_before(s, None, &exclude)
                    } else if it_they {
                        self.country_before(s, Some(&sent), &exclude)
                    } else {
                        None
                    }
                };
                if let Some(a) = self.reporter_antecedent(s, body) {
                    source = Some(a);
                } else if let Some(mut a) = fallback() {
                    a.span = Some(Span::new(self.toks[s].start, self.toks[s].end));
                    if a.code.len() == 3 {
                        a.sector = Some("GOV".into());
                        a.code.push_str("GOV");
                    }
                    source = Some(a);
                } else if contradicted {
                    source = None;
                }
            }
        }
        // The parser often mis-attaches subjects and objects of the news
        // register ("A top U.S. official praised Haiti" with "praised" as an
        // adjective of "Haiti"): when the tree gives no participant, the
        // nearest noun phrase before the verb (the subject slot) and after
        // it (the object slot) that code as actors, PETRARCH-style.
        let passive = self.kid(body, "nsubj:pass").is_some() || self.kid(body, "aux:pass").is_some();
        if source.is_none() && !passive && source_tok.is_none_or(|s| self.upos(s) != Upos::PRON) {
            if let Some((t, a)) = self.linear_actor(p, &sent, false) {
                if !target.as_ref().is_some_and(|x| same_actor(x, &a)) {
                    source = Some(a);
                    source_tok = Some(t);
                }
            }
        }
        if target.is_none() && target_tok.is_none() && source.is_some() {
            if let Some((t, a)) = self.linear_actor(body, &sent, true) {
                if !source.as_ref().is_some_and(|x| same_actor(x, &a)) && Some(t) != source_tok {
                    target = Some(a);
                    target_tok = Some(t);
                }
            }
        }
        if source.is_none() && target.is_none() {
            return;
        }
        // A verb coded only by its CAMEO block's default, with one party:
        // a journey needs its destination ("went further", "leaves a
        // distributor"), and a cooperative or requesting verb whose only
        // party is a civilian, business, medium or court is no political
        // event ("serves residents", "allowed to meet a lawyer").
        if c.weight == 0 && c.inner.is_none() && (source.is_none() || target.is_none()) {
            let motion = matches!(self.block_name(body), Some("go_somewhere" | "arrive"));
            let party = source.as_ref().or(target.as_ref());
            let civil = party.is_some_and(|a| {
                a.code.trim_matches('-').is_empty()
                    || a.sector.as_deref().is_some_and(|s| {
                        matches!(
                            s,
                            "CVL"
                                | "MED"
                                | "EDU"
                                | "BUS"
                                | "AGR"
                                | "HLH"
                                | "LAB"
                                | "REF"
                                | "ENV"
                                | "REL"
                                | "JUD"
                                | "PPL"
                                | "WPN"
                                | "MUS"
                                | "CHR"
                                | "JEW"
                                | "HIN"
                                | "BUD"
                                | "ELI"
                        )
                    })
            });
            // A call, visit or request nobody receives ("called", "asked not
            // to be named", "requested anonymity") is no exchange between
            // parties; a meeting may have one side ("the council met").
            let unaddressed = target.is_none()
                && (c.ty == PloverType::Request
                    || (c.ty == PloverType::Consult && self.block_name(body) != Some("meet_people")));
            if (motion && target.is_none())
                || unaddressed
                || (civil && (c.ty.is_cooperative() || c.ty == PloverType::Request))
            {
                return;
            }
        }
        // PLOVER requires a recipient for these types.
        if target.is_none()
            && matches!(c.ty, PloverType::Aid | PloverType::Cooperate | PloverType::Sanction)
            && c.inner.is_none()
        {
            return;
        }
        // Capital metonymy stands for the government as an actor; a capital
        // that is bombed is a place.
        if matches!(c.ty, PloverType::Assault | PloverType::Mobilize | PloverType::Protest | PloverType::Coerce) {
            if let Some(t) = target.as_mut() {
                if t.sector.as_deref() == Some("GOV") && t.code.len() == 6 && self.is_capital_text(&t.text) {
                    t.sector = None;
                    t.code.truncate(3);
                }
            }
        }
        // "the rebels", "the president": a sector without a country belongs
        // to the country the sentence (else the story so far) is about.
        let near = source_tok.unwrap_or(p);
        let target_span = target.as_ref().and_then(|t| t.span);
        let source_span = source.as_ref().and_then(|t| t.span);
        if let Some(a) = source.as_mut() {
            self.fill_country(a, near, &sent, target_span);
        }
        if let Some(a) = target.as_mut() {
            self.fill_country(a, target_tok.unwrap_or(near), &sent, source_span);
        }
        let mut clause = self.subtree(p, &["ccomp", "parataxis", "advcl", "acl:relcl", "csubj", "conj", "cc"]);
        clause.retain(|&i| sent.contains(&i));
        while clause.last().is_some_and(|&i| self.upos(i) == Upos::PUNCT) {
            clause.pop();
        }
        let span = self.span_of(&clause);
        let trigger = Span::new(self.toks[p].start, self.toks[body].end.max(self.toks[p].end));
        // "..., using 75 cruise missiles in each attack": the instrument
        // clause belongs to the deed.
        let mut qspan = span;
        for &k in &self.children[body] {
            let instrument = matches!(self.lemmas[k].as_str(), "use" | "employ" | "utilize" | "utilise")
                && matches!(self.rel(k), "advcl" | "conj" | "xcomp")
                && self.kid(k, "nsubj").is_none();
            if instrument || (c.ty == PloverType::Assault && self.is_toll(k)) {
                let sub = self.subtree(k, &["punct"]);
                let ks = self.span_of(&sub);
                qspan = Span::new(qspan.start.min(ks.start), qspan.end.max(ks.end));
            }
        }
        let quantities = self.quantities_in(qspan, &c.ty);
        let date = self.date_for(&clause, sent.clone());
        let location = self.location_in(&clause, target_tok);
        // Blockades by workers, farmers, rebels or crowds are protests
        // (PLOVER PROTEST/obstruct); by a state, restrictions (COERCE).
        let mut c = std::borrow::Cow::Borrowed(c);
        if c.ty == PloverType::Coerce
            && matches!(self.lemmas[body].as_str(), "block" | "blockade" | "barricade" | "obstruct")
            && source.as_ref().is_some_and(|a| {
                !matches!(a.sector.as_deref(), Some("GOV" | "MIL" | "COP" | "JUD" | "SPY" | "LEG")) && a.code.len() > 3
                    || self.upos(source_tok.unwrap_or(p)) == Upos::NOUN
                        && !matches!(a.sector.as_deref(), Some("GOV" | "MIL" | "COP" | "JUD" | "SPY" | "LEG"))
            })
        {
            let m = c.to_mut();
            m.ty = PloverType::Protest;
            m.mode = Some("obstruct");
        }
        let c: &Coding = &c;
        // Protesters who code as nobody ("prisoners rioted in Dili") are
        // civilians of the country where they protest.
        if source.is_none() && c.ty == PloverType::Protest {
            if let Some(cc) = location.as_ref().and_then(|l| l.country.clone()) {
                let text = source_tok.map(|s| self.span_of(&self.np(s)).text(&self.doc.text).to_string());
                let mut a = actor_from_code(format!("{cc}CVL"), text.unwrap_or_default());
                a.span = source_tok.map(|s| self.span_of(&self.np(s)));
                source = Some(a);
            }
        }
        // Domestic events without a named recipient: PLOVER's coders take
        // the country where it happens (protests address its government,
        // repression and concessions its people). The inferred recipient
        // has no span in the text.
        if target.is_none() {
            let own = source.as_ref().and_then(|a| a.country.clone());
            let place = location.as_ref().and_then(|l| l.country.clone());
            let inferred = match c.ty {
                PloverType::Protest => own.or(place),
                PloverType::Coerce | PloverType::Concede => place.or(own),
                PloverType::Assault => place,
                _ => None,
            };
            if let Some(cc) = inferred {
                let name = Countries::get().by_code(&cc).map(|x| x.name.clone()).unwrap_or_else(|| cc.clone());
                target = Some(actor_from_code(cc, name));
            }
        }
        let mut context: Vec<String> = c.context.map(|s| vec![s.to_string()]).unwrap_or_default();
        if !context.iter().any(|x| x == "military")
            && quantities.iter().any(|q| q.role == "weapons" || q.role == "personnel")
        {
            context.push("military".into());
        }
        let confidence = (0.5
            + 0.1 * c.weight.min(3) as f32
            + if source.is_some() { 0.1 } else { 0.0 }
            + if target.is_some() { 0.1 } else { 0.0 })
        .min(0.95);
        let mut ty = c.ty;
        let mut mode = c.mode.map(str::to_string);
        let mut negated = c.negated;
        // PLOVER: an announced conflictual deed is a THREAT; declining to
        // agree ("will not accept") is a REJECT.
        if (c.future || c.hypothetical && self.reporting_head(body).is_some())
            && c.inner.is_none()
            && !negated
            && ty.quad() == 4
            && !self.children[body].iter().any(|&k| matches!(self.lemmas[k].as_str(), "if"))
        {
            mode = threat_mode(ty).map(str::to_string);
            ty = PloverType::Threaten;
        }
        if negated && ty == PloverType::Agree && c.inner.is_none() {
            ty = PloverType::Reject;
            mode = None;
            negated = false;
        }
        // PLOVER: a future cooperative deed is AGREE; a refused one REJECT.
        if c.future
            && c.inner.is_none()
            && matches!(ty, PloverType::Consult | PloverType::Support | PloverType::Cooperate | PloverType::Aid)
        {
            if negated {
                mode = reject_mode(ty).map(str::to_string);
                ty = PloverType::Reject;
                negated = false;
            } else {
                ty = PloverType::Agree;
                mode = None;
            }
        }
        // An event asked about ("Did Iran send drones?") is not asserted.
        let question = sent.clone().rev().find(|&i| self.upos(i) == Upos::PUNCT).is_some_and(|i| self.words[i] == "?");
        let base = Event {
            event_type: ty.as_str().to_string(),
            mode,
            context,
            cameo: c.cameo.clone(),
            actor: source.clone(),
            recipient: target.clone(),
            negated,
            future: c.future,
            hypothetical: c.hypothetical || question,
            quantities,
            date,
            location,
            claim,
            denied_by: Vec::new(),
            trigger,
            span,
            confidence,
        };
        let sources: Vec<Option<EventActor>> =
            split_compound(std::iter::once(source).chain(extra_sources.into_iter().map(Some)).collect());
        let targets: Vec<Option<EventActor>> =
            split_compound(std::iter::once(target).chain(extra_targets.into_iter().map(Some)).collect());
        for s in &sources {
            for t in &targets {
                let mut e = base.clone();
                e.actor = s.clone();
                e.recipient = t.clone();
                out.push(e);
            }
        }
    }

    /// The reporter of a clause as the antecedent of its pronoun subject:
    /// "it" for an organisation or country, "they" for a plural, "he" or
    /// "she" for a person.
    fn reporter_antecedent(&self, pron: usize, p: usize) -> Option<EventActor> {
        // "announced it would prohibit aid and would deny entry": a
        // conjoined deed shares its first conjunct's reporter.
        let h = self.reporting_head(p).or_else(|| {
            let first = self.head(p).filter(|_| self.rel(p) == "conj")?;
            self.reporting_head(first)
        })?;
        if !lexicon::is_reporting(&self.lemmas[h]) && lexicon::governor(&self.lemmas[h]).is_none() {
            return None;
        }
        let s = self.subject_of(h, 0)?;
        if self.upos(s) == Upos::PRON {
            return None;
        }
        let person =
            self.entity_of[s].and_then(|e| self.doc.entities.get(e)).is_some_and(|e| e.kind == EntityKind::Person);
        let plural = matches!(self.toks[s].xpos.as_str(), "NNS" | "NNPS") || !self.conjuncts(s).is_empty();
        let fits = match self.lemmas[pron].as_str() {
            // "The United States announced it would ...".
            "it" => !person && (!plural || self.upos(s) == Upos::PROPN),
            "they" => plural,
            "he" | "she" => person || (!plural && self.upos(s) == Upos::PROPN),
            _ => false,
        };
        if !fits {
            return None;
        }
        let mut a = self.np_actor(s)?;
        a.span = Some(Span::new(self.toks[pron].start, self.toks[pron].end));
        Some(a)
    }

    /// Gives a sector-only actor ("---REB") the country nearest to it in
    /// the sentence outside the other participant's words, else any in
    /// the sentence, else the latest named before the sentence. Weapons
    /// ("a roadside bomb") get no country this way.
    fn fill_country(&self, a: &mut EventActor, near: usize, sent: &std::ops::Range<usize>, other: Option<Span>) {
        if a.country.is_some() || !a.code.starts_with("---") || a.sector.as_deref() == Some("WPN") {
            return;
        }
        let Some(sector) = a.sector.clone() else { return };
        let nearest = |skip_other: bool| {
            self.salient
                .iter()
                .filter(|(i, x)| sent.contains(i) && x.country.is_some())
                .filter(|(i, _)| {
                    !skip_other || !other.is_some_and(|o| o.contains(Span::new(self.toks[*i].start, self.toks[*i].end)))
                })
                .min_by_key(|(i, _)| i.abs_diff(near))
        };
        let before = || self.salient.iter().rev().find(|(i, x)| *i < sent.start && x.country.is_some());
        let Some((_, found)) = nearest(true).or_else(|| nearest(false)).or_else(before) else { return };
        let Some(country) = found.country.clone() else { return };
        a.code = format!("{country}{sector}");
        a.country = Some(country);
    }

    /// A participle clause giving a toll ("..., killing five people").
    fn is_toll(&self, p: usize) -> bool {
        matches!(self.lemmas[p].as_str(), "kill" | "injure" | "wound" | "leave" | "claim")
            && matches!(self.rel(p), "advcl" | "conj" | "xcomp")
            && self.kid(p, "nsubj").is_none()
            && self.toks[p].xpos.as_str() == "VBG"
    }

    /// The actors coordinated with the participant headed by `h`: its own
    /// conjuncts, else those of the word inside its phrase that gave its
    /// code ("the resumption of ties with Mordor, Rohan and Bree").
    fn coordinated(&self, h: usize, actor: Option<&EventActor>) -> Vec<usize> {
        let own = self.conjuncts(h);
        if !own.is_empty() {
            return own;
        }
        let Some(code) = actor.map(|a| a.code.as_str()) else { return own };
        self.np(h)
            .into_iter()
            .filter(|&k| k != h && matches!(self.upos(k), Upos::PROPN | Upos::NOUN))
            .map(|k| (k, self.conjuncts(k)))
            .find(|(k, c)| !c.is_empty() && self.np_actor(*k).is_some_and(|a| a.code == code))
            .map(|(_, c)| c)
            .unwrap_or_default()
    }

    /// The other conjuncts of a coordination headed by `h` ("Mordor,
    /// Rohan, Fornost and Bree"), however the parser nested them.
    fn conjuncts(&self, h: usize) -> Vec<usize> {
        let mut out = Vec::new();
        let mut stack = vec![h];
        while let Some(n) = stack.pop() {
            for &k in &self.children[n] {
                if self.is_rel(k, "conj") && matches!(self.upos(k), Upos::NOUN | Upos::PROPN | Upos::PRON) {
                    out.push(k);
                    stack.push(k);
                }
            }
        }
        out.sort_unstable();
        out
    }

    fn is_capital_text(&self, text: &str) -> bool {
        let w = text_words(text);
        let joined = w.iter().filter(|x| !matches!(x.as_str(), "the" | "'s")).cloned().collect::<Vec<_>>().join(" ");
        self.lex.actors.capitals.contains_key(&joined)
    }

    /// Quantities stated in the event's clause, with their roles.
    fn quantities_in(&self, span: Span, ty: &PloverType) -> Vec<EventQuantity> {
        let mut out = Vec::new();
        for (qi, q) in self.doc.quantities.iter().enumerate() {
            if !span.contains(q.span) {
                continue;
            }
            let unit = q.unit.to_lowercase();
            let unit_lemma = unit.trim_end_matches('s');
            let before = self.doc.text.get(q.span.start.saturating_sub(12)..q.span.start).unwrap_or("").to_lowercase();
            let role = if before.contains("every") || before.contains("each") || before.contains("per") {
                "frequency"
            } else if lexicon::is_weapon(unit_lemma) || lexicon::is_weapon(&unit) {
                "weapons"
            } else if matches!(
                unit_lemma,
                "people"
                    | "person"
                    | "civilian"
                    | "dead"
                    | "casualtie"
                    | "victim"
                    | "child"
                    | "children"
                    | "body"
                    | "killed"
                    | "wounded"
                    | "injured"
            ) || (*ty == PloverType::Assault
                && matches!(unit_lemma, "soldier" | "fighter" | "resident" | "worker"))
            {
                "casualties"
            } else if lexicon::is_troops(unit_lemma) {
                "personnel"
            } else if matches!(
                unit_lemma,
                "dollar" | "euro" | "rial" | "ruble" | "rouble" | "pound" | "yuan" | "hryvnia"
            ) {
                "money"
            } else {
                "other"
            };
            out.push(EventQuantity { quantity: qi, role: role.to_string() });
        }
        out
    }

    /// The event's date: time words in its clause, else in its sentence.
    fn date_for(&self, clause: &[usize], sent: std::ops::Range<usize>) -> Option<EventDate> {
        let reference = dates::reference(self.doc.meta.published.as_deref());
        let find = |toks: &mut dyn Iterator<Item = usize>| -> Option<EventDate> {
            for i in toks {
                if !dates::is_time_word(&self.words[i]) || !matches!(self.upos(i), Upos::NOUN | Upos::PROPN) {
                    continue;
                }
                let phrase = self.subtree(i, &["acl", "acl:relcl", "punct", "conj", "cc", "nmod"]);
                let words: Vec<String> = phrase.iter().map(|&k| self.words[k].clone()).collect();
                let relation = self.case_of(i).unwrap_or("on").to_string();
                let content: Vec<String> = words.into_iter().filter(|w| *w != relation).collect();
                let Some(r) = dates::resolve(&content, reference) else { continue };
                return Some(EventDate {
                    span: Some(self.span_of(&phrase)),
                    value: r.value,
                    precision: r.precision.to_string(),
                    relation,
                });
            }
            None
        };
        find(&mut clause.iter().copied()).or_else(|| find(&mut sent.clone()))
    }

    /// A place named in the clause with "in", "at" or "near".
    fn location_in(&self, clause: &[usize], target: Option<usize>) -> Option<EventActor> {
        for &i in clause {
            if Some(i) == target || !matches!(self.case_of(i), Some("in" | "at" | "near" | "inside")) {
                continue;
            }
            let is_place = self.entity_of[i]
                .and_then(|e| self.doc.entities.get(e))
                .is_some_and(|e| e.kind == EntityKind::Location);
            let np = self.np(i);
            let words: Vec<String> = np.iter().map(|&k| self.words[k].clone()).collect();
            let coded = self.lex.actors.code_words(&words);
            if is_place || (coded.actor.as_ref().is_some_and(|a| a.len() == 3) && self.upos(i) == Upos::PROPN) {
                let span = self.span_of(&np);
                let mut a = match coded.actor {
                    Some(code) => {
                        actor_from_code(code.chars().take(3).collect(), span.text(&self.doc.text).to_string())
                    }
                    None => EventActor {
                        code: "---".into(),
                        text: span.text(&self.doc.text).to_string(),
                        ..Default::default()
                    },
                };
                a.sector = None;
                a.entity = self.entity_of[i];
                a.span = Some(span);
                return Some(a);
            }
        }
        None
    }

    /// Links events to the claims of the same document that deny them: a
    /// denial by a speaker of the actor's side whose content names the
    /// event's goods or weapons, or rejects allegations without restating
    /// them.
    fn attach_denials(&self, events: &mut [Event]) {
        for e in events.iter_mut() {
            if e.future || e.hypothetical || e.event_type == "AGREE" {
                continue;
            }
            let Some(country) = e.actor.as_ref().and_then(|a| a.country.clone()) else { continue };
            let goods: Vec<String> = e
                .quantities
                .iter()
                .filter_map(|q| self.doc.quantities.get(q.quantity))
                .map(|q| q.unit.to_lowercase().trim_end_matches('s').to_string())
                .collect();
            let trigger_clause = text_words(e.span.text(&self.doc.text));
            for (ci, c) in self.doc.claims.iter().enumerate() {
                if c.stance != Stance::Denies || Some(ci) == e.claim || e.negated {
                    continue;
                }
                if self.speaker_country(Some(ci)).as_deref() != Some(country.as_str()) {
                    continue;
                }
                let content = text_words(self.doc.span_text(c.content));
                let names_goods = content.iter().any(|w| {
                    let w = w.trim_end_matches('s');
                    goods.iter().any(|g| g == w)
                        || (lexicon::is_weapon(w) && trigger_clause.iter().any(|t| t.trim_end_matches('s') == w))
                });
                let bare = content.iter().any(|w| lexicon::is_allegation(w.trim_end_matches('s')))
                    && !content.iter().any(|w| lexicon::is_weapon(w.trim_end_matches('s')));
                if names_goods || (bare && is_material(&e.event_type)) {
                    e.denied_by.push(ci);
                }
            }
        }
    }
}

/// A compound code ("FRO/BIL/SAM": one name for several actors) stands
/// for each of its actors.
fn split_compound(actors: Vec<Option<EventActor>>) -> Vec<Option<EventActor>> {
    let mut out = Vec::new();
    for a in actors {
        match &a {
            Some(x) if x.code.contains('/') => {
                for part in x.code.split('/').filter(|p| !p.is_empty()) {
                    let mut y = actor_from_code(part.to_string(), x.text.clone());
                    y.entity = x.entity;
                    y.span = x.span;
                    out.push(Some(y));
                }
            }
            _ => out.push(a),
        }
    }
    out
}

fn is_material(ty: &str) -> bool {
    PloverType::parse(ty).is_some_and(|t| t.quad() == 2 || t.quad() == 4)
}

/// Role descriptions of people who speak for a state.
fn is_official_role(role: &str) -> bool {
    let r = role.to_lowercase();
    [
        "minister",
        "president",
        "spokesman",
        "spokeswoman",
        "spokesperson",
        "ambassador",
        "official",
        "head of",
        "chief",
        "commander",
        "general",
        "secretary",
    ]
    .iter()
    .any(|w| r.contains(w))
}

fn same_actor(a: &EventActor, b: &EventActor) -> bool {
    (a.entity.is_some() && a.entity == b.entity)
        || (a.code == b.code && a.code.len() >= 3 && !a.code.starts_with("---"))
}

/// Base-form candidates of an inflected verb form.
fn deinflect(form: &str) -> Vec<String> {
    let mut out = Vec::new();
    for (suffix, repl) in
        [("ied", "y"), ("ies", "y"), ("ed", ""), ("ed", "e"), ("ing", ""), ("ing", "e"), ("es", ""), ("s", "")]
    {
        if let Some(stem) = form.strip_suffix(suffix) {
            if stem.len() >= 2 {
                out.push(format!("{stem}{repl}"));
                // "shelled" → "shell" is covered above; "planned" → "plan".
                let b = stem.as_bytes();
                if repl.is_empty() && b.len() >= 3 && b[b.len() - 1] == b[b.len() - 2] {
                    out.push(stem[..stem.len() - 1].to_string());
                }
            }
        }
    }
    out
}

/// Token positions bound by `$` and `+`.
#[derive(Debug, Clone, Default)]
struct Binds {
    source: Option<usize>,
    target: Option<usize>,
}

/// A dictionary word against a token: form or lemma, singular or plural.
/// A token's word as the dictionaries spell it: lower case, with a plain
/// apostrophe (one allocation per token: this runs for every token).
fn lower_word(s: &str) -> String {
    // An ASCII word (nearly every word) holds no typographic apostrophe, and
    // its lower case is its ASCII lower case.
    if s.is_ascii() {
        return s.to_ascii_lowercase();
    }
    let lower = s.to_lowercase();
    if lower.contains('’') {
        lower.replace('’', "'")
    } else {
        lower
    }
}

fn word_eq(w: &str, form: &str, lemma: &str) -> bool {
    if w == form || w == lemma {
        return true;
    }
    form.strip_suffix('s').is_some_and(|s| s == w) || w.strip_suffix('s').is_some_and(|s| s == lemma)
}

fn threat_mode(ty: PloverType) -> Option<&'static str> {
    Some(match ty {
        PloverType::Assault | PloverType::Mobilize => "violence",
        PloverType::Sanction => "relations",
        PloverType::Coerce => "restrict",
        _ => return None,
    })
}

fn reject_mode(ty: PloverType) -> Option<&'static str> {
    Some(match ty {
        PloverType::Aid | PloverType::Cooperate | PloverType::Support => "assist",
        PloverType::Consult | PloverType::Agree => "meet",
        PloverType::Retreat | PloverType::Concede => "yield",
        _ => return None,
    })
}

fn request_mode(ty: PloverType) -> Option<&'static str> {
    Some(match ty {
        PloverType::Aid | PloverType::Cooperate | PloverType::Support => "assist",
        PloverType::Consult => "meet",
        PloverType::Retreat | PloverType::Concede => "yield",
        _ => "change",
    })
}
