//! The place gazetteer: countries (with common aliases such as `U.S.` and `America`),
//! demonyms, first-level regions and cities, compacted from GeoNames by
//! `tools/build_gazetteer.py` into `models/gazetteer-en.tsv` and embedded in the binary.
//! Names are matched as token sequences (case-sensitive, longest first) so `New York` and
//! `Sri Lanka` match as wholes; the NER model uses the matches as features and the entity
//! merger uses the country codes to group `US`, `U.S.` and `United States`.

use super::hashing::HashMap64;
use super::tokens::{Token, tokenize};

/// The gazetteer shipped with the program.
pub const EMBEDDED_TSV: &str = include_str!("../models/gazetteer-en.tsv");

/// What a gazetteer name is. The values are bit positions in [`GazMatch::kinds`].
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazKind {
    Country = 0,
    Demonym = 1,
    Region = 2,
    City = 3,
}

impl GazKind {
    fn parse(s: &str) -> Option<GazKind> {
        Some(match s {
            "country" => GazKind::Country,
            "demonym" => GazKind::Demonym,
            "region" => GazKind::Region,
            "city" => GazKind::City,
            _ => return None,
        })
    }
}

/// One entry: which kinds a name has, and the country of its first country or demonym
/// reading (`*b"US"`).
#[derive(Debug, Clone, Copy, Default)]
struct Entry {
    kinds: u8,
    country: [u8; 2],
}

#[derive(Debug, Clone, Default)]
pub struct Gazetteer {
    /// Keyed by the hash of the name's token sequence.
    names: HashMap64<Entry>,
    /// The most tokens of a name starting with each first token: most tokens start none,
    /// so most positions cost one lookup.
    first: HashMap64<u8>,
    max_tokens: usize,
    /// xxh3 of the source text: the NER model records it, since its gazetteer features
    /// mean something only with the gazetteer it was trained with.
    pub checksum: u64,
}

/// A gazetteer match over tokens `start..end` of a sentence.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct GazMatch {
    pub start: usize,
    pub end: usize,
    pub kinds: u8,
}

/// Folds curly apostrophes so `Côte d’Ivoire` matches `Côte d'Ivoire`.
pub fn token_hash(tok: &str) -> u64 {
    if tok.contains('’') {
        xxhash_rust::xxh3::xxh3_64(tok.replace('’', "'").as_bytes())
    } else {
        xxhash_rust::xxh3::xxh3_64(tok.as_bytes())
    }
}

fn extend(h: u64, tok: u64) -> u64 {
    (h.rotate_left(17) ^ tok).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl Gazetteer {
    /// Parses the `KIND<TAB>NAME<TAB>ISO2` lines written by `tools/build_gazetteer.py`;
    /// unknown kinds and malformed lines are skipped.
    pub fn parse(tsv: &str) -> Gazetteer {
        let mut g = Gazetteer { checksum: xxhash_rust::xxh3::xxh3_64(tsv.as_bytes()), ..Gazetteer::default() };
        let mut toks: Vec<Token> = Vec::new();
        for line in tsv.lines().filter(|l| !l.starts_with('#')) {
            let mut cols = line.split('\t');
            let (Some(kind), Some(name), Some(cc)) = (cols.next().and_then(GazKind::parse), cols.next(), cols.next())
            else {
                continue;
            };
            toks.clear();
            toks.extend(tokenize(name));
            if toks.is_empty() {
                continue;
            }
            let h = toks.iter().fold(0, |h, t| extend(h, token_hash(t.text(name))));
            g.max_tokens = g.max_tokens.max(toks.len());
            let first = g.first.entry(token_hash(toks[0].text(name))).or_default();
            *first = (*first).max(toks.len().min(255) as u8);
            let e = g.names.entry(h).or_default();
            let first_country = e.kinds & 0b11 == 0;
            e.kinds |= 1 << kind as u8;
            if matches!(kind, GazKind::Country | GazKind::Demonym) && first_country {
                let b = cc.as_bytes();
                e.country = [b.first().copied().unwrap_or(b'?'), b.get(1).copied().unwrap_or(b'?')];
            }
        }
        g
    }

    /// The gazetteer shipped with the program.
    pub fn embedded() -> Gazetteer {
        Gazetteer::parse(EMBEDDED_TSV)
    }

    fn lookup(&self, hashes: &[u64]) -> Option<Entry> {
        let h = hashes.iter().fold(0, |h, &t| extend(h, t));
        self.names.get(&h).copied()
    }

    /// Longest matches, left to right, over a sentence's token hashes ([`token_hash`]).
    pub fn find(&self, hashes: &[u64], out: &mut Vec<GazMatch>) {
        out.clear();
        let mut i = 0;
        while i < hashes.len() {
            let most = self.first.get(&hashes[i]).map_or(0, |&n| n as usize);
            let longest =
                (1..=most.min(hashes.len() - i)).rev().find_map(|n| self.lookup(&hashes[i..i + n]).map(|e| (n, e)));
            match longest {
                Some((n, e)) => {
                    out.push(GazMatch { start: i, end: i + n, kinds: e.kinds });
                    i += n;
                }
                None => i += 1,
            }
        }
    }

    /// The ISO country code of a country name or demonym (`U.S.` → `US`, `Afghan` → `AF`).
    pub fn country_of(&self, name: &str) -> Option<[u8; 2]> {
        let toks = tokenize(name);
        let hashes: Vec<u64> = toks.iter().map(|t| token_hash(t.text(name))).collect();
        let name_hashes = hashes.strip_prefix(&[token_hash("the")][..]).unwrap_or(&hashes);
        self.lookup(name_hashes).filter(|e| e.kinds & 0b11 != 0).map(|e| e.country)
    }

    /// Is `name` any place of the gazetteer (country, region or city)?
    pub fn is_place(&self, name: &str) -> bool {
        let toks = tokenize(name);
        let hashes: Vec<u64> = toks.iter().map(|t| token_hash(t.text(name))).collect();
        self.lookup(&hashes).is_some_and(|e| e.kinds & 0b1101 != 0)
    }

    /// Is `name` a country name (not only a demonym or a city)?
    pub fn is_country(&self, name: &str) -> bool {
        let toks = tokenize(name);
        let hashes: Vec<u64> = toks.iter().map(|t| token_hash(t.text(name))).collect();
        self.lookup(&hashes).is_some_and(|e| e.kinds & 1 != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn country_aliases_share_a_code() {
        let g = Gazetteer::embedded();
        for name in ["US", "U.S.", "United States", "America", "the United States"] {
            assert_eq!(g.country_of(name), Some(*b"US"), "{name}");
        }
        assert_eq!(g.country_of("Afghan"), Some(*b"AF"));
        assert_eq!(g.country_of("Moscow"), None);
        assert!(g.is_country("Qatar"));
    }

    #[test]
    fn finds_longest_multi_token_names() {
        let g = Gazetteer::embedded();
        let text = "talks in New York and Sri Lanka";
        let hashes: Vec<u64> = tokenize(text).iter().map(|t| token_hash(t.text(text))).collect();
        let mut found = Vec::new();
        g.find(&hashes, &mut found);
        let spans: Vec<_> = found.iter().map(|m| (m.start, m.end)).collect();
        assert!(spans.contains(&(2, 4)) && spans.contains(&(5, 7)), "{spans:?}");
    }
}
