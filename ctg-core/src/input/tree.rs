//! Reading a host tree ([`Value`]) through the same pull interface as JSON text.

use std::borrow::Cow;

use super::source::{FloatRepr, KeyTok, Source, Stop, Tok};
use super::{Key, Value};

enum Frame<'a> {
    Object(std::slice::Iter<'a, (Key, Value)>),
    Array(std::slice::Iter<'a, Value>),
}

/// Pulls a [`Value`] tree.
pub(crate) struct TreeSource<'a> {
    pending: Option<&'a Value>,
    stack: Vec<Frame<'a>>,
    max_depth: usize,
}

impl<'a> TreeSource<'a> {
    pub(crate) fn new(root: &'a Value, max_depth: usize) -> TreeSource<'a> {
        TreeSource {
            pending: Some(root),
            stack: Vec::with_capacity(8),
            max_depth,
        }
    }

    fn open(&mut self, frame: Frame<'a>) -> Result<(), Stop> {
        if self.stack.len() >= self.max_depth {
            return Err(Stop::TooDeep);
        }
        self.stack.push(frame);
        Ok(())
    }
}

impl<'a> Source<'a> for TreeSource<'a> {
    fn next(&mut self) -> Result<Tok<'a>, Stop> {
        let Some(value) = self.pending.take() else {
            return Ok(Tok::Null);
        };
        Ok(match value {
            Value::Null => Tok::Null,
            Value::Bool(b) => Tok::Bool(*b),
            Value::Int(i) => Tok::Int(*i),
            Value::BigInt(digits) => Tok::BigInt(Cow::Borrowed(digits)),
            Value::Float(f) => Tok::Float(FloatRepr::Binary(*f)),
            Value::Decimal(text) => Tok::Decimal(text),
            Value::Text(s) => Tok::Text(Cow::Borrowed(s)),
            Value::BrokenText(s) => Tok::BrokenText(Cow::Borrowed(s)),
            Value::Date(d) => Tok::Date(*d),
            Value::DateTime(d) => Tok::DateTime(*d),
            Value::List(items) => {
                self.open(Frame::Array(items.iter()))?;
                Tok::Array
            }
            Value::Map(entries) => {
                self.open(Frame::Object(entries.iter()))?;
                Tok::Object
            }
            Value::Unsupported(name) => Tok::Unsupported(name),
            Value::Unreadable(what) => Tok::Unreadable(what),
            Value::TooDeep => return Err(Stop::TooDeep),
            Value::TooLarge => return Err(Stop::TooLarge),
        })
    }

    fn key(&mut self) -> Result<Option<KeyTok<'a>>, Stop> {
        let Some(Frame::Object(entries)) = self.stack.last_mut() else {
            return Ok(None);
        };
        match entries.next() {
            Some((key, value)) => {
                self.pending = Some(value);
                Ok(Some(match key {
                    Key::Text(k) => KeyTok::Text(Cow::Borrowed(k)),
                    Key::Int(i) => KeyTok::Int(*i),
                    Key::BrokenText(k) => KeyTok::BrokenText(Cow::Borrowed(k)),
                    Key::Unsupported(name) => KeyTok::Unsupported(name),
                }))
            }
            None => {
                self.stack.pop();
                Ok(None)
            }
        }
    }

    fn item(&mut self) -> Result<bool, Stop> {
        let Some(Frame::Array(items)) = self.stack.last_mut() else {
            return Ok(false);
        };
        match items.next() {
            Some(value) => {
                self.pending = Some(value);
                Ok(true)
            }
            None => {
                self.stack.pop();
                Ok(false)
            }
        }
    }

    fn finish(&mut self) -> Result<(), Stop> {
        Ok(())
    }
}
