//! The example programme: a fictional company, generated deterministically.
//!
//! Northwind Components, the fictional supplier of kam's example audit,
//! runs its KAM programme in six business units under three regions. Three
//! assessors audit each business unit once a year for three years; the
//! programme lead adds a maturity assessment each year and, in the last
//! round, the litmus tests. Every name, score, customer and figure is
//! invented: the scores come from a small model of a unit moving along the
//! development path at its own pace, read by assessors who sometimes differ
//! by a point (one of them a little optimistic), drawn from a fixed
//! pseudo-random sequence so the same call gives the same programme.
//!
//! [`generate`] makes programmes of any size the same way, for benchmarks
//! and tests (the 50,000-audit programme of `benches/programme.rs`); the
//! bundled example is `kam-core/examples/data/example-programme.json`,
//! written by [`bundled`] (a test checks the file is current).

use std::collections::BTreeMap;

use crate::analysis::{
    AccountPlanInput, Criterion, ParetoCustomer, ParetoInput, PortfolioCustomer, PortfolioInput,
    ScoreScale, Thresholds,
};
use crate::assessment::{AuditAssessment, Context};
use crate::error::Error;
use crate::framework::{builtin_audit, builtin_maturity};
use crate::litmus::{AnswerSet, LitmusAnswers, LitmusResponse};
use crate::maturity::MaturityAssessment;

use super::document::{Customers, Programme, ProgrammeAssessment, Unit, UnitAccountPlan};

/// The size and shape of a generated programme.
#[derive(Debug, Clone, PartialEq)]
pub struct ExampleSpec {
    /// Top-level units (regions); each holds `units / regions` business
    /// units, the rest going to the last region.
    pub regions: usize,
    /// Business units, the ones assessed.
    pub units: usize,
    /// Yearly rounds of audits.
    pub rounds: usize,
    /// Assessors auditing each business unit in each round.
    pub assessors: usize,
    /// Add a maturity assessment per unit and round, litmus answers in the
    /// last round, customers and account plans.
    pub extras: bool,
    /// Seed of the pseudo-random sequence.
    pub seed: u64,
}

impl ExampleSpec {
    /// The bundled example: three regions, six business units, three yearly
    /// rounds, three assessors, with every kind of assessment and customers.
    pub fn bundled() -> Self {
        ExampleSpec {
            regions: 3,
            units: 6,
            rounds: 3,
            assessors: 3,
            extras: true,
            seed: 2006,
        }
    }

    /// A programme of `units` business units × `rounds` dates × `assessors`
    /// audits and nothing else, in ten regions: the shape of the benchmark.
    pub fn audits_only(units: usize, rounds: usize, assessors: usize) -> Self {
        ExampleSpec {
            regions: 10.min(units.max(1)),
            units,
            rounds,
            assessors,
            extras: false,
            seed: 1,
        }
    }
}

/// The bundled example programme, `examples/data/example-programme.json`
/// (see the module documentation).
///
/// # Errors
/// Only if the bundled file is broken (ruled out by the tests).
pub fn bundled() -> Result<Programme, Error> {
    super::from_json(BUNDLED)
}

/// The bundled example's text, as [`generate`] writes it for
/// [`ExampleSpec::bundled`].
pub const BUNDLED: &str = include_str!("../../examples/data/example-programme.json");

const REGIONS: [&str; 3] = ["Europe", "Americas", "Asia-Pacific"];
const BUSINESS_UNITS: [&str; 6] = [
    "United Kingdom",
    "Germany",
    "United States",
    "Brazil",
    "Japan",
    "Australia",
];
const ASSESSORS: [&str; 5] = [
    "Ana Ruiz",
    "Ben Okafor",
    "Chen Wei",
    "Dara Nolan",
    "Eva Lind",
];
/// Where each of the six named units starts on the path (share of the
/// overall maximum) and how far it moves a year: steady, slow, fast, from
/// nothing, stalled, accelerating.
const PACES: [(f64, f64); 6] = [
    (0.20, 0.11),
    (0.10, 0.04),
    (0.30, 0.16),
    (0.04, 0.10),
    (0.25, 0.01),
    (0.15, 0.12),
];

/// Generates a fictional programme of the given shape, the same one for the
/// same spec.
///
/// # Errors
/// Only if a bundled framework is broken (ruled out by the tests).
pub fn generate(spec: &ExampleSpec) -> Result<Programme, Error> {
    let audit = builtin_audit("cranfield-kam-development")?;
    let mut random = SplitMix(spec.seed);
    let regions = spec.regions.max(1);
    let mut units: Vec<Unit> = (0..regions)
        .map(|r| Unit {
            id: region_id(r),
            name: Some(name_of(&REGIONS, r, "Region")),
            parent: None,
        })
        .collect();
    let per_region = (spec.units / regions).max(1);
    for u in 0..spec.units {
        units.push(Unit {
            id: unit_id(u),
            name: Some(name_of(&BUSINESS_UNITS, u, "Business unit")),
            parent: Some(region_id((u / per_region).min(regions - 1))),
        });
    }
    let mut assessments = Vec::new();
    for u in 0..spec.units {
        let (start, pace) = PACES
            .get(u)
            .copied()
            .unwrap_or_else(|| (0.05 + 0.25 * random.unit(), 0.01 + 0.12 * random.unit()));
        for round in 0..spec.rounds {
            let progress = (start + pace * round_f(round)).min(1.0);
            let date = date_of(round, u);
            let truth: Vec<u8> = audit
                .items
                .iter()
                .enumerate()
                .map(|(k, _)| true_score(progress, k, audit.items.len(), &mut random))
                .collect();
            for a in 0..spec.assessors {
                let mut assessment = AuditAssessment::new(audit);
                assessment.context = context(u, a, &date);
                for (item, &score) in audit.items.iter().zip(&truth) {
                    let seen = read_by(a, score, &mut random);
                    assessment.scores.insert(item.id.clone(), seen);
                }
                assessments.push(ProgrammeAssessment::Audit(assessment));
            }
            if spec.extras {
                assessments.push(ProgrammeAssessment::Maturity(maturity(u, &date, progress)?));
                if round + 1 == spec.rounds {
                    assessments.push(ProgrammeAssessment::Litmus(litmus(u, &date, progress)));
                    for a in 0..spec.assessors.min(2) {
                        assessments.push(ProgrammeAssessment::Checklist(checklist(
                            u, a, &date, progress,
                        )?));
                    }
                }
            }
        }
    }
    let (customers, account_plans) = if spec.extras {
        (customers(&mut random), plans(spec))
    } else {
        (Customers::default(), Vec::new())
    };
    Ok(Programme {
        name: "Northwind KAM programme".to_owned(),
        organisation: Some("Northwind Components (fictional)".to_owned()),
        units,
        assessments,
        frameworks: Vec::new(),
        disagreement: crate::analysis::aggregate::DEFAULT_DISAGREEMENT,
        customers,
        account_plans,
    })
}

fn name_of(names: &[&str], index: usize, generic: &str) -> String {
    names
        .get(index)
        .map_or_else(|| format!("{generic} {}", index + 1), |n| (*n).to_owned())
}

fn unit_id(u: usize) -> String {
    BUSINESS_UNITS
        .get(u)
        .map_or_else(|| format!("unit-{}", u + 1), |name| slug(name))
}

fn region_id(r: usize) -> String {
    REGIONS
        .get(r)
        .map_or_else(|| format!("region-{}", r + 1), |name| slug(name))
}

/// A name as an id: lower case, words joined by `-`.
fn slug(name: &str) -> String {
    name.to_lowercase().replace(' ', "-")
}

fn round_f(round: usize) -> f64 {
    f64::from(u32::try_from(round).unwrap_or(u32::MAX))
}

/// Each round in March of its year, a unit's audits a few days apart from
/// the next unit's, so the units are not all assessed on one day.
fn date_of(round: usize, unit: usize) -> String {
    let year = 2023 + round;
    let day = 2 + (unit * 3) % 26;
    format!("{year}-03-{day:02}")
}

fn context(unit: usize, assessor: usize, date: &str) -> Context {
    Context {
        organisation: None,
        unit: Some(unit_id(unit)),
        assessor: Some(name_of(&ASSESSORS, assessor, "Assessor")),
        date: Some(date.to_owned()),
    }
}

/// The score an item "really" has for a unit that has come `progress` of
/// the way along the path: done where the unit has long passed, started
/// around where it stands, not done ahead of it, with some scatter.
fn true_score(progress: f64, index: usize, items: usize, random: &mut SplitMix) -> u8 {
    let at = (index_f(index) + 0.5) / index_f(items.max(1));
    let lead = (progress - at) / 0.08 + 1.2 + random.unit() - 0.5;
    clamp_score(lead.floor())
}

fn index_f(index: usize) -> f64 {
    f64::from(u32::try_from(index).unwrap_or(u32::MAX))
}

fn clamp_score(value: f64) -> u8 {
    whole(value, 0, 3)
}

/// `value` rounded down to a whole number from `min` to `max`.
fn whole(value: f64, min: u8, max: u8) -> u8 {
    (min..=max)
        .rev()
        .find(|&n| f64::from(n) <= value)
        .unwrap_or(min)
}

/// How assessor `a` reads a score: mostly as it is, one time in eight a
/// point lower or higher; the third assessor a point higher one time in
/// four more.
fn read_by(a: usize, score: u8, random: &mut SplitMix) -> u8 {
    let draw = random.unit();
    let mut seen = i16::from(score);
    if draw < 0.0625 {
        seen -= 1;
    } else if draw < 0.125 || (a == 2 && draw < 0.375) {
        seen += 1;
    }
    u8::try_from(seen.clamp(0, 3)).unwrap_or(0)
}

fn maturity(unit: usize, date: &str, progress: f64) -> Result<MaturityAssessment, Error> {
    let model = builtin_maturity("kam-maturity-model")?;
    let top = model.top_stage();
    let mut stages = BTreeMap::new();
    for (i, area) in model.areas.iter().enumerate() {
        // Areas mature unevenly: some lead, some lag the audit's reading.
        let offset = [0.0, -0.6, 0.3, -0.3, 0.6]
            .get(i % 5)
            .copied()
            .unwrap_or(0.0);
        let stage = whole(1.0 + progress * 5.0 + offset, 1, top);
        stages.insert(area.id.clone(), stage);
    }
    Ok(MaturityAssessment {
        framework: model.id.clone(),
        framework_version: model.version.clone(),
        context: Context {
            organisation: None,
            unit: Some(unit_id(unit)),
            assessor: Some("Programme office".to_owned()),
            date: Some(date.to_owned()),
        },
        stages,
        evidence: BTreeMap::new(),
    })
}

/// The checklist of the example: the KAM development model's five stages,
/// scored by two assessors in the last round.
const CHECKLIST: &str = "kam-development-model";

/// A checklist assessment by assessor `a`: earlier stages further along
/// than later ones, without drawing from the pseudo-random sequence (so the
/// audits stay as they were); the second assessor reads every fifth item
/// two points higher, a disagreement for the report to show.
fn checklist(unit: usize, a: usize, date: &str, progress: f64) -> Result<AuditAssessment, Error> {
    let framework = crate::framework::builtin_framework(CHECKLIST)?.as_checklist()?;
    let mut assessment = AuditAssessment::for_checklist(framework);
    assessment.context = context(unit, a, date);
    let items: Vec<&str> = framework.items().map(|(_, i)| i.id.as_str()).collect();
    let n = f64::from(super::count(items.len()).max(1));
    for (k, id) in items.iter().enumerate() {
        let lag = f64::from(super::count(k)) / n * 2.0;
        let lift = if a == 1 && k % 5 == 2 { 2.0 } else { 0.0 };
        let score = whole(progress * 5.0 - lag + lift, 0, framework.scale.max);
        assessment.scores.insert((*id).to_owned(), score);
    }
    Ok(assessment)
}

fn litmus(unit: usize, date: &str, progress: f64) -> LitmusAnswers {
    let answers = |test: &str, yes: usize| AnswerSet {
        about: None,
        answers: (1..=5).map(|q| (format!("{test}-{q}"), q <= yes)).collect(),
    };
    let yes = usize::from(whole(progress * 8.0, 0, 5));
    LitmusAnswers {
        framework: "cranfield-kam-development".to_owned(),
        framework_version: "2006.2".to_owned(),
        context: Context {
            organisation: None,
            unit: Some(unit_id(unit)),
            assessor: Some("Programme office".to_owned()),
            date: Some(date.to_owned()),
        },
        responses: vec![LitmusResponse {
            test: "organisation".to_owned(),
            respondent: None,
            answer_sets: vec![answers("organisation", yes)],
        }],
    }
}

const CUSTOMERS: [&str; 12] = [
    "Atlas Freight",
    "Borealis Foods",
    "Cobalt Motors",
    "Delta Grid",
    "Ember Pharma",
    "Fjord Shipping",
    "Granite Build",
    "Helix Labs",
    "Iris Retail",
    "Juniper Air",
    "Kestrel Mining",
    "Lumen Telecom",
];

fn customers(random: &mut SplitMix) -> Customers {
    // Revenue falls off steeply, as in most customer bases, so a few
    // customers make most of it.
    let pareto = ParetoInput {
        measure: "revenue".to_owned(),
        share: crate::analysis::pareto::DEFAULT_SHARE,
        customers: (0..30)
            .map(|i| ParetoCustomer {
                id: customer_id(i),
                value: (4_000_000.0 / (1.0 + index_f(i)).powf(1.1) * (0.85 + 0.3 * random.unit()))
                    .round(),
            })
            .collect(),
    };
    let criterion = |id: &str, weight: f64| Criterion {
        id: id.to_owned(),
        weight,
    };
    let portfolio = PortfolioInput {
        scale: ScoreScale::default(),
        thresholds: Thresholds::default(),
        attractiveness: vec![criterion("growth", 0.5), criterion("margin", 0.5)],
        relationship: vec![criterion("share-of-wallet", 0.6), criterion("access", 0.4)],
        customers: (0..CUSTOMERS.len())
            .map(|i| PortfolioCustomer {
                id: customer_id(i),
                scores: ["growth", "margin", "share-of-wallet", "access"]
                    .iter()
                    .map(|c| ((*c).to_owned(), (1.0 + 9.0 * random.unit()).round()))
                    .collect(),
            })
            .collect(),
    };
    Customers {
        pareto: Some(pareto),
        portfolio: Some(portfolio),
    }
}

fn customer_id(i: usize) -> String {
    CUSTOMERS
        .get(i)
        .map_or_else(|| format!("customer-{}", i + 1), |name| slug(name))
}

fn plans(spec: &ExampleSpec) -> Vec<UnitAccountPlan> {
    // The bundled template's elements, in its order.
    const ELEMENTS: [&str; 9] = [
        "account-profile",
        "history",
        "relationship-status",
        "competitive-analysis",
        "opportunities",
        "goals",
        "tactics",
        "action-plan",
        "dashboard",
    ];
    let last = 2023 + spec.rounds.saturating_sub(1);
    let as_of = date_of(spec.rounds.saturating_sub(1), 0);
    (0..spec.units.min(CUSTOMERS.len()))
        .map(|u| UnitAccountPlan {
            unit: unit_id(u),
            plan: AccountPlanInput {
                account: customer_id(u),
                as_of: as_of.clone(),
                elements: ELEMENTS
                    .iter()
                    .take(5 + u % 5)
                    .map(|e| (*e).to_owned())
                    .collect(),
                horizon_years: [3.0, 1.0, 3.0, 2.0, 1.0, 3.0]
                    .get(u % 6)
                    .copied()
                    .unwrap_or(3.0),
                // Reviewed last month, last autumn, or never.
                last_review: match u % 3 {
                    0 => Some(format!("{last}-02-20")),
                    1 => Some(format!("{}-10-01", last - 1)),
                    _ => None,
                },
                stage: u8::try_from(2 + u % 3).unwrap_or(2),
                template: None,
            },
        })
        .collect()
}

/// `SplitMix64` (Steele, Lea and Flood, 2014): a tiny generator whose output
/// depends only on the seed, on every platform.
struct SplitMix(u64);

impl SplitMix {
    fn next(&mut self) -> u64 {
        self.0 = self.0.wrapping_add(0x9E37_79B9_7F4A_7C15);
        let mut z = self.0;
        z = (z ^ (z >> 30)).wrapping_mul(0xBF58_476D_1CE4_E5B9);
        z = (z ^ (z >> 27)).wrapping_mul(0x94D0_49BB_1331_11EB);
        z ^ (z >> 31)
    }

    /// A number in `[0, 1)`: the top 53 bits over 2^53.
    fn unit(&mut self) -> f64 {
        let bits = self.next() >> 11;
        // 53 bits fit an f64 exactly.
        #[allow(clippy::cast_precision_loss)]
        let value = bits as f64;
        value / 9_007_199_254_740_992.0
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    /// The bundled file is what the generator writes; `KAM_BLESS=1`
    /// rewrites it after a deliberate change of the generator.
    #[test]
    fn the_bundled_file_is_current() {
        let fresh = serde_json::to_string_pretty(&generate(&ExampleSpec::bundled()).unwrap())
            .unwrap()
            + "\n";
        if std::env::var_os("KAM_BLESS").is_some() {
            let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
                .join("examples/data/example-programme.json");
            std::fs::write(path, &fresh).unwrap();
            return;
        }
        assert!(
            fresh == BUNDLED,
            "examples/data/example-programme.json is stale: rerun with KAM_BLESS=1"
        );
        assert_eq!(
            bundled().unwrap(),
            generate(&ExampleSpec::bundled()).unwrap()
        );
    }

    #[test]
    fn the_same_spec_gives_the_same_programme() {
        let spec = ExampleSpec::audits_only(12, 4, 5);
        let a = generate(&spec).unwrap();
        assert_eq!(a, generate(&spec).unwrap());
        assert_eq!(a.units.len(), 12 + 10);
        assert_eq!(a.assessments.len(), 12 * 4 * 5);
        let other = generate(&ExampleSpec { seed: 2, ..spec }).unwrap();
        assert_ne!(a, other);
    }
}
