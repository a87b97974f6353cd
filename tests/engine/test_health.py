"""The health check of a training folder, on real photos with planted problems; the hash against ImageHash."""

from __future__ import annotations

from pathlib import Path

import pytest
from PIL import Image

from convlens.engine.core.steps import run_to_end
from convlens.engine.evaluation.health import check_folder, dhash


def test_difference_hash_is_imagehash_s(photos: Path) -> None:
    imagehash = pytest.importorskip("imagehash", reason="ImageHash is the reference (a dev dependency)")
    for path in sorted(photos.iterdir())[:8]:
        with Image.open(path) as im:
            assert dhash(im) == int(str(imagehash.dhash(im)), 16), path.name


def test_every_planted_problem_is_found(planted: tuple[Path, Path]) -> None:
    root, val = planted
    report = run_to_end(check_folder(root, val))
    assert report.classes == ("cats", "dogs") and report.counts == (3, 4) and report.files == 10
    names = {i.kind: [[Path(p).name for p in g] for g in i.groups] for i in report.issues}
    assert names["unreadable"] == [["broken.jpg"]]
    assert names["tiny"] == [["tiny.png"]]
    assert sorted(names["duplicates"][0]) == ["samoyed copy.jpg", "samoyed.jpg"]
    assert ["samoyed small.png"] in [[n for n in pair if n == "samoyed small.png"] for pair in names["near_duplicates"]]
    assert any("not a cat.jpg" in group for group in names["label_conflict"])
    assert any(sorted(group) == ["kitten again.png", "kitten.png"] for group in names["cross_split"])
    few = report.issue("few_images")
    assert few is not None and few.values["classes"] == "cats (3), dogs (4)"
    assert report.issue("imbalance") is None  # 4 vs 3 is not 1.5x


