#![no_main]
//! The `compare` analysis on arbitrary input text: an error or a result that
//! survives a JSON round trip, never a panic.

use kam_core::analysis::ComparisonInput;
use kam_core::{ScoreOptions, api};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kam_fuzz::analysis::<ComparisonInput, _, _>(data, |input| api::compare(&input, &ScoreOptions::default()));
});
