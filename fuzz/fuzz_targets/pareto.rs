#![no_main]
//! The `pareto` analysis on arbitrary input text: an error or a result that
//! survives a JSON round trip, never a panic.

use kam_core::analysis::ParetoInput;
use kam_core::api;
use libfuzzer_sys::fuzz_target;

fuzz_target!(|data: &[u8]| {
    kam_fuzz::analysis::<ParetoInput, _, _>(data, |input| api::pareto(&input));
});
