//! The tokenizer's states for what is not text or a tag: comments (with html5ever's exact
//! handling of `--!>`, `<!-->` and friends), doctypes (whose identifiers decide quirks mode,
//! which changes the tree) and CDATA sections in SVG and MathML.

use html5ever::tendril::StrTendril;
use html5ever::tokenizer::{Doctype, Token, TokenSink};

use memchr::memchr2;

use super::tokenizer::{Id, State, Tokenizer, is_space};

impl<S: TokenSink> Tokenizer<'_, S> {
    /// One transition in a comment, doctype or CDATA state on `c`, the character at `pos`.
    pub(super) fn declaration(&mut self, c: char) {
        match self.state {
            State::BogusComment => self.bogus_comment(),
            State::MarkupDeclarationOpen => self.markup_declaration_open(),
            State::Comment => self.comment_run(),
            State::CommentStart
            | State::CommentStartDash
            | State::CommentLessThan
            | State::CommentLessThanBang
            | State::CommentLessThanBangDash
            | State::CommentLessThanBangDashDash
            | State::CommentEndDash
            | State::CommentEnd
            | State::CommentEndBang => self.comment_edge(c),
            State::Cdata | State::CdataBracket | State::CdataEnd => self.cdata(c),
            _ => self.doctype(c),
        }
    }

    fn emit_comment(&mut self) {
        let comment = StrTendril::from_slice(&self.comment);
        self.comment.clear();
        let _ = self.process(Token::CommentToken(comment));
    }

    fn emit_doctype(&mut self) {
        let doctype = std::mem::take(&mut self.doctype);
        let _ = self.process(Token::DoctypeToken(doctype));
    }

    fn bogus_comment(&mut self) {
        let start = self.pos;
        let end = memchr2(b'>', b'\0', &self.input().as_bytes()[start..]).map_or(self.input().len(), |i| start + i);
        self.comment.push_str(&self.whole[start..end]);
        self.pos = end;
        match self.input().as_bytes().get(end) {
            Some(b'>') => {
                self.emit_comment();
                self.to('>', State::Data);
            }
            Some(_) => {
                self.pos += 1;
                self.comment.push('\u{fffd}');
            }
            None => {}
        }
    }

    fn markup_declaration_open(&mut self) {
        if self.eat("--", false) {
            self.comment.clear();
            self.state = State::CommentStart;
        } else if self.eat("doctype", true) {
            self.state = State::Doctype;
        } else if self.in_foreign_content() && self.eat("[CDATA[", false) {
            self.temp.clear();
            self.state = State::Cdata;
        } else {
            self.comment.clear();
            self.state = State::BogusComment;
        }
    }

    fn comment_run(&mut self) {
        let start = self.pos;
        let bytes = &self.input().as_bytes()[start..];
        let end = memchr::memchr3(b'<', b'-', b'\0', bytes).map_or(self.input().len(), |i| start + i);
        self.comment.push_str(&self.whole[start..end]);
        self.pos = end;
        match self.input().as_bytes().get(end) {
            Some(b'<') => {
                self.comment.push('<');
                self.to('<', State::CommentLessThan);
            }
            Some(b'-') => self.to('-', State::CommentEndDash),
            Some(_) => {
                self.pos += 1;
                self.comment.push('\u{fffd}');
            }
            None => {}
        }
    }

    /// The comment states around its start and end markers.
    fn comment_edge(&mut self, c: char) {
        let nul = c == '\0';
        let ch = if nul { '\u{fffd}' } else { c };
        match (self.state, c) {
            (State::CommentStart, '-') => self.to(c, State::CommentStartDash),
            (State::CommentStart | State::CommentStartDash | State::CommentEnd | State::CommentEndBang, '>') => {
                self.emit_comment();
                self.to(c, State::Data);
            }
            (State::CommentStart, _) => {
                self.comment.push(ch);
                self.to(c, State::Comment);
            }
            (State::CommentStartDash | State::CommentEndDash, '-') => self.to(c, State::CommentEnd),
            (State::CommentStartDash | State::CommentEndDash, _) => {
                self.comment.push('-');
                self.comment.push(ch);
                self.to(c, State::Comment);
            }
            (State::CommentLessThan, '!') => {
                self.comment.push('!');
                self.to(c, State::CommentLessThanBang);
            }
            (State::CommentLessThan, '<') => {
                self.comment.push('<');
                self.pos += 1;
            }
            (State::CommentLessThan, _) => self.state = State::Comment,
            (State::CommentLessThanBang, '-') => self.to(c, State::CommentLessThanBangDash),
            (State::CommentLessThanBang, _) => self.state = State::Comment,
            (State::CommentLessThanBangDash, '-') => self.to(c, State::CommentLessThanBangDashDash),
            (State::CommentLessThanBangDash, _) => self.state = State::CommentEndDash,
            (State::CommentLessThanBangDashDash, _) => self.state = State::CommentEnd,
            (State::CommentEnd, '!') => self.to(c, State::CommentEndBang),
            (State::CommentEnd, '-') => {
                self.comment.push('-');
                self.pos += 1;
            }
            (State::CommentEnd, _) => {
                self.comment.push_str("--");
                self.state = State::Comment;
            }
            (State::CommentEndBang, '-') => {
                self.comment.push_str("--!");
                self.to(c, State::CommentEndDash);
            }
            (State::CommentEndBang, _) => {
                self.comment.push_str("--!");
                self.comment.push(ch);
                self.to(c, State::Comment);
            }
            _ => {}
        }
    }

    fn cdata(&mut self, c: char) {
        match (self.state, c) {
            (State::Cdata, _) => {
                let start = self.pos;
                let end = memchr2(b']', b'\0', &self.input().as_bytes()[start..]).map_or(self.input().len(), |i| start + i);
                self.temp.push_str(&self.whole[start..end]);
                self.pos = end;
                match self.input().as_bytes().get(end) {
                    Some(b']') => self.to(']', State::CdataBracket),
                    Some(_) => {
                        self.pos += 1;
                        self.emit_temp();
                        self.emit_char('\0');
                    }
                    None => {}
                }
            }
            (State::CdataBracket, ']') => self.to(c, State::CdataEnd),
            (State::CdataBracket, _) => {
                self.temp.push(']');
                self.state = State::Cdata;
            }
            (State::CdataEnd, ']') => {
                self.temp.push(']');
                self.pos += 1;
            }
            (State::CdataEnd, '>') => {
                self.emit_temp();
                self.to(c, State::Data);
            }
            (_, _) => {
                self.temp.push_str("]]");
                self.state = State::Cdata;
            }
        }
    }

    fn doctype(&mut self, c: char) {
        let space = is_space(c);
        match (self.state, c) {
            (State::Doctype, _) => {
                if space {
                    self.pos += 1;
                }
                self.state = State::BeforeDoctypeName;
            }
            (State::BeforeDoctypeName, _) if space => self.pos += 1,
            (State::BeforeDoctypeName, '>') => {
                self.doctype = Doctype { force_quirks: true, ..Doctype::default() };
                self.emit_doctype();
                self.to(c, State::Data);
            }
            (State::BeforeDoctypeName, _) => {
                self.doctype = Doctype::default();
                push_opt(&mut self.doctype.name, lower_or_replace(c));
                self.to(c, State::DoctypeName);
            }
            (State::DoctypeName, _) if space => {
                self.temp.clear();
                self.to(c, State::AfterDoctypeName);
            }
            (State::DoctypeName, '>') => self.doctype_end(c),
            (State::DoctypeName, _) => {
                push_opt(&mut self.doctype.name, lower_or_replace(c));
                self.pos += c.len_utf8();
            }
            (State::AfterDoctypeName, _) => self.after_doctype_name(c),
            _ => self.doctype_ids(c),
        }
    }

    fn after_doctype_name(&mut self, c: char) {
        if self.eat("public", true) {
            self.state = State::AfterDoctypeKeyword(Id::Public);
        } else if self.eat("system", true) {
            self.state = State::AfterDoctypeKeyword(Id::System);
        } else if is_space(c) {
            self.pos += 1;
        } else if c == '>' {
            self.doctype_end(c);
        } else {
            self.doctype.force_quirks = true;
            self.state = State::BogusDoctype;
        }
    }

    /// The doctype states from its PUBLIC or SYSTEM keyword on.
    fn doctype_ids(&mut self, c: char) {
        let space = is_space(c);
        match (self.state, c) {
            (State::DoctypeId(id, quote), _) => match c {
                _ if c as u32 == quote as u32 => self.to(c, State::AfterDoctypeId(id)),
                '>' => self.doctype_quirks_end(c),
                _ => {
                    push_opt(self.doctype_id(id), if c == '\0' { '\u{fffd}' } else { c });
                    self.pos += c.len_utf8();
                }
            },
            (State::AfterDoctypeKeyword(id), _) if space => self.to(c, State::BeforeDoctypeId(id)),
            (State::BeforeDoctypeId(_) | State::BetweenDoctypeIds | State::AfterDoctypeId(Id::System), _) if space => {
                self.pos += 1
            }
            (State::AfterDoctypeId(Id::Public), _) if space => self.to(c, State::BetweenDoctypeIds),
            (State::AfterDoctypeKeyword(id) | State::BeforeDoctypeId(id), '"' | '\'') => self.open_id(id, c),
            (State::AfterDoctypeId(Id::Public) | State::BetweenDoctypeIds, '"' | '\'') => self.open_id(Id::System, c),
            (State::AfterDoctypeKeyword(_) | State::BeforeDoctypeId(_), '>') => self.doctype_quirks_end(c),
            (State::AfterDoctypeId(_) | State::BetweenDoctypeIds | State::BogusDoctype, '>') => self.doctype_end(c),
            (State::AfterDoctypeId(Id::System), _) => self.state = State::BogusDoctype,
            (State::BogusDoctype, _) => self.pos += c.len_utf8(),
            _ => {
                self.doctype.force_quirks = true;
                self.state = State::BogusDoctype;
            }
        }
    }

    fn doctype_id(&mut self, id: Id) -> &mut Option<StrTendril> {
        match id {
            Id::Public => &mut self.doctype.public_id,
            Id::System => &mut self.doctype.system_id,
        }
    }

    fn open_id(&mut self, id: Id, quote: char) {
        *self.doctype_id(id) = Some(StrTendril::new());
        self.to(quote, State::DoctypeId(id, quote as u8));
    }

    fn doctype_end(&mut self, c: char) {
        self.emit_doctype();
        self.to(c, State::Data);
    }

    fn doctype_quirks_end(&mut self, c: char) {
        self.doctype.force_quirks = true;
        self.doctype_end(c);
    }

    /// The end-of-input transition of a comment, doctype or CDATA state.
    pub(super) fn declaration_eof(&mut self) -> State {
        match self.state {
            State::CommentLessThan | State::CommentLessThanBang => State::Comment,
            State::CommentLessThanBangDash => State::CommentEndDash,
            State::CommentLessThanBangDashDash => State::CommentEnd,
            State::MarkupDeclarationOpen => State::BogusComment,
            State::CdataBracket => {
                self.temp.push(']');
                State::Cdata
            }
            State::CdataEnd => {
                self.temp.push_str("]]");
                State::Cdata
            }
            State::Cdata => {
                self.emit_temp();
                State::Data
            }
            State::Doctype | State::BeforeDoctypeName => {
                self.doctype = Doctype { force_quirks: true, ..Doctype::default() };
                self.emit_doctype();
                State::Data
            }
            State::BogusDoctype => {
                self.emit_doctype();
                State::Data
            }
            State::DoctypeName
            | State::AfterDoctypeName
            | State::AfterDoctypeKeyword(_)
            | State::BeforeDoctypeId(_)
            | State::DoctypeId(..)
            | State::AfterDoctypeId(_)
            | State::BetweenDoctypeIds => {
                self.doctype.force_quirks = true;
                self.emit_doctype();
                State::Data
            }
            // The comment states and the bogus comment.
            _ => {
                self.emit_comment();
                State::Data
            }
        }
    }
}

fn lower_or_replace(c: char) -> char {
    if c == '\0' { '\u{fffd}' } else { c.to_ascii_lowercase() }
}

fn push_opt(slot: &mut Option<StrTendril>, c: char) {
    slot.get_or_insert_with(StrTendril::new).push_char(c);
}
