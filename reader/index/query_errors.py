"""Why a query cannot be understood: each reason a code, its values and its English words.

``WHY`` holds the English (the command line's); the window words each code in its own
language (``reader.ui.search.query_errors``) from the same values, so a Chinese reader is
told 引号 " 没有闭合, not "the quote " is not closed". A test keeps the two lists in step.
"""

from __future__ import annotations

import re
from collections.abc import Mapping

from reader.model import ReaderError

DATE_HELP = "use date:2022, date:2022-09, date:2022-09-19 or a range like date:2022-01..2022-06"
WHY = {
    "empty": "the query is empty",
    "too_long": "the query is too long (more than {limit} characters)",
    "not_text": "the query holds bytes that are not text (UTF-8): type it again",
    "too_many_terms": "the query has too many terms (more than {limit})",
    "too_deep": "the query nests parentheses too deeply (more than {limit})",
    "unopened": "unexpected ')': there is no '(' to close",
    "unopened_in_word": "unexpected ')': there is no '(' to close (quote it to find it)",
    "unclosed": "the parenthesis '(' is not closed",
    "empty_group": "empty parentheses or a ')' without a '('",
    "no_terms": "the query has no terms",
    # {example} is a value the field takes (page:2, date:2022-09, title:供热): see EXAMPLES.
    "field_empty": "{field}: needs something after it, like {field}:{example}",
    "field_group": "{field}: takes one term or a quoted phrase, not a group",
    "no_such_field": "there is no field {prefix} (the fields are {fields}); "
    'to search for the text, put it in quotes: "{text}"',
    "quote_open": "the quote {quote} is not closed",
    "quote_empty": "the quotes hold nothing to search for",
    "or_alone": "OR needs a term on both sides",
    "and_alone": "AND needs a term on both sides",
    "not_alone": "{operator} needs a term after it",
    # {help} is DATE_HELP, the same words in every one: translated once.
    "date_none": "date:{value} has no dates; {help}",
    "date_backwards": "date:{value} ends before it starts",
    "date_unreadable": "date:{value} is not a date; {help}",
    "date_invalid": "date:{value} is not a valid date; {help}",
    "page_unreadable": "page:{value} is not a page number; use page:2 (or a page's label, "
    "like page:A3)",
    "number_unreadable": "number:{value} is not an issue number; use number:1810",
}
# What each field's empty-value error suggests: a value that field accepts.
EXAMPLES = {
    "title": "供热",
    "author": "郭强",
    "column": "要闻",
    "publication": "今日长子",
    "page": "2",
    "number": "1810",
    "date": "2022-09",
}
_PLACEHOLDER = re.compile(r"\{([a-z]+)\}")


class QueryError(ReaderError):
    """A query that cannot be understood; the message says what is wrong.

    ``code`` (a key of ``WHY``) and ``values`` say it again for a translation; a QueryError
    made with a message only (a command-line option's) has no code.
    """

    def __init__(self, message: str, code: str = "", values: Mapping[str, str] | None = None):
        super().__init__(message)
        self.code = code
        self.values = dict(values or {})

    def __reduce__(self) -> tuple[type[QueryError], tuple[str, str, dict[str, str]]]:
        # The default pickles only the message: a search run in another process keeps its code.
        return type(self), (str(self), self.code, self.values)


def worded(template: str, values: Mapping[str, str]) -> str:
    """``template`` with its ``{names}`` filled from ``values``, in one pass (a value that
    itself looks like ``{field}`` is left alone)."""
    return _PLACEHOLDER.sub(lambda m: values.get(m.group(1), m.group(0)), template)


def query_error(code: str, **values: object) -> QueryError:
    """The QueryError of ``code`` (a key of ``WHY``) with ``values``, worded in English."""
    text = {name: str(value) for name, value in values.items()}
    return QueryError(worded(WHY[code], {**text, "help": DATE_HELP}), code, text)
