"""``issue-reader collections [NAME] [--export FORMAT] [-o OUT]``: this user's collections, listed or exported.

Without NAME it lists the collections; with NAME, that collection's items (their archive
marked when it is not where it was); with ``--export``, it writes the items (from every
archive they came from) as ``export`` writes hits, each item's note and tags included. An
item whose archive or article is gone is left out and named on stderr, and the rest is still
written. ``--relink OLD NEW`` says an archive moved (as Relink Archive… in the window). The
collections are the window's (kept per user, never in an archive).
"""

from __future__ import annotations

import argparse
import sys
from typing import TYPE_CHECKING

from reader.cli import tables
from reader.cli.output import counted, print_json
from reader.library.choices import FILE_FORMATS, FORMATS
from reader.model import ReaderError

if TYPE_CHECKING:  # the library is imported when the command runs, not at --help
    from reader.library.collections import Item, Store


def add_arguments(parser: argparse.ArgumentParser) -> None:
    """The arguments of ``collections`` (it takes no archive PATH)."""
    parser.add_argument(
        "name", metavar="NAME", nargs="?", help="a collection (without it: list them all)"
    )
    parser.add_argument(
        "--export",
        metavar="FORMAT",
        choices=FORMATS,
        help=f"write it as one of: {', '.join(FORMATS)}",
    )
    parser.add_argument(
        "-o",
        "--out",
        metavar="OUT",
        help="the file to write, in a folder that exists (text, markdown: a folder, or a .zip); "
        "without it a single-file format goes to stdout",
    )
    parser.add_argument(
        "--relink",
        nargs=2,
        metavar=("OLD", "NEW"),
        help="the archive kept from at OLD (a folder, zip or file) is now at NEW",
    )
    parser.add_argument("--json", action="store_true", help="print JSON (the lists)")
    parser.epilog = (
        "Items whose archive is missing (moved: see --relink) or no "
        "longer holds the article are left out and named on stderr; the rest is written and "
        "the exit status is 0. Nothing is ever written into an archive."
    )


def collections(args: argparse.Namespace) -> int:
    """List the collections, list one, or export one."""
    from reader.library.collections import Store

    if args.out and not args.export:
        raise ReaderError("--out needs --export FORMAT")
    if args.export and not args.name:
        raise ReaderError("--export needs the NAME of a collection")
    store = _opened(Store)
    try:
        if args.relink:
            return _relink(store, *args.relink)
        if not args.name:
            return _list_collections(store, args.json)
        items = _items(store, args.name)
        if args.export:
            return _export(items, args.export, args.out)
        return _list_items(items, args.json)
    finally:
        store.close()


def _opened(store: type[Store]) -> Store:
    """This user's collections; a file that cannot be made or read is a one-line error."""
    import sqlite3

    from reader.library import paths
    from reader.library.destination import failed

    file = paths.collections_file()
    try:
        return store()
    except (OSError, sqlite3.Error) as exc:
        # An OSError is the folder's, made for the file: named when it is another, or in the way.
        reason = failed(str(file), exc).reason if isinstance(exc, OSError) else str(exc)
        raise ReaderError(f"cannot open your collections ({file}): {reason}") from exc


def _relink(store: Store, old: str, new: str) -> int:
    import sqlite3
    from pathlib import Path

    key = store.known_archive(old)
    if key is None:
        raise ReaderError(f"nothing in your collections was kept from an archive at {old}")
    if not Path(new).expanduser().exists():
        raise ReaderError(f"there is nothing at {new}")
    count = sum(item.archive_id == key for item in store.items())
    try:
        store.relink(key, new)
    except sqlite3.Error as exc:  # a read-only file, or a full disk
        raise ReaderError(
            f"cannot keep the new place in your collections ({store.path}): {exc}"
        ) from exc
    print(f"{counted(count, 'item')} now kept from {Path(new).expanduser().resolve()}")
    return 0


def _items(store: Store, name: str) -> list[Item]:
    from reader.library.collection_export import no_collection

    if name not in store.collections():
        raise no_collection(name, store.collections())
    return store.items(name)


def _list_collections(store: Store, as_json: bool) -> int:
    rows = []
    for name in store.collections():
        items = store.items(name)
        missing = sum(not item.archive_present for item in items)
        archives = len({item.archive_id for item in items})
        rows.append({"name": name, "items": len(items), "archives": archives, "missing": missing})
    if as_json:
        return print_json(rows)
    if not rows:
        print("No collections yet (the window keeps articles in them: Ctrl+B).", file=sys.stderr)
        return 0
    table = [[str(row[key]) for key in ("name", "items", "archives", "missing")] for row in rows]
    print(tables.render(["Collection", "Items", "Archives", "Missing"], table))
    return 0


def _list_items(items: list[Item], as_json: bool) -> int:
    if as_json:
        return print_json(
            [
                {
                    "article_id": item.article_id,
                    "issue_id": item.issue_id,
                    "date": item.date,
                    "title": item.title,
                    "publication": item.publication,
                    "archive": item.archive_path,
                    "archive_present": item.archive_present,
                    "note": item.note,
                    "tags": list(item.tags),
                    "added": item.added,
                }
                for item in items
            ]
        )
    table = [
        [
            item.date,
            item.title,
            item.archive_path + ("" if item.archive_present else " (missing)"),
            " ".join(item.note.split()),
            ", ".join(item.tags),
        ]
        for item in items
    ]
    print(tables.render(["Date", "Title", "Archive", "Note", "Tags"], table))
    return 0


def _export(items: list[Item], fmt: str, out: str | None) -> int:
    from reader.library.collection_export import CollectionEntries, Skipped, export_items
    from reader.library.export import write_stream

    skipped: tuple[Skipped, ...]
    if not out:
        if fmt not in FILE_FORMATS:
            raise ReaderError(f"--export {fmt} writes a folder or a .zip: give --out")
        with CollectionEntries(items) as source:
            write_stream(source, fmt, sys.stdout, kept=True)
            skipped = tuple(source.skipped)
    else:
        done = export_items(items, fmt, out)
        skipped = done.skipped
        print(f"{counted(done.written, 'article')} written to {out}", file=sys.stderr)
    for left_out in skipped:
        print(f"skipped: {left_out.text}", file=sys.stderr)
    return 0
