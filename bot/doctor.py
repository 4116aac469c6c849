"""`casebot doctor`: is this installation able to run, and if not, the one thing to do.

Each check gives a Finding; a failed check that makes the others meaningless (no database, say)
skips them with the reason. `casebot serve` runs the same checks at start: the ones marked
``stops_serve`` stop it, the rest are logged.
"""

from __future__ import annotations

import enum
from collections.abc import Iterator
from dataclasses import dataclass

from bot.bootstrap import Container
from bot.config import Settings
from bot.domain import CasebotError
from bot.health import last_tick
from bot.ports import SLACK_SCOPES, SlackIdentity, SlackProbe
from bot.services import directory, upkeep
from storage import db
from storage.keyfile import FileKeySource, exposed_message, exposed_mode

# auth.test's answers for a token that will never work as it is.
REFUSED_TOKEN = {"invalid_auth", "not_authed", "token_revoked", "token_expired",
                 "account_inactive", "not_allowed_token_type"}
TOKEN_FIX = ("copy the Bot User OAuth Token (xoxb-…) again from your Slack app's OAuth & "
             "Permissions page into SLACK_BOT_TOKEN (reinstall the app if it was removed)")


class Status(enum.StrEnum):
    OK = "ok"
    WARN = "warning"
    FAIL = "fail"
    SKIP = "skipped"


@dataclass(frozen=True)
class Finding:
    check: str
    status: Status
    detail: str
    fix: str | None = None  # the one thing to do, for a secretariat with no IT team
    stops_serve: bool = False  # `casebot serve` refuses to start with this problem


def halves(message: str) -> tuple[str, str | None]:
    """A Casebot error reads "what is wrong; what to do": the two halves."""
    what, sep, fix = message.partition("; ")
    return (what, fix) if sep else (message, None)


def configuration(settings: Settings) -> Finding:
    if settings.slack_bot_token is None:
        return Finding(
            "configuration", Status.FAIL, "SLACK_BOT_TOKEN is not set, so Casebot cannot use Slack",
            "put the Bot User OAuth Token (xoxb-…) from your Slack app's OAuth & Permissions "
            "page in the .env file as SLACK_BOT_TOKEN=…", stops_serve=True,
        )
    if settings.slack_app_token is None and settings.slack_signing_secret is None:
        return Finding(
            "configuration", Status.FAIL,
            "neither SLACK_APP_TOKEN (Socket Mode) nor SLACK_SIGNING_SECRET (HTTP mode) is set",
            "put SLACK_APP_TOKEN=xapp-… (Basic Information → App-Level Tokens) in the .env file",
            stops_serve=True,
        )
    mode = "Socket Mode" if settings.slack_app_token else "HTTP mode"
    return Finding("configuration", Status.OK, f"settings read; Slack in {mode}")


def database(app: Container) -> Finding:
    where = app.settings.database_url_for_display()
    db_file = db.sqlite_path(app.engine)
    if db_file is not None and not db_file.exists():  # connecting would create an empty one
        return Finding("database", Status.FAIL, f"there is no database at {db_file} yet",
                       "run: casebot init", stops_serve=True)
    try:
        with app.engine.connect() as conn:
            conn.exec_driver_sql("SELECT 1")
    except Exception as exc:
        orig = getattr(exc, "orig", None) or exc
        reason = (str(orig).strip().splitlines() or [type(exc).__name__])[0][:200]
        return Finding(
            "database", Status.FAIL, f"cannot reach the database at {where}: {reason}",
            "check DATABASE_URL, and that the database server is running and reachable from "
            "here", stops_serve=True,
        )
    return Finding("database", Status.OK, f"{where} answers")


def schema(app: Container) -> Finding:
    current, head = db.current_revision(app.engine), db.head_revision()
    if current is None:
        return Finding("schema", Status.FAIL, "the database has no Casebot tables yet",
                       "run: casebot init", stops_serve=True)
    if current == head:
        return Finding("schema", Status.OK, f"at {head}, as this Casebot needs")
    if current in db.known_revisions():
        return Finding(
            "schema", Status.FAIL,
            f"the database is at migration {current}; this Casebot needs {head}",
            "back up the database, then run: casebot db upgrade", stops_serve=True,
        )
    return Finding(
        "schema", Status.FAIL,
        f"the database is at migration {current}, which this Casebot does not know: a newer "
        "Casebot upgraded it", "run that newer Casebot here too", stops_serve=True,
    )


def key_file(app: Container) -> Finding | None:
    """The key file's presence and permissions, readable without the database."""
    source = app.vault.source
    if not isinstance(source, FileKeySource):
        return None
    if not source.exists():
        return Finding(
            "master key", Status.FAIL, f"the master key file {source.path} is missing",
            "restore it from your backup, or set CASEBOT_KEY_FILE to where it is (on a new "
            "installation: casebot init)", stops_serve=True,
        )
    mode = exposed_mode(source.path)
    if mode is not None:
        what, fix = halves(exposed_message(source.path, mode))
        return Finding("master key", Status.FAIL, what, fix, stops_serve=True)
    return None


def master_key(app: Container) -> Finding:
    try:
        with app.uow() as uow:
            key_id = uow.vault.verify(uow.session)
    except CasebotError as exc:
        what, fix = halves(exc.message)
        return Finding("master key", Status.FAIL, what, fix, stops_serve=True)
    return Finding("master key", Status.OK,
                   f"{key_id} from {app.vault.source.describe()} opens the register")


def slack_token(settings: Settings, who: SlackIdentity) -> Finding:
    if who.error in REFUSED_TOKEN:
        return Finding("slack token", Status.FAIL, f"Slack refused the bot token ({who.error})",
                       TOKEN_FIX, stops_serve=True)
    if who.error == "unreachable":
        return Finding(
            "slack token", Status.FAIL, "Slack did not answer within 5 seconds",
            "check this server's internet connection (and CASEBOT_SLACK_API_URL, if set)",
        )
    if who.error is not None:
        return Finding("slack token", Status.WARN, f"Slack answered {who.error}",
                       "run casebot doctor again in a minute")
    expected = settings.slack_team_id
    if expected and who.team_id != expected:
        return Finding(
            "slack token", Status.FAIL,
            f"the token is for workspace {who.team_id}, but SLACK_TEAM_ID is {expected}",
            "use the bot token of that workspace's Casebot app, or correct SLACK_TEAM_ID",
            stops_serve=True,
        )
    return Finding("slack token", Status.OK,
                   f"workspace {who.team or '?'} ({who.team_id}), bot user {who.user_id}")


def slack_scopes(who: SlackIdentity) -> Finding:
    if who.scopes is None:
        return Finding("slack scopes", Status.WARN,
                       "Slack did not say which scopes the app has, so they were not checked")
    missing, extra = SLACK_SCOPES - who.scopes, who.scopes - SLACK_SCOPES
    if missing:
        return Finding(
            "slack scopes", Status.FAIL, f"the Slack app lacks {', '.join(sorted(missing))}",
            "add them in the app's settings (OAuth & Permissions → Bot Token Scopes, or paste "
            "app_manifest.yml again), then reinstall the app to your workspace",
        )
    if extra:
        return Finding(
            "slack scopes", Status.WARN,
            f"the Slack app has scopes Casebot does not use: {', '.join(sorted(extra))}",
            "remove them under OAuth & Permissions and reinstall the app: Casebot needs only "
            "what app_manifest.yml lists",
        )
    return Finding("slack scopes", Status.OK,
                   f"the {len(SLACK_SCOPES)} scopes of app_manifest.yml, no more")


def channels(app: Container, slack: SlackProbe) -> Iterator[Finding]:
    """Each group's channel: it exists, is not archived, and Casebot is in it."""
    archived = upkeep.archived_names(uow=app.uow())
    groups = [g for g in directory.list_groups(uow=app.uow(), clock=app.clock)
              if g.name not in archived]
    if not groups:
        yield Finding("channels", Status.OK, "no groups yet (casebot group create)")
    for group in groups:
        check, channel = f"channel of {group.name}", group.channel_id
        move = f'casebot group edit --group "{group.name}" --channel C…'
        info = slack.channel(channel)
        if info is None:
            yield Finding(check, Status.FAIL, f"Slack could not be asked about {channel}",
                          "run casebot doctor again in a minute")
        elif not info.found:
            yield Finding(
                check, Status.FAIL, f"Slack has no channel {channel} that Casebot can see",
                f"if it is private, type /invite @Casebot in it; if the ID is wrong: {move}",
            )
        elif info.archived:
            yield Finding(check, Status.FAIL, f"{channel} is archived",
                          f"unarchive it in Slack, or give the group another channel: {move}")
        elif not info.is_member:
            yield Finding(check, Status.FAIL, f"Casebot is not in {channel}",
                          "type /invite @Casebot in that channel")
        else:
            yield Finding(check, Status.OK, f"{channel}, and Casebot is in it")


def scheduler(app: Container) -> Finding:
    tick = last_tick(app.uow())
    if tick.seconds_ago is None:
        return Finding(
            "scheduler", Status.WARN, "no tick has run yet",
            "start casebot serve (it ticks every minute), or run casebot tick from cron",
        )
    minutes = tick.seconds_ago // 60
    ago = f"{minutes} minute{'s' if minutes != 1 else ''}" if minutes else "under a minute"
    if tick.late:
        return Finding(
            "scheduler", Status.FAIL,
            f"no tick for {ago} (the last by {tick.holder}): no prompts, agendas or nudges are "
            "going out", "start casebot serve again (or check the cron job for casebot tick)",
        )
    return Finding("scheduler", Status.OK, f"last tick {ago} ago, by {tick.holder}")


def _skipped(check: str, reason: str) -> Finding:
    return Finding(check, Status.SKIP, reason)


def run(
    app: Container, slack: SlackProbe | None, *, settings_check: bool = True,
    scheduler_check: bool = True,
) -> list[Finding]:
    """Every check, in order; a failure that makes later checks meaningless skips them."""
    found: list[Finding] = []
    if settings_check:
        found.append(configuration(app.settings))
    found.append(database(app))
    stored = found[-1].status is Status.OK
    if stored:
        found.append(schema(app))
        stored = found[-1].status is Status.OK
    else:
        found.append(_skipped("schema", "the database must answer first"))
    key_problem = key_file(app)
    if key_problem is not None:
        found.append(key_problem)
    elif stored:
        found.append(master_key(app))
    else:
        found.append(_skipped("master key", "the database must be set up first"))
    found.extend(_slack(app, slack, stored))
    if scheduler_check:
        found.append(scheduler(app) if stored
                     else _skipped("scheduler", "the database must be set up first"))
    return found


def _slack(app: Container, slack: SlackProbe | None, stored: bool) -> Iterator[Finding]:
    if slack is None:
        for check in ("slack token", "slack scopes", "channels"):
            yield _skipped(check, "no SLACK_BOT_TOKEN")
        return
    who = slack.identity()
    token = slack_token(app.settings, who)
    yield token
    if who.error is not None:
        yield _skipped("slack scopes", "the token check must pass first")
        yield _skipped("channels", "the token check must pass first")
        return
    yield slack_scopes(who)
    if stored:
        yield from channels(app, slack)
    else:
        yield _skipped("channels", "the database must be set up first")


def failed(findings: list[Finding]) -> list[Finding]:
    return [f for f in findings if f.status is Status.FAIL]


class NotReady(CasebotError):
    """`casebot serve` found a problem it cannot run with."""


def at_start(app: Container, slack: SlackProbe | None) -> list[Finding]:
    """`casebot serve`'s checks: raises NotReady on a problem it cannot run with; returns the
    others (failed or warnings) for the log. The settings are serve's own to check, and the
    scheduler is about to tick."""
    findings = run(app, slack, settings_check=False, scheduler_check=False)
    fatal = [f for f in failed(findings) if f.stops_serve]
    if fatal:
        first = fatal[0]
        more = f" ({len(fatal) - 1} more: run casebot doctor)" if len(fatal) > 1 else ""
        raise NotReady(f"{first.detail}; {first.fix}{more}" if first.fix else first.detail + more)
    return [f for f in findings if f.status in (Status.FAIL, Status.WARN)]
