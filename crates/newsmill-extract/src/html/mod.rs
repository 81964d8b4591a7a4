//! The DOM extractor: HTML page to [`Document`].
//!
//! 1. `walk` cuts the page into text segments at block boundaries, with each element's
//!    boilerplate `hints` (nav, footer, sidebar, comments, consent, share, ads, captions…).
//! 2. `select` scores every element by the prose and chrome inside it (`score`) and picks
//!    the one holding the story.
//! 3. `assemble` keeps that element's paragraphs, headings, list items and quotes, without
//!    the headline, repeats or link lists, recording each removal and why; `images` keeps
//!    the pictures in it.

mod assemble;
mod hints;
mod images;
pub mod metadata;
mod phrases;
mod score;
mod select;
#[cfg(test)]
mod tests;
mod walk;

use scraper::{Html, Selector};

use crate::ExtractConfig;
use crate::model::Document;
use crate::title::{clean_title, collapse_whitespace};

pub fn extract_html(html: &str, url: Option<&str>, config: &ExtractConfig) -> Document {
    let dom = Html::parse_document(html);
    let mut doc = Document { url: url.map(str::to_string), ..Document::default() };
    apply_metadata(&mut doc, metadata::extract_metadata(&dom, url));
    if doc.title.is_none() {
        doc.title = fallback_title(&dom, doc.site.as_deref());
    }
    let headlines = headlines(&dom);
    let base = doc.url.clone().or_else(|| url.map(str::to_string));
    let story = |dom: &Html, doc: Document| with_story(dom, doc, &headlines, config, base.as_deref());
    // Pages that render their content with scripts (Discourse forums, some shops) often serve
    // it to script-less readers inside `<noscript>`: when the page itself gives no text, that
    // markup is the second candidate, extracted with the page's metadata.
    let first = story(&dom, doc.clone());
    if !first.text.is_empty() {
        return first;
    }
    let Some(markup) = noscript_markup(&dom) else { return first };
    let markup = crate::preparse::preparse(&markup, crate::preparse::MAX_DEPTH);
    Some(story(&Html::parse_document(&markup), doc)).filter(|d| !d.text.is_empty()).unwrap_or(first)
}

/// `doc` (the page's metadata) with the story of `dom`: its body blocks and images.
fn with_story(
    dom: &Html,
    mut doc: Document,
    headlines: &[String],
    config: &ExtractConfig,
    base: Option<&str>,
) -> Document {
    let page = walk::walk(dom);
    let selection = select::select(&page);
    assemble::assemble(&mut doc, &page, &selection, headlines, config);
    doc.images = images::story_images(dom, &page, &selection, base);
    doc
}

/// The markup inside the page's `<noscript>` elements (kept as raw text by a parser with
/// scripting on); None when there is too little to hold a story.
fn noscript_markup(dom: &Html) -> Option<String> {
    /// Less than this is a tracking pixel or a "please enable JavaScript" line.
    const MIN_BYTES: usize = 1_000;
    let sel = Selector::parse("noscript").ok()?;
    let markup: String = dom.select(&sel).flat_map(|n| n.text()).collect();
    (markup.len() >= MIN_BYTES).then_some(markup)
}

/// The first `<h1>` when the `<title>` contains it (the headline without the site name, for
/// sure), else the `<title>` without the site name, else the `<h1>`.
fn fallback_title(dom: &Html, site: Option<&str>) -> Option<String> {
    let first_text = |css: &str| {
        let sel = Selector::parse(css).ok()?;
        dom.select(&sel).map(|e| collapse_whitespace(&e.text().collect::<String>())).find(|t| !t.is_empty())
    };
    let title = first_text("title");
    let h1 = first_text("h1");
    if let (Some(t), Some(h)) = (&title, &h1)
        && t.to_lowercase().contains(&h.to_lowercase())
    {
        return h1;
    }
    title.map(|t| clean_title(&t, site)).filter(|t| !t.is_empty()).or(h1)
}

/// What the page calls its headline besides the title: `<title>` and `og:title`, to know
/// the headline when it repeats in the body.
fn headlines(dom: &Html) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(sel) = Selector::parse("title") {
        out.extend(dom.select(&sel).next().map(|e| collapse_whitespace(&e.text().collect::<String>())));
    }
    if let Ok(sel) = Selector::parse(r#"meta[property="og:title"], meta[name="twitter:title"]"#) {
        out.extend(dom.select(&sel).filter_map(|e| e.value().attr("content")).map(collapse_whitespace));
    }
    out
}

/// Copies what the page says about itself into the document.
fn apply_metadata(doc: &mut Document, meta: metadata::Metadata) {
    doc.title = meta.title;
    doc.description = meta.description;
    doc.published = meta.published;
    doc.date_source = meta.date_source;
    doc.modified = meta.modified;
    doc.authors = meta.authors;
    doc.site = meta.site;
    if meta.url.is_some() {
        doc.url = meta.url;
    }
    doc.language = meta.language;
}
