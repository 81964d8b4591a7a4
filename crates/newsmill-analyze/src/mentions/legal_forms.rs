//! A company's legal form after a comma belongs to its name: `Oz Moving & Storage, Inc.`,
//! `Meta Platforms Technologies, LLC`. Wire news writes `Acme Inc` without the comma, so the
//! tagger ends the name at the comma and takes the form for a name of its own (`Inc.`) or for
//! nothing; directories, filings and service pages write it with one.

use super::FoundMention;
use crate::model::EntityType;
use crate::tokens::Token;

/// Legal forms, as written (a final period is optional).
const LEGAL_FORMS: &[&str] = &["Inc", "LLC", "L.L.C", "Corp", "Co", "Ltd", "LLP", "L.P", "PLC", "plc"];

/// Whether token `i` is a legal form (`Co` only with its period: `Co.`).
fn is_legal_form(text: &str, tokens: &[Token], i: usize) -> bool {
    let Some(word) = tokens.get(i).map(|t| t.text(text)) else { return false };
    let bare = word.strip_suffix('.').unwrap_or(word);
    LEGAL_FORMS.contains(&bare) && (bare != "Co" || word.ends_with('.'))
}

/// The legal form that follows mention `m` after a comma, as the index of its token.
fn form_after(text: &str, tokens: &[Token], m: &FoundMention) -> Option<usize> {
    let comma = m.tokens.end;
    let at_comma = tokens.get(comma).is_some_and(|t| t.text(text) == "," && t.start as usize == m.span.end);
    let gap = tokens.get(comma + 1).and_then(|t| text.get(tokens[comma].end as usize..t.start as usize));
    (at_comma && matches!(gap, Some("" | " ")) && is_legal_form(text, tokens, comma + 1)).then_some(comma + 1)
}

/// Extends each name that a legal form follows after a comma by that form, making it an
/// organisation's, and drops a mention that was only the form.
pub(super) fn join_legal_forms(text: &str, tokens: &[Token], ms: &mut Vec<FoundMention>) {
    let mut out: Vec<FoundMention> = Vec::with_capacity(ms.len());
    for m in ms.drain(..) {
        if let Some(last) = out.last()
            && form_after(text, tokens, last).is_some_and(|at| m.tokens == (at..at + 1))
        {
            continue;
        }
        out.push(m);
    }
    for m in &mut out {
        if m.kind == EntityType::Person {
            continue;
        }
        if let Some(at) = form_after(text, tokens, m) {
            m.tokens.end = at + 1;
            m.span.end = tokens[at].end as usize;
            m.kind = EntityType::Org;
        }
    }
    *ms = out;
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(text: &str, found: &[(std::ops::Range<usize>, EntityType)]) -> Vec<(String, EntityType)> {
        super::super::after_pass(text, found, join_legal_forms)
    }

    #[test]
    fn a_legal_form_after_a_comma_joins_the_company_name() {
        // Oz Moving & Storage , Inc. moved us .
        let text = "Oz Moving & Storage, Inc. moved us.";
        assert_eq!(joined(text, &[(0..4, EntityType::Org)]), [("Oz Moving & Storage, Inc.".to_string(), EntityType::Org)]);
        // The form tagged as a name of its own goes into the company's.
        assert_eq!(
            joined(text, &[(0..4, EntityType::Org), (5..6, EntityType::Org)]),
            [("Oz Moving & Storage, Inc.".to_string(), EntityType::Org)]
        );
        let text = "Meta Platforms Technologies, LLC filed it.";
        assert_eq!(joined(text, &[(0..3, EntityType::Misc)]), [("Meta Platforms Technologies, LLC".to_string(), EntityType::Org)]);
    }

    #[test]
    fn no_company_no_form_and_people_keep_their_names() {
        let text = "Unlike other business structures, LLC owners are protected.";
        assert!(joined(text, &[]).is_empty());
        let text = "Ask Dana Smith, Co-founder of Acme.";
        assert_eq!(joined(text, &[(1..3, EntityType::Person)]), [("Dana Smith".to_string(), EntityType::Person)]);
        let text = "Acme, Co-op members said.";
        assert_eq!(joined(text, &[(0..1, EntityType::Org)]), [("Acme".to_string(), EntityType::Org)]);
    }
}
