"""Moving a meeting to an unlikely time (03:00, a Sunday) needs --force; usual times don't."""

from __future__ import annotations

import pytest

from tests.cli.test_bad_input import assert_refused

MOVE = ["meeting", "move", "--group", "Under 1 Roof", "--from", "2026-12-01", "--to"]


@pytest.mark.parametrize(
    ("to", "words"),
    [
        ("2026-12-06T03:00", ["Sun 06 Dec 2026 03:00", "meeting days", "07:00–19:00"]),
        ("2026-12-05T10:00", ["Sat 05 Dec 2026 10:00", "Under 1 Roof's meeting days"]),
        ("2026-12-02T06:30", ["Wed 02 Dec 2026 06:30", "07:00–19:00"]),
        ("2026-12-02T19:30", ["Wed 02 Dec 2026 19:30", "07:00–19:00"]),
    ],
)
def test_an_unlikely_time_needs_force(cli, setup_group, to, words):
    setup_group()
    line = assert_refused(cli, [*MOVE, to], *words)
    assert line.endswith("If that is right, run the command again with --force.")
    out = cli.ok(*MOVE, to, "--force")
    assert out.startswith("Moved: Under 1 Roof now meets")


@pytest.mark.parametrize("to", ["2026-12-02T14:00", "2026-12-03T07:00", "2026-12-04T19:00"])
def test_a_weekday_in_working_hours_needs_nothing(cli, setup_group, to):
    setup_group()
    assert cli.ok(*MOVE, to).startswith("Moved: Under 1 Roof now meets")


def test_a_group_that_meets_on_saturdays_may_move_to_one(cli, setup_group):
    setup_group()
    cli.ok("group", "create", "--name", "Weekenders", "--channel", "C0WEEKEND1",
           "--rrule", "FREQ=WEEKLY;BYDAY=SA;BYHOUR=10", "--tz", "Australia/Sydney",
           "--first", "2026-12-05T10:00")
    move = ["meeting", "move", "--group", "Weekenders", "--from", "2026-12-05", "--to"]
    # Sydney is on daylight saving (AEDT) in December: the hours are the group's local ones.
    assert "Sat 12 Dec 2026 18:30" in cli.ok(*move, "2026-12-12T18:30")
    assert_refused(cli, [*move[:5], "2026-12-19", "--to", "2026-12-20T10:00"], "Sun 20 Dec")
