//! Checking a programme and filing its assessments: each one valid against
//! the framework version it names, named by unit, assessor and date, filed
//! under its unit and date; audits of other versions carried over to the
//! one the programme is read in.

use std::borrow::Cow;
use std::collections::{BTreeMap, BTreeSet};

use super::document::{Programme, ProgrammeAssessment};
use super::hierarchy::Hierarchy;
use super::result::Rescored;
use crate::analysis::aggregate::check_disagreement;
use crate::analysis::rescore::{Carry, ItemChanges};
use crate::assessment::{AnswerSheet, AuditAssessment, Context};
use crate::error::{AnalysisError, Error, FrameworkError, ProgrammeError};
use crate::framework::{self, AuditFramework, ChecklistFramework, Framework, MaturityModel};
use crate::litmus::LitmusAnswers;
use crate::maturity::MaturityAssessment;

/// Assessments of one kind filed by unit (index in `units`), then by date
/// (`YYYY-MM-DD`, so in date order).
pub(crate) type Filed<'a, T> = Vec<BTreeMap<&'a str, Vec<T>>>;

/// A checked programme, its assessments filed for the analyses.
pub(crate) struct Book<'a> {
    pub(crate) programme: &'a Programme,
    pub(crate) hierarchy: Hierarchy<'a>,
    /// The audit framework in the version the programme is read in.
    pub(crate) audit: Option<&'a AuditFramework>,
    /// Audits, carried to that version where they were made under another.
    pub(crate) audits: Filed<'a, Cow<'a, AuditAssessment>>,
    /// The maturity model all maturity assessments use.
    pub(crate) model: Option<&'a MaturityModel>,
    pub(crate) maturity: Filed<'a, &'a MaturityAssessment>,
    /// Litmus answers with the framework version whose tests they answer.
    pub(crate) litmus: Filed<'a, (&'a LitmusAnswers, &'a AuditFramework)>,
    /// Checklist assessments with their checklist (one version per
    /// checklist id).
    pub(crate) checklists: Filed<'a, (&'a AuditAssessment, &'a ChecklistFramework)>,
    /// What re-scoring under one version did, per version carried from.
    pub(crate) rescored: Vec<Rescored>,
    /// Distinct assessor names.
    pub(crate) assessors: usize,
}

/// The rule broken by audits of two frameworks.
const ONE_AUDIT_FRAMEWORK: &str = "a programme's audits must all use one framework (its versions may differ: they are re-scored under one)";

/// The rule broken by maturity assessments of two models or versions.
const ONE_MODEL: &str = "a programme's maturity assessments must all use one model version";

/// The rule broken by assessments of two versions of one checklist.
const ONE_CHECKLIST_VERSION: &str =
    "a programme's assessments of one checklist must all use one version of it";

impl<'a> Book<'a> {
    /// Checks `programme` and files its assessments.
    ///
    /// # Errors
    /// See [`crate::programme::programme_report`].
    pub(crate) fn new(programme: &'a Programme) -> Result<Self, Error> {
        programme.check_limits()?;
        check_disagreement(programme.disagreement)?;
        let hierarchy = Hierarchy::new(&programme.units)?;
        let catalogue = Catalogue::new(&programme.frameworks)?;
        let units = programme.units.len();
        let mut filer = Filer {
            hierarchy: &hierarchy,
            catalogue: &catalogue,
            seen: BTreeMap::new(),
            first_audit: None,
            first_maturity: None,
            first_checklist: BTreeMap::new(),
            assessors: BTreeSet::new(),
            item_ids: BTreeMap::new(),
        };
        let mut audits: Vec<(usize, &'a AuditAssessment, &'a AuditFramework)> = Vec::new();
        let mut maturity: Filed<'a, &'a MaturityAssessment> = vec![BTreeMap::new(); units];
        let mut litmus: Filed<'a, (&'a LitmusAnswers, &'a AuditFramework)> =
            vec![BTreeMap::new(); units];
        let mut checklists: Filed<'a, (&'a AuditAssessment, &'a ChecklistFramework)> =
            vec![BTreeMap::new(); units];
        let mut model = None;
        for (index, assessment) in programme.assessments.iter().enumerate() {
            let checked = filer.check(index, assessment)?;
            match (assessment, checked.framework) {
                (ProgrammeAssessment::Audit(audit), Framework::ActionAudit(f)) => {
                    audits.push((checked.unit, audit, f));
                }
                (ProgrammeAssessment::Maturity(m), Framework::MaturityModel(f)) => {
                    model = Some(f);
                    file(&mut maturity, checked.unit, &m.context, m);
                }
                (ProgrammeAssessment::Litmus(l), Framework::ActionAudit(f)) => {
                    file(&mut litmus, checked.unit, &l.context, (l, f));
                }
                (ProgrammeAssessment::Checklist(c), Framework::Checklist(f)) => {
                    file(&mut checklists, checked.unit, &c.context, (c, f));
                }
                // `check` pairs each kind with its type of framework.
                _ => {}
            }
        }
        let assessors = filer.assessors.len();
        let (audit, rescored, audits) = read_in_one_version(&audits, units);
        Ok(Book {
            programme,
            hierarchy,
            audit,
            audits,
            model,
            maturity,
            litmus,
            checklists,
            rescored,
            assessors,
        })
    }
}

/// Files `value` under its unit and its context's date.
fn file<'a, T>(filed: &mut Filed<'a, T>, unit: usize, context: &'a Context, value: T) {
    if let (Some(by_date), Some(date)) = (filed.get_mut(unit), context.date.as_deref()) {
        by_date.entry(date).or_default().push(value);
    }
}

/// The frameworks an assessment may name: the programme's own files, then
/// the bundled ones.
struct Catalogue<'a> {
    own: &'a [Framework],
    bundled: &'static [Framework],
}

impl<'a> Catalogue<'a> {
    fn new(own: &'a [Framework]) -> Result<Self, Error> {
        let mut seen = BTreeMap::new();
        for (i, f) in own.iter().enumerate() {
            f.validate()
                .map_err(|e| ProgrammeError::at(format!("`frameworks[{i}]`"), e))?;
            if seen.insert((f.id(), f.version()), i).is_some() {
                return Err(AnalysisError::Duplicate {
                    what: "framework version".to_owned(),
                    id: format!("{}` version `{}", f.id(), f.version()),
                }
                .into());
            }
        }
        Ok(Catalogue {
            own,
            bundled: framework::builtin()?,
        })
    }

    fn all(&self) -> impl Iterator<Item = &'a Framework> {
        self.own.iter().chain(self.bundled.iter())
    }

    /// The framework `id` in `version`; `what` names the assessment asking,
    /// which is `assessments[index]`.
    fn get(
        &self,
        what: &str,
        index: usize,
        id: &str,
        version: &str,
    ) -> Result<&'a Framework, Error> {
        if let Some(f) = self.all().find(|f| f.id() == id && f.version() == version) {
            return Ok(f);
        }
        let versions: Vec<String> = self
            .all()
            .filter(|f| f.id() == id)
            .map(|f| format!("`{}`", f.version()))
            .collect();
        if versions.is_empty() {
            let known: Vec<String> = self.all().map(|f| format!("`{}`", f.id())).collect();
            return Err(ProgrammeError::in_part(
                what,
                &format!("/assessments/{index}/assessment"),
                FrameworkError::UnknownFramework {
                    id: id.to_owned(),
                    known: known.join(", "),
                    suggestion: crate::error::nearest(id, self.all().map(Framework::id)),
                    path: "/framework".to_owned(),
                },
            )
            .into());
        }
        Err(ProgrammeError::UnknownVersion {
            what: what.to_owned(),
            framework: id.to_owned(),
            version: version.to_owned(),
            known: versions.join(", "),
            index,
        }
        .into())
    }
}

/// Checks assessments one by one, remembering what it needs to find
/// duplicates and mixed frameworks.
struct Filer<'h, 'a> {
    hierarchy: &'h Hierarchy<'a>,
    catalogue: &'h Catalogue<'a>,
    /// (kind, checklist id, unit, assessor, date) → position of the first
    /// such assessment; the checklist id is empty for other kinds, as an
    /// assessor may fill in several checklists of a unit on one date.
    seen: BTreeMap<(&'static str, &'a str, usize, &'a str, &'a str), usize>,
    /// The first audit's position and framework id.
    first_audit: Option<(usize, &'a str)>,
    /// The first maturity assessment's position, model id and version.
    first_maturity: Option<(usize, &'a str, &'a str)>,
    /// Each checklist id's first assessment: its position and version.
    first_checklist: BTreeMap<&'a str, (usize, &'a str)>,
    assessors: BTreeSet<&'a str>,
    /// Each audit or checklist framework version's item ids, looked up once.
    item_ids: BTreeMap<(&'a str, &'a str), AnswerSheet<'a>>,
}

/// An assessment found valid: its unit and the framework it is valid for.
struct Checked<'a> {
    unit: usize,
    framework: &'a Framework,
}

impl<'a> Filer<'_, 'a> {
    fn check(
        &mut self,
        index: usize,
        assessment: &'a ProgrammeAssessment,
    ) -> Result<Checked<'a>, Error> {
        let what = format!("assessment {}", index + 1);
        let context = assessment.context();
        let required = |value: &'a Option<String>, field: &'static str| {
            value
                .as_deref()
                .ok_or_else(|| ProgrammeError::MissingContext {
                    field,
                    what: what.clone(),
                    index,
                })
        };
        let unit_id = required(&context.unit, "unit")?;
        let assessor = required(&context.assessor, "assessor")?;
        let date = required(&context.date, "date")?;
        let unit = self.hierarchy.find(unit_id, &|| {
            (
                format!("`context.unit` of {what}"),
                format!("/assessments/{index}/assessment/context/unit"),
            )
        })?;
        let at = format!("{what} (unit `{unit_id}`, assessor `{assessor}`, `{date}`)");
        // The part's own path (e.g. `/scores/A1.1`) is placed inside the
        // programme document, so a page can point at the entry.
        let pointer = format!("/assessments/{index}/assessment");
        let located =
            |e: Error| -> Error { ProgrammeError::in_part(at.as_str(), &pointer, e).into() };
        context.validate().map_err(|e| located(e.into()))?;
        let kind = assessment.what();
        let checklist = match assessment {
            ProgrammeAssessment::Checklist(c) => c.framework.as_str(),
            _ => "",
        };
        if let Some(first) = self
            .seen
            .insert((kind, checklist, unit, assessor, date), index + 1)
        {
            return Err(ProgrammeError::DuplicateAssessment {
                what: kind,
                assessor: assessor.to_owned(),
                unit: unit_id.to_owned(),
                date: date.to_owned(),
                first,
                second: index + 1,
            }
            .into());
        }
        self.assessors.insert(assessor);
        let (id, version) = assessment.framework();
        self.check_mixed(index, assessment)?;
        let framework = self.catalogue.get(&what, index, id, version)?;
        match assessment {
            ProgrammeAssessment::Audit(audit) => {
                let f = framework.as_audit().map_err(|e| located(e.into()))?;
                let sheet = self
                    .item_ids
                    .entry((&f.id, &f.version))
                    .or_insert_with(|| AnswerSheet::of(f));
                audit
                    .validate_against(sheet)
                    .map_err(|e| located(e.into()))?;
            }
            ProgrammeAssessment::Maturity(m) => {
                let f = framework.as_maturity().map_err(|e| located(e.into()))?;
                m.validate(f).map_err(located)?;
            }
            ProgrammeAssessment::Litmus(answers) => {
                let f = framework.as_audit().map_err(|e| located(e.into()))?;
                crate::litmus::score_litmus(f, answers).map_err(located)?;
            }
            ProgrammeAssessment::Checklist(checklist) => {
                let f = framework.as_checklist().map_err(|e| located(e.into()))?;
                let sheet = self
                    .item_ids
                    .entry((&f.id, &f.version))
                    .or_insert_with(|| crate::checklist::answer_sheet(f));
                checklist
                    .validate_against(sheet)
                    .map_err(|e| located(e.into()))?;
            }
        }
        Ok(Checked { unit, framework })
    }

    /// Audits must share one framework id; maturity assessments one model
    /// version; checklists one version per checklist. Litmus answers are
    /// each read against their own version.
    fn check_mixed(
        &mut self,
        index: usize,
        assessment: &'a ProgrammeAssessment,
    ) -> Result<(), ProgrammeError> {
        let mixed =
            |first: usize, expected: String, found: String, rule| ProgrammeError::MixedFrameworks {
                first: format!("assessment {}", first + 1),
                expected,
                found,
                rule,
                index,
            };
        match assessment {
            ProgrammeAssessment::Audit(a) => match self.first_audit {
                None => self.first_audit = Some((index, &a.framework)),
                Some((first, id)) if id != a.framework => {
                    return Err(mixed(
                        first,
                        id.to_owned(),
                        a.framework.clone(),
                        ONE_AUDIT_FRAMEWORK,
                    ));
                }
                Some(_) => {}
            },
            ProgrammeAssessment::Maturity(m) => match self.first_maturity {
                None => self.first_maturity = Some((index, &m.framework, &m.framework_version)),
                Some((first, id, version))
                    if id != m.framework || version != m.framework_version =>
                {
                    // The message wraps each in backticks: "`id` version `v`".
                    let label = |id: &str, v: &str| format!("{id}` version `{v}");
                    return Err(mixed(
                        first,
                        label(id, version),
                        label(&m.framework, &m.framework_version),
                        ONE_MODEL,
                    ));
                }
                Some(_) => {}
            },
            ProgrammeAssessment::Checklist(c) => {
                match self.first_checklist.get(c.framework.as_str()) {
                    None => {
                        self.first_checklist
                            .insert(&c.framework, (index, &c.framework_version));
                    }
                    Some(&(first, version)) if version != c.framework_version => {
                        let label = |v: &str| format!("{}` version `{v}", c.framework);
                        return Err(mixed(
                            first,
                            label(version),
                            label(&c.framework_version),
                            ONE_CHECKLIST_VERSION,
                        ));
                    }
                    Some(_) => {}
                }
            }
            ProgrammeAssessment::Litmus(_) => {}
        }
        Ok(())
    }
}

/// The version the programme is read in, what carrying audits to it did,
/// and the audits filed by unit and date.
///
/// The version is that of the latest audit (by date; of two on one date,
/// the later in the file): a programme is read as its latest audit reads
/// it. Audits of other versions are carried over by the re-score rule
/// (see `docs/analyses/rescore.md`).
fn read_in_one_version<'a>(
    audits: &[(usize, &'a AuditAssessment, &'a AuditFramework)],
    units: usize,
) -> (
    Option<&'a AuditFramework>,
    Vec<Rescored>,
    Filed<'a, Cow<'a, AuditAssessment>>,
) {
    let mut filed: Filed<'a, Cow<'a, AuditAssessment>> = vec![BTreeMap::new(); units];
    let latest = audits
        .iter()
        .enumerate()
        .max_by(|(i, a), (j, b)| a.1.context.date.cmp(&b.1.context.date).then(i.cmp(j)))
        .map(|(_, (_, _, f))| *f);
    let Some(target) = latest else {
        return (None, Vec::new(), filed);
    };
    let mut carriers: BTreeMap<&str, (Carry<'a>, Rescored)> = BTreeMap::new();
    for &(unit, audit, framework) in audits {
        let context = &audit.context;
        let audit = if framework.version == target.version {
            Cow::Borrowed(audit)
        } else {
            let (carry, note) = carriers
                .entry(framework.version.as_str())
                .or_insert_with(|| (Carry::new(framework, target), rescored(framework, target)));
            let (carried, dropped) = carry.apply(audit);
            note.audits += 1;
            note.dropped_answers += super::count(dropped.len());
            Cow::Owned(carried)
        };
        file(&mut filed, unit, context, audit);
    }
    let rescored = carriers.into_values().map(|(_, note)| note).collect();
    (Some(target), rescored, filed)
}

/// A note of re-scoring from `from` to `to`, before any audit is counted.
fn rescored(from: &AuditFramework, to: &AuditFramework) -> Rescored {
    let changes = ItemChanges::between(from, to);
    Rescored {
        framework: to.id.clone(),
        from_version: from.version.clone(),
        to_version: to.version.clone(),
        audits: 0,
        dropped_answers: 0,
        added: changes.added,
        removed: changes.removed,
        moved: changes.moved.into_iter().map(|m| m.id).collect(),
        reweighted: changes.reweighted.into_iter().map(|w| w.id).collect(),
    }
}
