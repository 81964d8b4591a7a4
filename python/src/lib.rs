//! `newsmill._newsmill`: the Rust half of the Python package. The Python half
//! (`newsmill/__init__.py`) gives it its documented signatures; all work here runs with the
//! GIL released.

mod batch;
mod errors;
mod warc;

use std::sync::OnceLock;
use std::time::Duration;

use arrow_array::RecordBatch;
use arrow_pyarrow::PyArrowType;
use newsmill::{Options, RawDoc};
use pyo3::exceptions::{PyTypeError, PyValueError};
use pyo3::prelude::*;
use pyo3::types::{PyBytes, PyString};

/// The charset hint of a page given as text: Python and Arrow strings are Unicode already,
/// so their bytes are UTF-8 whatever the page's own meta tag says.
pub(crate) fn text_charset() -> Option<String> {
    Some("utf-8".to_string())
}

/// One page given as `str` or `bytes` through the pipeline, to its article JSON; named `url`,
/// or `-` as standard input is.
fn article_json(
    py: Python<'_>,
    pipeline: &newsmill::Pipeline,
    data: &Bound<'_, PyAny>,
    url: Option<String>,
) -> PyResult<String> {
    let (bytes, charset) = if let Ok(text) = data.cast::<PyString>() {
        (text.to_cow()?.as_bytes().to_vec(), text_charset())
    } else if let Ok(bytes) = data.cast::<PyBytes>() {
        (bytes.as_bytes().to_vec(), None)
    } else {
        return Err(PyTypeError::new_err(format!("data must be str or bytes, not {}", data.get_type().name()?)));
    };
    let source = url.clone().unwrap_or_else(|| "-".to_string());
    let raw = RawDoc { source, url, charset_hint: charset, bytes, ..RawDoc::default() };
    let article = py.detach(|| pipeline.process(&raw)).map_err(errors::to_py)?;
    serde_json::to_string(&article).map_err(|e| errors::InternalError::new_err(e.to_string()))
}

fn load(options: Options) -> PyResult<newsmill::Pipeline> {
    newsmill::Pipeline::new(options).map_err(|e| errors::InternalError::new_err(e.to_string()))
}

/// The article JSON of one page, as `newsmill extract` prints it (no time budget, as there).
#[pyfunction]
#[pyo3(signature = (data, url=None, analyze=true))]
fn extract_json(py: Python<'_>, data: &Bound<'_, PyAny>, url: Option<String>, analyze: bool) -> PyResult<String> {
    static WITH: OnceLock<newsmill::Pipeline> = OnceLock::new();
    static WITHOUT: OnceLock<newsmill::Pipeline> = OnceLock::new();
    let cell = if analyze { &WITH } else { &WITHOUT };
    if cell.get().is_none() {
        let pipeline = load(Options { analyze, time_budget: None, ..Options::default() })?;
        let _ = cell.set(pipeline);
    }
    let Some(pipeline) = cell.get() else { return Err(errors::InternalError::new_err("the pipeline did not load")) };
    article_json(py, pipeline, data, url)
}

/// Extraction and analysis with the models loaded once, a size limit, a time budget per
/// document and a pool of `threads` worker threads for batches.
#[pyclass(frozen, module = "newsmill._newsmill")]
struct Pipeline {
    inner: newsmill::Pipeline,
    pool: rayon::ThreadPool,
}

#[pymethods]
impl Pipeline {
    #[new]
    #[pyo3(signature = (analyze=true, max_mb=64, timeout_ms=Some(2000), threads=1))]
    fn new(analyze: bool, max_mb: u64, timeout_ms: Option<u64>, threads: usize) -> PyResult<Self> {
        if !(1..=4096).contains(&max_mb) {
            return Err(PyValueError::new_err(format!("max_mb must be 1 to 4096, not {max_mb}")));
        }
        let time_budget = timeout_ms.filter(|ms| *ms > 0).map(Duration::from_millis);
        let inner = load(Options { analyze, max_bytes: max_mb << 20, time_budget, ..Options::default() })?;
        // threads=0: one per core.
        let pool = rayon::ThreadPoolBuilder::new()
            .num_threads(threads)
            .thread_name(|i| format!("newsmill-{i}"))
            .build()
            .map_err(|e| errors::InternalError::new_err(format!("cannot start {threads} threads: {e}")))?;
        Ok(Pipeline { inner, pool })
    }

    /// One page to its article JSON; a failure raises the matching `newsmill.Error`.
    #[pyo3(signature = (data, url=None))]
    fn process_json(&self, py: Python<'_>, data: &Bound<'_, PyAny>, url: Option<String>) -> PyResult<String> {
        article_json(py, &self.inner, data, url)
    }

    /// A record batch of pages to a record batch of articles, one row per input row.
    #[pyo3(signature = (batch, html_column="html", url_column="url"))]
    fn process_batch(
        &self,
        py: Python<'_>,
        batch: PyArrowType<RecordBatch>,
        html_column: &str,
        url_column: &str,
    ) -> PyResult<PyArrowType<RecordBatch>> {
        let columns = batch::Columns::find(&batch.0, html_column, url_column)?;
        let out = py.detach(|| self.pool.install(|| batch::process(&self.inner, &batch.0, &columns)));
        out.map(PyArrowType).map_err(|e| errors::InternalError::new_err(e.to_string()))
    }
}

#[pymodule]
fn _newsmill(m: &Bound<'_, PyModule>) -> PyResult<()> {
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    m.add_function(wrap_pyfunction!(extract_json, m)?)?;
    m.add_class::<Pipeline>()?;
    m.add_class::<warc::WarcBatches>()?;
    errors::register(m)?;
    Ok(())
}
