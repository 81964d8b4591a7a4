//! The speaker who introduces a quotation set as a paragraph of its own: `Nagel says that,` or
//! `As you might expect, Nagel does not buy this:` ends one paragraph, the quotation opens the
//! next. Essays, reviews and interviews present long quotations this way; inside the quoted
//! paragraph nothing says who speaks, so the taggers leave it without a speaker or guess a
//! word of the quotation (`you`, `who`).

use std::ops::Range;

use super::MentionRef;

/// The person named in the sentence that ends, with a colon or a comma, the paragraph right
/// before the quotation whose inner span is `quote`, when the quotation opens its paragraph.
pub fn speaker_before<'m>(text: &str, quote: &Range<usize>, mentions: &'m [MentionRef]) -> Option<&'m MentionRef> {
    let before = text.get(..quote.start)?;
    let opening = before.trim_end_matches(['“', '"', '‘', '\'']);
    if opening.len() == before.len() || !opening.ends_with('\n') {
        return None;
    }
    introducer(opening.trim_end(), mentions)
}

/// The person named in the sentence that ends `previous` (the text before a quotation set as a
/// paragraph of its own) with a colon or a comma.
fn introducer<'m>(previous: &str, mentions: &'m [MentionRef]) -> Option<&'m MentionRef> {
    if !previous.ends_with([':', ',']) {
        return None;
    }
    let paragraph = previous.rfind('\n').map_or(0, |i| i + 1);
    let sentence = last_sentence_start(&previous[paragraph..]) + paragraph;
    let last = mentions.partition_point(|m| m.span.end <= previous.len());
    mentions[..last].iter().rev().take_while(|m| m.span.start >= sentence).find(|m| m.person)
}

/// The speaker of a paragraph of a block quotation (a `<blockquote>` of the page) whose span
/// is `block`: the paragraph before introduces it, with a colon or a comma (`Maslow once
/// said:`, `As Matt Burns, a project manager at monday.com, says:`). Its person, or an
/// organisation with a reporting verb (`SRLabs noted:`). Pages set long quotations, posts and
/// letters this way, without quotation marks: the markup is what says they are quoted.
pub fn block_speaker<'m>(text: &str, block: &Range<usize>, mentions: &'m [MentionRef]) -> Option<&'m MentionRef> {
    let previous = text.get(..block.start)?.trim_end();
    introducer(previous, mentions).or_else(|| attributed(previous, mentions))
}

/// Paragraphs that the paragraph before introduces by ending in a speech verb and a colon
/// (`As Matt Burns, a project manager at monday.com, says:`, `President Obama also said:`),
/// from `lines` (the text's paragraphs, [`super::lines`]): a page's text keeps no markup to
/// show a block quotation, but this form shows one. Not after a passive (`the steps are
/// explained:`).
pub fn after_speech_colon(text: &str, lines: &[Range<usize>]) -> Vec<Range<usize>> {
    let introduces = |line: &Range<usize>| {
        let Some(clause) = text.get(line.clone()).and_then(|l| l.strip_suffix(':')) else { return false };
        let clause = without_date(clause);
        let mut words = clause.split_whitespace().rev();
        let verb = words.next().unwrap_or("");
        let before = words.next().unwrap_or("");
        let put_it = verb == "it" && matches!(before, "put" | "puts");
        // A verb the cue lexicon knows (`said`, `wrote`, `explains`), not any verb (`Where
        // TaxAct excels:`) or a plural noun (`involves three steps:`).
        let speaks = verb.bytes().all(|b| b.is_ascii_lowercase()) && super::speech::reports_speech(verb);
        let passive = matches!(before, "is" | "are" | "was" | "were" | "be" | "been" | "being");
        put_it || (speaks && !passive)
    };
    lines.windows(2).filter(|w| introduces(&w[0])).map(|w| w[1].clone()).collect()
}

/// A clause without the date that closes it, as a comment's header writes one (`Alan Goodale
/// wrote on December 24, 2020 at 3:53 am`): ` on ` and at most eight words, one with a digit.
fn without_date(clause: &str) -> &str {
    let Some(on) = clause.rfind(" on ") else { return clause };
    let date = &clause[on + 4..];
    let dated = date.split_whitespace().count() <= 8 && date.bytes().any(|b| b.is_ascii_digit());
    if dated { &clause[..on] } else { clause }
}

/// Most words between the speaker's name and the end of the attribution before a quotation
/// (`Cheng of Annuity.org confirms,`).
const MAX_WORDS_AFTER_NAME: usize = 4;

/// The speaker of an attribution that opens the quotation's sentence: `Planner Marguerita M.
/// Cheng of Annuity.org confirms, “…”` or `As SRLabs stated: “…”`. A person named in the
/// clause before the opening mark, a few words and a reporting verb after the name, then a
/// comma or a colon; an organisation where no person is named there.
pub fn speaker_opening<'m>(text: &str, quote: &Range<usize>, mentions: &'m [MentionRef]) -> Option<&'m MentionRef> {
    let before = text.get(..quote.start)?;
    let opening = before.trim_end_matches(['“', '"', '‘', '\'']);
    if opening.len() == before.len() {
        return None;
    }
    attributed(opening.trim_end_matches([' ', '\n']), mentions)
}

/// The speaker [`speaker_opening`] finds in `previous`, the text before the quotation: a
/// clause ending in a colon or a comma, a person (else an organisation) in its last sentence,
/// a reporting verb a few words after the name.
fn attributed<'m>(previous: &str, mentions: &'m [MentionRef]) -> Option<&'m MentionRef> {
    if !previous.ends_with([':', ',']) {
        return None;
    }
    let clause = previous[..previous.len() - 1].trim_end();
    let line = clause.rfind('\n').map_or(0, |i| i + 1);
    let start = last_sentence_start(&clause[line..]) + line;
    let last = mentions.partition_point(|m| m.span.end <= clause.len());
    let in_clause = || mentions[..last].iter().rev().take_while(|m| m.span.start >= start);
    let reports = |m: &&MentionRef| {
        let words: Vec<&str> = clause[m.span.end..].split_whitespace().collect();
        let verb = match words.as_slice() {
            // `As SRLabs put it:`
            [.., "put" | "puts", "it"] if words.len() <= MAX_WORDS_AFTER_NAME => return true,
            [.., verb] if words.len() <= MAX_WORDS_AFTER_NAME => *verb,
            _ => return false,
        };
        verb.bytes().all(|b| b.is_ascii_lowercase()) && super::speech::closes_attribution(verb)
    };
    let person = in_clause().find(|m| m.person);
    match person {
        Some(m) => Some(m).filter(reports),
        None => in_clause().find(|m| m.kind == crate::model::EntityType::Org).filter(reports),
    }
}

/// `As Les Orchard put it, it’s like doing the dishes.`: a sentence that opens by crediting its
/// words to someone who put it so reports them, without quotation marks. The content (after
/// the comma, to the sentence's end), the person's or organisation's mention and the cue.
pub fn as_they_put_it<'m>(text: &str, mentions: &'m [MentionRef]) -> Vec<(Range<usize>, &'m MentionRef, Range<usize>)> {
    let speaks = |m: &&MentionRef| m.person || m.kind == crate::model::EntityType::Org;
    mentions.iter().filter(speaks).filter_map(|m| put_it_after(text, m)).collect()
}

fn put_it_after<'m>(text: &str, m: &'m MentionRef) -> Option<(Range<usize>, &'m MentionRef, Range<usize>)> {
    let opener = text.get(..m.span.start)?.strip_suffix("As ")?;
    // `As` opens its sentence (`… as Espinosa put it, …` credits the words before it).
    let before = opener.trim_end_matches([' ', '“', '"']);
    if !(before.is_empty() || before.ends_with('\n') || before.trim_end().ends_with(['.', '!', '?', ':'])) {
        return None;
    }
    let after = text.get(m.span.end..)?.strip_prefix(' ')?;
    let verb = ["put it", "puts it", "once put it"].into_iter().find(|v| after.starts_with(v))?;
    let body = after[verb.len()..].strip_prefix(", ")?;
    let start = text.len() - body.len();
    let end = start + body.find(['.', '!', '?', '\n']).unwrap_or(body.len());
    let cue = m.span.end + 1..m.span.end + 1 + verb.len();
    super::speech::is_reported_clause(text.get(start..end)?).then_some((start..end, m, cue))
}

/// Where the last sentence of a paragraph starts (after the last `. `, `? ` or `! `); the
/// full stop of an initial or a title (`Marguerita M. Cheng`, `Dr. Parr`) ends none.
fn last_sentence_start(paragraph: &str) -> usize {
    let ends = |(i, _): &(usize, &str)| {
        let word = paragraph[..*i].rsplit(' ').next().unwrap_or("");
        let initial = word.len() == 1 && word.starts_with(|c: char| c.is_ascii_uppercase());
        !initial && !["Dr", "Mr", "Mrs", "Ms", "Prof", "St", "Jr", "Sr"].contains(&word)
    };
    [". ", "? ", "! "]
        .iter()
        .filter_map(|end| paragraph.match_indices(end).filter(ends).last().map(|(i, _)| i + end.len()))
        .max()
        .unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::quotes::person_mention as person;

    fn inner(text: &str, opening: &str) -> Range<usize> {
        let start = text.find(opening).unwrap() + opening.len();
        start..start + 10
    }

    #[test]
    fn the_person_closing_the_paragraph_before_introduces_the_quotation() {
        let text = "It is a hard case. As you might expect, Nagel does not buy this:\n\n\"To take some examples, no.\"";
        let m = [person(text, "Nagel")];
        assert_eq!(speaker_before(text, &inner(text, "\n\n\""), &m).map(|m| m.name.as_str()), Some("Nagel"));
        let comma = "Nagel says that,\n\n“Nozick is operating here with an idea.”";
        let m = [person(comma, "Nagel")];
        assert!(speaker_before(comma, &inner(comma, "\n\n“"), &m).is_some());
    }

    #[test]
    fn an_attribution_opening_the_quotations_sentence_names_its_speaker() {
        let text = "Most savers are young. Planner Marguerita M. Cheng of Annuity.org confirms, \"They plan.\"";
        let m = [person(text, "Marguerita M. Cheng")];
        assert_eq!(speaker_opening(text, &inner(text, ", \""), &m).map(|m| m.name.as_str()), Some("Marguerita M. Cheng"));
        let org = "The data came in. As SRLabs stated:\n\n\"Docker signs its images.\"";
        let m = [MentionRef { kind: crate::model::EntityType::Org, person: false, ..person(org, "SRLabs") }];
        assert_eq!(speaker_opening(org, &inner(org, "\n\n\""), &m).map(|m| m.name.as_str()), Some("SRLabs"));
        // Too many words after the name, a verb of no speech, a name in the sentence before.
        for (text, name) in [
            ("Cheng, who runs a firm in a town in Ohio, confirms, \"They plan.\"", "Cheng"),
            ("Cheng feels, \"They plan.\"", "Cheng"),
            ("Cheng spoke. The firm confirms, \"They plan.\"", "Cheng"),
        ] {
            let m = [person(text, name)];
            assert!(speaker_opening(text, &inner(text, ", \""), &m).is_none(), "{text}");
        }
    }

    #[test]
    fn a_sentence_opening_as_someone_put_it_reports_them() {
        let text = "It pays off. As Les Orchard put it, it is like doing the dishes every single day.";
        let m = [person(text, "Les Orchard")];
        let got = as_they_put_it(text, &m);
        let spans: Vec<(&str, &str)> = got.iter().map(|(c, _, cue)| (&text[c.clone()], &text[cue.clone()])).collect();
        assert_eq!(spans, [("it is like doing the dishes every single day", "put it")]);
        // After a heading, or an opening quotation mark, it opens its sentence too.
        let text = "Reflections\n\n“As Les Orchard put it, it is like doing the dishes every single day.”";
        assert_eq!(as_they_put_it(text, &[person(text, "Les Orchard")]).len(), 1);
        // Mid-sentence, the words credited come before it.
        let text = "They were “squatters,” as Espinosa put it, and medical students were there too.";
        assert!(as_they_put_it(text, &[person(text, "Espinosa")]).is_empty());
        // `put it:` before a quotation set as its own paragraph.
        let org = "The images are signed. As SRLabs put it:\n\n\"Docker signs its images.\"";
        let m = [MentionRef { kind: crate::model::EntityType::Org, person: false, ..person(org, "SRLabs") }];
        assert_eq!(speaker_opening(org, &inner(org, "\n\n\""), &m).map(|m| m.name.as_str()), Some("SRLabs"));
    }

    #[test]
    fn no_introduction_no_speaker() {
        // The paragraph before ends a sentence; the person is in an earlier sentence; the
        // quotation does not open its paragraph.
        for (text, opening) in [
            ("Nagel wrote a book.\n\n\"To take some examples, no.\"", "\n\n\""),
            ("Nagel wrote it. Critics were not impressed:\n\n\"To take some examples, no.\"", "\n\n\""),
            ("Nagel says that,\n\nin short, \"To take some examples, no.\"", "short, \""),
        ] {
            let m = [person(text, "Nagel")];
            assert!(speaker_before(text, &inner(text, opening), &m).is_none(), "{text}");
        }
    }
}
