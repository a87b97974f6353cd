"""Live pipeline on real video made from the shared photos."""

from __future__ import annotations

import gc
import time
from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from torch import nn

from convlens.engine.app.live import LivePipeline, LiveResult, model_view
from convlens.engine.app.session import EngineSession
from convlens.engine.app.tasks import LiveControl, LiveOptions, live
from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.recording import DatasetRecorder
from convlens.engine.data.video import Frame, FrameMailbox, open_capture
from convlens.engine.models.loaded import LoadedModel
from convlens.engine.weights.load import load_weights
from tests.live_video import truncate, write_video

pytestmark = pytest.mark.serial  # live rates: run alone (make test)


def _results(steps):
    while True:
        try:
            step = next(steps)
        except StopIteration as done:
            return done.value
        if isinstance(step, LiveResult):
            yield step


@pytest.fixture(scope="module")
def session(mobilenet_file: Path) -> EngineSession:
    s = EngineSession("cpu")
    s.install(load_weights("mobilenet_v2", str(mobilenet_file)))
    return s


def test_live_prediction_follows_the_video(session: EngineSession, video: Path) -> None:
    steps = _results(live(session, str(video), LiveControl(LiveOptions(topk=3))))
    labels = []
    while True:
        try:
            labels.append(next(steps).predictions[0].label)
        except StopIteration as done:
            summary = done.value
            break
    assert summary.ended and summary.error is None
    assert labels[0] == "Samoyed" and labels[-1] == "tabby"
    switch = labels.index("tabby")
    assert set(labels[:switch]) == {"Samoyed"} and set(labels[switch:]) == {"tabby"}
    assert summary.frames_captured == 120
    assert 25 <= summary.capture_fps <= 35  # paced at the file's 30 fps, as a camera would deliver
    assert summary.frames_classified + summary.frames_dropped <= 120
    assert summary.latency_p95 >= summary.latency_p50 > 0


class _Slow(nn.Module):
    """A deliberately slow model: sleeps before the real forward."""

    def __init__(self, inner: nn.Module, seconds: float) -> None:
        super().__init__()
        self.inner, self.seconds = inner, seconds

    def forward(self, x: torch.Tensor) -> torch.Tensor:
        time.sleep(self.seconds)
        return self.inner(x)


def _frames_alive() -> int:
    return sum(1 for o in gc.get_objects() if type(o) is Frame)  # type(): isinstance trips lazy torch attributes


def test_memory_stays_flat_with_a_slow_model(mobilenet_file: Path, video: Path) -> None:
    loaded = load_weights("mobilenet_v2", str(mobilenet_file))
    slow = LoadedModel(_Slow(loaded.model, 0.25), loaded.labels, loaded.preprocess, None, "slow")
    session = EngineSession("cpu")
    session.install(slow)
    pipeline = LivePipeline(session, str(video))
    pipeline.start()
    alive = []
    try:
        for _ in range(6):
            assert pipeline.step(timeout=2) is not None
            alive.append(_frames_alive())
    finally:
        summary = pipeline.close()
    assert max(alive) <= 3, alive  # mailbox slot + the frame being classified + the last result
    assert summary.frames_dropped >= 6 * 5  # ~7 frames arrive per slow inference: the rest are dropped
    assert summary.infer_fps < 5


def test_mailbox_keeps_only_the_newest_frame() -> None:
    box = FrameMailbox()
    for i in range(5):
        box.put(Frame(i, float(i), None))  # type: ignore[arg-type]
    assert box.take(0).index == 4 and box.dropped == 4
    assert box.take(0) is None
    box.close()
    assert box.take(1) is None and box.closed


def test_source_that_fails_mid_stream_reports_it(session: EngineSession, video: Path, tmp_path: Path) -> None:
    broken = truncate(video, tmp_path / "broken.avi", 0.4)
    steps = _results(live(session, str(broken)))
    n = 0
    while True:
        try:
            next(steps)
            n += 1
        except StopIteration as done:
            summary = done.value
            break
    assert n > 0 and not summary.ended
    assert "broken.avi stopped after frame" in summary.error and "of 120" in summary.error


def test_unopenable_sources_say_what_was_tried(tmp_path: Path) -> None:
    with pytest.raises(ConvLensError, match="Camera 9 cannot be opened .*index 9"):
        open_capture(9)
    with pytest.raises(ConvLensError, match="not found"):
        open_capture(str(tmp_path / "missing.mp4"))
    text = tmp_path / "notes.mp4"
    text.write_text("not a video")
    with pytest.raises(ConvLensError, match="notes.mp4 cannot be opened"):
        open_capture(str(text))


def test_recording_20_frames_writes_20_readable_jpegs(session: EngineSession, video: Path, tmp_path: Path) -> None:
    recorder = DatasetRecorder(tmp_path / "rps")
    pipeline = LivePipeline(session, str(video), recorder=recorder)
    pipeline.set_recording("rock", rate=30)
    pipeline.start()
    try:
        deadline = time.monotonic() + 10
        while pipeline.recorded < 20 and time.monotonic() < deadline:
            time.sleep(0.01)
        pipeline.set_recording(None)
    finally:
        pipeline.close()
    files = sorted((tmp_path / "rps" / "rock").glob("*.jpg"))
    assert len(files) == pipeline.recorded >= 20
    assert files[0].name == "00000.jpg"
    for f in files:
        with Image.open(f) as im:
            im.load()
            assert im.size == (480, 480)  # the centre square the model sees
    assert recorder.counts() == {"rock": len(files)}
    assert recorder.delete_last("rock", 5) == 5 and recorder.counts() == {"rock": len(files) - 5}
    with pytest.raises(ConvLensError, match="cannot be a folder name"):
        recorder.save("a/b", np.zeros((4, 4, 3), np.uint8))


def test_a_file_source_loops_while_asked_and_waits_while_paused(tmp_path, photos) -> None:
    import time

    from convlens.engine.data.video import CaptureThread, FrameMailbox

    clip = write_video(tmp_path / "short.avi", [photos / "dog_samoyed.jpg"], seconds_each=0.5, fps=30)
    box = FrameMailbox()
    cap = CaptureThread(str(clip), [box], realtime=False)
    cap.loop = True
    cap.start()
    deadline = time.time() + 20
    while cap.loops < 2 and time.time() < deadline:
        time.sleep(0.01)
    assert cap.loops >= 2 and cap.frames > 2 * 15 and cap.error is None
    cap.paused = True
    time.sleep(0.1)
    held = cap.frames
    time.sleep(0.3)
    assert cap.frames == held
    cap.stop()
    cap.join(5)
    assert not cap.is_alive()


def test_a_motion_jpeg_file_decodes_only_the_frames_that_are_used(tmp_path, photos, monkeypatch) -> None:
    """FFmpeg decodes a file's frame in grab(): a 120 fps file cost a core for frames nobody took. A Motion-JPEG
    file is read as packets and only the frames used are decoded, each as FFmpeg decodes it, by their consumer
    when it is ready for one: the frame it gets is the newest, not one decoded while it was busy. Another codec
    is read as before."""
    import cv2

    from convlens.engine.data import video as video_module
    from convlens.engine.data.video import CaptureThread, FrameMailbox

    clip = write_video(tmp_path / "fast.avi", [photos / "dog_samoyed.jpg", photos / "kitten_224.png"],
                       seconds_each=0.5, fps=120)
    decoded = []
    imdecode = cv2.imdecode
    monkeypatch.setattr(video_module.cv2, "imdecode", lambda *a: decoded.append(1) or imdecode(*a))
    box = FrameMailbox()
    cap = CaptureThread(str(clip), [box], realtime=True)
    assert cap.packets
    cap.start()
    taken, ages = [], []
    while (frame := box.take(5)) is not None:
        ages.append(time.perf_counter() - frame.time)
        frame.bgr  # noqa: B018 - used: decoded now, in this thread
        taken.append(frame)
        time.sleep(0.05)  # a slow model: most frames pass while it works
    cap.join(5)
    assert cap.ended and cap.error is None and cap.frames == 120
    assert len(decoded) - 1 == len(taken) <= 40  # one decode was the probe of the first packet
    assert cap.skipped == 0 and box.dropped == 120 - len(taken)
    # the newest frame when the consumer asks: at most a frame interval (8 ms) old, not one taken 50 ms before
    assert np.median(ages) < 0.03, ages
    # each frame taken is the file's own: as FFmpeg decodes it, to within two JPEG decoders' rounding
    reference = cv2.VideoCapture(str(clip))
    reference.set(cv2.CAP_PROP_POS_FRAMES, taken[-1].index)
    ok, bgr = reference.read()
    reference.release()
    assert ok and bgr.shape == taken[-1].bgr.shape == (480, 640, 3)
    assert np.abs(bgr.astype(int) - taken[-1].bgr).mean() < 1.0
    # a codec whose frames depend on each other is decoded by FFmpeg, frame by frame, as before
    other = tmp_path / "mpeg4.avi"
    writer = cv2.VideoWriter(str(other), cv2.VideoWriter_fourcc(*"FMP4"), 30, (64, 48))
    for i in range(10):
        writer.write(np.full((48, 64, 3), 20 * i, np.uint8))
    writer.release()
    box = FrameMailbox(every_frame=True)
    cap = CaptureThread(str(other), [box], realtime=False)
    assert not cap.packets
    cap.start()
    cap.join(10)
    assert cap.ended and cap.frames == 10


def test_live_cam_and_feature_maps_follow_every_inferred_frame(video: Path, mobilenet_file: Path) -> None:
    from convlens.engine.app import tasks
    from convlens.engine.app.live import LiveResult
    from convlens.engine.app.session import EngineSession
    from convlens.engine.data.video import FrameMailbox
    from convlens.engine.weights.load import load_weights

    session = EngineSession("cpu")
    session.install(load_weights("mobilenet_v2", str(mobilenet_file)))
    control = tasks.LiveControl(tasks.LiveOptions(layer="features.3", cam=True))
    counts = {LiveResult: 0, tasks.LiveCam: 0, tasks.LiveFeatures: 0}
    for event in tasks.live(session, str(video), control, FrameMailbox(every_frame=True)):
        if type(event) in counts:
            counts[type(event)] += 1
            if isinstance(event, tasks.LiveFeatures):
                assert event.view.maps.shape == (24, 56, 56)
            if isinstance(event, tasks.LiveCam):
                assert event.rgba.shape[2] == 4 and event.result.heatmap.max() == pytest.approx(1.0)
        if counts[LiveResult] >= 12:
            control.send(tasks.StopLive())
    assert counts[LiveResult] >= 12
    assert counts[tasks.LiveCam] == counts[tasks.LiveFeatures] == counts[LiveResult]  # every frame, not 2 Hz


def test_a_live_cam_is_the_answer_shown_and_one_forward_pass_per_frame(video: Path, mobilenet_file: Path) -> None:
    """With the CAM on, the pass that classifies a frame makes its CAM and its maps (the backward runs through the
    head only): one forward of the model per frame (there were two, the runtime's and the CAM's), and the map is
    of the class the answer shows, with the probability a plain classification of that frame gives."""
    from convlens.engine.app import tasks
    from convlens.engine.app.session import EngineSession
    from convlens.engine.weights.load import load_weights

    session = EngineSession("cpu")
    session.install(load_weights("mobilenet_v2", str(mobilenet_file)))
    model = session.torch_predictor.model
    session.default_cam_layer()  # found by a probe pass, once per model
    calls: list[int] = []
    handle = model.register_forward_hook(lambda *_: calls.append(1))
    control = tasks.LiveControl(tasks.LiveOptions(layer="features.3", cam=True))
    pairs: list[tuple[LiveResult, tasks.LiveCam]] = []
    results = 0
    try:
        last: LiveResult | None = None
        for event in tasks.live(session, str(video), control):
            if isinstance(event, LiveResult):
                last, results = event, results + 1
            elif isinstance(event, tasks.LiveCam):
                assert last is not None and event.live is last
                pairs.append((last, event))
                if len(pairs) == 8:
                    control.send(tasks.StopLive())
    finally:
        handle.remove()
    assert len(calls) == results >= 8
    for result, cam in pairs:
        assert cam.result.class_index == result.predictions[0].index
        assert cam.rgba.shape[2] == 4 and max(cam.rgba.shape[:2]) <= tasks.LIVE_CAM_SIDE
    last_result = pairs[-1][0]
    plain = session.classify_image(model_view(last_result.frame.image), "again", 3, display=False)
    assert [p.index for p in plain.predictions] == [p.index for p in last_result.predictions]
    assert plain.predictions[0].probability == pytest.approx(last_result.predictions[0].probability, abs=1e-5)


def test_recording_starts_on_the_press_and_keeps_its_rate_while_the_engine_is_busy(
        session: EngineSession, video: Path, tmp_path: Path) -> None:
    """The issue's case: holding R for 1.4 s saved 2 frames, the first a second late, because the recording state
    reached the pipeline only when the engine next stepped. The capture thread now follows it frame by frame."""
    from convlens.engine.app import tasks

    control = tasks.LiveControl(tasks.LiveOptions(cam=True))  # CAM on: every engine step is slow
    steps = tasks.live(session, str(video), control, recorder=DatasetRecorder(tmp_path / "rps"))
    for step in steps:
        if isinstance(step, LiveResult):
            break
    folder = tmp_path / "rps" / "rock"
    pressed = time.perf_counter()
    control.send(tasks.RecordFrames("rock", 5.0))  # the press: no engine step runs until the release below
    time.sleep(1.4)
    control.send(tasks.RecordFrames(None))
    released = time.perf_counter()
    files = sorted(folder.glob("*.jpg"))
    first_at = min(f.stat().st_mtime for f in files) if files else 0.0
    control.send(tasks.StopLive())
    for _ in steps:
        pass
    assert 5 <= len(files) <= 8, len(files)  # 1.4 s at 5 per second: 7 (was 2); a busy CI machine may lose one
    assert first_at - (time.time() - (time.perf_counter() - pressed)) < 0.5  # within 0.5 s of the press (was 1 s)
    assert released - pressed < 1.6


def test_a_pause_is_not_part_of_the_end_of_run_figures(session: EngineSession, video: Path) -> None:
    from convlens.engine.app import tasks

    control = tasks.LiveControl(tasks.LiveOptions())
    steps = tasks.live(session, str(video), control)
    results = 0
    summary = None
    paused = False
    try:
        while True:
            step = next(steps)
            if isinstance(step, LiveResult):
                results += 1
                if results == 10:
                    control.send(tasks.PauseLive(True))
                    paused, paused_at = True, time.perf_counter()
                elif results == 20:
                    control.send(tasks.StopLive())
            elif paused and time.perf_counter() - paused_at > 2.0:
                control.send(tasks.PauseLive(False))
                paused = False
    except StopIteration as done:
        summary = done.value
    assert summary is not None and summary.frames_classified >= 20
    assert summary.latency_p95 < 1.0, summary.latency_p95  # was 3.7 s: frames from before the pause were timed
    assert summary.infer_fps > 5, summary.infer_fps  # was 0.5 fps: the pause counted as inference time


def test_the_live_cam_carries_the_frame_it_explains_and_the_box_is_the_models_input(
        session: EngineSession, video: Path) -> None:
    from convlens.engine.app import tasks
    from convlens.engine.models.preprocess import crop_box

    control = tasks.LiveControl(tasks.LiveOptions(cam=True))
    last: LiveResult | None = None
    cams = 0
    for step in tasks.live(session, str(video), control):
        if isinstance(step, LiveResult):
            last = step
        elif isinstance(step, tasks.LiveCam):
            assert step.live is last  # the map of exactly this inference, never of a later frame
            cams += 1
            if cams == 3:
                control.send(tasks.StopLive())
    assert last is not None
    # 640x480: the centre 480x480 square, then MobileNetV2's resize 256 / crop 224 -> the centre 420x420
    left, top, right, bottom = last.box
    assert (right - left, bottom - top) == pytest.approx((420, 420))
    assert (left, top) == pytest.approx((80 + 30, 30))
    assert crop_box(session.pytorch_model.preprocess, (480, 480)) == pytest.approx((30, 30, 450, 450))
