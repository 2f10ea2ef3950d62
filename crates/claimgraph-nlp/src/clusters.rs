//! Word classes learned from unlabelled text with the exchange algorithm
//! (Kneser & Ney 1993; Martin, Liermann & Ney 1998): words are moved, one at
//! a time, to the class that most increases the likelihood of a class-bigram
//! language model. Classes group words that occur in similar contexts
//! ("Monday"/"Friday", "said"/"added"), which lets the tagger, parser and
//! recogniser generalise to words rare or absent in their annotated data.
//!
//! Two granularities are kept: the fine classes, and coarse classes formed
//! by running the algorithm again with fewer classes.

use rustc_hash::FxHashMap;

use crate::core::ModelError;
use crate::format::{Dec, Enc};
use crate::hash;
use crate::lex::normalize;

/// Version of the clusters file format.
pub const CLUSTERS_VERSION: u32 = 1;

/// Word → (fine class, coarse class), keyed by the hash of the normalised
/// form (see [`crate::lex::normalize`]).
#[derive(Debug, Clone, Default)]
pub struct Clusters {
    map: FxHashMap<u64, (u16, u16)>,
}

/// Clustering settings.
#[derive(Debug, Clone)]
pub struct ClusterOptions {
    /// Number of fine classes.
    pub fine: usize,
    /// Number of coarse classes.
    pub coarse: usize,
    /// Words seen fewer times are not clustered.
    pub min_count: u32,
    /// Exchange passes over the vocabulary.
    pub iterations: usize,
}

impl Default for ClusterOptions {
    fn default() -> Self {
        ClusterOptions { fine: 256, coarse: 32, min_count: 3, iterations: 12 }
    }
}

impl Clusters {
    /// The (fine, coarse) classes of a normalised-form hash, `(0, 0)` when
    /// the word is unknown (classes are numbered from 1).
    #[inline]
    pub fn get(&self, norm: u64) -> (u16, u16) {
        self.map.get(&norm).copied().unwrap_or((0, 0))
    }

    /// Number of words with a class.
    pub fn len(&self) -> usize {
        self.map.len()
    }

    /// True when no word has a class.
    pub fn is_empty(&self) -> bool {
        self.map.is_empty()
    }

    /// Learns classes from sentences of tokens (already tokenised).
    pub fn train(sentences: &[Vec<String>], opts: &ClusterOptions, log: &mut dyn FnMut(&str)) -> Clusters {
        // Vocabulary of normalised forms; id 0 = sentence boundary, 1 = rare.
        let mut buf = String::new();
        let mut counts: FxHashMap<String, u32> = FxHashMap::default();
        for s in sentences {
            for w in s {
                normalize(w, &mut buf);
                *counts.entry(buf.clone()).or_default() += 1;
            }
        }
        let mut vocab: Vec<(String, u32)> = counts.into_iter().filter(|(_, c)| *c >= opts.min_count).collect();
        vocab.sort_by(|a, b| b.1.cmp(&a.1).then(a.0.cmp(&b.0)));
        let id_of: FxHashMap<&str, u32> =
            vocab.iter().enumerate().map(|(i, (w, _))| (w.as_str(), i as u32 + 2)).collect();
        let mut corpus: Vec<u32> = Vec::new();
        for s in sentences {
            corpus.push(0);
            for w in s {
                normalize(w, &mut buf);
                corpus.push(id_of.get(buf.as_str()).copied().unwrap_or(1));
            }
        }
        corpus.push(0);
        let nwords = vocab.len() + 2;
        log(&format!("clusters: {} tokens, {} word types clustered", corpus.len(), vocab.len()));
        let fine = exchange(&corpus, nwords, opts.fine, opts.iterations, log);
        let coarse = exchange(&corpus, nwords, opts.coarse, opts.iterations, log);
        let mut map = FxHashMap::default();
        for (i, (w, _)) in vocab.iter().enumerate() {
            map.insert(hash::str(w), (fine[i + 2] as u16 + 1, coarse[i + 2] as u16 + 1));
        }
        Clusters { map }
    }

    /// Serialises the classes into a model file of their own.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut e = Enc::new();
        self.encode(&mut e);
        crate::format::wrap("clusters", CLUSTERS_VERSION, &e.buf)
    }

    /// Loads classes from a file written by [`Clusters::to_bytes`].
    pub fn from_bytes(bytes: &[u8]) -> Result<Clusters, ModelError> {
        let body = crate::format::unwrap("clusters", CLUSTERS_VERSION, bytes)?;
        let mut d = Dec::new(&body, "clusters");
        let c = Clusters::decode(&mut d)?;
        if !d.done() {
            return Err(d.err("trailing bytes"));
        }
        Ok(c)
    }

    /// Writes the classes.
    pub fn encode(&self, e: &mut Enc) {
        let mut v: Vec<(&u64, &(u16, u16))> = self.map.iter().collect();
        v.sort();
        e.var(v.len() as u64);
        for (k, (f, c)) in v {
            e.u64(*k);
            e.var(u64::from(*f));
            e.var(u64::from(*c));
        }
    }

    /// Reads what [`Clusters::encode`] wrote.
    pub fn decode(d: &mut Dec<'_>) -> Result<Clusters, ModelError> {
        let n = d.count()?;
        let mut map = FxHashMap::default();
        map.reserve(n);
        for _ in 0..n {
            let k = d.u64()?;
            let f = d.var()? as u16;
            let c = d.var()? as u16;
            map.insert(k, (f, c));
        }
        Ok(Clusters { map })
    }
}

/// `x ln x`, with a table for small counts (most cells are small).
struct XLogX {
    table: Vec<f64>,
}

impl XLogX {
    fn new(n: usize) -> Self {
        XLogX { table: (0..n).map(|x| if x == 0 { 0.0 } else { x as f64 * (x as f64).ln() }).collect() }
    }
    #[inline]
    fn f(&self, x: i64) -> f64 {
        if x <= 0 {
            0.0
        } else if (x as usize) < self.table.len() {
            self.table[x as usize]
        } else {
            x as f64 * (x as f64).ln()
        }
    }
}

/// Runs the exchange algorithm; returns the class of every word id. Ids 0
/// (boundary) and 1 (rare words) keep classes of their own.
fn exchange(corpus: &[u32], nwords: usize, nclass: usize, iters: usize, log: &mut dyn FnMut(&str)) -> Vec<usize> {
    let c = nclass + 2; // two reserved classes
                        // Bigram lists per word.
    let mut pairs: FxHashMap<(u32, u32), u32> = FxHashMap::default();
    for w in corpus.windows(2) {
        *pairs.entry((w[0], w[1])).or_default() += 1;
    }
    let mut right: Vec<Vec<(u32, u32)>> = vec![Vec::new(); nwords];
    let mut left: Vec<Vec<(u32, u32)>> = vec![Vec::new(); nwords];
    let mut pv: Vec<((u32, u32), u32)> = pairs.into_iter().collect();
    pv.sort_unstable();
    for ((a, b), n) in pv {
        right[a as usize].push((b, n));
        left[b as usize].push((a, n));
    }
    let mut unigram = vec![0i64; nwords];
    for &w in corpus {
        unigram[w as usize] += 1;
    }
    // Initial classes: by frequency rank, round robin.
    let mut cls: Vec<usize> = (0..nwords).map(|w| if w < 2 { w } else { 2 + (w - 2) % nclass }).collect();
    let mut m = vec![0i64; c * c];
    let mut nc = vec![0i64; c];
    for w in corpus.windows(2) {
        m[cls[w[0] as usize] * c + cls[w[1] as usize]] += 1;
    }
    for w in 0..nwords {
        nc[cls[w]] += unigram[w];
    }
    let xl = XLogX::new(1 << 20);
    let mut rr = vec![0i64; c];
    let mut ll = vec![0i64; c];
    let mut rtouched: Vec<usize> = Vec::new();
    let mut ltouched: Vec<usize> = Vec::new();
    for it in 0..iters {
        let mut moved = 0;
        for w in 2..nwords {
            let a = cls[w];
            // Neighbour class counts, excluding the word itself.
            let mut s = 0i64;
            for &(v, n) in &right[w] {
                if v as usize == w {
                    s += i64::from(n);
                    continue;
                }
                let d = cls[v as usize];
                if rr[d] == 0 {
                    rtouched.push(d);
                }
                rr[d] += i64::from(n);
            }
            for &(u, n) in &left[w] {
                if u as usize == w {
                    continue;
                }
                let d = cls[u as usize];
                if ll[d] == 0 {
                    ltouched.push(d);
                }
                ll[d] += i64::from(n);
            }
            let nw = unigram[w];
            // Remove w from a.
            for &d in &rtouched {
                m[a * c + d] -= rr[d];
            }
            for &d in &ltouched {
                m[d * c + a] -= ll[d];
            }
            m[a * c + a] -= s;
            nc[a] -= nw;
            // Gain of adding w to each class b.
            let mut best = a;
            let mut best_gain = f64::NEG_INFINITY;
            for b in 2..c {
                let mut g = 0.0;
                for &d in &rtouched {
                    if d != b {
                        let x = m[b * c + d];
                        g += xl.f(x + rr[d]) - xl.f(x);
                    }
                }
                for &d in &ltouched {
                    if d != b {
                        let x = m[d * c + b];
                        g += xl.f(x + ll[d]) - xl.f(x);
                    }
                }
                let x = m[b * c + b];
                g += xl.f(x + rr[b] + ll[b] + s) - xl.f(x);
                g -= 2.0 * (xl.f(nc[b] + nw) - xl.f(nc[b]));
                if g > best_gain + 1e-9 || (b == a && g >= best_gain - 1e-9) {
                    best_gain = g;
                    best = b;
                }
            }
            // Add w to best.
            let b = best;
            for &d in &rtouched {
                m[b * c + d] += rr[d];
            }
            for &d in &ltouched {
                m[d * c + b] += ll[d];
            }
            m[b * c + b] += s;
            nc[b] += nw;
            if b != a {
                cls[w] = b;
                moved += 1;
            }
            for &d in &rtouched {
                rr[d] = 0;
            }
            for &d in &ltouched {
                ll[d] = 0;
            }
            rtouched.clear();
            ltouched.clear();
        }
        log(&format!("exchange ({nclass} classes) pass {}: {moved} words moved", it + 1));
        if moved == 0 {
            break;
        }
    }
    cls.into_iter().map(|k| k.saturating_sub(2)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn groups_words_in_the_same_contexts() {
        // Days after "on", verbs after "he"; each repeated so all are kept.
        let mut sents = Vec::new();
        for _ in 0..20 {
            for day in ["monday", "friday", "tuesday"] {
                for verb in ["said", "added", "noted"] {
                    sents.push(vec!["he".to_string(), verb.to_string(), "it".into(), "on".into(), day.to_string()]);
                }
            }
        }
        let opts = ClusterOptions { fine: 4, coarse: 2, min_count: 1, iterations: 10 };
        let cl = Clusters::train(&sents, &opts, &mut |_| {});
        let c = |w: &str| cl.get(hash::str(w)).0;
        assert_eq!(c("monday"), c("friday"));
        assert_eq!(c("said"), c("added"));
        assert_ne!(c("said"), c("monday"));
        let mut e = Enc::new();
        cl.encode(&mut e);
        let back = Clusters::decode(&mut Dec::new(&e.buf, "t")).unwrap();
        assert_eq!(back.get(hash::str("noted")), cl.get(hash::str("noted")));
    }
}
