"""Reports in Slack, through signed requests and the fake Web API: a facilitator's
``/casebot report`` (headline figures, only to them), everyone else's kind refusal, *Send me the
full report* (files.uploadV2 to their DM), and the monthly summary in the channel: once a month,
on the first working day, in working hours, on the group's own clock across a DST change."""

from __future__ import annotations

import datetime as dt

from devkit.fake_slack import dm_channel_id
from devkit.report_screenshot import offline_problems
from devkit.transcript import render_message
from handlers import background
from tests.identities import JANE, TOM
from tests.leak_forms import leaks_in
from tests.slack.conftest import CHANNEL, FAY, KATE, OMAR

HARBOUR = "C0HARB001"  # a group in Sydney, which has daylight saving
SUMMARY = "the month in figures"


def _command(h, text: str, user: str, channel: str = CHANNEL) -> list:
    before = len(h.fake.calls)
    h.sender.command(text, user_id=user, channel_id=channel,
                     response_url=h.fake.response_url(), trigger_id=h.fake.new_trigger_id())
    background.wait_idle()
    return [c for c in h.fake.calls[before:] if c.method == "response_url"]


def _button(reply, action_id: str) -> str:
    return next(e["value"] for b in reply.args.get("blocks", [])
                for e in b.get("elements", []) if e.get("action_id") == action_id)


def _press(h, user: str, value: str) -> list:
    before = len(h.fake.calls)
    h.sender.block_action("report_send", user_id=user, value=value, channel_id=CHANNEL,
                          response_url=h.fake.response_url())
    background.wait_idle()
    return h.fake.calls[before:]


def test_a_facilitator_gets_the_figures_and_the_full_report_in_a_dm(h, cli):
    h.at("2026-11-26T09:00+10:00")
    cli.ok("client", "exit", "U1R-015", "--outcome", "housed_private", "--date", "2026-11-26")
    (reply,) = _command(h, "report", FAY)
    assert reply.args["response_type"] == "ephemeral"  # only Fay sees it
    shown = render_message(reply.args)
    assert "Under 1 Roof* so far this month (1 Nov to 26 Nov 2026)" in shown
    assert "*Exits*\n1 (1 housed)" in shown and "*Meetings held*\n0" in shown
    assert "U1R-015" not in shown
    value = _button(reply, "report_send")

    calls = _press(h, FAY, value)
    assert [c.method for c in calls if c.method.startswith(("files.", "upload", "conv"))] == [
        "conversations.open", "files.getUploadURLExternal", "upload",
        "files.completeUploadExternal"]
    assert all(c.ok for c in calls), [(c.method, c.error) for c in calls]
    (sent,) = h.fake.files(FAY)
    assert sent["channel"] == dm_channel_id(FAY)
    assert sent["filename"] == "under-1-roof-report-2026-11-01-to-2026-11-26.html"
    page = sent["data"].decode("utf-8")
    assert page.startswith("<!DOCTYPE html>") and "Housed – private rental" in page
    assert offline_problems(page) == []
    assert not leaks_in(page, {"U1R-014": JANE, "U1R-015": TOM}) and "U1R-01" not in page
    said = [render_message(c.args) for c in calls if c.method == "response_url"]
    assert said == ["Sent: the report is in your DMs with Casebot."]
    assert not h.fake.invalid_calls()


def test_others_are_refused_kindly_and_a_copied_button_sends_nothing(h):
    (reply,) = _command(h, "report", FAY)
    value = _button(reply, "report_send")
    for user in (KATE, OMAR):  # a worker; a worker who is their agency's champion
        (refused,) = _command(h, "report", user)
        assert refused.args["response_type"] == "ephemeral"
        assert "Reports are for the group's facilitators and secretariat" in render_message(
            refused.args)
        calls = _press(h, user, value)  # Fay's button, pressed by someone else
        assert not [c for c in calls if c.method.startswith("files.")]
        assert "Reports are for the group's facilitators" in "\n".join(
            render_message(c.args) for c in calls if c.method in (
                "chat.postEphemeral", "chat.postMessage"))
    assert h.fake.files() == []


def test_the_monthly_summary_goes_once_on_the_first_working_day_in_working_hours(h, cli):
    h.at("2026-09-01T09:00+10:00")
    cli.ok("group", "create", "--name", "Harbour", "--channel", HARBOUR, "--rrule",
           "FREQ=WEEKLY;BYDAY=WE;BYHOUR=14", "--tz", "Australia/Sydney",
           "--first", "2026-09-16T14:00")
    cli.ok("member", "add", "--user", FAY, "--role", "facilitator", "--group", "Harbour")
    sent: list[tuple[str, str]] = []

    def tick(iso: str) -> None:
        before = len(h.posts(HARBOUR))
        h.tick(iso)
        for c in h.posts(HARBOUR)[before:]:
            text = render_message(c.args)
            if SUMMARY in text:
                sent.append((iso, text))

    # Meetings on 16 Sep (AEST, +10:00) and 7 Oct (AEDT, +11:00 from 4 Oct), held without
    # Casebot: the ticks after them close them.
    for iso in ("2026-09-15T09:00+10:00", "2026-09-16T19:00+10:00",
                "2026-09-30T17:00+10:00",  # Wednesday, a working day of September: nothing
                "2026-10-01T08:59+10:00",  # Thursday 1 Oct, a minute before working hours
                "2026-10-01T09:00+10:00",  # September's summary
                "2026-10-01T16:00+10:00", "2026-10-02T09:00+10:00",  # once a month
                "2026-10-07T19:00+11:00",
                "2026-11-01T10:00+11:00",  # Sunday 1 Nov
                "2026-11-02T08:59+11:00",  # Monday, before working hours
                "2026-11-02T09:00+11:00",  # October's summary: 09:00 on the clock, DST or not
                "2026-11-02T17:59+11:00"):
        tick(iso)
    assert [iso for iso, _ in sent] == ["2026-10-01T09:00+10:00", "2026-11-02T09:00+11:00"]
    september, october = (text for _, text in sent)
    assert "Harbour* in September 2026" in september and "*Meetings held*\n" in september
    assert "Harbour* in October 2026" in october
    # 23:00 and 22:00 UTC: the same 09:00 in Sydney either side of the change.
    assert [dt.datetime.fromisoformat(iso).astimezone(dt.UTC).hour for iso, _ in sent] == [
        23, 22]
    # Under 1 Roof did not exist in September or October: no summary for it.
    assert not [c for c in h.posts(CHANNEL) if SUMMARY in render_message(c.args)]
    assert not h.fake.invalid_calls()
