"""`/casebot meeting move` to 03:00 on a Sunday is refused kindly, with how to insist."""

from __future__ import annotations

from tests.slack.conftest import CHANNEL, FAY


def answer(h, text: str, count: int) -> str:
    h.sender.command(text, user_id=FAY, channel_id=CHANNEL, response_url=h.fake.response_url())
    return h.settle("response_url", count)[-1].args["text"]


def test_an_unlikely_time_is_refused_until_forced(h):
    refused = answer(h, "meeting move 2026-12-01 2026-12-06T03:00", 1)
    assert "Sun 06 Dec 2026 03:00" in refused and "07:00–19:00" in refused
    assert "`/casebot meeting move 2026-12-01 2026-12-06T03:00 force`" in refused
    assert h.query("SELECT count(*) FROM meetings WHERE scheduled_at <> occurrence_at")[0][0] == 0
    forced = answer(h, "meeting move 2026-12-01 2026-12-06T03:00 force", 2)
    assert "Moved to Sun 6 Dec, 03:00" in forced


def test_a_usual_time_needs_no_force(h):
    assert "Moved to Wed 2 Dec, 14:00" in answer(h, "meeting move 2026-12-01 2026-12-02T14:00", 1)
