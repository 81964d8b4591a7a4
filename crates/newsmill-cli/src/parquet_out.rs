//! Articles as Parquet, for DuckDB, pandas and Spark. The schema is flat: one row per
//! article, the scalar fields as UTF-8 columns, and each list of the article JSON (`authors`,
//! `blocks`, `entities`, `quotes`, `amounts`, `dates`, `places`) as a UTF-8 column holding
//! that list's JSON (read it with DuckDB's `json` functions or `json.loads`). Rows are
//! written in groups, so memory stays bounded whatever the corpus size.

use std::borrow::Cow;
use std::fs::File;
use std::sync::Arc;

use newsmill_core::model::ArticleJson;
use parquet::basic::Compression;
use parquet::data_type::{ByteArray, ByteArrayType};
use parquet::errors::ParquetError;
use parquet::file::properties::WriterProperties;
use parquet::file::writer::SerializedFileWriter;
use parquet::schema::parser::parse_message_type;

/// The columns, in order: (name, required).
pub const COLUMNS: &[(&str, bool)] = &[
    ("id", true),
    ("source", true),
    ("url", false),
    ("site", false),
    ("title", false),
    ("description", false),
    ("published", false),
    ("modified", false),
    ("language", false),
    ("text", true),
    ("authors", true),
    ("blocks", true),
    ("entities", true),
    ("quotes", true),
    ("amounts", true),
    ("dates", true),
    ("places", true),
];

const ROW_GROUP: usize = 2000;

/// A list of the article as a cell: its JSON.
fn list<T: serde::Serialize + ?Sized>(value: &T) -> Option<ByteArray> {
    Some(ByteArray::from(serde_json::to_string(value).unwrap_or_default().as_str()))
}

pub struct ParquetWriter {
    writer: SerializedFileWriter<File>,
    /// Buffered values per column; `None` is a null.
    columns: Vec<Vec<Option<ByteArray>>>,
}

impl ParquetWriter {
    pub fn create(file: File) -> Result<Self, ParquetError> {
        let fields: Vec<String> = COLUMNS
            .iter()
            .map(|(name, required)| {
                format!("{} BYTE_ARRAY {name} (UTF8);", if *required { "REQUIRED" } else { "OPTIONAL" })
            })
            .collect();
        let schema = Arc::new(parse_message_type(&format!("message article {{ {} }}", fields.join(" ")))?);
        let props = Arc::new(WriterProperties::builder().set_compression(Compression::SNAPPY).build());
        let writer = SerializedFileWriter::new(file, schema, props)?;
        Ok(ParquetWriter { writer, columns: vec![Vec::new(); COLUMNS.len()] })
    }

    /// Adds one article.
    pub fn push(&mut self, a: &ArticleJson) -> Result<(), ParquetError> {
        let text = |s: &Option<Cow<str>>| s.as_deref().map(ByteArray::from);
        let cells: [Option<ByteArray>; COLUMNS.len()] = [
            Some(ByteArray::from(a.id.as_ref())),
            Some(ByteArray::from(a.source.as_ref())),
            text(&a.url),
            text(&a.site),
            text(&a.title),
            text(&a.description),
            text(&a.published),
            text(&a.modified),
            text(&a.language),
            Some(ByteArray::from(a.text.as_deref().unwrap_or_default())),
            list(&a.authors),
            list(&a.blocks),
            list(&a.entities),
            list(&a.quotes),
            list(&a.amounts),
            list(&a.dates),
            list(&a.places),
        ];
        for (cell, column) in cells.into_iter().zip(&mut self.columns) {
            column.push(cell);
        }
        if self.columns[0].len() >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> Result<(), ParquetError> {
        if self.columns[0].is_empty() {
            return Ok(());
        }
        let mut group = self.writer.next_row_group()?;
        for buffered in &mut self.columns {
            let Some(mut column) = group.next_column()? else { break };
            let definition: Vec<i16> = buffered.iter().map(|v| i16::from(v.is_some())).collect();
            let values: Vec<ByteArray> = buffered.drain(..).flatten().collect();
            let is_optional = column.typed::<ByteArrayType>().get_descriptor().max_def_level() > 0;
            let levels = is_optional.then_some(definition.as_slice());
            column.typed::<ByteArrayType>().write_batch(&values, levels, None)?;
            column.close()?;
        }
        group.close()?;
        Ok(())
    }

    pub fn finish(mut self) -> Result<(), ParquetError> {
        self.flush()?;
        self.writer.close()?;
        Ok(())
    }
}
