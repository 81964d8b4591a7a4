//! Telling HTML from plain text by content, never by file name.

use crate::model::ContentKind;

/// Bytes of the start of a document looked at when sniffing.
const SNIFF_WINDOW: usize = 16 * 1024;
/// Tags that only HTML has; a flattened text page may mention one, rarely several.
const HTML_MARKERS: &[&str] = &[
    "<!doctype html",
    "<html",
    "<head",
    "<body",
    "<meta ",
    "<title",
    "<div",
    "<p>",
    "<p ",
    "<br",
    "<script",
    "<a href",
    "<span",
    "<table",
    "<article",
    "<section",
    "<link ",
];
/// Distinct markers needed to call a document HTML when it does not start with a tag.
const MIN_MARKERS: usize = 3;

/// Decides whether `text` is an HTML page or flattened text.
pub fn sniff(text: &str) -> ContentKind {
    let mut end = text.len().min(SNIFF_WINDOW);
    while !text.is_char_boundary(end) {
        end -= 1;
    }
    let head = text[..end].to_ascii_lowercase();
    let trimmed = head.trim_start_matches(|c: char| c.is_whitespace() || c == '\u{feff}');
    if trimmed.starts_with("<!doctype html")
        || trimmed.starts_with("<html")
        || trimmed.starts_with("<?xml") && head.contains("<html")
    {
        return ContentKind::Html;
    }
    let found = HTML_MARKERS.iter().filter(|m| head.contains(*m)).count();
    let starts_with_tag =
        trimmed.starts_with('<') && trimmed[1..].starts_with(|c: char| c.is_ascii_alphabetic() || c == '!');
    if found >= MIN_MARKERS || (starts_with_tag && found >= 1) { ContentKind::Html } else { ContentKind::Text }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn html_without_doctype_is_html() {
        assert_eq!(sniff("\n  <div class=x><p>Hello</p></div>"), ContentKind::Html);
        assert_eq!(sniff("<!DOCTYPE html><p>x"), ContentKind::Html);
    }

    #[test]
    fn text_mentioning_a_tag_is_text() {
        assert_eq!(sniff("Use the <div> element for layout.\nSecond line."), ContentKind::Text);
        assert_eq!(sniff("9 Nov, 2018 22:21\n\nHeadline\n\nBody text."), ContentKind::Text);
    }
}
