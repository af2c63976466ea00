//! What reading made of a field: absent, present but unreadable, or read.

/// A field as read: `Absent` (or `null`), `Bad` (present, its problem recorded) or `Ok`.
#[derive(Debug, Default)]
pub(crate) enum Slot<T> {
    #[default]
    Absent,
    Bad,
    Ok(T),
}

impl<T> Slot<T> {
    /// `Ok` for `Some`, `Bad` for `None` (a present value that could not be read).
    pub(crate) fn read(value: Option<T>) -> Slot<T> {
        value.map_or(Slot::Bad, Slot::Ok)
    }

    /// The value, when read.
    pub(crate) fn get(&self) -> Option<&T> {
        match self {
            Slot::Ok(v) => Some(v),
            _ => None,
        }
    }

    /// The value of a required field (its absence was reported when the object was read).
    pub(crate) fn required(self) -> Option<T> {
        match self {
            Slot::Ok(v) => Some(v),
            _ => None,
        }
    }

    /// The value of an optional field: `Some(None)` when absent, `None` when unreadable.
    pub(crate) fn optional(self) -> Option<Option<T>> {
        match self {
            Slot::Absent => Some(None),
            Slot::Bad => None,
            Slot::Ok(v) => Some(Some(v)),
        }
    }
}

/// A list item as read: the model value when every field of it was right, and what the checks
/// across sections need from it even when it was not (its id, its references).
#[derive(Debug)]
pub(crate) struct Item<T, X = ()> {
    /// Where it is in its list.
    pub(crate) index: usize,
    /// Its id (or number), when readable.
    pub(crate) id: Option<String>,
    /// A name to show in issues about it.
    pub(crate) name: Option<String>,
    /// The model value, when the item was read without a problem (boxed: a list of bad items
    /// then costs a pointer each, not a model value each).
    pub(crate) built: Option<Box<T>>,
    /// What the checks across sections need.
    pub(crate) extra: X,
}

/// The model values of a list whose items were all read without a problem.
pub(crate) fn built<T, X>(items: Vec<Item<T, X>>) -> Option<Vec<T>> {
    items
        .into_iter()
        .map(|item| item.built.map(|b| *b))
        .collect()
}

/// What the checks across sections keep of an item that is not built.
pub(crate) trait Facts {
    /// Whether there is nothing to check.
    fn is_empty(&self) -> bool;
}

impl Facts for () {
    fn is_empty(&self) -> bool {
        true
    }
}

impl<T> Facts for Vec<T> {
    fn is_empty(&self) -> bool {
        Vec::is_empty(self)
    }
}

impl<T> Facts for Option<T> {
    fn is_empty(&self) -> bool {
        self.is_none()
    }
}

/// Keeps an item read from a list, holding no more than the rest of validation needs: once an
/// error has been recorded no convention will be built, so the item's model value is dropped, and
/// an item with nothing left to check is not kept at all. A document of a million bad items thus
/// costs its issues (at most the report's limit), not a million drafts.
pub(crate) fn keep<T, X: Facts>(
    r: &super::reader::Reader<'_, '_>,
    items: &mut Vec<Item<T, X>>,
    mut item: Item<T, X>,
) {
    if r.has_errors() {
        item.built = None;
    }
    if item.id.is_none() && item.built.is_none() && item.extra.is_empty() {
        return;
    }
    items.push(item);
}
