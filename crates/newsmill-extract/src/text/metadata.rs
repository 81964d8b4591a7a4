//! Title, dateline and byline from the lines around the start of the story. A flattened page
//! has no `<title>` or meta tags; the headline is the title-shaped line just above the story
//! (pages often repeat it: the copies are one title), the dateline a short line that parses
//! as a date, the byline a short `By …` line.

use super::page::Page;
use crate::dates::parse_date;
use crate::title::collapse_whitespace;

/// How far above the first story line the headline, dateline and byline are looked for.
const LOOK_BACK: usize = 12;
/// Headlines are at least this many words and at most…
const TITLE_WORDS: std::ops::RangeInclusive<usize> = 3..=30;
/// Datelines are short; bylines may list a few names.
const META_MAX_WORDS: usize = 8;
const BYLINE_MAX_WORDS: usize = 14;

/// What was found, and on which lines (indices into [`Page::lines`]).
#[derive(Debug, Clone, Default)]
pub struct Meta {
    pub title: Option<String>,
    pub title_lines: Vec<usize>,
    pub published: Option<String>,
    pub date_line: Option<usize>,
    pub authors: Vec<String>,
    pub byline: Option<usize>,
}

impl Meta {
    /// Whether line `i` was taken as metadata (not title).
    pub fn is_metadata(&self, i: usize) -> bool {
        self.date_line == Some(i) || self.byline == Some(i)
    }
}

/// Finds the metadata given the index of the first story line.
pub fn find(page: &Page, first_story: Option<usize>) -> Meta {
    let mut meta = Meta::default();
    let start = first_story.unwrap_or(page.len().min(LOOK_BACK));
    let lo = start.saturating_sub(LOOK_BACK);
    let end = (start + 3).min(page.len());
    find_title(page, lo, start, &mut meta);
    for i in lo..end {
        let text = page.lines[i].content;
        let words = text.split_whitespace().count();
        if words == 0 || words > BYLINE_MAX_WORDS {
            continue;
        }
        if meta.published.is_none()
            && words <= META_MAX_WORDS
            && has_year(text)
            && let Some(date) = parse_date(text)
        {
            meta.published = Some(date);
            meta.date_line = Some(i);
            continue;
        }
        if meta.byline.is_none()
            && let Some(names) = byline(text)
        {
            meta.authors = names;
            meta.byline = Some(i);
        }
    }
    meta
}

/// The headline: scanning up from the story, the nearest title-shaped line, preferring one
/// repeated just there (pages print the headline twice; a menu item repeated across the page
/// does not count). List items and bylines are not headlines.
fn find_title(page: &Page, lo: usize, start: usize, meta: &mut Meta) {
    let lines = &page.lines[lo..start];
    let candidates: Vec<usize> = (lo..start)
        .rev()
        .filter(|&i| {
            !page.lines[i].bullet && title_shaped(page.lines[i].content) && byline(page.lines[i].content).is_none()
        })
        .collect();
    let repeated_here = |i: usize| lines.iter().filter(|l| l.content == page.lines[i].content).count() > 1;
    // A headline stands alone between blank lines (a heading element); the first such line
    // above the story is the headline, later ones are standfirsts.
    let alone = |i: &usize| page.lines[*i].blank_before && page.lines[*i].blank_after;
    let pick = candidates
        .iter()
        .copied()
        .find(|&i| repeated_here(i))
        .or_else(|| candidates.iter().rev().copied().find(alone))
        .or(candidates.first().copied());
    let Some(i) = pick else { return };
    let text = page.lines[i].content;
    meta.title = Some(collapse_whitespace(text));
    meta.title_lines = (lo..start.max(i + 1)).filter(|&j| page.lines[j].content == text).collect();
}

fn title_shaped(text: &str) -> bool {
    let words = text.split_whitespace().count();
    let last = text.chars().last().unwrap_or('.');
    TITLE_WORDS.contains(&words)
        && !matches!(last, '.' | ':' | ',' | ';')
        && !has_year(text.split_whitespace().next().unwrap_or(""))
        && text.chars().next().is_some_and(|c| c.is_uppercase() || !c.is_alphabetic())
        && parse_date(text).is_none()
}

fn has_year(text: &str) -> bool {
    text.split(|c: char| !c.is_ascii_digit()).any(|d| d.len() == 4 && matches!(d.as_bytes()[0], b'1' | b'2'))
}

/// The names of a `By …` line.
fn byline(text: &str) -> Option<Vec<String>> {
    let lower = text.to_lowercase();
    let rest = ["by ", "written by ", "words by ", "reported by ", "von ", "par ", "por ", "di "]
        .iter()
        .find_map(|p| if lower.starts_with(p) { text.get(p.len()..) } else { None })?;
    let names: Vec<String> = rest
        .split([',', '&'])
        .flat_map(|part| part.split(" and "))
        .map(|n| n.trim().trim_end_matches('|').trim().to_string())
        .filter(|n| !n.is_empty() && n.chars().next().is_some_and(char::is_uppercase))
        .collect();
    (!names.is_empty()).then_some(names)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn repeated_headline_dateline_and_byline() {
        let text = "icon menu\n9 Nov, 2018 22:21\n\nOur goal: talks on troop withdrawal\n\nOur goal: talks on troop withdrawal\n\nBy Jane Doe and John Roe\n\nAny peace process is impossible, the delegates said after a meeting.\n";
        let page = Page::parse(text);
        let meta = find(&page, Some(5));
        assert_eq!(meta.title.as_deref(), Some("Our goal: talks on troop withdrawal"));
        assert_eq!(meta.title_lines, vec![2, 3]);
        assert_eq!(meta.published.as_deref(), Some("2018-11-09T22:21"));
        assert_eq!(meta.date_line, Some(1));
        assert_eq!(meta.authors, vec!["Jane Doe", "John Roe"]);
        assert_eq!(meta.byline, Some(4));
    }

    #[test]
    fn menu_items_and_bylines_are_not_headlines() {
        let text = "* Partner With Us\n* Blog\nTop Nutrition Trends for Fall\nBy Jane Doe\n* Partner With Us\nFall is not just pumpkin spice season, it is also a time when trends take center stage.\n";
        let page = Page::parse(text);
        let meta = find(&page, Some(5));
        assert_eq!(meta.title.as_deref(), Some("Top Nutrition Trends for Fall"));
    }

    #[test]
    fn the_first_standalone_heading_beats_a_standfirst() {
        let text = "* Home\n\nThe best appliances of the year\n\nHere is what we are excited about\n\nWritten by Ann Lee\nUpdated August 14, 2025\n\nFunny enough, buying a new large appliance brings on both excitement and dread.\n";
        let page = Page::parse(text);
        let meta = find(&page, Some(5));
        assert_eq!(meta.title.as_deref(), Some("The best appliances of the year"));
        assert_eq!(meta.authors, vec!["Ann Lee"]);
        assert_eq!(meta.published.as_deref(), Some("2025-08-14"));
    }
}
