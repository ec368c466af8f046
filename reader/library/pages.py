"""A page as the page view and ``issue-reader page`` show it: image size, regions, words, hits.

Everything here is in image pixels (the scan's, or a PDF page rendered at
:data:`reader.library.images.PDF_DPI`): the page's own coordinates are scaled by
:meth:`reader.model.Page.scale_to`. The window and the command line both call these
functions, so they draw the same boxes.

SKELETON (session 5): the types are the contract between the helpers; the functions are
filled by the library/CLI work and must not stay stubs.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.model import Box, Page, Reason, Region, Word


@dataclass(frozen=True)
class HitBox:
    """One match of a query on the page: the matched text and the boxes of its words.

    ``field`` is the article part the match is in (``title``, ``body``…), ``start``/``end``
    its offsets in that part's text (Python ``str`` offsets), so the text pane can select it.
    """

    article_id: str
    field: str
    start: int
    end: int
    text: str
    boxes: tuple[Box, ...]


@dataclass(frozen=True)
class PageView:
    """What one page shows: its size in image pixels, its regions, words and hits.

    ``image_expected`` names the image file the page should have when it is missing (the
    text view still works; the page view says which file it expected); ``layout_problem`` says
    why the words could not be read (the image may still show).
    """

    issue_id: str
    page: Page
    size: tuple[int, int]
    regions: tuple[Region, ...] = ()
    words: tuple[Word, ...] = ()
    hits: tuple[HitBox, ...] = ()
    image_expected: str = ""
    layout_problem: Reason | None = None

    @property
    def has_image(self) -> bool:
        """Whether the page has an image that can be shown."""
        return bool(self.page.image) and not self.image_expected
