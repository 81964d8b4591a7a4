//! A product's model designation belongs to its name: `Samsung Galaxy Buds` + `3 Pro`, `Acer
//! Swift 16` + `AI`, `Nvidia GeForce RTX` + `5070`. The tagger learned from wire news, where a
//! number after a name is a score or a count, and leaves the designation out; reviews and
//! product round-ups name every product this way.

use super::FoundMention;
use crate::model::EntityType;
use crate::tokens::Token;

/// Words that finish a model's name after it (`Pro`, `Max`, `SE`), as written.
const MODEL_WORDS: &[&str] =
    &["Pro", "Max", "Plus", "Ultra", "Mini", "Air", "Lite", "SE", "AI", "XL", "XS", "FE", "Neo", "Edge", "II", "III"];

/// Words after a number that make it a count, a measure, a time or a range, not a model's
/// number.
const COUNTED: &[&str] = &[
    "million", "billion", "thousand", "hundred", "percent", "per", "of", "times", "years", "months", "weeks", "days",
    "hours", "minutes", "seconds", "people", "users", "customers", "employees", "stores", "locations", "countries",
    "points", "cents", "dollars", "euros", "pounds", "am", "pm", "to", "and", "or",
];

/// Most tokens a designation adds.
const MAX_MODEL_TOKENS: usize = 3;

/// Extends product names by the model designation that follows them.
pub(super) fn extend_model_names(text: &str, tokens: &[Token], ms: &mut [FoundMention]) {
    for k in 0..ms.len() {
        // Products are MISC; an organisation followed by a number is a team and its score in
        // wire news (`Barnsley 2 Bolton 1`). No designation follows an adjective (`Palo
        // Alto-based AI startup`).
        let last = tokens[ms[k].tokens.end - 1].text(text);
        if ms[k].kind != EntityType::Misc || last.contains('-') && last.ends_with(|c: char| c.is_lowercase()) {
            continue;
        }
        let limit = ms.get(k + 1).map_or(tokens.len(), |next| next.tokens.start);
        let mut end = ms[k].tokens.end;
        while end < limit && end - ms[k].tokens.end < MAX_MODEL_TOKENS && adjacent(text, tokens, end) {
            let (word, before) = (tokens[end].text(text), tokens[end - 1].text(text));
            let after = tokens.get(end + 1).map(|t| t.text(text));
            // `AI` after a name is mostly a noun (`GKE AI workloads`); after a number, a model's.
            let noun_ai = word == "AI" && !before.contains(|c: char| c.is_ascii_digit());
            if noun_ai || !is_model_part(word, after) {
                break;
            }
            end += 1;
        }
        if end > ms[k].tokens.end {
            ms[k].tokens.end = end;
            ms[k].span.end = tokens[end - 1].end as usize;
        }
    }
}

/// Whether token `i` follows token `i - 1` after exactly one space.
fn adjacent(text: &str, tokens: &[Token], i: usize) -> bool {
    i > 0 && text.get(tokens[i - 1].end as usize..tokens[i].start as usize) == Some(" ")
}

/// Whether `word`, followed by `after`, is part of a model designation: a model word, or a
/// short number or number-and-letters (`3`, `5070`, `V4`, `S24`) that is no year and no count.
fn is_model_part(word: &str, after: Option<&str>) -> bool {
    if MODEL_WORDS.contains(&word) {
        return true;
    }
    let digits = word.chars().filter(char::is_ascii_digit).count();
    let alnum = word.chars().all(|c| c.is_ascii_alphanumeric());
    // Lower-case letters make a measure or an ordinal (`60g`, `40mm`, `5th`), not a model.
    if digits == 0 || !alnum || word.len() > 5 || word.contains(|c: char| c.is_ascii_lowercase()) {
        return false;
    }
    let year = digits == 4 && word.len() == 4 && (word.starts_with("19") || word.starts_with("20"));
    // `B2B`, `B2C`, `P2P`: kinds of business, not models.
    let business = word.len() == 3 && word.as_bytes()[1] == b'2' && digits == 1;
    let counts = after.is_some_and(|a| a == "%" || COUNTED.contains(&a.to_ascii_lowercase().as_str()));
    !year && !business && !counts
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extended(text: &str, name: &str, kind: EntityType) -> String {
        let tokens = crate::tokens::tokenize(text);
        let start = text.find(name).unwrap_or(0);
        let first = tokens.iter().position(|t| t.start as usize == start).unwrap_or(0);
        let last = tokens.iter().position(|t| t.end as usize == start + name.len()).unwrap_or(0);
        let mut ms = [FoundMention { span: start..start + name.len(), kind, tokens: first..last + 1, sentence: 0 }];
        extend_model_names(text, &tokens, &mut ms);
        text[ms[0].span.clone()].to_string()
    }

    #[test]
    fn a_model_designation_joins_the_products_name() {
        use EntityType::{Misc, Org, Person};
        assert_eq!(extended("The Samsung Galaxy Buds 3 Pro are great.", "Samsung Galaxy Buds", Misc), "Samsung Galaxy Buds 3 Pro");
        assert_eq!(extended("Buy the Acer Swift 16 AI today.", "Acer Swift 16", Misc), "Acer Swift 16 AI");
        assert_eq!(extended("The Nvidia GeForce RTX 5070 is fast.", "Nvidia GeForce RTX", Misc), "Nvidia GeForce RTX 5070");
        assert_eq!(extended("Barnsley 2 Bolton 1", "Barnsley", Org), "Barnsley", "a team and its score");
        assert_eq!(extended("A Palo Alto-based AI startup.", "Palo Alto-based", Misc), "Palo Alto-based");
        assert_eq!(extended("Klaviyo B2C brands grew.", "Klaviyo", Misc), "Klaviyo");
        assert_eq!(extended("Corsair M75 Air 60g 3393", "Corsair M75", Misc), "Corsair M75 Air", "a table's measures");
        assert_eq!(extended("Run GKE AI workloads.", "GKE", Misc), "GKE");
        // Years, counts and measures are not model numbers; people have none.
        assert_eq!(extended("The iPhone 2024 lineup is out.", "iPhone", Misc), "iPhone");
        assert_eq!(extended("Windows 2 million users left.", "Windows", Misc), "Windows");
        assert_eq!(extended("Bitcoin 12% lower.", "Bitcoin", Misc), "Bitcoin");
        assert_eq!(extended("Serena Williams 6 times won.", "Serena Williams", Person), "Serena Williams");
        assert_eq!(extended("Google\n3 things to know.", "Google", Org), "Google");
    }
}
