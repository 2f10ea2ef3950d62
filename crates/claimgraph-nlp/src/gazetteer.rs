//! Name lists (gazetteers) matched against sentences as NER features.
//!
//! Phrases are tokenised with claimgraph's own tokeniser and normalised like
//! every other lexical feature, then stored as hashes of their token
//! sequence with a bit set of the lists they belong to. Matching tries every
//! span of up to `max_len` tokens and marks, per token and list, where the
//! token sits in the longest match (Begin, Inside, Last, Unit).

use rustc_hash::FxHashMap;

use crate::core::ModelError;
use crate::format::{Dec, Enc};
use crate::hash;
use crate::lex::normalize;
use crate::tokenize::tokenize;

/// At most this many lists (bits of the mask).
const MAX_KINDS: usize = 16;

/// A set of named lists of phrases.
#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    kinds: Vec<String>,
    phrases: FxHashMap<u64, u16>,
    max_len: usize,
}

fn seq_hash(h: u64, tok: u64) -> u64 {
    hash::mix(h, tok)
}

const SEQ_START: u64 = 0x6a2e_77f1;

impl Gazetteer {
    /// Reads `kind<TAB>phrase` lines (`#` comments allowed).
    pub fn from_tsv(text: &str) -> Gazetteer {
        let mut g = Gazetteer::default();
        let mut buf = String::new();
        for line in text.lines() {
            if line.starts_with('#') {
                continue;
            }
            let Some((kind, phrase)) = line.split_once('\t') else { continue };
            let k = match g.kinds.iter().position(|x| x == kind) {
                Some(k) => k,
                None if g.kinds.len() < MAX_KINDS => {
                    g.kinds.push(kind.to_string());
                    g.kinds.len() - 1
                }
                None => continue,
            };
            let toks = tokenize(phrase);
            if toks.is_empty() || toks.len() > 8 {
                continue;
            }
            let mut h = SEQ_START;
            for t in &toks {
                normalize(t.text(phrase), &mut buf);
                h = seq_hash(h, hash::str(&buf));
            }
            *g.phrases.entry(h).or_default() |= 1 << k;
            g.max_len = g.max_len.max(toks.len());
        }
        g
    }

    /// The list names.
    pub fn kinds(&self) -> &[String] {
        &self.kinds
    }

    /// Number of phrases.
    pub fn len(&self) -> usize {
        self.phrases.len()
    }

    /// True when there are no phrases.
    pub fn is_empty(&self) -> bool {
        self.phrases.is_empty()
    }

    /// For each token (given by the hashes of its normalised form), one
    /// code per list: 0 none, 1 begin, 2 inside, 3 last, 4 unit, taken from
    /// the longest match covering it. Returned as `codes[token * 16 + kind]`.
    pub fn annotate(&self, norms: &[u64]) -> Vec<u8> {
        let n = norms.len();
        let mut codes = vec![0u8; n * MAX_KINDS];
        let mut best_len = vec![0u8; n * MAX_KINDS];
        if self.phrases.is_empty() {
            return codes;
        }
        for i in 0..n {
            let mut h = SEQ_START;
            for len in 1..=self.max_len.min(n - i) {
                h = seq_hash(h, norms[i + len - 1]);
                let Some(&mask) = self.phrases.get(&h) else { continue };
                for k in 0..self.kinds.len() {
                    if mask & (1 << k) == 0 {
                        continue;
                    }
                    for j in i..i + len {
                        let slot = j * MAX_KINDS + k;
                        if (len as u8) >= best_len[slot] {
                            best_len[slot] = len as u8;
                            codes[slot] = if len == 1 {
                                4
                            } else if j == i {
                                1
                            } else if j == i + len - 1 {
                                3
                            } else {
                                2
                            };
                        }
                    }
                }
            }
        }
        codes
    }

    /// Writes the lists.
    pub fn encode(&self, e: &mut Enc) {
        e.var(self.kinds.len() as u64);
        for k in &self.kinds {
            e.str(k);
        }
        e.var(self.max_len as u64);
        let mut v: Vec<(&u64, &u16)> = self.phrases.iter().collect();
        v.sort();
        e.var(v.len() as u64);
        for (h, m) in v {
            e.u64(*h);
            e.var(u64::from(*m));
        }
    }

    /// Reads what [`Gazetteer::encode`] wrote.
    pub fn decode(d: &mut Dec<'_>) -> Result<Gazetteer, ModelError> {
        let nk = d.count()?;
        if nk > MAX_KINDS {
            return Err(d.err("too many gazetteer lists"));
        }
        let mut kinds = Vec::with_capacity(nk);
        for _ in 0..nk {
            kinds.push(d.str()?);
        }
        let max_len = d.var()? as usize;
        if max_len > 8 {
            return Err(d.err("bad gazetteer phrase length"));
        }
        let n = d.count()?;
        let mut phrases = FxHashMap::default();
        phrases.reserve(n);
        for _ in 0..n {
            let h = d.u64()?;
            let m = d.var()? as u16;
            phrases.insert(h, m);
        }
        Ok(Gazetteer { kinds, phrases, max_len })
    }
}

/// Number of code slots per token in [`Gazetteer::annotate`]'s output.
pub const SLOTS: usize = MAX_KINDS;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn marks_longest_matches() {
        let g = Gazetteer::from_tsv("city\tnew york\ncity\tyork\nfirst\tjohn\n");
        let mut buf = String::new();
        let norms: Vec<u64> = ["John", "left", "New", "York"]
            .iter()
            .map(|w| {
                normalize(w, &mut buf);
                hash::str(&buf)
            })
            .collect();
        let c = g.annotate(&norms);
        assert_eq!(c[1], 4, "John is a first name");
        assert_eq!(c[2 * SLOTS], 1);
        assert_eq!(c[3 * SLOTS], 3, "York is the last token of the longer match");
        assert_eq!(c[SLOTS], 0);
    }
}
