//! Attributions whose form leaves no doubt but which are too rare in the training data for
//! the taggers to learn: a quotation signed with a dash and a name (`“…” ― Carla Sanchez`, in
//! vox pops and epigraphs). The rule finder's reading is added where the taggers found no cue
//! of their own, and the content it claims leaves any attribution the taggers continued into
//! it.

use super::super::attribute::Attribution;
use super::super::overlaps;

/// Adds the signed quotations the rule finder found (`rules`) to the taggers' attributions.
pub(super) fn add(text: &str, out: &mut Vec<Attribution>, rules: &[Attribution]) {
    let dashes = rules
        .iter()
        .filter(|r| r.cue.as_ref().and_then(|c| text.get(c.clone())).is_some_and(|c| matches!(c, "―" | "—" | "–")));
    let mut added = false;
    for found in dashes.cloned() {
        let Some(cue) = &found.cue else { continue };
        if out.iter().any(|a| a.cue.as_ref().is_some_and(|c| overlaps(c, cue))) {
            continue;
        }
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

#[cfg(test)]
mod tests {
    use super::super::super::find_attributions;

    #[test]
    fn a_signed_quotation_is_attributed_to_its_signer() {
        let text =
            "“He represents our greatest shame.” ― Sonya Herridge\n“He is ignorant of our lives.”― Pamela Padilla";
        let got: Vec<(String, String)> = find_attributions(text, &[])
            .iter()
            .filter_map(|a| Some((text[a.source.clone()?].to_string(), text[a.cue.clone()?].to_string())))
            .collect();
        let want = [("Sonya Herridge", "―"), ("Pamela Padilla", "―")].map(|(s, c)| (s.to_string(), c.to_string()));
        assert_eq!(got, want);
    }
}
