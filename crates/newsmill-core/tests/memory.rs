//! Heap per input byte on shapes that once needed far more than their size (issue 13): the
//! NER held ~400 bytes of features per token for the whole document, and the line
//! extractor a few hundred bytes of feature rows per line. One test in this binary, so
//! that the counting allocator sees nothing else.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicUsize, Ordering::Relaxed};

use newsmill_core::analyze::{Resources, analyze};
use newsmill_core::{ContentKind, ExtractConfig, RawDoc, extract};

struct Counting;

static LIVE: AtomicUsize = AtomicUsize::new(0);
static PEAK: AtomicUsize = AtomicUsize::new(0);

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        let p = unsafe { System.alloc(layout) };
        if !p.is_null() {
            grew(layout.size());
        }
        p
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        unsafe { System.dealloc(ptr, layout) };
        LIVE.fetch_sub(layout.size(), Relaxed);
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        let p = unsafe { System.realloc(ptr, layout, new_size) };
        if !p.is_null() {
            if new_size >= layout.size() {
                grew(new_size - layout.size());
            } else {
                LIVE.fetch_sub(layout.size() - new_size, Relaxed);
            }
        }
        p
    }
}

fn grew(by: usize) {
    let live = LIVE.fetch_add(by, Relaxed) + by;
    PEAK.fetch_max(live, Relaxed);
}

#[global_allocator]
static ALLOC: Counting = Counting;

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
    let start = LIVE.load(Relaxed);
    PEAK.store(start, Relaxed);
    run();
    PEAK.load(Relaxed).saturating_sub(start) as f64 / input.len() as f64
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
