"""One way for work to leave the UI thread: generator jobs on the single engine thread.

The vocabulary is superqt's ``GeneratorWorker``: a ``Job`` emits ``started``,
``yielded`` (each value its generator yields), ``returned`` (its return value),
``errored`` (a ``JobError``), ``aborted`` (after ``quit()``) and ``finished``
(always last). Unlike superqt, every job runs on one engine thread that owns
the model (torch models are not meant to be driven from several threads), and
jobs take turns there one generator step at a time:

* ``submit(fn, *args, key=...)``: ``fn(session, *args)`` runs on the engine
  thread. A generator is stepped, a plain function is called once. A job with
  the same ``key`` as a newer one is *superseded*: it is stopped at its next
  step and the UI never hears from it again (no hand-written stale-result
  guards anywhere else).
* ``exclusive=True`` (loading weights, training, export): runs alone; jobs
  submitted after it wait, and it waits for the jobs before it.
* ``background=True`` (live video): never holds up other jobs and pauses
  while an exclusive job runs. Yielding ``None`` means "nothing new".
* Any exception ends the job with ``errored``: a ``ConvLensError`` carries a
  message written for a person; anything else is a bug, written with its
  traceback to the log file, and the message says where.

The runner lives in the engine thread and talks to the UI through one queued
signal (job id, event, payload); the client turns that into the job's own
signals on the UI thread, so every slot runs on the UI thread.

The engine thread also loads the engine: ``load_engine()`` imports torch,
torchvision and every task module there, so the window is built and shown
before any of it (the UI thread never imports torch). ``when_ready(fn)``
calls ``fn(error)`` on the UI thread once that is done.
"""

from __future__ import annotations

import gc
import itertools
import logging
import time
import traceback
from collections import deque
from collections.abc import Callable, Generator
from dataclasses import dataclass, field
from enum import IntEnum
from typing import TYPE_CHECKING, Any, Generic, TypeVar, cast, overload

from PySide6.QtCore import QCoreApplication, QObject, QThread, QTimer, Signal, Slot

from convlens.engine.core import gc_pauses
from convlens.engine.core.errors import ConvLensError
from convlens.gui.i18n import error_text

if TYPE_CHECKING:
    from convlens.engine.app.session import EngineSession

log = logging.getLogger("convlens.jobs")

Y = TypeVar("Y")  # what a job's generator yields
R = TypeVar("R")  # what it returns


class JobEvent(IntEnum):
    """What the engine thread reports about a job (an int on the wire: a queued signal carries it)."""

    STARTED = 0
    YIELDED = 1
    RETURNED = 2
    ERRORED = 3
    ABORTED = 4
    FINISHED = 5


STARTED, YIELDED, RETURNED, ERRORED, ABORTED, FINISHED = JobEvent


@dataclass(frozen=True)
class JobError:
    """Why a job failed: ``message`` is for the window; ``expected`` is False for bugs (logged)."""

    message: str
    exception: BaseException | None = None
    expected: bool = True
    log_file: str = ""


@dataclass
class _Spec:
    id: int
    name: str
    fn: Callable[..., Any]
    args: tuple[Any, ...]
    kwargs: dict[str, Any]
    exclusive: bool
    background: bool


@dataclass
class _Run:
    spec: _Spec
    gen: Generator[Any, None, Any] | None = None
    started: bool = False
    idle: bool = field(default=False)


class Job(QObject, Generic[Y, R]):
    """The UI thread's handle on one piece of engine work: a ``Job[Y, R]`` yields ``Y`` values and returns an
    ``R`` (the function's own annotation, so mypy checks each slot against what the engine sends it)."""

    started = Signal()
    yielded = Signal(object)  # Y
    returned = Signal(object)  # R
    errored = Signal(object)  # JobError
    aborted = Signal()
    finished = Signal()

    def __init__(self, client: EngineClient, job_id: int, name: str, key: str | None) -> None:
        super().__init__(client)
        self.id = job_id
        self.name = name
        self.key = key
        self._client = client
        self.is_running = True  # until finished (or dropped)
        self.dropped = False  # superseded or the client shut down: the UI hears nothing more
        self.error: JobError | None = None
        self.result: R | None = None
        self.was_aborted = False

    def quit(self) -> None:
        """Ask the job to stop at its next step; ``aborted`` then ``finished`` follow."""
        self._client._abort_ids.add(self.id)


class _Runner(QObject):
    """Lives in the engine thread: steps the jobs, owns the session (and so the model)."""

    happened = Signal(int, int, object)  # job id, STARTED..FINISHED, payload
    loaded = Signal(object)  # None, or the exception that stopped the engine from loading

    def __init__(self, client: EngineClient) -> None:
        super().__init__()
        self._aborts = client._abort_ids  # a set shared with the UI thread (add/lookup are atomic)
        self._log_file = client.log_file
        self._session: EngineSession | None = None
        self._pending: deque[_Spec] = deque()
        self._active: list[_Run] = []
        self._turn = 0
        self._scheduled = False

    @property
    def session(self) -> EngineSession:
        if self._session is None:  # created in the engine thread, on first use
            from convlens.engine.app.session import EngineSession

            self._session = EngineSession()
        return self._session

    @Slot()
    def load_engine(self) -> None:
        """Import torch, the session and every task here, on the engine thread; then say so."""
        started = time.perf_counter()
        try:
            from convlens.engine.app import tasks

            with gc_pauses.loading():  # no collection holds the GIL for 90 ms meanwhile
                tasks.import_all()
                _ = self.session
        except Exception as exc:  # a broken install: the window stays up and says why
            log.exception("the engine did not load")
            self.loaded.emit(exc)
            return
        log.info("engine loaded in %.2f s on the engine thread (%d objects frozen out of the collector's walks)",
                 time.perf_counter() - started, gc.get_freeze_count())
        self.loaded.emit(None)

    @Slot(object)
    def enqueue(self, spec: _Spec) -> None:
        self._pending.append(spec)
        self._schedule(0)

    def _schedule(self, delay_ms: int) -> None:
        if not self._scheduled:
            self._scheduled = True
            QTimer.singleShot(delay_ms, self._tick)

    def _promote(self) -> None:
        while self._pending:
            spec = self._pending[0]
            if spec.id in self._aborts:
                self._pending.popleft()
                self._emit_end(spec.id, ABORTED, None)
                continue
            exclusive_running = any(r.spec.exclusive for r in self._active)
            foreground_running = any(not r.spec.background for r in self._active)
            if exclusive_running or (spec.exclusive and foreground_running):
                return
            self._pending.popleft()
            self._active.append(_Run(spec))
            if spec.exclusive:
                return

    def _tick(self) -> None:
        self._scheduled = False
        self._promote()
        exclusive = any(r.spec.exclusive for r in self._active)
        runnable = [r for r in self._active if not (exclusive and r.spec.background)]
        if runnable:
            self._turn = (self._turn + 1) % len(runnable)
            run = runnable[self._turn]
            self._step(run)
        if self._active or self._pending:
            # Only idle jobs (e.g. a paused live view): do not spin the core.
            idle = bool(self._active) and all(r.idle for r in self._active) and not self._pending
            self._schedule(10 if idle else 0)

    def _step(self, run: _Run) -> None:
        spec = run.spec
        if spec.id in self._aborts:
            self._close(run)
            self._active.remove(run)
            self._emit_end(spec.id, ABORTED, None)
            return
        try:
            if not run.started:
                run.started = True
                self.happened.emit(spec.id, STARTED, ())
                value = spec.fn(self.session, *spec.args, **spec.kwargs)
                if isinstance(value, Generator):
                    run.gen = value
                    return
                self._active.remove(run)
                self._emit_end(spec.id, RETURNED, value)
                return
            assert run.gen is not None
            value = next(run.gen)
            run.idle = value is None
            if value is not None:
                self.happened.emit(spec.id, YIELDED, value)
        except StopIteration as stop:
            self._active.remove(run)
            self._emit_end(spec.id, RETURNED, stop.value)
        except ConvLensError as exc:
            self._close(run)
            self._active.remove(run)
            self._emit_end(spec.id, ERRORED, JobError(error_text(exc), exc.with_traceback(None), True))
        except Exception as exc:
            self._close(run)
            self._active.remove(run)
            self._emit_end(spec.id, ERRORED, self._unexpected(spec, exc))

    def _unexpected(self, spec: _Spec, exc: Exception) -> JobError:
        text = "".join(traceback.format_exception(exc))
        log.error("job %s (%s) failed:\n%s", spec.id, spec.name, text)
        oom = isinstance(exc, MemoryError) or "out of memory" in str(exc).lower()
        what = (QCoreApplication.translate("Jobs", "{job} ran out of memory.") if oom else
                QCoreApplication.translate("Jobs", "{job} failed unexpectedly ({error}).")).format(
            job=spec.name, error=f"{type(exc).__name__}: {str(exc)[:300]}")
        where = QCoreApplication.translate("Jobs", " Details were written to {log}.").format(log=self._log_file) \
            if self._log_file else ""
        return JobError(what + where, exc.with_traceback(None), False, self._log_file)

    @staticmethod
    def _close(run: _Run) -> None:
        """Close the generator now: cameras and files are released here, not by a finaliser."""
        if run.gen is not None:
            try:
                run.gen.close()
            except Exception:
                log.exception("closing job %s", run.spec.id)
            run.gen = None

    def _emit_end(self, job_id: int, kind: int, payload: object) -> None:
        self.happened.emit(job_id, kind, payload)
        self.happened.emit(job_id, FINISHED, ())
        self._aborts.discard(job_id)

    def close_all(self) -> None:
        """Stop every job and drop the model. Only once the engine thread has stopped (shutdown)."""
        for run in self._active:
            self._close(run)
        self._active.clear()
        self._pending.clear()
        self._session = None


class EngineClient(QObject):
    """The UI thread's one door to the engine: ``submit`` work, get a ``Job`` back."""

    _submitted = Signal(object)
    _load = Signal()
    #: The engine has loaded (None) or could not (the exception): ``when_ready`` callbacks have run.
    ready = Signal(object)

    def __init__(self, parent: QObject | None = None, log_file: str = "") -> None:
        super().__init__(parent)
        self._ids = itertools.count(1)
        self._abort_ids: set[int] = set()
        self._jobs: dict[int, Job[Any, Any]] = {}
        self._by_key: dict[str, Job[Any, Any]] = {}
        self.log_file = log_file
        self.engine_thread = QThread()
        self.engine_thread.setObjectName("ConvLensEngine")
        self._runner = _Runner(self)
        self._runner.moveToThread(self.engine_thread)
        self._runner.happened.connect(self._on_event)
        self._submitted.connect(self._runner.enqueue)
        self._load.connect(self._runner.load_engine)
        self._runner.loaded.connect(self._on_loaded)
        self._load_requested = False
        self.engine_ready = False
        self.engine_error: BaseException | None = None
        self._when_ready: list[Callable[[BaseException | None], object]] = []
        self.engine_thread.start()

    def load_engine(self) -> None:
        """Start loading torch and the engine on the engine thread (once; later calls do nothing)."""
        if not self._load_requested:
            self._load_requested = True
            self._load.emit()

    def when_ready(self, fn: Callable[[BaseException | None], object]) -> None:
        """``fn(None)`` once the engine has loaded (at once if it has), ``fn(error)`` if it could not. This does not
        start the loading: ``load_engine`` does, and so does the first ``submit``."""
        if self.engine_ready:
            fn(self.engine_error)
            return
        self._when_ready.append(fn)

    @Slot(object)
    def _on_loaded(self, error: BaseException | None) -> None:
        self.engine_ready = True
        self.engine_error = error
        waiting, self._when_ready = self._when_ready, []
        for fn in waiting:
            fn(error)
        self.ready.emit(error)

    @overload
    def submit(self, fn: Callable[..., Generator[Y, Any, R]], *args: Any, name: str = "",
               key: str | None = None, exclusive: bool = False, background: bool = False, **kwargs: Any) -> Job[Y, R]:
        ...

    @overload
    def submit(self, fn: Callable[..., R], *args: Any, name: str = "", key: str | None = None,
               exclusive: bool = False, background: bool = False, **kwargs: Any) -> Job[None, R]:
        ...

    def submit(self, fn: Callable[..., Any], *args: Any, name: str = "", key: str | None = None,
               exclusive: bool = False, background: bool = False, **kwargs: Any) -> Job[Any, Any]:
        """Run ``fn(session, *args, **kwargs)`` on the engine thread; a same-``key`` job is superseded. A
        generator function gives a ``Job[Y, R]`` of its ``Generator[Y, _, R]``, a plain one a ``Job[None, R]``."""
        self.load_engine()  # the engine loads before the first job (a no-op once asked)
        job_id = next(self._ids)
        job: Job[Any, Any] = Job(self, job_id, name or fn.__name__.replace("_", " ").capitalize(), key)
        if key is not None:
            old = self._by_key.get(key)
            if old is not None and old.is_running:
                self._drop(old)
            self._by_key[key] = job
        self._jobs[job_id] = job
        self._submitted.emit(_Spec(job_id, job.name, fn, args, kwargs, exclusive, background))
        return job

    def running(self, key: str) -> Job[Any, Any] | None:
        job = self._by_key.get(key)
        return job if job is not None and job.is_running else None

    def _drop(self, job: Job[Any, Any]) -> None:
        job.dropped = True
        job.is_running = False
        self._abort_ids.add(job.id)

    @Slot(int, int, object)
    def _on_event(self, job_id: int, event: int, payload: object) -> None:
        kind = JobEvent(event)
        job = self._jobs.get(job_id)
        if kind == FINISHED:
            self._jobs.pop(job_id, None)
        if job is None or job.dropped:
            if job is not None and kind == FINISHED:
                job.deleteLater()
            return
        if kind == STARTED:
            job.started.emit()
        elif kind == YIELDED:
            job.yielded.emit(payload)
        elif kind == RETURNED:
            job.result = payload
            job.returned.emit(payload)
        elif kind == ERRORED:
            assert isinstance(payload, JobError)
            job.error = payload
            job.errored.emit(payload)
        elif kind == ABORTED:
            job.was_aborted = True
            job.aborted.emit()
        elif kind == FINISHED:
            job.is_running = False
            job.finished.emit()
            if job.key is not None and self._by_key.get(job.key) is job:
                del self._by_key[job.key]
            job.deleteLater()

    def shutdown(self, timeout_ms: int = 30_000) -> None:
        """The explicit end: drop every job, stop the engine thread, then close what the jobs held.

        Order matters: (1) no job may reach the UI any more, (2) the engine
        thread's loop stops after its current step, (3) generators are closed
        from this thread (cameras released, files closed) while nothing else
        runs, (4) the model is released before interpreter teardown.
        """
        if not self.engine_thread.isRunning():
            return
        for job in list(self._jobs.values()):
            self._drop(job)
        self.engine_thread.quit()
        if not self.engine_thread.wait(timeout_ms):
            log.error("the engine thread did not stop within %d ms", timeout_ms)
        self._runner.close_all()
        self._jobs.clear()
        self._by_key.clear()
        gc.unfreeze()  # let teardown release what was frozen after model loads


def wait_for(job: Job[Any, R], timeout: float = 60.0) -> R:
    """Block (processing events) until ``job`` finishes; its return value. For scripts and self-tests."""
    from PySide6.QtCore import QCoreApplication

    deadline = time.monotonic() + timeout
    while job.is_running and time.monotonic() < deadline:
        QCoreApplication.processEvents()
        time.sleep(0.005)
    if job.is_running:
        raise TimeoutError(f"the job {job.name or job.id} did not finish within {timeout:g} s")
    if job.error is not None:
        raise ConvLensError(job.error.message)
    if job.was_aborted or job.dropped:
        raise RuntimeError(f"the job {job.name or job.id} was {'cancelled' if job.was_aborted else 'superseded'}")
    return cast(R, job.result)  # set by RETURNED: the one way left for a job to end
