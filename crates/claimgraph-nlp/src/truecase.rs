//! Case for sentences written in capitals ("FISHING: THE DEPUTY CHEIKH
//! TIDIANE M'BENGUE ACCUSES THE GOVERNMENT ..."), as headlines and lists of
//! some outlets are. The tagger and the recogniser learned from cased text,
//! where capitals mark names; in a capitalised sentence every word looks
//! like one. Each word of such a sentence takes the case it has elsewhere
//! in the document ("Cheikh", "NATO"), or lower case when the document
//! writes it nowhere else; the first word is capitalised. Only the forms
//! the models read change: offsets and the stored text stay as written.

use std::collections::HashMap;

/// The least number of words (of two letters or more) a sentence needs to
/// be read as written in capitals: a short line of capitals is more often
/// an acronym or a name than a shouted sentence.
const MIN_WORDS: usize = 4;

/// Case of the words of a document outside its capitalised sentences.
#[derive(Debug, Default)]
pub struct CaseBook {
    forms: HashMap<String, String>,
}

impl CaseBook {
    /// Learns the case of words from the sentences (as token forms) that are
    /// not capitalised. A sentence's first word is skipped: its capital is
    /// the sentence's, not the word's.
    pub fn learn<'a>(sentences: impl IntoIterator<Item = &'a [&'a str]>) -> CaseBook {
        let mut forms = HashMap::new();
        for s in sentences {
            if is_capitalised_sentence(s.iter().copied()) {
                continue;
            }
            for w in s.iter().skip(1) {
                if w.chars().next().is_some_and(char::is_uppercase) {
                    forms.entry(w.to_lowercase()).or_insert_with(|| (*w).to_string());
                }
            }
        }
        CaseBook { forms }
    }

    /// The forms of a capitalised sentence as the document would write
    /// them, or `None` when the sentence is not written in capitals.
    pub fn recase(&self, sentence: &[&str]) -> Option<Vec<String>> {
        if !is_capitalised_sentence(sentence.iter().copied()) {
            return None;
        }
        let mut first = true;
        Some(
            sentence
                .iter()
                .map(|w| {
                    let lower = w.to_lowercase();
                    let mut out = self.forms.get(&lower).cloned().unwrap_or(lower);
                    if first && out.chars().any(char::is_alphabetic) {
                        first = false;
                        let mut cs = out.chars();
                        if let Some(c) = cs.next() {
                            out = c.to_uppercase().chain(cs).collect();
                        }
                    }
                    out
                })
                .collect(),
        )
    }
}

/// True when at least [`MIN_WORDS`] words of two letters or more stand in
/// the sentence and nine in ten of them are written in capitals.
pub fn is_capitalised_sentence<'a>(forms: impl IntoIterator<Item = &'a str>) -> bool {
    let (mut words, mut caps) = (0, 0);
    for w in forms {
        if w.chars().filter(|c| c.is_alphabetic()).count() >= 2 {
            words += 1;
            caps += usize::from(!w.chars().any(char::is_lowercase));
        }
    }
    words >= MIN_WORDS && caps * 10 >= words * 9
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalised_sentences_take_the_documents_case() {
        let body: Vec<&str> =
            "The deputy Cheikh Tidiane M'Bengue spoke to NATO and the Chinese embassy .".split(' ').collect();
        let head: Vec<&str> =
            "FISHING : THE DEPUTY CHEIKH TIDIANE M'BENGUE ACCUSES NATO AND THE CHINESE".split(' ').collect();
        let book = CaseBook::learn([body.as_slice(), head.as_slice()]);
        let got = book.recase(&head).expect("a capitalised sentence");
        assert_eq!(got.join(" "), "Fishing : the deputy Cheikh Tidiane M'Bengue accuses NATO and the Chinese");
        assert!(book.recase(&body).is_none());
        // Short lines of capitals are names or acronyms, not sentences.
        assert!(!is_capitalised_sentence(["UN", "SECURITY", "COUNCIL"]));
    }
}
