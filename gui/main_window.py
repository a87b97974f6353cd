"""The main window: a shell over the model panel and five tab controllers (``gui.tabs``).

Every piece of engine work is a job (``gui.jobs``): a controller submits a task from ``engine.app.tasks`` and
connects the job's signals. A newer job with the same key supersedes the older one, so no result from an
earlier image, layer or model can arrive late; a job that fails, for whatever reason, ends with a message in
the banner and its view reset. The window itself owns what is not one tab's: the model (loading, saving,
exporting), menus, opening / pasting / dropping, settings and shutdown.
"""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QSettings, Qt
from PySide6.QtGui import QCloseEvent
from PySide6.QtWidgets import (
    QFrame,
    QInputDialog,
    QMainWindow,
    QMessageBox,
    QScrollArea,
    QSplitter,
    QVBoxLayout,
    QWidget,
)

from convlens.engine import __version__
from convlens.engine.app import tasks
from convlens.engine.data.images import DEFAULT_MAX_PIXELS
from convlens.engine.weights.bundled import BUNDLED_ARCH, bundled_title
from convlens.engine.weights.onnx import NeedsPreprocessing
from convlens.gui.geometry import place_window
from convlens.gui.i18n import LANGUAGES, SYSTEM, engine_text, fill
from convlens.gui.jobs import EngineClient
from convlens.gui.message_banner import MessageBanner
from convlens.gui.model_panel import ModelPanel
from convlens.gui.projects import ProjectController, ask_recover_box
from convlens.gui.resources import app_icon
from convlens.gui.scrolling_tabs import ScrollingTabs
from convlens.gui.settings import Key, Settings
from convlens.gui.tabs.compare.controller import CompareController
from convlens.gui.tabs.context import AppContext
from convlens.gui.tabs.folder.controller import FolderController
from convlens.gui.tabs.images.controller import ImagesController
from convlens.gui.tabs.inside.controller import InsideController
from convlens.gui.tabs.live.controller import LiveController
from convlens.gui.tabs.teach.controller import TeachController
from convlens.gui.window_engine import WindowEngine
from convlens.gui.window_files import WindowFiles
from convlens.gui.window_menus import WindowMenus
from convlens.gui.window_runtime import WindowRuntime

if TYPE_CHECKING:
    from convlens.engine.app.requests import WeightsRequest
    from convlens.engine.app.session import ModelInfo
    from convlens.engine.weights.hub import DownloadProgress
    from convlens.gui.jobs import Job, JobError
    from convlens.gui.tabs.inside.controller import FrameSource

DEFAULT_ARCH = "mobilenet_v2"
#: What to do with a trained model that was not saved.
UnsavedAnswer = Literal["save", "discard", "cancel"]


class MainWindow(WindowMenus, WindowFiles, WindowRuntime, WindowEngine, QMainWindow):
    def __init__(self, settings: QSettings | None = None, log_file: str | None = None) -> None:
        super().__init__()
        if log_file is None:
            from convlens.gui.logs import setup_logging

            log_file = str(setup_logging())
        self.settings = Settings(settings)
        self.setWindowIcon(app_icon())
        self.setAcceptDrops(True)
        self.client = EngineClient(self, log_file=log_file)
        self.load_job: Job | None = None
        self._paste_count = 0
        self._closing = False
        self.started = False  # start() ran: the remembered runtime and model were asked for
        self._fallback_note = ""  # why the bundled model was loaded instead of the remembered choice
        self._int8_at_start = ""  # the remembered int8 calibration folder, until the first model is loaded
        # the engine's decoding limit is set on the engine thread, as a job: never an engine global from the UI thread
        self._max_megapixels = self.settings.integer(Key.MAX_MEGAPIXELS, DEFAULT_MAX_PIXELS // 1_000_000)
        self.once_engine(lambda: self.client.submit(tasks.set_max_pixels, self._max_megapixels * 1_000_000,
                                                    name="image size limit"))
        self._wait_for_engine()

        # -- the shell: model panel | tabs, with the banner floating over the tabs
        self.model_panel = ModelPanel()
        self.model_panel.setMinimumWidth(270)
        self.model_panel.setMaximumWidth(380)
        self.banner = MessageBanner()
        self.tabs = ScrollingTabs()
        self.ctx = AppContext(self, self.client, self.settings, self.banner, self.tabs)

        # -- the tabs, each a controller that owns its widgets and jobs
        self.images = ImagesController(self.ctx)
        self.inside = InsideController(self.ctx, self._frame_source)
        self.inside.example_folder = lambda: str(Path(self.images.current_key).parent) if Path(
            self.images.current_key).is_file() else ""
        self.live = LiveController(self.ctx, self.inside)
        self.folder = FolderController(self.ctx, self.images)
        self.teach = TeachController(self.ctx, self.images, self.live)
        self.compare = CompareController(self.ctx, self.images, self.live)
        self.teach.starting_model = self._starting_model
        self.projects = ProjectController(self)
        self.teach.before_training = self.projects.autosave_before_training
        self.teach.view.load_trained_requested.connect(self.model_panel.set_weights_file)
        self.tabs.addTab(self.images.widget, self.tr("Images"))
        self.tabs.addTab(self.folder.view, self.tr("Folder results"))
        self.tabs.addTab(self.inside.widget, self.tr("Inside the model"))
        self.tabs.addTab(self.live.view, self.tr("Live"))
        self.tabs.addTab(self.teach.view, self.tr("Teach"))
        self.tabs.addTab(self.compare.view, self.tr("Compare"))

        right = QWidget()
        lay = QVBoxLayout(right)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.tabs, 1)
        self.banner.setParent(right)  # floats over the tabs: a message never moves the layout
        right.installEventFilter(self.banner)
        self.banner.top = self.tabs.tabBar().sizeHint().height()
        # the panel scrolls when the window is too short for it, rather than squeezing its wrapped labels
        panel_scroll = QScrollArea()
        panel_scroll.setWidget(self.model_panel)
        panel_scroll.setWidgetResizable(True)
        panel_scroll.setFrameShape(QFrame.Shape.NoFrame)
        panel_scroll.setHorizontalScrollBarPolicy(Qt.ScrollBarPolicy.ScrollBarAlwaysOff)
        panel_scroll.setMinimumWidth(self.model_panel.minimumWidth())
        panel_scroll.setMaximumWidth(self.model_panel.maximumWidth())
        splitter = QSplitter(Qt.Orientation.Horizontal)
        splitter.addWidget(panel_scroll)
        splitter.addWidget(right)
        splitter.setStretchFactor(1, 1)
        splitter.setChildrenCollapsible(False)
        self.setCentralWidget(splitter)
        self._build_menus()
        self.statusBar().showMessage(self.tr("Ready"))

        # -- wiring between the tabs
        self.inside.layer_selected.connect(self.images.set_selected_layer)
        self.inside.layer_selected.connect(self.teach.set_selected_layer)
        self.images.classified.connect(self.inside.request_features)
        self.teach.save_requested.connect(self.save_checkpoint_dialog)
        self.ctx.model_changed.connect(self._on_model_changed)
        self.ctx.recent_changed.connect(self._rebuild_recent_menu)
        self.model_panel.runtime_changed.connect(self._on_runtime_changed)
        self.ctx.runtime_moved.connect(lambda info: self.model_panel.show_runtime(info.runtime_title,
                                                                                  info.runtime_reason))
        self.model_panel.load_requested.connect(self.load_model)
        self.model_panel.cancel_requested.connect(self._cancel_load)

        self._restore_settings()
        self.model_panel.set_runtime("torch")  # what the engine starts with; start() applies the chosen one
        self.model_panel.set_device(self.tr("starting…"))
        self.update_title()

    # ------------------------------------------------------------ the tabs' widgets, for tests and screenshots
    @property
    def model_info(self) -> ModelInfo | None:
        return self.ctx.model_info

    @property
    def unsaved_model(self) -> bool:
        return self.ctx.unsaved_model

    def _starting_model(self) -> tuple[str, str]:
        """The architecture and weights chosen in the model panel: where a training bundle starts from."""
        kind = self.model_panel.weights_kind
        if kind == ModelPanel.KIND_FILE:
            return self.model_panel.arch, self.model_panel.weights_file
        return self.model_panel.arch, kind if kind in (ModelPanel.KIND_RANDOM, ModelPanel.KIND_BUNDLED) else "pretrained"

    def _frame_source(self) -> FrameSource:
        """What feature maps are computed on: the live video while it runs, else the image (if any)."""
        live = self.live.frame_source()
        if live != "none":
            return live
        return "image" if self.images.has_image() or self.live.paused else "none"

    # ------------------------------------------------------------ menus

    def choose_language(self, code: str) -> None:
        """Remember the language; it takes effect the next time ConvLens starts (``--lang`` overrides it)."""
        self.settings.set(Key.LANGUAGE, code)
        name = self.tr("the system language") if code == SYSTEM else LANGUAGES[code]
        self.ctx.show_info(fill(self.tr("ConvLens will speak {language} from the next start."), language=name))

    def about_text(self) -> str:
        log = self.client.log_file
        return self.tr(
            "<h3>ConvLens {version}</h3><p>See inside and teach convolutional networks.</p>"
            "<p>PyTorch/torchvision engine, PySide6 interface. Everything runs on this computer; "
            "nothing is uploaded.</p><p>Log file: {log}</p>").format(version=__version__, log=log or "-")

    def about(self) -> None:
        QMessageBox.about(self, self.tr("About ConvLens"), self.about_text())

    def choose_max_pixels(self) -> None:
        current = self._max_megapixels
        value, ok = QInputDialog.getInt(
            self, self.tr("Largest image to open"),
            self.tr("Images larger than this are refused before decoding (megapixels):"), current, 1, 2000)
        if ok:
            self.set_max_megapixels(value)

    def set_max_megapixels(self, value: int) -> None:
        self._max_megapixels = value
        self.client.submit(tasks.set_max_pixels, value * 1_000_000, name="image size limit")
        self.settings.set(Key.MAX_MEGAPIXELS, value)
        self.statusBar().showMessage(self.tr("Images up to {n} megapixels will be opened.").format(n=value), 8000)

    # ------------------------------------------------------------ model
    def load_model(self, request: WeightsRequest) -> None:
        if not self.needs_engine(self.load_model, request):
            return
        if request.path and request.path.lower().endswith(".onnx") and not request.preset:
            remembered = self.settings.onnx_preset(request.path)
            if remembered:
                request = dataclasses.replace(request, preset=remembered)
        if not self.confirm_discard_trained():
            self.model_panel.show_in_use(self.model_info, self.unsaved_model)
            return
        # A newer choice supersedes a download or load in progress (same key).
        self.load_job = self.ctx.submit(tasks.load_model, request, name=self.tr("Loading the model"), key="model",
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

    def ask_unsaved(self) -> UnsavedAnswer:
        """Ask what to do with the unsaved trained model: "save", "discard" or "cancel" (tests replace this)."""
        box = QMessageBox(QMessageBox.Icon.Question, self.tr("Unsaved trained model"),
                          self.tr("The model you trained has not been saved. Save it first?"),
                          QMessageBox.StandardButton.Save | QMessageBox.StandardButton.Discard
                          | QMessageBox.StandardButton.Cancel, self)
        box.setDefaultButton(QMessageBox.StandardButton.Save)
        # Qt's Korean calls Discard "무시" (ignore): what it does is not save
        box.button(QMessageBox.StandardButton.Discard).setText(self.tr("Don't Save"))
        choice = box.exec()
        answers: dict[QMessageBox.StandardButton, UnsavedAnswer] = {QMessageBox.StandardButton.Save: "save",
                                                                    QMessageBox.StandardButton.Discard: "discard"}
        return answers.get(QMessageBox.StandardButton(choice), "cancel")

    def ask_preset(self, path: str) -> str | None:
        """Ask which preprocessing an ONNX file made elsewhere expects (tests replace this)."""
        from convlens.engine.models.preprocess import PRESETS

        items = [f"{k}: {v}" for k, v in PRESETS.items()]
        choice, ok = QInputDialog.getItem(
            self, self.tr("Preprocessing for {file}").format(file=Path(path).name),
            self.tr("{file} does not say how its images are preprocessed. Which of these did it learn with?").format(
                file=Path(path).name), items, 0, False)
        return choice.split(":")[0] if ok and choice else None

    def _on_download_progress(self, step: DownloadProgress) -> None:
        self.model_panel.show_download(step.filename, step.done, step.total)

    def _on_model_loaded(self, info: ModelInfo) -> None:
        self.ctx.set_model(info)
        folder, self._int8_at_start = self._int8_at_start, ""
        if folder and info.precision == "f32":
            self._use_int8(folder)

    def _on_model_changed(self, info: ModelInfo) -> None:
        """A model was loaded or trained: the panel, banner and title say which; the tabs reset themselves."""
        trained = self.ctx.unsaved_model
        self.model_panel.set_device(info.device)
        self.model_panel.show_runtime(info.runtime_title, info.runtime_reason)
        self.model_panel.select_arch(info.arch)
        self.model_panel.show_loaded(self.tr("{title}: {source}, {n} classes").format(
            title=info.title, source=engine_text(info.source), n=len(info.labels)))
        self.model_panel.show_in_use(info, trained)
        self.model_panel.remember_choice()
        self.banner.hide()
        notes = [engine_text(n) for n in info.notes]
        if self._fallback_note:
            notes.insert(0, self._fallback_note)
            self._fallback_note = ""
        if notes:
            self.banner.show_message("\n".join(notes), "info")
        if not trained:
            self.statusBar().showMessage(self.tr("Loaded {title} ({source})").format(
                title=info.title, source=engine_text(info.source)), 8000)
        self.update_title()

    def _on_model_failed(self, error: JobError) -> None:
        if isinstance(error.exception, NeedsPreprocessing):
            self._on_model_needs_preset()
            return
        keep = ""
        if self.model_info is not None:
            keep = self.tr(" The previous model stays in use: {model}.").format(
                model=self.ctx.model_name())
        self.model_panel.show_failed(error.message)
        if self.model_info is None and self.model_panel.weights_kind != ModelPanel.KIND_BUNDLED:
            # nothing is in use (the remembered file is gone, say): the bundled model, never nothing
            self._fall_back_to_bundled(error.message + fill(self.tr(" The bundled {bundled} is in use instead."),
                bundled=bundled_title()))
            return
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
        self.settings.set_onnx_preset(path, chosen)
        current = self.model_panel.current_request()
        if current is not None:
            self.load_model(dataclasses.replace(current, preset=chosen))

    # ------------------------------------------------------------ export / save






    # ------------------------------------------------------------ open / paste / drop






    # ------------------------------------------------------------ messages, settings
    def show_error(self, message: str) -> None:
        self.ctx.show_error(message)

    def show_info(self, message: str) -> None:
        self.ctx.show_info(message)

    def update_title(self) -> None:
        # Qt appends the application display name ("— ConvLens") itself.
        info = self.model_info
        project = f"{Path(self.projects.path).name} — " if self.projects.path else ""
        if info is None:
            self.setWindowTitle(project.rstrip(" —"))
            return
        trained = self.tr(", fine-tuned, unsaved") if self.unsaved_model else ""
        self.setWindowTitle(f"{project}{info.title} ({engine_text(info.source)}{trained})")



    def ask_recover(self, when: str) -> bool:
        """Offer the session a crash left behind (tests replace this)."""
        return ask_recover_box(self, when)


    def _restore_settings(self) -> None:
        s = self.settings
        place_window(self, s.bytes(Key.GEOMETRY))  # the saved place, or a default size that fits this screen
        self.images.restore()
        self.model_panel.set_choice(s.text(Key.ARCH, DEFAULT_ARCH), s.text(Key.WEIGHTS_KIND, ModelPanel.KIND_BUNDLED),
                                    s.text(Key.WEIGHTS_FILE), s.text(Key.LABELS_FILE), emit=False)
        self._rebuild_recent_menu()
        self.rebuild_recent_projects()
        self.live.restore()
        self.teach.restore()

    def start(self) -> None:
        """Load the engine, then the remembered model (after the window is up)."""
        self.started = True
        if not self.client.engine_ready:
            self._engine_pending()
        self.once_engine(self._start_model)

    def _start_model(self) -> None:
        from convlens.engine.core.choices import default_runtime

        # int8 is remembered with its calibration folder: the first model loads with Auto, then is quantized on that
        # folder as the user's own choice would be (with progress; the quantized model is cached, so it is quick)
        self._int8_at_start = self.remembered_int8()
        runtime = self.settings.text(Key.RUNTIME, default_runtime())
        runtime = "auto" if runtime == "int8" else runtime
        self.model_panel.set_runtime(runtime)
        if runtime != "torch":
            self.ctx.submit(tasks.set_runtime, runtime, name=self.tr("Switching the runtime"), key="runtime",
                        exclusive=True)
        if self.model_panel.current_request() is None:
            # the remembered choice cannot load now (pretrained weights not downloaded, no file): the bundled
            # model answers meanwhile, and says so; the choice is still one click (and a download) away
            self._fall_back_to_bundled(fill(self.tr(
                "{arch}'s pretrained weights are not downloaded yet, so the bundled {bundled} is in use. Choose "
                "{arch} again to download them."), arch=self.model_panel.arch_combo.currentText().strip(),
                bundled=bundled_title()))
        else:
            self.model_panel.request_load()
        self.projects.start()

    def _fall_back_to_bundled(self, why: str) -> None:
        """Load the bundled model because ``why``: the app never starts with no model at all."""
        self._fallback_note = why
        self.model_panel.set_choice(BUNDLED_ARCH, ModelPanel.KIND_BUNDLED)

    def save_settings(self) -> None:
        s = self.settings
        s.set(Key.GEOMETRY, self.saveGeometry())
        arch, kind, weights_file, labels_file = self.model_panel.choice_in_use()
        s.set(Key.ARCH, arch)
        s.set(Key.WEIGHTS_KIND, kind)
        s.set(Key.WEIGHTS_FILE, weights_file)
        s.set(Key.LABELS_FILE, labels_file)
        s.set(Key.TOPK, self.images.topk)
        # the runtime is saved when it changes (int8 once it worked, with its calibration folder), not from the box
        self.live.save_settings()
        s.sync()

    def shutdown(self) -> None:
        """The explicit end: UI timers first, then the engine (jobs dropped, thread stopped, sources closed)."""
        self.live.shutdown()
        self.client.shutdown()

    def closeEvent(self, event: QCloseEvent) -> None:
        if not self._closing and not self.confirm_discard_trained():
            event.ignore()
            return
        self._closing = True
        self.projects.end_session()
        self.save_settings()
        self.shutdown()
        super().closeEvent(event)



