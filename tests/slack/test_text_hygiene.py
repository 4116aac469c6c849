"""Invisible characters and markup people type, through the HTTP endpoint and the CLI export.

NUL and ESC are control characters; U+202E (right-to-left override) and U+202C (pop) reorder
what a reader sees ("Trojan Source"). None of them may reach a channel, a DM, the database or an
export; a zero-width space must not hide a formula from the CSV guard; and links, HTML and
headings written in a decision must stay words in the Markdown export.
"""

from __future__ import annotations

import csv
import io
import re

import sqlalchemy as sa

from devkit.fake_slack import dm_channel_id
from devkit.transcript import render_message
from tests.slack.conftest import CHANNEL, FAY, KATE, wait_until

HIDDEN = ("\x00", "\x1b", "\u202e", "\u202c")


def strings(value: object) -> str:
    """Every string in a payload, as sent (JSON or repr would show a NUL as an escape)."""
    if isinstance(value, str):
        return value
    if isinstance(value, dict):
        value = list(value.values())
    return "".join(strings(v) for v in value) if isinstance(value, list | tuple) else ""


def hidden_in(*payloads: object) -> list[str]:
    text = strings(payloads)
    return [repr(ch) for ch in HIDDEN if ch in text]


def stored(h, table: str) -> list[str]:
    """The clear ``text`` column of a table, read straight from the database."""
    engine = sa.create_engine(h.cli.env["DATABASE_URL"])
    try:
        with engine.connect() as conn:
            return list(conn.execute(sa.text(f"SELECT text FROM {table}")).scalars())
    finally:
        engine.dispose()


def command(h, text: str, user: str = FAY) -> object:
    """``/casebot …`` in the channel; what came back (the ack or the response URL's post)."""
    url = h.fake.response_url()
    before = len(h.fake.calls_to("response_url"))
    ack = h.sender.command(text, user_id=user, channel_id=CHANNEL, response_url=url)
    if ack.body:
        return ack.json() if ack.body.startswith("{") else ack.body
    return h.settle("response_url", before + 1)[-1].args


def test_a_dm_update_reaches_the_channel_without_control_or_bidi_characters(h):
    h.tick("2026-12-01T08:00+10:00")  # the agenda is out: a new update follows as a late note
    agenda_posts = len(h.posts(CHANNEL))
    h.sender.dm(
        "U1R-014: moved\x00 into\x1b crisis \u202eaccommodation\u202c today", user_id=KATE
    )

    def preview() -> list[dict]:
        return [m for m in h.fake.messages(dm_channel_id(KATE))
                if "as the group will see it" in render_message(m)]

    (check,) = wait_until(preview)
    assert "moved into crisis accommodation today" in render_message(check)
    h.sender.block_action("draft_confirm", user_id=KATE, message=check)
    late = wait_until(lambda: h.posts(CHANNEL)[agenda_posts:])[-1].args
    shown = render_message(late)
    assert "Late update" in shown and "moved into crisis accommodation today" in shown
    assert hidden_in(check, late) == []
    assert hidden_in(stored(h, "updates")) == []
    assert hidden_in(h.fake.messages(dm_channel_id(KATE))) == []  # the receipt too


def test_an_action_by_slash_command_reaches_the_channel_and_owner_clean(h):
    answer = command(h, f"action U1R-014 <@{KATE}|kate> call\x00 the\x1b housing "
                        "\u202eprovider\u202c by Friday")
    assert "call the housing provider" in strings(answer)
    note = wait_until(lambda: h.posts(CHANNEL))[-1].args
    assignment = wait_until(lambda: h.dms_to(KATE))[-1].args
    assert "New action for U1R-014: call the housing provider" in render_message(note).replace(
        "*", ""
    )
    assert "call the housing provider" in render_message(assignment)
    assert hidden_in(answer, note, assignment) == []
    assert hidden_in(stored(h, "actions")) == []


FORMULA = '\u200b=HYPERLINK("http://evil.example","open me")'
# As Slack sends it: a typed "<" arrives as "&lt;".
LINKS = (
    "# urgent: see [the form](http://evil.example/phish) ![logo](http://evil.example/x.png) "
    "or https://evil.example/y and www.evil.example, &lt;b&gt;today&lt;/b&gt;"
)
EXPORT = ("minutes", "--group", "Under 1 Roof", "--date", "2026-12-01", "--format")


def hold_meeting(h, *entries: tuple[str, str]) -> None:
    """Start the meeting, send each ``(user, /casebot text)``, end it: its minutes are kept."""
    h.at("2026-12-01T09:58+10:00")
    command(h, "start")
    for user, text in entries:
        command(h, text, user)
    command(h, "end")
    wait_until(lambda: len(h.fake.messages(CHANNEL)) > 1)  # the minutes are out


def test_csv_export_neutralises_formulas_behind_invisible_characters(h):
    hold_meeting(
        h,
        (KATE, f"decision U1R-014 {FORMULA}"),
        (FAY, f"action U1R-014 <@{KATE}|kate> \u200b\u200d-2+3 \x1bbond \u202eloan by Friday"),
    )
    rows = list(csv.reader(io.StringIO(h.cli.ok(*EXPORT, "csv"))))
    cells = {row[2]: row[3] for row in rows[1:]}
    # A spreadsheet shows a cell starting with an apostrophe as text, never as a formula.
    assert cells["decision"].startswith("'") and cells["decision"].lstrip("' ").startswith("=")
    assert cells["action"].startswith("'") and cells["action"].lstrip("' ").startswith("-2+3")
    assert "bond loan" in cells["action"]
    assert hidden_in(rows) == [] and "\u200b" not in strings(rows)


def test_markdown_export_shows_links_html_and_headings_literally(h):
    hold_meeting(h, (KATE, f"note U1R-014 {LINKS}"))
    md = h.cli.ok(*EXPORT, "md")
    note = next(line for line in md.splitlines() if "the form" in line)
    # Written headings, links, images, bare URLs and HTML are words in the file, not markup.
    assert note.startswith(r"- \# urgent: see \[the form\](http:\/\/evil\.example/phish) ")
    assert r"!\[logo\](http:\/\/evil\.example/x\.png)" in note
    assert r"https:\/\/evil\.example/y and www\.evil\.example, \<b\>today\</b\>" in note
    assert re.search(r"(?<!\\)[\[\]<>]", note) is None and "://" not in md
