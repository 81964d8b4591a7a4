"""Reads every .warc.gz in a folder with warcio and prints, as JSON, how many response
records each target URI has. Fails if a file does not start with a warcinfo record or a
record cannot be read. Run by tests/crawl.rs when NEWSMILL_WARCIO_PYTHON is set."""

import json
import pathlib
import sys

from warcio.archiveiterator import ArchiveIterator

counts = {}
for path in sorted(pathlib.Path(sys.argv[1]).glob("*.warc.gz")):
    with open(path, "rb") as stream:
        records = ArchiveIterator(stream)
        for i, record in enumerate(records):
            if i == 0 and record.rec_type != "warcinfo":
                sys.exit(f"{path}: first record is {record.rec_type}, not warcinfo")
            if record.rec_headers.get_header("WARC-Record-ID") is None:
                sys.exit(f"{path}: record {i} has no WARC-Record-ID")
            if record.rec_type == "response":
                uri = record.rec_headers.get_header("WARC-Target-URI")
                record.content_stream().read()  # the payload must read to its end
                counts[uri] = counts.get(uri, 0) + 1
        if records.err_count if hasattr(records, "err_count") else 0:
            sys.exit(f"{path}: warcio found damaged records")
print(json.dumps(counts))
