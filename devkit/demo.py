"""``casebot demo``: a whole meeting cycle, offline, narrated for a newcomer.

Everything is throwaway: a SQLite database and master key in a temporary directory, a pretend
Slack workspace (:class:`FakeSlack`) and a clock the demo moves by hand. The real app is served
over HTTP on 127.0.0.1 (the WSGI app gunicorn serves) and driven with signed Slack-shaped
requests, so what is printed is what the app really sent. The user's settings, data directory and
DATABASE_URL are never read.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import io
import json
import logging
import os
import re
import shlex
import tempfile
import textwrap
import threading
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from dataclasses import dataclass
from pathlib import Path
from socketserver import ThreadingMixIn
from typing import Any, TextIO
from wsgiref.simple_server import WSGIRequestHandler, WSGIServer, make_server

from bot.bootstrap import build, health_probe, slack_runtime
from bot.cli import main
from bot.cli.console import Console
from bot.config import Secret, Settings
from bot.ports import FixedClock
from devkit.fake_slack import Call, FakeSlack, dm_channel_id
from devkit.slack_requests import SlackSender
from devkit.transcript import render_message, render_view
from handlers.http import EVENTS_PATH
from handlers.ids import ActionId, BlockId, CallbackId, InputId

CasebotMain = Callable[..., int]  # bot.cli.main

SECRET = "demo-signing-secret"
CHANNEL, CHANNEL_NAME = "C0U1R0001", "under-1-roof"
CHANNEL_LINK = f"<#{CHANNEL}|{CHANNEL_NAME}>"
GROUP = "Under 1 Roof"
BNE = dt.timezone(dt.timedelta(hours=10))  # Brisbane has no daylight saving
WIDTH = 92
FRAME_RULE = 64  # frame headings share one length, so they line up down the page
WAIT = 30.0  # seconds to wait for the app's answer before calling the demo broken (a busy laptop
# or CI machine can take several seconds; the channel takes a post a second)
# Everything that shows a person something; users.info and the like are not messages.
MESSAGE_METHODS = frozenset(
    {
        "chat.postMessage", "chat.postEphemeral", "chat.update", "chat.scheduleMessage",
        "views.open", "views.push", "views.update", "views.publish", "response_url",
    }
)
# What the other calls are for, in words (a method not listed is shown by its name).
LOOKUPS = {
    "users.info": "members' names and time zones",
    "auth.test": "Casebot's own identity in the workspace",
    "conversations.members": "who is in the channel",
    "conversations.info": "the channel's name",
}
PROXY_VARIABLES = ("http_proxy", "https_proxy", "all_proxy")


@dataclass(frozen=True)
class Person:
    user_id: str
    first: str
    last: str
    agency: str
    roles: tuple[str, ...]
    tz: str = "Australia/Brisbane"


KATE = Person("U0KATE001", "Kate", "Ashby", "Micah Projects", ("worker",), "Australia/Sydney")
OMAR = Person("U0OMAR001", "Omar", "Haddad", "Brisbane Housing Company", ("worker", "champion"))
PRIYA = Person("U0PRIYA01", "Priya", "Raman", "Metro North Mental Health", ("worker",))
FAY = Person("U0FAY0001", "Fay", "Castellano", "Micah Projects", ("facilitator", "secretariat"))
PEOPLE = (KATE, OMAR, PRIYA, FAY)
AGENCIES = ("Micah Projects", "Brisbane Housing Company", "Metro North Mental Health")


@dataclass(frozen=True)
class DemoClient:
    """A synthetic client: an invented person (numbers only pass format checks)."""

    code: str
    key_worker: Person
    identity: Mapping[str, Any]
    status: str = "active"

    def register_entry(self) -> dict[str, Any]:
        return {
            "code": self.code,
            "agency": self.key_worker.agency,
            "key_worker": self.key_worker.user_id,
            "status": self.status,
            # Written consent naming every agency at the table, so the group sees the details.
            "consent": {"given_on": "2026-10-01", "method": "written", "agencies": AGENCIES},
            **self.identity,
        }


CLIENTS = (
    DemoClient(
        "U1R-014",
        KATE,
        {
            "full_name": "Jane Quokkafield",
            "aliases": ["Janey"],
            "date_of_birth": "1988-04-03",
            "address": "Unit 4, 17 Banksia Crescent, Zillmere QLD 4034",
            "phone": "0412 345 678",
            "email": "jane.quokkafield@example.org",
            "medicare": "2123 45670 1",
            "crn": "204837561K",
        },
    ),
    DemoClient(
        "U1R-015",
        OMAR,
        {
            "full_name": "Thomas Brolgaway",
            "aliases": ["Tommo"],
            "date_of_birth": "1975-07-12",
            "address": "Lot 9 Mulga Road, Deception Bay QLD 4508",
            "phone": "+61 7 3555 0199",
            "medicare": "3951 62848 2",
        },
    ),
    DemoClient(
        "U1R-016",
        PRIYA,
        {"full_name": "Mereana Wombatte", "date_of_birth": "1999-11-21", "phone": "0433 908 112"},
        status="referred",
    ),
    DemoClient(
        "U1R-017",
        KATE,
        {"full_name": "Dylan Bilbyson", "date_of_birth": "1969-02-14", "phone": "0401 776 230"},
    ),
    DemoClient(
        "U1R-018",
        PRIYA,
        {"full_name": "Ruby Echidnaford", "aliases": ["Rubes"], "date_of_birth": "2001-05-30"},
    ),
)

KATE_TYPES = (
    "U1R-014: Janey moved into the transitional unit at 17 Banksia Crescent on Monday. "
    "Her mobile 0412 345 678 works again. Needs a fridge and a bed."
)
OMAR_TYPES = (
    "Tommo signed his lease today! DOB 12/07/1975 checked with Centrelink. Rent starts 7 Dec."
)
FAY_TYPES = "/casebot action @Kate ask the housing provider about furniture by Friday"


class DemoFailed(Exception):
    """The app did not do what the walkthrough expected (a bug, not the user's mistake)."""


# --- output --------------------------------------------------------------------------------------


class Narrator:
    """Writes scenes: a heading, a short explanation, then frames showing what people see."""

    def __init__(self, out: TextIO, pace: float, names: Mapping[str, str]) -> None:
        self.out, self.pace, self.names = out, pace, names
        self.scenes = 0

    def line(self, text: str = "") -> None:
        print(text, file=self.out)

    def para(self, text: str) -> None:
        self.line(textwrap.fill(text, WIDTH))

    def scene(self, title: str, explanation: str) -> None:
        if self.scenes and self.pace > 0:
            self.out.flush()
            time.sleep(self.pace)
        self.scenes += 1
        self.line()
        self.line(f"━━ {self.scenes}. {title} ".ljust(WIDTH, "━"))
        self.para(explanation)
        self.line()

    def frame(self, label: str, body: str) -> None:
        """What one person sees; every line indented so it stands apart from the narration."""
        self.line(f"── {label} ".ljust(max(FRAME_RULE, len(label) + 6), "─"))
        previous_blank = False
        for raw in body.strip("\n").splitlines():
            blank = not raw.strip()
            if not (blank and previous_blank):  # no runs of empty lines from mrkdwn
                for piece in wrap_keeping_prefix(raw, WIDTH - 2):
                    self.line(f"  {piece}".rstrip())
            previous_blank = blank
        self.line()

    def message(self, label: str, payload: Mapping[str, Any]) -> None:
        # Slack shows a bare channel link <#C…> by the channel's name; the transcript cannot know
        # it, so the name is filled in here.
        labelled = json.loads(json.dumps(payload).replace(f"<#{CHANNEL}>", CHANNEL_LINK))
        self.frame(label, plain(render_message(labelled, self.names)))

    def view(self, label: str, view: Mapping[str, Any]) -> None:
        self.frame(label, plain(render_view(view, self.names)))

    def typed(self, label: str, text: str) -> None:
        """What a person typed (may hold identifiers: it is theirs, not Casebot's)."""
        self.line(f"{label}:")
        for piece in textwrap.wrap(text, WIDTH - 4):
            self.line(f"  ✎ {piece}")
        self.line()


_BOLD = re.compile(r"(?<![\w*])\*(?=\S)([^*\n]+?)(?<=\S)\*(?![\w*])")
_ITALIC = re.compile(r"(?<![\w_])_(?=\S)([^_\n]+?)(?<=\S)_(?![\w_])")


def plain(text: str) -> str:
    """Slack's *bold* and _italic_ markers dropped: a terminal cannot show them."""
    return _ITALIC.sub(r"\1", _BOLD.sub(r"\1", text))


def wrap_keeping_prefix(line: str, width: int) -> list[str]:
    """Wrap one rendered line; quotes (``> ``) and context indents carry on to the next line."""
    prefix = re.match(r"(?:> |\s+)?", line).group(0)  # type: ignore[union-attr]
    return textwrap.wrap(
        line, width, initial_indent="", subsequent_indent=prefix, break_on_hyphens=False
    ) or [line]


def shell_line(argv: Sequence[str]) -> list[str]:
    """``$ casebot …`` as one would type it; long commands broken before an option."""
    chunks: list[str] = []
    for word in argv:
        quoted = shlex.quote(word)
        if word.startswith("--") or not chunks:  # an option travels with its value
            chunks.append(quoted)
        else:
            chunks[-1] += " " + quoted
    lines, current = [], "$ casebot"
    for chunk in chunks:
        if len(current) + 1 + len(chunk) > WIDTH - 4 and chunk.startswith("--"):
            lines.append(current + " \\")
            current = "   "
        current += " " + chunk
    return [*lines, current]


# --- the pretend world ---------------------------------------------------------------------------


class _QuietHandler(WSGIRequestHandler):
    def log_message(self, format: str, *args: Any) -> None:
        pass  # no access log lines in the walkthrough


class _ThreadingServer(ThreadingMixIn, WSGIServer):
    daemon_threads = True


@contextlib.contextmanager
def _quiet_and_direct() -> Iterator[None]:
    """No log output below ERROR, and no HTTP proxy between the app and 127.0.0.1.

    A proxy named in the environment would swallow the app's calls to the pretend Slack (the
    Slack SDK ignores NO_PROXY), so those variables are set aside for the demo and put back.
    """
    previous = logging.root.manager.disable
    logging.disable(logging.WARNING)
    saved = {k: os.environ.pop(k) for k in list(os.environ) if k.lower() in PROXY_VARIABLES}
    try:
        yield
    finally:
        os.environ.update(saved)
        logging.disable(previous)


@dataclass
class Cli:
    """``casebot`` run in-process against the demo's database, on the demo's clock."""

    env: dict[str, str]
    clock: FixedClock
    main: CasebotMain

    def __call__(self, *argv: str) -> str:
        """Run ``casebot ARGV``; raise if it fails (the demo's own commands never should)."""
        out, err = io.StringIO(), io.StringIO()
        console = Console(
            out=out, err=err, stdin=io.StringIO(), environ=self.env, interactive=False
        )
        if self.main(list(argv), console=console, clock=self.clock) != 0:
            raise DemoFailed(f"`casebot {argv[0]}` failed: {err.getvalue().strip()}")
        return out.getvalue()


@dataclass
class World:
    """The running demo: the pretend Slack, the app behind HTTP, the CLI and the shared clock."""

    fake: FakeSlack
    sender: SlackSender
    cli: Cli

    @property
    def clock(self) -> FixedClock:
        return self.cli.clock

    def tick(self, moment: dt.datetime) -> None:
        """Move the clock and run the scheduler once, as ``casebot tick`` does every minute."""
        self.clock.at = moment
        self.cli("tick", "--now", moment.isoformat())

    def mark(self) -> int:
        return len(self.fake.calls)

    def calls_since(self, mark: int, method: str | None = None) -> list[Call]:
        calls = self.fake.calls[mark:]  # a slice is a copy: the app's threads may append
        return [c for c in calls if method is None or c.method == method]

    def wait(self, mark: int, want: Callable[[Call], bool], what: str) -> Call:
        """The first call after `mark` matching `want`, waiting for the app's threads."""
        deadline = time.monotonic() + WAIT
        while time.monotonic() < deadline:
            found = [c for c in self.calls_since(mark) if want(c)]
            if found:
                return found[0]
            time.sleep(0.02)
        raise DemoFailed(f"Casebot did not send {what} within {WAIT:.0f} s")

    def dm_to(self, person: Person, mark: int, *, containing: str = "") -> Call:
        channels = {person.user_id, dm_channel_id(person.user_id)}
        return self.wait(
            mark,
            lambda c: (
                c.method == "chat.postMessage"
                and c.args.get("channel") in channels
                and containing in str(c.args.get("text", ""))
            ),
            f"a DM to {person.first}",
        )

    def prompt_message(self, person: Person) -> dict[str, Any]:
        """The latest meeting prompt in the person's DM (the one with the attendance buttons)."""
        for message in reversed(self.fake.messages(dm_channel_id(person.user_id))):
            if ActionId.ATTEND in json.dumps(message.get("blocks") or []):
                return message
        raise DemoFailed(f"{person.first} got no prompt")


def _environment(home: Path, fake: FakeSlack) -> tuple[Settings, dict[str, str]]:
    """Settings for the temporary directory, and the same as an environment for the CLI.

    Built from scratch: nothing from the real environment (DATABASE_URL, CASEBOT_*, .env) counts.
    """
    data = home / "data"
    settings = Settings(
        database_url=f"sqlite:///{data / 'casebot.db'}",
        data_dir=data,
        key_file=data / "master.key",
        slack_bot_token=Secret(fake.bot_token),
        slack_signing_secret=Secret(SECRET),
        slack_api_url=fake.base_url,
    )
    env = {
        "HOME": str(home),
        "CASEBOT_DATA_DIR": str(data),
        "DATABASE_URL": settings.database_url,
        "CASEBOT_KEY_FILE": str(settings.key_file),
        "CASEBOT_ENV_FILE": "",  # never read a .env from the current directory
        "CASEBOT_ACTOR": "fay@under-1-roof (demo)",
        "SLACK_BOT_TOKEN": fake.bot_token,
        "SLACK_SIGNING_SECRET": SECRET,
        "CASEBOT_SLACK_API_URL": fake.base_url,
    }
    return settings, env


@contextlib.contextmanager
def _serve(settings: Settings, clock: FixedClock) -> Iterator[str]:
    """The real app (handlers.http.wsgi_app) on 127.0.0.1 in a thread; yields the events URL."""
    container = build(settings, clock=clock)
    app = slack_runtime(container).wsgi(health_probe(container))
    server = make_server(
        "127.0.0.1", 0, app, server_class=_ThreadingServer, handler_class=_QuietHandler
    )
    thread = threading.Thread(target=server.serve_forever, args=(0.05,), daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_port}{EVENTS_PATH}"
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)
        container.close()


# --- the walkthrough -----------------------------------------------------------------------------


def run_demo(out: TextIO, *, pace: float = 0.0) -> int:
    """Run the narrated meeting cycle, writing it to `out`; 0 if nothing identifiable leaked."""
    users = {
        p.user_id: {"name": p.first.lower(), "real_name": f"{p.first} {p.last}", "tz": p.tz}
        for p in PEOPLE
    }
    names = {p.user_id: p.first for p in PEOPLE}
    narrator = Narrator(out, pace, names)
    with (
        _quiet_and_direct(),
        tempfile.TemporaryDirectory(prefix="casebot-demo-") as tmp,
        FakeSlack(users=users) as fake,
    ):
        fake.set_channel_members(
            CHANNEL, [fake.bot_user_id, *(p.user_id for p in PEOPLE)], name=CHANNEL_NAME
        )
        settings, env = _environment(Path(tmp), fake)
        cli = Cli(env, FixedClock(dt.datetime(2026, 11, 24, 9, 0, tzinfo=BNE)), main)
        try:
            _introduction(narrator)
            _setup(cli, narrator, Path(tmp))
            with _serve(settings, cli.clock) as url:
                world = World(fake, SlackSender(url, SECRET), cli)
                _cycle(world, narrator)
            code = _closing(world, narrator)
        except DemoFailed as exc:
            narrator.line()
            narrator.line(f"The demo stopped: {exc}. This is a bug in Casebot; please report it.")
            return 1
    narrator.line()
    narrator.para("The demo's database, key and pretend Slack are gone.")
    return code


def _introduction(n: Narrator) -> None:
    n.line("Casebot demo: one meeting cycle of a case coordination group, with a pretend Slack.")
    n.para(
        "Everything here is invented (people, clients, the Slack workspace) and is deleted when "
        "the demo ends. A line starting ── introduces exactly what Casebot sent someone in "
        "Slack (@names are mentions); lines marked ✎ are what a person typed."
    )


def _setup(casebot: Cli, n: Narrator, tmp: Path) -> None:
    n.scene(
        "Setting up, once: the secretariat's commands",
        f"Fay coordinates {GROUP}. On the server she runs a few commands: the agencies, the "
        "fortnightly meeting, its Slack channel and members (by Slack member ID), and the "
        "clients. Clients' names, dates of birth and phone numbers go into an encrypted "
        "register; Slack only ever sees case codes such as U1R-014.",
    )
    clients_file = tmp / "clients.json"
    clients_file.write_text(json.dumps([c.register_entry() for c in CLIENTS]), encoding="utf-8")
    steps: list[tuple[str, ...]] = [("init",), *(("agency", "add", name) for name in AGENCIES)]
    steps.append(
        ("group", "create", "--name", GROUP, "--channel", CHANNEL,
         "--rrule", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10", "--tz", "Australia/Brisbane",
         "--first", "2026-12-01T10:00", "--holidays", "AU-QLD")
    )
    for p in PEOPLE:
        roles = [word for role in p.roles for word in ("--role", role)]
        steps.append(("member", "add", "--user", p.user_id, "--agency", p.agency, *roles))
    steps.append(("client", "add", "--from-json", "clients.json"))
    for argv in steps:
        if argv[0] == "client":
            about = f"{len(CLIENTS)} invented clients' names, dates of birth, phones..."
            n.line(f"  # clients.json: {about} (deleted afterwards)")
            casebot("client", "add", "--from-json", str(clients_file))
        else:
            casebot(*argv)
        for line in shell_line(argv):
            n.line("  " + line)
    clients_file.unlink()  # as the README asks: the JSON held identifiable details
    n.line()
    n.para(
        "Casebot looks up each member's name and time zone in Slack. "
        "Meetings are every second Tuesday at 10:00 Brisbane time. Casebot asks for updates three "
        "days before, posts the agenda two hours before, and nudges people about their actions "
        "three days and one day before the next meeting; a day that falls on a weekend moves to "
        "the Friday, so nobody hears from Casebot at the weekend. A meeting that falls on a "
        "Queensland public holiday (--holidays AU-QLD) gets a question to the facilitators a "
        "week before: move it to the next free working day, or cancel it."
    )


def _cycle(w: World, n: Narrator) -> None:
    # Prompts go out at 9:00 on each person's own clock: Sydney is an hour ahead in summer.
    w.tick(dt.datetime(2026, 11, 27, 8, 0, tzinfo=BNE))
    first = {c.args.get("channel") for c in w.calls_since(0, "chat.postMessage")}
    if first != {KATE.user_id}:  # the scene says so: check it rather than trust it
        raise DemoFailed("the prompts did not follow each member's own time zone")
    w.tick(dt.datetime(2026, 11, 27, 9, 0, tzinfo=BNE))
    n.scene(
        "Friday 27 Nov, 9:00: Casebot asks for updates",
        "On the Friday before the meeting Casebot sends each member a direct message (DM). Kate "
        "works in Sydney, so hers arrives at 9:00 Sydney time, an hour before her Brisbane "
        "colleagues get theirs. She sees only her own clients.",
    )
    kate_prompt = w.prompt_message(KATE)
    n.message(f"DM to Kate ({KATE.agency})", kate_prompt)

    n.scene(
        "Kate replies in the DM, in her own words",
        "Kate answers the way she would text a colleague: her client's nickname, address and "
        "phone number included. Before anything is saved, Casebot shows her exactly what the "
        "group would see, with what it replaced in bold; she confirms.",
    )
    n.typed("Kate types in her DM with Casebot", KATE_TYPES)
    mark = w.mark()
    w.sender.dm(KATE_TYPES, user_id=KATE.user_id)
    check = w.dm_to(KATE, mark)
    n.message(f"DM to Kate ({KATE.agency})", check.args)
    n.line("Kate presses Confirm; the same message becomes the receipt:")
    mark = w.mark()
    message = w.fake.messages(dm_channel_id(KATE.user_id))[-1]
    w.sender.block_action(ActionId.DRAFT_CONFIRM, user_id=KATE.user_id, message=message)
    receipt = w.wait(mark, lambda c: c.method == "chat.update", "Kate's receipt")
    n.message(f"DM to Kate ({KATE.agency})", receipt.args)

    n.scene(
        "Omar uses the Add update button instead",
        "Omar presses Add update next to his client. A form opens; what he types there is "
        "checked the same way, and unlike a DM it does not stay in Slack's message history.",
    )
    omar_prompt = w.prompt_message(OMAR)
    mark = w.mark()
    w.sender.block_action(
        ActionId.UPDATE_OPEN,
        user_id=OMAR.user_id,
        message=omar_prompt,
        trigger_id=w.fake.new_trigger_id(),
    )
    opened = w.wait(mark, lambda c: c.method == "views.open" and c.ok, "the update form")
    view = w.fake.view(opened.response["view"]["id"])
    n.view("Omar's screen: the form", view)
    n.typed("Omar types in the form and presses Save", OMAR_TYPES)
    mark = w.mark()
    answer = w.sender.view_submission(
        CallbackId.UPDATE_MODAL,
        {BlockId.UPDATE_TEXT: {InputId.TEXT: {"type": "plain_text_input", "value": OMAR_TYPES}}},
        user_id=OMAR.user_id,
        view=view,
    )
    if answer.status != 200 or "response_action" not in answer.body:
        raise DemoFailed(f"the form was not accepted ({answer.status}: {answer.body[:200]})")
    # The form says "Checking…" at once; the check replaces it when it is ready.
    w.wait(mark, lambda c: c.method == "views.update" and c.args.get("view_id") == view["id"],
           "the check of Omar's update")
    check = w.fake.view(view["id"])
    n.view("Omar's screen: the check before saving", check)
    mark = w.mark()
    w.sender.view_submission(CallbackId.PREVIEW_MODAL, {}, user_id=OMAR.user_id, view=check)
    n.message(f"DM to Omar ({OMAR.agency})", w.dm_to(OMAR, mark).args)

    # Off stage: everyone answers the attendance question (each press edits their prompt).
    for person, action in ((KATE, ActionId.ATTEND), (OMAR, ActionId.ATTEND),
                           (FAY, ActionId.ATTEND), (PRIYA, ActionId.APOLOGISE)):
        mark = w.mark()
        w.sender.block_action(action, user_id=person.user_id, message=w.prompt_message(person))
        w.wait(mark, lambda c: c.method == "chat.update", f"{person.first}'s answer")

    w.tick(dt.datetime(2026, 12, 1, 8, 0, tzinfo=BNE))
    n.scene(
        "Tuesday 1 Dec, 8:00: the agenda appears in the channel",
        f"Two hours before the meeting Casebot posts the agenda in #{CHANNEL_NAME}: every client "
        "by case code, the new referral first, with the de-identified updates and who is coming. "
        "Kate, Omar and Fay pressed I'll be there in their DMs; Priya sent apologies.",
    )
    agenda = [c for c in w.calls_since(0, "chat.postMessage") if c.args.get("channel") == CHANNEL]
    if not agenda:
        raise DemoFailed("no agenda was posted")
    for call in agenda:
        n.message(f"#{CHANNEL_NAME}", call.args)

    _meeting(w, n)

    # The next meeting is Tue 15 Dec: prompts and the first nudge both fall on Friday 11 Dec.
    mark = w.mark()
    w.tick(dt.datetime(2026, 12, 11, 8, 0, tzinfo=BNE))
    nudge = w.dm_to(KATE, mark, containing="Will you be there")
    n.scene(
        "Friday 11 Dec, 9:00 in Sydney: the next round, with Kate's open action",
        "The cycle starts again for the meeting on Tue 15 Dec. Kate's action was due a week ago "
        "and is still open; her nudge is due the same morning as the new prompt, so Casebot "
        "sends one DM with both, at 9:00 her time.",
    )
    n.message(f"DM to Kate ({KATE.agency})", nudge.args)

    mark = w.mark()
    w.tick(dt.datetime(2026, 12, 14, 8, 0, tzinfo=BNE))
    reminder = w.dm_to(KATE, mark, containing="Reminder")
    n.scene(
        "Monday 14 Dec, 9:00 in Sydney: the reminder the day before",
        "Kate has not answered yet, and her action is still open. The day before the meeting "
        "Casebot reminds everyone who has not said whether they will come; Kate's open action "
        "rides in the same DM, so she still gets one message, not two.",
    )
    n.message(f"DM to Kate ({KATE.agency})", reminder.args)


def _fay_types(w: World, words: str) -> Call:
    """Fay's slash command in the channel; returns what only she sees."""
    mark = w.mark()
    w.sender.command(
        words.removeprefix("/casebot ").replace("@Kate", f"<@{KATE.user_id}|kate>"),
        user_id=FAY.user_id,
        channel_id=CHANNEL,
        response_url=w.fake.response_url(),
        user_name="fay",
    )
    return w.wait(mark, lambda c: c.method == "response_url", f"the answer to {words}")


def _meeting(w: World, n: Narrator) -> None:
    w.clock.at = dt.datetime(2026, 12, 1, 10, 0, tzinfo=BNE)
    _fay_types(w, "/casebot start")
    mark = w.mark()
    (screen,) = [m for m in w.fake.messages(CHANNEL) if "meeting in progress" in str(m)]
    w.sender.block_action(ActionId.STEP_NEXT, user_id=FAY.user_id, message=screen,
                          channel_id=CHANNEL)
    w.wait(mark, lambda c: c.method == "chat.update", "the next client")
    w.clock.at = dt.datetime(2026, 12, 1, 10, 12, tzinfo=BNE)
    n.scene(
        "10:00: Fay runs the meeting from one message",
        "Fay, the facilitator, types /casebot start. Casebot posts one message that the whole "
        "meeting runs in, and edits it at every step: the client on screen, its de-identified "
        "updates and open actions, and the time left. After the new referral Fay presses Next, "
        "then records an action for the client on screen; only she sees the receipt.",
    )
    n.typed(f"Fay types in #{CHANNEL_NAME}", FAY_TYPES)
    reply = _fay_types(w, FAY_TYPES)
    n.message(f"#{CHANNEL_NAME}, only Fay sees this", reply.args)
    (screen,) = [m for m in w.fake.messages(CHANNEL) if "meeting in progress" in str(m)]
    n.message(f"#{CHANNEL_NAME}: the meeting's message at {w.clock.at:%H:%M}", screen)

    n.line("Fay steps through the other clients with Next ▶; each press edits that message:")
    for minute in (40, 58, 72, 84):  # 10:40, 10:58, 11:12, 11:24
        w.clock.at = dt.datetime(2026, 12, 1, 10, 0, tzinfo=BNE) + dt.timedelta(minutes=minute)
        mark = w.mark()
        (screen,) = [m for m in w.fake.messages(CHANNEL) if "meeting in progress" in str(m)]
        w.sender.block_action(ActionId.STEP_NEXT, user_id=FAY.user_id, message=screen,
                              channel_id=CHANNEL)
        step = w.wait(mark, lambda c: c.method == "chat.update", "the next client")
        n.line(f"  {w.clock.at:%H:%M}  Next ▶  →  {_screen_now(step.args)}")
    n.line()
    w.clock.at = dt.datetime(2026, 12, 1, 11, 25, tzinfo=BNE)
    mark = w.mark()
    _fay_types(w, "/casebot end")
    minutes = w.wait(mark, lambda c: c.method == "chat.postMessage"
                     and c.args.get("channel") == CHANNEL, "the minutes")
    n.scene(
        "11:25: Fay ends the meeting; the minutes follow",
        "/casebot end closes the meeting. Casebot posts the minutes, de-identified like "
        "everything else, and each owner gets one DM with the actions the meeting gave them.",
    )
    n.message(f"#{CHANNEL_NAME}", minutes.args)
    n.message(f"DM to Kate ({KATE.agency})", w.dm_to(KATE, mark, containing="action").args)


def _screen_now(screen: Mapping[str, Any]) -> str:
    """The meeting's message in one line: where it is and the client on screen, or the end."""
    shown = plain(render_message(screen))
    end = re.search(r"All \d+ clients discussed\.", shown)
    if end:
        return end.group(0) + " Ending the meeting posts the minutes."
    status = re.search(r"Client \d+ of \d+ · \d+ discussed · \d+ minutes left", shown)
    code = re.search(r": (\S+) \(Client", str(screen.get("text", "")))
    if status is None or code is None:
        raise DemoFailed("the meeting's message did not say where it was")
    return f"{status.group(0)} · {code.group(1)} on screen"


def identifiers(client: DemoClient) -> list[tuple[str, re.Pattern[str]]]:
    """(what, pattern) for every registered identifier, in the spellings a leak could take."""
    found: list[tuple[str, str]] = []
    for key, value in client.identity.items():
        for item in value if isinstance(value, list) else [value]:
            text = str(item)
            found.append((key, re.escape(text)))
            if key in ("phone", "medicare", "crn"):
                digits = re.sub(r"\D", "", text)
                found.append((key, r"\D?".join(digits)))  # with or without spaces
            if key == "full_name":
                found += [("name", re.escape(part)) for part in text.split() if len(part) >= 3]
            if key == "date_of_birth":
                born = dt.date.fromisoformat(text)
                found += [
                    (key, rf"0?{born.day}[/.-]0?{born.month}[/.-]{born.year}"),
                    (key, rf"0?{born.month}[/.-]0?{born.day}[/.-]{born.year}"),
                ]
            if key == "address":
                found += [("address", re.escape(m)) for m in re.findall(r"\d+ [A-Z]\w+ \w+", text)]
    return [(what, re.compile(rf"(?<!\w){p}(?!\w)", re.IGNORECASE)) for what, p in found]


def find_leaks(calls: Sequence[Call]) -> list[str]:
    """One line per (call, client, kind of identifier) found in what Casebot sent Slack."""
    leaks = []
    for number, call in enumerate(calls, start=1):
        sent = json.dumps(call.args, ensure_ascii=False)
        for client in CLIENTS:
            kinds = sorted({what for what, pattern in identifiers(client) if pattern.search(sent)})
            leaks += [f"call {number} ({call.method}): {client.code}'s {k}" for k in kinds]
    return leaks


def _closing(w: World, n: Narrator) -> int:
    calls = w.calls_since(0)
    messages = sum(1 for c in calls if c.method in MESSAGE_METHODS)
    looked_up = sorted({LOOKUPS.get(c.method, c.method) for c in calls
                        if c.method not in MESSAGE_METHODS})
    leaks = find_leaks(calls)
    rejected = w.fake.invalid_calls()
    n.scene(
        "What reached Slack",
        f"Casebot made {len(calls)} calls to the pretend Slack: {messages} of them showed someone "
        f"a message or a form, and {len(calls) - messages} looked up "
        f"{' and '.join(looked_up) or 'nothing'}. "
        f"All {len(calls)} were checked against the {len(CLIENTS)} clients' registered details. "
        "What Kate typed in her DM stays in her own Slack history; that is why the Add update "
        "form is the better habit.",
    )
    if leaks:
        n.line(f"LEAK: {len(leaks)} identifier(s) reached Slack:")
        for leak in leaks:
            n.line(f"  {leak}")
    if rejected:
        n.line(f"{len(rejected)} message(s) broke Slack's limits and would have been rejected:")
        for call in rejected:
            n.line(f"  {call.method}: {'; '.join(call.problems)[:200]}")
    if leaks:
        n.line(
            f"Identifiable details DID reach Slack: {len(leaks)} leaks in {len(calls)} calls."
        )
    else:
        n.para(
            f"Identifiable details never left the encrypted register: none of the {len(calls)} "
            "calls to Slack contained a client's name, alias, date of birth, address, phone, "
            "email, Medicare number or CRN."
        )
    return 1 if leaks or rejected else 0
