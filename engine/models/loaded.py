"""``LoadedModel``: a model ready to predict, with what its weights imply. Every way of loading ends in one."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from torch import nn

    from convlens.engine.core.choices import Precision, Runtime
    from convlens.engine.models.heads import HeadLayout
    from convlens.engine.models.openset import UnknownRule
    from convlens.engine.models.preprocess import Preprocess
    from convlens.engine.models.registry import ArchSpec
    from convlens.engine.models.training_record import TrainingRecord

__all__ = ["LoadedModel"]


@dataclass
class LoadedModel:
    """The model (eval mode) plus its class names, the preprocessing its weights expect, and where it came from."""

    model: nn.Module
    labels: tuple[str, ...]
    preprocess: Preprocess
    arch: ArchSpec | None
    source: str  # for people: "pretrained IMAGENET1K_V2", "file resnet.pth", "random"
    scripted: bool = False
    notes: list[str] = field(default_factory=list)
    build_options: dict[str, Any] = field(default_factory=dict)  # builder keywords (LeNet-5's batch_norm)
    head_layout: HeadLayout | None = None  # how a fine-tune changed the architecture
    training: TrainingRecord | None = None  # how it was fine-tuned and what that measured (None: not by ConvLens)
    runtime: Runtime = "torch"
    precision: Precision = "f32"  # the runtime's inference precision (OpenVINO: bf16 where the CPU has it)
    #: The PyTorch f32 model a reduced-precision runtime was made from: the predictor measures the runtime's
    #: agreement with it on the user's own images (``engine.runtime.predict.Agreement``).
    reference: nn.Module | None = field(default=None, repr=False)

    @property
    def temperature(self) -> float:
        """Temperature scaling fitted after fine-tuning (``engine.models.calibration``; 1.0 when none): probabilities are
        softmax(logits / T). Kept in ``training``, so checkpoints and exports carry it."""
        return self.training.temperature if self.training else 1.0

    @property
    def unknown(self) -> UnknownRule | None:
        """The "unknown / none of the above" threshold tuned on held-out data (``engine.models.openset``), if any; kept in
        ``training`` like the temperature."""
        return self.training.unknown if self.training else None

    @property
    def num_classes(self) -> int:
        return len(self.labels)

    @property
    def name(self) -> str:
        if self.arch:
            return self.arch.name
        return "ONNX" if self.runtime == "onnxruntime" else "TorchScript"
