//! One pass over the DOM: cuts the visible text into segments at block boundaries (a
//! paragraph, a heading, a list item, a table cell…), and records for every element its place
//! in the tree and its boilerplate hint. Iterative, so no nesting depth can overflow the stack.

use std::borrow::Cow;

use ego_tree::iter::Edge;
use scraper::{Html, Node};

use super::hints::{self, Hint};
use crate::model::{BlockKind, TableCell};
use crate::title::collapse_whitespace;

/// An element of the page, in document (pre-)order.
#[derive(Debug, Clone)]
pub(super) struct Elem {
    pub parent: Option<usize>,
    /// One past the last element inside it: its subtree is `index..end`.
    pub end: usize,
    pub hint: Option<Hint>,
    /// The nearest hinted element above it.
    pub hinted_ancestor: Option<usize>,
    /// `<article>`, `<main>` or `itemprop=articleBody`: the page says the story is here.
    pub semantic: bool,
    /// A block element a story could be contained in.
    pub block: bool,
}

/// A run of text between two block boundaries.
#[derive(Debug, Clone)]
pub(super) struct Segment {
    pub text: String,
    pub kind: BlockKind,
    /// Characters of the text inside links.
    pub link_chars: usize,
    /// The innermost element holding the text.
    pub owner: usize,
    /// The innermost hinted element holding it (possibly `owner`).
    pub hinted: Option<usize>,
    /// Inside an `<h1>`.
    pub h1: bool,
    /// Its table cell, when it is one.
    pub cell: Option<TableCell>,
}

/// The page cut into elements and text segments.
#[derive(Debug, Default)]
pub(super) struct Page {
    pub elems: Vec<Elem>,
    pub segments: Vec<Segment>,
}

struct Frame<'d> {
    elem: usize,
    /// Borrowed from the DOM: a deep tree holds one frame per level.
    tag: Cow<'d, str>,
    block: bool,
    hinted: Option<usize>,
}

#[derive(Default)]
struct State<'d> {
    page: Page,
    stack: Vec<Frame<'d>>,
    buf: String,
    link_chars: usize,
    skip: usize,
    links: usize,
    headings: usize,
    h1s: usize,
    quotes: usize,
    /// Open `<article>` and `<main>` elements.
    stories: usize,
    last_br: bool,
    /// Open tables, innermost last.
    tables: Vec<OpenTable>,
    tables_seen: u32,
    /// The page's class attributes already read for hints.
    classes: hints::ClassWords<'d>,
}

/// A table being walked: its number on the page, and the rows and the cells of the current
/// row opened so far.
struct OpenTable {
    number: u32,
    rows: u32,
    cells: u32,
}

/// Walks the document and returns its elements and segments.
pub(super) fn walk(dom: &Html) -> Page {
    let mut st = State::default();
    for edge in dom.tree.root().traverse() {
        match edge {
            Edge::Open(node) => match node.value() {
                Node::Element(el) => st.open(el),
                Node::Text(text) if st.skip == 0 => st.text(text),
                _ => {}
            },
            Edge::Close(node) => {
                if let Node::Element(_) = node.value() {
                    st.close();
                }
            }
        }
    }
    st.flush();
    st.page
}

impl<'d> State<'d> {
    fn open(&mut self, el: &'d scraper::node::Element) {
        let name = el.name();
        // HTML element names come lower case from the parser; foreign (SVG) ones may not.
        let tag = if name.bytes().any(|b| b.is_ascii_uppercase()) {
            Cow::Owned(name.to_ascii_lowercase())
        } else {
            Cow::Borrowed(name)
        };
        let index = self.page.elems.len();
        let parent = self.stack.last().map(|f| f.elem);
        let inherited = self.stack.last().and_then(|f| f.hinted);
        let attrs = hints::HintAttrs::of(el);
        let hint = if self.skip == 0 { hints::hint(&tag, &attrs, self.stories > 0, &mut self.classes) } else { None };
        let block = is_block(&tag);
        if block || tag == "br" {
            self.boundary(&tag);
        }
        let semantic = matches!(tag.as_ref(), "article" | "main") || attrs.is_article_body();
        self.page.elems.push(Elem { parent, end: index + 1, hint, hinted_ancestor: inherited, semantic, block });
        self.counters(&tag, 1);
        self.table_position(&tag);
        let hinted = if hint.is_some() { Some(index) } else { inherited };
        self.stack.push(Frame { elem: index, tag, block, hinted });
    }

    fn close(&mut self) {
        // Flush while the element is still open, so its text is attributed to it.
        if self.stack.last().is_some_and(|f| f.block) {
            self.flush();
        }
        let Some(frame) = self.stack.pop() else { return };
        self.counters(&frame.tag, usize::MAX);
        if frame.tag == "table" {
            self.tables.pop();
        }
        let end = self.page.elems.len();
        if let Some(elem) = self.page.elems.get_mut(frame.elem) {
            elem.end = end;
        }
    }

    /// Adds 1 to (or, with `usize::MAX`, subtracts 1 from) the counters `tag` affects.
    fn counters(&mut self, tag: &str, delta: usize) {
        let counter = match tag {
            "a" => &mut self.links,
            "h1" => {
                self.h1s = self.h1s.wrapping_add(delta);
                &mut self.headings
            }
            "h2" | "h3" | "h4" | "h5" | "h6" => &mut self.headings,
            "blockquote" => &mut self.quotes,
            "article" | "main" => &mut self.stories,
            t if hints::is_not_content(t) => &mut self.skip,
            _ => return,
        };
        *counter = counter.wrapping_add(delta);
    }

    /// Counts tables, rows and cells as they open.
    fn table_position(&mut self, tag: &str) {
        match tag {
            "table" => {
                self.tables.push(OpenTable { number: self.tables_seen, rows: 0, cells: 0 });
                self.tables_seen += 1;
            }
            "tr" => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows += 1;
                    t.cells = 0;
                }
            }
            "td" | "th" => {
                if let Some(t) = self.tables.last_mut() {
                    t.rows = t.rows.max(1); // a cell with no <tr> before it opens the first row
                    t.cells += 1;
                }
            }
            _ => {}
        }
    }

    /// The table cell the text being flushed is in: the innermost `<td>`/`<th>` below the
    /// innermost table.
    fn cell(&self) -> Option<TableCell> {
        let frame = self.stack.iter().rev().find(|f| matches!(f.tag.as_ref(), "td" | "th" | "table"))?;
        let table = self.tables.last()?;
        match frame.tag.as_ref() {
            "td" | "th" => Some(TableCell {
                table: table.number,
                row: table.rows.saturating_sub(1),
                column: table.cells.saturating_sub(1),
                header: frame.tag == "th",
            }),
            _ => None,
        }
    }

    /// A `<br>` is a space, two in a row a paragraph break; a block element always breaks.
    fn boundary(&mut self, tag: &str) {
        if tag != "br" {
            self.flush();
            return;
        }
        if self.last_br {
            self.flush();
        } else {
            self.buf.push(' ');
        }
        self.last_br = true;
    }

    fn text(&mut self, text: &str) {
        if !text.trim().is_empty() {
            self.last_br = false;
        }
        self.buf.push_str(text);
        if self.links > 0 {
            self.link_chars += text.trim().chars().count();
        }
    }

    fn flush(&mut self) {
        self.last_br = false;
        if self.buf.trim().is_empty() {
            self.buf.clear();
            self.link_chars = 0;
            return;
        }
        let text = collapse_whitespace(&self.buf);
        self.buf.clear();
        let link_chars = std::mem::take(&mut self.link_chars);
        let Some(top) = self.stack.last() else { return };
        let segment = Segment {
            kind: self.kind(),
            link_chars: link_chars.min(text.chars().count()),
            owner: top.elem,
            hinted: top.hinted,
            h1: self.h1s > 0,
            cell: self.cell(),
            text,
        };
        self.page.segments.push(segment);
    }

    fn kind(&self) -> BlockKind {
        if self.headings > 0 {
            return BlockKind::Heading;
        }
        if self.quotes > 0 {
            return BlockKind::BlockQuote;
        }
        for frame in self.stack.iter().rev() {
            match frame.tag.as_ref() {
                "li" | "dd" | "dt" => return BlockKind::ListItem,
                "p" | "ul" | "ol" | "dl" | "td" | "th" | "div" | "section" | "article" => break,
                _ => {}
            }
        }
        BlockKind::Paragraph
    }
}

/// Elements that break the text into blocks. Of the elements whose text is never content, the
/// ones a page shows as a box of their own (a control, an icon, a player) break the text, as a
/// block would; the ones a browser does not draw (a script, a style) or sets within the line (a
/// formula) break nothing, so the words around them stay one paragraph.
fn is_block(tag: &str) -> bool {
    matches!(
        tag,
        "address"
            | "article"
            | "aside"
            | "blockquote"
            | "body"
            | "caption"
            | "center"
            | "dd"
            | "details"
            | "dialog"
            | "div"
            | "dl"
            | "dt"
            | "fieldset"
            | "figcaption"
            | "figure"
            | "footer"
            | "form"
            | "h1"
            | "h2"
            | "h3"
            | "h4"
            | "h5"
            | "h6"
            | "header"
            | "hr"
            | "html"
            | "legend"
            | "li"
            | "main"
            | "menu"
            | "nav"
            | "ol"
            | "p"
            | "pre"
            | "section"
            | "summary"
            | "table"
            | "tbody"
            | "td"
            | "tfoot"
            | "th"
            | "thead"
            | "tr"
            | "ul"
    ) || (hints::is_not_content(tag) && !is_drawn_inline_or_not_at_all(tag))
}

fn is_drawn_inline_or_not_at_all(tag: &str) -> bool {
    matches!(tag, "script" | "style" | "noscript" | "template" | "head" | "title" | "math")
}
