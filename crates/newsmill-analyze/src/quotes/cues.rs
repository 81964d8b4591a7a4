//! Speech cues: the verb or phrase that ties a source to what it said. The verb lexicon is
//! learned (how often each word is part of an annotated cue in PolNeAR train, see
//! `models/quotes-en.md`); the patterns around it (`according to X`, `X was reported to`,
//! `…, adding that`) are written here.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::scan::Token;

const LEXICON: &str = include_str!("../../models/quotes-en-cues.tsv");

/// A word counts as a cue when at least this share of its occurrences were cues in training.
pub const THRESHOLD: f32 = 0.55;

/// The learned cue probability of each lowercased word (xxh3-hashed: it is read for most
/// words of every text).
type Lexicon = HashMap<String, f32, std::hash::BuildHasherDefault<crate::hashing::Xxh3Hasher>>;

/// The learned cue probability of each lowercased word.
fn lexicon() -> &'static Lexicon {
    static LEX: OnceLock<Lexicon> = OnceLock::new();
    LEX.get_or_init(|| {
        LEXICON
            .lines()
            .filter(|l| !l.starts_with('#'))
            .filter_map(|l| {
                let mut f = l.split('\t');
                let word = f.next()?;
                let p = f.next()?.parse().ok()?;
                Some((word.to_string(), p))
            })
            .collect()
    })
}

/// Every word of the learned lexicon with its weight.
pub fn lexicon_entries() -> impl Iterator<Item = (&'static str, f32)> {
    lexicon().iter().map(|(w, &p)| (w.as_str(), p))
}

/// `word` lowercased, written into `buf` when it is ASCII (nearly every word: no allocation),
/// else as `str::to_lowercase` gives it.
fn lowercase_into<'b>(word: &str, buf: &'b mut String) -> &'b str {
    if word.is_ascii() {
        buf.clear();
        buf.push_str(word);
        buf.make_ascii_lowercase();
    } else {
        *buf = word.to_lowercase();
    }
    buf
}

/// The learned probability that `word` is part of a cue.
pub fn cue_weight(word: &str) -> f32 {
    lower_cue_weight(&word.to_lowercase())
}

/// `cue_weight` of a word already in lower case.
fn lower_cue_weight(lower: &str) -> f32 {
    lexicon().get(lower).copied().unwrap_or(0.0)
}

/// The weight of a participle through its other forms (`admitting` → `admitted`), since
/// rare participles are missing from the learned lexicon.
fn participle_weight(w: &str) -> f32 {
    let stem = &w[..w.len() - 3];
    [format!("{stem}ed"), format!("{stem}s"), w.to_string()].iter().map(|f| cue_weight(f)).fold(0.0, f32::max)
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum CueKind {
    /// A speech verb: `said`, `told`, `warned`.
    Verb,
    /// `according to X`.
    According,
    /// `X was reported to …`: the source is left implicit.
    Passive,
    /// `…, adding that …`: shares the source of the clause before it.
    Participle,
    /// `Sanders: “…”`: a colon after a short name at the start of a sentence, before a quote.
    Colon,
    /// `“…” ― Carla Sanchez`: a dash after a closing quotation mark, then the name.
    Dash,
}

/// One cue: token indices into the paragraph's tokens.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Cue {
    pub toks: Range<usize>,
    pub kind: CueKind,
}

const DETERMINERS: &[&str] = &["a", "an", "the", "this", "that", "his", "her", "their", "its", "our", "my", "your"];

const BE: &[&str] = &["is", "was", "were", "are", "been", "be", "being"];

/// The cues of one sentence (`sent` indexes `toks`), skipping words inside quotations.
pub fn find(text: &str, toks: &[Token], sent: Range<usize>, quoted: &dyn Fn(usize) -> bool) -> Vec<Cue> {
    let word = |i: usize| toks.get(i).map_or("", |t| &text[t.span.clone()]);
    let mut out = Vec::new();
    let mut lowered = String::new();
    for i in sent.clone() {
        if quoted(i) {
            continue;
        }
        if !toks[i].word {
            if let Some(kind) = punctuation_cue(text, toks, sent.clone(), i) {
                out.push(Cue { toks: i..i + 1, kind });
            }
            continue;
        }
        let w = lowercase_into(word(i), &mut lowered);
        if w == "according" && word(i + 1).eq_ignore_ascii_case("to") {
            out.push(Cue { toks: i..i + 2, kind: CueKind::According });
            continue;
        }
        let after_comma = i > sent.start && word(i - 1) == ",";
        let participle = after_comma && w.ends_with("ing") && participle_weight(w) >= THRESHOLD;
        if !participle && lower_cue_weight(w) < THRESHOLD {
            continue;
        }
        // Only the rare words that pass get the word before them lowercased.
        let before = if i > sent.start { word(i - 1).to_lowercase() } else { String::new() };
        if DETERMINERS.contains(&before.as_str()) {
            // `in a statement`, `his criticism`: a noun with its determiner is part of a longer
            // cue at best, never a head on its own.
            continue;
        }
        if BE.contains(&before.as_str()) && w.ends_with("ed") && word(i + 1) != "to" {
            // `was regarded as …`: a passive whose source is not beside the verb.
            continue;
        }
        let kind = if BE.contains(&before.as_str()) && w.ends_with("ed") && word(i + 1) == "to" {
            CueKind::Passive
        } else if w.ends_with("ing") && before == "," {
            CueKind::Participle
        } else {
            CueKind::Verb
        };
        out.push(Cue { toks: i..i + 1, kind });
    }
    out
}

/// A colon or dash that works as a cue by itself.
fn punctuation_cue(text: &str, toks: &[Token], sent: Range<usize>, i: usize) -> Option<CueKind> {
    let word = |j: usize| toks.get(j).map_or("", |t| &text[t.span.clone()]);
    let capital = |j: usize| word(j).chars().next().is_some_and(char::is_uppercase);
    match word(i) {
        "―" | "—" | "–" if i > sent.start && super::speaker::CLOSERS.contains(&word(i - 1)) && capital(i + 1) => {
            Some(CueKind::Dash)
        }
        ":" if i > sent.start
            && i - sent.start <= 5
            && capital(sent.start)
            && matches!(word(i + 1), "“" | "\"" | "‘" | "'")
            && (sent.start..i).all(|j| toks[j].word && cue_weight(word(j)) < THRESHOLD) =>
        {
            Some(CueKind::Colon)
        }
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::scan::tokens;

    fn cues(text: &str) -> Vec<(String, CueKind)> {
        let toks = tokens(text, 0..text.len());
        find(text, &toks, 0..toks.len(), &|_| false)
            .into_iter()
            .map(|c| (text[toks[c.toks.start].span.start..toks[c.toks.end - 1].span.end].to_string(), c.kind))
            .collect()
    }

    #[test]
    fn speech_verbs_are_cues() {
        for verb in ["said", "told", "added", "warned", "insisted", "claimed", "denied", "admitted", "stressed"] {
            let found = cues(&format!("The minister {verb} that it was over."));
            assert_eq!(found, [(verb.to_string(), CueKind::Verb)], "{verb}");
        }
    }

    #[test]
    fn according_to_is_one_cue() {
        assert_eq!(cues("It fell, according to the report."), [("according to".to_string(), CueKind::According)]);
    }

    #[test]
    fn reported_to_is_passive() {
        assert_eq!(cues("She was reported to have met them."), [("reported".to_string(), CueKind::Passive)]);
    }

    #[test]
    fn participle_after_comma() {
        let found = cues("It is over, he said, adding that talks were dead.");
        assert_eq!(found[1], ("adding".to_string(), CueKind::Participle));
        let found = cues("It is over, he said, admitting that talks were dead.");
        assert_eq!(found[1], ("admitting".to_string(), CueKind::Participle));
    }

    #[test]
    fn colon_and_dash_cues() {
        assert_eq!(cues("Sanders: “It is rigged.”"), [(":".to_string(), CueKind::Colon)]);
        assert!(cues("Note: it is rigged.").is_empty());
        assert_eq!(cues("“We are ashamed.” ― Carla Sanchez"), [("―".to_string(), CueKind::Dash)]);
    }

    #[test]
    fn ordinary_words_are_not_cues() {
        assert!(cues("The troops left the valley on Friday.").is_empty());
    }
}
