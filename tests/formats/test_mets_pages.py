"""The pages of METS/ALTO, NDNP and DIDL issues, listed at load: ALTO file, label, scan, size, unit."""

from __future__ import annotations

from pathlib import Path

from reader.formats import load_archive, open_source
from reader.formats.mets import didl, mets_alto, ndnp
from tests.conftest import shared_path
from tests.formats.alto_pages import alto, article, mets, write

NORDSTERN = (
    "samples/open-oni-mnhi-nordstern-1878-01-03/batch_mnhi_german_ver01/data/sn83045350/"
    "00295876384/1878010301"
)
WORD = [("W1", "Harbour", 100, 200, 300, 50, "")]


def _issue(folder: Path):
    (issue,) = load_archive(open_source(folder)).issues
    return issue


def test_nordstern_pages_in_order_with_sizes_in_inch1200_and_their_scans():
    folder = shared_path(NORDSTERN)
    issue = _issue(folder)
    assert issue.format == ndnp.NAME
    assert [(p.number, p.label, Path(p.source).name) for p in issue.pages] == [
        (n, str(n), f"00{10 + n}.xml") for n in range(1, 9)
    ]
    assert {p.unit for p in issue.pages} == {"inch1200"}
    first = issue.pages[0]
    assert (first.width, first.height) == (17175, 24306)
    # Pages 1-4 have only their PDF; the JP2s of pages 5-8 are named but absent.
    assert [Path(p.image).name for p in issue.pages] == [
        "0011.pdf",
        "0012.pdf",
        "0013.pdf",
        "0014.pdf",
        "0015.jp2",
        "0016.jp2",
        "0017.jp2",
        "0018.jp2",
    ]
    assert (folder / issue.pages[3].image).is_file()
    assert not (folder / issue.pages[4].image).exists()
    assert [a.pages for a in issue.articles] == [(n,) for n in range(1, 9)]


def test_ocrd_kant_pages_have_their_tiff_scans():
    folder = shared_path("samples/ocrd-kant_aufklaerung_1784")
    issue = _issue(folder)
    assert [(p.image, p.unit, p.width, p.height) for p in issue.pages] == [
        ("data/OCR-D-IMG/INPUT_0017.tif", "pixel", 1457, 2083),
        ("data/OCR-D-IMG/INPUT_0020.tif", "pixel", 1457, 2084),
    ]
    assert all((folder / p.image).is_file() for p in issue.pages)
    assert [p.source for p in issue.pages] == [
        "data/OCR-D-GT-ALTO/PAGE_0017_ALTO.xml",
        "data/OCR-D-GT-ALTO/PAGE_0020_ALTO.xml",
    ]


def test_bnl_takes_the_tiff_over_the_black_and_white_png_and_the_pdf():
    issue = _issue(shared_path("samples/bnl-luxzeit-1858"))
    assert [Path(p.image).name for p in issue.pages] == [
        f"1858-12-07_01-0000{n}.tif" for n in range(1, 5)
    ]
    assert {p.unit for p in issue.pages} == {"mm10"}
    assert issue.articles[1].pages == (1, 2)


def test_bl_and_europeana_name_their_jp2_scans():
    bl = _issue(shared_path("samples/bl-hmd-lsga-1832"))
    assert Path(bl.pages[0].image).name == "0002088_18321123_0001.jp2"
    assert len(bl.pages) == 8 and all(a.pages for a in bl.articles)
    europeana = _issue(shared_path("samples/europeana-bnf-jdpl-1821"))
    assert europeana.pages[0].image.endswith("OCRmaster/18210801_1-0001.jp2")


def test_delpher_pages_name_the_access_jp2_though_it_is_absent():
    issue = _issue(shared_path("samples/kb-delpher-didl-1813"))
    assert issue.format == didl.NAME
    assert [(p.label, Path(p.image).name, p.unit) for p in issue.pages] == [
        ("1", "DDD_010179815_001_access.jp2", "pixel"),
        ("2", "DDD_010179815_002_access.jp2", "pixel"),
    ]
    assert [a.pages for a in issue.articles] == [(1,), (1, 2), (2,), (2,)]


def test_a_missing_image_keeps_its_name_and_a_page_without_one_has_none(tmp_path):
    folder = write(
        tmp_path,
        {
            "mets.xml": mets(
                [
                    ("alto/1.xml", [("master", "images/1.tif", "image/tiff")]),
                    ("alto/2.xml", []),
                ]
            ),
            "alto/1.xml": alto([WORD]),
            "alto/2.xml": alto([WORD]),
        },
    )
    issue = _issue(folder)
    assert [(p.label, p.image) for p in issue.pages] == [("11", "images/1.tif"), ("12", "")]


def test_the_scan_present_wins_then_the_copy_for_viewing_then_the_pdf(tmp_path):
    files = [
        ("master", "img/master.tif", "image/tiff"),
        ("service", "img/service.jp2", "image/jp2"),
        ("derivative", "img/page.pdf", "application/pdf"),
        ("thumbnails", "img/thumb.jpg", "image/jpeg"),
    ]
    page = {"mets.xml": mets([("alto/1.xml", files)]), "alto/1.xml": alto([WORD])}
    assert _issue(write(tmp_path / "none", page)).pages[0].image == "img/service.jp2"
    for present, expected in [
        (["img/page.pdf", "img/thumb.jpg"], "img/page.pdf"),
        (["img/page.pdf", "img/master.tif"], "img/master.tif"),
        (["img/master.tif", "img/service.jp2"], "img/service.jp2"),
    ]:
        folder = write(tmp_path / expected.replace("/", "_"), page)
        write(folder, {name: b"x" for name in present})
        assert _issue(folder).pages[0].image == expected


def test_articles_know_their_pages_and_a_page_no_article_reads_still_has_its_size(tmp_path):
    lines = [[("W1", "Harbour", 100, 200, 300, 50, ""), ("W2", "works", 420, 200, 250, 50, "")]]
    folder = write(
        tmp_path,
        {
            "mets.xml": mets(
                [("alto/1.xml", []), ("alto/2.xml", []), ("alto/3.xml", [])],
                article("ART1", (1, "TB1", ""), (3, "TB1", "")) + article("ART2", (3, "TB1", "")),
            ),
            "alto/1.xml": alto(lines, unit="mm10", size=(2540, 3810)),
            "alto/2.xml": alto(lines, unit="inch1200", size=(12000, 18000)),
            "alto/3.xml": alto(lines),
        },
    )
    issue = _issue(folder)
    assert issue.format == mets_alto.NAME
    assert [(a.ref, a.pages) for a in issue.articles] == [("ART1", (1, 3)), ("ART2", (3,))]
    assert [(p.width, p.height, p.unit) for p in issue.pages] == [
        (2540, 3810, "mm10"),
        (12000, 18000, "inch1200"),
        (2000, 3000, "pixel"),
    ]


def test_loose_alto_pages_are_pages_without_a_scan(tmp_path):
    folder = write(tmp_path, {"1.xml": alto([WORD]), "2.xml": alto([WORD], size=(10, 20))})
    issue = _issue(folder)
    assert [(p.number, p.source, p.image, p.height) for p in issue.pages] == [
        (1, "1.xml", "", 3000),
        (2, "2.xml", "", 20),
    ]
    assert [a.pages for a in issue.articles] == [(1,), (2,)]
