"""`convlens evaluate` against a plain torchvision script and scikit-learn's classification report."""

from __future__ import annotations

import csv
import json
import shutil
from pathlib import Path

import numpy as np
import pytest
import torch

from convlens.cli import main

LAYOUT = {  # folder -> shared photos (folder names: a class name, spaces, a WordNet id, and one that is no class)
    "Samoyed": ["dog_samoyed.jpg", "helloworld_android_a.jpg"],
    "tabby": ["kitten_224.png", "kitten_seg.jpg", "kitten_winml.png", "metal_kitten_small.jpg"],
    "tiger": ["metal_animal-1.jpg"],
    "sports car": ["metal_car-1.jpg", "metal_car-2.jpg", "metal_car-3.jpg"],
    "n02129165": ["metal_animal-3.jpg"],  # lion
    "holiday snaps": ["fish.png"],
}


@pytest.fixture()
def folder(tmp_path: Path, photos: Path) -> Path:
    root = tmp_path / "eval"
    for name, files in LAYOUT.items():
        (root / name).mkdir(parents=True)
        for f in files:
            shutil.copy(photos / f, root / name / f)
    return root


def torchvision_reference(root: Path, weights: Path) -> tuple[float, float, dict[str, int], dict[str, int]]:
    """What a practitioner's plain script computes: torchvision model + transforms, PIL images."""
    from PIL import Image
    from torchvision import models, transforms

    model = models.mobilenet_v2(weights=None)
    model.load_state_dict(torch.load(weights, weights_only=True))
    model.eval()
    tf = transforms.Compose([transforms.Resize(256), transforms.CenterCrop(224), transforms.ToTensor(),
                             transforms.Normalize([0.485, 0.456, 0.406], [0.229, 0.224, 0.225])])
    truth = {"Samoyed": 258, "tabby": 281, "tiger": 292, "sports car": 817, "n02129165": 291}
    top1 = top5 = 0
    y_true, y_pred = {}, {}
    for name, index in truth.items():
        for path in sorted((root / name).iterdir()):
            with torch.no_grad():
                logits = model(tf(Image.open(path).convert("RGB"))[None])[0]
            best = logits.topk(5).indices.tolist()
            top1 += best[0] == index
            top5 += index in best
            y_true[str(path)], y_pred[str(path)] = index, best[0]
    n = len(y_true)
    return top1 / n, top5 / n, y_true, y_pred


def test_evaluate_agrees_with_torchvision_and_scikit_learn(folder: Path, mobilenet_file: Path, tmp_path: Path,
                                                           capsys: pytest.CaptureFixture[str]) -> None:
    from sklearn.metrics import precision_recall_fscore_support

    out = tmp_path / "report.csv"
    rc = main(["evaluate", str(folder), "--arch", "mobilenet_v2", "--weights", str(mobilenet_file), "--json",
               "--out", str(out)])
    assert rc == 0
    report = json.loads(capsys.readouterr().out)
    top1, top5, y_true, y_pred = torchvision_reference(folder, mobilenet_file)
    assert report["images"] == 11
    assert report["top1_accuracy"] == pytest.approx(top1) and report["top5_accuracy"] == pytest.approx(top5)
    assert [f["folder"] for f in report["skipped_folders"]] == ["holiday snaps"]
    labels = [c["index"] for c in report["classes"]]
    files = sorted(y_true)
    p, r, f1, support = precision_recall_fscore_support([y_true[f] for f in files], [y_pred[f] for f in files],
                                                        labels=labels, zero_division=0)
    for i, c in enumerate(report["classes"]):
        assert (c["precision"], c["recall"], c["f1"], c["support"]) == pytest.approx((p[i], r[i], f1[i], support[i]))
    macro = precision_recall_fscore_support([y_true[f] for f in files], [y_pred[f] for f in files], labels=labels,
                                            average="macro", zero_division=0)
    assert report["averages"]["macro avg"]["f1"] == pytest.approx(macro[2])
    wrong = {m["file"] for m in report["misclassified"]}
    assert wrong == {f for f in files if y_true[f] != y_pred[f]}
    rows = list(csv.DictReader(out.open(encoding="utf-8")))
    assert len(rows) == 11 and {r["correct"] for r in rows} <= {"0", "1"}
    matrix = np.array(report["confusion"]["counts"])
    assert matrix.sum() == 11 and report["confusion"]["columns"][-1] == "(other)"


def test_evaluate_prints_the_report_and_takes_a_mapping(folder: Path, mobilenet_file: Path, tmp_path: Path,
                                                       capsys: pytest.CaptureFixture[str]) -> None:
    (folder / "holiday snaps").rename(folder / "fishes")
    mapping = tmp_path / "map.json"
    mapping.write_text(json.dumps({"fishes": "tench"}))
    rc = main(["evaluate", str(folder), "--arch", "mobilenet_v2", "--weights", str(mobilenet_file),
               "--map", str(mapping), "--topk", "3"])
    out = capsys.readouterr()
    assert rc == 0
    assert "on 12 images of 6 classes" in out.out and "top-3 accuracy" in out.out
    assert "precision    recall  f1-score   support" in out.out and "weighted avg" in out.out
    assert "misclassified" in out.out and "skipped folder" not in out.err


def test_evaluate_refuses_a_folder_without_class_folders(tmp_path: Path, mobilenet_file: Path,
                                                         capsys: pytest.CaptureFixture[str]) -> None:
    (tmp_path / "misc").mkdir()
    assert main(["evaluate", str(tmp_path), "--arch", "mobilenet_v2", "--weights", str(mobilenet_file)]) == 1
    assert "names a class of the model" in capsys.readouterr().err
