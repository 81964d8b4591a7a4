//! The place gazetteer: countries (with common aliases such as `U.S.` and `America`),
//! demonyms, first-level regions and cities, compacted from GeoNames by
//! `tools/build_gazetteer.py` into `models/gazetteer-en.tsv` and embedded in the binary frozen.
//! Names are matched as token sequences (case-sensitive, longest first) so `New York` and
//! `Sri Lanka` match as wholes; the NER model uses the matches as features and the entity
//! merger uses the country codes to group `US`, `U.S.` and `United States`.

use super::frozen::{HashTable, take_u64};
use super::hashing::HashMap64;
#[cfg(any(test, feature = "internals"))]
use super::tokens::Token;
use super::tokens::tokenize;

/// The gazetteer shipped with the program, frozen (`models/gazetteer-en.bin`) from its source
/// `models/gazetteer-en.tsv` (a test checks they agree).
const EMBEDDED: &[u8] = include_bytes!("../models/gazetteer-en.bin");
const MAGIC: &[u8; 8] = b"NMGAZ\0\0\x01";

/// What a gazetteer name is. The values are bit positions in [`GazMatch::kinds`].
#[cfg(any(test, feature = "internals"))]
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum GazKind {
    Country = 0,
    Demonym = 1,
    Region = 2,
    City = 3,
}

#[cfg(any(test, feature = "internals"))]
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

impl Entry {
    fn bytes(self) -> [u8; 3] {
        [self.kinds, self.country[0], self.country[1]]
    }

    fn from_bytes([kinds, a, b]: [u8; 3]) -> Entry {
        Entry { kinds, country: [a, b] }
    }
}

/// Names as token sequences. Frozen as `MAGIC`, the checksum, the name table and the
/// first-token table ([`HashTable`]s).
#[derive(Debug, Clone)]
pub struct Gazetteer {
    /// Keyed by the hash of the name's token sequence.
    names: HashTable<3>,
    /// The most tokens of a name starting with each first token: most tokens start none,
    /// so most positions cost one lookup.
    first: HashTable<1>,
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
    // `’` is E2 80 99 in UTF-8: most tokens have no E2 byte and skip the search.
    if tok.as_bytes().contains(&0xE2) && tok.contains('’') {
        xxhash_rust::xxh3::xxh3_64(tok.replace('’', "'").as_bytes())
    } else {
        xxhash_rust::xxh3::xxh3_64(tok.as_bytes())
    }
}

fn extend(h: u64, tok: u64) -> u64 {
    (h.rotate_left(17) ^ tok).wrapping_mul(0x9E37_79B9_7F4A_7C15)
}

impl Default for Gazetteer {
    /// No names at all.
    fn default() -> Gazetteer {
        Gazetteer::freeze(HashMap64::default(), HashMap64::default(), 0)
    }
}

/// Why the embedded gazetteer did not load (only a corrupt build fails).
#[derive(Debug, Clone, thiserror::Error)]
#[error("the built-in gazetteer (models/gazetteer-en.bin) is corrupt: {0}; rebuild the program")]
pub struct GazetteerError(&'static str);

impl Gazetteer {
    /// Parses the `KIND<TAB>NAME<TAB>ISO2` lines written by `tools/build_gazetteer.py`;
    /// unknown kinds and malformed lines are skipped.
    #[cfg(any(test, feature = "internals"))]
    pub fn parse(tsv: &str) -> Gazetteer {
        let (mut names, mut first) = (HashMap64::<Entry>::default(), HashMap64::<u8>::default());
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
            let most = first.entry(token_hash(toks[0].text(name))).or_default();
            *most = (*most).max(toks.len().min(255) as u8);
            let e = names.entry(h).or_default();
            let first_country = e.kinds & 0b11 == 0;
            e.kinds |= 1 << kind as u8;
            if matches!(kind, GazKind::Country | GazKind::Demonym) && first_country {
                let b = cc.as_bytes();
                e.country = [b.first().copied().unwrap_or(b'?'), b.get(1).copied().unwrap_or(b'?')];
            }
        }
        Gazetteer::freeze(names, first, xxhash_rust::xxh3::xxh3_64(tsv.as_bytes()))
    }

    fn freeze(names: HashMap64<Entry>, first: HashMap64<u8>, checksum: u64) -> Gazetteer {
        // The maps hold one entry per key; only two names hashing to 0 and 1 could clash.
        fn frozen<const W: usize>(entries: Vec<(u64, [u8; W])>) -> HashTable<W> {
            HashTable::build(entries).unwrap_or_else(|e| panic!("gazetteer names clash ({e}): rename one"))
        }
        Gazetteer {
            names: frozen(names.into_iter().map(|(k, e)| (k, e.bytes())).collect()),
            first: frozen(first.into_iter().map(|(k, n)| (k, [n])).collect()),
            checksum,
        }
    }

    /// The gazetteer shipped with the program, read in place: no parsing at start-up. The
    /// embedded bytes are checked by a test against their source, so only a broken build fails.
    pub fn embedded() -> Result<Gazetteer, GazetteerError> {
        Gazetteer::read(EMBEDDED).map_err(GazetteerError)
    }

    /// A gazetteer frozen by [`write`](Self::write).
    fn read(bytes: &'static [u8]) -> Result<Gazetteer, &'static str> {
        let rest = bytes.strip_prefix(MAGIC.as_slice()).ok_or("bad magic")?;
        let (checksum, rest) = take_u64(rest)?;
        let (names, rest) = HashTable::read(rest)?;
        let (first, rest) = HashTable::read(rest)?;
        if !rest.is_empty() {
            return Err("trailing bytes");
        }
        Ok(Gazetteer { names, first, checksum })
    }

    /// The frozen form [`read`](Self::read) reads.
    #[cfg(test)]
    fn write(&self, out: &mut Vec<u8>) {
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&self.checksum.to_le_bytes());
        self.names.write(out);
        self.first.write(out);
    }

    fn lookup(&self, hashes: &[u64]) -> Option<Entry> {
        let h = hashes.iter().fold(0, |h, &t| extend(h, t));
        self.names.get(h).map(Entry::from_bytes)
    }

    /// Longest matches, left to right, over a sentence's token hashes ([`token_hash`]).
    pub fn find(&self, hashes: &[u64], out: &mut Vec<GazMatch>) {
        out.clear();
        let mut i = 0;
        while i < hashes.len() {
            let most = self.first.get(hashes[i]).map_or(0, |[n]| n as usize);
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
        self.has_kind(name, 0b1101)
    }

    /// Is `name` a demonym (`German`, `Afghans`), whatever else it names (German, New York)?
    pub fn is_demonym(&self, name: &str) -> bool {
        self.has_kind(name, 0b10)
    }

    /// Is `name` a country or a first-order division (`Florida`, `Tasmania`)?
    pub fn is_country_or_region(&self, name: &str) -> bool {
        self.has_kind(name, 0b101)
    }

    /// Is `name` a country name (not only a demonym or a city)?
    pub fn is_country(&self, name: &str) -> bool {
        self.has_kind(name, 1)
    }

    /// Whether the whole of `name` is an entry with one of the kinds in `mask` ([`GazKind`] bits).
    fn has_kind(&self, name: &str, mask: u8) -> bool {
        let toks = tokenize(name);
        let hashes: Vec<u64> = toks.iter().map(|t| token_hash(t.text(name))).collect();
        self.lookup(&hashes).is_some_and(|e| e.kinds & mask != 0)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn frozen_is_the_source() {
        let tsv = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/models/gazetteer-en.tsv")).unwrap();
        let mut fresh = Vec::new();
        Gazetteer::parse(&tsv).write(&mut fresh);
        crate::frozen::check_frozen("gazetteer-en.bin", EMBEDDED, &fresh);
        let mut again = Vec::new();
        Gazetteer::embedded().unwrap().write(&mut again);
        assert!(again == fresh);
    }

    #[test]
    fn country_aliases_share_a_code() {
        let g = Gazetteer::embedded().unwrap();
        for name in ["US", "U.S.", "United States", "America", "the United States"] {
            assert_eq!(g.country_of(name), Some(*b"US"), "{name}");
        }
        assert_eq!(g.country_of("Afghan"), Some(*b"AF"));
        assert_eq!(g.country_of("Moscow"), None);
        assert!(g.is_country("Qatar"));
    }

    #[test]
    fn finds_longest_multi_token_names() {
        let g = Gazetteer::embedded().unwrap();
        let text = "talks in New York and Sri Lanka";
        let hashes: Vec<u64> = tokenize(text).iter().map(|t| token_hash(t.text(text))).collect();
        let mut found = Vec::new();
        g.find(&hashes, &mut found);
        let spans: Vec<_> = found.iter().map(|m| (m.start, m.end)).collect();
        assert!(spans.contains(&(2, 4)) && spans.contains(&(5, 7)), "{spans:?}");
    }
}
