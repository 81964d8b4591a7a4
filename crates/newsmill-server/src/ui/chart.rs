//! Bar charts on a real time axis as inline SVG, drawn on the server: no script, nothing to
//! load.

use chrono::NaiveDate;
use maud::{Markup, html};

const WIDTH: f64 = 720.0;
const HEIGHT: f64 = 160.0;
/// The widest a bar gets, so that a corpus of one or two days does not draw a wall.
const MAX_BAR: f64 = 24.0;

/// Counts per day (`YYYY-MM-DD`, in order) drawn over the whole range from the first day to
/// the last: a day without any is a gap. A range longer than `max_bars` days is drawn in
/// buckets of several days (their counts summed), so the axis always spans the real range.
pub(crate) fn bars(series: &[(String, i64)], max_bars: usize, caption: &str) -> Markup {
    let days: Vec<(NaiveDate, i64)> =
        series.iter().filter_map(|(d, v)| Some((NaiveDate::parse_from_str(d, "%Y-%m-%d").ok()?, *v))).collect();
    let (Some(first), Some(last)) = (days.iter().map(|d| d.0).min(), days.iter().map(|d| d.0).max()) else {
        return html! { p.muted { "No dated articles yet." } };
    };
    let span = usize::try_from((last - first).num_days()).unwrap_or(0) + 1;
    let per_bucket = span.div_ceil(max_bars.max(1));
    let mut buckets = vec![0i64; span.div_ceil(per_bucket)];
    for (day, value) in &days {
        let at = usize::try_from((*day - first).num_days()).unwrap_or(0) / per_bucket;
        if let Some(b) = buckets.get_mut(at) {
            *b += value;
        }
    }
    let peak = buckets.iter().copied().max().unwrap_or(1).max(1) as f64;
    let slot = WIDTH / buckets.len() as f64;
    let bar = (slot * 0.8).clamp(1.0, MAX_BAR);
    let unit = if per_bucket == 1 { "day".to_string() } else { format!("{per_bucket} days") };
    html! {
        figure.chart {
            svg viewBox={ "0 0 " (WIDTH) " " (HEIGHT + 20.0) } role="img" aria-label=(caption) preserveAspectRatio="none" {
                @for (i, value) in buckets.iter().enumerate().filter(|(_, v)| **v > 0) {
                    @let h = (*value as f64 / peak * HEIGHT).max(1.0);
                    @let from = first + chrono::Days::new((i * per_bucket) as u64);
                    rect x=(format!("{:.1}", i as f64 * slot + (slot - bar) / 2.0)) y=(format!("{:.1}", HEIGHT - h))
                        width=(format!("{bar:.1}")) height=(format!("{h:.1}")) {
                        title { (from.format("%Y-%m-%d")) ": " (value) }
                    }
                }
                text x="0" y=(HEIGHT + 16.0) { (first.format("%Y-%m-%d")) }
                text x=(WIDTH) y=(HEIGHT + 16.0) text-anchor="end" { (last.format("%Y-%m-%d")) }
            }
            figcaption { (caption) ", one bar per " (unit) " (peak " (peak as i64) ")" }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn rects(svg: &str) -> Vec<(f64, String)> {
        svg.split("<rect ")
            .skip(1)
            .map(|r| {
                let x = r.split("x=\"").nth(1).and_then(|s| s.split('"').next()).and_then(|s| s.parse().ok());
                let title = r.split("<title>").nth(1).and_then(|s| s.split("</title>").next()).unwrap_or("");
                (x.unwrap_or(-1.0), title.to_string())
            })
            .collect()
    }

    #[test]
    fn empty_days_are_gaps_on_the_real_axis() {
        let series = [("2018-11-01".to_string(), 3), ("2018-11-10".to_string(), 1)];
        let svg = bars(&series, 120, "Articles per day").into_string();
        let r = rects(&svg);
        assert_eq!(r.len(), 2, "{svg}");
        assert!(r[1].0 > WIDTH * 0.85, "the last day is at the right end: {r:?}");
        assert_eq!(r[1].1, "2018-11-10: 1");
        assert!(svg.contains("one bar per day"));
    }

    #[test]
    fn one_day_is_one_narrow_bar_and_long_ranges_are_bucketed() {
        let svg = bars(&[("2020-05-05".to_string(), 7)], 120, "c").into_string();
        assert!(svg.contains(&format!("width=\"{MAX_BAR:.1}\"")), "{svg}");
        let long: Vec<(String, i64)> = (0..1000)
            .map(|d| ((NaiveDate::from_ymd_opt(2018, 1, 1).unwrap() + chrono::Days::new(d)).to_string(), 1))
            .collect();
        let svg = bars(&long, 100, "c").into_string();
        assert_eq!(rects(&svg).len(), 100, "1000 days in buckets of 10");
        assert!(svg.contains("one bar per 10 days") && svg.contains("2020-09-26"), "the whole range");
    }
}
