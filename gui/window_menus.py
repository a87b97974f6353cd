"""The main window's menus: File (projects, recent ones), Runtime, Language, Help.

The words stay in the translators' context "MainWindow" (``QCoreApplication.translate``), where they were
when this was one class: a mixin's own name is not a context Qt looks in."""


from __future__ import annotations

from typing import TYPE_CHECKING, Any, Literal

from PySide6.QtCore import QCoreApplication, Qt
from PySide6.QtGui import QAction, QActionGroup, QKeySequence
from PySide6.QtWidgets import (
    QApplication,
)

from convlens.gui.glossary import GlossaryDialog
from convlens.gui.i18n import LANGUAGES, SYSTEM
from convlens.gui.settings import Key

DEFAULT_ARCH = "mobilenet_v2"
#: What to do with a trained model that was not saved.
UnsavedAnswer = Literal["save", "discard", "cancel"]


if TYPE_CHECKING:  # a part of MainWindow: its attributes are the ones MainWindow.__init__ sets
    _Part = Any
else:
    _Part = object


class WindowMenus(_Part):
    """A part of ``MainWindow``."""

    def _build_menus(self) -> None:
        file_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&File"))

        def action(menu: Any, text: str, slot: object, shortcut: QKeySequence | QKeySequence.StandardKey | str | None = None) -> QAction:
            act = QAction(text, self)
            if shortcut is not None:
                act.setShortcut(QKeySequence(shortcut))
            act.triggered.connect(slot)
            menu.addAction(act)
            return act

        self.open_action = action(file_menu, QCoreApplication.translate("MainWindow", "&Open Images…"), self.open_images_dialog,
                                  QKeySequence.StandardKey.Open)
        action(file_menu, QCoreApplication.translate("MainWindow", "Open &Folder…"), self.open_folder_dialog, "Ctrl+Shift+O")
        self.paste_action = action(file_menu, QCoreApplication.translate("MainWindow", "&Paste Image"), self.paste, QKeySequence.StandardKey.Paste)
        action(file_menu, QCoreApplication.translate("MainWindow", "Open &Weights File…"), self.model_panel.browse_weights, "Ctrl+Shift+W")
        self.recent_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "&Recent Files"))
        file_menu.addSeparator()
        action(file_menu, QCoreApplication.translate("MainWindow", "Open Pro&ject…"), lambda: self.projects.open_dialog(), "Ctrl+Shift+P")
        self.save_project_action = action(file_menu, QCoreApplication.translate("MainWindow", "&Save Project"), lambda: self.projects.save_dialog(),
                                          QKeySequence.StandardKey.Save)
        action(file_menu, QCoreApplication.translate("MainWindow", "Save Project &As…"), lambda: self.projects.save_dialog(save_as=True),
               QKeySequence.StandardKey.SaveAs)
        self.recent_projects_menu = file_menu.addMenu(QCoreApplication.translate("MainWindow", "Recent Pro&jects"))
        file_menu.addSeparator()
        self.export_action = action(file_menu, QCoreApplication.translate("MainWindow", "&Export Results as CSV…"), self.folder.export_csv_dialog,
                                    "Ctrl+E")
        self.export_model_action = action(file_menu, QCoreApplication.translate("MainWindow", "Export &Model (ONNX / TorchScript)…"),
                                          self.export_model_dialog, "Ctrl+Shift+E")
        self.evaluate_action = action(file_menu, QCoreApplication.translate("MainWindow", "E&valuate on a Folder…"),
                                      self.teach.choose_evaluation_folder, "Ctrl+Shift+V")
        file_menu.addSeparator()
        action(file_menu, QCoreApplication.translate("MainWindow", "Largest Image to Open…"), self.choose_max_pixels)
        file_menu.addSeparator()
        action(file_menu, QCoreApplication.translate("MainWindow", "&Quit"), self.close, QKeySequence.StandardKey.Quit)

        view_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&View"))
        action(view_menu, QCoreApplication.translate("MainWindow", "Previous Image"), lambda: self.images.step(-1), QKeySequence(Qt.Key.Key_Left))
        action(view_menu, QCoreApplication.translate("MainWindow", "Next Image"), lambda: self.images.step(1), QKeySequence(Qt.Key.Key_Right))
        view_menu.addSeparator()
        self.language_menu = view_menu.addMenu(QCoreApplication.translate("MainWindow", "&Language"))
        group = QActionGroup(self)
        saved = self.settings.text(Key.LANGUAGE, SYSTEM)
        for code, title in ((SYSTEM, QCoreApplication.translate("MainWindow", "System language")), *LANGUAGES.items()):
            act = QAction(title, self, checkable=True)
            act.setChecked(code == saved)
            act.triggered.connect(lambda _checked=False, c=code: self.choose_language(c))
            group.addAction(act)
            self.language_menu.addAction(act)

        help_menu = self.menuBar().addMenu(QCoreApplication.translate("MainWindow", "&Help"))
        action(help_menu, QCoreApplication.translate("MainWindow", "&Glossary"), lambda: GlossaryDialog(self).exec(), QKeySequence.StandardKey.HelpContents)
        action(help_menu, QCoreApplication.translate("MainWindow", "&About ConvLens"), self.about)
        action(help_menu, QCoreApplication.translate("MainWindow", "About &Qt"), QApplication.aboutQt)

    def rebuild_recent_projects(self) -> None:
        self.recent_projects_menu.clear()
        recent = self.settings.recent(Key.RECENT_PROJECTS)
        for path in recent:
            act = self.recent_projects_menu.addAction(path)
            act.triggered.connect(lambda _=False, p=path: self.projects.open(p))
        self.recent_projects_menu.setEnabled(bool(recent))

    def _rebuild_recent_menu(self) -> None:
        self.recent_menu.clear()
        recent = self.settings.recent()
        for path in recent:
            act = self.recent_menu.addAction(path)
            act.triggered.connect(lambda _=False, p=path: self.open_paths([p]))
        self.recent_menu.setEnabled(bool(recent))

