"""Training on PyTorch's own distributed engine: one process per device, started by ``torchrun``.

``torchrun --nproc-per-node N -m convlens.cli finetune ...`` (or ``--nnodes M --rdzv-endpoint HOST:PORT`` on
several machines) sets ``RANK``, ``WORLD_SIZE`` and ``LOCAL_RANK`` in each process; ``join`` reads them and
joins the process group: NCCL when the process has a CUDA GPU (``cuda:LOCAL_RANK``), gloo on the CPU. Without
them, ``join`` returns the single-process ``Ranks()`` and nothing distributed happens.

Everything the training decides from data is made identical on every rank (losses and counts are summed with
``all_reduce``, per-image results gathered), so early stopping stops every rank at the same epoch; only rank 0
prints and writes.
"""

from __future__ import annotations

import contextlib
import os
from datetime import timedelta
from typing import TYPE_CHECKING, Any

import torch
import torch.distributed as dist

from convlens.engine.core.errors import ConvLensError
from convlens.engine.training.config import Ranks

if TYPE_CHECKING:
    from collections.abc import Iterator, Sequence

__all__ = ["Ranks", "gather", "join", "launched", "leave", "main_first", "merge_all", "shard", "sum_all"]

#: How long a rank waits for the others (a rank that died leaves the rest waiting this long, then failing).
TIMEOUT = timedelta(minutes=30)


def launched() -> bool:
    """Started by torchrun (or any launcher that sets the same variables) with more than one process."""
    return int(os.environ.get("WORLD_SIZE", "1")) > 1 and "RANK" in os.environ


def join(device: torch.device) -> tuple[Ranks, torch.device]:
    """Join the process group torchrun set up; (ranks, the device this process trains on)."""
    if not launched():
        return Ranks(), device
    if dist.is_initialized():
        raise ConvLensError("The distributed process group is already set up in this process.")
    rank, world = int(os.environ["RANK"]), int(os.environ["WORLD_SIZE"])
    local = int(os.environ.get("LOCAL_RANK", "0"))
    if device.type == "cuda" and torch.cuda.is_available():
        if local >= torch.cuda.device_count():
            raise ConvLensError("Process {local} of this machine has no GPU of its own ({n} GPUs): start at most "
                                "{n} processes per machine (--nproc-per-node).", local=local,
                                n=torch.cuda.device_count())
        device = torch.device("cuda", local)
        torch.cuda.set_device(device)
        backend = "nccl"
    else:
        device = torch.device("cpu")  # MPS has no collective backend: a CPU run across processes
        backend = "gloo"
    if not dist.is_available() or (backend == "gloo" and not dist.is_gloo_available()):
        raise ConvLensError("This PyTorch build has no distributed {backend} backend.", backend=backend)
    dist.init_process_group(backend, rank=rank, world_size=world, timeout=TIMEOUT,
                            device_id=device if backend == "nccl" else None)
    return Ranks(rank, world, local, backend), device


def leave(ranks: Ranks) -> None:
    """Leave the process group (every rank, at the end of a run or after an error)."""
    if ranks.active and dist.is_initialized():
        dist.destroy_process_group()


def shard(n: int, ranks: Ranks) -> list[int]:
    """This rank's share of ``n`` items: every ``world``-th from ``rank`` (no padding: for evaluation and caching,
    where each item must count once)."""
    return list(range(ranks.rank, n, ranks.world))


def sum_all(values: Sequence[float], ranks: Ranks, device: torch.device) -> list[float]:
    """Each value summed over every rank (float64: counts stay exact)."""
    if not ranks.active:
        return [float(v) for v in values]
    t = torch.tensor(list(values), dtype=torch.float64, device=device if ranks.backend == "nccl" else "cpu")
    dist.all_reduce(t)
    return t.cpu().tolist()


def gather(obj: Any, ranks: Ranks) -> list[Any]:
    """Every rank's ``obj``, in rank order, on every rank (small things: per-image results, not tensors of
    images)."""
    if not ranks.active:
        return [obj]
    out: list[Any] = [None] * ranks.world
    dist.all_gather_object(out, obj)
    return out


def merge_all(part: dict, ranks: Ranks) -> dict:
    """Every rank's dictionary merged into one, on every rank (each rank's keys are its own share)."""
    merged: dict = {}
    for each in gather(part, ranks):
        merged.update(each)
    return merged


@contextlib.contextmanager
def main_first(ranks: Ranks) -> Iterator[None]:
    """Rank 0 runs the body first (a download, a cache written once), then the others; every rank leaves
    together. A rank whose body fails still reaches the barrier, so the others are not left waiting."""
    if not ranks.active:
        yield
        return
    if not ranks.main:
        dist.barrier()
    try:
        yield
    finally:
        if ranks.main:
            dist.barrier()
