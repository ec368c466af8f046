"""Every command's --help describes every argument, and names each default that is not nothing."""

from __future__ import annotations

import argparse

import pytest

from reader.cli import COMMANDS, build_parser, main


def _commands() -> dict[str, argparse.ArgumentParser]:
    parser = build_parser()
    (subparsers,) = [a for a in parser._actions if isinstance(a, argparse._SubParsersAction)]
    return dict(subparsers.choices)


@pytest.mark.parametrize("command", COMMANDS)
def test_every_argument_is_described_with_its_default(command: str) -> None:
    parser = _commands()[command]
    for action in parser._actions:
        if isinstance(action, argparse._HelpAction):
            continue
        name = "/".join(action.option_strings) or action.metavar or action.dest
        assert action.help, f"{command} {name} has no description"
        # A flag's default (False) and an empty one go without saying; any other is said.
        if action.default not in (None, False, "", argparse.SUPPRESS):
            assert "default" in action.help, f"{command} {name}: its default is not named"


def test_path_says_a_zip_and_article_id_says_where_ids_come_from(
    capsys: pytest.CaptureFixture[str],
) -> None:
    for command in ("show", "cite"):
        assert main([command, "--help"]) == 0
        out = " ".join(capsys.readouterr().out.split())
        assert "PATH an archive: a folder, a zip or a single issue file" in out
        assert "ARTICLE_ID an article's id, as 'articles PATH ISSUE' and 'search' print it" in out
    assert main(["search", "--help"]) == 0
    out = " ".join(capsys.readouterr().out.split())
    assert "-n N, --limit N show the first N hits (default 20" in out
    assert "--sort {relevance,newest,oldest} the hits' order (default relevance)" in out
