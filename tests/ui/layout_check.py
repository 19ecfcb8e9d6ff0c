"""Layout faults a user would see: a widget cut by its parent or squeezed below the size
its content needs, or two visible siblings on top of each other.

    faults = layout_faults(window)  # [] when every visible widget has its room

Scroll areas may hold more than they show: their content is not "cut" by the viewport
(but what is inside the content is checked as everywhere else). The insides of Qt's own
compound widgets (a spin box's line edit, a combo box's popup, a table's header and
viewport, a calendar's navigation) are Qt's business and left alone.
"""

from __future__ import annotations

from PySide6.QtCore import QRect, QSize
from PySide6.QtWidgets import (
    QAbstractItemView,
    QAbstractScrollArea,
    QAbstractSpinBox,
    QCalendarWidget,
    QComboBox,
    QLabel,
    QScrollBar,
    QTabBar,
    QWidget,
)

# Widgets drawn as one by Qt: their children are not checked.
COMPOUND = (QAbstractSpinBox, QComboBox, QAbstractItemView, QCalendarWidget, QTabBar, QScrollBar)
TOLERANCE = 1  # px: a border shared by two neighbours is not an overlap


def describe(widget: QWidget) -> str:
    """A widget as a person would find it: its class, name, and text if it has any."""
    name = widget.objectName() or widget.accessibleName()
    text = widget.text() if callable(getattr(widget, "text", None)) else ""
    parts = [type(widget).__name__]
    if name:
        parts.append(f"#{name}")
    if text:
        parts.append(repr(text[:40]))
    path = []
    parent = widget.parentWidget()
    while parent is not None and len(path) < 3:
        path.append(type(parent).__name__)
        parent = parent.parentWidget()
    return " ".join(parts) + f" (in {' < '.join(path)})"


def _visible_children(widget: QWidget) -> list[QWidget]:
    return [
        child
        for child in widget.findChildren(QWidget, options=_direct())
        if not child.isWindow() and child.isVisible()
    ]


def _direct():  # type: ignore[no-untyped-def]
    from PySide6.QtCore import Qt

    return Qt.FindChildOption.FindDirectChildrenOnly


def _needs(widget: QWidget) -> QSize:
    """The least size `widget` shows its content in."""
    least = widget.minimumSizeHint()
    if isinstance(widget, QLabel) and widget.wordWrap() and widget.text():
        # A wrapped label can be narrow, but then it must be tall enough for every line.
        least = QSize(least.width(), widget.heightForWidth(widget.width()))
    # A style sheet's max-height (a slim progress bar) is what the widget is meant to be.
    return least.expandedTo(widget.minimumSize()).boundedTo(widget.maximumSize())


def _squeezed(widget: QWidget) -> str:
    need = _needs(widget)
    short = []
    if need.width() > 0 and widget.width() + TOLERANCE < need.width():
        short.append(f"{widget.width()} wide of {need.width()}")
    if need.height() > 0 and widget.height() + TOLERANCE < need.height():
        short.append(f"{widget.height()} tall of {need.height()}")
    return ", ".join(short)


def _inside(child: QRect, parent: QRect) -> bool:
    return parent.adjusted(-TOLERANCE, -TOLERANCE, TOLERANCE, TOLERANCE).contains(child)


def _overlap(first: QRect, second: QRect) -> bool:
    common = first.intersected(second)
    return common.width() > TOLERANCE and common.height() > TOLERANCE


def layout_faults(root: QWidget) -> list[str]:
    """Every visible widget under `root` that is cut, squeezed or overlapped."""
    faults: list[str] = []
    _check(root, faults)
    return faults


def _check(widget: QWidget, faults: list[str]) -> None:
    if isinstance(widget, COMPOUND):
        return
    children = _visible_children(widget)
    scrolled = (
        widget.parentWidget() is not None
        and isinstance(widget.parentWidget(), QAbstractScrollArea)
        and widget is widget.parentWidget().viewport()  # type: ignore[union-attr]
    )
    for child in children:
        squeezed = _squeezed(child)
        if squeezed:
            faults.append(f"squeezed: {describe(child)}: {squeezed}")
        if not scrolled and not _inside(child.geometry(), widget.rect()):
            faults.append(
                f"cut: {describe(child)} at {child.geometry().getRect()} "
                f"outside its parent's {widget.rect().getRect()}"
            )
    for index, first in enumerate(children):
        for second in children[index + 1 :]:
            if _overlap(first.geometry(), second.geometry()):
                faults.append(f"overlap: {describe(first)} and {describe(second)}")
    for child in children:
        _check(child, faults)
