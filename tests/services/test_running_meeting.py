"""Running a meeting: who may run it, stepping, recording, the minutes, carry-over, escalation."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.domain import InvalidInput, NotAuthorised, NotFound
from bot.services import actions, closing, minutes, reassign, records, running
from bot.services.minutes import export as minutes_export
from tests.services.conftest import BRISBANE_WORKER, FACILITATOR, SYDNEY_WORKER

CHANNEL = "C0U1R0001"
CHAMPION = "U0CHAMP01"
OUTSIDER = "U0OUTSIDE"


def start(w, by: str = FACILITATOR):
    return running.start(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=by, channel_id=CHANNEL)


def step(w, how: str, by: str = FACILITATOR):
    return running.step(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=by, channel_id=CHANNEL,
                        how=how)


def record(w, kind: str, text: str, code: str | None = None, by: str = SYDNEY_WORKER):
    return records.record(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=by, channel_id=CHANNEL,
                          kind=kind, case_code=code, text=text)


def end(w, by: str = FACILITATOR):
    closed = closing.end(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer, user_id=by,
                         channel_id=CHANNEL)
    w.ctx.deliver(closed.outbox_keys)
    return closed


def action(w, code: str, owner: str, text: str, due: dt.date | None = None):
    return actions.record(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer,
                          user_id=FACILITATOR, case_code=code, owner_id=owner, text=text,
                          due_on=due, parse_due=due is None)


def test_only_facilitators_and_secretariat_run_the_meeting(world):
    w = world()
    w.at("2026-12-01T09:55+10:00")
    with pytest.raises(NotAuthorised, match="facilitators and secretariat"):
        start(w, by=BRISBANE_WORKER)
    screen = start(w)
    assert (screen.position, screen.total) == (1, 2)
    for how in ("next", "skip", "back"):
        with pytest.raises(NotAuthorised):
            step(w, how, by=SYDNEY_WORKER)
    with pytest.raises(NotAuthorised):
        end(w, by=SYDNEY_WORKER)


def test_a_meeting_cannot_start_days_early(world):
    w = world()
    w.at("2026-11-30T10:00+10:00")
    with pytest.raises(InvalidInput, match="Tue 01 Dec at 10:00"):
        start(w)


def test_stepping_and_the_time_box(world):
    w = world()
    w.at("2026-12-01T10:00+10:00")
    screen = start(w)
    assert screen.current.item.case_code == "U1R-014"
    assert screen.minutes_per_client == 45  # 90 minutes, 2 clients
    w.at("2026-12-01T10:43+10:00")
    screen, _ = running.current(uow=w.ctx.uow(), clock=w.ctx.clock, channel_id=CHANNEL)
    assert screen.client_minutes_left == 2
    assert screen.minutes_left == 47
    screen, _ = step(w, "next")
    assert (screen.position, screen.done, screen.current.item.case_code) == (2, 1, "U1R-015")
    assert screen.client_minutes_left == 45  # its own time box starts now
    screen, _ = step(w, "back")
    assert screen.current.item.case_code == "U1R-014"
    screen, _ = step(w, "skip")  # already discussed: stays discussed
    screen, _ = step(w, "skip")
    assert screen.current is None and screen.done == 1 and screen.skipped == ("U1R-015",)
    screen, _ = step(w, "skipped")  # back to the skipped one
    assert screen.current.item.case_code == "U1R-015"
    screen, _ = step(w, "next")
    assert (screen.done, screen.skipped) == (2, ())


def test_a_button_on_an_out_of_date_screen_changes_nothing(world):
    w = world()
    w.at("2026-12-01T10:00+10:00")
    start(w)
    step(w, "next")  # someone else pressed Next first
    with pytest.raises(running.StaleScreen):
        running.step(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=FACILITATOR,
                     channel_id=CHANNEL, how="skip", seen="U1R-014")
    screen, _ = running.step(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=FACILITATOR,
                             channel_id=CHANNEL, how="skip", seen="U1R-015")
    assert screen.current is None and screen.skipped == ("U1R-015",)


def test_a_second_start_returns_to_the_running_meeting(world):
    w = world()
    w.at("2026-12-01T10:00+10:00")
    start(w)
    step(w, "next")
    screen = start(w)
    assert screen.current.item.case_code == "U1R-015"


def test_records_are_deidentified_and_default_to_the_client_on_screen(world):
    w = world()
    w.at("2026-12-01T10:00+10:00")
    start(w)
    view, _ = record(w, "decision", "Jane Quokkafield to be referred to the outreach team")
    assert view.case_code == "U1R-014"
    assert "Quokkafield" not in view.text and "outreach team" in view.text
    note, _ = record(w, "note", "waiting on the housing provider", code="u1r-015")
    assert note.case_code == "U1R-015" and note.author == SYDNEY_WORKER
    with pytest.raises(NotFound, match="not one of"):
        record(w, "note", "x", code="ZZZ-999")
    with pytest.raises(InvalidInput, match="Say what"):
        record(w, "decision", "   ")


def test_a_non_member_cannot_record(world):
    w = world()
    w.cli.ok("agency", "add", "Elsewhere")
    w.cli.ok("group", "create", "--name", "Other", "--channel", "C0OTHER01", "--rrule",
             "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "--tz", "Australia/Brisbane",
             "--first", "2026-12-01T10:00")
    w.cli.ok("member", "add", "--user", OUTSIDER, "--agency", "Elsewhere", "--role",
             "facilitator", "--group", "Other")
    w.at("2026-12-01T10:00+10:00")
    start(w)
    with pytest.raises(NotAuthorised, match="Only members of Under 1 Roof"):
        record(w, "decision", "anything", by=OUTSIDER)
    with pytest.raises(NotAuthorised):
        start(w, by=OUTSIDER)  # a facilitator, but of another group


def test_wrong_entries_are_corrected_or_removed_and_audited(world):
    w = world()
    w.at("2026-12-01T10:00+10:00")
    start(w)
    view, _ = record(w, "decision", "refer to the wrong team")
    with pytest.raises(NotAuthorised):
        records.change_record(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=BRISBANE_WORKER,
                              record_id=view.id, text="hijack")
    fixed, _ = records.change_record(uow=w.ctx.uow(), clock=w.ctx.clock,
                                     user_id=SYDNEY_WORKER, record_id=view.id,
                                     text="refer to the outreach team")
    assert fixed.text == "refer to the outreach team" and fixed.author == SYDNEY_WORKER
    gone, _ = record(w, "note", "a note typed on the wrong client")
    records.change_record(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=FACILITATOR,
                          record_id=gone.id, text=None)
    wrong = action(w, "U1R-014", BRISBANE_WORKER, "a duplicate action")
    assert wrong.result.live
    records.remove_action(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=FACILITATOR,
                          action_id=wrong.result.action.id)
    closed = end(w)
    (client, _) = closed.minutes.clients
    assert [r.text for r in client.decisions] == ["refer to the outreach team"]
    assert client.notes == () and client.actions == ()
    audit = w.cli.ok("audit")
    for entry in ("decision_edited", "note_removed", "action_removed"):
        assert entry in audit
    with pytest.raises(InvalidInput, match="still running"):
        records.change_record(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=SYDNEY_WORKER,
                              record_id=view.id, text=None)


def test_minutes_attendance_items_and_not_reached(world):
    w = world()
    w.at("2026-12-01T10:00+10:00")
    start(w)
    running.mark_present(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=FACILITATOR,
                         channel_id=CHANNEL, present=[FACILITATOR, SYDNEY_WORKER])
    record(w, "decision", "refer to the outreach team")
    action(w, "U1R-014", SYDNEY_WORKER, "call the housing provider", dt.date(2026, 12, 8))
    action(w, "U1R-014", SYDNEY_WORKER, "book the GP", dt.date(2026, 12, 9))
    step(w, "next")
    step(w, "skip")
    w.at("2026-12-01T11:20+10:00")
    closed = end(w)
    m = closed.minutes
    assert m.counts() == {"clients": 2, "discussed": 1, "decisions": 1, "actions": 2, "notes": 0}
    assert m.not_reached == ("U1R-015",)
    by_agency = {a.agency: a for a in m.attendance}
    assert by_agency["Micah Projects"].present == (SYDNEY_WORKER,)
    assert by_agency["Brisbane Housing Company"].absent == (BRISBANE_WORKER,)
    # one DM to the one owner, with both new actions; the minutes in the channel
    assert w.notifier.kinds(SYDNEY_WORKER).count("meeting-actions") == 1
    assert "assignment" not in w.notifier.kinds(SYDNEY_WORKER)  # not one DM per action
    (summary,) = [o for k, o in w.renderer.rendered if k == "meeting-actions"]
    assert [a.text for a in summary.actions] == ["call the housing provider", "book the GP"]
    assert "minutes" in w.notifier.kinds(CHANNEL)
    # the client not reached goes first next time, after a new referral (waiting for a decision)
    w.cli("client", "add", "--code", "U1R-099", "--agency", "Micah Projects", "--key-worker",
          SYDNEY_WORKER, "--status", "referred", "--no-prompt")
    w.at("2026-12-15T10:00+10:00")
    screen = start(w)
    assert screen.current.item.case_code == "U1R-099"
    assert step(w, "next")[0].current.item.case_code == "U1R-015"


def test_the_client_on_screen_at_the_end_and_clients_with_entries_count_as_discussed(world):
    w = world()
    w.at("2026-12-01T10:00+10:00")
    start(w)
    record(w, "note", "talked about out of order", code="U1R-015")
    step(w, "skip")  # U1R-014 skipped; U1R-015 on screen when the meeting ends
    closed = end(w)
    assert closed.minutes.not_reached == ("U1R-014",)
    w.at("2026-12-15T10:00+10:00")
    assert start(w).current.item.case_code == "U1R-014"


def test_exports_are_deidentified_and_safe_in_a_spreadsheet(world):
    w = world()
    w.at("2026-12-01T10:00+10:00")
    start(w)
    record(w, "note", '=HYPERLINK("x") Thomas Brolgaway asked', code="U1R-015")
    step(w, "next")
    step(w, "next")
    end(w)
    found = minutes.minutes_of(uow=w.ctx.uow(), group="Under 1 Roof", day=dt.date(2026, 12, 1))
    text = minutes_export.as_csv(found) + minutes_export.as_markdown(found)
    assert "Brolgaway" not in text and "Thomas" not in text
    assert "'=HYPERLINK" in minutes_export.as_csv(found)
    assert "### U1R-015" in minutes_export.as_markdown(found)


def test_carried_over_and_escalated_once_over_three_meetings(world):
    w = world()
    w.cli.ok("member", "add", "--user", CHAMPION, "--agency", "Brisbane Housing Company",
             "--role", "champion")
    w.at("2026-12-01T10:00+10:00")
    start(w)
    late = action(w, "U1R-015", BRISBANE_WORKER, "find a bond loan", dt.date(2026, 12, 4))
    action(w, "U1R-015", BRISBANE_WORKER, "ring the school", dt.date(2026, 12, 30))
    end(w)
    for day in ("2026-12-15", "2026-12-29", "2027-01-12"):
        w.at(f"{day}T10:00+10:00")
        start(w)
        end(w)
    escalations = [(c, p) for c, p, _ in w.notifier.sent if p["kind"] == "escalation"]
    assert [c for c, _ in escalations] == [CHAMPION]
    (note,) = [o for k, o in w.renderer.rendered if k == "escalation"]
    assert note.action.id == late.result.action.id
    assert note.meeting.local_start.date() == dt.date(2026, 12, 29)  # overdue on 15th and 29th
    home = actions.get(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=BRISBANE_WORKER,
                       action_id=late.result.action.id)
    assert home.carried == 4  # open at each of the four closes


def test_the_owner_asks_and_a_facilitator_reassigns(world):
    w = world()
    w.at("2026-12-01T10:00+10:00")
    start(w)
    made = action(w, "U1R-015", BRISBANE_WORKER, "find a bond loan", dt.date(2026, 12, 4))
    action_id = made.result.action.id
    end(w)
    with pytest.raises(NotAuthorised):
        reassign.request_reassign(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer,
                                   user_id=SYDNEY_WORKER, action_id=action_id)
    (ask,) = reassign.request_reassign(uow=w.ctx.uow(), clock=w.ctx.clock,
                                        renderer=w.ctx.renderer, user_id=BRISBANE_WORKER,
                                        action_id=action_id).requests
    assert ask.facilitator == FACILITATOR
    with pytest.raises(NotAuthorised):
        reassign.reassign(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer,
                           user_id=BRISBANE_WORKER, action_id=action_id,
                           new_owner=SYDNEY_WORKER)
    done = reassign.reassign(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer,
                              user_id=FACILITATOR, action_id=action_id,
                              new_owner=SYDNEY_WORKER)
    w.ctx.deliver(done.outbox_keys)
    assert done.action.owner == SYDNEY_WORKER
    # the minutes keep what the meeting decided: the owner at the time
    kept = minutes.minutes_of(uow=w.ctx.uow(), group="Under 1 Roof", day=dt.date(2026, 12, 1))
    assert [a.owner for c in kept.clients for a in c.actions] == [BRISBANE_WORKER]
    assert w.notifier.kinds(SYDNEY_WORKER) == ["assignment"]


def test_two_minutes_left_is_signalled_once(world):
    w = world()
    w.at("2026-12-01T10:00+10:00")
    start(w)
    running.attach(uow=w.ctx.uow(), meeting_id=1, channel=CHANNEL, ts="1.000")
    w.tick("2026-12-01T10:30+10:00")
    assert w.notifier.updated == []
    w.tick("2026-12-01T10:43+10:00")
    w.tick("2026-12-01T10:44+10:00")
    assert len(w.notifier.updated) == 1
    (channel, ts, payload) = w.notifier.updated[0]
    assert (channel, ts, payload["kind"]) == (CHANNEL, "1.000", "presenter")
    (screen,) = [o for k, o in w.renderer.rendered[-1:] if k == "presenter"]
    assert screen.client_minutes_left == 2


def test_a_meeting_left_running_is_closed_hours_later_and_its_minutes_still_go_out(world):
    w = world()
    w.at("2026-12-01T10:00+10:00")
    start(w)
    running.attach(uow=w.ctx.uow(), meeting_id=1, channel=CHANNEL, ts="1.000")
    record(w, "decision", "refer to the outreach team")
    w.tick("2026-12-01T14:29+10:00")  # 90 minutes and 3 hours: not yet
    assert "minutes" not in w.notifier.kinds(CHANNEL)
    w.tick("2026-12-01T14:30+10:00")
    assert w.notifier.kinds(CHANNEL).count("minutes") == 1
    (closed_screen,) = [o for k, o in w.renderer.rendered if k == "presenter" and o.ended]
    assert w.notifier.updated[-1][:2] == (CHANNEL, "1.000")
    assert closed_screen.done == 1
    assert "meeting_closed" in w.cli.ok("audit")
    w.tick("2026-12-01T16:00+10:00")
    assert w.notifier.kinds(CHANNEL).count("minutes") == 1  # once
    w.at("2026-12-15T10:00+10:00")
    assert start(w).meeting.local_start.date() == dt.date(2026, 12, 15)


def test_a_reassign_request_shows_details_only_to_facilitators_the_consent_names(world):
    w = world()
    w.cli.ok("agency", "add", "Elsewhere")
    w.cli.ok("member", "add", "--user", "U0FAC0002", "--agency", "Elsewhere",
             "--role", "facilitator")
    w.at("2026-12-01T10:00+10:00")
    made = action(w, "U1R-014", SYDNEY_WORKER, "find a bond loan", dt.date(2026, 12, 4))
    asks = reassign.request_reassign(uow=w.ctx.uow(), clock=w.ctx.clock,
                                      renderer=w.ctx.renderer, user_id=SYDNEY_WORKER,
                                      action_id=made.result.action.id).requests
    assert {(a.facilitator, a.withheld) for a in asks} == {
        (FACILITATOR, False),
        ("U0FAC0002", True),
    }


def test_a_group_can_set_its_own_time_box_per_client(world):
    w = world(extra=("--client-minutes", "6"))
    w.at("2026-12-01T10:00+10:00")
    assert start(w).minutes_per_client == 6
    w.at("2026-12-01T10:04+10:00")
    screen, _ = running.current(uow=w.ctx.uow(), clock=w.ctx.clock, channel_id=CHANNEL)
    assert screen.client_minutes_left == 2
    bad = w.cli("group", "create", "--name", "X", "--channel", "C0X000001", "--rrule",
                "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "--tz", "Australia/Brisbane",
                "--client-minutes", "0")
    assert bad.code != 0 and "--client-minutes" in bad.err


def test_a_facilitator_of_another_group_cannot_touch_this_groups_entries(world):
    w = world()
    w.cli.ok("agency", "add", "Elsewhere")
    w.cli.ok("group", "create", "--name", "Other", "--channel", "C0OTHER01", "--rrule",
             "FREQ=WEEKLY;BYDAY=TU;BYHOUR=10", "--tz", "Australia/Brisbane")
    w.cli.ok("member", "add", "--user", OUTSIDER, "--agency", "Elsewhere", "--role",
             "facilitator", "--group", "Other")
    w.at("2026-12-01T10:00+10:00")
    start(w)
    view, _ = record(w, "decision", "refer to the outreach team")
    made = action(w, "U1R-014", SYDNEY_WORKER, "call the GP", dt.date(2026, 12, 8))
    with pytest.raises(NotAuthorised):
        records.record_for_editing(uow=w.ctx.uow(), user_id=OUTSIDER, record_id=view.id)
    with pytest.raises(NotAuthorised):
        records.change_record(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=OUTSIDER,
                              record_id=view.id, text=None)
    with pytest.raises(NotAuthorised):
        records.remove_action(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=OUTSIDER,
                              action_id=made.result.action.id)
    assert end(w).minutes.counts()["decisions"] == 1


def test_a_client_added_during_the_meeting_reaches_the_minutes(world):
    w = world()
    w.at("2026-12-01T10:00+10:00")
    start(w)
    w.cli.ok("client", "add", "--code", "U1R-016", "--agency", "Micah Projects", "--key-worker",
             SYDNEY_WORKER, "--status", "referred", "--no-prompt", "--consent-date",
             "2026-11-30", "--consent-agency", "Micah Projects", "--consent-agency",
             "Brisbane Housing Company")
    record(w, "decision", "accept the referral", code="U1R-016")
    action(w, "U1R-016", SYDNEY_WORKER, "book an intake", dt.date(2026, 12, 8))
    minutes = end(w).minutes
    (new,) = [c for c in minutes.clients if c.case_code == "U1R-016"]
    assert new.reached and len(new.decisions) == 1 and len(new.actions) == 1
    assert minutes.counts()["actions"] == 1


def test_the_screen_survives_its_client_being_purged(world):
    w = world()
    w.at("2026-12-01T10:00+10:00")
    start(w)
    w.cli.ok("client", "purge", "U1R-014", "--reason", "asked to be forgotten", "--yes")
    screen, _ = running.current(uow=w.ctx.uow(), clock=w.ctx.clock, channel_id=CHANNEL)
    assert screen.current.item.withheld and screen.current.records == ()
    screen, _ = step(w, "next")
    assert screen.current.item.case_code == "U1R-015"


def test_with_no_champion_the_escalation_waits_for_one(world):
    w = world()
    w.at("2026-12-01T10:00+10:00")
    start(w)
    action(w, "U1R-015", BRISBANE_WORKER, "find a bond loan", dt.date(2026, 12, 4))
    end(w)
    for day in ("2026-12-15", "2026-12-29"):
        w.at(f"{day}T10:00+10:00")
        start(w)
        end(w)
    assert "escalation" not in w.notifier.kinds()  # overdue twice, but nobody to tell
    w.cli.ok("member", "add", "--user", CHAMPION, "--agency", "Brisbane Housing Company",
             "--role", "champion")
    w.at("2027-01-12T10:00+10:00")
    start(w)
    end(w)
    assert w.notifier.kinds().count("escalation") == 1
    assert "escalation" in w.notifier.kinds(CHAMPION)


def test_meetings_not_run_in_casebot_still_count_towards_escalation(world):
    w = world()
    w.cli.ok("member", "add", "--user", CHAMPION, "--agency", "Brisbane Housing Company",
             "--role", "champion")
    w.at("2026-11-26T10:00+10:00")
    action(w, "U1R-015", BRISBANE_WORKER, "find a bond loan", dt.date(2026, 11, 30))
    for day in ("2026-12-01", "2026-12-15"):  # held, but nobody typed /casebot start
        w.tick(f"{day}T09:00+10:00")
        w.tick(f"{day}T15:00+10:00")
    assert w.notifier.kinds().count("escalation") == 1
    assert "escalation" in w.notifier.kinds(CHAMPION)
    (note,) = [o for k, o in w.renderer.rendered if k == "escalation"]
    assert note.meeting.local_start.date() == dt.date(2026, 12, 15)
    missing = w.cli("minutes", "--group", "Under 1 Roof", "--date", "2026-12-01")
    assert missing.code != 0 and "was not run in Casebot" in missing.err


def test_after_the_end_people_are_told_the_meeting_has_ended(world):
    w = world()
    w.at("2026-12-01T10:00+10:00")
    start(w)
    end(w)
    with pytest.raises(InvalidInput, match="has ended and its minutes are posted"):
        step(w, "next")
    with pytest.raises(InvalidInput, match="has ended"):
        record(w, "note", "too late")
