"""Titles importers could not find: made from the first words, or mended when cut at a hyphen."""

from __future__ import annotations

from pathlib import Path

import pytest

from reader.formats import load_archive, open_source
from reader.formats.common.titles import derived_title, is_cut_label, mend_cut_label
from tests.formats.test_nitf import STORY


@pytest.mark.parametrize(
    ("text", "title"),
    [
        # Eight words, cut at a word boundary, with an ellipsis: the text goes on.
        (
            "The council met on Tuesday evening to discuss the new harbour wall",
            "The council met on Tuesday evening to discuss…",
        ),
        # A first sentence of three words or more is a title on its own.
        ("Fire at the mill. Nobody was hurt.", "Fire at the mill…"),
        ("Fire! Nobody was hurt at the mill.", "Fire! Nobody was hurt at the mill"),
        # Short text whole, without an ellipsis.
        ("Lost: a grey cat", "Lost: a grey cat"),
        # A paragraph break ends the title too.
        ("Poetry.\n\nMuch is the force of heaven-bred poesy.", "Poetry…"),
        # Sixteen CJK characters, or up to the first clause.
        (
            "县委书记在会上强调要做好冬季供热工作确保群众温暖过冬",
            "县委书记在会上强调要做好冬季供热…",
        ),
        ("他说，县委书记在会上强调要做好冬季供热工作", "他说，县委书记在会上强调要做好冬…"),
        ("今日长子报道：县委书记在会上强调", "今日长子报道…"),
        # A dateline and its date are left out: every local story opens so.
        ("本报讯 12月20日，全县供热保障会议在县政府召开。", "全县供热保障会议在县政府召开"),
        ("【新华社延安十日电】边区政府发布命令，要求各县做好春耕准备工作", "边区政府发布命令…"),
        ("本报讯", "本报讯"),
        ("  \n ", ""),
    ],
)
def test_derived_title(text, title):
    assert derived_title(text) == title


def test_a_derived_title_of_run_together_noise_is_cut_short():
    # A 200,000-letter "word" (OCR noise run together) is cut at 80 characters.
    assert derived_title("x" * 200_000 + " tail") == "x" * 80 + "…"
    assert derived_title("ab " + "x" * 200_000) == "ab…"


@pytest.mark.parametrize(
    ("label", "texts", "mended"),
    [
        (
            "De Notaris HARM JAN VAN BOLHUIS, refide-",
            ["De Notaris HARM JAN VAN BOLHUIS, refiderende te Middelstum, zal"],
            "De Notaris HARM JAN VAN BOLHUIS, refiderende",
        ),
        # The text does not continue the word: an ellipsis, not a hyphen joining nothing.
        (
            "Zetting van het Brood en dot-",
            ["Zetting van het Brood en dot- N 3."],
            "Zetting van het Brood en dot…",
        ),
        ("Zetting van het Brood en dot-", [], "Zetting van het Brood en dot…"),
        # Not cut: left alone.
        ("MARKET PRICES -", ["MARKET PRICES - wheat"], "MARKET PRICES -"),
        ("1821-", [], "1821-"),
        ("ALLEMAGNE.", ["ALLEMAGNE. Vienne"], "ALLEMAGNE."),
    ],
)
def test_mend_cut_label(label, texts, mended):
    assert mend_cut_label(label, texts) == mended


def test_is_cut_label():
    assert is_cut_label("refide-")
    assert is_cut_label("refide\u00ad")
    assert not is_cut_label("PAYS-BAS-UNIS.")
    assert not is_cut_label("-")


def test_an_untitled_story_of_another_importer_gets_a_derived_title(tmp_path: Path):
    # The loader gives every importer's untitled articles their first words: here NITF's.
    text = "The ferry to the island sailed again on Wednesday after a month in dock."
    (tmp_path / "a.xml").write_text(
        STORY.format(title="", text=text, paper="Courier", byline=""), encoding="utf-8"
    )
    (tmp_path / "b.xml").write_text(
        STORY.format(title="Budget passed", text="The council voted.", paper="Courier", byline=""),
        encoding="utf-8",
    )
    archive = load_archive(open_source(tmp_path))
    rows = {(a.title, a.title_derived) for i in archive.issues for a in i.articles}
    assert rows == {
        ("The ferry to the island sailed again on…", True),
        ("Budget passed", False),
    }


ALTO_NS = "http://www.loc.gov/standards/alto/ns-v3#"
PAGE = f"""<?xml version="1.0" encoding="UTF-8"?><alto xmlns="{ALTO_NS}"><Layout>
<Page ID="P1"><PrintSpace>
<TextBlock ID="B1"><TextLine><String CONTENT="HARBOUR"/><SP/><String CONTENT="WORKS"/></TextLine>
<TextLine><String CONTENT="BEGIN"/><SP/><String CONTENT="TODAY"/></TextLine></TextBlock>
<TextBlock ID="B2"><TextLine><String CONTENT="The"/><SP/><String CONTENT="council"/><SP/>
<String CONTENT="voted."/></TextLine></TextBlock>
<TextBlock ID="B3"><TextLine><String CONTENT="Wheat"/><SP/><String CONTENT="is"/><SP/>
<String CONTENT="dear."/></TextLine></TextBlock>
</PrintSpace></Page></Layout></alto>"""
METS = """<?xml version="1.0" encoding="UTF-8"?>
<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink"
 LABEL="The Gazette, 1901-05-04">
<mets:fileSec><mets:fileGrp USE="Text"><mets:file ID="ALTO1" MIMETYPE="text/xml">
<mets:FLocat LOCTYPE="URL" xlink:href="page.xml"/></mets:file></mets:fileGrp></mets:fileSec>
<mets:structMap TYPE="PHYSICAL"><mets:div ID="PHYS0" TYPE="Newspaper">
<mets:div ID="PHYS1" TYPE="page" ORDER="1"><mets:fptr FILEID="ALTO1"/></mets:div>
</mets:div></mets:structMap>
<mets:structMap TYPE="LOGICAL"><mets:div ID="LOG1" TYPE="ISSUE">
<mets:div ID="ART1" TYPE="ARTICLE" LABEL="HARBOUR WORKS BE-">
<mets:div ID="ART1H" TYPE="HEADING"><mets:fptr><mets:area FILEID="ALTO1" BETYPE="IDREF"
 BEGIN="B1"/></mets:fptr></mets:div>
<mets:div ID="ART1B" TYPE="BODY"><mets:fptr><mets:area FILEID="ALTO1" BETYPE="IDREF"
 BEGIN="B2"/></mets:fptr></mets:div></mets:div>
<mets:div ID="ART2" TYPE="ARTICLE"><mets:fptr><mets:area FILEID="ALTO1" BETYPE="IDREF"
 BEGIN="B3"/></mets:fptr></mets:div>
</mets:div></mets:structMap></mets:mets>"""


def test_a_mets_label_cut_at_a_hyphen_takes_the_heading_from_the_alto(tmp_path: Path):
    (tmp_path / "issue.xml").write_text(METS, encoding="utf-8")
    (tmp_path / "page.xml").write_text(PAGE, encoding="utf-8")
    (issue,) = load_archive(open_source(tmp_path)).issues
    rows = [(a.title, a.title_derived, a.paragraphs) for a in issue.articles]
    assert rows == [
        ("HARBOUR WORKS BEGIN TODAY", False, ("The council voted.",)),
        # No label, no MODS title, no heading part: its first words, marked as derived.
        ("Wheat is dear", True, ("Wheat is dear.",)),
    ]
