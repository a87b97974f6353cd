"""``convlens live``."""

from __future__ import annotations

import sys
from typing import TYPE_CHECKING

from convlens.cli.args import RUNTIME_HELP, TOPK, WEIGHTS_HELP, add_precision, integer
from convlens.cli.common import (
    load_for_runtime,
)
from convlens.engine.core.choices import default_runtime

if TYPE_CHECKING:
    import argparse

    from convlens.engine.app.tasks import LiveEvent


def add_parser(sub: argparse._SubParsersAction) -> None:
    from convlens.engine.core.choices import RUNTIME_CHOICES
    from convlens.engine.models.preprocess import PRESETS

    p = sub.add_parser("live", help="classify a camera, video file or stream without a window")
    p.add_argument("source", help="camera index (0, 1, ...), video file, or stream URL (rtsp://, http://)")
    p.add_argument("--arch", help="architecture name (see `convlens models`)")
    p.add_argument("--weights", help=WEIGHTS_HELP)
    p.add_argument("--labels", help="class names: text file (one per line) or JSON")
    p.add_argument("--runtime", choices=RUNTIME_CHOICES, default=default_runtime(),
                   help=RUNTIME_HELP)
    add_precision(p)
    p.add_argument("--preprocess", choices=tuple(PRESETS),
                   help="preprocessing for an ONNX file that does not carry its own")
    p.add_argument("--device", default="auto", help="auto | cpu | cuda | mps (default auto)")
    p.add_argument("--max-frames", type=integer(1, None, "a frame count"), help="stop after this many inferences (default: until the source ends)")
    p.add_argument("--topk", type=TOPK, default=1, help="classes kept per inference (the line shows the top-1)")
    p.add_argument("--no-realtime", action="store_true",
                   help="read a video file as fast as it decodes instead of at its own frame rate")
    p.add_argument("--mirror", action="store_true", help="mirror frames horizontally (as a selfie camera)")
    p.add_argument("--no-crop", action="store_true", help="give the model the whole frame, not its centre square")


def run(args: argparse.Namespace) -> int:
    from convlens.engine.app.live import LiveResult
    from convlens.engine.app.tasks import LiveControl, LiveOptions, LiveStarted, live
    from convlens.engine.core.steps import run_to_end
    from convlens.engine.runtime.runtimes import OPEN_ENDED

    session = load_for_runtime(args, OPEN_ENDED)
    precision = session.info.precision if session.info else "f32"  # named on every line when reduced
    control = LiveControl(LiveOptions(mirror=args.mirror, crop=not args.no_crop, topk=max(1, args.topk)))
    started_at = 0.0

    def show(step: LiveEvent) -> None:
        nonlocal started_at
        if isinstance(step, LiveStarted):
            started_at = step.started_at
        elif isinstance(step, LiveResult):
            top = step.predictions[0]
            print(f"frame={step.frame.index} t={step.frame.time - started_at:.3f} top1={top.label} "
                  f"p={top.probability:.4f} fps={step.infer_fps:.1f}" + (" unknown" if step.unknown else "")
                  + (f" precision={precision}" if precision != "f32" else ""), flush=True)

    # raises (exit 1) when the source cannot be opened
    summary = run_to_end(live(session, args.source, control, realtime=not args.no_realtime,
                              max_frames=args.max_frames), show)
    for line in summary.lines():
        print(line)
    if summary.error:
        print(f"error: {summary.error}", file=sys.stderr)
        return 1
    return 0
