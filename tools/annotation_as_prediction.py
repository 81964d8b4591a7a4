#!/usr/bin/env python3
"""Writes annotations (news-analysis GUIDELINES.md format) as predictions for score.py, so that
one annotator can be scored against another: inter-annotator agreement, the ceiling of what
the set can measure.

Usage: annotation_as_prediction.py ANNOT_DIR TEXT_DIR [--span start|paragraph] > PRED.jsonl

Each ANNOT_DIR/NAME.json becomes one JSON line (source NAME.txt; entities with name, type and
mentions; quotes with a code-point span and the speaker). A quote's span starts where its
content_start is found in TEXT_DIR/NAME.txt (score.py's find_span); it ends there
(`--span start`, the default) or at the end of that paragraph (`--span paragraph`, as a
system's span runs to the end of the quoted words). Standard library only.
"""
import importlib.util
import json
import sys
from pathlib import Path

SCORE = Path(__file__).resolve().parents[2] / "shared" / "eval" / "news-analysis-dev" / "score.py"


def find_span_fn():
    path = SCORE if SCORE.exists() else Path("/work/shared/eval/news-analysis-dev/score.py")
    spec = importlib.util.spec_from_file_location("score", path)
    mod = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(mod)
    return mod.find_span


def prediction(annot, text, find_span, to_paragraph):
    entities = [{"name": e["name"], "type": e["type"], "mentions": [{"text": m} for m in e.get("mentions", [])]}
                for e in annot.get("entities", [])]
    quotes = []
    for q in annot.get("quotes", []):
        span = find_span(text, q.get("content_start", ""))
        if span is None:
            continue
        start, end = span
        if to_paragraph:
            nl = text.find("\n", end)
            end = len(text) if nl < 0 else nl
        speaker = q.get("speaker") or ""
        quotes.append({"start": start, "end": end, "speaker": {"name": speaker, "text": speaker}})
    return {"source": annot.get("doc", "") + ".txt", "entities": entities, "quotes": quotes}


def main():
    args = [a for a in sys.argv[1:] if not a.startswith("--")]
    if len(args) < 2:
        sys.exit(__doc__)
    annot_dir, text_dir = Path(args[0]), Path(args[1])
    to_paragraph = "--span" in sys.argv and sys.argv[sys.argv.index("--span") + 1] == "paragraph"
    find_span = find_span_fn()
    for path in sorted(annot_dir.glob("*.json")):
        annot = json.loads(path.read_text(encoding="utf8"))
        text = (text_dir / f"{path.stem}.txt").read_text(encoding="utf8")
        print(json.dumps(prediction(annot, text, find_span, to_paragraph), ensure_ascii=False))


if __name__ == "__main__":
    main()
