//! The scores the evaluation sets use upstream, reimplemented so our figures compare with the
//! published ones.

use std::collections::HashMap;

/// Precision, recall and F1.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Prf {
    pub precision: f64,
    pub recall: f64,
    pub f1: f64,
}

impl Prf {
    /// F1 from a precision and a recall.
    pub fn from_pr(precision: f64, recall: f64) -> Self {
        let f1 = if precision + recall > 0.0 { 2.0 * precision * recall / (precision + recall) } else { 0.0 };
        Prf { precision, recall, f1 }
    }
}

/// True-positive, false-positive and false-negative counts that add up across documents
/// (micro averaging).
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Counts {
    pub tp: f64,
    pub fp: f64,
    pub fn_: f64,
}

impl Counts {
    pub fn add(&mut self, other: Counts) {
        self.tp += other.tp;
        self.fp += other.fp;
        self.fn_ += other.fn_;
    }

    pub fn prf(&self) -> Prf {
        let p = if self.tp + self.fp > 0.0 { self.tp / (self.tp + self.fp) } else { 0.0 };
        let r = if self.tp + self.fn_ > 0.0 { self.tp / (self.tp + self.fn_) } else { 0.0 };
        Prf::from_pr(p, r)
    }
}

/// Per-document scores averaged over documents (macro averaging).
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct MeanPrf {
    sum: Prf,
    n: usize,
}

impl MeanPrf {
    pub fn add(&mut self, doc: Prf) {
        self.sum.precision += doc.precision;
        self.sum.recall += doc.recall;
        self.sum.f1 += doc.f1;
        self.n += 1;
    }

    pub fn len(&self) -> usize {
        self.n
    }

    pub fn is_empty(&self) -> bool {
        self.n == 0
    }

    /// Mean precision, recall and F1 of the documents.
    pub fn mean(&self) -> Prf {
        let n = self.n.max(1) as f64;
        Prf { precision: self.sum.precision / n, recall: self.sum.recall / n, f1: self.sum.f1 / n }
    }

    /// Mean precision and recall, with F1 computed from them (ScrapingHub's convention).
    pub fn f1_of_means(&self) -> Prf {
        let m = self.mean();
        Prf::from_pr(m.precision, m.recall)
    }
}

/// Correct answers out of those asked.
#[derive(Debug, Clone, Copy, Default, PartialEq, serde::Serialize)]
pub struct Accuracy {
    pub correct: usize,
    pub total: usize,
}

impl Accuracy {
    pub fn add(&mut self, correct: bool) {
        self.total += 1;
        self.correct += usize::from(correct);
    }

    pub fn value(&self) -> f64 {
        if self.total == 0 { 0.0 } else { self.correct as f64 / self.total as f64 }
    }
}

/// The `\w+` tokens of `text` (letters, digits, marks and `_`, as Python's `re` sees them),
/// lowercased.
pub fn word_tokens(text: &str) -> Vec<String> {
    text.split(|c: char| !(c.is_alphanumeric() || c == '_' || is_mark(c)))
        .filter(|t| !t.is_empty())
        .map(str::to_lowercase)
        .collect()
}

fn is_mark(c: char) -> bool {
    // Combining marks are part of \w in Python's re.
    matches!(c as u32, 0x0300..=0x036F | 0x0483..=0x0489 | 0x0591..=0x05BD | 0x0610..=0x061A | 0x064B..=0x065F | 0x0900..=0x0903 | 0x093A..=0x094F)
}

fn bag<T: std::hash::Hash + Eq>(items: impl IntoIterator<Item = T>) -> HashMap<T, usize> {
    let mut map = HashMap::new();
    for item in items {
        *map.entry(item).or_insert(0) += 1;
    }
    map
}

fn overlap<T: std::hash::Hash + Eq>(pred: &HashMap<T, usize>, gold: &HashMap<T, usize>) -> usize {
    pred.iter().map(|(k, &n)| n.min(gold.get(k).copied().unwrap_or(0))).sum()
}

/// WCXB's word-level score of one page: the multiset overlap of lowercase `\w+` tokens.
/// An empty prediction scores 0, an empty gold with an empty prediction 1.
pub fn word_bag_prf(predicted: &str, gold: &str) -> Prf {
    let pred = word_tokens(predicted);
    let gold = word_tokens(gold);
    if pred.is_empty() && gold.is_empty() {
        return Prf { precision: 1.0, recall: 1.0, f1: 1.0 };
    }
    if pred.is_empty() || gold.is_empty() {
        return Prf::default();
    }
    let common = overlap(&bag(pred.iter()), &bag(gold.iter())) as f64;
    Prf::from_pr(common / pred.len() as f64, common / gold.len() as f64)
}

/// Shingle size of the ScrapingHub article-extraction-benchmark metric.
pub const SHINGLE: usize = 4;

/// ScrapingHub's tokens: `\w+` as Python's `re` matches it on `str` (letters, numbers and
/// `_`), case kept, as the upstream `evaluate.py` does.
pub fn scrapinghub_tokens(text: &str) -> Vec<&str> {
    static TOKEN: std::sync::LazyLock<Option<regex::Regex>> =
        std::sync::LazyLock::new(|| regex::Regex::new(r"[\p{L}\p{N}_]+").ok());
    match TOKEN.as_ref() {
        Some(re) => re.find_iter(text).map(|m| m.as_str()).collect(),
        None => Vec::new(),
    }
}

/// ScrapingHub's `string_shingle_matching` exactly: multiset TP, FP and FN over 4-token
/// shingles (a text shorter than 4 tokens is one shorter shingle), normalized to sum to one.
/// Aggregate with [`ShingleMean`].
pub fn shingle_counts(predicted: &str, gold: &str) -> Counts {
    fn shingles<'a>(tokens: &'a [&'a str]) -> HashMap<&'a [&'a str], usize> {
        let n = tokens.len().saturating_sub(SHINGLE - 1).max(1);
        bag((0..n).map(|i| &tokens[i..(i + SHINGLE).min(tokens.len())]).filter(|s| !s.is_empty()))
    }
    let (pt, gt) = (scrapinghub_tokens(predicted), scrapinghub_tokens(gold));
    let (pred, gold) = (shingles(&pt), shingles(&gt));
    let total = |m: &HashMap<&[&str], usize>| m.values().sum::<usize>() as f64;
    let tp = overlap(&pred, &gold) as f64;
    let (fp, fn_) = (total(&pred) - tp, total(&gold) - tp);
    let sum = tp + fp + fn_;
    if sum > 0.0 { Counts { tp: tp / sum, fp: fp / sum, fn_: fn_ / sum } } else { Counts::default() }
}

/// ScrapingHub's `metrics_from_tp_fp_fns`: mean precision over documents with a prediction,
/// mean recall over documents with a gold text, F1 of the two means.
#[derive(Debug, Clone, Copy, Default, PartialEq)]
pub struct ShingleMean {
    precision: (f64, usize),
    recall: (f64, usize),
    documents: usize,
}

impl ShingleMean {
    pub fn add(&mut self, c: Counts) {
        self.documents += 1;
        let perfect = c.fp == 0.0 && c.fn_ == 0.0;
        if c.tp + c.fp > 0.0 {
            let p = if perfect { 1.0 } else { c.tp / (c.tp + c.fp) };
            self.precision = (self.precision.0 + p, self.precision.1 + 1);
        }
        if c.tp + c.fn_ > 0.0 {
            let r = if perfect { 1.0 } else { c.tp / (c.tp + c.fn_) };
            self.recall = (self.recall.0 + r, self.recall.1 + 1);
        }
    }

    pub fn merge(&mut self, other: &ShingleMean) {
        self.precision = (self.precision.0 + other.precision.0, self.precision.1 + other.precision.1);
        self.recall = (self.recall.0 + other.recall.0, self.recall.1 + other.recall.1);
        self.documents += other.documents;
    }

    pub fn len(&self) -> usize {
        self.documents
    }

    pub fn is_empty(&self) -> bool {
        self.documents == 0
    }

    pub fn prf(&self) -> Prf {
        let mean = |(sum, n): (f64, usize)| if n == 0 { 0.0 } else { sum / n as f64 };
        Prf::from_pr(mean(self.precision), mean(self.recall))
    }
}

/// Collapses whitespace runs to one space, as trafilatura's snippet matching does.
pub fn normalize_space(text: &str) -> String {
    newsmill_extract::title::collapse_whitespace(text)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn word_bag_counts_multisets() {
        let s = word_bag_prf("the cat the cat", "The cat sat");
        assert!((s.precision - 0.5).abs() < 1e-9);
        assert!((s.recall - 2.0 / 3.0).abs() < 1e-9);
    }

    #[test]
    fn shingles_reward_order() {
        let gold = "one two three four five six";
        let same = shingle_counts(gold, gold);
        assert!((same.tp - 1.0).abs() < 1e-9 && same.fp == 0.0 && same.fn_ == 0.0);
        assert!(shingle_counts("six five four three two one", gold).tp < 0.01);
        assert_eq!(shingle_counts("", gold).tp, 0.0);
    }

    #[test]
    fn counts_add_up() {
        let mut c = Counts::default();
        c.add(Counts { tp: 3.0, fp: 1.0, fn_: 0.0 });
        c.add(Counts { tp: 1.0, fp: 0.0, fn_: 2.0 });
        let prf = c.prf();
        assert!((prf.precision - 0.8).abs() < 1e-9);
        assert!((prf.recall - 4.0 / 6.0).abs() < 1e-9);
    }

    #[test]
    fn scrapinghub_metric_matches_upstream_conventions() {
        let gold = "One two three four five";
        let c = shingle_counts("One two three four five", gold);
        assert!((c.tp - 1.0).abs() < 1e-9);
        // Case is kept, as upstream.
        assert!((shingle_counts("one two three four five", gold).tp - 1.0 / 3.0).abs() < 1e-9);
        // Short texts are one shorter shingle.
        assert!((shingle_counts("A b", "A b").tp - 1.0).abs() < 1e-9);
        let mut mean = ShingleMean::default();
        mean.add(shingle_counts(gold, gold));
        mean.add(shingle_counts("", gold)); // no prediction: recall 0, not in precision
        let prf = mean.prf();
        assert!((prf.precision - 1.0).abs() < 1e-9);
        assert!((prf.recall - 0.5).abs() < 1e-9);
        assert_eq!(mean.len(), 2);
    }
}
