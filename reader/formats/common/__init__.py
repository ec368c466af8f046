"""Helpers every family of importers shares: sources, safe XML, text decoding, dates, stories."""
