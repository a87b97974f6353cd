"""timm:NAME architectures: timm's own model and pretrained configuration, its weights from the Hugging Face cache,
and a clear message when they are neither cached nor reachable."""

from __future__ import annotations

from pathlib import Path

import pytest
import torch

from convlens.engine.core.errors import ConvLensError
from convlens.engine.inspect.summary import summarize
from convlens.engine.models.registry import get_arch
from convlens.engine.weights.load import load_weights

timm = pytest.importorskip("timm", reason="timm is one of the app's dependencies")


def test_a_timm_name_is_timms_model_with_its_configuration() -> None:
    spec = get_arch("timm:resnet18d")
    cfg = timm.models.get_pretrained_cfg("resnet18d")
    assert spec.family == "timm" and spec.input_size == cfg.input_size[-1] == 224
    assert spec.preprocess.interpolation == cfg.interpolation == "bicubic"
    assert spec.preprocess.resize == int(224 / cfg.crop_pct) and spec.preprocess.mean == tuple(cfg.mean)
    model = spec.build()
    reference = timm.create_model("resnet18d", pretrained=False)
    assert sum(p.numel() for p in model.parameters()) == sum(p.numel() for p in reference.parameters())
    summary = summarize(model, (3, 224, 224), spec.name)
    assert summary.total_params == 11_708_744 and len(spec.labels) == 1000
    assert spec.build(num_classes=3)(torch.zeros(1, 3, 224, 224)).shape == (1, 3)


def test_an_unknown_timm_name_is_a_message() -> None:
    with pytest.raises(ConvLensError, match="timm has no architecture 'resnet18q'"):
        get_arch("timm:resnet18q")


def test_pretrained_weights_come_from_the_hugging_face_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """A cache laid out as huggingface_hub lays it out (refs/main -> snapshots/<commit>/model.safetensors)."""
    from huggingface_hub import constants
    from safetensors.torch import save_file

    import convlens.engine.models.architectures.timm_models as timm_models

    torch.manual_seed(5)
    source = timm.create_model("resnet18d", pretrained=False).eval()
    repo = tmp_path / "models--timm--resnet18d.ra2_in1k"
    snapshot = repo / "snapshots" / "0123456789abcdef"
    snapshot.mkdir(parents=True)
    (repo / "refs").mkdir()
    (repo / "refs" / "main").write_text("0123456789abcdef")
    save_file({k: v.contiguous() for k, v in source.state_dict().items()}, str(snapshot / "model.safetensors"))
    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    monkeypatch.setattr(timm_models, "_hub_reachable", lambda timeout=3.0: pytest.fail("the cache was not used"))
    loaded = load_weights("timm:resnet18d", "pretrained")
    x = torch.randn(1, 3, 224, 224)
    with torch.inference_mode():
        assert torch.equal(loaded.model(x), source(x))
    assert loaded.arch is not None and loaded.arch.name == "timm:resnet18d" and len(loaded.labels) == 1000


def test_not_cached_and_offline_is_said_at_once(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    from huggingface_hub import constants

    import convlens.engine.models.architectures.timm_models as timm_models

    monkeypatch.setattr(constants, "HF_HUB_CACHE", str(tmp_path))
    monkeypatch.setattr(timm_models, "_hub_reachable", lambda timeout=3.0: False)
    with pytest.raises(ConvLensError, match="resnet18d are not in the Hugging Face cache .* cannot be reached"):
        load_weights("timm:resnet18d", "pretrained")
