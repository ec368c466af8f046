"""Containing a bad file: an importer's bug costs that file alone; names shown stay printable."""

from __future__ import annotations

import logging
from dataclasses import replace

from reader.formats.common.loaded import Loaded
from reader.formats.common.source import Source
from reader.formats.registry import Importer
from reader.model import ArchiveSettings, Issue, Reason, printable

log = logging.getLogger(__name__)


def load_contained(
    importer: Importer, source: Source, members: list[str], settings: ArchiveSettings
) -> Loaded:
    """Load an importer's files; when it raises, only the files that make it raise are problems.

    Importers turn the errors they expect into problems; an exception escaping one is a bug
    met on some file, and must cost that file, not every file of the format. So the files are
    tried one at a time, and those that load alone are loaded together again (an issue may
    span files: a METS and its pages, a day's article files).
    """
    try:
        return importer.load(source, members, settings)
    except Exception:
        # At info level: the window's log keeps the traceback, the command line stays quiet
        # (the problem entries say what happened).
        log.info("importer %s failed on %d files", importer.NAME, len(members), exc_info=True)
    alone: dict[str, Loaded] = {}
    failed = Loaded()
    for name in members:
        try:
            alone[name] = importer.load(source, [name], settings)
        except Exception as exc:
            log.info("importer %s failed on %r", importer.NAME, name, exc_info=True)
            failed.add_problem(
                name, Reason.of("importer_failed", importer=importer.NAME, detail=exc)
            )
    try:
        together = importer.load(source, list(alone), settings) if alone else Loaded()
    except Exception:  # the files fail only in company: keep what each gave alone
        together = Loaded()
        for one in alone.values():
            together.issues.extend(one.issues)
            together.problems.extend(one.problems)
            together.duplicates.extend(one.duplicates)
    together.problems.extend(failed.problems)
    return together


def printable_issue(issue: Issue) -> Issue:
    """The issue with what is shown of it printable (publications and titles made of names).

    Only ``source`` fields keep a name that is not valid UTF-8 as it is: the file is read by it.
    """
    articles = tuple(
        replace(
            article,
            title=printable(article.title),
            kicker=printable(article.kicker),
            subtitle=printable(article.subtitle),
            column=printable(article.column),
            page=printable(article.page),
            authors=tuple(printable(author) for author in article.authors),
        )
        for article in issue.articles
    )
    return replace(
        issue,
        publication=printable(issue.publication),
        masthead=printable(issue.masthead),
        number=printable(issue.number),
        articles=articles,
    )
