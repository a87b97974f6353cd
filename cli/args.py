"""Argument types and help texts the subcommands share."""

from __future__ import annotations

import argparse

WEIGHTS_HELP = (
    "bundled | pretrained | random | FILE (a weights file, checkpoint or .convlens project). Default: the bundled "
    "MobileNetV2 (ImageNet) when no --arch is named, else ARCH's pretrained weights; pretrained weights that are not "
    "cached and cannot be downloaded fall back to the bundled model, with a note")
RUNTIME_HELP = (
    "auto (default): PyTorch's own f32 numbers from the fastest runtime here that gives them (PyTorch, ONNX Runtime "
    "or OpenVINO f32, probabilities within 1e-4). Speed depends on the architecture and input size, not the weights: "
    "the runtimes are timed once per architecture, input size and computer, new weights only get a parity check, "
    "and the model is converted only when the work repays it (never for one image: the first answer comes as fast "
    "as PyTorch's). | torch | onnxruntime | openvino (f32) | fast (OpenVINO at reduced precision, bf16 where the "
    "CPU has it: every result says so, with its measured agreement with f32 on your images)")


def integer(low: int, high: int | None = None, what: str = "") -> object:
    """An argparse type: a whole number from ``low`` to ``high``; argparse names the flag in its message."""
    def parse(text: str) -> int:
        try:
            value = int(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a whole number") from None
        if value < low or (high is not None and value > high):
            span = f"from {low} to {high}" if high is not None else f"at least {low}"
            raise argparse.ArgumentTypeError(f"{value}: give {what or 'a number'} {span}")
        return value

    return parse


def number(low: float, high: float, what: str = "", low_open: bool = False, high_open: bool = False) -> object:
    """An argparse type: a finite number in [low, high] (an open end where asked)."""
    import math

    def parse(text: str) -> float:
        try:
            value = float(text)
        except ValueError:
            raise argparse.ArgumentTypeError(f"'{text}' is not a number") from None
        if not math.isfinite(value) or value < low or value > high or (low_open and value == low) or (
                high_open and value == high):
            span = f"{'above' if low_open else 'from'} {low:g} {'to below' if high_open else 'to'} {high:g}"
            raise argparse.ArgumentTypeError(f"{text}: give {what or 'a number'} {span}")
        return value

    return parse


TOPK = integer(1, 1000, "how many classes")


def input_size(text: str) -> int:
    """--input-size: 0 (the weights' own size) or a side from 16 to 2048 pixels."""
    value = integer(0, 2048, "a side in pixels")(text)  # type: ignore[operator]
    if 0 < value < 16:
        raise argparse.ArgumentTypeError(f"{value}: give the side in pixels (at least 16), or 0 for the weights' own")
    return int(value)


BATCH = integer(1, 4096, "a batch size")


def image_model_args(p: argparse.ArgumentParser) -> None:
    p.add_argument("image", help="image file")
    p.add_argument("--arch", help="architecture name (see `convlens models`)")
    p.add_argument("--weights", help=WEIGHTS_HELP)
    p.add_argument("--labels", help="class names: text file (one per line) or JSON")
    p.add_argument("--device", default="auto", help="auto | cpu | cuda | mps (default auto)")



PRECISION_HELP = (
    "f32 (default): the model's own numbers | int8: the model quantized by NNCF (post-training, calibrated on "
    "--calibration DIR) and run by OpenVINO: faster, and not the model's f32 numbers; every result says so, with its "
    "measured top-1 agreement with f32")


def add_precision(p: argparse.ArgumentParser) -> None:
    """``--precision f32|int8`` and ``--calibration DIR`` (checked together by ``check_precision``)."""
    p.add_argument("--precision", choices=("f32", "int8"), default="f32", help=PRECISION_HELP)
    p.add_argument("--calibration", metavar="DIR",
                   help="with --precision int8: a folder of your own images, of the kind the model will see (up to "
                        "300 are used, spread over the folder); the quantized model is cached for it")


def check_precision(parser: argparse.ArgumentParser, args: argparse.Namespace) -> None:
    """A usage error (exit 2) for int8 without a calibration folder, or a calibration folder without int8."""
    if not hasattr(args, "precision"):  # export names int8 in its --format and checks its own --calibration
        return
    precision = args.precision
    calibration = getattr(args, "calibration", None)
    if precision == "int8" and not calibration:
        parser.error("--precision int8 needs --calibration DIR: a folder of your own images to set the int8 ranges "
                     "on (a few hundred of the kind the model will see)")
    if calibration and precision != "int8":
        parser.error("--calibration is for --precision int8")
    if precision == "int8" and getattr(args, "runtime", "auto") not in ("auto", "openvino", "fast"):
        parser.error(f"--precision int8 runs in OpenVINO: leave out --runtime {args.runtime}")
