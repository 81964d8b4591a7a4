//! Errors of the library: one opaque [`Error`] naming the input, with a [`ErrorKind`] saying
//! what went wrong and, where there is one, what to do about it.

use std::fmt;

/// An error about one input document. It always names the input, so a batch can report it
/// on one line and go on.
#[derive(Debug)]
pub struct Error {
    source_name: String,
    kind: ErrorKind,
}

impl Error {
    pub fn new(source_name: impl Into<String>, kind: ErrorKind) -> Self {
        Error { source_name: source_name.into(), kind }
    }

    /// The input this error is about: a path, a URL, or `path:line` for JSONL.
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    pub fn kind(&self) -> &ErrorKind {
        &self.kind
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.source_name, self.kind)
    }
}

impl std::error::Error for Error {
    fn source(&self) -> Option<&(dyn std::error::Error + 'static)> {
        self.kind.source()
    }
}

/// What went wrong with one input.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ErrorKind {
    #[error("cannot read it: {0}")]
    Io(#[source] std::io::Error),
    #[error("it is empty (0 bytes)")]
    Empty,
    #[error(
        "it is binary data, not a web page or text ({control} control bytes in the first {window}); \
         pass HTML, plain text, .gz, .jsonl or WARC files"
    )]
    Binary { control: usize, window: usize },
    #[error("its gzip stream is corrupt or truncated after {decoded} bytes: {source}")]
    Gzip { decoded: usize, source: std::io::Error },
    #[error("it is {size} bytes, over the limit of {limit}; raise --max-mb to accept it")]
    TooLarge { size: u64, limit: u64 },
    #[error("line {line} is not a JSON object: {source}")]
    JsonLine { line: usize, source: serde_json::Error },
    #[error("line {line} has neither an \"html\" nor a \"text\" string field")]
    JsonLineFields { line: usize },
    #[error("newsmill failed on it ({0}); the rest of the batch went on — please report this input")]
    Internal(String),
    #[error("WARC record {record} is malformed or truncated: {reason}; the other records are read")]
    Warc { record: usize, reason: String },
    #[error("it ran past its time budget of {budget:?} and was stopped; the rest of the batch went on")]
    TimedOut { budget: std::time::Duration },
}
