//! Publication dates to ISO 8601: a date (`2023-10-05`), a civil date-time
//! (`2023-10-05T14:30:00`) or a date-time with its UTC offset
//! (`2023-10-05T14:30:00+02:00`), as the page gave it. The offset is kept
//! rather than converted to UTC so that the date is the publisher's local
//! date. Anything that does not parse, or lies outside 1900-2100, is `None`.

use jiff::civil::{Date, DateTime};
use jiff::fmt::strtime::BrokenDownTime;
use jiff::fmt::temporal::Pieces;
use jiff::tz::Offset;

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

/// Reduces "Thursday, Oct. 5th, 2023 at 2:30 pm" to "Oct 5 2023 at 2:30 pm":
/// no weekday, no commas, no abbreviation dots, no ordinal suffixes.
fn simplify(s: &str) -> String {
    const WEEKDAYS: &[&str] = &["mon", "tue", "tues", "wed", "thu", "thur", "thurs", "fri", "sat", "sun"];
    let mut words = Vec::new();
    for w in s.split([' ', ',', '\t', '\n']).filter(|w| !w.is_empty()) {
        let lower = w.trim_end_matches('.').to_lowercase();
        let is_weekday = lower.ends_with("day") && lower.len() >= 6 || WEEKDAYS.contains(&lower.as_str());
        if words.is_empty() && is_weekday {
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
        // "Sept" is common but strtime knows only "Sep".
        if w.eq_ignore_ascii_case("sept") {
            w = "Sep".into();
        }
        words.push(w);
    }
    words.join(" ")
}

#[cfg(test)]
mod tests {
    use super::normalise;

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
