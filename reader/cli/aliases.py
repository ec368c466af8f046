"""Publication aliases on the command line: suggested ones in ``problems``, and ``alias``.

``issue-reader alias PATH`` lists the aliases this user accepted for an archive;
``alias PATH MASTHEAD NAME`` accepts one (kept per user, never in the archive), ``--dismiss``
says a masthead is right as printed, ``--remove`` forgets either.
"""

from __future__ import annotations

import argparse
import re
import shlex
from typing import TYPE_CHECKING, Any

from reader.cli import tables
from reader.cli.output import print_json
from reader.cli.parser import PROG
from reader.model import ReaderError

# The parser imports this module (add_arguments): --help must not import the library, so its
# modules are imported in the functions that use them.
if TYPE_CHECKING:
    from reader.library import Library
    from reader.library.misreads import Suggestion

CODE = "masthead_misread"


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``alias`` (its PATH is added by the parser)."""
    parser.add_argument("masthead", metavar="MASTHEAD", nargs="?", help="the masthead as printed")
    parser.add_argument("name", metavar="NAME", nargs="?", help="the publication it means")
    parser.add_argument("--dismiss", action="store_true", help="MASTHEAD is right as printed")
    parser.add_argument("--remove", action="store_true", help="forget MASTHEAD's alias")
    parser.add_argument("--json", action="store_true", help="print JSON")


def reason(suggestion: Suggestion) -> str:
    """Why a masthead is suspected, in English (the command line's words)."""
    s = suggestion
    text = (
        f"looks like an OCR misread of {s.name}: {_issues(s.masthead_issues)} as {s.masthead}, "
        f"{_issues(s.name_issues)} as {s.name}"
    )
    if s.evidence:
        text += f"; {_evidence(s)}"
    return text


def _evidence(s: Suggestion) -> str:
    """``the text of its issues has 长子 12 times, in 3 of the 4 issues read`` (its one issue:
    ``the text of its issue has 长子 4 times``; every issue read: ``in each of the 4 …``)."""
    times = "once" if s.occurrences == 1 else f"{s.occurrences:,} times"
    if s.issues_read == 1 == s.masthead_issues:
        return f"the text of its issue has {s.evidence} {times}"
    if s.issues_with == s.issues_read:
        where = f"in each of the {_issues(s.issues_read)} read"
    else:
        where = f"in {s.issues_with:,} of the {_issues(s.issues_read)} read"
    return f"the text of its issues has {s.evidence} {times}, {where}"


def _issues(count: int) -> str:
    return "1 issue" if count == 1 else f"{count:,} issues"


def suggestion_rows(library: Library) -> list[dict[str, Any]]:
    """The suggested aliases as rows of ``problems --json`` (``source`` is the masthead)."""
    from reader.library import aliases

    return [
        {
            "source": s.masthead,
            "code": CODE,
            "reason": reason(s),
            "masthead": s.masthead,
            "name": s.name,
            "masthead_issues": s.masthead_issues,
            "name_issues": s.name_issues,
            "evidence": s.evidence,
            "occurrences": s.occurrences,
            "issues_with": s.issues_with,
            "issues_read": s.issues_read,
            "archive_toml": aliases.toml_text(library.archive.settings, s.masthead, s.name),
        }
        for s in library.alias_suggestions()
    ]


def print_suggestions(library: Library) -> None:
    """Print the suggested aliases (nothing when there are none) and how to accept one."""
    found = library.alias_suggestions()
    if not found:
        return
    print("Mastheads that look like OCR misreads (suggested publication aliases):")
    for s in found:
        print(f"  {s.masthead} -> {s.name}: {reason(s)}")
    first = found[0]
    words = (PROG, "alias", str(library.root), first.masthead, first.name)
    command = " ".join(_shell_word(w) for w in words)
    print(
        f"To accept one:  {command}\n(or, when a masthead is right as printed: alias PATH MASTHEAD --dismiss)\n"
    )


def _shell_word(word: str) -> str:
    # shlex.quote quotes every non-ASCII word; a CJK name needs no quotes in any shell.
    return word if re.fullmatch(r"[\w@%+=:,./-]+", word) else shlex.quote(word)


def alias(library: Library, args: argparse.Namespace) -> int:
    """List, accept, dismiss or remove this user's publication aliases for the archive."""
    from reader.library import aliases, paths

    archive = library.archive
    if args.remove or args.dismiss:
        if not args.masthead or args.name:
            raise ReaderError("--remove and --dismiss take a MASTHEAD only")
        if args.remove:
            removed = aliases.remove(archive, args.masthead)
            print(f"Forgot {args.masthead}." if removed else f"No alias of {args.masthead} kept.")
        else:
            aliases.dismiss(archive, args.masthead)
            print(f"{args.masthead} is right as printed: not suggested again.")
        return 0
    if args.masthead and not args.name:
        raise ReaderError("alias takes a MASTHEAD and the NAME it means")
    if args.masthead:
        aliases.accept(archive, args.masthead, args.name)
        print(
            f"{args.masthead} is read as {args.name} from now on, for you "
            f"(kept in {paths.aliases_file(library.root)}; the archive is unchanged).\n"
            "For everyone who opens the archive, add this to its archive.toml:\n"
        )
        print(aliases.toml_text(archive.settings, args.masthead, args.name), end="")
        return 0
    chosen = library.user_aliases
    if args.json:
        return print_json({"aliases": chosen.aliases, "dismissed": list(chosen.dismissed)})
    if not chosen.aliases and not chosen.dismissed:
        print("No publication aliases of yours for this archive.")
        return 0
    rows = [(m, n) for m, n in sorted(chosen.aliases.items())]
    rows += [(m, "(right as printed)") for m in chosen.dismissed]
    print(tables.render(("MASTHEAD", "READ AS"), rows, 60))
    return 0
