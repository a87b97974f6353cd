"""The Korean UI: a complete translation made with Qt's own tools, loaded by QTranslator, rendered with the
bundled Hangul font on a machine that has no CJK font."""

from __future__ import annotations

import shutil
import subprocess
import sys
import xml.etree.ElementTree as ET
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QSettings
from PySide6.QtGui import QFont, QFontDatabase, QFontMetrics
from PySide6.QtWidgets import QApplication

from convlens.gui.app import make_application
from convlens.gui.i18n import choose_language, install_language, language_from_args, registered_fonts
from convlens.gui.main_window import MainWindow

ROOT = Path(__file__).resolve().parents[2]
TS = ROOT / "resources" / "translations" / "convlens_ko.ts"


def test_the_korean_translation_is_complete_and_current(tmp_path: Path) -> None:
    """Every tr() in gui/ has a finished Korean entry: lupdate on today's sources finds nothing new."""
    copy = tmp_path / "convlens_ko.ts"
    shutil.copy(TS, copy)
    lupdate = Path(sys.executable).with_name("pyside6-lupdate")
    sources = sorted(str(p) for p in (ROOT / "gui").rglob("*.py"))
    out = subprocess.run([str(lupdate), *sources, "-no-obsolete", "-ts", str(copy)], capture_output=True, text=True,
                         check=True)
    assert "0 new" in out.stdout, out.stdout
    messages = ET.parse(copy).getroot().iter("message")
    unfinished = [m.findtext("source") for m in messages
                  if m.find("translation").get("type") in ("unfinished", "vanished", "obsolete")
                  or not (m.findtext("translation") or "").strip()]
    assert unfinished == []


@pytest.fixture()
def korean(qtbot) -> Iterator[QApplication]:  # noqa: ANN001
    app = make_application()
    loaded = install_language(app, "ko")
    if "convlens_ko" not in loaded:
        pytest.skip("resources/translations/convlens_ko.qm is not built: `make test` builds it (pyside6-lrelease)")
    yield app
    install_language(app, "en")


def test_the_window_speaks_korean_and_renders_hangul(qtbot, korean: QApplication, tmp_path: Path) -> None:
    window = MainWindow(QSettings(str(tmp_path / "s.ini"), QSettings.Format.IniFormat))
    window.ask_unsaved = lambda: "discard"  # type: ignore[method-assign]
    qtbot.addWidget(window)
    window.show()
    tabs = [window.tabs.tabText(i) for i in range(window.tabs.count())]
    assert tabs == ["이미지", "폴더 결과", "모델 내부", "라이브", "가르치기"]
    assert [a.text() for a in window.menuBar().actions()] == ["파일(&F)", "보기(&V)", "도움말(&H)"]
    # the bundled Noto Sans CJK KR is registered and draws Hangul (not empty boxes)
    families = registered_fonts()
    assert "Noto Sans CJK KR" in families
    font = QFont(window.font())
    assert "Noto Sans CJK KR" in font.families()
    assert QFontMetrics(QFont("Noto Sans CJK KR")).inFont("합")
    assert "Noto Sans CJK KR" in QFontDatabase.families()
    window.close()


def test_language_choice() -> None:
    assert language_from_args(["--lang", "ko", "photo.jpg"]) == ("ko", ["photo.jpg"])
    assert language_from_args(["--lang=en"]) == ("en", [])
    assert choose_language("ko") == "ko"
    settings = QSettings()
    assert choose_language(None, settings) in ("en", "ko")  # the system's, when nothing is saved
