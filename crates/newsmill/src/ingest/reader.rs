//! Reading inputs: files, directories (recursive, in name order), `-` for stdin, gzip by its
//! magic bytes, JSONL dumps (`{"url": …, "html": …}` or `{"url": …, "text": …}`, one
//! document per line) and WARC archives, told apart from pages by content.

use std::collections::VecDeque;
use std::fs::File;
use std::io::{self, BufRead, BufReader, Read};
use std::path::PathBuf;

use super::gzip;
use super::progress::BytesRead;
use super::warc::{WARC_MAGIC, WarcRecords};
use newsmill_extract::{Error, ErrorKind};
use newsmill_model::{ContentKind, RawDoc};

const GZIP_MAGIC: [u8; 2] = [0x1f, 0x8b];

/// Limits for reading.
#[derive(Debug, Clone)]
pub struct ReadConfig {
    /// Largest document accepted, in bytes after decompression. Bigger ones are reported and
    /// skipped, so one runaway file cannot exhaust memory.
    pub max_bytes: u64,
}

impl Default for ReadConfig {
    fn default() -> Self {
        ReadConfig { max_bytes: 64 * 1024 * 1024 }
    }
}

enum Pending {
    Path(PathBuf),
    Stdin,
    /// Bytes from elsewhere (a network stream, an embedding program), with their name.
    Reader(String, Box<dyn Read + Send>),
    /// A directory that could not be walked, reported in order.
    Failed(Error),
}

struct JsonlReader {
    name: String,
    lines: Box<dyn BufRead + Send>,
    line: usize,
}

/// An iterator over the documents of a list of inputs, in input order. Each item is one
/// document or one per-document error; a bad input never ends the iteration.
pub struct Inputs {
    pending: VecDeque<Pending>,
    jsonl: Option<JsonlReader>,
    warc: Option<WarcRecords>,
    /// WARC records skipped so far (not HTML responses).
    skipped: u64,
    config: ReadConfig,
    /// The size of all input files; unknown when stdin is among them.
    total_bytes: Option<u64>,
    read: BytesRead,
}

impl Inputs {
    /// Inputs from command-line arguments: paths, directories, or `-` for stdin.
    pub fn new<I, S>(args: I, config: ReadConfig) -> Self
    where
        I: IntoIterator<Item = S>,
        S: AsRef<str>,
    {
        let mut pending = VecDeque::new();
        let mut size = Some(0u64);
        for arg in args {
            let arg = arg.as_ref();
            if arg == "-" {
                pending.push_back(Pending::Stdin);
                size = None;
                continue;
            }
            let path = PathBuf::from(arg);
            if path.is_dir() {
                let walk = walkdir::WalkDir::new(&path).sort_by_file_name().follow_links(true);
                for entry in walk {
                    match entry {
                        Ok(e) if e.file_type().is_file() && !is_hidden(e.file_name()) => {
                            size = size.map(|s| s + e.metadata().map_or(0, |m| m.len()));
                            pending.push_back(Pending::Path(e.into_path()))
                        }
                        Ok(_) => {}
                        Err(err) => {
                            let name = err.path().map_or_else(|| arg.to_string(), |p| p.display().to_string());
                            let io = err.into_io_error().unwrap_or_else(|| io::Error::other("filesystem loop"));
                            pending.push_back(Pending::Failed(Error::new(name, ErrorKind::Io(io))));
                        }
                    }
                }
            } else {
                size = size.map(|s| s + std::fs::metadata(&path).map_or(0, |m| m.len()));
                pending.push_back(Pending::Path(path));
            }
        }
        let read = BytesRead::default();
        Inputs { pending, jsonl: None, warc: None, skipped: 0, config, total_bytes: size, read }
    }

    /// The documents of one byte source of any kind that `new` reads (page, gzip, JSONL,
    /// WARC), named `name` in errors: for programs that hold their input in memory or
    /// receive it over a network.
    pub fn from_reader(name: impl Into<String>, reader: Box<dyn Read + Send>, config: ReadConfig) -> Self {
        let mut inputs = Inputs::new(std::iter::empty::<&str>(), config);
        inputs.pending.push_back(Pending::Reader(name.into(), reader));
        inputs.total_bytes = None;
        inputs
    }

    /// Leaves out these files wherever they turn up among the inputs: a database being
    /// written inside a folder that is being read is not a document.
    pub fn excluding(mut self, files: &[PathBuf]) -> Self {
        let excluded: Vec<PathBuf> = files.iter().filter_map(|f| f.canonicalize().ok()).collect();
        if excluded.is_empty() {
            return self;
        }
        self.pending.retain(|p| match p {
            Pending::Path(path) => {
                let leave_out = path.canonicalize().is_ok_and(|c| excluded.contains(&c));
                if leave_out && let Some(total) = &mut self.total_bytes {
                    *total = total.saturating_sub(std::fs::metadata(path).map_or(0, |m| m.len()));
                }
                !leave_out
            }
            _ => true,
        });
        self
    }

    /// How far through the input files the reading is: bytes read, and the size of them all
    /// when it is known (not with stdin).
    pub fn progress(&self) -> (u64, Option<u64>) {
        (self.read.get(), self.total_bytes)
    }

    fn open(&mut self, input: Pending) -> Option<Result<RawDoc, Error>> {
        // A file's length: the page is read into a buffer of its size at once, instead of
        // one grown by doubling (copied about twice over, zeroed as it grows).
        let mut length = None;
        let (name, reader): (String, Box<dyn Read + Send>) = match input {
            Pending::Failed(err) => return Some(Err(err)),
            Pending::Stdin => ("-".to_string(), Box::new(io::stdin())),
            Pending::Reader(name, reader) => (name, reader),
            Pending::Path(path) => {
                let name = path.display().to_string();
                match File::open(&path) {
                    Ok(f) => {
                        length = f.metadata().ok().map(|m| m.len());
                        (name, Box::new(self.read.counting(f)))
                    }
                    Err(e) => return Some(Err(Error::new(name, ErrorKind::Io(e)))),
                }
            }
        };
        let mut reader = BufReader::with_capacity(64 * 1024, reader);
        let gzipped = match reader.fill_buf() {
            Ok(buf) => buf.starts_with(&GZIP_MAGIC),
            Err(e) => return Some(Err(Error::new(name, ErrorKind::Io(e)))),
        };
        let reader: Box<dyn BufRead + Send> = match (gzipped, length) {
            // A gzipped file no larger than a page may be is read whole and, when it is one
            // member, inflated in one call.
            (true, Some(n)) if n <= self.config.max_bytes => {
                let mut gz = Vec::with_capacity(n as usize);
                if let Err(e) = reader.read_to_end(&mut gz) {
                    return Some(Err(Error::new(name, ErrorKind::Io(e))));
                }
                match gzip::single_member(&gz, self.config.max_bytes) {
                    Some(page) if kind_of(&page) == Kind::Page => return Some(self.checked(name, page)),
                    Some(page) => Box::new(io::Cursor::new(page)),
                    None => Box::new(gzip::decoder(io::Cursor::new(gz))),
                }
            }
            (true, _) => Box::new(gzip::decoder(reader)),
            (false, _) => Box::new(reader),
        };
        self.read_kind(name, reader, gzipped, length)
    }

    /// The documents of `reader` (decompressed already), told apart by content.
    fn read_kind(
        &mut self,
        name: String,
        mut reader: Box<dyn BufRead + Send>,
        gzipped: bool,
        length: Option<u64>,
    ) -> Option<Result<RawDoc, Error>> {
        let kind = match reader.fill_buf() {
            Ok(head) => kind_of(head),
            Err(e) => return Some(Err(Error::new(name, read_error(e, gzipped, 0)))),
        };
        match kind {
            Kind::Warc => {
                self.warc = Some(WarcRecords::new(name, reader));
                self.next_warc()
            }
            Kind::Lines => {
                self.jsonl = Some(JsonlReader { name, lines: reader, line: 0 });
                self.next_jsonl()
            }
            Kind::Page => {
                // A gzipped page is about five times its file (HTML compresses 4–8 times): a
                // buffer of that size at once instead of a dozen doublings and their copies.
                let size = length.map(|n| if gzipped { n.saturating_mul(5) } else { n });
                Some(self.read_whole(name, reader, gzipped, size))
            }
        }
    }

    /// The whole of one document; `length`, when known, is about how many bytes it has.
    fn read_whole(
        &self,
        name: String,
        reader: Box<dyn BufRead + Send>,
        gzipped: bool,
        length: Option<u64>,
    ) -> Result<RawDoc, Error> {
        let limit = self.config.max_bytes;
        // One byte over the limit is read to tell a page at the limit from one past it.
        let mut bytes = Vec::with_capacity(length.map_or(0, |n| n.min(limit.saturating_add(1)) as usize));
        if let Err(e) = reader.take(limit.saturating_add(1)).read_to_end(&mut bytes) {
            return Err(Error::new(name, read_error(e, gzipped, bytes.len())));
        }
        if gzipped {
            // The guess may have been generous; pages wait in the pipeline's queue.
            bytes.shrink_to_fit();
        }
        self.checked(name, bytes)
    }

    /// One document's bytes as a page, unless it is too large or empty.
    fn checked(&self, name: String, bytes: Vec<u8>) -> Result<RawDoc, Error> {
        let limit = self.config.max_bytes;
        if bytes.len() as u64 > limit {
            return Err(Error::new(name, ErrorKind::TooLarge { size: bytes.len() as u64, limit }));
        }
        if bytes.is_empty() {
            return Err(Error::new(name, ErrorKind::Empty));
        }
        Ok(RawDoc::from_bytes(name, bytes))
    }

    /// Records of a WARC archive that were not HTML responses, skipped so far.
    pub fn skipped(&self) -> u64 {
        self.skipped + self.warc.as_ref().map_or(0, |w| w.skipped)
    }

    fn next_warc(&mut self) -> Option<Result<RawDoc, Error>> {
        let warc = self.warc.as_mut()?;
        let item = warc.next_page(self.config.max_bytes);
        if item.is_none() {
            self.skipped += warc.skipped;
            self.warc = None;
        }
        item
    }

    fn next_jsonl(&mut self) -> Option<Result<RawDoc, Error>> {
        let state = self.jsonl.as_mut()?;
        let limit = self.config.max_bytes;
        let mut line = Vec::new();
        loop {
            line.clear();
            state.line += 1;
            let name = format!("{}:{}", state.name, state.line);
            match (&mut state.lines).take(limit.saturating_add(1)).read_until(b'\n', &mut line) {
                Ok(0) => {
                    self.jsonl = None;
                    return None;
                }
                Ok(_) if line.iter().all(u8::is_ascii_whitespace) => continue,
                // JSON strings hold no raw newline, so the next line is the next record: skip
                // the rest of this one and go on.
                Ok(_) if line.strip_suffix(b"\n").unwrap_or(&line).len() as u64 > limit => {
                    let rest = if line.ends_with(b"\n") { Ok(0) } else { skip_line(&mut state.lines) };
                    let size = match rest {
                        Ok(rest) => line.len() as u64 + rest,
                        Err(e) => return Some(Err(self.jsonl_read_error(name, e))),
                    };
                    return Some(Err(Error::new(name, ErrorKind::TooLarge { size, limit })));
                }
                Ok(_) => return Some(parse_jsonl_line(&line, state.line, name)),
                Err(e) => return Some(Err(self.jsonl_read_error(name, e))),
            }
        }
    }

    /// A damaged gzip member loses the lines in it, and reading goes on; any other read
    /// error ends the file.
    fn jsonl_read_error(&mut self, name: String, e: io::Error) -> Error {
        if !gzip::is_corrupt_member(&e) {
            self.jsonl = None;
        }
        Error::new(name, read_error(e, true, 0))
    }
}

/// Consumes input through the next newline; returns how many bytes that was.
fn skip_line(input: &mut Box<dyn BufRead + Send>) -> io::Result<u64> {
    let mut skipped = 0u64;
    loop {
        let buf = input.fill_buf()?;
        if buf.is_empty() {
            return Ok(skipped);
        }
        let (n, done) = memchr::memchr(b'\n', buf).map_or((buf.len(), false), |i| (i + 1, true));
        input.consume(n);
        skipped += n as u64;
        if done {
            return Ok(skipped);
        }
    }
}

impl Iterator for Inputs {
    type Item = Result<RawDoc, Error>;

    fn next(&mut self) -> Option<Self::Item> {
        loop {
            if self.warc.is_some() {
                if let Some(item) = self.next_warc() {
                    return Some(item);
                }
                continue;
            }
            if self.jsonl.is_some() {
                if let Some(item) = self.next_jsonl() {
                    return Some(item);
                }
                continue;
            }
            let input = self.pending.pop_front()?;
            if let Some(item) = self.open(input) {
                return Some(item);
            }
        }
    }
}

fn is_hidden(name: &std::ffi::OsStr) -> bool {
    name.to_str().is_some_and(|n| n.starts_with('.'))
}

/// What a document's first bytes say it is.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Kind {
    Warc,
    Lines,
    Page,
}

fn kind_of(head: &[u8]) -> Kind {
    if head.starts_with(WARC_MAGIC) {
        Kind::Warc
    } else if looks_like_jsonl(head) {
        Kind::Lines
    } else {
        Kind::Page
    }
}

/// A JSONL dump starts with `{` and its first line is a JSON object with `html` or `text`.
fn looks_like_jsonl(buf: &[u8]) -> bool {
    let start = buf.iter().position(|b| !b.is_ascii_whitespace());
    if start.is_none_or(|s| buf[s] != b'{') {
        return false;
    }
    let first_line = buf.split(|&b| b == b'\n').next().unwrap_or(buf);
    match serde_json::from_slice::<serde_json::Value>(first_line) {
        Ok(value) => value.get("html").is_some() || value.get("text").is_some(),
        // The first line may be longer than the buffer: a `{` then a known key is enough.
        Err(e) if e.is_eof() => {
            let head = String::from_utf8_lossy(&first_line[..first_line.len().min(4096)]);
            head.contains("\"html\"") || head.contains("\"text\"") || head.contains("\"url\"")
        }
        Err(_) => false,
    }
}

#[derive(serde::Deserialize)]
struct JsonlRecord {
    url: Option<String>,
    html: Option<String>,
    text: Option<String>,
    #[serde(alias = "fetched", alias = "date")]
    fetch_time: Option<String>,
}

fn parse_jsonl_line(line: &[u8], number: usize, name: String) -> Result<RawDoc, Error> {
    let record: JsonlRecord = serde_json::from_slice(line)
        .map_err(|source| Error::new(name.clone(), ErrorKind::JsonLine { line: number, source }))?;
    let (body, kind) = match (record.html, record.text) {
        (Some(html), _) => (html, ContentKind::Html),
        (None, Some(text)) => (text, ContentKind::Text),
        (None, None) => return Err(Error::new(name, ErrorKind::JsonLineFields { line: number })),
    };
    Ok(RawDoc {
        source: record.url.clone().unwrap_or(name),
        url: record.url,
        fetched: record.fetch_time,
        bytes: body.into_bytes(),
        kind_hint: Some(kind),
        charset_hint: Some("utf-8".to_string()),
    })
}

fn read_error(e: io::Error, gzipped: bool, decoded: usize) -> ErrorKind {
    if gzipped
        && matches!(e.kind(), io::ErrorKind::UnexpectedEof | io::ErrorKind::InvalidInput | io::ErrorKind::InvalidData)
    {
        ErrorKind::Gzip { decoded, source: e }
    } else {
        ErrorKind::Io(e)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;
    use std::path::Path;

    fn gzip(bytes: &[u8]) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::fast());
        enc.write_all(bytes).unwrap();
        enc.finish().unwrap()
    }

    /// A scratch folder, removed when the test ends (pass or fail).
    struct TempDir(PathBuf);

    impl std::ops::Deref for TempDir {
        type Target = Path;
        fn deref(&self) -> &Path {
            &self.0
        }
    }

    impl AsRef<Path> for TempDir {
        fn as_ref(&self) -> &Path {
            &self.0
        }
    }

    impl Drop for TempDir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }

    fn temp_dir(name: &str) -> TempDir {
        let dir = std::env::temp_dir().join(format!("newsmill-reader-{name}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        TempDir(dir)
    }

    #[test]
    fn a_file_at_the_limit_is_read_whole_and_one_past_it_refused() {
        let dir = temp_dir("limit");
        let page = "<p>".to_string() + &"x".repeat(993) + "</p>";
        std::fs::write(dir.join("a.html"), &page).unwrap();
        std::fs::write(dir.join("b.html"), page.clone() + " ").unwrap();
        let items: Vec<_> = Inputs::new([dir.to_str().unwrap()], ReadConfig { max_bytes: 1000 }).collect();
        assert_eq!(items[0].as_ref().unwrap().bytes, page.as_bytes());
        let err = items[1].as_ref().unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::TooLarge { size: 1001, limit: 1000 }), "{err}");
    }

    #[test]
    fn directory_jsonl_and_gzip_in_order() {
        let dir = temp_dir("mixed");
        std::fs::write(dir.join("a.html"), "<p>one</p>").unwrap();
        std::fs::write(
            dir.join("b.data"),
            "{\"url\":\"http://x/1\",\"html\":\"<p>two</p>\"}\nnot json\n{\"url\":\"http://x/3\",\"text\":\"three\"}\n{\"url\":\"u\"}\n",
        )
        .unwrap();
        std::fs::write(dir.join("c.txt.gz"), gzip(b"four")).unwrap();
        std::fs::write(dir.join("d.empty"), "").unwrap();
        let mut inputs = Inputs::new([dir.to_str().unwrap()], ReadConfig::default());
        let size: u64 = std::fs::read_dir(&dir).unwrap().map(|e| e.unwrap().metadata().unwrap().len()).sum();
        assert_eq!(inputs.progress(), (0, Some(size)));
        let items: Vec<_> = inputs.by_ref().collect();
        assert_eq!(inputs.progress(), (size, Some(size)), "every file read to its end");
        assert_eq!(Inputs::new(["-"], ReadConfig::default()).progress().1, None, "stdin has no known size");
        assert_eq!(items.len(), 7);
        assert_eq!(items[0].as_ref().unwrap().bytes, b"<p>one</p>");
        assert_eq!(items[1].as_ref().unwrap().source, "http://x/1");
        assert!(matches!(items[2].as_ref().unwrap_err().kind(), ErrorKind::JsonLine { line: 2, .. }));
        assert_eq!(items[3].as_ref().unwrap().kind_hint, Some(ContentKind::Text));
        assert!(matches!(items[4].as_ref().unwrap_err().kind(), ErrorKind::JsonLineFields { line: 4 }));
        assert_eq!(items[5].as_ref().unwrap().bytes, b"four");
        assert!(matches!(items[6].as_ref().unwrap_err().kind(), ErrorKind::Empty));
    }

    #[test]
    fn gzip_files_of_every_kind_are_read_whether_one_member_or_several() {
        let dir = temp_dir("members");
        let warc = crate::ingest::warc::tests::record(
            "response",
            "http://x/w",
            "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n<p>archived</p>",
        );
        let lines = "{\"url\":\"http://x/1\",\"text\":\"one\"}\n{\"url\":\"http://x/2\",\"text\":\"two\"}\n";
        std::fs::write(dir.join("a.html.gz"), gzip(b"<p>whole</p>")).unwrap();
        std::fs::write(dir.join("b.html.gz"), [gzip(b"<p>first</p>"), gzip(b"<p>second</p>")].concat()).unwrap();
        std::fs::write(dir.join("c.jsonl.gz"), gzip(lines.as_bytes())).unwrap();
        std::fs::write(dir.join("d.warc.gz"), gzip(warc.as_bytes())).unwrap();
        std::fs::write(dir.join("e.html.gz"), gzip(&[b'x'; 1001])).unwrap();
        let items: Vec<_> = Inputs::new([dir.to_str().unwrap()], ReadConfig { max_bytes: 1000 }).collect();
        let sources: Vec<_> = items.iter().map(|i| i.as_ref().map(|d| d.source.clone())).collect();
        assert_eq!(items.len(), 6, "{sources:?}");
        assert_eq!(items[0].as_ref().unwrap().bytes, b"<p>whole</p>");
        assert_eq!(items[1].as_ref().unwrap().bytes, b"<p>first</p><p>second</p>");
        assert_eq!(items[2].as_ref().unwrap().source, "http://x/1");
        assert_eq!(items[3].as_ref().unwrap().source, "http://x/2");
        assert_eq!(items[4].as_ref().unwrap().source, "http://x/w");
        assert!(matches!(items[5].as_ref().unwrap_err().kind(), ErrorKind::TooLarge { .. }));
    }

    #[test]
    fn truncated_gzip_is_an_error_naming_the_file() {
        let dir = temp_dir("trunc");
        let data = gzip(&b"<p>some text that is long enough</p>".repeat(200));
        std::fs::write(dir.join("t.html.gz"), &data[..data.len() / 2]).unwrap();
        let path = dir.join("t.html.gz");
        let items: Vec<_> = Inputs::new([path.to_str().unwrap()], ReadConfig::default()).collect();
        let err = items[0].as_ref().unwrap_err();
        assert!(matches!(err.kind(), ErrorKind::Gzip { .. }), "{err}");
        assert!(err.to_string().contains("t.html.gz"));
    }

    #[test]
    fn an_over_long_jsonl_line_is_reported_and_the_lines_after_it_are_read() {
        let long = format!("{{\"url\":\"http://x/big\",\"html\":\"{}\"}}\n", "y".repeat(5000));
        let short = |n: u32| format!("{{\"url\":\"http://x/{n}\",\"text\":\"line {n}\"}}\n");
        let data = [short(1), long.clone(), short(3), long.clone(), short(5)].concat();
        for bytes in [data.clone().into_bytes(), gzip(data.as_bytes())] {
            let inputs =
                Inputs::from_reader("dump.jsonl", Box::new(io::Cursor::new(bytes)), ReadConfig { max_bytes: 1000 });
            let items: Vec<_> = inputs.collect();
            let sources: Vec<_> =
                items.iter().map(|i| i.as_ref().map(|d| d.source.clone()).map_err(|e| e.to_string())).collect();
            assert_eq!(items.len(), 5, "{sources:?}");
            for (i, n) in [(0, 1), (2, 3), (4, 5)] {
                assert_eq!(items[i].as_ref().unwrap().source, format!("http://x/{n}"));
            }
            let err = items[1].as_ref().unwrap_err();
            let whole_line = long.len() as u64;
            assert!(matches!(err.kind(), ErrorKind::TooLarge { size, limit: 1000 } if *size == whole_line), "{err}");
            assert_eq!(err.source_name(), "dump.jsonl:2");
        }
    }

    #[test]
    fn a_line_just_over_the_limit_does_not_swallow_the_next() {
        let line = |n: u32| format!("{{\"url\":\"u{n}\",\"text\":\"abc\"}}\n");
        let content = line(1).len() as u64 - 1;
        let read = |limit| -> Vec<_> {
            let data = [line(1), line(2)].concat().into_bytes();
            Inputs::from_reader("d", Box::new(io::Cursor::new(data)), ReadConfig { max_bytes: limit }).collect()
        };
        assert!(read(content).iter().all(Result::is_ok), "the newline does not count");
        let items = read(content - 1);
        assert_eq!(items.len(), 2);
        assert!(items.iter().all(Result::is_err), "{items:?}");
    }

    #[test]
    fn missing_file_and_oversize_are_errors() {
        let dir = temp_dir("limits");
        std::fs::write(dir.join("big"), vec![b'a'; 2000]).unwrap();
        let big = dir.join("big");
        let args = [big.to_str().unwrap(), "/nonexistent/newsmill/file"];
        let items: Vec<_> = Inputs::new(args, ReadConfig { max_bytes: 1000 }).collect();
        assert!(matches!(items[0].as_ref().unwrap_err().kind(), ErrorKind::TooLarge { .. }));
        assert!(matches!(items[1].as_ref().unwrap_err().kind(), ErrorKind::Io(_)));
    }
}
