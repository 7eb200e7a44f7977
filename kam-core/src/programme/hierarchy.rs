//! The units of a programme as a forest: each unit's parent, children and
//! depth, the order reports list them in, and each unit's subtree for the
//! roll-up.
//!
//! Nothing here recurses: a chain of 2,000 units one inside the next is as
//! safe as a flat list.

use std::collections::BTreeMap;

use super::document::Unit;
use crate::error::{AnalysisError, Error, ProgrammeError};

/// How many unit ids a message lists before saying how many more there are.
const LISTED: usize = 10;

/// The checked units of a programme.
#[derive(Debug, Clone)]
pub(crate) struct Hierarchy<'a> {
    units: &'a [Unit],
    index: BTreeMap<&'a str, usize>,
    parent: Vec<Option<usize>>,
    children: Vec<Vec<usize>>,
    depth: Vec<u32>,
    /// Unit indices depth first, top-level units and siblings in input
    /// order: the order of the report.
    order: Vec<usize>,
    /// Each unit's place in `order`; its subtree follows it there.
    place: Vec<usize>,
    /// Each unit's subtree size, itself included.
    size: Vec<usize>,
}

impl<'a> Hierarchy<'a> {
    /// Checks the units and lays them out.
    ///
    /// # Errors
    /// `empty-input` for no units, `missing-value` for an empty id,
    /// `duplicate-entry` for an id given twice, `unknown-unit` for a parent
    /// nobody defined, `unit-cycle` when parents lead round in a circle.
    pub(crate) fn new(units: &'a [Unit]) -> Result<Self, Error> {
        if units.is_empty() {
            return Err(AnalysisError::Empty {
                what: "units".to_owned(),
            }
            .into());
        }
        let mut index = BTreeMap::new();
        for (i, unit) in units.iter().enumerate() {
            if unit.id.trim().is_empty() {
                return Err(AnalysisError::Missing {
                    what: format!("the `id` of unit {}", i + 1),
                    why: "every unit needs an id for its assessments to name".to_owned(),
                }
                .into());
            }
            if index.insert(unit.id.as_str(), i).is_some() {
                return Err(AnalysisError::Duplicate {
                    what: "unit".to_owned(),
                    id: unit.id.clone(),
                }
                .into());
            }
        }
        let mut hierarchy = Hierarchy {
            units,
            index,
            parent: Vec::with_capacity(units.len()),
            children: vec![Vec::new(); units.len()],
            depth: vec![0; units.len()],
            order: Vec::with_capacity(units.len()),
            place: vec![0; units.len()],
            size: vec![1; units.len()],
        };
        for (i, unit) in units.iter().enumerate() {
            let parent = match &unit.parent {
                Some(id) => Some(hierarchy.find(id, &|| {
                    (
                        format!("the `parent` of unit `{}`", unit.id),
                        format!("/units/{i}/parent"),
                    )
                })?),
                None => None,
            };
            hierarchy.parent.push(parent);
        }
        hierarchy.check_cycles()?;
        hierarchy.lay_out();
        Ok(hierarchy)
    }

    /// The index of the unit with this id; `at` says where it is named, in
    /// words and as a JSON Pointer into the programme document.
    ///
    /// # Errors
    /// `unknown-unit`, listing the first units.
    pub(crate) fn find(
        &self,
        id: &str,
        at: &dyn Fn() -> (String, String),
    ) -> Result<usize, ProgrammeError> {
        self.index.get(id).copied().ok_or_else(|| {
            let (at, path) = at();
            ProgrammeError::UnknownUnit {
                unit: id.to_owned(),
                at,
                path,
                known: self.known(),
            }
        })
    }

    /// The first unit ids, in input order, for a message.
    fn known(&self) -> String {
        let mut ids: Vec<String> = self
            .units
            .iter()
            .take(LISTED)
            .map(|u| format!("`{}`", u.id))
            .collect();
        if self.units.len() > LISTED {
            ids.push(format!("and {} more", self.units.len() - LISTED));
        }
        ids.join(", ")
    }

    /// Follows each unit's parents once; a unit met again on its own chain
    /// closes a cycle. Every unit is visited a bounded number of times, as a
    /// chain stops at the first unit already known to be safe.
    fn check_cycles(&self) -> Result<(), ProgrammeError> {
        const NEW: u8 = 0;
        const ON_CHAIN: u8 = 1;
        const SAFE: u8 = 2;
        let mut state = vec![NEW; self.units.len()];
        for start in 0..self.units.len() {
            let mut chain = Vec::new();
            let mut at = Some(start);
            while let Some(unit) = at {
                match state.get(unit).copied() {
                    Some(NEW) => {
                        if let Some(s) = state.get_mut(unit) {
                            *s = ON_CHAIN;
                        }
                        chain.push(unit);
                        at = self.parent.get(unit).copied().flatten();
                    }
                    Some(ON_CHAIN) => return Err(self.cycle(&chain, unit)),
                    _ => break,
                }
            }
            for unit in chain {
                if let Some(s) = state.get_mut(unit) {
                    *s = SAFE;
                }
            }
        }
        Ok(())
    }

    /// The cycle that `repeated` closes on `chain`, in words: from the unit
    /// listed first in the programme round to it again.
    fn cycle(&self, chain: &[usize], repeated: usize) -> ProgrammeError {
        let from = chain.iter().position(|&u| u == repeated).unwrap_or(0);
        let mut cycle: Vec<usize> = chain.get(from..).unwrap_or_default().to_vec();
        // Start at the unit listed first, so the message does not depend on
        // where the search happened to enter the cycle.
        if let Some(first) = cycle
            .iter()
            .enumerate()
            .min_by_key(|(_, u)| **u)
            .map(|(i, _)| i)
        {
            cycle.rotate_left(first);
        }
        let mut names: Vec<String> = cycle.iter().map(|&u| self.quoted(u)).collect();
        if let Some(&first) = cycle.first() {
            names.push(self.quoted(first));
        }
        ProgrammeError::UnitCycle {
            cycle: names.join(" → "),
        }
    }

    fn quoted(&self, unit: usize) -> String {
        self.units
            .get(unit)
            .map_or_else(String::new, |u| format!("`{}`", u.id))
    }

    /// Children, depths, the depth-first order and subtree sizes, without
    /// recursion: an explicit stack holds the units still to visit.
    fn lay_out(&mut self) {
        for (unit, parent) in self.parent.iter().enumerate() {
            if let Some(children) = parent.and_then(|p| self.children.get_mut(p)) {
                children.push(unit);
            }
        }
        let roots = (0..self.units.len()).filter(|&u| self.parent.get(u) == Some(&None));
        let mut stack: Vec<(usize, u32)> = roots.rev().map(|u| (u, 0)).collect();
        while let Some((unit, depth)) = stack.pop() {
            if let Some(d) = self.depth.get_mut(unit) {
                *d = depth;
            }
            if let Some(p) = self.place.get_mut(unit) {
                *p = self.order.len();
            }
            self.order.push(unit);
            if let Some(children) = self.children.get(unit) {
                stack.extend(children.iter().rev().map(|&c| (c, depth + 1)));
            }
        }
        // Children follow their parent in `order`, so walking it backwards
        // adds each subtree to its parent after the subtree is complete.
        for &unit in self.order.iter().rev() {
            let size = self.size.get(unit).copied().unwrap_or(1);
            if let Some(parent) = self.parent.get(unit).copied().flatten()
                && let Some(s) = self.size.get_mut(parent)
            {
                *s += size;
            }
        }
    }

    /// The units, in input order.
    pub(crate) fn units(&self) -> &'a [Unit] {
        self.units
    }

    /// Unit indices in report order: depth first, siblings in input order.
    pub(crate) fn order(&self) -> &[usize] {
        &self.order
    }

    /// The unit's depth: 0 for a top-level unit.
    pub(crate) fn depth(&self, unit: usize) -> u32 {
        self.depth.get(unit).copied().unwrap_or(0)
    }

    /// The unit's parent, if any.
    pub(crate) fn parent(&self, unit: usize) -> Option<usize> {
        self.parent.get(unit).copied().flatten()
    }

    /// The unit's children, in input order.
    pub(crate) fn children(&self, unit: usize) -> &[usize] {
        self.children.get(unit).map_or(&[], Vec::as_slice)
    }

    /// The unit and every unit below it, in report order.
    pub(crate) fn subtree(&self, unit: usize) -> &[usize] {
        let from = self.place.get(unit).copied().unwrap_or(0);
        let size = self.size.get(unit).copied().unwrap_or(0);
        self.order.get(from..from + size).unwrap_or_default()
    }
}

#[cfg(test)]
mod tests {
    use proptest::prelude::*;

    use super::*;

    fn unit(id: &str, parent: Option<&str>) -> Unit {
        Unit {
            id: id.to_owned(),
            name: None,
            parent: parent.map(str::to_owned),
        }
    }

    fn ids(h: &Hierarchy, list: &[usize]) -> Vec<String> {
        list.iter().map(|&u| h.units()[u].id.clone()).collect()
    }

    #[test]
    fn regions_units_and_teams_are_laid_out_depth_first() {
        let units = [
            unit("team-a", Some("uk")),
            unit("europe", None),
            unit("uk", Some("europe")),
            unit("americas", None),
            unit("de", Some("europe")),
            unit("us", Some("americas")),
        ];
        let h = Hierarchy::new(&units).unwrap();
        assert_eq!(
            ids(&h, h.order()),
            ["europe", "uk", "team-a", "de", "americas", "us"]
        );
        assert_eq!(ids(&h, h.subtree(1)), ["europe", "uk", "team-a", "de"]);
        assert_eq!(ids(&h, h.subtree(2)), ["uk", "team-a"]);
        assert_eq!(ids(&h, h.subtree(0)), ["team-a"]);
        assert_eq!((h.depth(1), h.depth(2), h.depth(0)), (0, 1, 2));
        assert_eq!(ids(&h, h.children(1)), ["uk", "de"]);
        assert_eq!(h.parent(5), Some(3));
    }

    #[test]
    fn broken_hierarchies_are_named() {
        let err = |units: &[Unit]| Hierarchy::new(units).unwrap_err();
        assert_eq!(err(&[]).kind(), "empty-input");
        assert_eq!(
            err(&[unit("a", None), unit(" ", None)]).to_string(),
            "the `id` of unit 2 is missing; every unit needs an id for its assessments to name"
        );
        assert_eq!(
            err(&[unit("a", None), unit("a", None)]).to_string(),
            "unit `a` appears twice"
        );
        let e = err(&[unit("uk", Some("europe"))]);
        assert_eq!(e.kind(), "unknown-unit");
        assert_eq!(
            e.to_string(),
            "unknown unit `europe` in the `parent` of unit `uk`; the programme's units are `uk`"
        );
        let e = err(&[
            unit("x", None),
            unit("c", Some("a")),
            unit("a", Some("b")),
            unit("b", Some("c")),
        ]);
        assert_eq!(e.kind(), "unit-cycle");
        assert_eq!(
            e.to_string(),
            "units `c` → `a` → `b` → `c` form a cycle; a unit cannot be its own ancestor"
        );
        assert_eq!(
            err(&[unit("self", Some("self"))]).to_string(),
            "units `self` → `self` form a cycle; a unit cannot be its own ancestor"
        );
    }

    #[test]
    fn long_lists_of_units_are_cut_in_messages() {
        let mut units: Vec<Unit> = (0..12).map(|i| unit(&format!("u{i}"), None)).collect();
        units.push(unit("x", Some("nowhere")));
        let e = Hierarchy::new(&units).unwrap_err().to_string();
        assert!(e.ends_with("`u8`, `u9`, and 3 more"), "{e}");
    }

    #[test]
    fn a_long_chain_is_no_problem() {
        let mut units = vec![unit("u0", None)];
        for i in 1..2_000 {
            units.push(unit(&format!("u{i}"), Some(&format!("u{}", i - 1))));
        }
        let h = Hierarchy::new(&units).unwrap();
        assert_eq!(h.subtree(0).len(), 2_000);
        assert_eq!(h.depth(1_999), 1_999);
        units[0].parent = Some("u1999".to_owned());
        assert_eq!(Hierarchy::new(&units).unwrap_err().kind(), "unit-cycle");
    }

    proptest! {
        /// For any forest (each unit's parent an earlier unit, or none),
        /// the order lists every unit once, each after its parent, and each
        /// subtree holds exactly the unit and its descendants.
        #[test]
        fn subtrees_are_the_descendants(parents in prop::collection::vec(prop::option::of(0usize..40), 1..40)) {
            let units: Vec<Unit> = parents.iter().enumerate().map(|(i, p)| {
                let parent = p.filter(|&p| p < i).map(|p| format!("u{p}"));
                unit(&format!("u{i}"), parent.as_deref())
            }).collect();
            let h = Hierarchy::new(&units).unwrap();
            let mut seen = h.order().to_vec();
            seen.sort_unstable();
            prop_assert_eq!(seen, (0..units.len()).collect::<Vec<_>>());
            for u in 0..units.len() {
                let mut below: Vec<usize> = (0..units.len()).filter(|&v| {
                    let mut at = Some(v);
                    while let Some(x) = at { if x == u { return true; } at = h.parent(x); }
                    false
                }).collect();
                let mut sub = h.subtree(u).to_vec();
                below.sort_unstable();
                sub.sort_unstable();
                prop_assert_eq!(sub, below);
            }
        }
    }
}
