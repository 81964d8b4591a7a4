//! Reported speech attributed at the end of its sentence, without quotation marks: `Coffee
//! is linked with a lower risk of liver disease, says Klinger.` or `…, Klinger cites.` Service
//! journalism paraphrases its experts this way; the taggers, trained on news that attributes
//! first (`Klinger said that…`), miss most of these.

use std::ops::Range;

use super::MentionRef;

/// A reported clause closed by its attribution: the content (the sentence up to the comma),
/// the person mention, and the cue word.
pub struct Trailing<'m> {
    pub content: Range<usize>,
    pub speaker: &'m MentionRef,
    pub cue: Range<usize>,
}

/// Every sentence of `text` that ends `, VERB PERSON.` or `, PERSON VERB.`, where VERB is a
/// single lowercase word that `is_cue` accepts and PERSON a person mention.
pub fn trailing_attributions<'m>(
    text: &str,
    mentions: &'m [MentionRef],
    is_cue: impl Fn(&str) -> bool,
) -> Vec<Trailing<'m>> {
    mentions.iter().filter(|m| m.person).filter_map(|m| around(text, m, &is_cue)).collect()
}

fn around<'m>(text: &str, m: &'m MentionRef, is_cue: &impl Fn(&str) -> bool) -> Option<Trailing<'m>> {
    let before = text.get(..m.span.start)?;
    let after = text.get(m.span.end..)?;
    // The tail ends the sentence right after the name and its verb (or an apposition).
    let (verb, tail_start) = match after.strip_prefix(' ').and_then(|a| a.split_once(['.', ',', '\n'])) {
        // `…, Klinger cites.`
        Some((word, _)) if is_word(word) && after[1 + word.len()..].starts_with('.') => {
            let at = m.span.end + 1;
            (at..at + word.len(), m.span.start)
        }
        _ => {
            // `…, says Klinger.` / `…, states Lauren Slayton, MS, RD, …`
            let ends = after.starts_with('.') || after.starts_with(',');
            let word = before.strip_suffix(' ')?.rsplit(' ').next()?;
            if !ends || !is_word(word) {
                return None;
            }
            let at = m.span.start - 1 - word.len();
            (at..at + word.len(), at)
        }
    };
    if !is_cue(text.get(verb.clone())?) {
        return None;
    }
    let head = text.get(..tail_start)?;
    let comma = head.strip_suffix(", ")?.len();
    // A sentence of at most 80 words starts within the last kilobytes: the search for its
    // start stays short however long the text before it.
    let window = (comma.saturating_sub(1200)..=comma).find(|&i| head.is_char_boundary(i)).unwrap_or(comma);
    let start = window + sentence_start(&head[window..comma]);
    let content = start..comma;
    super::speech::is_reported_clause(text.get(content.clone())?).then_some(Trailing { content, speaker: m, cue: verb })
}

fn is_word(w: &str) -> bool {
    !w.is_empty() && w.chars().all(|c| c.is_ascii_lowercase())
}

/// Where the sentence holding the end of `head` starts: after the last `. `, `? `, `! `, a
/// closing quotation mark and space, or a line break.
fn sentence_start(head: &str) -> usize {
    let ends = [". ", "? ", "! ", "\n", ".” ", ".\" "];
    ends.iter().filter_map(|e| head.rfind(e).map(|i| i + e.len())).max().unwrap_or(0)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::person_mention as person;

    fn found(text: &str, name: &str) -> Option<(String, String)> {
        let m = [person(text, name)];
        let t = trailing_attributions(text, &m, |w| ["says", "states", "cites", "notes"].contains(&w));
        t.first().map(|t| (text[t.content.clone()].to_string(), text[t.cue.clone()].to_string()))
    }

    #[test]
    fn an_attribution_closing_its_sentence_reports_what_comes_before() {
        let text = "Coffee helps. Coffee is linked with a lower risk of liver disease, says Klinger. More later.";
        assert_eq!(
            found(text, "Klinger"),
            Some(("Coffee is linked with a lower risk of liver disease".into(), "says".into()))
        );
        let text = "It may safeguard against diseases like Parkinson's and Alzheimer's, Klinger cites.\n";
        assert_eq!(found(text, "Klinger").map(|f| f.1), Some("cites".into()));
        let text =
            "The antioxidants in coffee have strong anti-inflammatory properties, states Lauren Slayton, MS, RD.";
        assert_eq!(found(text, "Lauren Slayton").map(|f| f.1), Some("states".into()));
    }

    #[test]
    fn other_endings_are_not_attributions() {
        for (text, name) in [
            ("Short one, says Klinger.", "Klinger"),
            ("We went to the market and bought some bread, met Klinger.", "Klinger"),
            ("Klinger says coffee is linked with a lower risk of disease.", "Klinger"),
            ("Coffee is linked with a lower risk of liver disease, says Klinger about it.", "Klinger"),
        ] {
            assert_eq!(found(text, name), None, "{text}");
        }
    }
}
