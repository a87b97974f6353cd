"""Loading a model, its runtime, the layer table, export and saving: the model panel's and File menu's work."""

from __future__ import annotations

from typing import TYPE_CHECKING

from convlens.engine.core.errors import ConvLensError
from convlens.engine.core.gc_pauses import freeze_loaded_objects
from convlens.engine.data.images import iter_image_paths

if TYPE_CHECKING:
    from collections.abc import Generator, Sequence

    from convlens.engine.app.requests import WeightsRequest
    from convlens.engine.app.session import EngineSession, KernelView, ModelInfo
    from convlens.engine.core.choices import ExportFormat, RuntimeChoice
    from convlens.engine.inspect.explain import ModelExplanation
    from convlens.engine.inspect.summary import ModelSummary
    from convlens.engine.runtime.export import ParityReport
    from convlens.engine.runtime.export_int8 import Int8ExportReport
    from convlens.engine.runtime.quantize import QuantizeProgress
    from convlens.engine.weights.hub import DownloadProgress


def _freeze_long_lived_objects() -> None:
    """A model (its modules, its runtime, its layer table) lives until the next one: out of the collector's walks
    (``engine.core.gc_pauses``)."""
    freeze_loaded_objects()


# ------------------------------------------------------------------ model
def load_model(session: EngineSession, request: WeightsRequest) -> Generator[DownloadProgress, None, ModelInfo]:
    """Load weights (downloading first, with progress); returns the new ``ModelInfo``."""
    info = yield from session.load(request)
    _freeze_long_lived_objects()
    return info


def set_runtime(session: EngineSession, runtime: RuntimeChoice) -> ModelInfo | None:
    info = session.set_runtime(runtime)
    _freeze_long_lived_objects()
    return info


def use_int8(session: EngineSession, folder: str) -> Generator[QuantizeProgress, None, ModelInfo]:
    """Classify with the current model quantized to int8, calibrated on the images of ``folder``."""
    info = yield from session.use_int8(folder)
    _freeze_long_lived_objects()
    return info


def summary(session: EngineSession) -> ModelSummary:
    result = session.summary()
    _freeze_long_lived_objects()
    return result


#: A folder's photos are held at most this big on their short side while compared (every model sees less).

def explanation(session: EngineSession) -> ModelExplanation:
    return session.explanation()


def kernels(session: EngineSession) -> KernelView:
    return session.kernels()


def export_model(session: EngineSession, path: str, fmt: ExportFormat, image_paths: Sequence[str],
                 calibration: str | None = None) -> Generator[object, None, ParityReport | Int8ExportReport]:
    """Export the current model and check parity on up to 32 of the given images (files or folders; none: the
    built-in set). Unreadable images are left out of the check. An int8 format is quantized on ``calibration`` (a
    folder of the user's images) and its agreement with f32 measured on them (``engine.runtime.export_int8``)."""
    from convlens.engine.runtime.export import export

    if session.predictor is None:
        raise ConvLensError("No model to export.")
    loaded = session.pytorch_model
    if fmt.endswith("-int8"):
        from convlens.engine.runtime.export_int8 import export_int8

        if not calibration:
            raise ConvLensError("An int8 export needs a folder of your own images to calibrate on.")
        return (yield from export_int8(loaded, path, fmt, calibration))
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


def set_max_pixels(_session: EngineSession, pixels: int) -> None:
    """Images larger than ``pixels`` are refused before decoding (``data.images``), from now on."""
    from convlens.engine.data.images import set_max_pixels as set_limit

    set_limit(pixels)
