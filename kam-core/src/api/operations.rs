//! The table of operations: every JSON-document-in, JSON-document-out entry
//! point of kam, listed once.
//!
//! Everything that must know the operations is expanded from this one list
//! with [`for_each_operation!`](crate::for_each_operation): the uniform
//! per-operation modules in [`ops`], the runtime description [`OPERATIONS`],
//! the generic dispatcher [`call_json`], the list of JSON Schemas
//! ([`super::schema_names`]), the Python functions (kam-py), the JavaScript
//! functions and their TypeScript declarations (kam-wasm), the golden-vector
//! runners in Rust, Python and JavaScript, and the fuzz targets. Adding an
//! operation is one row here (see docs/CONTRIBUTING.md).

use serde::{Deserialize, Serialize};

use crate::error::{Error, OptionsError};
use crate::framework::Framework;

/// Calls the macro `$callback` with the table of operations.
///
/// Each row is one operation, after the feature it needs (`[always]`,
/// `[analysis]`, `[batch]` or `[reports]`): the callback sees only the rows
/// of the features this build of kam-core has, without their tags.
///
/// ```text
/// [analysis]                               // the cargo feature it needs, or `always`
/// /// What it does, for the user of any language (becomes the Rust, Python
/// /// and JavaScript documentation).
/// name {                                   // the facade function `api::name`, Python `kam.name`
///     js: "jsName",                        // its JavaScript name
///     module: engine,                      // `engine` or `analysis`: the WebAssembly module it is in
///     input: arg: InputType = "InputType", // Python/JS argument name, Rust type, TypeScript name,
///                                          // then `[shared]` when another row already has the type
///                                          // (its `from_json` comes from there), or `[own]` when the
///                                          // type reads itself (`json::Document`) with its own limits
///     options: [OptionsType = "OptionsType"],  // or `[]`: takes no options
///     output: OutputType = "OutputType",
///     framework: [name_with = "jsNameWith"],   // or `[]`: no variant taking a framework
/// }
/// ```
///
/// The TypeScript names are the types' JSON Schema titles (a test checks
/// them), and each schema's name (`docs/schema/<name>.json`) is the title in
/// kebab case.
///
/// ```
/// macro_rules! names {
///     ($( $(#[$doc:meta])* $name:ident { $($row:tt)* } )*) => {
///         [$(stringify!($name)),*]
///     };
/// }
/// let names = kam_core::for_each_operation!(names);
/// assert_eq!(names[0], "score");
/// assert_eq!(names.len(), kam_core::api::OPERATIONS.len());
/// ```
#[macro_export]
macro_rules! for_each_operation {
    ($callback:ident) => {
        $crate::__operations_in_build! { $callback []
            [always]
            /// Scores an action-audit assessment: the totals by period, phase and
            /// stream, the Figure 4 position on the development path, the Figure 3
            /// progress reading and the next actions.
            score {
                js: "score",
                module: engine,
                input: assessment: $crate::assessment::AuditAssessment = "AuditAssessment",
                options: [$crate::scoring::ScoreOptions = "ScoreOptions"],
                output: $crate::scoring::AuditReport = "AuditReport",
                framework: [score_with = "scoreWith"],
            }
            [always]
            /// Reads a maturity assessment (a stage per programme area): each
            /// area's descriptor, the weakest link, the mean stage and the
            /// milestone to level up.
            score_maturity {
                js: "scoreMaturity",
                module: engine,
                input: assessment: $crate::maturity::MaturityAssessment = "MaturityAssessment",
                options: [$crate::maturity::MaturityOptions = "MaturityOptions"],
                output: $crate::maturity::MaturityReport = "MaturityReport",
                framework: [score_maturity_with = "scoreMaturityWith"],
            }
            [always]
            /// Judges litmus-test answers: the yes count and the verdict of each
            /// response.
            score_litmus {
                js: "scoreLitmus",
                module: engine,
                input: answers: $crate::litmus::LitmusAnswers = "LitmusAnswers",
                options: [],
                output: $crate::litmus::LitmusReport = "LitmusReport",
                framework: [score_litmus_with = "scoreLitmusWith"],
            }
            [always]
            /// An audit report in words, each reading with its label: the overall
            /// score, the position on the development path, the current period,
            /// the next milestone and the next action; the sentences every front
            /// end shows.
            describe {
                js: "describe",
                module: engine,
                input: report: $crate::scoring::AuditReport = "AuditReport" [shared],
                options: [],
                output: $crate::words::AuditWords = "AuditWords",
                framework: [],
            }
            [always]
            /// A maturity report in words: the programme's stage (its weakest
            /// link), the mean stage, the milestone to level up, each area's stage.
            describe_maturity {
                js: "describeMaturity",
                module: engine,
                input: report: $crate::maturity::MaturityReport = "MaturityReport" [shared],
                options: [],
                output: $crate::words::MaturityWords = "MaturityWords",
                framework: [],
            }
            [always]
            /// A litmus report in words: each response's verdict and the count
            /// behind it.
            describe_litmus {
                js: "describeLitmus",
                module: analysis,
                input: report: $crate::litmus::LitmusReport = "LitmusReport" [shared],
                options: [],
                output: $crate::words::LitmusWords = "LitmusWords",
                framework: [],
            }
            [always]
            /// A checklist report in words, each reading with its label: the
            /// overall score, the stage reached, the balance, the items left,
            /// the rules behind the readings and the next actions.
            describe_checklist {
                js: "describeChecklist",
                module: analysis,
                input: report: $crate::checklist::ChecklistReport = "ChecklistReport" [shared],
                options: [],
                output: $crate::words::ChecklistWords = "ChecklistWords",
                framework: [],
            }
            [analysis]
            /// Pareto analysis: customers ranked by a measure (revenue, profit, …)
            /// and the smallest set that makes up the target share.
            pareto {
                js: "pareto",
                module: analysis,
                input: input: $crate::analysis::ParetoInput = "ParetoInput",
                options: [],
                output: $crate::analysis::ParetoReport = "ParetoReport",
                framework: [],
            }
            [analysis]
            /// Portfolio matrix: each customer's attractiveness and relationship
            /// indices on weighted criteria, and its quadrant.
            portfolio {
                js: "portfolio",
                module: analysis,
                input: input: $crate::analysis::PortfolioInput = "PortfolioInput",
                options: [],
                output: $crate::analysis::PortfolioReport = "PortfolioReport",
                framework: [],
            }
            [analysis]
            /// Compares two audits (`before`, `after`) of one framework: the change
            /// in every period, phase and item.
            compare {
                js: "compare",
                module: analysis,
                input: input: $crate::analysis::ComparisonInput = "ComparisonInput",
                options: [$crate::scoring::ScoreOptions = "ScoreOptions"],
                output: $crate::analysis::AuditComparison = "AuditComparison",
                framework: [compare_with = "compareWith"],
            }
            [analysis]
            /// Aggregates several assessors' audits of one framework: mean scores
            /// and the spread of answers per item.
            aggregate {
                js: "aggregate",
                module: analysis,
                input: input: $crate::analysis::AggregateInput = "AggregateInput",
                options: [$crate::scoring::ScoreOptions = "ScoreOptions"],
                output: $crate::analysis::Aggregation = "Aggregation",
                framework: [aggregate_with = "aggregateWith"],
            }
            [analysis]
            /// Lays several units' audits of one framework side by side: one
            /// column per unit, one row per period and phase.
            units {
                js: "units",
                module: analysis,
                input: input: $crate::analysis::UnitsInput = "UnitsInput",
                options: [$crate::scoring::ScoreOptions = "ScoreOptions"],
                output: $crate::analysis::UnitComparison = "UnitComparison",
                framework: [units_with = "unitsWith"],
            }
            [analysis]
            /// Key account plan completeness: elements, horizon and review cadence.
            account_plan {
                js: "accountPlan",
                module: analysis,
                input: input: $crate::analysis::AccountPlanInput = "AccountPlanInput",
                options: [],
                output: $crate::analysis::AccountPlanReport = "AccountPlanReport",
                framework: [],
            }
            [analysis]
            /// Key account manager time allocation against a guideline.
            time_allocation {
                js: "timeAllocation",
                module: analysis,
                input: input: $crate::analysis::TimeAllocationInput = "TimeAllocationInput",
                options: [],
                output: $crate::analysis::TimeAllocationReport = "TimeAllocationReport",
                framework: [],
            }
            [analysis]
            /// Shortest path: the fewest item improvements reaching an audit
            /// target, or the programme areas to lift for the next maturity stage.
            shortest_path {
                js: "shortestPath",
                module: analysis,
                input: input: $crate::analysis::PathInput = "PathInput",
                options: [$crate::scoring::ScoreOptions = "ScoreOptions"],
                output: $crate::analysis::PathPlan = "PathPlan",
                framework: [shortest_path_with = "shortestPathWith"],
            }
            [analysis]
            /// Explains every derived figure of an input (position, current
            /// period, stage, litmus verdicts, quadrants) as a trace of terms and
            /// a rule in plain words.
            explain {
                js: "explain",
                module: analysis,
                input: input: $crate::analysis::ExplainInput = "ExplainInput",
                options: [$crate::scoring::ScoreOptions = "ScoreOptions"],
                output: $crate::analysis::Explanation = "Explanation",
                framework: [explain_with = "explainWith"],
            }
            [analysis]
            /// Re-scores one saved assessment under two versions of a framework
            /// and reports what changed.
            rescore {
                js: "rescore",
                module: analysis,
                input: input: $crate::analysis::RescoreInput = "RescoreInput",
                options: [$crate::scoring::ScoreOptions = "ScoreOptions"],
                output: $crate::analysis::RescoreReport = "RescoreReport",
                framework: [],
            }
            [batch]
            /// Scores a batch of action audits given as rows of cells, one row
            /// per assessment and one cell per named column (every item in
            /// framework order when no columns are named): a spreadsheet of
            /// audits in one call.
            score_batch {
                js: "scoreBatch",
                module: analysis,
                input: batch: $crate::batch::BatchInput = "BatchInput",
                options: [],
                output: $crate::batch::BatchReport = "BatchReport",
                framework: [score_batch_with = "scoreBatchWith"],
            }
            [always]
            /// Scores a checklist assessment (the shared assessment format)
            /// against the bundled checklist it names: completion per section
            /// and per group, the stage reached and the balance indicator where
            /// the checklist has them, and the next actions.
            score_checklist {
                js: "scoreChecklist",
                module: analysis,
                input: assessment: $crate::assessment::AuditAssessment = "AuditAssessment" [shared],
                options: [$crate::checklist::ChecklistOptions = "ChecklistOptions"],
                output: $crate::checklist::ChecklistReport = "ChecklistReport",
                framework: [score_checklist_with = "scoreChecklistWith"],
            }
            [reports]
            /// Reads a whole KAM programme: each unit's audits merged per date
            /// across its assessors, their agreement (Krippendorff's alpha),
            /// trend, pace and next milestone; the roll-up through the units and
            /// their ranking; the programme's next actions and disagreements; and
            /// its maturity, litmus, customer and account-plan results.
            programme_report {
                js: "programmeReport",
                module: analysis,
                input: programme: $crate::programme::Programme = "Programme" [own],
                options: [$crate::scoring::ScoreOptions = "ScoreOptions"],
                output: $crate::programme::ProgrammeReport = "ProgrammeReport",
                framework: [],
            }
        }
    };
}

/// The rows of the table this build has, handed to the callback without
/// their feature tags: a tt-muncher over `[feature] row` pairs.
#[doc(hidden)]
#[macro_export]
macro_rules! __operations_in_build {
    ($callback:ident [$($kept:tt)*]) => {
        $callback! { $($kept)* }
    };
    ($callback:ident [$($kept:tt)*]
        [$feature:ident] $(#[$($attr:tt)*])* $name:ident { $($row:tt)* } $($rest:tt)*) => {
        $crate::__operation_if! { $feature
            [$callback [$($kept)* $(#[$($attr)*])* $name { $($row)* }] $($rest)*]
            [$callback [$($kept)*] $($rest)*]
        }
    };
}

/// Continues the muncher with its first argument when this build of
/// kam-core has the feature, else with its second.
#[doc(hidden)]
#[macro_export]
macro_rules! __operation_if {
    (always [$($yes:tt)*] $no:tt) => {
        $crate::__operations_in_build! { $($yes)* }
    };
    (analysis $yes:tt $no:tt) => {
        $crate::__operation_if_analysis! { $yes $no }
    };
    (batch $yes:tt $no:tt) => {
        $crate::__operation_if_batch! { $yes $no }
    };
    (reports $yes:tt $no:tt) => {
        $crate::__operation_if_reports! { $yes $no }
    };
}

/// `[yes] [no]`: continues with `yes`, this build having `analysis`.
#[cfg(feature = "analysis")]
#[doc(hidden)]
#[macro_export]
macro_rules! __operation_if_analysis {
    ([$($yes:tt)*] $no:tt) => {
        $crate::__operations_in_build! { $($yes)* }
    };
}

/// `[yes] [no]`: continues with `no`, this build lacking `analysis`.
#[cfg(not(feature = "analysis"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __operation_if_analysis {
    ($yes:tt [$($no:tt)*]) => {
        $crate::__operations_in_build! { $($no)* }
    };
}

/// `[yes] [no]`: continues with `yes`, this build having `batch`.
#[cfg(feature = "batch")]
#[doc(hidden)]
#[macro_export]
macro_rules! __operation_if_batch {
    ([$($yes:tt)*] $no:tt) => {
        $crate::__operations_in_build! { $($yes)* }
    };
}

/// `[yes] [no]`: continues with `no`, this build lacking `batch`.
#[cfg(not(feature = "batch"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __operation_if_batch {
    ($yes:tt [$($no:tt)*]) => {
        $crate::__operations_in_build! { $($no)* }
    };
}

/// `[yes] [no]`: continues with `yes`, this build having `reports`.
#[cfg(feature = "reports")]
#[doc(hidden)]
#[macro_export]
macro_rules! __operation_if_reports {
    ([$($yes:tt)*] $no:tt) => {
        $crate::__operations_in_build! { $($yes)* }
    };
}

/// `[yes] [no]`: continues with `no`, this build lacking `reports`.
#[cfg(not(feature = "reports"))]
#[doc(hidden)]
#[macro_export]
macro_rules! __operation_if_reports {
    ($yes:tt [$($no:tt)*]) => {
        $crate::__operations_in_build! { $($no)* }
    };
}

/// Which WebAssembly module of the JavaScript package holds an operation.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(rename_all = "kebab-case")]
#[non_exhaustive]
pub enum Module {
    /// `kam`: frameworks, scoring, charts and reports; what the calculators
    /// load, held under its size budget.
    Engine,
    /// `kam/analysis`: the analyses, loaded only by pages that use them.
    Analysis,
}

/// The description of one operation of the table, for bindings and tools
/// (Python `kam.operations()`, JavaScript `operations()`).
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[non_exhaustive]
pub struct Operation {
    /// The facade function's name, e.g. `score_maturity` (also Python's).
    pub name: &'static str,
    /// The JavaScript function's name, e.g. `scoreMaturity`.
    pub js_name: &'static str,
    /// The name of the variant scoring against a given framework: Rust
    /// `api::<name>_with`, Python `framework=`, JavaScript e.g. `scoreMaturityWith`.
    pub js_with_name: Option<&'static str>,
    /// The WebAssembly module holding it.
    pub module: Module,
    /// The Python and JavaScript name of its input argument, e.g. `assessment`.
    pub argument: &'static str,
    /// The input type's name, e.g. `MaturityAssessment`; its schema is
    /// [`schema_name`] of it.
    pub input: &'static str,
    /// The options type's name, if it takes options.
    pub options: Option<&'static str>,
    /// The output type's name.
    pub output: &'static str,
    /// Its documentation, as rustdoc lines.
    pub doc: &'static str,
}

impl Operation {
    /// Whether it has a variant scoring against a framework the caller gives.
    pub fn takes_framework(&self) -> bool {
        self.js_with_name.is_some()
    }

    /// The first sentence of its documentation, on one line.
    pub fn summary(&self) -> String {
        let text: Vec<&str> = self.doc.split_whitespace().collect();
        let text = text.join(" ");
        match text.find(": ").into_iter().chain(text.find(". ")).min() {
            Some(end) => text.get(..end).unwrap_or(&text).to_owned(),
            None => text.trim_end_matches('.').to_owned(),
        }
    }
}

/// The options of an operation that takes none: only `{}`.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq, Serialize, Deserialize)]
#[cfg_attr(feature = "schema", derive(schemars::JsonSchema))]
#[serde(deny_unknown_fields)]
pub struct NoOptions {}

impl crate::json::Document for NoOptions {}

/// The name of the JSON Schema of a type: its title in kebab case, e.g.
/// `AuditAssessment` → `audit-assessment`.
///
/// ```
/// let score = kam_core::api::operation("score").unwrap();
/// assert_eq!(kam_core::api::schema_name(score.output), "audit-report");
/// ```
pub fn schema_name(type_name: &str) -> String {
    let mut name = String::with_capacity(type_name.len() + 4);
    for (i, c) in type_name.chars().enumerate() {
        if c.is_ascii_uppercase() {
            if i > 0 {
                name.push('-');
            }
            name.push(c.to_ascii_lowercase());
        } else {
            name.push(c);
        }
    }
    name
}

/// The operation with this name, if any.
///
/// ```
/// let op = kam_core::api::operation("score_maturity").unwrap();
/// assert_eq!((op.js_name, op.input), ("scoreMaturity", "MaturityAssessment"));
/// assert!(op.takes_framework());
/// ```
pub fn operation(name: &str) -> Option<&'static Operation> {
    OPERATIONS.iter().find(|op| op.name == name)
}

/// The error for a framework given to an operation that takes none.
fn takes_no_framework(operation: &str, framework: &Framework) -> Error {
    OptionsError::Invalid {
        path: String::new(),
        option: "framework".to_owned(),
        value: framework.id().to_owned(),
        expected: format!("`{operation}` scores against no framework given by the caller"),
    }
    .into()
}

/// Writes a result as compact JSON text.
///
/// # Errors
/// None in practice: kam's results have only string keys and finite
/// numbers; should writing ever fail, the problem is reported, not hidden.
pub(crate) fn to_json<T: Serialize>(value: &T) -> Result<String, Error> {
    serde_json::to_string(value).map_err(|e| {
        crate::error::InputError::InvalidJson {
            path: ".".to_owned(),
            message: e.to_string(),
        }
        .into()
    })
}

/// The [`Module`] of a row's `module:` word.
macro_rules! module {
    (engine) => {
        Module::Engine
    };
    (analysis) => {
        Module::Analysis
    };
}

/// `None`, or `Some` of the one token given.
macro_rules! some_or_none {
    () => {
        None
    };
    ($value:tt) => {
        Some($value)
    };
}

/// The doc example of an operation's `run`: reading its input from text and
/// running it, as generic code does.
macro_rules! run_example {
    ($name:ident) => {
        concat!(
            "```\n",
            "use kam_core::api::ops::",
            stringify!($name),
            ";\n\n",
            "// Reads the input from text and runs the operation with the default options.\n",
            "fn run_text(text: &str) -> Result<",
            stringify!($name),
            "::Output, kam_core::Error> {\n",
            "    let input = ",
            stringify!($name),
            "::Input::from_json(text)?;\n",
            "    ",
            stringify!($name),
            "::run(&input, &Default::default(), None)\n",
            "}\n",
            "assert_eq!(run_text(\"{}\").unwrap_err().kind(), \"invalid-input\");\n",
            "```",
        )
    };
}

/// The doc example of an operation's `call_json`.
macro_rules! call_json_example {
    ($name:ident) => {
        concat!(
            "```\n",
            "// Text that is not the operation's input is refused, saying where.\n",
            "let err = kam_core::api::ops::",
            stringify!($name),
            "::call_json(\"{}\", None, None).unwrap_err();\n",
            "assert_eq!(err.kind(), \"invalid-input\");\n",
            "assert_eq!(err.path().as_deref(), Some(\"\"));\n",
            "```",
        )
    };
}

/// The body of an operation's `run`, by whether it takes options and has a
/// `*_with` variant.
macro_rules! run_operation {
    ($name:ident [$options:ty] [$with:ident]) => {
        /// Runs the operation against the bundled framework its input
        /// names, or against `framework`.
        ///
        ///
        #[doc = run_example!($name)]
        ///
        /// # Errors
        /// Those of the facade function of the same name.
        pub fn run(
            input: &Input,
            options: &Options,
            framework: Option<&Framework>,
        ) -> Result<Output, Error> {
            match framework {
                None => crate::api::$name(input, options),
                Some(framework) => crate::api::$with(framework, input, options),
            }
        }
    };
    ($name:ident [$options:ty] []) => {
        /// Runs the operation.
        ///
        ///
        #[doc = run_example!($name)]
        ///
        /// # Errors
        /// Those of the facade function of the same name; `invalid-option`
        /// when given a framework.
        pub fn run(
            input: &Input,
            options: &Options,
            framework: Option<&Framework>,
        ) -> Result<Output, Error> {
            match framework {
                None => crate::api::$name(input, options),
                Some(framework) => Err(takes_no_framework(stringify!($name), framework)),
            }
        }
    };
    ($name:ident [] [$with:ident]) => {
        /// Runs the operation against the bundled framework its input
        /// names, or against `framework`.
        ///
        ///
        #[doc = run_example!($name)]
        ///
        /// # Errors
        /// Those of the facade function of the same name.
        pub fn run(
            input: &Input,
            _options: &Options,
            framework: Option<&Framework>,
        ) -> Result<Output, Error> {
            match framework {
                None => crate::api::$name(input),
                Some(framework) => crate::api::$with(framework, input),
            }
        }
    };
    ($name:ident [] []) => {
        /// Runs the operation.
        ///
        ///
        #[doc = run_example!($name)]
        ///
        /// # Errors
        /// Those of the facade function of the same name; `invalid-option`
        /// when given a framework.
        pub fn run(
            input: &Input,
            _options: &Options,
            framework: Option<&Framework>,
        ) -> Result<Output, Error> {
            match framework {
                None => crate::api::$name(input),
                Some(framework) => Err(takes_no_framework(stringify!($name), framework)),
            }
        }
    };
}

/// `from_json` and `FromStr` for a type read from JSON: the one obvious way
/// to parse kam's inputs in Rust, with kam's limits and paths (a web
/// framework's `Json<T>` extractor, which calls serde directly, has
/// neither).
macro_rules! readable {
    ($type:ty, $name:tt, $note:tt) => {
        impl $type {
            #[doc = concat!(
                "Reads a `", $name, "` from JSON text, checked against kam's limits, ",
                "with the place of the first problem as a JSON Pointer.\n\n",
                $note, "\n\n",
                "# Errors\n",
                "- `invalid-json` for text that is not JSON;\n",
                "- `invalid-input` for JSON of another shape (a missing or unknown field, ",
                "a value of the wrong type or range, a key given twice), naming its path;\n",
                "- `input-too-large`, `too-deep`, `text-too-long` and `too-many-entries` ",
                "beyond the limits of [`crate::limits`], and the named limits of the lists ",
                "that have one (e.g. `too-many-customers`);\n",
                "- the errors of a framework file inside it, which is validated as it is read.",
            )]
            pub fn from_json(json: &str) -> Result<Self, Error> {
                crate::json::from_json(json)
            }
        }

        impl crate::json::Document for $type {}

        impl std::str::FromStr for $type {
            type Err = Error;

            /// See `from_json`.
            fn from_str(json: &str) -> Result<Self, Error> {
                crate::json::from_json(json)
            }
        }
    };
}

readable!(
    crate::scoring::ScoreOptions,
    "ScoreOptions",
    "Every option has a default, so `{}` is valid."
);
readable!(
    crate::checklist::ChecklistOptions,
    "ChecklistOptions",
    "Every option has a default, so `{}` is valid."
);
readable!(
    crate::maturity::MaturityOptions,
    "MaturityOptions",
    "Every option has a default, so `{}` is valid."
);

/// `from_json` for an operation's input, unless another row has the type
/// already (marked `[shared]` in the table) or the type reads itself with
/// limits of its own (`[own]`, e.g. a programme).
macro_rules! readable_input {
    ($input:ty, $input_ts:tt) => {
        readable!(
            $input,
            $input_ts,
            "It is only read here; whether it fits its framework is checked when it is scored or analysed."
        );
    };
    ($input:ty, $input_ts:tt, shared) => {};
    ($input:ty, $input_ts:tt, own) => {};
}

/// The options type of a row: its own, or [`NoOptions`].
macro_rules! options_type {
    () => {
        NoOptions
    };
    ($options:ty) => {
        $options
    };
}

/// Expands the table into [`ops`], [`OPERATIONS`], [`call_json`] and the
/// schema lookup.
macro_rules! define_operations {
    ($(
        $(#[doc = $doc:tt])*
        $name:ident {
            js: $js:tt,
            module: $module:ident,
            input: $arg:ident: $input:ty = $input_ts:tt $([$result:ident])?,
            options: [$($options:ty = $options_ts:tt)?],
            output: $output:ty = $output_ts:tt,
            framework: [$($with:ident = $with_js:tt)?],
        }
    )*) => {
        /// Every operation as a module of the same shape: its `Input`,
        /// `Options` ([`NoOptions`] when it takes none) and `Output` types,
        /// and `run`, so code generic over operations (the bindings, the
        /// vector runners, the fuzz targets) needs no case per operation.
        pub mod ops {
            $(
                $(#[doc = $doc])*
                pub mod $name {
                    use super::super::*;

                    /// The input document.
                    pub type Input = $input;
                    /// The options document.
                    pub type Options = options_type!($($options)?);
                    /// The result document.
                    pub type Output = $output;

                    run_operation!($name [$($options)?] [$($with)?]);

                    /// Runs the operation on JSON text and returns the result
                    /// as compact JSON text. `options` `None` means the defaults.
                    ///
                    #[doc = call_json_example!($name)]
                    ///
                    /// # Errors
                    /// The JSON and limit errors of reading either text, and
                    /// those of [`run`].
                    pub fn call_json(
                        input: &str,
                        options: Option<&str>,
                        framework: Option<&Framework>,
                    ) -> Result<String, Error> {
                        let input = <Input as crate::json::Document>::read_json(input)?;
                        let options: Options = crate::json::read_options(options)?;
                        to_json(&run(&input, &options, framework)?)
                    }
                }
            )*
        }

        $(
            readable_input!($input, $input_ts $(, $result)?);
            readable!($output, $output_ts, "A result stored by this or a later version of kam reads back: fields it does not know are ignored.");
        )*

        /// Every operation, in table order.
        pub const OPERATIONS: &[Operation] = &[$(
            Operation {
                name: stringify!($name),
                js_name: $js,
                js_with_name: some_or_none!($($with_js)?),
                module: module!($module),
                argument: stringify!($arg),
                input: $input_ts,
                options: some_or_none!($($options_ts)?),
                output: $output_ts,
                doc: concat!($($doc, "\n"),*),
            },
        )*];

        /// Runs the operation named `operation` on JSON text, against the
        /// bundled framework its input names or against `framework`, and
        /// returns its result as compact JSON text; `None` for an unknown
        /// name (see [`operation`]). `options` `None` means the defaults.
        ///
        /// This is the one generic entry point: a service or a test can
        /// offer every operation without a case per operation.
        ///
        /// ```
        /// let text = r#"{"framework": "cranfield-kam-development",
        ///                "framework_version": "2006.2", "scores": {"A1.1": 3}}"#;
        /// let report = kam_core::api::call_json("score", text, None, None).unwrap()?;
        /// assert!(report.contains(r#""overall":{"score":3,"max":387,"#));
        /// assert!(kam_core::api::call_json("scroe", text, None, None).is_none());
        /// # Ok::<(), kam_core::Error>(())
        /// ```
        ///
        /// # Errors
        /// The JSON and limit errors of reading `input` and `options`, those
        /// of the operation, and `invalid-option` for a framework given to an
        /// operation without a `*_with` variant.
        pub fn call_json(
            operation: &str,
            input: &str,
            options: Option<&str>,
            framework: Option<&Framework>,
        ) -> Option<Result<String, Error>> {
            match operation {
                $(stringify!($name) => Some(ops::$name::call_json(input, options, framework)),)*
                _ => None,
            }
        }

        /// The JSON Schema of an operation's input, options or output type
        /// with this schema name.
        #[cfg(feature = "schema")]
        pub(super) fn operation_schema(name: &str) -> Option<serde_json::Value> {
            fn of<T: schemars::JsonSchema>() -> serde_json::Value {
                schemars::schema_for!(T).to_value()
            }
            $(
                if name == schema_name($input_ts) {
                    return Some(of::<$input>());
                }
                $(
                    if name == schema_name($options_ts) {
                        return Some(of::<$options>());
                    }
                )?
                if name == schema_name($output_ts) {
                    return Some(of::<$output>());
                }
            )*
            None
        }
    };
}

crate::for_each_operation!(define_operations);

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_are_unique_and_each_is_a_facade_function() {
        let mut seen = std::collections::BTreeSet::new();
        for op in OPERATIONS {
            assert!(seen.insert(op.name), "`{}` appears twice", op.name);
            assert!(op.name.chars().all(|c| c.is_ascii_lowercase() || c == '_'));
            // The JavaScript name is the facade name in camel case.
            let mut camel = String::new();
            let mut upper = false;
            for c in op.name.chars() {
                if c == '_' {
                    upper = true;
                } else if upper {
                    camel.push(c.to_ascii_uppercase());
                    upper = false;
                } else {
                    camel.push(c);
                }
            }
            assert_eq!(op.js_name, camel);
            if let Some(with) = op.js_with_name {
                assert_eq!(with, format!("{camel}With"));
            }
            assert!(!op.summary().is_empty(), "{}", op.name);
        }
    }

    #[test]
    #[cfg(feature = "schema")]
    fn type_names_are_the_schema_titles() {
        use schemars::JsonSchema;
        macro_rules! check_titles {
            ($(
                $(#[doc = $doc:tt])*
                $name:ident {
                    js: $js:tt,
                    module: $module:ident,
                    input: $arg:ident: $input:ty = $input_ts:tt $([$result:ident])?,
                    options: [$($options:ty = $options_ts:tt)?],
                    output: $output:ty = $output_ts:tt,
                    framework: [$($with:ident = $with_js:tt)?],
                }
            )*) => {$(
                assert_eq!(<$input as JsonSchema>::schema_name(), $input_ts);
                $(assert_eq!(<$options as JsonSchema>::schema_name(), $options_ts);)?
                assert_eq!(<$output as JsonSchema>::schema_name(), $output_ts);
            )*};
        }
        crate::for_each_operation!(check_titles);
    }

    #[test]
    fn schema_names_are_kebab_case_titles() {
        assert_eq!(schema_name("AuditAssessment"), "audit-assessment");
        assert_eq!(schema_name("Aggregation"), "aggregation");
        assert_eq!(schema_name("PathPlan"), "path-plan");
    }

    #[test]
    fn summaries_are_the_first_sentence() {
        let score = operation("score").unwrap();
        assert_eq!(score.summary(), "Scores an action-audit assessment");
        assert!(operation("nope").is_none());
    }

    // `pareto` is one of the analyses.
    #[cfg(feature = "analysis")]
    #[test]
    fn a_framework_given_to_an_operation_without_one_is_refused() {
        let framework = crate::api::framework("cranfield-kam-development").unwrap();
        let input = r#"{"customers": [{"id": "a", "value": 1}]}"#;
        let err = call_json("pareto", input, None, Some(framework))
            .unwrap()
            .unwrap_err();
        assert_eq!(err.kind(), "invalid-option");
        assert!(err.to_string().contains("`pareto`"), "{err}");
    }

    // `pareto` is one of the analyses.
    #[cfg(feature = "analysis")]
    #[test]
    fn operations_without_options_take_only_the_empty_object() {
        let input = r#"{"customers": [{"id": "a", "value": 1}]}"#;
        assert!(
            call_json("pareto", input, Some("{}"), None)
                .unwrap()
                .is_ok()
        );
        let err = call_json("pareto", input, Some(r#"{"strict": true}"#), None)
            .unwrap()
            .unwrap_err();
        assert!(err.to_string().contains("strict"), "{err}");
    }
}
