//! What scoring works out about a framework before it looks at any answer:
//! where each item sits on the path and in the streams, its id in sorted
//! order, and the names a report repeats. A bundled framework's layout is
//! worked out once, on first use; scoring then does no string lookups and
//! copies no names (docs/performance.md).

use std::ops::Range;
use std::sync::OnceLock;

use super::report::{ItemStatus, MilestoneMark};
use crate::assessment::{AnswerSheet, ItemIds};
use crate::framework::{AuditFramework, Item, PathStep};
use crate::text::Text;

/// An item with its places: its step on the path and its contributory
/// stream, as positions rather than ids.
#[derive(Debug, Clone, Copy)]
pub(crate) struct Placed<'f> {
    pub(crate) item: &'f Item,
    /// Index of the item's period on the path.
    pub(crate) step: usize,
    /// Index of its contributory stream in [`Names::contributory`]; `None`
    /// for a stream the framework does not declare (a framework built by
    /// hand and never validated), which then counts in no stream.
    pub(crate) slot: Option<usize>,
}

/// The order of a framework: its path, its items in development-path order
/// (periods in path order, file order within a period) and their sorted ids.
pub(crate) struct Order<'f> {
    pub(crate) framework: &'f AuditFramework,
    pub(crate) path: Vec<PathStep<'f>>,
    /// Items whose period is on the path, in development-path order; an item
    /// of an unknown period counts nowhere.
    pub(crate) items: Vec<Placed<'f>>,
    /// What an assessment is checked against, its ids placed as `items`.
    pub(crate) answers: AnswerSheet<'f>,
}

impl<'f> Order<'f> {
    pub(crate) fn new(framework: &'f AuditFramework) -> Self {
        let path: Vec<PathStep<'f>> = framework.path().collect();
        // Sorted id lists rather than maps: the engine already carries their
        // sort (see `crate::merge_sort`), and a map collected from an
        // iterator would bring a sort of its own.
        let step_of: ItemIds<'f> = path.iter().map(|s| s.period.id.as_str()).collect();
        let slot_of: ItemIds<'f> = framework
            .streams
            .iter()
            .flat_map(|s| &s.contributory)
            .map(|c| c.id.as_str())
            .collect();
        let mut items: Vec<Placed<'f>> = framework
            .items
            .iter()
            .filter_map(|item| {
                Some(Placed {
                    item,
                    step: step_of.place_of(&item.period)?,
                    slot: slot_of.place_of(&item.stream),
                })
            })
            .collect();
        // Stable: items keep their file order within a period.
        crate::merge_sort::sort_by_key(&mut items, |p| p.step);
        let ids: ItemIds<'f> = items.iter().map(|p| p.item.id.as_str()).collect();
        Order {
            framework,
            path,
            items,
            answers: AnswerSheet::with_ids(framework, ids),
        }
    }
}

/// The names and ids a report repeats, as [`Text`], by position: a report
/// clones them instead of copying characters.
pub(crate) struct Names {
    /// Id and name of each phase, in framework order.
    pub(crate) phases: Vec<(Text, Text)>,
    /// Id and name of each period, in path order.
    pub(crate) periods: Vec<(Text, Text)>,
    /// Id, name and contributory slots of each stream, in framework order.
    pub(crate) streams: Vec<(Text, Text, Range<usize>)>,
    /// Id and name of each contributory stream, stream by stream.
    pub(crate) contributory: Vec<(Text, Text)>,
    /// Each milestone with the step it follows, in path order (file order
    /// after one period); `at` is filled in per report.
    pub(crate) milestones: Vec<(usize, MilestoneMark)>,
    /// Each item's status with no score, as [`Order::items`] lists them.
    pub(crate) items: Vec<ItemStatus>,
}

impl Names {
    /// The names of `order`'s framework, each made by `text`: a pointer
    /// copy for a framework that is never freed, a shared copy otherwise.
    fn new<'f>(order: &Order<'f>, text: impl Fn(&'f str) -> Text) -> Self {
        let framework = order.framework;
        let pair = |id: &'f String, name: &'f String| (text(id), text(name));
        let mut slots = 0;
        let streams = framework
            .streams
            .iter()
            .map(|s| {
                let start = slots;
                slots += s.contributory.len();
                (text(&s.id), text(&s.name), start..slots)
            })
            .collect();
        let milestones = order
            .path
            .iter()
            .enumerate()
            .flat_map(|(step, s)| {
                framework
                    .milestones_after(&s.period.id)
                    .map(move |m| (step, s, m))
            })
            .map(|(step, s, m)| {
                let mark = MilestoneMark {
                    id: text(&m.id),
                    name: text(&m.name),
                    after: text(&s.period.id),
                    number: s.period.number,
                    at: 0,
                    provenance: m.provenance,
                };
                (step, mark)
            })
            .collect();
        Names {
            phases: framework
                .phases
                .iter()
                .map(|p| pair(&p.id, &p.name))
                .collect(),
            periods: order
                .path
                .iter()
                .map(|s| pair(&s.period.id, &s.period.name))
                .collect(),
            streams,
            contributory: framework
                .streams
                .iter()
                .flat_map(|s| &s.contributory)
                .map(|c| pair(&c.id, &c.name))
                .collect(),
            milestones,
            items: order
                .items
                .iter()
                .map(|p| ItemStatus {
                    id: text(&p.item.id),
                    period: text(&p.item.period),
                    stream: text(&p.item.stream),
                    text: text(&p.item.text),
                    score: None,
                })
                .collect(),
        }
    }
}

/// A framework's [`Order`] and [`Names`]: all a report needs of it.
pub(crate) struct Layout<'f> {
    pub(crate) order: Order<'f>,
    pub(crate) names: Names,
}

impl<'f> Layout<'f> {
    /// The layout of any framework, its names shared by reference count.
    pub(crate) fn new(framework: &'f AuditFramework) -> Self {
        let order = Order::new(framework);
        let names = Names::new(&order, Text::from);
        Layout { order, names }
    }
}

impl Layout<'static> {
    /// The layout of a framework that is never freed: its names are
    /// pointers into it, so cloning one is a copy, and threads scoring
    /// against it share no reference counts.
    fn pinned(framework: &'static AuditFramework) -> Self {
        let order = Order::new(framework);
        let names = Names::new(&order, Text::from_static);
        Layout { order, names }
    }

    /// The layout of `framework` if it is one of the bundled frameworks (the
    /// very same data, not an equal copy), worked out on first use.
    pub(crate) fn bundled(framework: &AuditFramework) -> Option<&'static Self> {
        static BUNDLED: OnceLock<Vec<Layout<'static>>> = OnceLock::new();
        BUNDLED
            .get_or_init(|| {
                crate::framework::builtin()
                    .unwrap_or_default()
                    .iter()
                    .filter_map(|f| f.as_audit().ok())
                    .map(Layout::pinned)
                    .collect()
            })
            .iter()
            .find(|layout| std::ptr::eq(layout.order.framework, framework))
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::builtin_audit;

    #[test]
    fn a_bundled_framework_is_laid_out_once_and_a_copy_is_not_bundled() {
        let cranfield = builtin_audit("cranfield-kam-development").unwrap();
        let layout = Layout::bundled(cranfield).unwrap();
        assert!(std::ptr::eq(layout, Layout::bundled(cranfield).unwrap()));
        assert_eq!(layout.order.items.len(), 129);
        assert_eq!(layout.names.items.len(), 129);
        assert!(Layout::bundled(&cranfield.clone()).is_none());
    }

    #[test]
    fn names_follow_the_order_of_the_path_and_streams() {
        let cranfield = builtin_audit("cranfield-kam-development").unwrap();
        let layout = Layout::new(cranfield);
        for (placed, status) in layout.order.items.iter().zip(&layout.names.items) {
            assert_eq!(status.id, placed.item.id);
            let (period, _) = &layout.names.periods[placed.step];
            assert_eq!(*period, placed.item.period);
            let (stream, _) = &layout.names.contributory[placed.slot.unwrap()];
            assert_eq!(*stream, placed.item.stream);
        }
        let last = layout.names.streams.last().unwrap();
        assert_eq!(last.2.end, layout.names.contributory.len());
    }
}
