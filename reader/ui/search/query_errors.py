"""Why a query cannot be understood, in the interface language: each query error code translated.

``reader.index.query_errors.WHY`` holds the codes and their English words (the command line's);
here each has the same words through ``QCoreApplication.translate`` (literal strings, so
``pyside6-lupdate`` finds them), filled with the error's values (the quote, the field, the date
typed), which stay as they are. A test keeps the two lists in step.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.library.query_errors import QueryError, worded


def templates() -> dict[str, str]:
    """Every query error code's words in the current interface language."""
    return {
        "empty": QCoreApplication.translate("QueryError", "the query is empty"),
        "too_long": QCoreApplication.translate(
            "QueryError", "the query is too long (more than {limit} characters)"
        ),
        "not_text": QCoreApplication.translate(
            "QueryError", "the query holds bytes that are not text (UTF-8): type it again"
        ),
        "too_many_terms": QCoreApplication.translate(
            "QueryError", "the query has too many terms (more than {limit})"
        ),
        "too_deep": QCoreApplication.translate(
            "QueryError", "the query nests parentheses too deeply (more than {limit})"
        ),
        "unopened": QCoreApplication.translate(
            "QueryError", "unexpected ')': there is no '(' to close"
        ),
        "unopened_in_word": QCoreApplication.translate(
            "QueryError", "unexpected ')': there is no '(' to close (quote it to find it)"
        ),
        "unclosed": QCoreApplication.translate("QueryError", "the parenthesis '(' is not closed"),
        "empty_group": QCoreApplication.translate(
            "QueryError", "empty parentheses or a ')' without a '('"
        ),
        "no_terms": QCoreApplication.translate("QueryError", "the query has no terms"),
        "field_empty": QCoreApplication.translate(
            "QueryError", "{field}: needs something after it, like {field}:{example}"
        ),
        "field_group": QCoreApplication.translate(
            "QueryError", "{field}: takes one term or a quoted phrase, not a group"
        ),
        "no_such_field": QCoreApplication.translate(
            "QueryError",
            "there is no field {prefix} (the fields are {fields}); "
            'to search for the text, put it in quotes: "{text}"',
        ),
        "quote_open": QCoreApplication.translate("QueryError", "the quote {quote} is not closed"),
        "quote_empty": QCoreApplication.translate(
            "QueryError", "the quotes hold nothing to search for"
        ),
        "or_alone": QCoreApplication.translate("QueryError", "OR needs a term on both sides"),
        "and_alone": QCoreApplication.translate("QueryError", "AND needs a term on both sides"),
        "not_alone": QCoreApplication.translate("QueryError", "{operator} needs a term after it"),
        "date_none": QCoreApplication.translate("QueryError", "date:{value} has no dates; {help}"),
        "date_backwards": QCoreApplication.translate(
            "QueryError", "date:{value} ends before it starts"
        ),
        "date_unreadable": QCoreApplication.translate(
            "QueryError", "date:{value} is not a date; {help}"
        ),
        "date_invalid": QCoreApplication.translate(
            "QueryError", "date:{value} is not a valid date; {help}"
        ),
        "page_unreadable": QCoreApplication.translate(
            "QueryError",
            "page:{value} is not a page number; use page:2 (or a page's label, like page:A3)",
        ),
        "number_unreadable": QCoreApplication.translate(
            "QueryError", "number:{value} is not an issue number; use number:1810"
        ),
    }


def date_help() -> str:
    """How a date is typed (``{help}`` in the date errors), in the interface language."""
    return QCoreApplication.translate(
        "QueryError",
        "use date:2022, date:2022-09, date:2022-09-19 or a range like date:2022-01..2022-06",
    )


def said(exc: BaseException) -> str:
    """``exc`` in the interface language: a query error by its code, anything else as it is."""
    words = templates()
    if not isinstance(exc, QueryError) or exc.code not in words:
        return str(exc)  # not a query error, or one without a code (an option's): as it is
    return worded(words[exc.code], {**exc.values, "help": date_help()})
