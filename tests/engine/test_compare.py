"""Side by side: the same photos through several models, one at a time, each with its own preprocessing."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from convlens.engine.core.choices import MAX_MODELS
from convlens.engine.core.errors import ConvLensError
from convlens.engine.core.steps import run_to_end
from convlens.engine.evaluation.compare import compare, parse_model
from convlens.engine.weights.load import load_weights


def test_parse_model() -> None:
    assert parse_model("resnet18:pretrained") == ("resnet18", "pretrained")
    assert parse_model("resnet18") == ("resnet18", "pretrained")
    assert parse_model("mobilenet_v2:/w/m.pth") == ("mobilenet_v2", "/w/m.pth")
    assert parse_model("C:\\models\\rps.pth") == (None, "C:\\models\\rps.pth")  # a path, not an architecture
    assert parse_model("rps.pth") == (None, "rps.pth")
    with pytest.raises(ConvLensError, match="Unknown architecture 'resnet' in 'resnet:pretrained'"):
        parse_model("resnet:pretrained")


def test_three_models_on_real_photos(photos: Path, mobilenet_file: Path) -> None:
    images = [photos / "dog_samoyed.jpg", photos / "metal_animal-3.jpg", photos / "kitten_224.png"]
    models = [f"mobilenet_v2:{mobilenet_file}", "lenet5:random", "resnet18:random"]
    result = run_to_end(compare(images, models, topk=2, repeats=2))
    assert [c.spec for c in result.columns] == models
    mobilenet, lenet, resnet = result.columns
    # each model's own numbers: parameters counted on the model, its own preprocessing (LeNet: 1x28x28 grey)
    assert mobilenet.params == 3_504_872 and lenet.params == sum(
        p.numel() for p in load_weights("lenet5", "random").model.parameters()) and resnet.params == 11_689_512
    assert [p[0].label for p in mobilenet.predictions] == ["Samoyed", "lion", "tabby"]
    expected = load_weights("mobilenet_v2", str(mobilenet_file))
    from convlens.engine.data.images import load_image
    from convlens.engine.runtime.predict import Predictor

    alone = Predictor(expected, "cpu").predict([load_image(images[0])], 2)[0]
    assert [(p.label, round(p.probability, 5)) for p in mobilenet.predictions[0]] == \
        [(p.label, round(p.probability, 5)) for p in alone]  # the same answer as the model on its own
    assert all(len(p) == 2 for c in result.columns for p in c.predictions)
    assert all(c.latency_ms > 0 for c in result.columns)
    assert 0.0 <= result.agreement() <= 1.0


def test_bad_comparisons_are_messages(photos: Path) -> None:
    image = [photos / "fish.png"]
    with pytest.raises(ConvLensError, match=f"Compare 2 to {MAX_MODELS} models"):
        run_to_end(compare(image, ["lenet5:random"]))
    with pytest.raises(ConvLensError, match="Give at least one image"):
        run_to_end(compare([], ["lenet5:random", "alexnet:random"]))


def test_inspect_gives_each_model_its_cam_and_the_feature_maps_at_the_same_depth(photos: Path,
                                                                              mobilenet_file: Path) -> None:
    models = [f"mobilenet_v2:{mobilenet_file}", "resnet18:random"]
    start = run_to_end(compare([photos / "dog_samoyed.jpg"], models, inspect=True, stage=0.0, side=200))
    end = run_to_end(compare([photos / "dog_samoyed.jpg"], models, inspect=True, stage=1.0, side=200))
    mobilenet, resnet = start.columns
    assert (mobilenet.cam_layer, resnet.cam_layer) == ("features", "layer4")  # each model's own last conv block
    assert (mobilenet.stage_layer, resnet.stage_layer) == ("features.0.0", "conv1")  # the first convolution run
    assert (end.columns[0].stage_layer, end.columns[1].stage_layer) == ("features.18.0", "layer4.1.conv2")
    cam = mobilenet.cams[0]
    assert cam.dtype == np.uint8 and max(cam.shape[:2]) == 200 and cam.shape[2] == 3
    # the layer the Images tab's CAM uses for that model
    from convlens.engine.app.requests import WeightsRequest
    from convlens.engine.app.session import EngineSession

    session = EngineSession("cpu")
    run_to_end(session.load(WeightsRequest("mobilenet_v2", "file", str(mobilenet_file))))
    session.classify_image(session.open_image(str(photos / "dog_samoyed.jpg")), "dog", 1, inspect=True)
    assert session.cam().layer == "features"
    assert mobilenet.stage_maps[0].ndim == 3 and mobilenet.stage_maps[0].shape[2] == 3


def test_compare_task_on_a_folder_and_on_a_frame(photos: Path, mobilenet_file: Path, tmp_path: Path) -> None:
    """The app's compare job: a folder's images (unreadable ones named, a cap stated) or an RGB live frame."""
    import shutil

    from PIL import Image

    from convlens.engine.app import tasks
    from convlens.engine.app.session import EngineSession

    folder = tmp_path / "few"
    folder.mkdir()
    for name in ("dog_samoyed.jpg", "kitten_224.png", "fish.png"):
        shutil.copy(photos / name, folder / name)
    (folder / "a_broken.jpg").write_bytes(b"\xff\xd8 not really")
    session = EngineSession("cpu")
    models = [f"mobilenet_v2:{mobilenet_file}", "lenet5:random"]
    result = run_to_end(tasks.compare_models(session, [], models, 3, 0.5, str(folder), 2))
    assert [Path(p).name for p in result.images] == ["dog_samoyed.jpg"]  # the first 2 files; the broken one left out
    assert [str(n) for n in result.notes] == ["Compared the first 2 of the 4 images of the folder.",
                                              "Left out 1 unreadable files: a_broken.jpg."]
    # a large photo is held at COMPARE_SIDE on its short side: the answer is the one for the full photo
    big = tmp_path / "big"
    big.mkdir()
    Image.open(photos / "dog_samoyed.jpg").convert("RGB").resize((1600, 1200)).save(big / "samoyed_big.jpg")
    held = run_to_end(tasks.compare_models(session, [], models, 3, 0.5, str(big)))
    full = run_to_end(compare([big / "samoyed_big.jpg"], models[:1] + models[1:], 3))
    assert held.columns[0].predictions[0][0].label == full.columns[0].predictions[0][0].label == "Samoyed"
    assert abs(held.columns[0].predictions[0][0].probability - full.columns[0].predictions[0][0].probability) < 0.05
    frame = np.asarray(Image.open(photos / "kitten_224.png").convert("RGB"))
    live = run_to_end(tasks.compare_models(session, [frame], models, 3, 0.5, names=["live frame 7"]))
    assert live.images == ("live frame 7",) and live.columns[0].predictions[0][0].label == "tabby"
    with pytest.raises(ConvLensError, match="is not a folder"):
        run_to_end(tasks.compare_models(session, [], models, 3, 0.5, str(tmp_path / "missing")))
    (tmp_path / "empty").mkdir()
    with pytest.raises(ConvLensError, match="No image files found"):
        run_to_end(tasks.compare_models(session, [], models, 3, 0.5, str(tmp_path / "empty")))


def test_class_cams_show_each_class_and_leave_the_current_image(photos: Path, mobilenet_file: Path) -> None:
    """A mistake's two maps: the class answered and the true class, each the CAM of that class (not the top-1)."""
    from convlens.engine.app.requests import WeightsRequest
    from convlens.engine.app.session import EngineSession
    from convlens.engine.inspect.activations import class_activation_map

    session = EngineSession("cpu")
    run_to_end(session.load(WeightsRequest("mobilenet_v2", "file", str(mobilenet_file))))
    session.classify_image(session.open_image(str(photos / "kitten_224.png")), "kitten", 1)
    dog = str(photos / "dog_samoyed.jpg")
    said, truth = session.class_cams(dog, ["Samoyed", "tabby"], side=200)
    assert said.shape == truth.shape and max(said.shape[:2]) == 200 and said.dtype == np.uint8
    assert session.current_key == "kitten"  # the Images tab's image and CAM stay
    predictor = session.torch_predictor
    x = predictor.prepare([session.open_image(dog)])
    labels = list(predictor.labels)
    maps = [class_activation_map(predictor.model, x, "features", labels.index(c))[0] for c in ("Samoyed", "tabby")]
    assert np.abs(maps[0] - maps[1]).max() > 0.1  # two classes, two different maps
    assert np.abs(said.astype(int) - truth.astype(int)).mean() > 2  # and the pictures show the difference
    with pytest.raises(ConvLensError, match="has no class 'zebra crossing'"):
        session.class_cams(dog, ["zebra crossing"])
