"""argparse as the command line uses it: a usage error in one line, words that start with ``-``."""

from __future__ import annotations

import argparse
import os
from collections.abc import Iterable
from typing import Any, NoReturn


def folder(text: str) -> str:
    """A folder argument as given, ``~`` expanded (a shell leaves ``--index-dir=~/x`` as is)."""
    return os.path.expanduser(text)


class CommandParser(argparse.ArgumentParser):
    """argparse that reports a usage error as one line on stderr and exits 1, like other errors.

    A command whose ``dash_words`` is set takes a word that starts with ``-`` and is none of
    its options as an argument, not as an unknown option: ``search PATH -供热 海关`` searches
    for articles without 供热 but with 海关. argparse alone would reject ``-供热``.
    """

    def __init__(self, *args: Any, **kwargs: Any) -> None:
        self.dash_words = False
        self._options: list[argparse.Action] = []  # filled before argparse adds -h
        super().__init__(*args, **kwargs)

    def add_argument(self, *args: Any, **kwargs: Any) -> argparse.Action:
        """argparse's, remembering the options (``dash_words`` must tell them from words)."""
        action = super().add_argument(*args, **kwargs)
        if action.option_strings:
            self._options.append(action)
        return action

    def parse_known_args(
        self, args: Iterable[str] | None = None, namespace: Any = None
    ) -> tuple[Any, list[str]]:
        """argparse's, after putting the words that start with ``-`` after a ``--``."""
        if self.dash_words and args is not None:
            args = words_after_options(list(args), self._options)
        return super().parse_known_args(args, namespace)

    def error(self, message: str) -> NoReturn:
        """Say what is wrong in one line, pointing to the command's own help; exit 1."""
        # A command's own help lists its choices: "issue-reader cite --help", not the overview.
        self.exit(1, f"{self.prog}: error: {message} (see '{self.prog} --help')\n")


def words_after_options(args: list[str], options: Iterable[argparse.Action]) -> list[str]:
    """``args`` as options first, then ``--``, then every other word in its order.

    An option is a known option string (``--json``, ``-n``), ``--name=value``, a short option
    with its value attached (``-n5``), or any word starting with ``--`` (argparse reports an
    unknown one, abbreviations it accepts); an option that takes a value takes the next word.
    Every other word, ``-供热`` and ``-1`` included, is an argument; after a ``--`` every word
    is. When an option lacks its value the words are left as they are, for argparse to report.
    """
    takes_value = {name: action.nargs != 0 for action in options for name in action.option_strings}
    short_with_value = [n for n, value in takes_value.items() if value and len(n) == 2]
    flags: list[str] = []
    words: list[str] = []
    at = 0
    while at < len(args):
        word = args[at]
        at += 1
        if word == "--":
            words += args[at:]
            break
        if word in takes_value or word.startswith("--"):
            flags.append(word)
            name = word.partition("=")[0]
            if "=" not in word and _takes_value(name, takes_value):
                if at >= len(args) or args[at] == "--":
                    return args
                flags.append(args[at])
                at += 1
        elif any(word.startswith(short) for short in short_with_value):
            flags.append(word)
        else:
            words.append(word)
    return [*flags, "--", *words] if words else flags


def _takes_value(name: str, takes_value: dict[str, bool]) -> bool:
    """Whether option ``name`` (or the one long option it abbreviates) takes a value."""
    if name in takes_value:
        return takes_value[name]
    longer = [n for n in takes_value if n.startswith("--") and n.startswith(name)]
    return len(longer) == 1 and takes_value[longer[0]]


def more_archives(words: list[str], final: bool) -> tuple[list[str], list[str]]:
    """The leading ``words`` that name existing archives, and the rest (the query).

    ``search`` and ``export`` take ``PATH PATH … QUERY`` so.

    With ``final`` the last word is the query's even when it names a file: a query is needed.
    """
    paths: list[str] = []
    for word in words[: len(words) - 1 if final else len(words)]:
        if word.startswith("-") or not os.path.exists(word):
            break
        paths.append(word)
    return paths, words[len(paths) :]
