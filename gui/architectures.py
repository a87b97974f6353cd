"""The architectures offered, grouped by family, as a combo box model (needs no torch: the registry is plain data)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from convlens.engine.models.registry import FAMILIES, list_architectures
from convlens.gui.i18n import architecture_text

#: Where an entry keeps its architecture's name (family headers have none).
ARCH_ROLE = Qt.ItemDataRole.UserRole + 1
#: The entry that asks for a timm architecture by name (its ARCH_ROLE); the names asked for are added under it.
TIMM_PROMPT = "timm:"


def family_title(family: str) -> str:
    titles = {
        "classic": QCoreApplication.translate("ModelPanel", "Classic"),
        "inception": QCoreApplication.translate("ModelPanel", "Inception"),
        "residual": QCoreApplication.translate("ModelPanel", "Residual"),
        "dense": QCoreApplication.translate("ModelPanel", "Dense"),
        "mobile": QCoreApplication.translate("ModelPanel", "Mobile"),
        "modern": QCoreApplication.translate("ModelPanel", "Modern"),
        "timm": QCoreApplication.translate("ModelPanel", "timm (by name)"),
    }
    return titles.get(family, family.title())


def architecture_model(parent: QObject) -> QStandardItemModel:
    """A bold, unselectable header per family, its architectures under it (tooltip: what each one is)."""
    model = QStandardItemModel(parent)
    for family in FAMILIES:
        header = QStandardItem(family_title(family))
        header.setFlags(Qt.ItemFlag.NoItemFlags)
        font = header.font()
        font.setBold(True)
        header.setFont(font)
        model.appendRow(header)
        for spec in list_architectures(family):
            item = QStandardItem("    " + spec.title)
            item.setData(spec.name, ARCH_ROLE)
            item.setToolTip(architecture_text(spec.description))
            model.appendRow(item)
    header = QStandardItem(family_title("timm"))
    header.setFlags(Qt.ItemFlag.NoItemFlags)
    font = header.font()
    font.setBold(True)
    header.setFont(font)
    model.appendRow(header)
    prompt = QStandardItem("    " + QCoreApplication.translate("ModelPanel", "A timm architecture…"))
    prompt.setData(TIMM_PROMPT, ARCH_ROLE)
    prompt.setToolTip(QCoreApplication.translate(
        "ModelPanel", "Any of timm's architectures by name (e.g. resnet18d, convnext_nano), built by timm with its "
        "preprocessing; pretrained weights from the Hugging Face cache"))
    model.appendRow(prompt)
    return model


def add_timm_entry(model: QStandardItemModel, arch: str) -> int:
    """The row of ``timm:NAME``, added under the timm header (before the prompt) if it is not there yet."""
    for row in range(model.rowCount()):
        if model.item(row).data(ARCH_ROLE) == arch:
            return row
    item = QStandardItem("    " + arch[len(TIMM_PROMPT):] + " (timm)")
    item.setData(arch, ARCH_ROLE)
    item.setToolTip(QCoreApplication.translate("ModelPanel", "timm's {name}, built by timm with its pretrained "
                                               "configuration").format(name=arch[len(TIMM_PROMPT):]))
    row = model.rowCount() - 1  # above the prompt, which stays last
    model.insertRow(row, item)
    return row
