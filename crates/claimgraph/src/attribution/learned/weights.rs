//! Averaged perceptron weights over hashed features, for the structured
//! (Viterbi-decoded) taggers of this module.
//!
//! Training keeps one dense row of `n` class weights per feature, with the
//! usual lazy averaging trick: alongside the weights `w` it sums `t · Δ` (the
//! time of each update times its size) in `u`, so that the average over all
//! `T` instances is `w - u / T` and no per-instance pass over the weights is
//! needed.
//!
//! Frozen weights are an open-addressing table from a 32-bit feature key to
//! a row of `n` weights: one probe and `n` adds per feature, no allocation.
//! On disk the keys are delta-coded in ascending order and the weights are
//! quantised to 16 bits against one scale per model (the averaged weights
//! span about four decimal orders, which 16 bits keep); weights that round
//! to zero are dropped, and so are rows left empty.

use rustc_hash::FxHashMap;

use claimgraph_nlp::format::{Dec, Enc};
use claimgraph_nlp::perceptron::prefetch;
use claimgraph_nlp::ModelError;

/// The 32-bit key a 64-bit feature hash is stored under (never 0, which
/// marks an empty slot).
#[inline(always)]
fn key_of(feat: u64) -> u32 {
    // The high half of an Fx hash is its best-mixed part.
    let k = (feat >> 32) as u32;
    if k == 0 {
        1
    } else {
        k
    }
}

/// Weights being trained.
#[derive(Debug)]
pub struct Trainer {
    n: usize,
    index: FxHashMap<u64, u32>,
    w: Vec<f32>,
    u: Vec<f64>,
    time: u64,
}

impl Trainer {
    /// A trainer for `n` classes.
    pub fn new(n: usize) -> Self {
        Trainer { n, index: FxHashMap::default(), w: Vec::new(), u: Vec::new(), time: 1 }
    }

    /// Adds the current (not averaged) weights of `feats` into `scores`.
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                let row = &self.w[r as usize * self.n..(r as usize + 1) * self.n];
                for (s, w) in scores.iter_mut().zip(row) {
                    *s += w;
                }
            }
        }
    }

    /// Marks one training instance as seen (the unit of averaging).
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// Adds `delta` to the weight of `feat` for `class`.
    pub fn update(&mut self, feat: u64, class: usize, delta: f32) {
        let next = self.index.len() as u32;
        let r = *self.index.entry(feat).or_insert(next) as usize;
        if r == next as usize {
            self.w.resize(self.w.len() + self.n, 0.0);
            self.u.resize(self.u.len() + self.n, 0.0);
        }
        self.w[r * self.n + class] += delta;
        self.u[r * self.n + class] += self.time as f64 * delta as f64;
    }

    /// Moves `feats` towards `truth` and away from `guess`.
    pub fn update_all(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in feats {
            self.update(f, truth, 1.0);
            self.update(f, guess, -1.0);
        }
    }

    /// Number of features updated so far.
    pub fn len(&self) -> usize {
        self.index.len()
    }

    /// True when no feature has been updated.
    pub fn is_empty(&self) -> bool {
        self.index.is_empty()
    }

    /// The averaged weights, frozen.
    pub fn freeze(&self) -> Weights {
        let t = self.time as f64;
        let mut rows: Vec<(u32, Vec<f32>)> = Vec::with_capacity(self.index.len());
        let mut by_key: FxHashMap<u32, usize> = FxHashMap::default();
        for (&f, &r) in &self.index {
            let r = r as usize;
            let avg: Vec<f32> =
                (0..self.n).map(|c| (self.w[r * self.n + c] as f64 - self.u[r * self.n + c] / t) as f32).collect();
            if avg.iter().all(|&x| x == 0.0) {
                continue;
            }
            let key = key_of(f);
            // Two features sharing a 32-bit key (rare) are merged.
            match by_key.get(&key) {
                Some(&i) => rows[i].1.iter_mut().zip(&avg).for_each(|(a, b)| *a += b),
                None => {
                    by_key.insert(key, rows.len());
                    rows.push((key, avg));
                }
            }
        }
        rows.sort_unstable_by_key(|r| r.0);
        Weights::build(self.n, rows)
    }
}

/// Most classes a model may have (a slot holds six 16-bit weights).
pub const MAX_CLASSES: usize = 6;

/// One table slot: a key and its class weights, quantised, in 16 bytes so
/// that a lookup touches one cache line.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot {
    key: u32,
    w: [i16; MAX_CLASSES],
}

/// Frozen averaged weights: read-only and cheap to score.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    n: usize,
    /// Number of slots (any size: a key's home is its top bits scaled to
    /// it, see [`home`]).
    cap: usize,
    /// One quantisation step.
    scale: f32,
    slots: Vec<Slot>,
    count: usize,
}

/// A quantised row: a key and its class weights.
type QRow = (u32, [i16; MAX_CLASSES]);

impl Weights {
    /// Builds the table from rows sorted by key, quantising the weights.
    fn build(n: usize, rows: Vec<(u32, Vec<f32>)>) -> Weights {
        let max = rows.iter().flat_map(|r| r.1.iter()).fold(0f32, |m, w| m.max(w.abs()));
        let scale = if max > 0.0 { max / i16::MAX as f32 } else { 1.0 };
        let q = |w: f32| (w / scale).round().clamp(-(i16::MAX as f32), i16::MAX as f32) as i16;
        let rows: Vec<QRow> = rows
            .into_iter()
            .map(|(k, r)| {
                let mut w = [0i16; MAX_CLASSES];
                for (x, &y) in w.iter_mut().zip(&r) {
                    *x = q(y);
                }
                (k, w)
            })
            .filter(|(_, r)| r.iter().any(|&x| x != 0))
            .collect();
        Weights::from_quantised(n, scale, rows)
    }

    /// Builds the table from quantised rows (keys unique). Rows are placed
    /// in key order: since a key's home grows with the key, the table then
    /// fills front to back (a sequential write instead of a random one per
    /// row, which made loading the model slow).
    fn from_quantised(n: usize, scale: f32, mut rows: Vec<QRow>) -> Weights {
        assert!(n <= MAX_CLASSES, "too many classes");
        rows.sort_unstable_by_key(|r| r.0);
        // A load of one half: a miss (most probes) scans about 2.5 slots.
        let cap = (rows.len() * 2).max(16);
        let mut slots = vec![Slot::default(); cap];
        let count = rows.len();
        for (key, row) in rows {
            let mut i = home(key, cap);
            while slots[i].key != 0 {
                i = if i + 1 == cap { 0 } else { i + 1 };
            }
            slots[i].key = key;
            slots[i].w[..n].copy_from_slice(&row[..n]);
        }
        Weights { n, cap, scale, slots, count }
    }

    /// Number of classes.
    pub fn classes(&self) -> usize {
        self.n
    }

    /// Number of stored features.
    pub fn len(&self) -> usize {
        self.count
    }

    /// True when nothing is stored.
    pub fn is_empty(&self) -> bool {
        self.count == 0
    }

    /// The slot holding `key`, probing from slot `i` (its home).
    #[inline(always)]
    fn probe(&self, key: u32, mut i: usize) -> Option<&Slot> {
        loop {
            let s = &self.slots[i];
            if s.key == key {
                return Some(s);
            }
            if s.key == 0 {
                return None;
            }
            i = if i + 1 == self.cap { 0 } else { i + 1 };
        }
    }

    /// Adds the weights of `feats` into `scores` (length = classes).
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        let mut acc = [0i32; MAX_CLASSES];
        self.accumulate(feats, &mut acc);
        self.apply(&acc, scores);
    }

    /// Adds the weights of `feats`, in quantisation steps, into `acc`.
    ///
    /// The sums are integers, so they do not depend on the order of the
    /// features: a caller may add a group of features once and reuse the
    /// sum (see `roles::tag_frozen`). The work is split in chunks whose
    /// home slots are all prefetched before any is probed: the tables are
    /// far larger than the cache, and this way the loads of a token's
    /// features are in flight together instead of one after the other.
    #[inline]
    pub fn accumulate(&self, feats: &[u64], acc: &mut [i32; MAX_CLASSES]) {
        const CHUNK: usize = 32;
        if self.slots.is_empty() {
            return; // an empty (default) table has no slot to probe
        }
        let mut homes = [0usize; CHUNK];
        for chunk in feats.chunks(CHUNK) {
            for (h, &f) in homes.iter_mut().zip(chunk) {
                *h = home(key_of(f), self.cap);
                prefetch(&self.slots[*h]);
            }
            for (&h, &f) in homes.iter().zip(chunk) {
                if let Some(s) = self.probe(key_of(f), h) {
                    for (a, &w) in acc.iter_mut().zip(&s.w) {
                        *a += i32::from(w);
                    }
                }
            }
        }
    }

    /// Adds sums from [`Weights::accumulate`] into `scores`, scaled.
    #[inline]
    pub fn apply(&self, acc: &[i32; MAX_CLASSES], scores: &mut [f32]) {
        for (s, &a) in scores.iter_mut().zip(acc) {
            *s += a as f32 * self.scale;
        }
    }

    /// The mean of several models over the same features (each weight
    /// taken at its own model's scale, a feature missing from a model
    /// counting as zero there): the averaged perceptrons of several
    /// shuffles of the training data, which vote away the errors any one
    /// order of updates left.
    pub fn mean(models: &[Weights]) -> Weights {
        let Some(first) = models.first() else { return Weights::default() };
        let n = first.n;
        let mut sum: FxHashMap<u32, Vec<f32>> = FxHashMap::default();
        for m in models {
            for s in m.slots.iter().filter(|s| s.key != 0) {
                let row = sum.entry(s.key).or_insert_with(|| vec![0.0; n]);
                for (r, &w) in row.iter_mut().zip(&s.w[..n]) {
                    *r += f32::from(w) * m.scale / models.len() as f32;
                }
            }
        }
        let mut rows: Vec<(u32, Vec<f32>)> = sum.into_iter().collect();
        rows.sort_unstable_by_key(|r| r.0);
        Weights::build(n, rows)
    }

    /// The weights without the features whose largest weight is below
    /// `min` quantisation steps: they hardly move a decision, and a smaller
    /// table is faster to probe.
    pub fn pruned(&self, min: i16) -> Weights {
        let rows: Vec<QRow> = self
            .slots
            .iter()
            .filter(|s| s.key != 0 && s.w[..self.n].iter().any(|w| w.unsigned_abs() >= min.unsigned_abs()))
            .map(|s| (s.key, s.w))
            .collect();
        Weights::from_quantised(self.n, self.scale, rows)
    }

    /// Writes the weights: classes, scale, then per row the key delta, a
    /// bit mask of non-zero classes and their 16-bit weights.
    pub fn encode(&self, e: &mut Enc) {
        let mut rows: Vec<&Slot> = self.slots.iter().filter(|s| s.key != 0).collect();
        rows.sort_unstable_by_key(|s| s.key);
        e.var(self.n as u64);
        e.f32(self.scale);
        e.var(rows.len() as u64);
        let mut prev = 0u32;
        for s in rows {
            e.var(u64::from(s.key - prev));
            prev = s.key;
            let mut mask = 0u64;
            for (c, &x) in s.w[..self.n].iter().enumerate() {
                if x != 0 {
                    mask |= 1 << c;
                }
            }
            e.var(mask);
            for &x in s.w[..self.n].iter().filter(|&&x| x != 0) {
                e.buf.extend_from_slice(&x.to_le_bytes());
            }
        }
    }

    /// Reads weights written by [`Weights::encode`].
    pub fn decode(d: &mut Dec<'_>) -> Result<Weights, ModelError> {
        let n = d.var()? as usize;
        if n == 0 || n > MAX_CLASSES {
            return Err(d.err(format!("implausible class count {n}")));
        }
        let scale = d.f32()?;
        let count = d.var()? as usize;
        // Every row takes at least two bytes: a corrupt count must not
        // allocate gigabytes.
        if count > 1 << 28 {
            return Err(d.err(format!("implausible row count {count}")));
        }
        let mut rows = Vec::with_capacity(count);
        let mut key = 0u32;
        for _ in 0..count {
            let delta = d.var()?;
            key = u32::try_from(u64::from(key) + delta).map_err(|_| d.err("feature key out of range"))?;
            let mask = d.var()?;
            let mut row = [0i16; MAX_CLASSES];
            for (c, w) in row[..n].iter_mut().enumerate() {
                if mask & (1 << c) != 0 {
                    let b = d.bytes(2)?;
                    *w = i16::from_le_bytes([b[0], b[1]]);
                }
            }
            if key == 0 {
                return Err(d.err("zero feature key"));
            }
            rows.push((key, row));
        }
        Ok(Weights::from_quantised(n, scale, rows))
    }
}

/// The home slot of a key in a table of `cap` slots: its bits scaled to
/// the table, so that keys in ascending order fill it front to back. The
/// keys are the high halves of Fx hashes, spread evenly already.
#[inline(always)]
fn home(key: u32, cap: usize) -> usize {
    ((u64::from(key) * cap as u64) >> 32) as usize
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn averages_freezes_and_round_trips() {
        let mut t = Trainer::new(3);
        // Feature 1 pulls towards class 2 for the whole run; feature 2 is
        // pushed once and pulled back, so it averages to a small weight.
        t.update_all(&[1 << 40, 2 << 40], 2, 0);
        t.tick();
        t.update_all(&[2 << 40], 0, 2);
        t.tick();
        let w = t.freeze();
        let mut s = [0f32; 3];
        w.score(&[1 << 40], &mut s);
        assert!(s[2] > 0.0 && s[0] < 0.0, "{s:?}");
        let mut e = Enc::new();
        w.encode(&mut e);
        let mut d = Dec::new(&e.buf, "test");
        let back = Weights::decode(&mut d).unwrap();
        assert!(d.done());
        let mut s2 = [0f32; 3];
        back.score(&[1 << 40], &mut s2);
        for (a, b) in s.iter().zip(&s2) {
            assert!((a - b).abs() < 1e-3, "{s:?} vs {s2:?}");
        }
        let mut s3 = [0f32; 3];
        back.score(&[7 << 40], &mut s3);
        assert_eq!(s3, [0.0; 3]);
    }
}
