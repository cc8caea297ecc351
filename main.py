"""Thin launcher: no arguments opens the window; a subcommand runs headless (see README)."""

from __future__ import annotations

import sys

from pairing.cli import COMMANDS


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    if argv and argv[0] in COMMANDS + ("-h", "--help"):
        from pairing.cli import main as cli_main

        return cli_main(argv)
    from ui.app import main as window_main

    return window_main(argv)


if __name__ == "__main__":
    sys.exit(main())
