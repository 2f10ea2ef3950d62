//! The versioned binary container every model file uses.
//!
//! Layout: the 8-byte magic `CGNLPMDL`, the model kind as a length-prefixed
//! string (`tagger`, `parser`, `ner`), the format version (`u32` little
//! endian), then the body compressed with DEFLATE. A file of another kind or
//! version is refused with a [`ModelError`] naming what was found, so an
//! incompatible model never half-loads.

use std::borrow::Cow;
use std::io::{Read, Write};

use flate2::read::DeflateDecoder;
use flate2::write::DeflateEncoder;
use flate2::Compression;

use crate::core::ModelError;

/// The magic bytes at the start of every model file.
const MAGIC: &[u8; 8] = b"CGNLPMDL";

/// Wraps an encoded body in the container: magic, kind, version, DEFLATE.
pub fn wrap(kind: &str, version: u32, body: &[u8]) -> Vec<u8> {
    let mut out = Vec::with_capacity(body.len() / 2 + 32);
    out.extend_from_slice(MAGIC);
    out.push(kind.len() as u8);
    out.extend_from_slice(kind.as_bytes());
    out.extend_from_slice(&version.to_le_bytes());
    let mut enc = DeflateEncoder::new(out, Compression::best());
    // Writing into a Vec cannot fail.
    let _ = enc.write_all(body);
    enc.finish().unwrap_or_default()
}

/// Checks the container header and returns the decompressed body.
pub fn unwrap(kind: &str, version: u32, bytes: &[u8]) -> Result<Vec<u8>, ModelError> {
    let start = check_header(kind, version, bytes)?;
    // Model bodies are hashes and weights that DEFLATE barely shrinks: room
    // for twice the compressed size spares the copies (and page faults) of
    // a vector grown from empty.
    let mut body = Vec::with_capacity(bytes.len().saturating_mul(2));
    DeflateDecoder::new(&bytes[start..])
        .read_to_end(&mut body)
        .map_err(|e| ModelError::Malformed { name: kind.to_string(), message: format!("corrupt body: {e}") })?;
    Ok(body)
}

/// [`unwrap`] for the models of this crate: the body of a shipped model
/// file compiled into the binary was decompressed at build time and is
/// borrowed (after the same header checks); any other file is decompressed.
pub(crate) fn unwrap_model(kind: &str, version: u32, bytes: &[u8]) -> Result<Cow<'static, [u8]>, ModelError> {
    match crate::core::shipped_body(bytes) {
        Some(body) => {
            check_header(kind, version, bytes)?;
            Ok(Cow::Borrowed(body))
        }
        None => unwrap(kind, version, bytes).map(Cow::Owned),
    }
}

/// [`unwrap`] for a model file embedded in a binary whose body a build
/// script inflated beforehand (`body`, empty when it could not): the header
/// is checked as usual and the body borrowed, so that loading skips the
/// decompression; with no body the file is decompressed as usual. The
/// caller vouches that `body` is the inflated body of `bytes`.
pub fn unwrap_prebuilt(
    kind: &str,
    version: u32,
    bytes: &[u8],
    body: &'static [u8],
) -> Result<Cow<'static, [u8]>, ModelError> {
    if body.is_empty() {
        return unwrap(kind, version, bytes).map(Cow::Owned);
    }
    check_header(kind, version, bytes)?;
    Ok(Cow::Borrowed(body))
}

/// Checks the container header (magic, kind, version) and returns where the
/// compressed body starts.
fn check_header(kind: &str, version: u32, bytes: &[u8]) -> Result<usize, ModelError> {
    let bad = |message: String| ModelError::Malformed { name: kind.to_string(), message };
    if bytes.len() < MAGIC.len() + 5 || &bytes[..MAGIC.len()] != MAGIC {
        return Err(bad("not a claimgraph model file (bad magic)".into()));
    }
    let klen = bytes[MAGIC.len()] as usize;
    let kstart = MAGIC.len() + 1;
    let found_kind = bytes
        .get(kstart..kstart + klen)
        .map(|k| String::from_utf8_lossy(k).into_owned())
        .ok_or_else(|| bad("truncated header".into()))?;
    if found_kind != kind {
        return Err(bad(format!("file holds a `{found_kind}` model, expected `{kind}`")));
    }
    let vstart = kstart + klen;
    let v = bytes.get(vstart..vstart + 4).ok_or_else(|| bad("truncated header".into()))?;
    let found_version = u32::from_le_bytes([v[0], v[1], v[2], v[3]]);
    if found_version != version {
        return Err(bad(format!(
            "format version {found_version}, this build reads version {version}; retrain or use a matching build"
        )));
    }
    Ok(vstart + 4)
}

/// An append-only encoder for model bodies.
#[derive(Debug, Default)]
pub struct Enc {
    /// The bytes written so far.
    pub buf: Vec<u8>,
}

impl Enc {
    /// A new, empty encoder.
    pub fn new() -> Self {
        Enc::default()
    }
    /// Writes one byte.
    pub fn u8(&mut self, v: u8) {
        self.buf.push(v);
    }
    /// Writes a `u32`, little endian.
    pub fn u32(&mut self, v: u32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes a `u64`, little endian.
    pub fn u64(&mut self, v: u64) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes an `f32`, little endian.
    pub fn f32(&mut self, v: f32) {
        self.buf.extend_from_slice(&v.to_le_bytes());
    }
    /// Writes an unsigned LEB128 integer.
    pub fn var(&mut self, mut v: u64) {
        while v >= 0x80 {
            self.buf.push((v as u8) | 0x80);
            v >>= 7;
        }
        self.buf.push(v as u8);
    }
    /// Writes a length-prefixed string.
    pub fn str(&mut self, s: &str) {
        self.var(s.len() as u64);
        self.buf.extend_from_slice(s.as_bytes());
    }
}

/// A cursor over a model body; every read checks bounds.
#[derive(Debug)]
pub struct Dec<'a> {
    buf: &'a [u8],
    pos: usize,
    name: &'static str,
}

impl<'a> Dec<'a> {
    /// A decoder over `buf` for the model called `name` (used in errors).
    pub fn new(buf: &'a [u8], name: &'static str) -> Self {
        Dec { buf, pos: 0, name }
    }

    /// An error naming this model.
    pub fn err(&self, message: impl Into<String>) -> ModelError {
        ModelError::Malformed { name: self.name.to_string(), message: message.into() }
    }

    #[inline]
    fn take(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        let end = self.pos.checked_add(n).filter(|&e| e <= self.buf.len());
        match end {
            Some(end) => {
                let s = &self.buf[self.pos..end];
                self.pos = end;
                Ok(s)
            }
            None => Err(self.err(format!("truncated body at byte {}", self.pos))),
        }
    }
    /// Reads `n` bytes.
    #[inline]
    pub fn bytes(&mut self, n: usize) -> Result<&'a [u8], ModelError> {
        self.take(n)
    }
    /// Reads one byte.
    #[inline]
    pub fn u8(&mut self) -> Result<u8, ModelError> {
        Ok(self.take(1)?[0])
    }
    /// Reads a little-endian `u32`.
    #[inline]
    pub fn u32(&mut self) -> Result<u32, ModelError> {
        let b = self.take(4)?;
        Ok(u32::from_le_bytes([b[0], b[1], b[2], b[3]]))
    }
    /// Reads a little-endian `u64`.
    #[inline]
    pub fn u64(&mut self) -> Result<u64, ModelError> {
        let b = self.take(8)?;
        let mut a = [0u8; 8];
        a.copy_from_slice(b);
        Ok(u64::from_le_bytes(a))
    }
    /// Reads a little-endian `f32`.
    #[inline]
    pub fn f32(&mut self) -> Result<f32, ModelError> {
        Ok(f32::from_bits(self.u32()?))
    }
    /// Reads an unsigned LEB128 integer.
    #[inline]
    pub fn var(&mut self) -> Result<u64, ModelError> {
        // Fast path (model loading reads millions of these): a varint of at
        // most ten bytes wholly inside the buffer, decoded without a bounds
        // check per byte. Anything else (truncated, overlong) takes the
        // checked path below, which reports the error.
        let rest = &self.buf[self.pos.min(self.buf.len())..];
        let mut v = 0u64;
        for (i, &b) in rest.iter().take(10).enumerate() {
            v |= u64::from(b & 0x7f) << (7 * i);
            if b & 0x80 == 0 {
                self.pos += i + 1;
                return Ok(v);
            }
        }
        self.var_checked()
    }

    /// [`Dec::var`] one checked byte at a time.
    fn var_checked(&mut self) -> Result<u64, ModelError> {
        let mut v = 0u64;
        let mut shift = 0;
        loop {
            let b = self.u8()?;
            if shift >= 64 {
                return Err(self.err("varint overflow"));
            }
            v |= u64::from(b & 0x7f) << shift;
            if b & 0x80 == 0 {
                return Ok(v);
            }
            shift += 7;
        }
    }
    /// Reads a count that must not exceed the bytes left (a guard against
    /// allocating gigabytes for a corrupt length).
    pub fn count(&mut self) -> Result<usize, ModelError> {
        let n = self.var()? as usize;
        if n > self.buf.len().saturating_sub(self.pos).saturating_mul(8) + 1024 {
            return Err(self.err(format!("implausible length {n}")));
        }
        Ok(n)
    }
    /// Reads a length-prefixed string.
    pub fn str(&mut self) -> Result<String, ModelError> {
        let n = self.count()?;
        let b = self.take(n)?;
        String::from_utf8(b.to_vec()).map_err(|_| self.err("invalid UTF-8 in string"))
    }
    /// True when the whole body has been read.
    pub fn done(&self) -> bool {
        self.pos == self.buf.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn container_round_trips_and_rejects_mismatches() {
        let mut e = Enc::new();
        e.u32(7);
        e.var(300);
        e.str("héllo");
        e.f32(1.5);
        let file = wrap("tagger", 3, &e.buf);
        let body = unwrap("tagger", 3, &file).unwrap();
        let mut d = Dec::new(&body, "tagger");
        assert_eq!(d.u32().unwrap(), 7);
        assert_eq!(d.var().unwrap(), 300);
        assert_eq!(d.str().unwrap(), "héllo");
        assert_eq!(d.f32().unwrap(), 1.5);
        assert!(d.done());
        assert!(d.u8().is_err());

        let wrong_kind = unwrap("parser", 3, &file).unwrap_err().to_string();
        assert!(wrong_kind.contains("`tagger` model"), "{wrong_kind}");
        let wrong_version = unwrap("tagger", 4, &file).unwrap_err().to_string();
        assert!(wrong_version.contains("format version 3"), "{wrong_version}");
        assert!(unwrap("tagger", 3, b"garbage").is_err());
    }

    /// The shipped models' bodies inflated at build time are exactly what
    /// run-time decompression gives; only the embedded files themselves
    /// (not a copy) take the shortcut, and their headers are still checked.
    #[test]
    fn shipped_bodies_equal_run_time_decompression() {
        use crate::core::{DEFAULT_NER, DEFAULT_PARSER, DEFAULT_TAGGER};
        let models = [
            ("tagger", crate::tagger::TAGGER_VERSION, DEFAULT_TAGGER),
            ("parser", crate::parser::PARSER_VERSION, DEFAULT_PARSER),
            ("ner", crate::ner::NER_VERSION, DEFAULT_NER),
        ];
        for (kind, version, file) in models {
            let fast = unwrap_model(kind, version, file).unwrap();
            assert!(matches!(fast, Cow::Borrowed(_)), "{kind}: the build-time body is used");
            assert_eq!(&fast[..], &unwrap(kind, version, file).unwrap()[..], "{kind}");
            let copy = file.to_vec();
            assert!(matches!(unwrap_model(kind, version, &copy).unwrap(), Cow::Owned(_)), "{kind}: a copy inflates");
            assert!(unwrap_model(kind, version + 1, file).is_err(), "{kind}: the version is checked");
            assert!(unwrap_model("other", version, file).is_err(), "{kind}: the kind is checked");
        }
    }
}
