//! Distributional word classes (word2vec + k-means, at two granularities), looked up by the
//! hash of a lowercased word, so that what a tagger learned of one word carries to words used
//! the same way (`claimed` to an unseen `asserted`, one surname to another). Two tables: the
//! quote taggers' (`models/word-clusters-en.md`) and the NER's (`models/ner-clusters-en.md`,
//! made without the annotated articles, so its held-out scores stay held out).

use std::sync::OnceLock;

use crate::frozen::HashTable;

/// The frozen tables (a test checks each against its `.tsv.gz` source): by the hash of each
/// word, its coarse and fine classes (`u16` each).
const QUOTES: &[u8] = include_bytes!("../models/word-clusters-en.bin");
const NER: &[u8] = include_bytes!("../models/ner-clusters-en.bin");

/// The cluster ids of a word at both granularities; [`UNKNOWN`] for a word not in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clusters {
    /// Among 64 classes.
    pub coarse: u16,
    /// Among 512 classes.
    pub fine: u16,
}

/// The classes of a word not in the table.
pub const UNKNOWN: Clusters = Clusters { coarse: u16::MAX, fine: u16::MAX };

impl Default for Clusters {
    fn default() -> Self {
        UNKNOWN
    }
}

/// Which table to read.
#[derive(Debug, Clone, Copy)]
pub enum Table {
    Quotes,
    Ner,
}

/// A table decoded in place; none if the embedded bytes are corrupt (a unit test rules that
/// out), which leaves every word unknown.
fn table(which: Table) -> Option<&'static HashTable<4>> {
    static QUOTES_TABLE: OnceLock<Option<HashTable<4>>> = OnceLock::new();
    static NER_TABLE: OnceLock<Option<HashTable<4>>> = OnceLock::new();
    let (cell, bytes) = match which {
        Table::Quotes => (&QUOTES_TABLE, QUOTES),
        Table::Ner => (&NER_TABLE, NER),
    };
    cell.get_or_init(|| HashTable::read_file(bytes).ok()).as_ref()
}

/// A checksum of a table's bytes, which a model trained on its classes records, so that it
/// refuses to run with other classes.
pub fn fingerprint(which: Table) -> u64 {
    xxhash_rust::xxh3::xxh3_64(match which {
        Table::Quotes => QUOTES,
        Table::Ner => NER,
    })
}

/// The classes of a lowercased word, given its `hash_str`.
pub fn of_hash(which: Table, hash: u64) -> Clusters {
    table(which).and_then(|t| t.get(hash)).map_or(UNKNOWN, |[a, b, c, d]| Clusters {
        coarse: u16::from_le_bytes([a, b]),
        fine: u16::from_le_bytes([c, d]),
    })
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::hashing::{HashMap64, hash_str};

    fn check(source: &str, frozen: &str, embedded: &[u8]) {
        let gz = std::fs::read(format!("{}/models/{source}", env!("CARGO_MANIFEST_DIR"))).unwrap();
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
        crate::frozen::check_frozen(frozen, embedded, &fresh.write_file());
    }

    #[test]
    fn the_frozen_tables_are_their_sources() {
        check("word-clusters-en.tsv.gz", "word-clusters-en.bin", QUOTES);
        check("ner-clusters-en.tsv.gz", "ner-clusters-en.bin", NER);
    }

    #[test]
    fn the_tables_load_and_know_common_words() {
        for which in [Table::Quotes, Table::Ner] {
            assert!(table(which).is_some());
            let of = |w: &str| of_hash(which, hash_str(w));
            assert_ne!(of("said"), UNKNOWN);
            assert_ne!(of("minister"), UNKNOWN);
            assert_eq!(of("no-such-word-here"), UNKNOWN);
        }
        // What the quote taggers rely on: speech verbs in one coarse class.
        let of = |w: &str| of_hash(Table::Quotes, hash_str(w));
        assert_eq!(of("said").coarse, of("told").coarse);
    }
}
