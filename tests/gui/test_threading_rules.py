"""Rules for how the window talks to the engine thread (gui/jobs.py): work leaves the UI thread only as jobs, every
slot runs on the UI thread, and the GUI's modules never compute with torch themselves."""

from __future__ import annotations

import ast
import threading
from collections.abc import Iterator
from pathlib import Path

import pytest
from PySide6.QtCore import QThread

from convlens.gui.jobs import EngineClient
from tests.conftest import ROOT

#: Where a thread may be started: the engine thread (jobs.py), which also imports torch and the engine.
THREAD_OWNERS = {"jobs.py"}
#: Modules that may import torch: the self-test, which reports its version.
TORCH_ALLOWED = {"self_test.py"}


def _gui_sources() -> Iterator[tuple[Path, ast.Module]]:
    for path in sorted((ROOT / "gui").rglob("*.py")):
        yield path, ast.parse(path.read_text(encoding="utf-8"), str(path))


@pytest.fixture()
def client(qtbot, tmp_path: Path) -> Iterator[EngineClient]:
    c = EngineClient(log_file=str(tmp_path / "convlens.log"))
    yield c
    c.shutdown()


def _steps(session, n: int):
    for i in range(n):
        yield threading.current_thread().name, i
    return threading.current_thread().name


def test_a_jobs_signals_reach_even_a_lambda_on_the_ui_thread(qtbot, client: EngineClient) -> None:
    """The job runs on the engine thread; its yielded / returned / finished signals are re-emitted by the client on
    the UI thread, so a lambda connected to them (which has no thread affinity of its own) runs there too."""
    ui = QThread.currentThread()
    seen: list[tuple[str, bool, object]] = []
    job = client.submit(_steps, 3, name="steps")
    job.yielded.connect(lambda value: seen.append(("yielded", QThread.currentThread() is ui, value)))
    job.returned.connect(lambda value: seen.append(("returned", QThread.currentThread() is ui, value)))
    job.finished.connect(lambda: seen.append(("finished", QThread.currentThread() is ui, None)))
    qtbot.waitUntil(lambda: any(kind == "finished" for kind, _, _ in seen), timeout=30_000)
    assert [kind for kind, _, _ in seen] == ["yielded"] * 3 + ["returned", "finished"]
    assert all(on_ui for _, on_ui, _ in seen), seen
    engine_names = {value[0] for kind, _, value in seen if kind == "yielded"} | {seen[3][2]}
    assert engine_names and threading.main_thread().name not in engine_names  # the work itself ran elsewhere


def test_only_the_job_runner_starts_threads() -> None:
    """No widget starts a thread of its own: engine work is a job on the one engine thread (which owns the model)."""
    found = []
    for path, tree in _gui_sources():
        if path.name in THREAD_OWNERS:
            continue
        for node in ast.walk(tree):
            if isinstance(node, ast.Call):
                name = ast.unparse(node.func)
                if name.endswith(("QThread", "threading.Thread", "ThreadPoolExecutor", "QThreadPool",
                                  "QtConcurrent.run")):
                    found.append(f"{path.relative_to(ROOT)}:{node.lineno}: {name}(...)")
    assert not found, "threads started outside gui/jobs.py:\n" + "\n".join(found)


def test_the_gui_never_imports_torch() -> None:
    """The UI thread never runs torch (a softmax in the Teach view once did): the GUI's modules do not import it,
    at the top or inside a function; numbers come from engine jobs."""
    found = []
    for path, tree in _gui_sources():
        if path.name in TORCH_ALLOWED:
            continue
        for node in ast.walk(tree):
            names = ([a.name for a in node.names] if isinstance(node, ast.Import)
                     else [node.module or ""] if isinstance(node, ast.ImportFrom) else [])
            found += [f"{path.relative_to(ROOT)}:{node.lineno}: {n}" for n in names
                      if n.split(".")[0] in ("torch", "torchvision")]
    assert not found, "torch imported in the GUI:\n" + "\n".join(found)


def test_the_rules_see_a_planted_violation(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    """The scans above can fail: a module that starts a thread and imports torch is caught by both."""
    gui = tmp_path / "gui"
    gui.mkdir()
    (gui / "bad_view.py").write_text("import threading\nfrom torch import nn\nthreading.Thread(target=print).start()\n")
    monkeypatch.setattr(__import__(__name__, fromlist=["ROOT"]), "ROOT", tmp_path)
    with pytest.raises(AssertionError, match="bad_view.py:3"):
        test_only_the_job_runner_starts_threads()
    with pytest.raises(AssertionError, match="bad_view.py:2: torch"):
        test_the_gui_never_imports_torch()
