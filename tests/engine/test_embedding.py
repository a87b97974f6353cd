"""The data map: penultimate features projected as scikit-learn's PCA projects them, correctness per point, and
relabelling that moves files (never deletes) and undoes exactly."""

from __future__ import annotations

import shutil
from pathlib import Path

import numpy as np
import pytest

from convlens.engine.core.errors import ConvLensError
from convlens.engine.core.steps import run_to_end
from convlens.engine.data.images import load_image
from convlens.engine.evaluation.embedding import embed_folder, move_files, project, undo_move
from convlens.engine.models.heads import find_classifier
from convlens.engine.runtime.predict import Predictor
from convlens.engine.weights.load import load_weights


@pytest.fixture()
def folder(photos: Path, tmp_path: Path) -> Path:
    root = tmp_path / "photos"
    for name, files in {"Samoyed": ["dog_samoyed.jpg", "helloworld_ios.jpg"],
                        "tabby": ["kitten_224.png", "kitten_seg.jpg", "metal_kitten_small.jpg"],
                        "sports car": ["metal_car-1.jpg", "metal_car-2.jpg", "metal_car-3.jpg"]}.items():
        (root / name).mkdir(parents=True)
        for f in files:
            shutil.copy(photos / f, root / name / f)
    return root


def test_pca_is_scikit_learn_s() -> None:
    decomposition = pytest.importorskip("sklearn.decomposition", reason="scikit-learn is the reference (dev)")
    x = np.random.default_rng(0).normal(size=(50, 12)) @ np.diag(np.linspace(3, 0.1, 12))
    points, method, _, explained = project(x, "pca")
    reference = decomposition.PCA(2).fit(x)
    expected = reference.transform(x)
    signs = np.sign((points * expected).sum(0))  # an axis' sign is arbitrary
    np.testing.assert_allclose(points * signs, expected, atol=1e-4)
    np.testing.assert_allclose(explained, reference.explained_variance_ratio_, rtol=1e-6)
    assert method == "pca"


def test_embedding_of_real_photos(folder: Path, mobilenet_file: Path) -> None:
    predictor = Predictor(load_weights("mobilenet_v2", str(mobilenet_file)), "cpu")
    emb = run_to_end(embed_folder(predictor, folder, "pca", batch_size=3))
    assert len(emb.sources) == 8 and emb.points.shape == (8, 2) and emb.features == 1280
    # the features are the classifier's input
    assert emb.features == find_classifier(predictor.model)[1].in_features and emb.method == "pca"
    answers = [predictor.predict([load_image(s)], 1)[0][0].index for s in emb.sources]
    assert emb.predicted == answers
    # the Android photo of a Samoyed is taken for an Eskimo dog: the one wrong point; the rest are right
    wrong = [Path(s).name for s, ok in zip(emb.sources, emb.correct(), strict=True) if ok is False]
    assert "helloworld_ios.jpg" in wrong and len(wrong) <= 2
    # cars sit together, away from the cats and dogs, on the first principal axis
    cars = [i for i, s in enumerate(emb.sources) if "metal_car" in s]
    cats = [i for i, s in enumerate(emb.sources) if "kitten" in s]
    gap = abs(emb.points[cars, 0].mean() - emb.points[cats, 0].mean())
    assert gap > 2 * max(emb.points[cars, 0].std(), emb.points[cats, 0].std())


def test_relabelling_moves_never_deletes_and_undoes(folder: Path) -> None:
    before = sorted(p.relative_to(folder) for p in folder.rglob("*") if p.is_file())
    data = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    (folder / "tabby" / "dog_samoyed.jpg").write_bytes(b"a different file with the same name")
    data[folder / "tabby" / "dog_samoyed.jpg"] = b"a different file with the same name"
    move = move_files([folder / "Samoyed" / "dog_samoyed.jpg", folder / "sports car" / "metal_car-3.jpg"],
                      folder, "tabby")
    assert (folder / "tabby" / "dog_samoyed (1).jpg").is_file()  # the name was taken: nothing overwritten
    assert (folder / "tabby" / "metal_car-3.jpg").is_file() and not (folder / "Samoyed" / "dog_samoyed.jpg").exists()
    assert sum(1 for p in folder.rglob("*") if p.is_file()) == len(before) + 1
    assert undo_move(move) == 2
    after = {p: p.read_bytes() for p in folder.rglob("*") if p.is_file()}
    assert after == data
    move = move_files([folder / "tabby" / "kitten_224.png"], folder, "_unknown")  # to "none of the classes"
    assert (folder / "_unknown" / "kitten_224.png").is_file() and undo_move(move) == 1
    with pytest.raises(ConvLensError, match="cannot be a class folder name"):
        move_files([folder / "tabby" / "kitten_seg.jpg"], folder, "../elsewhere")
    with pytest.raises(ConvLensError, match="no longer there"):
        move_files([folder / "tabby" / "kitten_seg.jpg", folder / "tabby" / "gone.jpg"], folder, "Samoyed")
    assert (folder / "tabby" / "kitten_seg.jpg").is_file()  # all or nothing


def test_too_few_images_is_a_message(tmp_path: Path, mobilenet_file: Path) -> None:
    (tmp_path / "a").mkdir()
    predictor = Predictor(load_weights("mobilenet_v2", str(mobilenet_file)), "cpu")
    with pytest.raises(ConvLensError, match="at least 3"):
        run_to_end(embed_folder(predictor, tmp_path))
