"""The Slack adapter: Bolt listeners, Block Kit rendering and the Slack notifier.

Only this package imports ``slack_bolt``/``slack_sdk``. It calls ``bot`` services and never
touches the database directly.
"""

from __future__ import annotations

from types import ModuleType
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # a renderer or the notifier, imported alone, needs no Bolt (start-up time)
    from slack_bolt import App

    from bot.context import AppContext
    from handlers.middleware import Gate


def features() -> tuple[ModuleType, ...]:
    """Every feature's listener module, imported on the first call."""
    from handlers import (
        actions,
        commands,
        drafts,
        holiday_meetings,
        home,
        meeting,
        onboarding,
        referrals,
        reports,
        restore,
        updates,
    )

    return (commands, updates, drafts, actions, meeting, holiday_meetings, restore, home,
            referrals, onboarding, reports)


def register_all(app: App, ctx: AppContext, gate: Gate) -> None:
    """Install middleware, the error handler and every feature's listeners."""
    from handlers import errors, middleware

    middleware.install(app, ctx, gate)
    errors.install(app)
    for feature in features():
        feature.register(app, ctx)
