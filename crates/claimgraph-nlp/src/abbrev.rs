//! Abbreviations that keep their final period, and which of them can still
//! end a sentence.

/// Lower-cased abbreviations (without the final period) that keep it.
const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sr", "st", "rev", "hon", "gov", "sen", "rep", "pres", "gen", "lt", "col", "maj",
    "capt", "cpt", "cmdr", "adm", "sgt", "cpl", "pvt", "brig", "amb", "supt", "insp", "fr", "mt", "messrs", "mme",
    "mlle", "gens", "sens", "reps", "atty", "det", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct",
    "nov", "dec", "tue", "tues", "thu", "thur", "thurs", "fri", "inc", "ltd", "corp", "bros", "llc", "plc", "dept",
    "univ", "assn", "ave", "blvd", "approx", "etc", "vs", "cf", "al", "esp", "e.g", "i.e", "u.s", "u.k", "u.n", "a.m",
    "p.m", "ala", "ariz", "calif", "colo", "conn", "fla", "kan", "mich", "minn", "mont", "neb", "nev", "okla", "tenn",
    "tex", "vt", "wis", "wyo", "jr",
];

/// Abbreviations that usually stand before a name or a number, and so never
/// end a sentence ("Dr. Smith", "Jan. 5", "No. 10").
const NEVER_FINAL: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "rev", "hon", "gov", "sen", "rep", "pres", "gen", "lt", "col", "maj", "capt",
    "cpt", "cmdr", "adm", "sgt", "cpl", "pvt", "brig", "amb", "supt", "insp", "fr", "mt", "st", "messrs", "mme",
    "mlle", "atty", "det", "jan", "feb", "apr", "jun", "jul", "aug", "sep", "sept", "oct", "nov", "dec", "vs", "cf",
    "approx", "e.g", "i.e",
];

fn normalise(word: &str) -> String {
    word.trim_end_matches('.').to_lowercase()
}

/// True when `word` (without its final period) is a known abbreviation.
pub fn is_abbreviation(word: &str) -> bool {
    let w = normalise(word);
    ABBREVIATIONS.contains(&w.as_str())
}

/// True when the abbreviation `word` (with or without its period) stands
/// before what it abbreviates, so a sentence cannot end after it.
pub fn never_ends_sentence(word: &str) -> bool {
    let w = normalise(word);
    NEVER_FINAL.contains(&w.as_str())
}
