//! `newsmill search`, `quotes`, `entities` and `stats`: read a corpus database.

use std::io::{ErrorKind, Write};
use std::path::PathBuf;
use std::process::ExitCode;
use std::time::Duration;

use clap::{Args, ValueEnum};
use newsmill_model::EntityType;
use newsmill_store::{EntityQuery, HIGHLIGHT_END, HIGHLIGHT_START, Limits, QuoteQuery, SearchQuery, Store};

#[derive(Args)]
pub struct DbArg {
    /// The corpus database.
    #[arg(long, default_value = "newsmill.db", value_name = "FILE")]
    db: PathBuf,
}

impl DbArg {
    pub fn path(&self) -> &std::path::Path {
        &self.db
    }
}

/// The article filters `search` and `export` share.
#[derive(Args)]
pub struct FilterArgs {
    /// Only articles naming this entity (a full name or a surname).
    #[arg(long, value_name = "NAME")]
    entity: Option<String>,
    /// With --entity: only entities of this type (PERSON, ORG, LOC or MISC, in any case).
    #[arg(long = "type", value_name = "TYPE", value_parser = entity_type)]
    kind: Option<EntityType>,
    /// Only articles from this site.
    #[arg(long, value_name = "SITE")]
    site: Option<String>,
    /// Published on or after (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = day_arg)]
    since: Option<String>,
    /// Published on or before (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = day_arg)]
    until: Option<String>,
}

/// A `--since`/`--until` value: a real day, so a typo is an error rather than no results.
fn day_arg(s: &str) -> Result<String, String> {
    if newsmill_store::is_day(s) { Ok(s.to_string()) } else { Err("expected a real date written YYYY-MM-DD".into()) }
}

/// `--limit` and `--top`: 0 is refused (as the API refuses it) rather than read as a default.
fn count(s: &str) -> Result<usize, String> {
    match s.parse::<usize>() {
        Ok(0) => Err("must be at least 1".into()),
        Ok(n) => Ok(n),
        Err(e) => Err(e.to_string()),
    }
}

/// A time budget in seconds: positive and finite.
pub fn seconds(s: &str) -> Result<f64, String> {
    match s.parse::<f64>() {
        Ok(v) if v > 0.0 && v.is_finite() && v < 1e9 => Ok(v),
        Ok(_) => Err("must be a positive number of seconds".into()),
        Err(e) => Err(e.to_string()),
    }
}

/// Writes a command's output to stdout. A reader that stops early (`| head -1`) closes the
/// pipe; that ends the output quietly instead of as an error.
fn output(write: impl FnOnce(&mut dyn Write) -> std::io::Result<()>) -> anyhow::Result<()> {
    let mut out = std::io::BufWriter::new(std::io::stdout().lock());
    match write(&mut out).and_then(|()| out.flush()) {
        Err(e) if e.kind() == ErrorKind::BrokenPipe => Ok(()),
        other => Ok(other?),
    }
}

/// Stored text for a terminal: control characters (escape sequences in a page or a URL,
/// stored before extraction stripped them) never reach it.
fn shown(text: &str) -> std::borrow::Cow<'_, str> {
    newsmill_model::text::strip_controls(text)
}

fn json(out: &mut dyn Write, value: &impl serde::Serialize) -> std::io::Result<()> {
    serde_json::to_writer_pretty(&mut *out, value)?;
    writeln!(out)
}

impl FilterArgs {
    pub fn query(self) -> SearchQuery {
        SearchQuery {
            entity: self.entity,
            kind: self.kind.map(|k| k.as_str().to_string()),
            site: self.site,
            since: self.since,
            until: self.until,
            ..SearchQuery::default()
        }
    }
}

/// The day of an ISO date-time, whatever the input held.
fn day(published: Option<&str>) -> &str {
    published.map_or("", |d| d.get(..10).unwrap_or(d))
}

#[derive(Clone, Copy, ValueEnum)]
pub enum TableOrJson {
    Table,
    Json,
}

/// An entity type named on the command line, in any case (`--type person`).
fn entity_type(name: &str) -> Result<EntityType, String> {
    name.parse().map_err(|e: newsmill_model::UnknownEntityType| e.to_string())
}

/// Search the corpus: all words must occur; best matches (BM25) first, with snippets.
///
/// Example: newsmill search "peace talks" --entity Lavrov --since 2018-11-01
#[derive(Args)]
pub struct SearchArgs {
    /// Words to find (may be empty when filters are given: newest first).
    #[arg(value_name = "TEXT", default_value = "")]
    text: String,
    /// Only articles quoting this speaker.
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,
    #[command(flatten)]
    filters: FilterArgs,
    #[arg(long, default_value_t = 10, value_name = "N", value_parser = count)]
    limit: usize,
    /// Stop the query after this many seconds.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS", value_parser = seconds)]
    timeout: f64,
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    format: TableOrJson,
    #[command(flatten)]
    db: DbArg,
}

pub fn search(args: SearchArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(&args.db.db)?;
    let q = SearchQuery { text: args.text, speaker: args.speaker, limit: args.limit, ..args.filters.query() };
    let hits = store.limited(&Limits::budget(Duration::from_secs_f64(args.timeout)), |s| s.search(&q))?;
    output(|out| match args.format {
        TableOrJson::Json => json(out, &hits),
        TableOrJson::Table => {
            // Matched words in bold by `--color` (by default on a terminal without NO_COLOR).
            let bold = if crate::output::colour_on_stdout() { ("\x1b[1m", "\x1b[0m") } else { ("", "") };
            for hit in &hits {
                let title = shown(hit.title.as_deref().unwrap_or("(untitled)"));
                let date = day(hit.published.as_deref());
                // The id is what `newsmill show` takes.
                writeln!(
                    out,
                    "{title}\n  {date}  {}  {}  id {}",
                    shown(hit.site.as_deref().unwrap_or("")),
                    shown(hit.url.as_deref().unwrap_or("")),
                    shown(&hit.id)
                )?;
                let snippet = shown(&hit.snippet).replace(HIGHLIGHT_START, bold.0).replace(HIGHLIGHT_END, bold.1);
                writeln!(out, "  {}\n", snippet.replace('\n', " "))?;
            }
            eprintln!("{}", crate::output::counted(hits.len(), "result", "results"));
            Ok(())
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// Who said what, newest first.
///
/// Example: newsmill quotes --speaker Lavrov --about Taliban
#[derive(Args)]
pub struct QuotesArgs {
    /// Quotes by this speaker (a full name or a surname).
    #[arg(long, value_name = "NAME")]
    speaker: Option<String>,
    /// Quotes that name this entity or these words.
    #[arg(long, value_name = "NAME")]
    about: Option<String>,
    /// Published on or after (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = day_arg)]
    since: Option<String>,
    /// Published on or before (YYYY-MM-DD).
    #[arg(long, value_name = "DATE", value_parser = day_arg)]
    until: Option<String>,
    #[arg(long, default_value_t = 20, value_name = "N", value_parser = count)]
    limit: usize,
    /// Stop the query after this many seconds.
    #[arg(long, default_value_t = 10.0, value_name = "SECONDS", value_parser = seconds)]
    timeout: f64,
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    format: TableOrJson,
    #[command(flatten)]
    db: DbArg,
}

pub fn quotes(args: QuotesArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(&args.db.db)?;
    let q = QuoteQuery {
        speaker: args.speaker,
        about: args.about,
        since: args.since,
        until: args.until,
        limit: args.limit,
        ..QuoteQuery::default()
    };
    let rows = store.limited(&Limits::budget(Duration::from_secs_f64(args.timeout)), |s| s.quotes(&q))?;
    output(|out| match args.format {
        TableOrJson::Json => json(out, &rows),
        TableOrJson::Table => {
            for q in &rows {
                let date = day(q.published.as_deref());
                let speaker = shown(q.speaker.as_deref().unwrap_or("unknown speaker"));
                // Reported speech is the writer's account: never printed in quotation marks.
                match q.kind.as_str() {
                    "direct" => writeln!(out, "{speaker} ({date}): “{}”", shown(&q.text))?,
                    _ => writeln!(out, "{speaker} ({date}), reported: {}", shown(&q.text))?,
                }
                let title = shown(q.title.as_deref().unwrap_or("(untitled)"));
                writeln!(out, "  in {title}, id {}", shown(&q.article))?;
            }
            eprintln!("{}", crate::output::counted(rows.len(), "quote", "quotes"));
            Ok(())
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// The most mentioned entities, with the number of articles naming each.
///
/// Example: newsmill entities --type PERSON --top 20
#[derive(Args)]
pub struct EntitiesArgs {
    /// Only entities of this type (PERSON, ORG, LOC or MISC, in any case).
    #[arg(long = "type", value_name = "TYPE", value_parser = entity_type)]
    kind: Option<EntityType>,
    #[arg(long, default_value_t = 20, value_name = "N", value_parser = count)]
    top: usize,
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    format: TableOrJson,
    #[command(flatten)]
    db: DbArg,
}

pub fn entities(args: EntitiesArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(&args.db.db)?;
    let rows = store.entities(&EntityQuery { kind: args.kind.map(|k| k.as_str().to_string()), top: args.top })?;
    output(|out| match args.format {
        TableOrJson::Json => json(out, &rows),
        TableOrJson::Table => {
            writeln!(out, "{:<40} {:<7} {:>8} {:>8}", "entity", "type", "mentions", "articles")?;
            for e in &rows {
                writeln!(out, "{:<40} {:<7} {:>8} {:>8}", shown(&e.name), e.kind, e.mentions, e.articles)?;
            }
            Ok(())
        }
    })?;
    Ok(ExitCode::SUCCESS)
}

/// What is in the corpus: counts, date range, sites, failures.
///
/// Example: newsmill stats --db newsmill.db
#[derive(Args)]
pub struct StatsArgs {
    /// Also run SQLite's integrity check; exit 1 if it finds a problem.
    #[arg(long)]
    check: bool,
    #[arg(long, value_enum, default_value_t = TableOrJson::Table)]
    format: TableOrJson,
    #[command(flatten)]
    db: DbArg,
}

pub fn stats(args: StatsArgs) -> anyhow::Result<ExitCode> {
    let store = Store::open_read_only(&args.db.db)?;
    let s = store.stats()?;
    let crawl = store.crawl_stats()?;
    let integrity = if args.check { Some(store.integrity_check()?) } else { None };
    let healthy = integrity.as_deref().is_none_or(|i| i == "ok");
    let mut value = serde_json::to_value(&s)?;
    if let (Some(map), Some(check)) = (value.as_object_mut(), &integrity) {
        map.insert("integrity".into(), check.clone().into());
    }
    if let Some(map) = value.as_object_mut()
        && crawl.urls > 0
    {
        map.insert("crawl".into(), serde_json::to_value(&crawl)?);
    }
    output(|out| match args.format {
        TableOrJson::Json => json(out, &value),
        TableOrJson::Table => {
            if let Some(check) = &integrity {
                writeln!(out, "integrity:       {check}")?;
            }
            writeln!(out, "articles:        {} ({} near-duplicates linked)", s.articles, s.near_duplicates)?;
            writeln!(out, "entities:        {} ({} mentions)", s.entities, s.mentions)?;
            writeln!(out, "quotes:          {}", s.quotes)?;
            let range = match (&s.first_published, &s.last_published) {
                (Some(a), Some(b)) => format!("{a} to {b}"),
                _ => "no dates".to_string(),
            };
            writeln!(out, "published:       {range}")?;
            writeln!(out, "ingest runs:     {}", s.runs)?;
            writeln!(out, "failures:        {}", s.failures)?;
            if !s.sites.is_empty() {
                writeln!(out, "sites:           {} (most articles first)", s.site_count)?;
            }
            for (site, n) in &s.sites {
                writeln!(out, "  site {}: {n}", shown(site))?;
            }
            let more = s.site_count - s.sites.len() as i64;
            if more > 0 {
                writeln!(out, "  and {more} more {}", if more == 1 { "site" } else { "sites" })?;
            }
            if crawl.urls > 0 {
                writeln!(
                    out,
                    "crawl:           {} URLs on {} hosts: {} fetched, {} queued, {} failed, {} disallowed; {} articles, {} feeds and sitemaps; last fetch {}",
                    crawl.urls,
                    crawl.hosts,
                    crawl.done,
                    crawl.queued,
                    crawl.failed,
                    crawl.disallowed,
                    crawl.articles,
                    crawl.feeds,
                    crawl.last_fetch.as_deref().unwrap_or("never")
                )?;
            }
            for (source, reason) in &s.recent_failures {
                writeln!(out, "  failed {}: {}", newsmill_model::text::escape_controls(source), shown(reason))?;
            }
            Ok(())
        }
    })?;
    Ok(if healthy { ExitCode::SUCCESS } else { ExitCode::from(1) })
}

/// The corpus at a glance: what `newsmill ingest --report` prints.
pub fn print_report(store: &Store) -> anyhow::Result<()> {
    let s = store.stats()?;
    let entities = store.entities(&EntityQuery { kind: None, top: 10 })?;
    let speakers = store.speakers(10)?;
    let range = match (&s.first_published, &s.last_published) {
        (Some(a), Some(b)) => format!(", published {a} to {b}"),
        _ => String::new(),
    };
    output(|out| {
        writeln!(
            out,
            "{} ({}), {}, {}{range}",
            crate::output::counted(s.articles, "article", "articles"),
            crate::output::counted(s.near_duplicates, "near-duplicate", "near-duplicates"),
            crate::output::counted(s.entities, "entity", "entities"),
            crate::output::counted(s.quotes, "quote", "quotes")
        )?;
        writeln!(out, "\nmost mentioned:")?;
        for e in &entities {
            let mentions = crate::output::counted(e.mentions, "mention", "mentions");
            let articles = crate::output::counted(e.articles, "article", "articles");
            writeln!(out, "  {:<36} {:<7} {mentions:>13} in {articles}", shown(&e.name), e.kind)?;
        }
        writeln!(out, "\nmost quoted:")?;
        for sp in &speakers {
            let quotes = crate::output::counted(sp.quotes, "quote", "quotes");
            let articles = crate::output::counted(sp.articles, "article", "articles");
            writeln!(out, "  {:<36} {quotes:>11} in {articles}", shown(&sp.name))?;
        }
        if entities.is_empty() || speakers.is_empty() {
            writeln!(out, "  (entities and quotes come from the analysis stage)")?;
        }
        Ok(())
    })
}
