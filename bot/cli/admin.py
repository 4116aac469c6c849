"""Operator and secretariat commands other than the client register."""

from __future__ import annotations

import argparse
import datetime as dt
import re
from pathlib import Path
from zoneinfo import ZoneInfo

from sqlalchemy import func, select

from bot import public_holidays, recurrence, validation
from bot.bootstrap import Container, check_ready, check_schema, renderer, user_directory
from bot.cli.console import Console, table
from bot.domain import GroupView, InvalidInput, MemberView, Role, VaultError
from bot.services import (
    directory,
    keys,
    minutes,
    people,
    prompts,
    reschedule,
    restore,
    retention,
)
from bot.services.meeting_hours import UnusualMeetingTime
from bot.services.minutes import export as minutes_export
from storage import db
from storage.crypto import MasterKey
from storage.keyfile import FileKeySource, write_new_key_file
from storage.models import Agency, Client, Meeting, Member


def require_schema(app: Container) -> None:
    """Fail with the fix when the database is missing or older than the code, or when the
    master key is missing or not the database's: before any work, not when first needed."""
    check_ready(app)


def cmd_init(app: Container, args: argparse.Namespace, console: Console) -> int:
    settings = app.settings
    db_file = db.sqlite_path(app.engine)
    if db_file is not None:
        _private_dir(db_file.parent)
        db_file.touch(mode=0o600, exist_ok=True)
    db.upgrade(app.engine)
    source = app.vault.source
    created_key = False
    with app.uow() as uow:
        state = uow.vault.state(uow.session)
        register_key = state.master_key_id if state is not None else None
    if isinstance(source, FileKeySource) and not source.exists():
        if register_key is not None:  # never a new key over encrypted data
            raise VaultError(
                f"the database {settings.database_url_for_display()} already holds a client "
                f"register, encrypted with master key {register_key}, but its master key file "
                f"{source.path} is missing. Restore that file from your backup (or set "
                "CASEBOT_KEY_FILE to where it is); a new key could never open the register"
            )
        write_new_key_file(source.path, MasterKey.generate())
        created_key = True
    key_id, _ = keys.initialise(uow=app.uow(), clock=app.clock, actor=console.actor())
    console.print(
        f"Database ready: {settings.database_url_for_display()} (schema {db.head_revision()})"
    )
    if created_key:
        console.print(
            f"New master key {key_id} written to {source.describe().removeprefix('the key file ')} "
            "(readable by you only).",
            "Back it up somewhere safe and separate from the database: without it, clients' "
            "details cannot be read.",
        )
    else:
        console.print(f"Master key {key_id} from {source.describe()} opens the register.")
    return 0


def _private_dir(path: Path) -> None:
    """Create the data directory readable by its owner only (it holds the database and key)."""
    if not path.exists():
        path.mkdir(parents=True, mode=0o700)


def cmd_status(app: Container, args: argparse.Namespace, console: Console) -> int:
    check_schema(app)  # the key is reported below, not required: status is where to look
    settings = app.settings
    problem: str | None = None
    with app.uow() as uow:
        try:
            key = f"{uow.vault.verify(uow.session)} from {app.vault.source.describe()}"
        except VaultError as exc:
            problem = exc.message
            key = f"NOT OPENING the register: {problem}"
        session = uow.session
        counts = {
            label: session.scalar(select(func.count()).select_from(model)) or 0
            for label, model in (("agencies", Agency), ("members", Member), ("clients", Client))
        }
        by_status = dict(
            session.execute(select(Client.status, func.count()).group_by(Client.status)).all()
        )
    groups = directory.list_groups(uow=app.uow(), clock=app.clock)
    slack = "configured" if settings.slack_bot_token else "not configured (set SLACK_BOT_TOKEN)"
    console.print(
        "Casebot status",
        f"  database      {settings.database_url_for_display()}"
        f" (schema {db.current_revision(app.engine)})",
        f"  master key    {key}",
        f"  slack         {slack}",
        f"  agencies      {counts['agencies']}",
        f"  members       {counts['members']}",
        "  clients       "
        + (", ".join(f"{n} {s}" for s, n in sorted(by_status.items())) or "none yet"),
        f"  groups        {len(groups)}",
    )
    for group in groups:
        console.print(
            f"    {group.name} in {group.channel_id}: {_next(group.next_meeting_at, group.tz)}"
        )
    unfinished = keys.unfinished_purges(uow=app.uow())
    if unfinished:
        console.print(
            f"  purges        {len(unfinished)} NOT final yet (the current master key still opens "
            "old copies): "
            + ", ".join(f"{p.code} (purged {p.purged_at:%Y-%m-%d})" for p in unfinished),
            "                finish with: " + _finish_purges(app),
        )
    if not groups:
        console.print("Next: casebot group create --help")
    if problem is not None:
        print(f"casebot: {problem}", file=console.err)
        return 1
    return 0


def _finish_purges(app: Container) -> str:
    if isinstance(app.vault.source, FileKeySource):
        return "casebot keys rotate"
    return (
        "casebot keys rotate --new-key-file PATH, then put PATH's content in CASEBOT_MASTER_KEY, "
        "delete the old value from your secrets manager, and restart Casebot"
    )


def _next(at: dt.datetime | None, tz: str) -> str:
    if at is None:
        return "no more meetings in its schedule"
    local = at.astimezone(ZoneInfo(tz))
    return f"next meeting {local:%a %d %b %Y %H:%M} ({tz})"


def cmd_db(app: Container, args: argparse.Namespace, console: Console) -> int:
    if args.db_command == "upgrade":
        before = db.current_revision(app.engine) if db.is_initialised(app.engine) else None
        db.upgrade(app.engine)
        after = db.current_revision(app.engine)
        console.print(
            f"Database schema {'already at' if before == after else 'upgraded to'} {after}."
        )
    else:
        current = db.current_revision(app.engine) if db.is_initialised(app.engine) else None
        console.print(f"schema {current or 'none'} (this Casebot needs {db.head_revision()})")
    return 0


def _positive(value: int, option: str, *, allow_zero: bool = True) -> int:
    if value < 0 or (value == 0 and not allow_zero):
        raise InvalidInput(f"{option} must be {'0 or more' if allow_zero else 'more than 0'}")
    return value


def cmd_group(app: Container, args: argparse.Namespace, console: Console) -> int:
    require_schema(app)
    from bot.cli import upkeep  # edit, archive, and the channel check

    if args.group_command in ("edit", "archive"):
        return {"edit": upkeep.group_edit, "archive": upkeep.group_archive}[
            args.group_command](app, args, console)
    if args.group_command == "list":
        archived = upkeep.archived_names(app)
        rows = [
            [g.name + (" (archived)" if g.name in archived else ""), g.channel_id, g.rrule, g.tz,
             g.holidays or "-",
             "archived: meets no more" if g.name in archived else _next(g.next_meeting_at, g.tz)]
            for g in directory.list_groups(uow=app.uow(), clock=app.clock)
        ]
        console.print(*table(rows, ["NAME", "CHANNEL", "RULE", "ZONE", "HOLIDAYS", "NEXT"]))
        return 0
    if args.group_command == "restored-words":
        name = restore.set_policy(uow=app.uow(), clock=app.clock, group=args.group,
                                  policy=args.policy, actor=console.actor())
        console.print(_restored_line(name, args.policy.strip().lower().replace("-", "_")))
        return 0
    if args.group_command == "retention":
        return _group_retention(app, args, console)
    if args.group_command == "prompts":
        return _group_prompts(app, args, console)
    if args.group_command == "holidays":
        view = directory.set_holidays(uow=app.uow(), clock=app.clock, group=args.group,
                                      code=args.calendar, actor=console.actor())
        console.print(_holidays_line(view))
        return 0
    if not re.fullmatch(r"([01]\d|2[0-3]):[0-5]\d", args.send_time):
        raise InvalidInput("--send-time must be a 24-hour time such as 09:00")
    try:
        nudges = tuple(
            sorted({int(d) for d in args.nudge_days.split(",") if d.strip()}, reverse=True)
        )
    except ValueError:
        raise InvalidInput(
            "--nudge-days must be whole days separated by commas, e.g. 3,1"
        ) from None
    settings = directory.GroupSettings(
        prompt_lead_days=_positive(args.prompt_days, "--prompt-days"),
        reminder_lead_days=_positive(args.reminder_days, "--reminder-days"),
        agenda_lead_minutes=_positive(args.agenda_minutes, "--agenda-minutes"),
        nudge_lead_days=tuple(_positive(d, "--nudge-days") for d in nudges),
        send_time=args.send_time,
        day_first=not args.month_first,
        meeting_minutes=_positive(args.meeting_minutes, "--meeting-minutes", allow_zero=False),
        client_minutes=(
            None
            if args.client_minutes is None
            else _positive(args.client_minutes, "--client-minutes", allow_zero=False)
        ),
        holidays=args.holidays,
    )
    first = recurrence.parse_local_datetime(args.first, field="--first") if args.first else None
    view = directory.create_group(
        uow=app.uow(),
        clock=app.clock,
        name=args.name,
        channel_id=upkeep.checked_channel(app, args.channel, console),
        rule=args.rrule,
        tz=args.tz,
        first_local=first,
        settings=settings,
        actor=console.actor(),
    )
    console.print(
        f"Group {view.name!r} created in {view.channel_id}: "
        f"{_next(view.next_meeting_at, view.tz)}.",
        *([_holidays_line(view)] if view.holidays else []),
        "Next: add members with casebot member add --user U… --agency … --role worker",
    )
    return 0


def _group_prompts(app: Container, args: argparse.Namespace, console: Console) -> int:
    full = (prompts.roles_from_option(args.full_for, "--full-for")
            if args.full_for is not None else frozenset())
    only = (prompts.roles_from_option(args.attendance_only_for, "--attendance-only-for")
            if args.attendance_only_for is not None else frozenset())
    name, roles = prompts.set_full_roles(uow=app.uow(), clock=app.clock, group=args.group,
                                         full_for=full, attendance_only_for=only,
                                         actor=console.actor())
    listed = ", ".join(r.value for r in Role if r in roles)
    console.print(
        f"{name}: members with no clients and no open actions get the attendance question only"
        + (f", except {listed}: they get every prompt and reminder." if listed else ".")
    )
    return 0


def _restored_line(group: str, policy: str) -> str:
    return {
        "confirm": f"A word marked 'not identifying' in a preview is shown in that draft; "
                   f"{group}'s facilitators are asked whether to allow it for the group.",
        "at_once": f"A word marked 'not identifying' in a preview joins {group}'s allowed "
                   "terms at once.",
        "off": f"A word marked 'not identifying' in a preview is shown in that draft only; "
               f"{group}'s allowed terms stay as they are.",
    }[policy]


def _holidays_line(group: GroupView) -> str:
    if group.holidays is None:
        return f"{group.name}'s meetings are not checked against public holidays."
    return (
        f"{group.name}'s meetings are checked against {group.holidays} public holidays: a week "
        "before one that falls on a holiday, its facilitators are asked to move or cancel it."
    )


def cmd_agency(app: Container, args: argparse.Namespace, console: Console) -> int:
    require_schema(app)
    if args.agency_command == "list":
        names = directory.list_agencies(uow=app.uow())
        console.print(*(names or ["No agencies yet: casebot agency add NAME"]))
        return 0
    name = directory.add_agency(
        uow=app.uow(), clock=app.clock, name=args.name, actor=console.actor()
    )
    console.print(f"Agency {name!r} added.")
    return 0


def _places(member: MemberView) -> str:
    return "; ".join(f"{m.group}: {', '.join(m.roles) or 'no role'}" for m in member.memberships)


def cmd_member(app: Container, args: argparse.Namespace, console: Console) -> int:
    require_schema(app)
    if args.member_command in ("remove", "edit"):
        from bot.cli import upkeep  # reassigning open work first

        return {"remove": upkeep.member_remove, "edit": upkeep.member_edit}[
            args.member_command](app, args, console)
    if args.member_command == "list":
        rows = [
            [m.slack_user_id, m.agency, _places(m) or "-"]
            for m in directory.list_members(uow=app.uow())
        ]
        console.print(*table(rows, ["USER", "AGENCY", "GROUPS: ROLES"]))
        return 0
    user = validation.slack_user_id(args.user)
    roles = [validation.role(r) for r in args.role]
    if args.member_command == "roles":
        view = directory.set_roles(uow=app.uow(), clock=app.clock, user_id=user,
                                   group=args.group, roles=roles,
                                   actor=console.actor())
        console.print(f"{user}'s roles now: {_places(view)}.")
        return 0
    result = directory.add_member(
        uow=app.uow(),
        clock=app.clock,
        user_id=user,
        agency=args.agency,
        roles=roles,
        groups=args.group,
        actor=console.actor(),
    )
    joined = ", ".join(result.joined) + (" (the only group)" if result.joined_by_default else "")
    what = ", ".join(dict.fromkeys(r.value for r in roles))
    if result.new:
        console.print(f"Member {user} added: {result.member.agency}; in {joined} as {what}.")
    else:
        console.print(f"{user} joined {joined} as {what}. Now: {_places(result.member)}.")
    return 0


def cmd_meeting(app: Container, args: argparse.Namespace, console: Console) -> int:
    """Notices are queued in the outbox; the bot (or `casebot tick`) sends them."""
    require_schema(app)
    if args.meeting_command == "list":
        group = directory.group_view(uow=app.uow(), clock=app.clock, name=args.group)
        meetings = reschedule.upcoming_list(uow=app.uow(), clock=app.clock, group=args.group)
        rows = [[_when(m.scheduled_at, group.tz), m.status, _moved(m, group.tz),
                 _holiday(m.scheduled_at, group)] for m in meetings]
        console.print(*table(rows, ["WHEN", "STATUS", "CHANGED", "PUBLIC HOLIDAY"]))
        if group.holidays is None:
            console.print(
                f"Public holidays are not checked for {group.name}; to check them: "
                f'casebot group holidays --group "{group.name}" AU-QLD (your state)'
            )
        return 0
    option = "--from" if args.meeting_command == "move" else "--date"
    day = validation.iso_date(args.day, field=option)
    common = {
        "uow": app.uow(), "clock": app.clock, "renderer": renderer(), "group": args.group,
        "day": day, "actor": console.actor(),
    }
    if args.meeting_command == "move":
        to = recurrence.parse_local_datetime(args.to, field="--to")
        try:
            change, queued = reschedule.move(to_local=to, force=args.force, **common)
        except UnusualMeetingTime as exc:
            raise InvalidInput(
                f"{exc.message} If that is right, run the command again with --force."
            ) from None
        where = _when(change.meeting.starts_at, change.meeting.tz)
        console.print(f"Moved: {change.meeting.group} now meets {where}. "
                      + reschedule.who_is_told(change))
    else:
        change, queued = reschedule.cancel(**common)
        where = _when(change.was, change.meeting.tz)
        console.print(f"Cancelled: {change.meeting.group} on {where}. "
                      + reschedule.who_is_told(change))
    if queued:
        notices = "The notice goes" if len(queued) == 1 else f"The {len(queued)} notices go"
        console.print(f"{notices} out with the bot's next tick.")
    return 0


def cmd_minutes(app: Container, args: argparse.Namespace, console: Console) -> int:
    require_schema(app)
    day = validation.iso_date(args.day, field="--date")
    if args.post:
        queued = minutes.repost(uow=app.uow(), clock=app.clock, renderer=renderer(),
                                group=args.group, day=day)
        console.print(f"The minutes ({len(queued)} message(s)) go out with the bot's next tick.")
        return 0
    found = minutes.minutes_of(uow=app.uow(), group=args.group, day=day)
    names = people.names_for(uow=app.uow(), clock=app.clock, directory=user_directory(app),
                             user_ids=minutes_export.people_in(found))
    write = minutes_export.as_csv if args.format == "csv" else minutes_export.as_markdown
    text = write(found, names)
    if args.output:
        target = Path(args.output)
        if target.exists():
            raise InvalidInput(f"{target} already exists; choose another --output name.")
        target.write_text(text, encoding="utf-8")
        console.print(f"Saved the minutes to {target}.")
    else:
        console.out.write(text)
    return 0


def _when(at: dt.datetime, tz: str) -> str:
    return f"{at.astimezone(ZoneInfo(tz)):%a %d %b %Y %H:%M} ({tz})"


def _moved(meeting: Meeting, tz: str) -> str:
    if meeting.scheduled_at == meeting.occurrence_at:
        return "-"
    return f"moved from {meeting.occurrence_at.astimezone(ZoneInfo(tz)):%a %d %b %H:%M}"


def _holiday(at: dt.datetime, group: GroupView) -> str:
    name = public_holidays.name_on(group.holidays, at.astimezone(ZoneInfo(group.tz)).date())
    return f"🎉 {name}" if name else "-"


def cmd_allow(app: Container, args: argparse.Namespace, console: Console) -> int:
    require_schema(app)
    if args.allow_command == "list":
        console.print(*directory.allowed_terms(uow=app.uow(), group=args.group))
        return 0
    changed = directory.allow_terms(
        uow=app.uow(), clock=app.clock, group=args.group, terms=args.terms,
        allow=args.allow_command == "add", actor=console.actor(),
    )
    verb = "Allowed" if args.allow_command == "add" else "No longer allowed"
    console.print(f"{verb}: {', '.join(changed)}." if changed else "Nothing to change.")
    return 0


def cmd_keys(app: Container, args: argparse.Namespace, console: Console) -> int:
    require_schema(app)
    result = keys.rotate(
        uow=app.uow(),
        clock=app.clock,
        actor=console.actor(),
        new_key_file=Path(args.new_key_file) if args.new_key_file else None,
        keep_old_key=Path(args.keep_old_key) if args.keep_old_key else None,
    )
    console.print(
        f"Master key rotated: {result.old_key_id} -> {result.new_key_id}; "
        f"{result.rewrapped} client data keys re-wrapped."
    )
    source = app.vault.source
    if args.new_key_file is None:
        if args.keep_old_key:
            kept = f"was saved to {args.keep_old_key}"
        elif result.old_key_destroyed:
            kept = "was destroyed"
        else:
            kept = "was removed but could not be overwritten (read-only): make sure no copy remains"
        console.print(
            f"New key in {result.new_key_file}. Back it up now; the old key {kept} (database "
            "backups made before now open only with it)."
        )
    elif isinstance(source, FileKeySource):
        console.print(
            f"New key in {result.new_key_file}. Set CASEBOT_KEY_FILE to it and restart Casebot; "
            f"then destroy the old key file {source.path}."
        )
    else:
        console.print(
            f"New key in {result.new_key_file}. Set CASEBOT_MASTER_KEY to its content (or "
            "CASEBOT_KEY_FILE to its path) and restart Casebot; then delete the old value (and "
            "its old versions) from your secrets manager."
        )
    if result.finalised:
        codes = ", ".join(result.finalised)
        if result.old_key_destroyed and not args.keep_old_key:
            console.print(f"Purges now final: {codes}.")
        else:
            console.print(f"Purges of {codes} are final once the old key is destroyed.")
    return 0


def cmd_audit(app: Container, args: argparse.Namespace, console: Console) -> int:
    require_schema(app)
    if args.limit < 1:
        raise InvalidInput("--limit must be 1 or more")
    code = validation.case_code(args.client) if args.client else None
    with app.uow() as uow:
        entries = uow.audit.entries(case_code=code, limit=args.limit)
        rows = [
            [
                e.at.astimezone(dt.UTC).strftime("%Y-%m-%d %H:%M:%SZ"),  # the column says UTC
                e.actor,
                e.action,
                e.case_code or "-",
                e.reason or "",
                e.detail or "",
            ]
            for e in entries
        ]
    console.print(*table(rows, ["WHEN (UTC)", "WHO", "WHAT", "CLIENT", "WHY", "DETAIL"]))
    return 0


def _group_retention(app: Container, args: argparse.Namespace, console: Console) -> int:
    periods = retention.set_periods(
        uow=app.uow(), clock=app.clock, group=args.group, details_days=args.details_days,
        record_days=args.record_days, actor=console.actor(),
    )
    changed = args.details_days is not None or args.record_days is not None
    console.print(
        f"{periods.group}{' now keeps' if changed else ' keeps'}, after a client's exit or "
        f"consent withdrawal: identifiable details {periods.details_days} days, the case record "
        f"{periods.record_days} days. Actions and outcomes stay, de-identified, for reports."
    )
    return 0
