"""The text of an annotated page, by its annotation's name: `wcxb-NNNN` is
`ground_truth.main_content` of ../shared/eval/wcxb-dev; `moz-CASE` is the article of Mozilla's
Readability test page CASE (`expected.html` of ../shared/eval/mozilla-readability-testpages),
as plain text: one paragraph per block element, blank lines between, as wcxb-dev writes its
texts; `cpe-NAME` is the gold standard text `GoldStandard/NAME.txt` of CleanPortalEval, its
CleanEval blocks (`<p>`, `<h>`, `<l>`) as paragraphs, their wrapped lines joined. Standard
library only; the texts are the publishers' and are not copied here."""
import functools
import gzip
import html
import html.parser
import json
import os
import re
from pathlib import Path

HERE = Path(__file__).resolve().parent
SHARED = HERE.parents[2] / "shared" / "eval"
if not SHARED.exists():
    SHARED = Path("/work/shared/eval")
WCXB = Path(os.environ.get("WCXB_DIR", SHARED / "wcxb-dev"))
MOZILLA = SHARED / "mozilla-readability-testpages"
CLEANPORTAL = SHARED / "cleanportaleval" / "GoldStandard"

# Elements whose text runs on inside a paragraph; every other element starts a new one.
INLINE = {"a", "abbr", "b", "bdi", "bdo", "cite", "code", "data", "dfn", "em", "font", "i", "kbd",
          "mark", "q", "s", "samp", "small", "span", "strong", "sub", "sup", "time", "u", "var",
          "img", "wbr", "del", "ins", "label"}
SKIP = {"script", "style", "noscript", "template", "svg", "math"}


class _Blocks(html.parser.HTMLParser):
    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.blocks, self.run, self.skip = [], [], 0

    def _cut(self):
        line = re.sub(r"\s+", " ", "".join(self.run)).strip()
        if line:
            self.blocks.append(line)
        self.run = []

    def handle_starttag(self, tag, attrs):
        if tag in SKIP:
            self.skip += 1
        elif tag not in INLINE:
            self._cut()

    def handle_endtag(self, tag):
        if tag in SKIP:
            self.skip = max(0, self.skip - 1)
        elif tag not in INLINE:
            self._cut()

    def handle_data(self, data):
        if not self.skip:
            self.run.append(data)


def html_text(markup):
    """Plain text of an article's HTML: its block elements as paragraphs."""
    p = _Blocks()
    p.feed(markup)
    p.close()
    p._cut()
    return "\n\n".join(p.blocks)


def cleaneval_text(gold):
    """Plain text of a CleanEval gold standard file: the `URL:` line dropped, each `<p>`, `<h>`
    or `<l>` block one paragraph, its lines joined by single spaces, entities decoded."""
    blocks = re.split(r"^<[phl]>", gold, flags=re.M)
    paragraphs = []
    for b in blocks[1:]:
        line = re.sub(r"\s+", " ", html.unescape(b)).strip()
        if line:
            paragraphs.append(line)
    return "\n\n".join(paragraphs)


@functools.cache
def text_of(doc):
    """The text an annotation named `doc` (its file's stem) was made on."""
    kind, _, page = doc.partition("-")
    if kind == "wcxb":
        with gzip.open(WCXB / "ground-truth" / f"{page}.json.gz", "rt", encoding="utf8") as f:
            return (json.load(f).get("ground_truth") or {}).get("main_content") or ""
    if kind == "moz":
        return html_text((MOZILLA / page / "expected.html").read_text(encoding="utf8"))
    if kind == "cpe":
        return cleaneval_text((CLEANPORTAL / f"{page}.txt").read_text(encoding="utf8", errors="replace"))
    raise ValueError(f"no text source for an annotation named {doc!r} (wcxb-NNNN, moz-CASE or cpe-NAME)")
