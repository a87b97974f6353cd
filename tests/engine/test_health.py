"""The health check of a training folder, on real photos with planted problems; the hash against ImageHash."""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pytest
from PIL import Image

from convlens.cli import main as cli_main
from convlens.engine.core.steps import run_to_end
from convlens.engine.evaluation.health import check_folder, dhash


@pytest.fixture()
def planted(photos: Path, tmp_path: Path) -> tuple[Path, Path]:
    """dogs/: the Samoyed, an exact copy, a resized copy, a tiny image, a broken file; cats/: two kittens and the
    Samoyed again (filed under the wrong class); val/cats: a copy of a training kitten."""
    root, val = tmp_path / "train", tmp_path / "val"
    dogs, cats = root / "dogs", root / "cats"
    for d in (dogs, cats, val / "dogs", val / "cats"):
        d.mkdir(parents=True)
    shutil.copy(photos / "dog_samoyed.jpg", dogs / "samoyed.jpg")
    shutil.copy(photos / "dog_samoyed.jpg", dogs / "samoyed copy.jpg")
    with Image.open(photos / "dog_samoyed.jpg") as im:
        im.resize((im.width // 3, im.height // 3)).save(dogs / "samoyed small.png")
    Image.new("RGB", (20, 16), (200, 30, 30)).save(dogs / "tiny.png")
    (dogs / "broken.jpg").write_text("not a jpeg")
    shutil.copy(photos / "kitten_224.png", cats / "kitten.png")
    shutil.copy(photos / "metal_kitten_small.jpg", cats / "kitten2.jpg")
    shutil.copy(photos / "dog_samoyed.jpg", cats / "not a cat.jpg")
    shutil.copy(photos / "kitten_224.png", val / "cats" / "kitten again.png")
    shutil.copy(photos / "fish.png", val / "dogs" / "fish.png")
    return root, val


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


def test_clean_folder_and_cli(photos: Path, tmp_path: Path, planted: tuple[Path, Path],
                              capsys: pytest.CaptureFixture[str]) -> None:
    clean = tmp_path / "clean"
    for name, files in (("a", ["fish.png", "kitten_224.png"]), ("b", ["metal_car-1.jpg", "metal_animal-1.jpg"])):
        (clean / name).mkdir(parents=True)
        for f in files:
            shutil.copy(photos / f, clean / name / f)
    report = run_to_end(check_folder(clean))
    assert [i.kind for i in report.issues] == ["few_images"]
    assert cli_main(["check", str(planted[0]), "--val-dir", str(planted[1])]) == 0
    out = capsys.readouterr().out
    assert "1 group of identical files (1 extra copy): delete the copies" in out
    assert "1 picture in both the training and the validation folder" in out
    assert cli_main(["check", str(planted[0]), "--json"]) == 0
    data = json.loads(capsys.readouterr().out)
    assert data["classes"] == {"cats": 3, "dogs": 4} and {"unreadable", "tiny", "duplicates"} <= {
        i["kind"] for i in data["issues"]}
    assert cli_main(["check", str(tmp_path / "missing")]) == 1
