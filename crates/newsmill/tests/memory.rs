//! Heap per input byte on shapes that once needed far more than their size (issue 13): the
//! NER held ~400 bytes of features per token for the whole document, and the line
//! extractor a few hundred bytes of feature rows per line. One test in this binary, so
//! that the counting allocator sees nothing else.

use newsmill_analyze::{Resources, analyze};
use newsmill_extract::{ContentKind, ExtractConfig, RawDoc, extract};

#[path = "support/counting.rs"]
mod counting;

#[global_allocator]
static ALLOC: counting::Counting = counting::Counting;

/// The most heap one run of extraction and analysis holds beyond what was live before, per
/// input byte. The input runs once first, so state built on first use is not counted.
fn heap_per_byte(input: &str, kind: ContentKind, res: &Resources) -> f64 {
    let run = || {
        let mut raw = RawDoc::from_bytes("memory-test", input.as_bytes().to_vec());
        raw.kind_hint = Some(kind);
        let doc = extract(&raw, &ExtractConfig::default()).unwrap_or_else(|e| panic!("{e}"));
        analyze(doc, res).entities.len()
    };
    run();
    counting::extra_heap(run).1 as f64 / input.len() as f64
}

/// Repeats `unit` up to about 64 KiB.
fn fill(unit: &str) -> String {
    unit.repeat((64 << 10) / unit.len())
}

#[test]
fn heap_stays_within_a_small_multiple_of_the_input() {
    let res = Resources::embedded().unwrap_or_else(|e| panic!("{e}"));
    // Before the fixes: about 165x, 150x and 240x. The bounds leave room for the DOM and the
    // analysis' own per-token state, which stay proportional to the text.
    let cases = [
        ("short paragraphs", fill("<p>Mr Smith said \"yes\" on 2 May.</p>"), ContentKind::Html, 60.0),
        (
            "names",
            format!("<p>{}</p>", fill("John Smith, Anna Lee and Bob Ray met IBM in Paris. ")),
            ContentKind::Html,
            70.0,
        ),
        ("short text lines", fill("a\n"), ContentKind::Text, 100.0),
    ];
    for (name, input, kind, bound) in cases {
        let ratio = heap_per_byte(&input, kind, &res);
        eprintln!("{name}: {ratio:.1}x the input in heap");
        assert!(ratio <= bound, "{name}: {ratio:.1}x the input in heap, over {bound}x");
    }
}
