"""The minute tick inside ``casebot serve`` (APScheduler, in memory: restarts never duplicate).
``start`` returns the scheduler: ``shutdown(wait=True)`` lets a tick under way finish."""

from __future__ import annotations

import logging
from collections.abc import Callable
from datetime import UTC, datetime

from apscheduler.schedulers.background import BackgroundScheduler

log = logging.getLogger(__name__)


def start(tick: Callable[[], object], *, seconds: int = 60) -> BackgroundScheduler:
    def safe_tick() -> None:
        try:
            tick()
        except Exception as exc:
            log.error("tick failed: %s", type(exc).__name__)

    scheduler = BackgroundScheduler(
        timezone=UTC,
        job_defaults={"coalesce": True, "max_instances": 1, "misfire_grace_time": seconds},
    )
    scheduler.add_job(
        safe_tick, "interval", seconds=seconds, next_run_time=datetime.now(UTC), id="tick"
    )
    scheduler.start()
    return scheduler
