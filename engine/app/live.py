"""Live classification: capture thread -> one-slot mailbox -> the model on the newest frame.

``LivePipeline`` owns the capture thread and does one inference per ``step``,
so the GUI's engine thread can interleave other requests between frames and
the CLI can drive it in a plain loop. Frames the model had no time for are
dropped, never queued.
"""

from __future__ import annotations

import time
from collections import deque
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Protocol

import numpy as np

from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.recording import check_class_name
from convlens.engine.data.video import CaptureThread, FrameMailbox, describe_source, parse_source
from convlens.engine.models.preprocess import crop_box

if TYPE_CHECKING:
    from convlens.engine.app.inspection import CamRequest
    from convlens.engine.app.session import EngineSession
    from convlens.engine.data.recording import DatasetRecorder
    from convlens.engine.data.video import Frame
    from convlens.engine.inspect.activations import CamResult
    from convlens.engine.models.preprocess import Preprocess
    from convlens.engine.runtime.results import Prediction


class RecordingChange(Protocol):
    """Start recording ``class_name`` at ``rate`` frames per second (None: stop); ``tasks.live.Record``."""

    @property
    def class_name(self) -> str | None: ...

    @property
    def rate(self) -> float: ...


class RecordingSource(Protocol):
    """Where the capture thread takes recording changes from (``tasks.LiveControl``)."""

    def latest_record(self) -> RecordingChange | None: ...


@dataclass(frozen=True)
class LiveResult:
    """One inference: the frame it was made on and the top-k."""

    frame: Frame
    predictions: tuple[Prediction, ...]
    infer_seconds: float
    latency: float  # capture -> prediction ready, seconds
    infer_fps: float  # over the last second or so
    unknown: bool = False  # nothing the model knows: the top-1 is at or below its unknown threshold
    #: Exactly what the model saw, in the frame's pixels (left, top, right, bottom; mirrored like the frame when
    #: mirroring is on): the centre square (or the whole frame) after the preprocessing's resize and crop.
    box: tuple[float, float, float, float] = (0.0, 0.0, 0.0, 0.0)


@dataclass
class LiveSummary:
    source: str
    frames_captured: int = 0
    frames_classified: int = 0
    frames_dropped: int = 0
    capture_fps: float = 0.0
    infer_fps: float = 0.0
    latency_p50: float = 0.0
    latency_p95: float = 0.0
    ended: bool = False
    error: str | None = None
    latencies: list[float] = field(default_factory=list, repr=False)

    def lines(self) -> list[str]:
        return [
            f"source: {self.source}",
            f"frames: {self.frames_captured} captured, {self.frames_classified} classified, "
            f"{self.frames_dropped} dropped (the model was busy)",
            f"capture FPS: {self.capture_fps:.1f}",
            f"inference FPS: {self.infer_fps:.1f}",
            f"latency p50: {1000 * self.latency_p50:.1f} ms, p95: {1000 * self.latency_p95:.1f} ms",
        ]


def model_view(image: np.ndarray, mirror: bool = False, crop: bool = True) -> np.ndarray:
    """What the model sees of a frame: mirrored if asked, and the centre square when ``crop``."""
    if mirror:
        image = image[:, ::-1]
    if crop:
        h, w = image.shape[:2]
        side = min(h, w)
        top, left = (h - side) // 2, (w - side) // 2
        image = image[top : top + side, left : left + side]
    return np.ascontiguousarray(image)


def model_box(frame_size: tuple[int, int], preprocess: Preprocess, crop: bool = True) -> tuple[float, float, float, float]:
    """Where the model's input sits in a frame of ``frame_size`` (width, height): the centre square when ``crop``
    (else the whole frame), then the preprocessing's own resize and centre crop (``features.crop_box``)."""
    w, h = frame_size
    if crop:
        side = min(w, h)
        left, top = (w - side) // 2, (h - side) // 2
        size = (side, side)
    else:
        left, top, size = 0, 0, (w, h)
    x0, y0, x1, y1 = crop_box(preprocess, size)
    return left + x0, top + y0, left + x1, top + y1


def _percentile(values: list[float], q: float) -> float:
    return float(np.percentile(np.asarray(values), q)) if values else 0.0


class LivePipeline:
    """A running source plus the model. ``start`` opens it; ``step`` classifies the newest frame; ``close`` stops."""

    def __init__(self, session: EngineSession, source: str | int, topk: int = 3, realtime: bool = True,
                 mirror: bool = False, crop: bool = True, recorder: DatasetRecorder | None = None) -> None:
        if session.predictor is None:
            raise ConvLensError("Load a model before starting live mode.")
        self.session = session
        self.source = parse_source(source)
        self.topk = topk
        self.realtime = realtime
        self.mirror = mirror
        self.crop = crop
        self.mailbox = FrameMailbox()
        self.capture: CaptureThread | None = None
        self.summary = LiveSummary(describe_source(self.source))
        self._recent: deque[float] = deque(maxlen=120)
        self._first_infer = 0.0
        self.last_result: LiveResult | None = None
        self.inspect = False  # keep every layer's output of each frame (for live feature maps)
        self.cam: CamRequest | None = None  # a CAM of the next frame, from its classifying pass (``last_cam``)
        self.last_cam: CamResult | None = None
        # Recording, done from the capture thread so every captured frame can be sampled.
        self.recorder = recorder
        self.record_class: str | None = None
        self.record_interval = 0.2
        self.recorded = 0
        self.record_error: str | None = None
        self._last_recorded = 0.0
        #: Where recording changes come from (``tasks.LiveControl``): taken by the capture thread at every frame,
        #: so recording starts on the key press, not when the engine next gets round to it.
        self.control: RecordingSource | None = None
        # Pauses are not part of the run's figures: their time is left out of the inference rate, and frames
        # captured before a resume are not timed.
        self._paused_at = 0.0
        self._paused_total = 0.0
        self._resumed_at = 0.0

    def start(self, extra_mailboxes: list[FrameMailbox] | None = None) -> None:
        self.capture = CaptureThread(self.source, [self.mailbox, *(extra_mailboxes or [])], self.realtime,
                                     on_frame=self._maybe_record, wants_frame=self._record_due)
        self.capture.start()

    def set_recording(self, class_name: str | None, rate: float = 5.0) -> None:
        """Start (a class name) or stop (None) writing frames at ``rate`` per second."""
        if class_name is not None:
            if self.recorder is None:
                raise ConvLensError("Choose a dataset folder to record into first.")
            check_class_name(class_name)
        self.record_interval = 1.0 / max(0.1, rate)
        self.record_error = None
        self._last_recorded = -1e9  # the first frame after the press is saved
        self.record_class = class_name

    def _follow_control(self) -> None:
        change = self.control.latest_record() if self.control is not None else None
        if change is None:
            return
        try:
            self.set_recording(change.class_name, change.rate)
        except ConvLensError as exc:
            self.record_error = str(exc)
            self.record_class = None

    def _record_due(self, now: float) -> bool:
        self._follow_control()
        return self.record_class is not None and now - self._last_recorded >= self.record_interval

    def _maybe_record(self, frame: Frame) -> None:
        if not self._record_due(frame.time):
            return
        name, recorder = self.record_class, self.recorder
        if name is None or recorder is None:
            return
        # On the schedule of the stated rate, not of whenever a frame came: a frame that comes late does not push
        # the next one back (after a stall longer than one interval the schedule starts again).
        slot = self._last_recorded + self.record_interval
        self._last_recorded = slot if 0 <= frame.time - slot < self.record_interval else frame.time
        try:
            recorder.save(name, model_view(frame.image, self.mirror, self.crop))
            self.recorded += 1
        except ConvLensError as exc:
            self.record_error = str(exc)
            self.record_class = None

    @property
    def running(self) -> bool:
        return self.capture is not None and (self.capture.is_alive() or self.mailbox.peek() is not None)

    def pause(self) -> None:
        if not self._paused_at:
            self._paused_at = time.perf_counter()
            if self.capture is not None:
                self.capture.paused = True  # a file source waits where it is

    def resume(self) -> None:
        if self._paused_at:
            now = time.perf_counter()
            self._paused_total += now - self._paused_at
            self._paused_at = 0.0
            self._resumed_at = now
            if self.capture is not None:
                self.capture.paused = False

    def step(self, timeout: float = 0.5) -> LiveResult | None:
        """Classify the newest frame (waiting up to ``timeout`` for one); None when there is none."""
        frame = self.mailbox.take(timeout)
        if frame is None:
            return None
        if frame.time < self._resumed_at:  # captured before the pause ended: not what is in front of the camera
            return None
        start = time.perf_counter()
        try:
            image = frame.image  # a Motion-JPEG frame is decoded here, when the model is ready for it
        except ConvLensError:  # damaged there: the source stops as if the capture thread had found it
            if self.capture is not None:
                self.capture.damaged(frame)
            return None
        view = model_view(image, self.mirror, self.crop)
        # Through the session, so the frame becomes the current image: feature maps and CAMs
        # (live, or after a pause) are computed on exactly what was classified.
        shown = self.session.classify_image(view, f"live frame {frame.index}", self.topk,
                                            inspect=self.inspect, display=False, cam=self.cam)
        self.last_cam = shown.cam
        done = time.perf_counter()
        if not self._first_infer:
            self._first_infer = start
        self._recent.append(done)
        window = [t for t in self._recent if done - t <= 1.0]
        fps = (len(window) - 1) / (window[-1] - window[0]) if len(window) > 1 and window[-1] > window[0] else 0.0
        latency = done - frame.time
        self.summary.latencies.append(latency)
        self.summary.frames_classified += 1
        box = model_box((image.shape[1], image.shape[0]), self.session.model.require().preprocess,
                        self.crop)
        self.last_result = LiveResult(frame, shown.predictions, done - start, latency, fps, shown.unknown, box)
        return self.last_result

    def close(self) -> LiveSummary:
        """Stop and release the source; fill in the summary."""
        cap = self.capture
        if cap is not None:
            cap.stop()
            cap.join(timeout=5)
        s = self.summary
        if cap is not None:
            s.frames_captured = cap.frames
            s.capture_fps = cap.capture_fps
            s.ended = cap.ended
            s.error = cap.error
        s.frames_dropped = self.mailbox.dropped + (cap.skipped if cap is not None else 0)
        if s.frames_classified > 1 and self.last_result is not None:
            self.resume()
            span = self.last_result.frame.time + self.last_result.latency - self._first_infer - self._paused_total
            s.infer_fps = s.frames_classified / span if span > 0 else 0.0
        s.latency_p50 = _percentile(s.latencies, 50)
        s.latency_p95 = _percentile(s.latencies, 95)
        return s
