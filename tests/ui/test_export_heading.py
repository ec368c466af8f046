"""The window's Export Hits… carries the column (栏目) and kicker of the seed issue's articles."""

from __future__ import annotations

import csv
import io
import shutil

from tests.conftest import SAMPLE_ISSUES
from tests.ui.test_export_hits import export_through_dialog
from tests.ui.test_search import search


def test_the_seed_column_and_kicker_reach_the_csv(qtbot, window, tmp_path):
    archive = tmp_path / "seed"
    shutil.copytree(SAMPLE_ISSUES, archive)
    window.open_path(str(archive))
    search(qtbot, window, "长子")
    out = tmp_path / "out" / "hits.csv"
    out.parent.mkdir()
    export_through_dialog(qtbot, window, out)
    rows = list(csv.DictReader(io.StringIO(out.read_text(encoding="utf-8-sig"), newline="")))
    by_title = {row["title"]: row for row in rows}
    column = by_title["全县2022年度目标责任考核工作专题会召开"]["column"]
    assert column == "抓党建促基层治理能力提升·长子行"
    kicker = by_title["立足生态优势 深挖文化底蕴 精准发展定位 全力打造精品康养旅游度假区"]["kicker"]
    assert kicker == "强在精卫湖康养小镇项目前期策划方案汇报会上强调"
