"""See the whole data set: every image's penultimate features, projected to 2-D; moving files between classes.

The features are what the model's last layer sees (the input of its classifier, averaged over space where that is
a convolution). Projection (``method``):

- ``pca``: principal components (a linear map: distances between clusters mean something, fast, deterministic);
- ``tsne``: t-SNE (scikit-learn), which keeps neighbours together: clusters separate more clearly, but distances
  between clusters and their sizes mean little;
- ``umap``: UMAP (umap-learn), neighbours like t-SNE and more of the global layout, faster on large sets;
- ``auto``: UMAP where installed, else t-SNE where scikit-learn is installed and there are at most
  ``TSNE_MAX`` images, else PCA; the reason is part of the result.

Relabelling moves files between class folders, never deletes: a ``Move`` records every rename so it can be undone,
and a name already taken in the target folder gets a numbered suffix.
"""

from __future__ import annotations

import importlib.util
import os
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np
import torch

from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.data.datasets import scan_class_folders, scan_unknown
from convlens.engine.data.images import load_image
from convlens.engine.inspect.hooks import watch
from convlens.engine.models.heads import find_classifier

if TYPE_CHECKING:
    from collections.abc import Generator, Sequence

    from convlens.engine.runtime.predict import Predictor

__all__ = ["METHODS", "TSNE_MAX", "EmbedProgress", "Embedding", "FolderFeatures", "Move", "embed_folder", "folder_features",
           "move_files", "project", "undo_move"]

METHODS = ("auto", "pca", "tsne", "umap")
TSNE_MAX = 5000  # t-SNE's cost grows with n log n and its memory with n; beyond this PCA is the honest default


@dataclass(frozen=True)
class EmbedProgress:
    done: int
    total: int


@dataclass
class Embedding:
    """One point per readable image: where it lands, its folder's class and the model's answer."""

    points: np.ndarray  # (n, 2)
    sources: list[str]
    folder_class: list[int]  # index into ``classes``; -1 for the _unknown folder
    predicted: list[int]  # index into ``labels`` (the model's classes)
    probability: list[float]
    classes: tuple[str, ...]  # the data folder's classes
    labels: tuple[str, ...]  # the model's classes
    method: str  # what was used: pca | tsne | umap
    reason: str  # why that method
    features: int  # the feature size before projection
    explained: tuple[float, float] | None = None  # PCA: the share of variance of each axis
    skipped: tuple[tuple[str, str], ...] = ()

    def correct(self) -> list[bool | None]:
        """Whether the model's answer names the folder's class (None where the folder is no class of the model)."""
        index = {name: i for i, name in enumerate(self.labels)}
        out: list[bool | None] = []
        for folder, predicted in zip(self.folder_class, self.predicted, strict=True):
            want = index.get(self.classes[folder]) if folder >= 0 else None
            out.append(None if want is None else want == predicted)
        return out


def _features_hook(predictor: Predictor):
    model = predictor.model
    if not isinstance(model, torch.nn.Module) or predictor.loaded.scripted:
        raise ConvLensError("The data map needs the PyTorch model (its features): load the architecture with a "
                            "weights file, not an exported model.")
    return find_classifier(model)


def embed_folder(predictor: Predictor, root: str | Path, method: str = "auto", batch_size: int = 32,
                 seed: int = 0) -> Generator[EmbedProgress, None, Embedding]:
    """Features of every image under ``root``'s class subfolders (and ``_unknown``), then their 2-D projection."""
    if method not in METHODS:
        raise ConvLensError("Unknown projection '{method}': use {value}.", method=method, value=", ".join(METHODS))
    root = Path(root)
    classes, files = scan_class_folders(root)
    files = [(p, i) for p, i in files] + [(p, -1) for p in scan_unknown(root)]
    if len(files) < 3:
        raise ConvLensError("{root} has {n} images in class subfolders: the data map needs at least 3.",
                            root=root, n=len(files))
    found = yield from folder_features(predictor, files, batch_size)
    if len(found.sources) < 3:
        raise ConvLensError("Fewer than 3 readable images in {root}.", root=root)
    matrix = found.matrix
    points, used, reason, explained = project(matrix, method, seed)
    return Embedding(points, found.sources, found.labels, found.predicted, found.probability, tuple(classes),
                     predictor.labels, used, reason, matrix.shape[1], explained, found.skipped)


@dataclass
class FolderFeatures:
    """What the model's last layer sees for each readable image (its classifier's input, averaged over space)."""

    matrix: np.ndarray  # (n, d) float32
    sources: list[str]
    labels: list[int]  # the folder's class of each (-1: the _unknown folder)
    predicted: list[int]  # the model's own top-1
    probability: list[float]
    skipped: tuple[tuple[str, str], ...]  # (file, why) for the unreadable
    hashes: list[int]  # difference hash of each image (``hashes=True``), else empty


def folder_features(predictor: Predictor, files: Sequence[tuple[Path, int]], batch_size: int = 32,
                    hashes: bool = False) -> Generator[EmbedProgress, None, FolderFeatures]:
    """One forward pass per batch over ``files`` ((path, label) pairs), keeping the classifier's input."""
    from convlens.engine.evaluation.health import dhash

    name, head = _features_hook(predictor)
    kept: list[torch.Tensor] = []

    def keep(_key: str, args: tuple) -> None:
        x = args[0].detach().float()
        kept.append(x.mean(dim=(2, 3)) if x.dim() == 4 else x.flatten(1))

    found = FolderFeatures(np.zeros((0, 0), np.float32), [], [], [], [], (), [])
    features: list[np.ndarray] = []
    skipped: list[tuple[str, str]] = []
    for start in range(0, len(files), batch_size):
        chunk = files[start : start + batch_size]
        tensors = []
        for path, label in chunk:
            try:
                picture = load_image(path)
                tensors.append(predictor.preprocess(picture))
            except ConvLensError as exc:
                skipped.append((str(path), exc.text))
                continue
            found.sources.append(str(path))
            found.labels.append(label)
            if hashes:
                found.hashes.append(dhash(picture))
        if tensors:
            kept.clear()
            with watch([(name, head)], keep, pre=True):
                answers = predictor.predict_tensor(torch.stack(tensors), 1)
            features.append(torch.cat(kept).cpu().numpy())
            found.predicted.extend(a[0].index for a in answers)
            found.probability.extend(a[0].probability for a in answers)
        yield EmbedProgress(min(start + batch_size, len(files)), len(files))
    found.matrix = np.concatenate(features) if features else np.zeros((0, 0), np.float32)
    found.skipped = tuple(skipped)
    return found


def _installed(module: str) -> bool:
    return importlib.util.find_spec(module) is not None


def project(features: np.ndarray, method: str = "auto", seed: int = 0,
            ) -> tuple[np.ndarray, str, str, tuple[float, float] | None]:
    """(n, d) -> (n, 2): the points, the method used, why, and (PCA) each axis' share of the variance."""
    n = len(features)
    if method == "auto":
        if _installed("umap"):
            method, reason = "umap", Text("UMAP (installed): keeps neighbours together and more of the global layout")
        elif _installed("sklearn") and n <= TSNE_MAX:
            method, reason = "tsne", Text(
                "t-SNE (scikit-learn is installed, {n} images): keeps neighbours together, so clusters separate; "
                "distances between clusters mean little. UMAP is not installed", n=n)
        else:
            method, reason = "pca", Text(
                "PCA: linear and fast; t-SNE needs scikit-learn and at most {max} images, UMAP needs umap-learn",
                max=TSNE_MAX)
    else:
        reason = Text("{method}, as asked", method=method.upper() if method != "tsne" else "t-SNE")
    x = features.astype(np.float64)
    x = x - x.mean(0)
    if method == "pca":
        _, s, vt = np.linalg.svd(x, full_matrices=False)
        points = x @ vt[:2].T
        total = float((s**2).sum()) or 1.0
        share = (s[:2] ** 2 / total).tolist() + [0.0, 0.0]
        if points.shape[1] < 2:
            points = np.pad(points, ((0, 0), (0, 2 - points.shape[1])))
        return points.astype(np.float32), "pca", reason, (share[0], share[1])
    if method == "tsne":
        if not _installed("sklearn"):
            raise ConvLensError("t-SNE needs scikit-learn (pip install scikit-learn); PCA works without it.")
        from sklearn.manifold import TSNE

        perplexity = float(min(30, max(2, (n - 1) // 3)))
        points = TSNE(2, perplexity=perplexity, init="pca", random_state=seed).fit_transform(x)
        return points.astype(np.float32), "tsne", reason, None
    if not _installed("umap"):
        raise ConvLensError("UMAP needs umap-learn (pip install umap-learn); PCA works without it.")
    import umap

    points = umap.UMAP(n_components=2, n_neighbors=min(15, n - 1), random_state=seed).fit_transform(x)
    return np.asarray(points, np.float32), "umap", reason, None


# ------------------------------------------------------------------ relabelling: move, never delete, undo
@dataclass(frozen=True)
class Move:
    """Files moved: (from, to) pairs, in order. ``undo_move`` puts them back."""

    pairs: tuple[tuple[str, str], ...]
    target: str


def _free_name(folder: Path, name: str) -> Path:
    target = folder / name
    stem, suffix = Path(name).stem, Path(name).suffix
    n = 1
    while target.exists():
        target = folder / f"{stem} ({n}){suffix}"
        n += 1
    return target


def move_files(paths: Sequence[str | Path], root: str | Path, class_name: str) -> Move:
    """Move ``paths`` into ``root/class_name`` (created if new; ``_unknown`` is allowed). Never overwrites."""
    root = Path(root)
    name = class_name.strip()
    if not name or name in (".", "..") or "/" in name or "\\" in name or name.startswith("."):
        raise ConvLensError("'{name}' cannot be a class folder name.", name=class_name)
    folder = root / name
    folder.mkdir(parents=True, exist_ok=True)
    pairs: list[tuple[str, str]] = []
    try:
        for raw in paths:
            src = Path(raw)
            if src.parent.resolve() == folder.resolve():
                continue  # already there
            if not src.is_file():
                raise ConvLensError("{path} is no longer there: nothing was moved for it.", path=src)
            dst = _free_name(folder, src.name)
            os.replace(src, dst)  # a rename within the data folder: atomic, nothing copied or deleted
            pairs.append((str(src), str(dst)))
    except (OSError, ConvLensError) as exc:
        undo_move(Move(tuple(pairs), str(folder)))  # all or nothing
        if isinstance(exc, ConvLensError):
            raise
        raise ConvLensError("Could not move the files to {folder} ({exc}); none were moved.",
                            folder=folder, exc=exc) from None
    return Move(tuple(pairs), str(folder))


def undo_move(move: Move) -> int:
    """Put moved files back where they were (a name taken since gets a numbered suffix). Returns how many."""
    back = 0
    for src, dst in reversed(move.pairs):
        origin = Path(src)
        if not Path(dst).is_file():
            continue
        origin.parent.mkdir(parents=True, exist_ok=True)
        os.replace(dst, origin if not origin.exists() else _free_name(origin.parent, origin.name))
        back += 1
    return back

