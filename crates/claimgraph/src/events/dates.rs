//! Event dates: time words near an event ("since October", "this summer",
//! "on Tuesday", "last week", "3 March") resolved to an absolute date with
//! its precision, against the publication date.
//!
//! Resolution looks backwards: news reports what happened, so a bare month
//! or weekday is the latest one not after publication ("on Tuesday" in an
//! article of Thursday 6 October is 4 October; "since October" in an
//! article of January 2023 is October 2022).

use crate::lower::lowercase;
use jiff::civil::{Date, Weekday};
use jiff::ToSpan;

/// A resolved time expression.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Resolved {
    /// ISO 8601 at the stated precision ("2022-10", "2022-10-04"), or
    /// `None` without a reference date.
    pub value: Option<String>,
    /// day | week | month | season | year
    pub precision: &'static str,
}

const MONTHS: [&str; 12] = [
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
];

/// The month number (1-12) of a month name or its three-letter abbreviation.
pub fn month(word: &str) -> Option<i8> {
    let w = word.trim_end_matches('.').to_lowercase();
    if w.len() < 3 {
        return None;
    }
    MONTHS.iter().position(|m| *m == w || (w.len() == 3 && m.starts_with(&w))).map(|i| i as i8 + 1)
}

fn weekday(word: &str) -> Option<Weekday> {
    Some(match &*lowercase(word) {
        "monday" => Weekday::Monday,
        "tuesday" => Weekday::Tuesday,
        "wednesday" => Weekday::Wednesday,
        "thursday" => Weekday::Thursday,
        "friday" => Weekday::Friday,
        "saturday" => Weekday::Saturday,
        "sunday" => Weekday::Sunday,
        _ => return None,
    })
}

/// True when the word starts a time expression this module resolves.
pub fn is_time_word(word: &str) -> bool {
    let w = word.to_lowercase();
    month(&w).filter(|_| w != "may").is_some()
        || weekday(&w).is_some()
        || matches!(
            w.as_str(),
            "today"
                | "yesterday"
                | "tonight"
                | "summer"
                | "winter"
                | "spring"
                | "autumn"
                | "fall"
                | "week"
                | "month"
                | "year"
                | "weekend"
                | "morning"
                | "night"
                | "evening"
                | "afternoon"
        )
}

/// The publication date of an ISO 8601 date or date-time string.
pub fn reference(published: Option<&str>) -> Option<Date> {
    let s = published?;
    s.get(..10)?.parse::<Date>().ok()
}

/// Resolves the lower-cased words of a time expression (without its
/// preposition) against `reference`. `words` is e.g. `["october"]`,
/// `["this", "summer"]`, `["last", "week"]`, `["3", "march"]`,
/// `["tuesday"]`.
pub fn resolve(words: &[String], reference: Option<Date>) -> Option<Resolved> {
    let has = |w: &str| words.iter().any(|x| x == w);
    let last = has("last") || has("past") || has("previous");
    let next = has("next") || has("coming");
    let fmt_day = |d: Date| d.strftime("%Y-%m-%d").to_string();
    let fmt_month = |y: i16, m: i8| format!("{y:04}-{m:02}");
    // Explicit year anywhere ("October 2022").
    let year: Option<i16> = words.iter().filter_map(|w| w.parse::<i16>().ok()).find(|y| (1900..=2100).contains(y));
    // Day number ("3 March", "March 3", "3rd").
    let day: Option<i8> = words
        .iter()
        .filter_map(|w| w.trim_end_matches(|c: char| c.is_ascii_alphabetic()).parse::<i8>().ok())
        .find(|d| (1..=31).contains(d));
    if let Some(m) = words.iter().find_map(|w| month(w)) {
        let precision = if day.is_some() { "day" } else { "month" };
        let value = match (year, reference) {
            (Some(y), _) => Some(y),
            (None, Some(r)) => {
                // The latest such month not after publication.
                let y = if m > r.month() || (m == r.month() && day.is_some_and(|d| d > r.day())) {
                    r.year() - 1
                } else {
                    r.year()
                };
                Some(if next { y + 1 } else { y })
            }
            (None, None) => None,
        }
        .map(|y| match day {
            Some(d) => Date::new(y, m, d).map(fmt_day).unwrap_or_else(|_| fmt_month(y, m)),
            None => fmt_month(y, m),
        });
        return Some(Resolved { value, precision });
    }
    if let Some(y) = year {
        return Some(Resolved { value: Some(format!("{y:04}")), precision: "year" });
    }
    let r = reference;
    if has("today") || has("tonight") {
        return Some(Resolved { value: r.map(fmt_day), precision: "day" });
    }
    if has("yesterday") {
        return Some(Resolved { value: r.and_then(|d| d.yesterday().ok()).map(fmt_day), precision: "day" });
    }
    if let Some(wd) = words.iter().find_map(|w| weekday(w)) {
        // The latest such weekday before publication (or that day itself).
        let value = r.map(|d| {
            let back = (d.weekday().to_monday_zero_offset() - wd.to_monday_zero_offset()).rem_euclid(7);
            let back = if next { back - 7 } else { back };
            d.checked_sub((back as i64).days()).map(fmt_day).unwrap_or_else(|_| fmt_day(d))
        });
        return Some(Resolved { value, precision: "day" });
    }
    for (season, months) in [("summer", 6), ("winter", 12), ("spring", 3), ("autumn", 9), ("fall", 9)] {
        if has(season) {
            let value = r.map(|d| {
                let mut y = d.year();
                if last || months > d.month() {
                    y -= 1;
                }
                if next {
                    y += 1;
                }
                format!("{y:04}-{}", season_code(season))
            });
            return Some(Resolved { value, precision: "season" });
        }
    }
    if has("week") {
        let shift = if last {
            -7
        } else if next {
            7
        } else {
            0
        };
        let value = r.and_then(|d| d.checked_add((shift as i64).days()).ok()).map(|d| {
            let iso = d.iso_week_date();
            format!("{:04}-W{:02}", iso.year(), iso.week())
        });
        return Some(Resolved { value, precision: "week" });
    }
    if has("month") {
        let value = r.map(|d| {
            let (mut y, mut m) = (d.year(), d.month());
            if last {
                if m == 1 {
                    y -= 1;
                    m = 12;
                } else {
                    m -= 1;
                }
            }
            fmt_month(y, m)
        });
        return Some(Resolved { value, precision: "month" });
    }
    if has("year") {
        let value = r.map(|d| format!("{:04}", d.year() - i16::from(last) + i16::from(next)));
        return Some(Resolved { value, precision: "year" });
    }
    None
}

/// ISO 8601-2 season codes (21 spring .. 24 winter).
fn season_code(season: &str) -> &'static str {
    match season {
        "spring" => "21",
        "summer" => "22",
        "autumn" | "fall" => "23",
        _ => "24",
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn w(s: &str) -> Vec<String> {
        s.split_whitespace().map(str::to_lowercase).collect()
    }

    #[test]
    fn resolves_against_publication() {
        let r = reference(Some("2023-01-12T10:00:00Z"));
        assert_eq!(resolve(&w("October"), r).and_then(|x| x.value), Some("2022-10".into()));
        assert_eq!(resolve(&w("this summer"), r).and_then(|x| x.value), Some("2022-22".into()));
        // 12 January 2023 is a Thursday; the Tuesday before is the 10th.
        assert_eq!(resolve(&w("Tuesday"), r).and_then(|x| x.value), Some("2023-01-10".into()));
        assert_eq!(resolve(&w("Thursday"), r).and_then(|x| x.value), Some("2023-01-12".into()));
        assert_eq!(resolve(&w("3 March"), r).and_then(|x| x.value), Some("2022-03-03".into()));
        assert_eq!(resolve(&w("January 5"), r).and_then(|x| x.value), Some("2023-01-05".into()));
        assert_eq!(resolve(&w("yesterday"), r).and_then(|x| x.value), Some("2023-01-11".into()));
        assert_eq!(resolve(&w("last month"), r).and_then(|x| x.value), Some("2022-12".into()));
        assert_eq!(resolve(&w("October 2021"), None).and_then(|x| x.value), Some("2021-10".into()));
    }

    #[test]
    fn without_reference_keeps_precision() {
        let r = resolve(&w("October"), None);
        assert_eq!(r, Some(Resolved { value: None, precision: "month" }));
        assert_eq!(resolve(&w("the talks"), None), None);
    }
}
