"""``casebot``: the command line for the secretariat and the operator.

Every failure is one line on stderr and a non-zero exit code; nothing is half-written because
each command's changes are one transaction.
"""

from __future__ import annotations

import argparse
import contextlib
import gc
import importlib
import os
import sys
import traceback
from collections.abc import Callable, Sequence
from typing import TYPE_CHECKING

from bot.cli.console import Console
from bot.cli.parser import build_parser
from bot.errors import CasebotError

if TYPE_CHECKING:
    from bot.bootstrap import Container
    from bot.ports import Clock

# Start-up: `casebot --help` imports only the parser; a command imports its own module (and
# SQLAlchemy, the services, Slack…) when it runs. Entries are "module:function" in bot/cli/;
# a callable is accepted too.
Command = Callable[["Container", argparse.Namespace, Console], int]

COMMANDS: dict[str, str | Command] = {
    "init": "admin:cmd_init",
    "status": "admin:cmd_status",
    "doctor": "doctor:cmd_doctor",
    "db": "admin:cmd_db",
    "group": "admin:cmd_group",
    "agency": "admin:cmd_agency",
    "member": "admin:cmd_member",
    "allow": "admin:cmd_allow",
    "meeting": "admin:cmd_meeting",
    "minutes": "admin:cmd_minutes",
    "report": "reports:cmd_report",
    "client": "clients:cmd_client",
    "referrals": "referrals:cmd_referrals",
    "champion": "onboarding:cmd_champion",
    "onboarding": "onboarding:cmd_onboarding",
    "keys": "admin:cmd_keys",
    "audit": "admin:cmd_audit",
    "backup": "backup:cmd_backup",
    "restore": "backup:cmd_restore",
    "purge": "retention:cmd_purge",
    "redact": "redact:cmd_redact",
    "serve": "runtime:cmd_serve",
    "tick": "runtime:cmd_tick",
    "demo": "runtime:cmd_demo",
    "start": "runtime:cmd_start",
    "export": "exports:cmd_export",  # issue 17
}
# Commands that bring their own database (the demo): dispatched before any setting is read, so
# they work where `casebot init` never ran, whatever DATABASE_URL or .env say.
NO_SETUP: dict[str, str | Callable[[Container | None, argparse.Namespace, Console], int]] = {
    "demo": "runtime:cmd_demo",
    "doctor": "doctor:cmd_doctor",  # reads the settings itself: a bad one is one of its findings
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
            command = _command(NO_SETUP[args.command])
            _started()
            return command(None, args, console)
        command = _command(COMMANDS[args.command])
        from bot.bootstrap import build
        from bot.config import load_settings

        settings = load_settings(console.environ)
        app = build(settings, clock=clock)
        _started()
        return command(app, args, console)
    except CasebotError as exc:
        return _fail(console, exc.message, exc.exit_code)
    except _db_error("DBAPIError") as exc:
        where = app.settings.database_url_for_display() if app else "the database"
        # Only the driver's first line: SQLAlchemy's full message would repeat the statement's
        # parameters, which may be ciphertext or user input.
        orig = getattr(exc, "orig", None)
        reason = str(orig).strip().splitlines()[0] if orig else type(exc).__name__
        return _fail(console, f"database error at {where}: {reason[:200]}", 1)
    except _db_error("SQLAlchemyError") as exc:
        return _fail(console, f"database error ({type(exc).__name__}); nothing was changed", 1)
    except KeyboardInterrupt:
        return _fail(console, "interrupted; nothing was changed", 130)
    except BrokenPipeError:
        _closed_output(console)
        return _fail(console, "the output was closed before everything was written", 1)
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
        _started()
        if app is not None:
            app.close()


def _command(entry: str | Callable[..., int]) -> Callable[..., int]:
    """A ``COMMANDS`` entry's function, importing its ``bot.cli`` module on first use."""
    if callable(entry):
        return entry
    module, name = entry.split(":")
    command: Callable[..., int] = getattr(importlib.import_module(f"bot.cli.{module}"), name)
    return command


def _db_error(name: str) -> type[Exception]:
    """SQLAlchemy's exception class ``name``, looked up only when an error reaches ``main``
    (an ``except`` clause's expression runs then): `--help` never imports SQLAlchemy."""
    from sqlalchemy import exc

    error: type[Exception] = getattr(exc, name)
    return error


def _closed_output(console: Console) -> None:
    """What is still buffered for a reader that went away (``casebot redact --jsonl | head``)
    is dropped, so the interpreter's last flush does not fail again on the way out."""
    with contextlib.suppress(AttributeError, OSError, ValueError):
        os.dup2(os.open(os.devnull, os.O_WRONLY), console.out.fileno())


def _fail(console: Console, message: str, code: int) -> int:
    print(f"casebot: {message}", file=console.err)
    return code


# The console script is a fresh process that first loads its modules and wires them: hundreds of
# thousands of objects that live as long as it does, which the cyclic collector would walk again
# and again as they arrive (about a tenth of `casebot tick`'s time). So `run` pauses it, and
# `_started` freezes what was loaded (later collections skip it; gunicorn's workers, forked after,
# share those pages untouched) and resumes it before the command runs. Not for `main` called in
# a process that does other things (tests, the demo, bench): there it changes nothing.
_PAUSED: list[bool] = []


def _started() -> None:
    if _PAUSED:
        _PAUSED.clear()
        gc.freeze()
        gc.enable()


def run() -> None:
    if gc.isenabled():
        gc.disable()
        _PAUSED.append(True)
    sys.exit(main())


if __name__ == "__main__":  # pragma: no cover
    os.environ.setdefault("PYTHONUNBUFFERED", "1")
    run()
