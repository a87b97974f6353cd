"""The tabs' state models on their own: Qt-free, and what their views subscribe to."""

from __future__ import annotations

import subprocess
import sys

import numpy as np
import pytest

from convlens.engine.models.metrics import EvaluationReport
from convlens.engine.runtime.results import ImageResult, Prediction
from convlens.gui.tabs.folder.state import FolderState
from convlens.gui.tabs.teach.state import TeachState


def _report() -> EvaluationReport:
    logits = np.array([[3.0, 0.0, 0.0], [0.0, 2.0, 0.0], [0.0, 4.0, 0.0], [1.0, 0.0, 1.5], [0.0, 0.0, 2.0]])
    return EvaluationReport.from_logits(["cat", "dog", "fox"], [f"/d/{i}.jpg" for i in range(5)], [0, 1, 0, 0, 2],
                                        logits)


def test_the_state_says_what_changed_and_answers_the_views_questions() -> None:
    state, seen = TeachState(), []
    state.started.connect(lambda _: seen.append("started"))
    state.report_changed.connect(lambda report: seen.append(report.total if report else None))
    report = _report()
    state.start()
    assert state.running and state.report is None and seen == [None, "started"]
    state.end()  # failed or cancelled: nothing to show
    assert not state.running and state.result is None
    state.evaluated(report)
    assert seen[-1] == 5 and state.report is report
    # the wrong answers, most confident first: image 2 (dog, p = softmax(4, 0, 0)), then image 3 (fox)
    mistakes = state.mistakes()
    assert [(m.source, m.true, m.predicted) for m in mistakes] == [("/d/2.jpg", "cat", "dog"), ("/d/3.jpg", "cat", "fox")]
    assert mistakes[0].confidence == pytest.approx(np.exp(4) / (np.exp(4) + 2), rel=1e-12)
    assert state.mistake_pairs() == {"/d/2.jpg": ("cat", "dog"), "/d/3.jpg": ("cat", "fox")}
    assert state.files_in_cell(0, 1) == ["/d/2.jpg"] and state.files_in_cell(1, 1) == ["/d/1.jpg"]


def test_the_folder_state_keeps_the_results_and_times_the_run() -> None:
    now = [100.0]
    state, events = FolderState(clock=lambda: now[0]), []
    state.cleared.connect(lambda _: events.append("cleared"))
    state.added.connect(lambda added: events.append((len(added[0]), added[1].done, added[1].remaining)))
    state.finished.connect(lambda cancelled: events.append(("finished", cancelled)))
    state.start(4)
    lion = ImageResult("/f/lion.jpg", (Prediction(291, "lion", 0.9),))
    now[0] = 102.0
    state.add([lion, ImageResult("/f/broken.jpg", error="not an image")], 2, 4)
    assert events == ["cleared", (2, 2, 2.0)]  # 2 images in 2 s: 2 s for the other 2
    assert state.running and state.counts() == (1, 1) and [r.source for r in state.skipped()] == ["/f/broken.jpg"]
    state.finish(True)
    assert not state.running and events[-1] == ("finished", True) and state.elapsed == 2.0
    state.start()  # a new run: the last one's results go
    assert state.results == [] and events[-1] == "cleared"


@pytest.mark.parametrize("module", ["convlens.gui.tabs.teach.state", "convlens.gui.tabs.folder.state"])
def test_the_state_models_import_no_qt(module: str) -> None:
    """The import contract says so statically; this says so at run time, package __init__ files included."""
    code = (f"import sys, {module}; "
            "print(sorted(m for m in sys.modules if m.split('.')[0] in ('PySide6', 'shiboken6', 'torch')))")
    run = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, timeout=120)
    assert run.returncode == 0, run.stderr
    assert run.stdout.strip() == "[]", run.stdout
