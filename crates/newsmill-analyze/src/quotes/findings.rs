//! What a study found, where the taggers mark the cue but no source: `A 2018 review of 37
//! studies looked at … and found that …`, `Recent independent evaluations consistently show
//! that …`. A long subject, or a verb phrase between it and the cue, puts the source out of
//! the source tagger's reach (it learned from political news, where sources are people and
//! stand next to their verb); a cue without a source is dropped as nobody's claim. Health and
//! technology journalism reports findings this way, and the annotation guidelines count them
//! as claims of the study.

use super::attribute::Attribution;

/// Verbs that report a finding, in the forms that follow a subject.
const FINDING: &[&str] = &[
    "found",
    "finds",
    "find",
    "show",
    "shows",
    "showed",
    "suggest",
    "suggests",
    "suggested",
    "revealed",
    "reveals",
    "indicate",
    "indicates",
    "indicated",
    "concluded",
    "concludes",
    "demonstrated",
    "demonstrates",
];

/// Words between a subject and its verb (`consistently show`, `have found`).
fn is_adverb(word: &str) -> bool {
    (word.len() > 3 && word.ends_with("ly")) || matches!(word, "also" | "have" | "has" | "had" | "all" | "both" | "often")
}

/// Most words of a subject taken for a source.
const MAX_SUBJECT_WORDS: usize = 20;

/// Gives an attribution whose cue reports a finding and which has no source the subject
/// before the cue, when that subject names a study or its evidence
/// ([`super::speech::is_evidence`]).
pub fn take_their_subject(text: &str, out: &mut [Attribution]) {
    for a in out.iter_mut().filter(|a| a.source.is_none()) {
        let Some(cue) = a.cue.as_ref() else { continue };
        let verb = text.get(cue.clone()).and_then(|c| c.split_whitespace().next_back()).unwrap_or("");
        if !FINDING.contains(&verb.to_lowercase().as_str()) {
            continue;
        }
        a.source = subject_before(text, cue.start);
    }
}

/// The subject that ends before `at` in its sentence, past an opening clause (`However, `),
/// a list's dash and any adverbs; up to the first past-tense verb where it ends in `and`
/// (`An older review … included over 31,000 people and found`). Without a parenthesis that
/// closes it (`(2,561 participants)`).
fn subject_before(text: &str, at: usize) -> Option<std::ops::Range<usize>> {
    let before = text.get(..at)?;
    let sentence = [". ", "? ", "! ", "\n", ", ", ": ", "- ", "• "]
        .iter()
        .filter_map(|end| before.rfind(end).map(|i| i + end.len()))
        .max()
        .unwrap_or(0);
    let words: Vec<(usize, &str)> = text
        .get(sentence..at)?
        .split(' ')
        .scan(sentence, |pos, w| {
            let start = *pos;
            *pos += w.len() + 1;
            Some((start, w))
        })
        .filter(|(_, w)| !w.is_empty())
        .collect();
    let mut end = words.len();
    while end > 0 && is_adverb(&words[end - 1].1.to_lowercase()) {
        end -= 1;
    }
    if end > 0 && words[end - 1].1 == "and" {
        let verb = (1..end - 1).find(|&i| {
            let w = words[i].1;
            w.len() > 4 && w.ends_with("ed") && w.bytes().all(|b| b.is_ascii_lowercase())
        });
        end = verb?;
    }
    if end == 0 || end > MAX_SUBJECT_WORDS {
        return None;
    }
    let (first, last) = (words[0], words[end - 1]);
    // The reader's or the author's own (`Your reviews show …`) is no study's finding.
    if matches!(first.1.to_lowercase().as_str(), "your" | "my") {
        return None;
    }
    let mut span = first.0..last.0 + last.1.len();
    let phrase = text.get(span.clone())?;
    if phrase.ends_with(')') {
        span.end = span.start + phrase.rfind(" (")?;
    }
    let phrase = text.get(span.clone())?;
    super::speech::is_evidence(phrase).then_some(span)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn subject(text: &str, cue: &str) -> Option<String> {
        let at = text.find(cue).unwrap();
        subject_before(text, at).map(|s| text[s].to_string())
    }

    #[test]
    fn a_study_s_subject_before_its_finding_is_the_source() {
        let text = "Pain. - A 2017 analysis of 30 studies (2,561 participants) found that it helps.";
        assert_eq!(subject(text, "found").as_deref(), Some("A 2017 analysis of 30 studies"));
        let text = "However, recent independent evaluations and benchmark analyses consistently show that it fails.";
        assert_eq!(subject(text, "consistently").as_deref(), Some("recent independent evaluations and benchmark analyses"));
        let text = "An older review of nine studies from 2017 included over 31,000 people and found that it helps.";
        assert_eq!(subject(text, "found").as_deref(), Some("An older review of nine studies from 2017"));
    }

    #[test]
    fn people_and_things_are_not_a_study() {
        assert_eq!(subject("Many people find that it helps them sleep.", "find"), None);
        assert_eq!(subject("The tool looked at the logs and found that it fails.", "found"), None);
        assert_eq!(subject("Your reviews show your customers how others feel.", "show"), None);
    }

    #[test]
    fn only_a_finding_without_a_source_takes_one() {
        let text = "A 2018 review of 37 studies looked at treatment and found that they decreased cravings.";
        let cue = text.find("found").unwrap();
        let content = cue + 11..text.len() - 1;
        let mut out = [Attribution { source: None, cue: Some(cue..cue + 5), content: vec![content.clone()] }];
        take_their_subject(text, &mut out);
        assert_eq!(out[0].source.clone().map(|s| &text[s]), Some("A 2018 review of 37 studies"));
        let said = text.find("looked").unwrap();
        let mut out = [Attribution { source: None, cue: Some(said..said + 6), content: vec![content] }];
        take_their_subject(text, &mut out);
        assert_eq!(out[0].source, None, "`looked` reports no finding");
    }
}
