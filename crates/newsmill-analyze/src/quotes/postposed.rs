//! The speaker named right after a quotation: `“…,” Dr. Jazini advises.`, `“…,” says Joy
//! Harden Bradford.` News prose attributes most quotations this way, with many verbs the
//! taggers do not know as cues (`advises`, `recalls`, `cautions`); when they leave such a quote
//! without a speaker, the construction itself says who spoke: a person named between the
//! closing mark and the end of the clause, next to a single word.

use std::ops::Range;

use super::MentionRef;

/// How far after the closing mark the attribution may run (bytes).
const MAX_TAIL: usize = 80;

/// Words that open an adjunct after the verb of an attribution (`said in a statement`,
/// `wrote on X`, `said last week`).
const ADJUNCT: &[&str] = &["in", "on", "at", "during", "after", "before", "via", "from", "last", "this", "earlier"];

/// The person mention and the cue word of an attribution right after the quote whose inner
/// span is `quote`, if the text has one.
pub fn speaker_after<'m>(
    text: &str,
    quote: &Range<usize>,
    mentions: &'m [MentionRef],
) -> Option<(&'m MentionRef, Range<usize>)> {
    // An organisation speaks too (`“…,” J.D. Power states.`), but a person named there is
    // the speaker first (`“…,” Google's Sundar Pichai said.`); the verb must report.
    attribution(text, quote, mentions, |m| m.person).or_else(|| {
        let org = |m: &MentionRef| m.kind == crate::model::EntityType::Org;
        attribution(text, quote, mentions, org)
            .filter(|(_, cue)| text.get(cue.clone()).is_some_and(super::speech::closes_attribution))
    })
}

/// The person credited after a dash right after a quotation, as epigraphs, testimonials
/// and pull quotes are (`“The bicycle has done more …” — Susan B. Anthony, activist`): the
/// name must follow the dash at once; the cue is the dash. The rule finder signs a quotation
/// whose dash is in its own sentence (`tagger/signed.rs`); this reads the credit after a
/// quotation that ends its sentence (`….” — Name`), which the sentence split puts apart.
pub fn credited_after_dash<'m>(
    text: &str,
    quote: &Range<usize>,
    mentions: &'m [MentionRef],
) -> Option<(&'m MentionRef, Range<usize>)> {
    let spaced = after_closing_mark(text, quote)?.trim_start_matches([' ', '\u{a0}']);
    let dash = ["—", "–", "--", "―", "-"].into_iter().find(|d| spaced.starts_with(d))?;
    let after = spaced[dash.len()..].trim_start_matches([' ', '\u{a0}']);
    let at = text.len() - after.len();
    let cue_at = text.len() - spaced.len();
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    credit_at(text, at, line_end, mentions).map(|m| (m, cue_at..cue_at + dash.len()))
}

/// Most words of a credit line under a quotation (`Doug McMillon, CEO of Walmart (during …)`).
const MAX_CREDIT_WORDS: usize = 25;

/// The person credited on the line under a quotation that is a paragraph of its own, as pull
/// quotes and testimonials print them (`“We’re finding tangible ways …”` then `Doug
/// McMillon, CEO of Walmart`): the name opens the next non-empty line, which ends there or goes
/// on with an apposition, in at most [`MAX_CREDIT_WORDS`] words.
pub fn credited_on_next_line<'m>(text: &str, quote: &Range<usize>, mentions: &'m [MentionRef]) -> Option<&'m MentionRef> {
    let before = text.get(..quote.start)?.trim_end_matches(['“', '"', '‘', '\'']);
    let own_paragraph = before.rsplit('\n').next().is_some_and(|l| l.trim().is_empty());
    let line_done = after_closing_mark(text, quote)?.trim_start_matches([' ', '\u{a0}', '\t']);
    if !own_paragraph || !line_done.starts_with('\n') {
        return None;
    }
    let next = line_done.trim_start();
    // At most one blank line between the quotation and its credit.
    if line_done[..line_done.len() - next.len()].matches('\n').count() > 2 {
        return None;
    }
    let at = text.len() - next.len();
    let line_end = text[at..].find('\n').map_or(text.len(), |i| at + i);
    // A line ending in a colon introduces the quotation under it (`Richard Hayden, Senior
    // Director of Horticulture:`), not the one above.
    let line = text[at..line_end].trim_end();
    if line.ends_with(':') || line.split_whitespace().count() > MAX_CREDIT_WORDS {
        return None;
    }
    credit_at(text, at, line_end, mentions)
}

/// The text after the closing quotation mark of the quotation whose inner span is `quote`
/// (and after the sentence's end mark before it: `….”`), or `None` when no mark closes it.
fn after_closing_mark<'t>(text: &'t str, quote: &Range<usize>) -> Option<&'t str> {
    let marks = text.get(quote.end..)?.trim_start_matches(['.', ',', '!', '?', '…']);
    let closed = marks.trim_start_matches(['”', '"', '’', '\'']);
    (closed.len() < marks.len()).then_some(closed)
}

/// The person a credit names at `at`: a person mention starting there, after which its line
/// (up to `line_end`) ends or goes on only with an apposition (`, US activist`).
fn credit_at<'m>(text: &str, at: usize, line_end: usize, mentions: &'m [MentionRef]) -> Option<&'m MentionRef> {
    let from = mentions.partition_point(|m| m.span.start < at);
    let m = mentions.get(from).filter(|m| m.span.start == at && m.person)?;
    let rest = text.get(m.span.end..line_end).unwrap_or("");
    (rest.trim().is_empty() || rest.starts_with(',')).then_some(m)
}

/// Fewest words of a paragraph credited to its author for it to be a statement, not a label.
const MIN_CREDITED_WORDS: usize = 8;

/// Paragraphs closed by their author's credit, without quotation marks, as round-ups and
/// testimonials print them (`One of my favorite podcasts is Acquired. … – Erin DeCesare, CTO,
/// ezCater`): the text before the dash, the person, and the dash.
/// `lines` are the text's [`super::lines`].
pub fn credited_paragraphs<'m>(
    text: &str,
    lines: &[Range<usize>],
    mentions: &'m [MentionRef],
) -> Vec<(Range<usize>, &'m MentionRef, Range<usize>)> {
    let mut out = Vec::new();
    for r in lines {
        let (start, line) = (r.start, &text[r.clone()]);
        let dashes = [" – ", " — ", " -- "].into_iter().filter_map(|d| line.rfind(d).map(|i| (i, d.len() - 2)));
        let Some((dash, len)) = dashes.max() else { continue };
        let Some(m) = credit_at(text, start + dash + len + 2, r.end, mentions) else { continue };
        let content = line[..dash].trim_end();
        let statement = content.ends_with(['.', '!', '?', '”', '"']) && content.split_whitespace().count() >= MIN_CREDITED_WORDS;
        if statement {
            let mut span = start..start + content.len();
            // `User review: “I love it.”`: the words quoted, without the label before them.
            if let Some(open) = content.find(['“', '"']).filter(|_| content.ends_with(['”', '"'])) {
                let mark = content[open..].chars().next().map_or(1, char::len_utf8);
                let close = content.chars().next_back().map_or(1, char::len_utf8);
                span = span.start + open + mark..span.end - close;
            }
            out.push((span, m, start + dash + 1..start + dash + 1 + len));
        }
    }
    out
}

/// [`speaker_after`] with the first mention `speaks` accepts.
fn attribution<'m>(
    text: &str,
    quote: &Range<usize>,
    mentions: &'m [MentionRef],
    speaks: impl Fn(&MentionRef) -> bool,
) -> Option<(&'m MentionRef, Range<usize>)> {
    let rest = text.get(quote.end..)?;
    let tail = rest.trim_start_matches([',', '.', '?', '!', '”', '"', '’', '\'', '—', '–', ' ']);
    let closing = &rest[..rest.len() - tail.len()];
    // `“…,”` or `“…?”`: the sentence goes on after the mark. After `.”` a new one starts.
    let goes_on = closing.contains([',', '?', '!', '—', '–']) && closing.contains(['”', '"', '’', '\'']);
    if !goes_on {
        return None;
    }
    let at = quote.end + closing.len();
    let end = clause_end(tail).min(MAX_TAIL);
    let end = at + tail.get(..end).map_or(0, |t| t.trim_end_matches([',', ' ']).len());
    let from = mentions.partition_point(|m| m.span.start < at);
    let m = mentions[from..].iter().take_while(|m| m.span.end <= end).find(|m| speaks(m))?;
    let before: Vec<(usize, &str)> = super::words(text, at..m.span.start);
    // An apposition after the name (`says Joy Harden Bradford, a psychologist`) is no cue.
    let apposed = text.get(m.span.end..end).is_some_and(|a| a.trim_start().starts_with(','));
    let after: Vec<(usize, &str)> = if apposed { Vec::new() } else { super::words(text, m.span.end..end) };
    let lower = |w: &str| w.starts_with(char::is_lowercase);
    let cue = match (before.as_slice(), after.as_slice()) {
        // `Dan recalls`, `Dr. Jazini advises`: at most a title before the name, one verb after.
        (b, [(i, w)]) if b.len() <= 2 && b.iter().all(|(_, w)| !lower(w)) && lower(w) => *i..i + w.len(),
        // `J.D. Power states on its annual report`, `Ana Lima said in a statement`: the verb
        // and an adjunct of place or time; the verb must be one that reports.
        (b, [(i, w), (_, p), ..])
            if b.len() <= 2
                && b.iter().all(|(_, w)| !lower(w))
                && ADJUNCT.contains(p)
                && super::speech::closes_attribution(w) =>
        {
            *i..i + w.len()
        }
        // `says Harden Bradford`, `says Dr. Ana Lima`, `recalls UX Designer Miche Alvarez`: one
        // verb, maybe a title of up to three capitalized words, then the name.
        ([(i, w), title @ ..], []) if lower(w) && title.len() <= 3 && title.iter().all(|(_, t)| !lower(t)) => {
            *i..i + w.len()
        }
        _ => return None,
    };
    Some((m, cue))
}

/// Where the clause that starts `tail` ends: a full stop (not one closing a title such as
/// `Dr.`, `Mr.`), a semicolon, a line break, an opening quotation mark or bracket.
fn clause_end(tail: &str) -> usize {
    let mut word_start = 0;
    for (i, c) in tail.char_indices() {
        match c {
            ';' | '\n' | '“' | '"' | '(' => return i,
            '.' => {
                let word = &tail[word_start..i];
                let title = word.len() <= 3 && word.starts_with(char::is_uppercase);
                if !title {
                    return i;
                }
            }
            c if c.is_whitespace() => word_start = i + c.len_utf8(),
            _ => {}
        }
    }
    tail.len()
}

#[cfg(test)]
mod tests {
    use super::*;

    use crate::quotes::person_mention as person;

    fn speaker(text: &str, name: &str) -> Option<(String, String)> {
        let quote = text.find('“').map(|i| i + '“'.len_utf8())?..text.find('”').map(|i| i - 1)?;
        let ms = [person(text, name)];
        speaker_after(text, &quote, &ms).map(|(m, cue)| (m.name.clone(), text[cue].to_string()))
    }

    #[test]
    fn name_and_verb_after_the_quote() {
        let t = "“A chair should support your back,” Dr. Jazini advises. Look for height.";
        assert_eq!(speaker(t, "Jazini"), Some(("Jazini".into(), "advises".into())));
        let t = "“Those were early days,” Dan recalls.";
        assert_eq!(speaker(t, "Dan"), Some(("Dan".into(), "recalls".into())));
        let t = "“Apps help,” says Joy Harden Bradford, a psychologist.";
        assert_eq!(speaker(t, "Joy Harden Bradford"), Some(("Joy Harden Bradford".into(), "says".into())));
        let t = "“It meant we could use type,” recalls UX Designer Miche Alvarez. “But it cost us.”";
        assert_eq!(speaker(t, "Miche Alvarez"), Some(("Miche Alvarez".into(), "recalls".into())));
        // Lower-case words between the verb and the name are a clause, not a title.
        assert_eq!(speaker("“It works,” says the team that hired Ana Lima.", "Ana Lima"), None);
    }

    #[test]
    fn a_verb_with_an_adjunct_of_place_or_time() {
        let t = "“Customers come first,” J.D. Power states on its annual report.";
        assert_eq!(speaker(t, "J.D. Power"), Some(("J.D. Power".into(), "states".into())));
        let t = "“We are leaving,” Ana Lima said in a statement.";
        assert_eq!(speaker(t, "Ana Lima"), Some(("Ana Lima".into(), "said".into())));
        // A verb that does not report, or no adjunct: not an attribution.
        assert_eq!(speaker("“It rained,” Dan feels in the morning.", "Dan"), None);
        assert_eq!(speaker("“It rained,” Dan went home early.", "Dan"), None);
    }

    #[test]
    fn an_organisation_speaks_with_a_verb_that_reports_and_a_person_first() {
        let org = |text: &str, name: &str| MentionRef { kind: crate::model::EntityType::Org, person: false, ..person(text, name) };
        let t = "“Customers come first,” J.D. Power states.";
        let q = t.find('“').map_or(0..0, |i| i + '“'.len_utf8()..t.find('”').unwrap_or(0) - 1);
        let found = |ms: &[MentionRef]| speaker_after(t, &q, ms).map(|(m, cue)| (m.name.clone(), t[cue].to_string()));
        assert_eq!(found(&[org(t, "J.D. Power")]), Some(("J.D. Power".into(), "states".into())));
        let t2 = "“Customers come first,” J.D. Power feels.";
        let q2 = 3..t2.find('”').unwrap_or(0) - 1;
        assert!(speaker_after(t2, &q2, &[org(t2, "J.D. Power")]).is_none(), "a state of mind");
        let t3 = "“We are leaving,” Google's Sundar Pichai said.";
        let q3 = 3..t3.find('”').unwrap_or(0) - 1;
        let ms = [org(t3, "Google"), person(t3, "Sundar Pichai")];
        assert_eq!(speaker_after(t3, &q3, &ms).map(|(m, _)| m.name.clone()), Some("Sundar Pichai".into()));
    }

    #[test]
    fn a_person_credited_on_the_line_under_a_quotation() {
        let credit = |t: &str, name: &str| {
            let q = t.find('“').map_or(0..0, |i| i + '“'.len_utf8()..t.find('”').unwrap_or(0));
            credited_on_next_line(t, &q, &[person(t, name)]).map(|m| m.name.clone())
        };
        let t = "Key quote\n\n“We are finding tangible ways to use it.”\n\nDoug McMillon, CEO of Walmart (on a call)\n\nMore text.";
        assert_eq!(credit(t, "Doug McMillon").as_deref(), Some("Doug McMillon"));
        let t = "“We are finding tangible ways to use it.”\nDoug McMillon\n";
        assert_eq!(credit(t, "Doug McMillon").as_deref(), Some("Doug McMillon"));
        // A quotation inside a paragraph, or a next paragraph that is prose about the person.
        assert_eq!(credit("He wrote “we are fine.”\nDoug McMillon, CEO\n", "Doug McMillon"), None);
        assert_eq!(credit("“We are fine.”\n\nDoug McMillon went home that day.\n", "Doug McMillon"), None);
        // A header for the next quotation.
        assert_eq!(credit("“We are fine.”\n\nDoug McMillon, CEO of Walmart:\n\n“We grow.”", "Doug McMillon"), None);
    }

    #[test]
    fn a_person_credited_after_a_dash() {
        let credit = |t: &str, name: &str| {
            let q = 3..t.find('”').unwrap_or(0) - 1;
            credited_after_dash(t, &q, &[person(t, name)]).map(|(m, cue)| (m.name.clone(), t[cue].to_string()))
        };
        let t = "“The bicycle has done more for women than anything.” — Susan B. Anthony, US activist\n\nRide on.";
        assert_eq!(credit(t, "Susan B. Anthony"), Some(("Susan B. Anthony".into(), "—".into())));
        assert!(credit("“It works well.” -- Dan Lee\n", "Dan Lee").is_some());
        // Not a credit: words before the name, or a sentence going on after it.
        assert!(credit("“It works well.” — said by Dan Lee\n", "Dan Lee").is_none());
        assert!(credit("“It works well.” — Dan Lee went home.\n", "Dan Lee").is_none());
        assert!(credit("“It works well.” Dan Lee went home.\n", "Dan Lee").is_none());
    }

    #[test]
    fn a_paragraph_closed_by_its_authors_credit() {
        let text = "Podcasts\n\nOne of my favorite podcasts is Acquired, for its long company histories. – Erin \
                    DeCesare, CTO, ezCater\nUser review: “I love the live chat and the analytics it gives.” — Neha R., \
                    Artist\nShort label – Dan Lee\nThe hosts met in 2015 and talk about it – Dan Lee went home.";
        let ms = [person(text, "Erin DeCesare"), person(text, "Neha R."), person(text, "Dan Lee")];
        let got: Vec<(&str, &str)> =
            credited_paragraphs(text, &crate::quotes::lines(text), &ms).into_iter().map(|(c, m, _)| (&text[c], m.name.as_str())).collect();
        assert_eq!(
            got,
            [
                ("One of my favorite podcasts is Acquired, for its long company histories.", "Erin DeCesare"),
                ("I love the live chat and the analytics it gives.", "Neha R.")
            ]
        );
    }

    #[test]
    fn not_after_a_full_stop_nor_with_more_words() {
        assert_eq!(speaker("“It rained all day.” Dan went home.", "Dan"), None);
        assert_eq!(speaker("“It rained,” and then Dan went home.", "Dan"), None);
        assert_eq!(speaker("“It rained,” the report on Dan said.", "Dan"), None);
    }
}
