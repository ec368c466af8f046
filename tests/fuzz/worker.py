"""The child process that runs fuzz cases: memory-limited, one JSON line per case started and ended.

Run by :mod:`tests.fuzz.runner` as ``python -m tests.fuzz.worker``; reads ``{"seed", "numbers",
"folder", "memory"}`` from stdin. The parent kills it when a case runs past its time.
"""

from __future__ import annotations

import json
import resource
import shutil
import sys
import traceback
from pathlib import Path

from reader.library import Library
from reader.model import CorruptArchive, ReaderError
from tests.fuzz.cases import Case, make_case
from tests.fuzz.corpus import units

# Queries for the search of a case: a word, a phrase, an OR, a field and a negation.
ARTICLES_READ = 10
QUERIES = ("the", '"de la"', "供热 OR 会议", "title:news -x", "年")


class Finding(Exception):
    """A case ended in something other than a result or a problem entry."""


def run_case(case: Case, index_root: Path) -> str:
    """Open the case through the library, read articles back, search it; say what it gave.

    Raises:
        Finding: The archive was changed, or an importer raised (a problem entry saying
            "internal error" is a bug met, caught by the loader's last line of defence).
    """
    before = _tree(case.path)
    try:
        library = Library.open(case.path, use_cache=False)
    except CorruptArchive as exc:  # the archive as a whole is unreadable: one clear error
        return f"refused: {exc.reason.code}"
    with library:
        internal = [p for p in library.problems if p.code == "importer_failed"]
        if internal:
            raise Finding(f"{internal[0].source}: {internal[0].reason}")
        read = unreadable = 0
        # The first and last articles of each issue, a few in all: reading an article parses
        # its file again, so reading all 12,000 articles of a repeated page would measure the
        # harness, not the reader.
        chosen = [a for i in library.issues for a in (*i.articles[:3], *i.articles[3:][-2:])]
        for article in chosen[:ARTICLES_READ]:
            try:
                library.original_text(article.id)
                read += 1
            except CorruptArchive as exc:
                if exc.reason.code == "importer_failed":
                    raise Finding(f"reading {article.id}: {exc.reason}") from exc
                unreadable += 1
        hits = -1
        if case.search:
            library.update_index(library.index_dir(index_root))
            for query in QUERIES:
                try:
                    hits = library.search(query).total
                except ReaderError as exc:
                    raise Finding(f"search {query!r}: {exc}") from exc
    if _tree(case.path) != before:
        raise Finding("the archive was written to")
    summary = f"{len(library.issues)} issues, {read} read, {unreadable} unreadable"
    return f"{summary}, {len(library.problems)} problems" + (f", {hits} hits" if hits >= 0 else "")


def _tree(path: Path) -> list[tuple[str, int]]:
    if path.is_file():
        return [(path.name, path.stat().st_size)]
    return sorted((str(p.relative_to(path)), p.stat().st_size) for p in path.rglob("*"))


def _say(**fields: object) -> None:
    sys.stdout.write(json.dumps(fields) + "\n")
    sys.stdout.flush()


def main() -> int:
    """Run the cases the parent sent; report each one's start and end on stdout."""
    job = json.loads(sys.stdin.readline())
    memory = int(job["memory"])
    resource.setrlimit(resource.RLIMIT_AS, (memory, memory))
    folder = Path(job["folder"])
    corpus = units()
    for number in job["numbers"]:
        case_folder = folder / f"case-{number}"
        try:
            case = make_case(int(job["seed"]), number, corpus, folder)
        except MemoryError:  # the mutation itself, not the reader: a smaller case next time
            _say(start=number, description="")
            _say(end=number, ok=True, detail="skipped: the mutation did not fit in memory")
            continue
        _say(start=number, description=case.description)  # the case's time starts now
        try:
            detail = run_case(case, folder / "indexes")
            _say(end=number, ok=True, detail=detail, description=case.description)
        except Finding as exc:
            _say(end=number, ok=False, detail=str(exc), description=case.description)
        except BaseException as exc:  # every escape is what the fuzzer looks for
            trace = "".join(traceback.format_exception(exc, limit=-8))
            _say(end=number, ok=False, detail=trace, description=case.description)
        finally:
            shutil.rmtree(case_folder, ignore_errors=True)
            shutil.rmtree(folder / "indexes", ignore_errors=True)
    return 0


if __name__ == "__main__":
    sys.exit(main())
