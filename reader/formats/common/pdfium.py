"""The one lock around pdfium: it is not thread-safe, so every call into it, in any thread, holds it.

The archive is loaded in one thread while the page view renders PDF pages and reads their
words in workers; all of them share this lock (a re-entrant one, so a caller that holds it
may call a helper that takes it again).
"""

from __future__ import annotations

import threading

LOCK = threading.RLock()
