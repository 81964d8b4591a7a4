//! WARC archives, plain or gzipped, through the input reader, every record to the end.
//! The first byte picks the framing (see `ReaderInput`); with bit 4 set a valid warcinfo
//! record comes first, so mutations of the rest stay inside an archive.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmill_fuzz::ReaderInput;

const PREFIX: &[u8] = b"WARC/1.0\r\nWARC-Type: warcinfo\r\nContent-Type: application/warc-fields\r\n\
Content-Length: 14\r\n\r\nsoftware: fuzz\r\n\r\n";

fuzz_target!(|data: &[u8]| {
    let input = ReaderInput::decode(data, PREFIX);
    newsmill_fuzz::measured("read_warc", data.len(), || newsmill_fuzz::read_all(&input.file, input.max_bytes));
});
