//! Ingest: from files, directories, `.gz` files, JSONL dumps, WARC archives and stdin to [`RawDoc`]s, and
//! from bytes to text.
//!
//! [`RawDoc`]: crate::RawDoc

pub mod decode;
mod gzip;
mod progress;
mod reader;
pub mod sniff;
mod warc;

pub use decode::{Decoded, decode};
pub use reader::{Inputs, ReadConfig};
