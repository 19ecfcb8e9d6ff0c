"""The command line's offline commands: --list, --validate, --version."""

from __future__ import annotations

from pathlib import Path

import pytest

from app import __version__
from app.cli import main


def test_list_prints_id_title_and_duration(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--list"]) == 0
    out = capsys.readouterr().out
    assert "before-sleep\tBefore-sleep stretch\t2:40\n" in out


def test_list_includes_user_routines_and_mentions_problems(
    unknot_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    user = unknot_home / "data" / "routines"
    user.mkdir(parents=True)
    (user / "mine.yaml").write_text(
        "schema_version: 1\nid: mine\ntitle: Mine\nsteps:\n  - exercise: bs_04\n"
    )
    (user / "broken.yaml").write_text("schema_version: 1\nid: [\n")
    assert main(["--list"]) == 0
    captured = capsys.readouterr()
    assert "mine\tMine\t0:15\n" in captured.out
    assert "1 problem(s) in routine files" in captured.err


def test_validate_prints_located_problems_and_exits_1(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "schema_version: 1\nid: bad\ntitle: Bad\nsteps:\n  - exercise: bs_01\n    rpes: 3\n"
    )
    good = tmp_path / "good.yaml"
    good.write_text("schema_version: 1\nid: good\ntitle: Good\nsteps:\n  - exercise: bs_01\n")
    assert main(["--validate", str(bad), str(good)]) == 1
    out = capsys.readouterr().out.splitlines()
    assert out == [f"{bad}:6:5: steps[0].rpes: unknown key; did you mean 'reps'?"]


def test_validate_passes_clean_files(
    capsys: pytest.CaptureFixture[str], project_root: Path
) -> None:
    files = sorted(str(p) for p in (project_root / "routines").glob("*.yaml"))
    assert main(["--validate", *files]) == 0
    assert "no problems" in capsys.readouterr().err


def test_version(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--version"])
    assert exit_info.value.code == 0
    assert capsys.readouterr().out.strip() == f"Unknot {__version__}"


def test_unknown_option_is_a_usage_error(capsys: pytest.CaptureFixture[str]) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--frobnicate"])
    assert exit_info.value.code == 2
    assert "unrecognized arguments: --frobnicate" in capsys.readouterr().err


def test_export_diary_writes_a_csv_and_reports_bad_paths(
    unknot_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    target = tmp_path / "diary.csv"
    assert main(["--export-diary", str(target)]) == 0
    assert target.read_text().startswith("kind,start,end,minutes,routine")
    assert f"0 record(s) written to {target}" in capsys.readouterr().out
    blocked = tmp_path / "file"
    blocked.write_text("x")
    assert main(["--export-diary", str(blocked / "diary.csv")]) == 1
    assert f"unknot: cannot write {blocked / 'diary.csv'}: " in capsys.readouterr().err


def test_next_reminders_prints_each_enabled_reminder_in_the_local_zone(
    unknot_home: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("TZ", "Australia/Lord_Howe")
    config = unknot_home / "config"
    config.mkdir(parents=True)
    (config / "reminders.yaml").write_text(
        "schema_version: 1\nreminders:\n"
        '  - {id: bedtime, time: "22:30", days: [mon, tue, wed, thu, fri, sat, sun]}\n'
        '  - {id: monday, time: "21:00", days: [mon], enabled: false}\n'
    )
    assert main(["--next-reminders", "2"]) == 0
    lines = capsys.readouterr().out.splitlines()
    assert len(lines) == 2
    for line in lines:
        reminder_id, when = line.split("\t")
        assert reminder_id == "bedtime"
        assert when[10:16] == "T22:30"
        assert when[16:] in ("+10:30", "+11:00")  # Lord Howe's two offsets


def test_next_reminders_reports_a_broken_file(
    unknot_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    config = unknot_home / "config"
    config.mkdir(parents=True)
    (config / "reminders.yaml").write_text(
        "schema_version: 1\nreminders:\n  - {id: x, time: 22:30, days: [mon]}\n"
    )
    assert main(["--next-reminders"]) == 1
    assert 'write the time in quotes, like "22:30"' in capsys.readouterr().err


def test_export_report_writes_a_one_page_pdf_and_reports_bad_paths(
    unknot_home: Path, tmp_path: Path, capsys: pytest.CaptureFixture[str], qapp: object
) -> None:
    # qapp: a QApplication made first, as the app would; the CLI makes one only if none exists.
    from datetime import datetime, timedelta

    from app.core.journal import Journal
    from app.core.player import SessionReport
    from app.core.storage import AppPaths

    journal, _ = Journal.open(AppPaths.resolve(unknot_home).journal_file)
    evening = datetime.now().astimezone() - timedelta(days=2)
    journal.add_session(
        SessionReport("evening-stretch", evening, evening + timedelta(minutes=9), 1.0, (), True)
    )
    journal.close()
    target = tmp_path / "report.pdf"
    assert main(["--export-report", str(target)]) == 0
    assert target.read_bytes().startswith(b"%PDF")
    out = capsys.readouterr().out
    assert out.startswith("1 routine and 0 cramps, nights of ")
    assert out.rstrip().endswith(f"written to {target}")
    assert main(["--export-report", str(target), "--since", "2020-01-01"]) == 0
    assert "nights of 2020-01-01 to " in capsys.readouterr().out
    blocked = tmp_path / "file"
    blocked.write_text("x")
    assert main(["--export-report", str(blocked / "report.pdf")]) == 1
    err = capsys.readouterr().err
    assert err.startswith(f"unknot: cannot write {blocked / 'report.pdf'}: ")
    assert err.count("\n") == 1


def test_since_must_be_a_date_and_goes_with_export_report(
    capsys: pytest.CaptureFixture[str],
) -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["--export-report", "x.pdf", "--since", "31/01/2026"])
    assert exit_info.value.code == 2
    assert "'31/01/2026' is not a date like 2026-01-31" in capsys.readouterr().err
    assert main(["--since", "2026-01-31"]) == 2
    assert "--since goes with --export-report" in capsys.readouterr().err


def test_install_desktop_entry_adds_the_launcher_with_its_relief_action(
    unknot_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    from app.desktop.desktop_entries import launcher_file

    assert main(["--install-desktop-entry"]) == 0
    text = launcher_file().read_text()
    assert "Actions=cramp-relief;" in text
    assert "Name=Cramp relief now" in text
    assert "--emergency" in text
    assert str(launcher_file()) in capsys.readouterr().out
