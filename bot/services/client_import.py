"""``casebot client import``: the group's client spreadsheet into the encrypted register.

Every row is checked before anything is written, and every problem is listed with its row
number as the spreadsheet shows it; then all the clients are added in one transaction, or none.
Messages name the row and the column, never what the cell holds: it may be a client's detail.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass, field
from typing import Any, Protocol

from bot import validation
from bot.domain import IDENTITY_FIELDS, ClientIdentity, ClientStatus, Consent, InvalidInput
from bot.ports import Clock
from bot.services import privacy, register
from bot.services.import_columns import Column
from bot.sheets.reading import Cell, Row, Sheet
from bot.wording import plural
from storage.models import Group
from storage.uow import UnitOfWork


class Progress(Protocol):
    """Where the import reports how far it is (a bar on a terminal, or nothing)."""

    def start(self, label: str, total: int) -> None: ...

    def advance(self) -> None: ...

    def finish(self) -> None: ...


class Quiet:
    def start(self, label: str, total: int) -> None:
        pass

    def advance(self) -> None:
        pass

    def finish(self) -> None:
        pass


@dataclass(frozen=True)
class Defaults:
    """What a row without that column (or with it empty) gets: the command's options."""

    agency: str | None = None
    key_worker: str | None = None
    group: str | None = None
    status: str = "active"


@dataclass(frozen=True)
class Imported:
    codes: tuple[str, ...]
    without_consent: int
    saved: bool  # False on a dry run


def _row(problem: tuple[int, str]) -> int:
    return problem[0]


class ImportProblems(InvalidInput):
    """Rows that need fixing, every one of them; nothing was written."""

    def __init__(self, filename: str, problems: Sequence[tuple[int, str]], rows: int) -> None:
        bad_rows = len({n for n, _ in problems})
        listed = "\n".join(f"  row {n}: {text}" for n, text in sorted(problems, key=_row))
        super().__init__(
            f"{filename}: nothing was imported; {plural(bad_rows, 'row')} of {rows} "
            f"{'needs' if bad_rows == 1 else 'need'} fixing:\n{listed}\n"
            "Fix them in the spreadsheet and import the whole file again "
            "(--dry-run checks it without importing)."
        )
        self.problems = tuple(problems)


# --- cells to text ------------------------------------------------------------------------------


def _text(cell: Cell) -> str:
    if cell is None:
        return ""
    if isinstance(cell, bool):
        return "yes" if cell else "no"
    if isinstance(cell, float) and cell.is_integer():
        return str(int(cell))
    if isinstance(cell, dt.datetime):
        return cell.date().isoformat() if cell.time() == dt.time() else cell.isoformat()
    if isinstance(cell, dt.date | dt.time):
        return cell.isoformat()
    return str(cell).strip()


_MONTHS = {m: n for n, m in enumerate(
    ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1)}


def _date(cell: Cell) -> dt.date:
    """A date as Australians type it (16/10/1981, 16-10-1981, 16 Oct 1981, 1981-10-16) or an
    Excel date cell. A two-digit year is refused: 16/10/81 may be 1881, 1981 or 2081."""
    if isinstance(cell, dt.datetime):
        return cell.date()
    if isinstance(cell, dt.date):
        return cell
    text = _text(cell)
    try:
        return dt.date.fromisoformat(text)
    except ValueError:
        pass
    numeric = re.fullmatch(r"(\d{1,2})[/.\-](\d{1,2})[/.\-](\d{2}|\d{4})", text)
    worded = re.fullmatch(r"(\d{1,2})[\s\-]+([A-Za-z]{3,9})[\s\-,]+(\d{2}|\d{4})", text)
    if numeric:
        day, month, year = (int(g) for g in numeric.groups())
        short = len(numeric.group(3)) == 2
    elif worded and worded.group(2)[:3].lower() in _MONTHS:
        day, year = int(worded.group(1)), int(worded.group(3))
        month = _MONTHS[worded.group(2)[:3].lower()]
        short = len(worded.group(3)) == 2
    else:
        raise InvalidInput("is not a date; write it as 16/10/1981 (day first) or 1981-10-16")
    if short:
        raise InvalidInput("has a two-digit year; write the year in full (16/10/1981)")
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InvalidInput(
            "is not a real date (check the day and month; the day comes first)"
        ) from None


def _phone(cell: Cell) -> str:
    text = _text(cell)
    # A phone typed into a number cell loses its leading 0 (412 345 678 for 0412 345 678):
    # nine digits starting as an Australian area or mobile code get it back.
    if isinstance(cell, int | float) and re.fullmatch(r"[23478]\d{8}", text):
        return "0" + text
    return text


# --- rows to clients ----------------------------------------------------------------------------


@dataclass
class _Lookups:
    """What rows are checked against, read once: agencies, members, groups, the register."""

    agencies: dict[str, str]  # lower-case name -> name
    members: set[str]  # Slack IDs
    member_names: dict[str, list[str]]  # lower-case display/real name -> Slack IDs
    groups: dict[str, Group]  # lower-case name -> group
    active_groups: list[Group]
    taken: set[str]  # case codes already registered (purged ones too)
    people: dict[tuple[str, dt.date], str]  # (name, date of birth) -> case code in the register
    today: dt.date


def _person_key(identity: ClientIdentity) -> tuple[str, dt.date] | None:
    name = " ".join((identity.full_name or "").casefold().split())
    if not name or identity.date_of_birth is None:
        return None
    return name, identity.date_of_birth


def _lookups(uow: UnitOfWork, codes: Iterable[str], today: dt.date) -> _Lookups:
    members = list(uow.members.all())
    names: dict[str, list[str]] = {}
    for member in members:
        for name in {member.display_name, member.real_name}:
            if name:
                names.setdefault(" ".join(name.casefold().split()), []).append(
                    member.slack_user_id
                )
    groups = list(uow.groups.all())
    registered = {key: c.case_code for c in privacy.known_clients(uow)
                  if (key := _person_key(c.identity))}

    return _Lookups(
        agencies={name.lower(): name for name in uow.agencies.names()},
        members={m.slack_user_id for m in members},
        member_names=names,
        groups={g.name.lower(): g for g in groups},
        active_groups=[g for g in groups if g.archived_at is None],
        taken=uow.clients.existing_codes(list(codes)),
        people=registered,
        today=today,
    )


_VERBS = frozenset({"is", "must", "has", "contains", "doesn't"})


@dataclass
class _RowCheck:
    """One row's problems, each naming the column it is in."""

    row: Row
    columns: dict[str, Column]
    problems: list[tuple[int, str]] = field(default_factory=list)

    def cell(self, name: str) -> Cell:
        column = self.columns.get(name)
        if column is None or not 0 <= column.index < len(self.row.cells):
            return None
        return self.row.cells[column.index]

    def has(self, name: str) -> bool:
        return _text(self.cell(name)) != ""

    def problem(self, name: str | None, message: str) -> None:
        """Note a problem with the column holding ``name`` ("DOB (date_of_birth) is not a
        date…"); the checks' own messages start with the field's name, said once here."""
        column = self.columns.get(name) if name else None
        if column is None or name is None:
            self.problems.append((self.row.number, message))
            return
        message = message.removeprefix(f"{name} ")
        joiner = " " if message.split(" ", 1)[0] in _VERBS else ": "
        where = column.heading if column.heading.startswith("--") else f"{column.heading} ({name})"
        self.problems.append((self.row.number, f"{where}{joiner}{message}"))

    def checked(self, name: str, check: Callable[[Cell], Any]) -> Any:
        """``check`` of the cell, or None with the problem noted (never the cell's value)."""
        try:
            return check(self.cell(name))
        except InvalidInput as exc:
            self.problem(name, exc.message)
            return None


def _identity_field(name: str, text: str, today: dt.date) -> Any:
    """One identity field checked as `client add` checks it (its message names the field)."""
    return getattr(validation.identity({name: text}, today=today), name)


def _identity(check: _RowCheck, today: dt.date) -> ClientIdentity:
    values: dict[str, Any] = {}

    def field(name: str, text: str, column: str | None = None) -> None:
        try:
            values[name] = _identity_field(name, text, today)
        except InvalidInput as exc:
            check.problem(column or name, exc.message)

    for name in IDENTITY_FIELDS:
        if name == "full_name" or not check.has(name):
            continue
        if name == "date_of_birth":
            born = check.checked(name, _date)
            if born is not None:
                field(name, born.isoformat())
        elif name == "phone":
            field(name, _phone(check.cell(name)))
        elif name == "aliases":
            field(name, _text(check.cell(name)).replace(";", ","))
        else:
            field(name, _text(check.cell(name)))
    if check.has("full_name"):
        field("full_name", _text(check.cell("full_name")))
    else:
        parts = [n for n in ("first_name", "last_name") if check.has(n)]
        if parts:
            field("full_name", " ".join(_text(check.cell(n)) for n in parts), parts[0])
    return ClientIdentity(**{k: v for k, v in values.items() if v is not None})


def _closest(name: str, known: Iterable[str]) -> str:
    match = difflib.get_close_matches(name.lower(), list(known), n=1, cutoff=0.6)
    return match[0] if match else ""


def _agency(check: _RowCheck, name: str, text: str, found: _Lookups, what: str) -> str | None:
    agency = found.agencies.get(" ".join(text.split()).lower())
    if agency is None:
        close = _closest(text, found.agencies)
        hint = f"; did you mean {found.agencies[close]!r}?" if close else ""
        check.problem(name, f"{what} is not a Casebot agency{hint} (see: casebot agency list; "
                            "add one with: casebot agency add NAME)")
    return agency


def _key_worker(check: _RowCheck, text: str, found: _Lookups) -> str | None:
    """A member's Slack ID, or their Slack display or real name when only one member has it."""
    user = text.removeprefix("@").strip()
    if user in found.members:
        return user
    if validation.SLACK_USER.fullmatch(user):
        check.problem("key_worker", f"{user} is not a Casebot member yet (add them with: casebot "
                                    "member add --user U… --agency … --role worker)")
        return None
    matches = found.member_names.get(" ".join(user.casefold().split()), [])
    if len(matches) == 1:
        return matches[0]
    if matches:
        check.problem("key_worker", f"that name is shared by {', '.join(sorted(matches))}; give "
                                    "the Slack member ID instead")
    else:
        check.problem("key_worker", "is not a member's Slack ID (like U0123ABCD) or their Slack "
                                    "name (see: casebot member list)")
    return None


def _group(check: _RowCheck, text: str, found: _Lookups) -> str | None:
    group = found.groups.get(" ".join(text.split()).lower())
    if group is None:
        close = _closest(text, found.groups)
        hint = f"; did you mean {found.groups[close].name!r}?" if close else ""
        check.problem("group", f"is not a Casebot group{hint} (see: casebot group list)")
        return None
    if group.archived_at is not None:
        check.problem("group", f"{group.name} is archived; it takes no new clients")
        return None
    return group.name


def _consent(check: _RowCheck, lead: str | None, found: _Lookups) -> Consent | None:
    if not check.has("consent_date"):
        if any(check.has(n) for n in ("consent_agencies", "consent_expires", "consent_method")):
            check.problem(None, "consent details without a consent date; add the date consent "
                                "was given, or leave the consent columns empty")
        return None
    given = check.checked("consent_date", _date)
    expires = check.checked("consent_expires", _date) if check.has("consent_expires") else None
    if given and given > found.today:
        check.problem("consent_date", "is in the future")
    if given and expires and expires < given:
        check.problem("consent_expires", "is before the consent was given")
    agencies: list[str] = []
    for part in re.split(r"[;,\n]", _text(check.cell("consent_agencies"))):
        if part.strip():
            agency = _agency(check, "consent_agencies", part, found, "an agency named there")
            if agency and agency != lead and agency not in agencies:
                agencies.append(agency)
    method = " ".join(validation.clean_text(_text(check.cell("consent_method"))).split())
    if given is None:
        return None
    return Consent(given_on=given, method=method[:40] or "written", agencies=tuple(agencies),
                   expires_on=expires)


def _status(cell: Cell, default: str) -> ClientStatus:
    try:
        return validation.client_status(_text(cell) or default)
    except InvalidInput:
        raise InvalidInput(
            f"is not a status; use {', '.join(s.value for s in ClientStatus)}"
        ) from None


def _client(check: _RowCheck, defaults: Defaults, found: _Lookups) -> register.NewClient | None:
    code = None
    if not check.has("code"):
        check.problem("code", "is empty; every client needs a case code such as U1R-014")
    else:
        code = check.checked("code", lambda c: validation.case_code(_text(c)))
    identity = _identity(check, found.today)
    agency = defaults.agency
    if check.has("agency"):
        agency = _agency(check, "agency", _text(check.cell("agency")), found, "the lead agency")
    elif not agency:
        check.problem(None, "no lead agency: fill in the Agency column or give --agency")
    worker = defaults.key_worker
    if check.has("key_worker"):
        worker = _key_worker(check, _text(check.cell("key_worker")), found)
    elif not worker:
        check.problem(None, "no key worker: fill in the Key worker column or give --key-worker")
    group = defaults.group
    if check.has("group"):
        group = _group(check, _text(check.cell("group")), found)
    elif not group and len(found.active_groups) > 1:
        check.problem(None, "no group: fill in the Group column or give --group")
    status = check.checked("status", lambda c: _status(c, defaults.status))
    consent = _consent(check, agency, found)
    if code and register.code_names_client(code, identity):
        check.problem("code", "contains part of the client's name or an alias; case codes are "
                              "shown in Slack, so choose one that says nothing about the person")
    if check.problems or not (code and agency and worker and status):
        return None
    return register.NewClient(
        code=code, agency=agency, key_worker=worker, identity=identity, group=group,
        status=status, consent=consent, label=f"row {check.row.number}",
    )


def _checked_defaults(columns: dict[str, Column], defaults: Defaults, found: _Lookups,
                      filename: str) -> Defaults:
    """The options rows fall back on, checked once (not on every row); clients join the only
    group when there is one and neither a Group column nor --group says otherwise."""
    options = {n: Column(-1, "--" + n.replace("_", "-"), n) for n in ("agency", "key_worker",
                                                                       "group")}
    probe = _RowCheck(Row(1, ()), options)
    agency = defaults.agency and _agency(probe, "agency", defaults.agency, found,
                                         "the lead agency")
    worker = defaults.key_worker and _key_worker(probe, defaults.key_worker, found)
    group = defaults.group and _group(probe, defaults.group, found)
    try:
        _status(None, defaults.status)
    except InvalidInput as exc:
        probe.problem(None, f"--status {exc.message}")
    if probe.problems:
        raise InvalidInput("; ".join(text for _, text in probe.problems))
    if "group" not in columns and not group and len(found.active_groups) > 1:
        names = ", ".join(repr(g.name) for g in found.active_groups)
        raise InvalidInput(
            f"{filename}: there are {len(found.active_groups)} groups ({names}); say which one "
            "these clients join with --group NAME, or add a Group column. Nothing was imported."
        )
    return Defaults(agency or None, worker or None, group or None, defaults.status)


def _duplicates(clients: Sequence[tuple[Row, register.NewClient]], found: _Lookups,
                problems: list[tuple[int, str]]) -> None:
    first_code: dict[str, int] = {}
    first_person: dict[tuple[str, dt.date], int] = {}
    for row, item in clients:
        if item.code in first_code:
            problems.append((row.number, f"case code {item.code} is also on row "
                                         f"{first_code[item.code]}"))
        else:
            first_code[item.code] = row.number
        if item.code in found.taken:
            problems.append((row.number, f"case code {item.code} is already in the register"))
        person = _person_key(item.identity)
        if person is None:
            continue
        if person in first_person:
            problems.append((row.number, "same name and date of birth as row "
                                         f"{first_person[person]} (the same person twice?)"))
        else:
            first_person[person] = row.number
        if person in found.people:
            problems.append((row.number, "same name and date of birth as "
                                         f"{found.people[person]}, already in the register"))


def import_clients(
    *,
    uow: UnitOfWork,
    clock: Clock,
    sheet: Sheet,
    columns: Sequence[Column],
    defaults: Defaults,
    actor: str,
    dry_run: bool = False,
    progress: Progress | None = None,
) -> Imported:
    """Check every row, then add them all in one transaction (or, on a dry run, none)."""
    progress = progress or Quiet()
    if not sheet.rows:
        raise InvalidInput(f"{sheet.name} has headings but no clients below them")
    by_field = {c.field: c for c in columns}
    now = clock.now()
    today = now.date()
    with uow:
        uow.secrets.verify()
        code_cells = [_text(r.cells[by_field["code"].index]).upper()
                      for r in sheet.rows if by_field["code"].index < len(r.cells)]
        found = _lookups(uow, code_cells, today)
        defaults = _checked_defaults(by_field, defaults, found, sheet.name)
        problems: list[tuple[int, str]] = []
        good: list[tuple[Row, register.NewClient]] = []
        progress.start("Checking", len(sheet.rows))
        for row in sheet.rows:
            check = _RowCheck(row, by_field)
            item = _client(check, defaults, found)
            problems += check.problems
            if item is not None:
                good.append((row, item))
            progress.advance()
        progress.finish()
        _duplicates(good, found, problems)
        if problems:
            raise ImportProblems(sheet.name, problems, len(sheet.rows))
        clients = [item for _, item in good]
        without = sum(1 for c in clients if c.consent is None)
        if dry_run:
            return Imported(tuple(c.code for c in clients), without, saved=False)
        progress.start("Saving", len(clients))
        added = register.add_in(uow, now=now, clients=clients, actor=actor,
                                on_added=progress.advance)
        uow.audit.add(at=now, actor=actor, action="clients_imported",
                      detail=f"{plural(len(added), 'client')} from a spreadsheet")
        uow.commit()
        progress.finish()
    return Imported(tuple(added), without, saved=True)

