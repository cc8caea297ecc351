"""Errors that are a user's mistake: each carries a `Message` (a value), made into a sentence at the edge.

The shape every area uses (issue 8): raise `UserError(msg("area.code", ...))`; the command line and the
window render `error.message` in the curator's language with the program's role names. `str(error)` is the
English sentence, for logs and for code that has not moved to messages yet.

A plain string is still accepted while the areas move their sentences into the catalogue; it is kept as the
message `words.untranslated` (shown as is in both languages), so such sentences can be found and counted.
"""

from __future__ import annotations

from pairing.words import Message, Renderer, msg, render


def as_message(message: Message | str) -> Message:
    """A message as is; a sentence not yet in the catalogue as `words.untranslated`."""
    return message if isinstance(message, Message) else msg("words.untranslated", text=str(message))


class UserError(Exception):
    """Input the program cannot accept; `.message` says what and where (file, line, column, person, rule)."""

    def __init__(self, message: Message | str):
        self.message = as_message(message)
        super().__init__(render(self.message, "en"))

    def sentence(self, renderer: Renderer) -> str:
        return renderer.sentence(self.message)


class ActionRefused(UserError):
    """A curator's action that would break a rule or makes no sense; nothing was changed.

    `.reasons` holds every rule it would break (messages), `.message` the headline."""

    def __init__(self, message: Message | str, reasons: tuple[Message, ...] = ()):
        super().__init__(message)
        self.reasons = tuple(as_message(r) for r in reasons)

    def sentence(self, renderer: Renderer) -> str:
        return " ".join([renderer.sentence(self.message), *renderer.sentences(self.reasons)])
