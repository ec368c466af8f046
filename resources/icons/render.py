"""Regenerate the icon theme files from issue-reader.svg: `python3 resources/icons/render.py` (needs rsvg-convert; uses optipng when present).

Writes hicolor/<N>x<N>/apps/<APP_ID>.png for every size the freedesktop icon theme
specification lists for applications, and copies the two hand-written SVGs to
hicolor/scalable/apps/ and hicolor/symbolic/apps/ under the app id. Edit the SVGs, never the
files under hicolor/; run this again after every edit and commit what it writes.
"""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

APP_ID = "io.github.issuereader.IssueReader"
SIZES = (16, 22, 24, 32, 48, 64, 128, 256, 512)
HERE = Path(__file__).resolve().parent
SOURCE = HERE / "issue-reader.svg"
SYMBOLIC = HERE / "issue-reader-symbolic.svg"
THEME = HERE / "hicolor"


def render(size: int) -> Path:
    """Render SOURCE to a square PNG of ``size`` pixels under THEME and return its path."""
    target = THEME / f"{size}x{size}" / "apps" / f"{APP_ID}.png"
    target.parent.mkdir(parents=True, exist_ok=True)
    subprocess.run(
        [
            "rsvg-convert",
            "--width",
            str(size),
            "--height",
            str(size),
            "--output",
            str(target),
            str(SOURCE),
        ],
        check=True,
    )
    return target


def optimise(paths: list[Path]) -> None:
    """Shrink the PNGs losslessly with optipng, if it is installed (the pixels stay the same)."""
    if shutil.which("optipng") is None:
        print("optipng not found: PNGs left as rsvg-convert wrote them", file=sys.stderr)
        return
    subprocess.run(["optipng", "-quiet", "-o7", "-strip", "all", *map(str, paths)], check=True)


def main() -> int:
    """Render every size, optimise, and copy the SVGs into the theme; 1 without rsvg-convert."""
    if shutil.which("rsvg-convert") is None:
        print("rsvg-convert not found (Debian: apt-get install librsvg2-bin)", file=sys.stderr)
        return 1
    pngs = [render(size) for size in SIZES]
    optimise(pngs)
    for source, folder, name in (
        (SOURCE, "scalable", f"{APP_ID}.svg"),
        (SYMBOLIC, "symbolic", f"{APP_ID}-symbolic.svg"),
    ):
        target = THEME / folder / "apps" / name
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copyfile(source, target)
    for path in sorted(THEME.rglob("*.*")):
        print(f"{path.stat().st_size:7d}  {path.relative_to(HERE)}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
