#!/usr/bin/env python3
"""Train the quote filter (crates/newsmill-analyze/models/quote-filter-en.tsv): a logistic model of
whether a quote the analysis found is a real attribution, from the signals newsmill computes
for it (crates/newsmill-analyze/src/quotes/confidence.rs).

  newsmill eval analysis --data GOLD_DIR --quote-features FEATURES.jsonl --predictions PRED.jsonl
  tools/train_quote_filter.py --gold GOLD_DIR --predictions PRED.jsonl --features FEATURES.jsonl
                              [--folds data/news-analysis-train/folds.json ...] [--out MODEL.tsv]

With --quote-features the analysis keeps every quote, so PRED.jsonl holds the quotes the filter
weighs, in the order of FEATURES.jsonl. A quote is labelled right when it covers half of a gold
quote's located span (the rule of news-analysis-dev's score.py). A signal is kept only when it
occurs in at least MIN_DOCS articles, so that the model cannot learn one article's words. The
L2 strength and the threshold are chosen by cross-validation grouped by article (the folds of
--folds, given once per file: the 195 articles' folds.json and each round's): each article's
quotes are filtered by a model that never saw it, and the set is scored with score.py; the
choice maximizes quote F1 (then who-said-what F1). The shipped model is then fit on every
article.

Needs numpy, scipy and scikit-learn (pip install scikit-learn); score.py from
../shared/eval/news-analysis-dev (or --scorer).
"""
import argparse
import importlib.util
import json
import tempfile
from collections import defaultdict
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

CS = [0.1, 0.3, 1.0]
THRESHOLDS = [0.0, 0.1, 0.15, 0.2, 0.25, 0.3, 0.35, 0.4, 0.45, 0.5]
MIN_DOCS = 3


def load(gold_dir, pred_path, feat_path, scorer):
    preds = {Path(json.loads(line)["source"]).stem: json.loads(line) for line in open(pred_path, encoding="utf8")}
    signals = defaultdict(list)
    for line in open(feat_path, encoding="utf8"):
        r = json.loads(line)
        signals[r["doc"]].append(r["signals"])
    rows = []
    for name, pred in sorted(preds.items()):
        text = (gold_dir / f"{name}.txt").read_text(encoding="utf8")
        gold = json.loads((gold_dir / f"{name}.json").read_text(encoding="utf8"))
        spans = [s for s in (scorer.find_span(text, q["content_start"]) for q in gold.get("quotes", [])) if s]
        quotes = pred.get("quotes") or []
        if len(quotes) != len(signals[name]):
            raise SystemExit(f"{name}: {len(quotes)} quotes predicted but {len(signals[name])} rows of signals")
        for i, (q, sig) in enumerate(zip(quotes, signals[name])):
            ps, pe = q["start"], q["end"]
            right = any(max(0, min(pe, ge) - max(ps, gs)) * 2 >= ge - gs for gs, ge in spans)
            rows.append((name, i, sig, int(right)))
    return preds, rows


def fit(rows, c):
    docs = defaultdict(set)
    for name, _, sig, _ in rows:
        for s in sig:
            docs[s].add(name)
    keep = {s for s, d in docs.items() if len(d) >= MIN_DOCS and s != "bias"}
    vec = DictVectorizer()
    x = vec.fit_transform([{s: 1 for s in sig if s in keep} for _, _, sig, _ in rows])
    model = LogisticRegression(C=c, max_iter=5000).fit(x, [r[3] for r in rows])
    return vec, model


def probabilities(vec, model, rows):
    x = vec.transform([{s: 1 for s in sig} for _, _, sig, _ in rows])
    return model.predict_proba(x)[:, 1]


def scored(scorer, gold_dir, preds, keep):
    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf8") as f:
        for name, pred in preds.items():
            pred = dict(pred, quotes=[q for i, q in enumerate(pred.get("quotes") or []) if keep(name, i)])
            f.write(json.dumps(pred) + "\n")
    s = scorer.score(gold_dir, f.name)
    Path(f.name).unlink()
    return s


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--gold", required=True, type=Path)
    ap.add_argument("--predictions", required=True)
    ap.add_argument("--features", required=True)
    ap.add_argument("--folds", action="append", help="a JSON file of article -> fold (repeat to merge; "
                    "default data/news-analysis-train/folds.json)")
    ap.add_argument("--scorer", default="../shared/eval/news-analysis-dev/score.py")
    ap.add_argument("--out", default="crates/newsmill-analyze/models/quote-filter-en.tsv")
    ap.add_argument("--cv-predictions", help="write the chosen setting's cross-validated predictions here")
    args = ap.parse_args()
    spec = importlib.util.spec_from_file_location("score", args.scorer)
    scorer = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(scorer)
    preds, rows = load(args.gold, args.predictions, args.features, scorer)
    folds = {}
    for path in args.folds or ["data/news-analysis-train/folds.json"]:
        folds.update(json.load(open(path)))
    print(f"{len(rows)} quotes, {sum(r[3] for r in rows)} right")
    results, probs = {}, {}
    for c in CS:
        prob = {}
        for k in sorted(set(folds.values())):
            train = [r for r in rows if folds[r[0]] != k]
            test = [r for r in rows if folds[r[0]] == k]
            vec, model = fit(train, c)
            prob.update({(r[0], r[1]): p for r, p in zip(test, probabilities(vec, model, test))})
        probs[c] = prob
        for t in THRESHOLDS:
            s = scored(scorer, args.gold, preds, lambda name, i: prob[(name, i)] >= t)
            q, w = s["quotes"], s["who_said_what"]
            results[(c, t)] = (q["F1"], w["F1"])
            print(f"C {c:<4} threshold {t:.2f}  quotes P {q['P']:.3f} R {q['R']:.3f} F1 {q['F1']:.3f}"
                  f"  speaker {s['speaker_accuracy']:.3f}  who-said-what P {w['P']:.3f} R {w['R']:.3f} F1 {w['F1']:.3f}")
    (c, t), _ = max(results.items(), key=lambda kv: (round(kv[1][0], 3), round(kv[1][1], 3), -kv[0][0]))
    if args.cv_predictions:
        with open(args.cv_predictions, "w", encoding="utf8") as f:
            for name, pred in preds.items():
                quotes = [q for i, q in enumerate(pred.get("quotes") or []) if probs[c][(name, i)] >= t]
                f.write(json.dumps(dict(pred, quotes=quotes)) + "\n")
    vec, model = fit(rows, c)
    with open(args.out, "w", encoding="utf8") as f:
        f.write(f"# quote filter: C {c}, threshold {t}, {len(rows)} quotes; tools/train_quote_filter.py\n")
        f.write(f"bias\t{model.intercept_[0]:.5f}\n")
        for name, i in sorted(vec.vocabulary_.items()):
            if abs(model.coef_[0, i]) >= 1e-4:
                f.write(f"{name}\t{model.coef_[0, i]:.5f}\n")
        f.write(f"threshold\t{t}\n")
    print(f"chosen C {c}, threshold {t} -> {args.out}")


if __name__ == "__main__":
    main()
