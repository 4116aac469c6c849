"""Consent: a client is shown in the channel beyond their case code only with current written
consent naming every agency at the table."""

from __future__ import annotations

import pytest

from bot.domain import NotAuthorised
from bot.services import actions, updates
from tests.services.conftest import BRISBANE_WORKER, FACILITATOR, SYDNEY_WORKER


def agenda_items(w, iso: str = "2026-12-01T08:00+10:00") -> dict:
    w.tick(iso)
    (built,) = [obj for kind, obj in w.renderer.rendered if kind == "agenda"]
    return {item.case_code: item for item in built.items}


def add_client(w, code: str, *consent: str) -> None:
    w.cli.ok(
        "client",
        "add",
        "--code",
        code,
        "--agency",
        "Micah Projects",
        "--key-worker",
        SYDNEY_WORKER,
        "--full-name",
        "Ruby Lorikeetson",
        *consent,
    )


def update(w, code: str, text: str):
    return updates.submit(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        user_id=SYDNEY_WORKER,
        case_code=code,
        text=text,
        source="dm",
        renderer=w.ctx.renderer,
    )


@pytest.mark.parametrize(
    "consent",
    [
        (),  # none recorded
        ("--consent-date", "2026-10-01"),  # only the lead agency: Brisbane Housing sits here too
        (
            "--consent-date",
            "2025-10-01",
            "--consent-expires",
            "2026-10-01",
            "--consent-agency",
            "Brisbane Housing Company",
        ),  # expired
    ],
)
def test_without_current_consent_for_every_agency_the_channel_sees_the_code_only(world, consent):
    w = world()
    add_client(w, "U1R-030", *consent)
    w.at("2026-11-28T10:00+10:00")
    update(w, "U1R-030", "moved to a new flat")
    items = agenda_items(w)
    assert items["U1R-030"].withheld and items["U1R-030"].updates == ()
    assert not items["U1R-014"].withheld


def test_recording_consent_lets_the_details_through(world):
    w = world()
    add_client(w, "U1R-031")
    out = w.cli.ok(
        "client",
        "consent",
        "U1R-031",
        "--date",
        "2026-11-20",
        "--agency",
        "Brisbane Housing Company",
    )
    assert "covers Micah Projects, Brisbane Housing Company" in out
    assert "consent_recorded" in w.cli.ok("audit", "--client", "U1R-031")
    w.at("2026-11-28T10:00+10:00")
    update(w, "U1R-031", "moved to a new flat")
    item = agenda_items(w)["U1R-031"]
    assert not item.withheld and [u.text for u in item.updates] == ["moved to a new flat"]


def test_actions_on_a_withheld_client(world):
    w = world()
    add_client(w, "U1R-032")  # consent: none, so only the lead agency (Micah) may know
    w.at("2026-11-25T12:00+10:00")
    with pytest.raises(NotAuthorised, match="consent does not cover"):
        actions.record(
            uow=w.ctx.uow(),
            clock=w.ctx.clock,
            renderer=w.ctx.renderer,
            user_id=FACILITATOR,
            case_code="U1R-032",
            owner_id=BRISBANE_WORKER,
            text="call the GP",
        )
    recorded = actions.record(
        uow=w.ctx.uow(),
        clock=w.ctx.clock,
        renderer=w.ctx.renderer,
        user_id=FACILITATOR,
        case_code="U1R-032",
        owner_id=SYDNEY_WORKER,
        text="get the consent form signed",
    )
    assert recorded.result.withheld is True


def test_no_late_note_in_the_channel_for_a_withheld_client(world):
    w = world()
    add_client(w, "U1R-033")
    w.tick("2026-12-01T08:00+10:00")
    w.at("2026-12-01T09:00+10:00")
    assert update(w, "U1R-033", "late news").outbox_keys == ()
    assert update(w, "U1R-014", "late news").outbox_keys != ()


def test_adding_a_client_without_consent_says_what_it_means(world):
    w = world()
    out = w.cli.ok(
        "client",
        "add",
        "--code",
        "U1R-034",
        "--agency",
        "Micah Projects",
        "--key-worker",
        SYDNEY_WORKER,
    )
    assert "appears in the channel by case code only" in out
    assert "casebot client consent U1R-034" in out
    bad = w.cli("client", "consent", "U1R-034", "--date", "2027-01-01")
    assert bad.code != 0 and "future" in bad.err
