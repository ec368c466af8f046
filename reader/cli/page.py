"""The ``page`` command: one page of an issue with a query's hits, as JSON or a PNG picture.

It asks :func:`reader.library.pages.page_view` for the page, as the window does, so the boxes
drawn here are the ones the page view draws.
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING, Any

from reader.cli.output import print_json
from reader.cli.parser import PROG
from reader.library import Library, images
from reader.library.destination import checked, saving
from reader.library.pages import PageView, page_view
from reader.model import Box, CorruptArchive, Issue, NotFound, printable

if TYPE_CHECKING:
    from PIL import Image

# A hit: a translucent amber fill and a darker outline (the page stays readable under it).
HIT_FILL = (255, 176, 0, 110)
HIT_OUTLINE = (214, 96, 0, 255)
# The current article's regions: a blue outline; the words of a page without image: light grey.
REGION_OUTLINE = (30, 90, 200, 255)
WORD_OUTLINE = (200, 200, 200, 255)


def page(library: Library, args: argparse.Namespace) -> int:
    """Show one page: its size, image and hits (JSON or a line each), and draw it with --png."""
    if not 0 < args.scale <= 8:
        print(f"{PROG}: error: --scale must be more than 0 and at most 8", file=sys.stderr)
        return 1
    if args.png:  # a mistyped folder is said at once, not made
        checked(args.png, folder=False)
    issue, article_id, number = _target(library, args.target, args.page)
    view = page_view(library, issue.id, number, args.query)
    if view.layout_problem is not None:
        print(f"{PROG}: page {number}: words not read: {view.layout_problem}", file=sys.stderr)
    if args.png:
        picture = _draw(library, view, article_id, args.scale)
        with saving(args.png):  # a folder missing or read-only: one line, not a traceback
            picture.save(args.png, format="PNG")
    if args.json:
        return print_json(view_json(view))
    label = f" (printed {view.page.label})" if view.page.label else ""
    image = view.page.image or "no image"
    print(f"Page {number}{label} of {issue.id}: {view.size[0]}×{view.size[1]} px, {image}")
    for hit in view.hits:
        boxes = " ".join(",".join(map(str, _ints(box))) for box in hit.boxes)
        print(f"  {hit.article_id}  {hit.field}  {printable(hit.text)!r}  {boxes}")
    if args.query and not view.hits:
        print("  no hits on this page")
    return 0


def view_json(view: PageView) -> dict[str, Any]:
    """A page as ``page --json`` prints it: boxes in image pixels, as whole numbers."""
    return {
        "issue_id": view.issue_id,
        "page": view.page.number,
        "label": view.page.label or None,
        "image": view.page.image or None,
        "image_found": view.has_image,
        "size": list(view.size),
        "words": len(view.words),
        "layout_problem": None if view.layout_problem is None else str(view.layout_problem),
        "hits": [
            {
                "article_id": hit.article_id,
                "field": hit.field,
                "start": hit.start,
                "end": hit.end,
                "text": hit.text,
                "boxes": [_ints(box) for box in hit.boxes],
            }
            for hit in view.hits
        ],
    }


def _target(library: Library, wanted: str, number: int | None) -> tuple[Issue, str, int]:
    """The issue, the article ("" for an issue) and the page number the arguments name."""
    article_id = ""
    try:
        issue = library.find_issue(wanted)
    except NotFound as not_issue:
        try:
            issue, article = library.article(wanted)
        except NotFound:
            raise not_issue from None
        article_id = article.id
        if number is None and article.pages:
            number = article.pages[0]
    if not issue.pages:
        raise NotFound(f"issue {issue.id} has no pages with images or coordinates ({issue.format})")
    if number is None:
        number = issue.pages[0].number
    return issue, article_id, number


def _draw(library: Library, view: PageView, article_id: str, scale: float) -> Image.Image:
    """The page's image (or a white page) with the hits filled and the article outlined."""
    from PIL import Image, ImageDraw  # only for --png: every other command starts without it

    picture = _picture(library, view, scale)
    if picture is None:
        expected = view.image_expected or view.page.image
        why = f"image {printable(expected)} not found" if expected else "no image is known"
        print(f"{PROG}: page {view.page.number}: {why}; drawn on a white page", file=sys.stderr)
        size = (max(1, round(view.size[0] * scale)), max(1, round(view.size[1] * scale)))
        picture = Image.new("RGB", size, "white")
        sketch = ImageDraw.Draw(picture)
        for word in view.words:
            sketch.rectangle(_at(word.box, scale, picture.size), outline=WORD_OUTLINE)
    # Where the image and the layout disagree on size, the layout's boxes follow the image.
    sx = picture.width / max(1, view.size[0]) if picture.width else scale
    sy = picture.height / max(1, view.size[1]) if picture.height else scale
    overlay = Image.new("RGBA", picture.size, (0, 0, 0, 0))
    pen = ImageDraw.Draw(overlay)
    for region in view.regions:
        if article_id and region.article == article_id:
            pen.rectangle(_at(region.box, (sx, sy), picture.size), outline=REGION_OUTLINE, width=3)
    for hit in view.hits:
        for box in hit.boxes:
            shape = _at(box, (sx, sy), picture.size)
            pen.rectangle(shape, fill=HIT_FILL, outline=HIT_OUTLINE, width=2)
    return Image.alpha_composite(picture.convert("RGBA"), overlay).convert("RGB")


def _picture(library: Library, view: PageView, scale: float) -> Image.Image | None:
    """The page's image at ``scale`` as Pillow's, or None when it is missing or unreadable."""
    from PIL import Image

    if not view.has_image:
        return None
    try:
        raster = images.render(library.source, view.page, scale)
    except CorruptArchive as exc:
        print(f"{PROG}: page {view.page.number}: {exc.reason.text}", file=sys.stderr)
        return None
    mode = raster.format
    size = (raster.width, raster.height)
    return Image.frombuffer(mode, size, raster.data, "raw", mode, raster.bytes_per_line, 1)


def _at(
    box: Box, scale: float | tuple[float, float], size: tuple[int, int]
) -> tuple[int, int, int, int]:
    """A box scaled to the picture, inside it, at least one pixel wide and high."""
    sx, sy = scale if isinstance(scale, tuple) else (scale, scale)
    left = min(max(0, round(box[0] * sx)), size[0] - 1)
    top = min(max(0, round(box[1] * sy)), size[1] - 1)
    right = min(max(left, round(box[2] * sx)), size[0] - 1)
    bottom = min(max(top, round(box[3] * sy)), size[1] - 1)
    return left, top, right, bottom


def _ints(box: Box) -> list[int]:
    return [round(value) for value in box]
