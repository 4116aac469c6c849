"""Minutes as files: Markdown to read or file, CSV for a spreadsheet. De-identified like the
channel's copy: case codes, people (by their Slack names when known, else their member IDs) and
the recorded (already redacted) text only."""

from __future__ import annotations

import csv
import io
import re
from collections.abc import Mapping

from bot.domain import ActionView, Minutes, RecordView
from bot.sheets.cells import safe_cell as _cell
from bot.validation import clean_text

FORMATS = ("md", "csv")
Names = Mapping[str, str]  # Slack member ID -> the name to show; an ID not in it is shown as is
NO_NAMES: Names = {}


def people_in(minutes: Minutes) -> set[str]:
    """Everyone the minutes name (by Slack ID): to look their names up before writing them."""
    people = {minutes.facilitator} if minutes.facilitator else set()
    for agency in minutes.attendance:
        people.update(*(agency.present, agency.apologies, agency.on_leave, agency.absent))
    for client in minutes.clients:
        people.update(r.author for r in client.decisions + client.notes)
        people.update(a.owner for a in client.actions)
    return people


CSV_HEADERS = ("meeting", "client", "kind", "text", "owner_or_author", "due")
PERSON = CSV_HEADERS.index("owner_or_author")


def rows(minutes: Minutes) -> list[tuple[str, ...]]:
    """One row per decision, action or note, and one per client not reached (or withheld),
    as typed: people by Slack ID, cells not yet made safe for a spreadsheet."""
    out: list[tuple[str, ...]] = []
    day = minutes.meeting.local_start.date().isoformat()
    for client in minutes.clients:
        if client.withheld:
            out.append((day, client.case_code, "withheld (consent)", "", "", ""))
        for rec in client.decisions + client.notes:
            out.append((day, client.case_code, rec.kind, rec.text, rec.author, ""))
        for action in client.actions:
            out.append((day, client.case_code, "action", action.text, action.owner,
                        action.due_on.isoformat()))
        if not client.reached:
            out.append((day, client.case_code, "not reached", "", "", ""))
    return out


def as_csv(minutes: Minutes, names: Names = NO_NAMES) -> str:
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(CSV_HEADERS)
    for row in rows(minutes):
        person = row[PERSON]
        writer.writerow([*row[:3], _cell(row[3]), _cell(names.get(person, person)), row[5]])
    return out.getvalue()


def as_markdown(minutes: Minutes, names: Names = NO_NAMES) -> str:
    m = minutes.meeting
    counts = minutes.counts()
    lines = [f"# Minutes: {_md(m.group)}, {m.local_start:%a %d %b %Y}", ""]
    zone = m.local_start.tzinfo
    if minutes.started_at and minutes.ended_at:
        lines.append(f"{minutes.started_at.astimezone(zone):%H:%M}–"
                     f"{minutes.ended_at.astimezone(zone):%H:%M} ({m.tz})  ")
    facilitator = _name(minutes.facilitator, names) if minutes.facilitator else "-"
    lines += [f"Facilitator: {facilitator}", "", "## Attendance", ""]
    for a in minutes.attendance:
        parts = [f"present: {_people(a.present, names)}"]
        missing = "absent" if minutes.attendance_taken else "no reply"
        for label, people in (("apologies", a.apologies), ("on leave", a.on_leave),
                              (missing, a.absent)):
            if people:
                parts.append(f"{label}: {_people(people, names)}")
        lines.append(f"- **{_md(a.agency)}**: " + "; ".join(parts))
    lines += ["", "## Clients", ""]
    for client in minutes.clients:
        if not client.reached:
            continue
        lines.append(f"### {client.case_code}")
        if client.withheld:
            lines += ["", "_Details withheld (consent)._", ""]
            continue
        lines.append("")
        lines += _records("Decisions", client.decisions, names)
        lines += _actions(client.actions, names)
        lines += _records("Notes", client.notes, names)
        if not (client.decisions or client.actions or client.notes):
            lines += ["_Discussed; nothing recorded._", ""]
    if minutes.not_reached:
        lines += ["## Not reached (first on the next agenda)", "",
                  ", ".join(minutes.not_reached), ""]
    lines.append(
        f"{counts['discussed']} of {counts['clients']} clients discussed; {counts['actions']} "
        f"actions, {counts['decisions']} decisions, {counts['notes']} notes; "
        f"{len(minutes.not_reached)} carried to the next meeting."
    )
    return "\n".join(lines) + "\n"


def _name(user: str, names: Names) -> str:
    return _md(names.get(user, user))


def _people(users: tuple[str, ...], names: Names) -> str:
    return ", ".join(_name(u, names) for u in users) or "none"


def _records(title: str, records: tuple[RecordView, ...], names: Names) -> list[str]:
    if not records:
        return []
    return [f"**{title}**", ""] + [
        f"- {_md(r.text)} ({_name(r.author, names)})" for r in records
    ] + [""]


def _actions(actions: tuple[ActionView, ...], names: Names) -> list[str]:
    if not actions:
        return []
    rows = [f"- {_md(a.text)} (owner {_name(a.owner, names)}, due {a.due_on.isoformat()})"
            for a in actions]
    return ["**Actions**", "", *rows, ""]


# Markdown punctuation that can open a link, image, emphasis, code, HTML, autolink, entity,
# table, strikethrough or math anywhere in a line; and what starts a heading, list or setext
# underline at a line's start (a hyphen in "U1R-014" or "follow-up" is left alone).
_MD_INLINE = re.compile(r"([\\`*_\[\]<>|~$&@])")
_MD_LINE_START = re.compile(r"^([#+=-]|\d+(?=[.)]))")


def _md(text: str) -> str:
    r"""User text shown literally in Markdown: punctuation backslash-escaped, ``://`` and a dot
    inside a word broken (``:\/\/``, ``\.``) so bare URLs, ``www.`` and domains are not made
    links, and each line break a hard break that stays inside the list item."""
    text = _MD_INLINE.sub(r"\\\1", clean_text(text))
    text = re.sub(r"\.(?=\w)", r"\\.", text.replace("://", r":\/\/"))
    lines = [_line_start(line.strip()) for line in text.splitlines()]
    return "\\\n  ".join(line for line in lines if line)


def _line_start(line: str) -> str:
    match = _MD_LINE_START.match(line)
    if match is None:
        return line
    if match.group(1)[0].isdigit():  # "1." or "1)": an ordered list
        return match.group(1) + "\\" + line[match.end() :]
    return "\\" + line
