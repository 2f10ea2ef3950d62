//! Text normalisation shared by the ledger: name keys for case-insensitive
//! lookup, content terms for claim alignment, and word shingles for
//! near-duplicate detection. Everything here is deterministic and stable
//! across versions, because keys derived from it are stored in the database.

/// A name's lookup key: lower case, typographic quotes and dashes folded,
/// white space collapsed, surrounding punctuation trimmed. "Amir-Abdollahian"
/// and "amir-abdollahian" share a key; "Amir Abdollahian" does not (joining
/// spellings is the entity registry's job, not the lookup's).
pub fn name_key(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    let mut space = false;
    for c in name.chars() {
        let c = match c {
            '\u{2018}' | '\u{2019}' | '\u{02bc}' | '`' => '\'',
            '\u{201c}' | '\u{201d}' => '"',
            '\u{2010}'..='\u{2015}' => '-',
            c => c,
        };
        if c.is_whitespace() {
            space = !out.is_empty();
            continue;
        }
        if space {
            out.push(' ');
            space = false;
        }
        out.extend(c.to_lowercase());
    }
    out.trim_matches(|c: char| !c.is_alphanumeric()).to_string()
}

/// The words of a text: maximal runs of letters and digits (an apostrophe
/// or a comma between digits stays inside: "1,700", "Ukraine's" is split at
/// the apostrophe into "Ukraine" and "s").
pub fn words(text: &str) -> Vec<&str> {
    let mut out = Vec::new();
    let mut start = None;
    let bytes = text.as_bytes();
    let mut iter = text.char_indices().peekable();
    while let Some((i, c)) = iter.next() {
        let inside = c.is_alphanumeric()
            || (matches!(c, ',' | '.')
                && start.is_some()
                && i > 0
                && bytes[i - 1].is_ascii_digit()
                && iter.peek().is_some_and(|&(_, n)| n.is_ascii_digit()));
        match (inside, start) {
            (true, None) => start = Some(i),
            (false, Some(s)) => {
                out.push(&text[s..i]);
                start = None;
            }
            _ => {}
        }
    }
    if let Some(s) = start {
        out.push(&text[s..]);
    }
    out
}

/// True for words that carry no content for alignment: function words,
/// reporting verbs and the vocabulary of claims themselves ("allegation",
/// "claim"), which would otherwise make every denial look alike.
pub fn is_stop(lower: &str) -> bool {
    STOP.binary_search(&lower).is_ok()
}

// Sorted for binary search (checked by a test).
const STOP: &[&str] = &[
    "a",
    "about",
    "above",
    "according",
    "accusation",
    "accusations",
    "added",
    "after",
    "again",
    "against",
    "ago",
    "all",
    "allegation",
    "allegations",
    "alleged",
    "allegedly",
    "already",
    "also",
    "although",
    "always",
    "am",
    "an",
    "and",
    "announced",
    "another",
    "any",
    "are",
    "as",
    "asserted",
    "at",
    "baseless",
    "be",
    "because",
    "been",
    "before",
    "being",
    "between",
    "both",
    "but",
    "by",
    "can",
    "categorically",
    "claim",
    "claimed",
    "claims",
    "could",
    "denied",
    "denies",
    "deny",
    "did",
    "do",
    "does",
    "during",
    "each",
    "earlier",
    "eight",
    "either",
    "false",
    "few",
    "five",
    "for",
    "four",
    "from",
    "further",
    "had",
    "has",
    "have",
    "having",
    "he",
    "her",
    "here",
    "him",
    "his",
    "how",
    "however",
    "i",
    "if",
    "in",
    "insisted",
    "into",
    "is",
    "it",
    "its",
    "just",
    "last",
    "later",
    "many",
    "may",
    "me",
    "might",
    "more",
    "most",
    "much",
    "must",
    "my",
    "n't",
    "never",
    "new",
    "nine",
    "no",
    "none",
    "nor",
    "not",
    "now",
    "of",
    "on",
    "once",
    "one",
    "only",
    "or",
    "other",
    "our",
    "out",
    "over",
    "own",
    "past",
    "rejected",
    "rejects",
    "report",
    "reported",
    "reportedly",
    "reports",
    "reuters",
    "s",
    "said",
    "same",
    "saying",
    "says",
    "seven",
    "she",
    "should",
    "since",
    "six",
    "so",
    "some",
    "statement",
    "still",
    "such",
    "t",
    "ten",
    "than",
    "that",
    "the",
    "their",
    "them",
    "then",
    "there",
    "these",
    "they",
    "this",
    "those",
    "three",
    "through",
    "to",
    "told",
    "too",
    "two",
    "under",
    "until",
    "up",
    "us",
    "very",
    "was",
    "we",
    "week",
    "were",
    "what",
    "when",
    "where",
    "whether",
    "which",
    "while",
    "who",
    "whom",
    "why",
    "will",
    "with",
    "without",
    "would",
    "year",
    "yesterday",
    "you",
    "your",
];

/// A light English stemmer for content words: folds plural, past and
/// progressive endings and a final "e", so that "supplied", "supplies" and
/// "supply" meet, and "drones"/"drone" do. It over-stems a little; that is
/// harmless because both sides of a comparison go through it.
pub fn stem(lower: &str) -> String {
    let mut w = lower.to_string();
    let n = w.chars().count();
    if n <= 3 {
        return w;
    }
    if let Some(base) = w.strip_suffix("ies").or_else(|| w.strip_suffix("ied")) {
        w = format!("{base}y");
    } else if w.ends_with("sses") || w.ends_with("xes") || w.ends_with("ches") || w.ends_with("shes") {
        w.truncate(w.len() - 2);
    } else if let Some(base) = w.strip_suffix("ing").filter(|b| b.chars().count() >= 3) {
        w = undouble(base);
    } else if let Some(base) = w.strip_suffix("ed").filter(|b| b.chars().count() >= 3) {
        w = undouble(base);
    } else if w.ends_with('s') && !w.ends_with("ss") && !w.ends_with("us") && !w.ends_with("is") {
        w.pop();
    }
    if w.ends_with('e') && w.chars().count() > 3 {
        w.pop();
    }
    w
}

fn undouble(base: &str) -> String {
    let b = base.as_bytes();
    let n = b.len();
    if n >= 2 && b[n - 1] == b[n - 2] && !matches!(b[n - 1], b'l' | b's' | b'z') && b[n - 1].is_ascii_alphabetic() {
        base[..n - 1].to_string()
    } else {
        base.to_string()
    }
}

/// Folds a proper name word so that a country and its demonym meet:
/// "Iran"/"Iranian", "Russia"/"Russian", "Ukraine"/"Ukrainian",
/// "China"/"Chinese", "Israel"/"Israeli". One suffix is stripped when at
/// least four letters remain. Irregular pairs (France/French) stay apart.
pub fn fold_proper(lower: &str) -> String {
    const SUFFIXES: &[&str] = &["ians", "ian", "ans", "ese", "ish", "an", "ia", "is", "i", "a", "e", "s"];
    for suf in SUFFIXES {
        if let Some(base) = lower.strip_suffix(suf) {
            if base.chars().count() >= 4 {
                return base.to_string();
            }
        }
    }
    lower.to_string()
}

/// True when the word is written with a capital first letter.
pub fn is_capitalised(word: &str) -> bool {
    word.chars().next().is_some_and(char::is_uppercase)
}

/// True when the word is a number ("1,700", "75", "3.5").
pub fn is_number(word: &str) -> bool {
    word.chars().next().is_some_and(|c| c.is_ascii_digit())
}

/// Parses a number as written ("1,700" → 1700).
pub fn parse_number(word: &str) -> Option<f64> {
    word.replace(',', "").parse().ok()
}

/// A stable 64-bit FNV-1a hash: keys derived from it are stored, so it must
/// never change between builds (unlike `std`'s or `rustc-hash`'s hashers).
pub fn fnv64(bytes: &[u8]) -> u64 {
    let mut h: u64 = 0xcbf2_9ce4_8422_2325;
    for &b in bytes {
        h ^= u64::from(b);
        h = h.wrapping_mul(0x0000_0100_0000_01b3);
    }
    h
}

/// A stable 64-bit mix (splitmix64's finaliser).
pub fn mix64(mut z: u64) -> u64 {
    z = (z ^ (z >> 30)).wrapping_mul(0xbf58_476d_1ce4_e5b9);
    z = (z ^ (z >> 27)).wrapping_mul(0x94d0_49bb_1331_11eb);
    z ^ (z >> 31)
}

/// A stored key from a 64-bit hash (SQLite integers are signed).
pub fn as_key(h: u64) -> i64 {
    h as i64
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn stop_list_is_sorted() {
        let mut sorted = STOP.to_vec();
        sorted.sort_unstable();
        sorted.dedup();
        assert_eq!(sorted, STOP);
    }

    #[test]
    fn name_keys_fold_case_and_typography() {
        assert_eq!(name_key("  Amir\u{2013}Abdollahian "), "amir-abdollahian");
        assert_eq!(name_key("Kyiv\u{2019}s"), "kyiv's");
        assert_eq!(name_key("NASSER   Kanani."), "nasser kanani");
    }

    #[test]
    fn words_keep_numbers_whole() {
        assert_eq!(
            words("Russia bought 1,700 drones, Budanov's aide said."),
            ["Russia", "bought", "1,700", "drones", "Budanov", "s", "aide", "said"]
        );
    }

    #[test]
    fn stems_meet() {
        for (a, b) in
            [("supplied", "supply"), ("drones", "drone"), ("transferred", "transfer"), ("missiles", "missile")]
        {
            assert_eq!(stem(a), stem(b), "{a} / {b}");
        }
        assert_ne!(stem("drone"), stem("missile"));
    }

    #[test]
    fn demonyms_fold() {
        for (a, b) in [("iran", "iranian"), ("russia", "russian"), ("ukraine", "ukrainian"), ("china", "chinese")] {
            assert_eq!(fold_proper(a), fold_proper(b), "{a} / {b}");
        }
        assert_ne!(fold_proper("iran"), fold_proper("iraq"));
    }
}
