"""Indexing: building and keeping the search index, with its progress in the status bar."""
