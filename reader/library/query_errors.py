"""Why a query cannot be understood: the search's codes, values and English words.

The parser (:mod:`reader.index.query_errors`) gives every malformed query a code and the
values it names; the window words them in its language from these.
"""

from reader.index.query_errors import DATE_HELP, WHY, QueryError, worded

__all__ = ["DATE_HELP", "WHY", "QueryError", "worded"]
