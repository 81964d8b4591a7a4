//! US states as news abbreviates them after a town (`Tampa, Fla.`, `NEWTOWN, Conn. —`): places
//! by the guidelines, which the wire-news tagger, having never read AP style, mostly leaves out.

use std::ops::Range;

use super::{FoundMention, add_in_order};
use crate::lang::en::lexicon::us_state_of_abbreviation;
use crate::model::EntityType;
use crate::tokens::Token;

/// Makes a place of each state abbreviation written with its period right after a capitalized
/// word and a comma: a new mention where none covers it, the mention's type where the tagger
/// took the abbreviation alone for something else.
pub(super) fn untagged_state_abbreviations(
    text: &str,
    tokens: &[Token],
    sents: &[Range<usize>],
    ms: &mut Vec<FoundMention>,
) {
    let mut found = Vec::new();
    for (s, sent) in sents.iter().enumerate() {
        for at in sent.start + 2..sent.end {
            let word = tokens[at].text(text);
            let after_a_town =
                tokens[at - 1].text(text) == "," && tokens[at - 2].text(text).starts_with(char::is_uppercase);
            if !after_a_town || us_state_of_abbreviation(word).is_none() {
                continue;
            }
            super::name_one_word(ms, tokens, at, s, EntityType::Loc, &mut found);
        }
    }
    add_in_order(ms, found);
}

#[cfg(test)]
mod tests {
    use super::super::tests::added;
    use super::*;

    #[test]
    fn a_state_abbreviated_after_a_town_is_a_place() {
        let add = |text: &str, tagged: &[(&str, EntityType)]| added(text, tagged, untagged_state_abbreviations);
        assert_eq!(add("Residents of Tampa, Fla., and Charleston, W.Va., came.", &[]), ["Fla.", "W.Va."]);
        assert_eq!(add("NEWTOWN, Conn. — The school closed.", &[]), ["Conn."]);
        // Only after a town and a comma, and only with the period.
        assert!(add("He went to Conn. and Mass. for work, Fla came next.", &[]).is_empty());
        assert!(add("The winner, miss. Jones, smiled.", &[]).is_empty());
    }
}
