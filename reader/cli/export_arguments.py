"""The export and cite commands' arguments, named without importing what carries them out."""

from __future__ import annotations

import argparse

from reader.cli import help_texts
from reader.cli.argparsing import folder
from reader.library.choices import FORMATS, STYLES
from reader.model.vocabulary import SORTS


def add_export_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``export`` command's arguments (after PATH)."""
    parser.add_argument("query", metavar="QUERY", nargs="+", help="as for search")
    parser.add_argument(
        "-f",
        "--format",
        choices=FORMATS,
        default="csv",
        metavar="FORMAT",
        help=f"one of {', '.join(FORMATS)} (default csv)",
    )
    parser.add_argument(
        "-o",
        "--out",
        metavar="OUT",
        help="the file to write, in a folder that exists (text, markdown: a folder, or a .zip); "
        "without it a single-file format goes to stdout",
    )
    parser.add_argument(
        "-n", "--limit", type=int, metavar="N", help="at most N hits (default: every hit)"
    )
    parser.add_argument(
        "--sort", choices=SORTS, default="relevance", help="the hits' order (default relevance)"
    )
    parser.add_argument("--index-dir", type=folder, metavar="DIR", help="the index is in DIR")
    parser.epilog = (
        "CSV is written with a byte-order mark when it goes to a file, so spreadsheets read "
        "it as UTF-8. Nothing is ever written into the archive."
    )


def add_cite_arguments(parser: argparse.ArgumentParser) -> None:
    """The ``cite`` command's arguments (after PATH)."""
    parser.add_argument(
        "article_id",
        metavar="ARTICLE_ID",
        help=help_texts.ARTICLE_ID,
    )
    parser.add_argument(
        "--style",
        choices=STYLES,
        help="gbt7714 (GB/T 7714-2015) or chicago (17th ed.); "
        "by default GB/T 7714 for a Chinese article, Chicago for any other",
    )
