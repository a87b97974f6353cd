"""Export from the window, the ONNX Runtime switch, ONNX files made elsewhere (pytest-qt, offscreen)."""

from __future__ import annotations

from pathlib import Path

from PySide6.QtCore import QSettings

from convlens.gui.main_window import MainWindow
from tests.gui.helpers import drop_files, load


def test_export_onnx_shows_parity_and_runtime_switch(qtbot, window: MainWindow, mobilenet_file: Path,
                                                     photos: Path, tmp_path: Path) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    drop_files(window, sorted(photos.iterdir()))  # the user's images take part in the parity check
    qtbot.waitUntil(lambda: window.images.predictions.top_text() != "", timeout=20_000)
    out = tmp_path / "mnv2.onnx"
    job = window.export_model(str(out), "onnx")
    with qtbot.waitSignal(job.finished, timeout=60_000):
        pass
    assert "parity: 15/15 top-1 agree" in window.banner.text() and out.is_file()

    combo = window.model_panel.runtime_combo
    combo.setCurrentIndex(combo.findData("onnxruntime"))
    qtbot.waitUntil(lambda: window.model_info.runtime == "onnxruntime", timeout=60_000)
    drop_files(window, [photos / "dog_samoyed.jpg"])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "Samoyed", timeout=20_000)
    assert window.model_panel.runtime_used.text() == "classifying with ONNX Runtime"
    # CAM and feature maps use the PyTorch model behind the runtime (the two agree: parity-checked)
    window.images.cam_controls.enabled.setChecked(True)
    qtbot.waitUntil(window.images.image_view.has_overlay, timeout=30_000)
    window.images.cam_controls.enabled.setChecked(False)
    combo.setCurrentIndex(combo.findData("openvino"))
    qtbot.waitUntil(lambda: window.model_info.runtime == "openvino", timeout=120_000)
    assert window.model_panel.runtime_used.text().startswith("classifying with OpenVINO ")  # with its precision
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "Samoyed", timeout=20_000)
    combo.setCurrentIndex(combo.findData("torch"))  # back to PyTorch
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
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "tench", timeout=20_000)
    # remembered: loading it again does not ask
    before = window.model_info
    window.model_panel.set_weights_file(squeezenet)
    qtbot.waitUntil(lambda: window.model_info is not before, timeout=30_000)
    assert asked == [squeezenet]


def test_keras_vgg19_file_from_the_weights_picker(qtbot, window: MainWindow, tmp_path: Path) -> None:
    import torch

    from convlens.engine.models.registry import get_arch
    from tests.keras_h5 import write_keras_vgg_h5

    torch.manual_seed(0)
    h5 = write_keras_vgg_h5(get_arch("vgg19").build(), "vgg19", tmp_path / "vgg19_weights_tf_dim_ordering_tf_kernels.h5")
    load(qtbot, window, "vgg19", "file", str(h5))
    assert window.model_info.title == "VGG19" and window.model_info.source.startswith("Keras")
    labels = [window.model_panel.arch_combo.itemText(i).strip() for i in range(window.model_panel.arch_combo.count())]
    for title in ("Pre-act ResNet-18", "Pre-act ResNet-50", "SE-ResNet-50", "NASNet-A Mobile"):
        assert title in labels


def started_window(qtbot, settings: QSettings) -> MainWindow:
    """A window started on ``settings`` as the app starts one (the remembered model and runtime)."""
    win = MainWindow(settings)
    win.ask_unsaved = lambda: "discard"  # type: ignore[method-assign]
    win.ask_recover = lambda _when: False  # type: ignore[method-assign]
    qtbot.addWidget(win)
    win.show()
    win.start()
    return win


def test_int8_calibrated_on_a_folder_says_so_on_every_answer(qtbot, window: MainWindow, settings: QSettings,
                                                             mobilenet_file: Path, photos: Path, tmp_path: Path) -> None:
    """Runtime -> "Fast int8 (calibrate on a folder...)": the folder is asked for, the model is quantized as a job,
    and the answers say they are int8's, with the agreement measured on the calibration images. The choice is
    remembered with its folder: the next start classifies in int8 again."""
    from tests.photo_views import views

    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    calibration = views(photos, tmp_path / "calibration", 30, seed=4)
    asked: list[int] = []
    window.ask_calibration_folder = lambda: asked.append(1) or ""  # type: ignore[method-assign]
    combo = window.model_panel.runtime_combo
    combo.setCurrentIndex(combo.findData("int8"))
    assert asked == [1] and combo.currentData() != "int8"  # no folder: the choice goes back, nothing changes
    window.ask_calibration_folder = lambda: str(calibration)  # type: ignore[method-assign]
    combo.setCurrentIndex(combo.findData("int8"))
    qtbot.waitUntil(lambda: window.model_info.precision == "int8", timeout=180_000)
    assert window.model_panel.runtime_used.text() == "classifying with OpenVINO int8"
    assert "calibrated on 30 images of calibration" in window.model_panel.runtime_used.toolTip()
    drop_files(window, [photos / "dog_samoyed.jpg"])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "Samoyed", timeout=30_000)
    assert "int8" in window.ctx.model_name() and "reduced precision" in window.ctx.model_name()
    window.grab().save(str(tmp_path / "int8.png"))
    window.close()

    again = started_window(qtbot, settings)
    qtbot.waitUntil(lambda: again.model_info is not None and again.model_info.precision == "int8", timeout=120_000)
    assert again.model_info.arch == "mobilenet_v2" and again.model_panel.runtime == "int8"
    assert "calibrated on 30 images of calibration" in again.model_panel.runtime_used.toolTip()
    combo = again.model_panel.runtime_combo
    combo.setCurrentIndex(combo.findData("torch"))  # back to the model's own numbers
    qtbot.waitUntil(lambda: again.model_info.precision == "f32", timeout=60_000)
    again.close()
    assert settings.value("runtime") == "torch"


def test_a_remembered_int8_folder_that_is_gone_is_said_and_auto_answers(qtbot, settings: QSettings,
                                                                        tmp_path: Path) -> None:
    from convlens.gui.app import make_application

    make_application()
    settings.setValue("runtime", "int8")
    settings.setValue("int8_calibration", str(tmp_path / "moved away"))
    win = started_window(qtbot, settings)
    qtbot.waitUntil(lambda: win.model_info is not None, timeout=60_000)
    assert win.model_info.precision == "f32" and win.model_panel.runtime == "auto"
    assert "moved away, which is no longer there" in win.banner.text()
    assert settings.value("runtime") == "auto"
    win.close()
