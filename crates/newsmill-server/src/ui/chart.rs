//! Bar charts as inline SVG, drawn on the server: no script, nothing to load.

use maud::{Markup, html};

/// A bar per (label, value), labels being days. Shows at most `max_bars` (the latest).
pub(crate) fn bars(series: &[(String, i64)], max_bars: usize, caption: &str) -> Markup {
    let shown = &series[series.len().saturating_sub(max_bars)..];
    if shown.is_empty() {
        return html! { p.muted { "No dated articles yet." } };
    }
    let (width, height) = (720.0, 160.0);
    let peak = shown.iter().map(|(_, v)| *v).max().unwrap_or(1).max(1) as f64;
    let slot = width / shown.len() as f64;
    let bar = (slot * 0.8).max(1.0);
    let first = shown.first().map_or("", |(d, _)| d.as_str());
    let last = shown.last().map_or("", |(d, _)| d.as_str());
    html! {
        figure.chart {
            svg viewBox={ "0 0 " (width) " " (height + 20.0) } role="img" aria-label=(caption) preserveAspectRatio="none" {
                @for (i, (label, value)) in shown.iter().enumerate() {
                    @let h = (*value as f64 / peak * height).max(1.0);
                    rect x=(format!("{:.1}", i as f64 * slot)) y=(format!("{:.1}", height - h))
                        width=(format!("{bar:.1}")) height=(format!("{h:.1}")) {
                        title { (label) ": " (value) }
                    }
                }
                text x="0" y=(height + 16.0) { (first) }
                text x=(width) y=(height + 16.0) text-anchor="end" { (last) }
            }
            figcaption { (caption) " (peak " (peak as i64) ")" }
        }
    }
}
