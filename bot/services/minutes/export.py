"""Minutes as files: Markdown to read or file, CSV for a spreadsheet. De-identified like the
channel's copy: case codes, Slack member IDs and the recorded (already redacted) text only."""

from __future__ import annotations

import csv
import io
import re
import unicodedata

from bot.domain import ActionView, Minutes, RecordView
from bot.validation import clean_text

FORMATS = ("md", "csv")


def as_csv(minutes: Minutes) -> str:
    """One row per decision, action or note, and one per client not reached."""
    out = io.StringIO()
    writer = csv.writer(out)
    writer.writerow(["meeting", "client", "kind", "text", "owner_or_author", "due"])
    day = minutes.meeting.local_start.date().isoformat()
    for client in minutes.clients:
        if client.withheld:
            writer.writerow([day, client.case_code, "withheld (consent)", "", "", ""])
        for rec in client.decisions + client.notes:
            writer.writerow([day, client.case_code, rec.kind, _cell(rec.text), rec.author, ""])
        for action in client.actions:
            writer.writerow([day, client.case_code, "action", _cell(action.text), action.owner,
                             action.due_on.isoformat()])
        if not client.reached:
            writer.writerow([day, client.case_code, "not reached", "", "", ""])
    return out.getvalue()


# Shown as nothing, so a leading one would hide a formula from a check of the first character.
_FILLERS = frozenset("\u034f\u115f\u1160\u2800\u3164\uffa0")  # Hangul fillers, blank braille
_FORMULA = frozenset("=+-@")


def _unseen(ch: str) -> bool:
    # Cf: zero-width space, (non-)joiners, word joiner, BOM, soft hyphen, direction marks.
    return ch.isspace() or unicodedata.category(ch) in ("Cf", "Cc") or ch in _FILLERS


def _cell(text: str) -> str:
    """Keep a spreadsheet from reading a cell as a formula (CSV injection).

    A cell whose first visible character is =, +, - or @ (full-width ones too), or with a tab
    before it, gets a leading apostrophe, however many blanks or invisible characters come
    first. Those invisible ones (zero-width space and joiners, BOM, marks) are dropped from the
    start; blanks are kept. Carriage returns are already line feeds (``clean_text``)."""
    text = clean_text(text)
    lead = 0
    while lead < len(text) and _unseen(text[lead]):
        lead += 1
    blanks = "".join(ch for ch in text[:lead] if ch.isspace())
    first = unicodedata.normalize("NFKC", text[lead : lead + 1])[:1]
    risky = first in _FORMULA or "\t" in blanks
    return ("'" if risky else "") + blanks + text[lead:]


def safe_cell(text: str) -> str:
    """A text cell that a spreadsheet shows as text and never runs (reports use it too)."""
    return _cell(text)


def as_markdown(minutes: Minutes) -> str:
    m = minutes.meeting
    counts = minutes.counts()
    lines = [f"# Minutes: {_md(m.group)}, {m.local_start:%a %d %b %Y}", ""]
    zone = m.local_start.tzinfo
    if minutes.started_at and minutes.ended_at:
        lines.append(f"{minutes.started_at.astimezone(zone):%H:%M}–"
                     f"{minutes.ended_at.astimezone(zone):%H:%M} ({m.tz})  ")
    lines += [f"Facilitator: {minutes.facilitator or '-'}", "", "## Attendance", ""]
    for a in minutes.attendance:
        parts = [f"present: {_people(a.present)}"]
        missing = "absent" if minutes.attendance_taken else "no reply"
        for label, people in (("apologies", a.apologies), ("on leave", a.on_leave),
                              (missing, a.absent)):
            if people:
                parts.append(f"{label}: {_people(people)}")
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
        lines += _records("Decisions", client.decisions)
        lines += _actions(client.actions)
        lines += _records("Notes", client.notes)
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


def _people(users: tuple[str, ...]) -> str:
    return ", ".join(users) or "none"


def _records(title: str, records: tuple[RecordView, ...]) -> list[str]:
    if not records:
        return []
    return [f"**{title}**", ""] + [f"- {_md(r.text)} ({r.author})" for r in records] + [""]


def _actions(actions: tuple[ActionView, ...]) -> list[str]:
    if not actions:
        return []
    rows = [f"- {_md(a.text)} (owner {a.owner}, due {a.due_on.isoformat()})" for a in actions]
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
