"""The ``casebot`` command line: subcommands, options and help text."""

from __future__ import annotations

import argparse
import contextlib
import functools
from collections.abc import Iterator
from typing import Any, NoReturn

from bot.errors import InvalidInput
from bot.roles import Role


class UsageError(InvalidInput):
    pass


class Parser(argparse.ArgumentParser):
    """argparse that reports a mistake as one line instead of printing usage."""

    def error(self, message: str) -> NoReturn:
        raise UsageError(f"{message} (see: {self.prog} --help)")


ROLES = ", ".join(r.value for r in Role)


@contextlib.contextmanager
def _each_phrase_translated_once() -> Iterator[None]:
    """argparse translates the same few phrases ("options", "show this help message and exit")
    for each of the ~60 parsers below, and gettext searches the locale directories every time:
    10 ms of every command where LANG is set, more than building the parsers takes. The same
    translations, each looked up once."""
    translate = getattr(argparse, "_", None)
    if translate is None:  # another Python's argparse: nothing to speed up
        yield
        return
    argparse._ = functools.cache(translate)
    try:
        yield
    finally:
        argparse._ = translate


@functools.cache  # built once per process: parse_args leaves the parser as it was
def build_parser() -> Parser:
    with _each_phrase_translated_once():
        return _build_parser()


def _build_parser() -> Parser:
    root = Parser(
        prog="casebot",
        description="Casebot: Slack assistant for case coordination meetings. "
        "These commands are for the secretariat and the operator.",
        epilog="Settings come from the environment or a .env file: DATABASE_URL, CASEBOT_KEY_FILE "
        "or CASEBOT_MASTER_KEY, SLACK_BOT_TOKEN, SLACK_SIGNING_SECRET, SLACK_APP_TOKEN. "
        "See README.md.",
    )
    sub = root.add_subparsers(dest="command", metavar="COMMAND", parser_class=Parser)
    sub.required = True

    sub.add_parser(
        "start", help="set up and start the bot if Slack tokens are set, else show the demo"
    )
    sub.add_parser(
        "init", help="create the data directory, database and master key (safe to re-run)"
    )
    sub.add_parser("status", help="show what is set up: database, key, groups, members, clients")
    doctor = sub.add_parser(
        "doctor",
        help="check this installation and say what to fix: settings, database, key, Slack, "
        "channels, scheduler",
        description="One line per check: ✓ fine, ✗ must be fixed (with what to do), ! worth a "
        "look, - skipped (with why). Exit code 0 when nothing must be fixed, 1 otherwise. "
        "`casebot serve` runs the same checks when it starts.",
    )
    doctor.add_argument("--json", action="store_true", help="the findings as JSON, for machines")

    db = sub.add_parser("db", help="database schema").add_subparsers(
        dest="db_command", metavar="ACTION", parser_class=Parser
    )
    db.required = True
    db.add_parser("upgrade", help="apply database migrations")
    db.add_parser("current", help="show the schema revision")

    _group_commands(sub)
    _agency_commands(sub)
    _member_commands(sub)
    _allow_commands(sub)
    _meeting_commands(sub)
    _minutes_command(sub)
    _report_command(sub)  # issue 17
    _client_commands(sub)
    _referral_commands(sub)
    _champion_commands(sub)  # issue 14
    _export_command(sub)  # issue 17

    keys = sub.add_parser("keys", help="the master key").add_subparsers(
        dest="keys_command", metavar="ACTION", parser_class=Parser
    )
    keys.required = True
    rotate = keys.add_parser(
        "rotate",
        help="re-wrap every client's data key under a new master key (data is not re-encrypted)",
        description="Generates a new master key, re-wraps every data key in one transaction, and "
        "replaces the key file (the old one is overwritten). Running services pick the new key up "
        "by themselves. The old key is destroyed unless --keep-old-key is given (keep it only to "
        "read database backups made before the rotation; a purge is final only once it is gone).",
    )
    rotate.add_argument(
        "--new-key-file",
        metavar="PATH",
        help="write the new key here (required when the key comes from CASEBOT_MASTER_KEY)",
    )
    rotate.add_argument("--keep-old-key", metavar="PATH", help="save the old key to PATH (0600)")

    serve = sub.add_parser(
        "serve",
        help="run the Slack bot and its minute tick (Socket Mode with SLACK_APP_TOKEN, else HTTP)",
        description="Socket Mode when SLACK_APP_TOKEN is set; otherwise (or with --http) an HTTP "
        "server under gunicorn: POST /slack/events for Slack, GET /readyz for load balancers and "
        "GET /healthz for monitoring (docs/DEPLOY.md). Runs casebot doctor's checks first: a "
        "problem it cannot run with stops it; others are logged.",
    )
    serve.add_argument(
        "--http", action="store_true", help="HTTP mode even if SLACK_APP_TOKEN is set"
    )
    serve.add_argument("--host", default="0.0.0.0", help="HTTP mode: address (default 0.0.0.0)")
    serve.add_argument("--port", type=int, default=3000, help="HTTP mode: port (default 3000)")
    serve.add_argument("--workers", type=int, default=1, help="HTTP mode: processes (default 1)")
    serve.add_argument(
        "--preload", action="store_true",
        help="HTTP mode: load Casebot before the workers start, so that their first answers are "
        "as quick as the rest (an idle server then takes about 100 MiB instead of 36)",
    )

    tick = sub.add_parser(
        "tick",
        help="run the scheduler's tick once (prompts, agendas, nudges, sending) and exit",
        description="For cron-style deployments and tests. Safe to run any number of times; "
        "on the clock it runs once a minute for the whole deployment (--force: again). "
        "To see what it would do without doing it: casebot tick --dry-run [--now …].",
    )
    tick.add_argument(
        "--now",
        metavar="ISO-TIME",
        help="pretend it is this time, with its offset, e.g. 2026-12-01T09:00+10:00 (more than "
        "a day from the clock needs --dry-run or --force)",
    )
    tick.add_argument(
        "--dry-run",
        action="store_true",
        help="print what would be sent, to whom and when, and change nothing (no token needed)",
    )
    tick.add_argument(
        "--force",
        action="store_true",
        help="really tick at a --now more than a day from the clock (it sends and closes things), "
        "or again in a minute whose tick has run",
    )
    tick.add_argument(  # what `casebot serve --http` runs each minute (handlers.serving)
        "--scheduled", action="store_true", help=argparse.SUPPRESS,
    )

    demo = sub.add_parser(
        "demo",
        help="see a whole meeting cycle offline, with a pretend Slack: no tokens needed",
        description="Runs a meeting cycle on a throwaway database against a pretend Slack "
        "workspace and prints what each person would see. Needs no setup and touches none of "
        "your data or settings.",
    )
    demo.add_argument(
        "--pace", type=float, default=0.0, metavar="SECONDS", help="pause between scenes"
    )

    redact = sub.add_parser(
        "redact",
        help="de-identify text from standard input against the register (case studies, training)",
        description="Reads text on standard input and writes it de-identified: clients' registered "
        "details become their case codes or [DOB], [phone], …, and anyone's phone numbers, emails, "
        "ID numbers, dates of birth, addresses and names are replaced too. A summary of what was "
        "replaced goes to standard error. With --jsonl each input line is "
        '{"client": CODE, "text": …} and each output line {"text": …, "replaced": {type: count}}.',
    )
    redact.add_argument(
        "--client",
        metavar="CODE",
        help="only this client's identifiers (default: every active client's)",
    )
    redact.add_argument("--group", help="also keep this group's allowed terms")
    redact.add_argument("--jsonl", action="store_true", help="batch: JSON lines in and out")
    redact.add_argument(
        "--workers",
        type=int,
        metavar="N",
        help="--jsonl: processes de-identifying at once (default: one per CPU, up to 4, when "
        "the input is a file or a pipe; 1: all in this process)",
    )

    purge = sub.add_parser(
        "purge",
        help="destroy what is past its retention period (--due), as the daily tick does",
        description="Crypto-shreds the identifiable details, and deletes the case records, of "
        "clients past their group's retention periods after exit or consent withdrawal (see "
        "casebot group retention). Each is audited. With a key file the master key is replaced "
        "too, so the purge is final at once.",
    )
    purge.add_argument("--due", action="store_true", required=True,
                       help="everything past its retention period")
    purge.add_argument("--dry-run", action="store_true", help="list what is due; change nothing")

    _backup_commands(sub)

    audit = sub.add_parser("audit", help="show the audit log (reveals, purges, key rotations, …)")
    audit.add_argument("--client", metavar="CODE", help="only entries about this case code")
    audit.add_argument("--limit", type=int, default=50, help="how many entries (default 50)")
    return root


def _backup_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    """Issue 16: the whole database to a file and back; the master key is never in it."""
    backup = sub.add_parser(
        "backup",
        help="copy the whole database to a new file (the master key is NOT in it)",
        description="Writes casebot-<UTC time>.sqlite3 (SQLite's online backup: safe while "
        "casebot serve runs) or .pgdump (pg_dump -Fc; needs PostgreSQL's client tools), "
        "readable by you only, and says which master key it needs. Keep a copy of the key "
        "separately: without it the client register in the backup cannot be read.",
    )
    backup.add_argument(
        "--to", metavar="FOLDER",
        help="where to write it (default: backups/ in the data directory; made 0700)",
    )
    backup.add_argument(
        "--with-key-to", metavar="PATH",
        help="also copy the master key to PATH (0600), outside the backup folder",
    )
    restore = sub.add_parser(
        "restore",
        help="replace the database with a backup (stop casebot serve first)",
        description="Checks the backup and that the configured master key opens its register, "
        "upgrades an older schema, and replaces the database in one step: if anything fails, "
        "nothing changes. A database that holds data is replaced only with --force, and is "
        "backed up first.",
    )
    restore.add_argument("backup", metavar="BACKUP", help="a file written by casebot backup")
    restore.add_argument(
        "--force", action="store_true",
        help="replace a database that already holds data (it is backed up first)",
    )


def _group_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    group = sub.add_parser("group", help="case coordination groups and their schedules")
    actions = group.add_subparsers(dest="group_command", metavar="ACTION", parser_class=Parser)
    actions.required = True
    create = actions.add_parser(
        "create",
        help="create a group with its channel and meeting schedule",
        description="Example: casebot group create --name 'Under 1 Roof' --channel C0123ABCD "
        "--rrule 'FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10' --tz Australia/Brisbane "
        "--first 2026-12-01T10:00 --holidays AU-QLD",
    )
    create.add_argument("--name", required=True)
    create.add_argument("--channel", required=True, metavar="C…", help="the Slack channel ID")
    create.add_argument("--rrule", required=True, help="RFC 5545 recurrence rule")
    create.add_argument("--tz", required=True, help="IANA time zone, e.g. Australia/Brisbane")
    create.add_argument(
        "--first",
        metavar="YYYY-MM-DDTHH:MM",
        help="first meeting, local time (anchors the rule; default: next occurrence from today)",
    )
    create.add_argument(
        "--prompt-days",
        type=int,
        default=3,
        help="days before a meeting to ask for updates (default 3)",
    )
    create.add_argument(
        "--reminder-days",
        type=int,
        default=1,
        help="days before a meeting to remind who has not answered (default 1)",
    )
    create.add_argument(
        "--agenda-minutes",
        type=int,
        default=120,
        help="minutes before a meeting to post the agenda (default 120)",
    )
    create.add_argument(
        "--nudge-days",
        default="3,1",
        help="days before a meeting to nudge action owners (default 3,1)",
    )
    create.add_argument(
        "--send-time",
        default="09:00",
        help="local time of day for prompts and nudges (default 09:00)",
    )
    create.add_argument(
        "--month-first",
        action="store_true",
        help="read dates like 3/12 as month/day (default: day/month)",
    )
    create.add_argument(
        "--meeting-minutes", type=int, default=90, help="length of a meeting (default 90)"
    )
    create.add_argument(
        "--client-minutes",
        type=int,
        help="time box per client in the meeting (default: the meeting's length ÷ its clients)",
    )
    create.add_argument(
        "--holidays",
        metavar="CC-STATE",
        help="check meetings against this country's and state's public holidays, e.g. AU-QLD "
        "(default: not checked)",
    )
    actions.add_parser("list", help="list groups and their next meeting")
    holidays = actions.add_parser(
        "holidays",
        help="set the public holidays a group's meetings are checked against",
        description="A week before a meeting on a public holiday, the group's facilitators are "
        "asked by DM whether to move or cancel it. Example: casebot group holidays --group "
        "'Under 1 Roof' AU-QLD (none: stop checking).",
    )
    holidays.add_argument("--group", required=True, metavar="NAME")
    holidays.add_argument("calendar", metavar="CC-STATE", help="e.g. AU-QLD, or none")
    restored = actions.add_parser(
        "restored-words",
        help="what a word an author marks 'not identifying' in a preview does for the group",
        description="The word is always shown again in that draft. confirm (the default): the "
        "group's facilitators are asked by DM whether to add it to the group's allowed terms; "
        "at_once: it is added at once; off: that draft only. Example: casebot group "
        "restored-words --group 'Under 1 Roof' at_once",
    )
    restored.add_argument("--group", required=True, metavar="NAME")
    restored.add_argument("policy", metavar="confirm|at_once|off")
    retention = actions.add_parser(
        "retention",
        help="how long details and case records are kept after a client's exit or withdrawal",
        description="After a client's exit or consent withdrawal, their identifiable details are "
        "crypto-shredded after --details-days (default 730, 2 years) and their case record "
        "(updates, decisions, notes) deleted after --record-days (default 2555, 7 years); actions "
        "and outcomes stay, de-identified, for reports. Without either option: show them.",
    )
    retention.add_argument("--group", required=True, metavar="NAME")
    retention.add_argument("--details-days", type=int, metavar="N")
    retention.add_argument("--record-days", type=int, metavar="N")
    _group_upkeep(actions)
    _group_prompts(actions)


def _group_prompts(actions: argparse._SubParsersAction[Parser]) -> None:
    prompts = actions.add_parser(
        "prompts",
        help="which roles get every prompt and reminder even with no clients or open actions",
        description="Members with no clients and no open actions in a group are asked only "
        "whether they will attend (no update prompt, no reminder). --full-for gives members "
        "with these roles every prompt again; --attendance-only-for takes that away. Roles: "
        "worker, facilitator, secretariat, champion, mentor. Without either option: show the "
        "setting. Example: casebot group prompts --group 'Under 1 Roof' --full-for mentor,champion",
    )
    prompts.add_argument("--group", required=True, metavar="NAME")
    prompts.add_argument("--full-for", metavar="ROLE,…", help="roles to prompt in full")
    prompts.add_argument("--attendance-only-for", metavar="ROLE,…",
                         help="roles to ask about attendance only when they have nothing to update")


def _group_upkeep(actions: argparse._SubParsersAction[Parser]) -> None:
    edit = actions.add_parser(
        "edit",
        help="change a group's name, channel, schedule, time zone or minutes per client",
        description="Only what is given changes. A new schedule (--rrule, --tz or --first) "
        "re-plans the future meetings nobody was asked or told about yet; meetings people were "
        "already asked about, or moved by hand, keep their time and are listed. Example: "
        "casebot group edit --group 'Under 1 Roof' --rrule 'FREQ=WEEKLY;BYDAY=WE;BYHOUR=14'",
    )
    edit.add_argument("--group", required=True, metavar="NAME")
    edit.add_argument("--name", help="the new name")
    edit.add_argument("--channel", metavar="C…", help="the new Slack channel ID")
    edit.add_argument("--rrule", "--schedule", dest="rrule", help="RFC 5545 recurrence rule")
    edit.add_argument("--tz", help="IANA time zone, e.g. Australia/Brisbane")
    edit.add_argument("--first", metavar="YYYY-MM-DDTHH:MM",
                      help="first meeting of the new schedule, local time")
    edit.add_argument("--minutes-per-client", metavar="N|auto",
                      help="time box per client in the meeting (auto: the meeting's length ÷ "
                      "its clients)")
    archive = actions.add_parser(
        "archive",
        help="stop a group for good: no more meetings, prompts, nudges or posts (history kept)",
    )
    archive.add_argument("--group", required=True, metavar="NAME")
    archive.add_argument("--yes", action="store_true", help="do not ask for confirmation")


def _agency_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    agency = sub.add_parser("agency", help="agencies taking part")
    actions = agency.add_subparsers(dest="agency_command", metavar="ACTION", parser_class=Parser)
    actions.required = True
    add = actions.add_parser("add", help="add an agency")
    add.add_argument("name", metavar="NAME")
    actions.add_parser("list", help="list agencies")


def _meeting_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    meeting = sub.add_parser("meeting", help="move or cancel one meeting; list the next ones")
    actions = meeting.add_subparsers(dest="meeting_command", metavar="ACTION", parser_class=Parser)
    actions.required = True
    move = actions.add_parser(
        "move",
        help="move one meeting (prompts, nudges and the agenda follow; those asked are told)",
        description="Example: casebot meeting move --group 'Under 1 Roof' --from 2026-12-01 "
        "--to 2026-12-03T14:00 (local time in the group's zone).",
    )
    move.add_argument("--group", required=True)
    move.add_argument("--from", dest="day", required=True, metavar="YYYY-MM-DD")
    move.add_argument("--to", required=True, metavar="YYYY-MM-DDTHH:MM")
    move.add_argument(
        "--force",
        action="store_true",
        help="move it even outside the group's meeting days (Mon–Fri and its rule's) or "
        "07:00–19:00",
    )
    cancel = actions.add_parser(
        "cancel", help="cancel one meeting (nothing more is sent for it; updates go to the next)"
    )
    cancel.add_argument("--group", required=True)
    cancel.add_argument("--date", dest="day", required=True, metavar="YYYY-MM-DD")
    listing = actions.add_parser("list", help="the group's next meetings")
    listing.add_argument("--group", required=True)


def _minutes_command(sub: argparse._SubParsersAction[Parser]) -> None:
    minutes = sub.add_parser(
        "minutes",
        help="a closed meeting's minutes: print (md or csv), save, or post again",
        description="Example: casebot minutes --group 'Under 1 Roof' --date 2026-12-01 "
        "--format csv --output minutes.csv. De-identified, like the channel's copy.",
    )
    minutes.add_argument("--group", required=True)
    minutes.add_argument("--date", "--meeting", dest="day", required=True, metavar="YYYY-MM-DD",
                         help="the meeting's date (local to the group)")
    minutes.add_argument("--format", choices=("md", "csv"), default="md", help="default md")
    minutes.add_argument("--output", metavar="FILE", help="write to FILE instead of the screen")
    minutes.add_argument(
        "--post", action="store_true", help="post them in the group's channel again (next tick)"
    )


def _report_command(sub: argparse._SubParsersAction[Parser]) -> None:
    report = sub.add_parser(
        "report",
        help="a group's figures for a period: meetings, attendance, actions, referrals, exits",
        description="Example: casebot report --group 'Under 1 Roof' --from 2026-12-01 "
        "--to 2027-01-31 --format html --output report.html. The days are the group's own "
        "calendar, both included. No client is named or coded in a report.",
    )
    report.add_argument("--group", required=True)
    report.add_argument("--from", dest="first", required=True, metavar="YYYY-MM-DD",
                        help="the first day of the period")
    report.add_argument("--to", dest="last", required=True, metavar="YYYY-MM-DD",
                        help="the last day of the period")
    report.add_argument("--format", choices=("text", "html", "csv", "xlsx"), default="text",
                        help="text (default), html (one file that opens offline and prints on "
                        "A4), csv or xlsx (needs --output)")
    report.add_argument("--output", metavar="FILE", help="write to FILE instead of the screen")


def _allow_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    allow = sub.add_parser(
        "allow",
        help="the words a group's channel may always show (services, agencies)",
        description="De-identification leaves these alone. Every group starts with common "
        "Australian services (Centrelink, Micah Projects, …); add your local ones here. Never add "
        "a person's name: it would be shown as typed.",
    )
    actions = allow.add_subparsers(dest="allow_command", metavar="ACTION", parser_class=Parser)
    actions.required = True
    for name, text in (("add", "allow terms"), ("remove", "stop allowing terms")):
        action = actions.add_parser(name, help=text)
        action.add_argument("--group", required=True)
        action.add_argument("terms", nargs="+", metavar="TERM")
    listing = actions.add_parser("list", help="list a group's allowed terms")
    listing.add_argument("--group", required=True)


def _member_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    member = sub.add_parser("member", help="workers, facilitators, secretariat, champions, mentors")
    actions = member.add_subparsers(dest="member_command", metavar="ACTION", parser_class=Parser)
    actions.required = True
    add = actions.add_parser(
        "add",
        help="add a member to groups, with their roles there",
        description="Roles belong to a member's place in a group: the roles given apply in each "
        "--group given. With no --group and exactly one group defined, the member joins that "
        "group. An existing member joins more groups (leave out --agency).",
    )
    add.add_argument("--user", required=True, metavar="U…", help="Slack member ID")
    add.add_argument("--agency", help="their agency (needed for a new member)")
    add.add_argument(
        "--role",
        action="append",
        required=True,
        metavar="ROLE",
        help=f"repeat for several: {ROLES}",
    )
    add.add_argument(
        "--group", action="append", default=[], metavar="NAME", help="group to join (repeatable)"
    )
    roles = actions.add_parser(
        "roles",
        help="set a member's roles in one group",
        description="Replaces the member's roles in that group; other groups are untouched.",
    )
    roles.add_argument("--user", required=True, metavar="U…", help="Slack member ID")
    roles.add_argument("--group", required=True, metavar="NAME")
    roles.add_argument(
        "--role", action="append", required=True, metavar="ROLE", help=f"repeat: {ROLES}"
    )
    actions.add_parser("list", help="list members")
    _member_upkeep(actions)


def _member_upkeep(actions: argparse._SubParsersAction[Parser]) -> None:
    remove = actions.add_parser(
        "remove",
        help="take a member out of a group (or all theirs); open work is reassigned first",
        description="Their open actions in the group(s), and the clients they are key worker "
        "for, must go to someone else first: give --reassign-to U… (asked for at a terminal). "
        "Nothing is left without an owner. Their past work stays in the history.",
    )
    remove.add_argument("--user", required=True, metavar="U…", help="Slack member ID")
    remove.add_argument("--group", metavar="NAME", help="only this group (default: all theirs)")
    remove.add_argument("--reassign-to", metavar="U…",
                        help="who takes their open actions and clients")
    edit = actions.add_parser(
        "edit",
        help="a member's change of agency (actions consent doesn't allow are reassigned first)",
        description="Open actions of clients whose consent doesn't cover the new agency must go "
        "to someone else first: give --reassign-to U… (asked for at a terminal).",
    )
    edit.add_argument("--user", required=True, metavar="U…", help="Slack member ID")
    edit.add_argument("--agency", required=True, help="their new agency")
    edit.add_argument("--reassign-to", metavar="U…", help="who takes the actions concerned")


def _client_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    client = sub.add_parser("client", help="the client register (identifiable details encrypted)")
    actions = client.add_subparsers(dest="client_command", metavar="ACTION", parser_class=Parser)
    actions.required = True
    add = actions.add_parser(
        "add",
        help="register a client (details are prompted without echo unless given)",
        description="Identifiable details given as options stay in your shell history; prefer "
        "the hidden prompts or --from-json (then delete the file). See README.md for the JSON "
        "fields.",
    )
    add.add_argument("--code", metavar="CODE", help="case code, e.g. U1R-014")
    add.add_argument("--agency", help="lead agency")
    add.add_argument("--key-worker", metavar="U…", help="the key worker's Slack member ID")
    add.add_argument("--group", help="group that reviews the client (default: the only group)")
    add.add_argument(
        "--status", default="active", help="referred, active or exited (default active)"
    )
    add.add_argument(
        "--from-json",
        metavar="FILE",
        help="one client or a list of clients; options above act as defaults",
    )
    add.add_argument("--no-prompt", action="store_true", help="do not ask for missing details")
    _identity_options(add)
    consent = add.add_argument_group("consent")
    consent.add_argument("--consent-date", metavar="YYYY-MM-DD", help="when consent was given")
    consent.add_argument(
        "--consent-method", default="written", help="how it was obtained (default: written)"
    )
    consent.add_argument(
        "--consent-agency",
        action="append",
        default=[],
        metavar="NAME",
        help="agency the consent covers (repeatable; the lead agency always is)",
    )
    consent.add_argument("--consent-expires", metavar="YYYY-MM-DD")

    listing = actions.add_parser("list", help="list clients (case codes only, no details)")
    listing.add_argument("--status")
    listing.add_argument("--group")

    show = actions.add_parser("show", help="show a client; --reveal decrypts (audited)")
    show.add_argument("code", metavar="CODE")
    show.add_argument("--reveal", action="store_true", help="show identifiable details")
    show.add_argument("--reason", help="why (required with --reveal; recorded in the audit log)")

    consent = actions.add_parser(
        "consent",
        help="record a client's written consent (which agencies may see their details)",
        description="Until consent covering every agency in a group's channel is recorded, the "
        "channel sees the client by case code only. The lead agency is always covered.",
    )
    consent.add_argument("code", metavar="CODE")
    consent.add_argument(
        "--date", metavar="YYYY-MM-DD",
        help="when it was given (renewed, narrowed, withdrawn: default today); not in the future",
    )
    consent.add_argument("--method", default="written", help="how (default: written)")
    consent.add_argument(
        "--agency",
        action="append",
        default=[],
        metavar="NAME",
        help="an agency it covers (repeatable)",
    )
    consent.add_argument("--expires", metavar="YYYY-MM-DD")
    consent.add_argument(
        "--review", metavar="YYYY-MM-DD",
        help="when to ask the client again (the key worker is reminded 14 days before); alone, "
        "it sets a new review date for the current consent",
    )
    change = consent.add_mutually_exclusive_group()
    change.add_argument("--renew", action="store_true",
                        help="the client renewed their consent (same agencies unless --agency)")
    change.add_argument("--narrow", action="store_true",
                        help="the client now agrees to fewer agencies: name those left (--agency)")
    change.add_argument("--withdraw", action="store_true",
                        help="the client withdrew consent: off future agendas; retention starts")

    override = actions.add_parser(
        "override",
        help="let the next meeting discuss a client without current consent (urgent risk only)",
        description="For an urgent risk to life or safety: the client's group may discuss them "
        "in detail at its next meeting only, although their consent is missing, expired or "
        "withdrawn. The reason (no identifying details) is audited and shown in that meeting's "
        "minutes; the override ends with that meeting.",
    )
    override.add_argument("code", metavar="CODE")
    override.add_argument("--meeting", required=True, metavar="next", help="only: next")
    override.add_argument("--reason", help="the urgent risk, without identifying anyone")

    purge = actions.add_parser(
        "purge",
        help="destroy a client's details for good (crypto-shredding)",
        description="Deletes the client's data key and encrypted details; the case code and "
        "de-identified history stay. With a key file, the master key is also replaced and the old "
        "key file overwritten, so copies in older database backups can never be decrypted: the "
        "purge is final at once. With CASEBOT_MASTER_KEY it is final after `casebot keys rotate "
        "--new-key-file PATH` and the secret replaced (casebot status lists it until then).",
    )
    purge.add_argument("code", metavar="CODE")
    purge.add_argument("--reason", help="why (recorded in the audit log)")
    purge.add_argument("--yes", action="store_true", help="do not ask for confirmation")
    _client_upkeep(actions)
    _client_path_commands(actions)
    _client_import(actions)  # issue 17


def _client_upkeep(actions: argparse._SubParsersAction[Parser]) -> None:
    edit = actions.add_parser(
        "edit",
        help="change a client's details, lead agency, key worker or group (audited, no values)",
        description="Only what is given changes. With no option at a terminal, each detail is "
        "asked for without echo (Enter keeps it, - clears it). Identifiable details given as "
        "options stay in your shell history: prefer the prompts or --from-json (then delete "
        "the file; null clears a field). Consent: casebot client consent.",
    )
    edit.add_argument("code", metavar="CODE")
    edit.add_argument("--agency", help="lead agency")
    edit.add_argument("--key-worker", metavar="U…", help="the key worker's Slack member ID")
    edit.add_argument("--group", help="the group that reviews the client")
    edit.add_argument("--from-json", metavar="FILE", help="an object with the fields to change")
    edit.add_argument("--no-prompt", action="store_true", help="do not ask for details")
    details = _identity_options(edit, aliases=False)
    details.add_argument("--add-alias", action="append", default=[], help="repeatable")
    details.add_argument("--remove-alias", action="append", default=[], help="repeatable")
    details.add_argument("--clear", action="append", default=[], metavar="FIELD",
                         help="empty this detail (repeatable), e.g. --clear phone")
    status = actions.add_parser(
        "status",
        help="where a client is: status, group, key worker, consent, open actions, last update",
    )
    status.add_argument("code", metavar="CODE")


def _client_path_commands(actions: argparse._SubParsersAction[Parser]) -> None:
    """Issue 13: a client leaves the list (exit) and comes back (re-refer)."""
    leave = actions.add_parser(
        "exit",
        help="a client leaves the group's list, with an outcome (open actions close)",
        description="Outcomes: housed_social, housed_private, tenancy_sustained, transferred, "
        "disengaged, moved_away, deceased, other. The exit is in the minutes of the meeting it "
        "happened in (or the next one) and the client leaves the agenda.",
    )
    leave.add_argument("code", metavar="CODE")
    leave.add_argument("--outcome", required=True, help="one of the outcomes above")
    leave.add_argument("--date", required=True, metavar="YYYY-MM-DD",
                       help="when the client exited (not in the future)")
    leave.add_argument("--note", help="a short note (de-identified before it is saved)")
    back = actions.add_parser(
        "re-refer",
        help="bring a former client back as a referral under the same case code",
    )
    back.add_argument("code", metavar="CODE")
    back.add_argument("--yes", action="store_true",
                      help="confirm it is the same person without being asked")


def _referral_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    """Issue 13: referrals made in Slack, waiting for their details or the group's decision."""
    referrals = sub.add_parser(
        "referrals",
        help="referrals waiting for their details or the group's decision",
        description="Without an action: list them. `referrals details CODE` adds a new "
        "referral's identifiable details (prompted without echo, like client add).",
    )
    referrals.add_argument("--group", help="only this group's referrals")
    actions = referrals.add_subparsers(dest="referrals_command", metavar="ACTION",
                                       parser_class=Parser)
    details = actions.add_parser("details", help="add a new referral's identifiable details")
    details.add_argument("code", metavar="CODE")
    details.add_argument("--no-prompt", action="store_true", help="do not ask for details")
    details.add_argument("--re-refer", action="store_true",
                         help="if the details match a former client, re-refer under that code")
    details.add_argument("--new", action="store_true",
                         help="if they match a former client, keep the new case code anyway")
    _identity_options(details)


def _champion_commands(sub: argparse._SubParsersAction[Parser]) -> None:
    """Issue 14: agency champions, their mentors, and the onboarding checklist."""
    champion = sub.add_parser(
        "champion", help="agency champions and their mentors",
        description="One current champion per agency per group; adding another hands over "
        "(the history is kept). A new champion is paired with --mentor, or the group's mentor "
        "with the fewest current mentees; both are told by DM.",
    )
    actions = champion.add_subparsers(dest="champion_command", metavar="ACTION",
                                      parser_class=Parser)
    actions.required = True
    add = actions.add_parser("add", help="make a member their agency's champion in a group")
    add.add_argument("--user", required=True, metavar="U…", help="Slack member ID")
    add.add_argument("--agency", required=True, help="their agency")
    add.add_argument("--group", metavar="NAME", help="the group (needed if there are several)")
    add.add_argument("--mentor", metavar="U…", help="their mentor (default: the least busy)")
    mentor = actions.add_parser("mentor", help="pair a champion with a mentor (or another one)")
    mentor.add_argument("--user", required=True, metavar="U…", help="the champion")
    mentor.add_argument("--mentor", required=True, metavar="U…", help="a mentor of the group")
    mentor.add_argument("--group", metavar="NAME", help="if they champion in several groups")
    listing = actions.add_parser("list", help="each agency's champion, mentor and progress")
    listing.add_argument("--group", metavar="NAME", help="only this group")
    listing.add_argument("--history", action="store_true", help="former champions too")

    onboarding = sub.add_parser(
        "onboarding", help="champions' onboarding: everyone's progress, a group's checklist",
        description="Without an action: everyone's progress, item by item. `onboarding "
        "checklist --group G --from FILE` replaces the group's checklist with a YAML or TOML "
        "list of items (key, title, optional help, optional auto: attend, present or refer); "
        "--default restores the default checklist.",
    )
    onboarding.add_argument("--group", metavar="NAME", help="only this group")
    steps = onboarding.add_subparsers(dest="onboarding_command", metavar="ACTION",
                                      parser_class=Parser)
    checklist = steps.add_parser("checklist", help="replace a group's checklist (all or nothing)")
    checklist.add_argument("--group", required=True, metavar="NAME")
    checklist.add_argument("--from", dest="from_file", metavar="FILE", help=".yaml or .toml")
    checklist.add_argument("--default", action="store_true", help="back to the default")


def _identity_options(parser: argparse.ArgumentParser, *, aliases: bool = True) -> Any:
    """A client's identifiable details as options (add, edit, referral details)."""
    details = parser.add_argument_group("identifiable details (encrypted)")
    details.add_argument("--full-name")
    if aliases:
        details.add_argument("--alias", action="append", default=[], help="repeatable")
    details.add_argument(
        "--date-of-birth", "--dob", dest="date_of_birth", help="YYYY-MM-DD or day/month/year"
    )
    details.add_argument("--address")
    details.add_argument("--phone")
    details.add_argument("--email")
    details.add_argument("--medicare")
    details.add_argument("--crn", help="Centrelink customer reference number")
    details.add_argument("--notes")
    return details


# --- issue 17: the secretariat's spreadsheet in and out ------------------------------------------


def _client_import(actions: argparse._SubParsersAction[Parser]) -> None:
    imports = actions.add_parser(
        "import",
        help="add the clients of a spreadsheet (CSV or XLSX) to the register, all or none",
        description="Row 1 holds the column headings; common ones are known in any case (Case "
        "code, First name, Surname, DOB, Phone, Mobile, Address, Agency, Key worker, Aliases, "
        "…). Every row is checked first and every problem listed by row number; nothing is "
        "imported unless all rows are right. Identifiable columns go straight into the "
        "encrypted register. Example: casebot client import clients.xlsx --map "
        '"Given name=first_name" --ignore "Referral source"',
    )
    imports.add_argument("file", metavar="FILE", help="a .csv or .xlsx file")
    imports.add_argument(
        "--map", action="append", default=[], metavar="HEADING=FIELD",
        help="read a column Casebot doesn't know as this field (repeatable)",
    )
    imports.add_argument("--ignore", action="append", default=[], metavar="HEADING",
                         help="leave this column out (repeatable)")
    imports.add_argument("--sheet", metavar="NAME", help="which sheet of a workbook (default: "
                         "the first)")
    imports.add_argument("--agency", help="lead agency for rows without one")
    imports.add_argument("--key-worker", metavar="U…",
                         help="key worker (Slack member ID) for rows without one")
    imports.add_argument("--group", help="group for rows without one (default: the only group)")
    imports.add_argument("--status", default="active",
                         help="referred, active or exited, for rows without one (default active)")
    imports.add_argument("--dry-run", action="store_true",
                         help="check every row and import nothing")
    imports.add_argument("--progress", action="store_true",
                         help="show a progress bar even when standard error is not a terminal")


def _export_command(sub: argparse._SubParsersAction[Parser]) -> None:
    export = sub.add_parser(
        "export",
        help="clients, actions, meetings or minutes as a CSV or XLSX file (de-identified)",
        description="De-identified by default: case codes, agencies, statuses, people's Slack "
        "names and de-identified text only. --identifiable adds clients' details (clients and "
        "actions): for the secretariat only (--as U…, checked against the secretariat role), "
        "with a --reason that is written to the audit log; the file is readable by you only. "
        "Example: casebot export actions --format xlsx --output actions.xlsx",
    )
    export.add_argument("what", choices=("clients", "actions", "meetings", "minutes"),
                        metavar="clients|actions|meetings|minutes")
    export.add_argument("--format", choices=("csv", "xlsx"), default="csv", help="default csv")
    export.add_argument("--output", metavar="FILE",
                        help="write to FILE (needed for xlsx; a CSV without it is printed)")
    export.add_argument("--group", metavar="NAME", help="only this group")
    export.add_argument("--identifiable", action="store_true",
                        help="include clients' identifiable details (secretariat; audited)")
    export.add_argument("--reason", help="why (required with --identifiable; audited)")
    export.add_argument("--as", dest="as_user", metavar="U…",
                        help="your Slack member ID (required with --identifiable)")
