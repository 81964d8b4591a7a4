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
    let previous = opening.trim_end();
    if !previous.ends_with([':', ',']) {
        return None;
    }
    let paragraph = previous.rfind('\n').map_or(0, |i| i + 1);
    let sentence = last_sentence_start(&previous[paragraph..]) + paragraph;
    let last = mentions.partition_point(|m| m.span.end <= previous.len());
    mentions[..last].iter().rev().take_while(|m| m.span.start >= sentence).find(|m| m.person)
}

/// Where the last sentence of a paragraph starts (after the last `. `, `? ` or `! `).
fn last_sentence_start(paragraph: &str) -> usize {
    [". ", "? ", "! "].iter().filter_map(|end| paragraph.rfind(end).map(|i| i + end.len())).max().unwrap_or(0)
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
