//! `newsmill extract`: print the article of each input.

use std::io::{self, Write};
use std::process::ExitCode;

use anyhow::Context;
use clap::Args;
use newsmill::Inputs;
use newsmill::Options;
use newsmill_extract::ContentKind;

use crate::output::{Format, write_article};
use crate::pipeline;

/// Extract the story and its metadata from news pages.
///
/// Inputs are HTML pages or text a scraper already flattened (told apart by content),
/// directories (walked recursively), .gz files, JSONL dumps ({"url": …, "html": …} or
/// {"url": …, "text": …} per line), or - for stdin. A bad input is reported on stderr and
/// the rest go on; the exit status is 1 if any input failed.
///
/// Example: newsmill extract samples/ --format text
#[derive(Args)]
pub struct ExtractArgs {
    /// Files, directories, or - for stdin.
    #[arg(required_unless_present = "input_list", value_name = "PATH")]
    paths: Vec<String>,
    /// A file listing inputs, one path per line (blank lines and `#` comments skipped), read
    /// before the PATHs given.
    #[arg(short = 'i', long = "input-list", value_name = "FILE")]
    input_list: Option<std::path::PathBuf>,
    /// Write each article to its own file in DIR (named after its input, `.json`, `.txt` or
    /// `.md` by format) instead of to standard output.
    #[arg(short, long, value_name = "DIR")]
    output_dir: Option<std::path::PathBuf>,
    /// Output format.
    #[arg(short, long, value_enum, default_value_t = Format::Json)]
    format: Format,
    /// List each removed block and why: after the article in text and Markdown output, in
    /// its `removed` field in JSON.
    #[arg(short, long)]
    explain: bool,
    /// Extraction only: text and metadata, no entities, quotes, amounts, dates or places.
    /// Loads no analysis model, so it starts faster and runs several times faster.
    #[arg(long)]
    no_analysis: bool,
    /// Keep the readers' comments below an HTML story, in the `comments` field (one per
    /// block) and after the article in text and Markdown; they never go into the body.
    #[arg(long)]
    comments: bool,
    /// Treat every input as HTML or as flattened text instead of telling by content.
    #[arg(long, value_enum, value_name = "KIND")]
    force: Option<Kind>,
    #[command(flatten)]
    limit: pipeline::SizeLimit,
}

#[derive(Clone, Copy, clap::ValueEnum)]
enum Kind {
    Html,
    Text,
}

pub fn run(mut args: ExtractArgs) -> anyhow::Result<ExitCode> {
    if let Some(list) = &args.input_list {
        let listed =
            std::fs::read_to_string(list).with_context(|| format!("cannot read the input list {}", list.display()))?;
        let listed = listed.lines().map(str::trim).filter(|l| !l.is_empty() && !l.starts_with('#')).map(String::from);
        args.paths = listed.chain(std::mem::take(&mut args.paths)).collect();
        anyhow::ensure!(!args.paths.is_empty(), "the input list {} names no input", list.display());
    }
    pipeline::refuse_urls(&args.paths)?;
    let mut files = match &args.output_dir {
        Some(dir) => Some(OutputDir::create(dir, args.format)?),
        None => None,
    };
    let force_kind = args.force.map(|k| match k {
        Kind::Html => ContentKind::Html,
        Kind::Text => ContentKind::Text,
    });
    let options =
        Options { analyze: !args.no_analysis, comments: args.comments, ..args.limit.options(args.explain, force_kind) };
    let pipeline = pipeline::build(options)?;
    let mut inputs = Inputs::new(&args.paths, args.limit.read_config());
    let stdout = io::stdout();
    let mut out = io::BufWriter::new(stdout.lock());
    let (mut ok, mut failed) = (0usize, 0usize);
    loop {
        let results = pipeline::next_batch(&mut inputs, &pipeline);
        if results.is_empty() {
            break;
        }
        for result in results {
            match result {
                Ok(article) => {
                    ok += 1;
                    for warning in &article.doc.warnings {
                        crate::output::note(format_args!("warning: {}: {warning}", article.doc.source));
                    }
                    if let Some(files) = &mut files {
                        files.write(&article, args.format)?;
                    } else if let Err(err) = write_article(&mut out, &article, args.format) {
                        return output_closed(err);
                    }
                }
                Err(err) => {
                    failed += 1;
                    crate::output::note(format_args!("skipped {err}"));
                }
            }
        }
        if let Err(err) = out.flush() {
            return output_closed(err);
        }
    }
    eprintln!("newsmill: {ok} extracted, {failed} failed");
    Ok(if failed > 0 { ExitCode::from(1) } else { ExitCode::SUCCESS })
}

/// A reader that stopped reading (`newsmill extract … | head`) is not an error.
fn output_closed(err: io::Error) -> anyhow::Result<ExitCode> {
    if err.kind() == io::ErrorKind::BrokenPipe {
        return Ok(ExitCode::SUCCESS);
    }
    Err(err).context("cannot write output")
}

/// `--output-dir`: one file per article, named after its input.
struct OutputDir {
    dir: std::path::PathBuf,
    extension: &'static str,
    used: std::collections::HashSet<String>,
}

impl OutputDir {
    fn create(dir: &std::path::Path, format: Format) -> anyhow::Result<Self> {
        std::fs::create_dir_all(dir).with_context(|| format!("cannot create the output folder {}", dir.display()))?;
        let extension = match format {
            Format::Json | Format::Jsonl => "json",
            Format::Text => "txt",
            Format::Markdown => "md",
        };
        Ok(OutputDir { dir: dir.to_path_buf(), extension, used: Default::default() })
    }

    /// Writes `article` to `NAME.EXT`, NAME its input's file name without extension (made of
    /// letters, digits, `-`, `_` and `.`); a name already used in this run gets the article id.
    fn write(&mut self, article: &newsmill::Article, format: Format) -> anyhow::Result<()> {
        let source = article.doc.source.rsplit(['/', '\\']).next().unwrap_or("");
        let stem = source.split('.').next().unwrap_or("");
        let mut name: String =
            stem.chars().map(|c| if c.is_alphanumeric() || "-_".contains(c) { c } else { '_' }).take(100).collect();
        if name.is_empty() || !self.used.insert(name.clone()) {
            name = format!("{name}-{}", article.id);
            self.used.insert(name.clone());
        }
        let path = self.dir.join(format!("{name}.{}", self.extension));
        let mut bytes = Vec::new();
        write_article(&mut bytes, article, format)?;
        std::fs::write(&path, bytes).with_context(|| format!("cannot write {}", path.display()))
    }
}
