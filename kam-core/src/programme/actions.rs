//! The next actions that matter most across the programme.
//!
//! Rule (kam's): every audited unit's latest merged audit lists its next
//! actions, the items below the top of the scale in development-path order
//! (as many as the options ask for, 10 by default): what the paper's path
//! says that unit should finish next. An action matters more the more units
//! list it; of actions listed by as many units, the earlier on the path
//! comes first, as the paper's periods follow on from each other. The first
//! five are the programme's next actions.

use std::collections::BTreeMap;

use super::result::ProgrammeAction;
use crate::assessment::path_items;
use crate::framework::AuditFramework;
use crate::scoring::ItemStatus;

/// How many actions the programme lists.
pub const PROGRAMME_ACTIONS: usize = 5;

type Wanted<'a> = (&'a ItemStatus, Vec<String>, u32);

/// Ranks the actions of `units`: each unit's id and its next actions.
pub(crate) fn programme_actions(
    framework: &AuditFramework,
    units: &[(&str, &[ItemStatus])],
) -> Vec<ProgrammeAction> {
    let order: BTreeMap<&str, usize> = path_items(framework)
        .enumerate()
        .map(|(n, item)| (item.id.as_str(), n))
        .collect();
    // Per item: its status in the first unit listing it, the units, and
    // the sum of their scores.
    let mut wanted: BTreeMap<&str, Wanted> = BTreeMap::new();
    for &(unit, actions) in units {
        for action in actions {
            let entry = wanted
                .entry(action.id.as_str())
                .or_insert_with(|| (action, Vec::new(), 0));
            entry.1.push(unit.to_owned());
            entry.2 += u32::from(action.score.unwrap_or(0));
        }
    }
    let mut ranked: Vec<(&str, Wanted)> = wanted.into_iter().collect();
    ranked.sort_by_key(|(id, (_, units, _))| {
        (
            std::cmp::Reverse(units.len()),
            order.get(id).copied().unwrap_or(usize::MAX),
        )
    });
    ranked
        .into_iter()
        .take(PROGRAMME_ACTIONS)
        .map(|(_, (item, units, sum))| ProgrammeAction {
            id: item.id.to_string(),
            period: item.period.to_string(),
            stream: item.stream.to_string(),
            text: item.text.to_string(),
            mean_score: f64::from(sum) / f64::from(super::count(units.len())),
            units,
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::framework::builtin_audit;

    fn status(id: &str, score: Option<u8>) -> ItemStatus {
        let f = builtin_audit("cranfield-kam-development").unwrap();
        let item = f.item(id).unwrap();
        ItemStatus {
            id: id.into(),
            period: (&item.period).into(),
            stream: (&item.stream).into(),
            text: (&item.text).into(),
            score,
        }
    }

    #[test]
    fn most_units_first_then_the_path() {
        let f = builtin_audit("cranfield-kam-development").unwrap();
        let uk = [status("A2.1", Some(2)), status("B1.1", None)];
        let de = [
            status("A1.3", Some(1)),
            status("A2.1", Some(1)),
            status("B1.1", Some(0)),
        ];
        let us = [status("B1.1", Some(1)), status("C1.1", None)];
        let ranked = programme_actions(f, &[("uk", &uk), ("de", &de), ("us", &us)]);
        let ids: Vec<&str> = ranked.iter().map(|a| a.id.as_str()).collect();
        // B1.1 is wanted by three units; A2.1 by two; A1.3 and C1.1 by one,
        // A1.3 first as it comes earlier on the path.
        assert_eq!(ids, ["B1.1", "A2.1", "A1.3", "C1.1"]);
        assert_eq!(ranked[0].units, ["uk", "de", "us"]);
        assert!((ranked[0].mean_score - 1.0 / 3.0).abs() < 1e-15);
        assert!((ranked[1].mean_score - 1.5).abs() < 1e-15);
        assert_eq!(ranked[0].text, "Refine KAM goals & milestones");
    }

    #[test]
    fn at_most_five() {
        let f = builtin_audit("cranfield-kam-development").unwrap();
        let many: Vec<ItemStatus> = f
            .items
            .iter()
            .take(9)
            .map(|i| status(&i.id, None))
            .collect();
        assert_eq!(
            programme_actions(f, &[("uk", &many)]).len(),
            PROGRAMME_ACTIONS
        );
    }
}
