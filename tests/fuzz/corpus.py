"""The files the fuzzer starts from: the repo's samples and, when present, a few from ../shared."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

REPO = Path(__file__).resolve().parents[2]
SHARED = REPO.parent / "shared"
# Files whose bytes are worth mutating: what the importers read.
TEXT_SUFFIXES = (".xml", ".txt", ".md", ".htm", ".html", ".shtml", ".toml")
# A unit from ../shared is kept small, so that a case costs milliseconds, not seconds.
MAX_FILE_BYTES = 1_500_000
MAX_UNIT_FILES = 5
SKIPPED_NAMES = ("provenance", "readme", "license", "licence")


@dataclass(frozen=True)
class Unit:
    """A small archive to mutate: files (relative name -> path), named after where they are from."""

    name: str
    files: tuple[tuple[str, Path], ...]


def units() -> list[Unit]:
    """Every unit, in a fixed order (the same seed makes the same cases on every machine)."""
    found = [*_repo_units(), *_shared_units()]
    return sorted(found, key=lambda unit: unit.name)


def _folder_unit(name: str, folder: Path, files: list[Path] | None = None) -> Unit:
    chosen = sorted(files if files is not None else (p for p in folder.rglob("*") if p.is_file()))
    return Unit(name, tuple((p.relative_to(folder).as_posix(), p) for p in chosen))


def _repo_units() -> list[Unit]:
    data = REPO / "tests" / "data"
    found = [
        _folder_unit(f"repo:{family.name}/{folder.name}", folder)
        for family in sorted(data.iterdir())
        if family.is_dir()
        for folder in sorted(family.iterdir())
        if folder.is_dir()
    ]
    found.append(_folder_unit("repo:sample_issues", REPO / "sample_issues"))
    return found


def _shared_units() -> list[Unit]:
    found = []
    seed = SHARED / "seed"
    if seed.is_dir():
        for path in sorted(seed.glob("*.txt"))[:2]:
            found.append(_folder_unit(f"shared:seed/{path.name}", seed, [path]))
    samples = SHARED / "samples"
    if not samples.is_dir():
        return found
    for sample in sorted(p for p in samples.iterdir() if p.is_dir()):
        by_folder: dict[Path, list[Path]] = {}
        for path in sorted(sample.rglob("*")):
            if _usable(path):
                by_folder.setdefault(path.parent, []).append(path)
        # The folder with the most readable files: an issue with its pages, a day's articles.
        if by_folder:
            folder = max(sorted(by_folder), key=lambda f: len(by_folder[f]))
            files = _first_files(by_folder[folder])
            found.append(_folder_unit(f"shared:{sample.name}", folder, files))
    return found


def _usable(path: Path) -> bool:
    if not path.is_file() or path.suffix.lower() not in TEXT_SUFFIXES:
        return False
    if path.stem.lower() in SKIPPED_NAMES:
        return False
    return path.stat().st_size <= MAX_FILE_BYTES


def _first_files(files: list[Path]) -> list[Path]:
    """A few files of a folder: issue files (METS, batch, DIDL) first, then the smallest."""
    leading = [p for p in files if any(k in p.name.lower() for k in ("mets", "batch", "mpeg21"))]
    rest = sorted((p for p in files if p not in leading), key=lambda p: (p.stat().st_size, p.name))
    return (leading + rest)[:MAX_UNIT_FILES]
