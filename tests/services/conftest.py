"""Services against a real database, with a recording notifier and renderer and a fixed clock."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass, field
from typing import Any

import pytest

from bot.bootstrap import build
from bot.config import load_settings
from bot.context import AppContext
from bot.jobs import tick
from bot.ports import DeliveryError, Pace, Posted, Profile

SYDNEY_WORKER = "U0KATE001"
BRISBANE_WORKER = "U0OMAR001"
FACILITATOR = "U0FAY0001"


class RecordingRenderer:
    """Keeps the domain objects; payloads name their kind (Block Kit is tested elsewhere)."""

    def __init__(self) -> None:
        self.rendered: list[tuple[str, Any]] = []

    def _keep(self, kind: str, obj: Any) -> dict[str, Any]:
        self.rendered.append((kind, obj))
        return {"text": kind, "kind": kind}

    def prompt(self, prompt: Any) -> dict[str, Any]:
        return self._keep("reminder" if prompt.reminder else "prompt", prompt)

    def agenda(self, agenda: Any) -> list[dict[str, Any]]:
        return [self._keep("agenda", agenda)]

    def nudge(self, nudge: Any) -> dict[str, Any]:
        return self._keep("nudge", nudge)

    def action_announcement(self, recorded: Any) -> dict[str, Any]:
        return self._keep("announcement", recorded)

    def action_assignment(self, recorded: Any) -> dict[str, Any]:
        return self._keep("assignment", recorded)

    def late_update(self, receipt: Any) -> dict[str, Any]:
        return self._keep("late-update", receipt)

    def meeting_changed(self, change: Any) -> dict[str, Any]:
        return self._keep("meeting-change", change)

    def presenter(self, screen: Any) -> dict[str, Any]:
        return self._keep("presenter", screen)

    def minutes(self, minutes: Any) -> list[dict[str, Any]]:
        return [self._keep("minutes", minutes)]

    def meeting_actions(self, summary: Any) -> dict[str, Any]:
        return self._keep("meeting-actions", summary)

    def preview(self, preview: Any) -> dict[str, Any]:
        return self._keep("preview", preview)

    def problem(self, message: str) -> dict[str, Any]:
        return self._keep("problem", message)

    def dm_help(self) -> dict[str, Any]:
        return self._keep("dm-help", None)

    def edit_not_seen(self) -> dict[str, Any]:
        return self._keep("edit-not-seen", None)

    def reassign_prompt(self, request: Any) -> dict[str, Any]:
        return self._keep("reassign-prompt", request)

    def escalation(self, escalation: Any) -> dict[str, Any]:
        return self._keep("escalation", escalation)

    def holiday_question(self, question: Any) -> dict[str, Any]:
        return self._keep("holiday-question", question)

    def term_request(self, question: Any) -> dict[str, Any]:
        return self._keep("term-request", question)

    def consent_review(self, review: Any) -> dict[str, Any]:
        return self._keep("consent-review", review)

    def onboarding(self, notice: Any) -> dict[str, Any]:
        return self._keep(f"onboarding-{notice.kind.value}", notice)

    def referral_notice(self, notice: Any) -> dict[str, Any]:
        return self._keep("referral-notice", notice)

    def referral_decided(self, decided: Any) -> dict[str, Any]:
        return self._keep("referral-decided", decided)

    def report_summary(self, headline: Any) -> dict[str, Any]:
        return self._keep("report-summary", headline)


@dataclass
class RecordingNotifier:
    """Slack as a list. ``failures``: the next posts fail, posting nothing; ``landed``: the
    next posts are kept and then fail all the same (Slack posted, then answered 500);
    ``find_failures``: the next looks fail."""

    sent: list[tuple[str, dict[str, Any], dt.datetime]] = field(default_factory=list)
    failures: list[DeliveryError] = field(default_factory=list)
    landed: list[DeliveryError] = field(default_factory=list)
    find_failures: list[DeliveryError] = field(default_factory=list)
    updated: list[tuple[str, str, dict[str, Any]]] = field(default_factory=list)
    marks: dict[str, Posted] = field(default_factory=dict)
    looked: list[tuple[str, str, dt.datetime]] = field(default_factory=list)
    clock: Any = None
    pace: Pace = field(default_factory=Pace)

    def post(self, channel: str, payload: dict[str, Any], *, mark: str | None = None) -> Posted:
        if self.failures:
            raise self.failures.pop(0)
        self.sent.append((channel, payload, self.clock.now()))
        posted = Posted("D" + channel if channel.startswith("U") else channel,
                        f"{len(self.sent)}.0")
        if mark is not None:
            self.marks[mark] = posted
        if self.landed:
            raise self.landed.pop(0)
        return posted

    def find(self, channel: str, mark: str, since: dt.datetime) -> Posted | None:
        self.looked.append((channel, mark, since))
        if self.find_failures:
            raise self.find_failures.pop(0)
        return self.marks.get(mark)

    def update(self, channel: str, ts: str, payload: dict[str, Any]) -> None:
        self.updated.append((channel, ts, payload))

    def kinds(self, channel: str | None = None) -> list[str]:
        return [p["kind"] for c, p, _ in self.sent if channel is None or c == channel]


@dataclass
class FakeDirectory:
    zones: dict[str, str]
    asked: list[str] = field(default_factory=list)

    def profile(self, user_id: str) -> Profile | None:
        self.asked.append(user_id)
        return Profile(tz=self.zones.get(user_id), real_name=None, display_name=None)


@dataclass
class World:
    cli: Any
    ctx: AppContext
    notifier: RecordingNotifier
    renderer: RecordingRenderer
    directory: FakeDirectory

    def at(self, iso: str) -> None:
        self.cli.clock.at = dt.datetime.fromisoformat(iso)

    def tick(self, iso: str | None = None) -> Any:
        if iso:
            self.at(iso)
        return tick(self.ctx)

    def sent_to(self, user: str) -> list[tuple[str, dt.datetime]]:
        return [(p["kind"], at) for c, p, at in self.notifier.sent if c == user]


@pytest.fixture
def world(cli, tmp_path):
    """A group meeting fortnightly on Tuesdays 10:00 Brisbane time, first on ``first``."""
    containers = []

    def make(
        *,
        first: str = "2026-12-01T10:00",
        rule: str = "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10",
        zones: dict[str, str] | None = None,
        extra: tuple[str, ...] = (),
    ) -> World:
        consent = (
            "--consent-date",
            "2026-10-01",
            "--consent-agency",
            "Micah Projects",
            "--consent-agency",
            "Brisbane Housing Company",
        )
        # fmt: off
        cli.ok("init")
        cli.ok("agency", "add", "Micah Projects")
        cli.ok("agency", "add", "Brisbane Housing Company")
        cli.ok("group", "create", "--name", "Under 1 Roof", "--channel", "C0U1R0001",
               "--rrule", rule, "--tz", "Australia/Brisbane", "--first", first, *extra)
        cli.ok("member", "add", "--user", SYDNEY_WORKER, "--agency", "Micah Projects",
               "--role", "worker")
        cli.ok("member", "add", "--user", BRISBANE_WORKER, "--agency",
               "Brisbane Housing Company", "--role", "worker")
        cli.ok("member", "add", "--user", FACILITATOR, "--agency", "Brisbane Housing Company",
               "--role", "facilitator")
        cli.ok("client", "add", "--code", "U1R-014", "--agency", "Micah Projects",
               "--key-worker", SYDNEY_WORKER, "--full-name", "Jane Quokkafield", *consent)
        cli.ok("client", "add", "--code", "U1R-015", "--agency", "Brisbane Housing Company",
               "--key-worker", BRISBANE_WORKER, "--full-name", "Thomas Brolgaway", *consent)
        # fmt: on
        container = build(load_settings(cli.env), clock=cli.clock)
        containers.append(container)
        notifier, renderer = RecordingNotifier(clock=cli.clock), RecordingRenderer()
        directory = FakeDirectory(
            zones
            if zones is not None
            else {
                SYDNEY_WORKER: "Australia/Sydney",
                BRISBANE_WORKER: "Australia/Brisbane",
                FACILITATOR: "Australia/Brisbane",
            }
        )
        ctx = AppContext(container.uow, cli.clock, renderer, notifier, directory)
        return World(cli, ctx, notifier, renderer, directory)

    yield make
    for container in containers:
        container.close()
