"""Delpher DIDL issues: the written fixture and the KB sample (skipped when absent)."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from reader.formats.mets import didl
from reader.library import Library
from tests.conftest import shared_path

DATA = Path(__file__).parents[1] / "data" / "alto" / "didl_issue"
KB = "samples/kb-delpher-didl-1813/text_preparation/data/sample_data/KB/newspaper/1813/11/16/DDD_ddd_010179815_mpeg21"


def test_issue_metadata_from_dublin_core():
    library = Library.open(DATA, use_cache=False)
    (issue,) = library.issues
    assert (issue.publication, issue.date, issue.number) == (
        "Proefkrant van Groningen",
        dt.date(1813, 11, 16),
        "92",
    )
    assert (issue.format, issue.source) == (didl.NAME, "didl.xml")
    assert library.problems == ()


def test_articles_from_alto_blocks_or_the_article_text():
    verkooping, advert, notice = Library.open(DATA, use_cache=False).issues[0].articles
    # From the ALTO page: the headline block dropped (it is the title), "ver-kocht" joined.
    assert (verkooping.title, verkooping.page, verkooping.column) == ("VERKOOPING.", "1", "")
    assert verkooping.paragraphs == ("Op WOENSDAG zal verkocht worden.",)
    assert (advert.title, advert.column, advert.paragraphs) == (
        "Advertentie",
        "Advertisement",
        ("Te koop: OESTERS.",),
    )
    # Page 2's ALTO is missing: title and text come from the article text file.
    assert (notice.title, notice.column, notice.page) == ("Getrouwd", "Family notice", "2")
    assert notice.paragraphs == (
        "Heden getrouwd: J. de Vries en A. Bakker.",
        "Groningen, 15 November.",
    )
    assert {a.language for a in (verkooping, advert, notice)} == {"nl"}


def test_an_untitled_didl_at_the_top_of_the_archive_is_named_after_the_folder(tmp_path):
    folder = tmp_path / "groningen"
    shutil.copytree(DATA, folder)
    didl_xml = folder / "didl.xml"
    text = didl_xml.read_text(encoding="utf-8")
    didl_xml.write_text(
        text.replace("<dc:title>Proefkrant van Groningen</dc:title>", ""), encoding="utf-8"
    )
    (issue,) = Library.open(folder, use_cache=False).issues
    assert issue.publication == "groningen"


def test_original_text_prefers_the_article_text_file():
    library = Library.open(DATA, use_cache=False)
    verkooping, advert, _ = library.issues[0].articles
    assert (
        library.original_text(verkooping.id) == "VERKOOPING.\n\nOp WOENSDAG zal ver- kocht worden."
    )
    assert library.original_text(advert.id) == "Te koop: OESTERS."


def test_alto_pages_beside_a_didl_are_not_issues_of_their_own(tmp_path):
    shutil.copytree(DATA, tmp_path / "issue")
    (tmp_path / "issue" / "didl.xml").unlink()
    library = Library.open(tmp_path, use_cache=False)
    # Without its DIDL the ALTO page is a loose page, and the article texts are problems.
    assert [i.format for i in library.issues] == ["mets-alto"]
    assert sorted(p.source for p in library.problems) == [
        "issue/DDD_000000001_0001_articletext.xml",
        "issue/DDD_000000001_0003_articletext.xml",
    ]


def test_broken_didl_is_a_problem(tmp_path):
    shutil.copytree(DATA, tmp_path / "issue")
    didl_file = tmp_path / "issue" / "didl.xml"
    didl_file.write_bytes(didl_file.read_bytes()[:1500])
    library = Library.open(tmp_path, use_cache=False)
    assert library.issues == ()  # its ALTO page still belongs to the DIDL beside it
    assert "issue/didl.xml" in {p.source for p in library.problems}


def test_scores():
    assert didl.score("x/didl.xml", (DATA / "didl.xml").read_bytes()[:4096]) == 90
    assert didl.score("a_0001_articletext.xml", b"<?xml version='1.0'?><text><title/>") == 90
    assert didl.score("a_0001_articletext.xml", b"<article/>") == 0
    assert didl.score("a.xml", b"<text/>") == 0


@pytest.fixture(scope="module")
def kb():
    return Library.open(shared_path(KB), use_cache=False)


def test_kb_sample(kb):
    (issue,) = kb.issues
    assert (
        issue.publication
        == "Advertentieblad, bekendmakingen en onderscheidene berigten van Groningen"
    )
    assert (issue.date, issue.number) == (dt.date(1813, 11, 16), "92")
    assert [(a.title, a.column, a.page) for a in issue.articles] == [
        # Labels cut at a line-end hyphen: the word completed from the text, or an ellipsis
        # where the text does not continue it ("dot- N 3.").
        ("De Notaris HARM JAN VAN BOLHUIS, refiderende", "", "1"),
        ("EXTRA VERKOOPING.", "", "1"),
        ("NB In de Zetting van het Ruggen Brood en dot…", "", "2"),
        ("Advertentie", "Advertisement", "2"),
    ]
    assert all(a.has_text for a in issue.articles)
    assert issue.articles[1].text.startswith("V* Op WOENSDAG den 17 November")
    assert kb.problems == ()


def test_a_didl_opened_on_its_own_finds_its_pages_and_texts():
    library = Library.open(DATA / "didl.xml", use_cache=False)
    articles = library.issues[0].articles
    assert [a.text for a in articles] == [
        "Op WOENSDAG zal verkocht worden.",
        "Te koop: OESTERS.",
        "Heden getrouwd: J. de Vries en A. Bakker.\n\nGroningen, 15 November.",
    ]
    assert library.problems == ()
