"""Per-document labels as codes (reader.index.labels): the days' labels without a sort."""

from __future__ import annotations

import datetime as dt

import numpy as np
import pytest

from reader.index.labels import Labels
from reader.model.vocabulary import UNDATED

FIRST = dt.date(1946, 5, 15).toordinal()


@pytest.mark.parametrize(
    "days",
    [
        [],
        [0],
        [FIRST],
        [FIRST + 3, 0, FIRST, FIRST + 3, 0, FIRST + 20_000],
        list(np.random.default_rng(5).integers(FIRST, FIRST + 18_000, 50_000)),
        [0, *np.random.default_rng(6).integers(FIRST, FIRST + 50, 1_000)],
    ],
    ids=["none", "undated", "one", "a few", "fifty years", "undated and a few days"],
)
def test_the_days_labels_are_np_uniques(days: list[int]) -> None:
    array = np.array(days, np.int64)
    ordinals, codes = np.unique(array, return_inverse=True)
    labels = Labels.of_days(array)
    names = [dt.date.fromordinal(int(d)).isoformat() if d else UNDATED for d in ordinals]
    assert labels.names == names
    assert labels.codes.dtype == np.int64
    assert labels.codes.tolist() == codes.tolist()
