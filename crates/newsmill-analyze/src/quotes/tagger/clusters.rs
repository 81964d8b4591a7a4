//! What the taggers know of a word type, looked up once per token by the word's hash: its
//! distributional classes (`models/word-clusters-en.tsv.gz`, so that a tagger that saw
//! `claimed` can treat an unseen `asserted` like it; two granularities) and its weight in the
//! cue lexicon.

use std::collections::HashMap;
use std::sync::OnceLock;

use crate::hashing::{HashMap64, hash_str};

const EMBEDDED: &[u8] = include_bytes!("../../../models/word-clusters-en.tsv.gz");

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

// Keys are already xxh3 hashes of the words: the map need not hash them again.
type Table = HashMap64<WordInfo>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut table: Table =
            cluster_table().into_iter().map(|(h, clusters)| (h, WordInfo { clusters, cue_weight: 0.0 })).collect();
        for (word, weight) in super::super::cues::lexicon_entries() {
            table.entry(hash_str(word)).or_insert(UNSEEN).cue_weight = weight;
        }
        table
    })
}

/// The classes of each word of the embedded table, by word hash.
fn cluster_table() -> HashMap<u64, Clusters> {
    crate::tables::gz_tsv_rows(EMBEDDED, |f| {
        let clusters = Clusters { coarse: f.get(1)?.parse().ok()?, fine: f.get(2)?.parse().ok()? };
        Some((hash_str(f.first()?), clusters))
    })
    .into_iter()
    .collect()
}

/// What is known of a lowercased word, given its `hash_str`.
pub fn of_hash(hash: u64) -> WordInfo {
    table().get(&hash).copied().unwrap_or(UNSEEN)
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
    fn the_table_loads_and_groups_speech_verbs() {
        assert!(table().len() > 10_000);
        assert_ne!(of("said"), UNKNOWN);
        assert_eq!(of("said").coarse, of("told").coarse);
        assert_eq!(of("no-such-word-here"), UNKNOWN);
    }
}
