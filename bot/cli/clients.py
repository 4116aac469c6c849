"""``casebot client …``: register, list, show (and audited reveal) and purge clients."""

from __future__ import annotations

import argparse
import datetime as dt
import difflib
import json
from pathlib import Path
from typing import Any

from bot import validation
from bot.bootstrap import Container
from bot.cli import referrals
from bot.cli.admin import require_schema
from bot.cli.console import Console, table
from bot.cli.details import PROMPTS
from bot.domain import IDENTITY_FIELDS, ClientSummary, Consent, ConsentChange, InvalidInput
from bot.services import consent, register
from storage.keyfile import FileKeySource

JSON_FIELDS = (
    "code",
    "agency",
    "key_worker",
    "group",
    "status",
    "consent",
    *IDENTITY_FIELDS,
)
CONSENT_FIELDS = ("given_on", "method", "agencies", "expires_on")
def cmd_client(app: Container, args: argparse.Namespace, console: Console) -> int:
    require_schema(app)
    if args.client_command == "import":
        from bot.cli import imports  # issue 17: reads spreadsheets

        return imports.cmd_import(app, args, console)
    if args.client_command in ("edit", "status"):
        from bot.cli import upkeep  # it builds on this module's prompts and checks

        return {"edit": upkeep.client_edit, "status": upkeep.client_status}[
            args.client_command](app, args, console)
    handler = {
        "add": _add, "list": _list, "show": _show, "purge": _purge, "consent": _consent_cmd,
        "override": _override,
        "exit": referrals.cmd_exit, "re-refer": referrals.cmd_re_refer,
    }[args.client_command]
    return handler(app, args, console)


def _consent(raw: Any, *, where: str) -> Consent | None:
    if raw is None:
        return None
    if not isinstance(raw, dict):
        raise InvalidInput(f"{where}consent must be an object with {', '.join(CONSENT_FIELDS)}")
    _check_keys(raw, CONSENT_FIELDS, where=f"{where}consent: ")
    if not raw.get("given_on"):
        raise InvalidInput(f"{where}consent needs given_on (YYYY-MM-DD)")
    given = validation.iso_date(str(raw["given_on"]), field="consent given_on")
    expires = (
        validation.iso_date(str(raw["expires_on"]), field="consent expires_on")
        if raw.get("expires_on")
        else None
    )
    if expires and expires < given:
        raise InvalidInput(f"{where}consent expires before it was given")
    agencies = raw.get("agencies") or []
    if isinstance(agencies, str) or not all(isinstance(a, str) for a in agencies):
        raise InvalidInput(f"{where}consent agencies must be a list of agency names")
    method = str(raw.get("method") or "written").strip()[:40]
    return Consent(given_on=given, method=method, agencies=tuple(agencies), expires_on=expires)


def _check_keys(raw: dict[str, Any], allowed: tuple[str, ...], *, where: str) -> None:
    for key in raw:
        if key not in allowed:
            close = difflib.get_close_matches(key, allowed, n=1)
            hint = f"; did you mean {close[0]!r}?" if close else f" (fields: {', '.join(allowed)})"
            raise InvalidInput(f"{where}unknown field {key!r}{hint}")


def _new_client(
    raw: dict[str, Any], defaults: argparse.Namespace, *, label: str, today: dt.date
) -> register.NewClient:
    where = f"{label}: " if label else ""
    _check_keys(raw, JSON_FIELDS, where=where)
    code = raw.get("code")
    if not isinstance(code, str) or not code.strip():
        raise InvalidInput(f"{where}code is required (a case code such as U1R-014)")
    try:
        code = validation.case_code(code)
        where = f"{label} ({code}): " if label else f"{code}: "
        agency = raw.get("agency") or defaults.agency
        key_worker = raw.get("key_worker") or defaults.key_worker
        if not agency:
            raise InvalidInput('the lead agency is required (--agency or "agency")')
        if not key_worker:
            raise InvalidInput('the key worker is required (--key-worker or "key_worker")')
        return register.NewClient(
            code=code,
            agency=str(agency),
            # From a file, the field is named rather than its value echoed (README's promise).
            key_worker=validation.slack_user_id(
                str(key_worker), field="key_worker" if raw.get("key_worker") else None
            ),
            group=raw.get("group") or defaults.group,
            status=validation.client_status(str(raw.get("status") or defaults.status)),
            identity=validation.identity(raw, today=today),
            consent=_consent(raw.get("consent"), where=""),
            label=label,
        )
    except InvalidInput as exc:
        raise InvalidInput(where + exc.message) from None


def read_json_file(path: str) -> Any:
    """A JSON file, or one kind line saying why not."""
    try:
        # utf-8-sig: Windows tools (Notepad, Excel) start UTF-8 files with a byte-order mark.
        return json.loads(Path(path).read_text(encoding="utf-8-sig"))
    except FileNotFoundError:
        raise InvalidInput(f"{path} does not exist") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise InvalidInput(f"{path} cannot be read ({type(exc).__name__})") from None
    except json.JSONDecodeError as exc:
        raise InvalidInput(
            f"{path} is not valid JSON (line {exc.lineno}, column {exc.colno})"
        ) from None


def _from_json(path: str, args: argparse.Namespace, today: dt.date) -> list[register.NewClient]:
    data = read_json_file(path)
    items = data if isinstance(data, list) else [data]
    if not items or not all(isinstance(i, dict) for i in items):
        raise InvalidInput(f"{path} must hold one client object or a list of them")
    many = isinstance(data, list)
    return [
        _new_client(item, args, label=f"item {n}" if many else "", today=today)
        for n, item in enumerate(items, start=1)
    ]


def _from_options(args: argparse.Namespace, console: Console, today: dt.date) -> register.NewClient:
    if not args.code:
        raise InvalidInput("give --code (or --from-json FILE)")
    raw: dict[str, Any] = {
        "code": args.code,
        "full_name": args.full_name,
        "aliases": args.alias or None,
        "date_of_birth": args.date_of_birth,
        "address": args.address,
        "phone": args.phone,
        "email": args.email,
        "medicare": args.medicare,
        "crn": args.crn,
        "notes": args.notes,
    }
    given = any(raw[name] for name, _ in PROMPTS)
    if not given and not args.no_prompt and console.is_interactive():
        console.print("Enter the client's details (typing is hidden; Enter skips a field).")
        for name, label in PROMPTS:
            raw[name] = console.secret_prompt(f"{label}: ") or None
    if args.consent_date:
        raw["consent"] = {
            "given_on": args.consent_date,
            "method": args.consent_method,
            "agencies": args.consent_agency,
            "expires_on": args.consent_expires,
        }
    elif args.consent_agency or args.consent_expires:
        raise InvalidInput("give --consent-date with the other consent options")
    return _new_client({k: v for k, v in raw.items() if v is not None}, args, label="", today=today)


def _add(app: Container, args: argparse.Namespace, console: Console) -> int:
    today = app.clock.now().date()
    if args.from_json:
        if args.code:
            raise InvalidInput("give either --code or --from-json, not both")
        items = _from_json(args.from_json, args, today)
    else:
        items = [_from_options(args, console, today)]
    added = register.add_clients(
        uow=app.uow(), clock=app.clock, clients=items, actor=console.actor()
    )
    if len(added) == 1:
        item = items[0]
        console.print(
            f"Added {item.code} ({item.status.value}; lead agency {item.agency}; key worker "
            f"{item.key_worker}). Identifiable details are stored encrypted."
        )
        if item.identity.is_empty():
            console.print("No identifiable details were given: only the case code is registered.")
        if item.consent is None:
            console.print(
                f"No consent recorded yet: {item.code} appears in the channel by case code only "
                f"until you run: casebot client consent {item.code} --date YYYY-MM-DD --agency …"
            )
    else:
        console.print(f"Added {len(added)} clients: {', '.join(added)}.")
        missing = [i.code for i in items if i.consent is None]
        if missing:
            console.print(
                f"{len(missing)} of them {'has' if len(missing) == 1 else 'have'} no consent "
                "recorded yet: shown in the channel by case code only until "
                "`casebot client consent CODE …` is run."
            )
    return 0


def _consent_text(summary: ClientSummary, today: dt.date) -> str:
    consent = summary.consent
    if consent is None:
        return "none recorded"
    text = f"{consent.method} {consent.given_on.isoformat()}"
    if consent.expires_on:
        state = "expired" if not consent.is_current(today) else "expires"
        text += f" ({state} {consent.expires_on.isoformat()})"
    return text


def _list(app: Container, args: argparse.Namespace, console: Console) -> int:
    today = app.clock.now().date()
    summaries = register.list_clients(
        uow=app.uow(),
        status=validation.client_status(args.status) if args.status else None,
        group=args.group,
    )
    rows = [
        [
            s.case_code,
            s.status.value + (" (purged)" if s.purged else ""),
            s.group or "-",
            s.lead_agency,
            s.key_worker,
            _consent_text(s, today),
        ]
        for s in summaries
    ]
    console.print(*table(rows, ["CODE", "STATUS", "GROUP", "LEAD AGENCY", "KEY WORKER", "CONSENT"]))
    return 0


def _summary_lines(summary: ClientSummary, today: dt.date) -> list[str]:
    consent = summary.consent
    return [
        f"{summary.case_code}",
        f"  status        {summary.status.value}" + (" (details purged)" if summary.purged else ""),
        f"  group         {summary.group or '-'}",
        f"  lead agency   {summary.lead_agency}",
        f"  key worker    {summary.key_worker}",
        f"  consent       {_consent_text(summary, today)}",
        f"  shared with   {', '.join(consent.agencies) if consent else '-'}",
    ]


def _show(app: Container, args: argparse.Namespace, console: Console) -> int:
    code = validation.case_code(args.code)
    today = app.clock.now().date()
    if not args.reveal:
        if args.reason:
            raise InvalidInput("--reason goes with --reveal")
        console.print(
            *_summary_lines(register.show_client(uow=app.uow(), code=code), today),
            *_history_lines(consent.history(uow=app.uow(), clock=app.clock, code=code)),
        )
        return 0
    revealed = register.reveal_client(
        uow=app.uow(), clock=app.clock, code=code, actor=console.actor(), reason=args.reason
    )
    details = revealed.identity.to_dict()
    lines = _summary_lines(revealed.summary, today)
    lines.append("  identifiable details (this reveal is recorded in the audit log):")
    for name, label in PROMPTS:
        value = details.get(name)
        if isinstance(value, list):
            value = ", ".join(value)
        lines.append(f"    {label.split(' (')[0].split(',')[0]:<24} {value or '-'}")
    console.print(*lines)
    return 0


def _date(raw: str | None, option: str) -> dt.date | None:
    return validation.iso_date(raw, field=option) if raw else None


def _consent_cmd(app: Container, args: argparse.Namespace, console: Console) -> int:
    code = validation.case_code(args.code)
    kind = (
        ConsentChange.RENEWED if args.renew
        else ConsentChange.NARROWED if args.narrow
        else ConsentChange.WITHDRAWN if args.withdraw
        else None
    )
    request = consent.ConsentRequest(
        change=kind,
        on=_date(args.date, "--date"),
        method=args.method,
        agencies=tuple(args.agency),
        expires_on=_date(args.expires, "--expires"),
        review_on=_date(args.review, "--review"),
    )
    state = consent.change(
        uow=app.uow(), clock=app.clock, code=code, request=request, actor=console.actor()
    )
    latest = state.history[-1]
    if latest.change is ConsentChange.WITHDRAWN:
        console.print(
            f"Consent withdrawal recorded for {code} on {latest.given_on.isoformat()}: they are "
            "off future agendas and shown by case code only. Their retention period runs from "
            "that date (see: casebot group retention)."
        )
        return 0
    words = {
        ConsentChange.GIVEN: "Consent recorded", ConsentChange.RENEWED: "Consent renewed",
        ConsentChange.NARROWED: "Consent narrowed",
    }[latest.change]
    review = f"; review on {latest.review_on.isoformat()}" if latest.review_on else ""
    expires = f" (expires {latest.expires_on.isoformat()})" if latest.expires_on else ""
    console.print(
        f"{words} for {code}: {latest.method} {latest.given_on.isoformat()}{expires}; "
        f"covers {', '.join(latest.agencies)}{review}."
    )
    return 0


def _history_lines(state: consent.ConsentState) -> list[str]:
    lines = [f"  consent now   {state.state}"]
    if not state.history:
        return lines
    lines.append("  consent history:")
    for e in state.history:
        extra = [f"expires {e.expires_on.isoformat()}"] if e.expires_on else []
        extra += [f"review {e.review_on.isoformat()}"] if e.review_on else []
        extra += ["key worker reminded"] if e.reminded else []
        agencies = ", ".join(e.agencies) or "-"
        tail = f" ({'; '.join(extra)})" if extra else ""
        lines.append(
            f"    {e.given_on.isoformat()}  {e.change.value:<9}  {e.method:<10}  {agencies}{tail}"
        )
    return lines


def _override(app: Container, args: argparse.Namespace, console: Console) -> int:
    code = validation.case_code(args.code)
    done = consent.override(
        uow=app.uow(), clock=app.clock, code=code, meeting=args.meeting, reason=args.reason,
        actor=console.actor(),
    )
    console.print(
        f"Override recorded: {code} may be discussed in detail at {done.group}'s meeting on "
        f"{done.meeting_at:%a %d %b %Y %H:%M} only. It ends with that meeting.",
        f"Reason as the minutes and the audit log will show it: {done.reason}",
    )
    return 0


def _purge(app: Container, args: argparse.Namespace, console: Console) -> int:
    code = validation.case_code(args.code)
    in_file = isinstance(app.vault.source, FileKeySource)
    if not args.yes:
        if not console.is_interactive():
            raise InvalidInput("purging cannot be undone: add --yes to confirm")
        also = " and replaces the master key file" if in_file else ""
        console.err.write(
            f"This destroys {code}'s details for good{also}. Type the case code to confirm: "
        )
        console.err.flush()
        if console.stdin.readline().strip().upper() != code:
            raise InvalidInput("not confirmed; nothing was purged")
    purged = register.purge_client(
        uow=app.uow(), clock=app.clock, code=code, actor=console.actor(), reason=args.reason
    )
    rotation = purged.rotation
    if rotation is None:
        console.print(
            f"{code}'s details were deleted, but the purge is NOT final yet: the master key in "
            f"{app.vault.source.describe()} still opens copies in database backups made before "
            "now.",
            "To finish it: casebot keys rotate --new-key-file PATH, then put PATH's content in "
            "CASEBOT_MASTER_KEY, delete the old value (and its old versions) from your secrets "
            "manager, and restart Casebot. Until then `casebot status` lists it.",
        )
        return 0
    if rotation.old_key_destroyed:
        done = f"{code} is purged, and it is final: its data key is gone and the old master key "
        done += f"{rotation.old_key_id} was destroyed"
    else:
        done = f"{code} is purged: its data key is gone and the old master key "
        done += f"{rotation.old_key_id} was replaced"
    console.print(
        f"{done} (new key {rotation.new_key_id} in {rotation.new_key_file}).",
        "Back up the new key file now: your backups of the old key file can no longer open "
        "anything, and database backups taken before this purge can no longer be opened by any "
        "key.",
    )
    if not rotation.old_key_destroyed:
        console.print(
            "The old key file was read-only, so it was removed without being overwritten: the "
            "purge is final once no copy of it remains."
        )
    return 0
