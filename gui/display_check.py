"""Why the window could not open, said before Qt aborts (Linux).

Without a display, or with the X11 plugin's system libraries missing (a fresh Debian or Ubuntu has no
``libxcb-cursor0``), Qt prints "Could not load the Qt platform plugin "xcb"... Reinstalling the application may fix
this problem" and aborts with a core dump. ConvLens checks first and says what to do instead: exit 2, one message.
"""

from __future__ import annotations

import ctypes
import os
import re
import sys
from pathlib import Path

__all__ = ["display_problem"]

#: Debian / Ubuntu packages of the libraries Qt's xcb plugin links, by library name.
_PACKAGES = {
    "libxcb-cursor.so.0": "libxcb-cursor0", "libxcb-icccm.so.4": "libxcb-icccm4", "libxcb-image.so.0": "libxcb-image0",
    "libxcb-keysyms.so.1": "libxcb-keysyms1", "libxcb-randr.so.0": "libxcb-randr0",
    "libxcb-render-util.so.0": "libxcb-render-util0", "libxcb-shape.so.0": "libxcb-shape0",
    "libxcb-xinerama.so.0": "libxcb-xinerama0", "libxcb-xkb.so.1": "libxcb-xkb1",
    "libxkbcommon-x11.so.0": "libxkbcommon-x11-0", "libxcb-xfixes.so.0": "libxcb-xfixes0", "libEGL.so.1": "libegl1",
    "libGL.so.1": "libgl1", "libfontconfig.so.1": "libfontconfig1", "libdbus-1.so.3": "libdbus-1-3",
}
_ALL = " ".join(sorted(set(_PACKAGES.values())))


def display_problem(environ: dict[str, str] | None = None, platform: str = sys.platform) -> str | None:
    """The reason the window cannot open here, or None when it can (or when Qt is told where to draw)."""
    env = os.environ if environ is None else environ
    if not platform.startswith("linux") or (env.get("QT_QPA_PLATFORM") or "xcb").split(":")[0] != "xcb":
        return None
    if env.get("WAYLAND_DISPLAY") and not env.get("DISPLAY"):
        return None  # Qt's Wayland plugin draws (QT_QPA_PLATFORM unset picks it there)
    if not env.get("DISPLAY"):
        return ("ConvLens needs a desktop to show its window, and there is none here (DISPLAY is not set). Start it "
                "from a desktop session, or use the command line (`convlens classify PHOTO`, `convlens --help`); "
                "`convlens --self-test` checks the app without a screen.")
    missing = _missing_xcb_library()
    if missing:
        package = _PACKAGES.get(missing, "")
        install = f"sudo apt-get install {package}" if package else f"install the package that provides {missing}"
        return (f"ConvLens cannot open its window: Qt's X11 plugin needs the system library {missing}, which is not "
                f"installed. On Debian or Ubuntu: `{install}` (Qt's X11 plugin uses these: {_ALL}).")
    return None


def _missing_xcb_library() -> str | None:
    plugin = _xcb_plugin()
    if plugin is None:
        return None
    try:
        ctypes.CDLL(str(plugin))
    except OSError as exc:  # "libxcb-icccm.so.4: cannot open shared object file: No such file or directory"
        found = re.search(r"(lib[\w.+-]+\.so[\w.]*): cannot open shared object file", str(exc))
        return found.group(1) if found else None
    return None


def _xcb_plugin() -> Path | None:
    try:
        import PySide6
    except ImportError:
        return None
    plugin = Path(PySide6.__file__).parent / "Qt" / "plugins" / "platforms" / "libqxcb.so"
    return plugin if plugin.is_file() else None
