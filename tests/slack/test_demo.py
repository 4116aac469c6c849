"""``casebot demo``: a narrated meeting cycle that needs no setup and leaks nothing."""

from __future__ import annotations

import functools
import io
import os
import re
import subprocess
import sys
from pathlib import Path

from bot.cli import main
from bot.cli.console import Console
from devkit import demo
from devkit.fake_slack import Call

HEADINGS = [
    "Setting up, once: the secretariat's commands",
    "Friday 27 Nov, 9:00: Casebot asks for updates",
    "Kate replies in the DM, in her own words",
    "Omar uses the Add update button instead",
    "Tuesday 1 Dec, 8:00: the agenda appears in the channel",
    "10:00: Fay runs the meeting from one message",
    "11:25: Fay ends the meeting; the minutes follow",
    "Friday 11 Dec, 9:00 in Sydney: the next round, with Kate's open action",
    "Monday 14 Dec, 9:00 in Sydney: the reminder the day before",
    "What reached Slack",
]
CLOSING = re.compile(
    r"Identifiable details never left the encrypted register: none of the \d+ calls to Slack "
    r"contained a client's name"
)


def _markers() -> list[str]:
    """The clients' identifiers as plain strings (independent of the demo's own leak checker)."""
    out: list[str] = []
    for client in demo.CLIENTS:
        for key, value in client.identity.items():
            for item in value if isinstance(value, list) else [value]:
                out.append(str(item))
                if key == "full_name":
                    out += str(item).split()
                if key in ("phone", "medicare", "crn"):
                    out.append(re.sub(r"\D", "", str(item)))
    out += ["Banksia Crescent", "Mulga Road", "12/07/1975", "03/04/1988", "3/4/1988"]
    return out


def _frames(text: str) -> list[str]:
    """The bodies of the "── label" frames: what Casebot sent, as opposed to what people typed."""
    frames: list[list[str]] = []
    inside = False
    for line in text.splitlines():
        if line.startswith("── "):
            frames.append([])
            inside = True
        elif inside and (not line.strip() or line.startswith("  ")):
            frames[-1].append(line)
        else:
            inside = False
    return ["\n".join(f) for f in frames]


def _typed(text: str) -> str:
    return "\n".join(line for line in text.splitlines() if line.startswith("  ✎ "))


def test_demo_runs_the_cycle_without_setup_and_leaks_nothing(tmp_path):
    home = tmp_path / "home"
    home.mkdir()
    out, err = io.StringIO(), io.StringIO()
    environ = {
        "HOME": str(home),
        "DATABASE_URL": "sqlite:////nonexistent/dir/x.db",
        "CASEBOT_ENV_FILE": str(tmp_path / "missing.env"),  # an error, were settings read
    }
    code = main(["demo"], console=Console(out=out, err=err, environ=environ))
    text = out.getvalue()

    assert code == 0, text + err.getvalue()
    assert err.getvalue() == ""
    assert re.findall(r"^━━ \d+\. (.+?) ━+$", text, re.MULTILINE) == HEADINGS
    assert len(text.splitlines()) < 300

    frames = _frames(text)
    assert len(frames) >= 9
    shown = "\n".join(frames)
    assert "@Kate" in shown and "<@" not in shown
    assert "U1R-014 moved into the transitional unit at [address]" in shown
    assert "Her mobile [phone]" in shown
    assert "[DOB]" in shown
    typed = _typed(text)
    assert "0412 345 678" in typed and "Tommo" in typed  # the typed part is told apart...
    leaked = [m for m in _markers() if m.lower() in shown.lower()]
    assert leaked == []  # ...and nothing of it reaches a Casebot message

    assert CLOSING.search(" ".join(text.split()))
    assert list(home.iterdir()) == []


@functools.cache  # the three tests below read one run: it is deterministic and takes seconds
def run_demo_text() -> str:
    out, err = io.StringIO(), io.StringIO()
    code = main(["demo"], console=Console(out=out, err=err, environ={}))
    assert code == 0, err.getvalue() + out.getvalue()[-2000:]
    return out.getvalue()


def scene(text: str, title: str) -> str:
    """One numbered scene's text, up to the next."""
    start = text.index(f" {title} ━")
    end = text.find("\n━━ ", start)
    return text[start:] if end == -1 else text[start:end]


def test_the_demo_shows_each_step_between_the_first_client_and_the_minutes():
    text = run_demo_text()
    meeting = scene(text, HEADINGS[5]) + scene(text, HEADINGS[6])
    steps = [meeting.index(f"Client {n} of 5 · {n - 1} discussed") for n in (2, 3, 4, 5)]
    assert steps == sorted(steps), "the steps come in order"
    end_of_list = meeting.index("All 5 clients discussed.")
    minutes = meeting.index("5 of 5 clients discussed")
    assert steps[-1] < end_of_list < minutes, "the last screen is shown before the minutes"


def test_the_summary_counts_calls_and_messages_in_the_same_words():
    summary = " ".join(scene(run_demo_text(), "What reached Slack").split())
    counted = re.search(r"Casebot made (\d+) calls to the pretend Slack: (\d+) of them showed "
                        r"someone a message or a form, and (\d+) looked up", summary)
    assert counted, summary
    calls, messages, lookups = map(int, counted.groups())
    assert calls == messages + lookups and messages > 0 and lookups > 0
    assert f"none of the {calls} calls to Slack contained" in summary
    assert "in all" not in summary and "messages sent" not in summary


def test_the_reminder_the_day_before_is_shown():
    reminder = scene(run_demo_text(), HEADINGS[8])
    (frame,) = _frames(reminder)
    assert "Reminder: Under 1 Roof meets Tue 15 Dec" in frame
    assert "ask the housing provider about furniture" in frame and "overdue by 10 days" in frame


def test_leak_checker_finds_identifiers_in_any_spelling():
    def call(text: str) -> Call:
        return Call("chat.postMessage", {"text": text}, {}, True, None, 0.0)

    clean = call("U1R-014 moved; mobile [phone]. DOB [DOB]. Rent starts 7 Dec.")
    assert demo.find_leaks([clean]) == []
    leaky = [call("ring 0412345678"), call("born 3/4/1988"), call("JANE QUOKKAFIELD")]
    found = demo.find_leaks(leaky)
    assert any("U1R-014's phone" in f for f in found)
    assert any("U1R-014's date_of_birth" in f for f in found)
    assert any("U1R-014's name" in f for f in found)


def test_bad_pace_is_one_line():
    out, err = io.StringIO(), io.StringIO()
    code = main(["demo", "--pace", "-1"], console=Console(out=out, err=err, environ={}))
    assert code != 0 and out.getvalue() == ""
    assert err.getvalue().startswith("casebot: --pace")


def test_installed_command_runs_with_a_bare_environment(tmp_path):
    home, cwd = tmp_path / "home", tmp_path / "work"
    home.mkdir()
    cwd.mkdir()
    (cwd / ".env").write_text("this is not KEY=VALUE\n")  # would stop any command reading it
    result = subprocess.run(
        [str(Path(sys.executable).with_name("casebot")), "demo"],
        env={"PATH": os.environ.get("PATH", ""), "HOME": str(home)},
        cwd=cwd,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert result.returncode == 0, result.stdout[-2000:] + result.stderr
    assert CLOSING.search(" ".join(result.stdout.split()))
    assert result.stderr == ""
    assert list(home.iterdir()) == []
