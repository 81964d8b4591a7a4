//! Tokenizer for news English. Tokens are byte ranges into the text (no copies), split the
//! way CoNLL-2003 was tokenized, so the NER model sees at run time what it saw in training:
//! possessive `'s` and `n't` apart, punctuation apart, but abbreviations (`Mr.`, `U.S.`),
//! initials (`J.`), numbers (`15,000`, `3.5`), hyphenated words (`17-year-long`), URLs,
//! e-mail addresses and handles whole.

/// One token: a byte range into the text it came from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Token {
    pub start: u32,
    pub end: u32,
}

impl Token {
    pub fn text<'a>(&self, text: &'a str) -> &'a str {
        text.get(self.start as usize..self.end as usize).unwrap_or("")
    }
}

fn is_also_a_word(word: &str) -> bool {
    crate::lang::en::ALSO_WORDS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_abbreviation(word: &str) -> bool {
    word.len() <= 6 && crate::lang::en::ABBREVIATIONS.iter().any(|a| a.eq_ignore_ascii_case(word))
}

fn is_apostrophe(c: char) -> bool {
    c == '\'' || c == '’'
}

/// Characters that may continue a word after its first character (a soft hyphen or a
/// zero-width space inside a word leaves it one word, as the reader sees it).
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric() || c == '_' || newsmill_model::text::INVISIBLE.contains(&c)
}

/// Splits `text` into tokens, appending them to `out`.
pub fn tokenize_into(text: &str, out: &mut Vec<Token>) {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let c = char_at(text, i);
        if c.is_whitespace() {
            i += c.len_utf8();
            continue;
        }
        let end = scan_token(text, i);
        split_clitics(text, i, end, out);
        i = end;
    }
}

/// The tokens of `tokens` (a text's, in order) that lie inside `range` of that text.
pub fn within(tokens: &[Token], range: std::ops::Range<usize>) -> &[Token] {
    let start = tokens.partition_point(|t| (t.start as usize) < range.start);
    let len = tokens[start..].partition_point(|t| (t.end as usize) <= range.end);
    &tokens[start..start + len]
}

/// Tokenizes a whole text.
pub fn tokenize(text: &str) -> Vec<Token> {
    let mut out = Vec::with_capacity(text.len() / 5);
    tokenize_into(text, &mut out);
    out
}

fn char_at(text: &str, i: usize) -> char {
    text[i..].chars().next().unwrap_or(' ')
}

/// The end of the token starting at `start`.
fn scan_token(text: &str, start: usize) -> usize {
    let rest = &text[start..];
    let c = char_at(text, start);
    if let Some(len) = url_len(rest) {
        return start + len;
    }
    if (c == '@' || c == '#') && rest[1..].chars().next().is_some_and(|d| d.is_alphanumeric() || d == '_') {
        return start + 1 + word_run(&rest[1..], false);
    }
    if is_word_char(c) {
        let len = word_run(rest, true);
        return start + len;
    }
    // Runs of the same punctuation (`...`, `--`, `!!`) stay one token.
    if matches!(c, '.' | '-' | '!' | '?' | '*' | '=') {
        let run = rest.chars().take_while(|&d| d == c).count();
        return start + run * c.len_utf8();
    }
    start + c.len_utf8()
}

/// `http://…`, `https://…` and `www.…` up to whitespace, without trailing punctuation.
fn url_len(rest: &str) -> Option<usize> {
    let lower_starts = |p: &str| rest.len() >= p.len() && rest.as_bytes()[..p.len()].eq_ignore_ascii_case(p.as_bytes());
    if !(lower_starts("http://") || lower_starts("https://") || lower_starts("www.")) {
        return None;
    }
    let mut end = rest.find(char::is_whitespace).unwrap_or(rest.len());
    while let Some(last) = rest[..end].chars().last() {
        if matches!(last, '.' | ',' | ';' | ':' | '!' | '?' | ')' | '"' | '\'' | '’' | '”' | '»') {
            end -= last.len_utf8();
        } else {
            break;
        }
    }
    (end > 4).then_some(end)
}

/// The length of a word: alphanumerics joined by inner hyphens, apostrophes, `&` (`AT&T`),
/// periods of abbreviations and e-mail `@`, and digits joined by `,` `.` `:` `/`.
fn word_run(rest: &str, allow_inner: bool) -> usize {
    // The ASCII letters and digits a word opens with (most words are only that), a byte at a
    // time; the rest, from the first other character, as below.
    let ascii = rest.bytes().take_while(|b| b.is_ascii_alphanumeric() || *b == b'_').count();
    let mut end = ascii;
    let mut prev: Option<char> = ascii.checked_sub(1).map(|i| char::from(rest.as_bytes()[i]));
    let mut iter = rest[ascii..].char_indices().map(|(pos, c)| (pos + ascii, c)).peekable();
    while let Some((pos, c)) = iter.next() {
        if is_word_char(c) {
            end = pos + c.len_utf8();
            prev = Some(c);
            continue;
        }
        let next = iter.peek().map(|&(_, d)| d);
        let joins = allow_inner
            && prev.is_some_and(is_word_char)
            && next.is_some_and(is_word_char)
            && match c {
                '-' | '‐' | '&' | '@' | '.' => true,
                // 15,000 and 22:21 and 9/11.
                ',' | ':' | '/' => prev.is_some_and(|p| p.is_ascii_digit()) && next.is_some_and(|n| n.is_ascii_digit()),
                // O'Neil and rock'n'roll; a final possessive is split off by split_clitics.
                '\'' | '’' => true,
                _ => false,
            };
        if !joins {
            break;
        }
        prev = Some(c);
    }
    let word = &rest[..end];
    // Keep the final period of abbreviations, initials and dotted acronyms (`U.S.`), but not
    // of an ordinary word ending its sentence (`he said no. Then`, `she fell ill.`). A line
    // break ends the sentence too, so a line is tokenized alike alone or in its text (the
    // analysis tokenizes a text once for all its parts).
    if allow_inner && rest[end..].starts_with('.') && keeps_period(word) {
        let after = &rest[end + 1..];
        let next = after.trim_start_matches(|c: char| c.is_whitespace() && c != '\n').chars().next();
        let ends_sentence = next.is_none_or(|c| c == '\n' || c.is_uppercase() || "“‘\"'(".contains(c));
        if !(ends_sentence && is_also_a_word(word)) {
            end += 1;
        }
    }
    end
}

fn keeps_period(word: &str) -> bool {
    let mut chars = word.chars();
    let single_letter = matches!((chars.next(), chars.next()), (Some(c), None) if c.is_alphabetic());
    single_letter || word.contains('.') && !word.contains('@') && word.len() <= 12 || is_abbreviation(word)
}

/// Pushes the token `start..end`, splitting off a final possessive `'s`, `n't`, `'ll` etc.
fn split_clitics(text: &str, start: usize, end: usize, out: &mut Vec<Token>) {
    let word = &text[start..end];
    let split = clitic_start(word).filter(|&at| at > 0);
    match split {
        Some(at) => {
            out.push(Token { start: start as u32, end: (start + at) as u32 });
            out.push(Token { start: (start + at) as u32, end: end as u32 });
        }
        None => out.push(Token { start: start as u32, end: end as u32 }),
    }
}

/// Where a trailing clitic starts in `word`, if it has one.
fn clitic_start(word: &str) -> Option<usize> {
    let last = word.chars().last()?;
    // A trailing apostrophe after a plural possessive: `ministers'`.
    if is_apostrophe(last) {
        return (word.chars().count() > 2).then(|| word.len() - last.len_utf8());
    }
    for clitic in ["s", "ll", "re", "ve", "d", "m", "t"] {
        let Some(head) = strip_suffix_ignore_case(word, clitic) else { continue };
        let Some(apos) = head.chars().last().filter(|&c| is_apostrophe(c)) else { continue };
        let at = head.len() - apos.len_utf8();
        if clitic == "t" {
            // `n't`: the `n` goes with the clitic (`do` + `n't`).
            let before = &head[..at];
            return before.ends_with(['n', 'N']).then(|| at - 1).filter(|&a| a > 0);
        }
        return Some(at);
    }
    None
}

fn strip_suffix_ignore_case<'a>(word: &'a str, suffix: &str) -> Option<&'a str> {
    let cut = word.len().checked_sub(suffix.len())?;
    (word.is_char_boundary(cut) && word[cut..].eq_ignore_ascii_case(suffix)).then(|| &word[..cut])
}

#[cfg(test)]
mod tests {
    use super::*;

    fn toks(text: &str) -> Vec<&str> {
        tokenize(text).iter().map(|t| t.text(text)).collect()
    }

    #[test]
    fn possessives_and_curly_quotes() {
        assert_eq!(toks("the State Department’s Bureau"), ["the", "State", "Department", "’s", "Bureau"]);
        assert_eq!(toks("“We will not,” he said."), ["“", "We", "will", "not", ",", "”", "he", "said", "."]);
        assert_eq!(toks("‘Our goal’: Taliban"), ["‘", "Our", "goal", "’", ":", "Taliban"]);
        assert_eq!(toks("don't O'Neil's"), ["do", "n't", "O'Neil", "'s"]);
        assert_eq!(toks("the ministers' talks"), ["the", "ministers", "'", "talks"]);
    }

    #[test]
    fn numbers_hyphens_and_dashes() {
        assert_eq!(
            toks("almost 15,000 troops, 3.5 percent."),
            ["almost", "15,000", "troops", ",", "3.5", "percent", "."]
        );
        assert_eq!(toks("the 17-year-long intra-Afghan war"), ["the", "17-year-long", "intra-Afghan", "war"]);
        assert_eq!(toks("negotiate – but only"), ["negotiate", "–", "but", "only"]);
        assert_eq!(toks("yes -- no"), ["yes", "--", "no"]);
        assert_eq!(toks("at 22:21 on 9/11"), ["at", "22:21", "on", "9/11"]);
    }

    #[test]
    fn abbreviations_and_initials() {
        assert_eq!(toks("Mr. Smith of the U.S. Army"), ["Mr.", "Smith", "of", "the", "U.S.", "Army"]);
        assert_eq!(toks("J. R. R. Tolkien on Nov. 9."), ["J.", "R.", "R.", "Tolkien", "on", "Nov.", "9", "."]);
        assert_eq!(toks("the end. Then"), ["the", "end", ".", "Then"]);
        assert_eq!(toks("Wait..."), ["Wait", "..."]);
    }

    #[test]
    fn an_abbreviation_that_is_also_a_word_ends_a_sentence_before_a_capital() {
        assert_eq!(toks("He said no. Then it rained."), ["He", "said", "no", ".", "Then", "it", "rained", "."]);
        assert_eq!(toks("She fell ill."), ["She", "fell", "ill", "."]);
        assert_eq!(toks("Room No. 5 in Boston, Mass. The"), ["Room", "No.", "5", "in", "Boston", ",", "Mass", ".", "The"]);
        assert_eq!(toks("in Mass. on Monday"), ["in", "Mass.", "on", "Monday"]);
        assert_eq!(toks("Mr. Smith and Co. said"), ["Mr.", "Smith", "and", "Co.", "said"]);
    }

    #[test]
    fn a_soft_hyphen_or_zero_width_space_inside_a_word_leaves_it_one_word() {
        assert_eq!(toks("Netan\u{ad}yahu met Face\u{200b}book."), ["Netan\u{ad}yahu", "met", "Face\u{200b}book", "."]);
    }

    #[test]
    fn urls_emails_handles() {
        assert_eq!(toks("see https://rt.com/news/1.html. Or"), ["see", "https://rt.com/news/1.html", ".", "Or"]);
        assert_eq!(toks("mail jo.doe@example.com now"), ["mail", "jo.doe@example.com", "now"]);
        assert_eq!(toks("by @RT_com #Afghanistan!"), ["by", "@RT_com", "#Afghanistan", "!"]);
    }

    #[test]
    fn offsets_point_into_the_text() {
        let text = "  Straße’s “x”";
        for t in tokenize(text) {
            assert!(text.is_char_boundary(t.start as usize) && text.is_char_boundary(t.end as usize));
        }
        assert_eq!(toks(text), ["Straße", "’s", "“", "x", "”"]);
    }

    #[test]
    fn a_line_break_ends_a_sentence_for_a_final_period() {
        // `fig.` keeps its period before a lower-case word, not at the end of its line.
        assert_eq!(toks("see fig. below"), ["see", "fig.", "below"]);
        assert_eq!(toks("see fig.\nbelow"), ["see", "fig", ".", "below"]);
        assert_eq!(toks("see fig. \r\n below"), ["see", "fig", ".", "below"]);
    }

    /// Each line's tokens, tokenized alone and shifted to where the line starts.
    fn line_by_line(text: &str) -> Vec<Token> {
        let mut out = Vec::new();
        let mut at = 0;
        for line in text.split_inclusive('\n') {
            out.extend(tokenize(line).iter().map(|t| Token { start: t.start + at, end: t.end + at }));
            at += line.len() as u32;
        }
        out
    }

    #[test]
    fn tokens_within_a_range_are_those_it_holds() {
        let text = "He said no.\nThe U.S. fig.\n";
        let all = tokenize(text);
        let second: Vec<&str> = within(&all, 12..25).iter().map(|t| t.text(text)).collect();
        assert_eq!(second, ["The", "U.S.", "fig", "."]);
        assert!(within(&all, 3..3).is_empty());
    }

    proptest::proptest! {
        /// The analysis tokenizes a text once and hands each paragraph (a line) its part.
        #[test]
        fn a_text_is_tokenized_as_its_lines(text in "([a-zA-Z.,' ]{0,12}(fig|no|U\\.S|ill)\\.?[ \r]{0,2}\n?){0,6}") {
            proptest::prop_assert_eq!(tokenize(&text), line_by_line(&text));
        }

        #[test]
        fn tokens_are_ordered_non_empty_char_ranges(text in "[a-zA-Z0-9 .,'’“”@#:/&\\-–\n]{0,80}|\\PC{0,40}") {
            let mut last = 0;
            for t in tokenize(&text) {
                let (s, e) = (t.start as usize, t.end as usize);
                proptest::prop_assert!(last <= s && s < e && e <= text.len());
                proptest::prop_assert!(text.is_char_boundary(s) && text.is_char_boundary(e));
                proptest::prop_assert!(!text[s..e].trim().is_empty());
                last = e;
            }
        }
    }
}
