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
                _ => {
                    let f = n.as_f64().unwrap_or(f64::NAN);
                    // serde_json keeps an integer beyond 64 bits as an f64: give it back as an
                    // integer (its value is the f64's, the exact digits being already lost).
                    if f.is_finite() && f.fract() == 0.0 && f.abs() >= 9_223_372_036_854_775_808.0 {
                        Tok::BigInt(Cow::Owned(format!("{f:.0}")))
                    } else if f == 0.0 && f.is_sign_negative() {
                        // serde_json reads the integer `-0` as the float -0.0.
                        Tok::Int(0)
                    } else {
                        Tok::Float(FloatRepr::Binary(f))
                    }
                }
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
