"""The translation workflow: what pyside6-lupdate extracts is what the app looks up, the
committed .ts holds every string translated, and each .qm is what its .ts builds."""

from __future__ import annotations

import ast
import importlib.util
import re
import shutil
from pathlib import Path
from xml.etree import ElementTree

import pytest
from PySide6.QtCore import QCoreApplication, QLocale
from PySide6.QtWidgets import QMainWindow

from app.ui.shell import i18n

ROOT = Path(__file__).resolve().parents[3]
SCRIPT = ROOT / "scripts" / "translations.py"
pytestmark = pytest.mark.skipif(shutil.which("pyside6-lupdate") is None, reason="no Qt tools")


def _script():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("translations_script", SCRIPT)
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


translations = _script()


def _messages(ts: Path) -> dict[tuple[str, str, str], ElementTree.Element]:
    """(context, source, disambiguation) -> its <message>."""
    found = {}
    for context in ElementTree.parse(ts).getroot().iter("context"):
        name = context.findtext("name") or ""
        for message in context.iter("message"):
            key = (name, message.findtext("source") or "", message.findtext("comment") or "")
            found[key] = message
    return found


def _fill(ts: Path, texts: dict[str, list[str]]) -> None:
    tree = ElementTree.parse(ts)
    for message in tree.getroot().iter("message"):
        forms = texts.get(message.findtext("source") or "")
        translation = message.find("translation")
        if forms is None or translation is None:
            continue
        translation.attrib.pop("type", None)
        numerus = translation.findall("numerusform")
        if numerus:
            for form, text in zip(numerus, forms, strict=True):
                form.text = text
        else:
            translation.text = forms[0]
    tree.write(ts, encoding="utf-8", xml_declaration=True)


@pytest.fixture
def english(qapp: QCoreApplication):  # type: ignore[no-untyped-def]
    yield
    i18n.install(qapp, "en")


def test_strings_extracted_are_the_strings_looked_up(
    qapp: QCoreApplication, tmp_path: Path, english: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A class's self.tr, a module's tr (also a plural) and a subclass's inherited self.tr,
    taken from the real sources, translated at run time from a .qm built from them."""
    ts = tmp_path / "unknot_ru.ts"
    app_ui = ROOT / "app" / "ui"
    sources = [app_ui / "shell" / "menus.py", app_ui / "shell" / "format.py"]
    translations.lupdate(ts, "ru", sources)
    _fill(
        ts,
        {
            "&Sound": ["&Звук"],
            "left leg": ["левая нога"],
        },
    )
    translations.lrelease(ts, tmp_path / "unknot_ru.qm")
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    assert i18n.install(qapp, "ru") == "ru"
    from app.core.routines import Side
    from app.ui.shell.format import side_text
    from app.ui.shell.menus import WindowMenus

    class Subclass(WindowMenus):
        pass

    host = QMainWindow()
    assert WindowMenus(host, host).sound.title() == "&Звук"  # type: ignore[arg-type]
    assert Subclass(host, host).sound.title() == "&Звук"  # type: ignore[arg-type]
    assert side_text(Side.LEFT) == "левая нога"
    assert i18n.active_language() == "ru"
    assert QLocale().language() == QLocale.Language.Russian


def test_plurals_take_the_three_russian_forms(
    qapp: QCoreApplication, tmp_path: Path, english: None, monkeypatch: pytest.MonkeyPatch
) -> None:
    source = tmp_path / "plural.py"
    source.write_text('from app.ui.shell.i18n import tr\n\ntr("%n nights", None, 1)\n')
    ts = tmp_path / "unknot_ru.ts"
    translations.lupdate(ts, "ru", [source])
    _fill(ts, {"%n nights": ["%n ночь", "%n ночи", "%n ночей"]})
    translations.lrelease(ts, tmp_path / "unknot_ru.qm")
    monkeypatch.setattr(i18n, "TRANSLATIONS_DIR", tmp_path)
    i18n.install(qapp, "ru")
    shown = [i18n.tr("%n nights", None, n) for n in (1, 2, 5, 21, 11, 22)]
    assert shown == ["1 ночь", "2 ночи", "5 ночей", "21 ночь", "11 ночей", "22 ночи"]


def test_english_installs_no_translator(qapp: QCoreApplication, english: None) -> None:
    assert i18n.install(qapp, "en") == "en"
    assert i18n.tr("left leg") == "left leg"
    assert i18n.active_language() == "en"


def test_the_desktop_language_is_followed(qapp: QCoreApplication, english: None) -> None:
    assert i18n.install(qapp, "system", {"LANG": "ru_RU.UTF-8"}) == "ru"
    assert i18n.install(qapp, "", {"LANG": "de_DE.UTF-8"}) == "en"
    assert i18n.install(qapp, "ru", {"LANG": "en_US.UTF-8"}) == "ru"


def test_the_russian_catalogue_holds_every_string_translated(tmp_path: Path) -> None:
    """Every string in app/ui is in unknot_ru.ts, translated, with the same placeholders;
    a plural has its three Russian forms, each with %n."""
    committed = translations.ts_path("ru")
    fresh = tmp_path / committed.name
    shutil.copy(committed, fresh)
    translations.lupdate(fresh, "ru")
    messages = _messages(committed)
    assert set(_messages(fresh)) == set(messages), "run scripts/translations.py update"
    placeholder = re.compile(r"\{[^{}]*\}")
    for key, message in messages.items():
        translation = message.find("translation")
        assert translation is not None
        assert translation.get("type") is None, f"untranslated: {key}"
        forms = [f.text or "" for f in translation.findall("numerusform")] or [
            translation.text or ""
        ]
        for form in forms:
            assert form.strip(), f"empty: {key}"
            assert sorted(placeholder.findall(form)) == sorted(placeholder.findall(key[1])), key
        if message.get("numerus") == "yes":
            assert len(forms) == 3 and all("%n" in f for f in forms), key


def test_the_committed_qm_is_what_the_ts_builds(tmp_path: Path) -> None:
    built = tmp_path / "unknot_ru.qm"
    translations.lrelease(translations.ts_path("ru"), built)
    committed = translations.qm_path("ru")
    assert committed.read_bytes() == built.read_bytes(), "run scripts/translations.py build"


def test_russian_reaches_the_screen(qapp: QCoreApplication, english: None) -> None:
    """The committed catalogue, loaded: a class's string, a module's, Qt's own button."""
    from PySide6.QtWidgets import QDialogButtonBox

    from app.core.routines import Side
    from app.ui.shell.format import side_text
    from app.ui.shell.menus import WindowMenus

    assert i18n.install(qapp, "ru") == "ru"
    host = QMainWindow()
    menus = WindowMenus(host, host)  # type: ignore[arg-type]
    assert [menus.go.title(), menus.view.title()] == ["&Переход", "&Вид"]
    assert side_text(Side.RIGHT) == "правая нога"
    box = QDialogButtonBox(QDialogButtonBox.StandardButton.Cancel)
    assert box.button(QDialogButtonBox.StandardButton.Cancel).text() == "Отмена"
    assert i18n.said_in("ru", "left leg") == "левая нога"
    assert i18n.said_in("en", "left leg") == "left leg"


def test_context_names_are_classes_of_the_interface() -> None:
    """Every context but the empty one is a class's name, written once in app/ui: two
    classes of one name would share their strings' translations."""
    defined: dict[str, list[str]] = {}
    for path in translations.sources():
        for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
            if isinstance(node, ast.ClassDef):
                defined.setdefault(node.name, []).append(str(path.relative_to(ROOT)))
    contexts = {context for context, _, _ in _messages(translations.ts_path("ru"))}
    for context in contexts - {""}:
        assert len(defined.get(context, [])) == 1, (context, defined.get(context))


def test_no_tr_on_another_object() -> None:
    """`window.tr("…")` is extracted under "window", a context nothing looks up."""
    pattern = re.compile(r"(?<![\w.])(?!self\.|i18n\.)\w+\.tr\(")
    found = [
        f"{path.relative_to(ROOT)}: {line.strip()}"
        for path in translations.sources()
        for line in path.read_text(encoding="utf-8").splitlines()
        if pattern.search(line)
    ]
    assert found == []
