//! Interviews printed as questions and answers (`Q: What are the benefits?` / `A: We've
//! found that …`): each answer, and the paragraphs in the first person that go on with it
//! until the next question or heading, is the interviewee's own words, with no quotation mark
//! or cue to show it. The interviewee is the person the article names most; an introduction
//! in the first person makes it the author's FAQ instead.

use std::collections::HashMap;
use std::ops::Range;

use super::MentionRef;

/// Fewest questions for a text to be read as an interview.
const MIN_QUESTIONS: usize = 2;
/// Fewest words of a paragraph that goes on with an answer (shorter: a heading).
const MIN_WORDS: usize = 8;

/// The answers of a question-and-answer interview, each paragraph a range without its `A:`
/// label, and the interviewee; none when the text is no such interview.
/// `paragraphs` are the text's [`super::lines`].
pub fn answers<'m>(
    text: &str,
    paragraphs: &[Range<usize>],
    mentions: &'m [MentionRef],
) -> Option<(Vec<Range<usize>>, &'m MentionRef)> {
    let label = |p: &Range<usize>, l: &str| text[p.clone()].starts_with(l);
    if paragraphs.iter().filter(|p| label(p, "Q:")).count() < MIN_QUESTIONS || !paragraphs.iter().any(|p| label(p, "A:")) {
        return None;
    }
    // An author answering readers' questions in the first person (`Hey, I'm Kev …`) writes
    // an FAQ, not an interview: their own words are no quote.
    let first_question = paragraphs.iter().find(|p| label(p, "Q:")).map_or(0, |p| p.start);
    if text[..first_question].split(|c: char| !c.is_alphabetic()).any(|w| w == "I") {
        return None;
    }
    let interviewee = most_named_person(mentions)?;
    let mut out = Vec::new();
    let mut answering = false;
    for p in paragraphs.iter().cloned() {
        let body = &text[p.clone()];
        if label(&p, "A:") {
            answering = true;
            let lead = body.len() - body[2..].trim_start().len();
            out.push(p.start + lead..p.end);
        } else if label(&p, "Q:") || body.split_whitespace().count() < MIN_WORDS || !body.ends_with(['.', '!', '?', '”', '"']) {
            answering = false;
        } else if answering && first_person(body) {
            out.push(p);
        } else {
            answering = false;
        }
    }
    Some((out, interviewee))
}

/// Whether a paragraph speaks in the first person (`I`, `we`, `my`, `our`).
fn first_person(paragraph: &str) -> bool {
    paragraph.split(|c: char| !(c.is_alphabetic() || c == '’' || c == '\'')).any(|w| {
        let w = w.split(['’', '\'']).next().unwrap_or("");
        matches!(w, "I" | "we" | "We" | "my" | "My" | "our" | "Our" | "me" | "us")
    })
}

/// The person with the most mentions (the first named of those tied), if named at least twice.
fn most_named_person(mentions: &[MentionRef]) -> Option<&MentionRef> {
    let mut counts: HashMap<&str, usize> = HashMap::new();
    for m in mentions.iter().filter(|m| m.person) {
        *counts.entry(m.entity.as_str()).or_default() += 1;
    }
    let top = counts.values().copied().max().filter(|&n| n >= 2)?;
    mentions.iter().find(|m| m.person && counts.get(m.entity.as_str()) == Some(&top))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::quotes::person_mention as person;

    #[test]
    fn answers_and_their_paragraphs_are_the_interviewees() {
        let text = "Courtney Peterson joins the school. Peterson spoke about her research.\n\n\
                    Q: What are the benefits?\n\nA: We found that fasting lowers blood pressure.\n\n\
                    We also saw that people eat less, about half a pound a week.\n\nQuick hits\n\n\
                    Q: Any risks?\n\nA: Some people feel thirsty.\n\nShe will teach in the spring, the school said.";
        let ms = [person(text, "Courtney Peterson"), {
            let at = text.find("Peterson spoke").unwrap_or(0);
            MentionRef { span: at..at + 8, ..person(text, "Courtney Peterson") }
        }];
        let (spans, who) = answers(text, &super::super::lines(text), &ms).expect("an interview");
        let got: Vec<&str> = spans.iter().map(|r| &text[r.clone()]).collect();
        assert_eq!(who.name, "Courtney Peterson");
        assert_eq!(
            got,
            [
                "We found that fasting lowers blood pressure.",
                "We also saw that people eat less, about half a pound a week.",
                "Some people feel thirsty."
            ]
        );
        // The narrative after an answer is not the interviewee's; one question is no interview,
        // and an author answering in the first person writes an FAQ.
        let why = "Q: Why?\n\nA: Because it works well for everyone here.";
        assert!(answers(why, &super::super::lines(why), &ms).is_none());
        let faq = format!("Hey, I'm Courtney Peterson, and Peterson tests coffee.\n\n{}", &text[text.find("Q:").unwrap_or(0)..]);
        assert!(answers(&faq, &super::super::lines(&faq), &ms).is_none());
    }
}
