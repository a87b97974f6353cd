"""Inside the model: the layer tree, the selected layer's feature maps, the first convolution's filters."""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING, Literal

from PySide6.QtCore import QEvent, QObject, Qt, Signal
from PySide6.QtWidgets import QSplitter, QTabWidget

from convlens.engine.app import tasks
from convlens.gui.feature_view import FeatureMapView, FiltersView
from convlens.gui.tabs.inside.layer_tree import LayerTree
from convlens.gui.tabs.inside.learn_panel import LearnPanel
from convlens.gui.tabs.inside.wants_dialog import ChannelWantsDialog

if TYPE_CHECKING:
    from convlens.engine.app.session import FeatureView, KernelView, ModelInfo
    from convlens.engine.inspect.explain import ModelExplanation
    from convlens.engine.inspect.summary import ModelSummary
    from convlens.engine.inspect.visualize import WantedImage
    from convlens.gui.jobs import Job, JobError
    from convlens.gui.tabs.context import AppContext

#: What the feature maps are computed on: the current image, the live video (its job sends them), or nothing.
FrameSource = Literal["image", "live", "none"]


class InsideController(QObject):
    """Owns the layer tree and the feature-map and filter views, and the summary / kernels / features jobs."""

    layer_selected = Signal(str)
    inspection_changed = Signal()  # the layer, page or style the live video should show changed

    def __init__(self, ctx: AppContext, frame_source: Callable[[], FrameSource]) -> None:
        super().__init__(ctx)
        self.ctx = ctx
        self.frame_source = frame_source
        self.layer_tree = LayerTree()
        self.feature_view = FeatureMapView()
        self.filters_view = FiltersView()
        self.inside_tabs = QTabWidget()
        self.inside_tabs.addTab(self.feature_view, self.tr("Feature maps"))
        self.inside_tabs.addTab(self.filters_view, self.tr("Filters (first convolution)"))
        self.learn = LearnPanel()
        self.right = QSplitter(Qt.Orientation.Vertical)  # the feature maps above, the Learn panel below
        self.right.addWidget(self.inside_tabs)
        self.right.addWidget(self.learn)
        self.right.setStretchFactor(0, 3)
        self.right.setStretchFactor(1, 2)
        self.right.setChildrenCollapsible(False)
        self.widget = QSplitter(Qt.Orientation.Horizontal)
        self.widget.addWidget(self.layer_tree)
        self.widget.addWidget(self.right)
        self.widget.setStretchFactor(0, 1)
        self.widget.setStretchFactor(1, 1)
        self.widget.setSizes([480, 520])
        self.widget.setChildrenCollapsible(False)
        self.tree_dragged = False  # once the user drags the divider, the tree keeps the width they chose
        self.widget.splitterMoved.connect(self._on_divider_dragged)
        self.widget.installEventFilter(self)
        self.selected_layer = ""
        self.explanation: ModelExplanation | None = None

        self.layer_tree.layer_selected.connect(self._on_layer_selected)
        self.pending_layer = ""  # a layer to select when the layer table arrives (a reopened project)
        self.feature_view.settings_changed.connect(self.request_features)
        self.feature_view.wants_requested.connect(self.show_wants)
        self.wants_dialog: ChannelWantsDialog | None = None
        self._wants_job: Job | None = None
        #: where the channel's examples are looked for first: set by the window (the current image's folder)
        self.example_folder: Callable[[], str] = lambda: ""
        ctx.model_changed.connect(self._on_model_changed)

    def live_inspection(self) -> tasks.LiveOptions:
        """The feature-map part of the live options: the selected layer while this tab is shown."""
        fv = self.feature_view
        layer = self.selected_layer if self.ctx.is_current_tab(self.widget) else ""
        return tasks.LiveOptions(layer=layer, page=fv.page, normalise=fv.normalisation, cmap=fv.colormap)

    def show_live_view(self, view: FeatureView) -> None:
        if view.maps.layer == self.selected_layer:
            self.feature_view.show_view(view)

    def _on_layer_selected(self, layer: str) -> None:
        self.selected_layer = layer
        self.feature_view.page = 0
        self.layer_selected.emit(layer)
        self._show_learn()
        self.request_features()
        self.inspection_changed.emit()

    def _show_learn(self) -> None:
        if not self.selected_layer:
            return
        if self.explanation is None:
            self.learn.show_message(self.tr("Working out the arithmetic of every layer…"))
            return
        self.learn.show_explanation(self.explanation.for_layer(self.selected_layer))

    def _on_explanation(self, explanation: ModelExplanation) -> None:
        self.explanation = explanation
        self._show_learn()

    def _on_explanation_failed(self, error: JobError) -> None:
        self.learn.show_message(error.message)

    def request_features(self) -> None:
        if not self.selected_layer:
            return
        source = self.frame_source()
        if source == "none":
            self.feature_view.show_message(self.tr("Open an image: feature maps are shown for the current image."))
            return
        if source == "live":
            self.inspection_changed.emit()  # the live job sends them, throttled
            return
        view = self.feature_view
        layer = self.selected_layer
        self.ctx.submit(tasks.feature_view, layer, view.page, 64, view.normalisation, view.colormap,
                        name=self.tr("Feature maps of {layer}").format(layer=layer), key="features",
                        returned=self.feature_view.show_view, errored=self._on_features_failed)

    # ------------------------------------------------------------ what a channel wants
    def show_wants(self, layer: str, channel: int) -> ChannelWantsDialog:
        """The made image of ``channel`` of ``layer`` (a job), and its examples when a folder is known."""
        if self.wants_dialog is not None:
            self.wants_dialog.close()
        dialog = ChannelWantsDialog(layer, channel, self.example_folder(), self.widget)
        dialog.examples_requested.connect(lambda folder: self._find_examples(dialog, folder))
        dialog.layer_requested.connect(lambda: self._whole_layer(dialog))
        dialog.cancel_requested.connect(self._cancel_wants)
        self.wants_dialog = dialog
        dialog.show()
        dialog.set_busy(True)

        def made(wanted: WantedImage) -> None:
            dialog.show_wanted(wanted)
            if dialog.folder.text().strip():
                self._find_examples(dialog, dialog.folder.text().strip())

        self._wants_job = self.ctx.submit(
            tasks.channel_wants, layer, channel, name=self.tr("What {layer} channel {c} wants").format(
                layer=layer, c=channel), key="wants", yielded=dialog.on_step, returned=made,
            errored=lambda error: dialog.show_failed(error.message), finished=lambda: dialog.set_busy(False))
        return dialog

    def _find_examples(self, dialog: ChannelWantsDialog, folder: str) -> None:
        if not folder:
            dialog.show_failed(self.tr("Choose a folder of images first."))
            return
        dialog.set_busy(True)
        self._wants_job = self.ctx.submit(
            tasks.channel_examples, dialog.layer, dialog.channel, folder,
            name=self.tr("Examples of {layer} channel {c}").format(layer=dialog.layer, c=dialog.channel),
            key="wants", yielded=dialog.on_step, returned=dialog.show_examples,
            errored=lambda error: dialog.show_failed(error.message), finished=lambda: dialog.set_busy(False))

    def _whole_layer(self, dialog: ChannelWantsDialog) -> None:
        dialog.set_busy(True)
        dialog.layer_images.clear()
        self._wants_job = self.ctx.submit(
            tasks.layer_wants, dialog.layer, name=self.tr("What every channel of {layer} wants").format(
                layer=dialog.layer), key="wants", yielded=dialog.on_layer_channel,
            errored=lambda error: dialog.show_failed(error.message), finished=lambda: dialog.set_busy(False))

    def _cancel_wants(self) -> None:
        if self._wants_job is not None:
            self._wants_job.quit()

    def _on_features_failed(self, error: JobError) -> None:
        self.feature_view.show_message(error.message)

    def _on_model_changed(self, info: ModelInfo) -> None:
        self.feature_view.class_names = info.labels
        self.selected_layer = ""
        self.explanation = None
        self.learn.show_message(self.tr("Select a layer in the tree: its arithmetic is worked out here."))
        self.feature_view.show_message(self.tr("Select a layer in the tree to see its feature maps."))
        self.layer_tree.clear(self.tr("Computing the layer table…"))
        self.ctx.submit(tasks.summary, name=self.tr("The layer table"), key="summary", returned=self._on_summary,
                        errored=self._on_summary_failed)
        self.ctx.submit(tasks.kernels, name=self.tr("The filters view"), key="kernels",
                        returned=self._on_kernels_ready, errored=self._on_kernels_failed)
        self.ctx.submit(tasks.explanation, name=self.tr("The layer arithmetic"), key="explanation",
                        returned=self._on_explanation, errored=self._on_explanation_failed)

    def eventFilter(self, watched: QObject, event: QEvent) -> bool:
        if (watched is self.widget and not self.tree_dragged and self.widget.isVisible()
                and event.type() in (QEvent.Type.Show, QEvent.Type.Resize)):
            self.fit_tree()
        return False

    def _on_divider_dragged(self, _pos: int, _index: int) -> None:
        self.tree_dragged = True

    def fit_tree(self) -> None:
        """The tree as wide as its columns need, leaving the maps their minimum or 40 % of the width."""
        total = sum(self.widget.sizes())
        spare = total - max(self.right.minimumSizeHint().width(), total * 2 // 5)
        tree = max(self.layer_tree.minimumSizeHint().width(), min(self.layer_tree.wanted_width(), spare))
        blocked = self.widget.blockSignals(True)  # our own resize is not the user's drag
        self.widget.setSizes([tree, total - tree])
        self.widget.blockSignals(blocked)

    def _on_summary(self, summary: ModelSummary) -> None:
        self.layer_tree.show_summary(summary)
        if self.widget.isVisible() and not self.tree_dragged:
            self.fit_tree()
        if self.pending_layer:  # a reopened project's layer, chosen again once the tree is there
            item = self.layer_tree.item_for(self.pending_layer)
            self.pending_layer = ""
            if item is not None:
                self.layer_tree.tree.setCurrentItem(item)

    def _on_summary_failed(self, error: JobError) -> None:
        self.layer_tree.clear(error.message)

    def _on_kernels_ready(self, kernels: KernelView) -> None:
        self.filters_view.show_kernels(kernels.layer, kernels.grid, kernels.count, kernels.size)

    def _on_kernels_failed(self, error: JobError) -> None:
        self.filters_view.show_message(error.message)
