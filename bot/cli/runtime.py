"""``casebot serve``, ``tick`` and ``demo``: the bot, its tick, and an offline walkthrough."""

from __future__ import annotations

import argparse
import datetime as dt
import logging
from typing import TYPE_CHECKING
from zoneinfo import ZoneInfo

from bot.bootstrap import (
    Container,
    check_ready,
    configure_logging,
    dry_run_tick,
    run_scheduled_tick,
    serve,
    slack_probe,
    slack_runtime,
)
from bot.cli.console import Console, table
from bot.config import ConfigError
from bot.domain import InvalidInput
from bot.jobs import TickReport, claim_tick, tick
from bot.ports import FixedClock

if TYPE_CHECKING:
    from bot.services.dry_run import Planned  # only a dry run imports it

log = logging.getLogger(__name__)


def cmd_serve(app: Container, args: argparse.Namespace, console: Console) -> int:
    if not 1 <= args.port <= 65535:
        raise InvalidInput("--port must be between 1 and 65535")
    if args.workers < 1:
        raise InvalidInput("--workers must be 1 or more")
    configure_logging(app.settings.log_level)
    from bot import doctor  # `casebot doctor`'s checks; the fatal ones stop serve here

    for finding in doctor.at_start(app, slack_probe(app)):
        log.warning("casebot doctor: %s: %s%s", finding.check, finding.detail,
                    f" (to fix: {finding.fix})" if finding.fix else "")
    if app.settings.clock_offset:
        log.warning("CASEBOT_CLOCK_OFFSET is set: Casebot's clock is %+d s from this server's; "
                    "unset it unless you are rehearsing clock skew",
                    app.settings.clock_offset.total_seconds())
    mode = "HTTP" if args.http or app.settings.slack_app_token is None else "Socket Mode"
    where = f" on {args.host}:{args.port}" if mode == "HTTP" else ""
    console.print(f"Casebot starting in {mode}{where}. Ctrl-C stops it.")
    app.close()
    serve(app.settings, http=args.http, host=args.host, port=args.port, workers=args.workers,
          preload=args.preload)
    return 0


def parse_now(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput("--now must be a time such as 2026-12-01T09:00+10:00") from None
    if moment.tzinfo is None:
        raise InvalidInput("--now needs its offset, e.g. 2026-12-01T09:00+10:00 (or a trailing Z)")
    return moment


NEAR = dt.timedelta(days=1)


def cmd_tick(app: Container, args: argparse.Namespace, console: Console) -> int:
    if args.now:
        moment = parse_now(args.now)
        if not (args.dry_run or args.force):
            _check_near(moment, app.clock.now())
        app.clock = FixedClock(moment)
    if not args.dry_run and app.settings.slack_bot_token is None:
        raise ConfigError(
            "SLACK_BOT_TOKEN is not set, and a real tick sends through Slack; to see what it "
            "would send, without sending or changing anything, run: casebot tick --dry-run"
            + (f" --now {args.now.strip()}" if args.now else "")
        )
    check_ready(app)
    if args.dry_run:
        report, plan = dry_run_tick(app)
        console.print(*_dry_run_lines(app.clock.now(), report, plan))
        return 0
    ctx = slack_runtime(app).ctx
    if args.scheduled:
        return run_scheduled_tick(ctx, app.settings.log_level)
    # On the clock, from cron on several instances or beside `casebot serve`: one a minute.
    if not (args.now or args.force) and not claim_tick(ctx):
        console.print(
            f"This minute's tick has already run (in `casebot serve` or another instance), so "
            f"nothing was done at {app.clock.now():%Y-%m-%d %H:%M %Z}. --force runs it anyway."
        )
        return 0
    report = tick(ctx)
    console.print(f"Tick at {app.clock.now():%Y-%m-%d %H:%M %Z}: {report}.")
    return 0


def _check_near(moment: dt.datetime, now: dt.datetime) -> None:
    """A real tick far from the clock acts on that time now: prompts, minutes, closings."""
    apart = moment - now
    if abs(apart) <= NEAR:
        return
    hours = round(abs(apart) / dt.timedelta(hours=1))
    size = f"{hours} hours" if hours < 48 else f"{round(hours / 24)} days"
    raise InvalidInput(
        f"--now is {size} {'from now' if apart > dt.timedelta(0) else 'ago'}; a real tick at "
        "that time would send and close things now. Use --dry-run to look, or --force."
    )


def _dry_run_lines(now: dt.datetime, report: TickReport, plan: list[Planned]) -> list[str]:
    at = f"{now.astimezone(dt.UTC):%a %d %b %Y %H:%M} UTC"
    lines = [f"Dry run of the tick at {at}: nothing was sent and nothing in the database changed."]
    sending = [p for p in plan if p.now]
    waiting = [p for p in plan if not p.now]
    headers = ["WHEN (GROUP'S TIME)", "WHEN (UTC)", "TO", "KIND", "PREVIEW"]
    if sending:
        lines += ["", f"It would send {len(sending)} message(s):", *table(_rows(sending), headers)]
    else:
        lines += ["", f"Nothing would be sent at {at}."]
    if waiting:
        lines += [
            "",
            f"{len(waiting)} message(s) would wait in the outbox for a later tick:",
            *table(_rows(waiting), headers),
        ]
    lines += ["", f"({report.prompts} prompt(s)/reminder(s), {report.agendas} agenda message(s) "
                  f"and {report.nudges} nudge(s) would be queued.)"]
    return lines


def _rows(plan: list[Planned]) -> list[list[str]]:
    return [
        [
            f"{p.at.astimezone(ZoneInfo(p.zone)):%a %d %b %H:%M %Z}" if p.zone else "-",
            f"{p.at.astimezone(dt.UTC):%d %b %H:%M} UTC",
            p.to + (" (DM)" if p.to.startswith(("U", "W")) else ""),
            p.kind,
            p.preview,
        ]
        for p in plan
    ]


def cmd_demo(app: Container | None, args: argparse.Namespace, console: Console) -> int:
    """Ignores ``app``: the demo brings its own throwaway database, key and pretend Slack."""
    if not 0 <= args.pace <= 60:
        raise InvalidInput("--pace must be between 0 and 60 seconds")
    from devkit.demo import run_demo  # the only way into the dev kit from the product

    code = run_demo(console.out, pace=args.pace)
    if code == 0:
        console.print(NEXT_STEPS)
    return code


NEXT_STEPS = """
That was Casebot with a pretend Slack. To run it for real:
  1. Create the Slack app: https://api.slack.com/apps → Create New App → From a manifest,
     paste app_manifest.yml, install it to your workspace.
  2. Put the tokens in a .env file here (it is git-ignored):
       SLACK_BOT_TOKEN=xoxb-…   (OAuth & Permissions)
       SLACK_APP_TOKEN=xapp-…   (Basic Information → App-Level Tokens, scope connections:write)
  3. Run `make start` again: it sets up the database and key, then starts the bot.
Then add your group, members and clients: see README.md or `casebot --help`."""


def cmd_start(app: Container, args: argparse.Namespace, console: Console) -> int:
    """What `make start` runs: the real bot when Slack is configured, else the demo."""
    from bot.cli.admin import cmd_init

    if app.settings.slack_bot_token is None:
        console.print("No SLACK_BOT_TOKEN is set, so here is the offline demo first.", "")
        return cmd_demo(None, argparse.Namespace(pace=0.0), console)
    cmd_init(app, args, console)
    defaults = argparse.Namespace(http=False, host="0.0.0.0", port=3000, workers=1)
    return cmd_serve(app, defaults, console)
