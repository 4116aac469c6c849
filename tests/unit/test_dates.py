"""Due-date phrases: what case workers type at the end of an action, and what date it means."""

from __future__ import annotations

import dataclasses
import datetime as dt

import pytest
from dateutil.relativedelta import relativedelta
from hypothesis import assume, given
from hypothesis import strategies as st

from bot.dates import NO_NEXT_MEETING, DueSplit, parse_due, split_due
from bot.domain import InvalidInput

WED = dt.date(2026, 11, 25)  # a Wednesday
FRI = dt.date(2026, 11, 27)
SUN = dt.date(2026, 11, 29)
MON = dt.date(2026, 11, 30)
NEXT_MEETING = dt.date(2026, 12, 1)


def d(year: int, month: int, day: int) -> dt.date:
    return dt.date(year, month, day)


def parse(phrase: str, today: dt.date = WED, day_first: bool = True, **kwargs) -> dt.date:
    kwargs.setdefault("next_meeting", NEXT_MEETING)
    return parse_due(phrase, today=today, day_first=day_first, **kwargs)


def split(text: str, today: dt.date = WED, day_first: bool = True, **kwargs) -> DueSplit:
    kwargs.setdefault("next_meeting", NEXT_MEETING)
    return split_due(text, today=today, day_first=day_first, **kwargs)


# --- parse_due: connectors and punctuation -------------------------------------------------------

CONNECTORS = ["", "by ", "due ", "due by ", "due on ", "before ", "on ", "until ", "no later than "]


@pytest.mark.parametrize("connector", CONNECTORS)
@pytest.mark.parametrize("body", ["Friday", "27/11", "tomorrow", "next meeting", "in 2 weeks"])
def test_every_connector_is_optional(connector, body):
    assert parse(connector + body) == parse(body)


@pytest.mark.parametrize(
    "phrase", ["BY FRIDAY", "By Friday", "Due By friday", "NO LATER THAN fri", "  by   Friday  "]
)
def test_connectors_and_words_ignore_case_and_spacing(phrase):
    assert parse(phrase) == FRI


@pytest.mark.parametrize("suffix", [".", "!", ",", ";", "!!", " .", "..."])
def test_trailing_punctuation_is_ignored(suffix):
    assert parse("by Friday" + suffix) == FRI
    assert parse("3/12" + suffix) == d(2026, 12, 3)


# --- today, tomorrow, weekdays -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "phrase", "expected"),
    [
        (WED, "today", WED),
        (WED, "tomorrow", d(2026, 11, 26)),
        (d(2026, 12, 31), "tomorrow", d(2027, 1, 1)),
        (d(2028, 2, 28), "tomorrow", d(2028, 2, 29)),
    ],
)
def test_today_and_tomorrow(today, phrase, expected):
    assert parse(phrase, today=today) == expected


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("monday", MON),
        ("tuesday", d(2026, 12, 1)),
        ("wednesday", d(2026, 12, 2)),  # strictly after today: a week away
        ("thursday", d(2026, 11, 26)),
        ("friday", FRI),
        ("saturday", d(2026, 11, 28)),
        ("sunday", SUN),
        ("mon", MON),
        ("tue", d(2026, 12, 1)),
        ("tues", d(2026, 12, 1)),
        ("wed", d(2026, 12, 2)),
        ("thu", d(2026, 11, 26)),
        ("thurs", d(2026, 11, 26)),
        ("fri", FRI),
        ("Fri.", FRI),
        ("sat", d(2026, 11, 28)),
        ("sun", SUN),
    ],
)
def test_weekday_is_the_next_one_after_today(phrase, expected):
    assert parse(phrase) == expected


@pytest.mark.parametrize(
    ("today", "phrase", "expected"),
    [
        (WED, "this Friday", FRI),
        (WED, "next Friday", d(2026, 12, 4)),
        (WED, "next fri", d(2026, 12, 4)),
        (WED, "next Monday", MON),
        (WED, "next Wednesday", d(2026, 12, 2)),
        (WED, "next Sunday", d(2026, 12, 6)),
        (FRI, "Friday", d(2026, 12, 4)),  # said on a Friday: a week later, never today
        (FRI, "this Friday", d(2026, 12, 4)),
        (FRI, "next Friday", d(2026, 12, 4)),
        (SUN, "Monday", MON),  # the trade-off: on a weekend "next" and plain coincide
        (SUN, "next Monday", MON),
        (MON, "Monday", d(2026, 12, 7)),
        (MON, "next Monday", d(2026, 12, 7)),
        (MON, "next Sunday", d(2026, 12, 13)),
        (d(2026, 12, 30), "Friday", d(2027, 1, 1)),
    ],
)
def test_this_and_next_weekday(today, phrase, expected):
    assert parse(phrase, today=today) == expected


# --- end of week / month -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("today", "phrase", "expected"),
    [
        (WED, "end of week", FRI),
        (WED, "end of the week", FRI),
        (FRI, "end of week", FRI),
        (d(2026, 11, 28), "end of the week", d(2026, 12, 4)),
        (WED, "end of month", d(2026, 11, 30)),
        (WED, "end of the month", d(2026, 11, 30)),
        (d(2026, 11, 30), "end of month", d(2026, 11, 30)),
        (d(2027, 2, 10), "end of month", d(2027, 2, 28)),
        (d(2028, 2, 1), "end of month", d(2028, 2, 29)),
        (d(2026, 12, 20), "by end of the month", d(2026, 12, 31)),
    ],
)
def test_end_of_week_and_month(today, phrase, expected):
    assert parse(phrase, today=today) == expected


# --- numeric and ISO dates -----------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase", ["3/12", "3-12", "3.12", "03/12", "3/12/2026", "3/12/26", "3-12-2026", "3.12.26"]
)
def test_numeric_dates_are_day_first_by_default(phrase):
    assert parse(phrase) == d(2026, 12, 3)


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("12/3", d(2026, 12, 3)),
        ("12-3-2026", d(2026, 12, 3)),
        ("3/12", d(2027, 3, 12)),  # 12 March is 8 months gone, 3.5 months ahead
        ("12/31/26", d(2026, 12, 31)),
        ("2026-12-03", d(2026, 12, 3)),
    ],
)
def test_month_first(phrase, expected):
    assert parse(phrase, day_first=False) == expected


@pytest.mark.parametrize("day_first", [True, False])
@pytest.mark.parametrize("phrase", ["2026-12-03", "2026-12-3", "by 2026-12-03"])
def test_iso_dates_are_always_iso(phrase, day_first):
    assert parse(phrase, day_first=day_first) == d(2026, 12, 3)


@pytest.mark.parametrize(
    ("today", "phrase", "expected"),
    [
        (WED, "25/11", WED),  # today still counts
        (d(2026, 12, 20), "5/1", d(2027, 1, 5)),
        (d(2026, 12, 20), "20/12", d(2026, 12, 20)),
        (d(2026, 12, 28), "3/1", d(2027, 1, 3)),  # New Year: next week, not last January
        (d(2026, 12, 28), "by 3 Jan", d(2027, 1, 3)),
        (d(2026, 12, 20), "Jan 5", d(2027, 1, 5)),
        (d(2026, 6, 5), "3/12", d(2026, 12, 3)),  # six months ahead beats six months gone
        (d(2026, 3, 1), "20/8", d(2026, 8, 20)),
        (d(2026, 12, 20), "1st of January", d(2027, 1, 1)),
        (d(2026, 12, 20), "in 2 weeks", d(2027, 1, 3)),
        (d(2026, 12, 31), "1/1", d(2027, 1, 1)),
    ],
)
def test_year_rollover(today, phrase, expected):
    assert parse(phrase, today=today) == expected


@pytest.mark.parametrize(
    ("today", "phrase", "day_first", "message"),
    [
        (d(2026, 12, 5), "by 3/12", True,
         "3 Dec has passed — did you mean 3 Dec 2027? Write `by 3/12/2027` to confirm, "
         "or pick another date."),
        (d(2026, 12, 5), "by 12/3", False,
         "3 Dec has passed — did you mean 3 Dec 2027? Write `by 12/3/2027` to confirm, "
         "or pick another date."),
        (d(2026, 12, 5), "3.12", True,
         "3 Dec has passed — did you mean 3 Dec 2027? Write `3.12.2027` to confirm, "
         "or pick another date."),
        (d(2026, 12, 5), "due by 3rd of December", True,
         "3 Dec has passed — did you mean 3 Dec 2027? Write `due by 3 Dec 2027` to confirm, "
         "or pick another date."),
        (d(2027, 1, 2), "by 30/12", True,  # last week, across New Year
         "30 Dec has passed — did you mean 30 Dec 2027? Write `by 30/12/2027` to confirm, "
         "or pick another date."),
        (WED, "24/11", True,
         "24 Nov has passed — did you mean 24 Nov 2027? Write `24/11/2027` to confirm, "
         "or pick another date."),
        (WED, "sept 10", True,
         "10 Sep has passed — did you mean 10 Sep 2027? Write `10 Sep 2027` to confirm, "
         "or pick another date."),
    ],
)
def test_a_day_and_month_just_gone_is_asked_about_not_moved_a_year(
    today, phrase, day_first, message
):
    with pytest.raises(InvalidInput) as caught:
        parse(phrase, today=today, day_first=day_first)
    assert caught.value.message == message


def test_a_leap_day_just_gone_asks_for_the_year():
    with pytest.raises(InvalidInput, match=r"29 Feb has passed; add the year"):
        parse("by 29/2", today=d(2028, 3, 2))


def test_the_question_stops_split_due_too():
    with pytest.raises(InvalidInput, match="3 Dec has passed"):
        split("book GP for U1R-016 by 3/12", today=d(2026, 12, 5))
    assert split("book GP by 3/12/2027", today=d(2026, 12, 5)).due == d(2027, 12, 3)


@pytest.mark.parametrize(
    ("today", "phrase", "expected"),
    [
        (WED, "29/2/2028", d(2028, 2, 29)),
        (WED, "2028-02-29", d(2028, 2, 29)),
        (WED, "29 February 2028", d(2028, 2, 29)),
        (d(2027, 12, 1), "29/2", d(2028, 2, 29)),
        (d(2028, 1, 10), "29 Feb", d(2028, 2, 29)),
        (d(2028, 2, 29), "29/2", d(2028, 2, 29)),
        (d(2028, 1, 31), "in 1 month", d(2028, 2, 29)),
        (d(2027, 1, 31), "in a month", d(2027, 2, 28)),
    ],
)
def test_leap_day(today, phrase, expected):
    assert parse(phrase, today=today) == expected


@pytest.mark.parametrize("phrase", ["29/2", "29 Feb", "by 29/2"])
def test_leap_day_without_a_year_must_come_within_a_year(phrase):
    with pytest.raises(InvalidInput, match="add the year"):
        parse(phrase)


@pytest.mark.parametrize(
    ("phrase", "day_first"),
    [
        ("31/2", True),
        ("32/1", True),
        ("0/5", True),
        ("3/13", True),
        ("12/31", True),
        ("2/31", False),
        ("29/2/2027", True),
        ("2026-02-30", True),
        ("2026-13-01", False),
        ("31 Feb", True),
        ("April 31", True),
        ("31st of June 2027", True),
    ],
)
def test_impossible_dates_are_refused(phrase, day_first):
    with pytest.raises(InvalidInput, match="is not a real date"):
        parse(phrase, day_first=day_first)


def test_the_error_names_the_reading_order():
    with pytest.raises(InvalidInput, match=r"31/2, read as day/month"):
        parse("31/2")
    with pytest.raises(InvalidInput, match=r"2/31, read as month/day"):
        parse("2/31", day_first=False)


# --- month names ---------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("3 Dec", d(2026, 12, 3)),
        ("3 dec.", d(2026, 12, 3)),
        ("3rd December", d(2026, 12, 3)),
        ("3rd of December", d(2026, 12, 3)),
        ("December 3", d(2026, 12, 3)),
        ("Dec 3rd", d(2026, 12, 3)),
        ("Dec. 3", d(2026, 12, 3)),
        ("Dec 3rd 2026", d(2026, 12, 3)),
        ("Dec 3, 2027", d(2027, 12, 3)),
        ("3 December 2027", d(2027, 12, 3)),
        ("1st jan", d(2027, 1, 1)),
        ("22nd Feb", d(2027, 2, 22)),
        ("May 1", d(2027, 5, 1)),  # 7 months gone, 5 ahead
        ("sept 10 2027", d(2027, 9, 10)),
        ("25 November", WED),
        ("on 30th Nov", MON),
    ],
)
def test_month_name_dates(phrase, expected):
    assert parse(phrase) == expected


@pytest.mark.parametrize("day_first", [True, False])
def test_month_names_ignore_day_first(day_first):
    assert parse("3 Dec", day_first=day_first) == parse("Dec 3", day_first=day_first)


# --- relative and next meeting -------------------------------------------------------------------


@pytest.mark.parametrize(
    ("phrase", "expected"),
    [
        ("in 3 days", d(2026, 11, 28)),
        ("in 1 day", d(2026, 11, 26)),
        ("in a day", d(2026, 11, 26)),
        ("in 2 weeks", d(2026, 12, 9)),
        ("in two weeks", d(2026, 12, 9)),
        ("in a week", d(2026, 12, 2)),
        ("in one week", d(2026, 12, 2)),
        ("in a fortnight", d(2026, 12, 9)),
        ("in 2 fortnights", d(2026, 12, 23)),
        ("in 1 month", d(2026, 12, 25)),
        ("in 2 months", d(2027, 1, 25)),
        ("within 2 weeks", d(2026, 12, 9)),
        ("within a fortnight", d(2026, 12, 9)),
        ("in 0 days", WED),
    ],
)
def test_relative(phrase, expected):
    assert parse(phrase) == expected


@pytest.mark.parametrize(
    "phrase",
    [
        "next meeting",
        "the next meeting",
        "before next meeting",
        "before the next meeting",
        "by the next meeting",
        "Due before the Next Meeting.",
    ],
)
def test_next_meeting(phrase):
    assert parse(phrase) == NEXT_MEETING


@pytest.mark.parametrize("phrase", ["next meeting", "before the next meeting"])
def test_next_meeting_when_none_is_scheduled(phrase):
    with pytest.raises(InvalidInput) as caught:
        parse(phrase, next_meeting=None)
    assert caught.value.message == NO_NEXT_MEETING
    assert NO_NEXT_MEETING == (
        "there is no next meeting scheduled; give a date such as 'by Friday' or '3/12'"
    )


def test_other_phrases_need_no_next_meeting():
    assert parse("by Friday", next_meeting=None) == FRI


# --- past and unreadable -------------------------------------------------------------------------


@pytest.mark.parametrize(
    "phrase", ["3/12/2020", "by 24/11/2026", "2026-11-24", "3 Dec 2025", "Dec 3rd 2020", "1/1/26"]
)
def test_dates_in_the_past_are_refused(phrase):
    with pytest.raises(InvalidInput, match="in the past"):
        parse(phrase)


def test_the_past_error_shows_the_date():
    with pytest.raises(InvalidInput, match=r"\(3 December 2020\) is in the past"):
        parse("3/12/2020")


def test_a_next_meeting_already_gone_is_in_the_past():
    with pytest.raises(InvalidInput, match="in the past"):
        parse("next meeting", next_meeting=d(2026, 11, 24))


def test_an_explicit_today_is_not_in_the_past():
    assert parse("2026-11-25") == WED
    assert parse("25/11/26") == WED


@pytest.mark.parametrize(
    "phrase",
    [
        "",
        "   ",
        "by",
        "soon",
        "asap",
        "whenever",
        "3",
        "by 3",
        "next week",
        "next",
        "in 2 hours",
        "in some weeks",
        "in 1000 days",
        "2026/12/03",
        "3/12-2026",
        "3/12/202",
        "3 Dcember",
        "Friday week",
        "fridays",
    ],
)
def test_unreadable_phrases_get_examples(phrase):
    with pytest.raises(InvalidInput, match=r"try 'Friday'.*'3/12' \(3 December\)"):
        parse(phrase)


def test_unreadable_examples_follow_the_date_order():
    with pytest.raises(InvalidInput, match=r"'12/3' \(December 3\)"):
        parse("soon", day_first=False)


def test_the_error_does_not_repeat_what_was_typed():
    # the phrase may carry a client's name; error messages name fields, never values
    with pytest.raises(InvalidInput) as caught:
        parse("when Jane Citizen is back")
    assert "Jane" not in caught.value.message


# --- split_due -----------------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected_text", "due", "phrase"),
    [
        ("call housing provider by Friday", "call housing provider", FRI, "by Friday"),
        ("Call housing provider by Friday.", "Call housing provider", FRI, "by Friday"),
        ("Ring back on fri!", "Ring back", FRI, "on fri"),
        ("Follow up BY FRIDAY", "Follow up", FRI, "BY FRIDAY"),
        ("chase up referral due 3/12", "chase up referral", d(2026, 12, 3), "due 3/12"),
        ("chase up referral, due by 3 Dec", "chase up referral", d(2026, 12, 3), "due by 3 Dec"),
        ("call provider - by Friday", "call provider", FRI, "by Friday"),
        ("call   provider   by   Friday ", "call   provider", FRI, "by Friday"),
        (
            "send forms before the next meeting",
            "send forms",
            NEXT_MEETING,
            "before the next meeting",
        ),
        ("send forms until Dec 3rd 2026", "send forms", d(2026, 12, 3), "until Dec 3rd 2026"),
        ("follow up until 2026-12-10", "follow up", d(2026, 12, 10), "until 2026-12-10"),
        ("email housing by tomorrow", "email housing", d(2026, 11, 26), "by tomorrow"),
        ("book GP tomorrow", "book GP", d(2026, 11, 26), "tomorrow"),
        ("update notes today.", "update notes", WED, "today"),
        ("review plan in 2 weeks", "review plan", d(2026, 12, 9), "in 2 weeks"),
        ("review plan within a fortnight", "review plan", d(2026, 12, 9), "within a fortnight"),
        ("close file end of month", "close file", d(2026, 11, 30), "end of month"),
        ("close file by end of the week", "close file", FRI, "by end of the week"),
        ("check on 2 referrals by next fri", "check on 2 referrals", d(2026, 12, 4), "by next fri"),
        ("ask about room 12 on 3.12", "ask about room 12", d(2026, 12, 3), "on 3.12"),
    ],
)
def test_split_due_takes_the_phrase_off_the_end(text, expected_text, due, phrase):
    assert split(text) == DueSplit(expected_text, due, phrase)


@pytest.mark.parametrize(
    ("text", "expected_text", "due", "phrase"),
    [
        ("see client by next Friday", "see client", d(2026, 12, 4), "by next Friday"),
        ("see client by this Friday", "see client", FRI, "by this Friday"),
        (
            "lodge application no later than 3rd of December 2027",
            "lodge application",
            d(2027, 12, 3),
            "no later than 3rd of December 2027",
        ),
        ("book room due by Dec 3rd 2027", "book room", d(2027, 12, 3), "due by Dec 3rd 2027"),
        (
            "submit form due before the next meeting",
            "submit form",
            NEXT_MEETING,
            "due before the next meeting",
        ),
        ("renew lease by 3/12/2027", "renew lease", d(2027, 12, 3), "by 3/12/2027"),
    ],
)
def test_split_due_prefers_the_longest_phrase(text, expected_text, due, phrase):
    assert split(text) == DueSplit(expected_text, due, phrase)


@pytest.mark.parametrize(
    "text",
    [
        "call Centrelink about the 2 kids",
        "call about 3 kids.",
        "update on 3 kids",
        "check in on 3",
        "ask about room 12",
        "ring back Friday",  # a bare weekday needs a connector
        "ring back next Friday",
        "visit 3 Dec",
        "book 3/12",
        "call about 31/2",  # no connector: not a date, so not an error either
        "discuss next meeting",
        "raise at next week's meeting",
        "follow up with housing",
        "meet at 5pm",
        "Friday",
        "in the next meeting",
        "",
    ],
)
def test_split_due_leaves_text_without_a_phrase_alone(text):
    assert split(text) == DueSplit(text, None, None)


def test_split_due_without_a_phrase_only_strips_whitespace():
    assert split("  call Centrelink.  ") == DueSplit("call Centrelink.", None, None)


def test_split_due_without_next_meeting_ignores_a_bare_mention():
    assert split("discuss next meeting", next_meeting=None).due is None


@pytest.mark.parametrize("connector", [c for c in CONNECTORS if c])
def test_split_due_recognises_every_connector(connector):
    assert split(f"call provider {connector}27/11") == DueSplit(
        "call provider", FRI, f"{connector}27/11".strip()
    )


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("by Friday", FRI),
        ("due by 3/12.", d(2026, 12, 3)),
        ("tomorrow", d(2026, 11, 26)),
        ("in a week", d(2026, 12, 2)),
        ("before the next meeting", NEXT_MEETING),
    ],
)
def test_split_due_on_a_bare_phrase_leaves_no_text(text, due):
    result = split(text)
    assert (result.text, result.due) == ("", due)


@pytest.mark.parametrize(
    ("text", "expected_text"),
    [("Due: by Friday", "Due"), ("by: by Friday", "by"), ("Before, tomorrow", "Before")],
)
def test_split_due_never_empties_text_that_had_more_than_a_phrase(text, expected_text):
    result = split(text)
    assert result.due is not None
    assert result.text == expected_text


@pytest.mark.parametrize(
    ("text", "kwargs", "message"),
    [
        ("call provider by 31/2", {}, "not a real date"),
        ("call provider on 2026-02-30", {}, "not a real date"),
        ("call provider by 12/31", {}, "read as day/month"),
        ("call provider by 3/12/2020", {}, "in the past"),
        ("call provider due 29/2", {}, "add the year"),
        ("send forms before next meeting", {"next_meeting": None}, "no next meeting"),
    ],
)
def test_split_due_refuses_a_connector_before_an_unusable_date(text, kwargs, message):
    with pytest.raises(InvalidInput, match=message):
        split(text, **kwargs)


@pytest.mark.parametrize(
    ("text", "due"),
    [
        ("call by 12/3", d(2026, 12, 3)),
        ("call by 3/12", d(2027, 3, 12)),
        ("call by 12/31", d(2026, 12, 31)),
        ("call by 2026-12-03", d(2026, 12, 3)),
    ],
)
def test_split_due_month_first(text, due):
    assert split(text, day_first=False) == DueSplit("call", due, text.removeprefix("call "))


def test_due_split_is_frozen():
    with pytest.raises(dataclasses.FrozenInstanceError):
        split("call by Friday").due = None  # type: ignore[misc]


# --- properties ----------------------------------------------------------------------------------

todays = st.dates(min_value=d(2000, 1, 1), max_value=d(2090, 12, 31))
offsets = st.integers(min_value=0, max_value=399)
actions = st.sampled_from(
    ["call housing provider", "Chase up 2 referrals", "book GP about the kids", "email Centrelink"]
)


@given(todays, offsets)
def test_iso_dates_round_trip(today, offset):
    due = today + dt.timedelta(days=offset)
    assert parse(due.isoformat(), today=today) == due
    assert parse(due.isoformat(), today=today, day_first=False) == due


@given(todays, offsets)
def test_day_first_dates_round_trip(today, offset):
    due = today + dt.timedelta(days=offset)
    assert parse(f"{due.day}/{due.month}/{due.year}", today=today, day_first=True) == due


@given(todays, offsets)
def test_month_first_dates_round_trip(today, offset):
    due = today + dt.timedelta(days=offset)
    assert parse(f"{due.month}/{due.day}/{due.year}", today=today, day_first=False) == due


@given(todays, offsets)
def test_dates_without_a_year_mean_the_nearest_one(today, offset):
    due = today + dt.timedelta(days=offset)
    assume(due - relativedelta(years=1) < today - (due - today))  # nearer ahead than gone
    assert parse(f"{due.day}/{due.month}", today=today) == due
    assert parse(f"{due:%B} {due.day}", today=today) == due


@given(todays, st.integers(min_value=1, max_value=180))
def test_dates_without_a_year_just_gone_are_asked_about(today, ago):
    gone = today - dt.timedelta(days=ago)
    assume(not (gone.month == 2 and gone.day == 29))
    with pytest.raises(InvalidInput, match=f"has passed — did you mean .* {gone.year + 1}\\?"):
        parse(f"{gone.day}/{gone.month}", today=today)


@given(todays, offsets, actions, st.sampled_from(["by ", "due ", "before ", "on "]))
def test_split_due_keeps_the_action(today, offset, action, connector):
    due = today + dt.timedelta(days=offset)
    phrase = f"{connector}{due.day}/{due.month}/{due.year}"
    assert split(f"{action} {phrase}.", today=today) == DueSplit(action, due, phrase)


@given(st.text(alphabet="abcdefghijklmnopqrstuvwxyz .,!", max_size=60))
def test_split_due_never_raises_on_words_alone(text):
    result = split(text)
    assert result.due is None or result.phrase is not None
