#!/usr/bin/env python3
"""Writes the seed inputs of the fuzz targets to fuzz/seeds/<target>/: small valid (and a
few nearly valid) inputs made here, so no evaluation data is copied into the repo. The
sample pages in samples/pages are the other seed folder (see README.md).

The reader targets' first byte is a mode (see ReaderInput in src/lib.rs): 0x0c reads the
rest as is with the default 64 MiB limit, 0x0e gzips it first, 0x00 reads it with a 512 B
limit, 0x1c puts the target's valid first record or line before it.
"""
import gzip
import json
import os

HERE = os.path.dirname(os.path.abspath(__file__))
SEEDS = os.path.join(HERE, "seeds")


def write(target, name, data):
    folder = os.path.join(SEEDS, target)
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "wb") as f:
        f.write(data if isinstance(data, bytes) else data.encode("utf-8"))


def gz(data, mtime=0):
    return gzip.compress(data, mtime=mtime)


# --- WARC -----------------------------------------------------------------------------

def record(kind, uri, block, content_type=None):
    if content_type is None:
        content_type = "application/http; msgtype=response" if kind == "response" else \
            "application/http; msgtype=request" if kind == "request" else "application/warc-fields"
    block = block.encode("utf-8") if isinstance(block, str) else block
    head = (f"WARC/1.0\r\nWARC-Type: {kind}\r\n"
            + (f"WARC-Target-URI: {uri}\r\n" if uri else "")
            + "WARC-Date: 2024-05-02T16:20:00Z\r\nWARC-Record-ID: <urn:uuid:00000000-0000-0000-0000-000000000000>\r\n"
            + f"Content-Type: {content_type}\r\nContent-Length: {len(block)}\r\n\r\n")
    return head.encode("ascii") + block + b"\r\n\r\n"


PAGE = ("<html><head><meta charset='utf-8'><title>Port strike ends - Wire</title></head><body><nav><a href='/'>Home</a></nav>"
        "<article><h1>Port strike ends</h1><p>Dock workers returned to work on Thursday after their union "
        "accepted a pay rise, the port authority said.</p></article></body></html>")
LATIN1 = "<html><body><p>Grüße aus Köln, sagte Jürgen Müller am Montag.</p></body></html>".encode("latin-1")


def http(body, content_type="text/html; charset=utf-8", status="200 OK"):
    body = body.encode("utf-8") if isinstance(body, str) else body
    return f"HTTP/1.1 {status}\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n".encode() + body


archive = [
    record("warcinfo", None, "software: newsmill-fuzz\r\nformat: WARC File Format 1.0\r\n"),
    record("request", "http://wire.example/a", "GET /a HTTP/1.1\r\nHost: wire.example\r\n\r\n"),
    record("response", "http://wire.example/a", http(PAGE)),
    record("metadata", "http://wire.example/a", "fetchTimeMs: 120\r\n"),
    record("response", "http://wire.example/b.png", http(b"\x89PNG\r\n\x1a\n", "image/png")),
    record("response", "http://wire.example/c", http(LATIN1, "text/html; charset=ISO-8859-1")),
    record("response", "http://wire.example/gone", http("<p>not here</p>", status="404 Not Found")),
    record("response", "http://wire.example/plain", http("Plain text news.\nSecond line.", "text/plain")),
    record("response", "http://wire.example/lf", b"HTTP/1.0 200 OK\nContent-Type: text/html\n\n<p>bare LF</p>"),
]
write("read_warc", "archive.warc", b"\x0c" + b"".join(archive))
# Common Crawl's layout: one gzip member per record.
write("read_warc", "per-record.warc.gz", b"\x0c" + b"".join(gz(r) for r in archive[:4]))
write("read_warc", "gzipped-by-mode", b"\x0e" + b"".join(archive[1:4]))
write("read_warc", "over-limit", b"\x00" + archive[0] + record("response", "http://wire.example/big", http(PAGE * 3)) + archive[2])
write("read_warc", "truncated", b"\x1c" + archive[2][:-40])

# --- JSONL ----------------------------------------------------------------------------

lines = [
    {"url": "https://wire.example/2024/05/02/port-strike-ends", "html": PAGE, "fetch_time": "2024-05-02T16:25:00Z"},
    {"url": "https://wire.example/t", "text": "Rain at last\n\nThe first rain of the season fell on Monday.", "date": "2024-05-03"},
    {"url": "https://wire.example/u", "html": "<p>caf\u00e9 \u2014 \U0001F600</p>", "fetched": "2024-05-04"},
    {"url": "https://wire.example/missing"},
]
jsonl = "\n".join(json.dumps(l) for l in lines) + "\n\n  \nnot json\n" + json.dumps(lines[1], ensure_ascii=False) + "\n"
write("read_jsonl", "dump.jsonl", b"\x0c" + jsonl.encode())
write("read_jsonl", "dump.jsonl.gz", b"\x0c" + gz(jsonl.encode()) + gz(b'{"text": "second member"}\n'))
write("read_jsonl", "gzipped-by-mode", b"\x0e" + jsonl.encode())
write("read_jsonl", "over-limit", b"\x00" + (json.dumps(lines[0]) + "\n" + json.dumps(lines[1]) + "\n").encode())
write("read_jsonl", "after-prefix", b"\x1c" + b"\r\n{\"html\": \"<p>x</p>\", \"url\": null}\r\n{\"text\": 7}\n{")

# --- extractors -------------------------------------------------------------------------

write("extract_html", "edge.html",
      "<!DOCTYPE html><html lang=en><head><meta http-equiv='Content-Type' content='text/html; charset=windows-1252'>"
      "<meta property='article:published_time' content='2024-05-02T16:20:00Z'><script>var a='</p>';</script>"
      "<style>p{}</style></head><body><table><tr><td><div><p>Nested <b>bold <i>italic</b> text</i> in a table "
      "cell, said Maria Lopez, the mayor of Springfield, on Tuesday.</p></div></td></tr></table>"
      "<ul><li>one<li>two</ul><footer>&copy; 2024 &amp;c &#x1F600; &bogus;</footer></body></html>")
write("extract_html", "latin1.html", LATIN1)
write("extract_text", "briefs.txt",
      "Home | World | Business\n\nPort strike ends after wage deal\n\nMay 2, 2024\n\n"
      "Dock workers returned to work on Thursday after their union accepted a 6.5 percent pay rise, "
      "\"We are satisfied,\" union leader Tom Hayes said.\n\nShare this article\nSubscribe to our newsletter\n")
write("extract_text", "utf16.txt", "\ufeffText in UTF-16 with a BOM, \u00e9t\u00e9 2024.".encode("utf-16-le"))

# --- search query -------------------------------------------------------------------------
# Parts split at NUL: text, entity, type, speaker, site, since, until, quote subject.
queries = {
    "words": "bridge repairs",
    "filters": "bridge\0N\u00fa\u00f1ez\0person\0Dubois\0\x002020-01-01\x002030-12-31\0delays",
    "operators": "\"harbour\" OR bridge* NOT (NEAR(a b, 2)) ^title : {title body} - + AND",
    "names-only": "\0Jean-Luc Dubois\0\0Ana N\u00fa\u00f1ez",
    "unknown-type": "talks\0Taliban\0ORGANISATION",
    "quotes": "'we waited' \u2019s\0\0\0\0\0\0\0two years",
}
for name, q in queries.items():
    write("search_query", name, q)

if __name__ == "__main__":
    print("seeds written to", SEEDS)
