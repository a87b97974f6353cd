"""The main window: model panel | images + predictions, folder results, layer tree."""

from __future__ import annotations

import dataclasses
from pathlib import Path

from PySide6.QtCore import QBuffer, QByteArray, QIODevice, QSettings, Qt
from PySide6.QtGui import QAction, QCloseEvent, QDragEnterEvent, QDropEvent, QImage, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
    QFileDialog,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QSplitter,
    QTabWidget,
    QVBoxLayout,
    QWidget,
)

from engine.features import CamResult
from engine.images import iter_image_paths
from engine.live import LiveResult, LiveSummary
from engine.predict import BatchProgress
from engine.session import FeatureView, ImageClassification, KernelView, ModelInfo, WeightsRequest
from engine.summary import ModelSummary
from engine.train import EpochStats, TrainConfig, TrainProgress, TrainResult
from engine.video import FrameMailbox
from gui.cam_controls import CamControls
from gui.engine_client import EngineClient, LiveOptions, LiveRequest, TrainRequest
from gui.feature_view import FeatureMapView, FiltersView, qimage_from_rgba
from gui.folder_view import FolderView
from gui.image_view import ImageView, ThumbnailStrip, array_to_qimage
from gui.layer_tree import LayerTree
from gui.live_view import LiveView
from gui.message_banner import MessageBanner
from gui.model_panel import WEIGHTS_SUFFIXES, ModelPanel
from gui.prediction_panel import PredictionPanel
from gui.resources import app_icon
from gui.teach_view import TeachView

MAX_RECENT = 10
DEFAULT_ARCH = "mobilenet_v2"


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None) -> None:
        super().__init__()
        self.settings = settings or QSettings()
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.client = EngineClient(self)
        self.model_info: ModelInfo | None = None
        self.load_job = 0
        self.folder_job = 0
        self.image_request = 0
        self.current_key = ""
        self._current_source: str | bytes | None = None
        self._paste_count = 0

        # -- widgets
        self.model_panel = ModelPanel()
        self.model_panel.setMinimumWidth(270)
        self.model_panel.setMaximumWidth(380)
        self.banner = MessageBanner()
        self.image_view = ImageView()
        self.thumbnails = ThumbnailStrip()
        self.thumbnails.hide()
        self.predictions = PredictionPanel()
        self.predictions.setMinimumWidth(280)
        self.folder_view = FolderView()
        self.layer_tree = LayerTree()
        self.cam_controls = CamControls()
        self.feature_view = FeatureMapView()
        self.filters_view = FiltersView()
        self.live_view = LiveView()
        self.live_job = 0
        self.teach_view = TeachView()
        self.train_job = 0
        self._cam_target = "images"
        self.selected_layer = ""
        self._display_size = (0, 0)

        images_left = QWidget()
        lay = QVBoxLayout(images_left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.image_view, 1)
        lay.addWidget(self.cam_controls)
        lay.addWidget(self.thumbnails)
        images_tab = QSplitter(Qt.Orientation.Horizontal)
        images_tab.addWidget(images_left)
        images_tab.addWidget(self.predictions)
        images_tab.setStretchFactor(0, 3)
        images_tab.setStretchFactor(1, 1)
        images_tab.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.addTab(images_tab, self.tr("Images"))
        self.tabs.addTab(self.folder_view, self.tr("Folder results"))
        self.inside_tabs = QTabWidget()
        self.inside_tabs.addTab(self.feature_view, self.tr("Feature maps"))
        self.inside_tabs.addTab(self.filters_view, self.tr("Filters (first convolution)"))
        layers_tab = QSplitter(Qt.Orientation.Horizontal)
        layers_tab.addWidget(self.layer_tree)
        layers_tab.addWidget(self.inside_tabs)
        layers_tab.setStretchFactor(0, 1)
        layers_tab.setStretchFactor(1, 1)
        layers_tab.setSizes([520, 480])
        layers_tab.setChildrenCollapsible(False)
        self.tabs.addTab(layers_tab, self.tr("Inside the model"))
        self.tabs.addTab(self.live_view, self.tr("Live"))
        self.tabs.addTab(self.teach_view, self.tr("Teach"))
        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.banner)
        lay.addWidget(self.tabs, 1)
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.model_panel)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self._build_menus()
        self.statusBar().showMessage(self.tr("Ready"))

        # -- wiring: views subscribe to the engine's answers
        worker = self.client.worker
        worker.model_loading.connect(self._on_model_loading)
        worker.download_progress.connect(self._on_download_progress)
        worker.model_loaded.connect(self._on_model_loaded)
        worker.model_failed.connect(self._on_model_failed)
        worker.summary_ready.connect(self._on_summary)
        worker.summary_failed.connect(self.layer_tree.clear)
        worker.image_ready.connect(self._on_image_ready)
        worker.image_shown.connect(self._on_image_shown)
        worker.image_failed.connect(self._on_image_failed)
        worker.folder_progress.connect(self._on_folder_progress)
        worker.folder_finished.connect(self._on_folder_finished)
        worker.features_ready.connect(self._on_features_ready)
        worker.features_failed.connect(self._on_features_failed)
        worker.cam_ready.connect(self._on_cam_ready)
        worker.cam_failed.connect(self._on_cam_failed)
        worker.kernels_ready.connect(self._on_kernels_ready)
        worker.kernels_failed.connect(self.filters_view.show_message)
        self.layer_tree.layer_selected.connect(self._on_layer_selected)
        self.feature_view.settings_changed.connect(self._request_features)
        self.cam_controls.changed.connect(self._request_cam)
        self.cam_controls.opacity_changed.connect(self.image_view.set_overlay_opacity)
        worker.live_started.connect(self._on_live_started)
        worker.live_failed.connect(self._on_live_failed)
        worker.live_result.connect(self._on_live_result)
        worker.live_features.connect(self._on_live_features)
        worker.live_cam.connect(self._on_live_cam)
        worker.live_stopped.connect(self._on_live_stopped)
        # Worker signals go to methods of this window, never to lambdas: a lambda has no thread
        # affinity, so PySide would run it in the engine thread, touching widgets from there.
        worker.live_paused.connect(self._on_live_paused)
        self.live_view.start_requested.connect(self.start_live)
        self.live_view.stop_requested.connect(lambda: self.client.live_stop(self.live_job))
        self.live_view.pause_changed.connect(self._on_live_pause)
        self.live_view.options_changed.connect(self._push_live_options)
        self.live_view.record_changed.connect(self.client.live_record)
        self.live_view.message.connect(self.show_error)
        worker.train_status.connect(self._on_train_status)
        worker.train_progress.connect(self._on_train_progress)
        worker.train_epoch.connect(self._on_train_epoch)
        worker.train_finished.connect(self._on_train_finished)
        worker.train_failed.connect(self._on_train_failed)
        worker.checkpoint_saved.connect(self._on_checkpoint_saved)
        worker.checkpoint_failed.connect(self.show_error)
        worker.model_needs_preset.connect(self._on_model_needs_preset)
        worker.export_done.connect(self._on_export_done)
        worker.export_failed.connect(self.show_error)
        self.model_panel.runtime_changed.connect(self._on_runtime_changed)
        self.teach_view.train_requested.connect(self.start_training)
        self.teach_view.cancel_requested.connect(lambda: self.client.cancel(self.train_job))
        self.teach_view.save_requested.connect(self.save_checkpoint_dialog)
        self.teach_view.use_recorded.clicked.connect(self._use_recorded_dataset)
        self.tabs.currentChanged.connect(lambda _i: self.live_view.running and self._push_live_options())
        self.model_panel.load_requested.connect(self.load_model)
        self.model_panel.cancel_requested.connect(lambda: self.client.cancel(self.load_job))
        self.predictions.topk_changed.connect(self._on_topk_changed)
        self.thumbnails.current_path_changed.connect(self._show_path)
        self.folder_view.cancel_requested.connect(lambda: self.client.cancel(self.folder_job))
        self.folder_view.export_requested.connect(self.export_csv_dialog)
        self.folder_view.row_activated.connect(self._show_from_table)

        self._restore_settings()
        self.model_panel.set_device(self.tr("starting…"))
        self._update_title()

    # ------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))

        def action(text: str, slot: object, shortcut: QKeySequence | str | None = None) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            file_menu.addAction(act)
            return act

        self.open_action = action(self.tr("&Open Images…"), self.open_images_dialog, QKeySequence.StandardKey.Open)
        action(self.tr("Open &Folder…"), self.open_folder_dialog, "Ctrl+Shift+O")
        self.paste_action = action(self.tr("&Paste Image"), self.paste, QKeySequence.StandardKey.Paste)
        action(self.tr("Open &Weights File…"), self.model_panel._browse_weights, "Ctrl+Shift+W")
        self.recent_menu = file_menu.addMenu(self.tr("&Recent Files"))
        file_menu.addSeparator()
        self.export_action = action(self.tr("&Export Results as CSV…"), self.export_csv_dialog, "Ctrl+E")
        self.export_model_action = action(self.tr("Export &Model (ONNX / TorchScript)…"), self.export_model_dialog,
                                          "Ctrl+Shift+E")
        file_menu.addSeparator()
        action(self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        prev_act = QAction(self.tr("Previous Image"), self)
        prev_act.setShortcut(QKeySequence(Qt.Key.Key_Left))
        prev_act.triggered.connect(lambda: self.thumbnails.step(-1))
        next_act = QAction(self.tr("Next Image"), self)
        next_act.setShortcut(QKeySequence(Qt.Key.Key_Right))
        next_act.triggered.connect(lambda: self.thumbnails.step(1))
        view_menu.addAction(prev_act)
        view_menu.addAction(next_act)

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        about = QAction(self.tr("&About ConvLens"), self)
        about.triggered.connect(self.about)
        help_menu.addAction(about)
        about_qt = QAction(self.tr("About &Qt"), self)
        about_qt.triggered.connect(QApplication.aboutQt)
        help_menu.addAction(about_qt)

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About ConvLens"), self.tr(
            "<h3>ConvLens</h3><p>See inside and teach convolutional networks.</p>"
            "<p>PyTorch/torchvision engine, PySide6 interface. Everything runs on this computer; "
            "nothing is uploaded.</p>"))

    # ------------------------------------------------------------ model
    def load_model(self, request: WeightsRequest) -> None:
        if request.path and request.path.lower().endswith(".onnx") and not request.preset:
            remembered = self.settings.value(f"onnx_preset/{request.path}", "")
            if remembered:
                request = dataclasses.replace(request, preset=str(remembered))
        if self.load_job:
            self.client.cancel(self.load_job)  # a newer choice wins over a download in progress
        self.load_job = self.client.load_model(request)

    def ask_preset(self, path: str) -> str | None:
        """Ask which preprocessing an ONNX file made elsewhere expects (tests replace this)."""
        from engine.onnx_runtime import PRESETS

        items = [f"{k}: {v}" for k, v in PRESETS.items()]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Preprocessing for {file}").format(file=Path(path).name),
            self.tr("{file} does not say how its images are preprocessed. Which of these did it learn with?").format(
                file=Path(path).name), items, 0, False)
        return choice.split(":")[0] if ok and choice else None

    def _on_model_needs_preset(self, job: int, request: WeightsRequest) -> None:
        if job != self.load_job:
            return
        chosen = self.ask_preset(request.path or "")
        if not chosen:
            self.model_panel.show_failed(self.tr("No preprocessing chosen for {file}.").format(
                file=Path(request.path or "").name))
            return
        self.settings.setValue(f"onnx_preset/{request.path}", chosen)
        self.load_model(dataclasses.replace(request, preset=chosen))

    def _on_runtime_changed(self, runtime: str) -> None:
        self.settings.setValue("runtime", runtime)
        if self.load_job:
            self.client.cancel(self.load_job)
        self.load_job = self.client.set_runtime(runtime)

    def export_model_dialog(self) -> None:
        if self.model_info is None:
            self.show_error(self.tr("Load or train a model first."))
            return
        start = str(Path(str(self.settings.value("last_folder", "") or Path.home())) / f"{self.model_info.arch}.onnx")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export the model"), start,
                                                   self.tr("ONNX (*.onnx);;TorchScript (*.pt)"))
        if path:
            fmt = "torchscript" if path.lower().endswith((".pt", ".pth")) or "TorchScript" in chosen else "onnx"
            self.export_model(path, fmt)

    def export_model(self, path: str, fmt: str) -> None:
        images = self.thumbnails.paths() or [r.source for r in self.folder_view.results if not r.error]
        self.statusBar().showMessage(self.tr("Exporting to {file} and checking parity…").format(file=path))
        self.client.export(path, fmt, images)

    def _on_export_done(self, path: str, report: object) -> None:
        text = self.tr("Exported {file}: {parity}").format(file=Path(path).name, parity=report.summary())
        if report.ok:
            self.banner.show_message(text, "info")
        else:
            self.show_error(text + self.tr(" — the exported model does not behave like this one."))
        self.statusBar().showMessage(text, 15000)

    def _on_model_loading(self, job: int, text: str) -> None:
        if job == self.load_job:
            self.model_panel.show_loading(text)

    def _on_download_progress(self, job: int, filename: str, done: int, total: int) -> None:
        if job == self.load_job:
            self.model_panel.show_download(filename, done, total)

    def _on_model_loaded(self, job: int, info: ModelInfo) -> None:
        self.model_info = info
        self.model_panel.set_device(info.device)
        self.model_panel.set_runtime(info.runtime)
        if job == self.load_job:
            self.model_panel.select_arch(info.arch)
            self.model_panel.show_loaded(self.tr("{title}: {source}, {n} classes").format(
                title=info.title, source=info.source, n=len(info.labels)))
            self.banner.hide()
            if info.notes:
                self.banner.show_message("\n".join(info.notes), "info")
            self.statusBar().showMessage(self.tr("Loaded {title} ({source})").format(
                title=info.title, source=info.source), 8000)
        self._update_title()
        self.selected_layer = ""
        self.cam_controls.set_selected_layer("")
        self.teach_view.set_selected_layer("")
        if job == self.train_job:
            self.model_panel.show_loaded(self.tr("{title}: {source}, {n} classes").format(
                title=info.title, source=info.source, n=len(info.labels)))
        self.feature_view.show_message(self.tr("Select a layer in the tree to see its feature maps."))
        self._reclassify()
        self.layer_tree.clear(self.tr("Computing the layer table…"))
        self.client.request_summary()
        self.client.request_kernels()

    def _on_model_failed(self, job: int, message: str, cancelled: bool) -> None:
        if job != self.load_job:
            return
        keep = self.tr(" The previous model stays in use.") if self.model_info else ""
        self.model_panel.show_failed(message if not cancelled else self.tr("Cancelled.") + keep)
        if cancelled:
            self.statusBar().showMessage(self.tr("Loading cancelled.") + keep, 8000)
        else:
            self.show_error(message + keep)

    def _on_summary(self, summary: ModelSummary) -> None:
        self.layer_tree.show_summary(summary)

    # ------------------------------------------------------------ images
    def open_paths(self, paths: list[str]) -> None:
        """Images → gallery; a folder → folder mode; a single weights file → load it."""
        candidates = [Path(p) for p in paths]
        if not candidates:
            return
        if len(candidates) == 1 and candidates[0].is_file() and candidates[0].suffix.lower() in WEIGHTS_SUFFIXES:
            self.model_panel.set_weights_file(str(candidates[0]))
            return
        missing = [p for p in candidates if not p.exists()]
        if missing:
            self.show_error(self.tr("Not found: {files}").format(files=", ".join(str(p) for p in missing)))
            candidates = [p for p in candidates if p.exists()]
        if any(p.is_dir() for p in candidates):
            self.classify_folder(candidates)
            return
        images = [str(p) for p in candidates]
        if images:
            self._add_recent(images[0])
            self.settings.setValue("last_folder", str(Path(images[0]).parent))
            self.set_gallery(images)

    def set_gallery(self, paths: list[str]) -> None:
        self.thumbnails.set_paths(paths)
        self.tabs.setCurrentIndex(0)
        if paths:
            self.thumbnails.setCurrentRow(0)
            self._show_path(paths[0])

    def _show_path(self, path: str) -> None:
        if path == self.current_key and self._current_source == path:
            return
        self._current_source = path
        self.current_key = path
        self._request_current()

    def _show_from_table(self, path: str) -> None:
        self.tabs.setCurrentIndex(0)
        paths = self.thumbnails.paths()
        if path in paths:
            self.thumbnails.setCurrentRow(paths.index(path))
        self._show_path(path)

    def show_image_bytes(self, data: bytes, name: str) -> None:
        self.thumbnails.set_paths([])
        self.tabs.setCurrentIndex(0)
        self._current_source = data
        self.current_key = name
        self._request_current()

    def _request_current(self) -> None:
        if self._current_source is None:
            return
        self.image_request = self.client.classify_image(self._current_source, self.current_key, self.predictions.topk,
                                                        inspect=bool(self.selected_layer))
        if self.model_info is not None:
            self.statusBar().showMessage(self.tr("Classifying {name}…").format(name=self._display_name()))

    def _reclassify(self) -> None:
        if self._current_source is not None:
            self._request_current()

    def _on_topk_changed(self, k: int) -> None:
        self.settings.setValue("topk", k)
        self._reclassify()

    def _display_name(self) -> str:
        return Path(self.current_key).name if isinstance(self._current_source, str) else self.current_key

    def _on_image_ready(self, request: int, result: ImageClassification) -> None:
        if request != self.image_request:
            return
        w, h = result.size
        self.image_view.set_image(array_to_qimage(result.display), f"{self._display_name()}  ({w}×{h})")
        self._display_size = (result.display.shape[1], result.display.shape[0])
        name = self.model_info.title if self.model_info else ""
        self.predictions.show_predictions(result.predictions, result.seconds, name)
        self.cam_controls.set_predictions(result.predictions)
        if self.selected_layer:
            self._request_features()
        self._request_cam()
        self.statusBar().showMessage(self.tr("{name}: {label} ({p:.1f}%)").format(
            name=self._display_name(), label=result.predictions[0].label,
            p=100 * result.predictions[0].probability), 8000)

    def _on_image_shown(self, request: int, _key: str, display: object, size: tuple[int, int]) -> None:
        if request != self.image_request:
            return
        self.image_view.set_image(array_to_qimage(display), f"{self._display_name()}  ({size[0]}×{size[1]})")
        self.predictions.clear(self.tr("Load a model to classify this image."))

    def _on_image_failed(self, request: int, _key: str, message: str) -> None:
        if request != self.image_request:
            return
        self.image_view.set_hint(message)
        self.predictions.clear("")
        self.show_error(message)

    # ------------------------------------------------------------ inside the model
    def _on_layer_selected(self, layer: str) -> None:
        self.selected_layer = layer
        self.cam_controls.set_selected_layer(layer)
        self.teach_view.set_selected_layer(layer)
        self.feature_view.page = 0
        self._request_features()
        self._push_live_options()

    def _request_features(self) -> None:
        if not self.selected_layer:
            return
        if not self.image_view.has_image() and not self.live_view.paused:
            self.feature_view.show_message(self.tr("Open an image: feature maps are shown for the current image."))
            return
        if self.live_view.running and not self.live_view.paused:
            self._push_live_options()  # the live loop sends them, throttled
            return
        view = self.feature_view
        self.client.request_features(self.selected_layer, view.page, 64, view.normalisation, view.colormap)

    def _on_features_ready(self, request: int, view: FeatureView) -> None:
        if request == self.client.latest_features_request and view.maps.layer == self.selected_layer:
            self.feature_view.show_view(view)

    def _on_features_failed(self, request: int, message: str) -> None:
        if request == self.client.latest_features_request:
            self.feature_view.show_message(message)

    def _request_cam(self) -> None:
        if not self.cam_controls.is_on:
            self.image_view.set_overlay(None)
            return
        if not self.image_view.has_image() or self.model_info is None:
            return
        self.cam_controls.info.setText(self.tr("computing…"))
        c = self.cam_controls
        self._cam_target = "images"
        self.client.request_cam(c.layer, c.class_index, c.method.currentData(), self._display_size)

    def _on_cam_ready(self, request: int, result: CamResult, rgba: object) -> None:
        if request != self.client.latest_cam_request:
            return
        if self._cam_target == "live":
            self.live_view.on_cam(rgba)  # type: ignore[arg-type]
            return
        if not self.cam_controls.is_on:
            return
        self.image_view.set_overlay(qimage_from_rgba(rgba))  # type: ignore[arg-type]
        self.cam_controls.info.setText(f"{result.label} @ {result.layer}")

    def _on_cam_failed(self, request: int, message: str) -> None:
        if request == self.client.latest_cam_request:
            self.cam_controls.info.setText(self.tr("no map"))
            self.image_view.set_overlay(None)
            self.show_error(message)

    def _on_kernels_ready(self, kernels: KernelView) -> None:
        self.filters_view.show_kernels(kernels.layer, kernels.grid, kernels.count, kernels.size)

    # ------------------------------------------------------------ live
    def start_live(self, source: str) -> None:
        if self.model_info is None:
            self.show_error(self.tr("Load a model first: live mode classifies every frame with it."))
            return
        if not source:
            self.show_error(self.tr("Enter a source: a camera number (0, 1, ...), a video file or a stream URL."))
            return
        self.live_view.display = FrameMailbox(every_frame=True)
        self.live_view.canvas.message = self.tr("Opening {source}…").format(source=source)
        self.live_view.canvas.frame = None
        self.live_view.canvas.update()
        self._push_live_options()
        self.live_job = self.client.live_start(LiveRequest(source, self.live_view.display, 3, True,
                                                           self.live_view.recorder))
        self.settings.setValue("live_source", source)

    def _live_options(self) -> LiveOptions:
        lv, fv = self.live_view, self.feature_view
        inside = self.tabs.currentIndex() == 2
        return LiveOptions(mirror=lv.mirror.isChecked(), crop=lv.crop.isChecked(), topk=3,
                           layer=self.selected_layer if inside else "", page=fv.page,
                           normalise=fv.normalisation, cmap=fv.colormap, cam=lv.cam.isChecked())

    def _push_live_options(self) -> None:
        self.client.live_options(self._live_options())
        if self.live_view.paused and self.live_view.cam.isChecked():
            self._cam_target = "live"
            side = self.live_view.last_result.frame.image.shape[0] if self.live_view.last_result else 224
            self.client.request_cam("", None, "gradcam", (side, side))

    def _on_live_started(self, job: int, description: str) -> None:
        if job == self.live_job:
            self.live_view.on_started(description)
            self.statusBar().showMessage(self.tr("Live: {source}").format(source=description))

    def _on_live_failed(self, job: int, message: str) -> None:
        if job != self.live_job:
            return
        if self.live_view.running:  # e.g. recording could not write
            self.live_view.stop_recording()
            self.show_error(message)
        else:
            self.live_view.on_stopped(None, message)

    def _on_live_result(self, job: int, result: LiveResult) -> None:
        if job == self.live_job:
            self.live_view.on_result(result)

    def _on_live_features(self, job: int, view: FeatureView) -> None:
        if job == self.live_job and view.maps.layer == self.selected_layer:
            self.feature_view.show_view(view)

    def _on_live_cam(self, job: int, _result: CamResult, rgba: object) -> None:
        if job == self.live_job:
            self.live_view.on_cam(rgba)  # type: ignore[arg-type]

    def _on_live_stopped(self, job: int, summary: LiveSummary) -> None:
        if job == self.live_job:
            self.live_view.on_stopped(summary)
            self.statusBar().showMessage(summary.error or self.tr("Live stopped."), 10000)

    def _on_live_paused(self, job: int, result: LiveResult | None) -> None:
        if job == self.live_job:
            self.live_view.on_paused(result)

    def _on_live_pause(self, paused: bool) -> None:
        self.client.live_pause(paused)
        if paused:
            self._push_live_options()

    # ------------------------------------------------------------ teaching
    def start_training(self, data: str, val_data: str, config: TrainConfig) -> None:
        if self.model_info is None:
            self.show_error(self.tr("Load a model first: it is the starting point of the fine-tune."))
            return
        if not data:
            self.show_error(self.tr("Choose a training folder: one subfolder of images per class."))
            return
        self.teach_view.on_started()
        self.train_job = self.client.train(TrainRequest(data, config, val_data))
        self.settings.setValue("train_data", data)

    def _on_train_status(self, job: int, text: str) -> None:
        if job == self.train_job:
            self.teach_view.on_status(text)

    def _on_train_progress(self, job: int, step: TrainProgress) -> None:
        if job == self.train_job:
            self.teach_view.on_progress(step)

    def _on_train_epoch(self, job: int, stats: EpochStats) -> None:
        if job == self.train_job:
            self.teach_view.on_epoch(stats)

    def _on_train_finished(self, job: int, result: TrainResult) -> None:
        if job == self.train_job:
            self.teach_view.on_finished(result)
            self.statusBar().showMessage(self.tr("Training done: validation accuracy {acc:.1f}%").format(
                acc=100 * result.val_accuracy), 10000)

    def _on_train_failed(self, job: int, message: str, cancelled: bool) -> None:
        if job != self.train_job:
            return
        self.teach_view.on_failed(message, cancelled)
        if not cancelled:
            self.show_error(message)

    def save_checkpoint_dialog(self) -> None:
        start = str(Path(str(self.settings.value("last_folder", "") or Path.home())) / "convlens_model.pth")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the trained model"), start,
                                              self.tr("ConvLens checkpoint (*.pth)"))
        if path:
            self.client.save_checkpoint(path)

    def _on_checkpoint_saved(self, path: str) -> None:
        self._add_recent(path)
        self.statusBar().showMessage(self.tr("Saved {file}: open it as a weights file to use it again.").format(
            file=path), 10000)

    def _use_recorded_dataset(self) -> None:
        root = self.live_view.dataset_root()
        if root is None:
            self.show_error(self.tr("No dataset recorded yet: choose a dataset folder in the Live tab."))
            return
        self.teach_view.data_edit.setText(str(root))

    # ------------------------------------------------------------ folder mode
    def classify_folder(self, paths: list[Path]) -> None:
        files = [str(p) for p in iter_image_paths(paths)]
        what = ", ".join(p.name for p in paths[:3]) + ("…" if len(paths) > 3 else "")
        self.tabs.setCurrentWidget(self.folder_view)
        if not files:
            self.show_error(self.tr("No image files in {what}.").format(what=what))
            return
        if self.folder_view.running:
            self.client.cancel(self.folder_job)
        folder = next((p for p in paths if p.is_dir()), paths[0])
        self.settings.setValue("last_folder", str(folder))
        self._add_recent(str(folder))
        self.folder_view.start(len(files), what)
        self.thumbnails.set_paths(files)
        self.thumbnails.setCurrentRow(-1)
        self.folder_job = self.client.classify_folder(files, max(5, self.predictions.topk))

    def _on_folder_progress(self, job: int, step: BatchProgress) -> None:
        if job == self.folder_job:
            self.folder_view.add_progress(step)

    def _on_folder_finished(self, job: int, cancelled: bool, error: str) -> None:
        if job != self.folder_job:
            return
        self.folder_view.finish(cancelled, error)
        if error:
            self.show_error(error)
        self.statusBar().showMessage(self.folder_view.summary.text()[:200], 10000)

    def export_csv_dialog(self) -> None:
        if not self.folder_view.results:
            self.show_error(self.tr("Nothing to export yet: drop a folder of images first."))
            return
        start = str(Path(self.settings.value("last_folder", "") or Path.home()) / "convlens_results.csv")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export results as CSV"), start, self.tr("CSV (*.csv)"))
        if path:
            self.export_csv(path)

    def export_csv(self, path: str) -> bool:
        try:
            self.folder_view.export_csv(path)
        except OSError as exc:
            self.show_error(self.tr("Could not write {file}: {reason}").format(file=path, reason=exc.strerror or exc))
            return False
        self.statusBar().showMessage(self.tr("Saved {file}").format(file=path), 8000)
        return True

    # ------------------------------------------------------------ open / paste / drop
    def open_images_dialog(self) -> None:
        start = str(self.settings.value("last_folder", "") or "")
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open images"), start,
            self.tr("Images (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp);;All files (*)"))
        if paths:
            self.open_paths(paths)

    def open_folder_dialog(self) -> None:
        start = str(self.settings.value("last_folder", "") or "")
        path = QFileDialog.getExistingDirectory(self, self.tr("Classify a folder"), start)
        if path:
            self.open_paths([path])

    def paste(self) -> None:
        mime = QApplication.clipboard().mimeData()
        if mime is not None and mime.hasUrls():
            local = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
            if local:
                self.open_paths(local)
                return
        image = QApplication.clipboard().image()
        if image.isNull():
            self.show_error(self.tr("The clipboard holds no image."))
            return
        self._paste_count += 1
        self.show_image_bytes(qimage_to_png(image), self.tr("pasted image {n}").format(n=self._paste_count))

    def dragEnterEvent(self, event: QDragEnterEvent) -> None:
        if event.mimeData().hasUrls() or event.mimeData().hasImage():
            event.acceptProposedAction()

    def dropEvent(self, event: QDropEvent) -> None:
        mime = event.mimeData()
        local = [u.toLocalFile() for u in mime.urls() if u.isLocalFile()]
        if local:
            event.acceptProposedAction()
            self.open_paths(local)
        elif mime.hasImage():
            event.acceptProposedAction()
            self._paste_count += 1
            self.show_image_bytes(qimage_to_png(QImage(mime.imageData())),
                                  self.tr("dropped image {n}").format(n=self._paste_count))

    # ------------------------------------------------------------ messages, settings
    def show_error(self, message: str) -> None:
        self.banner.show_message(message, "error")
        self.statusBar().showMessage(message.splitlines()[0][:200], 10000)

    def _update_title(self) -> None:
        info = self.model_info
        suffix = f" — {info.title} ({info.source})" if info else ""
        self.setWindowTitle("ConvLens" + suffix)

    def _add_recent(self, path: str) -> None:
        recent = [p for p in self._recent() if p != path]
        recent.insert(0, path)
        self.settings.setValue("recent", recent[:MAX_RECENT])
        self._rebuild_recent_menu()

    def _recent(self) -> list[str]:
        value = self.settings.value("recent", [])
        if isinstance(value, str):
            return [value]
        return [str(v) for v in (value or [])]

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self._recent()
        for path in recent:
            act = self.recent_menu.addAction(path)
            act.triggered.connect(lambda _=False, p=path: self.open_paths([p]))
        self.recent_menu.setEnabled(bool(recent))

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        try:
            self.predictions.k_spin.setValue(int(s.value("topk", 5)))
        except (TypeError, ValueError):
            pass
        self.model_panel.set_choice(
            str(s.value("arch", DEFAULT_ARCH) or DEFAULT_ARCH),
            str(s.value("weights_kind", "pretrained") or "pretrained"),
            str(s.value("weights_file", "") or ""),
            str(s.value("labels_file", "") or ""),
            emit=False,
        )
        self._rebuild_recent_menu()
        source = str(s.value("live_source", "") or "")
        if source:
            self.live_view.source.setEditText(source)
        self.teach_view.data_edit.setText(str(s.value("train_data", "") or ""))
        dataset = str(s.value("dataset", "") or "")
        if dataset:
            self.live_view.set_dataset(dataset)

    def start(self) -> None:
        """Load the remembered model (after the window is up)."""
        runtime = str(self.settings.value("runtime", "torch") or "torch")
        if runtime != "torch":
            self.model_panel.set_runtime(runtime)
            self.client.set_runtime(runtime)
        if self.model_panel.current_request() is None:
            self.model_panel.set_device(self.tr("(loads with the model)"))
            if self.model_panel.weights_kind == ModelPanel.KIND_PRETRAINED:
                self.statusBar().showMessage(self.tr(
                    "Pretrained weights are not downloaded yet: download them, or pick random weights or a file."))
        self.model_panel.request_load()

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("geometry", self.saveGeometry())
        s.setValue("arch", self.model_panel.arch)
        s.setValue("weights_kind", self.model_panel.weights_kind)
        s.setValue("weights_file", self.model_panel.weights_file)
        s.setValue("labels_file", self.model_panel.labels_file)
        s.setValue("topk", self.predictions.topk)
        s.setValue("runtime", self.model_panel.runtime)
        root = self.live_view.dataset_root()
        s.setValue("dataset", str(root) if root else "")
        s.sync()

    def shutdown(self) -> None:
        self.live_view.timer.stop()
        self.thumbnails.shutdown()
        self.client.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        self.save_settings()
        self.shutdown()
        super().closeEvent(event)


def qimage_to_png(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())


