"""The minutes as they were when the meeting closed, kept as JSON with the meeting, so a re-post
or an export months later says what the meeting said (not who owns an action today).

Everything in it is already de-identified: case codes, Slack member IDs, recorded text."""

from __future__ import annotations

import dataclasses
import datetime as dt
import json
from typing import Any

from bot.domain import (
    ActionStatus,
    ActionView,
    AgencyAttendance,
    MeetingRef,
    Minutes,
    MinutesClient,
    RecordView,
)

VERSION = 1


def dumps(minutes: Minutes) -> str:
    def plain(value: Any) -> Any:
        if isinstance(value, dt.datetime | dt.date):
            return value.isoformat()
        raise TypeError(type(value).__name__)

    return json.dumps({"v": VERSION, **dataclasses.asdict(minutes)}, default=plain,
                      separators=(",", ":"))


def _when(text: str | None) -> dt.datetime | None:
    return dt.datetime.fromisoformat(text) if text else None


def _action(d: dict[str, Any]) -> ActionView:
    return ActionView(
        d["id"], d["case_code"], d["text"], d["owner"], dt.date.fromisoformat(d["due_on"]),
        ActionStatus(d["status"]), d["overdue"], d.get("created_by"), d.get("carried", 0),
        dt.date.fromisoformat(d["as_of"]) if d.get("as_of") else None,
    )


def _records(items: list[dict[str, Any]]) -> tuple[RecordView, ...]:
    return tuple(RecordView(**r) for r in items)


def loads(text: str) -> Minutes:
    d = json.loads(text)
    m = d["meeting"]
    meeting = MeetingRef(m["id"], m["group"], m["channel_id"], _when(m["starts_at"]), m["tz"],
                         m["minutes"])
    return Minutes(
        meeting=meeting,
        started_at=_when(d["started_at"]),
        ended_at=_when(d["ended_at"]),
        facilitator=d["facilitator"],
        attendance=tuple(
            AgencyAttendance(
                a["agency"], *(tuple(a[k]) for k in ("present", "apologies", "on_leave", "absent"))
            )
            for a in d["attendance"]
        ),
        clients=tuple(
            MinutesClient(
                c["case_code"],
                c["reached"],
                c["withheld"],
                _records(c["decisions"]),
                tuple(_action(a) for a in c["actions"]),
                _records(c["notes"]),
                c.get("override"),
            )
            for c in d["clients"]
        ),
        attendance_taken=d.get("attendance_taken", False),
    )
