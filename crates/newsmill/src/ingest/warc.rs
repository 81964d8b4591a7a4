//! WARC archives (`.warc`, `.warc.gz`, as Common Crawl publishes them): each `response`
//! record holding an HTML page becomes one [`RawDoc`], with the record's target URI as its
//! URL and its date as fetch time. Other records (requests, metadata, non-HTML responses)
//! are skipped and counted.
//!
//! The framing is read here rather than through a WARC crate so that memory per record is
//! bounded by `--max-mb` (a record's claimed length is never allocated up front, and a record
//! that is not HTML is skipped by its length whatever its size) and a bad record costs only
//! itself: an over-limit page is reported and skipped, a damaged record or gzip member is
//! reported and reading resumes at the next record, a truncated archive ends with one error
//! naming the record, after every record before it.

use std::io::{self, BufRead, Read};

use newsmill_extract::{Error, ErrorKind};
use newsmill_model::{ContentKind, RawDoc};

pub(crate) const WARC_MAGIC: &[u8] = b"WARC/";

/// The header fields of a record that ingest uses.
#[derive(Debug, Default)]
struct RecordHeader {
    kind: String,
    target_uri: Option<String>,
    date: Option<String>,
    content_type: String,
    length: u64,
}

pub(crate) struct WarcRecords {
    name: String,
    input: Box<dyn BufRead + Send>,
    record: usize,
    /// After a damaged record: look for the next `WARC/` version line before reading on.
    resync: bool,
    /// Records read that were not HTML responses.
    pub(crate) skipped: u64,
}

/// Bytes of a response block read before deciding whether it holds HTML: the HTTP header.
const HTTP_HEAD_BYTES: u64 = 64 * 1024;

impl WarcRecords {
    pub(crate) fn new(name: String, input: Box<dyn BufRead + Send>) -> Self {
        WarcRecords { name, input, record: 0, resync: false, skipped: 0 }
    }

    /// The next HTML page, an error for a bad or over-long record, or `None` at the end. A
    /// bad record costs only itself: reading goes on at the next record that can be found.
    pub(crate) fn next_page(&mut self, max_bytes: u64) -> Option<Result<RawDoc, Error>> {
        loop {
            self.record += 1;
            while std::mem::take(&mut self.resync) {
                match skip_to_version_line(&mut self.input) {
                    Ok(true) => {}
                    Ok(false) => return None,
                    // More of the damage already reported: keep looking.
                    Err(e) if super::gzip::is_corrupt_member(&e) => self.resync = true,
                    Err(e) => return Some(Err(self.read_error(e))),
                }
            }
            let header = match read_header(&mut self.input) {
                Ok(Some(h)) => h,
                Ok(None) => return None,
                Err(HeaderError::Io(e)) => return Some(Err(self.read_error(e))),
                Err(HeaderError::Format(reason)) => return Some(Err(self.damaged(reason))),
            };
            match self.read_record(header, max_bytes) {
                Ok(Some(page)) => return Some(page),
                Ok(None) => self.skipped += 1,
                Err(e) => return Some(Err(e)),
            }
        }
    }

    /// Reads one record's block: a page, an over-limit page as an error, or `None` for a
    /// record that is not an HTML response (skipped whatever its size).
    fn read_record(&mut self, header: RecordHeader, max_bytes: u64) -> Result<Option<Result<RawDoc, Error>>, Error> {
        let wanted = header.kind == "response"
            && header.content_type.starts_with("application/http")
            && !header.target_uri.as_deref().is_some_and(is_robots_txt);
        if !wanted {
            self.skip(header.length)?;
            return Ok(None);
        }
        // The HTTP header decides what the block holds, before the body is kept.
        let mut block = Vec::with_capacity(header.length.min(HTTP_HEAD_BYTES) as usize);
        self.read_exactly(header.length.min(HTTP_HEAD_BYTES), header.length, &mut block)?;
        let Some(head) = http_head(&block) else {
            self.skip(header.length - block.len() as u64)?;
            return Ok(None);
        };
        let body_size = header.length - head.body_start as u64;
        if body_size > max_bytes {
            self.skip(header.length - block.len() as u64)?;
            let kind = ErrorKind::TooLarge { size: body_size, limit: max_bytes };
            return Ok(Some(Err(Error::new(self.record_name(&header), kind))));
        }
        let rest = header.length - block.len() as u64;
        block.reserve(rest.min(1 << 20) as usize);
        self.read_exactly(rest, header.length, &mut block)?;
        let bytes = block.split_off(head.body_start);
        if bytes.is_empty() {
            return Ok(None);
        }
        Ok(Some(Ok(RawDoc {
            source: self.record_name(&header),
            url: header.target_uri,
            fetched: header.date,
            bytes,
            kind_hint: Some(ContentKind::Html),
            charset_hint: head.charset,
        })))
    }

    /// Appends exactly `n` bytes of the current record (of `length` in all) to `into`.
    fn read_exactly(&mut self, n: u64, length: u64, into: &mut Vec<u8>) -> Result<(), Error> {
        let before = into.len();
        match (&mut self.input).take(n).read_to_end(into) {
            Ok(got) if (got as u64) < n => {
                let reason = format!("the archive ends {} bytes into a {length}-byte record", before + got);
                Err(self.damaged(reason))
            }
            Ok(_) => Ok(()),
            Err(e) => Err(self.read_error(e)),
        }
    }

    fn skip(&mut self, length: u64) -> Result<(), Error> {
        match io::copy(&mut (&mut self.input).take(length), &mut io::sink()) {
            Ok(copied) if copied < length => {
                Err(self.damaged(format!("the archive ends {copied} bytes into a {length}-byte record")))
            }
            Ok(_) => Ok(()),
            Err(e) => Err(self.read_error(e)),
        }
    }

    fn record_name(&self, header: &RecordHeader) -> String {
        header.target_uri.clone().unwrap_or_else(|| format!("{}#{}", self.name, self.record))
    }

    /// A record that cannot be read as framed: report it, then look for the next one.
    fn damaged(&mut self, reason: impl Into<String>) -> Error {
        self.resync = true;
        Error::new(self.name.clone(), ErrorKind::Warc { record: self.record, reason: reason.into() })
    }

    /// A read error: a damaged gzip member is passed over like a damaged record; any other
    /// I/O error ends the archive, as nothing after it can be read.
    fn read_error(&mut self, e: io::Error) -> Error {
        if !super::gzip::is_corrupt_member(&e) {
            self.input = Box::new(io::empty());
        }
        self.damaged(e.to_string())
    }
}

enum HeaderError {
    Io(io::Error),
    Format(String),
}

/// Skips lines up to the next WARC version line, left unread. False at the end of input.
fn skip_to_version_line(input: &mut Box<dyn BufRead + Send>) -> io::Result<bool> {
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(false);
        }
        if buf.starts_with(WARC_MAGIC) || (buf.len() < WARC_MAGIC.len() && WARC_MAGIC.starts_with(buf)) {
            return Ok(true);
        }
        // Drop through the end of this line (or the whole buffer when it holds none).
        let n = memchr::memchr(b'\n', buf).map_or(buf.len(), |i| i + 1);
        input.consume(n);
    }
}

/// Reads a record header; `Ok(None)` at a clean end of input.
fn read_header(input: &mut Box<dyn BufRead + Send>) -> Result<Option<RecordHeader>, HeaderError> {
    let mut line = Vec::new();
    // Records are separated by blank lines; skip them before the version line.
    loop {
        line.clear();
        let n = input.take(8192).read_until(b'\n', &mut line).map_err(HeaderError::Io)?;
        if n == 0 {
            return Ok(None);
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            break;
        }
    }
    if !line.starts_with(WARC_MAGIC) {
        return Err(HeaderError::Format("expected a WARC/1.x version line".into()));
    }
    let mut header = RecordHeader::default();
    let mut has_length = false;
    for _ in 0..1000 {
        line.clear();
        let n = input.take(65536).read_until(b'\n', &mut line).map_err(HeaderError::Io)?;
        if n == 0 {
            return Err(HeaderError::Format("the archive ends inside a record header".into()));
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end();
        if text.is_empty() {
            return if has_length {
                Ok(Some(header))
            } else {
                Err(HeaderError::Format("the record has no Content-Length".into()))
            };
        }
        let Some((key, value)) = text.split_once(':') else { continue };
        let value = value.trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "warc-type" => header.kind = value.to_ascii_lowercase(),
            "warc-target-uri" => header.target_uri = Some(value.trim_matches(['<', '>']).to_string()),
            "warc-date" => header.date = Some(value.to_string()),
            "content-type" => header.content_type = value.to_ascii_lowercase(),
            "content-length" => {
                header.length =
                    value.parse().map_err(|_| HeaderError::Format(format!("bad Content-Length {value:?}")))?;
                has_length = true;
            }
            _ => {}
        }
    }
    Err(HeaderError::Format("the record header has too many lines".into()))
}

/// What the HTTP header of a response says about its body.
struct HttpHead {
    /// Where the body starts in the block.
    body_start: usize,
    charset: Option<String>,
}

/// The HTTP header of a successful response that holds HTML (or says nothing of its type);
/// `None` for other responses, or when the header does not end within `block`.
fn http_head(block: &[u8]) -> Option<HttpHead> {
    let split = find(block, b"\r\n\r\n").map(|i| (i, 4)).or_else(|| find(block, b"\n\n").map(|i| (i, 2)))?;
    let head = String::from_utf8_lossy(&block[..split.0]);
    let mut lines = head.lines();
    let status = lines.next()?;
    let code = status.split_whitespace().nth(1)?;
    if !code.starts_with('2') {
        return None;
    }
    let mut charset = None;
    for line in lines {
        let Some((key, value)) = line.split_once(':') else { continue };
        if key.trim().eq_ignore_ascii_case("content-type") {
            let value = value.trim().to_ascii_lowercase();
            if !(value.contains("html") || value.starts_with("text/plain")) {
                return None;
            }
            charset = value.split("charset=").nth(1).map(|c| c.trim_matches(['"', '\'', ' ', ';']).to_string());
        }
    }
    Some(HttpHead { body_start: split.0 + split.1, charset })
}

/// A site's robots.txt: crawls (ours and Common Crawl's) archive it beside the pages, and it
/// is served as text/plain, but it is never an article.
fn is_robots_txt(uri: &str) -> bool {
    let path = uri.split(['?', '#']).next().unwrap_or(uri);
    path.ends_with("/robots.txt") && path.matches('/').count() == 3
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    memchr::memmem::find(haystack, needle)
}

#[cfg(test)]
pub(crate) mod tests {
    use super::*;

    pub(crate) fn record(kind: &str, uri: &str, block: &str) -> String {
        let content_type = if kind == "response" { "application/http; msgtype=response" } else { "text/plain" };
        format!(
            "WARC/1.0\r\nWARC-Type: {kind}\r\nWARC-Target-URI: {uri}\r\nWARC-Date: 2018-11-10T08:00:00Z\r\n\
             Content-Type: {content_type}\r\nContent-Length: {}\r\n\r\n{block}\r\n\r\n",
            block.len()
        )
    }

    fn pages(archive: String) -> (Vec<Result<RawDoc, Error>>, u64) {
        let mut records = WarcRecords::new("a.warc".into(), Box::new(io::Cursor::new(archive.into_bytes())));
        let items = std::iter::from_fn(|| records.next_page(1 << 20)).collect();
        (items, records.skipped)
    }

    #[test]
    fn html_responses_become_pages_and_the_rest_is_counted() {
        let html = "HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=ISO-8859-1\r\n\r\n<p>Grüße</p>";
        let image = "HTTP/1.1 200 OK\r\nContent-Type: image/png\r\n\r\n\u{89}PNG";
        let robots = "HTTP/1.1 200 OK\r\nContent-Type: text/plain\r\n\r\nUser-agent: *\nDisallow: /private/\n";
        let archive = [
            record("warcinfo", "", "software: test"),
            record("request", "http://x/a", "GET /a HTTP/1.1\r\n\r\n"),
            record("response", "http://x/robots.txt", robots),
            record("response", "http://x/a", html),
            record("response", "http://x/b.png", image),
        ]
        .concat();
        let (items, skipped) = pages(archive);
        assert_eq!(items.len(), 1);
        let page = items[0].as_ref().unwrap();
        assert_eq!((page.url.as_deref(), page.fetched.as_deref()), (Some("http://x/a"), Some("2018-11-10T08:00:00Z")));
        assert_eq!(page.charset_hint.as_deref(), Some("iso-8859-1"));
        assert!(page.bytes.ends_with("<p>Grüße</p>".as_bytes()));
        assert_eq!(skipped, 4, "warcinfo, request, robots.txt and the image");
        assert!(is_robots_txt("https://x.org/robots.txt?x=1") && !is_robots_txt("http://x/docs/robots.txt"));
    }

    #[test]
    fn a_truncated_archive_keeps_what_came_before_and_names_the_record() {
        let good = record("response", "http://x/a", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>one</p>");
        let cut = record("response", "http://x/b", "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>two</p>");
        let archive = format!("{good}{}", &cut[..cut.len() - 12]);
        let (items, _) = pages(archive);
        assert_eq!(items.len(), 2);
        assert!(items[0].is_ok());
        let err = items[1].as_ref().unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Warc { record: 2, .. }), "{err}");
    }

    fn html(body: &str) -> String {
        format!("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n{body}")
    }

    #[test]
    fn an_over_limit_page_is_reported_and_the_records_after_it_are_read() {
        let big = format!("<p>{}</p>", "x".repeat(3000));
        let pdf = format!("HTTP/1.1 200 OK\r\nContent-Type: application/pdf\r\n\r\n%PDF{}", "\u{1}".repeat(5000));
        let archive = [
            record("response", "http://x/big", &html(&big)),
            record("response", "http://x/doc.pdf", &pdf),
            record("response", "http://x/after", &html("<p>after</p>")),
        ]
        .concat();
        let mut records = WarcRecords::new("a.warc".into(), Box::new(io::Cursor::new(archive.into_bytes())));
        let items: Vec<_> = std::iter::from_fn(|| records.next_page(1000)).collect();
        assert_eq!(items.len(), 2, "{items:?}");
        let err = items[0].as_ref().unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::TooLarge { size: 3007, limit: 1000 }), "{err}");
        assert_eq!(err.source_name(), "http://x/big");
        assert_eq!(items[1].as_ref().unwrap().url.as_deref(), Some("http://x/after"));
        assert_eq!(records.skipped, 1, "the PDF is skipped and counted, not an error");
    }

    #[test]
    fn a_damaged_record_costs_only_itself() {
        let good = |u: &str| record("response", u, &html("<p>ok</p>"));
        let bad = "WARC/1.0\r\nWARC-Type: response\r\nContent-Length: lots\r\n\r\nHTTP/1.1 200 OK\r\n\r\nbody\r\n\r\n";
        let (items, _) = pages([good("http://x/1"), bad.to_string(), good("http://x/2")].concat());
        assert_eq!(items.len(), 3, "{items:?}");
        assert!(matches!(items[1].as_ref().unwrap_err().kind(), ErrorKind::Warc { record: 2, .. }));
        assert_eq!(items[2].as_ref().unwrap().url.as_deref(), Some("http://x/2"));
    }

    #[test]
    fn a_damaged_gzip_member_costs_only_its_record() {
        use std::io::Write;
        let member = |text: &str| {
            let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
            enc.write_all(text.as_bytes()).unwrap();
            enc.finish().unwrap()
        };
        let page = |u: &str| record("response", u, &html(&format!("<p>{}</p>", "words and more words ".repeat(50))));
        let mut damaged = member(&page("http://x/2"));
        let middle = damaged.len() / 2;
        damaged[middle..middle + 16].iter_mut().for_each(|b| *b ^= 0x33);
        let archive = [member(&page("http://x/1")), damaged, member(&page("http://x/3"))].concat();
        let input = super::super::gzip::decoder(io::Cursor::new(archive));
        let mut records = WarcRecords::new("a.warc.gz".into(), Box::new(input));
        let items: Vec<_> = std::iter::from_fn(|| records.next_page(1 << 20)).collect();
        let urls: Vec<_> = items.iter().filter_map(|i| i.as_ref().ok()?.url.clone()).collect();
        assert_eq!(urls, ["http://x/1", "http://x/3"], "{items:?}");
        assert_eq!(items.iter().filter(|i| i.is_err()).count(), 1, "{items:?}");
    }

    #[test]
    fn garbage_is_a_clear_error() {
        let (items, _) = pages("WARC/1.0\r\nContent-Length: lots\r\n\r\n".into());
        assert!(items[0].as_ref().unwrap_err().to_string().contains("Content-Length"));
    }
}
