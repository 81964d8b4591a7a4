//! Entities: the mentions of one referent grouped under a canonical name.
//!
//! Mentions join an entity when they are
//! - the same name (quotes and case folded);
//! - one country under several names, through the gazetteer (`US`, `U.S.`, `America`);
//! - a shorter form of a person's name (`Lavrov` after `Sergey Lavrov`; either order);
//! - the tail of a longer organization name (`Foreign Ministry` after `Afghan Foreign
//!   Ministry`);
//! - an acronym of a longer name (`NATO` and `North Atlantic Treaty Organization`).
//!
//! The canonical name is the longest form for people and organizations and the most frequent
//! form for places; the type is the one most mentions have.

pub mod confidence;
mod lookup;
mod trees;

use std::collections::{HashMap, HashSet};

use super::gazetteer::Gazetteer;
use super::mentions::FoundMention;
use crate::model::{Entity, EntityType, Mention, TextField};
use crate::quotes::sex::{self, Sex};
use lookup::Lookup;

/// Words left out of acronyms (`Bureau of South Asian Affairs` → `BSAA`).
const ACRONYM_SKIP: &[&str] = &["of", "the", "and", "for", "in", "on", "de", "&"];

/// An entity being built: its mentions' indices and what they are matched on.
struct Group {
    mentions: Vec<usize>,
    country: Option<[u8; 2]>,
    /// Its distinct full names of people (mentions of two or more words), to keep another
    /// person of the same surname out.
    people: Vec<usize>,
    /// The sex its first mention that shows one gives ([`Key::sex`]).
    sex: Option<Sex>,
}

fn fold(s: &str) -> String {
    s.chars()
        .filter(|c| !newsmill_model::text::INVISIBLE.contains(c))
        .map(|c| match c {
            '’' | '‘' => '\'',
            // `Donald\u{a0}Trump` is `Donald Trump`.
            c if c.is_whitespace() => ' ',
            c => c,
        })
        .flat_map(char::to_lowercase)
        .collect()
}

/// A mention written as the entity's name: one plain space between its words and none of the
/// invisible characters a text may hold inside a word (`Donald\u{a0}Trump`, `Netan\u{ad}yahu`).
fn display_name(written: &str) -> String {
    let visible = newsmill_model::text::without_invisible(written);
    let name = visible.trim_end_matches(['’', '\'']);
    if name.contains(|c: char| c.is_whitespace() && c != ' ') {
        name.split_whitespace().collect::<Vec<_>>().join(" ")
    } else {
        name.to_string()
    }
}

/// What a mention is matched on, computed once per mention: grouping compares every
/// mention with the mentions before it, so folding inside the comparison was quadratic in
/// allocations.
struct Key {
    kind: EntityType,
    folded: String,
    words: Vec<String>,
    /// The mention itself read as an acronym (`U.S.` → `US`), if it looks like one.
    as_acronym: Option<String>,
    /// The acronym the mention's words would make (`North Atlantic Treaty Organization` → `NATO`).
    initials: Option<String>,
    /// The sex a person's mention shows: an honorific right before it (`Mr. Obama`), else the
    /// given name opening it (`Michelle Obama`).
    sex: Option<Sex>,
}

impl Key {
    fn new(text: &str, m: &FoundMention) -> Key {
        let name = &text[m.span.clone()];
        // A site's domain is its name (`Facebook.com` is `Facebook`), and a state's abbreviation
        // the state (`Fla.` is `Florida`).
        let state = (m.kind == EntityType::Loc).then(|| crate::lang::en::lexicon::us_state_of_abbreviation(name)).flatten();
        let folded = fold(state.or_else(|| crate::mentions::domain_stem(name)).unwrap_or(name));
        let words: Vec<String> = folded.split_whitespace().map(|w| w.trim_end_matches("'s").to_string()).collect();
        // A name's last word decides its kind for grouping too (`High Peace Council` tagged as a
        // place is the organisation `Peace Council` refers to).
        let kind = crate::lang::en::lexicon::type_by_last_word(name, m.kind).unwrap_or(m.kind);
        let sex = if kind == EntityType::Person { sex_shown(text, m, words.len()) } else { None };
        Key {
            kind,
            folded,
            words,
            as_acronym: is_acronym(name).then(|| name.replace('.', "")),
            initials: acronym(name),
            sex,
        }
    }
}

/// The sex a person's mention shows: an honorific right before it, else, for a name of two
/// words or more, its given name.
fn sex_shown(text: &str, m: &FoundMention, words: usize) -> Option<Sex> {
    let given = || text.get(m.span.clone())?.split_whitespace().next().and_then(sex::of_given_name);
    sex::of_honorific_before(text, m.span.start).or_else(|| if words >= 2 { given() } else { None })
}

/// Is `short` a contiguous run of `long`'s words ending at its last word (a surname), or any
/// single word of a person's name (`Stanikzai`, `Abbas`)?
#[cfg(test)]
fn is_part(short: &[String], long: &[String], kind: EntityType) -> bool {
    if short.is_empty() || short.len() >= long.len() {
        return false;
    }
    match kind {
        EntityType::Person => long.windows(short.len()).any(|w| w == short),
        // Organizations: a tail of at least two words (`Foreign Ministry`), never one common word.
        EntityType::Org | EntityType::Misc => short.len() >= 2 && long.ends_with(short),
        EntityType::Loc => false,
    }
}

/// The acronym of a name: the initials of its capitalized words.
fn acronym(name: &str) -> Option<String> {
    let ws: Vec<&str> =
        name.split_whitespace().filter(|w| !ACRONYM_SKIP.contains(&w.to_lowercase().as_str())).collect();
    if ws.len() < 2 || !ws.iter().all(|w| w.starts_with(char::is_uppercase)) {
        return None;
    }
    Some(ws.iter().filter_map(|w| w.chars().next()).collect())
}

fn is_acronym(s: &str) -> bool {
    let letters: String = s.chars().filter(|c| *c != '.').collect();
    (2..=8).contains(&letters.chars().count()) && letters.chars().all(|c| c.is_uppercase())
}

/// Whether two forms refer to the same: the rule [`lookup`] indexes, kept as the reference
/// its tests compare with.
#[cfg(test)]
fn same_referent(a: &Key, b: &Key) -> bool {
    if a.folded == b.folded {
        return true;
    }
    let (wa, wb) = (&a.words, &b.words);
    let person = a.kind == EntityType::Person || b.kind == EntityType::Person;
    if a.kind == b.kind {
        let kind = a.kind;
        if is_part(wa, wb, kind) || is_part(wb, wa, kind) {
            return true;
        }
    } else if person {
        // A surname the model typed otherwise (`Stanikzai` as ORG) still joins the person.
        let surname =
            |short: &[String], long: &[String]| short.len() == 1 && long.len() >= 2 && long.last() == short.first();
        return surname(wa, wb) || surname(wb, wa);
    }
    let acr = |short: &Key, long: &Key| short.as_acronym.is_some() && short.as_acronym == long.initials;
    !person && (acr(a, b) || acr(b, a))
}

/// Groups mentions (in text order) into entities numbered by first mention. A mention joins
/// the first group that holds the same country or a form that refers to the same referent.
pub fn group(text: &str, mentions: &[FoundMention], gaz: &Gazetteer) -> Vec<Entity> {
    let mut keys: Vec<Key> = mentions.iter().map(|m| Key::new(text, m)).collect();
    let mut groups: Vec<Group> = Vec::new();
    let mut lookup = Lookup::default();
    let mut by_country: HashMap<[u8; 2], usize> = HashMap::new();
    // The forms (type, name) already in the lookup with their group: repeats add nothing.
    let mut indexed: HashSet<(EntityType, &str, usize)> = HashSet::new();
    for (k, m) in mentions.iter().enumerate() {
        let name = &text[m.span.clone()];
        let country = mention_country(gaz, name, m.kind);
        // A country's code is no acronym of another name (`US` and `University of Sheffield`):
        // countries join by the country they name.
        if country.is_some() {
            keys[k].as_acronym = None;
        }
        // Not into a group that holds another person of the same surname (`Bill Clinton` where
        // `Hillary Clinton` and `Clinton` are grouped): the shared short form joined them. Nor
        // into a person the text shows is of the other sex (`Mr. Clinton` and `Hillary Clinton`).
        let fits = |i: usize| {
            let g: &Group = &groups[i];
            !g.people.iter().any(|&j| other_person(&keys[k], &keys[j]))
                && !sex::differ(keys[k].sex, g.sex)
        };
        let same_country = country.and_then(|c| by_country.get(&c).copied()).filter(|&i| fits(i));
        let found = [same_country, lookup.find(&keys[k], fits)].into_iter().flatten().min();
        let g = match found {
            Some(i) => {
                groups[i].mentions.push(k);
                groups[i].country = groups[i].country.or(country);
                groups[i].sex = groups[i].sex.or(keys[k].sex);
                i
            }
            None => {
                groups.push(Group { mentions: vec![k], country, people: Vec::new(), sex: keys[k].sex });
                groups.len() - 1
            }
        };
        let full_name = keys[k].kind == EntityType::Person && keys[k].words.len() >= 2;
        if full_name && !groups[g].people.iter().any(|&j| keys[j].folded == keys[k].folded) {
            groups[g].people.push(k);
        }
        if let Some(c) = groups[g].country {
            let first = by_country.entry(c).or_insert(g);
            *first = (*first).min(g);
        }
        if indexed.insert((m.kind, name, g)) {
            lookup.add(&keys[k], g);
        }
    }
    let mut ents: Vec<Entity> = groups.iter().enumerate().map(|(i, g)| build(text, mentions, g, i + 1)).collect();
    for (e, g) in ents.iter_mut().zip(&groups) {
        e.kind = refine_kind(text, e, g.country.is_some(), gaz);
    }
    written_in_full(text, ents)
}

/// Whether two person mentions of two or more words each name different people: neither
/// holds all the other's words (`Bill Clinton`, `Hillary Clinton`; but `Hillary Clinton` and
/// `Hillary Rodham Clinton` are one).
fn other_person(a: &Key, b: &Key) -> bool {
    let within = |x: &Key, y: &Key| x.words.iter().all(|w| y.words.contains(w));
    a.kind == EntityType::Person
        && b.kind == EntityType::Person
        && a.words.len() >= 2
        && b.words.len() >= 2
        && !within(a, b)
        && !within(b, a)
}

/// A mention that the text writes as the tail of a longer form of its own entity (`Peace
/// Council` right after `High`, when `High Peace Council` is a mention too) is that longer
/// form: the tagger split the name there (`High` as a place). Mentions of other entities
/// inside the extended span go, and entities left without mentions.
fn written_in_full(text: &str, mut ents: Vec<Entity>) -> Vec<Entity> {
    let mut extended: Vec<std::ops::Range<usize>> = Vec::new();
    for e in &mut ents {
        // The distinct forms: an entity named thousands of times has a handful.
        let mut forms: Vec<&str> = e.mentions.iter().filter_map(|m| text.get(m.span.clone())).collect();
        forms.sort_unstable();
        forms.dedup();
        let mut longer_of = Vec::with_capacity(e.mentions.len());
        for m in &e.mentions {
            let cur = text.get(m.span.clone()).unwrap_or("");
            let longer = forms.iter().filter(|f| f.len() > cur.len() && f.ends_with(cur)).max_by_key(|f| f.len());
            let start = longer.and_then(|f| {
                let start = m.span.start.checked_sub(f.len() - cur.len())?;
                (text.get(start..m.span.end) == Some(*f)).then_some(start)
            });
            longer_of.push(start);
        }
        for (m, start) in e.mentions.iter_mut().zip(longer_of) {
            if let Some(start) = start {
                m.span.start = start;
                extended.push(m.span.clone());
            }
        }
    }
    if extended.is_empty() {
        return ents;
    }
    extended.sort_by_key(|x| x.start);
    // The extended span that could hold a mention is the last one starting at or before it.
    let inside = |span: &std::ops::Range<usize>| {
        let i = extended.partition_point(|x| x.start <= span.start);
        i > 0 && extended[i - 1].end >= span.end && extended[i - 1] != *span
    };
    for e in &mut ents {
        e.mentions.retain(|m| !inside(&m.span));
    }
    ents.retain(|e| !e.mentions.is_empty());
    ents
}

/// Types that hold whatever the tagger said about single mentions:
/// - a country is a place (`US` in `US troops` too);
/// - a name among the organisations known worldwide is an organisation's (`Facebook`);
/// - a building that names the government seated in it (`White House`, `Kremlin`) is an
///   organisation's, unless every mention is after a preposition of place (`at the White House`);
/// - a name ending in a word such as `Software`, `Partners` or `Police` is an organisation's,
///   one ending in `County` or `Street` a place's;
/// - a longer name opening with a known organisation's (`Google Maps`, `Apple Podcasts`,
///   `NVIDIA GTC`) is a product, service or event of it;
/// - a one-word "person" written like a brand (`HubSpot`) is an organisation;
/// - a name written after a title only a person bears (`President Obama`) is a person's;
/// - an "organisation" the gazetteer knows as a place, written with its region (`Gainesville,
///   FL`) or after `in` (`rallies in Cleveland`), is a place;
/// - a MISC name that owns something (`Taliban’s participation`) and is no nationality is
///   a group acting as an organization.
fn refine_kind(text: &str, e: &Entity, country: bool, gaz: &Gazetteer) -> EntityType {
    // The planet is a place, though the tagger may read an organisation's word (`Earth`
    // alone; `Google Earth`, `Earth Day` are other names).
    if country || e.name.eq_ignore_ascii_case("Earth") {
        return EntityType::Loc;
    }
    // A polity's formal name (`State of New Jersey`): a place, though the tagger, reading
    // `State`, may call it an organisation.
    if crate::lang::en::lexicon::polity_place(&e.name).is_some_and(|place| gaz.is_place(place)) {
        return EntityType::Loc;
    }
    if crate::lang::en::lexicon::is_known_org(&e.name) {
        return EntityType::Org;
    }
    // `CAIRO — …`, `MOSCOW (AP) — …`: a dateline names the place the story was filed from.
    // (The name in capitals first: most names are not, and that ends the check at once.)
    if shouted(&e.name).is_some_and(|place| gaz.is_place(&place)) && e.mentions.iter().any(|m| is_dateline(text, m)) {
        return EntityType::Loc;
    }
    // `the White House said`, `Kremlin officials`; a place only where every mention is one
    // (`spoke at the White House`).
    if crate::lang::en::lexicon::is_seat_of_government(&e.name) {
        let as_place = e.mentions.iter().all(|m| after_locative_article(text, m));
        return if as_place { EntityType::Loc } else { EntityType::Org };
    }
    if let Some(kind) = crate::lang::en::lexicon::type_by_last_word(&e.name, e.kind) {
        return kind;
    }
    if crate::lang::en::lexicon::is_product_of_known_org(&e.name) {
        return EntityType::Misc;
    }
    if e.kind == EntityType::Person && crate::lang::en::lexicon::is_brand_shaped(&e.name) {
        return EntityType::Org;
    }
    // (No digit: `Mr. Coffee 12-Cup` is a coffee maker.)
    if e.kind != EntityType::Person
        && !e.name.contains(|c: char| c.is_ascii_digit())
        && e.mentions.iter().any(|m| after_person_title(text, m))
    {
        return EntityType::Person;
    }
    if e.kind == EntityType::Org
        && gaz.is_place(&e.name)
        && e.mentions.iter().any(|m| in_its_region(text, m, gaz) || after_locative(text, m))
    {
        return EntityType::Loc;
    }
    if e.kind == EntityType::Misc && gaz.country_of(&e.name).is_none() {
        let possessive = e.mentions.iter().any(|m| {
            let after = text.get(m.span.end..).unwrap_or("");
            after.starts_with("’s") || after.starts_with("'s")
        });
        if possessive {
            return EntityType::Org;
        }
    }
    e.kind
}

/// A body mention right after a title only a person bears (`President Obama`, `Mr. Trump`):
/// the wire-news tagger, which never read such names, may have typed each mention otherwise.
fn after_person_title(text: &str, m: &Mention) -> bool {
    let before = text.get(..m.span.start).unwrap_or("");
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    m.field.is_body()
        && line.ends_with(' ')
        && line.split_whitespace().next_back().is_some_and(super::mentions::is_person_title)
}

/// A body mention right after `in`, `near` or `outside` (`rallies in Cleveland`): a place the
/// gazetteer knows, written where a place goes; the wire-news tagger types some cities as the
/// teams named after them.
fn after_locative(text: &str, m: &Mention) -> bool {
    let before = text.get(..m.span.start).unwrap_or("");
    m.field.is_body()
        && before.ends_with(' ')
        && before.split_whitespace().next_back().is_some_and(|w| matches!(w, "in" | "near" | "outside"))
}

/// A body mention in capitals opening its line and followed by a dash and a sentence, maybe
/// after a news agency in parentheses: a dateline (`CAIRO — The …`, `MOSCOW (AP) — A …`).
fn is_dateline(text: &str, m: &Mention) -> bool {
    let opens_line = m.span.start == 0 || text.get(..m.span.start).is_some_and(|b| b.ends_with('\n'));
    let rest = text.get(m.span.end..).unwrap_or("");
    let rest = match rest.strip_prefix(" (") {
        Some(r) => r.split_once(')').map_or("", |(agency, after)| if agency.len() <= 12 { after } else { "" }),
        None => rest,
    };
    // The story's first sentence follows on the line (`AJAX — a way to …`, `AJAX — Asynchronous`
    // on a line of its own are terms defined).
    let sentence = |after: &str| {
        let line = after.trim_start_matches(' ').split('\n').next().unwrap_or("");
        line.starts_with(char::is_uppercase) && line.split_whitespace().count() >= 6
    };
    let dash = ["—", "–", "-"].iter().any(|d| rest.trim_start_matches(' ').strip_prefix(d).is_some_and(sentence));
    let name = text.get(m.span.clone()).unwrap_or("");
    m.field.is_body() && opens_line && dash && !name.chars().any(char::is_lowercase)
}

/// A mention right after a preposition of place and `the` (`at the White House`).
fn after_locative_article(text: &str, m: &Mention) -> bool {
    let before = text.get(..m.span.start).unwrap_or("");
    let mut words = before.split_whitespace().rev();
    before.ends_with(' ')
        && words.next().is_some_and(|w| w.eq_ignore_ascii_case("the"))
        && words.next().is_some_and(|w| {
            matches!(w, "at" | "in" | "inside" | "outside" | "near" | "to" | "into" | "from" | "toward" | "towards")
        })
}

/// A mention followed by the region or country it is in (`Gainesville, FL`, `Barcelona,
/// Spain`, `Berkeley, California`): the way a place is written, not an organisation.
fn in_its_region(text: &str, m: &Mention, gaz: &Gazetteer) -> bool {
    let Some(region) = crate::places::region_after(text, m.span.end) else { return false };
    // `FL`, or `FL.` ending the sentence.
    let code = region.strip_suffix('.').unwrap_or(&region);
    let state_code = !region.contains(' ') && code.len() == 2 && code.bytes().all(|b| b.is_ascii_uppercase());
    state_code || gaz.is_country_or_region(&region) || gaz.is_country_or_region(region.trim_end_matches('.'))
}

/// The country a place or organization mention names (`US`, `the United States`), if any.
fn mention_country(gaz: &Gazetteer, name: &str, kind: EntityType) -> Option<[u8; 2]> {
    matches!(kind, EntityType::Loc | EntityType::Org).then(|| country_code(gaz, name)).flatten()
}

fn country_code(gaz: &Gazetteer, name: &str) -> Option<[u8; 2]> {
    let code = |name: &str| gaz.is_country(name.trim_start_matches("the ")).then(|| gaz.country_of(name)).flatten();
    code(name).or_else(|| shouted(name).and_then(|title| code(&title)))
}

/// A name written in capitals (`GREECE`, `LATIN AMERICA`: a heading or a dateline) in title
/// case, to look up; short ones are acronyms (`US`, `UAE` are in the gazetteer as written).
fn shouted(name: &str) -> Option<String> {
    let letters = name.chars().filter(|c| c.is_alphabetic()).count();
    if letters < 4 || name.chars().any(char::is_lowercase) {
        return None;
    }
    let (mut title, mut word) = (String::with_capacity(name.len()), String::new());
    for (k, w) in name.split(' ').enumerate() {
        crate::ner::features::title_case(w, &mut word);
        if k > 0 {
            title.push(' ');
        }
        title.push_str(&word);
    }
    Some(title)
}

fn build(text: &str, mentions: &[FoundMention], g: &Group, n: usize) -> Entity {
    let ms: Vec<&FoundMention> = g.mentions.iter().map(|&k| &mentions[k]).collect();
    let kinds = [EntityType::Person, EntityType::Org, EntityType::Loc, EntityType::Misc];
    let count = |k: EntityType| ms.iter().filter(|m| m.kind == k).count();
    // Ties go to the kind of the longest mention.
    let longest_kind = ms.iter().max_by_key(|m| m.tokens.len()).map_or(EntityType::Misc, |m| m.kind);
    let kind = if is_person_and_short_forms(text, &ms) {
        EntityType::Person
    } else {
        kinds.into_iter().max_by_key(|&k| (count(k), k == longest_kind)).unwrap_or(longest_kind)
    };
    let name_of = |m: &&FoundMention| display_name(&text[m.span.clone()]);
    let name = if kind == EntityType::Loc {
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for m in &ms {
            *counts.entry(&text[m.span.clone()]).or_default() += 1;
        }
        let freq = |s: &str| counts.get(s).copied().unwrap_or(0);
        // A state written out names it before its abbreviation (`California`, not `Calif.`).
        let written_out = |s: &str| crate::lang::en::lexicon::us_state_of_abbreviation(s).is_none();
        // Ties go to the first mention (max_by_key keeps the last of equals).
        ms.iter().rev().map(name_of).max_by_key(|s| (written_out(s), freq(s))).unwrap_or_default()
    } else {
        // Of forms as long, one written in capitals (a transcript's `TRAVIS CANTWELL`, a headline
        // in capitals) is the last choice.
        let cased = |m: &&&FoundMention| text[m.span.clone()].chars().any(char::is_lowercase);
        // A person's full name ends in the surname the text uses alone (`a Margaret Hamilton Lego
        // minifigure` names a toy; `Margaret Hamilton` … `Hamilton` is the person).
        let surname = (kind == EntityType::Person).then(|| surname_of(text, &ms)).flatten();
        let ends_in_surname = |m: &&&FoundMention| surname.is_none_or(|s| same_word(last_word(text, m), s));
        // `Rice Krispies Treats at Whole Foods` beside `Whole Foods`: a thing at the place the
        // other mentions name, not a longer name of it.
        let written = |w: &str| ms.iter().any(|m| &text[m.span.clone()] == w);
        let at_itself = |m: &&&FoundMention| text[m.span.clone()].split_once(" at ").is_some_and(|(_, place)| written(place));
        let longest = ms
            .iter()
            .filter(|m| m.kind == kind)
            .filter(ends_in_surname)
            .filter(|m| !at_itself(m))
            .max_by_key(|m| (m.tokens.len(), cased(m), m.span.len()));
        longest.map(name_of).unwrap_or_default()
    };
    Entity {
        id: format!("E{n}"),
        name,
        kind,
        titles: Vec::new(),
        mentions: ms.iter().map(|m| Mention { span: m.span.clone(), field: TextField::Body }).collect(),
    }
}

/// The surname a person's mentions use alone: their most frequent one-word form, when a longer
/// form ends in it (`Hamilton` beside `Margaret Hamilton`; not `Sarah` beside `Sarah Gille`).
fn surname_of<'t>(text: &'t str, ms: &[&FoundMention]) -> Option<&'t str> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in ms.iter().filter(|m| m.kind == EntityType::Person && m.tokens.len() == 1) {
        *counts.entry(&text[m.span.clone()]).or_default() += 1;
    }
    // Ties go to the word first written (max_by_key keeps the last of equals).
    let first = |w: &str| ms.iter().position(|m| &text[m.span.clone()] == w).unwrap_or(usize::MAX);
    let word = counts.into_iter().max_by_key(|&(w, n)| (n, std::cmp::Reverse(first(w)))).map(|(w, _)| w)?;
    ms.iter().any(|m| m.tokens.len() > 1 && same_word(last_word(text, m), word)).then_some(word)
}

/// Whether two words read the same (`Netanyahu`, and `Netan­yahu` with a soft hyphen).
fn same_word(a: &str, b: &str) -> bool {
    use newsmill_model::text::without_invisible;
    a == b || without_invisible(a) == without_invisible(b)
}

/// The last word of a mention as written.
fn last_word<'t>(text: &'t str, m: &FoundMention) -> &'t str {
    text[m.span.clone()].rsplit(char::is_whitespace).next().unwrap_or("")
}

/// A person's full name and, for the rest, single words of it (`Scott Keatley` … `Keatley
/// says`): the short forms are that person however the tagger typed them, even where a company
/// named after the person (`Keatley Medical`) made it call them an organisation.
fn is_person_and_short_forms(text: &str, ms: &[&FoundMention]) -> bool {
    let Some(full) = ms.iter().filter(|m| m.kind == EntityType::Person).max_by_key(|m| m.tokens.len()) else {
        return false;
    };
    let words: Vec<&str> = text[full.span.clone()].split_whitespace().collect();
    words.len() >= 2
        && ms.iter().all(|m| {
            let name = text[m.span.clone()].trim_end_matches("'s").trim_end_matches("’s");
            m.span == full.span || name == &text[full.span.clone()] || words.contains(&name)
        })
}

#[cfg(test)]
mod tests {
    use super::*;
    use std::ops::Range;

    #[test]
    fn a_country_written_in_capitals_is_a_country() {
        let gaz = Gazetteer::embedded().unwrap();
        assert!(country_code(&gaz, "GREECE").is_some());
        assert_eq!(country_code(&gaz, "LATIN AMERICA"), None, "a region, not a country");
        assert_eq!(shouted("NEW JERSEY").as_deref(), Some("New Jersey"));
        assert_eq!(shouted("NATO"), Some("Nato".to_string()));
        assert_eq!(country_code(&gaz, "NATO"), None);
        assert_eq!(shouted("IBM"), None, "three letters: an acronym");
        assert_eq!(shouted("Greece"), None);
    }

    #[test]
    fn short_forms_of_a_persons_full_name_are_that_person() {
        let text = "said Scott Keatley, co-owner of Keatley Medical. Keatley says so. Keatley added more.";
        let ms = [
            mention(text, "Scott Keatley", EntityType::Person, 0),
            mention(text, "Keatley", EntityType::Org, 2),
            mention(text, "Keatley", EntityType::Org, 3),
        ];
        let refs: Vec<&FoundMention> = ms.iter().collect();
        assert!(is_person_and_short_forms(text, &refs));
        let g = Group { mentions: vec![0, 1, 2], country: None, people: Vec::new(), sex: None };
        let e = build(text, &ms, &g, 1);
        assert_eq!((e.name.as_str(), e.kind), ("Scott Keatley", EntityType::Person));
        // A one-word person is no evidence against the organisation's other mentions.
        let ms = [mention(text, "Keatley", EntityType::Person, 0), mention(text, "Keatley", EntityType::Org, 2)];
        let refs: Vec<&FoundMention> = ms.iter().collect();
        assert!(!is_person_and_short_forms(text, &refs));
    }

    fn mention(text: &str, s: &str, kind: EntityType, nth: usize) -> FoundMention {
        let start = text.match_indices(s).nth(nth).map(|(i, _)| i).unwrap_or(0);
        let n = s.split_whitespace().count();
        FoundMention { span: start..start + s.len(), kind, tokens: 0..n, sentence: 0 }
    }

    #[test]
    fn a_place_followed_by_its_region_is_a_place() {
        let gaz = Gazetteer::embedded().unwrap();
        let text = "Location: Barcelona, Spain. He flew from Gainesville, FL to Acme, Co. in Lisbon, FL.";
        let at = |s: &str| {
            let start = text.find(s).unwrap_or(0);
            Mention { span: start..start + s.len(), field: TextField::Body }
        };
        assert!(in_its_region(text, &at("Barcelona"), &gaz));
        assert!(in_its_region(text, &at("Gainesville"), &gaz));
        assert!(!in_its_region(text, &at("Acme"), &gaz), "a company form is no region");
        assert!(in_its_region(text, &at("Lisbon"), &gaz), "a code ending the sentence");
        // A first-order division written in full, as a country is.
        let text = "She studied at Berkeley, California, and at Acme, Research Triangle.";
        let at = |s: &str| {
            let start = text.find(s).unwrap_or(0);
            Mention { span: start..start + s.len(), field: TextField::Body }
        };
        assert!(in_its_region(text, &at("Berkeley"), &gaz));
        assert!(!in_its_region(text, &at("Acme"), &gaz));
    }

    #[test]
    fn a_seat_of_government_is_the_government_unless_used_as_a_place() {
        let gaz = Gazetteer::embedded().unwrap();
        let kind_of = |text: &str, name: &str, n: usize| {
            let ms: Vec<FoundMention> = (0..n).map(|i| mention(text, name, EntityType::Loc, i)).collect();
            group(text, &ms, &gaz).first().map(|e| e.kind)
        };
        let text = "The White House said so. He spoke at the White House.";
        assert_eq!(kind_of(text, "White House", 2), Some(EntityType::Org));
        assert_eq!(kind_of("Kremlin officials denied it.", "Kremlin", 1), Some(EntityType::Org));
        let text = "He spoke to the BBC at the White House before leaving.";
        assert_eq!(kind_of(text, "White House", 1), Some(EntityType::Loc));
    }

    #[test]
    fn a_dateline_is_a_place() {
        let gaz = Gazetteer::embedded().unwrap();
        let kind_of = |text: &str, name: &str| {
            group(text, &[mention(text, name, EntityType::Org, 0)], &gaz).first().map(|e| e.kind)
        };
        assert_eq!(kind_of("CAIRO — Gunmen opened fire on visitors at the museum.", "CAIRO"), Some(EntityType::Loc));
        assert_eq!(kind_of("Intro.\nCAIRO (AP) — Gunmen opened fire on visitors on Wednesday.", "CAIRO"), Some(EntityType::Loc));
        // Not opening its line, or no place.
        assert_eq!(kind_of("Visit CAIRO — a city of 20 million.", "CAIRO"), Some(EntityType::Org));
        assert_eq!(kind_of("AJAX — a way to load pages.", "AJAX"), Some(EntityType::Org));
        assert_eq!(kind_of("AJAX — Asynchronous JavaScript\nJSON — Notation", "AJAX"), Some(EntityType::Org));
    }

    #[test]
    fn a_country_s_code_is_no_acronym_of_another_name() {
        let gaz = Gazetteer::embedded().unwrap();
        let text = "In the United States and the US, the University of Sheffield studied trees.";
        let ms = [
            mention(text, "United States", EntityType::Loc, 0),
            mention(text, "US", EntityType::Loc, 0),
            mention(text, "University of Sheffield", EntityType::Org, 0),
        ];
        let names: Vec<(String, usize)> = group(text, &ms, &gaz).into_iter().map(|e| (e.name, e.mentions.len())).collect();
        assert_eq!(names, [("United States".to_string(), 2), ("University of Sheffield".to_string(), 1)]);
    }

    #[test]
    fn merges_surnames_countries_and_acronyms() {
        let text = "Sergey Lavrov met NATO. Lavrov said the US and the U.S. and America and the \
                    North Atlantic Treaty Organization. Stanikzai, Sher Mohammad Abbas Stanikzai.";
        let ms = vec![
            mention(text, "Sergey Lavrov", EntityType::Person, 0),
            mention(text, "NATO", EntityType::Org, 0),
            mention(text, "Lavrov", EntityType::Person, 1),
            mention(text, "US", EntityType::Loc, 0),
            mention(text, "U.S.", EntityType::Loc, 0),
            mention(text, "America", EntityType::Loc, 0),
            mention(text, "North Atlantic Treaty Organization", EntityType::Org, 0),
            mention(text, "Stanikzai", EntityType::Org, 0),
            mention(text, "Sher Mohammad Abbas Stanikzai", EntityType::Person, 0),
        ];
        let ents = group(text, &ms, &Gazetteer::embedded().unwrap());
        let names: Vec<(&str, usize)> = ents.iter().map(|e| (e.name.as_str(), e.mentions.len())).collect();
        assert_eq!(
            names,
            [
                ("Sergey Lavrov", 2),
                ("North Atlantic Treaty Organization", 2),
                ("US", 3),
                ("Sher Mohammad Abbas Stanikzai", 2)
            ]
        );
        assert_eq!(ents[3].kind, EntityType::Person);
        assert_eq!(ents.iter().map(|e| e.id.as_str()).collect::<Vec<_>>(), ["E1", "E2", "E3", "E4"]);
    }

    #[test]
    fn a_states_abbreviation_is_the_state() {
        let text = "Plants in Fresno, Calif., and Tampa, Fla., closed. California and Calif. lost jobs.";
        let ms = vec![
            mention(text, "Fresno", EntityType::Loc, 0),
            mention(text, "Calif.", EntityType::Loc, 0),
            mention(text, "Tampa", EntityType::Loc, 0),
            mention(text, "Fla.", EntityType::Loc, 0),
            mention(text, "California", EntityType::Loc, 0),
            mention(text, "Calif.", EntityType::Loc, 1),
        ];
        let names = names_and_counts(text, &ms);
        assert_eq!(names, [("Fresno".into(), 1), ("California".into(), 3), ("Tampa".into(), 1), ("Fla.".into(), 1)]);
    }

    /// Each entity the mentions group into: its name and how many mentions it has.
    fn names_and_counts(text: &str, ms: &[FoundMention]) -> Vec<(String, usize)> {
        let ents = group(text, ms, &Gazetteer::embedded().unwrap());
        ents.into_iter().map(|e| (e.name, e.mentions.len())).collect()
    }

    #[test]
    fn a_name_is_written_as_the_text_writes_it_outside_capitals() {
        let text = "Travis Cantwell is a plumber.\n\nTRAVIS CANTWELL: Teachers need help.";
        let ms = vec![
            mention(text, "Travis Cantwell", EntityType::Person, 0),
            mention(text, "TRAVIS CANTWELL", EntityType::Person, 0),
        ];
        assert_eq!(names_and_counts(text, &ms), [("Travis Cantwell".to_string(), 2)]);
    }

    #[test]
    fn a_persons_name_ends_in_the_surname_the_text_uses_alone() {
        let text = "Margaret Hamilton came to MIT. Hamilton loved it, Hamilton said. She got a Margaret Hamilton Lego minifigure.";
        let person = |s: &str, nth: usize| mention(text, s, EntityType::Person, nth);
        let ms = vec![person("Margaret Hamilton", 0), person("Hamilton", 1), person("Hamilton", 2), person("Margaret Hamilton Lego", 0)];
        assert_eq!(names_and_counts(text, &ms), [("Margaret Hamilton".to_string(), 4)]);
        // A first name used alone is no surname: the full name stays the name.
        let text = "Sarah Gille studied at MIT. Sarah wrote back.";
        let person = |s: &str, nth: usize| mention(text, s, EntityType::Person, nth);
        let ms = vec![person("Sarah Gille", 0), person("Sarah", 1)];
        assert_eq!(names_and_counts(text, &ms), [("Sarah Gille".to_string(), 2)]);
    }

    #[test]
    fn a_soft_hyphen_inside_a_name_does_not_split_the_person() {
        let text = "Benjamin Netan\u{ad}yahu won. Netanyahu said so, and Netan\u{ad}yahu smiled.";
        let person = |s: &str, nth: usize| mention(text, s, EntityType::Person, nth);
        let ms = vec![person("Benjamin Netan\u{ad}yahu", 0), person("Netanyahu", 0), person("Netan\u{ad}yahu", 1)];
        assert_eq!(names_and_counts(text, &ms), [("Benjamin Netanyahu".to_string(), 3)]);
    }

    #[test]
    fn a_no_break_space_inside_a_name_does_not_split_the_person() {
        let text = "Donald\u{a0}Trump spoke. Donald Trump left, and Trump\u{2019}s aides followed.";
        let person = |s: &str, nth: usize| mention(text, s, EntityType::Person, nth);
        let ms = vec![person("Donald\u{a0}Trump", 0), person("Donald Trump", 0), person("Trump", 2)];
        assert_eq!(names_and_counts(text, &ms), [("Donald Trump".to_string(), 3)]);
    }

    #[test]
    fn a_thing_at_the_place_an_entity_names_does_not_name_it() {
        let text = "Whole Foods cut prices. Rice Krispies Treats at Whole Foods sold out. Whole Foods said so.";
        let org = |s: &str, nth: usize| mention(text, s, EntityType::Org, nth);
        let ms = vec![org("Whole Foods", 0), org("Rice Krispies Treats at Whole Foods", 0), org("Whole Foods", 2)];
        assert_eq!(names_and_counts(text, &ms), [("Whole Foods".to_string(), 3)]);
    }

    #[test]
    fn a_site_s_domain_joins_its_name() {
        let text = "We booked through Booking.com. Booking said the fee was waived.";
        let ms = vec![mention(text, "Booking.com", EntityType::Org, 0), mention(text, "Booking", EntityType::Org, 1)];
        assert_eq!(names_and_counts(text, &ms), [("Booking.com".to_string(), 2)]);
    }

    /// Grouping as first written: each mention compared with every mention of every group.
    fn group_by_scan(text: &str, mentions: &[FoundMention], gaz: &Gazetteer) -> Vec<Vec<usize>> {
        let keys: Vec<Key> = mentions.iter().map(|m| Key::new(text, m)).collect();
        let mut groups: Vec<Group> = Vec::new();
        for (k, m) in mentions.iter().enumerate() {
            let country = mention_country(gaz, &text[m.span.clone()], m.kind);
            let fits = |g: &Group| {
                !g.mentions.iter().any(|&j| other_person(&keys[k], &keys[j]))
                    && !sex::differ(keys[k].sex, g.sex)
            };
            let found = groups.iter().position(|g| {
                ((country.is_some() && g.country == country)
                    || g.mentions.iter().any(|&j| same_referent(&keys[j], &keys[k])))
                    && fits(g)
            });
            match found {
                Some(i) => {
                    groups[i].mentions.push(k);
                    groups[i].country = groups[i].country.or(country);
                    groups[i].sex = groups[i].sex.or(keys[k].sex);
                }
                None => groups.push(Group { mentions: vec![k], country, people: Vec::new(), sex: keys[k].sex }),
            }
        }
        groups.into_iter().map(|g| g.mentions).collect()
    }

    const NAMES: &[&str] = &[
        "Sergey Lavrov",
        "Lavrov",
        "Sergey",
        "John Jordan",
        "Michael Jordan",
        "Jordan",
        "NATO",
        "North Atlantic Treaty Organization",
        "US",
        "U.S.",
        "America",
        "the US",
        "Foreign Ministry",
        "Afghan Foreign Ministry",
        "Ministry",
        "Stanikzai",
        "Sher Mohammad Abbas Stanikzai",
        "Abbas Stanikzai",
        "Mohammad",
        "Taliban",
        "Taliban’s",
        "UN",
        "United Nations",
        "BSAA",
        "Bureau of South Asian Affairs",
        "Moscow",
        "Russia",
        "Russian Federation",
        "RF",
        "Ann Lee Smith",
        "Lee Smith",
        "Lee",
        "Mr. Smith",
        "Mrs. Jordan",
        "Hillary Clinton",
        "Bill Clinton",
        "Mr. Clinton",
    ];

    proptest::proptest! {
        /// The lookup groups exactly as comparing with every earlier mention does.
        #[test]
        fn lookup_groups_as_the_full_scan(picks in proptest::collection::vec((0..NAMES.len(), 0..4usize), 0..40)) {
            let kinds = [EntityType::Person, EntityType::Org, EntityType::Loc, EntityType::Misc];
            let mut text = String::new();
            let mut ms = Vec::new();
            for &(n, kind) in &picks {
                let start = text.len();
                text.push_str(NAMES[n]);
                let words = NAMES[n].split_whitespace().count();
                ms.push(FoundMention { span: start..text.len(), kind: kinds[kind], tokens: 0..words, sentence: 0 });
                text.push_str(". ");
            }
            let gaz = Gazetteer::embedded().unwrap();
            let got: Vec<Vec<Range<usize>>> =
                group(&text, &ms, &gaz).into_iter().map(|e| e.mentions.into_iter().map(|m| m.span).collect()).collect();
            let want: Vec<Vec<Range<usize>>> = group_by_scan(&text, &ms, &gaz)
                .into_iter()
                .map(|g| g.into_iter().map(|k| ms[k].span.clone()).collect())
                .collect();
            proptest::prop_assert_eq!(got, want);
        }
    }

    #[test]
    fn a_name_split_by_the_tagger_is_written_in_full_where_the_text_has_it_whole() {
        let res = crate::Resources::embedded().unwrap();
        let text = "Officials met the Afghan High Peace Council – a body close to the government.\n\n\
                    However, the High Peace Council, which held brief talks in Moscow, did not represent it.";
        let article = crate::analyze(crate::document_from_text("t", text.into()), &res);
        let council: Vec<Vec<&str>> = article
            .entities
            .iter()
            .filter(|e| e.name.contains("Council"))
            .map(|e| e.mentions.iter().map(|m| &text[m.span.clone()]).collect())
            .collect();
        // The nationality before it is part of the name, as in `Afghan Foreign Ministry`.
        assert_eq!(council, [vec!["Afghan High Peace Council", "High Peace Council"]]);
        assert!(!article.entities.iter().any(|e| e.name == "High"), "{:?}", article.entities);
    }

    #[test]
    fn people_sharing_a_surname_stay_apart() {
        let mut text = String::new();
        let mut ms = Vec::new();
        for i in 0..3_000 {
            let start = text.len();
            text.push_str(&format!("Person{} Smith", i % 1_000));
            ms.push(FoundMention { span: start..text.len(), kind: EntityType::Person, tokens: 0..2, sentence: 0 });
            text.push_str(". ");
        }
        let ents = group(&text, &ms, &Gazetteer::embedded().unwrap());
        assert_eq!(ents.len(), 1_000);
        assert!(ents.iter().all(|e| e.mentions.len() == 3));
    }

    #[test]
    fn a_surname_shared_by_two_people_does_not_join_them() {
        let text = "Hillary Clinton spoke. Clinton said so. Bill Clinton smiled.";
        let ms = vec![
            mention(text, "Hillary Clinton", EntityType::Person, 0),
            mention(text, "Clinton", EntityType::Person, 0),
            mention(text, "Bill Clinton", EntityType::Person, 0),
        ];
        assert_eq!(names_and_counts(text, &ms), [("Hillary Clinton".to_string(), 2), ("Bill Clinton".to_string(), 1)]);
    }

    #[test]
    fn an_honorific_sends_a_surname_to_the_person_of_that_sex() {
        let text = "Hillary Clinton and Bill Clinton spoke. Mr. Clinton said so. Mrs. Clinton agreed. Clinton left.";
        let ms = vec![
            mention(text, "Hillary Clinton", EntityType::Person, 0),
            mention(text, "Bill Clinton", EntityType::Person, 0),
            mention(text, "Clinton", EntityType::Person, 2),
            mention(text, "Clinton", EntityType::Person, 3),
            mention(text, "Clinton", EntityType::Person, 4),
        ];
        let got = names_and_counts(text, &ms);
        assert_eq!(got, [("Hillary Clinton".to_string(), 3), ("Bill Clinton".to_string(), 2)]);
        let ents = group(text, &ms, &Gazetteer::embedded().unwrap());
        let mr = text.find("Mr. Clinton").unwrap_or(0) + 4;
        assert!(ents[1].mentions.iter().any(|m| m.span.start == mr), "{ents:?}");
    }

    #[test]
    fn a_given_name_of_the_other_sex_is_another_person() {
        let text = "Mr. Obama spoke. The first lady, Michelle Obama, smiled. Mrs. Obama waved.";
        let ms = vec![
            mention(text, "Obama", EntityType::Person, 0),
            mention(text, "Michelle Obama", EntityType::Person, 0),
            mention(text, "Obama", EntityType::Person, 2),
        ];
        assert_eq!(names_and_counts(text, &ms), [("Obama".to_string(), 1), ("Michelle Obama".to_string(), 2)]);
    }

    #[test]
    fn different_people_with_one_shared_word_stay_apart() {
        let text = "John Jordan and Michael Jordan";
        let ms = vec![
            mention(text, "John Jordan", EntityType::Person, 0),
            mention(text, "Michael Jordan", EntityType::Person, 0),
        ];
        assert_eq!(group(text, &ms, &Gazetteer::embedded().unwrap()).len(), 2);
    }
}
