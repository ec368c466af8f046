"""The command line's arguments: one subcommand per thing the window does, each on an archive PATH."""

from __future__ import annotations

import argparse
from collections.abc import Callable, Collection
from typing import Any

from reader.cli import export_arguments, help_texts
from reader.cli.argparsing import CommandParser, folder
from reader.library.choices import DEFAULT_WIDTH, ORDERS
from reader.model.vocabulary import SORTS

PROG = "issue-reader"
# The commands on an archive (they take a PATH), then the others.
ARCHIVE_COMMANDS = (
    "issues",
    "articles",
    "show",
    "problems",
    "index",
    "search",
    "serve",
    "kwic",
    "page",
    "export",
    "cite",
    "verify",
    "info",
    "alias",
)
COMMANDS = (*ARCHIVE_COMMANDS, "collections", "install-desktop", "uninstall-desktop")


class _Version(argparse.Action):
    """``--version``: the version is looked up only when asked for (it costs an import)."""

    def __call__(self, parser: argparse.ArgumentParser, *args: Any, **kwargs: Any) -> None:
        from reader import __version__

        print(f"{PROG} {__version__}")  # on stdout, as argparse's own version action
        parser.exit(0)


def build_parser(built: Collection[str] = COMMANDS) -> argparse.ArgumentParser:
    """The argument parser for every subcommand; only those in ``built`` get their arguments.

    The command line builds the arguments of the command it runs only (none for ``--help``
    and ``--version``): the others are named, for the overview and for a mistyped command,
    but building them all costs a run more than importing argparse.
    """
    parser = CommandParser(
        prog=PROG,
        description="Read and search archives of newspaper issues.",
        epilog=f"Without a command, '{PROG} [PATH]' opens the window on PATH "
        "(or on the archive read last).",
    )
    parser.add_argument("--version", action=_Version, nargs=0, help="show the version and exit")
    commands = parser.add_subparsers(dest="command", required=True, parser_class=CommandParser)
    for name, help_text in help_texts.HELP.items():  # in the overview's order
        description = help_texts.DESCRIPTION.get(name, help_text)
        sub = commands.add_parser(name, help=help_text, description=description)
        assert isinstance(sub, CommandParser)
        if name in ARCHIVE_COMMANDS:
            sub.dash_words = True
            # The usage line says PATH [PATH ...] where the paths may be several: argparse
            # takes the others from the start of the query's words (more_archives).
            many = name in help_texts.MANY_PATHS
            sub.add_argument(
                "path",
                metavar="PATH [PATH ...]" if many else "PATH",
                help=help_texts.PATHS.get(name, help_texts.PATH),
            )
        if name in built:
            _ARGUMENTS[name](sub)
    return parser


def _articles(articles: argparse.ArgumentParser) -> None:
    articles.add_argument(
        "issue_id", metavar="ISSUE", help="an issue id, or its date (2022-09-19) or number (1810)"
    )
    articles.add_argument("--json", action="store_true", help="print JSON")


def _show(show: argparse.ArgumentParser) -> None:
    show.add_argument("article_id", metavar="ARTICLE_ID", help=help_texts.ARTICLE_ID)
    show.add_argument("--original", action="store_true", help="the text as in the file")
    show.add_argument("--json", action="store_true", help="print JSON")


def _positive(text: str) -> int:
    """An argument that must be a whole number of at least 1."""
    try:
        number = int(text)
    except ValueError:
        number = 0
    if number < 1:
        raise argparse.ArgumentTypeError(f"not a whole number of at least 1: {text!r}")
    return number


def _index(index_cmd: argparse.ArgumentParser) -> None:
    index_cmd.add_argument("--rebuild", action="store_true", help="build it again from scratch")
    index_cmd.add_argument(
        "--index-dir",
        type=folder,
        metavar="DIR",
        help="keep the index in DIR (default: in your cache folder; 'info PATH' says where)",
    )
    index_cmd.add_argument(
        "--workers",
        type=_positive,
        metavar="N",
        help="processes for a first build (default: one per core, up to four, for a large archive)",
    )
    index_cmd.add_argument("--json", action="store_true", help="print JSON")


def _search(search: argparse.ArgumentParser) -> None:
    search.add_argument(
        "query",
        metavar="QUERY",
        nargs="*",
        help='words, "phrases", OR, -word, title:… (the words are joined by spaces; '
        "a word may start with -); none with --queries or --stdin",
    )
    search.add_argument(
        "--queries", metavar="FILE", help="one query a line; print one JSON line per query"
    )
    search.add_argument("--stdin", action="store_true", help="as --queries, reading stdin")
    search.add_argument(
        "-n",
        "--limit",
        type=int,
        default=20,
        metavar="N",
        help="show the first N hits (default 20; 0: the counts only)",
    )
    search.add_argument(
        "--sort", choices=SORTS, default="relevance", help="the hits' order (default relevance)"
    )
    search.add_argument("--index-dir", type=folder, metavar="DIR", help="the index is in DIR")
    search.add_argument(
        "--no-wait",
        action="store_true",
        help="when the index is missing or out of date, answer at once from what it holds "
        "and a scan of the rest (a provisional result), without building it",
    )
    search.add_argument(
        "--budget",
        type=float,
        metavar="S",
        help="with --no-wait, scan for about S seconds only (the result says how much it covers)",
    )
    search.add_argument("--json", action="store_true", help="print JSON")


def _serve(serve: argparse.ArgumentParser) -> None:
    serve.add_argument("--index-dir", type=folder, metavar="DIR", help="the index is in DIR")
    serve.add_argument(
        "--idle",
        type=float,
        metavar="MINUTES",
        help="stop after MINUTES without a search (default: run until stopped)",
    )
    control = serve.add_mutually_exclusive_group()
    control.add_argument("--stop", action="store_true", help="stop the server of PATH")
    control.add_argument(
        "--status", action="store_true", help="whether a server runs for PATH, and its memory"
    )
    serve.epilog = (
        f"'{PROG} search PATH QUERY' (with the same --index-dir) then asks this process, which "
        "has the index open and watches the archive's files (on Linux; elsewhere it looks at "
        "them at each search), instead of opening them itself: tens of milliseconds at any "
        "size. The answer is the same. Ctrl+C (or SIGTERM, or 'serve --stop PATH') stops it; "
        "'serve --status PATH' says whether one runs. "
        "A search that used more than 0.15 s of processor time (a large archive's; not "
        "one that built or updated the index) starts one itself, which stops "
        "after 60 minutes without a search; ISSUE_READER_SERVER=never in "
        "the environment prevents that (=always starts one after any search)."
    )


def _kwic(kwic: argparse.ArgumentParser) -> None:
    kwic.add_argument("query", metavar="QUERY", nargs="+", help="as for search")
    kwic.add_argument(
        "-w",
        "--width",
        type=int,
        default=DEFAULT_WIDTH,
        metavar="N",
        help=f"N characters of context on each side (default {DEFAULT_WIDTH})",
    )
    kwic.add_argument(
        "--sort",
        choices=ORDERS,
        default="date",
        help="order of the lines (default date; left and right: letters without case, Chinese "
        "by code point; the window's Concordance sorts Chinese by pinyin)",
    )
    kwic.add_argument(
        "-n", "--limit", type=int, default=1000, metavar="N", help="at most N lines (default 1000)"
    )
    kwic.add_argument("--whole-words", action="store_true", help="cut at a Latin word's edge")
    kwic.add_argument("--index-dir", type=folder, metavar="DIR", help="the index is in DIR")
    kwic_output = kwic.add_mutually_exclusive_group()
    kwic_output.add_argument("--csv", action="store_true", help="print CSV")
    kwic_output.add_argument("--json", action="store_true", help="print JSON")


def _page(page: argparse.ArgumentParser) -> None:
    page.add_argument(
        "target",
        metavar="ISSUE_OR_ARTICLE",
        help="an issue (id, date or number: its first page) or an article id (its first page)",
    )
    page.add_argument("--page", type=int, metavar="N", help="page N of the issue (1 = the first)")
    page.add_argument(
        "-q",
        "--query",
        default="",
        metavar="Q",
        help="a query: list its hits on the page, and draw them",
    )
    page.add_argument("--png", metavar="OUT", help="draw the page and its hits into OUT (PNG)")
    page.add_argument(
        "--scale",
        type=float,
        default=1.0,
        metavar="S",
        help="the PNG at S times the page's size (default 1)",
    )
    page.add_argument("--json", action="store_true", help="print JSON (boxes in image pixels)")
    page.epilog = (
        "Boxes are in the pixels of the page's image (a PDF page at 150 dpi). A page whose "
        "image is missing is drawn white, with its words' boxes, and the file it expected "
        "is named on stderr."
    )


def _alias(alias: argparse.ArgumentParser) -> None:
    from reader.cli import aliases  # here: it imports this module (PROG)

    aliases.add_arguments(alias)


def _verify(verify: argparse.ArgumentParser) -> None:
    verify.epilog = (
        "Reads BagIt bags, sha256sum/md5sum lists and 'SHA256 (FILE) = HASH' lists. Exit "
        "status: 1 when a listed file changed or cannot be read; files missing or present but "
        "unlisted give 0 unless --strict (then 1, as does finding no manifest at all)."
    )
    verify.add_argument("--strict", action="store_true", help="missing or unlisted files fail too")
    verify.add_argument("--all", action="store_true", help="list the intact files too")
    verify.add_argument("--json", action="store_true", help="print JSON")


def _info(info: argparse.ArgumentParser) -> None:
    info.add_argument("--index-dir", type=folder, metavar="DIR", help="the index is in DIR")
    info.add_argument("--json", action="store_true", help="print JSON")


def _collections(kept: argparse.ArgumentParser) -> None:
    from reader.cli import collecting  # here: it imports this module (PROG)

    collecting.add_arguments(kept)


def _json_only(parser: argparse.ArgumentParser) -> None:
    parser.add_argument("--json", action="store_true", help="print JSON")


# What adds each command's arguments.
_ARGUMENTS: dict[str, Callable[[argparse.ArgumentParser], None]] = {
    "issues": _json_only,
    "articles": _articles,
    "show": _show,
    "problems": _json_only,
    "index": _index,
    "search": _search,
    "serve": _serve,
    "kwic": _kwic,
    "page": _page,
    "export": export_arguments.add_export_arguments,
    "cite": export_arguments.add_cite_arguments,
    "verify": _verify,
    "info": _info,
    "alias": _alias,
    "collections": _collections,
    "install-desktop": _json_only,
    "uninstall-desktop": _json_only,
}
