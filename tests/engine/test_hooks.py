"""The one hook helper: watches, never changes outputs, always removes its hooks."""

from __future__ import annotations

import pytest
import torch
from torch import nn

from convlens.engine.inspect.hooks import watch


def test_watch_sees_outputs_and_inputs_changes_nothing_and_cleans_up() -> None:
    model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2)).eval()
    x = torch.randn(5, 4)
    expected = model(x)
    seen: dict[str, tuple[int, ...]] = {}
    with watch(model.named_children(), lambda key, out: seen.setdefault(key, tuple(out.shape))):  # returns a value
        assert torch.equal(model(x), expected)
    assert seen == {"0": (5, 3), "1": (5, 3), "2": (5, 2)}
    inputs: list[tuple[int, ...]] = []
    with watch([("2", model[2])], lambda _key, args: inputs.append(tuple(args[0].shape)), pre=True):
        model(x)
    assert inputs == [(5, 3)]
    with pytest.raises(RuntimeError), watch(model.named_children(), lambda *_: None):
        model(torch.randn(5, 7))  # a failing forward still removes the hooks
    assert all(not m._forward_hooks and not m._forward_pre_hooks for m in model.modules())
