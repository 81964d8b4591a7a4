//! `Pipeline.process_batch`: a record batch of pages in, a record batch of articles out, one
//! row per input row, a failed row's reason in its `error` column.

use arrow_array::cast::AsArray;
use arrow_array::{Array, ArrayRef, RecordBatch};
use arrow_schema::DataType;
use newsmill::{ContentKind, Error, ErrorKind, RawDoc};
use newsmill_arrow::ArticleBatch;
use pyo3::PyResult;
use pyo3::exceptions::{PyKeyError, PyTypeError};

/// The input columns `process_batch` reads: the page, and optionally its URL, the charset its
/// HTTP header named, its kind (`html` or `text`, as a WARC response or JSONL field says), its
/// source name and an error from an earlier step (`read_warc`).
pub struct Columns {
    html: ArrayRef,
    url: Option<ArrayRef>,
    charset: Option<ArrayRef>,
    kind: Option<ArrayRef>,
    source: Option<ArrayRef>,
    error: Option<ArrayRef>,
}

/// The `kind` column's name for a content kind.
pub fn kind_name(kind: ContentKind) -> &'static str {
    match kind {
        ContentKind::Html => "html",
        ContentKind::Text => "text",
    }
}

fn is_text(data_type: &DataType) -> bool {
    matches!(data_type, DataType::Utf8 | DataType::LargeUtf8 | DataType::Utf8View)
}

fn is_bytes(data_type: &DataType) -> bool {
    is_text(data_type) || matches!(data_type, DataType::Binary | DataType::LargeBinary | DataType::BinaryView)
}

/// The bytes of row `i` of a string or binary column; None when null.
fn bytes_at(array: &ArrayRef, i: usize) -> Option<&[u8]> {
    if array.is_null(i) {
        return None;
    }
    Some(match array.data_type() {
        DataType::Utf8 => array.as_string::<i32>().value(i).as_bytes(),
        DataType::LargeUtf8 => array.as_string::<i64>().value(i).as_bytes(),
        DataType::Utf8View => array.as_string_view().value(i).as_bytes(),
        DataType::Binary => array.as_binary::<i32>().value(i),
        DataType::LargeBinary => array.as_binary::<i64>().value(i),
        DataType::BinaryView => array.as_binary_view().value(i),
        _ => return None,
    })
}

fn text_at(array: Option<&ArrayRef>, i: usize) -> Option<String> {
    array.and_then(|a| bytes_at(a, i)).map(|b| String::from_utf8_lossy(b).into_owned())
}

impl Columns {
    /// The columns by name; the page column must exist and hold strings or bytes.
    pub fn find(batch: &RecordBatch, html: &str, url: &str) -> PyResult<Columns> {
        let schema = batch.schema();
        let html = batch.column_by_name(html).cloned().ok_or_else(|| {
            let names: Vec<&str> = schema.fields().iter().map(|f| f.name().as_str()).collect();
            PyKeyError::new_err(format!("the batch has no column {html:?} (it has {names:?}); pass html_column="))
        })?;
        if !is_bytes(html.data_type()) {
            return Err(PyTypeError::new_err(format!(
                "the page column holds {}, not strings or bytes",
                html.data_type()
            )));
        }
        let optional = |name: &str| batch.column_by_name(name).filter(|c| is_text(c.data_type())).cloned();
        Ok(Columns {
            html,
            url: optional(url),
            charset: optional("charset"),
            kind: optional("kind"),
            source: optional("source"),
            error: optional("error"),
        })
    }

    /// Row `i` as a document, or the error an earlier step recorded for it.
    fn document(&self, i: usize) -> Result<RawDoc, (String, Option<String>, String)> {
        let url = text_at(self.url.as_ref(), i);
        let source = text_at(self.source.as_ref(), i).or_else(|| url.clone()).unwrap_or_else(|| format!("row {i}"));
        if let Some(error) = text_at(self.error.as_ref(), i) {
            return Err((source, url, error));
        }
        let Some(bytes) = bytes_at(&self.html, i) else {
            return Err((source, url, "the page is null".to_string()));
        };
        let charset =
            if is_text(self.html.data_type()) { crate::text_charset() } else { text_at(self.charset.as_ref(), i) };
        let kind_hint = match text_at(self.kind.as_ref(), i).as_deref() {
            Some("html") => Some(ContentKind::Html),
            Some("text") => Some(ContentKind::Text),
            _ => None,
        };
        Ok(RawDoc { source, url, charset_hint: charset, kind_hint, bytes: bytes.to_vec(), ..RawDoc::default() })
    }
}

/// Every row through the pipeline (in parallel on the current thread pool), in row order.
pub fn process(
    pipeline: &newsmill::Pipeline,
    batch: &RecordBatch,
    columns: &Columns,
) -> Result<RecordBatch, newsmill_arrow::Error> {
    // Each row's source and URL, and its error when it has no page; the pages move to `docs`.
    let mut rows: Vec<(String, Option<String>, Option<String>)> = Vec::with_capacity(batch.num_rows());
    let mut docs: Vec<Result<RawDoc, Error>> = Vec::with_capacity(batch.num_rows());
    for i in 0..batch.num_rows() {
        match columns.document(i) {
            Ok(raw) => {
                rows.push((raw.source.clone(), raw.url.clone(), None));
                docs.push(Ok(raw));
            }
            Err((source, url, error)) => rows.push((source, url, Some(error))),
        }
    }
    let mut articles = pipeline.process_batch(docs).into_iter();
    let mut out = ArticleBatch::new()?;
    for (source, url, error) in &rows {
        let result = match error {
            Some(error) => Err(error.clone()),
            None => articles
                .next()
                .unwrap_or_else(|| Err(Error::new(source, ErrorKind::Internal("no result".into()))))
                .map_err(|err| err.kind().to_string()),
        };
        match result {
            Ok(article) => out.push(&article)?,
            Err(error) => out.push_error(source, url.as_deref(), &error)?,
        }
    }
    out.finish()
}
