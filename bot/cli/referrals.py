"""``casebot referrals`` (list, details), ``casebot client exit`` and ``client re-refer``: the
secretariat's side of a client's path. Identifiable details are typed here, never in Slack."""

from __future__ import annotations

import argparse
from typing import Any

from bot import validation
from bot.bootstrap import Container
from bot.cli.admin import require_schema
from bot.cli.console import Console, table
from bot.cli.details import PROMPTS
from bot.domain import EXIT_OUTCOMES, InvalidInput
from bot.services import exits, referrals
from bot.wording import plural


def cmd_referrals(app: Container, args: argparse.Namespace, console: Console) -> int:
    require_schema(app)
    if args.referrals_command == "details":
        return _details(app, args, console)
    rows = [
        [
            w.referral.case_code,
            w.referral.group,
            f"{w.referral.created_at.astimezone(app.clock.now().tzinfo):%Y-%m-%d}",
            w.referral.referrer,
            w.referral.agency,
            str(len(w.referral.criteria)),
            "; ".join(w.missing) or "-",
        ]
        for w in referrals.waiting(uow=app.uow(), group=args.group)
    ]
    if not rows:
        console.print("No referrals waiting.")
        return 0
    console.print(*table(rows, ["CODE", "GROUP", "REFERRED", "BY", "AGENCY", "CRITERIA",
                                "WAITING FOR"]))
    if any("details not added yet" in r[-1] for r in rows):
        console.print("Add a referral's details with: casebot referrals details CODE")
    return 0


def _details(app: Container, args: argparse.Namespace, console: Console) -> int:
    code = validation.case_code(args.code)
    if args.re_refer and args.new:
        raise InvalidInput("give --re-refer or --new, not both")
    raw: dict[str, Any] = {
        "full_name": args.full_name, "aliases": args.alias or None,
        "date_of_birth": args.date_of_birth, "address": args.address, "phone": args.phone,
        "email": args.email, "medicare": args.medicare, "crn": args.crn, "notes": args.notes,
    }
    if not any(raw.values()) and not args.no_prompt and console.is_interactive():
        console.print(f"Enter {code}'s details (typing is hidden; Enter skips a field).")
        for name, label in PROMPTS:
            raw[name] = console.secret_prompt(f"{label}: ") or None
    identity = validation.identity({k: v for k, v in raw.items() if v is not None},
                                   today=app.clock.now().date())
    if identity.is_empty():
        raise InvalidInput(f"no details given for {code}; nothing was stored")
    former = referrals.former_clients(uow=app.uow(), identity=identity)
    if former and not args.new:
        old = former[0]
        since = f", exited {old.exited_on.isoformat()}" if old.exited_on else ""
        console.print(f"These details match former client {old.code}{since} (same registered "
                      "name and date of birth).")
        if not args.re_refer:
            if not console.is_interactive():
                raise InvalidInput(
                    f"nothing was stored: add --re-refer to bring {old.code} back under its own "
                    f"case code (the referral {code} joins it), or --new to keep {code}"
                )
            answer = _ask(console, f"Is this the same person as {old.code}? Re-refer under "
                                   f"{old.code} instead of {code}? [y/N] ")
            if answer not in ("y", "yes"):
                referrals.add_details(uow=app.uow(), clock=app.clock, code=code,
                                      identity=identity, actor=console.actor())
                console.print(f"Details stored for {code} (encrypted); kept as a new client.")
                return 0
        referrals.merge_into_former(uow=app.uow(), clock=app.clock, code=code,
                                    former=old.code, actor=console.actor())
        console.print(f"{old.code} is re-referred under its own case code with this referral; "
                      f"{code} is retired unused. The group decides on {old.code} at its next "
                      "meeting.")
        return 0
    referrals.add_details(uow=app.uow(), clock=app.clock, code=code, identity=identity,
                          actor=console.actor())
    console.print(f"Details stored for {code} (encrypted). The group decides on the referral at "
                  "its next meeting.")
    return 0


def _ask(console: Console, question: str) -> str:
    console.err.write(question)
    console.err.flush()
    return console.stdin.readline().strip().lower()


def cmd_exit(app: Container, args: argparse.Namespace, console: Console) -> int:
    code = validation.case_code(args.code)
    done = exits.exit_client(
        uow=app.uow(), clock=app.clock, case_code=code, outcome=exits.outcome_of(args.outcome),
        exited_on=validation.iso_date(args.date, field="--date"), note=args.note,
        actor=console.actor(),
    )
    where = f" (in the minutes of {done.meeting.local_start:%d %b %Y})" if done.meeting else ""
    console.print(
        f"{code} exited on {done.exited_on.isoformat()}: {EXIT_OUTCOMES[done.outcome]}{where}. "
        f"{plural(done.actions_closed, 'open action')} closed as \"client exited\"; "
        f"{code} leaves the agenda."
    )
    return 0


def cmd_re_refer(app: Container, args: argparse.Namespace, console: Console) -> int:
    code = validation.case_code(args.code)
    if not args.yes:
        if not console.is_interactive():
            raise InvalidInput(f"confirm it is the same person: add --yes (nothing changed for "
                               f"{code})")
        if _ask(console, f"Is this the same person as {code}? [y/N] ") not in ("y", "yes"):
            raise InvalidInput("not confirmed; nothing changed")
    exits.re_refer(uow=app.uow(), clock=app.clock, code=code, actor=console.actor())
    console.print(f"{code} is referred again under the same case code; the group decides at "
                  "its next meeting.")
    return 0
