#!/usr/bin/env python3
"""Select wcxb-dev article pages for news-analysis-train and check the annotations.

Usage:
  python3 select_and_check.py            # list the chosen ids, then check every annotation here
  python3 select_and_check.py --list     # only list the chosen ids (in annotation order)
  python3 select_and_check.py round10    # list, then check the files of that round's folder
Standard library only. Texts are read by `page_text.py`: ../../../shared/eval/wcxb-dev/ground-truth
(override with WCXB_DIR), from round fourteen Mozilla's Readability test pages and from round
fifteen CleanPortalEval; the held-out news-analysis-dev ids from
../../../shared/eval/news-analysis-dev (override with DEV_DIR).
"""
import functools
import json
import os
import random
import re
import sys
from pathlib import Path

import page_text

HERE = Path(__file__).resolve().parent
SHARED, WCXB = page_text.SHARED, page_text.WCXB
DEV = Path(os.environ.get("DEV_DIR", SHARED / "news-analysis-dev"))
SEED = 15
N = 25
CUES = re.compile(r"\b(said|says|told|tells|according to|added|adds|argued|argues|warned|warns|"
                  r"claimed|denied|announced|explained|wrote|stated|insisted|recalled|noted|believes|estimated)\b")
TYPES = {"PERSON", "ORG", "LOC", "MISC"}
KINDS = {"direct", "indirect"}


# Every round's chooser draws again the rounds before it: `page_text.text_of` caches each text
# and `word_and_cue_counts` its counts, so each page is read and counted once.
def text_of(fid):
    return page_text.text_of(f"wcxb-{fid}")


@functools.cache
def metadata():
    """wcxb-dev's `metadata.json` files (read once)."""
    return json.load(open(WCXB / "metadata.json", encoding="utf8"))["files"]


@functools.cache
def word_and_cue_counts(fid):
    t = text_of(fid)
    return len(t.split()), len(CUES.findall(t))


def held_out():
    return {p.stem.split("-")[1] for p in DEV.glob("wcxb-*.txt")}


def article_pages(max_words, min_cues, exclude=(), min_words=200):
    """(id, domain, words, cues) of the wcxb-dev article pages of `min_words` to `max_words` words
    with at least `min_cues` speech cues, neither held out nor in `exclude`, in id order."""
    meta = metadata()
    excl = held_out() | set(exclude)
    out = []
    for fid in sorted(meta):
        m = meta[fid]
        if m.get("page_type") != "article" or fid in excl:
            continue
        nw, nc = word_and_cue_counts(fid)
        if min_words <= nw <= max_words and nc >= min_cues:
            out.append((fid, m.get("domain", ""), nw, nc))
    return out


def qualifying():
    assert len(held_out()) == 32, len(held_out())
    return article_pages(1400, 2)


def choose():
    """Qualifying pages (article, 200-1,400 words, >= 2 speech cues, not held out) in a random order
    fixed by random.Random(15).shuffle over the id-sorted list; pages with >= 5 cues (more likely news
    or magazine reporting) are moved to the front, keeping their shuffled order; then at most one page
    per domain. The first N of the result are the chosen pages."""
    q = qualifying()
    rng = random.Random(SEED)
    rng.shuffle(q)
    newsy = [x for x in q if x[3] >= 5]
    rest = [x for x in q if x[3] < 5]
    chosen, domains = [], set()
    for x in newsy + rest:
        if x[1] in domains:
            continue
        chosen.append(x)
        domains.add(x[1])
    return chosen, len(q)


ROUND2_SEED = 16
ROUND2_BATCHES = (12, 16)


def round2_pool(exclude, seed=ROUND2_SEED):
    """Article pages of 200-1,600 words with at least one speech cue, not held out and not in
    `exclude`, shuffled by random.Random(seed) (16 in round two), then (stably) those with more cues first (5 or more
    count as 5), at most one page per domain."""
    return one_per_domain(article_pages(1600, 1, exclude), seed, set())


def one_per_domain(pages, seed, domains):
    """`pages` shuffled by random.Random(seed), then (stably) more cues first (5 or more count as
    5), keeping the first page of each domain not in `domains`."""
    random.Random(seed).shuffle(pages)
    pages.sort(key=lambda x: -min(x[3], 5))
    out, domains = [], set(domains)
    for x in pages:
        if x[1] not in domains:
            out.append(x)
            domains.add(x[1])
    return out


def choose_round2():
    """The second round: the first 12 pages of round2_pool (round one excluded), then the first 16
    of the pool drawn again without those 12 (the rounds were annotated in two batches)."""
    done = [x[0] for x in choose()[0][:N]]
    chosen = []
    for size in ROUND2_BATCHES:
        chosen += round2_pool(done + [x[0] for x in chosen])[:size]
    return chosen


ROUND3_SEED = 17
ROUND3_SIZE = 40


def choose_round3():
    """The third round: the first 40 pages of the round-two pool drawn with seed 17, rounds one and
    two excluded (annotated by four annotators, ten pages each, in list order)."""
    done = [x[0] for x in choose()[0][:N]] + [x[0] for x in choose_round2()]
    return round2_pool(done, ROUND3_SEED)[:ROUND3_SIZE]


ROUND4_SEED = 18
ROUND4_SIZE = 36


def held_out_domains():
    meta = metadata()
    return {meta[fid].get("domain", "") for fid in held_out() if fid in meta}


def choose_round4():
    """The fourth round (2026-12-05): the shorter pools were used up, so longer articles: pages
    of 1,601-3,000 words with at least two speech cues, earlier rounds and held-out pages excluded,
    shuffled by random.Random(18), then (stably) more cues first (5 or more count as 5), at most
    one page per domain and none from a domain of news-analysis-dev; the first 36."""
    done = [x[0] for x in choose()[0][:N]] + [x[0] for x in choose_round2()] + [x[0] for x in choose_round3()]
    return one_per_domain(article_pages(3000, 2, done, min_words=1601), ROUND4_SEED, held_out_domains())[:ROUND4_SIZE]


ROUND5_SIZE = 36


def choose_round5():
    """The fifth round (2026-12-05): the round-four pool drawn again (same seed and order), the
    first four rounds' pages excluded and, for more sites, their domains too; the first 36."""
    done = [x[0] for x in choose()[0][:N]] + [x[0] for x in choose_round2()] + [x[0] for x in choose_round3()]
    done += [x[0] for x in choose_round4()]
    meta = metadata()
    taken = held_out_domains() | {meta[f].get("domain", "") for f in done}
    return one_per_domain(article_pages(3000, 2, done, min_words=1601), ROUND4_SEED, taken)[:ROUND5_SIZE]


ROUND6_SIZE = 30


def choose_round6():
    """The sixth round (2026-12-05): the 1,601-3,000-word pool nearly used up, articles of
    3,001-4,500 words with at least two speech cues, ordered as round four's pool (seed 18, more
    cues first), earlier rounds' pages and domains and news-analysis-dev's domains excluded; the
    first 30."""
    done = [x[0] for x in choose()[0][:N]] + [x[0] for x in choose_round2()] + [x[0] for x in choose_round3()]
    done += [x[0] for x in choose_round4()] + [x[0] for x in choose_round5()]
    meta = metadata()
    taken = held_out_domains() | {meta[f].get("domain", "") for f in done}
    return one_per_domain(article_pages(4500, 2, done, min_words=3001), ROUND4_SEED, taken)[:ROUND6_SIZE]


ROUND7_SEED = 22
ROUND7_SIZE = 30


def pool_round(n, seed, size, max_words=3000, min_cues=1):
    """Round `n` from the 200-`max_words`-word article pages with at least `min_cues` speech cues that
    neither round one nor the rounds before `n` took, shuffled by random.Random(seed), then
    (stably) more cues first (5 or more count as 5), earlier rounds' domains and
    news-analysis-dev's excluded, one page per domain; the first `size`."""
    earlier = LATER_ROUNDS[: n - 2]
    done = [x[0] for x in choose()[0][:N]] + [x[0] for chooser in earlier for x in chooser()]
    meta = metadata()
    taken = held_out_domains() | {meta[f].get("domain", "") for f in done}
    return one_per_domain(article_pages(max_words, min_cues, done), seed, taken)[:size]


def choose_round7():
    """The seventh round (2026-12-05, session 21): `pool_round` after rounds two to six."""
    return pool_round(7, ROUND7_SEED, ROUND7_SIZE)


ROUND8_SEED = 23
ROUND8_SIZE = 36


def choose_round8():
    """The eighth round (2026-12-06, session 29): the same pool after round seven too."""
    return pool_round(8, ROUND8_SEED, ROUND8_SIZE)


ROUND9_SEED = 24
ROUND9_SIZE = 36


def choose_round9():
    """The ninth round (2026-12-06, session 29): the same pool after round eight too."""
    return pool_round(9, ROUND9_SEED, ROUND9_SIZE)


ROUND10_SEED = 25
ROUND10_SIZE = 36


def choose_round10():
    """The tenth round (2026-12-06, session 30): the same pool after round nine too, up to 6,000
    words (of 3,000 words or fewer, 12 pages were left)."""
    return pool_round(10, ROUND10_SEED, ROUND10_SIZE, max_words=6000)


ROUND11_SEED = 26
ROUND11_SIZE = 36


def choose_round11():
    """The eleventh round (2026-12-06, session 31): the same pool after round ten too, up to
    6,000 words."""
    return pool_round(11, ROUND11_SEED, ROUND11_SIZE, max_words=6000)


ROUND12_SEED = 27
ROUND12_SIZE = 36


def choose_round12():
    """The twelfth round (2026-12-06, session 31): no page with a speech cue was left on a new
    domain, so pages with none too (names to learn, and text that holds no quote), up to 3,000
    words."""
    return pool_round(12, ROUND12_SEED, ROUND12_SIZE, min_cues=0)


ROUND13_SEED = 28
ROUND13_SIZE = 36


def choose_round13():
    """The thirteenth round (2026-12-06, session 32): as round twelve, drawn again after it."""
    return pool_round(13, ROUND13_SEED, ROUND13_SIZE, min_cues=0)


# Rounds fourteen and fifteen (news from other evaluation sets): pages of this many words with at
# least this many speech cues.
NEWS_CUES = 3
NEWS_WORDS = (250, 3500)
ENGLISH = {"the", "and", "of", "to", "in", "is", "that", "for", "it", "was", "with", "on", "as", "are"}


def choose_round14():
    """The fourteenth round (2026-12-06, session 34): no wcxb-dev article with a speech cue was
    left, so news from another dev set: every Mozilla Readability test page whose article
    (`page_text`) is English (more than 12% of its words among fourteen function words), of
    250-3,500 words, with at least three speech cues. Ids are `moz-CASE`; the domain is the case
    name without its number (`nytimes-1` and `nytimes-3` are one site)."""
    out = []
    for case in sorted(p.name for p in page_text.MOZILLA.iterdir() if p.is_dir()):
        words = page_text.text_of(f"moz-{case}").split()
        english = sum(w.lower() in ENGLISH for w in words) / max(1, len(words))
        cues = len(CUES.findall(" ".join(words)))
        lo, hi = NEWS_WORDS
        if lo <= len(words) <= hi and cues >= NEWS_CUES and english > 0.12:
            out.append((f"moz-{case}", re.sub(r"-\d+$", "", case), len(words), cues))
    return out


def choose_round15():
    """The fifteenth round (2026-12-06, session 34), kept held out: news of 2013 from
    CleanPortalEval's gold standard texts (BBC News, WSJ's Brussels blog, MSNBC, Washington Post
    blogs), every page of 250-3,500 words with at least three speech cues. Ids are `cpe-NAME`;
    the domain is the portal."""
    out = []
    for path in sorted(page_text.CLEANPORTAL.glob("*.txt")):
        words = page_text.text_of(f"cpe-{path.stem}").split()
        cues = len(CUES.findall(" ".join(words)))
        lo, hi = NEWS_WORDS
        if lo <= len(words) <= hi and cues >= NEWS_CUES:
            out.append((f"cpe-{path.stem}", path.stem.split("_")[0], len(words), cues))
    return out


# Rounds two to thirteen in order: a pool round excludes the pages of every round before it.
LATER_ROUNDS = [choose_round2, choose_round3, choose_round4, choose_round5, choose_round6, choose_round7,
                choose_round8, choose_round9, choose_round10, choose_round11, choose_round12,
                choose_round13]


def find_span(text, snippet):  # as in news-analysis-dev/score.py
    words = re.findall(r"\w+", snippet)[:10]
    if not words:
        return None
    pat = r"\W+".join(re.escape(w) for w in words)
    m = re.search(pat, text)
    return (m.start(), m.end()) if m else None


def check(path):
    errs = []
    try:
        a = json.loads(path.read_text(encoding="utf8"))
    except Exception as e:  # noqa
        return [f"invalid JSON: {e}"], None
    fid = path.stem.split("-", 1)[1]
    if path.stem.startswith("wcxb-") and fid in held_out():
        errs.append("page is in the held-out news-analysis-dev set")
    if a.get("doc") != path.stem:
        errs.append(f"doc field {a.get('doc')!r} != {path.stem}")
    if set(a) != {"doc", "entities", "quotes", "notes"}:
        errs.append(f"keys {sorted(a)}")
    t = page_text.text_of(path.stem)
    seen = set()
    for e in a.get("entities", []):
        if e.get("type") not in TYPES:
            errs.append(f"bad type {e}")
        if not e.get("mentions"):
            errs.append(f"no mentions {e}")
        if e.get("name") not in e.get("mentions", []):
            errs.append(f"name not among mentions: {e.get('name')!r}")
        for m in e.get("mentions", []):
            if m not in t:
                errs.append(f"mention not in text: {m!r}")
            if (m, e.get("type")) in seen:
                errs.append(f"mention listed twice: {m!r}")
            seen.add((m, e.get("type")))
    for q in a.get("quotes", []):
        cs = q.get("content_start", "")
        nw = len(re.findall(r"\w+", cs))
        if find_span(t, cs) is None:
            errs.append(f"content_start not found: {cs!r}")
        if nw < 3 or nw > 12:
            errs.append(f"content_start length {nw}: {cs!r}")
        if q.get("kind") not in KINDS:
            errs.append(f"bad kind {q}")
        if not isinstance(q.get("speaker_named"), bool) or not q.get("speaker"):
            errs.append(f"bad speaker {q}")
        if "cue" not in q:
            errs.append(f"no cue {q}")
        elif q["cue"] and not re.search(re.escape(q["cue"].split()[0]), t, re.I):
            errs.append(f"cue not in text: {q['cue']!r}")
        forms = {f for e in a.get("entities", []) for f in [e.get("name")] + e.get("mentions", [])}
        if q.get("speaker_named") and q.get("speaker") not in forms:
            print(f"    note: {path.name}: named speaker {q.get('speaker')!r} is not an entity form (composite?)")
    return errs, a


def main():
    chosen, nq = choose()
    print(f"{nq} qualifying pages; seed {SEED}; order of annotation (first {N} targeted):")
    for i, (fid, dom, nw, nc) in enumerate(chosen[:N]):
        print(f"  {i+1:2d} {fid} {dom} words={nw} cues={nc}")
    rounds = [
        (f"second round (seed {ROUND2_SEED}, batches of {ROUND2_BATCHES}):", choose_round2),
        (f"third round (seed {ROUND3_SEED}, {ROUND3_SIZE} pages):", choose_round3),
        (f"fourth round (seed {ROUND4_SEED}, {ROUND4_SIZE} pages):", choose_round4),
        (f"fifth round ({ROUND5_SIZE} pages):", choose_round5),
        (f"sixth round ({ROUND6_SIZE} pages):", choose_round6),
        (f"seventh round (seed {ROUND7_SEED}, {ROUND7_SIZE} pages):", choose_round7),
        (f"eighth round (seed {ROUND8_SEED}, {ROUND8_SIZE} pages):", choose_round8),
        (f"ninth round (seed {ROUND9_SEED}, {ROUND9_SIZE} pages):", choose_round9),
        (f"tenth round (seed {ROUND10_SEED}, {ROUND10_SIZE} pages):", choose_round10),
        (f"eleventh round (seed {ROUND11_SEED}, {ROUND11_SIZE} pages):", choose_round11),
        (f"twelfth round (seed {ROUND12_SEED}, {ROUND12_SIZE} pages):", choose_round12),
        (f"thirteenth round (seed {ROUND13_SEED}, {ROUND13_SIZE} pages):", choose_round13),
        ("fourteenth round (Mozilla Readability test pages):", choose_round14),
        ("fifteenth round (CleanPortalEval, held out):", choose_round15),
    ]
    for title, chooser in rounds:
        print(title)
        for i, (fid, dom, nw, nc) in enumerate(chooser()):
            print(f"  {i+1:2d} {fid} {dom} words={nw} cues={nc}")
    if "--list" in sys.argv:
        return
    tot = dict(docs=0, ents=0, direct=0, indirect=0, bad=0)
    # `select_and_check.py round10` checks that round's folder instead of this one.
    folders = [a for a in sys.argv[1:] if not a.startswith("--")]
    for p in sorted((HERE / folders[0] if folders else HERE).glob("*.json")):
        if p.name == "folds.json":
            continue
        errs, a = check(p)
        tot["docs"] += 1
        if a:
            tot["ents"] += len(a["entities"])
            for q in a["quotes"]:
                tot[q.get("kind")] = tot.get(q.get("kind"), 0) + 1
        status = "OK" if not errs else f"{len(errs)} problem(s)"
        print(f"{p.name}: {status}")
        for e in errs:
            print("   ", e)
        tot["bad"] += bool(errs)
    print(f"total: {tot['docs']} articles, {tot['ents']} entities, "
          f"{tot['direct'] + tot['indirect']} quotes ({tot['direct']} direct, {tot['indirect']} indirect); "
          f"{tot['bad']} file(s) with problems")
    sys.exit(1 if tot["bad"] else 0)


if __name__ == "__main__":
    main()
