"""The architectures offered, grouped by family, as a combo box model (needs no torch: the registry is plain data)."""

from __future__ import annotations

from PySide6.QtCore import QCoreApplication, QObject, Qt
from PySide6.QtGui import QStandardItem, QStandardItemModel

from convlens.engine.models.registry import FAMILIES, list_architectures
from convlens.gui.i18n import architecture_text

#: Where an entry keeps its architecture's name (family headers have none).
ARCH_ROLE = Qt.ItemDataRole.UserRole + 1


def family_title(family: str) -> str:
    titles = {
        "classic": QCoreApplication.translate("ModelPanel", "Classic"),
        "inception": QCoreApplication.translate("ModelPanel", "Inception"),
        "residual": QCoreApplication.translate("ModelPanel", "Residual"),
        "dense": QCoreApplication.translate("ModelPanel", "Dense"),
        "mobile": QCoreApplication.translate("ModelPanel", "Mobile"),
        "modern": QCoreApplication.translate("ModelPanel", "Modern"),
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
    return model
