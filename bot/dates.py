"""Due-date phrases, as case workers type them, turned into dates.

:func:`parse_due` reads a whole phrase; :func:`split_due` finds one at the end of an action
("call housing provider by Friday"). Rules:

* Connectors: optional leading "by", "due", "before", "on", "until" or "no later than", which may
  be stacked ("due by", "due on", "due before"). All mean "due that day": "before Friday" is Friday.
  Case is ignored, and so is trailing ".", "!", "," or ";".
* "today", "tomorrow".
* Weekdays, full or short ("Friday", "fri", "Fri.", "tues", "thurs"): the next such day strictly
  after today, so "Friday" said on a Friday is a week away; "this Friday" is the same day.
  "next Friday" is the Friday of next week (weeks start on Monday): on a Wednesday it is nine days
  away, never two. Trade-off: on a weekend "next Friday" and "Friday" coincide, and whoever means
  "the one after the coming one" must give a date; one fixed rule beats guessing what people mean.
* "end of (the) week": the coming Friday (today on a Friday); "end of (the) month": its last day.
* Numbers "3/12", "3-12", "3.12", "3/12/26", "3/12/2026": day first when ``day_first`` (Australian
  use), month first otherwise; two-digit years are 20yy. ISO "2026-12-03" is always ISO.
* Month names: "3 Dec", "3rd of December", "December 3", "Dec 3rd 2026", "Dec. 3, 2026".
* Without a year, a day and month mean the nearest such date. When that is ahead (or today) it is
  taken; when it has passed (it is nearer behind than ahead: "3/12" on 5 December) the phrase is
  refused with a question naming next year's date and how to write it, because silently moving
  a just-missed date a whole year on hides the mistake. On 28 December "3/1" is next week.
  29 February without a year counts only in the leap years around today.
* Relative: "in 3 days", "in two weeks", "in a week", "in a fortnight", "in 1 month" (calendar
  months: 31 Jan + 1 month is the end of February), "within 2 weeks".
* "(the) next meeting": ``next_meeting``; an error when none is scheduled.
* Impossible dates ("31/2") and dates before today (possible only with a year) raise InvalidInput.

:func:`split_due` only looks at the end of the text and takes the longest ending that parses, so
"by next Friday" wins over "Friday". So that ordinary words and numbers stay in the action ("about
the 2 kids", "ring back Friday"), weekdays, numeric and month-name dates and "next meeting" count
only after a connector; "today", "tomorrow", "end of week/month" and "in/within …" count on their
own. It never raises for text without a due phrase, but does raise InvalidInput when a connector is
followed by a date it cannot use ("by 31/2", "by 3/12/2020", "before next meeting" with none
scheduled): keeping that as action text would hide the typo and leave the action with no due date.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Callable
from dataclasses import dataclass, replace

from dateutil.relativedelta import relativedelta

from bot.domain import InvalidInput

__all__ = ["DueSplit", "parse_due", "split_due"]

_MONTHS = ("january", "february", "march", "april", "may", "june", "july", "august", "september",
           "october", "november", "december")
_WEEKDAYS = ("monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday")
# Full names and their first three letters, plus a few common longer abbreviations.
_MONTH_NUMBERS = {m[:n]: i for i, m in enumerate(_MONTHS, 1) for n in (3, len(m))} | {"sept": 9}
_WEEKDAY_NUMBERS = {d[:n]: i for i, d in enumerate(_WEEKDAYS) for n in (3, len(d))}
_WEEKDAY_NUMBERS |= {"tues": 1, "weds": 2, "thur": 3, "thurs": 3}
_COUNTS = {"a": 1, "an": 1, "one": 1, "two": 2, "three": 3, "four": 4, "five": 5, "six": 6}
_UNITS = {
    "day": relativedelta(days=1),
    "week": relativedelta(weeks=1),
    "fortnight": relativedelta(weeks=2),
    "month": relativedelta(months=1),
}
_PUNCTUATION = ".!,;"
_MAX_PHRASE_WORDS = 8  # "no later than 3rd of December 2026" is seven

_CONNECTOR = re.compile(r"^(?:no later than|by|due|before|on|until)\s+")
_TRAILING_CONNECTOR = re.compile(r"(?:^|\s)(?:by|due|before)$", re.IGNORECASE)
_ISO = re.compile(r"^(\d{4})-(\d{1,2})-(\d{1,2})$")
# Day and month (either order) with an optional 2- or 4-digit year; one separator throughout.
_NUMERIC = re.compile(r"^(\d{1,2})([/.-])(\d{1,2})(?:\2(\d{4}|\d{2}))?$")
_DAY_MONTH = re.compile(r"^(\d{1,2})(?:st|nd|rd|th)?\s+(?:of\s+)?([a-z]+)\.?(?:,?\s+(\d{4}))?$")
_MONTH_DAY = re.compile(r"^([a-z]+)\.?\s+(\d{1,2})(?:st|nd|rd|th)?(?:,?\s+(\d{4}))?$")
_RELATIVE = re.compile(r"^(?:in|within)\s+(\w+)\s+(day|week|fortnight|month)s?$")
_WEEKDAY = re.compile(r"^(?:(this|next)\s+)?([a-z]+)\.?$")

NO_NEXT_MEETING = "there is no next meeting scheduled; give a date such as 'by Friday' or '3/12'"


@dataclass(frozen=True)
class DueSplit:
    """An action's text with its due phrase taken off the end.

    ``text`` is "" only when the input was nothing but the phrase; ``due`` and ``phrase`` are None
    when there was no phrase.
    """

    text: str
    due: dt.date | None
    phrase: str | None


@dataclass(frozen=True)
class _Context:
    today: dt.date
    next_meeting: dt.date | None
    day_first: bool
    connector: str = ""  # as typed before the date ("by "), to quote back in a question


def parse_due(
    phrase: str, *, today: dt.date, next_meeting: dt.date | None, day_first: bool = True
) -> dt.date:
    """The date a whole due phrase means; InvalidInput, with examples, when it means none."""
    context = _Context(today, next_meeting, day_first)
    due = _resolve(phrase, context, whole=True)
    if due is None:
        example = "'3/12' (3 December)" if day_first else "'12/3' (December 3)"
        raise InvalidInput(
            f"I couldn't read that as a due date; try 'Friday', 'next Tuesday', {example}, "
            "'2026-12-03', 'tomorrow', 'in 2 weeks' or 'next meeting'"
        )
    return due


def split_due(
    text: str, *, today: dt.date, next_meeting: dt.date | None, day_first: bool = True
) -> DueSplit:
    """Take a due phrase off the end of ``text``; the text comes back unchanged if it has none."""
    context = _Context(today, next_meeting, day_first)
    core = text.strip().rstrip(_PUNCTUATION + " ")
    words = list(re.finditer(r"\S+", core))
    for word in words[-_MAX_PHRASE_WORDS:]:  # longest candidate first
        due = _resolve(core[word.start() :], context, whole=False)
        if due is not None:
            phrase = " ".join(core[word.start() :].split())
            return DueSplit(_tidy(core[: word.start()]), due, phrase)
    return DueSplit(text.strip(), None, None)


def _resolve(phrase: str, context: _Context, *, whole: bool) -> dt.date | None:
    whole_phrase = body = " ".join(phrase.lower().split()).rstrip(_PUNCTUATION + " ")
    connected = False
    while match := _CONNECTOR.match(body):
        body, connected = body[match.end() :], True
    context = replace(context, connector=whole_phrase[: len(whole_phrase) - len(body)])
    parsers = _BARE + _AFTER_CONNECTOR if whole or connected else _BARE
    for parser in parsers:
        due = parser(body, context)
        if due is not None:
            if due < context.today:
                raise InvalidInput(f"that due date ({_show(due)}) is in the past; give a later one")
            return due
    return None


def _tidy(rest: str) -> str:
    """The action text left before a phrase, without dangling punctuation or "by"/"due"."""
    untidy = " :-–—" + _PUNCTUATION
    tidy = first = rest.rstrip(untidy)
    while match := _TRAILING_CONNECTOR.search(tidy):
        tidy = tidy[: match.start()].rstrip(untidy)
    return tidy or first


def _fixed(body: str, context: _Context) -> dt.date | None:
    today = context.today
    if body == "today":
        return today
    if body == "tomorrow":
        return today + dt.timedelta(days=1)
    if body in ("end of week", "end of the week"):
        return today + dt.timedelta(days=(4 - today.weekday()) % 7)
    if body in ("end of month", "end of the month"):
        return today + relativedelta(day=31)
    return None


def _relative(body: str, context: _Context) -> dt.date | None:
    match = _RELATIVE.match(body)
    if match is None:
        return None
    word = match[1]
    count = int(word) if word.isdecimal() and len(word) <= 3 else _COUNTS.get(word)
    return None if count is None else context.today + _UNITS[match[2]] * count


def _next_meeting(body: str, context: _Context) -> dt.date | None:
    if body not in ("next meeting", "the next meeting"):
        return None
    if context.next_meeting is None:
        raise InvalidInput(NO_NEXT_MEETING)
    return context.next_meeting


def _weekday(body: str, context: _Context) -> dt.date | None:
    match = _WEEKDAY.match(body)
    day = _WEEKDAY_NUMBERS.get(match[2]) if match else None
    if match is None or day is None:
        return None
    today = context.today
    if match[1] == "next":
        next_monday = today + dt.timedelta(days=7 - today.weekday())
        return next_monday + dt.timedelta(days=day)
    return today + dt.timedelta(days=(day - today.weekday()) % 7 or 7)


def _iso(body: str, context: _Context) -> dt.date | None:
    match = _ISO.match(body)
    if match is None:
        return None
    year, month, day = map(int, match.groups())
    return _make_date(year, month, day, f"{body}, read as year-month-day,")


def _numeric(body: str, context: _Context) -> dt.date | None:
    match = _NUMERIC.match(body)
    if match is None:
        return None
    first, second, separator = int(match[1]), int(match[3]), match[2]
    day, month = (first, second) if context.day_first else (second, first)
    order = "day/month" if context.day_first else "month/day"

    def with_year(year: int) -> str:
        return f"{first}{separator}{second}{separator}{year}"

    return _dated(day, month, match[4], f"{body}, read as {order},", context, with_year)


def _month_name(body: str, context: _Context) -> dt.date | None:
    if match := _DAY_MONTH.match(body):
        day, name, year = match[1], match[2], match[3]
    elif match := _MONTH_DAY.match(body):
        name, day, year = match[1], match[2], match[3]
    else:
        return None
    month = _MONTH_NUMBERS.get(name)
    if month is None:
        return None
    written = f"{int(day)} {_MONTHS[month - 1].title()}"
    return _dated(int(day), month, year, written, context, lambda y: f"{_short(day, month)} {y}")


def _dated(
    day: int, month: int, year: str | None, written: str, context: _Context,
    with_year: Callable[[int], str],
) -> dt.date:
    """A day and month with the year as written, or else the nearest such date (see above)."""
    if year is not None:
        return _make_date(int(year) + (2000 if len(year) == 2 else 0), month, day, written)
    _make_date(2000, month, day, written)  # a leap year: rejects 31/2 but not 29/2
    today = context.today
    around = [dt.date(y, month, day) for y in range(today.year - 1, today.year + 2)
              if _exists(y, month, day)]
    ahead = next((d for d in around if d >= today), None)
    gone = next((d for d in reversed(around) if d < today), None)
    if ahead is not None and (gone is None or ahead - today <= today - gone):
        return ahead
    if gone is None:
        raise InvalidInput(f"{written} does not come round within a year; add the year")
    short = _short(day, month)
    if ahead is None:
        raise InvalidInput(f"{short} has passed; add the year")
    raise InvalidInput(
        f"{short} has passed — did you mean {short} {ahead.year}? "
        f"Write `{context.connector}{with_year(ahead.year)}` to confirm, or pick another date."
    )


def _exists(year: int, month: int, day: int) -> bool:
    try:
        dt.date(year, month, day)
    except ValueError:
        return False
    return True


def _short(day: int | str, month: int) -> str:
    """``3 Dec``: how the questions name a day and month."""
    return f"{int(day)} {_MONTHS[month - 1][:3].title()}"


def _make_date(year: int, month: int, day: int, written: str) -> dt.date:
    try:
        return dt.date(year, month, day)
    except ValueError:
        raise InvalidInput(f"{written} is not a real date") from None


def _show(day: dt.date) -> str:
    return f"{day.day} {_MONTHS[day.month - 1].title()} {day.year}"


_Parser = Callable[[str, _Context], dt.date | None]
_BARE: tuple[_Parser, ...] = (_fixed, _relative)
_AFTER_CONNECTOR: tuple[_Parser, ...] = (_next_meeting, _weekday, _iso, _numeric, _month_name)
