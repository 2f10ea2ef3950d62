//! Article extraction from HTML pages.
//!
//! The body comes from `dom_smoothie` (a port of Mozilla's Readability): it
//! scores the page's blocks and keeps the article container, dropping
//! navigation, sidebars, comments and footers. Its output, still HTML, is
//! rendered to text here with paragraph structure kept as blank-line
//! separated paragraphs (the sentence splitter relies on line breaks), with
//! scripts, forms, captions, link lists (related stories, share bars) and
//! hidden elements left out. When Readability finds nothing, or much less
//! than the page plainly holds, the whole `<body>` is rendered instead with
//! page chrome dropped by tag, ARIA role and class name. The headline and
//! date come from [`super::meta`].

use std::panic::{catch_unwind, AssertUnwindSafe};

use scraper::{ElementRef, Html, Node};

use super::meta;

/// What an HTML page yields: the article body as text, and its metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The article body, paragraphs separated by blank lines (empty when the
    /// page holds no body text).
    pub body: String,
    /// The headline.
    pub title: Option<String>,
    /// Publication date or time, ISO 8601.
    pub published: Option<String>,
}

/// Pages nested deeper than this skip Readability (which walks the tree
/// recursively) and use the fallback renderer, which does not recurse.
const MAX_READABILITY_DEPTH: usize = 300;

/// Pages nested deeper than this (by a cheap count over the raw markup) are
/// refused: html5ever's tree builder takes time quadratic in the nesting
/// depth, so a megabyte of `<div>`s would stall a whole ingest. Real pages
/// stay under a few hundred levels.
pub const MAX_NESTING: usize = 4000;

/// Readability's pick is trusted without a second look when it holds this
/// many characters of prose.
const ENOUGH_PROSE: usize = 1500;

/// Readability gives up on pages with more elements than this.
const MAX_READABILITY_ELEMENTS: usize = 100_000;

/// Elements never rendered: code, media, forms, navigation and captions.
const SKIP_TAGS: &[&str] = &[
    "script",
    "style",
    "noscript",
    "template",
    "iframe",
    "svg",
    "math",
    "canvas",
    "button",
    "form",
    "input",
    "select",
    "textarea",
    "nav",
    "aside",
    "footer",
    "figcaption",
    "object",
    "embed",
    "video",
    "audio",
    "picture",
    "img",
    "head",
    "title",
    "meta",
    "link",
    "label",
    "dialog",
    "menu",
    "option",
    "datalist",
];

/// Elements that start and end a paragraph.
const BLOCK_TAGS: &[&str] = &[
    "p",
    "div",
    "section",
    "article",
    "main",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "li",
    "ul",
    "ol",
    "dl",
    "dt",
    "dd",
    "blockquote",
    "pre",
    "table",
    "tr",
    "thead",
    "tbody",
    "tfoot",
    "figure",
    "address",
    "hr",
    "center",
    "details",
    "summary",
    "body",
    "html",
];

/// Class or id fragments of page chrome, used by the fallback renderer only
/// (Readability does its own, better scoring of such containers).
const CHROME_CLASSES: &[&str] = &[
    "share",
    "social",
    "related",
    "comment",
    "newsletter",
    "subscribe",
    "advert",
    "promo",
    "sidebar",
    "breadcrumb",
    "cookie",
    "consent",
    "popup",
    "modal",
    "widget",
    "menu",
    "navbar",
    "masthead",
    "footer",
    "byline",
    "tags",
    "sponsor",
    "recommend",
    "trending",
    "most-read",
    "mostread",
    "paywall",
    "signup",
    "sign-up",
    "ticker",
    "ad",
    "ads",
    "adslot",
];

/// Class or id words of boxes that are chrome even inside the container
/// Readability picks: a newsletter box or a share bar placed between two
/// paragraphs of the story. Such boxes are taken out of the page before
/// Readability reads it, since it turns a box of inline text into a plain
/// paragraph and drops its class. Words that also name parts of an
/// article ("comment", "footer", "menu") are left to Readability's own
/// scoring.
const BOX_CLASSES: &[&str] = &[
    "share",
    "social",
    "related",
    "newsletter",
    "subscribe",
    "advert",
    "promo",
    "cookie",
    "consent",
    "paywall",
    "signup",
    "sign-up",
    "sponsor",
    "recommend",
    "trending",
    "most-read",
    "mostread",
    "popup",
    "modal",
    "widget",
    "sidebar",
    "breadcrumb",
    // A news ticker over the page ("BREAKING · markets close at ..."), an
    // ad slot ("ad-slot", "ads"): never the story.
    "ticker",
    "ad",
    "ads",
    "adslot",
    // The strip over a page with the date, the weather, the day's name day
    // or exchange rates ("topbar", "top-bar"): never the story.
    "topbar",
    "top-bar",
    "weather",
];

/// Class words of the writer's line with its time stamp ("Newsroom |
/// 03/03/2025 - 09:15"): page metadata, not the story, though Readability
/// keeps it as a paragraph of its own. Taken out only when the meta tags
/// date the page: otherwise the byline's date is the page's date, found in
/// the text later ([`super::dateline`]).
const BYLINE_CLASSES: &[&str] = &["byline"];

/// ARIA roles of page chrome.
const CHROME_ROLES: &[&str] =
    &["navigation", "banner", "contentinfo", "complementary", "search", "menu", "menubar", "dialog"];

/// Extracts the article and its metadata from an HTML page (a whole page or
/// a fragment, such as a feed entry's content).
pub fn extract(html: &str) -> Page {
    if nesting_estimate(html) > MAX_NESTING {
        return Page::default();
    }
    let doc = Html::parse_document(html);
    let meta = meta::extract(&doc);
    let readable = if depth(&doc) <= MAX_READABILITY_DEPTH {
        readability(without_boxes(&doc, meta.published.is_some()).as_deref().unwrap_or(html))
    } else {
        None
    };
    // Rendering the whole page is only needed when Readability's pick is
    // short enough to doubt.
    let body = match readable {
        Some(r) if prose_chars(&r) >= ENOUGH_PROSE => r,
        readable => choose(readable, Renderer::render(doc.root_element(), true)),
    };
    Page { body, title: meta.title, published: meta.published }
}

/// Whether an element's class or id holds one of `words` as a word. The
/// article container itself often has "content" or "article" in its class
/// next to a chrome word ("article-share-bar" is chrome, "article-body" is
/// not), so only whole words and hyphenated parts count, and the page's
/// own containers never do.
fn has_class_word(el: ElementRef<'_>, words: &[&str]) -> bool {
    let e = el.value();
    if matches!(e.name(), "body" | "html" | "main" | "article") {
        return false;
    }
    // Asked of every element of a page: no string is built.
    [e.attr("class"), e.attr("id")].into_iter().flatten().any(|names| {
        names
            .split(|c: char| !c.is_ascii_alphanumeric() && c != '-')
            .flat_map(|w| w.split('-').chain(std::iter::once(w)))
            .any(|w| words.iter().any(|x| x.eq_ignore_ascii_case(w)))
    })
}

/// The page without its chrome boxes (`BOX_CLASSES`, and `BYLINE_CLASSES`
/// when the meta tags date the page: `dated`), as HTML for
/// Readability, or `None` when it has none. A box holding much text is
/// kept: a container whose class merely mentions "related" or "share"
/// might hold the story itself.
fn without_boxes(doc: &Html, dated: bool) -> Option<String> {
    const MAX_BOX_CHARS: usize = 1_500;
    let mut boxes = Vec::new();
    let mut stack = vec![doc.root_element()];
    while let Some(el) = stack.pop() {
        let chrome = has_class_word(el, BOX_CLASSES) || dated && has_class_word(el, BYLINE_CLASSES);
        if chrome && el.text().map(str::len).sum::<usize>() <= MAX_BOX_CHARS {
            boxes.push(el.id());
            continue;
        }
        stack.extend(el.children().filter_map(ElementRef::wrap));
    }
    if boxes.is_empty() {
        return None;
    }
    let mut pruned = doc.clone();
    for id in boxes {
        if let Some(mut node) = pruned.tree.get_mut(id) {
            node.detach();
        }
    }
    Some(pruned.html())
}

/// An upper estimate of how deeply a page's elements nest, from its raw
/// markup: start tags (other than void elements) count one level down, end
/// tags one up. Linear in the length of the page.
pub fn nesting_estimate(html: &str) -> usize {
    const VOID: &[&str] = &[
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr", "param",
    ];
    let bytes = html.as_bytes();
    let (mut depth, mut max) = (0usize, 0usize);
    let mut i = 0;
    while let Some(off) = bytes[i..].iter().position(|&b| b == b'<') {
        i += off + 1;
        let rest = &bytes[i..];
        if rest.first() == Some(&b'/') {
            depth = depth.saturating_sub(1);
            continue;
        }
        let name_len = rest.iter().take_while(|b| b.is_ascii_alphanumeric()).count();
        if name_len == 0 {
            continue;
        }
        let name = String::from_utf8_lossy(&rest[..name_len]).to_ascii_lowercase();
        let self_closing = rest.iter().position(|&b| b == b'>').is_some_and(|e| e > 0 && rest[e - 1] == b'/');
        if !VOID.contains(&name.as_str()) && !self_closing {
            depth += 1;
            max = max.max(depth);
        }
    }
    max
}

/// The article content HTML as Readability finds it, rendered to text.
fn readability(html: &str) -> Option<String> {
    let config = dom_smoothie::Config { max_elements_to_parse: MAX_READABILITY_ELEMENTS, ..Default::default() };
    // A panic inside a third-party extractor must not take a whole ingest
    // down: such a page simply falls back to the plain renderer.
    let content = catch_unwind(AssertUnwindSafe(|| {
        let mut r = dom_smoothie::Readability::new(html, None, Some(config)).ok()?;
        r.parse().ok().map(|a| a.content.to_string())
    }))
    .ok()
    .flatten()?;
    let fragment = Html::parse_fragment(&content);
    Some(Renderer::render(fragment.root_element(), false))
}

/// Readability's text unless the fallback plainly holds much more prose
/// (Readability then picked a side box, or gave up).
fn choose(readable: Option<String>, fallback: String) -> String {
    let f = prose_chars(&fallback);
    match readable {
        Some(r) => {
            let rs = prose_chars(&r);
            if rs > 0 && (rs * 2 >= f || rs >= ENOUGH_PROSE) || f == 0 && !r.trim().is_empty() {
                r
            } else {
                fallback
            }
        }
        None => fallback,
    }
}

/// Characters in paragraphs of six words or more: a measure of article prose
/// that ignores menus and link lists.
fn prose_chars(text: &str) -> usize {
    text.split("\n\n").filter(|p| p.split_whitespace().count() >= 6).map(str::len).sum()
}

/// The maximum element depth of a parsed page, computed without recursion.
fn depth(doc: &Html) -> usize {
    let mut max = 0;
    let mut stack = vec![(doc.tree.root(), 0usize)];
    while let Some((node, d)) = stack.pop() {
        max = max.max(d);
        if max > MAX_READABILITY_DEPTH {
            return max;
        }
        for child in node.children() {
            stack.push((child, d + 1));
        }
    }
    max
}

/// Renders a DOM subtree to paragraphs, iteratively (hostile nesting cannot
/// overflow the stack).
struct Renderer {
    paragraphs: Vec<String>,
    current: String,
    link_chars: usize,
    links_open: usize,
    pre_open: usize,
    fallback: bool,
}

impl Renderer {
    fn render(root: ElementRef<'_>, fallback: bool) -> String {
        let mut r = Renderer {
            paragraphs: Vec::new(),
            current: String::new(),
            link_chars: 0,
            links_open: 0,
            pre_open: 0,
            fallback,
        };
        // (node, entering): a node is pushed once to enter and once to leave.
        let mut stack = vec![(*root, true)];
        while let Some((node, entering)) = stack.pop() {
            match node.value() {
                Node::Text(t) if entering => r.text(t),
                Node::Element(e) => {
                    let name = e.name();
                    if entering {
                        let Some(el) = ElementRef::wrap(node) else { continue };
                        if r.skip(el) {
                            continue;
                        }
                        r.open(name);
                        stack.push((node, false));
                        let children: Vec<_> = node.children().collect();
                        stack.extend(children.into_iter().rev().map(|c| (c, true)));
                    } else {
                        r.close(name);
                    }
                }
                Node::Document | Node::Fragment if entering => {
                    let children: Vec<_> = node.children().collect();
                    stack.extend(children.into_iter().rev().map(|c| (c, true)));
                }
                _ => {}
            }
        }
        r.flush();
        r.paragraphs.join("\n\n")
    }

    /// Whether an element's whole subtree is left out.
    fn skip(&self, el: ElementRef<'_>) -> bool {
        let e = el.value();
        let name = e.name();
        if SKIP_TAGS.contains(&name) || e.attr("hidden").is_some() || e.attr("aria-hidden") == Some("true") {
            return true;
        }
        if let Some(style) = e.attr("style") {
            let style: String = style.chars().filter(|c| !c.is_whitespace()).collect::<String>().to_ascii_lowercase();
            if style.contains("display:none") || style.contains("visibility:hidden") {
                return true;
            }
        }
        if matches!(name, "ul" | "ol" | "dl") && is_link_list(el) {
            return true;
        }
        if self.fallback
            && (name == "header"
                || e.attr("role").is_some_and(|r| CHROME_ROLES.contains(&r.to_ascii_lowercase().as_str())))
        {
            return true;
        }
        self.fallback && has_class_word(el, CHROME_CLASSES)
    }

    fn open(&mut self, name: &str) {
        match name {
            "br" => self.current.push('\n'),
            "a" => self.links_open += 1,
            "pre" => {
                self.flush();
                self.pre_open += 1;
            }
            "td" | "th" => self.space(),
            _ if BLOCK_TAGS.contains(&name) => self.flush(),
            _ => {}
        }
    }

    fn close(&mut self, name: &str) {
        match name {
            "a" => self.links_open = self.links_open.saturating_sub(1),
            "pre" => {
                self.flush();
                self.pre_open = self.pre_open.saturating_sub(1);
            }
            "td" | "th" => self.space(),
            _ if BLOCK_TAGS.contains(&name) => self.flush(),
            _ => {}
        }
    }

    fn space(&mut self) {
        if !self.current.is_empty() && !self.current.ends_with([' ', '\n']) {
            self.current.push(' ');
        }
    }

    /// Appends text, collapsing runs of white space to one space (except
    /// inside `<pre>`).
    fn text(&mut self, t: &str) {
        let before = self.current.len();
        if self.pre_open > 0 {
            self.current.push_str(t);
        } else {
            for (i, word) in t.split(char::is_whitespace).enumerate() {
                if i > 0 {
                    self.space();
                }
                self.current.push_str(word);
            }
        }
        if self.links_open > 0 {
            self.link_chars += self.current.len() - before;
        }
    }

    /// Ends the current paragraph; a paragraph that is mostly one link and
    /// not a sentence ("Read more: ...", a related headline) is dropped.
    fn flush(&mut self) {
        let text = std::mem::take(&mut self.current);
        let links = std::mem::replace(&mut self.link_chars, 0);
        // Lines from <br>; an empty line (from <br><br>) is a paragraph break.
        let mut para = String::new();
        let mut gap = false;
        for line in text.split('\n').map(str::trim) {
            if line.is_empty() {
                gap = !para.is_empty();
                continue;
            }
            if !para.is_empty() {
                para.push_str(if gap { "\n\n" } else { "\n" });
            }
            gap = false;
            para.push_str(line);
        }
        if para.is_empty() {
            return;
        }
        let linky = links * 4 >= para.len() * 3;
        if linky && !para.trim_end_matches(['"', '\'', '\u{201d}', '\u{2019}', ')']).ends_with(['.', '!', '?']) {
            return;
        }
        self.paragraphs.push(para);
    }
}

/// A list whose items are (almost) all links: related stories, tag clouds,
/// share buttons, menus.
fn is_link_list(list: ElementRef<'_>) -> bool {
    let mut items = 0;
    let mut linky = 0;
    for li in list.children().filter_map(ElementRef::wrap).filter(|c| matches!(c.value().name(), "li" | "dt" | "dd")) {
        let text: usize = li.text().map(|t| t.trim().len()).sum();
        let links: usize = li
            .descendants()
            .filter_map(ElementRef::wrap)
            .filter(|d| d.value().name() == "a")
            .map(|a| a.text().map(|t| t.trim().len()).sum::<usize>())
            .sum();
        items += 1;
        if text == 0 || links * 10 >= text * 6 {
            linky += 1;
        }
    }
    items > 0 && linky == items
}

#[cfg(test)]
mod tests {
    use super::*;

    const ARTICLE: &str = r##"<!DOCTYPE html><html><head><title>Valdoria denies drone deal | The Example Post</title>
<meta property="og:site_name" content="The Example Post">
<meta property="article:published_time" content="2024-02-11T09:15:00+01:00">
<style>p { color: red }</style><script>var x = "<p>not text</p>";</script></head>
<body><nav><ul><li><a href="/">Home</a></li><li><a href="/world">World</a></li></ul></nav>
<div class="share-bar"><a href="#">Facebook</a> <a href="#">Twitter</a></div>
<article class="article-body"><h1>Valdoria denies drone deal</h1>
<p>The foreign ministry of Valdoria on Sunday rejected reports that it had sold 300 attack drones to its neighbour, calling them &ldquo;baseless&rdquo;.</p>
<p>&quot;We have never sent weapons to either side,&quot; spokeswoman Mara Ilves told reporters in the capital, adding that the country&#39;s position had not changed.</p>
<div class="ad">Advertisement</div>
<p>Officials in Kessel, however, said they had found parts of<br>Valdorian-made engines in wreckage recovered last week.</p>
<p>The dispute comes as both governments prepare for talks in Geneva next month, according to diplomats familiar with the plans.</p>
<ul class="related"><li><a href="/a">Kessel opens new airport</a></li><li><a href="/b">Valdoria elects new president</a></li></ul>
<p><a href="/c">Read more: Drone wars in the region</a></p>
</article>
<aside><h3>Most read</h3><p>Something else entirely that is not part of the article text.</p></aside>
<footer><p>&copy; 2024 The Example Post. All rights reserved.</p></footer></body></html>"##;

    #[test]
    fn chrome_boxes_inside_the_article_go() {
        let p = "<p>The minister said on Sunday that no drones had been sent to the region, and that the reports were false.</p>";
        let html = format!(
            "<html><body><article class=\"article-body\"><h1>Valdoria denies drone deal</h1>{p}{p}\
             <div class=\"newsletter-signup\"><strong>Get the Dispatch in your inbox.</strong> <span>Our weekly \
             briefing.</span> <input type=\"email\"><button>Sign up</button></div>{p}{p}</article></body></html>"
        );
        let page = extract(&html);
        assert!(page.body.contains("no drones had been sent"), "{}", page.body);
        assert!(!page.body.contains("Dispatch"), "{}", page.body);
    }

    #[test]
    fn a_byline_box_goes_and_the_date_stays_in_the_metadata() {
        // Prose enough for Readability's pick to stand (the fallback
        // renderer drops bylines by itself).
        let p = "<p>The mayor said on Monday that the tunnel had been inspected twice, and that the works would resume.</p>"
            .repeat(16);
        let html = format!(
            "<html><head><meta property=\"article:published_time\" content=\"2026-11-26T18:05:00+01:00\"></head>\
             <body><article><h1>Tunnel works to resume</h1><div class=\"byline\">Newsroom | 03/03/2025 - \
             09:15</div>{p}</article></body></html>"
        );
        let page = extract(&html);
        assert!(page.body.contains("inspected twice"), "{}", page.body);
        assert!(!page.body.contains("Newsroom"), "{}", page.body);
        assert_eq!(page.published.as_deref(), Some("2026-11-26T18:05:00+01:00"));
    }

    #[test]
    fn keeps_the_article_and_drops_the_chrome() {
        let page = extract(ARTICLE);
        assert_eq!(page.title.as_deref(), Some("Valdoria denies drone deal"));
        assert_eq!(page.published.as_deref(), Some("2024-02-11T09:15:00+01:00"));
        let b = &page.body;
        assert!(b.contains("calling them \u{201c}baseless\u{201d}."), "{b}");
        assert!(b.contains("\"We have never sent weapons to either side,\" spokeswoman Mara Ilves"), "{b}");
        assert!(b.contains("country's position"), "{b}");
        assert!(b.contains("found parts of\nValdorian-made engines"), "{b}");
        assert!(b.contains("according to diplomats familiar with the plans."), "{b}");
        for junk in
            ["Home", "Facebook", "not text", "Kessel opens", "Read more", "Most read", "All rights", "color: red"]
        {
            assert!(!b.contains(junk), "{junk} in {b}");
        }
        // Paragraphs are separated by blank lines.
        assert!(b.contains("changed.\n\n"), "{b}");
    }

    #[test]
    fn falls_back_to_paragraphs_when_readability_finds_little() {
        let page = extract("<html><body><div><p>Short one.</p><p>The minister said the talks would resume on Monday in the capital.</p></div></body></html>");
        assert!(page.body.contains("The minister said the talks would resume"), "{}", page.body);
        let page = extract("<div>Just a div of text without paragraphs, but real words all the same.</div>");
        assert!(page.body.contains("Just a div of text"), "{}", page.body);
        let page = extract("<body><div>First part of the text.<br><br>Second part<br>on two lines.</div></body>");
        assert_eq!(page.body, "First part of the text.\n\nSecond part\non two lines.");
    }

    #[test]
    fn pages_without_body_text_yield_nothing() {
        for html in [
            "",
            "<html><head><title>Only a title</title></head><body></body></html>",
            "<html><body><nav><a href='/'>Home</a></nav><script>alert(1)</script><footer>(c) Site</footer></body></html>",
            "<html><body><img src='x.png'><div style='display: none'>Hidden text here.</div></body></html>",
        ] {
            assert_eq!(extract(html).body, "", "{html}");
        }
    }

    #[test]
    fn deep_nesting_does_not_overflow_or_stall() {
        let html = format!("{}<p>Deep text survives here.</p>{}", "<div>".repeat(3000), "</div>".repeat(3000));
        assert!(extract(&html).body.contains("Deep text survives here."));
        let start = std::time::Instant::now();
        let html = format!("{}<p>Too deep.</p>", "<div><span>".repeat(100_000));
        assert_eq!(extract(&html).body, "");
        assert!(start.elapsed().as_secs() < 2);
        assert_eq!(nesting_estimate("<p>a<br>b<img src=x/><b>c</b></p><div/>"), 2);
    }

    #[test]
    fn pre_keeps_lines_and_tables_keep_cells_apart() {
        let page = extract("<body><pre>line one\nline two</pre><table><tr><td>a</td><td>b</td></tr></table></body>");
        assert!(page.body.contains("line one\nline two"), "{}", page.body);
        assert!(page.body.contains("a b"), "{}", page.body);
    }
}
