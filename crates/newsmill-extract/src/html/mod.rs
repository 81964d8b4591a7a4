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
pub(crate) mod elements;
mod hints;
mod images;
pub(crate) mod parse;
pub mod metadata;
mod phrases;
mod score;
mod select;
#[cfg(test)]
mod tests;
mod walk;
mod weights;

use scraper::{Html, Selector};

pub use weights::BlockWeights;

use crate::ExtractConfig;
use crate::model::Document;
use crate::title::{clean_title, collapse_whitespace};
use elements::Tag;

pub fn extract_html(html: &str, url: Option<&str>, config: &ExtractConfig) -> Document {
    extract_html_with(html, url, config, BlockWeights::shipped())
}

/// [`extract_html`] under the given block weights.
fn extract_html_with(html: &str, url: Option<&str>, config: &ExtractConfig, weights: &BlockWeights) -> Document {
    let dom = parse::parse_document(html);
    let parsed = metadata::Page::new(&dom);
    let doc = page_metadata(&parsed, url);
    let headlines = headlines(&parsed.els);
    let base = doc.url.clone().or_else(|| url.map(str::to_string));
    let story = |dom: &Html, doc: Document| {
        let page = walk::walk(dom);
        let (mut doc, selection) = story_text(doc, &page, &headlines, config, weights);
        doc.images = images::story_images(dom, &page, &selection, base.as_deref());
        doc
    };
    // Pages that render their content with scripts (Discourse forums, some shops) often serve
    // it to script-less readers inside `<noscript>`: when the page itself gives no text, that
    // markup is the second candidate, extracted with the page's metadata.
    let first = story(&dom, doc.clone());
    if !first.text.is_empty() {
        return first;
    }
    let Some(dom) = noscript_dom(&parsed.els) else { return first };
    Some(story(&dom, doc)).filter(|d| !d.text.is_empty()).unwrap_or(first)
}

/// The page's metadata, with a title from its markup when the metadata names none.
fn page_metadata(parsed: &metadata::Page, url: Option<&str>) -> Document {
    let mut doc = Document { url: url.map(str::to_string), ..Document::default() };
    apply_metadata(&mut doc, metadata::extract_metadata(parsed, url));
    if doc.title.is_none() {
        doc.title = fallback_title(&parsed.els, doc.site.as_deref());
    }
    doc
}

/// `doc` (the page's metadata) with the story's body blocks chosen from `page`, and the
/// selection its pictures are looked for in.
fn story_text(
    mut doc: Document,
    page: &walk::Page,
    headlines: &[String],
    config: &ExtractConfig,
    weights: &BlockWeights,
) -> (Document, select::Selection) {
    let selection = select::select(page, weights);
    let blank = doc.clone();
    assemble::assemble(&mut doc, page, &selection, headlines, config, weights);
    let words = score::word_count(&doc.text) as f64;
    if words >= weights.fallback_max_words {
        return (doc, selection);
    }
    // A story that reads as next to nothing is often a page of short linked items (a listing,
    // a product grid, a chart) whose items are the content: the second candidate is the whole
    // page outside the hinted chrome, link lines kept, as trafilatura's baseline does. It wins
    // when it holds clearly more. The story's pictures are still looked for where the prose is:
    // over the whole page they would be logos and badges.
    let whole = selection.whole_page(page);
    let lenient = BlockWeights { story_max_link_density: 1.0, ..*weights };
    let mut second = blank;
    assemble::assemble(&mut second, page, &whole, headlines, config, &lenient);
    let second_words = score::word_count(&second.text) as f64;
    let body = if second_words >= weights.fallback_min_gain * words.max(1.0) { second } else { doc };
    (body, selection)
}

/// The page inside the `<noscript>` elements, parsed, when there is enough of it.
fn noscript_dom(els: &elements::Elements) -> Option<Html> {
    let markup = noscript_markup(els)?;
    let markup = crate::preparse::preparse(&markup, crate::preparse::MAX_DEPTH);
    Some(parse::parse_document(&markup))
}

/// A page parsed and walked once, whose body text can then be extracted under many weights
/// (the lab's search for them); the text is what [`extract_html`] gives with those weights.
#[cfg(feature = "internals")]
pub struct Prepared {
    doc: Document,
    headlines: Vec<String>,
    page: walk::Page,
    noscript: Option<walk::Page>,
}

#[cfg(feature = "internals")]
impl Prepared {
    /// Parses `html` (already decoded and pre-parsed) and walks it.
    pub fn new(html: &str, url: Option<&str>) -> Self {
        let dom = parse::parse_document(html);
        let parsed = metadata::Page::new(&dom);
        let doc = page_metadata(&parsed, url);
        let noscript = noscript_dom(&parsed.els).map(|d| walk::walk(&d));
        Prepared { headlines: headlines(&parsed.els), page: walk::walk(&dom), noscript, doc }
    }

    /// The page's URL as its metadata gives it (canonical link), else the one passed in.
    pub fn url(&self) -> Option<&str> {
        self.doc.url.as_deref()
    }

    /// The body text under `weights`.
    pub fn text(&self, weights: &BlockWeights) -> String {
        let config = ExtractConfig::default();
        let body = |page: &walk::Page| story_text(self.doc.clone(), page, &self.headlines, &config, weights).0.text;
        let first = body(&self.page);
        match &self.noscript {
            Some(page) if first.is_empty() => body(page),
            _ => first,
        }
    }
}

/// The markup inside the page's `<noscript>` elements (kept as raw text by a parser with
/// scripting on); None when there is too little to hold a story.
fn noscript_markup(els: &elements::Elements) -> Option<String> {
    /// Less than this is a tracking pixel or a "please enable JavaScript" line.
    const MIN_BYTES: usize = 1_000;
    let sel = Selector::parse("noscript").ok()?;
    let markup: String = els.select(Tag::Noscript, &sel).flat_map(|n| n.text()).collect();
    (markup.len() >= MIN_BYTES).then_some(markup)
}

/// The first `<h1>` when the `<title>` contains it (the headline without the site name, for
/// sure), else the `<title>` without the site name, else the `<h1>`.
fn fallback_title(els: &elements::Elements, site: Option<&str>) -> Option<String> {
    let first_text = |tag: Tag, css: &str| {
        let sel = Selector::parse(css).ok()?;
        els.select(tag, &sel).map(|e| collapse_whitespace(&e.text().collect::<String>())).find(|t| !t.is_empty())
    };
    let title = first_text(Tag::Title, "title");
    let h1 = first_text(Tag::H1, "h1");
    if let (Some(t), Some(h)) = (&title, &h1)
        && t.to_lowercase().contains(&h.to_lowercase())
    {
        return h1;
    }
    title.map(|t| clean_title(&t, site)).filter(|t| !t.is_empty()).or(h1)
}

/// What the page calls its headline besides the title: `<title>` and `og:title`, to know
/// the headline when it repeats in the body.
fn headlines(els: &elements::Elements) -> Vec<String> {
    let mut out = Vec::new();
    if let Ok(sel) = Selector::parse("title") {
        out.extend(els.select(Tag::Title, &sel).next().map(|e| collapse_whitespace(&e.text().collect::<String>())));
    }
    if let Ok(sel) = Selector::parse(r#"meta[property="og:title"], meta[name="twitter:title"]"#) {
        out.extend(els.select(Tag::Meta, &sel).filter_map(|e| e.value().attr("content")).map(collapse_whitespace));
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
