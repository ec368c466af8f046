"""NDNP batches: the written fixture batch and the Open ONI test batch (skipped when absent)."""

from __future__ import annotations

import datetime as dt
import shutil
import tarfile
from pathlib import Path

import pytest

from reader.formats.mets import ndnp
from reader.library import Library
from tests.conftest import shared_path

BATCH = Path(__file__).parents[1] / "data" / "alto" / "ndnp_batch"


def test_batch_opens_as_one_archive_of_issues():
    library = Library.open(BATCH, use_cache=False)
    first, second = library.issues
    assert (first.publication, first.date, first.number) == (
        "The Example Sentinel",
        dt.date(1901, 1, 1),
        "42",
    )
    assert first.numbers_printed == ("Vol. 3", "No. 42")
    assert second.numbers_printed == ("Vol. 3", "No. 42", "Ed. 2")
    assert first.front_matter == ("LCCN sn00000001", "Edition 1")
    assert first.id != second.id
    assert {i.format for i in library.issues} == {ndnp.NAME}


def test_one_article_per_page_with_printed_page_numbers():
    library = Library.open(BATCH, use_cache=False)
    pages = library.issues[0].articles
    assert [(a.title, a.page) for a in pages] == [("Page 5", "5"), ("Page 6", "6")]
    assert pages[0].text == "Edition 1 page 1: the mill reopened today."
    assert library.original_text(pages[0].id) == "Edition 1 page 1: the mill re-\nopened today."


def test_missing_issue_is_a_problem_and_reels_are_quietly_skipped():
    library = Library.open(BATCH, use_cache=False)
    assert [(p.source, p.reason) for p in library.problems] == [
        (
            "data/batch.xml",
            "lists the issue data/sn00000001/print/1901010201/1901010201.xml, which is missing",
        )
    ]


def test_an_issue_folder_opens_without_its_batch():
    library = Library.open(BATCH / "data" / "sn00000001" / "print" / "1901010102", use_cache=False)
    (issue,) = library.issues
    assert (issue.date, issue.numbers_printed) == (
        dt.date(1901, 1, 1),
        ("Vol. 3", "No. 42", "Ed. 2"),
    )
    assert library.problems == ()


def test_scores():
    batch_head = (BATCH / "data" / "batch.xml").read_bytes()
    issue_head = (
        BATCH / "data" / "sn00000001" / "print" / "1901010101" / "1901010101.xml"
    ).read_bytes()
    assert ndnp.score("batch.xml", batch_head[:4096]) == 95
    assert ndnp.score("1901010101.xml", issue_head[:4096]) == 95
    assert ndnp.score("mets.xml", b"<mets xmlns='http://www.loc.gov/METS/' PROFILE='ENMAP'>") == 0


@pytest.fixture(scope="module")
def open_oni(tmp_path_factory):
    archive = shared_path("samples/openoni-ndnp-testbatch/core/test-data/testbatch.tgz")
    target = tmp_path_factory.mktemp("ndnp")
    with tarfile.open(archive) as tar:
        tar.extractall(target, filter="data")
    return Library.open(target / "batch_oru_testbatch_ver01", use_cache=False)


def test_open_oni_test_batch(open_oni):
    issues = open_oni.issues
    assert [i.date for i in issues] == [dt.date(1999, m, 15) for m in (6, 8, 10, 12)]
    assert {i.publication for i in issues} == {"Boston Business Bimonthly"}
    assert [len(i.articles) for i in issues] == [15, 4, 4, 4]
    assert issues[0].front_matter == ("LCCN sn83030214", "Edition 1")
    assert issues[0].articles[2].text == "LCCNsn83030214Page3"
    assert open_oni.problems == ()


def test_open_oni_test_batch_with_copies_lists_each_issue_once(tmp_path):
    archive = shared_path("samples/openoni-ndnp-testbatch/core/test-data/testbatch.tgz")
    with tarfile.open(archive) as tar:
        tar.extractall(tmp_path, filter="data")
    root = tmp_path / "batch_oru_testbatch_ver01"
    issue_files = sorted(root.glob("data/sn83030214/print/*/??????????.xml"))
    for mets in issue_files:
        shutil.copyfile(mets, mets.with_name(f"{mets.stem}_1.xml"))
    shutil.copyfile(root / "data" / "batch.xml", root / "data" / "BATCH_1.xml")
    library = Library.open(root, use_cache=False)
    assert [i.date for i in library.issues] == [dt.date(1999, m, 15) for m in (6, 8, 10, 12)]
    assert [i.source for i in library.issues] == [
        f.relative_to(root).as_posix() for f in issue_files
    ]
    copies = [d for d in library.duplicates if not d.source.endswith(".pdf")]
    assert len(copies) == 5  # four issue METS copies and the batch file's
    # The page PDFs beside each issue METS are its pages (the PDF importer's), not copies.
    page_pdfs = [d for d in library.duplicates if d.source.endswith(".pdf")]
    assert page_pdfs and {d.original for d in page_pdfs} <= {i.source for i in library.issues}
    assert library.problems == ()


def test_nordstern_batch_reads_its_one_issue_once():
    root = shared_path("samples/open-oni-mnhi-nordstern-1878-01-03")
    library = Library.open(root, use_cache=False)
    (issue,) = library.issues
    folder = "batch_mnhi_german_ver01/data/sn83045350/00295876384/1878010301"
    assert issue.source == f"{folder}/1878010301.xml"  # the one batch.xml names
    assert (issue.publication, issue.date) == (
        "Der Nordstern (St. Cloud, Minn.)",
        dt.date(1878, 1, 3),
    )
    assert issue.front_matter[0] == "LCCN sn83045350"
    assert len(issue.articles) == 8
    assert {d.source.rsplit("/", 1)[-1] for d in library.duplicates} == {
        "batch_1.xml",
        "1878010301_1.xml",
        *(f"00{n}.pdf" for n in (11, 12, 13, 14)),  # page PDFs of this issue, beside its METS
    }
    assert library.problems == ()
