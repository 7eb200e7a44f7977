"""Benchmark: `kam.score_batch` on a million audits, against a plain pandas
implementation of the same scoring and against reading the input once.

    .venv/bin/python kam-py/bench/bench_score_batch.py [--rows 1000000]

The pandas version is what an analyst would write from the methodology:
weighted item scores summed per period, periods summed per phase and
overall, and the Figure 4 position from the cumulative period maxima. Its
results are checked equal to kam's before any time is reported. Every time is the
best of several runs (5 for kam and the reads, 3 for pandas).

Reading the input once is timed two ways: `np.load` of the matrix saved as
a .npy file (from the page cache: what reading a data set costs) and
`scores.max()`, a single vectorised pass over every byte already in memory
(the memory-bandwidth floor).
"""

from __future__ import annotations

import argparse
import sys
import tempfile
import time
from pathlib import Path
from typing import Any, Callable

import numpy as np
import numpy.typing as npt
import pandas as pd

import kam

FRAMEWORK = "cranfield-kam-development"


def best_of(runs: int, f: Callable[[], Any]) -> tuple[float, Any]:
    best, result = float("inf"), None
    for _ in range(runs):
        start = time.perf_counter()
        result = f()
        best = min(best, time.perf_counter() - start)
    return best, result


def pandas_scoring(scores: npt.NDArray[np.uint8]) -> dict[str, Any]:
    """The same scoring, written directly in pandas from the framework file."""
    fw = kam.framework(FRAMEWORK)
    items = pd.DataFrame(fw["items"])
    # A weight is written in the file only when it is not 1.
    items["weight"] = items["weight"].fillna(1) if "weight" in items else 1
    top = fw["scale"]["max"]
    df = pd.DataFrame(scores, columns=items["id"])
    weighted = df.mul(items.set_index("id")["weight"], axis=1)
    period_ids = [p["id"] for ph in fw["phases"] for p in ph["periods"]]
    periods = pd.DataFrame(
        {
            p: weighted[items.loc[items["period"] == p, "id"]].sum(axis=1)
            for p in period_ids
        }
    )
    period_max = pd.Series(
        {p: int(items.loc[items["period"] == p, "weight"].sum()) * top for p in period_ids}
    )
    phases = pd.DataFrame(
        {ph["id"]: periods[[p["id"] for p in ph["periods"]]].sum(axis=1) for ph in fw["phases"]}
    )
    overall = periods.sum(axis=1)
    total = int(period_max.sum())
    percent = overall * 100.0 / total
    cumulative = period_max.cumsum()
    starts = cumulative - period_max
    index = pd.cut(overall, bins=[0, *cumulative], right=False, labels=False)
    best = overall >= total
    index = index.fillna(len(period_ids) - 1).astype(int)
    fraction = (overall - starts.to_numpy()[index]) / period_max.to_numpy()[index]
    fraction[best] = 1.0
    return {
        "period_scores": periods.to_numpy(),
        "phase_scores": phases.to_numpy(),
        "overall": overall.to_numpy(),
        "percent": percent.to_numpy(),
        "position_number": (index + 1).to_numpy(),
        "position_fraction": fraction.to_numpy(),
    }


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=1_000_000)
    args = parser.parse_args()
    rng = np.random.default_rng(2006)
    scores = rng.integers(0, 4, size=(args.rows, len(kam.item_ids())), dtype=np.uint8)
    print(f"{args.rows:,} audits × {scores.shape[1]} items ({scores.nbytes / 1e6:.0f} MB uint8)")

    with tempfile.TemporaryDirectory() as tmp:
        path = Path(tmp) / "scores.npy"
        np.save(path, scores)
        load_s, loaded = best_of(5, lambda: np.load(path))
        assert np.array_equal(loaded, scores)
        del loaded
    read_s, _ = best_of(5, scores.max)
    kam_s, got = best_of(5, lambda: kam.score_batch(scores))
    pandas_s, want = best_of(3, lambda: pandas_scoring(scores))

    for key, expected in want.items():
        if not np.array_equal(got[key], expected):
            print(f"MISMATCH in {key}", file=sys.stderr)
            return 1
    print("results equal: yes")
    print(f"read the input once, np.load(.npy): {load_s * 1e3:9.1f} ms")
    print(f"one pass in memory, scores.max():   {read_s * 1e3:9.1f} ms")
    print(f"kam.score_batch:                    {kam_s * 1e3:9.1f} ms"
          f"  ({kam_s / load_s:.1f}× np.load, {kam_s / read_s:.1f}× one pass)")
    print(f"pandas implementation:              {pandas_s * 1e3:9.1f} ms"
          f"  (kam is {pandas_s / kam_s:.0f}× faster)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
