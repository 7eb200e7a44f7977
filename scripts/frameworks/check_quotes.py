#!/usr/bin/env python3
"""Checks that every text a bundled framework quotes is its source's words.

Each bundled framework file names its source; this script holds which seed
text that is (the seeds are the project's copies of the sources, kept outside
the repository). It walks every text of every file and checks that each one
whose provenance is `source` (the default) occurs in the seed, ignoring only
spacing and line breaks (the seeds are text extracted from pages and PDFs).

Not checked, by design:
* a framework's header (`name`, `description`, `source`): kam's catalogue
  entry, documented as kam's;
* texts marked `"provenance": "kam"`;
* the compositions listed in COMPOSED below, each documented in
  docs/methodology.md or the framework's docs page.

Usage:
    python3 scripts/frameworks/check_quotes.py --seeds DIR
    KAM_SEEDS=DIR python3 scripts/frameworks/check_quotes.py
"""

from __future__ import annotations

import argparse
import json
import os
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent.parent
FRAMEWORKS = ROOT / "kam-core" / "frameworks"

MATURITY = "000_8b7a02f625977ec7.txt"
FIVE_STAGES = "001_7d811f7bbede21d1.txt"
PILLARS = "002_2b284c29ae81bf16.txt"
CRANFIELD = "003_a6e700ab592e9e45.txt"
CHOOSING = "004_aaaac988df3869e9.txt"

# Framework id → the seed files it is transcribed from.
SEEDS = {
    "kam-maturity-model": [MATURITY],
    "kam-development-model": [FIVE_STAGES],
    "kam-three-pillars": [PILLARS],
    "cranfield-kam-development": [CRANFIELD],
    "cranfield-kam-time": [CRANFIELD],
    "kam-strategy": [CHOOSING],
    "kam-account-plan": [PILLARS, CRANFIELD, MATURITY],
}

# Texts that join or correct the source's words on purpose: (framework id,
# JSON path pattern) → what kam did. The checker tests what remains quoted.
COMPOSED = {
    # The paper prints the litmus questions for customers as rows under the
    # column heading "Are customers …"; kam joins heading and row into one
    # question (docs/methodology.md, "Litmus tests").
    ("cranfield-kam-development", r"litmus_tests/2/questions/\d+/text"): "heading",
    # One typo of the source is corrected: "metings" → "meetings"
    # (docs/methodology.md, section 3).
    ("kam-maturity-model", r"areas/3/descriptors/4"): "typo",
}

HEADER = {"id", "version", "name", "source", "description", "type"}
NOT_TEXT = {"id", "type", "version", "period", "stream", "after", "subject", "repeat_per", "provenance", "groups"}


def squeeze(text: str) -> str:
    """The text with every space and line break removed and line-break hyphens joined."""
    return re.sub(r"\s+", "", text)


def texts(value, path: str = "", kam: bool = False):
    """Every string in a framework file with its path, skipping kam's texts."""
    if isinstance(value, dict):
        kam = kam or value.get("provenance") == "kam"
        for key, child in value.items():
            if path == "" and key in HEADER:
                continue
            if key in NOT_TEXT:
                continue
            yield from texts(child, f"{path}/{key}".lstrip("/"), kam)
    elif isinstance(value, list):
        for index, child in enumerate(value):
            yield from texts(child, f"{path}/{index}", kam)
    elif isinstance(value, str) and not kam:
        yield path, value


def quoted_part(framework: str, path: str, text: str) -> str | None:
    """What of a composed text is quoted; None when it is not composed."""
    for (fid, pattern), how in COMPOSED.items():
        if fid == framework and re.fullmatch(pattern, path):
            if how == "heading":
                return text.removeprefix("Are customers ").rstrip("?")
            if how == "typo":
                return text.replace("meetings", "metings")
    return None


def check(seeds: Path) -> list[str]:
    problems = []
    for file in sorted(FRAMEWORKS.glob("*.json")):
        framework = json.loads(file.read_text(encoding="utf-8"))
        seed_names = SEEDS.get(framework["id"])
        if seed_names is None:
            problems.append(f"{file.name}: no seed is known for `{framework['id']}`")
            continue
        seed = "\n".join(squeeze((seeds / name).read_text(encoding="utf-8")) for name in seed_names)
        seed_lower = seed.lower()
        for path, text in texts(framework):
            wanted = quoted_part(framework["id"], path, text) or text
            needle = squeeze(wanted).rstrip(".")
            if needle in seed:
                continue
            # A question, item or stage the source starts in upper or lower case as the sentence needs.
            if needle.lower() in seed_lower:
                continue
            problems.append(f"{file.name}: {path}: `{text}` is not in {', '.join(seed_names)}")
    return problems


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--seeds", type=Path, default=os.environ.get("KAM_SEEDS"), help="the seeds directory")
    args = parser.parse_args()
    if args.seeds is None:
        print("check_quotes.py needs --seeds DIR or KAM_SEEDS", file=sys.stderr)
        return 2
    problems = check(Path(args.seeds))
    for problem in problems:
        print(problem, file=sys.stderr)
    if not problems:
        print("every quoted text is in its seed")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
