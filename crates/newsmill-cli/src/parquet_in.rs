//! Parquet in the article's Arrow schema, back into a corpus: what `export --format parquet`,
//! `Pipeline.process_batch` and the Spark job write. The articles are stored as they are,
//! without extracting or analysing again.

use std::fs::File;
use std::path::{Path, PathBuf};

use anyhow::Context;
use newsmill_arrow::{Row, read_rows};
use newsmill_store::{Failure, StoredArticle};
use parquet::arrow::arrow_reader::ParquetRecordBatchReaderBuilder;
use serde_json::{Map, Value};

/// What a Hive-partitioned dataset writes for a null partition value.
const NULL_PARTITION: &str = "__HIVE_DEFAULT_PARTITION__";

/// The inputs split in two: Parquet files (named, or inside a named folder that holds any),
/// and the rest, which go through extraction. Files and folders whose names start with `.`
/// or `_` (parts being written, job markers) are not data.
pub fn split_inputs(inputs: &[String]) -> (Vec<PathBuf>, Vec<String>) {
    let mut parquet = Vec::new();
    let mut others = Vec::new();
    for input in inputs {
        let path = Path::new(input);
        if path.is_file() && is_parquet(path) {
            parquet.push(path.to_path_buf());
        } else if path.is_dir() {
            let files: Vec<PathBuf> = walkdir::WalkDir::new(path)
                .sort_by_file_name()
                .into_iter()
                .filter_entry(|e| e.depth() == 0 || !e.file_name().to_string_lossy().starts_with(['.', '_']))
                .filter_map(Result::ok)
                .filter(|e| e.file_type().is_file() && is_parquet(e.path()))
                .map(walkdir::DirEntry::into_path)
                .collect();
            if files.is_empty() { others.push(input.clone()) } else { parquet.extend(files) }
        } else {
            others.push(input.clone());
        }
    }
    (parquet, others)
}

fn is_parquet(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("parquet"))
}

/// The partition values a Hive-style path names (`…/language=en/part.parquet`).
fn partition_values(path: &Path) -> Map<String, Value> {
    path.components()
        .filter_map(|c| c.as_os_str().to_str()?.split_once('='))
        .map(|(key, value)| {
            let value = if value == NULL_PARTITION { Value::Null } else { Value::String(value.to_string()) };
            (key.to_string(), value)
        })
        .collect()
}

/// The articles and failures of one Parquet file, batch by batch; a file that does not read
/// is one failure.
pub fn read_file(
    path: &Path,
    mut each: impl FnMut(Vec<StoredArticle>, Vec<Failure>) -> anyhow::Result<()>,
) -> anyhow::Result<()> {
    let name = path.display().to_string();
    let failed = |reason: String| vec![Failure { source: name.clone(), reason }];
    let reader = File::open(path)
        .map_err(anyhow::Error::from)
        .and_then(|f| Ok(ParquetRecordBatchReaderBuilder::try_new(f)?.with_batch_size(512).build()?));
    let reader = match reader {
        Ok(reader) => reader,
        Err(err) => return each(Vec::new(), failed(format!("not a readable Parquet file: {err:#}"))),
    };
    let extra = partition_values(path);
    for batch in reader {
        let batch = match batch {
            Ok(batch) => batch,
            Err(err) => return each(Vec::new(), failed(format!("Parquet data is damaged: {err}"))),
        };
        let rows = read_rows(&batch, &extra).with_context(|| format!("cannot read {name}"))?;
        let (mut articles, mut failures) = (Vec::with_capacity(rows.len()), Vec::new());
        for row in rows {
            match row {
                Row::Article(article) => articles.push(StoredArticle::from_article(*article)?),
                Row::Failed { source, error } => failures.push(Failure { source, reason: error }),
                Row::Unreadable { index, reason } => failures.push(Failure {
                    source: format!("{name} row {index}"),
                    reason: format!("not an article: {reason}"),
                }),
            }
        }
        each(articles, failures)?;
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hive_folders_give_partition_values_and_the_null_partition_is_null() {
        let values =
            partition_values(Path::new("out/month=2026-11/language=__HIVE_DEFAULT_PARTITION__/part-1.parquet"));
        assert_eq!(values.get("month"), Some(&Value::String("2026-11".into())));
        assert_eq!(values.get("language"), Some(&Value::Null));
        assert!(partition_values(Path::new("plain/part.parquet")).is_empty());
    }
}
