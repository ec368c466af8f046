"""The OCR importers on the public samples in ../shared (skipped when absent)."""

from __future__ import annotations

import datetime as dt

from reader.formats import load_archive, open_source, read_original
from reader.model import Archive
from tests.conftest import shared_path

ABBYY = "samples/impresso-bcul-abbyy-fal-1762-12-07"
HOCR = "samples/hocr-tools-alice-tesseract"
PAGE = "samples/reichsanzeiger-gt-page-xml"
KANT = "samples/ocrd-kant_aufklaerung_1784"


def load(relative: str) -> Archive:
    return load_archive(open_source(shared_path(relative)))


def test_tesseract_and_ocropus_hocr_of_the_alice_page():
    archive = load(HOCR)
    (issue,) = archive.issues
    assert issue.format == "hocr"
    # sample.html's <meta name='DC.title'> names the work, where the folder is "testdata".
    assert issue.publication == "Alice im Wonderland"
    ocropus, tesseract = issue.articles  # sample.html, then tess.hocr
    assert ocropus.title == "1 Down the Rabbit-Hole"  # its <h3> line
    assert tesseract.title_derived and tesseract.text.startswith("1 Down the Rabbit-Hole Alice")
    # The line-end hyphen of "daisy-chain" stays: a hyphenated compound, not a broken word.
    assert "a daisy-chain would" in tesseract.text
    assert [p.source for p in archive.problems] == ["test/testdata/sample.txt"]


def test_transkribus_page_splits_at_its_heading_regions():
    archive = load(PAGE)
    (issue,) = archive.issues
    titles = [a.title for a in issue.articles if not a.title_derived]
    assert titles[:2] == ["Erſte ordentliche General⸗Synode.", "Statiſtiſche Nachrichten."]
    assert len(issue.articles) == 7
    synod = issue.articles[1]
    # A Fraktur double hyphen at a line end before a capital: kept, without a space.
    assert "der General⸗Synode wurde" in synod.text
    source = open_source(shared_path(PAGE))
    printed = read_original(source, issue, synod).splitlines()
    assert printed[0] == synod.title and printed[2].startswith("Berlin, 21. Oktober.")


def test_kant_page_xml_is_not_read_beside_the_mets_that_lists_its_alto():
    archive = load(KANT)
    assert [i.format for i in archive.issues] == ["mets-alto"]
    (issue,) = archive.issues
    # Its MODS has no title and the METS is data/mets.xml: named after the bag, not "mets".
    assert issue.publication == "ocrd-kant_aufklaerung_1784"
    # Two pages, each once: the PAGE-XML copies are neither issues nor empty ALTO pages.
    assert [a.page for a in issue.articles] == ["1", "2"]
    assert all(a.has_text for a in issue.articles)
    assert archive.all_problems == ()


def test_kant_page_xml_folder_opened_alone():
    archive = load(f"{KANT}/data/OCR-D-GT-PAGE")
    (issue,) = archive.issues
    assert issue.format == "page-xml"
    first = issue.articles[0]
    assert first.title.startswith("Berliniſche Monatsſchrift.")
    # The drop capital "A" joins its word.
    assert "Aufklaͤrung iſt der Ausgang des Menſchen" in first.text
    # "Aufklaͤ-" at a line end: the hyphen after a letter with a combining e is healed too.
    assert any("der Aufklaͤrung hinderlich?" in a.text for a in issue.articles)


def test_kant_alto_heals_hyphen_strings_and_sets_punctuation_against_words():
    (issue,) = load(KANT).issues
    text = "\n".join(a.text for a in issue.articles)
    # The ground truth's line-end "-" is a String of its own, and so is every mark.
    assert "der Aufklaͤrung hinderlich? welche" in text
    assert "Frage: Was iſt Aufklaͤrung?" in text
    assert "Aufklaͤ-" not in text and " ?" not in text and " ." not in text


def test_bcul_abbyy_pages_make_one_dated_issue():
    archive = load(ABBYY)
    (issue,) = archive.issues
    assert issue.format == "abbyy" and issue.date == dt.date(1762, 12, 7)
    assert sorted({a.page for a in issue.articles}) == ["1", "2", "3", "4"]
    # page_1.xml and page_1.xml.bz2 are one page, read once; the issue's PDF beside its
    # ABBYY pages is that issue again, not a second one.
    assert sorted(d.source.rsplit("/", 1)[-1] for d in archive.duplicates) == [
        "FAL_1762_12_07.pdf",
        "FAL_1762_12_07_0001_page_1.xml.bz2",
    ]
    assert any("VENTES." in a.text for a in issue.articles)
    # Its LICENSE.impresso-text-acquisition is documentation, not an unreadable issue.
    assert archive.problems == ()
