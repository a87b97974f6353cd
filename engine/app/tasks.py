"""The app's pieces of engine work, as plain generators over an ``EngineSession``.

Each task is ``fn(session, ...)``: a generator that yields typed progress and
returns its result (or a plain function for short work). The GUI runs them as
jobs on its one engine thread (``gui.jobs``), a test or script runs them with
a loop. No Qt here. Superseding and cancelling happen between yields.
"""

from __future__ import annotations

import gc
import time
from collections.abc import Callable, Generator, Sequence
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import IO

import numpy as np
from PIL import Image

from convlens.engine.app.live import LivePipeline, LiveResult, LiveSummary
from convlens.engine.app.session import DISPLAY_MAX_SIDE, EngineSession, FeatureView, ImageClassification, KernelView, ModelInfo, WeightsRequest
from convlens.engine.core.choices import ExportFormat
from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.core.fileio import write_atomic
from convlens.engine.data.images import image_notes, iter_image_paths, load_thumbnail
from convlens.engine.data.recording import DatasetRecorder
from convlens.engine.data.video import FrameMailbox, list_cameras
from convlens.engine.evaluation.compare import CompareProgress, Comparison, compare
from convlens.engine.evaluation.embedding import Move, move_files, undo_move
from convlens.engine.evaluation.health import HealthProgress, HealthReport, check_folder
from convlens.engine.inspect.activations import CamResult
from convlens.engine.inspect.explain import ModelExplanation
from convlens.engine.inspect.summary import ModelSummary
from convlens.engine.models.openset import UnknownCurve, UnknownRule
from convlens.engine.runtime.predict import BatchProgress, ImageResult
from convlens.engine.training.distributed import Ranks
from convlens.engine.training.loop import SINGLE, EpochStats, TrainConfig, TrainProgress, TrainResult

__all__ = [
    "FolderScan", "ImageShown", "LiveCam", "LiveControl", "LiveFeatures", "LiveOptions", "LivePaused",
    "LiveRecordError", "LiveStarted", "ProjectOpened", "Thumbnail", "TrainDataRead", "TrainFinished", "TrainStatus", "cam", "classify_folder", "classify_image",
    "delete_recorded", "evaluate", "export_model", "feature_view", "find_cameras", "kernels", "live", "load_model",
    "open_project", "recorded_counts", "save_checkpoint", "save_project", "save_image", "set_runtime", "summary", "thumbnails", "train",
    "write_results_csv",
]


def _freeze_long_lived_objects() -> None:
    """Keep the cyclic GC from walking torch's huge, permanent object graph.

    After torch, torchvision and a model are loaded, a full collection walks
    millions of objects and holds the GIL for ~200 ms, freezing the UI thread.
    ``gc.freeze`` moves everything alive now out of the collector's sight.
    """
    gc.freeze()


# ------------------------------------------------------------------ model
def load_model(session: EngineSession, request: WeightsRequest):  # noqa: ANN201 - generator of DownloadProgress
    """Load weights (downloading first, with progress); returns the new ``ModelInfo``."""
    info = yield from session.load(request)
    _freeze_long_lived_objects()
    return info


def set_runtime(session: EngineSession, runtime: str) -> ModelInfo | None:
    info = session.set_runtime(runtime)
    _freeze_long_lived_objects()
    return info


def summary(session: EngineSession) -> ModelSummary:
    result = session.summary()
    _freeze_long_lived_objects()
    return result


#: A folder's photos are held at most this big on their short side while compared (every model sees less).
COMPARE_SIDE = 512


def compare_models(session: EngineSession, sources: Sequence[str | bytes | np.ndarray], specs: Sequence[str],
                   topk: int, depth: float, folder: str = "", limit: int = 0, names: Sequence[str] = (),
                   ) -> Generator[CompareProgress, None, Comparison]:
    """The same images through 2-4 models, one at a time, with CAMs and feature maps (``engine.evaluation.compare``).

    ``sources``: files, pasted bytes or RGB frames (a live frame, named by ``names``). ``folder``: its images
    instead, the first ``limit`` of them (0: all); unreadable ones are left out and said so, and photos larger
    than ``COMPARE_SIDE`` on the short side are held at that size (every model sees less than that)."""
    notes: list[str] = []
    if folder:
        if not Path(folder).is_dir():
            raise ConvLensError("{folder} is not a folder (or no longer exists).", folder=folder)
        paths = list(iter_image_paths([folder]))
        if not paths:
            raise ConvLensError("No image files found in {folder}.", folder=folder)
        if limit and len(paths) > limit:
            notes.append(Text("Compared the first {limit} of the {n} images of the folder.", limit=limit, n=len(paths)))
            paths = paths[:limit]
        images, labels, unreadable = [], [], []
        for path in paths:
            try:
                picture = session.open_image(str(path))
            except ConvLensError:
                unreadable.append(path.name)
                continue
            if min(picture.size) > COMPARE_SIDE:  # bounded memory for a folder of large photos
                scale = COMPARE_SIDE / min(picture.size)
                picture = picture.resize((round(picture.width * scale), round(picture.height * scale)),
                                         Image.Resampling.BILINEAR)
            images.append(picture)
            labels.append(str(path))
        if unreadable:
            notes.append(Text("Left out {n} unreadable files: {names}.", n=len(unreadable),
                              names=", ".join(unreadable[:5]) + (", …" if len(unreadable) > 5 else "")))
        if not images:
            raise ConvLensError("None of the images in {folder} could be read.", folder=folder)
    else:
        images = [Image.fromarray(s) if isinstance(s, np.ndarray) else
                  session.open_image(s, None if isinstance(s, str) else "pasted image") for s in sources]
        labels = [names[i] if i < len(names) else str(s) if isinstance(s, str) else f"image {i + 1}"
                  for i, s in enumerate(sources)]
    current = session.pytorch_model if session.predictor is not None else None
    result = yield from compare(images, specs, topk, str(session.device), inspect=True, stage=depth, names=labels,
                                current=current)
    return replace(result, notes=tuple(notes) + result.notes)


def write_training_bundle(_session: EngineSession, folder: str, arch: str, weights: str, data: str, val_data: str,
                          config: TrainConfig) -> str:
    """The training set up here, as a bundle to run on a bigger machine (``engine.training.bundle``)."""
    from convlens.engine.training.bundle import TrainingBundle, write_bundle

    if not arch:
        raise ConvLensError("Choose an architecture first.")
    if not data:
        raise ConvLensError("Choose a training folder: one subfolder of images per class.")
    return str(write_bundle(folder, TrainingBundle(arch, weights, data, val_data, 0.2, config)))


def check_data(_session: EngineSession, folder: str, val_folder: str = "") -> Generator[HealthProgress, None,
                                                                                      HealthReport]:
    """The health check of a training folder (``engine.evaluation.health``)."""
    return (yield from check_folder(folder, val_folder or None))


def explanation(session: EngineSession) -> ModelExplanation:
    return session.explanation()


def kernels(session: EngineSession) -> KernelView:
    return session.kernels()


def export_model(session: EngineSession, path: str, fmt: ExportFormat, image_paths: Sequence[str]):  # noqa: ANN201
    """Export the current model and check parity on up to 32 of the given images (files or folders; none: the
    built-in set). Unreadable images are left out of the check."""
    from convlens.engine.runtime.export import export

    if session.predictor is None:
        raise ConvLensError("No model to export.")
    loaded = session.pytorch_model
    samples = []
    for p in list(iter_image_paths(image_paths))[:32]:
        try:
            samples.append(session.open_image(str(p)))
        except ConvLensError:
            continue  # unreadable files just do not take part in the parity check
        yield None
    return export(loaded, path, fmt, samples)


def save_checkpoint(session: EngineSession, path: str) -> str:
    from convlens.engine.weights.checkpoints import save_checkpoint as save

    if session.predictor is None:
        raise ConvLensError("No model to save.")
    save(path, session.pytorch_model)
    return path


# ------------------------------------------------------------------ images
@dataclass(frozen=True)
class ImageShown:
    """An image opened before any model is loaded: shown, not classified."""

    source: str
    display: np.ndarray
    size: tuple[int, int]
    notes: tuple[str, ...] = ()


def classify_image(session: EngineSession, source: str | bytes, key: str, topk: int,
                   inspect: bool) -> ImageClassification | ImageShown:
    image = session.open_image_cached(source, key)
    if session.predictor is None:
        return ImageShown(key, session.display_copy(image), image.size, image_notes(image))
    return session.classify_image(image, key, topk, inspect)


def feature_view(session: EngineSession, layer: str, page: int, per_page: int, normalise: str,
                 cmap: str) -> FeatureView:
    return session.feature_view(layer, page, per_page, normalise, cmap)


def cam(session: EngineSession, layer: str, class_index: int | None, method: str,
        size: tuple[int, int]) -> tuple[CamResult, np.ndarray]:
    result = session.cam(layer or None, class_index, method, max_side=DISPLAY_MAX_SIDE)
    return result, session.cam_layer_rgba(result, size)


def class_cams(session: EngineSession, path: str, classes: Sequence[str], side: int = 320) -> tuple[np.ndarray, ...]:
    """An image's CAM for each named class (a mistake's predicted and true class), as pictures."""
    return session.class_cams(path, classes, side)


def cam_faithfulness(session: EngineSession, layer: str, class_index: int | None, method: str) -> CamResult:
    """The CAM with its faithfulness scores (a separate job: about 40 forward passes, after the map is shown)."""
    return session.cam(layer or None, class_index, method, max_side=64, faithful=True)


@dataclass(frozen=True)
class Thumbnail:
    path: str
    image: np.ndarray | None  # (h, w, 3) uint8, longest side <= size; None when unreadable
    error: str = ""


def thumbnails(_session: EngineSession, paths: Sequence[str], size: int = 192) -> Generator[Thumbnail, None, int]:
    """Small previews, one per step: decoding is bounded by ``size`` (JPEG draft mode), never the full image."""
    for path in paths:
        try:
            yield Thumbnail(path, load_thumbnail(path, size))
        except ConvLensError as exc:
            yield Thumbnail(path, None, str(exc))
    return len(paths)


@dataclass(frozen=True)
class RuntimeChanged:
    """Under ``auto``, the work (a folder, live video) moved the model to a faster faithful runtime."""

    info: ModelInfo


@dataclass(frozen=True)
class FolderScan:
    """The files found under the dropped folders (yielded once, before the first batch)."""

    files: tuple[str, ...]
    what: str


def classify_folder(session: EngineSession, roots: Sequence[str], topk: int,
                    batch_size: int = 16) -> Generator[FolderScan | RuntimeChanged | BatchProgress | None, None, int]:
    """Find the images (recursively, on the engine thread) and classify them in batches."""
    found: list[str] = []
    for i, p in enumerate(iter_image_paths(roots)):
        found.append(str(p))
        if i % 2000 == 1999:
            yield None  # a huge tree: let other jobs have their turn while we scan
    what = ", ".join(Path(r).name or str(r) for r in roots[:3]) + ("…" if len(roots) > 3 else "")
    if not found:
        raise ConvLensError("No image files in {what}.", what=what)
    yield FolderScan(tuple(found), what)
    if session.predictor is None:
        raise ConvLensError("No model is loaded yet: choose an architecture and weights.")
    moved = session.prepare_for(len(found))  # auto: a folder may repay a faster faithful runtime
    if moved is not None:
        yield RuntimeChanged(moved)
    yield from session.classify_files(found, topk, batch_size)
    return len(found)


# ------------------------------------------------------------------ live
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


def evaluate(session: EngineSession, folder: str, topk: int = 5):  # noqa: ANN201 - generator of BatchProgress
    """The current model on a folder of class subfolders; returns an ``EvaluationReport``."""
    from convlens.engine.evaluation.evaluate import evaluate_folder

    if session.predictor is None:
        raise ConvLensError("Load a model first: the evaluation measures the current model.")
    # The PyTorch model itself (as `convlens evaluate` by default): a bf16 runtime can move borderline answers.
    return (yield from evaluate_folder(session.torch_predictor or session.predictor, folder, topk))


@dataclass(frozen=True)
class UnknownTuned:
    """The "unknown" trade-off of the current model, the rule now in force (None: off) and why, if none."""

    curve: UnknownCurve | None
    rule: UnknownRule | None
    info: ModelInfo
    note: str = ""


def _apply_far(session: EngineSession, curve: UnknownCurve | None, far: float) -> UnknownTuned:
    if not far or curve is None:
        return UnknownTuned(curve, None, session.set_unknown(None, curve))
    try:
        rule = curve.rule(far)
    except ConvLensError as exc:  # too few impostors: the curve is still worth showing, with why
        return UnknownTuned(curve, None, session.set_unknown(None, curve), exc.text)
    return UnknownTuned(curve, rule, session.set_unknown(rule, curve))


def tune_unknown(session: EngineSession, folder: str, far: float, unknown_dir: str = ""):  # noqa: ANN201
    """Tune the current model's "unknown" threshold on a folder of class subfolders (and images of no class in its
    ``_unknown`` subfolder or ``unknown_dir``) for a target false-accept rate. Yields ``BatchProgress``."""
    from convlens.engine.evaluation.evaluate import evaluate_folder

    predictor = session.torch_predictor or session.predictor
    if predictor is None:
        raise ConvLensError("Load a model first: the evaluation measures the current model.")
    report = yield from evaluate_folder(predictor, folder, 1, unknown_dirs=[unknown_dir] if unknown_dir else [])
    return _apply_far(session, report.unknown_curve(), far)


def set_unknown_far(session: EngineSession, far: float) -> UnknownTuned:
    """Re-choose the threshold on the curve the model already has for another false-accept target (0: off)."""
    return _apply_far(session, session.unknown_curve(), far)


def embed(session: EngineSession, folder: str, method: str = "auto"):  # noqa: ANN201 - generator of EmbedProgress
    """The data map of a folder of class subfolders with the current (PyTorch) model; returns an ``Embedding``."""
    from convlens.engine.evaluation.embedding import embed_folder

    predictor = session.torch_predictor or session.predictor
    if predictor is None:
        raise ConvLensError("Load a model first: the data map shows what the current model sees.")
    return (yield from embed_folder(predictor, folder, method))


def move_to_class(_session: EngineSession, paths: Sequence[str], root: str, class_name: str) -> Move:
    return move_files(paths, root, class_name)


def undo_moves(_session: EngineSession, move: Move) -> int:
    return undo_move(move)


# ------------------------------------------------------------------ files the user asked for
CSV_HEADER = ("file", "top1", "probability", "top5", "error", "unknown", "precision")


def write_results_csv(_session: EngineSession, path: str, results: Sequence[ImageResult]) -> str:
    """Every folder result: file, top-1, its probability, top-5 ("label:p" joined by "; "), error, unknown, and the
    precision that made it (f32, or the reduced one the user chose). Atomic."""
    import csv
    import io

    buffer = io.StringIO(newline="")
    writer = csv.writer(buffer)
    writer.writerow(CSV_HEADER)
    for r in results:
        if r.error:
            writer.writerow([r.source, "", "", "", r.error, "", ""])
        else:
            top5 = "; ".join(f"{p.label}:{p.probability:.6f}" for p in r.predictions[:5])
            writer.writerow([r.source, r.predictions[0].label, f"{r.predictions[0].probability:.6f}", top5, "",
                             "1" if r.unknown else "0", r.precision])
    write_atomic(Path(path), buffer.getvalue().encode("utf-8"))
    return path


def save_image(_session: EngineSession, path: str, rgb: np.ndarray) -> str:
    """An RGB array as an image file (format from the suffix: PNG, JPEG, ...). Atomic."""
    import io

    target = Path(path)
    fmt = {".jpg": "JPEG", ".jpeg": "JPEG", ".bmp": "BMP", ".webp": "WEBP", ".tif": "TIFF", ".tiff": "TIFF"}.get(
        target.suffix.lower(), "PNG")
    buffer = io.BytesIO()
    Image.fromarray(rgb).save(buffer, fmt)
    write_atomic(target, buffer.getvalue())
    return path


# ------------------------------------------------------------------ teaching
@dataclass(frozen=True)
class TrainStatus:
    text: str


@dataclass(frozen=True)
class TrainDataRead(TrainStatus):
    """The training data was read: ``text`` describes it (classes, images per split)."""


@dataclass(frozen=True)
class TrainFinished:
    result: TrainResult
    info: ModelInfo | None  # None for a process of a distributed run (nothing installed)


def train(session: EngineSession, data: str, config: TrainConfig, val_data: str = "",
          val_split: float = 0.2, stream: bool | None = None, ranks: Ranks = SINGLE,
          ) -> Generator[TrainStatus | TrainProgress | EpochStats, None, TrainFinished]:
    """Fine-tune (or train from scratch) the current model on a folder of class subfolders or MNIST's idx files;
    only a finished run replaces it, and it is then run by the session's runtime like any loaded model.

    ``stream``: decode images as training needs them (None: for large folders). ``ranks``: one process of a
    torchrun job (``engine.training.distributed``); the model is then only returned, not installed (no window to show it)."""
    from convlens.engine.data.datasets import is_mnist_folder, load_image_folder, load_mnist
    from convlens.engine.training.loop import fine_tune

    if session.predictor is None:
        raise ConvLensError("Load a model first.")
    yield TrainStatus(Text("Reading images…"))
    if is_mnist_folder(data):
        dataset = load_mnist(data, seed=config.seed)
    else:
        dataset = load_image_folder(data, val_data or None, val_split, seed=config.seed, stream=stream)
    yield TrainDataRead(dataset.describe())
    loaded = session.pytorch_model  # never the faster runtime's copy: it has no gradients
    if config.from_scratch and loaded.arch is not None:
        from convlens.engine.weights.load import load_random

        loaded = load_random(loaded.arch)
    result = yield from fine_tune(loaded, dataset, config, session.device, ranks)
    if ranks.active:
        return TrainFinished(result, None)
    info = session.install_with_runtime(result.loaded)  # classified by the chosen runtime, like a loaded model
    _freeze_long_lived_objects()
    return TrainFinished(result, info)


# ------------------------------------------------------------------ projects
@dataclass(frozen=True)
class ProjectOpened:
    """A project was read and its model installed: what the front end restores its tabs from."""

    path: str
    info: ModelInfo
    state: dict
    model: dict  # the manifest's model entry (kind, arch, path, labels_file, unsaved)
    run: TrainResult | None
    saved: float
    notes: tuple[str, ...] = ()  # what could not be restored as it was (a run that is damaged...)


def save_project(session: EngineSession, path: str, model: dict, state: dict, run: TrainResult | None,
                 embed_model: bool) -> str:
    """Write the session as a ``.convlens`` project (atomically): ``model`` names the model; ``embed_model``
    stores its checkpoint too (a model trained here); ``run`` is the training run whose records go with it."""
    from convlens.engine.core.fileio import check_writable
    from convlens.engine.training.records import run_to_records
    from convlens.engine.weights.checkpoints import write_checkpoint
    from convlens.engine.weights.project import Project, write_project

    writer: Callable[[IO[bytes]], None] | None = None
    needs = 0
    if embed_model:
        if session.predictor is None:
            raise ConvLensError("No model to save.")
        trained = session.pytorch_model

        def writer(stream: IO[bytes]) -> None:
            write_checkpoint(stream, trained)

        needs = sum(t.numel() * t.element_size() for t in trained.model.state_dict().values())
    record, arrays = run_to_records(run) if run is not None else (None, {})
    check_writable(path, needs=needs + sum(a.nbytes for a in arrays.values()))
    write_project(path, Project(model=dict(model), state=dict(state), run=record, arrays=arrays), writer)
    return path


def open_project(session: EngineSession, path: str) -> ProjectOpened:
    """Read a project (checked whole first: a damaged one changes nothing) and install its model. A model it names
    that cannot be had now (a file that is gone, pretrained weights offline) is said so in ``notes`` and the bundled
    model answers instead; a damaged training run is left out, with a note."""
    from convlens.engine.training.records import run_from_records
    from convlens.engine.weights.bundled import load_bundled
    from convlens.engine.weights.load import load_project_model
    from convlens.engine.weights.project import read_project

    project = read_project(path)
    notes: list[str] = []
    try:
        loaded = load_project_model(Path(path), None, None, project)
    except ConvLensError as exc:
        if project.has_checkpoint:
            raise  # the project's own model is unreadable: nothing to open
        notes.append(Text("{why} The bundled model is in use instead.", why=str(exc)))
        loaded = load_bundled()
    run = None
    if project.run is not None and project.has_checkpoint:
        try:
            run = run_from_records(project.run, project.arrays, loaded)
        except ConvLensError as exc:
            notes.append(str(exc))
    info = session.install_with_runtime(loaded)
    _freeze_long_lived_objects()
    return ProjectOpened(str(path), info, project.state, project.model, run, project.saved, tuple(notes))
