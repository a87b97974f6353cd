"""The app's pieces of engine work, as plain generators over an ``EngineSession``, one module per part of the
app: ``model`` (load, runtime, layer table, export), ``images`` (one image, thumbnails, a folder, CSV), ``live_video``,
``teach`` (train, evaluate, unknown threshold, data map, health check), ``compare`` and ``projects``.

Each task is ``fn(session, ...)``: a generator that yields typed progress and returns its result (or a plain
function for short work). The GUI runs them as jobs on its one engine thread (``gui.jobs``), a test or script runs
them with a loop. No Qt here. Superseding and cancelling happen between yields. ``tasks.NAME`` reaches every one.

Importing this package loads none of them: ``tasks.NAME`` imports its module on first use (PEP 562). The app's window
imports ``tasks`` while it is built, before torch has loaded, and uses a task only once the engine is ready.
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:  # what ``tasks.NAME`` gives, for the type checker
    from convlens.engine.app.tasks.compare import (
        COMPARE_SIDE,
        LayersCompared,
        compare_layers,
        compare_models,
    )
    from convlens.engine.app.tasks.images import (
        CSV_HEADER,
        FolderScan,
        ImageShown,
        RuntimeChanged,
        Thumbnail,
        cam,
        cam_faithfulness,
        class_cams,
        classify_folder,
        classify_image,
        feature_view,
        save_image,
        thumbnails,
        write_results_csv,
    )
    from convlens.engine.app.tasks.live_video import (
        LIVE_CAM_SIDE,
        LiveCam,
        LiveControl,
        LiveEvent,
        LiveFeatures,
        LiveMessage,
        LiveOptions,
        LivePaused,
        LiveRecordError,
        LiveStarted,
        PauseLive,
        RecordFrames,
        SetLiveOptions,
        StopLive,
        delete_recorded,
        find_cameras,
        live,
        recorded_counts,
    )
    from convlens.engine.app.tasks.model import (
        explanation,
        export_model,
        kernels,
        load_model,
        save_checkpoint,
        set_max_pixels,
        set_runtime,
        summary,
        use_int8,
    )
    from convlens.engine.app.tasks.projects import (
        ProjectOpened,
        open_project,
        save_project,
    )
    from convlens.engine.app.tasks.teach import (
        TrainDataRead,
        TrainFinished,
        TrainStatus,
        UnknownTuned,
        check_data,
        embed,
        evaluate,
        find_wrong_labels,
        label_cams,
        move_to_class,
        set_unknown_far,
        train,
        tune_unknown,
        undo_moves,
        write_training_bundle,
    )
    from convlens.engine.app.tasks.visualize import (
        ExamplesFound,
        LayerWant,
        channel_examples,
        channel_wants,
        layer_wants,
    )

#: Which module of this package defines each name.
_WHERE = {
    "COMPARE_SIDE": "compare",
    "compare_models": "compare",
    "LayersCompared": "compare",
    "compare_layers": "compare",
    "CSV_HEADER": "images",
    "FolderScan": "images",
    "ImageShown": "images",
    "RuntimeChanged": "images",
    "Thumbnail": "images",
    "cam": "images",
    "cam_faithfulness": "images",
    "class_cams": "images",
    "classify_folder": "images",
    "classify_image": "images",
    "feature_view": "images",
    "save_image": "images",
    "thumbnails": "images",
    "write_results_csv": "images",
    "LIVE_CAM_SIDE": "live_video",
    "LiveCam": "live_video",
    "LiveControl": "live_video",
    "LiveEvent": "live_video",
    "LiveFeatures": "live_video",
    "LiveMessage": "live_video",
    "LiveOptions": "live_video",
    "LivePaused": "live_video",
    "LiveRecordError": "live_video",
    "LiveStarted": "live_video",
    "PauseLive": "live_video",
    "RecordFrames": "live_video",
    "SetLiveOptions": "live_video",
    "StopLive": "live_video",
    "delete_recorded": "live_video",
    "find_cameras": "live_video",
    "live": "live_video",
    "recorded_counts": "live_video",
    "explanation": "model",
    "export_model": "model",
    "kernels": "model",
    "load_model": "model",
    "save_checkpoint": "model",
    "set_max_pixels": "model",
    "set_runtime": "model",
    "summary": "model",
    "use_int8": "model",
    "ProjectOpened": "projects",
    "open_project": "projects",
    "save_project": "projects",
    "TrainDataRead": "teach",
    "TrainFinished": "teach",
    "TrainStatus": "teach",
    "UnknownTuned": "teach",
    "find_wrong_labels": "teach",
    "label_cams": "teach",
    "ExamplesFound": "visualize",
    "LayerWant": "visualize",
    "channel_examples": "visualize",
    "channel_wants": "visualize",
    "layer_wants": "visualize",
    "check_data": "teach",
    "embed": "teach",
    "evaluate": "teach",
    "move_to_class": "teach",
    "set_unknown_far": "teach",
    "train": "teach",
    "tune_unknown": "teach",
    "undo_moves": "teach",
    "write_training_bundle": "teach",
}

__all__ = [*sorted(_WHERE), "import_all"]


def __getattr__(name: str) -> Any:
    module = _WHERE.get(name)
    if module is None:
        raise AttributeError(f"module {__name__!r} has no attribute {name!r}")
    value = getattr(importlib.import_module(f"{__name__}.{module}"), name)
    globals()[name] = value  # the next lookup is a plain attribute
    return value


def __dir__() -> list[str]:
    return __all__


def import_all() -> None:
    """Import every task module now (the app does this on its engine thread, so that ``tasks.NAME`` on the UI thread
    is then only a lookup), and what a first classification would import (``preprocess.import_decoders``)."""
    from convlens.engine.models.preprocess import import_decoders

    for name in _WHERE:
        __getattr__(name)  # imports its module the first time
    import_decoders()
