"""The crashes the fuzzer found, each kept as the small reproducer it came down to."""

from __future__ import annotations

import shutil
from pathlib import Path

from reader.formats import load_archive, open_source
from reader.formats.common import textio

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


def test_telling_gb18030_from_big5_looks_at_a_sample_only(seed_file):
    # Seed 7, case 1934: the seed issue re-encoded and repeated to 3 MB decodes as both GB18030
    # and Big5, and telling them apart encoded every character of both readings one at a
    # time: 4 s per decode, and reading an article decodes its file again (a hang in the
    # fuzz run). Now only the first SHARE_SAMPLE_CHARS characters are looked at.
    tail = "中" * 1000
    assert textio._frequent_share("a" * textio.SHARE_SAMPLE_CHARS + tail, "gb18030") == 0.0
    assert textio._frequent_share(tail, "gb18030") == 1.0
    # And the choice itself is unchanged on a real issue, short or repeated.
    text = seed_file.read_text(encoding="utf-8")
    data = text.encode("big5", errors="replace")
    assert textio.decode_text(data * 300, "x.txt") == textio.decode_text(data, "x.txt") * 300
