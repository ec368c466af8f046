"""What the page view says above a page: what it lacks, or why it cannot be shown.

Its texts are translated in the ``PagePane`` context, as they were when the pane said them.
"""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication

from reader.library.pages import PageView
from reader.model import Issue, printable
from reader.ui.i18n import fill
from reader.ui.problems.reasons import reason_text


def page_note(
    issue: Issue | None, readable: bool, view: PageView | None, problem: str, undecoded: str
) -> str:
    """The note over a page of ``issue`` (``view`` None: it could not be read, for
    ``problem``); ``readable``: the archive's pages can be read at all; ``undecoded``: why a
    piece of its scan could not be decoded ("" it could)."""
    if issue is None:
        return ""
    if not issue.pages:
        return QCoreApplication.translate(
            "PagePane", "This issue has only text: the archive has no page images for it."
        )
    if not readable:
        return QCoreApplication.translate("PagePane", "Pages cannot be shown for this archive.")
    if view is None:
        return fill(
            QCoreApplication.translate("PagePane", "This page could not be read: %1"), problem
        )
    lines = []
    if not undecoded and view.image_problem is not None:
        undecoded = reason_text(view.image_problem)
    if undecoded:
        lines.append(
            fill(
                QCoreApplication.translate(
                    "PagePane", "The scan of this page could not be decoded: %1"
                ),
                undecoded,
            )
        )
    page = view.page
    if view.image_expected:
        name = printable(view.image_expected)
        lines.append(
            fill(
                QCoreApplication.translate(
                    "PagePane", "The scan of this page, %1, is not in the archive."
                ),
                name,
            )
        )
    elif not page.image:
        lines.append(
            QCoreApplication.translate("PagePane", "The archive has no scan of this page.")
        )
    if not view.has_image and view.words:
        lines.append(
            QCoreApplication.translate(
                "PagePane",
                "Shown instead: the page's words as the OCR read them, each where printed.",
            )
        )
    if view.layout_problem is not None:
        why = reason_text(view.layout_problem)
        lines.append(
            fill(
                QCoreApplication.translate(
                    "PagePane", "The words on this page could not be read: %1"
                ),
                why,
            )
        )
    elif not page.has_text or not view.words:
        lines.append(
            QCoreApplication.translate(
                "PagePane", "This page has no text layer: its words cannot be found or clicked."
            )
        )
    return "\n".join(lines)
