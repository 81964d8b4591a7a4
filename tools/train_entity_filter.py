#!/usr/bin/env python3
"""Train the entity filter (crates/newsmill-analyze/models/entity-filter-en.tsv): a model of whether an entity the
tagger found is a name of its type, from the signals newsmill computes for it. The shipped one is gradient-boosted
trees (--trees); without that flag the script fits one logistic weight per signal, a form newsmill also reads.

  newsmill eval analysis --data GOLD_DIR --entity-features FEATURES.jsonl
  tools/train_entity_filter.py --set GOLD_DIR FEATURES.jsonl [--set GOLD_DIR2 FEATURES2.jsonl]
                               [--out crates/newsmill-analyze/models/entity-filter-en.tsv]

GOLD_DIR is an annotated set laid out as news-analysis-dev (NAME.txt + NAME.json; for the
training annotations: data/news-analysis-train/eval_dir.py OUT). An entity is labelled right
when one of its forms equals a form of a gold entity of the same type (the rule of
news-analysis-dev's score.py). The L2 strength and the threshold are chosen by
cross-validation grouped by article (each article's entities are predicted by a model that
never saw that article), maximizing the mean of the sets' entity F1 (the first set's when
alone); the shipped model is then fit on every article of every set.
Standard library only; numpy, when installed, makes the fits fast. With --trees the model is
gradient-boosted trees instead (scikit-learn's GradientBoostingClassifier, needed then): the
signals' interactions (a one-word name that the tagger was unsure of and that opens a line)
that one weight per signal cannot express.
"""
import argparse
import json
import math
import random
import re
import unicodedata
from collections import defaultdict
from pathlib import Path

TYPES = {"PER": "PERSON", "PERSON": "PERSON", "ORG": "ORG", "LOC": "LOC", "GPE": "LOC", "MISC": "MISC"}
FOLDS = 5
L2S = [0.001, 0.003, 0.01, 0.03, 0.1]


def norm(s):  # as news-analysis-dev/score.py normalises a form
    s = unicodedata.normalize("NFKC", s or "")
    s = s.translate(str.maketrans({"‘": "'", "’": "'", "“": '"', "”": '"', "–": "-", "—": "-", ".": ""}))
    s = re.sub(r"^(the)\s+", "", s.strip().lower())
    return re.sub(r"\s+", " ", s).strip(" \"'.,;:")


def load(gold_dir, features_path):
    lines = open(features_path, encoding="utf8")
    names = json.loads(next(lines))["features"]
    gold, n_gold = {}, {}
    for g in Path(gold_dir).glob("*.json"):
        ents = json.loads(g.read_text(encoding="utf8")).get("entities", [])
        gold[g.stem] = [(TYPES.get(e["type"], e["type"]), {norm(e["name"])} | {norm(m) for m in e.get("mentions", [])})
                        for e in ents]
        n_gold[g.stem] = len(ents)
    rows = []
    for line in lines:
        r = json.loads(line)
        forms = {norm(r["name"])} | {norm(f) for f in r["forms"]}
        right = any(t == r["type"] and forms & gf for t, gf in gold.get(r["doc"], []))
        rows.append((r["doc"], r["features"], 1 if right else 0, r))
    return names, rows, n_gold


def fit(rows, l2, epochs=300, lr=0.5):
    """Logistic regression by full-batch gradient descent; with numpy when it is installed (the
    same steps, vectorised: thousands of rows take seconds instead of minutes)."""
    try:
        import numpy as np
    except ImportError:
        return fit_plain(rows, l2, epochs, lr)
    x = np.array([r[1] for r in rows], dtype=float)
    y = np.array([r[2] for r in rows], dtype=float)
    w = np.zeros(x.shape[1])
    for _ in range(epochs):
        p = 1 / (1 + np.exp(-np.clip(x @ w, -30, 30)))
        reg = l2 * w
        reg[0] = 0.0
        w -= lr * (x.T @ (p - y) / len(y) + reg)
    return [float(v) for v in w]


def fit_plain(rows, l2, epochs=300, lr=0.5):
    """`fit` in the standard library alone."""
    w = [0.0] * len(rows[0][1])
    n = len(rows)
    for _ in range(epochs):
        grad = [0.0] * len(w)
        for _, x, y, _ in rows:
            p = 1 / (1 + math.exp(-max(-30, min(30, sum(a * b for a, b in zip(w, x))))))
            for i, xi in enumerate(x):
                grad[i] += (p - y) * xi
        for i in range(len(w)):
            reg = 0.0 if i == 0 else l2 * w[i]
            w[i] -= lr * (grad[i] / n + reg)
    return w


def prob(w, x):
    return 1 / (1 + math.exp(-max(-30, min(30, sum(a * b for a, b in zip(w, x))))))


def f1_at(scored, total_gold, t):
    kept = [y for p, y in scored if p >= t]
    tp = sum(kept)
    p = tp / len(kept) if kept else 0.0
    r = tp / total_gold if total_gold else 0.0
    return (2 * p * r / (p + r) if p + r else 0.0), p, r


# The trees' settings (not searched: depth 3 and 200 trees at rate 0.05 scored within 0.002 of
# depth 4 or 400 trees in the grouped cross-validation of session 33).
TREES = dict(max_depth=3, n_estimators=200, learning_rate=0.05, min_samples_leaf=20, random_state=0)


def fit_trees(rows):
    from sklearn.ensemble import GradientBoostingClassifier
    return GradientBoostingClassifier(**TREES).fit([r[1] for r in rows], [r[2] for r in rows])


def cross_validate(rows, l2, trees=False):
    """Out-of-fold probabilities, in the order of `rows`."""
    docs = sorted({d for d, *_ in rows})
    random.Random(15).shuffle(docs)
    fold_of = {d: i % FOLDS for i, d in enumerate(docs)}
    scored = [None] * len(rows)
    for k in range(FOLDS):
        held = [i for i, r in enumerate(rows) if fold_of[r[0]] == k]
        train = [r for r in rows if fold_of[r[0]] != k]
        if trees:
            probs = fit_trees(train).predict_proba([rows[i][1] for i in held])[:, 1]
        else:
            w = fit(train, l2)
            probs = [prob(w, rows[i][1]) for i in held]
        for i, p in zip(held, probs):
            scored[i] = (float(p), rows[i][2])
    return scored


def trees_log_odds(lines, x, names):
    """The log-odds the written trees give the signals `x`, read as newsmill reads them."""
    at = {n: i for i, n in enumerate(names)}
    total, tree, node = 0.0, [], 0
    for line in lines + ["tree"]:
        f = line.rstrip("\n").split("\t")
        if f[0] == "init":
            total = float(f[1])
        elif f[0] == "tree":
            while tree and tree[node][0] == "split":
                node = int(tree[node][3]) if x[at[tree[node][1]]] <= float(tree[node][2]) else int(tree[node][4])
            total += float(tree[node][1]) if tree else 0.0
            tree, node = [], 0
        elif f[0] in ("split", "leaf"):
            tree.append(f)
    return total


def check_trees(path, model, rows, names):
    """The file gives the fitted model's log-odds (a guard against misreading scikit-learn's trees)."""
    lines = open(path, encoding="utf8").read().splitlines()
    import numpy as np
    for r in rows[:: max(1, len(rows) // 200)]:
        want = float(model.decision_function([r[1]])[0])
        # The trees compare signals as 32-bit floats, as newsmill computes them.
        got = trees_log_odds(lines, [float(v) for v in np.float32(r[1])], names)
        if abs(want - got) >= 1e-6:
            raise SystemExit(f"{path}: the written trees give log-odds {got}, the fitted model {want}")


def write_trees(out, model, names):
    """The trees as newsmill reads them: the starting log-odds, then each tree's nodes in order, a
    split (signal, threshold: left when the signal is at most it, the children's indices in the
    tree) or a leaf (its log-odds, the learning rate applied)."""
    prior = float(model.init_.class_prior_[1])
    init = math.log(prior / (1 - prior))
    out.write(f"trees\t{len(model.estimators_)}\n")
    out.write(f"init\t{init!r}\n")
    for est in model.estimators_[:, 0]:
        t = est.tree_
        out.write("tree\n")
        for n in range(t.node_count):
            if t.children_left[n] < 0:
                out.write(f"leaf\t{float(model.learning_rate * t.value[n][0][0])!r}\n")
            else:
                out.write(f"split\t{names[t.feature[n]]}\t{float(t.threshold[n])!r}\t{t.children_left[n]}\t{t.children_right[n]}\n")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--set", nargs=2, action="append", required=True, metavar=("GOLD_DIR", "FEATURES"))
    ap.add_argument("--choose-on-first", action="store_true",
                    help="choose L2 and threshold by the first set's F1 alone (the others still train)")
    ap.add_argument("--min-precision", type=float, default=0.0,
                    help="only settings whose cross-validated precision on the first set reaches this (the filter "
                         "before's, so that a refit trades no precision for recall)")
    ap.add_argument("--trees", action="store_true", help="gradient-boosted trees instead of the logistic model")
    ap.add_argument("--out", default=str(Path(__file__).resolve().parents[1] / "crates/newsmill-analyze/models/entity-filter-en.tsv"))
    args = ap.parse_args()
    sets = []
    for gold_dir, features in args.set:
        names, rows, n_gold = load(gold_dir, features)
        sets.append((Path(gold_dir).name, rows, sum(n_gold.values()), len(n_gold)))
        base = f1_at([(1.0, r[2]) for r in rows], sets[-1][2], 0.0)
        print(f"{sets[-1][0]}: {len(rows)} entities in {len(n_gold)} articles, {sum(r[2] for r in rows)} right; "
              f"no filter: F1 {base[0]:.3f} P {base[1]:.3f} R {base[2]:.3f}")
    rows = [r for _, rs, _, _ in sets for r in rs]
    best = None
    for l2 in [None] if args.trees else L2S:
        scored = dict(zip(range(len(rows)), cross_validate(rows, l2, args.trees)))
        at = 0
        per_set = []
        for name, rs, gold, _ in sets:
            per_set.append(([scored[at + i] for i in range(len(rs))], gold))
            at += len(rs)
        for t in [i / 20 for i in range(1, 16)]:
            figures = [f1_at(sc, gold, t) for sc, gold in per_set]
            counted = figures[:1] if args.choose_on_first else figures
            mean = sum(f[0] for f in counted) / len(counted)
            if figures[0][1] < args.min_precision:
                continue
            if best is None or mean > best[0]:
                best = (mean, figures, l2, t)
    mean, figures, l2, t = best
    setting = "gradient-boosted trees " + ", ".join(f"{k} {v}" for k, v in TREES.items()) if args.trees else f"L2 {l2}"
    print(f"chosen {setting}, threshold {t}: cross-validated " + "; ".join(
        f"{s[0]} F1 {f:.3f} P {p:.3f} R {r:.3f}" for s, (f, p, r) in zip(sets, figures)))
    model = fit_trees(rows) if args.trees else None
    w = None if args.trees else fit(rows, l2)
    with open(args.out, "w", encoding="utf8") as out:
        kind = "gradient-boosted trees" if args.trees else "logistic weights per signal"
        out.write(f"# newsmill entity filter: {kind} and the probability threshold\n")
        out.write(f"# trained by tools/train_entity_filter.py ({setting}); grouped 5-fold cross-validated: "
                  + "; ".join(f"{s[0]} ({s[3]} articles) F1 {f:.3f} P {p:.3f} R {r:.3f}"
                              for s, (f, p, r) in zip(sets, figures)) + "\n")
        out.write(f"threshold\t{t}\n")
        if model is not None:
            write_trees(out, model, names)
        else:
            for name, wi in zip(names, w):
                out.write(f"{name}\t{wi:.4f}\n")
    if model is not None:
        check_trees(args.out, model, rows, names)
        return
    for name, wi in sorted(zip(names, w), key=lambda x: -abs(x[1])):
        print(f"  {name:22} {wi:+.3f}")


if __name__ == "__main__":
    main()
