//! Readers for the annotated corpora used in training and evaluation:
//! CoNLL-U (Universal Dependencies) and the IOB2 files of Universal NER.

use std::path::Path;

use crate::labels::{DepRel, Upos, Xpos};

/// One syntactic word of a CoNLL-U sentence.
#[derive(Debug, Clone, PartialEq)]
pub struct UdWord {
    /// Surface form.
    pub form: String,
    /// Lemma.
    pub lemma: String,
    /// Universal POS.
    pub upos: Upos,
    /// Penn Treebank tag.
    pub xpos: Xpos,
    /// Head, 1-based within the sentence; 0 for the root.
    pub head: usize,
    /// Relation to the head.
    pub deprel: DepRel,
    /// Whether white space follows (from `SpaceAfter=No` in MISC).
    pub space_after: bool,
}

/// A multiword token: a surface token spanning several syntactic words.
#[derive(Debug, Clone, PartialEq)]
pub struct MultiWord {
    /// First word (0-based index into the sentence words).
    pub first: usize,
    /// Last word, inclusive.
    pub last: usize,
    /// The surface form.
    pub form: String,
    /// Whether white space follows.
    pub space_after: bool,
}

/// One CoNLL-U sentence.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct UdSentence {
    /// `# sent_id`.
    pub id: String,
    /// `# text`.
    pub text: String,
    /// Whether a `# newdoc` comment opened this sentence.
    pub new_doc: bool,
    /// Whether a `# newpar` comment opened this sentence.
    pub new_par: bool,
    /// Syntactic words.
    pub words: Vec<UdWord>,
    /// Multiword tokens.
    pub multiwords: Vec<MultiWord>,
}

/// Problems reading a corpus file.
#[derive(Debug, thiserror::Error)]
pub enum CorpusError {
    /// The file could not be read.
    #[error("{path}: {source}")]
    Io {
        /// The file.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
    /// A line is malformed.
    #[error("{path}:{line}: {message}")]
    Parse {
        /// The file.
        path: String,
        /// 1-based line number.
        line: usize,
        /// What is wrong.
        message: String,
    },
}

fn read(path: &Path) -> Result<String, CorpusError> {
    std::fs::read_to_string(path).map_err(|source| CorpusError::Io { path: path.display().to_string(), source })
}

/// Reads a CoNLL-U file. Empty nodes (`8.1`) are skipped; unknown labels
/// become `X` / `XX` / `dep` rather than failing.
pub fn read_conllu(path: &Path) -> Result<Vec<UdSentence>, CorpusError> {
    parse_conllu(&read(path)?, &path.display().to_string())
}

/// Parses CoNLL-U text (`origin` names it in errors).
pub fn parse_conllu(text: &str, origin: &str) -> Result<Vec<UdSentence>, CorpusError> {
    let mut out = Vec::new();
    let mut cur = UdSentence::default();
    let perr = |line: usize, message: String| CorpusError::Parse { path: origin.to_string(), line, message };
    for (ln, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            let c = c.trim_start();
            if let Some(v) = c.strip_prefix("sent_id =") {
                cur.id = v.trim().to_string();
            } else if let Some(v) = c.strip_prefix("text =") {
                cur.text = v.trim().to_string();
            } else if c.starts_with("newdoc") {
                cur.new_doc = true;
            } else if c.starts_with("newpar") {
                cur.new_par = true;
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() != 10 {
            return Err(perr(ln + 1, format!("expected 10 columns, found {}", cols.len())));
        }
        let space_after = !cols[9].split('|').any(|m| m == "SpaceAfter=No");
        if cols[0].contains('.') {
            continue;
        }
        if let Some((a, b)) = cols[0].split_once('-') {
            let (a, b): (usize, usize) = match (a.parse(), b.parse()) {
                (Ok(a), Ok(b)) if a >= 1 && b >= a => (a, b),
                _ => return Err(perr(ln + 1, format!("bad range id {}", cols[0]))),
            };
            cur.multiwords.push(MultiWord { first: a - 1, last: b - 1, form: cols[1].to_string(), space_after });
            continue;
        }
        let head = match cols[6] {
            "_" => 0,
            h => h.parse().map_err(|_| perr(ln + 1, format!("bad head {h}")))?,
        };
        cur.words.push(UdWord {
            form: cols[1].to_string(),
            lemma: cols[2].to_string(),
            upos: Upos::parse(cols[3]).unwrap_or(Upos::X),
            xpos: Xpos::parse(cols[4]).unwrap_or(Xpos::UNKNOWN),
            head,
            deprel: DepRel::parse(cols[7]).unwrap_or(DepRel::DEP),
            space_after,
        });
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    for (i, s) in out.iter().enumerate() {
        if s.words.iter().any(|w| w.head > s.words.len()) {
            return Err(perr(0, format!("sentence {} ({}) has a head out of range", i + 1, s.id)));
        }
    }
    Ok(out)
}

/// One sentence of a Universal NER IOB2 file.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct NerSentence {
    /// `# sent_id`.
    pub id: String,
    /// Tokens.
    pub words: Vec<String>,
    /// IOB2 tags as written (`O`, `B-PER`, `I-LOC`...).
    pub tags: Vec<String>,
}

/// Reads a UNER IOB2 file (tab-separated `index token tag ...`).
pub fn read_iob2(path: &Path) -> Result<Vec<NerSentence>, CorpusError> {
    parse_iob2(&read(path)?, &path.display().to_string())
}

/// Parses IOB2 text (`origin` names it in errors).
pub fn parse_iob2(text: &str, origin: &str) -> Result<Vec<NerSentence>, CorpusError> {
    let mut out = Vec::new();
    let mut cur = NerSentence::default();
    for (ln, line) in text.lines().enumerate() {
        let line = line.trim_end_matches('\r');
        if line.is_empty() {
            if !cur.words.is_empty() {
                out.push(std::mem::take(&mut cur));
            }
            continue;
        }
        if let Some(c) = line.strip_prefix('#') {
            if let Some(v) = c.trim_start().strip_prefix("sent_id =") {
                cur.id = v.trim().to_string();
            }
            continue;
        }
        let cols: Vec<&str> = line.split('\t').collect();
        if cols.len() < 3 {
            return Err(CorpusError::Parse {
                path: origin.to_string(),
                line: ln + 1,
                message: format!("expected at least 3 columns, found {}", cols.len()),
            });
        }
        cur.words.push(cols[1].to_string());
        cur.tags.push(cols[2].to_string());
    }
    if !cur.words.is_empty() {
        out.push(cur);
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn parses_words_ranges_and_misc() {
        let text = "# sent_id = s1\n# text = I don't.\n1\tI\tI\tPRON\tPRP\t_\t3\tnsubj\t_\t_\n\
                    2-3\tdon't\t_\t_\t_\t_\t_\t_\t_\tSpaceAfter=No\n2\tdo\tdo\tAUX\tVBP\t_\t3\taux\t_\t_\n\
                    3\tn't\tnot\tPART\tRB\t_\t0\troot\t_\t_\n3.1\tx\tx\tX\tXX\t_\t_\t_\t_\t_\n\
                    4\t.\t.\tPUNCT\t.\t_\t3\tpunct\t_\t_\n\n";
        let s = parse_conllu(text, "t").unwrap();
        assert_eq!(s.len(), 1);
        assert_eq!(s[0].words.len(), 4);
        assert_eq!(s[0].multiwords[0].first, 1);
        assert!(!s[0].multiwords[0].space_after);
        assert_eq!(s[0].words[2].deprel, DepRel::ROOT);
        assert_eq!(s[0].words[0].upos, Upos::PRON);
        assert!(parse_conllu("1\tx\n", "t").is_err());
    }

    #[test]
    fn parses_iob2() {
        let s = parse_iob2("# sent_id = a\n1\tin\tO\t-\t-\n2\tTampa\tB-LOC\t-\tx\n\n", "t").unwrap();
        assert_eq!(s[0].words, ["in", "Tampa"]);
        assert_eq!(s[0].tags, ["O", "B-LOC"]);
    }
}
