//! Readers: from files, directories, `.gz` files, JSONL dumps, WARC archives and stdin to
//! [`RawDoc`]s. Decoding their bytes to text is extraction's first step.
//!
//! [`RawDoc`]: crate::RawDoc

mod gzip;
mod progress;
mod reader;
mod warc;

pub use reader::{Inputs, ReadConfig};
