"""Images tab: the image large, its top-k, the thumbnail strip and the class-activation overlay."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
from PySide6.QtCore import QObject, Qt, Signal
from PySide6.QtWidgets import QSplitter, QVBoxLayout, QWidget

from convlens.engine.app import tasks
from convlens.gui.feature_view import qimage_from_rgba
from convlens.gui.i18n import engine_text, fill
from convlens.gui.image_view import ImageView, ThumbnailStrip, array_to_qimage
from convlens.gui.settings import Key
from convlens.gui.tabs.images.cam_controls import CamControls
from convlens.gui.tabs.images.prediction_panel import PredictionPanel

if TYPE_CHECKING:
    from convlens.engine.app.session import ImageClassification, ModelInfo
    from convlens.engine.inspect.activations import CamResult
    from convlens.gui.jobs import JobError
    from convlens.gui.tabs.context import AppContext

#: Thumbnails decoded for one gallery or folder (memory stays flat for a folder of 10,000).
MAX_THUMBNAILS = 500


class ImagesController(QObject):
    """Owns the image view, thumbnails, prediction bars and CAM controls, and the image / CAM jobs."""

    classified = Signal()  # a new classification of the current image arrived (feature maps follow it)

    def __init__(self, ctx: AppContext) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.image_view = ImageView()
        self.thumbnails = ThumbnailStrip()
        self.thumbnails.hide()
        self.predictions = PredictionPanel()
        self.predictions.setMinimumWidth(230)
        self.cam_controls = CamControls()
        left = QWidget()
        lay = QVBoxLayout(left)
        lay.setContentsMargins(0, 0, 0, 0)
        lay.addWidget(self.image_view, 1)
        lay.addWidget(self.cam_controls)
        lay.addWidget(self.thumbnails)
        self.widget = QSplitter(Qt.Orientation.Horizontal)
        self.widget.addWidget(left)
        self.widget.addWidget(self.predictions)
        self.widget.setStretchFactor(0, 3)
        self.widget.setStretchFactor(1, 1)
        self.widget.setChildrenCollapsible(False)

        self.current_key = ""
        self._current_source: str | bytes | None = None
        self._previous_key = ""  # the image shown before the one being opened (back to it if that fails)
        self._display_size = (0, 0)
        self._keep_banner = False
        self._cam_result: CamResult | None = None  # the map on screen
        self.selected_layer = ""

        self.image_view.sample_requested.connect(self.open_samples)
        self.cam_controls.changed.connect(self.request_cam)
        self.cam_controls.opacity_changed.connect(self.image_view.set_overlay_opacity)
        self.predictions.topk_changed.connect(self._on_topk_changed)
        self.thumbnails.current_path_changed.connect(self.show_path)
        self.thumbnails.thumbnails_needed.connect(self._load_thumbnails)
        ctx.model_changed.connect(self._on_model_changed)

    # ------------------------------------------------------------ state others may ask for
    @property
    def topk(self) -> int:
        return self.predictions.topk

    def has_image(self) -> bool:
        return self.image_view.has_image()

    def current_source(self) -> str | bytes | None:
        """The current image as the engine opens it: its path, or the bytes of a pasted or dropped image."""
        return self._current_source if self.has_image() else None

    def gallery_paths(self) -> list[str]:
        return self.thumbnails.paths()

    def restore(self) -> None:
        self.predictions.set_topk(self.ctx.settings.integer(Key.TOPK, 5))

    # ------------------------------------------------------------ what to show
    def set_gallery(self, paths: list[str], current: str | None = None) -> None:
        """Show ``paths`` as the thumbnail strip, opening ``current`` (default: the first)."""
        self.thumbnails.set_paths(paths)
        self.ctx.show_tab(self.widget)
        if paths:
            chosen = current if current in paths else paths[0]
            self.thumbnails.setCurrentRow(paths.index(chosen))
            self.show_path(chosen)

    def open_samples(self) -> None:
        """*Try a sample*: the photos that ship with ConvLens (``resources/samples``), the first one opened."""
        from convlens.engine.core.resources import resources_dir
        from convlens.engine.data.images import IMAGE_SUFFIXES

        samples = sorted(str(p) for p in (resources_dir() / "samples").iterdir() if p.suffix.lower() in IMAGE_SUFFIXES)
        if not samples:
            self.ctx.show_error(self.tr("The sample photos are missing from {folder}: this installation is "
                                        "incomplete.").format(folder=resources_dir() / "samples"))
            return
        self.set_gallery(samples)

    def show_folder_files(self, files: list[str]) -> None:
        """A folder being classified: its files in the strip, none opened."""
        self.thumbnails.set_paths(files)
        self.thumbnails.setCurrentRow(-1)

    def show_existing(self, path: str) -> None:
        """A file from a results table: selected in the strip when it is there, and opened."""
        self.ctx.show_tab(self.widget)
        paths = self.thumbnails.paths()
        if path in paths:
            self.thumbnails.setCurrentRow(paths.index(path))
        self.show_path(path)

    def show_with_cam(self, paths: list[str], path: str) -> None:
        """``path`` (one of ``paths``) shown large with its class activation map."""
        self.set_gallery(paths or [path], path)
        self.cam_controls.turn_on()

    def show_path(self, path: str) -> None:
        if path == self.current_key and self._current_source == path:
            return
        self._previous_key = self.current_key if isinstance(self._current_source, str) else ""
        self._current_source = path
        self.current_key = path
        self._request_current()

    def show_image_bytes(self, data: bytes, name: str) -> None:
        self.thumbnails.set_paths([])
        self.ctx.show_tab(self.widget)
        self._previous_key = ""
        self._current_source = data
        self.current_key = name
        self._request_current()

    def set_selected_layer(self, layer: str) -> None:
        self.selected_layer = layer
        self.cam_controls.set_selected_layer(layer)

    def step(self, delta: int) -> None:
        self.thumbnails.step(delta)

    # ------------------------------------------------------------ jobs
    def _load_thumbnails(self, paths: list[str]) -> None:
        # In the background: previews never hold up a model load or training (they pause for them).
        self.ctx.submit(tasks.thumbnails, paths[:MAX_THUMBNAILS], name=self.tr("Thumbnails"), key="thumbnails",
                        background=True, yielded=self.thumbnails.set_thumbnail, errored=self.ctx.ignore_error)

    def _request_current(self) -> None:
        if self._current_source is None:
            return
        # What belonged to the previous image goes at once.
        self.image_view.set_overlay(None)
        self.cam_controls.set_info("")
        self.ctx.submit(tasks.classify_image, self._current_source, self.current_key, self.predictions.topk,
                        bool(self.selected_layer), name=self.tr("Classifying {name}").format(name=self._display_name()),
                        key="image", returned=self._on_image_result, errored=self._on_image_failed)
        if self.ctx.model_info is not None:
            self.ctx.status(self.tr("Classifying {name}…").format(name=self._display_name()))

    def reclassify(self) -> None:
        if self._current_source is not None:
            self._request_current()

    def _on_topk_changed(self, k: int) -> None:
        self.ctx.settings.set(Key.TOPK, k)
        self.reclassify()

    def _on_model_changed(self, info: ModelInfo) -> None:
        """Nothing from the previous model stays on screen; the current image is classified again."""
        self.selected_layer = ""
        self.cam_controls.reset()
        self.image_view.set_overlay(None)
        self.predictions.clear(fill(self.tr("Classifying with {model}…"), model=info.title)
                               if self._current_source is not None else "")
        self.reclassify()

    def _display_name(self) -> str:
        return Path(self.current_key).name if isinstance(self._current_source, str) else self.current_key

    def _on_image_result(self, result: ImageClassification | tasks.ImageShown) -> None:
        w, h = result.size
        self.image_view.set_image(array_to_qimage(result.display), f"{self._display_name()}  ({w}×{h})")
        self._display_size = (result.display.shape[1], result.display.shape[0])
        if isinstance(self._current_source, str):
            self.ctx.add_recent(self._current_source)  # only files that opened
        banner = self.ctx.banner
        if (banner.kind == "error" and not self._keep_banner) or result.notes:
            banner.hide()  # a message about an earlier image or action does not stay over this one
        self._keep_banner = False
        if result.notes:
            banner.show_message("\n".join(engine_text(n) for n in result.notes), "info")
        if isinstance(result, tasks.ImageShown):
            self.predictions.clear(self.tr("Load a model to classify this image."))
            return
        rule = self.ctx.model_info.unknown if self.ctx.model_info else None
        self.predictions.show_predictions(result.predictions, result.seconds, engine_text(result.model),
                                          rule.threshold if result.unknown and rule else None)
        self.cam_controls.set_predictions(result.predictions)
        self.classified.emit()
        self.request_cam()
        if result.unknown and rule:
            self.ctx.status(self.tr("{name}: unknown (best guess {label} {p:.1f}%, threshold {t:.1f}%)").format(
                name=self._display_name(), label=result.predictions[0].label,
                p=100 * result.predictions[0].probability, t=100 * rule.threshold), 8000)
            return
        self.ctx.status(self.tr("{name}: {label} ({p:.1f}%)").format(
            name=self._display_name(), label=result.predictions[0].label,
            p=100 * result.predictions[0].probability), 8000)

    def _on_image_failed(self, error: JobError) -> None:
        """The image could not be opened: say so; the gallery and the image before it stay."""
        failed = self._current_source
        self.ctx.show_error(error.message)
        if isinstance(failed, str) and failed in self.thumbnails.paths() and self.thumbnails.count() > 1:
            self.thumbnails.remove_path(failed)
        if self._previous_key and self._previous_key in self.thumbnails.paths():
            self._current_source = self._previous_key
            self.current_key = self._previous_key
            self._previous_key = ""
            self.thumbnails.select_path(self.current_key)
            self._keep_banner = True  # the message says why we are back on this image
            self._request_current()
        elif not self.image_view.has_image():
            self._current_source = None
            self.current_key = ""
            self.predictions.clear("")

    def request_cam(self) -> None:
        if not self.cam_controls.is_on:
            self.image_view.set_overlay(None)
            return
        if not self.image_view.has_image() or self.ctx.model_info is None:
            return
        self.cam_controls.set_info(self.tr("computing…"))
        c = self.cam_controls
        self.ctx.submit(tasks.cam, c.layer, c.class_index, c.method_name, self._display_size,
                        name=self.tr("The class activation map"), key="cam", returned=self._on_cam_ready,
                        errored=self._on_cam_failed)

    def _on_cam_ready(self, answer: tuple[CamResult, np.ndarray]) -> None:
        result, rgba = answer
        if not self.cam_controls.is_on:
            return
        self.image_view.set_overlay(qimage_from_rgba(rgba))
        self._cam_result = result
        self._show_cam_info(result)
        if result.faith is None:  # scored after the map is on screen (2 x 20 forward passes)
            self.ctx.submit(tasks.cam_faithfulness, result.layer, result.class_index, result.method,
                            name=self.tr("CAM faithfulness"), key="cam-faith", background=True,
                            returned=self._on_cam_scored, errored=self.ctx.ignore_error)

    def _on_cam_scored(self, result: CamResult) -> None:
        shown = self._cam_result
        if shown is None or not self.cam_controls.is_on or (shown.layer, shown.class_index, shown.method) != (
                result.layer, result.class_index, result.method):
            return  # a map that is no longer on screen
        self._show_cam_info(result)

    def _show_cam_info(self, result: CamResult) -> None:
        model = self.ctx.model_info.title if self.ctx.model_info else ""
        text = f"{result.label} @ {result.layer} · {model}"
        f = result.faith
        if f is not None:
            text += " · " + self.tr("faithfulness: deletion {d:.2f}↓ insertion {i:.2f}↑ drop {a:.0f}%↓").format(
                d=f.deletion_auc, i=f.insertion_auc, a=100 * f.average_drop)
            self.cam_controls.info.setToolTip(self.tr(
                "How well the map agrees with the model. Deletion: the class probability as the most highlighted "
                "pixels are removed first, area under the curve (lower is better). Insertion: as they are put back "
                "first onto a blank image (higher is better). Average drop: how much the probability falls on the "
                "image multiplied by the map (lower is better). As torch-cam defines them."))
        self.cam_controls.set_info(text)

    def _on_cam_failed(self, error: JobError) -> None:
        self._cam_result = None
        self.cam_controls.set_info(self.tr("no map"))
        self.image_view.set_overlay(None)
        self.ctx.show_error(error.message)
