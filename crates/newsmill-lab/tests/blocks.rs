//! The block-weight search on the first pages of each HTML set (skipped cleanly without the
//! sets): what it optimises is what the extractor ships, and its report holds together.

use newsmill_lab::train::blocks::{self, BlockWeights, BlocksOptions, Case};

fn cases(limit: usize) -> Option<Vec<Case>> {
    let data = newsmill_lab::default_data_dir();
    let cases = blocks::load_cases(&data, Some(limit)).expect("the sets present read");
    if cases.is_empty() {
        eprintln!("skipped: no HTML evaluation set under {}", data.display());
        return None;
    }
    Some(cases)
}

#[test]
fn the_searched_text_is_the_extracted_text() {
    let Some(cases) = cases(10) else { return };
    let config = newsmill_extract::ExtractConfig::default();
    for case in &cases {
        let html = newsmill_lab::pages::read_html(&case.page).expect("page reads");
        let raw = newsmill_extract::RawDoc {
            kind_hint: Some(newsmill_extract::ContentKind::Html),
            url: case.page.url.clone(),
            ..newsmill_extract::RawDoc::from_bytes(case.page.path.display().to_string(), html)
        };
        let extracted = newsmill_extract::extract(&raw, &config).map(|d| d.text).unwrap_or_default();
        assert_eq!(case.text(BlockWeights::shipped()), extracted, "{} {}", case.set, case.page.id);
    }
}

#[test]
fn cross_validation_scores_every_page_once_and_keeps_sites_apart() {
    let Some(cases) = cases(8) else { return };
    let report = blocks::train(&cases, &BlocksOptions { folds: 3, rounds: 1 });
    assert_eq!(report.pages, cases.len());
    assert_eq!(report.fold_weights.len(), 3);
    let names: Vec<&str> = report.systems.iter().map(|s| s.name.as_str()).collect();
    assert!(names.contains(&"hand-set") && names.contains(&blocks::CROSS_VALIDATED), "{names:?}");
    for system in &report.systems {
        let pages: usize = system.sets.iter().map(|s| s.documents).sum();
        assert_eq!(pages, cases.len(), "{}", system.name);
        assert!((0.0..=1.0).contains(&system.mean_f1));
    }
    // A site's pages share a fold.
    for a in &cases {
        for b in cases.iter().filter(|b| b.site == a.site) {
            assert_eq!(newsmill_lab::pages::fold_of(&a.site, 3), newsmill_lab::pages::fold_of(&b.site, 3));
        }
    }
}
