//! MinHash over word shingles, to link the same story stored from two sources. The share of
//! equal signature slots estimates the Jaccard similarity of the two texts' 3-word shingles;
//! at or above [`SAME_STORY`] they tell the same story. Lookup is LSH: the signature is cut
//! into [`BANDS`] bands of [`ROWS`] slots, and texts that agree on a whole band are compared.
//! With 16 bands of 4, a pair at Jaccard 0.8 is found with probability 0.9998.

use xxhash_rust::xxh3::{xxh3_64, xxh3_64_with_seed};

pub const BANDS: usize = 16;
pub const ROWS: usize = 4;
const SLOTS: usize = BANDS * ROWS;
const SHINGLE: usize = 3;
/// Estimated Jaccard similarity from which two texts are one story retold.
pub const SAME_STORY: f64 = 0.8;

/// A text's MinHash signature.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Signature(pub [u32; SLOTS]);

impl Signature {
    pub fn of(text: &str) -> Self {
        let hashes = shingle_hashes(text);
        #[cfg(target_arch = "x86_64")]
        if std::arch::is_x86_feature_detected!("avx512dq") {
            // SAFETY: the CPU has AVX-512 F and DQ, checked just above.
            return Signature(unsafe { min_hashes_avx512(&hashes) });
        }
        Signature(min_hashes(&hashes))
    }

    /// Estimated Jaccard similarity of the two texts' shingle sets.
    pub fn similarity(&self, other: &Signature) -> f64 {
        let equal = self.0.iter().zip(&other.0).filter(|(a, b)| a == b).count();
        equal as f64 / SLOTS as f64
    }

    /// The band keys stored in `minhash_bands`.
    pub fn bands(&self) -> impl Iterator<Item = (i64, i64)> + '_ {
        self.0.chunks(ROWS).enumerate().map(|(band, rows)| {
            let bytes: Vec<u8> = rows.iter().flat_map(|r| r.to_le_bytes()).collect();
            (band as i64, xxh3_64_with_seed(&bytes, band as u64) as i64)
        })
    }

    pub fn to_bytes(&self) -> Vec<u8> {
        self.0.iter().flat_map(|s| s.to_le_bytes()).collect()
    }

    /// Reads a stored signature; `None` if the blob is not one.
    pub fn from_bytes(bytes: &[u8]) -> Option<Self> {
        if bytes.len() != SLOTS * 4 {
            return None;
        }
        let mut slots = [0u32; SLOTS];
        for (slot, chunk) in slots.iter_mut().zip(bytes.chunks_exact(4)) {
            *slot = u32::from_le_bytes([chunk[0], chunk[1], chunk[2], chunk[3]]);
        }
        Some(Signature(slots))
    }
}

/// The xxh3 hash of each 3-word shingle of the lowercased words, written as the words joined
/// by single spaces. The words go into one buffer, each followed by a space, so that a shingle
/// is a slice of it.
fn shingle_hashes(text: &str) -> Vec<u64> {
    let mut lower = String::with_capacity(text.len());
    let mut starts = Vec::new();
    for w in text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()) {
        starts.push(lower.len());
        if w.is_ascii() {
            lower.push_str(w);
        } else {
            // `str::to_lowercase`, not per character: it knows a final sigma.
            lower.push_str(&w.to_lowercase());
        }
        lower.push(' ');
    }
    lower.make_ascii_lowercase();
    starts.push(lower.len());
    (0..starts.len().saturating_sub(SHINGLE))
        .map(|i| xxh3_64(&lower.as_bytes()[starts[i]..starts[i + SHINGLE] - 1]))
        .collect()
}

/// The signature slots of a set of shingle hashes: per slot, the least of one cheap keyed mix
/// of each hash (standing in for a random permutation).
#[inline(always)]
fn min_hashes(hashes: &[u64]) -> [u32; SLOTS] {
    let mut slots = [u32::MAX; SLOTS];
    for &h in hashes {
        for (slot, seed) in slots.iter_mut().zip(SEEDS) {
            *slot = (*slot).min((splitmix(h ^ seed) >> 32) as u32);
        }
    }
    slots
}

/// [`min_hashes`] compiled for AVX-512, whose 64-bit multiplies let the compiler mix eight
/// slots at once, with the same result.
#[cfg(target_arch = "x86_64")]
#[target_feature(enable = "avx512f,avx512dq")]
fn min_hashes_avx512(hashes: &[u64]) -> [u32; SLOTS] {
    min_hashes(hashes)
}

const SEEDS: [u64; SLOTS] = {
    let mut seeds = [0u64; SLOTS];
    let mut i = 0;
    while i < SLOTS {
        seeds[i] = splitmix(0x9E37_79B9_7F4A_7C15 ^ (i as u64 + 1));
        i += 1;
    }
    seeds
};

const fn splitmix(mut x: u64) -> u64 {
    x = x.wrapping_add(0x9E37_79B9_7F4A_7C15);
    x = (x ^ (x >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
    x = (x ^ (x >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
    x ^ (x >> 31)
}

#[cfg(test)]
mod tests {
    use super::*;

    const STORY: &str = "The harbour bridge reopened on Monday after two years of repairs, the city said, \
        and thousands of commuters crossed it before dawn to be among the first. Engineers replaced \
        every cable and most of the deck during the closure, which began after inspectors found \
        corrosion in the anchorages that hold the main span in place. The works cost more than \
        planned, and the council will publish a full account of the spending in the spring.";

    #[test]
    fn the_same_story_lightly_edited_is_similar() {
        let edited = STORY.replace("thousands", "hundreds").to_uppercase();
        let (a, b) = (Signature::of(STORY), Signature::of(&edited));
        assert!(a.similarity(&b) >= SAME_STORY, "{}", a.similarity(&b));
        assert!(a.bands().zip(b.bands()).any(|(x, y)| x == y));
    }

    /// The signature as first defined, word by word: stored signatures were made so, and a
    /// faster computation must give the same slots.
    fn reference(text: &str) -> Signature {
        let words: Vec<String> =
            text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).map(|w| w.to_lowercase()).collect();
        let mut slots = [u32::MAX; SLOTS];
        for window in words.windows(SHINGLE) {
            let h = xxh3_64(window.join(" ").as_bytes());
            for (slot, seed) in slots.iter_mut().zip(SEEDS) {
                *slot = (*slot).min((splitmix(h ^ seed) >> 32) as u32);
            }
        }
        Signature(slots)
    }

    #[test]
    fn signatures_are_those_stored_before() {
        let texts = [
            STORY,
            "ΟΔΥΣΣΕΥΣ ΚΑΙ ΠΗΝΕΛΟΠΗΣ σε ΑΘΗΝΑΣ, İstanbul'da ÇALIŞMA — Ärger über Straßen",
            "one two",
            "one two three",
            "  -- ",
            "",
        ];
        for text in texts {
            assert_eq!(Signature::of(text), reference(text), "{text}");
            assert_eq!(Signature(min_hashes(&shingle_hashes(text))), reference(text), "{text}");
        }
    }

    #[test]
    fn different_stories_are_not() {
        let other = "Regional elections in the north ended with a narrow win for the governing party, \
            whose candidate took fifty-one percent of the vote in a low turnout on Sunday.";
        assert!(Signature::of(STORY).similarity(&Signature::of(other)) < 0.2);
    }

    #[test]
    fn signatures_round_trip_through_bytes() {
        let s = Signature::of(STORY);
        assert_eq!(Signature::from_bytes(&s.to_bytes()), Some(s));
        assert_eq!(Signature::from_bytes(b"short"), None);
    }
}
