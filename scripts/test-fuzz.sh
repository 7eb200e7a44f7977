#!/usr/bin/env bash
# Fuzzing: builds every cargo-fuzz target and runs each briefly from a corpus
# seeded with the golden vectors. Any panic (including a broken report
# invariant), hang or runaway allocation fails the run.
#   KAM_FUZZ_SECONDS  seconds per target (default 10: 24 targets, two at a
#                     time on CI's 2 cores, run for about 2 minutes after the
#                     build; longer runs are recorded in docs/security.md)
#   KAM_FUZZ_JOBS     targets run at once (default: the number of cores)
set -euo pipefail
cd "$(dirname "$0")/.."
seconds=${KAM_FUZZ_SECONDS:-10}
if ! cargo fuzz --version >/dev/null 2>&1; then
  cargo install cargo-fuzz --locked || cargo install cargo-fuzz
fi
python3 fuzz/seed.py
# The workbook reader is seeded with real workbooks (docs/security.md).
cargo run -q -p kam-engine --example spreadsheet_seeds -- fuzz/corpus/read_spreadsheet
cd fuzz
targets=$(cargo fuzz list)
# Stable toolchain: no sanitizer, coverage-guided libFuzzer all the same.
cargo fuzz build --sanitizer none --release 2>&1 | tail -n 2
mkdir -p ../target
bin="target/$(rustc -vV | sed -n 's/^host: //p')/release"

# One target: its built binary (what `cargo fuzz run` starts) on its corpus.
fuzz_one() {
  local target=$1 log="../target/fuzz-$1.log" status=0 runs
  mkdir -p "artifacts/$target" "corpus/$target"
  "$bin/$target" "corpus/$target" -artifact_prefix="artifacts/$target/" \
    -max_total_time="$seconds" -timeout=5 -rss_limit_mb=1024 -print_final_stats=1 \
    >"$log" 2>&1 || status=$?
  runs=$(grep -Eo 'stat::number_of_executed_units: *[0-9]+' "$log" | grep -Eo '[0-9]+$' || echo 0)
  echo "fuzz $target: $runs executions in ${seconds}s, exit $status"
  if [ "$status" -ne 0 ]; then
    tail -n 40 "$log" >&2
    echo "fuzz target $target found a problem: see fuzz/artifacts/$target and $log" >&2
    return 1
  fi
}

# libFuzzer runs on one core: as many targets at once as there are cores.
jobs=${KAM_FUZZ_JOBS:-$(nproc 2>/dev/null || echo 2)}
failed=0
running=0
for target in $targets; do
  if [ "$running" -ge "$jobs" ]; then
    wait -n || failed=1
    running=$((running - 1))
  fi
  fuzz_one "$target" &
  running=$((running + 1))
done
while [ "$running" -gt 0 ]; do
  wait -n || failed=1
  running=$((running - 1))
done
exit "$failed"
