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
//!
//! Beyond fixed strings, lines are recognised by their shape:
//! - calls to the reader: an imperative ("Subscribe", "Download", "Like",
//!   "Share"...) whose object is the site itself ("our page", "us") or its
//!   channels and apps ("Telegram", "application"), never a reported or
//!   quoted line; weaker pointers ("Watch the video below") only under the
//!   article;
//! - lines that are mostly hashtags, handles and web addresses;
//! - typo-report widgets ("press Ctrl+Enter"), comment prompts, copyright
//!   and reproduction notices in any calendar and several languages, agency
//!   and photo credits;
//! - list headers built from the words of such headers ("All news of the
//!   day", "Other news on this topic");
//! - a list of other stories with no header at all: two or more
//!   headline-like lines in a block of their own, or three or more
//!   one-line blocks, after the article's last paragraph (a list the
//!   article introduces with a colon is its own, and a reporter's credit
//!   stays).

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
    "print version",
    "printable version",
    "print page",
    "send to a friend",
    "send by email",
    "email this",
    "email this article",
    "load more",
    "show more",
    "see more",
    "view more",
    "previous",
    "next",
    "stay tuned",
    "bookmark",
    "save",
    "save article",
    "a+ a-",
    "check also",
    // Scraped pages of non-English outlets keep their chrome untranslated
    // when only the article body went through machine translation.
    "publicidade",
    "publicidad",
    "publicité",
    "anzeige",
    "werbung",
    "реклама",
    "partager",
    "partilhe esta notícia",
    "podeli",
    "podijeli",
    "paylaş",
    "chia sẻ",
    "bagikan",
    "udostępnij",
    "partilhar",
    "compartilhar",
    "compartir",
    "teilen",
    "поделиться",
];

/// Headers after which the page lists other stories, tags or comments: at
/// the end of a page, they and everything under them go.
const SECTION_HEADERS: &[&str] = &[
    // "Related articles" in Latvian, Lithuanian, Estonian, Finnish,
    // Hungarian and Czech.
    "saistītie raksti",
    "susiję straipsniai",
    "seotud artiklid",
    "aiheeseen liittyvät",
    "kapcsolódó cikkek",
    "související články",
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
    // The same headers on French, Portuguese, Spanish, German, Russian and
    // Turkish pages (chrome stays untranslated; see FURNITURE).
    "lire aussi",
    "à lire aussi",
    "a lire aussi",
    "voir aussi",
    "sur le même sujet",
    "les plus lus",
    "leia também",
    "leia mais",
    "veja também",
    "saiba mais",
    "mais lidas",
    "notícias relacionadas",
    "lea también",
    "ver también",
    "más leídas",
    "noticias relacionadas",
    "lesen sie auch",
    "mehr zum thema",
    "meistgelesen",
    "читайте также",
    "по теме",
    "похожие новости",
    "ilgili haberler",
    "bunu da okuyun",
    "tin liên quan",
    "baca juga",
    "berita terkait",
    "czytaj także",
    "povezane vijesti",
    "povezane vesti",
    // "Related news", "Read also" and "More news" of other languages'
    // news sites, whose chrome a translation leaves alone.
    "mga kaugnay na balita",
    "kaugnay na balita",
    "iba pang balita",
    "basahin din",
    "berita lainnya",
    "berita berkaitan",
    "artikel terkait",
    "artikel berkaitan",
    "habari zinazohusiana",
    "habari nyingine",
    "leggi anche",
    "articoli correlati",
    "notizie correlate",
    "lees ook",
    "gerelateerde artikelen",
    "meer nieuws",
    "czytaj też",
    "zobacz też",
    "zobacz także",
    "powiązane artykuły",
    "čtěte také",
    "související články",
    "citește și",
    "articole similare",
    "știri similare",
    "kapcsolódó cikkek",
    "benzer haberler",
    "articles similaires",
    "à lire également",
    "ähnliche artikel",
    "läs också",
    "läs även",
    "relaterade artiklar",
    "te puede interesar",
    "lajme të ngjashme",
    "lexo edhe",
    "tin khác",
    "pročitajte još",
    "pročitajte i",
    "srodne vijesti",
    "o'xshash yangiliklar",
    "читайте також",
    "схожі новини",
    "관련기사",
    "관련 기사",
    "関連記事",
    "相关新闻",
    "相关阅读",
    "相關新聞",
    "أخبار ذات صلة",
    "اقرأ أيضا",
    "اقرأ أيضاً",
    "مواضيع ذات صلة",
    "اخبار مرتبط",
    "संबंधित खबरें",
    "ये भी पढ़ें",
    "ข่าวที่เกี่ยวข้อง",
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

/// "Comments" in the languages of untranslated page chrome: a section
/// header that also ends the article.
const COMMENT_HEADERS: &[&str] = &[
    "commentaires",
    "comentários",
    "comentarios",
    "kommentare",
    "комментарии",
    "yorumlar",
    "komentari",
    "komentarze",
    "bình luận",
    "komentāri",
    "komentarai",
    "kommentaarid",
    "kommentit",
    "kommentarer",
    "hozzászólások",
    "komentáře",
    "коментарі",
    "коментари",
    "σχόλια",
    "maoni",
];

/// True for a header after which nothing is article text.
fn is_terminal_header(k: &str) -> bool {
    TERMINAL_HEADERS.contains(&k) || COMMENT_HEADERS.contains(&k)
}

/// Sentences of comment forms and notices, matched as line prefixes.
const NOTICE_PREFIXES: &[&str] = &[
    "your email address will not be published",
    "required fields are marked",
    "save my name, email",
    "you must be logged in to post a comment",
    "notify me of follow-up comments",
    "notify me of new posts",
    "comments are closed",
    "this live blog has ended",
    "this live blog is now closed",
    "load more updates",
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
    // "E-mail" and networks in the languages pages are scraped in:
    // Latvian "E-pasts", Lithuanian "El. paštu", Scandinavian "E-post",
    // Turkish "E-posta", Finnish "Sähköposti"; Latvia's Draugiem.
    "e-pasts",
    "el.",
    "paštu",
    "e-post",
    "e-posta",
    "sähköposti",
    "draugiem",
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
    if in_parts(line, &k, is_debris) || in_sentences(line, is_debris) {
        return true;
    }
    if FURNITURE.contains(&k.as_str())
        || is_counter(&k)
        || is_social_line(&k)
        || is_copyright(line, &k)
        || is_cookie_notice(&k)
        || is_publisher_notice(&k)
    {
        return true;
    }
    if NOTICE_PREFIXES.iter().any(|p| k.starts_with(p)) {
        return true;
    }
    let words = k.split(' ').count();
    if is_ad_label(&k, words) || is_pagination_note(&k, words) || is_chrome_bar(line, &k) {
        return true;
    }
    // "Posted by the live desk", "Posted by admin": the page's byline of a
    // post, not a sentence of the story.
    if k.starts_with("posted by ") && words <= 6 {
        return true;
    }
    if is_code(&k) || is_page_chrome(line, &k, words) && !is_prose(line) {
        return true;
    }
    // "Read more: Other headline", "Follow us on Telegram", "Sign up for our
    // newsletter": short lines that only point elsewhere.
    const POINTERS: &[&str] = &[
        "read more:",
        "read also:",
        "previous:",
        "<< previous:",
        "« previous:",
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
        "tags:",
        "keywords:",
        "mots-clés:",
        "etiquetas:",
        "schlagwörter:",
        "теги:",
        "từ khóa:",
        "lire aussi:",
        "leia também:",
        "lea también:",
        "baca juga:",
        "читайте также:",
    ];
    if words <= 25 && POINTERS.iter().any(|p| k.starts_with(p)) {
        return true;
    }
    is_link_line(line, 2)
        || is_error_report_notice(&k, words)
        || call_to_action(line, &k, words) == Call::Strong
        || !is_reported(&k) && is_comment_prompt(&k, words)
        || !is_prose(line) && is_login_to_comment(&k, words)
}

/// "Advertisement: Validated logistics for clinical trials. Request a
/// quote today.": an advertiser's text under its label, in the languages
/// of untranslated chrome.
fn is_ad_label(k: &str, words: usize) -> bool {
    const LABELS: &[&str] = &[
        "advertisement:",
        "advertisement -",
        "advertisement \u{2013}",
        "sponsored:",
        "sponsored content:",
        "paid content:",
        "paid post:",
        "promoted:",
        "anzeige:",
        "publicidad:",
        "publicidade:",
        "publicité:",
        "pubblicità:",
        "реклама:",
        "reklama:",
    ];
    words <= 40 && LABELS.iter().any(|l| k.starts_with(l))
}

/// A printed page's or a paged record's note that the text goes on
/// elsewhere: "The record continues on the next page", "Continued on
/// page 4", "Page 2 of 14". No sentence of a story says it.
fn is_pagination_note(k: &str, words: usize) -> bool {
    if words > 10 {
        return false;
    }
    let goes_on = ["continues on", "continued on", "continued from", "continues from"].iter().any(|c| k.contains(c))
        && ["next page", "following page", "previous page", "page "].iter().any(|p| k.contains(p));
    goes_on || is_page_count(k)
}

/// "page 2 of 14", "[page 3 of 9]" alone or closing a short label
/// ("stenographic record - page 2 of 14").
fn is_page_count(k: &str) -> bool {
    let k = k.trim_matches(|c: char| matches!(c, '[' | ']' | '(' | ')' | ' '));
    let Some(at) = k.rfind("page ") else { return false };
    let tail: Vec<&str> = k[at + 5..].split(' ').collect();
    let number = |w: &str| !w.is_empty() && w.chars().all(|c| c.is_ascii_digit());
    tail.len() == 3
        && number(tail[0])
        && tail[1] == "of"
        && number(tail[2])
        && (at == 0 || k[..at].trim_end().ends_with(['-', '\u{2013}', '\u{2014}', ',', '|', '\u{b7}']))
        && k.split(' ').count() <= 8
}

/// A bar of page chrome: three or more short parts joined by " | ", " · "
/// or " • ", one of them a known piece of furniture ("Print", "Back to
/// top", "Page 2 of 14") and none of them a sentence ("[Record - page 2 of
/// 14] | Print | Back to the list | Address").
fn is_chrome_bar(line: &str, k: &str) -> bool {
    let Some(sep) = [" | ", " \u{b7} ", " \u{2022} "].into_iter().find(|sep| line.contains(sep)) else {
        return false;
    };
    let parts: Vec<&str> = line.split(sep).map(str::trim).filter(|p| !p.is_empty()).collect();
    if parts.len() < 3 || is_reported(k) || parts.iter().any(|p| is_prose(p) || p.split_whitespace().count() > 12) {
        return false;
    }
    // Single words that are chrome in a bar; "Share" or "Next" may head a
    // table's column, so a bar needs one of these or a longer piece.
    const BAR_WORDS: &[&str] = &[
        "print",
        "email",
        "e-mail",
        "login",
        "log in",
        "sign in",
        "register",
        "subscribe",
        "menu",
        "home",
        "rss",
        "sitemap",
        "contact",
        "contact us",
        "back to top",
        "print this page",
        "print version",
    ];
    parts.iter().any(|p| {
        let pk = key(p);
        let words = pk.split(' ').count();
        BAR_WORDS.contains(&pk.as_str()) || is_page_count(&pk) || words >= 2 && is_debris(p) || is_temperature(p)
    })
}

/// A weather reading ("Weather Bratislava 3 °C", "-2°F", "18 ℃"): in a bar
/// of short parts, the strip over a page, beside its date.
fn is_temperature(part: &str) -> bool {
    let t = part.trim_end();
    ["\u{b0}C", "\u{b0}F", "\u{2103}", "\u{2109}"]
        .iter()
        .any(|unit| t.strip_suffix(unit).is_some_and(|n| n.trim_end().ends_with(|c: char| c.is_ascii_digit())))
}

/// The sentences of a short line, when it has several ("Posted by the live
/// desk. Comments are closed for this article.").
fn sentences(line: &str) -> Vec<&str> {
    let t = line.trim();
    if t.split_whitespace().count() > 40 {
        return Vec::new();
    }
    let mut out = Vec::new();
    let mut start = 0;
    for (i, c) in t.char_indices() {
        if matches!(c, '.' | '?' | '!') && t[i + 1..].starts_with(' ') {
            out.push(t[start..=i].trim());
            start = i + 1;
        }
    }
    out.push(t[start..].trim());
    out.retain(|p| !p.is_empty());
    if out.len() > 1 {
        out
    } else {
        Vec::new()
    }
}

/// A short line of several sentences, each matching `is` on its own: two
/// notices on one line ("Posted by the live desk. Comments are closed.").
fn in_sentences(line: &str, is: impl Fn(&str) -> bool) -> bool {
    let parts = sentences(line);
    !parts.is_empty() && parts.iter().all(|p| is(p))
}

/// A short line of parts joined by " / " or " | ", one of them matching
/// `is` on its own: bilingual sites write their calls twice ("Kala soco
/// wararka ugu dambeeyay / Follow the latest news") and themes join chrome
/// ("Share | Print"). The other parts are then a translation or more
/// chrome, never article prose: a line holding a sentence is kept.
fn in_parts(line: &str, k: &str, is: impl Fn(&str) -> bool) -> bool {
    // Every line is asked: the separator test, the cheapest, comes first.
    let Some(sep) = [" / ", " | ", " \u{b7} ", " \u{2022} "].into_iter().find(|sep| line.contains(sep)) else {
        return false;
    };
    if k.split(' ').count() > 16 || is_prose(line) || is_reported(k) {
        return false;
    }
    // A reporter's byline with its time stamp ("Reporter Park Ji-won /
    // Updated 2026.11.22 19:05") is the story's own line: the stamp does
    // not take the name with it.
    if line.split(sep).any(|part| is_byline_part(&key(part))) {
        return false;
    }
    line.split(sep).map(str::trim).any(|part| part.split_whitespace().count() >= 2 && is(part))
}

/// A byline: "By Jane Roe", "Reporter Park Ji-won", "Staff correspondent
/// Ivan Petrov" (a few words, opening with the word that names the writer).
fn is_byline_part(k: &str) -> bool {
    const OPENERS: &[&str] =
        &["by ", "reporter ", "reporters ", "correspondent ", "staff reporter ", "staff correspondent ", "written by "];
    let words = k.split(' ').count();
    (2..=6).contains(&words) && OPENERS.iter().any(|o| k.starts_with(o))
}

/// A line with someone's words in it: quoted, or reported with a speech
/// verb. Such a line is never a call to the reader, whatever its verb.
fn is_reported(k: &str) -> bool {
    const VERBS: &[&str] = &[
        " said",
        " says",
        " told",
        " tells",
        " urged",
        " urges",
        " asked",
        " added",
        " stated",
        " wrote",
        " according",
        " called on",
        " claimed",
        " claims",
        " warned",
        " warns",
        " noted",
        " announced",
        " reported",
    ];
    k.contains(['"', '\u{201c}', '\u{201d}', '\u{ab}', '\u{bb}']) || VERBS.iter().any(|v| k.contains(v))
}

/// Verbs that open a call to the reader ("Subscribe to...", "Download
/// the app", "Share the news", "Like our page").
const CALL_VERBS: &[&str] = &[
    "subscribe",
    "follow",
    "join",
    "like",
    "download",
    "install",
    "get",
    "share",
    "copy",
    "read",
    "watch",
    "listen",
    "sign",
    "register",
    "click",
    "tap",
    "press",
    "visit",
    "support",
    "donate",
    "leave",
    "add",
    "write",
    "post",
    "send",
    "stay",
    "turn",
    "enable",
    "bookmark",
    "save",
    "print",
    "email",
    "e-mail",
    "find",
    "see",
    "check",
    "discover",
    "become",
    "help",
    "contribute",
    "tell",
    "let",
    "go",
    "report",
    "comment",
    "view",
    "open",
    "allow",
    "receive",
    "contact",
    "keep",
    "browse",
    "explore",
    "scan",
    "rate",
];

/// Words that make a call to the reader whatever else the line says: the
/// site speaking of itself.
const CALL_SELF: &[&str] = &["us", "our", "ours", "editors", "subscribers"];

/// Words that make a call to the reader in a line that is not a sentence:
/// the site's channels and apps.
const CALL_TARGETS: &[&str] = &[
    "channel",
    "channels",
    "telegram",
    "facebook",
    "twitter",
    "instagram",
    "whatsapp",
    "youtube",
    "tiktok",
    "viber",
    "vk",
    "vkontakte",
    "odnoklassniki",
    "zen",
    "dzen",
    "rss",
    "newsletter",
    "newsletters",
    "app",
    "apps",
    "application",
    "notifications",
    "podcast",
    "podcasts",
    "inbox",
    "subscription",
    "google",
];

/// Words that make a call to the reader only in a short fragment that is
/// not a sentence ("Share the news", "Copy the link", "Read more here").
const WEAK_CALL_TARGETS: &[&str] = &[
    "news",
    "link",
    "url",
    "page",
    "group",
    "site",
    "website",
    "web",
    "comments",
    "comment",
    "video",
    "videos",
    "friends",
    "article",
    "articles",
    "story",
    "stories",
    "error",
    "typo",
    "mistake",
    "updates",
    "account",
    "feed",
    "email",
    "e-mail",
    "social",
    "networks",
    "network",
    "media",
    "here",
    "below",
    "more",
    "materials",
    "content",
    "post",
    "tuned",
    "informed",
    "latest",
    "headlines",
];

/// How sure a line is a call to the reader.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Call {
    /// Not a call.
    No,
    /// A pointer that may be the article's own ("Watch the video below",
    /// "Read the full report here"): debris only under the article.
    Weak,
    /// Addressed to the site's audience about the site, its channels and
    /// apps, or a share/subscribe prompt: debris anywhere.
    Strong,
}

/// Openings that soften a call: "Please share", "Don't forget to
/// subscribe", "You can also follow".
const CALL_OPENERS: &[&str] = &[
    "please ",
    "don't forget to ",
    "do not forget to ",
    "be sure to ",
    "make sure to ",
    "you can also ",
    "you can ",
    "also ",
    "now ",
];

/// A call to the reader: an imperative verb addressed to the site's
/// audience, about the site, its channels, apps or the article itself.
fn call_to_action(line: &str, k: &str, words: usize) -> Call {
    // A keyword to text in capitals ("send \"JOIN\" to 0803 ...") is no
    // quotation: the call is read without it.
    let unquoted;
    let k = if k.contains('"') && keyword_quotes_only(line) {
        unquoted = k.replace('"', "");
        unquoted.as_str()
    } else {
        k
    };
    if words > 20 || is_reported(k) {
        return Call::No;
    }
    let mut rest = k;
    // "To get the latest news, join our channel", "For more news, follow
    // us": the call follows the purpose clause.
    let mut purpose = false;
    if rest.starts_with("to ") || rest.starts_with("for ") {
        if let Some((_, after)) = rest.split_once(", ") {
            rest = after;
            purpose = true;
        }
    }
    while let Some(r) = CALL_OPENERS.iter().find_map(|o| rest.strip_prefix(o)) {
        rest = r;
    }
    // The site promoting its channels: "Our Telegram channel: t.me/x", "We
    // are on Telegram".
    let promo = ["our ", "we are on ", "we are in ", "we're on ", "we're in "].iter().any(|p| rest.starts_with(p));
    if promo && !is_prose(line) && words <= 10 {
        let has_target = rest.split(|c: char| !c.is_alphanumeric()).any(|w| CALL_TARGETS.contains(&w));
        if has_target {
            return Call::Strong;
        }
    }
    let ws: Vec<&str> = rest
        .split(' ')
        .map(|w| loan_verb(w.trim_matches(|c: char| !c.is_alphanumeric() && c != '-' && c != '@')))
        .collect();
    let Some(verb) = ws.first() else { return Call::No };
    if !CALL_VERBS.contains(verb) {
        return Call::No;
    }
    let has = |set: &[&str]| ws.iter().skip(1).any(|w| set.contains(w));
    let fragment = !is_prose(line);
    // "Like and share", "Like, share and subscribe", "I-like at i-share ang
    // balitang ito!": two prompts in a row are the site's, in any language.
    const PROMPTS: &[&str] = &["like", "share", "subscribe", "follow", "comment", "repost", "retweet"];
    if fragment && PROMPTS.contains(verb) && ws.iter().skip(1).take(3).any(|w| w != verb && PROMPTS.contains(w)) {
        return Call::Strong;
    }
    // "Write to tips@site.example": an address of the site as the object.
    let address = ws.iter().skip(1).any(|w| {
        w.split_once('@').is_some_and(|(user, host)| !user.is_empty() && host.contains('.')) || is_link_token(w)
    });
    if fragment && address && words <= 8 {
        return Call::Strong;
    }
    // In a sentence, "us"/"our" must be the verb's object ("Subscribe to our
    // channel", "Follow us on X"), not the writer's voice ("Let us recall
    // that...", an MT stock phrase).
    let is_self = |i: usize| ws.get(i).is_some_and(|w| CALL_SELF.contains(w));
    let is_prep = |i: usize| ws.get(i).is_some_and(|w| matches!(*w, "to" | "on" | "for" | "with" | "in" | "up"));
    let object_self = is_self(1) || is_prep(1) && (is_self(2) || is_prep(2) && is_self(3));
    if *verb != "let" && (object_self || fragment && has(CALL_SELF)) || fragment && has(CALL_TARGETS) {
        // A whole sentence after a purpose clause may be a newsletter's own
        // text inside the article; under the article it is a call.
        return if purpose && !fragment { Call::Weak } else { Call::Strong };
    }
    if !fragment || words > 12 {
        return Call::No;
    }
    // Share and subscribe prompts are never the article's own: "Share the
    // news", "Copy the link", "Donate today".
    let prompt =
        matches!(*verb, "share" | "copy" | "subscribe" | "download" | "install" | "donate" | "comment" | "rate");
    // A bare prompt has only little words after the verb ("Share with
    // friends", "Donate today"); "Share prices fell" is a headline.
    const LITTLE: &[&str] = &["with", "friends", "now", "this", "it", "on", "via", "today", "here", "the", "a", "your"];
    let bare = words <= 4 && ws.iter().skip(1).all(|w| LITTLE.contains(w));
    // The prompt's object, past any determiner: "Share the news", "Copy
    // this link" (not "Share of news readers rises").
    let object = ws.iter().skip(1).find(|w| !matches!(**w, "the" | "this" | "a" | "an" | "your" | "these"));
    if prompt && (object.is_some_and(|o| WEAK_CALL_TARGETS.contains(o)) || bare) {
        Call::Strong
    } else if has(WEAK_CALL_TARGETS) {
        Call::Weak
    } else {
        Call::No
    }
}

/// True when every straight-quoted stretch of `line` is one word in
/// capitals ("JOIN", "STOP"): a keyword for the reader to send, not
/// someone's words.
fn keyword_quotes_only(line: &str) -> bool {
    let pieces: Vec<&str> = line.split('"').collect();
    // An even number of quote marks: pieces at odd positions are quoted.
    pieces.len() >= 3
        && pieces.len() % 2 == 1
        && pieces
            .iter()
            .skip(1)
            .step_by(2)
            .all(|q| !q.is_empty() && !q.contains(' ') && q.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()))
}

/// A borrowed English verb under a Tagalog affix ("i-share", "mag-login",
/// "i-like"): the English verb, so that calls of Philippine sites read
/// like English ones. Any other word is returned as it is.
fn loan_verb(w: &str) -> &str {
    for affix in ["i-", "mag-", "nag-", "pa-", "ma-"] {
        if let Some(rest) = w.strip_prefix(affix) {
            if CALL_VERBS.contains(&rest) || matches!(rest, "login" | "comment" | "repost") {
                return rest;
            }
        }
    }
    w
}

/// "Para sa mga komento, mag-login muna", "Zaloguj się, aby dodać
/// komentarz": a short line that asks the reader to log in to comment, in
/// any of the languages whose words for both are borrowed or alike.
fn is_login_to_comment(k: &str, words: usize) -> bool {
    const COMMENT: &[&str] = &["comment", "koment", "coment", "kommentar", "yorum", "commento", "reactie"];
    const LOGIN: &[&str] =
        &["login", "log in", "log-in", "sign in", "zaloguj", "anmelden", "connectez", "giriş", "masuk"];
    // A prompt opens with the instruction ("Log in to comment", "Silakan
    // login untuk berkomentar") or ends a short line with it ("..., mag-login
    // muna"); a headline names both things in passing ("Ministry declines
    // comment on login data breach") and is the story's.
    let instruction_at = |at: usize| {
        let word = k[..at].matches(' ').count();
        word <= 1 || words <= 6 && word + 2 >= words
    };
    words <= 12
        && COMMENT.iter().any(|c| k.contains(c))
        && LOGIN.iter().any(|l| k.match_indices(l).any(|(at, _)| instruction_at(at)))
}

/// Prompts of a page's comment section.
fn is_comment_prompt(k: &str, words: usize) -> bool {
    const PROMPTS: &[&str] = &[
        "leave a comment",
        "leave your comment",
        "leave a reply",
        "add a comment",
        "add comment",
        "add your comment",
        "write a comment",
        "write your comment",
        "post a comment",
        "post your comment",
        "be the first to comment",
        "no comments yet",
        "show comments",
        "view comments",
        "load comments",
        "hide comments",
        "join the discussion",
        "join the conversation",
        "share your opinion",
        "share your thoughts",
        "share your views",
        "tell us what you think",
        "let us know what you think",
        "let us know in the comments",
        "comments are moderated",
        "log in to comment",
        "to leave a comment",
        "to post a comment",
        "what do you think about this",
        "did you like the article",
        "did you like this article",
        "was this article helpful",
        "was this helpful",
    ];
    words <= 20 && PROMPTS.iter().any(|p| k.contains(p))
        || words <= 3
            && (k.starts_with("comments") || k.starts_with("comment"))
            && k.split(' ').skip(1).all(|w| w.chars().all(|c| c.is_ascii_digit() || "():".contains(c)))
}

/// "If you notice an error, select it and press Ctrl+Enter": the notice of
/// a typo-reporting widget.
fn is_error_report_notice(k: &str, words: usize) -> bool {
    if words > 40 {
        return false;
    }
    let squeezed: String = k.chars().filter(|c| !c.is_whitespace()).collect();
    if squeezed.contains("ctrl+enter") || squeezed.contains("ctrl-enter") || squeezed.contains("ctrlenter") {
        return true;
    }
    const ERRORS: &[&str] = &["error", "typo", "mistake", "inaccuracy", "misprint"];
    const FINDING: &[&str] = &[
        "if you notice",
        "if you find",
        "if you found",
        "if you spot",
        "if you see",
        "if you have found",
        "if you have noticed",
        "did you find",
        "did you spot",
        "did you notice",
        "found a",
        "found an",
        "noticed a",
        "noticed an",
        "spotted a",
        "spotted an",
        "notice a",
        "notice an",
    ];
    const ACTION: &[&str] = &[
        "select",
        "highlight",
        "press",
        "let us know",
        "inform",
        "tell us",
        "report",
        "write to",
        "editors",
        "editorial",
    ];
    ERRORS.iter().any(|e| k.contains(e))
        && FINDING.iter().any(|f| k.contains(f))
        && ACTION.iter().any(|a| k.contains(a))
}

/// A line made mostly of hashtags, handles and web addresses ("#Idlib
/// #Syria", "@agency_news https://t.me/x"), with at least `min` of them
/// (a lone handle inside an article may sign an embedded post).
fn is_link_line(line: &str, min: usize) -> bool {
    let tokens: Vec<&str> = line.split_whitespace().filter(|t| t.chars().any(char::is_alphanumeric)).collect();
    if tokens.is_empty() || tokens.len() > 30 {
        return false;
    }
    let links = tokens.iter().filter(|t| is_link_token(t)).count();
    links >= min && links * 2 > tokens.len()
}

fn is_link_token(t: &str) -> bool {
    let t = t.trim_end_matches([',', ';', '.', ')']).trim_start_matches('(');
    let tagged = |p: char| t.strip_prefix(p).and_then(|r| r.chars().next()).is_some_and(char::is_alphanumeric);
    let lower = t.to_lowercase();
    tagged('#')
        || tagged('@')
        || lower.starts_with("http://")
        || lower.starts_with("https://")
        || lower.starts_with("www.")
        || lower.starts_with("t.me/")
}

/// A reporter's credit ("Reporting by Jane Roe; editing by John Doe",
/// "Additional reporting by ...", "Compiled by ..."): no list item of other
/// stories (a list stops at it); under the last paragraph it goes as a
/// closing credit (see [`is_closing_credit`]).
fn is_credit(k: &str) -> bool {
    k.split(' ').count() <= 30 && CREDITS.iter().any(|c| k.contains(c))
}

/// The words of a reporter's credit (see [`is_credit`]).
const CREDITS: &[&str] = &[
    "reporting by",
    "additional reporting",
    "editing by",
    "edited by",
    "writing by",
    "written by",
    "compiled by",
    "translated by",
    "contributed to this report",
    "contributed reporting",
];

/// A credit line naming only a news agency or source, under the story:
/// "(AFP)", "/TASS/", "— AFP", "With agencies".
fn is_agency_credit(line: &str, k: &str) -> bool {
    let words = k.split(' ').count();
    if words > 6 || k.contains(" by ") || k.starts_with("by ") || is_credit(k) {
        return false;
    }
    let t = line.trim();
    let wrapped = t.len() > 2
        && (t.starts_with('(') && t.ends_with(')')
            || t.starts_with('[') && t.ends_with(']')
            || t.starts_with('/') && t.ends_with('/'));
    // "— AFP", "- TASS"; a dash before a name ("- Jane Roe") signs the
    // article or a reader's letter.
    let dashed = t.starts_with(['—', '–', '-'])
        && words <= 3
        && t.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase())
        && t.chars().any(char::is_alphabetic);
    let agencies = k.contains("agencies") || k.starts_with("with inputs from") || k.starts_with("inputs from");
    wrapped || dashed || agencies
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
        if is_terminal_header(without_count(&k)) || !article_continues_after(&lines[i + 1..]) {
            end = i;
            break;
        }
    }
    // Then scan back over what is left: debris lines, and runs of headline-
    // like lines when a section header introduces them or when they form a
    // list of their own under the last paragraph.
    let mut cut = end;
    let mut i = end;
    while i > 0 {
        let line = lines[i - 1].trim();
        if line.is_empty() {
            i -= 1;
            continue;
        }
        let k = key(line);
        // A label line ("Manba: Toshkent Axborot", "Ko'rishlar soni: 3 418")
        // goes only as part of a block of furniture: right above a line
        // that went, with no blank line between.
        let in_block = cut == i && i < lines.len() && !lines[i].trim().is_empty();
        if is_section_header(&k)
            || is_debris(line)
            || is_trailer_line(line, &k)
            || is_untranslated_line(line)
            || is_closing_credit(line, &k)
            || is_label_list(line)
            || is_headed_link_list(line)
            || is_separator(line)
            || in_block && is_label_line(line)
        {
            cut = i - 1;
            i -= 1;
            continue;
        }
        if is_list_item(line, &k) {
            // A run of headline-like lines (with debris among them) counts
            // as debris under a section header; without one, the part below
            // the run's topmost debris line does ("Ok" under a cookie
            // notice), and so does a list that stands apart from the
            // article's last paragraph (see `headerless_list`).
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
                } else if is_list_item(l, &k) {
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
            // A short label over the list ("O'xshash yangiliklar:"), itself
            // under page furniture with no blank line between: the page's
            // own header in the site's language, not an article's list.
            if j > 1 && is_short_label(lines[j - 1]) {
                let above = lines[j - 2];
                let k = key(above);
                if !above.trim().is_empty() && (is_debris(above) || is_trailer_line(above, &k) || is_label_line(above))
                {
                    cut = j - 1;
                    i = j - 1;
                    continue;
                }
            }
            // Lines already cut right below the run (a label line of the
            // page's footer) still make its block one of several lines.
            let mut block_end = i;
            while block_end < lines.len() && !lines[block_end].trim().is_empty() {
                block_end += 1;
            }
            if let Some(top) = headerless_list(lines, j, block_end) {
                cut = top;
                i = top;
                continue;
            }
        }
        // A press release's boilerplate: "About MPR" over a paragraph that
        // says what the company is.
        if let Some(top) = about_block(lines, i) {
            cut = top;
            i = top;
            continue;
        }
        break;
    }
    // A short label right above what went ("Shiriki habari hii:" over its
    // share buttons) introduced it: it goes too. An article's own list
    // ends with prose above it, so a label of a few words is no sentence.
    if cut < end && cut > 0 {
        let above = lines[cut - 1].trim();
        if above.ends_with(':') && above.split_whitespace().count() <= 4 {
            cut -= 1;
        }
    }
    cut
}

/// The boilerplate a press release closes with: a header "About X" (a
/// name, a few capitalised words) over at most three paragraphs, the first
/// of which says what X is ("X is one of Turkey's largest refiners"), all
/// under the story and ending at line `end` (exclusive). Returns the
/// header's line.
fn about_block(lines: &[&str], end: usize) -> Option<usize> {
    let mut paragraphs = 0;
    let mut i = end;
    while i > 0 && end - i <= 8 {
        let line = lines[i - 1].trim();
        i -= 1;
        if line.is_empty() {
            continue;
        }
        if is_about_header(line) {
            let first = lines[i + 1..end].iter().map(|l| l.trim()).find(|l| !l.is_empty())?;
            let opening: Vec<&str> = first.split_whitespace().take(16).collect();
            let defines =
                opening.windows(2).any(|w| matches!(w[0], "is" | "are") && matches!(w[1], "a" | "an" | "one" | "the"))
                    || first.contains(" was founded ")
                    || first.contains(" was established ");
            // Some prose of the story must stand above.
            let story_above = lines[..i].iter().any(|l| is_prose(l));
            return (paragraphs >= 1 && defines && story_above).then_some(i);
        }
        if !is_prose(line) && line.split_whitespace().count() < 8 {
            return None;
        }
        paragraphs += 1;
        if paragraphs > 3 {
            return None;
        }
    }
    None
}

/// "About MPR", "About the Northline Group": "About" and one to five
/// capitalised words, no sentence.
fn is_about_header(line: &str) -> bool {
    let Some(rest) = line.strip_prefix("About ") else { return false };
    let words: Vec<&str> = rest.split_whitespace().collect();
    let name = words.iter().skip_while(|w| matches!(**w, "the" | "our")).collect::<Vec<_>>();
    (1..=5).contains(&words.len())
        && !name.is_empty()
        && name.iter().all(|w| w.chars().next().is_some_and(|c| c.is_uppercase() || c.is_ascii_digit()))
        && !ends_sentence(line)
        && !line.ends_with(':')
}

/// A credit line closing the story: "(Reporting by X; Editing by Y)",
/// "Compiled by the desk". Only the scan up from the page's end asks, so
/// the line stands under the article's last paragraph.
fn is_closing_credit(line: &str, k: &str) -> bool {
    let bare = k.trim_start_matches(['(', '[', '-', '—', '–', ' ']);
    !is_prose(line) && k.split(' ').count() <= 30 && CREDITS.iter().any(|o| bare.starts_with(o))
}

/// A short label ending with a colon: "Related news:", "O'xshash
/// yangiliklar:" (at most four words).
fn is_short_label(line: &str) -> bool {
    let t = line.trim();
    t.ends_with(':') && (1..=4).contains(&t.split_whitespace().count())
}

/// "Label: value" with a label of one to three words (five before a web
/// address) and a short value that is no sentence ("Source: Toshkent
/// Axborot", "Views: 3 418"): a field of the page's metadata.
fn is_label_line(line: &str) -> bool {
    let t = line.trim();
    let Some((label, value)) = t.split_once(':') else {
        return false;
    };
    let value = value.trim();
    // A web address as the value ("Subscribe to our channel:
    // site.example/tg") makes a longer label a field too.
    let address =
        !value.contains(char::is_whitespace) && (is_link_token(value) || value.contains('.') && value.contains('/'));
    let label_words = label.split_whitespace().count();
    ((1..=3).contains(&label_words) || address && label_words <= 5)
        && !value.is_empty()
        && value.split_whitespace().count() <= 6
        && !ends_sentence(value)
        && !value.contains('"')
}

/// "ტეგები: Poti, port, Ministry of Economy": a one- or two-word label over
/// a comma-separated list of three or more short items — a tag line in
/// any language.
fn is_label_list(line: &str) -> bool {
    let t = line.trim();
    let Some((label, value)) = t.split_once(':') else {
        return false;
    };
    let items: Vec<&str> = value.split(',').map(str::trim).collect();
    (1..=2).contains(&label.split_whitespace().count())
        && items.len() >= 3
        && items.iter().all(|i| (1..=4).contains(&i.split_whitespace().count()))
        && !ends_sentence(t)
}

/// "MORE FROM COAST: Ferry services delayed | Port receives first cargo":
/// a section header ([`is_section_header`]) and, on its own line, two or
/// more headlines separated by bars — a box of other stories written as
/// one line.
fn is_headed_link_list(line: &str) -> bool {
    let t = line.trim();
    let Some((label, value)) = t.split_once(':') else {
        return false;
    };
    let items: Vec<&str> = value.split(" | ").map(str::trim).collect();
    items.len() >= 2
        && items.iter().all(|i| (2..=15).contains(&i.split_whitespace().count()) && !ends_sentence(i))
        && is_section_header(&key(label))
}

/// A rule drawn with one repeated mark ("-----", "=====", "* * *"): it
/// separates the article from what the page adds below it.
fn is_separator(line: &str) -> bool {
    let marks: Vec<char> = line.chars().filter(|c| !c.is_whitespace()).collect();
    marks.len() >= 3 && marks.iter().all(|c| matches!(c, '-' | '=' | '*' | '_' | '~' | '\u{2014}' | '\u{2013}'))
}

/// A headline-like line that can belong to a list of other stories (a
/// reporter's credit is the article's own).
fn is_list_item(line: &str, k: &str) -> bool {
    is_headline_like(line) && !is_prose(line) && !is_credit(k)
}

/// Lines `run_start..run_end` are list items (and blank lines) at the end of
/// the article, under its last other line (the anchor). They are a list of other
/// stories when they stand apart from the article: in blocks of two or more
/// lines with no blank line between them (the article's paragraphs are
/// separated by blank lines), or as three or more one-line blocks. An
/// introduction ending with a colon makes them the article's own list.
/// Returns where the list starts.
fn headerless_list(lines: &[&str], run_start: usize, run_end: usize) -> Option<usize> {
    let anchor = lines[..run_start].iter().rposition(|l| !l.trim().is_empty())?;
    if lines[anchor].trim().ends_with(':') {
        return None;
    }
    // Blocks of consecutive non-blank lines, from the bottom up.
    let mut blocks: Vec<(usize, usize)> = Vec::new();
    let mut i = run_end;
    while i > run_start {
        if lines[i - 1].trim().is_empty() {
            i -= 1;
            continue;
        }
        let bottom = i;
        while i > run_start && !lines[i - 1].trim().is_empty() {
            i -= 1;
        }
        blocks.push((i, bottom));
    }
    let multi: Vec<&(usize, usize)> = blocks.iter().take_while(|(a, b)| b - a >= 2).collect();
    if let Some((top, _)) = multi.last() {
        // The top block must not run on from the anchor paragraph itself.
        return (*top > anchor + 1 || anchor_is_prose(lines[anchor])).then_some(*top);
    }
    if blocks.len() >= 3 && blocks.iter().all(|(a, b)| b - a == 1) {
        return blocks.last().map(|(top, _)| *top);
    }
    None
}

/// The article's last paragraph, above a list: prose, or a long line.
fn anchor_is_prose(line: &str) -> bool {
    is_prose(line) || line.split_whitespace().count() > 20
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
        if keep[i] && is_section_header(&k) && !is_terminal_header(without_count(&k)) {
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
        "sources:",
        "via:",
        "hashtags:",
        "keywords:",
        "key words:",
        "related topics:",
        "section:",
        "rubric:",
        // Tag labels of sites scraped untranslated.
        "etiketler:",
        "etiket:",
        "anahtar kelimeler:",
        "schlagworte:",
        "étiquettes:",
        "palavras-chave:",
        "palabras clave:",
        "parole chiave:",
        "tagi:",
        "метки:",
        "标签",
    ];
    if in_parts(line, k, |part| is_trailer_line(part, &key(part))) {
        return true;
    }
    let words = k.split(' ').count();
    if PREFIXES.iter().any(|p| k.starts_with(p)) && words <= 30 || is_agency_credit(line, k) || is_link_line(line, 1) {
        return true;
    }
    if call_to_action(line, k, words) != Call::No {
        return true;
    }
    // A short line under the article that ends by pointing elsewhere: "How
    // we rate: True, Misleading, False. Read our method here."
    if words <= 20 {
        if let Some(last) = sentences(line).last() {
            let last_key = key(last);
            if call_to_action(last, &last_key, last_key.split(' ').count()) != Call::No {
                return true;
            }
        }
    }
    // Agency end codes and separators: "**2050", "3286**1424", "AMK/", "--".
    if k.len() <= 24 && !k.chars().any(char::is_alphabetic) || is_end_code(k) && !line.chars().any(char::is_lowercase) {
        return true;
    }
    if matches!(k, "end" | "the end" | "end of story" | "end of article" | "end of text") {
        return true;
    }
    // Jetpack's related posts: 'In "World"'.
    if (k.starts_with("in \"") || k.starts_with("in \u{201c}")) && k.split(' ').count() <= 5 {
        return true;
    }
    if is_counter(k) {
        return true;
    }
    super::date::normalise(k).is_some() && k.split(' ').count() <= 6
}

/// A page's counter of its readers' reactions: "12 comments", "0 comment",
/// "1 847 views" (thousands set apart by a space, as many European sites
/// print them).
fn is_counter(k: &str) -> bool {
    let Some((count, w)) = k.rsplit_once(' ') else { return false };
    // The counted word first: every line is asked, few end in one.
    if !matches!(w, "comment" | "comments" | "shares" | "views" | "reads") {
        return false;
    }
    let groups: Vec<&str> = count.split(' ').collect();
    let digits = |g: &&str| !g.is_empty() && g.chars().all(|c| c.is_ascii_digit());
    let grouped =
        groups.len() == 1 || groups.len() <= 3 && groups[0].len() <= 3 && groups[1..].iter().all(|g| g.len() == 3);
    groups.iter().all(digits) && grouped
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
fn is_page_chrome(line: &str, k: &str, words: usize) -> bool {
    if words <= 14 && is_stamp_strip(line) {
        return true;
    }
    if words <= 12 && k.starts_with("home ") && k.contains(['»', '›', '>', '/', '|']) {
        return true;
    }
    // Theme bylines: "Author Name Send an email 2 days ago".
    if words <= 12 && k.contains("send an email") {
        return true;
    }
    // "6 min read", and bylines that end with it ("By Awa Ndour · 12
    // September 2025 · 6 min read").
    if words <= 14
        && (k.ends_with("min read")
            || k.ends_with("mins read")
            || k.ends_with("minute read")
            || k.ends_with("minutes read")
            || k.ends_with("min reading")
            || k.ends_with("minutes reading")
            || k.ends_with("minute reading"))
    {
        return true;
    }
    const PREFIXES: &[&str] = &[
        "reading time:",
        "last updated:",
        "atualizado",
        "actualizado",
        "mis à jour",
        "aktualisiert",
        "обновлено",
        "last updated on",
        "updated:",
        "post views:",
        "views:",
        "powered by ",
        "designed by ",
        "developed by ",
        "theme by ",
        "photo:",
        "photos:",
        "photo/",
        "photo credit",
        "photo courtesy",
        "photo source",
        "photo via",
        "source of photo",
        "image:",
        "images:",
        "image credit",
        "image source",
        "image courtesy",
        "image via",
        "picture:",
        "pictures:",
        "pictured:",
        "illustration:",
        "illustrative photo",
        "illustrative image",
        "cover photo",
        "featured image",
        "main photo",
        "file photo",
        "photo by ",
        "photo from ",
        "photo illustration",
        "photo -",
        "video:",
        "short link",
        "short url",
        "news id:",
        "news code:",
        "news number:",
        "visits:",
        "hits:",
        "reads:",
        "responsible editor",
        "editor in charge",
        "责任编辑",
        "编辑:",
        "编辑：",
        "来源:",
        "来源：",
        "credit:",
        "credits:",
        "screenshot",
    ];
    if words <= 12 && PREFIXES.iter().any(|p| k.starts_with(p)) {
        return true;
    }
    // "11 March 2025, 17:30 Updated 12 March 2025, 09:10": publication and
    // update stamps.
    if let Some((before, after)) = k.split_once(" updated ") {
        let date = |t: &str| super::date::normalise(t.trim_matches([',', ' ', '|', '·'])).is_some();
        if words <= 12 && date(before) && date(after) {
            return true;
        }
    }
    // "By Staff, Belém · 12/07/2024 19h48 · Updated 1 day ago": a byline
    // with its update stamp, in any of the languages of PREFIXES.
    // A dateline with its update time ("VESNOGRAD · 11 November 2024 ·
    // updated 18:05") is the story's own line and stays: the stamp must be
    // relative ("1 day ago") or the site's "last updated".
    const UPDATED: &[&str] = &["updated", "atualizado", "actualizado", "aktualisiert", "aggiornato", "обновлено"];
    const AGO: &[&str] = &[" ago", " há ", " hace ", " il y a ", " vor ", " fa", " назад"];
    if words <= 14
        && k.split(|c: char| !c.is_alphanumeric()).any(|w| UPDATED.contains(&w))
        && (AGO.iter().any(|a| k.contains(a)) || k.contains("last updated") && has_clock_time(k))
    {
        return true;
    }
    // "Updated 12 March 2025", "Published 3 hours ago": a time stamp line.
    if let Some(rest) = ["updated ", "published ", "posted "].iter().find_map(|p| k.strip_prefix(p)) {
        if words <= 8 && (super::date::normalise(rest).is_some() || rest.ends_with(" ago")) {
            return true;
        }
    }
    // Agency photo credits: "AFP via Getty Images", "REUTERS/Jane Roe", "AP
    // Photo/John Doe".
    if words <= 6 && (k.ends_with("getty images") || k.ends_with("/ getty") || k.starts_with("ap photo/")) {
        return true;
    }
    let agency_slash = line.split_once('/').is_some_and(|(head, tail)| {
        let head = head.trim();
        head.len() >= 2
            && head.chars().all(|c| c.is_ascii_uppercase())
            && tail.trim_start().chars().next().is_some_and(char::is_uppercase)
    });
    words <= 5 && agency_slash
}

/// "14.02.2025. 09:30 | Autor: Desk | 1.204 lecturas": the page's
/// metadata strip in any language — three or more short parts between bars,
/// one of them a date stamp, none a sentence. A dateline opening a story has
/// its sentence after the date; a headline has no date part.
fn is_stamp_strip(line: &str) -> bool {
    let parts: Vec<&str> = line.split(['|', '\u{b7}', '\u{2022}']).map(str::trim).filter(|p| !p.is_empty()).collect();
    let short = |p: &&str| (1..=4).contains(&p.split_whitespace().count()) && !p.ends_with(['!', '?']);
    // Beside the date stand at most a weekday or a label word; a time of
    // day ("26.11.2026. 14:02") holds no letter.
    let words_beside = |t: &str| t.split_whitespace().filter(|w| w.chars().any(char::is_alphabetic)).count();
    let stamp =
        |p: &&str| super::date::find(p).is_some_and(|f| words_beside(&p[..f.start]) + words_beside(&p[f.end..]) <= 1);
    // A wire dateline in capitals ("NORVIK · 11 November 2024 · updated
    // 18:05") is the story's own line.
    let dateline = parts.first().is_some_and(|p| {
        p.chars().any(char::is_alphabetic) && p.chars().filter(|c| c.is_alphabetic()).all(char::is_uppercase)
    });
    parts.len() >= 3 && !dateline && parts.iter().all(short) && parts.iter().any(stamp) && !is_reported(&key(line))
}

/// True when a line key holds a time of day: "7:40pm", "19h48", "10:45",
/// "9 am".
fn has_clock_time(k: &str) -> bool {
    static CLOCK: std::sync::LazyLock<regex::Regex> = std::sync::LazyLock::new(|| {
        regex::Regex::new(r"\b\d{1,2}(?:[:.h]\d{2}\s*(?:[ap]\.?m\b\.?)?|\s*[ap]\.?m\b)").expect("clock pattern")
    });
    CLOCK.is_match(k)
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
    let base = without_count(k);
    SECTION_HEADERS.contains(&k)
        || SECTION_HEADERS.contains(&base)
        || COMMENT_HEADERS.contains(&base)
        || (k.starts_with("more from ") || k.starts_with("more in ")) && k.split(' ').count() <= 5
        || is_list_header(k)
        || is_bilingual_header(k)
}

/// A header written twice, in the site's language and in English: "ተዛማጅ
/// ዜናዎች | Related:", "Povezane vijesti / Related news".
fn is_bilingual_header(k: &str) -> bool {
    // Asked of every line: the separator test, the cheapest, comes first.
    [" | ", " / "].iter().any(|sep| {
        k.contains(sep)
            && k.split(' ').count() <= 8
            && k.split(sep).any(|part| {
                let pk = key(part);
                !pk.contains(sep) && is_section_header(&pk)
            })
    })
}

/// A header key without the count pages put after it ("comments (3",
/// "related 12"), so that the count does not hide the header.
fn without_count(k: &str) -> &str {
    let base = k.trim_end_matches(|c: char| c.is_ascii_digit() || matches!(c, '(' | ')' | '[' | ']' | ' '));
    if base.len() < k.len() && base.len() >= 3 {
        base
    } else {
        k
    }
}

/// True for a line of page furniture that introduces a list of other
/// stories, tags or comments ("Related News", "Read also:").
pub fn is_section_header_line(line: &str) -> bool {
    is_section_header(&key(line))
}

/// Words that name a list of other stories ("news", "related", "most read").
const LIST_NOUNS: &[&str] = &[
    "related",
    "news",
    "stories",
    "articles",
    "posts",
    "headlines",
    "reads",
    "read",
    "picks",
    "materials",
    "publications",
    "videos",
    "popular",
    "latest",
    "trending",
    "recommended",
    "viewed",
    "commented",
    "shared",
    "similar",
    "topic",
];
/// Words that may stand with them in such a header ("All news of the day",
/// "Other news on this topic", "You might also like").
const LIST_HEADER_WORDS: &[&str] = &[
    "more",
    "also",
    "other",
    "the",
    "of",
    "day",
    "all",
    "this",
    "on",
    "topic",
    "topics",
    "section",
    "category",
    "from",
    "in",
    "you",
    "may",
    "might",
    "like",
    "see",
    "top",
    "most",
    "editor's",
    "editors'",
    "editors",
    "our",
    "today's",
    "today",
    "week",
    "recent",
    "further",
    "reading",
    "must",
    "don't",
    "miss",
    "and",
    "for",
    "interesting",
    "same",
    "subject",
    "author",
    "hot",
    "breaking",
    "just",
    "now",
    "what",
    "to",
    "next",
    "up",
    "your",
    "world",
    "local",
    "main",
    "hour",
    "last",
    "fresh",
    "partners",
    "partner",
    "sponsored",
];

/// A short line made only of the words of list headers, with at least one
/// that names the list: "Other news", "Latest headlines", "All news of the
/// day", "Most read".
fn is_list_header(k: &str) -> bool {
    let words: Vec<&str> = k.split(' ').collect();
    if words.len() > 6 {
        return false;
    }
    let nouns = words.iter().filter(|w| LIST_NOUNS.contains(w)).count();
    let known = words.iter().all(|w| LIST_NOUNS.contains(w) || LIST_HEADER_WORDS.contains(w));
    let alone_ok = words.len() > 1 || matches!(words[0], "related" | "latest" | "popular" | "trending" | "headlines");
    known && nouns >= 1 && alone_ok
}

fn is_social_line(k: &str) -> bool {
    // "Share this story: Facebook | X", "Partilhe esta notícia: ...": a
    // short share label before the buttons.
    const SHARE: &[&str] = &[
        "share",
        "partager",
        "partagez",
        "partilhe",
        "partilhar",
        "compartilhe",
        "compartilhar",
        "compartir",
        "comparte",
        "teilen",
        "поделиться",
        "podeli",
        "podijeli",
        "paylaş",
        "bagikan",
        "udostępnij",
        "condividi",
        "delen",
        // Latvian, Lithuanian, Estonian, Finnish, Hungarian, Czech,
        // Ukrainian, Greek.
        "dalīties",
        "dalintis",
        "jaga",
        "jaa",
        "megosztás",
        "sdílet",
        "поділитися",
        "κοινοποίηση",
        "chia sẻ",
    ];
    if let Some((head, tail)) = k.split_once(':') {
        let head = head.trim();
        if head.split(' ').count() <= 4 && SHARE.iter().any(|w| head.starts_with(w)) && !tail.trim().is_empty() {
            return is_social_line(tail.trim());
        }
    }
    // A share label on a line of its own, in the site's language: "Comparte
    // esta noticia", "Haberi paylaş", "Diesen Artikel teilen". English
    // "share" opens headlines too ("Share prices fell"), so it counts only
    // before what is shared.
    let label: Vec<&str> = k.trim_end_matches(':').split(' ').collect();
    if label.len() <= 4 {
        let foreign = |w: &&str| *w != "share" && SHARE.contains(w);
        let english = label.first() == Some(&"share")
            && label.get(1).is_some_and(|w| matches!(*w, "this" | "the" | "on" | "via" | "with" | "article" | "story"));
        if english || label.first().is_some_and(foreign) || label.last().is_some_and(foreign) {
            return true;
        }
    }
    if is_follow_handle(k) {
        return true;
    }
    let words: Vec<&str> = k.split([' ', '/', '|', '·', '•']).filter(|w| !w.is_empty()).collect();
    // Share counts may stand between the buttons: "Share 12 Tweet 5".
    let count = |w: &&str| w.chars().all(|c| c.is_ascii_digit() || c == ',' || c == 'k');
    words.len() >= 2
        && words.iter().all(|w| SOCIAL.contains(w) || count(w))
        && words.iter().any(|w| SOCIAL.contains(w) && !matches!(*w, "on" | "via" | "link" | "line" | "news" | "copy"))
}

/// "Fuata sisi kwenye Facebook na X: @habarileo", "Follow us on Instagram
/// @site": a call to follow the site, in any language — a short line that
/// names a social network and ends with the site's handle. A sentence of
/// the story does not end with a bare handle.
fn is_follow_handle(k: &str) -> bool {
    const NETWORKS: &[&str] = &[
        "facebook",
        "twitter",
        "x",
        "instagram",
        "telegram",
        "youtube",
        "tiktok",
        "threads",
        "bluesky",
        "vk",
        "whatsapp",
    ];
    let words: Vec<&str> = k.split_whitespace().collect();
    let Some(handle) = words.last().and_then(|w| w.strip_prefix('@')) else {
        return false;
    };
    let handle_like = (2..=30).contains(&handle.len())
        && handle.chars().all(|c| c.is_alphanumeric() || matches!(c, '_' | '.'))
        && handle.chars().any(char::is_alphabetic);
    let names_network = words.iter().any(|w| NETWORKS.contains(&w.trim_matches(|c: char| !c.is_alphanumeric())));
    handle_like && words.len() <= 12 && names_network && !is_reported(k)
}

/// Copyright and reproduction notices, in any calendar ("© 1403") and in
/// the languages news sites are scraped in.
fn is_copyright(line: &str, k: &str) -> bool {
    const RIGHTS: &[&str] = &[
        "all rights reserved",
        "all rights are reserved",
        "all rights protected",
        "all rights are protected",
        "rights reserved",
        "tüm hakları saklıdır",
        "все права защищены",
        "всі права захищені",
        "усі права захищені",
        "版权所有",
        "版權所有",
        "جميع الحقوق محفوظة",
        "كل الحقوق محفوظة",
        "الحقوق محفوظة",
        "کلیه حقوق",
        "تمامی حقوق",
        "حقوق محفوظ",
        "todos los derechos reservados",
        "tous droits réservés",
        "alle rechte vorbehalten",
        "tutti i diritti riservati",
        "wszelkie prawa zastrzeżone",
    ];
    let words = k.split(' ').count();
    if words > 40 {
        return false;
    }
    // Korean and Japanese sites sign with a circled letter: "ⓒ Hanbit News".
    let circled = k.replace('\u{24d2}', "©");
    let k = circled.as_str();
    let opens = k.starts_with('©') || k.starts_with("(c) ") || k.starts_with("copyright ") || k == "copyright";
    // A sign inside a sentence may be an excerpt's credit or mojibake
    // ("clichÃ©"): only a line that is no sentence counts.
    let sign = k.char_indices().any(|(i, c)| c == '©' && !k[..i].chars().next_back().is_some_and(char::is_alphabetic));
    let inside = (sign || k.contains(" (c) ")) && !is_prose(line);
    // An open licence: "Content licensed CC BY-ND", "under a Creative
    // Commons licence".
    let licence = words <= 30
        && (k.contains("creative commons")
            || k.split(' ').collect::<Vec<_>>().windows(2).any(|w| w[0] == "cc" && w[1].starts_with("by")));
    (opens || inside) && words <= 30 || licence || RIGHTS.iter().any(|r| k.contains(r)) || is_reproduction_notice(k)
}

/// The outlet's notes about itself under the article: "Disclaimer: This
/// news is published from the agency feed", "Our Standards: The Trust
/// Principles".
fn is_publisher_notice(k: &str) -> bool {
    // A fact-checker's membership of the IFCN ("X is a member of the
    // International Fact-Checking Network"; "a verified signatory of the
    // IFCN's code of principles").
    let network = k.contains("fact-checking network") || k.contains("ifcn");
    // "This article is part of X's work with ...", "This story was produced
    // in partnership with ...": the outlet describing the piece itself.
    let about_piece = ["this article ", "this story ", "this report ", "this piece ", "this fact-check "]
        .iter()
        .filter_map(|p| k.strip_prefix(p))
        .any(|rest| {
            ["is part of ", "is a part of ", "was produced ", "was supported by ", "was funded by "]
                .iter()
                .any(|v| rest.starts_with(v))
        })
        && !is_reported(k);
    // An opinion page's note that the author's views are the author's own
    // ("The opinion of the author may not coincide with the position of
    // the editorial board"; "The views expressed are the author's own and
    // do not necessarily reflect ...").
    let own_views = (k.contains("opinion") || k.contains("views") || k.contains("view "))
        && k.contains("author")
        && ["not coincide", "not necessarily", "not reflect", "own and do not", "author's own"]
            .iter()
            .any(|p| k.contains(p));
    // "X is not responsible for the content of external sites": the
    // site's note on the links it carries.
    let external = k.contains("not responsible for the content")
        && ["external", "third-party", "third party", "linked", "other sites", "other websites"]
            .iter()
            .any(|p| k.contains(p));
    (k.starts_with("disclaimer:")
        || own_views
        || external
        || k.starts_with("disclaimer -")
        || k.starts_with("our standards")
        || network
        || about_piece)
        && k.split(' ').count() <= 40
}

/// "When using materials, a hyperlink to X is obligatory", "Reproduction
/// of materials only with the permission of the editors".
fn is_reproduction_notice(k: &str) -> bool {
    let about_content = ["material", "materials", "content", "articles", "publications"]
        .iter()
        .any(|w| k.split(|c: char| !c.is_alphanumeric()).any(|x| x == *w));
    let terms = ["hyperlink", "reproduction", "reprint", "reprinting", "republication", "copying"];
    let has = |list: &[&str]| list.iter().any(|t| k.split(|c: char| !c.is_alphanumeric()).any(|x| x == *t));
    // "Copying is allowed only with the link to the source": the site's
    // terms of reuse, short, with no word for what is copied.
    let terms_of_reuse = k.split(' ').count() <= 14
        && has(&["allowed", "permitted", "prohibited", "forbidden"])
        && has(&["link", "hyperlink", "source", "permission", "consent"]);
    (about_content || terms_of_reuse) && has(&terms) || is_republication_note(k)
}

/// A reprint's note about where the story first ran: "This story was first
/// published by X and is republished with permission", "This article
/// originally appeared in Y", also after a short label ("Editor's note:
/// ..."). It opens by speaking of the story itself, so it is never a
/// sentence of the story; a paragraph that only mentions an article ("The
/// article was first published by X in March, the minister said") is one.
fn is_republication_note(k: &str) -> bool {
    let words = k.split(' ').count();
    let bare = k.trim_start_matches(|c: char| !c.is_alphanumeric());
    let after_label = bare.split_once(": ").filter(|(label, _)| label.split(' ').count() <= 3).map(|(_, rest)| rest);
    let itself =
        ["this story", "this article", "this report", "this piece", "this post", "the story was", "the article was"]
            .iter()
            .any(|w| bare.starts_with(w) || after_label.is_some_and(|r| r.starts_with(w)))
            && !is_reported(k);
    let first_ran = ["first published", "originally published", "originally appeared", "first appeared"]
        .iter()
        .any(|w| k.contains(w));
    let permission = ["republished with permission", "reprinted with permission", "republished with the permission"]
        .iter()
        .any(|w| k.contains(w));
    words <= 40 && (itself && first_ran || permission)
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

/// English function words of two letters or more: a line of English holds
/// some of them, a line left in the source language of a translated page
/// ("Bài viết cùng chuyên mục:", "Habari zaidi", "Zabranjeno preuzimanje
/// sadržaja bez dozvole redakcije.") holds none. One-letter words ("a",
/// "i") are words of other languages too.
const ENGLISH_FUNCTION_WORDS: &[&str] = &[
    "the", "of", "to", "in", "and", "is", "was", "for", "on", "with", "by", "that", "from", "at", "as", "has", "have",
    "had", "are", "were", "be", "been", "will", "would", "it", "its", "this", "these", "those", "an", "or", "not",
    "no", "his", "her", "their", "our", "he", "she", "they", "we", "you", "who", "which", "what", "after", "before",
    "about", "than", "but", "into", "over", "said", "says", "all", "more", "new", "also", "can", "could", "there",
    "up", "out",
];

/// A line under the article in another language than the article's
/// English: the page furniture of a translated page that the translation
/// left alone. It has two words or more, and either a third of them in a
/// script other than Latin ("გააზიარე / Share"), or no English function
/// word at all and a word with Latin letters beyond ASCII ("Najčitanije
/// danas"). An English headline ("Valdoria elects a president") or a
/// reporter's credit ("Ivan Petrov, Kyiv") has neither. Only the scan up
/// from the page's end asks, so an article's own sentences are never
/// judged by it.
fn is_untranslated_line(line: &str) -> bool {
    let words: Vec<String> = line
        .split(|c: char| !c.is_alphabetic() && c != '\'' && c != '-')
        .filter(|w| w.chars().any(char::is_alphabetic))
        .map(str::to_lowercase)
        .collect();
    if words.len() < 2 {
        return false;
    }
    let non_latin = words.iter().filter(|w| w.chars().any(|c| c.is_alphabetic() && !is_latin(c))).count();
    if non_latin * 3 >= words.len() {
        return true;
    }
    let english = words.iter().any(|w| ENGLISH_FUNCTION_WORDS.contains(&w.as_str()));
    let accented = words.iter().any(|w| w.chars().any(|c| c.is_alphabetic() && !c.is_ascii()));
    !english && accented
}

/// True for a letter of the Latin script (ASCII and the Latin blocks up to
/// Latin Extended Additional, where Vietnamese lives).
fn is_latin(c: char) -> bool {
    c.is_ascii_alphabetic() || ('\u{00C0}'..='\u{024F}').contains(&c) || ('\u{1E00}'..='\u{1EFF}').contains(&c)
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

    #[test]
    fn a_call_to_follow_the_site_by_its_handle_goes_in_any_language() {
        assert!(is_debris("Fuata sisi kwenye Facebook na X: @habarileo"));
        assert!(is_debris("Follow us on Instagram @riverside_daily"));
        assert!(!is_debris("The minister wrote on X that the figures were false, tagging @ministry_press."));
        // Under the story, it takes the untranslated "read also" list below it along.
        let text = "The ministry said on Monday that the bridge would reopen in March, after the repairs.\n\n\
                    Fuata sisi kwenye Facebook na X: @habarileo\nSoma pia:\n- Bei ya mafuta yapanda\n- Simba yashinda mjini";
        assert_eq!(
            strip(text),
            "The ministry said on Monday that the bridge would reopen in March, after the repairs."
        );
    }

    #[test]
    fn terms_of_reuse_go_with_the_copyright_sign() {
        assert!(is_debris("Kessel Daily © 2025. Copying is allowed only with the link to the source."));
        assert!(is_debris("Reproduction is prohibited without the permission of the editors."));
        assert!(!is_debris(
            "The court said that copying of the files was prohibited without the permission of the judge, who \
             ordered an inquiry into the leak last week."
        ));
    }

    #[test]
    fn a_metadata_strip_with_a_date_stamp_goes() {
        assert!(is_debris("14.02.2025. 09:30 | Autor: Desk | 1.204 lecturas"));
        assert!(is_debris("Riverside.example | 3 March 2025 | Interview: Ana Ruiz"));
        // A dateline with its story, and a headline with bars, stay.
        assert!(!is_debris("Kessel | 3 March 2025 | The ministry said on Monday that the bridge would reopen."));
        assert!(!is_debris("Floods | Roads closed | Schools shut"));
    }

    #[test]
    fn a_strip_of_date_and_weather_goes() {
        assert!(is_debris("Thursday, 19. November 2026 | Name day has: Alžbeta | Weather Bratislava 3 °C"));
        assert!(is_debris("Mon 2 March | EUR 1.08 | Oslo -4°C"));
        assert!(is_debris("Dalintis: Facebook | LinkedIn | El. paštu"));
        assert!(!is_debris("Temperatures reached 41 °C in the city on Tuesday, the weather service said."));
        assert!(!is_temperature("3 degrees"));
    }

    #[test]
    fn the_outlets_notes_about_itself_go() {
        assert!(is_debris("Disclaimer: This news is published from the agency feed. The channel is not responsible."));
        assert!(is_debris("Our Standards: The Northline Trust Principles."));
        assert!(!is_debris("The disclaimer on the label said nothing about the risks, the inspectors found."));
        // An opinion page's note that the views are the author's.
        assert!(is_debris("The opinion of the author may not coincide with the position of the editorial board."));
        assert!(is_debris(
            "The views expressed in this article are the author's own and do not necessarily reflect our editorial stance."
        ));
        assert!(!is_debris("The author of the report said the views of the families were not heard."));
    }

    #[test]
    fn notices_licences_and_rating_legends_go() {
        assert!(is_debris("Posted by the news desk. Comments are closed for this article."));
        assert!(is_debris(
            "Checkfast is a member of the International Fact-Checking Network. Content licensed CC BY-SA."
        ));
        assert!(is_debris("Did you spot an error? Write to us."));
        assert!(is_debris("This article is published under a Creative Commons licence."));
        // A sentence of the story that merely mentions such words stays.
        assert!(!is_debris("The minister said the comments were closed to the public. The debate went on."));
        assert!(!is_debris("Posted by the ministry on Monday, the video showed the damaged hull of the ship."));
        let text = format!(
            "{BODY}\n\nHow we rate: True, Mostly true, False. Read our method here.\n\nTags: ships, fact check"
        );
        let clean = strip(&text);
        assert!(clean.ends_with("in the wreckage."), "{clean}");
    }

    #[test]
    fn furniture_blocks_in_any_language_go() {
        // Fields of the page in the site's language, a label over a list
        // of other stories, a tag line under a label in another script, a
        // closing credit and a reprint's note.
        for trailer in [
            "Manbaa: Kessel Axborot\nTeglar: #Kessel #port\nKo'rishlar: 3 418\nTelegram kanalimizga obuna bo'ling: kessel.example/tg\nO'xshash xabarlar:\nKesselda non narxi oshdi\nYangi maktab ochildi",
            "ტეგები: Kessel, port, ministry, opposition",
            "(Reporting by Lena Ortiz in Kessel; Editing by the desk)",
            "This story was first published by Kessel Wire and is republished with permission. Headline by Valdoria Post.",
            "5 min reading",
            "ተዛማጅ ዜናዎች | Related:\n» Kessel: the lake festival attracts tourists\n» Price of bread increased",
            // A box of other stories written on one line, under a rule.
            "-------------------------------------\nMORE FROM COAST: Ferry services at Kessel delayed by engine fault | Port receives first transit cargo of the season",
            // Latvian chrome: share line, related articles, photo credit,
            // comment count.
            "Dalīties: Facebook | Draugiem | X | E-pasts\nSaistītie raksti:\nInflācija oktobrī samazinājās līdz 2,1%\nFoto: ekrānuzņēmums no LTV\nKomentāri (211)",
            // A live blog's end and its button.
            "Load more updates\nThis live blog has ended. Follow the coverage of the second day here.\nTags: education, strike",
            // Previous / next story links on one line.
            "<< Previous: Kessel: the price of sugar rose again | Next: Tarrow tunnel will close for three days >>",
        ] {
            let t = format!("{BODY}\n\n{trailer}");
            assert_eq!(strip(&t), BODY, "{trailer}");
        }
        // A list of other stories over the page's footer goes whole, though
        // its last line reads like a field ("▶ Ranking: most read").
        let t = format!(
            "{BODY}\n\n(Interviewer: Lena Ortiz. The chief answered in his office in Kessel.)\n\n\u{25b6} Related: Kessel port reopens after the storm season ends\n\u{25b6} Ranking: most read articles this week\nCopyright \u{a9} Kessel Daily. All rights reserved."
        );
        assert_eq!(
            strip(&t),
            format!("{BODY}\n\n(Interviewer: Lena Ortiz. The chief answered in his office in Kessel.)")
        );
        // A field-like line of the article, apart from any furniture,
        // stays; so does a list the article introduces.
        let t = format!("{BODY}\n\nDeath toll: 14");
        assert_eq!(strip(&t), t);
        // A paragraph of the story that speaks of another article stays;
        // a note that opens with the story itself goes, after a label too.
        let t = format!(
            "{BODY}\n\nThe article was first published by the Kessel Herald in March and was shared widely, the minister said.\n\nOfficials in Kessel said the dam would be finished next year."
        );
        assert_eq!(strip(&t), t);
        let t = format!("{BODY}\n\nEditor's note: This story was first published by Kessel Wire.");
        assert_eq!(strip(&t), BODY);
        let t = format!("{BODY} The demands were:\n\nhigher wages\nshorter shifts");
        assert_eq!(strip(&t), t);
    }

    #[test]
    fn chrome_of_paged_records_press_releases_and_other_sites_goes() {
        for trailer in [
            // A paged record's note and its bar of chrome.
            "The record continues on the next page.\n[Stenographic record - page 2 of 14] | Print | Back to the list of meetings | Orsk Assembly, Main Street 4",
            // Calls and headers of a Philippine site.
            "--\nI-like at i-share ang balitang ito!\nMga kaugnay na balita:\nOrsk: two soldiers hurt in ambush\nKessel: boat capsizes\nPara sa mga komento, mag-login muna.",
            // A press release's boilerplate.
            "About KPR\nKessel Petro Refinery Ltd. is one of Valdoria's largest private refiners, with 3,400 employees.\n\nMedia contact: press@kpr.example | +90 262 000 00 00\n###",
            // The outlet's note on the piece and a call with its address.
            "This article is part of Checkfast's work with independent fact-checkers. Found a claim you want us to check? Write to tips@checkfast.example\nTags: health, dementia",
            "\u{24d2} Kessel News - copying and re-distribution without permission is forbidden",
        ] {
            let t = format!("{BODY}\n\n{trailer}");
            assert_eq!(strip(&t), BODY, "{trailer}");
        }
        for line in [
            "Advertisement: Validated cold-chain logistics for clinical trials. Request a quote today.",
            "Kessel-Nur \u{b7} 12.08.2025 10:40 \u{b7} Views: 4 812",
            "Like, share and subscribe",
            "Continued on page 4",
        ] {
            assert!(is_debris(line), "{line}");
        }
        for line in [
            // A byline with its time stamp is the story's own line.
            "Reporter Park Ji-won / Updated 2026.11.22 19:05",
            "Like father, like son",
            "Hackers stole login data and posted comments under the names of the ministers.",
            "Party | Votes | Share",
        ] {
            assert!(!is_debris(line), "{line}");
        }
        // A headline that names a comment and a log-in in passing stays.
        for line in
            ["Ministry declines comment on login data breach", "Opposition criticises comment ban and login rules"]
        {
            assert!(!is_debris(line), "{line}");
        }
        for line in ["Silakan login untuk berkomentar", "Log in to comment", "Zaloguj się, aby dodać komentarz"] {
            assert!(is_debris(line), "{line}");
        }
        // A subheading "About ..." inside the story stays.
        let t = format!(
            "{BODY}\n\nAbout the Victims\n\nThe two men were miners from the village, neighbours said on Monday."
        );
        assert_eq!(strip(&t), t);
    }

    const BODY: &str = "Iran denies it\n\nThe minister said on Sunday that no drones had been sent to the region.\n\nOfficials in Kessel said they had found parts of engines in the wreckage.";

    #[test]
    fn untranslated_chrome_of_other_languages_goes() {
        for trailer in [
            "Lire aussi :\nKessel : la hausse du prix du pain\nPartager : Facebook | X | WhatsApp",
            "Partilhe esta notícia: Facebook | WhatsApp | E-mail\nLeia também:\nKessel: new bridge opens\nComentários (3)",
            "Tin liên quan\nKessel opens a new port\nBình luận",
            "Читайте также:\nValdoria elects a president",
        ] {
            let t = format!("{BODY}\n\n{trailer}");
            assert_eq!(strip(&t), BODY, "{trailer}");
        }
        let t = format!("{BODY}\n\n11 March 2025, 17:30 Updated 12 March 2025, 09:10\n\nPUBLICIDADE");
        assert_eq!(strip(&t), BODY);
        // A byline with its update stamp; a call written in two languages.
        for line in ["Por Redação, Belém · 12/07/2024 19h48 · Atualizado há 1 dia", "By Staff · Updated 3 hours ago"]
        {
            assert!(is_debris(line), "{line}");
        }
        // A dateline with its update time stays; tag labels in other
        // languages go.
        assert!(!is_debris("NORVIK · 11 November 2024 · updated 18:05"));
        let t = format!("{BODY}\n\nEtiketler: Kessel, Valdoria\nBu haberi paylaş\nYorum Yap (0)");
        assert_eq!(strip(&t), BODY);
        for line in [
            "By Awa Ndour · 12 September 2025 · 6 min read",
            "LIVE · Last updated 7:40pm",
            "Comparte esta noticia:",
            "Haberi paylaş",
        ] {
            assert!(is_debris(line), "{line}");
        }
        assert!(!is_debris("Share prices fell"));
        let t = format!("{BODY}\n\nKala soco wararka ugu dambeeyay / Follow the latest news");
        assert_eq!(strip(&t), BODY);
        // Prose with a slash, or an update reported in a sentence, stays.
        for line in [
            "Kessel / Valdoria border talks resume",
            "The ministry said it had updated the casualty list on 12 March 2024 after the strike.",
        ] {
            assert!(!is_debris(line), "{line}");
        }
    }

    #[test]
    fn lines_left_in_the_source_language_under_the_article_go() {
        for trailer in [
            "Shiriki habari hii:\nWhatsApp | Facebook | X\nHabari zaidi\nBei ya mafuta kupanda mwezi Desemba",
            "Tagovi: suđenje, carina\nNajčitanije danas\nZabranjeno preuzimanje sadržaja bez dozvole redakcije.",
            "Từ khóa: thủy điện, xả lũ\nBài viết cùng chuyên mục:\n- Giá vàng hôm nay tăng mạnh",
            "გააზიარე / Share",
        ] {
            let t = format!("{BODY}\n\n{trailer}");
            assert_eq!(strip(&t), BODY, "{trailer}");
        }
        // A reporter's credit and an English closing line stay.
        for last in ["Ivan Petrov, Kyiv", "The talks resume on Monday."] {
            let t = format!("{BODY}\n\n{last}");
            assert_eq!(strip(&t), t, "{last}");
        }
    }

    #[test]
    fn the_seed_trailer_goes() {
        let t = format!("{BODY}\n\nRelated Articles\n\nBack to top button");
        assert_eq!(strip(&t), BODY);
    }

    #[test]
    fn related_lists_of_headlines_go_and_prose_stays() {
        let t = format!("{BODY}\n\nRelated Posts\nKessel opens new airport\nValdoria elects a president\nIs the ceasefire holding?\n\nShare this:\nFacebook\nTwitter\nLike this:\nLike Loading...");
        assert_eq!(strip(&t), BODY);
        // A closing credit goes with the page's furniture: it names who
        // wrote the story and is no sentence of it.
        let t = format!("{BODY}\n\n(Reporting by Jane Roe; editing by John Doe)");
        assert_eq!(strip(&t), BODY);
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
    fn notices_counters_and_phone_calls_under_an_article_go() {
        for l in [
            "Get the latest news on your WhatsApp \u{2013} send \"JOIN\" to 0803 000 0000",
            "Kessel Courier is not responsible for the content of external sites.",
            "25.11.2026 | Region | 1 847 views",
            "1 847 views",
        ] {
            assert!(is_debris(l), "{l}");
        }
    }

    #[test]
    fn calls_to_the_reader_go_but_the_writers_voice_stays() {
        for l in [
            "Subscribe to Kessel Courier in Zen and on Telegram",
            "Download the Orsk Courier application",
            "Like our page and share the story with your friends",
            "Please share this news",
            "Copy the link",
            "Share the article:",
            "Don't forget to follow us on X",
            "Join our WhatsApp group for breaking news",
            "Read Orsk Courier in Google News",
            "#Kessel #floods #Tarrow",
            "@kessel_courier https://t.me/kesselcourier",
            "If you notice a mistake, select the text and press Ctrl+Enter to tell the editors.",
            "Found a typo? Highlight it and let us know",
            "Leave your comment below",
            "Teshin Daily \u{a9} 1403 \u{2014} all rights are reserved",
            "T\u{fc}m haklar\u{131} sakl\u{131}d\u{131}r.",
            "Reproduction of materials is allowed only with a hyperlink to the source.",
            "Photo courtesy of the regional governor's office",
            "KNA/Lena Marsh",
            "To get the latest news, join our Telegram channel",
            "Our Telegram channel: t.me/kesselnews",
            "Share 12 Tweet 5",
            "Comments: 3",
            "Photo from open sources",
            "News ID: 4567",
            "Was this article helpful?",
            "Rate this article",
        ] {
            assert!(is_debris(l), "{l}");
        }
        for l in [
            "Let us recall that the air force claimed on Saturday that the flight was the ninth this year.",
            "Follow the money, the prosecutor told the court on Monday in a long speech.",
            "Like many farmers in the region, he lost his harvest and his news stand this year.",
            "Download speeds in the region fell by half after the strike on the exchange, operators said.",
            "It's a clich\u{c3}\u{a9} that an armed society is a polite one, the columnist wrote in his piece.",
            "Share prices fell",
            "Share of news readers rises",
            "Watch the video below",
            "#1 in the polls for a third month",
        ] {
            assert!(!is_debris(l), "{l}");
        }
    }

    #[test]
    fn list_headers_by_their_words() {
        for h in ["All news of the day", "Other news on this topic", "Partner news", "Latest headlines", "Most read"] {
            assert!(is_section_header_line(h), "{h}");
        }
        for h in ["News", "More", "The day of the vote", "Read", "Latest talks on the border"] {
            assert!(!is_section_header_line(h), "{h}");
        }
    }

    #[test]
    fn headerless_lists_of_other_stories_go() {
        // A block of headlines under the last paragraph.
        let t = format!("{BODY}\n\nKessel opens new airport\nValdoria elects a president\n\nAll news of the day");
        assert_eq!(strip(&t), BODY);
        // Three one-line blocks.
        let t = format!(
            "{BODY}\n\nKessel opens new airport\n\nValdoria elects a president\n\nStorm cuts power in the north"
        );
        assert_eq!(strip(&t), BODY);
        // Pointers and agency credits under the article.
        let t = format!("{BODY}\n\nWatch the video below\n(KNA)\nSource: Kessel News Agency\n\u{2014} AFP");
        assert_eq!(strip(&t), BODY);
    }

    #[test]
    fn the_articles_own_short_lines_stay() {
        // A list the article introduces, a lone last line; a credit ends
        // a list of other stories below it (and goes with it).
        let t = format!("{BODY}\n\nThe ministry named the sites:\nThe river port\nThe grain terminal\nThe rail depot");
        assert_eq!(strip(&t), t);
        let t = format!("{BODY}\n\nPress service of the Ministry of Defence");
        assert_eq!(strip(&t), t);
        let t = format!("{BODY}\n\nReporting by Jane Roe; Editing by John Doe\n\nKessel opens new airport\nValdoria elects a president");
        assert_eq!(strip(&t), BODY);
        // A long last paragraph without its full stop, above a list.
        let last = "The head of the department added that the talks will continue within the agreements of last year and the commission will meet";
        let t = format!("{BODY}\n\n{last}\n\nKessel opens new airport\nValdoria elects a president");
        assert_eq!(strip(&t), format!("{BODY}\n\n{last}"));
        // A question that ends a column, between reader handles.
        let q = "It is theatre. He has pandered to them for a year. Who is he trying to fool?";
        let t = format!("{BODY}\n\n@reader_one\n\n{q}\n\n@reader_two");
        assert_eq!(strip(&t), format!("{BODY}\n\n@reader_one\n\n{q}"));
    }

    #[test]
    fn tags_dates_and_social_lines() {
        let t = format!(
            "{BODY}\n\nTags: Iran, Russia, drones\nOctober 5, 2023\nFacebook Twitter WhatsApp Telegram\n12 Comments"
        );
        assert_eq!(strip(&t), BODY);
    }
}
