"""Video sources (camera index, video file, stream URL) read in their own thread.

Capture runs in a ``CaptureThread`` that writes each frame into a one-slot
``FrameMailbox``: a consumer always gets the newest frame, older ones are
dropped, never queued, so memory stays flat however slow the model is.

Frames nobody waits for are grabbed but not decoded. A camera's grab only
takes the buffer (OpenCV decodes in ``retrieve``), but FFmpeg decodes a video
file's frame in ``grab`` itself: a 120 fps file cost a core just to decode
frames that were then dropped. A Motion-JPEG file (every frame its own JPEG,
as webcams record) is therefore read as packets (``CAP_PROP_FORMAT`` -1,
OpenCV's raw mode) and only the frames that are used are decoded
(``cv2.imdecode``), as a camera would do it.

Such a packet is cheap to hand over, so the model's mailbox gets every one
still undecoded, and the model decodes the newest when it is ready for it:
the frame it classifies is the newest the source has, not one decoded a
whole inference earlier, and no decoding competes with the model's
threads while it runs. Consumers that want every frame (the window's
display) and recording get theirs decoded in the capture thread.
"""

from __future__ import annotations

import os
import re
import threading
import time
from pathlib import Path
from typing import TYPE_CHECKING

import cv2

from convlens.engine.core.errors import ConvLensError, Text

if TYPE_CHECKING:
    from collections.abc import Callable

    import numpy as np

# OpenCV prints a warning to stderr for every camera index that fails; we report it ourselves.
os.environ.setdefault("OPENCV_LOG_LEVEL", "ERROR")
try:
    cv2.utils.logging.setLogLevel(cv2.utils.logging.LOG_LEVEL_ERROR)
except AttributeError:  # pragma: no cover - older OpenCV
    pass

_URL = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*://")


class Frame:
    """One captured frame: its index, capture time (perf_counter seconds) and pixels.

    OpenCV delivers BGR; ``image`` (RGB uint8, H x W x 3) is converted on first
    use, so frames that are dropped unseen cost the capture thread nothing more.
    A frame made from a Motion-JPEG ``packet`` is decoded on first use too, by
    whichever thread uses it (``bgr`` raises a ConvLensError if it cannot be).
    """

    __slots__ = ("index", "time", "packet", "_bgr", "_rgb", "__weakref__")

    def __init__(self, index: int, time: float, bgr: np.ndarray | None = None, packet: np.ndarray | None = None) -> None:
        self.index = index
        self.time = time
        self.packet = packet
        self._bgr = bgr
        self._rgb: np.ndarray | None = None

    @property
    def bgr(self) -> np.ndarray:
        bgr = self._bgr
        if bgr is None:  # two threads may both decode: harmless, same result
            bgr = cv2.imdecode(self.packet, cv2.IMREAD_COLOR) if self.packet is not None else None
            if bgr is None:
                raise ConvLensError("Frame {index} of the video cannot be decoded: the file is damaged there.",
                                    index=self.index)
            self._bgr = bgr
        return bgr

    @property
    def image(self) -> np.ndarray:
        rgb = self._rgb
        if rgb is None:
            rgb = self._rgb = cv2.cvtColor(self.bgr, cv2.COLOR_BGR2RGB)
        return rgb

    def __repr__(self) -> str:
        shape = self._bgr.shape if self._bgr is not None else "undecoded"
        return f"Frame(index={self.index}, time={self.time:.3f}, shape={shape})"


def parse_source(text: str | int) -> int | str:
    """A camera index (``0``), a URL (``rtsp://...``, ``http://...``) or a video file path."""
    if isinstance(text, int):
        return text
    value = text.strip()
    if not value:
        raise ConvLensError("No video source given: enter a camera number (0, 1, ...), a video file or a stream URL.")
    if value.isdigit():
        return int(value)
    return value


def describe_source(source: int | str) -> str:
    """For people, in words a front end can translate (a ``Text``)."""
    if isinstance(source, int):
        return Text("camera {n}", n=source)
    if _URL.match(source):
        return Text("stream {url}", url=source)
    return Text("video file {name}", name=Path(source).name)


def is_file_source(source: int | str) -> bool:
    return isinstance(source, str) and not _URL.match(source)


def open_capture(source: int | str) -> cv2.VideoCapture:
    """Open ``source`` with OpenCV or raise a ConvLensError saying what was tried."""
    if is_file_source(source):
        path = Path(source)  # type: ignore[arg-type]
        if not path.is_file():
            raise ConvLensError("Video file {path} not found.", path=path)
        cap = cv2.VideoCapture(str(path))
        if not cap.isOpened():
            raise ConvLensError(
                "Video file {name} cannot be opened: not a video, or a format OpenCV cannot read.",
                name=path.name,
            )
        return cap
    cap = cv2.VideoCapture(source)
    if cap.isOpened():
        return cap
    cap.release()
    if isinstance(source, int):
        found = list_cameras()
        others = f" Cameras that do open: {', '.join(map(str, found))}." if found else " No camera could be opened at all."
        raise ConvLensError(
            "Camera {source} cannot be opened (tried OpenCV's default backend for index "
            "{source}).{others} Is it connected, and not in use by another program? A video file or "
            "a stream URL works too.",
            source=source, others=others,
        )
    raise ConvLensError("Stream {source} cannot be opened: check the address and the network.", source=source)


def _packets_are_jpegs(source: int | str, cap: cv2.VideoCapture) -> bool:
    """Whether ``source`` is a Motion-JPEG file that FFmpeg can hand over as packets, each a JPEG that decodes to
    the file's frame size (tried on its first packet, in a capture of its own)."""
    if not is_file_source(source) or cap.getBackendName() != "FFMPEG":
        return False
    if int(cap.get(cv2.CAP_PROP_FOURCC)).to_bytes(4, "little") != b"MJPG":
        return False
    probe = cv2.VideoCapture(str(source), cv2.CAP_FFMPEG)
    try:
        if not (probe.isOpened() and probe.set(cv2.CAP_PROP_FORMAT, -1) and probe.grab()):
            return False
        ok, packet = probe.retrieve()
        image = cv2.imdecode(packet, cv2.IMREAD_COLOR) if ok and packet is not None else None
        size = (int(cap.get(cv2.CAP_PROP_FRAME_HEIGHT)), int(cap.get(cv2.CAP_PROP_FRAME_WIDTH)))
        return image is not None and image.shape[:2] == size
    finally:
        probe.release()


def list_cameras(max_index: int = 6, start: int = 0) -> list[int]:
    """Indices of the cameras OpenCV can open (tries start .. max_index-1)."""
    found = []
    for index in range(start, max_index):
        cap = cv2.VideoCapture(index)
        try:
            if cap.isOpened():
                found.append(index)
        finally:
            cap.release()
    return found


class FrameMailbox:
    """A one-slot mailbox: ``put`` replaces what is there; ``take`` waits for something newer.

    ``every_frame`` marks a consumer that wants each frame (a display); the
    capture thread skips decoding frames nobody is waiting for.
    """

    def __init__(self, every_frame: bool = False) -> None:
        self._cond = threading.Condition()
        self._frame: Frame | None = None
        self._closed = False
        self.every_frame = every_frame
        self.dropped = 0  # frames replaced before anyone took them

    @property
    def wants_frame(self) -> bool:
        return self.every_frame or self._frame is None

    def put(self, frame: Frame) -> None:
        with self._cond:
            if self._frame is not None:
                self.dropped += 1
            self._frame = frame
            self._cond.notify_all()

    def close(self) -> None:
        with self._cond:
            self._closed = True
            self._cond.notify_all()

    @property
    def closed(self) -> bool:
        return self._closed

    def take(self, timeout: float | None = None) -> Frame | None:
        """The newest frame (removing it), waiting up to ``timeout``; None if closed or timed out."""
        with self._cond:
            if self._frame is None and not self._closed:
                self._cond.wait(timeout)
            frame, self._frame = self._frame, None
            return frame

    def peek(self) -> Frame | None:
        with self._cond:
            return self._frame


class CaptureThread(threading.Thread):
    """Reads a source into mailboxes until stopped, ended or failed.

    ``realtime`` paces a video file at its own frame rate (as a camera would
    deliver it); otherwise files are read as fast as they decode. When the
    source stops, ``ended`` (a file that finished normally) or ``error`` (a
    message for the user) is set and the mailboxes are closed.
    """

    def __init__(self, source: int | str, mailboxes: list[FrameMailbox], realtime: bool = True,
                 on_frame: Callable[[Frame], None] | None = None,
                 wants_frame: Callable[[float], bool] | None = None) -> None:
        super().__init__(name="ConvLensCapture", daemon=True)
        self.source = source
        self.mailboxes = mailboxes
        self.realtime = realtime
        self.on_frame = on_frame
        self.wants_frame = wants_frame
        self.skipped = 0  # frames grabbed but never decoded: every consumer was still busy
        self.paused = False  # a file source waits where it is (a camera keeps delivering)
        self.loop = False  # a file source starts again at its end (e.g. while recording samples)
        self.loops = 0
        self._stop_event = threading.Event()
        self.ended = False
        self.error: str | None = None
        self.frames = 0
        self.started_at = 0.0
        self.last_frame_at = 0.0
        self.fps_hint = 0.0
        self._cap = open_capture(source)  # in the caller's thread: open errors surface at once
        # a Motion-JPEG file: packets grabbed, only the frames used decoded (see the module's notes)
        self.packets = _packets_are_jpegs(source, self._cap) and self._cap.set(cv2.CAP_PROP_FORMAT, -1)
        self.fps_hint = float(self._cap.get(cv2.CAP_PROP_FPS) or 0.0)
        self.total_frames = int(self._cap.get(cv2.CAP_PROP_FRAME_COUNT) or 0) if is_file_source(source) else 0

    @property
    def capture_fps(self) -> float:
        span = self.last_frame_at - self.started_at
        return (self.frames - 1) / span if self.frames > 1 and span > 0 else 0.0

    def stop(self) -> None:
        self._stop_event.set()

    def run(self) -> None:
        cap = self._cap
        interval = 1.0 / self.fps_hint if self.realtime and is_file_source(self.source) and self.fps_hint > 0 else 0.0
        self.started_at = time.perf_counter()
        next_due = self.started_at
        try:
            is_file = is_file_source(self.source)
            while not self._stop_event.is_set():
                if self.paused and is_file:
                    self._stop_event.wait(0.02)
                    next_due = time.perf_counter()
                    continue
                if not cap.grab():
                    if is_file and self.loop and self.frames and cap.set(cv2.CAP_PROP_POS_FRAMES, 0) and cap.grab():
                        self.loops += 1
                    else:
                        self._finish_reading()
                        break
                now = time.perf_counter()
                if self.frames == 0:
                    self.started_at = now
                index = self.frames
                self.frames += 1
                self.last_frame_at = now
                eager = any(box.every_frame for box in self.mailboxes) or (
                    self.wants_frame is not None and self.wants_frame(now))
                # a packet is cheap to pass on undecoded; anything else is decoded by retrieve, so only when wanted
                if self.packets or eager or any(box.wants_frame for box in self.mailboxes):
                    frame = self._retrieve(cap, index, now, eager)
                    if frame is None:
                        self.frames -= 1
                        self._finish_reading()
                        break
                    for box in self.mailboxes:
                        box.put(frame)
                    if self.on_frame is not None:
                        self.on_frame(frame)
                else:
                    self.skipped += 1
                if interval:
                    next_due += interval
                    delay = next_due - time.perf_counter()
                    if delay > 0:
                        self._stop_event.wait(delay)
                    else:
                        next_due = time.perf_counter()
        finally:
            cap.release()
            for box in self.mailboxes:
                box.close()

    def _retrieve(self, cap: cv2.VideoCapture, index: int, now: float, decode: bool) -> Frame | None:
        """The grabbed frame (None if it cannot be had): a packet's frame decoded now only when ``decode``."""
        ok, got = cap.retrieve()
        if not ok or got is None:
            return None
        if not self.packets:
            return Frame(index, now, got)
        frame = Frame(index, now, packet=got)
        if decode:
            try:
                frame.bgr  # noqa: B018 - decoded here, in the capture thread
            except ConvLensError:
                return None
        return frame

    def damaged(self, frame: Frame) -> None:
        """``frame``, handed over undecoded, proved not to decode when it was used: reading stops there, with the
        message a frame that failed in this thread gives."""
        if self.error is None:
            self.error = (self._stopped_message(frame.index)
                          or f"{describe_source(self.source)}: its last frame cannot be decoded.")
        self.stop()

    def _stopped_message(self, frames: int) -> str | None:
        """Why reading stopped after ``frames`` good frames; None for a file read to its end."""
        what = describe_source(self.source)
        if not is_file_source(self.source):
            return (f"{what} stopped delivering frames after {frames} frames "
                    "(unplugged, or the stream ended?). Reconnect to try again.")
        if self.total_frames and frames < self.total_frames - 1:
            return f"{what} stopped after frame {frames} of {self.total_frames}: the rest of the file is damaged or missing."
        if frames == 0:
            return f"{what} has no frames that can be decoded."
        return None

    def _finish_reading(self) -> None:
        if self.error is None:  # else a frame already proved damaged in its consumer's thread (``damaged``)
            self.error = self._stopped_message(self.frames)
            self.ended = self.error is None
