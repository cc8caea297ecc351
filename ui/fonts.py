"""The Simplified Chinese font of last resort: a machine with only Python has no CJK font (issue 11).

`resources/fonts/TalentPairingSansSC-Regular.otf` is a subset of Noto Sans CJK SC (SIL Open Font License 1.1,
`resources/fonts/OFL.txt`; made by `tools/subset_cjk_font.py`): GB 2312's 6,763 hanzi, the program's own
Chinese words, Latin and punctuation, about 3 MB. It is registered with Qt only when no installed font writes
Simplified Chinese; an installed font (Noto Sans CJK SC from `fonts-noto-cjk`, Source Han Sans, WenQuanYi,
Microsoft YaHei, PingFang) is always preferred, since it has every character.
"""

from __future__ import annotations

from pathlib import Path

BUNDLED = Path(__file__).resolve().parents[1] / "resources" / "fonts" / "TalentPairingSansSC-Regular.otf"
BUNDLED_FAMILY = "Talent Pairing Sans SC"
_registered: dict[str, str | None] = {}


def installed_chinese_families() -> list[str]:
    """Families of the machine (not ours) that write Simplified Chinese."""
    from PySide6.QtGui import QFontDatabase

    families = QFontDatabase.families(QFontDatabase.WritingSystem.SimplifiedChinese)
    return [f for f in families if f != BUNDLED_FAMILY]


def bundled_family(path: Path | None = None) -> str | None:
    """Register the bundled font with Qt (once) and return its family; None when it cannot be loaded."""
    from PySide6.QtGui import QFontDatabase

    path = path or BUNDLED
    key = str(path)
    if key not in _registered:
        font_id = QFontDatabase.addApplicationFont(key) if path.is_file() else -1
        families = QFontDatabase.applicationFontFamilies(font_id) if font_id >= 0 else []
        _registered[key] = families[0] if families else None
    return _registered[key]


def ensure_chinese_font() -> str | None:
    """Make sure Qt can draw Chinese (the window's words, people's names): register the bundled font when
    the machine has no Chinese font. Returns the bundled family when it was needed, else None."""
    if installed_chinese_families():
        return None
    return bundled_family()
