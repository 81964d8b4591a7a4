//! [`RawDoc`]: an input's bytes plus what is known about it from outside.

/// What kind of content an input holds. Decided from the content itself, never from a file
/// extension (extraction sniffs it from the content).
#[derive(Debug, Clone, Copy, PartialEq, Eq, serde::Serialize, serde::Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum ContentKind {
    /// An HTML page: goes through the DOM extractor.
    Html,
    /// Text a scraper already flattened, page chrome included: goes through the line extractor.
    Text,
}

/// One input document before extraction.
#[derive(Debug, Clone, Default)]
pub struct RawDoc {
    /// Where it came from: a path, `-` for stdin, or the JSONL/WARC URL. Reported back as
    /// `source` so a caller can map results to inputs.
    pub source: String,
    /// The URL the page was fetched from, when known (JSONL `url`, WARC target URI).
    pub url: Option<String>,
    /// When the page was fetched, ISO 8601, when known.
    pub fetched: Option<String>,
    /// The raw bytes, already un-gzipped.
    pub bytes: Vec<u8>,
    /// The kind of content when the container says so (a JSONL `html` or `text` field);
    /// `None` means sniff it.
    pub kind_hint: Option<ContentKind>,
    /// A charset named outside the bytes (an HTTP header), tried before detection.
    pub charset_hint: Option<String>,
}

impl RawDoc {
    pub fn from_bytes(source: impl Into<String>, bytes: Vec<u8>) -> Self {
        RawDoc { source: source.into(), bytes, ..RawDoc::default() }
    }
}
