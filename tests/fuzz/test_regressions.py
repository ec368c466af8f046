"""The crashes the fuzzer found, each kept as the small reproducer it came down to."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.formats import load_archive, open_source

DATA = Path(__file__).resolve().parents[1] / "data"


def test_a_prefix_whose_namespace_was_lost_is_read_by_its_local_name(tmp_path):
    # Seed 2, case 884: a byte inserted into ``xmlns:mods`` left ``<mods:mods>`` undeclared;
    # libxml2 keeps the tag as written and lxml's QName raised ValueError on it, losing the
    # METS to "internal error in mets-alto".
    root = tmp_path / "archive"
    shutil.copytree(DATA / "alto" / "mets_issue", root)
    mets = root / "issue-mets.xml"
    mets.write_bytes(mets.read_bytes().replace(b' xmlns:mods="http://www.loc.gov/mods/v3"', b""))
    archive = load_archive(open_source(root))
    assert [p for p in archive.problems if p.code == "importer_failed"] == []
    [issue] = archive.issues
    assert issue.articles
