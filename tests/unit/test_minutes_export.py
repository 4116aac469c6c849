"""The minutes as files: CSV cells a spreadsheet will not run, Markdown that shows what was
written instead of rendering it."""

from __future__ import annotations

import csv
import datetime as dt
import io
import unicodedata

import pytest

from bot.domain import ActionStatus, ActionView, MeetingRef, Minutes, MinutesClient, RecordView
from bot.services.minutes.export import as_csv, as_markdown

START = dt.datetime(2026, 12, 1, 0, 0, tzinfo=dt.UTC)
MEETING = MeetingRef(7, "Under 1 Roof", "C0U1R0001", START, "Australia/Brisbane")


def minutes_with(text: str) -> Minutes:
    """One decision and one action, both reading ``text``."""
    decision = RecordView(1, "decision", "U1R-014", text, "U0KATE001")
    action = ActionView(2, "U1R-014", text, "U0KATE001", dt.date(2026, 12, 4), ActionStatus.OPEN,
                        overdue=False)
    client = MinutesClient("U1R-014", True, False, (decision,), (action,), ())
    return Minutes(MEETING, None, None, "U0FAY0001", (), (client,))


def csv_texts(text: str) -> list[str]:
    rows = list(csv.reader(io.StringIO(as_csv(minutes_with(text)))))
    return [row[3] for row in rows[1:]]


@pytest.mark.parametrize(
    "text",
    [
        "=1+1", "+61 7 3000 0000", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1",
        " =1", "\u00a0=1", "\u200b=1", "\u200c\u200d=1", "\u2060+1", "\ufeff-1",
        "\u200e@x", "\u202e=1", "\u2066=1", "\u3164=1", " \u200b \t1", "\uff1d1+1",
    ],
)
def test_csv_cells_a_spreadsheet_would_run_start_with_an_apostrophe(text):
    for cell in csv_texts(text):
        assert cell.startswith("'"), repr(cell)
        # Leading invisible characters are gone; the formula is shown as written.
        assert not any(unicodedata.category(c) in ("Cf", "Cc") and c not in "\t\n" for c in cell)
        assert cell.lstrip("' \u00a0\n\t\u3164")[:1] in "=+-@\uff1d1"


@pytest.mark.parametrize(
    "text", ["call the GP", "U1R-014 moved in", " indented", "3-2 vote", "'=quoted", "café"]
)
def test_plain_csv_cells_are_left_alone(text):
    assert csv_texts(text) == [text, text]


@pytest.mark.parametrize(
    ("typed", "shown"),
    [
        ("see [the form](http://evil.example/x)", r"see \[the form\](http:\/\/evil\.example/x)"),
        ("![logo](https://evil.example/x.png)", r"!\[logo\](https:\/\/evil\.example/x\.png)"),
        ("<https://a.example> <b>hi</b> &lt;", r"\<https:\/\/a\.example\> \<b\>hi\</b\> \&lt;"),
        ("go to www.evil.example or evil.example", r"go to www\.evil\.example or evil\.example"),
        ("*bold* _it_ `code` ~~gone~~ a|b $5", r"\*bold\* \_it\_ \`code\` \~\~gone\~\~ a\|b \$5"),
        ("# heading", r"\# heading"),
        ("first\n- a list\n1. numbered\n> quote\n===", "first\\\n  \\- a list\\\n  1\\. numbered"
                                                      "\\\n  \\> quote\\\n  \\==="),
        ("U1R-014 moved; follow-up on 3.5 weeks.", r"U1R-014 moved; follow-up on 3\.5 weeks."),
        ("call\x00 the\x1b GP\u202e", "call the GP"),
    ],
)
def test_markdown_shows_what_people_wrote(typed, shown):
    md = as_markdown(minutes_with(typed))
    assert f"- {shown} (U0KATE001)\n" in md  # the decision
    assert f"- {shown} (owner U0KATE001, due 2026-12-04)\n" in md  # the action


def test_markdown_escapes_group_and_agency_names():
    from dataclasses import replace

    from bot.domain import AgencyAttendance

    minutes = replace(
        minutes_with("ok"),
        meeting=replace(MEETING, group="Under <1> Roof"),
        attendance=(AgencyAttendance("Micah *Projects*", ("U0KATE001",), (), (), ()),),
    )
    md = as_markdown(minutes)
    assert md.startswith(r"# Minutes: Under \<1\> Roof, ")
    assert r"- **Micah \*Projects\***: present: U0KATE001" in md
