//! The embeddable pipeline as a program embedding it sees it.

use std::time::Duration;

use newsmill::{Article, ErrorKind, ExtractConfig, Options, Pipeline, RawDoc};
use newsmill_analyze::{Resources, analyze};

const PAGE: &str = "<html><head><title>Port strike ends</title></head><body><nav><a href='/'>Home</a></nav>
<article><h1>Port strike ends</h1><p>Dock workers in Rotterdam returned to work on Thursday after a
two-week strike, the union said. \"We won a fair deal,\" said Peter Jansen, its leader, adding that
wages would rise by 4 per cent next year.</p></article></body></html>";

fn page(name: &str) -> RawDoc {
    RawDoc::from_bytes(name, PAGE.as_bytes().to_vec())
}

#[test]
fn an_article_is_what_extraction_and_analysis_make() {
    let pipeline = Pipeline::new(Options::default()).unwrap();
    let article = pipeline.process(&page("a.html")).unwrap();
    let doc = newsmill_extract::extract(&page("a.html"), &ExtractConfig::default()).unwrap();
    let expected = analyze(doc, &Resources::embedded().unwrap());
    assert_eq!(article, expected);
    assert!(article.entities.iter().any(|e| e.name == "Peter Jansen"), "{:?}", article.entities);
    assert!(!article.quotes.is_empty());
}

#[test]
fn without_analysis_only_extraction_runs() {
    let pipeline = Pipeline::new(Options { analyze: false, ..Options::default() }).unwrap();
    let article = pipeline.process(&page("a.html")).unwrap();
    assert_eq!(article.doc.title.as_deref(), Some("Port strike ends"));
    assert!(article.entities.is_empty() && article.quotes.is_empty());
}

#[test]
fn a_batch_keeps_its_order_and_bad_documents_fail_alone() {
    let pipeline = Pipeline::new(Options { max_bytes: 4096, ..Options::default() }).unwrap();
    let batch = vec![
        Ok(page("first.html")),
        Ok(RawDoc::from_bytes("binary.bin", [0u8, 1, 2, 3, 0xff, 0xfe, 0, 0, 7, 8].repeat(40))),
        Ok(RawDoc::from_bytes("empty.html", Vec::new())),
        Ok(RawDoc::from_bytes("huge.html", PAGE.repeat(20).into_bytes())),
        Ok(page("last.html")),
    ];
    let results = pipeline.process_batch(batch);
    assert_eq!(results.len(), 5);
    let source = |r: &Result<Article, newsmill::Error>| match r {
        Ok(a) => a.doc.source.clone(),
        Err(e) => e.source_name().to_string(),
    };
    let sources: Vec<String> = results.iter().map(source).collect();
    assert_eq!(sources, ["first.html", "binary.bin", "empty.html", "huge.html", "last.html"]);
    assert!(results[0].is_ok() && results[4].is_ok());
    assert!(matches!(results[1].as_ref().map_err(|e| e.kind()), Err(ErrorKind::Binary { .. })));
    assert!(matches!(results[2].as_ref().map_err(|e| e.kind()), Err(ErrorKind::Empty)));
    assert!(matches!(results[3].as_ref().map_err(|e| e.kind()), Err(ErrorKind::TooLarge { limit: 4096, .. })));
}

#[test]
fn a_document_past_its_budget_stops_with_a_timeout() {
    let pipeline = Pipeline::new(Options { time_budget: Some(Duration::ZERO), ..Options::default() }).unwrap();
    let err = pipeline.process(&page("slow.html")).unwrap_err();
    assert!(matches!(err.kind(), ErrorKind::TimedOut { .. }), "{err}");
    assert!(err.to_string().starts_with("slow.html: it ran past its time budget"), "{err}");
    let unlimited = Pipeline::new(Options { time_budget: None, ..Options::default() }).unwrap();
    assert!(unlimited.process(&page("slow.html")).is_ok());
}

#[test]
fn the_pipeline_is_shared_between_threads() {
    fn shared<T: Send + Sync>() {}
    shared::<Pipeline>();
}

/// A page's `<blockquote>` reaches the analysis as a block: a quotation printed without
/// quotation marks, introduced by the paragraph before, is a direct quote of its speaker.
#[test]
fn a_block_quotation_the_page_introduces_is_a_quote() {
    const QUOTED: &str = "<html><head><title>Tools</title></head><body><article><h1>Tools</h1>
<p>The team chose its tools at random for years, and the results showed it. Abraham Maslow once said:</p>
<blockquote><p>I suppose it is tempting, if the only tool you have is a hammer, to treat everything as if it were a nail.</p></blockquote>
<p>The team has since changed how it works, and the results are better for it.</p></article></body></html>";
    let pipeline = Pipeline::new(Options::default()).unwrap();
    let article = pipeline.process(&RawDoc::from_bytes("q.html", QUOTED.as_bytes().to_vec())).unwrap();
    let text = &article.doc.text;
    let quote = article.quotes.iter().find(|q| text[q.span.clone()].starts_with("I suppose"));
    let speaker = quote.and_then(|q| q.speaker.as_ref()).and_then(|s| s.name.as_deref());
    assert_eq!(speaker, Some("Abraham Maslow"), "{:?}", article.quotes);
}
