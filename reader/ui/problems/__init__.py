"""The Problems panel: files that could not be read, and why, in the user's language."""
