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
def korean(qtbot) -> Iterator[QApplication]:
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
    assert tabs == ["이미지", "폴더 결과", "모델 내부", "라이브", "전이 학습", "비교"]  # the notes: 전이 학습
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


def test_every_engine_message_is_a_template_the_translators_have() -> None:
    """Each ConvLensError and Text in the engine is a literal template with named values (never an f-string, which could
    not be translated), and gui/engine_messages.py, which lupdate reads, lists them all."""
    import ast

    from convlens.gui.message_catalog import collect, render

    for path in sorted((ROOT / "engine").rglob("*.py")):
        if path.name == "errors.py":  # where ConvLensError wraps its message in a Text
            continue
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.Call) and getattr(node.func, "id", "") in ("ConvLensError", "Text"):
                first = node.args[0] if node.args else None
                assert isinstance(first, ast.Constant) and isinstance(first.value, str), f"{path}:{node.lineno}"
    assert (ROOT / "gui" / "engine_messages.py").read_text(encoding="utf-8") == render(collect()), \
        "gui/engine_messages.py is stale: run `make translations`"


def test_engine_errors_and_descriptions_in_korean(korean: QApplication, tmp_path: Path) -> None:
    from convlens.engine.core.errors import ConvLensError, Text
    from convlens.engine.data.images import load_image
    from convlens.engine.models.registry import get_arch
    from convlens.gui.i18n import architecture_text, engine_text, error_text

    missing = tmp_path / "없는.jpg"
    with pytest.raises(ConvLensError) as caught:
        load_image(missing)
    assert str(caught.value) == f"없는.jpg: file not found ({missing})."  # English for the CLI and the log
    assert error_text(caught.value) == f"없는.jpg: 파일을 찾을 수 없습니다 ({missing})."
    assert architecture_text(get_arch("mobilenet_v2").description).startswith("Sandler 2018: 선형 병목")
    # a skipped file in the folder table: the reason in Korean, without the file name the row already shows
    from convlens.gui.tabs.folder.view import reason_only

    reason = ConvLensError("{label}: not an image file, or a format that cannot be read.", label="x.jpg").text
    assert reason_only("/photos/x.jpg", reason) == "이미지 파일이 아니거나 읽을 수 없는 형식입니다."
    # words made of words: the model's name and its source, both translated
    assert engine_text(Text("{title} ({source})", title="ResNet-18", source=Text("file {name}", name="r.pth"))) == \
        "ResNet-18 (파일 r.pth)"
    # a message without a translation, or a broken one, falls back to English rather than failing
    assert error_text(ConvLensError("Not in the catalogue: {x}.", x=1)) == "Not in the catalogue: 1."


def test_every_message_has_the_context_it_is_looked_up_in() -> None:
    """`tr = self.tr` then `tr("...")` left 47 glossary entries in an empty context (English at run time): every
    context of the .ts must be a class of gui/ (whose self.tr looks there) or one the code names on purpose."""
    import re

    contexts = [c.findtext("name") for c in ET.parse(TS).getroot().iter("context")]
    sources = "\n".join(p.read_text(encoding="utf-8") for p in (ROOT / "gui").rglob("*.py"))
    classes = set(re.findall(r"^class (\w+)\(", sources, re.M))
    named = set(re.findall(r"translate\(\s*\"(\w+)\"", sources)) | {"Engine", "Architectures"}
    assert all(contexts), "a message without a context"
    assert set(contexts) <= classes | named, set(contexts) - classes - named


def test_the_glossary_is_korean_at_run_time(korean: QApplication) -> None:
    import re

    from convlens.gui.glossary import Glossary

    entries = Glossary().entries()
    # every term of the notes a learner meets in the app (issue 26's list), at least 30
    assert len(entries) >= 30 and {"convolution", "kernel", "stride", "padding", "pooling", "receptive_field",
                                   "feature_map", "batch_norm", "relu", "parameters", "flops", "bottleneck",
                                   "depthwise", "softmax", "topk", "shortcut", "inception"} <= set(entries)
    hangul = re.compile(r"[\uac00-\ud7a3]")
    english = [key for key, (name, text) in entries.items() if not (hangul.search(name) and hangul.search(text))]
    assert not english, english
