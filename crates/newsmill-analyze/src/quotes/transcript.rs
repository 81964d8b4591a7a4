//! Transcripts: paragraphs that open with a speaker's name and a colon (`WALLACE: Let's start
//! …`, `PENCE: Well, look …`), as broadcast interviews and debates are printed. Each turn is
//! that speaker's own words; the colon is its cue. Labels are printed in capitals (`Jenny: Add
//! support for FedEx` in a to-do list is no turn); two must be names the article gives a person
//! (`STEP 1:` is a heading) and one speaker must speak twice (`ARTIST: Exhibition` headings name
//! each once). Then every label opens a turn, of a person the article names or not (the host a
//! transcript never introduces).

use std::collections::HashSet;
use std::ops::Range;

use super::attribute::Attribution;
use super::{MentionRef, overlaps};

/// Fewest turns of named people for a text to be read as a transcript.
const MIN_TURNS: usize = 2;
/// Longest speaker label, in bytes (`SEN. ELIZABETH WARREN`).
const MAX_LABEL: usize = 40;
/// Most words of a speaker label.
const MAX_LABEL_WORDS: usize = 5;

/// One speaker's turn: what they said, the colon after their label, the label, and the
/// person's mention when the label is one.
#[derive(Debug)]
pub struct Turn<'m> {
    pub content: Range<usize>,
    pub cue: Range<usize>,
    pub label: Range<usize>,
    pub speaker: Option<&'m MentionRef>,
}

/// The turns of a transcript in `text`, none when fewer than [`MIN_TURNS`] name a person.
/// `paragraphs` are the text's [`super::lines`]. The turns of the programme's own staff (see
/// [`staff_names`]) are left out: they are the article's own voice, not a source's.
pub fn turns<'m>(text: &str, paragraphs: &[Range<usize>], mentions: &'m [MentionRef]) -> Vec<Turn<'m>> {
    let turns: Vec<Turn> = paragraphs
        .iter()
        .filter_map(|p| turn(text, p.clone(), mentions))
        .filter(|t| in_capitals(&text[t.label.clone()]))
        .collect();
    // A dialogue: someone speaks twice (headings of the form `Artist: Exhibition` name each
    // once).
    let speaker_key = |t: &Turn| t.speaker.map_or_else(|| text[t.label.clone()].to_lowercase(), |m| m.entity.clone());
    let mut speakers = HashSet::new();
    let speaks_again = !turns.iter().all(|t| speakers.insert(speaker_key(t)));
    if turns.iter().filter(|t| t.speaker.is_some()).count() < MIN_TURNS || !speaks_again {
        return Vec::new();
    }
    let staff = staff_names(text, &turns);
    turns.into_iter().filter(|t| !staff.contains(&name_part(&text[t.label.clone()]).to_lowercase())).collect()
}

/// Whether `content` and its `cue` are a turn as [`turns`] reads one: what follows the colon of
/// a label in capitals that opens its line (the quote filter keeps such turns as found: what
/// makes them a transcript is the shape of the whole text, which its signals do not see).
pub fn is_turn(text: &str, content: &Range<usize>, cue: &Range<usize>) -> bool {
    if text.get(cue.clone()) != Some(":") {
        return false;
    }
    let start = text.get(..cue.start).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1);
    let end = text.get(content.end..).and_then(|t| t.find('\n')).map_or(text.len(), |i| content.end + i);
    turn(text, start..end, &[]).is_some_and(|t| {
        t.content == *content && t.cue == *cue && text.get(t.label.clone()).is_some_and(in_capitals)
    })
}

/// Roles after a label's name that make its speaker the programme's own (`SACHA PFEIFFER,
/// HOST`, `SERGIO MARTINEZ-BELTRAN, BYLINE`): a radio transcript's narration.
const STAFF_ROLES: &[&str] = &["host", "byline", "anchor", "correspondent", "reporter", "narrator"];

/// The names, lowercased, that labels give a staff role, and the last words of each: a later
/// label of the name alone or its last words (`MARTINEZ-BELTRAN`) is the same person's.
fn staff_names(text: &str, turns: &[Turn]) -> HashSet<String> {
    let role = |label: &str| label.split_once(',').map(|(_, r)| r.trim().to_lowercase());
    let mut names = HashSet::new();
    for label in turns.iter().map(|t| &text[t.label.clone()]) {
        if role(label).is_some_and(|r| STAFF_ROLES.contains(&r.as_str())) {
            let name = name_part(label).to_lowercase();
            let words: Vec<&str> = name.split_whitespace().collect();
            names.extend((0..words.len()).map(|k| words[k..].join(" ")));
        }
    }
    names
}

/// A label's name, without the role after its comma.
fn name_part(label: &str) -> &str {
    label.split_once(',').map_or(label, |(name, _)| name).trim()
}

/// `WALLACE`, `SEN. WARREN`, `SACHA PFEIFFER, HOST`: a label as a transcript prints it; not `Q`
/// (an interview's question).
fn in_capitals(label: &str) -> bool {
    label.chars().filter(|c| c.is_alphabetic()).count() >= 2 && !label.chars().any(char::is_lowercase)
}

/// The turn paragraph `p` opens, if it opens with a label of capitalized words (a number after
/// them: `UNIDENTIFIED PERSON #1`), a role after a comma allowed, and a colon. A paragraph may
/// open with a quotation mark that no mark closes (a quoted transcript's paragraphs do).
fn turn<'m>(text: &str, p: Range<usize>, mentions: &'m [MentionRef]) -> Option<Turn<'m>> {
    let para = text.get(p.clone())?;
    let body = para.trim_start_matches(['"', '“']);
    let opened = body.len() < para.len();
    let label_at = p.start + (para.len() - body.len());
    let colon = body.char_indices().take_while(|&(i, _)| i <= MAX_LABEL).find(|&(_, c)| c == ':')?.0;
    let label = body[..colon].trim_end();
    let words: Vec<&str> = label.split_whitespace().collect();
    let capitalized = |w: &&str| w.starts_with(|c: char| c.is_uppercase());
    let numbered = |w: &&str| w.starts_with(|c: char| c == '#' || c.is_ascii_digit());
    let label_words = words.first().is_some_and(capitalized) && words.iter().all(|w| capitalized(w) || numbered(w));
    if !label_words || words.len() > MAX_LABEL_WORDS {
        return None;
    }
    let name_end = label_at + name_part(label).len();
    let label = label_at..label_at + label.len();
    let speaker = mentions.iter().find(|m| m.person && m.span.end == name_end && m.span.start >= label.start);
    let said = &body[colon + 1..];
    let said = if opened { said.trim_end_matches(['"', '”']) } else { said };
    let start = label_at + colon + 1 + (said.len() - said.trim_start().len());
    let end = label_at + colon + 1 + said.trim_end().len();
    // A label and a word or two is a heading, not a turn.
    (text.get(start..end)?.split_whitespace().nth(2).is_some()).then(|| Turn {
        content: start..end,
        cue: label_at + colon..label_at + colon + 1,
        label,
        speaker,
    })
}

/// Adds the turns of a transcript to the taggers' attributions (`out`), each with its speaker's
/// name as the source and the colon as the cue, over the attributions that ran into a turn
/// (an `as follows:` attribution taking every turn for its content): an attribution inside a
/// turn, of a source said there, stays.
pub fn add_attributions(text: &str, out: &mut Vec<Attribution>, mentions: &[MentionRef]) {
    let turns = turns(text, &super::lines(text), mentions);
    if turns.is_empty() {
        return;
    }
    out.retain(|a| {
        let mut reached = a.content.iter().chain(&a.cue).chain(&a.source).filter_map(|r| overlapped(&turns, r));
        let Some(t) = reached.next() else { return true };
        let inside = |r: &Range<usize>| t.content.start <= r.start && r.end <= t.content.end;
        reached.all(|u| std::ptr::eq(u, t)) && a.cue.as_ref().is_some_and(inside) && a.content.iter().all(inside)
    });
    out.extend(turns.into_iter().map(|t| Attribution {
        source: Some(t.speaker.map_or(t.label, |m| m.span.clone())),
        cue: Some(t.cue),
        content: vec![t.content],
    }));
}

/// The first of `turns` (in text order) whose content `span` overlaps.
pub fn overlapped<'t, 'm>(turns: &'t [Turn<'m>], span: &Range<usize>) -> Option<&'t Turn<'m>> {
    let i = turns.partition_point(|t| t.content.end <= span.start);
    turns.get(i).filter(|t| overlaps(&t.content, span))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::EntityType;

    fn person(text: &str, name: &str, nth: usize, entity: &str) -> MentionRef {
        person_at(text.match_indices(name).nth(nth).unwrap().0, name, entity)
    }

    fn person_at(at: usize, name: &str, entity: &str) -> MentionRef {
        MentionRef {
            span: at..at + name.len(),
            entity: entity.into(),
            name: name.into(),
            person: true,
            kind: EntityType::Person,
            titles: Vec::new(),
        }
    }

    /// Person mentions: each name, which of its occurrences, and its entity.
    fn people(text: &str, names: &[(&str, usize, &str)]) -> Vec<MentionRef> {
        names.iter().map(|&(name, nth, entity)| person(text, name, nth, entity)).collect()
    }

    #[test]
    fn a_transcript_s_turns_are_its_speakers_words() {
        let text = "Chris Wallace asked Mike Pence about it.\n\n\"WALLACE: Why would he do that?\n\n\
            \"PENCE: Well, look, this is serious business.\n\nHOST: Is that so?\n\n\"WALLACE: Do you see them as equal?\n\n\
            Step 1: Read the whole transcript.";
        let mentions = people(text, &[("Wallace", 0, "E1"), ("Pence", 0, "E2"), ("WALLACE", 0, "E1"), ("PENCE", 0, "E2"), ("WALLACE", 1, "E1")]);
        let got: Vec<(&str, &str, Option<&str>)> = turns(text, &super::super::lines(text), &mentions)
            .iter()
            .map(|t| (&text[t.content.clone()], &text[t.label.clone()], t.speaker.map(|m| m.entity.as_str())))
            .collect();
        assert_eq!(
            got,
            [
                ("Why would he do that?", "WALLACE", Some("E1")),
                ("Well, look, this is serious business.", "PENCE", Some("E2")),
                ("Is that so?", "HOST", None),
                ("Do you see them as equal?", "WALLACE", Some("E1")),
            ]
        );
    }

    #[test]
    fn every_turn_of_a_long_transcript_is_found_once() {
        let mut text = String::from("Chris Wallace asked Mike Pence.");
        for i in 0..5000 {
            text.push_str(&format!("\n\n{}: Turn {i} of a long transcript.", ["WALLACE", "PENCE"][i % 2]));
        }
        let mentions: Vec<MentionRef> = text
            .match_indices("WALLACE")
            .chain(text.match_indices("PENCE"))
            .map(|(at, name)| person_at(at, name, name))
            .collect();
        let mut out = Vec::new();
        add_attributions(&text, &mut out, &mentions);
        assert_eq!(out.len(), 5000);
        assert!(out.iter().all(|a| text[a.content[0].clone()].starts_with("Turn ")));
    }

    #[test]
    fn a_radio_programme_s_own_staff_narrate() {
        let text = "SACHA PFEIFFER, HOST: Teachers are pushing back hard this week.\n\n\
            SERGIO MARTINEZ-BELTRAN, BYLINE: Hundreds are gathering at the Capitol.\n\n\
            UNIDENTIFIED PERSON #1: Everybody got it?\n\n\
            MARTINEZ-BELTRAN: Most people chanting here are educators, like Rosie Curts.\n\n\
            ROSIE CURTS: If vouchers pass, it would take money away from our schools.\n\n\
            CURTS: And we need more, not less.";
        let mentions = people(text, &[("SACHA PFEIFFER", 0, "E1"), ("SERGIO MARTINEZ-BELTRAN", 0, "E2"), ("MARTINEZ-BELTRAN", 1, "E2"), ("Rosie Curts", 0, "E3"), ("ROSIE CURTS", 0, "E3"), ("CURTS", 1, "E3")]);
        let got: Vec<&str> =
            turns(text, &super::super::lines(text), &mentions).iter().map(|t| &text[t.label.clone()]).collect();
        assert_eq!(got, ["UNIDENTIFIED PERSON #1", "ROSIE CURTS", "CURTS"]);
    }

    #[test]
    fn one_named_label_or_labels_no_person_bears_make_no_transcript() {
        let text = "Dana Reyes runs the shop.\n\nREYES: We open at nine every day.\n\nTip: Arrive early.";
        let mentions = people(text, &[("Dana Reyes", 0, "E1"), ("REYES", 0, "E1")]);
        assert!(turns(text, &super::super::lines(text), &mentions).is_empty());
        let text = "JYLL BRADLEY: Running and Returning at The Box, Plymouth.\n\n\
            TADEK BEUTLICH: Prints and Drawings at Emma Mason Gallery, Eastbourne.";
        let mentions = people(text, &[("JYLL BRADLEY", 0, "E1"), ("TADEK BEUTLICH", 0, "E2")]);
        assert!(turns(text, &super::super::lines(text), &mentions).is_empty(), "each named once: headings");
        let text = "Jyll Bradley: Running and Returning at The Box.\n\nSiena: The Rise of Painting.\n\n\
            Tadek Beutlich: Prints and Drawings at Emma Mason Gallery.\n\nSiena: The Rise of Painting, the sequel.";
        let mentions = people(text, &[("Jyll Bradley", 0, "E1"), ("Tadek Beutlich", 0, "E2")]);
        assert!(turns(text, &super::super::lines(text), &mentions).is_empty(), "headings in title case");
        let text = "Jenny: Add support for FedEx today.\n\nKat: Build the webform for lumin.\n\n\
            Jenny: Add support for FedEx (fixed).";
        let mentions = people(text, &[("Jenny", 0, "E1"), ("Kat", 0, "E2"), ("Jenny", 1, "E1")]);
        assert!(turns(text, &super::super::lines(text), &mentions).is_empty(), "labels not in capitals");
        let text = "Quick Tip: Arrive early for the best seats.\n\nNote: Doors close at nine sharp tonight.";
        assert!(turns(text, &super::super::lines(text), &[]).is_empty());
    }
}
