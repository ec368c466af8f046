"""The fuzz suite: seeded mutations of every format's samples, run in memory-limited children."""
