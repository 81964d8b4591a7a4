//! The story's images: each `<img>` inside the regions that hold the story and outside their
//! page chrome (share bars, ads, related links), with its address resolved against the
//! page's, its alt text, and the caption of the `<figure>` around it.

use std::collections::HashSet;

use scraper::{ElementRef, Html};

use super::metadata::resolve_url;
use super::select::Selection;
use super::walk::Page;
use crate::model::{Image, RemovalReason};
use crate::title::collapse_whitespace;

/// A gallery page can hold hundreds; the story's own are the first.
const MAX_IMAGES: usize = 50;

pub(super) fn story_images(dom: &Html, page: &Page, sel: &Selection, base: Option<&str>) -> Vec<Image> {
    let mut out = Vec::new();
    let mut seen = HashSet::new();
    // Elements in document order, numbered as the walk numbered them.
    let elements = dom.tree.root().descendants().filter_map(ElementRef::wrap).enumerate();
    // A figure beside the story's container (the lead picture above the text) is the
    // story's too: figures are content by nature, unlike other images around the text.
    let beside: Vec<std::ops::Range<usize>> = sel
        .regions
        .iter()
        .filter_map(|r| page.elems.get(r.start)?.parent)
        .filter_map(|p| Some(p..page.elems.get(p)?.end))
        .collect();
    for (index, el) in elements {
        if !el.value().name().eq_ignore_ascii_case("img") {
            continue;
        }
        let scope = match sel.regions.iter().find(|r| r.contains(&index)) {
            Some(region) => region.start,
            None => match beside.iter().find(|r| r.contains(&index)) {
                Some(parent) if in_figure(el) => parent.start,
                _ => continue,
            },
        };
        if in_chrome(page, index, scope) {
            continue;
        }
        let Some(src) = source(el) else { continue };
        let url = base.and_then(|b| resolve_url(b, &src)).unwrap_or(src);
        if !seen.insert(url.clone()) {
            continue;
        }
        let alt = el.attr("alt").map(collapse_whitespace).filter(|a| !a.is_empty());
        out.push(Image { url, alt, caption: caption(el) });
        if out.len() == MAX_IMAGES {
            break;
        }
    }
    out
}

/// Whether the element sits in chrome inside the story's region (a caption is not chrome).
fn in_chrome(page: &Page, index: usize, region_start: usize) -> bool {
    let Some(elem) = page.elems.get(index) else { return true };
    let hinted = if elem.hint.is_some() { Some(index) } else { elem.hinted_ancestor };
    let hint = hinted.filter(|&h| h >= region_start).and_then(|h| page.elems.get(h)?.hint);
    hint.is_some_and(|hint| hint.reason != RemovalReason::Caption)
}

/// The image's address: `src`, or where lazy loading keeps it, or the first of a `srcset`.
/// Inline data and tracking pixels are not the story's.
fn source(el: ElementRef) -> Option<String> {
    let pixel = ["width", "height"].iter().any(|a| el.attr(a).is_some_and(|v| matches!(v.trim(), "0" | "1")));
    if pixel {
        return None;
    }
    let usable = |v: &str| {
        let v = v.trim();
        (!v.is_empty() && !v.starts_with("data:") && !v.starts_with("javascript:")).then(|| v.to_string())
    };
    ["data-src", "data-lazy-src", "data-original", "src"].iter().filter_map(|a| el.attr(a)).find_map(usable).or_else(
        || {
            let set = el.attr("srcset").or_else(|| el.attr("data-srcset"))?;
            set.split(',').filter_map(|c| c.split_whitespace().next()).find_map(usable)
        },
    )
}

/// The `<figure>` holding the image (within three levels).
fn figure(el: ElementRef) -> Option<ElementRef> {
    el.ancestors().take(3).filter_map(ElementRef::wrap).find(|a| a.value().name() == "figure")
}

fn in_figure(el: ElementRef) -> bool {
    figure(el).is_some()
}

/// The `<figcaption>` of the `<figure>` holding the image.
fn caption(el: ElementRef) -> Option<String> {
    let figure = figure(el)?;
    let caption = figure.children().filter_map(ElementRef::wrap).find(|c| c.value().name() == "figcaption")?;
    Some(collapse_whitespace(&caption.text().collect::<String>())).filter(|c| !c.is_empty())
}
