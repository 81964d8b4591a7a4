//! Names that only qualify the noun of a speaker phrase, kept from being its speaker once the
//! quotes are final. `Obama administration officials`, `Trump’s lawyers`: a person named before
//! the plural noun the phrase ends in says whose they are. `The Indiana governor`, `A New York
//! judge`, `A U.S. study`: a place named before the noun says where they are from. They speak,
//! unnamed, not that person or place. This runs after the quote filter, which learned from
//! speakers linked as the rules link them: done before it, the filter dropped quotes whose
//! speaker became unnamed (`NBC News moderator Matt Lauer`'s among them on PolNeAR).

use crate::model::{Entity, EntityType, Quote, TextField};

/// Words after a name that join it to more of the phrase rather than start the noun it
/// qualifies (`San Francisco and Los Angeles`, `Texas in 2020`).
const JOINING: &[&str] = &["and", "or", "nor", "of", "in", "on", "at", "for", "to", "by", "with", "from", "as"];

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
    let rest = rest.split(',').next().unwrap_or("");
    // (A coordination stays: `campaign and some cybersecurity experts` names others too.)
    let preposition = |w: &&str| JOINING.contains(w) && !matches!(*w, "and" | "or" | "nor");
    let head_end = rest.split_whitespace().skip(1).position(|w| preposition(&w));
    let rest = match head_end {
        Some(k) => rest.split_whitespace().take(k + 1).collect::<Vec<_>>().join(" "),
        None => rest.to_string(),
    };
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

    #[test]
    fn a_persons_officials_or_aides_are_not_that_person() {
        for (phrase, person) in [
            ("Obama administration officials", "Obama"),
            ("Trump’s lawyers", "Trump"),
            ("McConnell aides", "McConnell"),
            ("Michael Shadlen and colleagues", "Michael Shadlen"),
            ("Neither Clinton nor her allies", "Clinton"),
            ("Joe Carbone, who works", "Joe Carbone"),
            ("Cruz’s friends, aides and allies", "Cruz"),
            ("Clinton’s biggest boosters in New Hampshire", "Clinton"),
            ("A Trump aide", "Trump"),
            ("one Clinton campaign adviser", "Clinton"),
            ("A Joe Carbone", "Joe Carbone"),
            ("A furious Joe Carbone", "Joe Carbone"),
            ("Trump aide", "Trump"),
            ("a Trump supporter who runs the account", "Trump"),
            ("a Trump tweet", "Trump"),
            ("the Lincoln actor", "Lincoln"),
            ("A spokeswoman for Fiorina", "Fiorina"),
            ("a communications aide for Mr. Lyovochkin", "Lyovochkin"),
            ("the ex-wife of Alan Grayson", "Alan Grayson"),
            ("a spokesman for the Clinton campaign", "Clinton"),
            ("the campaign of Hillary Clinton", "Hillary Clinton"),
            ("Secretary of State John Kerry", "John Kerry"),
            ("John Kerry, a friend of Kerry", "Kerry"),
            ("Speaker of the House Rep. Paul Ryan", "House Rep. Paul Ryan"),
            ("Aides to Clinton", "Clinton"),
            ("A Warren adviser, who", "Warren"),
        ] {
            let text = format!("{phrase} said the talks had failed.");
            let ents = [entity(&text, "E1", person, EntityType::Person)];
            let mut quotes = [quote(&text, "the talks", phrase, 0, Some("E1"))];
            unlink_qualifying_names(&text, &mut quotes, &ents);
            let linked = quotes[0].speaker.as_ref().and_then(|s| s.entity.clone());
            let others = ["Obama administration officials", "Trump’s lawyers", "McConnell aides", "A Trump aide", "one Clinton campaign adviser", "Cruz’s friends, aides and allies", "Clinton’s biggest boosters in New Hampshire", "a Trump supporter who runs the account",
                "the Lincoln actor",
                "A spokeswoman for Fiorina",
                "a communications aide for Mr. Lyovochkin",
                "the ex-wife of Alan Grayson",
                "a spokesman for the Clinton campaign",
                "A Warren adviser, who",
                "Aides to Clinton"]
                .contains(&phrase);
            assert_eq!(linked.is_none(), others, "{phrase}");
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
            let text = format!("{phrase} said the talks had failed.");
            let ents = [entity(&text, "E1", org, EntityType::Org)];
            let mut quotes = [quote(&text, "the talks", phrase, 0, Some("E1"))];
            unlink_qualifying_names(&text, &mut quotes, &ents);
            let linked = quotes[0].speaker.as_ref().and_then(|s| s.entity.clone());
            assert_eq!(linked.is_none(), qualifies, "{phrase}");
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
            let text = format!("{phrase} said the talks had failed.");
            let ents = [entity(&text, "E1", place, EntityType::Loc)];
            let mut quotes = [quote(&text, "the talks", phrase, 0, Some("E1"))];
            unlink_qualifying_names(&text, &mut quotes, &ents);
            let linked = quotes[0].speaker.as_ref().and_then(|s| s.entity.clone());
            assert_eq!(linked.is_none(), qualifies, "{phrase}");
        }
    }
}
