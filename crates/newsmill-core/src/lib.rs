//! # newsmill-core
//!
//! The newsmill pipeline as a library. Data flows one way and is typed at every boundary:
//!
//! ```text
//! bytes ──ingest──▶ RawDoc ──extract──▶ Document ──analyze──▶ Article
//! ```
//!
//! - [`ingest`] reads files, directories, `.gz` files, JSONL dumps and stdin into [`RawDoc`]s,
//!   and decodes their bytes to text ([`ingest::decode`](mod@ingest::decode)).
//! - [`extract`](mod@extract) turns a [`RawDoc`] into a [`Document`]: the story's metadata and body
//!   [`Block`]s, with what was removed and why. HTML goes through the DOM extractor, text that a
//!   scraper already flattened goes through the line extractor.
//! - [`Article`] is the public JSON contract (see `docs/DESIGN.md`); its analysis fields are
//!   filled by the analysis stage.
//! - [`eval`] scores the extractors on the evaluation sets.
//!
//! ```
//! use newsmill_core::{extract, ExtractConfig, RawDoc};
//!
//! let html = b"<html><head><title>Rain at last | Daily Bugle</title></head><body>
//!   <nav><a href='/'>Home</a> <a href='/news'>News</a></nav>
//!   <article><h1>Rain at last</h1>
//!   <p>After three dry months the first rain of the season fell over the valley on Monday,
//!   and farmers who had waited since spring said the harvest could still be saved.</p>
//!   <p>The weather service expects more showers through the end of the week, it said.</p>
//!   </article></body></html>";
//! let raw = RawDoc::from_bytes("page.html", html.to_vec());
//! let doc = extract(&raw, &ExtractConfig::default()).unwrap();
//! assert_eq!(doc.title.as_deref(), Some("Rain at last"));
//! assert!(doc.text.starts_with("After three dry months"));
//! assert!(!doc.text.contains("Home"));
//! ```

pub mod analyze;
pub mod error;
pub mod eval;
pub mod extract;
pub mod ingest;
/// The data model: what flows between the stages of the pipeline (the `newsmill-model` crate).
pub use newsmill_model as model;
pub mod text_util;

pub use error::{Error, ErrorKind};
pub use extract::{ExtractConfig, extract};
pub use model::{Article, Block, BlockKind, ContentKind, Document, NoArticle, RawDoc, Removal, RemovalReason};
