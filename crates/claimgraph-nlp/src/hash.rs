//! Feature hashing: features are 64-bit hashes of a template id and its
//! values, combined with the Fx mixing step (the one `rustc-hash` uses), so
//! that building a feature costs a rotate, a xor and a multiply and never
//! allocates.

/// The Fx multiplier.
const K: u64 = 0x517c_c1b7_2722_0a95;

/// Mixes `v` into the running hash `h`.
#[inline(always)]
pub fn mix(h: u64, v: u64) -> u64 {
    (h.rotate_left(5) ^ v).wrapping_mul(K)
}

/// Hash of a feature template id with one value.
#[inline(always)]
pub fn f1(template: u64, a: u64) -> u64 {
    mix(mix(template.wrapping_add(1), a), 0x9e37)
}

/// Hash of a feature template id with two values.
#[inline(always)]
pub fn f2(template: u64, a: u64, b: u64) -> u64 {
    mix(mix(mix(template.wrapping_add(1), a), b), 0x9e37)
}

/// Hash of a feature template id with three values.
#[inline(always)]
pub fn f3(template: u64, a: u64, b: u64, c: u64) -> u64 {
    mix(mix(mix(mix(template.wrapping_add(1), a), b), c), 0x9e37)
}

/// Hash of a byte string (a word form, a suffix), eight bytes at a time.
#[inline]
pub fn bytes(s: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    let mut chunks = s.chunks_exact(8);
    for c in &mut chunks {
        let mut b = [0u8; 8];
        b.copy_from_slice(c);
        h = mix(h, u64::from_le_bytes(b));
    }
    let rest = chunks.remainder();
    if !rest.is_empty() {
        let mut b = [0u8; 8];
        b[..rest.len()].copy_from_slice(rest);
        h = mix(h, u64::from_le_bytes(b));
    }
    mix(h, s.len() as u64)
}

/// Hash of a string.
#[inline]
pub fn str(s: &str) -> u64 {
    bytes(s.as_bytes())
}

/// A small deterministic random number generator (SplitMix64), so that
/// training runs are reproducible without a dependency.
#[derive(Debug, Clone)]
pub struct Rng(u64);

impl Rng {
    /// A generator seeded with `seed`.
    pub fn new(seed: u64) -> Self {
        Rng(seed)
    }

    /// The next 64 random bits.
    pub fn next_u64(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9e37_79b9_7f4a_7c15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
        z ^ (z >> 31)
    }

    /// A uniform float in [0, 1).
    pub fn next_f64(&mut self) -> f64 {
        (self.next_u64() >> 11) as f64 / (1u64 << 53) as f64
    }

    /// Shuffles `v` in place (Fisher–Yates).
    pub fn shuffle<T>(&mut self, v: &mut [T]) {
        for i in (1..v.len()).rev() {
            let j = (self.next_u64() % (i as u64 + 1)) as usize;
            v.swap(i, j);
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hashes_differ_by_template_and_value() {
        assert_ne!(f1(1, 5), f1(2, 5));
        assert_ne!(f1(1, 5), f1(1, 6));
        assert_ne!(f2(1, 5, 6), f2(1, 6, 5));
        assert_ne!(str("abc"), str("abd"));
        assert_ne!(str("abcdefgh"), str("abcdefgh\0"));
    }

    #[test]
    fn rng_is_deterministic() {
        let a: Vec<u64> = (0..5).scan(Rng::new(7), |r, _| Some(r.next_u64())).collect();
        let b: Vec<u64> = (0..5).scan(Rng::new(7), |r, _| Some(r.next_u64())).collect();
        assert_eq!(a, b);
    }
}
