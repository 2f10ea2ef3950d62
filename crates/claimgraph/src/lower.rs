//! Lower-casing without an allocation when there is nothing to change.
//!
//! The rules lower-case words to compare them with word lists, about two
//! dozen times per token of a document; most words of running text are
//! already lower case, and `str::to_lowercase` allocates a copy every time.

use std::borrow::Cow;
use std::fmt;
use std::ops::Deref;

/// `word.to_lowercase()`, borrowed when that would equal `word`: an ASCII
/// word without capitals. Any other word is lower-cased as before, so the
/// text is always exactly `word.to_lowercase()`.
pub(crate) fn lowercase(word: &str) -> Cow<'_, str> {
    if word.bytes().all(|b| b.is_ascii() && !b.is_ascii_uppercase()) {
        Cow::Borrowed(word)
    } else {
        Cow::Owned(word.to_lowercase())
    }
}

/// A lower-cased word ([`lowercase`]) that reads like the `String` it
/// replaces: `as_str`, comparisons with strings, and deref to `str`.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Lower<'a>(Cow<'a, str>);

impl<'a> Lower<'a> {
    /// Lower-cases `word`.
    pub fn new(word: &'a str) -> Self {
        Lower(lowercase(word))
    }

    /// The lower-cased text.
    pub fn as_str(&self) -> &str {
        &self.0
    }
}

impl Deref for Lower<'_> {
    type Target = str;

    fn deref(&self) -> &str {
        &self.0
    }
}

impl PartialEq<str> for Lower<'_> {
    fn eq(&self, other: &str) -> bool {
        *self.0 == *other
    }
}

impl PartialEq<&str> for Lower<'_> {
    fn eq(&self, other: &&str) -> bool {
        *self.0 == **other
    }
}

impl PartialEq<String> for Lower<'_> {
    fn eq(&self, other: &String) -> bool {
        *self.0 == **other
    }
}

impl fmt::Display for Lower<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(&self.0)
    }
}

impl From<Lower<'_>> for String {
    fn from(l: Lower<'_>) -> String {
        l.0.into_owned()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn equals_to_lowercase() {
        for w in ["said", "Said", "SAID", "", "Ünal", "straße", "İstanbul", "ΣΑΣ", "K\u{212a}", "a-b", "x’y", "12th"]
        {
            assert_eq!(lowercase(w), w.to_lowercase(), "{w}");
            assert_eq!(Lower::new(w).as_str(), w.to_lowercase(), "{w}");
        }
        assert!(matches!(lowercase("said"), Cow::Borrowed(_)));
    }
}
