//! Removal of the web-page debris that scraped article text carries at its
//! end ("Related Articles", "Back to top button", share and subscribe lines).

/// Lines (compared case-insensitively, trimmed) that are page furniture.
const DEBRIS_LINES: &[&str] = &[
    "related articles",
    "related posts",
    "related stories",
    "related",
    "back to top button",
    "back to top",
    "share this:",
    "share this",
    "share",
    "share on facebook",
    "share on twitter",
    "tweet",
    "subscribe",
    "subscribe now",
    "follow us",
    "read more",
    "read more:",
    "advertisement",
    "you may also like",
    "more stories",
    "leave a reply",
    "leave a comment",
    "comments",
    "print",
    "email",
    "whatsapp",
    "telegram",
    "facebook",
    "twitter",
    "linkedin",
    "pinterest",
    "reddit",
    "tumblr",
    "skip to content",
    "menu",
    "search",
    "close",
    "previous article",
    "next article",
    "most popular",
    "trending",
    "recommended",
    "see also",
    "also read",
];

/// Cuts trailing debris lines from scraped text.
pub fn strip(text: &str) -> String {
    let lines: Vec<&str> = text.lines().collect();
    let mut keep = lines.len();
    while keep > 0 {
        let line = lines[keep - 1].trim();
        if line.is_empty() || is_debris(line) {
            keep -= 1;
        } else {
            break;
        }
    }
    lines[..keep].join("\n")
}

/// True for a line that is page furniture rather than article text.
pub fn is_debris(line: &str) -> bool {
    let l = line.trim().trim_end_matches([':', '»', '›', '>']).trim().to_lowercase();
    DEBRIS_LINES.contains(&l.as_str())
        || l.starts_with("©")
        || l.starts_with("copyright ")
        || l.contains("all rights reserved")
}
