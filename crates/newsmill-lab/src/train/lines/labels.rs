//! Line labels from a gold article body: a line is story when most of its 4-token shingles
//! occur in the gold text. A short line (under 4 tokens) is story when its tokens occur in
//! the gold in order and a long story line is near, since short strings like "Share" occur
//! in many stories by chance.

use std::collections::HashSet;

use crate::metrics::scrapinghub_tokens;
use newsmill_extract::text::page::Page;

/// Share of a line's shingles that must be in the gold text.
const MIN_SHARE: f32 = 0.5;
/// How near (in lines) a long story line must be for a short line to count.
const NEAR: usize = 3;

pub fn label(page: &Page, gold: &str) -> Vec<bool> {
    let gt = scrapinghub_tokens(gold);
    let grams: Vec<HashSet<&[&str]>> = (1..=4).map(|n| gt.windows(n).collect()).collect();
    let mut long = vec![false; page.len()];
    let mut short = vec![false; page.len()];
    for (i, line) in page.lines.iter().enumerate() {
        let lt = scrapinghub_tokens(line.content);
        match lt.len() {
            0 => {}
            n @ 1..=3 => short[i] = grams[n - 1].contains(&lt[..]),
            _ => {
                let hits = lt.windows(4).filter(|w| grams[3].contains(w)).count();
                long[i] = hits as f32 >= MIN_SHARE * (lt.len() - 3) as f32;
            }
        }
    }
    (0..page.len())
        .map(|i| {
            let near = (i.saturating_sub(NEAR)..(i + NEAR + 1).min(page.len())).any(|j| long[j]);
            long[i] || (short[i] && near)
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn labels_story_lines_and_near_short_ones() {
        let gold = "Rain at last\n\nAfter three dry months the first rain fell over the valley on Monday.";
        let page = Page::parse(
            "Home\nShare\nRain at last\nAfter three dry months the first rain fell over the valley on Monday.\nMore news from the valley today\n",
        );
        assert_eq!(label(&page, gold), vec![false, false, true, true, false]);
    }
}
