"""Pages: the scanned page with the article's regions and the search hits drawn on it."""
