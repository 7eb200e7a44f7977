//! Assessments: what an organisation answered, in the shared JSON format that
//! Rust, Python and the browser all read and write.

use std::collections::{BTreeMap, BTreeSet};

use serde::{Deserialize, Serialize};

use crate::error::{AssessmentError, nearest};
use crate::framework::{AuditFramework, ChecklistFramework, Item, NotApplicablePolicy, Scale};
use crate::json::unique_map;
use crate::pointer;

/// Who was assessed, by whom and when; echoed in every report.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct Context {
    /// The organisation assessed.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub organisation: Option<String>,
    /// The business unit, country or team within it.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub unit: Option<String>,
    /// Who made the assessment.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub assessor: Option<String>,
    /// When, as `YYYY-MM-DD`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub date: Option<String>,
}

impl Context {
    /// `true` when no field is set; such a context is left out of the JSON.
    pub fn is_empty(&self) -> bool {
        *self == Context::default()
    }

    /// Checks the date, if any, is a real calendar date.
    ///
    /// # Errors
    /// [`AssessmentError::InvalidDate`].
    pub fn validate(&self) -> Result<(), AssessmentError> {
        match &self.date {
            Some(date) if !is_calendar_date(date) => Err(AssessmentError::InvalidDate {
                path: "/context/date".to_owned(),
                value: date.clone(),
            }),
            _ => Ok(()),
        }
    }
}

/// An action-audit assessment: a score per item, with optional evidence.
///
/// Items without a score are "unscored": they add 0 and are counted in the
/// report, unless strict mode is asked for.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
#[non_exhaustive]
pub struct AuditAssessment {
    /// The framework's id, e.g. `cranfield-kam-development`.
    pub framework: String,
    /// The framework version the scores were given against.
    pub framework_version: String,
    /// Who, by whom, when.
    #[serde(default, skip_serializing_if = "Context::is_empty")]
    pub context: Context,
    /// Score per item id, on the framework's scale.
    #[serde(default, deserialize_with = "unique_map::scores")]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, u8>"))]
    pub scores: BTreeMap<String, u8>,
    /// Free-text evidence per item id.
    #[serde(
        default,
        skip_serializing_if = "BTreeMap::is_empty",
        deserialize_with = "unique_map::deserialize"
    )]
    #[cfg_attr(feature = "schema", schemars(with = "BTreeMap<String, String>"))]
    pub evidence: BTreeMap<String, String>,
    /// Items answered "not applicable", where the framework allows it.
    #[serde(default, skip_serializing_if = "BTreeSet::is_empty")]
    pub not_applicable: BTreeSet<String>,
}

impl AuditAssessment {
    /// An empty assessment of `framework`: every item unscored.
    pub fn new(framework: &AuditFramework) -> Self {
        Self::empty(&framework.id, &framework.version)
    }

    /// An empty assessment naming framework `id` at `version`.
    fn empty(id: &str, version: &str) -> Self {
        AuditAssessment {
            framework: id.to_owned(),
            framework_version: version.to_owned(),
            context: Context::default(),
            scores: BTreeMap::new(),
            evidence: BTreeMap::new(),
            not_applicable: BTreeSet::new(),
        }
    }

    /// An empty assessment of the checklist `framework`: every item unscored.
    /// Checklists are assessed in the same format as action audits.
    pub fn for_checklist(framework: &ChecklistFramework) -> Self {
        Self::empty(&framework.id, &framework.version)
    }

    /// Checks the assessment fits `framework`: same id and version, known
    /// items, scores on the scale, and "not applicable" only where allowed.
    ///
    /// # Errors
    /// The first [`AssessmentError`] found, naming the item and value.
    pub fn validate(&self, framework: &AuditFramework) -> Result<(), AssessmentError> {
        self.validate_against(&AnswerSheet::of(framework))
    }

    /// Checks the assessment fits what `sheet` describes (see [`Self::validate`]);
    /// a sheet built once checks many assessments against one framework.
    ///
    /// # Errors
    /// The first [`AssessmentError`] found, naming the item and value.
    pub(crate) fn validate_against(&self, sheet: &AnswerSheet) -> Result<(), AssessmentError> {
        let framework = sheet;
        check_framework(
            (framework.id, framework.version),
            (&self.framework, &self.framework_version),
        )?;
        self.context.validate()?;
        let known = &framework.items;
        let unknown = |path: String, item: &str| AssessmentError::UnknownItem {
            item: item.to_owned(),
            path,
            suggestion: nearest(item, known.ids()),
        };
        let scale = framework.scale;
        let mut walk = known.walk();
        for (item, &score) in &self.scores {
            let path = || format!("/scores/{}", pointer::key(item));
            if walk.find(item).is_none() {
                return Err(unknown(path(), item));
            }
            if score < scale.min || score > scale.max {
                return Err(AssessmentError::ScoreOutOfRange {
                    item: item.clone(),
                    score,
                    min: scale.min,
                    max: scale.max,
                    path: path(),
                });
            }
        }
        let mut walk = known.walk();
        if let Some(item) = self.evidence.keys().find(|k| walk.find(k).is_none()) {
            return Err(unknown(format!("/evidence/{}", pointer::key(item)), item));
        }
        // A set has no order of its own to point into: the list is named.
        let marks = || "/not_applicable".to_owned();
        let mut walk = known.walk();
        for item in &self.not_applicable {
            if walk.find(item).is_none() {
                return Err(unknown(marks(), item));
            }
            if !framework.not_applicable.allowed {
                return Err(AssessmentError::NotApplicableNotAllowed {
                    item: item.clone(),
                    reason: framework.not_applicable.reason.clone().unwrap_or_default(),
                    path: marks(),
                });
            }
            if self.scores.contains_key(item) {
                return Err(AssessmentError::ScoredAndNotApplicable {
                    item: item.clone(),
                    path: marks(),
                });
            }
        }
        Ok(())
    }

    /// The items of `framework` with neither a score nor a "not applicable"
    /// mark, in framework order.
    pub fn unscored<'a>(&self, framework: &'a AuditFramework) -> Vec<&'a str> {
        framework
            .items
            .iter()
            .filter(|i| !self.scores.contains_key(&i.id) && !self.not_applicable.contains(&i.id))
            .map(|i| i.id.as_str())
            .collect()
    }
}

/// What an assessment is checked against: a framework's id and version, its
/// item ids, its scale and its not-applicable policy (an action audit and a
/// checklist are assessed in the same format).
pub(crate) struct AnswerSheet<'a> {
    pub(crate) id: &'a str,
    pub(crate) version: &'a str,
    pub(crate) items: ItemIds<'a>,
    pub(crate) scale: &'a Scale,
    pub(crate) not_applicable: &'a NotApplicablePolicy,
}

impl<'a> AnswerSheet<'a> {
    /// The sheet of an action audit: its items in development-path order.
    pub(crate) fn of(framework: &'a AuditFramework) -> Self {
        Self::with_ids(framework, ItemIds::new(framework))
    }

    /// The sheet of an action audit whose item ids, in development-path
    /// order, are already at hand.
    pub(crate) fn with_ids(framework: &'a AuditFramework, items: ItemIds<'a>) -> Self {
        AnswerSheet {
            id: &framework.id,
            version: &framework.version,
            items,
            scale: &framework.scale,
            not_applicable: &framework.not_applicable,
        }
    }
}

/// A framework's items in development-path order: periods in path order,
/// file order within a period, as every report lists items.
pub(crate) fn path_items(framework: &AuditFramework) -> impl Iterator<Item = &Item> {
    framework.path().flat_map(move |step| {
        framework
            .items
            .iter()
            .filter(move |i| i.period == step.period.id)
    })
}

/// A framework's item ids, sorted, each with the item's place in
/// development-path order (periods in path order, file order within a
/// period). An assessment's maps are sorted by id too, so checking or
/// reading one against the framework is a single walk of both lists.
pub(crate) struct ItemIds<'f>(Vec<(&'f str, usize)>);

impl<'f> ItemIds<'f> {
    pub(crate) fn new(framework: &'f AuditFramework) -> Self {
        path_items(framework).map(|item| item.id.as_str()).collect()
    }

    /// The ids, in id order (to suggest the nearest to a misspelt one).
    pub(crate) fn ids(&self) -> impl Iterator<Item = &'f str> + '_ {
        self.0.iter().map(|&(id, _)| id)
    }

    /// A walk over the ids, for looking up ids in increasing order.
    fn walk(&self) -> Walk<'_, 'f> {
        Walk {
            ids: &self.0,
            at: 0,
        }
    }

    /// The place of `id`: the last one, if it was given twice (as a map
    /// collected from the same ids would keep).
    pub(crate) fn place_of(&self, id: &str) -> Option<usize> {
        // Equal ids stay in place order (`from_iter`), so the last of them
        // is the entry before the first id that sorts after `id`.
        let after = self.0.partition_point(|&(known, _)| known <= id);
        let &(known, place) = self.0.get(after.checked_sub(1)?)?;
        (known == id).then_some(place)
    }

    /// The path places of `ids`, given in increasing order (as a
    /// `BTreeSet`'s come); unknown ids are skipped.
    pub(crate) fn places<'i>(
        &self,
        ids: impl IntoIterator<Item = &'i str>,
    ) -> impl Iterator<Item = usize> {
        let mut walk = self.walk();
        ids.into_iter().filter_map(move |id| walk.find(id))
    }

    /// The scores in development-path order: `None` where unscored.
    pub(crate) fn in_path_order(&self, scores: &BTreeMap<String, u8>) -> Vec<Option<u8>> {
        let mut dense = vec![None; self.0.len()];
        let mut walk = self.walk();
        for (id, &score) in scores {
            if let Some(slot) = walk.find(id).and_then(|place| dense.get_mut(place)) {
                *slot = Some(score);
            }
        }
        dense
    }
}

/// Ids in the order given (their places), e.g. a checklist's items in
/// checklist order.
impl<'f> FromIterator<&'f str> for ItemIds<'f> {
    fn from_iter<I: IntoIterator<Item = &'f str>>(ids: I) -> Self {
        let mut ids: Vec<(&str, usize)> = ids
            .into_iter()
            .enumerate()
            .map(|(place, id)| (id, place))
            .collect();
        // By id; equal ids (in a framework not validated) stay in place order.
        crate::merge_sort::sort_by_key(&mut ids, |&(id, _)| id);
        ItemIds(ids)
    }
}

/// A cursor over sorted ids, moved forward by each lookup.
struct Walk<'i, 'f> {
    ids: &'i [(&'f str, usize)],
    at: usize,
}

impl Walk<'_, '_> {
    /// The path place of `id`, which must not sort before any id looked up
    /// already (as a `BTreeMap`'s keys come).
    fn find(&mut self, id: &str) -> Option<usize> {
        while let Some(&(known, place)) = self.ids.get(self.at) {
            match known.cmp(id) {
                std::cmp::Ordering::Less => self.at += 1,
                std::cmp::Ordering::Equal => return Some(place),
                std::cmp::Ordering::Greater => return None,
            }
        }
        None
    }
}

/// Checks an input names the framework (id, version) it is scored with.
///
/// # Errors
/// [`AssessmentError::FrameworkMismatch`] or [`AssessmentError::VersionMismatch`].
pub(crate) fn check_framework(
    (id, version): (&str, &str),
    (found_id, found_version): (&str, &str),
) -> Result<(), AssessmentError> {
    if found_id != id {
        return Err(AssessmentError::FrameworkMismatch {
            expected: id.to_owned(),
            found: found_id.to_owned(),
            path: "/framework".to_owned(),
        });
    }
    if found_version != version {
        return Err(AssessmentError::VersionMismatch {
            framework: id.to_owned(),
            expected: version.to_owned(),
            found: found_version.to_owned(),
            path: "/framework_version".to_owned(),
        });
    }
    Ok(())
}

/// `true` for a real Gregorian date written `YYYY-MM-DD`.
pub(crate) fn is_calendar_date(text: &str) -> bool {
    let bytes = text.as_bytes();
    let shape_ok = bytes.len() == 10
        && bytes.get(4) == Some(&b'-')
        && bytes.get(7) == Some(&b'-')
        && bytes
            .iter()
            .enumerate()
            .all(|(i, b)| i == 4 || i == 7 || b.is_ascii_digit());
    if !shape_ok {
        return false;
    }
    let number = |range: std::ops::Range<usize>| {
        text.get(range)
            .and_then(|s| s.parse::<u32>().ok())
            .unwrap_or(0)
    };
    let (year, month, day) = (number(0..4), number(5..7), number(8..10));
    let leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
    let days_in_month = match month {
        1 | 3 | 5 | 7 | 8 | 10 | 12 => 31,
        4 | 6 | 9 | 11 => 30,
        2 if leap => 29,
        2 => 28,
        _ => return false,
    };
    (1..=days_in_month).contains(&day)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn an_id_is_found_at_its_place_and_the_last_of_two_wins() {
        let ids: ItemIds = ["B1", "A2", "C3", "A2", "A1"].into_iter().collect();
        assert_eq!(ids.place_of("B1"), Some(0));
        assert_eq!(ids.place_of("A1"), Some(4));
        assert_eq!(ids.place_of("C3"), Some(2));
        // As a map collected from the same ids keeps the last value.
        let map: BTreeMap<&str, usize> = ["B1", "A2", "C3", "A2", "A1"]
            .into_iter()
            .enumerate()
            .map(|(place, id)| (id, place))
            .collect();
        assert_eq!(ids.place_of("A2"), map.get("A2").copied());
        assert_eq!(ids.place_of("A2"), Some(3));
        for missing in ["", "A", "A0", "A3", "B", "Z9"] {
            assert_eq!(ids.place_of(missing), None, "{missing}");
        }
        let none: ItemIds = std::iter::empty().collect();
        assert_eq!(none.place_of("A1"), None);
    }

    #[test]
    fn calendar_dates() {
        for ok in ["2024-02-29", "2000-02-29", "2026-12-31", "1999-01-01"] {
            assert!(is_calendar_date(ok), "{ok}");
        }
        for bad in [
            "2023-02-29",
            "1900-02-29",
            "2026-13-01",
            "2026-00-10",
            "2026-04-31",
            "2026-4-1",
            "26-04-01",
            "2026/04/01",
            "",
            "2026-04-01T00:00",
            "２０２６-04-01",
        ] {
            assert!(!is_calendar_date(bad), "{bad}");
        }
    }
}
