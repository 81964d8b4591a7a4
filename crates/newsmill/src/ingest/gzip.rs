//! Gzip input that survives a corrupt member. Common Crawl's `.warc.gz` files hold one gzip
//! member per record, so after a damaged member the next one starts a clean record: this
//! reader reports the damage once, as an error, then skips to the next member header and
//! goes on. A reader that stops at the first error (flate2's `MultiGzDecoder`) would lose
//! every record after it.

use std::io::{self, BufRead, Read};

use flate2::bufread::GzDecoder;

/// The first three bytes of a gzip member: magic and the deflate method.
const MEMBER_START: [u8; 3] = [0x1f, 0x8b, 0x08];
const BUFFER: usize = 64 * 1024;

/// The error returned where a member is damaged; the reader goes on after it.
#[derive(Debug, thiserror::Error)]
#[error("gzip member corrupt or truncated ({0}); resuming at the next member")]
pub(crate) struct CorruptMember(io::Error);

/// True when `e` came from a damaged member, after which reading can go on.
pub(crate) fn is_corrupt_member(e: &io::Error) -> bool {
    e.get_ref().is_some_and(|inner| inner.is::<CorruptMember>())
}

enum State<R: BufRead> {
    /// Decoding a member; `after_damage` until it has given its first bytes.
    Member {
        /// Boxed: zlib-rs's inflate state is large, the other states are a reader.
        decoder: Box<GzDecoder<R>>,
        after_damage: bool,
    },
    /// Between members, or looking for the next one after damage.
    Between {
        raw: R,
        resyncing: bool,
    },
    Poisoned,
}

/// Decompresses concatenated gzip members, resynchronising after a damaged one.
pub(crate) struct ResyncGzReader<R: BufRead> {
    state: State<R>,
}

impl<R: BufRead> ResyncGzReader<R> {
    pub(crate) fn new(raw: R) -> Self {
        ResyncGzReader { state: State::Between { raw, resyncing: false } }
    }

    /// Moves `raw` to the next member start, or to its end. False at the end of input.
    fn find_member(raw: &mut R) -> io::Result<bool> {
        loop {
            let buf = raw.fill_buf()?;
            match memchr::memchr(MEMBER_START[0], buf) {
                _ if buf.is_empty() => return Ok(false),
                None => {
                    let n = buf.len();
                    raw.consume(n);
                }
                // A start cut by the buffer's end counts: a false start only fails to decode,
                // and the search goes on one byte further.
                Some(0) if buf[..buf.len().min(3)] == MEMBER_START[..buf.len().min(3)] => return Ok(true),
                Some(0) => raw.consume(1),
                Some(i) => raw.consume(i),
            }
        }
    }
}

impl<R: BufRead> Read for ResyncGzReader<R> {
    fn read(&mut self, out: &mut [u8]) -> io::Result<usize> {
        if out.is_empty() {
            return Ok(0);
        }
        loop {
            match std::mem::replace(&mut self.state, State::Poisoned) {
                State::Poisoned => return Ok(0),
                State::Between { mut raw, resyncing } => {
                    let at_member = if resyncing {
                        Self::find_member(&mut raw)?
                    } else {
                        match raw.fill_buf()? {
                            [] => false,
                            buf if buf.starts_with(&MEMBER_START[..buf.len().min(3)]) => true,
                            // Bytes after a member that are not a member: damage too.
                            _ => {
                                self.state = State::Between { raw, resyncing: true };
                                let garbage = io::Error::new(io::ErrorKind::InvalidData, "data after a gzip member");
                                return Err(corrupt(garbage));
                            }
                        }
                    };
                    if !at_member {
                        self.state = State::Between { raw, resyncing: false };
                        return Ok(0);
                    }
                    self.state = State::Member { decoder: Box::new(GzDecoder::new(raw)), after_damage: resyncing };
                }
                State::Member { mut decoder, after_damage } => match decoder.read(out) {
                    Ok(0) => self.state = State::Between { raw: decoder.into_inner(), resyncing: false },
                    Ok(n) => {
                        self.state = State::Member { decoder, after_damage: false };
                        return Ok(n);
                    }
                    Err(e) => {
                        // A member whose header did not parse is a false start: step past
                        // its first byte so the search moves on. After a damaged body the
                        // input is already past the header.
                        let false_start = decoder.header().is_none();
                        let mut raw = decoder.into_inner();
                        if false_start && raw.fill_buf()?.first() == Some(&MEMBER_START[0]) {
                            raw.consume(1);
                        }
                        self.state = State::Between { raw, resyncing: true };
                        // A false start found while resynchronising is not news: the damage
                        // was reported already.
                        if !after_damage {
                            return Err(corrupt(e));
                        }
                    }
                },
            }
        }
    }
}

fn corrupt(e: io::Error) -> io::Error {
    io::Error::new(io::ErrorKind::InvalidData, CorruptMember(e))
}

/// The content of `gz` when it is exactly one gzip member of at most `limit` bytes inflated,
/// decompressed in one call by libdeflate (about twice as fast as streaming inflate over a
/// page, checksum included); `None` for anything else (several members, damage, bytes after
/// the member, more than `limit`), which the streaming [`decoder`] reads and reports.
pub(crate) fn single_member(gz: &[u8], limit: u64) -> Option<Vec<u8>> {
    use libdeflate_sys::{
        libdeflate_alloc_decompressor, libdeflate_free_decompressor, libdeflate_gzip_decompress_ex,
        libdeflate_result_LIBDEFLATE_SUCCESS as SUCCESS,
    };
    // The trailer ends with the inflated size modulo 2^32: a larger page fails for want of
    // space and is streamed.
    let trailer: [u8; 4] = gz.get(gz.len().checked_sub(4)?..)?.try_into().ok()?;
    let size = u32::from_le_bytes(trailer);
    if u64::from(size) > limit {
        return None;
    }
    let mut out = Vec::<u8>::with_capacity(size as usize);
    let (mut used, mut written) = (0usize, 0usize);
    // SAFETY: the decompressor is checked for null and freed once; libdeflate reads `gz.len()`
    // bytes of `gz` and writes at most `size` bytes into `out`'s spare capacity, reporting how
    // many it wrote, which are the only ones exposed.
    unsafe {
        let decompressor = libdeflate_alloc_decompressor();
        if decompressor.is_null() {
            return None;
        }
        let result = libdeflate_gzip_decompress_ex(
            decompressor,
            gz.as_ptr().cast(),
            gz.len(),
            out.as_mut_ptr().cast(),
            size as usize,
            &mut used,
            &mut written,
        );
        libdeflate_free_decompressor(decompressor);
        if result != SUCCESS || used != gz.len() || written != size as usize {
            return None;
        }
        out.set_len(written);
    }
    Some(out)
}

/// Wraps `raw` (whose next bytes are gzip) in a resynchronising decoder with a buffer.
pub(crate) fn decoder<R: BufRead + Send + 'static>(raw: R) -> io::BufReader<ResyncGzReader<R>> {
    io::BufReader::with_capacity(BUFFER, ResyncGzReader::new(raw))
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::io::Write;

    fn member(text: &str) -> Vec<u8> {
        let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
        enc.write_all(text.as_bytes()).unwrap();
        enc.finish().unwrap()
    }

    /// Reads to the end, collecting the text and the errors on the way.
    fn read_all(bytes: Vec<u8>) -> (String, usize) {
        let mut reader = ResyncGzReader::new(io::BufReader::with_capacity(16, io::Cursor::new(bytes)));
        let (mut text, mut errors) = (Vec::new(), 0);
        let mut buf = [0u8; 7];
        for _ in 0..100_000 {
            match reader.read(&mut buf) {
                Ok(0) => return (String::from_utf8_lossy(&text).into_owned(), errors),
                Ok(n) => text.extend_from_slice(&buf[..n]),
                Err(e) => {
                    assert!(is_corrupt_member(&e), "{e}");
                    errors += 1;
                }
            }
        }
        panic!("the reader did not reach the end");
    }

    #[test]
    fn one_member_is_inflated_whole_and_anything_else_left_to_the_stream() {
        let text = "a page of text that is long enough to compress into a real deflate stream\n".repeat(50);
        let one = member(&text);
        assert_eq!(single_member(&one, 1 << 20).as_deref(), Some(text.as_bytes()));
        assert_eq!(single_member(&member(""), 10).as_deref(), Some(&b""[..]));
        // Inflated size over the limit, several members, bytes after the member, damage,
        // a cut-off file and no gzip at all: none is decompressed here.
        assert_eq!(single_member(&one, text.len() as u64 - 1), None);
        assert_eq!(single_member(&[member(&text), one.clone()].concat(), 1 << 20), None);
        assert_eq!(single_member(&[one.clone(), vec![0; 8]].concat(), 1 << 20), None);
        let mut damaged = one.clone();
        let middle = damaged.len() / 2;
        damaged[middle] ^= 0x5a;
        assert_eq!(single_member(&damaged, 1 << 20), None);
        assert_eq!(single_member(&one[..one.len() - 1], 1 << 20), None);
        assert_eq!(single_member(b"<html>", 1 << 20), None);
        assert_eq!(single_member(b"", 1 << 20), None);
    }

    #[test]
    fn members_are_concatenated() {
        let bytes = [member("one "), member("two "), member("three")].concat();
        assert_eq!(read_all(bytes), ("one two three".to_string(), 0));
    }

    #[test]
    fn a_damaged_member_is_reported_once_and_the_next_ones_are_read() {
        let long = "a fairly long line of text that compresses into a real deflate stream\n".repeat(40);
        let mut damaged = member(&long);
        let middle = damaged.len() / 2;
        for b in &mut damaged[middle..middle + 20] {
            *b ^= 0x5a;
        }
        let bytes = [member("first "), damaged, member("after "), member("end")].concat();
        let (text, errors) = read_all(bytes);
        assert_eq!(errors, 1);
        assert!(text.starts_with("first "), "{text}");
        assert!(text.ends_with("after end"), "{text}");
    }

    #[test]
    fn a_truncated_member_and_trailing_garbage_end_cleanly() {
        let whole = member("whole ");
        let cut = member(&"cut short ".repeat(50));
        let bytes = [whole.clone(), cut[..cut.len() / 2].to_vec()].concat();
        let (text, errors) = read_all(bytes);
        assert!(text.starts_with("whole ") && errors == 1, "{text} {errors}");
        let (text, errors) = read_all([whole, b"not gzip at all".to_vec()].concat());
        assert_eq!((text.as_str(), errors), ("whole ", 1));
    }
}
