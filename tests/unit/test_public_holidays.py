"""A group's public-holiday calendar: codes checked kindly, holidays named, and the day a meeting
on one could move to."""

from __future__ import annotations

import datetime as dt

import pytest

from bot import public_holidays
from bot.domain import HolidayQuestion, InvalidInput, MeetingRef
from devkit.block_limits import problems
from devkit.transcript import render_message
from handlers import holiday_meetings

BNE = dt.timezone(dt.timedelta(hours=10))


@pytest.mark.parametrize(
    ("given", "stored"),
    [("AU-QLD", "AU-QLD"), ("au-qld", "AU-QLD"), (" AU-Qld ", "AU-QLD"), ("none", None),
     ("", None), ("NZ-AUK", "NZ-AUK")],
)
def test_codes_are_normalised(given, stored):
    assert public_holidays.normalise(given) == stored


@pytest.mark.parametrize(
    ("given", "words"),
    [
        ("AU-QL", ["'AU-QL'", "AU-ACT", "AU-NSW", "AU-NT", "AU-QLD", "AU-SA", "AU-TAS"]),
        ("AU", ["differ by state", "AU-QLD"]),
        ("ZZ-QLD", ["'ZZ'", "country"]),
        ("Queensland", ["AU-QLD"]),
    ],
)
def test_unknown_codes_say_what_would_do(given, words):
    with pytest.raises(InvalidInput) as caught:
        public_holidays.normalise(given)
    for word in words:
        assert word in caught.value.message


def test_holidays_by_state_and_substitute_days():
    name = public_holidays.name_on
    assert name("AU-QLD", dt.date(2027, 1, 26)) == "Australia Day"
    assert name("AU-QLD", dt.date(2026, 12, 28)) == "Boxing Day (observed)"
    assert name("AU-QLD", dt.date(2026, 12, 29)) is None
    assert name("AU-QLD", dt.date(2026, 8, 12)) is not None  # the Ekka: Brisbane only
    assert name("AU-NSW", dt.date(2026, 8, 12)) is None
    assert name(None, dt.date(2027, 1, 26)) is None


def test_the_suggested_day_skips_weekends_holidays_and_meetings():
    after = public_holidays.next_free_day
    assert after("AU-QLD", dt.date(2027, 1, 26), set()) == dt.date(2027, 1, 27)
    # Fri 25 Dec 2026: not Saturday or Sunday, not Mon 28 Dec (Boxing Day's holiday).
    assert after("AU-QLD", dt.date(2026, 12, 25), set()) == dt.date(2026, 12, 29)
    assert after("AU-QLD", dt.date(2026, 12, 25), {dt.date(2026, 12, 29)}) == dt.date(2026, 12, 30)


def test_the_question_renders_within_limits_and_escapes_the_group_name():
    start = dt.datetime(2027, 1, 26, 10, tzinfo=BNE)
    meeting = MeetingRef(7, "<!channel> & co", "C0U1R0001", start, "Australia/Brisbane")
    question = HolidayQuestion(
        meeting=meeting, holiday="Australia Day", facilitator="U0FAY0001",
        suggested=dt.datetime(2027, 1, 27, 10, tzinfo=BNE),
    )
    payload = holiday_meetings.question(question)
    assert payload["text"] and problems(payload["blocks"], surface="message") == []
    shown = render_message(payload)
    assert "Tuesday 26 Jan is a public holiday (Australia Day)" in shown
    assert "[Move to Wed 27 Jan]" in shown and "[Cancel]" in shown
    assert "<!channel>" not in json_of(payload)
    values = [e["value"] for b in payload["blocks"] for e in b.get("elements", [])
              if e.get("type") == "button"]
    assert values == ["7:20270126:20270127", "7:20270126"]


def json_of(payload: dict) -> str:
    import json

    return json.dumps(payload)
