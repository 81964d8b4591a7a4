//! Word clusters (`models/word-clusters-en.tsv.gz`): distributional classes of words, so that
//! a tagger that saw `claimed` can treat an unseen `asserted` like it. Two granularities.

use std::collections::HashMap;
use std::io::Read;
use std::sync::OnceLock;

const EMBEDDED: &[u8] = include_bytes!("../../../../../../models/word-clusters-en.tsv.gz");

/// The cluster ids of a word at both granularities; `UNKNOWN` for a word not in the table.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Clusters {
    pub coarse: u16,
    pub fine: u16,
}

pub const UNKNOWN: Clusters = Clusters { coarse: u16::MAX, fine: u16::MAX };

fn table() -> &'static HashMap<String, Clusters> {
    static TABLE: OnceLock<HashMap<String, Clusters>> = OnceLock::new();
    TABLE.get_or_init(|| {
        let mut text = String::new();
        if flate2::read::GzDecoder::new(EMBEDDED).read_to_string(&mut text).is_err() {
            return HashMap::new();
        }
        text.lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                let word = f.next()?;
                let coarse = f.next()?.parse().ok()?;
                let fine = f.next()?.parse().ok()?;
                Some((word.to_string(), Clusters { coarse, fine }))
            })
            .collect()
    })
}

/// The clusters of a lowercased word.
pub fn of(lower: &str) -> Clusters {
    table().get(lower).copied().unwrap_or(UNKNOWN)
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
