//! What the taggers know of a word type, looked up once per token by the word's hash: its
//! distributional classes (`models/word-clusters-en.tsv.gz`, so that a tagger that saw
//! `claimed` can treat an unseen `asserted` like it; two granularities) and its weight in the
//! cue lexicon.

use std::sync::OnceLock;

use crate::frozen::HashTable;
use crate::hashing::{HashMap64, hash_str};

/// `models/word-clusters-en.tsv.gz` frozen (a test checks they agree): by the hash of each
/// word, its coarse and fine classes (`u16` each).
const FROZEN: &[u8] = include_bytes!("../../../models/word-clusters-en.bin");

/// The cluster ids of a word at both granularities; `UNKNOWN` for a word not in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clusters {
    pub coarse: u16,
    pub fine: u16,
}

pub const UNKNOWN: Clusters = Clusters { coarse: u16::MAX, fine: u16::MAX };

/// A word type: its classes and its cue-lexicon weight.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct WordInfo {
    pub clusters: Clusters,
    pub cue_weight: f32,
}

pub const UNSEEN: WordInfo = WordInfo { clusters: UNKNOWN, cue_weight: 0.0 };

/// The classes of every word of the table; none if the embedded bytes are corrupt (a unit
/// test rules that out), which leaves every word unknown.
fn cluster_table() -> Option<&'static HashTable<4>> {
    static TABLE: OnceLock<Option<HashTable<4>>> = OnceLock::new();
    TABLE.get_or_init(|| HashTable::read_file(FROZEN).ok()).as_ref()
}

/// The cue-lexicon weight of each word, by word hash.
fn cue_weights() -> &'static HashMap64<f32> {
    static WEIGHTS: OnceLock<HashMap64<f32>> = OnceLock::new();
    WEIGHTS.get_or_init(|| super::super::cues::lexicon_entries().map(|(w, weight)| (hash_str(w), weight)).collect())
}

/// What is known of a lowercased word, given its `hash_str`.
pub fn of_hash(hash: u64) -> WordInfo {
    let clusters = cluster_table().and_then(|t| t.get(hash)).map_or(UNKNOWN, |[a, b, c, d]| Clusters {
        coarse: u16::from_le_bytes([a, b]),
        fine: u16::from_le_bytes([c, d]),
    });
    WordInfo { clusters, cue_weight: cue_weights().get(&hash).copied().unwrap_or(0.0) }
}

/// The classes of a lowercased word.
#[cfg(feature = "internals")]
pub fn of(lower: &str) -> Clusters {
    of_hash(hash_str(lower)).clusters
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_frozen_table_is_its_source() {
        let gz = std::fs::read(concat!(env!("CARGO_MANIFEST_DIR"), "/models/word-clusters-en.tsv.gz")).unwrap();
        let rows: HashMap64<[u8; 4]> = crate::tables::gz_tsv_rows(&gz, |f| {
            let (coarse, fine): (u16, u16) = (f.get(1)?.parse().ok()?, f.get(2)?.parse().ok()?);
            let [a, b] = coarse.to_le_bytes();
            let [c, d] = fine.to_le_bytes();
            Some((hash_str(f.first()?), [a, b, c, d]))
        })
        .into_iter()
        .collect();
        assert!(rows.len() > 10_000);
        let fresh = HashTable::build(rows.into_iter().collect()).unwrap();
        crate::frozen::check_frozen("word-clusters-en.bin", FROZEN, &fresh.write_file());
    }

    #[test]
    fn the_table_loads_and_groups_speech_verbs() {
        assert!(cluster_table().is_some());
        assert_ne!(of("said"), UNKNOWN);
        assert_eq!(of("said").coarse, of("told").coarse);
        assert_eq!(of("no-such-word-here"), UNKNOWN);
    }
}
