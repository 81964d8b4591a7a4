//! Tagged spans that are not names. The tagger learned capitals from wire news, where a
//! capitalized word mid-sentence is nearly always a name; web articles capitalize headings
//! (`Help Your Picky Eater`), product labels and short forms of common nouns (`AI`, `CRM`).
//! These rules drop such spans using what the document and general English say about their
//! words, never a list of names.

use std::collections::HashMap;
use std::ops::Range;

use crate::gazetteer::Gazetteer;
use crate::lang::en::lexicon::{
    is_common_short_form, is_generation, is_interjection, is_ordinary_word, names_a_disease,
};
use super::FoundMention;
use crate::tokens::Token;
use crate::model::EntityType;

/// Endings that make a name a description of something else: `Melbourne-based`,
/// `Taylor Swift-themed`. The name is what comes before the hyphen.
const DESCRIPTIVE_ENDINGS: &[&str] = &[
    "based", "born", "bred", "led", "run", "owned", "backed", "funded", "made", "built", "themed", "inspired", "style",
    "driven", "focused", "centric", "savvy", "powered", "enabled", "related", "specific", "friendly", "like", "native",
    "bound", "era", "wide",
];

/// Whether the word after a name's last hyphen makes it a description: one of
/// [`DESCRIPTIVE_ENDINGS`], or a lower-case participle of an ordinary verb (`FDA-approved`,
/// `Google-designed`, `Michelin-starred`, `Yves Tumor-featuring`). Name parts after a hyphen
/// are capitalised (`Coca-Cola`) or short syllables (`Moon Jae-in`, `Lee Byung-hun`), never an
/// English participle.
fn is_descriptive_ending(ending: &str) -> bool {
    let participle = ending.len() >= 5
        && ending.chars().all(|c| c.is_ascii_lowercase())
        && (ending.ends_with("ed") || ending.ends_with("ing"))
        && is_ordinary_word(ending);
    participle || DESCRIPTIVE_ENDINGS.iter().any(|d| d.eq_ignore_ascii_case(ending))
}

/// Drops spans that are not names and trims descriptive endings, in place.
pub fn drop_non_names(
    text: &str,
    tokens: &[Token],
    sents: &[Range<usize>],
    gaz: &Gazetteer,
    ms: &mut Vec<FoundMention>,
) {
    let mut described = Vec::new();
    for m in ms.iter_mut() {
        cut_at_unpaired_bracket(text, tokens, m);
        trim_descriptive_ending(text, gaz, m);
        described.extend(split_descriptive_opening(text, tokens, gaz, m));
    }
    ms.retain(|m| !m.span.is_empty());
    if !described.is_empty() {
        ms.extend(described);
        ms.sort_by_key(|m| m.span.start);
    }
    trim_opening_words(text, tokens, sents, gaz, ms);
    let doc = DocWords::new(text, tokens);
    let headings = title_case_lines(text, tokens);
    // Headings are in text order: the one that could hold `at` is found by binary search.
    let in_heading = |at: usize| headings.get(headings.partition_point(|h| h.end <= at)).is_some_and(|h| h.start <= at);
    // A word opening a sentence (`Since the…`, `Quick Tip:`), but not a table row's first
    // cell, which a number follows (`Stoke 4 3 1`, `Reading 2 Stoke 2`).
    let opens_sentence = |m: &FoundMention| {
        m.tokens.len() == 1
            && sents.get(m.sentence).is_some_and(|r| r.start == m.tokens.start)
            && !tokens.get(m.tokens.end).is_some_and(|t| t.text(text).starts_with(|c: char| c.is_ascii_digit()))
    };
    trim_people_in_headings(text, tokens, &headings, ms);
    // A heading's words and a sentence's first word are capitalized whatever they are.
    let suspect: Vec<bool> = ms.iter().map(|m| in_heading(m.span.start) || opens_sentence(m)).collect();
    // A name written in running text is a name wherever else it appears, and so is each part
    // of a person's name there that the document never writes in lower case (`Patel` opening
    // a sentence after `Dev Patel`, but not `Data` after a mistyped `Eden Data`).
    let mut running = crate::hashing::StrSet::default();
    for (m, _) in ms.iter().zip(&suspect).filter(|(_, s)| !**s) {
        let name = &text[m.span.clone()];
        running.insert(name);
        if m.kind == EntityType::Person {
            running.extend(name_words(name).into_iter().filter(|w| !doc.seen_lower(w)));
        }
    }
    let mut suspect = suspect.into_iter();
    let mut acronyms = HashMap::new();
    ms.retain(|m| {
        let name = &text[m.span.clone()];
        let words = name_words(name);
        let in_heading_or_opening = suspect.next().unwrap_or(false);
        let capitals_say_nothing = in_heading_or_opening && !running.contains(name);
        let ordinary_words = capitals_say_nothing && doc.all_ordinary(&words);
        // One word anywhere that this document writes in lower case too and English mostly
        // does: a common noun given a capital (`Mindfulness`, `Ministry`), not a name. An
        // acronym in running text is another word than its lower-case namesake (`the US` and
        // `for us`).
        let acronym = |w: &str| w.len() >= 2 && w.bytes().all(|b| b.is_ascii_uppercase());
        let lone_word = matches!(words.as_slice(), [w] if doc.seen_lower(w) && is_ordinary_word(w)
            && (in_heading_or_opening || !acronym(w)));
        !(is_address(name)
            || has_code_point(name)
            || cut_from_a_code_point(name, &text[m.span.end..])
            || names_a_disease(name, &text[m.span.end..])
            || is_interjection(name)
            || is_generation(name)
            || is_party_and_state(text, m, gaz)
            || only_a_role(&words)
            // `Mr` tagged apart from `Mugabe` (British style writes it without a stop).
            || matches!(words.as_slice(), [w] if super::is_honorific(w))
            || is_common_short_form(name)
            || ordinary_words
            || lone_word
            || common_noun(&words, &doc)
            || acronym_of_common_phrase(text, name, &mut acronyms))
    });
}

/// `Lindsey Graham Says …`, `Fact Check Trump`, `Hillary Clinton Goes After Donald Trump`: in
/// a title-case heading a person's name runs into the heading's other capitalized words. The
/// name is the longest run of the mention's words that the document also writes outside the
/// heading, when the words before it, and the first word after it, are ordinary English words
/// and no given names (`Will Smith`, `Tim Cook` stay whole where the document never shortens
/// them).
fn trim_people_in_headings(text: &str, tokens: &[Token], headings: &[Range<usize>], ms: &mut [FoundMention]) {
    let cut_off = |i: usize| {
        let w = tokens[i].text(text);
        w.chars().all(char::is_alphabetic) && is_ordinary_word(w) && !crate::ner::features::is_first_name(w)
    };
    // Each candidate run is looked for in the whole text: a span longer than any heading's
    // name and its words (a tagger gone wrong on a long capitalized line) is left as it is.
    const LONGEST: usize = 12;
    for m in ms.iter_mut().filter(|m| m.kind == EntityType::Person && (2..=LONGEST).contains(&m.tokens.len())) {
        let Some(line) = headings.get(headings.partition_point(|h| h.end <= m.span.start)) else { continue };
        if line.start > m.span.start {
            continue;
        }
        // Written outside the heading's line: a run holds no line break, so no occurrence
        // straddles the line's ends, and the first one found outside settles it.
        let elsewhere = |run: &str| text[..line.start].contains(run) || text[line.end..].contains(run);
        let mut best: Option<Range<usize>> = None;
        for i in m.tokens.clone() {
            if i > m.tokens.start && !cut_off(i - 1) {
                break;
            }
            for j in (i + 1..=m.tokens.end).rev() {
                let longer = best.as_ref().is_none_or(|b| j - i > b.len());
                if !longer || !(j == m.tokens.end || cut_off(j)) {
                    continue;
                }
                if elsewhere(&text[tokens[i].start as usize..tokens[j - 1].end as usize]) {
                    best = Some(i..j);
                }
            }
        }
        if let Some(run) = best.filter(|r| *r != m.tokens) {
            m.span = tokens[run.start].start as usize..tokens[run.end - 1].end as usize;
            m.tokens = run;
        }
    }
}

/// Words that make a role more precise (`Co-Founder`, `Senior Director`).
const ROLE_MODIFIERS: &[&str] = &["co", "senior", "junior", "deputy", "assistant", "associate", "executive", "acting"];

/// A span of two or more words that is only a role (`Co-Founder`, `Senior Director`): the
/// title of someone the text names next to it (`says Co-Founder, Stephanie Özcan`), not a
/// name. One word may be a surname (`King`, `Bishop`).
fn only_a_role(words: &[&str]) -> bool {
    let role = |w: &&str| crate::lang::en::lexicon::is_role(w);
    let modifier = |w: &&str| ROLE_MODIFIERS.iter().any(|m| m.eq_ignore_ascii_case(w));
    words.len() >= 2 && words.iter().any(role) && words.iter().all(|w| role(w) || modifier(w))
}

/// `Sen. Claire McCaskill (D-Mo.)`, `Sen. Tim Kaine, D-Va.,`: a legislator's party and state
/// (or district), set off by brackets or commas, is a label, not a name.
fn is_party_and_state(text: &str, m: &FoundMention, gaz: &Gazetteer) -> bool {
    let name = &text[m.span.clone()];
    let Some(place) = ["D-", "R-", "I-"].iter().find_map(|p| name.strip_prefix(p)) else { return false };
    let place = place.trim_end_matches('.');
    let before = text[..m.span.start].trim_end_matches(' ');
    let after = &text[m.span.end..];
    let set_off = (before.ends_with('(') || before.ends_with(',')) && after.starts_with([')', ',', '.']);
    let state = (place.len() == 2 && place.bytes().all(|b| b.is_ascii_uppercase()))
        || crate::lang::en::lexicon::us_state_of_abbreviation(&format!("{place}.")).is_some()
        || gaz.is_place(place);
    set_off && state
}

/// An address is never a name (`Photo https://www.pexels.com/…` in a credit line).
fn is_address(name: &str) -> bool {
    name.contains("://") || name.starts_with("www.")
}

/// Character codes are never a name (`U+0995 U+09CD 0x E0 A6 95` in a page on text encoding,
/// which the tagger reads as a product's model number).
fn has_code_point(name: &str) -> bool {
    name.split_whitespace().any(|w| w.strip_prefix("U+").is_some_and(code_point_digits))
}

/// Whether `name` is the `U+` of a code point the tagger cut from its digits (`U+` before
/// `0995`).
fn cut_from_a_code_point(name: &str, after: &str) -> bool {
    let hex = after.bytes().take_while(u8::is_ascii_hexdigit).count();
    name.ends_with("U+") && code_point_digits(&after[..hex])
}

/// The digits of a code point after `U+`: four to six hexadecimal ones.
fn code_point_digits(hex: &str) -> bool {
    (4..=6).contains(&hex.len()) && hex.bytes().all(|b| b.is_ascii_hexdigit())
}

/// Words an acronym's letters skip (`digital forensics and incident response`).
const ACRONYM_GLUE: &[&str] = &["and", "of", "the", "for", "in", "on", "to", "&", "a", "an"];

/// Whether `name` is an acronym the text defines by a common-noun phrase: `chronic obstructive
/// pulmonary disease (COPD)`, `alternating current (AC)` are terms, not names, where `the
/// Federation of Master Builders (FMB)` is a name. `seen` decides each acronym once.
fn acronym_of_common_phrase<'t>(text: &'t str, name: &'t str, seen: &mut HashMap<&'t str, bool>) -> bool {
    let letters = name.trim_end_matches('s');
    let is_acronym = (2..=6).contains(&letters.len())
        && letters.chars().all(|c| c.is_ascii_uppercase() || c.is_ascii_digit() || c == '&')
        && letters.chars().filter(char::is_ascii_uppercase).count() >= 2;
    is_acronym && *seen.entry(name).or_insert_with(|| defined_by_common_phrase(text, name))
}

/// Whether the first `(NAME)` of `text` follows a phrase whose words for the acronym's
/// letters are mostly in lower case.
fn defined_by_common_phrase(text: &str, name: &str) -> bool {
    let defined = format!("({name})");
    let Some(at) = text.find(&defined) else { return false };
    // `(ISC)²` is the name itself in brackets, not a definition.
    if text[at + defined.len()..].starts_with(char::is_alphanumeric) {
        return false;
    }
    let capitals = name.chars().filter(char::is_ascii_uppercase).count();
    let before = &text[crate::model::text::floor_char_boundary(text, at.saturating_sub(160))..at];
    let words: Vec<&str> = before
        .split_whitespace()
        .rev()
        .filter(|w| !ACRONYM_GLUE.contains(&w.to_lowercase().as_str()))
        .take(capitals)
        .collect();
    let lower = words.iter().filter(|w| w.starts_with(char::is_lowercase)).count();
    words.len() == capitals && lower * 2 > words.len()
}

/// The words of a name, split at hyphens and slashes, without possessive endings.
fn name_words(name: &str) -> Vec<&str> {
    name.split([' ', '-', '/', '\u{a0}'])
        .map(|w| w.trim_end_matches("’s").trim_end_matches("'s").trim_matches(|c: char| !c.is_alphanumeric()))
        .filter(|w| w.chars().any(char::is_alphabetic))
        .collect()
}

/// A span made of common short forms and ordinary words (`AI`, `AI Agents`, `human-AI`,
/// `Best CRM`): a thing, not a name.
fn common_noun(words: &[&str], doc: &DocWords) -> bool {
    let short = words.iter().filter(|w| is_common_short_form(w)).count();
    let lower = words.iter().filter(|w| is_plain_lowercase(w)).count();
    if short + lower == words.len() {
        return !words.is_empty();
    }
    short > 0 && words.iter().all(|w| is_common_short_form(w) || doc.ordinary(w))
}

fn is_plain_lowercase(w: &str) -> bool {
    w.chars().all(|c| !c.is_alphabetic() || c.is_lowercase())
}

/// The ASCII hyphen, the Unicode hyphen and the non-breaking one (`Safeco‑branded`).
const HYPHENS: [char; 3] = ['-', '\u{2010}', '\u{2011}'];

/// `American Dental Association (ADA`, `Te Kaurinui Robert) Parata`, `Dubai Tour Packages]`:
/// a bracket without its pair in a name is the edge of a parenthesis the span ran into. The
/// name is the part before it, or the part after it when no word comes before.
fn cut_at_unpaired_bracket(text: &str, tokens: &[Token], m: &mut FoundMention) {
    let name = &text[m.span.clone()];
    let mut open = Vec::new();
    let mut unpaired = None;
    for (i, c) in name.char_indices() {
        match c {
            '(' | '[' => open.push(i),
            ')' | ']' if open.pop().is_none() => {
                unpaired = Some(i);
                break;
            }
            _ => {}
        }
    }
    let Some(at) = unpaired.or_else(|| open.first().copied()) else { return };
    let before = name[..at].trim_end();
    let after = name[at + 1..].trim_start();
    m.span = if before.chars().any(char::is_alphanumeric) {
        m.span.start..m.span.start + before.len()
    } else {
        m.span.end - after.len()..m.span.end
    };
    let first = m.tokens.start + tokens[m.tokens.clone()].iter().take_while(|t| (t.start as usize) < m.span.start).count();
    let kept = tokens[first..m.tokens.end].iter().take_while(|t| t.end as usize <= m.span.end).count();
    m.tokens = first..first + kept;
}

/// `Melbourne-based` becomes `Melbourne`, a place when the gazetteer knows it, and
/// `Brazilian-born` the nationality `Brazilian` (`German-speaking`: `German`, though a town
/// in New York bears the name); a MISC span whose rest is neither (`Taylor
/// Swift-themed`) describes something unnamed and is emptied. (CoNLL-2003 tags the whole
/// `New York-based` MISC; the news-analysis guidelines name the place.)
fn trim_descriptive_ending(text: &str, gaz: &Gazetteer, m: &mut FoundMention) {
    let name = &text[m.span.clone()];
    let Some((head, ending)) = name.rsplit_once(HYPHENS) else { return };
    if !is_descriptive_ending(ending) {
        return;
    }
    let head = head.trim_end();
    m.span.end = m.span.start + head.len();
    if gaz.is_demonym(head) {
        m.kind = EntityType::Misc; // a nationality or language: `Brazilian-born`, `German-speaking`
    } else if gaz.is_place(head) {
        m.kind = EntityType::Loc;
    } else if m.kind == EntityType::Misc || head.is_empty() {
        m.span.end = m.span.start;
    }
}

/// `Seattle-based International Pacific Halibut Commission`, `Amazon-owned Whole Foods
/// Market`: a descriptive compound inside a name describes the name after it, which is the
/// mention. Written in title case it is part of the name (`Mindfulness-Based Stress
/// Reduction`). The words before the hyphen are a name of their own when the gazetteer knows them
/// as a place or a nationality (returned as that mention); the tagger's type belongs to the
/// rest, so other heads are left out.
fn split_descriptive_opening(text: &str, tokens: &[Token], gaz: &Gazetteer, m: &mut FoundMention) -> Option<FoundMention> {
    let last = m.tokens.end.checked_sub(1).filter(|_| !m.span.is_empty())?;
    let compound = |i: usize| {
        let word = tokens[i].text(text);
        let (head, ending) = word.rsplit_once(HYPHENS)?;
        let lower = ending.starts_with(|c: char| c.is_ascii_lowercase());
        (!head.is_empty() && lower && is_descriptive_ending(ending)).then_some(tokens[i].start as usize + head.len())
    };
    let (i, head_end) = (m.tokens.start..last).rev().find_map(|i| Some((i, compound(i)?)))?;
    let rest = tokens.get(i + 1)?;
    if !rest.text(text).starts_with(char::is_uppercase) || rest.start as usize >= m.span.end {
        return None;
    }
    let head = m.span.start..head_end;
    let head_tokens = m.tokens.start..i + 1;
    m.tokens.start = i + 1;
    m.span.start = rest.start as usize;
    let name = text.get(head.clone())?;
    let kind = if gaz.is_demonym(name) {
        EntityType::Misc
    } else if gaz.is_place(name) {
        EntityType::Loc
    } else {
        return None;
    };
    Some(FoundMention { span: head, kind, tokens: head_tokens, sentence: m.sentence })
}

/// Words that open sentences but no name: conjunctions, auxiliaries and the imperatives of
/// web pages (`Because Akaunting is free`, `Is Kant right?`, `Install Murano`).
const NEVER_OPENS_A_NAME: &[&str] = &[
    "because", "if", "when", "why", "whether", "while", "although", "though", "unless", "until", "since", "is", "are",
    "was", "were", "does", "did", "can", "should", "would", "could", "install", "download", "join", "visit",
    "subscribe", "contact", "follow", "sign", "click", "try", "use", "using",
];

/// `Visit Travelocity …`, `Because Akaunting …`: a name opening its sentence takes in the
/// sentence's capitalized first word. When that word is an ordinary English word and the
/// rest is named on its own elsewhere in the document, or the word never opens a name
/// ([`NEVER_OPENS_A_NAME`]), the name is the rest. A place the
/// gazetteer knows whole (`New York`, `South Africa`) is left as it is, and so is a name the
/// document also writes whole inside a sentence, where no capital is the sentence's (`at Whole
/// Foods`: `Whole Foods is …` stays whole, and a `Foods` tagged alone after an opening `Whole`
/// takes the word back).
fn trim_opening_words(text: &str, tokens: &[Token], sents: &[Range<usize>], gaz: &Gazetteer, ms: &mut [FoundMention]) {
    // Opening double quotes or brackets before it leave a word the sentence's first
    // (`"Either Clinton or Trump will be president"`); single ones open titles as often
    // (`‘Lonely City’ is …`).
    let opening = |i: usize| matches!(tokens[i].text(text), "\"" | "“" | "(" | "[" | "«");
    let opens_at = |sentence: usize, at: usize| sents.get(sentence).is_some_and(|r| r.start <= at && (r.start..at).all(opening));
    let named: crate::hashing::StrSet = ms.iter().map(|m| &text[m.span.clone()]).collect();
    let named_within: crate::hashing::StrSet =
        ms.iter().filter(|m| !opens_at(m.sentence, m.tokens.start)).map(|m| &text[m.span.clone()]).collect();
    let mut trimmed = Vec::new();
    for (k, m) in ms.iter().enumerate() {
        if !opens_at(m.sentence, m.tokens.start) {
            if m.tokens.start > 0 && opens_at(m.sentence, m.tokens.start - 1) {
                let first = tokens[m.tokens.start - 1].start as usize;
                let whole = text.get(first..m.span.end).unwrap_or("");
                let untagged = k == 0 || ms[k - 1].span.end <= first;
                if untagged && whole.starts_with(char::is_uppercase) && named_within.contains(whole) {
                    trimmed.push((k, first, m.tokens.start - 1));
                }
            }
            continue;
        }
        if m.tokens.len() < 2 || !is_ordinary_word(tokens[m.tokens.start].text(text)) {
            continue;
        }
        let name = &text[m.span.clone()];
        let rest_start = tokens[m.tokens.start + 1].start as usize;
        let rest = &text[rest_start..m.span.end];
        let never_opens_a_name = NEVER_OPENS_A_NAME.iter().any(|w| w.eq_ignore_ascii_case(tokens[m.tokens.start].text(text)));
        let written_whole = named_within.contains(name) && !never_opens_a_name;
        if (named.contains(rest) || never_opens_a_name) && !written_whole && !gaz.is_place(name) && gaz.country_of(name).is_none() {
            trimmed.push((k, rest_start, m.tokens.start + 1));
        }
    }
    for (k, start, token) in trimmed {
        ms[k].tokens.start = token;
        ms[k].span.start = start;
    }
}

/// What the document shows of its words: those it writes in lower case somewhere.
struct DocWords<'t> {
    lower: crate::hashing::StrSet<'t>,
}

impl<'t> DocWords<'t> {
    fn new(text: &'t str, tokens: &[Token]) -> Self {
        let lower = tokens.iter().map(|t| t.text(text)).filter(|w| w.starts_with(char::is_lowercase)).collect();
        DocWords { lower }
    }

    fn seen_lower(&self, word: &str) -> bool {
        self.lower.contains(word.to_lowercase().as_str())
    }

    /// Written in lower case in this document, or an ordinary word in general English.
    fn ordinary(&self, word: &str) -> bool {
        self.seen_lower(word) || is_ordinary_word(word)
    }

    fn all_ordinary(&self, words: &[&str]) -> bool {
        !words.is_empty() && words.iter().all(|w| self.ordinary(w))
    }
}

/// The byte ranges of the lines of `text` written in title case (headings have no full stop,
/// so a sentence may run on from one into the next paragraph: lines are what tell them).
fn title_case_lines(text: &str, tokens: &[Token]) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut first = 0;
    let mut start = 0;
    for line in text.split_inclusive('\n') {
        let end = start + line.len();
        let last = first + tokens[first..].partition_point(|t| (t.start as usize) < end);
        if is_title_case(tokens[first..last].iter().map(|t| t.text(text))) {
            out.push(start..end);
        }
        (first, start) = (last, end);
    }
    out
}

/// A line in title case: at least three words, and at least three in four of the longer
/// words after the first (four letters or more: title case leaves `to`, `in`, `an` small)
/// start with a capital; or a line of one or two words, all capitalized, with no end
/// punctuation (`Next Steps`). Not a line all in capitals (wire headlines in capitals are the
/// tagger's own business: it learned them), nor one with as many numbers as half its words
/// (a results or score line: `Reading 2 Stoke 1`, `Guy Forget ( France ) 6-3 6-4`).
fn is_title_case<'a>(tokens: impl Iterator<Item = &'a str> + Clone) -> bool {
    let is_word = |w: &&str| w.chars().any(char::is_alphabetic);
    // Counted in one pass without collecting: this runs for every line, and most are prose.
    let (mut words, mut numbers, mut long, mut capitalized) = (0, 0, 0, 0);
    let mut last = None;
    for w in tokens.clone() {
        last = Some(w);
        numbers += usize::from(w.starts_with(|c: char| c.is_ascii_digit()));
        if is_word(&w) {
            if words > 0 && w.chars().count() >= 4 {
                long += 1;
                capitalized += usize::from(w.starts_with(char::is_uppercase));
            }
            words += 1;
        }
    }
    if words == 0 || numbers * 2 > words {
        return false;
    }
    if words < 3 {
        let ends_sentence = last.is_some_and(|w| w.ends_with(['.', '!', '?', ':', ',', ';']));
        return !ends_sentence
            && tokens.filter(is_word).all(|w| w.starts_with(char::is_uppercase) && w.chars().any(char::is_lowercase));
    }
    if !(long >= 2 && capitalized * 4 >= long * 3) {
        return false;
    }
    let words: Vec<&str> = tokens.filter(is_word).collect();
    !crate::ner::features::caps_sentence(&words)
}

#[cfg(test)]
mod tests {
    use std::ops::Range;

    use super::is_descriptive_ending;
    use crate::mentions::tests::mention_at;
    use crate::gazetteer::Gazetteer;
    use crate::model::{Article, EntityType};
    use crate::{Resources, analyze, document_from_text};

    fn entities(text: &str) -> Vec<(String, EntityType)> {
        let res = Resources::embedded().expect("embedded model");
        let article: Article = analyze(document_from_text("t", text.to_string()), &res);
        article.entities.into_iter().map(|e| (e.name, e.kind)).collect()
    }

    fn has(ents: &[(String, EntityType)], name: &str) -> bool {
        ents.iter().any(|(n, _)| n == name)
    }

    #[test]
    fn an_acronym_of_a_common_phrase_is_a_term_not_a_name() {
        let text = "Smoking raises the risk of chronic obstructive pulmonary disease (COPD), doctors at \
                    the Mayo Clinic said. About 16 million Americans have COPD, the clinic said.";
        assert!(!has(&entities(text), "COPD"));
        assert!(super::defined_by_common_phrase("panels make direct current (DC) and more", "DC"));
        assert!(!super::defined_by_common_phrase("says the Federation of Master Builders (FMB) today", "FMB"));
        assert!(!super::defined_by_common_phrase("COPD is common", "COPD"), "an acronym the text never defines");
        assert!(!super::defined_by_common_phrase("and become an (ISC)² member", "ISC"));
    }

    #[test]
    fn a_disease_named_after_a_person_and_an_interjection_are_no_names() {
        let ents = entities(
            "Diets rich in fish may protect against diseases like Parkinson's and Alzheimer's, said \
             Wanjiru Kamau, a dietitian in Nairobi. The Alzheimer's Association agrees.",
        );
        for junk in ["Parkinson", "Alzheimer"] {
            assert!(!has(&ents, junk), "{junk} in {ents:?}");
        }
        assert!(has(&ents, "Wanjiru Kamau") && has(&ents, "Alzheimer's Association"), "{ents:?}");
        // A radio transcript's cheer, which the tagger reads as a name.
        let ents = entities("AILSA CHANG, HOST:\n\nThe crowd cheered.\n\nUNIDENTIFIED PERSON #4: Whoo (ph).\n\nCHANG: Loud.");
        assert!(!has(&ents, "Whoo"), "{ents:?}");
    }

    #[test]
    fn a_generation_is_no_name() {
        let text = "A survey found that 52% of Gen Zers plan to buy a home, compared to 41% of millennials. \
                    Most millennials (66%) and Gen Zers (71%) rent, said Rosa Ibarra, an economist at Fannie Mae. \
                    About 30% of Gen Zers live with their parents.";
        let ents = entities(text);
        assert!(!has(&ents, "Gen Zers") && !has(&ents, "Millennials"), "{ents:?}");
        assert!(has(&ents, "Rosa Ibarra"), "{ents:?}");
    }

    #[test]
    fn a_role_of_two_words_is_a_title_not_a_name() {
        let words = |s: &'static str| super::name_words(s);
        assert!(super::only_a_role(&words("Co-Founder")));
        assert!(super::only_a_role(&words("Senior Director")));
        assert!(!super::only_a_role(&words("King")), "one word may be a surname");
        assert!(!super::only_a_role(&words("General Motors")));
        let res = crate::Resources::embedded().expect("embedded model");
        let text = "Ferah takes a different approach to catering. “Our goal is to listen first,” says \
                    Co-Founder, Stephanie Özcan.";
        let article = crate::analyze(crate::document_from_text("t", text.to_string()), &res);
        assert!(!article.entities.iter().any(|e| e.name.contains("Founder")));
        let speaker = article.quotes.first().and_then(|q| q.speaker.as_ref()).and_then(|s| s.name.as_deref());
        assert_eq!(speaker, Some("Stephanie Özcan"));
    }

    #[test]
    fn a_person_in_a_heading_is_cut_from_the_heading_s_words() {
        let text = "Lindsey Graham Says Clinton Hid Her Health\n\nSen. Lindsey Graham said on Sunday that \
                    Hillary Clinton had hidden it. Clinton denied it.\n\nTim Cook Joins Them\n\nThe firm said so.";
        let tokens = crate::tokens::tokenize(text);
        let person = |name: &str| {
            let at = text.find(name).unwrap();
            let first = tokens.iter().position(|t| t.start as usize == at).unwrap();
            let end = tokens.iter().position(|t| t.end as usize == at + name.len()).unwrap() + 1;
            super::FoundMention { span: at..at + name.len(), kind: EntityType::Person, tokens: first..end, sentence: 0 }
        };
        let mut ms = vec![person("Lindsey Graham Says"), person("Clinton Hid"), person("Tim Cook")];
        super::trim_people_in_headings(text, &tokens, &super::title_case_lines(text, &tokens), &mut ms);
        let names: Vec<&str> = ms.iter().map(|m| &text[m.span.clone()]).collect();
        // Tim Cook is named nowhere else: his name stays as the heading has it.
        assert_eq!(names, ["Lindsey Graham", "Clinton", "Tim Cook"]);
    }

    #[test]
    fn title_case_lines_are_told_from_sentences_and_capital_headlines() {
        let words = |s: &'static str| s.split(' ');
        assert!(super::is_title_case(words("Best Office Chair For Lower Back Pain")));
        assert!(super::is_title_case(words("How To Choose A Solar Installer")));
        assert!(super::is_title_case(words("Features to Look For in an Ergonomic Office Chair")));
        assert!(super::is_title_case(words("Next Steps")), "short headings too");
        assert!(!super::is_title_case(words("Ana Lima said the bridge would open on Monday")));
        assert!(!super::is_title_case(words("SOCCER - JAPAN GET LUCKY WIN")));
        assert!(!super::is_title_case(words("Ana Lima said .")));
        assert!(!super::is_title_case(words("Thanks !")));
        assert!(!super::is_title_case(words("Reading 2 Stoke 1")), "a score line");
        assert!(!super::is_title_case(words("Guy Forget ( France ) 6-3 6-4")));
        assert!(super::is_title_case(words("Top 10 Tips For Cheaper Travel In 2025")));
    }

    #[test]
    fn common_short_forms_are_not_organisations() {
        let ents = entities(
            "Marta Quiroga, who runs the data team at a Lisbon bank, said AI Agents would not replace \
             its analysts. The bank bought more GPUs and a new CRM last year, and its CEO wants the AI \
             to answer customers by SMS.",
        );
        for junk in ["AI", "AI Agents", "GPUs", "CRM", "CEO", "SMS"] {
            assert!(!has(&ents, junk), "{junk} in {ents:?}");
        }
        assert!(has(&ents, "Marta Quiroga"), "{ents:?}");
        // A short form written with a hyphen, and units with their capitals.
        let ents = entities("Free Wi-Fi is available. Homes used 900 kWh a month and the soil pH was 6, Tomas Berg said.");
        for junk in ["Wi-Fi", "kWh", "pH"] {
            assert!(!has(&ents, junk), "{junk} in {ents:?}");
        }
        assert!(has(&ents, "Tomas Berg"), "{ents:?}");
    }

    #[test]
    fn headings_of_ordinary_words_are_dropped_names_in_them_kept() {
        let ents = entities(
            "Help Your Picky Eater Enjoy Vegetables\n\n\
             Children often refuse new food at first, said Ines Okafor, a nutritionist in Leeds.\n\n\
             Next Steps\n\n\
             Okafor suggests tasting one new vegetable a week.\n\n\
             Why Okafor Trusts Small Portions\n\n\
             Small portions are less daunting, she said.",
        );
        for junk in ["Help Your Picky Eater Enjoy Vegetables", "Picky Eater", "Next Steps", "Small Portions"] {
            assert!(!has(&ents, junk), "{junk} in {ents:?}");
        }
        assert!(has(&ents, "Ines Okafor"), "{ents:?}");
        assert!(has(&ents, "Leeds"), "{ents:?}");
    }

    #[test]
    fn an_ordinary_word_opening_the_sentence_is_not_part_of_the_name_named_elsewhere() {
        let ents = entities(
            "Visit Travelocity for the cheapest fares this winter. Prices at Travelocity fell by a third in \
             October, the company said. New York is the busiest market. York is smaller.",
        );
        assert!(has(&ents, "Travelocity") && !has(&ents, "Visit Travelocity"), "{ents:?}");
        assert!(has(&ents, "New York"), "{ents:?}");
        // A word that never opens a name is left out even where the rest is named only there.
        let ents = entities("Because Akaunting Cloud is free, small firms in Ohio use it for their books.");
        assert!(!ents.iter().any(|(n, _)| n.starts_with("Because")), "{ents:?}");
        // Opening quotes before the word leave it the sentence's first.
        let ents = entities("\"You got a choice,\" he said. \"Either Clinton or Trump will win.\" Clinton smiled.");
        assert!(!ents.iter().any(|(n, _)| n.starts_with("Either")), "{ents:?}");
    }

    /// Mentions of `names` (each at its first occurrence at or after the last one's end), in
    /// sentences split at full stops, after [`super::trim_opening_words`].
    fn opening_trimmed(text: &str, names: &[&str]) -> Vec<String> {
        let tokens = crate::tokens::tokenize(text);
        let ends = (0..tokens.len()).filter(|&i| tokens[i].text(text) == ".").map(|i| i + 1);
        let sents: Vec<Range<usize>> = ends.scan(0, |start, end| Some(std::mem::replace(start, end)..end)).collect();
        let (mut ms, mut from) = (Vec::new(), 0);
        for name in names {
            let Some(at) = text[from..].find(name).map(|i| i + from) else { continue };
            let Some(mut m) = mention_at(&tokens, at, name, EntityType::Org) else { continue };
            m.sentence = sents.iter().position(|r| r.contains(&m.tokens.start)).unwrap_or(0);
            ms.push(m);
            from = at + name.len();
        }
        let gaz = Gazetteer::embedded().expect("embedded gazetteer");
        super::trim_opening_words(text, &tokens, &sents, &gaz, &mut ms);
        ms.iter().map(|m| text[m.span.clone()].to_string()).collect()
    }

    #[test]
    fn a_name_written_whole_inside_a_sentence_keeps_its_opening_word() {
        // `Foods` alone opens no sentence's name: `Whole` is an ordinary word, but the
        // document names `Whole Foods` inside a sentence, so every opening `Whole` is the name's.
        let text = "Shoppers at Whole Foods paid less. Whole Foods said so. Whole Foods stores were busy.";
        let got = opening_trimmed(text, &["Whole Foods", "Whole Foods", "Foods"]);
        assert_eq!(got, ["Whole Foods", "Whole Foods", "Whole Foods"]);
        // Without the name inside a sentence, the ordinary opening word is still left out.
        let text = "Visit Travelocity today. Travelocity fares fell.";
        assert_eq!(opening_trimmed(text, &["Visit Travelocity", "Travelocity"]), ["Travelocity", "Travelocity"]);
    }

    #[test]
    fn a_courtesy_title_alone_is_no_name() {
        let ents = entities(
            "Robert Mugabe was ousted on Tuesday. Mr Mugabe is resisting mediation.\n\nSouth Africa said Mr \
             Mugabe had told President Jacob Zuma by telephone on Wednesday that he was confined to his home.",
        );
        assert!(has(&ents, "Robert Mugabe") && !has(&ents, "Mr"), "{ents:?}");
        assert!(super::super::is_honorific("Dr.") && !super::super::is_honorific("MS"));
    }

    #[test]
    fn a_bracket_without_its_pair_ends_the_name() {
        let cut = |text: &str, name: &str| {
            let tokens = crate::tokens::tokenize(text);
            let mut m = text.find(name).and_then(|at| mention_at(&tokens, at, name, EntityType::Org)).expect("a whole-token name");
            super::cut_at_unpaired_bracket(text, &tokens, &mut m);
            let words: Vec<&str> = tokens[m.tokens.clone()].iter().map(|t| t.text(text)).collect();
            (text[m.span.clone()].to_string(), words.join(" "))
        };
        let text = "a sleek, American Dental Association (ADA) approved brush";
        assert_eq!(cut(text, "American Dental Association (ADA").0, "American Dental Association");
        let text = "Kauri (Te Kaurinui Robert) Parata carves.";
        assert_eq!(cut(text, "Te Kaurinui Robert) Parata"), ("Te Kaurinui Robert".into(), "Te Kaurinui Robert".into()));
        let text = "[Dubai Tour Packages] are cheap.";
        assert_eq!(cut(text, "Dubai Tour Packages]").0, "Dubai Tour Packages");
        let text = "The World Health Organization (WHO) said so.";
        assert_eq!(cut(text, "World Health Organization (WHO)").0, "World Health Organization (WHO)");
    }

    #[test]
    fn addresses_are_not_names() {
        use super::is_address;
        assert!(is_address("Photo https://www.pexels.com/photo/people"));
        assert!(is_address("www.example.com"));
        assert!(!is_address("Luis Quintero") && !is_address("Example.com"));
    }

    #[test]
    fn character_codes_are_not_names() {
        use super::has_code_point;
        assert!(has_code_point("U+0995 U+09CD U+09B7 0x E0 A6 95"));
        assert!(has_code_point("U+1F600"));
        assert!(!has_code_point("U2") && !has_code_point("Canon EOS 5D Mark IV") && !has_code_point("U+ Bank"));
        assert!(super::cut_from_a_code_point("U+", "0995 U+09CD") && !super::cut_from_a_code_point("U+", " Bank"));
        let ents = entities(
            "In Bengali the conjunct is written U+0995 U+09CD U+09B7 and stored as 0x E0 A6 95 E0 A7 8D E0 A6 B7 \
             in UTF-8, which Unicode Consortium documents explain.",
        );
        assert!(!ents.iter().any(|(n, _)| n.contains("U+")), "{ents:?}");
    }

    #[test]
    fn a_common_noun_given_a_capital_is_not_a_name() {
        let ents = entities(
            "Teachers at the school in Leeds now start each day with Mindfulness, said Priya Nair. \
             She believes mindfulness helps pupils focus.",
        );
        assert!(!has(&ents, "Mindfulness"), "{ents:?}");
        assert!(has(&ents, "Priya Nair") && has(&ents, "Leeds"), "{ents:?}");
        // An acronym is not its lower-case namesake given capitals.
        let ents = entities(
            "Gun laws in the US are the greatest frustration of his presidency, President Barack Obama said. \
             \"For us not to be able to resolve that has been distressing,\" he added.",
        );
        assert!(has(&ents, "US") && has(&ents, "Barack Obama"), "{ents:?}");
    }

    #[test]
    fn a_legislator_s_party_and_state_are_no_name() {
        let ents = entities(
            "Sen. Claire Harmon (D-Mo.) scolded the banks on Tuesday, and Rep. Tom Ruiz, R-Utah, said the \
             committee would vote on D-Day anniversary plans next week.",
        );
        assert!(!ents.iter().any(|(n, _)| n.starts_with("D-M") || n.starts_with("R-")), "{ents:?}");
    }

    #[test]
    fn descriptive_endings_leave_the_name() {
        let ents = entities(
            "The Melbourne-based startup hired Tom Beck, a Taylor Swift-themed tour guide, to lead its \
             human-AI research team.",
        );
        assert!(ents.iter().any(|(n, k)| n == "Melbourne" && *k == EntityType::Loc), "{ents:?}");
        assert!(is_descriptive_ending("approved") && is_descriptive_ending("featuring"));
        let ents = entities("Its German-speaking staff welcomed FDA-approved trials in Basel and Lyon.");
        assert!(ents.iter().any(|(n, k)| n == "German" && *k == EntityType::Misc), "{ents:?}");
        assert!(!ents.iter().any(|(n, _)| n.contains('-')), "{ents:?}");
        assert!(!is_descriptive_ending("in") && !is_descriptive_ending("hun") && !is_descriptive_ending("Cola"));
        assert!(
            !ents.iter().any(|(n, _)| n.contains("-based") || n.contains("-themed") || n.contains("human")),
            "{ents:?}"
        );
    }

    #[test]
    fn a_descriptive_compound_opening_a_name_is_cut_off_it() {
        let ents = entities(
            "Alverson sits on the Seattle-based International Pacific Halibut Commission, which sets \
             catch limits. Shoppers at Amazon-owned Whole Foods Market paid less this spring.",
        );
        let has_kind = |name: &str, kind| ents.iter().any(|(n, k)| n == name && *k == kind);
        assert!(has_kind("International Pacific Halibut Commission", EntityType::Org), "{ents:?}");
        assert!(has_kind("Seattle", EntityType::Loc), "{ents:?}");
        assert!(ents.iter().any(|(n, _)| n == "Whole Foods Market"), "{ents:?}");
        assert!(!ents.iter().any(|(n, _)| n.contains('-')), "{ents:?}");
        let ents = entities("She teaches Mindfulness-Based Stress Reduction at the clinic.");
        assert!(ents.iter().any(|(n, _)| n == "Mindfulness-Based Stress Reduction"), "{ents:?}");
    }

    #[test]
    fn company_forms_and_known_organisations_are_organisations() {
        let ents = entities(
            "Shares of Eli Lilly and Novo Nordisk rose on Monday. Rosa Veeam Software said it would move \
             its data to Facebook, while analysts at Francisco Partners and officers of the Fairfield \
             Police looked on from Bexar County.",
        );
        for org in ["Eli Lilly", "Novo Nordisk", "Facebook", "Francisco Partners", "Fairfield Police"] {
            assert!(ents.iter().any(|(n, k)| n == org && *k == EntityType::Org), "{org} not ORG in {ents:?}");
        }
        assert!(ents.iter().any(|(n, k)| n == "Bexar County" && *k == EntityType::Loc), "{ents:?}");
    }
}
