//! Linking a speaker phrase to an entity, given the entity mentions found by NER: a name
//! inside the phrase, a pronoun to the most recent person before it (`it`, `they` to the
//! most recent organisation), a nominal (`the minister`) to the person whose titles hold
//! that noun, and `the company`, `the report` to the organisation named last.

use std::ops::Range;

use super::MentionRef;

const PERSONAL: &[&str] = &["he", "she", "him", "her", "his"];
const RELATIVE: &[&str] = &["who", "whom"];
/// Pronouns that stand for an organisation in news prose (`the ministry … it said`).
const NEUTER: &[&str] = &["it", "they"];
/// Heads of a phrase that names an organisation or its work without its name (`the
/// company said`, and the [`DOCUMENTS`]): the organisation named last before it.
const ORG_HEADS: &[&str] = &[
    "company",
    "firm",
    "agency",
    "group",
    "organisation",
    "organization",
    "department",
    "ministry",
    "brand",
    "website",
    "statement",
    "startup",
];
/// Heads that name a document (`the report found`): the organisation named last before it,
/// or, said far from its issuer's last mention, the organisation named where the article
/// first spoke of the document.
const DOCUMENTS: &[&str] = &["report", "study", "research", "survey", "paper", "findings", "analysis"];
/// How far back (bytes) an organisation is looked for: a few sentences.
const ORG_WINDOW: usize = 1000;
/// How near (bytes) the document's first mention its issuer is named.
const ISSUER_WINDOW: usize = 200;

/// Third-person and relative pronouns [`link`] does not resolve itself.
const OTHER_PRONOUNS: &[&str] = &["its", "them", "their", "which", "that"];

/// The phrase at `span` is only a third-person or relative pronoun: a speaker that names no
/// one until resolved (`he said` with no person before it). `I`, `we` and `you` are not
/// among them: they are the author or the reader.
pub fn is_bare_pronoun(text: &str, span: &Range<usize>) -> bool {
    let lower = text.get(span.clone()).unwrap_or("").trim().to_lowercase();
    [PERSONAL, RELATIVE, NEUTER, OTHER_PRONOUNS].iter().any(|list| list.contains(&lower.as_str()))
}

/// The entity a speaker phrase refers to, when it can be told from the mentions (in text
/// order, not overlapping, as the analysis gives them). `said` holds the text's words in
/// quotation marks: a pronoun never stands for a name inside them, whether they are the
/// speaker's own (`“Halved grapefruits, …,” she shares`, `“… consider Harry's Berries,” she
/// adds`) or an earlier speaker's (`“As Eloise deteriorated, …” … She added:` is the mother
/// quoted, not her daughter). A name in reported words outside quotation marks can be the
/// antecedent (`an answer from Judge Alsup that stunned many: “…,” he wrote`).
///
/// `sentences` are the text's sentences as byte ranges, in order (empty: not known). A
/// pronoun whose nearest fitting person is in an earlier sentence takes that sentence's first
/// fitting person, its subject as a rule, not the last name it happens to hold (`Lee said
/// Yoon’s order caused chaos. “…,” he said`).
pub fn link<'a>(
    text: &str,
    span: &Range<usize>,
    mentions: &'a [MentionRef],
    said: &[Range<usize>],
    sentences: &[Range<usize>],
) -> Option<&'a MentionRef> {
    let phrase = text.get(span.clone()).unwrap_or("").trim();
    let lower = phrase.to_lowercase();
    let named = inside(text, span, mentions);
    if named.is_some_and(|m| m.person) {
        return named;
    }
    if let Some(m) = apposed(text, span, mentions) {
        return Some(m);
    }
    if let Some(m) = named {
        return issuer_of_named(text, m, span.start, mentions).or(named);
    }
    if PERSONAL.contains(&lower.as_str()) {
        // The nearest person the pronoun can stand for: not one the text shows is of the other sex.
        let sex = super::sex::of_pronoun(&lower);
        // `the Obama administration` names a government, not someone a pronoun goes back to.
        let government = |m: &MentionRef| {
            text.get(m.span.end..).is_some_and(crate::mentions::followed_by_term_of_office)
        };
        let fits = |m: &MentionRef| {
            m.person
                && !government(m)
                && !credited(text, m)
                && !said.iter().any(|c| c.start <= m.span.start && m.span.end <= c.end)
                && sex.is_none_or(|s| super::sex::of_person(text, m, mentions).is_none_or(|t| t == s))
        };
        let nearest = before(span.start, mentions).find(|m| fits(m))?;
        return Some(subject_of_earlier(text, nearest, span.start, mentions, sentences, fits));
    }
    if RELATIVE.contains(&lower.as_str()) {
        // `Lavrov, who said …`: the name right before the relative pronoun;
        // `experts like Saining Xie who argue …`: a restrictive clause, no comma.
        let gap = |m: &&MentionRef| text.get(m.span.end..span.start).is_some_and(|g| matches!(g.trim(), "," | ""));
        return before(span.start, mentions).find(gap);
    }
    let near_org = || {
        before(span.start, mentions)
            .take_while(|m| span.start - m.span.end <= ORG_WINDOW)
            .find(|m| m.kind == crate::model::EntityType::Org)
    };
    if NEUTER.contains(&lower.as_str()) {
        // As for a person: the subject of an earlier sentence, not the last organisation it
        // happens to name (`Uber has been defending … during Hurricane Sandy. It has now promised`).
        let org = |m: &MentionRef| m.kind == crate::model::EntityType::Org;
        return near_org().map(|nearest| subject_of_earlier(text, nearest, span.start, mentions, sentences, org));
    }
    let last_word = |phrase: &'_ str| phrase.split_whitespace().last().map(|w| w.trim_matches(|c: char| !c.is_alphanumeric()).to_string());
    // The head of `the former secretary of state` is `secretary`; `The results of the study`
    // speak for the study.
    let known = |w: &String| [ORG_HEADS, DOCUMENTS].iter().any(|l| l.contains(&w.as_str())) || super::speech::is_person_noun(w);
    let head = lower.split(" of ").next().and_then(last_word).filter(known).or_else(|| last_word(&lower))?;
    let head = head.as_str();
    if head.len() < 3 || !lower.starts_with("the ") {
        return None;
    }
    if ORG_HEADS.contains(&head) {
        return near_org();
    }
    if DOCUMENTS.contains(&head) {
        return near_org().or_else(|| issuer(text, head, span.start, mentions));
    }
    // Only a noun for a person names one by title (`The campaign` is not `campaign manager Robby Mook`).
    if !super::speech::is_person_noun(head) {
        return None;
    }
    let titled =
        |m: &&MentionRef| m.person && m.titles.iter().any(|t| t.to_lowercase().split_whitespace().any(|w| w == head));
    before(span.start, mentions).find(titled).or_else(|| mentions.iter().find(titled))
}

/// A name printed as a credit (`Photo by Joan Bardeletti`, `Image: Luis Quintero`): the
/// photographer's or illustrator's, who says nothing in the story, so no pronoun stands for it.
fn credited(text: &str, m: &MentionRef) -> bool {
    let before = text.get(..m.span.start).unwrap_or("");
    let line = &before[before.rfind('\n').map_or(0, |i| i + 1)..];
    let mut words = line.split(|c: char| c.is_whitespace() || matches!(c, ':' | '|' | '(')).filter(|w| !w.is_empty()).rev();
    let label = match words.next() {
        Some(w) if w.eq_ignore_ascii_case("by") || w.eq_ignore_ascii_case("of") => words.next(),
        w => w,
    };
    label.is_some_and(crate::lang::en::lexicon::is_credit)
}

/// The antecedent of a pronoun at `at` whose nearest fitting person, `nearest`, is in an
/// earlier sentence: that sentence's first fitting person, its subject as a rule (`Lee said
/// Yoon’s order caused chaos. “…,” he said` is Lee). A transcript's speaker label
/// (`MARTINEZ-BELTRAN: Teachers like Rosie Curts are here. She says …`) opens a turn, not the
/// sentence's subject.
fn subject_of_earlier<'a>(
    text: &str,
    nearest: &'a MentionRef,
    at: usize,
    mentions: &'a [MentionRef],
    sentences: &[Range<usize>],
    fits: impl Fn(&MentionRef) -> bool,
) -> &'a MentionRef {
    let sentence_of = |at: usize| sentences.partition_point(|s| s.end <= at);
    let home = sentence_of(nearest.span.start);
    let Some(within) = sentences.get(home).filter(|_| home < sentence_of(at)) else {
        return nearest;
    };
    let label = |m: &MentionRef| text.get(m.span.end..).is_some_and(|t| t.starts_with(':'));
    let from = mentions.partition_point(|m| m.span.start < within.start);
    mentions[from..]
        .iter()
        .take_while(|m| m.span.start < nearest.span.start)
        .find(|m| fits(m) && !label(m))
        .unwrap_or(nearest)
}

/// The organisation named nearest to the first time the article speaks of a `head` document
/// before `at` (`DesignRush … this report`, `the J.D. Power … Study`, `a study by Acme`), if
/// one is named within [`ISSUER_WINDOW`] bytes of it.
fn issuer<'a>(text: &str, head: &str, at: usize, mentions: &'a [MentionRef]) -> Option<&'a MentionRef> {
    // ASCII lowering keeps byte offsets.
    let before = text.get(..at)?.to_ascii_lowercase();
    let first = before.match_indices(head).map(|(i, _)| i).find(|&i| {
        let word_start = before[..i].chars().next_back().is_none_or(|c| !c.is_alphanumeric());
        let word_end = before[i + head.len()..].chars().next().is_none_or(|c| !c.is_alphanumeric());
        word_start && word_end
    })?;
    // An issuer named after the document only in the same sentence (`a study by Acme`).
    let distance = |m: &MentionRef| {
        if m.span.end <= first {
            Some(first - m.span.end)
        } else {
            let gap = text.get(first..m.span.start)?;
            (!gap.contains(['.', '!', '?', '\n'])).then(|| m.span.start - first)
        }
    };
    mentions
        .iter()
        .filter(|m| m.kind == crate::model::EntityType::Org && m.span.end <= at)
        .filter_map(|m| Some((distance(m)?, m)))
        .filter(|(d, _)| *d <= ISSUER_WINDOW)
        .min_by_key(|(d, _)| *d)
        .map(|(_, m)| m)
}

/// The last words of a document's name (`the 2024 Content Strategy Report`, `IoT Analytics
/// research`): what it found is its issuer's claim.
const DOCUMENT_NAMES: &[&str] =
    &["report", "study", "survey", "index", "research", "data", "review", "poll", "analysis", "findings", "paper"];

/// The organisation that issued the named document `document` (a MISC mention): one the
/// article names whose name opens the document's (`the J.D. Power 2025 North America Rental Car
/// Satisfaction Study`, when the article also names J.D. Power alone), else the one named
/// nearest where the article first speaks of such a document ([`issuer`]).
fn issuer_of_named<'a>(
    text: &str,
    document: &MentionRef,
    at: usize,
    mentions: &'a [MentionRef],
) -> Option<&'a MentionRef> {
    let org = |m: &&MentionRef| m.kind == crate::model::EntityType::Org;
    if document.kind != crate::model::EntityType::Misc {
        return None;
    }
    let name = text.get(document.span.clone())?;
    let head = name.split_whitespace().last()?.to_lowercase();
    if !DOCUMENT_NAMES.contains(&head.as_str()) {
        return None;
    }
    let opens = |m: &&MentionRef| {
        text.get(m.span.clone())
            .and_then(|o| name.strip_prefix(o))
            .is_some_and(|rest| rest.starts_with(' '))
    };
    mentions.iter().filter(org).find(opens).or_else(|| issuer(text, &head, at, mentions))
}

/// A person named in apposition right after a nominal phrase (`said the head of the
/// delegation at the meeting in Moscow, Sher Mohammad Abbas Stanikzai`): the first person
/// mention after it, reached without crossing a clause or sentence boundary, set off by
/// a comma and closed by punctuation. A name that goes on into a clause is its subject, not
/// an apposition (`As the International Business Times noted, Clinton raised …`, `According
/// to the same poll, Clinton's favorability …`).
fn apposed<'a>(text: &str, span: &Range<usize>, mentions: &'a [MentionRef]) -> Option<&'a MentionRef> {
    const MAX_GAP: usize = 80;
    let phrase = text.get(span.clone())?.to_lowercase();
    if !["the ", "a ", "an "].iter().any(|d| phrase.starts_with(d)) {
        return None;
    }
    // Mentions are in text order: the first person after the phrase, if near enough.
    let from = mentions.partition_point(|m| m.span.start < span.end);
    let m = mentions[from..].iter().take_while(|m| m.span.start - span.end <= MAX_GAP).find(|m| m.person)?;
    let gap = text.get(span.end..m.span.start)?;
    let clause_break = gap.contains(['.', ';', ':', '“', '”', '"', '(']) || gap.trim_end().matches(',').count() > 1;
    let closed = text.get(m.span.end..).is_some_and(|t| t.trim_start_matches(' ').chars().next().is_none_or(closes_apposition));
    (gap.len() <= MAX_GAP && gap.trim_end().ends_with(',') && !clause_break && closed).then_some(m)
}

/// Whether `c`, right after a name, ends the apposition the name is in.
fn closes_apposition(c: char) -> bool {
    matches!(c, ',' | '.' | ';' | ':' | '!' | '?' | ')' | '—' | '–' | '\n' | '"' | '”')
}

/// The best mention inside the phrase: a person first, then an organisation (the issuer in
/// `Salesforce's State of Data and Analytics Report`, `the J.D. Power 2025 North America
/// Study`: organisations speak, titles and places in their phrases do not), else the longest.
fn inside<'a>(text: &str, span: &Range<usize>, mentions: &'a [MentionRef]) -> Option<&'a MentionRef> {
    let from = mentions.partition_point(|m| m.span.start < span.start);
    let within = || mentions[from..].iter().take_while(|m| m.span.start < span.end).filter(|m| m.span.end <= span.end);
    let org = |m: &&MentionRef| m.kind == crate::model::EntityType::Org;
    // `Salesforce's State of Data and Analytics Report`: the owner opening the phrase speaks
    // for what it owns (not in `a VentureBeat article on Zencoder’s tool`).
    let owner = |m: &&MentionRef| {
        org(m) && text.get(m.span.end..).is_some_and(|t| t.starts_with("'s ") || t.starts_with("’s "))
    };
    // `the Russian space agency`, `Republican congressional leaders`: a nationality or a
    // party qualifying the phrase's noun is not who speaks (`an Experian study` is Experian's).
    let qualifies = |m: &&MentionRef| {
        let word = text.get(m.span.clone()).unwrap_or("");
        m.kind == crate::model::EntityType::Misc
            && text.get(m.span.end..span.end).is_some_and(|t| {
                t.strip_prefix(' ').and_then(|t| t.chars().next()).is_some_and(char::is_lowercase)
            })
            && (crate::mentions::is_party_word(word)
                || crate::gazetteer::Gazetteer::embedded().is_ok_and(|g| g.is_demonym(word)))
    };
    head_person(text, within())
        .or_else(|| within().next().filter(owner))
        .or_else(|| within().filter(org).max_by_key(|m| m.span.len()))
        .or_else(|| within().filter(|m| !qualifies(m)).max_by_key(|m| m.span.len()))
}

/// The person a phrase is about among the `mentions` inside it: the first, unless a name
/// heads a role before the next (`Clinton spokesman Brian Fallon`, `Trump’s campaign manager
/// Corey Lewandowski`): the role's holder is who the phrase names. A comma or a preposition
/// between keeps the first (`Brian Fallon, a spokesman for Hillary Clinton`).
fn head_person<'a>(text: &str, mentions: impl Iterator<Item = &'a MentionRef>) -> Option<&'a MentionRef> {
    let mut people = mentions.filter(|m| m.person);
    let first = people.next()?;
    Some(people.fold(first, |head, next| if names_a_role(text.get(head.span.end..next.span.start).unwrap_or("")) { next } else { head }))
}

/// Whether `between` two names is a role the first holds out to the second: lower-case words
/// only, after an optional possessive, the last a noun for a person by role or tie
/// (` spokesman `, `’s campaign manager `, ` ally `), not a verb (`Perez hammered Trump`).
pub(super) fn names_a_role(between: &str) -> bool {
    let not_a_role = |w: &str| super::qualifiers::JOINING.contains(&w) || matches!(w, "over" | "after" | "under");
    let owned = between.strip_prefix("’s").or_else(|| between.strip_prefix("'s"));
    // `Carter’s press secretary, Peter Cook`: after a possessive the role may be set off.
    let rest = owned.map_or(between, |r| r.trim_end().strip_suffix(',').unwrap_or(r));
    let words: Vec<&str> = rest.split_whitespace().collect();
    words.last().is_some_and(|last| super::speech::is_person_noun(last))
        && words.iter().all(|w| w.chars().all(|c| c.is_lowercase() || c == '-') && !not_a_role(w))
}

/// Mentions ending before `at`, nearest first. Mentions are in text order and do not
/// overlap, so walking back from `at` gives them by descending end.
fn before(at: usize, mentions: &[MentionRef]) -> impl Iterator<Item = &MentionRef> {
    let upto = mentions.partition_point(|m| m.span.start < at);
    mentions[..upto].iter().rev().filter(move |m| m.span.end <= at)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn mention(text: &str, name: &str, id: &str, person: bool, titles: &[&str]) -> MentionRef {
        let start = text.find(name).unwrap_or(0);
        MentionRef {
            span: start..start + name.len(),
            entity: id.into(),
            name: name.into(),
            person,
            kind: if person { crate::model::EntityType::Person } else { crate::model::EntityType::Org },
            titles: titles.iter().map(|t| t.to_string()).collect(),
        }
    }

    #[test]
    fn a_photographer_credited_under_a_picture_is_no_antecedent() {
        let text = "ScreamMyName posted the results on the forum.\n\nPhoto by Joan Bardeletti\n\n“It works,” he told me.";
        let ms = [mention(text, "Joan Bardeletti", "E2", true, &[])];
        let at = text.find("he told").unwrap_or(0);
        assert_eq!(link(text, &(at..at + 2), &ms, &[], &[]).map(|m| m.entity.as_str()), None);
        let text = "Joan Bardeletti took the pictures.\n\n“It works,” he told me.";
        let ms = [mention(text, "Joan Bardeletti", "E2", true, &[])];
        let at = text.find("he told").unwrap_or(0);
        assert_eq!(link(text, &(at..at + 2), &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E2"));
    }

    #[test]
    fn name_inside_the_phrase_prefers_a_person() {
        let text = "said the head of the Taliban delegation, Sher Stanikzai, adding";
        let ms = [mention(text, "Taliban", "E2", false, &[]), mention(text, "Sher Stanikzai", "E1", true, &[])];
        let start = text.find("the head").unwrap_or(0);
        let span = start..text.find(", adding").unwrap_or(0);
        assert_eq!(link(text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E1"));
    }

    #[test]
    fn a_name_before_a_role_is_whose_role_not_who_speaks() {
        for (phrase, speaker) in [
            ("Clinton spokesman Brian Fallon", "Brian Fallon"),
            ("Trump’s campaign manager Brian Fallon", "Brian Fallon"),
            ("Brian Fallon, a spokesman for Trump", "Brian Fallon"),
            ("Clinton and Brian Fallon", "Clinton"),
            ("Clinton, Brian Fallon", "Clinton"),
            ("Clinton’s press secretary, Brian Fallon", "Brian Fallon"),
            ("Clinton supporter Brian Fallon", "Brian Fallon"),
            ("Clinton hammered Brian Fallon", "Clinton"),
            ("Clinton over Brian Fallon", "Clinton"),
        ] {
            let text = format!("{phrase} said the emails were not classified.");
            let mut ms: Vec<_> = ["Clinton", "Trump", "Brian Fallon"]
                .iter()
                .filter(|n| text.contains(*n))
                .map(|n| mention(&text, n, n, true, &[]))
                .collect();
            ms.sort_by_key(|m| m.span.start);
            let span = 0..phrase.len();
            assert_eq!(link(&text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), Some(speaker), "{phrase}");
        }
    }

    #[test]
    fn a_nationality_or_party_qualifying_the_phrase_is_not_the_speaker() {
        let text = "Roscosmos lost the craft. The Russian space agency said debris burnt up.";
        let misc = |name: &str, id: &str| MentionRef { kind: crate::model::EntityType::Misc, ..mention(text, name, id, false, &[]) };
        let ms = [mention(text, "Roscosmos", "E1", false, &[]), misc("Russian", "E2")];
        let start = text.find("The Russian").unwrap_or(0);
        let span = start..text.find(" said").unwrap_or(0);
        assert_eq!(link(text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E1"));
        let text = "Republican congressional leaders said the bill would pass.";
        let ms = [MentionRef { kind: crate::model::EntityType::Misc, ..mention(text, "Republican", "E1", false, &[]) }];
        let span = 0..text.find(" said").unwrap_or(0);
        assert_eq!(link(text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), None);
        // A name of another kind before a document's noun is its issuer's (`an Experian study`).
        let text = "An Experian study found that most buyers pay late.";
        let ms = [MentionRef { kind: crate::model::EntityType::Misc, ..mention(text, "Experian", "E1", false, &[]) }];
        let span = 0..text.find(" found").unwrap_or(0);
        assert_eq!(link(text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E1"));
    }

    #[test]
    fn the_owner_of_a_document_speaks_for_it() {
        let text = "Salesforce's State of Data and Analytics Report revealed that data matters.";
        let ms = [mention(text, "Salesforce", "E1", false, &[]), mention(text, "State of Data and Analytics Report", "E2", false, &[])];
        let span = 0..text.find(" revealed").unwrap_or(0);
        assert_eq!(link(text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E1"));
    }

    #[test]
    fn a_named_document_speaks_for_the_organisation_that_issued_it() {
        // The tagger took the study's whole title as one name; the article names its issuer alone too.
        let text = "J.D. Power ranks the rental firms each year. According to the J.D. Power 2025 North America Rental \
                    Car Satisfaction Study, Enterprise topped the charts.";
        let study = "J.D. Power 2025 North America Rental Car Satisfaction Study";
        let misc = MentionRef { kind: crate::model::EntityType::Misc, ..mention(text, study, "E2", false, &[]) };
        let ms = [mention(text, "J.D. Power", "E1", false, &[]), misc];
        let start = text.find(study).unwrap_or(0);
        let span = start..start + study.len();
        assert_eq!(link(text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E1"));
        // A named work that is no document is left as it is.
        let text = "The Lord of the Rings says little about it.";
        let ms = [MentionRef { kind: crate::model::EntityType::Misc, ..mention(text, "The Lord of the Rings", "E1", false, &[]) }];
        let span = 0..text.find(" says").unwrap_or(0);
        assert_eq!(link(text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E1"));
    }

    #[test]
    fn the_report_far_from_its_issuer_is_still_the_issuers() {
        let filler = "Prices rose in most states this year. ".repeat(40);
        let text = format!("DesignRush collected the data for this report from 6,808 agencies. {filler}According to the report, Wyoming was cheapest.");
        let ms = [mention(&text, "DesignRush", "E1", false, &[])];
        let start = text.find("the report,").unwrap_or(0);
        let span = start..start + "the report".len();
        assert_eq!(link(&text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E1"));
        // Named after the document in its sentence; not from the next sentence.
        let text = format!("A study by Acme Corp came out. {filler}The study found prices fell.");
        let ms = [mention(&text, "Acme Corp", "E1", false, &[])];
        let start = text.find("The study found").unwrap_or(0);
        let span = start..start + "The study".len();
        assert_eq!(link(&text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E1"));
        let text = format!("A study came out. Acme Corp sells bread. {filler}The study found prices fell.");
        let ms = [mention(&text, "Acme Corp", "E1", false, &[])];
        let start = text.find("The study found").unwrap_or(0);
        let span = start..start + "The study".len();
        assert_eq!(link(&text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), None);
        // No organisation where the report first came up: no speaker is guessed.
        let text = format!("A report came out in May. {filler}Acme Corp sells bread. {filler}The report found prices fell.");
        let ms = [mention(&text, "Acme Corp", "E1", false, &[])];
        let start = text.find("The report found").unwrap_or(0);
        let span = start..start + "The report".len();
        assert_eq!(link(&text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), None);
    }

    #[test]
    fn it_they_and_the_company_link_to_the_organisation_named_last() {
        let text = "Ana Lima met Acme Corp on Monday. It said the plant would stay. The company said so too.";
        let ms = [mention(text, "Ana Lima", "E1", true, &[]), mention(text, "Acme Corp", "E2", false, &[])];
        for phrase in ["It", "The company"] {
            let start = text.find(phrase).unwrap_or(0);
            let span = start..start + phrase.len();
            assert_eq!(link(text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E2"), "{phrase}");
        }
        // Too far back, or no organisation at all: no guess.
        let far = format!("Acme Corp opened. {} It said so.", "Then nothing happened. ".repeat(50));
        let ms = [mention(&far, "Acme Corp", "E2", false, &[])];
        let start = far.find("It said").unwrap_or(0);
        assert_eq!(link(&far, &(start..start + 2), &ms, &[], &[]).map(|m| m.entity.as_str()), None);
    }

    #[test]
    fn it_stands_for_the_organisation_an_earlier_sentence_is_about() {
        let text = "Uber has defended its prices since the storm hit Acme Corp. It has now promised to cap them.";
        let ms = [mention(text, "Uber", "E1", false, &[]), mention(text, "Acme Corp", "E2", false, &[])];
        let split = text.find(" It has").unwrap_or(0) + 1;
        let sentences = [0..split, split..text.len()];
        let span = split..split + 2;
        assert_eq!(link(text, &span, &ms, &[], &sentences).map(|m| m.entity.as_str()), Some("E1"));
        // In its own sentence the nearest organisation stays.
        let text = "Uber met Acme Corp, and it said the deal would close.";
        let ms = [mention(text, "Uber", "E1", false, &[]), mention(text, "Acme Corp", "E2", false, &[])];
        let at = text.find("it said").unwrap_or(0);
        let whole: Range<usize> = 0..text.len();
        assert_eq!(link(text, &(at..at + 2), &ms, &[], std::slice::from_ref(&whole)).map(|m| m.entity.as_str()), Some("E2"));
    }

    #[test]
    fn a_nominal_links_to_the_person_apposed_after_it() {
        let text = "said the head of the Taliban delegation at the meeting in Moscow, Sher Stanikzai, adding";
        let ms = [mention(text, "Taliban", "E2", false, &[]), mention(text, "Sher Stanikzai", "E1", true, &[])];
        let start = text.find("the head").unwrap_or(0);
        let span = start..text.find(" at the meeting").unwrap_or(0);
        assert_eq!(link(text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E1"));
        // A person in the next sentence is no apposition.
        let text = "said the head of the Taliban delegation. Sher Stanikzai, too, was there";
        let ms = [mention(text, "Taliban", "E2", false, &[]), mention(text, "Sher Stanikzai", "E1", true, &[])];
        let span = start..text.find('.').unwrap_or(0);
        assert_eq!(link(text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E2"));
        // Nor is the subject of the clause a source opens.
        for text in [
            "As the International Business Times noted, Hillary Clinton raised more money",
            "According to the same poll, Hillary Clinton's favorability fell",
        ] {
            let ms = [mention(text, "Hillary Clinton", "E1", true, &[])];
            let span = text.find("the ").unwrap_or(0)..text.find(',').unwrap_or(0);
            assert_eq!(link(text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), None, "{text}");
        }
    }

    #[test]
    fn pronoun_takes_the_most_recent_person() {
        let text = "Lavrov met Stanikzai in Moscow. “Fine,” he said.";
        let ms = [
            mention(text, "Lavrov", "E1", true, &[]),
            mention(text, "Stanikzai", "E2", true, &[]),
            mention(text, "Moscow", "E3", false, &[]),
        ];
        let at = text.find("he said").unwrap_or(0);
        assert_eq!(link(text, &(at..at + 2), &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E2"));
    }

    /// The sentences of a test text: each ends at `. ` (enough for these texts).
    fn sentences_of(text: &str) -> Vec<Range<usize>> {
        let mut out = Vec::new();
        let mut start = 0;
        for (i, _) in text.match_indices(". ") {
            out.push(start..i + 1);
            start = i + 2;
        }
        out.push(start..text.len());
        out
    }

    #[test]
    fn a_pronoun_after_a_sentence_takes_its_subject_not_its_last_name() {
        let text = "Lee, the party leader, said Yoon’s order caused chaos. “Democracy is hurt,” he said.";
        let ms = [mention(text, "Lee", "E1", true, &[]), mention(text, "Yoon", "E2", true, &[])];
        let at = text.find("he said").unwrap_or(0);
        let sentences = sentences_of(text);
        assert_eq!(link(text, &(at..at + 2), &ms, &[], &sentences).map(|m| m.entity.as_str()), Some("E1"));
        // In the pronoun's own sentence the nearest person stays the antecedent.
        let text = "Lee said Yoon was wrong, and he left.";
        let ms = [mention(text, "Lee", "E1", true, &[]), mention(text, "Yoon", "E2", true, &[])];
        let at = text.find("he left").unwrap_or(0);
        assert_eq!(link(text, &(at..at + 2), &ms, &[], &sentences_of(text)).map(|m| m.entity.as_str()), Some("E2"));
        // The subject must fit too: `she` passes over `Mr. Reed` to the next person who may be
        // a woman in his sentence, not to the last one.
        let text = "Mr. Reed hired Ana Lima and thanked Jordan Lee. “It was fun,” she said.";
        let ms = [
            mention(text, "Reed", "E1", true, &[]),
            mention(text, "Ana Lima", "E2", true, &[]),
            mention(text, "Jordan Lee", "E3", true, &[]),
        ];
        let at = text.find("she said").unwrap_or(0);
        let sentences = [0..text.find(" “").unwrap_or(0), text.find("“").unwrap_or(0)..text.len()];
        assert_eq!(link(text, &(at..at + 3), &ms, &[], &sentences).map(|m| m.entity.as_str()), Some("E2"));
        // Without the sentences, the nearest person who may be a woman.
        assert_eq!(link(text, &(at..at + 3), &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E3"));
    }

    #[test]
    fn a_leader_named_for_a_government_is_no_antecedent() {
        let text = "Mr. Warner disliked the bill. In 2009, when a bill backed by the Obama administration \
                    passed, he called it “a responsible mix.”";
        let ms = [mention(text, "Warner", "E1", true, &[]), mention(text, "Obama", "E2", true, &[])];
        let at = text.find("he called").unwrap_or(0);
        assert_eq!(link(text, &(at..at + 2), &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E1"));
    }

    #[test]
    fn a_transcripts_speaker_label_is_not_the_subject_of_its_turn() {
        let text = "MARTINEZ-BELTRAN: Most people here are teachers, like Rosie Curts. She says vouchers hurt schools.";
        let ms = [mention(text, "MARTINEZ-BELTRAN", "E1", true, &[]), mention(text, "Rosie Curts", "E2", true, &[])];
        let at = text.find("She says").unwrap_or(0);
        assert_eq!(link(text, &(at..at + 3), &ms, &[], &sentences_of(text)).map(|m| m.entity.as_str()), Some("E2"));
    }

    #[test]
    fn a_pronoun_never_stands_for_a_name_in_what_it_attributes() {
        let text = "Forbes says food is decor. “Halved grapefruits, leafy lemons: Tina Lee loves them,” she shares.";
        let ms = [mention(text, "Forbes", "E1", true, &[]), mention(text, "Tina Lee", "E2", true, &[])];
        let quote = text.find("Halved").unwrap_or(0)..text.find(",” she").unwrap_or(0);
        let at = text.find("she shares").unwrap_or(0);
        assert_eq!(link(text, &(at..at + 3), &ms, &[quote], &[]).map(|m| m.entity.as_str()), Some("E1"));
        // Said of something else, the name in the quotation is the nearest person.
        assert_eq!(link(text, &(at..at + 3), &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E2"));
    }

    #[test]
    fn a_pronoun_skips_a_person_the_text_shows_is_of_the_other_sex() {
        let text = "Hannah Cairo spoke to Kevin Hartnett. “It was lonely,” she told Hartnett.";
        let ms = [mention(text, "Hannah Cairo", "E1", true, &[]), mention(text, "Kevin Hartnett", "E2", true, &[])];
        let at = text.find("she told").unwrap_or(0);
        assert_eq!(link(text, &(at..at + 3), &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E1"));
        // `he` takes the nearest person who may be a man: `Ms. Lee` is not.
        let text = "Tom Reed called Ms. Lee. “Yes,” he said.";
        let ms = [mention(text, "Tom Reed", "E1", true, &[]), mention(text, "Lee", "E2", true, &[])];
        let at = text.find("he said").unwrap_or(0);
        assert_eq!(link(text, &(at..at + 2), &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E1"));
        // A name that says nothing of its bearer's sex fits either pronoun.
        let text = "Tom Reed called Jordan Lee. “Yes,” she said.";
        let ms = [mention(text, "Tom Reed", "E1", true, &[]), mention(text, "Jordan Lee", "E2", true, &[])];
        let at = text.find("she said").unwrap_or(0);
        assert_eq!(link(text, &(at..at + 3), &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E2"));
    }

    #[test]
    fn nominal_takes_the_person_with_that_title() {
        let text = "Sergey Lavrov opened the talks. Stanikzai spoke. The minister said so.";
        let ms = [
            mention(text, "Sergey Lavrov", "E1", true, &["Foreign Minister"]),
            mention(text, "Stanikzai", "E2", true, &["head of the delegation"]),
        ];
        let at = text.find("The minister").unwrap_or(0);
        assert_eq!(link(text, &(at..at + 12), &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E1"));
        // A noun for no person is no title (`campaign manager Robby Mook` is not `the campaign`).
        let text = "Robby Mook spoke. The campaign said so.";
        let ms = [mention(text, "Robby Mook", "E1", true, &["campaign manager"])];
        let at = text.find("The campaign").unwrap_or(0);
        assert_eq!(link(text, &(at..at + 12), &ms, &[], &[]).map(|m| m.entity.as_str()), None);
        // The head of a phrase with `of` comes before it.
        let text = "Hillary Clinton spoke. The former secretary of state said so.";
        let ms = [mention(text, "Hillary Clinton", "E1", true, &["Secretary of State"])];
        let at = text.find("The former").unwrap_or(0);
        let span = at..text.find(" said").unwrap_or(0);
        assert_eq!(link(text, &span, &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E1"));
    }

    #[test]
    fn who_links_to_the_name_before_it_with_or_without_a_comma() {
        for text in ["experts like Mei Tanaka who argue that it works", "the expert, Mei Tanaka, who argues that"] {
            let ms = [mention(text, "Mei Tanaka", "E1", true, &[])];
            let at = text.find("who").unwrap_or(0);
            assert_eq!(link(text, &(at..at + 3), &ms, &[], &[]).map(|m| m.entity.as_str()), Some("E1"), "{text}");
        }
        // A name further back, across other words, is not the antecedent.
        let text = "Mei Tanaka met the experts who argue that it works";
        let ms = [mention(text, "Mei Tanaka", "E1", true, &[])];
        let at = text.find("who").unwrap_or(0);
        assert!(link(text, &(at..at + 3), &ms, &[], &[]).is_none());
    }

    #[test]
    fn bare_pronouns_are_told_from_the_author_and_from_descriptions() {
        let text = "he / They / which / I / we / the experts";
        let at = |w: &str| text.find(w).map(|i| i..i + w.len()).unwrap_or(0..0);
        assert!(is_bare_pronoun(text, &at("he")) && is_bare_pronoun(text, &at("They")) && is_bare_pronoun(text, &at("which")));
        assert!(!is_bare_pronoun(text, &at("I")) && !is_bare_pronoun(text, &at("we")));
        assert!(!is_bare_pronoun(text, &at("the experts")));
    }

    #[test]
    fn unknown_phrase_links_nothing() {
        let text = "Sources said so.";
        assert!(link(text, &(0..7), &[], &[], &[]).is_none());
    }
}
