"""``problems`` suggests publication aliases; ``alias`` accepts, lists, dismisses and forgets them."""

from __future__ import annotations

import json
import os
import tomllib

import pytest

from reader.cli import main
from reader.cli.aliases import reason
from reader.library import paths
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


def test_a_config_folder_under_a_file_is_one_plain_line(tmp_path, capsys, monkeypatch):
    archive = write_weekly(tmp_path / "weekly", ["今日长子"] * 3 + ["今日长孑"])
    blocking = tmp_path / "file"
    blocking.write_text("kept", encoding="utf-8")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(blocking / "config"))
    file = paths.aliases_file(archive)
    said = f"cannot keep the publication aliases in {file}: the folder {blocking} is a file"
    for words in (("今日长孑", "今日长子"), ("今日长孑", "--dismiss")):
        code, out, err = run(capsys, "alias", str(archive), *words)
        assert (code, out) == (1, "")
        assert err == f"issue-reader: error: {said}, not a folder\n"
    # Nothing can be kept there, so nothing is: no aliases, and nothing to say of them.
    assert run(capsys, "alias", str(archive)) == (
        0,
        "No publication aliases of yours for this archive.\n",
        "",
    )
    assert blocking.read_text(encoding="utf-8") == "kept"


def test_a_read_only_config_folder_is_one_plain_line(tmp_path, capsys, monkeypatch):
    archive = write_weekly(tmp_path / "weekly", ["今日长子"] * 3 + ["今日长孑"])
    config = tmp_path / "config"
    config.mkdir(mode=0o555)
    if os.access(config, os.W_OK, effective_ids=True):
        pytest.skip("root writes into any folder (run it under setpriv without DAC caps)")
    monkeypatch.setenv("XDG_CONFIG_HOME", str(config))
    code, out, err = run(capsys, "alias", str(archive), "今日长孑", "今日长子")
    assert (code, out) == (1, "")
    assert err == (
        f"issue-reader: error: cannot keep the publication aliases in "
        f"{paths.aliases_file(archive)}: {config / 'issue-reader'}: Permission denied\n"
    )


def test_an_aliases_file_that_cannot_be_read_or_replaced_is_said_plainly(
    tmp_path, capsys, caplog, monkeypatch
):
    archive = write_weekly(tmp_path / "weekly", ["今日长子"] * 3 + ["今日长孑"])
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "config"))
    assert run(capsys, "alias", str(archive), "今日长孑", "今日长子")[0] == 0
    file = paths.aliases_file(archive)
    file.chmod(0)
    file.parent.chmod(0o555)
    try:
        if os.access(file, os.R_OK, effective_ids=True):
            pytest.skip("root reads any file (run it under setpriv without DAC caps)")
        code, out, err = run(capsys, "alias", str(archive), "今日长孑", "--remove")
        assert (code, out) == (0, "No alias of 今日长孑 kept.\n")  # none could be read
        # The warning on stderr (pytest takes it to caplog).
        warned = {record.getMessage() for record in caplog.records}
        assert warned == {f"ignoring the publication aliases in {file}: Permission denied"}
        code, out, err = run(capsys, "alias", str(archive), "今日长孑", "--dismiss")
        assert code == 1 and err.endswith(f"{file}: Permission denied\n") and "Errno" not in err
    finally:
        file.parent.chmod(0o755)
