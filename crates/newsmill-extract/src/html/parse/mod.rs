//! The page parser: our own HTML tokenizer feeding html5ever's tree builder.
//!
//! html5ever's tokenizer reads a character at a time through a queue of buffers and was
//! most of the extraction's time (issue 19's profile: tokenizer 45% of all, tree builder 10%).
//! This one holds the whole page in memory and scans runs of text, names and attribute values
//! with `memchr`, handing html5ever's tree builder the very tokens html5ever's tokenizer would,
//! so the tree — and the extracted text — are the same (checked against html5ever's own parse
//! on every page of the evaluation sets and on generated markup, see the tests).

mod char_ref;
mod declarations;
mod tokenizer;
#[cfg(test)]
mod tests;

use html5ever::interface::TreeSink;
use html5ever::tendril::StrTendril;
use html5ever::tree_builder::{TreeBuilder, TreeBuilderOpts};
use scraper::{Html, HtmlTreeSink};

/// Most tree nodes reserved before parsing (pages up to about 2 MB of markup); larger trees
/// grow as they need.
const MAX_RESERVED_NODES: usize = 1 << 15;

/// Parses a whole page as `scraper::Html::parse_document` does, faster.
pub(crate) fn parse_document(html: &str) -> Html {
    // Tendrils address their bytes with 32-bit offsets.
    if u32::try_from(html.len()).is_err() {
        return Html::parse_document(html);
    }
    let mut document = Html::new_document();
    // The node list sized for the page up front (about a node per 64 bytes of markup on news
    // pages) instead of grown by doubling, each growth copying every node so far; capped, so
    // that a huge page of little markup does not reserve memory it never uses.
    document.tree = ego_tree::Tree::with_capacity(scraper::Node::Document, (html.len() / 64).min(MAX_RESERVED_NODES));
    let builder = TreeBuilder::new(HtmlTreeSink::new(document), TreeBuilderOpts::default());
    let input = normalize_newlines(html);
    tokenizer::Tokenizer::new(&builder, StrTendril::from_slice(&input)).run();
    builder.sink.finish()
}

/// The input stream's preprocessing: CR LF and lone CR become LF; a leading byte-order mark
/// goes. One pass from CR to CR (pages written with CR LF have one on every line).
fn normalize_newlines(html: &str) -> std::borrow::Cow<'_, str> {
    let html = html.strip_prefix('\u{feff}').unwrap_or(html);
    let bytes = html.as_bytes();
    if memchr::memchr(b'\r', bytes).is_none() {
        return html.into();
    }
    let mut out = String::with_capacity(html.len());
    let mut start = 0;
    for cr in memchr::memchr_iter(b'\r', bytes) {
        out.push_str(&html[start..cr]);
        out.push('\n');
        start = if bytes.get(cr + 1) == Some(&b'\n') { cr + 2 } else { cr + 1 };
    }
    out.push_str(&html[start..]);
    out.into()
}
