//! Per-word lexical features shared by the tagger, parser and recogniser:
//! hashes of the normalised form, affixes and word shape, computed once per
//! token.

use crate::hash;

/// Hashes describing one word.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
pub struct Lex {
    /// The exact form.
    pub form: u64,
    /// The normalised form: lower case, digits as `0`, curly quotes straight.
    pub norm: u64,
    /// Suffixes of the normalised form, 1 to 4 characters.
    pub suf: [u64; 4],
    /// Prefixes of the normalised form, 1 to 3 characters.
    pub pre: [u64; 3],
    /// Word shape ("Xxxx", "dd.dd", "X.X.").
    pub shape: u64,
    /// Bit flags, see the `FLAG_*` constants.
    pub flags: u32,
}

/// The word starts with an upper-case letter.
pub const FLAG_TITLE: u32 = 1;
/// Every letter is upper case (and there are at least two).
pub const FLAG_UPPER: u32 = 2;
/// The word has a digit.
pub const FLAG_DIGIT: u32 = 4;
/// The word has a hyphen.
pub const FLAG_HYPHEN: u32 = 8;
/// The word has no letter or digit.
pub const FLAG_PUNCT: u32 = 16;
/// The word has a letter.
pub const FLAG_ALPHA: u32 = 32;

/// Maps one character to its normalised form.
#[inline]
fn norm_char(c: char) -> char {
    match c {
        '’' | '‘' | '`' | '´' => '\'',
        '“' | '”' | '„' | '«' | '»' => '"',
        '—' | '–' => '-',
        c if c.is_ascii_digit() => '0',
        c if c.is_ascii() => c.to_ascii_lowercase(),
        c => c.to_lowercase().next().unwrap_or(c),
    }
}

/// The normalised form of a word, as used for lexicon keys.
pub fn normalize(form: &str, out: &mut String) {
    out.clear();
    out.extend(form.chars().map(norm_char));
}

fn shape_class(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else if c.is_alphabetic() {
        'x'
    } else {
        norm_char(c)
    }
}

/// Computes the lexical hashes of `form`; `buf` is scratch space.
pub fn lex(form: &str, buf: &mut String) -> Lex {
    normalize(form, buf);
    let mut l = Lex { form: hash::str(form), norm: hash::str(buf), ..Lex::default() };
    // Affixes by characters, from the normalised form.
    let mut ends = [0usize; 5];
    let nchars = buf.chars().count();
    for (k, (b, _)) in buf.char_indices().rev().take(4).enumerate() {
        ends[k] = b;
    }
    for (k, (suf, &end)) in l.suf.iter_mut().zip(&ends).enumerate() {
        *suf = if k < nchars { hash::bytes(&buf.as_bytes()[end..]) ^ (k as u64 + 1) } else { 0 };
    }
    let mut it = buf.char_indices().skip(1);
    for k in 0..3 {
        l.pre[k] = if k < nchars {
            let end = it.next().map_or(buf.len(), |(b, _)| b);
            hash::bytes(&buf.as_bytes()[..end]) ^ ((k as u64 + 1) << 8)
        } else {
            0
        };
    }
    // Shape: character classes with runs longer than two cut to two.
    let mut shape: u64 = 0xcbf2;
    let mut last = '\0';
    let mut run = 0;
    let mut upper = 0;
    let mut lower = 0;
    for c in form.chars() {
        let s = shape_class(c);
        if s == last {
            run += 1;
        } else {
            run = 1;
            last = s;
        }
        if run <= 2 {
            shape = hash::mix(shape, s as u64);
        }
        match s {
            'X' => upper += 1,
            'x' => lower += 1,
            'd' => l.flags |= FLAG_DIGIT,
            '-' => l.flags |= FLAG_HYPHEN,
            _ => {}
        }
    }
    l.shape = shape;
    if form.chars().next().is_some_and(char::is_uppercase) {
        l.flags |= FLAG_TITLE;
    }
    if upper >= 2 && lower == 0 {
        l.flags |= FLAG_UPPER;
    }
    if upper + lower > 0 {
        l.flags |= FLAG_ALPHA;
    }
    if upper + lower == 0 && l.flags & FLAG_DIGIT == 0 {
        l.flags |= FLAG_PUNCT;
    }
    l
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shapes_and_affixes() {
        let mut b = String::new();
        let a = lex("Running", &mut b);
        let c = lex("running", &mut b);
        assert_eq!(a.norm, c.norm);
        assert_ne!(a.form, c.form);
        assert_ne!(a.shape, c.shape);
        assert_eq!(a.suf, c.suf);
        assert!(a.flags & FLAG_TITLE != 0);
        assert_eq!(lex("1999", &mut b).norm, lex("2024", &mut b).norm);
        assert_eq!(lex("’s", &mut b).norm, lex("'s", &mut b).norm);
        assert_eq!(lex("Abcdefg", &mut b).shape, lex("Abcdefghij", &mut b).shape);
        assert!(lex("NATO", &mut b).flags & FLAG_UPPER != 0);
        assert!(lex(",", &mut b).flags & FLAG_PUNCT != 0);
        let x = lex("é", &mut b);
        assert_eq!(x.suf[1], 0);
    }
}
