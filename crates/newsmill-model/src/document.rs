//! [`Document`]: the cleaned story, the output of extraction.

use std::fmt;
use std::ops::Range;

/// The kind of a body block. Serialized in snake case (`paragraph`, `heading`, `list_item`,
/// `block_quote`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum BlockKind {
    Paragraph,
    Heading,
    ListItem,
    BlockQuote,
}

/// One block of the body: a byte range into [`Document::text`].
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Block {
    pub range: Range<usize>,
    pub kind: BlockKind,
    /// Where the block sits when it is a table cell, so a table can be rebuilt (Markdown).
    pub cell: Option<TableCell>,
}

/// A table cell's place: which table of the page (in order), row and column from 0, and
/// whether it is a header cell (`<th>`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct TableCell {
    pub table: u32,
    pub row: u32,
    pub column: u32,
    #[serde(default)]
    pub header: bool,
}

/// Why a piece of the page was left out of the story. Shown by `--explain`.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum RemovalReason {
    /// `<script>`, `<style>`, `<noscript>`, `<template>` and other non-content elements.
    NotContent,
    /// Hidden by `hidden`, `aria-hidden` or an inline `display:none`.
    Hidden,
    /// Site navigation: `<nav>`, menus, breadcrumbs.
    Navigation,
    /// Page header or footer.
    HeaderFooter,
    /// Sidebars, asides, widgets.
    Sidebar,
    /// Lists of links to other stories.
    RelatedLinks,
    /// Reader comments.
    Comments,
    /// Cookie and consent banners.
    Consent,
    /// Share, follow, subscribe and newsletter prompts.
    SharePrompt,
    /// Advertising and sponsored blocks.
    Advertisement,
    /// Image and video captions and credits.
    Caption,
    /// Mostly link text.
    LinkDense,
    /// Runs of icon or menu labels: short words with no sentence structure.
    MenuLabels,
    /// Copyright and legal lines.
    Legal,
    /// The headline, kept as the title rather than in the body.
    Title,
    /// A dateline or byline, kept as metadata rather than in the body.
    Metadata,
    /// The same text appears elsewhere on the page.
    Duplicate,
    /// Outside the region where the story is.
    OutsideStory,
    /// Scored as boilerplate by the block classifier.
    Boilerplate,
}

impl fmt::Display for RemovalReason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let s = match self {
            RemovalReason::NotContent => "not content (script, style, form)",
            RemovalReason::Hidden => "hidden on the page",
            RemovalReason::Navigation => "navigation or menu",
            RemovalReason::HeaderFooter => "page header or footer",
            RemovalReason::Sidebar => "sidebar or widget",
            RemovalReason::RelatedLinks => "related-story links",
            RemovalReason::Comments => "reader comments",
            RemovalReason::Consent => "cookie or consent notice",
            RemovalReason::SharePrompt => "share, follow or subscribe prompt",
            RemovalReason::Advertisement => "advertisement",
            RemovalReason::Caption => "image caption or credit",
            RemovalReason::LinkDense => "mostly links",
            RemovalReason::MenuLabels => "icon or menu labels",
            RemovalReason::Legal => "copyright or legal line",
            RemovalReason::Title => "headline (kept as title)",
            RemovalReason::Metadata => "dateline or byline (kept as metadata)",
            RemovalReason::Duplicate => "repeated elsewhere on the page",
            RemovalReason::OutsideStory => "outside the story",
            RemovalReason::Boilerplate => "scored as boilerplate",
        };
        f.write_str(s)
    }
}

/// A piece of the page that was removed, and why.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct Removal {
    pub text: String,
    pub reason: RemovalReason,
}

/// Why a page yielded no article. The document is still returned, with empty text.
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
#[non_exhaustive]
pub enum NoArticle {
    /// The page has no visible text at all.
    NoText,
    /// The page has text, but every block of it was judged boilerplate.
    AllBoilerplate,
}

impl fmt::Display for NoArticle {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(match self {
            NoArticle::NoText => "the page has no visible text",
            NoArticle::AllBoilerplate => "no block of the page reads as article text",
        })
    }
}

/// An image of the story: its address (absolute when the page's is known), its alt text and
/// the caption of the figure holding it.
#[derive(Debug, Clone, PartialEq, Eq, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
pub struct Image {
    pub url: String,
    #[serde(default)]
    pub alt: Option<String>,
    #[serde(default)]
    pub caption: Option<String>,
}

/// Which evidence gave the publication date (`date_source`), so a user can weigh it.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, serde::Serialize, serde::Deserialize, schemars::JsonSchema)]
#[serde(rename_all = "snake_case")]
pub enum DateSource {
    /// A date in the page's address (`/2018/11/09/`), fixed when the address was made.
    Url,
    /// What the page declares: JSON-LD, `<meta>` tags, microdata, script data, `<time pubdate>`.
    Metadata,
    /// The date shown beside the headline (or a dateline at the top of a flattened page).
    Headline,
    /// A dateline elsewhere on the page.
    Dateline,
    /// Only a modification date is known: the page is taken as published then.
    Modified,
    /// The first date in the page's text: the weakest evidence.
    Text,
}

/// The cleaned story: metadata and body. Produced by extraction (`newsmill_extract::extract`).
#[derive(Debug, Clone, Default, PartialEq)]
pub struct Document {
    pub source: String,
    pub url: Option<String>,
    pub site: Option<String>,
    pub title: Option<String>,
    pub description: Option<String>,
    /// ISO 8601, with the offset when known.
    pub published: Option<String>,
    /// Which evidence gave `published`; None when there is no date.
    pub date_source: Option<DateSource>,
    pub modified: Option<String>,
    pub authors: Vec<String>,
    /// ISO 639-1 code.
    pub language: Option<String>,
    /// Body blocks joined by blank lines.
    pub text: String,
    pub blocks: Vec<Block>,
    /// The story's images, in page order (HTML pages).
    pub images: Vec<Image>,
    /// What was removed and why; filled only when extraction is asked to explain (`ExtractConfig::explain`).
    pub removed: Vec<Removal>,
    /// Set when the page yielded no article.
    pub no_article: Option<NoArticle>,
    /// The readers' comments, one per block, when extraction is asked for them.
    pub comments: Vec<String>,
    /// Things a user should know, such as a guessed charset.
    pub warnings: Vec<String>,
}

impl Document {
    /// Appends a block to the body, separated from the previous one by a blank line.
    pub fn push_block(&mut self, text: &str, kind: BlockKind) {
        self.push_block_in(text, kind, None);
    }

    /// [`Document::push_block`] for a block that may be a table cell.
    pub fn push_block_in(&mut self, text: &str, kind: BlockKind, cell: Option<TableCell>) {
        let text = text.trim();
        if text.is_empty() {
            return;
        }
        if !self.text.is_empty() {
            self.text.push_str("\n\n");
        }
        let start = self.text.len();
        self.text.push_str(text);
        self.blocks.push(Block { range: start..self.text.len(), kind, cell });
    }

    /// The text of each block, in order.
    pub fn block_texts(&self) -> impl Iterator<Item = &str> {
        self.blocks.iter().map(|b| &self.text[b.range.clone()])
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn push_block_joins_with_blank_lines_and_records_ranges() {
        let mut doc = Document::default();
        doc.push_block("  First.  ", BlockKind::Paragraph);
        doc.push_block("", BlockKind::Paragraph);
        doc.push_block("Second", BlockKind::Heading);
        assert_eq!(doc.text, "First.\n\nSecond");
        assert_eq!(doc.block_texts().collect::<Vec<_>>(), ["First.", "Second"]);
        assert_eq!(doc.blocks[1].kind, BlockKind::Heading);
    }
}
