"""Project files and autosave: File > Save Project / Open Project / Recent Projects, and recovery after a crash.

A project (``engine.weights.project``) holds the model (its checkpoint when it was trained here, else what it names), the
training run, and every tab's state as ``state()`` collects it; ``apply()`` puts a reopened one back. The session is
also autosaved, atomically, to the user's data folder: when a training starts and ends, when the model changes, and
every few minutes while something changed. Each running ConvLens writes its own file (its process id in the
name) and removes it when it closes normally, so a file whose process is gone is a session a crash, a kill or a
power cut ended: the next start offers to recover it.
"""

from __future__ import annotations

import dataclasses
import json
import os
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from PySide6.QtCore import QCoreApplication, QObject, QTimer
from PySide6.QtWidgets import QFileDialog, QMessageBox

from convlens.engine.app import tasks
from convlens.engine.core.fileio import _pid_alive
from convlens.engine.training.config import TrainConfig
from convlens.engine.weights.project import PROJECT_SUFFIX
from convlens.gui.i18n import engine_text
from convlens.gui.settings import Key

if TYPE_CHECKING:
    from convlens.gui.jobs import Job, JobError
    from convlens.gui.main_window import MainWindow

__all__ = ["AUTOSAVE_SECONDS", "ProjectController", "autosave_dir"]

#: How often a changed session is autosaved.
AUTOSAVE_SECONDS = 120
_AUTOSAVE_PREFIX = "session-"


def autosave_dir() -> Path:
    from platformdirs import user_data_dir

    return Path(user_data_dir("ConvLens", appauthor=False)) / "autosave"


def _pid_of(path: Path) -> int:
    try:
        return int(path.stem[len(_AUTOSAVE_PREFIX):])
    except ValueError:
        return -1


class ProjectController(QObject):
    def __init__(self, window: MainWindow) -> None:
        super().__init__(window)
        self.w = window
        self.ctx = window.ctx
        self.path = ""  # the project this session was opened from or last saved to
        self.trained_here = False  # the model in use was trained here (or came from a project's checkpoint)
        self.autosave_path = autosave_dir() / f"{_AUTOSAVE_PREFIX}{os.getpid()}{PROJECT_SUFFIX}"
        self._autosaved = ""  # the state last autosaved, as JSON: nothing changed, nothing written
        self._model_changed = True
        self._opening = False
        self.timer = QTimer(self)
        self.timer.setInterval(AUTOSAVE_SECONDS * 1000)
        self.timer.timeout.connect(self.autosave)
        self.ctx.model_changed.connect(self._on_model_changed)

    # ------------------------------------------------------------ what a project holds
    def model_entry(self) -> dict[str, Any]:
        arch, kind, weights_file, labels_file = self.w.model_panel.choice_in_use()
        info = self.ctx.model_info
        return {"kind": "trained" if self.trained_here else kind, "arch": info.arch if info else arch,
                "path": weights_file if kind == "file" else "", "labels_file": labels_file,
                "title": self.ctx.model_name(), "unsaved": bool(self.ctx.unsaved_model)}

    def state(self) -> dict[str, Any]:
        """Every tab's state, plain JSON."""
        w = self.w
        current = w.images.current_source()
        teach = w.teach.view
        live_root = w.live.dataset_root()
        return {
            "tab": w.tabs.currentIndex(),
            "images": {"gallery": w.images.gallery_paths(), "current": current if isinstance(current, str) else "",
                       "topk": w.images.topk},
            "layer": w.inside.selected_layer,
            "folder": {"roots": list(w.folder.roots)},
            "teach": {"data": teach.data_edit.text().strip(), "val": teach.val_edit.text().strip(),
                      "config": dataclasses.asdict(teach.config())},
            "compare": [s.state() for s in w.compare.view.slots],
            "live": {"source": w.live.view.source.currentText(), "dataset": str(live_root) if live_root else ""},
        }

    def _run(self) -> Any:
        return self.w.teach.view.result if self.trained_here else None

    # ------------------------------------------------------------ save
    def save(self, path: str) -> Job | None:
        if self.ctx.model_info is None:
            self.ctx.show_error(self.tr("Load or train a model first: a project starts from a model."))
            return None
        return self.ctx.submit(tasks.save_project, path, self.model_entry(), self.state(), self._run(),
                               self.trained_here, name=self.tr("Saving the project"), key="project", exclusive=True,
                               returned=self._on_saved)

    def save_dialog(self, save_as: bool = False) -> Job | None:
        if self.path and not save_as:
            return self.save(self.path)
        start = self.path or str(Path(self.ctx.settings.start_folder()) / f"convlens{PROJECT_SUFFIX}")
        path, _ = QFileDialog.getSaveFileName(self.w, self.tr("Save the project"), start,
                                              self.tr("ConvLens project (*{suffix})").format(suffix=PROJECT_SUFFIX))
        if not path:
            return None
        if not path.lower().endswith(PROJECT_SUFFIX):
            path += PROJECT_SUFFIX
        return self.save(path)

    def _on_saved(self, path: str) -> None:
        self.path = path
        self.ctx.unsaved_model = False  # the project holds the trained model now
        self.w.model_panel.show_in_use(self.ctx.model_info, False)
        self.ctx.settings.add_recent(path, Key.RECENT_PROJECTS)
        self.w.rebuild_recent_projects()
        self.w.update_title()
        self.ctx.status(self.tr("Project saved: {file}").format(file=path), 8000)

    # ------------------------------------------------------------ open
    def open_dialog(self) -> None:
        path, _ = QFileDialog.getOpenFileName(self.w, self.tr("Open a project"), self.ctx.settings.start_folder(),
                                              self.tr("ConvLens project (*{suffix});;All files (*)").format(
                                                  suffix=PROJECT_SUFFIX))
        if path:
            self.open(path)

    def open(self, path: str, recovered: bool = False) -> Job | None:
        """Open a project: checked whole on the engine thread first, so a damaged one changes nothing here."""
        if not self.w.confirm_discard_trained():
            return None
        self._opening = True
        return self.ctx.submit(tasks.open_project, path, name=self.tr("Opening the project"), key="model",
                               exclusive=True, returned=lambda opened: self._on_opened(opened, recovered),
                               errored=self._on_open_failed)

    def _on_open_failed(self, error: JobError) -> None:
        self._opening = False
        self.ctx.show_error(error.message)

    def _on_opened(self, opened: tasks.ProjectOpened, recovered: bool) -> None:
        try:
            self.apply(opened, recovered)
        finally:
            self._opening = False
        if recovered:
            self.path = ""
            when = time.strftime("%Y-%m-%d %H:%M", time.localtime(opened.saved))
            self.ctx.show_info(self.tr("Recovered the session of {time}. Save it as a project to keep it.").format(
                time=when) + self._interrupted_note(opened))
        else:
            self.path = opened.path
            self.ctx.settings.add_recent(opened.path, Key.RECENT_PROJECTS)
            self.w.rebuild_recent_projects()
        notes = [engine_text(n) for n in opened.notes] + [engine_text(n) for n in opened.info.notes]
        if notes:
            self.ctx.show_info("\n".join(notes))
        self.w.update_title()

    def _interrupted_note(self, opened: tasks.ProjectOpened) -> str:
        if not opened.state.get("training_running"):
            return ""
        return self.tr(" A training was running when ConvLens stopped; it did not finish. Its folder and settings "
                       "are back in Teach: press Train to run it again.")

    def apply(self, opened: tasks.ProjectOpened, recovered: bool = False) -> None:
        """Every tab as the project was saved: the model first (the tabs reset on it), then the rest. A recovered
        session's trained model is still unsaved (only the autosave holds it); a project's is saved in it."""
        w, state, model = self.w, opened.state, opened.model
        kind = model.get("kind", "")
        embedded = kind == "trained"
        if not embedded and kind in ("bundled", "pretrained", "random", "file"):
            w.model_panel.set_choice(model.get("arch") or "", kind, model.get("path") or "", model.get("labels_file") or "",
                                     emit=False)
        self._opening = True
        self.trained_here = embedded
        self.ctx.set_model(opened.info, trained=embedded and recovered and bool(model.get("unsaved")))
        teach = state.get("teach", {})
        if isinstance(teach, dict):
            w.teach.view.data_edit.setText(str(teach.get("data", "")))
            w.teach.view.val_edit.setText(str(teach.get("val", "")))
            if isinstance(teach.get("config"), dict):
                from convlens.engine.training.records import config_from_dict

                try:
                    w.teach.view.set_config(config_from_dict(teach["config"]))
                except Exception:
                    w.teach.view.set_config(TrainConfig())
        if opened.run is not None:
            w.teach.view.show_run(opened.run, opened.findings)
        for slot, saved in zip(w.compare.view.slots, state.get("compare", []) or [], strict=False):
            if isinstance(saved, dict):
                slot.restore(saved)
        live = state.get("live", {})
        if isinstance(live, dict):
            if live.get("source"):
                w.live.view.set_source(str(live["source"]))
            if live.get("dataset") and Path(str(live["dataset"])).is_dir():
                w.live.view.set_dataset(str(live["dataset"]))
        images = state.get("images", {}) if isinstance(state.get("images"), dict) else {}
        if images.get("topk"):
            w.images.predictions.set_topk(int(images["topk"]))
        w.inside.pending_layer = str(state.get("layer") or "")
        roots = [r for r in (state.get("folder", {}) or {}).get("roots", []) if isinstance(r, str)]
        gallery = [p for p in images.get("gallery", []) if isinstance(p, str)]
        gone = [p for p in [*gallery, *roots] if not Path(p).exists()]
        if gone:
            self.ctx.show_error(self.tr("These images or folders of the project are gone (moved or deleted?): "
                                        "{paths}").format(paths=", ".join(gone[:6]) + ("…" if len(gone) > 6 else "")))
        roots = [r for r in roots if Path(r).exists()]
        present = [p for p in gallery if Path(p).exists()]
        if roots:
            w.folder.classify([Path(r) for r in roots], keep_gallery=bool(present))
        if present:
            w.images.set_gallery(present, images.get("current") or None)
        tab = state.get("tab")
        if isinstance(tab, int) and 0 <= tab < w.tabs.count():
            w.tabs.setCurrentIndex(tab)
        self._autosaved = ""

    # ------------------------------------------------------------ autosave and recovery
    def _on_model_changed(self, _info: object) -> None:
        self._model_changed = True
        if self._opening:
            return
        self.trained_here = bool(self.ctx.unsaved_model)
        if self.ctx.unsaved_model:  # a training (or a new threshold) just ended: keep it at once, with its run
            QTimer.singleShot(0, self.autosave)  # (the Teach tab takes the run right after the model)

    def start(self) -> None:
        """After the window is up: offer what a crashed session left, then autosave from now on."""
        self.timer.start()
        self.offer_recovery()

    def autosave(self) -> Job | None:
        """Write the session to this process' autosave file when something changed since the last time."""
        if self.ctx.model_info is None or self._opening:
            return None
        state, model = self.state(), self.model_entry()
        written = json.dumps([state, model], sort_keys=True, default=str)
        if not self._model_changed and written == self._autosaved:
            return None
        job = self._write_autosave(model, state)
        if job is not None:
            self._autosaved, self._model_changed = written, False
        return job

    def autosave_before_training(self) -> Job | None:
        """Before a training starts: the session as it is, marked as training, so a kill loses nothing else."""
        if self.ctx.model_info is None:
            return None
        state = {**self.state(), "training_running": True}
        self._autosaved = ""  # the end of the training writes again, whatever changed
        return self._write_autosave(self.model_entry(), state)

    def _write_autosave(self, model: dict[str, Any], state: dict[str, Any]) -> Job | None:
        try:
            self.autosave_path.parent.mkdir(parents=True, exist_ok=True)
        except OSError:
            return None
        return self.ctx.submit(tasks.save_project, str(self.autosave_path), model, state, self._run(),
                               self.trained_here, name=self.tr("Autosave"), key="autosave", exclusive=True,
                               errored=self._on_autosave_failed)

    def _on_autosave_failed(self, error: JobError) -> None:
        self._autosaved = ""
        self.ctx.status(self.tr("Autosave failed: {why}").format(why=error.message), 10000)

    def recoverable(self) -> list[Path]:
        """Autosaves of sessions whose ConvLens is no longer running, newest first."""
        folder = autosave_dir()
        if not folder.is_dir():
            return []
        found = [p for p in folder.glob(f"{_AUTOSAVE_PREFIX}*{PROJECT_SUFFIX}")
                 if p != self.autosave_path and not _pid_alive(_pid_of(p))]
        return sorted(found, key=lambda p: p.stat().st_mtime, reverse=True)

    def offer_recovery(self) -> bool:
        found = self.recoverable()
        if not found:
            return False
        newest = found[0]
        when = time.strftime("%Y-%m-%d %H:%M", time.localtime(newest.stat().st_mtime))
        answer = self.w.ask_recover(when)
        kept = newest.with_name(f"recovered-{int(newest.stat().st_mtime)}{PROJECT_SUFFIX}")
        try:  # out of the way of later starts, but kept (declined by mistake is not lost): the last three stay
            newest.replace(kept)
            for older in found[1:]:
                older.replace(older.with_name(f"recovered-{int(older.stat().st_mtime)}{PROJECT_SUFFIX}"))
            for stale in sorted(autosave_dir().glob(f"recovered-*{PROJECT_SUFFIX}"), key=lambda p: p.stat().st_mtime,
                                reverse=True)[3:]:
                stale.unlink()
        except OSError:
            kept = newest
        if answer:
            self.open(str(kept), recovered=True)
        return answer

    def end_session(self) -> None:
        """A normal end (the user answered for anything unsaved): this session's autosave goes."""
        self.timer.stop()
        try:
            self.autosave_path.unlink(missing_ok=True)
        except OSError:
            pass


def ask_recover_box(parent: Any, when: str) -> bool:
    translate = QCoreApplication.translate  # with the context spelled out each time: lupdate reads it there
    box = QMessageBox(QMessageBox.Icon.Question, translate("ProjectController", "Recover the last session?"),
                      translate("ProjectController", "ConvLens did not close normally last time. Recover the session "
                                "of {time}?").format(time=when),
                      QMessageBox.StandardButton.Yes | QMessageBox.StandardButton.No, parent)
    box.button(QMessageBox.StandardButton.Yes).setText(
        translate("ProjectController", "Recover the session of {time}").format(time=when))
    box.button(QMessageBox.StandardButton.No).setText(translate("ProjectController", "Start fresh"))
    box.setDefaultButton(QMessageBox.StandardButton.Yes)
    return box.exec() == QMessageBox.StandardButton.Yes
