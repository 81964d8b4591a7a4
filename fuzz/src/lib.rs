//! What the fuzz targets share: a heap counter that checks the memory bound of issue 13
//! (peak memory at most 20 times the input size) on every execution, the pipeline as the
//! CLI runs it, and the input readers driven through their public API (`Inputs::from_reader`).

use std::sync::LazyLock;
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use newsmill_analyze::{Resources, analyze};
use newsmill::{Inputs, ReadConfig};
use newsmill_extract::{ContentKind, ExtractConfig, RawDoc, extract};

#[path = "../../crates/newsmill/tests/support/counting.rs"]
mod counting;
pub use counting::{Counting, extra_heap};

#[global_allocator]
static ALLOC: Counting = Counting;

/// Inputs at least this long count toward the worst ratios: below them fixed buffers (the
/// readers' two 64 KiB buffers, the DOM's first nodes) dominate any ratio.
const RATIO_FLOORS: [usize; 2] = [4 << 10, 32 << 10];

static WORST_RATIO_MILLI: [AtomicUsize; 2] = [AtomicUsize::new(0), AtomicUsize::new(0)];
static WORST_BYTES: AtomicUsize = AtomicUsize::new(0);

/// Runs `f` on an input of `input_len` bytes and reports on stderr each time the extra heap
/// it needed at its peak sets a new record: in bytes, and per input byte for inputs of at
/// least 4 KiB and of at least 32 KiB. The last such lines of a campaign are its figures.
pub fn measured<R>(target: &str, input_len: usize, f: impl FnOnce() -> R) -> R {
    let (out, extra) = extra_heap(f);
    if extra > WORST_BYTES.fetch_max(extra, Relaxed) {
        eprintln!("MEM {target}: new peak +{extra} B heap for a {input_len} B input");
    }
    for (floor, worst) in RATIO_FLOORS.iter().zip(&WORST_RATIO_MILLI) {
        if input_len >= *floor {
            let ratio = extra * 1000 / input_len;
            if ratio > worst.fetch_max(ratio, Relaxed) {
                eprintln!(
                    "MEM {target}: inputs >= {} KiB: new worst ratio {:.2}x (+{extra} B heap for a {input_len} B input)",
                    floor >> 10,
                    ratio as f64 / 1000.0
                );
            }
        }
    }
    out
}

/// The models, loaded once per process as the CLI does.
pub static RESOURCES: LazyLock<Resources> = LazyLock::new(|| Resources::embedded().expect("built-in models load"));

/// Loads the models and runs the sample pages through the pipeline once, so what is made on
/// first use (models, compiled regexes) is not counted against the first fuzz inputs.
pub fn warm_up() {
    LazyLock::force(&RESOURCES);
    pipeline(include_bytes!("../../samples/pages/harbour-bridge-reopens.html"), ContentKind::Html);
    pipeline(include_bytes!("../../samples/pages/regional-elections-de.html"), ContentKind::Html);
    pipeline(include_bytes!("../../samples/pages/rt-2018-11-09-taliban.txt"), ContentKind::Text);
    pipeline(include_bytes!("../seeds/extract_html/edge.html"), ContentKind::Html);
    pipeline(include_bytes!("../seeds/extract_text/briefs.txt"), ContentKind::Text);
    pipeline(WARM_UP_PAGE.as_bytes(), ContentKind::Html);
}

/// Touches what the sample pages do not, so that state built once on first use (compiled
/// regular expressions and their caches) is not counted against the first fuzz input.
const WARM_UP_PAGE: &str = r#"<html><head><title>Warm up</title>
<script type="application/ld+json">{"@type":"NewsArticle","headline":"Warm up","datePublished":"2024-05-02"}</script>
<script>window.__STATE__={"publishedDate":"2024-05-02T10:00:00Z"};</script></head>
<body><nav><a href="/">Home</a></nav><article><h1>Warm up</h1><time datetime="2024-05-02">2 May 2024</time>
<p class="byline">By Ann Lee</p><p>We use cookies. "It works," said Ann Lee, 42, on Tuesday in Paris.</p>
<table><tr><td>$3.5 million</td><td>12%</td></tr></table><ul><li>one</li></ul></article>
<footer>Leave a reply</footer></body></html>"#;

/// One input through extraction and, when that succeeds, analysis: what `newsmill extract`
/// and `ingest` do per document (without the CLI's catch_unwind, so a panic is a finding).
pub fn pipeline(bytes: &[u8], kind: ContentKind) {
    let mut raw = RawDoc::from_bytes(if kind == ContentKind::Html { "f.html" } else { "f.txt" }, bytes.to_vec());
    raw.kind_hint = Some(kind);
    if let Ok(doc) = extract(&raw, &ExtractConfig::default()) {
        let article = analyze(doc, &RESOURCES);
        // The article is what the CLI prints: serializing it must not fail either.
        serde_json::to_vec(&article).expect("an article serializes");
    }
}

/// How a reader target's first byte shapes the rest of its input:
/// - bits 0-1: 0 or 1 as is, 2 gzip-compressed, 3 gzip-compressed then cut short;
/// - bits 2-3: the reader's `max_bytes`: 512 B, 8 KiB, 64 KiB or the default 64 MiB;
/// - bit 4: the target's `prefix` is put before the rest (a valid record or line, so the
///   reader takes the input for a WARC archive or a JSONL dump);
/// - bits 5-7: where a cut gzip stream ends, in ninths of its length.
pub struct ReaderInput {
    pub file: Vec<u8>,
    pub max_bytes: u64,
}

impl ReaderInput {
    pub fn decode(data: &[u8], prefix: &[u8]) -> ReaderInput {
        let Some((&mode, rest)) = data.split_first() else {
            return ReaderInput { file: Vec::new(), max_bytes: 512 };
        };
        let max_bytes = [512, 8 << 10, 64 << 10, 64 << 20][usize::from(mode >> 2 & 3)];
        let mut plain = Vec::with_capacity(prefix.len() + rest.len());
        if mode & 0x10 != 0 {
            plain.extend_from_slice(prefix);
        }
        plain.extend_from_slice(rest);
        let file = match mode & 3 {
            0 | 1 => plain,
            compressed => {
                let mut gz = gzip(&plain);
                if compressed == 3 {
                    gz.truncate(gz.len() * (usize::from(mode >> 5) + 1) / 9);
                }
                gz
            }
        };
        ReaderInput { file, max_bytes }
    }
}

pub fn gzip(bytes: &[u8]) -> Vec<u8> {
    use std::io::Write;
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
    enc.write_all(bytes).expect("writing to memory");
    enc.finish().expect("writing to memory")
}

/// Reads `file` as the CLI reads an input file, to the end: every document or error.
pub fn read_all(file: &[u8], max_bytes: u64) {
    let source = Box::new(std::io::Cursor::new(file.to_vec()));
    let mut inputs = Inputs::from_reader("fuzz-input", source, ReadConfig { max_bytes });
    for item in inputs.by_ref() {
        match item {
            Ok(raw) => {
                assert!(raw.bytes.len() as u64 <= max_bytes, "a document over max_bytes was returned");
                assert!(!raw.bytes.is_empty() || raw.kind_hint.is_some(), "an empty page from a whole file");
            }
            Err(e) => {
                let _ = e.to_string();
            }
        }
    }
    let (read, total) = inputs.progress();
    assert!(total.is_none_or(|t| read <= t), "read {read} of {total:?} bytes");
    let _ = inputs.skipped();
}
