//! The arc-hybrid transition system (Kuhlmann et al. 2011) with the root at
//! the end of the buffer (Ballesteros & Nivre 2013), and its dynamic oracle
//! (Goldberg & Nivre 2013).
//!
//! Words are `0..n`; the root is node `n`, the last buffer item. SHIFT
//! pushes the buffer front; LEFT(l) makes the buffer front the head of the
//! stack top and pops it; RIGHT(l) makes the second stack item the head of
//! the top and pops it. The root takes exactly one dependent: LEFT onto the
//! root is allowed only when the stack holds a single word, which keeps every
//! output a single-rooted projective tree.

/// "No node".
pub const NONE: u32 = u32::MAX;

/// A transition: SHIFT, or an arc with a label class.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Move {
    /// Push the buffer front.
    Shift,
    /// Buffer front → stack top, pop.
    Left(u8),
    /// Second stack item → stack top, pop.
    Right(u8),
}

impl Move {
    /// Class index for `n_labels` labels: 0, 1 + l, 1 + L + l.
    pub fn class(self, n_labels: usize) -> usize {
        match self {
            Move::Shift => 0,
            Move::Left(l) => 1 + l as usize,
            Move::Right(l) => 1 + n_labels + l as usize,
        }
    }

    /// The move of class `c`.
    pub fn from_class(c: usize, n_labels: usize) -> Move {
        if c == 0 {
            Move::Shift
        } else if c <= n_labels {
            Move::Left((c - 1) as u8)
        } else {
            Move::Right((c - 1 - n_labels) as u8)
        }
    }
}

/// A parser configuration plus the bookkeeping the features need.
#[derive(Debug, Clone)]
pub struct State {
    /// Number of words (the root is node `n`).
    pub n: usize,
    /// The stack, bottom first.
    pub stack: Vec<u32>,
    /// Buffer front (`n` = only the root is left).
    pub b: usize,
    /// Head of each node, `NONE` if unattached.
    pub heads: Vec<u32>,
    /// Label class of each attached node.
    pub labels: Vec<u8>,
    /// Leftmost and second-leftmost children.
    pub lc: Vec<[u32; 2]>,
    /// Rightmost and second-rightmost children.
    pub rc: Vec<[u32; 2]>,
    /// Number of left / right children.
    pub nl: Vec<u8>,
    /// Number of right children.
    pub nr: Vec<u8>,
    /// Bit sets of the labels of left children.
    pub lset: Vec<u64>,
    /// Bit sets of the labels of right children.
    pub rset: Vec<u64>,
    /// Whether the root has its dependent.
    pub root_taken: bool,
}

impl State {
    /// The initial configuration for `n` words.
    pub fn new(n: usize) -> State {
        let mut s = State {
            n: 0,
            stack: Vec::new(),
            b: 0,
            heads: Vec::new(),
            labels: Vec::new(),
            lc: Vec::new(),
            rc: Vec::new(),
            nl: Vec::new(),
            nr: Vec::new(),
            lset: Vec::new(),
            rset: Vec::new(),
            root_taken: false,
        };
        s.reset(n);
        s
    }

    /// Reinitialises for `n` words, reusing the buffers.
    pub fn reset(&mut self, n: usize) {
        self.n = n;
        self.stack.clear();
        self.b = 0;
        self.heads.clear();
        self.heads.resize(n + 1, NONE);
        self.labels.clear();
        self.labels.resize(n + 1, 0);
        self.lc.clear();
        self.lc.resize(n + 1, [NONE; 2]);
        self.rc.clear();
        self.rc.resize(n + 1, [NONE; 2]);
        self.nl.clear();
        self.nl.resize(n + 1, 0);
        self.nr.clear();
        self.nr.resize(n + 1, 0);
        self.lset.clear();
        self.lset.resize(n + 1, 0);
        self.rset.clear();
        self.rset.resize(n + 1, 0);
        self.root_taken = false;
    }

    /// True when parsing is over.
    pub fn is_terminal(&self) -> bool {
        self.stack.is_empty() && self.b >= self.n
    }

    /// The i-th stack item from the top, or `NONE`.
    #[inline]
    pub fn s(&self, i: usize) -> u32 {
        let l = self.stack.len();
        if i < l {
            self.stack[l - 1 - i]
        } else {
            NONE
        }
    }

    /// The i-th buffer item (the root counts), or `NONE`.
    #[inline]
    pub fn buf(&self, i: usize) -> u32 {
        let k = self.b + i;
        if k <= self.n {
            k as u32
        } else {
            NONE
        }
    }

    /// Whether SHIFT / LEFT / RIGHT are allowed; LEFT onto the root is
    /// allowed only for the root label (see [`State::root_label_ok`]).
    #[inline]
    pub fn valid(&self) -> (bool, bool, bool) {
        let shift = self.b < self.n;
        let left = !self.stack.is_empty() && (self.b < self.n || (self.stack.len() == 1 && !self.root_taken));
        let right = self.stack.len() >= 2;
        (shift, left, right)
    }

    /// Whether label `l` may be used by `mv` here: the root label exactly
    /// for the arc from the root.
    #[inline]
    pub fn label_ok(&self, mv: Move, root_label: u8) -> bool {
        match mv {
            Move::Shift => true,
            Move::Left(l) => (self.b == self.n) == (l == root_label),
            Move::Right(l) => l != root_label,
        }
    }

    fn add_arc(&mut self, h: u32, d: u32, l: u8) {
        let (hu, du) = (h as usize, d as usize);
        self.heads[du] = h;
        self.labels[du] = l;
        if d < h {
            let lc = &mut self.lc[hu];
            if lc[0] == NONE || d < lc[0] {
                lc[1] = lc[0];
                lc[0] = d;
            } else if lc[1] == NONE || d < lc[1] {
                lc[1] = d;
            }
            self.nl[hu] = self.nl[hu].saturating_add(1);
            self.lset[hu] |= 1u64 << (l & 63);
        } else {
            let rc = &mut self.rc[hu];
            if rc[0] == NONE || d > rc[0] {
                rc[1] = rc[0];
                rc[0] = d;
            } else if rc[1] == NONE || d > rc[1] {
                rc[1] = d;
            }
            self.nr[hu] = self.nr[hu].saturating_add(1);
            self.rset[hu] |= 1u64 << (l & 63);
        }
    }

    /// Applies a move (which must be valid).
    pub fn apply(&mut self, mv: Move) {
        match mv {
            Move::Shift => {
                self.stack.push(self.b as u32);
                self.b += 1;
            }
            Move::Left(l) => {
                let s0 = self.stack.pop().unwrap_or(NONE);
                if s0 != NONE {
                    if self.b == self.n {
                        self.root_taken = true;
                    }
                    self.add_arc(self.b as u32, s0, l);
                }
            }
            Move::Right(l) => {
                let s0 = self.stack.pop().unwrap_or(NONE);
                if let (true, Some(&s1)) = (s0 != NONE, self.stack.last()) {
                    self.add_arc(s1, s0, l);
                }
            }
        }
    }
}

/// Costs of SHIFT, LEFT and RIGHT (unlabelled) under the gold heads `gold`
/// (length `n`, values in `0..=n`, `n` for the root): how many still
/// reachable gold arcs each move loses. Only meaningful for valid moves.
pub fn costs(st: &State, gold: &[u32]) -> (u32, u32, u32) {
    let s0 = st.s(0);
    let s1 = st.s(1);
    let b = st.b as u32;
    let n = st.n as u32;
    let in_stack = |x: u32| st.stack.contains(&x);
    // SHIFT: b loses dependents on the stack, and a head deeper than s0.
    let mut shift = 0;
    if st.b < st.n {
        for &k in &st.stack {
            if gold[k as usize] == b {
                shift += 1;
            }
        }
        let h = gold[st.b];
        if h != s0 && h != n && in_stack(h) {
            shift += 1;
        }
    }
    let (mut left, mut right) = (0, 0);
    if s0 != NONE {
        // Dependents of s0 still in the buffer are lost by popping it.
        let deps = gold[st.b.min(st.n)..st.n].iter().filter(|&&h| h == s0).count() as u32;
        let h = gold[s0 as usize];
        let h_in_buffer = h >= b; // includes the root
        left = deps + u32::from(h != b && (h == s1 || h_in_buffer));
        right = deps + u32::from(h != s1 && h_in_buffer);
    }
    (shift, left, right)
}

/// Lifts non-projective arcs (shortest first) to the head's head until the
/// tree is projective, so the oracle can reproduce it. `heads` is 1-based
/// with 0 for the root, as in CoNLL-U.
pub fn projectivize(heads: &mut [usize]) {
    let n = heads.len();
    loop {
        let mut worst: Option<(usize, usize)> = None; // (length, dependent)
        for d in 1..=n {
            let h = heads[d - 1];
            if h == 0 {
                continue;
            }
            let (lo, hi) = if h < d { (h, d) } else { (d, h) };
            let nonproj = (lo + 1..hi).any(|k| !dominates(heads, h, k));
            if nonproj && worst.is_none_or(|(len, _)| hi - lo < len) {
                worst = Some((hi - lo, d));
            }
        }
        match worst {
            Some((_, d)) => {
                let h = heads[d - 1];
                heads[d - 1] = heads[h - 1];
            }
            None => return,
        }
    }
}

/// True when `h` dominates `k` (1-based ids, 0 = root).
fn dominates(heads: &[usize], h: usize, mut k: usize) -> bool {
    let mut steps = 0;
    while k != 0 && steps <= heads.len() {
        if k == h {
            return true;
        }
        k = heads[k - 1];
        steps += 1;
    }
    h == 0
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Follows zero-cost moves only and checks the gold tree comes out.
    fn oracle_parse(heads1: &[usize]) -> Vec<u32> {
        let n = heads1.len();
        let gold: Vec<u32> = heads1.iter().map(|&h| if h == 0 { n as u32 } else { h as u32 - 1 }).collect();
        let mut st = State::new(n);
        while !st.is_terminal() {
            let (vs, vl, vr) = st.valid();
            let (cs, cl, cr) = costs(&st, &gold);
            let mv = if vl && cl == 0 {
                Move::Left(0)
            } else if vr && cr == 0 {
                Move::Right(0)
            } else if vs && cs == 0 {
                Move::Shift
            } else {
                panic!("no zero-cost move for {heads1:?} at stack {:?} b {}", st.stack, st.b)
            };
            st.apply(mv);
        }
        st.heads[..n].to_vec()
    }

    #[test]
    fn oracle_reproduces_projective_trees() {
        // "Budanov said the drones came from Iran ." (UD-style heads)
        let trees: &[&[usize]] = &[
            &[2, 0, 4, 5, 2, 7, 5, 2],
            &[0],
            &[2, 0, 2],
            &[0, 1, 2, 3, 4],
            &[5, 5, 5, 5, 0],
            &[3, 3, 0, 5, 3, 7, 5, 3],
        ];
        for t in trees {
            let n = t.len();
            let got = oracle_parse(t);
            let want: Vec<u32> = t.iter().map(|&h| if h == 0 { n as u32 } else { h as u32 - 1 }).collect();
            assert_eq!(got, want, "tree {t:?}");
        }
    }

    #[test]
    fn projectivize_lifts_crossing_arcs() {
        // Word 2's head 4 spans word 3, the root, which 4 does not dominate.
        let mut t = vec![3, 4, 0, 3];
        projectivize(&mut t);
        assert_eq!(t, [3, 3, 0, 3]);
        let mut p = vec![2, 0, 4, 2];
        projectivize(&mut p);
        assert_eq!(p, [2, 0, 4, 2], "a projective tree is left alone");
    }
}
