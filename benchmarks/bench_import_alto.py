"""Time opening a large METS/ALTO archive: N synthetic ALTO pages with their issue METS.

Usage: ``.venv/bin/python benchmarks/bench_import_alto.py [--pages 10000] [--per-issue 8]``

Each page is an ALTO v3 file shaped like a real newspaper page (about 12 blocks of 20 lines of
8 words, every attribute an OCR engine writes, hyphenated words with SUBS_CONTENT, about 300 kB);
each issue's METS cuts its pages into articles through a logical structMap. The archive is
written to a temporary folder, opened once with ``Library.open`` (the opening is timed, and
the peak memory of that process reported), checked and removed.
"""

from __future__ import annotations

import argparse
import random
import resource
import shutil
import sys
import tempfile
import time
from pathlib import Path

from reader.library import Library

SAMPLE_TEXT = (
    "the council met on tuesday to discuss harbour works and the new railway line while "
    "merchants reported that grain prices rose sharply after the storm damaged several ships "
    "near the northern coast where fishermen have asked for relief from the provincial treasury"
)
WORDS = SAMPLE_TEXT.split()
BLOCKS_PER_PAGE = 12
LINES_PER_BLOCK = 20
WORDS_PER_LINE = 8
ARTICLES_PER_PAGE = 4


def alto_page(page_no: int, rng: random.Random) -> str:
    """One page of ALTO v3, every String with the geometry and confidence attributes."""
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">\n<Description>'
        "<MeasurementUnit>pixel</MeasurementUnit></Description>\n<Layout>\n"
        f'<Page ID="P{page_no}" PHYSICAL_IMG_NR="{page_no}" HEIGHT="4000" WIDTH="2600">\n'
        f'<PrintSpace ID="P{page_no}_PS1" HPOS="0" VPOS="0" WIDTH="2600" HEIGHT="4000">\n'
    ]
    string_no = 0
    for block in range(1, BLOCKS_PER_PAGE + 1):
        out.append(
            f'<TextBlock ID="P{page_no}_TB{block:05d}" HPOS="40" VPOS="{block * 300}" '
            'WIDTH="1150" HEIGHT="290" STYLEREFS="TXT_0 PAR_LEFT">\n'
        )
        for line in range(1, LINES_PER_BLOCK + 1):
            out.append(
                f'<TextLine ID="P{page_no}_TL{block:03d}{line:03d}" HPOS="40" '
                f'VPOS="{block * 300 + line * 14}" WIDTH="1150" HEIGHT="40">'
            )
            for word_no in range(WORDS_PER_LINE):
                string_no += 1
                word = rng.choice(WORDS)
                attributes = (
                    f'ID="P{page_no}_ST{string_no:05d}" HPOS="{60 + word_no * 130}" '
                    f'VPOS="{block * 300 + line * 14}" WIDTH="120" HEIGHT="32" WC="0.93" CC="9089"'
                )
                last = word_no == WORDS_PER_LINE - 1
                if last and line % 6 == 0 and line < LINES_PER_BLOCK:
                    out.append(
                        f'<String {attributes} CONTENT="{word[:3]}" SUBS_TYPE="HypPart1" '
                        f'SUBS_CONTENT="{word}"/><HYP CONTENT="-"/>'
                    )
                elif word_no == 0 and line % 6 == 1 and line > 1:
                    out.append(
                        f'<String {attributes} CONTENT="{word[3:] or "x"}" SUBS_TYPE="HypPart2" '
                        f'SUBS_CONTENT="{word}"/><SP WIDTH="12"/>'
                    )
                else:
                    out.append(f'<String {attributes} CONTENT="{word}"/>')
                    if not last:
                        out.append('<SP WIDTH="12"/>')
            out.append("</TextLine>\n")
        out.append("</TextBlock>\n")
    out.append("</PrintSpace>\n</Page>\n</Layout>\n</alto>\n")
    return "".join(out)


def issue_mets(issue_no: int, pages: list[int]) -> str:
    """A METS for one issue: MODS title and date, the ALTO files, pages, and articles."""
    day = f"1900-{1 + issue_no // 28 % 12:02d}-{1 + issue_no % 28:02d}"
    # The page images are listed but not there, as in most archives handed on without them.
    files = "".join(
        f'<mets:file ID="IMG{p}" MIMETYPE="image/jp2"><mets:FLocat LOCTYPE="URL" '
        f'xlink:href="file://./images/{p:05d}.jp2"/></mets:file>'
        f'<mets:file ID="ALTO{p}" MIMETYPE="text/xml"><mets:FLocat LOCTYPE="URL" '
        f'xlink:href="file://./alto/{p:05d}.xml"/></mets:file>'
        for p in pages
    )
    physical = "".join(
        f'<mets:div ID="PHYS{p}" TYPE="page" ORDER="{n}" ORDERLABEL="{n}"><mets:fptr><mets:par>'
        f'<mets:area FILEID="IMG{p}"/><mets:area FILEID="ALTO{p}" BETYPE="IDREF" BEGIN="P{p}"/>'
        "</mets:par></mets:fptr></mets:div>"
        for n, p in enumerate(pages, start=1)
    )
    articles = []
    per_article = BLOCKS_PER_PAGE // ARTICLES_PER_PAGE
    for p in pages:
        for a in range(ARTICLES_PER_PAGE):
            first = a * per_article + 1
            body = "".join(
                f'<mets:div ID="L{p}_{a}_B{b}" TYPE="PARAGRAPH"><mets:fptr><mets:area '
                f'FILEID="ALTO{p}" BETYPE="IDREF" BEGIN="P{p}_TB{b:05d}"/></mets:fptr></mets:div>'
                for b in range(first + 1, first + per_article)
            )
            articles.append(
                f'<mets:div ID="L{p}_{a}" TYPE="ARTICLE" DMDID="MODS_{p}_{a}">'
                f'<mets:div TYPE="HEADING"><mets:div TYPE="TITLE"><mets:fptr><mets:area '
                f'FILEID="ALTO{p}" BETYPE="IDREF" BEGIN="P{p}_TB{first:05d}"/></mets:fptr>'
                f'</mets:div></mets:div><mets:div TYPE="BODY">{body}</mets:div></mets:div>'
            )
    records = "".join(
        f'<mets:dmdSec ID="MODS_{p}_{a}"><mets:mdWrap MDTYPE="MODS"><mets:xmlData><mods:mods>'
        f"<mods:titleInfo><mods:title>Article {a + 1} of page {p}</mods:title></mods:titleInfo>"
        "</mods:mods></mets:xmlData></mets:mdWrap></mets:dmdSec>"
        for p in pages
        for a in range(ARTICLES_PER_PAGE)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n'
        '<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:mods="http://www.loc.gov/mods/v3" '
        'xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<mets:dmdSec ID="MODS_ISSUE"><mets:mdWrap MDTYPE="MODS"><mets:xmlData><mods:mods>'
        "<mods:titleInfo><mods:title>The Synthetic Courier</mods:title></mods:titleInfo>"
        f"<mods:originInfo><mods:dateIssued>{day}</mods:dateIssued></mods:originInfo>"
        f"<mods:part><mods:detail type='issue'><mods:number>{issue_no}</mods:number></mods:detail>"
        "</mods:part></mods:mods></mets:xmlData></mets:mdWrap></mets:dmdSec>"
        f"{records}<mets:fileSec><mets:fileGrp USE='content'>{files}</mets:fileGrp></mets:fileSec>"
        f'<mets:structMap TYPE="PHYSICAL"><mets:div TYPE="issue">{physical}</mets:div>'
        '</mets:structMap><mets:structMap TYPE="LOGICAL"><mets:div TYPE="ISSUE" DMDID="MODS_ISSUE">'
        f"{''.join(articles)}</mets:div></mets:structMap></mets:mets>\n"
    )


def write_archive(root: Path, pages: int, per_issue: int) -> int:
    """Write the archive; return its size in bytes."""
    rng = random.Random(1821)
    size = 0
    for issue_no, first in enumerate(range(1, pages + 1, per_issue), start=1):
        folder = root / f"issue{issue_no:05d}"
        (folder / "alto").mkdir(parents=True)
        members = list(range(first, min(first + per_issue, pages + 1)))
        for p in members:
            data = alto_page(p, rng).encode()
            (folder / "alto" / f"{p:05d}.xml").write_bytes(data)
            size += len(data)
        mets = issue_mets(issue_no, members).encode()
        (folder / "mets.xml").write_bytes(mets)
        size += len(mets)
    return size


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--pages", type=int, default=10_000)
    parser.add_argument("--per-issue", type=int, default=8)
    parser.add_argument("--keep", type=Path, help="write the archive here and keep it")
    args = parser.parse_args(argv)
    root = args.keep or Path(tempfile.mkdtemp(prefix="bench-alto-"))
    try:
        started = time.perf_counter()
        size = write_archive(root, args.pages, args.per_issue)
        print(
            f"wrote {args.pages:,} pages ({size / 1e6:,.0f} MB) in {time.perf_counter() - started:.0f} s"
        )
        before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        started = time.perf_counter()
        library = Library.open(root)
        elapsed = time.perf_counter() - started
        peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
        articles = library.archive.article_count
        expected = args.pages * ARTICLES_PER_PAGE
        print(f"opened {len(library.issues):,} issues, {articles:,} articles in {elapsed:.1f} s")
        print(f"{args.pages / elapsed:,.0f} pages/s, {size / 1e6 / elapsed:,.1f} MB/s")
        print(f"peak RSS {peak / 1024:,.0f} MB (before opening {before / 1024:,.0f} MB)")
        if articles != expected or library.problems:
            print(
                f"UNEXPECTED: {articles} articles (want {expected}), {len(library.problems)} problems"
            )
            return 1
        return 0
    finally:
        if args.keep is None:
            shutil.rmtree(root, ignore_errors=True)


if __name__ == "__main__":
    sys.exit(main())
