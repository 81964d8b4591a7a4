//! # newsmill-arrow
//!
//! The article as Arrow columns, for Parquet files, Python (pyarrow, polars, DuckDB) and
//! Spark. There is one schema, and it is not written by hand: [`article_schema`] derives it
//! from the JSON Schema of the article contract (`newsmill_model::article_schema`), so a
//! field added to the model appears here with no edit. Scalars become scalar columns, and
//! the lists of the article (entities with their mentions, quotes, amounts, dates, places)
//! become lists of structs, which DuckDB and Spark SQL query without JSON functions.
//!
//! ```
//! use newsmill_arrow::ArticleBatch;
//! use newsmill_model::{Article, ArticleJson};
//!
//! let article: Article = serde_json::from_str(
//!     r#"{"id": "a1", "source": "page.html", "title": "Rain at last", "text": "Rain fell."}"#,
//! )?;
//! let mut batch = ArticleBatch::new()?;
//! batch.push(&article)?;
//! batch.push_error("broken.html", None, "not a page: binary data")?;
//! let batch = batch.finish()?;
//! assert_eq!(batch.num_rows(), 2);
//! assert!(batch.schema().field_with_name("entities").is_ok());
//! # Ok::<(), Box<dyn std::error::Error>>(())
//! ```
#![warn(missing_docs)]

mod schema;

use std::sync::Arc;

use arrow_array::RecordBatch;
use arrow_json::reader::{Decoder, ReaderBuilder};
use arrow_schema::{ArrowError, SchemaRef};
use newsmill_model::{Article, ArticleJson};

pub use schema::{ERROR_COLUMN, article_schema, batch_schema};

/// What can go wrong turning articles into Arrow.
#[derive(Debug, thiserror::Error)]
pub enum Error {
    /// The article contract's JSON Schema has a shape with no Arrow counterpart: a bug in
    /// newsmill, found by the tests.
    #[error("the article schema cannot be mapped to Arrow at {path}: {reason}")]
    Schema {
        /// Where in the schema (`quotes.speaker`).
        path: String,
        /// What was found there.
        reason: String,
    },
    /// Arrow refused a value or a batch.
    #[error(transparent)]
    Arrow(#[from] ArrowError),
}

/// Rows of articles (or of per-document errors) being gathered into one [`RecordBatch`]
/// with [`batch_schema`]: the article's columns and an `error` column.
pub struct ArticleBatch {
    decoder: Decoder,
    schema: SchemaRef,
}

/// A row for a document that yielded no article: its source, its URL and why.
#[derive(serde::Serialize)]
struct ErrorRow<'a> {
    source: &'a str,
    url: Option<&'a str>,
    error: &'a str,
}

impl ArticleBatch {
    /// An empty batch.
    pub fn new() -> Result<Self, Error> {
        let schema = Arc::new(batch_schema()?);
        // Strict: a field the schema lacks is an error, never silently dropped.
        let decoder = ReaderBuilder::new(schema.clone()).with_strict_mode(true).build_decoder()?;
        Ok(ArticleBatch { decoder, schema })
    }

    /// The schema of the batches this makes.
    pub fn schema(&self) -> SchemaRef {
        self.schema.clone()
    }

    /// Appends one article, exactly as its JSON form reads.
    pub fn push(&mut self, article: &Article) -> Result<(), Error> {
        self.push_json(&ArticleJson::new(article, true))
    }

    /// Appends one article in its JSON form (as a store gives it back).
    pub fn push_json(&mut self, article: &ArticleJson) -> Result<(), Error> {
        Ok(self.decoder.serialize(std::slice::from_ref(article))?)
    }

    /// Appends the row of a document that failed: `source`, `url` and `error` set, every
    /// article column null.
    pub fn push_error(&mut self, source: &str, url: Option<&str>, error: &str) -> Result<(), Error> {
        Ok(self.decoder.serialize(&[ErrorRow { source, url, error }])?)
    }

    /// How many rows are gathered.
    pub fn len(&self) -> usize {
        self.decoder.len()
    }

    /// Whether no row is gathered yet.
    pub fn is_empty(&self) -> bool {
        self.decoder.is_empty()
    }

    /// The rows gathered so far as one batch (empty when none); the builder starts again empty.
    pub fn finish(&mut self) -> Result<RecordBatch, Error> {
        Ok(self.decoder.flush()?.unwrap_or_else(|| RecordBatch::new_empty(self.schema.clone())))
    }
}

/// One row of a batch read back: an article, or the record of a document that failed.
#[derive(Debug)]
pub enum Row {
    /// A row with no error: the article, exactly as it was written.
    Article(Box<Article>),
    /// A row with its reason in `error`.
    Failed {
        /// Where the document came from.
        source: String,
        /// Why it yielded no article.
        error: String,
    },
    /// A row that does not read as an article: which one and why (a damaged file, or
    /// columns of another program).
    Unreadable {
        /// The row's index in its batch.
        index: usize,
        /// What did not read.
        reason: String,
    },
}

/// The rows of a batch in the article schema (as [`ArticleBatch`] writes it, or a Parquet
/// file of `newsmill export` or the Spark job), back as articles. Columns outside the
/// article (`warc`, `month`) are ignored; `extra` gives values for article fields the batch
/// lacks (`language` of a Hive-partitioned dataset keeps it in the folder name).
pub fn read_rows(batch: &RecordBatch, extra: &serde_json::Map<String, serde_json::Value>) -> Result<Vec<Row>, Error> {
    let mut lines = arrow_json::LineDelimitedWriter::new(Vec::new());
    lines.write(batch)?;
    lines.finish()?;
    let known = article_schema()?;
    let rows = lines.into_inner();
    let mut out = Vec::with_capacity(batch.num_rows());
    for (index, line) in rows.split(|b| *b == b'\n').filter(|l| !l.is_empty()).enumerate() {
        let row = match serde_json::from_slice::<serde_json::Map<String, serde_json::Value>>(line) {
            Ok(mut fields) => {
                let error = fields.remove(ERROR_COLUMN).and_then(|e| e.as_str().map(str::to_string));
                let source = fields.get("source").and_then(|s| s.as_str()).unwrap_or_default().to_string();
                fields.retain(|name, _| known.field_with_name(name).is_ok());
                for (name, value) in extra.iter().filter(|(name, _)| known.field_with_name(name).is_ok()) {
                    fields.entry(name.clone()).or_insert_with(|| value.clone());
                }
                match error {
                    Some(error) => Row::Failed { source, error },
                    None => match serde_json::from_value::<Article>(serde_json::Value::Object(fields)) {
                        Ok(article) => Row::Article(Box::new(article)),
                        Err(err) => Row::Unreadable { index, reason: err.to_string() },
                    },
                }
            }
            Err(err) => Row::Unreadable { index, reason: err.to_string() },
        };
        out.push(row);
    }
    Ok(out)
}
