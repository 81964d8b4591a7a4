//! Page metadata from the DOM: title, description, dates, authors, site, canonical URL and
//! declared language. (Stub: being written.)

use scraper::Html;

/// What the page says about itself.
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Metadata {
    /// The headline, without the site name.
    pub title: Option<String>,
    pub description: Option<String>,
    /// ISO 8601 (see [`crate::extract::dates`]).
    pub published: Option<String>,
    pub modified: Option<String>,
    pub authors: Vec<String>,
    pub site: Option<String>,
    /// The canonical URL (`<link rel=canonical>`, `og:url`), absolute.
    pub url: Option<String>,
    /// Declared language, ISO 639-1.
    pub language: Option<String>,
}

/// Reads the metadata of a parsed page. `page_url` is where it was fetched from, if known.
pub fn extract_metadata(dom: &Html, page_url: Option<&str>) -> Metadata {
    let _ = (dom, page_url);
    Metadata::default()
}
