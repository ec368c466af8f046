"""The standalone bundle (packaging/): built, then run with no Python around it, headless.

Building takes about a minute: these run only with ``ISSUE_READER_BUNDLE_TESTS=1`` (CI's
bundle step). ``ISSUE_READER_BUNDLE=dist/issue-reader`` tests a bundle built already.
"""

from __future__ import annotations

import filecmp
import json
import os
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest
from PySide6.QtCore import QTranslator

import reader
from reader.library import Library
from reader.library.catalogue import CODE_DIGEST_FILE, CODE_FOLDERS, source_digest
from reader.library.resources import APP_ID, ICON_SIZES
from tests.generator.generate import generate

pytestmark = [
    pytest.mark.bundle,
    pytest.mark.skipif(
        os.environ.get("ISSUE_READER_BUNDLE_TESTS") != "1",
        reason="builds the bundle: set ISSUE_READER_BUNDLE_TESTS=1",
    ),
]

REPO = Path(__file__).resolve().parents[2]
WORDS = ("供热", "長子")
# A guard on leanness: the bundle measured 176 MB (packaging/README.md).
MAX_MEGABYTES = 200


@pytest.fixture(scope="module")
def bundle(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """dist/issue-reader/ as packaging/build.sh builds it (into a temporary folder)."""
    given = os.environ.get("ISSUE_READER_BUNDLE")
    if given:
        return Path(given).resolve()
    dist, work = tmp_path_factory.mktemp("dist"), tmp_path_factory.mktemp("work")
    env = {**os.environ, "DISTPATH": str(dist), "WORKPATH": str(work), "PYTHON": sys.executable}
    subprocess.run(["bash", str(REPO / "packaging" / "build.sh")], env=env, check=True, timeout=900)
    return dist / "issue-reader"


@pytest.fixture(scope="module")
def venv_totals(tmp_path_factory: pytest.TempPathFactory) -> dict[str, int]:
    """The hit counts of WORDS on the sample archive, through reader.library in this process."""
    with Library.open(REPO / "sample_issues", use_cache=False) as library:
        library.use_index_dir(tmp_path_factory.mktemp("venv-index"))
        library.update_index()
        return {word: library.search(word).total for word in WORDS}


def inside(bundle: Path, relative: str) -> Path:
    """A file of the bundle, by its path relative to the package folders (``_internal``)."""
    return bundle / "_internal" / relative


def bare_env(home: Path, server: str = "never") -> dict[str, str]:
    """A bare environment (no Python, venv or display) with its per-user folders in ``home``.

    A slow search starts no server unless ``server`` says so (ISSUE_READER_SERVER): one
    started by a test would outlive it.
    """
    return {
        "PATH": "/usr/bin:/bin",
        "HOME": str(home),
        "XDG_CACHE_HOME": str(home / "cache"),
        "XDG_CONFIG_HOME": str(home / "config"),
        "XDG_DATA_HOME": str(home / "data"),
        "XDG_RUNTIME_DIR": str(home / "run"),
        "ISSUE_READER_SERVER": server,
        "QT_QPA_PLATFORM": "offscreen",
        "LANG": "C.UTF-8",
    }


def run(bundle: Path, home: Path, *args: str, timeout: float = 300, server: str = "never") -> str:
    """Run the frozen app in :func:`bare_env`; its stdout."""
    done = subprocess.run(
        [str(bundle / "issue-reader"), *args],
        cwd=home,
        env=bare_env(home, server),
        capture_output=True,
        text=True,
        timeout=timeout,
    )
    assert done.returncode == 0, done.stderr[-3000:]
    return done.stdout


def as_json(output: str) -> Any:
    return json.loads(output)


def test_the_bundle_carries_what_the_app_loads_and_no_source(bundle: Path) -> None:
    assert os.access(bundle / "issue-reader", os.X_OK)
    data = "reader/_data"
    for size in ICON_SIZES:
        assert inside(bundle, f"{data}/resources/icons/hicolor/{size}x{size}/apps/{APP_ID}.png")
    for name in (f"{APP_ID}.desktop", f"{APP_ID}.metainfo.xml", "icons/issue-reader.svg"):
        assert filecmp.cmp(REPO / "resources" / name, inside(bundle, f"{data}/resources/{name}"))
    sample = inside(bundle, f"{data}/sample_issues")
    assert filecmp.dircmp(REPO / "sample_issues", sample).diff_files == []
    assert {p.name for p in sample.iterdir()} == {
        p.name for p in (REPO / "sample_issues").iterdir()
    }
    for qm in (REPO / "reader").rglob("*.qm"):
        assert filecmp.cmp(qm, inside(bundle, qm.relative_to(REPO).as_posix()), shallow=False)
    translations = inside(bundle, "PySide6/Qt/translations")
    assert (translations / "qtbase_zh_CN.qm").is_file()
    assert not list(translations.glob("qtbase_de.qm"))  # only the languages the app ships
    assert inside(bundle, "opencc_purepy/dicts/dictionary_maxlength.json").is_file()
    # PDF pages: pypdfium2 reads both version files at import and loads pdfium with ctypes.
    assert inside(bundle, "pypdfium2/version.json").is_file()
    assert inside(bundle, "pypdfium2_raw/version.json").is_file()
    assert list(inside(bundle, "pypdfium2_raw").glob("*pdfium*"))
    # Page images: Pillow, its format plugins and the codec libraries its wheel carries.
    assert list(inside(bundle, "PIL").glob("_imaging.*"))
    assert [p for p in bundle.rglob("libopenjp2*") if p.is_file()]
    digest = inside(bundle, f"reader/{CODE_DIGEST_FILE.as_posix()}").read_text().strip()
    assert digest == source_digest(REPO / "reader", CODE_FOLDERS)

    # Links (PyInstaller links some libraries into place) take no room of their own.
    files = [p for p in bundle.rglob("*") if p.is_file() and not p.is_symlink()]
    names = {p.name for p in files}
    assert not [p for p in files if p.suffix == ".py" and "reader" in p.parts]
    assert "render.py" not in names
    assert not [
        n for n in names if n.startswith(("libgtk", "libQt6Qml", "libQt6Pdf", "libQt6Quick"))
    ]
    assert not [n for n in names if n.startswith(("_tkinter", "libtk", "libtcl"))]
    megabytes = sum(p.stat().st_size for p in files) / 2**20
    assert megabytes < MAX_MEGABYTES, f"{megabytes:.0f} MB"


def test_the_frozen_cli_indexes_and_searches_as_the_venv_does(
    bundle: Path, venv_totals: dict[str, int], tmp_path: Path
) -> None:
    sample = str(inside(bundle, "reader/_data/sample_issues"))
    index_dir = str(tmp_path / "index")
    built = as_json(run(bundle, tmp_path, "index", sample, "--index-dir", index_dir, "--json"))
    assert built["rebuilt"] and built["articles"] == 8
    frozen = {
        word: as_json(
            run(bundle, tmp_path, "search", sample, word, "--index-dir", index_dir, "--json")
        )
        for word in WORDS
    }
    assert {word: result["total"] for word, result in frozen.items()} == venv_totals
    # The sample prints 长子: the Traditional query finds it through OpenCC's table, which
    # the frozen app built from its own copy of the dictionary (its cache started empty).
    assert venv_totals["長子"] > 0
    # A search starts a server from the frozen app (its executable, not python -m) that the
    # next search asks; serve --stop stops it.
    (tmp_path / "run").mkdir(mode=0o700)
    where = (sample, "--index-dir", index_dir)

    def serve(option: str) -> subprocess.CompletedProcess[str]:
        return subprocess.run(
            [str(bundle / "issue-reader"), "serve", option, *where],
            env=bare_env(tmp_path),
            capture_output=True,
            text=True,
            check=False,
        )

    run(bundle, tmp_path, "search", *where, WORDS[0], "--json", server="always")
    try:
        status = serve("--status")
        for _ in range(150):  # the server answers once its index is open
            if status.returncode == 0:
                break
            time.sleep(0.2)
            status = serve("--status")
        assert status.returncode == 0, status.stdout + status.stderr
        assert "served by process" in status.stdout
        served = run(bundle, tmp_path, "search", *where, WORDS[0], "--json", server="auto")
        assert as_json(served) == frozen[WORDS[0]]
    finally:
        serve("--stop")
    assert serve("--status").returncode == 1
    assert list((tmp_path / "cache" / "issue-reader").glob("t2s-fold*-opencc*.json"))
    version = run(bundle, tmp_path, "--version").split()
    assert version == ["issue-reader", reader.__version__]


def test_the_frozen_cli_builds_a_large_index_in_worker_processes(
    bundle: Path, tmp_path: Path
) -> None:
    archive = tmp_path / "archive"
    generate(archive, issues=126)  # 2,016 articles, built by two processes as asked
    index_dir = tmp_path / "index"
    # About 20 s; a worker that cannot start leaves the build waiting for it (hence the timeout).
    built = as_json(
        run(
            bundle,
            tmp_path,
            "index",
            str(archive),
            "--index-dir",
            str(index_dir),
            "--workers",
            "2",
            "--json",
            timeout=150,
        )
    )
    assert built["articles"] == 2016
    assert len(list((index_dir / "whoosh").glob("*.trm"))) >= 2  # a segment per process
    # 县 is in most articles: its postings in each segment are packed (zstd, w3/packed.py),
    # which the frozen app reads only if zstandard's C backend travelled.
    for query in ("供热", "县"):
        frozen = as_json(
            run(
                bundle,
                tmp_path,
                "search",
                str(archive),
                query,
                "--index-dir",
                str(index_dir),
                "--json",
            )
        )
        # The venv reads the frozen app's index and finds the same.
        with Library.open(archive, use_cache=False) as library:
            library.use_index_dir(index_dir)
            assert library.search(query).total == frozen["total"] > 0


def test_the_frozen_window_indexes_searches_and_speaks_chinese(
    bundle: Path, venv_totals: dict[str, int], tmp_path: Path
) -> None:
    sample = str(inside(bundle, "reader/_data/sample_issues"))
    seen = as_json(run(bundle, tmp_path, "--self-test", sample, *WORDS).strip().splitlines()[-1])
    assert seen["ok"] and seen["frozen"]
    # Built by the window's spawned process: a frozen child needs freeze_support().
    assert seen["opened"] and seen["index_process"] and seen["indexed"]
    assert seen["index_stopped"] == []
    assert seen["articles"] == 8
    assert seen["totals"] == venv_totals
    assert seen["language"] == "zh_CN"
    ours = QTranslator()
    assert ours.load(str(REPO / "reader" / "ui" / "i18n" / "reader_zh_CN.qm"))
    assert seen["view_menu"] == ours.translate("Menus", "&View") != "&View"
    assert seen["qt_cancel"] == "取消"  # Qt's own qtbase_zh_CN.qm
    assert all(seen["icons"].values()) and len(seen["icons"]) == len(ICON_SIZES) + 1
    assert seen["sample_archive"] and seen["window_icon"]
    assert seen["version"] == reader.__version__
    assert seen["code_digest"] == source_digest(REPO / "reader", CODE_FOLDERS)
    assert seen["shown_after"] is not None
