//! How far a run is through its input files, in bytes as stored on disk (compressed ones
//! too), so a long run can show a percentage and an ETA whatever the files hold: pages,
//! WARC archives or JSONL dumps, whose document counts are unknown until read.

use std::io::{self, Read};
use std::sync::Arc;
use std::sync::atomic::{AtomicU64, Ordering};

/// Bytes read so far, shared by the readers of one run.
#[derive(Debug, Clone, Default)]
pub(crate) struct BytesRead(Arc<AtomicU64>);

impl BytesRead {
    pub fn get(&self) -> u64 {
        self.0.load(Ordering::Relaxed)
    }

    /// `inner` counting what is read from it into this total.
    pub fn counting<R: Read>(&self, inner: R) -> Counted<R> {
        Counted { inner, read: self.clone() }
    }
}

pub(crate) struct Counted<R> {
    inner: R,
    read: BytesRead,
}

impl<R: Read> Read for Counted<R> {
    fn read(&mut self, buf: &mut [u8]) -> io::Result<usize> {
        let n = self.inner.read(buf)?;
        self.read.0.fetch_add(n as u64, Ordering::Relaxed);
        Ok(n)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn counts_what_every_reader_reads() {
        let total = BytesRead::default();
        let mut out = Vec::new();
        total.counting(&b"hello"[..]).read_to_end(&mut out).unwrap();
        total.counting(&b" world"[..]).read_to_end(&mut out).unwrap();
        assert_eq!((total.get(), out.as_slice()), (11, &b"hello world"[..]));
    }
}
