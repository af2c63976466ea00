//! Core's JSON reader: a pull parser over UTF-8 bytes (RFC 8259), read straight into the model's
//! drafts. Strings without escapes are borrowed from the input; nothing is built that validation
//! does not keep.
//!
//! Beyond a generic parser, it keeps what validation needs: every key in order (duplicates
//! included), lone surrogates (`"\ud800"`, or their WTF-8 bytes) as broken text at their place
//! rather than a syntax error for the whole document, and the writing of numbers (integers of
//! any size, floats as written). A leading UTF-8 byte order mark is skipped.

use std::borrow::Cow;

use super::source::{FloatRepr, KeyTok, Source, Stop, Tok};
use crate::Word;

/// A container being read.
#[derive(Debug, Clone, Copy)]
struct Frame {
    object: bool,
    started: bool,
}

/// The JSON text reader.
pub(crate) struct JsonSource<'a> {
    bytes: &'a [u8],
    /// The same bytes as text, when they are UTF-8 (the usual case): strings are then sliced
    /// from it without checking their UTF-8 again.
    text: Option<&'a str>,
    pos: usize,
    stack: Vec<Frame>,
    max_depth: usize,
}

impl<'a> JsonSource<'a> {
    /// A reader of `bytes`, refusing to nest deeper than `max_depth`.
    pub(crate) fn new(bytes: &'a [u8], max_depth: usize) -> JsonSource<'a> {
        let text = std::str::from_utf8(bytes).ok();
        JsonSource::with_text(bytes, text, max_depth)
    }

    /// A reader of `text` (known to be UTF-8), refusing to nest deeper than `max_depth`.
    pub(crate) fn from_text(text: &'a str, max_depth: usize) -> JsonSource<'a> {
        JsonSource::with_text(text.as_bytes(), Some(text), max_depth)
    }

    fn with_text(bytes: &'a [u8], text: Option<&'a str>, max_depth: usize) -> JsonSource<'a> {
        let pos = if bytes.starts_with(b"\xEF\xBB\xBF") {
            3
        } else {
            0
        };
        JsonSource {
            bytes,
            text,
            pos,
            stack: Vec::with_capacity(8),
            max_depth,
        }
    }

    fn peek(&self) -> Option<u8> {
        self.bytes.get(self.pos).copied()
    }

    fn ws(&mut self) {
        while let Some(b' ' | b'\t' | b'\n' | b'\r') = self.peek() {
            self.pos += 1;
        }
    }

    /// The error `detail` at the current position.
    fn error(&self, detail: Word) -> Stop {
        self.error_at(self.pos, detail)
    }

    fn error_at(&self, pos: usize, detail: Word) -> Stop {
        let before = self.bytes.get(..pos).unwrap_or(self.bytes);
        let line_start = before
            .iter()
            .rposition(|&b| b == b'\n')
            .map_or(0, |i| i + 1);
        let line = 1 + before.iter().filter(|&&b| b == b'\n').count();
        let column = 1 + before
            .get(line_start..)
            .unwrap_or(&[])
            .iter()
            .filter(|&&b| b & 0xC0 != 0x80)
            .count();
        let at_start = self
            .bytes
            .get(..pos)
            .is_some_and(|b| b.iter().all(|c| c.is_ascii_whitespace() || *c >= 0x80));
        let detail = if self.stack.is_empty() && at_start {
            self.root_detail(detail)
        } else {
            detail
        };
        Stop::Syntax {
            line,
            column,
            detail,
        }
    }

    /// A better word for text that is not JSON from its first character: empty, or a file name.
    fn root_detail(&self, detail: Word) -> Word {
        let text = std::str::from_utf8(self.bytes).unwrap_or("").trim();
        if text.is_empty() {
            return Word::EMPTY_INPUT;
        }
        let one_line = !text.contains('\n') && text.len() < 4096;
        let lower = text.to_ascii_lowercase();
        let named_like_a_file = [".json", ".jsonl", ".txt", ".csv", ".xlsx"]
            .iter()
            .any(|ext| lower.ends_with(ext))
            || text.contains('/')
            || text.contains('\\');
        if one_line && named_like_a_file && !text.contains(['{', '[', '"']) {
            Word::LOOKS_LIKE_A_PATH
        } else {
            detail
        }
    }

    fn open(&mut self, object: bool) -> Result<(), Stop> {
        if self.stack.len() >= self.max_depth {
            return Err(Stop::TooDeep);
        }
        self.pos += 1;
        self.stack.push(Frame {
            object,
            started: false,
        });
        Ok(())
    }

    fn literal(&mut self, word: &[u8], tok: Tok<'a>) -> Result<Tok<'a>, Stop> {
        if self.bytes.get(self.pos..self.pos + word.len()) == Some(word) {
            self.pos += word.len();
            Ok(tok)
        } else {
            Err(self.error(Word::UNEXPECTED_CHARACTER))
        }
    }

    /// A number token: `-?(0|[1-9][0-9]*)(\.[0-9]+)?([eE][+-]?[0-9]+)?`.
    fn number(&mut self) -> Result<Tok<'a>, Stop> {
        let start = self.pos;
        let digits = |s: &mut Self| {
            let from = s.pos;
            while let Some(b'0'..=b'9') = s.peek() {
                s.pos += 1;
            }
            s.pos - from
        };
        if self.peek() == Some(b'-') {
            self.pos += 1;
        }
        match self.peek() {
            Some(b'0') => self.pos += 1,
            Some(b'1'..=b'9') => {
                digits(self);
            }
            _ => return Err(self.error(Word::INVALID_NUMBER)),
        }
        let mut float = false;
        if self.peek() == Some(b'.') {
            self.pos += 1;
            float = true;
            if digits(self) == 0 {
                return Err(self.error(Word::INVALID_NUMBER));
            }
        }
        if let Some(b'e' | b'E') = self.peek() {
            self.pos += 1;
            float = true;
            if let Some(b'+' | b'-') = self.peek() {
                self.pos += 1;
            }
            if digits(self) == 0 {
                return Err(self.error(Word::INVALID_NUMBER));
            }
        }
        let text = self
            .bytes
            .get(start..self.pos)
            .and_then(|b| std::str::from_utf8(b).ok())
            .ok_or_else(|| self.error_at(start, Word::INVALID_NUMBER))?;
        if float {
            return Ok(Tok::Float(FloatRepr::Text(text)));
        }
        if text.len() <= 38 {
            if let Ok(i) = text.parse::<i128>() {
                return Ok(Tok::Int(i));
            }
        }
        Ok(Tok::BigInt(Cow::Borrowed(text)))
    }

    /// A string (the current byte is `"`): its text, and whether it held lone surrogates.
    fn string(&mut self) -> Result<(Cow<'a, str>, bool), Stop> {
        let start = self.pos + 1;
        let i = start + special_byte(self.bytes.get(start..).unwrap_or(&[]));
        // Fast path: no escape.
        match self.bytes.get(i) {
            None => {
                self.pos = i;
                return Err(self.error(Word::UNEXPECTED_END));
            }
            Some(b'"') => {
                self.pos = i + 1;
                // Both ends are at a `"`: inside UTF-8 text, they are character boundaries.
                if let Some(s) = self.text.and_then(|text| text.get(start..i)) {
                    return Ok((Cow::Borrowed(s), false));
                }
                let raw = self.bytes.get(start..i).unwrap_or(&[]);
                return match std::str::from_utf8(raw) {
                    Ok(s) => Ok((Cow::Borrowed(s), false)),
                    Err(_) => {
                        decode_wtf8(raw).ok_or_else(|| self.error_at(start, Word::INVALID_UTF8))
                    }
                };
            }
            Some(b'\\') => {}
            Some(_) => {
                // A control character.
                self.pos = i;
                return Err(self.error(Word::CONTROL_CHARACTER));
            }
        }
        // Slow path: build the text, lone surrogates as WTF-8 (decoded below).
        let mut buf: Vec<u8> = self.bytes.get(start..i).unwrap_or(&[]).to_vec();
        self.pos = i;
        loop {
            let rest = self.bytes.get(self.pos..).unwrap_or(&[]);
            let run = special_byte(rest);
            buf.extend_from_slice(rest.get(..run).unwrap_or(&[]));
            self.pos += run;
            match self.peek() {
                None => return Err(self.error(Word::UNEXPECTED_END)),
                Some(b'"') => {
                    self.pos += 1;
                    break;
                }
                Some(b'\\') => {
                    self.pos += 1;
                    self.escape(&mut buf)?;
                }
                Some(_) => return Err(self.error(Word::CONTROL_CHARACTER)),
            }
        }
        match String::from_utf8(buf) {
            Ok(s) => Ok((Cow::Owned(s), false)),
            Err(e) => decode_wtf8(e.as_bytes())
                .map(|(s, broken)| (Cow::Owned(s.into_owned()), broken))
                .ok_or_else(|| self.error_at(start, Word::INVALID_UTF8)),
        }
    }

    /// One escape sequence (after the backslash), appended to `buf`.
    fn escape(&mut self, buf: &mut Vec<u8>) -> Result<(), Stop> {
        let simple = match self.peek() {
            Some(b'"') => b'"',
            Some(b'\\') => b'\\',
            Some(b'/') => b'/',
            Some(b'b') => 0x08,
            Some(b'f') => 0x0C,
            Some(b'n') => b'\n',
            Some(b'r') => b'\r',
            Some(b't') => b'\t',
            Some(b'u') => {
                self.pos += 1;
                let unit = self.hex4()?;
                let code = if (0xD800..0xDC00).contains(&unit)
                    && self.bytes.get(self.pos..self.pos + 2) == Some(b"\\u")
                {
                    let save = self.pos;
                    self.pos += 2;
                    let low = self.hex4()?;
                    if (0xDC00..0xE000).contains(&low) {
                        0x10000 + ((unit - 0xD800) << 10) + (low - 0xDC00)
                    } else {
                        self.pos = save;
                        unit
                    }
                } else {
                    unit
                };
                push_code_point(buf, code);
                return Ok(());
            }
            None => return Err(self.error(Word::UNEXPECTED_END)),
            Some(_) => return Err(self.error(Word::INVALID_ESCAPE)),
        };
        buf.push(simple);
        self.pos += 1;
        Ok(())
    }

    fn hex4(&mut self) -> Result<u32, Stop> {
        let mut value = 0u32;
        for _ in 0..4 {
            let digit = match self.peek() {
                Some(b @ b'0'..=b'9') => u32::from(b - b'0'),
                Some(b @ b'a'..=b'f') => u32::from(b - b'a' + 10),
                Some(b @ b'A'..=b'F') => u32::from(b - b'A' + 10),
                None => return Err(self.error(Word::UNEXPECTED_END)),
                Some(_) => return Err(self.error(Word::INVALID_ESCAPE)),
            };
            value = value * 16 + digit;
            self.pos += 1;
        }
        Ok(value)
    }

    /// Before the next key or item of the current container: `,` or the container's end.
    /// Returns `false` at the end (the container is closed).
    fn separator(&mut self, close: u8) -> Result<bool, Stop> {
        self.ws();
        let Some(frame) = self.stack.last_mut() else {
            return Ok(false);
        };
        let first = !frame.started;
        frame.started = true;
        match self.peek() {
            Some(b) if b == close => {
                self.pos += 1;
                self.stack.pop();
                Ok(false)
            }
            Some(b',') if !first => {
                self.pos += 1;
                self.ws();
                if self.peek() == Some(close) {
                    // A trailing comma.
                    return Err(self.error(if close == b'}' {
                        Word::EXPECTED_KEY
                    } else {
                        Word::EXPECTED_VALUE
                    }));
                }
                Ok(true)
            }
            None => Err(self.error(Word::UNEXPECTED_END)),
            Some(_) if first => Ok(true),
            Some(_) => Err(self.error(Word::EXPECTED_COMMA)),
        }
    }
}

impl<'a> Source<'a> for JsonSource<'a> {
    fn next(&mut self) -> Result<Tok<'a>, Stop> {
        self.ws();
        match self.peek() {
            None => Err(self.error(if self.stack.is_empty() {
                Word::EXPECTED_VALUE
            } else {
                Word::UNEXPECTED_END
            })),
            Some(b'{') => self.open(true).map(|()| Tok::Object),
            Some(b'[') => self.open(false).map(|()| Tok::Array),
            Some(b'"') => self.string().map(|(s, broken)| {
                if broken {
                    Tok::BrokenText(s)
                } else {
                    Tok::Text(s)
                }
            }),
            Some(b't') => self.literal(b"true", Tok::Bool(true)),
            Some(b'f') => self.literal(b"false", Tok::Bool(false)),
            Some(b'n') => self.literal(b"null", Tok::Null),
            Some(b'-' | b'0'..=b'9') => self.number(),
            Some(_) => Err(self.error(Word::EXPECTED_VALUE)),
        }
    }

    fn key(&mut self) -> Result<Option<KeyTok<'a>>, Stop> {
        if !matches!(self.stack.last(), Some(Frame { object: true, .. })) {
            return Ok(None);
        }
        if !self.separator(b'}')? {
            return Ok(None);
        }
        if self.peek() != Some(b'"') {
            return Err(self.error(Word::EXPECTED_KEY));
        }
        let (key, broken) = self.string()?;
        self.ws();
        if self.peek() != Some(b':') {
            return Err(self.error(Word::EXPECTED_COLON));
        }
        self.pos += 1;
        Ok(Some(if broken {
            KeyTok::BrokenText(key)
        } else {
            KeyTok::Text(key)
        }))
    }

    fn item(&mut self) -> Result<bool, Stop> {
        if !matches!(self.stack.last(), Some(Frame { object: false, .. })) {
            return Ok(false);
        }
        self.separator(b']')
    }

    fn finish(&mut self) -> Result<(), Stop> {
        self.ws();
        if self.pos < self.bytes.len() {
            return Err(self.error(Word::TRAILING_CHARACTERS));
        }
        Ok(())
    }
}

/// The position in `bytes` of the first byte that ends the fast reading of a string — a `"`, a
/// backslash or a control character (below U+0020) — or `bytes.len()` when there is none.
/// Eight bytes at a time: a byte of a word is flagged when it is one of them, and the lowest
/// flagged byte is always a true one (a borrow only runs from a true one to the bytes above).
fn special_byte(bytes: &[u8]) -> usize {
    const ONES: u64 = u64::from_le_bytes([0x01; 8]);
    const HIGH: u64 = u64::from_le_bytes([0x80; 8]);
    const QUOTES: u64 = u64::from_le_bytes([b'"'; 8]);
    const BACKSLASHES: u64 = u64::from_le_bytes([b'\\'; 8]);
    const SPACES: u64 = u64::from_le_bytes([0x20; 8]);
    let mut chunks = bytes.chunks_exact(8);
    let mut offset = 0;
    for chunk in &mut chunks {
        // Every chunk has 8 bytes, so the conversion is a load; `copy_from_slice` was a call
        // (to a copy of memory) for each 8 bytes in WebAssembly, where it is not inlined.
        let word = u64::from_le_bytes(<[u8; 8]>::try_from(chunk).unwrap_or_default());
        let quote = word ^ QUOTES;
        let backslash = word ^ BACKSLASHES;
        let flagged = ((quote.wrapping_sub(ONES) & !quote)
            | (backslash.wrapping_sub(ONES) & !backslash)
            | (word.wrapping_sub(SPACES) & !word))
            & HIGH;
        if flagged != 0 {
            return offset + (flagged.trailing_zeros() / 8) as usize;
        }
        offset += 8;
    }
    let rest = chunks.remainder();
    offset
        + rest
            .iter()
            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
            .unwrap_or(rest.len())
}

/// Appends a code point as UTF-8, or a lone surrogate as its WTF-8 bytes.
fn push_code_point(buf: &mut Vec<u8>, code: u32) {
    match char::from_u32(code) {
        Some(c) => {
            let mut tmp = [0u8; 4];
            buf.extend_from_slice(c.encode_utf8(&mut tmp).as_bytes());
        }
        None => {
            // 0xD800..=0xDFFF: the three bytes WTF-8 gives a surrogate.
            buf.push(0xED);
            buf.push(0x80 | ((code >> 6) & 0x3F) as u8);
            buf.push(0x80 | (code & 0x3F) as u8);
        }
    }
}

/// Decodes bytes that are UTF-8 except for encoded surrogates (WTF-8): the text with U+FFFD in
/// place of each surrogate, and whether there was one. `None` for any other invalid byte.
pub(crate) fn decode_wtf8(bytes: &[u8]) -> Option<(Cow<'_, str>, bool)> {
    let mut out = String::with_capacity(bytes.len());
    let mut rest = bytes;
    let mut broken = false;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                out.push_str(s);
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                out.push_str(std::str::from_utf8(valid).ok()?);
                match after {
                    [0xED, b1, b2, tail @ ..]
                        if (0xA0..=0xBF).contains(b1) && (0x80..=0xBF).contains(b2) =>
                    {
                        out.push('\u{FFFD}');
                        broken = true;
                        rest = tail;
                    }
                    _ => return None,
                }
            }
        }
    }
    Some((Cow::Owned(out), broken))
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Reads a whole document into a compact text form, to compare with expectations.
    fn dump(text: &str) -> Result<String, Stop> {
        let mut src = JsonSource::new(text.as_bytes(), 64);
        let mut out = String::new();
        let tok = src.next()?;
        value(&mut src, tok, &mut out)?;
        src.finish()?;
        Ok(out)
    }

    fn value(src: &mut JsonSource<'_>, tok: Tok<'_>, out: &mut String) -> Result<(), Stop> {
        match tok {
            Tok::Object => {
                out.push('{');
                while let Some(key) = src.key()? {
                    match key {
                        KeyTok::Text(k) => out.push_str(&format!("{k}:")),
                        KeyTok::BrokenText(k) => out.push_str(&format!("!{k}:")),
                        other => out.push_str(&format!("{other:?}")),
                    }
                    let tok = src.next()?;
                    value(src, tok, out)?;
                    out.push(';');
                }
                out.push('}');
            }
            Tok::Array => {
                out.push('[');
                while src.item()? {
                    let tok = src.next()?;
                    value(src, tok, out)?;
                    out.push(';');
                }
                out.push(']');
            }
            Tok::Text(s) => out.push_str(&format!("'{s}'")),
            Tok::BrokenText(s) => out.push_str(&format!("!'{s}'")),
            Tok::Int(i) => out.push_str(&format!("i{i}")),
            Tok::BigInt(s) => out.push_str(&format!("I{s}")),
            Tok::Float(f) => out.push_str(&format!("f{}", f.text())),
            Tok::Bool(b) => out.push_str(&b.to_string()),
            Tok::Null => out.push_str("null"),
            other => out.push_str(&format!("{other:?}")),
        }
        Ok(())
    }

    fn detail(text: &str) -> &'static str {
        match dump(text) {
            Err(Stop::Syntax { detail, .. }) => detail.code,
            Err(Stop::TooDeep) => "too_deep",
            Err(Stop::TooLarge) => "too_large",
            Ok(v) => panic!("{text:?} should fail, read {v}"),
        }
    }

    #[test]
    fn reads_values() {
        assert_eq!(
            dump(r#" {"a": [1, -2, 3.5, 4e2, true, false, null, "x"], "b": {}} "#).unwrap(),
            "{a:[i1;i-2;f3.5;f4e2;true;false;null;'x';];b:{};}"
        );
        assert_eq!(dump("[]").unwrap(), "[]");
        assert_eq!(dump("\u{feff}[1]").unwrap(), "[i1;]");
        assert_eq!(
            dump("123456789012345678901234567890123456789012").unwrap(),
            "I123456789012345678901234567890123456789012"
        );
    }

    #[test]
    fn special_bytes_are_found_eight_at_a_time() {
        let specials = [b'"', b'\\', 0x00, 0x01, 0x1F];
        let others = [
            b'a', b' ', b'!', b'#', b'[', b']', 0x7F, 0x80, 0xC3, 0xFF, 0x21, 0x5D,
        ];
        for len in 0..20 {
            for at in 0..=len {
                for &special in &specials {
                    for &other in &others {
                        let mut bytes = vec![other; len];
                        if at < len {
                            bytes[at] = special;
                            // A second special byte after the first changes nothing.
                            if at + 2 < len {
                                bytes[at + 2] = 0x00;
                            }
                        }
                        let expected = bytes
                            .iter()
                            .position(|&b| b == b'"' || b == b'\\' || b < 0x20)
                            .unwrap_or(len);
                        assert_eq!(special_byte(&bytes), expected, "{bytes:?}");
                    }
                }
            }
        }
    }

    #[test]
    fn keeps_duplicate_keys_in_order() {
        assert_eq!(
            dump(r#"{"2023": "1.00", "2023": "40800.00"}"#).unwrap(),
            "{2023:'1.00';2023:'40800.00';}"
        );
    }

    #[test]
    fn escapes_and_surrogates() {
        assert_eq!(
            dump(r#""a\"b\\c\/d\n\u00e9""#).unwrap(),
            "'a\"b\\c/d\n\u{e9}'"
        );
        assert_eq!(dump(r#""\ud83d\ude00""#).unwrap(), "'\u{1F600}'");
        assert_eq!(dump(r#""x\ud800y""#).unwrap(), "!'x\u{FFFD}y'");
        assert_eq!(dump(r#""\udc00""#).unwrap(), "!'\u{FFFD}'");
        assert_eq!(dump(r#"{"\ud800": 1}"#).unwrap(), "{!\u{FFFD}:i1;}");
        // WTF-8 bytes of a surrogate, as a Python str with surrogatepass gives them.
        let mut src = JsonSource::new(b"\"a\xED\xA0\x80\"", 64);
        assert!(matches!(src.next(), Ok(Tok::BrokenText(s)) if s == "a\u{FFFD}"));
        let mut src = JsonSource::new(b"\"a\xFF\"", 64);
        assert!(matches!(
            src.next(),
            Err(Stop::Syntax { detail, .. }) if detail == Word::INVALID_UTF8
        ));
    }

    #[test]
    fn syntax_errors() {
        assert_eq!(detail(""), "empty_input");
        assert_eq!(detail("   "), "empty_input");
        assert_eq!(detail("tests/fixtures/thore.json"), "looks_like_a_path");
        assert_eq!(detail("Convention : voir le PDF"), "expected_value");
        assert_eq!(detail("[1,]"), "expected_value");
        assert_eq!(detail(r#"{"a":1,}"#), "expected_key");
        assert_eq!(detail(r#"{"a" 1}"#), "expected_colon");
        assert_eq!(detail("[1 2]"), "expected_comma");
        assert_eq!(detail("[1"), "unexpected_end");
        assert_eq!(detail(r#"{"a":"#), "unexpected_end");
        assert_eq!(detail("01"), "trailing_characters");
        assert_eq!(detail("1."), "invalid_number");
        assert_eq!(detail("-"), "invalid_number");
        assert_eq!(detail("1e"), "invalid_number");
        assert_eq!(detail("tru"), "unexpected_character");
        assert_eq!(detail("\"a\u{1}\""), "control_character");
        assert_eq!(detail(r#""\x""#), "invalid_escape");
        assert_eq!(detail(r#""\u12""#), "invalid_escape");
        assert_eq!(detail("{} {}"), "trailing_characters");
        assert_eq!(detail("[".repeat(65).as_str()), "too_deep");
        assert!(dump(&format!("{}{}", "[".repeat(64), "]".repeat(64))).is_ok());
    }

    #[test]
    fn positions() {
        let Err(Stop::Syntax { line, column, .. }) = dump("{\n  \"é\": 1,\n  x\n}") else {
            panic!()
        };
        assert_eq!((line, column), (3, 3));
    }

    #[test]
    fn agrees_with_serde_json_on_valid_documents() {
        let text = crate::Convention::sample_json();
        let value: serde_json::Value = serde_json::from_str(text).unwrap();
        let mut src = JsonSource::new(text.as_bytes(), 64);
        let tok = src.next().unwrap();
        let mut out = String::new();
        value_of(&mut src, tok, &mut out);
        assert_eq!(out, serde_json::to_string(&value).unwrap());
    }

    /// Re-serialises what the reader gives as JSON (keys sorted like serde_json's map).
    fn value_of(src: &mut JsonSource<'_>, tok: Tok<'_>, out: &mut String) {
        let v = to_value(src, tok);
        out.push_str(&serde_json::to_string(&v).unwrap());
    }

    fn to_value(src: &mut JsonSource<'_>, tok: Tok<'_>) -> serde_json::Value {
        match tok {
            Tok::Object => {
                let mut map = serde_json::Map::new();
                while let Some(KeyTok::Text(k)) = src.key().unwrap() {
                    let tok = src.next().unwrap();
                    map.insert(k.into_owned(), to_value(src, tok));
                }
                serde_json::Value::Object(map)
            }
            Tok::Array => {
                let mut items = Vec::new();
                while src.item().unwrap() {
                    let tok = src.next().unwrap();
                    items.push(to_value(src, tok));
                }
                serde_json::Value::Array(items)
            }
            Tok::Text(s) => serde_json::Value::String(s.into_owned()),
            Tok::Int(i) => serde_json::Value::from(i64::try_from(i).unwrap()),
            Tok::Bool(b) => serde_json::Value::Bool(b),
            Tok::Null => serde_json::Value::Null,
            other => panic!("{other:?}"),
        }
    }
}
