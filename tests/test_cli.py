"""The command line's offline commands, and its errors: one line and an exit code each."""

from __future__ import annotations

import contextlib
import errno
import os
import stat
import subprocess
import sys
from pathlib import Path

import pytest
from mounts import tmpfs

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


# Every command-line error is one line and an exit code, never a traceback.


def run_unknot(*args: str, **env: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, "-m", "app", *args],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env={**os.environ, **env},
    )


def one_line(text: str) -> str:
    assert "Traceback" not in text
    assert text.count("\n") == 1, text
    return text.rstrip("\n")


def test_a_basedir_that_is_a_file_is_said_in_one_line(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    afile = tmp_path / "afile"
    afile.write_text("x")
    for command in (["--list"], ["--export-diary", str(tmp_path / "d.csv")], ["--next-reminders"]):
        assert main(["--basedir", str(afile), *command]) == 2
        assert (
            one_line(capsys.readouterr().err)
            == f"unknot: --basedir {afile} is a file, not a folder"
        )
    assert main(["--basedir", str(afile / "sub"), "--list"]) == 2
    assert one_line(capsys.readouterr().err) == (
        f"unknot: --basedir {afile / 'sub'} cannot be made: {afile} is a file, not a folder"
    )
    monkeypatch.setenv("UNKNOT_HOME", str(afile))
    assert main(["--list"]) == 2
    assert (
        one_line(capsys.readouterr().err)
        == f"unknot: UNKNOT_HOME ({afile}) is a file, not a folder"
    )


@pytest.mark.parametrize("given", ["0", "-1", "1001", "abc"])
def test_next_reminders_is_bounded_with_a_clear_sentence(given: str) -> None:
    result = run_unknot("--next-reminders", given)
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        f"unknot: error: argument --next-reminders: '{given}' is not a number from 1 to 1000"
    )


def test_next_reminders_takes_the_upper_bound(
    unknot_home: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["--next-reminders", "1000"]) == 0


def test_since_that_is_not_a_date_is_a_usage_error_not_a_traceback() -> None:
    result = run_unknot("--export-report", "x.pdf", "--since", "soon")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr
    assert result.stderr.splitlines()[-1] == (
        "unknot: error: argument --since: 'soon' is not a date like 2026-01-31"
    )


def export_error(target: Path | str, capsys: pytest.CaptureFixture[str]) -> str:
    assert main(["--export-diary", str(target)]) == 1
    captured = capsys.readouterr()
    assert captured.out == ""
    return one_line(captured.err)


def test_export_to_a_folder_or_a_missing_folder_is_refused(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert export_error(tmp_path, capsys) == (
        f"unknot: cannot write {tmp_path}: it is a folder; give a file name in it, "
        f"like {tmp_path / 'diary.csv'}"
    )
    missing = tmp_path / "typo" / "diary.csv"
    assert export_error(missing, capsys) == (
        f"unknot: cannot write {missing}: the folder {tmp_path / 'typo'} does not exist"
    )
    assert not (tmp_path / "typo").exists()  # a typo makes no folder


def test_export_to_proc_is_refused(capsys: pytest.CaptureFixture[str]) -> None:
    assert export_error("/proc/diary.csv", capsys) == (
        "unknot: cannot write /proc/diary.csv: the folder /proc does not take new files"
    )


def test_export_never_replaces_a_device_a_pipe_or_a_link(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    pipe = tmp_path / "pipe"
    os.mkfifo(pipe)
    assert export_error(pipe, capsys) == (
        f"unknot: cannot write {pipe}: it is not an ordinary file (a device, pipe or socket)"
    )
    assert stat.S_ISFIFO(pipe.lstat().st_mode)
    real = tmp_path / "real.csv"
    real.write_text("kept")
    link = tmp_path / "link.csv"
    link.symlink_to(real)
    assert export_error(link, capsys) == (
        f"unknot: cannot write {link}: it is a symbolic link (to {real}); "
        "give the file it points to"
    )
    assert link.is_symlink() and real.read_text() == "kept"


def test_export_to_dev_full_and_dev_null_is_refused_and_they_stay_devices(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    # A regression here would replace the real device with a file when run as root, so a
    # device of the test's own (the same numbers as /dev/null) is tried first.
    own = tmp_path / "null"
    try:
        os.mknod(own, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    except OSError as error:
        pytest.skip(f"cannot make a device node here: {error.strerror}")
    assert export_error(own, capsys).endswith(
        "it is not an ordinary file (a device, pipe or socket)"
    )
    assert stat.S_ISCHR(own.lstat().st_mode)
    for device in ("/dev/full", "/dev/null"):
        assert export_error(device, capsys) == (
            f"unknot: cannot write {device}: it is not an ordinary file (a device, pipe or socket)"
        )
        assert stat.S_ISCHR(os.lstat(device).st_mode)


def test_export_to_a_read_only_folder(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with tmpfs(tmp_path / "ro", "ro,size=16k") as folder:
        assert export_error(folder / "diary.csv", capsys) == (
            f"unknot: cannot write {folder / 'diary.csv'}: "
            f"the folder {folder} is on a read-only file system"
        )


def test_export_to_a_full_disk(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    with tmpfs(tmp_path / "full", "size=64k") as folder:
        with contextlib.suppress(OSError), (folder / "filler").open("wb") as filler:
            while True:
                filler.write(b"\0" * 4096)
                filler.flush()
        assert export_error(folder / "diary.csv", capsys) == (
            f"unknot: cannot write {folder / 'diary.csv'}: No space left on device"
        )


def test_export_to_a_full_disk_at_the_write_seam(
    tmp_path: Path, capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch
) -> None:
    real_fsync = os.fsync

    def full(fd: int) -> None:
        real_fsync(fd)
        raise OSError(errno.ENOSPC, os.strerror(errno.ENOSPC))

    monkeypatch.setattr(os, "fsync", full)
    out = tmp_path / "out"
    out.mkdir()
    target = out / "diary.csv"
    assert export_error(target, capsys) == (
        f"unknot: cannot write {target}: No space left on device"
    )
    assert list(out.iterdir()) == []  # no half-written file, no temporary left


def test_export_diary_to_standard_output(capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["--export-diary", "-"]) == 0
    captured = capsys.readouterr()
    assert captured.out.startswith("kind,start,end,minutes,routine")
    assert captured.err == "0 record(s) written to standard output\n"


def test_export_report_to_standard_output_only_when_it_is_not_a_terminal(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setattr(sys.stdout, "isatty", lambda: True)
    assert main(["--export-report", "-"]) == 1
    assert one_line(capsys.readouterr().err) == (
        "unknot: will not write a PDF to the terminal; give a file name, or - with > FILE"
    )
    result = subprocess.run(
        [sys.executable, "-m", "app", "--export-report", "-"],
        capture_output=True,
        timeout=60,
        check=False,
        env={**os.environ, "QT_QPA_PLATFORM": "offscreen"},
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.startswith(b"%PDF")
    assert result.stderr.rstrip().endswith(b"written to standard output")


def test_a_read_only_data_folder_is_one_line(tmp_path: Path) -> None:
    with tmpfs(tmp_path / "ro", "ro,size=16k") as folder:
        result = run_unknot("--basedir", str(folder / "home"), "--export-diary", "-")
    assert result.returncode != 0
    assert "Traceback" not in result.stderr
    assert result.stderr.count("\n") == 1, result.stderr
    assert result.stderr.startswith("unknot: ")


def test_an_error_the_system_refuses_is_one_line(
    monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import app.cli

    def refused(*args: object) -> int:
        raise PermissionError(errno.EACCES, "Permission denied", "/some/folder")

    monkeypatch.setattr(app.cli, "list_routines", refused)
    assert main(["--list"]) == 1
    assert one_line(capsys.readouterr().err) == "unknot: /some/folder: Permission denied"


def test_an_unexpected_error_is_one_line_exit_70_and_logged(
    unknot_home: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import app.cli

    def broken(*args: object) -> int:
        raise RuntimeError("something\nnobody foresaw")

    monkeypatch.setattr(app.cli, "list_routines", broken)
    assert main(["--list"]) == 70
    log = unknot_home / "state" / "unknot.log"
    assert one_line(capsys.readouterr().err) == (
        f"unknot: unexpected error: RuntimeError: something nobody foresaw; details in {log}"
    )
    text = log.read_text()
    assert "Traceback (most recent call last)" in text
    assert "in broken" in text


def test_an_unexpected_error_with_no_log_still_says_one_line(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    import app.cli

    home = tmp_path / "home"
    (home / "state").mkdir(parents=True)
    (home / "state" / "unknot.log").mkdir()  # the log cannot be opened as a file
    monkeypatch.setattr(app.cli, "next_reminders", lambda *args: 1 // 0)
    assert main(["--basedir", str(home), "--next-reminders"]) == 70
    line = one_line(capsys.readouterr().err)
    assert line.startswith(
        "unknot: unexpected error: ZeroDivisionError: integer division or modulo by zero; "
        "the details could not be logged ("
    )


def without_display() -> dict[str, str]:
    hidden = ("DISPLAY", "WAYLAND_DISPLAY", "QT_QPA_PLATFORM")
    return {key: value for key, value in os.environ.items() if key not in hidden}


@pytest.mark.parametrize("options", [[], ["--emergency"], ["--tray"], ["--routine", "gentle"]])
def test_with_no_display_a_window_is_refused_in_one_line(
    tmp_path: Path, options: list[str]
) -> None:
    result = subprocess.run(
        [sys.executable, "-m", "app", "--basedir", str(tmp_path / "home"), *options],
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
        env=without_display(),
    )
    assert result.returncode == 2
    assert result.stderr == (
        "unknot: Unknot needs a graphical desktop (no DISPLAY or WAYLAND_DISPLAY)\n"
    )


def test_with_no_display_the_commands_without_a_window_work(
    tmp_path: Path, project_root: Path
) -> None:
    home = str(tmp_path / "home")
    commands = [
        ["--version"],
        ["--list"],
        ["--validate", str(project_root / "routines" / "gentle.yaml")],
        ["--export-diary", str(tmp_path / "diary.csv")],
        ["--export-report", str(tmp_path / "report.pdf")],
        ["--next-reminders"],
    ]
    for command in commands:
        result = subprocess.run(
            [sys.executable, "-m", "app", "--basedir", home, *command],
            capture_output=True,
            text=True,
            timeout=60,
            check=False,
            env=without_display(),
        )
        assert result.returncode == 0, (command, result.stderr)
        assert "graphical desktop" not in result.stderr
    assert (tmp_path / "report.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("environ", "problem"),
    [
        ({}, True),
        ({"DISPLAY": ":0"}, False),
        ({"WAYLAND_DISPLAY": "wayland-0"}, False),
        ({"QT_QPA_PLATFORM": "offscreen"}, False),
        ({"QT_QPA_PLATFORM": "vnc:size=800x600"}, False),
        ({"QT_QPA_PLATFORM": "xcb"}, True),
        ({"QT_QPA_PLATFORM": "wayland;xcb"}, True),
    ],
)
def test_what_counts_as_a_display(environ: dict[str, str], problem: bool) -> None:
    from app.cli import display_problem

    assert (display_problem(environ) is not None) == problem
