//! The page as lines: each non-blank line with what surrounds it (blank lines, list bullets,
//! how often the same text recurs on the page).

use std::collections::HashMap;

/// One non-blank line of the page.
#[derive(Debug, Clone)]
pub struct Line<'a> {
    /// The line, trimmed.
    pub text: &'a str,
    /// The line without a leading list bullet (`* `, `+ `, `- `, `• `).
    pub content: &'a str,
    pub bullet: bool,
    /// A blank line separates it from the previous / next line (paragraph spacing).
    pub blank_before: bool,
    pub blank_after: bool,
    /// How many lines of the page have the same text.
    pub repeats: usize,
}

/// The non-blank lines of a page, in order.
#[derive(Debug, Clone, Default)]
pub struct Page<'a> {
    pub lines: Vec<Line<'a>>,
}

/// Bullets inscriptis and similar flatteners put before list items.
const BULLETS: &[&str] = &["* ", "+ ", "- ", "• ", "· ", "o "];

impl<'a> Page<'a> {
    pub fn parse(text: &'a str) -> Self {
        let mut lines: Vec<Line<'a>> = Vec::new();
        let mut blank_pending = false;
        for raw in text.lines() {
            let t = raw.trim();
            if t.is_empty() {
                blank_pending = true;
                if let Some(last) = lines.last_mut() {
                    last.blank_after = true;
                }
                continue;
            }
            let stripped = BULLETS.iter().find_map(|b| t.strip_prefix(b));
            let bare_bullet = matches!(t, "*" | "+" | "-" | "•");
            lines.push(Line {
                text: t,
                content: stripped.map_or(if bare_bullet { "" } else { t }, str::trim),
                bullet: stripped.is_some() || bare_bullet,
                blank_before: blank_pending || lines.is_empty(),
                blank_after: false,
                repeats: 1,
            });
            blank_pending = false;
        }
        let mut counts: HashMap<&str, usize> = HashMap::new();
        for line in &lines {
            *counts.entry(line.content).or_insert(0) += 1;
        }
        for line in &mut lines {
            line.repeats = counts.get(line.content).copied().unwrap_or(1);
        }
        Page { lines }
    }

    pub fn len(&self) -> usize {
        self.lines.len()
    }

    pub fn is_empty(&self) -> bool {
        self.lines.is_empty()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn records_bullets_blanks_and_repeats() {
        let page = Page::parse("* Home\n* News\n\nA paragraph here.\n\nHome\n");
        assert_eq!(page.len(), 4);
        assert!(page.lines[0].bullet);
        assert_eq!(page.lines[0].content, "Home");
        assert_eq!(page.lines[0].repeats, 2);
        assert!(page.lines[2].blank_before && page.lines[2].blank_after);
        assert!(!page.lines[1].blank_before);
    }
}
