//! Lemmatiser: a lexicon of (form, tag) → lemma learned from the treebank,
//! and, for unseen words, suffix-rewriting rules learned from the same data
//! ("-ies" + NNS → "-y"), longest matching suffix first.

use rustc_hash::FxHashMap;

use crate::conllu::UdSentence;
use crate::core::ModelError;
use crate::format::{Dec, Enc};
use crate::hash;
use crate::labels::Xpos;

/// Longest suffix (in characters) a rule may condition on.
const MAX_SUFFIX: usize = 5;

/// A rewrite: strip `strip` characters from the end, append `add`.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
struct Rule {
    strip: u8,
    add: String,
}

/// The learned lemmatiser.
///
/// Lookups are by hash, so lemmatising a known word allocates only the
/// returned string.
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// hash(form, XPOS) → index into `lemmas` (exact case first, then lower case).
    lexicon: FxHashMap<u64, u32>,
    /// Distinct lemmas of the lexicon.
    lemmas: Vec<String>,
    /// hash(lower-cased suffix, XPOS) → rule.
    rules: FxHashMap<u64, Rule>,
}

#[inline]
fn key(form: &str, xpos: Xpos) -> u64 {
    hash::mix(hash::str(form), xpos.index() as u64 + 0x1000)
}

#[inline]
fn suffix_key(suffix: &str, xpos: Xpos) -> u64 {
    hash::mix(hash::str(suffix), xpos.index() as u64 + 0x2000)
}

fn is_proper(x: Xpos) -> bool {
    matches!(x.as_str(), "NNP" | "NNPS")
}

fn rule_for(form: &str, lemma: &str) -> Option<Rule> {
    let f: Vec<char> = form.chars().collect();
    let l: Vec<char> = lemma.chars().collect();
    let lcp = f.iter().zip(&l).take_while(|(a, b)| a == b).count();
    if lcp == 0 && !f.is_empty() && !l.is_empty() {
        return None; // suppletive ("went" → "go"): the lexicon's job
    }
    let strip = f.len() - lcp;
    (strip <= 255).then(|| Rule { strip: strip as u8, add: l[lcp..].iter().collect() })
}

fn apply(form: &str, rule: &Rule) -> Option<String> {
    let n = form.chars().count();
    let strip = rule.strip as usize;
    if strip >= n {
        return None;
    }
    let cut = form.char_indices().nth(n - strip).map_or(form.len(), |(b, _)| b);
    Some(format!("{}{}", &form[..cut], rule.add))
}

impl Lemmatizer {
    /// Learns the lexicon and rules from treebank sentences.
    pub fn train(sents: &[UdSentence]) -> Lemmatizer {
        let mut lex_counts: FxHashMap<u64, FxHashMap<String, u32>> = FxHashMap::default();
        let mut rule_counts: FxHashMap<u64, FxHashMap<Rule, u32>> = FxHashMap::default();
        for s in sents {
            for w in &s.words {
                if w.lemma == "_" || w.lemma.is_empty() {
                    continue;
                }
                *lex_counts.entry(key(&w.form, w.xpos)).or_default().entry(w.lemma.clone()).or_default() += 1;
                let lower = w.form.to_lowercase();
                if lower != w.form {
                    *lex_counts.entry(key(&lower, w.xpos)).or_default().entry(w.lemma.clone()).or_default() += 1;
                }
                let (f, l) = if is_proper(w.xpos) {
                    (w.form.clone(), w.lemma.clone())
                } else {
                    (lower.clone(), w.lemma.to_lowercase())
                };
                if let Some(rule) = rule_for(&f, &l) {
                    let chars: Vec<char> = lower.chars().collect();
                    for k in 1..=MAX_SUFFIX.min(chars.len()) {
                        let suf: String = chars[chars.len() - k..].iter().collect();
                        *rule_counts.entry(suffix_key(&suf, w.xpos)).or_default().entry(rule.clone()).or_default() += 1;
                    }
                }
            }
        }
        let mut lemmas: Vec<String> = Vec::new();
        let mut lemma_ix: FxHashMap<String, u32> = FxHashMap::default();
        let mut lexicon = FxHashMap::default();
        for (k, m) in lex_counts {
            let mut v: Vec<(String, u32)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            if let Some((l, _)) = v.into_iter().next() {
                let ix = *lemma_ix.entry(l.clone()).or_insert_with(|| {
                    lemmas.push(l);
                    (lemmas.len() - 1) as u32
                });
                lexicon.insert(k, ix);
            }
        }
        let mut rules = FxHashMap::default();
        for (k, m) in rule_counts {
            let mut v: Vec<(Rule, u32)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.strip.cmp(&b.0.strip)).then(a.0.add.cmp(&b.0.add)));
            let total: u32 = v.iter().map(|x| x.1).sum();
            // Keep a rule only where it is the clear majority for its suffix.
            if let Some((r, c)) = v.into_iter().next() {
                if c * 2 > total {
                    rules.insert(k, r);
                }
            }
        }
        Lemmatizer { lexicon, lemmas, rules }
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, xpos: Xpos) -> String {
        if let Some(&l) = self.lexicon.get(&key(form, xpos)) {
            return self.lemmas[l as usize].clone();
        }
        let has_upper = if form.is_ascii() { form.bytes().any(|b| b.is_ascii_uppercase()) } else { true };
        let lower = if has_upper { form.to_lowercase() } else { form.to_string() };
        if has_upper {
            if let Some(&l) = self.lexicon.get(&key(&lower, xpos)) {
                return if is_proper(xpos) { form.to_string() } else { self.lemmas[l as usize].clone() };
            }
        }
        let base = if is_proper(xpos) { form.to_string() } else { lower.clone() };
        let n = lower.chars().count();
        let starts: Vec<usize> = lower.char_indices().map(|(b, _)| b).collect();
        for k in (1..=MAX_SUFFIX.min(n)).rev() {
            let suf = &lower[starts[n - k]..];
            if let Some(rule) = self.rules.get(&suffix_key(suf, xpos)) {
                if let Some(l) = apply(&base, rule) {
                    return l;
                }
            }
        }
        base
    }

    /// Writes the lexicon and rules.
    pub fn encode(&self, e: &mut Enc) {
        e.var(self.lemmas.len() as u64);
        for l in &self.lemmas {
            e.str(l);
        }
        let mut lex: Vec<(&u64, &u32)> = self.lexicon.iter().collect();
        lex.sort();
        e.var(lex.len() as u64);
        for (k, v) in lex {
            e.u64(*k);
            e.var(u64::from(*v));
        }
        let mut rules: Vec<(&u64, &Rule)> = self.rules.iter().collect();
        rules.sort_by(|a, b| a.0.cmp(b.0));
        e.var(rules.len() as u64);
        for (k, r) in rules {
            e.u64(*k);
            e.u8(r.strip);
            e.str(&r.add);
        }
    }

    /// Reads what [`Lemmatizer::encode`] wrote.
    pub fn decode(d: &mut Dec<'_>) -> Result<Lemmatizer, ModelError> {
        let n = d.count()?;
        let mut lemmas = Vec::with_capacity(n);
        for _ in 0..n {
            lemmas.push(d.str()?);
        }
        let n = d.count()?;
        let mut lexicon = FxHashMap::default();
        lexicon.reserve(n);
        for _ in 0..n {
            let k = d.u64()?;
            let v = d.var()? as u32;
            if v as usize >= lemmas.len() {
                return Err(d.err("lemma index out of range"));
            }
            lexicon.insert(k, v);
        }
        let n = d.count()?;
        let mut rules = FxHashMap::default();
        for _ in 0..n {
            let k = d.u64()?;
            let strip = d.u8()?;
            let add = d.str()?;
            rules.insert(k, Rule { strip, add });
        }
        Ok(Lemmatizer { lexicon, lemmas, rules })
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::conllu::parse_conllu;

    #[test]
    fn learns_lexicon_and_suffix_rules() {
        let mut text = String::new();
        for (f, l, x) in [
            ("cities", "city", "NNS"),
            ("parties", "party", "NNS"),
            ("went", "go", "VBD"),
            ("dogs", "dog", "NNS"),
            ("boats", "boat", "NNS"),
            ("cars", "car", "NNS"),
        ] {
            text.push_str(&format!("1\t{f}\t{l}\tNOUN\t{x}\t_\t0\troot\t_\t_\n\n"));
        }
        let sents = parse_conllu(&text, "t").unwrap();
        let lem = Lemmatizer::train(&sents);
        let nns = Xpos::parse("NNS").unwrap();
        assert_eq!(lem.lemma("went", Xpos::parse("VBD").unwrap()), "go");
        assert_eq!(lem.lemma("Went", Xpos::parse("VBD").unwrap()), "go");
        assert_eq!(lem.lemma("armies", nns), "army");
        assert_eq!(lem.lemma("cats", nns), "cat");
        let mut e = Enc::new();
        lem.encode(&mut e);
        let back = Lemmatizer::decode(&mut Dec::new(&e.buf, "t")).unwrap();
        assert_eq!(back.lemma("armies", nns), "army");
    }
}
