"""``casebot serve``, ``tick`` and ``demo``: the bot, its tick, and an offline walkthrough."""

from __future__ import annotations

import argparse
import datetime as dt
import logging

from bot.app import Container, check_ready, run_demo, serve, slack_runtime
from bot.cli.console import Console
from bot.domain import InvalidInput
from bot.ports import FixedClock

LOG_FORMAT = "%(asctime)s %(levelname)s %(name)s: %(message)s"


def cmd_serve(app: Container, args: argparse.Namespace, console: Console) -> int:
    if not 1 <= args.port <= 65535:
        raise InvalidInput("--port must be between 1 and 65535")
    if args.workers < 1:
        raise InvalidInput("--workers must be 1 or more")
    logging.basicConfig(level=app.settings.log_level, format=LOG_FORMAT)
    check_ready(app)
    mode = "HTTP" if args.http or app.settings.slack_app_token is None else "Socket Mode"
    where = f" on {args.host}:{args.port}" if mode == "HTTP" else ""
    console.print(f"Casebot starting in {mode}{where}. Ctrl-C stops it.")
    app.close()
    serve(app.settings, http=args.http, host=args.host, port=args.port, workers=args.workers)
    return 0


def parse_now(text: str) -> dt.datetime:
    try:
        moment = dt.datetime.fromisoformat(text.strip())
    except ValueError:
        raise InvalidInput("--now must be a time such as 2026-12-01T09:00+10:00") from None
    if moment.tzinfo is None:
        raise InvalidInput("--now needs its offset, e.g. 2026-12-01T09:00+10:00 (or a trailing Z)")
    return moment


def cmd_tick(app: Container, args: argparse.Namespace, console: Console) -> int:
    if args.now:
        app.clock = FixedClock(parse_now(args.now))
    check_ready(app)
    report = slack_runtime(app).ctx.tick()
    console.print(f"Tick at {app.clock.now():%Y-%m-%d %H:%M %Z}: {report}.")
    return 0


def cmd_demo(app: Container | None, args: argparse.Namespace, console: Console) -> int:
    """Ignores ``app``: the demo brings its own throwaway database, key and pretend Slack."""
    if not 0 <= args.pace <= 60:
        raise InvalidInput("--pace must be between 0 and 60 seconds")
    code = run_demo(console.out, pace=args.pace, casebot=args.casebot)
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
        return cmd_demo(None, argparse.Namespace(pace=0.0, casebot=args.casebot), console)
    cmd_init(app, args, console)
    defaults = argparse.Namespace(http=False, host="0.0.0.0", port=3000, workers=1)
    return cmd_serve(app, defaults, console)
