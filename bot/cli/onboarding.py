"""``casebot champion`` (add, mentor, list) and ``casebot onboarding`` (progress, checklist): the
secretariat's side of agency champions and their mentors."""

from __future__ import annotations

import argparse
import datetime as dt
from pathlib import Path

from bot import onboarding_file, validation
from bot.bootstrap import Container, renderer
from bot.cli.admin import require_schema
from bot.cli.console import Console, table
from bot.domain import ChampionProgress, InvalidInput
from bot.services import onboarding

MAX_FILE = 200_000  # bytes: a checklist is a page, not a book


def progress_line(p: ChampionProgress) -> str:
    """``5/8, last progress 3 Dec`` (or ``8/8, completed 9 Dec``)."""
    def day(value: dt.date | None) -> str:
        return f"{value.day} {value:%b}" if value is not None else ""

    if p.completed_on is not None:
        return f"{p.done}/{len(p.items)}, completed {day(p.completed_on)}"
    if p.last_progress_on is not None:
        return f"{p.done}/{len(p.items)}, last progress {day(p.last_progress_on)}"
    return f"{p.done}/{len(p.items)}, no progress yet (since {day(p.started_on)})"


def cmd_champion(app: Container, args: argparse.Namespace, console: Console) -> int:
    require_schema(app)
    if args.champion_command == "add":
        added = onboarding.add_champion(
            uow=app.uow(), clock=app.clock, renderer=renderer(),
            user=validation.slack_user_id(args.user, field="--user"), agency=args.agency,
            group=args.group, actor=console.actor(),
            mentor=validation.slack_user_id(args.mentor, field="--mentor") if args.mentor
            else None,
        )
        p = added.progress
        handed = f" (handed over from {added.handed_over_from})" if added.handed_over_from else ""
        console.print(f"{p.champion} is now the champion for {p.agency} in {p.group}{handed}.")
        if p.mentor:
            console.print(f"Mentor: {p.mentor}. Both get a DM with the checklist "
                          f"({len(p.items)} items) at the bot's next tick.")
        else:
            console.print(f"No mentor is available in {p.group} yet (give someone the mentor "
                          "role), then pair them: casebot champion mentor --user "
                          f"{p.champion} --mentor U… . The champion gets their checklist by DM.")
        return 0
    if args.champion_command == "mentor":
        paired = onboarding.pair_mentor(
            uow=app.uow(), clock=app.clock, renderer=renderer(),
            user=validation.slack_user_id(args.user, field="--user"),
            mentor=validation.slack_user_id(args.mentor, field="--mentor"),
            group=args.group, actor=console.actor(),
        )
        p = paired.progress
        console.print(f"{p.mentor} now mentors {p.champion} ({p.agency}, {p.group}); both get "
                      "a DM at the bot's next tick.")
        return 0
    listed = onboarding.list_champions(uow=app.uow(), group=args.group, history=args.history)
    if not listed:
        console.print("No champions yet. Add one with: casebot champion add --user U… "
                      "--agency NAME")
        return 0
    rows = [
        [x.progress.group, x.progress.agency, x.progress.champion, x.progress.mentor or "-",
         progress_line(x.progress),
         f"ended {x.ended_on.isoformat()}" if x.ended_on else "current"]
        for x in listed
    ]
    console.print(*table(rows, ["GROUP", "AGENCY", "CHAMPION", "MENTOR", "ONBOARDING", ""]))
    return 0


def cmd_onboarding(app: Container, args: argparse.Namespace, console: Console) -> int:
    require_schema(app)
    if args.onboarding_command == "checklist":
        return _checklist(app, args, console)
    listed = onboarding.list_champions(uow=app.uow(), group=args.group)
    if not listed:
        console.print("Nobody is onboarding: no champions yet.")
        return 0
    for x in listed:
        p = x.progress
        mentor = f", mentor {p.mentor}" if p.mentor else ", no mentor yet"
        console.print(f"{p.champion} ({p.agency}, {p.group}{mentor}): {progress_line(p)}")
        for item in p.items:
            console.print(f"  [{'x' if item.key in p.ticked else ' '}] {item.title}")
    return 0


def _checklist(app: Container, args: argparse.Namespace, console: Console) -> int:
    if args.default and args.from_file:
        raise InvalidInput("give --from FILE or --default, not both")
    if not args.default and not args.from_file:
        raise InvalidInput("give --from FILE (YAML or TOML) or --default")
    items = None
    if args.from_file:
        path = Path(args.from_file)
        try:
            raw = path.read_bytes()[: MAX_FILE + 1]
        except OSError as exc:
            raise InvalidInput(f"cannot read {path.name}: {exc.strerror or 'unreadable'}") from None
        if len(raw) > MAX_FILE:
            raise InvalidInput(f"{path.name} is too big for a checklist (over {MAX_FILE} bytes)")
        try:
            text = raw.decode("utf-8")
        except UnicodeDecodeError:
            raise InvalidInput(f"{path.name} is not UTF-8 text") from None
        items = onboarding_file.parse(text, path.name)
    group, count = onboarding.set_checklist(uow=app.uow(), clock=app.clock, group=args.group,
                                            items=items, actor=console.actor())
    what = "the default checklist" if items is None else "its own checklist"
    console.print(f"{group} now uses {what} ({count} items).")
    return 0
