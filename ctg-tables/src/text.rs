//! Delimited text (CSV) as French spreadsheets export it: the encoding (UTF-8 with or without a
//! byte order mark, UTF-16 with one, Windows-1252), the separator (`;`, `,` or tab, or Excel's
//! `sep=;` first line), quoted cells, blank lines kept as empty rows.
//!
//! Nothing is decoded by guess: a file is UTF-16 when it starts with a UTF-16 byte order mark,
//! UTF-8 when it starts with the UTF-8 one or is valid UTF-8 (or holds valid multi-byte UTF-8
//! sequences beside a few invalid bytes, which are then reported), Windows-1252 otherwise. Every
//! byte that is not a character of the encoding so chosen is a `table.encoding` error at its cell
//! (the five bytes Windows-1252 leaves undefined — 0x81, 0x8D, 0x8F, 0x90, 0x9D — included); the
//! cell keeps U+FFFD in its place so that the rest of the file is still read.

use ctg_core::{Issue, IssueCode, Params, Path, Word};

use crate::cell::{Cell, CellRef};
use crate::grid::{Format, Limits, ReadTable, SheetBuilder, Workbook};

/// `table.unreadable` detail: binary content.
const BINARY: Word = Word {
    code: "binary",
    fr: "contenu binaire (octets nuls) : ni un tableau texte ni un classeur reconnu",
    en: "binary content (NUL bytes): neither a text table nor a known workbook",
};

/// `table.cell_unreadable` expectation: a closing quote.
const CLOSING_QUOTE: Word = Word {
    code: "closing_quote",
    fr: "un guillemet fermant (la cellule ouverte par « \" » court jusqu’à la fin du fichier)",
    en: "a closing quote (the cell opened by '\"' runs to the end of the file)",
};

/// Windows-1252's bytes 0x80 to 0x9F (0 where it defines none).
const CP1252_HIGH: [u16; 32] = [
    0x20AC, 0, 0x201A, 0x0192, 0x201E, 0x2026, 0x2020, 0x2021, 0x02C6, 0x2030, 0x0160, 0x2039,
    0x0152, 0, 0x017D, 0, 0, 0x2018, 0x2019, 0x201C, 0x201D, 0x2022, 0x2013, 0x2014, 0x02DC,
    0x2122, 0x0161, 0x203A, 0x0153, 0, 0x017E, 0x0178,
];

/// The encoding a text was decoded from.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum Encoding {
    Utf8,
    Utf16Le,
    Utf16Be,
    Windows1252,
}

/// A decoded text: its characters, and the byte offsets (in `text`) of the characters that stand
/// for undecodable input, with the byte that was there.
pub(crate) struct Decoded {
    pub(crate) text: String,
    pub(crate) bad: Vec<(usize, u8)>,
    #[allow(dead_code)]
    pub(crate) encoding: Encoding,
}

pub(crate) fn decode(bytes: &[u8]) -> Decoded {
    if let Some(rest) = bytes.strip_prefix(&[0xFF, 0xFE]) {
        return decode_utf16(rest, true);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xFE, 0xFF]) {
        return decode_utf16(rest, false);
    }
    if let Some(rest) = bytes.strip_prefix(&[0xEF, 0xBB, 0xBF]) {
        return decode_utf8(rest);
    }
    if std::str::from_utf8(bytes).is_ok() || has_utf8_sequences(bytes) {
        return decode_utf8(bytes);
    }
    decode_cp1252(bytes)
}

/// Whether the bytes hold at least one valid multi-byte UTF-8 sequence.
fn has_utf8_sequences(bytes: &[u8]) -> bool {
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => return s.bytes().any(|b| b >= 0x80),
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                if valid.iter().any(|&b| b >= 0x80) {
                    return true;
                }
                let skip = e.error_len().unwrap_or(after.len()).max(1);
                rest = after.get(skip..).unwrap_or_default();
                if rest.is_empty() {
                    return false;
                }
            }
        }
    }
}

fn decode_utf8(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len());
    let mut bad = Vec::new();
    let mut rest = bytes;
    loop {
        match std::str::from_utf8(rest) {
            Ok(s) => {
                text.push_str(s);
                break;
            }
            Err(e) => {
                let (valid, after) = rest.split_at(e.valid_up_to());
                text.push_str(std::str::from_utf8(valid).unwrap_or_default());
                let len = e.error_len().unwrap_or(after.len()).max(1);
                bad.push((text.len(), after.first().copied().unwrap_or(0)));
                text.push('\u{FFFD}');
                rest = after.get(len..).unwrap_or_default();
            }
        }
    }
    Decoded {
        text,
        bad,
        encoding: Encoding::Utf8,
    }
}

fn decode_cp1252(bytes: &[u8]) -> Decoded {
    let mut text = String::with_capacity(bytes.len() + bytes.len() / 8);
    let mut bad = Vec::new();
    for &b in bytes {
        let c = match b {
            0x80..=0x9F => CP1252_HIGH
                .get(usize::from(b - 0x80))
                .copied()
                .filter(|&u| u != 0)
                .and_then(|u| char::from_u32(u32::from(u))),
            _ => Some(char::from(b)),
        };
        match c {
            Some(c) => text.push(c),
            None => {
                bad.push((text.len(), b));
                text.push('\u{FFFD}');
            }
        }
    }
    Decoded {
        text,
        bad,
        encoding: Encoding::Windows1252,
    }
}

fn decode_utf16(bytes: &[u8], little_endian: bool) -> Decoded {
    let units = bytes.chunks(2).map(|pair| match (pair, little_endian) {
        ([a, b], true) => Ok(u16::from_le_bytes([*a, *b])),
        ([a, b], false) => Ok(u16::from_be_bytes([*a, *b])),
        ([a], _) => Err(*a),
        _ => Err(0),
    });
    let mut text = String::with_capacity(bytes.len() / 2);
    let mut bad = Vec::new();
    let mut pending: Vec<u16> = Vec::new();
    let flush = |pending: &mut Vec<u16>, text: &mut String, bad: &mut Vec<(usize, u8)>| {
        for r in char::decode_utf16(pending.drain(..)) {
            match r {
                Ok(c) => text.push(c),
                Err(e) => {
                    bad.push((text.len(), e.unpaired_surrogate().to_be_bytes()[0]));
                    text.push('\u{FFFD}');
                }
            }
        }
    };
    for unit in units {
        match unit {
            Ok(u) => pending.push(u),
            Err(byte) => {
                flush(&mut pending, &mut text, &mut bad);
                bad.push((text.len(), byte));
                text.push('\u{FFFD}');
            }
        }
    }
    flush(&mut pending, &mut text, &mut bad);
    Decoded {
        text,
        bad,
        encoding: if little_endian {
            Encoding::Utf16Le
        } else {
            Encoding::Utf16Be
        },
    }
}

/// The separator of a delimited text: Excel's `sep=X` first line when there is one (returned
/// with the offset where the data starts), else the candidate found on the most of the first 50
/// non-blank lines outside quotes (`;` first on a tie, then tab, then `,`: a French file's
/// decimal commas never outnumber its semicolons).
pub(crate) fn separator(text: &str) -> (char, usize) {
    if let Some(first) = text.lines().next() {
        let t = first.trim();
        if let Some(sep) = t.strip_prefix("sep=") {
            let mut chars = sep.chars();
            if let (Some(c), None) = (chars.next(), chars.next()) {
                let start = text.find('\n').map_or(text.len(), |i| i + 1);
                return (c, start);
            }
        }
    }
    let candidates = [';', '\t', ','];
    let mut lines_with = [0usize; 3];
    let mut in_quotes = false;
    let mut seen = [false; 3];
    let mut lines = 0;
    for c in text.chars() {
        match c {
            '"' => in_quotes = !in_quotes,
            '\n' if !in_quotes => {
                if seen.iter().any(|&s| s) {
                    lines += 1;
                }
                for (count, s) in lines_with.iter_mut().zip(seen.iter_mut()) {
                    *count += usize::from(*s);
                    *s = false;
                }
                if lines >= 50 {
                    break;
                }
            }
            _ if !in_quotes => {
                if let Some(i) = candidates.iter().position(|&k| k == c) {
                    if let Some(s) = seen.get_mut(i) {
                        *s = true;
                    }
                }
            }
            _ => {}
        }
    }
    for (count, s) in lines_with.iter_mut().zip(seen.iter()) {
        *count += usize::from(*s);
    }
    let mut best = (';', 0usize);
    for (&c, &n) in candidates.iter().zip(lines_with.iter()) {
        if n > best.1 {
            best = (c, n);
        }
    }
    (best.0, 0)
}

/// One parsed cell: row and column (0-based), its text, and its byte range in the text.
struct Parsed {
    row: usize,
    column: usize,
    text: String,
    start: usize,
    end: usize,
}

/// Splits delimited text into cells (RFC 4180 quoting; a quote inside an unquoted cell is kept
/// as a character; `\r\n`, `\n` and `\r` end rows; a blank line is an empty row). Returns the
/// cells and, when a quoted cell is never closed, where it started.
fn parse(text: &str, sep: char, from: usize) -> (Vec<Parsed>, Option<(usize, usize)>) {
    let mut cells = Vec::new();
    let (mut row, mut column) = (0usize, 0usize);
    let mut field = String::new();
    let mut start = from;
    let mut in_quotes = false;
    let mut quoted_at = None;
    let mut chars = text
        .get(from..)
        .unwrap_or_default()
        .char_indices()
        .peekable();
    let mut push = |row: usize, column: usize, field: &mut String, start: usize, end: usize| {
        if !field.is_empty() {
            cells.push(Parsed {
                row,
                column,
                text: std::mem::take(field),
                start,
                end,
            });
        }
    };
    while let Some((i, c)) = chars.next() {
        let i = i + from;
        if in_quotes {
            if c == '"' {
                if chars.peek().map(|&(_, n)| n) == Some('"') {
                    chars.next();
                    field.push('"');
                } else {
                    in_quotes = false;
                }
            } else {
                field.push(c);
            }
            continue;
        }
        match c {
            '"' if field.is_empty() && i == start => {
                in_quotes = true;
                quoted_at = Some((row, column));
            }
            '\r' | '\n' => {
                if c == '\r' && chars.peek().map(|&(_, n)| n) == Some('\n') {
                    chars.next();
                }
                push(row, column, &mut field, start, i);
                row += 1;
                column = 0;
                start = i + if c == '\r' && text.get(i..i + 2) == Some("\r\n") {
                    2
                } else {
                    1
                };
            }
            c if c == sep => {
                push(row, column, &mut field, start, i);
                column += 1;
                start = i + c.len_utf8();
            }
            c => field.push(c),
        }
    }
    let unclosed = if in_quotes { quoted_at } else { None };
    push(row, column, &mut field, start, text.len());
    (cells, unclosed)
}

pub(crate) fn read_text(bytes: &[u8], stem: &str, limits: &Limits) -> ReadTable {
    let non_utf16 = !bytes.starts_with(&[0xFF, 0xFE]) && !bytes.starts_with(&[0xFE, 0xFF]);
    if non_utf16 && bytes.contains(&0) {
        return ReadTable {
            issues: vec![CellRef::sheet(stem).issue(
                IssueCode::TableUnreadable,
                Path::root(),
                Params::new().with("detail", BINARY),
            )],
            ..ReadTable::default()
        };
    }
    let decoded = decode(bytes);
    let (sep, from) = separator(&decoded.text);
    let (cells, unclosed) = parse(&decoded.text, sep, from);
    let mut issues = Vec::new();
    let mut builder = SheetBuilder::new(stem, limits);
    let mut total = 0;
    let mut bad = decoded.bad.iter().peekable();
    for cell in cells {
        while let Some(&&(offset, byte)) = bad.peek() {
            if offset >= cell.end {
                break;
            }
            bad.next();
            if offset >= cell.start {
                issues.push(encoding_issue(stem, cell.row, cell.column, byte));
            }
        }
        if let Err(issue) = builder.put(cell.row, cell.column, Cell::Text(cell.text), &mut total) {
            return ReadTable {
                issues: vec![issue],
                ..ReadTable::default()
            };
        }
    }
    if let Some((row, column)) = unclosed {
        issues.push(
            CellRef::cell(stem, row_number(row), column_index(column)).issue(
                IssueCode::TableCellUnreadable,
                Path::root(),
                Params::new()
                    .with("text", "\"…")
                    .with("expected", CLOSING_QUOTE),
            ),
        );
    }
    ReadTable {
        workbook: Workbook::new(vec![builder.finish()]),
        format: Some(Format::Csv),
        issues,
    }
}

fn encoding_issue(stem: &str, row: usize, column: usize, byte: u8) -> Issue {
    CellRef::cell(stem, row_number(row), column_index(column)).issue(
        IssueCode::TableEncoding,
        Path::root(),
        Params::new().with("byte", format!("0x{byte:02X}")),
    )
}

/// A 0-based row index as the 1-based row number a spreadsheet shows.
pub(crate) fn row_number(row: usize) -> u32 {
    u32::try_from(row).map_or(u32::MAX, |r| r.saturating_add(1))
}

/// A 0-based column index as `u32`.
pub(crate) fn column_index(column: usize) -> u32 {
    u32::try_from(column).unwrap_or(u32::MAX)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cells(text: &str) -> Vec<(usize, usize, String)> {
        let (sep, from) = separator(text);
        parse(text, sep, from)
            .0
            .into_iter()
            .map(|c| (c.row, c.column, c.text))
            .collect()
    }

    #[test]
    fn separators() {
        assert_eq!(separator("a;b\n1,5;2,5\n").0, ';');
        assert_eq!(separator("a,b\n1.5,2.5\n").0, ',');
        assert_eq!(separator("a\tb\n").0, '\t');
        assert_eq!(separator("sep=,\na,b").0, ',');
        assert_eq!(separator("\"a;b\",c\n").0, ',');
        assert_eq!(separator("title only\n").0, ';');
    }

    #[test]
    fn quoting_and_blank_lines() {
        let got = cells("a;\"b;\"\"c\"\"\"\r\n\r\n\"multi\nline\";x\n");
        assert_eq!(
            got,
            vec![
                (0, 0, "a".to_owned()),
                (0, 1, "b;\"c\"".to_owned()),
                (2, 0, "multi\nline".to_owned()),
                (2, 1, "x".to_owned()),
            ]
        );
        assert_eq!(
            cells("a\"b;c"),
            vec![(0, 0, "a\"b".into()), (0, 1, "c".into())]
        );
    }

    #[test]
    fn encodings() {
        assert_eq!(decode(b"\xef\xbb\xbfAnn\xc3\xa9e").text, "Année");
        let latin = decode(b"Ann\xe9e \x80");
        assert_eq!(latin.text, "Année €");
        assert!(latin.bad.is_empty());
        let undefined = decode(b"a\x81b");
        assert_eq!(undefined.text, "a\u{FFFD}b");
        assert_eq!(undefined.bad, vec![(1, 0x81)]);
        // Valid UTF-8 sequences beside a stray byte: UTF-8, the stray byte reported.
        let mixed = decode(b"\xc3\xa9 \xe9");
        assert_eq!(mixed.text, "é \u{FFFD}");
        assert_eq!(mixed.bad.len(), 1);
        let utf16 = decode(&[0xFF, 0xFE, b'a', 0, 0xE9, 0, b';', 0]);
        assert_eq!(utf16.text, "aé;");
        let odd = decode(&[0xFE, 0xFF, 0, b'a', 0x00]);
        assert_eq!(odd.bad.len(), 1);
    }
}
