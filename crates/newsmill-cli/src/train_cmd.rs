//! `newsmill train`: train the models newsmill ships.

use std::process::ExitCode;

use clap::{Args, Subcommand};

use crate::train_ner_cmd;

/// Train a model from annotated data.
///
/// Example: newsmill train ner --train ../shared/eval/conll2003/train.txt --dev ../shared/eval/conll2003/valid.txt --out models/ner-en.bin
#[derive(Args)]
pub struct TrainArgs {
    #[command(subcommand)]
    task: TrainTask,
}

#[derive(Subcommand)]
enum TrainTask {
    Ner(train_ner_cmd::Args),
}

pub fn run(args: TrainArgs) -> anyhow::Result<ExitCode> {
    match args.task {
        TrainTask::Ner(args) => train_ner_cmd::run(args),
    }
}
