"""How responsive the window stays while an archive is indexed: event-loop stalls, p50/p95/max.

Opens a generated archive in the real window (offscreen), indexing in a spawned process as the
app does, or in the window's worker thread for comparison, while a 10 ms timer records by how
much each tick comes late. Settings and the index go to a temporary folder.

    python -m benchmarks.ui_stalls --issues 200            # spawned process (the app's way)
    python -m benchmarks.ui_stalls --issues 200 --thread   # a worker thread, for comparison
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
from pathlib import Path


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--issues", type=int, default=200)
    parser.add_argument("--thread", action="store_true", help="index in a thread, not a process")
    parser.add_argument(
        "--archive", type=Path, help="an existing archive instead of a generated one"
    )
    args = parser.parse_args(argv)
    os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")

    from PySide6.QtWidgets import QApplication

    from reader.ui.app.window import MainWindow
    from reader.ui.core import settings
    from reader.ui.core.tasks import SyncExecutor
    from tests.generator.generate import generate
    from tests.ui.stalls import StallMeter

    with tempfile.TemporaryDirectory() as scratch:
        work = Path(scratch)
        archive = args.archive
        if archive is None:
            archive = work / "archive"
            generate(archive, issues=args.issues)
        settings.configure(work / "settings.ini")
        app = QApplication.instance() or QApplication(sys.argv[:1])
        # Opening runs at once (it is not what is measured); indexing then runs in the
        # background, in a process or in the window's worker thread.
        window = MainWindow(
            index_root=work / "index",
            executor=None if args.thread else SyncExecutor(),
            index_in_process=not args.thread,
        )
        window.resize(1280, 800)
        window.show()
        panel = window.search_panel
        started = time.monotonic()
        window.open_path(str(archive))
        while window.library is None:
            app.processEvents()
        meter = StallMeter()
        meter.start()
        while not panel.index_ready:
            app.processEvents()
            time.sleep(0.001)
        seconds = time.monotonic() - started
        meter.stop()
        library = window.library  # closing the window closes it
        assert library is not None
        window.close()
        print(
            f"{'thread' if args.thread else 'process'}: {len(library.issues)} issues, "
            f"{library.archive.article_count} articles indexed in {seconds:.1f} s; "
            f"event-loop stalls over {len(meter.late_ms)} ticks: "
            f"p50 {meter.percentile(0.50):.0f} ms, p95 {meter.percentile(0.95):.0f} ms, "
            f"max {meter.worst} ms"
        )
    return 0


if __name__ == "__main__":
    sys.exit(main())
