//! Attributions whose form leaves no doubt but which the taggers miss: a quotation signed
//! with a dash and a name (`“…” ― Carla Sanchez`, in vox pops and epigraphs), too rare in the
//! training data to learn, and a sentence opened by `According to X,`, whose own verb the
//! cue tagger takes for the cue (`According to Tastewise, 37.5% of respondents listed …`) or
//! which it leaves out when that verb is no speech (`… Pinners feel inspired`). The rule
//! finder's reading is added where the taggers found no cue of their own, and the content it
//! claims leaves any attribution the taggers continued into it.

use super::super::attribute::Attribution;
use super::super::overlaps;

/// Adds the signed quotations and the sentences opened by `According to X,` that the rule
/// finder found (`rules`) to the taggers' attributions.
pub(super) fn add(text: &str, out: &mut Vec<Attribution>, rules: &[Attribution]) {
    let dash = |r: &Attribution| {
        r.cue.as_ref().and_then(|c| text.get(c.clone())).is_some_and(|c| matches!(c, "―" | "—" | "–"))
    };
    let mut added = false;
    for found in rules.iter().filter(|r| dash(r) || opens_with_according(text, r)).cloned() {
        let Some(cue) = &found.cue else { continue };
        let same_cue = |a: &Attribution| a.cue.as_ref().is_some_and(|c| overlaps(c, cue));
        // The taggers' own reading of a signed quotation stands, and of `According to X,` when
        // it has content and its source is X (they end X better: `… Medicine (ACSM)`); not when
        // they took a word of the content for the source (`37.5% of respondents`).
        let source_start = found.source.as_ref().map(|s| s.start);
        let agrees = |a: &Attribution| {
            same_cue(a) && (dash(&found) || (a.source.as_ref().map(|s| s.start) == source_start && !a.content.is_empty()))
        };
        if out.iter().any(agrees) {
            continue;
        }
        // A cue inside the content is speech within the speech: only the outermost counts.
        let within = |c: &std::ops::Range<usize>| found.content.iter().any(|r| r.start <= c.start && c.end <= r.end);
        out.retain(|a| !same_cue(a) && !a.cue.as_ref().is_some_and(within));
        for a in out.iter_mut() {
            a.content.retain(|piece| !found.content.iter().any(|r| overlaps(piece, r)));
        }
        out.push(found);
        added = true;
    }
    if added {
        out.retain(|a| a.cue.is_some() || !a.content.is_empty());
        out.sort_by_key(|a| a.cue.as_ref().or(a.content.first()).map(|r| r.start));
    }
}

/// Whether `r` is `According to X, …` at its sentence's start: the cue opens the sentence
/// (nothing but a list mark or quotation mark before it on its line or after a full stop),
/// its source follows, and its content follows the source.
fn opens_with_according(text: &str, r: &Attribution) -> bool {
    let (Some(cue), Some(source)) = (&r.cue, &r.source) else { return false };
    let Some(first) = r.content.first() else { return false };
    let according = text.get(cue.clone()).is_some_and(|c| c.eq_ignore_ascii_case("according to"));
    let before = text.get(..cue.start).unwrap_or("").trim_end_matches([' ', '-', '*', '•', '“', '"']);
    let opens = before.is_empty() || before.ends_with(['\n', '.', '!', '?', ':']);
    according && opens && cue.end <= source.start && source.end <= first.start
}

#[cfg(test)]
mod tests {
    use super::super::super::find_attributions;

    /// Each attribution's source and cue as written.
    fn sources_and_cues(text: &str) -> Vec<(String, String)> {
        find_attributions(text, &[])
            .iter()
            .filter_map(|a| Some((text[a.source.clone()?].to_string(), text[a.cue.clone()?].to_string())))
            .collect()
    }

    fn owned(pairs: &[(&str, &str)]) -> Vec<(String, String)> {
        pairs.iter().map(|(s, c)| (s.to_string(), c.to_string())).collect()
    }

    #[test]
    fn a_signed_quotation_is_attributed_to_its_signer() {
        let text =
            "“He represents our greatest shame.” ― Sonya Herridge\n“He is ignorant of our lives.”― Pamela Padilla";
        assert_eq!(sources_and_cues(text), owned(&[("Sonya Herridge", "―"), ("Pamela Padilla", "―")]));
    }

    #[test]
    fn according_to_opening_a_sentence_is_its_attribution() {
        let text = "Shoppers like it.\n\nAccording to Tastewise, 37.5% of respondents listed immune support as a reason.\n\nAccording to Pinterest, 80% of weekly Pinners feel inspired by its shopping features.";
        assert_eq!(sources_and_cues(text), owned(&[("Tastewise", "According to"), ("Pinterest", "According to")]));
    }
}
