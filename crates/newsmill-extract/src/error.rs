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
    /// An error of `kind` about the input named `source_name`.
    pub fn new(source_name: impl Into<String>, kind: ErrorKind) -> Self {
        Error { source_name: source_name.into(), kind }
    }

    /// The input this error is about: a path, a URL, or `path:line` for JSONL.
    pub fn source_name(&self) -> &str {
        &self.source_name
    }

    /// What went wrong.
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

/// What went wrong with one input. Each variant's fields are the figures its message prints.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
#[allow(missing_docs)] // the fields: named for the figure they hold, explained by the message
pub enum ErrorKind {
    /// The input could not be read.
    #[error("cannot read it: {0}")]
    Io(#[source] std::io::Error),
    /// The input has no bytes.
    #[error("it is empty (0 bytes)")]
    Empty,
    /// The input is binary data (an image, a PDF, an archive).
    #[error(
        "it is binary data, not a web page or text ({control} control bytes in the first {window}); \
         pass HTML, plain text, .gz, .jsonl or WARC files"
    )]
    Binary { control: usize, window: usize },
    /// A gzip stream is damaged.
    #[error("its gzip stream is corrupt or truncated after {decoded} bytes: {source}")]
    Gzip { decoded: usize, source: std::io::Error },
    /// The input is over the size limit.
    #[error("it is {size} bytes, over the limit of {limit}; raise --max-mb to accept it")]
    TooLarge { size: u64, limit: u64 },
    /// A JSONL line is not a JSON object.
    #[error("line {line} is not a JSON object: {source}")]
    JsonLine { line: usize, source: serde_json::Error },
    /// A JSONL line has no page in it.
    #[error("line {line} has neither an \"html\" nor a \"text\" string field")]
    JsonLineFields { line: usize },
    /// A bug: the document panicked the extractor or the analysis.
    #[error("newsmill failed on it ({0}); the rest of the batch went on — please report this input")]
    Internal(String),
    /// A WARC record is damaged.
    #[error("WARC record {record} is malformed or truncated: {reason}; the other records are read")]
    Warc { record: usize, reason: String },
    /// The document ran past its time budget.
    #[error("it ran past its time budget of {budget:?} and was stopped; the rest of the batch went on")]
    TimedOut { budget: std::time::Duration },
}
