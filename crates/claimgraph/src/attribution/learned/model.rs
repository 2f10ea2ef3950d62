//! The attribution model: the cue tagger's and the role tagger's weights
//! in one versioned file (`models/attribution.bin`, compiled into the
//! binary), and the run-time prediction over an analysed document.

use std::ops::Range;
use std::sync::LazyLock;

use claimgraph_nlp::format::{unwrap, unwrap_prebuilt, wrap, Dec, Enc};
use claimgraph_nlp::ModelError;

use super::cue;
use super::gold::TokenAttribution;
use super::roles::{self, CueInfo, CueMap};
use super::view::{View, WordClasses};
use super::weights::Weights;

/// The model kind in the file header.
pub const KIND: &str = "attribution";
/// The format version this build reads and writes. Bump it whenever the
/// features change: an old file would load but score nonsense.
pub const VERSION: u32 = 2;

/// The shipped model file (see `models/README.md`).
pub static DEFAULT_MODEL: &[u8] = include_bytes!("../../../../../models/attribution.bin");

/// The environment variable naming a model file to use instead of the
/// shipped one (for trying a freshly trained model with any command,
/// `extract` and the acceptance scorer included, without rebuilding).
pub const MODEL_ENV: &str = "CLAIMGRAPH_ATTRIBUTION_MODEL";

static DEFAULT: LazyLock<Result<Model, String>> = LazyLock::new(|| match std::env::var_os(MODEL_ENV) {
    Some(path) => std::fs::read(&path)
        .map_err(|e| format!("{MODEL_ENV}={}: {e}", path.to_string_lossy()))
        .and_then(|b| Model::from_bytes(&b).map_err(|e| format!("{MODEL_ENV}={}: {e}", path.to_string_lossy()))),
    None => Model::shipped().map_err(|e| e.to_string()),
});

/// The body of [`DEFAULT_MODEL`], inflated at build time by `build.rs`
/// (empty if it could not be).
static SHIPPED_BODY: &[u8] = include_bytes!(concat!(env!("OUT_DIR"), "/attribution.body"));

static OVERRIDE: std::sync::OnceLock<Model> = std::sync::OnceLock::new();

/// The model the claim stage uses: the one given to [`use_model`], else the
/// file named by [`MODEL_ENV`], else the shipped one, loaded once on first
/// use; an error message when the
/// embedded file cannot be read (then the rules run alone).
pub fn default_model() -> Result<&'static Model, &'static str> {
    if let Some(m) = OVERRIDE.get() {
        return Ok(m);
    }
    DEFAULT.as_ref().map_err(|e| e.as_str())
}

/// Makes the claim stage use `model` instead of the shipped one for the
/// rest of the process (for evaluating a freshly trained file). Returns
/// false when a model was already set.
pub fn use_model(model: Model) -> bool {
    OVERRIDE.set(model).is_ok()
}

/// A trained attribution model.
#[derive(Debug, Clone, Default)]
pub struct Model {
    /// The cue tagger.
    pub cue: Weights,
    /// The role (source/content) tagger.
    pub roles: Weights,
    /// Word classes (from the linguistic core's clusters), keyed by the
    /// hash of the lower-cased word, so that the model carries the classes
    /// it was trained with.
    pub classes: WordClasses,
    /// A free-text note on how the model was trained.
    pub note: String,
}

impl Model {
    /// The model file's bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut e = Enc::new();
        e.str(&self.note);
        let mut classes: Vec<(&u64, &(u16, u16))> = self.classes.iter().collect();
        classes.sort();
        e.var(classes.len() as u64);
        for (k, (f, c)) in classes {
            e.u64(*k);
            e.var(u64::from(*f));
            e.var(u64::from(*c));
        }
        self.cue.encode(&mut e);
        self.roles.encode(&mut e);
        wrap(KIND, VERSION, &e.buf)
    }

    /// Reads a model file.
    pub fn from_bytes(bytes: &[u8]) -> Result<Model, ModelError> {
        Model::from_body(&unwrap(KIND, VERSION, bytes)?)
    }

    /// Reads the shipped model file, [`DEFAULT_MODEL`], from the body
    /// inflated at build time (its header still checked): the same model as
    /// `from_bytes(DEFAULT_MODEL)` without decompressing 3 MB on every run.
    pub fn shipped() -> Result<Model, ModelError> {
        Model::from_body(&unwrap_prebuilt(KIND, VERSION, DEFAULT_MODEL, SHIPPED_BODY)?)
    }

    /// Reads a model file's decompressed body.
    fn from_body(body: &[u8]) -> Result<Model, ModelError> {
        let mut d = Dec::new(body, "attribution");
        let note = d.str()?;
        let n = d.var()? as usize;
        if n > 1 << 24 {
            return Err(d.err(format!("implausible word-class count {n}")));
        }
        let mut classes = WordClasses::default();
        classes.reserve(n);
        for _ in 0..n {
            let k = d.u64()?;
            let f = u16::try_from(d.var()?).map_err(|_| d.err("word class out of range"))?;
            let c = u16::try_from(d.var()?).map_err(|_| d.err("word class out of range"))?;
            classes.insert(k, (f, c));
        }
        let cue = Weights::decode(&mut d)?;
        let roles = Weights::decode(&mut d)?;
        if cue.classes() != cue::K || roles.classes() != roles::K {
            return Err(d.err("unexpected class counts"));
        }
        if !d.done() {
            return Err(d.err("trailing bytes"));
        }
        Ok(Model { cue, roles, classes, note })
    }

    /// True when the model holds no weights (an untrained placeholder).
    pub fn is_empty(&self) -> bool {
        self.cue.is_empty()
    }

    /// The cues of the document seen through `v`, in text order.
    pub fn cues(&self, v: &View) -> Vec<Range<usize>> {
        let mut bufs = cue::Buffers::default();
        let mut out = Vec::new();
        for s in &v.sentences {
            if !s.is_empty() {
                cue::tag_sentence(&self.cue, v, s.clone(), &mut bufs, &mut out);
            }
        }
        out
    }

    /// The sources and contents of each of `cues` (token ranges, in text
    /// order).
    pub fn roles(&self, v: &View, cues: &[Range<usize>]) -> Vec<roles::Roles> {
        let map = CueMap::new(v, cues, comma_hash());
        let mut cache = roles::Cache::new(v.n);
        cues.iter()
            .enumerate()
            .map(|(i, c)| roles::tag_frozen(&self.roles, v, &map, &CueInfo::new(v, c.clone(), i as u32), &mut cache))
            .collect()
    }

    /// Every attribution the model finds: cues, then their roles. A cue
    /// without content is dropped.
    pub fn predict(&self, v: &View) -> Vec<TokenAttribution> {
        if self.is_empty() {
            return Vec::new();
        }
        let cues = self.cues(v);
        let roles = self.roles(v, &cues);
        cues.into_iter()
            .zip(roles)
            .filter(|(_, r)| !r.contents.is_empty())
            .map(|(cue, r)| TokenAttribution { cue, sources: r.sources, contents: r.contents })
            .collect()
    }
}

/// The hash of "," as the view stores it.
pub fn comma_hash() -> u64 {
    claimgraph_nlp::hash::str(",")
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The body inflated at build time is exactly what run-time
    /// decompression gives, and the model read from it is the same.
    #[test]
    fn the_build_time_body_equals_run_time_decompression() {
        assert!(!SHIPPED_BODY.is_empty(), "build.rs inflated models/attribution.bin");
        assert_eq!(SHIPPED_BODY, &unwrap(KIND, VERSION, DEFAULT_MODEL).expect("the shipped model inflates")[..]);
        let (fast, slow) = (Model::shipped().expect("shipped"), Model::from_bytes(DEFAULT_MODEL).expect("from bytes"));
        assert_eq!(fast.to_bytes(), slow.to_bytes());
        assert!(unwrap_prebuilt(KIND, VERSION + 1, DEFAULT_MODEL, SHIPPED_BODY).is_err(), "the version is checked");
    }
}
