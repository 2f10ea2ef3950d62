//! Publication dates to ISO 8601: a date (`2023-10-05`), a civil date-time
//! (`2023-10-05T14:30:00`) or a date-time with its UTC offset
//! (`2023-10-05T14:30:00+02:00`), as the page gave it. The offset is kept
//! rather than converted to UTC so that the date is the publisher's local
//! date. Anything that does not parse, or lies outside 1900-2100, is `None`.
//!
//! [`find`] finds a date written inside a line of text ("MOSCOW, March 14,
//! 2024 - ...", "Published: 14.03.2024, 10:45").

use std::sync::LazyLock;

use jiff::civil::{Date, DateTime, Time};
use jiff::fmt::strtime::BrokenDownTime;
use jiff::fmt::temporal::Pieces;
use jiff::tz::Offset;
use regex::Regex;

/// Free-form date layouts tried after ISO 8601 and RFC 2822, on text already
/// reduced to words and digits separated by single spaces (see [`simplify`]).
const LAYOUTS: &[&str] = &[
    "%B %d %Y", "%b %d %Y", "%d %B %Y", "%d %b %Y", "%Y %B %d", "%Y %b %d", "%Y-%m-%d", "%Y/%m/%d", "%Y.%m.%d",
    "%d.%m.%Y", "%Y%m%d",
];

/// Normalises a date or date-time as found in pages and feeds to ISO 8601.
pub fn normalise(raw: &str) -> Option<String> {
    let s = raw.trim();
    if s.is_empty() || s.len() > 100 {
        return None;
    }
    if let Some(out) = iso(s) {
        return Some(out);
    }
    if let Ok(z) = jiff::fmt::rfc2822::parse(s) {
        return plausible(z.date()).then(|| with_offset(z.datetime(), z.offset()));
    }
    let simple = simplify(s);
    for layout in LAYOUTS {
        // A prefix parse lets a time or time zone follow the date; only the
        // date is kept then, which is the part that matters for news.
        if let Ok((tm, _)) = BrokenDownTime::parse_prefix(layout, &simple) {
            if let Ok(d) = tm.to_date() {
                if plausible(d) {
                    return Some(d.to_string());
                }
            }
        }
    }
    None
}

/// ISO 8601 / RFC 3339 (also with a space for `T`, fractional seconds, and a
/// `[Zone/Name]` suffix).
fn iso(s: &str) -> Option<String> {
    let p = Pieces::parse(s).ok()?;
    let date = p.date();
    if !plausible(date) {
        return None;
    }
    let Some(time) = p.time() else {
        return Some(date.to_string());
    };
    let dt = date.to_datetime(time);
    match p.to_numeric_offset() {
        Some(off) => Some(with_offset(dt, off)),
        None => Some(dt.strftime("%Y-%m-%dT%H:%M:%S").to_string()),
    }
}

fn with_offset(dt: DateTime, off: Offset) -> String {
    let secs = off.seconds();
    let sign = if secs < 0 { '-' } else { '+' };
    let abs = secs.unsigned_abs();
    format!("{}{sign}{:02}:{:02}", dt.strftime("%Y-%m-%dT%H:%M:%S"), abs / 3600, abs % 3600 / 60)
}

fn plausible(d: Date) -> bool {
    (1900..=2100).contains(&d.year())
}

/// English month abbreviations, as strtime's `%b` reads them.
const ENGLISH_ABBREVIATIONS: [&str; 12] =
    ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

/// Reduces "Thursday, Oct. 5th, 2023 at 2:30 pm" to "Oct 5 2023 at 2:30 pm":
/// no leading weekday or other word, no commas, no abbreviation dots, no
/// ordinal suffixes, months in English.
fn simplify(s: &str) -> String {
    let mut words = Vec::new();
    for w in s.split([' ', ',', '\t', '\n']).filter(|w| !w.is_empty()) {
        let lower = w.trim_end_matches('.').to_lowercase();
        // Words before the date that are not a month ("Thursday", "Thu",
        // "jeudi", "Published") go: no layout starts with a word other
        // than the month.
        if words.is_empty() && lower.chars().all(char::is_alphabetic) && month_number(&lower).is_none() {
            continue;
        }
        let mut w = w.trim_end_matches('.').to_string();
        // 5th, 1st, 22nd, 3rd -> 5, 1, 22, 3
        for suffix in ["st", "nd", "rd", "th"] {
            if let Some(num) = w.strip_suffix(suffix) {
                if !num.is_empty() && num.chars().all(|c| c.is_ascii_digit()) {
                    w = num.to_string();
                }
            }
        }
        // strtime knows English names only (and "Sep", not "Sept"): a
        // month named in another language becomes its English
        // abbreviation, and the words other languages put around the
        // month ("16 de noviembre de 2024", "le 5 mars 2024") go.
        if ["de", "del", "le", "el"].contains(&lower.as_str()) {
            continue;
        }
        if let Some(m) = month_number(&lower) {
            w = ENGLISH_ABBREVIATIONS[usize::try_from(m - 1).unwrap_or(0)].to_string();
        }
        words.push(w);
    }
    words.join(" ")
}

/// A date found inside a line of text: where it starts and ends (bytes) and
/// its ISO 8601 form (a date, or a civil date-time when a time of day
/// follows it: "14.03.2024, 10:45" gives `2024-03-14T10:45:00`).
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Found {
    /// Byte offset where the date (with a leading weekday, if any) starts.
    pub start: usize,
    /// Byte offset just after the date and its time of day.
    pub end: usize,
    /// The date in ISO 8601.
    pub iso: String,
}

/// Month names by month, English first (with its abbreviations), then the
/// names that machine translation and partly translated pages leave in
/// English text ("Guayaquil, 16 de noviembre de 2024", "Ankara, 3 Kasım
/// 2024", "Paris, le 5 mars 2024"): Spanish, Portuguese, French, Italian,
/// German, Dutch, Indonesian, Turkish, and Russian and Ukrainian in their
/// genitive forms as dates write them; then Romanian, Serbian and Croatian
/// (Latin script), Polish and Czech genitives, Hungarian, Finnish
/// partitives, Albanian, Tagalog, Swahili, Malay and Haitian Creole. A
/// name shared by two languages names the same month in both; a name two
/// languages give different months ("listopada": November in Polish,
/// October in Croatian) is left out.
const MONTH_NAMES: [&[&str]; 12] = [
    &[
        "january",
        "jan",
        "enero",
        "janeiro",
        "janvier",
        "gennaio",
        "januar",
        "januari",
        "ocak",
        "января",
        "січня",
        "ianuarie",
        "stycznia",
        "ledna",
        "január",
        "siječnja",
        "tammikuuta",
        "janar",
        "janvye",
    ],
    &[
        "february",
        "feb",
        "febrero",
        "fevereiro",
        "février",
        "fevrier",
        "febbraio",
        "februar",
        "februari",
        "şubat",
        "subat",
        "февраля",
        "лютого",
        "februarie",
        "lutego",
        "února",
        "február",
        "veljače",
        "helmikuuta",
        "shkurt",
        "fevriye",
        "pebrero",
    ],
    &[
        "march",
        "mar",
        "marzo",
        "março",
        "marco",
        "mars",
        "märz",
        "maerz",
        "maart",
        "maret",
        "mart",
        "марта",
        "березня",
        "martie",
        "marca",
        "března",
        "március",
        "ožujka",
        "maaliskuuta",
        "marso",
        "machi",
        "mac",
    ],
    &[
        "april",
        "apr",
        "abril",
        "avril",
        "aprile",
        "nisan",
        "апреля",
        "квітня",
        "aprilie",
        "kwietnia",
        "dubna",
        "április",
        "travnja",
        "huhtikuuta",
        "prill",
        "aprili",
    ],
    &[
        "may",
        "mayo",
        "maio",
        "mai",
        "maggio",
        "mei",
        "mayıs",
        "mayis",
        "мая",
        "травня",
        "maj",
        "maja",
        "května",
        "május",
        "svibnja",
        "toukokuuta",
    ],
    &[
        "june",
        "jun",
        "junio",
        "junho",
        "juin",
        "giugno",
        "juni",
        "haziran",
        "июня",
        "червня",
        "iunie",
        "czerwca",
        "června",
        "június",
        "lipnja",
        "kesäkuuta",
        "qershor",
        "jen",
        "hunyo",
    ],
    &[
        "july",
        "jul",
        "julio",
        "julho",
        "juillet",
        "luglio",
        "juli",
        "temmuz",
        "июля",
        "липня",
        "iulie",
        "lipca",
        "července",
        "július",
        "srpnja",
        "heinäkuuta",
        "korrik",
        "jiyè",
        "jiye",
        "hulyo",
        "julai",
    ],
    &[
        "august",
        "aug",
        "agosto",
        "août",
        "aout",
        "augustus",
        "agustus",
        "ağustos",
        "agustos",
        "августа",
        "серпня",
        "avgust",
        "sierpnia",
        "srpna",
        "augusztus",
        "kolovoza",
        "elokuuta",
        "gusht",
        "augusti",
        "agosti",
        "ogos",
    ],
    &[
        "september",
        "sept",
        "sep",
        "septiembre",
        "setiembre",
        "setembro",
        "septembre",
        "settembre",
        "eylül",
        "eylul",
        "сентября",
        "вересня",
        "septembrie",
        "septembar",
        "września",
        "wrzesnia",
        "září",
        "szeptember",
        "rujna",
        "syyskuuta",
        "shtator",
        "septanm",
        "setyembre",
        "septemba",
    ],
    &[
        "october",
        "oct",
        "octubre",
        "outubro",
        "octobre",
        "ottobre",
        "oktober",
        "ekim",
        "октября",
        "жовтня",
        "octombrie",
        "oktobar",
        "października",
        "pazdziernika",
        "října",
        "október",
        "lokakuuta",
        "tetor",
        "oktòb",
        "oktob",
        "oktubre",
        "oktoba",
    ],
    &[
        "november",
        "nov",
        "noviembre",
        "novembro",
        "novembre",
        "kasım",
        "kasim",
        "ноября",
        "листопада",
        "noiembrie",
        "novembar",
        "listopadu",
        "marraskuuta",
        "nëntor",
        "nentor",
        "novanm",
        "nobyembre",
        "novemba",
        "studenoga",
        "studenog",
    ],
    &[
        "december",
        "dec",
        "diciembre",
        "dezembro",
        "décembre",
        "decembre",
        "dicembre",
        "dezember",
        "desember",
        "aralık",
        "aralik",
        "декабря",
        "грудня",
        "decembrie",
        "decembar",
        "grudnia",
        "prosince",
        "prosinca",
        "joulukuuta",
        "dhjetor",
        "desanm",
        "disyembre",
        "desemba",
        "disember",
    ],
];

/// The regex alternation of every month name, longest first so that a
/// full name wins over its abbreviation.
static MONTHS: LazyLock<String> = LazyLock::new(|| {
    let mut names: Vec<&str> = MONTH_NAMES.iter().flat_map(|names| names.iter().copied()).collect();
    names.sort_by_key(|n| std::cmp::Reverse(n.chars().count()));
    names.dedup();
    names.join("|")
});
const WEEKDAY: &str = r"(?:(?:mon|tues?|wed(?:nes)?|thu(?:rs?)?|fri|sat(?:ur)?|sun)(?:day)?\.?,?\s+)?";

/// How the numbers of a date are ordered.
#[derive(Clone, Copy)]
enum Order {
    /// 2024-03-14: never ambiguous.
    YearFirst,
    /// 14.03.2024: day first, as everywhere dots are used.
    DayFirstDots,
    /// 14/03/2024 or 03/14/2024: day first unless only month first makes
    /// sense; both readings possible and different ("03/04/2024") is
    /// ambiguous (American sites write the month first) and rejected.
    Slashed,
    /// A month name: the order is in the words.
    Named,
    /// A Solar Hijri (Persian) month name: "25 Farvardin 1403".
    Persian,
}

/// Written dates in their common layouts, each with named groups `y`, `m`
/// (a number or an English month name) and `d`, and an optional weekday in
/// front. Digits must not touch other digits ("120.03.20245" is no date).
static DATE_PATTERNS: LazyLock<Vec<(Regex, Order)>> = LazyLock::new(|| {
    let m = MONTHS.as_str();
    let w = WEEKDAY;
    let mut out = Vec::new();
    for sep in ["-", "/", r"\."] {
        out.push((
            format!(r"(?i)\b{w}(?P<y>\d{{4}}){sep}(?P<m>\d{{1,2}}){sep}(?P<d>\d{{1,2}})(?:T|\b)"),
            Order::YearFirst,
        ));
    }
    out.push((format!(r"(?i)\b{w}(?P<d>\d{{1,2}})\.(?P<m>\d{{1,2}})\.(?P<y>\d{{4}})\b"), Order::DayFirstDots));
    for sep in ["/", "-"] {
        out.push((format!(r"(?i)\b{w}(?P<d>\d{{1,2}}){sep}(?P<m>\d{{1,2}}){sep}(?P<y>\d{{4}})\b"), Order::Slashed));
    }
    // 14 March 2024, 14th of March, 2024, 14 Mar. 2024, and as other
    // languages join them: "16 de noviembre de 2024", "16. November 2024",
    // "le 5 mars 2024" (the article stays outside the match).
    out.push((
        format!(
            r"(?i)\b{w}(?P<d>\d{{1,2}})(?:st|nd|rd|th|\.)?\s+(?:(?:of|de|del)\s+)?(?P<m>{m})\b\.?,?\s+(?:(?:de|del)\s+)?(?P<y>\d{{4}})\b"
        ),
        Order::Named,
    ));
    // March 14, 2024, Mar. 14 2024, March 14th, 2024
    out.push((
        format!(r"(?i)\b{w}(?P<m>{m})\b\.?\s+(?P<d>\d{{1,2}})(?:st|nd|rd|th)?,?\s+(?P<y>\d{{4}})\b"),
        Order::Named,
    ));
    // 2026. november 23. (Hungarian: the year first, then the month's name).
    out.push((format!(r"(?i)\b(?P<y>\d{{4}})\.?\s+(?P<m>{m})\s+(?P<d>\d{{1,2}})\b"), Order::Named));
    // ngày 23 tháng 11 năm 2026 (Vietnamese: day, month number, year).
    out.push((
        r"(?i)\b(?P<d>\d{1,2})\s+tháng\s+(?P<m>\d{1,2}),?\s+năm\s+(?P<y>\d{4})\b".to_string(),
        Order::DayFirstDots,
    ));
    // 2024年11月16日 (Chinese and Japanese), 2024년 11월 16일 (Korean).
    out.push((
        r"(?P<y>\d{4})\s*[年년]\s*(?P<m>\d{1,2})\s*[月월]\s*(?P<d>\d{1,2})\s*[日일]".to_string(),
        Order::YearFirst,
    ));
    // 25 Farvardin 1403 (Solar Hijri, as Iranian and Afghan sites date).
    out.push((
        format!(r"(?i)\b{w}(?P<d>\d{{1,2}})\s+(?P<m>{PERSIAN_MONTHS})\b,?\s+(?P<y>1[34]\d\d)\b"),
        Order::Persian,
    ));
    out.into_iter().map(|(p, o)| (Regex::new(&p).expect("date pattern"), o)).collect()
});

/// A time of day right after a date: ", 10:45", " at 2:30 pm", " | 10:45:12".
static TIME_AFTER: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)^\s*(?:,|at|\||-|–|—|/|·|•)?\s*(?P<h>\d{1,2})[:.](?P<min>\d{2})(?::(?P<s>\d{2}))?(?:\s*(?P<ampm>[ap])\.?m\b\.?)?",
    )
    .expect("time pattern")
});

/// The first written date in `s`, with the time of day that follows it, if
/// any: year-first or day-first numbers ("2024-03-14", "14.03.2024"; a
/// slashed date only when the order is clear), English month names ("14
/// March 2024", "March 14th, 2024"), Solar Hijri dates ("1403/01/25", "25
/// Farvardin 1403", converted). Dates outside 1900-2100 or that do not
/// exist (31 February) are skipped.
pub fn find(s: &str) -> Option<Found> {
    // Every pattern holds a year of four digits (`\d{4}`, `1[34]\d\d`):
    // without four digits in a row no pattern can match, and most lines
    // have none. The regexes cost far more than this test (their word
    // boundaries are Unicode-aware, so a line with curly quotes or dashes
    // is searched by a slower engine), and `find` runs on every line at
    // the top of an article.
    if !has_four_digits(s) {
        return None;
    }
    DATE_PATTERNS
        .iter()
        .flat_map(|(re, order)| re.captures_iter(s).map(move |c| (c, *order)))
        .filter_map(|(c, order)| {
            let all = c.get(0)?;
            let date = ymd(c.name("y")?.as_str(), c.name("m")?.as_str(), c.name("d")?.as_str(), order)?;
            Some((all.start(), all.end(), date))
        })
        .min_by_key(|(start, end, _)| (*start, usize::MAX - end))
        .map(|(start, end, date)| match time_after(&s[end..]) {
            Some((len, time)) => {
                Found { start, end: end + len, iso: date.to_datetime(time).strftime("%Y-%m-%dT%H:%M:%S").to_string() }
            }
            None => Found { start, end, iso: date.to_string() },
        })
}

/// The first slashed date in `s` read day first ("01/09/2026" is 1
/// September), for a line the caller knows comes from a site that writes
/// the day first; [`find`] rejects such a date as ambiguous.
pub fn find_day_first(s: &str) -> Option<Found> {
    static SLASHED: LazyLock<Regex> =
        LazyLock::new(|| Regex::new(r"\b(?P<d>\d{1,2})/(?P<m>\d{1,2})/(?P<y>\d{4})\b").expect("slashed date"));
    let c = SLASHED.captures(s)?;
    let all = c.get(0)?;
    let y: i16 = c["y"].parse().ok()?;
    let m: i8 = c["m"].parse().ok()?;
    let d: i8 = c["d"].parse().ok()?;
    let date = Date::new(y, m, d).ok().filter(|d| plausible(*d))?;
    Some(Found { start: all.start(), end: all.end(), iso: date.to_string() })
}

/// True when `s` has four digits in a row. `char::is_numeric` takes in
/// every character `\d` matches (Unicode decimal digits) and more, so a
/// false answer means no `\d{4}` can match.
fn has_four_digits(s: &str) -> bool {
    let mut run = 0;
    for c in s.chars() {
        run = if c.is_numeric() { run + 1 } else { 0 };
        if run == 4 {
            return true;
        }
    }
    false
}

/// A date from its year, month (number or English name) and day.
fn ymd(y: &str, m: &str, d: &str, order: Order) -> Option<Date> {
    let y: i16 = y.parse().ok()?;
    let mut d: i8 = d.parse().ok()?;
    let mut m: i8 = match (m.parse::<i8>(), order) {
        (Ok(n), _) => n,
        (Err(_), Order::Persian) => persian_month_number(m)?,
        (Err(_), _) => month_number(m)?,
    };
    // Years 1300-1499 written year first ("1403/01/25") or with a Persian
    // month name are Solar Hijri; no Gregorian news date is that old.
    if matches!(order, Order::Persian) || matches!(order, Order::YearFirst) && (1300..1500).contains(&y) {
        return persian_to_gregorian(y, m, d);
    }
    if let Order::Slashed = order {
        // Read as day first; swap when only month first is a date.
        if m > 12 && d <= 12 {
            std::mem::swap(&mut m, &mut d);
        } else if m <= 12 && d <= 12 && m != d {
            return None;
        }
    }
    let date = Date::new(y, m, d).ok()?;
    plausible(date).then_some(date)
}

/// Solar Hijri month names, in their common romanisations.
const PERSIAN_MONTHS: &str =
    "farvardin|ordibehesht|khordad|tir|mordad|amordad|shahrivar|mehr|aban|azar|dey|day|bahman|esfand|esfend";

fn persian_month_number(name: &str) -> Option<i8> {
    let n = name.to_ascii_lowercase();
    let months: [&[&str]; 12] = [
        &["farvardin"],
        &["ordibehesht"],
        &["khordad"],
        &["tir"],
        &["mordad", "amordad"],
        &["shahrivar"],
        &["mehr"],
        &["aban"],
        &["azar"],
        &["dey", "day"],
        &["bahman"],
        &["esfand", "esfend"],
    ];
    let i = months.iter().position(|names| names.contains(&n.as_str()))?;
    i8::try_from(i + 1).ok()
}

/// Converts a Solar Hijri date to the Gregorian calendar, with the
/// astronomical leap-year rule of the 33-year cycles as the `jalaali`
/// libraries compute it (break years of the cycles, valid 1-3177 AP).
fn persian_to_gregorian(jy: i16, jm: i8, jd: i8) -> Option<Date> {
    const BREAKS: [i32; 20] =
        [-61, 9, 38, 199, 426, 686, 756, 818, 1111, 1181, 1210, 1635, 2060, 2097, 2192, 2262, 2324, 2394, 2456, 3178];
    let month_len = match jm {
        1..=6 => 31,
        7..=11 => 30,
        12 => 30,
        _ => return None,
    };
    if jd < 1 || jd > month_len {
        return None;
    }
    let jy = i32::from(jy);
    let gy = jy + 621;
    let mut leap_j = -14;
    let mut jp = BREAKS[0];
    let mut jump = 0;
    for &jm_break in &BREAKS[1..] {
        jump = jm_break - jp;
        if jy < jm_break {
            break;
        }
        leap_j += jump / 33 * 8 + jump % 33 / 4;
        jp = jm_break;
    }
    let n = jy - jp;
    leap_j += n / 33 * 8 + (n % 33 + 3) / 4;
    if jump % 33 == 4 && jump - n == 4 {
        leap_j += 1;
    }
    let leap_g = gy / 4 - (gy / 100 + 1) * 3 / 4 - 150;
    // The Gregorian day in March of Farvardin 1st.
    let march = 20 + leap_j - leap_g;
    let day_of_year = (i32::from(jm) - 1) * 31 - i32::from(jm) / 7 * (i32::from(jm) - 7) + i32::from(jd) - 1;
    let first = Date::new(i16::try_from(gy).ok()?, 3, i8::try_from(march).ok()?).ok()?;
    let date = first.checked_add(jiff::Span::new().days(i64::from(day_of_year))).ok()?;
    plausible(date).then_some(date)
}

/// The number of a month named in any language of [`MONTH_NAMES`].
fn month_number(name: &str) -> Option<i8> {
    let n = name.trim_end_matches('.').to_lowercase();
    let i = MONTH_NAMES.iter().position(|names| names.contains(&n.as_str()))?;
    i8::try_from(i + 1).ok()
}

/// A time of day at the start of `rest`: its length in bytes and the time.
fn time_after(rest: &str) -> Option<(usize, Time)> {
    let c = TIME_AFTER.captures(rest)?;
    let mut h: i8 = c.name("h")?.as_str().parse().ok()?;
    let min: i8 = c.name("min")?.as_str().parse().ok()?;
    let sec: i8 = c.name("s").map_or(Some(0), |s| s.as_str().parse().ok())?;
    match c.name("ampm").map(|a| a.as_str().to_ascii_lowercase()) {
        Some(_) if h > 12 || h == 0 => return None,
        Some(a) if a == "p" && h < 12 => h += 12,
        Some(a) if a == "a" && h == 12 => h = 0,
        _ => {}
    }
    let time = Time::new(h, min, sec, 0).ok()?;
    Some((c.get(0)?.end(), time))
}

#[cfg(test)]
mod tests {
    use super::{find, normalise};

    fn iso(s: &str) -> Option<String> {
        find(s).map(|f| f.iso)
    }

    /// The quick test before the patterns never says no where `\d{4}`
    /// (Unicode digits included) matches.
    #[test]
    fn four_digits_in_a_row_are_seen_wherever_the_patterns_see_them() {
        let year = regex::Regex::new(r"\d{4}").expect("pattern");
        for s in [
            "",
            "12 March",
            "on 2024-03-14",
            "١٤٠٣/٠١/٢٥",
            "2024年11月16日",
            "\u{201c}1999\u{201d}",
            "1,234",
            "99 9999",
        ] {
            assert_eq!(super::has_four_digits(s), year.is_match(s), "{s}");
        }
    }

    #[test]
    fn solar_hijri_dates() {
        assert_eq!(iso("1403/01/01").as_deref(), Some("2024-03-20"));
        assert_eq!(iso("1403/01/25").as_deref(), Some("2024-04-13"));
        assert_eq!(iso("1402-01-01").as_deref(), Some("2023-03-21"));
        assert_eq!(iso("Tuesday, 25 Farvardin 1403").as_deref(), Some("2024-04-13"));
        assert_eq!(iso("1402/12/29").as_deref(), Some("2024-03-19"));
        assert_eq!(iso("10 Dey 1402").as_deref(), Some("2023-12-31"));
        assert_eq!(find("1403/07/31"), None);
    }

    #[test]
    fn dates_written_in_text() {
        assert_eq!(iso("MOSCOW, March 14, 2024 - The army").as_deref(), Some("2024-03-14"));
        assert_eq!(iso("Kyiv, 14 March 2024").as_deref(), Some("2024-03-14"));
        assert_eq!(iso("on the 14th of March, 2024").as_deref(), Some("2024-03-14"));
        assert_eq!(iso("Thursday, Mar. 14th 2024").as_deref(), Some("2024-03-14"));
        assert_eq!(iso("Published: 14.03.2024, 10:45").as_deref(), Some("2024-03-14T10:45:00"));
        assert_eq!(iso("2024/03/14 2:30 pm").as_deref(), Some("2024-03-14T14:30:00"));
        assert_eq!(iso("2024-03-14T08:00").as_deref(), Some("2024-03-14T08:00:00"));
        assert_eq!(iso("14/03/2024").as_deref(), Some("2024-03-14"));
        assert_eq!(iso("03/14/2024").as_deref(), Some("2024-03-14"));
        assert_eq!(iso("Guayaquil, 16 de noviembre de 2024. – The").as_deref(), Some("2024-11-16"));
        assert_eq!(iso("São Paulo, 3 de março de 2024").as_deref(), Some("2024-03-03"));
        assert_eq!(iso("Paris, le 5 mars 2024 (AFP)").as_deref(), Some("2024-03-05"));
        assert_eq!(iso("Berlin, 16. Dezember 2024").as_deref(), Some("2024-12-16"));
        assert_eq!(iso("Ankara, 3 Kasım 2024").as_deref(), Some("2024-11-03"));
        assert_eq!(iso("Jakarta, 17 Agustus 2024").as_deref(), Some("2024-08-17"));
        assert_eq!(iso("Москва, 14 марта 2024").as_deref(), Some("2024-03-14"));
        assert_eq!(iso("北京 2024年11月16日 新华社").as_deref(), Some("2024-11-16"));
        assert_eq!(iso("Iași, 4 noiembrie 2025 (Agerpres)").as_deref(), Some("2025-11-04"));
        assert_eq!(iso("NIŠ, 12. novembar 2025.").as_deref(), Some("2025-11-12"));
        assert_eq!(iso("Kraków, 3 października 2025").as_deref(), Some("2025-10-03"));
        assert_eq!(iso("Szeged, 2025. március 7.").as_deref(), Some("2025-03-07"));
        assert_eq!(iso("Cap-Haïtien, 9 desanm 2025").as_deref(), Some("2025-12-09"));
        assert_eq!(iso("Huế, ngày 23 tháng 11 năm 2025").as_deref(), Some("2025-11-23"));
        let f = find("Posted on March 14, 2024 at 10:45 by staff").unwrap();
        assert_eq!((f.start, f.end, f.iso.as_str()), (10, 33, "2024-03-14T10:45:00"));
        // Ambiguous, impossible, implausible, or numbers running on.
        for s in ["03/04/2024", "31.02.2024", "14 March 1066", "120.03.20245", "May 2024", "in 2024 on 14 March"] {
            assert_eq!(find(s), None, "{s}");
        }
    }

    #[test]
    fn iso_forms() {
        assert_eq!(normalise("2023-10-05").as_deref(), Some("2023-10-05"));
        assert_eq!(normalise("2023-10-05T14:30:00+02:00").as_deref(), Some("2023-10-05T14:30:00+02:00"));
        assert_eq!(normalise("2023-10-05T14:30:00.123Z").as_deref(), Some("2023-10-05T14:30:00+00:00"));
        assert_eq!(normalise(" 2023-10-05 14:30:00 ").as_deref(), Some("2023-10-05T14:30:00"));
        assert_eq!(normalise("2023-10-05T23:30:00-0500").as_deref(), Some("2023-10-05T23:30:00-05:00"));
        assert_eq!(normalise("2023-10-05T14:30").as_deref(), Some("2023-10-05T14:30:00"));
    }

    #[test]
    fn rfc2822_and_prose_forms() {
        assert_eq!(normalise("Thu, 05 Oct 2023 14:30:00 +0200").as_deref(), Some("2023-10-05T14:30:00+02:00"));
        assert_eq!(normalise("Thu, 05 Oct 2023 14:30:00 GMT").as_deref(), Some("2023-10-05T14:30:00+00:00"));
        assert_eq!(normalise("October 5, 2023").as_deref(), Some("2023-10-05"));
        assert_eq!(normalise("Oct. 5, 2023").as_deref(), Some("2023-10-05"));
        assert_eq!(normalise("Sept. 21, 2022").as_deref(), Some("2022-09-21"));
        assert_eq!(normalise("Thursday, 5th October 2023").as_deref(), Some("2023-10-05"));
        assert_eq!(normalise("5 October 2023, 14:30 BST").as_deref(), Some("2023-10-05"));
        assert_eq!(normalise("2023/10/05").as_deref(), Some("2023-10-05"));
        assert_eq!(normalise("05.10.2023").as_deref(), Some("2023-10-05"));
        assert_eq!(normalise("20231005").as_deref(), Some("2023-10-05"));
        assert_eq!(normalise("16 de noviembre de 2024").as_deref(), Some("2024-11-16"));
        assert_eq!(normalise("jeudi 5 octobre 2023").as_deref(), Some("2023-10-05"));
        assert_eq!(normalise("5. Oktober 2023").as_deref(), Some("2023-10-05"));
    }

    #[test]
    fn junk_is_none() {
        for s in [
            "",
            "yesterday",
            "2 hours ago",
            "0000-00-00",
            "1066-10-14",
            "9999-12-31",
            "2023-13-45",
            "not a date at all",
        ] {
            assert_eq!(normalise(s), None, "{s}");
        }
    }
}
