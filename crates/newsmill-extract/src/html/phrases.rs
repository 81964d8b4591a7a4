//! Lines that say what they are: copyright notices, subscribe and follow prompts, cookie
//! notices, in the languages newsmill meets most. Only short lines are judged by their words;
//! a long paragraph that mentions a newsletter is still prose.

use std::sync::LazyLock;

use regex::Regex;

use crate::model::RemovalReason;

/// Longest line, in words, judged by its phrases.
const MAX_WORDS: usize = 40;

static LEGAL: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"©|\(c\) ?\d{4}|all rights reserved|alle rechte vorbehalten|todos los derechos reservados|tous droits réservés|tutti i diritti riservati|wszelkie prawa zastrzeżone|vervielfältigung nur mit|copyrighted property|chroniony prawem autorskim",
    )
    .ok()
});

static PROMPT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(
        r"(?-u:\b)subscribe(?-u:\b)|^subscri|(become|already) a subscriber|subscribers? only|(get|start|buy|gift) (a |your )?subscription|newsletter|(?-u:\b)abonn|suscr[ií]b|subskrypc|(?-u:\b)follow (us|the)(?-u:\b)|folgen sie uns|folge uns|sign up|melden sie sich|download (the|our) app|(?-u:\b)apps? for ios|telegram|whatsapp-kanal|(?-u:\b)teilen sie(?-u:\b)|share this|diesen artikel teilen|unterstütze|support (us|our journalism)|lust auf mehr|nichts mehr verpassen",
    )
    .ok()
});

static CONSENT: LazyLock<Option<Regex>> = LazyLock::new(|| {
    Regex::new(r"(?-u:\b)(we|site|website) uses? cookies|cookie (policy|settings)|cookie-einstellungen|verwenden cookies|korzystamy z cookies|utiliza(mos)? cookies|utilise des cookies|was sind cookies|datenschutzerklärung|privacy policy").ok()
});

/// The reason a short line's own words give for removing it, if any.
pub(super) fn phrase_reason(text: &str, words: usize) -> Option<RemovalReason> {
    if words > MAX_WORDS {
        return None;
    }
    // Lowercased once here, so the patterns need no case folding and match as plain literals.
    let lower = text.to_lowercase();
    let hit = |re: &LazyLock<Option<Regex>>| re.as_ref().is_some_and(|r| r.is_match(&lower));
    if hit(&LEGAL) {
        Some(RemovalReason::Legal)
    } else if hit(&PROMPT) {
        Some(RemovalReason::SharePrompt)
    } else if hit(&CONSENT) {
        Some(RemovalReason::Consent)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn short_prompts_and_notices_are_recognised() {
        assert_eq!(phrase_reason("© 2022 Example News. All rights reserved.", 6), Some(RemovalReason::Legal));
        assert_eq!(phrase_reason("Subscribe to our newsletter", 4), Some(RemovalReason::SharePrompt));
        assert_eq!(phrase_reason("Wir verwenden Cookies.", 3), Some(RemovalReason::Consent));
        assert_eq!(phrase_reason("Bake the cookies for ten minutes.", 6), None);
        assert_eq!(phrase_reason("The council met on Tuesday.", 5), None);
        assert_eq!(phrase_reason("Subscribe", 100), None);
        // A story's prices and numbers name subscriptions without asking for one.
        assert_eq!(phrase_reason("Lifetime subscription: US$ 299.99", 4), None);
        assert_eq!(phrase_reason("Sending an email to those 268 dormant subscribers", 8), None);
        assert_eq!(phrase_reason("Already a subscriber? Log in", 5), Some(RemovalReason::SharePrompt));
        assert_eq!(phrase_reason("Subscriptions from $1 a week", 5), Some(RemovalReason::SharePrompt));
    }
}
