"""Fill unfinished entries of the Chinese .ts catalogue from tools/zh_cn_glossary.py; list what is left.

Usage: .venv/bin/python tools/fill_translations.py   (then tools/update_translations.py compiles the .qm)
"""

from __future__ import annotations

import sys
import xml.etree.ElementTree as ET
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
from zh_cn_glossary import ZH_CN  # noqa: E402

CATALOGUE = Path(__file__).resolve().parents[1] / "resources" / "translations" / "talent_pairing_zh_CN.ts"


def translation_for(context: str, source: str) -> str | None:
    return ZH_CN.get((context, source), ZH_CN.get(source))


def fill(message: ET.Element, context: str) -> bool:
    """Fill one message; True when it has a finished translation afterwards."""
    source = message.findtext("source") or ""
    translation = message.find("translation")
    if translation.get("type") in ("vanished", "obsolete"):
        return True
    if translation.get("type") != "unfinished" and (translation.text or len(translation)):
        return True  # already translated (by hand or an earlier run): keep it
    text = translation_for(context, source)
    if text is None:
        return False
    translation.attrib.pop("type", None)
    if message.get("numerus") == "yes":
        for child in list(translation):
            translation.remove(child)
        ET.SubElement(translation, "numerusform").text = text
    else:
        translation.text = text
    return True


def main() -> int:
    tree = ET.parse(CATALOGUE)
    missing = []
    for context in tree.getroot().iter("context"):
        name = context.findtext("name")
        for message in context.iter("message"):
            if not fill(message, name):
                missing.append(f"{name}: {message.findtext('source')!r}")
    ET.indent(tree)
    with CATALOGUE.open("wb") as handle:
        handle.write(b'<?xml version="1.0" encoding="utf-8"?>\n<!DOCTYPE TS>\n')
        tree.write(handle, encoding="utf-8", xml_declaration=False)
    print("\n".join(["untranslated:", *missing]) if missing else "every message is translated")
    return 0


if __name__ == "__main__":
    sys.exit(main())
