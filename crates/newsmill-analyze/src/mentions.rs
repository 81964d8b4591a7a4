//! Mentions: the spans the NER model tags, as byte ranges with a type.

mod domains;
mod known_names;
pub(crate) use domains::{domain_stem, is_domain_name};
mod legal_forms;
mod possessive;
mod states;
mod models;
mod not_names;
mod works;

use std::ops::Range;

use super::gazetteer::Gazetteer;
use super::ner::NerModel;
use super::ner::decode::Margin;
use super::tokens::Token;
use crate::model::{EntityType, Span};

/// One tagged name in the text.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct FoundMention {
    pub span: Span,
    pub kind: EntityType,
    /// Token indices into the whole text's tokens.
    pub tokens: Range<usize>,
    pub sentence: usize,
}

fn entity_type(label_type: usize) -> Option<EntityType> {
    Some(match label_type {
        1 => EntityType::Person,
        2 => EntityType::Org,
        3 => EntityType::Loc,
        4 => EntityType::Misc,
        _ => return None,
    })
}

/// Tokens tagged as one document. The tagger keeps about half a kilobyte of features per
/// token for the document it tags, so a text far longer than any article (a 60 MB page) is
/// tagged in windows of whole sentences: memory stays bounded, and articles, which are
/// much shorter, are tagged as one document as before.
const WINDOW_TOKENS: usize = 50_000;

/// Tags every sentence and returns the mentions in text order.
#[cfg(any(test, feature = "internals"))]
pub fn find_mentions(text: &str, tokens: &[Token], sents: &[Range<usize>], model: &NerModel) -> Vec<FoundMention> {
    find_mentions_with_margins(text, tokens, sents, model).0
}

/// As [`find_mentions`], with how sure the tagger was of each token (one [`Margin`] a token;
/// [`Margin::SETTLED`] outside every sentence).
pub fn find_mentions_with_margins(
    text: &str,
    tokens: &[Token],
    sents: &[Range<usize>],
    model: &NerModel,
) -> (Vec<FoundMention>, Vec<Margin>) {
    let mut out = Vec::new();
    let mut margins = vec![Margin::SETTLED; tokens.len()];
    for window in windows(sents, WINDOW_TOKENS) {
        tag_window(text, tokens, sents, window, model, &mut out, &mut margins);
    }
    untagged_titled_people(text, tokens, sents, &mut out);
    heads_of_administrations(text, tokens, sents, &model.gazetteer, &mut out);
    refine(text, tokens, sents, &model.gazetteer, &mut out);
    known_names::written_whole(text, tokens, sents, &mut out);
    works::untagged_works(text, tokens, sents, &mut out);
    domains::untagged_domain_names(text, tokens, sents, &mut out);
    states::untagged_state_abbreviations(text, tokens, sents, &mut out);
    repeated_surnames(text, tokens, sents, &mut out);
    not_names::drop_non_names(text, tokens, sents, &model.gazetteer, &mut out);
    (out, margins)
}

/// Runs of whole sentences of at most `max_tokens` tokens (a longer sentence on its own).
fn windows(sents: &[Range<usize>], max_tokens: usize) -> impl Iterator<Item = Range<usize>> + '_ {
    let mut first = 0;
    std::iter::from_fn(move || {
        if first >= sents.len() {
            return None;
        }
        let mut last = first + 1;
        while last < sents.len() && sents[last].end - sents[first].start <= max_tokens {
            last += 1;
        }
        let window = first..last;
        first = last;
        Some(window)
    })
}

/// Tags the sentences `window` as one document, adding their mentions to `out`.
fn tag_window(
    text: &str,
    tokens: &[Token],
    sents: &[Range<usize>],
    window: Range<usize>,
    model: &NerModel,
    out: &mut Vec<FoundMention>,
    margins: &mut [Margin],
) {
    let sentence_toks: Vec<Vec<&str>> =
        sents[window.clone()].iter().map(|r| tokens[r.clone()].iter().map(|t| t.text(text)).collect()).collect();
    let mut sure = Vec::with_capacity(sentence_toks.len());
    let tags = model.tag_document_with_margins(&sentence_toks, Some(&mut sure));
    for (range, sure) in sents[window.clone()].iter().zip(&sure) {
        for (slot, m) in margins.get_mut(range.clone()).unwrap_or_default().iter_mut().zip(sure) {
            *slot = *m;
        }
    }
    for (s, (range, labels)) in sents[window.clone()].iter().zip(&tags).enumerate() {
        let s = window.start + s;
        let mut open: Option<(usize, usize)> = None;
        for (k, &label) in labels.iter().chain(std::iter::once(&0)).enumerate() {
            let ty = label.div_ceil(2);
            let begins = label % 2 == 1;
            let continues = ty != 0 && !begins && open.is_some_and(|(_, t)| t == ty);
            if continues {
                continue;
            }
            if let Some((start, t)) = open.take()
                && let Some(kind) = entity_type(t)
            {
                let toks = range.start + start..range.start + k;
                let span = tokens[toks.start].start as usize..tokens[toks.end - 1].end as usize;
                out.push(FoundMention { span, kind, tokens: toks, sentence: s });
            }
            if ty != 0 {
                open = Some((k, ty));
            }
        }
    }
}

/// Words that never open a name, even capitalized mid-sentence.
const NOT_NAME: &[&str] =
    &["The", "A", "An", "And", "But", "Or", "Of", "In", "On", "At", "For", "To", "With", "By", "As", "I"];

/// Fixes the spans the tagger gets wrong in ways that hold across texts:
/// - a title at the start of a person's name is left out of it (`Councillor` in `Councillor
///   Dev Patel`): it is the person's title, found by [`super::titles`];
/// - a person's name takes in the capitalized, untagged words right before it (`Sher` in
///   `, Sher Mohammad Abbas Stanikzai`); at a sentence start only a word English does not
///   write in lower case (`Henry` in `Henry David Thoreau writes`);
/// - mentions that touch are one name, of the last part's type ([`joins`]): a nationality or
///   place before an organization (`Afghan` + `Foreign Ministry`, `High` + `Peace Council`,
///   `Paris` + `Baguette`), a name split in two (`Ars` + `Technica`).
fn refine(text: &str, tokens: &[Token], sents: &[Range<usize>], gaz: &Gazetteer, ms: &mut Vec<FoundMention>) {
    for m in ms.iter_mut() {
        cut_at_cell_or_line_break(text, tokens, m);
        drop_possessive(text, tokens, m);
        titled_person(text, tokens, m);
    }
    ms.retain(|m| !m.tokens.is_empty());
    end_on_a_name_word(text, tokens, ms);
    split_coordinated_organisations(text, tokens, ms);
    split_at_separators(text, tokens, ms);
    split_at_possessive(text, tokens, gaz, ms);
    split_place_before_party_member(text, tokens, gaz, ms);
    start_people_after_titles(text, tokens, gaz, ms);
    end_organisations_before_titles(text, tokens, gaz, ms);
    join_coordinated_agencies(text, tokens, sents, ms);
    // A person's name, and a name whose last word says it is an organisation's (`Council`),
    // take the capitalized words the tagger left before them (`Afghan High` + `Peace Council`).
    let org_head = |m: &FoundMention| {
        crate::lang::en::lexicon::type_by_last_word(&text[m.span.clone()], m.kind) == Some(EntityType::Org)
    };
    for k in 0..ms.len() {
        if ms[k].kind != EntityType::Person && !org_head(&ms[k]) {
            continue;
        }
        let sent_start = sents.get(ms[k].sentence).map_or(0, |r| r.start);
        let prev_end = if k > 0 { ms[k - 1].tokens.end } else { 0 };
        // A word English writes in lower case is a given name right after a title (`Councillor
        // Dev Patel`), and elsewhere a headline's capital or a title (`If`, `Chief of Staff`).
        let after_a_title = |i: usize| {
            i > sent_start && {
                let before = tokens[i - 1].text(text);
                crate::lang::en::lexicon::is_role(before) || is_title_word(before)
            }
        };
        while ms[k].tokens.start > sent_start && ms[k].tokens.start > prev_end {
            let t = tokens[ms[k].tokens.start - 1];
            let w = t.text(text);
            // A sentence's first word is capitalized whatever it is: taken into a person's name
            // only when English does not write it in lower case (`Henry` in `Henry David
            // Thoreau writes`), and not a prefixed label (`Ex-Yankee`).
            let opener = ms[k].tokens.start - 1 == sent_start;
            if opener
                && (ms[k].kind != EntityType::Person || w.contains('-') || crate::lang::en::lexicon::is_ordinary_word(w))
            {
                break;
            }
            let adjacent = text.get(t.end as usize..ms[k].span.start).is_some_and(|gap| gap.chars().all(|c| c == ' '));
            let capitalized = w.starts_with(char::is_uppercase)
                && w.chars().all(|c| c.is_alphabetic() || c == '-')
                && w.chars().skip(1).any(char::is_lowercase);
            if !adjacent
                || !capitalized
                || NOT_NAME.contains(&w)
                || crate::lang::en::lexicon::is_role(w)
                || is_person_title(w)
                || (ms[k].kind == EntityType::Person && labels_person(text, tokens, ms[k].tokens.start - 1))
                || (ms[k].kind == EntityType::Person && is_ordinary_word_not_a_name(w) && !after_a_title(ms[k].tokens.start - 1))
            {
                break;
            }
            ms[k].tokens.start -= 1;
            ms[k].span.start = t.start as usize;
        }
    }
    drop_epithets(text, tokens, ms);
    split_places_people(text, tokens, gaz, ms);
    let mut merged: Vec<FoundMention> = Vec::with_capacity(ms.len());
    for m in ms.drain(..) {
        if let Some(last) = merged.last_mut()
            && is_campus_of(text, gaz, last, &m)
        {
            last.tokens.end = m.tokens.end;
            last.span.end = m.span.end;
            continue;
        }
        if let Some(last) = merged.last_mut()
            && joins(text, tokens, gaz, last, &m)
        {
            last.kind = m.kind;
            last.tokens.end = m.tokens.end;
            last.span.end = m.span.end;
            continue;
        }
        merged.push(m);
    }
    *ms = merged;
    // A join can make a person of a title the tagger typed apart (`Senators Charles` + `E.
    // Grassley`): its titles go as the tagger's own do.
    start_people_after_titles(text, tokens, gaz, ms);
    // A person's name taking in the words before it can bring it next to a title the tagger
    // typed as a person of its own (`Chief Justice` + `Earl Warren`, `Earl` untagged).
    end_organisations_before_titles(text, tokens, gaz, ms);
    possessive::join_possessive_businesses(text, tokens, ms);
    possessive::join_group_possessives(text, tokens, ms);
    legal_forms::join_legal_forms(text, tokens, ms);
    models::extend_model_names(text, tokens, ms);
    bills_are_no_people(text, tokens, sents, gaz, ms);
}

/// `the Bill`, `the Data Retention Bill`, `the British Bill`: a given name that is also a noun
/// English writes in lower case (`Bill`, `Will`), typed a person alone or at the end of words
/// that cannot begin a name, is the noun. After a determiner it is no name and goes; after
/// capitalized ordinary words or a place's people (taken in when the tagger left them out), it
/// names a bill or the like (MISC, as CoNLL types laws). A name that goes on (`Bill Shorten`)
/// or a title before it (`Councillor Will`) keeps the person.
fn bills_are_no_people(text: &str, tokens: &[Token], sents: &[Range<usize>], gaz: &Gazetteer, ms: &mut Vec<FoundMention>) {
    let word = |i: usize| tokens[i].text(text);
    let adjacent = |i: usize| text.get(tokens[i].end as usize..tokens[i + 1].start as usize) == Some(" ");
    let describing = |w: &str| {
        w.starts_with(char::is_uppercase)
            && (crate::lang::en::lexicon::is_ordinary_word(w) || names_a_places_people(gaz, w))
            && !crate::ner::features::is_first_name(w)
            && !is_title_word(w)
            && !crate::lang::en::lexicon::is_role(w)
            && !DETERMINERS.contains(&w.to_lowercase().as_str())
    };
    for k in 0..ms.len() {
        if ms[k].kind != EntityType::Person {
            continue;
        }
        // Words are taken in up to the mention before, and not a sentence's first word, which
        // has its capital whatever it is (`When Bill was governor`).
        let sent_start = sents.get(ms[k].sentence).map_or(0, |r| r.start);
        let prev_end = (if k > 0 { ms[k - 1].tokens.end } else { 0 }).max(sent_start + 1);
        let m = &mut ms[k];
        let last = m.tokens.end - 1;
        let w = word(last);
        let noun = crate::lang::en::lexicon::is_ordinary_word(w) && crate::ner::features::is_first_name(w);
        let goes_on = || tokens.get(last + 1).is_some_and(|t| adjacent(last) && t.text(text).starts_with(char::is_uppercase));
        if !noun || goes_on() || !(m.tokens.start..last).all(|i| describing(word(i))) {
            continue;
        }
        // The capitalized words the tagger left out before it.
        let mut start = m.tokens.start;
        while start > prev_end && adjacent(start - 1) && describing(word(start - 1)) {
            start -= 1;
        }
        if start == last && start > 0 && DETERMINERS.contains(&word(start - 1).to_lowercase().as_str()) {
            m.tokens.start = m.tokens.end;
            continue;
        }
        if start < last {
            m.kind = EntityType::Misc;
            m.tokens.start = start;
            m.span.start = tokens[start].start as usize;
        }
    }
    ms.retain(|m| !m.tokens.is_empty());
}

/// Words that open a noun phrase or say what stage a bill is at, so that a capitalized noun
/// after them is no name (`the Bill`, `a new Bill`).
const DETERMINERS: &[&str] = &["the", "this", "that", "a", "an", "its", "their", "our", "his", "her", "new", "draft"];

/// Whether mention `next` continues `prev` as one name: they touch, with only spaces between
/// (`Paris` + `Baguette`, `Ars` + `Technica`, `Pennsylvania` + `Dutch`), and the name's type
/// is the last part's, as the head of an English name is its last word. Not after a role word
/// (`FCC Chairwoman` + `Jessica Rosenworcel` is a title and a person) or a party, and a person
/// takes in no name before it that describes the person ([`describes_a_person`]).
fn joins(text: &str, tokens: &[Token], gaz: &Gazetteer, prev: &FoundMention, next: &FoundMention) -> bool {
    let touching = prev.tokens.end == next.tokens.start
        && prev.sentence == next.sentence
        && text.get(prev.span.end..next.span.start).is_some_and(|gap| gap.chars().all(|c| c == ' '));
    // Nor after a party or a plural title before a person (`Democrat` + `Hillary Clinton`).
    let role = || {
        prev.tokens.end.checked_sub(1).is_some_and(|i| {
            crate::lang::en::lexicon::is_role(tokens[i].text(text))
                || (next.kind == EntityType::Person && labels_person(text, tokens, i))
        })
    };
    // Nor a place before its party's members (`Virginia` + `Democrat`).
    let party_member = || PARTY_MEMBERS.contains(&&text[next.span.clone()]);
    // `Texas Sen.` + `Ted Cruz`, `Vermonter` + `Bernie Sanders`, `Billionaire` + `Donald Trump`:
    // what the tagger typed apart before a person describes the person.
    let describes = || {
        next.kind == EntityType::Person
            && prev.kind != EntityType::Person
            && describes_a_person(text, tokens, gaz, prev, next.tokens.len() >= 2)
    };
    touching && !role() && !party_member() && !describes()
}

/// Whether `m`, written right before a person's name, says what the person is rather than
/// beginning the name: it ends in a title (`Texas Sen.`, `Supreme Court Justice`) or is a place
/// or its people (`Texas`, `Vermonter`), an acronym (`UCLA`) or only words English writes in
/// lower case that are no given names (`Billionaire`, `of Staff`), these before a `full_name` only
/// (`Data Retention` + `Bill` is one name, whatever its type). A name with a title before its
/// last word is a titled person the tagger split (`Councillor Dev` + `Patel`), and a given name
/// (`Megyn` + `Kelly`) or an initial (`George W.`) begins the person's name.
fn describes_a_person(text: &str, tokens: &[Token], gaz: &Gazetteer, m: &FoundMention, full_name: bool) -> bool {
    let words = || m.tokens.clone().map(|i| tokens[i].text(text));
    let Some(last) = words().next_back() else { return false };
    if is_title_word(last) || crate::lang::en::lexicon::is_role(last) {
        return true;
    }
    let titled = words().take(m.tokens.len() - 1).any(|w| is_title_word(w) || crate::lang::en::lexicon::is_role(w));
    let initial = last.len() == 2 && last.ends_with('.');
    if !full_name || titled || initial || crate::ner::features::is_first_name(last) {
        return false;
    }
    let name = &text[m.span.clone()];
    let letters = || name.chars().filter(|c| c.is_alphabetic());
    let acronym = letters().count() >= 2 && letters().all(char::is_uppercase);
    acronym || gaz.is_place(name) || names_a_places_people(gaz, name) || words().all(is_ordinary_word_not_a_name)
}

/// Whether `w` is a word English writes in lower case and no given name (`Staff`, `If`; not
/// `Will`): a capital on it before a person's name is a headline's or a title's.
fn is_ordinary_word_not_a_name(w: &str) -> bool {
    crate::lang::en::lexicon::is_ordinary_word(w) && !crate::ner::features::is_first_name(w)
}

/// Whether `w` is written before a name as a title only: one of [`PERSON_TITLES`], an office
/// held by one person, or a title shortened with a period (`Capt.`, `Col.`).
fn is_title_word(w: &str) -> bool {
    let short = w.strip_suffix('.').is_some_and(|t| crate::lang::en::TITLE_ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(t)));
    short || is_person_title(w)
}

/// Whether `w` names the people of a place the gazetteer knows, as a demonym (`German`) or
/// made from the place's name (`Vermonter`, `Kentuckian`, `Californians`, `Ohioan`).
fn names_a_places_people(gaz: &Gazetteer, w: &str) -> bool {
    if gaz.is_demonym(w) {
        return true;
    }
    let one = w.strip_suffix('s').filter(|s| s.ends_with('n') || s.ends_with('r')).unwrap_or(w);
    let stems = [
        one.strip_suffix("er").map(str::to_string),
        one.strip_suffix('n').map(str::to_string),
        one.strip_suffix("an").map(str::to_string),
        one.strip_suffix("ian").map(|s| format!("{s}y")),
        one.strip_suffix("ian").map(|s| format!("{s}a")),
        one.strip_suffix('n').map(|s| format!("{s}s")),
    ];
    stems.into_iter().flatten().any(|s| s.len() >= 4 && gaz.is_place(&s))
}

/// `University of California, Berkeley`: a university named by its system and, after a
/// comma, the place of its campus is one organisation, not an organisation and a place.
fn is_campus_of(text: &str, gaz: &Gazetteer, prev: &FoundMention, next: &FoundMention) -> bool {
    let name = &text[prev.span.clone()];
    // The campus's place may have been read as anything (`Santa Barbara` as a person's name).
    let place = next.kind == EntityType::Loc || gaz.is_place(&text[next.span.clone()]);
    prev.kind == EntityType::Org
        && place
        && prev.sentence == next.sentence
        && (name.starts_with("University of ") || name.contains(" University of "))
        && text.get(prev.span.end..next.span.start) == Some(", ")
        && next.tokens.len() <= 3
        && !name.contains(',')
        // Not an address going on (`University of Redlands, Redlands, CA`).
        && !text.get(next.span.end..).is_some_and(|rest| rest.starts_with(", ") && rest[2..].starts_with(char::is_uppercase))
}

/// A name never runs across a table cell or a line (`Courgettes` and `Half` in two cells of a
/// recipe table): the mention ends before the first tab or line break inside it (and is empty,
/// to be dropped, if that leaves no word).
fn cut_at_cell_or_line_break(text: &str, tokens: &[Token], m: &mut FoundMention) {
    let Some(at) = text.get(m.span.clone()).and_then(|t| t.find(['\t', '\n', '\r'])) else { return };
    let cut = m.span.start + at;
    let end = (m.tokens.start..m.tokens.end).rev().find(|&i| tokens[i].end as usize <= cut).map_or(m.tokens.start, |i| i + 1);
    m.tokens.end = end;
    m.span.end = if end > m.tokens.start { tokens[end - 1].end as usize } else { m.span.start };
}

/// Words that join the parts of a name and never end one (`Department of Design and`).
const JOINING_WORDS: &[&str] = &["and", "&", "of", "for", "on", "the", "de"];

/// The most words a name ending in a joining word runs on over (`Construction`, `the
/// Self-Employed`); more is a heading's run of capitals.
const MAX_RUN_ON: usize = 4;

/// A name never ends in a joining word ([`JOINING_WORDS`]): the tagger at times stops one word
/// short in a long name (`Department of Design and` + `Construction`, `National Association
/// for` + `the Self-Employed`). The name runs on over the capitalized words that follow it on
/// the same line (and a `the` before them); with none to run over, the joining words are cut
/// off (`Bags for` + `life`). Where another mention starts in that run (`The Federation of` +
/// `Master Builders`), the two are one name that a later step joins: left as they are.
fn end_on_a_name_word(text: &str, tokens: &[Token], ms: &mut [FoundMention]) {
    let joining = |i: usize| JOINING_WORDS.contains(&tokens[i].text(text));
    let capitalized = |i: usize| tokens[i].text(text).starts_with(char::is_uppercase);
    let spaced = |i: usize| text.get(tokens[i - 1].end as usize..tokens[i].start as usize) == Some(" ");
    for k in 0..ms.len() {
        let last = ms[k].tokens.end - 1;
        if !joining(last) || ms[k].tokens.len() < 2 {
            continue;
        }
        let mut end = ms[k].tokens.end;
        let runs_on = |i: usize| i < tokens.len() && spaced(i) && capitalized(i);
        while runs_on(end) || (end < tokens.len() && spaced(end) && joining(end) && runs_on(end + 1)) {
            end += 1;
        }
        if ms.get(k + 1).is_some_and(|next| next.tokens.start < end) {
            continue;
        }
        // A longer run of capitals is a heading in title case, not the rest of the name.
        if end - ms[k].tokens.end > MAX_RUN_ON {
            end = ms[k].tokens.end;
        }
        while end > ms[k].tokens.start + 1 && joining(end - 1) {
            end -= 1;
        }
        ms[k].tokens.end = end;
        ms[k].span.end = tokens[end - 1].end as usize;
    }
}

/// A name never ends in a possessive (`American Psychological Association’s` in `… Association’s
/// guidance`): the tagger sometimes takes the `’s` token into the name when a lower-case word
/// follows.
fn drop_possessive(text: &str, tokens: &[Token], m: &mut FoundMention) {
    let possessive = |i: usize| matches!(tokens[i].text(text), "’s" | "'s" | "’S" | "'S");
    if m.tokens.len() > 1 && possessive(m.tokens.end - 1) {
        m.tokens.end -= 1;
        m.span.end = tokens[m.tokens.end - 1].end as usize;
    }
}

/// Marks that separate names in credits and bylines (`Elbow Country Club | Cassi Claire
/// Photography`) and never stand inside one.
const SEPARATORS: &[&str] = &["|", "•", "·"];

/// A span across a separator mark is the names on either side of it, each of the span's type.
fn split_at_separators(text: &str, tokens: &[Token], ms: &mut Vec<FoundMention>) {
    let mut out = Vec::with_capacity(ms.len());
    for m in ms.drain(..) {
        if !(m.tokens.start..m.tokens.end).any(|i| SEPARATORS.contains(&tokens[i].text(text))) {
            out.push(m);
            continue;
        }
        let mut start = m.tokens.start;
        for i in m.tokens.start..=m.tokens.end {
            if i < m.tokens.end && !SEPARATORS.contains(&tokens[i].text(text)) {
                continue;
            }
            if i > start {
                let span = tokens[start].start as usize..tokens[i - 1].end as usize;
                out.push(FoundMention { span, tokens: start..i, ..m.clone() });
            }
            start = i + 1;
        }
    }
    *ms = out;
}

/// `State Department’s Bureau of South and Central Asian Affairs`, `Google’s Gemini`: an owner
/// and what it owns are two names when the owner is an organisation or a place the text or the
/// lists know (a known organisation, a place in the gazetteer, a last word that ends
/// organisations' names, a name the text also tags on its own as an organisation or a place, an
/// acronym: `MIT’s Lorenz Center`, `DJI’s Osmo Action`); a possessive inside a name stays
/// (`Alzheimer's Association`, `Old Man’s War`, `Lloyd's of London`, `Spicher’s Appliance`).
fn split_at_possessive(text: &str, tokens: &[Token], gaz: &Gazetteer, ms: &mut Vec<FoundMention>) {
    // Organisations and places the tagger named alone, by name (before any split).
    let named_alone: Vec<(&str, EntityType)> = ms
        .iter()
        .filter(|m| matches!(m.kind, EntityType::Org | EntityType::Loc))
        .filter_map(|m| Some((text.get(m.span.clone())?, m.kind)))
        .collect();
    let mut out = Vec::with_capacity(ms.len());
    for m in ms.drain(..) {
        let possessive = (m.tokens.start + 1..m.tokens.end.saturating_sub(1)).find(|&i| {
            matches!(tokens[i].text(text), "'s" | "’s") && tokens[i + 1].text(text).starts_with(char::is_uppercase)
        });
        let Some(p) = possessive else {
            out.push(m);
            continue;
        };
        let owner_span = tokens[m.tokens.start].start as usize..tokens[p - 1].end as usize;
        let owner = &text[owner_span.clone()];
        let owner_kind = if crate::lang::en::lexicon::is_known_org(owner)
            || crate::lang::en::lexicon::type_by_last_word(owner, m.kind) == Some(EntityType::Org)
        {
            EntityType::Org
        } else if gaz.is_place(owner) {
            EntityType::Loc
        } else if let Some(&(_, kind)) = named_alone.iter().find(|(name, _)| *name == owner) {
            kind
        } else if is_acronym(owner) {
            EntityType::Org
        } else {
            out.push(m);
            continue;
        };
        out.push(FoundMention { span: owner_span, kind: owner_kind, tokens: m.tokens.start..p, ..m.clone() });
        let owned = p + 1..m.tokens.end;
        let span = tokens[owned.start].start as usize..m.span.end;
        out.push(FoundMention { span, tokens: owned, ..m });
    }
    *ms = out;
}

/// Members of a party, named by it (`Democrat`, `Republicans`).
const PARTY_MEMBERS: &[&str] = &["Democrat", "Democrats", "Republican", "Republicans"];

/// `a Virginia Democrat`, `Texas Republicans`: a place and a party's members are two names (a
/// place and a group, MISC by the guidelines), not one, when the words before the party's
/// member are a place the gazetteer knows and no ordinary word (`Young Republicans` stays).
fn split_place_before_party_member(text: &str, tokens: &[Token], gaz: &Gazetteer, ms: &mut Vec<FoundMention>) {
    let mut out = Vec::with_capacity(ms.len());
    for m in ms.drain(..) {
        let last = m.tokens.end.saturating_sub(1);
        let place_end = tokens.get(last.saturating_sub(1)).map_or(0, |t| t.end as usize);
        let split = m.tokens.len() >= 2
            && PARTY_MEMBERS.contains(&tokens[last].text(text))
            && text.get(m.span.start..place_end).is_some_and(|place| {
                gaz.is_place(place) && !crate::lang::en::lexicon::is_ordinary_word(place)
            });
        if !split {
            out.push(m);
            continue;
        }
        let place = FoundMention { span: m.span.start..place_end, kind: EntityType::Loc, tokens: m.tokens.start..last, ..m.clone() };
        out.push(place);
        let span = tokens[last].start as usize..m.span.end;
        out.push(FoundMention { span, kind: EntityType::Misc, tokens: last..m.tokens.end, ..m });
    }
    *ms = out;
}

/// A word of two to six capital letters (`MIT`, `XREAL`), maybe with digits (`3M`).
fn is_acronym(word: &str) -> bool {
    let letters = word.chars().filter(|c| c.is_alphabetic()).count();
    (2..=6).contains(&letters) && word.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit())
}

/// `Emory University and Oglethorpe University` is two organisations: a span joined by `and`
/// whose two sides each end in a word that ends organisations' names is split there. A name
/// with `and` inside (`Bureau of South and Central Asian Affairs`, `Department of Health and
/// Human Services`) has no such word before it or joins two words after `of`.
fn split_coordinated_organisations(text: &str, tokens: &[Token], ms: &mut Vec<FoundMention>) {
    let mut out = Vec::with_capacity(ms.len());
    for m in ms.drain(..) {
        let and = (m.tokens.start + 1..m.tokens.end.saturating_sub(1)).find(|&i| tokens[i].text(text) == "and");
        let Some(and) = and else {
            out.push(m);
            continue;
        };
        let side =
            |r: Range<usize>| text.get(tokens[r.start].start as usize..tokens[r.end - 1].end as usize).unwrap_or("");
        let org =
            |r: Range<usize>| crate::lang::en::lexicon::type_by_last_word(side(r), EntityType::Person) == Some(EntityType::Org);
        let (left, right) = (m.tokens.start..and, and + 1..m.tokens.end);
        // `Department of Health and Human Services`: the `and` goes on the phrase after `of`
        // or `for`, whatever its last word.
        let within_phrase = left.clone().any(|i| matches!(tokens[i].text(text), "of" | "for"));
        if within_phrase || !(org(left.clone()) && org(right.clone())) {
            out.push(m);
            continue;
        }
        for r in [left, right] {
            let span = tokens[r.start].start as usize..tokens[r.end - 1].end as usize;
            out.push(FoundMention { span, kind: EntityType::Org, tokens: r, sentence: m.sentence });
        }
    }
    *ms = out;
}

/// Last words of agencies named by two functions joined by `and` (`Immigration and Customs
/// Enforcement`, `Housing and Urban Development`, `Alcohol and Drug Prevention`).
const AGENCY_TAILS: &[&str] =
    &["Enforcement", "Protection", "Prevention", "Development", "Affairs", "Services", "Security", "Research"];

/// `Immigration and` + `Customs Enforcement`: an agency's name that the tagger began after `and`
/// takes the one word before it, when the name ends in an agency's word ([`AGENCY_TAILS`]) and
/// that word is an ordinary English word given a capital on its own (not the end of a run of
/// capitals or of another name, not a sentence's first word). The whole is an organisation.
/// Without the agency's last word such joins were wrong more often than right (`Spot and
/// Wildfire Robotics`, `Dives and Man Vs. Food` on unseen pages).
fn join_coordinated_agencies(text: &str, tokens: &[Token], sents: &[Range<usize>], ms: &mut [FoundMention]) {
    let spaced = |a: usize| text.get(tokens[a].end as usize..tokens[a + 1].start as usize) == Some(" ");
    for k in 0..ms.len() {
        let m = &ms[k];
        let (start, sent_start) = (m.tokens.start, sents.get(m.sentence).map_or(0, |r| r.start));
        let Some(word) = start.checked_sub(2).filter(|&w| w > sent_start) else { continue };
        let w = tokens[word].text(text);
        let agency = AGENCY_TAILS.contains(&tokens[m.tokens.end - 1].text(text));
        let lone = !tokens[word - 1].text(text).starts_with(char::is_uppercase)
            && (k == 0 || ms[k - 1].tokens.end < word);
        let join = agency
            && m.tokens.len() >= 2
            && tokens[word + 1].text(text) == "and"
            && spaced(word)
            && spaced(word + 1)
            && w.starts_with(char::is_uppercase)
            && w.chars().all(char::is_alphabetic)
            && crate::lang::en::lexicon::is_ordinary_word(w)
            && lone;
        if join {
            ms[k].tokens.start = word;
            ms[k].span.start = tokens[word].start as usize;
            ms[k].kind = EntityType::Org;
        }
    }
}

/// Words that stand only before a person's name: a mention of any type that holds one
/// followed by two or more capitalized words names that person (`Officer Stacy Chiarolanza`,
/// `DAE Additional Director Dr Azizur Rahman`), as CoNLL leaves titles out of names. Roles
/// that also start organisation names (`General Motors`, `Chief Executives Board`) are not
/// among them.
const PERSON_TITLES: &[&str] = &[
    "mr",
    "mr.",
    "mrs",
    "mrs.",
    "ms",
    "ms.",
    // Before a full name only (`Miss Ellen Fetter`): `Miss America` is a title of its own.
    "miss",
    "dr",
    "dr.",
    "prof",
    "prof.",
    "officer",
    "detective",
    "sergeant",
    "sgt.",
    "lieutenant",
    "lt.",
    "senator",
    "sen.",
    "councillor",
    "councilman",
    "councilwoman",
    "judge",
    "justice",
    "gov.",
    "rep.",
    "assemblyman",
    "assemblywoman",
];

/// Whether `word`, written with its capital, is a title only a person bears: one of
/// [`PERSON_TITLES`] or an office held by one person (`President Obama`, `Gov. Hochul`).
pub(crate) fn is_person_title(word: &str) -> bool {
    const OFFICES: &[&str] = &["president", "governor", "mayor"];
    word.starts_with(char::is_uppercase) && PERSON_TITLES.iter().chain(OFFICES).any(|t| t.eq_ignore_ascii_case(word))
}

/// The titles of `PERSON_TITLES` that stand before a surname alone.
const HONORIFICS: &[&str] = &["mr", "mr.", "mrs", "mrs.", "ms", "ms.", "dr", "dr.", "prof", "prof."];

/// Whether `word` is a courtesy title as it is written before a name (`Mr`, `Dr.`): a capital,
/// then lower case (`MS` and `DR` are other words).
pub(crate) fn is_honorific(word: &str) -> bool {
    let rest = word.get(1..).unwrap_or("");
    word.starts_with(char::is_uppercase)
        && !rest.chars().any(char::is_uppercase)
        && HONORIFICS.iter().any(|t| t.eq_ignore_ascii_case(word))
}

/// Adds the later mentions of a person the tagger left untagged: the surname of a person named
/// in full (`Raj Patel` … `Patel said`), written alone with its capital, not next to another
/// capitalized word (`Patel Foundation`), and, at a sentence's start, only a word English does
/// not write in lower case (`Rose` yes, `Will` no).
fn repeated_surnames(text: &str, tokens: &[Token], sents: &[Range<usize>], ms: &mut Vec<FoundMention>) {
    // Each surname with the first token of the earliest full name that ends in it.
    let mut first_full: std::collections::HashMap<&str, usize> = std::collections::HashMap::new();
    for m in ms.iter().filter(|m| m.kind == EntityType::Person && m.tokens.len() >= 2) {
        let w = tokens[m.tokens.end - 1].text(text);
        if w.chars().count() >= 3 && w.chars().any(char::is_lowercase) {
            first_full.entry(w).and_modify(|f| *f = (*f).min(m.tokens.start)).or_insert(m.tokens.start);
        }
    }
    if first_full.is_empty() {
        return;
    }
    let mut covered = vec![false; tokens.len()];
    for m in ms.iter() {
        covered[m.tokens.clone()].fill(true);
    }
    let capital = |i: usize| tokens.get(i).is_some_and(|t| t.text(text).starts_with(char::is_uppercase));
    let mut found = Vec::new();
    for (s, sent) in sents.iter().enumerate() {
        for i in sent.clone() {
            let w = tokens[i].text(text);
            // Only after the full name, and not inside a mention already.
            let after_full = first_full.get(w).is_some_and(|&f| f < i);
            if covered[i] || !after_full {
                continue;
            }
            let beside_capital = (i > sent.start && capital(i - 1)) || (i + 1 < sent.end && capital(i + 1));
            let opener_ok = i != sent.start || !crate::lang::en::lexicon::is_ordinary_word(w);
            if !beside_capital && opener_ok {
                let span = tokens[i].start as usize..tokens[i].end as usize;
                found.push(FoundMention { span, kind: EntityType::Person, tokens: i..i + 1, sentence: s });
            }
        }
    }
    add_in_order(ms, found);
}

/// Adds `found` to the mentions, keeping them in text order.
fn add_in_order(ms: &mut Vec<FoundMention>, found: Vec<FoundMention>) {
    if !found.is_empty() {
        ms.extend(found);
        ms.sort_by_key(|m| m.span.start);
    }
}

/// Adds the people the tagger missed behind a title that only a person bears: `Councillor`,
/// `Dr`, `Senator` written with its capital and followed by two or three capitalized words
/// (one after a courtesy title: `Dr Rahman`) that no mention covers, within a sentence
/// (`Councillor Raj Patel`, whose short first name the tagger does not know). The mention
/// takes the title; [`titled_person`] then leaves it out of the name.
fn untagged_titled_people(text: &str, tokens: &[Token], sents: &[Range<usize>], ms: &mut Vec<FoundMention>) {
    let name_word = |i: usize| {
        let w = tokens[i].text(text);
        w.starts_with(char::is_uppercase)
            && w.chars().all(|c| c.is_alphabetic() || c == '-' || c == '\'')
            && w.chars().any(char::is_lowercase)
            && !NOT_NAME.contains(&w)
    };
    let mut found = Vec::new();
    for (s, sent) in sents.iter().enumerate() {
        for at in sent.clone() {
            let title = tokens[at].text(text);
            if !title.starts_with(char::is_uppercase) || !PERSON_TITLES.iter().any(|t| t.eq_ignore_ascii_case(title)) {
                continue;
            }
            let end = (at + 1..sent.end).find(|&i| !name_word(i)).unwrap_or(sent.end);
            let honorific = HONORIFICS.iter().any(|t| t.eq_ignore_ascii_case(title));
            let words = end - at - 1;
            if !((2..=3).contains(&words) || (honorific && words == 1)) {
                continue;
            }
            let span = tokens[at].start as usize..tokens[end - 1].end as usize;
            let rest = &text[tokens[at + 1].start as usize..span.end];
            let org = crate::lang::en::lexicon::type_by_last_word(rest, EntityType::Person) == Some(EntityType::Org);
            let covered = ms.iter().any(|m| m.tokens.start < end && at < m.tokens.end);
            if !org && !covered {
                found.push(FoundMention { span, kind: EntityType::Person, tokens: at..end, sentence: s });
            }
        }
    }
    add_in_order(ms, found);
}

/// Words of parties and movements, which name an administration without naming a person
/// (`the Republican administration`, `a Labour presidency`).
const PARTY_WORDS: &[&str] = &[
    "republican", "democratic", "democrat", "labour", "labor", "conservative", "tory", "liberal", "socialist",
    "communist", "nationalist", "unionist", "coalition", "gop",
];

/// Whether `word` names a party or movement (`Republican`, `Labour`), in any case.
pub(crate) fn is_party_word(word: &str) -> bool {
    PARTY_WORDS.iter().any(|p| p.eq_ignore_ascii_case(word))
}

/// The portfolios of a `Secretary of …` or `Minister of …`.
const PORTFOLIOS: &[&str] = &[
    "state", "defense", "defence", "treasury", "energy", "health", "education", "labor", "labour", "transportation",
    "transport", "agriculture", "commerce", "interior", "homeland", "finance", "justice", "housing", "trade",
];

/// Whether token `i`, before a person's name, labels them rather than names them: a party
/// (`Democrat`, `GOP`), a role named for several (`Senators Charles E. Grassley and …`) or the
/// portfolio closing an office (`State` in `Secretary of State`).
fn labels_person(text: &str, tokens: &[Token], i: usize) -> bool {
    let w = tokens[i].text(text);
    let plural_role = w.len() > 4 && w.strip_suffix('s').is_some_and(crate::lang::en::lexicon::is_role);
    let office_tail = i >= 2
        && tokens[i - 1].text(text) == "of"
        && matches!(tokens[i - 2].text(text), "Secretary" | "Minister")
        && w.starts_with(char::is_uppercase)
        && PORTFOLIOS.iter().any(|p| p.eq_ignore_ascii_case(w));
    plural_role || office_tail || is_party_word(w)
}

/// A title the tagger took into a person's name (`Councillor Dev Patel`, `DAE Additional
/// Director Dr Azizur Rahman`) is a title: the name starts after its last role word. So is a
/// credit label (`Photo Luis Quintero`), and so are a party, a plural title and the tail of an
/// office ([`labels_person`]). The capitalized words before the title name whom the person
/// serves (`Amnesty International` in `Amnesty International Deputy Director Anna Berg`,
/// `DAE`): an organisation of their own, or a place the gazetteer knows (`Texas`).
fn start_people_after_titles(text: &str, tokens: &[Token], gaz: &Gazetteer, ms: &mut Vec<FoundMention>) {
    let label = |i: usize| {
        let w = tokens[i].text(text);
        crate::lang::en::lexicon::is_role(w) || crate::lang::en::lexicon::is_credit(w) || labels_person(text, tokens, i)
    };
    let title_word = |i: usize| label(i) || title_modifier(text, tokens, i);
    let mut served = Vec::new();
    for m in ms.iter_mut().filter(|m| m.kind == EntityType::Person) {
        let Some(last) = (m.tokens.start..m.tokens.end - 1).rev().find(|&i| label(i)) else { continue };
        let first = (m.tokens.start..=last).find(|&i| title_word(i)).unwrap_or(last);
        let before = m.tokens.start..first;
        if let Some(kind) = serving_name(text, tokens, gaz, before.clone()) {
            let span = tokens[before.start].start as usize..tokens[before.end - 1].end as usize;
            served.push(FoundMention { span, kind, tokens: before, sentence: m.sentence });
        }
        m.tokens.start = last + 1;
        m.span.start = tokens[m.tokens.start].start as usize;
    }
    add_in_order(ms, served);
}

/// The type of the words before a person's title when they name an organisation or a place:
/// capitalized words, not one ordinary word (`Today President …`) or a credit label.
fn serving_name(text: &str, tokens: &[Token], gaz: &Gazetteer, words: Range<usize>) -> Option<EntityType> {
    let capitalized = |i: usize| tokens[i].text(text).starts_with(char::is_uppercase);
    if words.is_empty() || !words.clone().all(capitalized) {
        return None;
    }
    let name = &text[tokens[words.start].start as usize..tokens[words.end - 1].end as usize];
    if words.len() == 1 && crate::lang::en::lexicon::is_ordinary_word(name) {
        return None;
    }
    Some(if gaz.is_place(name) { EntityType::Loc } else { EntityType::Org })
}

/// Whether token `i` is one of the [`TITLE_MODIFIERS`].
fn title_modifier(text: &str, tokens: &[Token], i: usize) -> bool {
    TITLE_MODIFIERS.iter().any(|w| w.eq_ignore_ascii_case(tokens[i].text(text)))
}

/// `Black Lawmakers Rip Donald Trump`, `When Hillary Clinton …`: an ordinary English word with
/// a capital before a given name and a surname is a headline's capital or an epithet, not a
/// name part, when it is no given name itself (`Will Smith` keeps his) and the document names
/// the person without it. Before a surname alone it is left (`Dev Patel` … `Patel`: many
/// given names are missing from the census list, and so is a word the word table never saw,
/// `Crooked`).
fn drop_epithets(text: &str, tokens: &[Token], ms: &mut [FoundMention]) {
    for m in ms.iter_mut().filter(|m| m.kind == EntityType::Person && m.tokens.len() >= 3) {
        let first = tokens[m.tokens.start].text(text);
        let rest = &text[tokens[m.tokens.start + 1].start as usize..m.span.end];
        let given = |i: usize| crate::ner::features::is_first_name(tokens[i].text(text));
        let epithet = first.starts_with(char::is_uppercase)
            && first.chars().all(char::is_alphabetic)
            && crate::lang::en::lexicon::is_ordinary_word(first)
            && !given(m.tokens.start)
            && given(m.tokens.start + 1);
        if epithet && text.matches(rest).count() > text.matches(&text[m.span.clone()]).count() {
            m.tokens.start += 1;
            m.span.start = tokens[m.tokens.start].start as usize;
        }
    }
}

/// `Kentuckian Rand Paul`, `New Yorker Roger Wu` (`New` left out by the tagger): a word for a
/// place's people that the tagger took into a person's name before two more words says where
/// the person is from. It leaves the name and becomes a name of its own, typed as a demonym
/// is (`Vermonter`); a mention of its first word alone goes with it. A given name is kept
/// (`Roman Polanski`, `German Rodriguez`).
fn split_places_people(text: &str, tokens: &[Token], gaz: &Gazetteer, ms: &mut Vec<FoundMention>) {
    let given = |i: usize| crate::ner::features::is_first_name(tokens[i].text(text));
    let mut found = Vec::new();
    for k in 0..ms.len() {
        let first = ms[k].tokens.start;
        if ms[k].kind != EntityType::Person || ms[k].tokens.len() < 3 || given(first) {
            continue;
        }
        let word = |i: usize| &text[tokens[i].start as usize..tokens[first].end as usize];
        let capitalized = |i: usize| tokens[i].text(text).starts_with(char::is_uppercase);
        // The word before, when it is free or a mention of its own, and the two words name the people.
        let free = |i: usize| k == 0 || ms[k - 1].tokens.end <= i || ms[k - 1].tokens == (i..i + 1);
        let before = first
            .checked_sub(1)
            .filter(|&i| capitalized(i) && free(i) && text.get(tokens[i].end as usize..tokens[first].start as usize) == Some(" "))
            .filter(|&i| names_a_places_people(gaz, word(i)));
        let start = match before {
            Some(i) => i,
            None if capitalized(first) && names_a_places_people(gaz, word(first)) => first,
            None => continue,
        };
        let span = tokens[start].start as usize..tokens[first].end as usize;
        found.push(FoundMention { span, kind: EntityType::Misc, tokens: start..first + 1, sentence: ms[k].sentence });
        ms[k].tokens.start = first + 1;
        ms[k].span.start = tokens[first + 1].start as usize;
    }
    if found.is_empty() {
        return;
    }
    ms.retain(|m| !found.iter().any(|f| f.tokens.start <= m.tokens.start && m.tokens.end <= f.tokens.end));
    add_in_order(ms, found);
}

/// Words of a title that stand between an organisation and the role word (`Majority` in
/// `Senate Majority Leader`, `Deputy` in `Amnesty International Deputy Director`).
const TITLE_MODIFIERS: &[&str] = &[
    "majority", "minority", "deputy", "assistant", "acting", "interim", "senior", "associate", "vice", "former",
    "additional",
];

/// `Senate Majority` + `Leader Mitch McConnell`, `House Majority Whip` + `Steve Scalise`: an
/// organisation's name the tagger carried into the title after it ends where the title's words
/// begin, when a role word follows them on the same line, or ends the name right before a
/// person's. Right before a person, a name of any type but a person's loses all its title
/// words (`Texas Sen.` + `Ted Cruz`, `Supreme Court Justice` + `Ruth Bader Ginsburg`); what
/// is left is whom the person serves, a place when the gazetteer knows it (`Texas`), and a
/// name of any type that was all title goes (`Chief Justice` + `Earl Warren`).
fn end_organisations_before_titles(text: &str, tokens: &[Token], gaz: &Gazetteer, ms: &mut Vec<FoundMention>) {
    let role = |i: usize| crate::lang::en::lexicon::is_role(tokens[i].text(text));
    let title = |i: usize| role(i) || is_title_word(tokens[i].text(text)) || title_modifier(text, tokens, i);
    let role_follows = |m: &FoundMention| {
        let mut after = m.tokens.end;
        while after < tokens.len() && title_modifier(text, tokens, after) {
            after += 1;
        }
        let on_line = |t: &Token| text.get(m.span.end..t.start as usize).is_some_and(|g| g.chars().all(|c| c.is_alphabetic() || c == ' '));
        tokens.get(after).is_some_and(|t| role(after) && on_line(t))
    };
    for k in 0..ms.len() {
        let m = &ms[k];
        let person_follows = ms.get(k + 1).is_some_and(|n| {
            n.kind == EntityType::Person && n.tokens.start == m.tokens.end && text.get(m.span.end..n.span.start) == Some(" ")
        });
        let mut end = m.tokens.end;
        if person_follows && (role(end - 1) || is_title_word(tokens[end - 1].text(text))) {
            while end > m.tokens.start && title(end - 1) {
                end -= 1;
            }
            if end == m.tokens.start {
                ms[k].tokens = end..end;
                continue;
            }
            // A person's name with a title in it is left to the person's own rules.
            if m.kind == EntityType::Person {
                continue;
            }
            if gaz.is_place(&text[ms[k].span.start..tokens[end - 1].end as usize]) {
                ms[k].kind = EntityType::Loc;
            }
        } else if ms[k].kind != EntityType::Org || !role_follows(m) {
            continue;
        } else {
            while end > m.tokens.start + 1 && title_modifier(text, tokens, end - 1) {
                end -= 1;
            }
        }
        ms[k].tokens.end = end;
        ms[k].span.end = tokens[end - 1].end as usize;
    }
    ms.retain(|m| !m.tokens.is_empty());
}

/// The words after a leader's name that name the government the leader headed.
const TERMS_OF_OFFICE: &[&str] = &["administration", "presidency"];

/// Whether the text after a name, `rest`, goes on with a term of office (` administration`):
/// the name is then a leader's ([`heads_of_administrations`]).
pub(crate) fn followed_by_term_of_office(rest: &str) -> bool {
    rest.strip_prefix(' ').is_some_and(|r| {
        TERMS_OF_OFFICE.iter().any(|t| r.strip_prefix(t).is_some_and(|after| !after.starts_with(char::is_alphanumeric)))
    })
}

/// `the Biden administration`, `the Obama presidency`: the one capitalized word before a
/// lower-case `administration` or `presidency` names the person who led it (CoNLL-2003 tags
/// `Clinton administration` so). The wire-news tagger reads such a word as a place or leaves
/// it out; it becomes a person, unless it is a party, a nationality or country, or an
/// ordinary word given a capital (`Benefits administration`). A word inside a longer name
/// (`the Joe Biden administration`) is left to that name.
fn heads_of_administrations(
    text: &str,
    tokens: &[Token],
    sents: &[Range<usize>],
    gaz: &Gazetteer,
    ms: &mut Vec<FoundMention>,
) {
    let mut found = Vec::new();
    for (s, sent) in sents.iter().enumerate() {
        for at in sent.start..sent.end.saturating_sub(1) {
            if !TERMS_OF_OFFICE.contains(&tokens[at + 1].text(text)) {
                continue;
            }
            let word = tokens[at].text(text);
            let mut chars = word.chars();
            let title_case = chars.next().is_some_and(char::is_uppercase) && chars.all(char::is_lowercase);
            let before = (at > sent.start).then(|| tokens[at - 1].text(text));
            // Not the last word of a longer capitalized name (`Food Administration` aside,
            // which has its capital): `The` opening the sentence is no name.
            let alone = before.is_none_or(|b| b == "The" || !b.starts_with(char::is_uppercase));
            if !title_case
                || word.len() < 3
                || !alone
                || crate::lang::en::lexicon::is_ordinary_word(word)
                || is_party_word(word)
                || gaz.country_of(word).is_some()
            {
                continue;
            }
            name_one_word(ms, tokens, at, s, EntityType::Person, &mut found);
        }
    }
    add_in_order(ms, found);
}

/// Makes token `at` (in sentence `s`) a name of type `kind`: the type of the mention that is
/// that word alone, none if a longer mention covers it, else a new mention pushed on `found`.
/// Mentions are in text order and do not overlap: the one that may cover `at` is the last to
/// start at or before it.
fn name_one_word(ms: &mut [FoundMention], tokens: &[Token], at: usize, s: usize, kind: EntityType, found: &mut Vec<FoundMention>) {
    let k = ms.partition_point(|m| m.tokens.start <= at);
    match k.checked_sub(1).map(|k| &mut ms[k]).filter(|m| at < m.tokens.end) {
        Some(m) if m.tokens == (at..at + 1) => m.kind = kind,
        Some(_) => {}
        None => found.push(FoundMention {
            span: tokens[at].start as usize..tokens[at].end as usize,
            kind,
            tokens: at..at + 1,
            sentence: s,
        }),
    }
}

/// Makes `m` the person named after the last title word in it, when there is one.
fn titled_person(text: &str, tokens: &[Token], m: &mut FoundMention) {
    let is_title = |i: usize| {
        let w = tokens[i].text(text);
        PERSON_TITLES.iter().any(|t| t.eq_ignore_ascii_case(w))
    };
    let Some(at) = (m.tokens.start..m.tokens.end.saturating_sub(1)).rev().find(|&i| is_title(i)) else { return };
    let name = at + 1..m.tokens.end;
    // A courtesy title names a person by the surname alone (`Dr Rahman`, `Ms Lee`); a rank
    // or office before one word may open an organisation's name (`Judge Business School`).
    let honorific = HONORIFICS.iter().any(|t| t.eq_ignore_ascii_case(tokens[at].text(text)));
    if name.len() < 2 && !honorific {
        return;
    }
    // Nor is a title a person's before an organisation's name (`Judge Business School`).
    let rest = text.get(tokens[name.start].start as usize..m.span.end).unwrap_or("");
    if crate::lang::en::lexicon::type_by_last_word(rest, EntityType::Person) == Some(EntityType::Org) {
        return;
    }
    let capitalized = |i: usize| tokens[i].text(text).starts_with(char::is_uppercase);
    if name.len() <= 3 && name.clone().all(capitalized) {
        m.kind = EntityType::Person;
        m.tokens = name;
        m.span = tokens[m.tokens.start].start as usize..m.span.end;
    }
}

/// Runs a mention pass over `found` (token ranges and types) in `text`; the mentions after it,
/// as their text and type. For the passes' own tests.
#[cfg(test)]
fn after_pass(
    text: &str,
    found: &[(Range<usize>, EntityType)],
    pass: fn(&str, &[Token], &mut Vec<FoundMention>),
) -> Vec<(String, EntityType)> {
    let tokens = crate::tokens::tokenize(text);
    let mut ms: Vec<FoundMention> = found
        .iter()
        .map(|(r, kind)| {
            let span = tokens[r.start].start as usize..tokens[r.end - 1].end as usize;
            FoundMention { span, kind: *kind, tokens: r.clone(), sentence: 0 }
        })
        .collect();
    pass(text, &tokens, &mut ms);
    ms.iter().map(|m| (text[m.span.clone()].to_string(), m.kind)).collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_term_of_office_follows_a_leaders_name() {
        assert!(followed_by_term_of_office(" administration said"));
        assert!(followed_by_term_of_office(" presidency."));
        assert!(!followed_by_term_of_office(" administrations"));
        assert!(!followed_by_term_of_office("'s administration"));
        assert!(!followed_by_term_of_office(" said"));
    }

    #[test]
    fn what_the_tagger_typed_apart_before_a_person_describes_the_person() {
        use EntityType::{Loc, Misc, Org, Person};
        refines_as(&[
            // A title and whom its holder serves.
            ("Texas Sen. Ted Cruz said so.", vec![(0..2, Org), (2..4, Person)], vec![("Texas", Loc), ("Ted Cruz", Person)]),
            ("Ohio Gov. John Kasich won.", vec![(0..2, Org), (2..4, Person)], vec![("Ohio", Loc), ("John Kasich", Person)]),
            (
                "Supreme Court Justice Ruth Bader Ginsburg wrote it.",
                vec![(0..3, Org), (3..6, Person)],
                vec![("Supreme Court", Org), ("Ruth Bader Ginsburg", Person)],
            ),
            ("Sen. Tim Scott spoke.", vec![(0..1, Org), (1..3, Person)], vec![("Tim Scott", Person)]),
            (
                "Sens. Ted Cruz and Marco Rubio spoke.",
                vec![(0..1, Loc), (1..3, Person), (4..6, Person)],
                vec![("Ted Cruz", Person), ("Marco Rubio", Person)],
            ),
            ("Justice Antonin Scalia died.", vec![(0..3, Org)], vec![("Antonin Scalia", Person)]),
            ("Justice Roberts wrote it.", vec![(0..2, Person)], vec![("Roberts", Person)]),
            ("Chief Justice Earl Warren led it.", vec![(1..2, Person), (2..4, Person)], vec![("Earl Warren", Person)]),
            ("Chief Justice Earl Warren led it.", vec![(1..2, Person), (3..4, Person)], vec![("Earl Warren", Person)]),
            // A place's people, and a word English writes in lower case.
            (
                "Voters liked Vermonter Bernie Sanders.",
                vec![(2..3, Org), (3..5, Person)],
                vec![("Vermonter", Org), ("Bernie Sanders", Person)],
            ),
            ("Billionaire Donald Trump spoke.", vec![(0..1, Misc), (1..3, Person)], vec![("Billionaire", Misc), ("Donald Trump", Person)]),
            ("The aides were Chief of Staff Cheryl Mills and others.", vec![(6..8, Person)], vec![("Cheryl Mills", Person)]),
            // A given name begins the name; so does an ordinary word right after a title; and a
            // name's words before a surname alone stay one name.
            ("Megyn Kelly asked.", vec![(0..1, Org), (1..2, Person)], vec![("Megyn Kelly", Person)]),
            ("The host was Councillor Dev Patel.", vec![(5..6, Person)], vec![("Dev Patel", Person)]),
            ("A new Data Retention Bill passed.", vec![(2..4, Misc), (4..5, Person)], vec![("Data Retention Bill", Misc)]),
        ]);
    }

    #[test]
    fn a_places_people_the_tagger_took_into_a_persons_name_is_no_part_of_it() {
        use EntityType::{Loc, Misc, Person};
        refines_as(&[
            ("Kentuckian Rand Paul spoke.", vec![(0..3, Person)], vec![("Kentuckian", Misc), ("Rand Paul", Person)]),
            ("Voters heard Texan Ted Cruz.", vec![(2..5, Person)], vec![("Texan", Misc), ("Ted Cruz", Person)]),
            // The tagger left `New` out, or typed it apart.
            ("Then New Yorker Roger Wu said so.", vec![(2..5, Person)], vec![("New Yorker", Misc), ("Roger Wu", Person)]),
            (
                "Then New Yorker Roger Wu said so.",
                vec![(1..2, Loc), (2..5, Person)],
                vec![("New Yorker", Misc), ("Roger Wu", Person)],
            ),
            // A given name stays, and so does the word before a single name.
            ("Roman Polanski Jr. spoke.", vec![(0..3, Person)], vec![("Roman Polanski Jr.", Person)]),
            ("Brazilian Neymar scored.", vec![(0..2, Person)], vec![("Brazilian Neymar", Person)]),
        ]);
    }

    #[test]
    fn a_bill_is_no_person() {
        use EntityType::{Misc, Person};
        refines_as(&[
            ("He opposes the Bill in its form.", vec![(3..4, Person)], vec![]),
            ("The Bill passed.", vec![(1..2, Person)], vec![]),
            ("It backs the Data Retention Bill now.", vec![(5..6, Person)], vec![("Data Retention Bill", Misc)]),
            ("It backs the Data Retention Bill now.", vec![(3..6, Person)], vec![("Data Retention Bill", Misc)]),
            ("Notes of the British Bill say so.", vec![(3..5, Person)], vec![("British Bill", Misc)]),
            // A name that goes on, a title, or a name before it keep the person.
            ("Labor leader Bill Shorten spoke.", vec![(2..4, Person)], vec![("Bill Shorten", Person)]),
            ("The host was Councillor Bill.", vec![(3..5, Person)], vec![("Bill", Person)]),
            ("We met Bill at noon.", vec![(2..3, Person)], vec![("Bill", Person)]),
            ("Brian Berry spoke.", vec![(0..2, Person)], vec![("Brian Berry", Person)]),
            ("A new Bill would require it.", vec![(2..3, Person)], vec![]),
            ("When Bill was governor, we went.", vec![(1..2, Person)], vec![("Bill", Person)]),
        ]);
    }

    /// A text, the mentions tagged in it (token ranges and types), and the names and types
    /// [`refine`] should make of them.
    type RefineCase<'a> = (&'a str, Vec<(Range<usize>, EntityType)>, Vec<(&'a str, EntityType)>);

    /// Checks each case.
    fn refines_as(cases: &[RefineCase]) {
        for (text, parts, want) in cases {
            let want: Vec<(String, EntityType)> = want.iter().map(|(n, k)| (n.to_string(), *k)).collect();
            assert_eq!(refined(text, parts.clone()), want, "{text}");
        }
    }

    /// The mentions [`refine`] makes of `parts` (token ranges and types) in one sentence.
    fn refined(text: &str, parts: impl IntoIterator<Item = (Range<usize>, EntityType)>) -> Vec<(String, EntityType)> {
        let tokens = super::super::tokens::tokenize(text);
        let mut ms: Vec<FoundMention> = parts
            .into_iter()
            .map(|(r, kind)| FoundMention {
                span: tokens[r.start].start as usize..tokens[r.end - 1].end as usize,
                kind,
                tokens: r,
                sentence: 0,
            })
            .collect();
        let one_sentence: Range<usize> = 0..tokens.len();
        refine(text, &tokens, std::slice::from_ref(&one_sentence), &Gazetteer::embedded().unwrap(), &mut ms);
        ms.iter().map(|m| (text[m.span.clone()].to_string(), m.kind)).collect()
    }

    /// A rule that adds mentions: text, tokens, sentences, the mentions so far.
    pub(super) type AddRule = fn(&str, &[Token], &[Range<usize>], &mut Vec<FoundMention>);

    /// The mention of `name` written at byte `at`, whole tokens only.
    pub(super) fn mention_at(tokens: &[Token], at: usize, name: &str, kind: EntityType) -> Option<FoundMention> {
        let first = tokens.iter().position(|t| t.start as usize == at)?;
        let end = tokens.iter().position(|t| t.end as usize == at + name.len())? + 1;
        Some(FoundMention { span: at..at + name.len(), kind, tokens: first..end, sentence: 0 })
    }

    pub(super) fn added(text: &str, tagged: &[(&str, EntityType)], rule: AddRule) -> Vec<String> {
        let tokens = super::super::tokens::tokenize(text);
        let ends: Vec<usize> =
            (0..tokens.len()).filter(|&i| matches!(tokens[i].text(text), "." | "?" | "!")).map(|i| i + 1).collect();
        let sents: Vec<Range<usize>> =
            ends.iter().scan(0, |start, &end| Some(std::mem::replace(start, end)..end)).collect();
        let mut ms: Vec<FoundMention> = tagged
            .iter()
            .filter_map(|&(name, kind)| mention_at(&tokens, text.find(name)?, name, kind))
            .collect();
        let before = ms.len();
        rule(text, &tokens, &sents, &mut ms);
        assert!(ms.windows(2).all(|w| w[0].span.start <= w[1].span.start));
        let mut out: Vec<String> = ms.iter().map(|m| text[m.span.clone()].to_string()).collect();
        out.retain(|m| !tagged.iter().any(|(t, _)| t == m));
        assert_eq!(out.len(), ms.len() - before);
        out
    }

    #[test]
    fn an_organisation_and_what_it_owns_are_two_names() {
        let cases: [(&str, &[&str]); 6] = [
            ("the State Department’s Bureau of South Asian Affairs said", &["State Department", "Bureau of South Asian Affairs"]),
            ("the Google’s Gemini app said", &["Google", "Gemini"]),
            ("the Alzheimer's Association said", &["Alzheimer's Association"]),
            ("the Old Man’s War said", &["Old Man’s War"]),
            ("the MIT’s Lorenz Center said", &["MIT", "Lorenz Center"]),
            ("the Spicher’s Appliance said", &["Spicher’s Appliance"]),
        ];
        for (text, want) in cases {
            let tokens = super::super::tokens::tokenize(text);
            let first = 1;
            let end = tokens.iter().position(|t| ["said", "app"].contains(&t.text(text))).unwrap_or(tokens.len());
            let span = tokens[first].start as usize..tokens[end - 1].end as usize;
            let mut ms = vec![FoundMention { span, kind: EntityType::Org, tokens: first..end, sentence: 0 }];
            split_at_possessive(text, &tokens, &Gazetteer::default(), &mut ms);
            let got: Vec<&str> = ms.iter().map(|m| &text[m.span.clone()]).collect();
            assert_eq!(got, want, "{text}");
        }
    }

    #[test]
    fn a_place_before_a_party_member_is_a_place_and_a_group() {
        refines_as(&[
            (
                "Mark Warner , a Virginia Democrat , said so .",
                vec![(0..2, EntityType::Person), (4..6, EntityType::Misc)],
                vec![("Mark Warner", EntityType::Person), ("Virginia", EntityType::Loc), ("Democrat", EntityType::Misc)],
            ),
            (
                "the Texas Republicans met .",
                vec![(1..3, EntityType::Org)],
                vec![("Texas", EntityType::Loc), ("Republicans", EntityType::Misc)],
            ),
            // Not a place: one name, as tagged.
            ("the Young Republicans met .", vec![(1..3, EntityType::Org)], vec![("Young Republicans", EntityType::Org)]),
        ]);
    }

    #[test]
    fn an_owner_the_text_names_alone_as_an_organisation_owns_what_follows() {
        let split = |text: &str, parts: &[(&str, EntityType)]| -> Vec<String> {
            let tokens = super::super::tokens::tokenize(text);
            let mut ms: Vec<FoundMention> = parts
                .iter()
                .filter_map(|&(name, kind)| mention_at(&tokens, text.rfind(name)?, name, kind))
                .collect();
            ms.sort_by_key(|m| m.span.start);
            split_at_possessive(text, &tokens, &Gazetteer::default(), &mut ms);
            ms.iter().map(|m| text[m.span.clone()].to_string()).collect()
        };
        let text = "The Hoge Center’s Office of Research said so. The Hoge Center is new.";
        let tagged = [("Hoge Center’s Office of Research", EntityType::Org), ("Hoge Center", EntityType::Org)];
        assert_eq!(split(text, &tagged), ["Hoge Center", "Office of Research", "Hoge Center"]);
        // A person the text names alone is the owner a business is named after.
        let text = "The Spicher’s Appliance team said so. Spicher is new.";
        let tagged = [("Spicher’s Appliance", EntityType::Org), ("Spicher", EntityType::Person)];
        assert_eq!(split(text, &tagged), ["Spicher’s Appliance", "Spicher"]);
    }

    #[test]
    fn a_person_only_title_before_untagged_capitals_adds_that_person() {
        let none: &[(&str, EntityType)] = &[];
        let rule = untagged_titled_people;
        assert_eq!(added("Councillor Raj Patel opened it.", none, rule), ["Councillor Raj Patel"]);
        assert_eq!(added("Dr Rahman opened it.", none, rule), ["Dr Rahman"]);
        // One word after a rank, an organisation's name, a tagged name, or a lower-case title.
        assert!(added("Judge Patel opened it.", none, rule).is_empty());
        assert!(added("Judge Business School opened it.", none, rule).is_empty());
        assert!(added("the councillor Raj Patel opened it.", none, rule).is_empty());
        assert!(added("Councillor Raj Patel opened it.", &[("Raj Patel", EntityType::Person)], rule).is_empty());
    }

    #[test]
    fn a_surname_repeated_untagged_after_the_full_name_is_that_person() {
        let rule = repeated_surnames;
        let raj = &[("Raj Patel", EntityType::Person)];
        assert_eq!(added("Raj Patel came, and later Patel spoke.", raj, rule), ["Patel"]);
        // Not before the full name, not inside a longer capitalized name, not as a common word
        // opening a sentence.
        assert!(added("Patel spoke. Raj Patel came.", raj, rule).is_empty());
        assert!(added("Raj Patel came to the Patel Foundation.", raj, rule).is_empty());
        assert!(added("Jo Will came. Will it rain?", &[("Jo Will", EntityType::Person)], rule).is_empty());
    }

    #[test]
    fn a_title_before_a_name_makes_the_mention_that_person() {
        let cases = [
            ("Officer Stacy Chiarolanza said so.", EntityType::Org, Some("Stacy Chiarolanza")),
            ("DAE Additional Director Dr Azizur Rahman said so.", EntityType::Org, Some("Azizur Rahman")),
            ("General Motors Company said so.", EntityType::Org, None),
            ("Judge Dredd said so.", EntityType::Person, None),
            ("Dr Rahman said so.", EntityType::Org, Some("Rahman")),
            ("Judge Business School said so.", EntityType::Org, None),
            ("Miss Ellen Fetter said so.", EntityType::Misc, Some("Ellen Fetter")),
            ("Miss America said so.", EntityType::Misc, None),
        ];
        for (text, kind, person) in cases {
            let tokens = super::super::tokens::tokenize(text);
            let n = tokens.iter().position(|t| t.text(text) == "said").unwrap_or(0);
            let span = 0..tokens[n - 1].end as usize;
            let mut m = FoundMention { span: span.clone(), kind, tokens: 0..n, sentence: 0 };
            titled_person(text, &tokens, &mut m);
            match person {
                Some(name) => assert_eq!((&text[m.span.clone()], m.kind), (name, EntityType::Person), "{text}"),
                None => assert_eq!((m.span, m.kind), (span, kind), "{text}"),
            }
        }
    }

    #[test]
    fn coordinated_organisations_are_split_one_name_with_and_is_not() {
        let split = |text: &str| {
            let tokens = super::super::tokens::tokenize(text);
            let n = tokens.iter().position(|t| t.text(text) == "said").unwrap_or(0);
            let span = 0..tokens[n - 1].end as usize;
            let mut ms = vec![FoundMention { span, kind: EntityType::Org, tokens: 0..n, sentence: 0 }];
            split_coordinated_organisations(text, &tokens, &mut ms);
            ms.iter().map(|m| text[m.span.clone()].to_string()).collect::<Vec<_>>()
        };
        assert_eq!(
            split("Emory University and Oglethorpe University said so."),
            ["Emory University", "Oglethorpe University"]
        );
        assert_eq!(
            split("Bureau of South and Central Asian Affairs said so."),
            ["Bureau of South and Central Asian Affairs"]
        );
        assert_eq!(
            split("Department of Health and Human Services said so."),
            ["Department of Health and Human Services"]
        );
    }

    #[test]
    fn touching_mentions_are_one_name_of_the_last_part_s_type() {
        use EntityType::{Loc, Misc, Org, Person};
        // Each case: the text, the two tagged parts as token ranges with their types, and the
        // one name wanted (None: the two stay apart).
        let cases = [
            ("Paris Baguette opened a shop.", [(0..1, Loc), (1..2, Org)], Some(("Paris Baguette", Org))),
            ("Ars Technica reported it.", [(0..1, Org), (1..2, Org)], Some(("Ars Technica", Org))),
            ("Pennsylvania Dutch cooking", [(0..1, Loc), (1..2, Misc)], Some(("Pennsylvania Dutch", Misc))),
            ("FCC Chairwoman Jessica Rosenworcel said so.", [(0..2, Org), (2..4, Person)], None),
            ("Paris, Texas is far.", [(0..1, Loc), (2..3, Loc)], None),
        ];
        for (text, parts, want) in cases {
            let got = refined(text, parts);
            match want {
                Some((name, kind)) => assert_eq!(got, [(name.to_string(), kind)], "{text}"),
                None => assert_eq!(got.len(), 2, "{text}: {got:?}"),
            }
        }
    }

    #[test]
    fn the_words_of_a_title_are_neither_the_organisation_nor_the_person() {
        use EntityType::*;
        let cases = [
            ("Senate Majority Leader Mitch McConnell spoke.", vec![(0..2, Org), (3..5, Person)], vec![("Senate", Org), ("Mitch McConnell", Person)]),
            ("House Majority Whip Steve Scalise objected.", vec![(0..3, Org), (3..5, Person)], vec![("House", Org), ("Steve Scalise", Person)]),
            ("House Majority Whip Steve Scalise objected.", vec![(0..5, Person)], vec![("House", Org), ("Steve Scalise", Person)]),
            ("Amnesty International Deputy Director Anna Berg wrote.", vec![(0..6, Person)], vec![("Amnesty International", Org), ("Anna Berg", Person)]),
            ("Texas Governor Greg Abbott signed it.", vec![(0..4, Person)], vec![("Texas", Loc), ("Greg Abbott", Person)]),
            // Nothing before the title, a sentence's ordinary first word, a credit label.
            ("Former President Barack Obama spoke.", vec![(0..4, Person)], vec![("Barack Obama", Person)]),
            ("Today President Joe Biden spoke.", vec![(0..4, Person)], vec![("Joe Biden", Person)]),
            ("Photo Luis Quintero", vec![(0..3, Person)], vec![("Luis Quintero", Person)]),
            // A compound of roles, and an occupation.
            ("Attorney-General George Brandis disagreed.", vec![(0..3, Person)], vec![("George Brandis", Person)]),
            ("Aerospace Writer Marcia Dunn contributed.", vec![(0..4, Person)], vec![("Marcia Dunn", Person)]),
            // A role word ending a name before no person stays (`Office of the Director` aside).
            ("The Minority Rights Group Director resigned.", vec![(1..4, Org)], vec![("Minority Rights Group", Org)]),
        ];
        refines_as(&cases);
    }

    #[test]
    fn an_epithet_before_a_name_is_no_part_of_it() {
        use EntityType::*;
        let text = "Black Lawmakers Rip Donald Trump, as Donald Trump said.";
        assert_eq!(refined(text, [(2..5, Person), (8..10, Person)])[0], ("Donald Trump".to_string(), Person));
        // A given name stays, and so does a word the document never drops.
        let text = "Will Smith starred. Smith said so.";
        assert_eq!(refined(text, [(0..2, Person)])[0], ("Will Smith".to_string(), Person));
        let text = "They Rip Donald Trump.";
        assert_eq!(refined(text, [(1..4, Person)])[0], ("Rip Donald Trump".to_string(), Person));
    }

    #[test]
    fn an_agency_begun_after_and_takes_the_word_before_it() {
        use EntityType::*;
        let cases = [
            ("Agents of Immigration and Customs Enforcement came.", vec![(4..6, Misc)], vec![("Immigration and Customs Enforcement", Org)]),
            ("The Secretary of Housing and Urban Development said.", vec![(5..7, Org)], vec![("Housing and Urban Development", Org)]),
            // No agency's last word, a name before `and`, a run of capitals, a sentence's start.
            ("Boston Dynamics sold Spot and Wildfire Robotics sold more.", vec![(0..2, Org), (5..7, Org)], vec![("Boston Dynamics", Org), ("Wildfire Robotics", Org)]),
            ("Shares of Tesla and Customs Enforcement rose.", vec![(2..3, Org), (4..6, Org)], vec![("Tesla", Org), ("Customs Enforcement", Org)]),
            ("Immigration and Customs Enforcement came.", vec![(2..4, Org)], vec![("Customs Enforcement", Org)]),
        ];
        refines_as(&cases);
    }

    #[test]
    fn a_name_never_ends_in_a_possessive() {
        for (text, name) in [("The American Psychological Association’s guidance changed.", "American Psychological Association"), ("Acme Corp's staff left.", "Acme Corp")] {
            let tokens = crate::tokens::tokenize(text);
            let first = tokens.iter().position(|t| t.text(text) == name.split(' ').next().unwrap_or("")).unwrap_or(0);
            let last = tokens.iter().position(|t| matches!(t.text(text), "’s" | "'s")).unwrap_or(0);
            let span = tokens[first].start as usize..tokens[last].end as usize;
            let mut m = FoundMention { span, kind: EntityType::Org, tokens: first..last + 1, sentence: 0 };
            drop_possessive(text, &tokens, &mut m);
            assert_eq!(&text[m.span.clone()], name);
            assert_eq!(m.tokens, first..last);
        }
    }

    #[test]
    fn a_name_never_ends_in_a_joining_word() {
        use EntityType::{Misc, Org};
        refines_as(&[
            // Tokens: said 0, the 1, city 2, ’s 3, Department 4, of 5, Design 6, and 7, Construction 8.
            (
                "said the city’s Department of Design and Construction.",
                vec![(4..8, Org)],
                vec![("Department of Design and Construction", Org)],
            ),
            // The 0, National 1, Association 2, for 3, the 4, Self-Employed 5.
            (
                "The National Association for the Self-Employed met.",
                vec![(1..4, Org)],
                vec![("National Association for the Self-Employed", Org)],
            ),
            // No capital follows: the joining word goes. I 0, love 1, Bags 2, for 3, life 4.
            ("I love Bags for life.", vec![(2..4, Misc)], vec![("Bags", Misc)]),
            // A heading in title case is no rest of the name: Office 0, of 1, Design 2, and 3,
            // Construction … Today 4–9.
            (
                "Office of Design and Construction Opens New Site Downtown Today",
                vec![(0..4, Org)],
                vec![("Office of Design", Org)],
            ),
            // Another mention in the run: one name, joined later. The 0, Federation 1, of 2,
            // Master 3, Builders 4.
            (
                "The Federation of Master Builders said so.",
                vec![(0..3, Org), (3..5, Org)],
                vec![("The Federation of Master Builders", Org)],
            ),
        ]);
    }

    #[test]
    fn a_name_ends_at_a_table_cell_or_a_line_break() {
        for (text, want) in [("Courgettes\tHalf a bag", "Courgettes"), ("Maria Lopez\nPears", "Maria Lopez")] {
            let n = super::super::tokens::tokenize(text).len();
            let got: Vec<String> = refined(text, [(0..n, EntityType::Org)]).into_iter().map(|(name, _)| name).collect();
            assert_eq!(got, [want], "{text}");
        }
    }

    #[test]
    fn a_separator_mark_splits_names_and_a_campus_joins_its_university() {
        let run = |text: &str, spans: &[(&str, EntityType)]| {
            let tokens = super::super::tokens::tokenize(text);
            let parts = spans.iter().map(|&(s, kind)| {
                let start = text.find(s).unwrap_or(0);
                let first = tokens.iter().position(|t| t.start as usize == start).unwrap_or(0);
                let last = tokens.iter().position(|t| t.end as usize == start + s.len()).unwrap_or(0);
                (first..last + 1, kind)
            });
            refined(text, parts.collect::<Vec<_>>())
        };
        let text = "Venue: Elbow Country Club | Cassi Claire Photography";
        let got = run(text, &[("Elbow Country Club | Cassi Claire Photography", EntityType::Org)]);
        assert_eq!(got, [("Elbow Country Club".into(), EntityType::Org), ("Cassi Claire Photography".into(), EntityType::Org)]);
        let text = "She studied at the University of California, Berkeley in 1998.";
        let got = run(text, &[("University of California", EntityType::Org), ("Berkeley", EntityType::Loc)]);
        assert_eq!(got, [("University of California, Berkeley".into(), EntityType::Org)]);
        let text = "She teaches at the University of California, Santa Barbara.";
        let got = run(text, &[("University of California", EntityType::Org), ("Santa Barbara", EntityType::Person)]);
        assert_eq!(got, [("University of California, Santa Barbara".into(), EntityType::Org)], "a campus read as a person");
        // An address is no campus; a list of universities stays a list.
        let text = "Write to the University of Redlands, Redlands, CA 92373.";
        let got = run(text, &[("University of Redlands", EntityType::Org), ("Redlands", EntityType::Loc)]);
        assert_eq!(got.len(), 2, "{got:?}");
        let text = "Students from the University of Texas, Harvard and Yale came.";
        let got = run(text, &[("University of Texas", EntityType::Org), ("Harvard", EntityType::Org)]);
        assert_eq!(got.len(), 2);
    }

    #[test]
    fn a_persons_name_takes_an_untagged_first_name_opening_the_sentence() {
        let run = |text: &str, tagged: &str| {
            let tokens = super::super::tokens::tokenize(text);
            let start = text.find(tagged).unwrap_or(0);
            let first = tokens.iter().position(|t| t.start as usize == start).unwrap_or(0);
            let n = tagged.split(' ').count();
            refined(text, [(first..first + n, EntityType::Person)]).into_iter().next().map(|(name, _)| name)
        };
        assert_eq!(run("Henry David Thoreau writes about it.", "David Thoreau").as_deref(), Some("Henry David Thoreau"));
        assert_eq!(run("Yesterday David Thoreau wrote about it.", "David Thoreau").as_deref(), Some("David Thoreau"));
        // A courtesy title before the name is the person's title, not a first name.
        assert_eq!(run("Thanks are due to Miss Ellen Fetter for it.", "Ellen Fetter").as_deref(), Some("Ellen Fetter"));
    }

    #[test]
    fn a_credit_label_is_not_part_of_the_name() {
        let text = "Photo Luis Quintero at the fair.";
        assert_eq!(refined(text, [(0..3, EntityType::Person)])[0].0, "Luis Quintero");
    }

    #[test]
    fn long_texts_are_tagged_in_windows_of_whole_sentences() {
        let sents: Vec<Range<usize>> = [0..4, 4..10, 10..11, 11..30, 30..33].into_iter().collect();
        let got: Vec<_> = windows(&sents, 10).collect();
        assert_eq!(got, [0..2, 2..3, 3..4, 4..5], "a window never splits a sentence; a long one stands alone");
        let whole: Vec<_> = windows(&sents, 1000).collect();
        assert_eq!((whole.len(), whole[0].clone()), (1, 0..5), "an article is one window");
        assert_eq!(windows(&[], 10).count(), 0);
    }
}
