"""Before training: a health check of a folder of class subfolders, each finding with what to do about it.

Class counts and imbalance, too few images, unreadable files, tiny images, exact duplicates (same bytes), near
duplicates (a 64-bit difference hash within a few bits: the same scene re-saved, resized or recorded a frame
later), the same picture filed under two classes, and duplicates across the training and validation folders (which
make validation accuracy look better than it is). Memory stays flat in the number of files: each image is decoded
at a small size (JPEG draft mode) for its hash and dropped; only hashes and sizes are kept.
"""

from __future__ import annotations

import hashlib
import io
from collections import defaultdict
from dataclasses import dataclass, field
from pathlib import Path
from typing import TYPE_CHECKING, Literal

import numpy as np
from PIL import Image

from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.datasets import FEW_IMAGES, IMBALANCE_RATIO, scan_class_folders
from convlens.engine.data.images import load_image

if TYPE_CHECKING:
    from collections.abc import Generator

__all__ = ["NEAR_BITS", "TINY_SIDE", "HealthIssue", "HealthProgress", "HealthReport", "check_folder", "dhash", "near_pairs"]

IssueKind = Literal["unreadable", "tiny", "duplicates", "near_duplicates", "label_conflict", "cross_split",
                    "imbalance", "few_images"]

#: Images whose shorter side is below this are too small to learn much from (the model scales them up).
TINY_SIDE = 32
#: Two difference hashes this close (of 64 bits) are the same picture, give or take resizing and re-encoding.
NEAR_BITS = 4


@dataclass(frozen=True)
class HealthIssue:
    """One finding: its kind, the numbers, and the files (or groups of files) it is about."""

    kind: IssueKind
    values: dict[str, int | float | str] = field(default_factory=dict)
    groups: tuple[tuple[str, ...], ...] = ()  # each group: files that belong together (duplicates) or one file


@dataclass(frozen=True)
class HealthReport:
    root: str
    classes: tuple[str, ...]
    counts: tuple[int, ...]  # readable images per class (training folder)
    files: int
    issues: tuple[HealthIssue, ...]

    def issue(self, kind: IssueKind) -> HealthIssue | None:
        return next((i for i in self.issues if i.kind == kind), None)


@dataclass(frozen=True)
class HealthProgress:
    done: int
    total: int


def dhash(image: Image.Image) -> int:
    """The difference hash (Krawetz): 9x8 grey thumbnail, one bit per horizontal neighbour pair, as an int."""
    small = np.asarray(image.convert("L").resize((9, 8), Image.Resampling.LANCZOS), np.int16)
    bits = (small[:, 1:] > small[:, :-1]).flatten()
    return int(np.packbits(bits).view(">u8")[0])


@dataclass
class _Seen:
    path: str
    label: str  # class name; "val/<class>" for the validation folder
    split: str
    digest: str
    hash: int


def _scan(root: Path, split: str, seen: list[_Seen], unreadable: list[tuple[str, str]],
          tiny: list[tuple[str, int, int]], counts: dict[str, int], done: list[int], total: int,
          ) -> Generator[HealthProgress, None, list[str]]:
    classes, files = scan_class_folders(root)
    for path, index in files:
        try:
            data = path.read_bytes()
            with Image.open(io.BytesIO(data)) as header:
                width, height = header.size
            picture = load_image(data, path.name, min_side=64)  # draft-decoded small: a hash needs 9x8 pixels
        except ConvLensError as exc:
            unreadable.append((str(path), str(exc.text)))
        except OSError as exc:
            unreadable.append((str(path), f"{path.name}: {exc}"))
        else:
            counts[classes[index]] = counts.get(classes[index], 0) + 1
            if min(width, height) < TINY_SIDE:
                tiny.append((str(path), width, height))
            seen.append(_Seen(str(path), classes[index], split, hashlib.sha256(data).hexdigest(), dhash(picture)))
        done[0] += 1
        if done[0] % 32 == 0 or done[0] == total:
            yield HealthProgress(done[0], total)
    return classes


def near_pairs(hashes: np.ndarray, bits: int) -> list[tuple[int, int]]:
    """Index pairs (i < j) whose hashes differ in at most ``bits`` bits; blockwise, so memory stays small."""
    pairs: list[tuple[int, int]] = []
    table = np.array([bin(i).count("1") for i in range(256)], np.uint8)
    as_bytes = hashes.view(np.uint8).reshape(-1, 8)
    for start in range(0, len(hashes), 256):
        block = as_bytes[start : start + 256]
        distance = table[block[:, None, :] ^ as_bytes[None, :, :]].sum(axis=2, dtype=np.int32)
        for i, j in zip(*np.nonzero(distance <= bits), strict=True):
            if start + i < j:
                pairs.append((start + int(i), int(j)))
    return pairs


def _by_place(group: list[_Seen]) -> list[list[_Seen]]:
    places: dict[tuple[str, str], list[_Seen]] = defaultdict(list)
    for s in group:
        places[(s.split, s.label)].append(s)
    return list(places.values())


def check_folder(root: str | Path, val_root: str | Path | None = None, near_bits: int = NEAR_BITS,
                 ) -> Generator[HealthProgress, None, HealthReport]:
    """Check a training folder (and a separate validation folder, if given); yields progress while reading."""
    root = Path(root)
    _classes, train_files = scan_class_folders(root)
    val_files = scan_class_folders(Path(val_root))[1] if val_root else []
    total = len(train_files) + len(val_files)
    if total == 0:
        raise ConvLensError("No image files in the class folders of {root}.", root=root)
    seen: list[_Seen] = []
    unreadable: list[tuple[str, str]] = []
    tiny: list[tuple[str, int, int]] = []
    counts: dict[str, int] = {}
    done = [0]
    classes = yield from _scan(root, "train", seen, unreadable, tiny, counts, done, total)
    if val_root:
        yield from _scan(Path(val_root), "val", seen, unreadable, tiny, {}, done, total)

    issues: list[HealthIssue] = []
    if unreadable:
        issues.append(HealthIssue("unreadable", {"n": len(unreadable)}, tuple((p,) for p, _ in unreadable)))
    if tiny:
        issues.append(HealthIssue("tiny", {"n": len(tiny), "side": TINY_SIDE}, tuple((p,) for p, _, _ in tiny)))

    # exact duplicates: the same bytes
    by_digest: dict[str, list[_Seen]] = defaultdict(list)
    for s in seen:
        by_digest[s.digest].append(s)
    exact = [group for group in by_digest.values() if len(group) > 1]
    # near duplicates: close hashes, not already the same bytes
    hashes = np.array([s.hash for s in seen], dtype=np.uint64)
    near = [(seen[i], seen[j]) for i, j in near_pairs(hashes, near_bits) if seen[i].digest != seen[j].digest]

    # within one class of one folder: copies; across classes: a label conflict; across folders: a leak
    same_split = [sub for g in exact for sub in _by_place(g) if len(sub) > 1]
    if same_split:
        extra = sum(len(g) - 1 for g in same_split)
        issues.append(HealthIssue("duplicates", {"groups": len(same_split), "extra": extra},
                                  tuple(tuple(s.path for s in g) for g in same_split)))
    conflicts = [g for g in exact if len({s.label for s in g}) > 1] + [
        [a, b] for a, b in near if a.label != b.label]
    if conflicts:
        issues.append(HealthIssue("label_conflict", {"n": len(conflicts)},
                                  tuple(tuple(f"{s.path}" for s in g) for g in conflicts)))
    across = [g for g in exact if len({s.split for s in g}) > 1] + [[a, b] for a, b in near if a.split != b.split]
    if across:
        issues.append(HealthIssue("cross_split", {"n": len(across)}, tuple(tuple(s.path for s in g) for g in across)))
    near_same = [(a, b) for a, b in near if a.label == b.label and a.split == b.split]
    if near_same:
        issues.append(HealthIssue("near_duplicates", {"n": len(near_same), "bits": near_bits},
                                  tuple((a.path, b.path) for a, b in near_same)))

    class_counts = [counts.get(c, 0) for c in classes]
    present = [(c, n) for c, n in zip(classes, class_counts, strict=True) if n > 0]
    if len(present) >= 2:
        (small, small_n), (large, large_n) = min(present, key=lambda x: x[1]), max(present, key=lambda x: x[1])
        if large_n / small_n >= IMBALANCE_RATIO:
            issues.append(HealthIssue("imbalance", {"small": small, "small_n": small_n, "large": large,
                                                    "large_n": large_n, "ratio": large_n / small_n}))
    few = [(c, n) for c, n in zip(classes, class_counts, strict=True) if n < FEW_IMAGES]
    if few:
        issues.append(HealthIssue("few_images", {"classes": ", ".join(f"{c} ({n})" for c, n in few),
                                                 "minimum": FEW_IMAGES}))
    return HealthReport(str(root), tuple(classes), tuple(class_counts), total, tuple(issues))
