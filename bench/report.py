"""Time and SQL statements behind one report (``casebot report``: the figures, then the HTML),
for a quarter and a year, as a group grows: 20, 200 and 2,000 clients.

Each size is a throwaway SQLite database at the current schema, filled directly (no Slack, no
register: reports never read identities) with a year of fortnightly meetings: ten members of
five agencies answering and attending, an update and a review per client per meeting, three
actions per client (most done, some late, some carried), a referral for every fourth client,
an exit for every tenth, a champion per agency. The floor, measured beside each report in the
same round, is one plain ``SELECT`` of the group's action rows: what a report cannot do without.
Rounds go across the sizes in turn (interleaved); medians are reported.

Run from the project root: ``.venv/bin/python bench/report.py [--rounds 5] [--markdown]``.
"""

from __future__ import annotations

import argparse
import datetime as dt
import random
import statistics
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

import sqlalchemy as sa  # noqa: E402

from bot.ports import FixedClock  # noqa: E402
from bot.services.reports import figures  # noqa: E402
from bot.services.reports.html import render_html  # noqa: E402
from storage import db  # noqa: E402
from storage.models import (  # noqa: E402
    Action,
    Agency,
    Attendance,
    Champion,
    Client,
    ClientExit,
    Group,
    GroupMember,
    Meeting,
    MeetingItem,
    Member,
    Referral,
    Update,
)
from storage.uow import UnitOfWork  # noqa: E402
from storage.vault import Vault  # noqa: E402

SIZES = (20, 200, 2000)
START = dt.datetime(2027, 1, 5, 0, tzinfo=dt.UTC)  # 10:00 in Brisbane
NOW = dt.datetime(2028, 1, 10, tzinfo=dt.UTC)
PERIODS = {"quarter": (dt.date(2027, 4, 1), dt.date(2027, 6, 30)),
           "year": (dt.date(2027, 1, 1), dt.date(2027, 12, 31))}


def fill(engine: sa.Engine, clients: int) -> None:
    """A year of one group's work, inserted in bulk."""
    rng = random.Random(clients)
    t0 = START - dt.timedelta(days=30)
    with engine.begin() as conn:
        conn.execute(sa.insert(Agency), [{"id": a + 1, "name": f"Agency {a + 1}",
                                          "name_key": f"agency {a + 1}", "created_at": t0}
                                         for a in range(5)])
        conn.execute(sa.insert(Group), [{
            "id": 1, "name": "Under 1 Roof", "channel_id": "C0U1R0001",
            "rrule": "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10", "tz": "Australia/Brisbane",
            "first_meeting_at": START, "prompt_lead_days": 3, "reminder_lead_days": 1,
            "agenda_lead_minutes": 120, "nudge_lead_days": "3,1", "send_time": "09:00",
            "day_first": True, "meeting_minutes": 90, "created_at": t0}])
        conn.execute(sa.insert(Member), [{"id": m + 1, "slack_user_id": f"U0BENCH{m:03d}",
                                          "agency_id": m % 5 + 1, "created_at": t0}
                                         for m in range(10)])
        conn.execute(sa.insert(GroupMember), [{"group_id": 1, "member_id": m + 1}
                                              for m in range(10)])
        conn.execute(sa.insert(Client), [{
            "id": c + 1, "case_code": f"U1R-{c + 1:04d}", "group_id": 1, "status": "active",
            "lead_agency_id": c % 5 + 1, "key_worker_id": c % 10 + 1, "created_at": t0,
            "status_changed_at": t0} for c in range(clients)])
        meetings = [START + dt.timedelta(days=14 * n) for n in range(26)]
        conn.execute(sa.insert(Meeting), [{
            "id": n + 1, "group_id": 1, "occurrence_at": at, "scheduled_at": at,
            "status": "cancelled" if n == 25 else "closed", "started_at": at,
            "ended_at": at + dt.timedelta(minutes=90), "created_at": t0}
            for n, at in enumerate(meetings)])
        conn.execute(sa.insert(Attendance), [{
            "meeting_id": n + 1, "member_id": m + 1,
            "response": "apologies" if rng.random() < 0.2 else "attending",
            "responded_at": at - dt.timedelta(days=2), "present": None}
            for n, at in enumerate(meetings) for m in range(10)])
        conn.execute(sa.insert(Update), [{
            "meeting_id": n + 1, "client_id": c + 1, "author_id": c % 10 + 1,
            "text": "progress noted", "source": "dm", "created_at": at - dt.timedelta(days=1),
            "updated_at": at - dt.timedelta(days=1)}
            for n, at in enumerate(meetings[:-1]) for c in range(clients)])
        conn.execute(sa.insert(MeetingItem), [{
            "meeting_id": n + 1, "client_id": c + 1, "position": c + 1,
            "state": "discussed" if rng.random() < 0.85 else "pending"}
            for n in range(25) for c in range(clients)])
        rows = []
        for c in range(clients):
            for k in range(3):
                made = meetings[rng.randrange(24)] + dt.timedelta(minutes=30 + k)
                due = (made + dt.timedelta(days=14)).date()
                done = rng.random() < 0.8
                rows.append({
                    "client_id": c + 1, "owner_id": rng.randrange(10) + 1, "text": "follow up",
                    "due_on": due, "status": "done" if done else "open",
                    "carried_count": rng.randrange(3),
                    "created_at": made,
                    "completed_at": made + dt.timedelta(days=rng.randrange(1, 30)) if done
                    else None})
        conn.execute(sa.insert(Action), rows)
        conn.execute(sa.insert(Referral), [{
            "client_id": c + 1, "group_id": 1, "referrer_id": c % 10 + 1,
            "agency_id": c % 5 + 1, "criteria": "tenancy_at_risk", "summary": "needs help",
            "consent_obtained": True, "created_at": START + dt.timedelta(days=c % 300),
            "decision": "accepted", "decided_at": START + dt.timedelta(days=c % 300 + 14)}
            for c in range(0, clients, 4)])
        conn.execute(sa.insert(ClientExit), [{
            "client_id": c + 1, "exited_on": (START + dt.timedelta(days=c % 300 + 60)).date(),
            "outcome": ("housed_social", "housed_private", "disengaged")[c % 3],
            "actor": "bench", "recorded_at": NOW} for c in range(0, clients, 10)])
        conn.execute(sa.insert(Champion), [{
            "group_id": 1, "agency_id": a + 1, "member_id": a + 1, "started_at": t0,
            "completed_at": START + dt.timedelta(days=40 * a)} for a in range(5)])


class Site:
    def __init__(self, folder: Path, clients: int) -> None:
        self.clients = clients
        self.engine = db.make_engine(f"sqlite:///{folder / f'{clients}.db'}")
        db.upgrade(self.engine)
        fill(self.engine, clients)
        self.sessions = db.session_factory(self.engine)
        self.statements = 0
        sa.event.listen(self.engine, "before_cursor_execute", self._count)

    def _count(self, *_args: object) -> None:
        self.statements += 1

    def report(self, period: str) -> tuple[float, int]:
        first, last = PERIODS[period]
        self.statements = 0
        began = time.perf_counter()
        found = figures.compute(uow=UnitOfWork(self.sessions, Vault(None)),  # type: ignore[arg-type]
                                clock=FixedClock(NOW), group="Under 1 Roof", first=first,
                                last=last)
        render_html(found)
        return time.perf_counter() - began, self.statements

    def floor(self) -> float:
        began = time.perf_counter()
        with self.engine.connect() as conn:
            conn.execute(sa.select(Action.owner_id, Action.status, Action.created_at,
                                   Action.completed_at, Action.due_on)).all()
        return time.perf_counter() - began


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--markdown", action="store_true", help="print a Markdown table")
    args = parser.parse_args()
    with tempfile.TemporaryDirectory(prefix="casebot-bench-report-") as folder:
        sites = [Site(Path(folder), n) for n in SIZES]
        times: dict[tuple[int, str], list[float]] = {}
        counts: dict[tuple[int, str], int] = {}
        for _ in range(args.rounds):
            for site in sites:  # interleaved: each size in turn, the floor beside it
                for period in PERIODS:
                    took, statements = site.report(period)
                    times.setdefault((site.clients, period), []).append(took)
                    counts[(site.clients, period)] = statements
                times.setdefault((site.clients, "floor"), []).append(site.floor())
        for site in sites:
            site.engine.dispose()
    header = ("clients", "actions", "period", "statements", "report ms", "floor ms",
              "report / floor")
    rows = []
    for n in SIZES:
        floor = statistics.median(times[(n, "floor")])
        for period in PERIODS:
            took = statistics.median(times[(n, period)])
            rows.append((str(n), str(3 * n), period, str(counts[(n, period)]),
                         f"{took * 1000:.1f}", f"{floor * 1000:.2f}", f"{took / floor:.0f}×"))
    if args.markdown:
        print("| " + " | ".join(header) + " |")
        print("|" + "---|" * len(header))
        for row in rows:
            print("| " + " | ".join(row) + " |")
    else:
        print("  ".join(f"{h:>14}" for h in header))
        for row in rows:
            print("  ".join(f"{c:>14}" for c in row))
    return 0


if __name__ == "__main__":
    sys.exit(main())
