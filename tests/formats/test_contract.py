"""The contract every importer keeps, run over a tiny archive of each format (Picard's CommonTests).

To add an importer, add a ``Case`` row to ``CASES``: a function writing a tiny valid archive of
the format into a folder, one writing a damaged file the importer claims, and the headlines the
tiny archive holds, in order. ``test_every_importer_has_a_case`` fails until the row exists.
"""

from __future__ import annotations

import datetime as dt
import shutil
import zipfile
from collections.abc import Callable
from dataclasses import dataclass
from pathlib import Path

import pytest

from reader.formats import IMPORTERS, load_archive, open_source, pick_importer, read_original
from reader.formats.common.source import FolderSource
from reader.model import Archive, CorruptArchive
from tests.formats import ocr_files
from tests.formats.pdf_files import write_pdf

DATA = Path(__file__).resolve().parents[1] / "data"


@dataclass(frozen=True)
class Case:
    """One importer's row: its tiny archive, a damaged file it claims, the headlines expected."""

    importer: str
    write: Callable[[Path], None]
    damage: Callable[[Path], str]
    headlines: tuple[str, ...]
    dated: bool = True

    def __str__(self) -> str:
        return self.importer


# --- tiny archives, one writer per format ---------------------------------------------------


def write_text_issue(folder: Path) -> None:
    text = (
        "# 长河周报\n\n2024年3月15日 第12期\n\n"
        "## 河边公园开放\n\n本报讯 公园15日起\n每天开放。\n\n"
        "## 夜校招生\n\n夜校开设书法课。\n"
    )
    (folder / "2024-03-15.txt").write_text(text, encoding="utf-8")


def damage_text_issue(folder: Path) -> str:
    (folder / "broken.txt").write_bytes(b"# x\n\n## y\n\n" + b"\x00\x01" * 200)
    return "broken.txt"


def write_rmrb(folder: Path) -> None:
    for number, title in enumerate(("春耕开始", "学校复课"), start=1):
        text = f"### {title}\n本报记者\n1946-05-15\n第{number}版()\n专栏：\n\n正文第{number}篇。\n"
        (folder / f"1946-05-15_{title}.md").write_text(text, encoding="utf-8")


def damage_rmrb(folder: Path) -> str:
    text = "### 日期错误\n本报记者\n1946-13-45\n第1版()\n\n正文。\n"
    (folder / "1946-13-45_日期错误.md").write_text(text, encoding="utf-8")
    return "1946-13-45_日期错误.md"


ALTO = """<?xml version="1.0" encoding="UTF-8"?>
<alto xmlns="http://www.loc.gov/standards/alto/ns-v4#">
  <Layout>
    <Page ID="P1" PHYSICAL_IMG_NR="{n}" PRINTED_IMG_NR="{n}" HEIGHT="100" WIDTH="100">
      <PrintSpace>
        <TextBlock ID="TB{n}">
          <TextLine><String CONTENT="The"/><SP/><String CONTENT="harbour"/><SP/>
            <String CONTENT="froze."/></TextLine>
        </TextBlock>
      </PrintSpace>
    </Page>
  </Layout>
</alto>
"""


def write_alto_pages(folder: Path) -> None:
    issue = folder / "1858-03-01"
    issue.mkdir()
    for n in (1, 2):
        (issue / f"000{n}.xml").write_text(ALTO.format(n=n), encoding="utf-8")


def damage_alto(folder: Path) -> str:
    (folder / "1858-03-02").mkdir()
    (folder / "1858-03-02" / "0001.xml").write_text(ALTO.format(n=1)[:60], encoding="utf-8")
    return "1858-03-02/0001.xml"


DIDL = """<?xml version="1.0" encoding="UTF-8"?>
<didl:DIDL xmlns:didl="urn:mpeg:mpeg21:2002:02-DIDL-NS" xmlns:dc="http://purl.org/dc/elements/1.1/"
    xmlns:dcx="http://krait.kb.nl/coop/tel/handbook/telterms.html">
  <didl:Item>
    <didl:Component>
      <didl:Descriptor><didl:Statement dc:type="role">metadata</didl:Statement></didl:Descriptor>
      <didl:Resource><dcx:dcx><dc:title>Courant</dc:title><dc:date>1813-01-05</dc:date></dcx:dcx>
      </didl:Resource>
    </didl:Component>
    <didl:Item dc:identifier="courant:a0001">
      <didl:Descriptor><didl:Statement dc:type="role">article 1</didl:Statement></didl:Descriptor>
      <didl:Component>
        <didl:Descriptor><didl:Statement dc:type="role">metadata</didl:Statement></didl:Descriptor>
        <didl:Resource><dcx:dcx><dc:title>Tijdingen</dc:title><dc:subject>artikel</dc:subject>
        </dcx:dcx></didl:Resource>
      </didl:Component>
      <didl:Component>
        <didl:Descriptor><didl:Statement dc:type="role">ocr</didl:Statement></didl:Descriptor>
        <didl:Resource dcx:filename="a0001_articletext.xml"/>
      </didl:Component>
    </didl:Item>
  </didl:Item>
</didl:DIDL>
"""


def write_didl(folder: Path) -> None:
    issue = folder / "courant-1813-01-05"
    issue.mkdir()
    (issue / "didl.xml").write_text(DIDL, encoding="utf-8")
    text = "<text><title>Tijdingen</title><p>Het ijs ligt in de haven.</p></text>"
    (issue / "a0001_articletext.xml").write_text(text, encoding="utf-8")


def damage_didl(folder: Path) -> str:
    (folder / "empty").mkdir()
    (folder / "empty" / "didl.xml").write_text(
        '<didl:DIDL xmlns:didl="urn:mpeg:mpeg21:2002:02-DIDL-NS"/>', encoding="utf-8"
    )
    return "empty/didl.xml"


NDNP_METS = """<?xml version="1.0" encoding="UTF-8"?>
<mets xmlns="http://www.loc.gov/METS/" xmlns:mods="http://www.loc.gov/mods/v3"
    xmlns:xlink="http://www.w3.org/1999/xlink" LABEL="The Harbour Gazette, 1900-01-06"
    PROFILE="urn:library-of-congress:mets:profiles:ndnp:issue:v1.5">
  <dmdSec ID="issueModsBib">
    <mdWrap MDTYPE="MODS"><xmlData><mods:mods>
      <mods:relatedItem type="host">
        <mods:titleInfo><mods:title>The Harbour Gazette</mods:title></mods:titleInfo>
      </mods:relatedItem>
      <mods:originInfo><mods:dateIssued encoding="iso8601">1900-01-06</mods:dateIssued>
      </mods:originInfo>
    </mods:mods></xmlData></mdWrap>
  </dmdSec>
  <fileSec>
    <fileGrp ID="pageFileGrp1">
      <file ID="ocrFile1" USE="ocr"><FLocat LOCTYPE="OTHER" xlink:href="./0001.xml"/></file>
    </fileGrp>
  </fileSec>
  <structMap>
    <div TYPE="np:issue" DMDID="issueModsBib">
      <div TYPE="np:page" ORDER="1"><fptr FILEID="ocrFile1"/></div>
    </div>
  </structMap>
</mets>
"""


def write_ndnp(folder: Path) -> None:
    issue = folder / "sn00000000" / "1900010601"
    issue.mkdir(parents=True)
    (issue / "1900010601.xml").write_text(NDNP_METS, encoding="utf-8")
    (issue / "0001.xml").write_text(ALTO.format(n=1), encoding="utf-8")


def damage_ndnp(folder: Path) -> str:
    (folder / "broken").mkdir()
    (folder / "broken" / "1900010701.xml").write_text(NDNP_METS[:700], encoding="utf-8")
    return "broken/1900010701.xml"


def write_newsml(folder: Path) -> None:
    for name in ("courier-bridge.xml", "courier-market.xml"):
        shutil.copy(DATA / "newsml" / "items" / name, folder / name)


def damage_newsml(folder: Path) -> str:
    data = (DATA / "newsml" / "items" / "courier-bridge.xml").read_bytes()
    (folder / "cut.xml").write_bytes(data[: len(data) // 2])
    return "cut.xml"


def write_nitf(folder: Path) -> None:
    shutil.copytree(DATA / "newsml" / "nitf", folder, dirs_exist_ok=True)


def damage_nitf(folder: Path) -> str:
    (folder / "cut.xml").write_text("<nitf><body><body.head><hedline><hl1>Cut", encoding="utf-8")
    return "cut.xml"


def write_founder(folder: Path) -> None:
    shutil.copytree(DATA / "founder" / "html", folder / "html")


def damage_founder(folder: Path) -> str:
    (folder / "content_9.htm").write_text("<html><body><p>404 Not Found</p></body></html>")
    return "content_9.htm"


def write_hocr(folder: Path) -> None:
    (folder / "gazette_1900-01-06.hocr").write_text(
        ocr_files.hocr("Winter", "Trade"), encoding="utf-8"
    )


def damage_hocr(folder: Path) -> str:
    (folder / "broken.hocr").write_bytes(b"<html><body class='ocr_page'>" + b"\x00\x01" * 200)
    return "broken.hocr"


def write_page_xml(folder: Path) -> None:
    regions = ocr_files.region("r1", ocr_files.text_line("Trade"), kind="heading")
    regions += ocr_files.region("r2", ocr_files.word_line("Ships", "wait."))
    (folder / "1879-10-21").mkdir()
    (folder / "1879-10-21" / "0001.xml").write_text(ocr_files.page_xml(regions), encoding="utf-8")


def damage_page_xml(folder: Path) -> str:
    page = ocr_files.page_xml(ocr_files.region("r1", ocr_files.text_line("Lost")))
    (folder / "1879-10-22").mkdir()
    (folder / "1879-10-22" / "0001.xml").write_text(page[:200], encoding="utf-8")
    return "1879-10-22/0001.xml"


def write_abbyy(folder: Path) -> None:
    page = ocr_files.abbyy_page(("Ships wait.",), heading="NEWS")
    (folder / "FAL_1762_12_07_page_1.xml").write_text(page, encoding="utf-8")


def damage_abbyy(folder: Path) -> str:
    page = ocr_files.abbyy_page(("Lost.",))
    (folder / "FAL_1762_12_08_page_1.xml").write_text(page[:250], encoding="utf-8")
    return "FAL_1762_12_08_page_1.xml"


def write_pdf_pages(folder: Path) -> None:
    (folder / "2024-03-15").mkdir()
    write_pdf(folder / "2024-03-15" / "02.pdf", [["Council meets on Monday."]])
    write_pdf(folder / "2024-03-15" / "01.pdf", [["Harbour reopens after", "repairs."]])


def damage_pdf_pages(folder: Path) -> str:
    (folder / "broken.pdf").write_bytes(b"%PDF-1.4\n1 0 obj <<>> endobj\n" + b"\x00" * 64)
    return "broken.pdf"


CASES = (
    Case("text-issue", write_text_issue, damage_text_issue, ("河边公园开放", "夜校招生")),
    Case("article-per-file", write_rmrb, damage_rmrb, ("春耕开始", "学校复课")),
    Case("mets-alto", write_alto_pages, damage_alto, ("Page 1", "Page 2")),
    Case("delpher-didl", write_didl, damage_didl, ("Tijdingen",)),
    Case("ndnp", write_ndnp, damage_ndnp, ("Page 1",)),
    Case(
        "newsml-g2",
        write_newsml,
        damage_newsml,
        ("Farmers' market moves indoors", "Old bridge reopens after two years"),
    ),
    Case(
        "nitf",
        write_nitf,
        damage_nitf,
        ("Ferry returns to the island route", "Council approves budget"),
    ),
    Case(
        "founder-epaper",
        write_founder,
        damage_founder,
        ("县图书馆延长 开放时间", "春耕物资供应充足", "长河大桥完成检测", "社区食堂开张"),
    ),
    Case("hocr", write_hocr, damage_hocr, ("Winter", "Trade")),
    Case("page-xml", write_page_xml, damage_page_xml, ("Trade",)),
    Case("abbyy", write_abbyy, damage_abbyy, ("NEWS",)),
    Case(
        "pdf",
        write_pdf_pages,
        damage_pdf_pages,
        ("Harbour reopens after repairs", "Council meets on Monday"),
    ),
)


# --- helpers ----------------------------------------------------------------------------------


def load(folder: Path) -> Archive:
    return load_archive(open_source(folder))


def headlines(archive: Archive) -> list[str]:
    return [a.headline for issue in archive.issues for a in issue.articles]


def ids(archive: Archive) -> list[tuple[str, tuple[str, ...]]]:
    return [(i.id, tuple(a.id for a in i.articles)) for i in archive.issues]


@pytest.fixture(params=CASES, ids=str)
def case(request: pytest.FixtureRequest) -> Case:
    return request.param


@pytest.fixture
def archive_folder(case: Case, tmp_path: Path) -> Path:
    folder = tmp_path / "archive"
    folder.mkdir()
    case.write(folder)
    return folder


# --- the contract -----------------------------------------------------------------------------


def test_every_importer_has_a_case():
    missing = {module.NAME for module in IMPORTERS} - {c.importer for c in CASES}
    assert not missing, f"add a Case row for {sorted(missing)} to tests/formats/test_contract.py"


def test_names_are_unique_and_modules_complete():
    assert len({m.NAME for m in IMPORTERS}) == len(IMPORTERS)
    for module in IMPORTERS:
        for attribute in ("score", "load", "read_original"):
            assert callable(getattr(module, attribute)), (module.NAME, attribute)


def test_the_importer_claims_its_files_and_reads_the_headlines(case, archive_folder):
    archive = load(archive_folder)
    assert archive.problems == ()
    assert {i.format for i in archive.issues} == {case.importer}
    assert headlines(archive) == list(case.headlines)
    assert all(headlines(archive)), "an article lost the headline its source has"


def test_ids_are_unique_and_stable_across_reopen(archive_folder):
    first, second = load(archive_folder), load(archive_folder)
    assert ids(first) == ids(second)
    every = [article for _, articles in ids(first) for article in articles]
    issue_ids = [issue for issue, _ in ids(first)]
    assert len(set(every)) == len(every)
    assert len(set(issue_ids)) == len(issue_ids)
    assert all(first.article(a) is not None for a in every)


def test_dates_are_parsed(case, archive_folder):
    archive = load(archive_folder)
    for issue in archive.issues:
        assert isinstance(issue.date, dt.date) or not case.dated, issue.id
        for article in issue.articles:
            assert article.date is None or isinstance(article.date, dt.date)


def test_original_text_reads_back(archive_folder):
    source = open_source(archive_folder)
    archive = load_archive(source)
    for issue in archive.issues:
        for article in issue.articles:
            original = read_original(source, issue, article)
            assert isinstance(original, str)
            assert original.strip() or not article.has_text, article.headline


def test_original_text_of_a_file_emptied_since_opening_is_a_reader_error(archive_folder):
    source = open_source(archive_folder)
    archive = load_archive(source)
    for path in archive_folder.rglob("*"):
        if path.is_file():
            path.write_bytes(b"")
    for issue in archive.issues:
        for article in issue.articles:
            with pytest.raises(CorruptArchive):
                read_original(source, issue, article)


def test_a_damaged_file_is_a_problem_and_the_rest_loads(case, archive_folder):
    damaged = case.damage(archive_folder)
    archive = load(archive_folder)
    assert damaged in {p.source for p in archive.all_problems}
    assert headlines(archive) == list(case.headlines)


@pytest.mark.parametrize("fraction", [0.3, 0.7])
def test_truncated_files_never_crash(archive_folder, fraction):
    for path in sorted(p for p in archive_folder.rglob("*") if p.is_file()):
        data = path.read_bytes()
        path.write_bytes(data[: int(len(data) * fraction)])
    archive = load(archive_folder)  # must not raise
    for issue in archive.issues:
        assert all(a.id and a.issue_id == issue.id for a in issue.articles)


def test_emptied_files_are_problems(archive_folder):
    names = sorted(p.relative_to(archive_folder).as_posix() for p in archive_folder.rglob("*.*"))
    for name in names:
        (archive_folder / name).write_bytes(b"")
    archive = load(archive_folder)
    assert archive.issues == ()
    assert sorted(p.source for p in archive.all_problems) == names


def test_the_same_archive_opens_from_a_zip(case, archive_folder, tmp_path):
    packed = tmp_path / "archive.zip"
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive_zip:
        for path in sorted(archive_folder.rglob("*")):
            if path.is_file():
                archive_zip.write(path, path.relative_to(archive_folder).as_posix())
    from_folder, from_zip = load(archive_folder), load(packed)
    assert headlines(from_zip) == list(case.headlines)
    assert ids(from_zip) == ids(from_folder)


def test_zipping_the_folder_itself_keeps_the_ids(case, archive_folder, tmp_path):
    # Explorer's "Send to > Compressed folder", Finder's "Compress" and `zip -r archive.zip
    # archive` all put the folder itself in the zip: archive.zip holds archive/...
    packed = tmp_path / "zipped" / "archive.zip"
    packed.parent.mkdir()
    with zipfile.ZipFile(packed, "w", zipfile.ZIP_DEFLATED) as archive_zip:
        archive_zip.writestr("archive/", b"")
        for path in sorted(archive_folder.rglob("*")):
            if path.is_file():
                archive_zip.write(path, path.relative_to(archive_folder.parent).as_posix())
    from_folder, from_zip = load(archive_folder), load(packed)
    assert headlines(from_zip) == list(case.headlines)
    assert ids(from_zip) == ids(from_folder)
    assert {i.publication for i in from_zip.issues} == {i.publication for i in from_folder.issues}


def test_one_folder_may_mix_every_format(tmp_path):
    for case in CASES:
        (tmp_path / case.importer).mkdir()
        case.write(tmp_path / case.importer)
    (tmp_path / "README.md").write_text("Scans from the county library.\n", encoding="utf-8")
    (tmp_path / "notes.txt").write_text("Ask the archivist about 1987.\n", encoding="utf-8")
    archive = load_archive(FolderSource(tmp_path))
    found = headlines(archive)
    for case in CASES:
        for headline in case.headlines:
            assert headline in found, (case.importer, headline)
    # README.md is documentation and ignored; notes.txt is just a file no importer reads.
    assert [p.source for p in archive.problems] == ["notes.txt"]


def test_the_files_an_importer_claims_have_the_endings_it_names(case, archive_folder):
    # File › Open File… offers these endings (registry.file_suffixes): they must not drift.
    importer = {m.NAME: m for m in IMPORTERS}[case.importer]
    claimed = [
        path.name
        for path in archive_folder.rglob("*")
        if path.is_file() and pick_importer(path.name, path.read_bytes()[:16384]) is importer
    ]
    assert claimed, case.importer
    for name in claimed:
        assert name.lower().endswith(importer.EXTENSIONS), (case.importer, name)
