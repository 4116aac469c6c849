"""Settings: defaults, .env files, and clear errors that name the variable and the fix."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from bot.bootstrap import build
from bot.config import ConfigError, load_settings, parse_env_file
from bot.ports import SystemClock

BASE = {"HOME": "/home/sec", "CASEBOT_ENV_FILE": ""}


def test_defaults_use_a_per_user_data_directory():
    settings = load_settings(BASE)
    assert settings.database_url == "sqlite:////home/sec/.local/share/casebot/casebot.db"
    assert settings.key_file == Path("/home/sec/.local/share/casebot/master.key")
    assert settings.slack_bot_token is None


def test_data_dir_and_xdg_are_respected():
    assert load_settings({**BASE, "XDG_DATA_HOME": "/xdg"}).data_dir == Path("/xdg/casebot")
    settings = load_settings({**BASE, "CASEBOT_DATA_DIR": "/srv/cb"})
    assert settings.key_file == Path("/srv/cb/master.key")


def test_key_file_sits_beside_a_custom_sqlite_file():
    settings = load_settings({**BASE, "DATABASE_URL": "sqlite:////var/lib/cb/main.db"})
    assert settings.key_file == Path("/var/lib/cb/master.key")


def test_postgres_urls_use_psycopg3():
    for url in ("postgres://u:pw@db/cb", "postgresql://u:pw@db/cb"):
        settings = load_settings({**BASE, "DATABASE_URL": url})
        assert settings.database_url == "postgresql+psycopg://u:pw@db/cb"
        assert settings.database_url_for_display() == "postgresql+psycopg://u:***@db/cb"


def test_secrets_never_print():
    settings = load_settings(
        {
            **BASE,
            "SLACK_BOT_TOKEN": "xoxb-123-secret",
            "SLACK_SIGNING_SECRET": "abc123",
            "CASEBOT_MASTER_KEY": "k" * 44,
        }
    )
    text = repr(settings) + str(settings.slack_bot_token)
    assert "xoxb-123-secret" not in text and "abc123" not in text and "kkkk" not in text
    assert settings.slack_bot_token.value == "xoxb-123-secret"
    assert settings.key_file is None


@pytest.mark.parametrize(
    ("env", "words"),
    [
        ({"DATABASE_URL": "mysql://x/y"}, ["DATABASE_URL", "postgresql://"]),
        ({"SLACK_BOT_TOKEN": "xoxp-user-token"}, ["SLACK_BOT_TOKEN", "xoxb-", "api.slack.com"]),
        ({"SLACK_APP_TOKEN": "xoxb-wrong"}, ["SLACK_APP_TOKEN", "xapp-"]),
        ({"SLACK_SIGNING_SECRET": "abc def"}, ["SLACK_SIGNING_SECRET", "spaces"]),
        ({"CASEBOT_SLACK_API_URL": "localhost:9999"}, ["CASEBOT_SLACK_API_URL", "http"]),
        ({"CASEBOT_MASTER_KEY": "x", "CASEBOT_KEY_FILE": "/k"}, ["not both"]),
        ({"CASEBOT_ENV_FILE": "/nowhere/.env"}, ["CASEBOT_ENV_FILE", "does not exist"]),
        ({"CASEBOT_CLOCK_OFFSET": "6m"}, ["CASEBOT_CLOCK_OFFSET", "seconds", "unset it"]),
        ({"CASEBOT_CLOCK_OFFSET": "90000"}, ["CASEBOT_CLOCK_OFFSET", "within a day"]),
    ],
)
def test_malformed_values_name_the_variable(env, words):
    with pytest.raises(ConfigError) as caught:
        load_settings({**BASE, **env})
    for word in words:
        assert word in caught.value.message


def test_a_clock_offset_moves_casebots_clock_only_when_set():
    assert isinstance(build(load_settings(BASE)).clock, SystemClock)
    settings = load_settings({**BASE, "CASEBOT_CLOCK_OFFSET": "-360"})
    assert settings.clock_offset == dt.timedelta(minutes=-6)
    behind = build(settings).clock.now() - dt.datetime.now(dt.UTC)
    assert dt.timedelta(minutes=-6, seconds=-5) < behind <= dt.timedelta(minutes=-6)


def test_api_url_gets_a_trailing_slash():
    settings = load_settings({**BASE, "CASEBOT_SLACK_API_URL": "http://127.0.0.1:8999/api"})
    assert settings.slack_api_url == "http://127.0.0.1:8999/api/"


def test_env_file_fills_gaps_but_environment_wins(tmp_path):
    env_file = tmp_path / ".env"
    env_file.write_text(
        "# settings\nexport SLACK_BOT_TOKEN='xoxb-from-file'\n"
        'DATABASE_URL="sqlite:////tmp/from-file.db"\nCASEBOT_DATA_DIR=/d # comment\n'
    )
    settings = load_settings(
        {"HOME": "/h", "CASEBOT_ENV_FILE": str(env_file), "DATABASE_URL": "sqlite:////tmp/env.db"}
    )
    assert settings.slack_bot_token.value == "xoxb-from-file"
    assert settings.database_url == "sqlite:////tmp/env.db"
    assert settings.data_dir == Path("/d")


def test_env_file_syntax_error_names_the_line():
    with pytest.raises(ConfigError, match="line 2"):
        parse_env_file("A=1\nthis is not a setting\n")


def test_env_file_through_python_dotenv_keeps_its_old_rules(tmp_path):
    values = parse_env_file("A=$HOME/x\nB='a b'  # kept\n\nexport C=3\n")
    assert values == {"A": "$HOME/x", "B": "a b", "C": "3"}  # no ${VAR} expansion
    with pytest.raises(ConfigError, match="line 3"):
        parse_env_file("A=1\n# a comment\nJUST_A_NAME\n")  # no '=': not quietly a blank value
    env_file = tmp_path / ".env"
    env_file.write_text("\ufeffSLACK_BOT_TOKEN=xoxb-bom\n", encoding="utf-8")  # Notepad's BOM
    settings = load_settings({**BASE, "CASEBOT_ENV_FILE": str(env_file)})
    assert settings.slack_bot_token.value == "xoxb-bom"


def test_display_url_hides_only_the_password():
    for url, shown in [
        ("postgresql://u:p%40ss@db:5432/cb", "postgresql+psycopg://u:***@db:5432/cb"),
        ("postgresql://u:p@ss:w#rd@db:5432/cb", "postgresql+psycopg://***@db:5432/cb"),
        ("postgresql://u@db/cb", "postgresql+psycopg://u@db/cb"),
        ("sqlite:////srv/cb.db", "sqlite:////srv/cb.db"),
    ]:
        assert load_settings({**BASE, "DATABASE_URL": url}).database_url_for_display() == shown
