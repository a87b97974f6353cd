"""Export from the window, the ONNX Runtime switch, ONNX files made elsewhere (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

from gui.main_window import MainWindow
from tests.gui.conftest import load
from tests.gui.test_main_window import drop_files


def test_export_onnx_shows_parity_and_runtime_switch(qtbot, window: MainWindow, mobilenet_file: Path,
                                                     photos: Path, tmp_path: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    drop_files(window, sorted(photos.iterdir()))  # the user's images take part in the parity check
    qtbot.waitUntil(lambda: window.predictions.top_text() != "", timeout=20_000)
    out = tmp_path / "mnv2.onnx"
    with qtbot.waitSignal(window.client.worker.export_done, timeout=60_000):
        window.export_model(str(out), "onnx")
    assert "parity: 15/15 top-1 agree" in window.banner.text() and out.is_file()

    window.model_panel.runtime_combo.setCurrentIndex(1)  # ONNX Runtime
    qtbot.waitUntil(lambda: window.model_info.runtime == "onnxruntime", timeout=60_000)
    drop_files(window, [photos / "dog_samoyed.jpg"])
    qtbot.waitUntil(lambda: window.predictions.top_text() == "Samoyed", timeout=20_000)
    window.cam_controls.enabled.setChecked(True)
    qtbot.waitUntil(lambda: "ONNX Runtime, which cannot be" in window.banner.text(), timeout=20_000)
    window.cam_controls.enabled.setChecked(False)
    window.model_panel.runtime_combo.setCurrentIndex(0)  # back to PyTorch
    qtbot.waitUntil(lambda: window.model_info.runtime == "torch", timeout=60_000)


def test_onnx_file_without_preprocessing_asks_once(qtbot, window: MainWindow, shared_data: Path,
                                                  photos: Path) -> None:
    asked: list[str] = []

    def ask(path: str) -> str:
        asked.append(path)
        return "bgr255"

    window.ask_preset = ask  # type: ignore[method-assign]
    squeezenet = str(shared_data / "models" / "squeezenet1_1_fp16.onnx")
    drop_files(window, [Path(squeezenet)])
    qtbot.waitUntil(lambda: window.model_info is not None and window.model_info.runtime == "onnxruntime",
                    timeout=30_000)
    assert asked == [squeezenet]
    drop_files(window, [photos / "fish.png"])
    qtbot.waitUntil(lambda: window.predictions.top_text() == "tench", timeout=20_000)
    # remembered: loading it again does not ask
    before = window.model_info
    window.model_panel.set_weights_file(squeezenet)
    qtbot.waitUntil(lambda: window.model_info is not before, timeout=30_000)
    assert asked == [squeezenet]
