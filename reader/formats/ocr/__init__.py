"""Importers for the OCR outputs people make themselves: hOCR, PAGE-XML, ABBYY FineReader XML."""
