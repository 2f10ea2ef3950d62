//! A PolNeAR split on disk: `text/<id>.txt` and
//! `attributions/<id>_<annotator>.ann`.
//!
//! Most articles have one annotation. The few that all six annotators did
//! (for the agreement study) are read with ONE fixed annotator, the
//! lexicographically smallest id, so that the evaluation is reproducible and
//! every article counts once.

use std::collections::BTreeMap;
use std::path::{Path, PathBuf};

use super::brat::parse_ann;
use super::spans::Attribution;
use crate::error::{Error, Result};

/// One article with its gold attributions.
#[derive(Debug, Clone)]
pub struct GoldArticle {
    /// The article id (file stem of the `.txt`).
    pub id: String,
    /// The `.txt` path.
    pub path: PathBuf,
    /// The original text, as on disk: every offset points into it.
    pub text: String,
    /// The annotator whose `.ann` was read.
    pub annotator: String,
    /// The gold attributions, offsets in code points.
    pub attributions: Vec<Attribution>,
    /// Relations in the `.ann` without a cue (not scored).
    pub without_cue: usize,
}

/// A split read from disk: the articles that could be read, and one error
/// per article that could not.
#[derive(Debug, Default)]
pub struct Split {
    /// Articles, sorted by id.
    pub articles: Vec<GoldArticle>,
    /// Problems, one per unreadable article or annotation.
    pub errors: Vec<Error>,
}

/// Reads the split in `dir` (the directory holding `text/` and
/// `attributions/`). At most `limit` articles are read (in id order) when
/// given. A missing `text/` directory is an error; a bad article is
/// reported in [`Split::errors`] and skipped.
pub fn read_split(dir: &Path, limit: Option<usize>) -> Result<Split> {
    let text_dir = dir.join("text");
    let ann_dir = dir.join("attributions");
    let mut texts: Vec<(String, PathBuf)> = list(&text_dir, "txt")?;
    texts.sort();

    // Annotation files by article: the smallest annotator id wins.
    let mut anns: BTreeMap<String, (String, PathBuf)> = BTreeMap::new();
    for (stem, path) in list(&ann_dir, "ann")? {
        let Some((id, annotator)) = stem.rsplit_once('_') else { continue };
        let keep = anns.get(id).is_none_or(|(a, _)| annotator < a.as_str());
        if keep {
            anns.insert(id.to_string(), (annotator.to_string(), path));
        }
    }

    let mut split = Split::default();
    for (id, path) in texts.into_iter().take(limit.unwrap_or(usize::MAX)) {
        let Some((annotator, ann_path)) = anns.get(&id) else {
            split.errors.push(Error::Format { path: path.display().to_string(), message: "no .ann file".into() });
            continue;
        };
        let text = match std::fs::read(&path) {
            Ok(b) => match String::from_utf8(b) {
                Ok(t) => t,
                Err(_) => {
                    split.errors.push(Error::NotUtf8 { path: path.display().to_string() });
                    continue;
                }
            },
            Err(e) => {
                split.errors.push(Error::io(&path, e));
                continue;
            }
        };
        let ann = match std::fs::read_to_string(ann_path) {
            Ok(a) => a,
            Err(e) => {
                split.errors.push(Error::io(ann_path, e));
                continue;
            }
        };
        match parse_ann(&ann, &ann_path.display().to_string()) {
            Ok(f) => split.articles.push(GoldArticle {
                id,
                path,
                text,
                annotator: annotator.clone(),
                attributions: f.attributions,
                without_cue: f.without_cue,
            }),
            Err(e) => split.errors.push(e),
        }
    }
    Ok(split)
}

/// The files of `dir` ending in `.ext`, as (file stem, path).
fn list(dir: &Path, ext: &str) -> Result<Vec<(String, PathBuf)>> {
    let entries = std::fs::read_dir(dir).map_err(|e| Error::io(dir, e))?;
    let mut out = Vec::new();
    for entry in entries {
        let path = entry.map_err(|e| Error::io(dir, e))?.path();
        if path.extension().is_some_and(|x| x == ext) {
            if let Some(stem) = path.file_stem().and_then(|s| s.to_str()) {
                out.push((stem.to_string(), path.clone()));
            }
        }
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn picks_the_smallest_annotator_and_reports_missing_annotations() {
        let dir = tempfile::tempdir().unwrap();
        std::fs::create_dir_all(dir.path().join("text")).unwrap();
        std::fs::create_dir_all(dir.path().join("attributions")).unwrap();
        let w = |p: &str, s: &str| std::fs::write(dir.path().join(p), s).unwrap();
        w("text/a_one.txt", "Ann said it rained.");
        w("text/b_two.txt", "Nothing here.");
        w("attributions/a_one_d473.ann", "T1\tCue 4 8\tsaid\nT2\tContent 9 18\tit rained\nE1\tCue:T1 Content:T2\n");
        w("attributions/a_one_4b22.ann", "T1\tCue 4 8\tsaid\nE1\tCue:T1\n");
        w("attributions/a_one_ef2d.ann", "");
        let split = read_split(dir.path(), None).unwrap();
        assert_eq!(split.articles.len(), 1);
        let a = &split.articles[0];
        assert_eq!((a.id.as_str(), a.annotator.as_str()), ("a_one", "4b22"));
        assert_eq!(a.attributions.len(), 1);
        assert!(a.attributions[0].contents.is_empty());
        assert_eq!(split.errors.len(), 1);
        assert!(split.errors[0].to_string().ends_with("b_two.txt: no .ann file"), "{}", split.errors[0]);
    }
}
