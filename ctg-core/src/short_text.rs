//! [`ShortText`]: the model's texts that are usually short (ids, references, short names), kept
//! inline when they fit in 23 bytes, so that reading a document does not allocate for each.

use std::borrow::{Borrow, Cow};
use std::fmt;
use std::hash::{Hash, Hasher};
use std::ops::Deref;

/// The most bytes a [`ShortText`] keeps inline.
const INLINE: usize = 23;

/// The length of an inline text: an enum of the 24 lengths, so that [`ShortText`] finds a niche
/// in it for its other variant and stays the size of a `String` (24 bytes on 64-bit targets).
#[derive(Clone, Copy, PartialEq, Eq)]
#[repr(u8)]
#[rustfmt::skip]
pub(crate) enum Len {
    L0, L1, L2, L3, L4, L5, L6, L7, L8, L9, L10, L11, L12, L13, L14, L15, L16, L17, L18, L19,
    L20, L21, L22, L23,
}

impl Len {
    const ALL: [Len; INLINE + 1] = [
        Len::L0,
        Len::L1,
        Len::L2,
        Len::L3,
        Len::L4,
        Len::L5,
        Len::L6,
        Len::L7,
        Len::L8,
        Len::L9,
        Len::L10,
        Len::L11,
        Len::L12,
        Len::L13,
        Len::L14,
        Len::L15,
        Len::L16,
        Len::L17,
        Len::L18,
        Len::L19,
        Len::L20,
        Len::L21,
        Len::L22,
        Len::L23,
    ];
}

/// A text of the model: inline up to 23 bytes, else on the heap. Reads as a `&str`.
#[derive(Clone)]
pub(crate) enum ShortText {
    Inline { len: Len, bytes: [u8; INLINE] },
    Heap(Box<str>),
}

impl ShortText {
    /// `s`, inline when it fits.
    fn inline(s: &str) -> Option<ShortText> {
        let len = *Len::ALL.get(s.len())?;
        let mut bytes = [0u8; INLINE];
        bytes.get_mut(..s.len())?.copy_from_slice(s.as_bytes());
        Some(ShortText::Inline { len, bytes })
    }

    /// The text's bytes (UTF-8): what comparisons look at, without checking them again.
    fn as_bytes(&self) -> &[u8] {
        match self {
            ShortText::Inline { len, bytes } => bytes.get(..*len as usize).unwrap_or_default(),
            ShortText::Heap(s) => s.as_bytes(),
        }
    }

    /// The text.
    pub(crate) fn as_str(&self) -> &str {
        match self {
            ShortText::Inline { len, bytes } => bytes
                .get(..*len as usize)
                .and_then(|b| std::str::from_utf8(b).ok())
                .unwrap_or_default(),
            ShortText::Heap(s) => s,
        }
    }
}

impl From<&str> for ShortText {
    fn from(s: &str) -> ShortText {
        ShortText::inline(s).unwrap_or_else(|| ShortText::Heap(s.into()))
    }
}

impl From<String> for ShortText {
    fn from(s: String) -> ShortText {
        ShortText::inline(&s).unwrap_or_else(|| ShortText::Heap(s.into_boxed_str()))
    }
}

impl From<Cow<'_, str>> for ShortText {
    fn from(s: Cow<'_, str>) -> ShortText {
        match s {
            Cow::Borrowed(s) => ShortText::from(s),
            Cow::Owned(s) => ShortText::from(s),
        }
    }
}

impl From<ShortText> for String {
    fn from(s: ShortText) -> String {
        match s {
            ShortText::Heap(s) => s.into_string(),
            inline => inline.as_str().to_owned(),
        }
    }
}

impl Default for ShortText {
    fn default() -> ShortText {
        ShortText::Inline {
            len: Len::L0,
            bytes: [0; INLINE],
        }
    }
}

impl Deref for ShortText {
    type Target = str;

    fn deref(&self) -> &str {
        self.as_str()
    }
}

impl AsRef<str> for ShortText {
    fn as_ref(&self) -> &str {
        self.as_str()
    }
}

impl Borrow<str> for ShortText {
    fn borrow(&self) -> &str {
        self.as_str()
    }
}

impl PartialEq for ShortText {
    fn eq(&self, other: &ShortText) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl Eq for ShortText {}

impl PartialEq<str> for ShortText {
    fn eq(&self, other: &str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<&str> for ShortText {
    fn eq(&self, other: &&str) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialEq<String> for ShortText {
    fn eq(&self, other: &String) -> bool {
        self.as_bytes() == other.as_bytes()
    }
}

impl PartialOrd for ShortText {
    fn partial_cmp(&self, other: &ShortText) -> Option<std::cmp::Ordering> {
        Some(self.cmp(other))
    }
}

impl Ord for ShortText {
    fn cmp(&self, other: &ShortText) -> std::cmp::Ordering {
        // The order of UTF-8 bytes is that of the texts.
        self.as_bytes().cmp(other.as_bytes())
    }
}

impl Hash for ShortText {
    fn hash<H: Hasher>(&self, state: &mut H) {
        // As `str` hashes.
        state.write(self.as_bytes());
        state.write_u8(0xff);
    }
}

impl fmt::Debug for ShortText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        fmt::Debug::fmt(self.as_str(), f)
    }
}

impl fmt::Display for ShortText {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.as_str())
    }
}

impl serde::Serialize for ShortText {
    fn serialize<S: serde::Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.serialize_str(self.as_str())
    }
}

#[cfg(feature = "schema")]
impl schemars::JsonSchema for ShortText {
    fn inline_schema() -> bool {
        <String as schemars::JsonSchema>::inline_schema()
    }

    fn schema_name() -> Cow<'static, str> {
        <String as schemars::JsonSchema>::schema_name()
    }

    fn schema_id() -> Cow<'static, str> {
        <String as schemars::JsonSchema>::schema_id()
    }

    fn json_schema(generator: &mut schemars::SchemaGenerator) -> schemars::Schema {
        <String as schemars::JsonSchema>::json_schema(generator)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_short_texts_inline() {
        assert_eq!(
            std::mem::size_of::<ShortText>(),
            std::mem::size_of::<String>()
        );
        for s in [
            "",
            "a",
            "caf-81",
            "cc-thore-montagne-noire",
            "é",
            "ééééééééééé",
        ] {
            let t = ShortText::from(s);
            assert!(matches!(t, ShortText::Inline { .. }), "{s}");
            assert_eq!(t.as_str(), s);
            assert_eq!(String::from(t), s);
        }
        for s in [
            "cc-thore-montagne-noire!",
            "Caisse d'allocations familiales du Tarn",
        ] {
            let t = ShortText::from(s.to_owned());
            assert!(matches!(t, ShortText::Heap(_)), "{s}");
            assert_eq!(t.as_str(), s);
        }
        let (b, abc) = (ShortText::from("b"), ShortText::from("abc".to_owned()));
        assert!(b > abc);
        assert_eq!(ShortText::from("x"), "x");
        assert_eq!(format!("{:?}", ShortText::from("x")), "\"x\"");
    }

    proptest::proptest! {
        /// Any text comes back as it went in, inline or not, and compares, orders and hashes
        /// as the `str` it holds (what `Borrow<str>` promises to maps and sets).
        #[test]
        fn behaves_as_its_str(a in "\\PC{0,30}", b in "\\PC{0,30}") {
            use std::hash::BuildHasher;
            let (x, y) = (ShortText::from(a.as_str()), ShortText::from(b.clone()));
            proptest::prop_assert_eq!(x.as_str(), a.as_str());
            proptest::prop_assert_eq!(String::from(y.clone()), b.clone());
            proptest::prop_assert_eq!(x == y, a == b);
            proptest::prop_assert_eq!(x.cmp(&y), a.as_str().cmp(b.as_str()));
            let hasher = std::collections::hash_map::RandomState::new();
            proptest::prop_assert_eq!(hasher.hash_one(&x), hasher.hash_one(a.as_str()));
            proptest::prop_assert_eq!(matches!(x, ShortText::Inline { .. }), a.len() <= INLINE);
        }
    }
}
