//! The analysis on hostile text: unbalanced quote marks by the thousand, a quotation of
//! 50,000 words, tens of thousands of cues in one sentence, numbers a thousand digits long,
//! impossible dates. Each must finish (the code is linear in the text; these sizes would
//! take minutes if it were not), keep its spans inside the text, and invent nothing.

use std::sync::OnceLock;

use newsmill_analyze::{Resources, analyze, document_from_text};
use newsmill_model::Article;

fn resources() -> &'static Resources {
    static RES: OnceLock<Resources> = OnceLock::new();
    RES.get_or_init(|| Resources::embedded().expect("the embedded models load"))
}

fn analyzed(text: String) -> Article {
    let mut doc = document_from_text("hostile", text);
    doc.published = Some("2018-11-09T22:21:00+00:00".into());
    let article = analyze(doc, resources());
    let text = &article.doc.text;
    for q in &article.quotes {
        assert!(text.get(q.span.clone()).is_some(), "quote span out of the text");
        let speaker = q.speaker.as_ref().map(|s| s.span.clone());
        assert!(speaker.is_none_or(|s| text.get(s).is_some()), "speaker span out of the text");
    }
    for a in &article.amounts {
        assert!(text.get(a.span.clone()).is_some());
    }
    article
}

#[test]
fn a_thousand_unbalanced_quote_marks() {
    let article = analyzed("“He said it was over, ‘and ".repeat(1000));
    // Whatever is found is a real stretch of the text, never longer than the text.
    assert!(article.quotes.iter().all(|q| q.span.len() <= article.doc.text.len()));
}

#[test]
fn a_fifty_thousand_word_quotation() {
    let words = "we will stay here and build ".repeat(50_000 / 6);
    let article = analyzed(format!("“{}”, the minister said.", words.trim_end()));
    let longest = article.quotes.iter().map(|q| q.span.len()).max().unwrap_or(0);
    assert!(longest > words.len() / 2, "the long quotation is found");
}

#[test]
fn tens_of_thousands_of_cues_in_one_sentence() {
    let article = analyzed("he said, she said, they added, ".repeat(10_000));
    assert!(article.quotes.len() <= 30_000);
}

#[test]
fn huge_numbers_and_impossible_dates_invent_nothing() {
    let digits = "9".repeat(1000);
    let article =
        analyzed(format!("The agency said {digits} troops arrived on 31 February 2018. In the year 99999 they left."));
    assert!(article.amounts.iter().all(|a| a.value.is_finite()), "no infinite amounts");
    assert!(article.amounts.iter().all(|a| a.value < 1e300), "no 1000-digit value rounded to a number");
    assert!(article.dates.is_empty(), "no date from 31 February or year 99999: {:?}", article.dates);
}
