"""Live video: the pipeline as a job, its controls and events, cameras, the recorded samples."""

from __future__ import annotations

import time
from dataclasses import dataclass, replace
from queue import Empty, SimpleQueue
from typing import TYPE_CHECKING, TypeVar

from convlens.engine.app.inspection import CamRequest
from convlens.engine.app.live import LivePipeline, LiveResult
from convlens.engine.app.tasks.images import RuntimeChanged
from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.recording import DatasetRecorder
from convlens.engine.data.video import list_cameras

if TYPE_CHECKING:
    from collections.abc import Generator

    import numpy as np

    from convlens.engine.app.live import LiveSummary
    from convlens.engine.app.session import EngineSession, FeatureView
    from convlens.engine.core.choices import CamMethod, Normalisation
    from convlens.engine.data.video import FrameMailbox
    from convlens.engine.inspect.activations import CamResult

M = TypeVar("M")

#: Longest side of a live CAM's map: the window scales it (smoothly) over the frame, a 7x7 map upsampled to 320
#: pixels looks the same at 640, and it costs a quarter of the colouring.
LIVE_CAM_SIDE = 320


# ------------------------------------------------------------------ live
@dataclass(frozen=True)
class LiveOptions:
    """Live-mode settings the UI can change while frames flow."""

    mirror: bool = False
    crop: bool = True
    topk: int = 3
    layer: str = ""  # feature maps of this layer follow the video ("" = none)
    page: int = 0
    normalise: Normalisation = "channel"
    cmap: str = "viridis"
    cam: bool = False
    cam_layer: str = ""
    cam_class: int | None = None
    cam_method: CamMethod = "gradcam"
    inspect_interval: float = 0.0  # seconds between live feature-map / CAM updates (0: every inferred frame)
    loop: bool = False  # a video file starts again at its end


@dataclass(frozen=True)
class SetLiveOptions:
    options: LiveOptions


@dataclass(frozen=True)
class PauseLive:
    paused: bool


@dataclass(frozen=True)
class RecordFrames:
    """Start recording frames of ``class_name`` at ``rate`` per second (None: stop)."""

    class_name: str | None
    rate: float = 5.0


@dataclass(frozen=True)
class StopLive:
    """End the job with its summary."""


LiveMessage = SetLiveOptions | PauseLive | RecordFrames | StopLive


class LiveControl:
    """A running live job's inbox, like superqt's ``GeneratorWorker.send`` for a job that runs for minutes: the
    window (or a script) ``send``s new settings, a pause, a recording change or a stop from its own thread; the
    job takes them in order at its next step, and the capture thread takes recording changes at its next frame
    (so recording starts on the key press, not when the engine next gets round to it). Nothing is written by one
    thread and read by another except through the two queues."""

    def __init__(self, options: LiveOptions | None = None) -> None:
        self.initial = options or LiveOptions()
        self._steps: SimpleQueue[SetLiveOptions | PauseLive | StopLive] = SimpleQueue()
        self._records: SimpleQueue[RecordFrames] = SimpleQueue()

    def send(self, message: LiveMessage) -> None:
        """From any thread; the job applies it at its next step (a recording change: at the next frame)."""
        if isinstance(message, RecordFrames):
            self._records.put(message)
        else:
            self._steps.put(message)

    def received(self) -> list[SetLiveOptions | PauseLive | StopLive]:
        """The job's side: what was sent since its last step, oldest first."""
        return _drain(self._steps)

    def latest_record(self) -> RecordFrames | None:
        """The capture thread's side: the newest recording change since it last looked (None: none)."""
        changes = _drain(self._records)
        return changes[-1] if changes else None


def _drain(queue: SimpleQueue[M]) -> list[M]:
    out: list[M] = []
    while True:
        try:
            out.append(queue.get_nowait())
        except Empty:
            return out


@dataclass(frozen=True)
class LiveStarted:
    source: str
    started_at: float  # perf_counter time the capture began (frame times are on the same clock)


@dataclass(frozen=True)
class LivePaused:
    result: LiveResult | None  # the frame the engine stopped on


@dataclass(frozen=True)
class LiveFeatures:
    view: FeatureView


@dataclass(frozen=True)
class LiveCam:
    """A live frame's CAM: ``live`` is the inference it explains (its frame, top-k and the model's input box), so
    the window shows the map over the frame it was computed on, never over a later one."""

    result: CamResult
    rgba: np.ndarray
    live: LiveResult | None = None


@dataclass(frozen=True)
class LiveRecordError:
    message: str


#: What the live job yields: ``None`` when there is nothing new (so other jobs get their turn).
LiveEvent = LiveStarted | RuntimeChanged | LiveResult | LiveFeatures | LiveCam | LivePaused | LiveRecordError | None


def live(session: EngineSession, source: str, control: LiveControl | None = None, display: FrameMailbox | None = None,
         recorder: DatasetRecorder | None = None, realtime: bool = True,
         max_frames: int | None = None) -> Generator[LiveEvent, None, LiveSummary]:
    """Classify a video source frame by frame until it ends, ``max_frames`` were classified or ``StopLive`` is sent.

    The one live pipeline of the app and ``convlens live``. Yields ``LiveStarted``, then ``LiveResult`` per
    classified frame, throttled ``LiveFeatures`` / ``LiveCam``, ``LivePaused`` when paused, ``None`` when
    there is nothing new (so other jobs get their turn); returns the summary. ``display`` also receives
    every captured frame (the window shows them all, not only the classified ones).
    """
    control = control or LiveControl()
    opts, paused, stopped = control.initial, False, False
    if session.predictor is not None:
        from convlens.engine.runtime.runtimes import OPEN_ENDED

        moved = session.prepare_for(OPEN_ENDED)  # auto: video is open-ended work, worth the fastest runtime
        if moved is not None:
            yield RuntimeChanged(moved)
    pipeline = LivePipeline(session, source, opts.topk, realtime, opts.mirror, opts.crop, recorder)
    try:
        pipeline.start([display] if display is not None else None)
    except BaseException:
        if display is not None:
            display.close()
        pipeline.close()
        raise
    pipeline.control = control  # the capture thread follows its recording state frame by frame
    last_inspect = 0.0
    was_paused = False
    try:
        yield LiveStarted(pipeline.summary.source, pipeline.capture.started_at if pipeline.capture else 0.0)
        while max_frames is None or pipeline.summary.frames_classified < max_frames:
            for sent in control.received():
                match sent:
                    case SetLiveOptions():
                        opts = sent.options
                    case PauseLive():
                        paused = sent.paused
                    case StopLive():
                        stopped = True
            if stopped:
                break
            pipeline.mirror, pipeline.crop, pipeline.topk = opts.mirror, opts.crop, opts.topk
            if pipeline.record_error:
                message, pipeline.record_error = pipeline.record_error, None
                yield LiveRecordError(message)
            if pipeline.capture is not None:  # a file source loops when asked, and while recording
                pipeline.capture.loop = opts.loop or pipeline.record_class is not None
            if paused:
                pipeline.pause()
                if not was_paused:
                    was_paused = True
                    yield LivePaused(pipeline.last_result)
                else:
                    yield None
                continue
            if was_paused:
                was_paused = False
                pipeline.resume()
            # This frame's maps / CAM are due: the pass that classifies it makes them (one PyTorch pass: the CAM's
            # backward runs through the head only), so the overlay is always of the answer shown with it.
            due = bool(opts.layer or opts.cam) and time.perf_counter() - last_inspect >= opts.inspect_interval
            pipeline.inspect = due and bool(opts.layer) and not opts.cam
            pipeline.cam = (CamRequest(opts.cam_layer, opts.cam_class, opts.cam_method,
                                       (opts.layer,) if opts.layer else (), LIVE_CAM_SIDE) if due and opts.cam else None)
            try:
                result = pipeline.step(timeout=0.02)
            except ConvLensError as exc:  # e.g. a TorchScript model has no CAM: say so once, stop asking
                if not due:
                    raise
                opts = replace(opts, layer="", cam=False)
                yield LiveRecordError(str(exc))
                continue
            if result is None:
                if pipeline.mailbox.closed and pipeline.mailbox.peek() is None:
                    break
                yield None
                continue
            yield result
            if due:
                last_inspect = time.perf_counter()
                try:
                    found = pipeline.last_cam
                    if found is not None:
                        h, w = found.heatmap.shape
                        yield LiveCam(found, session.cam_layer_rgba(found, (w, h)), result)
                    if opts.layer:
                        yield LiveFeatures(session.feature_view(opts.layer, opts.page, 64, opts.normalise, opts.cmap))
                except ConvLensError as exc:
                    opts = replace(opts, layer="", cam=False)
                    yield LiveRecordError(str(exc))
    finally:
        summary = pipeline.close()
    return summary


def find_cameras(_session: EngineSession, max_index: int = 6) -> Generator[None, None, list[int]]:
    """Indices OpenCV can open, probing one per step (opening a camera can take a second)."""
    found: list[int] = []
    for index in range(max_index):
        found.extend(list_cameras(index + 1, start=index))
        yield None
    return found


def recorded_counts(_session: EngineSession, root: str) -> dict[str, int]:
    return DatasetRecorder(root).counts()


def delete_recorded(_session: EngineSession, root: str, class_name: str, n: int) -> tuple[int, dict[str, int]]:
    recorder = DatasetRecorder(root)
    gone = recorder.delete_last(class_name, n)
    return gone, recorder.counts()


