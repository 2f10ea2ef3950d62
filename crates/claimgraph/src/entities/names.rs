//! Name normalisation and matching across spellings and transliterations.
//!
//! Names of Persian, Arabic, Ukrainian or Russian origin reach English news
//! in many romanisations ("Amirabadollahian", "Amir Abdullahian", "Amir
//! Abdollahian"; "Kanani" / "Kanaani"; "Qolizadeh" / "Gholizadeh" /
//! "Gholi-Zadeh"). Abjads do not write most vowels, so romanisations differ
//! mostly in vowels, doubled letters, spaces and hyphens, and a few
//! consonant digraphs. Two spellings are compared through a *skeleton*: the
//! ASCII-folded, lower-cased name with spaces and hyphens removed, consonant
//! digraphs folded (gh/q/c/ck → k, ph → f, dh → d, th → t, w → v), doubled
//! letters collapsed and every vowel after the first letter dropped.
//!
//! The matching rule and its evidence thresholds ([`compare`]):
//! * **Exact**: the normalised full names are equal.
//! * **Variant**: the skeletons are equal, the skeleton has at least
//!   [`MIN_SKELETON`] letters, the plain spellings are still similar
//!   (Jaro-Winkler ≥ [`MIN_SIMILARITY`], or [`MIN_SIMILARITY_SHORT`] for
//!   short skeletons, which collide more easily: "Putin" and "Patna"), and the given names, when both spellings have them,
//!   agree by skeleton or initial.
//! * **Surname**: one spelling is a one-word name that equals (or is a
//!   variant of) the other's family name — evidence enough inside one
//!   article, not across articles without more (see the registry).
//! * Otherwise **different**. Two names that merely share a given name, or
//!   whose skeletons differ, are never joined.

use deunicode::deunicode;

/// Skeletons shorter than this never match as variants (only exactly).
pub const MIN_SKELETON: usize = 3;
/// Minimum Jaro-Winkler similarity of two spellings for a variant match.
pub const MIN_SIMILARITY: f64 = 0.80;
/// The stricter similarity required when the skeleton is short (3–4
/// letters), where unrelated names collide more easily.
pub const MIN_SIMILARITY_SHORT: f64 = 0.85;

/// Words that are titles or honorifics, never part of a person's name.
const TITLE_WORDS: &[&str] = &[
    "mr",
    "mrs",
    "ms",
    "miss",
    "dr",
    "prof",
    "professor",
    "president",
    "minister",
    "general",
    "gen",
    "lt",
    "lieutenant",
    "col",
    "colonel",
    "maj",
    "major",
    "capt",
    "captain",
    "adm",
    "admiral",
    "rear",
    "vice",
    "sen",
    "sens",
    "senator",
    "rep",
    "reps",
    "representative",
    "gov",
    "governor",
    "mayor",
    "judge",
    "justice",
    "ambassador",
    "secretary",
    "chancellor",
    "king",
    "queen",
    "prince",
    "princess",
    "sheikh",
    "sheik",
    "ayatollah",
    "pope",
    "bishop",
    "rabbi",
    "imam",
    "chairman",
    "commander",
    "sir",
    "dame",
    "lord",
    "lady",
    "rev",
    "father",
    "sergeant",
    "sgt",
    "marshal",
    "brigadier",
    "emir",
    "sultan",
    "deputy",
    "vice",
    "prime",
    "foreign",
    "defense",
    "defence",
    "interior",
    "finance",
    "spokesman",
    "spokeswoman",
    "chief",
    "director",
    "hon",
    "mullah",
    "hojatoleslam",
    "grand",
    "field",
    "crown",
    "speaker",
    "premier",
    "sayyed",
    "seyed",
    "sayed",
    "hajj",
    "haji",
];

/// Name particles that may be written attached, hyphenated or apart and
/// are ignored when aligning given and family names.
const PARTICLES: &[&str] =
    &["al", "el", "ul", "ol", "bin", "ibn", "bint", "abu", "de", "da", "di", "van", "von", "der"];

/// True when `word` (lower case) opens a surname as a particle: those of
/// [`PARTICLES`], and those written apart only ("dos Santos", "Le Pen",
/// "Mac Donald"), which name alignment keeps as parts.
pub fn is_particle(word: &str) -> bool {
    PARTICLES.contains(&word)
        || matches!(
            word,
            "do" | "dos" | "das" | "del" | "della" | "du" | "le" | "la" | "den" | "ter" | "ben" | "mac" | "mc"
        )
}

/// True when `word` (any case) is a title or honorific.
pub fn is_title_word(word: &str) -> bool {
    let w = word.trim_end_matches('.').to_lowercase();
    TITLE_WORDS.contains(&w.as_str())
}

/// True when the spelling `new` should replace `current` as a person's
/// display name: it has more parts, and what it adds is a middle name, a
/// suffix or a leading given name ("Hillary Rodham Clinton" for "Hillary
/// Clinton", "Hossein Amir Abdollahian" for "Amir Abdollahian"). A longer
/// spelling that puts some other word before a full name ("Unlike Hillary
/// Clinton", "Liar of the Year Barack Obama" read as "Year Barack Obama")
/// is kept as an alias but does not become the name: one such misread would
/// otherwise name the person across a whole run or ledger.
///
/// The other way round, a full name replaces a display name that is the
/// same name after such a word: "Barack Obama" replaces "Year Barack Obama"
/// (from a document where only "Obama" had been seen before).
pub fn is_fuller_name(new: &str, current: &str) -> bool {
    let (n, c) = (NameParts::new(new), NameParts::new(current));
    let leads_with_given_name =
        |spelling: &str| spelling.split_whitespace().next().is_some_and(super::mentions::is_given_name_like);
    if n.parts.len() <= c.parts.len() {
        // Two words at least: "D'Souza" is one name, not a full name.
        return new.split_whitespace().count() >= 2
            && n.parts.len() < c.parts.len()
            && c.parts.ends_with(&n.parts)
            && !leads_with_given_name(current);
    }
    c.parts.len() <= 1 || n.parts.first() == c.parts.first() || leads_with_given_name(new)
}

/// A name split into normalised parts: ASCII, lower case, titles removed,
/// split at spaces, hyphens and apostrophes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct NameParts {
    /// The parts, in order.
    pub parts: Vec<String>,
}

impl NameParts {
    /// Normalises a name as written.
    pub fn new(name: &str) -> NameParts {
        let ascii = deunicode(name).to_lowercase();
        let mut parts: Vec<String> = ascii
            .split(|c: char| c.is_whitespace() || matches!(c, '-' | '\'' | '`' | '.' | ','))
            .filter(|p| !p.is_empty())
            .map(|p| p.chars().filter(|c| c.is_alphanumeric()).collect::<String>())
            .filter(|p| !p.is_empty())
            .collect();
        // Strip leading titles ("Foreign Minister Hossein ...") but never the
        // last part, which is the name itself.
        while parts.len() > 1 && TITLE_WORDS.contains(&parts[0].as_str()) {
            parts.remove(0);
        }
        // Possessive "'s" has been split into "s": drop it.
        if parts.len() > 1 && parts.last().is_some_and(|p| p == "s") {
            parts.pop();
        }
        NameParts { parts }
    }

    /// The parts without particles.
    fn core(&self) -> Vec<&str> {
        let core: Vec<&str> = self.parts.iter().map(String::as_str).filter(|p| !PARTICLES.contains(p)).collect();
        if core.is_empty() {
            self.parts.iter().map(String::as_str).collect()
        } else {
            core
        }
    }

    /// Number of parts without particles ("al-Wazir" has one).
    pub fn core_len(&self) -> usize {
        self.core().len()
    }

    /// The whole name joined without separators.
    pub fn joined(&self) -> String {
        self.core().concat()
    }

    /// The last part (the family name in Western order).
    pub fn last(&self) -> &str {
        self.core().last().copied().unwrap_or("")
    }
}

/// The transliteration-insensitive key of a spelling (see the module docs).
pub fn skeleton(s: &str) -> String {
    let ascii: String = deunicode(s).to_lowercase().chars().filter(|c| c.is_ascii_alphanumeric()).collect();
    // A final "-eh" is often written "-e" ("Khodabandeh" / "Khodabande").
    let ascii = match ascii.strip_suffix("eh") {
        Some(stem) if stem.len() > 2 => format!("{stem}e"),
        _ => ascii,
    };
    let folded = fold_digraphs(&ascii);
    let mut out = String::with_capacity(folded.len());
    let mut prev: Option<char> = None;
    for (i, ch) in folded.chars().enumerate() {
        let vowel = matches!(ch, 'a' | 'e' | 'i' | 'o' | 'u' | 'y');
        if i > 0 && vowel {
            // Vowels vanish but still separate letters ("Kanani": k-n-n).
            prev = Some(ch);
            continue;
        }
        if prev == Some(ch) {
            continue;
        }
        out.push(ch);
        prev = Some(ch);
    }
    // A leading vowel is kept but normalised, so "Abdollahian" and
    // "Ebdollahian" still meet.
    if out.starts_with(['a', 'e', 'i', 'o', 'u', 'y']) {
        out.replace_range(0..1, "a");
    }
    out
}

/// Folds spelling alternatives of romanised names to one letter: Wade-Giles
/// "hs" and pinyin "x"; Persian/Arabic "zh"/"j", "gh"/"q"/"g"/"k"; Ukrainian
/// and Russian "h"/"g" before a consonant ("Hnatyuk"/"Gnatyuk"); "w"/"v";
/// "z"/"s"; "x"/"ks"; "ph"/"f"; "th"/"t"; "dh"/"d".
fn fold_digraphs(ascii: &str) -> String {
    let mut s = ascii.to_string();
    // Word-initial "h" before a consonant is a Ukrainian "h" for Russian "g".
    if s.len() > 2 && s.starts_with('h') && !matches!(s.as_bytes()[1], b'a' | b'e' | b'i' | b'o' | b'u' | b'y' | b's') {
        s.replace_range(0..1, "g");
    }
    // Applied in order (a later pattern may form from an earlier one's
    // output: "ghh" → "kh" → "h"); each replaces only when its pattern is
    // there, so the common name with none of them allocates nothing here
    // (the registry compares many spellings per document).
    for (from, to) in [
        ("hs", "x"),
        ("zh", "j"),
        ("ck", "k"),
        ("gh", "k"),
        ("kh", "h"),
        ("ph", "f"),
        ("dh", "d"),
        ("th", "t"),
        ("sch", "sh"),
    ] {
        if s.as_bytes().windows(from.len()).any(|w| w == from.as_bytes()) {
            s = s.replace(from, to);
        }
    }
    // Single letters, in one pass.
    let mut out = String::with_capacity(s.len() + 2);
    for ch in s.chars() {
        match ch {
            'q' | 'c' | 'g' => out.push('k'),
            'w' => out.push('v'),
            'z' => out.push('s'),
            'j' => out.push('y'),
            'x' => out.push_str("ks"),
            _ => out.push(ch),
        }
    }
    out
}

/// How two spellings relate.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum NameMatch {
    /// Different names.
    Different,
    /// One is a one-word name equal to (or a variant of) the other's family
    /// name: "Budanov" and "Kyrylo Budanov".
    Surname,
    /// Transliteration or spacing variants of one name.
    Variant,
    /// The same name once normalised.
    Exact,
}

/// Compares two spellings of person names under the rule in the module docs.
pub fn compare(a: &str, b: &str) -> NameMatch {
    compare_parts(&NameParts::new(a), &NameParts::new(b))
}

/// [`compare`] over already normalised names.
pub fn compare_parts(a: &NameParts, b: &NameParts) -> NameMatch {
    compare_with(a, &suffixes_of(a), b, &suffixes_of(b))
}

/// Each suffix of a name's core parts joined, with its skeleton, longest
/// first (see [`PreparedName`]).
fn suffixes_of(parts: &NameParts) -> Vec<(String, String)> {
    let core = parts.core();
    (0..core.len())
        .map(|i| {
            let s = core[i..].concat();
            let sk = skeleton(&s);
            (s, sk)
        })
        .collect()
}

/// A name made ready for many comparisons: its parts, and each suffix of
/// its core parts joined ("amirabdollahian", "abdollahian") with the
/// suffix's skeleton. An entity registry compares every spelling it knows
/// of a candidate with each new spelling; computing the skeletons once per
/// spelling, not once per pair, took most of the cost of resolving a
/// document against a large ledger.
#[derive(Debug, Clone)]
pub struct PreparedName {
    parts: NameParts,
    /// `(joined suffix, its skeleton)`, longest first; the first is the
    /// whole name joined. Empty when the name has no parts.
    suffixes: Vec<(String, String)>,
}

impl PreparedName {
    /// Prepares a name as written.
    pub fn new(name: &str) -> PreparedName {
        Self::from_parts(NameParts::new(name))
    }

    /// Prepares already normalised parts.
    pub fn from_parts(parts: NameParts) -> PreparedName {
        let suffixes = suffixes_of(&parts);
        PreparedName { parts, suffixes }
    }

    /// The normalised parts.
    pub fn parts(&self) -> &NameParts {
        &self.parts
    }
}

/// [`compare`] over prepared names.
pub fn compare_prepared(pa: &PreparedName, pb: &PreparedName) -> NameMatch {
    compare_with(&pa.parts, &pa.suffixes, &pb.parts, &pb.suffixes)
}

/// The comparison itself, over parts and their [`suffixes_of`].
fn compare_with(a: &NameParts, sufa: &[(String, String)], b: &NameParts, sufb: &[(String, String)]) -> NameMatch {
    let (Some((ja, ska)), Some((jb, skb))) = (sufa.first(), sufb.first()) else {
        return NameMatch::Different;
    };
    if ja == jb {
        return NameMatch::Exact;
    }
    if variant_of_skeletons(ja, jb, ska, skb) {
        return NameMatch::Variant;
    }
    if family_first_match(a, b) || family_first_match(b, a) || middle_surname_match(a, b) || middle_surname_match(b, a)
    {
        return NameMatch::Surname;
    }
    // Align a suffix of one name with a suffix of the other: "Amir
    // Abdullahian" against "Hossein Amirabadollahian" aligns "amirabdullahian"
    // with "amirabadollahian"; the unaligned prefixes are given names, which
    // must not conflict.
    for (i, (sa, ska)) in sufa.iter().enumerate() {
        for (j, (sb, skb)) in sufb.iter().enumerate() {
            if i == 0 && j == 0 {
                continue; // the whole names, compared above
            }
            if sa == sb || variant_of_skeletons(sa, sb, ska, skb) {
                let (ca, cb) = (a.core(), b.core());
                let given_ok = given_names_agree(&ca[..i], &cb[..j]);
                if !given_ok {
                    return NameMatch::Different;
                }
                // A whole one-word (or particle-led) name matching a family
                // name is a surname reference; longer alignments are variants.
                let a_whole = i == 0;
                let b_whole = j == 0;
                return if (a_whole && ca.len() == 1) || (b_whole && cb.len() == 1) {
                    NameMatch::Surname
                } else {
                    // Either one side's whole name aligns with the other's
                    // family name ("Amir Abdollahian" / "Hossein
                    // Amirabadollahian"), or both have given names and they
                    // agree ("Youssef Adam Bishara" / "Yusuf Bishara").
                    NameMatch::Variant
                };
            }
        }
    }
    NameMatch::Different
}

/// Common East Asian family names, which stand first in a full name ("Hsu
/// Wen-chieh", "Kim Jong-un"), so a one-word reference matches the first
/// part rather than the last.
const FAMILY_FIRST: &[&str] = &[
    "wang", "li", "zhang", "liu", "chen", "yang", "huang", "zhao", "wu", "zhou", "xu", "sun", "ma", "zhu", "hu", "guo",
    "he", "lin", "gao", "luo", "zheng", "liang", "xie", "song", "tang", "han", "feng", "deng", "cao", "peng", "zeng",
    "xiao", "tian", "dong", "pan", "yuan", "cai", "jiang", "yu", "du", "ye", "cheng", "wei", "su", "lu", "ding", "ren",
    "shen", "yao", "hsu", "chang", "wong", "lee", "chan", "cheung", "kim", "park", "choi", "jung", "kang", "cho",
    "baek", "paek", "paik", "pak", "yun", "shin", "seo", "suh", "kwon", "hwang", "ahn", "jeon", "jun", "hong", "ko",
    "moon", "mun", "son", "bae", "jo", "heo", "nam", "sim", "noh", "kwak", "cha", "ryu", "joo", "ri", "rhee", "choe",
    "yi", "oh", "lim", "im", "yoon", "jang", "lim", "nguyen", "tran", "le", "pham", "hoang", "huynh", "phan", "vu",
    "vo", "dang", "bui", "do", "ho", "ngo", "duong", "ly", "chiang", "tsai", "hsieh", "kuo", "tseng", "chou", "lai",
    "hung", "yeh", "chu",
];

/// True when a one-word `short` name is the family name that opens the
/// East Asian full name `long`.
fn family_first_match(short: &NameParts, long: &NameParts) -> bool {
    short.parts.len() == 1
        && long.parts.len() >= 2
        && FAMILY_FIRST.contains(&long.parts[0].as_str())
        && skeleton(&short.parts[0]) == skeleton(&long.parts[0])
}

/// True when a one-word `short` name is the first of two family names of a
/// longer name ("Palacios" for "Ximena Palacios Cordero"; Spanish and
/// Portuguese names carry two).
fn middle_surname_match(short: &NameParts, long: &NameParts) -> bool {
    if short.parts.len() != 1 {
        return false;
    }
    let core = long.core();
    core.len() >= 3 && core[1..core.len() - 1].iter().any(|p| *p == short.parts[0].as_str() && p.len() >= 4)
}

/// True when two joined spellings are transliteration variants.
/// True when two spellings are variants of one name: their skeletons
/// (`sa`, `sb`, computed by the caller, who reuses them) agree and the
/// spellings are similar. The skeletons are compared first: most pairs a
/// registry tries differ there, and folding both spellings for the
/// similarity costs two allocations.
fn variant_of_skeletons(a: &str, b: &str, sa: &str, sb: &str) -> bool {
    if sa != sb || sa.len() < MIN_SKELETON {
        return false;
    }
    // Similarity is judged on the folded spellings, so that a digraph
    // alternative ("gh"/"q", "zh"/"j") costs nothing.
    let (a, b) = (&fold_digraphs(a), &fold_digraphs(b));
    let floor = if sa.len() < 5 { MIN_SIMILARITY_SHORT } else { MIN_SIMILARITY };
    strsim::jaro_winkler(a, b) >= floor
}

/// Given names agree when either side has none, or they match by skeleton or
/// by initial.
fn given_names_agree(a: &[&str], b: &[&str]) -> bool {
    if a.is_empty() || b.is_empty() {
        return true;
    }
    let (fa, fb) = (a[0], b[0]);
    if fa.len() == 1 || fb.len() == 1 {
        return fa.chars().next() == fb.chars().next();
    }
    fa == fb || (skeleton(fa) == skeleton(fb) && strsim::jaro_winkler(&fold_digraphs(fa), &fold_digraphs(fb)) >= 0.75)
}

#[cfg(test)]
mod tests {

    #[test]
    fn fuller_names_replace_display_names_only_with_name_parts() {
        // A middle name, a leading given name, or a full name for a surname.
        assert!(is_fuller_name("Hillary Rodham Clinton", "Hillary Clinton"));
        assert!(is_fuller_name("Hossein Amir Abdollahian", "Amir Abdollahian"));
        assert!(is_fuller_name("Kyrylo Budanov", "Budanov"));
        // Another word before a full name is not part of it.
        assert!(!is_fuller_name("Unlike Hillary Clinton", "Hillary Clinton"));
        assert!(!is_fuller_name("Year Barack Obama", "Barack Obama"));
        // ... and the full name takes the display name back from it.
        assert!(is_fuller_name("Barack Obama", "Year Barack Obama"));
        assert!(!is_fuller_name("Amir Abdollahian", "Hossein Amir Abdollahian"));
        // One word is never a full name, however it splits.
        assert!(!is_fuller_name("D'Souza", "Dinesh D'Souza"));
        assert!(!is_fuller_name("Clinton", "Hillary Clinton"));
    }
    use super::*;

    #[test]
    fn transliterations_of_one_name_match() {
        assert_eq!(compare("Amir Abdollahian", "Amir Abdullahian"), NameMatch::Variant);
        assert_eq!(compare("Hossein Amirabadollahian", "Amir Abdollahian"), NameMatch::Variant);
        assert_eq!(compare("Hossein Amir-Abdollahian", "Amirabadollahian"), NameMatch::Surname);
        assert_eq!(compare("Nasser Kanani", "Nasser Kanaani"), NameMatch::Variant);
        assert_eq!(compare("Qolizadeh", "Gholizadeh"), NameMatch::Variant);
        assert_eq!(compare("Gholi-Zadeh", "Qolizadeh"), NameMatch::Variant);
        assert_eq!(compare("Kyrylo Budanov", "Krylo Budanov"), NameMatch::Variant);
        assert_eq!(compare("Volodymyr Zelensky", "Volodymyr Zelenskyy"), NameMatch::Variant);
    }

    #[test]
    fn romanisation_variants_match() {
        assert_eq!(compare("Hamid Zolfaghari", "Zulfiqari"), NameMatch::Surname);
        assert_eq!(compare("Zolfaqari", "Zolfaghari"), NameMatch::Variant);
        assert_eq!(compare("Taras Hnatyuk", "Gnatyuk"), NameMatch::Surname);
        assert_eq!(compare("Emin Garayev", "Emin Qarayev"), NameMatch::Variant);
        assert_eq!(compare("Karayev", "Emin Qarayev"), NameMatch::Surname);
        assert_eq!(compare("Ilse Brandvold", "Ilze Brandwold"), NameMatch::Variant);
        assert_eq!(compare("Oleksandr Kovalenko", "Alexander Kovalenko"), NameMatch::Variant);
        assert_eq!(compare("Behzad Kamalinejad", "Kamali Nezhad"), NameMatch::Variant);
        assert_eq!(compare("Kamali-Nejad", "Kamalinejad"), NameMatch::Exact);
        assert_eq!(compare("Fadl al-Wazir", "Al-Wazeer"), NameMatch::Surname);
        assert_eq!(compare("Youssef Adam Bishara", "Yusuf Bishara"), NameMatch::Variant);
        assert_eq!(compare("Mehmet Çelik", "Celik"), NameMatch::Surname);
        assert_eq!(compare("Khaled Abdel Rahman al-Tayeb", "Al Tayeb"), NameMatch::Surname);
        assert_eq!(compare("Hsu Wen-chieh", "Hsu"), NameMatch::Surname);
    }

    #[test]
    fn similar_names_of_different_people_stay_apart() {
        assert_eq!(compare("Oleksandr Kovalenko", "Oleksiy Kovalenko"), NameMatch::Different);
        assert_eq!(compare("Fatemeh Mousavi", "Reza Musavi"), NameMatch::Different);
        assert_eq!(compare("Mehmet Çelik", "Bülent Çelikkol"), NameMatch::Different);
        assert_eq!(compare("Zhang Wei", "Chang Chi-ming"), NameMatch::Different);
        assert_eq!(compare("Murat Yılmaz", "Ayşe Yılmaz"), NameMatch::Different);
    }

    #[test]
    fn surnames_refer_to_full_names() {
        assert_eq!(compare("Budanov", "Kyrylo Budanov"), NameMatch::Surname);
        assert_eq!(compare("Kanaani", "Nasser Kanani"), NameMatch::Surname);
        assert_eq!(compare("Gen. Budanov", "Kyrylo Budanov"), NameMatch::Surname);
    }

    #[test]
    fn different_people_stay_apart() {
        assert_eq!(compare("Nasser Kanani", "Hossein Amirabadollahian"), NameMatch::Different);
        assert_eq!(compare("John Smith", "Jane Smith"), NameMatch::Different);
        assert_eq!(compare("Putin", "Patna"), NameMatch::Different);
        assert_eq!(compare("Ali Khan", "Ali Kahn"), NameMatch::Different);
        assert_eq!(compare("Hossein", "Hossein Amirabadollahian"), NameMatch::Different);
        assert_eq!(compare("Kim Jong Un", "Kim Yo Jong"), NameMatch::Different);
    }

    #[test]
    fn skeleton_folds_vowels_and_digraphs() {
        assert_eq!(skeleton("Kanaani"), skeleton("Kanani"));
        assert_eq!(skeleton("Abdollahian"), skeleton("Abdullahian"));
        assert_ne!(skeleton("Budanov"), skeleton("Kanani"));
    }
}
