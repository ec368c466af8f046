"""British Library Heritage Made Digital issues: a reproducer made here, and the sample in ../shared.

The BL profile leaves its ARTICLE divs empty: the structLink says which physical page areas make
each article, and each page area points at a range of ALTO words (``BETYPE="IDREF"``) in ALTO
written without a namespace (CCS docWorks).
"""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from reader.formats.mets.articles import ADVERT_COLUMN
from reader.library import Library
from tests.conftest import shared_path

SAMPLE = "samples/bl-hmd-lsga-1832"

_METS_OPEN = (
    '<?xml version="1.0" encoding="UTF-8"?>'
    '<mets:mets xmlns:mets="http://www.loc.gov/METS/" xmlns:mods="http://www.loc.gov/mods/v3"'
    ' xmlns:xlink="http://www.w3.org/1999/xlink" TYPE="Newspaper">'
)


def _mods(dmd_id: str, title: str = "", date: str = "") -> str:
    title_info = (
        f"<mods:titleInfo><mods:title>{title}</mods:title></mods:titleInfo>" if title else ""
    )
    origin = (
        f'<mods:originInfo><mods:dateIssued keyDate="yes">{date}</mods:dateIssued></mods:originInfo>'
        if date
        else ""
    )
    return (
        f'<mets:dmdSec ID="{dmd_id}"><mets:mdWrap MDTYPE="MODS"><mets:xmlData><mods:mods>'
        f"{title_info}{origin}<mods:language><mods:languageTerm type='code'>en"
        "</mods:languageTerm></mods:language></mods:mods></mets:xmlData></mets:mdWrap>"
        "</mets:dmdSec>"
    )


def _area(page: int, number: int, label: str, begin: str, end: str) -> str:
    """A physical page area as BL writes it: the image region, then the ALTO word range."""
    return (
        f'<mets:div ID="pa{page}{number:03}" TYPE="pagearea" LABEL="{label}">'
        f'<mets:fptr><mets:area FILEID="img{page}-master" SHAPE="RECT" COORDS="1,1,9,9"/>'
        f'</mets:fptr><mets:fptr><mets:area FILEID="img{page}-alto" BETYPE="IDREF"'
        f' BEGIN="{begin}" END="{end}"/></mets:fptr></mets:div>'
    )


def _group(article: str, areas: list[str]) -> str:
    """An smLinkGrp: the article's locator, one per page area, and an arc to each."""
    locators = "".join(
        f'<mets:smLocatorLink xlink:href="#{a}" xlink:label="area {a}"/>' for a in areas
    )
    arcs = "".join(f'<mets:smArcLink xlink:from="article" xlink:to="area {a}"/>' for a in areas)
    return (
        f'<mets:smLinkGrp><mets:smLocatorLink xlink:href="#{article}" xlink:label="article"/>'
        f"{locators}{arcs}</mets:smLinkGrp>"
    )


# Page 1: a headline and two blocks of the first article, an untitled notice, an advert, and
# the start of a story that goes on to page 2. The story's areas are linked in reading order
# (its page 2 block, then its second page 2 block): the structLink's order, not the ALTO's.
METS = (
    _METS_OPEN
    + _mods("MODS_ISSUE", "The Test Advertiser.", "1901-02-03")
    + _mods("modsarticle1", "FIRST NEWS.")
    + _mods("modsarticle2")
    + _mods("modsarticle3", "CONTINUED STORY.")
    + '<mets:fileSec><mets:fileGrp USE="Images">'
    + "".join(
        f'<mets:file ID="img{p}-master" MIMETYPE="image/jp2">'
        f'<mets:FLocat LOCTYPE="URL" xlink:href="issue_000{p}.jp2"/></mets:file>'
        for p in (1, 2)
    )
    + '</mets:fileGrp><mets:fileGrp USE="Text">'
    + "".join(
        f'<mets:file ID="img{p}-alto" MIMETYPE="text/xml">'
        f'<mets:FLocat LOCTYPE="URL" xlink:href="issue_000{p}.xml"/></mets:file>'
        for p in (1, 2)
    )
    + "</mets:fileGrp></mets:fileSec>"
    + '<mets:structMap TYPE="LOGICAL"><mets:div ID="log1" TYPE="ISSUE" DMDID="MODS_ISSUE"'
    ' LABEL="The Test Advertiser. 1901-02-03">'
    '<mets:div ID="art0001" TYPE="ARTICLE" DMDID="modsarticle1"/>'
    '<mets:div ID="art0002" TYPE="ARTICLE" DMDID="modsarticle2"/>'
    '<mets:div ID="art0003" TYPE="ARTICLE" DMDID="modsarticle3"/>'
    '<mets:div ID="sect0001" TYPE="ADVERT"/>'
    "</mets:div></mets:structMap>"
    + '<mets:structMap TYPE="PHYSICAL"><mets:div ID="phys0" TYPE="physSequence">'
    '<mets:div ID="phys1" ORDER="1" ORDERLABEL="1" TYPE="page">'
    '<mets:fptr FILEID="img1-master"/><mets:fptr FILEID="img1-alto"/>'
    + _area(1, 1, "Headline", "w101", "w102")
    + _area(1, 2, "Textblock", "w103", "w105")
    + _area(1, 3, "Textblock", "w106", "w107")
    + _area(1, 4, "Textblock", "w108", "w112")
    + _area(1, 5, "Advertisement", "w113", "w114")
    + _area(1, 6, "Headline", "w115", "w116")
    + "</mets:div>"
    '<mets:div ID="phys2" ORDER="2" ORDERLABEL="2" TYPE="page">'
    '<mets:fptr FILEID="img2-master"/><mets:fptr FILEID="img2-alto"/>'
    + _area(2, 1, "Textblock", "w201", "w203")
    + _area(2, 2, "Textblock", "w204", "w206")
    + "</mets:div></mets:div></mets:structMap>"
    + "<mets:structLink>"
    + _group("art0001", ["pa1001", "pa1002", "pa1003"])
    + _group("art0002", ["pa1004"])
    + _group("art0003", ["pa1006", "pa2002", "pa2001"])
    # The other METS form: one smLink per pair.
    + '<mets:smLink xlink:from="sect0001" xlink:to="pa1005"/>'
    + "</mets:structLink></mets:mets>"
)


def _alto(page: int, blocks: list[tuple[str, str]]) -> str:
    """A no-namespace CCS ALTO page; block IDs are not the page areas' (words are pointed at)."""
    body = []
    for block_id, text in blocks:
        words = "<SP/>".join(
            f'<String ID="{word_id}" CONTENT="{word}"/>'
            for word_id, word in (w.split(":") for w in text.split())
        )
        body.append(f'<TextBlock ID="{block_id}"><TextLine>{words}</TextLine></TextBlock>')
    return (
        '<?xml version="1.0" encoding="UTF-8"?><alto><Layout>'
        f'<Page ID="P{page}" PHYSICAL_IMG_NR="{page}"><PrintSpace>{"".join(body)}'
        "</PrintSpace></Page></Layout></alto>"
    )


PAGE_1 = _alto(
    1,
    [
        ("P1_TB1", "w101:FIRST w102:NEWS."),
        ("P1_TB2", "w103:The w104:mayor w105:spoke."),
        ("P1_TB3", "w106:Crowds w107:cheered."),
        ("P1_TB4", "w108:Notice w109:is w110:given w111:to w112:creditors."),
        ("P1_TB5", "w113:SOAP w114:sold."),
        ("P1_TB6", "w115:CONTINUED w116:STORY."),
    ],
)
PAGE_2 = _alto(
    2,
    [
        ("P2_TB1", "w201:Later w202:that w203:night."),
        ("P2_TB2", "w204:It w205:began w206:raining."),
    ],
)


@pytest.fixture
def bl_issue(tmp_path: Path) -> Path:
    folder = tmp_path / "NLP" / "1901" / "0203"
    folder.mkdir(parents=True)
    (folder / "issue_mets.xml").write_text(METS, encoding="utf-8")
    (folder / "issue_0001.xml").write_text(PAGE_1, encoding="utf-8")
    (folder / "issue_0002.xml").write_text(PAGE_2, encoding="utf-8")
    return tmp_path


def test_reproducer_articles_from_the_struct_link(bl_issue):
    library = Library.open(bl_issue, use_cache=False)
    (issue,) = library.issues
    assert issue.publication == "The Test Advertiser"
    assert issue.date == dt.date(1901, 2, 3)
    rows = [(a.title, a.title_derived, a.column, a.page) for a in issue.articles]
    assert rows == [
        ("FIRST NEWS.", False, "", "1"),
        ("Notice is given to creditors", True, "", "1"),
        ("CONTINUED STORY.", False, "", "1"),
        (ADVERT_COLUMN, False, ADVERT_COLUMN, "1"),
    ]
    assert library.problems == ()


def test_reproducer_text_from_the_word_ranges_in_link_order(bl_issue):
    first, notice, story, advert = Library.open(bl_issue, use_cache=False).issues[0].articles
    # The headline area is the heading, not body text.
    assert first.paragraphs == ("The mayor spoke.", "Crowds cheered.")
    assert notice.paragraphs == ("Notice is given to creditors.",)
    # Linked page 2 second block first: the structLink's order is the reading order.
    assert story.paragraphs == ("It began raining.", "Later that night.")
    assert advert.paragraphs == ("SOAP sold.",)


def test_reproducer_original_text(bl_issue):
    library = Library.open(bl_issue, use_cache=False)
    story = library.issues[0].articles[2]
    assert library.original_text(story.id) == (
        "CONTINUED STORY.\n\nIt began raining.\n\nLater that night."
    )


def test_a_word_range_across_blocks_takes_every_block_between(tmp_path):
    mets = METS.replace('BEGIN="w103" END="w105"', 'BEGIN="w103" END="w107"').replace(
        _group("art0001", ["pa1001", "pa1002", "pa1003"]), _group("art0001", ["pa1001", "pa1002"])
    )
    (tmp_path / "issue_mets.xml").write_text(mets, encoding="utf-8")
    (tmp_path / "issue_0001.xml").write_text(PAGE_1, encoding="utf-8")
    (tmp_path / "issue_0002.xml").write_text(PAGE_2, encoding="utf-8")
    first = Library.open(tmp_path, use_cache=False).issues[0].articles[0]
    assert first.paragraphs == ("The mayor spoke.", "Crowds cheered.")


def test_a_page_cut_off_inside_a_pointed_block_keeps_the_rest(tmp_path):
    """Fuzz seed 11 case 83: a word range into a block the damaged file never finished."""
    (tmp_path / "issue_mets.xml").write_text(METS, encoding="utf-8")
    cut = PAGE_1.index('CONTENT="spoke."')  # inside P1_TB2, which the first article points at
    (tmp_path / "issue_0001.xml").write_text(PAGE_1[:cut], encoding="utf-8")
    (tmp_path / "issue_0002.xml").write_text(PAGE_2, encoding="utf-8")
    library = Library.open(tmp_path, use_cache=False)
    (issue,) = library.issues
    assert issue.articles[0].title == "FIRST NEWS."
    assert any("It began raining." in a.paragraphs for a in issue.articles)
    assert [p.code for p in library.problems] != []
    assert all(p.code != "importer_failed" for p in library.problems)


@pytest.fixture(scope="module")
def sample():
    return Library.open(shared_path(SAMPLE), use_cache=False)


def test_sample_issue(sample):
    (issue,) = sample.issues
    assert issue.publication == "The Liverpool Standard and General Commercial Advertiser"
    assert issue.date == dt.date(1832, 11, 23)
    assert all(p.code != "parts_missing_text" for p in issue.problems)


def test_sample_54_articles_with_their_mods_titles_and_pages(sample):
    (issue,) = sample.issues
    articles = [a for a in issue.articles if a.column != ADVERT_COLUMN]
    assert len(articles) == 54
    pages = {a.title: a.page for a in articles if not a.title_derived}
    assert pages["AND GEINERAL COMMERCIAL ADVERTISER."] == "1"
    assert pages["ROYAL AMPHITHEATRE."] == "1"
    assert pages["LATEST LONDON. NEWS."] == "3"
    assert pages["TO CORRESPONDENTS."] == "3"
    assert pages["CHURCH REFORM"] == "6"
    assert pages["SHIP,. BUILDING."] == "7"
    assert [a.page for a in articles] == sorted(a.page for a in articles)
    assert {a.page for a in articles} == {str(n) for n in range(1, 9)}
    # One advertisement section (ADVERT) besides the articles, kept as other profiles keep them.
    assert [a.title for a in issue.articles if a.column == ADVERT_COLUMN] == [ADVERT_COLUMN]


def test_sample_articles_read_their_blocks(sample):
    (issue,) = sample.issues
    by_title = {a.title: a for a in issue.articles}
    theatre = by_title["ROYAL AMPHITHEATRE."]
    assert theatre.paragraphs[0].startswith("P rilE TOWER OF NESLE has been completely")
    assert all(a.has_text for a in issue.articles)
    # Titles the MODS does not give are the articles' first words, marked so.
    untitled = [a for a in issue.articles if a.title_derived]
    assert untitled
    assert all(a.title and a.text.startswith(a.title.rstrip("…")[:10]) for a in untitled)
