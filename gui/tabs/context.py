"""What every tab shares: the engine client, the settings, the banner and status bar, the model in use."""

from __future__ import annotations

from collections.abc import Callable, Generator
from typing import TYPE_CHECKING, Any, overload

from PySide6.QtCore import QObject, Signal
from PySide6.QtWidgets import QMainWindow, QTabWidget, QWidget

from convlens.gui.i18n import engine_text

if TYPE_CHECKING:
    from convlens.engine.app.session import ModelInfo
    from convlens.gui.jobs import EngineClient, Job, JobError, R, Y
    from convlens.gui.message_banner import MessageBanner
    from convlens.gui.settings import Settings


class AppContext(QObject):
    """Shared by the window and its tab controllers. ``model_changed`` fires after every load or training."""

    model_changed = Signal(object)  # ModelInfo
    runtime_moved = Signal(object)  # ModelInfo: the same model, now classified by a faster faithful runtime
    recent_changed = Signal()

    def __init__(self, window: QMainWindow, client: EngineClient, settings: Settings, banner: MessageBanner,
                 tabs: QTabWidget) -> None:
        super().__init__(window)
        self.window = window
        self.client = client
        self.settings = settings
        self.banner = banner
        self.tabs = tabs
        self.model_info: ModelInfo | None = None
        self.unsaved_model = False  # trained here and not saved yet

    # ------------------------------------------------------------ jobs
    @overload
    def submit(self, fn: Callable[..., Generator[Y, Any, R]], *args: Any,
               name: str, key: str | None = None, exclusive: bool = False, background: bool = False,
               yielded: Callable[[Y], None] | None = None, returned: Callable[[R], None] | None = None,
               errored: Callable[[JobError], None] | None = None, aborted: Callable[[], None] | None = None,
               finished: Callable[[], None] | None = None) -> Job[Y, R]:
        ...

    @overload
    def submit(self, fn: Callable[..., R], *args: Any, name: str, key: str | None = None, exclusive: bool = False,
               background: bool = False, returned: Callable[[R], None] | None = None,
               errored: Callable[[JobError], None] | None = None, aborted: Callable[[], None] | None = None,
               finished: Callable[[], None] | None = None) -> Job[None, R]:
        ...

    def submit(self, fn: Callable[..., Any], *args: Any, name: str, key: str | None = None,
               exclusive: bool = False, background: bool = False,
               yielded: Callable[[Any], None] | None = None, returned: Callable[[Any], None] | None = None,
               errored: Callable[[JobError], None] | None = None, aborted: Callable[[], None] | None = None,
               finished: Callable[[], None] | None = None) -> Job[Any, Any]:
        """Submit ``fn`` as a job; by default a failure shows its message in the banner. ``yielded`` and
        ``returned`` are typed by ``fn``'s annotation (``Generator[Y, _, R]`` or ``R``), so a slot that expects
        something else is a type error, not a surprise at run time."""
        job = self.client.submit(fn, *args, name=name, key=key, exclusive=exclusive, background=background)
        if yielded is not None:
            job.yielded.connect(yielded)
        if returned is not None:
            job.returned.connect(returned)
        job.errored.connect(errored or self.show_job_error)
        if aborted is not None:
            job.aborted.connect(aborted)
        if finished is not None:
            job.finished.connect(finished)
        return job

    def show_job_error(self, error: JobError) -> None:
        self.show_error(error.message)

    @staticmethod
    def ignore_error(_error: JobError) -> None:
        """For jobs whose failure is not worth a banner (a thumbnail: the image itself says why when opened)."""

    # ------------------------------------------------------------ model
    def set_model(self, info: ModelInfo, trained: bool = False) -> None:
        self.model_info = info
        self.unsaved_model = trained
        self.model_changed.emit(info)

    def move_runtime(self, info: ModelInfo) -> None:
        """The work (a folder, live video) moved the same model to another runtime: nothing resets."""
        self.model_info = info
        self.runtime_moved.emit(info)

    def model_name(self) -> str:
        """The model in use, and its runtime when that is reduced precision (every result it made says so)."""
        if self.model_info is None:
            return ""
        name = f"{self.model_info.title} ({engine_text(self.model_info.source)})"
        if self.model_info.reduced_precision:
            name += self.tr(" · {runtime}, reduced precision").format(runtime=self.model_info.runtime_title)
        return name

    # ------------------------------------------------------------ messages
    def show_error(self, message: str) -> None:
        self.banner.show_message(message, "error")
        self.status(message.splitlines()[0][:200], 10000)

    def clear_error(self) -> None:
        """An error about an earlier action does not stay over a new one that started well."""
        if self.banner.kind == "error":
            self.banner.hide()

    def show_info(self, message: str) -> None:
        self.banner.show_message(message, "info")
        self.status(message.splitlines()[0][:200], 8000)

    def status(self, message: str, timeout_ms: int = 0) -> None:
        self.window.statusBar().showMessage(message, timeout_ms)

    def show_tab(self, tab: QWidget) -> None:
        self.tabs.setCurrentWidget(tab)

    def is_current_tab(self, tab: QWidget) -> bool:
        return self.tabs.currentWidget() is tab

    def add_recent(self, path: str) -> None:
        self.settings.add_recent(path)
        self.recent_changed.emit()
