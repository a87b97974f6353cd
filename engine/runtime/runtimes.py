"""Which runtime classifies: PyTorch, ONNX Runtime, OpenVINO f32, ``fast`` (OpenVINO at reduced precision) or
``auto`` (the fastest *faithful* runtime, when the work repays converting the model).

* Faithful means the probabilities are PyTorch f32's own: a runtime passes when top-1 agrees on every sample
  photo and every probability is within ``FAITHFUL_TOLERANCE`` (1e-4) of PyTorch's. PyTorch, ONNX Runtime and
  OpenVINO f32 are the candidates (measured here: max |Δp| 1e-6 on MobileNetV2 and ResNet-50).
* ``fast`` is the user's choice of reduced precision: OpenVINO with bf16 where the CPU has AVX-512 BF16 / AMX,
  f16 where it computes in half precision natively. Its check is looser (top-1 agrees, |Δp| <= 0.05), every result
  it produces is named as reduced precision, and the predictor measures its agreement with PyTorch f32 on the
  user's own images (``engine.runtime.predict.Agreement``).
* The rule of ``auto``: speed depends on the architecture and the input size, not on the weights, so the runtimes
  are timed once per (architecture, input size, machine) and the figures kept (a ``SpeedProfile``); a new
  weights file (every fine-tune is one) only gets its parity check. A model is converted only when the work
  repays it: the time the fastest runtime saves on that many images must exceed what converting costs (the
  export, measured once per architecture, unless this weights file's export is already cached, plus the
  compile). One photo never converts, so the first answer comes as fast as PyTorch's; a folder or live video
  does. Until an architecture has been timed here, work of fewer than ``PROFILE_MIN_IMAGES`` images stays on
  PyTorch. With a CUDA or MPS GPU, PyTorch on the GPU is the choice.
* Everything is cached under the user cache folder: the exported ONNX file per weights, OpenVINO's compiled blob
  (its own ``CACHE_DIR``) and the speed profiles. A cached export that cannot be loaded (a kill while it was
  written by an older version, a full disk) is deleted and built again, never trusted.

Feature maps, CAM, training, saving and exporting always use the PyTorch model; the fast runtime only
classifies, and the parity check is what makes the two the same model.
"""

from __future__ import annotations

import hashlib
import json
import math
import platform
import sys
import time
from dataclasses import dataclass, replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

import numpy as np
import torch

from convlens.engine.core.errors import ConvLensError, Text

if TYPE_CHECKING:
    from convlens.engine.models.loaded import LoadedModel

__all__ = ["FAITHFUL_TOLERANCE", "PROFILE_MIN_IMAGES", "REDUCED_TOLERANCE", "RUNTIMES", "AutoChoice",
           "OpenVinoClassifier", "SpeedProfile", "best_precision", "cache_dir", "choose_runtime", "convert",
           "tolerance"]

RUNTIMES = ("auto", "torch", "onnxruntime", "openvino", "fast")
TITLES = {"torch": "PyTorch", "onnxruntime": "ONNX Runtime", "openvino": "OpenVINO", "fast": "OpenVINO"}
#: The runtimes ``auto`` may choose: the ones whose numbers are PyTorch f32's.
FAITHFUL = ("torch", "onnxruntime", "openvino")
#: Largest |p_runtime - p_torch| of a faithful runtime (f32 kernels differ in summation order only: ~1e-6 here).
FAITHFUL_TOLERANCE = 1e-4
#: Largest |p_runtime - p_torch| accepted from a reduced-precision runtime the user chose (bf16's 8-bit mantissa
#: moves probabilities by a few thousandths, at worst hundredths); top-1 must still agree on every sample.
REDUCED_TOLERANCE = 0.05
#: Until an architecture has been timed on this machine, work of fewer images stays on PyTorch (timing every
#: runtime costs a few seconds, which a handful of images cannot repay).
PROFILE_MIN_IMAGES = 64
#: What ``auto`` assumes open-ended work (live video, a session in the window) is worth, in images.
OPEN_ENDED = math.inf


def tolerance(precision: str) -> float:
    """Largest |p_runtime - p_torch| accepted: PyTorch's own numbers for f32, looser for 16-bit inference."""
    return FAITHFUL_TOLERANCE if precision == "f32" else REDUCED_TOLERANCE


def cache_dir() -> Path:
    from platformdirs import user_cache_dir

    path = Path(user_cache_dir("ConvLens", appauthor=False)) / "runtimes"
    path.mkdir(parents=True, exist_ok=True)
    return path


def weights_hash(loaded: LoadedModel) -> str:
    """A short hash of the model's weights and preprocessing (the cache key with the architecture)."""
    h = hashlib.sha256()
    for name, tensor in loaded.model.state_dict().items():
        h.update(name.encode())
        h.update(tensor.detach().cpu().contiguous().numpy().tobytes())
    h.update(json.dumps(loaded.preprocess.to_dict(), sort_keys=True).encode())
    h.update(json.dumps(list(loaded.labels)).encode())
    return h.hexdigest()[:16]


def import_openvino() -> Any:
    """The ``openvino`` module, with its usage telemetry off: nothing ConvLens does is ever uploaded.

    ``import openvino`` imports its model converter, which starts Intel's telemetry (Google Analytics; a client id
    in ``~/intel``, a sender thread) unless the user opted out. Its modules fall back to a built-in no-op stub when
    ``openvino_telemetry`` cannot be imported, so the engine makes that import fail before OpenVINO is loaded.
    """
    if "openvino_telemetry" not in sys.modules:
        sys.modules["openvino_telemetry"] = None  # type: ignore[assignment]  # import -> ImportError -> the stub
    import openvino

    return openvino


def openvino_available() -> bool:
    try:
        import_openvino()
    except ImportError:
        return False
    return True


def best_precision() -> str:
    """bf16 where the CPU has it, f16 where it infers in half precision natively, else f32."""
    ov = import_openvino()
    caps = ov.Core().get_property("CPU", "OPTIMIZATION_CAPABILITIES")
    if "BF16" in caps:
        return "bf16"
    if "FP16" in caps and platform.machine().lower() in ("arm64", "aarch64"):
        return "f16"  # ARM CPUs compute f16 natively; on x86 "FP16" only means f16 weights are accepted
    return "f32"


class OpenVinoClassifier:
    """An OpenVINO compiled model with the torch-model surface the Predictor uses."""

    def __init__(self, onnx_path: str | Path, precision: str) -> None:
        ov = import_openvino()
        self.path = Path(onnx_path)
        self.precision = precision
        core = ov.Core()
        core.set_property({"CACHE_DIR": str(cache_dir() / "openvino")})
        # int8: the quantized layers run in int8, the others in f32 (not compounding a second reduced precision)
        hint = {"bf16": "bf16", "f16": "f16", "f32": "f32", "int8": "f32"}[precision]
        try:
            self.compiled = core.compile_model(str(self.path), "CPU", {"INFERENCE_PRECISION_HINT": hint,
                                                                     "PERFORMANCE_HINT": "LATENCY"})
        except Exception as exc:
            first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
            raise ConvLensError("OpenVINO cannot compile {name} ({first}).", name=self.path.name, first=first[:200]) from None
        self.request = self.compiled.create_infer_request()
        self.max_batch = 64
        self.training = False

    def to(self, _device: Any) -> OpenVinoClassifier:
        return self

    def eval(self) -> OpenVinoClassifier:
        return self

    def __call__(self, x: torch.Tensor) -> torch.Tensor:
        feed = np.ascontiguousarray(x.detach().cpu().numpy(), dtype=np.float32)
        out = self.request.infer({0: feed})
        return torch.from_numpy(np.asarray(next(iter(out.values())), dtype=np.float32).reshape(feed.shape[0], -1))


@dataclass(frozen=True)
class AutoChoice:
    runtime: str
    precision: str
    reason: str


# ------------------------------------------------------------------ the exported model, per weights
def _key(loaded: LoadedModel) -> str:
    return f"{loaded.name}-{weights_hash(loaded)}"


def _exported(loaded: LoadedModel, key: str) -> Path:
    """The model as ONNX (with metadata) in the cache; exported once per weights. A cached file that is not a
    complete ONNX model (cut short by a kill or a full disk) is built again."""
    from convlens.engine.runtime.export import export

    out = cache_dir() / f"{key}.onnx"
    if out.is_file() and not _complete_onnx(out):
        out.unlink(missing_ok=True)
    if not out.is_file():
        prune_cache()
        report = export(loaded, out, "onnx")
        if report.top1_agree != report.images:
            out.unlink(missing_ok=True)
            raise ConvLensError("The ONNX export of this model disagrees with it ({value}).", value=report.summary())
    else:
        out.touch()  # recently used: kept by prune_cache
    return out


def _complete_onnx(path: Path) -> bool:
    try:
        import onnx

        onnx.load(str(path), load_external_data=False)
    except Exception:
        return False
    return True


#: Exported models kept in the cache (each fine-tune is a new model; VGG16 alone is 0.5 GB).
CACHE_KEEP = 8


def prune_cache(keep: int = CACHE_KEEP) -> None:
    """Drop the least recently used exports beyond ``keep``, and partial files left by a killed process."""
    folder = cache_dir()
    exports = sorted(folder.glob("*.onnx"), key=lambda p: p.stat().st_mtime, reverse=True)
    for old in exports[keep - 1 :]:
        for path in (old, old.with_suffix(".auto.json"), old.with_name(old.name + ".parity.json")):
            path.unlink(missing_ok=True)
    for partial in folder.glob(".*.partial"):
        if time.time() - partial.stat().st_mtime > 600:  # not one being written right now
            partial.unlink(missing_ok=True)
    for old_int8 in sorted(folder.glob("*-int8-*.xml"), key=lambda p: p.stat().st_mtime, reverse=True)[keep:]:
        for path in (old_int8, old_int8.with_suffix(".bin"), old_int8.with_suffix(".agreement.json")):
            path.unlink(missing_ok=True)
    blobs = folder / "openvino"  # OpenVINO's compiled models, one or two per export and precision
    if blobs.is_dir():
        for old_blob in sorted(blobs.iterdir(), key=lambda p: p.stat().st_mtime, reverse=True)[2 * keep :]:
            old_blob.unlink(missing_ok=True)


def agreement_on(reference: torch.nn.Module, fast: torch.nn.Module | Any, x: torch.Tensor,
                 temperature: float = 1.0) -> tuple[int, float]:
    """(images of ``x`` whose top-1 is the same, largest probability difference) of ``fast`` against the PyTorch
    model ``reference``, probabilities softmax(logits / temperature)."""
    with torch.inference_mode():
        ref = (reference.eval()(x).float() / temperature).softmax(1).numpy()
        got = (fast(x).float() / temperature).softmax(1).numpy()
    return int((ref.argmax(1) == got.argmax(1)).sum()), float(np.abs(ref - got).max())


def _parity(loaded: LoadedModel, fast: torch.nn.Module | Any, precision: str,
            samples: torch.Tensor) -> tuple[bool, str]:
    agree, diff = agreement_on(loaded.model, fast, samples)
    ok = agree == len(samples) and diff <= tolerance(precision)
    return ok, f"{agree}/{len(samples)} top-1 agree, max |Δp| {diff:.1e} (tolerance {tolerance(precision):g})"


def _samples(loaded: LoadedModel) -> torch.Tensor:
    from convlens.engine.runtime.export import sample_images

    return torch.stack([loaded.preprocess(im) for im in sample_images()])


def convert(loaded: LoadedModel, runtime: str, precision: str = "auto", key: str = "") -> LoadedModel:
    """``loaded`` run by ``runtime`` (checked against PyTorch); the PyTorch model itself for "torch".

    "openvino" and "onnxruntime" are f32 (faithful); "fast" is OpenVINO at the CPU's best reduced precision.
    ``key``: the model's cache key when the caller has it already (hashing VGG16's weights takes a second)."""
    if runtime == "torch":
        return loaded
    if runtime not in RUNTIMES or runtime == "auto":
        raise ConvLensError("Unknown runtime '{runtime}': use {value}.", runtime=runtime,
                            value=', '.join(r for r in RUNTIMES if r != "auto"))
    if loaded.runtime != "torch" or loaded.scripted:
        raise ConvLensError(
            "Only a PyTorch model can move to another runtime; {source} is not one.",
            source=loaded.source,
        )
    if runtime in ("openvino", "fast") and not openvino_available():
        raise ConvLensError("OpenVINO is not installed (pip install openvino).")
    onnx_file = _exported(loaded, key or _key(loaded))
    model: Any
    if runtime == "onnxruntime":
        from convlens.engine.weights.onnx import load_onnx

        model, precision = load_onnx(onnx_file).model, "f32"
    elif runtime == "openvino":
        precision = "f32"
        model = OpenVinoClassifier(onnx_file, precision)
    else:
        precision = best_precision() if precision == "auto" else precision
        model = OpenVinoClassifier(onnx_file, precision)
    ok, detail = _parity(loaded, model, precision, _samples(loaded))
    if not ok:
        raise ConvLensError(
            "{TITLES} {precision} disagrees with the PyTorch model ({detail}).",
            TITLES=TITLES[runtime], precision=precision, detail=detail,
        )
    engine = "onnxruntime" if runtime == "onnxruntime" else "openvino"
    return replace(loaded, model=model, runtime=engine, scripted=True, precision=precision,  # type: ignore[arg-type]
                   reference=loaded.model if precision != "f32" else None,
                   notes=[*loaded.notes, f"running in {TITLES[runtime]} {precision}: parity {detail}"])


# ------------------------------------------------------------------ speed, per architecture and machine
def _time_batch1(model: Any, samples: torch.Tensor, repeats: int = 5) -> float:
    x = samples[:1]
    with torch.inference_mode():
        model(x)  # warm-up
        times = []
        for _ in range(repeats):
            t = time.perf_counter()
            model(x)
            times.append(time.perf_counter() - t)
    return float(np.median(times))


def machine_key() -> str:
    """What the timings depend on besides the model: the CPU, its threads and the runtimes' versions."""
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    from importlib import metadata

    versions = [torch.__version__, str(torch.get_num_threads())]
    for package in ("onnxruntime", "openvino"):  # from the installed metadata: importing them costs half a second
        try:
            versions.append(metadata.version(package))
        except metadata.PackageNotFoundError:
            versions.append("-")
    return hashlib.sha256("|".join([cpu, *versions]).encode()).hexdigest()[:12]


@dataclass(frozen=True)
class SpeedProfile:
    """How fast each faithful runtime runs one architecture at one input size on this machine (seconds per image
    at batch 1), and what converting costs: the ONNX export, then each runtime's load and parity check."""

    seconds: dict[str, float]
    export_seconds: float
    load_seconds: dict[str, float]
    left_out: tuple[str, ...] = ()

    def fastest(self) -> str:
        return min(self.seconds, key=self.seconds.__getitem__)

    def describe(self) -> str:
        return ", ".join(f"{TITLES[r]} {1000 * t:.1f} ms" for r, t in sorted(self.seconds.items(), key=lambda i: i[1]))

    def to_dict(self) -> dict[str, Any]:
        return {"seconds": self.seconds, "export_seconds": self.export_seconds, "load_seconds": self.load_seconds,
                "left_out": list(self.left_out)}

    @classmethod
    def from_dict(cls, d: dict[str, Any]) -> SpeedProfile:
        seconds = {str(k): float(v) for k, v in d["seconds"].items() if k in FAITHFUL}
        if "torch" not in seconds or not all(math.isfinite(v) and v > 0 for v in seconds.values()):
            raise ValueError("incomplete profile")
        return cls(seconds, float(d["export_seconds"]), {str(k): float(v) for k, v in d["load_seconds"].items()},
                   tuple(d.get("left_out", ())))


def _profile_file(loaded: LoadedModel) -> Path:
    pre = loaded.preprocess
    return cache_dir() / f"speed-{loaded.name}-{pre.channels}x{pre.crop}-{machine_key()}.json"


def load_profile(loaded: LoadedModel) -> SpeedProfile | None:
    path = _profile_file(loaded)
    try:
        return SpeedProfile.from_dict(json.loads(path.read_text()))
    except FileNotFoundError:
        return None
    except (OSError, ValueError, KeyError, TypeError, AttributeError):
        path.unlink(missing_ok=True)  # unreadable: measured again
        return None


def measure_profile(loaded: LoadedModel) -> tuple[SpeedProfile, dict[str, LoadedModel]]:
    """Build every faithful runtime for this model, time each at batch 1, keep the figures for the architecture."""
    import logging

    samples = _samples(loaded)
    seconds = {"torch": _time_batch1(loaded.model.eval(), samples)}
    built: dict[str, LoadedModel] = {"torch": loaded}
    load_seconds: dict[str, float] = {}
    left_out: list[str] = []
    key = _key(loaded)
    t = time.perf_counter()
    try:
        _exported(loaded, key)
    except ConvLensError as exc:
        left_out.append(str(exc))
    export_seconds = time.perf_counter() - t
    for runtime in ("openvino", "onnxruntime") if not left_out else ():
        t = time.perf_counter()
        try:
            fast = convert(loaded, runtime, key=key)
        except ConvLensError as exc:
            left_out.append(str(exc))
            continue
        except Exception as exc:
            logging.getLogger("convlens.runtimes").exception("building %s", runtime)
            left_out.append(f"{TITLES[runtime]} could not be built here ({type(exc).__name__}: {str(exc)[:120]})")
            continue
        load_seconds[runtime] = time.perf_counter() - t
        seconds[runtime] = _time_batch1(fast.model, samples)
        built[runtime] = fast
    profile = SpeedProfile(seconds, export_seconds, load_seconds, tuple(left_out))
    if not left_out or len(seconds) > 1:  # a passing failure (no OpenVINO here) is part of the profile too
        from convlens.engine.core.fileio import write_atomic

        try:
            write_atomic(_profile_file(loaded), json.dumps(profile.to_dict()).encode())
        except ConvLensError:
            pass  # a full cache disk: measured again next time, nothing else lost
    return profile, built


def _fastest(runtime: str, timed: str) -> Text:
    return Text("{runtime} f32: the fastest faithful runtime here at batch 1 ({timed})", runtime=TITLES[runtime],
                timed=timed)


def choose_runtime(loaded: LoadedModel, device: torch.device | str = "cpu",
                   images: float = OPEN_ENDED) -> tuple[LoadedModel, AutoChoice]:
    """The fastest faithful runtime for ``images`` images of work (``OPEN_ENDED``: live video, a window session),
    or PyTorch when converting would cost more than it saves. See the module's docstring for the rule."""
    device = torch.device(device)
    if device.type in ("cuda", "mps"):
        return loaded, AutoChoice("torch", "f32", f"PyTorch on the {device.type.upper()} GPU")
    if loaded.runtime != "torch" or loaded.scripted:
        return loaded, AutoChoice(loaded.runtime, loaded.precision, "this model file runs only in its own runtime")
    profile = load_profile(loaded)
    built: dict[str, LoadedModel] = {}
    count = Text("one image") if images == 1 else Text("{n} images", n=int(images)) if math.isfinite(images) else ""
    if profile is None:
        if images < PROFILE_MIN_IMAGES:
            return loaded, AutoChoice("torch", "f32", Text(
                "PyTorch f32: converting the model would not pay for {count} (a folder of {min} or more images, or "
                "live video, times the runtimes for {arch} once on this computer)",
                count=count, min=PROFILE_MIN_IMAGES, arch=loaded.name))
        profile, built = measure_profile(loaded)
    best = profile.fastest()
    timed = profile.describe()
    if best == "torch":
        return loaded, AutoChoice("torch", "f32", Text("PyTorch f32: the fastest here at batch 1 ({timed})",
                                                       timed=timed))
    if best in built:
        return built[best], AutoChoice(best, "f32", _fastest(best, timed))
    key = _key(loaded)  # once: the export cache and the conversion both need it
    exported = (cache_dir() / f"{key}.onnx").is_file()
    cost = profile.load_seconds.get(best, 1.0) + (0.0 if exported else profile.export_seconds)
    saved = (profile.seconds["torch"] - profile.seconds[best]) * images
    if saved <= cost:
        return loaded, AutoChoice("torch", "f32", Text(
            "PyTorch f32: {count} would save {saved:.1f} s in {runtime}, converting costs {cost:.1f} s ({timed})",
            count=count, saved=saved, runtime=TITLES[best], cost=cost, timed=timed))
    try:
        fast = convert(loaded, best, key=key)
    except ConvLensError as exc:  # these weights disagree (or the runtime broke): PyTorch, with why
        return loaded, AutoChoice("torch", "f32", Text("PyTorch f32: {runtime} was left out ({why})",
                                                       runtime=TITLES[best], why=str(exc)))
    return fast, AutoChoice(best, "f32", _fastest(best, timed))
