"""Time the page view's hit boxes on a 7,000-word page: layout read, alignment, hits.

Usage: ``.venv/bin/python -m benchmarks.page_hits [--format alto|hocr] [--runs 5]``

Writes one newspaper page of 7,040 words (44 blocks of 20 lines of 8 words, a hyphenated word
every sixth line, 11 articles of 4 blocks, a 2600×4000 PNG) as an issue METS with its ALTO
page, or as one hOCR page, opens it, and times (median of ``--runs``):

* ``read``: the format's ``read_layout`` for the page (words, regions, articles);
* ``align``: placing every word in its article's text (:func:`pages.place_words`);
* ``cold``: ``page_view`` with a query on a page not read yet (all of the above, and hits);
* ``first``: the first query on the page already shown (the layout cached, the articles'
  texts not yet folded for matching): the figure the issue sets a 50 ms target for;
* ``new``: another query on that page (the texts folded once already);
* ``hits``: the same query again (F3, the window asking again).
"""

from __future__ import annotations

import argparse
import random
import statistics
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

from PIL import Image

from reader.formats.registry import page_source
from reader.index import snippets
from reader.library import Library, pages, placing

WORDS = [
    "der",
    "Rath",
    "hat",
    "am",
    "Dienstag",
    "über",
    "den",
    "neuen",
    "Hafen",
    "und",
    "die",
    "Eisenbahn",
    "berathen",
    "während",
    "die",
    "Kaufleute",
    "berichteten",
    "dass",
    "die",
    "Getreidepreise",
    "nach",
    "dem",
    "Sturm",
    "stark",
    "gestiegen",
    "sind",
    "welcher",
    "mehrere",
    "Schiffe",
    "an",
    "der",
    "nördlichen",
    "Küste",
    "beschädigt",
    "hat",
    "wo",
    "die",
    "Fischer",
    "um",
    "Hülfe",
    "baten",
]
BLOCKS, LINES, PER_LINE, BLOCKS_PER_ARTICLE = 44, 20, 8, 4
QUERY = "Hafen"
# Other queries, one per run: a new query on the page shown.
OTHER_QUERIES = ("Sturm", "Küste", "Fischer", "Schiffe", "Eisenbahn", "Kaufleute", "Rath")
WIDTH, HEIGHT = 2600, 4000


def grid(rng: random.Random) -> list[list[list[str]]]:
    """Blocks of lines of words; a word cut at every sixth line's end (``Getrei-`` ``depreise``)."""
    blocks = []
    for _ in range(BLOCKS):
        lines = [[rng.choice(WORDS) for _ in range(PER_LINE)] for _ in range(LINES)]
        for n in range(5, LINES - 1, 6):
            word = lines[n][-1]
            if len(word) > 4:
                lines[n][-1], lines[n + 1][0] = word[:3] + "-", word[3:]
        blocks.append(lines)
    return blocks


def box(block: int, line: int, word: int) -> tuple[int, int, int, int]:
    left = 40 + (block % 2) * 1290 + word * 155
    top = 80 + (block // 2) * 176 + line * 8
    return left, top, left + 145, top + 7


def alto(blocks: list[list[list[str]]]) -> str:
    out = [
        '<?xml version="1.0" encoding="UTF-8"?>\n<alto xmlns="http://www.loc.gov/standards/alto/ns-v3#">'
        "<Description><MeasurementUnit>pixel</MeasurementUnit></Description><Layout>"
        f'<Page ID="P1" PHYSICAL_IMG_NR="1" WIDTH="{WIDTH}" HEIGHT="{HEIGHT}"><PrintSpace>'
    ]
    for b, lines in enumerate(blocks, start=1):
        out.append(
            f'<TextBlock ID="TB{b}" HPOS="{box(b, 0, 0)[0]}" VPOS="{box(b, 0, 0)[1]}" WIDTH="1250" HEIGHT="170">'
        )
        for n, words in enumerate(lines):
            out.append("<TextLine>")
            for w, word in enumerate(words):
                left, top, right, bottom = box(b, n, w)
                geometry = (
                    f'HPOS="{left}" VPOS="{top}" WIDTH="{right - left}" HEIGHT="{bottom - top}"'
                )
                if word.endswith("-"):
                    whole = word[:-1] + lines[n + 1][0]
                    out.append(
                        f'<String {geometry} CONTENT="{word[:-1]}" SUBS_TYPE="HypPart1" SUBS_CONTENT="{whole}"/><HYP CONTENT="-"/>'
                    )
                elif w == 0 and n > 0 and lines[n - 1][-1].endswith("-"):
                    whole = lines[n - 1][-1][:-1] + word
                    out.append(
                        f'<String {geometry} CONTENT="{word}" SUBS_TYPE="HypPart2" SUBS_CONTENT="{whole}"/><SP/>'
                    )
                else:
                    out.append(f'<String {geometry} CONTENT="{word}"/><SP/>')
            out.append("</TextLine>")
        out.append("</TextBlock>")
    out.append("</PrintSpace></Page></Layout></alto>\n")
    return "".join(out)


def mets() -> str:
    articles = "".join(
        f'<mets:div ID="A{a}" TYPE="ARTICLE"><mets:div TYPE="BODY">'
        + "".join(
            f'<mets:div TYPE="PARAGRAPH"><mets:fptr><mets:area FILEID="ALTO1" BETYPE="IDREF" '
            f'BEGIN="TB{b}"/></mets:fptr></mets:div>'
            for b in range(a * BLOCKS_PER_ARTICLE + 1, (a + 1) * BLOCKS_PER_ARTICLE + 1)
        )
        + "</mets:div></mets:div>"
        for a in range(BLOCKS // BLOCKS_PER_ARTICLE)
    )
    return (
        '<?xml version="1.0" encoding="UTF-8"?>\n<mets:mets xmlns:mets="http://www.loc.gov/METS/" '
        'xmlns:mods="http://www.loc.gov/mods/v3" xmlns:xlink="http://www.w3.org/1999/xlink">'
        '<mets:dmdSec ID="MODS_ISSUE"><mets:mdWrap MDTYPE="MODS"><mets:xmlData><mods:mods>'
        "<mods:titleInfo><mods:title>Der Bote</mods:title></mods:titleInfo><mods:originInfo>"
        "<mods:dateIssued>1878-01-03</mods:dateIssued></mods:originInfo></mods:mods>"
        "</mets:xmlData></mets:mdWrap></mets:dmdSec><mets:fileSec>"
        '<mets:fileGrp USE="IMAGE"><mets:file ID="IMG1" MIMETYPE="image/png"><mets:FLocat '
        'LOCTYPE="URL" xlink:href="file://./images/00001.png"/></mets:file></mets:fileGrp>'
        '<mets:fileGrp USE="TEXT"><mets:file ID="ALTO1" MIMETYPE="text/xml"><mets:FLocat '
        'LOCTYPE="URL" xlink:href="file://./alto/00001.xml"/></mets:file></mets:fileGrp>'
        '</mets:fileSec><mets:structMap TYPE="PHYSICAL"><mets:div TYPE="issue">'
        '<mets:div ID="PHYS1" TYPE="page" ORDER="1" ORDERLABEL="1"><mets:fptr><mets:par>'
        '<mets:area FILEID="IMG1"/><mets:area FILEID="ALTO1" BETYPE="IDREF" BEGIN="P1"/>'
        "</mets:par></mets:fptr></mets:div></mets:div></mets:structMap><mets:structMap "
        'TYPE="LOGICAL"><mets:div TYPE="ISSUE" DMDID="MODS_ISSUE">'
        f"{articles}</mets:div></mets:structMap></mets:mets>\n"
    )


def hocr(blocks: list[list[list[str]]]) -> str:
    out = [
        "<html><head><meta name='ocr-system' content='tesseract 5'/></head><body>"
        f"<div class='ocr_page' title='image \"images/00001.png\"; bbox 0 0 {WIDTH} {HEIGHT}'>"
    ]
    for b, lines in enumerate(blocks, start=1):
        if (b - 1) % BLOCKS_PER_ARTICLE == 0:
            out.append(f"<h2><span class='ocr_line' title='bbox 0 0 1 1'>Bericht {b}</span></h2>")
        out.append("<p class='ocr_par'>")
        for n, words in enumerate(lines):
            out.append("<span class='ocr_line'>")
            for w, word in enumerate(words):
                out.append(
                    "<span class='ocrx_word' title='bbox {} {} {} {}'>{}</span> ".format(
                        *box(b, n, w), word
                    )
                )
            out.append("</span>")
        out.append("</p>")
    out.append("</div></body></html>\n")
    return "".join(out)


def write(folder: Path, form: str) -> None:
    blocks = grid(random.Random(1878))
    (folder / "images").mkdir(parents=True)
    Image.new("L", (WIDTH, HEIGHT), 255).save(folder / "images" / "00001.png")
    if form == "alto":
        (folder / "alto").mkdir()
        (folder / "alto" / "00001.xml").write_text(alto(blocks), encoding="utf-8")
        (folder / "mets.xml").write_text(mets(), encoding="utf-8")
    else:
        (folder / "page.hocr").write_text(hocr(blocks), encoding="utf-8")


def median_ms(runs: int, action: Callable[[], object]) -> tuple[float, float]:
    """Median wall-clock and CPU milliseconds (CPU time is what a busy machine does not inflate)."""
    wall, cpu = [], []
    for _ in range(runs):
        start, start_cpu = time.perf_counter(), time.process_time()
        action()
        wall.append((time.perf_counter() - start) * 1000)
        cpu.append((time.process_time() - start_cpu) * 1000)
    return statistics.median(wall), statistics.median(cpu)


def first_query(library: Library, issue_id: str, number: int) -> object:
    """A query on a page shown without one: the articles' texts not yet folded for matching."""
    snippets._folded.cache_clear()
    return pages.page_view(library, issue_id, number, QUERY)


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--format", choices=("alto", "hocr"), default="alto")
    parser.add_argument("--runs", type=int, default=5)
    args = parser.parse_args(argv)
    with tempfile.TemporaryDirectory() as tmp:
        folder = Path(tmp) / "issue"
        write(folder, args.format)
        with Library.open(folder, use_cache=False) as library:
            issue = library.issues[0]
            reader = page_source(issue.format)
            if reader is None or not issue.pages:
                print(f"{issue.format}: no page layouts in this build (try --format hocr)")
                return 1
            page = issue.pages[0]
            layout = reader.read_layout(library.source, issue, page)

            def align() -> None:
                for article_id, indexes in layout.articles:
                    article = library.article(article_id)[1]
                    placing.place_words(article, [layout.words[i].text for i in indexes])

            others = iter(OTHER_QUERIES * args.runs)

            def cold() -> object:
                pages.forget(library)
                return pages.page_view(library, issue.id, page.number, QUERY)

            figures = {
                "read": median_ms(
                    args.runs, lambda: reader.read_layout(library.source, issue, page)
                ),
                "align": median_ms(args.runs, align),
                "cold": median_ms(args.runs, cold),
                "first": median_ms(args.runs, lambda: first_query(library, issue.id, page.number)),
                "new": median_ms(
                    args.runs, lambda: pages.page_view(library, issue.id, page.number, next(others))
                ),
                "hits": median_ms(
                    args.runs, lambda: pages.page_view(library, issue.id, page.number, QUERY)
                ),
            }
            view = pages.page_view(library, issue.id, page.number, QUERY)
    placed = sum(p is not None for p in view.places)
    print(
        f"{args.format}: {len(view.words):,} words ({placed:,} placed), "
        f"{len(layout.articles)} articles, {len(view.hits)} hits of {QUERY!r}; "
        f"median of {args.runs} runs, ms:"
    )
    print(f"  {'':6} {'wall':>8} {'cpu':>8}")
    for name, (wall, cpu) in figures.items():
        print(f"  {name:6} {wall:8.1f} {cpu:8.1f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
