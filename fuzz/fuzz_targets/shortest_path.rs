#![no_main]
//! The `shortest_path` analysis on arbitrary input text: an error or a result that
//! survives a JSON round trip, never a panic.

use kam_core::analysis::PathInput;
use kam_core::{ScoreOptions, api};
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kam_fuzz::analysis::<PathInput, _, _>(data, |input| api::shortest_path(&input, &ScoreOptions::default()));
});
