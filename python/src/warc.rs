//! `newsmill.read_warc`: the records of a `.warc` / `.warc.gz` file as Arrow batches, read by
//! the same Rust reader as `newsmill ingest`. A damaged record becomes a row with its reason in
//! `error`, and reading goes on at the next one.

use std::path::PathBuf;
use std::sync::{Arc, Mutex};

use arrow_array::builder::{BinaryBuilder, StringBuilder};
use arrow_array::{ArrayRef, RecordBatch};
use arrow_pyarrow::PyArrowType;
use arrow_schema::{DataType, Field, Schema};
use newsmill::{Inputs, RawDoc, ReadConfig};
use pyo3::exceptions::{PyFileNotFoundError, PyValueError};
use pyo3::prelude::*;

/// The columns of a WARC batch: what `Pipeline.process_batch` reads.
fn schema() -> Arc<Schema> {
    let text = |name: &str| Field::new(name, DataType::Utf8, true);
    Arc::new(Schema::new(vec![
        text("source"),
        text("url"),
        text("fetched"),
        Field::new("html", DataType::Binary, true),
        text("charset"),
        text("kind"),
        text("error"),
    ]))
}

/// An iterator of record batches over one WARC file's HTML responses.
#[pyclass(frozen, module = "newsmill._newsmill")]
pub struct WarcBatches {
    inputs: Mutex<Option<Inputs>>,
    batch_size: usize,
}

#[derive(Default)]
struct Builders {
    source: StringBuilder,
    url: StringBuilder,
    fetched: StringBuilder,
    html: BinaryBuilder,
    charset: StringBuilder,
    kind: StringBuilder,
    error: StringBuilder,
}

impl Builders {
    fn push(&mut self, item: Result<RawDoc, newsmill::Error>) {
        match item {
            Ok(raw) => {
                self.source.append_value(&raw.source);
                self.url.append_option(raw.url.as_deref());
                self.fetched.append_option(raw.fetched.as_deref());
                self.html.append_value(&raw.bytes);
                self.charset.append_option(raw.charset_hint.as_deref());
                self.kind.append_option(raw.kind_hint.map(crate::batch::kind_name));
                self.error.append_null();
            }
            Err(err) => {
                self.source.append_value(err.source_name());
                self.url.append_null();
                self.fetched.append_null();
                self.html.append_null();
                self.charset.append_null();
                self.kind.append_null();
                self.error.append_value(err.kind().to_string());
            }
        }
    }

    fn finish(mut self) -> Result<RecordBatch, arrow_schema::ArrowError> {
        let columns: Vec<ArrayRef> = vec![
            Arc::new(self.source.finish()),
            Arc::new(self.url.finish()),
            Arc::new(self.fetched.finish()),
            Arc::new(self.html.finish()),
            Arc::new(self.charset.finish()),
            Arc::new(self.kind.finish()),
            Arc::new(self.error.finish()),
        ];
        RecordBatch::try_new(schema(), columns)
    }
}

#[pymethods]
impl WarcBatches {
    #[new]
    #[pyo3(signature = (path, batch_size=256, max_mb=64))]
    fn new(path: PathBuf, batch_size: usize, max_mb: u64) -> PyResult<Self> {
        if batch_size == 0 {
            return Err(PyValueError::new_err("batch_size must be at least 1"));
        }
        if !path.is_file() {
            return Err(PyFileNotFoundError::new_err(format!("{}: no such WARC file", path.display())));
        }
        let config = ReadConfig { max_bytes: max_mb.saturating_mul(1 << 20) };
        let inputs = Inputs::new([path.to_string_lossy().into_owned()], config);
        Ok(WarcBatches { inputs: Mutex::new(Some(inputs)), batch_size })
    }

    fn __iter__(slf: PyRef<'_, Self>) -> PyRef<'_, Self> {
        slf
    }

    /// The next batch of up to `batch_size` records; None at the end of the file.
    fn __next__(&self, py: Python<'_>) -> PyResult<Option<PyArrowType<RecordBatch>>> {
        let batch = py.detach(|| {
            let mut guard = self.inputs.lock().unwrap_or_else(|poisoned| poisoned.into_inner());
            let Some(inputs) = guard.as_mut() else { return Ok(None) };
            let mut builders = Builders::default();
            let mut rows = 0;
            for item in inputs.by_ref().take(self.batch_size) {
                builders.push(item);
                rows += 1;
            }
            if rows == 0 {
                *guard = None;
                return Ok(None);
            }
            builders.finish().map(Some)
        });
        batch.map(|b| b.map(PyArrowType)).map_err(|e| PyValueError::new_err(e.to_string()))
    }
}
