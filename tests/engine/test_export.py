"""Export, parity, ONNX Runtime, ONNX files made elsewhere."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
import torch

from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.images import load_image
from convlens.engine.models.heads import HeadLayout
from convlens.engine.models.loaded import LoadedModel
from convlens.engine.runtime.export import export
from convlens.engine.runtime.predict import Predictor
from convlens.engine.runtime.runtimes import convert
from convlens.engine.weights.checkpoints import save_checkpoint
from convlens.engine.weights.load import load_weights
from convlens.engine.weights.onnx import load_onnx


@pytest.fixture(scope="module")
def mobilenet(mobilenet_file: Path) -> LoadedModel:
    return load_weights("mobilenet_v2", str(mobilenet_file))


@pytest.fixture(scope="module")
def all_photos(photos: Path) -> list:
    return [load_image(p) for p in sorted(photos.iterdir())]


def _compare(a: LoadedModel, b: LoadedModel, images: list) -> None:
    pa, pb = Predictor(a, "cpu").predict(images, 5), Predictor(b, "cpu").predict(images, 5)
    for ra, rb in zip(pa, pb, strict=True):
        assert ra[0].index == rb[0].index
        for x, y in zip(ra, rb, strict=True):
            assert x.probability == pytest.approx(y.probability, abs=1e-3)


def test_onnx_export_of_the_shared_mobilenet_agrees_on_every_photo(mobilenet: LoadedModel, all_photos: list,
                                                                   tmp_path: Path) -> None:
    out = tmp_path / "mnv2.onnx"
    report = export(mobilenet, out, "onnx", all_photos)
    assert report.ok and report.images == 15 and report.top1_agree == 15 and report.max_abs_diff < 1e-4
    stored = json.loads(Path(f"{out}.parity.json").read_text())
    assert stored["ok"] and stored["top1_agree"] == 15
    import onnx

    proto = onnx.load(str(out))
    assert proto.opset_import[0].version >= 17
    assert proto.graph.input[0].type.tensor_type.shape.dim[0].dim_param == "batch"  # dynamic batch axis
    back = load_onnx(out)  # preprocessing and class names from the file itself
    assert back.runtime == "onnxruntime" and back.labels == mobilenet.labels
    assert back.preprocess == mobilenet.preprocess
    _compare(mobilenet, back, all_photos)


def test_fine_tuned_checkpoint_exports_too(mobilenet: LoadedModel, photos: Path, tmp_path: Path) -> None:
    from convlens.engine.models.heads import replace_head

    torch.manual_seed(0)
    model = load_weights("mobilenet_v2", "random").model
    model.load_state_dict(mobilenet.model.state_dict())
    replace_head(model, 3, 64, 0.2)
    tuned = LoadedModel(model.eval(), ("cat", "car", "fish"), mobilenet.preprocess, mobilenet.arch, "tuned",
                        head_layout=HeadLayout("replace", 64, 0.2))
    ckpt = save_checkpoint(tmp_path / "tuned.pth", tuned)
    reloaded = load_weights(None, str(ckpt))
    images = [load_image(p) for p in sorted(photos.iterdir())]
    report = export(reloaded, tmp_path / "tuned.onnx", "onnx", images)
    assert report.ok, report.summary()
    onnx_model = load_onnx(tmp_path / "tuned.onnx")
    assert onnx_model.labels == ("cat", "car", "fish")
    _compare(reloaded, onnx_model, images)


def test_torchscript_export_reloads_and_agrees(mobilenet: LoadedModel, all_photos: list, tmp_path: Path) -> None:
    out = tmp_path / "mnv2.pt"
    report = export(mobilenet, out, "torchscript", all_photos[:6])
    assert report.ok and report.max_abs_diff < 1e-5
    back = load_weights(None, str(out))
    assert back.scripted and back.labels == mobilenet.labels and back.preprocess == mobilenet.preprocess
    _compare(mobilenet, back, all_photos[:6])


def test_shared_squeezenet_onnx_with_presets(shared_data: Path, photos: Path) -> None:
    path = shared_data / "models" / "squeezenet1_1_fp16.onnx"
    with pytest.raises(ConvLensError, match="does not say how its images are preprocessed"):
        load_onnx(path)
    caffe = Predictor(load_onnx(path, "caffe"), "cpu")
    assert caffe.predict([load_image(photos / "kitten_224.png")])[0][0].label == "tabby"
    # As Windows ML feeds it (the file's own sample app): BGR 0-255, whole image.
    raw = Predictor(load_onnx(path, "bgr255"), "cpu")
    tops = raw.predict([load_image(photos / n) for n in ("kitten_224.png", "fish.png")])
    assert [t[0].label for t in tops] == ["tabby", "tench"]
    assert sum(p.probability for p in raw.predict([load_image(photos / "fish.png")], 1000)[0]) == pytest.approx(
        1.0, abs=1e-3)  # the file's own softmax output, not a softmax of it


def test_corrupt_and_non_classifier_onnx_files(tmp_path: Path) -> None:
    bad = tmp_path / "broken.onnx"
    bad.write_bytes(b"\x08\x07garbage" * 50)
    with pytest.raises(ConvLensError, match="broken.onnx: cannot be loaded"):
        load_onnx(bad, "imagenet")
    import onnx
    from onnx import TensorProto, helper

    graph = helper.make_graph([helper.make_node("Add", ["a", "b"], ["c"])], "adder",
                              [helper.make_tensor_value_info("a", TensorProto.FLOAT, [3]),
                               helper.make_tensor_value_info("b", TensorProto.FLOAT, [3])],
                              [helper.make_tensor_value_info("c", TensorProto.FLOAT, [3])])
    adder = tmp_path / "adder.onnx"
    onnx.save(helper.make_model(graph, opset_imports=[helper.make_opsetid("", 17)]), str(adder))
    with pytest.raises(ConvLensError, match="adder.onnx: not an image classifier"):
        load_onnx(adder, "imagenet")


def test_onnxruntime_backend_and_inspection_message(mobilenet: LoadedModel, photos: Path) -> None:
    from convlens.engine.app.session import EngineSession

    ort_model = convert(mobilenet, "onnxruntime")
    session = EngineSession("cpu")
    session.install(ort_model)
    result = session.classify_image(load_image(photos / "metal_animal-3.jpg"), "lion", 3, inspect=True)
    assert result.predictions[0].label == "lion"
    with pytest.raises(ConvLensError, match="ONNX Runtime, which cannot be\\s+looked inside"):
        session.cam()
    with pytest.raises(ConvLensError, match="ONNX"):
        session.layer_features("features")


