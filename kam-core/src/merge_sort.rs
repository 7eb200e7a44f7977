//! A stable sort for the engine's short lists (a framework's items, its
//! milestones, its ids), with a fraction of the standard library's code.
//!
//! `slice::sort` is fast on every input, and its code (a merge of runs, a
//! quicksort, small-sort networks) is compiled again for every element type
//! it sorts: about 4 KB of WebAssembly each. With the sorts inside
//! `BTreeMap`'s and `BTreeSet`'s `collect`, the engine no longer carries
//! any, which saved 9.5 KB of its 250 KB budget, gzipped
//! (docs/performance.md). A plain bottom-up merge
//! sort is a few hundred bytes a type, and fast enough for the lists here:
//! at most [`crate::framework::MAX_ITEMS`] entries, sorted once per
//! framework in `n log n` steps and two copies of the list.

/// Sorts `list` by `key`, keeping entries with equal keys in their order
/// (as `slice::sort_by_key` does).
pub(crate) fn sort_by_key<T: Copy, K: Ord>(list: &mut [T], key: impl Fn(&T) -> K) {
    let mut from = list.to_vec();
    let mut to = from.clone();
    let mut width = 1;
    while width < list.len() {
        for (pair, out) in from.chunks(2 * width).zip(to.chunks_mut(2 * width)) {
            let (left, right) = pair.split_at(width.min(pair.len()));
            merge(left, right, out, &key);
        }
        std::mem::swap(&mut from, &mut to);
        width *= 2;
    }
    list.copy_from_slice(&from);
}

/// Merges the sorted `left` and `right` into `out`; on equal keys, `left`'s
/// entry comes first, which keeps the sort stable.
fn merge<T: Copy, K: Ord>(left: &[T], right: &[T], out: &mut [T], key: &impl Fn(&T) -> K) {
    let (mut left, mut right) = (left.iter().peekable(), right.iter().peekable());
    for slot in out {
        let from_right = match (left.peek(), right.peek()) {
            (Some(l), Some(r)) => key(r) < key(l),
            (None, _) => true,
            (Some(_), None) => false,
        };
        let next = if from_right {
            right.next()
        } else {
            left.next()
        };
        if let Some(&entry) = next {
            *slot = entry;
        }
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    proptest! {
        /// The same order as the standard library's stable sort, on lists
        /// with many equal keys (so stability shows).
        #[test]
        fn sorts_as_the_standard_stable_sort(list in proptest::collection::vec((0u8..8, any::<u16>()), 0..300)) {
            let mut ours = list.clone();
            super::sort_by_key(&mut ours, |&(key, _)| key);
            let mut standard = list;
            standard.sort_by_key(|&(key, _)| key);
            prop_assert_eq!(ours, standard);
        }
    }
}
