//! Feature hashing for the taggers: one mixing scheme, salted per tagger so
//! that equal templates of two taggers never share a weight row.

use claimgraph_nlp::hash::mix;

/// A tagger's salt: the multiplier of the template id and the final mix.
#[derive(Debug, Clone, Copy)]
pub struct Salt {
    /// Multiplies the template id.
    pub mul: u64,
    /// Mixed in last.
    pub add: u64,
}

impl Salt {
    /// A feature of template `t` with one value.
    #[inline]
    pub fn f(self, t: u64, a: u64) -> u64 {
        mix(mix(t.wrapping_mul(self.mul), a), self.add)
    }

    /// A feature of template `t` with two values.
    #[inline]
    pub fn f2(self, t: u64, a: u64, b: u64) -> u64 {
        mix(self.f(t, a), b)
    }

    /// A feature of template `t` with three values.
    #[inline]
    pub fn f3(self, t: u64, a: u64, b: u64, c: u64) -> u64 {
        mix(mix(self.f(t, a), b), c)
    }

    /// A feature of template `t` with four values.
    #[inline]
    pub fn f4(self, t: u64, a: u64, b: u64, c: u64, d: u64) -> u64 {
        mix(mix(mix(self.f(t, a), b), c), d)
    }
}
