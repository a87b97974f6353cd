"""torchvision without torch._dynamo at import: 1.5-2.7 s off every start that builds a model.

Two lines of torchvision import all of TorchDynamo, measured here at 1.5 s warm and 2.7 s cold of torchvision's
1.9 / 4.1 s (``python -X importtime -c "import torchvision"``), for names that matter only under ``torch.compile``:

- ``torchvision.ops.roi_align`` (imported by ``import torchvision``): ``from torch._dynamo.utils import
  is_compile_supported``, asked only when ``roi_align`` runs (object detection, which ConvLens never does);
- ``torchvision.tv_tensors`` (imported by ``transforms.v2``, ConvLens' preprocessing): ``@torch.compiler.disable``
  on ``wrap``, which imports TorchDynamo to mark the function.

``install()`` (run when ``convlens.engine`` is imported: a meta path finder, no torch) wraps the loading of those two
modules. While ``torchvision`` executes, ``torch._dynamo.utils`` is a stand-in module whose ``is_compile_supported``
imports the real one when it is first called; while ``tv_tensors`` executes, ``torch.compiler.disable`` marks the
function on its first call instead (a call under ``torch.compile`` then meets the real disabled function). Both are
put back as soon as the module has loaded, so anything that imports TorchDynamo afterwards (``torch.compile``, an
exporter) gets the real one. ``CONVLENS_TORCHVISION=plain`` leaves torchvision's import alone.
"""

from __future__ import annotations

import contextlib
import functools
import importlib.abc
import importlib.machinery
import os
import sys
import types
from collections.abc import Callable, Iterator
from typing import Any

DYNAMO_UTILS = "torch._dynamo.utils"


def is_compile_supported(device_type: Any) -> Any:
    """torchvision's roi_align asks this when it runs: TorchDynamo's own answer, imported now."""
    from torch._dynamo.utils import is_compile_supported as real

    return real(device_type)


def disable_when_called(fn: Callable[..., Any] | None = None, recursive: bool = True, **kwargs: Any) -> Any:
    """``torch.compiler.disable`` that marks ``fn`` on its first call (importing TorchDynamo then, not now)."""
    if fn is None:
        return lambda f: disable_when_called(f, recursive, **kwargs)
    marked: list[Callable[..., Any]] = []

    @functools.wraps(fn)
    def call(*args: Any, **kw: Any) -> Any:
        if not marked:
            import torch

            marked.append(torch.compiler.disable(fn, recursive, **kwargs))
        return marked[0](*args, **kw)

    return call


@contextlib.contextmanager
def _roi_align_stand_in() -> Iterator[None]:
    if DYNAMO_UTILS in sys.modules:  # TorchDynamo is already here: nothing to save
        yield
        return
    stand_in = types.ModuleType(DYNAMO_UTILS)
    stand_in.is_compile_supported = is_compile_supported  # type: ignore[attr-defined]
    sys.modules[DYNAMO_UTILS] = stand_in
    try:
        yield
    finally:
        if sys.modules.get(DYNAMO_UTILS) is stand_in:
            del sys.modules[DYNAMO_UTILS]


@contextlib.contextmanager
def _disable_stand_in() -> Iterator[None]:
    import torch

    if "torch._dynamo" in sys.modules:
        yield
        return
    real = torch.compiler.disable
    torch.compiler.disable = disable_when_called
    try:
        yield
    finally:
        torch.compiler.disable = real


#: the modules whose loading is wrapped, and how
WRAPPED: dict[str, Callable[[], contextlib.AbstractContextManager[None]]] = {
    "torchvision": _roi_align_stand_in,
    "torchvision.tv_tensors": _disable_stand_in,
}


class _Loader(importlib.abc.Loader):
    def __init__(self, real: importlib.abc.Loader, name: str) -> None:
        self.real, self.name = real, name

    def create_module(self, spec: importlib.machinery.ModuleSpec) -> types.ModuleType | None:
        return self.real.create_module(spec)

    def exec_module(self, module: types.ModuleType) -> None:
        with WRAPPED[self.name]():
            self.real.exec_module(module)


class _Finder(importlib.abc.MetaPathFinder):
    def __init__(self) -> None:
        self.left = set(WRAPPED)

    def find_spec(self, name: str, path: Any = None, target: Any = None) -> importlib.machinery.ModuleSpec | None:
        if name not in self.left:
            return None
        self.left.discard(name)  # once each: found the usual way (a frozen app's finder too), then wrapped
        if not self.left:
            sys.meta_path.remove(self)
        for finder in sys.meta_path:
            find = getattr(finder, "find_spec", None) if finder is not self else None
            spec = find(name, path, target) if find is not None else None
            if spec is not None:
                if spec.loader is not None:
                    spec.loader = _Loader(spec.loader, name)
                return spec
        return None


def install() -> None:
    if os.environ.get("CONVLENS_TORCHVISION", "").lower() == "plain" or "torchvision" in sys.modules:
        return
    if not any(isinstance(f, _Finder) for f in sys.meta_path):
        sys.meta_path.insert(0, _Finder())
