"""One image (top-k, feature maps, CAM), thumbnails, a folder classified, and the files the user asks for."""

from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from PIL import Image

from convlens.engine.app.session import DISPLAY_MAX_SIDE
from convlens.engine.core.errors import ConvLensError
from convlens.engine.core.fileio import write_atomic, write_csv
from convlens.engine.data.images import image_notes, iter_image_paths, load_thumbnail

if TYPE_CHECKING:
    from collections.abc import Generator, Sequence

    import numpy as np

    from convlens.engine.app.session import EngineSession, FeatureView, ImageClassification, ModelInfo
    from convlens.engine.core.choices import CamMethod, Normalisation
    from convlens.engine.inspect.activations import CamResult
    from convlens.engine.runtime.results import BatchProgress, ImageResult


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


def feature_view(session: EngineSession, layer: str, page: int, per_page: int, normalise: Normalisation,
                 cmap: str) -> FeatureView:
    return session.feature_view(layer, page, per_page, normalise, cmap)


def cam(session: EngineSession, layer: str, class_index: int | None, method: CamMethod,
        size: tuple[int, int]) -> tuple[CamResult, np.ndarray]:
    result = session.cam(layer or None, class_index, method, max_side=DISPLAY_MAX_SIDE)
    return result, session.cam_layer_rgba(result, size)


def class_cams(session: EngineSession, path: str, classes: Sequence[str], side: int = 320) -> tuple[np.ndarray, ...]:
    """An image's CAM for each named class (a mistake's predicted and true class), as pictures."""
    return session.class_cams(path, classes, side)


def cam_faithfulness(session: EngineSession, layer: str, class_index: int | None, method: CamMethod) -> CamResult:
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



# ------------------------------------------------------------------ files the user asked for
CSV_HEADER = ("file", "top1", "probability", "top5", "error", "unknown", "precision")


def write_results_csv(_session: EngineSession, path: str, results: Sequence[ImageResult]) -> str:
    """Every folder result: file, top-1, its probability, top-5 ("label:p" joined by "; "), error, unknown, and the
    precision that made it (f32, or the reduced one the user chose). Atomic."""
    rows: list[list[str]] = [list(CSV_HEADER)]
    for r in results:
        if r.error:
            rows.append([r.source, "", "", "", r.error, "", ""])
        else:
            top5 = "; ".join(f"{p.label}:{p.probability:.6f}" for p in r.predictions[:5])
            rows.append([r.source, r.predictions[0].label, f"{r.predictions[0].probability:.6f}", top5, "",
                         "1" if r.unknown else "0", r.precision])
    write_csv(path, rows)
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


