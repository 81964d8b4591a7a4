//! The newsmill data model: what flows between the stages of the pipeline, and the article's
//! JSON form, the contract that the CLI prints, the store keeps and the server serves.
//!
//! Inside Rust, spans are byte ranges into the article text; in the JSON they are code-point
//! offsets with the text they cover ([`ArticleJson`]). An [`Article`] serializes to that JSON
//! and parses back from it.
//!
//! ```
//! use newsmill_model::{Article, BlockKind, Document};
//!
//! let mut doc = Document::default();
//! doc.push_block("Café owners met on Tuesday.", BlockKind::Paragraph);
//! let article = Article::from_document(doc);
//! let json = serde_json::to_string(&article).unwrap();
//! let back: Article = serde_json::from_str(&json).unwrap();
//! assert_eq!(back, article);
//! ```

mod article;
mod document;
mod json;
mod offsets;
mod raw;
pub mod text;

pub use article::{
    Amount, Article, DateMention, Entity, EntityType, Mention, Place, Quote, QuoteKind, Span, Speaker, TextField,
    UnknownEntityType, article_id,
};
pub use document::{Block, BlockKind, DateSource, Document, Image, NoArticle, Removal, RemovalReason, TableCell};
pub use json::{
    AmountJson, ArticleJson, BlockJson, DateJson, EntityJson, MentionJson, QuoteJson, SpanError, SpanJson, SpeakerJson,
    WithoutText, article_schema, openapi_schemas,
};
pub use raw::{ContentKind, RawDoc};

/// Declares a stage crate's modules: private, or public but hidden when the calling crate's
/// `internals` feature is on, which newsmill-lab turns on to train and study the models.
/// Neither form is a stable API. (The `cfg` is read in the crate that calls the macro.)
#[doc(hidden)]
#[macro_export]
macro_rules! internal_mods {
    ($($name:ident),* $(,)?) => {$(
        #[cfg(feature = "internals")]
        #[doc(hidden)]
        pub mod $name;
        #[cfg(not(feature = "internals"))]
        mod $name;
    )*};
}
