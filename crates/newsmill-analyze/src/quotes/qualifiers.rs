//! Names that only qualify the noun of a speaker phrase, kept from being its speaker once the
//! quotes are final. `Obama administration officials`, `Trump’s lawyers`: a person named before
//! the plural noun the phrase ends in says whose they are. `The Indiana governor`, `A New York
//! judge`, `A U.S. study`: a place named before the noun says where they are from. `A Trump
//! aide`, `A spokeswoman for Fiorina`, `a Carrier executive`: a role's holder, not the person or
//! organisation named with it. They speak, unnamed, not that person, place or organisation. This runs after the quote filter, which learned from
//! speakers linked as the rules link them: done before it, the filter dropped quotes whose
//! speaker became unnamed (`NBC News moderator Matt Lauer`'s among them on PolNeAR).

use crate::model::{Entity, EntityType, Quote, TextField};

/// Words after a name that join it to more of the phrase rather than start the noun it
/// qualifies (`San Francisco and Los Angeles`, `Texas in 2020`).
pub(super) const JOINING: &[&str] = &["and", "or", "nor", "of", "in", "on", "at", "for", "to", "by", "with", "from", "as"];

/// Leaves unnamed each speaker whose entity the phrase names only to qualify its noun.
pub fn unlink_qualifying_names(text: &str, quotes: &mut [Quote], entities: &[Entity]) {
    for s in quotes.iter_mut().filter_map(|q| q.speaker.as_mut()) {
        let Some(e) = s.entity.as_ref().and_then(|id| entities.iter().find(|e| &e.id == id)) else { continue };
        let span = s.span.clone();
        let qualifies = |m: &crate::model::Mention| {
            let rest = text.get(m.span.end..span.end).unwrap_or("");
            let before = text.get(span.start..m.span.start).unwrap_or("");
            match e.kind {
                EntityType::Person => {
                    names_others(rest) || (determiner(before) && opens_with_a_role(rest)) || complement_of_a_role(before)
                }
                EntityType::Loc => starts_a_noun(rest),
                // `the former HP executive`, `A TikTok representative`, `Con Edison officials`:
                // people of the organisation, who speak for it only unnamed.
                // `a spokesman for the State Department`: the same, named after the role.
                EntityType::Org => super::resolve::names_a_role(rest) || complement_of_a_role(before),
                _ => false,
            }
        };
        let inside: Vec<&crate::model::Mention> = e
            .mentions
            .iter()
            .filter(|m| m.field == TextField::Body && span.start <= m.span.start && m.span.end <= span.end)
            .collect();
        // `Callan Spicher, vice president of Spicher’s Appliance`: named as the speaker too.
        if !inside.is_empty() && inside.iter().all(|m| qualifies(m)) {
            s.entity = None;
            s.name = None;
        }
    }
}

/// Whether what follows a person's name in a speaker phrase makes the phrase name other people
/// (` administration officials`, `’s lawyers`): lower-case words ending in a plural noun, not
/// an apposition (`, who works`) nor a list (` and colleagues`, ` nor her allies` count the
/// person in).
fn names_others(rest: &str) -> bool {
    let rest = rest.strip_prefix("’s").or_else(|| rest.strip_prefix("'s")).unwrap_or(rest);
    // The head noun ends at a comma or a preposition (`’s friends, aides and allies`, `’s
    // biggest boosters in New Hampshire`).
    // (A coordination stays: `campaign and some cybersecurity experts` names others too.)
    let preposition = |w: &&str| JOINING.contains(w) && !matches!(*w, "and" | "or" | "nor");
    let words: Vec<&str> = rest.split(',').next().unwrap_or("").split_whitespace().collect();
    let head_end = words.iter().skip(1).position(preposition).map_or(words.len(), |k| k + 1);
    let rest = words[..head_end].join(" ");
    let rest = rest.as_str();
    let mut words = rest.split_whitespace();
    let first = words.clone().next();
    first.is_some_and(|w| !JOINING.contains(&w))
        && words.all(|w| w.starts_with(char::is_lowercase) && w.chars().all(|c| c.is_alphabetic() || c == '-'))
        && super::plural::ends_in_plural_noun(rest)
}

/// Whether the words before a name in a speaker phrase are only a determiner: `A Trump aide`,
/// `one Clinton adviser`, `the Lincoln actor` are someone other than the person named.
fn determiner(before: &str) -> bool {
    matches!(before.trim().to_lowercase().as_str(), "a" | "an" | "one" | "another" | "the")
}

/// Whether a name is the complement of a role the phrase opens with (`A spokeswoman for
/// Fiorina`, `a communications aide for Mr. Lyovochkin`, `the ex-wife of Alan Grayson`): the
/// role's holder speaks, not the person named.
fn complement_of_a_role(before: &str) -> bool {
    let mut words = before.split_whitespace().rev().peekable();
    let mut article = false;
    while let Some(w) = words.next_if(|w| w.eq_ignore_ascii_case("the") || super::sex::of_honorific(w).is_some()) {
        article |= w.eq_ignore_ascii_case("the");
    }
    let linked = words.next().is_some_and(|w| matches!(w, "for" | "to" | "of" | "with"));
    let role = words.next().map(|w| w.strip_prefix("ex-").unwrap_or(w));
    // A capitalized role before `of the` is a title whose name the tagger joined to the
    // person's (`Speaker of the House Rep. Paul Ryan`); `Aides to Clinton` opens a sentence.
    let title = role.is_some_and(|r| r.starts_with(char::is_uppercase)) && article;
    linked && !title && role.is_some_and(super::speech::is_person_noun)
}

/// Whether what follows a name opens with a role it qualifies (` aide`, ` campaign source`,
/// ` supporter who runs …`), not a thing of the person's (` tweet`).
fn opens_with_a_role(rest: &str) -> bool {
    let phrase = rest.split(',').next().unwrap_or("");
    let words: Vec<&str> = phrase.split_whitespace().collect();
    (1..=words.len()).any(|k| super::resolve::names_a_role(&words[..k].join(" ")))
}

/// Whether what follows a place's name in a speaker phrase is the noun it qualifies
/// (` governor`, ` county chairman`), not more of the phrase (` and Los Angeles`).
fn starts_a_noun(rest: &str) -> bool {
    let next = rest.strip_prefix(' ').and_then(|t| t.split_whitespace().next());
    next.is_some_and(|w| w.starts_with(char::is_lowercase) && !JOINING.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::super::plural::tests::{entity, quote};
    use super::*;

    /// Whether `phrase`, the speaker of a quote and linked to the entity `name` of `kind`, is
    /// left unnamed.
    fn unlinked(phrase: &str, name: &str, kind: EntityType) -> bool {
        let text = format!("{phrase} said the talks had failed.");
        let ents = [entity(&text, "E1", name, kind)];
        let mut quotes = [quote(&text, "the talks", phrase, 0, Some("E1"))];
        unlink_qualifying_names(&text, &mut quotes, &ents);
        quotes[0].speaker.as_ref().is_some_and(|s| s.entity.is_none())
    }

    #[test]
    fn a_persons_officials_or_aides_are_not_that_person() {
        for (phrase, person, others) in [
            ("Obama administration officials", "Obama", true),
            ("Trump’s lawyers", "Trump", true),
            ("McConnell aides", "McConnell", true),
            ("Michael Shadlen and colleagues", "Michael Shadlen", false),
            ("Neither Clinton nor her allies", "Clinton", false),
            ("Joe Carbone, who works", "Joe Carbone", false),
            ("Cruz’s friends, aides and allies", "Cruz", true),
            ("Clinton’s biggest boosters in New Hampshire", "Clinton", true),
            ("A Trump aide", "Trump", true),
            ("one Clinton campaign adviser", "Clinton", true),
            ("A Joe Carbone", "Joe Carbone", false),
            ("A furious Joe Carbone", "Joe Carbone", false),
            ("Trump aide", "Trump", false),
            ("a Trump supporter who runs the account", "Trump", true),
            ("a Trump tweet", "Trump", false),
            ("the Lincoln actor", "Lincoln", true),
            ("A spokeswoman for Fiorina", "Fiorina", true),
            ("a communications aide for Mr. Lyovochkin", "Lyovochkin", true),
            ("the ex-wife of Alan Grayson", "Alan Grayson", true),
            ("a spokesman for the Clinton campaign", "Clinton", true),
            ("the campaign of Hillary Clinton", "Hillary Clinton", false),
            ("Secretary of State John Kerry", "John Kerry", false),
            ("John Kerry, a friend of Kerry", "Kerry", false),
            ("Speaker of the House Rep. Paul Ryan", "House Rep. Paul Ryan", false),
            ("Aides to Clinton", "Clinton", true),
            ("A Warren adviser, who", "Warren", true),
        ] {
            assert_eq!(unlinked(phrase, person, EntityType::Person), others, "{phrase}");
        }
    }

    #[test]
    fn an_organisations_people_are_not_the_organisation() {
        for (phrase, org, qualifies) in [
            ("the former HP executive", "HP", true),
            ("A TikTok representative", "TikTok", true),
            ("Con Edison officials", "Con Edison", true),
            ("Apple’s spokesman", "Apple", true),
            ("The Clinton Foundation", "Clinton Foundation", false),
            ("the Google team", "Google", false),
            ("a spokesman for the State Department", "State Department", true),
            ("the former CEO of Hewlett-Packard", "Hewlett-Packard", true),
            ("the Ministry of Defence", "Ministry of Defence", false),
            ("The Times newspaper", "The Times", false),
            ("hacked Democratic National Committee documents", "Democratic National Committee", false),
            ("Google", "Google", false),
        ] {
            assert_eq!(unlinked(phrase, org, EntityType::Org), qualifies, "{phrase}");
        }
    }

    #[test]
    fn a_place_before_the_phrases_noun_is_not_the_speaker() {
        for (phrase, place, qualifies) in [
            ("The Indiana governor", "Indiana", true),
            ("A New York judge", "New York", true),
            ("prosecutors in San Francisco and Los Angeles", "San Francisco", false),
            ("The Kremlin", "Kremlin", false),
        ] {
            assert_eq!(unlinked(phrase, place, EntityType::Loc), qualifies, "{phrase}");
        }
    }
}
