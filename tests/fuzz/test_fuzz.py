"""The fuzz suite in CI: a few hundred seeded cases, each a result or a problem entry, in time.

The long run is ``python -m tests.fuzz --cases 5000 --seed N`` (see the README).
"""

from __future__ import annotations

from tests.fuzz.runner import run

SEED = 11
CASES = 240


def test_every_case_ends_in_a_result_or_a_problem_entry():
    outcomes = run(SEED, list(range(CASES)), jobs=2)
    assert [o.number for o in outcomes] == list(range(CASES))
    findings = [f"{o}\n    rerun: {o.reproduce()}" for o in outcomes if not o.ok]
    assert not findings, "\n".join(findings)
    # Not all refused or empty: the mutations leave most archives readable in part.
    assert sum(not o.detail.startswith(("refused", "0 issues")) for o in outcomes) > CASES // 4


def test_a_case_over_its_time_is_reported_by_seed_and_case():
    # Case 0 is indexed and searched, which takes far longer than no time at all.
    [outcome] = run(SEED, [0], jobs=1, case_seconds=0.0)
    assert not outcome.ok and outcome.detail.startswith("hang")
    assert f"--seed {SEED} --case 0" in outcome.reproduce()
    assert outcome.description  # the unit, the file and the mutations are named
