"""Loading weights: torchvision's pretrained sets, random initialisation, or a file of any supported format.

Every path ends in a ``LoadedModel`` (``engine.models.loaded``). A file's format is read from its signature
(``engine.weights.formats``); state dicts and checkpoints are read by ``engine.weights.checkpoints``, Keras files by
``engine.weights.keras``, ONNX files by ``engine.weights.onnx``; pretrained weights come through ``engine.weights.hub``.
"""

from __future__ import annotations

import json
import os
import warnings
from pathlib import Path
from typing import TYPE_CHECKING, Any

import torch

from convlens.engine.core.errors import ConvLensError, Text
from convlens.engine.models.heads import find_classifier, num_outputs
from convlens.engine.models.labels import labels_for
from convlens.engine.models.loaded import LoadedModel
from convlens.engine.models.preprocess import Preprocess
from convlens.engine.models.registry import TIMM_FAMILY, get_arch
from convlens.engine.weights.bundled import BUNDLED, BUNDLED_ARCH, bundled_title, fallback_note, load_bundled
from convlens.engine.weights.checkpoints import read_state_file
from convlens.engine.weights.formats import sniff_format
from convlens.engine.weights.hub import DownloadUnavailable, download_pretrained, load_pretrained, pretrained_weights
from convlens.engine.weights.metadata import META_ARCH, META_CLASSES, META_PREPROCESS, TORCHSCRIPT_META_FILE, training_from_meta
from convlens.engine.weights.project import is_project_file, read_project

if TYPE_CHECKING:
    from collections.abc import Callable, Generator, Mapping

    from torch import nn

    from convlens.engine.models.registry import ArchSpec
    from convlens.engine.weights.checkpoints import StateFile
    from convlens.engine.weights.hub import DownloadProgress
    from convlens.engine.weights.project import Project

__all__ = ["load_file", "load_project_model", "load_random", "load_weights", "load_weights_steps"]

_AUX_PREFIXES = ("AuxLogits.", "aux1.", "aux2.")


def load_random(spec: ArchSpec, labels_file: str | Path | None = None, seed: int | None = None) -> LoadedModel:
    if seed is not None:
        torch.manual_seed(seed)
    model = spec.build().eval()
    _, head = find_classifier(model)
    notes: list[str] = [Text("{title} has random (untrained) weights: its answers are meaningless until it is "
                             "trained. Use it to train from scratch, or load pretrained weights or a file.",
                             title=spec.title)]
    labels = labels_for(num_outputs(head), spec, None, labels_file, notes)
    return LoadedModel(model, labels, spec.preprocess, spec, Text("random"), notes=notes)


# ----------------------------------------------------------------------- file


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
    """A weights file: a state dict or ConvLens checkpoint (``torch.save``, safetensors), a TorchScript archive,
    a Keras HDF5 file or an ONNX model, told apart by their signatures.

    A state dict must fit ``spec``; a different number of classes in the
    final layer is accepted (the head is rebuilt to match) and reported.
    """
    path = Path(path)
    if is_project_file(path):
        return load_project_model(path, spec, labels_file)
    fmt = sniff_format(path)
    if fmt == "keras":
        return _load_keras(path, spec, labels_file)
    if fmt == "onnx":
        from convlens.engine.weights.onnx import load_onnx

        return load_onnx(path, None, labels_file)
    if fmt == "torchscript":
        return _load_torchscript(path, spec, labels_file)
    return _from_state_file(read_state_file(path, fmt), path.name, spec, labels_file, Text("file {name}", name=path.name))


def load_project_model(path: Path, spec: ArchSpec | None = None, labels_file: str | Path | None = None,
                       project: Project | None = None) -> LoadedModel:
    """The model of a ``.convlens`` project: its own checkpoint when it was trained there, else the model it names
    (bundled, pretrained, random or a file; a file that is gone is said so, by path)."""
    project = project or read_project(path)
    model = project.model
    if project.has_checkpoint:
        with project.checkpoint_stream() as stream:
            stored = read_state_file(Path(f"{path.name}:model.pth"), "torch", stream)
        return _from_state_file(stored, path.name, spec, labels_file, Text("project {name}", name=path.name))
    kind, arch = model.get("kind"), model.get("arch") or None
    labels = labels_file or model.get("labels_file") or None
    if labels and not Path(labels).is_file():
        raise ConvLensError("Project {name}: its labels file {file} is not there any more.", name=path.name, file=labels)
    if kind == "file":
        source = model.get("path") or ""
        if not source or not Path(source).is_file():
            raise ConvLensError("Project {name}: its weights file {file} is not there any more (moved or deleted?). "
                                "Put it back, or load the weights from where they are now.", name=path.name, file=source)
        if is_project_file(source):
            raise ConvLensError("Project {name} names another project as its weights ({file}).", name=path.name,
                                file=source)
        return load_file(source, get_arch(arch) if arch else spec, labels)
    if kind in (BUNDLED, "pretrained", "random"):
        from convlens.engine.core.steps import run_to_end

        return run_to_end(load_weights_steps(arch, str(kind), labels))
    raise ConvLensError("Project {name}: its model ({kind!r}) is not one this ConvLens knows.", name=path.name, kind=kind)


def _from_state_file(stored: StateFile, name: str, spec: ArchSpec | None, labels_file: str | Path | None,
                     source: str) -> LoadedModel:
    """A model built from a state file: its architecture (the checkpoint's own wins), head and class names."""
    path = Path(name)
    state = stored.state
    notes: list[str] = []
    if stored.arch:  # a ConvLens checkpoint knows its architecture: it wins over the current choice
        named = get_arch(stored.arch)
        if spec is not None and named.name != spec.name:
            notes.append(Text(
                "{name} is a {title} checkpoint; loaded as {title}, not {title2}.",
                name=path.name, title=named.title, title2=spec.title,
            ))
        spec = named
    elif spec is None:
        raise ConvLensError("Weights file {name}: choose the architecture these weights belong to.", name=path.name)
    layout, options = stored.head_layout, stored.build_options
    try:
        if layout is not None and layout.kind != "scratch":
            model = layout.build(spec, len(stored.classes or ()), **options)
        else:
            model = spec.build(**options)
    except (TypeError, ValueError) as exc:  # an option the builder does not have, or a value it cannot take
        raise ConvLensError("Weights file {name}: its build options {options} do not fit {title} ({why}).",
                            name=path.name, options=options, title=spec.title,
                            why=str(exc).splitlines()[0][:160] if str(exc) else type(exc).__name__) from None
    head_name, head = find_classifier(model)
    head_key = f"{head_name}.weight"
    default_classes = num_outputs(head)
    if head_key in state and state[head_key].shape[0] != default_classes:
        file_classes = int(state[head_key].shape[0])
        model = spec.build(num_classes=file_classes, **options)
        notes.append(Text(
            "{name} has {file_classes} classes; {title}'s usual head has {default_classes}. The head "
            "was rebuilt to match.",
            name=path.name, file_classes=file_classes, title=spec.title, default_classes=default_classes,
        ))
    missing, unexpected, differ = _fit_report(model, state)
    if missing or unexpected or differ:
        parts = []
        if differ:
            parts.append(_listing("tensors with a different shape", differ))
        if missing:
            parts.append(_listing("missing keys", missing))
        if unexpected:
            parts.append(_listing("unexpected keys", unexpected))
        raise ConvLensError("Weights file {name} does not fit {title}: {details}. Is it for another architecture?",
                            name=path.name, title=spec.title, details="; ".join(parts))
    state = {k: v for k, v in state.items() if not k.startswith(_AUX_PREFIXES)}
    model.load_state_dict(state, strict=True)
    model.eval()
    _, head = find_classifier(model)
    labels = labels_for(num_outputs(head), spec, stored.classes, labels_file, notes)
    return LoadedModel(model, labels, stored.preprocess or spec.preprocess, spec, source, notes=notes,
                       build_options=options, head_layout=layout, training=stored.training)


def _load_keras(path: Path, spec: ArchSpec | None, labels_file: str | Path | None) -> LoadedModel:
    from convlens.engine.weights.keras import SUPPORTED, load_keras_h5

    notes: list[str] = []
    if spec is None:
        from convlens.engine.weights.keras import guess_arch

        guessed = guess_arch(path)
        if guessed is None:
            raise ConvLensError(
                "{name}: choose the architecture of these Keras weights ({value}).",
                name=path.name, value=', '.join(SUPPORTED),
            )
        spec = get_arch(guessed)
        notes.append(Text(
            "{name}: Keras {title} weights (recognised from its layer names).",
            name=path.name, title=spec.title,
        ))
    if spec.name not in SUPPORTED:
        raise ConvLensError(
            "{name}: Keras weight files can be loaded into {value}; not into {title}.",
            name=path.name, value=', '.join(SUPPORTED), title=spec.title,
        )
    keras = load_keras_h5(path, spec.name)
    if not keras.has_top:
        notes.append(Text(
            "{name} has no top: the classifier is untrained. Use it to fine-tune a new head.",
            name=path.name,
        ))
    _, head = find_classifier(keras.model)
    labels = labels_for(num_outputs(head), spec, None, labels_file, notes)
    return LoadedModel(keras.model, labels, keras.preprocess, spec, Text("Keras {name}", name=path.name), notes=notes,
                       build_options={"keras": True})


def _load_torchscript(path: Path, spec: ArchSpec | None, labels_file: str | Path | None) -> LoadedModel:
    extra = {TORCHSCRIPT_META_FILE: ""}  # written by ConvLens' export: class names, preprocessing, architecture
    try:
        with warnings.catch_warnings():
            # torch >= 2.10 deprecates TorchScript in favour of torch.export; files still load.
            warnings.simplefilter("ignore", FutureWarning)
            model = torch.jit.load(str(path), map_location="cpu", _extra_files=extra)
    except RuntimeError as exc:
        raise ConvLensError(
            "TorchScript file {name}: cannot be loaded ({value}).",
            name=path.name, value=str(exc).splitlines()[0][:160],
        ) from None
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
        preprocess = Preprocess.from_json(meta[META_PREPROCESS], path.name)
    else:
        preprocess = spec.preprocess if spec else Preprocess()
    num_classes = _probe_outputs(model, preprocess, path.name)
    notes: list[str] = []
    classes = json.loads(meta[META_CLASSES]) if meta.get(META_CLASSES) else None
    labels = labels_for(num_classes, spec, classes, labels_file, notes)
    return LoadedModel(model, labels, preprocess, spec, Text("TorchScript {name}", name=path.name), scripted=True, notes=notes,
                       training=training_from_meta(meta))


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
                "TorchScript file {name}: does not run on a {shape} image ({value}).",
                name=name, shape=tuple(x.shape[1:]), value=str(exc).strip().splitlines()[0][:160],
            ) from None
    if not isinstance(out, torch.Tensor) or out.dim() != 2:
        raise ConvLensError(
            "TorchScript file {name}: does not return class scores (a batch x classes tensor).",
            name=name,
        )
    return int(out.shape[1])


# ------------------------------------------------------------------ dispatch


def load_weights_steps(arch: str | None, weights: str | None, labels_file: str | Path | None = None,
                       ) -> Generator[DownloadProgress, None, LoadedModel]:
    """Load ``weights``: ``bundled``, ``pretrained`` (or an enum name like ``IMAGENET1K_V1``), ``random`` or a path;
    ``None`` means the default: ``arch``'s pretrained weights, or the bundled model when no ``arch`` is named.

    A generator: pretrained weights that are not cached are downloaded first (an explicit request), yielding
    progress; the ``LoadedModel`` is its return value. When they are neither cached nor downloadable (offline),
    the bundled model answers instead, with a note that says so: a pretrained choice never ends in nothing.
    """
    if weights is None:
        weights = "pretrained" if arch else BUNDLED
    spec = get_arch(arch) if arch else None
    if weights == BUNDLED:
        if spec is not None and spec.name != BUNDLED_ARCH:
            raise ConvLensError("The bundled weights are {bundled}; they do not fit {title}.",
                                bundled=bundled_title(), title=spec.title)
        return load_bundled(labels_file)
    if weights == "random":
        if spec is None:
            raise ConvLensError("Random weights need an architecture.")
        return load_random(spec, labels_file)
    candidate = Path(weights)
    if candidate.suffix or candidate.exists() or os.sep in weights:
        return load_file(candidate, spec, labels_file)
    if spec is None:
        raise ConvLensError("Pretrained weights need an architecture (or leave both out for the bundled {bundled}).",
                            bundled=bundled_title())
    if spec.family == TIMM_FAMILY:
        return _load_timm_pretrained(spec, weights, labels_file)
    chosen = pretrained_weights(spec, weights)
    try:
        yield from download_pretrained(chosen)
    except DownloadUnavailable as exc:
        loaded = load_bundled(labels_file)
        reason = exc.text.values.get("reason") or exc.text.values.get("exc") or str(exc)
        loaded.notes.insert(0, fallback_note(spec.title, str(reason)))
        return loaded
    loaded = load_pretrained(spec, chosen.name)
    if labels_file is not None:
        loaded.labels = labels_for(loaded.num_classes, spec, None, labels_file, loaded.notes)
    return loaded


def _load_timm_pretrained(spec: ArchSpec, weights: str, labels_file: str | Path | None) -> LoadedModel:
    from convlens.engine.models.architectures.timm_models import load_pretrained as timm_pretrained

    if weights != "pretrained":
        raise ConvLensError("{title}: timm's weights are chosen by name (timm:ARCH.TAG), not '{weights}'.",
                            title=spec.title, weights=weights)
    model = timm_pretrained(spec)
    notes: list[str] = []
    _, head = find_classifier(model)
    labels = labels_for(num_outputs(head), spec, None, labels_file, notes)
    return LoadedModel(model, labels, spec.preprocess, spec, Text("pretrained (timm)"), notes=notes)


def load_weights(arch: str | None, weights: str | None, labels_file: str | Path | None = None,
                 progress: Callable[[DownloadProgress], None] | None = None) -> LoadedModel:
    """``load_weights_steps`` run to the end, reporting download progress to ``progress``."""
    from convlens.engine.core.steps import run_to_end

    return run_to_end(load_weights_steps(arch, weights, labels_file), progress)
