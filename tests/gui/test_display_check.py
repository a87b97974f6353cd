"""Without a screen, or with Qt's X11 plugin missing a system library, the app says so and exits 2 (Qt itself
printed "Reinstalling the application may fix this problem" and aborted with a core dump)."""

from __future__ import annotations

import ctypes
import os
import subprocess
import sys

import pytest

from convlens.gui import display_check
from convlens.gui.display_check import display_problem


def test_no_display_is_said_and_told_where_to_go() -> None:
    problem = display_problem({}, "linux")
    assert problem is not None and "DISPLAY is not set" in problem and "--self-test" in problem
    assert display_problem({"QT_QPA_PLATFORM": "offscreen"}, "linux") is None
    assert display_problem({"WAYLAND_DISPLAY": "wayland-0"}, "linux") is None
    assert display_problem({}, "darwin") is None and display_problem({}, "win32") is None


def test_a_missing_xcb_library_is_named_with_its_package(monkeypatch: pytest.MonkeyPatch) -> None:
    if display_check._xcb_plugin() is None:
        pytest.skip("PySide6 here has no xcb plugin")

    def refuse(path: str, *args: object, **kwargs: object) -> object:
        raise OSError(f"{path}: libxcb-icccm.so.4: cannot open shared object file: No such file or directory")

    monkeypatch.setattr(ctypes, "CDLL", refuse)
    problem = display_problem({"DISPLAY": ":0"}, "linux")
    assert problem is not None and "libxcb-icccm.so.4" in problem and "apt-get install libxcb-icccm4" in problem


@pytest.mark.skipif(not sys.platform.startswith("linux"), reason="X11 and DISPLAY are Linux's")
def test_the_app_without_a_display_exits_2_with_one_message(tmp_path) -> None:
    env = {k: v for k, v in os.environ.items() if k not in ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")}
    env["XDG_CONFIG_HOME"] = str(tmp_path)
    done = subprocess.run([sys.executable, "-m", "convlens.gui.main"], env=env, capture_output=True, text=True,
                          timeout=60)
    assert done.returncode == 2, done.stderr
    assert "DISPLAY is not set" in done.stderr and "Reinstalling" not in done.stderr
