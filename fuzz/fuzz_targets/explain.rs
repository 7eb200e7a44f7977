#![no_main]
//! The `explain` analysis on arbitrary input text: an error or a result that
//! survives a JSON round trip, never a panic.

use kam_core::analysis::ExplainInput;
use kam_core::{ScoreOptions, api};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kam_fuzz::analysis::<ExplainInput, _, _>(data, |input| api::explain(&input, &ScoreOptions::default()));
});
