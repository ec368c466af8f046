"""Importers of library digitisation packages: METS/ALTO, NDNP batches and Delpher DIDL."""
