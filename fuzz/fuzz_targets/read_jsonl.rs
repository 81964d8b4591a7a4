//! JSONL dumps, plain or gzipped, through the input reader, every line to the end. The
//! first byte picks the framing (see `ReaderInput`); with bit 4 set a valid first line comes
//! first, so the reader takes the rest for JSONL whatever it is.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmill_fuzz::ReaderInput;

const PREFIX: &[u8] = b"{\"url\": \"http://fuzz.example/0\", \"text\": \"first\"}\n";

fuzz_target!(|data: &[u8]| {
    let input = ReaderInput::decode(data, PREFIX);
    newsmill_fuzz::measured("read_jsonl", data.len(), || newsmill_fuzz::read_all(&input.file, input.max_bytes));
});
