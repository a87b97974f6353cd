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
        model.aux_logits = False
    name, old = find_classifier(model)
    if isinstance(old, nn.Linear):
        new: nn.Module = make_head(old.in_features, num_classes, hidden, dropout)
    else:
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

    def forward(self, x):  # noqa: ANN001, ANN201
        return self.head(self.flatten(self.backbone(x)["features"]))


def cut_model(model: nn.Module, layer: str, num_classes: int, input_shape: tuple[int, int, int],
              hidden: int = 1024, dropout: float = 0.2) -> CutModel:
    from engine.errors import ConvLensError

    names = {n for n, _ in model.named_modules() if n}
    if layer not in names:
        raise ConvLensError(f"No layer '{layer}' to cut at; `convlens summary ARCH --all` lists the layers.")
    try:
        return CutModel(model, layer, num_classes, input_shape, hidden, dropout)
    except RuntimeError as exc:
        raise ConvLensError(f"Cannot cut at '{layer}' for a {input_shape[1]}x{input_shape[2]} input: "
                            f"{str(exc).splitlines()[0][:160]}") from None
