//! Mentions: the spans the NER model tags, as byte ranges with a type.

use std::ops::Range;

use super::ner::NerModel;
use super::tokens::Token;
use crate::model::{EntityType, Span};

/// One tagged name in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundMention {
    pub span: Span,
    pub kind: EntityType,
    /// Token indices into the whole text's tokens.
    pub tokens: Range<usize>,
    pub sentence: usize,
}

fn entity_type(label_type: usize) -> Option<EntityType> {
    Some(match label_type {
        1 => EntityType::Person,
        2 => EntityType::Org,
        3 => EntityType::Loc,
        4 => EntityType::Misc,
        _ => return None,
    })
}

/// Tags every sentence and returns the mentions in text order.
pub fn find_mentions(text: &str, tokens: &[Token], sents: &[Range<usize>], model: &NerModel) -> Vec<FoundMention> {
    let sentence_toks: Vec<Vec<&str>> =
        sents.iter().map(|r| tokens[r.clone()].iter().map(|t| t.text(text)).collect()).collect();
    let tags = model.tag_document(&sentence_toks);
    let mut out = Vec::new();
    for (s, (range, labels)) in sents.iter().zip(&tags).enumerate() {
        let mut open: Option<(usize, usize)> = None;
        for (k, &label) in labels.iter().chain(std::iter::once(&0)).enumerate() {
            let ty = label.div_ceil(2);
            let begins = label % 2 == 1;
            let continues = ty != 0 && !begins && open.is_some_and(|(_, t)| t == ty);
            if continues {
                continue;
            }
            if let Some((start, t)) = open.take()
                && let Some(kind) = entity_type(t)
            {
                let toks = range.start + start..range.start + k;
                let span = tokens[toks.start].start as usize..tokens[toks.end - 1].end as usize;
                out.push(FoundMention { span, kind, tokens: toks, sentence: s });
            }
            if ty != 0 {
                open = Some((k, ty));
            }
        }
    }
    out
}
