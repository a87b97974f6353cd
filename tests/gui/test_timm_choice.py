"""A timm architecture chosen in the window by name: asked for, listed under the timm header, loaded (random
weights here: nothing can be downloaded) and inspected like torchvision's."""

from __future__ import annotations

from convlens.gui.architectures import ARCH_ROLE
from convlens.gui.main_window import MainWindow


def test_choose_a_timm_architecture_by_name(qtbot, window: MainWindow) -> None:
    panel = window.model_panel
    asked: list[str] = []

    def ask(title: str, _label: str) -> tuple[str, bool]:
        asked.append(title)
        return "resnet10t", True

    panel.ask_text = ask  # type: ignore[method-assign]
    panel.weights_combo.setCurrentIndex(panel.weights_combo.findData(panel.KIND_RANDOM))
    qtbot.waitUntil(lambda: window.model_info is not None and window.model_info.title == "MobileNetV2", timeout=60_000)
    prompt = next(i for i in range(panel.arch_combo.count()) if panel.arch_combo.itemData(i, ARCH_ROLE) == "timm:")
    panel.arch_combo.setCurrentIndex(prompt)
    assert asked and panel.arch == "timm:resnet10t" and "timm's resnet10t" in panel.arch_description.text()
    qtbot.waitUntil(lambda: window.model_info is not None and window.model_info.arch == "timm:resnet10t",
                    timeout=60_000)
    assert len(window.model_info.labels) == 1000
    import timm

    expected = sum(p.numel() for p in timm.create_model("resnet10t").parameters())  # timm's own count
    qtbot.waitUntil(lambda: window.inside.layer_tree.summary is not None
                    and window.inside.layer_tree.summary.total_params == expected, timeout=60_000)
    # the entry stays in the list, above the prompt, and a cancelled prompt keeps the choice
    panel.ask_text = lambda _t, _l: ("", False)  # type: ignore[method-assign]
    panel.arch_combo.setCurrentIndex(prompt + 1)
    assert panel.arch == "timm:resnet10t"
