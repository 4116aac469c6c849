"""Consent over time (issue 13, item 2): renewal, narrowing, withdrawal, review dates, the key
worker's review reminder and a secretariat's override for one meeting, with an injected clock."""

from __future__ import annotations

import datetime as dt

from bot.services import closing, running, updates
from tests.services.conftest import FACILITATOR, SYDNEY_WORKER

CHANNEL = "C0U1R0001"


def agenda_items(w, iso: str) -> dict:
    w.renderer.rendered.clear()
    w.tick(iso)
    (built,) = [obj for kind, obj in w.renderer.rendered if kind == "agenda"]
    return {item.case_code: item for item in built.items}


def update(w, code: str, text: str) -> None:
    updates.submit(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=SYDNEY_WORKER, case_code=code,
                   text=text, source="dm", renderer=w.ctx.renderer)


def reviews(w) -> list:
    return [obj for kind, obj in w.renderer.rendered if kind == "consent-review"]


def test_the_key_worker_is_reminded_14_days_before_the_review_once_on_their_own_clock(world):
    """Sydney's clocks go back on Sun 4 Apr 2027: the reminder on Mon 5 Apr goes at 09:00 AEST
    (23:00 UTC), not at 09:00 AEDT (22:00 UTC) as a fixed offset would."""
    w = world()
    w.cli.ok("client", "consent", "U1R-014", "--renew", "--date", "2026-11-20",
             "--review", "2027-04-19")
    w.tick("2027-04-02T09:30+11:00")  # Friday, 17 days before: not yet
    assert "consent-review" not in w.notifier.kinds(SYDNEY_WORKER)
    w.tick("2027-04-04T22:30+00:00")  # Monday 08:30 in Sydney (AEST): before working hours
    assert "consent-review" not in w.notifier.kinds(SYDNEY_WORKER)
    w.tick("2027-04-04T23:00+00:00")  # Monday 09:00 in Sydney
    assert w.notifier.kinds(SYDNEY_WORKER).count("consent-review") == 1
    (review,) = reviews(w)
    assert (review.case_code, review.review_on, review.today) == (
        "U1R-014", dt.date(2027, 4, 19), dt.date(2027, 4, 5)
    )
    w.tick("2027-04-05T23:00+00:00")  # the next day: not again
    w.tick("2027-04-19T23:00+00:00")  # nor on the review day
    assert w.notifier.kinds(SYDNEY_WORKER).count("consent-review") == 1
    shown = w.cli.ok("client", "show", "U1R-014")
    assert "review 2027-04-19; key worker reminded" in shown
    assert "consent now   review due" in w.cli.ok("client", "show", "U1R-014")


def test_a_new_review_date_gets_its_own_reminder(world):
    w = world()
    w.cli.ok("client", "consent", "U1R-014", "--review", "2026-12-07")
    w.tick("2026-11-25T09:00+11:00")  # Wednesday, 12 days before: due (late is better than never)
    assert w.notifier.kinds(SYDNEY_WORKER).count("consent-review") == 1
    w.cli.ok("client", "consent", "U1R-014", "--renew", "--review", "2027-11-25")
    w.tick("2026-11-26T09:00+11:00")
    assert w.notifier.kinds(SYDNEY_WORKER).count("consent-review") == 1
    w.tick("2027-11-11T09:00+11:00")  # 14 days before the new date
    assert w.notifier.kinds(SYDNEY_WORKER).count("consent-review") == 2


def test_expired_or_review_due_consent_is_marked_on_the_agenda(world):
    w = world()
    # U1R-015's consent expires the day before the meeting: case code only, review due.
    w.cli.ok("client", "consent", "U1R-015", "--renew", "--date", "2026-11-01",
             "--expires", "2026-11-30")
    # U1R-014's review date has come: still shown (it has not expired) but marked.
    w.cli.ok("client", "consent", "U1R-014", "--review", "2026-11-30")
    w.at("2026-11-28T10:00+10:00")
    update(w, "U1R-014", "moved to a new flat")
    items = agenda_items(w, "2026-12-01T08:00+10:00")
    assert items["U1R-015"].withheld and items["U1R-015"].review_due
    assert not items["U1R-014"].withheld and items["U1R-014"].review_due
    assert [u.text for u in items["U1R-014"].updates] == ["moved to a new flat"]
    # The day before it expired, U1R-015 was shown in full.
    w.cli.ok("client", "consent", "U1R-015", "--renew", "--date", "2026-11-28",
             "--review", "2027-11-01")
    assert not agenda_items(w, "2026-12-15T08:00+10:00")["U1R-015"].review_due


def test_narrowing_takes_agencies_away_and_hides_the_client_from_a_table_it_no_longer_names(world):
    w = world()
    out = w.cli.ok("client", "consent", "U1R-014", "--narrow", "--agency", "Micah Projects")
    assert "Consent narrowed for U1R-014" in out and "covers Micah Projects." in out
    assert agenda_items(w, "2026-12-01T08:00+10:00")["U1R-014"].withheld
    bad = w.cli("client", "consent", "U1R-015", "--narrow", "--agency", "Nowhere Agency")
    assert bad.code != 0
    wider = w.cli("client", "consent", "U1R-014", "--narrow", "--agency",
                  "Brisbane Housing Company")
    assert wider.code != 0 and "only takes agencies away" in wider.err


def test_withdrawal_takes_the_client_off_future_agendas_and_starts_retention(world):
    w = world()
    out = w.cli.ok("client", "consent", "U1R-014", "--withdraw", "--date", "2026-11-24")
    assert "off future agendas" in out
    items = agenda_items(w, "2026-12-01T08:00+10:00")
    assert "U1R-014" not in items and "U1R-015" in items
    prompts = [o for k, o in w.renderer.rendered if k == "prompt" and o.member == SYDNEY_WORKER]
    assert all(c.case_code != "U1R-014" for p in prompts for c in p.clients)
    shown = w.cli.ok("client", "show", "U1R-014")
    assert "consent now   withdrawn" in shown and "2026-11-24  withdrawn" in shown
    assert "consent_withdrawn" in w.cli.ok("audit", "--client", "U1R-014")
    # the retention clock: details are due 730 days after the withdrawal, not before
    w.at("2028-11-23T12:00+10:00")
    assert "Nothing is past" in w.cli.ok("purge", "--due", "--dry-run")
    w.at("2028-11-25T12:00+10:00")
    due = w.cli.ok("purge", "--due", "--dry-run")
    assert "U1R-014" in due and "consent withdrawal" in due and "U1R-015" not in due
    # a new consent brings the client back
    w.at("2026-11-26T12:00+10:00")
    w.cli.ok("client", "consent", "U1R-014", "--date", "2026-11-26", "--agency",
             "Brisbane Housing Company")
    assert "U1R-014" in agenda_items(w, "2026-12-15T08:00+10:00")


def test_the_override_applies_to_one_meeting_is_audited_in_the_minutes_and_expires(world):
    w = world()
    w.cli.ok("client", "consent", "U1R-014", "--withdraw")
    named = w.cli("client", "override", "U1R-014", "--meeting", "next", "--reason",
                  "Jane is at risk of harm tonight")
    assert named.code != 0 and "quotes a client's registered details" in named.err
    assert "Jane" not in named.err
    out = w.cli.ok("client", "override", "U1R-014", "--meeting", "next", "--reason",
                   "urgent risk of harm from an ex-partner; needs a safe place tonight")
    assert "Tue 01 Dec 2026 10:00 only" in out
    assert "consent_override" in w.cli.ok("audit", "--client", "U1R-014")
    w.at("2026-11-28T10:00+10:00")
    update(w, "U1R-014", "staying with a friend, not safe there")
    item = agenda_items(w, "2026-12-01T08:00+10:00")["U1R-014"]
    assert not item.withheld and item.override.startswith("urgent risk of harm")
    assert [u.text for u in item.updates] == ["staying with a friend, not safe there"]
    w.at("2026-12-01T10:00+10:00")
    running.start(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=FACILITATOR, channel_id=CHANNEL)
    closed = closing.end(uow=w.ctx.uow(), clock=w.ctx.clock, renderer=w.ctx.renderer,
                         user_id=FACILITATOR, channel_id=CHANNEL)
    by_code = {c.case_code: c for c in closed.minutes.clients}
    assert by_code["U1R-014"].override.startswith("urgent risk of harm")
    assert not by_code["U1R-014"].withheld
    # the next meeting: the override has expired; the client is off the agenda again
    assert "U1R-014" not in agenda_items(w, "2026-12-15T08:00+10:00")


def test_an_override_is_refused_when_consent_already_covers_the_table(world):
    w = world()
    result = w.cli("client", "override", "U1R-014", "--meeting", "next", "--reason",
                   "urgent risk of harm tonight")
    assert result.code != 0 and "no override is needed" in result.err
    assert w.cli("client", "override", "U1R-014", "--meeting", "2026-12-01", "--reason",
                 "urgent risk of harm tonight").code != 0


def test_dates_that_make_no_sense_are_refused_and_nothing_is_recorded(world):
    w = world()
    before = w.cli.ok("client", "show", "U1R-014")
    future = w.cli("client", "consent", "U1R-014", "--renew", "--date", "2026-11-26")
    assert future.code != 0 and "in the future" in future.err
    review = w.cli("client", "consent", "U1R-014", "--renew", "--date", "2026-11-20",
                   "--review", "2026-11-19")
    assert review.code != 0 and "before the consent date" in review.err
    older = w.cli("client", "consent", "U1R-014", "--withdraw", "--date", "2026-09-01")
    assert older.code != 0 and "dated on or after" in older.err
    nothing = w.cli("client", "consent", "U1R-014")
    assert nothing.code != 0 and "say what to record" in nothing.err
    assert w.cli.ok("client", "show", "U1R-014") == before


def test_a_review_date_alone_keeps_the_consent_as_it_was(world):
    w = world()
    w.cli.ok("client", "consent", "U1R-014", "--renew", "--date", "2026-11-01",
             "--expires", "2027-11-01")
    w.cli.ok("client", "consent", "U1R-014", "--review", "2027-05-01")
    last = w.cli.ok("client", "show", "U1R-014").splitlines()[-1]
    assert "2026-11-01  renewed" in last
    assert "expires 2027-11-01; review 2027-05-01" in last
    assert "Micah Projects, Brisbane Housing Company" in last
