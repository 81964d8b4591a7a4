//! Where the page lives and who publishes it: canonical URL, site name, declared language.

use scraper::Selector;

use crate::html::elements::{Elements, Tag};

use super::clean_text;
use super::jsonld::LdFacts;
use super::meta_tags::MetaTags;

/// `<link rel=canonical>`, else `og:url`, else JSON-LD `url`, made absolute against the
/// `<base href>` or the page's own URL.
pub fn canonical_url(els: &Elements, tags: &MetaTags, ld: &LdFacts, page_url: Option<&str>) -> Option<String> {
    let base_href = first_attr(els, Tag::Base, "base[href]", "href");
    let base = match (base_href.as_deref(), page_url) {
        (Some(b), Some(p)) => resolve(p, b).or_else(|| Some(p.to_string())),
        (Some(b), None) => Some(b.to_string()),
        (None, p) => p.map(str::to_string),
    };
    let candidates =
        [first_attr(els, Tag::Link, "link[rel~=canonical][href]", "href"), tags.get("og:url").map(str::to_string), ld.url.clone()];
    candidates.into_iter().flatten().find_map(|href| {
        let href = href.trim();
        if href.is_empty() || href.len() > 2000 {
            return None;
        }
        match base.as_deref() {
            Some(base) => resolve(base, href),
            None => is_absolute(href).then(|| href.to_string()),
        }
    })
}

/// `attr` of the first element named `tag` that `selector` matches, trimmed, if not empty.
fn first_attr(els: &Elements, tag: Tag, selector: &str, attr: &str) -> Option<String> {
    let sel = Selector::parse(selector).ok()?;
    els.select(tag, &sel).find_map(|e| e.value().attr(attr).map(str::trim).filter(|v| !v.is_empty()).map(str::to_string))
}

fn is_absolute(url: &str) -> bool {
    let lower = url.get(..8).unwrap_or(url).to_ascii_lowercase();
    lower.starts_with("http://") || lower.starts_with("https://")
}

/// Resolves `href` against an absolute `base` (RFC 3986 in the common cases: absolute,
/// scheme-relative, root-relative, path-relative, query-only). `None` when neither is usable.
pub fn resolve(base: &str, href: &str) -> Option<String> {
    if is_absolute(href) {
        return Some(href.to_string());
    }
    if !is_absolute(base) || href.starts_with("javascript:") || href.starts_with("data:") {
        return None;
    }
    let (scheme, rest) = base.split_once("://")?;
    let host_end = rest.find(['/', '?', '#']).unwrap_or(rest.len());
    let origin = format!("{scheme}://{}", &rest[..host_end]);
    if let Some(r) = href.strip_prefix("//") {
        return Some(format!("{scheme}://{r}"));
    }
    if href.starts_with('/') {
        return Some(format!("{origin}{href}"));
    }
    let path = rest[host_end..].split(['?', '#']).next().unwrap_or("");
    if href.starts_with('?') || href.starts_with('#') {
        return Some(format!("{origin}{path}{href}"));
    }
    let dir = path.rsplit_once('/').map_or("", |(d, _)| d);
    let mut segments: Vec<&str> = dir.split('/').filter(|s| !s.is_empty()).collect();
    for part in href.split('/') {
        match part {
            "." => {}
            ".." => {
                segments.pop();
            }
            p => segments.push(p),
        }
    }
    Some(format!("{origin}/{}", segments.join("/")))
}

/// `og:site_name`, else the JSON-LD publisher or `WebSite` name, else `application-name`.
pub fn site_name(tags: &MetaTags, ld: &LdFacts) -> Option<String> {
    tags.first(&["og:site_name", "twitter:site:name"])
        .map(clean_text)
        .or_else(|| ld.publisher.clone())
        .or_else(|| ld.website.clone())
        .or_else(|| tags.first(&["application-name", "al:android:app_name", "al:ios:app_name"]).map(clean_text))
        .filter(|s| !s.is_empty() && s.chars().count() <= 100)
}

/// `<html lang>`, else `content-language`, `og:locale` or JSON-LD `inLanguage`, as ISO 639-1.
pub fn language(els: &Elements, tags: &MetaTags, ld: &LdFacts) -> Option<String> {
    let html_lang = first_attr(els, Tag::Html, "html[lang]", "lang")
        .or_else(|| first_attr(els, Tag::Html, "html[xml\\:lang]", "xml:lang"));
    let metas = ["content-language", "language", "dc.language", "og:locale", "inlanguage"];
    html_lang
        .into_iter()
        .chain(metas.iter().filter_map(|k| tags.get(k).map(str::to_string)))
        .chain(ld.language.clone())
        .find_map(|code| iso_639_1(&code))
}

/// `en-GB`, `en_US`, `EN`, `de-DE, en` to the two-letter code; `None` for anything else.
fn iso_639_1(code: &str) -> Option<String> {
    let first = code.split([',', ';']).next()?.trim();
    let primary = first.split(['-', '_']).next()?;
    (primary.len() == 2 && primary.chars().all(|c| c.is_ascii_alphabetic())).then(|| primary.to_ascii_lowercase())
}

#[cfg(test)]
mod tests {
    use super::*;
    use scraper::Html;

    #[test]
    fn resolves_relative_canonical_urls() {
        let base = "https://news.example/world/2018/story.html?utm=x";
        assert_eq!(resolve(base, "/a/b").as_deref(), Some("https://news.example/a/b"));
        assert_eq!(resolve(base, "other.html").as_deref(), Some("https://news.example/world/2018/other.html"));
        assert_eq!(resolve(base, "../up").as_deref(), Some("https://news.example/world/up"));
        assert_eq!(resolve(base, "//cdn.example/x").as_deref(), Some("https://cdn.example/x"));
        assert_eq!(resolve(base, "http://y.example/").as_deref(), Some("http://y.example/"));
        assert_eq!(resolve("not a url", "/a"), None);
    }

    #[test]
    fn canonical_prefers_link_over_og_url() {
        let dom = Html::parse_document(
            r#"<head><link rel="canonical" href="/c"><meta property="og:url" content="https://o.example/"></head>"#,
        );
        let tags = MetaTags::read(&Elements::of(&dom));
        let url = canonical_url(&Elements::of(&dom), &tags, &LdFacts::default(), Some("https://p.example/x/y"));
        assert_eq!(url.as_deref(), Some("https://p.example/c"));
        assert_eq!(canonical_url(&Elements::of(&dom), &tags, &LdFacts::default(), None).as_deref(), Some("https://o.example/"));
    }

    #[test]
    fn language_codes() {
        assert_eq!(iso_639_1("en-GB").as_deref(), Some("en"));
        assert_eq!(iso_639_1("pt_BR").as_deref(), Some("pt"));
        assert_eq!(iso_639_1("deu"), None);
        let dom = Html::parse_document(r#"<html><head><meta property="og:locale" content="fr_FR"></head></html>"#);
        assert_eq!(language(&Elements::of(&dom), &MetaTags::read(&Elements::of(&dom)), &LdFacts::default()).as_deref(), Some("fr"));
    }
}
