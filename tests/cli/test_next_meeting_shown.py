"""`status` and `group list` name the meeting that will really happen next: after a move or a
cancel, not the bare schedule's slot."""

from __future__ import annotations


def group_line(cli) -> str:
    return next(line for line in cli.ok("group", "list").splitlines() if "Under 1 Roof" in line)


def test_a_moved_meeting_is_the_next_one_shown(cli, setup_group):
    setup_group()
    assert "Tue 01 Dec 2026 10:00" in group_line(cli)
    cli.ok("meeting", "move", "--group", "Under 1 Roof", "--from", "2026-12-01",
           "--to", "2026-12-03T14:00")
    assert "Thu 03 Dec 2026 14:00" in group_line(cli)
    assert "Thu 03 Dec 2026 14:00" in cli.ok("status")


def test_a_cancelled_meeting_is_skipped(cli, setup_group):
    setup_group()
    cli.ok("meeting", "cancel", "--group", "Under 1 Roof", "--date", "2026-12-01")
    assert "Tue 15 Dec 2026 10:00" in group_line(cli)
    assert "Tue 15 Dec 2026 10:00" in cli.ok("status")
