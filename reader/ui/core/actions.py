"""Every command of the window as a QAction: its shortcuts, its text, its toolbar icon.

The menu bar that holds them all is :mod:`reader.ui.core.menus`.
"""

from __future__ import annotations

from PySide6.QtCore import QObject, Qt
from PySide6.QtGui import (
    QAction,
    QActionGroup,
    QColor,
    QIcon,
    QKeySequence,
    QPainter,
    QPalette,
    QPixmap,
)
from PySide6.QtWidgets import QStyle, QWidget

from reader.ui.core.colours import is_dark

# The interface languages offered in View › Language ("" follows the system).
LANGUAGES = ("", "en", "zh_CN")

Key = QKeySequence.StandardKey
Role = QAction.MenuRole


class Actions(QObject):
    """The window's actions; texts are set by ``retranslate`` so a language switch renames them."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self._window = window
        make = self._make
        # File
        self.open_folder = make("open_folder", Key.Open, "Ctrl+O")
        self.open_file = make("open_file", "Ctrl+Shift+O")
        self.reload = make("reload", Key.Refresh, "F5")
        self.properties = make("archive_properties")
        self.verify = make("verify_archive")
        self.quit = make("quit", Key.Quit, "Ctrl+Q")
        # Edit
        self.copy_citation = make("copy_citation", "Ctrl+Shift+C")
        # The same, in a chosen citation style (the first picks one by the article's language).
        self.copy_gbt = make("copy_gbt7714")
        self.copy_chicago = make("copy_chicago")
        self.find = make("find", Key.Find, "Ctrl+F")
        self.save_to_collection = make("save_to_collection", "Ctrl+B")
        # Search
        self.search = make("search", "Ctrl+K", "/")
        self.next_match = make("next_match", Key.FindNext, "F3", "Ctrl+G")
        self.previous_match = make("previous_match", Key.FindPrevious, "Shift+F3", "Ctrl+Shift+G")
        self.export_hits = make("export_hits", "Ctrl+Shift+E")
        self.sort_relevance = make("sort_relevance", checkable=True)
        self.sort_newest = make("sort_newest", checkable=True)
        self.sort_oldest = make("sort_oldest", checkable=True)
        self.sort_group = QActionGroup(self)
        for action in (self.sort_relevance, self.sort_newest, self.sort_oldest):
            self.sort_group.addAction(action)
        self.sort_relevance.setChecked(True)
        self.escape = make("escape", "Esc")
        self.cancel_indexing = make("cancel_indexing")
        self.update_index = make("update_index")
        self.save_search = make("save_search")
        # View
        self.zoom_in = make("zoom_in", Key.ZoomIn, "Ctrl+=", "Ctrl++")
        self.zoom_out = make("zoom_out", Key.ZoomOut, "Ctrl+-")
        self.zoom_reset = make("zoom_reset", "Ctrl+0")
        self.original_text = make("original_text", "Ctrl+U", checkable=True)
        # What the reading pane shows: the text, the scanned page, or both side by side.
        self.show_text = make("show_text", "Ctrl+1", checkable=True)
        self.show_page = make("show_page", "Ctrl+2", checkable=True)
        self.show_both = make("show_text_and_page", "Ctrl+3", checkable=True)
        self.view_group = QActionGroup(self)
        for action in (self.show_text, self.show_page, self.show_both):
            self.view_group.addAction(action)
        self.show_text.setChecked(True)
        self.switch_view = make("switch_view", "Ctrl+Shift+V")
        self.problems = make("problems", "Ctrl+Shift+P", checkable=True)
        self.concordance = make("concordance", "Ctrl+Shift+K", checkable=True)
        self.trends = make("trends", "Ctrl+Shift+T", checkable=True)
        self.collections = make("collections", "Ctrl+Shift+B", checkable=True)
        self.library = make("library", "Ctrl+Shift+L", checkable=True)
        self.language_group = QActionGroup(self)
        self.languages: dict[str, QAction] = {}
        for code in LANGUAGES:
            action = make(f"language_{code or 'system'}", checkable=True)
            action.setData(code)
            self.language_group.addAction(action)
            self.languages[code] = action
        # Go
        self.back = make("back", Key.Back, "Alt+Left")
        self.forward = make("forward", Key.Forward, "Alt+Right")
        self.next_article = make("next_article", "J", "Ctrl+PgDown")
        self.previous_article = make("previous_article", "K", "Ctrl+PgUp")
        self.next_issue = make("next_issue", "]", "Ctrl+Shift+PgDown")
        self.previous_issue = make("previous_issue", "[", "Ctrl+Shift+PgUp")
        self.go_to_date = make("go_to_date", "Ctrl+D")
        # The keyboard's way between the panes, as in most desktop programs (F6 was free).
        self.next_pane = make("next_pane", "F6")
        self.previous_pane = make("previous_pane", "Shift+F6")
        # Help
        # "Shift+?" too: where the keyboard layout reports the Shift that makes "?", "?" alone misses.
        self.shortcuts = make("shortcuts", Key.HelpContents, "F1", "?", "Shift+?")
        self.about = make("about")
        icons = {
            self.back: QStyle.StandardPixmap.SP_ArrowBack,
            self.forward: QStyle.StandardPixmap.SP_ArrowForward,
            self.previous_issue: QStyle.StandardPixmap.SP_ArrowUp,
            self.next_issue: QStyle.StandardPixmap.SP_ArrowDown,
            self.open_folder: QStyle.StandardPixmap.SP_DirOpenIcon,
            self.open_file: QStyle.StandardPixmap.SP_FileIcon,
        }
        self._icons = icons
        self.refresh_icons()
        # macOS moves these to the application menu; every other action stays where it is
        # (Qt would otherwise guess from the text, and could move "Preferences…"-like ones).
        for action in self._window.actions():
            action.setMenuRole(Role.NoRole)
        self.about.setMenuRole(Role.AboutRole)
        self.quit.setMenuRole(Role.QuitRole)
        self.retranslate()

    def refresh_icons(self) -> None:
        """Take the toolbar's icons from the style again, drawn in the text's colour if dark.

        The style's arrows are dark grey whatever the palette: on a dark toolbar they would
        all but vanish, so in dark mode they are painted in the palette's button text colour.
        """
        style = self._window.style()
        palette = self._window.palette()
        for action, pixmap in self._icons.items():
            icon = style.standardIcon(pixmap, None, self._window)
            if is_dark(palette) and action not in (self.open_folder, self.open_file):
                icon = tinted(icon, palette.color(QPalette.ColorRole.ButtonText))
            action.setIcon(icon)

    def _make(
        self, name: str, *keys: str | QKeySequence.StandardKey, checkable: bool = False
    ) -> QAction:
        """An action of the window with these shortcuts: the platform's first, each once.

        A ``StandardKey`` stands for the platform's own keys for that command (Cmd+O on macOS,
        Ctrl+O elsewhere); the plain keys after it are the extra ones the app always had.
        """
        action = QAction(self._window)
        action.setObjectName(name)
        sequences: list[QKeySequence] = []
        for key in keys:
            found = QKeySequence.keyBindings(key) if isinstance(key, Key) else [QKeySequence(key)]
            sequences.extend(s for s in found if not s.isEmpty() and s not in sequences)
        action.setShortcuts(sequences)
        action.setShortcutContext(Qt.ShortcutContext.WindowShortcut)
        action.setCheckable(checkable)
        self._window.addAction(action)
        return action

    def retranslate(self) -> None:
        """Set every action's text in the current language."""
        texts = {
            self.open_folder: self.tr("Open &Folder…"),
            self.open_file: self.tr("Open F&ile…"),
            self.reload: self.tr("Re&load Archive"),
            self.properties: self.tr("Archive &Properties"),
            self.verify: self.tr("&Verify Archive Integrity"),
            self.quit: self.tr("&Quit"),
            self.copy_citation: self.tr("&Copy Article with Citation"),
            self.copy_gbt: self.tr("Copy with &GB/T 7714 Citation"),
            self.copy_chicago: self.tr("Copy with C&hicago Citation"),
            self.find: self.tr("&Find in Article…"),
            self.save_to_collection: self.tr("Save to Co&llection…"),
            self.search: self.tr("&Search Archive"),
            self.next_match: self.tr("&Next Match"),
            self.previous_match: self.tr("&Previous Match"),
            self.export_hits: self.tr("&Export Hits…"),
            self.sort_relevance: self.tr("Sort by &Relevance"),
            self.sort_newest: self.tr("Sort Ne&west First"),
            self.sort_oldest: self.tr("Sort &Oldest First"),
            self.escape: self.tr("&Back to Browsing"),
            self.cancel_indexing: self.tr("&Cancel Indexing"),
            self.update_index: self.tr("&Update Search Index"),
            self.save_search: self.tr("Sa&ve Search…"),
            self.zoom_in: self.tr("Zoom &In"),
            self.zoom_out: self.tr("Zoom &Out"),
            self.zoom_reset: self.tr("&Actual Size"),
            self.original_text: self.tr("Original Line &Breaks"),
            self.show_text: self.tr("&Text"),
            self.show_page: self.tr("Scanned Pa&ge"),
            self.show_both: self.tr("Text a&nd Page"),
            self.switch_view: self.tr("S&witch Text/Page"),
            self.problems: self.tr("&Problems Panel"),
            self.concordance: self.tr("&Concordance"),
            self.trends: self.tr("T&rends over Time"),
            self.collections: self.tr("Coll&ections"),
            self.library: self.tr("Librar&y"),
            self.back: self.tr("&Back"),
            self.forward: self.tr("&Forward"),
            self.next_article: self.tr("Next &Article"),
            self.previous_article: self.tr("Previous A&rticle"),
            self.next_issue: self.tr("Next &Issue"),
            self.previous_issue: self.tr("Previous I&ssue"),
            self.go_to_date: self.tr("Go to &Date…"),
            self.next_pane: self.tr("Next &Pane"),
            self.previous_pane: self.tr("Previous Pa&ne"),
            self.shortcuts: self.tr("&Keyboard Shortcuts"),
            self.about: self.tr("&About Issue Reader"),
        }
        for action, text in texts.items():
            action.setText(text)
        # Toolbar labels without mnemonics: a translated "后退(&B)" would show as "后退(B)".
        self.back.setIconText(self.tr("Back"))
        self.forward.setIconText(self.tr("Forward"))
        self.previous_issue.setIconText(self.tr("Previous Issue"))
        self.next_issue.setIconText(self.tr("Next Issue"))
        self.languages[""].setText(self.tr("&System Language"))
        # Each language is named in itself, so anyone can find their own.
        self.languages["en"].setText("English")
        self.languages["zh_CN"].setText("简体中文")


def tinted(icon: QIcon, colour: QColor) -> QIcon:
    """``icon`` painted all in ``colour`` (its shape kept), at the sizes a toolbar uses."""
    result = QIcon()
    for size in (16, 22, 24, 32, 48):
        pixmap = QPixmap(icon.pixmap(size, size))
        if pixmap.isNull():
            continue
        painter = QPainter(pixmap)
        painter.setCompositionMode(QPainter.CompositionMode.CompositionMode_SourceIn)
        painter.fillRect(pixmap.rect(), colour)
        painter.end()
        result.addPixmap(pixmap)
    return result
