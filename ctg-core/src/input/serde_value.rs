//! Reading a `serde_json::Value` through the same pull interface as JSON text.

use std::borrow::Cow;

use serde_json::Value;

use super::source::{FloatRepr, KeyTok, Source, Stop, Tok};

enum Frame<'a> {
    Object(serde_json::map::Iter<'a>),
    Array(std::slice::Iter<'a, Value>),
}

/// Pulls a `serde_json::Value`.
pub(crate) struct SerdeSource<'a> {
    pending: Option<&'a Value>,
    stack: Vec<Frame<'a>>,
    max_depth: usize,
}

impl<'a> SerdeSource<'a> {
    pub(crate) fn new(root: &'a Value, max_depth: usize) -> SerdeSource<'a> {
        SerdeSource {
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

impl<'a> Source<'a> for SerdeSource<'a> {
    fn next(&mut self) -> Result<Tok<'a>, Stop> {
        let Some(value) = self.pending.take() else {
            return Ok(Tok::Null);
        };
        Ok(match value {
            Value::Null => Tok::Null,
            Value::Bool(b) => Tok::Bool(*b),
            Value::Number(n) => match (n.as_i64(), n.as_u64()) {
                (Some(i), _) => Tok::Int(i128::from(i)),
                (None, Some(u)) => Tok::Int(i128::from(u)),
                _ => Tok::Float(FloatRepr::Binary(n.as_f64().unwrap_or(f64::NAN))),
            },
            Value::String(s) => Tok::Text(Cow::Borrowed(s)),
            Value::Array(items) => {
                self.open(Frame::Array(items.iter()))?;
                Tok::Array
            }
            Value::Object(map) => {
                self.open(Frame::Object(map.iter()))?;
                Tok::Object
            }
        })
    }

    fn key(&mut self) -> Result<Option<KeyTok<'a>>, Stop> {
        let Some(Frame::Object(entries)) = self.stack.last_mut() else {
            return Ok(None);
        };
        match entries.next() {
            Some((key, value)) => {
                self.pending = Some(value);
                Ok(Some(KeyTok::Text(Cow::Borrowed(key))))
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
