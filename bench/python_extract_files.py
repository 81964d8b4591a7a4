"""A Python extractor as a whole process over a folder of pages on disk, the way a user runs
it: start the interpreter, import the tool, read and gunzip each file, extract, write one JSON
line per page to stdout. `extract_side_by_side.sh` times this beside `newsmill extract`.

Usage: python python_extract_files.py TOOL DIR [--metadata]
TOOL: trafilatura (`trafilatura.extract`: text only, its default; with --metadata its JSON
output with title, author, date and the rest, which is what newsmill's article JSON holds)
or resiliparse (main-content text; it reads no metadata).
"""
import gzip
import json
import pathlib
import sys


def extractor(tool, metadata):
    """The function that turns one page (bytes) into one output line."""
    if tool == "trafilatura":
        import trafilatura

        if metadata:
            return lambda page: (trafilatura.extract(page, output_format="json", with_metadata=True) or "{}").replace("\n", " ")
        return lambda page: json.dumps({"text": trafilatura.extract(page) or ""})
    if tool == "resiliparse":
        from resiliparse.extract.html2text import extract_plain_text
        from resiliparse.parse.encoding import bytes_to_str, detect_encoding

        return lambda page: json.dumps(
            {"text": extract_plain_text(bytes_to_str(page, detect_encoding(page)), main_content=True)}
        )
    sys.exit(f"unknown tool {tool!r}: trafilatura or resiliparse")


def main() -> None:
    extract = extractor(sys.argv[1], "--metadata" in sys.argv[3:])
    out = sys.stdout
    for path in sorted(pathlib.Path(sys.argv[2]).iterdir()):
        raw = gzip.decompress(path.read_bytes()) if path.suffix == ".gz" else path.read_bytes()
        out.write(extract(raw) + "\n")


if __name__ == "__main__":
    main()
