"""Ctrl+Z / Ctrl+Shift+Z undo the program's last action whatever widget has focus (issue 11, item 5).

A text field takes Undo and Redo for itself (Qt's ShortcutOverride), so after an import that left the focus
in the filter box, Ctrl+Z restored an old filter text instead of undoing the import. Here a field of the
main window keeps its own undo only while it is being edited: typed into since it took the focus and since
the program's last action. Dialogs (the person editor, the import wizard) keep theirs always.
"""

from __future__ import annotations

import itertools

from PySide6.QtCore import QEvent, QObject, Qt
from PySide6.QtGui import QKeySequence
from PySide6.QtWidgets import QAbstractSpinBox, QLineEdit, QPlainTextEdit, QTextEdit, QWidget

# Ctrl+Z and Ctrl+Shift+Z everywhere (issue 11), plus whatever the platform adds (Ctrl+Y on Windows).
UNDO_KEYS = [QKeySequence("Ctrl+Z")]
REDO_KEYS = [QKeySequence("Ctrl+Shift+Z"), QKeySequence("Ctrl+Y")]
_EDITING_KEYS = frozenset({Qt.Key.Key_Backspace, Qt.Key.Key_Delete})
_TYPED = "typed_at"  # a widget property: the step of the last keystroke that changed its text
_counter = itertools.count(1)


def _text_field(widget: QObject) -> QWidget | None:
    """The editable text field this object is (or belongs to, for a spin box's line edit), else None."""
    if isinstance(widget, QLineEdit):
        parent = widget.parent()
        return parent if isinstance(parent, QAbstractSpinBox) else widget
    if isinstance(widget, QAbstractSpinBox):
        return widget
    if isinstance(widget, (QTextEdit, QPlainTextEdit)) and not widget.isReadOnly():
        return widget
    return None


def undo_shortcuts() -> list[QKeySequence]:
    return _with_platform(UNDO_KEYS, QKeySequence.StandardKey.Undo)


def redo_shortcuts() -> list[QKeySequence]:
    return _with_platform(REDO_KEYS, QKeySequence.StandardKey.Redo)


def _with_platform(keys: list[QKeySequence], standard: QKeySequence.StandardKey) -> list[QKeySequence]:
    extra = [k for k in QKeySequence.keyBindings(standard) if k not in keys]
    return keys + extra


def _is_undo_or_redo(event) -> bool:
    pressed = QKeySequence(event.keyCombination())
    return any(pressed == key for key in undo_shortcuts() + redo_shortcuts())


def _edits_text(event) -> bool:
    """A keystroke that types or deletes text (not a shortcut such as Ctrl+Z itself)."""
    text = event.text()
    printable = bool(text) and text.isprintable() and not event.modifiers() & Qt.KeyboardModifier.ControlModifier
    return printable or event.key() in _EDITING_KEYS


class ProgramUndoFirst(QObject):
    """An application event filter that lets the window's Undo/Redo win over an idle text field's."""

    def __init__(self, window: QWidget) -> None:
        super().__init__(window)
        self.window = window
        self.program_step = 0  # the counter's value at the program's last action (or undo/redo)

    def program_acted(self, *_args) -> None:
        self.program_step = next(_counter)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:  # noqa: N802 - Qt override
        kind = event.type()
        if kind not in (QEvent.Type.ShortcutOverride, QEvent.Type.KeyPress, QEvent.Type.FocusIn):
            return False
        field = _text_field(watched)
        if field is None or field.window() is not self.window:
            return False
        if kind == QEvent.Type.FocusIn:
            field.setProperty(_TYPED, 0)
        elif kind == QEvent.Type.KeyPress:
            if _edits_text(event):
                field.setProperty(_TYPED, next(_counter))
        elif _is_undo_or_redo(event) and not self._being_edited(field):
            event.ignore()  # not the field's: the window's Undo/Redo shortcut runs instead
            return True
        return False

    def _being_edited(self, field: QWidget) -> bool:
        typed = field.property(_TYPED) or 0
        return typed > self.program_step
