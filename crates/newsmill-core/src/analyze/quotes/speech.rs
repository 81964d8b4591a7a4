//! Whether a cue reports speech, for the article's reported (indirect) quotes.
//!
//! Cues that report a state of mind or a perception rather than speech: `wants`, `sees`,
//! `feels`, `knows`, `fears`, `remembers`, `understands`, `seems`. PolNeAR annotates these as
//! attributions (its taggers learned them), but what they introduce is not something the
//! source said or claimed (`consumers want cheaper phones`, `it seems the plan failed`), so
//! the article's quotes leave such reported clauses out. Found on the training annotations
//! (data/news-analysis-train), where 2 of the 99 quotes with such cues were quotes, and
//! checked on news-analysis-dev: 2 of 74.

/// A reported clause is a quote only if some word of its cue is at least this likely to be
/// part of a cue (the learned lexicon, `models/quotes-en-cues.tsv`): the taggers also take
/// words such as `gave about` or `the current discussion about` for cues. Chosen
/// among 0.2 to 0.7 on data/news-analysis-train, where 0.5 and 0.6 did best (who-said-what
/// F1 0.187 -> 0.208 at 0.5), then measured on news-analysis-dev: 0.520 -> 0.536.
const MIN_CUE_WEIGHT: f32 = 0.5;

/// Whether the cue `cue` (its text) reports speech, writing or a claim: not a state of mind
/// or a perception, and with a word the lexicon knows as a cue. A cue without letters (`:`,
/// a dash) is punctuation the rules placed, and reports speech.
pub fn reports_speech(cue: &str) -> bool {
    let mut words = cue.split(|c: char| !c.is_alphabetic()).filter(|w| !w.is_empty()).peekable();
    if words.peek().is_none() {
        return true;
    }
    !not_speech(cue) && words.map(super::cues::cue_weight).fold(0.0, f32::max) >= MIN_CUE_WEIGHT
}

/// Speakers that are the author or the reader: what `I think`, `we propose`, `you may ask`
/// introduce is the article's own voice, not a source's (GUIDELINES.md: rhetorical phrases
/// of the author are not quotes).
const AUTHOR_OR_READER: &[&str] = &[
    "i", "i've", "i’ve", "i'm", "i’m", "i'd", "i’d", "i'll", "i’ll", "we", "we've", "we’ve", "we're", "we’re", "we'd",
    "we’d", "we'll", "we’ll", "you", "you've", "you’ve", "you're", "you’re", "you'd", "you’d", "you'll", "you’ll",
    "me", "us", "my", "our", "your",
];

/// Whether a reported clause with this source (the speaker as written, if any) is a quote:
/// someone other than the author or the reader is named or described. A report with no source
/// anywhere (`X was reported to…`) is not attributed to anyone a reader could cite. On
/// data/news-analysis-train, 0 of 43 reported clauses with an author or reader speaker and 3
/// of 53 without a speaker were quotes; on news-analysis-dev 1 of 28 and 4 of 34.
pub fn has_a_source(speaker: Option<&str>) -> bool {
    speaker.is_some_and(|s| !AUTHOR_OR_READER.contains(&s.trim().to_lowercase().as_str()))
}

/// A reported clause of at most this many words is not listed: what the taggers take for the
/// content of such short clauses is mostly an object or an adverbial (`said the masses`,
/// `In her only response, … said`), seldom a claim. Chosen on data/news-analysis-train as the
/// largest length with no quote among the clauses dropped (25 clauses of at most 5 words, none
/// a quote; at 6, one of 30 was); news-analysis-dev then: 7 of 56.
const MIN_REPORTED_WORDS: usize = 6;

/// Whether a reported clause (its text) is long enough to state something.
pub fn states_something(content: &str) -> bool {
    content.split_whitespace().filter(|w| w.chars().any(char::is_alphanumeric)).count() >= MIN_REPORTED_WORDS
}

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
fn not_speech(cue: &str) -> bool {
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
            assert!(reports_speech(cue), "{cue}");
        }
    }

    #[test]
    fn short_clauses_state_nothing() {
        assert!(!states_something("the planned growth"));
        assert!(!states_something("In her only response ,"));
        assert!(states_something("prices would rise by the end of the year"));
    }

    #[test]
    fn the_author_and_the_reader_are_not_sources() {
        for s in ["I", "We", "you", " I’ve", "our"] {
            assert!(!has_a_source(Some(s)), "{s}");
        }
        assert!(!has_a_source(None));
        for s in ["he", "They", "the ministry", "Ana Lima", "Ivan"] {
            assert!(has_a_source(Some(s)), "{s}");
        }
    }

    #[test]
    fn words_the_lexicon_does_not_know_as_cues_report_no_speech() {
        for cue in ["the current discussion about", "gave about", "tears", "want"] {
            assert!(!reports_speech(cue), "{cue}");
        }
        assert!(reports_speech("—"));
    }
}
