"""Before the window opens on Linux: do the libraries of Qt's X11 platform plugin load? If not, name the packages.

Qt itself only says "xcb-cursor0 is needed" whatever is missing (issue 11: the missing libraries were
libxcb-icccm4 and libxcb-keysyms1). This module imports no Qt, so it runs even when Qt cannot start:
`python -m ui.platform_check` (what `make run` does first) prints the exact packages and exits 1.
"""

from __future__ import annotations

import ctypes
import importlib.util
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

# The shared libraries the xcb plugin needs beyond glibc, and the package that ships each one.
# (Debian/Ubuntu package, Fedora package)
PACKAGES: dict[str, tuple[str, str]] = {
    "libxcb-cursor.so.0": ("libxcb-cursor0", "xcb-util-cursor"),
    "libxcb-icccm.so.4": ("libxcb-icccm4", "xcb-util-wm"),
    "libxcb-keysyms.so.1": ("libxcb-keysyms1", "xcb-util-keysyms"),
    "libxcb-image.so.0": ("libxcb-image0", "xcb-util-image"),
    "libxcb-render-util.so.0": ("libxcb-render-util0", "xcb-util-renderutil"),
    "libxcb-util.so.1": ("libxcb-util1", "xcb-util"),
    "libxkbcommon-x11.so.0": ("libxkbcommon-x11-0", "libxkbcommon-x11"),
    "libxkbcommon.so.0": ("libxkbcommon0", "libxkbcommon"),
    "libX11-xcb.so.1": ("libx11-xcb1", "libX11-xcb"),
    "libX11.so.6": ("libx11-6", "libX11"),
    "libxcb.so.1": ("libxcb1", "libxcb"),
    "libSM.so.6": ("libsm6", "libSM"),
    "libICE.so.6": ("libice6", "libICE"),
    "libEGL.so.1": ("libegl1", "libglvnd-egl"),
    "libGL.so.1": ("libgl1", "libglvnd-glx"),
    "libOpenGL.so.0": ("libopengl0", "libglvnd-opengl"),
    "libfontconfig.so.1": ("libfontconfig1", "fontconfig"),
    "libfreetype.so.6": ("libfreetype6", "freetype"),
    "libdbus-1.so.3": ("libdbus-1-3", "dbus-libs"),
    "libglib-2.0.so.0": ("libglib2.0-0", "glib2"),
    "libgthread-2.0.so.0": ("libglib2.0-0", "glib2"),
}
# The xcb extensions: one Debian package each, all in Fedora's libxcb.
PACKAGES.update({f"libxcb-{ext}.so.{n}": (f"libxcb-{ext}{n}", "libxcb") for ext, n in (
    ("randr", 0), ("shape", 0), ("xfixes", 0), ("sync", 1), ("shm", 0), ("render", 0), ("xinerama", 0),
    ("xinput", 0), ("xkb", 1))})
# Qt opens this one at run time (dlopen) instead of linking it, so `ldd` cannot see it missing.
LOADED_AT_RUN_TIME = ("libxcb-cursor.so.0",)
_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


def xcb_plugin_files() -> list[Path]:
    """The X11 platform plugin of the installed PySide6 and the Qt library it is built on."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return []
    qt = Path(spec.origin).parent / "Qt"
    candidates = [qt / "plugins" / "platforms" / "libqxcb.so", *sorted((qt / "lib").glob("libQt6XcbQpa.so*"))]
    return [path for path in candidates if path.exists()][:2]


def missing_in_ldd(output: str) -> set[str]:
    """The library names that `ldd` reports as not found."""
    return set(_NOT_FOUND.findall(output))


def missing_libraries() -> list[str]:
    """Every library the X11 plugin needs and the dynamic loader cannot find, sorted."""
    missing: set[str] = set()
    if shutil.which("ldd"):
        for path in xcb_plugin_files():
            done = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False)
            missing |= missing_in_ldd(done.stdout)
    for name in LOADED_AT_RUN_TIME:
        if not _loads(name):
            missing.add(name)
    return sorted(missing)


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def install_advice(missing: list[str]) -> str:
    """A paragraph naming the missing libraries and the exact install lines for Debian/Ubuntu and Fedora."""
    debian = sorted({PACKAGES.get(name, (None, None))[0] for name in missing} - {None})
    fedora = sorted({PACKAGES.get(name, (None, None))[1] for name in missing} - {None})
    unknown = [name for name in missing if name not in PACKAGES]
    lines = ["Talent Pairing cannot open its window: Qt's X11 platform plugin needs libraries that are not "
             f"installed ({', '.join(missing)}).",
             "Install them, then start again:"]
    if debian:
        lines.append(f"  Debian/Ubuntu:  sudo apt-get install {' '.join(debian)}")
    if fedora:
        lines.append(f"  Fedora:         sudo dnf install {' '.join(fedora)}")
    if unknown:
        lines.append(f"  (and whatever package provides {', '.join(unknown)} on your system)")
    return "\n".join(lines)


def needs_check() -> bool:
    """Only Linux with an X11 platform (or none chosen) loads the xcb plugin."""
    platform = os.environ.get("QT_QPA_PLATFORM", "")
    return sys.platform.startswith("linux") and platform in ("", "xcb") and bool(xcb_plugin_files())


def check() -> str | None:
    """The advice to print when the window cannot open here, else None."""
    if not needs_check():
        return None
    missing = missing_libraries()
    return install_advice(missing) if missing else None


def main() -> int:
    advice = check()
    if advice:
        print(advice, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
