//! Quotations and reported speech: who said what. Works over plain text with its own light
//! scanning (`scan`), pairs quotation marks (`marks`), finds speech cues (`cues`), the
//! source next to each cue (`speaker`) and the reported content (`indirect`), then links the
//! source to an entity when mentions are given (`resolve`).
//!
//! Follows the PolNeAR conventions where they apply: a pronoun source is the pronoun span
//! itself (the link to a named entity is made separately), only outermost attributions count,
//! and scare quotes or titles are not speech.

mod attribute;
pub mod cues;
mod indirect;
pub mod marks;
mod resolve;
mod scan;
mod speaker;

use std::ops::Range;

use crate::model::{Quote, QuoteKind, Speaker};

pub use attribute::{Attribution, find_attributions};

/// One entity mention, as NER provides it; quotes link their speaker through these.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionRef {
    pub span: Range<usize>,
    /// The entity id (`E1`).
    pub entity: String,
    /// The entity's canonical name.
    pub name: String,
    pub person: bool,
    /// Titles and roles collected for the entity (`Foreign Minister`).
    pub titles: Vec<String>,
}

/// The quotes of `text` with cue and speaker; spans are byte ranges into `text`.
pub fn find_quotes(text: &str, mentions: &[MentionRef]) -> Vec<Quote> {
    let (attributions, quoted) = attribute::analyze(text);
    let mut out = Vec::new();
    for a in &attributions {
        let speaker = a.source.as_ref().map(|span| {
            let linked = resolve::link(text, span, mentions);
            Speaker {
                span: span.clone(),
                entity: linked.map(|m| m.entity.clone()),
                name: linked.map(|m| m.name.clone()),
            }
        });
        for piece in &a.content {
            let mut push =
                |span: Range<usize>, kind| out.push(Quote { span, kind, cue: a.cue.clone(), speaker: speaker.clone() });
            let inside: Vec<&marks::Quoted> =
                quoted.iter().filter(|q| q.outer.start >= piece.start && q.outer.end <= piece.end).collect();
            let whole = quoted.iter().find(|q| q.outer.start <= piece.start && piece.end <= q.outer.end);
            match whole {
                Some(q) => push(q.inner.clone(), QuoteKind::Direct),
                None if inside.len() == 1 && inside[0].outer == *piece => {
                    push(inside[0].inner.clone(), QuoteKind::Direct)
                }
                None => {
                    push(piece.clone(), QuoteKind::Indirect);
                    for q in inside {
                        push(q.inner.clone(), QuoteKind::Direct);
                    }
                }
            }
        }
    }
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out.dedup_by(|a, b| a.span == b.span);
    out
}
