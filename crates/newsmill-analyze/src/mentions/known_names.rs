//! Official names of organisations that hold joining words or commas (`Customs and Border
//! Protection`, `Bureau of Alcohol, Tobacco, Firearms and Explosives`). The tagger learned that
//! `and` and a comma mostly end a name, so it cuts such names short (`Infrastructure Security
//! Agency` of `Cybersecurity and Infrastructure Security Agency`), splits them (`U.S. Fish` and
//! `Wildlife Service`) or misses them. Written out in full, a name of the known institutions
//! (`models/known-institutions-en.txt`) is one organisation's mention.

use std::collections::HashMap;
use std::ops::Range;
use std::sync::OnceLock;

use super::FoundMention;
use crate::model::EntityType;
use crate::tokens::Token;

/// The known names of three or more words that a joining word or a comma holds together, as
/// token texts, by their first token.
fn long_names() -> &'static HashMap<&'static str, Vec<Vec<&'static str>>> {
    static INDEX: OnceLock<HashMap<&'static str, Vec<Vec<&'static str>>>> = OnceLock::new();
    INDEX.get_or_init(|| {
        let mut index: HashMap<&'static str, Vec<Vec<&'static str>>> = HashMap::new();
        for name in crate::lang::en::lexicon::known_institution_names() {
            let words: Vec<&'static str> = crate::tokens::tokenize(name).iter().map(|t| t.text(name)).collect();
            let joined = words.iter().any(|w| matches!(*w, "and" | "&" | "of" | "for" | "on" | "in" | ","));
            if words.len() >= 3 && joined && words[0].starts_with(char::is_uppercase) {
                index.entry(words[0]).or_default().push(words);
            }
        }
        index
    })
}

/// Makes each known long name written in the text one ORG mention, over the mentions inside or
/// across it. A mention that already holds the whole name (`U.S. Department of Justice`) stays;
/// one that begins before it gives the name its start (`U.S. Fish` + `and Wildlife Service`), and
/// one that runs on after it keeps only its words after the name.
pub(super) fn written_whole(text: &str, tokens: &[Token], sents: &[Range<usize>], ms: &mut Vec<FoundMention>) {
    let index = long_names();
    let mut found: Vec<Range<usize>> = Vec::new();
    let mut i = 0;
    while i < tokens.len() {
        // Every known name opens with a capital: most tokens need no lookup.
        let word = tokens[i].text(text);
        let candidates = if word.starts_with(char::is_uppercase) { index.get(word) } else { None };
        let longest = candidates.and_then(|names| {
            names
                .iter()
                .filter(|n| tokens.get(i..i + n.len()).is_some_and(|ts| ts.iter().zip(n.iter()).all(|(t, w)| t.text(text) == *w)))
                .map(Vec::len)
                .max()
        });
        match longest {
            Some(len) => {
                found.push(i..i + len);
                i += len;
            }
            None => i += 1,
        }
    }
    for r in found {
        if ms.iter().any(|m| m.tokens.start <= r.start && r.end <= m.tokens.end) {
            continue;
        }
        let overlaps = |m: &FoundMention| m.tokens.start < r.end && r.start < m.tokens.end;
        let start = ms.iter().filter(|m| overlaps(m)).map(|m| m.tokens.start).fold(r.start, usize::min);
        for m in ms.iter_mut().filter(|m| overlaps(m) && m.tokens.end > r.end) {
            m.tokens.start = r.end;
            m.span.start = tokens[r.end].start as usize;
            // What an organisation's mention ran on into after the name is a person's when it
            // opens with a given name (`… and Development Karen Kornbluh`, an ambassador).
            let given = crate::ner::features::is_first_name(tokens[r.end].text(text));
            if given && (2..=3).contains(&m.tokens.len()) {
                m.kind = EntityType::Person;
            }
        }
        ms.retain(|m| !overlaps(m));
        let sentence = sents.partition_point(|s| s.end <= start);
        let span = tokens[start].start as usize..tokens[r.end - 1].end as usize;
        let at = ms.partition_point(|m| m.tokens.start < start);
        ms.insert(at, FoundMention { span, kind: EntityType::Org, tokens: start..r.end, sentence });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(text: &str, tagged: &[(&str, EntityType)]) -> Vec<(String, EntityType)> {
        let tokens = crate::tokens::tokenize(text);
        let mut ms: Vec<FoundMention> = tagged
            .iter()
            .filter_map(|(name, kind)| {
                let at = text.find(name)?;
                super::super::tests::mention_at(&tokens, at, name, *kind)
            })
            .collect();
        let one_sentence: Range<usize> = 0..tokens.len();
        written_whole(text, &tokens, std::slice::from_ref(&one_sentence), &mut ms);
        ms.iter().map(|m| (text[m.span.clone()].to_string(), m.kind)).collect()
    }

    #[test]
    fn a_known_name_with_and_or_commas_is_one_organisation() {
        use EntityType::{Misc, Org};
        let text = "Agents of the U.S. Fish and Wildlife Service and the Bureau of Alcohol, Tobacco, Firearms and \
                    Explosives met the Cybersecurity and Infrastructure Security Agency.";
        let tagged = [
            ("U.S. Fish", Misc),
            ("Wildlife Service", Org),
            ("Bureau of Alcohol", Org),
            ("Infrastructure Security Agency", Org),
        ];
        assert_eq!(
            names(text, &tagged),
            [
                ("U.S. Fish and Wildlife Service".to_string(), Org),
                ("Bureau of Alcohol, Tobacco, Firearms and Explosives".to_string(), Org),
                ("Cybersecurity and Infrastructure Security Agency".to_string(), Org),
            ]
        );
        // A person named right after the name keeps their name, and is a person even when the
        // tagger read the two as one organisation.
        let text = "Obama's ambassador to the Organization for Economic Cooperation and Development Karen Kornbluh left.";
        let tagged = [("Economic Cooperation and Development Karen Kornbluh", Org)];
        assert_eq!(
            names(text, &tagged),
            [
                ("Organization for Economic Cooperation and Development".to_string(), Org),
                ("Karen Kornbluh".to_string(), EntityType::Person)
            ]
        );
        // A person named right after the name keeps their name.
        let text = "said Food and Drug Administration Commissioner Robert Califf.";
        let tagged = [("Drug Administration Commissioner Robert Califf", EntityType::Person)];
        assert_eq!(
            names(text, &tagged),
            [
                ("Food and Drug Administration".to_string(), Org),
                ("Commissioner Robert Califf".to_string(), EntityType::Person)
            ]
        );
        // A longer name that holds it stays as the tagger found it.
        let text = "The U.S. Department of Justice and the Food and Drug Administration of the past.";
        let tagged = [("U.S. Department of Justice", Org)];
        assert_eq!(
            names(text, &tagged),
            [("U.S. Department of Justice".to_string(), Org), ("Food and Drug Administration".to_string(), Org)]
        );
    }
}
