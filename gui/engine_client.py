"""The GUI's one door to the engine: a worker QObject living in a QThread.

The UI thread never runs torch. ``EngineClient`` (UI thread) turns calls into
queued signals for ``EngineWorker`` (engine thread), which drives the engine's
generators and answers with signals. Long jobs check for cancellation between
yields; a newer image request supersedes older ones still in the queue.
"""

from __future__ import annotations

import gc
import itertools
import time
from dataclasses import dataclass
from pathlib import Path

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from engine.errors import ConvLensError
from engine.live import LivePipeline
from engine.onnx_runtime import NeedsPreprocessing
from engine.recording import DatasetRecorder
from engine.session import EngineSession, WeightsRequest
from engine.train import TrainConfig
from engine.video import FrameMailbox


def _freeze_long_lived_objects() -> None:
    """Keep the cyclic GC from walking torch's huge, permanent object graph.

    After torch, torchvision and a model are loaded, a full (generation 2)
    collection walks millions of objects and holds the GIL for ~200 ms,
    freezing the UI thread. ``gc.freeze`` moves everything alive now out of
    the collector's sight; it is cheap and only costs the (small) garbage that
    happens to be alive at this moment.
    """
    gc.freeze()


@dataclass(frozen=True)
class LiveOptions:
    """Live-mode settings the UI can change while frames flow."""

    mirror: bool = False
    crop: bool = True
    topk: int = 3
    layer: str = ""  # feature maps of this layer follow the video ("" = none)
    page: int = 0
    normalise: str = "channel"
    cmap: str = "viridis"
    cam: bool = False
    cam_layer: str = ""
    cam_class: int | None = None
    cam_method: str = "gradcam"
    inspect_interval: float = 0.5  # seconds between live feature-map / CAM updates


@dataclass(frozen=True)
class LiveRequest:
    source: str
    display: FrameMailbox  # the UI takes every captured frame from here
    topk: int = 3
    realtime: bool = True
    recorder: DatasetRecorder | None = None


@dataclass(frozen=True)
class TrainRequest:
    data: str  # folder of class subfolders, or an MNIST idx folder
    config: TrainConfig
    val_data: str = ""


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
    live_started = Signal(int, str)  # job, source description
    live_failed = Signal(int, str)  # job, why it could not start
    live_result = Signal(int, object)  # job, LiveResult
    live_features = Signal(int, object)  # job, FeatureView of the selected layer (throttled)
    live_cam = Signal(int, object, object)  # job, CamResult, RGBA layer over the model's view (throttled)
    live_stopped = Signal(int, object)  # job, LiveSummary (its .error says why, if it failed)
    live_paused = Signal(int, object)  # job, the LiveResult whose frame is now the current image
    train_status = Signal(int, str)  # job, what it is doing ("reading images", data description)
    train_progress = Signal(int, object)  # job, TrainProgress
    train_epoch = Signal(int, object)  # job, EpochStats
    train_finished = Signal(int, object)  # job, TrainResult (its model is now the current model)
    train_failed = Signal(int, str, bool)  # job, message, cancelled
    checkpoint_saved = Signal(str)
    checkpoint_failed = Signal(str)
    model_needs_preset = Signal(int, object)  # job, the WeightsRequest of an ONNX file without preprocessing
    export_done = Signal(str, object)  # path, ParityReport
    export_failed = Signal(str)

    def __init__(self, client: EngineClient) -> None:
        super().__init__()
        self._client = client
        self._session: EngineSession | None = None
        self._image_cache: tuple[str, object] | None = None  # (key, PIL image) of the last image
        self._live: tuple[int, LivePipeline] | None = None
        self._live_paused = False
        self._live_options = LiveOptions()
        self._live_last_inspect = 0.0

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
        except NeedsPreprocessing:
            self.model_needs_preset.emit(job, request)
        except ConvLensError as exc:
            self.model_failed.emit(job, str(exc), False)

    @Slot(int, str)
    def set_runtime(self, job: int, runtime: str) -> None:
        self.model_loading.emit(job, runtime)
        try:
            info = self.session.set_runtime(runtime)
        except ConvLensError as exc:
            self.model_failed.emit(job, str(exc), False)
            return
        if info is not None:
            _freeze_long_lived_objects()
            self.model_loaded.emit(job, info)

    @Slot(str, str, object)
    def export(self, path: str, fmt: str, image_paths: list[str]) -> None:
        from engine.export import export

        try:
            if self.session.predictor is None:
                raise ConvLensError(QCoreApplication.translate("Engine", "No model to export."))
            loaded = self.session.torch_loaded or self.session.predictor.loaded
            samples = []
            for p in image_paths[:32]:
                try:
                    samples.append(self.session.open_image(p))
                except ConvLensError:
                    continue  # unreadable files just do not take part in the parity check
            report = export(loaded, path, fmt, samples)
        except ConvLensError as exc:
            self.export_failed.emit(str(exc))
            return
        self.export_done.emit(path, report)

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

    # ------------------------------------------------------------------ live
    @Slot(int, object)
    def live_start(self, job: int, request: LiveRequest) -> None:
        self.live_stop(0)
        try:
            pipeline = LivePipeline(self.session, request.source, request.topk, request.realtime,
                                    self._live_options.mirror, self._live_options.crop, request.recorder)
            pipeline.start([request.display])
        except ConvLensError as exc:
            request.display.close()
            self.live_failed.emit(job, str(exc))
            return
        self._live = (job, pipeline)
        self._live_paused = False
        self._apply_live_options()
        self.live_started.emit(job, pipeline.summary.source)
        QTimer.singleShot(0, self._live_step)

    def _live_step(self) -> None:
        if self._live is None or self._live_paused:
            return
        job, pipeline = self._live
        result = pipeline.step(timeout=0.02)
        if result is not None:
            self.live_result.emit(job, result)
            self._live_inspect(job)
        elif pipeline.mailbox.closed and pipeline.mailbox.peek() is None:
            self.live_stop(job)
            return
        QTimer.singleShot(0, self._live_step)  # other requests get their turn between frames

    def _live_inspect(self, job: int) -> None:
        """Feature maps / CAM of the newest frame, at most every ``inspect_interval`` seconds."""
        opts = self._live_options
        if not (opts.layer or opts.cam) or time.perf_counter() - self._live_last_inspect < opts.inspect_interval:
            return
        self._live_last_inspect = time.perf_counter()
        try:
            if opts.layer:
                self.live_features.emit(job, self.session.feature_view(opts.layer, opts.page, 64, opts.normalise,
                                                                       opts.cmap))
            if opts.cam:
                result = self.session.cam(opts.cam_layer or None, opts.cam_class, opts.cam_method)
                h, w = result.heatmap.shape
                self.live_cam.emit(job, result, self.session.cam_layer_rgba(result, (w, h)))
        except ConvLensError as exc:  # e.g. a TorchScript model: say so once, stop asking
            self._live_options = LiveOptions(**{**vars(opts), "layer": "", "cam": False})
            self._apply_live_options()
            self.features_failed.emit(0, str(exc))

    @Slot(int)
    def live_stop(self, job: int) -> None:
        """Stop live job ``job`` (0: whatever runs) and release its source."""
        if self._live is None or (job and self._live[0] != job):
            return
        live_job, pipeline = self._live
        self._live = None
        summary = pipeline.close()
        self.live_stopped.emit(live_job, summary)

    @Slot(bool)
    def live_pause(self, paused: bool) -> None:
        was = self._live_paused
        self._live_paused = paused
        if paused and self._live is not None:
            job, pipeline = self._live
            self.live_paused.emit(job, pipeline.last_result)
        if was and not paused and self._live is not None:
            QTimer.singleShot(0, self._live_step)

    @Slot(object)
    def live_options(self, options: LiveOptions) -> None:
        self._live_options = options
        self._apply_live_options()

    def _apply_live_options(self) -> None:
        if self._live is None:
            return
        pipeline, opts = self._live[1], self._live_options
        pipeline.mirror, pipeline.crop = opts.mirror, opts.crop
        pipeline.topk = opts.topk
        pipeline.inspect = bool(opts.layer)

    @Slot(object, float)
    def live_record(self, class_name: str | None, rate: float) -> None:
        if self._live is None:
            return
        try:
            self._live[1].set_recording(class_name, rate)
        except ConvLensError as exc:
            self.live_failed.emit(self._live[0], str(exc))

    def release(self) -> None:
        """Close the live source; called from the UI thread after the engine thread has stopped."""
        if self._live is not None:
            self._live[1].close()
            self._live = None

    # ------------------------------------------------------------------ teaching
    @Slot(int, object)
    def train(self, job: int, request: TrainRequest) -> None:
        from engine.data import is_mnist_folder, load_image_folder, load_mnist
        from engine.train import EpochStats, fine_tune

        if self.session.predictor is None:
            self.train_failed.emit(job, QCoreApplication.translate("Engine", "Load a model first."), False)
            return
        steps = None
        try:
            self.train_status.emit(job, QCoreApplication.translate("Engine", "Reading images…"))
            if is_mnist_folder(request.data):
                data = load_mnist(request.data, seed=request.config.seed)
            else:
                data = load_image_folder(request.data, request.val_data or None, seed=request.config.seed)
            self.train_status.emit(job, data.describe())
            loaded = self.session.predictor.loaded
            if request.config.from_scratch and loaded.arch is not None:
                from engine.weights import load_random

                loaded = load_random(loaded.arch)
            steps = fine_tune(loaded, data, request.config, self.session.device)
            while True:
                if self._client.is_cancelled(job):
                    steps.close()
                    self.train_failed.emit(job, QCoreApplication.translate(
                        "Engine", "Training cancelled; the previous model stays in use."), True)
                    return
                try:
                    step = next(steps)
                except StopIteration as done:
                    result = done.value
                    break
                if isinstance(step, EpochStats):
                    self.train_epoch.emit(job, step)
                else:
                    self.train_progress.emit(job, step)
        except ConvLensError as exc:
            if steps is not None:
                steps.close()
            self.train_failed.emit(job, str(exc), False)
            return
        info = self.session.install(result.loaded)  # only a finished training replaces the model
        if self.session.runtime == "onnxruntime":
            info = self.session.set_runtime("onnxruntime") or info
        _freeze_long_lived_objects()
        self.train_finished.emit(job, result)
        self.model_loaded.emit(job, info)

    @Slot(str)
    def save_checkpoint(self, path: str) -> None:
        from engine.weights import save_checkpoint

        try:
            if self.session.predictor is None:
                raise ConvLensError(QCoreApplication.translate("Engine", "No model to save."))
            save_checkpoint(path, self.session.predictor.loaded)
            self.checkpoint_saved.emit(path)
        except ConvLensError as exc:
            self.checkpoint_failed.emit(str(exc))

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
    _live_start_requested = Signal(int, object)
    _live_stop_requested = Signal(int)
    _live_pause_requested = Signal(bool)
    _live_options_changed = Signal(object)
    _live_record_requested = Signal(object, float)
    _train_requested = Signal(int, object)
    _save_requested = Signal(str)
    _runtime_requested = Signal(int, str)
    _export_requested = Signal(str, str, object)

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
        self._live_start_requested.connect(self.worker.live_start)
        self._live_stop_requested.connect(self.worker.live_stop)
        self._live_pause_requested.connect(self.worker.live_pause)
        self._live_options_changed.connect(self.worker.live_options)
        self._live_record_requested.connect(self.worker.live_record)
        self._train_requested.connect(self.worker.train)
        self._save_requested.connect(self.worker.save_checkpoint)
        self._runtime_requested.connect(self.worker.set_runtime)
        self._export_requested.connect(self.worker.export)
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

    def live_start(self, request: LiveRequest) -> int:
        job = next(self._ids)
        self._live_start_requested.emit(job, request)
        return job

    def live_stop(self, job: int) -> None:
        self._live_stop_requested.emit(job)

    def live_pause(self, paused: bool) -> None:
        self._live_pause_requested.emit(paused)

    def live_options(self, options: LiveOptions) -> None:
        self._live_options_changed.emit(options)

    def live_record(self, class_name: str | None, rate: float) -> None:
        self._live_record_requested.emit(class_name, rate)

    def train(self, request: TrainRequest) -> int:
        job = next(self._ids)
        self._train_requested.emit(job, request)
        return job

    def save_checkpoint(self, path: str) -> None:
        self._save_requested.emit(path)

    def set_runtime(self, runtime: str) -> int:
        job = next(self._ids)
        self._runtime_requested.emit(job, runtime)
        return job

    def export(self, path: str, fmt: str, image_paths: list[str]) -> None:
        self._export_requested.emit(path, fmt, list(image_paths))

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
        self.worker.release()  # cameras and files are closed explicitly, never left to a finaliser
        gc.unfreeze()  # let interpreter teardown release what was frozen
