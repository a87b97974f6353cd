"""``convlens finetune``'s diagnosis (``engine.training.diagnose``) and ``convlens check``'s health report (``engine.evaluation.health``)
in English; the Teach tab says both in the UI language."""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING

from convlens.engine.training.diagnose import finding_words

if TYPE_CHECKING:
    from convlens.engine.evaluation.health import HealthIssue, HealthReport
    from convlens.engine.training.diagnose import Finding, FindingValues

__all__ = ["finding_lines", "health_lines"]


def _setting(setting: str, v: FindingValues) -> str:
    return {
        "dropout": f"a higher --dropout (now {float(v.get('dropout', 0)):.2f}; 0.3-0.5)",
        "augmentation": "augmentation (--rotation, --shift, --zoom, --hflip)",
        "more_samples": "more images per class",
        "more_epochs": "more --epochs",
        "learning_rate": f"another --lr (now {float(v.get('lr', 0)):g}): larger if the loss falls slowly, smaller "
                         "if it jumps",
        "unfreeze": "--unfreeze (train the backbone too)",
        "hidden": "a dense head (--hidden 256 or 1024)",
        "balance": f"more images of {v.get('small', '')}, or fewer of {v.get('large', '')}",
    }[setting]


def finding_lines(findings: list[Finding]) -> list[str]:
    lines = []
    for f in findings:
        title, text = finding_words(f)  # the window's words too
        lines.append(f"diagnosis: {title.lower()}: {text}")
        if f.try_settings:
            lines.append("  try: " + "; ".join(_setting(s, f.values) for s in f.try_settings))
    return lines


_ADVICE = {
    "unreadable": "remove or replace them; training skips them",
    "tiny": "they are scaled up to the model's input size and carry little detail; use larger photos",
    "duplicates": "delete the copies: a copy that lands in validation makes its accuracy look better than it is",
    "near_duplicates": "keep one of each pair (or lower the recording rate): near-identical frames add little and "
                       "leak between training and validation",
    "label_conflict": "move each to the one class it belongs to",
    "cross_split": "remove these from one of the folders: validation must not contain training images",
    "imbalance": "record or add more images of the smaller class (or fewer of the larger one)",
    "few_images": "add images: aim for at least that many per class",
}


def _count(n: object, one: str, many: str) -> str:
    return f"{n} {one if n == 1 else many}"


def _issue_text(issue: HealthIssue) -> str:
    v = issue.values
    return {
        "unreadable": _count(v.get("n"), "unreadable file", "unreadable files"),
        "tiny": _count(v.get("n"), "image", "images") + f" smaller than {v.get('side')} pixels on a side",
        "duplicates": _count(v.get("groups"), "group", "groups") + " of identical files ("
                      + _count(v.get("extra"), "extra copy", "extra copies") + ")",
        "near_duplicates": _count(v.get("n"), "pair", "pairs") + " of near-identical images (difference hash "
                           f"within {v.get('bits')} bits)",
        "label_conflict": _count(v.get("n"), "picture", "pictures") + " filed under more than one class",
        "cross_split": _count(v.get("n"), "picture", "pictures") + " in both the training and the validation folder",
        "imbalance": f"class imbalance: {v.get('large')} has {v.get('large_n')} images, {v.get('small')} only "
                     f"{v.get('small_n')} ({float(v.get('ratio', 0)):.1f}x)",
        "few_images": f"fewer than {v.get('minimum')} images in {v.get('classes')}",
    }[issue.kind]


def health_lines(report: HealthReport, shown: int = 5) -> list[str]:
    lines = [f"{report.root}: {len(report.classes)} classes, {report.files} files",
             "  " + ", ".join(f"{c} {n}" for c, n in zip(report.classes, report.counts, strict=True))]
    if not report.issues:
        return [*lines, "no problems found"]
    for issue in report.issues:
        lines.append(f"{_issue_text(issue)}: {_ADVICE[issue.kind]}")
        for group in issue.groups[:shown]:
            lines.append("    " + " = ".join(str(Path(p).relative_to(Path(report.root).parent))
                                              if Path(p).is_relative_to(Path(report.root).parent) else p
                                              for p in group))
        if len(issue.groups) > shown:
            lines.append(f"    ... and {len(issue.groups) - shown} more (--json lists all)")
    return lines
