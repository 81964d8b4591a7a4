//! The weights and thresholds the DOM extractor scores and selects blocks by. They were set by
//! hand at first ([`BlockWeights::HAND_SET`]; the three added with the learning were set before
//! any measurement: a story of three paragraphs, a fallback below a sentence or two that needs
//! twice as much). The ones used ship in `models/html-blocks.json`, chosen by cross-validation
//! grouped by site (`newsmill train blocks`, model card beside the file).

use std::sync::LazyLock;

/// Every number block scoring, container selection and assembly read.
#[derive(Debug, Clone, Copy, PartialEq, serde::Serialize, serde::Deserialize)]
#[serde(deny_unknown_fields)]
pub struct BlockWeights {
    /// Link density above which a segment counts against its container as a link list.
    pub link_list_density: f64,
    /// Penalty per character of a link list.
    pub link_weight: f64,
    /// Penalty per character of a hinted (boilerplate) segment.
    pub boilerplate_weight: f64,
    /// Most characters a penalty counts.
    pub penalty_cap: f64,
    /// Weight per character of a short non-link line, against 1 for prose.
    pub short_line_weight: f64,
    /// Most characters a short line counts.
    pub short_line_cap: f64,
    /// Link density above which a segment is not prose.
    pub prose_max_link_density: f64,
    /// Fewest words of a prose segment with sentence punctuation.
    pub prose_min_words: f64,
    /// Characters from which a segment is prose whatever its punctuation.
    pub prose_min_chars: f64,
    /// Share of the page's prose from which a class or id hint is overruled.
    pub soft_hint_max_prose_share: f64,
    /// The same for tag, role and visibility hints.
    pub hard_hint_max_prose_share: f64,
    /// Below this share of the page's prose in the container, class hints are ignored and the
    /// container chosen again.
    pub min_selected_prose_share: f64,
    /// Prose characters from which the first container holds a story, whose trailing comment
    /// hints stand when the container is chosen again.
    pub story_min_prose_chars: f64,
    /// Share of the container's prose a sibling needs to join the story.
    pub min_sibling_prose_share: f64,
    /// Extra weight of prose inside `<article>`, `<main>` or `itemprop=articleBody`.
    pub semantic_bonus: f64,
    /// Link density above which a segment inside the story is dropped as a link list.
    pub story_max_link_density: f64,
    /// Longest prose segment, in words, still judged by its phrases ("Subscribe now…").
    pub max_prompt_prose_words: f64,
    /// Shortest line, in words, dropped when it repeats.
    pub min_duplicate_words: f64,
    /// Longest line, in words, taken as a label, a byline or a dateline.
    pub max_label_words: f64,
    /// A story of fewer words than this is checked against the second candidate, the whole
    /// page outside the hinted chrome.
    pub fallback_max_words: f64,
    /// How many times more words the second candidate needs to be taken instead.
    pub fallback_min_gain: f64,
}

impl BlockWeights {
    /// The values set by hand before any were learned.
    pub const HAND_SET: BlockWeights = BlockWeights {
        link_list_density: 0.5,
        link_weight: 0.6,
        boilerplate_weight: 0.5,
        penalty_cap: 400.0,
        short_line_weight: 0.25,
        short_line_cap: 200.0,
        prose_max_link_density: 0.3,
        prose_min_words: 15.0,
        prose_min_chars: 250.0,
        soft_hint_max_prose_share: 0.4,
        hard_hint_max_prose_share: 0.6,
        min_selected_prose_share: 0.25,
        story_min_prose_chars: 1000.0,
        min_sibling_prose_share: 0.1,
        semantic_bonus: 0.2,
        story_max_link_density: 0.7,
        max_prompt_prose_words: 25.0,
        min_duplicate_words: 5.0,
        max_label_words: 8.0,
        fallback_max_words: 25.0,
        fallback_min_gain: 2.0,
    };

    /// The weights that ship with this build, from `models/html-blocks.json`.
    pub fn shipped() -> &'static BlockWeights {
        SHIPPED.as_ref().unwrap_or(&Self::HAND_SET)
    }

    /// Whether the shipped file parses; the extractor falls back to the hand-set values when
    /// it does not.
    pub fn check_shipped() -> Result<(), &'static str> {
        SHIPPED.as_ref().map(|_| ()).map_err(|_| "models/html-blocks.json does not parse as block weights")
    }

    /// Each weight by name with its value, in the file's order.
    #[cfg(feature = "internals")]
    pub fn named(&self) -> [(&'static str, f64); 21] {
        let mut copy = *self;
        copy.named_mut().map(|(name, value)| (name, *value))
    }

    /// Each weight by name, to search over; the order is the file's.
    #[cfg(feature = "internals")]
    pub fn named_mut(&mut self) -> [(&'static str, &mut f64); 21] {
        [
            ("link_list_density", &mut self.link_list_density),
            ("link_weight", &mut self.link_weight),
            ("boilerplate_weight", &mut self.boilerplate_weight),
            ("penalty_cap", &mut self.penalty_cap),
            ("short_line_weight", &mut self.short_line_weight),
            ("short_line_cap", &mut self.short_line_cap),
            ("prose_max_link_density", &mut self.prose_max_link_density),
            ("prose_min_words", &mut self.prose_min_words),
            ("prose_min_chars", &mut self.prose_min_chars),
            ("soft_hint_max_prose_share", &mut self.soft_hint_max_prose_share),
            ("hard_hint_max_prose_share", &mut self.hard_hint_max_prose_share),
            ("min_selected_prose_share", &mut self.min_selected_prose_share),
            ("story_min_prose_chars", &mut self.story_min_prose_chars),
            ("min_sibling_prose_share", &mut self.min_sibling_prose_share),
            ("semantic_bonus", &mut self.semantic_bonus),
            ("story_max_link_density", &mut self.story_max_link_density),
            ("max_prompt_prose_words", &mut self.max_prompt_prose_words),
            ("min_duplicate_words", &mut self.min_duplicate_words),
            ("max_label_words", &mut self.max_label_words),
            ("fallback_max_words", &mut self.fallback_max_words),
            ("fallback_min_gain", &mut self.fallback_min_gain),
        ]
    }
}

static SHIPPED: LazyLock<Result<BlockWeights, serde_json::Error>> =
    LazyLock::new(|| serde_json::from_str(include_str!("../../models/html-blocks.json")));

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn shipped_weights_parse() {
        assert_eq!(BlockWeights::check_shipped(), Ok(()));
    }
}
