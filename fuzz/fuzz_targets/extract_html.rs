//! HTML pages through the DOM extractor and the analysis, as `newsmill extract` runs them.
#![no_main]

use libfuzzer_sys::fuzz_target;
use newsmill_extract::ContentKind;

fuzz_target!(init: newsmill_fuzz::warm_up(), |data: &[u8]| {
    newsmill_fuzz::measured("extract_html", data.len(), || newsmill_fuzz::pipeline(data, ContentKind::Html));
});
