//! The name forms grouped so far, under every key on which `same_referent` can match a later
//! mention, each with the first group holding such a form. A mention then finds its group
//! with a few lookups instead of a comparison with every mention before it, which made
//! grouping quadratic: a long text with tens of thousands of mentions took seconds.

use std::collections::HashMap;

use super::Key;
use crate::model::EntityType;

const KINDS: [EntityType; 4] = [EntityType::Person, EntityType::Org, EntityType::Loc, EntityType::Misc];

/// Longest run of a person's name words indexed as a shorter form of the name: no real
/// shorter form is longer (`Sher Mohammad Abbas Stanikzai` has 4 words).
const MAX_PART_WORDS: usize = 8;

/// What two forms of one referent share, from the side of the form seen first.
#[derive(Debug, Clone, PartialEq, Eq, Hash)]
enum Probe {
    /// The name, quotes and case folded.
    Folded(String),
    /// All its words.
    Words(EntityType, String),
    /// A shorter form of the name ([`parts`]).
    Part(EntityType, String),
    /// The last word of a name of two words or more.
    Surname(EntityType, String),
    /// The one word of a one-word name.
    Single(EntityType, String),
    /// The acronym its words make.
    Initials(EntityType, String),
    /// The name read as an acronym.
    Acronym(EntityType, String),
}

/// The groups under each probe, in ascending order.
#[derive(Default)]
pub(super) struct Lookup {
    groups: HashMap<Probe, Vec<usize>>,
}

impl Lookup {
    /// Records that a mention with key `k` is in group `g`.
    pub fn add(&mut self, k: &Key, g: usize) {
        for probe in entries(k) {
            let gs = self.groups.entry(probe).or_default();
            if let Err(at) = gs.binary_search(&g) {
                gs.insert(at, g);
            }
        }
    }

    /// The first group holding a form that refers to what `k` does and that `fits` accepts
    /// (`Mr. Clinton` is not the group of `Hillary Clinton` when `Bill Clinton` has one).
    pub fn find(&self, k: &Key, fits: impl Fn(usize) -> bool) -> Option<usize> {
        probes(k).iter().filter_map(|p| self.groups.get(p)?.iter().copied().find(|&g| fits(g))).min()
    }
}

/// The probes a grouped form is found by.
fn entries(k: &Key) -> Vec<Probe> {
    let mut out = vec![Probe::Folded(k.folded.clone())];
    if !k.words.is_empty() {
        out.push(Probe::Words(k.kind, k.words.join(" ")));
    }
    out.extend(parts(&k.words, k.kind).map(|p| Probe::Part(k.kind, p)));
    match k.words.as_slice() {
        [one] => out.push(Probe::Single(k.kind, one.clone())),
        [_, .., last] => out.push(Probe::Surname(k.kind, last.clone())),
        [] => {}
    }
    out.extend(k.initials.iter().map(|i| Probe::Initials(k.kind, i.clone())));
    out.extend(k.as_acronym.iter().map(|a| Probe::Acronym(k.kind, a.clone())));
    out
}

/// The probes that find the forms a new mention `k` refers to the same as: each case of
/// `same_referent`, seen from the later mention.
fn probes(k: &Key) -> Vec<Probe> {
    let mut out = vec![Probe::Folded(k.folded.clone())];
    // `k` is a shorter form of an earlier name of its type, or the other way round.
    if !k.words.is_empty() {
        out.push(Probe::Part(k.kind, k.words.join(" ")));
    }
    out.extend(parts(&k.words, k.kind).map(|p| Probe::Words(k.kind, p)));
    let person = k.kind == EntityType::Person;
    for other in KINDS.into_iter().filter(|&o| o != k.kind) {
        if person || other == EntityType::Person {
            // A surname typed otherwise than the person's full name.
            match k.words.as_slice() {
                [one] => out.push(Probe::Surname(other, one.clone())),
                [_, .., last] => out.push(Probe::Single(other, last.clone())),
                [] => {}
            }
        }
    }
    if !person {
        for other in KINDS.into_iter().filter(|&o| o != EntityType::Person) {
            out.extend(k.as_acronym.iter().map(|a| Probe::Initials(other, a.clone())));
            out.extend(k.initials.iter().map(|i| Probe::Acronym(other, i.clone())));
        }
    }
    out
}

/// The shorter forms of a name that `is_part` accepts: any run of a person's words, the tails
/// of at least two words of an organization's or other name; none of a place's.
fn parts(words: &[String], kind: EntityType) -> Box<dyn Iterator<Item = String> + '_> {
    let n = words.len();
    match kind {
        EntityType::Person => Box::new(
            (1..n.min(MAX_PART_WORDS + 1))
                .flat_map(move |len| (0..=n - len).map(move |start| words[start..start + len].join(" "))),
        ),
        EntityType::Org | EntityType::Misc => Box::new((2..n).map(move |len| words[n - len..].join(" "))),
        EntityType::Loc => Box::new(std::iter::empty()),
    }
}
