//! What the taggers know of a word type, looked up once per token by the word's hash: its
//! distributional classes (`models/word-clusters-en.tsv.gz`, so that a tagger that saw
//! `claimed` can treat an unseen `asserted` like it; two granularities) and its weight in the
//! cue lexicon.

use std::sync::OnceLock;

pub use crate::clusters::Clusters;
use crate::clusters::{Table, UNKNOWN};
use crate::hashing::{HashMap64, hash_str};

/// A word type: its classes and its cue-lexicon weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordInfo {
    pub clusters: Clusters,
    pub cue_weight: f32,
}

pub const UNSEEN: WordInfo = WordInfo { clusters: UNKNOWN, cue_weight: 0.0 };

/// The cue-lexicon weight of each word, by word hash.
fn cue_weights() -> &'static HashMap64<f32> {
    static WEIGHTS: OnceLock<HashMap64<f32>> = OnceLock::new();
    WEIGHTS.get_or_init(|| super::super::cues::lexicon_entries().map(|(w, weight)| (hash_str(w), weight)).collect())
}

/// What is known of a lowercased word, given its `hash_str`.
pub fn of_hash(hash: u64) -> WordInfo {
    WordInfo {
        clusters: crate::clusters::of_hash(Table::Quotes, hash),
        cue_weight: cue_weights().get(&hash).copied().unwrap_or(0.0),
    }
}

