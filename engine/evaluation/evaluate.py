"""Evaluate a model on a folder of class subfolders: top-1 / top-5 accuracy, per-class report, confusion.

Seeds 001 and 002 judge a classifier by accuracy, top-1/top-5 error and scikit-learn's
``classification_report``. Here the subfolder names say what each image is: a folder named like one of
the model's classes (case, spaces and underscores do not matter), its class number, or (ImageNet) its
WordNet id, or whatever a mapping file says (JSON: folder -> class name or number). Folders that name
no class of the model are listed and skipped. Per-class precision / recall / F1 / support follow
``sklearn.metrics.classification_report`` with the evaluated classes as its ``labels``: a prediction of
a class that is not among them counts against recall only.
"""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import TYPE_CHECKING

from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.images import is_image_path, iter_image_paths
from convlens.engine.models.metrics import ClassScore, EvaluationReport, FileVerdict  # re-exported
from convlens.engine.models.openset import UNKNOWN_FOLDER

if TYPE_CHECKING:
    from collections.abc import Generator, Sequence

    from convlens.engine.runtime.predict import Predictor
    from convlens.engine.runtime.results import BatchProgress

__all__ = ["ClassScore", "EvaluationReport", "FileVerdict", "evaluate_folder", "match_folders"]

_WNID = re.compile(r"n\d{8}")


def _normal(name: str) -> str:
    return re.sub(r"[\s_\-]+", " ", name.strip().lower())


def _imagenet_wnids() -> dict[str, int]:
    """WordNet id -> ImageNet class index, from a Keras-style class index shipped with the app, if any."""
    from convlens.engine.core.resources import resources_dir

    index = resources_dir() / "labels" / "imagenet_class_index.json"
    if not index.is_file():
        return {}
    return {str(v[0]): int(k) for k, v in json.loads(index.read_text(encoding="utf-8")).items()}


def match_folders(folders: Sequence[str], labels: Sequence[str],
                  mapping: dict[str, str | int] | None = None) -> tuple[dict[str, int], list[tuple[str, str]]]:
    """Which class of the model each folder holds; and the folders that name none (with why)."""
    by_name: dict[str, int] = {}
    for i, label in enumerate(labels):
        by_name.setdefault(_normal(label), i)
    wnids = _imagenet_wnids() if len(labels) == 1000 and any(_WNID.fullmatch(f) for f in folders) else {}
    found: dict[str, int] = {}
    skipped: list[tuple[str, str]] = []
    for folder in folders:
        target = (mapping or {}).get(folder, folder)
        if isinstance(target, int) or (isinstance(target, str) and target.isdigit()):
            index = int(target)
            if 0 <= index < len(labels):
                found[folder] = index
            else:
                skipped.append((folder, f"class number {index} is not one of the model's 0-{len(labels) - 1}"))
            continue
        named = by_name.get(_normal(str(target)))
        if named is None and str(target) in wnids:
            named = wnids[str(target)]
        if named is None:
            skipped.append((folder, "names no class of the model"))
        else:
            found[folder] = named
    return found, skipped


def evaluate_folder(predictor: Predictor, root: str | Path, topk: int = 5, mapping_file: str | Path | None = None,
                    batch_size: int = 16, unknown_dirs: Sequence[str | Path] = (),
                    ) -> Generator[BatchProgress, None, EvaluationReport]:
    """Classify every image under ``root``'s class subfolders, yielding per batch; returns the report.

    Images of no class (``root/_unknown`` and ``unknown_dirs``) are classified too and kept apart (``outside``):
    with the wrong answers they are what the "unknown" threshold must refuse (``engine.models.openset``)."""
    root = Path(root)
    if not root.is_dir():
        raise ConvLensError("{root}: not a folder. Give a folder of class subfolders (one per class).", root=root)
    mapping = None
    if mapping_file:
        try:
            mapping = json.loads(Path(mapping_file).read_text(encoding="utf-8"))
        except (OSError, ValueError) as exc:
            raise ConvLensError(
                "{mapping_file}: cannot read the folder-to-class mapping ({exc}).",
                mapping_file=mapping_file, exc=exc,
            ) from None
        if not isinstance(mapping, dict):
            raise ConvLensError(
                "{mapping_file}: the mapping must be a JSON object: folder name -> class.",
                mapping_file=mapping_file,
            )
    folders = sorted(d.name for d in root.iterdir()
                     if d.is_dir() and not d.name.startswith(".") and d.name != UNKNOWN_FOLDER)
    if not folders:
        raise ConvLensError(
            "{root} has no class subfolders: put the images of each class in a folder named after it "
            "(e.g. Samoyed/, tabby/).",
            root=root,
        )
    labels = predictor.labels
    found, skipped = match_folders(folders, labels, mapping)
    if not found:
        examples = ", ".join(labels[:3])
        raise ConvLensError(
            "None of the folders in {root} ({value}) names a class of the model (e.g. {examples}); "
            "rename them or give a mapping file.",
            root=root, value=', '.join(folders[:5]), examples=examples,
        )
    files: list[tuple[str, int]] = []
    for folder, index in found.items():
        files += [(str(p), index) for p in sorted((root / folder).rglob("*")) if p.is_file() and is_image_path(p)]
    if not files:
        raise ConvLensError("No image files in the class folders of {root}.", root=root)
    extras = [Path(d) for d in unknown_dirs]
    if (root / UNKNOWN_FOLDER).is_dir():
        extras.insert(0, root / UNKNOWN_FOLDER)
    seen = {f for f, _ in files}
    for extra in extras:
        if not extra.is_dir():
            raise ConvLensError("{folder}: not a folder of images of no class.", folder=extra)
        files += [(str(p), -1) for p in iter_image_paths([str(extra)]) if str(p) not in seen]
    truth = dict(files)
    topk = max(1, min(topk, len(labels)))
    report = EvaluationReport(tuple(labels), tuple(dict.fromkeys(found.values())), [], topk, skipped)
    for step in predictor.classify_files([f for f, _ in files], topk, batch_size):
        for result in step.results:
            if result.error:
                report.unreadable.append((result.source, result.error))
            elif truth[result.source] < 0:
                top = result.predictions[0]
                report.outside.append((result.source, top.index, top.probability))
            else:
                report.verdicts.append(FileVerdict(result.source, truth[result.source],
                                                   tuple(p.index for p in result.predictions),
                                                   tuple(p.probability for p in result.predictions)))
        yield step
    return report
