//! JSON-LD (`<script type="application/ld+json">`): the schema.org description most news
//! sites publish for search engines, and the most reliable source of dates and authors.

use std::collections::HashMap;

use scraper::Selector;
use serde_json::{Map, Value};

use super::clean_text;
use crate::html::elements::{Elements, Tag};

/// Scripts longer than this are not metadata.
const MAX_SCRIPT_BYTES: usize = 2_000_000;
/// Nesting followed when looking for typed nodes.
const MAX_DEPTH: usize = 12;

/// What the page's JSON-LD says about its main item. Dates are the raw strings.
#[derive(Debug, Default, Clone, PartialEq)]
pub struct LdFacts {
    pub headline: Option<String>,
    pub description: Option<String>,
    pub published: Option<String>,
    pub modified: Option<String>,
    pub authors: Vec<String>,
    /// Every author is typed `Organization` (a corporate byline, often the publisher).
    pub authors_are_organizations: bool,
    pub publisher: Option<String>,
    /// The `WebSite` node's name.
    pub website: Option<String>,
    pub language: Option<String>,
    pub url: Option<String>,
}

pub fn read(els: &Elements) -> LdFacts {
    let Ok(sel) = Selector::parse("script") else { return LdFacts::default() };
    let docs: Vec<Value> = els
        .select(Tag::Script, &sel)
        .filter(|s| s.value().attr("type").is_some_and(|t| t.to_ascii_lowercase().contains("ld+json")))
        .flat_map(|s| parse_lenient(&s.text().collect::<String>()))
        .collect();
    facts(&docs)
}

/// Parses a script body, tolerating what real pages put there: HTML comment and CDATA
/// wrappers, raw newlines inside strings, trailing semicolons, several values in a row.
fn parse_lenient(text: &str) -> Vec<Value> {
    if text.len() > MAX_SCRIPT_BYTES {
        return Vec::new();
    }
    let mut body = text.trim();
    for wrapper in ["<!--", "//<![CDATA[", "<![CDATA["] {
        body = body.strip_prefix(wrapper).unwrap_or(body).trim();
    }
    for wrapper in ["-->", "//]]>", "]]>", ";"] {
        body = body.strip_suffix(wrapper).unwrap_or(body).trim();
    }
    // Control characters are invalid inside JSON strings and harmless as whitespace outside.
    let body: String = body.chars().map(|c| if c.is_control() { ' ' } else { c }).collect();
    serde_json::Deserializer::from_str(&body).into_iter::<Value>().map_while(Result::ok).collect()
}

/// How much a node's type says it is the page's main item: 0 for nodes that are never it
/// (people, comments, images), 1 for pages, 2 for other creative works, 3 for articles.
fn type_rank(node: &Map<String, Value>) -> u8 {
    let types: Vec<&str> = match node.get("@type") {
        Some(Value::String(s)) => vec![s.as_str()],
        Some(Value::Array(a)) => a.iter().filter_map(Value::as_str).collect(),
        _ => return 0,
    };
    let rank = |t: &str| {
        let t = t.rsplit(['/', ':']).next().unwrap_or(t);
        if t.ends_with("Article") || t.ends_with("Posting") || t == "Report" || t == "Blog" {
            3
        } else if t.ends_with("Page") {
            1
        } else if matches!(t, "Comment" | "Answer" | "Question" | "Person" | "Organization" | "ImageObject")
            || matches!(t, "BreadcrumbList" | "ListItem" | "WebSite" | "SearchAction" | "SiteNavigationElement")
        {
            0
        } else {
            2
        }
    };
    types.into_iter().map(rank).max().unwrap_or(0)
}

/// Every object with a `@type` or `@id`, depth first in document order.
fn collect<'a>(value: &'a Value, depth: usize, out: &mut Vec<&'a Map<String, Value>>) {
    if depth > MAX_DEPTH {
        return;
    }
    match value {
        Value::Array(items) => items.iter().for_each(|v| collect(v, depth + 1, out)),
        Value::Object(map) => {
            if map.contains_key("@type") || map.contains_key("@id") {
                out.push(map);
            }
            map.values().for_each(|v| collect(v, depth + 1, out));
        }
        _ => {}
    }
}

fn facts(docs: &[Value]) -> LdFacts {
    let mut nodes = Vec::new();
    docs.iter().for_each(|d| collect(d, 0, &mut nodes));
    let ids: HashMap<&str, &Map<String, Value>> =
        nodes.iter().filter(|n| n.len() > 1).filter_map(|n| Some((n.get("@id")?.as_str()?, *n))).collect();
    let mut main: Vec<(u8, &Map<String, Value>)> =
        nodes.iter().map(|n| (type_rank(n), *n)).filter(|(r, _)| *r > 0).collect();
    // Stable: the first article wins over later ones.
    main.sort_by_key(|m| std::cmp::Reverse(m.0));
    let first_str = |keys: &[&str]| {
        main.iter().find_map(|(_, n)| keys.iter().find_map(|k| n.get(*k).and_then(|v| string_of(v, &ids))))
    };
    let best_rank = main.first().map_or(0, |m| m.0);
    let mut out = LdFacts {
        headline: first_str(&["headline", "name"]).map(|s| clean_text(&s)),
        description: first_str(&["description"]).map(|s| clean_text(&s)),
        published: first_str(&["datePublished", "dateCreated", "uploadDate"]),
        modified: first_str(&["dateModified"]),
        language: first_str(&["inLanguage"]),
        url: first_str(&["url", "mainEntityOfPage"]).filter(|u| u.starts_with("http")),
        ..LdFacts::default()
    };
    // Authors and publisher come from the best-ranked nodes only: a comment's author is not the story's.
    for (_, node) in main.iter().filter(|(r, _)| *r == best_rank) {
        if out.authors.is_empty() {
            let authors = node.get("author").or_else(|| node.get("creator"));
            out.authors = names(authors, &ids);
            out.authors_are_organizations = !out.authors.is_empty() && only_organizations(authors, &ids);
        }
        if out.publisher.is_none() {
            out.publisher = names(node.get("publisher").or_else(|| node.get("sourceOrganization")), &ids).pop();
        }
    }
    out.website = nodes.iter().find(|n| is_type(n, "WebSite")).and_then(|n| n.get("name")?.as_str().map(clean_text));
    out
}

fn is_type(node: &Map<String, Value>, ty: &str) -> bool {
    match node.get("@type") {
        Some(Value::String(s)) => s == ty,
        Some(Value::Array(a)) => a.iter().any(|t| t.as_str() == Some(ty)),
        _ => false,
    }
}

/// A string field: a string, the first string of an array, an object's `@value`/`@id`/`url`
/// (for `mainEntityOfPage`), or a reference resolved through `@id`.
fn string_of(value: &Value, ids: &HashMap<&str, &Map<String, Value>>) -> Option<String> {
    match value {
        Value::String(s) => Some(s.trim().to_string()).filter(|s| !s.is_empty()),
        Value::Array(items) => items.iter().find_map(|v| string_of(v, ids)),
        Value::Object(map) => ["@value", "name", "url", "@id"]
            .iter()
            .find_map(|k| map.get(*k)?.as_str())
            .map(|s| s.trim().to_string())
            .filter(|s| !s.is_empty())
            .or_else(|| string_of(ids.get(map.get("@id")?.as_str()?)?.get("url")?, ids)),
        _ => None,
    }
}

/// Names of people or organisations: strings, `{name}` objects, `@id` references, arrays.
fn names(value: Option<&Value>, ids: &HashMap<&str, &Map<String, Value>>) -> Vec<String> {
    let mut out = Vec::new();
    let mut push = |v: &Value| {
        let name = match v {
            Value::String(s) => Some(s.as_str()),
            Value::Object(map) => map
                .get("name")
                .and_then(name_str)
                .or_else(|| ids.get(map.get("@id")?.as_str()?)?.get("name").and_then(name_str)),
            _ => None,
        };
        if let Some(name) = name.map(clean_text).filter(|n| !n.is_empty()) {
            out.push(name);
        }
    };
    match value {
        Some(Value::Array(items)) => items.iter().for_each(&mut push),
        Some(v) => push(v),
        None => {}
    }
    out
}

fn only_organizations(value: Option<&Value>, ids: &HashMap<&str, &Map<String, Value>>) -> bool {
    let is_org = |v: &Value| {
        let Value::Object(map) = v else { return false };
        let node = map.get("@id").and_then(Value::as_str).and_then(|id| ids.get(id)).copied().unwrap_or(map);
        ["Organization", "NewsMediaOrganization", "Corporation"].iter().any(|t| is_type(node, t))
    };
    match value {
        Some(Value::Array(items)) => items.iter().all(is_org),
        Some(v) => is_org(v),
        None => false,
    }
}

fn name_str(v: &Value) -> Option<&str> {
    match v {
        Value::String(s) => Some(s),
        Value::Array(a) => a.first()?.as_str(),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn ld(json: &str) -> LdFacts {
        read(&Elements::of(&scraper::Html::parse_document(&format!(r#"<script type="application/ld+json">{json}</script>"#))))
    }

    #[test]
    fn graph_with_references() {
        let f = ld(r##"{"@context":"https://schema.org","@graph":[
            {"@type":"WebSite","@id":"#site","name":"The Daily"},
            {"@type":"Person","@id":"#p1","name":"Ann Lee"},
            {"@type":"WebPage","datePublished":"2019-01-01"},
            {"@type":["NewsArticle"],"headline":"Big &amp; bold","datePublished":"2020-05-06T07:08:09+02:00",
             "dateModified":"2020-05-07","author":{"@id":"#p1"},"publisher":{"@id":"#site"}}]}"##);
        assert_eq!(f.headline.as_deref(), Some("Big & bold"));
        assert_eq!(f.published.as_deref(), Some("2020-05-06T07:08:09+02:00"));
        assert_eq!(f.modified.as_deref(), Some("2020-05-07"));
        assert_eq!(f.authors, ["Ann Lee"]);
        assert_eq!(f.publisher.as_deref(), Some("The Daily"));
        assert_eq!(f.website.as_deref(), Some("The Daily"));
    }

    #[test]
    fn arrays_and_broken_scripts() {
        let f = ld("[{\"@type\":\"BreadcrumbList\"},{\"@type\":\"Article\",\"headline\":\"A\nB\",\
            \"author\":[{\"@type\":\"Person\",\"name\":\"X Y\"},\"Z W\"],\"datePublished\":\"2021-02-03\"}];");
        assert_eq!(f.headline.as_deref(), Some("A B"));
        assert_eq!(f.authors, ["X Y", "Z W"]);
        assert_eq!(f.published.as_deref(), Some("2021-02-03"));
        assert_eq!(ld("{\"@type\":\"Article\",").published, None);
    }

    #[test]
    fn comments_do_not_lend_their_authors() {
        let f =
            ld(r#"{"@type":"BlogPosting","author":"Main Author","comment":[{"@type":"Comment","author":"Troll"}]}"#);
        assert_eq!(f.authors, ["Main Author"]);
    }
}
