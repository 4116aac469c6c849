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
    logging.basicConfig(level=logging.INFO, format=LOG_FORMAT)
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
    return run_demo(console.out, pace=args.pace)
