"""A built wheel carries the icons, desktop entry, metainfo, translations and sample archive."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
import zipfile
from pathlib import Path

import pytest

from reader.library.resources import APP_ID, ICON_SIZES

REPO = Path(__file__).resolve().parents[2]
# What a build reads: the rest of the repository (tests, docs, benchmarks) is not needed.
BUILD_INPUTS = (
    "pyproject.toml",
    "setup.py",
    "MANIFEST.in",
    "README.md",
    "reader",
    "resources",
    "sample_issues",
)
DATA = "reader/_data"


@pytest.fixture(scope="module")
def wheel(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """A wheel built by pip from a copy of the repository (the build never writes into it)."""
    source = tmp_path_factory.mktemp("source")
    for name in BUILD_INPUTS:
        path = REPO / name
        if path.is_dir():
            ignore = shutil.ignore_patterns("__pycache__", "*.pyc", "_data")
            shutil.copytree(path, source / name, ignore=ignore)
        else:
            shutil.copy2(path, source / name)
    out = tmp_path_factory.mktemp("wheels")
    # With build isolation: setuptools as pyproject.toml asks for it, as `pip install .` does.
    subprocess.run(
        [sys.executable, "-m", "pip", "wheel", "-q", "--no-deps", "-w", str(out), str(source)],
        check=True,
        timeout=300,
    )
    (built,) = out.glob("issue_reader-*.whl")
    return built


def test_the_wheel_carries_the_data_files(wheel: Path) -> None:
    names = set(zipfile.ZipFile(wheel).namelist())
    icons = f"{DATA}/resources/icons/hicolor"
    for size in ICON_SIZES:
        assert f"{icons}/{size}x{size}/apps/{APP_ID}.png" in names, size
    assert f"{icons}/scalable/apps/{APP_ID}.svg" in names
    assert f"{icons}/symbolic/apps/{APP_ID}-symbolic.svg" in names
    assert f"{DATA}/resources/{APP_ID}.desktop" in names
    assert f"{DATA}/resources/{APP_ID}.metainfo.xml" in names
    assert "reader/ui/i18n/reader_zh_CN.qm" in names
    assert f"{DATA}/sample_issues/archive.toml" in names
    samples = {p.name for p in (REPO / "sample_issues").iterdir()}
    assert {n.rsplit("/", 1)[1] for n in names if n.startswith(f"{DATA}/sample_issues/")} == samples
    # The icon renderer is a developer's tool; translation sources are not loaded.
    assert not [n for n in names if n.endswith(("render.py", ".ts", ".pyc"))]
    assert not [n for n in names if n.startswith(("tests/", "benchmarks/", "resources/"))]


def test_the_installed_wheel_finds_its_data(wheel: Path, tmp_path: Path) -> None:
    target = tmp_path / "site"
    pip = [sys.executable, "-m", "pip", "install", "-q", "--no-deps", "--no-index"]
    subprocess.run(
        [*pip, "--target", str(target), str(wheel)],
        check=True,
        timeout=120,
    )
    probe = (
        "import json, reader\n"
        "from reader.library import resources as r\n"
        "print(json.dumps({'package': reader.__file__, 'sample': str(r.sample_archive()),\n"
        "    'icon': str(r.icon_file(16)), 'desktop': str(r.desktop_file()),\n"
        "    'metainfo': str(r.metainfo_file()), 'version': reader.__version__}))\n"
    )
    # Run from elsewhere, the installed copy first on the path: not this source tree.
    done = subprocess.run(
        [sys.executable, "-c", probe],
        cwd=tmp_path,
        env={"PYTHONPATH": str(target), "PATH": "/usr/bin:/bin"},
        capture_output=True,
        text=True,
        check=True,
        timeout=60,
    )
    seen = json.loads(done.stdout)
    installed = target / "reader"
    assert Path(seen["package"]).parent == installed
    assert Path(seen["sample"]) == installed / "_data" / "sample_issues"
    assert (Path(seen["sample"]) / "archive.toml").is_file()
    for key in ("icon", "desktop", "metainfo"):
        assert Path(seen[key]).is_file(), key
        assert Path(seen[key]).is_relative_to(installed / "_data" / "resources"), key
    assert Path(seen["icon"]).read_bytes().startswith(b"\x89PNG")
    assert seen["version"] != "unknown"  # the wheel's metadata went in with it
