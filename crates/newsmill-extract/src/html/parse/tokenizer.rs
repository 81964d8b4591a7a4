//! The tokenizer's state machine: html5ever's states and transitions (the HTML standard's,
//! with html5ever's few deviations kept), over the whole page at once, scanning runs of plain
//! bytes in the states where pages spend their bytes: text, tag and attribute names, attribute
//! values, comments. Comments, doctypes and CDATA are in `declarations`.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::states::{RawKind, ScriptEscapeKind};
use html5ever::tokenizer::{Doctype, Tag, TagKind, Token, TokenSink, TokenSinkResult};
use html5ever::{Attribute, LocalName, QualName, ns};
use memchr::memchr3;

use super::char_ref;

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Raw {
    Rcdata,
    Rawtext,
    Script,
    Escaped,
    DoubleEscaped,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Id {
    Public,
    System,
}

#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum State {
    Data,
    Plaintext,
    TagOpen,
    EndTagOpen,
    TagName,
    Raw(Raw),
    RawLessThan(Raw),
    RawEndTagOpen(Raw),
    RawEndTagName(Raw),
    /// The bool: double escaped.
    EscapeStart(bool),
    EscapeStartDash,
    EscapedDash(bool),
    EscapedDashDash(bool),
    DoubleEscapeEnd,
    BeforeAttributeName,
    AttributeName,
    AfterAttributeName,
    BeforeAttributeValue,
    /// The quote byte, or 0 when unquoted.
    AttributeValue(u8),
    AfterAttributeValueQuoted,
    SelfClosingStartTag,
    BogusComment,
    MarkupDeclarationOpen,
    CommentStart,
    CommentStartDash,
    Comment,
    CommentLessThan,
    CommentLessThanBang,
    CommentLessThanBangDash,
    CommentLessThanBangDashDash,
    CommentEndDash,
    CommentEnd,
    CommentEndBang,
    Doctype,
    BeforeDoctypeName,
    DoctypeName,
    AfterDoctypeName,
    AfterDoctypeKeyword(Id),
    BeforeDoctypeId(Id),
    /// The quote byte.
    DoctypeId(Id, u8),
    AfterDoctypeId(Id),
    BetweenDoctypeIds,
    BogusDoctype,
    Cdata,
    CdataBracket,
    CdataEnd,
}

/// An attribute value being read: most are one run of the input, shared without a copy.
enum Value {
    Empty,
    Run(usize, usize),
    Owned(String),
}

pub(super) struct Tokenizer<'s, S: TokenSink> {
    sink: &'s S,
    /// The whole input; `input()` is its text.
    pub(super) whole: StrTendril,
    pub(super) pos: usize,
    pub(super) state: State,
    last_start_tag: Option<LocalName>,
    tag_kind: TagKind,
    tag_name: String,
    self_closing: bool,
    attrs: Vec<Attribute>,
    had_duplicate: bool,
    /// The attribute names of a tag with many, for the duplicate check.
    attr_set: std::collections::HashSet<LocalName>,
    attr_name: String,
    attr_value: Value,
    pub(super) comment: String,
    pub(super) temp: String,
    pub(super) doctype: Doctype,
}

pub(super) fn is_space(c: char) -> bool {
    matches!(c, '\t' | '\n' | '\x0C' | ' ')
}

impl<'s, S: TokenSink> Tokenizer<'s, S> {
    pub(super) fn new(sink: &'s S, whole: StrTendril) -> Self {
        Tokenizer {
            sink,
            whole,
            pos: 0,
            state: State::Data,
            last_start_tag: None,
            tag_kind: TagKind::StartTag,
            tag_name: String::new(),
            self_closing: false,
            attrs: Vec::new(),
            had_duplicate: false,
            attr_set: std::collections::HashSet::new(),
            attr_name: String::new(),
            attr_value: Value::Empty,
            comment: String::new(),
            temp: String::new(),
            doctype: Doctype::default(),
        }
    }

    pub(super) fn input(&self) -> &str {
        &self.whole
    }

    /// Runs to the end of the input, then tells the tree builder.
    pub(super) fn run(mut self) {
        loop {
            match self.input()[self.pos..].chars().next() {
                Some(c) => self.step(c),
                None => {
                    if self.eof_step() {
                        break;
                    }
                }
            }
        }
        self.sink.end();
    }

    /// One transition from the current state on `c`, the character at `pos` (consumed by
    /// the state unless it reconsumes it elsewhere).
    fn step(&mut self, c: char) {
        match self.state {
            State::Data => self.text(State::TagOpen, '\0'),
            State::Plaintext => self.raw_run(b'\0', b'\0', b'\0'),
            State::Raw(Raw::Rcdata) => self.text(State::RawLessThan(Raw::Rcdata), '\u{fffd}'),
            State::Raw(Raw::Rawtext | Raw::Script) => self.raw_run(b'<', b'\0', b'\0'),
            State::Raw(kind @ (Raw::Escaped | Raw::DoubleEscaped)) => self.escaped(kind),
            State::TagOpen => self.tag_open(c),
            State::EndTagOpen => self.end_tag_open(c),
            State::TagName => self.tag_name(),
            State::RawLessThan(kind) => self.raw_less_than(kind, c),
            State::RawEndTagOpen(kind) => self.raw_end_tag_open(kind, c),
            State::RawEndTagName(kind) => self.raw_end_tag_name(kind, c),
            State::EscapeStart(_)
            | State::EscapeStartDash
            | State::EscapedDash(_)
            | State::EscapedDashDash(_)
            | State::DoubleEscapeEnd => self.script_escape(c),
            State::BeforeAttributeName => self.before_attribute_name(c),
            State::AttributeName => self.attribute_name(),
            State::AfterAttributeName => self.after_attribute_name(c),
            State::BeforeAttributeValue => self.before_attribute_value(c),
            State::AttributeValue(quote) => self.attribute_value(quote),
            State::AfterAttributeValueQuoted => self.after_attribute_value(c),
            State::SelfClosingStartTag => self.self_closing_start_tag(c),
            _ => self.declaration(c),
        }
    }

    // ---- emitting ----

    pub(super) fn process(&mut self, token: Token) -> TokenSinkResult<S::Handle> {
        self.sink.process_token(token, 0)
    }

    pub(super) fn emit_run(&mut self, start: usize, end: usize) {
        if end > start {
            // Offsets fit: parse_document takes only inputs shorter than 4 GiB.
            let run = self.whole.subtendril(start as u32, (end - start) as u32);
            let _ = self.process(Token::CharacterTokens(run));
        }
    }

    pub(super) fn emit_char(&mut self, c: char) {
        let token = if c == '\0' { Token::NullCharacterToken } else { Token::CharacterTokens(StrTendril::from_char(c)) };
        let _ = self.process(token);
    }

    pub(super) fn emit_str(&mut self, s: &str) {
        let _ = self.process(Token::CharacterTokens(StrTendril::from_slice(s)));
    }

    pub(super) fn emit_temp(&mut self) {
        // Taken out and put back (emptied, its allocation kept): emitting borrows the tokenizer.
        let temp = std::mem::take(&mut self.temp);
        self.emit_str(&temp);
        self.temp = temp;
        self.temp.clear();
    }

    /// Advances past `c` and switches to `state`.
    pub(super) fn to(&mut self, c: char, state: State) {
        self.pos += c.len_utf8();
        self.state = state;
    }

    /// Whether the input at `pos` starts with `pat` (ASCII case-insensitively if `fold`).
    pub(super) fn eat(&mut self, pat: &str, fold: bool) -> bool {
        let rest = &self.input().as_bytes()[self.pos..];
        let hit = rest.len() >= pat.len()
            && if fold { rest[..pat.len()].eq_ignore_ascii_case(pat.as_bytes()) } else { &rest[..pat.len()] == pat.as_bytes() };
        if hit {
            self.pos += pat.len();
        }
        hit
    }

    pub(super) fn in_foreign_content(&self) -> bool {
        self.sink.adjusted_current_node_present_but_not_in_html_namespace()
    }

    // ---- text ----

    /// Emits the text from `pos` up to the first of three bytes; that byte, if any.
    fn emit_until(&mut self, a: u8, b: u8, c: u8) -> Option<u8> {
        let start = self.pos;
        let end = memchr3(a, b, c, &self.input().as_bytes()[start..]).map_or(self.input().len(), |i| start + i);
        self.emit_run(start, end);
        self.pos = end;
        self.input().as_bytes().get(end).copied()
    }

    /// Data and RCDATA: text with character references, `<` opening `less_than`, NUL given as
    /// `nul`.
    fn text(&mut self, less_than: State, nul: char) {
        match self.emit_until(b'<', b'&', b'\0') {
            Some(b'<') => self.to('<', less_than),
            Some(b'&') => self.text_char_ref(),
            Some(_) => {
                self.pos += 1;
                self.emit_char(nul);
            }
            None => {}
        }
    }

    /// RAWTEXT, script data and PLAINTEXT: text up to `<` (or NUL), `<` opening the
    /// less-than state of the current kind.
    fn raw_run(&mut self, a: u8, b: u8, c: u8) {
        match self.emit_until(a, b, c) {
            Some(b'<') => {
                let State::Raw(kind) = self.state else { return };
                self.to('<', State::RawLessThan(kind));
            }
            Some(_) => {
                self.pos += 1;
                self.emit_char('\u{fffd}');
            }
            None => {}
        }
    }

    /// `&` at `pos` in text: the characters it stands for, or itself.
    fn text_char_ref(&mut self) {
        let d = self.consume_char_ref(false);
        for &c in d.chars() {
            self.emit_char(c);
        }
    }

    /// Consumes the `&` at `pos` and the reference after it, if it is one; what it stands for.
    fn consume_char_ref(&mut self, in_attribute: bool) -> char_ref::Decoded {
        self.pos += 1;
        let d = char_ref::decode(&self.input()[self.pos..], in_attribute).unwrap_or(char_ref::Decoded::AMPERSAND);
        self.pos += d.consumed;
        d
    }

    // ---- tags ----

    fn tag_open(&mut self, c: char) {
        match c {
            '!' => self.to(c, State::MarkupDeclarationOpen),
            '/' => self.to(c, State::EndTagOpen),
            c if c.is_ascii_alphabetic() => {
                self.create_tag(TagKind::StartTag, c);
                self.to(c, State::TagName);
            }
            '?' => {
                self.comment.clear();
                self.state = State::BogusComment;
            }
            _ => {
                self.emit_char('<');
                self.state = State::Data;
            }
        }
    }

    fn end_tag_open(&mut self, c: char) {
        match c {
            c if c.is_ascii_alphabetic() => {
                self.create_tag(TagKind::EndTag, c);
                self.to(c, State::TagName);
            }
            '>' => self.to(c, State::Data),
            _ => {
                self.comment.clear();
                self.state = State::BogusComment;
            }
        }
    }

    fn create_tag(&mut self, kind: TagKind, first: char) {
        self.tag_name.clear();
        self.tag_name.push(first.to_ascii_lowercase());
        self.tag_kind = kind;
        self.self_closing = false;
        self.had_duplicate = false;
        self.attrs.clear();
        if !self.attr_set.is_empty() {
            // Dropped, not cleared: clearing a huge set's table on every later tag costs its size.
            self.attr_set = std::collections::HashSet::new();
        }
        self.attr_name.clear();
        self.attr_value = Value::Empty;
    }

    /// Reads the run of a tag or attribute name at `pos` into its buffer, ASCII capitals
    /// lowered; the character it stopped at.
    fn read_name(&mut self, attribute: bool) -> Option<char> {
        let rest = &self.input().as_bytes()[self.pos..];
        let n = rest
            .iter()
            .position(|&b| matches!(b, b'\t' | b'\n' | b'\x0C' | b' ' | b'/' | b'>' | b'\0') || (attribute && b == b'='))
            .unwrap_or(rest.len());
        let (start, end) = (self.pos, self.pos + n);
        let name = if attribute { &mut self.attr_name } else { &mut self.tag_name };
        push_lowercase(name, &self.whole[start..end]);
        self.pos = end;
        self.input()[end..].chars().next()
    }

    fn tag_name(&mut self) {
        match self.read_name(false) {
            Some(c) if is_space(c) => self.to(c, State::BeforeAttributeName),
            Some('/') => self.to('/', State::SelfClosingStartTag),
            Some('>') => self.emit_tag(),
            Some(_) => {
                self.pos += 1;
                self.tag_name.push('\u{fffd}');
            }
            None => {}
        }
    }

    fn self_closing_start_tag(&mut self, c: char) {
        if c == '>' {
            self.self_closing = true;
            self.emit_tag();
        } else {
            self.state = State::BeforeAttributeName;
        }
    }

    /// Emits the tag at `pos` (its `>`), in the state the tree builder asks for.
    pub(super) fn emit_tag(&mut self) {
        self.pos += 1;
        self.state = State::Data;
        self.finish_attribute();
        let name = LocalName::from(self.tag_name.as_str());
        self.tag_name.clear();
        if self.tag_kind == TagKind::StartTag {
            self.last_start_tag = Some(name.clone());
        }
        let tag = Tag {
            kind: self.tag_kind,
            name,
            self_closing: self.self_closing,
            attrs: std::mem::take(&mut self.attrs),
            had_duplicate_attributes: self.had_duplicate,
        };
        match self.process(Token::TagToken(tag)) {
            TokenSinkResult::Plaintext => self.state = State::Plaintext,
            TokenSinkResult::RawData(kind) => self.state = State::Raw(raw_of(kind)),
            _ => {}
        }
    }

    fn appropriate_end_tag(&self) -> bool {
        self.tag_kind == TagKind::EndTag && self.last_start_tag.as_ref().is_some_and(|last| **last == *self.tag_name)
    }

    // ---- raw text end tags ----

    fn raw_less_than(&mut self, kind: Raw, c: char) {
        match (kind, c) {
            (Raw::DoubleEscaped, '/') => {
                self.temp.clear();
                self.emit_char('/');
                self.to(c, State::DoubleEscapeEnd);
            }
            (Raw::DoubleEscaped, _) => self.state = State::Raw(kind),
            (_, '/') => {
                self.temp.clear();
                self.to(c, State::RawEndTagOpen(kind));
            }
            (Raw::Escaped, c) if c.is_ascii_alphabetic() => {
                self.temp.clear();
                self.temp.push(c.to_ascii_lowercase());
                self.emit_char('<');
                self.emit_char(c);
                self.to(c, State::EscapeStart(true));
            }
            (Raw::Script, '!') => {
                self.emit_char('<');
                self.emit_char('!');
                self.to(c, State::EscapeStart(false));
            }
            _ => {
                self.emit_char('<');
                self.state = State::Raw(kind);
            }
        }
    }

    fn raw_end_tag_open(&mut self, kind: Raw, c: char) {
        if c.is_ascii_alphabetic() {
            self.create_tag(TagKind::EndTag, c);
            self.temp.push(c);
            self.to(c, State::RawEndTagName(kind));
        } else {
            self.emit_str("</");
            self.state = State::Raw(kind);
        }
    }

    fn raw_end_tag_name(&mut self, kind: Raw, c: char) {
        if self.appropriate_end_tag() {
            match c {
                c if is_space(c) => {
                    self.temp.clear();
                    return self.to(c, State::BeforeAttributeName);
                }
                '/' => {
                    self.temp.clear();
                    return self.to(c, State::SelfClosingStartTag);
                }
                '>' => {
                    self.temp.clear();
                    return self.emit_tag();
                }
                _ => {}
            }
        }
        if c.is_ascii_alphabetic() {
            self.tag_name.push(c.to_ascii_lowercase());
            self.temp.push(c);
            self.pos += 1;
        } else {
            self.tag_name.clear();
            self.emit_str("</");
            self.emit_temp();
            self.state = State::Raw(kind);
        }
    }

    // ---- attributes ----

    fn before_attribute_name(&mut self, c: char) {
        match c {
            c if is_space(c) => self.pos += 1,
            '/' => self.to(c, State::SelfClosingStartTag),
            '>' => self.emit_tag(),
            c => self.start_attribute(c),
        }
    }

    fn after_attribute_name(&mut self, c: char) {
        match c {
            c if is_space(c) => self.pos += 1,
            '/' => self.to(c, State::SelfClosingStartTag),
            '=' => self.to(c, State::BeforeAttributeValue),
            '>' => self.emit_tag(),
            c => self.start_attribute(c),
        }
    }

    /// A new attribute whose name starts with `c`.
    fn start_attribute(&mut self, c: char) {
        self.finish_attribute();
        self.attr_name.push(if c == '\0' { '\u{fffd}' } else { c.to_ascii_lowercase() });
        self.to(c, State::AttributeName);
    }

    fn attribute_name(&mut self) {
        match self.read_name(true) {
            Some(c) if is_space(c) => self.to(c, State::AfterAttributeName),
            Some('/') => self.to('/', State::SelfClosingStartTag),
            Some('>') => self.emit_tag(),
            Some('=') => self.to('=', State::BeforeAttributeValue),
            Some(_) => {
                self.pos += 1;
                self.attr_name.push('\u{fffd}');
            }
            None => {}
        }
    }

    fn before_attribute_value(&mut self, c: char) {
        match c {
            c if is_space(c) || c == '\r' => self.pos += 1,
            '"' => self.to(c, State::AttributeValue(b'"')),
            '\'' => self.to(c, State::AttributeValue(b'\'')),
            '>' => self.emit_tag(),
            _ => self.state = State::AttributeValue(0),
        }
    }

    fn attribute_value(&mut self, quote: u8) {
        let bytes = &self.input().as_bytes()[self.pos..];
        let n = if quote == 0 {
            bytes.iter().position(|&b| matches!(b, b'\t' | b'\n' | b'\x0C' | b' ' | b'&' | b'>' | b'\0'))
        } else {
            memchr3(quote, b'&', b'\0', bytes)
        }
        .unwrap_or(bytes.len());
        let (start, end) = (self.pos, self.pos + n);
        self.append_value(start, end);
        self.pos = end;
        let Some(&b) = self.input().as_bytes().get(end) else { return };
        match b {
            b'&' => {
                let d = self.consume_char_ref(true);
                for &c in d.chars() {
                    self.push_value(c);
                }
            }
            b'\0' => {
                self.pos += 1;
                self.push_value('\u{fffd}');
            }
            b'>' if quote == 0 => self.emit_tag(),
            b if quote == 0 => self.to(b as char, State::BeforeAttributeName),
            _ => self.to(quote as char, State::AfterAttributeValueQuoted),
        }
    }

    fn after_attribute_value(&mut self, c: char) {
        match c {
            c if is_space(c) => self.to(c, State::BeforeAttributeName),
            '/' => self.to(c, State::SelfClosingStartTag),
            '>' => self.emit_tag(),
            _ => self.state = State::BeforeAttributeName,
        }
    }

    fn append_value(&mut self, start: usize, end: usize) {
        if start == end {
            return;
        }
        self.attr_value = match std::mem::replace(&mut self.attr_value, Value::Empty) {
            Value::Empty => Value::Run(start, end),
            Value::Run(a, b) if b == start => Value::Run(a, end),
            Value::Run(a, b) => Value::Owned(format!("{}{}", &self.input()[a..b], &self.input()[start..end])),
            Value::Owned(mut s) => {
                s.push_str(&self.input()[start..end]);
                Value::Owned(s)
            }
        };
    }

    fn push_value(&mut self, c: char) {
        self.attr_value = match std::mem::replace(&mut self.attr_value, Value::Empty) {
            Value::Empty => Value::Owned(c.to_string()),
            Value::Run(a, b) => Value::Owned(format!("{}{c}", &self.input()[a..b])),
            Value::Owned(mut s) => {
                s.push(c);
                Value::Owned(s)
            }
        };
    }

    /// Adds the attribute read so far to the tag; a repeated name is dropped (the first wins).
    fn finish_attribute(&mut self) {
        if self.attr_name.is_empty() {
            return;
        }
        let name = LocalName::from(self.attr_name.as_str());
        self.attr_name.clear();
        let value = match std::mem::replace(&mut self.attr_value, Value::Empty) {
            Value::Empty => StrTendril::new(),
            Value::Run(a, b) => self.whole.subtendril(a as u32, (b - a) as u32),
            Value::Owned(s) => StrTendril::from_slice(&s),
        };
        if self.is_duplicate(&name) {
            self.had_duplicate = true;
        } else {
            self.attrs.push(Attribute { name: QualName::new(None, ns!(), name), value });
        }
    }

    /// Whether the tag already has an attribute `name`. html5ever scans the list each time,
    /// quadratic in a hostile tag's attribute count (60,000 took 1.7 s); past a few, a set.
    fn is_duplicate(&mut self, name: &LocalName) -> bool {
        const SCAN: usize = 16;
        if self.attrs.len() < SCAN {
            return self.attrs.iter().any(|a| a.name.local == *name);
        }
        if self.attr_set.is_empty() {
            self.attr_set.extend(self.attrs.iter().map(|a| a.name.local.clone()));
        }
        !self.attr_set.insert(name.clone())
    }

    // ---- script data escapes (`<!--` inside a script) ----

    fn escaped(&mut self, kind: Raw) {
        let double = kind == Raw::DoubleEscaped;
        match self.emit_until(b'-', b'<', b'\0') {
            Some(b'-') => {
                self.emit_char('-');
                self.to('-', State::EscapedDash(double));
            }
            Some(b'<') => {
                if double {
                    self.emit_char('<');
                }
                self.to('<', State::RawLessThan(kind));
            }
            Some(_) => {
                self.pos += 1;
                self.emit_char('\u{fffd}');
            }
            None => {}
        }
    }

    fn script_escape(&mut self, c: char) {
        let escaped = |double: bool| State::Raw(if double { Raw::DoubleEscaped } else { Raw::Escaped });
        match (self.state, c) {
            (State::EscapeStart(true), c) | (State::DoubleEscapeEnd, c) if is_space(c) || c == '/' || c == '>' => {
                let script = self.temp == "script";
                let double = if self.state == State::DoubleEscapeEnd { !script } else { script };
                self.emit_char(c);
                self.to(c, escaped(double));
            }
            (State::EscapeStart(true) | State::DoubleEscapeEnd, c) if c.is_ascii_alphabetic() => {
                self.temp.push(c.to_ascii_lowercase());
                self.emit_char(c);
                self.pos += 1;
            }
            (State::EscapeStart(true), _) => self.state = escaped(false),
            (State::DoubleEscapeEnd, _) => self.state = escaped(true),
            (State::EscapeStart(false), '-') => {
                self.emit_char('-');
                self.to(c, State::EscapeStartDash);
            }
            (State::EscapeStartDash, '-') => {
                self.emit_char('-');
                self.to(c, State::EscapedDashDash(false));
            }
            (State::EscapeStart(false) | State::EscapeStartDash, _) => self.state = State::Raw(Raw::Script),
            (State::EscapedDash(double) | State::EscapedDashDash(double), c) => self.escaped_dash(double, c),
            _ => {}
        }
    }

    fn escaped_dash(&mut self, double: bool, c: char) {
        let kind = if double { Raw::DoubleEscaped } else { Raw::Escaped };
        let dash_dash = matches!(self.state, State::EscapedDashDash(_));
        match c {
            '-' => {
                self.emit_char('-');
                self.to(c, State::EscapedDashDash(double));
            }
            '<' => {
                if double {
                    self.emit_char('<');
                }
                self.to(c, State::RawLessThan(kind));
            }
            '>' if dash_dash => {
                self.emit_char('>');
                self.to(c, State::Raw(Raw::Script));
            }
            c => {
                self.emit_char(if c == '\0' { '\u{fffd}' } else { c });
                self.to(c, State::Raw(kind));
            }
        }
    }

    // ---- end of input ----

    /// One transition at the end of the input; true once the end has been emitted.
    fn eof_step(&mut self) -> bool {
        self.state = match self.state {
            State::Data | State::Plaintext | State::Raw(Raw::Rcdata | Raw::Rawtext | Raw::Script) => {
                let _ = self.process(Token::EOFToken);
                return true;
            }
            State::TagOpen => {
                self.emit_char('<');
                State::Data
            }
            State::EndTagOpen => {
                self.emit_str("</");
                State::Data
            }
            State::BeforeAttributeValue => State::AttributeValue(0),
            State::RawLessThan(Raw::DoubleEscaped) => State::Raw(Raw::DoubleEscaped),
            State::RawLessThan(kind) => {
                self.emit_char('<');
                State::Raw(kind)
            }
            State::RawEndTagOpen(kind) => {
                self.emit_str("</");
                State::Raw(kind)
            }
            State::RawEndTagName(kind) => {
                self.emit_str("</");
                self.emit_temp();
                State::Raw(kind)
            }
            State::EscapeStart(double) => State::Raw(if double { Raw::DoubleEscaped } else { Raw::Escaped }),
            State::EscapeStartDash => State::Raw(Raw::Script),
            State::DoubleEscapeEnd => State::Raw(Raw::DoubleEscaped),
            State::TagName
            | State::Raw(Raw::Escaped | Raw::DoubleEscaped)
            | State::BeforeAttributeName
            | State::AttributeName
            | State::AfterAttributeName
            | State::AttributeValue(_)
            | State::AfterAttributeValueQuoted
            | State::SelfClosingStartTag
            | State::EscapedDash(_)
            | State::EscapedDashDash(_) => State::Data,
            _ => self.declaration_eof(),
        };
        false
    }
}

fn raw_of(kind: RawKind) -> Raw {
    match kind {
        RawKind::Rcdata => Raw::Rcdata,
        RawKind::Rawtext => Raw::Rawtext,
        RawKind::ScriptData => Raw::Script,
        RawKind::ScriptDataEscaped(ScriptEscapeKind::Escaped) => Raw::Escaped,
        RawKind::ScriptDataEscaped(ScriptEscapeKind::DoubleEscaped) => Raw::DoubleEscaped,
    }
}

/// Appends `s` with ASCII capitals lowered (names are case-insensitive in ASCII only).
fn push_lowercase(out: &mut String, s: &str) {
    if s.bytes().any(|b| b.is_ascii_uppercase()) {
        out.extend(s.chars().map(|c| c.to_ascii_lowercase()));
    } else {
        out.push_str(s);
    }
}
