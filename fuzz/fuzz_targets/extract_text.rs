//! Flattened text (a scraper's output, page chrome included) through the line extractor and
//! the analysis.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmill_extract::ContentKind;

fuzz_target!(init: newsmill_fuzz::warm_up(), |data: &[u8]| {
    newsmill_fuzz::measured("extract_text", data.len(), || newsmill_fuzz::pipeline(data, ContentKind::Text));
});
