#!/usr/bin/env python3
"""Writes inputs at each target's largest fuzzing size to fuzz/big/<target>/ (ignored by
git): pathological shapes (deep nesting, many tiny elements, many short lines, many
records) and the seeds repeated, for the memory check in README.md. The fuzzer's own
inputs stay small for a long time (libFuzzer grows its length limit slowly), so the
20x-of-input bound is checked on these."""
import gzip
import os

HERE = os.path.dirname(os.path.abspath(__file__))
HTML_MAX, TEXT_MAX, READER_MAX = 64 << 10, 64 << 10, 256 << 10


def fit(unit, size, head=b"", tail=b""):
    n = max(0, (size - len(head) - len(tail)) // len(unit))
    return head + unit * n + tail


def out(target, name, data):
    folder = os.path.join(HERE, "big", target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data)


def seeds(target):
    folder = os.path.join(HERE, "seeds", target)
    return b"".join(open(os.path.join(folder, f), "rb").read() for f in sorted(os.listdir(folder)))


samples = os.path.join(HERE, "..", "samples", "pages")
page = open(os.path.join(samples, "harbour-bridge-reopens.html"), "rb").read()
text = open(os.path.join(samples, "rt-2018-11-09-taliban.txt"), "rb").read()

html = {
    "empty-tags": fit(b"<a>", HTML_MAX),
    "nested-divs": fit(b"<div>", HTML_MAX),
    "nested-tables": fit(b"<table><tr><td>", HTML_MAX),
    "paragraphs": fit(b"<p>Mr Smith said \"yes\" on 2 May.</p>", HTML_MAX, b"<html><body>"),
    "attributes": fit(b" a=b", HTML_MAX, b"<p", b">x</p>"),
    "entities": fit(b"&amp;&#x1F600;", HTML_MAX, b"<p>"),
    "comment": fit(b"-", HTML_MAX, b"<!--"),
    "one-word": fit(b"a", HTML_MAX, b"<p>"),
    "names": fit(b"John Smith, Anna Lee and Bob Ray met IBM in Paris. ", HTML_MAX, b"<p>"),
    "pages": fit(page, HTML_MAX),
}
for name, data in html.items():
    out("extract_html", name, data[:HTML_MAX])

texts = {
    "short-lines": fit(b"a\n", TEXT_MAX),
    "blank-lines": fit(b"\n", TEXT_MAX),
    "one-line": fit(b"word ", TEXT_MAX),
    "quotes": fit(b"\"We will,\" said John Smith. ", TEXT_MAX),
    "names": fit(b"John Smith, Anna Lee and Bob Ray met IBM in Paris. ", TEXT_MAX),
    "numbers": fit(b"$1.5 billion, 40 percent, 3 May 2024. ", TEXT_MAX),
    "pages": fit(text, TEXT_MAX),
}
for name, data in texts.items():
    out("extract_text", name, data[:TEXT_MAX])

warc_seed = open(os.path.join(HERE, "seeds", "read_warc", "archive.warc"), "rb").read()[1:]
empty = b"WARC/1.0\r\nWARC-Type: request\r\nContent-Length: 0\r\n\r\n"
warcs = {
    "records": b"\x0c" + fit(warc_seed, READER_MAX - 1),
    "empty-records": b"\x0c" + fit(empty, READER_MAX - 1),
    "blank-lines": b"\x0c" + fit(b"\r\n", READER_MAX - 1, b"WARC/1.0\r\n"),
    "header-lines": b"\x0c" + fit(b"X: y\r\n", READER_MAX - 1, b"WARC/1.0\r\n"),
    "gzip-members": b"\x0c" + fit(gzip.compress(empty, mtime=0), READER_MAX - 1),
    # A good member, then only false member starts: each is damage to resync past.
    "false-gzip-starts": b"\x0c" + fit(b"\x1f\x8b\x08\x00", READER_MAX - 1, gzip.compress(empty, mtime=0)),
    # The harness gzips these: 256 KiB of input, the same again decompressed.
    "gzipped": b"\x0e" + fit(warc_seed, READER_MAX - 1),
}
for name, data in warcs.items():
    out("read_warc", name, data[:READER_MAX])

line = open(os.path.join(HERE, "seeds", "read_jsonl", "dump.jsonl"), "rb").read()[1:]
jsonls = {
    "lines": b"\x0c" + fit(line, READER_MAX - 1),
    "blank-lines": b"\x0c" + fit(b"\n", READER_MAX - 1, b'{"text": "x"}\n'),
    "tiny-records": b"\x0c" + fit(b'{"text":""}\n', READER_MAX - 1),
    "one-long-line": b"\x0c" + fit(b"a", READER_MAX - 3, b'{"text": "', b'"}'),
    "escapes": b"\x0c" + fit(b"\\u00e9", READER_MAX - 3, b'{"text": "', b'"}'),
    "gzipped": b"\x0e" + fit(line, READER_MAX - 1),
    "false-gzip-starts": b"\x0c" + fit(b"\x1f\x8b\x08\x00", READER_MAX - 1, gzip.compress(line, mtime=0)),
    "small-limit": b"\x00" + fit(line, READER_MAX - 1),
}
for name, data in jsonls.items():
    out("read_jsonl", name, data[:READER_MAX])

queries = {
    "many-words": fit(b"bridge ", 4096),
    "operators": fit(b'"a" OR NEAR(b*) ', 4096),
    "entity": b"x\0" + fit(b"Ana ", 4096),
    "about": b"x\0\0\0\0\0\0\0" + fit(b"%_", 4096),
}
for name, data in queries.items():
    out("search_query", name, data)
print("written to", os.path.join(HERE, "big"))
