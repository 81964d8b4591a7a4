//! A site's home page as a seed: the feeds it announces with `<link rel="alternate"
//! type="application/rss+xml|atom+xml|rdf+xml">`.

use url::Url;

use crate::normalize::resolve;

const FEED_TYPES: &[&str] =
    &["application/rss+xml", "application/atom+xml", "application/rdf+xml", "application/feed+json"];

/// The feeds `html` links to, resolved against `base` (and its `<base href>` if any).
pub fn feed_links(html: &str, base: &Url) -> Vec<Url> {
    let doc = scraper::Html::parse_document(html);
    let Ok(links) = scraper::Selector::parse("link[href]") else { return Vec::new() };
    let base = scraper::Selector::parse("base[href]")
        .ok()
        .and_then(|s| doc.select(&s).next()?.value().attr("href").and_then(|h| base.join(h).ok()))
        .unwrap_or_else(|| base.clone());
    let mut found: Vec<Url> = Vec::new();
    for link in doc.select(&links) {
        let el = link.value();
        let rel = el.attr("rel").unwrap_or("").to_ascii_lowercase();
        let kind = el.attr("type").unwrap_or("").trim().to_ascii_lowercase();
        if !rel.split_whitespace().any(|r| r == "alternate") || !FEED_TYPES.contains(&kind.as_str()) {
            continue;
        }
        if let Some(url) = el.attr("href").and_then(|h| resolve(Some(&base), h))
            && !found.contains(&url)
        {
            found.push(url);
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn announced_feeds_resolve_against_the_page() {
        let html = r#"<html><head><link rel="stylesheet" href="/a.css">
            <link rel="alternate" type="application/rss+xml" title="News" href="/feeds/news.rss">
            <LINK REL="Alternate" TYPE="application/atom+xml" HREF="https://news.example/atom.xml#x">
            <link rel="alternate" hreflang="fr" href="/fr/"></head><body></body></html>"#;
        let base = Url::parse("http://news.example/index.html").unwrap();
        let found: Vec<String> = feed_links(html, &base).into_iter().map(String::from).collect();
        assert_eq!(found, ["http://news.example/feeds/news.rss", "https://news.example/atom.xml"]);
    }
}
