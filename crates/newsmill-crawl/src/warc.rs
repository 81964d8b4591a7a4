//! WARC/1.1 files as Common Crawl's news crawl writes them: a `warcinfo` record first, then
//! a `request` and a `response` record per fetch, each record its own gzip member (so a
//! reader can seek to any record and a damaged one costs only itself), and a new file once
//! one passes its size. The response's HTTP block holds the body as decoded: its
//! `Content-Encoding` and `Transfer-Encoding` are renamed `X-Crawler-…` and its
//! `Content-Length` set to the bytes kept, as Common Crawl does, so readers need not undo
//! what the client already undid.

use std::fs::{File, OpenOptions};
use std::io::{self, BufWriter, Write};
use std::path::{Path, PathBuf};
use std::sync::atomic::{AtomicU64, Ordering};

use flate2::Compression;
use flate2::write::GzEncoder;

/// Files are rotated once they pass this size (Common Crawl's are about 1 GB).
pub const DEFAULT_MAX_FILE_BYTES: u64 = 1 << 30;

/// One HTTP exchange to archive.
#[derive(Debug)]
pub struct Exchange<'a> {
    pub target_uri: &'a str,
    /// The request as sent: request line and headers.
    pub request_head: String,
    /// The status line and headers as received (before the renaming above).
    pub status_line: String,
    pub headers: Vec<(String, String)>,
    /// The body as read (decoded); empty when it was refused.
    pub body: &'a [u8],
    /// Set when the body was cut at the size limit: WARC's `WARC-Truncated: length`.
    pub truncated: bool,
}

/// Writes exchanges to `.warc.gz` files in one folder.
pub struct WarcWriter {
    dir: PathBuf,
    max_file_bytes: u64,
    software: String,
    current: Option<OpenFile>,
}

struct OpenFile {
    out: BufWriter<File>,
    written: u64,
    warcinfo_id: String,
}

impl WarcWriter {
    /// A writer into `dir` (created if missing); nothing is written before the first record.
    pub fn new(dir: &Path, max_file_bytes: u64, software: &str) -> io::Result<WarcWriter> {
        std::fs::create_dir_all(dir)?;
        Ok(WarcWriter { dir: dir.to_path_buf(), max_file_bytes, software: software.to_string(), current: None })
    }

    /// Appends the request and response records of one exchange.
    pub fn write_exchange(&mut self, ex: &Exchange) -> io::Result<()> {
        let date = warc_date();
        let response_id = record_id();
        let request_id = record_id();
        let file = self.open_file()?;
        let warcinfo = file.warcinfo_id.clone();
        let mut request_block = ex.request_head.clone().into_bytes();
        request_block.extend_from_slice(b"\r\n");
        let request_fields = [
            ("WARC-Type", "request"),
            ("WARC-Target-URI", ex.target_uri),
            ("WARC-Date", &date),
            ("WARC-Record-ID", &request_id),
            ("WARC-Concurrent-To", &response_id),
            ("WARC-Warcinfo-ID", &warcinfo),
            ("Content-Type", "application/http; msgtype=request"),
        ];
        file.record(&request_fields, &request_block)?;
        let mut response_block = response_head(ex).into_bytes();
        response_block.extend_from_slice(ex.body);
        let mut response_fields = vec![
            ("WARC-Type", "response"),
            ("WARC-Target-URI", ex.target_uri),
            ("WARC-Date", date.as_str()),
            ("WARC-Record-ID", response_id.as_str()),
            ("WARC-Warcinfo-ID", warcinfo.as_str()),
            ("Content-Type", "application/http; msgtype=response"),
        ];
        if ex.truncated {
            response_fields.push(("WARC-Truncated", "length"));
        }
        file.record(&response_fields, &response_block)?;
        file.out.flush()?;
        if file.written >= self.max_file_bytes {
            self.current = None;
        }
        Ok(())
    }

    /// The open file, or a new one that starts with its `warcinfo` record.
    fn open_file(&mut self) -> io::Result<&mut OpenFile> {
        if self.current.is_none() {
            let (path, file) = new_file(&self.dir)?;
            let name = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let mut open = OpenFile { out: BufWriter::new(file), written: 0, warcinfo_id: record_id() };
            let info = format!(
                "software: {}\r\nformat: WARC File Format 1.1\r\nconformsTo: https://iipc.github.io/warc-specifications/specifications/warc-format/warc-1.1/\r\n",
                self.software
            );
            let date = warc_date();
            let id = open.warcinfo_id.clone();
            let fields = [
                ("WARC-Type", "warcinfo"),
                ("WARC-Date", date.as_str()),
                ("WARC-Filename", name.as_str()),
                ("WARC-Record-ID", id.as_str()),
                ("Content-Type", "application/warc-fields"),
            ];
            open.record(&fields, info.as_bytes())?;
            self.current = Some(open);
        }
        self.current.as_mut().ok_or_else(|| io::Error::other("no open WARC file"))
    }
}

impl OpenFile {
    /// One record as its own gzip member.
    fn record(&mut self, fields: &[(&str, &str)], block: &[u8]) -> io::Result<()> {
        let mut head = String::from("WARC/1.1\r\n");
        for (name, value) in fields {
            head.push_str(&format!("{name}: {}\r\n", one_line(value)));
        }
        head.push_str(&format!("Content-Length: {}\r\n\r\n", block.len()));
        let mut gz = GzEncoder::new(Vec::with_capacity(block.len() / 3 + 512), Compression::default());
        gz.write_all(head.as_bytes())?;
        gz.write_all(block)?;
        gz.write_all(b"\r\n\r\n")?;
        let member = gz.finish()?;
        self.out.write_all(&member)?;
        self.written += member.len() as u64;
        Ok(())
    }
}

/// The response's status line and headers as archived: encodings the client undid are
/// renamed, and the length is that of the body kept.
fn response_head(ex: &Exchange) -> String {
    let mut head = format!("{}\r\n", one_line(&ex.status_line));
    for (name, value) in &ex.headers {
        let lower = name.to_ascii_lowercase();
        let name = match lower.as_str() {
            "content-encoding" | "transfer-encoding" | "content-length" => format!("X-Crawler-{name}"),
            _ => name.clone(),
        };
        head.push_str(&format!("{}: {}\r\n", one_line(&name), one_line(value)));
    }
    head.push_str(&format!("Content-Length: {}\r\n\r\n", ex.body.len()));
    head
}

/// A header value on one line: a CR or LF from a hostile server cannot forge fields.
fn one_line(value: &str) -> String {
    value.replace(['\r', '\n'], " ")
}

/// A file name that no earlier run used: `newsmill-crawl-<UTC time>-<n>.warc.gz`.
fn new_file(dir: &Path) -> io::Result<(PathBuf, File)> {
    let stamp = chrono::Utc::now().format("%Y%m%d%H%M%S");
    for n in 0..100_000u32 {
        let path = dir.join(format!("newsmill-crawl-{stamp}-{n:05}.warc.gz"));
        match OpenOptions::new().write(true).create_new(true).open(&path) {
            Ok(file) => return Ok((path, file)),
            Err(e) if e.kind() == io::ErrorKind::AlreadyExists => continue,
            Err(e) => return Err(e),
        }
    }
    Err(io::Error::other(format!("no free WARC file name in {}", dir.display())))
}

fn warc_date() -> String {
    chrono::Utc::now().format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

/// `<urn:uuid:…>` from 128 random bits (std's per-process random hash keys, a counter and
/// the clock), formatted as a version-4 UUID.
fn record_id() -> String {
    use std::hash::{BuildHasher, RandomState};
    static COUNTER: AtomicU64 = AtomicU64::new(0);
    let n = COUNTER.fetch_add(1, Ordering::Relaxed);
    let nanos = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_nanos());
    let state = RandomState::new();
    let hi = state.hash_one((n, nanos, 1u8));
    let lo = state.hash_one((n, nanos, 2u8));
    let mut bytes = [0u8; 16];
    bytes[..8].copy_from_slice(&hi.to_be_bytes());
    bytes[8..].copy_from_slice(&lo.to_be_bytes());
    bytes[6] = (bytes[6] & 0x0f) | 0x40;
    bytes[8] = (bytes[8] & 0x3f) | 0x80;
    let h: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
    format!("<urn:uuid:{}-{}-{}-{}-{}>", &h[..8], &h[8..12], &h[12..16], &h[16..20], &h[20..])
}

#[cfg(test)]
mod tests {
    use std::io::Read;

    use super::*;

    fn exchange<'a>(uri: &'a str, body: &'a [u8]) -> Exchange<'a> {
        Exchange {
            target_uri: uri,
            request_head: "GET / HTTP/1.1\r\nHost: news.example\r\n".to_string(),
            status_line: "HTTP/1.1 200 OK".into(),
            headers: vec![
                ("Content-Type".into(), "text/html; charset=utf-8".into()),
                ("Content-Encoding".into(), "gzip".into()),
                ("Content-Length".into(), "12".into()),
            ],
            body,
            truncated: false,
        }
    }

    fn read_all(dir: &Path) -> Vec<String> {
        let mut files: Vec<_> = std::fs::read_dir(dir).unwrap().map(|e| e.unwrap().path()).collect();
        files.sort();
        files
            .iter()
            .map(|f| {
                let mut text = String::new();
                flate2::read::MultiGzDecoder::new(File::open(f).unwrap()).read_to_string(&mut text).unwrap();
                text
            })
            .collect()
    }

    #[test]
    fn warcinfo_first_then_request_and_response_with_the_decoded_length() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = WarcWriter::new(dir.path(), DEFAULT_MAX_FILE_BYTES, "newsmill test").unwrap();
        w.write_exchange(&exchange("http://news.example/a.html", b"<p>Hello</p>")).unwrap();
        let files = read_all(dir.path());
        assert_eq!(files.len(), 1);
        let text = &files[0];
        let types: Vec<&str> = text.lines().filter_map(|l| l.strip_prefix("WARC-Type: ")).collect();
        assert_eq!(types, ["warcinfo", "request", "response"]);
        assert!(text.contains("X-Crawler-Content-Encoding: gzip\r\n"), "{text}");
        assert!(
            text.contains("X-Crawler-Content-Length: 12\r\nContent-Length: 12\r\n\r\n<p>Hello</p>\r\n\r\n"),
            "{text}"
        );
        assert!(text.contains("Content-Type: application/http; msgtype=response\r\n"));
        // Each record's Content-Length is that of its block.
        let response = text.rsplit("WARC/1.1\r\n").next().unwrap();
        let length: usize = response.lines().find_map(|l| l.strip_prefix("Content-Length: ")).unwrap().parse().unwrap();
        let block = response.split_once("\r\n\r\n").unwrap().1;
        assert_eq!(block.len(), length + 4, "block then the two CRLFs that end a record");
    }

    #[test]
    fn files_rotate_by_size_each_with_its_warcinfo() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = WarcWriter::new(dir.path(), 1, "newsmill test").unwrap();
        w.write_exchange(&exchange("http://news.example/a.html", b"a")).unwrap();
        w.write_exchange(&exchange("http://news.example/b.html", b"b")).unwrap();
        let files = read_all(dir.path());
        assert_eq!(files.len(), 2);
        assert!(files.iter().all(|f| f.starts_with("WARC/1.1\r\nWARC-Type: warcinfo")));
    }

    #[test]
    fn header_values_cannot_inject_fields_and_ids_are_uuids() {
        let dir = tempfile::tempdir().unwrap();
        let mut w = WarcWriter::new(dir.path(), DEFAULT_MAX_FILE_BYTES, "t").unwrap();
        let mut ex = exchange("http://news.example/a.html\r\nWARC-Type: evil", b"");
        ex.truncated = true;
        w.write_exchange(&ex).unwrap();
        let text = &read_all(dir.path())[0];
        assert!(!text.contains("\r\nWARC-Type: evil"));
        assert!(text.contains("WARC-Truncated: length"));
        let id = record_id();
        assert_eq!(id.len(), "<urn:uuid:>".len() + 36, "{id}");
        assert_ne!(record_id(), record_id());
    }
}
