//! The acceptance example: the seed page, flattened to text with the site's chrome left in,
//! must come out as its hand-made gold file says.

use std::path::Path;

use newsmill_extract::{ExtractConfig, RawDoc, RemovalReason, extract};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed").join(name);
    std::fs::read_to_string(path).unwrap()
}

fn gold() -> serde_json::Value {
    serde_json::from_str(&fixture("rt-2018-11-09-taliban.gold.json")).unwrap()
}

fn seed_doc(explain: bool) -> newsmill_model::Document {
    let raw = RawDoc::from_bytes("seed", fixture("rt-2018-11-09-taliban.txt").into_bytes());
    extract(&raw, &ExtractConfig { explain, ..ExtractConfig::default() }).unwrap()
}

#[test]
fn seed_page_matches_gold() {
    let gold = gold();
    let doc = seed_doc(false);
    let paragraphs: Vec<&str> = doc.block_texts().collect();

    assert_eq!(doc.title.as_deref(), gold["title"].as_str());
    assert_eq!(doc.published.as_deref(), gold["published"].as_str());
    assert_eq!(doc.language.as_deref(), gold["language"].as_str());
    assert_eq!(paragraphs.first().copied(), gold["body_first_paragraph"].as_str());
    assert_eq!(paragraphs.last().copied(), gold["body_last_paragraph"].as_str());
    assert_eq!(Some(paragraphs.len() as u64), gold["body_paragraph_count"].as_u64());
    for line in gold["boilerplate_lines"].as_array().unwrap() {
        let line = line.as_str().unwrap();
        assert!(!doc.text.contains(line), "boilerplate survived: {line}");
    }
}

/// The body is exactly the story: every line of the page from the first gold paragraph to the
/// last, in order, and nothing else (no headline, dateline, icon labels or share prompt).
#[test]
fn seed_body_is_every_story_paragraph_and_no_chrome() {
    let gold = gold();
    let page = fixture("rt-2018-11-09-taliban.txt");
    let lines: Vec<&str> = page.lines().map(str::trim).filter(|l| !l.is_empty()).collect();
    let first = lines.iter().position(|l| Some(*l) == gold["body_first_paragraph"].as_str()).unwrap();
    let last = lines.iter().position(|l| Some(*l) == gold["body_last_paragraph"].as_str()).unwrap();
    let doc = seed_doc(false);
    let paragraphs: Vec<&str> = doc.block_texts().collect();
    assert_eq!(paragraphs, lines[first..=last].to_vec());
    let title = gold["title"].as_str().unwrap();
    assert!(!doc.text.contains(title), "the headline is the title, not body");
    for chrome in ["9 Nov, 2018", "icon", "chevron", "Like this story", "Share it"] {
        assert!(!doc.text.contains(chrome), "chrome in body: {chrome}");
    }
    assert!(doc.authors.is_empty(), "the page names no author: {:?}", doc.authors);
}

#[test]
fn seed_explain_names_why_each_chrome_line_went() {
    let doc = seed_doc(true);
    let reason_of = |prefix: &str| doc.removed.iter().find(|r| r.text.starts_with(prefix)).map(|r| r.reason);
    assert_eq!(reason_of("icon bookmark"), Some(RemovalReason::MenuLabels));
    assert_eq!(reason_of("9 Nov, 2018"), Some(RemovalReason::Metadata));
    assert_eq!(reason_of("‘Our goal"), Some(RemovalReason::Title));
    assert_eq!(reason_of("Like this story?"), Some(RemovalReason::SharePrompt));
    assert_eq!(doc.removed.len(), 5, "{:?}", doc.removed);
}
