//! The trained linguistic core: tagger, lemmatiser, parser and recogniser
//! behind one handle, loaded once and shared across threads.
//!
//! The shipped models are compiled into the binary from the repository's
//! `models/` directory, so nothing is read or downloaded at run time.

use crate::labels::Xpos;
use crate::ner::Ner;
use crate::parser::Parser;
use crate::tagger::Tagger;
use crate::token::{Analysis, EntitySpan};

/// Errors loading or reading a model.
#[derive(Debug, thiserror::Error)]
pub enum ModelError {
    /// The model bytes are malformed or of another version.
    #[error("model {name}: {message}")]
    Malformed {
        /// Which model.
        name: String,
        /// What is wrong.
        message: String,
    },
    /// Reading a model file failed.
    #[error("model file {path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// The shipped tagger model file (see `models/README.md`).
pub static DEFAULT_TAGGER: &[u8] = include_bytes!("../../../models/tagger.bin");
/// The shipped parser model file.
pub static DEFAULT_PARSER: &[u8] = include_bytes!("../../../models/parser.bin");
/// The shipped named-entity model file.
pub static DEFAULT_NER: &[u8] = include_bytes!("../../../models/ner.bin");

/// The bodies of the shipped model files, decompressed at build time by
/// `build.rs` (empty if it could not).
static SHIPPED_BODIES: [&[u8]; 3] = [
    include_bytes!(concat!(env!("OUT_DIR"), "/tagger.body")),
    include_bytes!(concat!(env!("OUT_DIR"), "/parser.body")),
    include_bytes!(concat!(env!("OUT_DIR"), "/ner.body")),
];

/// The build-time decompressed body of `file` when it is one of the shipped
/// model files compiled into this binary (the very bytes, not a copy), so
/// that loading the shipped models skips inflating them.
pub(crate) fn shipped_body(file: &[u8]) -> Option<&'static [u8]> {
    let shipped: [&[u8]; 3] = [DEFAULT_TAGGER, DEFAULT_PARSER, DEFAULT_NER];
    let k = shipped.iter().position(|s| std::ptr::eq(*s, file))?;
    Some(SHIPPED_BODIES[k]).filter(|b| !b.is_empty())
}

/// The three trained models.
#[derive(Debug)]
struct Models {
    tagger: Tagger,
    parser: Parser,
    ner: Ner,
}

/// The loaded models. Cheap to share (`&Core` is `Sync`).
///
/// `Core::default()` is an empty core whose [`Core::annotate`] leaves the
/// analysis untouched (for tests of later stages that need no models).
#[derive(Debug, Default)]
pub struct Core {
    models: Option<Models>,
}

impl Core {
    /// Loads the models shipped in the binary. The environment variable
    /// `CLAIMGRAPH_TAGGER_MODEL`, when set, names a tagger file used instead
    /// of the shipped one (to compare a retrained tagger end to end).
    pub fn load_default() -> Result<Core, ModelError> {
        match std::env::var_os("CLAIMGRAPH_TAGGER_MODEL") {
            Some(path) => {
                let tagger = std::fs::read(&path)
                    .map_err(|source| ModelError::Io { path: path.to_string_lossy().into_owned(), source })?;
                Core::from_bytes(&tagger, DEFAULT_PARSER, DEFAULT_NER)
            }
            None => Core::from_bytes(DEFAULT_TAGGER, DEFAULT_PARSER, DEFAULT_NER),
        }
    }

    /// Loads models from model-file bytes. The parser (the largest) is
    /// decoded on a second thread while the tagger and recogniser load.
    pub fn from_bytes(tagger: &[u8], parser: &[u8], ner: &[u8]) -> Result<Core, ModelError> {
        let (parser, tagger, ner) = std::thread::scope(|s| {
            let p = s.spawn(|| Parser::from_bytes(parser));
            let t = Tagger::from_bytes(tagger);
            let n = Ner::from_bytes(ner);
            let p = p.join().unwrap_or_else(|_| {
                Err(ModelError::Malformed { name: "parser".into(), message: "loader thread panicked".into() })
            });
            (p, t, n)
        });
        Ok(Core { models: Some(Models { tagger: tagger?, parser: parser?, ner: ner? }) })
    }

    /// Loads models from files (e.g. freshly trained ones).
    pub fn from_files(
        tagger: &std::path::Path,
        parser: &std::path::Path,
        ner: &std::path::Path,
    ) -> Result<Core, ModelError> {
        let read = |p: &std::path::Path| {
            std::fs::read(p).map_err(|source| ModelError::Io { path: p.display().to_string(), source })
        };
        Core::from_bytes(&read(tagger)?, &read(parser)?, &read(ner)?)
    }

    /// The tagger, if models are loaded.
    pub fn tagger(&self) -> Option<&Tagger> {
        self.models.as_ref().map(|m| &m.tagger)
    }

    /// The parser, if models are loaded.
    pub fn parser(&self) -> Option<&Parser> {
        self.models.as_ref().map(|m| &m.parser)
    }

    /// The recogniser, if models are loaded.
    pub fn ner(&self) -> Option<&Ner> {
        self.models.as_ref().map(|m| &m.ner)
    }

    /// Tags, lemmatises, parses and finds named entities in an analysis whose
    /// tokens and sentences are already set (see [`crate::segment`]).
    ///
    /// Every token gets `upos`, `xpos`, `lemma`, `head` (a document-level
    /// token index, `None` for a sentence root) and `deprel`;
    /// `analysis.entities` is replaced by the recognised spans.
    pub fn annotate(&self, text: &str, analysis: &mut Analysis) {
        self.annotate_with(text, analysis, true);
    }

    /// Like [`Core::annotate`], with the recogniser optional (tagging and
    /// parsing only when `ner` is false).
    pub fn annotate_with(&self, text: &str, analysis: &mut Analysis, ner: bool) {
        let Some(m) = &self.models else { return };
        if ner {
            analysis.entities.clear();
        }
        let mut forms: Vec<&str> = Vec::new();
        let mut xpos: Vec<Xpos> = Vec::new();
        let mut lexes: Vec<crate::lex::Lex> = Vec::new();
        let mut lex_buf = String::new();
        // Sentences written in capitals are read in the case the document
        // gives their words elsewhere (see `truecase`); the book of cases is
        // made only for a document that has such a sentence.
        let sentence_forms = |s: &crate::Sentence| analysis.tokens[s.tokens.clone()].iter().map(|t| t.text(text));
        let valid = |s: &&crate::Sentence| s.tokens.end <= analysis.tokens.len();
        let book = analysis
            .sentences
            .iter()
            .filter(valid)
            .any(|s| crate::truecase::is_capitalised_sentence(sentence_forms(s)))
            .then(|| {
                let all: Vec<Vec<&str>> =
                    analysis.sentences.iter().filter(valid).map(|s| sentence_forms(s).collect()).collect();
                crate::truecase::CaseBook::learn(all.iter().map(Vec::as_slice))
            });
        for s in &analysis.sentences {
            let range = s.tokens.clone();
            if range.is_empty() || range.end > analysis.tokens.len() {
                continue;
            }
            forms.clear();
            forms.extend(analysis.tokens[range.clone()].iter().map(|t| t.text(text)));
            let recased = book.as_ref().and_then(|b| b.recase(&forms));
            let recased_forms: Vec<&str>;
            let view: &[&str] = match &recased {
                Some(r) => {
                    recased_forms = r.iter().map(String::as_str).collect();
                    &recased_forms
                }
                None => &forms,
            };
            // The lexical hashes of the words, once for all three models.
            lexes.clear();
            lexes.extend(view.iter().map(|f| crate::lex::lex(f, &mut lex_buf)));
            let tags = m.tagger.tag_lexes(&lexes);
            xpos.clear();
            xpos.extend(tags.iter().map(|t| t.1));
            let parse = m.parser.parse(&m.parser.input_lexes(&lexes, &xpos));
            for (k, tok) in analysis.tokens[range.clone()].iter_mut().enumerate() {
                tok.upos = tags[k].0;
                tok.xpos = tags[k].1;
                tok.lemma = m.tagger.lemmatizer.lemma(view[k], tags[k].1);
                tok.head = parse[k].0.map(|h| range.start + h);
                tok.deprel = parse[k].1;
            }
            if ner {
                for (r, label) in m.ner.recognize_lexes(&lexes, &xpos) {
                    analysis.entities.push(EntitySpan { tokens: range.start + r.start..range.start + r.end, label });
                }
            }
        }
    }
}
