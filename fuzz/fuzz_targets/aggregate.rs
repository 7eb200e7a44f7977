#![no_main]
//! The `aggregate` analysis on arbitrary input text: an error or a result that
//! survives a JSON round trip, never a panic.

use kam_core::analysis::AggregateInput;
use kam_core::{ScoreOptions, api};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kam_fuzz::analysis::<AggregateInput, _, _>(data, |input| api::aggregate(&input, &ScoreOptions::default()));
});
