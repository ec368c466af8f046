"""PDF pages with a text layer (e-paper pages, scans with OCR text), read with pypdfium2."""
