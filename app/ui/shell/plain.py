"""User text shown as it is written: QLabel and tooltips guess that text with a tag is HTML.

A routine title such as "Calves <b>and</b> shins", or a diary note with "<img src=…>", would
otherwise be rendered, and a picture fetched. Routine, exercise, step, tip, reminder and
diary text goes through here.
"""

from __future__ import annotations

from typing import TypeVar

from PySide6.QtWidgets import QLabel

Label = TypeVar("Label", bound=QLabel)


def plain(label: Label) -> Label:
    """`label`, set to show its text as plain text, whatever it contains."""
    # By the property's name, not Qt.TextFormat.PlainText: the routine list is built before
    # the first paint, where touching the Qt namespace costs about 40 ms (architecture.md).
    label.setProperty("textFormat", "PlainText")
    return label


def literal_html(text: str) -> str:
    """`text` for a tooltip or a message box, shown literally: rich text, its markup escaped.

    A tooltip has no plain-text switch (nor has a message box's informative text): either
    is rich text whenever it looks like it. Escaped by hand: the `html` module brings its
    0.7 MB entity table.
    """
    escaped = text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    return "<qt>" + escaped.replace("\n", "<br>") + "</qt>" if text else ""
