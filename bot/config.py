"""Settings read from the environment (and an optional ``.env`` file), validated once.

Nothing is read at import time: call :func:`load_settings`. Secrets never appear in ``repr``.
"""

from __future__ import annotations

import datetime as dt
import io
import os
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlsplit

from bot.errors import InvalidInput


class ConfigError(InvalidInput):
    """A setting is missing or malformed; the message names the variable and the fix."""


@dataclass(frozen=True)
class Secret:
    """A string that prints as ``***`` so it cannot end up in logs or tracebacks."""

    value: str = field(repr=False)

    def __repr__(self) -> str:
        return "Secret('***')"

    __str__ = __repr__


@dataclass(frozen=True)
class Settings:
    database_url: str
    data_dir: Path
    key_file: Path | None
    master_key: Secret | None = None
    slack_bot_token: Secret | None = None
    slack_signing_secret: Secret | None = None
    slack_app_token: Secret | None = None
    slack_api_url: str | None = None
    # When set, requests from any other workspace or app are refused.
    slack_team_id: str | None = None
    slack_app_id: str | None = None
    log_level: str = "INFO"
    # Casebot's clock this far from the system's (CASEBOT_CLOCK_OFFSET, seconds): only to
    # rehearse instances whose clocks disagree; leases and pacing use the database's clock.
    clock_offset: dt.timedelta = dt.timedelta(0)

    @property
    def is_sqlite(self) -> bool:
        return self.database_url.startswith("sqlite")

    def database_url_for_display(self) -> str:
        """The URL with any password masked."""
        from sqlalchemy.engine import make_url  # the lean server reads settings without it
        from sqlalchemy.exc import ArgumentError

        try:
            return make_url(self.database_url).render_as_string(hide_password=True)
        except (ArgumentError, ValueError):
            # Not a URL SQLAlchemy reads (a password with a bare ':' or '@'): show no credentials.
            scheme, _, rest = self.database_url.partition("://")
            return f"{scheme}://***@{rest.rpartition('@')[2]}" if "@" in rest else self.database_url


# Set by `casebot serve --http` for the minute's tick it starts (the worker's pid): the tick stops
# in order when that worker dies (bot.bootstrap.run_scheduled_tick).
TICK_PARENT_VARIABLE = "CASEBOT_TICK_PARENT"


def parse_env_file(text: str) -> dict[str, str]:
    """Parse ``KEY=VALUE`` lines with python-dotenv (``#`` comments, optional ``export`` and
    quotes; no ``${VAR}`` expansion). A line that is not a setting is an error, not skipped."""
    from dotenv.parser import parse_stream  # ~14 ms of imports, only where a file is read

    values: dict[str, str] = {}
    for line in parse_stream(io.StringIO(text)):
        if line.error or (line.key is not None and (
                line.value is None or not re.fullmatch(r"[A-Za-z_][A-Za-z0-9_]*", line.key))):
            raise ConfigError(
                f".env line {line.original.line} is not KEY=VALUE; fix or remove that line"
            )
        if line.key is not None:  # as dotenv_values(interpolate=False): the last one wins
            values[line.key] = line.value or ""
    return values


def default_data_dir(env: Mapping[str, str]) -> Path:
    if env.get("CASEBOT_DATA_DIR"):
        return Path(env["CASEBOT_DATA_DIR"]).expanduser()
    base = env.get("XDG_DATA_HOME") or str(Path(env.get("HOME") or Path.home()) / ".local/share")
    return Path(base).expanduser() / "casebot"


def _database_url(env: Mapping[str, str], data_dir: Path) -> str:
    url = env.get("DATABASE_URL", "").strip()
    if not url:
        return f"sqlite:///{data_dir / 'casebot.db'}"
    scheme = url.split("://", 1)[0] if "://" in url else ""
    if scheme in ("postgres", "postgresql"):
        # SQLAlchemy's default PostgreSQL driver is psycopg2; Casebot ships psycopg 3.
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    if scheme in ("postgresql+psycopg", "sqlite", "sqlite+pysqlite"):
        return url
    raise ConfigError(
        "DATABASE_URL must start with sqlite:/// or postgresql:// "
        "(e.g. postgresql://casebot@db.example.org/casebot); "
        "unset it to use the built-in SQLite file"
    )


def _key_file(env: Mapping[str, str], database_url: str, data_dir: Path) -> Path:
    if env.get("CASEBOT_KEY_FILE"):
        return Path(env["CASEBOT_KEY_FILE"]).expanduser()
    if database_url.startswith("sqlite"):
        db_path = database_url.split(":///", 1)[-1]
        if db_path and db_path != ":memory:":
            return Path(db_path).expanduser().resolve().parent / "master.key"
    return data_dir / "master.key"


def _secret(env: Mapping[str, str], name: str, prefix: str | None, fix: str) -> Secret | None:
    value = env.get(name, "").strip()
    if not value:
        return None
    if prefix and not value.startswith(prefix):
        raise ConfigError(f"{name} should start with '{prefix}'; {fix}")
    if any(ch.isspace() for ch in value):
        raise ConfigError(f"{name} contains spaces; {fix}")
    return Secret(value)


def _api_url(env: Mapping[str, str]) -> str | None:
    url = env.get("CASEBOT_SLACK_API_URL", "").strip()
    if not url:
        return None
    parts = urlsplit(url)
    if parts.scheme not in ("http", "https") or not parts.netloc:
        raise ConfigError(
            "CASEBOT_SLACK_API_URL must be an http(s) URL such as https://slack.com/api/; "
            "unset it to talk to Slack directly"
        )
    return url if url.endswith("/") else url + "/"


def _slack_id(env: Mapping[str, str], name: str, first: str, where: str) -> str | None:
    value = env.get(name, "").strip()
    if not value:
        return None
    if not re.fullmatch(first + r"[A-Z0-9]{2,30}", value):
        raise ConfigError(f"{name} should look like {first}0123ABCD; {where}, or unset it")
    return value


LOG_LEVELS = ("DEBUG", "INFO", "WARNING", "ERROR")


def _log_level(env: Mapping[str, str]) -> str:
    value = env.get("CASEBOT_LOG_LEVEL", "").strip().upper() or "INFO"
    if value not in LOG_LEVELS:
        raise ConfigError(f"CASEBOT_LOG_LEVEL must be one of {', '.join(LOG_LEVELS)}")
    return value


MAX_CLOCK_OFFSET = 24 * 3600


def _clock_offset(env: Mapping[str, str]) -> dt.timedelta:
    value = env.get("CASEBOT_CLOCK_OFFSET", "").strip()
    if not value:
        return dt.timedelta(0)
    if not re.fullmatch(r"[+-]?[0-9]{1,6}", value) or abs(int(value)) > MAX_CLOCK_OFFSET:
        raise ConfigError(
            "CASEBOT_CLOCK_OFFSET must be a whole number of seconds within a day, such as -360 "
            "(it moves Casebot's clock, to rehearse clock skew); unset it to use the system clock"
        )
    return dt.timedelta(seconds=int(value))


def load_settings(
    environ: Mapping[str, str] | None = None, *, env_file: Path | None = None
) -> Settings:
    """Read settings from ``environ`` (default: the process environment) plus an optional ``.env``.

    Variables already in the environment win over the file. ``CASEBOT_ENV_FILE`` names another
    file; set it empty to read no file.
    """
    env = dict(os.environ if environ is None else environ)
    named = env.get("CASEBOT_ENV_FILE")
    path = env_file or Path(named or ".env")
    if named == "" and env_file is None:
        pass  # explicitly disabled
    elif path.is_file():
        for key, value in parse_env_file(path.read_text(encoding="utf-8-sig")).items():
            env.setdefault(key, value)
    elif env.get("CASEBOT_ENV_FILE"):
        raise ConfigError(f"CASEBOT_ENV_FILE points to {path}, which does not exist")

    data_dir = default_data_dir(env)
    database_url = _database_url(env, data_dir)
    inline = env.get("CASEBOT_MASTER_KEY", "").strip()
    if inline and env.get("CASEBOT_KEY_FILE"):
        raise ConfigError("set either CASEBOT_MASTER_KEY or CASEBOT_KEY_FILE, not both")
    slack = "from your Slack app's settings page (api.slack.com/apps)"
    return Settings(
        database_url=database_url,
        data_dir=data_dir,
        key_file=None if inline else _key_file(env, database_url, data_dir),
        master_key=Secret(inline) if inline else None,
        slack_bot_token=_secret(
            env, "SLACK_BOT_TOKEN", "xoxb-", f"copy the Bot User OAuth Token {slack}"
        ),
        slack_signing_secret=_secret(
            env, "SLACK_SIGNING_SECRET", None, f"copy the Signing Secret {slack}"
        ),
        slack_app_token=_secret(
            env, "SLACK_APP_TOKEN", "xapp-", f"create an app-level token {slack}"
        ),
        slack_api_url=_api_url(env),
        slack_team_id=_slack_id(
            env, "SLACK_TEAM_ID", "T", "copy the workspace ID from Slack (About this workspace)"
        ),
        slack_app_id=_slack_id(
            env, "SLACK_APP_ID", "A", f"copy the App ID from Basic Information {slack}"
        ),
        log_level=_log_level(env),
        clock_offset=_clock_offset(env),
    )
