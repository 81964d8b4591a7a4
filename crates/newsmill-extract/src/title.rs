//! Headlines without the site name pages wrap them in (`Story | Site`, `Site - Story`).

/// Separators between a headline and a site name in `<title>`.
const SEPARATORS: &[&str] = &[" | ", " - ", " – ", " — ", " :: ", " · ", " • ", " / ", " « ", " » "];
/// A part this much shorter than the rest, in words, is taken as the site name.
const MAX_SITE_WORDS: usize = 4;

/// Removes a site-name prefix or suffix from a `<title>`. With `site` known, only a part
/// matching it goes; without, the shortest end part of at most a few words goes when the
/// headline left is clearly longer.
pub fn clean_title(raw: &str, site: Option<&str>) -> String {
    let title = collapse_whitespace(raw);
    for sep in SEPARATORS {
        let Some((head, tail)) = title.rsplit_once(sep) else { continue };
        if let Some(site) = site {
            let site = site.trim().to_lowercase();
            if tail.trim().to_lowercase() == site || site.contains(&tail.trim().to_lowercase()) {
                return head.trim().to_string();
            }
            if let Some((first, rest)) = title.split_once(sep)
                && first.trim().to_lowercase() == site
            {
                return rest.trim().to_string();
            }
        }
        let tail_words = tail.split_whitespace().count();
        let head_words = head.split_whitespace().count();
        if tail_words <= MAX_SITE_WORDS && head_words > tail_words + 1 {
            return head.trim().to_string();
        }
        if let Some((first, rest)) = title.split_once(sep) {
            let (first_words, rest_words) = (first.split_whitespace().count(), rest.split_whitespace().count());
            if first_words <= 2 && rest_words > first_words + 3 {
                return rest.trim().to_string();
            }
        }
    }
    title
}

/// Collapses runs of whitespace to single spaces and trims.
pub fn collapse_whitespace(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for word in s.split_whitespace() {
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn strips_site_suffix_and_prefix() {
        assert_eq!(clean_title("Taliban seeks talks with US | RT World News", None), "Taliban seeks talks with US");
        assert_eq!(
            clean_title("BBC News - Storm hits the coast of Wales overnight", None),
            "Storm hits the coast of Wales overnight"
        );
        assert_eq!(clean_title("Story title here — The Paper", Some("The Paper")), "Story title here");
    }

    #[test]
    fn keeps_dashes_inside_headlines() {
        assert_eq!(clean_title("Trump – the early years", None), "Trump – the early years");
        assert_eq!(clean_title("  One   title  ", None), "One title");
    }
}
