"""``convlens finetune``'s diagnosis (``engine.diagnose``) in English; the Teach tab says it in the UI language."""

from __future__ import annotations

from convlens.engine.diagnose import Finding

__all__ = ["finding_lines"]


def _setting(setting: str, v: dict) -> str:
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


def _text(f: Finding) -> str:
    v = f.values
    if f.kind == "overfitting":
        return (f"over-fitting: {100 * float(v['train_acc']):.1f}% on the training images against "
                f"{100 * float(v['val_acc']):.1f}% on validation (epoch {v['epoch']})")
    if f.kind == "underfitting":
        return (f"under-fitting: only {100 * float(v['train_acc']):.1f}% even on the training images "
                f"(validation {100 * float(v['val_acc']):.1f}%)")
    if f.kind == "more_epochs":
        return f"still improving: the validation loss was still falling in the last of the {v['epochs']} epochs"
    if f.kind == "imbalance":
        return (f"class imbalance: {v['large']} has {v['large_n']} training images, {v['small']} only "
                f"{v['small_n']} ({float(v['ratio']):.1f}x)")
    if f.kind == "few_images":
        return f"few images: fewer than {v['minimum']} training images in {v['classes']}"
    if f.kind == "weak_class":
        confused = f", mostly taken for {v['confused_with']}" if v["confused_with"] else ""
        return (f"a weak class: {v['class']} recall {100 * float(v['recall']):.0f}% against "
                f"{100 * float(v['accuracy']):.0f}% overall{confused}")
    return f"nothing stands out: validation accuracy {100 * float(v['val_acc']):.1f}%, and training and validation agree"


def finding_lines(findings: list[Finding]) -> list[str]:
    lines = []
    for f in findings:
        lines.append(f"diagnosis: {_text(f)}")
        if f.try_settings:
            lines.append("  try: " + "; ".join(_setting(s, f.values) for s in f.try_settings))
    return lines
