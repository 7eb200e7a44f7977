"""Benchmark: the programme report of 50,000 audits against Python's
`json.loads` of the same programme text (issue 14's target: at most 3×).

    .venv/bin/python kam-py/bench/bench_programme.py [--units 1000] [--rounds 10] [--assessors 5]

The programme is the size kam is built for: 1,000 business units in ten
regions, audited on 10 yearly dates by 5 assessors each, every one of the
Cranfield audit's 129 items scored (pseudo-random scores around a unit's
level, seeded, so each run measures the same text). Reading the text is the
floor any Python user pays; `kam.programme_report(text)` reads the same text,
checks it, merges 10,000 rounds, computes every analysis and returns the
report as a dict (built straight from the report, with no JSON text in
between). `_kam._programme_report_json` is the same with the report written
as JSON text instead of the dict. Every time is the best of several runs (3
by default), all in one process, alternating, so the machine's load weighs
on each alike.
"""

from __future__ import annotations

import argparse
import json
import os
import random
import time
from typing import Any, Callable

import kam
from kam import _kam


def timed(f: Callable[[], Any]) -> tuple[float, Any]:
    """How long one call of `f` takes, and its result."""
    start = time.perf_counter()
    result = f()
    return time.perf_counter() - start, result


def programme_text(units: int, rounds: int, assessors: int) -> str:
    """A fictional programme of `units` × `rounds` × `assessors` audits."""
    framework = kam.framework("cranfield-kam-development")
    items = [i["id"] for i in framework["items"]]
    rng = random.Random(14)
    regions = max(1, min(10, units))
    unit_list: list[dict[str, Any]] = [{"id": f"region-{r + 1}"} for r in range(regions)]
    unit_list += [
        {"id": f"unit-{u + 1}", "parent": f"region-{u % regions + 1}"} for u in range(units)
    ]
    assessments = []
    for u in range(units):
        level = rng.random() * 0.6
        for r in range(rounds):
            date = f"{2016 + r}-03-{u % 28 + 1:02d}"
            progress = min(1.0, level + 0.05 * r)
            for a in range(assessors):
                scores = {
                    item: max(0, min(3, round(3 * progress * (1.6 - k / len(items)) + rng.choice((-1, 0, 0, 0, 1)))))
                    for k, item in enumerate(items)
                }
                assessments.append({
                    "type": "audit",
                    "assessment": {
                        "framework": "cranfield-kam-development",
                        "framework_version": framework["version"],
                        "context": {"unit": f"unit-{u + 1}", "assessor": f"assessor-{a + 1}", "date": date},
                        "scores": scores,
                    },
                })
    return json.dumps(
        {"name": "Benchmark programme (fictional)", "units": unit_list, "assessments": assessments},
        separators=(",", ":"),
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--units", type=int, default=1000)
    parser.add_argument("--rounds", type=int, default=10)
    parser.add_argument("--assessors", type=int, default=5)
    parser.add_argument("--runs", type=int, default=3)
    args = parser.parse_args()

    text = programme_text(args.units, args.rounds, args.assessors)
    audits = args.units * args.rounds * args.assessors
    print(f"programme: {audits:,} audits, {len(text) / 1e6:.1f} MB of JSON")
    print(f"load average before: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")

    floor = report = raw = float("inf")
    for _ in range(args.runs):
        t, _parsed = timed(lambda: json.loads(text))
        floor = min(floor, t)
        del _parsed
        t, result = timed(lambda: kam.programme_report(text))
        report = min(report, t)
        t, out = timed(lambda: _kam._programme_report_json(text))
        raw = min(raw, t)
    assert result["summary"]["audits"] == audits
    assert json.loads(out) == result

    print(f"json.loads of the text (the floor)        {floor:8.2f} s")
    print(f"kam.programme_report(text) → dict          {report:8.2f} s   {report / floor:.2f}× the floor")
    print(f"_kam._programme_report_json(text) → text    {raw:8.2f} s   {raw / floor:.2f}× the floor")
    print(f"load average after: {' '.join(f'{x:.2f}' for x in os.getloadavg())}")


if __name__ == "__main__":
    main()
