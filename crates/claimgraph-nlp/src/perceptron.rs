//! Averaged multiclass perceptron over hashed sparse features.
//!
//! Training keeps, per feature, a short list of the classes it has ever been
//! updated for (most features touch only a few), with lazily averaged
//! weights. Freezing turns that into a compact read-only table: an
//! open-addressing hash table from a 32-bit feature key to a run of packed
//! entries (the weight's top 24 bits and the class in the low byte), so that
//! scoring a feature costs one probe and a few adds, with no allocation.

use rustc_hash::FxHashMap;

use crate::core::ModelError;
use crate::format::{Dec, Enc};

/// Classes a model may have (a row length must fit in 7 bits).
pub const MAX_CLASSES: usize = 127;

/// The 32-bit key a 64-bit feature hash is stored under (never 0: 0 marks
/// an empty slot).
#[inline(always)]
fn key_of(feat: u64) -> u32 {
    let k = (feat >> 32) as u32;
    if k == 0 {
        1
    } else {
        k
    }
}

#[derive(Debug, Clone, Copy)]
struct TEntry {
    class: u8,
    w: f32,
    total: f64,
    stamp: u64,
}

/// A perceptron being trained.
#[derive(Debug)]
pub struct Trainer {
    n_classes: usize,
    index: FxHashMap<u64, u32>,
    rows: Vec<Vec<TEntry>>,
    time: u64,
}

impl Trainer {
    /// A trainer for `n_classes` classes (at most [`MAX_CLASSES`]).
    pub fn new(n_classes: usize) -> Self {
        assert!(n_classes <= MAX_CLASSES, "too many classes");
        Trainer { n_classes, index: FxHashMap::default(), rows: Vec::new(), time: 0 }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Adds the current (unaveraged) weights of `feats` into `scores`.
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        for f in feats {
            if let Some(&r) = self.index.get(f) {
                for e in &self.rows[r as usize] {
                    scores[e.class as usize] += e.w;
                }
            }
        }
    }

    /// Marks one training instance as seen (the unit of averaging).
    pub fn tick(&mut self) {
        self.time += 1;
    }

    /// Moves the weights of `feats` towards `truth` and away from `guess`.
    pub fn update(&mut self, feats: &[u64], truth: usize, guess: usize) {
        if truth == guess {
            return;
        }
        for &f in feats {
            let next = self.rows.len() as u32;
            let r = *self.index.entry(f).or_insert(next);
            if r == next {
                self.rows.push(Vec::with_capacity(2));
            }
            let row = &mut self.rows[r as usize];
            for (class, delta) in [(truth, 1.0f32), (guess, -1.0f32)] {
                let time = self.time;
                match row.iter_mut().find(|e| e.class as usize == class) {
                    Some(e) => {
                        e.total += (time - e.stamp) as f64 * e.w as f64;
                        e.stamp = time;
                        e.w += delta;
                    }
                    None => row.push(TEntry { class: class as u8, w: delta, total: 0.0, stamp: time }),
                }
            }
        }
    }

    /// The averaged weights as a read-only model. Entries whose averaged
    /// weight is below `prune` in absolute value are dropped.
    pub fn freeze(&self, prune: f32) -> Weights {
        let time = self.time.max(1) as f64;
        let mut feats: Vec<(u32, Vec<(u8, f32)>)> = Vec::with_capacity(self.index.len());
        let mut by_key: FxHashMap<u32, usize> = FxHashMap::default();
        for (&f, &r) in &self.index {
            let row: Vec<(u8, f32)> = self.rows[r as usize]
                .iter()
                .map(|e| (e.class, ((e.total + (self.time - e.stamp) as f64 * e.w as f64) / time) as f32))
                .filter(|&(_, w)| w.abs() >= prune && w != 0.0)
                .collect();
            if row.is_empty() {
                continue;
            }
            let key = key_of(f);
            // Two 64-bit features sharing a 32-bit key (rare) are merged.
            match by_key.get(&key) {
                Some(&i) => {
                    for (c, w) in row {
                        match feats[i].1.iter_mut().find(|e| e.0 == c) {
                            Some(e) => e.1 += w,
                            None => feats[i].1.push((c, w)),
                        }
                    }
                }
                None => {
                    by_key.insert(key, feats.len());
                    feats.push((key, row));
                }
            }
        }
        Weights::build(self.n_classes, feats)
    }

    /// Number of distinct features seen in updates.
    pub fn n_features(&self) -> usize {
        self.index.len()
    }
}

/// A frozen, averaged perceptron: read-only and cheap to score.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    n_classes: usize,
    mask: usize,
    /// A key's home slot is its top bits (`key >> shift`), so that keys
    /// inserted in ascending order fill the table front to back, which
    /// makes loading a large model cache-friendly.
    shift: u32,
    /// Slot: key (32 bits) | start (25 bits) | length (7 bits).
    slots: Vec<u64>,
    /// Entry: the weight's f32 bits with the low byte replaced by the class.
    entries: Vec<u32>,
    /// For three-class models (the parser's transitions): the same table
    /// with each row stored inside its slot, so a feature costs one cache
    /// line instead of two.
    inline3: Vec<Slot3>,
}

/// A slot of the inline three-class table: key and the three weights.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(16))]
struct Slot3 {
    key: u32,
    w: [f32; 3],
}

const START_BITS: u32 = 25;

impl Weights {
    fn build(n_classes: usize, mut feats: Vec<(u32, Vec<(u8, f32)>)>) -> Weights {
        feats.sort_unstable_by_key(|f| f.0);
        let mut keys = Vec::with_capacity(feats.len());
        let mut lens = Vec::with_capacity(feats.len());
        let mut entries = Vec::with_capacity(feats.iter().map(|f| f.1.len()).sum());
        for (key, mut row) in feats {
            row.sort_unstable_by_key(|e| e.0);
            keys.push(key);
            lens.push(row.len() as u8);
            entries.extend(row.iter().map(|(c, w)| (w.to_bits() & !0xff) | u32::from(*c)));
        }
        Weights::build_flat(n_classes, &keys, &lens, entries)
    }

    /// Builds the tables from rows given as parallel arrays: unique keys,
    /// row lengths, and all packed entries row after row.
    fn build_flat(n_classes: usize, keys: &[u32], lens: &[u8], mut entries: Vec<u32>) -> Weights {
        let cap = (keys.len() * 10 / 7 + 1).next_power_of_two().max(16);
        let mask = cap - 1;
        let shift = 32 - cap.trailing_zeros();
        if n_classes == 3 {
            let mut inline3 = Vec::with_capacity(cap);
            advise_huge(&inline3);
            inline3.resize(cap, Slot3::default());
            let mut start = 0;
            for (&key, &len) in keys.iter().zip(lens) {
                let mut i = (key >> shift) as usize;
                while inline3[i].key != 0 {
                    i = (i + 1) & mask;
                }
                let slot = &mut inline3[i];
                slot.key = key;
                for &e in &entries[start..start + len as usize] {
                    slot.w[(e & 0xff) as usize % 3] = f32::from_bits(e & !0xff);
                }
                start += len as usize;
            }
            return Weights { n_classes, mask, shift, slots: Vec::new(), entries: Vec::new(), inline3 };
        }
        let mut slots = Vec::with_capacity(cap);
        advise_huge(&slots);
        slots.resize(cap, 0u64);
        let mut start = 0usize;
        for (&key, &len) in keys.iter().zip(lens) {
            if start + len as usize >= (1 << START_BITS) {
                // The format cannot address more; the rest is dropped (the
                // caller prunes harder if this ever matters).
                entries.truncate(start);
                break;
            }
            let mut i = (key >> shift) as usize;
            while slots[i] != 0 {
                i = (i + 1) & mask;
            }
            slots[i] = (u64::from(key) << 32) | ((start as u64) << 7) | u64::from(len);
            start += len as usize;
        }
        Weights { n_classes, mask, shift, slots, entries, inline3: Vec::new() }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of stored features.
    pub fn n_features(&self) -> usize {
        if self.inline3.is_empty() {
            self.slots.iter().filter(|&&s| s != 0).count()
        } else {
            self.inline3.iter().filter(|s| s.key != 0).count()
        }
    }

    /// Number of stored (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        if self.inline3.is_empty() {
            self.entries.len()
        } else {
            self.inline3.iter().map(|s| s.w.iter().filter(|w| **w != 0.0).count()).sum()
        }
    }

    /// Scores all classes for a feature set, into `scores` (overwritten).
    ///
    /// The work is split in three passes so that the memory loads of all
    /// features are in flight at once instead of one after the other: the
    /// model is far larger than the caches, so scoring is bound by memory
    /// latency, not arithmetic. Pass one prefetches every probe slot, pass
    /// two probes and prefetches each matching row, pass three adds.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        scores.iter_mut().for_each(|s| *s = 0.0);
        if self.slots.is_empty() && self.inline3.is_empty() {
            return; // an empty (default) model scores nothing
        }
        if !self.inline3.is_empty() && scores.len() == 3 {
            self.score3(feats, scores);
            return;
        }
        const CHUNK: usize = 128;
        for chunk in feats.chunks(CHUNK) {
            let mut rows = [(0u32, 0u32); CHUNK];
            for &f in chunk {
                prefetch(&self.slots[(key_of(f) >> self.shift) as usize]);
            }
            let mut found = 0;
            for &f in chunk {
                if let Some((start, len)) = self.find(f) {
                    let mut k = start;
                    while k < start + len {
                        prefetch(&self.entries[k]);
                        k += 16;
                    }
                    rows[found] = (start as u32, len as u32);
                    found += 1;
                }
            }
            for &(start, len) in &rows[..found] {
                let (start, len) = (start as usize, len as usize);
                for &e in &self.entries[start..start + len] {
                    scores[(e & 0xff) as usize] += f32::from_bits(e & !0xff);
                }
            }
        }
    }

    /// [`Weights::score`] for the inline three-class table: prefetch every
    /// slot, then probe and add.
    #[inline]
    fn score3(&self, feats: &[u64], scores: &mut [f32]) {
        let t = &self.inline3;
        for &f in feats {
            prefetch(&t[(key_of(f) >> self.shift) as usize]);
        }
        let mut acc = [0f32; 3];
        for &f in feats {
            let key = key_of(f);
            let mut i = (key >> self.shift) as usize;
            loop {
                let slot = &t[i];
                if slot.key == key {
                    acc[0] += slot.w[0];
                    acc[1] += slot.w[1];
                    acc[2] += slot.w[2];
                    break;
                }
                if slot.key == 0 {
                    break;
                }
                i = (i + 1) & self.mask;
            }
        }
        scores.copy_from_slice(&acc);
    }

    /// The row (start, length) of a feature, if stored.
    #[inline]
    fn find(&self, feat: u64) -> Option<(usize, usize)> {
        let key = key_of(feat);
        let mut i = (key >> self.shift) as usize;
        loop {
            let s = self.slots[i];
            let k = (s >> 32) as u32;
            if k == key {
                return Some((((s >> 7) & ((1 << START_BITS) - 1)) as usize, (s & 0x7f) as usize));
            }
            if k == 0 {
                return None;
            }
            i = (i + 1) & self.mask;
        }
    }

    /// Every stored row as (key, [(class, weight)]), in key order.
    fn rows(&self) -> Vec<(u32, Vec<(u8, f32)>)> {
        let mut rows: Vec<(u32, Vec<(u8, f32)>)> = if !self.inline3.is_empty() {
            self.inline3
                .iter()
                .filter(|s| s.key != 0)
                .map(|s| (s.key, (0..3u8).map(|c| (c, s.w[c as usize])).filter(|x| x.1 != 0.0).collect()))
                .collect()
        } else {
            self.slots
                .iter()
                .filter(|&&s| s != 0)
                .map(|&s| {
                    let start = ((s >> 7) & ((1 << START_BITS) - 1)) as usize;
                    let len = (s & 0x7f) as usize;
                    let row = self.entries[start..start + len]
                        .iter()
                        .map(|&x| ((x & 0xff) as u8, f32::from_bits(x & !0xff)))
                        .collect();
                    ((s >> 32) as u32, row)
                })
                .collect()
        };
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }

    /// A copy without the weights below `threshold` in absolute value
    /// (and without features left empty): a smaller, faster model.
    pub fn pruned(&self, threshold: f32) -> Weights {
        let rows = self
            .rows()
            .into_iter()
            .map(|(k, r)| (k, r.into_iter().filter(|x| x.1.abs() >= threshold).collect::<Vec<_>>()))
            .filter(|(_, r)| !r.is_empty())
            .collect();
        Weights::build(self.n_classes, rows)
    }

    /// Writes the weights: keys in ascending order as deltas, then each
    /// row's length, classes and 24-bit weights.
    pub fn encode(&self, e: &mut Enc) {
        let rows = self.rows();
        e.var(self.n_classes as u64);
        e.var(rows.len() as u64);
        let mut prev = 0u32;
        for (k, _) in &rows {
            e.var(u64::from(k - prev));
            prev = *k;
        }
        for (_, r) in &rows {
            e.u8(r.len() as u8);
        }
        for (_, r) in &rows {
            for &(c, _) in r {
                e.u8(c);
            }
        }
        for (_, r) in &rows {
            for &(_, w) in r {
                let b = (w.to_bits() >> 8).to_le_bytes();
                e.buf.extend_from_slice(&b[..3]);
            }
        }
    }

    /// Reads weights written by [`Weights::encode`].
    pub fn decode(d: &mut Dec<'_>) -> Result<Weights, ModelError> {
        let n_classes = d.var()? as usize;
        if n_classes == 0 || n_classes > MAX_CLASSES {
            return Err(d.err(format!("bad class count {n_classes}")));
        }
        let n = d.count()?;
        let mut keys = Vec::with_capacity(n);
        let mut prev = 0u64;
        for i in 0..n {
            let delta = d.var()?;
            prev += delta;
            if (delta == 0 && i > 0) || prev == 0 || prev > u64::from(u32::MAX) {
                return Err(d.err("bad feature key"));
            }
            keys.push(prev as u32);
        }
        let lens = d.bytes(n)?;
        if lens.iter().any(|&l| l == 0 || l as usize > n_classes) {
            return Err(d.err("bad row length"));
        }
        let total: usize = lens.iter().map(|&l| l as usize).sum();
        let classes = d.bytes(total)?;
        if classes.iter().any(|&c| c as usize >= n_classes) {
            return Err(d.err("class out of range"));
        }
        let weights = d.bytes(3 * total)?;
        let entries: Vec<u32> = classes
            .iter()
            .zip(weights.chunks_exact(3))
            .map(|(&c, w)| u32::from_le_bytes([c, w[0], w[1], w[2]]))
            .collect();
        Ok(Weights::build_flat(n_classes, &keys, lens, entries))
    }
}

/// Asks the kernel to back a large, still untouched allocation with huge
/// pages, so random probes into a weight table of tens of megabytes do not
/// miss the TLB on nearly every lookup.
fn advise_huge<T>(v: &Vec<T>) {
    #[cfg(target_os = "linux")]
    {
        let bytes = v.capacity() * std::mem::size_of::<T>();
        if bytes < 4 << 20 {
            return;
        }
        let page = 4096usize;
        let start = (v.as_ptr() as usize).div_ceil(page) * page;
        let end = (v.as_ptr() as usize + bytes) / page * page;
        if end > start {
            // SAFETY: the range lies inside the vector's own allocation;
            // madvise is only a hint and its failure is harmless.
            unsafe {
                libc::madvise(start as *mut libc::c_void, end - start, libc::MADV_HUGEPAGE);
            }
        }
    }
    #[cfg(not(target_os = "linux"))]
    let _ = v;
}

/// Hints the processor to fetch the cache line holding `x`.
#[inline(always)]
fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint; it never faults, and `x` is a valid
    // reference anyway.
    unsafe {
        std::arch::x86_64::_mm_prefetch(x as *const T as *const i8, std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// Index of the highest score among the allowed classes (`allowed(i)`).
#[inline]
pub fn argmax_where(scores: &[f32], allowed: impl Fn(usize) -> bool) -> Option<usize> {
    let mut best = None;
    let mut best_s = f32::NEG_INFINITY;
    for (i, &s) in scores.iter().enumerate() {
        if s > best_s && allowed(i) {
            best = Some(i);
            best_s = s;
        }
    }
    if best.is_none() {
        best = (0..scores.len()).find(|&i| allowed(i));
    }
    best
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::{Dec, Enc};

    #[test]
    fn learns_a_separable_problem_and_round_trips() {
        // Class = feature id modulo 3; each instance has its own feature plus
        // a shared bias.
        let mut t = Trainer::new(3);
        let mut scores = [0f32; 3];
        for _ in 0..5 {
            for x in 0..30u64 {
                let feats = [crate::hash::f1(1, x % 3), crate::hash::f1(0, 0)];
                scores.iter_mut().for_each(|s| *s = 0.0);
                t.score(&feats, &mut scores);
                let guess = argmax_where(&scores, |_| true).unwrap();
                t.tick();
                t.update(&feats, (x % 3) as usize, guess);
            }
        }
        let w = t.freeze(0.0);
        let mut e = Enc::new();
        w.encode(&mut e);
        let w2 = Weights::decode(&mut Dec::new(&e.buf, "test")).unwrap();
        for x in 0..3u64 {
            let feats = [crate::hash::f1(1, x), crate::hash::f1(0, 0)];
            for m in [&w, &w2] {
                m.score(&feats, &mut scores);
                assert_eq!(argmax_where(&scores, |_| true), Some(x as usize));
            }
        }
        assert_eq!(w.n_weights(), w2.n_weights());
    }
}
