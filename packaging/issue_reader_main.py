"""The frozen app's main script: Issue Reader's ``issue-reader`` command (see issue-reader.spec)."""

import multiprocessing

# Before any other import: a spawned child (the index build) runs its job here and exits,
# paying only for the modules its job needs.
multiprocessing.freeze_support()

from reader.__main__ import entry  # noqa: E402

entry()
