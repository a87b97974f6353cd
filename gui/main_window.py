"""The main window: model panel | images + predictions, folder results, layer tree, live, teach.

Every piece of engine work is a job (``gui.jobs``): the window submits a task
from ``engine.tasks`` and connects the job's signals. A newer job with the same
key supersedes the older one, so no result from an earlier image, layer or
model can arrive late; a job that fails, for whatever reason, ends with a
message in the banner and its view reset.
"""

from __future__ import annotations

import dataclasses
from collections.abc import Callable
from pathlib import Path
from typing import Any

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

from convlens.engine import __version__, tasks
from convlens.engine.features import CamResult
from convlens.engine.images import DEFAULT_MAX_PIXELS, max_pixels, set_max_pixels
from convlens.engine.live import LiveResult, LiveSummary
from convlens.engine.onnx_runtime import NeedsPreprocessing
from convlens.engine.predict import BatchProgress
from convlens.engine.session import ImageClassification, KernelView, ModelInfo, WeightsRequest
from convlens.engine.summary import ModelSummary
from convlens.engine.train import EpochStats, TrainConfig, TrainProgress
from convlens.engine.video import FrameMailbox
from convlens.gui.cam_controls import CamControls
from convlens.gui.feature_view import FeatureMapView, FiltersView, qimage_from_rgba
from convlens.gui.folder_view import FolderView
from convlens.gui.image_view import ImageView, ThumbnailStrip, array_to_qimage
from convlens.gui.jobs import EngineClient, Job, JobError
from convlens.gui.layer_tree import LayerTree
from convlens.gui.live_view import LiveView
from convlens.gui.message_banner import MessageBanner
from convlens.gui.model_panel import WEIGHTS_SUFFIXES, ModelPanel
from convlens.gui.prediction_panel import PredictionPanel
from convlens.gui.resources import app_icon
from convlens.gui.teach_view import TeachView

MAX_RECENT = 10
DEFAULT_ARCH = "mobilenet_v2"
#: Thumbnails decoded for one gallery or folder (memory stays flat for a folder of 10,000).
MAX_THUMBNAILS = 500


class MainWindow(QMainWindow):
    def __init__(self, settings: QSettings | None = None, log_file: str | None = None) -> None:
        super().__init__()
        if log_file is None:
            from convlens.gui.logs import setup_logging

            log_file = str(setup_logging())
        self.settings = settings or QSettings()
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.client = EngineClient(self, log_file=log_file)
        self.model_info: ModelInfo | None = None
        self.unsaved_model = False  # trained here and not saved yet
        self.load_job: Job | None = None
        self.folder_job: Job | None = None
        self.live_job: Job | None = None
        self.train_job: Job | None = None
        self.live_control: tasks.LiveControl | None = None
        self.current_key = ""
        self._current_source: str | bytes | None = None
        self._previous_key = ""  # the image shown before the one being opened (back to it if that fails)
        self._paste_count = 0
        self._cam_target = "images"
        self.selected_layer = ""
        self._display_size = (0, 0)
        self._closing = False
        self._keep_banner = False
        set_max_pixels(self._setting_int("max_megapixels", DEFAULT_MAX_PIXELS // 1_000_000) * 1_000_000)

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
        self.teach_view = TeachView()

        images_left = QWidget()
        lay = QVBoxLayout(images_left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.image_view, 1)
        lay.addWidget(self.cam_controls)
        lay.addWidget(self.thumbnails)
        self.images_tab = QSplitter(Qt.Orientation.Horizontal)
        self.images_tab.addWidget(images_left)
        self.images_tab.addWidget(self.predictions)
        self.images_tab.setStretchFactor(0, 3)
        self.images_tab.setStretchFactor(1, 1)
        self.images_tab.setChildrenCollapsible(False)
        self.tabs = QTabWidget()
        self.tabs.addTab(self.images_tab, self.tr("Images"))
        self.tabs.addTab(self.folder_view, self.tr("Folder results"))
        self.inside_tabs = QTabWidget()
        self.inside_tabs.addTab(self.feature_view, self.tr("Feature maps"))
        self.inside_tabs.addTab(self.filters_view, self.tr("Filters (first convolution)"))
        self.inside_tab = QSplitter(Qt.Orientation.Horizontal)
        self.inside_tab.addWidget(self.layer_tree)
        self.inside_tab.addWidget(self.inside_tabs)
        self.inside_tab.setStretchFactor(0, 1)
        self.inside_tab.setStretchFactor(1, 1)
        self.inside_tab.setSizes([480, 520])
        self.inside_tab.setChildrenCollapsible(False)
        self.tabs.addTab(self.inside_tab, self.tr("Inside the model"))
        self.tabs.addTab(self.live_view, self.tr("Live"))
        self.tabs.addTab(self.teach_view, self.tr("Teach"))
        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs, 1)
        self.banner.setParent(right)  # floats over the tabs: a message never moves the layout
        right.installEventFilter(self.banner)
        self.banner.top = self.tabs.tabBar().sizeHint().height()
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(self.model_panel)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self._build_menus()
        self.statusBar().showMessage(self.tr("Ready"))

        # -- wiring: widgets ask, jobs answer
        self.layer_tree.layer_selected.connect(self._on_layer_selected)
        self.feature_view.settings_changed.connect(self._request_features)
        self.cam_controls.changed.connect(self._request_cam)
        self.cam_controls.opacity_changed.connect(self.image_view.set_overlay_opacity)
        self.live_view.start_requested.connect(self.start_live)
        self.live_view.stop_requested.connect(self.stop_live)
        self.live_view.pause_changed.connect(self._on_live_pause)
        self.live_view.options_changed.connect(self._push_live_options)
        self.live_view.record_changed.connect(self._on_record_changed)
        self.live_view.message.connect(self.show_error)
        self.live_view.info.connect(self.show_info)
        self.live_view.save_image_requested.connect(self.save_image)
        self.live_view.find_cameras_requested.connect(self.find_cameras)
        self.live_view.counts_requested.connect(self._refresh_counts)
        self.live_view.delete_requested.connect(self._delete_recorded)
        self.model_panel.runtime_changed.connect(self._on_runtime_changed)
        self.teach_view.train_requested.connect(self.start_training)
        self.teach_view.cancel_requested.connect(self._cancel_training)
        self.teach_view.save_requested.connect(self.save_checkpoint_dialog)
        self.teach_view.use_recorded.clicked.connect(self._use_recorded_dataset)
        self.teach_view.evaluate_requested.connect(self.evaluate_folder)
        self.teach_view.thumbnails_needed.connect(self._load_cell_thumbnails)
        self.teach_view.image_chosen.connect(self.show_with_cam)
        self.tabs.currentChanged.connect(self._on_tab_changed)
        self.model_panel.load_requested.connect(self.load_model)
        self.model_panel.cancel_requested.connect(self._cancel_load)
        self.predictions.topk_changed.connect(self._on_topk_changed)
        self.thumbnails.current_path_changed.connect(self._show_path)
        self.thumbnails.thumbnails_needed.connect(self._load_thumbnails)
        self.folder_view.cancel_requested.connect(self._cancel_folder)
        self.folder_view.export_requested.connect(self.export_csv_dialog)
        self.folder_view.row_activated.connect(self._show_from_table)

        self._restore_settings()
        self.model_panel.set_runtime("torch")  # what the engine starts with; start() applies the chosen one
        self.model_panel.set_device(self.tr("starting…"))
        self._update_title()

    # ------------------------------------------------------------ jobs
    def submit(self, fn: Callable[..., Any], *args: Any, name: str, key: str | None = None,
               exclusive: bool = False, background: bool = False,
               yielded: Callable[[Any], None] | None = None, returned: Callable[[Any], None] | None = None,
               errored: Callable[[JobError], None] | None = None, aborted: Callable[[], None] | None = None,
               finished: Callable[[], None] | None = None) -> Job:
        """Submit ``fn`` as a job; by default a failure shows its message in the banner."""
        job = self.client.submit(fn, *args, name=name, key=key, exclusive=exclusive, background=background)
        if yielded is not None:
            job.yielded.connect(yielded)
        if returned is not None:
            job.returned.connect(returned)
        job.errored.connect(errored or self._on_job_error)
        if aborted is not None:
            job.aborted.connect(aborted)
        if finished is not None:
            job.finished.connect(finished)
        return job

    def _on_job_error(self, error: JobError) -> None:
        self.show_error(error.message)

    # ------------------------------------------------------------ menus
    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(self.tr("&File"))

        def action(menu: Any, text: str, slot: object, shortcut: QKeySequence | str | None = None) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            menu.addAction(act)
            return act

        self.open_action = action(file_menu, self.tr("&Open Images…"), self.open_images_dialog,
                                  QKeySequence.StandardKey.Open)
        action(file_menu, self.tr("Open &Folder…"), self.open_folder_dialog, "Ctrl+Shift+O")
        self.paste_action = action(file_menu, self.tr("&Paste Image"), self.paste, QKeySequence.StandardKey.Paste)
        action(file_menu, self.tr("Open &Weights File…"), self.model_panel.browse_weights, "Ctrl+Shift+W")
        self.recent_menu = file_menu.addMenu(self.tr("&Recent Files"))
        file_menu.addSeparator()
        self.export_action = action(file_menu, self.tr("&Export Results as CSV…"), self.export_csv_dialog, "Ctrl+E")
        self.export_model_action = action(file_menu, self.tr("Export &Model (ONNX / TorchScript)…"),
                                          self.export_model_dialog, "Ctrl+Shift+E")
        self.evaluate_action = action(file_menu, self.tr("E&valuate on a Folder…"),
                                      self.teach_view._choose_evaluation_folder, "Ctrl+Shift+V")
        file_menu.addSeparator()
        action(file_menu, self.tr("Largest Image to Open…"), self.choose_max_pixels)
        file_menu.addSeparator()
        action(file_menu, self.tr("&Quit"), self.close, QKeySequence.StandardKey.Quit)

        view_menu = self.menuBar().addMenu(self.tr("&View"))
        action(view_menu, self.tr("Previous Image"), lambda: self.thumbnails.step(-1), QKeySequence(Qt.Key.Key_Left))
        action(view_menu, self.tr("Next Image"), lambda: self.thumbnails.step(1), QKeySequence(Qt.Key.Key_Right))

        help_menu = self.menuBar().addMenu(self.tr("&Help"))
        action(help_menu, self.tr("&About ConvLens"), self.about)
        action(help_menu, self.tr("About &Qt"), QApplication.aboutQt)

    def about_text(self) -> str:
        log = self.client.log_file
        return self.tr(
            "<h3>ConvLens {version}</h3><p>See inside and teach convolutional networks.</p>"
            "<p>PyTorch/torchvision engine, PySide6 interface. Everything runs on this computer; "
            "nothing is uploaded.</p><p>Log file: {log}</p>").format(version=__version__, log=log or "-")

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About ConvLens"), self.about_text())

    def choose_max_pixels(self) -> None:
        current = max_pixels() // 1_000_000
        value, ok = QInputDialog.getInt(
            self, self.tr("Largest image to open"),
            self.tr("Images larger than this are refused before decoding (megapixels):"), current, 1, 2000)
        if ok:
            self.set_max_megapixels(value)

    def set_max_megapixels(self, value: int) -> None:
        set_max_pixels(value * 1_000_000)
        self.settings.setValue("max_megapixels", value)
        self.statusBar().showMessage(self.tr("Images up to {n} megapixels will be opened.").format(n=value), 8000)

    # ------------------------------------------------------------ model
    def load_model(self, request: WeightsRequest) -> None:
        if request.path and request.path.lower().endswith(".onnx") and not request.preset:
            remembered = self.settings.value(f"onnx_preset/{request.path}", "")
            if remembered:
                request = dataclasses.replace(request, preset=str(remembered))
        if not self.confirm_discard_trained():
            self.model_panel.show_in_use(self.model_info, self.unsaved_model)
            return
        # A newer choice supersedes a download or load in progress (same key).
        self.load_job = self.submit(tasks.load_model, request, name=self.tr("Loading the model"), key="model",
                                    exclusive=True, yielded=self._on_download_progress,
                                    returned=self._on_model_loaded, errored=self._on_model_failed,
                                    aborted=self._on_load_cancelled)
        name = Path(request.path).name if request.kind == "file" and request.path else (request.arch or "")
        self.model_panel.show_loading(f"{name} ({request.kind})")

    def _cancel_load(self) -> None:
        if self.load_job is not None and self.load_job.is_running:
            self.load_job.quit()

    def confirm_discard_trained(self) -> bool:
        """True when nothing trained is unsaved, or the user saved it or chose to discard it."""
        if not self.unsaved_model:
            return True
        answer = self.ask_unsaved()
        if answer == "save":
            return self.save_checkpoint_dialog(wait=True)
        return answer == "discard"

    def ask_unsaved(self) -> str:
        """Ask what to do with the unsaved trained model: "save", "discard" or "cancel" (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved trained model"),
                          self.tr("The model you trained has not been saved. Save it first?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        choice = box.exec()
        return {QMessageBox.StandardButton.Save: "save",
                QMessageBox.StandardButton.Discard: "discard"}.get(QMessageBox.StandardButton(choice), "cancel")

    def ask_preset(self, path: str) -> str | None:
        """Ask which preprocessing an ONNX file made elsewhere expects (tests replace this)."""
        from convlens.engine.onnx_runtime import PRESETS

        items = [f"{k}: {v}" for k, v in PRESETS.items()]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Preprocessing for {file}").format(file=Path(path).name),
            self.tr("{file} does not say how its images are preprocessed. Which of these did it learn with?").format(
                file=Path(path).name), items, 0, False)
        return choice.split(":")[0] if ok and choice else None

    def _on_runtime_changed(self, runtime: str) -> None:
        self.settings.setValue("runtime", runtime)
        self.load_job = self.submit(tasks.set_runtime, runtime, name=self.tr("Switching the runtime"), key="model",
                                    exclusive=True, returned=self._on_runtime_set, errored=self._on_model_failed)

    def _on_runtime_set(self, info: ModelInfo | None) -> None:
        if info is not None:
            self._on_model_loaded(info)

    def _on_download_progress(self, step: Any) -> None:
        self.model_panel.show_download(step.filename, step.done, step.total)

    def _on_model_loaded(self, info: ModelInfo, trained: bool = False) -> None:
        self.model_info = info
        self.unsaved_model = trained
        self.model_panel.set_device(info.device)
        self.model_panel.show_runtime(info.runtime_title, info.runtime_reason)
        self.model_panel.select_arch(info.arch)
        self.model_panel.show_loaded(self.tr("{title}: {source}, {n} classes").format(
            title=info.title, source=info.source, n=len(info.labels)))
        self.model_panel.show_in_use(info, trained)
        self.model_panel.remember_choice()
        self.banner.hide()
        if info.notes:
            self.banner.show_message("\n".join(info.notes), "info")
        self.statusBar().showMessage(self.tr("Loaded {title} ({source})").format(
            title=info.title, source=info.source), 8000)
        self._update_title()
        # Nothing from the previous model stays on screen.
        self.selected_layer = ""
        self.cam_controls.set_selected_layer("")
        self.cam_controls.info.setText("")
        self.image_view.set_overlay(None)
        self.teach_view.set_selected_layer("")
        self.predictions.clear(self.tr("Classifying with {model}…").format(model=info.title)
                               if self._current_source is not None else "")
        self.feature_view.show_message(self.tr("Select a layer in the tree to see its feature maps."))
        self._reclassify()
        self.layer_tree.clear(self.tr("Computing the layer table…"))
        self.submit(tasks.summary, name=self.tr("The layer table"), key="summary", returned=self._on_summary,
                    errored=self._on_summary_failed)
        self.submit(tasks.kernels, name=self.tr("The filters view"), key="kernels", returned=self._on_kernels_ready,
                    errored=self._on_kernels_failed)

    def _on_model_failed(self, error: JobError) -> None:
        if isinstance(error.exception, NeedsPreprocessing):
            self._on_model_needs_preset()
            return
        keep = ""
        if self.model_info is not None:
            keep = self.tr(" The previous model stays in use: {model}.").format(
                model=f"{self.model_info.title} ({self.model_info.source})")
        self.model_panel.show_failed(error.message)
        self.model_panel.revert_choice()
        self.model_panel.show_in_use(self.model_info, self.unsaved_model)
        self.show_error(error.message + keep)

    def _on_load_cancelled(self) -> None:
        keep = self.tr(" The previous model stays in use.") if self.model_info else ""
        self.model_panel.show_failed(self.tr("Cancelled.") + keep)
        self.model_panel.revert_choice()
        self.model_panel.show_in_use(self.model_info, self.unsaved_model)
        self.statusBar().showMessage(self.tr("Loading cancelled.") + keep, 8000)

    def _on_model_needs_preset(self) -> None:
        path = self.model_panel.weights_file
        chosen = self.ask_preset(path or "")
        if not chosen:
            self.model_panel.show_failed(self.tr("No preprocessing chosen for {file}.").format(file=Path(path).name))
            self.model_panel.revert_choice()
            self.model_panel.show_in_use(self.model_info, self.unsaved_model)
            return
        self.settings.setValue(f"onnx_preset/{path}", chosen)
        current = self.model_panel.current_request()
        if current is not None:
            self.load_model(dataclasses.replace(current, preset=chosen))

    def _on_summary(self, summary: ModelSummary) -> None:
        self.layer_tree.show_summary(summary)

    def _on_summary_failed(self, error: JobError) -> None:
        self.layer_tree.clear(error.message)

    def _on_kernels_ready(self, kernels: KernelView) -> None:
        self.filters_view.show_kernels(kernels.layer, kernels.grid, kernels.count, kernels.size)

    def _on_kernels_failed(self, error: JobError) -> None:
        self.filters_view.show_message(error.message)

    # ------------------------------------------------------------ export / save
    def _start_folder(self) -> str:
        """Where file dialogs open: the last folder used, else the home folder (never the app's folder)."""
        folder = str(self.settings.value("last_folder", "") or "")
        return folder if folder and Path(folder).is_dir() else str(Path.home())

    def export_model_dialog(self) -> None:
        if self.model_info is None:
            self.show_error(self.tr("Load or train a model first."))
            return
        start = str(Path(self._start_folder()) / f"{self.model_info.arch}.onnx")
        path, chosen = QFileDialog.getSaveFileName(self, self.tr("Export the model"), start,
                                                   self.tr("ONNX (*.onnx);;TorchScript (*.pt)"))
        if path:
            fmt = "torchscript" if path.lower().endswith((".pt", ".pth")) or "TorchScript" in chosen else "onnx"
            self.export_model(path, fmt)

    def export_model(self, path: str, fmt: str) -> Job:
        images = self.thumbnails.paths() or [r.source for r in self.folder_view.results if not r.error]
        self.statusBar().showMessage(self.tr("Exporting to {file} and checking parity…").format(file=path))
        return self.submit(tasks.export_model, path, fmt, images, name=self.tr("Export"), exclusive=True,
                           returned=lambda report: self._on_export_done(path, report))

    def _on_export_done(self, path: str, report: Any) -> None:
        text = self.tr("Exported {file}: {parity}").format(file=Path(path).name, parity=report.summary())
        if report.ok:
            self.banner.show_message(text, "info")
        else:
            self.show_error(text + self.tr(" — the exported model does not behave like this one."))
        self.statusBar().showMessage(text, 15000)

    def save_checkpoint_dialog(self, wait: bool = False) -> bool:
        start = str(Path(self._start_folder()) / "convlens_model.pth")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Save the trained model"), start,
                                              self.tr("ConvLens checkpoint (*.pth)"))
        if not path:
            return False
        job = self.save_checkpoint(path)
        if wait:  # before quitting or replacing the model: the file must be written first
            from convlens.gui.jobs import wait_for

            try:
                wait_for(job, timeout=300)
            except Exception:  # noqa: BLE001 - the banner already says why
                return False
        return True

    def save_checkpoint(self, path: str) -> Job:
        return self.submit(tasks.save_checkpoint, path, name=self.tr("Saving the model"), exclusive=True,
                           returned=self._on_checkpoint_saved)

    def _on_checkpoint_saved(self, path: str) -> None:
        self.unsaved_model = False
        self.model_panel.show_in_use(self.model_info, False)
        self._add_recent(path)
        self.banner.show_message(self.tr("Saved {file}: open it as a weights file to use it again.").format(
            file=path), "info")

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
            self.settings.setValue("last_folder", str(Path(images[0]).parent))
            self.set_gallery(images)

    def set_gallery(self, paths: list[str]) -> None:
        self.thumbnails.set_paths(paths)
        self.tabs.setCurrentWidget(self.images_tab)
        if paths:
            self.thumbnails.setCurrentRow(0)
            self._show_path(paths[0])

    def _load_thumbnails(self, paths: list[str]) -> None:
        # In the background: previews never hold up a model load or training (they pause for them).
        self.submit(tasks.thumbnails, paths[:MAX_THUMBNAILS], name=self.tr("Thumbnails"), key="thumbnails",
                    background=True, yielded=self.thumbnails.set_thumbnail, errored=self._ignore_error)

    def _ignore_error(self, _error: JobError) -> None:
        """A thumbnail that cannot be made is not worth a banner (the image itself says why when opened)."""

    def _show_path(self, path: str) -> None:
        if path == self.current_key and self._current_source == path:
            return
        self._previous_key = self.current_key if isinstance(self._current_source, str) else ""
        self._current_source = path
        self.current_key = path
        self._request_current()

    def _show_from_table(self, path: str) -> None:
        self.tabs.setCurrentWidget(self.images_tab)
        paths = self.thumbnails.paths()
        if path in paths:
            self.thumbnails.setCurrentRow(paths.index(path))
        self._show_path(path)

    def show_image_bytes(self, data: bytes, name: str) -> None:
        self.thumbnails.set_paths([])
        self.tabs.setCurrentWidget(self.images_tab)
        self._previous_key = ""
        self._current_source = data
        self.current_key = name
        self._request_current()

    def _request_current(self) -> None:
        if self._current_source is None:
            return
        # What belonged to the previous image goes at once.
        self.image_view.set_overlay(None)
        self.cam_controls.info.setText("")
        self.submit(tasks.classify_image, self._current_source, self.current_key, self.predictions.topk,
                    bool(self.selected_layer), name=self.tr("Classifying {name}").format(name=self._display_name()),
                    key="image", returned=self._on_image_result, errored=self._on_image_failed)
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

    def _on_image_result(self, result: ImageClassification | tasks.ImageShown) -> None:
        w, h = result.size
        self.image_view.set_image(array_to_qimage(result.display), f"{self._display_name()}  ({w}×{h})")
        self._display_size = (result.display.shape[1], result.display.shape[0])
        if isinstance(self._current_source, str):
            self._add_recent(self._current_source)  # only files that opened
        if (self.banner.kind == "error" and not self._keep_banner) or result.notes:
            self.banner.hide()  # a message about an earlier image or action does not stay over this one
        self._keep_banner = False
        if result.notes:
            self.banner.show_message("\n".join(result.notes), "info")
        if isinstance(result, tasks.ImageShown):
            self.predictions.clear(self.tr("Load a model to classify this image."))
            return
        self.predictions.show_predictions(result.predictions, result.seconds, result.model)
        self.cam_controls.set_predictions(result.predictions)
        if self.selected_layer:
            self._request_features()
        self._request_cam()
        self.statusBar().showMessage(self.tr("{name}: {label} ({p:.1f}%)").format(
            name=self._display_name(), label=result.predictions[0].label,
            p=100 * result.predictions[0].probability), 8000)

    def _on_image_failed(self, error: JobError) -> None:
        """The image could not be opened: say so; the gallery and the image before it stay."""
        failed = self._current_source
        self.show_error(error.message)
        if isinstance(failed, str) and failed in self.thumbnails.paths() and self.thumbnails.count() > 1:
            self.thumbnails.remove_path(failed)
        if self._previous_key and self._previous_key in self.thumbnails.paths():
            self._current_source = self._previous_key
            self.current_key = self._previous_key
            self._previous_key = ""
            self.thumbnails.select_path(self.current_key)
            self._keep_banner = True  # the message says why we are back on this image
            self._request_current()
        elif not self.image_view.has_image():
            self._current_source = None
            self.current_key = ""
            self.predictions.clear("")

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
            self._push_live_options()  # the live job sends them, throttled
            return
        view = self.feature_view
        layer = self.selected_layer
        self.submit(tasks.feature_view, layer, view.page, 64, view.normalisation, view.colormap,
                    name=self.tr("Feature maps of {layer}").format(layer=layer), key="features",
                    returned=self.feature_view.show_view, errored=self._on_features_failed)

    def _on_features_failed(self, error: JobError) -> None:
        self.feature_view.show_message(error.message)

    def _request_cam(self) -> None:
        if not self.cam_controls.is_on:
            self.image_view.set_overlay(None)
            return
        if not self.image_view.has_image() or self.model_info is None:
            return
        self.cam_controls.info.setText(self.tr("computing…"))
        c = self.cam_controls
        self._cam_target = "images"
        self.submit(tasks.cam, c.layer, c.class_index, c.method.currentData(), self._display_size,
                    name=self.tr("The class activation map"), key="cam", returned=self._on_cam_ready,
                    errored=self._on_cam_failed)

    def _on_cam_ready(self, answer: tuple[CamResult, Any]) -> None:
        result, rgba = answer
        if self._cam_target == "live":
            self.live_view.on_cam(rgba)
            return
        if not self.cam_controls.is_on:
            return
        self.image_view.set_overlay(qimage_from_rgba(rgba))
        model = self.model_info.title if self.model_info else ""
        self.cam_controls.info.setText(f"{result.label} @ {result.layer} · {model}")

    def _on_cam_failed(self, error: JobError) -> None:
        self.cam_controls.info.setText(self.tr("no map"))
        self.image_view.set_overlay(None)
        self.show_error(error.message)

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
        self.live_control = tasks.LiveControl(self._live_options())
        self.live_job = self.submit(
            tasks.live, source, self.live_control, self.live_view.display, self.live_view.recorder,
            name=self.tr("Live video"), key="live", background=True, yielded=self._on_live_event,
            returned=self._on_live_stopped, errored=self._on_live_failed, aborted=self._on_live_aborted)
        self.settings.setValue("live_source", source)

    def stop_live(self) -> None:
        if self.live_control is not None:
            self.live_control.stop = True  # the job returns its summary at its next step

    def _live_options(self) -> tasks.LiveOptions:
        lv, fv = self.live_view, self.feature_view
        inside = self.tabs.currentWidget() is self.inside_tab
        return tasks.LiveOptions(mirror=lv.mirror.isChecked(), crop=lv.crop.isChecked(), topk=3,
                                 layer=self.selected_layer if inside else "", page=fv.page,
                                 normalise=fv.normalisation, cmap=fv.colormap, cam=lv.cam.isChecked())

    def _on_tab_changed(self, _index: int) -> None:
        if self.live_view.running:
            self._push_live_options()

    def _push_live_options(self) -> None:
        if self.live_control is not None:
            self.live_control.options = self._live_options()
        if self.live_view.paused and self.live_view.cam.isChecked() and self.model_info is not None:
            self._cam_target = "live"
            side = self.live_view.last_result.frame.image.shape[0] if self.live_view.last_result else 224
            self.submit(tasks.cam, "", None, "gradcam", (side, side), name=self.tr("The class activation map"),
                        key="cam", returned=self._on_cam_ready, errored=self._on_cam_failed)

    def _on_live_event(self, event: object) -> None:
        if isinstance(event, LiveResult):
            self.live_view.on_result(event)
        elif isinstance(event, tasks.LiveStarted):
            self.live_view.on_started(event.source)
            self.statusBar().showMessage(self.tr("Live: {source}").format(source=event.source))
        elif isinstance(event, tasks.LiveFeatures):
            if event.view.maps.layer == self.selected_layer:
                self.feature_view.show_view(event.view)
        elif isinstance(event, tasks.LiveCam):
            self.live_view.on_cam(event.rgba)
        elif isinstance(event, tasks.LivePaused):
            self.live_view.on_paused(event.result)
        elif isinstance(event, tasks.LiveRecordError):
            self.live_view.stop_recording()
            self.show_error(event.message)

    def _on_live_stopped(self, summary: LiveSummary) -> None:
        self.live_control = None
        self.live_view.on_stopped(summary)
        self.statusBar().showMessage(summary.error or self.tr("Live stopped."), 10000)

    def _on_live_failed(self, error: JobError) -> None:
        self.live_control = None
        self.live_view.on_stopped(None, error.message)

    def _on_live_aborted(self) -> None:
        self.live_control = None
        self.live_view.on_stopped(None)

    def _on_live_pause(self, paused: bool) -> None:
        if self.live_control is not None:
            self.live_control.paused = paused
        if paused:
            self._push_live_options()

    def _on_record_changed(self, class_name: object, rate: float) -> None:
        if self.live_control is not None:
            self.live_control.set_record((str(class_name), rate) if class_name else None)

    def find_cameras(self) -> None:
        self.live_view.find_cameras.setEnabled(False)
        self.live_view.find_cameras.setText(self.tr("Looking…"))
        self.submit(tasks.find_cameras, name=self.tr("Looking for cameras"), key="cameras",
                    returned=self.live_view.show_cameras, finished=self.live_view.cameras_done)

    def _refresh_counts(self) -> None:
        root = self.live_view.dataset_root()
        if root is not None:
            self.submit(tasks.recorded_counts, str(root), name=self.tr("Counting samples"), key="counts",
                        returned=self.live_view.show_counts)

    def _delete_recorded(self, class_name: str, n: int) -> None:
        root = self.live_view.dataset_root()
        if root is None:
            return
        self.submit(tasks.delete_recorded, str(root), class_name, n, name=self.tr("Deleting samples"),
                    returned=lambda answer: self.live_view.on_deleted(class_name, *answer))

    # ------------------------------------------------------------ teaching
    def start_training(self, data: str, val_data: str, config: TrainConfig) -> None:
        if self.model_info is None:
            self.show_error(self.tr("Load a model first: it is the starting point of the fine-tune."))
            return
        if not data:
            self.show_error(self.tr("Choose a training folder: one subfolder of images per class."))
            return
        self.teach_view.on_started()
        self.train_job = self.submit(tasks.train, data, config, val_data, name=self.tr("Training"), key="train",
                                     exclusive=True, yielded=self._on_train_step, returned=self._on_train_finished,
                                     errored=self._on_train_failed, aborted=self._on_train_cancelled)
        self.settings.setValue("train_data", data)

    def _cancel_training(self) -> None:
        if self.train_job is not None and self.train_job.is_running:
            self.train_job.quit()

    def _on_train_step(self, step: object) -> None:
        if isinstance(step, tasks.TrainStatus):
            self.teach_view.on_status(step.text)
        elif isinstance(step, TrainProgress):
            self.teach_view.on_progress(step)
        elif isinstance(step, EpochStats):
            self.teach_view.on_epoch(step)

    def _on_train_finished(self, done: tasks.TrainFinished) -> None:
        self.teach_view.on_finished(done.result)
        self._on_model_loaded(done.info, trained=True)
        self.statusBar().showMessage(self.tr("Training done: validation accuracy {acc:.1f}%").format(
            acc=100 * done.result.val_accuracy), 10000)

    def _on_train_failed(self, error: JobError) -> None:
        self.teach_view.on_failed(error.message, False)
        self.show_error(error.message)

    def _on_train_cancelled(self) -> None:
        self.teach_view.on_failed(self.tr("Training cancelled; the previous model stays in use."), True)

    # ------------------------------------------------------------ evaluation
    def evaluate_folder(self, folder: str) -> Job | None:
        """Accuracy, per-class report and confusion matrix of the current model on ``folder`` (Teach tab)."""
        if self.model_info is None:
            self.show_error(self.tr("Load a model first: the evaluation measures the current model."))
            return None
        self.tabs.setCurrentWidget(self.teach_view)
        self.teach_view.on_evaluation_started(folder)
        return self.submit(tasks.evaluate, folder, max(5, self.predictions.topk),
                           name=self.tr("Evaluating on {folder}").format(folder=Path(folder).name), key="evaluate",
                           yielded=self._on_evaluation_step, returned=self._on_evaluation_done,
                           errored=self._on_evaluation_failed)

    def _on_evaluation_step(self, step: BatchProgress) -> None:
        self.teach_view.on_evaluation_progress(step.done, step.total)

    def _on_evaluation_done(self, report: Any) -> None:
        self.teach_view.on_evaluation_finished(report)
        self.statusBar().showMessage(self.tr("Evaluation: top-1 accuracy {a:.1f}% on {n} images").format(
            a=100 * report.accuracy(1), n=report.total), 10000)

    def _on_evaluation_failed(self, error: JobError) -> None:
        self.teach_view.on_evaluation_failed(error.message)
        self.show_error(error.message)

    def _load_cell_thumbnails(self, paths: list[str]) -> None:
        self.submit(tasks.thumbnails, paths[:MAX_THUMBNAILS], 72, name=self.tr("Thumbnails"), key="cell-thumbnails",
                    background=True, yielded=self.teach_view.set_cell_thumbnail, errored=self._ignore_error)

    def show_with_cam(self, path: str) -> None:
        """An image from the confusion matrix, shown large with its class activation map."""
        self.set_gallery(self.teach_view.cell_paths() or [path])
        paths = self.thumbnails.paths()
        if path in paths:
            self.thumbnails.setCurrentRow(paths.index(path))
        self.cam_controls.enabled.setChecked(True)

    def _use_recorded_dataset(self) -> None:
        root = self.live_view.dataset_root()
        if root is None:
            self.show_error(self.tr("No dataset recorded yet: choose a dataset folder in the Live tab."))
            return
        self.teach_view.data_edit.setText(str(root))

    # ------------------------------------------------------------ folder mode
    def classify_folder(self, paths: list[Path]) -> None:
        """Find and classify every image under ``paths``; the scan runs on the engine thread too."""
        self.tabs.setCurrentWidget(self.folder_view)
        folder = next((p for p in paths if p.is_dir()), paths[0])
        self.settings.setValue("last_folder", str(folder))
        self._add_recent(str(folder))
        what = ", ".join(p.name for p in paths[:3]) + ("…" if len(paths) > 3 else "")
        self.folder_view.scanning(what)
        self.folder_job = self.submit(
            tasks.classify_folder, [str(p) for p in paths], max(5, self.predictions.topk),
            name=self.tr("Classifying {what}").format(what=what), key="folder",
            yielded=self._on_folder_step, returned=self._on_folder_done, errored=self._on_folder_failed,
            aborted=self._on_folder_cancelled)

    def _cancel_folder(self) -> None:
        if self.folder_job is not None and self.folder_job.is_running:
            self.folder_job.quit()

    def _on_folder_step(self, step: object) -> None:
        if isinstance(step, tasks.FolderScan):
            model = f"{self.model_info.title} ({self.model_info.source})" if self.model_info else ""
            self.folder_view.start(len(step.files), step.what, model)
            self.thumbnails.set_paths(list(step.files))
            self.thumbnails.setCurrentRow(-1)
        elif isinstance(step, BatchProgress):
            self.folder_view.add_progress(step)

    def _on_folder_done(self, _count: int) -> None:
        self.folder_view.finish(False)
        self.statusBar().showMessage(self.folder_view.summary_text(), 10000)

    def _on_folder_failed(self, error: JobError) -> None:
        self.folder_view.finish(False, error.message)
        self.show_error(error.message)

    def _on_folder_cancelled(self) -> None:
        self.folder_view.finish(True)

    def export_csv_dialog(self) -> None:
        if not self.folder_view.results:
            self.show_error(self.tr("Nothing to export yet: drop a folder of images first."))
            return
        start = str(Path(self._start_folder()) / "convlens_results.csv")
        path, _ = QFileDialog.getSaveFileName(self, self.tr("Export results as CSV"), start, self.tr("CSV (*.csv)"))
        if path:
            self.export_csv(path)

    def export_csv(self, path: str) -> Job:
        """Write the folder results as CSV (on the engine thread; the status bar says when it is written)."""
        return self.submit(tasks.write_results_csv, path, list(self.folder_view.results),
                           name=self.tr("Writing {file}").format(file=Path(path).name),
                           returned=self._on_file_written)

    def _on_file_written(self, path: str) -> None:
        self.statusBar().showMessage(self.tr("Saved {file}").format(file=path), 8000)

    def save_image(self, path: str, rgb: object) -> Job:
        return self.submit(tasks.save_image, path, rgb, name=self.tr("Saving {file}").format(file=Path(path).name),
                           returned=self._on_file_written)

    # ------------------------------------------------------------ open / paste / drop
    def open_images_dialog(self) -> None:
        paths, _ = QFileDialog.getOpenFileNames(
            self, self.tr("Open images"), self._start_folder(),
            self.tr("Images (*.jpg *.jpeg *.png *.bmp *.gif *.tif *.tiff *.webp);;All files (*)"))
        if paths:
            self.open_paths(paths)

    def open_folder_dialog(self) -> None:
        path = QFileDialog.getExistingDirectory(self, self.tr("Classify a folder"), self._start_folder())
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

    def show_info(self, message: str) -> None:
        self.banner.show_message(message, "info")
        self.statusBar().showMessage(message.splitlines()[0][:200], 8000)

    def _update_title(self) -> None:
        # Qt appends the application display name ("— ConvLens") itself.
        info = self.model_info
        if info is None:
            self.setWindowTitle("")
            return
        trained = self.tr(", fine-tuned, unsaved") if self.unsaved_model else ""
        self.setWindowTitle(f"{info.title} ({info.source}{trained})")

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

    def _setting_int(self, key: str, default: int) -> int:
        try:
            return int(self.settings.value(key, default))
        except (TypeError, ValueError):
            return default

    def _restore_settings(self) -> None:
        s = self.settings
        geometry = s.value("geometry")
        if isinstance(geometry, QByteArray) and not geometry.isEmpty():
            self.restoreGeometry(geometry)
        else:
            self.resize(1280, 800)
        self.predictions.k_spin.setValue(self._setting_int("topk", 5))
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
        from convlens.cli import default_runtime

        runtime = str(self.settings.value("runtime", default_runtime()) or default_runtime())
        self.model_panel.set_runtime(runtime)
        if runtime != "torch":
            self.submit(tasks.set_runtime, runtime, name=self.tr("Switching the runtime"), key="runtime",
                        exclusive=True)
        if self.model_panel.current_request() is None:
            self.model_panel.set_device(self.tr("(loads with the model)"))
            if self.model_panel.weights_kind == ModelPanel.KIND_PRETRAINED:
                self.statusBar().showMessage(self.tr(
                    "Pretrained weights are not downloaded yet: download them, or pick random weights or a file."))
        self.model_panel.request_load()

    def save_settings(self) -> None:
        s = self.settings
        s.setValue("geometry", self.saveGeometry())
        arch, kind, weights_file, labels_file = self.model_panel.choice_in_use()
        s.setValue("arch", arch)
        s.setValue("weights_kind", kind)
        s.setValue("weights_file", weights_file)
        s.setValue("labels_file", labels_file)
        s.setValue("topk", self.predictions.topk)
        s.setValue("runtime", self.model_panel.runtime)
        root = self.live_view.dataset_root()
        s.setValue("dataset", str(root) if root else "")
        s.sync()

    def shutdown(self) -> None:
        """The explicit end: UI timers first, then the engine (jobs dropped, thread stopped, sources closed)."""
        self.live_view.shutdown()
        self.client.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing and not self.confirm_discard_trained():
            event.ignore()
            return
        self._closing = True
        self.save_settings()
        self.shutdown()
        super().closeEvent(event)


def qimage_to_png(image: QImage) -> bytes:
    buffer = QBuffer()
    buffer.open(QIODevice.OpenModeFlag.WriteOnly)
    image.save(buffer, "PNG")
    return bytes(buffer.data())

