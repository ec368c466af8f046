"""Interface translations: the ``.ts`` sources, their compiled ``.qm`` files, and installing them.

The ``.ts`` files are the source; after changing a user-visible string, refresh and compile with::

    .venv/bin/pyside6-lupdate reader/ui/*/*.py -no-obsolete -locations none \
        -ts reader/ui/i18n/reader_zh_CN.ts
    # translate the new <message>s (Qt Linguist, or any editor), then:
    .venv/bin/pyside6-lrelease reader/ui/i18n/reader_zh_CN.ts -qm reader/ui/i18n/reader_zh_CN.qm

``tests/ui/test_translations.py`` fails when a string is untranslated or the ``.qm`` is stale.
"""

from __future__ import annotations

import re
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QTranslator

FOLDER = Path(__file__).resolve().parent
# Shipped translations; English is the source language and needs none.
TRANSLATIONS = ("zh_CN",)

_PLACEHOLDER = re.compile(r"%([1-9])")

_installed: list[QTranslator] = []
_current = "en"


def resolve(language: str, system: QLocale | None = None) -> str:
    """The language to use: ``language`` if given, else the system's when shipped, else ``en``.

    Any Chinese locale gets Simplified Chinese, the one Chinese translation shipped.
    """
    if language:
        return language if language in TRANSLATIONS else "en"
    name = (system or QLocale.system()).name()
    if name.startswith("zh"):
        return "zh_CN"
    return "en"


def locale_for(language: str) -> QLocale:
    """The QLocale that names months and formats numbers for an interface language."""
    return QLocale("zh_CN") if language == "zh_CN" else QLocale("en_US")


def fill(template: str, *values: object) -> str:
    """Put ``values`` in for ``%1``, ``%2``… of a translated text, as Qt's ``QString.arg`` does.

    One pass, so a value that itself contains ``%2`` is left alone.
    """

    def value(match: re.Match[str]) -> str:
        n = int(match.group(1))
        return str(values[n - 1]) if n <= len(values) else match.group(0)

    return _PLACEHOLDER.sub(value, template)


def current() -> str:
    """The interface language installed last (``en`` before any)."""
    return _current


def install(app: QCoreApplication, language: str) -> str:
    """Install the translators for ``language`` (resolved as ``resolve`` does); return it.

    Earlier translators are removed first, so this also switches languages at runtime: Qt then
    sends every widget a LanguageChange event.
    """
    global _current
    chosen = _current = resolve(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    if chosen == "en":
        return chosen
    ours = QTranslator(app)
    if ours.load(str(FOLDER / f"reader_{chosen}.qm")):
        _installed.append(ours)
    # Qt's own strings (the buttons of standard dialogs), when the Qt build ships them.
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    qt = QTranslator(app)
    if qt.load(f"qtbase_{chosen}", qt_folder) or qt.load(f"qt_{chosen}", qt_folder):
        _installed.append(qt)
    for translator in _installed:
        app.installTranslator(translator)
    return chosen
