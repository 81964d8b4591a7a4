//! English: the word lists the analysis reads (the word tables and name lists are in
//! [`lexicon`]).

pub(crate) mod lexicon;

/// Month names, lower case, January first.
pub(crate) const MONTHS: [&str; 12] = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
];

/// Day names, lower case, Monday first (chrono's order).
pub(crate) const WEEKDAYS: [&str; 7] = ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"];

/// Titles written shortened before a name (`Mr.`, `Gen.`): their period never ends a sentence.
pub(crate) const TITLE_ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "gen", "sen", "rep", "gov", "st", "lt", "col", "capt", "rev", "sens", "reps",
    "govs",
];

/// Words that keep their final period: titles, months, company suffixes, Latin shorthands.
/// A period after one of them is part of the word, not the end of a sentence.
pub(crate) const ABBREVIATIONS: &[&str] = &[
    "mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "lt", "sgt", "capt", "cmdr", "adm", "maj",
    "st", "jr", "sr", "rev", "hon", "pres", "supt", "insp", "jan", "feb", "mar", "apr", "jun", "jul", "aug", "sep",
    "sept", "oct", "nov", "dec", "mon", "tue", "tues", "wed", "thu", "thurs", "fri", "sat", "sun", "inc", "corp", "co",
    "ltd", "plc", "bros", "dept", "univ", "assn", "est", "vs", "etc", "approx", "no", "nos", "vol", "pp", "fig", "ft",
    "mt", "ave", "blvd", "rd", "ariz", "calif", "colo", "conn", "fla", "ga", "ill", "ind", "kan", "ky", "la", "md",
    "mass", "mich", "minn", "miss", "mo", "neb", "nev", "okla", "ore", "pa", "tenn", "tex", "va", "vt", "wash", "wis",
    "wyo", "e.g", "i.e", "a.m", "p.m", "del", "amb", "atty", "det", "ala", "ark", "sens", "reps", "govs", "mont",
];

/// Abbreviations that are also ordinary words (`no`, `ill`, `Wash.`, `Mass.`): a period after
/// one before a capital ends a sentence as often as it shortens the word.
pub(crate) const ALSO_WORDS: &[&str] = &[
    "no", "nos", "est", "mar", "sun", "sat", "wed", "ill", "miss", "wash", "mass", "ind", "pa", "la", "mo", "ore",
    "fig",
];
