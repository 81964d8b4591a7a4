"""Single-core throughput of a Python extractor on a folder of pages held in memory.

Prints one JSON line in the same shape as newsmill's `throughput` example.
Usage: python python_extract_throughput.py TOOL DIR [MIN_SECONDS]
TOOL: trafilatura (`trafilatura.extract`) or resiliparse (`extract_plain_text` in main-content
mode, its article extractor; the page is parsed from text each time, as the others do).
"""
import gzip
import json
import pathlib
import sys
import time


def extractor(tool):
    """The function that turns one page (str) into text, and the tool's name and version."""
    if tool == "trafilatura":
        import trafilatura

        return trafilatura.extract, f"trafilatura {trafilatura.__version__}"
    if tool == "resiliparse":
        from importlib.metadata import version

        from resiliparse.extract.html2text import extract_plain_text

        return (lambda page: extract_plain_text(page, main_content=True)), f"resiliparse {version('resiliparse')}"
    sys.exit(f"unknown tool {tool!r}: trafilatura or resiliparse")


def main() -> None:
    extract, name = extractor(sys.argv[1])
    folder = pathlib.Path(sys.argv[2])
    min_seconds = float(sys.argv[3]) if len(sys.argv) > 3 else 5.0
    pages = []
    for path in sorted(folder.iterdir()):
        raw = gzip.open(path).read() if path.suffix == ".gz" else path.read_bytes()
        pages.append(raw.decode("utf-8", errors="replace"))
    total_bytes = sum(len(p.encode("utf-8")) for p in pages)
    started = time.perf_counter()
    done = rounds = 0
    while rounds == 0 or time.perf_counter() - started < min_seconds:
        for page in pages:
            extract(page)
            done += 1
        rounds += 1
    seconds = time.perf_counter() - started
    print(json.dumps({
        "tool": name, "pages": len(pages), "rounds": rounds,
        "seconds": round(seconds, 3), "pages_per_s": round(done / seconds, 1),
        "mb_per_s": round(total_bytes * rounds / seconds / 1e6, 2),
    }))


if __name__ == "__main__":
    main()
