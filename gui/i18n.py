"""The app's language and fonts.

Translations are Qt's own: ``resources/translations/convlens_<lang>.ts`` made and updated by
``pyside6-lupdate`` from every ``tr()`` in ``gui/``, compiled to ``.qm`` by ``pyside6-lrelease`` (``make
translations``; ``build.spec`` compiles them too), loaded with ``QTranslator`` together with Qt's own
``qtbase_<lang>`` for its dialogs. The language is ``convlens --lang ko|en`` if given, else the one chosen in
View → Language (kept in the settings), else the system's if ConvLens speaks it, else English.

Fonts: every font in ``resources/fonts`` is registered at start and added to the application font's fallback
families, so Korean renders on a machine with no CJK font installed and in the frozen app.
"""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from PySide6.QtCore import QCoreApplication, QLibraryInfo, QLocale, QSettings, QTranslator
from PySide6.QtGui import QFontDatabase
from PySide6.QtWidgets import QApplication

from convlens.engine.core.errors import Text
from convlens.gui.message_catalog import ARCHITECTURES, ENGINE
from convlens.gui.particles import with_particles
from convlens.gui.resources import resource_path
from convlens.gui.settings import Key, Settings

if TYPE_CHECKING:
    from convlens.engine.core.errors import ConvLensError

__all__ = ["LANGUAGES", "SYSTEM", "architecture_text", "choose_language", "error_text", "install_language",
           "engine_text", "fill", "language_from_args", "register_fonts", "registered_fonts"]

#: The languages ConvLens speaks, each named in itself.
LANGUAGES = {"en": "English", "ko": "한국어"}
SYSTEM = "system"  # the setting's value for "follow the system"

_translators: list[QTranslator] = []  # installed now (a QTranslator must outlive its installation)
_fonts: list[str] = []  # the bundled font families, once registered


def language_from_args(args: Sequence[str]) -> tuple[str | None, list[str]]:
    """``--lang ko`` / ``--lang=ko`` out of the command line: (the language or None, the other arguments)."""
    rest: list[str] = []
    lang = None
    it = iter(args)
    for arg in it:
        if arg == "--lang":
            lang = next(it, "")
        elif arg.startswith("--lang="):
            lang = arg.split("=", 1)[1]
        else:
            rest.append(arg)
    return lang, rest


def system_language() -> str:
    code = QLocale.system().name().split("_")[0]
    return code if code in LANGUAGES else "en"


def choose_language(requested: str | None = None, settings: QSettings | None = None) -> str:
    """The language to use: ``requested`` (``--lang``), else the saved choice, else the system's."""
    if requested in LANGUAGES:
        return requested
    saved = Settings(settings).text(Key.LANGUAGE, SYSTEM)
    return saved if saved in LANGUAGES else system_language()


def install_language(app: QApplication, lang: str) -> list[str]:
    """Load ConvLens' and Qt's translations for ``lang``; returns what was loaded (nothing for English)."""
    for old in _translators:
        app.removeTranslator(old)
    _translators.clear()
    loaded: list[str] = []
    if lang != "en":
        ours = QTranslator(app)
        if ours.load(str(resource_path("translations", f"convlens_{lang}.qm"))):
            _translators.append(ours)
            loaded.append(f"convlens_{lang}")
        qt = QTranslator(app)
        if qt.load(f"qtbase_{lang}", QLibraryInfo.path(QLibraryInfo.LibraryPath.TranslationsPath)):
            _translators.append(qt)
            loaded.append(f"qtbase_{lang}")
    for translator in _translators:
        app.installTranslator(translator)
    QLocale.setDefault(QLocale(lang))
    return loaded


def registered_fonts() -> list[str]:
    """The bundled font families registered so far."""
    return list(_fonts)


def register_fonts(app: QApplication) -> list[str]:
    """Register the bundled fonts (once) and put them behind the default font as fallbacks; returns their
    families."""
    if _fonts:
        return list(_fonts)
    families: list[str] = []
    folder = resource_path("fonts")
    for path in sorted(folder.glob("*")) if folder.is_dir() else []:
        if path.suffix.lower() not in (".otf", ".ttf", ".ttc"):
            continue
        font_id = QFontDatabase.addApplicationFont(str(path))
        if font_id >= 0:
            families += [f for f in QFontDatabase.applicationFontFamilies(font_id) if f not in families]
    if families:
        font = app.font()
        font.setFamilies([*font.families(), *[f for f in families if f not in font.families()]])
        app.setFont(font)
    _fonts.extend(families)
    return families


def engine_text(text: str) -> str:
    """Words from the engine in the user's language: a ``Text``'s template translated (``gui/engine_messages.py``
    lists them for the translators), then its values filled in; English when there is no translation, when the
    translation is broken, or for a plain string."""
    if not isinstance(text, Text):
        return text
    translated = QCoreApplication.translate(ENGINE, text.template)
    values = {k: engine_text(v) if isinstance(v, Text) else v for k, v in text.values.items()}  # nested words too
    try:
        return with_particles(translated.format(**values)) if values else translated
    except (KeyError, IndexError, ValueError):  # a translation whose placeholders do not match: English, not a crash
        return str(text)


def fill(template: str, /, **values: object) -> str:
    """``template.format(**values)`` with Korean particles chosen from the values they follow ("{file}을(를)" →
    "photo.jpg를"); English is unchanged."""
    return with_particles(template.format(**values))


def error_text(error: ConvLensError) -> str:
    """An engine error in the user's language (``engine_text`` of its message)."""
    return engine_text(error.text)


def architecture_text(description: str) -> str:
    """An architecture's one-line description in the user's language."""
    return QCoreApplication.translate(ARCHITECTURES, description)
