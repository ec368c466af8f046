"""The commands on an archive's integrity and make-up: ``verify`` (checksums) and ``info``."""

from __future__ import annotations

import argparse
import sys
from typing import Any

from reader.cli import tables
from reader.cli.output import iso, print_json
from reader.cli.progress import ProgressBar
from reader.library import Library
from reader.library.properties import properties
from reader.library.verify import CHANGED, STATUSES, UNREADABLE, FileCheck, Report


def verify(library: Library, args: argparse.Namespace) -> int:
    """Check every checksum the archive's manifests list; say what is missing, changed, unlisted."""
    bar = ProgressBar("Verifying")
    try:
        report = library.verify(bar)
    finally:
        bar.finish()
    code = 1 if report.failed(args.strict) else 0
    if args.json:
        print_json(report_json(report))
        return code
    if not report.manifests:
        print(f"No checksum manifest or BagIt bag found in {library.root}.")
        return code
    rows = [_row(check) for check in report.files if check.status != "intact" or args.all]
    if rows:
        if not any(detail for _, _, detail in rows):
            print(tables.render(("STATUS", "FILE"), [row[:2] for row in rows], 200))
        else:
            print(tables.render(("STATUS", "FILE", "DETAIL"), rows, 200))
        print()
    for note in report.notes:
        print(f"{note.source}: {note.reason}", file=sys.stderr)
    print(summary(report))
    return code


def summary(report: Report) -> str:
    """``17 files listed in 1 manifest: 9 intact, 8 missing.`` (counts that are not zero)."""
    counts = report.counts()
    listed = len(report.files) - counts["unlisted"]
    parts = [f"{counts[s]:,} {s}" for s in STATUSES if counts[s]]
    manifests = len(report.manifests)
    return (
        f"{listed:,} file{'s' if listed != 1 else ''} listed in {manifests:,} "
        f"manifest{'s' if manifests != 1 else ''}: {', '.join(parts) or 'nothing to check'}."
    )


def report_json(report: Report) -> dict[str, Any]:
    """The report as exact JSON: the manifests, counts by status, and every file with its verdict."""
    counts = report.counts()
    return {
        "root": report.root,
        "manifests": list(report.manifests),
        "summary": {"files": len(report.files), **counts},
        "files": [
            {
                "path": check.path,
                "status": check.status,
                "manifests": list(check.manifests),
                "checksums": [
                    {"algorithm": d.algorithm, "expected": d.expected, "actual": d.actual or None}
                    for d in check.digests
                ],
                "reason": check.reason.text if check.reason is not None else None,
            }
            for check in report.files
        ],
        "notes": [{"source": n.source, "code": n.code, "reason": n.reason} for n in report.notes],
    }


def info(library: Library, args: argparse.Namespace) -> int:
    """Say what the archive holds, where its index is, and what its BagIt bag declares."""
    found = properties(library, args.index_dir)
    data = {
        "path": str(found.path),
        "formats": list(found.formats),
        "issues": found.issues,
        "articles": found.articles,
        "first_date": iso(found.first_date),
        "last_date": iso(found.last_date),
        "problems": found.problems,
        "other_files": found.other_files,
        "index": str(found.index_dir),
        "catalogue_cache": str(found.catalogue_file),
        "bag_info": [{"name": k, "value": v} for k, v in found.bag_info],
        "manifests": [{"file": f, "kind": k, "algorithm": a} for f, k, a in found.manifests],
    }
    if args.json:
        return print_json(data)
    span = " – ".join(dict.fromkeys(iso(d) or "" for d in (found.first_date, found.last_date) if d))
    rows = [
        ("Path", data["path"]),
        ("Formats", ", ".join(found.formats) or "-"),
        ("Issues", f"{found.issues:,}"),
        ("Articles", f"{found.articles:,}"),
        ("Dates", span or "-"),
        ("Problems", f"{found.problems:,}"),
    ]
    if found.other_files:  # a line saying "0 skipped" in every archive says nothing
        rows.append(
            ("Other files", f"{found.other_files:,} skipped (documentation, metadata sidecars)")
        )
    rows += [("Index", data["index"]), ("Catalogue cache", data["catalogue_cache"])]
    rows += [(name, value) for name, value in found.bag_info]
    rows += [(f"Manifest ({algorithm or kind})", file) for file, kind, algorithm in found.manifests]
    width = max(len(name) for name, _ in rows)
    for name, value in rows:
        print(f"{name + ':':<{width + 1}} {value}")
    return 0


def _row(check: FileCheck) -> tuple[str, str, str]:
    detail = ""
    if check.status == CHANGED:
        wrong = next(d for d in check.digests if d.expected != d.actual)
        detail = f"{wrong.algorithm} expected {wrong.expected}, got {wrong.actual}"
    elif check.status == UNREADABLE and check.reason is not None:
        detail = check.reason.text
    return check.status.upper(), tables.clip_left(check.path, 80), detail
