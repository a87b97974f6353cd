"""Weights: torchvision's pretrained sets, local files, or random init.

Every path ends in a ``LoadedModel``: the model in eval mode plus the class
names and the preprocessing that belong to those weights.

Safety: state dicts are read with ``torch.load(..., weights_only=True)``
only, so a file whose unpickling would run code is refused, never executed.
"""

from __future__ import annotations

import hashlib
import json
import os
import pickle
import re
import tempfile
import urllib.error
import urllib.request
import warnings
import zipfile
from collections.abc import Callable, Generator, Iterator, Mapping
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import torch
from torch import nn

from engine.errors import ConvLensError
from engine.heads import find_classifier, num_outputs
from engine.metadata import META_ARCH, META_CLASSES, META_PREPROCESS, TORCHSCRIPT_META_FILE
from engine.preprocess import Preprocess
from engine.registry import ArchSpec, get_arch

CHECKPOINT_FORMAT = "convlens-checkpoint"
_HASH_IN_NAME = re.compile(r"-([a-f0-9]*)\.")
_AUX_PREFIXES = ("AuxLogits.", "aux1.", "aux2.")


@dataclass
class LoadedModel:
    """A model ready to predict, with what its weights imply."""

    model: nn.Module
    labels: tuple[str, ...]
    preprocess: Preprocess
    arch: ArchSpec | None
    source: str  # for people: "pretrained (IMAGENET1K_V2)", "file resnet.pth", "random"
    scripted: bool = False
    notes: list[str] = field(default_factory=list)
    build_options: dict[str, Any] = field(default_factory=dict)  # builder keywords (LeNet-5's batch_norm)
    head_layout: dict[str, Any] | None = None  # how a fine-tune replaced the head
    training: dict[str, Any] | None = None  # the settings that trained it
    runtime: str = "torch"  # or "onnxruntime", "openvino"
    precision: str = "f32"  # the runtime's inference precision (OpenVINO: bf16 where the CPU has it)

    @property
    def num_classes(self) -> int:
        return len(self.labels)

    @property
    def name(self) -> str:
        if self.arch:
            return self.arch.name
        return "ONNX" if self.runtime == "onnxruntime" else "TorchScript"


@dataclass(frozen=True)
class DownloadProgress:
    """Bytes fetched so far of ``total`` (0 when the server does not say)."""

    filename: str
    done: int
    total: int


# --------------------------------------------------------------------- labels


def read_labels_file(path: str | Path) -> tuple[str, ...]:
    """Class names from a text file (one per line) or JSON (list, or Keras' class index)."""
    path = Path(path)
    try:
        text = path.read_text(encoding="utf-8-sig")
    except (OSError, UnicodeDecodeError) as exc:
        raise ConvLensError(f"Labels file {path.name}: cannot be read ({exc}).") from None
    if path.suffix.lower() == ".json":
        try:
            data = json.loads(text)
        except json.JSONDecodeError as exc:
            raise ConvLensError(f"Labels file {path.name}: not valid JSON ({exc.msg}, line {exc.lineno}).") from None
        if isinstance(data, list):
            labels = [str(x) for x in data]
        elif isinstance(data, dict):
            try:
                items = sorted(data.items(), key=lambda kv: int(kv[0]))
            except ValueError:
                raise ConvLensError(f"Labels file {path.name}: JSON keys must be class indices.") from None
            labels = [str(v[-1]) if isinstance(v, list) else str(v) for _, v in items]
        else:
            raise ConvLensError(f"Labels file {path.name}: expected a JSON list or object.")
    else:
        labels = [line.strip() for line in text.splitlines() if line.strip()]
    if not labels:
        raise ConvLensError(f"Labels file {path.name}: contains no class names.")
    return tuple(labels)


def imagenet_labels() -> tuple[str, ...]:
    from torchvision.models._meta import _IMAGENET_CATEGORIES

    return tuple(_IMAGENET_CATEGORIES)


def _labels_for(num_classes: int, spec: ArchSpec | None, from_file: list[str] | None,
                labels_file: str | Path | None, notes: list[str]) -> tuple[str, ...]:
    if labels_file is not None:
        labels = read_labels_file(labels_file)
        if len(labels) != num_classes:
            raise ConvLensError(
                f"Labels file {Path(labels_file).name} has {len(labels)} names but the model has "
                f"{num_classes} classes."
            )
        return labels
    if from_file and len(from_file) == num_classes:
        return tuple(from_file)
    defaults = spec.labels if spec else ()
    if len(defaults) == num_classes:
        return defaults
    if num_classes == 1000:
        return imagenet_labels()
    notes.append(f"The model has {num_classes} classes and no class names: choose a labels file to name them.")
    return tuple(f"class {i}" for i in range(num_classes))


# --------------------------------------------------------------- pretrained


def hub_checkpoint_dir() -> Path:
    """torch's hub cache (``$TORCH_HOME/hub/checkpoints``), where torchvision looks."""
    return Path(torch.hub.get_dir()) / "checkpoints"


def pretrained_weights(spec: ArchSpec, name: str | None = None) -> Any:
    """The torchvision Weights enum member (``DEFAULT`` unless ``name`` is given)."""
    enum = spec.weights_enum
    if enum is None:
        raise ConvLensError(
            f"{spec.title} has no pretrained weights to download; use random weights or a weights file."
        )
    if not name or name in ("pretrained", "DEFAULT"):
        return enum.DEFAULT
    try:
        return enum[name]
    except KeyError:
        options = ", ".join(m.name for m in enum)
        raise ConvLensError(f"{spec.title} has no pretrained weights '{name}'. Available: {options}.") from None


def pretrained_file(weights: Any) -> Path:
    return hub_checkpoint_dir() / os.path.basename(weights.url)


def is_pretrained_cached(spec: ArchSpec, name: str | None = None) -> bool:
    return pretrained_file(pretrained_weights(spec, name)).is_file()


def download_pretrained(weights: Any, *, timeout: float = 30.0) -> Iterator[DownloadProgress]:
    """Fetch ``weights`` into the hub cache, yielding progress; checks the hash.

    A generator so the caller can cancel between chunks (the partial file is
    removed). Does nothing when the file is already cached.
    """
    dest = pretrained_file(weights)
    if dest.is_file():
        return
    url = weights.url
    dest.parent.mkdir(parents=True, exist_ok=True)
    expected = _HASH_IN_NAME.search(dest.name)
    tmp = tempfile.NamedTemporaryFile(delete=False, dir=dest.parent, suffix=".partial")
    digest = hashlib.sha256()
    finished = False
    try:
        try:
            response = urllib.request.urlopen(url, timeout=timeout)  # noqa: S310 - fixed https URL from torchvision
        except (urllib.error.URLError, OSError) as exc:
            reason = getattr(exc, "reason", exc)
            raise ConvLensError(
                f"{dest.name} is not cached and cannot be downloaded ({reason}). "
                f"Are you offline? Copy the file to {dest.parent} and try again, "
                "or use random weights or a weights file."
            ) from None
        with response:
            total = int(response.headers.get("Content-Length") or 0)
            done = 0
            yield DownloadProgress(dest.name, 0, total)
            while True:
                try:
                    chunk = response.read(1 << 16)
                except OSError as exc:
                    raise ConvLensError(f"Download of {dest.name} broke off after {done} bytes: {exc}.") from None
                if not chunk:
                    break
                tmp.write(chunk)
                digest.update(chunk)
                done += len(chunk)
                yield DownloadProgress(dest.name, done, total)
        tmp.close()
        if expected and not digest.hexdigest().startswith(expected.group(1)):
            raise ConvLensError(
                f"Downloaded {dest.name} does not match its published hash; the file was discarded. Try again."
            )
        os.replace(tmp.name, dest)
        finished = True
    finally:
        tmp.close()
        if not finished:
            Path(tmp.name).unlink(missing_ok=True)


def load_pretrained(spec: ArchSpec, name: str | None = None) -> LoadedModel:
    """torchvision's pretrained weights from the hub cache (no download here)."""
    weights = pretrained_weights(spec, name)
    path = pretrained_file(weights)
    if not path.is_file():
        raise ConvLensError(
            f"Pretrained weights for {spec.title} ({path.name}) are not downloaded yet. "
            f"Download them, or copy the file to {path.parent}."
        )
    from torchvision import models as tvm

    try:
        model = tvm.get_model(spec.name, weights=weights)
    except (RuntimeError, pickle.UnpicklingError, EOFError, zipfile.BadZipFile) as exc:
        raise ConvLensError(
            f"{path.name} in {path.parent} is damaged ({str(exc).splitlines()[0]}); delete it and download again."
        ) from None
    return LoadedModel(
        model=model.eval(),
        labels=tuple(weights.meta["categories"]),
        preprocess=Preprocess.from_torchvision(weights.transforms()),
        arch=spec,
        source=f"pretrained ({weights.name})",
    )


# --------------------------------------------------------------------- random


def load_random(spec: ArchSpec, labels_file: str | Path | None = None, seed: int | None = None) -> LoadedModel:
    if seed is not None:
        torch.manual_seed(seed)
    model = spec.build().eval()
    _, head = find_classifier(model)
    notes: list[str] = [f"{spec.title} has random (untrained) weights: its answers are meaningless until it is "
                        "trained. Use it to train from scratch, or load pretrained weights or a file."]
    labels = _labels_for(num_outputs(head), spec, None, labels_file, notes)
    return LoadedModel(model, labels, spec.preprocess, spec, "random", notes=notes)


# ----------------------------------------------------------------------- file


def _is_torchscript(path: Path) -> bool:
    if not zipfile.is_zipfile(path):
        return False
    with zipfile.ZipFile(path) as zf:
        return any(n.endswith("/constants.pkl") or "/code/" in n for n in zf.namelist())


def read_state_file(path: Path) -> tuple[dict[str, torch.Tensor], dict[str, Any]]:
    """A state dict and ConvLens metadata (classes, preprocess, arch) from a file."""
    name = path.name
    if not path.is_file():
        raise ConvLensError(f"Weights file {name}: not found ({path}).")
    if path.stat().st_size == 0:
        raise ConvLensError(f"Weights file {name}: the file is empty (0 bytes).")
    meta: dict[str, Any] = {}
    if path.suffix.lower() == ".safetensors":
        from safetensors import SafetensorError, safe_open

        try:
            with safe_open(str(path), framework="pt") as f:
                state = {k: f.get_tensor(k) for k in f.keys()}
                raw_meta = f.metadata() or {}
        except (SafetensorError, OSError, ValueError) as exc:
            raise ConvLensError(f"Weights file {name}: not a valid safetensors file ({exc}).") from None
        for key in ("classes", "preprocess", "arch"):
            if key in raw_meta:
                try:
                    meta[key] = json.loads(raw_meta[key])
                except json.JSONDecodeError:
                    meta[key] = raw_meta[key]
        return state, meta
    try:
        with warnings.catch_warnings():
            warnings.simplefilter("ignore", UserWarning)  # "Detected pickle protocol 4..."
            obj = torch.load(path, map_location="cpu", weights_only=True)
    except pickle.UnpicklingError as exc:
        code = re.search(r"Unsupported global: GLOBAL (\S+)", str(exc))
        if code:
            raise ConvLensError(
                f"Weights file {name}: refused. Loading it would run code from the file ({code.group(1)}); "
                "only plain state dicts of tensors are accepted. Do not open it unless you trust its source."
            ) from None
        detail = re.search(r"WeightsUnpickler error:\s*(.+?)\n\n", str(exc), re.S)
        reason = detail.group(1).strip() if detail else "unreadable pickle data"
        raise ConvLensError(f"Weights file {name}: not a PyTorch weights file ({reason[:160]}).") from None
    except Exception as exc:  # noqa: BLE001 - arbitrary bytes make the unpickler fail in arbitrary ways
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        raise ConvLensError(f"Weights file {name}: not a PyTorch weights file ({first[:160]}).") from None
    if isinstance(obj, Mapping) and obj.get("format") == CHECKPOINT_FORMAT:
        meta = {k: obj[k] for k in ("classes", "preprocess", "arch", "head_layout", "build_options", "training")
                if k in obj}
        obj = obj["state_dict"]
    elif isinstance(obj, Mapping):
        for key in ("state_dict", "model_state_dict", "model"):
            if isinstance(obj.get(key), Mapping):
                obj = obj[key]
                break
    if not isinstance(obj, Mapping) or not obj or not all(
        isinstance(k, str) and isinstance(v, torch.Tensor) for k, v in obj.items()
    ):
        raise ConvLensError(f"Weights file {name}: does not hold a state dict (a mapping of names to tensors).")
    state = dict(obj)
    if all(k.startswith("module.") for k in state):  # saved from DataParallel
        state = {k[len("module."):]: v for k, v in state.items()}
    return state, meta


def _fit_report(model: nn.Module, state: Mapping[str, torch.Tensor]) -> tuple[list[str], list[str], list[str]]:
    own = model.state_dict()
    missing = [k for k in own if k not in state]
    unexpected = [k for k in state if k not in own and not k.startswith(_AUX_PREFIXES)]
    differ = [
        f"{k}: file {tuple(state[k].shape)} vs model {tuple(own[k].shape)}"
        for k in own
        if k in state and state[k].shape != own[k].shape
    ]
    return missing, unexpected, differ


def _listing(title: str, items: list[str]) -> str:
    shown = ", ".join(items[:4]) + (f" and {len(items) - 4} more" if len(items) > 4 else "")
    return f"{len(items)} {title} ({shown})"


def load_file(path: str | Path, spec: ArchSpec | None, labels_file: str | Path | None = None) -> LoadedModel:
    """A weights file: state dict (.pth/.pt/.safetensors) or a TorchScript archive.

    A state dict must fit ``spec``; a different number of classes in the
    final layer is accepted (the head is rebuilt to match) and reported.
    """
    path = Path(path)
    if path.suffix.lower() in (".h5", ".hdf5", ".keras"):
        return _load_keras(path, spec, labels_file)
    if path.suffix.lower() == ".onnx":
        from engine.onnx_runtime import load_onnx

        return load_onnx(path, None, labels_file)
    if path.is_file() and path.stat().st_size and _is_torchscript(path):
        return _load_torchscript(path, spec, labels_file)
    state, meta = read_state_file(path)
    notes: list[str] = []
    if meta.get("arch"):  # a ConvLens checkpoint knows its architecture: it wins over the current choice
        named = get_arch(str(meta["arch"]))
        if spec is not None and named.name != spec.name:
            notes.append(f"{path.name} is a {named.title} checkpoint; loaded as {named.title}, not {spec.title}.")
        spec = named
    elif spec is None:
        raise ConvLensError(f"Weights file {path.name}: choose the architecture these weights belong to.")
    layout = meta.get("head_layout") if isinstance(meta.get("head_layout"), Mapping) else None
    options = dict(meta.get("build_options") or {})
    classes_in_file = list(meta.get("classes") or [])
    if layout is not None and layout.get("kind") == "replace":
        from engine.heads import replace_head

        model = spec.build(**options)
        replace_head(model, len(classes_in_file), int(layout.get("hidden", 0)), float(layout.get("dropout", 0.2)))
    elif layout is not None and layout.get("kind") == "cut":
        from engine.heads import cut_model

        shape = tuple(int(v) for v in layout.get("input", (3, 224, 224)))
        model = cut_model(spec.build(**options), str(layout["layer"]), len(classes_in_file), shape,  # type: ignore[arg-type]
                          int(layout.get("hidden", 1024)), float(layout.get("dropout", 0.2)))
    else:
        model = spec.build(**options)
    head_name, head = find_classifier(model)
    head_key = f"{head_name}.weight"
    default_classes = num_outputs(head)
    if head_key in state and state[head_key].shape[0] != default_classes:
        file_classes = int(state[head_key].shape[0])
        model = spec.build(num_classes=file_classes, **options)
        notes.append(
            f"{path.name} has {file_classes} classes; {spec.title}'s usual head has {default_classes}. "
            "The head was rebuilt to match."
        )
    missing, unexpected, differ = _fit_report(model, state)
    if missing or unexpected or differ:
        parts = []
        if differ:
            parts.append(_listing("tensors with a different shape", differ))
        if missing:
            parts.append(_listing("missing keys", missing))
        if unexpected:
            parts.append(_listing("unexpected keys", unexpected))
        raise ConvLensError(
            f"Weights file {path.name} does not fit {spec.title}: " + "; ".join(parts)
            + ". Is it for another architecture?"
        )
    state = {k: v for k, v in state.items() if not k.startswith(_AUX_PREFIXES)}
    model.load_state_dict(state, strict=True)
    model.eval()
    _, head = find_classifier(model)
    classes = meta.get("classes")
    labels = _labels_for(num_outputs(head), spec, list(classes) if classes else None, labels_file, notes)
    preprocess = Preprocess.from_dict(meta["preprocess"]) if isinstance(meta.get("preprocess"), Mapping) else spec.preprocess
    return LoadedModel(model, labels, preprocess, spec, f"file {path.name}", notes=notes, build_options=options,
                       head_layout=dict(layout) if layout else None,
                       training=dict(meta["training"]) if isinstance(meta.get("training"), Mapping) else None)


def _load_keras(path: Path, spec: ArchSpec | None, labels_file: str | Path | None) -> LoadedModel:
    from engine.keras_import import SUPPORTED, load_keras_h5

    if not path.is_file():
        raise ConvLensError(f"Weights file {path.name}: not found ({path}).")
    notes: list[str] = []
    if spec is None:
        from engine.keras_import import guess_arch
        from engine.registry import get_arch

        guessed = guess_arch(path)
        if guessed is None:
            raise ConvLensError(f"{path.name}: choose the architecture of these Keras weights "
                                f"({', '.join(SUPPORTED)}).")
        spec = get_arch(guessed)
        notes.append(f"{path.name}: Keras {spec.title} weights (recognised from its layer names).")
    if spec.name not in SUPPORTED:
        raise ConvLensError(f"{path.name}: Keras weight files can be loaded into {', '.join(SUPPORTED)}; "
                            f"not into {spec.title}.")
    model, preprocess = load_keras_h5(path, spec.name)
    if getattr(model, "keras_top", True) is False:
        notes.append(f"{path.name} has no top: the classifier is untrained. Use it to fine-tune a new head.")
    _, head = find_classifier(model)
    labels = _labels_for(num_outputs(head), spec, None, labels_file, notes)
    return LoadedModel(model, labels, preprocess, spec, f"Keras {path.name}", notes=notes,
                       build_options={"keras": True})


def _load_torchscript(path: Path, spec: ArchSpec | None, labels_file: str | Path | None) -> LoadedModel:
    extra = {TORCHSCRIPT_META_FILE: ""}  # written by ConvLens' export: class names, preprocessing, architecture
    try:
        with warnings.catch_warnings():
            # torch >= 2.10 deprecates TorchScript in favour of torch.export; files still load.
            warnings.simplefilter("ignore", FutureWarning)
            model = torch.jit.load(str(path), map_location="cpu", _extra_files=extra)
    except RuntimeError as exc:
        raise ConvLensError(f"TorchScript file {path.name}: cannot be loaded ({str(exc).splitlines()[0][:160]}).") from None
    model.eval()
    meta: dict[str, Any] = {}
    if extra[TORCHSCRIPT_META_FILE]:
        try:
            meta = json.loads(extra[TORCHSCRIPT_META_FILE])
        except json.JSONDecodeError:
            meta = {}
    if meta.get(META_ARCH) and spec is None:
        spec = get_arch(meta[META_ARCH])
    if meta.get(META_PREPROCESS):
        preprocess = Preprocess.from_dict(json.loads(meta[META_PREPROCESS]))
    else:
        preprocess = spec.preprocess if spec else Preprocess()
    num_classes = _probe_outputs(model, preprocess, path.name)
    notes: list[str] = []
    classes = json.loads(meta[META_CLASSES]) if meta.get(META_CLASSES) else None
    labels = _labels_for(num_classes, spec, classes, labels_file, notes)
    return LoadedModel(model, labels, preprocess, spec, f"TorchScript {path.name}", scripted=True, notes=notes)


def _probe_outputs(model: nn.Module, preprocess: Preprocess, name: str) -> int:
    x = torch.zeros(1, preprocess.channels, preprocess.crop, preprocess.crop)
    for attempt in range(2):
        try:
            with torch.inference_mode():
                out = model(x)
            break
        except RuntimeError as exc:
            # Quantized mobile models need the QNNPACK engine on many CPUs.
            if attempt == 0 and "qnnpack" in torch.backends.quantized.supported_engines:
                torch.backends.quantized.engine = "qnnpack"
                continue
            raise ConvLensError(
                f"TorchScript file {name}: does not run on a {tuple(x.shape[1:])} image "
                f"({str(exc).strip().splitlines()[0][:160]})."
            ) from None
    if not isinstance(out, torch.Tensor) or out.dim() != 2:
        raise ConvLensError(f"TorchScript file {name}: does not return class scores (a batch x classes tensor).")
    return int(out.shape[1])


# ------------------------------------------------------------------ dispatch


def load_weights_steps(arch: str | None, weights: str, labels_file: str | Path | None = None,
                       ) -> Generator[DownloadProgress, None, LoadedModel]:
    """Load ``weights``: ``pretrained`` (or an enum name like ``IMAGENET1K_V1``), ``random`` or a path.

    A generator: pretrained weights that are not cached are downloaded first
    (an explicit request), yielding progress; the ``LoadedModel`` is its
    return value.
    """
    spec = get_arch(arch) if arch else None
    if weights == "random":
        if spec is None:
            raise ConvLensError("Random weights need an architecture.")
        return load_random(spec, labels_file)
    candidate = Path(weights)
    if candidate.suffix or candidate.exists() or os.sep in weights:
        return load_file(candidate, spec, labels_file)
    if spec is None:
        raise ConvLensError("Pretrained weights need an architecture.")
    chosen = pretrained_weights(spec, weights)
    yield from download_pretrained(chosen)
    loaded = load_pretrained(spec, chosen.name)
    if labels_file is not None:
        loaded.labels = _labels_for(loaded.num_classes, spec, None, labels_file, loaded.notes)
    return loaded


def load_weights(arch: str | None, weights: str, labels_file: str | Path | None = None,
                 progress: Callable[[DownloadProgress], None] | None = None) -> LoadedModel:
    """``load_weights_steps`` run to the end, reporting download progress to ``progress``."""
    from engine.steps import run_to_end

    return run_to_end(load_weights_steps(arch, weights, labels_file), progress)


def save_checkpoint(path: str | Path, loaded: LoadedModel) -> Path:
    """Write a ConvLens checkpoint: state dict + architecture, classes, preprocessing, head layout, training.

    Atomic: written to a temporary file beside the target, flushed to disk and
    renamed over it, so a crash leaves the old file or the new one, never half of one.
    """
    path = Path(path)
    payload = {
        "format": CHECKPOINT_FORMAT,
        "arch": loaded.arch.name if loaded.arch else None,
        "classes": list(loaded.labels),
        "preprocess": loaded.preprocess.to_dict(),
        "build_options": dict(loaded.build_options),
        "head_layout": dict(loaded.head_layout) if loaded.head_layout else None,
        "training": dict(loaded.training) if loaded.training else None,
        "state_dict": {k: v.detach().cpu() for k, v in loaded.model.state_dict().items()},
    }
    if not path.parent.is_dir():
        raise ConvLensError(f"Cannot save {path.name}: the folder {path.parent} does not exist.")
    tmp = path.with_name(f".{path.name}.{os.getpid()}.partial")
    try:
        with open(tmp, "wb") as f:
            torch.save(payload, f)
            f.flush()
            os.fsync(f.fileno())
        os.replace(tmp, path)
    except OSError as exc:
        raise ConvLensError(f"Cannot save {path}: {exc.strerror or exc}.") from None
    finally:
        tmp.unlink(missing_ok=True)
    return path
