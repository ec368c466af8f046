"""The page view's library side: boxes in image pixels, hits on words, clicks back to the text."""

from __future__ import annotations

from pathlib import Path

import pytest
from lxml import etree

from reader.library import Library
from reader.library.pages import article_hits, boxes_for, page_view, text_at
from reader.library.unmarked import unmarked
from reader.model import NotFound
from tests.conftest import REPO, shared_path
from tests.library.page_files import (
    BOXES,
    IMAGE_SIZE,
    PAGE_SIZE,
    alto_page,
    scaled,
    write_hocr_issue,
)


def opened(folder: Path) -> Library:
    return Library.open(folder, use_cache=False)


@pytest.fixture
def hocr_library(tmp_path: Path):
    with opened(write_hocr_issue(tmp_path / "paper")) as library:
        yield library


def first_page(library: Library, query: str = ""):
    (issue,) = library.issues
    return page_view(library, issue.id, issue.pages[0].number, query)


def test_words_and_size_are_in_image_pixels(hocr_library: Library) -> None:
    view = first_page(hocr_library)
    assert view.size == IMAGE_SIZE
    assert view.has_image and view.image_expected == ""
    assert view.page.image == "paper/page1.png" or view.page.image.endswith("page1.png")
    boxes = {word.text: word.box for word in view.words}
    for text, box in BOXES.items():
        assert boxes[text] == scaled(box), text
    # The regions hold their words.
    region = next(r for r in view.regions if r.id == view.words[1].region)
    assert region.box[0] <= view.words[1].box[0] and view.words[1].box[2] <= region.box[2]


def test_a_dehyphenated_hit_has_both_halves_boxes(hocr_library: Library) -> None:
    view = first_page(hocr_library, "frozen")
    (hit,) = view.hits
    _issue, article = hocr_library.article(hit.article_id)
    assert hit.field == "body"
    assert hit.text == "frozen"
    assert article.text[hit.start : hit.end] == "frozen"
    assert hit.boxes == (scaled(BOXES["fro-"]), scaled(BOXES["zen"]))


def test_a_title_hit_and_a_body_hit_of_two_articles(hocr_library: Library) -> None:
    view = first_page(hocr_library, "winter OR 牛丼")
    found = {(hit.field, hit.text): hit for hit in view.hits}
    assert set(found) == {("title", "Winter"), ("body", "牛丼")}
    assert found["title", "Winter"].boxes == (scaled(BOXES["Winter"]),)
    cjk = found["body", "牛丼"]
    _issue, article = hocr_library.article(cjk.article_id)
    # Python str offsets: 𠮷 before it counts one (the window converts to UTF-16).
    assert article.text == "𠮷野家牛丼"
    assert (cjk.start, cjk.end) == (3, 5)
    assert cjk.boxes == (scaled(BOXES["牛丼"]),)
    assert found["title", "Winter"].article_id != cjk.article_id


def test_no_query_no_hits_and_a_query_that_misses(hocr_library: Library) -> None:
    assert first_page(hocr_library).hits == ()
    assert first_page(hocr_library, "elephant").hits == ()


def test_article_hits_name_the_page(hocr_library: Library) -> None:
    (issue,) = hocr_library.issues
    article = issue.articles[0]
    assert article.pages == (1,)
    hits = article_hits(hocr_library, article.id, "harbour OR solid")
    assert [(number, hit.text) for number, hit in hits] == [(1, "harbour"), (1, "solid")]
    assert hits[0][1].boxes == (scaled(BOXES["harbour"]),)
    assert article_hits(hocr_library, article.id, "") == []


def test_clicking_a_word_gives_its_place_in_the_text(hocr_library: Library) -> None:
    view = first_page(hocr_library)
    left, top, right, bottom = scaled(BOXES["solid."])
    place = text_at(view, (left + right) / 2, (top + bottom) / 2)
    assert place is not None
    article_id, field, offset = place
    _issue, article = hocr_library.article(article_id)
    assert field == "body"
    assert article.text[offset:].startswith("solid.")
    left, top, right, bottom = scaled(BOXES["Winter"])
    assert text_at(view, left + 1, top + 1)[1:] == ("title", 0)  # type: ignore[index]
    assert text_at(view, 1, 1) is None


def test_clicking_a_region_between_words_gives_its_first_word(hocr_library: Library) -> None:
    view = first_page(hocr_library)
    # Inside the paragraph's region, right of the last word of its second line.
    place = text_at(view, scaled(BOXES["solid."])[2] + 20, scaled(BOXES["solid."])[1] + 5)
    assert place is not None
    _issue, article = hocr_library.article(place[0])
    assert article.text[place[2] :].startswith("The harbour")


def test_a_text_selection_maps_to_its_words_boxes(hocr_library: Library) -> None:
    (issue,) = hocr_library.issues
    article = issue.articles[0]
    start = article.text.index("harbour was")
    boxes = boxes_for(hocr_library, article.id, "body", start, start + len("harbour was"))
    assert boxes == [(1, scaled(BOXES["harbour"])), (1, scaled(BOXES["was"]))]
    assert boxes_for(hocr_library, article.id, "title", 0, 6) == [(1, scaled(BOXES["Winter"]))]


def test_a_missing_image_names_the_file_and_keeps_the_words(tmp_path: Path) -> None:
    with opened(write_hocr_issue(tmp_path / "paper", image=False)) as library:
        view = first_page(library, "frozen")
    assert not view.has_image
    assert view.image_expected.endswith("page1.png")
    # No image to measure: the page's own size, and the file's boxes as they are.
    assert view.size == PAGE_SIZE
    assert view.hits[0].boxes == (scaled(BOXES["fro-"], 1.0), scaled(BOXES["zen"], 1.0))


def test_a_page_file_gone_after_opening_is_a_layout_problem(tmp_path: Path) -> None:
    folder = write_hocr_issue(tmp_path / "paper")
    with opened(folder) as library:
        (folder / "page1.hocr").unlink()
        view = first_page(library, "frozen")
    assert view.layout_problem is not None
    assert view.words == () and view.hits == ()
    assert view.size[0] >= 1 and view.size[1] >= 1  # something to draw on


def test_an_unknown_page_is_not_found(hocr_library: Library) -> None:
    (issue,) = hocr_library.issues
    with pytest.raises(NotFound, match="no page 7"):
        page_view(hocr_library, issue.id, 7)


def test_a_page_is_read_once_then_kept(hocr_library: Library) -> None:
    first = first_page(hocr_library)
    again = first_page(hocr_library, "frozen")
    assert again.words is first.words


def test_alto_units_agree_with_the_image(tmp_path: Path) -> None:
    from PIL import Image

    folder = tmp_path / "alto"
    folder.mkdir()
    (folder / "page1.xml").write_text(alto_page("mm10"), encoding="utf-8")
    Image.new("RGB", IMAGE_SIZE, "white").save(folder / "page1.png")
    with opened(folder) as library:
        (issue,) = library.issues
        if not issue.pages:
            pytest.skip("needs page layouts from the METS/ALTO work")
        view = page_view(library, issue.id, issue.pages[0].number, "Aufklärung")
    (hit,) = view.hits
    # The ALTO page is 1000×1400 mm/10; the image 500×700 px: every box is halved.
    assert hit.boxes == ((305.0, 100.0, 450.0, 125.0), (50.0, 130.0, 150.0, 155.0))


ALICE = "samples/hocr-tools-alice-tesseract/test/testdata"


def test_alice_sample_boxes_are_the_files_boxes() -> None:
    folder = shared_path(ALICE)
    with opened(folder) as library:
        issue = library.issues[0]
        page = next((p for p in issue.pages if p.source.endswith("tess.hocr")), None)
        if page is None:
            pytest.skip("needs the hOCR page layout")
        view = page_view(library, issue.id, page.number, "daisy")
    words = etree.parse(str(folder / "tess.hocr"), etree.HTMLParser()).iter("span")
    daisy = next(
        w for w in words if "ocrx_word" in w.get("class", "") and "daisy" in (w.text or "")
    )
    box = tuple(float(v) for v in daisy.get("title").split(";")[0].split()[1:])
    assert view.size == (2488, 3507)  # alice_1.png, the page's own size: scale 1
    (hit,) = view.hits
    assert hit.boxes == (box,)


def test_matches_on_no_page_are_the_ones_the_text_has_and_the_pages_do_not() -> None:
    """The METS's subtitle and an advertisement's made-up title are not printed: their
    matches are the article's, on none of its pages; the body's council is on page 1."""
    with opened(REPO / "tests" / "data" / "alto" / "mets_issue") as library:
        (issue,) = library.issues
        harbour, *_rest, advert = issue.articles
        assert unmarked(library, harbour.id, "council") == [("subtitle", 0, 7)]
        assert [(n, h.field) for n, h in article_hits(library, harbour.id, "council")] == [
            (1, "body")
        ]
        assert unmarked(library, advert.id, "Page") == [("title", 7, 11)]
        assert unmarked(library, harbour.id, "quay") == []
        assert unmarked(library, harbour.id, " ") == []
