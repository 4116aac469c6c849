"""Who is due a prompt or a reminder at a moment: plain values in, no database."""

from __future__ import annotations

import datetime as dt
from zoneinfo import ZoneInfo

from bot.domain import LeavePeriod
from bot.services.prompts import DuePrompt, PromptTimes, Recipient, due_prompts

SYD = ZoneInfo("Australia/Sydney")
PER = ZoneInfo("Australia/Perth")  # no daylight saving; two or three hours behind Sydney


def at(zone: ZoneInfo, *args: int) -> dt.datetime:
    return dt.datetime(*args, tzinfo=zone).astimezone(dt.UTC)


def times(meeting_at: dt.datetime, *, prompt: int = 3, reminder: int = 1) -> PromptTimes:
    return PromptTimes(
        meeting_id=7,
        meeting_at=meeting_at,
        group_tz="Australia/Sydney",
        send_time=dt.time(9, 0),
        prompt_lead_days=prompt,
        reminder_lead_days=reminder,
    )


THURSDAY = at(SYD, 2026, 12, 3, 10, 0)  # prompts on Monday 30 Nov, reminders on Wednesday
SYDNEY = Recipient(1, "Australia/Sydney")
PERTH = Recipient(2, "Australia/Perth")


def due(
    when: dt.datetime,
    members: list[Recipient],
    meeting_at: dt.datetime = THURSDAY,
    *,
    prompt: int = 3,
    sent: dict[str, dt.datetime] | None = None,
    answered: frozenset[int] | set[int] = frozenset(),
) -> list[DuePrompt]:
    return due_prompts(times(meeting_at, prompt=prompt), members, answered=answered,
                       sent=sent or {}, now=when)


def test_the_prompt_goes_at_the_send_time_on_each_members_own_clock():
    before = at(SYD, 2026, 11, 30, 8, 59)
    sydney_nine = at(SYD, 2026, 11, 30, 9, 0)
    perth_nine = at(PER, 2026, 11, 30, 9, 0)
    assert due(before, [SYDNEY, PERTH]) == []
    assert due(sydney_nine, [SYDNEY, PERTH]) == [
        DuePrompt(1, "prompt:7:1", reminder=False, today=dt.date(2026, 11, 30))
    ]
    assert [d.member_id for d in due(perth_nine, [SYDNEY, PERTH])] == [1, 2]


def test_nine_oclock_stays_nine_oclock_across_a_daylight_saving_change():
    # Sydney's clocks go forward on Sunday 4 October 2026: 09:00 is 22:00 UTC from then on.
    after_change = at(SYD, 2026, 10, 8, 10, 0)  # Thursday; prompts on Monday 5 October
    assert at(SYD, 2026, 10, 5, 9, 0) == dt.datetime(2026, 10, 4, 22, 0, tzinfo=dt.UTC)
    assert due(dt.datetime(2026, 10, 4, 21, 59, tzinfo=dt.UTC), [SYDNEY], after_change) == []
    assert [d.key for d in due(dt.datetime(2026, 10, 4, 22, 0, tzinfo=dt.UTC), [SYDNEY],
                               after_change)] == ["prompt:7:1"]
    before_change = at(SYD, 2026, 10, 1, 10, 0)  # the Thursday before: prompts at 23:00 UTC
    assert due(dt.datetime(2026, 9, 27, 22, 30, tzinfo=dt.UTC), [SYDNEY], before_change) == []
    assert len(due(dt.datetime(2026, 9, 27, 23, 0, tzinfo=dt.UTC), [SYDNEY],
                   before_change)) == 1


def test_a_prompt_day_on_the_weekend_moves_back_to_friday():
    monday = at(SYD, 2026, 12, 7, 10, 0)  # two days before is Saturday 5 December
    friday_nine = at(SYD, 2026, 12, 4, 9, 0)
    assert [d.today for d in due(friday_nine, [SYDNEY], monday, prompt=2)] == [
        dt.date(2026, 12, 4)
    ]
    assert due(at(SYD, 2026, 12, 4, 8, 30), [SYDNEY], monday, prompt=2) == []


def test_nothing_goes_out_on_a_weekend_or_after_hours_even_when_overdue():
    monday = at(SYD, 2026, 12, 7, 10, 0)
    assert due(at(SYD, 2026, 12, 5, 10, 0), [SYDNEY], monday, prompt=2) == []  # Saturday
    assert due(at(SYD, 2026, 12, 4, 18, 30), [SYDNEY], monday, prompt=2) == []  # Friday evening


def test_someone_on_leave_on_their_own_date_is_not_asked():
    away = Recipient(1, "Australia/Sydney", (LeavePeriod(dt.date(2026, 11, 30),
                                                         dt.date(2026, 12, 1)),))
    assert due(at(SYD, 2026, 11, 30, 9, 0), [away, PERTH]) == []
    # Back on Wednesday: the prompt they missed goes then.
    assert [d.key for d in due(at(SYD, 2026, 12, 2, 9, 0), [away])] == ["prompt:7:1"]


def test_a_prompt_already_sent_is_not_sent_again():
    sent = {"prompt:7:1": at(SYD, 2026, 11, 30, 9, 0)}
    assert due(at(SYD, 2026, 11, 30, 15, 0), [SYDNEY], sent=sent) == []
    assert due(at(SYD, 2026, 12, 1, 9, 0), [SYDNEY], sent=sent) == []  # reminder not yet due


def test_the_reminder_goes_to_those_who_have_not_answered():
    sent = {"prompt:7:1": at(SYD, 2026, 11, 30, 9, 0), "prompt:7:2": at(PER, 2026, 11, 30, 9, 0)}
    wednesday = at(SYD, 2026, 12, 2, 9, 0)
    assert due(wednesday, [SYDNEY, PERTH], sent=sent, answered={2}) == [
        DuePrompt(1, "reminder:7:1", reminder=True, today=dt.date(2026, 12, 2))
    ]
    sent["reminder:7:1"] = wednesday
    assert due(wednesday + dt.timedelta(hours=1), [SYDNEY], sent=sent) == []


def test_a_reminder_waits_twelve_hours_after_a_late_prompt():
    late_prompt = at(SYD, 2026, 12, 1, 17, 0)  # the prompt went out late, the day before
    sent = {"prompt:7:1": late_prompt}
    assert due(at(SYD, 2026, 12, 2, 4, 59), [SYDNEY], sent=sent) == []  # before hours anyway
    assert due(at(SYD, 2026, 12, 2, 9, 0), [SYDNEY], sent=sent) == [
        DuePrompt(1, "reminder:7:1", reminder=True, today=dt.date(2026, 12, 2))
    ]
    very_late = {"prompt:7:1": at(SYD, 2026, 12, 2, 9, 30)}
    assert due(at(SYD, 2026, 12, 2, 17, 0), [SYDNEY], sent=very_late) == []
