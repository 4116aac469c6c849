"""Times in the audit log are UTC, with the group's wall clock and its offset beside them."""

from __future__ import annotations

import datetime as dt


def audit_lines(cli, action: str) -> list[str]:
    return [line for line in cli.ok("audit").splitlines() if f" {action} " in line]


def test_a_move_in_brisbane_is_logged_in_utc_with_the_local_time(cli, setup_group):
    setup_group()
    cli.clock.at = dt.datetime(2026, 11, 25, 12, 0, tzinfo=dt.timezone(dt.timedelta(hours=10)))
    cli.ok("meeting", "move", "--group", "Under 1 Roof", "--from", "2027-01-12",
           "--to", "2027-01-10T03:00", "--force")
    (line,) = audit_lines(cli, "meeting_moved")
    assert line.startswith("2026-11-25 02:00:00Z  secretariat@test  meeting_moved"), line
    assert line.endswith(
        "Under 1 Roof: 2027-01-12T00:00Z (Tue 12 Jan 10:00 +10:00 Brisbane) -> "
        "2027-01-09T17:00Z (Sun 10 Jan 03:00 +10:00 Brisbane)"
    ), line


def test_offsets_follow_daylight_saving(cli, setup_group):
    """Sydney leaves daylight saving on Sun 4 Apr 2027: +11:00 before, +10:00 after."""
    setup_group()
    cli.ok("group", "create", "--name", "Harbour", "--channel", "C0HARBOUR",
           "--rrule", "FREQ=WEEKLY;BYDAY=MO;BYHOUR=9", "--tz", "Australia/Sydney",
           "--first", "2027-03-01T09:00")
    cli.clock.at = dt.datetime(2027, 3, 20, 1, 0, tzinfo=dt.UTC)
    cli.ok("meeting", "move", "--group", "Harbour", "--from", "2027-03-29",
           "--to", "2027-04-06T08:30")
    cli.ok("meeting", "cancel", "--group", "Harbour", "--date", "2027-03-22")
    (moved,) = audit_lines(cli, "meeting_moved")
    assert moved.endswith(
        "Harbour: 2027-03-28T22:00Z (Mon 29 Mar 09:00 +11:00 Sydney) -> "
        "2027-04-05T22:30Z (Tue 6 Apr 08:30 +10:00 Sydney)"
    ), moved
    (cancelled,) = audit_lines(cli, "meeting_cancelled")
    assert cancelled.endswith("Harbour: 2027-03-21T22:00Z (Mon 22 Mar 09:00 +11:00 Sydney)")
    assert cancelled.startswith("2027-03-20 01:00:00Z"), cancelled
