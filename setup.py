"""Build hook: a wheel carries ``resources/`` and ``sample_issues/`` inside the package.

An installed program has no repository beside it, so the build copies the two top-level
folders to ``reader/_data/`` (where ``reader.library.resources`` looks first). The icon
renderer and translation sources stay behind. An editable install reads the source tree's
folders directly and copies nothing. Everything else is declared in ``pyproject.toml``.
"""

from __future__ import annotations

import shutil
from pathlib import Path

from setuptools import setup
from setuptools.command.build_py import build_py

ROOT = Path(__file__).resolve().parent
# Top-level folders that travel inside the package, as reader/_data/<name>.
DATA_FOLDERS = ("resources", "sample_issues")
# Files of those folders that are tools or sources, not data: the icon renderer, and Qt
# translation sources (the program loads only the compiled .qm files).
LEFT_OUT = {Path("resources/icons/render.py")}
LEFT_OUT_SUFFIXES = (".pyc", ".ts")


def _ignore(folder: str, names: list[str]) -> set[str]:
    """For ``shutil.copytree``: the names in ``folder`` that stay out of the package."""
    here = Path(folder).resolve().relative_to(ROOT)
    return {
        name
        for name in names
        if here / name in LEFT_OUT or name == "__pycache__" or name.endswith(LEFT_OUT_SUFFIXES)
    }


class BuildPyWithData(build_py):
    """``build_py`` that also copies the data folders into the built package."""

    def run(self) -> None:
        """Build the package as usual, then add ``reader/_data``."""
        super().run()
        if getattr(self, "editable_mode", False):
            return  # an editable install finds them in the source tree
        for name in DATA_FOLDERS:
            target = Path(self.build_lib) / "reader" / "_data" / name
            shutil.rmtree(target, ignore_errors=True)
            shutil.copytree(ROOT / name, target, ignore=_ignore)


setup(cmdclass={"build_py": BuildPyWithData})
