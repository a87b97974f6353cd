"""What a training run is given and what it gives back: the settings, the progress it yields, the result."""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import TYPE_CHECKING

from convlens.engine.models.openset import DEFAULT_FAR

if TYPE_CHECKING:
    import numpy as np

    from convlens.engine.core.choices import Optimizer, TrainPhase
    from convlens.engine.models.loaded import LoadedModel
    from convlens.engine.models.metrics import EvaluationReport

@dataclass(frozen=True)
class Ranks:
    """Which process this is among how many. The default is the single-process run."""

    rank: int = 0
    world: int = 1
    local_rank: int = 0
    backend: str = ""  # "" (single process), "gloo" or "nccl"

    @property
    def active(self) -> bool:
        return self.world > 1

    @property
    def main(self) -> bool:
        """Rank 0: the one that prints and writes files."""
        return self.rank == 0


#: One process: no torchrun.
SINGLE = Ranks()


@dataclass(frozen=True)
class TrainConfig:
    """Training choices with sensible defaults for a short fine-tune."""

    epochs: int = 10
    lr: float = 1e-3
    batch_size: int = 32
    optimizer: Optimizer = "adam"  # adam | sgd (momentum 0.9) | rmsprop
    rotation: float = 0.0  # degrees, +-
    shift: float = 0.0  # fraction of the size, +-
    shear: float = 0.0  # degrees, +-
    zoom: float = 0.0  # fraction, +-
    hflip: bool = False
    patience: int = 3  # epochs without a better validation loss before stopping
    restore_best: bool = True
    hidden: int = 0  # 0: dropout + linear head; >0: dense(hidden)-ReLU-dropout + linear
    dropout: float = 0.2
    freeze_backbone: bool = True
    freeze_until: str = ""  # freeze only the layers up to and including this one ("" = the whole backbone)
    cut_at: str = ""  # cut the backbone after this layer and put the head on its output (seed 003)
    image_size: int = 0  # train at this input size (0 = the weights' own), e.g. 150 for seed 003
    from_scratch: bool = False  # random init, every layer trained, the architecture's own head
    batch_norm: bool = False  # LeNet-5 from scratch: add BatchNorm (seed 001)
    cache: bool = True  # cache frozen-backbone features when nothing varies between epochs
    seed: int = 0
    far: float = DEFAULT_FAR  # "unknown" below the threshold meeting this false-accept rate on held-out data (0: off)
    workers: int = 0  # processes decoding images for the loop (0: the training process itself)
    cache_budget: int = 0  # bytes of cached features kept in memory before they spill to a file (0: CACHE_BUDGET)
    cache_dir: str = ""  # where that file goes ("": the system's temporary folder)

    @property
    def augments(self) -> bool:
        return bool(self.rotation or self.shift or self.shear or self.zoom or self.hflip)


@dataclass(frozen=True)
class TrainProgress:
    """``phase`` is "cache" (computing backbone features once), "train" or "val"."""

    phase: TrainPhase
    epoch: int
    step: int
    steps: int
    loss: float
    elapsed: float
    eta: float


@dataclass(frozen=True)
class EpochStats:
    epoch: int
    train_loss: float
    train_acc: float
    val_loss: float
    val_acc: float
    seconds: float


@dataclass
class TrainResult:
    loaded: LoadedModel
    history: list[EpochStats]
    best_epoch: int
    validation: EvaluationReport  # the kept model on the validation split, as ``evaluate`` reports a folder
    cached: bool
    stopped_early: bool
    seconds: float
    notes: list[str] = field(default_factory=list)
    skipped: list[tuple[str, str]] = field(default_factory=list)  # unreadable files: (file, reason)
    train_counts: list[int] = field(default_factory=list)  # training images per class
    config: TrainConfig = field(default_factory=TrainConfig)  # the settings it ran with
    val_logits: np.ndarray | None = None  # the kept model's raw scores on the validation split (calibration)
    unknown_logits: np.ndarray | None = None  # its raw scores on the held-out images of no class (``_unknown``)
    unknown_note: str = ""  # why there is no unknown threshold, when there is none

    @property
    def val_accuracy(self) -> float:
        return self.validation.accuracy(1)
