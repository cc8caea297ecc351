"""Before Qt starts on Linux: do the libraries of its platform plugin load? If not, name the packages.

Qt itself only says "xcb-cursor0 is needed" whatever is missing (issue 11: the missing libraries were
libxcb-icccm4 and libxcb-keysyms1), and a machine with only Python lacks even the libraries of the
headless (offscreen) plugin the tests use (libEGL, libGL, libfontconfig, libxkbcommon…). This module imports
no Qt, so it runs even when Qt cannot start: `python -m ui.platform_check` (what `make run` does first) checks
the X11 plugin, `QT_QPA_PLATFORM=offscreen python -m ui.platform_check` (what `make test` does first) the
offscreen one; each prints the exact Debian/Ubuntu and Fedora packages and exits 1 when something is missing.
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
    "libGLX.so.0": ("libglx0", "libglvnd-glx"),
    "libGLdispatch.so.0": ("libglvnd0", "libglvnd"),
    "libXau.so.6": ("libxau6", "libXau"),
    "libXdmcp.so.6": ("libxdmcp6", "libXdmcp"),
    "libexpat.so.1": ("libexpat1", "expat"),
    "libpng16.so.16": ("libpng16-16", "libpng"),
    "libz.so.1": ("zlib1g", "zlib"),
    "libpcre2-8.so.0": ("libpcre2-8-0", "pcre2"),
    "libzstd.so.1": ("libzstd1", "libzstd"),
}
# The xcb extensions: one Debian package each, all in Fedora's libxcb.
PACKAGES.update({f"libxcb-{ext}.so.{n}": (f"libxcb-{ext}{n}", "libxcb") for ext, n in (
    ("randr", 0), ("shape", 0), ("xfixes", 0), ("sync", 1), ("shm", 0), ("render", 0), ("xinerama", 0),
    ("xinput", 0), ("xkb", 1))})
# Qt opens this one at run time (dlopen) instead of linking it, so `ldd` cannot see it missing.
LOADED_AT_RUN_TIME = ("libxcb-cursor.so.0",)
_NOT_FOUND = re.compile(r"^\s*(\S+)\s*=>\s*not found", re.MULTILINE)


def plugin_files(platform: str = "xcb") -> list[Path]:
    """The platform plugin of the installed PySide6 (`xcb` for a window, `offscreen` for the tests) and the
    Qt library it is built on."""
    spec = importlib.util.find_spec("PySide6")
    if spec is None or spec.origin is None:
        return []
    qt = Path(spec.origin).parent / "Qt"
    library = "libQt6XcbQpa.so*" if platform == "xcb" else "libQt6Gui.so*"
    candidates = [qt / "plugins" / "platforms" / f"libq{platform}.so", *sorted((qt / "lib").glob(library))]
    return [path for path in candidates if path.exists()][:2]


def xcb_plugin_files() -> list[Path]:
    return plugin_files("xcb")


def missing_in_ldd(output: str) -> set[str]:
    """The library names that `ldd` reports as not found."""
    return set(_NOT_FOUND.findall(output))


def missing_libraries(platform: str = "xcb") -> list[str]:
    """Every library the platform plugin needs and the dynamic loader cannot find, sorted."""
    missing: set[str] = set()
    if shutil.which("ldd"):
        for path in plugin_files(platform):
            done = subprocess.run(["ldd", str(path)], capture_output=True, text=True, check=False)
            missing |= missing_in_ldd(done.stdout)
    for name in LOADED_AT_RUN_TIME if platform == "xcb" else ():
        if not _loads(name):
            missing.add(name)
    return sorted(missing)


def _loads(name: str) -> bool:
    try:
        ctypes.CDLL(name)
    except OSError:
        return False
    return True


def install_advice(missing: list[str], platform: str = "xcb") -> str:
    """A paragraph naming the missing libraries and the exact install lines for Debian/Ubuntu and Fedora."""
    debian = sorted({PACKAGES.get(name, (None, None))[0] for name in missing} - {None})
    fedora = sorted({PACKAGES.get(name, (None, None))[1] for name in missing} - {None})
    unknown = [name for name in missing if name not in PACKAGES]
    what = ("Talent Pairing cannot open its window: Qt's X11 platform plugin" if platform == "xcb" else
            "Qt cannot start without a screen (the tests and the PDF export use its offscreen platform): it")
    lines = [f"{what} needs libraries that are not installed ({', '.join(missing)}).",
             "Install them, then start again:"]
    if debian:
        lines.append(f"  Debian/Ubuntu:  sudo apt-get install {' '.join(debian)}")
    if fedora:
        lines.append(f"  Fedora:         sudo dnf install {' '.join(fedora)}")
    if unknown:
        lines.append(f"  (and whatever package provides {', '.join(unknown)} on your system)")
    return "\n".join(lines)


def chosen_platform() -> str | None:
    """The plugin Qt will load on Linux: `xcb` (X11, also when none is chosen) or `offscreen`; None for
    another platform or system, which this module does not check."""
    platform = os.environ.get("QT_QPA_PLATFORM", "").split(":")[0]
    if not sys.platform.startswith("linux"):
        return None
    return "xcb" if platform in ("", "xcb") else "offscreen" if platform == "offscreen" else None


def needs_check() -> bool:
    platform = chosen_platform()
    return platform is not None and bool(plugin_files(platform))


def check() -> str | None:
    """The advice to print when Qt cannot start here with the chosen platform, else None."""
    if not needs_check():
        return None
    platform = chosen_platform()
    missing = missing_libraries(platform)
    return install_advice(missing, platform) if missing else None


def main() -> int:
    advice = check()
    if advice:
        print(advice, file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
