//! The trained NER model: two weight tables (first pass, second pass), their on-disk
//! format and the tagging entry point.
//!
//! Format (little-endian): magic `NMNER\0\0\x02`, `u32` feature version, `u32` hash bits,
//! `u32` labels, `u64` checksum of the gazetteer the model was trained with, `u64` xxh3 of
//! the rest; then per table a codebook of 256 `f32` and `labels << bits` one-byte codes.
//! The codebook is logarithmic (about 3.5 % apart), so small and large weights keep the
//! same relative precision at a quarter of the size of `f32`.

use std::borrow::Cow;

#[cfg(feature = "internals")]
use super::decode::Statics;
use super::decode::{DocContext, FINAL_PASS_O_PENALTY, Margin, StaticsFor, Weights, tag_pass, tag_pass_with_margins};
use super::features::{FEATURE_VERSION, N_LABELS, Scratch, TokInfo, caps_sentence, token_infos};
use super::stack::DocStack;
use crate::gazetteer::Gazetteer;

const MAGIC: &[u8; 8] = b"NMNER\0\0\x02";
const HEADER: usize = 8 + 4 + 4 + 4 + 8 + 8;
/// Smallest magnitude kept, relative to the largest weight.
#[cfg(feature = "internals")]
const DYNAMIC_RANGE: f32 = 1.0 / 8192.0;

/// Why a model file cannot be used.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum ModelError {
    /// No bytes at all.
    #[error("the NER model file is empty or missing; train one with `newsmill train ner`")]
    Missing,
    /// Not a model file.
    #[error("not a newsmill NER model (bad magic bytes)")]
    BadMagic,
    /// A model of another feature set.
    #[error("the NER model was built with features v{found}, this program needs v{expected}; retrain it")]
    FeatureVersion {
        /// The model's feature version.
        found: u32,
        /// This build's.
        expected: u32,
    },
    /// A model trained with another gazetteer or other word classes.
    #[error("the NER model was trained with another gazetteer or other word classes; retrain it")]
    Gazetteer,
    /// Cut short or damaged.
    #[error("the NER model file is truncated or corrupt ({0})")]
    Corrupt(&'static str),
    /// The file could not be read or written.
    #[error("cannot read or write the NER model: {0}")]
    Io(#[from] std::io::Error),
}

/// Quantizes weights to 8-bit codes and their codebook: code 0 is zero, 1..=127 positive and
/// 129..=255 negative magnitudes on a log scale from `max * DYNAMIC_RANGE` to `max`.
#[cfg(feature = "internals")]
pub fn log_codes(weights: &[f32]) -> (Vec<u8>, [f32; 256]) {
    let max = weights.iter().fold(0f32, |m, w| m.max(w.abs())).max(1e-6);
    let lo = (max * DYNAMIC_RANGE).ln();
    let step = (max.ln() - lo) / 126.0;
    let mut book = [0f32; 256];
    for k in 1..128 {
        let v = (lo + step * (k - 1) as f32).exp();
        book[k] = v;
        book[k + 128] = -v;
    }
    let code = |w: f32| -> u8 {
        let a = w.abs();
        if a < (lo.exp()) * 0.5 {
            return 0;
        }
        let k = (((a.ln() - lo) / step).round().clamp(0.0, 126.0) as u8) + 1;
        if w < 0.0 { k + 128 } else { k }
    };
    (weights.iter().map(|&w| code(w)).collect(), book)
}

/// Asks the CPU to bring `slot` into the cache ahead of use: hashed weight tables are larger
/// than the caches, and their rows are read in an order no hardware prefetcher can guess.
#[inline]
pub fn prefetch<T>(slot: &T) {
    #[cfg(target_arch = "x86_64")]
    // SAFETY: a prefetch is a hint that never faults; the address is a live reference.
    unsafe {
        std::arch::x86_64::_mm_prefetch(std::ptr::from_ref(slot).cast::<i8>(), std::arch::x86_64::_MM_HINT_T0)
    };
    #[cfg(not(target_arch = "x86_64"))]
    let _ = slot;
}

/// A table's codebook and codes as stored, and the bytes after them.
type Split<'b> = ([f32; 256], &'b [u8], &'b [u8]);

/// One quantized weight table: hashed feature rows of `L` label weights each, as 8-bit codes
/// into a log-scale codebook. The NER and the quote taggers both keep their weights so.
#[derive(Clone)]
pub struct Table<const L: usize> {
    /// Borrowed from the program's own bytes for the embedded models: read in place.
    codes: Cow<'static, [u8]>,
    book: [f32; 256],
    mask: usize,
}

impl<const L: usize> Table<L> {
    #[cfg(feature = "internals")]
    pub fn quantize(weights: &[f32], bits: u32) -> Self {
        let (codes, book) = log_codes(weights);
        Table { codes: Cow::Owned(codes), book, mask: (1usize << bits) - 1 }
    }

    /// log2 of the number of rows.
    #[cfg(feature = "internals")]
    pub fn bits(&self) -> u32 {
        (self.mask + 1).trailing_zeros()
    }

    #[cfg(feature = "internals")]
    pub fn write(&self, out: &mut Vec<u8>) {
        for v in self.book {
            out.extend_from_slice(&v.to_le_bytes());
        }
        out.extend_from_slice(&self.codes);
    }

    /// A table of `2^bits` rows from the front of `bytes`, and the bytes after it.
    pub fn read(bytes: &[u8], bits: u32) -> Result<(Self, &[u8]), &'static str> {
        let (book, codes, rest) = Self::split(bytes, bits)?;
        Ok((Table { codes: Cow::Owned(codes.to_vec()), book, mask: (1usize << bits) - 1 }, rest))
    }

    /// As [`read`](Self::read), the codes read in place.
    pub fn read_in_place(bytes: &'static [u8], bits: u32) -> Result<(Self, &'static [u8]), &'static str> {
        let (book, codes, rest) = Self::split(bytes, bits)?;
        Ok((Table { codes: Cow::Borrowed(codes), book, mask: (1usize << bits) - 1 }, rest))
    }

    /// The codebook, the codes and the bytes after them.
    fn split(bytes: &[u8], bits: u32) -> Result<Split<'_>, &'static str> {
        let n = L << bits;
        if bytes.len() < 1024 + n {
            return Err("weights of the wrong length");
        }
        let mut book = [0f32; 256];
        for (k, c) in bytes[..1024].chunks_exact(4).enumerate() {
            book[k] = f32::from_le_bytes([c[0], c[1], c[2], c[3]]);
        }
        Ok((book, &bytes[1024..1024 + n], &bytes[1024 + n..]))
    }
}

impl<const L: usize> Weights<L> for Table<L> {
    #[inline]
    fn prefetch(&self, feature: u64) {
        if let Some(code) = self.codes.get((feature as usize & self.mask) * L) {
            prefetch(code);
        }
    }

    #[inline]
    fn add(&self, feature: u64, scores: &mut [f32; L]) {
        self.add_all(std::slice::from_ref(&feature), scores);
    }

    /// Sums in a local array the compiler keeps in registers: summing through `scores` made
    /// every feature wait for the previous one's sums to go through memory. Each label still
    /// adds its weights in feature order, so the scores are bit-identical.
    #[inline]
    fn add_all(&self, features: &[u64], scores: &mut [f32; L]) {
        let mut acc = *scores;
        for &f in features {
            let row = (f as usize & self.mask) * L;
            if let Some(codes) = self.codes.get(row..row + L) {
                for k in 0..L {
                    acc[k] += self.book[codes[k] as usize];
                }
            }
        }
        *scores = acc;
    }
}

/// A trained model: the first- and second-pass tables and the gazetteer their features use.
pub struct NerModel {
    pub first: Table<N_LABELS>,
    pub second: Table<N_LABELS>,
    pub gazetteer: Gazetteer,
    /// How far `O` must win in the final pass ([`FINAL_PASS_O_PENALTY`] once loaded;
    /// training picks its epoch with none).
    pub o_penalty: f32,
}

fn u32_at(b: &[u8], at: usize) -> u32 {
    b.get(at..at + 4).and_then(|s| s.try_into().ok()).map_or(0, u32::from_le_bytes)
}

fn u64_at(b: &[u8], at: usize) -> u64 {
    b.get(at..at + 8).and_then(|s| s.try_into().ok()).map_or(0, u64::from_le_bytes)
}

/// What the features read besides the text, as one checksum in the model's header: the
/// gazetteer and the word classes.
fn knowledge(gazetteer: &Gazetteer) -> u64 {
    gazetteer.checksum ^ crate::clusters::fingerprint(crate::clusters::Table::Ner)
}

impl NerModel {
    #[cfg(feature = "internals")]
    pub fn to_bytes(&self) -> Vec<u8> {
        let mut payload = Vec::with_capacity(2 * (self.first.codes.len() + 1024));
        self.first.write(&mut payload);
        self.second.write(&mut payload);
        let bits = self.first.bits();
        let mut out = Vec::with_capacity(HEADER + payload.len());
        out.extend_from_slice(MAGIC);
        out.extend_from_slice(&FEATURE_VERSION.to_le_bytes());
        out.extend_from_slice(&bits.to_le_bytes());
        out.extend_from_slice(&(N_LABELS as u32).to_le_bytes());
        out.extend_from_slice(&knowledge(&self.gazetteer).to_le_bytes());
        out.extend_from_slice(&xxhash_rust::xxh3::xxh3_64(&payload).to_le_bytes());
        out.extend_from_slice(&payload);
        out
    }

    /// Reads a model written by [`NerModel::to_bytes`], checking that it fits this program
    /// and `gazetteer` and that its weights are whole.
    pub fn from_bytes(bytes: &[u8], gazetteer: Gazetteer) -> Result<NerModel, ModelError> {
        let (bits, payload) = Self::header(bytes, &gazetteer)?;
        if xxhash_rust::xxh3::xxh3_64(payload) != u64_at(bytes, 28) {
            return Err(ModelError::Corrupt("checksum mismatch"));
        }
        let (first, rest) = Table::read(payload, bits).map_err(ModelError::Corrupt)?;
        let (second, rest) = Table::read(rest, bits).map_err(ModelError::Corrupt)?;
        if !rest.is_empty() {
            return Err(ModelError::Corrupt("trailing bytes"));
        }
        Ok(NerModel { first, second, gazetteer, o_penalty: FINAL_PASS_O_PENALTY })
    }

    /// The model compiled into the program ([`super::EMBEDDED_MODEL`]), read in place: no
    /// copy, and only the rows a text needs are ever touched (its checksum is checked by a
    /// test, not at every start).
    pub fn embedded(gazetteer: Gazetteer) -> Result<NerModel, ModelError> {
        let bytes = super::EMBEDDED_MODEL;
        let (bits, payload) = Self::header(bytes, &gazetteer)?;
        let (first, rest) = Table::read_in_place(payload, bits).map_err(ModelError::Corrupt)?;
        let (second, rest) = Table::read_in_place(rest, bits).map_err(ModelError::Corrupt)?;
        if !rest.is_empty() {
            return Err(ModelError::Corrupt("trailing bytes"));
        }
        Ok(NerModel { first, second, gazetteer, o_penalty: FINAL_PASS_O_PENALTY })
    }

    /// The hash bits of a model's tables and the bytes of the tables, once the header shows
    /// the model fits this program and `gazetteer`.
    fn header<'b>(bytes: &'b [u8], gazetteer: &Gazetteer) -> Result<(u32, &'b [u8]), ModelError> {
        if bytes.is_empty() {
            return Err(ModelError::Missing);
        }
        if bytes.len() < HEADER {
            return Err(ModelError::Corrupt("shorter than its header"));
        }
        if &bytes[..8] != MAGIC {
            return Err(ModelError::BadMagic);
        }
        let version = u32_at(bytes, 8);
        if version != FEATURE_VERSION {
            return Err(ModelError::FeatureVersion { found: version, expected: FEATURE_VERSION });
        }
        let (bits, labels) = (u32_at(bytes, 12), u32_at(bytes, 16) as usize);
        if labels != N_LABELS || !(8..=26).contains(&bits) {
            return Err(ModelError::Corrupt("bad table size"));
        }
        if u64_at(bytes, 20) != knowledge(gazetteer) {
            return Err(ModelError::Gazetteer);
        }
        Ok((bits, &bytes[HEADER..]))
    }

    /// Tags the sentences of one document (each a slice of token texts), returning one
    /// label index per token ([`super::LABELS`]).
    #[cfg(any(test, feature = "internals"))]
    pub fn tag_document(&self, sentences: &[Vec<&str>]) -> Vec<Vec<usize>> {
        self.tag_document_with_margins(sentences, None)
    }

    /// As [`tag_document`](Self::tag_document), writing how sure the final pass was of each
    /// token into `margins` (one vector a sentence).
    pub fn tag_document_with_margins(
        &self,
        sentences: &[Vec<&str>],
        margins: Option<&mut Vec<Vec<Margin>>>,
    ) -> Vec<Vec<usize>> {
        let (infos, mut doc) = token_infos_of(sentences, &self.gazetteer);
        let caps: Vec<bool> = sentences.iter().map(|s| caps_sentence(s)).collect();
        let first = tag_pass(&self.first, &infos, StaticsFor::Each(&caps), &mut doc, None);
        let stack = DocStack::new(&infos, &first);
        doc.reset_history();
        let second = Some((&stack, first.as_slice()));
        tag_pass_with_margins(&self.second, &infos, StaticsFor::Each(&caps), &mut doc, second, margins, self.o_penalty)
    }
}

/// The token infos, static features and context of a document's sentences.
#[cfg(feature = "internals")]
pub fn prepare(sentences: &[Vec<&str>], gaz: &Gazetteer) -> (Vec<Vec<TokInfo>>, Vec<Statics>, DocContext) {
    let (infos, doc) = token_infos_of(sentences, gaz);
    let statics = sentences.iter().zip(&infos).map(|(s, i)| Statics::new(i, caps_sentence(s))).collect();
    (infos, statics, doc)
}

/// The token infos and context of a document's sentences.
fn token_infos_of(sentences: &[Vec<&str>], gaz: &Gazetteer) -> (Vec<Vec<TokInfo>>, DocContext) {
    let doc = DocContext::for_document(sentences);
    let mut scratch = Scratch::default();
    let mut infos = Vec::with_capacity(sentences.len());
    for s in sentences {
        let mut v = Vec::with_capacity(s.len());
        token_infos(s, gaz, &|h| doc.lower.contains(&h), &mut scratch, &mut v);
        infos.push(v);
    }
    (infos, doc)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantization_keeps_relative_precision() {
        let w = [0.0, 1.0, -1.0, 250.0, -0.5, 1000.0, 0.01];
        let t = Table::<N_LABELS>::quantize(&w, 0);
        for (k, &x) in w.iter().enumerate() {
            let q = t.book[t.codes[k] as usize];
            assert!((q - x).abs() <= x.abs() * 0.04 + 1e-9 || x.abs() < 1000.0 / 8192.0, "{x} -> {q}");
        }
    }

    #[test]
    fn the_embedded_model_is_whole_and_read_in_place_as_read() {
        let bytes = super::super::EMBEDDED_MODEL;
        let read = NerModel::from_bytes(bytes, Gazetteer::embedded().unwrap()).unwrap();
        let in_place = NerModel::embedded(Gazetteer::embedded().unwrap()).unwrap();
        assert!(matches!(in_place.first.codes, Cow::Borrowed(_)));
        assert!(in_place.to_bytes() == read.to_bytes() && read.to_bytes() == bytes);
    }

    #[test]
    fn bad_model_bytes_are_refused_with_a_reason() {
        let gaz = Gazetteer::default();
        assert!(matches!(NerModel::from_bytes(b"", gaz.clone()), Err(ModelError::Missing)));
        assert!(matches!(NerModel::from_bytes(&[0u8; 64], gaz.clone()), Err(ModelError::BadMagic)));
        let model = NerModel {
            first: Table::quantize(&[0.5; 9 << 8], 8),
            second: Table::quantize(&[1.0; 9 << 8], 8),
            gazetteer: gaz.clone(),
            o_penalty: FINAL_PASS_O_PENALTY,
        };
        let mut bytes = model.to_bytes();
        assert!(NerModel::from_bytes(&bytes, gaz.clone()).is_ok());
        let last = bytes.len() - 1;
        bytes[last] ^= 1;
        assert!(matches!(NerModel::from_bytes(&bytes, gaz.clone()), Err(ModelError::Corrupt(_))));
        bytes.truncate(100);
        assert!(matches!(NerModel::from_bytes(&bytes, gaz), Err(ModelError::Corrupt(_))));
    }
}
