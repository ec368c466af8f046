"""Importers of plain-text issues: Markdown/text issue files and the People's Daily article files."""
