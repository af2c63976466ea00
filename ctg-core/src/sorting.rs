//! Sorting, with one copy of the sorting code in the WebAssembly module.
//!
//! Each element type sorted with the standard library's `sort_by` brings its own copy of the
//! sorting code (several KB each): fine natively, too much for the WebAssembly module's size
//! budget. There, items are sorted through their indices — one `Vec<usize>` sorted with one
//! comparator type, so one copy of the code — and then moved into place; natively the standard
//! library sorts them directly. Both are stable, so the result is the same.

use std::cmp::Ordering;

/// Sorts `items` stably by `compare`.
pub(crate) fn sort_by<T>(items: &mut [T], mut compare: impl FnMut(&T, &T) -> Ordering) {
    if cfg!(target_arch = "wasm32") {
        let order = by_index(
            items.len(),
            &mut |a, b| match (items.get(a), items.get(b)) {
                (Some(x), Some(y)) => compare(x, y),
                _ => Ordering::Equal,
            },
        );
        permute(items, &order);
    } else {
        items.sort_by(compare);
    }
}

/// Sorts `items` stably by `key`.
pub(crate) fn sort_by_key<T, K: Ord>(items: &mut [T], mut key: impl FnMut(&T) -> K) {
    sort_by(items, |a, b| key(a).cmp(&key(b)));
}

/// Sorts `items` stably.
pub(crate) fn sort<T: Ord>(items: &mut [T]) {
    sort_by(items, T::cmp);
}

/// The first 16 bytes of `bytes` as one big-endian number, zeros past its end: two texts whose
/// heads differ order as their numbers do, so short texts (identifiers, ids) compare by integer
/// comparisons instead of calls to `memcmp`. Equal heads leave the rest — the length, the bytes
/// past the 16th — to the caller.
pub(crate) fn head(bytes: &[u8]) -> u128 {
    // Byte by byte rather than through `copy_from_slice`, which WebAssembly leaves as a call.
    let taken = bytes.len().min(16);
    let number = bytes
        .iter()
        .take(16)
        .fold(0u128, |n, &b| (n << 8) | u128::from(b));
    // The zeros past the end; none to add (and no shift by 128) when the bytes are all zeros.
    number.checked_shl(8 * (16 - taken) as u32).unwrap_or(0)
}

/// The indices `0..n` in the order `compare` gives them (stable): the one sort of the module.
fn by_index(n: usize, compare: &mut dyn FnMut(usize, usize) -> Ordering) -> Vec<usize> {
    let mut order: Vec<usize> = (0..n).collect();
    order.sort_by(|&a, &b| compare(a, b));
    order
}

/// Moves the items into the order given: `order[i]` is the index, before, of the item that goes
/// to `i` (each index once). Swaps along the cycles of the permutation: an item that was already
/// moved away from `order[i]` is found by following the indices below `i`.
fn permute<T>(items: &mut [T], order: &[usize]) {
    for i in 0..items.len() {
        let mut j = order.get(i).copied().unwrap_or(i);
        while j < i {
            j = order.get(j).copied().unwrap_or(i);
        }
        items.swap(i, j);
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use proptest::prelude::*;

    proptest! {
        #[test]
        fn sorting_through_indices_is_the_stable_sort(items in prop::collection::vec((0u8..8, any::<u16>()), 0..200)) {
            let mut expected = items.clone();
            expected.sort_by_key(|&(k, _)| k);
            let mut ours = items.clone();
            let order = by_index(ours.len(), &mut |a, b| ours[a].0.cmp(&ours[b].0));
            permute(&mut ours, &order);
            prop_assert_eq!(ours, expected);
        }
    }
}
