//! Lemmatiser: a lexicon of (form, tag) → lemma learned from the treebank,
//! and, for unseen words, suffix-rewriting rules learned from the same data
//! ("-ies" + NNS → "-y"), longest matching suffix first.

use rustc_hash::FxHashMap;

use crate::conllu::UdSentence;
use crate::core::ModelError;
use crate::format::{Dec, Enc};
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
#[derive(Debug, Clone, Default)]
pub struct Lemmatizer {
    /// Key: form + '\u{1}' + XPOS index (exact case first, then lower case).
    lexicon: FxHashMap<String, String>,
    /// Key: XPOS index + '\u{1}' + lower-cased suffix.
    rules: FxHashMap<String, Rule>,
}

fn key(form: &str, xpos: Xpos) -> String {
    let mut k = String::with_capacity(form.len() + 3);
    k.push_str(form);
    k.push('\u{1}');
    k.push(char::from(xpos.index() as u8 + 32));
    k
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
        let mut lex_counts: FxHashMap<String, FxHashMap<String, u32>> = FxHashMap::default();
        let mut rule_counts: FxHashMap<String, FxHashMap<Rule, u32>> = FxHashMap::default();
        for s in sents {
            for w in &s.words {
                if w.lemma == "_" || w.lemma.is_empty() {
                    continue;
                }
                *lex_counts.entry(key(&w.form, w.xpos)).or_default().entry(w.lemma.clone()).or_default() += 1;
                let lower = w.form.to_lowercase();
                *lex_counts.entry(key(&lower, w.xpos)).or_default().entry(w.lemma.clone()).or_default() += 1;
                let (f, l) = if is_proper(w.xpos) {
                    (w.form.clone(), w.lemma.clone())
                } else {
                    (lower.clone(), w.lemma.to_lowercase())
                };
                if let Some(rule) = rule_for(&f, &l) {
                    let chars: Vec<char> = lower.chars().collect();
                    for k in 1..=MAX_SUFFIX.min(chars.len()) {
                        let suf: String = chars[chars.len() - k..].iter().collect();
                        let rk = format!("{}\u{1}{}", w.xpos.index(), suf);
                        *rule_counts.entry(rk).or_default().entry(rule.clone()).or_default() += 1;
                    }
                }
            }
        }
        let best = |m: FxHashMap<String, u32>| {
            let mut v: Vec<(String, u32)> = m.into_iter().collect();
            v.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
            v.into_iter().next().map(|x| x.0)
        };
        let mut lexicon = FxHashMap::default();
        for (k, m) in lex_counts {
            if let Some(l) = best(m) {
                lexicon.insert(k, l);
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
        Lemmatizer { lexicon, rules }
    }

    /// The lemma of `form` tagged `xpos`.
    pub fn lemma(&self, form: &str, xpos: Xpos) -> String {
        if let Some(l) = self.lexicon.get(&key(form, xpos)) {
            return l.clone();
        }
        let lower = form.to_lowercase();
        if let Some(l) = self.lexicon.get(&key(&lower, xpos)) {
            return if is_proper(xpos) { form.to_string() } else { l.clone() };
        }
        let base = if is_proper(xpos) { form.to_string() } else { lower.clone() };
        let chars: Vec<char> = lower.chars().collect();
        for k in (1..=MAX_SUFFIX.min(chars.len())).rev() {
            let suf: String = chars[chars.len() - k..].iter().collect();
            if let Some(rule) = self.rules.get(&format!("{}\u{1}{}", xpos.index(), suf)) {
                if let Some(l) = apply(&base, rule) {
                    return l;
                }
            }
        }
        base
    }

    /// Writes the lexicon and rules.
    pub fn encode(&self, e: &mut Enc) {
        let mut lex: Vec<(&String, &String)> = self.lexicon.iter().collect();
        lex.sort();
        e.var(lex.len() as u64);
        for (k, v) in lex {
            e.str(k);
            e.str(v);
        }
        let mut rules: Vec<(&String, &Rule)> = self.rules.iter().collect();
        rules.sort_by(|a, b| a.0.cmp(b.0));
        e.var(rules.len() as u64);
        for (k, r) in rules {
            e.str(k);
            e.u8(r.strip);
            e.str(&r.add);
        }
    }

    /// Reads what [`Lemmatizer::encode`] wrote.
    pub fn decode(d: &mut Dec<'_>) -> Result<Lemmatizer, ModelError> {
        let n = d.len()?;
        let mut lexicon = FxHashMap::default();
        lexicon.reserve(n);
        for _ in 0..n {
            let k = d.str()?;
            let v = d.str()?;
            lexicon.insert(k, v);
        }
        let n = d.len()?;
        let mut rules = FxHashMap::default();
        for _ in 0..n {
            let k = d.str()?;
            let strip = d.u8()?;
            let add = d.str()?;
            rules.insert(k, Rule { strip, add });
        }
        Ok(Lemmatizer { lexicon, rules })
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
