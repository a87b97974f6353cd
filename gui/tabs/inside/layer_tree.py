"""The model view: the engine's summary as a layer tree."""

from __future__ import annotations

from typing import TYPE_CHECKING

from PySide6.QtCore import Qt, Signal
from PySide6.QtWidgets import QHeaderView, QLabel, QTreeWidget, QTreeWidgetItem, QVBoxLayout, QWidget

from convlens.engine.inspect.formatting import format_flops, format_shape

if TYPE_CHECKING:
    from convlens.engine.inspect.summary import ModelSummary


class _Item(QTreeWidgetItem):
    """Sorts the parameter column by number, not text."""

    def __lt__(self, other: QTreeWidgetItem) -> bool:
        column = self.treeWidget().sortColumn() if self.treeWidget() else 0
        if column == LayerTree.COL_PARAMS:
            return int(self.data(column, Qt.ItemDataRole.UserRole) or 0) < int(
                other.data(column, Qt.ItemDataRole.UserRole) or 0)
        return super().__lt__(other)


class LayerTree(QWidget):
    """Layer name, type, output shape, parameters, trainable; totals and FLOPs on top."""

    layer_selected = Signal(str)
    COL_NAME, COL_TYPE, COL_SHAPE, COL_PARAMS, COL_TRAINABLE = range(5)

    def __init__(self, parent: QWidget | None = None) -> None:
        super().__init__(parent)
        self.totals = QLabel(self.tr("No model loaded"))
        self.totals.setObjectName("layer_totals")
        self.totals.setWordWrap(True)
        self.totals.setTextInteractionFlags(Qt.TextInteractionFlag.TextSelectableByMouse)
        self.tree = QTreeWidget()
        self.tree.setHeaderLabels([self.tr("Layer"), self.tr("Type"), self.tr("Output shape"),
                                   self.tr("Parameters"), self.tr("Trainable")])
        self.tree.setAlternatingRowColors(True)
        self.tree.setUniformRowHeights(True)
        header = self.tree.header()
        for col in range(5):  # every column as wide as its text: at 1280x800 a fixed 170-px name cut Parameters
            header.setSectionResizeMode(col, QHeaderView.ResizeMode.ResizeToContents)
        self.tree.currentItemChanged.connect(self._on_current)
        layout = QVBoxLayout(self)
        layout.addWidget(self.totals)
        layout.addWidget(self.tree, 1)
        self.summary: ModelSummary | None = None

    def clear(self, message: str) -> None:
        self.summary = None
        self.tree.clear()
        self.totals.setText(message)

    def show_summary(self, summary: ModelSummary) -> None:
        self.summary = summary
        self.tree.clear()
        c, h, w = summary.input_shape
        self.totals.setText(self.tr(
            "<b>{name}</b> — input {c}×{h}×{w} — <b>{total:,}</b> parameters ({trainable:,} trainable, "
            "{frozen:,} frozen) — {flops} per image — {layers} layers").format(
            name=summary.model_name, c=c, h=h, w=w, total=summary.total_params,
            trainable=summary.trainable_params, frozen=summary.total_params - summary.trainable_params,
            flops=format_flops(summary.flops), layers=len(summary.leaves)))
        items: dict[str, QTreeWidgetItem] = {}
        for layer in summary.layers:
            parent_name = layer.name.rsplit(".", 1)[0] if "." in layer.name else ""
            parent = items.get(parent_name)
            item = _Item(parent) if parent is not None else _Item(self.tree)
            item.setText(self.COL_NAME, layer.name.rsplit(".", 1)[-1] if parent is not None else layer.name)
            item.setToolTip(self.COL_NAME, layer.name)
            item.setData(self.COL_NAME, Qt.ItemDataRole.UserRole, layer.name)
            item.setText(self.COL_TYPE, layer.type)
            item.setText(self.COL_SHAPE, format_shape(layer.output_shape))
            item.setText(self.COL_PARAMS, f"{layer.params:,}")
            item.setData(self.COL_PARAMS, Qt.ItemDataRole.UserRole, layer.params)
            item.setTextAlignment(self.COL_PARAMS, Qt.AlignmentFlag.AlignRight | Qt.AlignmentFlag.AlignVCenter)
            item.setText(self.COL_TRAINABLE, "—" if layer.trainable is None else (
                self.tr("yes") if layer.trainable else self.tr("no")))
            items[layer.name] = item
        self.tree.expandToDepth(0)

    def wanted_width(self) -> int:
        """The width that shows every column of the expanded tree whole (with its frame and scroll bar)."""
        tree = self.tree
        frame = 2 * tree.frameWidth() + tree.verticalScrollBar().sizeHint().width()
        layout = self.layout()
        assert layout is not None  # set in __init__
        margins = layout.contentsMargins()
        return tree.header().length() + frame + margins.left() + margins.right() + 4

    def item_for(self, name: str) -> QTreeWidgetItem | None:
        matches = self.tree.findItems("*", Qt.MatchFlag.MatchWildcard | Qt.MatchFlag.MatchRecursive)
        for item in matches:
            if item.data(self.COL_NAME, Qt.ItemDataRole.UserRole) == name:
                return item
        return None

    def _on_current(self, item: QTreeWidgetItem | None, _prev: object) -> None:
        if item is not None:
            self.layer_selected.emit(item.data(self.COL_NAME, Qt.ItemDataRole.UserRole))
