"""The Problems panel: files that could not be read, and why, in the user's language; and why
a file could not be written (``unwritten``), for whatever in the window writes one."""
