//! # newsmill-analyze
//!
//! Analysis: what an article's text says. `Document` in, [`Article`] out.
//!
//! 1. `tokens` splits the text into tokens (byte ranges), `sentences` groups them.
//! 2. `ner` tags names as PERSON, ORG, LOC or MISC (`mentions` turns tags into spans).
//! 3. `entities` groups the mentions of one referent (`Sergey Lavrov` … `Lavrov`, `US` …
//!    `United States`) under a canonical name.
//! 4. `titles` attaches titles and roles to people (`Russian Foreign Minister`).
//! 5. `quotes` finds direct and reported speech, its cue and its speaker, linked to the
//!    speaker's entity.
//! 6. `amounts`, `temporal` and `places` find quantities, dates normalised against the
//!    publication date, and places linked to GeoNames.
//!
//! The model and gazetteer are loaded once into [`Resources`] and shared read-only across
//! threads. The stages are private: [`analyze`] runs them all, [`Resources`] holds what they
//! read.
//!
//! ```
//! use newsmill_analyze::{Resources, analyze, document_from_text};
//!
//! let resources = Resources::embedded()?;
//! let text = "\"We won a fair deal,\" said Peter Jansen, the leader of the dock workers' union in Rotterdam.";
//! let article = analyze(document_from_text("note.txt", text.to_string()), &resources);
//! assert!(article.entities.iter().any(|e| e.name == "Peter Jansen"));
//! let speaker = article.quotes.first().and_then(|q| q.speaker.as_ref()).and_then(|s| s.name.as_deref());
//! assert_eq!(speaker, Some("Peter Jansen"));
//! # Ok::<(), newsmill_analyze::ResourceError>(())
//! ```
#![warn(missing_docs)]

newsmill_model::internal_mods!(
    amounts, entities, frozen, gazetteer, hashing, mentions, ner, places, quotes, sentences, temporal, titles, tokens
);
mod clusters;
mod lang;
mod numbers;
#[cfg(test)]
mod tables;
mod words;

use std::time::Instant;

pub(crate) use newsmill_model as model;

use crate::model::{Article, Document};
pub use entities::confidence::FilterError;
use entities::confidence::TaggerSure;
use gazetteer::Gazetteer;
pub use ner::ModelError;
use ner::NerModel;
use ner::decode::Margin;
pub use places::PlacesError;
pub use quotes::tagger::TaggerModelError;

/// What the analysis reads: the NER model and its gazetteer, and the place gazetteer. Load
/// once, share by reference.
pub struct Resources {
    ner: NerModel,
    /// Loaded once per process and shared by every `Resources`.
    places: &'static places::Places,
    /// Drops entities unlikely to be names; parsed once per process.
    entity_filter: &'static entities::confidence::EntityFilter,
    /// Drops quotes unlikely to be attributions; parsed once per process. `None` keeps every
    /// quote (the training dump of its signals).
    quote_filter: Option<&'static quotes::confidence::QuoteFilter>,
    /// The quote taggers: the shipped ones, or (for cross-validation) others.
    quote_tagger: Option<&'static quotes::tagger::TaggerModel>,
}

/// Why the built-in resources could not be loaded.
#[derive(Debug, thiserror::Error)]
pub enum ResourceError {
    /// The NER model did not load.
    #[error(transparent)]
    Model(#[from] ModelError),
    /// The place gazetteer did not load.
    #[error(transparent)]
    Places(#[from] PlacesError),
    /// The entity filter's weights did not load.
    #[error(transparent)]
    EntityFilter(#[from] FilterError),
    /// The quote filter's weights did not load.
    #[error(transparent)]
    QuoteFilter(#[from] quotes::confidence::QuoteFilterError),
    /// The gazetteer did not load.
    #[error(transparent)]
    Gazetteer(#[from] gazetteer::GazetteerError),
    /// The quote tagger did not load.
    #[error(transparent)]
    QuoteTagger(#[from] &'static TaggerModelError),
    /// The word table did not decompress.
    #[error("the embedded word table (models/word-case-en.bin) did not load: rebuild the program")]
    WordTables,
    /// A loader thread stopped (a panic): a bug, not bad input.
    #[error("loading the {0} stopped unexpectedly: rebuild the program and report it")]
    Loader(&'static str),
}

impl Resources {
    /// The model and gazetteer embedded in the program.
    /// The quote taggers and the word tables load on first use, once per process; a failure
    /// is reported here. The models are independent, so they load side by side: start-up
    /// costs the slowest of them, not their sum.
    pub fn embedded() -> Result<Resources, ResourceError> {
        std::thread::scope(|s| {
            let places = s.spawn(places::Places::shared);
            let tagger = s.spawn(quotes::tagger::load_embedded);
            let words = s.spawn(lang::en::lexicon::loaded);
            let ner = Gazetteer::embedded().map_err(ResourceError::from).and_then(|g| Ok(NerModel::embedded(g)?));
            let places = places.join().map_err(|_| ResourceError::Loader("place gazetteer"))??;
            let quote_tagger = Some(tagger.join().map_err(|_| ResourceError::Loader("quote tagger"))??);
            if !words.join().map_err(|_| ResourceError::Loader("word tables"))? {
                return Err(ResourceError::WordTables);
            }
            let entity_filter = entities::confidence::EntityFilter::embedded()?;
            let quote_filter = Some(quotes::confidence::QuoteFilter::embedded()?);
            Ok(Resources { ner: ner?, places, entity_filter, quote_filter, quote_tagger })
        })
    }

    /// A model read from a file, with the embedded gazetteer.
    pub fn from_model_file(path: &std::path::Path) -> Result<Resources, ResourceError> {
        let bytes = std::fs::read(path).map_err(ModelError::from)?;
        let ner = NerModel::from_bytes(&bytes, Gazetteer::embedded()?)?;
        let entity_filter = entities::confidence::EntityFilter::embedded()?;
        let quote_filter = Some(quotes::confidence::QuoteFilter::embedded()?);
        let quote_tagger = quotes::tagger::embedded();
        Ok(Resources { ner, places: places::Places::shared()?, entity_filter, quote_filter, quote_tagger })
    }

    /// The same resources with every quote kept: the quote filter's training dump.
    #[cfg(feature = "internals")]
    #[doc(hidden)]
    pub fn without_quote_filter(self) -> Resources {
        Resources { quote_filter: None, ..self }
    }

    /// The same resources with other quote taggers (a model trained without the articles
    /// scored); the model lives as long as the process.
    #[cfg(feature = "internals")]
    #[doc(hidden)]
    pub fn with_quote_tagger(self, model: quotes::tagger::TaggerModel) -> Resources {
        Resources { quote_tagger: Some(Box::leak(Box::new(model))), ..self }
    }

    /// The NER model, for the lab's scoring and for benchmarks of the tagger alone.
    #[cfg(feature = "internals")]
    #[doc(hidden)]
    pub fn ner(&self) -> &NerModel {
        &self.ner
    }
}

/// Analyzes a document's text: fills the entities, quotes, amounts, dates, places and focus
/// countries of its article. Documents in a language other than English (when known) are
/// left without analysis: the models and word lists are English.
pub fn analyze(doc: Document, res: &Resources) -> Article {
    analyze_until(doc, res, None).unwrap_or_else(|TimedOut(article)| *article)
}

/// The analysis ran past its deadline; the article holds what was found before it stopped.
#[derive(Debug)]
pub struct TimedOut(
    /// What was found before the deadline.
    pub Box<Article>,
);

/// As [`analyze`], stopping at the first stage boundary past `deadline` (after names, after
/// quotes, after amounts, after dates). No stage runs long on a document under the size
/// limit, so a document stops soon after its deadline, not at it.
pub fn analyze_until(doc: Document, res: &Resources, deadline: Option<Instant>) -> Result<Article, TimedOut> {
    let mut article = Article::from_document(doc);
    // The model and word lists are English: other languages get no entities rather than
    // wrong ones (every capitalized German noun would be a name).
    if article.doc.language.as_deref().is_some_and(|l| !l.starts_with("en")) {
        return Ok(article);
    }
    let past = || deadline.is_some_and(|d| Instant::now() >= d);
    let text = &article.doc.text;
    // Names, quotes, amounts and dates read the same tokens of the body.
    let tokens = tokens::tokenize(text);
    let (ents, sure) = entity_candidates(&article.doc, &tokens, res);
    if past() {
        article.entities = res.entity_filter.keep_likely(ents, &mut [], text, &sure, res.places);
        return Err(TimedOut(Box::new(article)));
    }
    let refs = mention_refs(&ents);
    let mut quotes = quotes::find_quotes_tokenized(text, &tokens, &refs, res.quote_tagger);
    let block_quotes: Vec<_> = article
        .doc
        .blocks
        .iter()
        .filter(|b| b.kind == crate::model::BlockKind::BlockQuote)
        .map(|b| b.range.clone())
        .collect();
    quotes::add_block_quotations(text, &block_quotes, &refs, &mut quotes);
    quotes::relative_speakers(text, &mut quotes);
    quotes::forget_bare_pronouns(text, &mut quotes);
    let ents = res.entity_filter.keep_likely(ents, &mut quotes, text, &sure, res.places);
    quotes::drop_unattributed_phrases(text, &mut quotes);
    quotes::continue_speakers(text, &mut quotes, &ents);
    quotes::they_continue_described_speakers(text, &mut quotes, &ents);
    let mut quotes = quotes::join_interrupted(text, quotes);
    quotes::drop_author_quotations(text, &mut quotes);
    quotes::drop_titles(text, &mut quotes);
    if let Some(filter) = res.quote_filter {
        filter.keep_likely(text, &mut quotes, &ents);
    }
    quotes::unlink_qualifying_names(text, &mut quotes, &ents);
    quotes::tidy_unnamed_speakers(text, &mut quotes);
    let stop = past();
    let words = if stop { Vec::new() } else { words::words_of(text, &tokens) };
    let amounts = if stop { Vec::new() } else { amounts::amounts_in(&words) };
    let stop = stop || past();
    let dates = if stop { Vec::new() } else { temporal::dates_in(&words, article.doc.published.as_deref()) };
    let stop = stop || past();
    if !stop {
        (article.places, article.focus_countries) = places::link_places(text, &ents, res.places);
    }
    (article.entities, article.quotes, article.amounts, article.dates) = (ents, quotes, amounts, dates);
    if stop { Err(TimedOut(Box::new(article))) } else { Ok(article) }
}

/// The entities of an article before the entity filter, places without evidence dropped, and
/// how sure the tagger was of the tokens it read. `tokens` are the body's ([`tokens::tokenize`]).
fn entity_candidates(
    doc: &Document,
    tokens: &[tokens::Token],
    res: &Resources,
) -> (Vec<crate::model::Entity>, TaggerSure) {
    let (ents, sure) = article_entities(doc, tokens, res);
    (places::drop_unplaced(ents, &doc.text, res.places), sure)
}

/// The entities the entity filter weighs in an article, with their signals
/// ([`entities::confidence::FEATURES`]): what its model is trained on.
#[cfg(feature = "internals")]
#[doc(hidden)]
pub fn entity_features(doc: &Document, res: &Resources) -> Vec<(crate::model::Entity, Vec<f32>)> {
    let (ents, sure) = entity_candidates(doc, &tokens::tokenize(&doc.text), res);
    let words = entities::confidence::DocWords::new(&doc.text, ents.iter().map(|e| e.name.as_str()));
    ents.into_iter()
        .map(|e| {
            let f = entities::confidence::features(&e, &doc.text, &words, &sure, res.places);
            (e, f)
        })
        .collect()
}

/// The quotes of an article with the signals the quote filter weighs ([`Resources::without_quote_filter`]
/// gives every quote found): what its model is trained on.
#[cfg(feature = "internals")]
#[doc(hidden)]
pub fn quote_signals(article: &Article) -> Vec<Vec<String>> {
    use quotes::confidence::{DocCounts, signals};
    let counts = DocCounts::new(&article.quotes, &article.entities);
    article.quotes.iter().map(|q| signals(q, &article.doc.text, &article.entities, &counts)).collect()
}

/// The entities of an article: its headline and standfirst are analysed with the body, set
/// before it as paragraphs of their own, so that a name only they give (`NATO` in the
/// headline) is found and its mentions in the body join it. Each mention says which text it
/// points into. A standfirst the body already holds is not read twice.
fn article_entities(
    doc: &Document,
    body_tokens: &[tokens::Token],
    res: &Resources,
) -> (Vec<crate::model::Entity>, TaggerSure) {
    use crate::model::TextField;
    let description = doc.description.as_deref().filter(|d| !doc.text.contains(d.trim()));
    let mut text = String::with_capacity(doc.text.len() + 512);
    // Each head's field, where it starts in `text` and its length there, and how much
    // leading space its own text has before that.
    let mut fields = Vec::new();
    for (field, head) in [(TextField::Title, doc.title.as_deref()), (TextField::Description, description)] {
        let Some(head) = head.filter(|h| !h.trim().is_empty()) else { continue };
        let trimmed = head.trim();
        let lead = head.len() - head.trim_start().len();
        fields.push((field, text.len(), trimmed.len(), lead));
        // A headline is one paragraph: line breaks inside it would split its sentence.
        text.extend(trimmed.chars().map(|c| if c == '\n' { ' ' } else { c }));
        text.push_str("\n\n");
    }
    if fields.is_empty() {
        let (ents, margins) = entities_of_tokens(&doc.text, body_tokens, res);
        return (ents, TaggerSure { parts: vec![(TextField::Body, body_tokens.to_vec(), margins)] });
    }
    let body_at = text.len();
    // The heads end in a blank line, so the body is tokenized alike after them.
    let mut tokens = tokens::tokenize(&text);
    let head_tokens = tokens.len();
    let shift = body_at as u32;
    tokens.extend(body_tokens.iter().map(|t| tokens::Token { start: t.start + shift, end: t.end + shift }));
    text.push_str(&doc.text);
    let (mut ents, margins) = entities_of_tokens(&text, &tokens, res);
    let mut sure = heads_sure(&tokens, &margins, &fields);
    let body_margins = margins.get(head_tokens..).unwrap_or_default().to_vec();
    sure.parts.push((TextField::Body, body_tokens.to_vec(), body_margins));
    for e in &mut ents {
        e.mentions.retain_mut(|m| {
            let (field, at, lead) = if m.span.start >= body_at {
                (TextField::Body, body_at, 0)
            } else {
                match fields.iter().find(|(_, at, len, _)| m.span.start >= *at && m.span.end <= at + len) {
                    Some(&(field, at, _, lead)) => (field, at, lead),
                    None => return false, // runs from a headline into what follows it
                }
            };
            (m.field, m.span) = (field, m.span.start - at + lead..m.span.end - at + lead);
            true
        });
    }
    ents.retain(|e| !e.mentions.is_empty());
    (ents, sure)
}

/// How sure the tagger was of the heads' tokens (`tokens` and `margins` of the heads-and-body
/// text), with spans into each head's own text. `fields` are the heads' fields, where each
/// starts in that text, its length there and the leading space its own text has.
fn heads_sure(
    tokens: &[tokens::Token],
    margins: &[Margin],
    fields: &[(crate::model::TextField, usize, usize, usize)],
) -> TaggerSure {
    let mut sure = TaggerSure::default();
    for &(field, at, len, lead) in fields {
        let from = tokens.partition_point(|t| (t.start as usize) < at);
        let to = tokens.partition_point(|t| (t.start as usize) < at + len);
        // Tokens from `from` on start at or after `at`.
        let back = |t: &tokens::Token| tokens::Token {
            start: t.start - at as u32 + lead as u32,
            end: t.end - at as u32 + lead as u32,
        };
        let field_margins = margins.get(from..to).unwrap_or_default().to_vec();
        sure.parts.push((field, tokens[from..to].iter().map(back).collect(), field_margins));
    }
    sure
}

/// The entities of `text` with their mentions and titles.
#[cfg(feature = "internals")]
fn entities_of(text: &str, res: &Resources) -> Vec<crate::model::Entity> {
    entities_of_tokens(text, &tokens::tokenize(text), res).0
}

/// As `entities_of`, with the text's tokens ([`tokens::tokenize`]), and how sure the tagger
/// was of each.
fn entities_of_tokens(
    text: &str,
    tokens: &[tokens::Token],
    res: &Resources,
) -> (Vec<crate::model::Entity>, Vec<Margin>) {
    let sents = sentences::split_sentences(text, tokens);
    let (found, margins) = mentions::find_mentions_with_margins(text, tokens, &sents, &res.ner);
    let mut ents = entities::group(text, &found, &res.ner.gazetteer);
    titles::attach(text, tokens, &sents, &found, &mut ents);
    (ents, margins)
}

/// The entity mentions of a bare text as the quote finder takes them (for scoring and
/// training the quote finder outside the whole analysis).
#[cfg(feature = "internals")]
#[doc(hidden)]
pub fn mentions_of(text: &str, res: &Resources) -> Vec<quotes::MentionRef> {
    mention_refs(&entities_of(text, res))
}

/// Every mention of every entity, in text order, as the quote finder links speakers to them.
fn mention_refs(ents: &[crate::model::Entity]) -> Vec<quotes::MentionRef> {
    let mut refs: Vec<quotes::MentionRef> = ents
        .iter()
        .flat_map(|e| {
            // The quote finder reads the body: mentions in the headline are not in it.
            e.mentions.iter().filter(|m| m.field.is_body()).map(move |m| quotes::MentionRef {
                span: m.span.clone(),
                entity: e.id.clone(),
                name: e.name.clone(),
                person: e.kind == crate::model::EntityType::Person,
                kind: e.kind,
                titles: e.titles.clone(),
            })
        })
        .collect();
    refs.sort_by_key(|m| m.span.start);
    refs
}

/// A document whose body is `text` exactly as given (for `newsmill analyze`): offsets
/// point into the input. Blank lines separate its paragraph blocks.
pub fn document_from_text(source: impl Into<String>, text: String) -> Document {
    let mut blocks = Vec::new();
    let mut at = 0;
    for part in text.split("\n\n") {
        let lead = part.len() - part.trim_start().len();
        let trimmed = part.trim();
        if !trimmed.is_empty() {
            let start = at + lead;
            blocks.push(crate::model::Block {
                range: start..start + trimmed.len(),
                kind: crate::model::BlockKind::Paragraph,
                cell: None,
            });
        }
        at += part.len() + 2;
    }
    Document { source: source.into(), text, blocks, ..Document::default() }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::model::{EntityType, QuoteKind};

    #[test]
    fn finds_people_with_titles_and_skips_other_languages() {
        let res = Resources::embedded().expect("embedded model");
        let text = "Councillor Dev Patel opened the bridge in Sydney on Monday. Patel said it was safe.";
        let article = analyze(document_from_text("t", text.to_string()), &res);
        let patel = article.entities.iter().find(|e| e.kind == EntityType::Person).expect("a person");
        assert_eq!(
            (patel.name.as_str(), patel.titles.as_slice(), patel.mentions.len()),
            ("Dev Patel", &["Councillor".to_string()][..], 2)
        );
        let mut german = document_from_text("t", "Die Menschen in Berlin wählen am Sonntag.".to_string());
        german.language = Some("de".into());
        assert!(analyze(german, &res).entities.is_empty());
    }

    #[test]
    fn a_quotation_given_its_speaker_after_the_taggers_still_joins_the_one_it_continues() {
        // wcxb-0027: the taggers leave the second quotation without a speaker; the speaker
        // comes from the quote before it, and only then can the two be one quote.
        let res = Resources::embedded().expect("embedded model");
        let text = "Holly Wilgus teaches meditation in Denver.\n\n“Yoga nidra is a state of deep rest where \
            you stay aware, not really asleep,” Wilgus clarifies. “It allows you to reach the kind \
            of slow brainwaves that come in the deepest sleep.”";
        let article = analyze(document_from_text("t", text.to_string()), &res);
        let quotes: Vec<usize> = article.quotes.iter().map(|q| q.continuation.len()).collect();
        assert_eq!(quotes.len(), 1, "{:?}", article.quotes);
        assert_eq!(quotes[0], 1);
    }

    /// The people the whole analysis names in `text`, in order.
    fn people(text: &str) -> Vec<String> {
        let res = Resources::embedded().expect("embedded model");
        let article = analyze(document_from_text("t", text.to_string()), &res);
        article.entities.into_iter().filter(|e| e.kind == EntityType::Person).map(|e| e.name).collect()
    }

    #[test]
    fn a_surname_after_a_title_is_a_person_not_a_heading_capital() {
        let text = "Insurers have promoted the discount cards as a way to widen access, and President Trump \
            has embraced them as part of his health plan.";
        assert_eq!(people(text), ["Trump"]);
    }

    #[test]
    fn the_head_of_an_administration_is_a_person() {
        let res = Resources::embedded().expect("embedded model");
        let text = "Officials in the Trump administration said the tariffs would stay. The Obama administration \
            had approved the plan in 2015, but the Republican administration that followed opposed it.";
        let article = analyze(document_from_text("t", text.to_string()), &res);
        let typed: Vec<(&str, EntityType)> = article.entities.iter().map(|e| (e.name.as_str(), e.kind)).collect();
        for name in ["Trump", "Obama"] {
            assert!(typed.contains(&(name, EntityType::Person)), "{name} in {typed:?}");
        }
        assert!(!typed.contains(&("Republican", EntityType::Person)), "{typed:?}");
    }

    #[test]
    fn a_name_after_a_title_only_a_person_bears_is_a_person() {
        let res = Resources::embedded().expect("embedded model");
        let text = "Garland is Obama's nominee for the court. The ruling may not come until after Obama leaves \
            office in January, and President Obama has said little.";
        let article = analyze(document_from_text("t", text.to_string()), &res);
        let obama = article.entities.iter().find(|e| e.name == "Obama").map(|e| e.kind);
        assert_eq!(obama, Some(EntityType::Person));
    }

    #[test]
    fn a_party_or_a_portfolio_before_a_name_is_not_part_of_it() {
        let text = "Both Democrat Hillary Clinton and Republican Donald Trump are campaigning in the state this \
            week. Secretary of State John Kerry said the talks would go on.";
        assert_eq!(people(text), ["Hillary Clinton", "Donald Trump", "John Kerry"]);
    }

    #[test]
    fn a_plural_title_is_not_part_of_the_first_name_after_it() {
        let text = "Critics of the visa program, like Senators Charles E. Grassley, Republican of Iowa, and \
            Patrick J. Leahy, Democrat of Vermont, see the renewal as a chance to change it.";
        let people = people(text);
        assert!(people.iter().any(|p| p == "Charles E. Grassley"), "{people:?}");
        assert!(!people.iter().any(|p| p.starts_with("Senators")), "{people:?}");
    }

    #[test]
    fn the_words_of_a_title_belong_to_neither_the_organisation_nor_the_person() {
        let res = Resources::embedded().expect("embedded model");
        let text = "Senate Majority Leader Mitch McConnell said the bill would pass. House Majority Whip Steve \
            Scalise objected, and Amnesty International Deputy Director Anna Berg called it a disgrace.";
        let article = analyze(document_from_text("t", text.to_string()), &res);
        let names: Vec<&str> = article.entities.iter().map(|e| e.name.as_str()).collect();
        for name in ["Senate", "Mitch McConnell", "House", "Steve Scalise", "Anna Berg"] {
            assert!(names.contains(&name), "{name} in {names:?}");
        }
        assert!(!names.iter().any(|n| n.contains("Majority") || n.contains("Deputy")), "{names:?}");
    }

    /// The type the whole analysis gives the entity named `name` in `text`.
    fn kind_of(text: &str, name: &str) -> Option<EntityType> {
        let res = Resources::embedded().expect("embedded model");
        let article = analyze(document_from_text("t", text.to_string()), &res);
        article.entities.iter().find(|e| e.name == name).map(|e| e.kind)
    }

    #[test]
    fn a_city_after_in_is_a_place_not_its_team() {
        let text = "Mrs. Clinton has held rallies before largely black crowds in Cleveland, at a college in \
            Charlotte and in Greensboro.";
        assert_eq!(kind_of(text, "Cleveland"), Some(EntityType::Loc));
    }

    #[test]
    fn a_transcript_s_turns_are_quoted_as_their_speakers() {
        let res = Resources::embedded().expect("embedded model");
        let text = "Chris Wallace interviewed Governor Mike Pence on Sunday. Partial transcript as follows:\n\n\
            \"WALLACE: Let's start with the debate. Why would he do that?\n\n\
            \"PENCE: Well, look, this is a serious moment for the country.\n\n\
            \"WALLACE: Do you really see those two as equivalent?\n\n\
            \"PENCE: Nobody will be distracted by games tomorrow night.";
        let article = analyze(document_from_text("t", text.to_string()), &res);
        let got: Vec<(&str, &str, QuoteKind)> = article
            .quotes
            .iter()
            .map(|q| (&text[q.span.clone()], q.speaker.as_ref().map_or("", |s| &text[s.span.clone()]), q.kind))
            .collect();
        assert_eq!(
            got,
            [
                ("Let's start with the debate. Why would he do that?", "WALLACE", QuoteKind::Direct),
                ("Well, look, this is a serious moment for the country.", "PENCE", QuoteKind::Direct),
                ("Do you really see those two as equivalent?", "WALLACE", QuoteKind::Direct),
                ("Nobody will be distracted by games tomorrow night.", "PENCE", QuoteKind::Direct),
            ]
        );
        let speaker = |i: usize| article.quotes[i].speaker.as_ref().and_then(|s| s.name.as_deref());
        assert_eq!(speaker(1), Some("Mike Pence"));
    }

    #[test]
    fn a_site_named_by_its_domain_is_an_organisation() {
        let res = Resources::embedded().expect("embedded model");
        let text = "The recipe first ran on TODAY.com and was later shared by Horizon3.ai, not on arxiv.org.";
        let article = analyze(document_from_text("t", text.to_string()), &res);
        let orgs: Vec<&str> =
            article.entities.iter().filter(|e| e.kind == EntityType::Org).map(|e| e.name.as_str()).collect();
        assert_eq!(orgs, ["TODAY.com", "Horizon3.ai"], "{:?}", article.entities);
    }

    #[test]
    fn the_planet_is_a_place_and_a_named_hospital_an_organisation() {
        let text = "The last decade was the warmest on record, disrupting the Earth’s natural systems, \
            said Priya Natarajan, a climate scientist.";
        assert_eq!(kind_of(text, "Earth"), Some(EntityType::Loc));
        let text = "She has worked as a nurse at Riverside Memorial Hospital for a decade.";
        assert_eq!(kind_of(text, "Riverside Memorial Hospital"), Some(EntityType::Org));
    }

    #[test]
    fn the_author_and_the_reader_are_no_sources_of_quotations() {
        let res = Resources::embedded().expect("embedded model");
        let text = "The migration took six weeks. Afterwards I asked myself: “What could I have done better, \
            to avoid wasting all these weeks on a single database?”\n\n\
            “We moved too fast and tested too little in the first month,” said Maria Okafor, the team's lead.";
        let article = analyze(document_from_text("t", text.to_string()), &res);
        let quoted: Vec<&str> = article.quotes.iter().map(|q| &text[q.span.clone()]).collect();
        assert_eq!(quoted, ["We moved too fast and tested too little in the first month"], "{quoted:?}");
    }

    #[test]
    fn heading_capitals_and_sentence_openers_are_not_names_when_the_text_says_so() {
        let res = Resources::embedded().expect("embedded model");
        let text = "Step 4: Choose Your Payment Option\n\n\
            After you have chosen a proposal, decide how you want to pay. Your payment option changes \
            the total cost, and the best option depends on your budget.\n\n\
            Features to Look For in an Ergonomic Office Chair\n\n\
            A good chair should let you look for comfort first. Spending long workdays in a bad chair \
            hurts, said Dana Whitfield, a physiotherapist.\n\n\
            Bumps Along the Road\n\n\
            The road had bumps along the way, Whitfield said.";
        let article = analyze(document_from_text("t", text.to_string()), &res);
        let names: Vec<&str> = article.entities.iter().map(|e| e.name.as_str()).collect();
        for junk in ["Your", "Look For", "Road"] {
            assert!(!names.contains(&junk), "{junk} in {names:?}");
        }
        assert!(names.contains(&"Dana Whitfield"), "{names:?}");
    }

    #[test]
    fn headline_and_standfirst_are_analysed_with_the_body() {
        use crate::model::{ArticleJson, TextField};
        let res = Resources::embedded().expect("embedded model");
        let mut doc = document_from_text(
            "t",
            "Ministers met in Brussels on Monday. \"We will not leave,\" Halvorsen said.".to_string(),
        );
        doc.title = Some(" Norway rejects NATO exit plan".into());
        doc.description = Some("Defence minister Ingrid Halvorsen speaks out.".into());
        let article = analyze(doc, &res);
        let by_name = |n: &str| article.entities.iter().find(|e| e.name == n);
        let nato = by_name("NATO").expect("NATO, named only in the headline");
        assert_eq!(nato.mentions.iter().map(|m| m.field).collect::<Vec<_>>(), [TextField::Title]);
        let title = article.doc.title.as_deref().unwrap_or("");
        assert_eq!(title.get(nato.mentions[0].span.clone()), Some("NATO"), "offsets into the untrimmed headline");
        let person = by_name("Ingrid Halvorsen").expect("the standfirst's person");
        let fields: Vec<TextField> = person.mentions.iter().map(|m| m.field).collect();
        assert_eq!(fields, [TextField::Description, TextField::Body], "the body's surname joins her");
        let body = person.mentions.iter().find(|m| m.field.is_body()).map(|m| &article.doc.text[m.span.clone()]);
        assert_eq!(body, Some("Halvorsen"));
        let speaker = article.quotes.first().and_then(|q| q.speaker.as_ref()).and_then(|s| s.entity.clone());
        assert_eq!(speaker.as_deref(), Some(person.id.as_str()));
        // The JSON form gives title offsets in code points of the title, and reads back.
        let json = serde_json::to_string(&ArticleJson::new(&article, true)).expect("json");
        assert!(json.contains(r#""text":"NATO","field":"title""#), "{json}");
        let back: ArticleJson = serde_json::from_str(&json).expect("parse");
        assert_eq!(crate::model::Article::try_from(back).expect("fits"), article);
    }

    #[test]
    fn text_documents_keep_offsets_into_the_input() {
        let doc = document_from_text("t", "One.\n\n  Two.\n\n".to_string());
        let blocks: Vec<_> = doc.blocks.iter().map(|b| &doc.text[b.range.clone()]).collect();
        assert_eq!(blocks, ["One.", "Two."]);
    }
}
