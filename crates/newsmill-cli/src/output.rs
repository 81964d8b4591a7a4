//! Printing articles in the output formats.

use std::io::{self, Write};

use clap::ValueEnum;
use newsmill_model::{Article, BlockKind};

#[derive(Debug, Clone, Copy, PartialEq, Eq, ValueEnum)]
pub enum Format {
    /// The article JSON of DESIGN.md, pretty-printed, one object per document.
    Json,
    /// The article JSON, one object per line.
    Jsonl,
    /// Title, metadata line and body as plain text.
    Text,
    /// The story as Markdown: headline, metadata, headings, lists and block quotes.
    Markdown,
}

/// One line on stderr, prefixed with the program's name, with control characters in it
/// (from file names, URLs or pages) escaped so that it stays one line and cannot drive the
/// terminal.
pub fn note(message: impl std::fmt::Display) {
    eprintln!("newsmill: {}", newsmill_model::text::escape_controls(&message.to_string()));
}

/// `1 article`, `2 articles`: a count with its noun in the right number.
pub fn counted(n: impl TryInto<u64>, one: &str, many: &str) -> String {
    let n: u64 = n.try_into().unwrap_or(0);
    format!("{n} {}", if n == 1 { one } else { many })
}

/// When to print colour and bold: `--color`, as ripgrep and ls name it.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, ValueEnum)]
pub enum ColorChoice {
    /// On a terminal, unless `NO_COLOR` is set to a non-empty value (no-color.org).
    #[default]
    Auto,
    /// Always, even into a pipe or a file (for `less -R`).
    Always,
    /// Never.
    Never,
}

impl ColorChoice {
    /// Whether output with this choice gets colour, given where it goes and the environment.
    pub fn resolve(self, to_terminal: bool, no_color: Option<&std::ffi::OsStr>) -> bool {
        match self {
            ColorChoice::Always => true,
            ColorChoice::Never => false,
            ColorChoice::Auto => to_terminal && no_color.is_none_or(|v| v.is_empty()),
        }
    }
}

static COLOR: std::sync::OnceLock<ColorChoice> = std::sync::OnceLock::new();

/// Records the `--color` choice once, at start-up.
pub fn set_color_choice(choice: ColorChoice) {
    let _ = COLOR.set(choice);
}

/// Whether standard output takes colour and bold, by the `--color` choice (auto by default:
/// a terminal and no `NO_COLOR`). Pipes and files get plain text unless asked otherwise.
pub fn colour_on_stdout() -> bool {
    use std::io::IsTerminal;
    let choice = COLOR.get().copied().unwrap_or_default();
    choice.resolve(io::stdout().is_terminal(), std::env::var_os("NO_COLOR").as_deref())
}

pub fn write_article(out: &mut impl Write, article: &Article, format: Format) -> io::Result<()> {
    match format {
        Format::Json => {
            serde_json::to_writer_pretty(&mut *out, article)?;
            writeln!(out)
        }
        Format::Jsonl => {
            serde_json::to_writer(&mut *out, article)?;
            writeln!(out)
        }
        Format::Text => write_text(out, article),
        Format::Markdown => write_markdown(out, article),
    }
}

fn meta_line(article: &Article) -> String {
    let doc = &article.doc;
    let mut parts = vec![doc.source.clone()];
    // The page's canonical address when the page gives one, beside the file it came from.
    parts.extend(doc.url.clone().filter(|u| *u != doc.source));
    parts.extend(doc.published.clone());
    if !doc.authors.is_empty() {
        parts.push(doc.authors.join(", "));
    }
    parts.extend(doc.site.clone());
    parts.join(" · ")
}

/// The headline, or for a text with none (`analyze`) the file it came from.
fn title(article: &Article) -> &str {
    article.doc.title.as_deref().filter(|t| !t.trim().is_empty()).unwrap_or(&article.doc.source)
}

fn write_text(out: &mut impl Write, article: &Article) -> io::Result<()> {
    let doc = &article.doc;
    writeln!(out, "{}", shown(title(article)))?;
    writeln!(out, "{}", shown(&meta_line(article)))?;
    writeln!(out)?;
    writeln!(out, "{}", shown(&doc.text))?;
    comments(out, article, "Comments:", "  ")?;
    explain(out, article)?;
    writeln!(out, "\n----")
}

fn write_markdown(out: &mut impl Write, article: &Article) -> io::Result<()> {
    let doc = &article.doc;
    writeln!(out, "# {}\n", shown(title(article)))?;
    writeln!(out, "*{}*\n", shown(&meta_line(article)))?;
    let mut i = 0;
    while let Some(block) = doc.blocks.get(i) {
        // A table's cells come in a run of blocks: a data table is drawn as one Markdown
        // table; a layout table (a page laid out in cells) reads as the blocks it holds.
        let run = block.cell.map_or(1, |cell| {
            doc.blocks[i..].iter().take_while(|b| b.cell.is_some_and(|c| c.table == cell.table)).count()
        });
        let blocks = &doc.blocks[i..i + run];
        i += run;
        if block.cell.is_some() && is_data_table(doc, blocks) {
            writeln!(out, "{}", markdown_table(doc, blocks))?;
            continue;
        }
        for block in blocks {
            let text = shown(&doc.text[block.range.clone()]);
            match block.kind {
                BlockKind::Heading => writeln!(out, "## {text}\n")?,
                BlockKind::ListItem => writeln!(out, "- {text}\n")?,
                BlockKind::BlockQuote => writeln!(out, "> {}\n", text.replace('\n', "\n> "))?,
                BlockKind::Paragraph => writeln!(out, "{text}\n")?,
            }
        }
    }
    comments(out, article, "## Comments\n", "- ")?;
    explain(out, article)?;
    writeln!(out, "---\n")
}

/// A table of data rather than of layout: two rows and two columns at least, and no cell
/// long enough to be a paragraph of the story.
fn is_data_table(doc: &newsmill_model::Document, cells: &[newsmill_model::Block]) -> bool {
    const MAX_CELL_WORDS: usize = 40;
    let (rows, columns) = table_size(cells);
    rows >= 2
        && columns >= 2
        && cells.iter().all(|b| doc.text[b.range.clone()].split_whitespace().count() <= MAX_CELL_WORDS)
}

/// Rows and columns a run of table cells spans.
fn table_size(cells: &[newsmill_model::Block]) -> (usize, usize) {
    let places = || cells.iter().filter_map(|b| b.cell);
    let span = |last: Option<u32>| last.map_or(0, |n| n as usize + 1);
    (span(places().map(|c| c.row).max()), span(places().map(|c| c.column).max()))
}

/// Table cells as a Markdown table: the first row is the header; a cell of several blocks
/// joins them with a space; `|` is escaped.
fn markdown_table(doc: &newsmill_model::Document, cells: &[newsmill_model::Block]) -> String {
    let (rows, columns) = table_size(cells);
    let mut grid = vec![vec![String::new(); columns]; rows];
    for block in cells {
        let Some(cell) = block.cell else { continue };
        let (row, column) = (cell.row as usize, cell.column as usize);
        let text = shown(&doc.text[block.range.clone()]).replace('\n', " ").replace('|', "\\|");
        let slot = &mut grid[row][column];
        if !slot.is_empty() {
            slot.push(' ');
        }
        slot.push_str(&text);
    }
    let line = |row: &[String]| format!("| {} |", row.join(" | "));
    let mut lines = Vec::with_capacity(rows + 1);
    for (r, row) in grid.iter().enumerate() {
        lines.push(line(row));
        if r == 0 {
            lines.push(line(&vec!["---".to_string(); columns]));
        }
    }
    lines.join("\n") + "\n"
}

/// The readers' comments (`--comments`), under a heading, one per line.
fn comments(out: &mut impl Write, article: &Article, heading: &str, bullet: &str) -> io::Result<()> {
    if article.doc.comments.is_empty() {
        return Ok(());
    }
    writeln!(out, "\n{heading}")?;
    for comment in &article.doc.comments {
        writeln!(out, "{bullet}{}", shown(&comment.replace('\n', " ")))?;
    }
    Ok(())
}

/// Text for a human reader: no control characters (`analyze` keeps its input as given).
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    newsmill_model::text::strip_controls(text)
}

/// The removed blocks, for `--explain` in the text formats (JSON carries them in `removed`).
fn explain(out: &mut impl Write, article: &Article) -> io::Result<()> {
    let doc = &article.doc;
    if let Some(reason) = doc.no_article {
        writeln!(out, "\n[no article: {reason}]")?;
    }
    if doc.removed.is_empty() {
        return Ok(());
    }
    writeln!(out, "\nRemoved:")?;
    for removal in &doc.removed {
        writeln!(out, "  [{}] {}", removal.reason, shown(&newsmill_model::text::truncate(&removal.text, 120)))?;
    }
    Ok(())
}

#[cfg(test)]
mod colour_tests {
    use super::ColorChoice;
    use std::ffi::OsStr;

    #[test]
    fn auto_colours_a_terminal_unless_no_color_is_set() {
        assert!(ColorChoice::Auto.resolve(true, None));
        assert!(ColorChoice::Auto.resolve(true, Some(OsStr::new(""))));
        assert!(!ColorChoice::Auto.resolve(true, Some(OsStr::new("1"))));
        assert!(!ColorChoice::Auto.resolve(false, None));
    }

    #[test]
    fn always_and_never_ignore_the_terminal_and_the_environment() {
        assert!(ColorChoice::Always.resolve(false, Some(OsStr::new("1"))));
        assert!(!ColorChoice::Never.resolve(true, None));
    }
}
