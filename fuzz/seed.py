"""Seeds each fuzz target's corpus from the golden vectors in tests/vectors/."""
import json
import pathlib

ROOT = pathlib.Path(__file__).resolve().parent
VECTORS = ROOT.parent / "tests" / "vectors"
TARGET_OF = {"score": "score", "score_maturity": "score_maturity",
             "score_litmus": "score_litmus", "load_framework": "load_framework"}

for path in sorted(VECTORS.glob("*.json")):
    vector = json.loads(path.read_text(encoding="utf-8"))
    text = vector.get("input_text")
    if text is None:
        text = json.dumps(vector["input"], ensure_ascii=False)
    targets = ["limits"]
    if vector["operation"] in TARGET_OF:
        targets.append(TARGET_OF[vector["operation"]])
    if vector["operation"] == "score" and "options" in vector:
        targets.append("score_options")
        (ROOT / "corpus" / "score_options").mkdir(parents=True, exist_ok=True)
        (ROOT / "corpus" / "score_options" / f"{path.stem}.json").write_text(
            json.dumps(vector["options"]), encoding="utf-8")
        targets.remove("score_options")
    for target in targets:
        folder = ROOT / "corpus" / target
        folder.mkdir(parents=True, exist_ok=True)
        (folder / f"{path.stem}.json").write_text(text, encoding="utf-8")
