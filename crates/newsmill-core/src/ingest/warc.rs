//! WARC archives (`.warc`, `.warc.gz`, as Common Crawl publishes them): each `response`
//! record holding an HTML page becomes one [`RawDoc`], with the record's target URI as its
//! URL and its date as fetch time. Other records (requests, metadata, non-HTML responses)
//! are skipped and counted.
//!
//! The framing is read here rather than through a WARC crate so that memory per record is
//! bounded by `--max-mb` (a record's claimed length is never allocated up front) and a
//! truncated archive ends with one error naming the record, after every record before it.

use std::io::{self, BufRead, Read};

use crate::error::{Error, ErrorKind};
use crate::model::{ContentKind, RawDoc};

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
    /// Records read that were not HTML responses.
    pub(crate) skipped: u64,
}

impl WarcRecords {
    pub(crate) fn new(name: String, input: Box<dyn BufRead + Send>) -> Self {
        WarcRecords { name, input, record: 0, skipped: 0 }
    }

    /// The next HTML page, an error for a bad record, or `None` at the end. After an error
    /// the archive cannot be resynchronised, so iteration ends.
    pub(crate) fn next_page(&mut self, max_bytes: u64) -> Option<Result<RawDoc, Error>> {
        loop {
            self.record += 1;
            let header = match read_header(&mut self.input) {
                Ok(Some(h)) => h,
                Ok(None) => return None,
                Err(reason) => return Some(Err(self.error(reason))),
            };
            let wanted = header.kind == "response" && header.content_type.starts_with("application/http");
            if !wanted || header.length > max_bytes {
                if let Err(e) = skip(&mut self.input, header.length) {
                    return Some(Err(self.error(e)));
                }
                if wanted {
                    let kind = ErrorKind::TooLarge { size: header.length, limit: max_bytes };
                    return Some(Err(Error::new(self.record_name(&header), kind)));
                }
                self.skipped += 1;
                continue;
            }
            let mut block = Vec::with_capacity(header.length.min(1 << 20) as usize);
            match (&mut self.input).take(header.length).read_to_end(&mut block) {
                Ok(n) if (n as u64) < header.length => {
                    let reason = format!("the archive ends {} bytes into a {}-byte record", n, header.length);
                    return Some(Err(self.error(reason)));
                }
                Ok(_) => {}
                Err(e) => return Some(Err(self.error(e.to_string()))),
            }
            match http_page(&block) {
                Some((bytes, charset)) => {
                    return Some(Ok(RawDoc {
                        source: self.record_name(&header),
                        url: header.target_uri,
                        fetched: header.date,
                        bytes,
                        kind_hint: Some(ContentKind::Html),
                        charset_hint: charset,
                    }));
                }
                None => self.skipped += 1,
            }
        }
    }

    fn record_name(&self, header: &RecordHeader) -> String {
        header.target_uri.clone().unwrap_or_else(|| format!("{}#{}", self.name, self.record))
    }

    fn error(&mut self, reason: impl Into<String>) -> Error {
        // Nothing after a broken record can be trusted: drain nothing, end here.
        self.input = Box::new(io::empty());
        Error::new(self.name.clone(), ErrorKind::Warc { record: self.record, reason: reason.into() })
    }
}

/// Reads a record header; `Ok(None)` at a clean end of input.
fn read_header(input: &mut Box<dyn BufRead + Send>) -> Result<Option<RecordHeader>, String> {
    let mut line = Vec::new();
    // Records are separated by blank lines; skip them before the version line.
    loop {
        line.clear();
        let n = input.take(8192).read_until(b'\n', &mut line).map_err(|e| e.to_string())?;
        if n == 0 {
            return Ok(None);
        }
        if !line.iter().all(u8::is_ascii_whitespace) {
            break;
        }
    }
    if !line.starts_with(WARC_MAGIC) {
        return Err("expected a WARC/1.x version line".into());
    }
    let mut header = RecordHeader::default();
    let mut has_length = false;
    for _ in 0..1000 {
        line.clear();
        let n = input.take(65536).read_until(b'\n', &mut line).map_err(|e| e.to_string())?;
        if n == 0 {
            return Err("the archive ends inside a record header".into());
        }
        let text = String::from_utf8_lossy(&line);
        let text = text.trim_end();
        if text.is_empty() {
            return if has_length { Ok(Some(header)) } else { Err("the record has no Content-Length".into()) };
        }
        let Some((key, value)) = text.split_once(':') else { continue };
        let value = value.trim();
        match key.trim().to_ascii_lowercase().as_str() {
            "warc-type" => header.kind = value.to_ascii_lowercase(),
            "warc-target-uri" => header.target_uri = Some(value.trim_matches(['<', '>']).to_string()),
            "warc-date" => header.date = Some(value.to_string()),
            "content-type" => header.content_type = value.to_ascii_lowercase(),
            "content-length" => {
                header.length = value.parse().map_err(|_| format!("bad Content-Length {value:?}"))?;
                has_length = true;
            }
            _ => {}
        }
    }
    Err("the record header has too many lines".into())
}

fn skip(input: &mut Box<dyn BufRead + Send>, length: u64) -> Result<(), String> {
    let copied = io::copy(&mut input.take(length), &mut io::sink()).map_err(|e| e.to_string())?;
    if copied < length {
        return Err(format!("the archive ends {copied} bytes into a {length}-byte record"));
    }
    Ok(())
}

/// The body of an HTTP response that holds HTML (or says nothing of its type), with the
/// charset its header names. `None` for other responses.
fn http_page(block: &[u8]) -> Option<(Vec<u8>, Option<String>)> {
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
    let body = block[split.0 + split.1..].to_vec();
    (!body.is_empty()).then_some((body, charset))
}

fn find(haystack: &[u8], needle: &[u8]) -> Option<usize> {
    haystack.windows(needle.len()).position(|w| w == needle)
}

#[cfg(test)]
mod tests {
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
        let archive = [
            record("warcinfo", "", "software: test"),
            record("request", "http://x/a", "GET /a HTTP/1.1\r\n\r\n"),
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
        assert_eq!(skipped, 3);
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

    #[test]
    fn garbage_is_a_clear_error() {
        let (items, _) = pages("WARC/1.0\r\nContent-Length: lots\r\n\r\n".into());
        assert!(items[0].as_ref().unwrap_err().to_string().contains("Content-Length"));
    }
}
