"""METS/ALTO issues: the written fixture, loose ALTO pages, broken and hostile archives."""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from pathlib import Path

import pytest

from reader.formats import load_archive, open_source
from reader.formats.mets import mets_alto
from reader.library import Library

DATA = Path(__file__).parents[1] / "data" / "alto"
ISSUE = DATA / "mets_issue"


def alto_page(
    text: str, namespace: str = "http://www.loc.gov/standards/alto/ns-v3#", page: str = "1"
) -> bytes:
    words = "<SP/>".join(f"<String CONTENT='{w}'/>" for w in text.split())
    return (
        f"<?xml version='1.0' encoding='UTF-8'?><alto xmlns='{namespace}'><Layout>"
        f"<Page ID='P{page}' PRINTED_IMG_NR='{page}'><PrintSpace><TextBlock ID='TB{page}'>"
        f"<TextLine>{words}</TextLine></TextBlock></PrintSpace></Page></Layout></alto>"
    ).encode()


@pytest.fixture
def issue_copy(tmp_path):
    folder = tmp_path / "issue"
    shutil.copytree(ISSUE, folder)
    return folder


def test_issue_metadata_from_mods_and_title_section():
    library = Library.open(ISSUE, use_cache=False)
    (issue,) = library.issues
    assert issue.publication == "The Example Gazette"
    assert issue.date == dt.date(1901, 5, 4)
    assert issue.number == "17"
    assert issue.masthead == "THE EXAMPLE GAZETTE"
    assert issue.front_matter == ("THE EXAMPLE GAZETTE",)
    assert issue.format == mets_alto.NAME
    assert issue.source == "issue-mets.xml"
    assert library.problems == ()


def test_articles_in_reading_order_with_their_headings():
    (issue,) = Library.open(ISSUE, use_cache=False).issues
    rows = [
        (a.kicker, a.title, a.subtitle, a.column, a.authors, a.page, a.language)
        for a in issue.articles
    ]
    assert rows == [
        (
            "",
            "Harbour Works Begin",
            "Council approves the loan",
            "Local News",
            ("Ann Smith",),
            "1",
            "en",
        ),
        ("", "Nouvelles de Paris", "", "Local News", (), "1", "fr"),
        ("LETTERS.", "The New Bridge", "", "", ("A. Reader",), "1", "en"),
        ("", "Adv. 1 Page 2", "", "Advertisement", (), "2", "en"),
    ]


def test_article_text_joined_across_lines_columns_and_pages():
    harbour, paris, letter, advert = Library.open(ISSUE, use_cache=False).issues[0].articles
    # Hyphenated "yester-day" from SUBS_CONTENT, continued on page 2 mid-sentence.
    assert harbour.paragraphs == ("The council voted yesterday to build the new quay by June.",)
    assert paris.paragraphs == ("Le ministre est arrivé hier.",)
    # Two blocks of one paragraph (a column break), the byline block left out of the body.
    assert letter.paragraphs == ("Sir, the bridge is too narrow.",)
    assert advert.paragraphs == ("FOR SALE.", "Apply within.")


def test_original_text_is_the_ocr_as_printed():
    library = Library.open(ISSUE, use_cache=False)
    harbour = library.issues[0].articles[0]
    assert library.original_text(harbour.id) == (
        "Harbour Works Begin\n\nThe council voted yester-\nday to build the new\n\nquay by June."
    )


def test_ids_are_stable_across_reopen_and_moves(tmp_path):
    first = Library.open(ISSUE, use_cache=False)
    shutil.copytree(ISSUE, tmp_path / "elsewhere")
    second = Library.open(tmp_path / "elsewhere", use_cache=False)
    assert [i.id for i in first.issues] == [i.id for i in second.issues]
    ids = [a.id for a in first.issues[0].articles]
    assert ids == [a.id for a in second.issues[0].articles]
    assert len(set(ids)) == len(ids)
    assert all(i.startswith(first.issues[0].id) for i in ids)


def test_archive_settings_name_the_publication(issue_copy):
    (issue_copy / "archive.toml").write_text('publication = "Gazette"\nlanguage = "en-GB"\n')
    (issue,) = Library.open(issue_copy, use_cache=False).issues
    assert issue.publication == "Gazette"


def test_missing_page_is_a_problem_and_the_rest_loads(issue_copy):
    (issue_copy / "alto" / "0002.xml").unlink()
    library = Library.open(issue_copy, use_cache=False)
    harbour = library.issues[0].articles[0]
    assert harbour.paragraphs == ("The council voted yesterday to build the new",)
    assert [(p.source, p.reason) for p in library.problems] == [
        ("alto/0002.xml", "missing: issue-mets.xml lists it as a page")
    ]
    advert = library.issues[0].articles[-1]
    assert (advert.column, advert.has_text) == ("Advertisement", False)  # listed, text lost


def test_truncated_page_keeps_its_first_blocks(issue_copy):
    page = issue_copy / "alto" / "0001.xml"
    data = page.read_bytes()
    page.write_bytes(data[: data.index(b'<TextBlock ID="P1_TB6"')])
    library = Library.open(issue_copy, use_cache=False)
    titles = [a.title for a in library.issues[0].articles]
    assert titles[:2] == ["Harbour Works Begin", "Nouvelles de Paris"]
    assert library.issues[0].articles[2].paragraphs == ()
    (problem,) = [p for p in library.problems if p.source == "alto/0001.xml"]
    assert "not well-formed" in problem.reason and "lost" in problem.reason


def test_references_to_missing_blocks_are_counted(issue_copy):
    mets = issue_copy / "issue-mets.xml"
    mets.write_text(mets.read_text().replace('BEGIN="P1_TB5"', 'BEGIN="P1_TB55"'))
    library = Library.open(issue_copy, use_cache=False)
    assert library.issues[0].articles[1].paragraphs == ()
    assert [p.reason for p in library.problems] == [
        "1 article parts point at text missing from their ALTO page"
    ]


def test_broken_mets_is_a_problem_and_its_pages_still_load(issue_copy):
    mets = issue_copy / "issue-mets.xml"
    mets.write_bytes(mets.read_bytes()[:3000])
    library = Library.open(issue_copy, use_cache=False)
    (issue,) = library.issues
    assert issue.source == "alto"
    assert [a.title for a in issue.articles] == ["Page 1", "Page 2"]
    assert [p.source for p in library.problems] == ["issue-mets.xml"]


def test_href_leading_out_of_the_archive_is_not_followed(tmp_path):
    (tmp_path / "secret.xml").write_bytes(alto_page("top secret words"))
    archive = tmp_path / "archive"
    shutil.copytree(ISSUE, archive)
    mets = archive / "issue-mets.xml"
    text = mets.read_text()
    text = text.replace("file://./alto/0002.xml", "../secret.xml")
    mets.write_text(text.replace('xlink:href="alto/0002.xml"', 'xlink:href="../secret.xml"'))
    (archive / "alto" / "0002.xml").unlink()
    library = Library.open(archive, use_cache=False)
    texts = " ".join(a.text for i in library.issues for a in i.articles)
    assert "secret" not in texts
    assert any("missing" in p.reason for p in library.problems)


def test_mets_without_articles_gives_one_article_per_page(tmp_path):
    (tmp_path / "p").mkdir()
    (tmp_path / "p" / "a.xml").write_bytes(alto_page("first page text", page="1"))
    (tmp_path / "p" / "b.xml").write_bytes(alto_page("second page text", page="2"))
    (tmp_path / "mets.xml").write_text(
        "<mets xmlns='http://www.loc.gov/METS/' xmlns:xlink='http://www.w3.org/1999/xlink' "
        "LABEL='Weekly Post, 1920-03-06'><fileSec><fileGrp>"
        "<file ID='F2'><FLocat xlink:href='p/b.xml'/></file>"
        "<file ID='F1'><FLocat xlink:href='p/a.xml'/></file></fileGrp></fileSec>"
        "<structMap TYPE='PHYSICAL'><div TYPE='issue'>"
        "<div TYPE='page' ORDER='1' ORDERLABEL='i'><fptr FILEID='F1'/></div>"
        "<div TYPE='page' ORDER='2' ORDERLABEL='ii'><fptr FILEID='F2'/></div>"
        "</div></structMap></mets>"
    )
    library = Library.open(tmp_path, use_cache=False)
    (issue,) = library.issues
    assert (issue.publication, issue.date) == ("Weekly Post", dt.date(1920, 3, 6))
    assert [(a.title, a.page, a.text) for a in issue.articles] == [
        ("Page i", "i", "first page text"),
        ("Page ii", "ii", "second page text"),
    ]
    assert library.original_text(issue.articles[1].id) == "second page text"
    assert library.problems == ()


@pytest.mark.parametrize(
    ("where", "expected"),
    [
        ("kant_1784/data/mets.xml", "kant_1784"),
        ("berliner/index.xml", "berliner"),
        ("berliner/mets/document.xml", "berliner"),
        ("data/mets.xml", None),  # nothing but generic names: the archive's own
        ("kant_1784/OCR-D-GT-SEG/mets.xml", "kant_1784"),  # an OCR-D step's folder
        ("gazette_1920.xml", "gazette_1920"),
    ],
)
def test_a_mets_without_a_title_is_named_after_its_folder_not_mets(tmp_path, where, expected):
    """OCR-D's bags hold data/mets.xml with a MODS record but no title."""
    root = tmp_path / "archive_name"
    mets = root / where
    mets.parent.mkdir(parents=True)
    (mets.parent / "a.xml").write_bytes(alto_page("first page text"))
    mets.write_text(
        "<mets xmlns='http://www.loc.gov/METS/' xmlns:xlink='http://www.w3.org/1999/xlink'>"
        "<dmdSec ID='D'><mdWrap MDTYPE='MODS'><xmlData><mods:mods "
        "xmlns:mods='http://www.loc.gov/mods/v3'><mods:identifier type='purl'>x</mods:identifier>"
        "</mods:mods></xmlData></mdWrap></dmdSec>"
        "<fileSec><fileGrp><file ID='F1'><FLocat xlink:href='a.xml'/></file></fileGrp></fileSec>"
        "<structMap TYPE='PHYSICAL'><div TYPE='issue'>"
        "<div TYPE='page' ORDER='1'><fptr FILEID='F1'/></div></div></structMap></mets>"
    )
    (issue,) = load_archive(open_source(root)).issues
    assert issue.format == "mets-alto"
    assert issue.publication == (expected or "archive_name")


def test_loose_alto_pages_make_one_issue_per_folder(tmp_path):
    pages = {"1921-03-05": {"p10.xml": "10", "p2.xml": "2", "p1.xml": "1"}, "other": {"x.xml": "x"}}
    for folder, names in pages.items():
        (tmp_path / folder).mkdir()
        for name, number in names.items():
            (tmp_path / folder / name).write_bytes(alto_page(f"text of {number}", page=number))
    library = Library.open(tmp_path, use_cache=False)
    dated, other = library.issues
    assert (dated.date, dated.publication, dated.source) == (
        dt.date(1921, 3, 5),
        "1921-03-05",
        "1921-03-05",
    )
    assert [a.title for a in dated.articles] == ["Page 1", "Page 2", "Page 10"]
    assert [a.text for a in dated.articles] == ["text of 1", "text of 2", "text of 10"]
    assert (other.date, other.publication) == (None, "other")
    # A folder called for what it holds is passed over for the one above.
    (tmp_path / "gazette" / "alto").mkdir(parents=True)
    (tmp_path / "gazette" / "alto" / "p1.xml").write_bytes(alto_page("text", page="1"))
    issue = next(
        i for i in load_archive(open_source(tmp_path)).issues if i.source == "gazette/alto"
    )
    assert issue.publication == "gazette"
    single = Library.open(tmp_path / "other" / "x.xml", use_cache=False)
    assert [a.text for a in single.issues[0].articles] == ["text of x"]


def test_loose_pages_at_the_top_of_a_zip_are_named_like_their_folder(tmp_path):
    folder = tmp_path / "gazette"
    folder.mkdir()
    (folder / "p1.xml").write_bytes(alto_page("text of 1"))
    packed = tmp_path / "gazette.zip"
    with zipfile.ZipFile(packed, "w") as archive_zip:
        archive_zip.write(folder / "p1.xml", "p1.xml")
    from_folder, from_zip = (
        Library.open(folder, use_cache=False).issues,
        Library.open(packed, use_cache=False).issues,
    )
    assert [i.publication for i in from_zip] == [i.publication for i in from_folder] == ["gazette"]


@pytest.mark.parametrize(
    "namespace",
    [
        "",
        "http://schema.ccs-gmbh.com/ALTO",
        "http://www.loc.gov/standards/alto/ns-v2#",
        "http://www.loc.gov/standards/alto/ns-v4#",
    ],
)
def test_loose_pages_in_every_dialect(tmp_path, namespace):
    (tmp_path / "page.xml").write_bytes(alto_page("same words here", namespace))
    (issue,) = Library.open(tmp_path, use_cache=False).issues
    assert issue.articles[0].text == "same words here"


def test_a_folder_of_mixed_formats(tmp_path):
    shutil.copytree(ISSUE, tmp_path / "mets")
    (tmp_path / "loose").mkdir()
    (tmp_path / "loose" / "page.xml").write_bytes(alto_page("loose page"))
    (tmp_path / "weekly.txt").write_text(
        "# 周报\n\n2022年9月26日\n\n## 标题\n\n正文。\n", encoding="utf-8"
    )
    (tmp_path / "notes.xml").write_text("<notes>not an issue</notes>")
    (tmp_path / "empty.xml").write_bytes(b"")
    library = Library.open(tmp_path, use_cache=False)
    assert sorted(i.format for i in library.issues) == ["mets-alto", "mets-alto", "text-issue"]
    assert {p.source for p in library.problems} == {"notes.xml", "empty.xml"}


HOSTILE = {
    "xxe.xml": '<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY x SYSTEM "file://{secret}">]>'
    "<alto><Layout><TextBlock ID='B'><TextLine><String CONTENT='&x;'/></TextLine></TextBlock></Layout></alto>",
    "laughs.xml": '<?xml version="1.0"?><!DOCTYPE alto [<!ENTITY a "ha"><!ENTITY b "&a;&a;&a;&a;&a;">]>'
    "<alto><Layout><TextBlock ID='B'><TextLine><String CONTENT='&b;'/></TextLine></TextBlock></Layout></alto>",
    "dtd.xml": '<?xml version="1.0"?><!DOCTYPE mets SYSTEM "http://example.invalid/mets.dtd">'
    "<mets xmlns='http://www.loc.gov/METS/'><structMap/></mets>",
    "mets-xxe.xml": '<?xml version="1.0"?><!DOCTYPE mets [<!ENTITY x SYSTEM "file://{secret}">]>'
    "<mets xmlns='http://www.loc.gov/METS/' LABEL='&x;'/>",
}


def test_hostile_files_are_problems_and_nothing_leaks(tmp_path):
    secret = tmp_path / "secret.txt"
    secret.write_text("LEAKED-SECRET")
    archive = tmp_path / "archive"
    archive.mkdir()
    for name, text in HOSTILE.items():
        (archive / name).write_text(text.replace("{secret}", str(secret)))
    (archive / "good.xml").write_bytes(alto_page("good page"))
    library = Library.open(archive, use_cache=False)
    (issue,) = library.issues
    assert [a.text for a in issue.articles] == ["good page"]
    reasons = {p.source: p.reason for p in library.problems}
    assert set(reasons) == set(HOSTILE)
    assert "refused for safety" in reasons["xxe.xml"]
    assert "refused for safety" in reasons["laughs.xml"]
    assert "external DTD" in reasons["dtd.xml"]
    assert "refused for safety" in reasons["mets-xxe.xml"]  # libxml2 stops at it in the root tag
    assert "LEAKED" not in repr(library.archive)


def test_registry_scores_mets_and_alto():
    mets_head = (ISSUE / "issue-mets.xml").read_bytes()[:4096]
    alto_head = (ISSUE / "alto" / "0001.xml").read_bytes()[:4096]
    assert mets_alto.score("issue-mets.xml", mets_head) == 60
    assert mets_alto.score("alto/0001.xml", alto_head) == 40
    assert mets_alto.score("notes.txt", alto_head) == 0
    assert mets_alto.score("notes.xml", b"<notes/>") == 0


def test_a_large_page_parses_in_bounded_memory(tmp_path):
    """A 28 MB ALTO page: streamed, the parse needs tens of MB; as one tree it would need ~600."""
    line = (
        "<TextLine HPOS='1' VPOS='2' WIDTH='3' HEIGHT='4'>"
        + "<SP/>".join(
            f"<String CONTENT='word{j}' HPOS='1' VPOS='2' WIDTH='3' HEIGHT='4' WC='0.9'/>"
            for j in range(10)
        )
        + "</TextLine>"
    )
    block = "<TextBlock ID='B{}'>" + line * 20 + "</TextBlock>"
    page = tmp_path / "big.xml"
    with page.open("w") as out:
        out.write("<alto><Layout><Page ID='P'><PrintSpace>")
        for n in range(1500):
            out.write(block.format(n))
        out.write("</PrintSpace></Page></Layout></alto>")
    script = (
        "import resource, sys\n"
        "from pathlib import Path\n"
        "from reader.formats.mets import alto\n"
        "data = Path(sys.argv[1]).read_bytes()\n"
        "before = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "page = alto.parse_page(data, 'big.xml')\n"
        "after = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss\n"
        "print(len(page.blocks), (after - before) // 1024)\n"
    )
    import subprocess
    import sys

    done = subprocess.run(
        [sys.executable, "-c", script, str(page)], capture_output=True, text=True, check=True
    )
    blocks, growth_mb = (int(v) for v in done.stdout.split())
    assert blocks == 1500
    assert growth_mb < 120


def test_load_archive_reports_progress_through_mets_issues():
    seen = []
    archive = load_archive(open_source(ISSUE), lambda done, total: seen.append((done, total)))
    assert archive.article_count == 4
    assert seen[-1] == (3, 3)


def test_a_mets_file_opened_on_its_own_finds_its_pages():
    library = Library.open(ISSUE / "issue-mets.xml", use_cache=False)
    (issue,) = library.issues
    assert [a.title for a in issue.articles][:2] == ["Harbour Works Begin", "Nouvelles de Paris"]
    assert issue.articles[0].text == "The council voted yesterday to build the new quay by June."
    assert library.problems == ()


def test_areas_may_span_blocks_and_name_single_lines(issue_copy):
    mets = issue_copy / "issue-mets.xml"
    text = mets.read_text()
    seq = text[text.index("<mets:seq>") : text.index("</mets:seq>") + len("</mets:seq>")]
    text = text.replace(
        seq, '<mets:area FILEID="ALTO1" BETYPE="IDREF" BEGIN="P1_TB8" END="P1_TB9"/>'
    )
    text = text.replace('BEGIN="P1_TB10"', 'BEGIN="P1_TL12"')
    mets.write_text(text)
    library = Library.open(issue_copy, use_cache=False)
    letter = library.issues[0].articles[2]
    assert (letter.paragraphs, letter.authors) == (
        ("Sir, the bridge is too narrow.",),
        ("A. Reader",),
    )
    assert library.original_text(letter.id).endswith(
        "Sir, the bridge is\n\ntoo narrow.\n\nA. Reader"
    )
    assert library.problems == ()


def test_articles_come_in_page_order_whatever_the_mets_order(issue_copy):
    # Move the page-1 letter after the page-2 advert in the logical structMap, as the BnL METS
    # lists its page-1 feuilleton after a section that runs over three pages.
    mets = issue_copy / "issue-mets.xml"
    text = mets.read_text(encoding="utf-8")
    start = text.index('<mets:div ID="LOG17"')
    advert = text.index('<mets:div ID="LOG24"')
    letter = text[start:advert]
    text = text[:start] + text[advert:]
    after_advert = text.index("</mets:div>", text.index('<mets:div ID="LOG24"')) + len(
        "</mets:div>"
    )
    mets.write_text(text[:after_advert] + letter + text[after_advert:], encoding="utf-8")
    listed = Library.open(ISSUE, use_cache=False)
    library = Library.open(issue_copy, use_cache=False)
    articles = library.issues[0].articles
    assert [(a.title, a.page) for a in articles] == [
        ("Harbour Works Begin", "1"),
        ("Nouvelles de Paris", "1"),
        ("The New Bridge", "1"),
        ("Adv. 1 Page 2", "2"),
    ]
    # Ids and the original text still follow each article's own div.
    assert [a.id for a in articles] == [a.id for a in listed.issues[0].articles]
    letter_article = articles[2]
    assert library.original_text(letter_article.id).startswith("LETTERS.")
