"""Browsing: the issue tree, the article list of the chosen issue, and Go to Date."""
