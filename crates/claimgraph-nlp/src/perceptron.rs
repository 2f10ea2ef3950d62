//! Averaged multiclass perceptron over hashed sparse features.
//!
//! Training keeps, per feature, a short list of the classes it has ever been
//! updated for (most features touch only a few), with lazily averaged
//! weights. Freezing turns that into a compact read-only table (see
//! [`Weights`]): quantised weights stored next to their key in cache-line
//! buckets that are probed without branches, so that scoring a feature
//! costs one cache line, a few instructions and no allocation.

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
    /// weight is below `prune` in absolute value are dropped (for three
    /// classes: weights relative to class 0).
    pub fn freeze(&self, prune: f32) -> Weights {
        let time = self.time.max(1) as f64;
        let mut feats: Vec<(u32, Vec<(u8, f32)>)> = Vec::with_capacity(self.index.len());
        let mut by_key: FxHashMap<u32, usize> = FxHashMap::default();
        for (&f, &r) in &self.index {
            let row: Vec<(u8, f32)> = self.rows[r as usize]
                .iter()
                .map(|e| (e.class, ((e.total + (self.time - e.stamp) as f64 * e.w as f64) / time) as f32))
                .filter(|&(_, w)| w != 0.0)
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
        Weights::build(self.n_classes, feats, prune)
    }

    /// Number of distinct features seen in updates.
    pub fn n_features(&self) -> usize {
        self.index.len()
    }
}

/// A frozen, averaged perceptron: read-only and cheap to score.
///
/// The parser looks up 84 features per move in a table of about a million,
/// so scoring is the core's hot loop. Measured on EWT dev, what cost most
/// was not the size of the table but the branches of hash probing: whether
/// a probe hits, misses or must go on is unpredictable, and each mispredict
/// stalls on the probe's load. So keys live in buckets of one cache line
/// whose slots are compared at once (SSE2), and a hit's weights are added
/// under a mask, without a branch. Weights are quantised and stored next
/// to their key:
///
/// - three-class models (the parser's moves) keep 16 bits of the key and
///   two 8-bit codes per feature, the weights of classes 1 and 2 minus that
///   of class 0 (adding one amount to all classes of a feature never changes
///   the argmax) on a logarithmic codebook: 16 features per bucket;
/// - other models keep the 32-bit key and up to four (class, 16-bit weight)
///   entries per slot, four slots per bucket; longer rows (frequent
///   features, hot in cache anyway) are in a side array, dense (added with
///   vector instructions) when they cover a quarter of the classes or more.
#[derive(Debug, Clone, Default)]
pub struct Weights {
    n_classes: usize,
    /// A stored weight `q` stands for `q as f32 * scale`.
    scale: f32,
    /// The three-class table (empty for other models), `cap3` buckets.
    t3: Table<Bucket3>,
    cap3: usize,
    /// Three-class models: the value of each 8-bit code (indexed by the
    /// code's bits): 0, then 127 magnitudes spaced evenly in log scale, and
    /// their negatives.
    codebook: Vec<f32>,
    /// The smallest and largest magnitude of the codebook.
    cb_range: (f32, f32),
    /// Three-class models: every row (key, codes), in key order, for
    /// saving and pruning (never touched when scoring).
    rows3: Vec<(u32, [i8; 2])>,
    /// The table of other models (empty for three-class ones), `capn`
    /// buckets.
    tn: Table<BucketN>,
    capn: usize,
    /// Sparse rows longer than [`INLINE`]: `class | (weight as u16) << 16`.
    long: Vec<u32>,
    /// Rows with weights for a quarter of the classes or more, dense:
    /// `stride` weights each, added with vector instructions.
    dense: Vec<i16>,
    stride: usize,
}

/// A bucket of the three-class table, one cache line: 16 slots, each 16
/// bits of a key (0: empty) and the codes of the weights of classes 1 and 2
/// relative to class 0. A key lives in its home bucket, or (when that is
/// full, rarely at the load used) in a later one. A lookup compares all 16
/// fingerprints at once and adds the match without a branch, because a
/// probe's outcome is unpredictable and mispredicted branches, not memory,
/// were the cost of scoring. A feature that is not stored matches another
/// one's 16 bits with a probability of about 1 in 7,000, which only adds a
/// small weight to the scores.
#[derive(Debug, Clone, Copy, Default)]
#[repr(C, align(64))]
struct Bucket3 {
    fp: [u16; 16],
    c: [[i8; 2]; 16],
}

impl Bucket3 {
    /// Bit mask with two bits for each lane holding `fp` (SSE2 is part of
    /// x86-64, so no detection is needed).
    #[inline(always)]
    fn matches(&self, fp: u16) -> u32 {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: the bucket is 64-byte aligned, so both 16-byte loads are
        // aligned and inside it; SSE2 is always available on x86-64.
        unsafe {
            use std::arch::x86_64::*;
            let v = _mm_set1_epi16(fp as i16);
            let p = self.fp.as_ptr() as *const __m128i;
            let lo = _mm_movemask_epi8(_mm_cmpeq_epi16(_mm_load_si128(p), v)) as u32;
            let hi = _mm_movemask_epi8(_mm_cmpeq_epi16(_mm_load_si128(p.add(1)), v)) as u32;
            lo | (hi << 16)
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let mut m = 0u32;
            for (k, &f) in self.fp.iter().enumerate() {
                m |= u32::from(f == fp) * (3 << (2 * k));
            }
            m
        }
    }
}

/// The 16-bit fingerprint of a key in the three-class table (never 0).
#[inline(always)]
fn fp_of(key: u32) -> u16 {
    let f = key as u16;
    if f == 0 {
        1
    } else {
        f
    }
}

/// The home slot of a key in a table of `cap` slots: its top bits scaled to
/// the table, so keys in ascending order fill it front to back.
#[inline(always)]
fn home3(key: u32, cap: usize) -> usize {
    ((u64::from(key) * cap as u64) >> 32) as usize
}

/// Codes of the three-class weights: magnitudes from the smallest to the
/// largest weight in 127 steps evenly spaced in log scale (a relative error
/// of at most a few percent: perceptron weights need no more).
fn codebook(lo: f32, hi: f32) -> Vec<f32> {
    let mut cb = vec![0f32; 256];
    let ratio = if hi > lo && lo > 0.0 { (hi / lo).ln() } else { 0.0 };
    for k in 1..=127usize {
        let v = lo * (ratio * (k - 1) as f32 / 126.0).exp();
        cb[k] = v;
        cb[256 - k] = -v;
    }
    cb
}

/// The code of `w` in a codebook from [`codebook`]`(lo, hi)`.
fn encode_code(w: f32, lo: f32, hi: f32) -> i8 {
    if w.abs() < lo / 2.0 || lo <= 0.0 {
        return 0;
    }
    let ratio = if hi > lo { (hi / lo).ln() } else { 1.0 };
    let k = (1.0 + 126.0 * (w.abs().max(lo) / lo).ln() / ratio).round().clamp(1.0, 127.0) as i8;
    if w < 0.0 {
        -k
    } else {
        k
    }
}

/// A bucket of the general table, one cache line: four slots, each a key
/// (0: empty) with up to [`INLINE`] (class, weight) entries, or (when its
/// first class is [`LONG`]) the start (`w[0]`, `w[1]`) and length (`w[2]`)
/// of its row in `long`. Lookups are branch-free like those of
/// [`Bucket3`].
#[derive(Debug, Clone, Copy)]
#[repr(C, align(64))]
struct BucketN {
    keys: [u32; 4],
    cls: [[u8; INLINE]; 4],
    w: [[i16; INLINE]; 4],
}

/// Entries stored inside a slot of the general table.
const INLINE: usize = 4;
/// Class of an unused inline entry (its weight adds into a spare
/// accumulator: classes are below [`MAX_CLASSES`]).
const EMPTY: u8 = 0xff;
/// First class of a slot whose row is in the side array.
const LONG: u8 = 0xfe;
/// First class of a slot whose row is in the dense array (start in `w[0]`,
/// `w[1]`).
const DENSE: u8 = 0xfd;

impl Default for BucketN {
    fn default() -> Self {
        BucketN { keys: [0; 4], cls: [[EMPTY; INLINE]; 4], w: [[0; INLINE]; 4] }
    }
}

impl BucketN {
    /// Bit mask with four bits for each slot holding `key`.
    #[inline(always)]
    fn matches(&self, key: u32) -> u32 {
        #[cfg(target_arch = "x86_64")]
        // SAFETY: the bucket is 64-byte aligned, so the 16-byte load is
        // aligned and inside it; SSE2 is always available on x86-64.
        unsafe {
            use std::arch::x86_64::*;
            let k = _mm_load_si128(self.keys.as_ptr() as *const __m128i);
            _mm_movemask_epi8(_mm_cmpeq_epi32(k, _mm_set1_epi32(key as i32))) as u32
        }
        #[cfg(not(target_arch = "x86_64"))]
        {
            let mut m = 0u32;
            for (k, &x) in self.keys.iter().enumerate() {
                m |= u32::from(x == key) * (0xf << (4 * k));
            }
            m
        }
    }

    /// The side-array row (start, length) of a [`LONG`] slot.
    #[inline(always)]
    fn long_row(&self, lane: usize) -> (usize, usize) {
        let w = &self.w[lane];
        ((u32::from(w[0] as u16) | (u32::from(w[1] as u16) << 16)) as usize, w[2] as u16 as usize)
    }
}

/// Rows of quantised weights: (key, [(class, weight)]).
type QRows = Vec<(u32, Vec<(u8, i16)>)>;

impl Weights {
    /// Builds the table from averaged rows (keys unique), without the
    /// weights below `prune` in absolute value.
    fn build(n_classes: usize, feats: Vec<(u32, Vec<(u8, f32)>)>, prune: f32) -> Weights {
        if n_classes == 3 {
            let rows: Vec<(u32, [f32; 2])> = feats
                .into_iter()
                .map(|(k, row)| {
                    let mut w = [0f32; 3];
                    for (c, x) in row {
                        w[c as usize % 3] += x;
                    }
                    let keep = |d: f32| if d.abs() >= prune { d } else { 0.0 };
                    (k, [keep(w[1] - w[0]), keep(w[2] - w[0])])
                })
                .filter(|(_, d)| d[0] != 0.0 || d[1] != 0.0)
                .collect();
            let mags = rows.iter().flat_map(|r| r.1).filter(|d| *d != 0.0).map(f32::abs);
            let (lo, hi) = mags.fold((f32::MAX, 0f32), |(lo, hi), m| (lo.min(m), hi.max(m)));
            // Magnitudes below 1/2048 of the largest weigh nothing next to
            // it: the codebook starts there, so that its steps stay fine.
            let lo = if hi > 0.0 { lo.max(hi / 2048.0) } else { 1.0 };
            let q =
                rows.into_iter().map(|(k, d)| (k, [encode_code(d[0], lo, hi), encode_code(d[1], lo, hi)])).collect();
            return Weights::build3((lo, hi), q);
        }
        let feats: Vec<(u32, Vec<(u8, f32)>)> = feats
            .into_iter()
            .map(|(k, row)| (k, row.into_iter().filter(|e| e.1.abs() >= prune && e.1 != 0.0).collect::<Vec<_>>()))
            .filter(|r| !r.1.is_empty())
            .collect();
        let max = feats.iter().flat_map(|r| r.1.iter().map(|e| e.1.abs())).fold(0f32, f32::max);
        let scale = if max > 0.0 { max / f32::from(i16::MAX) } else { 1.0 };
        let rows = feats
            .into_iter()
            .map(|(k, row)| {
                let q: Vec<(u8, i16)> = row
                    .into_iter()
                    .map(|(c, w)| (c, (w / scale).round().clamp(-32767.0, 32767.0) as i16))
                    .filter(|e| e.1 != 0)
                    .collect();
                (k, q)
            })
            .filter(|r| !r.1.is_empty())
            .collect();
        Weights::build_q(n_classes, scale, rows)
    }

    /// Builds the three-class table from coded rows (keys unique).
    fn build3(cb_range: (f32, f32), mut rows: Vec<(u32, [i8; 2])>) -> Weights {
        rows.sort_unstable_by_key(|r| r.0);
        rows.retain(|r| r.1 != [0, 0]);
        // At a load of 0.6 about one bucket in a hundred overflows.
        let cap = (rows.len() * 5 / 3 / 16 + 1).max(4);
        let mut t3 = Table::new(cap, Bucket3::default());
        for &(key, c) in &rows {
            let mut i = home3(key, cap);
            loop {
                let b = &mut t3[i];
                if let Some(lane) = b.fp.iter().position(|&f| f == 0) {
                    b.fp[lane] = fp_of(key);
                    b.c[lane] = c;
                    break;
                }
                i = if i + 1 == cap { 0 } else { i + 1 };
            }
        }
        let codebook = codebook(cb_range.0, cb_range.1);
        Weights { n_classes: 3, scale: 1.0, t3, cap3: cap, codebook, cb_range, rows3: rows, ..Weights::default() }
    }

    /// Builds the table from quantised rows (keys unique, classes valid).
    fn build_q(n_classes: usize, scale: f32, mut rows: QRows) -> Weights {
        rows.sort_unstable_by_key(|r| r.0);
        Weights::build_sorted(n_classes, scale, rows.len(), rows.iter().map(|(k, r)| (*k, &r[..])))
    }

    /// Builds the table from `count` quantised rows in ascending key order
    /// (keys unique, classes valid), borrowed: a model being loaded keeps
    /// its rows in one array instead of a vector per row.
    fn build_sorted<'r>(
        n_classes: usize,
        scale: f32,
        count: usize,
        rows: impl Iterator<Item = (u32, &'r [(u8, i16)])>,
    ) -> Weights {
        // At a load of 0.5 about one bucket in twenty overflows.
        let cap = (count / 2 + 1).max(4);
        let mut tn = Table::new(cap, BucketN::default());
        let mut long = Vec::new();
        let mut dense = Vec::new();
        let stride = n_classes.div_ceil(16) * 16;
        for (key, row) in rows {
            let mut i = home3(key, cap);
            let lane = loop {
                if let Some(lane) = tn[i].keys.iter().position(|&k| k == 0) {
                    break lane;
                }
                i = if i + 1 == cap { 0 } else { i + 1 };
            };
            let b = &mut tn[i];
            b.keys[lane] = key;
            if row.len() <= INLINE {
                for (k, &(c, q)) in row.iter().enumerate() {
                    b.cls[lane][k] = c;
                    b.w[lane][k] = q;
                }
            } else if row.len() * 4 >= n_classes {
                let start = dense.len() as u32;
                b.cls[lane][0] = DENSE;
                b.w[lane] = [start as u16 as i16, (start >> 16) as u16 as i16, 0, 0];
                dense.resize(dense.len() + stride, 0i16);
                for &(c, q) in row {
                    dense[start as usize + c as usize] = q;
                }
            } else {
                let start = long.len() as u32;
                b.cls[lane][0] = LONG;
                b.w[lane] = [start as u16 as i16, (start >> 16) as u16 as i16, row.len() as i16, 0];
                long.extend(row.iter().map(|&(c, q)| u32::from(c) | (u32::from(q as u16) << 16)));
            }
        }
        Weights { n_classes, scale, tn, capn: cap, long, dense, stride, ..Weights::default() }
    }

    /// Number of classes.
    pub fn n_classes(&self) -> usize {
        self.n_classes
    }

    /// Number of stored features.
    pub fn n_features(&self) -> usize {
        self.rows3.len() + self.tn.iter().map(|b| b.keys.iter().filter(|&&k| k != 0).count()).sum::<usize>()
    }

    /// Number of stored (feature, class) weights.
    pub fn n_weights(&self) -> usize {
        self.rows().iter().map(|r| r.1.len()).sum()
    }

    /// Bytes of the in-memory tables.
    pub fn table_bytes(&self) -> usize {
        self.t3.len() * std::mem::size_of::<Bucket3>()
            + self.tn.len() * std::mem::size_of::<BucketN>()
            + self.long.len() * 4
            + self.dense.len() * 2
    }

    /// Scores all classes for a feature set, into `scores` (overwritten).
    /// For a three-class model the scores are relative to class 0 (which
    /// scores 0): only their order is meaningful.
    ///
    /// The work is split in passes so that the memory loads of all features
    /// are in flight at once instead of one after the other: pass one
    /// prefetches every probe slot, pass two probes (adding inline rows and
    /// prefetching side rows), pass three adds the side rows.
    #[inline]
    pub fn score(&self, feats: &[u64], scores: &mut [f32]) {
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx2") && std::arch::is_x86_feature_detected!("bmi1") {
            // SAFETY: the features the function is compiled for are present.
            unsafe { self.score_avx2(feats, scores) };
            return;
        }
        self.score_any(feats, scores);
    }

    /// [`Weights::score`] compiled for processors with AVX2 and BMI1: the
    /// same operations (integer sums, the same float additions in the same
    /// order), in fewer instructions (a broadcast in one, three-operand
    /// forms, `tzcnt`).
    ///
    /// # Safety
    ///
    /// The processor must support AVX2 and BMI1.
    #[cfg(target_arch = "x86_64")]
    #[target_feature(enable = "avx2,bmi1")]
    unsafe fn score_avx2(&self, feats: &[u64], scores: &mut [f32]) {
        self.score_any(feats, scores);
    }

    /// [`Weights::score`] for any processor.
    #[inline(always)]
    fn score_any(&self, feats: &[u64], scores: &mut [f32]) {
        if !self.t3.is_empty() {
            self.score3(feats, scores);
            return;
        }
        if self.tn.is_empty() {
            scores.iter_mut().for_each(|s| *s = 0.0);
            return; // an empty (default) model scores nothing
        }
        let (t, cap) = (&self.tn, self.capn);
        // Classes index directly; EMPTY and LONG entries add into spares.
        let mut acc = [0i32; 256];
        const CHUNK: usize = 64;
        for chunk in feats.chunks(CHUNK) {
            // Side rows as (start, length) and dense rows by start.
            let mut rows = [(0u32, 0u32); CHUNK];
            let mut dense = [0usize; CHUNK];
            let mut found_dense = 0;
            for &f in chunk {
                // SAFETY: `home3` is below `cap`, the table's length.
                prefetch(unsafe { t.get_unchecked(home3(key_of(f), cap)) });
            }
            let mut found = 0;
            for &f in chunk {
                let key = key_of(f);
                let mut i = home3(key, cap);
                loop {
                    // SAFETY: `home3` is below `cap` (the key is below 2^32)
                    // and probing wraps at `cap`, the table's length.
                    let b = unsafe { t.get_unchecked(i) };
                    let m = b.matches(key);
                    // The matching slot, or slot 3 with weights masked to 0.
                    let lane = ((m | (1 << 31)).trailing_zeros() / 4) as usize & 3;
                    let hit = i16::from(m != 0).wrapping_neg();
                    let (cls, w) = (&b.cls[lane], &b.w[lane]);
                    for k in 0..INLINE {
                        acc[cls[k] as usize] += i32::from(w[k] & hit);
                    }
                    let row = b.long_row(lane);
                    let (long, is_dense) = (hit != 0 && cls[0] == LONG, hit != 0 && cls[0] == DENSE);
                    if long {
                        prefetch(&self.long[row.0]);
                    } else if is_dense {
                        prefetch(&self.dense[row.0]);
                    }
                    rows[found] = (row.0 as u32, row.1 as u32);
                    found += usize::from(long);
                    dense[found_dense] = row.0;
                    found_dense += usize::from(is_dense);
                    if m != 0 || b.keys[3] == 0 {
                        break;
                    }
                    i = if i + 1 == cap { 0 } else { i + 1 };
                }
            }
            for &(start, len) in &rows[..found] {
                let (start, len) = (start as usize, len as usize);
                for &e in &self.long[start..start + len] {
                    acc[(e & 0xff) as usize] += i32::from((e >> 16) as u16 as i16);
                }
            }
            add_dense(&mut acc, &self.dense, &dense[..found_dense], self.stride);
        }
        // Every class's score is written here (classes are fewer than 256),
        // so `scores` needs no clearing first.
        for (s, &a) in scores.iter_mut().zip(&acc) {
            *s = a as f32 * self.scale;
        }
        scores.iter_mut().skip(acc.len()).for_each(|s| *s = 0.0);
    }

    /// [`Weights::score`] for the three-class table: prefetch every slot,
    /// then probe and add.
    #[inline(always)]
    fn score3(&self, feats: &[u64], scores: &mut [f32]) {
        let (t, cap, cb) = (&self.t3, self.cap3, &self.codebook[..256]);
        for &f in feats {
            // SAFETY: `home3` is below `cap`, the table's length.
            prefetch(unsafe { t.get_unchecked(home3(key_of(f), cap)) });
        }
        let (mut a1, mut a2) = (0f32, 0f32);
        for &f in feats {
            let key = key_of(f);
            let fp = fp_of(key);
            let mut i = home3(key, cap);
            loop {
                // SAFETY: `home3` is below `cap` (the key is below 2^32) and
                // probing wraps at `cap`, the table's length.
                let b = unsafe { t.get_unchecked(i) };
                let m = b.matches(fp);
                // The first matching lane, or lane 15 with its codes masked
                // to 0 (the code of weight 0) when nothing matched.
                let lane = ((m | (1 << 31)).trailing_zeros() / 2) as usize;
                let hit = u8::from(m != 0).wrapping_neg();
                let c = b.c[lane & 15];
                a1 += cb[(c[0] as u8 & hit) as usize];
                a2 += cb[(c[1] as u8 & hit) as usize];
                if m != 0 || b.fp[15] == 0 {
                    break;
                }
                i = if i + 1 == cap { 0 } else { i + 1 };
            }
        }
        if let [s0, s1, s2, rest @ ..] = scores {
            (*s0, *s1, *s2) = (0.0, a1, a2);
            rest.iter_mut().for_each(|s| *s = 0.0);
        } else {
            scores.iter_mut().for_each(|s| *s = 0.0);
        }
    }

    /// Every stored row as (key, [(class, quantised weight)]), in key order.
    fn rows(&self) -> QRows {
        let mut rows: QRows = self
            .rows3
            .iter()
            .map(|&(k, c)| {
                (k, [(1u8, i16::from(c[0])), (2u8, i16::from(c[1]))].into_iter().filter(|x| x.1 != 0).collect())
            })
            .collect();
        for b in self.tn.iter() {
            for lane in (0..4).filter(|&l| b.keys[l] != 0) {
                let row = if b.cls[lane][0] == LONG {
                    let (start, len) = b.long_row(lane);
                    self.long[start..start + len].iter().map(|&e| ((e & 0xff) as u8, (e >> 16) as u16 as i16)).collect()
                } else if b.cls[lane][0] == DENSE {
                    let start = b.long_row(lane).0;
                    let row = self.dense[start..start + self.n_classes].iter().enumerate();
                    row.filter(|x| *x.1 != 0).map(|(c, &w)| (c as u8, w)).collect()
                } else {
                    b.cls[lane].iter().zip(&b.w[lane]).filter(|(&c, _)| c != EMPTY).map(|(&c, &w)| (c, w)).collect()
                };
                let mut row: Vec<(u8, i16)> = row;
                row.sort_unstable_by_key(|e| e.0);
                rows.push((b.keys[lane], row));
            }
        }
        rows.sort_unstable_by_key(|r| r.0);
        rows
    }

    /// A copy without the weights below `threshold` in absolute value
    /// (and without features left empty): a smaller, faster model. For a
    /// three-class model the threshold applies to the weights relative to
    /// class 0.
    pub fn pruned(&self, threshold: f32) -> Weights {
        if !self.t3.is_empty() {
            let keep = |c: i8| if self.codebook[c as u8 as usize].abs() >= threshold { c } else { 0 };
            let rows = self.rows3.iter().map(|&(k, c)| (k, [keep(c[0]), keep(c[1])])).collect();
            return Weights::build3(self.cb_range, rows);
        }
        let rows = self
            .rows()
            .into_iter()
            .map(|(k, r)| {
                (k, r.into_iter().filter(|x| f32::from(x.1).abs() * self.scale >= threshold).collect::<Vec<_>>())
            })
            .filter(|(_, r)| !r.is_empty())
            .collect();
        Weights::build_q(self.n_classes, self.scale, rows)
    }

    /// Writes the weights: keys in ascending order as deltas, then for
    /// three classes the range of the codebook and two 8-bit codes a row,
    /// otherwise the scale and each row's length, classes and 16-bit weights.
    pub fn encode(&self, e: &mut Enc) {
        if self.n_classes == 3 {
            e.var(3);
            e.f32(self.cb_range.0);
            e.f32(self.cb_range.1);
            e.var(self.rows3.len() as u64);
            let mut prev = 0u32;
            for (k, _) in &self.rows3 {
                e.var(u64::from(k - prev));
                prev = *k;
            }
            for (_, c) in &self.rows3 {
                e.u8(c[0] as u8);
                e.u8(c[1] as u8);
            }
            return;
        }
        let rows = self.rows();
        e.var(self.n_classes as u64);
        e.f32(self.scale);
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
                e.buf.extend_from_slice(&w.to_le_bytes());
            }
        }
    }

    /// Reads weights written by [`Weights::encode`].
    pub fn decode(d: &mut Dec<'_>) -> Result<Weights, ModelError> {
        let n_classes = d.var()? as usize;
        if n_classes == 0 || n_classes > MAX_CLASSES {
            return Err(d.err(format!("bad class count {n_classes}")));
        }
        let (scale, range) = if n_classes == 3 {
            let (lo, hi) = (d.f32()?, d.f32()?);
            if !(lo.is_finite() && hi.is_finite() && lo > 0.0 && hi >= lo) {
                return Err(d.err("bad codebook range"));
            }
            (1.0, (lo, hi))
        } else {
            let scale = d.f32()?;
            if !(scale.is_finite() && scale > 0.0) {
                return Err(d.err("bad weight scale"));
            }
            (scale, (0.0, 0.0))
        };
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
        if n_classes == 3 {
            let codes = d.bytes(2 * n)?;
            if codes.contains(&0x80) {
                return Err(d.err("bad weight code"));
            }
            let rows = keys.iter().zip(codes.chunks_exact(2)).map(|(&k, c)| (k, [c[0] as i8, c[1] as i8])).collect();
            return Ok(Weights::build3(range, rows));
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
        let weights = d.bytes(2 * total)?;
        let entries: Vec<(u8, i16)> =
            classes.iter().zip(weights.chunks_exact(2)).map(|(&c, w)| (c, i16::from_le_bytes([w[0], w[1]]))).collect();
        let mut at = 0;
        let rows = keys.iter().zip(lens).map(|(&key, &len)| {
            let row = &entries[at..at + len as usize];
            at += len as usize;
            (key, row)
        });
        Ok(Weights::build_sorted(n_classes, scale, n, rows))
    }
}

/// A fixed-size table whose storage starts on a huge-page boundary and,
/// when large, is backed by huge pages (`MADV_HUGEPAGE`), so that random
/// probes into it do not miss the TLB on nearly every lookup (page walks
/// are dear in a virtual machine).
#[derive(Debug, Clone, Default)]
struct Table<T> {
    buf: Vec<T>,
    off: usize,
}

/// Huge page size (x86-64 and most others).
const HUGE: usize = 2 << 20;

impl<T: Copy> Table<T> {
    /// A table of `len` copies of `fill`.
    fn new(len: usize, fill: T) -> Table<T> {
        let size = std::mem::size_of::<T>().max(1);
        let bytes = len * size;
        if bytes < HUGE / 2 || !cfg!(target_os = "linux") {
            return Table { buf: vec![fill; len], off: 0 };
        }
        let slack = HUGE.div_ceil(size);
        let mut buf: Vec<T> = Vec::with_capacity(len + slack);
        let addr = buf.as_ptr() as usize;
        let off = (addr.div_ceil(HUGE) * HUGE - addr) / size;
        #[cfg(target_os = "linux")]
        {
            let start = addr + off * size;
            let end = addr + buf.capacity() * size;
            // SAFETY: the range lies inside the vector's own, still untouched
            // allocation; madvise is only a hint and its failure is harmless.
            unsafe {
                libc::madvise(start as *mut libc::c_void, (end - start) / 4096 * 4096, libc::MADV_HUGEPAGE);
            }
        }
        buf.resize(off + len, fill);
        Table { buf, off }
    }
}

impl<T> std::ops::Deref for Table<T> {
    type Target = [T];
    fn deref(&self) -> &[T] {
        &self.buf[self.off..]
    }
}

impl<T> std::ops::DerefMut for Table<T> {
    fn deref_mut(&mut self) -> &mut [T] {
        &mut self.buf[self.off..]
    }
}

/// Adds the dense rows starting at `starts` (each `stride` weights of
/// `dense`, `stride` a multiple of 16 and at most 128) into `acc`.
///
/// Dense rows are the frequent features (the bias, the parser labeller's
/// direction and tag pairs) and were the largest single cost of scoring a
/// many-class model: the generic loop reloads and stores the accumulators
/// for every row. With AVX2 (detected once; std caches the answer) each
/// block of 16 classes stays in two registers across all the rows and
/// each row adds with one widening load per 8 weights. Integer sums do not
/// depend on their order, so the scores are the same bit for bit.
#[inline]
fn add_dense(acc: &mut [i32; 256], dense: &[i16], starts: &[usize], stride: usize) {
    if starts.is_empty() {
        return;
    }
    #[cfg(target_arch = "x86_64")]
    {
        let in_bounds = stride.is_multiple_of(16) && stride <= 128 && starts.iter().all(|&s| s + stride <= dense.len());
        if in_bounds && std::arch::is_x86_feature_detected!("avx2") {
            // SAFETY: AVX2 is available (checked above), and every row
            // `s..s + stride` lies inside `dense` and every block of 16
            // accumulators inside `acc` (stride ≤ 128 < 256), checked above.
            unsafe { add_dense_avx2(acc, dense, starts, stride) };
            return;
        }
    }
    for &start in starts {
        let row = &dense[start..start + stride];
        for (a, &w) in acc.iter_mut().zip(row) {
            *a += i32::from(w);
        }
    }
}

/// [`add_dense`] with AVX2: rows of up to 64 classes (all three shipped
/// models) with all their accumulators in registers for all the rows,
/// longer ones 16 classes at a time.
///
/// # Safety
///
/// The processor must support AVX2; `stride` must be a multiple of 16, at
/// most 256, and `s + stride <= dense.len()` for every `s` in `starts`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
unsafe fn add_dense_avx2(acc: &mut [i32; 256], dense: &[i16], starts: &[usize], stride: usize) {
    let (acc, base) = (acc.as_mut_ptr(), dense.as_ptr());
    match stride {
        16 => add_dense_blocks::<2>(acc, base, starts),
        32 => add_dense_blocks::<4>(acc, base, starts),
        48 => add_dense_blocks::<6>(acc, base, starts),
        64 => add_dense_blocks::<8>(acc, base, starts),
        _ => {
            for b in (0..stride).step_by(16) {
                add_dense_blocks::<2>(acc.add(b), base.add(b), starts);
            }
        }
    }
}

/// Adds `8 * N` classes of each dense row (`base + s` for `s` in `starts`)
/// into `acc`, the accumulators held in `N` registers.
///
/// # Safety
///
/// AVX2; `acc` valid for `8 * N` values and each `base + s` for `8 * N`.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx2")]
#[inline]
unsafe fn add_dense_blocks<const N: usize>(acc: *mut i32, base: *const i16, starts: &[usize]) {
    use std::arch::x86_64::*;
    let pa = acc as *mut __m256i;
    let mut a = [_mm256_setzero_si256(); N];
    for (k, x) in a.iter_mut().enumerate() {
        *x = _mm256_loadu_si256(pa.add(k));
    }
    for &s in starts {
        let p = base.add(s) as *const __m128i;
        for (k, x) in a.iter_mut().enumerate() {
            *x = _mm256_add_epi32(*x, _mm256_cvtepi16_epi32(_mm_loadu_si128(p.add(k))));
        }
    }
    for (k, x) in a.iter().enumerate() {
        _mm256_storeu_si256(pa.add(k), *x);
    }
}

/// Hints the processor to fetch the cache line holding `x` (a hint only:
/// used by every hashed-weight table of claimgraph).
#[inline(always)]
pub fn prefetch<T>(x: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: prefetching is a hint; it never faults, and `x` is a valid
    // reference anyway.
    unsafe {
        std::arch::x86_64::_mm_prefetch(x as *const T as *const i8, std::arch::x86_64::_MM_HINT_T0);
    }
    #[cfg(not(target_arch = "x86_64"))]
    let _ = x;
}

/// Index of the highest score (the first of equal ones): the same as
/// `argmax_where(scores, |_| true)`, with the maximum found four lanes at
/// a time (the tagger's argmax over its ~50 classes was a tenth of its
/// instructions).
#[inline]
pub fn argmax(scores: &[f32]) -> Option<usize> {
    #[cfg(target_arch = "x86_64")]
    {
        use std::arch::x86_64::*;
        let chunks = scores.chunks_exact(4);
        let tail = chunks.remainder();
        // SAFETY: SSE is part of x86-64; each load reads one 4-float chunk.
        let max = unsafe {
            let mut m = _mm_set1_ps(f32::NEG_INFINITY);
            for c in chunks {
                // `maxps` returns its second operand when either is NaN, so
                // a NaN score is skipped, as `argmax_where` skips it.
                m = _mm_max_ps(_mm_loadu_ps(c.as_ptr()), m);
            }
            let mut lanes = [0f32; 4];
            _mm_storeu_ps(lanes.as_mut_ptr(), m);
            lanes.iter().chain(tail).fold(f32::NEG_INFINITY, |a, &b| if b > a { b } else { a })
        };
        // The first score equal to the largest is the first strictly
        // greater than all before it. Without any score above -inf,
        // `argmax_where` answers (its fallback).
        if max > f32::NEG_INFINITY {
            return scores.iter().position(|&s| s == max);
        }
    }
    argmax_where(scores, |_| true)
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

    /// `argmax` answers as `argmax_where(.., |_| true)`: ties, negative
    /// zeros, infinities and NaNs included.
    #[test]
    fn argmax_matches_argmax_where() {
        let mut rng = crate::hash::Rng::new(5);
        let pool = [0.0, -0.0, 1.0, -1.0, 2.5, f32::INFINITY, f32::NEG_INFINITY, f32::NAN];
        for n in 0..40 {
            for _ in 0..200 {
                let v: Vec<f32> = (0..n)
                    .map(|_| {
                        let r = rng.next_u64();
                        if r.is_multiple_of(3) {
                            pool[(r >> 8) as usize % pool.len()]
                        } else {
                            ((r >> 8) % 7) as f32 - 3.0
                        }
                    })
                    .collect();
                assert_eq!(argmax(&v), argmax_where(&v, |_| true), "{v:?}");
            }
        }
    }

    /// Every stored feature scores its own row (inline, side and dense
    /// rows, buckets overflowing into the next), absent ones score nothing,
    /// and the tables survive a save/load round trip.
    #[test]
    fn tables_find_every_row_and_round_trip() {
        let mut rng = crate::hash::Rng::new(3);
        for n_classes in [3usize, 20] {
            // Features whose 32-bit keys crowd a few buckets, plus spread ones.
            let feats: Vec<u64> = (0..3000u64)
                .map(|i| if i % 50 == 0 { (0x0100_0000 + i) << 32 } else { rng.next_u64() | (1 << 40) })
                .collect();
            let rows: Vec<(u32, Vec<(u8, f32)>)> = feats
                .iter()
                .enumerate()
                .map(|(i, &f)| {
                    let len = 1 + i % n_classes;
                    (key_of(f), (0..len).map(|c| (c as u8, 1.0 + (i % 7) as f32 - c as f32 * 0.5)).collect())
                })
                .collect();
            let w = Weights::build(n_classes, rows.clone(), 0.0);
            let mut e = Enc::new();
            w.encode(&mut e);
            let w2 = Weights::decode(&mut Dec::new(&e.buf, "test")).unwrap();
            assert_eq!(w.rows(), w2.rows());
            let mut scores = vec![0f32; n_classes];
            let mut wrong = 0;
            for (f, (_, row)) in feats.iter().zip(&rows) {
                let mut want = vec![0f32; n_classes];
                for &(c, x) in row {
                    want[c as usize] = x;
                }
                if n_classes == 3 {
                    want = vec![0.0, want[1] - want[0], want[2] - want[0]];
                }
                for m in [&w, &w2] {
                    m.score(&[*f], &mut scores);
                    wrong += usize::from(scores.iter().zip(&want).any(|(a, b)| (a - b).abs() > 0.05 * b.abs() + 0.01));
                }
            }
            // The three-class table keeps 16 bits of each key: a feature may
            // (rarely) be shadowed by another with the same bits before it.
            let allowed = if n_classes == 3 { 4 } else { 0 };
            assert!(wrong <= allowed, "{n_classes} classes: {wrong} features scored wrong");
            w.score(&[0x7777_0000_0000_0001], &mut scores);
            assert!(scores.iter().all(|&s| s == 0.0), "an absent feature scores nothing");
        }
    }
}
