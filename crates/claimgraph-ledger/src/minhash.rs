//! Near-duplicate detection: MinHash signatures over word shingles, with
//! locality-sensitive banding so that candidates are found through an index
//! instead of by comparing every pair.
//!
//! A wire story reprinted with a new headline, a different footer or a
//! trimmed last paragraph shares most of its 4-word shingles with the
//! original (Jaccard similarity around 0.8–0.95 for a news-length article),
//! while two independent articles about the same event share few (< 0.2).
//! [`BANDS`] × [`ROWS`] = 16 × 4 makes a pair with similarity 0.7 a
//! candidate with probability 1 − (1 − 0.7⁴)¹⁶ ≈ 0.99, one with 0.3 with
//! probability ≈ 0.12; candidates are then confirmed on the full signature
//! ([`DUPLICATE_THRESHOLD`]).

use crate::norm::{fnv64, mix64, words};

/// Hash functions per signature.
pub const HASHES: usize = 64;
/// Bands of the LSH index.
pub const BANDS: usize = 16;
/// Signature rows per band.
pub const ROWS: usize = HASHES / BANDS;
/// Words per shingle.
pub const SHINGLE: usize = 4;
/// Estimated Jaccard similarity from which two documents are copies.
pub const DUPLICATE_THRESHOLD: f64 = 0.5;
/// Documents with fewer words than this are never linked as copies: short
/// texts share shingles by chance and a two-line brief is its own source.
pub const MIN_WORDS: usize = 25;

/// A MinHash signature: the minimum of each of [`HASHES`] hash functions
/// over the document's shingles.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; HASHES]);

impl Signature {
    /// The signature of a text, or `None` when it is too short to judge.
    pub fn of_text(text: &str) -> Option<Signature> {
        let words: Vec<String> = words(text).into_iter().map(str::to_lowercase).collect();
        if words.len() < MIN_WORDS {
            return None;
        }
        let mut mins = [u32::MAX; HASHES];
        for shingle in words.windows(SHINGLE) {
            let mut h = 0xcbf2_9ce4_8422_2325u64;
            for w in shingle {
                h = mix64(h ^ fnv64(w.as_bytes()));
            }
            for (i, m) in mins.iter_mut().enumerate() {
                // One base hash, re-mixed per function: cheap and
                // independent enough for MinHash.
                let v = (mix64(h ^ (i as u64).wrapping_mul(0x9e37_79b9_7f4a_7c15)) >> 32) as u32;
                if v < *m {
                    *m = v;
                }
            }
        }
        Some(Signature(mins))
    }

    /// The estimated Jaccard similarity of the two shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let same = self.0.iter().zip(other.0.iter()).filter(|(a, b)| a == b).count();
        same as f64 / HASHES as f64
    }

    /// The band keys under which the document is indexed.
    pub fn band_keys(&self) -> [i64; BANDS] {
        let mut keys = [0i64; BANDS];
        for (b, key) in keys.iter_mut().enumerate() {
            let mut h = fnv64(&(b as u64).to_le_bytes());
            for v in &self.0[b * ROWS..(b + 1) * ROWS] {
                h = mix64(h ^ u64::from(*v));
            }
            *key = h as i64;
        }
        keys
    }

    /// The signature as stored (little-endian u32s).
    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|v| v.to_le_bytes()).collect()
    }

    /// A stored signature, or `None` when the bytes are not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Signature> {
        if bytes.len() != HASHES * 4 {
            return None;
        }
        let mut out = [0u32; HASHES];
        for (i, chunk) in bytes.chunks_exact(4).enumerate() {
            out[i] = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(Signature(out))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "Officials in the capital said on Tuesday that the new bridge across the river would open \
        to traffic next spring after two years of delays caused by funding disputes and a shortage of steel. \
        The transport minister told reporters that the contractor had agreed to pay a penalty for each week of \
        further delay, and that the cost of the project had risen by a third since construction began.";

    #[test]
    fn reprint_with_new_headline_and_footer_is_similar() {
        let a = Signature::of_text(&format!("Bridge to open next spring\n\n{STORY}\n\nRead more on our site")).unwrap();
        let b =
            Signature::of_text(&format!("Delayed bridge finally nears completion\n\n{STORY}\n\nFollow us")).unwrap();
        assert!(a.similarity(&b) >= DUPLICATE_THRESHOLD, "{}", a.similarity(&b));
        let shared = a.band_keys().iter().zip(b.band_keys().iter()).filter(|(x, y)| x == y).count();
        assert!(shared > 0);
    }

    #[test]
    fn different_stories_are_not() {
        let a = Signature::of_text(STORY).unwrap();
        let other = "The football club announced on Friday that its long-serving captain would retire at the end \
            of the season, ending a career of more than fifteen years in which he won three league titles and \
            played in two cup finals, and thanked the supporters for their loyalty through difficult times.";
        let b = Signature::of_text(other).unwrap();
        assert!(a.similarity(&b) < 0.2);
    }

    #[test]
    fn short_texts_have_no_signature_and_bytes_round_trip() {
        assert!(Signature::of_text("Too short to judge.").is_none());
        let a = Signature::of_text(STORY).unwrap();
        assert_eq!(Signature::from_bytes(&a.to_bytes()), Some(a));
    }
}
