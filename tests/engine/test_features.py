"""Feature maps, Grad-CAM / LayerCAM and kernels, with real weights and photos."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image

from convlens.engine.app.session import EngineSession
from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.images import load_image
from convlens.engine.inspect.activations import capture, class_activation_map, first_conv_kernels, resolve_class
from convlens.engine.weights.load import load_random, load_weights


@pytest.fixture(scope="module")
def mobilenet_session(mobilenet_file: Path) -> EngineSession:
    session = EngineSession("cpu")
    session.install(load_weights("mobilenet_v2", str(mobilenet_file)))
    return session


@pytest.mark.parametrize("arch", ["resnet18", "vgg16"])
def test_feature_map_shapes_equal_summary_shapes_for_every_layer(arch: str, photos: Path) -> None:
    from convlens.engine.models.registry import get_arch

    session = EngineSession("cpu")
    torch.manual_seed(0)
    session.install(load_random(get_arch(arch)))
    session.classify_image(load_image(photos / "dog_samoyed.jpg"), "dog", 5, inspect=True)
    summary = session.summary()
    checked = 0
    for layer in summary.layers:
        if layer.output_shape is None or len(layer.output_shape) != 3:
            continue
        assert session.layer_features(layer.name).shape == layer.output_shape, layer.name
        checked += 1
    assert checked > 20


def test_capturing_does_not_change_the_prediction_and_leaves_no_hooks(mobilenet_session: EngineSession,
                                                                       photos: Path) -> None:
    image = load_image(photos / "metal_animal-1.jpg")
    plain = mobilenet_session.classify_image(image, "tiger", 5)
    inspected = mobilenet_session.classify_image(image, "tiger", 5, inspect=True)
    assert [p.index for p in plain.predictions] == [p.index for p in inspected.predictions]
    assert plain.predictions[0].probability == pytest.approx(inspected.predictions[0].probability, abs=1e-6)
    model = mobilenet_session.predictor.model
    assert all(not m._forward_hooks and not m._forward_pre_hooks for m in model.modules())
    fm = mobilenet_session.layer_features("features.0.0")
    assert fm.shape == (32, 112, 112)
    assert list(fm.mean[fm.order]) == sorted(fm.mean, reverse=True)
    assert fm.max.shape == (32,)


def test_vgg_conv_output_is_kept_before_the_in_place_relu(photos: Path) -> None:
    from convlens.engine.models.registry import get_arch

    torch.manual_seed(0)
    loaded = load_random(get_arch("vgg16"))
    x = loaded.preprocess(load_image(photos / "fish.png"))[None]
    with capture(loaded.model, ["features.0", "features.1"]) as store, torch.inference_mode():
        loaded.model(x)
    assert store["features.0"].min() < 0  # raw conv output, not overwritten by ReLU(inplace=True)
    assert torch.equal(store["features.1"], store["features.0"].clamp(min=0))


def _quadrant_canvas(photos: Path, quadrant: int) -> Image.Image:
    dog = load_image(photos / "dog_samoyed.jpg")
    dog.thumbnail((224, 224))
    canvas = Image.new("RGB", (448, 448), (128, 128, 128))
    qx, qy = (quadrant % 2) * 224, (quadrant // 2) * 224
    canvas.paste(dog, (qx + (224 - dog.width) // 2, qy + (224 - dog.height) // 2))
    return canvas


@pytest.mark.parametrize("method", ["gradcam", "layercam"])
@pytest.mark.parametrize("quadrant", [0, 1, 2, 3])
def test_pointing_game_samoyed_in_each_quadrant(mobilenet_session: EngineSession, photos: Path,
                                                quadrant: int, method: str) -> None:
    canvas = _quadrant_canvas(photos, quadrant)
    mobilenet_session.classify_image(canvas, f"canvas{quadrant}", 5)
    samoyed = resolve_class(mobilenet_session.predictor.labels, "Samoyed")
    result = mobilenet_session.cam(None, samoyed, method)
    assert result.heatmap.shape == (448, 448)
    assert 0.0 <= result.heatmap.min() and result.heatmap.max() == pytest.approx(1.0)
    py, px = np.unravel_index(int(result.heatmap.argmax()), result.heatmap.shape)
    assert (px // 224) + 2 * (py // 224) == quadrant, (method, px, py)


def test_cam_default_layer_and_class_errors(mobilenet_session: EngineSession, photos: Path) -> None:
    mobilenet_session.classify_image(load_image(photos / "metal_animal-3.jpg"), "lion", 5)
    result = mobilenet_session.cam()
    assert result.layer == "features" and result.label == "lion"
    with pytest.raises(ConvLensError, match="classifier.1.*needs a convolutional layer"):
        mobilenet_session.cam("classifier.1")
    with pytest.raises(ConvLensError, match="No layer 'featurs'.*features"):
        mobilenet_session.cam("featurs")
    with pytest.raises(ConvLensError, match="Class 5000 does not exist"):
        resolve_class(mobilenet_session.predictor.labels, "5000")


def test_cam_works_on_a_frozen_backbone(mobilenet_file: Path, photos: Path) -> None:
    loaded = load_weights("mobilenet_v2", str(mobilenet_file))
    for p in loaded.model.parameters():
        p.requires_grad_(False)
    x = loaded.preprocess(load_image(photos / "metal_animal-3.jpg"))[None]
    cam, index, _ = class_activation_map(loaded.model, x, "features.17")
    assert loaded.labels[index] == "lion" and cam.max() == pytest.approx(1.0)


def _reference_cam(model: torch.nn.Module, x: torch.Tensor, layer: torch.nn.Module, index: int,
                   method: str) -> np.ndarray:
    """pytorch-grad-cam's procedure (``ActivationsAndGradients`` + ``GradCAM`` / ``LayerCAM``): a forward hook
    keeps the layer's output and a tensor hook its gradient; ``backward`` of the class score through the whole
    model; weights = the gradients' spatial mean (LayerCAM: ReLU(grad) elementwise); ReLU of the weighted sum."""
    kept: dict[str, torch.Tensor] = {}

    def hook(_m: torch.nn.Module, _i: object, out: torch.Tensor) -> None:
        kept["a"] = out.detach().clone()
        out.register_hook(lambda g: kept.__setitem__("g", g.detach().clone()))

    handle = layer.register_forward_hook(hook)
    try:
        model.zero_grad()
        with torch.enable_grad():
            model(x.detach().clone().requires_grad_(True))[0, index].backward()
    finally:
        handle.remove()
    a, g = kept["a"][0].numpy(), kept["g"][0].numpy()
    cam = (g.mean(axis=(1, 2))[:, None, None] * a) if method == "gradcam" else (np.maximum(g, 0) * a)
    cam = np.maximum(cam.sum(axis=0), 0)
    return cam / cam.max()


@pytest.mark.parametrize("method", ["gradcam", "layercam"])
@pytest.mark.parametrize("layer", ["features.18", "features.14", "features.7.conv.1"])
def test_cam_equals_the_reference_procedure_with_a_full_backward(mobilenet_file: Path, photos: Path, layer: str,
                                                                 method: str) -> None:
    """Our CAM records the graph only after the layer (live CAM costs about one forward pass); the gradient and
    the map must be the ones a backward through the whole model gives, for the top class and another one."""
    loaded = load_weights("mobilenet_v2", str(mobilenet_file))
    model = loaded.model.eval()
    x = loaded.preprocess(load_image(photos / "dog_samoyed.jpg"))[None]
    for wanted in (None, 281):  # top-1, then "tabby cat"
        cam, index, logits = class_activation_map(model, x, layer, wanted, method)
        assert all(p.grad is None for p in model.parameters())  # a CAM leaves the model's gradients alone
        with torch.no_grad():
            plain = model(x)
        assert torch.allclose(logits, plain, atol=1e-5)
        reference = _reference_cam(model, x, dict(model.named_modules())[layer], index, method)
        assert cam.shape == reference.shape
        np.testing.assert_allclose(cam, reference, atol=1e-4)
        model.zero_grad(set_to_none=True)


def test_first_conv_kernels() -> None:
    from convlens.engine.models.registry import get_arch

    name, tiles = first_conv_kernels(get_arch("alexnet").build())
    assert name == "features.0" and tiles.shape == (64, 11, 11, 3)
    assert 0.0 <= tiles.min() and tiles.max() <= 1.0
    _, tiles = first_conv_kernels(get_arch("lenet5").build())
    assert tiles.shape == (6, 5, 5, 3)


def test_torchscript_says_it_cannot_be_inspected(shared_data: Path, photos: Path) -> None:
    session = EngineSession("cpu")
    session.install(load_weights(None, str(shared_data / "models" / "mobilenet_v2_quantized_torchscript.pt")))
    session.classify_image(load_image(photos / "metal_animal-3.jpg"), "lion", 5, inspect=True)
    for call in (lambda: session.layer_features("features"), lambda: session.cam(), session.kernels):
        with pytest.raises(ConvLensError, match="TorchScript"):
            call()


def test_recorder_reuses_buffers_but_feature_maps_keep_their_values(mobilenet_session: EngineSession,
                                                                    photos: Path) -> None:
    from convlens.engine.inspect.activations import ActivationRecorder, feature_maps

    loaded = mobilenet_session.predictor.loaded
    recorder = ActivationRecorder()
    xs = [loaded.preprocess(load_image(photos / n))[None] for n in ("fish.png", "metal_car-2.jpg")]
    with recorder.record(loaded.model, ["features.3"]) as first, torch.inference_mode():
        loaded.model(xs[0])
    kept = feature_maps("features.3", first["features.3"])
    snapshot = kept.maps.copy()
    with recorder.record(loaded.model, ["features.3"]) as second, torch.inference_mode():
        loaded.model(xs[1])
    assert second["features.3"].data_ptr() == first["features.3"].data_ptr()  # buffer reused
    assert np.array_equal(kept.maps, snapshot)  # earlier maps unaffected
    assert not np.allclose(feature_maps("features.3", second["features.3"]).maps, snapshot)


def test_switching_layers_reuses_the_last_forward_pass(mobilenet_session: EngineSession, photos: Path) -> None:
    model = mobilenet_session.predictor.model
    calls = []
    handle = model.register_forward_pre_hook(lambda *_: calls.append(1))
    try:
        image = load_image(photos / "kitten_224.png")
        result = mobilenet_session.classify_image(image, "kitten", 5, inspect=True)
        assert result.predictions[0].label == "tabby"
        for layer in ("features.1", "features.7", "features.18", "features"):
            mobilenet_session.layer_features(layer)
        assert len(calls) == 1
        mobilenet_session.classify_image(load_image(photos / "fish.png"), "fish", 5)  # a new image
        mobilenet_session.layer_features("features.1")
        assert len(calls) == 3  # its prediction + one capture pass; then reused again
        mobilenet_session.layer_features("features.2")
        assert len(calls) == 3
    finally:
        handle.remove()


def test_a_live_cam_costs_one_forward_pass(photos: Path) -> None:
    """Live CAM asks for the CAM (and a layer's maps) every frame: one forward pass of the model each time, the
    default CAM layer worked out once per model (it once cost an extra forward per frame: 13.8 vs 8.9 fps)."""
    from convlens.engine.models.registry import get_arch

    session = EngineSession("cpu")
    session.install(load_random(get_arch("resnet18")))
    frame = np.asarray(load_image(photos / "dog_samoyed.jpg").convert("RGB"))
    session.classify_image(frame, "live frame 1", 3)
    session.cam(record=("layer3",))  # the first asks where the last conv block is
    calls = []
    handle = session.torch_predictor.model.register_forward_hook(lambda *_: calls.append(1))
    try:
        for _ in range(3):
            found = session.cam(record=("layer3",))
    finally:
        handle.remove()
    assert len(calls) == 3 and found.layer == "layer4"
    session.install(load_random(get_arch("vgg16")))  # a new model: its own layer, not the cached one
    session.classify_image(frame, "live frame 2", 3)
    assert session.cam().layer == "features"
