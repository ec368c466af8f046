"""Benchmark the page image: time to a first picture and to a sharp one, against a plain decode.

    python -m benchmarks.page_image                       # 7,000 x 10,000 JPEG and JP2, Nordstern PDF
    python -m benchmarks.page_image --size 10000x14000 --repeat 3

For a generated newspaper-like scan (grey paper, dark word-like marks in columns; saved once
as JPEG, quality 85, and JPEG 2000 with 6 resolution levels, lossy 9-7, under --work) and for
the Nordstern page PDF when ../shared is there, each beside a plain full Pillow decode of the
same file in the same run:

* first picture: the whole page fitted to a 1,200-pixel-wide view (``images.render``);
* sharp: a 1,200 x 800 view at 1:1 in the middle of the page (the visible area only);
* pan: the next view to the right, once the sharp one is cached.

Each figure is the median of --repeat runs, each with an empty cache. Peak memory (the peak
resident size, ru_maxrss) is measured once per case in a fresh process, so it is that case's
own; tracemalloc would not see it (Pillow's and pdfium's pixels are not Python objects).
"""

from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable
from pathlib import Path

import numpy as np
from PIL import Image

from reader.formats import FolderSource
from reader.library import images
from reader.library.image_cache import RasterCache
from reader.model import Page

REPO = Path(__file__).resolve().parents[1]
NORDSTERN = (
    REPO.parent
    / "shared/samples/open-oni-mnhi-nordstern-1878-01-03/batch_mnhi_german_ver01/data"
    / "sn83045350/00295876384/1878010301/0011.pdf"
)
VIEW = (1200, 800)
CASES = ("plain", "first", "sharp", "pan")


def scan(width: int, height: int) -> Image.Image:
    """A grey newspaper-like page: paper noise, six columns of word-like marks, rules."""
    rng = np.random.default_rng(12)
    page = rng.normal(218, 6, (height, width)).clip(0, 255).astype(np.uint8)
    column = width // 6
    for col in range(6):
        left = col * column + 40
        for top in range(120, height - 120, 42):
            x = left
            while x < left + column - 120:
                word = int(rng.integers(30, 110))
                page[top : top + 26, x : x + word] = rng.integers(20, 70)
                x += word + 14
        page[80 : height - 80, col * column : col * column + 3] = 30
    return Image.fromarray(page, "L")


def make_files(work: Path, size: tuple[int, int]) -> dict[str, Path]:
    """The scan as JPEG and JP2 (made once, reused)."""
    work.mkdir(parents=True, exist_ok=True)
    files = {kind: work / f"scan-{size[0]}x{size[1]}.{kind}" for kind in ("jpg", "jp2")}
    if not all(path.exists() for path in files.values()):
        image = scan(*size)
        image.save(files["jpg"], quality=85)
        image.save(
            files["jp2"],
            irreversible=True,
            num_resolutions=6,
            quality_mode="rates",
            quality_layers=[20],
        )
    if NORDSTERN.exists():
        files["pdf"] = NORDSTERN
    return files


def views(
    full: tuple[int, int],
) -> dict[str, tuple[float, tuple[float, float, float, float] | None]]:
    """Each case's (scale, clip): fitted, the middle at 1:1, and the view right of it."""
    left, top = full[0] // 2 - VIEW[0] // 2, full[1] // 2 - VIEW[1] // 2
    middle = (left, top, left + VIEW[0], top + VIEW[1])
    right = (left + VIEW[0], top, left + 2 * VIEW[0], top + VIEW[1])
    return {"first": (VIEW[0] / full[0], None), "sharp": (1.0, middle), "pan": (1.0, right)}


def run_case(path: Path, case: str) -> float:
    """One timed run of a case with an empty cache (pan: after the sharp view is cached)."""
    source, page = FolderSource(path.parent), Page(1, image=path.name)
    if case == "plain":
        start = time.perf_counter()
        if path.suffix == ".pdf":
            images.render(source, page, 1.0, None, RasterCache())
        else:
            with Image.open(path) as image:
                image.load()
        return time.perf_counter() - start
    cache = RasterCache()
    full = images.image_size(source, page)
    assert full is not None
    chosen = views(full)
    if case == "pan":
        images.render(source, page, *chosen["sharp"], cache)
    scale, clip = chosen[case]
    start = time.perf_counter()
    images.render(source, page, scale, clip, cache)
    return time.perf_counter() - start


def peak_mb(path: Path, case: str) -> float:
    """The memory one run of the case adds at its peak, in MB, measured in a fresh process.

    The process's peak (VmHWM) is reset after the imports (Linux: /proc/self/clear_refs), so
    the figure is the case's own: its peak resident size less what the imports left resident.
    """
    code = (
        "from pathlib import Path; from benchmarks.page_image import run_case, status_kb;"
        "open('/proc/self/clear_refs', 'w').write('5'); before = status_kb('VmRSS');"
        f"run_case(Path({str(path)!r}), {case!r});"
        "print(status_kb('VmHWM') - before)"
    )
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, cwd=REPO, check=True
    )
    return int(done.stdout.split()[-1]) / 1024


def status_kb(field: str) -> int:
    """A memory figure of this process from /proc/self/status, in kB."""
    for line in Path("/proc/self/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    raise KeyError(field)


def median(repeat: int, job: Callable[[], float]) -> float:
    """The median of ``repeat`` runs of ``job`` (seconds)."""
    return statistics.median(job() for _ in range(repeat))


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0] if __doc__ else None)
    parser.add_argument("--size", default="7000x10000", help="the generated scan, WIDTHxHEIGHT")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--work", type=Path, default=Path(tempfile.gettempdir()) / "issue-reader-page-image"
    )
    parser.add_argument("--json", type=Path, help="also write the figures here")
    args = parser.parse_args(argv)
    width, height = (int(n) for n in args.size.lower().split("x"))
    files = make_files(args.work, (width, height))
    print(f"{'file':<28} {'case':<6} {'median s':>9} {'peak MB':>8}")
    results = {}
    for kind, path in files.items():
        for case in CASES:
            seconds = median(args.repeat, lambda p=path, c=case: run_case(p, c))
            peak = peak_mb(path, case)
            results[f"{kind}/{case}"] = {"seconds": round(seconds, 3), "peak_mb": round(peak)}
            print(f"{path.name:<28} {case:<6} {seconds:>9.3f} {peak:>8.0f}", flush=True)
    if args.json:
        args.json.write_text(json.dumps(results, indent=2) + "\n")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
