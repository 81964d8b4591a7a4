//! Ingest: from files, directories, `.gz` files, JSONL dumps and stdin to [`RawDoc`]s, and
//! from bytes to text.
//!
//! [`RawDoc`]: crate::RawDoc

pub mod decode;
mod reader;
pub mod sniff;

pub use decode::{Decoded, decode};
pub use reader::{Inputs, ReadConfig};
