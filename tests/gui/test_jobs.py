"""The one job protocol at the engine boundary (gui/jobs.py), and what the window does when a job fails."""

from __future__ import annotations

import shutil
import time
from collections.abc import Iterator
from pathlib import Path

import pytest

from convlens.engine.app import tasks
from convlens.engine.core.errors import ConvLensError
from convlens.gui.app import make_application
from convlens.gui.jobs import EngineClient, Job, wait_for
from convlens.gui.main_window import MainWindow
from tests.gui.helpers import drop_files, load


@pytest.fixture()
def client(qtbot, tmp_path: Path) -> Iterator[EngineClient]:
    make_application()
    c = EngineClient(log_file=str(tmp_path / "convlens.log"))
    yield c
    c.shutdown()
    assert not c.engine_thread.isRunning()


def record(job: Job) -> list[tuple[str, object]]:
    events: list[tuple[str, object]] = []
    job.started.connect(lambda: events.append(("started", None)))
    job.yielded.connect(lambda v: events.append(("yielded", v)))
    job.returned.connect(lambda v: events.append(("returned", v)))
    job.errored.connect(lambda e: events.append(("errored", e)))
    job.aborted.connect(lambda: events.append(("aborted", None)))
    job.finished.connect(lambda: events.append(("finished", None)))
    return events


def counting(_session, n: int, delay: float = 0.0):
    for i in range(n):
        time.sleep(delay)
        yield i
    return "done"


def test_generator_job_yields_returns_and_finishes_in_order(qtbot, client: EngineClient) -> None:
    job = client.submit(counting, 3)
    events = record(job)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert events == [("started", None), ("yielded", 0), ("yielded", 1), ("yielded", 2), ("returned", "done"),
                      ("finished", None)]
    assert not job.is_running


def test_a_superseded_job_is_dropped_and_never_heard_from(qtbot, client: EngineClient) -> None:
    old = client.submit(counting, 1000, 0.002, key="image")
    old_events = record(old)
    new = client.submit(counting, 2, key="image")
    with qtbot.waitSignal(new.finished, timeout=10_000):
        pass
    qtbot.wait(100)
    assert old.dropped and not any(kind in ("returned", "finished") for kind, _ in old_events)
    assert client.running("image") is None


def test_quit_aborts_between_yields(qtbot, client: EngineClient) -> None:
    job = client.submit(counting, 10_000, 0.001)
    events = record(job)
    qtbot.waitUntil(lambda: any(k == "yielded" for k, _ in events), timeout=10_000)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        job.quit()
    assert events[-2:] == [("aborted", None), ("finished", None)]
    assert not any(k == "returned" for k, _ in events)


def broken(_session):
    yield 1
    raise RuntimeError("CUDA error: an illegal memory access was encountered")


def test_an_unexpected_exception_ends_the_job_with_a_message_and_a_logged_traceback(qtbot, client: EngineClient,
                                                                                   tmp_path: Path) -> None:
    import logging

    from convlens.gui.logs import setup_logging

    log_file = setup_logging()
    job = client.submit(broken, name="Classifying a folder")
    events = record(job)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    kinds = [k for k, _ in events]
    assert kinds == ["started", "yielded", "errored", "finished"]
    error = events[2][1]
    assert not error.expected and isinstance(error.exception, RuntimeError)
    assert error.message.startswith("Classifying a folder failed unexpectedly (RuntimeError: CUDA error")
    assert str(tmp_path / "convlens.log") in error.message  # says where the details are
    for handler in logging.getLogger("convlens").handlers:
        handler.flush()
    assert "Traceback" in log_file.read_text() and "illegal memory access" in log_file.read_text()


def test_a_user_error_is_a_plain_message(qtbot, client: EngineClient) -> None:
    def bad(_session):
        raise ConvLensError("photo.jpg: the file is empty (0 bytes).")

    job = client.submit(bad)
    events = record(job)
    with qtbot.waitSignal(job.finished, timeout=10_000):
        pass
    assert events[1][1].message == "photo.jpg: the file is empty (0 bytes)." and events[1][1].expected


def test_an_exclusive_job_runs_alone(qtbot, client: EngineClient) -> None:
    order: list[str] = []

    def step(_session, name: str, n: int):
        for _ in range(n):
            order.append(name)
            yield None
        return name

    a = client.submit(step, "a", 5)
    b = client.submit(step, "x", 5, exclusive=True)
    c = client.submit(step, "c", 5)
    with qtbot.waitSignal(c.finished, timeout=10_000):
        pass
    assert a.result == "a" and b.result == "x"
    xs = [i for i, n in enumerate(order) if n == "x"]
    assert xs == list(range(xs[0], xs[0] + 5))  # nothing interleaved with the exclusive job
    assert all(n == "a" for n in order[: xs[0]]) and all(n == "c" for n in order[xs[-1] + 1:])


def test_runtime_error_in_a_folder_job_surfaces_and_the_window_stays_usable(
        qtbot, window: MainWindow, mobilenet_file: Path, photos: Path, tmp_path: Path,
        monkeypatch: pytest.MonkeyPatch) -> None:
    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    real = tasks.classify_folder

    def failing(session, roots, topk, batch_size=16):
        steps = real(session, roots, topk, batch_size=4)
        yield next(steps)  # the scan
        yield next(steps)  # one batch
        raise RuntimeError("DefaultCPUAllocator: not enough memory: you tried to allocate 68719476736 bytes")

    monkeypatch.setattr(tasks, "classify_folder", failing)
    folder = tmp_path / "photos"
    shutil.copytree(photos, folder)
    drop_files(window, [folder])
    qtbot.waitUntil(lambda: "failed unexpectedly" in window.banner.text(), timeout=60_000)
    assert "RuntimeError" in window.banner.text() and "convlens.log" in window.banner.text()
    assert not window.folder.view.running and not window.folder.view.cancel_button.isEnabled()
    assert len(window.folder.view.results) == 4  # what was done before the failure stays
    # the window is usable after: an image classifies
    monkeypatch.setattr(tasks, "classify_folder", real)
    drop_files(window, [photos / "dog_samoyed.jpg"])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "Samoyed", timeout=20_000)


def test_a_refused_file_never_clears_the_images_already_open(qtbot, window: MainWindow, mobilenet_file: Path,
                                                            photos: Path, tmp_path: Path) -> None:
    from tests.odd_corpus import png_header_only

    load(qtbot, window, "mobilenet_v2", "file", str(mobilenet_file))
    drop_files(window, [photos / "metal_animal-3.jpg", photos / "metal_car-2.jpg"])
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "lion", timeout=20_000)
    bomb = tmp_path / "bomb.png"
    bomb.write_bytes(png_header_only(100_000, 100_000))
    window.images.thumbnails.set_paths([*window.images.thumbnails.paths(), str(bomb)])
    window.images.thumbnails.setCurrentRow(2)
    qtbot.waitUntil(lambda: "more than the limit of 120 megapixels" in window.banner.text(), timeout=20_000)
    qtbot.waitUntil(lambda: window.images.predictions.top_text() == "lion", timeout=20_000)  # back to the image before
    assert window.images.thumbnails.count() == 2 and window.images.image_view.has_image()


def test_wait_for_says_when_a_job_did_not_finish(qtbot, client: EngineClient) -> None:
    """A time-out is an error, not a silent None that looks like the job's answer."""
    job = client.submit(counting, 10_000, 0.01, name="slow")
    with pytest.raises(TimeoutError, match="slow"):
        wait_for(job, timeout=0.2)
    job.quit()
    qtbot.waitUntil(lambda: not job.is_running, timeout=10_000)
