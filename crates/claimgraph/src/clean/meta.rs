//! Article metadata from an HTML page, read with `scraper`: the headline and
//! the publication date, from (in order of trust) Open Graph / article meta
//! tags, JSON-LD (`headline`, `datePublished`, also inside `@graph` arrays),
//! other meta tags (`name=date`, Dublin Core, `itemprop`), and `<time
//! datetime>` elements.

use scraper::{ElementRef, Html, Selector};
use serde_json::Value;

use super::date;

/// Headline and publication date of a page.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct PageMeta {
    /// The headline, without a trailing " | Site name".
    pub title: Option<String>,
    /// Publication date or date-time, ISO 8601 (see [`date::normalise`]).
    pub published: Option<String>,
}

/// Meta tag keys (the `property`, `name` or `itemprop` attribute, lower
/// case) that carry the publication date, most trusted first.
const DATE_KEYS_FIRST: &[&str] = &["article:published_time", "og:article:published_time", "article:published"];
const DATE_KEYS_LATER: &[&str] = &[
    "datepublished",
    "og:published_time",
    "published_time",
    "publication_date",
    "date",
    "dc.date",
    "dc.date.issued",
    "dc.date.created",
    "dcterms.date",
    "dcterms.issued",
    "dcterms.created",
    "citation_publication_date",
    "pubdate",
    "publishdate",
    "publish-date",
    "publish_date",
    "article.published",
    "sailthru.date",
    "parsely-pub-date",
    "original-publish-date",
];
const TITLE_KEYS: &[&str] = &["og:title", "twitter:title", "dc.title", "headline", "sailthru.title", "parsely-title"];

/// JSON-LD `@type`s that describe the article itself.
const ARTICLE_TYPES: &[&str] = &[
    "newsarticle",
    "article",
    "reportagenewsarticle",
    "analysisnewsarticle",
    "blogposting",
    "opinionnewsarticle",
    "report",
    "scholarlyarticle",
    "liveblogposting",
    "socialmediaposting",
];

/// Reads the headline and publication date of a parsed page.
pub fn extract(doc: &Html) -> PageMeta {
    let metas = meta_tags(doc);
    let get = |keys: &[&str]| -> Vec<String> {
        keys.iter().flat_map(|k| metas.iter().filter(move |(mk, _)| mk == k).map(|(_, v)| v.clone())).collect()
    };
    let ld = json_ld(doc);

    let mut dates = get(DATE_KEYS_FIRST);
    dates.extend(ld.dates.iter().cloned());
    dates.extend(get(DATE_KEYS_LATER));
    dates.extend(itemprop_dates(doc));
    dates.extend(time_elements(doc));
    let published = dates.iter().find_map(|d| date::normalise(d));

    let site = get(&["og:site_name", "application-name"]).into_iter().next();
    let mut titles = get(&TITLE_KEYS[..1]);
    titles.extend(ld.headlines.iter().cloned());
    titles.extend(get(&TITLE_KEYS[1..]));
    titles.extend(first_text(doc, "h1"));
    titles.extend(first_text(doc, "title"));
    let title = titles.iter().map(|t| clean_title(t, site.as_deref())).find(|t| !t.is_empty());
    PageMeta { title, published }
}

/// All `<meta>` tags as (key in lower case, content).
fn meta_tags(doc: &Html) -> Vec<(String, String)> {
    let Ok(sel) = Selector::parse("meta[content]") else { return Vec::new() };
    doc.select(&sel)
        .filter_map(|m| {
            let e = m.value();
            let key = e.attr("property").or_else(|| e.attr("name")).or_else(|| e.attr("itemprop"))?;
            Some((key.trim().to_lowercase(), e.attr("content")?.trim().to_string()))
        })
        .filter(|(_, v)| !v.is_empty())
        .collect()
}

/// Headlines and dates found in JSON-LD blocks, article types first.
#[derive(Default)]
struct JsonLd {
    headlines: Vec<String>,
    dates: Vec<String>,
}

fn json_ld(doc: &Html) -> JsonLd {
    let mut article = JsonLd::default();
    let mut other = JsonLd::default();
    let Ok(sel) = Selector::parse("script[type]") else { return article };
    for script in doc.select(&sel) {
        let ty = script.value().attr("type").unwrap_or("").trim().to_ascii_lowercase();
        if ty != "application/ld+json" {
            continue;
        }
        let text: String = script.text().collect();
        let text = text.trim().trim_start_matches("<![CDATA[").trim_end_matches("]]>").trim().trim_end_matches(';');
        // serde_json refuses nesting deeper than 128, so a hostile block
        // cannot blow the stack here or in `walk`.
        let Ok(value) = serde_json::from_str::<Value>(text) else { continue };
        walk(&value, &mut article, &mut other, 0);
    }
    article.headlines.extend(other.headlines);
    article.dates.extend(other.dates);
    article
}

fn walk(v: &Value, article: &mut JsonLd, other: &mut JsonLd, depth: usize) {
    if depth > 16 {
        return;
    }
    match v {
        Value::Array(items) => items.iter().for_each(|i| walk(i, article, other, depth + 1)),
        Value::Object(obj) => {
            let is_article = match obj.get("@type") {
                Some(Value::String(t)) => ARTICLE_TYPES.contains(&t.to_ascii_lowercase().as_str()),
                Some(Value::Array(ts)) => ts
                    .iter()
                    .any(|t| t.as_str().is_some_and(|t| ARTICLE_TYPES.contains(&t.to_ascii_lowercase().as_str()))),
                _ => false,
            };
            let target = if is_article { &mut *article } else { &mut *other };
            if let Some(Value::String(h)) = obj.get("headline") {
                target.headlines.push(h.clone());
            }
            for key in ["datePublished", "dateCreated"] {
                if let Some(Value::String(d)) = obj.get(key) {
                    target.dates.push(d.clone());
                }
            }
            for key in ["@graph", "mainEntity", "mainEntityOfPage"] {
                if let Some(inner) = obj.get(key) {
                    walk(inner, article, other, depth + 1);
                }
            }
        }
        _ => {}
    }
}

/// `itemprop="datePublished"` on any element (a `content` or `datetime`
/// attribute, or the element's text).
fn itemprop_dates(doc: &Html) -> Vec<String> {
    let Ok(sel) = Selector::parse("[itemprop=datePublished]") else { return Vec::new() };
    doc.select(&sel).filter_map(|e| attr_or_text(e, &["content", "datetime"])).collect()
}

/// `<time>` elements: those marked as the publication time first, then those
/// inside an `<article>`, then any.
fn time_elements(doc: &Html) -> Vec<String> {
    let mut marked = Vec::new();
    let mut in_article = Vec::new();
    let mut rest = Vec::new();
    let Ok(sel) = Selector::parse("time") else { return Vec::new() };
    for t in doc.select(&sel) {
        let Some(v) = attr_or_text(t, &["datetime"]) else { continue };
        let e = t.value();
        let class = e.attr("class").unwrap_or("").to_lowercase();
        if e.attr("pubdate").is_some() || class.contains("publish") || class.contains("posted") {
            marked.push(v);
        } else if t.ancestors().filter_map(ElementRef::wrap).any(|a| a.value().name() == "article") {
            in_article.push(v);
        } else {
            rest.push(v);
        }
    }
    marked.extend(in_article);
    marked.extend(rest);
    marked
}

fn attr_or_text(e: ElementRef<'_>, attrs: &[&str]) -> Option<String> {
    attrs
        .iter()
        .find_map(|a| e.value().attr(a).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string))
        .or_else(|| Some(e.text().collect::<String>().trim().to_string()).filter(|t| !t.is_empty() && t.len() < 100))
}

fn first_text(doc: &Html, tag: &str) -> Option<String> {
    let sel = Selector::parse(tag).ok()?;
    doc.select(&sel).map(|e| e.text().collect::<String>()).find(|t| !t.trim().is_empty())
}

/// One line of text, entities decoded, without a leading or trailing site
/// name ("Headline | Site", "Site - Headline").
pub fn clean_title(raw: &str, site: Option<&str>) -> String {
    let decoded = if raw.contains('&') && raw.contains(';') {
        Html::parse_fragment(raw).root_element().text().collect::<String>()
    } else {
        raw.to_string()
    };
    let mut t = decoded.split_whitespace().collect::<Vec<_>>().join(" ");
    if let Some(site) = site.map(str::trim).filter(|s| !s.is_empty()) {
        for sep in [" | ", " - ", " – ", " — ", " :: ", " · "] {
            if let Some(head) = t.strip_suffix(site).and_then(|h| h.strip_suffix(sep)) {
                t = head.to_string();
                break;
            }
            if let Some(tail) = t.strip_prefix(site).and_then(|h| h.strip_prefix(sep)) {
                t = tail.to_string();
                break;
            }
        }
    }
    // Without a known site name, only a short segment after a pipe is taken
    // for one: dashes and colons are too common inside real headlines.
    if let Some((head, tail)) = t.rsplit_once(" | ") {
        if tail.split_whitespace().count() <= 4 && head.split_whitespace().count() >= 2 {
            t = head.to_string();
        }
    }
    t
}

#[cfg(test)]
mod tests {
    use super::*;

    fn meta(html: &str) -> PageMeta {
        extract(&Html::parse_document(html))
    }

    #[test]
    fn open_graph_and_article_meta() {
        let m = meta(
            r#"<html><head><title>Ignored | Daily Example</title>
            <meta property="og:title" content="Drones &amp; missiles: what we know">
            <meta property="article:published_time" content="2023-10-05T14:30:00+02:00">
            <meta name="date" content="2020-01-01"></head><body></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Drones & missiles: what we know"));
        assert_eq!(m.published.as_deref(), Some("2023-10-05T14:30:00+02:00"));
    }

    #[test]
    fn json_ld_graph() {
        let m = meta(
            r#"<html><head><title>T</title><script type="application/ld+json">
            {"@context":"https://schema.org","@graph":[
              {"@type":"WebPage","datePublished":"2019-01-01","name":"page"},
              {"@type":["NewsArticle"],"headline":"Graph headline","datePublished":"2023-11-02T08:00:00Z"}]}
            </script></head><body><h1>Other</h1></body></html>"#,
        );
        assert_eq!(m.title.as_deref(), Some("Graph headline"));
        assert_eq!(m.published.as_deref(), Some("2023-11-02T08:00:00+00:00"));
    }

    #[test]
    fn dublin_core_time_and_title_fallbacks() {
        let m = meta(
            r#"<html><head><meta name="DC.date.issued" content="2022-03-04"><title>Plain title | Site</title></head></html>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2022-03-04"));
        assert_eq!(m.title.as_deref(), Some("Plain title"));
        let m = meta(
            r#"<body><article><h1>  The   headline </h1><time datetime="2021-05-06T07:08:09">May 6</time></article></body>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2021-05-06T07:08:09"));
        assert_eq!(m.title.as_deref(), Some("The headline"));
        let m = meta(r#"<body><p>Posted <time>March 3, 2020</time></p></body>"#);
        assert_eq!(m.published.as_deref(), Some("2020-03-03"));
    }

    #[test]
    fn bad_dates_and_json_are_ignored() {
        let m = meta(
            r#"<head><meta property="article:published_time" content="soon">
            <script type="application/ld+json">{not json</script>
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2023-01-02"}</script></head>"#,
        );
        assert_eq!(m.published.as_deref(), Some("2023-01-02"));
        assert_eq!(meta("<p>nothing</p>"), PageMeta::default());
    }

    #[test]
    fn site_names_leave_titles() {
        assert_eq!(clean_title("Iran denies it - Daily Example", Some("Daily Example")), "Iran denies it");
        assert_eq!(clean_title("Daily Example | Iran denies it", Some("Daily Example")), "Iran denies it");
        assert_eq!(clean_title("Kyiv - a city under fire", None), "Kyiv - a city under fire");
    }
}
