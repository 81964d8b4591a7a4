#!/usr/bin/env python3
"""Ingest throughput and peak memory while streaming a WARC of at least 1 GB.

Builds a WARC from the WCXB dev article pages (each page repeated under new URLs until the
archive reaches --min-gb), then runs the release `newsmill ingest` on it with the full
pipeline (extraction, analysis, indexing) and prints pages/s and peak resident memory.

Usage: python3 bench/ingest_warc.py [--min-gb 1.0] [--gzip] [--work DIR]
Needs ../shared/eval/wcxb-dev (or $NEWSMILL_EVAL_DIR/wcxb-dev).
"""
import argparse, gzip, json, os, pathlib, re, subprocess, sys

ROOT = pathlib.Path(__file__).resolve().parent.parent


def pages(eval_dir):
    src = pathlib.Path(eval_dir) / "wcxb-dev"
    files = json.load(open(src / "metadata.json"))["files"]
    for i in sorted(i for i, m in files.items() if m["page_type"] == "article"):
        yield i, gzip.open(src / "html" / f"{i}.html.gz").read()


HEAD = re.compile(rb"<head[^>]*>", re.I)


def distinct(html, uri):
    """The page as a new article: a canonical link to its own URI ahead of the page's own
    (the first one counts), so repeated pages are stored, indexed and linked as
    near-duplicates like the distinct stories of a real crawl, not skipped as already stored."""
    link = f'<link rel="canonical" href="{uri}">'.encode()
    m = HEAD.search(html)
    return html[: m.end()] + link + html[m.end() :] if m else link + html


def record(n, page_id, html):
    uri = f"https://bench.example/{n}/{page_id}"
    http = b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n\r\n" + distinct(html, uri)
    head = (
        "WARC/1.0\r\nWARC-Type: response\r\n"
        f"WARC-Target-URI: {uri}\r\nWARC-Date: 2026-11-01T00:00:00Z\r\n"
        f"Content-Type: application/http; msgtype=response\r\nContent-Length: {len(http)}\r\n\r\n"
    )
    request = (
        "WARC/1.0\r\nWARC-Type: request\r\n"
        f"WARC-Target-URI: {uri}\r\nContent-Type: application/http; msgtype=request\r\nContent-Length: 4\r\n\r\nGET \r\n\r\n"
    )
    return request.encode() + head.encode() + http + b"\r\n\r\n"


def build(path, eval_dir, min_bytes, compress):
    if path.exists() and path.stat().st_size >= (min_bytes if not compress else 1):
        return
    corpus = list(pages(eval_dir))
    written, raw, n = 0, 0, 0
    opener = (lambda p: gzip.open(p, "wb", compresslevel=1)) if compress else (lambda p: open(p, "wb"))
    with opener(path) as out:
        while raw < min_bytes:
            for page_id, html in corpus:
                rec = record(n, page_id, html)
                out.write(rec)
                raw += len(rec)
                n += 1
                if raw >= min_bytes:
                    break
    print(f"built {path} ({path.stat().st_size / 1e9:.2f} GB on disk, {raw / 1e9:.2f} GB of records, {n} pages)")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--min-gb", type=float, default=1.0)
    ap.add_argument("--gzip", action="store_true", help="write .warc.gz (one stream) instead of .warc")
    ap.add_argument("--work", default="/tmp/newsmill-bench")
    args = ap.parse_args()
    eval_dir = os.environ.get("NEWSMILL_EVAL_DIR", str(ROOT.parent / "shared" / "eval"))
    work = pathlib.Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    warc = work / ("dev-distinct.warc.gz" if args.gzip else "dev-distinct.warc")
    build(warc, eval_dir, int(args.min_gb * 1e9), args.gzip)
    subprocess.run(["cargo", "build", "--release", "--quiet", "-p", "newsmill-cli"], cwd=ROOT, check=True)
    db = work / "ingest-bench.db"
    for suffix in ("", "-wal", "-shm"):
        pathlib.Path(str(db) + suffix).unlink(missing_ok=True)
    # A fresh Python parent, so the peak is newsmill's alone (not cargo's or rustc's).
    measure = (
        "import resource, subprocess, sys, time; t = time.time(); "
        "p = subprocess.run(sys.argv[1:], capture_output=True, text=True); "
        "sys.stderr.write(p.stderr); r = resource.getrusage(resource.RUSAGE_CHILDREN); "
        "print(p.returncode, time.time() - t, r.ru_maxrss, r.ru_utime + r.ru_stime); print(p.stdout)"
    )
    proc = subprocess.run(
        [sys.executable, "-c", measure, str(ROOT / "target/release/newsmill"), "ingest", str(warc),
         "--db", str(db), "--quiet", "--json"],
        capture_output=True, text=True,
    )
    head, _, body = proc.stdout.partition("\n")
    code, wall, peak_kb, cpu = head.split()
    wall, peak_mb, cpu = float(wall), int(peak_kb) / 1024, float(cpu)
    proc.returncode, proc.stdout = int(code), body
    if proc.returncode not in (0, 1):
        sys.exit(f"ingest failed: {proc.stderr}")
    summary = json.loads(proc.stdout)
    db_mb = sum(pathlib.Path(str(db) + s).stat().st_size for s in ("", "-wal") if pathlib.Path(str(db) + s).exists()) / 1e6
    print(f"cores: {os.cpu_count()}  pages: {summary['documents']}  failed: {summary['failed']}")
    print(f"ingest: {summary['documents'] / wall:.0f} pages/s ({wall:.1f} s wall)")
    # CPU time is what other load on the machine disturbs least: it tells what the run would
    # reach with every core to itself.
    pages = summary["documents"]
    print(f"cpu: {cpu:.1f} s user+sys, {cpu * 1000 / max(pages, 1):.2f} ms per page "
          f"({pages * (os.cpu_count() or 1) / cpu:.0f} pages/s if all {os.cpu_count()} cores were busy with it alone)")
    print(f"peak RSS: {peak_mb:.0f} MB")
    print(f"stored: {summary['added']} articles ({summary['near_duplicates']} linked as near-duplicates, "
          f"{summary['unchanged']} already stored)")
    print(f"database: {db_mb:.0f} MB, {db_mb * 1000 / max(summary['added'], 1):.1f} MB per 1,000 articles")


if __name__ == "__main__":
    main()
