//! Advice reported as what a source recommends: `Dan recommends contacting at least three
//! vendors.`, `Dr. Parr recommends eating them in moderation.`, `Osprey recommends a load range
//! of 30 – 40 pounds.` Health, money and product journalism paraphrases its experts this way;
//! the annotation guidelines count it as reported speech, but the taggers (trained on
//! political news, where advice verbs take a `that` clause if any) miss it. So they miss a
//! person's claim with the verbs such journalism uses: `Kendale points out that …`, `Varady
//! counters that …`.

use std::ops::Range;

use super::MentionRef;

/// Words before a name that make it the object of a preposition, not the subject. Not `from`
/// and `by`: research from or by an organisation is the organisation's (GUIDELINES.md resolves
/// a report to its issuer).
const PREPOSITIONS: &[&str] = &["to", "of", "for", "at", "with", "in", "on", "about"];

/// Verbs of advice, in the forms that follow a subject.
const ADVICE: &[&str] = &[
    "recommends",
    "recommended",
    "advises",
    "advised",
    "suggests",
    "suggested",
    "urges",
    "urged",
    "encourages",
    "encouraged",
    "cautions",
    "cautioned",
    "warns",
    "warned",
    // commitments, as news reports them (`Netanyahu pledged to form a coalition quickly`)
    "pledges",
    "pledged",
    "vows",
    "vowed",
];

/// Verbs that state what a source reports, projects or stresses, with an object and no
/// `that` as often as with one (`Gartner projects global cloud spending to reach …`, `Ecobee
/// reports its users save …`, `Marie Kondo emphasizes living …`). Business and service
/// journalism reports its sources this way; the lexicon, learned from political news, holds
/// `reports` and `estimates` below its threshold, as both are nouns as often.
const STATING: &[&str] = &[
    "reports",
    "projects",
    "estimates",
    "forecasts",
    "predicts",
    "highlights",
    "emphasizes",
    "emphasises",
    "stresses",
];

/// Words after one of [`STATING`] that make it a noun after a name used as a modifier (`NASA
/// reports are public`, `Google projects such as Loon`, `CNN highlights from the debate`).
const AFTER_A_NOUN: &[&str] = &[
    "are", "were", "is", "was", "have", "has", "had", "show", "showed", "include", "included", "from", "of", "on", "in",
    "for", "and", "or", "such", "like", "to", "with", "by", "at", "about", "which", "can", "will", "would",
];

/// Whether a word of [`STATING`] followed by `after` reads as a noun: a word that a verb of
/// these does not take next, or no word; for a word that is a noun too, a participle (`Zig
/// projects using a common interface`).
fn read_as_a_noun(verb: &str, after: &str) -> bool {
    let next = after.strip_prefix(' ').and_then(|r| r.split([' ', ',', '.', '\n']).next()).unwrap_or("");
    let noun_too = !matches!(verb, "predicts" | "emphasizes" | "emphasises");
    next.is_empty() || AFTER_A_NOUN.contains(&next) || (noun_too && next.ends_with("ing"))
}

/// Most words of an apposition between a subject and its verb.
const MAX_APPOSITION_WORDS: usize = 12;

/// Where the verb after `m` as a subject is looked for: right after the name, or past `, who`
/// (`Nick Cho, who recommends …`) or a short apposition between commas that describes the
/// source (`Dr. Alan Hedge, professor emeritus at Cornell University, recommends …`). The
/// position is that of the space before the verb.
fn after_subject(text: &str, m: &MentionRef) -> usize {
    let rest = text.get(m.span.end..).unwrap_or("");
    if rest.starts_with(", who ") {
        return m.span.end + ", who".len();
    }
    // Up to the next comma, unless a mark that no apposition holds comes first: the search
    // stops there, not at a comma far on.
    let closing = |r: &str| r.find([',', '.', '\n', ';', ':', '“', '”', '"', '(', ')']).filter(|&i| r[i..].starts_with(','));
    let Some(apposition) = rest.strip_prefix(", ").and_then(|r| closing(r).map(|i| &r[..i])) else {
        return m.span.end;
    };
    let words = apposition.split_whitespace().count();
    let describes = apposition.starts_with(char::is_lowercase)
        && !apposition.starts_with("and ")
        && !apposition.starts_with("or ");
    if describes && words <= MAX_APPOSITION_WORDS {
        m.span.end + ", ".len() + apposition.len() + ",".len()
    } else {
        m.span.end
    }
}

/// Words that may stand between the subject and the verb.
const ADVERBS: &[&str] = &["also", "generally", "often", "strongly", "usually", "always", "further"];

/// Advice given by a named person or organisation: the content (from after the verb, `that`
/// left out, to the sentence's end), the subject's mention and the verb.
pub fn advice<'m>(text: &str, mentions: &'m [MentionRef]) -> Vec<(Range<usize>, &'m MentionRef, Range<usize>)> {
    let organisation_or_person = |m: &&MentionRef| m.person || m.kind == crate::model::EntityType::Org;
    mentions
        .iter()
        .filter(organisation_or_person)
        .filter_map(|m| advice_after(text, m).or_else(|| m.person.then(|| that_clause_after(text, m)).flatten()))
        .collect()
}

/// `NAME [also] VERB [out] that CLAUSE`: a verb in the third person or the past that is no
/// state of mind ([`super::speech::closes_attribution`]) with a `that` clause is how English
/// reports what a person says. The content runs from after `that` to the sentence's end.
fn that_clause_after<'m>(text: &str, m: &'m MentionRef) -> Option<(Range<usize>, &'m MentionRef, Range<usize>)> {
    let subject_end = after_subject(text, m);
    let words_after = text.get(subject_end..)?.strip_prefix(' ')?;
    let mut at = subject_end + 1;
    let mut words = words_after.split(' ');
    let mut word = words.next()?;
    if ADVERBS.contains(&word) || word == "then" {
        at += word.len() + 1;
        word = words.next()?;
    }
    let verb = at..at + word.len();
    if !word.bytes().all(|b| b.is_ascii_lowercase()) || !super::speech::closes_attribution(word) {
        return None;
    }
    // Past an apposition or `who`, only a verb the lexicon knows for speech: `Joe Heim, an
    // editor, posed that question` has a determiner `that`.
    if subject_end != m.span.end && !super::speech::reports_speech(word) {
        return None;
    }
    at = verb.end + 1;
    let mut next = words.next()?;
    if next == "out" {
        at += 4;
        next = words.next()?;
    }
    (next == "that").then_some(())?;
    let start = at + 5;
    let body = text.get(start..)?;
    let end = start + body.find(['.', '!', '?', '\n', ':']).unwrap_or(body.len());
    super::speech::is_reported_clause(text.get(start..end)?).then_some((start..end, m, verb))
}

fn advice_after<'m>(text: &str, m: &'m MentionRef) -> Option<(Range<usize>, &'m MentionRef, Range<usize>)> {
    let mut at = after_subject(text, m);
    let mut verb = None;
    for _ in 0..2 {
        let rest = text.get(at..)?.strip_prefix(' ')?;
        let word = rest.split([' ', ',', '.', '\n']).next()?;
        at += 1 + word.len();
        let after = text.get(at..).unwrap_or("");
        // `advises Attorney-General George Brandis on crime`: advising someone is a job.
        let job = matches!(word, "advises" | "advised") && after.trim_start().starts_with(char::is_uppercase);
        if (ADVICE.contains(&word) && !job)
            || (STATING.contains(&word) && !read_as_a_noun(word, after))
            || (m.person && says_to_do(word, after))
        {
            verb = Some(at - word.len()..at);
            break;
        }
        // `Israel has pledged`, `The American Dental Association (ADA) recommends`.
        let acronym = word.len() > 2 && word.starts_with('(') && word.ends_with(')');
        if !ADVERBS.contains(&word) && !matches!(word, "has" | "have") && !acronym {
            return None;
        }
    }
    // Checked once a verb follows, which few names have: the subject, not the object of a
    // preposition (`a report from a committee to the USDA recommends …`).
    let verb = verb.filter(|_| !after_preposition(text, m))?;
    let rest = text.get(verb.end..)?.strip_prefix(' ')?;
    // A pledge or vow of something (`pledged $3 billion in investments`) is a commitment, not
    // something said; one to do something or that something will be is.
    let commits = matches!(&text[verb.clone()], "pledges" | "pledged" | "vows" | "vowed");
    if commits && !(rest.starts_with("to ") || rest.starts_with("that ")) {
        return None;
    }
    let start = verb.end + 1 + if rest.starts_with("that ") { 5 } else { 0 };
    let body = text.get(start..)?;
    let end = start + body.find(['.', '!', '?', '\n', ':']).unwrap_or(body.len());
    let content = text.get(start..end)?;
    // A lone object (`recommends it`) states nothing.
    super::speech::is_reported_clause(content).then_some((start..end, m, verb))
}

/// `Helmstetter says to look to your garden`: `says` or `said` (the verb, `rest` the text after
/// it) with an infinitive reports advice, as `recommends` does. Not `said to reporters`, `said
/// to me` or `said to be`: the word after `to` is no pronoun, determiner, agent noun or `be`.
fn says_to_do(verb: &str, rest: &str) -> bool {
    let Some(next) = rest.strip_prefix(" to ").and_then(|r| r.split([' ', ',', '.']).next()) else { return false };
    const NOT_VERBS: &[&str] =
        &["me", "us", "you", "him", "her", "them", "it", "the", "a", "an", "his", "their", "its", "our", "my", "be", "have"];
    let agent = ["ers", "ors", "ists", "ians"].iter().any(|s| next.ends_with(s));
    matches!(verb, "says" | "said")
        && next.bytes().all(|b| b.is_ascii_lowercase())
        && !next.is_empty()
        && !NOT_VERBS.contains(&next)
        && !agent
}

/// Whether the word before `m` (past a `the`) is one of [`PREPOSITIONS`].
fn after_preposition(text: &str, m: &MentionRef) -> bool {
    let mut before = text.get(..m.span.start).unwrap_or("").split_whitespace().rev();
    let word = before.next().filter(|w| !w.eq_ignore_ascii_case("the")).or_else(|| before.next());
    word.is_some_and(|w| PREPOSITIONS.contains(&w))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::person_mention as person;

    fn found(text: &str, name: &str) -> Option<String> {
        let m = [person(text, name)];
        advice(text, &m).first().map(|(c, _, _)| text[c.clone()].to_string())
    }

    #[test]
    fn a_person_s_that_clause_is_reported() {
        let text = "Still, Kendale points out that many providers are not yet familiar with it. Dr. Varady also \
                    counters that several trials show no loss of muscle. Ann feels that the plan is too slow.";
        assert_eq!(found(text, "Kendale"), Some("many providers are not yet familiar with it".into()));
        assert_eq!(found(text, "Varady"), Some("several trials show no loss of muscle".into()));
        assert_eq!(found(text, "Ann"), None, "a state of mind");
        assert_eq!(found("Kendale owns that house.", "Kendale"), None, "no clause after that");
    }

    #[test]
    fn what_a_named_source_recommends_is_reported() {
        assert_eq!(
            found("Step 1. Dan recommends contacting at least three different solar vendors. Then wait.", "Dan"),
            Some("contacting at least three different solar vendors".into())
        );
        assert_eq!(
            found("Dr. Parr also recommends that you eat them in moderation every week.", "Parr"),
            Some("you eat them in moderation every week".into())
        );
    }

    #[test]
    fn what_a_source_pledges_or_recommends_after_its_acronym_is_reported() {
        assert_eq!(
            found("Israel has pledged to punish the authority by freezing its funds.", "Israel"),
            Some("to punish the authority by freezing its funds".into())
        );
        let text = "The American Dental Association (ADA) recommends replacing your toothbrush every three months.";
        assert_eq!(found(text, "American Dental Association"), Some("replacing your toothbrush every three months".into()));
        // Money pledged is no statement; a name after a preposition is no subject, but research
        // from an institute is the institute's.
        assert_eq!(found("Deloitte has pledged $3 billion in generative AI investments through 2030.", "Deloitte"), None);
        let text = "A report from a committee to the Department of Agriculture (USDA) recommends eating more beans.";
        assert_eq!(found(text, "Department of Agriculture"), None);
        let text = "Research from the Annenberg Institute recommends that tutors be well trained and supported.";
        assert_eq!(found(text, "Annenberg Institute"), Some("tutors be well trained and supported".into()));
    }

    #[test]
    fn what_a_person_says_to_do_is_advice() {
        let text = "For the flowers, Helmstetter says to look to your garden or to a farmers market first.";
        assert_eq!(found(text, "Helmstetter"), Some("to look to your garden or to a farmers market first".into()));
        for text in [
            "Helmstetter said to reporters that the garden was the best place to begin the party.",
            "Helmstetter says to me that the garden was the best place to begin the whole party.",
            "Helmstetter is said to be the best florist in the city of Boston by far.",
        ] {
            assert_eq!(found(text, "Helmstetter"), None, "{text}");
        }
        let m = [MentionRef { person: false, kind: crate::model::EntityType::Org, ..person(text, "Helmstetter") }];
        assert!(advice(text, &m).is_empty(), "an organisation's `says to` is left to the taggers");
    }

    #[test]
    fn what_a_source_projects_reports_or_stresses_is_reported() {
        let org = |text: &str, name: &str| {
            let m = [MentionRef { person: false, kind: crate::model::EntityType::Org, ..person(text, name) }];
            advice(text, &m).first().map(|(c, _, _)| text[c.clone()].to_string())
        };
        let text = "Gartner projects global public cloud spending to reach $679 billion at the end of 2024.";
        assert_eq!(org(text, "Gartner"), Some("global public cloud spending to reach $679 billion at the end of 2024".into()));
        let text = "Ecobee reports that its users save up to 26% on their heating and cooling costs.";
        assert_eq!(org(text, "Ecobee"), Some("its users save up to 26% on their heating and cooling costs".into()));
        let text = "Marie Kondo emphasizes living a clutter-free life by discarding what does not spark joy.";
        assert_eq!(found(text, "Marie Kondo"), Some("living a clutter-free life by discarding what does not spark joy".into()));
        // The same words as nouns after a name.
        for text in [
            "NASA reports are published every week on the agency's website for anyone.",
            "Google projects such as Loon and Wing were closed down in the last two years.",
            "CNN highlights from the debate drew millions of viewers on the night itself.",
            "Zig projects using a common interface need no other build tool installed at all.",
        ] {
            let name = text.split(' ').next().unwrap_or("");
            assert_eq!(org(text, name), None, "{text}");
        }
    }

    #[test]
    fn a_source_described_or_qualified_before_its_verb_still_speaks() {
        let text = "I used a recipe from Nick Cho, who recommends grinding at the coarsest possible setting.";
        assert_eq!(found(text, "Nick Cho"), Some("grinding at the coarsest possible setting".into()));
        let text = "Dr. Alan Hedge, professor emeritus at Cornell University, recommends sitting for 16 minutes and standing for 8.";
        assert_eq!(found(text, "Alan Hedge"), Some("sitting for 16 minutes and standing for 8".into()));
        let text = "Kendale, a tax adviser in Ohio, argues that many providers are not yet familiar with it.";
        assert_eq!(found(text, "Kendale"), Some("many providers are not yet familiar with it".into()));
        // A job, a determiner `that`, a list or a sentence of its own between commas.
        let text = "We met Justin Bassi, who advises Attorney-General George Brandis on crime and security.";
        assert_eq!(found(text, "Justin Bassi"), None);
        let text = "Joe Heim, an editor for the magazine, posed that question to residents of the area.";
        assert_eq!(found(text, "Joe Heim"), None);
        let text = "We met Kendale, Ann and Bo, and recommends nothing of the kind to anyone at all here.";
        assert_eq!(found(text, "Kendale"), None);
        let text = "Kendale, Ohio. Advisers there recommend that you file early in the spring of the year.";
        assert_eq!(found(text, "Kendale"), None);
    }

    #[test]
    fn short_objects_and_other_verbs_are_not() {
        assert_eq!(found("Dan recommends it.", "Dan"), None);
        assert_eq!(found("Dan bought three different solar panels for the roof of his home.", "Dan"), None);
    }
}
