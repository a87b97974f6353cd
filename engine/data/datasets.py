"""Training data: ImageFolder-style trees of class subfolders, and MNIST idx files.

A small data set (up to ``STREAM_ABOVE`` images) is decoded once up front and checked (unreadable files are
listed and skipped); decoded images (uint8 arrays, longest side <= ``max_side``) are kept in memory up to
``MEMORY_BUDGET`` bytes, so it never touches the disk again. A larger one is streamed: only its file list is
read up front, each image is decoded when a batch needs it (in loader worker processes, ``engine.training.loader``),
and an unreadable file is skipped when it is met. Memory is flat in the number of images either way.
"""

from __future__ import annotations

import gzip
import random
import struct
from collections.abc import Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING

import numpy as np

from convlens.engine.core.choices import UNKNOWN_FOLDER
from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.data.images import is_image_path, load_image

if TYPE_CHECKING:
    from collections.abc import Iterator

#: The largest class this many times the smallest (training images) is an imbalance worth fixing (the diagnosis
#: after training and the health check before it use the same figure).
IMBALANCE_RATIO = 1.5
#: Fewer training images than this in a class is too few to learn it reliably.
FEW_IMAGES = 30

MIN_PER_CLASS = 4
#: Decoded training images kept in memory (bytes); the rest are decoded again when needed.
MEMORY_BUDGET = 1 << 30
#: More images than this are streamed from disk rather than decoded and checked up front.
STREAM_ABOVE = 500


class StoredImages(Sequence):
    """Decoded images of files: those within the memory budget kept, the others decoded on access."""

    def __init__(self, paths: Sequence[Path], max_side: int, kept: dict[int, np.ndarray] | None = None) -> None:
        self.paths = list(paths)
        self.max_side = max_side
        self.kept = kept if kept is not None else {}

    def __len__(self) -> int:
        return len(self.paths)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return self.subset(range(len(self))[i])
        i = int(i)
        found = self.kept.get(i)
        return found if found is not None else decode_for_training(self.paths[i], self.max_side)

    def __iter__(self) -> Iterator[np.ndarray]:
        return (self[i] for i in range(len(self)))

    def subset(self, idx: Sequence[int]) -> StoredImages:
        idx = list(idx)
        return StoredImages([self.paths[i] for i in idx], self.max_side,
                            {n: self.kept[i] for n, i in enumerate(idx) if i in self.kept})

    @property
    def kept_bytes(self) -> int:
        return sum(a.nbytes for a in self.kept.values())


def decode_for_training(path: Path, max_side: int) -> np.ndarray:
    image = load_image(path).convert("RGB")
    if max(image.size) > max_side:
        image.thumbnail((max_side, max_side))
    return np.asarray(image)
MNIST_FILES = ("t10k-images-idx3-ubyte", "t10k-labels-idx1-ubyte")


@dataclass
class Split:
    """Images (uint8 arrays, H x W x C) with integer labels and where each came from."""

    images: Sequence[np.ndarray]  # a list, or StoredImages (decoded on access past the memory budget)
    labels: list[int]
    sources: list[str]

    def __len__(self) -> int:
        return len(self.labels)


@dataclass
class Dataset:
    classes: tuple[str, ...]
    train: Split
    val: Split
    skipped: list[tuple[str, str]] = field(default_factory=list)  # (file, reason)
    channels: int = 3
    unknown: Split | None = None  # images of no class (the ``_unknown`` folder): held out to tune "unknown"
    streamed: bool = False  # decoded batch by batch during training, not up front

    def describe(self) -> str:
        per = np.bincount(np.asarray(self.train.labels + self.val.labels), minlength=len(self.classes))
        counts = ", ".join(f"{c}: {n}" for c, n in zip(self.classes, per, strict=True))
        if self.skipped:
            text = Text(
                "{n} classes ({counts}); {n2} train / {n3} val images; {n4} unreadable files skipped",
                n=len(self.classes), counts=counts, n2=len(self.train), n3=len(self.val), n4=len(self.skipped),
            )
        else:
            text = Text(
                "{n} classes ({counts}); {n2} train / {n3} val images",
                n=len(self.classes), counts=counts, n2=len(self.train), n3=len(self.val),
            )
        if self.unknown is not None:
            text = Text("{text}; {n} images of no class ({folder}) held out for the unknown threshold",
                        text=text, n=len(self.unknown), folder=UNKNOWN_FOLDER)
        if self.streamed:
            text = Text("{text}; streamed from disk (decoded as training needs them)", text=text)
        return text


def scan_class_folders(root: Path) -> tuple[list[str], list[tuple[Path, int]]]:
    """The class subfolders of ``root`` (sorted) and every image file under them with its class index."""
    if not root.is_dir():
        raise ConvLensError("Data folder {root} not found.", root=root)
    classes = sorted(d.name for d in root.iterdir()
                     if d.is_dir() and not d.name.startswith(".") and d.name != UNKNOWN_FOLDER)
    _refuse_looping_links(root, classes)
    files = [
        (p, i)
        for i, c in enumerate(classes)
        for p in sorted((root / c).rglob("*"))
        if p.is_file() and is_image_path(p)
    ]
    return classes, files


def _refuse_looping_links(root: Path, classes: list[str]) -> None:
    """A class folder that is a link to the data folder itself (``loop -> .``), one of its parents, or another class
    folder would silently make a class of copies of the others' images: refused, naming it."""
    top = root.resolve()
    real = {c: (root / c).resolve() for c in classes}
    for name in classes:
        target = real[name]
        if not (root / name).is_symlink():
            continue
        if target == top or target in top.parents or top in target.parents and target != top / name:
            raise ConvLensError("Class folder {name} in {root} is a link to {target}: its images would be copies of "
                                "other classes' images. Remove the link (or copy the images in).",
                                name=name, root=root, target=target)
        twin = next((c for c, r in real.items() if c != name and r == target), None)
        if twin is not None:
            raise ConvLensError("Class folder {name} in {root} is a link to the class folder {twin}: the same "
                                "images under two names. Remove the link.", name=name, root=root, twin=twin)


def scan_unknown(root: Path) -> list[Path]:
    """The images in ``root/_unknown``: examples of none of the classes, never trained on (``engine.models.openset``)."""
    folder = root / UNKNOWN_FOLDER
    return sorted(p for p in folder.rglob("*") if p.is_file() and is_image_path(p)) if folder.is_dir() else []


def _decode(files: Sequence[tuple[Path, int]], max_side: int, skipped: list[tuple[str, str]],
            budget: int | None = None) -> Split:
    """Check every file by decoding it; keep the decoded images while they fit in ``budget`` bytes."""
    budget = MEMORY_BUDGET if budget is None else budget
    paths: list[Path] = []
    labels: list[int] = []
    kept: dict[int, np.ndarray] = {}
    used = 0
    for path, label in files:
        try:
            array = decode_for_training(path, max_side)
        except ConvLensError as exc:
            skipped.append((str(path), str(exc)))
            continue
        if used + array.nbytes <= budget:
            kept[len(paths)] = array
            used += array.nbytes
        paths.append(path)
        labels.append(label)
    return Split(StoredImages(paths, max_side, kept), labels, [str(p) for p in paths])


def _check(classes: Sequence[str], labels: Sequence[int], where: Path, minimum: int) -> None:
    if len(classes) < 2:
        raise ConvLensError(
            "{where} needs at least 2 class subfolders with images (found {n}): one folder per "
            "class, e.g. rock/, paper/, scissors/.",
            where=where, n=len(classes),
        )
    counts = np.bincount(np.asarray(labels, dtype=np.int64), minlength=len(classes))
    few = [f"{c} ({n})" for c, n in zip(classes, counts, strict=True) if n < minimum]
    if few:
        raise ConvLensError(
            "Too few readable images in {where}: {value}; each class needs at least {minimum}.",
            where=where, value=', '.join(few), minimum=minimum,
        )


def stratified_split(labels: Sequence[int], val_fraction: float, seed: int) -> tuple[list[int], list[int]]:
    """Indices for train and validation, the same fraction of every class, reproducible by ``seed``."""
    rng = random.Random(seed)
    train, val = [], []
    by_class: dict[int, list[int]] = {}
    for i, y in enumerate(labels):
        by_class.setdefault(y, []).append(i)
    for _, idx in sorted(by_class.items()):
        rng.shuffle(idx)
        n_val = max(1, round(len(idx) * val_fraction)) if len(idx) > 1 and val_fraction > 0 else 0
        val += idx[:n_val]
        train += idx[n_val:]
    return sorted(train), sorted(val)


def _subset(split: Split, idx: Sequence[int]) -> Split:
    images = split.images.subset(idx) if isinstance(split.images, StoredImages) else [split.images[i] for i in idx]
    return Split(images, [split.labels[i] for i in idx], [split.sources[i] for i in idx])


def _listed(files: Sequence[tuple[Path, int]], max_side: int) -> Split:
    """A streamed split: the files and their labels, nothing decoded."""
    return Split(StoredImages([p for p, _ in files], max_side), [y for _, y in files], [str(p) for p, _ in files])


def load_image_folder(root: str | Path, val_root: str | Path | None = None, val_fraction: float = 0.2,
                      seed: int = 0, max_side: int = 512, minimum: int = MIN_PER_CLASS,
                      stream: bool | None = None) -> Dataset:
    """A folder of class subfolders (and optionally a separate validation folder with the same classes).

    ``stream``: decode images only when training needs them (None: when there are more than ``STREAM_ABOVE``)."""
    root = Path(root)
    classes, files = scan_class_folders(root)
    skipped: list[tuple[str, str]] = []
    if stream is None:
        stream = len(files) > STREAM_ABOVE
    read = (lambda found, side, _skipped: _listed(found, side)) if stream else _decode
    everything = read(files, max_side, skipped)
    _check(classes, everything.labels, root, minimum)
    if val_root is not None:
        val_classes, val_files = scan_class_folders(Path(val_root))
        if val_classes != classes:
            raise ConvLensError(
                "Validation folder {val_root} has classes {val_classes}, training has {classes}.",
                val_root=val_root, val_classes=val_classes, classes=classes,
            )
        val = read(val_files, max_side, skipped)
        return Dataset(tuple(classes), everything, val, skipped,
                       unknown=_unknown_split(root, val_root, max_side, skipped, stream), streamed=stream)
    train_idx, val_idx = stratified_split(everything.labels, val_fraction, seed)
    return Dataset(tuple(classes), _subset(everything, train_idx), _subset(everything, val_idx), skipped,
                   unknown=_unknown_split(root, None, max_side, skipped, stream), streamed=stream)


def _unknown_split(root: Path, val_root: str | Path | None, max_side: int, skipped: list[tuple[str, str]],
                   stream: bool = False) -> Split | None:
    paths = scan_unknown(root) + (scan_unknown(Path(val_root)) if val_root is not None else [])
    if not paths:
        return None
    return _listed([(p, -1) for p in paths], max_side) if stream else _decode([(p, -1) for p in paths], max_side,
                                                                                skipped)


# ----------------------------------------------------------------- MNIST


def _open_idx(folder: Path, name: str) -> bytes:
    for candidate in (folder / name, folder / f"{name}.gz"):
        if candidate.is_file():
            raw = candidate.read_bytes()
            try:
                return gzip.decompress(raw) if candidate.suffix == ".gz" else raw
            except (OSError, EOFError) as exc:
                raise ConvLensError("{name}: damaged gzip file ({exc}).", name=candidate.name, exc=exc) from None
    raise ConvLensError("{folder} has no {name}(.gz).", folder=folder, name=name)


def read_idx(data: bytes, name: str = "idx file") -> np.ndarray:
    """Parse an idx file (MNIST's format): magic, dimension sizes, unsigned bytes."""
    if len(data) < 4 or data[:2] != b"\x00\x00" or data[2] != 0x08:
        raise ConvLensError("{name}: not an idx file of unsigned bytes.", name=name)
    ndim = data[3]
    dims = struct.unpack(f">{ndim}I", data[4 : 4 + 4 * ndim])
    body = np.frombuffer(data, dtype=np.uint8, offset=4 + 4 * ndim)
    if body.size != int(np.prod(dims)):
        raise ConvLensError(
            "{name}: holds {size} values, its header promises {value}.",
            name=name, size=body.size, value=int(np.prod(dims)),
        )
    return body.reshape(dims)


def is_mnist_folder(path: str | Path) -> bool:
    folder = Path(path)
    return folder.is_dir() and any((folder / f).is_file() or (folder / f"{f}.gz").is_file() for f in MNIST_FILES[:1])


def load_mnist(folder: str | Path, train_count: int = 8000, seed: int = 0) -> Dataset:
    """MNIST's test set (the training images are not needed): ``train_count`` to train on, the rest to validate."""
    folder = Path(folder)
    images = read_idx(_open_idx(folder, MNIST_FILES[0]), MNIST_FILES[0])
    labels = read_idx(_open_idx(folder, MNIST_FILES[1]), MNIST_FILES[1])
    if images.ndim != 3 or labels.ndim != 1 or len(images) != len(labels):
        raise ConvLensError("{folder}: the images and labels files do not match.", folder=folder)
    order = np.random.default_rng(seed).permutation(len(labels))
    train_count = min(train_count, len(labels) - 1)
    pick = [(order[:train_count]), (order[train_count:])]
    splits = [
        Split([images[i][:, :, None] for i in idx], [int(labels[i]) for i in idx], [f"mnist:{i}" for i in idx])
        for idx in pick
    ]
    return Dataset(tuple(str(d) for d in range(10)), splits[0], splits[1], channels=1)
