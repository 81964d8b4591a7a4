//! The data model: what flows between the stages of the pipeline.

mod article;
mod document;
mod raw;

pub use article::{
    Amount, Article, DateMention, Entity, EntityType, Mention, Place, Quote, QuoteKind, Span, Speaker, WithoutText,
};
pub use document::{Block, BlockKind, Document, NoArticle, Removal, RemovalReason};
pub use raw::{ContentKind, RawDoc};
