"""Searching: the search field, the hit list, the summary chart and facets, the sort choice."""
