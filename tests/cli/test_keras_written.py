"""The ``convlens`` command's side of keras written (the engine's is in tests/engine/test_keras_written.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from convlens.engine.weights.load import load_file


@pytest.mark.slow
def test_seed_003_recipe_runs_from_the_cli_on_a_keras_notop_file(keras_reference, photos: Path,
                                                                  tmp_path: Path) -> None:
    """Seed 003: Inception v3 cut at mixed7, 150x150, dense 1024, RMSprop 1e-4, from a Keras no-top file."""
    from PIL import Image, ImageOps

    from convlens.cli import main

    folder, _ = keras_reference
    data = tmp_path / "data"
    classes = {"cats": ["kitten_224.png", "kitten_seg.jpg", "metal_kitten_small.jpg", "kitten_winml.png"],
               "cars": ["metal_car-1.jpg", "metal_car-2.jpg", "metal_car-3.jpg", "metal_animal-2.jpg"]}
    for name, files in classes.items():
        (data / name).mkdir(parents=True)
        for f in files:
            image = Image.open(photos / f).convert("RGB")
            image.save(data / name / f"{Path(f).stem}.jpg")
            ImageOps.mirror(image).save(data / name / f"{Path(f).stem}_flip.jpg")
    out = tmp_path / "seed3.pth"
    rc = main(["finetune", str(data), "--arch", "inception_v3", "--weights", str(folder / "inception_v3_notop.h5"),
               "--cut", "mixed7", "--input-size", "150", "--hidden", "1024", "--optimizer", "rmsprop",
               "--lr", "1e-4", "--epochs", "2", "--out", str(out)])
    assert rc == 0 and out.is_file()
    tuned = load_file(out, None)
    assert tuned.labels == ("cars", "cats") and tuned.preprocess.crop == 150
    assert tuned.build_options.get("keras") is True  # Keras' pooling survives the checkpoint
    x = torch.zeros(1, 3, 150, 150)
    with torch.no_grad():
        assert tuple(tuned.model(x).shape) == (1, 2)
