//! Input limits: how much kam reads, named once.
//!
//! kam reads JSON that people type, export from spreadsheets and upload into
//! web pages. [`crate::json`] checks every document against these limits, in
//! one pass that allocates nothing, so that a hostile file cannot exhaust the
//! memory of a browser tab or a notebook; only then is it parsed into kam's
//! types. The limits are far above any real assessment: the Cranfield audit
//! has 129 items, its longest text is under 250 characters, and no kam
//! document nests deeper than 8 levels.

/// Largest JSON text accepted, in bytes (8 MiB).
pub const MAX_INPUT_BYTES: usize = 8 * 1024 * 1024;
/// Deepest nesting of arrays and objects accepted.
pub const MAX_DEPTH: usize = 32;
/// Longest string accepted (keys and values), in characters.
pub const MAX_STRING_CHARS: usize = 20_000;
/// Most entries in one array or object.
pub const MAX_ENTRIES: usize = 100_000;

// Per-analysis maxima, checked by each analysis (and so by the facade every
// binding calls) before any other rule, each with its own error kind; the
// reasoning behind each value is in docs/security.md ("Limits").

/// Most customers in a Pareto analysis (`too-many-customers`).
pub const MAX_PARETO_CUSTOMERS: usize = 10_000;
/// Most customers on a portfolio matrix (`too-many-customers`); also the most
/// a portfolio report read back (e.g. to draw its chart) may hold.
pub const MAX_PORTFOLIO_CUSTOMERS: usize = 1_000;
/// Most criteria in each group (attractiveness, relationship strength) of a
/// portfolio matrix (`too-many-criteria`).
pub const MAX_PORTFOLIO_CRITERIA: usize = 50;
/// Most audits in one aggregation of assessors (`too-many-audits`).
pub const MAX_AGGREGATE_AUDITS: usize = 100;
/// Most units (audits) in one unit comparison (`too-many-units`).
pub const MAX_UNITS: usize = 100;
/// Most elements in a key account plan template, and in the plan checked
/// against it (`too-many-elements`).
pub const MAX_PLAN_ELEMENTS: usize = 100;
/// Most results (rows × (periods + phases)) a batch given as JSON may ask
/// for (`too-many-results`): 625,000 Cranfield audits' worth, far more than
/// the 8 MiB of text can hold, so only a framework file with thousands of
/// periods reaches it. numpy batches have no such limit: their caller
/// chooses the framework and allocates the matrix, and the results take
/// (periods + phases) numbers per row.
pub const MAX_BATCH_RESULTS: usize = 10_000_000;
/// Audits in a comparison: exactly two, `before` and `after`, fixed by the
/// shape of the input, so no error is needed.
pub const COMPARISON_AUDITS: usize = 2;

/// Every named limit by its lower-case name, e.g. `("max_string_chars",
/// 20_000)`: what the bindings hand to code that must keep within the limits
/// as a person types (the calculators' note counter), so no value is copied.
pub const NAMED: &[(&str, usize)] = &[
    ("max_input_bytes", MAX_INPUT_BYTES),
    ("max_depth", MAX_DEPTH),
    ("max_string_chars", MAX_STRING_CHARS),
    ("max_entries", MAX_ENTRIES),
    ("max_pareto_customers", MAX_PARETO_CUSTOMERS),
    ("max_portfolio_customers", MAX_PORTFOLIO_CUSTOMERS),
    ("max_portfolio_criteria", MAX_PORTFOLIO_CRITERIA),
    ("max_aggregate_audits", MAX_AGGREGATE_AUDITS),
    ("max_units", MAX_UNITS),
    ("max_plan_elements", MAX_PLAN_ELEMENTS),
    ("max_batch_results", MAX_BATCH_RESULTS),
];

// A programme document (`kam_core::programme`) gathers every assessment of a
// KAM programme: 1,000 units assessed by 5 assessors on 10 dates is 50,000
// audits, 69 MB of compact JSON and 152 MB pretty-printed, so the 8 MiB
// limit of one document cannot apply to it. Parsed, each Cranfield audit
// takes about 11 KB (its 129 scores in a map of owned strings), so the
// memory a programme takes is bounded by its answers more than its text.
// The limits and the memory they imply are reasoned in docs/security.md
// ("Programme limits").

/// Largest programme text accepted, in bytes (256 MiB): the 50,000-audit
/// programme pretty-printed (152 MB) with room to spare.
pub const MAX_PROGRAMME_BYTES: usize = 256 * 1024 * 1024;
/// Most units in a programme (`too-many-units`): twice the 1,000 units kam
/// is sized for; the report has a section and a chart per unit.
pub const MAX_PROGRAMME_UNITS: usize = 2_000;
/// Most assessments in a programme: the general limit on one list,
/// [`MAX_ENTRIES`] (`too-many-entries` at `assessments`), twice the 50,000
/// audits of 1,000 units × 10 dates × 5 assessors.
pub const MAX_PROGRAMME_ASSESSMENTS: usize = MAX_ENTRIES;
/// Most answers in all a programme's assessments together (scores,
/// not-applicable marks, notes, stages, litmus answers;
/// `too-many-entries`): the 50,000 full Cranfield audits hold 6,450,000;
/// 8,000,000 parse into about 700 MB.
pub const MAX_PROGRAMME_ANSWERS: usize = 8_000_000;

/// `n` with a comma every three digits, as docs/security.md writes limits.
#[cfg(test)]
pub(crate) fn thousands(n: usize) -> String {
    let digits = n.to_string();
    let mut out = String::new();
    for (i, c) in digits.chars().enumerate() {
        if i > 0 && (digits.len() - i).is_multiple_of(3) {
            out.push(',');
        }
        out.push(c);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::error::Error;

    #[test]
    fn named_limits_are_unique_and_lower_case() {
        let names: std::collections::BTreeSet<&str> = NAMED.iter().map(|(n, _)| *n).collect();
        assert_eq!(names.len(), NAMED.len());
        assert!(NAMED.iter().all(|(n, v)| n.starts_with("max_") && *v > 0));
        assert!(NAMED.contains(&("max_string_chars", MAX_STRING_CHARS)));
    }

    /// Every per-analysis maximum has its row in docs/security.md, with its
    /// value and error kind, and the kind is in the catalogue.
    #[test]
    fn analysis_limits_are_documented() {
        let doc = include_str!("../docs/security.md");
        for (constant, value, kind) in [
            (
                "MAX_PARETO_CUSTOMERS",
                MAX_PARETO_CUSTOMERS,
                "`too-many-customers`",
            ),
            (
                "MAX_PORTFOLIO_CUSTOMERS",
                MAX_PORTFOLIO_CUSTOMERS,
                "`too-many-customers`",
            ),
            (
                "MAX_PORTFOLIO_CRITERIA",
                MAX_PORTFOLIO_CRITERIA,
                "`too-many-criteria`",
            ),
            (
                "MAX_AGGREGATE_AUDITS",
                MAX_AGGREGATE_AUDITS,
                "`too-many-audits`",
            ),
            ("MAX_UNITS", MAX_UNITS, "`too-many-units`"),
            (
                "MAX_PLAN_ELEMENTS",
                MAX_PLAN_ELEMENTS,
                "`too-many-elements`",
            ),
            ("MAX_BATCH_RESULTS", MAX_BATCH_RESULTS, "`too-many-results`"),
            ("COMPARISON_AUDITS", COMPARISON_AUDITS, "none"),
        ] {
            let row = doc
                .lines()
                .find(|l| l.contains(&format!("| `{constant}` |")))
                .unwrap_or_else(|| panic!("docs/security.md has no row for {constant}"));
            assert!(
                row.contains(&format!("| {} | `{constant}` | {kind}", thousands(value))),
                "{row}"
            );
            let kind = kind.trim_matches('`');
            assert!(kind == "none" || Error::KINDS.contains(&kind), "{kind}");
        }
    }
}
