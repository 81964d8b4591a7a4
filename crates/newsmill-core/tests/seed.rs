//! The acceptance example: the seed page, flattened to text with the site's chrome left in,
//! must come out as its hand-made gold file says.

use std::path::Path;

use newsmill_core::{ExtractConfig, RawDoc, extract};

fn fixture(name: &str) -> String {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures/seed").join(name);
    std::fs::read_to_string(path).unwrap()
}

#[test]
fn seed_page_matches_gold() {
    let gold: serde_json::Value = serde_json::from_str(&fixture("rt-2018-11-09-taliban.gold.json")).unwrap();
    let raw = RawDoc::from_bytes("seed", fixture("rt-2018-11-09-taliban.txt").into_bytes());
    let doc = extract(&raw, &ExtractConfig::default()).unwrap();
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
