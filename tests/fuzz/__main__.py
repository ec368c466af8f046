"""``python -m tests.fuzz --cases 5000 --seed N``: the long fuzz run (``--case I`` reruns one case)."""

from __future__ import annotations

import argparse
import collections
import sys
import time

from tests.fuzz.runner import CASE_SECONDS, run


def main(argv: list[str] | None = None) -> int:
    """Run the cases, print every finding with the command that reproduces it; 1 if any."""
    parser = argparse.ArgumentParser(prog="python -m tests.fuzz", description=__doc__)
    parser.add_argument("--seed", type=int, default=11)
    parser.add_argument("--cases", type=int, default=300, help="how many cases (from --first)")
    parser.add_argument("--first", type=int, default=0, help="the first case's number")
    parser.add_argument("--case", type=int, action="append", help="run only this case (repeatable)")
    parser.add_argument("--jobs", type=int, default=2, help="worker processes")
    parser.add_argument("--seconds", type=float, default=CASE_SECONDS, help="time limit per case")
    parser.add_argument("--verbose", action="store_true", help="print every case's outcome")
    args = parser.parse_args(argv)
    numbers = args.case or list(range(args.first, args.first + args.cases))
    started = time.monotonic()
    outcomes = run(args.seed, numbers, jobs=args.jobs, case_seconds=args.seconds)
    findings = [o for o in outcomes if not o.ok]
    for outcome in outcomes if args.verbose or args.case else findings:
        print(outcome)
        if not outcome.ok:
            print(f"    rerun: {outcome.reproduce()}")
    kinds = collections.Counter(o.detail.split(":")[0].split(",")[0] for o in outcomes if o.ok)
    print(
        f"{len(outcomes)} cases, seed {args.seed}, {time.monotonic() - started:.0f} s: "
        f"{len(findings)} findings; outcomes: {dict(kinds.most_common(6))}",
        file=sys.stderr,
    )
    return 1 if findings else 0


if __name__ == "__main__":
    sys.exit(main())
