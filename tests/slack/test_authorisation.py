"""Who may do what, where: every slash subcommand, button, form, shortcut, DM and Home action,
tried through the signed HTTP endpoint by each kind of person, on both databases.

Two groups share one Casebot. Alpha's people act on Alpha's things; "dual in Bravo" is the
person who is a facilitator in Bravo and only a worker in Alpha, acting on Bravo's things (in
Alpha they are the column "dual"). Ids in payloads are the real ones of someone else's things:
a forged id must be refused by the service, not merely absent from the screen.

Each case starts from the same saved world. A refused case must change nothing, open nothing,
and tell the person kindly (a ⚠️ message or an error in the form); an allowed one must do
something (a change saved, a form opened, an answer given).
"""

from __future__ import annotations

import hashlib
import json
from collections.abc import Iterator
from dataclasses import dataclass
from typing import Any

import pytest
import sqlalchemy as sa

from bot.ports import FixedClock
from devkit.fake_slack import FakeSlack, dm_channel_id
from handlers import background, metadata
from storage.models import Base
from tests.conftest import BACKENDS, NOW, make_cli, migrated_database
from tests.slack.conftest import USERS, point_at, serving, wait_until

ALPHA, BRAVO = "C0ALPHA01", "C0BRAVO01"
PEOPLE = {
    # column: (user, agency, [(group, roles)])
    "worker": ("U0WORK001", "Micah Projects", [("Alpha", ["worker"])]),
    "facilitator": ("U0FACI001", "Brisbane Housing Company", [("Alpha", ["facilitator"])]),
    "secretariat": ("U0SECR001", "Brisbane Housing Company", [("Alpha", ["secretariat"])]),
    "champion": ("U0CHAM001", "Micah Projects", [("Alpha", ["champion"])]),
    "mentor": ("U0MENT001", "Brisbane Housing Company", [("Alpha", ["mentor"])]),
    "non-member": ("U0NOBODY1", None, []),
    "other-group": ("U0OTHR001", "Micah Projects", [("Bravo", ["worker"])]),
    "other-facilitator": ("U0GFAC001", "Brisbane Housing Company", [("Bravo", ["facilitator"])]),
    "dual": ("U0DUAL001", "Micah Projects", [("Bravo", ["facilitator"]), ("Alpha", ["worker"])]),
    "no-group": ("U0LEAD001", "Micah Projects", [("Bravo", ["worker"])]),  # membership removed
}
COLUMNS = ["worker", "facilitator", "secretariat", "champion", "mentor", "non-member",
           "other-group", "other-facilitator", "dual", "dual in Bravo", "no-group"]

# y: allowed, -: refused. The columns, in order: W F S C M N O G D d L
EXPECTED = """
cmd:help                  y y y y y y y y y y y
cmd:action                y y y y y - - - y y -
cmd:decision              y y y y y - - - y y -
cmd:note                  y y y y y - - - y y -
cmd:update                y - - y - - - - y y -
cmd:away                  y y y y y - y y y y y
cmd:meeting-move          - y y - - - - - - y -
cmd:meeting-cancel        - y y - - - - - - y -
cmd:start                 - y y - - - - - - y -
cmd:next                  - y y - - - - - - y -
cmd:back                  - y y - - - - - - y -
cmd:skip                  - y y - - - - - - y -
cmd:discussed             - y y - - - - - - y -
cmd:end                   - y y - - - - - - y -
cmd:refer                 y y y y y - - - y y -
cmd:exit                  - y - - - - - - - y -
btn:attend                y y y y y - - - y y -
btn:apologise             y y y y y - - - y y -
btn:update_open           y - - y - - - - y y -
btn:update_edit           y - - - - - - - - - -
btn:action_open           y y y y y - - - y y -
btn:action_done           y y y - - - - - - y -
btn:action_progress       y y y - - - - - - y -
btn:nudge_snooze          y y y y y - - - y y -
btn:home_action_done      y y y - - - - - - y -
btn:home_page             y y y y y - y y y y y
btn:draft_confirm         y - - - - - - - - - -
btn:draft_edit            y - - - - - - - - - -
btn:draft_hide            y - - - - - - - - - -
btn:draft_keep            y - - - - - - - - - -
btn:step_next             - y y - - - - - - y -
btn:step_back             - y y - - - - - - y -
btn:step_skip             - y y - - - - - - y -
btn:step_discussed        - y y - - - - - - y -
btn:step_skipped          - y y - - - - - - y -
btn:mark_present          - y y - - - - - - y -
btn:record_decision_open  y y y y y - - - y y -
btn:record_note_open      y y y y y - - - y y -
btn:end_meeting           - y y - - - - - - y -
btn:action_reassign_ask   y - - - - - - - - - -
btn:action_reassign       - y y - - - - - - y -
btn:holiday_move          - y y - - - - - - y -
btn:holiday_cancel        - y y - - - - - - y -
btn:term_allow            - y - - - - - - - y -
btn:term_decline          - y - - - - - - - y -
btn:record_remove         y y y - - - - - - y -
btn:record_edit           y y y - - - - - - y -
btn:referral_accept       - y - - - - - - - y -
btn:referral_decline      - y - - - - - - - y -
btn:referral_more_info    - y - - - - - - - y -
view:update_modal         y - - y - - - - y y -
view:action_modal         y y y y y - - - y y -
view:progress_modal       y y y - - - - - - y -
view:preview_modal        y - - - - - - - - - -
view:hide_modal           y - - - - - - - - - -
view:keep_modal           y - - - - - - - - - -
view:record_modal         y y y y y - - - y y -
view:present_modal        - y y - - - - - - y -
view:refer_modal          y y y y y - - - y y -
view:refer_check_modal    y y y y y - - - y y -
view:decline_modal        - y - - - - - - - y -
view:exit_modal           - y - - - - - - - y -
shortcut:record_action    y y y y y - - - y y -
shortcut:record_decision  y y y y y - - - y y -
event:dm_update           y - - y - - - - y y -
event:home                y y y y y - y y y y y
cmd:champion              - y y - - - - - - y -
btn:onboarding_tick       - - - y - - - - - - -
btn:onboarding_help       - y y y y - - - - y -
btn:mentee_nudge          - - - - y - - - - - -
btn:welcome_champion      - y - - - - - - - y -
cmd:report                - y y - - - - - - y -
btn:report_send           - y y - - - - - - y -
"""
TABLE = {
    row.split()[0]: dict(zip(COLUMNS, row.split()[1:], strict=True))
    for row in EXPECTED.strip().splitlines()
}
# What changes nothing but the session's bookkeeping is left out of "did anything change".
BOOKKEEPING = {"processed_events", "outbox", "alembic_version"}


@dataclass
class Side:
    """One group's things, with their real ids."""

    channel: str
    code: str
    worker: str  # the key worker who owns the things below
    next_meeting: int
    running_meeting: int
    on_screen: str
    action: int
    update: int
    draft: int
    record: int
    holiday_meeting: int  # Tue 26 Jan 2027, Australia Day
    term_request: int  # a word the worker restored in the draft, for the facilitators
    keep_version: str  # the draft's list of words to restore, as last shown
    referral: str = ""  # a referred client waiting for the group's decision
    group_id: int = 0
    agency_id: int = 0
    champion: int = 0  # the group's Micah Projects champion (onboarding done, not welcomed)


def snapshot_sql(conn: sa.Connection, save: bool) -> None:
    """Save every table's rows beside it, or put them back (in foreign-key order)."""
    tables = [t.name for t in Base.metadata.sorted_tables]
    postgres = conn.dialect.name == "postgresql"
    if save:
        for name in tables:
            conn.execute(sa.text(f"DROP TABLE IF EXISTS snap_{name}"))
            conn.execute(sa.text(f"CREATE TABLE snap_{name} AS SELECT * FROM {name}"))
        return
    if postgres:  # small tables: DELETE is far quicker than TRUNCATE; no FK checks meanwhile
        conn.execute(sa.text("SET LOCAL session_replication_role = replica"))
    else:
        conn.execute(sa.text("PRAGMA foreign_keys=OFF"))
    for name in reversed(tables):
        conn.execute(sa.text(f"DELETE FROM {name}"))
    for name in tables:
        conn.execute(sa.text(f"INSERT INTO {name} SELECT * FROM snap_{name}"))
        if postgres and "id" in Base.metadata.tables[name].c:
            conn.execute(sa.text(
                f"SELECT setval(pg_get_serial_sequence('{name}', 'id'), "
                f"COALESCE((SELECT max(id) FROM {name}), 0) + 1, false)"
            ))
    if not postgres:
        conn.execute(sa.text("PRAGMA foreign_keys=ON"))


class World:
    def __init__(self, h: Any) -> None:
        self.h = h
        self.engine = sa.create_engine(h.cli.env["DATABASE_URL"])
        self.alpha: Side
        self.bravo: Side

    def user(self, column: str) -> str:
        return PEOPLE["dual" if column == "dual in Bravo" else column][0]

    def side(self, column: str) -> Side:
        return self.bravo if column == "dual in Bravo" else self.alpha

    def one(self, sql: str) -> Any:
        with self.engine.connect() as conn:
            return conn.execute(sa.text(sql)).scalar_one()

    def fingerprint(self) -> str:
        digest = hashlib.sha256()
        with self.engine.connect() as conn:
            for table in Base.metadata.sorted_tables:
                if table.name in BOOKKEEPING:
                    continue
                rows = conn.execute(sa.select(table)).all()
                digest.update(table.name.encode())
                digest.update(repr(sorted(map(repr, rows))).encode())
        return digest.hexdigest()

    def save(self) -> None:
        with self.engine.begin() as conn:
            snapshot_sql(conn, save=True)

    def restore(self) -> None:
        background.wait_idle()
        with self.engine.begin() as conn:
            snapshot_sql(conn, save=False)


def build_world(h: Any, cli: Any, tmp_path: Any) -> World:
    for column, (user, _agency, _places) in PEOPLE.items():
        h.fake.add_user(user, name=column.replace("-", ""))
    cli.ok("init")
    for agency in ("Micah Projects", "Brisbane Housing Company"):
        cli.ok("agency", "add", agency)
    for name, channel in (("Alpha", ALPHA), ("Bravo", BRAVO)):
        cli.ok("group", "create", "--name", name, "--channel", channel,
               "--rrule", "FREQ=WEEKLY;INTERVAL=2;BYDAY=TU;BYHOUR=10",
               "--tz", "Australia/Brisbane", "--first", "2026-12-01T10:00",
               "--holidays", "AU-QLD")
        cli.ok("meeting", "list", "--group", name)  # the next meetings' rows, to 26 Jan
    for user, agency, places in PEOPLE.values():
        for group, roles in places:
            args = ["member", "add", "--user", user, "--group", group]
            args += [w for r in roles for w in ("--role", r)]
            cli.ok(*args, *(["--agency", agency] if agency else []))
    consent = {"given_on": "2026-10-01",
               "agencies": ["Micah Projects", "Brisbane Housing Company"]}
    clients = [
        {"code": "ALP-001", "agency": "Micah Projects", "key_worker": PEOPLE["worker"][0],
         "group": "Alpha", "full_name": "Avery Quillfeather", "consent": consent},
        {"code": "BRV-001", "agency": "Micah Projects", "key_worker": PEOPLE["other-group"][0],
         "group": "Bravo", "full_name": "Blair Wombatson", "consent": consent},
    ]
    (tmp_path / "c.json").write_text(json.dumps(clients))
    cli.ok("client", "add", "--from-json", str(tmp_path / "c.json"))
    world = World(h)
    with world.engine.begin() as conn:  # as migration 0006 leaves a member with no group
        for table in ("membership_roles", "group_members"):
            conn.execute(sa.text(f"DELETE FROM {table} WHERE member_id = (SELECT id FROM members "
                                 f"WHERE slack_user_id = '{PEOPLE['no-group'][0]}')"))
    h.at("2026-12-01T10:00+10:00")
    sides = {}
    for name, channel, code, runner, worker in (
        ("alpha", ALPHA, "ALP-001", "facilitator", "worker"),
        ("bravo", BRAVO, "BRV-001", "other-facilitator", "other-group"),
    ):
        owner = PEOPLE[worker][0]
        h.sender.command("start", user_id=PEOPLE[runner][0], channel_id=channel,
                         response_url=h.fake.response_url())
        background.wait_idle()
        h.at("2026-12-01T10:05+10:00")
        h.sender.command(f"action {code} <@{owner}|w> call the GP by Friday",
                         user_id=PEOPLE[runner][0], channel_id=channel,
                         response_url=h.fake.response_url())
        h.sender.command(f"decision {code} refer to outreach", user_id=owner, channel_id=channel,
                         response_url=h.fake.response_url())
        background.wait_idle()
        h.sender.dm(f"{code}: first news", user_id=owner)
        background.wait_idle()
        preview = wait_until(lambda o=owner: [m for m in h.fake.messages(dm_channel_id(o))
                                              if "first news" in json.dumps(m)])[-1]
        draft = int(json.dumps(preview).split('"draft_confirm", "value": "')[1].split('"')[0])
        h.sender.block_action("draft_confirm", user_id=owner, value=str(draft), message=preview)
        background.wait_idle()
        # A draft left to confirm, with two harmless words hidden: one restored already (the
        # facilitators are asked about it), one left to restore.
        h.sender.dm(f"{code}: second news, lunch at Sunny Days with Kalinda", user_id=owner)
        background.wait_idle()
        member = world.one(f"SELECT id FROM members WHERE slack_user_id = '{owner}'")
        second = world.one(f"SELECT id FROM drafts WHERE author_id = {member}")
        h.sender.block_action("draft_keep", user_id=owner, value=str(second),
                              trigger_id=h.fake.new_trigger_id())
        background.wait_idle()
        listing = h.fake.calls_to("views.open")[-1].args["view"]
        first = {"type": "static_select", "selected_option": {"value": "0"}}
        h.sender.view_submission("keep_modal", {"keep_word": {"word": first}}, user_id=owner,
                                 private_metadata=listing["private_metadata"])
        background.wait_idle()
        h.at("2026-12-01T10:00+10:00")
        group = world.one(f"SELECT id FROM groups WHERE channel_id = '{channel}'")
        member = world.one(f"SELECT id FROM members WHERE slack_user_id = '{owner}'")
        sides[name] = Side(
            channel=channel, code=code, worker=owner,
            next_meeting=world.one(f"SELECT id FROM meetings WHERE group_id = {group} "
                                   "AND status = 'scheduled' ORDER BY scheduled_at LIMIT 1"),
            running_meeting=world.one(f"SELECT id FROM meetings WHERE group_id = {group} "
                                      "AND status = 'running'"),
            on_screen=code,
            action=world.one(f"SELECT id FROM actions WHERE owner_id = {member}"),
            update=world.one(f"SELECT id FROM updates WHERE author_id = {member}"),
            draft=world.one(f"SELECT id FROM drafts WHERE author_id = {member}"),
            record=world.one(f"SELECT id FROM records WHERE author_id = {member}"),
            holiday_meeting=world.one(f"SELECT id FROM meetings WHERE group_id = {group} "
                                      "ORDER BY occurrence_at LIMIT 1 OFFSET 4"),
            term_request=world.one(f"SELECT id FROM term_requests WHERE author_id = {member}"),
            keep_version=_version(world, member),
        )
    h.at("2026-12-01T10:05+10:00")
    for name, code, worker, group in (("alpha", "ALP-002", "worker", "Alpha"),
                                      ("bravo", "BRV-002", "other-group", "Bravo")):
        cli.ok("client", "add", "--code", code, "--agency", "Micah Projects", "--key-worker",
               PEOPLE[worker][0], "--group", group, "--status", "referred", "--no-prompt",
               "--consent-date", "2026-10-01", "--consent-agency", "Brisbane Housing Company")
        sides[name].referral = code
        sides[name].group_id = world.one(f"SELECT id FROM groups WHERE name = '{group}'")
        sides[name].agency_id = world.one("SELECT id FROM agencies WHERE name = 'Micah Projects'")
    # Each group's Micah Projects champion, onboarding completed and announced (not welcomed):
    # Alpha's mentored by Alpha's mentor; Bravo has no mentor.
    cli.ok("champion", "add", "--user", PEOPLE["champion"][0], "--agency", "Micah Projects",
           "--group", "Alpha", "--mentor", PEOPLE["mentor"][0])
    cli.ok("champion", "add", "--user", PEOPLE["other-group"][0], "--agency", "Micah Projects",
           "--group", "Bravo")
    with world.engine.begin() as conn:
        conn.execute(sa.text("UPDATE champions SET completed_at = started_at, "
                             "announced_at = started_at"))
    for name, group in (("alpha", "Alpha"), ("bravo", "Bravo")):
        sides[name].champion = world.one(
            "SELECT c.id FROM champions c JOIN groups g ON g.id = c.group_id "
            f"WHERE g.name = '{group}'")
    world.alpha, world.bravo = sides["alpha"], sides["bravo"]
    world.save()
    return world


def _version(world: World, member: int) -> str:
    from bot.services import restore
    from storage.models import Draft

    draft_id = world.one(f"SELECT id FROM drafts WHERE author_id = {member}")
    text = world.one(f"SELECT text FROM drafts WHERE id = {draft_id}")
    return restore.version(Draft(id=draft_id, text=text))


def _text_input(block: str, action: str, value: Any, kind: str = "plain_text_input") -> dict:
    key = {"users_select": "selected_user", "multi_users_select": "selected_users",
           "datepicker": "selected_date"}.get(kind, "value")
    return {block: {action: {"type": kind, key: value}}}


def _referral_form(s: Side) -> dict:
    """The referral form's answers (nothing identifying), for the given side's group."""
    return {
        "refer_agency": {"agency": {"type": "static_select",
                                    "selected_option": {"value": str(s.agency_id)}}},
        **_text_input("refer_key_worker", "owner", s.worker, "users_select"),
        "refer_criteria": {"choices": {"type": "checkboxes",
                                       "selected_options": [{"value": "tenancy_at_risk"}]}},
        **_text_input("refer_summary", "text", "needs support with the tenancy"),
        "refer_consent": {"choice": {"type": "radio_buttons",
                                     "selected_option": {"value": "yes"}}},
        **_text_input("refer_consent_date", "date", "2026-11-20", "datepicker"),
        "refer_consent_method": {"choice": {"type": "static_select",
                                            "selected_option": {"value": "written"}}},
    }


def send(w: World, entry: str, column: str) -> Any:
    """Make the request ``entry`` as ``column`` would; returns the HTTP response."""
    h, s, user = w.h, w.side(column), w.user(column)
    s_kind, _, name = entry.partition(":")
    trigger = h.fake.new_trigger_id()
    hook = h.fake.response_url()
    if s_kind == "cmd":
        text = {
            "help": "help",
            "action": f"action {s.code} <@{s.worker}|w> ring the tenancy officer by Friday",
            "decision": f"decision {s.code} refer to the outreach team",
            "note": f"note {s.code} waiting on the provider",
            "update": f"update {s.code}",
            "away": "away 2026-12-20 2026-12-24",
            "meeting-move": "meeting move 2026-12-15 2026-12-16T10:00",
            "meeting-cancel": "meeting cancel 2026-12-15",
            "exit": f"exit {s.code}",
            # Alpha: a hand-over to its worker; Bravo: to "dual", of the same agency there.
            "champion": "champion <@%s|x> Micah Projects" % (
                PEOPLE["worker"][0] if s is w.alpha else PEOPLE["dual"][0]),
        }.get(name, name)
        return h.sender.command(text, user_id=user, channel_id=s.channel, trigger_id=trigger,
                                response_url=hook)
    if s_kind == "btn":
        message = {"ts": "1700000000.999999", "text": "", "blocks": []}
        value = {
            "attend": str(s.next_meeting), "apologise": str(s.next_meeting),
            "update_open": f"{s.next_meeting}|{s.code}", "update_edit": str(s.update),
            "action_open": s.code, "action_done": str(s.action),
            "action_progress": str(s.action), "nudge_snooze": str(s.next_meeting),
            "home_action_done": str(s.action), "home_page": "actions:1",
            "draft_confirm": str(s.draft),
            "draft_edit": str(s.draft), "draft_hide": str(s.draft), "draft_keep": str(s.draft),
            "term_allow": str(s.term_request), "term_decline": str(s.term_request),
            "mark_present": str(s.running_meeting), "record_decision_open": s.code,
            "record_note_open": s.code, "end_meeting": str(s.running_meeting),
            "action_reassign_ask": str(s.action), "record_remove": f"decision:{s.record}",
            "record_edit": str(s.record),
            "holiday_move": f"{s.holiday_meeting}:20270126:20270127",
            "holiday_cancel": f"{s.holiday_meeting}:20270126",
            "referral_accept": s.referral, "referral_decline": s.referral,
            "referral_more_info": s.referral,
            "onboarding_tick": f"{s.champion}:purpose", "onboarding_help": f"{s.champion}:purpose",
            "mentee_nudge": str(s.champion), "welcome_champion": str(s.champion),
            "report_send": f"{s.group_id}:20261201:20261231",
        }.get(name, f"{s.running_meeting}:{s.on_screen}")  # the step buttons
        in_channel = name.startswith(("step_", "mark_", "record_", "end_", "action_open",
                                      "referral_"))
        channel = s.channel if in_channel else dm_channel_id(user)
        if name == "home_action_done":
            return h.sender.block_action(name, user_id=user, value=value, trigger_id=trigger,
                                         view={"type": "home", "id": "V0HOME001"})
        if name == "action_reassign":
            new_owner = PEOPLE["champion"][0] if s is w.alpha else PEOPLE["dual"][0]
            return h.sender.block_action(name, user_id=user, block_id=f"reassign-{s.action}",
                                         action_type="users_select", selected=new_owner,
                                         channel_id=dm_channel_id(user), message=message,
                                         trigger_id=trigger)
        return h.sender.block_action(name, user_id=user, value=value, channel_id=channel,
                                     message=message, trigger_id=trigger,
                                     response_url=hook)
    if s_kind == "view":
        data, values = {
            "update_modal": ({"code": s.code, "update": None, "draft": None},
                             _text_input("update_text", "text", "keys collected")),
            "action_modal": ({"channel": s.channel},
                             {**_text_input("action_client", "code", s.code),
                              **_text_input("action_owner", "owner", s.worker, "users_select"),
                              **_text_input("action_text", "text", "book the removalist")}),
            "progress_modal": ({"action": s.action},
                               _text_input("progress_text", "text", "left a message")),
            "preview_modal": ({"draft": s.draft}, {}),
            "hide_modal": ({"draft": s.draft}, _text_input("preview_hide", "text", "Bo")),
            "keep_modal": ({"draft": s.draft, "v": s.keep_version},
                           {"keep_word": {"word": {"type": "static_select",
                                                   "selected_option": {"value": "0"}}}}),
            "record_modal": ({"channel": s.channel, "kind": "decision", "record": None},
                             {**_text_input("record_client", "code", s.code),
                              **_text_input("record_text", "text", "refer to outreach")}),
            "present_modal": ({"channel": s.channel},
                              _text_input("present", "users", [user], "multi_users_select")),
            "refer_modal": ({"group": s.group_id}, _referral_form(s)),
            "refer_check_modal": (
                {"group": s.group_id, "agency": s.agency_id, "key_worker": s.worker,
                 "criteria": ["tenancy_at_risk"], "consent": True,
                 "consent_date": "2026-11-20", "method": "written", "agencies": [],
                 "review": None, "summary": "needs support with the tenancy"}, {}),
            "decline_modal": ({"code": s.referral},
                              _text_input("decline_reason", "text", "outside our area")),
            "exit_modal": ({"code": s.code}, {
                "exit_outcome": {"choice": {"type": "static_select",
                                            "selected_option": {"value": "housed_social"}}},
                **_text_input("exit_date", "date", "2026-12-01", "datepicker"),
            }),
        }[name]
        # Signed as Casebot signs its own forms: the service must refuse, not the signature.
        return h.sender.view_submission(name, values, user_id=user,
                                        private_metadata=metadata.seal(name, data))
    if s_kind == "shortcut":
        return h.sender.message_shortcut(name, user_id=user, channel_id=s.channel,
                                         message={"text": f"{s.code} needs a GP letter",
                                                  "user": s.worker},
                                         trigger_id=trigger, response_url=hook)
    if name == "dm_update":
        return h.sender.dm(f"{s.code}: moved into transitional housing", user_id=user)
    return h.sender.home_opened(user_id=user)


def _starts_with_warning(payload: dict[str, Any]) -> bool:
    blocks = payload.get("blocks") or []
    if isinstance(blocks, str):
        blocks = json.loads(blocks)
    first = blocks[0] if blocks else {}
    return str((first.get("text") or {}).get("text") or "").startswith("⚠️")


def is_refusal(call: Any) -> bool:
    """A kind refusal to the person: a message, or the form they submitted, whose first block
    starts with ⚠️."""
    if call.method == "views.update":  # a form answered after its ack: refused in place
        return _starts_with_warning(call.args.get("view") or {})
    return call.method in ("chat.postEphemeral", "chat.postMessage", "response_url") and (
        _starts_with_warning(call.args)
    )


def is_refusal_reply(reply: Any) -> bool:
    """Refused in the answer itself: a command's ⚠️ reply, or errors shown in the form."""
    if not reply.body:
        return False
    answer = reply.json()
    return answer.get("response_action") == "errors" or _starts_with_warning(answer)


def outcome(w: World, entry: str, column: str) -> tuple[str, str, bool]:
    """Run one case from the saved world: ("y"|"-", what was seen, whether it changed any
    saved state)."""
    h, user = w.h, w.user(column)
    before_print, first_call = w.fingerprint(), len(h.fake.calls)
    reply = send(w, entry, column)
    assert reply.status == 200, (entry, column, reply.status)
    assert background.wait_idle(), "background work did not finish"
    calls = h.fake.calls[first_call:]
    to_person = [c for c in calls if user in json.dumps(c.args)
                 or c.method in ("response_url", "views.open", "views.publish", "views.update")]
    said = reply.body + "".join(json.dumps(c.args) for c in to_person)
    refused = any(map(is_refusal, to_person)) or is_refusal_reply(reply)
    if entry in ("event:home", "btn:home_page"):  # anyone may look; a stranger is told
        refused = "not set up yet" in said
    changed = w.fingerprint() != before_print
    opened = any(c.method == "views.open" for c in calls)
    if refused:
        # Refused means refused: nothing saved, no form, and the person was told.
        assert not changed and not opened, (entry, column, "refused but had an effect")
        return "-", said[:300], changed
    assert changed or opened or calls or reply.body, (entry, column, "allowed but did nothing")
    return "y", said[:300], changed


@pytest.fixture(scope="module", params=BACKENDS)
def world(request, tmp_path_factory) -> Iterator[World]:
    """The saved world, built once per database for all the rows (each case restores it)."""
    folder = tmp_path_factory.mktemp("matrix")
    cli = make_cli(migrated_database(request, folder, spare=True), FixedClock(NOW), folder)
    with FakeSlack(users=USERS, open_channels=True) as fake, serving(cli, fake) as start:
        point_at(cli, fake)
        world = build_world(start(), cli, folder)
        yield world
        world.engine.dispose()


@pytest.mark.parametrize("entry", list(TABLE))
def test_every_entry_point_as_every_kind_of_person(world, entry):
    wrong = []
    for column in COLUMNS:
        try:
            got, said, changed = outcome(world, entry, column)
        except BaseException:
            world.restore()  # the next row starts from the saved world all the same
            raise
        if got != TABLE[entry][column]:
            wrong.append(f"{entry} as {column}: expected {TABLE[entry][column]}, got {got}: {said}")
        if changed:  # back to the saved world (what changed nothing needs no undoing)
            world.restore()
    assert wrong == [], "\n".join(wrong)


def test_the_table_covers_every_listener(cli, slack_env):
    """A new button, form, command word or shortcut must get a row here."""
    from bot.bootstrap import build, slack_runtime
    from bot.config import load_settings
    from devkit.recording_app import RecordingApp
    from handlers.commands import WORDS

    container = build(load_settings(cli.env), clock=cli.clock)
    app = slack_runtime(container).bolt_app(app_class=RecordingApp)
    container.close()
    registered = app.registered["action"] | app.registered["view"] | app.registered["shortcut"]
    rows = {e.split(":", 1)[1] for e in TABLE if e.startswith(("btn:", "view:", "shortcut:"))}
    assert rows == registered
    words = {e.split(":", 1)[1].split("-")[0] for e in TABLE if e.startswith("cmd:")}
    assert words == set(WORDS) | {"help"}
    assert {"message", "app_home_opened"} <= app.registered["event"]


def test_the_security_page_states_the_same_matrix():
    """docs/SECURITY.md shows this table to people: it may not drift from what is tested."""
    from pathlib import Path

    page = (Path(__file__).resolve().parents[2] / "docs" / "SECURITY.md").read_text()
    block = page.split("<!-- matrix:")[1].split("<!-- end matrix -->")[0]
    lines = [line for line in block.splitlines() if line.startswith("| ")]
    header = [cell.strip() for cell in lines[0].strip("|").split("|")][1:]
    assert header == [c.replace("-", " ").replace("non member", "non-member") for c in COLUMNS]
    shown = [[cell.strip() for cell in line.strip("|").split("|")][1:] for line in lines[1:]]
    assert shown == [[TABLE[entry][c] for c in COLUMNS] for entry in TABLE]
