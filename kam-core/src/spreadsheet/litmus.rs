//! The Litmus sheet: one row per question of each answer set, so a test
//! answered once has one block of rows and a test repeated per customer has
//! several, each with its own respondent and subject ("about").

use std::collections::BTreeMap;

use super::book::{Highlight, Rule, Sheet, Style, Validation};
use super::cell::Area;
use crate::framework::{AuditFramework, LitmusTest};
use crate::litmus::LitmusAnswers;

/// The sheet's name.
pub(crate) const SHEET: &str = "Litmus";

/// How many answer sets a template offers a test repeated per customer
/// (kam's choice: five key customers is a common portfolio for one key
/// account manager; more can be added by copying a block).
pub(crate) const REPEATED_SETS: u32 = 5;

/// The answers a cell may hold, as the dropdown offers them.
pub(crate) const YES: &str = "Yes";
/// See [`YES`].
pub(crate) const NO: &str = "No";

/// Column titles; the reader finds columns by these.
pub(crate) mod header {
    pub(crate) const TEST: &str = "Test";
    pub(crate) const SET: &str = "Set";
    pub(crate) const RESPONDENT: &str = "Respondent";
    pub(crate) const ABOUT: &str = "About";
    pub(crate) const QUESTION: &str = "Question id";
    pub(crate) const ANSWER: &str = "Answer";
}

const COLUMNS: &[(&str, f64)] = &[
    (header::TEST, 22.0),
    (header::SET, 6.0),
    (header::RESPONDENT, 22.0),
    (header::ABOUT, 22.0),
    (header::QUESTION, 24.0),
    ("Question", 70.0),
    (header::ANSWER, 10.0),
];

/// One answer set to lay out: which test, its number, who answered, about
/// what, and the answers given.
struct Block<'a> {
    test: &'a LitmusTest,
    set: u32,
    respondent: Option<&'a str>,
    about: Option<&'a str>,
    answers: Option<&'a BTreeMap<String, bool>>,
}

/// Lays out the Litmus sheet: `answers`' answer sets, and blank sets (one,
/// or [`REPEATED_SETS`] for a repeated test) for every test they leave out.
pub(crate) fn litmus_sheet(framework: &AuditFramework, answers: Option<&LitmusAnswers>) -> Sheet {
    let mut sheet = Sheet::new(SHEET);
    sheet.header_row(0, COLUMNS);
    let mut row = 0;
    for block in blocks(framework, answers) {
        for question in &block.test.questions {
            row += 1;
            sheet.text(row, 0, &block.test.id, Style::Text);
            sheet.number(row, 1, f64::from(block.set), Style::Integer);
            sheet.text(row, 2, block.respondent.unwrap_or(""), Style::Input);
            sheet.text(row, 3, block.about.unwrap_or(""), Style::Input);
            sheet.text(row, 4, &question.id, Style::Text);
            sheet.text(row, 5, &question.text, Style::Text);
            let answer = block
                .answers
                .and_then(|a| a.get(&question.id))
                .map_or("", |&yes| if yes { YES } else { NO });
            sheet.text(row, 6, answer, Style::Input);
        }
    }
    let last = row.max(1);
    let answers = Area::column(SHEET, 6, 1, last);
    sheet.validations.push(Validation {
        area: answers.clone(),
        rule: Rule::Words(vec![YES.to_owned(), NO.to_owned()]),
        prompt: "Yes only for an unambivalent yes (the source's rule); otherwise No.".to_owned(),
        error: "Answer Yes or No.".to_owned(),
    });
    sheet.highlights.push(Highlight::Blank(answers));
    sheet.freeze = Some((1, 0));
    sheet.protected = true;
    sheet
}

/// The answer sets in sheet order: the given ones in the order of the
/// responses (each test's sets numbered from 1), then blank ones for tests
/// nobody answered.
fn blocks<'a>(framework: &'a AuditFramework, answers: Option<&'a LitmusAnswers>) -> Vec<Block<'a>> {
    let mut blocks = Vec::new();
    let mut sets: BTreeMap<&str, u32> = BTreeMap::new();
    for response in answers.into_iter().flat_map(|a| &a.responses) {
        let Some(test) = framework
            .litmus_tests
            .iter()
            .find(|t| t.id == response.test)
        else {
            continue;
        };
        for answer_set in &response.answer_sets {
            let set = sets.entry(&test.id).or_default();
            *set += 1;
            blocks.push(Block {
                test,
                set: *set,
                respondent: response.respondent.as_deref(),
                about: answer_set.about.as_deref(),
                answers: Some(&answer_set.answers),
            });
        }
    }
    for test in &framework.litmus_tests {
        if sets.contains_key(test.id.as_str()) {
            continue;
        }
        let count = if test.repeat_per.is_some() {
            REPEATED_SETS
        } else {
            1
        };
        blocks.extend((1..=count).map(|set| Block {
            test,
            set,
            respondent: None,
            about: None,
            answers: None,
        }));
    }
    blocks
}
