"""Teaching: LeNet-5 from scratch on real MNIST, fine-tuning MobileNetV2 on real digit photos."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest
import torch
from PIL import Image
from sklearn.metrics import confusion_matrix, precision_recall_fscore_support

from convlens.engine.core.errors import ConvLensError
from convlens.engine.data.datasets import load_image_folder
from convlens.engine.data.images import load_image
from convlens.engine.runtime.predict import Predictor
from convlens.engine.training.loop import EpochStats, TrainConfig, TrainProgress, fine_tune
from convlens.engine.weights.checkpoints import save_checkpoint
from convlens.engine.weights.load import load_weights


def run(gen):
    events = []
    while True:
        try:
            events.append(next(gen))
        except StopIteration as done:
            return done.value, events


def test_lenet5_from_scratch_on_mnist_reaches_97_percent(mnist) -> None:
    assert (len(mnist.train), len(mnist.val)) == (8000, 2000)
    loaded = load_weights("lenet5", "random")
    cfg = TrainConfig(epochs=6, lr=2e-3, batch_size=64, from_scratch=True, batch_norm=True, patience=3)
    result, events = run(fine_tune(loaded, mnist, cfg))
    assert result.val_accuracy >= 0.97, result.history
    assert any(isinstance(e, TrainProgress) for e in events)
    assert [e.epoch for e in events if isinstance(e, EpochStats)] == [h.epoch for h in result.history]
    assert result.validation.total == 2000 and result.validation.confusion()[0].shape == (10, 10)
    assert result.loaded.build_options == {"batch_norm": True, "dropout": 0.25}
    assert any(isinstance(m, torch.nn.BatchNorm2d) for m in result.loaded.model.modules())


def test_finetune_mobilenet_on_real_digit_photos(digit_folder: Path, mobilenet_file: Path, tmp_path: Path) -> None:
    data = load_image_folder(digit_folder, seed=0)
    assert data.classes == ("digit_0", "digit_1", "digit_7") and len(data.val) == 36
    loaded = load_weights("mobilenet_v2", str(mobilenet_file))
    before = {k: v.clone() for k, v in loaded.model.state_dict().items()}
    result, _ = run(fine_tune(loaded, data, TrainConfig(epochs=12, patience=4)))
    assert result.cached  # frozen backbone, no augmentation: features computed once
    assert result.val_accuracy >= 0.90, result.validation.classification_report()
    assert all(torch.equal(before[k], v) for k, v in loaded.model.state_dict().items())  # original untouched
    # the validation report against scikit-learn's, from the model's raw scores
    true = [v.true for v in result.validation.verdicts]
    guess = np.asarray(result.val_logits).argmax(1)
    matrix, columns = result.validation.confusion()
    assert columns == list(data.classes)  # every class of the model evaluated: no "(other)" column
    np.testing.assert_array_equal(matrix, confusion_matrix(true, guess, labels=[0, 1, 2]))
    precision, recall, f1, support = precision_recall_fscore_support(true, guess, labels=[0, 1, 2], zero_division=0)
    scores = result.validation.scores()
    np.testing.assert_allclose([s.precision for s in scores], precision)
    np.testing.assert_allclose([s.recall for s in scores], recall)
    np.testing.assert_allclose([s.f1 for s in scores], f1)
    assert [s.support for s in scores] == support.tolist()

    path = save_checkpoint(tmp_path / "digits.pth", result.loaded)
    again = load_weights(None, str(path))
    assert again.labels == data.classes and again.arch.name == "mobilenet_v2"
    assert again.head_layout.kind == "replace" and again.training is not None and again.training.best_epoch == result.best_epoch
    images = [load_image(p) for p in data.val.sources[:8]]
    a = Predictor(result.loaded, "cpu").predict(images, 3)
    b = Predictor(again, "cpu").predict(images, 3)
    for pa, pb in zip(a, b, strict=True):
        assert [p.index for p in pa] == [p.index for p in pb]
        assert pa[0].probability == pytest.approx(pb[0].probability, abs=1e-5)


def test_cancel_mid_epoch_leaves_the_previous_model(digit_folder: Path, mobilenet_file: Path, photos: Path) -> None:
    data = load_image_folder(digit_folder, seed=0)
    loaded = load_weights("mobilenet_v2", str(mobilenet_file))
    gen = fine_tune(loaded, data, TrainConfig(epochs=5, rotation=10))  # augmentation: no cache, slower
    for event in gen:
        if isinstance(event, TrainProgress) and event.phase == "train" and event.step == 2:
            break
    gen.close()  # the user pressed Cancel
    top = Predictor(loaded, "cpu").predict([load_image(photos / "dog_samoyed.jpg")])[0][0]
    assert top.label == "Samoyed" and loaded.num_classes == 1000


def test_killed_save_leaves_the_old_file(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    old = load_weights("lenet5", "random")
    target = tmp_path / "model.pth"
    save_checkpoint(target, old)
    good = target.read_bytes()

    def crash(obj: object, f: object) -> None:
        f.write(b"PK\x03\x04 half a checkpoint")  # type: ignore[attr-defined]
        raise OSError(28, "No space left on device")

    monkeypatch.setattr(torch, "save", crash)
    with pytest.raises(ConvLensError, match="Cannot write .*No space left"):
        save_checkpoint(target, load_weights("lenet5", "random"))
    assert target.read_bytes() == good
    assert [p.name for p in tmp_path.iterdir()] == ["model.pth"]  # no partial file left behind
    monkeypatch.undo()
    assert load_weights(None, str(target)).num_classes == 10


def test_bad_training_folders(tmp_path: Path, digit_folder: Path) -> None:
    one = tmp_path / "one"
    (one / "only").mkdir(parents=True)
    Image.new("RGB", (8, 8)).save(one / "only" / "a.png")
    with pytest.raises(ConvLensError, match="at least 2 class subfolders"):
        load_image_folder(one)
    few = tmp_path / "few"
    for name, n in (("cats", 6), ("dogs", 2)):
        (few / name).mkdir(parents=True)
        for i in range(n):
            Image.new("RGB", (8, 8), (i, i, i)).save(few / name / f"{i}.png")
    (few / "cats" / "broken.jpg").write_text("not an image")
    with pytest.raises(ConvLensError, match=r"Too few readable images .*dogs \(2\)"):
        load_image_folder(few)
    for i in range(2, 5):
        Image.new("RGB", (8, 8)).save(few / "dogs" / f"{i}.png")
    data = load_image_folder(few)
    assert [Path(s).name for s, _ in data.skipped] == ["broken.jpg"]
    assert len(data.train) + len(data.val) == 11


def test_mnist_reader_refuses_a_non_idx_file(tmp_path: Path) -> None:
    from convlens.engine.data.datasets import read_idx

    with pytest.raises(ConvLensError, match="not an idx file"):
        read_idx(b"hello world", "fake")
    assert read_idx(b"\x00\x00\x08\x02\x00\x00\x00\x02\x00\x00\x00\x02" + bytes(range(4))).tolist() == [[0, 1], [2, 3]]
    assert np.array_equal(read_idx(b"\x00\x00\x08\x01\x00\x00\x00\x03\x07\x08\x09"), [7, 8, 9])


def test_inception_cut_at_mixed_6e_like_seed_003(digit_folder: Path, tmp_path: Path) -> None:
    from convlens.engine.training.loop import build_student

    data = load_image_folder(digit_folder, seed=0)
    loaded = load_weights("inception_v3", "random")
    cfg = TrainConfig(epochs=1, cut_at="Mixed_6e", image_size=150)
    model, head, layout, _ = build_student(loaded, 3, cfg)
    assert layout.kind == "cut" and layout.input == (3, 150, 150)
    assert head[0].in_features == 7 * 7 * 768 and head[0].out_features == 1024  # flatten -> dense 1024
    assert not any(n.startswith("backbone.Mixed_7") for n, _ in model.named_modules())  # cut off
    result, _ = run(fine_tune(loaded, data, cfg))
    assert result.cached and result.loaded.preprocess.crop == 150
    path = save_checkpoint(tmp_path / "cut.pth", result.loaded)
    again = load_weights(None, str(path))
    x = again.preprocess(load_image(data.val.sources[0]))[None]
    with torch.inference_mode():
        assert torch.allclose(again.model(x), result.loaded.model(x), atol=1e-5)


def test_freeze_up_to_a_layer(digit_folder: Path) -> None:
    from convlens.engine.training.loop import build_student

    model, *_ = build_student(load_weights("resnet18", "random"), 3, TrainConfig(freeze_until="layer3"))
    trainable = {n.split(".")[0] for n, p in model.named_parameters() if p.requires_grad}
    assert trainable == {"layer4", "fc"}
    data = load_image_folder(digit_folder, seed=0)
    result, _ = run(fine_tune(load_weights("resnet18", "random"), data,
                              TrainConfig(epochs=1, freeze_until="layer3", batch_size=64)))
    assert not result.cached  # layer4 learns, so its output changes every step
    with pytest.raises(ConvLensError, match="No layer 'layer9'"):
        build_student(load_weights("resnet18", "random"), 3, TrainConfig(freeze_until="layer9"))


@pytest.mark.parametrize("arch", ["lenet5", "alexnet", "vgg16", "squeezenet1_1", "googlenet", "inception_v3",
                                  "resnet50", "mobilenet_v3_small", "efficientnet_b0"])
def test_every_kind_of_head_can_be_replaced_and_trained(arch: str, tmp_path: Path) -> None:
    """fc, classifier[-1], SqueezeNet's conv classifier, auxiliary heads, LeNet-5's last layer."""
    from convlens.engine.training.loop import build_student

    loaded = load_weights(arch, "random")
    model, head, layout, _ = build_student(loaded, 4, TrainConfig())
    trainable = [p for p in model.parameters() if p.requires_grad]
    assert trainable and all(any(p is q for q in head.parameters()) for p in trainable)
    pre = loaded.preprocess
    model.train()
    out = model(torch.randn(2, pre.channels, pre.crop, pre.crop))
    out = out[0] if isinstance(out, tuple) else out
    assert out.shape == (2, 4)
    torch.nn.functional.cross_entropy(out, torch.tensor([0, 3])).backward()
    assert all(p.grad is not None for p in trainable)
    # and the checkpoint of such a model loads back into the same layout, whatever the panel's choice
    model.eval()
    from convlens.engine.models.loaded import LoadedModel

    done = LoadedModel(model, ("a", "b", "c", "d"), pre, loaded.arch, "test", head_layout=layout)
    path = save_checkpoint(tmp_path / "m.pth", done)
    again = load_weights("resnet18" if arch != "resnet18" else "vgg16", str(path))
    assert again.arch.name == arch and again.labels == ("a", "b", "c", "d")


