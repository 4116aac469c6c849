"""What the Home shows depends on who asks: a mentor sees only their own mentees."""

from __future__ import annotations

import datetime as dt

from bot.services import home
from storage.models import Champion
from tests.services.conftest import BRISBANE_WORKER, SYDNEY_WORKER

MENTOR_A, MENTOR_B = "U0MENTA01", "U0MENTB01"


def test_a_mentor_sees_only_their_own_mentees(world):
    w = world()
    for user in (MENTOR_A, MENTOR_B):
        w.cli.ok("member", "add", "--user", user, "--agency", "Micah Projects", "--role", "mentor")
    uow = w.ctx.uow()
    with uow:
        ids = {m.slack_user_id: m.id for m in uow.members.all()}
        group = uow.groups.by_name("Under 1 Roof")
        agencies = {a.name: a.id for a in uow.agencies.all()}
        started = dt.datetime(2026, 11, 1, tzinfo=dt.UTC)
        uow.add(Champion(group_id=group.id, agency_id=agencies["Micah Projects"],
                         member_id=ids[SYDNEY_WORKER], mentor_id=ids[MENTOR_A], started_at=started))
        uow.add(Champion(group_id=group.id, agency_id=agencies["Brisbane Housing Company"],
                         member_id=ids[BRISBANE_WORKER], mentor_id=ids[MENTOR_B],
                         started_at=started))
        uow.commit()
    w.at("2026-11-26T10:00+10:00")
    a = home.home_for(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=MENTOR_A)
    b = home.home_for(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=MENTOR_B)
    assert [p.champion for p in a.mentees] == [SYDNEY_WORKER]
    assert [p.champion for p in b.mentees] == [BRISBANE_WORKER]
    worker = home.home_for(uow=w.ctx.uow(), clock=w.ctx.clock, user_id=BRISBANE_WORKER)
    assert worker.mentees == ()
