"""Report figures against a hand-computed fixture: two months (Dec 2026, Jan 2027) of a
fortnightly group in Brisbane, built through the services and the command line as people would
use them; every expected figure is a literal, with the arithmetic beside it."""

from __future__ import annotations

import datetime as dt
import io
import zipfile

import pytest

from bot.domain import AttendanceResponse, InvalidInput, NotFound, ReferralDecision
from bot.services import actions, closing, meetings, onboarding, prompts, referrals, running
from bot.services import updates as update_service
from bot.services.referrals import ReferralForm
from bot.services.reports import figures, html, summary, tables, text
from bot.services.reports.model import ReportFigures
from tests.services.conftest import BRISBANE_WORKER, FACILITATOR, SYDNEY_WORKER

CHANNEL = "C0U1R0001"
GROUP = "Under 1 Roof"
KATE, OMAR, FAY = SYDNEY_WORKER, BRISBANE_WORKER, FACILITATOR  # Micah; BHC; BHC
MICAH, BHC = "Micah Projects", "Brisbane Housing Company"


def _at(w, local: str) -> None:
    w.at(f"{local}+10:00")  # Brisbane: no daylight saving


def _next_meeting(w) -> int:
    """The id of the group's next meeting (its row made if need be)."""
    with w.ctx.uow() as uow:
        group = uow.groups.by_name(GROUP)
        meeting = meetings.upcoming(uow, group, w.ctx.clock.now())
        uow.commit()
        return meeting.id


def _answer(w, user: str, response: AttendanceResponse) -> None:
    prompts.respond(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=user,
                    meeting_id=_next_meeting(w), response=response)


def _update(w, user: str, code: str, text: str) -> None:
    update_service.submit(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=user, case_code=code,
                          text=text, source="dm", renderer=w.renderer)


def _start(w) -> None:
    running.start(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=FAY, channel_id=CHANNEL)


def _step(w, how: str) -> None:
    running.step(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=FAY, channel_id=CHANNEL, how=how)


def _end(w) -> None:
    closing.end(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.renderer, user_id=FAY,
                channel_id=CHANNEL)


def _action(w, code: str, owner: str, text: str, due: dt.date | None = None) -> int:
    recorded = actions.record(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.renderer,
                              user_id=FAY, case_code=code, owner_id=owner, text=text,
                              due_on=due, parse_due=False)
    return recorded.result.action.id


def _done(w, owner: str, action_id: int) -> None:
    actions.complete(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=owner, action_id=action_id)


def _refer(w, by: str, agency: str) -> str:
    with w.ctx.uow() as uow:
        group_id = uow.groups.by_name(GROUP).id
        agency_id = uow.agencies.by_name(agency).id
    form = ReferralForm(
        user_id=by, group_id=group_id, agency_id=agency_id, key_worker=by,
        criteria=("tenancy_at_risk",), summary="rent arrears, needs a support plan",
        consent_obtained=True, consent_date=dt.date(2026, 11, 20), consent_method="written",
        agency_ids=(), review_on=None,
    )
    created = referrals.create(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.renderer,
                               form=form)
    return created.referral.case_code


def _decide(w, code: str, decision: ReferralDecision) -> None:
    reason = "outside the group's area" if decision is ReferralDecision.DECLINED else None
    referrals.decide(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.renderer, user_id=FAY,
                     case_code=code, decision=decision, reason=reason)


def build_two_months(world, tmp_path):
    """The fixture. Meetings fortnightly on Tuesdays at 10:00: 1 Dec, 15 Dec, (29 Dec called
    off), 12 Jan, 26 Jan; the next, 9 Feb, is after the period."""
    w = world()
    cli = w.cli
    steps = tmp_path / "steps.yaml"
    steps.write_text("- key: purpose\n  title: The purpose of case coordination\n")
    cli.ok("onboarding", "checklist", "--group", GROUP, "--from", str(steps))
    cli.ok("champion", "add", "--user", FAY, "--agency", BHC)  # 25 Nov: before the period
    cli.ok("meeting", "cancel", "--group", GROUP, "--date", "2026-12-29")

    # Before 1 Dec: answers (Kate comes, Omar sends apologies, Fay comes), two updates.
    _at(w, "2026-11-27T09:00")
    _answer(w, KATE, AttendanceResponse.ATTENDING)
    _answer(w, OMAR, AttendanceResponse.APOLOGIES)
    _answer(w, FAY, AttendanceResponse.ATTENDING)
    _update(w, KATE, "U1R-014", "viewing a unit on Thursday")
    _update(w, OMAR, "U1R-015", "rent arrears plan agreed")
    # Half past midnight on 1 Dec in Brisbane is still 30 Nov in UTC: December's referral.
    _at(w, "2026-12-01T00:30")
    r1 = _refer(w, KATE, MICAH)  # U1R-016

    # 1 Dec: no roll call. Three clients on the list: U1R-016 (new referral) first.
    _at(w, "2026-12-01T10:00")
    _start(w)
    _decide(w, r1, ReferralDecision.ACCEPTED)
    _step(w, "next")  # U1R-016 discussed
    _at(w, "2026-12-01T10:20")
    a1 = _action(w, "U1R-014", KATE, "call the housing provider")  # due 15 Dec
    _step(w, "next")  # U1R-014 discussed
    a2 = _action(w, "U1R-015", OMAR, "book the tenancy meeting")  # due 15 Dec
    _at(w, "2026-12-01T11:00")
    _end(w)  # U1R-015 on screen: discussed

    _at(w, "2026-12-03T09:00")
    with w.ctx.uow() as uow:
        (progress,) = onboarding.champion_progress(uow, uow.members.by_user(FAY).id)
    onboarding.tick(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.renderer, user_id=FAY,
                    value=f"{progress.champion_id}:purpose")  # onboarded on 3 Dec
    _at(w, "2026-12-10T14:00")
    _done(w, KATE, a1)  # 9 days, before its due date and the next meeting
    _at(w, "2026-12-11T09:00")
    _answer(w, KATE, AttendanceResponse.APOLOGIES)
    _answer(w, OMAR, AttendanceResponse.ATTENDING)
    _update(w, KATE, "U1R-014", "inspection booked")

    # 15 Dec: the roll is called: Omar and Fay there, Kate not.
    _at(w, "2026-12-15T10:00")
    _start(w)
    running.mark_present(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=FAY, channel_id=CHANNEL,
                         present=[OMAR, FAY])
    _step(w, "skip")  # the first client skipped...
    a3 = _action(w, "U1R-014", OMAR, "chase the bond loan", dt.date(2027, 1, 8))
    _end(w)  # ... the next one on screen at the end: discussed

    _at(w, "2026-12-20T09:00")
    _done(w, OMAR, a2)  # 19 days: after its due date and after the next meeting
    _at(w, "2027-01-05T09:00")
    r2 = _refer(w, OMAR, BHC)  # U1R-017
    a4 = _action(w, "U1R-014", KATE, "phone the GP")  # between meetings: due 12 Jan
    _at(w, "2027-01-08T09:00")
    for user in (KATE, OMAR, FAY):
        _answer(w, user, AttendanceResponse.ATTENDING)
    _at(w, "2027-01-11T16:00")
    _done(w, KATE, a4)  # 6 days

    # 12 Jan: no roll call, all three said they'd come.
    _at(w, "2027-01-12T10:00")
    _start(w)
    _decide(w, r2, ReferralDecision.DECLINED)
    _step(w, "next")
    _step(w, "next")
    a5 = _action(w, "U1R-015", FAY, "write to the landlord")  # due 26 Jan
    _end(w)

    _at(w, "2027-01-20T09:00")
    cli.ok("client", "exit", r1, "--outcome", "housed_social", "--date", "2027-01-20")
    r3 = _refer(w, KATE, MICAH)  # U1R-018
    _answer(w, KATE, AttendanceResponse.ATTENDING)
    _answer(w, FAY, AttendanceResponse.ATTENDING)  # Omar does not answer
    _update(w, OMAR, "U1R-015", "landlord replied")

    # 26 Jan: no roll call.
    _at(w, "2027-01-26T10:00")
    _start(w)
    _decide(w, r3, ReferralDecision.MORE_INFO)
    _step(w, "next")
    a6 = _action(w, "U1R-014", KATE, "send the support letter")  # due 9 Feb
    _end(w)

    _at(w, "2027-01-28T09:00")
    cli.ok("client", "exit", "U1R-015", "--outcome", "disengaged", "--date", "2027-01-28")
    # Half past midnight on 1 Feb in Brisbane (31 Jan in UTC): February's referral.
    _at(w, "2027-02-01T00:30")
    _refer(w, OMAR, BHC)  # U1R-019
    _at(w, "2027-02-03T12:00")
    return w, (a1, a2, a3, a4, a5, a6)


def _report(w, first: str, last: str) -> ReportFigures:
    return figures.compute(uow=w.ctx.uow(), clock=w.ctx.clock, group=GROUP,
                           first=dt.date.fromisoformat(first), last=dt.date.fromisoformat(last))


def _agency(r: ReportFigures, name: str):
    (found,) = [a for a in r.agencies if a.agency == name]
    return found


def test_two_months_by_hand(world, tmp_path):
    w, _ = build_two_months(world, tmp_path)
    r = _report(w, "2026-12-01", "2027-01-31")
    assert r.as_of == dt.datetime(2027, 1, 31, 14, 0, tzinfo=dt.UTC)  # 1 Feb 00:00 Brisbane

    # Meetings: 1 Dec, 15 Dec, 12 Jan, 26 Jan held; 29 Dec called off.
    assert r.meetings_held == 4 and r.cancelled == 1
    # (day, present, apologies, updates, from absent, clients reviewed)
    assert [(m.day.isoformat(), m.present, m.apologies, m.updates, m.updates_from_absent,
             m.clients_reviewed) for m in r.meetings] == [
        # Kate + Fay said they'd come; Omar apologies; updates by Kate and Omar (away);
        # reviewed U1R-016, -014, -015 (the last on screen at the end).
        ("2026-12-01", 2, 1, 2, 1, 3),
        # roll: Omar + Fay; Kate apologies, her update; -014 skipped but given an action,
        # -015 on screen at the end, -016 not reached.
        ("2026-12-15", 2, 1, 1, 1, 2),
        # all three said they'd come; -017, -016 stepped through, -015 an action, -014 on
        # screen at the end.
        ("2027-01-12", 3, 0, 0, 0, 4),
        # Kate + Fay; Omar no answer (absent, not apologies) but sent an update; -018
        # stepped, -014 an action and on screen at the end, -015 not reached.
        ("2027-01-26", 2, 0, 1, 1, 2),
    ]

    bhc, micah = _agency(r, BHC), _agency(r, MICAH)
    # Attendance. BHC: Fay 1 Dec + Omar, Fay 15 Dec + Omar, Fay 12 Jan + Fay 26 Jan
    # = 1 + 2 + 2 + 1 = 6 present, at all 4 meetings; Omar's apologies on 1 Dec = 1.
    assert (bhc.present, bhc.apologies, bhc.meetings_attended) == (6, 1, 4)
    # Micah (Kate): 1 Dec + 12 Jan + 26 Jan = 3 present, at 3 meetings; apologies 15 Dec = 1.
    assert (micah.present, micah.apologies, micah.meetings_attended) == (3, 1, 3)

    # Actions, by the owner's agency:
    #   A1 Kate, made 1 Dec, due 15 Dec, done 10 Dec (9 days; before the 15 Dec meeting)
    #   A2 Omar, made 1 Dec, due 15 Dec, done 20 Dec (19 days; late, after the 15 Dec meeting)
    #   A3 Omar, made 15 Dec, due 8 Jan, still open: overdue; its next meeting (29 Dec called
    #      off) was 12 Jan; overdue at the 12 and 26 Jan closes: escalated to Fay on 26 Jan
    #   A4 Kate, made 5 Jan, due 12 Jan, done 11 Jan (6 days; before the 12 Jan meeting)
    #   A5 Fay, made 12 Jan, due 26 Jan, cancelled when U1R-015 exited on 28 Jan
    #   A6 Kate, made 26 Jan, due 9 Feb: its next meeting is after the period
    # BHC: made A2 A3 A5 = 3; done A2 = 1, on time 0; before the next meeting: A2 no, A3 no,
    # A5 cancelled (left out) = 0 of 2; overdue A3 = 1; median days 19;
    # carried A2 at 1 Dec and 15 Dec (2) + A3 at 15 Dec, 12 Jan, 26 Jan (3)
    # + A5 at 12 Jan, 26 Jan (2) = 7; escalated A3 = 1.
    assert (bhc.actions_created, bhc.actions_completed, bhc.completed_on_time) == (3, 1, 0)
    assert (bhc.done_before_next_meeting, bhc.due_by_next_meeting, bhc.overdue) == (0, 2, 1)
    assert (bhc.median_days_to_complete, bhc.carry_overs, bhc.escalations) == (19, 7, 1)
    # Micah: made A1 A4 A6 = 3; done A1 A4 = 2, both on time; before the next meeting 2 of 2
    # (A6 left out); overdue 0; median of 9 and 6 = 7.5; carried A1 at 1 Dec + A6 at 26 Jan = 2.
    assert (micah.actions_created, micah.actions_completed, micah.completed_on_time) == (3, 2, 2)
    assert (micah.done_before_next_meeting, micah.due_by_next_meeting, micah.overdue) == (2, 2, 0)
    assert (micah.median_days_to_complete, micah.carry_overs, micah.escalations) == (7.5, 2, 0)
    # Everyone: 6 made, 3 done, 2 on time, 2 of 4 before the next meeting, median of
    # 6, 9, 19 = 9, 9 carry-overs, 1 escalation.
    t = r.total
    assert (t.actions_created, t.actions_completed, t.completed_on_time, t.overdue) == (6, 3, 2, 1)
    assert (t.done_before_next_meeting, t.due_by_next_meeting) == (2, 4)
    assert (t.median_days_to_complete, t.carry_overs, t.escalations) == (9, 9, 1)
    # Completed (and on time) per month: Dec A1 (Micah, on time), A2 (BHC, late);
    # Jan A4 (Micah, on time).
    assert [(m.month.isoformat(), m.agency, m.completed, m.on_time) for m in r.months] == [
        ("2026-12-01", BHC, 1, 0), ("2026-12-01", MICAH, 1, 1),
        ("2027-01-01", BHC, 0, 0), ("2027-01-01", MICAH, 1, 1),
    ]

    # Referrals: U1R-016 (1 Dec 00:30, accepted 1 Dec), -017 (5 Jan, declined 12 Jan), -018
    # (20 Jan, more information 26 Jan); -019 came on 1 Feb (Brisbane), outside.
    assert (r.referrals_received, r.referrals_accepted, r.referrals_declined,
            r.referrals_more_info) == (3, 1, 1, 1)
    # Exits: -016 housed (social) 20 Jan, -015 disengaged 28 Jan; the declined -017 is a
    # referral decision, not an exit.
    assert r.exits == (("Housed – social", 1), ("Disengaged", 1))
    # Referral to housed: 1 Dec to 20 Jan = 30 (rest of Dec) + 20 = 50 days.
    assert (r.housed, r.days_to_housed, r.median_days_to_housed) == (1, (50,), 50)
    # Fay, BHC's champion since 25 Nov, finished her one-item checklist on 3 Dec.
    assert [(c.agency, c.name, c.completed_on) for c in r.champions] == [
        (BHC, FAY, dt.date(2026, 12, 3))]


def test_one_month_and_the_edges_of_the_period(world, tmp_path):
    w, _ = build_two_months(world, tmp_path)
    january = _report(w, "2027-01-01", "2027-01-31")
    # 12 Jan and 26 Jan. BHC present: Omar, Fay + Fay = 3; Micah: Kate + Kate = 2.
    assert january.meetings_held == 2 and january.cancelled == 0
    bhc, micah = _agency(january, BHC), _agency(january, MICAH)
    assert (bhc.present, micah.present, bhc.apologies + micah.apologies) == (3, 2, 0)
    # BHC: made A5 (cancelled: no next-meeting share), nothing done, A3 overdue and escalated;
    # carried A3 at 12 and 26 Jan + A5 at 12 and 26 Jan = 4.
    assert (bhc.actions_created, bhc.actions_completed, bhc.due_by_next_meeting) == (1, 0, 0)
    assert bhc.share_before_next_meeting is None
    assert (bhc.overdue, bhc.carry_overs, bhc.escalations) == (1, 4, 1)
    # Micah: made A4 and A6; A4 done in 6 days before 12 Jan (1 of 1; A6's next meeting is
    # in February); carried A6 at 26 Jan = 1.
    assert (micah.actions_created, micah.actions_completed, micah.days_to_complete) == (2, 1, (6,))
    assert (micah.done_before_next_meeting, micah.due_by_next_meeting, micah.carry_overs) == (
        1, 1, 1)
    # -017 and -018 came in January; -017 declined, -018 more information.
    assert (january.referrals_received, january.referrals_accepted,
            january.referrals_declined, january.referrals_more_info) == (2, 0, 1, 1)
    assert january.champions == ()

    # The group's calendar decides: -016 came at 00:30 on 1 Dec in Brisbane (30 Nov in UTC),
    # -019 at 00:30 on 1 Feb (31 Jan in UTC).
    assert _report(w, "2026-11-01", "2026-11-30").referrals_received == 0
    assert _report(w, "2026-12-01", "2026-12-31").referrals_received == 1
    february = _report(w, "2027-02-01", "2027-02-28")
    assert february.referrals_received == 1
    assert february.as_of == w.ctx.clock.now()  # not over yet: as of now (3 Feb)

    # A2 (due 15 Dec) was still open when the first half of December ended: overdue then.
    assert _agency(_report(w, "2026-12-01", "2026-12-16"), BHC).overdue == 1
    assert _agency(_report(w, "2026-12-01", "2026-12-31"), BHC).overdue == 0


def test_a_period_that_ends_before_it_starts_or_an_unknown_group_is_refused(world):
    w = world()
    with pytest.raises(InvalidInput, match="swap --from and --to"):
        _report(w, "2027-01-31", "2027-01-01")
    with pytest.raises(NotFound, match="group"):
        figures.compute(uow=w.ctx.uow(), clock=w.ctx.clock, group="Under One Roof",
                        first=dt.date(2027, 1, 1), last=dt.date(2027, 1, 31))


def test_a_period_with_nothing_in_it_is_all_zeros(world):
    w = world()
    r = _report(w, "2026-10-01", "2026-10-31")
    assert (r.meetings_held, r.cancelled, r.referrals_received, r.exited, r.housed) == (
        0, 0, 0, 0, 0)
    assert all(a.present == a.actions_created == 0 for a in r.agencies)
    assert r.total.median_days_to_complete is None and r.median_days_to_housed is None


def test_no_format_names_or_codes_a_client_and_the_html_fetches_nothing(world, tmp_path):
    from devkit.report_screenshot import offline_problems
    from tests.leak_forms import leaks_in

    w, _ = build_two_months(world, tmp_path)
    r = _report(w, "2026-12-01", "2027-01-31")
    page = html.render_html(r)
    sheet = tables.render_xlsx(r)
    outputs = {"text": text.render_text(r), "html": page, "csv": tables.render_csv(r)}
    with zipfile.ZipFile(io.BytesIO(sheet)) as book:
        outputs["xlsx"] = "".join(book.read(n).decode("utf-8") for n in book.namelist()
                                  if n.endswith(".xml"))
    registered = {"U1R-014": {"full_name": "Jane Quokkafield"},
                  "U1R-015": {"full_name": "Thomas Brolgaway"}}
    for fmt, out in outputs.items():
        assert "U1R-" not in out, fmt
        assert not leaks_in(out, registered), fmt
    assert offline_problems(page) == []
    assert page.count("<svg") == 4  # on time by month, attendance, reviewed, outcomes


def _statements(w, first: str, last: str) -> int:
    import sqlalchemy as sa

    from bot.bootstrap import build
    from bot.config import load_settings

    container = build(load_settings(w.cli.env), clock=w.ctx.clock)
    count = 0

    def counted(*_args) -> None:
        nonlocal count
        count += 1

    sa.event.listen(container.engine, "before_cursor_execute", counted)
    try:
        figures.compute(uow=container.uow(), clock=w.ctx.clock, group=GROUP,
                        first=dt.date.fromisoformat(first), last=dt.date.fromisoformat(last))
    finally:
        container.close()
    return count


def test_the_figures_take_as_many_statements_for_500_more_actions(world, tmp_path):
    import sqlalchemy as sa

    from storage.models import Action

    w, _ = build_two_months(world, tmp_path)
    before = _statements(w, "2026-12-01", "2027-01-31")
    engine = sa.create_engine(w.cli.env["DATABASE_URL"])
    with engine.begin() as conn:
        clients = conn.scalars(sa.text("SELECT id FROM clients")).all()
        owners = conn.scalars(sa.text("SELECT id FROM members")).all()
        conn.execute(sa.insert(Action), [
            {"client_id": clients[n % len(clients)], "owner_id": owners[n % len(owners)],
             "text": f"follow up {n}", "due_on": dt.date(2026, 12, 20), "status": "done",
             "carried_count": 1, "created_at": dt.datetime(2026, 12, 2, tzinfo=dt.UTC),
             "completed_at": dt.datetime(2026, 12, 18, tzinfo=dt.UTC)}
            for n in range(500)
        ])
    engine.dispose()
    assert _statements(w, "2026-12-01", "2027-01-31") == before
    r = _report(w, "2026-12-01", "2027-01-31")
    assert r.total.actions_completed == 3 + 500  # the fixture's three, and the new ones


def test_the_monthly_summary_is_due_from_the_first_working_day_in_working_hours():
    nine = dt.time(9, 0)

    def due(iso: str, holidays: str | None = None):
        return summary.summary_due(dt.datetime.fromisoformat(iso), tz="Australia/Sydney",
                                   send_time=nine, holidays=holidays)

    december = (dt.date(2026, 12, 1), dt.date(2026, 12, 31))
    assert due("2027-01-01T08:59+11:00") is None  # Friday 1 Jan, before 09:00
    assert due("2027-01-01T09:00+11:00") == december
    assert due("2027-01-01T18:00+11:00") is None  # after working hours
    # With New South Wales' holidays, 1 Jan is New Year's Day: Monday 4 Jan it is.
    assert due("2027-01-01T10:00+11:00", "AU-NSW") is None
    assert due("2027-01-04T09:00+11:00", "AU-NSW") == december
    assert due("2027-01-20T11:00+11:00", "AU-NSW") == december  # later in the month: catch up
    assert due("2027-01-02T10:00+11:00") is None  # a Saturday
