"""A comma-separated term field with completion from the vocabulary in both languages.

Typing `科幻` or `science fiction` stores `sci-fi`; unknown terms are kept as custom terms and
marked under the field with the closest known term.
"""

from __future__ import annotations

import re
from typing import Iterable

from PySide6.QtCore import QStringListModel, Qt, Signal
from PySide6.QtGui import QPalette
from PySide6.QtWidgets import QCompleter, QLineEdit, QVBoxLayout, QWidget

from pairing.vocabulary import BUILTIN, Vocabulary
from ui.i18n import data_lang, fmt
from ui.plain import plain_label

SEPARATORS = re.compile(r"[,，;；、|]")
_LEVEL = re.compile(r"^(.*?)[:：]\s*([1-5])$")


def split_items(text: str) -> list[str]:
    return [item.strip() for item in SEPARATORS.split(text) if item.strip()]


class TagEdit(QWidget):
    """Terms of one kind (`genre`, `skill`) or free words (kind None, e.g. languages).

    With `levels=True` an item may carry a level 1–5 (`editing:4`); the default level is 3.
    """

    changed = Signal()

    def __init__(self, kind: str | None, parent: QWidget | None = None, *, levels: bool = False,
                 vocabulary: Vocabulary = BUILTIN, suggestions: Iterable[str] = ()) -> None:
        super().__init__(parent)
        self.kind, self.levels, self.vocabulary = kind, levels, vocabulary
        self.line_edit = QLineEdit(self)
        self.hint = plain_label(parent=self)
        self.hint.setWordWrap(True)
        self.hint.setVisible(False)
        self.hint.setForegroundRole(QPalette.ColorRole.PlaceholderText)
        layout = QVBoxLayout(self)
        layout.setContentsMargins(0, 0, 0, 0)
        layout.setSpacing(2)
        layout.addWidget(self.line_edit)
        layout.addWidget(self.hint)
        self.setFocusProxy(self.line_edit)
        self._completer = self._make_completer(suggestions)
        self.line_edit.textEdited.connect(self._complete_last_item)
        self.line_edit.textChanged.connect(self._on_changed)
        self.line_edit.editingFinished.connect(self.tidy)
        if kind == "skill" and levels:
            self.line_edit.setPlaceholderText(self.tr("e.g. editing:4, 摄影, sound"))
        elif kind is not None:
            self.line_edit.setPlaceholderText(self.tr("e.g. drama, 科幻, documentary"))
        else:
            self.line_edit.setPlaceholderText(self.tr("separate items with commas"))

    def setAccessibleName(self, name: str) -> None:  # noqa: N802 - Qt API, forwarded to the editor
        super().setAccessibleName(name)
        self.line_edit.setAccessibleName(name)

    # -- completion -----------------------------------------------------------------------------

    def _make_completer(self, suggestions: Iterable[str]) -> QCompleter:
        words = list(dict.fromkeys(self._vocabulary_words() + [s for s in suggestions if s]))
        completer = QCompleter(QStringListModel(words, self), self)
        completer.setCaseSensitivity(Qt.CaseSensitivity.CaseInsensitive)
        completer.setFilterMode(Qt.MatchFlag.MatchContains)
        completer.setWidget(self.line_edit)
        completer.activated.connect(self._insert_completion)
        return completer

    def _vocabulary_words(self) -> list[str]:
        if self.kind is None:
            return []
        terms = self.vocabulary.of_kind(self.kind)
        first, second = ("zh", "en") if data_lang() == "zh" else ("en", "zh")
        return [t.label(first) for t in terms] + [t.label(second) for t in terms]

    def completion_words(self) -> list[str]:
        return self._completer.model().stringList()

    def _complete_last_item(self, text: str) -> None:
        prefix = SEPARATORS.split(text)[-1].strip()
        if len(prefix) < 1:
            self._completer.popup().hide()
            return
        self._completer.setCompletionPrefix(prefix)
        if self._completer.completionCount():
            self._completer.complete()
        else:
            self._completer.popup().hide()

    def _insert_completion(self, word: str) -> None:
        text = self.line_edit.text()
        cut = max((m.end() for m in SEPARATORS.finditer(text)), default=0)
        head = text[:cut].rstrip()
        self.line_edit.setText((head + " " if head else "") + word + ", ")

    # -- values ---------------------------------------------------------------------------------

    def set_values(self, values) -> None:
        """Show canonical keys (or a skill → level mapping) in the interface language."""
        if isinstance(values, dict):
            items = [self._label(k) + (f":{v}" if v != 3 else "") for k, v in values.items()]
        else:
            items = [self._label(k) for k in values]
        self.line_edit.setText(", ".join(items))
        self._on_changed()

    def _label(self, key: str) -> str:
        return self.vocabulary.label(self.kind, key, data_lang()) if self.kind else key

    def _parsed(self) -> list[tuple[str, int, bool, str | None, str]]:
        """Each item as (key, level, known, suggestion, original text)."""
        parsed = []
        for item in split_items(self.line_edit.text()):
            level, text = 3, item
            match = _LEVEL.match(item) if self.levels else None
            if match:
                text, level = match.group(1).strip(), int(match.group(2))
            if self.kind is None:
                parsed.append((text, level, True, None, item))
                continue
            normalised = self.vocabulary.normalise(self.kind, text)
            parsed.append((normalised.term, level, normalised.known, normalised.suggestion, text))
        return parsed

    def values(self) -> tuple[str, ...]:
        return tuple(dict.fromkeys(key for key, *_rest in self._parsed()))

    def levels_map(self) -> dict[str, int]:
        result: dict[str, int] = {}
        for key, level, *_rest in self._parsed():
            result.setdefault(key, level)
        return result

    def unknown(self) -> list[tuple[str, str | None]]:
        """Items not in the vocabulary, with the closest known term (canonical key) if any."""
        return [(text, suggestion) for _key, _level, known, suggestion, text in self._parsed() if not known]

    def tidy(self) -> None:
        """Rewrite the text in canonical labels once the curator leaves the field (`科幻` → `Sci-fi`)."""
        if self.kind is None:
            return
        text = self.line_edit.text()
        self.set_values(self.levels_map() if self.levels else self.values())
        if self.line_edit.text() != text:
            self.changed.emit()

    def _on_changed(self, *_args) -> None:
        unknown = self.unknown()
        if unknown:
            names = ", ".join(
                text + (fmt(self.tr(" (closest: %1)"), self._label(s)) if s else "") for text, s in unknown
            )
            self.hint.setText(fmt(self.tr("Not in the vocabulary, kept as custom: %1"), names))
        self.hint.setVisible(bool(unknown))
        self.changed.emit()
