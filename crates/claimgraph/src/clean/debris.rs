//! Removal of the web-page debris that scraped article text carries: share
//! and follow lines, "Advertisement", cookie and copyright notices anywhere;
//! and, at the end, the page furniture after the article ("Related
//! Articles" and its list of headlines, "Back to top button", tags, comment
//! forms, "Previous/Next article").
//!
//! The rule of thumb is to remove only what cannot be an article sentence:
//! a line is removed when it is a known piece of page furniture, or when it
//! is a short headline-like line (no sentence-final punctuation) inside a
//! list that a furniture header ("Related", "Tags", "More stories")
//! introduces. Prose (a line of several words ending like a sentence) stops
//! the trailing scan, so the article's last paragraph always stays.

/// Lines that are page furniture wherever they stand (compared after
/// [`key`]: lower case, single spaces, no trailing punctuation).
const FURNITURE: &[&str] = &[
    "advertisement",
    "advertisements",
    "advertising",
    "ad",
    "sponsored",
    "sponsored content",
    "story continues below",
    "story continues below advertisement",
    "article continues below advertisement",
    "continue reading",
    "continue reading below",
    "continue reading the main story",
    "scroll to continue",
    "scroll to continue with content",
    "skip to content",
    "skip to main content",
    "skip to navigation",
    "jump to",
    "back to top",
    "back to top button",
    "go to top",
    "share",
    "shares",
    "share this",
    "share this article",
    "share this story",
    "share this post",
    "share article",
    "share story",
    "share via",
    "share via email",
    "share on facebook",
    "share on twitter",
    "share on x",
    "share on whatsapp",
    "share on linkedin",
    "tweet",
    "pin",
    "pin it",
    "email",
    "e-mail",
    "print",
    "print this article",
    "copy link",
    "copy url",
    "link copied",
    "like this",
    "like loading",
    "loading",
    "subscribe",
    "subscribe now",
    "follow",
    "follow us",
    "read more",
    "read also",
    "also read",
    "see also",
    "read next",
    "listen to this article",
    "listen",
    "watch",
    "watch video",
    "menu",
    "search",
    "close",
    "log in",
    "login",
    "sign in",
    "sign up",
    "register",
    "font size",
    "text size",
    "cancel reply",
    "post comment",
    "submit comment",
    "reply",
    "δ",
    "facebook",
    "twitter",
    "whatsapp",
    "telegram",
    "linkedin",
    "pinterest",
    "reddit",
    "instagram",
    "youtube",
    "flipboard",
    "messenger",
    "ok",
    "okay",
    "accept",
    "accept all",
    "reject",
    "reject all",
    "decline",
    "i agree",
    "agree",
    "got it",
    "manage preferences",
    "cookie settings",
    "privacy policy",
    "terms of use",
    "terms of service",
    "terms and conditions",
    "contact us",
    "about us",
    "learn more",
    "more info",
    "print friendly, pdf & email",
    "bookmark",
    "save",
    "save article",
    "a+ a-",
    "check also",
];

/// Headers after which the page lists other stories, tags or comments: at
/// the end of a page, they and everything under them go.
const SECTION_HEADERS: &[&str] = &[
    "related",
    "related articles",
    "related posts",
    "related stories",
    "related news",
    "related content",
    "related topics",
    "related coverage",
    "related reading",
    "more stories",
    "more news",
    "more articles",
    "more from this section",
    "you may also like",
    "you might also like",
    "you may be interested in",
    "you might be interested in",
    "recommended",
    "recommended for you",
    "recommended stories",
    "recommended articles",
    "most popular",
    "most read",
    "most viewed",
    "most shared",
    "popular",
    "popular posts",
    "popular stories",
    "trending",
    "trending now",
    "trending stories",
    "latest",
    "latest news",
    "latest posts",
    "latest stories",
    "latest articles",
    "read next",
    "up next",
    "what to read next",
    "editor's picks",
    "editors' picks",
    "top stories",
    "in case you missed it",
    "don't miss",
    "previous article",
    "next article",
    "previous post",
    "next post",
    "previous story",
    "next story",
    "tags",
    "topics",
    "categories",
    "filed under",
    "share this",
    "share this article",
    "share",
    "about the author",
    "leave a reply",
    "leave a comment",
    "leave a reply cancel reply",
    "comments",
    "join the conversation",
    "discussion",
    "back to top button",
    "back to top",
    "check also",
    "more on this story",
    "more on this topic",
    "further reading",
    "read more about",
    "sources",
];

/// Headers that end the article outright (comment sections, the page's
/// back-to-top button): nothing after them is article text.
const TERMINAL_HEADERS: &[&str] = &[
    "leave a reply",
    "leave a comment",
    "leave a reply cancel reply",
    "join the conversation",
    "back to top button",
    "back to top",
    "about the author",
    "comments",
];

/// Sentences of comment forms and notices, matched as line prefixes.
const NOTICE_PREFIXES: &[&str] = &[
    "your email address will not be published",
    "required fields are marked",
    "save my name, email",
    "you must be logged in to post a comment",
    "notify me of follow-up comments",
    "notify me of new posts",
    "comments are closed",
    "this site uses akismet",
    "click to share on",
    "click to email",
    "click to print",
    "opens in new window",
];

/// Words that make up a line of share buttons ("Facebook Twitter WhatsApp").
const SOCIAL: &[&str] = &[
    "facebook",
    "twitter",
    "x",
    "whatsapp",
    "telegram",
    "linkedin",
    "pinterest",
    "reddit",
    "tumblr",
    "email",
    "e-mail",
    "print",
    "share",
    "tweet",
    "messenger",
    "viber",
    "vk",
    "instagram",
    "youtube",
    "tiktok",
    "threads",
    "bluesky",
    "mastodon",
    "copy",
    "link",
    "via",
    "on",
    "google",
    "news",
    "flipboard",
    "pocket",
    "skype",
    "line",
    "sms",
];

/// Cuts web debris from scraped text (lines as produced by
/// [`super::normalise_text`]). The result keeps the article's own lines in
/// order, with at most one blank line between paragraphs.
pub fn strip(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut keep = vec![true; lines.len()];
    let end = article_end(&lines);
    for k in keep.iter_mut().skip(end) {
        *k = false;
    }
    for (i, line) in lines.iter().enumerate().take(end) {
        if is_debris(line) {
            keep[i] = false;
        }
    }
    drop_inline_link_boxes(&lines[..end], &mut keep);
    let mut out = String::with_capacity(text.len());
    let mut blank = false;
    for (line, _) in lines.iter().zip(&keep).filter(|(_, k)| **k) {
        if line.trim().is_empty() {
            blank = !out.is_empty();
            continue;
        }
        if !out.is_empty() {
            out.push_str(if blank { "\n\n" } else { "\n" });
        }
        blank = false;
        out.push_str(line);
    }
    out
}

/// True for a line that is page furniture or a boilerplate notice wherever
/// it stands (never a line of article prose).
pub fn is_debris(line: &str) -> bool {
    let k = key(line);
    if k.is_empty() {
        return false;
    }
    if FURNITURE.contains(&k.as_str()) || is_social_line(&k) || is_copyright(&k) || is_cookie_notice(&k) {
        return true;
    }
    if NOTICE_PREFIXES.iter().any(|p| k.starts_with(p)) {
        return true;
    }
    let words = k.split(' ').count();
    if is_code(&k) || is_page_chrome(&k, words) && !is_prose(line) {
        return true;
    }
    // "Read more: Other headline", "Follow us on Telegram", "Sign up for our
    // newsletter": short lines that only point elsewhere.
    const POINTERS: &[&str] = &[
        "read more:",
        "read also:",
        "also read:",
        "see also:",
        "related:",
        "recommended:",
        "must read:",
        "don't miss:",
        "watch:",
        "listen:",
        "more:",
        "read:",
    ];
    if words <= 25 && POINTERS.iter().any(|p| k.starts_with(p)) {
        return true;
    }
    // Calls to the reader; a quoted or reported line is someone's words.
    let quoted = k.contains(['"', '\u{201c}', '\u{201d}']) || k.contains(" said") || k.contains(" says");
    if words <= 15 && !quoted {
        // Addressed to "us"/"our": never an article's own sentence.
        let calls = [
            "follow us",
            "like us on",
            "join us on",
            "join our",
            "subscribe to our",
            "sign up for our",
            "sign up to our",
            "download our app",
        ];
        // These could start a (strange) sentence: only short fragments go.
        let weak_calls = [
            "subscribe to the",
            "sign up for the",
            "download the app",
            "click here to",
            "get the latest",
            "share this",
            "share on",
            "share via",
        ];
        if calls.iter().any(|c| k.starts_with(c)) || !is_prose(line) && weak_calls.iter().any(|c| k.starts_with(c)) {
            return true;
        }
        let networks = [
            "twitter",
            "facebook",
            "instagram",
            "telegram",
            "whatsapp",
            "youtube",
            "google news",
            "linkedin",
            "tiktok",
            "newsletter",
        ];
        if words <= 8 && !is_prose(line) && k.starts_with("follow ") && networks.iter().any(|n| k.contains(n)) {
            return true;
        }
    }
    false
}

/// The line index where the article ends: the first section header of the
/// page's trailer (or the start of the trailing debris found by scanning
/// back from the end), else the number of lines.
fn article_end(lines: &[&str]) -> usize {
    let mut end = lines.len();
    // A section header after the article's prose: everything below goes,
    // unless the "header" is an inline box the article continues after.
    let mut prose_before = 0;
    for (i, line) in lines.iter().enumerate() {
        let k = key(line);
        if is_prose(line) {
            prose_before += 1;
            continue;
        }
        if prose_before == 0 || !is_section_header(&k) {
            continue;
        }
        if TERMINAL_HEADERS.contains(&k.as_str()) || !article_continues_after(&lines[i + 1..]) {
            end = i;
            break;
        }
    }
    // Then scan back over what is left: debris lines, and runs of headline-
    // like lines when a section header introduces them.
    let mut cut = end;
    let mut i = end;
    while i > 0 {
        let line = lines[i - 1].trim();
        if line.is_empty() {
            i -= 1;
            continue;
        }
        let k = key(line);
        if is_section_header(&k) || is_debris(line) || is_trailer_line(line, &k) {
            cut = i - 1;
            i -= 1;
            continue;
        }
        if is_headline_like(line) {
            // A run of headline-like lines (with debris among them) counts
            // as debris under a section header; without one, only the part
            // below the run's topmost debris line does ("Ok" under a cookie
            // notice), so an article's own last short line stays.
            let mut j = i - 1;
            let mut top_debris = None;
            while j > 0 {
                let l = lines[j - 1];
                let k = key(l);
                if l.trim().is_empty() {
                    j -= 1;
                } else if is_section_header(&k) {
                    break;
                } else if is_debris(l) || is_trailer_line(l, &k) {
                    top_debris = Some(j - 1);
                    j -= 1;
                } else if is_headline_like(l) {
                    j -= 1;
                } else {
                    break;
                }
            }
            if j > 0 && is_section_header(&key(lines[j - 1])) {
                cut = j - 1;
                i = j - 1;
                continue;
            }
            if let Some(d) = top_debris {
                cut = d;
                i = d;
                continue;
            }
        }
        break;
    }
    cut
}

/// After a section header in the middle of a page: does the article go on
/// below (an inline "Related" box), or is it a list of other stories with
/// their teasers? Teasers interleave headline-like lines with prose; an
/// article going on is a run of prose paragraphs.
fn article_continues_after(rest: &[&str]) -> bool {
    let lines: Vec<&str> = rest.iter().copied().filter(|l| !l.trim().is_empty()).collect();
    // Skip the box's own list of headlines.
    let start = lines.iter().position(|l| !is_headline_like(l) || is_debris(l)).unwrap_or(lines.len());
    let after = &lines[start..];
    let prose = after.iter().filter(|l| is_prose(l)).count();
    let headlines = after.iter().filter(|l| is_headline_like(l) && !is_debris(l)).count();
    prose >= 2 && headlines * 2 < prose && !after.iter().any(|l| is_section_header(&key(l)))
}

/// Inside the article: a section header ("Related", "Read more") followed by
/// headline-like lines and then prose again is an inline link box; the
/// header and its headlines go.
fn drop_inline_link_boxes(lines: &[&str], keep: &mut [bool]) {
    let mut i = 0;
    while i < lines.len() {
        let k = key(lines[i]);
        if keep[i] && is_section_header(&k) && !TERMINAL_HEADERS.contains(&k.as_str()) {
            let mut j = i + 1;
            let mut titles = Vec::new();
            while j < lines.len() && (lines[j].trim().is_empty() || is_headline_like(lines[j])) {
                if !lines[j].trim().is_empty() {
                    titles.push(j);
                }
                j += 1;
            }
            if j < lines.len() && !titles.is_empty() && titles.len() <= 8 {
                keep[i] = false;
                for t in titles {
                    keep[t] = false;
                }
            }
            i = j;
        } else {
            i += 1;
        }
    }
}

/// Lines that belong to a page's trailer but not to its furniture list:
/// tag lines, "Posted in", bylines of the comment form, dates alone.
fn is_trailer_line(line: &str, k: &str) -> bool {
    const PREFIXES: &[&str] = &[
        "tags:",
        "tagged:",
        "tagged ",
        "topics:",
        "posted in ",
        "filed under",
        "categories:",
        "category:",
        "source:",
        "via:",
    ];
    if PREFIXES.iter().any(|p| k.starts_with(p)) && k.split(' ').count() <= 30 {
        return true;
    }
    // Agency end codes and separators: "**2050", "3286**1424", "AMK/", "--".
    if k.len() <= 24 && !k.chars().any(char::is_alphabetic) || is_end_code(k) && !line.chars().any(char::is_lowercase) {
        return true;
    }
    // Jetpack's related posts: 'In "World"'.
    if (k.starts_with("in \"") || k.starts_with("in \u{201c}")) && k.split(' ').count() <= 5 {
        return true;
    }
    // "12 comments", "0 comment"
    let mut words = k.split(' ');
    if let (Some(n), Some(w), None) = (words.next(), words.next(), words.next()) {
        if n.chars().all(|c| c.is_ascii_digit()) && matches!(w, "comment" | "comments" | "shares" | "views" | "reads") {
            return true;
        }
    }
    super::date::normalise(k).is_some() && k.split(' ').count() <= 6
}

/// Script text that scrapers pick up: ad slots, tag managers, inline JS.
fn is_code(k: &str) -> bool {
    const MARKERS: &[&str] = &[
        "adsbygoogle",
        "googletag",
        "window.",
        "document.write",
        "document.getelementby",
        "function(",
        "function (",
        "var ",
        "});",
    ];
    MARKERS.iter().any(|m| k.contains(m)) && k.contains([';', '{', '}']) && !k.contains("\" said")
}

/// Short lines of page chrome: breadcrumbs, reading times, credits,
/// "Powered by" footers, photo credits.
fn is_page_chrome(k: &str, words: usize) -> bool {
    if words <= 12 && k.starts_with("home ") && k.contains(['»', '›', '>', '/', '|']) {
        return true;
    }
    // Theme bylines: "Author Name Send an email 2 days ago".
    if words <= 12 && k.contains("send an email") {
        return true;
    }
    if words <= 5
        && (k.ends_with("min read")
            || k.ends_with("mins read")
            || k.ends_with("minute read")
            || k.ends_with("minutes read"))
    {
        return true;
    }
    const PREFIXES: &[&str] = &[
        "reading time:",
        "last updated:",
        "last updated on",
        "updated:",
        "post views:",
        "views:",
        "powered by ",
        "designed by ",
        "developed by ",
        "theme by ",
        "photo:",
        "photo credit",
        "image:",
        "image credit",
        "image source",
        "file photo",
        "photo by ",
    ];
    words <= 12 && PREFIXES.iter().any(|p| k.starts_with(p))
}

/// A short code of upper-case letters, digits and `*` or `/` that news
/// agencies put after a story ("AMK/", "3286**1424").
fn is_end_code(k: &str) -> bool {
    k.len() <= 24
        && k.contains(['*', '/'])
        && k.split(' ').count() <= 3
        && k.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '*' | '/' | ' ' | '-'))
}

fn is_section_header(k: &str) -> bool {
    SECTION_HEADERS.contains(&k)
        || (k.starts_with("more from ") || k.starts_with("more in ")) && k.split(' ').count() <= 5
}

fn is_social_line(k: &str) -> bool {
    let words: Vec<&str> = k.split([' ', '/', '|', '·', '•']).filter(|w| !w.is_empty()).collect();
    words.len() >= 2
        && words.iter().all(|w| SOCIAL.contains(w))
        && words.iter().any(|w| !matches!(*w, "on" | "via" | "link" | "line" | "news" | "copy"))
}

fn is_copyright(k: &str) -> bool {
    let short = k.split(' ').count() <= 30;
    short
        && (k.starts_with('©')
            || k.starts_with("(c) ")
            || k.starts_with("copyright ")
            || k.contains("all rights reserved"))
}

fn is_cookie_notice(k: &str) -> bool {
    if !k.contains("cookie") || k.split(' ').count() > 80 {
        return false;
    }
    [
        "we use cookies",
        "uses cookies",
        "use of cookies",
        "accept cookies",
        "accept all",
        "cookie policy",
        "cookie settings",
        "by continuing to",
        "consent",
    ]
    .iter()
    .any(|p| k.contains(p))
}

/// A line of article prose: several words ending like a sentence.
pub fn is_prose(line: &str) -> bool {
    let t = line.trim();
    t.split_whitespace().count() >= 8 && ends_sentence(t)
}

/// A short line that does not end like a sentence: a headline, a link
/// title, a menu item.
pub fn is_headline_like(line: &str) -> bool {
    let t = line.trim();
    let words = t.split_whitespace().count();
    (1..=20).contains(&words) && t.len() <= 200 && !ends_sentence(t) && !t.ends_with([':', ',', ';'])
        || (1..=20).contains(&words) && t.ends_with('?') && t.len() <= 160
}

fn ends_sentence(t: &str) -> bool {
    let t = t.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')', ']', '»']);
    t.ends_with(['.', '!', '?', '…'])
}

/// A line reduced for comparison: lower case, single spaces, without
/// trailing punctuation and arrows, and with curly apostrophes made straight.
fn key(line: &str) -> String {
    let lower = line.trim().to_lowercase().replace(['\u{2019}', '\u{2018}'], "'");
    let words: Vec<&str> = lower.split_whitespace().collect();
    let joined = words.join(" ");
    joined
        .trim_matches(|c: char| {
            matches!(
                c,
                ':' | '.'
                    | '»'
                    | '›'
                    | '>'
                    | '<'
                    | '«'
                    | '‹'
                    | '|'
                    | '-'
                    | '–'
                    | '—'
                    | '…'
                    | '→'
                    | '←'
                    | '+'
                    | '*'
                    | '#'
                    | '('
                    | ')'
                    | '['
                    | ']'
                    | ' '
            )
        })
        .to_string()
}

#[cfg(test)]
mod tests {
    use super::*;

    const BODY: &str = "Iran denies it\n\nThe minister said on Sunday that no drones had been sent to the region.\n\nOfficials in Kessel said they had found parts of engines in the wreckage.";

    #[test]
    fn the_seed_trailer_goes() {
        let t = format!("{BODY}\n\nRelated Articles\n\nBack to top button");
        assert_eq!(strip(&t), BODY);
    }

    #[test]
    fn related_lists_of_headlines_go_and_prose_stays() {
        let t = format!("{BODY}\n\nRelated Posts\nKessel opens new airport\nValdoria elects a president\nIs the ceasefire holding?\n\nShare this:\nFacebook\nTwitter\nLike this:\nLike Loading...");
        assert_eq!(strip(&t), BODY);
        // Without a header, short lines at the end are kept (they may be the
        // article's own, like a reporting credit).
        let t = format!("{BODY}\n\n(Reporting by Jane Roe; editing by John Doe)");
        assert_eq!(strip(&t), t);
    }

    #[test]
    fn teaser_lists_and_comment_sections_go() {
        let t = format!("{BODY}\n\nYou may also like\nKessel opens new airport\nThe airport, built over three years, will handle ten million passengers a year.\nValdoria elects a president\nVoters chose a former judge in a run-off that observers called fair and calm.");
        assert_eq!(strip(&t), BODY);
        let t = format!("{BODY}\n\nLeave a Reply Cancel reply\nYour email address will not be published. Required fields are marked *\nI think the minister is lying about all of this, frankly, and everyone knows.\nSave my name, email, and website in this browser for the next time I comment.");
        assert_eq!(strip(&t), BODY);
    }

    #[test]
    fn inline_boxes_and_notices_go_anywhere() {
        let t = "First paragraph of the story has enough words to count as prose.\n\nRead more: Kessel opens new airport\n\nAdvertisement\n\nRelated\nValdoria elects a president\n\nThe second paragraph of the story goes on after the box, as stories do.\n\nAnd a third paragraph also continues the article at some length here.\n\n\u{a9} 2024 Example Media. All rights reserved.\nWe use cookies to give you the best experience on our website.";
        assert_eq!(
            strip(t),
            "First paragraph of the story has enough words to count as prose.\n\nThe second paragraph of the story goes on after the box, as stories do.\n\nAnd a third paragraph also continues the article at some length here."
        );
    }

    #[test]
    fn prose_is_never_cut() {
        let t = "He said the share of votes was rising.\n\nShare prices fell sharply on Monday after the announcement, traders said.\n\nRelated talks will resume next week in Geneva, the ministry said in a statement.";
        assert_eq!(strip(t), t);
    }

    #[test]
    fn scraped_chrome_and_code_lines() {
        let t = format!("Home \u{bb} World \u{bb} Middle East\n3 min read\n{BODY}\n\n(adsbygoogle = window.adsbygoogle || []).push({{}});\n\nPhoto: Example Agency\nPost Views: 1,234\nShare\nFacebook Twitter LinkedIn Tumblr Pinterest Reddit VKontakte Pocket\nCheck Also\nKessel opens new airport\nClose");
        assert_eq!(strip(&t), BODY);
        // Prose that merely starts like chrome stays.
        let p = "Powered by cheap drones, the offensive has changed the war, officers said.";
        assert_eq!(strip(p), p);
    }

    #[test]
    fn tags_dates_and_social_lines() {
        let t = format!(
            "{BODY}\n\nTags: Iran, Russia, drones\nOctober 5, 2023\nFacebook Twitter WhatsApp Telegram\n12 Comments"
        );
        assert_eq!(strip(&t), BODY);
    }
}
