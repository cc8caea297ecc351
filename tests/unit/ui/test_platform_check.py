"""`make run` on a machine without Qt's X11 libraries names the exact packages (issue 11, item 9)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

from ui import platform_check

LDD = """\
\tlinux-vdso.so.1 (0x00007ffd)
\tlibQt6XcbQpa.so.6 => /venv/PySide6/Qt/lib/libQt6XcbQpa.so.6 (0x00007f)
\tlibxcb-icccm.so.4 => not found
\tlibxcb-keysyms.so.1 => not found
\tlibxcb.so.1 => /lib/x86_64-linux-gnu/libxcb.so.1 (0x00007f)
"""


def test_ldd_output_gives_the_missing_libraries():
    assert platform_check.missing_in_ldd(LDD) == {"libxcb-icccm.so.4", "libxcb-keysyms.so.1"}


def test_advice_names_debian_and_fedora_packages():
    advice = platform_check.install_advice(["libxcb-icccm.so.4", "libxcb-keysyms.so.1"])
    assert "sudo apt-get install libxcb-icccm4 libxcb-keysyms1" in advice
    assert "sudo dnf install xcb-util-keysyms xcb-util-wm" in advice
    assert "xcb-cursor0 is needed" not in advice


def test_an_unknown_library_is_still_named():
    advice = platform_check.install_advice(["libweird.so.3"])
    assert "libweird.so.3" in advice and "whatever package provides libweird.so.3" in advice


def test_every_known_library_maps_to_one_package_per_system():
    assert all(len(pair) == 2 and all(pair) for pair in platform_check.PACKAGES.values())


def test_offscreen_checks_the_libraries_the_tests_need(monkeypatch):
    """`make test` runs Qt offscreen: a machine with only Python lacks libEGL, libGL, libxkbcommon… (issue 11)."""
    monkeypatch.setenv("QT_QPA_PLATFORM", "offscreen")
    asked = []
    monkeypatch.setattr(platform_check, "missing_libraries",
                        lambda platform: asked.append(platform) or ["libEGL.so.1", "libxkbcommon.so.0"])
    advice = platform_check.check()
    assert asked == ["offscreen"] and "offscreen platform" in advice
    assert "sudo apt-get install libegl1 libxkbcommon0" in advice
    assert "sudo dnf install libglvnd-egl libxkbcommon" in advice


def test_the_offscreen_plugin_and_qt_gui_are_what_is_checked():
    names = [path.name for path in platform_check.plugin_files("offscreen")]
    assert names[0] == "libqoffscreen.so" and names[1].startswith("libQt6Gui.so")


def test_another_platform_is_not_checked(monkeypatch):
    monkeypatch.setenv("QT_QPA_PLATFORM", "wayland")
    assert platform_check.check() is None


def test_the_module_runs_without_qt_and_reports_through_its_exit_status():
    """What `make run` calls: exit 0 and silent when the plugin loads, else 1 with the advice on stderr."""
    done = subprocess.run([sys.executable, "-m", "ui.platform_check"], capture_output=True, text=True,
                          env={"QT_QPA_PLATFORM": "xcb", "PATH": "/usr/bin:/bin"}, check=False,
                          cwd=Path(__file__).parents[3])
    expected = platform_check.missing_libraries() if sys.platform.startswith("linux") else []
    assert done.returncode == (1 if expected else 0)
    assert all(name in done.stderr for name in expected)
    assert "Traceback" not in done.stderr
