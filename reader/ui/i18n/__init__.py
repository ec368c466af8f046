"""Interface translations: the compiled ``.qm`` files, and installing them with Qt's own.

The sources are ``resources/i18n/*.ts`` (with the glossary every translation follows,
``resources/i18n/glossary.md``); only the compiled ``.qm`` files ship, here. After changing a
user-visible string, refresh and compile with::

    .venv/bin/pyside6-lupdate $(find reader/ui -name '*.py' | sort) -no-obsolete \
        -locations none -ts resources/i18n/reader_zh_CN.ts
    # translate the new <message>s (Qt Linguist, or any editor) by the glossary, then:
    .venv/bin/pyside6-lrelease resources/i18n/reader_zh_CN.ts -qm reader/ui/i18n/reader_zh_CN.qm

``resources/i18n/qt_supplement_zh_CN.ts`` is written by hand (no lupdate: its strings are Qt's):
it fills the gaps of the ``qtbase_zh_CN.qm`` that PySide6 ships (labels newer than its
translation, such as the file dialog's "&Look in:"). Compile it the same way::

    .venv/bin/pyside6-lrelease resources/i18n/qt_supplement_zh_CN.ts \
        -qm reader/ui/i18n/qt_supplement_zh_CN.qm

``tests/ui/test_translations.py`` fails when a string is untranslated or a ``.qm`` is stale;
``tests/ui/test_glossary.py`` when a translation breaks the glossary, the punctuation or a menu's
mnemonics.
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
    """Install the translators and the locale for ``language`` (resolved as ``resolve`` does).

    Earlier translators are removed first, so this also switches languages at runtime: Qt then
    sends every widget a LanguageChange event. The default QLocale follows, so that Qt's calendar
    and file dialog name months and file types in the interface language too. Returns the
    language installed.
    """
    global _current
    chosen = _current = resolve(language)
    for translator in _installed:
        app.removeTranslator(translator)
    _installed.clear()
    QLocale.setDefault(locale_for(chosen))
    if chosen == "en":
        return chosen
    # Installed last is searched first: ours, then the supplement, then Qt's own.
    qt_folder = QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)
    for name, folder in (
        (f"qtbase_{chosen}", qt_folder),
        (f"qt_supplement_{chosen}", str(FOLDER)),
        (f"reader_{chosen}", str(FOLDER)),
    ):
        translator = QTranslator(app)
        if translator.load(name, folder):
            _installed.append(translator)
    for translator in _installed:
        app.installTranslator(translator)
    return chosen
