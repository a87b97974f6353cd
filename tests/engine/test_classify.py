"""The real MobileNetV2 ImageNet weights on real photos, via the engine and the CLI."""

from __future__ import annotations

from pathlib import Path

import pytest

from convlens.engine.data.images import load_image
from convlens.engine.runtime.predict import Predictor
from convlens.engine.weights.load import load_weights
from tests.conftest import CONFIDENT_PHOTOS


@pytest.fixture(scope="module")
def predictor(mobilenet_file: Path) -> Predictor:
    return Predictor(load_weights("mobilenet_v2", str(mobilenet_file)), "cpu")


def test_engine_classifies_confident_photos(predictor: Predictor, photos: Path) -> None:
    names = sorted(CONFIDENT_PHOTOS)
    results = predictor.predict([load_image(photos / n) for n in names], topk=5)
    for name, preds in zip(names, results, strict=True):
        assert preds[0].label == CONFIDENT_PHOTOS[name], (name, preds[:2])
        assert len(preds) == 5
        probs = [p.probability for p in preds]
        assert probs == sorted(probs, reverse=True)
    samoyed = results[names.index("dog_samoyed.jpg")][0]
    assert samoyed.index == 258 and samoyed.probability == pytest.approx(0.81, abs=0.05)


def test_batched_and_single_predictions_agree(predictor: Predictor, photos: Path) -> None:
    images = [load_image(photos / n) for n in ("dog_samoyed.jpg", "metal_car-2.jpg", "fish.png")]
    batched = predictor.predict(images, topk=3)
    single = [predictor.predict([img], topk=3)[0] for img in images]
    for a, b in zip(batched, single, strict=True):
        assert [p.index for p in a] == [p.index for p in b]
        assert a[0].probability == pytest.approx(b[0].probability, abs=1e-4)


def test_classify_files_reports_bad_files_and_keeps_going(predictor: Predictor, photos: Path, tmp_path: Path) -> None:
    bad = tmp_path / "broken.jpg"
    bad.write_text("not a picture")
    paths = [photos / "dog_samoyed.jpg", bad, photos / "metal_animal-3.jpg"]
    steps = list(predictor.classify_files(paths, topk=2, batch_size=2))
    assert [s.done for s in steps] == [2, 3]
    results = [r for s in steps for r in s.results]
    assert [r.top1.label if r.top1 else None for r in results] == ["Samoyed", None, "lion"]
    assert "broken.jpg" in results[1].error


def test_a_photo_gets_the_same_probabilities_alone_and_in_a_folder(mobilenet_file: Path, photos: Path) -> None:
    """One decode and preprocessing path: the Images tab (one image) and folder results (batches of 16, decoded
    in threads) give the same numbers, and they are a plain PIL + torchvision script's to within 2e-3."""
    import torch
    from PIL import Image
    from torchvision import transforms

    from convlens.engine.app.requests import WeightsRequest
    from convlens.engine.app.session import EngineSession
    from convlens.engine.core.steps import run_to_end

    session = EngineSession("cpu")
    run_to_end(session.load(WeightsRequest("mobilenet_v2", "file", str(mobilenet_file))))
    files = sorted(str(p) for p in photos.iterdir())
    folder = {r.source: r for step in session.classify_files(files, 5) for r in step.results}
    script = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(),
                                 transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    model = session.pytorch_model.model
    for path in files:
        alone = session.classify_image(session.open_image(path), path, 5)
        assert [p.index for p in alone.predictions] == [p.index for p in folder[path].predictions], path
        for a, b in zip(alone.predictions, folder[path].predictions, strict=True):
            assert abs(a.probability - b.probability) <= 1e-5, (path, a, b)
        with torch.inference_mode():
            own = model(script(Image.open(path).convert("RGB"))[None]).softmax(1)[0]
        assert abs(float(own[alone.predictions[0].index]) - alone.predictions[0].probability) <= 2e-3, path
