//! Printing articles in the output formats.

use std::io::{self, Write};

use clap::ValueEnum;
use newsmill_core::{Article, BlockKind};

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
    eprintln!("newsmill: {}", newsmill_core::text_util::escape_controls(&message.to_string()));
}

/// `1 article`, `2 articles`: a count with its noun in the right number.
pub fn counted(n: impl TryInto<u64>, one: &str, many: &str) -> String {
    let n: u64 = n.try_into().unwrap_or(0);
    format!("{n} {}", if n == 1 { one } else { many })
}

/// Whether standard output takes colour and bold: a terminal, and `NO_COLOR` unset or empty
/// (no-color.org). Pipes and files get plain text.
pub fn colour_on_stdout() -> bool {
    use std::io::IsTerminal;
    io::stdout().is_terminal() && std::env::var_os("NO_COLOR").is_none_or(|v| v.is_empty())
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
    explain(out, article)?;
    writeln!(out, "\n----")
}

fn write_markdown(out: &mut impl Write, article: &Article) -> io::Result<()> {
    let doc = &article.doc;
    writeln!(out, "# {}\n", shown(title(article)))?;
    writeln!(out, "*{}*\n", shown(&meta_line(article)))?;
    for block in &doc.blocks {
        let text = shown(&doc.text[block.range.clone()]);
        match block.kind {
            BlockKind::Heading => writeln!(out, "## {text}\n")?,
            BlockKind::ListItem => writeln!(out, "- {text}\n")?,
            BlockKind::BlockQuote => writeln!(out, "> {}\n", text.replace('\n', "\n> "))?,
            BlockKind::Paragraph => writeln!(out, "{text}\n")?,
        }
    }
    explain(out, article)?;
    writeln!(out, "---\n")
}

/// Text for a human reader: no control characters (`analyze` keeps its input as given).
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    newsmill_core::text_util::strip_controls(text)
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
        writeln!(out, "  [{}] {}", removal.reason, shown(&newsmill_core::text_util::truncate(&removal.text, 120)))?;
    }
    Ok(())
}
