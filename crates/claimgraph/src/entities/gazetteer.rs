//! Word lists the entity stage relies on: countries (with demonyms, capitals
//! and alternative names, derived from PETRARCH2's MIT-licensed Phoenix
//! dictionary by `tools/gen_countries.py`), organisation head words, role
//! nouns and pronouns.

use crate::lower::lowercase;
use rustc_hash::FxHashMap;
use std::sync::LazyLock;

/// A country of the gazetteer.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Country {
    /// ISO 3166 alpha-3 code.
    pub code: String,
    /// Display name ("Iran").
    pub name: String,
}

/// The country gazetteer: every variant, lower-cased, to its country.
pub struct Countries {
    countries: Vec<Country>,
    by_variant: FxHashMap<String, usize>,
    /// The first country of each code: the event coder asks for the
    /// country of every actor code it reads.
    by_code: FxHashMap<String, usize>,
}

static COUNTRIES: LazyLock<Countries> =
    LazyLock::new(|| Countries::parse(include_str!("../../resources/countries.tsv")));

impl Countries {
    /// The built-in gazetteer.
    pub fn get() -> &'static Countries {
        &COUNTRIES
    }

    fn parse(tsv: &str) -> Countries {
        let mut countries = Vec::new();
        let mut by_variant = FxHashMap::default();
        let mut by_code = FxHashMap::default();
        for line in tsv.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()) {
            let mut cols = line.split('\t');
            let (Some(code), Some(name)) = (cols.next(), cols.next()) else { continue };
            let idx = countries.len();
            countries.push(Country { code: code.to_string(), name: name.to_string() });
            by_code.entry(code.to_string()).or_insert(idx);
            by_variant.entry(name.to_lowercase()).or_insert(idx);
            for v in cols {
                by_variant.entry(v.to_lowercase()).or_insert(idx);
            }
        }
        // Common short forms the dictionary lacks or spells differently.
        for (v, code) in
            [("u.s.", "USA"), ("us", "USA"), ("uk", "GBR"), ("u.k.", "GBR"), ("kiev", "UKR"), ("kyiv", "UKR")]
        {
            if let Some(idx) = countries.iter().position(|c| c.code == code) {
                by_variant.entry(v.to_string()).or_insert(idx);
            }
        }
        Countries { countries, by_variant, by_code }
    }

    /// The country a name, demonym or city refers to.
    pub fn lookup(&self, name: &str) -> Option<&Country> {
        let key = name.trim().trim_end_matches("’s").trim_end_matches("'s").to_lowercase();
        self.by_variant.get(&key).map(|&i| &self.countries[i])
    }

    /// The country with the given ISO code.
    pub fn by_code(&self, code: &str) -> Option<&Country> {
        self.by_code.get(code).map(|&i| &self.countries[i])
    }
}

/// Head words that make a capitalised phrase an organisation.
const ORG_WORDS: &[&str] = &[
    "ministry",
    "agency",
    "council",
    "committee",
    "party",
    "army",
    "forces",
    "force",
    "navy",
    "guard",
    "guards",
    "corps",
    "police",
    "department",
    "office",
    "service",
    "services",
    "bank",
    "company",
    "corporation",
    "corp",
    "inc",
    "ltd",
    "llc",
    "plc",
    "university",
    "times",
    "post",
    "news",
    "press",
    "network",
    "union",
    "organization",
    "organisation",
    "association",
    "institute",
    "foundation",
    "commission",
    "parliament",
    "senate",
    "congress",
    "court",
    "government",
    "administration",
    "embassy",
    "group",
    "front",
    "movement",
    "brigade",
    "brigades",
    "command",
    "directorate",
    "bureau",
    "authority",
    "federation",
    "league",
    "alliance",
    "coalition",
    "cabinet",
    "assembly",
    "house",
    "pentagon",
    "kremlin",
    "nato",
    "un",
    "eu",
    "iaea",
    "who",
    "imf",
    "opec",
    "reuters",
    "tass",
    "irna",
    "agence",
    "journal",
    "courier",
    "chronicle",
    "observer",
    "examiner",
    "inquirer",
    "dispatch",
    "bulletin",
    "magazine",
    "tribune",
    "herald",
    "gazette",
    "telegraph",
    "guardian",
    "monitor",
    "systems",
    "microsystems",
    "technologies",
    "petroleum",
    "motors",
    "shipping",
    "logistics",
    "capital",
    "partners",
    "media",
    "networks",
    "solutions",
    "electronics",
    "pharmaceuticals",
    "maritime",
    "energy",
    "gas",
    "oil",
    "mining",
    "resources",
    "emirate",
    "caliphate",
    "ministries",
    "militia",
    "battalion",
    "regiment",
    "division",
    "fleet",
    "broadcasting",
    "television",
    "radio",
    "tv",
    "channel",
    "club",
    "airlines",
    "airways",
    "industries",
    "group",
    "holdings",
    "systems",
    "fund",
    "trust",
    "center",
    "centre",
    "school",
    "college",
    "hospital",
    "church",
    "mission",
    "secretariat",
    "presidency",
    "prefecture",
    "inspectorate",
    "governorate",
    "municipality",
    "management",
    "staff",
    "intelligence",
    "observatory",
    "watch",
    "hezbollah",
    "hamas",
    "taliban",
];

/// Legal forms of companies, written last in a company's name ("Rafineri
/// A.Ş.", "Bosch GmbH", "Renault S.A."), compared without their dots.
const COMPANY_FORMS: &[&str] =
    &["aş", "as", "gmbh", "sa", "spa", "nv", "bv", "oy", "oyj", "srl", "sarl", "pjsc", "ojsc", "jsc", "llp", "ag"];

/// True when the last of two or more words of a name is a company's legal
/// form: only there, since initials before a person's name look the same
/// ("N.V. Ramana", "S.A. Bobde").
pub fn ends_with_company_form(words: &[&str]) -> bool {
    let [.., before, last] = words else { return false };
    let form: String = last.chars().filter(|c| *c != '.').collect::<String>().to_lowercase();
    !before.is_empty() && COMPANY_FORMS.contains(&form.as_str())
}

/// True when `word` marks an organisation name.
pub fn is_org_word(word: &str) -> bool {
    ORG_WORDS.contains(&&*lowercase(word))
}

/// Role nouns and the class each belongs to: two roles match only within a
/// class ("head" and "chief" are one class; "minister" another).
const ROLE_NOUNS: &[(&str, &str)] = &[
    ("minister", "minister"),
    ("ministers", "minister"),
    ("spokesman", "spokesperson"),
    ("spokeswoman", "spokesperson"),
    ("spokesperson", "spokesperson"),
    ("spokesmen", "spokesperson"),
    ("head", "head"),
    ("chief", "head"),
    ("director", "head"),
    ("boss", "head"),
    ("leader", "leader"),
    ("leaders", "leader"),
    ("president", "president"),
    ("vice-president", "vice-president"),
    ("chairman", "chair"),
    ("chairwoman", "chair"),
    ("chair", "chair"),
    ("commander", "commander"),
    ("general", "commander"),
    ("brigadier", "commander"),
    ("marshal", "commander"),
    ("colonel", "colonel"),
    ("major", "major"),
    ("captain", "captain"),
    ("lieutenant", "lieutenant"),
    ("admiral", "admiral"),
    ("sergeant", "sergeant"),
    ("official", "official"),
    ("officials", "official"),
    ("officer", "official"),
    ("ambassador", "ambassador"),
    ("envoy", "envoy"),
    ("diplomat", "diplomat"),
    ("diplomats", "diplomat"),
    ("secretary", "secretary"),
    ("governor", "governor"),
    ("mayor", "mayor"),
    ("adviser", "adviser"),
    ("advisor", "adviser"),
    ("aide", "adviser"),
    ("counterpart", "counterpart"),
    ("prosecutor", "prosecutor"),
    ("judge", "judge"),
    ("lawyer", "lawyer"),
    ("attorney", "lawyer"),
    ("analyst", "analyst"),
    ("analysts", "analyst"),
    ("expert", "expert"),
    ("experts", "expert"),
    ("scientist", "scientist"),
    ("researcher", "researcher"),
    ("professor", "professor"),
    ("lawmaker", "lawmaker"),
    ("lawmakers", "lawmaker"),
    ("parliamentarian", "lawmaker"),
    ("parliamentarians", "lawmaker"),
    ("legislator", "lawmaker"),
    ("legislators", "lawmaker"),
    ("mp", "lawmaker"),
    ("mps", "lawmaker"),
    ("senator", "lawmaker"),
    ("congressman", "lawmaker"),
    ("congresswoman", "lawmaker"),
    // As a head noun, "deputy" is in translated news a member of
    // parliament (French député, Russian депутат, Spanish diputado); as a
    // modifier ("deputy minister") it is a rank, read in roles.rs.
    ("deputy", "lawmaker"),
    ("deputies", "lawmaker"),
    ("negotiator", "negotiator"),
    ("witness", "witness"),
    ("witnesses", "witness"),
    ("resident", "resident"),
    ("residents", "resident"),
    ("activist", "activist"),
    ("activists", "activist"),
    ("journalist", "journalist"),
    ("reporter", "journalist"),
    ("correspondent", "journalist"),
    ("editor", "journalist"),
    ("founder", "founder"),
    ("ceo", "head"),
    ("executive", "executive"),
    ("manager", "manager"),
    ("representative", "representative"),
    ("delegate", "representative"),
    ("inspector", "inspector"),
    ("investigator", "investigator"),
    ("informant", "source"),
    ("informants", "source"),
    ("source", "source"),
    ("sources", "source"),
    ("observer", "observer"),
    ("observers", "observer"),
    ("premier", "prime-minister"),
    ("king", "monarch"),
    ("queen", "monarch"),
    ("prince", "monarch"),
    ("emir", "monarch"),
    ("ruler", "leader"),
    ("candidate", "candidate"),
    ("nominee", "candidate"),
    ("chancellor", "chancellor"),
    ("speaker", "speaker"),
    ("mediator", "negotiator"),
    ("militant", "militant"),
    ("militants", "militant"),
    ("soldier", "soldier"),
    ("soldiers", "soldier"),
    ("doctor", "doctor"),
    ("doctors", "doctor"),
    ("victim", "victim"),
    ("survivor", "victim"),
    ("ayatollah", "cleric"),
    ("cleric", "cleric"),
    ("owner", "owner"),
    ("partner", "partner"),
    ("elder", "elder"),
    ("administrator", "administrator"),
    ("coordinator", "coordinator"),
    ("commissioner", "commissioner"),
    ("superintendent", "head"),
    ("rapporteur", "rapporteur"),
    ("consul", "diplomat"),
    ("attaché", "diplomat"),
    ("undersecretary", "secretary"),
    ("ombudsman", "ombudsman"),
    ("prefect", "governor"),
    ("registrar", "official"),
    // Heads of offices, villages and institutions that translations write
    // before a name as a title ("Controller Keshab Raj Adhikari", "Headman
    // Boonmi In-kaew").
    ("controller", "head"),
    ("comptroller", "head"),
    ("headman", "head"),
    ("chieftain", "head"),
    ("warden", "head"),
    ("headmaster", "head"),
    ("headmistress", "head"),
    ("treasurer", "official"),
    ("auditor", "official"),
    ("magistrate", "judge"),
    ("councillor", "lawmaker"),
    ("councilor", "lawmaker"),
    ("elders", "elder"),
    ("man", "person"),
    ("woman", "person"),
    ("villager", "resident"),
    ("villagers", "resident"),
    ("farmer", "farmer"),
    ("farmers", "farmer"),
    ("employee", "employee"),
    ("clerk", "employee"),
    ("staffer", "employee"),
    ("employees", "employee"),
    ("worker", "worker"),
    ("workers", "worker"),
    ("student", "student"),
    ("students", "student"),
    ("nurse", "doctor"),
    ("teacher", "teacher"),
    ("mother", "relative"),
    ("father", "relative"),
    ("relative", "relative"),
    ("relatives", "relative"),
    ("neighbour", "resident"),
    ("neighbor", "resident"),
    ("eyewitness", "witness"),
    ("eyewitnesses", "witness"),
    ("passenger", "passenger"),
    ("driver", "driver"),
    ("fisherman", "fisherman"),
    ("shopkeeper", "merchant"),
    ("merchant", "merchant"),
    ("trader", "merchant"),
    ("traders", "merchant"),
    ("citizen", "resident"),
    ("refugee", "refugee"),
    ("refugees", "refugee"),
    ("protester", "protester"),
    ("protesters", "protester"),
    ("insider", "source"),
    ("insiders", "source"),
];

/// [`ROLE_NOUNS`] as a map (the first class listed for a noun, as a scan
/// of the list finds): `role_class` runs for most words of every article.
static ROLE_CLASSES: LazyLock<FxHashMap<&'static str, &'static str>> = LazyLock::new(|| {
    let mut map = FxHashMap::with_capacity_and_hasher(ROLE_NOUNS.len(), Default::default());
    for &(noun, class) in ROLE_NOUNS {
        map.entry(noun).or_insert(class);
    }
    map
});

/// The class of a role noun ("chief" → "head"), if `word` is one.
pub fn role_class(word: &str) -> Option<&'static str> {
    let w = lowercase(word);
    if let Some(c) = ROLE_CLASSES.get(&*w) {
        return Some(c);
    }
    // A role written with a rank prefix in one word ("vice-minister",
    // "sub-commissioner", "ex-president") is of its noun's class; the
    // prefix itself is kept as a word of the description (roles.rs).
    let (prefix, noun) = w.split_once('-')?;
    ROLE_PREFIXES.contains(&prefix).then(|| role_class(noun)).flatten()
}

/// True when `word` names one person by role or by walk of life ("the
/// spokesman", "a nurse", "a property developer"): a [`role_class`] noun or
/// one of a list of everyday person nouns that are no roles.
pub fn is_person_noun(word: &str) -> bool {
    role_class(word).is_some()
        || matches!(
            &*lowercase(word),
            "pensioner"
                | "volunteer"
                | "medic"
                | "developer"
                | "landlord"
                | "tenant"
                | "plaintiff"
                | "defendant"
                | "claimant"
                | "patient"
                | "parent"
                | "pilot"
                | "engineer"
                | "businessman"
                | "businesswoman"
                | "entrepreneur"
                | "banker"
                | "investor"
                | "athlete"
                | "player"
                | "coach"
                | "priest"
                | "imam"
                | "pastor"
                | "veteran"
                | "goalkeeper"
                | "cacique"
        )
}

/// Prefixes of rank joined to a role noun by a hyphen.
pub const ROLE_PREFIXES: &[&str] = &["vice", "deputy", "co", "ex", "acting", "under", "sub", "assistant", "chief"];

/// Grammatical gender and number of a pronoun.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum PronounKind {
    /// he, him, his
    Masculine,
    /// she, her, hers
    Feminine,
    /// they, them, their
    Plural,
    /// it, its
    Neuter,
    /// I, we: the speaker of a quote
    FirstPerson,
}

/// The kind of a personal pronoun, if `word` is one.
pub fn pronoun_kind(word: &str) -> Option<PronounKind> {
    match &*lowercase(word) {
        "he" | "him" | "his" | "himself" => Some(PronounKind::Masculine),
        "she" | "her" | "hers" | "herself" => Some(PronounKind::Feminine),
        "they" | "them" | "their" | "theirs" | "themselves" => Some(PronounKind::Plural),
        "it" | "its" | "itself" => Some(PronounKind::Neuter),
        "i" | "we" | "me" | "us" | "my" | "our" => Some(PronounKind::FirstPerson),
        _ => None,
    }
}

/// Capitalised words that start sentences or headlines without naming
/// anything (function words, common sentence adverbs, months and days).
const NOT_NAMES: &[&str] = &[
    "the",
    "a",
    "an",
    "but",
    "and",
    "or",
    "in",
    "on",
    "at",
    "of",
    "for",
    "to",
    "from",
    "with",
    "by",
    "as",
    "if",
    "when",
    "while",
    "after",
    "before",
    "since",
    "because",
    "although",
    "though",
    "however",
    "meanwhile",
    "according",
    "he",
    "she",
    "it",
    "they",
    "we",
    "i",
    "you",
    "his",
    "her",
    "its",
    "their",
    "our",
    "my",
    "your",
    "this",
    "that",
    "these",
    "those",
    "there",
    "here",
    "then",
    "so",
    "yet",
    "also",
    "still",
    "now",
    "today",
    "yesterday",
    "tomorrow",
    "last",
    "next",
    "earlier",
    "later",
    "some",
    "many",
    "most",
    "all",
    "no",
    "not",
    "what",
    "who",
    "which",
    "where",
    "why",
    "how",
    "one",
    "two",
    "three",
    "several",
    "both",
    "each",
    "every",
    "other",
    "another",
    "such",
    "more",
    "less",
    "mr",
    "mrs",
    "ms",
    "dr",
    "monday",
    "tuesday",
    "wednesday",
    "thursday",
    "friday",
    "saturday",
    "sunday",
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "in",
    "be",
    "is",
    "are",
    "was",
    "were",
    "do",
    "does",
    "did",
    "has",
    "have",
    "had",
    "will",
    "would",
    "can",
    "could",
    "should",
    "may",
    "might",
    "must",
    "said",
    "says",
    "say",
    "despite",
    "during",
    "under",
    "over",
    "into",
    "about",
    "against",
    "between",
    "through",
    "without",
    "within",
    "until",
    "unless",
    "whether",
    "once",
    "instead",
    "indeed",
    "thus",
    "therefore",
    "moreover",
    "furthermore",
    "besides",
    "again",
    "already",
    "even",
    "only",
    "just",
    "very",
    "related",
    "back",
    "read",
    "share",
    "click",
    "subscribe",
    "follow",
    "eight",
    "four",
    "five",
    "six",
    "seven",
    "nine",
    "ten",
    "first",
    "second",
    "third",
    "we",
    "let",
    "please",
    "yes",
];

/// Words that are part of names only together with others ("New York",
/// "North Korea", "United Nations"), never alone.
const WEAK_NAME_WORDS: &[&str] = &[
    "new",
    "old",
    "north",
    "south",
    "east",
    "west",
    "northern",
    "southern",
    "eastern",
    "western",
    "great",
    "united",
    "saint",
    "san",
    "santa",
    "los",
    "las",
    "le",
    "la",
    "el",
    "al",
    "upper",
    "lower",
    "central",
    "national",
    "royal",
    "federal",
    "islamic",
    "democratic",
    "republic",
    "people",
    "peoples",
    "free",
    "grand",
    "high",
    "supreme",
];

/// True for words that name something only as part of a longer name.
pub fn is_weak_name_word(word: &str) -> bool {
    WEAK_NAME_WORDS.contains(&&*lowercase(word))
}

/// True for capitalised words that are not names by themselves.
pub fn is_not_name(word: &str) -> bool {
    NOT_NAMES.contains(&&*lowercase(word))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn countries_resolve_names_demonyms_and_capitals() {
        let c = Countries::get();
        assert_eq!(c.lookup("Iran").map(|c| c.code.as_str()), Some("IRN"));
        assert_eq!(c.lookup("Iranian").map(|c| c.code.as_str()), Some("IRN"));
        assert_eq!(c.lookup("Ukraine’s").map(|c| c.code.as_str()), Some("UKR"));
        assert_eq!(c.lookup("Moscow").map(|c| c.code.as_str()), Some("RUS"));
        assert_eq!(c.lookup("U.S.").map(|c| c.code.as_str()), Some("USA"));
        assert!(c.lookup("Budanov").is_none());
    }

    #[test]
    fn roles_fall_into_classes() {
        assert_eq!(role_class("Chief"), role_class("head"));
        assert_ne!(role_class("minister"), role_class("spokesman"));
    }
}
