"""Huge single input files for the memory benchmark: a one-line ALTO page, a giant text issue,
a NewsML-G2 feed of many items.

``benchmarks/huge_inputs.py`` writes them at full size (a 150 MB ALTO page of one line with
470,000 words, a 200 MB text issue of a few huge articles, a 200 MB newsMessage); the tests
write them tiny. All are written piece by piece, never held whole, and the same arguments
write the same bytes.
"""

from __future__ import annotations

import random
import tempfile
from pathlib import Path

from tests.generator.generate import PUBLICATION, generate

_SAMPLE = (
    "the council met on tuesday to discuss harbour works and the new railway line while "
    "merchants reported that grain prices rose sharply after the storm damaged several ships "
    "near the northern coast where fishermen have asked for relief from the provincial treasury"
)
_WORDS = _SAMPLE.split()
# Bytes written per call: large enough to be fast, small enough never to matter.
_CHUNK = 1 << 20


def write_alto_line(path: Path, words: int, seed: int = 1) -> int:
    """An ALTO v4 page whose text is one TextLine of ``words`` words, the file one line long.

    Every word has the attributes an OCR engine writes, a space after it and a Glyph per
    character (as Tesseract's and ABBYY's glyph-level output has); a word in 40 is hyphenated
    with SUBS_CONTENT. Returns the file's size in bytes.
    """
    rng = random.Random(seed)
    size = 0
    with path.open("w", encoding="utf-8", newline="") as out:
        head = (
            '<?xml version="1.0" encoding="UTF-8"?><alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">'
            "<Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout>"
            '<Page ID="P1" PHYSICAL_IMG_NR="1" HEIGHT="90000" WIDTH="9000000">'
            '<PrintSpace ID="P1_PS1" HPOS="0" VPOS="0" WIDTH="9000000" HEIGHT="90000">'
            '<TextBlock ID="P1_TB1" HPOS="0" VPOS="0" WIDTH="9000000" HEIGHT="40">'
            '<TextLine ID="P1_TL1" HPOS="0" VPOS="0" WIDTH="9000000" HEIGHT="40">'
        )
        parts = [head]
        pending = len(head)
        hpos = 0
        for number in range(1, words + 1):
            word = rng.choice(_WORDS)
            glyphs = "".join(f'<Glyph CONTENT="{ch}" GC="0.9"/>' for ch in word)
            attributes = (
                f'ID="P1_S{number}" HPOS="{hpos}" VPOS="12" WIDTH="{len(word) * 19}" '
                f'HEIGHT="34" WC="0.93" STYLEREFS="TS1"'
            )
            if number % 40 == 0 and number < words and len(word) > 3:
                piece = (
                    f'<String {attributes} CONTENT="{word[:2]}" SUBS_TYPE="HypPart1" '
                    f'SUBS_CONTENT="{word}">{glyphs}</String><HYP CONTENT="-"/>'
                    f'<String ID="P1_S{number}b" HPOS="{hpos + 40}" VPOS="12" WIDTH="40" '
                    f'HEIGHT="34" CONTENT="{word[2:]}" SUBS_TYPE="HypPart2" SUBS_CONTENT="{word}"/>'
                )
            else:
                piece = f'<String {attributes} CONTENT="{word}">{glyphs}</String>'
            piece += f'<SP HPOS="{hpos + len(word) * 19}" VPOS="12" WIDTH="11"/>'
            hpos += len(word) * 19 + 11
            parts.append(piece)
            pending += len(piece)
            if pending >= _CHUNK:
                size += out.write("".join(parts))
                parts, pending = [], 0
        parts.append("</TextLine></TextBlock></PrintSpace></Page></Layout></alto>")
        size += out.write("".join(parts))
    return path.stat().st_size


def write_text_issue(path: Path, size: int, articles: int = 4, seed: int = 1) -> int:
    """A text issue of about ``size`` bytes of UTF-8, in ``articles`` articles of equal length.

    The paragraphs are the generator's county news (OCR line breaks and all), drawn at random
    from a few issues' worth, so each article is one long run of ordinary paragraphs.
    Returns the file's size in bytes.
    """
    rng = random.Random(seed)
    paragraphs = _paragraphs(seed)
    per_article = max(1, size // articles)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(f"# {PUBLICATION}\n\n2015年1月5日  \n总1001期  \n\n第1版\n\n")
        for number in range(1, articles + 1):
            out.write(f"## 第{number}篇 长篇连载\n\n")
            written = 0
            chunk: list[str] = []
            pending = 0
            while written < per_article:
                paragraph = rng.choice(paragraphs) + "\n\n"
                chunk.append(paragraph)
                length = len(paragraph.encode("utf-8"))
                written += length
                pending += length
                if pending >= _CHUNK:
                    out.write("".join(chunk))
                    chunk, pending = [], 0
            out.write("".join(chunk))
    return path.stat().st_size


def write_newsml_feed(path: Path, items: int, seed: int = 1) -> int:
    """A NewsML-G2 newsMessage of ``items`` text newsItems (XHTML bodies of twelve paragraphs,
    about 5 kB each), as a news agency's daily feed. Returns the file's size in bytes."""
    rng = random.Random(seed)
    with path.open("w", encoding="utf-8", newline="") as out:
        out.write(
            '<?xml version="1.0" encoding="UTF-8"?>\n'
            '<newsMessage xmlns="http://iptc.org/std/nar/2006-10-01/">'
            "<header><sent>2024-03-13T04:00:00Z</sent></header><itemSet>\n"
        )
        chunk: list[str] = []
        for number in range(items):
            paragraphs = "".join(
                "<p>" + " ".join(rng.choice(_WORDS) for _ in range(60)) + "</p>\n"
                for _ in range(12)
            )
            chunk.append(
                f'<newsItem guid="urn:newsml:feed.example:{number}" version="1" '
                'standard="NewsML-G2"><itemMeta><itemClass qcode="ninat:text"/>'
                "<versionCreated>2024-03-12T20:00:00Z</versionCreated></itemMeta><contentMeta>"
                f"<headline>Item {number}</headline></contentMeta><contentSet>"
                '<inlineXML contenttype="application/xhtml+xml">'
                '<html xmlns="http://www.w3.org/1999/xhtml"><head><title>Item</title></head>'
                f"<body>{paragraphs}</body></html></inlineXML></contentSet></newsItem>\n"
            )
            if len(chunk) == 100:
                out.write("".join(chunk))
                chunk = []
        out.write("".join(chunk) + "</itemSet></newsMessage>\n")
    return path.stat().st_size


def _paragraphs(seed: int) -> list[str]:
    """The body paragraphs (with their line breaks) of a few generated issues."""
    with tempfile.TemporaryDirectory(prefix="huge-pool-") as folder:
        found: list[str] = []
        for file in generate(Path(folder), 5, seed=seed):
            body = file.read_text(encoding="utf-8").split("\n## ", 1)[-1]
            for block in body.split("\n\n"):
                block = block.strip("\n")
                if block and not block.startswith("#") and "\n#" not in block:
                    found.append(block)
    return found
