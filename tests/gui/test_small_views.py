"""Issue 26 details: notes fade and errors stay; the epoch axis of a short run."""

from __future__ import annotations


def test_notes_go_by_themselves_and_errors_stay(qtbot) -> None:
    """Issue 26: an info banner covered the top row of every tab until it was closed."""
    from PySide6.QtWidgets import QWidget

    from convlens.gui.message_banner import MessageBanner, reading_time_ms

    parent = QWidget()
    qtbot.addWidget(parent)
    parent.resize(600, 400)
    parent.show()
    banner = MessageBanner(parent)
    banner.show_message("Loaded MobileNetV2", "info")
    assert banner._fade.isActive() and banner._fade.interval() == reading_time_ms("Loaded MobileNetV2") == 8000
    banner._fade.timeout.emit()
    assert not banner.isVisible()
    banner.show_message("Cannot read photo.jpg", "error")
    assert not banner._fade.isActive() and banner.isVisible()


def test_the_epoch_axis_starts_at_one_after_a_one_epoch_run(qtbot) -> None:
    from convlens.engine.training.loop import EpochStats
    from convlens.gui.charts import CurvesView

    view = CurvesView()
    qtbot.addWidget(view)
    view.add(EpochStats(1, 0.5, 0.8, 0.6, 0.75, 1.0))  # before it is shown: kept, drawn when it is
    assert not view.built
    view.show()
    assert view.built
    low, high = view.loss_plot.viewRange()[0]
    assert 0.8 <= low <= 1 and 2 <= high <= 2.2, (low, high)


def test_the_probability_bars_are_as_long_as_their_probabilities_and_say_them(qtbot) -> None:
    from PySide6.QtCore import QEvent, QPoint
    from PySide6.QtGui import QColor, QHelpEvent
    from PySide6.QtWidgets import QApplication, QToolTip

    from convlens.engine.runtime.results import Prediction
    from convlens.gui.probability_bars import OTHER_COLOUR, TOP_COLOUR, ProbabilityBars

    bars = ProbabilityBars()
    qtbot.addWidget(bars)
    assert not bars.isVisibleTo(None)  # nothing to show: no empty chart
    shown = [Prediction(258, "Samoyed", 0.808), Prediction(259, "Pomeranian", 0.0451), Prediction(270, "white wolf",
                                                                                                        0.3)]
    bars.set_predictions(shown)
    bars.resize(500, bars.minimumHeight() + 40)
    bars.show()
    assert bars.rows() == ["Samoyed 80.8%", "Pomeranian 4.5%", "white wolf 30.0%"]
    image = bars.grab().toImage()
    plot = bars._plot_rect()
    row_h = plot.height() / 3
    for i, (p, colour) in enumerate(zip(shown, (TOP_COLOUR, OTHER_COLOUR, OTHER_COLOUR), strict=True)):
        y = int(plot.top() + (i + 0.5) * row_h)
        # the bar's pixels along its middle line, the numbers aside: its length against the 0-100 scale
        run = [x for x in range(int(plot.left()), int(plot.right()) + 1)
               if QColor(image.pixel(x, y)) == colour]
        length = (max(run) - int(plot.left()) + 1) / plot.width()
        assert abs(length - p.probability) < 0.01, (p.label, length)
    # hovering a row names its class, index and probability
    QApplication.sendEvent(bars, QHelpEvent(QEvent.Type.ToolTip, QPoint(int(plot.left()) + 2, int(plot.top() + 1.5 * row_h)),
                                            bars.mapToGlobal(QPoint(0, 0))))
    assert QToolTip.text() == "Pomeranian — class 259, p = 0.0451"
    bars.set_predictions([])
    assert not bars.isVisible()


def test_export_csv_follows_the_sort_on_screen_and_sorting_keeps_the_widths(qtbot, window, photos, tmp_path) -> None:
    import csv
    from pathlib import Path

    from PySide6.QtCore import Qt

    window.folder.classify([photos])
    view = window.folder.view
    qtbot.waitUntil(lambda: not view.running and len(view.results) == 15, timeout=120_000)
    header = view.table.horizontalHeader()
    widths = [header.sectionSize(c) for c in range(3)]
    view.table.sortByColumn(view.COL_PROB, Qt.SortOrder.DescendingOrder)
    assert [header.sectionSize(c) for c in range(3)] == widths
    out = tmp_path / "sorted.csv"
    with qtbot.waitSignal(window.folder.export_csv(str(out)).finished, timeout=20_000):
        pass
    rows = list(csv.DictReader(out.open()))
    probabilities = [float(r["probability"]) for r in rows]
    assert len(rows) == 15 and probabilities == sorted(probabilities, reverse=True)
    shown = [Path(view.proxy.index(r, 0).data(Qt.ItemDataRole.UserRole)).name for r in range(15)]
    assert [Path(r["file"]).name for r in rows] == shown


def test_the_classifier_layer_names_its_classes_and_shared_range_reaches_the_enlarged_tile(qtbot, window) -> None:
    import numpy as np

    from convlens.engine.core.resources import resources_dir

    window.images.set_gallery([str(resources_dir() / "samples" / "kitten.jpg")])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "tabby", timeout=30_000)
    window.tabs.setCurrentWidget(window.inside.widget)
    tree = window.inside.layer_tree
    qtbot.waitUntil(lambda: tree.item_for("classifier.1") is not None, timeout=30_000)
    tree.tree.setCurrentItem(tree.item_for("classifier.1"))
    fv = window.inside.feature_view
    qtbot.waitUntil(lambda: fv.view is not None and fv.view.maps.layer == "classifier.1", timeout=30_000)
    assert fv.detail_text.text().startswith("class 281: tabby (rank 1 of 1000)")
    own = fv.detail.pixmap().toImage()
    fv.normalise.setCurrentIndex(fv.normalise.findData("shared"))
    qtbot.waitUntil(lambda: fv.view is not None and fv.detail.pixmap().toImage() != own, timeout=30_000)
    assert np.asarray(fv.view.grid).size > 0
