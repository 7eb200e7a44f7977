"""Seeds each fuzz target's corpus from the golden vectors in tests/vectors/."""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent
VECTORS = ROOT.parent / "tests" / "vectors"
# A vector seeds the target named like its operation, when there is one.
TARGETS = {p.stem for p in (ROOT / "fuzz_targets").glob("*.rs")}

# The programme vectors live in their own folder until the bindings export
# the operation (tests/vectors/README.md).
for path in sorted([*VECTORS.glob("*.json"), *(VECTORS / "programme").glob("*.json")]):
    vector = json.loads(path.read_text(encoding="utf-8"))
    text = vector.get("input_text")
    if text is None:
        text = json.dumps(vector["input"], ensure_ascii=False)
    targets = ["limits"]
    if vector["operation"] in TARGETS:
        targets.append(vector["operation"])
    seeds = [(target, text) for target in targets]
    if vector["operation"] == "score" and "options" in vector:
        seeds.append(("score_options", json.dumps(vector["options"])))
    for target, seed in seeds:
        folder = ROOT / "corpus" / target
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{path.stem}.json").write_text(seed, encoding="utf-8")
