//! Possessives inside names. The tagger, taught by wire news where `'s` ends a name
//! (`Britain's Foreign Office`), splits names that hold one:
//! - a business named after its owner (`Dick's Sporting Goods`, `Gold's Gym`, `Noah's Ark
//!   Moving & Storage Inc.`), whose owner it takes for a person and the rest for another name
//!   or none. Only a business's own kind of last word (`Goods`, `Gym`, `Moving`, `Inc.`) joins
//!   them, so a country's ministry or a president's department stay two names;
//! - a name that opens with a group of people in the possessive (`Democratic People's Republic
//!   of Korea`, `Women's National Basketball Association`, `Teachers' Union of Ireland`), of
//!   which it keeps only the part after the possessive.

use super::FoundMention;
use crate::model::EntityType;
use crate::tokens::Token;

/// Last words of businesses named after their owners.
const BUSINESS_HEADS: &[&str] = &[
    "Appliance", "Appliances", "Auto", "Bakery", "Bikes", "Brewery", "Cafe", "Café", "Cleaning", "Club", "Co.", "Company",
    "Construction", "Corp", "Corp.", "Corporation", "Diner", "Distillery", "E-Bikes", "Farm", "Farms", "Foods",
    "Furniture", "Garage", "Goods", "Grill", "Gym", "Hardware", "Inc", "Inc.", "Insurance", "Kitchen", "Landscaping",
    "LLC", "Ltd", "Ltd.", "Market", "Mill", "Motors", "Movers", "Moving", "Pharmacy", "Plumbing", "Pub", "Realty",
    "Relocation", "Restaurant", "Salon", "Services", "Shop", "Sons", "Storage", "Store", "Stores",
    "Studio", "Systems", "Tavern", "Trucking", "Winery",
];

/// The token index just past a possessive `'s` that touches the end of mention `m` and is
/// followed by one space.
fn after_possessive(text: &str, tokens: &[Token], m: &FoundMention) -> Option<usize> {
    let s = tokens.get(m.tokens.end)?;
    let next = tokens.get(m.tokens.end + 1)?;
    let possessive = matches!(s.text(text), "'s" | "’s") && s.start as usize == m.span.end;
    let spaced = text.get(s.end as usize..next.start as usize) == Some(" ");
    (possessive && spaced).then_some(m.tokens.end + 1)
}

/// The end (token index) of the run of capitalized words (and `&`) from `from`, if its last
/// word is a business head (`Gold's Gym offered`, not `Smith's Moving Day plans`).
fn business_run_end(text: &str, tokens: &[Token], from: usize) -> Option<usize> {
    let mut end = from;
    for (i, t) in tokens.iter().enumerate().skip(from) {
        let word = t.text(text);
        let spaced = i == from || text.get(tokens[i - 1].end as usize..t.start as usize) == Some(" ");
        if !spaced || !(word == "&" || word.starts_with(char::is_uppercase)) {
            break;
        }
        end = i + 1;
    }
    (end > from && is_business_head(text, &tokens[end - 1])).then_some(end)
}

fn is_business_head(text: &str, t: &Token) -> bool {
    BUSINESS_HEADS.contains(&t.text(text))
}

/// Whether mention `m` can be the owner a business is named after: a person or a name the
/// lists do not know as an organisation (`Google's Cloud Services` is Google's) or a place,
/// and that the text never names on its own (`Mike Piper's Open Social Security` is a tool by
/// the author Mike Piper, `NETGEAR's Orbi Mesh WiFi Systems` a product of NETGEAR).
fn may_own_business(text: &str, m: &FoundMention) -> bool {
    use crate::lang::en::lexicon::{is_known_org, type_by_last_word};
    let name = &text[m.span.clone()];
    let kind = match m.kind {
        EntityType::Person => true,
        EntityType::Org | EntityType::Misc => !is_known_org(name) && type_by_last_word(name, m.kind) != Some(EntityType::Org),
        EntityType::Loc => false,
    };
    let brand = name.chars().filter(|c| c.is_alphabetic()).all(|c| c.is_uppercase());
    kind && !brand && !named_alone(text, name)
}

/// Whether `name` occurs in `text` as a word of its own without a possessive after it.
fn named_alone(text: &str, name: &str) -> bool {
    text.match_indices(name).any(|(at, _)| {
        let before = text[..at].chars().next_back();
        let after = text[at + name.len()..].chars().next();
        before.is_none_or(|c| !c.is_alphanumeric()) && after.is_none_or(|c| !c.is_alphanumeric() && c != '\'' && c != '’')
    })
}

/// Joins an owner's name, its `'s` and the business name after it into one organisation's
/// name: the mention after it when the tagger found one, else the capitalized words there.
pub(super) fn join_possessive_businesses(text: &str, tokens: &[Token], ms: &mut Vec<FoundMention>) {
    let mut out: Vec<FoundMention> = Vec::with_capacity(ms.len());
    let mut rest = std::mem::take(ms).into_iter().peekable();
    while let Some(mut m) = rest.next() {
        let Some(from) = after_possessive(text, tokens, &m).filter(|_| may_own_business(text, &m)) else {
            out.push(m);
            continue;
        };
        let tagged = rest.peek().filter(|n| n.tokens.start == from && n.sentence == m.sentence).map(|n| n.tokens.clone());
        let end = match &tagged {
            Some(n) => is_business_head(text, &tokens[n.end - 1]).then_some(n.end),
            None => business_run_end(text, tokens, from).filter(|&e| rest.peek().is_none_or(|n| n.tokens.start >= e)),
        };
        if let Some(end) = end {
            if tagged.is_some() {
                rest.next();
            }
            m.tokens.end = end;
            m.span.end = tokens[end - 1].end as usize;
            m.kind = EntityType::Org;
        }
        out.push(m);
    }
    *ms = out;
}

/// Plural nouns for groups of people that names put in the possessive (`People's Republic`,
/// `Children's Hospital`, `Workers' Party`, `Veterans' Affairs`): never a name's owner.
const GROUP_POSSESSORS: &[&str] = &[
    "People", "Peoples", "Children", "Women", "Men", "Boys", "Girls", "Ladies", "Workers", "Veterans", "Farmers",
    "Teachers", "Citizens", "Nurses", "Students", "Writers", "Artists", "Employees", "Firefighters", "Miners",
    "Mothers", "Parents", "Seniors", "Patients", "Consumers", "Taxpayers", "Soldiers", "Homeowners", "Voters",
    "Journalists", "Physicians", "Officers", "Nations",
];

/// Words that open a sentence or a noun phrase before a name without being part of it.
const NOT_NAME_WORDS: &[&str] = &["The", "A", "An", "This", "That", "These", "Those", "Our", "Their", "His", "Her", "Its"];

/// Extends a name after a group's possessive (`Women's` + `National Basketball Association`)
/// back over the group and the capitalized words before it on the same line, taking in a name
/// the tagger ended there (`Democratic People` + `'s` + `Republic of Korea`); the whole name
/// has the type of its last part, the head of an English name.
pub(super) fn join_group_possessives(text: &str, tokens: &[Token], ms: &mut Vec<FoundMention>) {
    let spaced = |a: usize, b: usize| text.get(tokens[a].end as usize..tokens[b].start as usize) == Some(" ");
    let mut k = 0;
    while k < ms.len() {
        let start = ms[k].tokens.start;
        let Some(group) = start.checked_sub(2) else {
            k += 1;
            continue;
        };
        let mark = tokens[group + 1];
        let possessive = matches!(mark.text(text), "'s" | "’s" | "'" | "’") && mark.start == tokens[group].end;
        if !possessive || !spaced(group + 1, start) || !GROUP_POSSESSORS.contains(&tokens[group].text(text)) {
            k += 1;
            continue;
        }
        let mut first = group;
        while first > 0 && spaced(first - 1, first) {
            let w = tokens[first - 1].text(text);
            if !w.starts_with(char::is_uppercase) || NOT_NAME_WORDS.contains(&w) {
                break;
            }
            first -= 1;
        }
        // A name the tagger ended inside the run goes into the whole; one before it stays.
        if k > 0 && ms[k - 1].tokens.end > first && ms[k - 1].tokens.end <= group + 1 {
            first = first.min(ms[k - 1].tokens.start);
            ms.remove(k - 1);
            k -= 1;
        }
        ms[k].tokens.start = first;
        ms[k].span.start = tokens[first].start as usize;
        k += 1;
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn joined(text: &str, found: &[(std::ops::Range<usize>, EntityType)]) -> Vec<(String, EntityType)> {
        super::super::after_pass(text, found, join_possessive_businesses)
    }

    #[test]
    fn an_owner_and_the_business_after_the_possessive_are_one_organisation() {
        use EntityType::*;
        // Dick 's Sporting Goods reported sales .
        let text = "Dick's Sporting Goods reported sales.";
        assert_eq!(joined(text, &[(0..1, Person), (2..4, Org)]), [("Dick's Sporting Goods".to_string(), Org)]);
        // Gold 's Gym offered classes : nothing tagged after the possessive.
        let text = "Gold's Gym offered classes.";
        assert_eq!(joined(text, &[(0..1, Org)]), [("Gold's Gym".to_string(), Org)]);
        let text = "Millie’s Cleaning Services and Acme Inc. agreed.";
        assert_eq!(
            joined(text, &[(0..1, Person), (5..7, Org)]),
            [("Millie’s Cleaning Services".to_string(), Org), ("Acme Inc.".to_string(), Org)]
        );
    }

    #[test]
    fn a_group_in_the_possessive_opens_the_name_after_it() {
        use EntityType::*;
        let grouped = |text: &str, found: &[(std::ops::Range<usize>, EntityType)]| {
            super::super::after_pass(text, found, join_group_possessives)
        };
        // The Democratic People 's Republic of Korea fired .
        let text = "The Democratic People's Republic of Korea fired.";
        assert_eq!(grouped(text, &[(1..3, Org), (4..7, Loc)]), [("Democratic People's Republic of Korea".to_string(), Loc)]);
        let text = "The Women's National Basketball Association grew.";
        assert_eq!(grouped(text, &[(3..6, Org)]), [("Women's National Basketball Association".to_string(), Org)]);
        let text = "The Teachers' Union of Ireland struck.";
        assert_eq!(grouped(text, &[(3..6, Org)]), [("Teachers' Union of Ireland".to_string(), Org)]);
        // An owner, a country or a lower-case group is no group of people in a name.
        for (text, found) in [
            ("Trump's Justice Department said so.", [(0..1, Person), (2..4, Org)]),
            ("China's Commerce Ministry said so.", [(0..1, Loc), (2..4, Org)]),
        ] {
            assert_eq!(grouped(text, &found).len(), 2, "{text}");
        }
        let text = "The women's Tour de France began.";
        assert_eq!(grouped(text, &[(3..6, Misc)]), [("Tour de France".to_string(), Misc)]);
    }

    #[test]
    fn a_country_s_ministry_and_a_person_s_words_stay_apart() {
        use EntityType::*;
        let text = "China's Commerce Ministry said so.";
        assert_eq!(
            joined(text, &[(0..1, Loc), (2..4, Org)]),
            [("China".to_string(), Loc), ("Commerce Ministry".to_string(), Org)]
        );
        let text = "Trump's Justice Department said so.";
        assert_eq!(
            joined(text, &[(0..1, Person), (2..4, Org)]),
            [("Trump".to_string(), Person), ("Justice Department".to_string(), Org)]
        );
        let text = "Google's Cloud Services grew.";
        assert_eq!(joined(text, &[(0..1, Org), (2..4, Org)]), [("Google".to_string(), Org), ("Cloud Services".to_string(), Org)]);
        let text = "Mike Piper's Open Social Security helps. Mike Piper wrote it.";
        assert_eq!(joined(text, &[(0..2, Person), (3..6, Org), (9..11, Person)])[0], ("Mike Piper".to_string(), Person));
        let text = "NETGEAR's Orbi Mesh WiFi Systems sell well.";
        assert_eq!(joined(text, &[(0..1, Org), (2..6, Org)])[0], ("NETGEAR".to_string(), Org));
        let text = "Smith's Moving Day plans changed.";
        assert_eq!(joined(text, &[(0..1, Person)]), [("Smith".to_string(), Person)]);
    }
}
