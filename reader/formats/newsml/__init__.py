"""Importers of news-agency markup: NewsML-G2 items and packages, and NITF stories."""
