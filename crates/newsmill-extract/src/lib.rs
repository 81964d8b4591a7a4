//! # newsmill-extract
//!
//! Extraction: from a [`RawDoc`] to a [`Document`], the story without the page around it.
//!
//! 1. Decode the bytes ([`decode`]); binary input is an error.
//! 2. Decide HTML or flattened text by content.
//! 3. Run the DOM extractor (`html`) or the line extractor (`text`).
//! 4. Fill what both share: source, URL, language (declared, else detected).
//!
//! A page with no article is not an error: its document has empty text and a
//! [`NoArticle`] reason.
//!
//! ```
//! use newsmill_extract::{extract, ExtractConfig, RawDoc};
//!
//! let html = b"<html><head><title>Rain at last | Daily Bugle</title></head><body>
//!   <nav><a href='/'>Home</a> <a href='/news'>News</a></nav>
//!   <article><h1>Rain at last</h1>
//!   <p>After three dry months the first rain of the season fell over the valley on Monday,
//!   and farmers who had waited since spring said the harvest could still be saved.</p>
//!   <p>The weather service expects more showers through the end of the week, it said.</p>
//!   </article></body></html>";
//! let raw = RawDoc::from_bytes("page.html", html.to_vec());
//! let doc = extract(&raw, &ExtractConfig::default()).unwrap();
//! assert_eq!(doc.title.as_deref(), Some("Rain at last"));
//! assert!(doc.text.starts_with("After three dry months"));
//! assert!(!doc.text.contains("Home"));
//! ```

#![warn(missing_docs)]

newsmill_model::internal_mods!(dates, html, language, sniff, stopwords, text, title);
mod decode;
mod error;
mod invisible;
mod mojibake;
mod preparse;

pub(crate) use newsmill_model as model;

pub use decode::{Decoded, decode};
pub use error::{Error, ErrorKind};
pub use model::{
    Block, BlockKind, ContentKind, DateSource, Document, Image, NoArticle, RawDoc, Removal, RemovalReason, TableCell,
};
use sniff::sniff;

/// Settings for extraction. The defaults are what `newsmill extract` uses.
#[derive(Debug, Clone, Default)]
pub struct ExtractConfig {
    /// Record each removed block and why in [`Document::removed`] (`--explain`).
    pub explain: bool,
    /// Treat every input as this kind instead of sniffing it.
    pub force_kind: Option<ContentKind>,
    /// Keep the readers' comments of an HTML page in [`Document::comments`] (`--comments`);
    /// they never go into the body.
    pub comments: bool,
}

/// Whether the models extraction reads load in this build: the line classifier of the text
/// extractor (which otherwise falls back to keeping long lines) and the DOM extractor's block
/// weights (which otherwise fall back to the hand-set ones), with the reason if not.
pub fn check_models() -> Result<(), &'static str> {
    text::model::LineModel::load_embedded().map(|_| ())?;
    html::BlockWeights::check_shipped()
}

/// Decodes and pre-parses an HTML input as [`extract`] does, then parses and walks it once,
/// so its body text can be taken under many block weights.
#[cfg(feature = "internals")]
pub fn prepare_html(raw: &RawDoc) -> Result<html::Prepared, Error> {
    let decoded = decode(&raw.bytes, raw.charset_hint.as_deref()).map_err(|k| Error::new(&raw.source, k))?;
    let clean = newsmill_model::text::strip_controls(&decoded.text);
    let clean = invisible::strip_invisible(&clean, true);
    let page = preparse::preparse(&clean, preparse::MAX_DEPTH);
    Ok(html::Prepared::new(&page, raw.url.as_deref()))
}

/// Extracts the story from one input.
pub fn extract(raw: &RawDoc, config: &ExtractConfig) -> Result<Document, Error> {
    if raw.bytes.is_empty() {
        return Err(Error::new(&raw.source, ErrorKind::Empty));
    }
    let decoded = decode(&raw.bytes, raw.charset_hint.as_deref()).map_err(|k| Error::new(&raw.source, k))?;
    // Terminal escape sequences and other controls are never part of a story.
    let clean = newsmill_model::text::strip_controls(&decoded.text);
    let kind = config.force_kind.or(raw.kind_hint).unwrap_or_else(|| sniff(&clean));
    // Soft hyphens and zero-width spaces split words only for programs, never for readers.
    let clean = invisible::strip_invisible(&clean, kind == ContentKind::Html);
    let mut doc = match kind {
        ContentKind::Html => {
            let page = preparse::preparse(&clean, preparse::MAX_DEPTH);
            html::extract_html(&page, raw.url.as_deref(), config)
        }
        ContentKind::Text => text::extract_text(&clean, config),
    };
    doc.source = raw.source.clone();
    if doc.url.is_none() {
        doc.url = raw.url.clone();
    }
    if decoded.guessed {
        doc.warnings.push(format!("no charset declared; decoded as {} (detected)", decoded.encoding.name()));
    }
    if decoded.had_errors {
        doc.warnings.push(format!("some bytes were not valid {} and were replaced", decoded.encoding.name()));
    }
    if decoded.repaired {
        doc.warnings.push("the text was UTF-8 read as Windows-1252 and saved again (mojibake); repaired".to_owned());
    }
    if doc.language.is_none() {
        doc.language = language::detect(&doc.text);
    }
    if doc.text.is_empty() && doc.no_article.is_none() {
        doc.no_article = Some(NoArticle::NoText);
    }
    Ok(doc)
}
