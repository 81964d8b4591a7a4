//! # newsmill
//!
//! Clean, structured, searchable news articles from raw pages: the story text and its
//! metadata, who is named, who said what, the numbers, dates and places. This crate is the
//! pipeline to embed; the `newsmill` command, the store and the server are built on it.
//!
//! ```
//! use newsmill::{Options, Pipeline, RawDoc};
//!
//! let pipeline = Pipeline::new(Options::default())?;
//! let page = b"<html><head><title>Port strike ends</title></head><body><article>
//!   <h1>Port strike ends</h1><p>Dock workers in Rotterdam returned to work on Thursday after
//!   a two-week strike, the union said. \"We won a fair deal,\" said Peter Jansen, its leader.</p>
//!   </article></body></html>";
//! let article = pipeline.process(&RawDoc::from_bytes("page.html", page.to_vec()))?;
//! assert_eq!(article.doc.title.as_deref(), Some("Port strike ends"));
//! assert!(article.entities.iter().any(|e| e.name == "Peter Jansen"));
//! println!("{}", serde_json::to_string(&article)?);
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
//!
//! - [`Pipeline`] runs extraction and (optionally) analysis on one document or a batch, with
//!   a size limit and a time budget per document; a document that fails, panics or runs out
//!   of time becomes that document's [`Error`], and the rest of a batch is unharmed.
//! - [`Inputs`] reads files, directories, `.gz`, JSONL dumps and WARC archives into
//!   [`RawDoc`]s.
//! - The article types and their JSON form (the contract) come from `newsmill-model`,
//!   re-exported here.
#![warn(missing_docs)]

mod ingest;
mod pipeline;

pub use ingest::{Inputs, ReadConfig};
pub use newsmill_extract::{Error, ErrorKind, ExtractConfig};
pub use newsmill_model::{
    Amount, Article, ArticleJson, Block, BlockKind, ContentKind, DateMention, Document, Entity, EntityType, Mention,
    NoArticle, Place, Quote, QuoteKind, RawDoc, Removal, RemovalReason, Span, Speaker, WithoutText, article_schema,
};
pub use pipeline::{LoadError, Options, Pipeline};

/// The Rust example of the README, compiled and run as a doctest.
#[doc = include_str!("../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
