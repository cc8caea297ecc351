"""Thin launcher: no arguments opens the window; a subcommand runs headless (see README)."""

from __future__ import annotations

import importlib
import sys

from pairing.cli import COMMANDS


def _pdf_renderer():
    """The Qt PDF renderer, loaded only when a PDF is exported (`pairing` itself never imports Qt)."""
    return importlib.import_module("ui.pdf_renderer").QtPdfRenderer()


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in COMMANDS + ("-h", "--help"):
        from pairing.cli import main as cli_main

        return cli_main(argv, pdf_renderer=_pdf_renderer)
    from ui.app import main as window_main

    return window_main(argv)


if __name__ == "__main__":
    sys.exit(main())
