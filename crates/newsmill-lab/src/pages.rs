//! The pages of the HTML evaluation sets with their gold, in one form: what the set
//! evaluators score and what the block-weight search learns from. Each set's module lists its
//! pages; scoring a page and adding the scores up by the set's upstream metric is here.

use std::collections::BTreeMap;
#[cfg(test)]
use std::collections::BTreeSet;
use std::path::PathBuf;

use super::metrics::{Counts, MeanPrf, Prf, normalize_space, word_bag_prf};
use super::{EvalError, SetReport, SubsetReport};

/// One page of an HTML evaluation set.
#[derive(Debug, Clone)]
pub struct GoldPage {
    /// The page's id within its set (file name or case folder).
    pub id: String,
    pub path: PathBuf,
    /// The address the set gives for the page, if any.
    pub url: Option<String>,
    /// The site the set says the page is from, when it says so apart from the address.
    pub site: Option<String>,
    /// The set's page type (WCXB's article, listing, forum…), if it has them.
    pub subset: Option<String>,
    pub gold: Gold,
}

/// What a page's extracted text is scored against.
#[derive(Debug, Clone)]
pub enum Gold {
    /// The main text: word-level P/R/F1 of the token multisets (WCXB, CleanEval, Readability).
    Text(String),
    /// trafilatura's snippets: each `with` one must be in the output, no `without` one may be.
    Snippets { with: Vec<String>, without: Vec<String> },
}

/// One page's score under its set's metric.
#[derive(Debug, Clone, Copy)]
pub enum PageScore {
    Words(Prf),
    Snippets(Counts),
}

impl Gold {
    pub fn score(&self, text: &str) -> PageScore {
        match self {
            Gold::Text(gold) => PageScore::Words(word_bag_prf(text, gold)),
            Gold::Snippets { with, without } => PageScore::Snippets(snippet_counts(text, with, without)),
        }
    }
}

impl PageScore {
    /// The page's F1 on its own (for snippets, from this page's counts).
    pub fn f1(&self) -> f64 {
        match self {
            PageScore::Words(prf) => prf.f1,
            PageScore::Snippets(c) => c.prf().f1,
        }
    }
}

/// The counts of one page's snippets against its extracted text, after whitespace
/// normalisation, as upstream `tests/eval_common.py` counts them.
fn snippet_counts(text: &str, with: &[String], without: &[String]) -> Counts {
    let text = normalize_space(text);
    let found = |s: &String| {
        let s = normalize_space(s);
        !text.is_empty() && text.contains(&s)
    };
    let tp = with.iter().filter(|s| found(s)).count() as f64;
    let fp = without.iter().filter(|s| found(s)).count() as f64;
    Counts { tp, fp, fn_: with.len() as f64 - tp }
}

/// The site a page is grouped by in cross-validation: the host of its URL, lowercase, without
/// `www.`; for a page of the Wayback Machine, the host of the page it archived.
pub fn site_of(url: &str) -> Option<String> {
    let (_, rest) = url.split_once("://")?;
    let host = rest.split(['/', '?', '#']).next()?.rsplit('@').next()?.split(':').next()?;
    let host = host.to_ascii_lowercase();
    if host == "web.archive.org"
        && let Some(at) = rest.find("/http")
    {
        return site_of(&rest[at + 1..]);
    }
    let host = host.strip_prefix("www.").map(str::to_string).unwrap_or(host);
    (!host.is_empty()).then_some(host)
}

/// The fold of a site: from a hash of its name, so folds do not follow the sets' order, and a
/// site's pages are never on both sides of a split.
pub fn fold_of(site: &str, folds: usize) -> usize {
    (xxhash_rust::xxh3::xxh3_64(site.as_bytes()) % folds.max(1) as u64) as usize
}

/// Reads a page's HTML (un-gzipping it).
pub fn read_html(page: &GoldPage) -> Result<Vec<u8>, EvalError> {
    super::read_maybe_gz(&page.path)
}

/// A set's figures from its pages' scores (in page order) and failure flags: snippet counts
/// summed over the set (micro), word scores averaged per page (macro), with a subset row per
/// page type.
pub fn set_report(metric: &str, pages: &[GoldPage], scores: &[(PageScore, bool)]) -> SetReport {
    let mut counts = Counts::default();
    let mut all = MeanPrf::default();
    let mut by_subset: BTreeMap<&str, MeanPrf> = BTreeMap::new();
    let mut micro = false;
    for (page, (score, _)) in pages.iter().zip(scores) {
        match score {
            PageScore::Snippets(c) => {
                counts.add(*c);
                micro = true;
            }
            PageScore::Words(prf) => {
                all.add(*prf);
                if let Some(subset) = &page.subset {
                    by_subset.entry(subset).or_default().add(*prf);
                }
            }
        }
    }
    let failures = scores.iter().filter(|(_, failed)| *failed).count();
    let overall = if micro { counts.prf() } else { all.mean() };
    let mut report = super::report(metric, scores.len(), overall, failures);
    let mut subsets: Vec<SubsetReport> = by_subset
        .into_iter()
        .map(|(name, m)| SubsetReport { name: name.to_string(), documents: m.len(), scores: m.mean() })
        .collect();
    subsets.sort_by(|a, b| b.documents.cmp(&a.documents).then(a.name.cmp(&b.name)));
    report.subsets = subsets;
    report
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn snippets_match_after_whitespace_normalisation() {
        let c = snippet_counts(
            "Today the bridge reopened.\n\nShare this",
            &["the  bridge\nreopened".into(), "missing".into()],
            &["Share this".into()],
        );
        assert_eq!((c.tp, c.fp, c.fn_), (1.0, 1.0, 1.0));
    }

    #[test]
    fn hosts_group_a_site() {
        assert_eq!(site_of("https://www.Example.com:8080/a/b?c").as_deref(), Some("example.com"));
        assert_eq!(site_of("http://user@news.example.org").as_deref(), Some("news.example.org"));
        assert_eq!(site_of("hard::example.net-word.html"), None);
        assert_eq!(site_of("https:///x"), None);
        let archived = "https://web.archive.org/web/20080731095558/http://www.dimido.de/2008/07/x/";
        assert_eq!(site_of(archived).as_deref(), Some("dimido.de"));
    }

    #[test]
    fn folds_keep_a_site_together() {
        let folds: BTreeSet<usize> = (0..3).map(|_| fold_of("example.com", 5)).collect();
        assert_eq!(folds.len(), 1);
        assert!((0..200).map(|i| fold_of(&format!("site{i}.com"), 5)).collect::<BTreeSet<_>>().len() == 5);
    }

    #[test]
    fn snippet_sets_add_up_and_word_sets_average() {
        let page = |subset: Option<&str>| GoldPage {
            id: String::new(),
            path: PathBuf::new(),
            url: None,
            site: None,
            subset: subset.map(str::to_string),
            gold: Gold::Text(String::new()),
        };
        let micro = set_report(
            "m",
            &[page(None), page(None)],
            &[
                (PageScore::Snippets(Counts { tp: 1.0, fp: 0.0, fn_: 1.0 }), false),
                (PageScore::Snippets(Counts { tp: 3.0, fp: 0.0, fn_: 0.0 }), true),
            ],
        );
        assert!((micro.scores.recall - 0.8).abs() < 1e-9);
        assert_eq!(micro.failures, 1);
        let words = set_report(
            "m",
            &[page(Some("article")), page(Some("forum"))],
            &[(PageScore::Words(Prf::from_pr(1.0, 1.0)), false), (PageScore::Words(Prf::from_pr(0.0, 0.0)), false)],
        );
        assert!((words.scores.f1 - 0.5).abs() < 1e-9);
        assert_eq!(words.subsets.len(), 2);
    }
}
