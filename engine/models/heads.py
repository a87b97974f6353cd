"""A model's classifier head: finding it, replacing it, cutting the backbone, and the layout a checkpoint records."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

from torch import nn

from convlens.engine.core.choices import HEAD_KINDS

if TYPE_CHECKING:
    from convlens.engine.core.choices import HeadKind
    from convlens.engine.models.registry import ArchSpec

__all__ = ["CutModel", "HeadLayout", "cut_model", "find_classifier", "make_head", "num_outputs", "replace_head"]


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


def make_head(in_features: int, num_classes: int, hidden: int = 0, dropout: float = 0.2) -> nn.Module:
    """A new classifier: dropout + linear, or (``hidden`` > 0) dense-ReLU-dropout + linear (seed 003)."""
    if hidden > 0:
        return nn.Sequential(nn.Linear(in_features, hidden), nn.ReLU(inplace=True), nn.Dropout(dropout),
                             nn.Linear(hidden, num_classes))
    return nn.Sequential(nn.Dropout(dropout), nn.Linear(in_features, num_classes))


def replace_head(model: nn.Module, num_classes: int, hidden: int = 0, dropout: float = 0.2) -> str:
    """Put a new head for ``num_classes`` where the old classifier was; returns its module name.

    A Linear classifier gets ``make_head``; a 1x1-conv classifier (SqueezeNet) a new 1x1 conv.
    Auxiliary heads (GoogLeNet, Inception v3) are dropped: they only matter for training from scratch.
    """
    for aux in ("aux1", "aux2", "AuxLogits"):
        if getattr(model, aux, None) is not None:
            setattr(model, aux, None)
    if hasattr(model, "aux_logits"):
        setattr(model, "aux_logits", False)  # noqa: B010 - a plain attribute of torchvision's GoogLeNet / Inception
    name, old = find_classifier(model)
    if isinstance(old, nn.Linear):
        new: nn.Module = make_head(old.in_features, num_classes, hidden, dropout)
    else:
        assert isinstance(old, nn.Conv2d)
        new = nn.Conv2d(old.in_channels, num_classes, kernel_size=1)
    model.set_submodule(name, new)
    return name


class CutModel(nn.Module):
    """A backbone cut after ``layer`` with a new head on that layer's (flattened) output.

    Seed 003's transfer learning: Inception v3 at 150x150 cut at Keras' ``mixed7``
    (torchvision's ``Mixed_6e``, 7x7x768) -> flatten -> dense 1024 -> dropout -> output.
    The layers after the cut are not kept.
    """

    def __init__(self, model: nn.Module, layer: str, num_classes: int, input_shape: tuple[int, int, int],
                 hidden: int = 1024, dropout: float = 0.2) -> None:
        super().__init__()
        import torch
        from torchvision.models.feature_extraction import create_feature_extractor

        self.layer = layer
        was_training = model.training
        model.eval()
        self.backbone = create_feature_extractor(model, return_nodes={layer: "features"})
        with torch.no_grad():
            sample = self.backbone(torch.zeros(1, *input_shape))["features"]
        model.train(was_training)
        self.flatten = nn.Flatten()
        self.head = make_head(int(sample[0].numel()), num_classes, hidden, dropout)

    def forward(self, x):
        return self.head(self.flatten(self.backbone(x)["features"]))


def cut_model(model: nn.Module, layer: str, num_classes: int, input_shape: tuple[int, int, int],
              hidden: int = 1024, dropout: float = 0.2) -> CutModel:
    from convlens.engine.core.errors import ConvLensError

    names = {n for n, _ in model.named_modules() if n}
    if layer not in names:
        raise ConvLensError(
            "No layer '{layer}' to cut at; `convlens summary ARCH --all` lists the layers.",
            layer=layer,
        )
    try:
        return CutModel(model, layer, num_classes, input_shape, hidden, dropout)
    except RuntimeError as exc:
        raise ConvLensError(
            "Cannot cut at '{layer}' for a {input_shape}x{input_shape2} input: {value}",
            layer=layer, input_shape=input_shape[1], input_shape2=input_shape[2], value=str(exc).splitlines()[0][:160],
        ) from None


#: The largest hidden layer a head may have (a checkpoint's metadata asking for more is refused before any memory
#: is given to it).
MAX_HIDDEN = 65536


@dataclass(frozen=True)
class HeadLayout:
    """How a fine-tune changed an architecture, so a checkpoint can rebuild the same model before loading
    its state dict. Written by training, read by checkpoints."""

    kind: HeadKind
    hidden: int = 0  # size of the hidden dense layer of the new head (0: dropout + linear)
    dropout: float = 0.2
    layer: str = ""  # "cut": the layer whose output the head reads
    input: tuple[int, int, int] = (3, 224, 224)  # "cut": the input shape the head was sized for

    def to_dict(self) -> dict[str, Any]:
        data: dict[str, Any] = {"kind": self.kind, "hidden": self.hidden, "dropout": self.dropout}
        if self.kind == "cut":
            data.update(layer=self.layer, input=list(self.input))
        return data

    @classmethod
    def from_dict(cls, data: object) -> HeadLayout | None:
        """The layout a checkpoint recorded; None for anything else (older files, other writers)."""
        from convlens.engine.core.errors import ConvLensError

        if not isinstance(data, Mapping) or data.get("kind") not in HEAD_KINDS:
            return None
        try:
            shape = tuple(int(v) for v in data.get("input", (3, 224, 224)))
            layout = cls(kind=data["kind"], hidden=int(data.get("hidden", 0)), dropout=float(data.get("dropout", 0.2)),
                         layer=str(data.get("layer", "")), input=shape if len(shape) == 3 else (3, 224, 224))
        except (TypeError, ValueError, OverflowError):
            raise ConvLensError("its head layout metadata is not usable (values of the wrong type).") from None
        problems = []
        if not 0 <= layout.hidden <= MAX_HIDDEN:
            problems.append(f"hidden size {layout.hidden} (0 to {MAX_HIDDEN})")
        if not 0 <= layout.dropout < 1:
            problems.append(f"dropout {layout.dropout} (0 to below 1)")
        if layout.input[0] not in (1, 3) or not all(8 <= side <= 2048 for side in layout.input[1:]):
            problems.append(f"input {list(layout.input)} (1 or 3 channels, 8 to 2048 pixels)")
        if problems:
            raise ConvLensError("its head layout is not usable: {problems}.", problems="; ".join(problems))
        return layout

    def build(self, spec: ArchSpec, num_classes: int, **options: Any) -> nn.Module:
        """``spec`` built with ``options`` and changed as this layout says, for ``num_classes`` classes."""
        if self.kind == "replace":
            model = spec.build(**options)
            replace_head(model, num_classes, self.hidden, self.dropout)
            return model
        if self.kind == "cut":
            return cut_model(spec.build(**options), self.layer, num_classes, self.input, self.hidden, self.dropout)
        return spec.build(num_classes=num_classes, **options)
