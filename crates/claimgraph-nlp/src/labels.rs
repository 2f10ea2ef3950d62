//! Closed label sets: Universal POS, Penn Treebank tags, UD dependency
//! relations and named-entity types.
//!
//! Tags are small integer newtypes over a fixed table so that tokens stay
//! compact and models can index weight rows by tag; each set can be read from
//! and written as its usual string form.

use std::fmt;

macro_rules! label_set {
    ($(#[$doc:meta])* $name:ident, $table:ident, [$($s:expr),* $(,)?]) => {
        const $table: &[&str] = &[$($s),*];

        $(#[$doc])*
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord)]
        pub struct $name(u8);

        impl $name {
            /// Every label of the set, in table order.
            pub fn all() -> impl Iterator<Item = $name> {
                (0..$table.len()).map(|i| $name(i as u8))
            }
            /// Number of labels in the set.
            pub const COUNT: usize = $table.len();
            /// The label's position in the table.
            pub fn index(self) -> usize {
                self.0 as usize
            }
            /// The label at table position `i`, if there is one.
            pub fn from_index(i: usize) -> Option<Self> {
                (i < $table.len()).then_some($name(i as u8))
            }
            /// The label's usual string form.
            pub fn as_str(self) -> &'static str {
                $table[self.0 as usize]
            }
            /// Parses the usual string form; `None` for an unknown label.
            pub fn parse(s: &str) -> Option<Self> {
                $table.iter().position(|t| *t == s).map(|i| $name(i as u8))
            }
        }

        impl fmt::Display for $name {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.write_str(self.as_str())
            }
        }
    };
}

label_set!(
    /// A Universal Dependencies part-of-speech tag.
    Upos,
    UPOS_TABLE,
    [
        "ADJ", "ADP", "ADV", "AUX", "CCONJ", "DET", "INTJ", "NOUN", "NUM", "PART", "PRON", "PROPN",
        "PUNCT", "SCONJ", "SYM", "VERB", "X"
    ]
);

#[allow(missing_docs)]
impl Upos {
    pub const ADJ: Upos = Upos(0);
    pub const ADP: Upos = Upos(1);
    pub const ADV: Upos = Upos(2);
    pub const AUX: Upos = Upos(3);
    pub const CCONJ: Upos = Upos(4);
    pub const DET: Upos = Upos(5);
    pub const INTJ: Upos = Upos(6);
    pub const NOUN: Upos = Upos(7);
    pub const NUM: Upos = Upos(8);
    pub const PART: Upos = Upos(9);
    pub const PRON: Upos = Upos(10);
    pub const PROPN: Upos = Upos(11);
    pub const PUNCT: Upos = Upos(12);
    pub const SCONJ: Upos = Upos(13);
    pub const SYM: Upos = Upos(14);
    pub const VERB: Upos = Upos(15);
    pub const X: Upos = Upos(16);
}

label_set!(
    /// A Penn Treebank part-of-speech tag, with the extra tags of the English
    /// Web Treebank (ADD, AFX, GW, HYPH, NFP, XX).
    Xpos,
    XPOS_TABLE,
    [
        "XX", "NN", "IN", "DT", "NNP", "PRP", "JJ", "RB", ".", "VB", "NNS", ",", "CC", "VBD", "VBP",
        "VBZ", "CD", "VBN", "VBG", "MD", "TO", "PRP$", "-RRB-", "-LRB-", "WDT", ":", "WRB", "``",
        "''", "WP", "RP", "UH", "POS", "HYPH", "NNPS", "JJR", "JJS", "EX", "NFP", "RBR", "ADD",
        "GW", "$", "SYM", "PDT", "LS", "FW", "RBS", "AFX", "WP$", "#"
    ]
);

impl Xpos {
    /// The placeholder for a word not tagged yet.
    pub const UNKNOWN: Xpos = Xpos(0);
}

label_set!(
    /// A Universal Dependencies relation, with the subtypes used in English.
    DepRel,
    DEPREL_TABLE,
    [
        "dep", "root", "punct", "case", "nsubj", "det", "advmod", "obj", "amod", "obl", "conj",
        "compound", "mark", "nmod", "cc", "aux", "cop", "advcl", "nmod:poss", "xcomp", "ccomp",
        "acl:relcl", "flat", "parataxis", "nummod", "appos", "acl", "aux:pass", "nsubj:pass",
        "obl:unmarked", "nmod:unmarked", "discourse", "compound:prt", "iobj", "list", "expl",
        "fixed", "nmod:desc", "obl:agent", "csubj", "nsubj:outer", "det:predet", "vocative",
        "goeswith", "advcl:relcl", "cc:preconj", "reparandum", "orphan", "csubj:pass",
        "dislocated", "csubj:outer", "obl:tmod", "obl:npmod", "nmod:tmod", "nmod:npmod",
        "flat:foreign", "det:poss", "expl:pv", "compound:lvc", "compound:svc", "nmod:gobj",
        "nmod:gsubj", "obl:arg", "flat:name"
    ]
);

impl DepRel {
    /// The unspecified relation, used before parsing.
    pub const DEP: DepRel = DepRel(0);
    /// The root relation.
    pub const ROOT: DepRel = DepRel(1);

    /// The relation without its subtype: `nsubj` for `nsubj:pass`.
    pub fn base(self) -> &'static str {
        let s = self.as_str();
        s.split(':').next().unwrap_or(s)
    }

    /// True when the relation is `rel` or a subtype of it (`is("nsubj")`
    /// holds for `nsubj:pass`).
    pub fn is(self, rel: &str) -> bool {
        let s = self.as_str();
        s == rel || (s.len() > rel.len() && s.starts_with(rel) && s.as_bytes()[rel.len()] == b':')
    }
}

label_set!(
    /// A named-entity type. PER/ORG/LOC follow Universal NER; the rest are
    /// extensions useful for claims (nationalities and groups, weapons).
    NerLabel,
    NER_TABLE,
    ["PER", "ORG", "LOC", "NORP", "WEAPON", "MISC"]
);

#[allow(missing_docs)]
impl NerLabel {
    pub const PER: NerLabel = NerLabel(0);
    pub const ORG: NerLabel = NerLabel(1);
    pub const LOC: NerLabel = NerLabel(2);
    pub const NORP: NerLabel = NerLabel(3);
    pub const WEAPON: NerLabel = NerLabel(4);
    pub const MISC: NerLabel = NerLabel(5);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_round_trip_through_strings() {
        for u in Upos::all() {
            assert_eq!(Upos::parse(u.as_str()), Some(u));
        }
        for x in Xpos::all() {
            assert_eq!(Xpos::parse(x.as_str()), Some(x));
        }
        assert_eq!(Upos::parse("PROPN"), Some(Upos::PROPN));
        assert_eq!(DepRel::parse("root"), Some(DepRel::ROOT));
        assert_eq!(NerLabel::parse("LOC"), Some(NerLabel::LOC));
    }

    #[test]
    fn deprel_subtypes_match_their_base() {
        let pass = DepRel::parse("nsubj:pass").unwrap();
        assert!(pass.is("nsubj"));
        assert!(pass.is("nsubj:pass"));
        assert!(!pass.is("nsub"));
        assert_eq!(pass.base(), "nsubj");
        assert!(!DepRel::parse("nmod").unwrap().is("nmod:poss"));
    }
}
