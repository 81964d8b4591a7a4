//! Articles as Parquet, for DuckDB, pandas and Spark. The schema is flat: one row per
//! article, the scalar fields as UTF-8 columns, and each list of the article JSON (`authors`,
//! `blocks`, `entities`, `quotes`, `amounts`, `dates`, `places`) as a UTF-8 column holding
//! that list's JSON (read it with DuckDB's `json` functions or `json.loads`). Rows are
//! written in groups, so memory stays bounded whatever the corpus size.

use std::fs::File;
use std::sync::Arc;

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

    /// Adds one article (its JSON form).
    pub fn push(&mut self, article: &serde_json::Value) -> Result<(), ParquetError> {
        for ((name, required), column) in COLUMNS.iter().zip(&mut self.columns) {
            let value = match article.get(*name) {
                None | Some(serde_json::Value::Null) if *required => Some(ByteArray::from("")),
                None | Some(serde_json::Value::Null) => None,
                Some(serde_json::Value::String(s)) => Some(ByteArray::from(s.as_str())),
                Some(other) => Some(ByteArray::from(other.to_string().as_str())),
            };
            column.push(value);
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
