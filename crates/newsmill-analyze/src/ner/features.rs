//! Features of the NER model. Every feature is a 64-bit hash (template id mixed with the
//! hashes of the strings it looks at) that indexes a fixed-size weight table, so the model
//! has no vocabulary to store and feature extraction allocates nothing per token.
//!
//! Static features look at the words of a sentence, the gazetteer and the document
//! (whether a capitalized word also appears in lower case elsewhere, which tells a sentence
//! start from a name); dynamic ones at the tags already given: the previous two tags and the
//! type this document already gave the same word (so a name tagged once is tagged the same
//! way later).

use crate::gazetteer::{GazMatch, Gazetteer, token_hash};
use crate::hashing::{feature as f, feature2 as f2, hash_str, mix};
use crate::clusters::{Clusters, Table};

/// Bumped whenever the features change: a model trained on other features is refused.
pub const FEATURE_VERSION: u32 = 3;

/// Template ids, mixed into each feature's hash. Their values are part of the model format:
/// add new ones at the end, or bump [`FEATURE_VERSION`].
#[derive(Clone, Copy)]
#[repr(u64)]
enum T {
    Bias = 1,
    Word,
    Norm,
    Shape,
    ShortShape,
    Prefix,
    Suffix,
    NormM1,
    NormP1,
    NormM2,
    NormP2,
    ShapeM1,
    ShapeP1,
    ShapeM1Cur,
    ShapeCurP1,
    NormM1Cur,
    NormCurP1,
    Gaz,
    GazM1,
    GazP1,
    FirstShape,
    LowerSeen,
    CapsSentence,
    SuffixM1,
    NormM1ShapeP1,
    WordM1,
    WordP1,
    NormM1P1,
    ShapeM1CurP1,
    SuffixP1,
    PrefixM1,
    CapRun,
    // Tried and dropped (no dev gain); kept so the ids after them keep their values.
    #[allow(dead_code)]
    CapPhrase,
    #[allow(dead_code)]
    Numeric,
    Prev,
    Prev2,
    PrevNorm,
    PrevShape,
    History,
    HistoryShape,
    // Feature version 2.
    FirstName,
    AfterFirstName,
    // Feature version 3.
    Fine,
    FineShape,
    Coarse,
    FineM1,
    FineP1,
    CoarseM1,
    CoarseP1,
}

impl From<T> for u64 {
    fn from(t: T) -> u64 {
        t as u64
    }
}

/// What the features need to know about one token, computed once per sentence.
#[derive(Debug, Clone, Copy, Default)]
pub struct TokInfo {
    pub word: u64,
    /// Lower case, digits as `0`, curly quotes folded.
    pub norm: u64,
    pub shape: u64,
    pub short_shape: u64,
    pub prefix: [u64; 4],
    pub suffix: [u64; 4],
    /// Gazetteer kinds (bits 0..4) as the first token (B) or a later one (I, bits 4..8).
    pub gaz: u8,
    pub capitalized: bool,
    pub lower_seen: bool,
    /// A word in lower case or plain punctuation (`the`, `said`, `,`): see [`quiet`].
    pub quiet: bool,
    /// A capitalized word that is a given name (`models/first-names-en.txt`).
    pub first_name: bool,
    /// The word's distributional classes (`models/ner-clusters-en.md`), so what the tagger
    /// learned of one surname or company carries to others used the same way.
    pub clusters: Clusters,
}

/// Writes the normalized form of `tok` into `out`: lower case, digits as `0`, quotes folded.
pub fn normalize(tok: &str, out: &mut String) {
    out.clear();
    for c in tok.chars() {
        match c {
            '’' | '‘' | '`' => out.push('\''),
            '“' | '”' | '«' | '»' | '„' => out.push('"'),
            '–' | '—' => out.push('-'),
            c if c.is_ascii_digit() => out.push('0'),
            c if c.is_ascii() => out.push(c.to_ascii_lowercase()),
            // Checked after ASCII: the invisible characters are not, and most words are.
            c if newsmill_model::text::INVISIBLE.contains(&c) => {}
            c => out.extend(c.to_lowercase()),
        }
    }
}

fn shape_char(c: char) -> char {
    if c.is_uppercase() {
        'X'
    } else if c.is_lowercase() {
        'x'
    } else if c.is_numeric() {
        'd'
    } else {
        c
    }
}

/// `Xxxxx` (first 8 chars, then the kinds of the rest) and the short shape `Xx`.
fn shapes(tok: &str, long: &mut String, short: &mut String) {
    long.clear();
    short.clear();
    // The last shape pushed, kept beside the strings: `ends_with` on a char encodes it and
    // compares bytes, a cost per character of every token.
    let mut last = None;
    for (k, c) in tok.chars().enumerate() {
        let s = shape_char(c);
        if k < 8 || last != Some(s) {
            long.push(s);
        }
        if last != Some(s) {
            short.push(s);
        }
        last = Some(s);
    }
}

/// Reused buffers for [`token_infos`].
#[derive(Default)]
pub struct Scratch {
    norm: String,
    long: String,
    short: String,
    hashes: Vec<u64>,
    matches: Vec<GazMatch>,
}

/// Computes the [`TokInfo`] of each token of a sentence. `lower_seen(norm)` tells whether
/// the document has this word in lower case somewhere.
pub fn token_infos(
    toks: &[&str],
    gaz: &Gazetteer,
    lower_seen: &dyn Fn(u64) -> bool,
    scratch: &mut Scratch,
    out: &mut Vec<TokInfo>,
) {
    out.clear();
    for tok in toks {
        normalize(tok, &mut scratch.norm);
        shapes(tok, &mut scratch.long, &mut scratch.short);
        let norm = &scratch.norm;
        let mut info = TokInfo {
            word: hash_str(tok),
            norm: hash_str(norm),
            shape: hash_str(&scratch.long),
            short_shape: hash_str(&scratch.short),
            capitalized: tok.starts_with(char::is_uppercase),
            quiet: quiet(tok),
            ..TokInfo::default()
        };
        // The table is keyed by the lowercased word; a word with digits is not in it.
        if !norm.contains('0') {
            info.clusters = crate::clusters::of_hash(Table::Ner, info.norm);
        }
        for (k, (at, c)) in norm.char_indices().take(4).enumerate() {
            info.prefix[k] = hash_str(&norm[..at + c.len_utf8()]);
        }
        for (k, (at, _)) in norm.char_indices().rev().take(4).enumerate() {
            info.suffix[k] = hash_str(&norm[at..]);
        }
        info.lower_seen = info.capitalized && lower_seen(info.norm);
        if info.capitalized {
            title_case(tok, &mut scratch.long);
            info.first_name = is_first_name(&scratch.long);
        }
        out.push(info);
    }
    scratch.hashes.clear();
    // Headlines in capitals match the gazetteer in title case (`GERMANY` as `Germany`).
    if caps_sentence(toks) {
        for t in toks {
            title_case(t, &mut scratch.norm);
            scratch.hashes.push(token_hash(&scratch.norm));
        }
    } else {
        scratch.hashes.extend(toks.iter().map(|t| token_hash(t)));
    }
    gaz.find(&scratch.hashes, &mut scratch.matches);
    for m in &scratch.matches {
        for (k, info) in out[m.start..m.end].iter_mut().enumerate() {
            info.gaz |= if k == 0 { m.kinds } else { m.kinds << 4 };
        }
    }
}

/// Is `tok` a word with letters in lower case only and no digit, or a punctuation mark that
/// never joins the parts of a name? Symbols (`+` in `C++`, `:` in `re:Invent`, `&`) are not,
/// nor the particles that open surnames (`van der Maaten` at a sentence's start).
fn quiet(tok: &str) -> bool {
    match tok {
        "," | "." | ";" | "?" | "!" | "(" | ")" | "\"" | "“" | "”" => true,
        "van" | "von" | "der" | "den" | "ter" | "de" | "du" | "da" | "das" | "dos" | "di" | "del" | "della" | "le"
        | "la" | "al" | "el" | "bin" | "ibn" | "ben" => false,
        _ => tok.chars().any(char::is_alphabetic) && !tok.chars().any(|c| c.is_uppercase() || c.is_numeric()),
    }
}

/// The given names the tagger knows: 1990 US Census first names (public domain; see
/// `models/first-names-en.md`), as hashes of their title-case form.
const FIRST_NAMES: &str = include_str!("../../models/first-names-en.txt");

pub(crate) fn is_first_name(title_cased: &str) -> bool {
    static SET: std::sync::OnceLock<crate::hashing::HashSet64> = std::sync::OnceLock::new();
    let set = SET.get_or_init(|| FIRST_NAMES.lines().filter(|l| !l.starts_with('#')).map(hash_str).collect());
    set.contains(&hash_str(title_cased))
}

/// `tok` with its first letter as written and the rest in lower case (`GREECE` → `Greece`),
/// written into `out`.
pub(crate) fn title_case(tok: &str, out: &mut String) {
    out.clear();
    for (k, c) in tok.chars().enumerate() {
        if k == 0 {
            out.push(c);
        } else {
            out.extend(c.to_lowercase());
        }
    }
}

/// Is the sentence a headline in capitals (`SOCCER - JAPAN GET LUCKY WIN`)? Capitalization
/// says little there, so the word features are conjoined with this flag.
pub fn caps_sentence(toks: &[&str]) -> bool {
    let letters = toks.iter().filter(|t| t.chars().any(char::is_alphabetic));
    let (mut words, mut upper) = (0, 0);
    for t in letters {
        words += 1;
        upper += usize::from(!t.chars().any(char::is_lowercase));
    }
    words >= 2 && upper * 10 >= words * 8
}

/// Where token `i` sits in its run of capitalized tokens: (tokens before, tokens after),
/// each capped at 3.
fn cap_run(infos: &[TokInfo], i: usize) -> u64 {
    if !infos[i].capitalized {
        return 99;
    }
    let before = infos[..i].iter().rev().take(3).take_while(|x| x.capitalized).count();
    let after = infos[i + 1..].iter().take(3).take_while(|x| x.capitalized).count();
    (before * 4 + after) as u64
}

const NONE: u64 = 0x5151_5151;

/// Pushes the static features of token `i` into `out`.
pub fn static_features(infos: &[TokInfo], i: usize, caps: bool, out: &mut Vec<u64>) {
    let t = &infos[i];
    let at = |k: isize| infos.get(i.wrapping_add_signed(k)).copied();
    let norm_at = |k: isize| at(k).map_or(NONE ^ k as u64, |x| x.norm);
    let shape_at = |k: isize| at(k).map_or(NONE ^ k as u64, |x| x.short_shape);
    let gaz_at = |k: isize| at(k).map_or(0xFFFF, |x| x.gaz as u64);
    out.push(f(T::Bias, 0));
    out.push(f(T::Word, t.word));
    out.push(f(T::Norm, t.norm));
    out.push(f(T::Shape, t.shape));
    out.push(f(T::ShortShape, t.short_shape));
    for k in 0..4 {
        if t.prefix[k] != 0 {
            out.push(f2(T::Prefix, k as u64, t.prefix[k]));
        }
        if t.suffix[k] != 0 {
            out.push(f2(T::Suffix, k as u64, t.suffix[k]));
        }
    }
    out.push(f(T::NormM1, norm_at(-1)));
    out.push(f(T::NormP1, norm_at(1)));
    out.push(f(T::NormM2, norm_at(-2)));
    out.push(f(T::NormP2, norm_at(2)));
    out.push(f(T::ShapeM1, shape_at(-1)));
    out.push(f(T::ShapeP1, shape_at(1)));
    out.push(f2(T::ShapeM1Cur, shape_at(-1), t.short_shape));
    out.push(f2(T::ShapeCurP1, t.short_shape, shape_at(1)));
    out.push(f2(T::NormM1Cur, norm_at(-1), t.norm));
    out.push(f2(T::NormCurP1, t.norm, norm_at(1)));
    out.push(f2(T::NormM1ShapeP1, norm_at(-1), shape_at(1)));
    out.push(f(T::SuffixM1, at(-1).map_or(NONE, |x| x.suffix[2])));
    out.push(f2(T::Gaz, t.gaz as u64, t.short_shape));
    out.push(f(T::GazM1, gaz_at(-1)));
    out.push(f(T::GazP1, gaz_at(1)));
    out.push(f(T::WordM1, at(-1).map_or(NONE, |x| x.word)));
    out.push(f(T::WordP1, at(1).map_or(NONE, |x| x.word)));
    out.push(f2(T::NormM1P1, norm_at(-1), norm_at(1)));
    out.push(f2(T::ShapeM1CurP1, mix(shape_at(-1), t.short_shape), shape_at(1)));
    out.push(f(T::SuffixP1, at(1).map_or(NONE, |x| x.suffix[2])));
    out.push(f(T::PrefixM1, at(-1).map_or(NONE, |x| x.prefix[2])));
    out.push(f2(T::CapRun, cap_run(infos, i), t.short_shape));
    if i == 0 {
        out.push(f(T::FirstShape, t.short_shape));
    }
    if t.lower_seen {
        out.push(f2(T::LowerSeen, u64::from(i == 0), t.short_shape));
    }
    if caps {
        out.push(f(T::CapsSentence, t.norm));
    }
    if t.first_name {
        out.push(f(T::FirstName, t.short_shape));
    }
    if at(-1).is_some_and(|x| x.first_name) {
        out.push(f(T::AfterFirstName, t.short_shape));
    }
    cluster_features(t, at(-1), at(1), out);
}

/// The word's classes and its neighbours' (a missing neighbour or unknown word has its own id).
fn cluster_features(t: &TokInfo, prev: Option<TokInfo>, next: Option<TokInfo>, out: &mut Vec<u64>) {
    let side = |x: Option<TokInfo>, edge: u64| x.map_or((edge, edge), |x| (u64::from(x.clusters.fine), u64::from(x.clusters.coarse)));
    let (fine_m1, coarse_m1) = side(prev, NONE);
    let (fine_p1, coarse_p1) = side(next, NONE ^ 1);
    out.push(f(T::Fine, u64::from(t.clusters.fine)));
    out.push(f2(T::FineShape, u64::from(t.clusters.fine), t.short_shape));
    out.push(f(T::Coarse, u64::from(t.clusters.coarse)));
    out.push(f(T::FineM1, fine_m1));
    out.push(f(T::FineP1, fine_p1));
    out.push(f(T::CoarseM1, coarse_m1));
    out.push(f(T::CoarseP1, coarse_p1));
}

/// Tags: `O`, then `B-` and `I-` of PER, ORG, LOC, MISC.
pub const N_LABELS: usize = 9;
#[cfg(feature = "internals")]
pub const LABELS: [&str; N_LABELS] = ["O", "B-PER", "I-PER", "B-ORG", "I-ORG", "B-LOC", "I-LOC", "B-MISC", "I-MISC"];

/// The entity type of a label (1..=4), or 0 for `O`.
#[inline]
pub fn label_type(label: usize) -> usize {
    label.div_ceil(2)
}

/// Pushes the dynamic features of a token: its previous tags and the type this document
/// gave the same word before (`history`, 0 = never tagged).
pub fn dynamic_features(t: &TokInfo, prev: usize, prev2: usize, history: usize, out: &mut Vec<u64>) {
    out.push(f(T::Prev, prev as u64));
    out.push(f2(T::Prev2, prev2 as u64, prev as u64));
    out.push(f2(T::PrevNorm, prev as u64, t.norm));
    out.push(f2(T::PrevShape, prev as u64, t.short_shape));
    if history != 0 {
        out.push(f(T::History, history as u64));
        out.push(f2(T::HistoryShape, history as u64, t.short_shape));
    }
}


#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn lower_case_words_and_plain_punctuation_are_quiet_name_parts_are_not() {
        for tok in ["the", "said", "’s", "naïve", ",", ".", "“"] {
            assert!(quiet(tok), "{tok}");
        }
        for tok in ["Paris", "iPhone", "n8n", "1996", "+", ":", "&", "van", "der", "al", "★"] {
            assert!(!quiet(tok), "{tok}");
        }
    }

    #[test]
    fn given_names_are_known_in_title_case_and_headline_capitals() {
        assert!(is_first_name("Alice") && is_first_name("Darren"));
        assert!(!is_first_name("Google") && !is_first_name("alice") && !is_first_name("# Given"));
        let gaz = Gazetteer::default();
        let mut infos = Vec::new();
        token_infos(&["ALICE", "WELLS", "SAID", "alice"], &gaz, &|_| false, &mut Scratch::default(), &mut infos);
        let named: Vec<bool> = infos.iter().map(|t| t.first_name).collect();
        assert_eq!(named, [true, false, false, false]);
    }
}
