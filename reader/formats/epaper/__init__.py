"""Importers of e-paper web exports: Founder (方正) digital-newspaper HTML pages and listings."""
