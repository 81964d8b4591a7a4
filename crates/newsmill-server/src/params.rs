//! Query-string parameters shared by the API and the pages, and their bounds: a request can
//! never ask for an unbounded page or an unbounded search text.

use newsmill_store::{QuoteQuery, SearchQuery, is_day};
use serde::Deserialize;

use crate::error::ApiError;

pub(crate) const MAX_PAGE: usize = 100;
pub(crate) const MAX_TEXT: usize = 500;
pub(crate) const MAX_OFFSET: usize = 10_000;

#[derive(Debug, Default, Clone, Deserialize)]
pub(crate) struct SearchParams {
    #[serde(default)]
    pub q: String,
    pub entity: Option<String>,
    pub speaker: Option<String>,
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub site: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

impl SearchParams {
    pub fn to_query(&self) -> Result<SearchQuery, ApiError> {
        Ok(SearchQuery {
            text: text(&self.q, "q")?.unwrap_or_default(),
            entity: opt_text(&self.entity, "entity")?,
            kind: entity_type(&self.kind)?,
            speaker: opt_text(&self.speaker, "speaker")?,
            site: opt_text(&self.site, "site")?,
            since: date(&self.since, "since")?,
            until: date(&self.until, "until")?,
            limit: page(self.limit, 20, "limit")?,
            offset: offset(self.offset)?,
        })
    }

    /// True when nothing was asked: the search page shows only its form.
    pub fn is_empty(&self) -> bool {
        self.q.trim().is_empty()
            && [&self.entity, &self.speaker, &self.kind, &self.site, &self.since, &self.until]
                .iter()
                .all(|v| v.as_deref().is_none_or(|s| s.trim().is_empty()))
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
pub(crate) struct QuoteParams {
    pub speaker: Option<String>,
    pub about: Option<String>,
    pub since: Option<String>,
    pub until: Option<String>,
    pub limit: Option<usize>,
    pub offset: Option<usize>,
}

impl QuoteParams {
    pub fn to_query(&self) -> Result<QuoteQuery, ApiError> {
        Ok(QuoteQuery {
            speaker: opt_text(&self.speaker, "speaker")?,
            speaker_id: None,
            about: opt_text(&self.about, "about")?,
            since: date(&self.since, "since")?,
            until: date(&self.until, "until")?,
            limit: page(self.limit, 30, "limit")?,
            offset: offset(self.offset)?,
        })
    }
}

#[derive(Debug, Default, Clone, Deserialize)]
pub(crate) struct EntityParams {
    #[serde(rename = "type")]
    pub kind: Option<String>,
    pub top: Option<usize>,
}

impl EntityParams {
    pub fn kind(&self) -> Result<Option<String>, ApiError> {
        entity_type(&self.kind)
    }

    pub fn top(&self) -> Result<usize, ApiError> {
        page(self.top, 20, "top")
    }
}

/// A page size: more than [`MAX_PAGE`] is cut to it; 0 is refused, as the CLI refuses it,
/// rather than quietly read as some other number.
fn page(asked: Option<usize>, default: usize, name: &str) -> Result<usize, ApiError> {
    match asked {
        Some(0) => Err(ApiError::bad_request(format!("{name} must be at least 1"))),
        other => Ok(other.unwrap_or(default).min(MAX_PAGE)),
    }
}

fn offset(asked: Option<usize>) -> Result<usize, ApiError> {
    match asked {
        Some(o) if o > MAX_OFFSET => Err(ApiError::bad_request(format!("offset is at most {MAX_OFFSET}"))),
        other => Ok(other.unwrap_or(0)),
    }
}

fn text(value: &str, name: &str) -> Result<Option<String>, ApiError> {
    let value = value.trim();
    if value.len() > MAX_TEXT {
        return Err(ApiError::bad_request(format!("{name} is longer than {MAX_TEXT} bytes")));
    }
    Ok((!value.is_empty()).then(|| value.to_string()))
}

fn opt_text(value: &Option<String>, name: &str) -> Result<Option<String>, ApiError> {
    text(value.as_deref().unwrap_or(""), name)
}

fn date(value: &Option<String>, name: &str) -> Result<Option<String>, ApiError> {
    let Some(v) = opt_text(value, name)? else { return Ok(None) };
    if !is_day(&v) {
        return Err(ApiError::bad_request(format!("{name} must be a real date written YYYY-MM-DD, like 2018-11-09")));
    }
    Ok(Some(v))
}

fn entity_type(value: &Option<String>) -> Result<Option<String>, ApiError> {
    match value.as_deref().map(str::trim) {
        None | Some("") => Ok(None),
        Some(t) => match t.parse::<newsmill_model::EntityType>() {
            Ok(t) => Ok(Some(t.as_str().to_string())),
            Err(e) => Err(ApiError::bad_request(e.to_string())),
        },
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn bounds_and_validation() {
        let p = SearchParams { q: "x".repeat(MAX_TEXT + 1), ..SearchParams::default() };
        assert!(p.to_query().is_err());
        let p = SearchParams { limit: Some(1_000_000), ..SearchParams::default() };
        assert_eq!(p.to_query().unwrap().limit, MAX_PAGE);
        let p = SearchParams { since: Some("2018-11-9".into()), ..SearchParams::default() };
        assert!(p.to_query().is_err());
        let p =
            SearchParams { kind: Some("person".into()), since: Some("2018-11-09".into()), ..SearchParams::default() };
        assert_eq!(p.to_query().unwrap().kind.as_deref(), Some("PERSON"));
        assert!(SearchParams { kind: Some("robot".into()), ..SearchParams::default() }.to_query().is_err());
        assert!(SearchParams { offset: Some(MAX_OFFSET + 1), ..SearchParams::default() }.to_query().is_err());
    }

    #[test]
    fn impossible_dates_and_empty_pages_are_refused() {
        for bad in ["garbage", "2018-02-30", "2018-13-01"] {
            assert!(SearchParams { since: Some(bad.into()), ..SearchParams::default() }.to_query().is_err(), "{bad}");
            assert!(QuoteParams { until: Some(bad.into()), ..QuoteParams::default() }.to_query().is_err(), "{bad}");
        }
        assert!(SearchParams { limit: Some(0), ..SearchParams::default() }.to_query().is_err());
        assert!(QuoteParams { limit: Some(0), ..QuoteParams::default() }.to_query().is_err());
        assert!(EntityParams { top: Some(0), ..EntityParams::default() }.top().is_err());
        assert_eq!(SearchParams { limit: Some(1), ..SearchParams::default() }.to_query().unwrap().limit, 1);
    }
}
