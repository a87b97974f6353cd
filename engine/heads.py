"""Finding a model's classifier head, whatever it looks like."""

from __future__ import annotations

from torch import nn


def find_classifier(model: nn.Module) -> tuple[str, nn.Module]:
    """The last Linear or Conv2d of the model: its output is the class scores.

    Covers ``fc`` (ResNet, GoogLeNet, Inception), ``classifier[-1]`` (VGG,
    AlexNet, MobileNet, EfficientNet), SqueezeNet's 1x1 conv classifier and
    LeNet-5's last layer. Auxiliary heads are skipped.
    """
    found: tuple[str, nn.Module] | None = None
    for name, module in model.named_modules():
        if name.split(".")[0].lower().startswith("aux"):
            continue
        if isinstance(module, (nn.Linear, nn.Conv2d)):
            found = (name, module)
    if found is None:
        raise ValueError(f"{type(model).__name__} has no Linear or Conv2d layer")
    return found


def num_outputs(module: nn.Module) -> int:
    if isinstance(module, nn.Linear):
        return module.out_features
    if isinstance(module, nn.Conv2d):
        return module.out_channels
    raise TypeError(type(module).__name__)
