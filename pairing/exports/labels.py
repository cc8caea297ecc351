"""Words of the pairing sheets in English and Simplified Chinese, from the catalogue (catalogue/sheets.py)."""

from __future__ import annotations

from pairing.criteria import BY_KEY
from pairing.words import lang_of, msg, render


def text(key: str, lang: str) -> str:
    """A header or label of the sheets in `lang`: the catalogue's `sheets.label_<key>`."""
    return render(msg(f"sheets.label_{key}"), lang_of(lang))


def status_text(status: str, lang: str) -> str:
    """The one wording of a run status (pairing/words/catalogue/status.py), as the window and the command
    line say it (issue 11)."""
    from pairing.words import Renderer, entries, msg

    code = f"status.{status}"
    return Renderer.for_lang(lang).sentence(msg(code)).rstrip(".") if code in entries() else status


def criterion_text(name: str, lang: str) -> str:
    """A criterion's name from the registry (pairing/criteria.py); an unknown key as it is."""
    return BY_KEY[name].name(lang) if name in BY_KEY else name
