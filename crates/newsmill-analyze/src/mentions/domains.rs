//! Companies and sites named by their domain (`Booking.com`, `TODAY.com`, `Horizon3.ai`): a
//! capitalized name with a web suffix, written in running text, is an organisation by the
//! guidelines, though the wire-news tagger, which never read one, mostly leaves it out. An
//! address (`www.example.com`, `https://…`) is no name and stays out (`not_names::is_address`).

use std::ops::Range;

use super::{FoundMention, add_in_order};
use crate::model::EntityType;
use crate::tokens::Token;

/// Web suffixes of sites named as companies. Country codes are left out: a sentence run on
/// without a space (`in Paris.It was`) ends in two letters as often.
const SUFFIXES: &[&str] = &["com", "org", "net", "io", "ai", "co", "gov", "edu"];

/// Whether `word` is a capitalized name with a web suffix (`Booking.com`, `Make.com`,
/// `Google.org`), not an address (`www.`, a slash) nor a lower-case domain (`arxiv.org`, which
/// reads as an address as often as a name).
pub(crate) fn is_domain_name(word: &str) -> bool {
    domain_stem(word).is_some()
}

/// The name before a domain name's web suffix (`Facebook.com` → `Facebook`); `None` for a word
/// that is no domain name ([`is_domain_name`]).
pub(crate) fn domain_stem(word: &str) -> Option<&str> {
    let (name, suffix) = word.rsplit_once('.')?;
    let domain = SUFFIXES.contains(&suffix)
        && name.starts_with(|c: char| c.is_ascii_uppercase())
        && name.chars().all(|c| c.is_ascii_alphanumeric() || c == '-' || c == '.')
        && !name.to_ascii_lowercase().starts_with("www.");
    domain.then_some(name)
}

/// Adds an ORG mention for each domain name ([`is_domain_name`]) that no mention covers.
pub(super) fn untagged_domain_names(text: &str, tokens: &[Token], sents: &[Range<usize>], ms: &mut Vec<FoundMention>) {
    let mut found = Vec::new();
    for (s, sent) in sents.iter().enumerate() {
        for at in sent.clone() {
            // `Facebook.com/GUMCUpdate` is an address.
            let path = text[tokens[at].end as usize..].starts_with('/');
            if path || !is_domain_name(tokens[at].text(text)) || ms.iter().any(|m| m.tokens.contains(&at)) {
                continue;
            }
            let span = tokens[at].start as usize..tokens[at].end as usize;
            found.push(FoundMention { span, kind: EntityType::Org, tokens: at..at + 1, sentence: s });
        }
    }
    add_in_order(ms, found);
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn capitalized_names_with_a_web_suffix_are_domain_names() {
        for name in ["Booking.com", "TODAY.com", "Horizon3.ai", "Google.org", "Investor.gov", "NutritionFacts.org"] {
            assert!(is_domain_name(name), "{name}");
        }
        for word in ["arxiv.org", "www.Example.com", "U.S.", "Inc.", "Jan.com/x", "example.com", "St.Louis"] {
            assert!(!is_domain_name(word), "{word}");
        }
    }
}
