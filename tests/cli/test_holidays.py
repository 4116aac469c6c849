"""Public holidays on the command line: a group's calendar (``--holidays AU-QLD``), set on
creation or later, checked kindly, and shown against each meeting in ``meeting list``."""

from __future__ import annotations

import pytest

from tests.cli.test_bad_input import assert_refused

BRISBANE = [
    "group", "create", "--name", "Under 1 Roof", "--channel", "C0123ABCD",
    "--rrule", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10",
    "--tz", "Australia/Brisbane", "--first", "2026-12-01T10:00",
]


@pytest.fixture
def ready(cli):
    cli.ok("init")
    return cli


def rows(listing: str) -> dict[str, str]:
    """``meeting list`` rows by their date (``Tue 26 Jan 2027``), whole lines."""
    return {line[:15]: line for line in listing.splitlines()[2:]}


@pytest.mark.parametrize(
    ("code", "words"),
    [
        ("AU-QL", ["'AU-QL'", "AU-QLD", "AU-NSW", "AU-VIC", "AU-WA"]),
        ("AU", ["differ by state", "AU-QLD", "AU-TAS"]),
        ("XX-YY", ["'XX'", "country", "AU-QLD"]),
        ("Queensland", ["AU-QLD"]),
    ],
)
def test_an_unknown_calendar_is_refused_with_the_valid_ones(ready, code, words):
    assert_refused(ready, [*BRISBANE, "--holidays", code], *words)
    assert "Under 1 Roof" not in ready.ok("group", "list")


def test_no_calendar_by_default_and_meeting_list_labels_every_column(ready):
    ready.ok(*BRISBANE)
    listing = ready.ok("meeting", "list", "--group", "Under 1 Roof")
    header = listing.splitlines()[0]
    assert [c.strip() for c in header.split("  ") if c.strip()] == [
        "WHEN", "STATUS", "CHANGED", "PUBLIC HOLIDAY",
    ]
    # Not checked unless the group has a calendar: no flag, and a hint how to turn it on.
    assert "Australia Day" not in listing
    assert "casebot group holidays --group" in listing


def test_meeting_list_flags_meetings_on_the_groups_public_holidays(ready):
    out = ready.ok(*BRISBANE, "--holidays", "au-qld")
    assert "AU-QLD" in out
    ready.ok("meeting", "move", "--group", "Under 1 Roof", "--from", "2026-12-15",
             "--to", "2026-12-16T10:00")
    listing = ready.ok("meeting", "list", "--group", "Under 1 Roof")
    by_day = rows(listing)
    assert "Australia Day" in by_day["Tue 26 Jan 2027"]
    assert "scheduled" in by_day["Tue 26 Jan 2027"]
    # 29 Dec 2026 is not a Queensland public holiday (Boxing Day's is Mon 28 Dec): no flag.
    assert "holiday" not in by_day["Tue 29 Dec 2026"].lower()
    assert by_day["Tue 29 Dec 2026"].split()[-1] == "-"
    assert "moved from Tue 15 Dec 10:00" in by_day["Wed 16 Dec 2026"]
    assert "casebot group holidays" not in listing


def test_the_calendar_can_be_set_changed_and_turned_off_later(ready):
    ready.ok(*BRISBANE)
    out = ready.ok("group", "holidays", "--group", "under 1 roof", "AU-QLD")
    assert "Under 1 Roof" in out and "AU-QLD" in out
    assert "Australia Day" in ready.ok("meeting", "list", "--group", "Under 1 Roof")
    assert "AU-QLD" in ready.ok("group", "list")
    assert_refused(ready, ["group", "holidays", "--group", "Under 1 Roof", "AU-XYZ"], "AU-QLD")
    assert_refused(ready, ["group", "holidays", "--group", "Nowhere", "AU-QLD"], "unknown group")
    ready.ok("group", "holidays", "--group", "Under 1 Roof", "none")
    assert "Australia Day" not in ready.ok("meeting", "list", "--group", "Under 1 Roof")
    audit = ready.ok("audit")
    assert "group_holidays" in audit
