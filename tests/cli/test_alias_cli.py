"""``problems`` suggests publication aliases; ``alias`` accepts, lists, dismisses and forgets them."""

from __future__ import annotations

import json
import tomllib

from reader.cli import main
from reader.cli.aliases import reason
from reader.library.misreads import Suggestion
from tests.library.weekly import listing, write_weekly


def run(capsys, *argv: str) -> tuple[int, str, str]:
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_problems_lists_the_suggestion_and_alias_accepts_it(tmp_path, capsys):
    archive = write_weekly(tmp_path / "weekly", ["今日长子"] * 3 + ["今日长孑"])
    before = listing(archive)
    code, out, _ = run(capsys, "problems", str(archive))
    assert code == 0
    assert "今日长孑 -> 今日长子" in out
    assert "1 issue as 今日长孑, 3 issues as 今日长子" in out
    assert "; the text of its issue has 长子 4 times\n" in out  # its one issue: no "1 of the 1"
    assert f"issue-reader alias {archive} 今日长孑 今日长子" in out
    assert "No problems: every file was read." in out

    code, out, _ = run(capsys, "problems", str(archive), "--json")
    (row,) = json.loads(out)
    assert row["code"] == "masthead_misread"
    assert (row["source"], row["masthead"], row["name"]) == ("今日长孑", "今日长孑", "今日长子")
    assert (row["masthead_issues"], row["name_issues"], row["evidence"]) == (1, 3, "长子")
    settings = tomllib.loads(row["archive_toml"])
    assert settings == {"publication": "今日长子", "mastheads": ["今日长孑"]}

    code, out, _ = run(capsys, "alias", str(archive), "今日长孑", "今日长子")
    assert code == 0
    assert "the archive is unchanged" in out
    assert 'mastheads = ["今日长孑"]' in out
    code, out, _ = run(capsys, "issues", str(archive), "--json")
    assert {row["publication"] for row in json.loads(out)} == {"今日长子"}
    code, out, _ = run(capsys, "alias", str(archive), "--json")
    assert json.loads(out) == {"aliases": {"今日长孑": "今日长子"}, "dismissed": []}
    code, out, _ = run(capsys, "problems", str(archive), "--json")
    assert json.loads(out) == []
    assert listing(archive) == before


def test_alias_dismiss_and_remove(tmp_path, capsys):
    archive = write_weekly(tmp_path / "weekly", ["今日长子"] * 3 + ["今日长孑"])
    assert (
        run(capsys, "alias", str(archive))[1]
        == "No publication aliases of yours for this archive.\n"
    )
    assert run(capsys, "alias", str(archive), "今日长孑", "--dismiss")[0] == 0
    assert json.loads(run(capsys, "problems", str(archive), "--json")[1]) == []
    code, out, _ = run(capsys, "alias", str(archive))
    assert "今日长孑" in out and "(right as printed)" in out
    code, out, _ = run(capsys, "alias", str(archive), "今日长孑", "--remove")
    assert (code, out) == (0, "Forgot 今日长孑.\n")
    assert len(json.loads(run(capsys, "problems", str(archive), "--json")[1])) == 1


def test_alias_errors_are_one_line(tmp_path, capsys):
    archive = write_weekly(tmp_path / "weekly", ["今日长子"] * 2)
    code, out, err = run(capsys, "alias", str(archive), "人民日报", "今日长子")
    assert (code, out) == (1, "")
    assert err == "issue-reader: error: no issue of this archive has the masthead '人民日报'\n"
    code, _, err = run(capsys, "alias", str(archive), "今日长子")
    assert code == 1 and err.count("\n") == 1


def test_the_evidence_is_worded_for_one_issue_every_issue_or_some(tmp_path, capsys):
    archive = write_weekly(tmp_path / "weekly", ["今日长子"] * 3 + ["今日长孑"] * 3)
    code, out, _ = run(capsys, "problems", str(archive))
    assert code == 0
    assert "; the text of its issues has 长子 12 times, in each of the 3 issues read\n" in out
    some = Suggestion("今日长孑", "今日长子", 301, 40, "长子", 1, 100, 151)
    assert reason(some).endswith(
        "; the text of its issues has 长子 once, in 100 of the 151 issues read"
    )
