//! Speakers who are several people or organisations at once: a source phrase that names them
//! together (`Chiou and Howlett`, `Both Strava’s and ClassPass’s reports`), and a plural
//! description that stands for a group named before it (`the authors` after `a paper by Luna
//! Luan, Yeun Joon Kim and Jing Zhou`; `both experts` after two people were quoted). The
//! group speaks as one: a reader must not credit its words to its first member alone.

use std::ops::Range;

use super::MentionRef;
use crate::model::{EntityType, Speaker};

/// Plural nouns for people who write or speak together (`the authors`, `the researchers`).
const GROUP_NOUNS: &[&str] = &[
    "authors",
    "co-authors",
    "coauthors",
    "researchers",
    "scientists",
    "investigators",
    "experts",
];

/// The members of the group a source phrase names or stands for, in the order the text
/// first names them; `None` when the phrase is one speaker or no group fits.
pub fn members<'a>(text: &str, span: &Range<usize>, mentions: &'a [MentionRef]) -> Option<Vec<&'a MentionRef>> {
    if let Some(g) = named_inside(text, span, mentions) {
        return Some(g);
    }
    let phrase = text.get(span.clone())?.trim().to_lowercase();
    let mut words = phrase.split_whitespace();
    let (det, noun) = (words.next()?, words.next()?);
    if words.next().is_some() {
        return None;
    }
    match det {
        "the" if GROUP_NOUNS.contains(&noun) => last_group_before(text, span.start, mentions),
        // `both` says there are two: the last two people named, if no group of two is nearer.
        "both" if noun.ends_with('s') => last_group_before(text, span.start, mentions)
            .filter(|g| g.len() == 2)
            .or_else(|| last_two_people(span.start, mentions)),
        _ => None,
    }
}

/// The group `m` is listed in where the text names it as a source (`according to Poonam
/// Lamba, senior product manager at Google Cloud, and Eddie Villalba`, `by Novo Nordisk and
/// Pfizer`), when the source phrase the taggers marked holds `m` alone: the list around that
/// mention, on its line, under the rules of [`members`].
pub fn around<'a>(text: &str, m: &MentionRef, mentions: &'a [MentionRef]) -> Option<Vec<&'a MentionRef>> {
    let line_start = line_start(text, m.span.start);
    let line_end = text.get(m.span.end..)?.find('\n').map_or(text.len(), |i| m.span.end + i);
    let from = mentions.partition_point(|x| x.span.start < line_start);
    let line: Vec<&MentionRef> = mentions[from..].iter().take_while(|x| x.span.end <= line_end).collect();
    // A list an `and` closes: `According to Stack Overflow, PHP is used …` lists nothing.
    let closed = |g: &Vec<&MentionRef>| {
        let (first, last) = (g[0].span.end, g[g.len() - 1].span.start);
        text.get(first..last).is_some_and(|between| between.contains(" and ") || between.contains('&'))
    };
    let listed = |g: &Vec<&MentionRef>| g.len() >= 2 && g.iter().any(|x| x.span == m.span) && closed(g);
    groups(text, &line)
        .into_iter()
        .find(listed)
        .filter(|g| g[0].person || g.iter().all(|x| alone_somewhere(text, x, mentions)))
}

/// `m` as the speaker of a quotation its line introduces, with the people it closes a list of
/// there (`Jeff Lorenz and Kayla Fell of Refugia:`): a roundup introduces each answer with all
/// who gave it.
pub fn speaker_closing(text: &str, m: &MentionRef, mentions: &[MentionRef]) -> Speaker {
    let from = mentions.partition_point(|x| x.span.start < line_start(text, m.span.start));
    let upto = mentions.partition_point(|x| x.span.start <= m.span.start);
    let before: Vec<&MentionRef> = mentions[from..upto].iter().collect();
    let closes = |g: &Vec<&MentionRef>| g.len() >= 2 && g.last().is_some_and(|l| l.span == m.span);
    match groups(text, &before).into_iter().find(closes) {
        Some(g) => speaker(g[0].span.start..m.span.end, &g),
        None => m.as_speaker(),
    }
}

/// The group `members` as a speaker at `span`: no entity of its own, the members' names.
pub fn speaker(span: Range<usize>, members: &[&MentionRef]) -> Speaker {
    Speaker { span, entity: None, name: Some(name(members)), members: members.iter().map(|m| m.entity.clone()).collect() }
}

/// Where the line holding `at` starts.
fn line_start(text: &str, at: usize) -> usize {
    text.get(..at).and_then(|t| t.rfind('\n')).map_or(0, |i| i + 1)
}

/// The speaker's name for a group: its members' names, `A and B`, `A, B and C`.
fn name(members: &[&MentionRef]) -> String {
    match members.split_last() {
        Some((last, [])) => last.name.clone(),
        Some((last, rest)) => {
            format!("{} and {}", rest.iter().map(|m| m.name.as_str()).collect::<Vec<_>>().join(", "), last.name)
        }
        None => String::new(),
    }
}

/// Two or more people, or two or more organisations, coordinated inside the phrase.
fn named_inside<'a>(text: &str, span: &Range<usize>, mentions: &'a [MentionRef]) -> Option<Vec<&'a MentionRef>> {
    let from = mentions.partition_point(|m| m.span.start < span.start);
    let within: Vec<&MentionRef> =
        mentions[from..].iter().take_while(|m| m.span.start < span.end).filter(|m| m.span.end <= span.end).collect();
    // An organisation the lists know is one whether or not the text ever names it alone
    // (`separately by Novo Nordisk and Pfizer`).
    let sure = |m: &&MentionRef| {
        alone_somewhere(text, m, mentions) || text.get(m.span.clone()).is_some_and(crate::lang::en::lexicon::is_known_org)
    };
    groups(text, &within).into_iter().find(|g| g.len() >= 2 && (g[0].person || g.iter().all(sure)))
}

/// Whether the entity of `m` is named somewhere outside any list: an organisation's name
/// holding `and` that the tagger split (`Centers for Disease Control` + `Prevention`) never is.
fn alone_somewhere(text: &str, m: &MentionRef, mentions: &[MentionRef]) -> bool {
    let gap = |a: &MentionRef, b: &MentionRef| text.get(a.span.end..b.span.start).unwrap_or("");
    (0..mentions.len()).filter(|&i| mentions[i].entity == m.entity).any(|i| {
        let after_list = i > 0 && coordinated(gap(&mentions[i - 1], &mentions[i]));
        let before_list = mentions.get(i + 1).is_some_and(|next| coordinated(gap(&mentions[i], next)));
        !after_list && !before_list
    })
}

/// The last group of two or more people coordinated in the text before `at`.
fn last_group_before<'a>(text: &str, at: usize, mentions: &'a [MentionRef]) -> Option<Vec<&'a MentionRef>> {
    let upto = mentions.partition_point(|m| m.span.end <= at);
    let before: Vec<&MentionRef> = mentions[..upto].iter().collect();
    groups(text, &before).into_iter().rev().find(|g| g.len() >= 2 && g[0].person)
}

/// The two people named last before `at` (two different entities), in text order.
fn last_two_people(at: usize, mentions: &[MentionRef]) -> Option<Vec<&MentionRef>> {
    let upto = mentions.partition_point(|m| m.span.end <= at);
    let mut two: Vec<&MentionRef> = Vec::new();
    for m in mentions[..upto].iter().rev().filter(|m| m.person) {
        if !two.iter().any(|t| t.entity == m.entity) {
            two.push(m);
        }
        if two.len() == 2 {
            two.reverse();
            return Some(two);
        }
    }
    None
}

/// The runs of `ms` (in text order) that the text coordinates: organisations with only `,`,
/// `and`, `, and` or `&` between them, a possessive allowed after each (`Strava’s and
/// ClassPass’s`); people the same way or each with an apposition or a postmodifier (`Farhan
/// Thawar, vice president at Shopify, and Drew Bradstock`; `Luna Luan, who earned her PhD at
/// Cambridge, Yeun Joon Kim of Cambridge Judge Business School and Jing Zhou`), a run with
/// appositions only when an `and` closes it. Each entity counts once.
fn groups<'a>(text: &str, ms: &[&'a MentionRef]) -> Vec<Vec<&'a MentionRef>> {
    let org = |m: &MentionRef| !m.person && m.kind == EntityType::Org;
    // Each run, and whether it needs an `and` it has not met yet.
    let mut runs: Vec<(Vec<&MentionRef>, bool)> = Vec::new();
    for (i, &a) in ms.iter().enumerate() {
        let next = if a.person { ms[i + 1..].iter().find(|m| m.person) } else { ms.get(i + 1).filter(|m| org(a) && org(m)) };
        let Some(&b) = next else { continue };
        if b.person && owns_a_noun(text, b) {
            continue;
        }
        let gap = text.get(a.span.end..b.span.start).unwrap_or("");
        let plain = coordinated(gap);
        if !(plain || (a.person && apposed_list(gap))) {
            continue;
        }
        let closes = gap.trim_end().ends_with("and");
        match runs.last_mut() {
            Some((run, open)) if run.last().is_some_and(|l| std::ptr::eq(*l, a)) => {
                run.push(b);
                *open = (*open || !plain) && !closes;
            }
            _ => runs.push((vec![a, b], !plain && !closes)),
        }
    }
    let mut out: Vec<Vec<&MentionRef>> = runs.into_iter().filter(|(_, open)| !open).map(|(run, _)| run).collect();
    for run in &mut out {
        let mut seen: Vec<&str> = Vec::new();
        run.retain(|m| {
            let new = !seen.contains(&m.entity.as_str());
            seen.push(&m.entity);
            new
        });
    }
    out
}

/// `Yoon’s rival`: a person in the possessive before a common noun modifies that noun, as in
/// `Lee Jae-myung, leader of the Democratic Party and Yoon’s rival`; a list never ends there.
fn owns_a_noun(text: &str, m: &MentionRef) -> bool {
    let after = text.get(m.span.end..).unwrap_or("");
    let Some(rest) = after.strip_prefix("’s ").or_else(|| after.strip_prefix("'s ")) else { return false };
    rest.starts_with(char::is_lowercase)
}

/// Most words of the apposition between two people listed together.
const MAX_APPOSITION_WORDS: usize = 20;

/// Whether the text between two people of a list is the first one's apposition or
/// postmodifier (`, vice president at Shopify, and `, ` of Cambridge Judge Business School and
/// `, `, who earned her PhD at Cambridge, `), within one clause.
fn apposed_list(gap: &str) -> bool {
    let end = gap.trim_end();
    (gap.starts_with(',') || gap.starts_with(" of "))
        && (end.ends_with(',') || end.ends_with(" and"))
        && !gap.contains(['.', ';', ':', '(', ')', '“', '”', '"', '\n'])
        && gap.split_whitespace().count() <= MAX_APPOSITION_WORDS
}

/// Whether the text between two names joins them as a list: `, `, ` and `, `, and `, ` & `,
/// each after an optional possessive.
fn coordinated(gap: &str) -> bool {
    let gap = gap.strip_prefix("’s").or_else(|| gap.strip_prefix("'s")).unwrap_or(gap);
    matches!(gap.trim(), "," | "and" | ", and" | "&")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(text: &str, name: &str, id: &str, kind: EntityType) -> MentionRef {
        let start = text.find(name).unwrap_or(0);
        MentionRef {
            span: start..start + name.len(),
            entity: id.into(),
            name: name.into(),
            person: kind == EntityType::Person,
            kind,
            titles: vec![],
        }
    }

    fn span_of(text: &str, phrase: &str) -> Range<usize> {
        let at = text.find(phrase).unwrap_or(0);
        at..at + phrase.len()
    }

    fn group_name(text: &str, phrase: &str, ms: &[MentionRef]) -> Option<String> {
        members(text, &span_of(text, phrase), ms).map(|g| name(&g))
    }

    /// The name of the list `ms[i]` is named in, as [`around`] finds it.
    fn list_name(text: &str, i: usize, ms: &[MentionRef]) -> Option<String> {
        around(text, &ms[i], ms).map(|g| name(&g))
    }

    #[test]
    fn a_source_named_in_a_list_speaks_with_the_list() {
        use EntityType::{Org, Person};
        let text = "That matters, according to Poonam Lamba, senior product manager at Google Cloud, and Eddie Villalba.";
        let ms = [
            mention(text, "Poonam Lamba", "E1", Person),
            mention(text, "Google Cloud", "E2", Org),
            mention(text, "Eddie Villalba", "E3", Person),
        ];
        assert_eq!(list_name(text, 0, &ms).as_deref(), Some("Poonam Lamba and Eddie Villalba"));
        // Organisations in a list only when each is also named alone.
        let text = "Data released by Novo Nordisk and Pfizer show it. Novo Nordisk sells pills; Pfizer too.";
        let later = |name: &str, id: &str| {
            let at = text.rfind(name).unwrap_or(0);
            MentionRef { span: at..at + name.len(), ..mention(text, name, id, Org) }
        };
        let ms = [mention(text, "Novo Nordisk", "E1", Org), mention(text, "Pfizer", "E2", Org), later("Novo Nordisk", "E1"), later("Pfizer", "E2")];
        assert_eq!(list_name(text, 0, &ms).as_deref(), Some("Novo Nordisk and Pfizer"));
        // A comma alone lists nothing.
        let text = "According to Stack Overflow, PHP is used by 18.9% of developers. Stack Overflow and PHP.";
        let ms = [mention(text, "Stack Overflow", "E1", Org), mention(text, "PHP", "E2", Org)];
        assert_eq!(list_name(text, 0, &ms), None);
    }

    #[test]
    fn a_line_introducing_a_quotation_with_several_people_gives_them_all() {
        use EntityType::Person;
        let text = "Ask the gardeners.\n\nJeff Lorenz and Kayla Fell of Refugia:\n\n“We love winter.”\n\nAsh Lee:";
        let ms = [mention(text, "Jeff Lorenz", "E1", Person), mention(text, "Kayla Fell", "E2", Person), mention(text, "Ash Lee", "E3", Person)];
        let speaker = speaker_closing(text, &ms[1], &ms);
        assert_eq!(speaker.name.as_deref(), Some("Jeff Lorenz and Kayla Fell"));
        assert_eq!(speaker.members, ["E1", "E2"]);
        assert_eq!(speaker_closing(text, &ms[2], &ms).name.as_deref(), Some("Ash Lee"), "alone on its line");
    }

    #[test]
    fn people_or_organisations_named_together_in_the_source_are_one_group() {
        use EntityType::{Org, Person};
        let text = "Lyndie Chiou met us. Chiou and Howlett said it works.";
        let ms = [
            mention(text, "Lyndie Chiou", "E1", Person),
            MentionRef { span: span_of(text, "Chiou and").start..span_of(text, "Chiou and").start + 5, ..mention(text, "Lyndie Chiou", "E1", Person) },
            mention(text, "Howlett", "E2", Person),
        ];
        assert_eq!(group_name(text, "Chiou and Howlett", &ms).as_deref(), Some("Lyndie Chiou and Howlett"));
        let text = "Strava tracks runs; ClassPass books classes. Both Strava’s and ClassPass’s reports found the same.";
        let later = |name: &str, id: &str| {
            let at = text.rfind(name).unwrap_or(0);
            MentionRef { span: at..at + name.len(), ..mention(text, name, id, Org) }
        };
        let ms = [mention(text, "Strava", "E1", Org), mention(text, "ClassPass", "E2", Org), later("Strava", "E1"), later("ClassPass", "E2")];
        assert_eq!(group_name(text, "Both Strava’s and ClassPass’s reports", &ms).as_deref(), Some("Strava and ClassPass"));
        // Organisations the lists know need not be named alone; others must (a split name).
        let text = "Data released separately by Novo Nordisk and Pfizer show it works.";
        let ms = [mention(text, "Novo Nordisk", "E1", Org), mention(text, "Pfizer", "E2", Org)];
        assert_eq!(group_name(text, "Novo Nordisk and Pfizer", &ms).as_deref(), Some("Novo Nordisk and Pfizer"));
        let text = "The Centers for Disease Control and Prevention said it works.";
        let ms = [mention(text, "Centers for Disease Control", "E1", Org), mention(text, "Prevention", "E2", Org)];
        assert_eq!(group_name(text, "The Centers for Disease Control and Prevention", &ms), None);
        // People each with an apposition.
        let text = "Farhan Thawar, vice president and head of engineering at Shopify, and Drew Bradstock, senior director, agree.";
        let ms = [mention(text, "Farhan Thawar", "E1", Person), mention(text, "Shopify", "E2", Org), mention(text, "Drew Bradstock", "E3", Person)];
        let phrase = "Farhan Thawar, vice president and head of engineering at Shopify, and Drew Bradstock, senior director";
        assert_eq!(group_name(text, phrase, &ms).as_deref(), Some("Farhan Thawar and Drew Bradstock"));
        let text = "A paper by Luna Luan, who earned her PhD at Cambridge, Yeun Joon Kim of Cambridge Judge Business School and Jing Zhou came out. The authors argue that it works.";
        let ms = [mention(text, "Luna Luan", "E1", Person), mention(text, "Yeun Joon Kim", "E2", Person), mention(text, "Jing Zhou", "E3", Person)];
        assert_eq!(group_name(text, "The authors", &ms).as_deref(), Some("Luna Luan, Yeun Joon Kim and Jing Zhou"));
        // Appositions without an `and` closing the list are no group.
        let text = "Tim Cook, the chief executive, Satya Nadella said so.";
        let ms = [mention(text, "Tim Cook", "E1", Person), mention(text, "Satya Nadella", "E2", Person)];
        assert_eq!(group_name(text, "Tim Cook, the chief executive, Satya Nadella", &ms), None);
        // A person in the possessive before a noun is inside an apposition, not in a list.
        let text = "Lee Jae-myung, leader of the Democratic Party and Yoon’s rival in the election, said so.";
        let ms = [mention(text, "Lee Jae-myung", "E1", Person), mention(text, "Yoon", "E2", Person)];
        let phrase = "Lee Jae-myung, leader of the Democratic Party and Yoon’s rival in the election";
        assert_eq!(group_name(text, phrase, &ms), None);
        // Organisations only when each is also named on its own: not the halves of one name.
        let text = "The Centers for Disease Control and Prevention said so.";
        let ms = [mention(text, "Centers for Disease Control", "E1", Org), mention(text, "Prevention", "E2", Org)];
        assert_eq!(group_name(text, "The Centers for Disease Control and Prevention", &ms), None);
        // A person and an organisation, or names not joined as a list, are no group.
        let text = "Ana Lima of Acme Corp said so.";
        let ms = [mention(text, "Ana Lima", "E1", Person), mention(text, "Acme Corp", "E2", Org)];
        assert_eq!(group_name(text, "Ana Lima of Acme Corp", &ms), None);
    }

    #[test]
    fn the_authors_are_the_people_named_together_before() {
        use EntityType::Person;
        let text = "A paper by Luna Luan, Yeun Joon Kim and Jing Zhou came out. Later, the authors argue that it works.";
        let ms = [
            mention(text, "Luna Luan", "E1", Person),
            mention(text, "Yeun Joon Kim", "E2", Person),
            mention(text, "Jing Zhou", "E3", Person),
        ];
        assert_eq!(group_name(text, "the authors", &ms).as_deref(), Some("Luna Luan, Yeun Joon Kim and Jing Zhou"));
        // No group named before: the description stays unnamed; other nouns are not groups.
        let text = "Luna Luan wrote it. Later, the authors argue that the officials agree.";
        let ms = [mention(text, "Luna Luan", "E1", Person)];
        assert_eq!(group_name(text, "the authors", &ms), None);
        assert_eq!(group_name(text, "the officials", &ms), None);
    }

    #[test]
    fn both_experts_are_the_last_two_people_named() {
        use EntityType::Person;
        let text = "Lauren Slayton likes tea. Sylvia Klinger likes coffee. Both experts agree that sleep matters.";
        let ms = [mention(text, "Lauren Slayton", "E1", Person), mention(text, "Sylvia Klinger", "E2", Person)];
        assert_eq!(group_name(text, "Both experts", &ms).as_deref(), Some("Lauren Slayton and Sylvia Klinger"));
        let text = "Lauren Slayton likes tea. Both experts agree.";
        let ms = [mention(text, "Lauren Slayton", "E1", Person)];
        assert_eq!(group_name(text, "Both experts", &ms), None);
    }
}
