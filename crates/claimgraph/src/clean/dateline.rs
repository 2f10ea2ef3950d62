//! The publication date written in a scraped article's own text, for
//! inputs that carry no date of their own (plain text files, pages without
//! date metadata).
//!
//! A date counts only where pages put the publication date, never where a
//! story mentions one ("on 12 March 2024 the army..."):
//!
//! - after a label: "Published: 14.03.2024, 10:45", "Posted on March 14,
//!   2024", "Updated 14 March 2024" (an update date only when nothing says
//!   when the article was published);
//! - on a line of its own or in a line of page metadata: "Thursday, 14 March
//!   2024", "By Jane Roe | March 14, 2024 | 3 min read";
//! - at the head of the first paragraph, in a wire-style dateline: "MOSCOW,
//!   March 14, 2024 - The ministry said...", "Kabul, 14.03.2024 (Agency) —".
//!
//! The top of the article (up to its first paragraph of prose) is searched
//! for all three; its bottom (after the last paragraph, before any list of
//! other stories, whose dates are theirs) for labelled dates only.

use std::sync::LazyLock;

use regex::Regex;

use super::date::{self, Found};
use super::debris;

/// How many lines at the top of the text may hold the date.
const TOP_LINES: usize = 8;
/// How many lines below the last paragraph may hold a labelled date.
const BOTTOM_LINES: usize = 8;

/// Labels that put a date next to them, with their rank: what was
/// published beats a line that only gives a date, which beats an update.
/// Live blogs put the time of day between the label and the date
/// ("Updated 09:15, 3 March 2025").
static LABEL: LazyLock<Regex> = LazyLock::new(|| {
    Regex::new(
        r"(?i)\b(?P<label>first published|date of publication|publication date|publish date|published|publication|publish|posted|released|issued|created|dated|date|last updated|last modified|updated|modified)\b(?:\s+by\s+[^|•·:]{1,40}?)?(?:\s+(?:on|at))?(?:\s+\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?)?\s*[:\-–—|,]?\s*$",
    )
    .expect("label pattern")
});

/// A time of day: "14:30", "9.05".
static CLOCK: LazyLock<Regex> =
    LazyLock::new(|| Regex::new(r"\b\d{1,2}[:.]\d{2}(?::\d{2})?\b").expect("clock pattern"));

/// Words that may stand next to a date on a line of its own: time zones,
/// "at", the parts of "3 min read".
const STANDALONE_WORDS: &[&str] = &[
    "at", "on", "am", "pm", "a", "m", "p", "gmt", "utc", "local", "time", "et", "ct", "pt", "est", "edt", "cst", "cdt",
    "mst", "mdt", "pst", "pdt", "bst", "cet", "cest", "eet", "eest", "wet", "west", "msk", "trt", "irst", "ist", "pkt",
    "aft", "ast", "gst", "eat", "cat", "wat", "sast", "hkt", "jst", "kst", "aest", "aedt",
];

/// Words that cannot start the place name of a dateline: a sentence that
/// opens with a date ("On 12 March 2024 - ..." would be prose).
const NOT_PLACE: &[&str] = &[
    "on", "in", "at", "since", "from", "until", "till", "by", "before", "after", "during", "of", "for", "as", "the",
    "and", "but", "last", "this", "next", "between", "through", "to", "about", "around", "early", "late", "earlier",
    "later", "that", "it", "he", "she", "they", "we", "i", "a", "an", "when", "while", "if",
];

/// The publication date written in `text` (normalised text, one paragraph
/// or piece of page furniture per line, before debris removal), in ISO 8601.
pub fn published(text: &str) -> Option<String> {
    let lines: Vec<&str> = text.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let first_prose = lines.iter().position(|l| debris::is_prose(l)).unwrap_or(lines.len());
    // A headline may read as prose (a question: "Did 12 delegates vote
    // twice?"), so the byline or dateline under it is always searched.
    let top = &lines[..(first_prose + 1).max(3).min(lines.len()).min(TOP_LINES)];
    let last_prose = lines.iter().rposition(|l| debris::is_prose(l));
    let bottom: &[&str] = match last_prose {
        Some(p) => {
            let after = &lines[p + 1..];
            let stop = after.iter().position(|l| debris::is_section_header_line(l)).unwrap_or(after.len());
            // Lines of the top were searched already.
            let skip = top.len().saturating_sub(p + 1).min(stop);
            &after[skip..stop.min(skip + BOTTOM_LINES)]
        }
        _ => &[],
    };
    let mut best: Option<(u8, u8, usize, String)> = None;
    let mut consider = |cand: Option<(u8, String)>, zone: u8, i: usize| {
        if let Some((rank, iso)) = cand {
            let key = (rank, zone, i, iso);
            if best.as_ref().is_none_or(|b| (key.0, key.1, key.2) < (b.0, b.1, b.2)) {
                best = Some(key);
            }
        }
    };
    for (i, line) in top.iter().enumerate() {
        consider(labelled(line).or_else(|| standalone(line)).or_else(|| wire_dateline(line)), 0, i);
        // A line of page metadata in segments: "Blog of the platform X |
        // Murcia, Saturday 9 May 2026".
        if line.contains(['|', '•', '·']) {
            for segment in line.split(['|', '•', '·']).map(str::trim).filter(|s| !s.is_empty()) {
                consider(wire_dateline(segment), 0, i);
            }
        }
        consider(outlet_line(line), 0, i);
        consider(header_date(line), 0, i);
    }
    for (i, line) in bottom.iter().enumerate() {
        consider(labelled(line), 1, i);
    }
    best.map(|b| b.3)
}

/// Rank 0 for a publication label, 2 for an update label.
fn labelled(line: &str) -> Option<(u8, String)> {
    let words = line.split_whitespace().count();
    // A label inside a long sentence is the story's ("the report, published
    // on 12 March 2024, said ...").
    if words > 16 || debris::is_prose(line) && words > 10 {
        return None;
    }
    // "Updated: 15 March 2024 | Published: 14 March 2024": the best label
    // of the line wins.
    let mut best: Option<(u8, String)> = None;
    let mut search = 0;
    while let Some(found) = date::find(&line[search..]) {
        let before = &line[..search + found.start];
        if let Some(label) = LABEL.captures(before).and_then(|c| c.name("label")) {
            let label = label.as_str().to_lowercase();
            let rank = if label.contains("updated") || label.contains("modified") { 2 } else { 0 };
            if best.as_ref().is_none_or(|b| rank < b.0) {
                best = Some((rank, found.iso));
            }
        }
        search += found.end;
    }
    best
}

/// Rank 1 for a line that is only a date (with weekday, time, time zone),
/// or a line of page metadata with a date between separators ("By Jane Roe
/// | 14 March 2024 | 3 min read").
fn standalone(line: &str) -> Option<(u8, String)> {
    let words = line.split_whitespace().count();
    if words > 16 || debris::is_prose(line) {
        return None;
    }
    let f = date::find(line)?;
    // A time of day may come first too: "14:30, 14.03.2024".
    let rest = format!("{} {}", &line[..f.start], &line[f.end..]);
    let rest = CLOCK.replace_all(&rest, " ");
    let alone = rest
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty())
        .all(|w| STANDALONE_WORDS.contains(&w.to_lowercase().as_str()));
    if alone {
        return Some((1, f.iso));
    }
    // A metadata line: the date is a segment of its own between separators.
    let seps = ['|', '•', '·', '/'];
    let before = line[..f.start].trim_end();
    let after = line[f.end..].trim_start();
    let sep_before = before.is_empty() || before.ends_with(seps) || before.ends_with(',') && byline(before);
    let sep_after = after.is_empty() || after.starts_with(seps);
    if sep_before && sep_after && (line.contains(seps) || byline(before)) {
        return Some((1, f.iso));
    }
    // "Source: Huaxia Review Network  2025-08-21 16:42": the outlet's line,
    // with the date (and its time) at the end.
    let before_lower = before.to_lowercase();
    let source_line = SOURCE_LABELS.iter().any(|l| before_lower.starts_with(l));
    (source_line && CLOCK.replace_all(after, " ").trim().is_empty()).then_some((1, f.iso))
}

/// Labels of the line that names the outlet or author, on which pages put
/// the publication date too.
const SOURCE_LABELS: &[&str] =
    &["source:", "source ：", "fuente:", "fonte:", "quelle:", "источник:", "来源", "author:", "autor:", "by "];

/// "By Jane Roe" before a date.
fn byline(before: &str) -> bool {
    let b = before.trim_start_matches(['|', '•', '·', ' ']);
    // `get`, not a slice: three bytes may end inside a letter ("Жж,").
    b.len() > 3 && b.get(..3).is_some_and(|p| p.eq_ignore_ascii_case("by ")) && b.split_whitespace().count() <= 7
}

/// Rank 1 for a wire-style dateline at the head of a paragraph: a place
/// (and maybe an agency) and the date, then a dash or colon and the story.
fn wire_dateline(line: &str) -> Option<(u8, String)> {
    let f: Found = date::find(line).or_else(|| day_first_site(line).then(|| date::find_day_first(line)).flatten())?;
    if f.start > 80 {
        return None;
    }
    let mut place = line[..f.start].trim_end_matches([' ', ',', '-', '\u{2013}', '\u{2014}']);
    let comma_after = line[f.end..].trim_start().starts_with(',');
    let mut rest = line[f.end..].trim_start().trim_start_matches(',').trim_start();
    // "Hawassa, Hidar 14, 2019 E.C. (November 23, 2026) –": the date in
    // another calendar first, its Gregorian equivalent in brackets; the
    // place is what stands before the first comma.
    if let (Some(before), Some(after)) = (place.strip_suffix('('), rest.strip_prefix(')')) {
        if let Some((head, local)) = before.split_once(',') {
            let local_words = local.split_whitespace().count();
            if (1..=6).contains(&local_words) && local.chars().any(|c| c.is_ascii_digit()) {
                place = head.trim_end();
                rest = after.trim_start().trim_start_matches(',').trim_start();
            }
        }
    }
    // "(Chindwin Voice, 22 November 2026) Last week ...": the outlet and
    // the date in brackets before the story.
    let mut bracketed = false;
    if let (Some(inner), Some(after)) = (place.strip_prefix('('), rest.strip_prefix(')')) {
        if !inner.contains([')', '(']) {
            place = inner.trim_end_matches([' ', ',']);
            rest = after.trim_start();
            bracketed = true;
        }
    }
    if !place.is_empty() && !is_place(place) {
        return None;
    }
    // An agency or time zone between the date and the dash: "(IRNA)", "GMT".
    // After it, the story may start without a dash: "Beijing, 23 September
    // 2026 (Agency) On 23rd, the spokesperson said".
    // A date opening the line may be followed by the agency alone:
    // "2026年11月19日 (Kansai Shimpo Digital) On 19 November, ...".
    let mut credited = false;
    if let Some(r) = rest.strip_prefix('(').and_then(|r| r.split_once(')')).filter(|(inside, _)| inside.len() <= 60) {
        let named = r.0.chars().next().is_some_and(char::is_uppercase) && r.0.split_whitespace().count() <= 6;
        rest = r.1.trim_start();
        credited = !place.is_empty() || f.start == 0 && named;
    }
    if let Some((word, r)) = rest.split_once(' ') {
        if STANDALONE_WORDS.contains(&word.to_lowercase().as_str()) {
            rest = r.trim_start();
        }
    }
    // "Bangkok, Wednesday 18 November 2026, Room 402, Parliament building":
    // a line of the record's heading, no sentence, goes on after a comma.
    let heading = comma_after && !place.is_empty() && !debris::is_prose(line) && line.split_whitespace().count() <= 24;
    let separated = rest.is_empty()
        || credited
        || bracketed
        || heading
        || rest.starts_with(['-', '–', '—', ':', '|', '/', '•', '·', '.']);
    separated.then_some((1, f.iso))
}

/// Month first is the American order: a line written with Latin letters
/// beyond ASCII ("Portal Norte Notícias - Altamira, 01/09/2026") comes from
/// a site of another language, where the day comes first.
fn day_first_site(line: &str) -> bool {
    line.chars().any(|c| c.is_alphabetic() && !c.is_ascii() && c <= '\u{024f}')
}

/// Rank 3 for a heading line at the top that ends with its date after a
/// comma, a dash or a bar: 'Radio X – Programme "Y" (Question and Answer),
/// 18 April 2026'. Weaker than any other sign: a headline may end with a
/// date of the story.
fn header_date(line: &str) -> Option<(u8, String)> {
    if line.split_whitespace().count() > 20 || debris::is_prose(line) {
        return None;
    }
    let f = date::find(line)?;
    let after = CLOCK.replace_all(&line[f.end..], " ");
    let before = line[..f.start].trim_end();
    let ends = after.trim_matches(|c: char| c.is_whitespace() || matches!(c, '.' | ',' | ')' | ']')).is_empty();
    let separated = before.ends_with([',', '-', '\u{2013}', '\u{2014}', '|']) && before.len() > 1;
    (ends && separated).then_some((3, f.iso))
}

/// Words that make the head of a sentence a statement of the story rather
/// than the outlet's line ("The vote was held on Tuesday, 14 April 2026").
const STORY_WORDS: &[&str] = &[
    "on", "in", "at", "was", "were", "is", "are", "be", "been", "held", "took", "will", "would", "said", "says", "of",
    "by", "since", "until", "from", "the",
];

/// Rank 1 for the outlet's line opening the text, its first sentence a name
/// and the date after a comma: "Marrowby Courier live blog, Tuesday 14
/// April 2026. Latest updates at the top."
fn outlet_line(line: &str) -> Option<(u8, String)> {
    if line.split_whitespace().count() > 20 {
        return None;
    }
    let f = date::find(line)?;
    let first_end = line[f.end..].find(". ").map_or(line.len(), |e| f.end + e);
    let tail = line[f.end..first_end].trim().trim_end_matches('.');
    let (head, between) = line[..f.start].trim_end().rsplit_once(',')?;
    let head_words: Vec<String> = head.split_whitespace().map(|w| w.to_lowercase()).collect();
    let named = head.chars().next().is_some_and(char::is_uppercase)
        && (1..=6).contains(&head_words.len())
        && !head_words.iter().any(|w| STORY_WORDS.contains(&w.as_str()));
    // Between the comma and the date stands nothing or one word that is no
    // date of its own (a weekday: ", Tuesday 14 April").
    let between = between.trim();
    let weekday = between.is_empty() || super::date::normalise(between).is_none() && between.split(' ').count() == 1;
    (named && weekday && tail.is_empty()).then_some((1, f.iso))
}

/// A dateline's place: a few capitalised words ("MOSCOW", "Kyiv, Ukraine",
/// "Kabul (Bakhtar Today)"), never the start of a sentence.
fn is_place(s: &str) -> bool {
    let words: Vec<&str> = s.split_whitespace().collect();
    // "Al-Kharj City - Mesrat News Agency (MNA)": a place and an agency.
    if words.is_empty() || words.len() > 8 || s.len() > 60 {
        return false;
    }
    let first = words[0].trim_matches(|c: char| !c.is_alphanumeric()).to_lowercase();
    if NOT_PLACE.contains(&first.as_str()) {
        return false;
    }
    let chars_ok =
        s.chars().all(|c| c.is_alphabetic() || matches!(c, ' ' | ',' | '.' | '-' | '\'' | '’' | '(' | ')' | '/'));
    let mut in_parens = false;
    let capitalised = words.iter().all(|w| {
        let opens = w.starts_with('(');
        let ok = in_parens || opens || w.chars().next().is_some_and(char::is_uppercase) || w.len() <= 3;
        if opens {
            in_parens = true;
        }
        if w.ends_with(')') {
            in_parens = false;
        }
        ok
    });
    chars_ok && capitalised && words[0].chars().next().is_some_and(char::is_uppercase)
}

#[cfg(test)]
mod tests {
    use super::published;

    #[test]
    fn wire_datelines_at_the_head_of_the_story() {
        for (text, want) in [
            ("Headline here\n\nMOSCOW, March 14, 2024 - The ministry said on Thursday that it was so.", "2024-03-14"),
            (
                "Headline here\n\nKyiv, 14.03.2024 (Agency) \u{2014} The ministry said on Thursday that it was so.",
                "2024-03-14",
            ),
            (
                "Headline here\n\nORSK, Valdoria, 18 May 2024: The air force said on Saturday it had scrambled jets.",
                "2024-05-18",
            ),
            (
                "Headline here\n\nMay 18, 2024 \u{2013} The air force said on Saturday it had scrambled four jets.",
                "2024-05-18",
            ),
            ("Headline\n\nKabul (Bakhtar) \u{2013} 14 March 2024 \u{2013} The spokesman said on Monday that it was so.", "2024-03-14"),
            ("Headline\n\nTehran, 25 Farvardin 1403 (IRNA) - The spokesman said on Monday that it was so.", "2024-04-13"),
            ("Headline\n\nOrsk City - Valdoria News Agency (VNA) - 3 September 2026\n\nThe minister said so today.", "2026-09-03"),
            (
                "Did the minister lie about the dam?\n\nCheckfast - Orsk, 17 November 2026 (automatic translation)\n\nThe minister said so.",
                "2026-11-17",
            ),
            ("Did the minister lie?\n\nBy the Checkfast desk, 19 November 2026\n\nThe minister said so today.", "2026-11-19"),
            ("LIVE: a vote\n\nOrsk Courier live blog, Tuesday 14 April 2026. Latest updates at the top.\n\n21:58\nThe vote is over.", "2026-04-14"),
            ("LIVE: a march\n\nBlog of the platform Save Orsk | Orsk, Saturday 9 May 2026\n\n18:05 - The march left.", "2026-05-09"),
            (
                "Headline\n\nOrsk, 23 September 2026 (Valdoria Net correspondent report) On 23rd, the spokesperson said so.",
                "2026-09-23",
            ),
            // The outlet and the date in brackets; the date first, then the
            // outlet; a record's heading going on after a comma.
            ("Headline\n\n(Orsk Voice, 22 November 2026) Last week the forces said they took the camp.", "2026-11-22"),
            ("Headline\n\n2026年11月19日 (Orsk Shimpo Digital) On 19 November, the court heard a witness.", "2026-11-19"),
            (
                "Record of the meeting\nOrsk, Wednesday 18 November 2026, Room 402, Parliament building (unofficial translation)\n\nChairman: I open the meeting and we will hear the minister today.",
                "2026-11-18",
            ),
            // A slashed date on a line of a site that writes the day first.
            ("Headline\n\nPortal Notícias - Orsk (PA), 01/09/2026 - Translated\n\nThe minister said so today.", "2026-09-01"),
            // A programme's heading ending with its date.
            (
                "Radio Orsk \u{2013} Programme \"Questions\" (Question and Answer), 18 April 2026\nTranscript of the interview\n\nHOST: Good evening, listeners, and welcome to the programme tonight.",
                "2026-04-18",
            ),
        ] {
            assert_eq!(published(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn labelled_and_standalone_dates() {
        for (text, want) in [
            ("Headline\n\nPublished: 14.03.2024, 10:45\n\nThe ministry said on Thursday that it was so.", "2024-03-14T10:45:00"),
            ("Headline\nBy Jane Roe | March 14, 2024 | 3 min read\nThe ministry said on Thursday that it was so.", "2024-03-14"),
            (
                "Headline\nMekele, Tir 2, 2018 E.C. (January 10, 2026) (Tigray Daily) \u{2013} The board said that most had voted.",
                "2026-01-10",
            ),
            ("Headline\nBy Jane Roe\nMarch 14, 2024 11:02 a.m. ET\nThe ministry said on Thursday that it was so.", "2024-03-14T11:02:00"),
            ("Headline\n\nThe ministry said on Thursday that it was so.\n\nPosted by admin on March 14, 2024", "2024-03-14"),
            ("Headline\nThursday, 14 March 2024 10:45 GMT\n\nThe ministry said on Thursday that it was so.", "2024-03-14T10:45:00"),
            ("Headline\n\n2024/03/14\n\nThe ministry said on Thursday that it was so.", "2024-03-14"),
            ("Headline\nSource: Kessel Daily  2024-03-14 16:42\nThe ministry said on Thursday that it was so.", "2024-03-14T16:42:00"),
            ("Headline\n\nGuayaquil, 16 de noviembre de 2024. – The ministry said on Thursday that it was so.", "2024-11-16"),
            ("Headline\n\n14:30, 14.03.2024\n\nThe ministry said on Thursday that it was so.", "2024-03-14"),
            ("Headline\nPublish date: 1403/01/25\nThe ministry said on Thursday that it was so.", "2024-04-13"),
            ("Headline\nUpdated: 15.03.2024 | Published: 14.03.2024\nThe ministry said on Thursday that it was so.", "2024-03-14"),
            // A live blog's stamp, the time of day between label and date.
            ("Live: river boat sinks\n\nUpdated 09:15, 3 March 2025 | Riverside desk\n\nThe ministry said on Thursday that it was so.", "2025-03-03"),
            // Published beats updated, wherever they are.
            ("Headline\nUpdated: 15 March 2024\nThe ministry said on Thursday that it was so.\n\nPublished on 14 March 2024", "2024-03-14"),
            // At the bottom, under the last paragraph.
            ("Headline\n\nThe ministry said on Thursday that it was so.\n\nTags: war\nDate of publication: 14-03-2024 09:00", "2024-03-14T09:00:00"),
        ] {
            assert_eq!(published(text).as_deref(), Some(want), "{text}");
        }
    }

    #[test]
    fn dates_of_the_story_are_not_publication_dates() {
        for text in [
            "Headline\n\nOn 12 March 2024 the army entered the town, the ministry said on Thursday.",
            "Headline\n\nThe report, published on 12 March 2024 by the agency, said that the stocks had grown.",
            "Headline\n\nThe talks began on March 12, 2024 - a month after the ceasefire, officials said.",
            "Headline\n\nThe ministry said on Thursday that it was so.\n\nRelated\nDrought deepens in the south\nPublished: 3 March 2024",
            "Headline\n\nThe vote was held in Orsk, 14 April 2026.\n\nThe ministry said on Thursday that it was so.",
            // Ambiguous numeric date: month or day first?
            "Headline\n\n03/04/2024\n\nThe ministry said on Thursday that it was so.",
        ] {
            assert_eq!(published(text), None, "{text}");
        }
    }

    #[test]
    fn a_line_of_non_latin_letters_before_a_date_is_no_byline_and_no_panic() {
        // Three bytes from the start end inside the second letter.
        let text = "Headline\n\n\u{416}\u{436}, 14 March 2024\n\nThe ministry said that it was so.";
        assert!(matches!(published(text).as_deref(), None | Some("2024-03-14")), "{text}");
    }
}
