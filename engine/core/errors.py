"""The one error type a user can cause and should read, and the text type of everything the engine says to a person."""

from __future__ import annotations


class Text(str):
    """Words for a person, remembering the template and values they were made from.

    ``Text("file {name}", name="resnet.pth")`` is the string ``"file resnet.pth"`` wherever a string is used (the
    CLI, the log, JSON); a front end that speaks another language translates ``template`` and fills in ``values``
    (``gui.i18n.engine_text``). ``make translations`` collects every ``Text`` and ``ConvLensError`` template.
    """

    template: str
    values: dict[str, object]

    def __new__(cls, template: str, /, **values: object) -> Text:
        text = super().__new__(cls, template.format(**values) if values else template)
        text.template = template
        text.values = values
        return text


def text_from_record(template: object, values: object, english: str) -> str:
    """A ``Text`` rebuilt from the plain template and values a record (a checkpoint, a project) kept of it; the
    English ``english`` when the record has none or they do not fit together. Only templates the engine wrote come
    back this way, so the translators have them."""
    if isinstance(template, str) and template and isinstance(values, dict):
        try:
            template.format(**values)  # a template whose values are missing is not these words
            return Text(template, **values)
        except (KeyError, IndexError, ValueError):
            pass
    return english


class ConvLensError(Exception):
    """A problem the user can fix (bad file, wrong weights, no network...).

    The message is written for a person and names the file or setting it is
    about. Bugs are not wrapped in this type: they stay ordinary exceptions.

    ``ConvLensError("Cannot read {name}: {reason}.", name=..., reason=...)``: the message is a template and its
    values, so a front end can show it in the user's language (the window translates ``template`` with Qt's
    translator, then fills in ``values``); ``str(error)`` is the English text. ``make translations`` collects the
    templates of every ``ConvLensError`` in the engine for the translators.
    """

    def __init__(self, message: str, /, **values: object) -> None:
        self.text = Text(message, **values)
        super().__init__(str(self.text))
