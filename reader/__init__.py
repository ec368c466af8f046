"""Issue Reader: read and search archives of newspaper and magazine issues."""

__version__ = "0.1.0"
