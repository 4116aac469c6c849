"""What the scheduler runs: one idempotent ``tick`` that asks each service what is due.

The database is the source of truth: a tick run twice, by two processes, or after a crash,
queues nothing twice (outbox keys) and sends each message once.
"""

from __future__ import annotations

import logging
import os
import socket
from dataclasses import dataclass

from bot.context import AppContext
from bot.domain import Presenter
from bot.health import TICK_LEASE as TICK_LEASE  # the lease, and what its probe reads
from bot.screen import Where, show_quietly
from bot.screen_lock import SCREEN
from bot.services import (
    agenda,
    closing,
    consent,
    directory,
    drafts,
    events,
    holiday_meetings,
    meeting_screen,
    nudges,
    onboarding,
    outbox,
    privacy,
    prompts,
    retention,
)
from bot.services.reports import summary as report_summary

log = logging.getLogger(__name__)


def _holder() -> str:
    """Who took a minute's tick, for the debug log: host and process (read after the fork)."""
    return f"{socket.gethostname()}:{os.getpid()}"


@dataclass(frozen=True)
class TickReport:
    prompts: int
    agendas: int
    nudges: int
    sent: int
    holiday_questions: int = 0
    consent_reviews: int = 0  # key workers reminded that a consent is due for review
    retention_purges: int = 0  # clients whose details or case record reached retention's end
    onboarding: int = 0  # champions' stall nudges, mentors' digests, completions announced
    reports: int = 0  # monthly summaries in the groups' channels

    def __str__(self) -> str:
        questions = (
            f", {self.holiday_questions} public-holiday question(s)"
            if self.holiday_questions
            else ""
        )
        if self.consent_reviews:
            questions += f", {self.consent_reviews} consent review reminder(s)"
        if self.retention_purges:
            questions += f", {self.retention_purges} retention purge(s)"
        if self.onboarding:
            questions += f", {self.onboarding} onboarding message(s)"
        if self.reports:
            questions += f", {self.reports} monthly summary(ies)"
        return (
            f"queued {self.prompts} prompt(s)/reminder(s), {self.agendas} agenda message(s), "
            f"{self.nudges} nudge(s){questions}; sent {self.sent} message(s)"
        )



def tick(deps: AppContext) -> TickReport:
    if deps.directory is not None:
        directory.refresh_profiles(uow=deps.uow(), clock=deps.clock, directory=deps.directory)
    queued_prompts = prompts.enqueue_due(uow=deps.uow(), clock=deps.clock, renderer=deps.renderer)
    queued_agendas = agenda.enqueue_due(uow=deps.uow(), clock=deps.clock, renderer=deps.renderer)
    queued_nudges = nudges.enqueue_due(uow=deps.uow(), clock=deps.clock, renderer=deps.renderer)
    questions = holiday_meetings.enqueue_due(
        uow=deps.uow(), clock=deps.clock, renderer=deps.renderer
    )
    reviews = consent.enqueue_due(uow=deps.uow(), clock=deps.clock, renderer=deps.renderer)
    mentoring = onboarding.enqueue_due(uow=deps.uow(), clock=deps.clock, renderer=deps.renderer)
    summaries = report_summary.enqueue_due(uow=deps.uow(), clock=deps.clock,
                                           renderer=deps.renderer)
    # Details and case records past their retention periods (a no-op on most ticks).
    purged = len(retention.purge_due(uow=deps.uow(), clock=deps.clock).due)
    with SCREEN:  # the screens' changes and their edits, as in the handlers
        screens: list[tuple[Presenter, Where]] = []
        for closed in closing.close_forgotten(
            uow=deps.uow(), clock=deps.clock, renderer=deps.renderer
        ):
            log.info("closed a meeting left running; its minutes go out now")
            screens.append((closed.final_screen, closed.presenter))
        for _key, screen, where in meeting_screen.timeboxes_due(uow=deps.uow(), clock=deps.clock):
            screens.append((screen, where))  # the "2 minutes left" signal
        for screen, where in screens:  # a deleted screen is not put back by the tick
            show_quietly(deps, screen, where, repost=False)
    sent = outbox.deliver(uow_factory=deps.uow, notifier=deps.notifier, clock=deps.clock,
                          stop=deps.stopping)
    events.forget_old(uow=deps.uow(), clock=deps.clock)
    drafts.forget_expired(uow=deps.uow(), clock=deps.clock)
    privacy.forget_purged(uow=deps.uow())  # every serving process ticks: each forgets
    report = TickReport(
        queued_prompts, queued_agendas, queued_nudges, sent, questions, reviews, purged,
        mentoring, summaries,
    )
    if (sent or queued_prompts or queued_agendas or queued_nudges or questions or reviews
            or purged or mentoring or summaries):
        log.info("tick: %s", report)
    return report


def claim_tick(deps: AppContext, *, holder: str | None = None, seconds: int = 60) -> bool:
    """Claim this period's tick for the whole deployment (every worker and instance asks;
    exactly one a period is told yes, on the database's clock)."""
    with deps.uow() as uow:
        won = uow.leases.claim(TICK_LEASE, holder or _holder(), seconds=seconds)
        uow.commit()
    if not won:
        log.debug("tick skipped: this minute's tick is another worker's or instance's")
    return won


def scheduled_tick(
    deps: AppContext, *, holder: str | None = None, seconds: int = 60
) -> TickReport | None:
    """What each serving process's scheduler runs every minute: the tick, if this process is the
    one to claim the minute; otherwise only its own housekeeping. None when skipped (also once
    the process is stopping)."""
    if deps.stopping.is_set():
        return None
    if claim_tick(deps, holder=holder, seconds=seconds):
        return tick(deps)
    privacy.forget_purged(uow=deps.uow())  # the register's compiled copy is per process
    return None


def give_back_tick(deps: AppContext, *, holder: str | None = None, seconds: int = 60) -> None:
    """A stopping process hands back this minute's tick if it had it, so that another instance
    (one starting in its place) may tick at once, and send what this one gave back."""
    with deps.uow() as uow:
        given = uow.leases.give_back(TICK_LEASE, holder or _holder(), seconds=seconds)
        uow.commit()
    if given:
        log.info("stopping: this minute's tick is handed back")
