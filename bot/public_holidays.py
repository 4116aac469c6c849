"""Public holidays of a group's place, from the maintained ``holidays`` package.

A group's calendar is a country and subdivision code such as ``AU-QLD`` (None: holidays are not
checked). Public holidays differ by state in Australia (the Ekka, Labour Day), so a country with
subdivisions needs one.
"""

from __future__ import annotations

import datetime as dt
import functools

from bot.domain import InvalidInput

OFF = ("", "none", "off", "no")
EXAMPLE = "AU-QLD"
_LISTED = 24  # subdivisions named in an error before "…"


# ``holidays`` is imported where a calendar is read: most processes (a tick with nothing due, the
# CLI) never read one, and importing it costs start-up time.


@functools.cache
def _supported() -> dict[str, tuple[str, ...]]:
    import holidays

    return {c: tuple(s) for c, s in holidays.list_supported_countries().items()}


def _codes(country: str, subdivisions: tuple[str, ...]) -> str:
    shown = [f"{country}-{s}" for s in subdivisions[:_LISTED]]
    return ", ".join(shown) + (", …" if len(subdivisions) > _LISTED else "")


def normalise(code: str) -> str | None:
    """``au-qld`` → ``AU-QLD``; ``none`` → None. A code the package does not know is refused
    with the ones it does (for that country) listed."""
    text = " ".join(code.split())
    if text.lower() in OFF:
        return None
    country, _, wanted = text.partition("-")
    country = country.upper()
    supported = _supported()
    if len(country) != 2 or not country.isalpha():
        raise InvalidInput(
            f"{text!r} is not a public-holiday calendar: give a country and state code such as "
            f"{EXAMPLE} (Australia: {_codes('AU', supported['AU'])}), or none"
        )
    if country not in supported:
        raise InvalidInput(
            f"no public-holiday calendar for country {country!r}: give an ISO 3166 country and "
            f"state code such as {EXAMPLE}"
        )
    subdivisions = supported[country]
    if not wanted:
        if subdivisions:
            raise InvalidInput(
                f"{country}'s public holidays differ by state or region: give one of "
                f"{_codes(country, subdivisions)}"
            )
        return country
    match = next((s for s in subdivisions if s.upper() == wanted.upper()), None)
    if match is None:
        where = f"one of {_codes(country, subdivisions)}" if subdivisions else country
        raise InvalidInput(f"unknown public-holiday calendar {text!r}: use {where}")
    return f"{country}-{match}"


@functools.lru_cache(maxsize=64)
def _year(code: str, year: int) -> dict[dt.date, str]:
    """One year of a calendar, read once (a plain dict: safe to share between threads)."""
    import holidays

    country, _, subdivision = code.partition("-")
    found = holidays.country_holidays(country, subdiv=subdivision or None, years=year)
    return dict(found.items())


def name_on(code: str | None, day: dt.date) -> str | None:
    """The public holiday on ``day`` in the calendar ``code`` (None if none, or no calendar)."""
    if code is None:
        return None
    return _year(code, day.year).get(day)


def next_free_day(code: str | None, day: dt.date, taken: set[dt.date]) -> dt.date:
    """The first weekday after ``day`` that is neither a public holiday nor in ``taken`` (days
    the group already meets)."""
    candidate = day + dt.timedelta(days=1)
    while candidate.weekday() >= 5 or candidate in taken or name_on(code, candidate):
        candidate += dt.timedelta(days=1)
    return candidate
