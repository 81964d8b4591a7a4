//! One linear pass over an HTML page's tags before it is parsed. It does two things.
//!
//! - It caps the element nesting depth. html5ever follows the HTML standard, whose scope
//!   checks walk the stack of open elements: on a page nested 100,000 deep every new element
//!   walks the whole stack and parsing turns quadratic (13 s for such a page, where a normal
//!   page takes 2 ms). Browsers cap the depth instead (Blink builds no tree deeper than 512);
//!   so do we, dropping start tags below the cap and their matching end tags.
//! - It empties the bodies of `<style>` elements, of scripts that hold no data we read
//!   (JSON-LD, a keyed publication date), and of `<svg>` drawings. They are nearly half of a
//!   typical news page's bytes, which the parser would otherwise turn into nodes that
//!   extraction skips.
//!
//! A page with nothing to change is borrowed unchanged.

use rustc_hash::FxHashMap as HashMap;
use std::borrow::Cow;

use super::html::metadata::dates_in_page;

/// Deepest element nesting kept. Real pages stay under 100; Blink's parser caps at 512.
pub const MAX_DEPTH: usize = 512;

/// Elements that never have content or an end tag.
const VOID: &[&str] =
    &["area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr"];
/// Elements whose content is raw text: no tags inside them count.
const RAW_TEXT: &[&str] =
    &["script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "noscript", "plaintext"];
/// Text blocks kept beyond the cap (up to [`TEXT_BLOCK_MARGIN`] more levels), so the
/// innermost story keeps its paragraphs and headings when the wrappers around it are flattened.
const TEXT_BLOCKS: &[&str] = &["p", "h1", "h2", "h3", "h4", "h5", "h6", "li", "blockquote", "pre", "ul", "ol"];
const TEXT_BLOCK_MARGIN: usize = 32;
/// Elements a new one of the same name closes (`<p>a<p>b` are siblings, not nested).
const SELF_CLOSING_SIBLINGS: &[&str] = &["p", "li", "dt", "dd", "option", "tr", "td", "th"];

struct Open<'a> {
    name: &'a str,
    dropped: bool,
    /// Tables open around it: a row or cell closes a sibling only in its own table.
    tables: usize,
}

/// Row and cell tags, which close a sibling only inside the same table: a `<td>` in a table
/// nested in a cell opens a new cell there, as html5ever builds it.
const TABLE_SCOPED: &[&str] = &["tr", "td", "th"];

/// Returns `html` with nesting beyond `max_depth` flattened and unread script, style and
/// drawing bodies emptied, borrowing when nothing changes.
pub fn preparse(html: &str, max_depth: usize) -> Cow<'_, str> {
    let mut stack: Vec<Open> = Vec::new();
    // Elements on the stack that were kept: the depth html5ever will see.
    let mut kept = 0usize;
    let mut open_counts: HashMap<&str, usize> = HashMap::default();
    // The `tables` of the open elements of each table-scoped name, innermost last.
    let mut scoped: HashMap<&str, Vec<usize>> = HashMap::default();
    let mut tables = 0usize;
    // Byte ranges to remove (tags, raw-text bodies), in order.
    let mut cuts: Vec<(usize, usize)> = Vec::new();
    let bytes = html.as_bytes();
    let mut pos = 0;
    while let Some(offset) = memchr::memchr(b'<', &bytes[pos..]) {
        let start = pos + offset;
        let Some(tag) = scan_tag(html, start) else {
            pos = start + 1;
            continue;
        };
        pos = tag.end;
        match tag.kind {
            TagKind::Start { self_closing } => {
                let name = tag.name;
                if RAW_TEXT.contains(&name) {
                    let body_start = pos;
                    let (body_end, after) = skip_raw_text(html, pos, name);
                    let body = &html[body_start..body_end];
                    if !body.is_empty() && after > body_end && unread(name, &html[start..body_start], body) {
                        cuts.push((body_start, body_end));
                    }
                    pos = after;
                    continue;
                }
                if self_closing || VOID.contains(&name) {
                    continue;
                }
                let same_table =
                    !TABLE_SCOPED.contains(&name) || scoped.get(name).and_then(|v| v.last()) == Some(&tables);
                if SELF_CLOSING_SIBLINGS.contains(&name) && open_counts.get(name).is_some_and(|&n| n > 0) && same_table
                {
                    pop_through(&mut stack, &mut open_counts, &mut scoped, &mut tables, &mut kept, name);
                }
                let cap = if TEXT_BLOCKS.contains(&name) { max_depth + TEXT_BLOCK_MARGIN } else { max_depth };
                let dropped = kept >= cap;
                kept += usize::from(!dropped);
                if dropped {
                    cuts.push((start, tag.end));
                }
                // The drawing's shapes go; the element stays, as an empty box. (After the
                // tag's own cut: cuts are kept in order.)
                if name == "svg"
                    && let Some(body_end) = drawing_end(html, pos)
                {
                    cuts.push((pos, body_end));
                    pos = body_end;
                }
                *open_counts.entry(name).or_insert(0) += 1;
                if TABLE_SCOPED.contains(&name) {
                    scoped.entry(name).or_default().push(tables);
                }
                stack.push(Open { name, dropped, tables });
                tables += usize::from(name == "table");
            }
            TagKind::End => {
                if open_counts.get(tag.name).is_some_and(|&n| n > 0)
                    && pop_through(&mut stack, &mut open_counts, &mut scoped, &mut tables, &mut kept, tag.name)
                {
                    cuts.push((start, tag.end));
                }
            }
            TagKind::Other => {}
        }
    }
    if cuts.is_empty() {
        return Cow::Borrowed(html);
    }
    let mut out = String::with_capacity(html.len());
    let mut last = 0;
    for (from, to) in cuts {
        out.push_str(&html[last..from]);
        last = to;
    }
    out.push_str(&html[last..]);
    Cow::Owned(out)
}

/// Pops open elements down to and including the last one named `name`; returns whether that
/// one was dropped. Each element is popped once, so the scan stays linear.
fn pop_through<'a>(
    stack: &mut Vec<Open<'a>>,
    counts: &mut HashMap<&'a str, usize>,
    scoped: &mut HashMap<&'a str, Vec<usize>>,
    tables: &mut usize,
    kept: &mut usize,
    name: &str,
) -> bool {
    while let Some(open) = stack.pop() {
        *kept -= usize::from(!open.dropped);
        if let Some(n) = counts.get_mut(open.name) {
            *n = n.saturating_sub(1);
        }
        if let Some(v) = scoped.get_mut(open.name) {
            v.pop();
        }
        if open.name == "table" {
            *tables = open.tables;
        }
        if open.name == name {
            return open.dropped;
        }
    }
    false
}

enum TagKind {
    Start {
        self_closing: bool,
    },
    End,
    /// Comments, doctypes, processing instructions.
    Other,
}

struct Tag<'a> {
    name: &'a str,
    kind: TagKind,
    /// Byte offset just past the `>`.
    end: usize,
}

/// Reads the tag starting at `start` (a `<`), or `None` when the `<` is text.
fn scan_tag(html: &str, start: usize) -> Option<Tag<'_>> {
    let bytes = html.as_bytes();
    let after = bytes.get(start + 1)?;
    if *after == b'!' || *after == b'?' {
        let end = if html[start..].starts_with("<!--") {
            html[start + 4..].find("-->").map_or(html.len(), |e| start + 4 + e + 3)
        } else {
            memchr::memchr(b'>', &bytes[start..]).map_or(html.len(), |e| start + e + 1)
        };
        return Some(Tag { name: "", kind: TagKind::Other, end });
    }
    let (is_end, name_start) = if *after == b'/' { (true, start + 2) } else { (false, start + 1) };
    if !bytes.get(name_start)?.is_ascii_alphabetic() {
        return None;
    }
    let name_end = bytes[name_start..]
        .iter()
        .position(|b| b.is_ascii_whitespace() || *b == b'/' || *b == b'>')
        .map_or(bytes.len(), |e| name_start + e);
    let end = tag_end(bytes, name_end);
    let name = &html[name_start..name_end];
    // Tag names are ASCII case-insensitive; lowercase ones are the norm, so only allocate-free
    // comparisons are used: mixed-case names are matched by their lowercase form below.
    let name = canonical_name(name);
    let self_closing = end >= 2 && bytes[end - 2] == b'/';
    let kind = if is_end { TagKind::End } else { TagKind::Start { self_closing } };
    Some(Tag { name, kind, end })
}

/// The offset past the `>` closing a tag, skipping quoted attribute values.
fn tag_end(bytes: &[u8], from: usize) -> usize {
    let mut pos = from;
    while let Some(offset) = memchr::memchr3(b'>', b'"', b'\'', &bytes[pos..]) {
        let at = pos + offset;
        let quote = bytes[at];
        if quote == b'>' {
            return at + 1;
        }
        match memchr::memchr(quote, &bytes[at + 1..]) {
            Some(close) => pos = at + 1 + close + 1,
            None => return bytes.len(),
        }
    }
    bytes.len()
}

/// Maps a tag name to a lowercase name with the input's lifetime: known names to their
/// static form, others as they are (their case only matters for matching end tags).
fn canonical_name(name: &str) -> &str {
    if !name.bytes().any(|b| b.is_ascii_uppercase()) {
        return name;
    }
    for known in VOID.iter().chain(RAW_TEXT).chain(SELF_CLOSING_SIBLINGS) {
        if name.eq_ignore_ascii_case(known) {
            return known;
        }
    }
    name
}

/// Where the end tag of raw-text element `name` starts and the offset past it; the end of the
/// input for both when there is none.
fn skip_raw_text(html: &str, from: usize, name: &str) -> (usize, usize) {
    let bytes = html.as_bytes();
    let mut pos = from;
    while let Some(offset) = memchr::memmem::find(&bytes[pos..], b"</") {
        let start = pos + offset;
        if starts_with_ci(&bytes[start + 2..], name.as_bytes()) {
            return (start, tag_end(bytes, start + 2 + name.len()));
        }
        pos = start + 2;
    }
    (html.len(), html.len())
}

/// Whether the body of a raw-text element is read by no one: a style sheet, or a script that
/// is neither JSON-LD nor data holding a publication date. A body with `<!--` is kept, since
/// it can change where the parser ends a script.
fn unread(name: &str, start_tag: &str, body: &str) -> bool {
    let comment = || memchr::memmem::find(body.as_bytes(), b"<!--").is_some();
    match name {
        "style" => !comment(),
        "script" => !comment() && !has_ascii_ci(start_tag, "ld+json") && !dates_in_page::script_may_hold_date(body),
        _ => false,
    }
}

/// Where the body of an `<svg>` starting at `from` ends (at its end tag), when it holds no
/// other `<svg>` and no comment, whose ends the parser could read otherwise.
fn drawing_end(html: &str, from: usize) -> Option<usize> {
    let bytes = html.as_bytes();
    let mut pos = from;
    while let Some(offset) = memchr::memchr(b'<', &bytes[pos..]) {
        let at = pos + offset;
        let rest = &bytes[at + 1..];
        if starts_with_ci(rest, b"/svg") {
            return Some(at);
        }
        if starts_with_ci(rest, b"svg") || rest.starts_with(b"!--") {
            return None;
        }
        pos = at + 1;
    }
    None
}

/// Whether `bytes` starts with `prefix`, ignoring ASCII case.
fn starts_with_ci(bytes: &[u8], prefix: &[u8]) -> bool {
    bytes.get(..prefix.len()).is_some_and(|b| b.eq_ignore_ascii_case(prefix))
}

/// Whether `haystack` contains `needle`, ignoring ASCII case.
fn has_ascii_ci(haystack: &str, needle: &str) -> bool {
    haystack.as_bytes().windows(needle.len()).any(|w| w.eq_ignore_ascii_case(needle.as_bytes()))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shallow_pages_are_borrowed_unchanged() {
        let page = "<html><body><div><p>a<p>b</div><script src=x.js></script></body></html>";
        assert!(matches!(preparse(page, 4), Cow::Borrowed(_)));
    }

    #[test]
    fn tables_nested_in_cells_count_toward_the_depth_cap() {
        // A cell in a table inside a cell is a new cell, not the sibling of the outer one: a
        // page of 16 MB of such tables made a DOM of 1.1 GB before the cap saw them.
        let page = "<table><tr><td>".repeat(100);
        let capped = preparse(&page, 30);
        assert!(capped.matches("<table>").count() <= 12, "{capped}");
        let siblings = "<table><tr><td>a<td>b<tr><td>c</table>";
        assert!(matches!(preparse(siblings, 8), Cow::Borrowed(_)));
    }

    #[test]
    fn style_and_code_bodies_are_emptied() {
        let page = "<style>p { color: red }</style><p>a</p><SCRIPT type=module>if (a<b) {}</SCRIPT ><p>b</p>";
        assert_eq!(preparse(page, 8), "<style></style><p>a</p><SCRIPT type=module></SCRIPT ><p>b</p>");
    }

    #[test]
    fn drawings_are_emptied_unless_nested() {
        let page = r#"<p>a</p><svg viewBox="0 0 9 9"><path d="M0 0L9 9"/><text>LIMIT</text></SVG><p>b</p>"#;
        assert_eq!(preparse(page, 8), r#"<p>a</p><svg viewBox="0 0 9 9"></SVG><p>b</p>"#);
        // Only the innermost of nested drawings is emptied.
        assert_eq!(preparse("<svg><g/><svg><path/></svg></svg>", 8), "<svg><g/><svg></svg></svg>");
        // Beyond the depth cap both the tag and the drawing go.
        let deep = format!("{}<svg><path/></svg><p>x</p>{}", "<div>".repeat(20), "</div>".repeat(20));
        let capped = preparse(&deep, 10);
        assert!(capped.contains("<p>x</p>") && !capped.contains("path"), "{capped}");
        for page in ["<svg><!-- </svg> --></svg>", "<svg><path/>"] {
            assert!(matches!(preparse(page, 8), Cow::Borrowed(_)), "{page}");
        }
    }

    proptest::proptest! {
        /// Tag soup under a tiny depth cap, where every kind of cut meets the others.
        #[test]
        fn any_soup_is_cut_in_order(pieces in proptest::collection::vec(proptest::prop_oneof![
            proptest::strategy::Just("<div>"), proptest::strategy::Just("</div>"),
            proptest::strategy::Just("<p>"), proptest::strategy::Just("<svg><path/>"),
            proptest::strategy::Just("</svg>"), proptest::strategy::Just("<style>a{}</style>"),
            proptest::strategy::Just("<script>x()</script>"), proptest::strategy::Just("<!-- c -->"),
            proptest::strategy::Just("text"),
        ], 0..60)) {
            let page = pieces.concat();
            let out = preparse(&page, 3);
            proptest::prop_assert!(out.len() <= page.len());
            // Only drawings take text with them.
            if !page.contains("<svg") {
                proptest::prop_assert_eq!(out.matches("text").count(), page.matches("text").count());
            }
        }
    }

    #[test]
    fn scripts_holding_read_data_are_kept() {
        let pages = [
            r#"<script type="application/LD+JSON">{"@type":"NewsArticle"}</script>"#,
            r#"<script>window.__DATA__={publishedDate:"2019-08-16T00:00:00Z"}</script>"#,
            // A comment in a script can move the end of the script in the parser's eyes.
            "<script><!-- document.write('<script>x()</script>') --></script>",
            // No end tag: the parser reads the rest of the page as the script.
            "<p>a</p><script>var a = 1; <p>b</p>",
        ];
        for page in pages {
            assert!(matches!(preparse(page, 8), Cow::Borrowed(_)), "{page}");
        }
    }

    #[test]
    fn emptied_scripts_leave_the_text_and_its_dates() {
        let page = r#"<html><head><script>var x = "<div>";</script>
            <script type="application/ld+json">{"@type":"NewsArticle","datePublished":"2020-02-03"}</script>
            </head><body><p>Story text.</p><style>.a{}</style></body></html>"#;
        let doc = crate::html::extract_html(&preparse(page, 8), None, &Default::default());
        assert_eq!(doc.published.as_deref(), Some("2020-02-03"));
        assert!(doc.text.contains("Story text."));
    }

    #[test]
    fn deep_nesting_is_flattened_with_text_kept() {
        let page = format!("{}text{}", "<div>".repeat(100), "</div>".repeat(100));
        let capped = preparse(&page, 10);
        assert_eq!(capped.matches("<div>").count(), 10);
        assert_eq!(capped.matches("</div>").count(), 10);
        assert!(capped.contains("text"));
    }

    #[test]
    fn innermost_paragraphs_survive_the_cap() {
        let page = format!("{}<p>text</p>{}", "<div>".repeat(100), "</div>".repeat(100));
        let capped = preparse(&page, 10);
        assert!(capped.contains("<p>text</p>"));
    }

    #[test]
    fn sibling_paragraphs_do_not_count_as_nesting() {
        let page = format!("<div>{}</div>", "<p>x".repeat(1000));
        assert!(matches!(preparse(&page, 8), Cow::Borrowed(_)));
    }

    #[test]
    fn tags_inside_scripts_and_comments_are_ignored() {
        let page = format!(
            r#"<!-- {} --><script type="application/ld+json">{}</script><p>x</p>"#,
            "<div>".repeat(50),
            "<div>".repeat(50)
        );
        assert!(matches!(preparse(&page, 8), Cow::Borrowed(_)));
    }

    #[test]
    fn stray_end_tags_are_cheap_and_harmless() {
        let page = format!("{}<div>x</div>", "</span>".repeat(100_000));
        assert!(matches!(preparse(&page, 8), Cow::Borrowed(_)));
    }
}
