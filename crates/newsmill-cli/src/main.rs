//! The `newsmill` binary: argument parsing, parallelism and output only; the work is done by
//! the `newsmill` facade, `newsmill-store`, `newsmill-crawl` and (for `eval` and `train`) `newsmill-lab`.

mod analyze_cmd;
mod crawl_cmd;
mod db_files;
mod eval_analysis_cmd;
mod eval_cmd;
mod eval_ner_cmd;
mod eval_quotes_cmd;
mod export_cmd;
mod extract_cmd;
mod heap;
mod ingest_cmd;
mod output;
mod parquet_in;
mod parquet_out;
mod pipeline;
mod query_cmd;
mod schema_cmd;
mod serve_cmd;
mod show_cmd;
mod train_blocks_cmd;
mod train_cmd;
mod train_ner_cmd;
mod train_quotes_cmd;

use std::process::ExitCode;

use clap::{Parser, Subcommand};

/// Clean, structured, searchable news articles from raw pages.
#[derive(Parser)]
#[command(name = "newsmill", version, about, long_about = None)]
struct Cli {
    /// When to print colour and bold (matched words in `search`): auto means on a terminal
    /// and only when `NO_COLOR` is unset or empty.
    #[arg(long, global = true, value_enum, value_name = "WHEN", default_value_t = output::ColorChoice::Auto)]
    color: output::ColorChoice,
    #[command(subcommand)]
    command: Command,
}

#[derive(Subcommand)]
enum Command {
    Extract(extract_cmd::ExtractArgs),
    Ingest(ingest_cmd::IngestArgs),
    Crawl(crawl_cmd::CrawlArgs),
    Search(query_cmd::SearchArgs),
    Quotes(query_cmd::QuotesArgs),
    Entities(query_cmd::EntitiesArgs),
    Stats(query_cmd::StatsArgs),
    Show(show_cmd::ShowArgs),
    Export(export_cmd::ExportArgs),
    Serve(serve_cmd::ServeArgs),
    Analyze(analyze_cmd::AnalyzeArgs),
    Schema(schema_cmd::SchemaArgs),
    Eval(eval_cmd::EvalArgs),
    Train(train_cmd::TrainArgs),
}

fn main() -> ExitCode {
    // A heap left at glibc's defaults is only slower, so a refused setting is no error.
    let _ = heap::keep_freed_memory();
    let cli = Cli::parse();
    output::set_color_choice(cli.color);
    let result = match cli.command {
        Command::Extract(args) => extract_cmd::run(args),
        Command::Ingest(args) => ingest_cmd::run(args),
        Command::Crawl(args) => crawl_cmd::run(args),
        Command::Search(args) => query_cmd::search(args),
        Command::Quotes(args) => query_cmd::quotes(args),
        Command::Entities(args) => query_cmd::entities(args),
        Command::Stats(args) => query_cmd::stats(args),
        Command::Show(args) => show_cmd::run(args),
        Command::Export(args) => export_cmd::run(args),
        Command::Serve(args) => serve_cmd::run(args),
        Command::Analyze(args) => analyze_cmd::run(args),
        Command::Schema(args) => schema_cmd::run(args),
        Command::Eval(args) => eval_cmd::run(args),
        Command::Train(args) => train_cmd::run(args),
    };
    match result {
        Ok(code) => code,
        Err(err) => {
            output::note(format_args!("error: {err:#}"));
            ExitCode::from(2)
        }
    }
}
