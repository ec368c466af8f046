"""The command line starts fast: what --help, --version and a search import, and many queries at once.

No times are asserted: each command runs in a fresh interpreter, which then names the modules
it imported; a heavy one (Qt, the index, the importers) showing up is the regression.
"""

from __future__ import annotations

import importlib.metadata
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from reader.cli import main
from tests.conftest import REPO, SAMPLE_ISSUES

# Run a command as ``issue-reader`` does, then print the top-level modules it imported.
_PROBE = """
import json, sys
from reader.__main__ import main
code = main(sys.argv[1:])
print("MODULES " + json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
print("ALL " + json.dumps(sorted(sys.modules)))
"""
NEVER_IN_A_COMMAND = {"PySide6", "shiboken6", "PIL", "pypdfium2"}
HEAVY = {"numpy", "whoosh", "lxml", "charset_normalizer", "opencc_purepy", *NEVER_IN_A_COMMAND}


def imported(*argv: str, stdin: str = "") -> tuple[str, set[str], set[str]]:
    """Run ``issue-reader ARGV`` in a fresh interpreter: its output, top-level modules, all."""
    done = subprocess.run(
        [sys.executable, "-c", _PROBE, *argv],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=REPO,
        env=os.environ.copy(),
        check=False,
    )
    out, _, rest = done.stdout.rpartition("MODULES ")
    modules, _, every = rest.partition("\nALL ")
    assert modules, done.stderr
    return out, set(json.loads(modules)), set(json.loads(every))


# What --help and --version need none of: the model's classes (dataclasses), the other
# commands' modules, multiprocessing (a frozen app's only), importlib.metadata (the version
# is read from the .dist-info).
NOT_FOR_HELP = {"dataclasses", "multiprocessing", "pickle", "difflib"}
# What a search on a current index needs none of: the build, the scan of unindexed issues,
# the misread suggestions, navigation, several archives, the metadata lookup, the parser of
# the archive's settings (read with its catalogue).
NOT_FOR_A_SEARCH = {
    "tomllib",
    "reader.index.build",
    "reader.index.chunks",
    "reader.index.vectors",
    "reader.index.w3.writer",
    "reader.index.pooling",
    "reader.index.scan",
    "reader.index.partial",
    "reader.library.provisional",
    "reader.library.misreads",
    "reader.library.navigation",
    "reader.formats.publications",
    "reader.library.many",
    "reader.cli.aliases",
    "reader.cli.collecting",
}


@pytest.mark.parametrize(
    "argv", [["--version"], ["--help"], ["search", "--help"], ["collections", "--help"], ["nosuch"]]
)
def test_help_and_version_import_nothing_heavy(argv: list[str]) -> None:
    out, modules, reader = imported(*argv)
    assert "issue-reader" in out or argv == ["nosuch"]
    assert not modules & HEAVY
    assert not {n for n in reader if n.startswith(("reader.index", "reader.ui"))}
    assert "reader.formats.registry" not in reader  # the importers
    if argv[0] != "collections":  # the collections command's module names its formats
        assert "reader.cli.collecting" not in reader and "reader.cli.aliases" not in reader


@pytest.mark.parametrize("argv", [["--version"], ["--help"]])
def test_help_and_version_import_only_argparse_and_the_parser(argv: list[str]) -> None:
    out, modules, reader = imported(*argv)
    assert out.startswith(("issue-reader 0", "usage: issue-reader"))
    assert not modules & NOT_FOR_HELP
    assert {n for n in reader if n.startswith("reader")} <= {
        "reader",
        "reader.__main__",
        "reader.cli",
        "reader.cli.parser",
        "reader.cli.argparsing",
        "reader.cli.export_arguments",
        "reader.cli.help_texts",
        "reader.lazy",
        "reader.library",
        "reader.library.choices",
        "reader.model",
        "reader.model.vocabulary",
        "reader.versions",
    }
    assert "importlib.metadata" not in reader


def test_the_version_is_the_installed_distributions() -> None:
    out, _, _ = imported("--version")
    assert out.strip() == f"issue-reader {importlib.metadata.version('issue-reader')}"


@pytest.fixture
def archive(tmp_path: Path) -> Path:
    """A writable copy of the bundled seed archive, indexed."""
    root = tmp_path / "archive"
    shutil.copytree(SAMPLE_ISSUES, root)
    index = subprocess.run(
        [sys.executable, "-m", "reader", "index", str(root)],
        capture_output=True,
        text=True,
        check=False,
    )
    assert index.returncode == 0, index.stderr
    return root


def test_a_search_on_a_current_index_reads_no_catalogue_and_no_importer(archive: Path) -> None:
    first, _, _ = imported("search", str(archive), "供热", "--json")
    catalogues = list((Path(os.environ["XDG_CACHE_HOME"]) / "issue-reader").rglob("*.pickle"))
    assert catalogues
    for file in catalogues:  # the catalogue cache gone: a search that read it would write it
        file.unlink()
    out, modules, reader = imported("search", str(archive), "供热", "--json")
    assert json.loads(out) == json.loads(first)
    assert json.loads(out)["total"] == 1
    assert not any(file.exists() for file in catalogues)
    assert not modules & NEVER_IN_A_COMMAND
    assert not modules & {"lxml", "charset_normalizer", "multiprocessing"}
    assert "importlib.metadata" not in reader
    assert "reader.formats.registry" not in reader
    assert not reader & NOT_FOR_A_SEARCH


# Whoosh's searching and query modules (and through them its English stemmer): a search
# through whoosh reads the index with its readers and matches and scores with its own code.
WHOOSH_UNUSED = {"whoosh.searching", "whoosh.query", "whoosh.lang.morph_en"}


def test_a_search_through_whoosh_imports_no_whoosh_searcher_or_query(archive: Path) -> None:
    imported("search", str(archive), "供热", "--json")  # the catalogue cached
    for saved in (Path(os.environ["XDG_CACHE_HOME"]) / "issue-reader").rglob("*-quick.bin"):
        saved.unlink()  # no state for the direct reading: this search goes through whoosh
    out, _, reader = imported("search", str(archive), "供热", "--json")
    found = json.loads(out)
    assert found["total"] == 1
    assert found["hits"][0]["title"] == "我县召开供热工程项目协调会"
    assert "whoosh.reading" in reader  # the index was read in this process
    assert not reader & WHOOSH_UNUSED


def test_the_next_search_reads_the_files_without_numpy_or_whoosh(archive: Path) -> None:
    for saved in (Path(os.environ["XDG_CACHE_HOME"]) / "issue-reader").rglob("*-quick.bin"):
        saved.unlink()
    first, _, through = imported("search", str(archive), "供热", "--json")
    assert "whoosh.reading" in through  # and it saved what the next search needs
    out, modules, reader = imported("search", str(archive), "供热", "--json")
    assert json.loads(out) == json.loads(first)
    assert "reader.index.quick" in reader
    assert not modules & {"numpy", "whoosh"}


def test_the_first_search_after_index_reads_the_files_directly(archive: Path) -> None:
    # The archive fixture ran `issue-reader index`, which saved what the search needs.
    out, modules, reader = imported("search", str(archive), "供热", "--json")
    assert json.loads(out)["total"] == 1
    assert "reader.index.quick" in reader
    assert not modules & {"numpy", "whoosh"}


def test_a_changed_archive_is_read_and_indexed_before_the_search(archive: Path) -> None:
    imported("search", str(archive), "供热", "--json")
    issue = next(archive.glob("*.txt"))
    issue.write_text(issue.read_text(encoding="utf-8").replace("供热", "供暖"), encoding="utf-8")
    out, _, _ = imported("search", str(archive), "供热", "--json")
    assert json.loads(out)["total"] == 0


def test_queries_from_a_file_and_from_stdin_give_one_json_line_each(
    archive: Path, tmp_path: Path
) -> None:
    queries = ["供热", "", "title:(", "政府"]
    file = tmp_path / "queries.txt"
    file.write_text("\n".join(queries) + "\n", encoding="utf-8")
    single = {
        query: json.loads(imported("search", str(archive), query, "--json")[0])
        for query in ("供热", "政府")
    }
    for argv, stdin in (
        (["--queries", str(file)], ""),
        (["--stdin"], file.read_text(encoding="utf-8")),
    ):
        out, _, _ = imported("search", str(archive), *argv, stdin=stdin)
        lines = [json.loads(line) for line in out.splitlines()]
        assert [line["query"] for line in lines] == ["供热", "title:(", "政府"]
        assert "error" in lines[1]
        for line in (lines[0], lines[2]):
            assert {k: v for k, v in line.items() if k != "query"} == single[line["query"]]


def test_queries_given_two_ways_are_refused(archive: Path, tmp_path: Path) -> None:
    done = subprocess.run(
        [sys.executable, "-m", "reader", "search", str(archive), "供热", "--stdin"],
        capture_output=True,
        text=True,
        input="政府\n",
        check=False,
    )
    assert done.returncode == 1
    assert "one way" in done.stderr


def test_a_queries_file_that_cannot_be_read_is_said_plainly(
    archive: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    missing = tmp_path / "none.txt"
    latin1 = tmp_path / "latin1.txt"
    latin1.write_bytes("café\n".encode("latin-1"))
    for file, why in ((missing, "No such file or directory"), (latin1, "it is not UTF-8 text")):
        assert main(["search", str(archive), "--queries", str(file)]) == 1
        err = capsys.readouterr().err
        assert err.strip().endswith(f"cannot read the queries in {file}: {why}"), err
        assert "Errno" not in err and "codec" not in err


@pytest.mark.skipif(not Path("/proc/self/task").is_dir(), reason="counts threads in /proc")
@pytest.mark.skipif((os.cpu_count() or 1) < 2, reason="OpenBLAS starts no thread on one core")
def test_importing_numpy_through_the_app_starts_no_blas_threads() -> None:
    count_threads = "import os, reader, numpy; print(len(os.listdir('/proc/self/task')))"
    env = {k: v for k, v in os.environ.items() if not k.endswith("_NUM_THREADS")}
    threads = subprocess.run(
        [sys.executable, "-c", count_threads], env=env, capture_output=True, text=True, check=True
    )
    assert threads.stdout.strip() == "1"
    # The user's own choice stands.
    chosen = {**env, "OPENBLAS_NUM_THREADS": "2"}
    threads = subprocess.run(
        [sys.executable, "-c", count_threads],
        env=chosen,
        capture_output=True,
        text=True,
        check=True,
    )
    assert threads.stdout.strip() == "2"


def test_a_cache_folder_that_cannot_be_made_does_not_stop_a_search(
    archive: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    blocked = tmp_path / "a-file"
    blocked.write_text("not a folder\n")
    monkeypatch.setenv("XDG_CACHE_HOME", str(blocked))  # nothing can be kept below it
    out, _, _ = imported(
        "search", str(archive), "供热", "--json", "--index-dir", str(tmp_path / "ix")
    )
    assert json.loads(out)["total"] == 1
