//! URL normalisation: the key that decides whether a link is new. Two links to the same
//! story differ by a fragment, a tracking parameter, the case of the host or a default
//! port; they must meet in one frontier row.

use url::Url;

/// Query parameters that say where a click came from, never which page it is.
const TRACKING_PARAMS: &[&str] = &[
    "fbclid",
    "gclid",
    "dclid",
    "gbraid",
    "wbraid",
    "msclkid",
    "mc_cid",
    "mc_eid",
    "igshid",
    "yclid",
    "_ga",
    "_gl",
    "ocid",
    "cmpid",
    "ncid",
    "smid",
    "at_medium",
    "at_campaign",
];

/// Parameter prefixes of campaign trackers (`utm_source`, `utm_medium`, ...).
const TRACKING_PREFIXES: &[&str] = &["utm_", "mtm_", "pk_"];

fn is_tracking(name: &str) -> bool {
    let lower = name.to_ascii_lowercase();
    TRACKING_PARAMS.contains(&lower.as_str()) || TRACKING_PREFIXES.iter().any(|p| lower.starts_with(p))
}

/// A web address ready to fetch and to compare: http(s) only, no fragment, no tracking
/// parameters, no empty query. The `url` crate already lowercases the host, drops default
/// ports and resolves dot segments.
pub fn normalize(url: &Url) -> Option<Url> {
    if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none_or(str::is_empty) {
        return None;
    }
    let mut url = url.clone();
    url.set_fragment(None);
    let kept: Vec<(String, String)> =
        url.query_pairs().filter(|(k, _)| !is_tracking(k)).map(|(k, v)| (k.into_owned(), v.into_owned())).collect();
    if kept.is_empty() {
        url.set_query(None);
    } else if url.query_pairs().count() != kept.len() {
        url.query_pairs_mut().clear().extend_pairs(kept);
    }
    Some(url)
}

/// Parses `link` against `base` (a feed's or page's address) and normalises it.
pub fn resolve(base: Option<&Url>, link: &str) -> Option<Url> {
    let link = link.trim();
    if link.is_empty() {
        return None;
    }
    let parsed = match base {
        Some(base) => base.join(link).ok()?,
        None => Url::parse(link).ok()?,
    };
    normalize(&parsed)
}

/// `host[:port]`: the unit of politeness (one connection, one rate).
pub fn host_key(url: &Url) -> String {
    match (url.host_str(), url.port()) {
        (Some(h), Some(p)) => format!("{h}:{p}"),
        (Some(h), None) => h.to_string(),
        (None, _) => String::new(),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn norm(s: &str) -> Option<String> {
        resolve(None, s).map(String::from)
    }

    #[test]
    fn fragments_and_trackers_go_the_rest_stays() {
        assert_eq!(
            norm("HTTP://Example.ORG:80/a/../story?id=7&utm_source=x&fbclid=1#comments").as_deref(),
            Some("http://example.org/story?id=7")
        );
        assert_eq!(norm("https://example.org/s?gclid=1&UTM_Medium=2").as_deref(), Some("https://example.org/s"));
        assert_eq!(norm("https://example.org/s?b=2&a=1").as_deref(), Some("https://example.org/s?b=2&a=1"));
    }

    #[test]
    fn only_web_addresses() {
        assert_eq!(norm("mailto:a@example.org"), None);
        assert_eq!(norm("javascript:void(0)"), None);
        assert_eq!(norm("not a url"), None);
    }

    #[test]
    fn relative_links_resolve_against_their_base() {
        let base = Url::parse("http://127.0.0.1:8080/feeds/news.xml").unwrap();
        assert_eq!(
            resolve(Some(&base), "../world/1.html").map(String::from).as_deref(),
            Some("http://127.0.0.1:8080/world/1.html")
        );
        assert_eq!(host_key(&base), "127.0.0.1:8080");
        assert_eq!(host_key(&Url::parse("https://Example.org:443/").unwrap()), "example.org");
    }
}
