//! A proposition's sketch: a few words of bits that say, without reading
//! its signature, when a claim surely cannot match it.
//!
//! Aligning a claim scores every proposition its index keys bring (a few
//! hundred on a large ledger, of which one or none matches). Each score
//! first looks the candidate's signature up in a large map and follows
//! several pointers into the heap, and the misses cost more than the
//! rules' tests; a signature no longer cached is read back from the file
//! and parsed. The writer keeps a sketch of every proposition in one dense
//! array instead, and asks [`may_match`] before touching the signature.
//!
//! Each part is a necessary condition of one branch of
//! [`crate::align::Aligner::match_score`] of the rule aligner, built from
//! the same hashes as its key halves, so equal strings always set equal
//! bits: a sketch may let through a candidate that does not match (a
//! collision of bits), never set aside one that does; the same holds for
//! [`crate::align::Aligner::restates`], whose test implies rule 6's part.
//! Changing a rule's first test means changing its part here.

use crate::align::{rule_cores, rule_named, rule_story, PropSignature, CAST_MEET, STORY_CAST};
use crate::norm::{fnv64, mix64};

/// The claim denies (rule 6 pairs opposite stances).
const DENIES: u8 = 1;
/// The content rejects a figure (rule 8).
const REJECTS: u8 = 2;
/// The content counts a toll (rule 7 compares tolls loosely).
const TOLL: u8 = 4;
/// The content counts something (rule 7).
const COUNTS: u8 = 8;
/// The cast is longer than a sketch holds: its part always passes.
const WIDE_CAST: u8 = 16;
/// The deed terms are more than a sketch holds: rule 6's part passes.
const WIDE_DEEDS: u8 = 128;
/// The sketch was made (a default sketch stands for none).
const MADE: u8 = 32;
/// The claim names no participant of its own (rule 5).
const UNNAMED: u8 = 64;

/// Which of the predicate, agent, patient and object head a signature has
/// (bits of [`Sketch::roles`]).
const PREDICATE: u8 = 1;
const AGENT: u8 = 2;
const PATIENT: u8 = 4;
const HEAD: u8 = 8;
/// The agent, or the patient, names a participant (one of the anchors and
/// no topic: `participants_clash`' test, implied by `counts_meet`'s).
const AGENT_NAMED: u8 = 16;
const PATIENT_NAMED: u8 = 32;
/// The agent, or the patient, is several words (`counts_meet` lets a name
/// that holds the other's as a word pass).
const AGENT_SPACED: u8 = 64;
const PATIENT_SPACED: u8 = 128;

/// Deed terms a sketch holds the short hashes of (rule 6).
const DEED_TERMS: usize = 8;

/// The digest of a signature that [`may_match`] reads: one-word Bloom
/// filters of the lists the rules' tests intersect, the cast's and the deed
/// terms' short hashes and a few flags. Copy, 120 bytes.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Sketch {
    /// Every anchor, entity ids included (`match_rules`' "anchored").
    anchors: u64,
    named: u64,
    terms: u64,
    cores: u64,
    story: u64,
    /// The story's participants, whether the claim names any or not.
    story_all: u64,
    /// The deed frames (rule 6).
    deed_frames: u64,
    /// Short hashes of the deed terms, duplicates kept (rule 6 needs two
    /// shared, or a shared deed frame, across articles).
    deeds: [u16; DEED_TERMS],
    deeds_len: u8,
    /// Every event frame's core (predicate and head, headless ones too),
    /// as `shared_frame` compares them.
    frames: u64,
    /// Short hashes of the predicate, agent, patient and object head
    /// (which are there: [`Sketch::roles`]).
    predicate: u16,
    agent: u16,
    patient: u16,
    head: u16,
    roles: u8,
    counts: u64,
    cast: [u16; STORY_CAST],
    cast_len: u8,
    flags: u8,
}

/// The bit of a one-word Bloom filter for a string's hash.
fn bit(h: u64) -> u64 {
    1 << (mix64(h) >> 58)
}

/// The filter of a list of strings.
fn bloom<'a>(items: impl Iterator<Item = &'a str>) -> u64 {
    items.fold(0, |m, x| m | bit(fnv64(x.as_bytes())))
}

impl Sketch {
    /// The sketch of a signature.
    pub fn of(s: &PropSignature) -> Sketch {
        let mut flags = MADE;
        if s.denies {
            flags |= DENIES;
        }
        if !s.rejects.is_empty() {
            flags |= REJECTS;
        }
        if !s.counts.is_empty() {
            flags |= COUNTS;
        }
        if s.counts.iter().any(|u| crate::toll::is_toll_unit(u)) {
            flags |= TOLL;
        }
        if s.unnamed {
            flags |= UNNAMED;
        }
        let mut roles = 0;
        let mut short = |x: &Option<String>, role: u8| {
            x.as_ref().map_or(0, |x| {
                roles |= role;
                fnv64(x.as_bytes()) as u16
            })
        };
        let (predicate, agent, patient, head) =
            (short(&s.predicate, PREDICATE), short(&s.agent, AGENT), short(&s.patient, PATIENT), short(&s.head, HEAD));
        for (x, named, spaced) in [(&s.agent, AGENT_NAMED, AGENT_SPACED), (&s.patient, PATIENT_NAMED, PATIENT_SPACED)] {
            let Some(x) = x else { continue };
            if crate::align::names_participant(s, x) {
                roles |= named;
            }
            if x.contains(' ') {
                roles |= spaced;
            }
        }
        let mut cast = [0u16; STORY_CAST];
        if s.cast.len() > STORY_CAST {
            flags |= WIDE_CAST;
        }
        for (slot, m) in cast.iter_mut().zip(&s.cast) {
            // The low bits of the same hash as the key halves'.
            *slot = fnv64(m.as_bytes()) as u16;
        }
        let mut deeds = [0u16; DEED_TERMS];
        if s.deed.len() > DEED_TERMS {
            flags |= WIDE_DEEDS;
        }
        for (slot, t) in deeds.iter_mut().zip(&s.deed) {
            *slot = fnv64(t.as_bytes()) as u16;
        }
        Sketch {
            anchors: bloom(s.anchors.iter().map(String::as_str)),
            named: bloom(rule_named(s).map(String::as_str)),
            terms: bloom(s.topics.iter().chain(s.head.iter()).map(String::as_str)),
            cores: bloom(rule_cores(s)),
            story: bloom(rule_story(s).iter().map(String::as_str)),
            story_all: bloom(s.story.iter().map(String::as_str)),
            deed_frames: bloom(s.deed_frames.iter().map(String::as_str)),
            deeds,
            deeds_len: s.deed.len().min(DEED_TERMS) as u8,
            frames: bloom(s.frames.iter().map(|f| f.rsplit_once('|').map_or(f.as_str(), |(core, _)| core))),
            predicate,
            agent,
            patient,
            head,
            roles,
            counts: bloom(s.counts.iter().map(String::as_str).filter(|u| !crate::toll::is_toll_unit(u))),
            cast,
            cast_len: s.cast.len().min(STORY_CAST) as u8,
            flags,
        }
    }

    /// Whether this is a made sketch rather than an empty slot.
    pub fn is_made(&self) -> bool {
        self.flags & MADE != 0
    }

    fn has(&self, flag: u8) -> bool {
        self.flags & flag != 0
    }

    /// Whether both have `role` and it differs.
    fn clash(&self, o: &Sketch, role: u8) -> bool {
        let value = |s: &Sketch| match role {
            PREDICATE => s.predicate,
            AGENT => s.agent,
            PATIENT => s.patient,
            _ => s.head,
        };
        self.roles & o.roles & role != 0 && value(self) != value(o)
    }

    /// Whether both name the agent, or both the patient, and the names
    /// differ: `participants_clash` surely holds.
    fn named_clash(&self, o: &Sketch) -> bool {
        let both = self.roles & o.roles;
        both & AGENT_NAMED != 0 && self.agent != o.agent || both & PATIENT_NAMED != 0 && self.patient != o.patient
    }

    /// Whether `counts_meet`'s clash of participants surely holds: both
    /// name the agent (or the patient) in one word each, and the words
    /// differ.
    fn counted_clash(&self, o: &Sketch) -> bool {
        let both = self.roles & o.roles;
        let either = self.roles | o.roles;
        both & AGENT_NAMED != 0 && either & AGENT_SPACED == 0 && self.agent != o.agent
            || both & PATIENT_NAMED != 0 && either & PATIENT_SPACED == 0 && self.patient != o.patient
    }

    /// Whether the two may share a deed frame or two deed terms, as rule 6
    /// needs across articles (`deeds_meet`: a frame, or a deed with one
    /// more term shown, or a thing denied with one more).
    fn deeds_may_meet(&self, o: &Sketch) -> bool {
        if self.deed_frames & o.deed_frames != 0 || self.has(WIDE_DEEDS) || o.has(WIDE_DEEDS) {
            return true;
        }
        let theirs = &o.deeds[..o.deeds_len as usize];
        self.deeds[..self.deeds_len as usize].iter().filter(|h| theirs.contains(h)).count() >= 2
    }

    /// At least [`CAST_MEET`] of this cast's members may be in the other's
    /// (equal names have equal short hashes).
    fn casts_may_meet(&self, o: &Sketch) -> bool {
        if self.has(WIDE_CAST) || o.has(WIDE_CAST) {
            return true;
        }
        let theirs = &o.cast[..o.cast_len as usize];
        self.cast[..self.cast_len as usize].iter().filter(|h| theirs.contains(h)).count() >= CAST_MEET
    }
}

/// False only when a claim with sketch `c` surely does not match a
/// proposition with sketch `p` under any rule; see the module
/// documentation. `cosine_needs_a_term`: the rule aligner's least
/// similarity is above zero, so its cosine needs a shared term.
pub fn may_match(c: &Sketch, p: &Sketch, cosine_needs_a_term: bool) -> bool {
    // Rules 1 to 5: the two share an index key (`rule_keys_meet`'s hashed
    // test, as `Halves::may_meet` writes it).
    let named = c.named & p.named != 0;
    let keys_meet = named && c.terms & p.terms != 0
        || c.cores & p.cores != 0
            && (named || c.story & p.named != 0 || c.named & p.story != 0 || c.story & p.story != 0);
    // ... and then `match_rules`' gates: no two predicates, and either the
    // two share an anchor and no agent or patient clashes, or (rule 5)
    // they meet through the story, one of them naming no participant.
    if keys_meet && !c.clash(p, PREDICATE) {
        // Past those gates an anchored pair needs a shared frame core, or
        // object heads that agree, or (a head missing) a shared term for
        // the cosine.
        let heads_may_agree = if c.roles & p.roles & HEAD != 0 {
            !c.clash(p, HEAD)
        } else {
            !cosine_needs_a_term || c.terms & p.terms != 0
        };
        let anchored = c.anchors & p.anchors != 0
            && !c.clash(p, AGENT)
            && !c.clash(p, PATIENT)
            && (c.frames & p.frames != 0 || heads_may_agree);
        let through_story = c.story_all & p.story_all != 0
            && (c.has(UNNAMED) && c.story_all & p.anchors != 0 || p.has(UNNAMED) && c.anchors & p.story_all != 0);
        if anchored || through_story {
            return true;
        }
    }
    // Rules 6 to 8 all want two articles of one story.
    if !c.casts_may_meet(p) {
        return false;
    }
    // Rule 8: a rejected figure on either side.
    c.has(REJECTS) || p.has(REJECTS)
        // Rule 6: opposite stances sharing a deed frame or two deed terms,
        // with no clash of named participants.
        || c.has(DENIES) != p.has(DENIES) && c.deeds_may_meet(p) && !c.named_clash(p)
        // Rule 7: a shared counted unit (tolls compared loosely), with no
        // clash of named participants.
        || (c.counts & p.counts != 0 || c.has(TOLL) && p.has(COUNTS)) && !c.counted_clash(p)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::align::NumberFact;

    fn sig(anchors: &[&str], topics: &[&str], cast: &[&str]) -> PropSignature {
        let own = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        PropSignature {
            anchors: own(anchors),
            topics: own(topics),
            cast: own(cast),
            text: String::new(),
            ..Default::default()
        }
    }

    /// A tiny deterministic generator (xorshift), so that the test needs
    /// no crate and fails the same way every time.
    struct Rng(u64);

    impl Rng {
        fn below(&mut self, n: usize) -> usize {
            self.0 ^= self.0 << 13;
            self.0 ^= self.0 >> 7;
            self.0 ^= self.0 << 17;
            (self.0 % n as u64) as usize
        }

        /// Up to `most` words of `pool`, sorted and distinct, as the
        /// signature's lists are.
        fn pick(&mut self, pool: &[&str], most: usize) -> Vec<String> {
            let n = self.below(most + 1);
            let mut v: Vec<String> = (0..n).map(|_| pool[self.below(pool.len())].to_string()).collect();
            v.sort();
            v.dedup();
            v
        }

        fn maybe(&mut self, pool: &[&str]) -> Option<String> {
            (self.below(3) > 0).then(|| pool[self.below(pool.len())].to_string())
        }
    }

    /// Signatures drawn from small pools, so that most pairs share
    /// something and every rule gets its chances.
    fn random_signature(r: &mut Rng) -> PropSignature {
        const NAMES: &[&str] = &["iran", "russia", "ukraine", "kenya", "north korea", "korea", "#e1", "#e2"];
        // "kenya" as a term too: an agent that is a topic names nobody.
        const TERMS: &[&str] = &["drone", "sell", "missile", "strike", "kill", "ship", "kenya"];
        const FRAMES: &[&str] =
            &["sell|drone|iran", "strike|city|", "kill|civilian|russia", "sell|drone|", "intrude||iran", "intrude||"];
        const UNITS: &[&str] = &["drone", "missile", "~dead", "~dead/civilian", "shell"];
        let number = |r: &mut Rng, rejected: bool| NumberFact {
            value: [12.0, 40.0, 1700.0][r.below(3)],
            unit: UNITS[r.below(UNITS.len())].to_string(),
            rejected,
            ..Default::default()
        };
        let figures = (0..r.below(2)).map(|_| number(r, false)).collect();
        let rejects = if r.below(3) == 0 { vec![number(r, true)] } else { Vec::new() };
        PropSignature {
            anchors: r.pick(NAMES, 3),
            topics: r.pick(TERMS, 3),
            head: r.maybe(TERMS),
            predicate: r.maybe(TERMS),
            agent: r.maybe(NAMES),
            patient: r.maybe(NAMES),
            frames: r.pick(FRAMES, 2),
            story: r.pick(NAMES, 3),
            unnamed: r.below(4) == 0,
            denies: r.below(2) == 0,
            deed: r.pick(TERMS, 3),
            deed_preds: r.pick(TERMS, 2),
            deed_events: r.pick(TERMS, 2),
            deed_frames: r.pick(FRAMES, 2),
            cast: r.pick(NAMES, 4),
            counts: r.pick(UNITS, 2),
            figures,
            rejects,
            speaker: r.pick(NAMES, 1).join(""),
            side: r.pick(NAMES, 1),
            text: String::new(),
            ..Default::default()
        }
    }

    /// The sketch's promise: whenever it sets a pair aside, the rules
    /// would not have matched it either.
    #[test]
    fn a_pair_set_aside_never_matches() {
        use crate::align::{Aligner, RuleAligner, TermStats};
        let aligner = RuleAligner::default();
        let stats = TermStats::default();
        let mut r = Rng(0x9e37_79b9_7f4a_7c15);
        let sigs: Vec<PropSignature> = (0..400).map(|_| random_signature(&mut r)).collect();
        let sketches: Vec<Sketch> = sigs.iter().map(Sketch::of).collect();
        let (mut matched, mut aside) = (0, 0);
        for (a, sa) in sigs.iter().zip(&sketches) {
            for (b, sb) in sigs.iter().zip(&sketches) {
                let score = aligner.match_score(a, b, &stats);
                matched += usize::from(score.is_some());
                if !may_match(sa, sb, true) {
                    aside += 1;
                    assert!(score.is_none(), "set aside but matches:\n{a:?}\n{b:?}");
                }
            }
        }
        // The pools make both outcomes common, or the test proves nothing.
        assert!(matched > 1_000 && aside > 10_000, "matched {matched}, set aside {aside}");
        // The writer asks `restates` of the candidates the sketch lets
        // through only, too. A restatement tells of the same participants,
        // so the pool's three names a claim seldom meet: here they name
        // none.
        let bare: Vec<PropSignature> =
            sigs.iter().map(|s| PropSignature { anchors: Vec::new(), ..s.clone() }).collect();
        let sketches: Vec<Sketch> = bare.iter().map(Sketch::of).collect();
        let (mut restated, mut aside) = (0, 0);
        for (a, sa) in bare.iter().zip(&sketches) {
            for (b, sb) in bare.iter().zip(&sketches) {
                let restates = aligner.restates(a, b, &stats);
                restated += usize::from(restates.is_some());
                if !may_match(sa, sb, true) {
                    aside += 1;
                    assert!(restates.is_none(), "set aside but restates:\n{a:?}\n{b:?}");
                }
            }
        }
        assert!(restated > 0 && aside > 10_000, "restated {restated}, set aside {aside}");
    }

    /// `counts_meet` lets a named agent that holds the other's name as a
    /// word pass ("North Korea" / "Korea"): the sketch must too.
    #[test]
    fn a_count_by_a_longer_name_of_the_agent_may_match() {
        use crate::align::{Aligner, RuleAligner, TermStats};
        let count = |agent: &str, speaker: &str| PropSignature {
            anchors: vec![agent.to_string()],
            agent: Some(agent.to_string()),
            counts: vec!["~dead".to_string()],
            cast: vec!["korea".to_string(), "seoul".to_string()],
            speaker: speaker.to_string(),
            text: String::new(),
            ..Default::default()
        };
        let (a, b) = (count("north korea", "kim"), count("korea", "lee"));
        assert!(RuleAligner::default().match_score(&a, &b, &TermStats::default()).is_some());
        assert!(may_match(&Sketch::of(&a), &Sketch::of(&b), true));
        // One-word names that differ clash.
        let (c, d) = (count("china", "kim"), count("japan", "lee"));
        assert!(RuleAligner::default().match_score(&c, &d, &TermStats::default()).is_none());
        assert!(!may_match(&Sketch::of(&c), &Sketch::of(&d), true));
    }

    #[test]
    fn a_sketch_is_small() {
        assert_eq!(std::mem::size_of::<Sketch>(), 120);
    }

    #[test]
    fn a_shared_participant_and_topic_may_match() {
        let a = Sketch::of(&sig(&["iran"], &["drone"], &[]));
        let b = Sketch::of(&sig(&["iran", "russia"], &["drone", "sell"], &[]));
        assert!(may_match(&a, &b, true) && may_match(&b, &a, true));
    }

    #[test]
    fn nothing_shared_is_set_aside() {
        let a = Sketch::of(&sig(&["iran"], &["drone"], &["iran", "russia"]));
        let b = Sketch::of(&sig(&["kenya"], &["election"], &["kenya", "odinga"]));
        assert!(!may_match(&a, &b, true));
        assert!(a.is_made() && !Sketch::default().is_made());
    }

    #[test]
    fn different_agents_of_one_deed_are_set_aside() {
        let mut a = sig(&["iran"], &["drone"], &[]);
        a.agent = Some("iran".into());
        let mut b = sig(&["iran", "russia"], &["drone"], &[]);
        b.agent = Some("russia".into());
        assert!(!may_match(&Sketch::of(&a), &Sketch::of(&b), true));
        b.agent = Some("iran".into());
        assert!(may_match(&Sketch::of(&a), &Sketch::of(&b), true));
        b.agent = None;
        assert!(may_match(&Sketch::of(&a), &Sketch::of(&b), true));
    }

    #[test]
    fn a_denial_of_a_deed_of_the_same_story_may_match() {
        use crate::align::{Aligner, RuleAligner, TermStats};
        let mut a = sig(&[], &[], &["iran", "russia", "ukraine"]);
        a.deed = vec!["drone".into(), "supply".into()];
        let mut b = a.clone();
        b.denies = true;
        assert!(may_match(&Sketch::of(&a), &Sketch::of(&b), true));
        // One deed term shared, and no deed frame, is not enough across
        // articles.
        let mut one = b.clone();
        one.deed = vec!["supply".into()];
        assert!(RuleAligner::default().match_score(&a, &one, &TermStats::default()).is_none());
        assert!(!may_match(&Sketch::of(&a), &Sketch::of(&one), true));
        // One shared cast member is not a story.
        b.cast = vec!["iran".into(), "kenya".into()];
        assert!(!may_match(&Sketch::of(&a), &Sketch::of(&b), true));
    }
}
