//! Cues that report a state of mind or a perception rather than speech: `wants`, `sees`,
//! `feels`, `knows`, `fears`, `remembers`, `understands`, `seems`. PolNeAR annotates these as
//! attributions (its taggers learned them), but what they introduce is not something the
//! source said or claimed (`consumers want cheaper phones`, `it seems the plan failed`), so
//! the article's quotes leave such reported clauses out. Found on the training annotations
//! (data/news-analysis-train), where 2 of the 99 quotes with such cues were quotes, and
//! checked on news-analysis-dev: 2 of 74.

/// Every form of the verbs whose clauses are not reported speech.
const NOT_SPEECH: &[&str] = &[
    "want",
    "wants",
    "wanted",
    "wanting",
    "wish",
    "wishes",
    "wished",
    "see",
    "sees",
    "saw",
    "seen",
    "seeing",
    "look",
    "looks",
    "looked",
    "looking",
    "feel",
    "feels",
    "felt",
    "feeling",
    "know",
    "knows",
    "knew",
    "known",
    "knowing",
    "fear",
    "fears",
    "feared",
    "fearing",
    "worry",
    "worries",
    "worried",
    "worrying",
    "remember",
    "remembers",
    "remembered",
    "remembering",
    "understand",
    "understands",
    "understood",
    "understanding",
    "seem",
    "seems",
    "seemed",
    "seeming",
    "appear",
    "appears",
    "appeared",
    "appearing",
];

/// Whether the cue `cue` (as written: `might feel`, `don't remember`) reports a state of
/// mind or a perception: one of its words is such a verb.
pub fn not_speech(cue: &str) -> bool {
    cue.split(|c: char| !c.is_alphabetic()).any(|w| NOT_SPEECH.iter().any(|v| v.eq_ignore_ascii_case(w)))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn states_of_mind_and_perception_are_not_speech() {
        for cue in ["want", "might feel", "don't remember", "Seems", "is known", "appeared"] {
            assert!(not_speech(cue), "{cue}");
        }
        for cue in ["said", "according to", "told", "believes", "warned", ":", "added", "asked"] {
            assert!(!not_speech(cue), "{cue}");
        }
    }
}
