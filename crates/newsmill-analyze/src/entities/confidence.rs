//! How likely an entity is a name of its type, from what its mentions look like in the
//! document: gradient-boosted trees over a few dozen signals (its type and length, ordinary words,
//! where its mentions sit: list items, lead-in labels, short lines, sentence openings; how
//! sure the tagger was of its mentions' tokens). Entities below the model's threshold are dropped. The weights are learned from annotated
//! recent articles (`models/entity-filter-en.md`, `tools/train_entity_filter.py`), where the
//! tagger's wire-news habits (a capital means a name) fail most.

use std::collections::{HashMap, HashSet};
use std::sync::OnceLock;

use crate::lang::en::lexicon::{
    is_census_surname, is_common_short_form, is_known_org, is_ordinary_word, is_role, is_written_as_name,
    type_by_last_word,
};
use crate::model::{Entity, EntityType, Mention, Quote, TextField};
use crate::ner::decode::Margin;
use crate::ner::features::{is_first_name, title_case};
use crate::places::Places;
use crate::tokens::{Token, within};

use super::trees::Forest;

const WEIGHTS: &str = include_str!("../../models/entity-filter-en.tsv");

/// The signals, in the order of [`features`]' output and of the model file.
pub const FEATURES: &[&str] = &[
    "bias",
    "person",
    "org",
    "loc",
    "misc",
    "one_word",
    "two_words",
    "many_words",
    "log_mentions",
    "ordinary_share",
    "all_ordinary",
    "lower_in_doc_share",
    "acronym",
    "common_short_form",
    "known_org",
    "known_place",
    "has_titles",
    "line_start",
    "label",
    "short_line",
    "sentence_start",
    "in_parens",
    "possessive",
    "after_the",
    "headline_only",
    "has_digit",
    "speech_after",
    "person_one_word",
    "org_all_ordinary",
    "list_item",
    "caps_around",
    "doc_short_lines",
    "org_head",
    "running_text",
    "tagger_name_max",
    "tagger_name_mean",
    "tagger_kind_min",
    "tagger_untagged",
];

/// The model and the probability below which an entity is dropped.
#[derive(Debug)]
pub struct EntityFilter {
    scorer: Scorer,
    threshold: f32,
}

/// How the signals become a probability.
#[derive(Debug)]
enum Scorer {
    /// One weight per signal (the form of the filters before session 33).
    Logistic(Vec<f32>),
    /// Gradient-boosted trees (`tools/train_entity_filter.py --trees`).
    Trees(Forest),
}

/// Why the embedded model did not load (only a corrupt build fails).
#[derive(Debug, Clone, thiserror::Error)]
#[error(
    "the built-in entity filter (models/entity-filter-en.tsv) is corrupt: {0}; retrain it with tools/train_entity_filter.py"
)]
pub struct FilterError(String);

impl EntityFilter {
    /// The model compiled into the program, parsed once per process.
    pub fn embedded() -> Result<&'static EntityFilter, FilterError> {
        static MODEL: OnceLock<Result<EntityFilter, FilterError>> = OnceLock::new();
        MODEL.get_or_init(|| Self::parse(WEIGHTS)).as_ref().map_err(Clone::clone)
    }

    fn parse(text: &str) -> Result<EntityFilter, FilterError> {
        let lines: Vec<&str> = text.lines().filter(|l| !l.starts_with('#') && !l.trim().is_empty()).collect();
        let (threshold, rest): (Vec<&str>, Vec<&str>) = lines.into_iter().partition(|l| l.starts_with("threshold\t"));
        let threshold: f32 = match threshold.as_slice() {
            [line] => line["threshold\t".len()..].trim().parse().map_err(|_| FilterError("the threshold".into()))?,
            _ => return Err(FilterError("no threshold, or more than one".into())),
        };
        let scorer = if rest.first().is_some_and(|l| l.starts_with("trees\t")) {
            Scorer::Trees(Forest::parse(rest.into_iter(), FEATURES).map_err(FilterError)?)
        } else {
            Scorer::Logistic(Self::weights(&rest)?)
        };
        Ok(EntityFilter { scorer, threshold })
    }

    /// The logistic model's weights, one `signal\tweight` line each.
    fn weights(lines: &[&str]) -> Result<Vec<f32>, FilterError> {
        let mut weights = vec![f32::NAN; FEATURES.len()];
        for line in lines {
            let (name, value) = line.split_once('\t').ok_or_else(|| FilterError(format!("line {line:?}")))?;
            let value: f32 = value.trim().parse().map_err(|_| FilterError(format!("value of {name}")))?;
            let i = FEATURES.iter().position(|f| *f == name).ok_or_else(|| FilterError(format!("unknown feature {name}")))?;
            weights[i] = value;
        }
        if let Some(i) = weights.iter().position(|w| w.is_nan()) {
            return Err(FilterError(format!("no weight for {}", FEATURES[i])));
        }
        Ok(weights)
    }

    /// The probability that an entity with these signals ([`features`]) is a name of its type.
    pub fn probability(&self, features: &[f32]) -> f32 {
        let z = match &self.scorer {
            Scorer::Logistic(weights) => weights.iter().zip(features).map(|(w, x)| w * x).sum(),
            Scorer::Trees(forest) => forest.log_odds(features) as f32,
        };
        1.0 / (1.0 + (-z).exp())
    }

    /// The entities the model believes in, and those a quote names as its speaker (speaking
    /// is evidence enough), renumbered `E1`, `E2`, … in order; the quotes' speakers follow.
    pub fn keep_likely(
        &self,
        ents: Vec<Entity>,
        quotes: &mut [Quote],
        body: &str,
        sure: &TaggerSure,
        places: &Places,
    ) -> Vec<Entity> {
        let doc = DocWords::new(body, ents.iter().map(|e| e.name.as_str()));
        // A group's members speak too.
        let speaking = |s: &crate::model::Speaker| s.entity.iter().chain(&s.members).cloned().collect::<Vec<_>>();
        let speakers: HashSet<String> = quotes.iter().filter_map(|q| q.speaker.as_ref()).flat_map(speaking).collect();
        let mut renamed: HashMap<String, String> = HashMap::new();
        let mut kept = Vec::with_capacity(ents.len());
        for mut e in ents {
            let likely = || {
                !unbacked_one_word_person(&e, body)
                    && self.probability(&features(&e, body, &doc, sure, places)) >= self.threshold
            };
            // A site's name (`TODAY.com`) says what it is, however unsure the tagger was; so
            // does a leader's government (`the Obama administration`), which the annotated web
            // pages the model learned from hardly ever name.
            let site = e.kind == EntityType::Org && crate::mentions::is_domain_name(&e.name);
            let leader = e.kind == EntityType::Person
                && e.mentions.iter().any(|m| {
                    m.field.is_body() && body.get(m.span.end..).is_some_and(crate::mentions::followed_by_term_of_office)
                });
            if speakers.contains(&e.id) || site || leader || likely() {
                let id = format!("E{}", kept.len() + 1);
                renamed.insert(std::mem::replace(&mut e.id, id.clone()), id);
                kept.push(e);
            }
        }
        for speaker in quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
            speaker.entity = speaker.entity.take().and_then(|id| renamed.get(&id).cloned());
            speaker.members = speaker.members.iter().filter_map(|id| renamed.get(id).cloned()).collect();
        }
        kept
    }
}

/// What a document shows of the words of its entities' names: which it writes in lower case
/// somewhere.
pub struct DocWords {
    /// The names' words (in lower case) that the text has as a whole lower-case word.
    lower: HashSet<String>,
    /// The share of the body's non-empty lines of fewer than eight words (lists, headings).
    short_lines: f32,
}

impl DocWords {
    /// What `text` shows of the words of `names` (the entities whose signals will be read).
    pub fn new<'n>(text: &str, names: impl IntoIterator<Item = &'n str>) -> Self {
        let wanted: HashSet<String> = names.into_iter().flat_map(name_words).map(str::to_lowercase).collect();
        // The lengths (capped at 63) of the wanted words by first byte: most words of a text
        // are none of them and are passed over without hashing.
        let mut lengths = [0u64; 256];
        for w in &wanted {
            if let Some(&b) = w.as_bytes().first() {
                lengths[usize::from(b)] |= 1 << w.len().min(63);
            }
        }
        let mut lower = HashSet::new();
        for piece in text.split(|c: char| !c.is_alphanumeric()) {
            let Some(&b) = piece.as_bytes().first() else { continue };
            let maybe = lengths[usize::from(b)] & (1 << piece.len().min(63)) != 0;
            if maybe && piece.starts_with(char::is_lowercase) && wanted.contains(piece) && !lower.contains(piece) {
                lower.insert(piece.to_string());
            }
        }
        let (mut lines, mut short) = (0usize, 0usize);
        for line in text.lines().filter(|l| !l.trim().is_empty()) {
            lines += 1;
            short += usize::from(line.split_whitespace().take(8).count() < 8);
        }
        DocWords { lower, short_lines: short as f32 / lines.max(1) as f32 }
    }

    /// Whether the text writes `word`, a word of one of the names, in lower case somewhere.
    fn seen_lower(&self, word: &str) -> bool {
        self.lower.contains(word.to_lowercase().as_str())
    }
}

/// A "person" the text names by one word alone, which no title introduces and that is no
/// given name, no census surname and no word the case table knows as a name (`Clorox`,
/// `Dataminr`, `Lavazza`): news names a person in full, or with a title, so a lone unknown
/// word the tagger typed a person is a brand, a product or a heading's word far more often.
fn unbacked_one_word_person(e: &Entity, body: &str) -> bool {
    if e.kind != EntityType::Person || !e.titles.is_empty() {
        return false;
    }
    let body_forms = e.mentions.iter().filter(|m| m.field.is_body()).filter_map(|m| body.get(m.span.clone()));
    let mut title_cased = String::new();
    let mut known = |word: &str| {
        title_case(word, &mut title_cased);
        is_first_name(&title_cased) || is_census_surname(word) || is_written_as_name(word)
    };
    std::iter::once(e.name.as_str()).chain(body_forms).all(|form| {
        let mut words = form.split_whitespace();
        let (Some(word), None) = (words.next(), words.next()) else { return false };
        // `Holland-Hibbert` is two surnames.
        !known(word) && !word.split('-').any(&mut known)
    })
}

/// The words of a name its signals read: split at spaces, `-` and `/`, trimmed of marks.
fn name_words(name: &str) -> Vec<&str> {
    name.split([' ', '-', '/'])
        .map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect()
}

/// The tagger's margins over this are about one.
const MARGIN_SCALE: f32 = 100.0;

/// How sure the tagger was of the tokens of each text it read (the body, the headline, the
/// standfirst): their tokens ([`crate::tokens::tokenize`], spans into that text) and one
/// [`Margin`] each.
#[derive(Debug, Default)]
pub struct TaggerSure {
    pub parts: Vec<(TextField, Vec<Token>, Vec<Margin>)>,
}

impl TaggerSure {
    /// The mean name margin of the tokens of a mention and their least type margin.
    fn of(&self, m: &Mention) -> Option<(f32, f32)> {
        let (_, tokens, margins) = self.parts.iter().find(|(f, _, _)| *f == m.field)?;
        let first = tokens.partition_point(|t| (t.start as usize) < m.span.start);
        let n = within(tokens, m.span.clone()).len();
        let margins = margins.get(first..first + n).filter(|m| !m.is_empty())?;
        let name = margins.iter().map(|m| m.name).sum::<f32>() / margins.len() as f32;
        let kind = margins.iter().map(|m| m.kind).fold(f32::INFINITY, f32::min);
        Some((name, kind))
    }

    /// The tagger's signals of an entity's mentions: the best and the mean name margin, the
    /// least type margin, and the share of mentions whose tokens `O` outscored (a rule made them,
    /// or the final pass's `O` penalty let them in).
    fn signals(&self, mentions: &[Mention]) -> [f32; 4] {
        let per: Vec<(f32, f32)> = mentions.iter().filter_map(|m| self.of(m)).collect();
        if per.is_empty() {
            return [0.0; 4];
        }
        let n = per.len() as f32;
        let max = per.iter().map(|p| p.0).fold(f32::NEG_INFINITY, f32::max);
        let mean = per.iter().map(|p| p.0).sum::<f32>() / n;
        let kind = per.iter().map(|p| p.1).fold(f32::INFINITY, f32::min);
        let untagged = per.iter().filter(|p| p.0 < 0.0).count() as f32 / n;
        // Margins run to about a hundred on names: scaled to the other signals' range.
        [max / MARGIN_SCALE, mean / MARGIN_SCALE, kind / MARGIN_SCALE, untagged]
    }
}

/// How far before and after a mention its signals read (bytes): far more than the lines they
/// look at (outputs on the dev sets are the same as with the whole text), far less than a page.
const WINDOW: usize = 4000;

/// The signals of [`FEATURES`] for one entity of the article whose body is `body`.
pub fn features(e: &Entity, body: &str, doc: &DocWords, sure: &TaggerSure, places: &Places) -> Vec<f32> {
    let words = name_words(&e.name);
    let n = words.len().max(1) as f32;
    let share = |f: &dyn Fn(&str) -> bool| words.iter().filter(|w| f(w)).count() as f32 / n;
    let ordinary = share(&|w| is_ordinary_word(w));
    let kind = |k: EntityType| f32::from(u8::from(e.kind == k));
    let body_spans: Vec<_> = e.mentions.iter().filter(|m| m.field.is_body()).map(|m| m.span.clone()).collect();
    let m = body_spans.len().max(1) as f32;
    // Each mention is read in a window around it: the signals look at its line and its
    // neighbours, and a text of one endless line must not cost its length per mention.
    let around = |s: &std::ops::Range<usize>| {
        let from = (s.start.saturating_sub(WINDOW)..=s.start).find(|&i| body.is_char_boundary(i)).unwrap_or(s.start);
        let to = ((s.end + WINDOW).min(body.len())..=body.len()).find(|&i| body.is_char_boundary(i)).unwrap_or(s.end);
        let (before, after) = (body.get(from..s.start).unwrap_or(""), body.get(s.end..to).unwrap_or(""));
        // The words of the mention's line, counted once: two signals read them.
        (before, after, line_words(before, after))
    };
    let contexts: Vec<(&str, &str, usize)> = body_spans.iter().map(around).collect();
    // The share of the body mentions for which `f(before, after, words on the line)` holds.
    let context_share = |f: &dyn Fn(&str, &str, usize) -> bool| {
        contexts.iter().filter(|(before, after, words)| f(before, after, *words)).count() as f32 / m
    };
    let mention_share = |f: &dyn Fn(&str, &str) -> bool| context_share(&|before, after, _| f(before, after));
    let flag = |b: bool| f32::from(u8::from(b));
    let acronym = e.name.len() >= 2 && e.name.chars().all(|c| c.is_ascii_uppercase() || c == '.' || c == '&');
    let [name_max, name_mean, kind_min, untagged] = sure.signals(&e.mentions);
    vec![
        1.0,
        kind(EntityType::Person),
        kind(EntityType::Org),
        kind(EntityType::Loc),
        kind(EntityType::Misc),
        flag(words.len() == 1),
        flag(words.len() == 2),
        flag(words.len() > 2),
        (1.0 + e.mentions.len() as f32).ln(),
        ordinary,
        flag(ordinary == 1.0),
        share(&|w| doc.seen_lower(w)),
        flag(acronym),
        flag(words.iter().any(|w| is_common_short_form(w))),
        flag(is_known_org(&e.name)),
        flag(places.shows_place(e, body)),
        flag(!e.titles.is_empty()),
        mention_share(&|before, _| line_head(before).is_empty()),
        mention_share(&|before, after| is_label(before, after)),
        context_share(&|_, _, words| words < 8),
        mention_share(&|before, _| opens_sentence(before)),
        mention_share(&|before, _| before.ends_with('(')),
        mention_share(&|_, after| after.starts_with("'s") || after.starts_with("’s")),
        mention_share(&|before, _| before.ends_with("the ") || before.ends_with("The ")),
        flag(body_spans.is_empty()),
        flag(e.name.chars().any(|c| c.is_ascii_digit())),
        mention_share(&|_, after| speech_after(after)),
        flag(e.kind == EntityType::Person && words.len() == 1),
        flag(e.kind == EntityType::Org && ordinary == 1.0),
        mention_share(&|before, _| is_list_item(before)),
        mention_share(&|before, after| caps_around(before, after)),
        doc.short_lines,
        flag(has_org_head(&e.name)),
        context_share(&|before, after, words| words >= 8 && !opens_sentence(before) && !caps_around(before, after)),
        name_max,
        name_mean,
        kind_min,
        untagged,
    ]
}

/// A name of two or more words whose last word names an organisation (`High Peace Council`).
fn has_org_head(name: &str) -> bool {
    type_by_last_word(name, EntityType::Misc) == Some(EntityType::Org)
}

/// What stands before a mention on its line, list markers (`- `, `1. `) left out.
fn line_head(before: &str) -> &str {
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    line.trim_start_matches(|c: char| c.is_ascii_digit() || matches!(c, '-' | '*' | '•' | '.' | ')' | ' '))
}

/// The mention's line is a list item (`- `, `* `, `• `, `1. `).
fn is_list_item(before: &str) -> bool {
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let rest = line.trim_start_matches(|c: char| c.is_ascii_digit());
    ["- ", "* ", "• ", ". ", ") "]
        .iter()
        .any(|m| line.starts_with(m) || (rest.len() < line.len() && rest.starts_with(m)))
}

/// A capitalized word right before the mention (not opening its sentence, not a role or an
/// honorific: `President Trump`, `Dr. Omenn` are how news names people) or right after it:
/// the mention sits in a run of capitals, as in a heading or a title.
fn caps_around(before: &str, after: &str) -> bool {
    let capital = |w: &str| w.starts_with(char::is_uppercase);
    let mut prev_words = before.split([' ']).rev().filter(|w| !w.is_empty());
    let prev = prev_words.next().unwrap_or("");
    let prev_opens = prev_words.next().is_none_or(|w| w.ends_with(['.', '!', '?', ':', '\n']));
    let prev_cap = !before.ends_with('\n') && capital(prev) && !prev.contains('\n') && !prev_opens && !is_role(prev);
    let next = after.strip_prefix(' ').and_then(|a| a.split_whitespace().next()).unwrap_or("");
    prev_cap || capital(next)
}

/// A lead-in label: the mention is among a line's first words and a colon follows on the
/// line before any full stop (`Hotswap Sockets (e.g. …): …`, `Quick Tip: …`).
fn is_label(before: &str, after: &str) -> bool {
    let head_words = line_head(before).split_whitespace().count();
    let rest = &after[..after.find('\n').unwrap_or(after.len())];
    let colon = rest.find(':');
    let stop = rest.find(". ");
    head_words <= 3 && colon.is_some_and(|c| stop.is_none_or(|s| c < s) && c <= 60)
}

/// The number of words on the mention's line.
fn line_words(before: &str, after: &str) -> usize {
    let start = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let end = &after[..after.find('\n').unwrap_or(after.len())];
    start.split_whitespace().count() + end.split_whitespace().count() + 1
}

fn opens_sentence(before: &str) -> bool {
    let trimmed = before.trim_end_matches([' ', '"', '“', '\'', '‘']);
    trimmed.is_empty() || trimmed.ends_with(['.', '!', '?', '\n', ':'])
}

fn speech_after(after: &str) -> bool {
    let next = after.trim_start_matches([',', ' ']).split_whitespace().next().unwrap_or("");
    matches!(next, "said" | "says" | "told" | "tells" | "added" | "explained" | "wrote" | "noted" | "announced")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_tagger_signals_sum_up_each_mention_s_tokens() {
        let text = "Ana Lima met Acme Corp today";
        let m = |name: f32, kind: f32| Margin { name, kind };
        let margins = vec![m(80.0, 40.0), m(60.0, 20.0), m(-5.0, 0.0), m(30.0, 10.0), m(50.0, 30.0), Margin::SETTLED];
        let sure = TaggerSure { parts: vec![(TextField::Title, crate::tokens::tokenize(text), margins)] };
        let at = |span: std::ops::Range<usize>| Mention { span, field: TextField::Title };
        // `Ana Lima` (mean name margin 70, least type margin 20) and `Acme Corp` (40, 10).
        let [best, mean, kind, untagged] = sure.signals(&[at(0..8), at(13..22)]);
        assert_eq!([best, mean, kind, untagged], [0.7, 0.55, 0.1, 0.0]);
        // A mention the tagger left out (`met`), one in a text it has no margins of, and none.
        assert_eq!(sure.signals(&[at(9..12)])[3], 1.0);
        assert_eq!(sure.signals(&[Mention { span: 0..8, field: TextField::Body }]), [0.0; 4]);
        assert_eq!(sure.signals(&[]), [0.0; 4]);
    }

    #[test]
    fn a_group_speakers_members_are_kept_and_follow_the_renumbering() {
        let body = "In Paris, Ana Lima and Ben Ode said the plan works.";
        let entity = |id: &str, name: &str, kind| {
            let at = body.find(name).unwrap_or(0);
            Entity {
                id: id.into(),
                name: name.into(),
                kind,
                titles: vec![],
                mentions: vec![Mention { span: at..at + name.len(), field: TextField::Body }],
            }
        };
        let ents = vec![entity("E1", "Paris", EntityType::Loc), entity("E2", "Ana Lima", EntityType::Person), {
            entity("E3", "Ben Ode", EntityType::Person)
        }];
        let speaker = crate::model::Speaker {
            span: 10..29,
            entity: None,
            name: Some("Ana Lima and Ben Ode".into()),
            members: vec!["E2".into(), "E3".into()],
        };
        let quote = Quote { span: 35..50, kind: crate::model::QuoteKind::Indirect, cue: None, speaker: Some(speaker), continuation: vec![] };
        let mut quotes = vec![quote];
        // A model that believes in nothing: only what speaks is kept.
        let none = EntityFilter::parse("threshold\t0.9\ntrees\t1\ninit\t0\ntree\nleaf\t0\n").unwrap();
        let places = Places::shared().unwrap();
        let kept = none.keep_likely(ents, &mut quotes, body, &TaggerSure { parts: vec![] }, places);
        let names: Vec<(&str, &str)> = kept.iter().map(|e| (e.id.as_str(), e.name.as_str())).collect();
        assert_eq!(names, [("E1", "Ana Lima"), ("E2", "Ben Ode")]);
        assert_eq!(quotes[0].speaker.as_ref().map(|s| s.members.clone()), Some(vec!["E1".into(), "E2".into()]));
    }

    #[test]
    fn the_embedded_model_loads() {
        let model = EntityFilter::embedded().unwrap();
        assert!(matches!(model.scorer, Scorer::Trees(_)));
        assert!((0.0..1.0).contains(&model.threshold));
    }

    #[test]
    fn a_model_file_missing_a_weight_is_an_error() {
        assert!(EntityFilter::parse("bias\t1\nthreshold\t0.5\n").is_err());
        assert!(EntityFilter::parse("nonsense\n").is_err());
        assert!(EntityFilter::parse("trees\t1\ninit\t0\ntree\nleaf\t1\n").is_err(), "no threshold");
    }

    #[test]
    fn both_forms_of_model_give_probabilities() {
        let logistic: String = FEATURES.iter().map(|f| format!("{f}\t{}\n", if *f == "bias" { 1.0 } else { 0.0 })).collect();
        let logistic = EntityFilter::parse(&format!("{logistic}threshold\t0.5\n")).unwrap();
        let trees = EntityFilter::parse("threshold\t0.5\ntrees\t1\ninit\t0.5\ntree\nleaf\t0.5\n").unwrap();
        let mut x = vec![0.0; FEATURES.len()];
        x[0] = 1.0;
        let expected = 1.0 / (1.0 + (-1.0f32).exp());
        assert!((logistic.probability(&x) - expected).abs() < 1e-6);
        assert!((trees.probability(&x) - expected).abs() < 1e-6);
    }

    #[test]
    fn a_lone_word_no_name_list_knows_is_no_person() {
        let body = "Shelves of Clorox stood empty. Díaz and Obama were there, as were Dr. Zubrowa and J.";
        let person = |name: &str, titles: &[&str]| {
            let at = body.find(name).unwrap();
            Entity {
                id: "E1".into(),
                name: name.into(),
                kind: EntityType::Person,
                titles: titles.iter().map(|t| t.to_string()).collect(),
                mentions: vec![Mention { span: at..at + name.len(), field: TextField::Body }],
            }
        };
        assert!(unbacked_one_word_person(&person("Clorox", &[]), body));
        assert!(unbacked_one_word_person(&person("J.", &[]), body), "an initial alone");
        // A census surname (accents folded), a name the case table knows, a title before it.
        assert!(!unbacked_one_word_person(&person("Díaz", &[]), body));
        assert!(!unbacked_one_word_person(&person("Obama", &[]), body));
        assert!(!unbacked_one_word_person(&person("Zubrowa", &["Dr."]), body));
        let mut org = person("Clorox", &[]);
        org.kind = EntityType::Org;
        assert!(!unbacked_one_word_person(&org, body));
    }

    #[test]
    fn labels_and_line_heads() {
        assert!(is_label("text\n\n", " Sockets (e.g., Kailh): the"));
        assert!(!is_label("Later that day he said that ", " was there: yes"));
        assert_eq!(line_head("a\n- 1. "), "");
        assert!(opens_sentence("It ended. \""));
        assert!(!opens_sentence("met with "));
        assert!(is_list_item("intro\n- Tips to "));
        assert!(is_list_item("intro\n12. "));
        assert!(!is_list_item("He met "));
        assert!(caps_around("Tips to Help Your ", " Eater\n"));
        assert!(!caps_around("It ended. ", " said that"));
        assert!(!caps_around("he told ", " on Monday"));
        assert!(!caps_around("and President ", " has embraced"));
        assert!(!caps_around("said Dr. ", ", who"));
        assert!(caps_around("a line of Second ", " said"));
    }
}
