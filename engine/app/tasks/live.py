"""Live video: the pipeline as a job, its controls and events, cameras, the recorded samples."""

from __future__ import annotations

import time
from collections.abc import Generator
from dataclasses import dataclass, field, replace

import numpy as np

from convlens.engine.app.live import LivePipeline, LiveResult, LiveSummary
from convlens.engine.app.session import EngineSession, FeatureView
from convlens.engine.app.tasks.images import RuntimeChanged
from convlens.engine.core.choices import CamMethod, Normalisation
from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.recording import DatasetRecorder
from convlens.engine.data.video import FrameMailbox, list_cameras
from convlens.engine.inspect.activations import CamResult


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


@dataclass
class LiveControl:
    """Shared between the UI (writes) and the live task (reads each step): plain attribute swaps."""

    options: LiveOptions = field(default_factory=LiveOptions)
    paused: bool = False
    stop: bool = False  # end the job with its summary
    record: tuple[str, float] | None = None  # (class name, frames per second) while recording
    record_version: int = 0

    def set_record(self, record: tuple[str, float] | None) -> None:
        self.record = record
        self.record_version += 1


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


def live(session: EngineSession, source: str, control: LiveControl | None = None, display: FrameMailbox | None = None,
         recorder: DatasetRecorder | None = None, realtime: bool = True,
         max_frames: int | None = None) -> Generator[object, None, LiveSummary]:
    """Classify a video source frame by frame until it ends, ``max_frames`` were classified or ``control.stop``.

    The one live pipeline of the app and ``convlens live``. Yields ``LiveStarted``, then ``LiveResult`` per
    classified frame, throttled ``LiveFeatures`` / ``LiveCam``, ``LivePaused`` when paused, ``None`` when
    there is nothing new (so other jobs get their turn); returns the summary. ``display`` also receives
    every captured frame (the window shows them all, not only the classified ones).
    """
    control = control or LiveControl()
    opts = control.options
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
        while not control.stop and (max_frames is None or pipeline.summary.frames_classified < max_frames):
            opts = control.options
            pipeline.mirror, pipeline.crop, pipeline.topk = opts.mirror, opts.crop, opts.topk
            # With the CAM on, its forward pass also keeps the selected layer's maps: one torch pass per frame.
            pipeline.inspect = bool(opts.layer) and not opts.cam
            if pipeline.record_error:
                message, pipeline.record_error = pipeline.record_error, None
                yield LiveRecordError(message)
            if pipeline.capture is not None:  # a file source loops when asked, and while recording
                pipeline.capture.loop = opts.loop or control.record is not None
            if control.paused:
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
            result = pipeline.step(timeout=0.02)
            if result is None:
                if pipeline.mailbox.closed and pipeline.mailbox.peek() is None:
                    break
                yield None
                continue
            yield result
            now = time.perf_counter()
            if (opts.layer or opts.cam) and now - last_inspect >= opts.inspect_interval:
                last_inspect = now
                try:
                    if opts.cam:
                        found = session.cam(opts.cam_layer or None, opts.cam_class, opts.cam_method,
                                            record=(opts.layer,) if opts.layer else ())
                        h, w = found.heatmap.shape
                        yield LiveCam(found, session.cam_layer_rgba(found, (w, h)), result)
                    if opts.layer:
                        yield LiveFeatures(session.feature_view(opts.layer, opts.page, 64, opts.normalise, opts.cmap))
                except ConvLensError as exc:  # e.g. a TorchScript model: say so once, stop asking
                    control.options = replace(opts, layer="", cam=False)
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


