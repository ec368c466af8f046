"""Pages of an issue and, read on demand, where each word and article sits on them.

An :class:`Issue` lists its :class:`Page` objects (cheap: no coordinates); the words with
their boxes are read lazily, one page at a time, as a :class:`PageLayout` (a newspaper page
holds 5,000–10,000 words, never all kept in the catalogue). Boxes are in the page's own
``unit``; :meth:`Page.scale_to` turns them into image pixels once the image size is known.
"""

from __future__ import annotations

from dataclasses import dataclass

from reader.model.pickling import quick_pickle

# (left, top, right, bottom), in the page's unit, y growing downwards.
Box = tuple[float, float, float, float]

# Units per inch of the coordinate units the formats use ("pixel" has none: the image's own).
UNITS_PER_INCH = {"mm10": 254.0, "inch1200": 1200.0, "inch254": 254.0, "pt": 72.0, "mm": 25.4}
# The resolution assumed for a scan whose file does not say (and for unit conversion then).
DEFAULT_DPI = 300.0


@quick_pickle
@dataclass(frozen=True, slots=True)
class Page:
    """One page of an issue: where its coordinates and its image are, and its size.

    ``number`` is the page's position in the issue (1, 2, …); ``label`` the number printed on
    it ("" when unknown). ``source``/``ref`` find the page's words again (the file, and which
    page of a file that holds several); ``image``/``image_index`` its scan (the file, and the
    frame of a multi-page TIFF or the page of a PDF), "" when none is known. ``width`` and
    ``height`` are the page's size in ``unit`` (0 when the file does not say).
    """

    number: int
    label: str = ""
    source: str = ""
    ref: str = ""
    image: str = ""
    image_index: int = 0
    width: float = 0.0
    height: float = 0.0
    unit: str = "pixel"
    has_text: bool = True

    def scale_to(self, image_width: int, image_height: int) -> tuple[float, float]:
        """Factors from the page's unit to the pixels of an image of this size.

        The page size, when known, is the authority (it also covers an image whose size
        differs from the one the OCR saw); otherwise a unit with a known resolution is
        converted at :data:`DEFAULT_DPI`, and pixels stay as they are.
        """
        if self.width > 0 and self.height > 0 and image_width > 0 and image_height > 0:
            return image_width / self.width, image_height / self.height
        per_inch = UNITS_PER_INCH.get(self.unit)
        if per_inch is None:
            return 1.0, 1.0
        factor = DEFAULT_DPI / per_inch
        return factor, factor

    def page_size_px(self, dpi: float = DEFAULT_DPI) -> tuple[int, int]:
        """The page's size in pixels when there is no image to measure (0, 0 when unknown)."""
        per_inch = UNITS_PER_INCH.get(self.unit)
        factor = 1.0 if per_inch is None else dpi / per_inch
        return round(self.width * factor), round(self.height * factor)


@dataclass(frozen=True, slots=True)
class Word:
    """One word as printed on the page: its text as the file has it (a hyphenated half stays
    a half), its box, the region (block) it is in, and the article it belongs to ("" none)."""

    text: str
    box: Box
    region: str = ""
    article: str = ""


@dataclass(frozen=True, slots=True)
class Region:
    """A block of the page (a text block, an illustration) and the article it belongs to."""

    id: str
    box: Box
    article: str = ""
    kind: str = "text"


@dataclass(frozen=True, slots=True)
class PageLayout:
    """The words and regions of one page, read from its source when the page is shown.

    ``articles`` gives, for each article on the page, the indexes into ``words`` of its words
    in the article's reading order (the order its text was built in), so that the text and
    the words can be aligned (:mod:`reader.library.wordmap`).
    """

    page: Page
    words: tuple[Word, ...] = ()
    regions: tuple[Region, ...] = ()
    articles: tuple[tuple[str, tuple[int, ...]], ...] = ()

    def article_words(self, article_id: str) -> list[Word]:
        """The words of one article on this page, in its reading order (none: empty)."""
        for wanted, indexes in self.articles:
            if wanted == article_id:
                return [self.words[i] for i in indexes]
        return []

    def article_regions(self, article_id: str) -> list[Region]:
        """The regions of one article on this page."""
        return [r for r in self.regions if r.article == article_id]
