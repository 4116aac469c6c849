"""Formatting helpers shared by every renderer. All user text passes through :func:`escape`."""

from __future__ import annotations

import datetime as dt

from bot.domain import ActionView, MeetingRef
from bot.validation import clean_text
from bot.wording import plural  # noqa: F401  (re-exported for the renderers)


def escape(text: str) -> str:
    """Make user text literal in mrkdwn: no ``<!channel>`` pings, no forged ``<@U…>`` mentions,
    and no control or bidi-override characters (the services drop them on input; this also
    covers rows stored before they did)."""
    return clean_text(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")


def marked(text: str, spans: tuple[tuple[int, int, str], ...]) -> str:
    """Escaped text with the places de-identification changed in bold, for the author's check."""
    out, last = [], 0
    for start, end, _kind in sorted(spans):
        if start < last or end > len(text):
            continue  # overlapping or stale spans: show the text plain rather than guess
        out += [escape(text[last:start]), "*", escape(text[start:end]), "*"]
        last = end
    out.append(escape(text[last:]))
    return "".join(out)


def mention(user_id: str) -> str:
    return f"<@{user_id}>"


def mentions(user_ids: tuple[str, ...] | list[str], empty: str = "none") -> str:
    return ", ".join(mention(u) for u in user_ids) if user_ids else empty


def day(value: dt.date) -> str:
    """``Fri 4 Dec``: near dates only (agendas, due dates); see :func:`day_with_year`."""
    return f"{value:%a} {value.day} {value:%b}"


def day_with_year(value: dt.date) -> str:
    return f"{value:%a} {value.day} {value:%b} {value.year}"


HALF_YEAR = 182  # days


def due_day(value: dt.date, today: dt.date | None) -> str:
    """A due date as ``Fri 3 Dec``, or ``Fri 3 Dec 2027`` when it is more than about six months
    from ``today`` (or today is unknown). Typed without a year, a day and month mean the nearest
    such date (bot/dates.py): those are exactly the ones shown without one."""
    if today is not None and abs((value - today).days) <= HALF_YEAR:
        return day(value)
    return day_with_year(value)


def due_of(action: ActionView) -> str:
    return due_day(action.due_on, action.as_of)


def zone_name(tz: str) -> str:
    return tz.rsplit("/", 1)[-1].replace("_", " ")


def when(meeting: MeetingRef) -> str:
    """``Tue 1 Dec, 10:00 (Brisbane time)``."""
    local = meeting.local_start
    return f"{day(local.date())}, {local:%H:%M} ({zone_name(meeting.tz)} time)"


def quote(text: str) -> str:
    """Escaped user text as a mrkdwn block quote (every line quoted)."""
    return "\n".join("> " + line if line.strip() else ">" for line in escape(text).splitlines())


def truncate(text: str, limit: int, marker: str = "…") -> str:
    """At most ``limit`` characters, never ending inside an escaped entity such as ``&amp;``."""
    if len(text) <= limit:
        return text
    cut = text[: limit - len(marker)]
    amp = cut.rfind("&", max(0, len(cut) - 5))
    if amp != -1 and ";" not in cut[amp:]:
        cut = cut[:amp]
    return cut + marker


