//! Word clusters (`models/word-clusters-en.tsv.gz`): distributional classes of words, so that
//! a tagger that saw `claimed` can treat an unseen `asserted` like it. Two granularities.

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

use super::view::hash_str;

const EMBEDDED: &[u8] = include_bytes!("../../../../../../models/word-clusters-en.tsv.gz");

/// The cluster ids of a word at both granularities; `UNKNOWN` for a word not in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clusters {
    pub coarse: u16,
    pub fine: u16,
}

pub const UNKNOWN: Clusters = Clusters { coarse: u16::MAX, fine: u16::MAX };

/// Keys are already xxh3 hashes of the words: the map need not hash them again.
#[derive(Default, Clone, Copy)]
struct Prehashed(u64);

impl std::hash::Hasher for Prehashed {
    fn finish(&self) -> u64 {
        self.0
    }

    fn write(&mut self, bytes: &[u8]) {
        // Only `write_u64` is used for the keys; fold anything else in for completeness.
        for &b in bytes {
            self.0 = self.0.rotate_left(8) ^ u64::from(b);
        }
    }

    fn write_u64(&mut self, n: u64) {
        self.0 = n;
    }
}

type Table = HashMap<u64, Clusters, std::hash::BuildHasherDefault<Prehashed>>;

fn table() -> &'static Table {
    static TABLE: OnceLock<Table> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut text = String::new();
        if flate2::read::GzDecoder::new(EMBEDDED).read_to_string(&mut text).is_err() {
            return Table::default();
        }
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                let word = f.next()?;
                let coarse = f.next()?.parse().ok()?;
                let fine = f.next()?.parse().ok()?;
                Some((hash_str(word), Clusters { coarse, fine }))
            })
            .collect()
    })
}

/// The clusters of a lowercased word, given its `hash_str`.
pub fn of_hash(hash: u64) -> Clusters {
    table().get(&hash).copied().unwrap_or(UNKNOWN)
}

/// The clusters of a lowercased word.
pub fn of(lower: &str) -> Clusters {
    of_hash(hash_str(lower))
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
