"""Title ids and dates from NDNP and British Library paths, for lone issue METS and ALTO pages."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.formats.mets.conventions import PathFacts, path_facts
from reader.library import Library

ALTO_PAGE = """<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v2#"><Layout><Page ID="P1" PHYSICAL_IMG_NR="1">
<PrintSpace><TextBlock ID="TB1"><TextLine><String CONTENT="{text}"/></TextLine></TextBlock>
</PrintSpace></Page></Layout></alto>
"""

# An NDNP issue METS whose MODS has neither a date, an LCCN nor an edition, and no LABEL.
BARE_NDNP_METS = """<?xml version="1.0" encoding="UTF-8"?>
<mets xmlns="http://www.loc.gov/METS/" xmlns:xlink="http://www.w3.org/1999/xlink"
 PROFILE="urn:library-of-congress:mets:profiles:ndnp:issue:v1.5"
 TYPE="urn:library-of-congress:ndnp:mets:newspaper:issue">
  <fileSec><fileGrp><file ID="ocrFile1" USE="ocr">
    <FLocat LOCTYPE="OTHER" OTHERLOCTYPE="file" xlink:href="./0001.xml"/></file></fileGrp></fileSec>
  <structMap><div TYPE="np:issue"><div TYPE="np:page"><fptr FILEID="ocrFile1"/></div></div>
  </structMap>
</mets>
"""

# A plain METS (no profile) with one ALTO page and nothing about its title or date.
BARE_METS = BARE_NDNP_METS.replace(
    ' PROFILE="urn:library-of-congress:mets:profiles:ndnp:issue:v1.5"\n'
    ' TYPE="urn:library-of-congress:ndnp:mets:newspaper:issue"',
    "",
).replace("./0001.xml", "0002088_18321123_0001.xml")


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("path", "facts"),
    [
        (
            "/x/batch_oru_ver01/data/sn83030214/00175041217/1999061502/1999061502.xml",
            PathFacts("sn83030214", dt.date(1999, 6, 15), "2"),
        ),
        ("data/sn83030214/print/1999010101", PathFacts("sn83030214", dt.date(1999, 1, 1), "1")),
        (
            "2012271201/print/1920123101/0001.xml",
            PathFacts("2012271201", dt.date(1920, 12, 31), "1"),
        ),
        (
            "BL/0002088/1832/1123/0002088_18321123_0001.xml",
            PathFacts("0002088", dt.date(1832, 11, 23)),
        ),
        ("flat/0002088_18321123_mets.xml", PathFacts("0002088", dt.date(1832, 11, 23))),
        ("C:\\BL\\0002088\\1832\\1123", PathFacts("0002088", dt.date(1832, 11, 23))),
    ],
)
def test_path_facts(path, facts):
    assert path_facts(path) == facts


@pytest.mark.parametrize(
    "path",
    [
        "data/sn83030214/print/1999133101/1999133101.xml",  # month 13
        "issues/1999/0615/page.xml",  # not a seven-digit title id
        "sn83030214/1999061501/0001.xml",  # no reel folder
        "0002088/1832/1123x/page.xml",
        "",
    ],
)
def test_paths_that_say_nothing(path):
    assert path_facts(path) is None


def test_a_long_hostile_path_is_refused_quickly():
    # Linear patterns: thousands of near-misses end in None, not in a backtracking hang.
    assert path_facts("/".join(["sn1234567812"] * 3000) + "/x.xml") is None
    assert path_facts("0" * 20000 + ".xml") is None


@pytest.mark.parametrize("alone", [False, True])
def test_a_lone_ndnp_issue_mets_takes_lccn_date_and_edition_from_its_path(tmp_path, alone):
    folder = tmp_path / "sn12345678" / "reel0042" / "1902030402"
    mets = write(folder / "1902030402.xml", BARE_NDNP_METS)
    write(folder / "0001.xml", ALTO_PAGE.format(text="Gazette"))
    library = Library.open(mets if alone else tmp_path, use_cache=False)
    (issue,) = library.issues
    assert (issue.publication, issue.date) == ("sn12345678", dt.date(1902, 3, 4))
    assert issue.front_matter == ("LCCN sn12345678", "Edition 2")
    assert issue.numbers_printed == ("Ed. 2",)
    assert issue.id.startswith("1902-03-04-")
    assert library.problems == ()


def test_mods_wins_over_the_path(tmp_path):
    mets = BARE_NDNP_METS.replace(
        "<fileSec>",
        '<dmdSec ID="m"><mdWrap MDTYPE="MODS"><xmlData><mods:mods '
        'xmlns:mods="http://www.loc.gov/mods/v3"><mods:originInfo><mods:dateIssued>'
        "1902-03-05</mods:dateIssued></mods:originInfo></mods:mods></xmlData></mdWrap>"
        "</dmdSec><fileSec>",
    ).replace('<div TYPE="np:issue">', '<div TYPE="np:issue" DMDID="m">')
    folder = tmp_path / "sn12345678" / "print" / "1902030401"
    write(folder / "1902030401.xml", mets)
    write(folder / "0001.xml", ALTO_PAGE.format(text="Gazette"))
    (issue,) = Library.open(tmp_path, use_cache=False).issues
    assert issue.date == dt.date(1902, 3, 5)


@pytest.mark.parametrize("alone", [False, True])
def test_a_lone_alto_page_under_a_british_library_path(tmp_path, alone):
    page = write(
        tmp_path / "0002088" / "1832" / "1123" / "0002088_18321123_0001.xml",
        ALTO_PAGE.format(text="Liverpool"),
    )
    library = Library.open(page if alone else tmp_path, use_cache=False)
    (issue,) = library.issues
    assert (issue.publication, issue.date) == ("0002088", dt.date(1832, 11, 23))
    assert [a.text for a in issue.articles] == ["Liverpool"]


@pytest.mark.parametrize("alone", [False, True])
def test_a_lone_alto_page_under_an_ndnp_path(tmp_path, alone):
    page = write(
        tmp_path / "sn83030214" / "print" / "1999010101" / "0001.xml",
        ALTO_PAGE.format(text="Boston"),
    )
    library = Library.open(page if alone else tmp_path, use_cache=False)
    (issue,) = library.issues
    assert (issue.publication, issue.date) == ("sn83030214", dt.date(1999, 1, 1))


def test_a_lone_plain_mets_under_a_british_library_path(tmp_path):
    folder = tmp_path / "0002088" / "1832" / "1123"
    write(folder / "0002088_18321123_mets.xml", BARE_METS)
    write(folder / "0002088_18321123_0001.xml", ALTO_PAGE.format(text="Liverpool"))
    (issue,) = Library.open(tmp_path, use_cache=False).issues
    assert (issue.publication, issue.date) == ("0002088", dt.date(1832, 11, 23))


def test_other_paths_keep_the_folder_name(tmp_path):
    write(tmp_path / "Gazette" / "p1.xml", ALTO_PAGE.format(text="Gazette"))
    (issue,) = Library.open(tmp_path, use_cache=False).issues
    assert (issue.publication, issue.date) == ("Gazette", None)
