"""The GUI's one door to the engine: a worker QObject living in a QThread.

The UI thread never runs torch. ``EngineClient`` (UI thread) turns calls into
queued signals for ``EngineWorker`` (engine thread), which drives the engine's
generators and answers with signals. Long jobs check for cancellation between
yields; a newer image request supersedes older ones still in the queue.
"""

from __future__ import annotations

import gc
import itertools
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, Signal, Slot

from engine.errors import ConvLensError
from engine.session import EngineSession, WeightsRequest


def _freeze_long_lived_objects() -> None:
    """Keep the cyclic GC from walking torch's huge, permanent object graph.

    After torch, torchvision and a model are loaded, a full (generation 2)
    collection walks millions of objects and holds the GIL for ~200 ms,
    freezing the UI thread. ``gc.freeze`` moves everything alive now out of
    the collector's sight; it is cheap and only costs the (small) garbage that
    happens to be alive at this moment.
    """
    gc.freeze()


class EngineWorker(QObject):
    """Lives in the engine thread; owns the session (and so the model)."""

    model_loading = Signal(int, str)  # job, description
    download_progress = Signal(int, str, int, int)  # job, filename, done, total
    model_loaded = Signal(int, object)  # job, ModelInfo
    model_failed = Signal(int, str, bool)  # job, message, cancelled
    summary_ready = Signal(object)  # ModelSummary
    summary_failed = Signal(str)
    image_ready = Signal(int, object)  # request, ImageClassification
    image_shown = Signal(int, str, object, object)  # request, source, display array, (w, h): no model yet
    image_failed = Signal(int, str, str)  # request, source, message
    folder_progress = Signal(int, object)  # job, BatchProgress
    folder_finished = Signal(int, bool, str)  # job, cancelled, error message ("" if none)
    features_ready = Signal(int, object)  # request, FeatureView
    features_failed = Signal(int, str)
    cam_ready = Signal(int, object, object)  # request, CamResult, RGBA layer (H, W, 4) at display size
    cam_failed = Signal(int, str)
    kernels_ready = Signal(object)  # KernelView
    kernels_failed = Signal(str)

    def __init__(self, client: EngineClient) -> None:
        super().__init__()
        self._client = client
        self._session: EngineSession | None = None
        self._image_cache: tuple[str, object] | None = None  # (key, PIL image) of the last image

    @property
    def session(self) -> EngineSession:
        if self._session is None:  # created in the engine thread, on first use
            self._session = EngineSession()
        return self._session

    @Slot(int, object)
    def load_model(self, job: int, request: WeightsRequest) -> None:
        name = Path(request.path).name if request.kind == "file" and request.path else (request.arch or "")
        self.model_loading.emit(job, f"{name} ({request.kind})")
        steps = None
        try:
            steps = self.session.load(request)
            while True:
                if self._client.is_cancelled(job):
                    steps.close()  # removes a partial download
                    self.model_failed.emit(job, QCoreApplication.translate("Engine", "Loading cancelled."), True)
                    return
                try:
                    step = next(steps)
                except StopIteration as done:
                    _freeze_long_lived_objects()
                    self.model_loaded.emit(job, done.value)
                    return
                self.download_progress.emit(job, step.filename, step.done, step.total)
        except ConvLensError as exc:
            self.model_failed.emit(job, str(exc), False)

    @Slot()
    def compute_summary(self) -> None:
        try:
            summary = self.session.summary()
            _freeze_long_lived_objects()
            self.summary_ready.emit(summary)
        except ConvLensError as exc:
            self.summary_failed.emit(str(exc))

    @Slot(int, object, str, int, bool)
    def classify_image(self, request: int, source: object, key: str, topk: int, inspect: bool) -> None:
        if request < self._client.latest_image_request:
            return  # superseded by a newer request for the current image
        try:
            if self._image_cache is not None and self._image_cache[0] == key:
                image = self._image_cache[1]
            else:
                image = self.session.open_image(source, None if isinstance(source, str) else key)
                self._image_cache = (key, image)
            if self.session.predictor is None:
                self.image_shown.emit(request, key, self.session.display_copy(image), image.size)
                return
            self.image_ready.emit(request, self.session.classify_image(image, key, topk, inspect))
        except ConvLensError as exc:
            self.image_failed.emit(request, key, str(exc))

    @Slot(int, str, int, int, str, str)
    def features(self, request: int, layer: str, page: int, per_page: int, normalise: str, cmap: str) -> None:
        if request < self._client.latest_features_request:
            return
        try:
            self.features_ready.emit(request, self.session.feature_view(layer, page, per_page, normalise, cmap))
        except ConvLensError as exc:
            self.features_failed.emit(request, str(exc))

    @Slot(int, str, int, str, object)
    def cam(self, request: int, layer: str, class_index: int, method: str, size: tuple[int, int]) -> None:
        if request < self._client.latest_cam_request:
            return
        try:
            result = self.session.cam(layer or None, None if class_index < 0 else class_index, method)
            self.cam_ready.emit(request, result, self.session.cam_layer_rgba(result, size))
        except ConvLensError as exc:
            self.cam_failed.emit(request, str(exc))

    @Slot()
    def kernels(self) -> None:
        try:
            self.kernels_ready.emit(self.session.kernels())
        except ConvLensError as exc:
            self.kernels_failed.emit(str(exc))

    @Slot(int, object, int)
    def classify_folder(self, job: int, paths: list[str], topk: int) -> None:
        try:
            for step in self.session.classify_files(paths, topk):
                self.folder_progress.emit(job, step)
                if self._client.is_cancelled(job):
                    self.folder_finished.emit(job, True, "")
                    return
        except ConvLensError as exc:
            self.folder_finished.emit(job, False, str(exc))
            return
        self.folder_finished.emit(job, False, "")


class EngineClient(QObject):
    """UI-thread handle: start requests, cancel jobs, forward the worker's signals."""

    _load_requested = Signal(int, object)
    _summary_requested = Signal()
    _image_requested = Signal(int, object, str, int, bool)
    _folder_requested = Signal(int, object, int)
    _features_requested = Signal(int, str, int, int, str, str)
    _cam_requested = Signal(int, str, int, str, object)
    _kernels_requested = Signal()

    def __init__(self, parent: QObject | None = None) -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._cancelled: set[int] = set()
        self.latest_image_request = 0
        self.latest_features_request = 0
        self.latest_cam_request = 0
        self.thread = QThread()
        self.thread.setObjectName("ConvLensEngine")
        self.worker = EngineWorker(self)
        self.worker.moveToThread(self.thread)
        self._load_requested.connect(self.worker.load_model)
        self._summary_requested.connect(self.worker.compute_summary)
        self._image_requested.connect(self.worker.classify_image)
        self._folder_requested.connect(self.worker.classify_folder)
        self._features_requested.connect(self.worker.features)
        self._cam_requested.connect(self.worker.cam)
        self._kernels_requested.connect(self.worker.kernels)
        self.thread.start()

    # Called from the engine thread; a set lookup is atomic under the GIL.
    def is_cancelled(self, job: int) -> bool:
        return job in self._cancelled

    def load_model(self, request: WeightsRequest) -> int:
        job = next(self._ids)
        self._load_requested.emit(job, request)
        return job

    def request_summary(self) -> None:
        self._summary_requested.emit()

    def classify_image(self, source: str | bytes, key: str, topk: int, inspect: bool = False) -> int:
        """Classify one image (a path, or encoded bytes named by ``key``); older requests are dropped.

        With ``inspect`` the same forward pass keeps every layer's output for the feature maps.
        """
        request = next(self._ids)
        self.latest_image_request = request
        self._image_requested.emit(request, source, key, topk, inspect)
        return request

    def request_features(self, layer: str, page: int, per_page: int, normalise: str, cmap: str) -> int:
        """Feature maps of ``layer`` for the current image; supersedes older requests."""
        request = next(self._ids)
        self.latest_features_request = request
        self._features_requested.emit(request, layer, page, per_page, normalise, cmap)
        return request

    def request_cam(self, layer: str, class_index: int | None, method: str, size: tuple[int, int]) -> int:
        """A CAM for the current image ("" layer = default; None class = top-1), as a layer of ``size``."""
        request = next(self._ids)
        self.latest_cam_request = request
        self._cam_requested.emit(request, layer, -1 if class_index is None else class_index, method, size)
        return request

    def request_kernels(self) -> None:
        self._kernels_requested.emit()

    def classify_folder(self, paths: list[str], topk: int) -> int:
        job = next(self._ids)
        self._folder_requested.emit(job, list(paths), topk)
        return job

    def cancel(self, job: int) -> None:
        self._cancelled.add(job)

    def shutdown(self) -> None:
        """Cancel everything and wait for the engine thread (call on quit)."""
        if not self.thread.isRunning():
            return
        self._cancelled.update(range(next(self._ids)))
        self.latest_image_request = self.latest_features_request = self.latest_cam_request = 1 << 62
        self.thread.quit()
        self.thread.wait()
        gc.unfreeze()  # let interpreter teardown release what was frozen
