"""``casebot``: the command line for the secretariat and the operator.

Every failure is one line on stderr and a non-zero exit code; nothing is half-written because
each command's changes are one transaction.
"""

from __future__ import annotations

import argparse
import os
import sys
import traceback
from collections.abc import Callable, Sequence

from sqlalchemy.exc import DBAPIError, SQLAlchemyError

from bot.bootstrap import Container, build
from bot.cli import admin, clients, onboarding, redact, referrals, retention, runtime
from bot.cli.console import Console
from bot.cli.parser import build_parser
from bot.config import load_settings
from bot.domain import CasebotError
from bot.ports import Clock

Command = Callable[[Container, argparse.Namespace, Console], int]

COMMANDS: dict[str, Command] = {
    "init": admin.cmd_init,
    "status": admin.cmd_status,
    "db": admin.cmd_db,
    "group": admin.cmd_group,
    "agency": admin.cmd_agency,
    "member": admin.cmd_member,
    "allow": admin.cmd_allow,
    "meeting": admin.cmd_meeting,
    "minutes": admin.cmd_minutes,
    "client": clients.cmd_client,
    "referrals": referrals.cmd_referrals,
    "champion": onboarding.cmd_champion,
    "onboarding": onboarding.cmd_onboarding,
    "keys": admin.cmd_keys,
    "audit": admin.cmd_audit,
    "purge": retention.cmd_purge,
    "redact": redact.cmd_redact,
    "serve": runtime.cmd_serve,
    "tick": runtime.cmd_tick,
    "demo": runtime.cmd_demo,
    "start": runtime.cmd_start,
}
# Commands that bring their own database (the demo): dispatched before any setting is read, so
# they work where `casebot init` never ran, whatever DATABASE_URL or .env say.
NO_SETUP: dict[str, Callable[[Container | None, argparse.Namespace, Console], int]] = {
    "demo": runtime.cmd_demo,
}


def main(
    argv: Sequence[str] | None = None,
    *,
    console: Console | None = None,
    clock: Clock | None = None,
) -> int:
    console = console or Console()
    try:
        args = build_parser().parse_args(argv)
    except CasebotError as exc:
        return _fail(console, exc.message, exc.exit_code)
    except SystemExit as exc:  # --help
        return int(exc.code or 0)
    app: Container | None = None
    try:
        if args.command in NO_SETUP:
            return NO_SETUP[args.command](None, args, console)
        settings = load_settings(console.environ)
        app = build(settings, clock=clock)
        return COMMANDS[args.command](app, args, console)
    except CasebotError as exc:
        return _fail(console, exc.message, exc.exit_code)
    except DBAPIError as exc:
        where = app.settings.database_url_for_display() if app else "the database"
        # Only the driver's first line: SQLAlchemy's full message would repeat the statement's
        # parameters, which may be ciphertext or user input.
        reason = str(exc.orig).strip().splitlines()[0] if exc.orig else type(exc).__name__
        return _fail(console, f"database error at {where}: {reason[:200]}", 1)
    except SQLAlchemyError as exc:
        return _fail(console, f"database error ({type(exc).__name__}); nothing was changed", 1)
    except KeyboardInterrupt:
        return _fail(console, "interrupted; nothing was changed", 130)
    except Exception as exc:
        if console.environ.get("CASEBOT_DEBUG"):
            traceback.print_exc(file=console.err)
        return _fail(
            console,
            f"unexpected {type(exc).__name__}; nothing was changed "
            "(set CASEBOT_DEBUG=1 for the traceback)",
            1,
        )
    finally:
        if app is not None:
            app.close()


def _fail(console: Console, message: str, code: int) -> int:
    print(f"casebot: {message}", file=console.err)
    return code


def run() -> None:
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    run()
