//! `<meta>` tags and microdata attributes, gathered once so each field can ask for its keys
//! in its own order of trust.

use scraper::Selector;

use crate::html::elements::{Elements, Tag};

/// A page's `<meta>` key/value pairs in document order. Keys are the `name`, `property`,
/// `itemprop` or `http-equiv` attribute, lowercased; values are trimmed and never empty.
#[derive(Debug, Default)]
pub struct MetaTags {
    pairs: Vec<(String, String)>,
}

/// Pages with more `<meta>` tags than this are hostile or broken; the first ones suffice.
const MAX_TAGS: usize = 2000;

impl MetaTags {
    pub fn read(els: &Elements) -> Self {
        let Ok(sel) = Selector::parse("meta[content]") else { return Self::default() };
        let mut pairs = Vec::new();
        for el in els.select(Tag::Meta, &sel).take(MAX_TAGS) {
            let v = el.value();
            let Some(content) = v.attr("content").map(str::trim).filter(|c| !c.is_empty()) else { continue };
            for attr in ["name", "property", "itemprop", "http-equiv"] {
                if let Some(key) = v.attr(attr) {
                    // `property="og:title article:title"` lists several keys.
                    for key in key.split_whitespace() {
                        pairs.push((key.to_ascii_lowercase(), content.to_string()));
                    }
                }
            }
        }
        MetaTags { pairs }
    }

    /// The value of the first key of `keys` (in that order of preference) the page has.
    pub fn first(&self, keys: &[&str]) -> Option<&str> {
        keys.iter().find_map(|key| self.get(key))
    }

    /// The first value of one key.
    pub fn get(&self, key: &str) -> Option<&str> {
        self.pairs.iter().find(|(k, _)| k == key).map(|(_, v)| v.as_str())
    }

    /// Every value of one key, in document order.
    pub fn all<'a>(&'a self, key: &'a str) -> impl Iterator<Item = &'a str> + 'a {
        self.pairs.iter().filter(move |(k, _)| k == key).map(|(_, v)| v.as_str())
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn reads_name_property_and_itemprop_keys() {
        let dom = scraper::Html::parse_document(
            r#"<head><meta property="og:title article:title" content=" A "><meta name="Author" content="B">
            <meta itemprop="datePublished" content="2020-01-02"><meta name="empty" content=" "></head>"#,
        );
        let tags = MetaTags::read(&Elements::of(&dom));
        assert_eq!(tags.get("article:title"), Some("A"));
        assert_eq!(tags.first(&["missing", "author"]), Some("B"));
        assert_eq!(tags.get("datepublished"), Some("2020-01-02"));
        assert_eq!(tags.get("empty"), None);
    }
}
