//! Why a dropped line was dropped, for `--explain`: named by what the line looks like
//! (consent notice, share prompt, legal line, menu labels, related links) or, failing that,
//! by which stage dropped it.

use super::page::Line;
use super::region::Verdict;
use crate::model::RemovalReason;

const CONSENT: &[&str] = &["cookie", "cookies", "consent", "gdpr", "privacy settings", "datenschutz"];
const SHARE: &[&str] =
    &["share", "subscribe", "newsletter", "follow us", "tweet", "sign up", "sign in", "log in", "teilen", "abonn"];
const LEGAL: &[&str] = &["©", "copyright", "all rights reserved", "terms of use", "terms of service", "impressum"];

/// Context of a dropped line the reason depends on.
pub struct Context {
    pub verdict: Verdict,
    /// Length of the run of short lines the line is in.
    pub short_run: usize,
    /// The line comes after the story region.
    pub after_story: bool,
}

/// What a short line is by its vocabulary alone: a legal line, a consent notice or a share
/// prompt. Longer lines are left to the classifier, as prose may mention these words.
pub fn chrome_by_vocabulary(line: &Line) -> Option<RemovalReason> {
    let words = line.content.split_whitespace().count();
    if words > 12 {
        return None;
    }
    let low = line.content.to_lowercase();
    let has = |list: &[&str]| list.iter().any(|k| low.contains(k));
    if has(LEGAL) {
        Some(RemovalReason::Legal)
    } else if has(CONSENT) {
        Some(RemovalReason::Consent)
    } else if has(SHARE) {
        Some(RemovalReason::SharePrompt)
    } else {
        None
    }
}

pub fn reason(line: &Line, ctx: &Context) -> RemovalReason {
    let words = line.content.split_whitespace().count();
    if let Some(reason) = chrome_by_vocabulary(line) {
        reason
    } else if line.repeats > 1 {
        RemovalReason::Duplicate
    } else if ctx.after_story && (line.bullet || (4..=20).contains(&words)) {
        RemovalReason::RelatedLinks
    } else if ctx.short_run >= 3 || super::features::is_label_soup(line.content) {
        RemovalReason::MenuLabels
    } else if ctx.verdict == Verdict::Outside {
        RemovalReason::OutsideStory
    } else {
        RemovalReason::Boilerplate
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::text::page::Page;

    fn reason_of(text: &str, short_run: usize, after_story: bool) -> RemovalReason {
        let page = Page::parse(text);
        reason(&page.lines[0], &Context { verdict: Verdict::Low, short_run, after_story })
    }

    #[test]
    fn names_the_usual_chrome() {
        assert_eq!(reason_of("Like this story? Share it with a friend!", 1, true), RemovalReason::SharePrompt);
        assert_eq!(reason_of("© 2018 Example News. All rights reserved.", 1, true), RemovalReason::Legal);
        assert_eq!(reason_of("We use cookies to improve your experience.", 1, false), RemovalReason::Consent);
        assert_eq!(reason_of("Home", 6, false), RemovalReason::MenuLabels);
        assert_eq!(
            reason_of(
                "icon bookmark-bicon bookmarkicon cameraicon checkicon chevron downicon chevron lefticon",
                1,
                false
            ),
            RemovalReason::MenuLabels
        );
        assert_eq!(reason_of("* Five things to know about the vote", 1, true), RemovalReason::RelatedLinks);
    }
}
