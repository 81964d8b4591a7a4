//! The exceptions of a single call, typed by what went wrong; each message names the input.

use newsmill::ErrorKind;
use pyo3::create_exception;
use pyo3::exceptions::PyException;
use pyo3::prelude::*;

create_exception!(_newsmill, Error, PyException, "Anything newsmill could not do with an input.");
create_exception!(_newsmill, InputError, Error, "The input cannot be read as a page: empty, binary, corrupt.");
create_exception!(_newsmill, TooLargeError, InputError, "The input is over the pipeline's size limit (max_mb).");
create_exception!(_newsmill, TimedOutError, Error, "The document ran past the pipeline's time budget (timeout_ms).");
create_exception!(_newsmill, InternalError, Error, "A fault inside newsmill: please report the input.");

/// The exception for a per-document error.
pub fn to_py(err: newsmill::Error) -> PyErr {
    let message = err.to_string();
    match err.kind() {
        ErrorKind::TooLarge { .. } => TooLargeError::new_err(message),
        ErrorKind::TimedOut { .. } => TimedOutError::new_err(message),
        ErrorKind::Internal(_) => InternalError::new_err(message),
        _ => InputError::new_err(message),
    }
}

pub fn register(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let py = m.py();
    m.add("Error", py.get_type::<Error>())?;
    m.add("InputError", py.get_type::<InputError>())?;
    m.add("TooLargeError", py.get_type::<TooLargeError>())?;
    m.add("TimedOutError", py.get_type::<TimedOutError>())?;
    m.add("InternalError", py.get_type::<InternalError>())?;
    Ok(())
}
