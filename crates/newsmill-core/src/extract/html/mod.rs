//! The DOM extractor: HTML page to [`Document`]. (Placeholder until the scoring extractor
//! lands: keeps the text of `<p>` elements.)

pub mod metadata;

use scraper::{Html, Selector};

use crate::extract::ExtractConfig;
use crate::model::{BlockKind, Document};

pub fn extract_html(html: &str, url: Option<&str>, _config: &ExtractConfig) -> Document {
    let dom = Html::parse_document(html);
    let mut doc = Document { url: url.map(str::to_string), ..Document::default() };
    apply_metadata(&mut doc, metadata::extract_metadata(&dom, url));
    if doc.title.is_none()
        && let Ok(sel) = Selector::parse("title")
    {
        doc.title =
            dom.select(&sel).next().map(|t| crate::extract::title::clean_title(&t.text().collect::<String>(), None));
    }
    if let Ok(sel) = Selector::parse("p") {
        for p in dom.select(&sel) {
            doc.push_block(
                &crate::extract::title::collapse_whitespace(&p.text().collect::<String>()),
                BlockKind::Paragraph,
            );
        }
    }
    doc
}

/// Copies what the page says about itself into the document.
fn apply_metadata(doc: &mut Document, meta: metadata::Metadata) {
    doc.title = meta.title;
    doc.description = meta.description;
    doc.published = meta.published;
    doc.modified = meta.modified;
    doc.authors = meta.authors;
    doc.site = meta.site;
    if meta.url.is_some() {
        doc.url = meta.url;
    }
    doc.language = meta.language;
}
