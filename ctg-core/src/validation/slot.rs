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
    /// Its id, when readable and not its model value's.
    id_text: Option<String>,
    /// Its number, when its id is one (an action sheet's, an amendment's).
    number: Option<u32>,
    /// A name to show in issues about it, when not its model value's.
    name_text: Option<String>,
    /// The model value, when the item was read without a problem.
    pub(crate) built: Option<T>,
    /// What the checks across sections need.
    pub(crate) extra: X,
}

impl<T: Model, X> Item<T, X> {
    /// An item read without a problem.
    pub(crate) fn built(index: usize, value: T, extra: X) -> Item<T, X> {
        Item {
            index,
            id_text: None,
            number: None,
            name_text: None,
            built: Some(value),
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
            number: None,
            name_text: name,
            built: None,
            extra,
        }
    }

    /// The same item whose id is this number (an action sheet's, an amendment's).
    pub(crate) fn with_number(mut self, number: Option<u32>) -> Item<T, X> {
        self.number = number;
        self
    }

    /// Whether it has an id (a text or a number).
    fn has_id(&self) -> bool {
        self.id_text.is_some()
            || self.number.is_some()
            || self.built.as_ref().and_then(T::model_id).is_some()
    }
}

/// An item kept in a [`List`]: its model value, when built, is among the list's values.
#[derive(Debug)]
struct Kept<X> {
    index: usize,
    /// Its number, when its id is one.
    number: Option<u32>,
    /// Its id and name as texts, when they are not its model value's (boxed: most items have
    /// none to keep).
    texts: Option<Box<(Option<String>, Option<String>)>>,
    built: bool,
    extra: X,
}

/// The items of a list as read. The model values of the built ones are held apart, in order, so
/// that a list of bad items costs no model values, and a list of good ones becomes the model's
/// list as it is (no value is moved twice).
#[derive(Debug)]
pub(crate) struct List<T, X = ()> {
    kept: Vec<Kept<X>>,
    values: Vec<T>,
}

impl<T, X> Default for List<T, X> {
    fn default() -> List<T, X> {
        List {
            kept: Vec::new(),
            values: Vec::new(),
        }
    }
}

/// An item of a [`List`], as the checks across sections see it.
#[derive(Debug)]
pub(crate) struct ItemRef<'l, T, X> {
    /// Where it is in its list.
    pub(crate) index: usize,
    /// The model value, when the item was read without a problem.
    pub(crate) built: Option<&'l T>,
    /// What the checks across sections need.
    pub(crate) extra: &'l X,
    number: Option<u32>,
    id_text: Option<&'l str>,
    name_text: Option<&'l str>,
}

impl<T, X> Clone for ItemRef<'_, T, X> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T, X> Copy for ItemRef<'_, T, X> {}

impl<'l, T: Model, X> ItemRef<'l, T, X> {
    /// Its id as text, when readable (see [`ItemRef::number`] for items numbered).
    pub(crate) fn id(&self) -> Option<&'l str> {
        self.id_text.or_else(|| self.built.and_then(T::model_id))
    }

    /// Its number, when its id is one (an action sheet's, an amendment's).
    pub(crate) fn number(&self) -> Option<u32> {
        self.number
    }

    /// A name to show in issues about it.
    pub(crate) fn name(&self) -> Option<&'l str> {
        self.name_text
            .or_else(|| self.built.and_then(T::model_name))
    }
}

impl<T: Model, X: Facts> List<T, X> {
    /// Keeps an item read from the list, holding no more than the rest of validation needs: an
    /// item that is not built and has nothing left to check is not kept at all. A document of a
    /// million bad items thus costs its issues (at most the report's limit), not a million
    /// drafts. (Once an error has been recorded no convention will be built, but the model
    /// values already read are kept: they hold the facts of their items, and no more memory
    /// than a valid document's.)
    pub(crate) fn keep(&mut self, item: Item<T, X>) {
        if item.built.is_none() && !item.has_id() && item.extra.is_empty() {
            return;
        }
        let built = item.built.is_some();
        if let Some(value) = item.built {
            self.values.push(value);
        }
        let texts = (item.id_text.is_some() || item.name_text.is_some())
            .then(|| Box::new((item.id_text, item.name_text)));
        self.kept.push(Kept {
            index: item.index,
            number: item.number,
            texts,
            built,
            extra: item.extra,
        });
    }
}

impl<T, X> List<T, X> {
    /// The items kept, in order.
    pub(crate) fn iter(&self) -> impl Iterator<Item = ItemRef<'_, T, X>> {
        let mut values = self.values.iter();
        self.kept.iter().map(move |kept| {
            let (id_text, name_text) = kept
                .texts
                .as_deref()
                .map_or((None, None), |(id, name)| (id.as_deref(), name.as_deref()));
            ItemRef {
                index: kept.index,
                built: if kept.built { values.next() } else { None },
                extra: &kept.extra,
                number: kept.number,
                id_text,
                name_text,
            }
        })
    }

    /// Whether no item was kept.
    pub(crate) fn is_empty(&self) -> bool {
        self.kept.is_empty()
    }

    /// The model values, when every item kept was built.
    pub(crate) fn into_built(self) -> Option<Vec<T>> {
        self.kept
            .iter()
            .all(|kept| kept.built)
            .then_some(self.values)
    }
}

/// A list of references (or words) as read: the values read, in order, and the indices of the
/// items that could not be read. A complete one becomes the model's list as it is.
#[derive(Debug)]
pub(crate) struct Listed<T> {
    values: Vec<T>,
    missing: Vec<usize>,
}

impl<T> Default for Listed<T> {
    fn default() -> Listed<T> {
        Listed {
            values: Vec::new(),
            missing: Vec::new(),
        }
    }
}

impl<T> Listed<T> {
    /// Records the next item of the list: its value, or `None` when it could not be read.
    pub(crate) fn push(&mut self, index: usize, value: Option<T>) {
        match value {
            Some(value) => self.values.push(value),
            None => self.missing.push(index),
        }
    }

    /// Whether every item was read.
    pub(crate) fn is_complete(&self) -> bool {
        self.missing.is_empty()
    }

    /// The values read (all of them when the list is complete).
    pub(crate) fn into_values(self) -> Vec<T> {
        self.values
    }

    /// The values read, with their index in the list.
    pub(crate) fn iter(&self) -> impl Iterator<Item = (usize, &T)> {
        let mut missing = self.missing.iter().peekable();
        let mut index = 0;
        self.values.iter().map(move |value| {
            while missing.next_if(|&&m| m == index).is_some() {
                index += 1;
            }
            index += 1;
            (index - 1, value)
        })
    }
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

impl<T> Facts for Listed<T> {
    /// Nothing to check when no value was read.
    fn is_empty(&self) -> bool {
        self.values.is_empty()
    }
}

impl<T> Facts for Option<T> {
    fn is_empty(&self) -> bool {
        self.is_none()
    }
}

/// A number's decimal digits, on the stack: an item's number as the text of its id, without
/// allocating.
pub(crate) struct NumberText {
    digits: [u8; 10],
    start: usize,
}

impl NumberText {
    pub(crate) fn new(n: u32) -> NumberText {
        let mut digits = [b'0'; 10];
        let mut start = digits.len();
        let mut rest = n;
        loop {
            start -= 1;
            if let Some(digit) = digits.get_mut(start) {
                *digit = b'0' + (rest % 10) as u8;
            }
            rest /= 10;
            if rest == 0 || start == 0 {
                break;
            }
        }
        NumberText { digits, start }
    }

    pub(crate) fn as_str(&self) -> &str {
        self.digits
            .get(self.start..)
            .and_then(|d| std::str::from_utf8(d).ok())
            .unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn listed_values_keep_their_index() {
        let mut listed = Listed::default();
        for (i, value) in [None, Some('a'), None, None, Some('b'), Some('c'), None]
            .into_iter()
            .enumerate()
        {
            listed.push(i, value);
        }
        let read: Vec<(usize, char)> = listed.iter().map(|(i, v)| (i, *v)).collect();
        assert_eq!(read, [(1, 'a'), (4, 'b'), (5, 'c')]);
        assert!(!listed.is_complete());
        assert_eq!(listed.into_values(), ['a', 'b', 'c']);
    }

    #[test]
    fn numbers_as_text() {
        for n in [0, 1, 9, 10, 42, 999, 1000, 123_456, u32::MAX] {
            assert_eq!(NumberText::new(n).as_str(), n.to_string());
        }
    }
}
