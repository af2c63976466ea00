//! Where the reader is in a document, kept as borrowed steps on the stack and turned into a
//! [`Path`] only when an issue is recorded: reading a valid document builds no path at all.

use crate::Path;

/// A location in the document being read: the root, or a step (object key or list index) from a
/// parent location that lives further up the stack.
#[derive(Debug, Clone, Copy)]
pub(crate) enum Loc<'a> {
    /// The whole document.
    Root,
    /// A key of the object at the parent location.
    Key(&'a Loc<'a>, &'a str),
    /// An index of the list at the parent location.
    Index(&'a Loc<'a>, usize),
}

impl<'a> Loc<'a> {
    /// The location of a key of this object.
    pub(crate) fn key<'b>(&'b self, key: &'b str) -> Loc<'b> {
        Loc::Key(self, key)
    }

    /// The location of an item of this list.
    pub(crate) fn index(&self, index: usize) -> Loc<'_> {
        Loc::Index(self, index)
    }

    /// The public path of this location.
    pub(crate) fn path(&self) -> Path {
        match self {
            Loc::Root => Path::root(),
            Loc::Key(parent, key) => parent.path().key(*key),
            Loc::Index(parent, index) => parent.path().index(*index),
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Loc;

    #[test]
    fn a_location_becomes_the_same_path_as_built_step_by_step() {
        let funding = Loc::Root.key("funding");
        let allocations = funding.key("allocations");
        let third = allocations.index(3);
        let year = third.key("amounts");
        let loc = year.key("2024");
        assert_eq!(
            loc.path().to_string(),
            "funding.allocations[3].amounts.2024"
        );
        assert_eq!(Loc::Root.path().to_string(), "");
    }
}
