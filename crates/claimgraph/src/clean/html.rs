//! Article extraction from HTML pages.

/// What an HTML page yields: the article body as text, and its metadata.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Page {
    /// The article body, paragraphs separated by blank lines.
    pub body: String,
    /// The headline.
    pub title: Option<String>,
    /// Publication date or time, ISO 8601.
    pub published: Option<String>,
}

/// Extracts the article from an HTML page.
pub fn extract(html: &str) -> Page {
    let doc = scraper::Html::parse_document(html);
    let title = scraper::Selector::parse("title")
        .ok()
        .and_then(|s| doc.select(&s).next().map(|t| t.text().collect::<String>().trim().to_string()))
        .filter(|t| !t.is_empty());
    let mut body = String::new();
    if let Ok(sel) = scraper::Selector::parse("p") {
        for p in doc.select(&sel) {
            let t: String = p.text().collect::<Vec<_>>().join("");
            let t = t.split_whitespace().collect::<Vec<_>>().join(" ");
            if !t.is_empty() {
                body.push_str(&t);
                body.push_str("\n\n");
            }
        }
    }
    Page { body, title, published: None }
}
