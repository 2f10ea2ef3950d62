//! The attribution lexicon: reporting verbs in every inflection, denial
//! cues, hedges, negators and the evaluative words that turn "described X
//! as ..." into a denial.

use crate::lower::lowercase;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// What a reporting verb does to the stance of its content.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueClass {
    /// Asserts the content ("said", "confirmed", "stressed").
    Assert,
    /// Denies or rejects the content ("denied", "rejected", "dismissed").
    Deny,
    /// Evaluates an object ("described X as Y", "called X Y"): the stance
    /// depends on the evaluation.
    Evaluate,
    /// Reports a belief or opinion ("believes", "thinks"): a claim only
    /// with clausal content.
    Belief,
}

/// A reporting verb lemma with its class.
struct Verb {
    lemma: &'static str,
    class: CueClass,
    /// True when the verb may take a plain noun-phrase object as content
    /// ("rejected the allegations").
    np_content: bool,
}

const fn v(lemma: &'static str, class: CueClass, np_content: bool) -> Verb {
    Verb { lemma, class, np_content }
}

use CueClass::{Assert, Belief, Deny, Evaluate};

const VERBS: &[Verb] = &[
    v("say", Assert, false),
    v("tell", Assert, false),
    v("confirm", Assert, true),
    v("stress", Assert, false),
    v("note", Assert, false),
    v("add", Assert, false),
    v("continue", Assert, false),
    v("claim", Assert, false),
    v("announce", Assert, true),
    v("state", Assert, false),
    v("declare", Assert, false),
    v("assert", Assert, false),
    v("allege", Assert, false),
    v("accuse", Assert, false),
    v("acknowledge", Assert, true),
    v("admit", Assert, true),
    v("report", Assert, false),
    v("reveal", Assert, true),
    v("suggest", Assert, false),
    v("emphasize", Assert, false),
    v("emphasise", Assert, false),
    v("underline", Assert, false),
    v("underscore", Assert, false),
    v("explain", Assert, false),
    v("insist", Assert, false),
    v("warn", Assert, false),
    v("argue", Assert, false),
    v("write", Assert, false),
    v("tweet", Assert, false),
    v("post", Assert, false),
    v("predict", Assert, false),
    v("promise", Assert, false),
    v("pledge", Assert, false),
    v("vow", Assert, false),
    v("threaten", Assert, false),
    v("estimate", Assert, false),
    v("indicate", Assert, false),
    v("mention", Assert, false),
    v("comment", Assert, false),
    v("respond", Assert, false),
    v("reply", Assert, false),
    v("ask", Assert, false),
    v("urge", Assert, false),
    v("demand", Assert, false),
    v("disclose", Assert, true),
    v("maintain", Assert, false),
    v("contend", Assert, false),
    v("recall", Assert, false),
    v("remind", Assert, false),
    v("observe", Assert, false),
    v("remark", Assert, false),
    v("complain", Assert, false),
    v("concede", Assert, false),
    v("assure", Assert, false),
    v("caution", Assert, false),
    v("clarify", Assert, false),
    v("testify", Assert, false),
    v("inform", Assert, false),
    v("reiterate", Assert, false),
    v("repeat", Assert, false),
    v("highlight", Assert, false),
    v("point", Assert, false), // "pointed out"
    v("affirm", Assert, false),
    v("agree", Assert, false),
    v("boast", Assert, false),
    v("brag", Assert, false),
    v("charge", Assert, false),
    v("conclude", Assert, false),
    v("find", Assert, false),
    v("record", Assert, false),
    v("predict", Assert, false),
    v("propose", Assert, false),
    v("recommend", Assert, false),
    v("specify", Assert, false),
    v("stipulate", Assert, false),
    v("acknowledge", Assert, false),
    v("guarantee", Assert, false),
    v("swear", Assert, false),
    v("shout", Assert, false),
    v("whisper", Assert, false),
    v("scream", Assert, false),
    v("joke", Assert, false),
    v("quip", Assert, false),
    v("sigh", Assert, false),
    v("speculate", Assert, false),
    v("answer", Assert, false),
    v("relate", Assert, false),
    v("analyze", Assert, false),
    v("analyse", Assert, false),
    v("denounce", Assert, false),
    v("sustain", Assert, false),
    v("recognize", Assert, false), // "recognized that", only with the clause
    v("recognise", Assert, false),
    v("hammer", Assert, false),
    v("lament", Assert, false),
    v("recount", Assert, false),
    v("reply", Assert, false),
    v("retort", Assert, false),
    v("counter", Assert, false),
    v("assess", Assert, false),
    v("stipulate", Assert, false),
    v("forecast", Assert, false),
    v("add", Assert, false),
    v("convey", Assert, false),
    v("communicate", Assert, false),
    v("notify", Assert, false),
    v("narrate", Assert, false),
    v("opine", Assert, false),
    v("aver", Assert, false),
    v("attest", Assert, false),
    v("hint", Assert, false),
    v("signal", Assert, false),
    v("elaborate", Assert, false),
    v("suspect", Belief, false),
    v("believe", Belief, false),
    v("think", Belief, false),
    v("feel", Belief, false),
    v("hope", Belief, false),
    v("fear", Belief, false),
    v("expect", Belief, false),
    v("doubt", Belief, false),
    v("consider", Belief, false),
    v("deny", Deny, true),
    v("reject", Deny, true),
    v("dismiss", Deny, true),
    v("refute", Deny, true),
    v("rebut", Deny, true),
    v("disprove", Deny, true),
    v("contradict", Deny, true),
    v("dispute", Deny, true),
    v("contest", Deny, true),
    v("repudiate", Deny, true),
    v("disavow", Deny, true),
    v("debunk", Deny, true),
    v("rebuff", Deny, true),
    v("describe", Evaluate, true),
    v("call", Evaluate, true),
    v("term", Evaluate, true),
    v("label", Evaluate, true),
    v("brand", Evaluate, true),
    v("characterize", Evaluate, true),
    v("characterise", Evaluate, true),
];

/// Irregular forms of reporting verbs: form → lemma.
const IRREGULAR: &[(&str, &str)] = &[
    ("said", "say"),
    ("says", "say"),
    ("told", "tell"),
    ("found", "find"),
    ("finds", "find"),
    ("wrote", "write"),
    ("written", "write"),
    ("thought", "think"),
    ("felt", "feel"),
    ("swore", "swear"),
    ("sworn", "swear"),
    ("spoke", "speak"),
    ("spoken", "speak"),
];

/// A reporting-verb lookup result.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct CueVerb {
    /// The lemma.
    pub lemma: &'static str,
    /// Its stance class.
    pub class: CueClass,
    /// Whether a plain object noun phrase can be its content.
    pub np_content: bool,
}

static FORMS: LazyLock<FxHashMap<String, CueVerb>> = LazyLock::new(|| {
    let mut m = FxHashMap::default();
    for verb in VERBS {
        let cue = CueVerb { lemma: verb.lemma, class: verb.class, np_content: verb.np_content };
        for form in inflect(verb.lemma) {
            m.entry(form).or_insert(cue);
        }
    }
    for (form, lemma) in IRREGULAR {
        if let Some(verb) = VERBS.iter().find(|v| v.lemma == *lemma) {
            m.insert(form.to_string(), CueVerb { lemma: verb.lemma, class: verb.class, np_content: verb.np_content });
        }
    }
    m
});

/// Regular inflections of an English verb: base, -s, -ed, -ing.
fn inflect(lemma: &str) -> Vec<String> {
    let mut out = vec![lemma.to_string()];
    let bytes = lemma.as_bytes();
    let last = bytes[bytes.len() - 1];
    let vowel = |b: u8| matches!(b, b'a' | b'e' | b'i' | b'o' | b'u');
    // -s
    if lemma.ends_with('s')
        || lemma.ends_with("sh")
        || lemma.ends_with("ch")
        || lemma.ends_with('x')
        || lemma.ends_with('z')
    {
        out.push(format!("{lemma}es"));
    } else if last == b'y' && !vowel(bytes[bytes.len() - 2]) {
        out.push(format!("{}ies", &lemma[..lemma.len() - 1]));
    } else {
        out.push(format!("{lemma}s"));
    }
    // -ed and -ing
    if last == b'e' {
        out.push(format!("{lemma}d"));
        out.push(format!("{}ing", &lemma[..lemma.len() - 1]));
    } else if last == b'y' && !vowel(bytes[bytes.len() - 2]) {
        out.push(format!("{}ied", &lemma[..lemma.len() - 1]));
        out.push(format!("{lemma}ing"));
    } else {
        // Consonant doubling after a short stressed final syllable (admit,
        // commit, rebut); cheap approximation for the verbs listed here.
        let double = matches!(lemma, "admit" | "rebut" | "commit" | "omit" | "regret");
        if double {
            out.push(format!("{lemma}{}ed", last as char));
            out.push(format!("{lemma}{}ing", last as char));
        } else {
            out.push(format!("{lemma}ed"));
            out.push(format!("{lemma}ing"));
        }
    }
    out
}

/// The reporting verb a word form belongs to, if any.
pub fn cue_verb(word: &str) -> Option<CueVerb> {
    FORMS.get(&*lowercase(word)).copied()
}

/// Words that make an evaluation a denial: "described the claims as
/// baseless", "called the report a lie".
const FALSITY: &[&str] = &[
    "baseless",
    "false",
    "untrue",
    "unfounded",
    "groundless",
    "fabricated",
    "fabrication",
    "fabrications",
    "lie",
    "lies",
    "nonsense",
    "absurd",
    "ridiculous",
    "fake",
    "bogus",
    "propaganda",
    "fiction",
    "fictitious",
    "myth",
    "misleading",
    "disinformation",
    "misinformation",
    "slander",
    "slanderous",
    "incorrect",
    "inaccurate",
    "wrong",
    "invented",
    "hoax",
    "rubbish",
    "lies",
    "smear",
    "unsubstantiated",
    "speculation",
    "speculative",
    "fantasy",
    "politically",
    "motivated",
    "forgery",
    "forged",
    "falsification",
    "falsified",
    "invention",
    "provocation",
    "fairy",
    // A rumour is a claim called false too ("cowardly gossip").
    "gossip",
];

/// True when `word` calls something false.
pub fn is_falsity_word(word: &str) -> bool {
    FALSITY.contains(&&*lowercase(word))
}

/// Words that negate the clause they stand in ("n’t" with a typographic
/// apostrophe too, as news sites print it).
pub fn is_negator(word: &str) -> bool {
    matches!(
        &*lowercase(word),
        "not"
            | "n't"
            | "n’t"
            | "never"
            | "no"
            | "none"
            | "nothing"
            | "nobody"
            | "neither"
            | "nor"
            | "nowhere"
            | "nt"
            | "cannot"
    )
}

/// Hedges: the speaker or reporter marks the content as uncertain.
pub fn is_hedge(word: &str) -> bool {
    matches!(
        &*lowercase(word),
        "allegedly"
            | "reportedly"
            | "may"
            | "might"
            | "could"
            | "possibly"
            | "perhaps"
            | "probably"
            | "likely"
            | "apparently"
            | "supposedly"
            | "purportedly"
            | "seemingly"
            | "unconfirmed"
    )
}

/// Subordinating words: a negation after one of these belongs to a
/// subordinate clause, not to the content's main assertion.
pub fn is_subordinator(word: &str) -> bool {
    matches!(
        &*lowercase(word),
        "since"
            | "because"
            | "although"
            | "though"
            | "if"
            | "unless"
            | "when"
            | "whenever"
            | "while"
            | "whereas"
            | "as"
            | "after"
            | "before"
            | "until"
            | "which"
            | "who"
            | "whom"
            | "whose"
            | "where"
            | "once"
            | "even"
            | "despite"
            | "without"
    )
}

/// Nouns that name a claim, for "this allegation" and "the claims of ...".
pub fn is_claim_noun(word: &str) -> bool {
    matches!(
        &*lowercase(word),
        "allegation"
            | "allegations"
            | "claim"
            | "claims"
            | "accusation"
            | "accusations"
            | "charge"
            | "charges"
            | "report"
            | "reports"
            | "rumor"
            | "rumors"
            | "rumour"
            | "rumours"
            | "assertion"
            | "assertions"
            | "statement"
            | "statements"
            | "suggestion"
            | "suggestions"
            | "speculation"
            | "story"
            | "stories"
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn finds_inflected_reporting_verbs() {
        assert_eq!(cue_verb("said").map(|c| c.lemma), Some("say"));
        assert_eq!(cue_verb("Stressed").map(|c| c.lemma), Some("stress"));
        assert_eq!(cue_verb("denies").map(|c| c.class), Some(CueClass::Deny));
        assert_eq!(cue_verb("rejecting").map(|c| c.class), Some(CueClass::Deny));
        assert_eq!(cue_verb("described").map(|c| c.class), Some(CueClass::Evaluate));
        assert_eq!(cue_verb("admitted").map(|c| c.lemma), Some("admit"));
        assert_eq!(cue_verb("recognized").map(|c| c.lemma), Some("recognize"));
        assert_eq!(cue_verb("recognises").map(|c| c.lemma), Some("recognise"));
        assert_eq!(cue_verb("testified").map(|c| c.lemma), Some("testify"));
        assert!(cue_verb("missiles").is_none());
    }
}
