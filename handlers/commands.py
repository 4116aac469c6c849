"""``/casebot``: one command, a few words after it. Unknown words get the help text.

Typing mistakes are answered in the acknowledgement itself; work that needs the database runs
after it, and its problems come back through the response URL.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Callable
from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot import dates
from bot.context import AppContext
from bot.domain import CasebotError, InvalidInput
from bot.services import home, leave, reschedule
from bot.services.meeting_hours import UnusualMeetingTime
from handlers import actions, meeting, onboarding, referrals, replies, reports
from handlers.background import later
from handlers.ids import COMMAND
from handlers.parsing import parse_action, parse_record, parse_update_target, split_command
from handlers.text import escape
from handlers.updates import open_update_modal

AWAY_USAGE = (
    f"Try `{COMMAND} away 2026-12-01 2026-12-14` (first and last day), or `{COMMAND} away clear`."
)
Work = Callable[[], None]
STEP_WORDS = {"next": "next", "back": "back", "skip": "skip", "discussed": "discussed"}
WORDS = {"action", "away", "update", "meeting", "start", "end", "decision", "note", *STEP_WORDS}
WORDS |= {"refer", "exit"}  # issue 13: referrals and exits (handlers/referrals.py)
WORDS |= {"champion"}  # issue 14: a new agency champion (handlers/onboarding.py)
WORDS |= {"report"}  # issue 17: this month's figures, the full report (handlers/reports.py)


def parse_away(rest: str, today: dt.date) -> tuple[dt.date, dt.date] | None:
    """Two dates, or None for "clear"."""
    if rest.strip().lower() in ("clear", "off", "back", "end"):
        return None
    words = rest.split()
    if len(words) != 2:
        raise InvalidInput(AWAY_USAGE)
    try:
        first, last = (dates.parse_due(w, today=today, next_meeting=None) for w in words)
    except InvalidInput as exc:
        raise InvalidInput(f"{exc.message} {AWAY_USAGE}") from None
    return first, last


MEETING_USAGE = (
    f"Try `{COMMAND} meeting move 2026-12-01 2026-12-03T14:00` (from the date to the new local "
    f"time) or `{COMMAND} meeting cancel 2026-12-01`, in the group's channel."
)


FORCE_WORDS = ("force", "--force")


def parse_meeting(rest: str) -> tuple[str, dt.date, dt.datetime | None, bool]:
    """(move or cancel, the meeting's date, the new time, forced); a move may end in ``force``."""
    words = rest.split()
    force = len(words) == 4 and words[0] == "move" and words[3].lower() in FORCE_WORDS
    if force:
        words = words[:3]
    if (
        not words
        or words[0] not in ("move", "cancel")
        or len(words) != (3 if words[0] == "move" else 2)
    ):
        raise InvalidInput(MEETING_USAGE)
    try:
        day = dt.date.fromisoformat(words[1])
        to = dt.datetime.fromisoformat(words[2]) if words[0] == "move" else None
    except ValueError:
        raise InvalidInput(MEETING_USAGE) from None
    return words[0], day, to, force


def _plan(
    ctx: AppContext,
    word: str,
    rest: str,
    command: dict[str, Any],
    respond: Respond,
    client: WebClient,
) -> Work:
    """Parse the command (raising on typing mistakes) and return the work to do after ack."""
    user = command["user_id"]
    if word == "action":
        parsed = parse_action(rest)
        channel = command.get("channel_id")
        return lambda: actions.run_command(ctx, client, user, parsed, respond, channel)
    if word == "update":
        code = parse_update_target(rest)
        return lambda: open_update_modal(ctx, client, command["trigger_id"], user, code)
    if word == "refer":
        where = command.get("channel_id")
        return lambda: referrals.open_refer_modal(ctx, client, command["trigger_id"], user, where)
    if word == "exit":
        code = referrals.parse_exit(rest)
        return lambda: referrals.open_exit_modal(ctx, client, command["trigger_id"], user, code)
    if word == "champion":
        target = onboarding.parse_champion(rest)
        where = command.get("channel_id")
        return lambda: onboarding.add_from_slack(ctx, user, where, target, respond)
    channel = command.get("channel_id", "")
    if word == "report":
        return lambda: reports.answer(ctx, user, channel, respond)
    if word == "start":
        return lambda: respond(response_type="ephemeral",
                               text=meeting.start(ctx, user, channel))
    if word in STEP_WORDS:
        return lambda: meeting.step(ctx, user, channel, STEP_WORDS[word])
    if word == "end":
        return lambda: respond(response_type="ephemeral",
                               text=meeting.end(ctx, user, channel))
    if word in ("decision", "note"):
        code, text = parse_record(rest, word)
        return lambda: meeting.record(ctx, client, user, channel, word, code, text, respond)
    if word == "meeting":
        what, day, to, force = parse_meeting(rest)

        def change() -> None:
            common = {"uow": ctx.uow(), "clock": ctx.clock, "renderer": ctx.renderer,
                      "group": command.get("channel_id", ""), "day": day,
                      "actor": user, "user_id": user}
            if what == "move" and to is not None:
                try:
                    result, keys = reschedule.move(to_local=to, force=force, **common)
                except UnusualMeetingTime as exc:
                    again = f"{COMMAND} meeting {' '.join(rest.split()[:3])} force"
                    raise InvalidInput(f"{exc.message} If that is right: `{again}`") from None
            else:
                result, keys = reschedule.cancel(**common)
            ctx.deliver(keys)
            respond(response_type="ephemeral", text=replies.meeting_changed(result))

        return change
    away = parse_away(rest, ctx.clock.now().date())

    def set_away() -> None:
        if away is None:
            count = leave.clear_leave(uow=ctx.uow(), clock=ctx.clock, user_id=user)
            text = replies.leave_cleared(count)
        else:
            period = leave.set_leave(
                uow=ctx.uow(), clock=ctx.clock, user_id=user, starts_on=away[0], ends_on=away[1]
            )
            text = replies.leave_set(period)
        respond(response_type="ephemeral", text=text)

    return set_away


def register(app: App, ctx: AppContext) -> None:
    @app.command(COMMAND)
    def casebot(ack: Ack, command: dict[str, Any], respond: Respond, client: WebClient) -> None:
        word, rest = split_command(command.get("text", ""))
        if word in ("", "help"):
            roles = home.roles_of(uow=ctx.uow(), user_id=command.get("user_id", ""))
            ack(response_type="ephemeral", **replies.role_help_message(roles))
            return
        if word not in WORDS:
            # Echoed escaped and in code: a typed <!channel> must not ping anyone.
            ack(response_type="ephemeral",
                text=f"I don't know `{escape(word[:30])}`. Here is what I can do:\n\n"
                     f"{replies.HELP}")
            return
        try:
            work = _plan(ctx, word, rest, command, respond, client)
        except CasebotError as exc:
            ack(response_type="ephemeral", **replies.problem(exc.message))
            return
        ack()
        later(client, command, lambda: _answered(work, respond))


def _answered(work: Work, respond: Respond) -> None:
    """A refusal comes back the way the command came: through its response URL."""
    try:
        work()
    except CasebotError as exc:
        respond(response_type="ephemeral", **replies.problem(exc.message))
