"""One way to watch modules during a forward pass (timm's ``FeatureHooks`` is the model).

``watch(modules, fn)`` registers ``fn(name, output)`` as a forward hook on each named module (or
``fn(name, inputs)`` as a pre-hook with ``pre=True``) for the duration of a ``with`` block, and always
removes the hooks when the block ends, even when the forward pass raises. Watching never changes what a
module computes (the hooks return None).
"""

from __future__ import annotations

import contextlib
from typing import TYPE_CHECKING, Any

from convlens.engine.core.errors import ConvLensError

if TYPE_CHECKING:
    from collections.abc import Callable, Iterable, Iterator

    import torch
    from torch import nn

__all__ = ["probe", "watch"]


@contextlib.contextmanager
def watch(modules: Iterable[tuple[str, nn.Module]], fn: Callable[[str, Any], object], pre: bool = False) -> Iterator[None]:
    handles = []

    # The hooks return None whatever ``fn`` returns: a forward hook that returns a value replaces the output.
    def after(key: str) -> Callable[[nn.Module, Any, Any], None]:
        def hook(_m: nn.Module, _args: Any, out: Any) -> None:
            fn(key, out)

        return hook

    def before(key: str) -> Callable[[nn.Module, Any], None]:
        def hook(_m: nn.Module, args: Any) -> None:
            fn(key, args)

        return hook

    try:
        for name, module in modules:
            if pre:
                handles.append(module.register_forward_pre_hook(before(name)))
            else:
                handles.append(module.register_forward_hook(after(name)))
        yield
    finally:
        for handle in handles:
            handle.remove()


def probe(model: nn.Module, x: torch.Tensor) -> Any:
    """``model(x)`` on a probe input (the layer table, the layer arithmetic): an input size the model cannot take
    (too small for its pooling, say) is the user's error, said in one line, not a traceback."""
    try:
        return model(x)
    except RuntimeError as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        size = "x".join(str(s) for s in x.shape[-2:])
        raise ConvLensError("The model cannot run on a {size} input ({first}).", size=size, first=first[:200]) from None
