"""Live mode: a camera, video file or stream with the prediction following it; recording samples."""

from __future__ import annotations

import time
from collections import deque
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QEvent, QObject, Qt, QTimer, Signal
from PySide6.QtGui import QKeyEvent, QPixmap
from PySide6.QtWidgets import (
    QAbstractSpinBox,
    QApplication,
    QCheckBox,
    QComboBox,
    QDoubleSpinBox,
    QFileDialog,
    QFormLayout,
    QGroupBox,
    QHBoxLayout,
    QLabel,
    QLineEdit,
    QListWidget,
    QPlainTextEdit,
    QPushButton,
    QSlider,
    QSpinBox,
    QTextEdit,
    QVBoxLayout,
    QWidget,
)

from convlens.engine.data.video import FrameMailbox
from convlens.gui.glossary import Glossary, explain
from convlens.gui.tabs.live.canvas import LiveCanvas
from convlens.gui.tabs.live.recording_controls import LiveRecording

if TYPE_CHECKING:
    from convlens.engine.app.live import LiveResult, LiveSummary
    from convlens.engine.data.recording import DatasetRecorder
    from convlens.engine.data.video import Frame


class LiveView(LiveRecording, QWidget):
    """Controls + canvas + recorder. Talks to the engine through signals the main window connects."""

    start_requested = Signal(str)  # source
    stop_requested = Signal()
    pause_changed = Signal(bool)
    options_changed = Signal()  # mirror, crop, CAM
    record_changed = Signal(object, float)  # class name or None, frames per second
    message = Signal(str)  # an error for the window's banner
    info = Signal(str)  # a success or note for the window's banner (not an error)
    find_cameras_requested = Signal()
    counts_requested = Signal()  # the window counts the samples per class (a job: it walks folders)
    delete_requested = Signal(str, int)  # class name, how many of its newest samples
    save_image_requested = Signal(str, object)  # path, RGB array: written on the engine thread

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.display = FrameMailbox(every_frame=True)
        self.running = False
        self.paused = False
        self.last_result: LiveResult | None = None
        self.paused_on: LiveResult | None = None  # the frame the engine stopped on (set once it confirms)
        self._shown: deque[float] = deque(maxlen=90)
        self._captured: deque[tuple[float, int]] = deque(maxlen=90)
        self.recorder: DatasetRecorder | None = None
        self.recording_class: str | None = None
        self.frames_shown = 0
        self._squashes = False
        self._counts: dict[str, int] = {}
        self.precision_note = ""  # " · OpenVINO bf16, reduced precision" when the answers are not f32's

        self.source = QComboBox()
        self.source.setEditable(True)
        self.source.setObjectName("live_source")
        self.source.setMinimumContentsLength(18)
        editor = self.source.lineEdit()
        assert editor is not None  # an editable combo box has one
        editor.setPlaceholderText(self.tr("0, video.mp4 or rtsp://…"))
        self.source.addItem("0")
        self.browse = QPushButton(self.tr("Video file…"))
        self.find_cameras = QPushButton(self.tr("Find cameras"))
        self.start_button = QPushButton(self.tr("Start"))
        self.start_button.setObjectName("live_start")
        self.pause_button = QPushButton(self.tr("Pause"))
        self.pause_button.setCheckable(True)
        self.pause_button.setEnabled(False)
        self.mirror = QCheckBox(self.tr("Mirror"))
        self.crop = QCheckBox(self.tr("Crop guide"))
        self.crop.setChecked(True)
        self.loop = QCheckBox(self.tr("Loop video files"))
        self.loop.setObjectName("live_loop")
        self.cam = QCheckBox(self.tr("CAM"))
        self.cam_opacity = QSlider(Qt.Orientation.Horizontal)
        self.cam_opacity.setRange(0, 100)
        self.cam_opacity.setValue(50)
        self.cam_opacity.setFixedWidth(80)
        self.snapshot = QPushButton(self.tr("Snapshot…"))
        self.snapshot.setEnabled(False)
        top = QHBoxLayout()
        top.addWidget(QLabel(self.tr("Source:")))
        top.addWidget(self.source, 1)
        top.addWidget(self.browse)
        top.addWidget(self.find_cameras)
        top.addWidget(self.start_button)
        top.addWidget(self.pause_button)
        second = QHBoxLayout()
        for w in (self.mirror, self.crop, self.loop, self.cam, self.cam_opacity, self.snapshot):
            second.addWidget(w)
        second.addStretch(1)
        self.canvas = LiveCanvas()

        # -- recording
        self.dataset_label = QLabel(self.tr("No dataset folder"))
        self.dataset_label.setWordWrap(True)
        self.dataset_button = QPushButton(self.tr("Dataset folder…"))
        self.class_name = QLineEdit()
        self.class_name.setPlaceholderText(self.tr("class name, e.g. rock"))
        self.class_name.returnPressed.connect(self._class_name_entered)
        self.rate = QDoubleSpinBox()
        self.rate.setRange(0.5, 30.0)
        self.rate.setValue(5.0)
        self.rate.setSuffix(self.tr(" frames/s"))
        self.record_button = QPushButton(self.tr("Hold to record (R)"))
        self.record_button.setObjectName("record_button")
        self.record_button.setEnabled(False)
        self.counts = QListWidget()
        self.counts.setObjectName("class_counts")
        self.delete_n = QSpinBox()
        self.delete_n.setRange(1, 1000)
        self.delete_n.setValue(10)
        self.delete_button = QPushButton(self.tr("Delete last"))
        self.open_folder = QPushButton(self.tr("Open dataset folder"))
        rec = QGroupBox(self.tr("Record samples"))
        form = QFormLayout(rec)
        form.addRow(self.dataset_button, self.dataset_label)
        form.addRow(self.tr("Class:"), self.class_name)
        form.addRow(self.tr("Rate:"), self.rate)
        form.addRow(self.record_button)
        form.addRow(self.counts)
        delete_row = QHBoxLayout()
        delete_row.addWidget(self.delete_button)
        delete_row.addWidget(self.delete_n)
        form.addRow(delete_row)
        form.addRow(self.open_folder)
        rec.setMaximumWidth(300)
        glossary = Glossary(self)  # the jargon, explained where it appears
        explain(glossary, "crop", self.crop)
        explain(glossary, "cam", self.cam, self.cam_opacity)
        explain(glossary, "fps", self.canvas)
        explain(glossary, "samples", rec)

        body = QHBoxLayout()
        body.addWidget(self.canvas, 1)
        body.addWidget(rec)
        layout = QVBoxLayout(self)
        layout.addLayout(top)
        layout.addLayout(second)
        layout.addLayout(body, 1)

        self.timer = QTimer(self)
        self.timer.setInterval(10)
        self.timer.timeout.connect(self._show_newest_frame)
        self.counts_timer = QTimer(self)
        self.counts_timer.setInterval(500)
        self.counts_timer.timeout.connect(self.refresh_counts)
        app = QApplication.instance()
        assert app is not None  # widgets exist only in an application
        app.installEventFilter(self)  # hold R anywhere in the tab, except while typing

        self.start_button.clicked.connect(self._on_start_stop)
        self.pause_button.toggled.connect(self._on_pause)
        self.browse.clicked.connect(self._browse)
        self.find_cameras.clicked.connect(self.find_cameras_requested)
        self.mirror.toggled.connect(self._on_view_option)
        self.crop.toggled.connect(self._on_view_option)
        self.loop.toggled.connect(self._on_view_option)
        self.cam.toggled.connect(self._on_cam_toggled)
        self.cam_opacity.valueChanged.connect(self._on_opacity)
        self.snapshot.clicked.connect(self._snapshot_dialog)
        self.dataset_button.clicked.connect(self._choose_dataset)
        self.record_button.pressed.connect(self.start_recording)
        self.record_button.released.connect(self.stop_recording)
        self.delete_button.clicked.connect(self._delete_last)
        self.open_folder.clicked.connect(self._open_dataset)

    # ------------------------------------------------------------ run state
    def source_text(self) -> str:
        return self.source.currentText().strip()

    def set_source(self, source: str) -> None:
        self.source.setEditText(source)

    @property
    def mirrored(self) -> bool:
        return self.mirror.isChecked()

    @property
    def cropped(self) -> bool:
        return self.crop.isChecked()

    @property
    def cam_on(self) -> bool:
        return self.cam.isChecked()

    @property
    def looping(self) -> bool:
        return self.loop.isChecked()

    def set_model_input(self, fraction: float, squashes: bool) -> None:
        """What the model's preprocessing keeps of the square it is given (crop / resize; 1.0 when it resizes the
        whole picture to its input), so the guide is exactly the model's input."""
        self.canvas.input_fraction = fraction
        self._squashes = squashes
        self.canvas.whole_frame = squashes and not self.cropped
        self.canvas.update()

    def show_opening(self, source: str) -> None:
        """A source is being opened: a fresh display mailbox and a message on the canvas until frames come."""
        self.display = FrameMailbox(every_frame=True)
        self.canvas.message = self.tr("Opening {source}…").format(source=source)
        self.canvas.frame = None
        self.canvas.update()

    def _on_start_stop(self) -> None:
        if self.running:
            self.stop_requested.emit()
        else:
            self.start_requested.emit(self.source_text())

    def on_started(self, description: str) -> None:
        self.running = True
        self.paused = False
        self.last_result = None
        self.canvas.result = None
        self.canvas.cam = None
        self._shown.clear()
        self._captured.clear()
        self.frames_shown = 0
        self.start_button.setText(self.tr("Stop"))
        self.pause_button.setEnabled(True)
        self.pause_button.setChecked(False)
        self.snapshot.setEnabled(True)
        self.record_button.setEnabled(self.recorder is not None)
        self.canvas.stats = self.tr("{source}: waiting for frames…").format(source=description)
        self.timer.start()

    def on_stopped(self, summary: LiveSummary | None, error: str = "") -> None:
        self.running = False
        self.stop_recording()
        self.timer.stop()
        self._show_newest_frame()
        self.start_button.setText(self.tr("Reconnect") if (summary and summary.error) or error else self.tr("Start"))
        self.pause_button.setEnabled(False)
        self.pause_button.setChecked(False)
        self.record_button.setEnabled(False)
        if summary is not None:
            self.canvas.stats = self.tr(
                "stopped — {captured} frames, capture {cfps:.1f} fps, inference {ifps:.1f} fps, "
                "latency p50 {p50:.0f} ms / p95 {p95:.0f} ms").format(
                captured=summary.frames_captured, cfps=summary.capture_fps, ifps=summary.infer_fps,
                p50=1000 * summary.latency_p50, p95=1000 * summary.latency_p95)
        message = error or (summary.error if summary else "")
        if message:
            self.canvas.message = message
            if self.canvas.frame is None:
                self.canvas.stats = ""
            self.message.emit(message)
        self.canvas.update()

    def on_result(self, result: LiveResult) -> None:
        if self.paused:
            return  # in flight when the user paused; on_paused says which frame is frozen
        self.last_result = result
        if not self.cam_on:  # with the CAM on, the answer is shown with its map, over its own frame (on_cam)
            self.canvas.result = result
        self._update_stats()

    def on_cam(self, rgba: np.ndarray, live: LiveResult | None = None) -> None:
        """A CAM and the inference it explains: shown over the frame it was computed on, with that frame's top-k
        (the video then advances at the CAM's rate: a map is never drawn over a later frame)."""
        from convlens.gui.feature_view import qimage_from_rgba

        if not self.cam.isChecked():
            self.canvas.cam = None
            self.canvas.update()
            return
        self.canvas.cam = QPixmap.fromImage(qimage_from_rgba(rgba))
        if live is not None and not self.paused:
            self.canvas.result = live
            self._show_frame(live.frame)  # "shown" is then the CAM's rate: its frames are the ones shown
        self.canvas.update()

    def on_paused(self, result: LiveResult | None) -> None:
        """The engine has stopped on ``result``: freeze on its frame (the one the prediction belongs to)."""
        if result is None:
            return
        self.paused_on = result
        self.last_result = result
        self.canvas.result = result
        self.canvas.set_frame(result.frame.image, result.frame.time)

    def _on_pause(self, paused: bool) -> None:
        self.paused = paused
        self.paused_on = None
        self.pause_button.setText(self.tr("Resume") if paused else self.tr("Pause"))
        if paused:
            self.timer.stop()
            if self.last_result is not None:
                self.canvas.result = self.last_result
                self.canvas.set_frame(self.last_result.frame.image, self.last_result.frame.time)
        elif self.running:
            self.timer.start()
        self.pause_changed.emit(paused)

    def _show_newest_frame(self) -> None:
        frame: Frame | None = self.display.take(0)
        if frame is None:
            return
        self._captured.append((frame.time, frame.index))
        if self.cam_on and self.canvas.cam is not None:
            return  # the CAM's own frames are shown (on_cam): a map is never drawn over a later frame
        self._show_frame(frame)

    def _show_frame(self, frame: Frame) -> None:
        """Paint ``frame`` and count it as shown; the figures follow every 10th (display's or CAM's frames)."""
        self._shown.append(time.perf_counter())
        self.frames_shown += 1
        self.canvas.set_frame(frame.image, frame.time)
        if self.frames_shown % 10 == 0:
            self._update_stats()

    @staticmethod
    def _rate(times: list[float]) -> float:
        return (len(times) - 1) / (times[-1] - times[0]) if len(times) > 1 and times[-1] > times[0] else 0.0

    def _update_stats(self) -> None:
        shown = self._rate(list(self._shown))
        cap = list(self._captured)
        capture = (cap[-1][1] - cap[0][1]) / (cap[-1][0] - cap[0][0]) if len(cap) > 1 and cap[-1][0] > cap[0][0] else 0
        r = self.last_result
        infer = f"{r.infer_fps:.1f}" if r else "–"
        latency = f"{1000 * r.latency:.0f} ms" if r else "–"
        self.canvas.stats = self.tr(
            "capture {capture:.1f} fps · shown {shown:.1f} fps · inference {infer} fps · latency {latency}").format(
            capture=capture, shown=shown, infer=infer, latency=latency) + self.precision_note
        self.canvas.update()

    def _on_view_option(self) -> None:
        self.canvas.whole_frame = self._squashes and not self.cropped
        self.canvas.mirror = self.mirror.isChecked()
        self.canvas.crop_guide = self.crop.isChecked()
        self.canvas.update()
        self.options_changed.emit()

    def _on_cam_toggled(self, on: bool) -> None:
        if not on:
            self.canvas.cam = None
            self.canvas.update()
        self.options_changed.emit()

    def _on_opacity(self, value: int) -> None:
        self.canvas.cam_opacity = value / 100
        self.canvas.update()

    def _browse(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self, self.tr("Choose a video file"), str(Path.home()),
                                              self.tr("Videos (*.mp4 *.avi *.mov *.mkv *.webm *.m4v);;All files (*)"))
        if path:
            self.source.setEditText(path)

    def show_cameras(self, found: list[int]) -> None:
        self.source.clear()
        for index in found:
            self.source.addItem(str(index))
        if not found:
            self.message.emit(self.tr("No camera could be opened (tried indices 0-5). A video file or a stream URL "
                                      "works as well."))

    def finding_cameras(self) -> None:
        self.find_cameras.setEnabled(False)
        self.find_cameras.setText(self.tr("Looking…"))

    def cameras_done(self) -> None:
        self.find_cameras.setEnabled(True)
        self.find_cameras.setText(self.tr("Find cameras"))

















    @staticmethod
    def _typing_into(widget: QWidget | None) -> bool:
        if isinstance(widget, QLineEdit | QTextEdit | QPlainTextEdit | QAbstractSpinBox):
            return True
        return isinstance(widget, QComboBox) and widget.isEditable()

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        """Hold R to record wherever the focus is in this tab, unless a text field takes the key."""
        kind = event.type()
        if kind in (QEvent.Type.KeyPress, QEvent.Type.KeyRelease) and self.isVisible():
            key_event: QKeyEvent = event  # type: ignore[assignment]
            focus = QApplication.focusWidget()
            if (key_event.key() == Qt.Key.Key_R and not key_event.isAutoRepeat()
                    and key_event.modifiers() == Qt.KeyboardModifier.NoModifier
                    and not self._typing_into(focus)
                    and (focus is None or focus.window() is self.window())
                    and watched is (focus if focus is not None else self.window())):
                if kind == QEvent.Type.KeyPress:
                    self.start_recording()
                else:
                    self.stop_recording()
                return True
        return False

    def shutdown(self) -> None:
        self.timer.stop()
        self.counts_timer.stop()
        app = QApplication.instance()
        if app is not None:
            app.removeEventFilter(self)

