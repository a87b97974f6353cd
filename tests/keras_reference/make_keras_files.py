"""Write Keras application weight files with Keras itself, and Keras' own outputs for them.

Runs in the test-only environment (tensorflow-cpu + tf-keras; `.ci/run` makes it), never in the app's:

    KERAS_ENV/bin/python tests/keras_reference/make_keras_files.py OUT_DIR IMAGE...

For each of VGG16, VGG19, InceptionV3 (with and without top) and ResNet50 (with and without top) it
builds the Keras application with random weights (seeded), saves them with ``save_weights`` to
``OUT_DIR/<name>.h5`` exactly as Keras writes them, and stores in ``OUT_DIR/<name>.npz`` the model input
(already preprocessed, NHWC float32) and Keras' outputs: the probabilities (with top) or the features of
named layers (without top). Batch norm statistics are randomised too, so that a wrong epsilon, order or
padding shows. A JSON manifest lists what was written and the Keras version.
"""

from __future__ import annotations

import json
import os
import sys
from pathlib import Path

os.environ.setdefault("TF_USE_LEGACY_KERAS", "1")
os.environ.setdefault("TF_CPP_MIN_LOG_LEVEL", "2")

import numpy as np
import tf_keras as keras
from PIL import Image

MODELS = {
    # name: (constructor, size, include_top, feature layers for no-top files)
    "vgg16": ("VGG16", 224, True, ()),
    "vgg19": ("VGG19", 224, True, ()),
    "inception_v3": ("InceptionV3", 299, True, ()),
    "inception_v3_notop": ("InceptionV3", 299, False, ("mixed7", "mixed10")),
    "resnet50": ("ResNet50", 224, True, ()),
    "resnet50_notop": ("ResNet50", 224, False, ("conv4_block6_out", "conv5_block3_out")),
}


def randomise_batch_norm(model: keras.Model, rng: np.random.Generator) -> None:
    for layer in model.layers:
        if isinstance(layer, keras.layers.BatchNormalization):
            new = []
            for w, var in zip(layer.get_weights(), layer.weights, strict=True):
                name = var.name
                if "moving_variance" in name:
                    new.append(rng.uniform(0.5, 1.5, w.shape).astype(np.float32))
                elif "moving_mean" in name:
                    new.append(rng.normal(0, 0.1, w.shape).astype(np.float32))
                elif "gamma" in name:
                    new.append(rng.uniform(0.8, 1.2, w.shape).astype(np.float32))
                else:
                    new.append(rng.normal(0, 0.1, w.shape).astype(np.float32))
            layer.set_weights(new)


def preprocess(images: list[Path], name: str, size: int) -> np.ndarray:
    batch = np.stack([np.asarray(Image.open(p).convert("RGB").resize((size, size), Image.BILINEAR), np.float32)
                      for p in images])
    family = name.split("_notop")[0]
    module = {"vgg16": keras.applications.vgg16, "vgg19": keras.applications.vgg19,
              "inception_v3": keras.applications.inception_v3, "resnet50": keras.applications.resnet50}[family]
    return module.preprocess_input(batch)


def main(out: Path, images: list[Path]) -> None:
    out.mkdir(parents=True, exist_ok=True)
    manifest = {"keras": keras.__version__, "files": {}}
    for name, (ctor, size, top, feature_layers) in MODELS.items():
        keras.backend.clear_session()  # a fresh session: automatic names start at conv2d, as in a new process
        keras.utils.set_random_seed(0)
        model = getattr(keras.applications, ctor)(weights=None, include_top=top, input_shape=(size, size, 3))
        randomise_batch_norm(model, np.random.default_rng(0))
        model.save_weights(out / f"{name}.h5")
        x = preprocess(images, name, size)
        arrays = {"input": x.astype(np.float32)}
        if top:
            arrays["probabilities"] = model.predict(x, verbose=0)
        for layer in feature_layers:
            probe = keras.Model(model.input, model.get_layer(layer).output)
            arrays[f"features_{layer}"] = probe.predict(x, verbose=0)
        np.savez(out / f"{name}.npz", **arrays)
        manifest["files"][name] = {"h5": f"{name}.h5", "size": size, "top": top, "features": list(feature_layers)}
        print(f"wrote {name}.h5 ({(out / f'{name}.h5').stat().st_size / 1e6:.0f} MB)", flush=True)
    (out / "manifest.json").write_text(json.dumps(manifest, indent=2))


if __name__ == "__main__":
    main(Path(sys.argv[1]), [Path(p) for p in sys.argv[2:]])
