"""``python -m painmap log``: the progress log from the command line.

``log add NAME --day 2026-11-20 --first 6 --end 4 --walk 30 --step "Ice the heel"`` keeps a
day (``--new`` starts the log); ``log show NAME`` prints the days and the verdicts, or the CSV
(``--csv``) or JSON (``--json``); ``log export NAME`` prints everything held about the person
(JSON, or the days as CSV with ``--csv``) and ``log erase NAME --yes`` deletes it. The
database is ``--db``, else ``PAINMAP_DB``, else the default file. A log with a passphrase reads
it from ``PAINMAP_LOG_PASSPHRASE``, so that it never shows in a list of running processes. What
is done is recorded in the audit trail under ``--user`` (else the system user's name). A bad
value or a wrong name exits 2 with one line.
"""

from __future__ import annotations

import getpass
import json
import sys
from datetime import date

from painmap.plain import terminal, terminal_lines
from painmap.progress.clinic import Clinic
from painmap.progress.entry import Entry
from painmap.progress.logbook import LogBook, LogError, PersonLog
from painmap.progress.plan import step_id
from painmap.progress.roles import ROLES
from painmap.progress.table import entries_csv, entries_frame
from painmap.progress.verdict import judge
from painmap.settings import clinic_mode, log_passphrase


def add_parser(sub) -> None:
    """Add ``log add`` and ``log show`` to the command line's subcommands."""
    p = sub.add_parser("log", help="the progress log: keep a day, or show the days and verdicts")
    log = p.add_subparsers(dest="log_command", required=True, parser_class=type(p))
    a = log.add_parser(
        "add", help="keep one day of a person's log (the same day again replaces it)"
    )
    a.add_argument("name", help="whose log")
    a.add_argument("--day", default=date.today().isoformat(), help="YYYY-MM-DD (today)")
    a.add_argument("--first", help="pain at the first steps, 0 to 10")
    a.add_argument("--end", help="pain at the end of the day, 0 to 10")
    a.add_argument("--walk", help="minutes one could walk or stand")
    a.add_argument("--step", help="the self-care step done, by name")
    a.add_argument("--note", default="")
    a.add_argument("--new", action="store_true", help="start the log if there is none")
    a.add_argument("--db", help="a file or database URL (else PAINMAP_DB)")
    a.set_defaults(run=cmd_add)
    s = log.add_parser("show", help="print a person's days and whether each step worked")
    s.add_argument("name", help="whose log")
    s.add_argument("--csv", action="store_true", help="print the log as CSV")
    s.add_argument("--json", action="store_true", help="print the days and verdicts as JSON")
    s.add_argument("--db", help="a file or database URL (else PAINMAP_DB)")
    s.set_defaults(run=cmd_show)
    e = log.add_parser("export", help="print everything held about one person (JSON or CSV)")
    e.add_argument("name", help="whose log")
    e.add_argument("--csv", action="store_true", help="the days only, as CSV")
    r = log.add_parser("erase", help="delete one person's log, days and visits for good")
    r.add_argument("name", help="whose log")
    r.add_argument("--yes", action="store_true", help="confirm: nothing of it can be had back")
    e.set_defaults(run=cmd_export)
    r.set_defaults(run=cmd_erase)
    o = log.add_parser("role", help="a clinic: give a user (by e-mail) a role")
    o.add_argument("email")
    o.add_argument("role", choices=ROLES)
    o.set_defaults(run=cmd_role)
    for command in (a, s, e, r, o):
        command.add_argument("--user", help="who is acting (in a clinic: their e-mail address)")
    for command in (e, r, o):
        command.add_argument("--db", help="a file or database URL (else PAINMAP_DB)")


def _refuse(err: Exception) -> SystemExit:
    print(f"painmap: {terminal(str(err))}", file=sys.stderr)
    return SystemExit(2)


def _log(args, create: bool = False) -> PersonLog:
    passphrase = log_passphrase()
    try:
        book = LogBook(args.db)
        if clinic_mode():  # only the logs given to the user, with no passphrase to guess
            clinic = Clinic(book)
            user = (args.user or "").strip().lower()
            try:
                return clinic.open_by_name(args.name, user)
            except LogError:
                if not create:
                    raise
                return clinic.create(args.name, user)
        actor = f"command line: {args.user or getpass.getuser()}"
        try:
            return book.open(args.name, passphrase, actor)
        except LogError:
            if not create:
                raise
            return book.create(args.name, passphrase, actor)
    except LogError as err:
        raise _refuse(err) from None


def cmd_add(args) -> int:
    try:
        step = step_id(args.step) if args.step else None
        entry = Entry(args.day, args.first, args.end, args.walk, step, args.step, args.note)
    except ValueError as err:
        raise _refuse(err) from None
    log = _log(args, create=args.new)
    try:
        log.save(entry)
    except LogError as err:
        raise _refuse(err) from None
    print(f"kept {entry.day.isoformat()} in {log.name}'s log ({len(log.entries())} days)")
    return 0


def cmd_show(args) -> int:
    entries = _log(args).entries()
    verdicts = judge(entries)
    if args.csv:
        sys.stdout.write(entries_csv(entries))
    elif args.json:
        said = [
            {
                "step": v.trial.step_name,
                "from": v.trial.days[0].day.isoformat(),
                "to": v.trial.days[-1].day.isoformat(),
                "outcome": v.outcome,
                "answer": v.answer,
                "numbers": v.numbers,
            }
            for v in verdicts
        ]
        days = [e.as_row() for e in entries]
        print(json.dumps({"name": args.name, "days": days, "verdicts": said}, ensure_ascii=False))
    else:
        # Notes and step names are shown with their control characters escaped: a note that
        # holds a terminal escape sequence must not clear or retitle the reader's terminal.
        print(
            terminal_lines(entries_frame(entries).to_string(index=False))
            if entries
            else "no days logged yet"
        )
        for v in verdicts:
            print(terminal_lines(f"\n{v.trial.step_name} ({v.outcome}): {v.answer}\n  {v.numbers}"))
    return 0


def cmd_export(args) -> int:
    log = _log(args)
    if args.csv:
        sys.stdout.write(entries_csv(log.entries()))
    else:
        print(json.dumps(log.export(), ensure_ascii=False, indent=1))
    return 0


def cmd_erase(args) -> int:
    if not args.yes:
        raise _refuse(ValueError(f"erasing {args.name}'s log cannot be undone; add --yes"))
    log = _log(args)
    log.erase()
    print(f"erased {log.name}'s log, its days and its visits")
    return 0


def cmd_role(args) -> int:
    try:
        by = f"command line: {args.user or getpass.getuser()}"
        Clinic(LogBook(args.db)).set_role(args.email, args.role, by=by)
    except LogError as err:
        raise _refuse(err) from None
    print(f"{args.email} is now {args.role}")
    return 0
