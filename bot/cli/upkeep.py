"""``casebot client edit|status``, ``member remove|edit``, ``group edit|archive``: keeping the
register right. Identifiable details are prompted without echo and never printed back."""

from __future__ import annotations

import argparse
import datetime as dt
from typing import Any
from zoneinfo import ZoneInfo

from bot import recurrence, validation
from bot.bootstrap import Container, channel_directory, renderer
from bot.cli.clients import _check_keys, read_json_file
from bot.cli.console import Console
from bot.cli.details import PROMPTS
from bot.domain import IDENTITY_FIELDS, InvalidInput
from bot.services import upkeep
from bot.wording import plural

CLEAR = "-"  # typed at a prompt: empty this detail
EDIT_JSON_FIELDS = (*IDENTITY_FIELDS, "add_aliases", "remove_aliases", "agency", "key_worker",
                    "group")
SINGLE = tuple(f for f in IDENTITY_FIELDS if f != "aliases")


# --- clients ------------------------------------------------------------------------------------


def _checked(fields: dict[str, Any], today: dt.date) -> dict[str, Any]:
    """The given identity fields checked as `client add` checks them; None clears a field."""
    given = {k: v for k, v in fields.items() if v is not None}
    identity = validation.identity(given, today=today)
    out: dict[str, Any] = {}
    for name, value in fields.items():
        out[name] = None if value is None else getattr(identity, name)
        if name == "aliases" and value is not None:
            out[name] = validation.aliases(value)
    return out


def _edit_from_json(path: str, today: dt.date) -> upkeep.ClientEdit:
    raw = read_json_file(path)
    if not isinstance(raw, dict):
        raise InvalidInput(f"{path} must hold one object with the fields to change")
    _check_keys(raw, EDIT_JSON_FIELDS, where="")
    identity = _checked({k: raw[k] for k in IDENTITY_FIELDS if k in raw}, today)
    return upkeep.ClientEdit(
        identity=identity,
        add_aliases=validation.aliases(raw.get("add_aliases")),
        remove_aliases=validation.aliases(raw.get("remove_aliases")),
        agency=raw.get("agency"),
        key_worker=validation.slack_user_id(str(raw["key_worker"]), field="key_worker")
        if raw.get("key_worker") else None,
        group=raw.get("group"),
    )


def _prompted(console: Console, today: dt.date) -> upkeep.ClientEdit:
    console.print("Enter the new details (typing is hidden; Enter keeps a detail, - clears it).")
    fields: dict[str, Any] = {}
    add: tuple[str, ...] = ()
    remove: tuple[str, ...] = ()
    for name, label in PROMPTS:
        if name == "aliases":
            add = validation.aliases(console.secret_prompt("Aliases to add, comma-separated: "))
            remove = validation.aliases(
                console.secret_prompt("Aliases to remove, comma-separated: "))
            continue
        answer = console.secret_prompt(f"{label}: ").strip()
        if answer == CLEAR:
            fields[name] = None
        elif answer:
            fields[name] = answer
    return upkeep.ClientEdit(identity=_checked(fields, today), add_aliases=add,
                             remove_aliases=remove)


def _edit_from_options(args: argparse.Namespace, today: dt.date) -> upkeep.ClientEdit:
    fields: dict[str, Any] = {n: getattr(args, n) for n in SINGLE if getattr(args, n) is not None}
    for name in args.clear:
        name = name.strip().lower().replace("-", "_")
        if name == "dob":
            name = "date_of_birth"
        if name not in IDENTITY_FIELDS:
            raise InvalidInput(f"--clear takes one of: {', '.join(IDENTITY_FIELDS)}")
        if name in fields:
            raise InvalidInput(f"--clear {name} and a new {name} together: give one")
        fields[name] = [] if name == "aliases" else None
    if fields.get("aliases") == []:
        fields["aliases"] = None
        identity = _checked({k: v for k, v in fields.items() if k != "aliases"}, today)
        identity["aliases"] = ()
    else:
        identity = _checked(fields, today)
    return upkeep.ClientEdit(
        identity=identity,
        add_aliases=validation.aliases(args.add_alias or None),
        remove_aliases=validation.aliases(args.remove_alias or None),
        agency=args.agency,
        key_worker=validation.slack_user_id(args.key_worker) if args.key_worker else None,
        group=args.group,
    )


def client_edit(app: Container, args: argparse.Namespace, console: Console) -> int:
    code = validation.case_code(args.code)
    today = app.clock.now().date()
    if args.from_json:
        edit = _edit_from_json(args.from_json, today)
        options = _edit_from_options(args, today)
        if not options.is_empty():
            raise InvalidInput("give either --from-json or the options, not both")
    else:
        edit = _edit_from_options(args, today)
        if edit.is_empty() and not args.no_prompt and console.is_interactive():
            edit = _prompted(console, today)
    done = upkeep.edit_client(uow=app.uow(), clock=app.clock, code=code, edit=edit,
                              actor=console.actor())
    console.print(f"{code} updated: {', '.join(done.changed)} (the audit log names the fields, "
                  "not what they say).")
    if done.consent_misses_lead:
        console.print(f"The consent recorded for {code} does not name the new lead agency: "
                      f"record it again with casebot client consent {code} --date YYYY-MM-DD "
                      "--agency …")
    return 0


def client_status(app: Container, args: argparse.Namespace, console: Console) -> int:
    code = validation.case_code(args.code)
    where = upkeep.client_status(uow=app.uow(), clock=app.clock, code=code)
    group = where.group or "-"
    if where.group_archived:
        group += " (archived)"
    console.print(
        where.code,
        f"  status        {where.status}" + (" (details purged)" if where.purged else "")
        + (f": {where.exited}" if where.exited else ""),
        f"  group         {group}",
        f"  key worker    {where.key_worker}",
        f"  lead agency   {where.lead_agency}",
        f"  consent       {where.consent}",
        f"  open actions  {where.open_actions}",
        f"  last update   {where.last_update.isoformat() if where.last_update else 'none yet'}",
    )
    return 0


# --- members ------------------------------------------------------------------------------------


def _work_lines(work: tuple[upkeep.OpenWork, ...]) -> list[str]:
    return [
        f"  {w.case_code}  " + (f"due {w.due_on.isoformat()}  " if w.due_on else "")
        + (w.what if len(w.what) <= 70 else w.what[:69] + "…")
        for w in work
    ]


def _with_offer(console: Console, args: argparse.Namespace, run: Any) -> upkeep.MemberChanged:
    """Run; when open work is in the way and a person is at the terminal, show it and ask who
    takes it (Enter: nobody, nothing changes)."""
    try:
        return run(validation.slack_user_id(args.reassign_to) if args.reassign_to else None)
    except upkeep.HasOpenWork as exc:
        if args.reassign_to or not console.is_interactive():
            raise InvalidInput("\n".join([exc.message, *_work_lines(exc.work)])) from None
        console.print(exc.message.replace(" Nothing was changed.", ""), *_work_lines(exc.work))
        console.err.write("Reassign them to (Slack member ID; Enter to stop): ")
        console.err.flush()
        answer = console.stdin.readline().strip()
        if not answer:
            raise InvalidInput("not reassigned; nothing was changed") from None
        return run(validation.slack_user_id(answer))


def member_remove(app: Container, args: argparse.Namespace, console: Console) -> int:
    user = validation.slack_user_id(args.user)
    done = _with_offer(console, args, lambda to: upkeep.remove_member(
        uow=app.uow(), clock=app.clock, renderer=renderer(), user_id=user, group=args.group,
        reassign_to=to, actor=console.actor()))
    console.print(f"{user} left {', '.join(done.groups)}.")
    if done.to:
        moved = f"{plural(done.actions_moved, 'open action')} and "
        moved += plural(done.clients_moved, "client")
        console.print(f"{moved} went to {done.to}; they are told with the bot's next tick.")
    return 0


def member_edit(app: Container, args: argparse.Namespace, console: Console) -> int:
    user = validation.slack_user_id(args.user)
    done = _with_offer(console, args, lambda to: upkeep.change_agency(
        uow=app.uow(), clock=app.clock, renderer=renderer(), user_id=user, agency=args.agency,
        reassign_to=to, actor=console.actor()))
    console.print(f"{user} is now with {done.agency}.")
    if done.to:
        console.print(f"{plural(done.actions_moved, 'open action')} whose clients' consent "
                      f"doesn't cover {done.agency} went to {done.to}; they are told with the "
                      "bot's next tick.")
    return 0


# --- groups -------------------------------------------------------------------------------------


def checked_channel(app: Container, text: str, console: Console) -> str:
    """A channel ID of the right shape that Slack (when a token is set) knows; a warning is
    printed when the bot is not in it yet."""
    channel = validation.slack_channel_id(text)
    warning = upkeep.check_channel(channel_directory(app), channel)
    if warning:
        console.print(warning)
    return channel


def _when(at: dt.datetime | None, tz: str) -> str:
    if at is None:
        return "no more meetings in its schedule"
    return f"{at.astimezone(ZoneInfo(tz)):%a %d %b %Y %H:%M} ({tz})"


def group_edit(app: Container, args: argparse.Namespace, console: Console) -> int:
    per_client = args.minutes_per_client
    reset = per_client is not None and per_client.strip().lower() == "auto"
    minutes: int | None = None
    if per_client is not None and not reset:
        try:
            minutes = int(per_client)
        except ValueError:
            raise InvalidInput("--minutes-per-client must be whole minutes, or auto") from None
    edit = upkeep.GroupEdit(
        name=args.name,
        channel_id=checked_channel(app, args.channel, console) if args.channel else None,
        rule=args.rrule,
        tz=validation.timezone(args.tz) if args.tz else None,
        first_local=recurrence.parse_local_datetime(args.first, field="--first")
        if args.first else None,
        client_minutes=minutes,
        reset_client_minutes=reset,
    )
    done = upkeep.edit_group(uow=app.uow(), clock=app.clock, group=args.group, edit=edit,
                             actor=console.actor())
    console.print(f"{done.name}: changed {', '.join(done.changed)}.")
    if "schedule" in done.changed:
        console.print(f"Next meeting: {_when(done.next_meeting_at, done.tz)}. "
                      f"{done.replanned} future meeting(s) nobody was asked about were re-planned.")
        for kept in done.kept:
            console.print(f"Kept: {kept.at}, because {kept.why}; move or cancel it with "
                          "casebot meeting move/cancel if the new schedule replaces it.")
    return 0


def group_archive(app: Container, args: argparse.Namespace, console: Console) -> int:
    if not args.yes:
        if not console.is_interactive():
            raise InvalidInput("archiving stops the group for good: add --yes to confirm")
        console.err.write(f"Archive {args.group}? It will hold no more meetings and send "
                          "nothing. Type yes to confirm: ")
        console.err.flush()
        if console.stdin.readline().strip().lower() != "yes":
            raise InvalidInput("not confirmed; nothing was archived")
    done = upkeep.archive_group(uow=app.uow(), clock=app.clock, group=args.group,
                                actor=console.actor())
    console.print(f"{done.name} is archived: {done.cancelled} future meeting(s) cancelled, "
                  f"{done.withdrawn} message(s) not yet sent withdrawn. Its history stays for "
                  "reports and minutes.")
    return 0


def archived_names(app: Container) -> set[str]:
    """Names of archived groups, to mark them in `group list`."""
    return upkeep.archived_names(uow=app.uow())
