#![no_main]
//! Generated from kam-core's table of operations by
//! `KAM_BLESS=1 cargo test -p kam-engine --test operations`: do not edit.
//!
//! `describe_checklist` on arbitrary input text: an error, or a result that keeps
//! kam's invariants and survives a JSON round trip; never a panic.

libfuzzer_sys::fuzz_target!(|data: &[u8]| kam_fuzz::operation("describe_checklist", data));
