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

/// What a model value says of itself to the checks across sections: its id and its name.
pub(crate) trait Model {
    /// Its id as text, when it has one.
    fn model_id(&self) -> Option<&str> {
        None
    }
    /// Its name, to show in issues about it.
    fn model_name(&self) -> Option<&str> {
        None
    }
}

/// A list item as read: the model value when every field of it was right, and what the checks
/// across sections need from it even when it was not (its id, its references).
///
/// Nothing is held twice: a built item's id and name are read from its model value, and its
/// facts (`extra`) are left empty wherever the model value holds them.
#[derive(Debug)]
pub(crate) struct Item<T, X = ()> {
    /// Where it is in its list.
    pub(crate) index: usize,
    /// Its id (or number), when readable and not its model value's.
    id_text: Option<String>,
    /// A name to show in issues about it, when not its model value's.
    name_text: Option<String>,
    /// The model value, when the item was read without a problem (boxed: a list of bad items
    /// then costs a pointer each, not a model value each).
    pub(crate) built: Option<Box<T>>,
    /// What the checks across sections need.
    pub(crate) extra: X,
}

impl<T: Model, X> Item<T, X> {
    /// An item read without a problem.
    pub(crate) fn built(index: usize, value: T, extra: X) -> Item<T, X> {
        Item {
            index,
            id_text: None,
            name_text: None,
            built: Some(Box::new(value)),
            extra,
        }
    }

    /// An item that could not be built, with its id and name as far as they were read.
    pub(crate) fn unbuilt(
        index: usize,
        id: Option<String>,
        name: Option<String>,
        extra: X,
    ) -> Item<T, X> {
        Item {
            index,
            id_text: id,
            name_text: name,
            built: None,
            extra,
        }
    }

    /// The same item with this id (for items whose id is not text in the model: numbers).
    pub(crate) fn with_id(mut self, id: Option<String>) -> Item<T, X> {
        self.id_text = id;
        self
    }

    /// Its id, when readable.
    pub(crate) fn id(&self) -> Option<&str> {
        self.id_text
            .as_deref()
            .or_else(|| self.built.as_deref().and_then(T::model_id))
    }

    /// A name to show in issues about it.
    pub(crate) fn name(&self) -> Option<&str> {
        self.name_text
            .as_deref()
            .or_else(|| self.built.as_deref().and_then(T::model_name))
    }
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

/// Keeps an item read from a list, holding no more than the rest of validation needs: an item
/// that is not built and has nothing left to check is not kept at all. A document of a million
/// bad items thus costs its issues (at most the report's limit), not a million drafts. (Once an
/// error has been recorded no convention will be built, but the model values already read are
/// kept: they hold the facts of their items, and no more memory than a valid document's.)
pub(crate) fn keep<T: Model, X: Facts>(items: &mut Vec<Item<T, X>>, item: Item<T, X>) {
    if item.built.is_none() && item.id().is_none() && item.extra.is_empty() {
        return;
    }
    items.push(item);
}
