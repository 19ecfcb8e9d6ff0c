"""The `unknot` command: options, offline commands, and handing over to the running instance.

Nothing here imports Qt or pygame at module level: `--list`, `--validate` and a launch that
only forwards to the running instance stay fast.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Mapping, Sequence
from pathlib import Path
from types import SimpleNamespace
from typing import TYPE_CHECKING, Any, assert_never

from app import APP_NAME, DEBUG_ENV, __version__
from app.core.errors import UnknotError

if TYPE_CHECKING:
    import argparse
    from datetime import date, datetime

    from app.core.journal import Journal
    from app.core.routines import Routine
    from app.desktop.instance_client import PrimaryLock
    from app.ui.shell.application import LaunchOptions


# The most upcoming times --next-reminders prints per reminder: enough for years of a
# weekly reminder, and a typo such as 30000 does not print for minutes.
MAX_NEXT_REMINDERS = 1000
# What `unknot` exits with when something went wrong that it did not foresee (EX_SOFTWARE).
UNEXPECTED_EXIT = 70
STDOUT = "-"

# What a launch without options means; the same attributes argparse would give.
NO_OPTIONS = SimpleNamespace(
    routine=None,
    list=False,
    validate=None,
    export_diary=None,
    export_report=None,
    since=None,
    next_reminders=None,
    basedir=None,
    emergency=False,
    install_desktop_entry=False,
    uninstall_desktop_entry=False,
    debug=False,
    tray=False,
)


def build_parser() -> argparse.ArgumentParser:
    import argparse

    parser = argparse.ArgumentParser(
        prog="unknot",
        description=f"{APP_NAME}: guided calf stretches, cramp relief and a cramp diary.",
    )
    parser.add_argument("--routine", metavar="ID", help="open the routine ID and start it")
    parser.add_argument(
        "--emergency",
        action="store_true",
        help="show the cramp relief screen now (in the running Unknot, or a new one); "
        "exits once it is on screen",
    )
    parser.add_argument(
        "--list", action="store_true", help="print the routines (id, title, duration) and exit"
    )
    parser.add_argument(
        "--validate",
        nargs="+",
        metavar="FILE",
        type=Path,
        help="check routine files, print every problem as FILE:LINE:COL: message; "
        "exit 1 if there are any",
    )
    parser.add_argument(
        "--next-reminders",
        nargs="?",
        const=3,
        type=reminder_count,
        metavar="N",
        help=f"print each enabled reminder's next N fire times (default 3, at most "
        f"{MAX_NEXT_REMINDERS}), in the local zone (TZ is followed), and exit",
    )
    parser.add_argument(
        "--export-diary",
        metavar="FILE.csv",
        type=Path,
        help="write every recorded routine and cramp to a CSV file (- for standard output) "
        "and exit",
    )
    parser.add_argument(
        "--export-report",
        metavar="FILE.pdf",
        type=Path,
        help="write a one-page PDF report of the diary for a doctor and exit "
        "(the last 12 weeks, or from --since; - writes it to standard output if that is "
        "not a terminal)",
    )
    parser.add_argument(
        "--since",
        metavar="YYYY-MM-DD",
        type=iso_date,
        help="with --export-report: start the report at the night of this date",
    )
    parser.add_argument(
        "--tray",
        action="store_true",
        help="start hidden in the tray, for reminders (what 'Start at login' runs)",
    )
    parser.add_argument(
        "--install-desktop-entry",
        action="store_true",
        help="add Unknot to the desktop's launcher, with a 'Cramp relief now' action "
        "(unknot --emergency) for a dock's menu or a keyboard shortcut, and exit",
    )
    parser.add_argument(
        "--uninstall-desktop-entry",
        action="store_true",
        help="remove what --install-desktop-entry installed, and exit",
    )
    parser.add_argument(
        "--debug",
        action="store_true",
        help=f"write details to the log, not only what went wrong ({DEBUG_ENV}=1 does the same)",
    )
    parser.add_argument(
        "--basedir",
        metavar="DIR",
        type=Path,
        help="keep all settings and data under DIR (the UNKNOT_HOME variable does the same)",
    )
    parser.add_argument("--version", action="version", version=f"{APP_NAME} {__version__}")
    return parser


def main(argv: Sequence[str] | None = None) -> int:
    given = sys.argv[1:] if argv is None else list(argv)
    # A plain launch (the desktop entry, `uv run main.py`) has no options to parse, and
    # importing argparse and its translations costs about 10 ms of start-up.
    args: Any  # argparse's Namespace, or the same attributes without argparse
    if not given:
        args = NO_OPTIONS
    elif given == ["--emergency"]:  # the desktop shortcut: every millisecond counts here
        args = SimpleNamespace(**{**vars(NO_OPTIONS), "emergency": True})
    else:
        args = build_parser().parse_args(given)
    try:
        return _run_command(args)
    except KeyboardInterrupt:
        return 130
    except UnknotError as error:  # foreseen, and already worded for the user
        print(f"unknot: {_one_line(str(error))}", file=sys.stderr)
        return 1
    except OSError as error:  # a folder or file the system refused
        print(f"unknot: {_os_error_line(error)}", file=sys.stderr)
        return 1
    except Exception as error:
        # Never a traceback in the user's face: one line here, the details in the log.
        where = _log_unexpected(args, error)
        print(
            f"unknot: unexpected error: {type(error).__name__}: {_one_line(str(error))}; {where}",
            file=sys.stderr,
        )
        return UNEXPECTED_EXIT


def _run_command(args: Any) -> int:
    if args.debug:
        os.environ[DEBUG_ENV] = "1"  # read where the interface sets up its log
    if not args.validate:
        problem = basedir_problem(args.basedir)
        if problem is not None:
            print(f"unknot: {problem}", file=sys.stderr)
            return 2
    if args.validate:
        return validate(args.validate)
    if args.list:
        return list_routines(args.basedir)
    if args.export_diary:
        return export_diary(args.export_diary, args.basedir)
    if args.export_report:
        return export_report(args.export_report, args.since, args.basedir)
    if args.since is not None:
        print("unknot: --since goes with --export-report", file=sys.stderr)
        return 2
    if args.install_desktop_entry:
        return install_desktop_entry(args.basedir)
    if args.uninstall_desktop_entry:
        return uninstall_desktop_entry()
    if args.next_reminders is not None:
        return next_reminders(args.next_reminders, args.basedir)
    return launch(args)


def basedir_problem(basedir: Path | None) -> str | None:
    """Why the data folder (--basedir, else UNKNOT_HOME) cannot be one, in a line; or None."""
    from app.core.storage import HOME_ENV

    if basedir is not None:
        named, root = f"--basedir {basedir}", Path(basedir)
    elif os.environ.get(HOME_ENV):
        named, root = f"{HOME_ENV} ({os.environ[HOME_ENV]})", Path(os.environ[HOME_ENV])
    else:
        return None
    root = root.expanduser().absolute()
    # The nearest part that exists must be a folder, or nothing can ever be made under it.
    for part in (root, *root.parents):
        if part.exists() or part.is_symlink():
            if part.is_dir():
                return None
            if part == root:
                return f"{named} is a file, not a folder"
            return f"{named} cannot be made: {part} is a file, not a folder"
    return None


def check_export_target(target: Path, example: str = "diary.csv") -> str | None:
    """Why an export must not be written to `target`, in one line; None when it may be.

    Only a regular file is ever replaced: a folder, a device (/dev/full, /dev/null), a pipe
    or a socket is refused, as is a symbolic link (replacing it would turn the link itself
    into a file; the message names where it points). A missing folder is not made, so a
    typo does not create folders nobody asked for. `-` means standard output.
    """
    import stat

    if str(target) == STDOUT:
        return None
    start = f"cannot write {target}:"
    try:
        info: os.stat_result | None = target.lstat()
    except FileNotFoundError:
        info = None
    except OSError as error:  # a part of the path is a file, say
        folder = _first_file_in(target.parent)
        if folder is not None:
            return f"{start} {folder} is a file, not a folder"
        return f"{start} {error.strerror or error}"
    if info is not None:
        if stat.S_ISLNK(info.st_mode):
            return (
                f"{start} it is a symbolic link (to {target.readlink()}); "
                "give the file it points to"
            )
        if stat.S_ISDIR(info.st_mode):
            return f"{start} it is a folder; give a file name in it, like {target / example}"
        if not stat.S_ISREG(info.st_mode):
            return f"{start} it is not an ordinary file (a device, pipe or socket)"
    folder = target.absolute().parent
    if not folder.is_dir():
        blocking = _first_file_in(folder)
        if blocking is not None:
            return f"{start} {blocking} is a file, not a folder"
        return f"{start} the folder {folder} does not exist"
    return _folder_refuses(folder, start)


def _first_file_in(folder: Path) -> Path | None:
    """The part of `folder`'s path that exists but is not a folder, if any."""
    for part in (folder, *folder.parents):
        if part.exists():
            return None if part.is_dir() else part
    return None


def _folder_refuses(folder: Path, start: str) -> str | None:
    """Try the folder the way the write will (a temporary file beside the target)."""
    import errno
    import tempfile

    try:
        handle, name = tempfile.mkstemp(dir=folder, prefix=".unknot-", suffix=".tmp")
    except OSError as error:
        if error.errno == errno.EROFS:
            return f"{start} the folder {folder} is on a read-only file system"
        if error.errno in (errno.EACCES, errno.EPERM):
            return f"{start} no permission to write in the folder {folder}"
        if error.errno in (errno.ENOSPC, errno.EDQUOT):
            return f"{start} the disk is full"
        if error.errno == errno.ENOENT:  # /proc and /sys exist but take no new files
            return f"{start} the folder {folder} does not take new files"
        return f"{start} {error.strerror or error}"
    os.close(handle)
    Path(name).unlink()
    return None


def _write_to_stdout(data: bytes | str) -> None:
    try:
        if isinstance(data, bytes):
            sys.stdout.buffer.write(data)
        else:
            sys.stdout.write(data)
        sys.stdout.flush()
    except BrokenPipeError:
        # The reader left (`| head`): not an error of ours, and Python must not complain
        # again when it flushes at exit.
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
        os.close(devnull)


def _shown(target: Path) -> str:
    return "standard output" if str(target) == STDOUT else str(target)


def _summary_stream(target: Path) -> Any:
    return sys.stderr if str(target) == STDOUT else sys.stdout


def _one_line(text: str) -> str:
    return " ".join(text.split())


def _os_error_line(error: OSError) -> str:
    reason = error.strerror or str(error)
    return f"{error.filename}: {reason}" if error.filename else reason


def _log_unexpected(args: Any, error: BaseException) -> str:
    """Append the traceback to the log file; say where it went, or why it could not."""
    import traceback
    from datetime import datetime

    try:
        from app.core.storage import AppPaths

        log_file = AppPaths.resolve(args.basedir).log_file
        log_file.parent.mkdir(parents=True, exist_ok=True, mode=0o700)
        details = "".join(traceback.format_exception(error))
        with log_file.open("a", encoding="utf-8") as log:
            log.write(f"{datetime.now().isoformat(timespec='seconds')} ERROR unknot: {details}")
    except Exception as failure:  # the log itself cannot be written: say so, briefly
        return f"the details could not be logged ({_one_line(str(failure))})"
    return f"details in {log_file}"


def validate(files: list[Path]) -> int:
    from app.core.resources import ASSETS_DIR, ROUTINES_DIR
    from app.core.routine_loader import validate_files

    problems = validate_files(files, ROUTINES_DIR, ASSETS_DIR)
    for problem in problems:
        print(problem)
    if not problems:
        print(f"{len(files)} file(s) checked, no problems.", file=sys.stderr)
    return 1 if problems else 0


def list_routines(basedir: Path | None) -> int:
    from app.core.library import load_all
    from app.core.storage import AppPaths

    library = load_all(AppPaths.resolve(basedir))
    for routine in library.ordered_routines():
        print(f"{routine.id}\t{routine.title}\t{format_duration(total_seconds(routine))}")
    if library.problems:
        print(
            f"{len(library.problems)} problem(s) in routine files; "
            "see them with: unknot --validate FILE",
            file=sys.stderr,
        )
    return 0


def _diary_to_read(basedir: Path | None) -> Journal | None:
    """The diary, opened only to read for an export; None (said in one line) if it cannot be.

    A busy, newer or damaged diary is never changed or set aside by an export.
    """
    from app.core.errors import DiaryFault, DiaryUnavailableError
    from app.core.journal import Journal
    from app.core.storage import AppPaths

    path = AppPaths.resolve(basedir).journal_file
    try:
        return Journal.open_to_read(path)
    except DiaryUnavailableError as error:
        if error.fault is DiaryFault.NEWER:
            print(
                f"unknot: This diary was written by a newer version of Unknot "
                f"(schema {error.schema}); it was left as it is.",
                file=sys.stderr,
            )
        elif error.fault is DiaryFault.BUSY:
            print("unknot: The diary is in use by another program; try again.", file=sys.stderr)
        else:
            print(f"unknot: cannot read the diary {path}: {error.detail}", file=sys.stderr)
        return None


def _say_unreadable(journal: Journal) -> None:
    """Name the rows an export left out: the diary keeps them as they are."""
    bad = journal.unreadable
    if bad:
        listed = ", ".join(f"{row.table} {row.id}" for row in bad[:20])
        more = f" and {len(bad) - 20} more" if len(bad) > 20 else ""
        print(
            f"unknot: {len(bad)} record{'' if len(bad) == 1 else 's'} could not be read and "
            f"{'was' if len(bad) == 1 else 'were'} left out ({listed}{more}); "
            "the diary keeps them as they are",
            file=sys.stderr,
        )


def export_diary(target: Path, basedir: Path | None) -> int:
    refused = check_export_target(target)
    if refused is not None:
        print(f"unknot: {refused}", file=sys.stderr)
        return 1
    from app.core.diary_export import diary_csv, export_csv
    from app.core.errors import WriteError

    journal = _diary_to_read(basedir)
    if journal is None:
        return 1
    try:
        if str(target) == STDOUT:
            text, count = diary_csv(journal)
            _write_to_stdout(text)
        else:
            count = export_csv(journal, target)
    except WriteError as error:
        print(f"unknot: cannot write {target}: {error.reason}", file=sys.stderr)
        return 1
    finally:
        _say_unreadable(journal)
        journal.close()
    # With the CSV on standard output, the summary must not end up inside it.
    print(f"{count} record(s) written to {_shown(target)}", file=_summary_stream(target))
    return 0


def reminder_count(text: str) -> int:
    """A --next-reminders count; argparse turns the error into a usage message."""
    import argparse

    try:
        count = int(text)
    except ValueError:
        count = 0
    if not 1 <= count <= MAX_NEXT_REMINDERS:
        raise argparse.ArgumentTypeError(
            f"{text!r} is not a number from 1 to {MAX_NEXT_REMINDERS}"
        ) from None
    return count


def iso_date(text: str) -> date:
    """A --since date; argparse turns the error into a usage message."""
    import argparse
    from datetime import date

    try:
        return date.fromisoformat(text)
    except ValueError:
        raise argparse.ArgumentTypeError(f"{text!r} is not a date like 2026-01-31") from None


def export_report(target: Path, since: date | None, basedir: Path | None) -> int:
    refused = check_export_target(target, "report.pdf")
    if refused is None and str(target) == STDOUT and sys.stdout.isatty():
        refused = "will not write a PDF to the terminal; give a file name, or - with > FILE"
    if refused is not None:
        print(f"unknot: {refused}", file=sys.stderr)
        return 1
    from datetime import datetime

    from app.core.diary_stats import DiaryIndex, Period, summarize, summarize_since
    from app.core.errors import WriteError
    from app.core.library import load_all
    from app.core.storage import AppPaths

    paths = AppPaths.resolve(basedir)
    journal = _diary_to_read(basedir)
    if journal is None:
        return 1
    try:
        index = DiaryIndex.build(journal.sessions(), journal.episodes())
    finally:
        _say_unreadable(journal)
        journal.close()
    now = datetime.now().astimezone()
    if since is None:
        summary = summarize(index, Period.TWELVE_WEEKS, now)
    else:
        summary = summarize_since(index, since, now)
    # QPdfWriter needs a QGuiApplication; the offscreen platform needs no display.
    from PySide6.QtGui import QGuiApplication

    from app.core.settings import SettingsStore
    from app.ui.shell import i18n

    _app = QGuiApplication.instance() or QGuiApplication(["unknot", "-platform", "offscreen"])
    # The report speaks the interface's language, with its dates: the one the window uses.
    language = i18n.install(_app, SettingsStore(paths.settings_file).load()[0].language)
    titles = {
        routine.id: routine.title.get(language) for routine in load_all(paths).routines.values()
    }
    from app.ui.diary.report_pdf import report_pdf, write_report

    try:
        if str(target) == STDOUT:
            _write_to_stdout(report_pdf(summary, now, titles)[0])
        else:
            write_report(target, summary, now, titles)
    except WriteError as error:
        print(f"unknot: cannot write {target}: {error.reason}", file=sys.stderr)
        return 1
    counts = summary.counts
    print(
        f"{counts.routines_done} routine{'' if counts.routines_done == 1 else 's'} and "
        f"{counts.cramps} cramp{'' if counts.cramps == 1 else 's'}, nights of "
        f"{summary.first} to {summary.last}, written to {_shown(target)}",
        file=_summary_stream(target),
    )
    return 0


def install_desktop_entry(basedir: Path | None) -> int:
    from app.core.errors import WriteError
    from app.core.storage import HOME_ENV
    from app.desktop.desktop_entries import install_launcher

    if basedir is None and os.environ.get(HOME_ENV):
        # The menu item then starts Unknot on the same data, as Settings' menu item does.
        basedir = Path(os.environ[HOME_ENV])
    try:
        path = install_launcher(basedir)
    except WriteError as error:
        print(f"unknot: cannot write the desktop entry: {error}", file=sys.stderr)
        return 1
    print(f'Installed {path}: Unknot, with the action "Cramp relief now".')
    print("To bind a key, run `unknot --emergency` from your desktop's keyboard settings.")
    return 0


def uninstall_desktop_entry() -> int:
    from app.core.errors import WriteError
    from app.desktop.desktop_entries import autostart_enabled, remove_launcher

    try:
        removed = remove_launcher()
    except WriteError as error:
        print(f"unknot: cannot remove the desktop entry: {error}", file=sys.stderr)
        return 1
    if not removed:
        print("Unknot was not in the applications menu; nothing to remove.")
        return 0
    for path in removed:
        print(f"Removed {path}")
    if autostart_enabled():
        print("Unknot still starts when you log in; turn that off on its Reminders page.")
    return 0


def next_reminders(count: int, basedir: Path | None, now: datetime | None = None) -> int:
    """Print each reminder's next `count` times; `now` is given by tests, else the clock."""
    from datetime import datetime

    from app.core.reminder_plan import STATE_FILE, ReminderPlan
    from app.core.reminders import load_reminders, local_zone
    from app.core.storage import AppPaths

    if not 1 <= count <= MAX_NEXT_REMINDERS:
        print(
            f"unknot: --next-reminders takes a number from 1 to {MAX_NEXT_REMINDERS}",
            file=sys.stderr,
        )
        return 2
    paths = AppPaths.resolve(basedir)
    reminders, problems = load_reminders(paths.reminders_file)
    for problem in problems:
        print(problem, file=sys.stderr)
    zone = local_zone()
    now = datetime.now(zone) if now is None else now
    # The running app's plan as saved: skips, snoozes and a pause count here too.
    plan = ReminderPlan.read_only(
        paths.state_dir / STATE_FILE, reminders, _last_routine_done(paths.journal_file)
    )
    status = plan.status(now, zone)
    if status.paused and status.paused_until is None:
        print("unknot: reminders are paused until resumed", file=sys.stderr)
    for reminder in reminders:
        for upcoming in plan.upcoming_for(reminder, now, zone, count):
            if upcoming.at is not None:
                print(f"{reminder.id}\t{upcoming.at.isoformat(timespec='minutes')}")
    return 1 if problems else 0


def _last_routine_done(journal_file: Path) -> datetime | None:
    """When a routine last played to its end, if the diary can be read; None if not."""
    from app.core.errors import DiaryUnavailableError
    from app.core.journal import Journal

    if not journal_file.exists():
        return None
    try:
        journal = Journal.open_to_read(journal_file)
    except DiaryUnavailableError:
        return None  # the times are then as if no routine was done: said by --export-diary
    try:
        return journal.last_finished_session_end()
    finally:
        journal.close()


def total_seconds(routine: Routine) -> float:
    from app.core.timeline import build_timeline

    return build_timeline(routine.select()).total_ms / 1000


def format_duration(seconds: float) -> str:
    minutes, rest = divmod(round(seconds), 60)
    return f"{minutes}:{rest:02d}"


def launch(args: LaunchOptions) -> int:
    """Raise the running instance with this request, or become the instance."""
    from app.core.storage import socket_path
    from app.desktop.instance_client import (
        EMERGENCY_TIMEOUT_S,
        InstanceNotAnsweringError,
        NoSingleInstanceError,
        forward_or_lock,
    )

    request = launch_request(args)
    basedir = args.basedir if args.basedir is not None else os.environ.get("UNKNOT_HOME")
    timeout = EMERGENCY_TIMEOUT_S if args.emergency else None
    try:
        reply, lock = forward_or_lock(socket_path(basedir), request, timeout, timeout)
    except NoSingleInstanceError as error:
        # Better two windows one day than none tonight.
        print(f"unknot: {error}; starting without the check for a running Unknot", file=sys.stderr)
        return _run_interface(args, None)
    except InstanceNotAnsweringError as error:
        if not args.emergency:
            print(f"unknot: {error}", file=sys.stderr)
            return 1
        # Never leave someone in a cramp with nothing: show a relief screen of our own.
        print(f"unknot: {error}; showing a relief screen here", file=sys.stderr)
        return _run_interface(args, None)
    if reply is not None:
        if not reply.ok:
            print(f"unknot: {reply.error}", file=sys.stderr)
        return 0 if reply.ok else 1
    assert lock is not None
    try:
        return _run_interface(args, lock)
    finally:
        lock.release()


def launch_request(args: LaunchOptions) -> dict[str, str]:
    """What this launch asks of a running instance, with the launcher's tokens handed on."""
    from app.desktop.instance_client import InstanceCommand, activation_token, startup_id

    if args.emergency:
        command = InstanceCommand.EMERGENCY
    elif args.routine:
        command = InstanceCommand.ROUTINE
    else:
        command = InstanceCommand.SHOW
    request = {"command": command.value, "activation_token": activation_token()}
    if startup_id():
        request["startup_id"] = startup_id()
    match command:
        case InstanceCommand.ROUTINE:
            request["id"] = str(args.routine)
        case InstanceCommand.SHOW | InstanceCommand.EMERGENCY:
            pass
        case unreachable:
            assert_never(unreachable)
    return request


def run_relief_without_instance() -> int:
    """The running instance hangs: a relief screen of this process's own, with no socket."""
    args = SimpleNamespace(**{**vars(NO_OPTIONS), "emergency": True})
    return _run_interface(args, None)


def display_problem(environ: Mapping[str, str]) -> str | None:
    """Why no window can be shown here, in a line; None when one can (or Qt draws offscreen).

    Without this, Qt aborts the process with a hint about plugins that sends people
    looking for a broken installation.
    """
    platform = environ.get("QT_QPA_PLATFORM", "").split(";")[0].split(":")[0].strip()
    if platform and not platform.startswith(("xcb", "wayland")):
        return None  # offscreen, minimal, vnc, eglfs, linuxfb...: no desktop needed
    if environ.get("DISPLAY") or environ.get("WAYLAND_DISPLAY"):
        return None
    return "Unknot needs a graphical desktop (no DISPLAY or WAYLAND_DISPLAY)"


def _run_interface(args: LaunchOptions, lock: PrimaryLock | None) -> int:
    # Checked here, before Qt is even imported; a running instance was already asked, so
    # a launch from a console still reaches the one on the desktop.
    problem = display_problem(os.environ)
    if problem is not None:
        print(f"unknot: {problem}", file=sys.stderr)
        return 2
    from app.desktop.session_bus_env import refuse_autolaunch

    refuse_autolaunch(os.environ)  # before Qt loads libdbus, which would start a bus
    from app.ui.shell.application import run

    return run(args, lock)
