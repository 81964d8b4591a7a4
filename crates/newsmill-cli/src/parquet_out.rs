//! Articles as Parquet, for DuckDB, pandas and Spark, in the one Arrow schema of the article
//! (`newsmill-arrow`): scalar columns, and lists of structs for the entities, quotes,
//! amounts, dates and places. Rows are written in groups, so memory stays bounded whatever
//! the corpus size.

use std::fs::File;

use newsmill_arrow::ArticleBatch;
use newsmill_model::ArticleJson;
use parquet::arrow::ArrowWriter;
use parquet::basic::Compression;
use parquet::file::properties::WriterProperties;

const ROW_GROUP: usize = 2000;

pub struct ParquetWriter {
    writer: ArrowWriter<File>,
    rows: ArticleBatch,
}

impl ParquetWriter {
    pub fn create(file: File) -> anyhow::Result<Self> {
        let rows = ArticleBatch::new()?;
        let props = WriterProperties::builder().set_compression(Compression::SNAPPY).build();
        let writer = ArrowWriter::try_new(file, rows.schema(), Some(props))?;
        Ok(ParquetWriter { writer, rows })
    }

    /// Adds one article.
    pub fn push(&mut self, article: &ArticleJson) -> anyhow::Result<()> {
        self.rows.push_json(article)?;
        if self.rows.len() >= ROW_GROUP {
            self.flush()?;
        }
        Ok(())
    }

    fn flush(&mut self) -> anyhow::Result<()> {
        if !self.rows.is_empty() {
            self.writer.write(&self.rows.finish()?)?;
            self.writer.flush()?;
        }
        Ok(())
    }

    pub fn finish(mut self) -> anyhow::Result<()> {
        self.flush()?;
        self.writer.close()?;
        Ok(())
    }
}
