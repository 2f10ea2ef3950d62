//! Conversion from byte offsets (used inside the pipeline) to Unicode code
//! point offsets (used in every output, as Python and the acceptance scorer
//! count them).

/// Maps byte offsets of one text to code-point offsets.
#[derive(Debug, Clone)]
pub struct CharIndex {
    /// For a non-ASCII text, the code-point offset of every byte position
    /// (length `text.len() + 1`); empty for pure ASCII, where they agree.
    map: Vec<u32>,
}

impl CharIndex {
    /// Builds the index for `text`.
    pub fn new(text: &str) -> Self {
        if text.is_ascii() {
            return CharIndex { map: Vec::new() };
        }
        let mut map = Vec::with_capacity(text.len() + 1);
        let mut chars = 0u32;
        for (i, b) in text.bytes().enumerate() {
            // A byte that is not a UTF-8 continuation byte starts a char.
            if i > 0 && (b & 0xC0) != 0x80 {
                chars += 1;
            }
            map.push(if (b & 0xC0) != 0x80 { chars } else { chars + 1 });
        }
        map.push(if text.is_empty() { 0 } else { chars + 1 });
        CharIndex { map }
    }

    /// The code-point offset of byte offset `byte` (which should lie on a
    /// char boundary; inside a char it rounds up to the next one).
    pub fn char_offset(&self, byte: usize) -> usize {
        if self.map.is_empty() {
            byte
        } else {
            self.map.get(byte).copied().unwrap_or_else(|| self.map.last().copied().unwrap_or(0)) as usize
        }
    }

    /// The byte offset of code-point offset `ch` in `text` (the inverse).
    pub fn byte_offset(text: &str, ch: usize) -> usize {
        text.char_indices().nth(ch).map(|(b, _)| b).unwrap_or(text.len())
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    #[test]
    fn ascii_is_identity() {
        let idx = CharIndex::new("hello");
        assert_eq!(idx.char_offset(3), 3);
    }

    #[test]
    fn counts_code_points() {
        let text = "Ukraine’s “army”";
        let idx = CharIndex::new(text);
        let b = text.find("army").unwrap();
        assert_eq!(idx.char_offset(b), 11);
        assert_eq!(idx.char_offset(text.len()), text.chars().count());
    }

    proptest! {
        #[test]
        fn agrees_with_counting(text in "\\PC{0,40}") {
            let idx = CharIndex::new(&text);
            for (b, _) in text.char_indices() {
                prop_assert_eq!(idx.char_offset(b), text[..b].chars().count());
            }
            prop_assert_eq!(idx.char_offset(text.len()), text.chars().count());
        }
    }
}
