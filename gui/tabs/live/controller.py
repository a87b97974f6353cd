"""Live tab: a camera, video file or stream classified frame by frame, recording samples for the Teach tab."""

from __future__ import annotations

import dataclasses
from pathlib import Path
from typing import TYPE_CHECKING, assert_never

import numpy as np
from PySide6.QtCore import QObject

from convlens.engine.app import tasks
from convlens.engine.app.live import LiveResult
from convlens.gui.i18n import engine_text
from convlens.gui.settings import Key
from convlens.gui.tabs.live.view import LiveView

if TYPE_CHECKING:
    from convlens.engine.app.live import LiveSummary
    from convlens.engine.inspect.activations import CamResult
    from convlens.gui.jobs import Job, JobError
    from convlens.gui.tabs.context import AppContext
    from convlens.gui.tabs.inside.controller import FrameSource, InsideController


class LiveController(QObject):
    """Owns the live view and the live job (plus camera probing, sample counts and deletions)."""

    def __init__(self, ctx: AppContext, inside: InsideController) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.inside = inside
        self.view = LiveView()
        self.job: Job | None = None
        self.control: tasks.LiveControl | None = None

        v = self.view
        v.start_requested.connect(self.start)
        v.stop_requested.connect(self.stop)
        v.pause_changed.connect(self._on_pause)
        v.options_changed.connect(self.push_options)
        v.record_changed.connect(self._on_record_changed)
        v.message.connect(ctx.show_error)
        v.info.connect(ctx.show_info)
        v.save_image_requested.connect(self.save_image)
        v.find_cameras_requested.connect(self.find_cameras)
        v.counts_requested.connect(self._refresh_counts)
        v.delete_requested.connect(self._delete_recorded)
        inside.inspection_changed.connect(self.push_options)
        ctx.tabs.currentChanged.connect(self._on_tab_changed)

    # ------------------------------------------------------------ state others may ask for
    def frame_source(self) -> FrameSource:
        """"live" while frames flow (the live job computes the maps), else "none" (an image may be there)."""
        return "live" if self.view.running and not self.view.paused else "none"

    @property
    def paused(self) -> bool:
        return self.view.paused

    def dataset_root(self) -> Path | None:
        return self.view.dataset_root()

    def restore(self) -> None:
        source = self.ctx.settings.text(Key.LIVE_SOURCE)
        if source:
            self.view.set_source(source)
        dataset = self.ctx.settings.text(Key.DATASET)
        if dataset:
            self.view.set_dataset(dataset)

    def save_settings(self) -> None:
        root = self.view.dataset_root()
        self.ctx.settings.set(Key.DATASET, str(root) if root else "")

    def shutdown(self) -> None:
        self.view.shutdown()

    # ------------------------------------------------------------ the live job
    def start(self, source: str) -> None:
        if self.ctx.model_info is None:
            self.ctx.show_error(self.tr("Load a model first: live mode classifies every frame with it."))
            return
        if not source:
            self.ctx.show_error(self.tr("Enter a source: a camera number (0, 1, ...), a video file or a stream URL."))
            return
        self.view.show_opening(source)
        info = self.ctx.model_info
        self.view.set_model_input(info.input_fraction, info.squashes)
        self.view.precision_note = self.tr(" · {runtime}, reduced precision").format(
            runtime=info.runtime_title) if info.reduced_precision else ""
        self.control = tasks.LiveControl(self._options())
        self.job = self.ctx.submit(
            tasks.live, source, self.control, self.view.display, self.view.recorder,
            name=self.tr("Live video"), key="live", background=True, yielded=self._on_event,
            returned=self._on_stopped, errored=self._on_failed, aborted=self._on_aborted)
        self.ctx.settings.set(Key.LIVE_SOURCE, source)

    def stop(self) -> None:
        if self.control is not None:
            self.control.send(tasks.StopLive())  # the job returns its summary at its next step

    def _options(self) -> tasks.LiveOptions:
        v = self.view
        return dataclasses.replace(self.inside.live_inspection(), mirror=v.mirrored, crop=v.cropped, topk=3,
                                   cam=v.cam_on, loop=v.looping)

    def _on_tab_changed(self, _index: int) -> None:
        if self.view.running:
            self.push_options()

    def push_options(self) -> None:
        if self.control is not None:
            self.control.send(tasks.SetLiveOptions(self._options()))
        if self.view.paused and self.view.cam_on and self.ctx.model_info is not None:
            last = self.view.last_result
            side = last.frame.image.shape[0] if last else 224
            self.ctx.submit(tasks.cam, "", None, "gradcam", (side, side), name=self.tr("The class activation map"),
                            key="cam", returned=self._on_paused_cam, errored=self.ctx.show_job_error)

    def _on_paused_cam(self, answer: tuple[CamResult, np.ndarray]) -> None:
        self.view.on_cam(answer[1])

    def _on_event(self, event: tasks.LiveEvent) -> None:
        match event:
            case LiveResult():
                self.view.on_result(event)
            case tasks.RuntimeChanged():
                self.ctx.move_runtime(event.info)
            case tasks.LiveStarted():
                self.view.on_started(engine_text(event.source))
                self.ctx.status(self.tr("Live: {source}").format(source=engine_text(event.source)))
            case tasks.LiveFeatures():
                self.inside.show_live_view(event.view)
            case tasks.LiveCam():
                self.view.on_cam(event.rgba, event.live)
            case tasks.LivePaused():
                self.view.on_paused(event.result)
            case tasks.LiveRecordError():
                self.view.stop_recording()
                self.ctx.show_error(event.message)
            case None:
                pass
            case _:
                assert_never(event)

    def _on_stopped(self, summary: LiveSummary) -> None:
        self.control = None
        self.view.on_stopped(summary)
        self.ctx.status(summary.error or self.tr("Live stopped."), 10000)

    def _on_failed(self, error: JobError) -> None:
        self.control = None
        self.view.on_stopped(None, error.message)

    def _on_aborted(self) -> None:
        self.control = None
        self.view.on_stopped(None)

    def _on_pause(self, paused: bool) -> None:
        if self.control is not None:
            self.control.send(tasks.PauseLive(paused))
        if paused:
            self.push_options()

    def _on_record_changed(self, class_name: object, rate: float) -> None:
        if self.control is not None:
            self.control.send(tasks.RecordFrames(str(class_name) if class_name else None, rate))

    # ------------------------------------------------------------ cameras, samples, snapshots
    def find_cameras(self) -> None:
        self.view.finding_cameras()
        self.ctx.submit(tasks.find_cameras, name=self.tr("Looking for cameras"), key="cameras",
                        returned=self.view.show_cameras, finished=self.view.cameras_done)

    def _refresh_counts(self) -> None:
        root = self.view.dataset_root()
        if root is not None:
            self.ctx.submit(tasks.recorded_counts, str(root), name=self.tr("Counting samples"), key="counts",
                            returned=self.view.show_counts)

    def _delete_recorded(self, class_name: str, n: int) -> None:
        root = self.view.dataset_root()
        if root is None:
            return
        self.ctx.submit(tasks.delete_recorded, str(root), class_name, n, name=self.tr("Deleting samples"),
                        returned=lambda answer: self.view.on_deleted(class_name, *answer))

    def save_image(self, path: str, rgb: object) -> Job:
        return self.ctx.submit(tasks.save_image, path, rgb, name=self.tr("Saving {file}").format(file=Path(path).name),
                               returned=lambda written: self.ctx.status(self.tr("Saved {file}").format(file=written),
                                                                        8000))
