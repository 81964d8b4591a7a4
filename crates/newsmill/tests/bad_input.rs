//! Hostile inputs: each gets a clear error or an empty result with a reason, never a panic.

use std::io::Write;

use newsmill::{Inputs, ReadConfig};
use newsmill_extract::{ContentKind, ErrorKind, ExtractConfig, NoArticle, RawDoc, extract};

fn run(bytes: &[u8]) -> Result<newsmill_model::Document, newsmill_extract::Error> {
    extract(&RawDoc::from_bytes("input", bytes.to_vec()), &ExtractConfig::default())
}

const PARAGRAPH: &str = "The council said on Tuesday that the bridge would reopen next month after repairs, \
     and that traffic on the coast road was expected to return to normal within weeks.";

#[test]
fn empty_file_is_an_error() {
    let err = run(b"").unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Empty));
    assert!(err.to_string().starts_with("input: "), "{err}");
}

#[test]
fn binary_file_is_an_error_saying_what_to_pass() {
    let mut png = b"\x89PNG\r\n\x1a\n".to_vec();
    png.extend((0..4096u32).map(|i| (i.wrapping_mul(2_654_435_761) >> 24) as u8));
    let err = run(&png).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Binary { .. }));
    assert!(err.to_string().contains("HTML"), "{err}");
}

#[test]
fn invalid_utf8_is_decoded_with_a_warning() {
    let page = format!("<html><body><article><p>{PARAGRAPH} caf\u{FFFD}</p></article></body></html>");
    let bytes = page.replace('\u{FFFD}', "\u{1}").into_bytes();
    let bytes: Vec<u8> = bytes.into_iter().map(|b| if b == 1 { 0xE9 } else { b }).collect();
    let doc = run(&bytes).unwrap();
    assert!(doc.text.contains("café"), "{}", doc.text);
    assert!(!doc.warnings.is_empty());
}

#[test]
fn wrong_declared_charset_is_reported_not_fatal() {
    let page = format!("<html><head><meta charset=utf-8></head><body><p>{PARAGRAPH} na\u{1}ve</p></body></html>");
    let bytes: Vec<u8> = page.into_bytes().into_iter().map(|b| if b == 1 { 0xEF } else { b }).collect();
    let doc = run(&bytes).unwrap();
    assert!(doc.warnings.iter().any(|w| w.contains("replaced")), "{:?}", doc.warnings);
}

#[test]
fn twenty_megabyte_page_is_extracted() {
    // Numbered paragraphs: the extractor drops repeats of identical text.
    let mut page = String::from("<html><body><article>");
    let mut n = 0u64;
    while page.len() < 20 * 1024 * 1024 {
        n += 1;
        page.push_str(&format!("<p>{n}. {PARAGRAPH}</p>\n"));
    }
    page.push_str("</article></body></html>");
    let doc = run(page.as_bytes()).unwrap();
    assert!(doc.text.len() > 1024 * 1024);
}

#[test]
fn hundred_thousand_deep_nesting_does_not_overflow() {
    let depth = 100_000;
    let page =
        format!("<html><body>{}<p>{PARAGRAPH}</p>{}</body></html>", "<div>".repeat(depth), "</div>".repeat(depth));
    let doc = run(page.as_bytes()).unwrap();
    assert!(doc.text.contains("bridge would reopen") || doc.no_article.is_some());
}

#[test]
fn unclosed_deep_nesting_does_not_overflow() {
    let page = format!("<html><body>{}<p>{PARAGRAPH}", "<span><b><i>".repeat(40_000));
    run(page.as_bytes()).unwrap();
}

#[test]
fn page_without_article_is_empty_with_a_reason() {
    let page = "<html><body><nav><a href=/>Home</a> <a href=/news>News</a> <a href=/sport>Sport</a></nav>\
                <footer>© 2024 Example</footer></body></html>";
    let doc = run(page.as_bytes()).unwrap();
    assert!(doc.text.is_empty(), "{}", doc.text);
    assert!(matches!(doc.no_article, Some(NoArticle::AllBoilerplate | NoArticle::NoText)));
}

#[test]
fn text_without_letters_is_empty_with_a_reason() {
    let raw =
        RawDoc { kind_hint: Some(ContentKind::Text), ..RawDoc::from_bytes("t", b"1234 5678\n---\n!!!\n".to_vec()) };
    let doc = extract(&raw, &ExtractConfig::default()).unwrap();
    assert!(doc.text.is_empty());
    assert!(doc.no_article.is_some());
}

#[test]
fn truncated_gzip_is_an_error_and_later_inputs_still_read() {
    let dir = std::path::Path::new(env!("CARGO_TARGET_TMPDIR")).join("newsmill-bad-input");
    let _ = std::fs::remove_dir_all(&dir);
    std::fs::create_dir_all(&dir).unwrap();
    let mut enc = flate2::write::GzEncoder::new(Vec::new(), flate2::Compression::default());
    enc.write_all(PARAGRAPH.repeat(100).as_bytes()).unwrap();
    let gz = enc.finish().unwrap();
    std::fs::write(dir.join("a.txt.gz"), &gz[..gz.len() / 2]).unwrap();
    std::fs::write(dir.join("b.txt"), PARAGRAPH).unwrap();
    let items: Vec<_> = Inputs::new([dir.to_str().unwrap()], ReadConfig::default()).collect();
    assert_eq!(items.len(), 2);
    let err = items[0].as_ref().unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::Gzip { .. }), "{err}");
    assert!(err.to_string().contains("a.txt.gz"));
    assert!(items[1].is_ok());
}
