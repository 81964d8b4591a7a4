//! Property tests: no input makes either extractor, or the analysis after them, panic. `PROPTEST_CASES=100000 cargo test
//! --release --test no_panic` runs them for longer.

use std::sync::OnceLock;

use newsmill_analyze::{Resources, analyze, document_from_text};
use newsmill_extract::{ContentKind, ExtractConfig, RawDoc, extract};
use proptest::prelude::*;

fn resources() -> &'static Resources {
    static RES: OnceLock<Resources> = OnceLock::new();
    RES.get_or_init(|| Resources::embedded().unwrap())
}

fn run(bytes: Vec<u8>, kind: Option<ContentKind>) {
    let raw = RawDoc { kind_hint: kind, ..RawDoc::from_bytes("prop", bytes) };
    let config = ExtractConfig { explain: true, ..ExtractConfig::default() };
    if let Ok(doc) = extract(&raw, &config) {
        // Every block range must be a valid slice of the text.
        for block in &doc.blocks {
            assert!(doc.text.get(block.range.clone()).is_some());
        }
        serde_json::to_string(&analyze(doc, resources())).unwrap();
    }
}

/// Words news text is made of, with the odd ones the analysis must survive: currency
/// symbols glued to digits, multi-byte letters, ordinals, months, quote marks, cues.
fn news_word() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("€2".to_string()),
        Just("$3bn".to_string()),
        Just("15,000".to_string()),
        Just("1.5".to_string()),
        Just("2nd".to_string()),
        Just("Nov.".to_string()),
        Just("May".to_string()),
        Just("Friday".to_string()),
        Just("31".to_string()),
        Just("February".to_string()),
        Just("99999".to_string()),
        Just("“".to_string()),
        Just("”".to_string()),
        Just("\"".to_string()),
        Just("said".to_string()),
        Just("Lavrov".to_string()),
        Just("percent".to_string()),
        Just("ago".to_string()),
        Just("\n\n".to_string()),
        "[a-zA-Zé€£0-9.,%’'-]{1,12}",
        "\\PC{1,6}",
    ]
}

/// Pieces of markup and text that exercise the parsers' odd corners.
fn html_piece() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("<div>".to_string()),
        Just("</div>".to_string()),
        Just("<p>".to_string()),
        Just("</p>".to_string()),
        Just("<nav><a href=x>Home</a></nav>".to_string()),
        Just("<script>var a='</p>';</script>".to_string()),
        Just("<!-- c -->".to_string()),
        Just("<h1>Title</h1>".to_string()),
        Just("<li>".to_string()),
        Just("<table><tr><td>".to_string()),
        Just("<article>".to_string()),
        Just("<br/>".to_string()),
        Just("<meta charset=latin1>".to_string()),
        Just("<title>A | B</title>".to_string()),
        Just("<script type=application/ld+json>{\"@graph\":[{\"datePublished\":\"2020-01-01\"".to_string()),
        Just("<time datetime='9999-99-99'>".to_string()),
        Just("<time datetime='2018-11-09T22:21:00Z'>".to_string()),
        Just("<div class='comments footer share'>".to_string()),
        Just("<blockquote>".to_string()),
        Just("<svg><path d='M0 0'/>".to_string()),
        Just("</svg>".to_string()),
        Just("<style>p{}</style>".to_string()),
        Just("<script>window.x={publishedAt:\"2020-01-02\"}</script>".to_string()),
        "[a-zA-Z ,.“”‘’'\"<>&;#0-9\u{0}-\u{1f}\u{80}-\u{10ffff}]{0,80}",
    ]
}

fn text_line() -> impl Strategy<Value = String> {
    prop_oneof![
        Just("9 Nov, 2018 22:21".to_string()),
        Just("Share this article".to_string()),
        Just("icon bookmark-bicon chevron downicon".to_string()),
        Just(String::new()),
        Just("The minister said on Friday that talks would continue, adding that progress was slow.".to_string()),
        "[a-zA-Z ,.“”0-9\u{0}-\u{1f}\u{80}-\u{10ffff}]{0,200}",
    ]
}

proptest! {
    #[test]
    fn arbitrary_bytes_do_not_panic(bytes in proptest::collection::vec(any::<u8>(), 0..4096)) {
        run(bytes.clone(), None);
        run(bytes.clone(), Some(ContentKind::Html));
        run(bytes, Some(ContentKind::Text));
    }

    #[test]
    fn markup_soup_does_not_panic(pieces in proptest::collection::vec(html_piece(), 0..200)) {
        run(pieces.concat().into_bytes(), Some(ContentKind::Html));
    }

    #[test]
    fn analysis_of_any_text_does_not_panic(words in proptest::collection::vec(news_word(), 0..300)) {
        let mut doc = document_from_text("prop", words.join(" "));
        doc.published = Some("2018-11-09T22:21:00".into());
        let article = analyze(doc, resources());
        for a in &article.amounts {
            prop_assert!(a.value.is_finite());
        }
        serde_json::to_string(&article).unwrap();
    }

    #[test]
    fn flattened_pages_do_not_panic(lines in proptest::collection::vec(text_line(), 0..200)) {
        run(lines.join("\n").into_bytes(), Some(ContentKind::Text));
    }
}
