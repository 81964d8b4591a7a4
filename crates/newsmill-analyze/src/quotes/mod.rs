//! Quotations and reported speech: who said what. Works over plain text with its own light
//! scanning (`scan`), pairs quotation marks (`marks`), finds speech cues (`cues`), the
//! source next to each cue (`speaker`) and the reported content (`indirect`), then links the
//! source to an entity when mentions are given (`resolve`).
//!
//! Follows the PolNeAR conventions where they apply: a pronoun source is the pronoun span
//! itself (the link to a named entity is made separately), only outermost attributions count,
//! and scare quotes or titles are not speech.

mod advice;
mod findings;
pub mod attribute;
pub mod confidence;
pub mod cues;
mod described;
mod group;
mod indirect;
mod interview;
mod introduced;
pub mod marks;
mod plural;
mod postposed;
mod qualifiers;
mod resolve;
mod scan;
pub(crate) mod sex;
mod speaker;
mod speech;
pub mod tagger;
mod trailing;
mod transcript;

pub use plural::they_continue_described_speakers;
pub use qualifiers::unlink_qualifying_names;
use std::ops::Range;

use crate::model::{Entity, EntityType, Quote, QuoteKind, Speaker, TextField};

pub use described::tidy_unnamed_speakers;

#[cfg(feature = "internals")]
pub use attribute::Attribution;

/// The attributions of `text`: the rule finder refined by the shipped taggers, which read the
/// entity mentions too.
#[cfg(feature = "internals")]
pub fn find_attributions(text: &str, mentions: &[MentionRef]) -> Vec<Attribution> {
    tagger::analyze(text, tagger::embedded(), mentions).0
}

/// One entity mention, as NER provides it; quotes link their speaker through these.
#[derive(Debug, Clone, PartialEq)]
pub struct MentionRef {
    pub span: Range<usize>,
    /// The entity id (`E1`).
    pub entity: String,
    /// The entity's canonical name.
    pub name: String,
    pub person: bool,
    pub kind: crate::model::EntityType,
    /// Titles and roles collected for the entity (`Foreign Minister`).
    pub titles: Vec<String>,
}

impl MentionRef {
    /// The mention as a quote's speaker, resolved to its entity.
    fn as_speaker(&self) -> Speaker {
        Speaker {
            span: self.span.clone(),
            entity: Some(self.entity.clone()),
            name: Some(self.name.clone()),
            members: Vec::new(),
        }
    }
}

/// A person mention of `name` where `text` first writes it (tests of the speaker rules).
#[cfg(test)]
pub(crate) fn person_mention(text: &str, name: &str) -> MentionRef {
    let start = text.find(name).unwrap_or(0);
    MentionRef {
        span: start..start + name.len(),
        entity: "E1".into(),
        name: name.into(),
        person: true,
        kind: crate::model::EntityType::Person,
        titles: vec![],
    }
}

/// The quotes of `text` with cue and speaker; spans are byte ranges into `text`.
#[cfg(any(test, feature = "internals"))]
pub fn find_quotes(text: &str, mentions: &[MentionRef]) -> Vec<Quote> {
    find_quotes_with(text, mentions, tagger::embedded())
}

/// The quotes of `text` found with the given tagger model, or by the rules alone.
#[cfg(any(test, feature = "internals"))]
pub fn find_quotes_with(text: &str, mentions: &[MentionRef], model: Option<&tagger::TaggerModel>) -> Vec<Quote> {
    find_quotes_tokenized(text, &crate::tokens::tokenize(text), mentions, model)
}

/// As [`find_quotes_with`], with the text's tokens ([`crate::tokens::tokenize`]) at hand.
pub fn find_quotes_tokenized(
    text: &str,
    tokens: &[crate::tokens::Token],
    mentions: &[MentionRef],
    model: Option<&tagger::TaggerModel>,
) -> Vec<Quote> {
    let (attributions, scans) = tagger::analyze_tokenized(text, tokens, model, mentions);
    let quoted: Vec<&marks::Quoted> = scans.iter().flat_map(|s| &s.quoted).collect();
    // Only pronoun speakers and reported speech need the sentences.
    let sentence_spans: std::cell::OnceCell<Vec<Range<usize>>> = std::cell::OnceCell::new();
    let quotations: std::cell::OnceCell<Vec<Range<usize>>> = std::cell::OnceCell::new();
    let mut out = Vec::new();
    for a in &attributions {
        let pieces = content_pieces(text, a);
        let mut person = false;
        let speaker = a.source.as_ref().map(|span| {
            // The attribution keeps PolNeAR's parenthetical comma; a reader does not need it.
            let shown = text.get(span.clone()).unwrap_or("").trim_end_matches([',', ' ']);
            let span = span.start..span.start + shown.len();
            let span = &span;
            if let Some(members) = group::members(text, span, mentions) {
                person = members.iter().all(|m| m.person);
                return group::speaker(span.clone(), &members);
            }
            // A pronoun that attributes speech never stands for a name inside quotation marks
            // (only pronouns need them).
            let pronoun = resolve::is_bare_pronoun(text, span);
            let said: &[Range<usize>] = if pronoun { quotations.get_or_init(|| quoted.iter().map(|q| q.inner.clone()).collect()) } else { &[] };
            let sentences: &[Range<usize>] = if pronoun { sentence_spans.get_or_init(|| sentence_bytes(text, tokens)) } else { &[] };
            let linked = resolve::link(text, span, mentions, said, sentences);
            person = linked.is_some_and(|m| m.person);
            let named_here = linked.filter(|m| !pronoun && span.start <= m.span.start && m.span.end <= span.end);
            if let Some(members) = named_here.and_then(|m| group::around(text, m, mentions)) {
                person = members.iter().all(|m| m.person);
                return group::speaker(span.clone(), &members);
            }
            Speaker {
                span: span.clone(),
                entity: linked.map(|m| m.entity.clone()),
                name: linked.map(|m| m.name.clone()),
                members: Vec::new(),
            }
        });
        // `NAME: words` is speech in a transcript or interview; `Quick Tip: …`, `Principle: …`
        // are labels. Only a person named before the colon makes it a quote.
        let colon = a.cue.as_ref().is_some_and(|c| text.get(c.clone()).is_some_and(|t| t.trim() == ":"));
        if colon && !person {
            continue;
        }
        for piece in &pieces {
            // `…, said Alyssa Goodman, an astronomer at Harvard`: words of the source's own
            // apposition, which the tagger at times also marks as content, are not what it said.
            if a.source.as_ref().is_some_and(|s| s.start <= piece.start && piece.end <= s.end) {
                continue;
            }
            let mut push = |span: Range<usize>, kind| {
                out.push(Quote { span, kind, cue: a.cue.clone(), speaker: speaker.clone(), continuation: Vec::new() })
            };
            let inside: Vec<&marks::Quoted> =
                quoted.iter().copied().filter(|q| q.outer.start >= piece.start && q.outer.end <= piece.end).collect();
            let whole = quoted.iter().find(|q| q.outer.start <= piece.start && piece.end <= q.outer.end);
            match whole {
                Some(q) => push(q.inner.clone(), QuoteKind::Direct),
                None if inside.len() == 1 && inside[0].outer == *piece => {
                    push(inside[0].inner.clone(), QuoteKind::Direct)
                }
                // A reported wish, perception or state of mind is not something the source said.
                None if a.cue.as_ref().is_some_and(|c| {
                    let cue = text.get(c.clone()).unwrap_or("");
                    let source = speaker.as_ref().and_then(|s| text.get(s.span.clone()));
                    !speech::reports_speech(cue) && !speech::evidence_shows(cue, source)
                }) => {}
                // Nor is what someone may, can or should say (`AI might suggest …`).
                None if a.cue.as_ref().is_some_and(|c| speech::is_hypothetical(text.get(c.clone()).unwrap_or(""))) => {}
                // Nor is showing something to someone (`shows you how to …`).
                None if a.cue.as_ref().is_some_and(|c| {
                    speech::shows_someone(text.get(c.clone()).unwrap_or(""), text.get(piece.clone()).unwrap_or(""))
                }) => {}
                // Nor is a "cue" that is a name's word (`NCH Express`): capitalized where no
                // sentence starts.
                None if a.cue.as_ref().is_some_and(|c| capitalized_mid_sentence(text, c)) => {}
                // Nor is the author's own claim, or a report nobody is said to have made.
                None if !speech::has_a_source(speaker.as_ref().and_then(|s| text.get(s.span.clone()))) => {}
                // Nor is a clause about a thing: a source no mention names must be one that
                // can speak (a person's pronoun, `officials`, `the study`).
                None if speaker.as_ref().is_some_and(|s| {
                    !s.is_named() && !speech::could_speak(text.get(s.span.clone()).unwrap_or(""))
                }) => {}
                // Words quoted inside reported speech (`the group's “main goal” is to “put an
                // end” to it`) belong to that one quote: listed on their own they would count
                // the same speech several times.
                None => {
                    let content = without_that(text, piece.clone());
                    if speech::states_something(text.get(content.clone()).unwrap_or("")) {
                        let sentences = || sentence_spans.get_or_init(|| sentence_bytes(text, tokens)).as_slice();
                        let lead = parenthetical_lead(text, sentences, a, &content);
                        push(lead.map_or(content.clone(), |start| start..content.end), QuoteKind::Indirect)
                    }
                }
            }
        }
    }
    // Reported speech the taggers miss, where no quote is yet: `…, says Klinger.` attributed
    // at its sentence's end, and advice a named source gives (`Dan recommends contacting…`).
    let trailing = trailing::trailing_attributions(text, mentions, speech::closes_attribution)
        .into_iter()
        .map(|t| (t.content, t.speaker, t.cue));
    let credited = advice::advice(text, mentions).into_iter().chain(introduced::as_they_put_it(text, mentions));
    for (content, m, cue) in trailing.chain(credited) {
        if out.iter().any(|q| overlaps(&q.span, &content)) {
            // `Studies indicate that …, says Klinger.`: the attribution that closes the
            // sentence names who said all of it, over a source no mention names; and who
            // recommends a quotation (`Kevin recommends “the Apollo X16 …”`) said it, unless
            // named inside it (`"The Museum encourages everyone …"`, signed on the next line).
            let unsourced = |q: &Quote| match q.kind {
                QuoteKind::Indirect => q.speaker.as_ref().is_some_and(|s| !s.is_named()),
                QuoteKind::Direct => q.speaker.is_none() && !overlaps(&q.span, &m.span),
            };
            for q in out.iter_mut().filter(|q| overlaps(&q.span, &content)) {
                if unsourced(q) {
                    (q.speaker, q.cue) = (Some(m.as_speaker()), Some(cue.clone()));
                }
            }
            continue;
        }
        let (speaker, continuation) = (Some(m.as_speaker()), Vec::new());
        out.push(Quote { span: content, kind: QuoteKind::Indirect, cue: Some(cue), speaker, continuation });
    }
    let lines = lines(text);
    // A paragraph closed by its author's credit (`… – Erin DeCesare, CTO, ezCater`).
    for (content, m, cue) in postposed::credited_paragraphs(text, &lines, mentions) {
        if out.iter().any(|q| overlaps(&q.span, &content)) {
            continue;
        }
        let (speaker, continuation) = (Some(m.as_speaker()), Vec::new());
        out.push(Quote { span: content, kind: QuoteKind::Direct, cue: Some(cue), speaker, continuation });
    }
    // The answers of a question-and-answer interview, over the unnamed pieces found inside them.
    if let Some((answers, who)) = interview::answers(text, &lines, mentions) {
        for a in answers {
            let inside = |q: &Quote| overlaps(&q.span, &a);
            out.retain(|q| !inside(q) || q.speaker.as_ref().is_some_and(Speaker::is_named));
            if !out.iter().any(inside) {
                let (speaker, continuation) = (Some(who.as_speaker()), Vec::new());
                out.push(Quote { span: a, kind: QuoteKind::Direct, cue: None, speaker, continuation });
            }
        }
    }
    // A transcript's turns, over what the taggers made of them (an `as follows:` quote running
    // over every turn, a turn given to a name inside it); a quotation inside a turn that
    // another named source said stays.
    let turns = transcript::turns(text, &lines, mentions);
    let other_inside = |t: &transcript::Turn, q: &Quote| {
        q.span.start >= t.content.start
            && q.span.end <= t.content.end
            && q.span != t.content
            && q.speaker.as_ref().is_some_and(|s| s.is_named() && s.entity != t.speaker.map(|m| m.entity.clone()))
    };
    out.retain(|q| transcript::overlapped(&turns, &q.span).is_none_or(|t| other_inside(t, q)));
    for t in turns {
        let unnamed = || Speaker { span: t.label.clone(), entity: None, name: None, members: Vec::new() };
        let (speaker, continuation) = (Some(t.speaker.map_or_else(unnamed, MentionRef::as_speaker)), Vec::new());
        out.push(Quote { span: t.content, kind: QuoteKind::Direct, cue: Some(t.cue), speaker, continuation });
    }
    out.sort_by_key(|q| (q.span.start, q.span.end));
    out.dedup_by(|a, b| a.span == b.span);
    // `“…,” Slayton emphasizes.`: a person and one verb right after the closing mark name the
    // speaker, over a speaker the taggers took from elsewhere (an earlier paragraph's
    // `Researchers believe`). news-analysis-train folds: speaker accuracy 0.812 -> 0.819, no
    // speaker made wrong; news-analysis-dev 0.863 -> 0.870.
    for q in out.iter_mut().filter(|q| q.kind == QuoteKind::Direct) {
        let after = postposed::speaker_after(text, &q.span, mentions);
        let after = after.or_else(|| postposed::credited_after_dash(text, &q.span, mentions).filter(|_| q.speaker.as_ref().is_none_or(|s| !s.is_named())));
        if let Some((m, cue)) = after {
            let same = q.speaker.as_ref().is_some_and(|s| s.entity.as_deref() == Some(m.entity.as_str()));
            if q.speaker.is_none() {
                q.cue = q.cue.take().or(Some(cue));
            } else if !same {
                q.cue = Some(cue);
            }
            q.speaker = Some(m.as_speaker());
        }
    }
    // A quotation introduced by the paragraph before: that paragraph's person, over no
    // speaker or one the mentions do not name (a guess from inside the quotation).
    let unnamed = |q: &Quote| q.speaker.as_ref().is_none_or(|s| !s.is_named());
    for q in out.iter_mut().filter(|q| q.kind == QuoteKind::Direct && unnamed(q)) {
        let introduced = introduced::speaker_before(text, &q.span, mentions)
            .or_else(|| introduced::speaker_opening(text, &q.span, mentions))
            .or_else(|| postposed::credited_on_next_line(text, &q.span, mentions));
        if let Some(m) = introduced {
            q.speaker = Some(group::speaker_closing(text, m, mentions));
        }
    }
    join_interrupted(text, out)
}

/// Fewest words of a block quotation's paragraph for it to be reported as a quote.
const MIN_BLOCK_WORDS: usize = 4;

/// Paragraphs of block quotations (`blocks`: the spans of the page's `<blockquote>`
/// paragraphs, in text order) that the paragraph before introduces ([`introduced::block_speaker`]:
/// `Maslow once said:`), as direct quotes: pages print long quotations, posts and letters so,
/// without quotation marks. Not a paragraph the quote finder already read, one that opens with
/// a quotation mark, or one of fewer than [`MIN_BLOCK_WORDS`] words. The block paragraphs after
/// the first are not taken as the rest of the quotation: on the training pages they were as
/// often the author's reply or a list (round fourteen and the 367 pages, read through their
/// HTML: who-said-what 0.646 and 0.595 with them, 0.647 and 0.597 without). A paragraph that
/// a speech verb and a colon introduce ([`introduced::after_speech_colon`]) is taken as one
/// where the page marks none.
pub fn add_block_quotations(text: &str, blocks: &[Range<usize>], mentions: &[MentionRef], quotes: &mut Vec<Quote>) {
    let mut added: Vec<Quote> = Vec::new();
    // Without markup, a paragraph a speech verb and a colon introduce is set as one.
    let introduced = introduced::after_speech_colon(text, &lines(text));
    let unmarked = introduced.iter().filter(|p| !blocks.iter().any(|b| overlaps(b, p)));
    for b in blocks.iter().chain(unmarked) {
        let Some(raw) = text.get(b.clone()) else { continue };
        let start = b.start + (raw.len() - raw.trim_start().len());
        let span = start..start + raw.trim().len();
        let words = text[span.clone()].split_whitespace().count();
        let marked = text[span.clone()].starts_with(['“', '"', '‘', '\'', '«']);
        let found = quotes.iter().chain(&added).any(|q| overlaps(&q.span, &span));
        if words < MIN_BLOCK_WORDS || marked || found {
            continue;
        }
        let Some(m) = introduced::block_speaker(text, &span, mentions) else { continue };
        // The introducing paragraph's closing colon or comma.
        let mark = text[..span.start].trim_end().len() - 1;
        let (speaker, cue) = (Some(m.as_speaker()), Some(mark..mark + 1));
        added.push(Quote { span, kind: QuoteKind::Direct, cue, speaker, continuation: Vec::new() });
    }
    quotes.extend(added);
    quotes.sort_by_key(|q| (q.span.start, q.span.end));
}

/// Most words of the clause before a parenthetical attribution that [`parenthetical_lead`]
/// takes into the content.
const MAX_LEAD_WORDS: usize = 20;

/// `Each year, agency officials said, it uses …`: reported content that an attribution set off
/// by commas interrupts begins where its sentence begins, not after the attribution. The start
/// of that sentence, when the attribution (source and cue side by side) sits between two
/// commas right before `content` and the clause before it is short and holds no quotation mark.
/// `sentences` gives the text's sentences; it is called only once the attribution fits.
fn parenthetical_lead<'s>(
    text: &str,
    sentences: impl FnOnce() -> &'s [Range<usize>],
    a: &attribute::Attribution,
    content: &Range<usize>,
) -> Option<usize> {
    let cue = a.cue.as_ref()?;
    let source = a.source.as_ref()?;
    // What leads up to `according to X,` is the writer's ([`content_pieces`]).
    if text.get(cue.clone()).is_some_and(|c| c.eq_ignore_ascii_case("according to")) {
        return None;
    }
    let (start, end) = (cue.start.min(source.start), cue.end.max(source.end));
    // Source and cue side by side (`agency officials said`, `said Mr. Reeves`), not a clause
    // apart (`makers are using … combined with, say, a card`).
    let between = text.get(cue.end.min(source.end)..cue.start.max(source.start))?;
    let after = text.get(end..content.start)?;
    if end > content.start || after.trim() != "," || !between.trim().is_empty() {
        return None;
    }
    let sentences = sentences();
    let sentence = sentences.get(sentences.partition_point(|r| r.end <= start))?;
    let lead = text.get(sentence.start..start)?;
    let clause = lead.trim_end().strip_suffix(',')?;
    let words = clause.split_whitespace().count();
    let quoted = clause.contains(['"', '“', '”']);
    // One word is the writer's connective (`Still, Stanikzai said, the militants …`).
    (sentence.start < start && (2..=MAX_LEAD_WORDS).contains(&words) && !quoted).then_some(sentence.start)
}

/// The sentences of `text` as byte ranges, in order, by the analysis's sentence splitter.
fn sentence_bytes(text: &str, tokens: &[crate::tokens::Token]) -> Vec<Range<usize>> {
    let bytes = |r: Range<usize>| Some(tokens.get(r.start)?.start as usize..tokens.get(r.end.checked_sub(1)?)?.end as usize);
    crate::sentences::split_sentences(text, tokens).into_iter().filter_map(bytes).collect()
}

/// Whether the cue at `cue` starts with a capital letter where no sentence, line or list item
/// starts (`According to` is a cue however it is written).
fn capitalized_mid_sentence(text: &str, cue: &Range<usize>) -> bool {
    let word = text.get(cue.clone()).unwrap_or("");
    let capital = word.starts_with(char::is_uppercase) && !word.starts_with("According");
    let before = text.get(..cue.start).unwrap_or("").trim_end_matches([' ', '"', '“', '‘', '(', '-', '*', '•']);
    capital && !(before.is_empty() || before.ends_with(['.', '!', '?', ':', '\n', '—', '–']))
}

/// The whitespace-separated words of `text[range]` with their byte offsets.
fn words(text: &str, range: Range<usize>) -> Vec<(usize, &str)> {
    let Some(s) = text.get(range.clone()) else { return Vec::new() };
    s.split_whitespace().map(|w| (range.start + (w.as_ptr() as usize - s.as_ptr() as usize), w)).collect()
}

/// Whether two byte ranges share a byte.
pub(crate) fn overlaps(a: &Range<usize>, b: &Range<usize>) -> bool {
    a.start < b.end && b.start < a.end
}

/// The non-empty lines of `text` (its paragraphs, as extraction writes them), trimmed, as
/// byte ranges.
pub(crate) fn lines(text: &str) -> Vec<Range<usize>> {
    let mut out = Vec::new();
    let mut at = 0;
    for line in text.split('\n') {
        let lead = line.len() - line.trim_start().len();
        let trimmed = line.trim();
        if !trimmed.is_empty() {
            out.push(at + lead..at + lead + trimmed.len());
        }
        at += line.len() + 1;
    }
    out
}

/// Most bytes between a speaker phrase and the `who` of its relative clause: an apposition
/// (`said Scott Reed, the Chamber's chief political strategist, who added`).
const RELATIVE_WITHIN_BYTES: usize = 120;

/// Verbs by which a relative clause goes on reporting what its source says (not `who asked 7
/// On Your Side not to show their face`, a request).
const STATING: &[&str] =
    &["added", "said", "says", "noted", "told", "explained", "warned", "argued", "insisted", "stressed", "cautioned", "wrote"];

/// A quote whose speaker is a `who` no mention resolves takes the speaker of the quote whose
/// speaker phrase the relative clause follows (`“…,” said one Democrat familiar with the
/// discussion, who added that …`; `…, said the officials, who added that …`): the same source
/// goes on speaking. Runs before [`forget_bare_pronouns`].
pub fn relative_speakers(text: &str, quotes: &mut [Quote]) {
    // Speaker phrases by where they end, so that each `who` finds the one before it at once.
    let mut ends: Vec<(usize, usize)> =
        quotes.iter().enumerate().filter_map(|(i, q)| q.speaker.as_ref().map(|s| (s.span.end, i))).collect();
    ends.sort_unstable();
    let states = |c: &Range<usize>| {
        text.get(c.clone()).and_then(|c| c.split_whitespace().next()).is_some_and(|v| STATING.contains(&v))
    };
    for i in 0..quotes.len() {
        let Some(who) = quotes[i].speaker.as_ref().filter(|s| !s.is_named()).map(|s| s.span.clone()) else { continue };
        if !matches!(text.get(who.clone()).map(str::trim), Some("who" | "Who")) || !quotes[i].cue.as_ref().is_some_and(states) {
            continue;
        }
        let nearest = ends.partition_point(|(end, _)| *end <= who.start).checked_sub(1).map(|k| ends[k].1);
        let antecedent = nearest
            .and_then(|k| quotes[k].speaker.as_ref())
            .filter(|s| who.start - s.span.end <= RELATIVE_WITHIN_BYTES)
            .filter(|s| {
                text.get(s.span.end..who.start).is_some_and(|gap| {
                    gap.trim_end().ends_with(',') && !gap.contains(['.', ';', ':', '“', '”', '"', '(', '\n'])
                })
            })
            .cloned()
            .or_else(|| inverted_source_before(text, who.start));
        if let Some(s) = antecedent {
            quotes[i].speaker = Some(s);
        }
    }
}

/// The unnamed source of an inverted attribution right before a relative `who` at `at`
/// (`…, said the officials, who …`): the words between the cue and the comma, at most eight.
fn inverted_source_before(text: &str, at: usize) -> Option<Speaker> {
    // A cue and eight words fit in this many bytes; looking no farther keeps it linear.
    let mut from = at.saturating_sub(RELATIVE_WITHIN_BYTES);
    while !text.is_char_boundary(from) {
        from -= 1;
    }
    let before = text.get(from..at)?.trim_end().strip_suffix(',')?;
    let cue_end = ["said ", "says "].iter().filter_map(|c| before.rfind(c).map(|i| i + c.len())).max()?;
    let phrase = &before[cue_end..];
    let cue_end = from + cue_end;
    let words = phrase.split_whitespace().count();
    let plain = phrase.chars().all(|c| c.is_alphanumeric() || c == ' ' || c == '-' || c == '\'' || c == '’');
    ((1..=8).contains(&words) && plain).then(|| Speaker {
        span: cue_end..cue_end + phrase.len(),
        entity: None,
        name: None,
        members: Vec::new(),
    })
}

/// A speaker that is only a pronoun no mention resolves (`he said` with no person named
/// before it) names no one: the article leaves such a quote's speaker unknown rather than
/// give a reader `he`. The quote finder keeps the phrase, since it joins the quotes of one
/// speaker and its span is what PolNeAR scores.
pub fn forget_bare_pronouns(text: &str, quotes: &mut [Quote]) {
    for q in quotes {
        if q.speaker.as_ref().is_some_and(|s| !s.is_named() && resolve::is_bare_pronoun(text, &s.span)) {
            q.speaker = None;
        }
    }
}

/// Fewest words of a quotation no one is said to have said that is still reported: shorter,
/// it is a scare quote, a title, a term, a sample prompt or question, an interface string
/// (`“pie in the sky”`, `“An Atlas of Anatomy for Artists”`, `“How many miles is a
/// marathon?”`), not speech. Chosen on news-analysis-train's 195 articles (article folds, fold
/// taggers): 6, 9, 12, 16 and 24 words give quote F1 0.649, 0.651, 0.653, 0.652, 0.653 and
/// who-said-what 0.559, 0.562, 0.564, 0.566, 0.569 (a quote without a speaker is never a
/// right who-said-what pair, so that figure only grows); 12 keeps the best quote F1 while
/// long unattributed excerpts (a report quoted at length) stay. Was 6, chosen on 53 articles.
const UNATTRIBUTED_MIN_WORDS: usize = 12;

/// Drops the short direct quotes that have no speaker once the article's speakers are known
/// ([`forget_bare_pronouns`] and the entity filter run first).
pub fn drop_unattributed_phrases(text: &str, quotes: &mut Vec<Quote>) {
    quotes.retain(|q| {
        q.kind != QuoteKind::Direct
            || q.speaker.is_some()
            || text.get(q.span.clone()).is_some_and(|t| t.split_whitespace().count() >= UNATTRIBUTED_MIN_WORDS)
    });
}

/// Drops the direct quotes whose speaker is the author or the reader (`I asked myself: “…”`,
/// `you know “Are you a PC or a Mac?”`): GUIDELINES.md counts neither as a source, as
/// [`speech::has_a_source`] already rules for reported speech. Runs after
/// [`continue_speakers`], on the final speakers. On news-analysis-train (article folds) 23 such
/// quotes, 18 of them no quote and 5 another source's words put in the author's mouth: quote F1
/// 0.653 -> 0.655, who-said-what 0.564 -> 0.570.
pub fn drop_author_quotations(text: &str, quotes: &mut Vec<Quote>) {
    quotes.retain(|q| {
        q.kind != QuoteKind::Direct
            || q.speaker.as_ref().is_none_or(|s| s.is_named() || !speech::is_author_or_reader(text.get(s.span.clone()).unwrap_or("")))
    });
}

/// Drops the quotes whose words are a title in title case (`She shows “Drawing On The Right
/// Side of The Brain”`, `He knows “The Mythical Man Month”`): GUIDELINES.md counts titles of
/// works as no quote, whoever names them. On news-analysis-train (article folds) 3 such quotes,
/// none right; on 254 other wcxb-dev texts 7, all titles or a product's name.
pub fn drop_titles(text: &str, quotes: &mut Vec<Quote>) {
    // A sentence's end just after the words, inside the quotation marks, makes them a sentence
    // (`The signature reads, "Farah Al-Ibrahim, President."`).
    let ends_sentence = |q: &Quote| text.get(q.span.end..).is_some_and(|t| t.starts_with(['.', '!', '?']));
    quotes.retain(|q| ends_sentence(q) || !speech::is_title(text.get(q.span.clone()).unwrap_or("")));
}

/// Most words between a quotation with no speaker and the quote before it for the quotation
/// to continue that quote's speaker. Chosen on news-analysis-train (article folds): 4 to 20
/// words do equally well.
const CONTINUES_WITHIN_WORDS: usize = 10;

/// The same for a paragraph that opens with a quotation after a person's quote, when no other
/// person is named between: a photo's caption or a crosshead between the paragraphs of one
/// person's quotation (BBC pages) leaves it theirs. Chosen on round fourteen (20 and 30 gain
/// nothing, 40 one quote, 60 no more).
const PERSON_CONTINUES_WITHIN_WORDS: usize = 40;

/// A direct quotation with no speaker of its own that comes right after another quote (a
/// paragraph of quotation after `“…,” said Dan Lieberman.`) continues that quote's speaker,
/// as news writing does; so does one whose speaker is named before that quote (the taggers
/// reached back past it to an earlier paragraph). Runs on the article's final quotes, in
/// text order, with its entities: a person's quotation reaches farther.
pub fn continue_speakers(text: &str, quotes: &mut [Quote], entities: &[Entity]) {
    let people: Vec<&Entity> = entities.iter().filter(|e| e.kind == EntityType::Person).collect();
    for i in 1..quotes.len() {
        let (done, rest) = quotes.split_at_mut(i);
        let (prev, q) = (&done[i - 1], &mut rest[0]);
        // A speaker named before the quote before is farther than that quote's own.
        let farther = q.speaker.as_ref().is_some_and(|s| s.span.end <= prev.span.start);
        let Some(prev_speaker) = prev.speaker.as_ref() else { continue };
        if q.kind != QuoteKind::Direct || (q.speaker.is_some() && !farther) {
            continue;
        }
        let gap = prev.span.end..q.span.start;
        let reach = match people.iter().find(|e| prev_speaker.entity.as_ref() == Some(&e.id)) {
            Some(person) if opens_paragraph(text, q.span.start) && !names_another(&people, person, &gap) => {
                PERSON_CONTINUES_WITHIN_WORDS
            }
            _ => CONTINUES_WITHIN_WORDS,
        };
        if text.get(gap).is_some_and(|g| g.split_whitespace().count() <= reach) {
            q.speaker = Some(prev_speaker.clone());
        }
    }
}

/// Whether a person other than `person` is named in the body inside `gap`.
fn names_another(people: &[&Entity], person: &Entity, gap: &Range<usize>) -> bool {
    let inside = |m: &crate::model::Mention| m.field == TextField::Body && gap.contains(&m.span.start);
    people.iter().any(|e| e.id != person.id && e.mentions.iter().any(inside))
}

/// Whether only quotation marks stand between `at` and the start of its paragraph.
fn opens_paragraph(text: &str, at: usize) -> bool {
    let line = text.get(..at).map_or("", |t| t.rsplit('\n').next().unwrap_or(t));
    line.chars().all(|c| c.is_whitespace() || matches!(c, '"' | '“' | '‘' | '\'' | '«' | '„'))
}

/// `“We won,” she said, “and we will win again.”`: the direct quote after an attribution
/// that interrupts a quotation, in the same paragraph and by the same speaker, is that
/// quotation's continuation, not a quote of its own (which would count the speaker twice).
/// One with a cue of its own (`“…,” he adds`) is attributed anew: a quote of its own. The
/// pieces of one attribution (the same cue) join however long the attribution between them
/// (`“…,” said Mr. Reeves, a senior fellow at … University. “…”`), unless a sentence ends
/// between the first piece and the cue.
/// Runs again on the article's quotes once [`continue_speakers`] has given the quotation
/// after `“…,” Wilgus clarifies.` its speaker.
pub fn join_interrupted(text: &str, quotes: Vec<Quote>) -> Vec<Quote> {
    const MAX_GAP: usize = 80;
    let mut out: Vec<Quote> = Vec::with_capacity(quotes.len());
    for q in quotes {
        if let Some(first) = out.last_mut()
            && first.kind == QuoteKind::Direct
            && q.kind == QuoteKind::Direct
            && same_speaker(first, &q)
            && (q.cue.is_none() || q.cue == first.cue)
        {
            let last_end = first.continuation.last().map_or(first.span.end, |c| c.end);
            let gap = text.get(last_end..q.span.start).unwrap_or("\n");
            // Pieces of one attribution (the same cue) join across a long attribution too, when
            // the cue follows the first piece in its sentence (not `call “the tire of the
            // decade” is this one. Its tester said, “…”`).
            let attributed_after = q.cue.as_ref().is_some_and(|c| {
                c.start >= last_end && c.end <= q.span.start && !breaks_sentence(text.get(last_end..c.start).unwrap_or("."))
            });
            let near = gap.len() <= MAX_GAP || attributed_after;
            if q.span.start >= last_end && near && !gap.contains('\n') && gap.contains(['”', '"']) {
                first.continuation.push(q.span);
                continue;
            }
        }
        out.push(q);
    }
    out
}

/// Whether `span` holds a sentence's end: a full stop, `!` or `?` before a space, but not the
/// stop of a short capitalized abbreviation (`Mr. Reeves`, `Sen. Kim`, `U.S. officials`).
fn breaks_sentence(span: &str) -> bool {
    span.match_indices(['.', '!', '?']).any(|(i, mark)| {
        let spaced = span[i + 1..].starts_with(char::is_whitespace);
        let word = span[..i].rsplit(|c: char| c.is_whitespace()).next().unwrap_or("");
        let abbreviation = mark == "." && word.len() <= 3 && word.starts_with(char::is_uppercase);
        spaced && !abbreviation
    })
}

/// Both quotes have a speaker and it is the same entity, or the same words when unresolved.
fn same_speaker(a: &Quote, b: &Quote) -> bool {
    match (&a.speaker, &b.speaker) {
        (Some(x), Some(y)) => match (&x.entity, &y.entity) {
            (Some(e), Some(f)) => e == f,
            _ => x.span == y.span,
        },
        _ => false,
    }
}

/// The content pieces of an attribution. `According to X, S.`: all of S is what X says, though
/// the taggers at times end it at its first comma (`…, public awareness has ramped up, with 32%
/// of adults …`) or mark none of it.
fn content_pieces(text: &str, a: &attribute::Attribution) -> Vec<Range<usize>> {
    let according = a.cue.as_ref().filter(|c| text.get((*c).clone()).is_some_and(|t| t.eq_ignore_ascii_case("according to")));
    // `…, but according to X, S.`: what leads up to the cue is the writer's, S is X's.
    let lead_in = |piece: &Range<usize>| according.is_some_and(|cue| ends_in_connective(text, piece, cue.start));
    let content: Vec<&Range<usize>> = a.content.iter().filter(|p| !lead_in(p)).collect();
    let after_source = according.and(a.source.as_ref()).filter(|_| content.is_empty()).and_then(|s| {
        let rest = text.get(s.end..)?;
        // The source may keep its comma (PolNeAR's spans do).
        let source_comma = text.get(s.clone())?.ends_with(',');
        let clause = if source_comma { rest } else { rest.strip_prefix(',')? }.trim_start_matches(' ');
        let start = s.end + rest.len() - clause.len();
        Some(to_sentence_end(text, start..start))
    });
    content
        .into_iter()
        .map(|piece| match according {
            Some(cue) if cue.end <= piece.start => to_sentence_end(text, piece.clone()),
            _ => piece.clone(),
        })
        .chain(after_source)
        .filter(|p| !p.is_empty())
        .collect()
}

/// Words that join a clause to what follows them: a content that ends in one, right before
/// `according to`, is the writer's lead-in to the report, not the report.
const CONNECTIVES: &[&str] = &[
    "but", "although", "though", "and", "yet", "while", "whereas", "however", "so", "because", "since", "in fact",
    "in other words",
];

/// Whether `piece` ends with a connective (`but`, `in fact`), then at most commas and spaces
/// up to `cue`.
fn ends_in_connective(text: &str, piece: &Range<usize>, cue: usize) -> bool {
    let gap = text.get(piece.end..cue).unwrap_or("x");
    let words = text.get(piece.clone()).unwrap_or("").trim_end_matches([',', ' ']).to_lowercase();
    let ends_with = |c: &str| words.strip_suffix(c).is_some_and(|before| before.is_empty() || before.ends_with(' '));
    piece.end <= cue && gap.chars().all(|c| matches!(c, ',' | ' ')) && CONNECTIVES.iter().any(|c| ends_with(c))
}

/// `span` continued to the end of its sentence: the first `.`, `!` or `?` before a space or
/// the end of the line, or the end of the line, without trailing marks; never shorter.
fn to_sentence_end(text: &str, span: Range<usize>) -> Range<usize> {
    let rest = text.get(span.end..).unwrap_or("");
    let rest = &rest[..rest.find('\n').unwrap_or(rest.len())];
    let end = sentence_stop(rest).unwrap_or(rest.len());
    let added = rest[..end].trim_end_matches([' ', ':', ';', ',', '*', '—', '–']);
    // A quotation, or a span inside one, ends with it.
    let quoted = text.get(span.clone()).unwrap_or("").trim_end().ends_with(['”', '"'])
        || added.find('”').is_some_and(|close| added.find('“').is_none_or(|open| close < open));
    match quoted {
        true => span,
        false => span.start..span.end + added.len(),
    }
}

/// Where the first `.`, `!` or `?` before a space or the end of `line` stands in it.
fn sentence_stop(line: &str) -> Option<usize> {
    let stop = |&(i, c): &(usize, char)| {
        matches!(c, '.' | '!' | '?') && line[i + c.len_utf8()..].chars().next().is_none_or(|n| n == ' ')
    };
    line.char_indices().find(stop).map(|(i, _)| i)
}

/// The reported clause without its complementizer: PolNeAR counts `that` in the content,
/// a reader of the quote does not need it.
fn without_that(text: &str, span: Range<usize>) -> Range<usize> {
    let body = text.get(span.clone()).unwrap_or("");
    match body.strip_prefix("that ") {
        Some(rest) if !rest.trim().is_empty() => span.end - rest.len()..span.end,
        _ => span,
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The rule finder alone: these tests pin its patterns, which the taggers build on.
    fn rule_quotes(text: &str, mentions: &[MentionRef]) -> Vec<Quote> {
        find_quotes_with(text, mentions, None)
    }

    #[test]
    fn what_leads_up_to_according_to_is_the_writers() {
        // wcxb-4078 and wcxb-2740: the taggers took the clause before the cue for the report.
        for (text, report) in [
            (
                "The results were pretty much identical to that of the Espro P7, but according to customer \
                 reviews, the black finish on the P6 peels off over time.",
                "the black finish on the P6 peels off over time",
            ),
            (
                "A yearly subscription is currently $29.99, although, according to AppRaven, there have been \
                 sales for as low as $12.99 a year.",
                "there have been sales for as low as $12.99 a year",
            ),
        ] {
            let shown: Vec<String> = find_quotes(text, &[]).iter().map(|q| text[q.span.clone()].to_string()).collect();
            assert_eq!(shown, [report]);
        }
        let connective = |s: &str| s.find(" according").is_some_and(|at| ends_in_connective(s, &(0..at), at + 1));
        assert!(connective("Sales fell, in fact according"));
        assert!(!connective("Sales fell sharply according"), "a clause, not a lead-in");
        assert!(!connective("The band played on according"), "`on` is no connective, nor the end of `so`");
    }

    #[test]
    fn a_paragraph_a_speech_verb_and_a_colon_introduce_is_a_quotation() {
        // moz-bbc-1: a page text, without the markup of a block quotation.
        let text = "Obama spoke.\n\nIn a wide-ranging interview, President Barack Obama also said:\n\nThe UK must \
                    stay in the EU to have influence on the world stage.\n\nBarack Obama's steps are explained:\n\n\
                    First you open the lid and then you pour the water in.\n\nWhere Barack Obama excels:\n\nHe \
                    can explain any policy in simple words to anyone.\n\nBarack Obama wrote on December 24, 2020 at \
                    3:53 am:\n\nThank you all for the warm wishes over the holidays this year.";
        let obama = person_mention(text, "Barack Obama");
        let mentions: Vec<MentionRef> =
            text.match_indices("Barack Obama").map(|(at, _)| MentionRef { span: at..at + 12, ..obama.clone() }).collect();
        let mut quotes = Vec::new();
        add_block_quotations(text, &[], &mentions, &mut quotes);
        let shown: Vec<&str> = quotes.iter().map(|q| &text[q.span.clone()]).collect();
        let wishes = "Thank you all for the warm wishes over the holidays this year.";
        assert_eq!(shown, ["The UK must stay in the EU to have influence on the world stage.", wishes]);
        assert_eq!(quotes[0].speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Barack Obama"));
    }

    #[test]
    fn who_recommends_a_quotation_said_it() {
        // wcxb-4666: the quotation marks hold the whole recommendation, which no cue attributes.
        let text = "Kevin Cureghian is an audio specialist at Spotify.\n\nFor creators ready to invest in \
                    professional-level equipment, Kevin recommends “the Apollo X16 from Universal Audio, which is \
                    designed for professional studios.”";
        let kevin = person_mention(text, "Kevin Cureghian");
        let at = text.find("Kevin recommends").unwrap_or(0);
        let again = MentionRef { span: at..at + 5, ..kevin.clone() };
        let quotes = find_quotes(text, &[kevin, again]);
        let apollo = quotes.iter().find(|q| text[q.span.clone()].contains("Apollo X16"));
        let speaker = apollo.and_then(|q| q.speaker.as_ref()).and_then(|s| s.name.clone());
        assert_eq!(speaker.as_deref(), Some("Kevin Cureghian"));
        // wcxb-0199: an organisation's advice inside the quotation names no speaker of it.
        let text = "Gifts.\n\n\"The American Writers Museum encourages everyone to find the books and book groups \
                    that excite them.\"\nCarey Cranston\nAmerican Writers Museum President\n\nOur editors tested six.";
        let museum = MentionRef { kind: crate::model::EntityType::Org, person: false, ..person_mention(text, "American Writers Museum") };
        let quotes = find_quotes(text, &[museum]);
        assert!(quotes.iter().all(|q| q.speaker.as_ref().is_none_or(|s| s.name.as_deref() != Some("American Writers Museum"))));
    }

    #[test]
    fn a_share_of_the_people_surveyed_reports() {
        // wcxb-0002 and wcxb-0348: survey figures are reports of the people counted.
        for (text, source) in [
            (
                "Three out of four consumers said they want to optimize vitamin intake through food, with strong \
                 interest in magnesium.",
                "Three out of four consumers",
            ),
            (
                "In a 2012 U.S. survey, 1.9 percent of 34,525 adults reported that they had practiced mindfulness \
                 meditation in the past 12 months.",
                "1.9 percent of 34,525 adults",
            ),
            // wcxb-0032, wcxb-0301: a share of people named for what they do; `per cent` in two words.
            (
                "Exercise is good for the mind. And 78% of surveyed exercisers say they work out primarily \
                 for mental or emotional benefits.",
                "78% of surveyed exercisers",
            ),
            (
                "In one global survey, 63 per cent of organisations said streaming data platforms directly fuel \
                 their AI programmes.",
                "63 per cent of organisations",
            ),
        ] {
            let q = find_quotes(text, &[]);
            let speakers: Vec<&str> = q.iter().filter_map(|q| q.speaker.as_ref()).map(|s| &text[s.span.clone()]).collect();
            assert_eq!(speakers, [source]);
        }
    }

    #[test]
    fn according_to_reports_the_whole_sentence() {
        let text = "Drugs are everywhere.\n\nAccording to the Kaiser Family Foundation, public awareness has ramped up, \
                    with 32% of adults now aware of them. Others disagree.";
        let name = "Kaiser Family Foundation";
        let at = text.find(name).unwrap_or(0);
        let kff = MentionRef {
            span: at..at + name.len(),
            entity: "E1".into(),
            name: name.into(),
            person: false,
            kind: crate::model::EntityType::Org,
            titles: Vec::new(),
        };
        let q = find_quotes(text, &[kff]);
        let shown: Vec<&str> = q.iter().map(|q| &text[q.span.clone()]).collect();
        assert_eq!(shown, ["public awareness has ramped up, with 32% of adults now aware of them"]);
        let s = "A b: c d, e f:\nNext";
        assert_eq!(&s[to_sentence_end(s, 5..8)], "c d, e f");
        assert_eq!(&s[to_sentence_end(s, 0..3)], "A b: c d, e f");
        let s = "“to measure it, then check.” Next";
        assert_eq!(&s[to_sentence_end(s, 3..16)], "to measure it");
        let quotation = 0..s.find(" Next").unwrap_or(0);
        assert_eq!(&s[to_sentence_end(s, quotation)], "“to measure it, then check.”");
    }

    #[test]
    fn indirect_quote_drops_that_and_keeps_the_speaker() {
        let text = "The minister said that the talks with the rebels were over.";
        let q = rule_quotes(text, &[]);
        assert_eq!(q.len(), 1);
        assert_eq!(&text[q[0].span.clone()], "the talks with the rebels were over");
        assert_eq!(q[0].kind, QuoteKind::Indirect);
        let speaker = q[0].speaker.as_ref().map(|s| &text[s.span.clone()]);
        assert_eq!(speaker, Some("The minister"));
    }

    #[test]
    fn a_pronoun_never_stands_for_a_name_in_an_earlier_speakers_quotation() {
        let text = "Her mother, Fiona Parry, gave a statement.\n\n“As Eloise Parry deteriorated, the staff did all \
                    they could.”\n\nShe added: “They never stood a chance of saving her.”";
        let mut fiona = person_mention(text, "Fiona Parry");
        let eloise = MentionRef { entity: "E2".into(), ..person_mention(text, "Eloise Parry") };
        fiona.entity = "E1".into();
        let q = rule_quotes(text, &[fiona, eloise]);
        let last = q.iter().find(|q| text[q.span.clone()].starts_with("They never"));
        assert_eq!(last.and_then(|q| q.speaker.as_ref()).and_then(|s| s.name.as_deref()), Some("Fiona Parry"), "{q:?}");
    }

    #[test]
    fn a_pronoun_no_one_is_named_before_is_no_speaker() {
        let text = "Once, on a plane, he responded, “So you teach Plato to plumbers?” and laughed.";
        let mut q = rule_quotes(text, &[]);
        assert_eq!(q.len(), 1);
        assert_eq!(q[0].speaker.as_ref().map(|s| &text[s.span.clone()]), Some("he"));
        forget_bare_pronouns(text, &mut q);
        assert!(q[0].speaker.is_none(), "{:?}", q[0].speaker);
        // Named before, the pronoun is that person.
        let text = "Ana Lima sat down. She responded, “So you teach Plato to plumbers?” and laughed.";
        let lima = person_mention(text, "Ana Lima");
        let mut q = rule_quotes(text, std::slice::from_ref(&lima));
        forget_bare_pronouns(text, &mut q);
        assert_eq!(q[0].speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Ana Lima"));
    }

    #[test]
    fn words_quoted_inside_reported_speech_are_part_of_it_not_quotes_of_their_own() {
        let text = "Stanikzai said the group’s “main goal” is to “put an end” to the “invasion” led by the US.";
        let q = rule_quotes(text, &[]);
        let texts: Vec<&str> = q.iter().map(|q| &text[q.span.clone()]).collect();
        assert_eq!(texts, ["the group’s “main goal” is to “put an end” to the “invasion” led by the US"]);
        assert_eq!(q[0].kind, QuoteKind::Indirect);
    }

    #[test]
    fn a_straight_quote_after_a_sentence_keeps_the_speaker_named_after_it() {
        // The opening mark used to close the sentence before, so the taggers read that
        // sentence's subject (`Dock workers`) as the speaker. British single quotes alike.
        for mark in ["\"", "'"] {
            let text = format!(
                "Dock workers in Rotterdam went back to work on Thursday after the strike ended. \
                 {mark}We won a fair deal,{mark} said Peter Jansen."
            );
            for model in [None, tagger::embedded()] {
                let q = find_quotes_with(&text, &[], model);
                let speakers: Vec<&str> =
                    q.iter().filter_map(|q| q.speaker.as_ref()).map(|s| &text[s.span.clone()]).collect();
                assert_eq!(speakers, ["Peter Jansen"], "{text}");
            }
        }
    }

    #[test]
    fn wishes_perceptions_and_states_of_mind_are_not_quotes() {
        let text = "Most buyers want a phone that lasts five years. Many parents fear that schools will close. \
                    The agency is aware of fake pens sold online under its brand. Buyers noticed that prices \
                    rose in May. The minister said that the talks with the rebels were over.";
        for model in [None, tagger::embedded()] {
            let q = find_quotes_with(text, &[], model);
            let texts: Vec<&str> = q.iter().map(|q| &text[q.span.clone()]).collect();
            assert_eq!(texts, ["the talks with the rebels were over"], "{model:?}", model = model.is_some());
        }
    }

    #[test]
    fn a_label_before_a_colon_is_no_speaker() {
        let text = "Use leading lines.\n\nQuick Tip: Leading lines can add an extra layer of elegance to your photos.";
        let at = text.find("Quick").unwrap_or(0);
        let label = MentionRef {
            span: at..at + 5,
            entity: "E1".into(),
            name: "Quick".into(),
            person: false,
            kind: crate::model::EntityType::Org,
            titles: Vec::new(),
        };
        for mentions in [Vec::new(), vec![label]] {
            let quotes = find_quotes_with(text, &mentions, tagger::embedded());
            assert!(quotes.iter().all(|q| q.speaker.is_none()), "{quotes:?}");
        }
    }

    #[test]
    fn a_quotation_interrupted_by_its_attribution_is_one_quote() {
        let text = "“We will stay,” he said. “It is our home.”\n\n“Not here,” she said.";
        let q = rule_quotes(text, &[]);
        let parts: Vec<Vec<&str>> = q
            .iter()
            .map(|q| std::iter::once(&q.span).chain(&q.continuation).map(|s| &text[s.clone()]).collect())
            .collect();
        assert_eq!(parts, [vec!["We will stay", "It is our home"], vec!["Not here"]], "a new paragraph, a new quote");
        assert!(q.iter().all(|q| q.kind == QuoteKind::Direct && q.speaker.is_some()));
    }

    #[test]
    fn pieces_of_one_attribution_join_across_a_long_apposition_but_not_across_a_sentence() {
        let at = |text: &str, s: &str| text.find(s).map_or(0..0, |i| i..i + s.len());
        let pieces = |text: &str, first: &str, cue: &str, speaker: &str, second: &str| {
            let speaker = Speaker { span: at(text, speaker), entity: None, name: None, members: vec![] };
            let quote = |s: &str| Quote {
                span: at(text, s),
                kind: QuoteKind::Direct,
                cue: Some(at(text, cue)),
                speaker: Some(speaker.clone()),
                continuation: vec![],
            };
            join_interrupted(text, vec![quote(first), quote(second)])
        };
        let text = "“They have not changed,” said Mr. Reeves, a senior fellow at the Center for Health and \
                    Human Rights at Harvard University. “These guys are the worst.”\n\nOther news.";
        let q = pieces(text, "They have not changed", "said", "Mr. Reeves", "These guys are the worst");
        assert_eq!(q.len(), 1, "one quotation its attribution interrupts");
        assert_eq!(q[0].continuation, [at(text, "These guys are the worst")]);
        // The cue in a later sentence than the first piece: a phrase of the author's, then a quote.
        let text = "We would call it “the tire of the decade” without a doubt, as many do in New England and \
                    beyond. Its tester, John Paul, said, “It is stable and sure-footed.”";
        let q = pieces(text, "the tire of the decade", "said", "John Paul", "It is stable and sure-footed");
        assert_eq!(q.len(), 2);
        assert!(!breaks_sentence("”, said Mr. Reeves, a fellow at U.S. Steel, ") && breaks_sentence("” is it. Its "));
    }

    #[test]
    fn reported_speech_an_attribution_interrupts_begins_with_its_sentence() {
        let text = "Salt is costly. Each year, agency officials said, it uses more than one million tons of \
                    salt on the roads.";
        let q = find_quotes(text, &[]);
        let reported = q.iter().find(|q| q.kind == QuoteKind::Indirect).map(|q| &text[q.span.clone()]);
        assert_eq!(reported.map(|r| r.starts_with("Each year, agency officials said, it uses")), Some(true), "{reported:?}");
        // A connective alone before the attribution is the writer's.
        let text = "Still, Stanikzai said, the militants are ready to negotiate with Washington.";
        let q = find_quotes(text, &[]);
        assert!(q.iter().any(|q| text[q.span.clone()].starts_with("the militants")), "{q:?}");
        // Source and cue a clause apart are no parenthetical attribution.
        let text = "However, laptop makers are using new chips combined with, say, a graphics card that is old.";
        let q = find_quotes(text, &[]);
        assert!(q.iter().all(|q| !text[q.span.clone()].starts_with("However")), "{q:?}");
    }

    #[test]
    fn a_clause_before_its_source_is_reported_whatever_follows_the_cue() {
        let intro = "Engineers from the Transport Ministry and its minister, Jo Haylen, inspected the bridge.\n\n";
        for (line, said) in [
            ("The bridge will reopen on Monday, the ministry said in a statement.", "The bridge will reopen on Monday"),
            ("The bridge will reopen on Monday, Haylen said on Sunday.", "The bridge will reopen on Monday"),
            ("Traffic will use the tunnel until then, Haylen said in an interview.", "Traffic will use the tunnel until then"),
            ("The repairs will cost about $2 million, Haylen told reporters on Sunday.", "The repairs will cost about $2 million"),
            ("The steel beam had cracked in the cold, Haylen told the ABC.", "The steel beam had cracked in the cold"),
            (
                "Demand for the repairs, Haylen says, is higher than the ministry planned.",
                "Demand for the repairs, Haylen says, is higher than the ministry planned",
            ),
        ] {
            let text = format!("{intro}{line}");
            let ms = [person_mention(&text, "Jo Haylen")];
            let q = find_quotes(&text, &ms);
            let got: Vec<&str> = q.iter().map(|q| &text[q.span.clone()]).collect();
            assert!(got.contains(&said), "{line}: {got:?}");
        }
        // A cue with a complement of its own, or the writer's words after a parenthetical cue.
        for (line, not_said) in [
            ("With a crowded market, many agencies claim to be experts in marketing.", "With a crowded market"),
            ("The two grew close, Haylen said, recalling dinners at a local restaurant.", "recalling dinners"),
            ("After the inspection, Haylen told engineers to close the bridge.", "After the inspection"),
            ("In her address to the council, Haylen praised the engineers.", "In her address to the council"),
        ] {
            let text = format!("{intro}{line}");
            let q = find_quotes(&text, &[]);
            assert!(q.iter().all(|q| !text[q.span.clone()].contains(not_said)), "{line}: {q:?}");
        }
    }

    #[test]
    fn block_quotations_introduced_by_the_paragraph_before_are_quotes() {
        let text = "There was no plan. Maslow once said:\n\nI suppose it is tempting to treat everything as a nail.\n\n\
                    We chose tools at random, as the team lead said:\n\nLeave it.\n\nKey takeaway: choose tools with care.";
        let span = |p: &str| text.find(p).map_or(0..0, |s| s..s + p.len());
        let blocks = [
            span("I suppose it is tempting to treat everything as a nail."),
            span("Leave it."),
            span("Key takeaway: choose tools with care."),
        ];
        let ms = [person_mention(text, "Maslow")];
        let mut quotes = Vec::new();
        add_block_quotations(text, &blocks, &ms, &mut quotes);
        // The introduced paragraph; not one too short to be a statement, nor a callout after a
        // paragraph that names no one.
        let got: Vec<(&str, Option<&str>)> =
            quotes.iter().map(|q| (&text[q.span.clone()], q.speaker.as_ref().and_then(|s| s.name.as_deref()))).collect();
        assert_eq!(got, [(&text[blocks[0].clone()], Some("Maslow"))]);
        assert_eq!(quotes[0].cue.as_ref().map(|c| &text[c.clone()]), Some(":"));
        // A block the quote finder already read stays as it was.
        let mut read = vec![Quote { span: blocks[0].clone(), kind: QuoteKind::Direct, cue: None, speaker: None, continuation: Vec::new() }];
        add_block_quotations(text, &blocks[..1], &ms, &mut read);
        assert_eq!(read.len(), 1);
    }

    #[test]
    fn quote_paragraph_without_cue_continues_the_speaker() {
        let text = "“We will stay,” Lavrov said.\n\n“It is our home and we will not leave it.”";
        let q = rule_quotes(text, &[]);
        assert_eq!(q.len(), 2);
        assert_eq!(q[1].speaker.as_ref().map(|s| &text[s.span.clone()]), Some("Lavrov"));
    }

    #[test]
    fn short_quotations_no_one_said_are_not_reported() {
        let text = "Searches for “adult piano lessons near me” doubled last year, and “Computing Extreme Origami \
                    Bases” sold out.\n\n“We will not leave this city until every family has a home again.”";
        let mut quotes = find_quotes(text, &[]);
        forget_bare_pronouns(text, &mut quotes);
        drop_unattributed_phrases(text, &mut quotes);
        let kept: Vec<&str> = quotes.iter().map(|q| &text[q.span.clone()]).collect();
        assert!(!kept.iter().any(|q| q.contains("piano") || q.contains("Origami")), "{kept:?}");
        assert!(kept.iter().any(|q| q.starts_with("We will not leave")), "{kept:?}");
    }

    #[test]
    fn a_quotation_right_after_a_quote_continues_its_speaker() {
        let text = "Dan Lieberman installed his first system in 2001. “That was really early days. There were no \
                    solar companies,” Dan recalls.\n\n“It was delivered in a week and took a day to put up on the \
                    roof.”\n\nThe town has 4,000 homes. Its council met on Monday \
                    and talked about the budget for the coming year, the roads and the new school building.\n\n“Every \
                    roof in this street could carry panels like these by next summer.”";
        let mentions = [person_mention(text, "Dan Lieberman"), {
            let at = text.find("Dan recalls").unwrap_or(0);
            MentionRef { span: at..at + 3, ..person_mention(text, "Dan Lieberman") }
        }];
        let mut quotes = find_quotes(text, &mentions);
        continue_speakers(text, &mut quotes, &[]);
        let speaker = |start: &str| {
            let q = quotes.iter().find(|q| text[q.span.clone()].starts_with(start));
            q.map(|q| q.speaker.as_ref().and_then(|s| s.name.clone()))
        };
        assert_eq!(speaker("It was delivered"), Some(Some("Dan Lieberman".to_string())));
        assert_eq!(speaker("Every roof"), Some(None), "too far from the last quote");
    }

    #[test]
    fn a_persons_quotation_continues_past_a_caption() {
        let text = "“Ultimately, early action requires government action,” said Rob Bailey.\n\n“It requires donor \
                    governments to write a cheque early on.\n\nUnstable political systems can complicate aid efforts to \
                    help starving people during famines\n\n“They see political risks in funding these sorts of things.”\n\n\
                    Aid budgets are tight, and a caption under the photograph names nobody at all here; however, \
                    “the risk is real” for the agencies.";
        let rob = person_mention(text, "Rob Bailey");
        assert_eq!(continued(text, &rob, &[EntityType::Person], "They see"), Some(Some("Rob Bailey".to_string())));
        assert_eq!(continued(text, &rob, &[EntityType::Org], "They see"), Some(None), "an organisation reaches less far");
        assert_eq!(continued(text, &rob, &[EntityType::Person], "the risk"), Some(None), "inside a sentence");
        let text = "“Ultimately, early action requires government action,” said Rob Bailey.\n\nAnn Lee, who runs a \
                    charity in the town, was there too with eight of her staff.\n\n“It is not a risk that any \
                    government in Europe would take on now.”";
        let rob = person_mention(text, "Rob Bailey");
        let said = continued(text, &rob, &[EntityType::Person], "It is not");
        assert_eq!(said, Some(Some("Rob Bailey".to_string())), "Ann Lee no entity");
        let said = continued(text, &rob, &[EntityType::Person, EntityType::Person], "It is not");
        assert_eq!(said, Some(None), "another person named between");
    }

    /// The speaker [`continue_speakers`] leaves the quote starting with `words`, the entities of
    /// `kinds` being `speaker`'s and then Ann Lee's.
    fn continued(text: &str, speaker: &MentionRef, kinds: &[EntityType], words: &str) -> Option<Option<String>> {
        let mut quotes = find_quotes(text, std::slice::from_ref(speaker));
        let at = |name: &str| text.find(name).map_or(0..0, |i| i..i + name.len());
        let spans = [speaker.span.clone(), at("Ann Lee")];
        let entities: Vec<Entity> = kinds
            .iter()
            .zip(spans)
            .enumerate()
            .map(|(i, (&kind, span))| Entity {
                id: format!("E{}", i + 1),
                name: text[span.clone()].to_string(),
                kind,
                titles: vec![],
                mentions: vec![crate::model::Mention { span, field: TextField::Body }],
            })
            .collect();
        continue_speakers(text, &mut quotes, &entities);
        let q = quotes.iter().find(|q| text[q.span.clone()].starts_with(words))?;
        Some(q.speaker.as_ref().and_then(|s| s.name.clone()))
    }

    #[test]
    fn a_pronoun_speaker_after_a_sentence_is_that_sentences_subject() {
        let text = "Lee, the party leader, said Yoon’s order had caused chaos and fear. “Our democracy is \
                    being wrecked. Our people have suffered,” he said on Friday.";
        let mentions = [person_mention(text, "Lee"), MentionRef { entity: "E2".into(), ..person_mention(text, "Yoon") }];
        let quotes = find_quotes(text, &mentions);
        let q = quotes.iter().find(|q| text[q.span.clone()].starts_with("Our democracy"));
        assert_eq!(q.and_then(|q| q.speaker.as_ref()?.name.clone()).as_deref(), Some("Lee"));
    }

    #[test]
    fn a_name_and_verb_right_after_a_quotation_are_its_speaker_over_an_earlier_paragraph() {
        let text = "Lauren Slayton runs a practice in New York.\n\nResearchers believe this may be connected \
                    to coffee.\n\n“When you think of someone who pushes your buttons, you wish them well,” \
                    Slayton emphasizes.";
        let mentions = [person_mention(text, "Lauren Slayton"), {
            let at = text.find("Slayton emphasizes").unwrap_or(0);
            MentionRef { span: at..at + 7, ..person_mention(text, "Lauren Slayton") }
        }];
        let mut quotes = find_quotes(text, &mentions);
        continue_speakers(text, &mut quotes, &[]);
        let quote = |start: &str| quotes.iter().find(|q| text[q.span.clone()].starts_with(start));
        let speaker = |start: &str| quote(start).and_then(|q| q.speaker.as_ref()).and_then(|s| s.name.as_deref());
        assert_eq!(speaker("When you think"), Some("Lauren Slayton"));
        let cue = quote("When you think").and_then(|q| q.cue.clone()).map(|c| &text[c]);
        assert_eq!(cue, Some("emphasizes"));
    }

    #[test]
    fn she_after_a_quotation_is_not_a_name_in_it() {
        // The tagger took the quotation's first word for a person (`Halved`, wcxb-0050).
        let text = "Cameron Forbes is a party planner in Texas.\n\nSpeaking of fruit and herbs, Forbes says that \
                    using food as party table decor is trending for 2025. “Halved grapefruits, leafy lemons, herbs \
                    cascading from bowls: these edible elements are becoming as much a part of the tablescape as \
                    the florals,” she shares. “It’s visual storytelling through ingredients, and I don’t see it \
                    going anywhere.”";
        let forbes = text.find("Forbes says").unwrap_or(0);
        let mentions = [
            person_mention(text, "Cameron Forbes"),
            MentionRef { span: forbes..forbes + 6, ..person_mention(text, "Cameron Forbes") },
            MentionRef { entity: "E2".into(), ..person_mention(text, "Halved") },
        ];
        let quotes = find_quotes(text, &mentions);
        let quote = quotes.iter().find(|q| text[q.span.clone()].starts_with("Halved"));
        let speaker = quote.and_then(|q| q.speaker.as_ref());
        assert_eq!(speaker.map(|s| &text[s.span.clone()]), Some("she"));
        assert_eq!(speaker.and_then(|s| s.name.as_deref()), Some("Cameron Forbes"));
    }

    #[test]
    fn the_sources_own_apposition_is_not_what_it_said() {
        // moz-quanta-1: the tagger also marked the apposition after the inverted source.
        let text = "Today, many programmers leave science not because their role isn’t appreciated, but because \
                    coding is better compensated in industry, said Alyssa Goodman, an astronomer at Harvard \
                    University and an expert in computing and data science.";
        let mentions = [person_mention(text, "Alyssa Goodman")];
        let quotes = find_quotes(text, &mentions);
        let shown: Vec<&str> = quotes.iter().map(|q| &text[q.span.clone()]).collect();
        assert!(shown.iter().all(|q| !q.starts_with("an astronomer")), "{shown:?}");
        assert!(shown.iter().any(|q| q.starts_with("Today, many programmers leave science")), "{shown:?}");
    }

    #[test]
    fn who_after_a_source_goes_on_with_that_source() {
        let text = "“It was a strong argument,” said one Democrat familiar with the discussion, who added that \
                    the vote could slip to next week.\n\nThe plastic is less susceptible to corrosion, cracks and \
                    leaks, said the officials, who added that they were swapping about 100 miles of line each year.";
        let mut quotes = find_quotes(text, &[]);
        relative_speakers(text, &mut quotes);
        let speaker = |start: &str| {
            let q = quotes.iter().find(|q| text[q.span.clone()].starts_with(start));
            q.and_then(|q| q.speaker.as_ref()).map(|s| &text[s.span.clone()])
        };
        assert_eq!(speaker("the vote could slip"), Some("one Democrat familiar with the discussion"));
        assert_eq!(speaker("they were swapping"), Some("the officials"));
        // A `who` in another sentence is no relative of that source.
        let text = "“We will win this,” said one Democrat. The chairman, who added that the vote could slip \
                    to next week, left early.";
        let mut quotes = find_quotes(text, &[]);
        relative_speakers(text, &mut quotes);
        let speakers: Vec<&str> = quotes.iter().filter_map(|q| q.speaker.as_ref()).map(|s| &text[s.span.clone()]).collect();
        assert_eq!(speakers.iter().filter(|s| **s == "one Democrat").count(), 1, "{speakers:?}");
    }

    #[test]
    fn a_quotation_with_a_cue_of_its_own_is_a_quote_of_its_own() {
        // wcxb-4530: the second quotation is no continuation of the first, though the same
        // person says both in one paragraph: `he adds` attributes it anew.
        let text = "Luigi Fontana is a professor of medicine.\n\nBut there are caveats. “Weight loss only occurs \
                    if fasting is properly implemented,” says Fontana. There is also concern about muscle. \
                    “When fasting, the body may lose lean mass,” he adds. However, protein helps.";
        let fontana = text.find("Fontana.").map_or(0..0, |at| at..at + 7);
        let mentions =
            [person_mention(text, "Luigi Fontana"), MentionRef { span: fontana, ..person_mention(text, "Luigi Fontana") }];
        let quotes = find_quotes(text, &mentions);
        let shown: Vec<(&str, usize)> = quotes.iter().map(|q| (&text[q.span.clone()], q.continuation.len())).collect();
        assert_eq!(
            shown,
            [("Weight loss only occurs if fasting is properly implemented", 0), ("When fasting, the body may lose lean mass", 0)]
        );
        let named = quotes.iter().map(|q| q.speaker.as_ref().and_then(|s| s.name.as_deref()));
        assert!(named.into_iter().all(|n| n == Some("Luigi Fontana")));
    }

    #[test]
    fn a_quotation_right_after_a_quote_continues_its_speaker_over_one_named_before_both() {
        let text = "Researchers believe it.\n\n“Wish them well,” Slayton says.\n\n“It is a profound practice.”";
        let span = |s: &str| text.find(s).map_or(0..0, |at| at..at + s.len());
        let speaker = |s: &str, name: &str| Speaker { span: span(s), entity: None, name: Some(name.to_string()), members: Vec::new() };
        let quote = |s: &str, who: Speaker| Quote {
            span: span(s),
            kind: QuoteKind::Direct,
            cue: None,
            speaker: Some(who),
            continuation: Vec::new(),
        };
        let mut quotes = [
            quote("Wish them well", speaker("Slayton", "Lauren Slayton")),
            quote("It is a profound practice.", speaker("Researchers", "Researchers")),
        ];
        continue_speakers(text, &mut quotes, &[]);
        assert_eq!(quotes[1].speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Lauren Slayton"));
        // One named between the two quotes is the quotation's own.
        let text2 = "“Wish them well,” Slayton says. Dan adds: “It is a profound practice.”";
        let mut quotes = [
            Quote { span: 3..17, ..quote("Wish them well", speaker("Slayton", "Lauren Slayton")) },
            Quote { span: 45..71, ..quote("x", Speaker { span: 34..37, entity: None, name: Some("Dan".into()), members: Vec::new() }) },
        ];
        continue_speakers(text2, &mut quotes, &[]);
        assert_eq!(quotes[1].speaker.as_ref().and_then(|s| s.name.as_deref()), Some("Dan"));
    }

    #[test]
    fn an_attribution_closing_the_sentence_names_the_source_of_a_reported_study() {
        let text = "Sylvia Klinger is a dietitian.\n\nStudies indicate that coffee drinkers have a minimized risk \
                    of developing type 2 diabetes, says Klinger. Researchers believe this may be connected to coffee.";
        let mentions = [person_mention(text, "Sylvia Klinger"), {
            let at = text.find("Klinger.").unwrap_or(0);
            MentionRef { span: at..at + 7, ..person_mention(text, "Sylvia Klinger") }
        }];
        for quotes in [rule_quotes(text, &mentions), find_quotes(text, &mentions)] {
            let q = quotes.iter().find(|q| text[q.span.clone()].contains("coffee drinkers"));
            let speaker = q.and_then(|q| q.speaker.as_ref()).and_then(|s| s.name.as_deref());
            assert_eq!(speaker, Some("Sylvia Klinger"));
            assert_eq!(q.and_then(|q| q.cue.clone()).map(|c| &text[c]), Some("says"));
        }
    }

    #[test]
    fn a_cue_capitalized_mid_sentence_is_a_names_word() {
        let at = |text: &str, cue: &str| text.find(cue).map_or(0..0, |i| i..i + cue.len());
        let t = "The NCH Express accounts tool is free desktop software.";
        assert!(capitalized_mid_sentence(t, &at(t, "Express")));
        for (t, cue) in [
            ("Prices rose. Experts say it will last.", "Experts"),
            ("- According to the clinic, muscle fades.", "According"),
            ("The market grows, According to IDC.", "According"),
            ("The market grows, analysts say.", "say"),
        ] {
            assert!(!capitalized_mid_sentence(t, &at(t, cue)), "{t}");
        }
    }

    #[test]
    fn scare_quotes_are_not_quotes() {
        assert!(rule_quotes("The ‘Moscow format’ talks began in 2017.", &[]).is_empty());
    }

    #[test]
    fn according_to_and_postposed_cues() {
        let text = "The talks in Doha failed on Friday, according to the Foreign Ministry. The vote in the county was rigged, the senator said.";
        let q = rule_quotes(text, &[]);
        let got: Vec<(&str, Option<&str>)> =
            q.iter().map(|q| (&text[q.span.clone()], q.speaker.as_ref().map(|s| &text[s.span.clone()]))).collect();
        assert_eq!(
            got,
            [
                ("The talks in Doha failed on Friday", Some("the Foreign Ministry")),
                ("The vote in the county was rigged", Some("the senator"))
            ]
        );
    }

    #[test]
    fn coordinated_cue_shares_the_subject() {
        let text = "He claimed vast wealth and said it kept him free of the banks.";
        let q = rule_quotes(text, &[]);
        let speaker = q.first().and_then(|q| q.speaker.as_ref()).map(|s| &text[s.span.clone()]);
        assert_eq!(speaker, Some("He"));
    }

    #[test]
    fn source_with_apposition_before_the_cue() {
        let text =
            "Douglas Brinkley, a historian who attended the session, recalled that the mood in the room was tense.";
        let q = rule_quotes(text, &[]);
        let speaker = q.first().and_then(|q| q.speaker.as_ref()).map(|s| &text[s.span.clone()]);
        assert_eq!(speaker, Some("Douglas Brinkley, a historian who attended the session"));
    }

    #[test]
    fn clause_after_the_cue_means_the_source_is_before_it() {
        let text = "The state’s campaign chairman, Phil Lovas, said he has not seen the letter.";
        let q = rule_quotes(text, &[]);
        assert_eq!(q.first().map(|q| &text[q.span.clone()]), Some("he has not seen the letter"));
        let text = "As a summer associate at a law firm, she said she was asked to present her own work.";
        let q = rule_quotes(text, &[]);
        assert_eq!(q.first().and_then(|q| q.speaker.as_ref()).map(|s| &text[s.span.clone()]), Some("she"));
    }

    #[test]
    fn nested_cue_does_not_cut_the_content() {
        let text = "Hester argues that families still want their own schools.";
        let q = rule_quotes(text, &[]);
        assert_eq!(q.first().map(|q| &text[q.span.clone()]), Some("families still want their own schools"));
    }

    #[test]
    fn name_and_title_before_the_cue() {
        let text =
            "Richard Revesz, director of the institute, said the states were exaggerating the costs of the rule.";
        let q = rule_quotes(text, &[]);
        assert_eq!(
            q.first().map(|q| &text[q.span.clone()]),
            Some("the states were exaggerating the costs of the rule")
        );
    }

    #[test]
    fn coordinated_cue_ends_the_first_content() {
        let text =
            "Merrill says Machado promised support for the new party and said she would stand up to the attacks.";
        let q = rule_quotes(text, &[]);
        let texts: Vec<&str> = q.iter().map(|q| &text[q.span.clone()]).collect();
        assert_eq!(texts, ["Machado promised support for the new party", "she would stand up to the attacks"]);
    }

    #[test]
    fn cue_carries_its_auxiliaries() {
        let text = "The minister has also said that the talks with the rebels were over.";
        let q = rule_quotes(text, &[]);
        assert_eq!(q.first().and_then(|q| q.cue.clone()).map(|c| &text[c]), Some("has also said"));
    }

    #[test]
    fn short_reported_clauses_are_not_quotes() {
        let text = "In her only response, Dana Reyes said the planned growth was fine.";
        let q = rule_quotes(text, &[]);
        assert!(q.iter().all(|q| text[q.span.clone()].split_whitespace().count() >= 6), "{q:?}");
    }

    #[test]
    fn reports_with_no_source_or_the_authors_own_are_not_quotes() {
        // PolNeAR counts these as attributions (find_attributions keeps them); a reader has
        // no one to cite.
        let text = "Alice Wells was reported to have met Taliban officials in Doha.";
        assert!(find_attributions(text, &[]).iter().any(|a| a.source.is_none()));
        assert!(rule_quotes(text, &[]).is_empty());
        let text = "I think the plan will fail. We argue that the tax is too low. You may ask why it matters.";
        assert!(rule_quotes(text, &[]).is_empty(), "{:?}", rule_quotes(text, &[]));
    }

    proptest::proptest! {
        #[test]
        fn never_panics_and_spans_are_in_bounds(text in "[a-zA-Z ,.:;!?“”‘’\"'«»„―—–()\n]{0,200}") {
            let words = text.replace('a', " said ").replace('b', " according to ").replace('c', ", adding ");
            proptest::prop_assert!(find_quotes(&words, &[]).iter().all(|q| words.get(q.span.clone()).is_some()));
            for q in find_quotes(&text, &[]) {
                proptest::prop_assert!(text.get(q.span.clone()).is_some());
                if let Some(s) = &q.speaker {
                    proptest::prop_assert!(text.get(s.span.clone()).is_some());
                }
            }
        }
    }
}
