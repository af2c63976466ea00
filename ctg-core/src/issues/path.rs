//! Paths to a field of a document: `funding.allocations[3].amounts.2024`.

use serde::{Serialize, Serializer};

/// One step of a [`Path`]: an object key or a list index.
///
/// ```
/// use ctg_core::{Convention, Path, PathSegment};
/// let doc = Convention::sample().to_value();
/// let path = Path::root().key("parties").index(1).key("name");
/// let value = path.segments().iter().fold(&doc, |value, segment| match segment {
///     PathSegment::Key(key) => &value[key.as_str()],
///     PathSegment::Index(index) => &value[*index],
/// });
/// assert_eq!(value, "CC Thoré Montagne Noire");
/// ```
#[derive(Debug, Clone, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub enum PathSegment {
    /// An object key (`funding`, `2024`).
    Key(String),
    /// A list index, from 0.
    Index(usize),
}

/// Where a field is in a document. It displays as `funding.allocations[3].amounts.2024`; the
/// whole document is the empty path `""`.
///
/// ```
/// use ctg_core::Path;
/// let path = Path::root().key("funding").key("allocations").index(3).key("amounts").key("2024");
/// assert_eq!(path.to_string(), "funding.allocations[3].amounts.2024");
/// assert_eq!(Path::root().to_string(), "");
/// ```
#[derive(Debug, Clone, Default, PartialEq, Eq, Hash, PartialOrd, Ord)]
pub struct Path(Vec<PathSegment>);

impl Path {
    /// The whole document.
    ///
    /// ```
    /// use ctg_core::Path;
    /// // A problem with the document as a whole is reported at the root.
    /// let report = ctg_core::validate_str("[]").into_report();
    /// assert_eq!(report.issues()[0].path, Path::root());
    /// assert!(Path::root().segments().is_empty());
    /// ```
    pub fn root() -> Path {
        Path(Vec::new())
    }

    /// A path from its steps.
    pub(crate) fn from_segments(segments: Vec<PathSegment>) -> Path {
        Path(segments)
    }

    /// This path followed by an object key.
    ///
    /// ```
    /// use ctg_core::Path;
    /// let funding = Path::root().key("funding");
    /// let declared = funding.key("declared");
    /// assert_eq!(declared.to_string(), "funding.declared");
    /// assert_eq!(funding.to_string(), "funding"); // unchanged
    /// ```
    pub fn key(&self, key: impl Into<String>) -> Path {
        let mut segments = Vec::with_capacity(self.0.len() + 1);
        segments.extend_from_slice(&self.0);
        segments.push(PathSegment::Key(key.into()));
        Path(segments)
    }

    /// This path followed by a list index.
    ///
    /// ```
    /// use ctg_core::{Convention, Path};
    /// let mut doc = Convention::sample().to_value();
    /// doc["parties"][2]["siren"] = "218101153".into(); // wrong check digit
    /// let report = Convention::from_value(&doc).unwrap_err();
    /// assert_eq!(report.issues()[0].path, Path::root().key("parties").index(2).key("siren"));
    /// ```
    pub fn index(&self, index: usize) -> Path {
        let mut segments = Vec::with_capacity(self.0.len() + 1);
        segments.extend_from_slice(&self.0);
        segments.push(PathSegment::Index(index));
        Path(segments)
    }

    /// The steps, from the root.
    ///
    /// ```
    /// use ctg_core::{Path, PathSegment};
    /// let path = Path::root().key("parties").index(2);
    /// assert_eq!(path.segments(), &[PathSegment::Key("parties".into()), PathSegment::Index(2)]);
    /// ```
    pub fn segments(&self) -> &[PathSegment] {
        &self.0
    }

    /// Whether this is the whole document.
    ///
    /// ```
    /// use ctg_core::Path;
    /// assert!(Path::root().is_root());
    /// assert!(!Path::root().key("id").is_root());
    /// ```
    pub fn is_root(&self) -> bool {
        self.0.is_empty()
    }
}

impl std::fmt::Display for Path {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        for (i, segment) in self.0.iter().enumerate() {
            match segment {
                PathSegment::Key(key) if i == 0 => f.write_str(key)?,
                PathSegment::Key(key) => write!(f, ".{key}")?,
                PathSegment::Index(index) => write!(f, "[{index}]")?,
            }
        }
        Ok(())
    }
}

impl Serialize for Path {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_str(self)
    }
}
