"""The command line's arguments: one subcommand per thing the window does, each on an archive PATH."""

from __future__ import annotations

import argparse
from typing import NoReturn

from reader import __version__
from reader.library import SORTS

PROG = "issue-reader"
# The commands on an archive (they take a PATH), then the others.
ARCHIVE_COMMANDS = ("issues", "articles", "show", "problems", "index", "search", "verify", "info")
COMMANDS = (*ARCHIVE_COMMANDS, "install-desktop", "uninstall-desktop")


class _Parser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line on stderr and exits 1, like other errors."""

    def error(self, message: str) -> NoReturn:
        self.exit(1, f"{self.prog}: error: {message} (see '{PROG} --help')\n")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser for every subcommand."""
    parser = _Parser(
        prog=PROG,
        description="Read and search archives of newspaper issues.",
        epilog=f"Without a command, '{PROG} [PATH]' opens the window on PATH "
        "(or on the archive read last).",
    )
    parser.add_argument("--version", action="version", version=f"{PROG} {__version__}")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=_Parser)

    def command(name: str, help_text: str) -> argparse.ArgumentParser:
        sub = commands.add_parser(name, help=help_text, description=help_text)
        sub.add_argument("path", metavar="PATH", help="an archive folder or a single issue file")
        return sub

    issues = command("issues", "List the issues of an archive.")
    issues.add_argument("--json", action="store_true", help="print JSON")
    articles = command("articles", "List the articles of one issue.")
    articles.add_argument(
        "issue_id", metavar="ISSUE", help="an issue id, or its date (2022-09-19) or number (1810)"
    )
    articles.add_argument("--json", action="store_true", help="print JSON")
    show = command("show", "Print one article.")
    show.add_argument("article_id", metavar="ARTICLE_ID")
    show.add_argument("--original", action="store_true", help="the text as in the file")
    show.add_argument("--json", action="store_true", help="print JSON")
    problems = command("problems", "List the files that could not be read.")
    problems.add_argument("--json", action="store_true", help="print JSON")
    index_cmd = command("index", "Build the search index of an archive, or bring it up to date.")
    index_cmd.add_argument("--rebuild", action="store_true", help="build it again from scratch")
    index_cmd.add_argument("--index-dir", metavar="DIR", help="keep the index in DIR")
    index_cmd.add_argument("--json", action="store_true", help="print JSON")
    search = command("search", "Search an archive (its index is built or updated first).")
    search.add_argument("query", metavar="QUERY", help='words, "phrases", OR, -word, title:…')
    search.add_argument("--limit", type=int, default=20, metavar="N", help="show N hits")
    search.add_argument("--sort", choices=SORTS, default="relevance")
    search.add_argument("--index-dir", metavar="DIR", help="the index is in DIR")
    search.add_argument("--json", action="store_true", help="print JSON")
    verify = command("verify", "Check the files against the archive's checksum manifests.")
    verify.epilog = (
        "Reads BagIt bags, sha256sum/md5sum lists and 'SHA256 (FILE) = HASH' lists. Exit "
        "status: 1 when a listed file changed or cannot be read; files missing or present but "
        "unlisted give 0 unless --strict (then 1, as does finding no manifest at all)."
    )
    verify.add_argument("--strict", action="store_true", help="missing or unlisted files fail too")
    verify.add_argument("--all", action="store_true", help="list the intact files too")
    verify.add_argument("--json", action="store_true", help="print JSON")
    info = command("info", "Show what an archive holds, where its index is, and its bag-info.")
    info.add_argument("--index-dir", metavar="DIR", help="the index is in DIR")
    info.add_argument("--json", action="store_true", help="print JSON")
    for name, help_text in (
        ("install-desktop", "Put Issue Reader in this user's desktop menu, with its icon (Linux)."),
        ("uninstall-desktop", "Take out of the menu what install-desktop put there."),
    ):
        commands.add_parser(name, help=help_text, description=help_text).add_argument(
            "--json", action="store_true", help="print JSON"
        )
    return parser
