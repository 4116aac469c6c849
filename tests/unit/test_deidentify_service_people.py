"""Set 35's misses (issue 12), after its held-out measurement: a boarding house's or a motel's
room as a form and a note write it, an alias a text opens with before its sender's name, and a
household's list of members with their dates of birth."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def client(name: str, *aliases: str, address: str = "") -> KnownClient:
    return KnownClient(
        "VB-3524", ClientIdentity.from_dict({"full_name": name, "aliases": list(aliases),
                                             "address": address})
    )


ROOM_7 = client("Peni Vunibaka", address="Room 7, 81 Stuart Highway, Stuart Park NT 0820")
BOMBER = client("Sherwin Tindal", "Bomber")


def redact(text: str, *clients: KnownClient, worker: str = "Borbála Vörös") -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, worker, worker.split()[0]]).text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Issued to: VB-3524\nRoom: 7   Nights: 7 (13/03/2026-20/03/2026)", "Room: 7"),
        ("He lives in Room 7 of a rooming house in Darwin.", "Room 7"),
        ("They are in Room 7 of a motel on the highway.", "Room 7"),
        ("rm 7 now (knee), boarding house", "rm 7"),
    ],
)
def test_the_registered_room_goes(text, gone):
    assert gone not in redact(text, ROOM_7)


@pytest.mark.parametrize(
    "text",
    ["Team meeting in meeting room 7 at 10.", "Booked Room 7 nights at the motel",
     "passed Unit 7 of the course"],
)
def test_another_room_or_a_count_stays(text):
    assert redact(text, ROOM_7) == text


@pytest.mark.parametrize(
    ("text", "worker"),
    [
        ("bomber its borbála. dva outreach bus at katherine rsl tomorrow 10", "Borbála Vörös"),
        ("Bomber its Zoltán. RSL WA housing lady wants your Gold Card", "Zoltán Mészáros"),
    ],
)
def test_an_alias_a_text_opens_with_before_its_sender(text, worker):
    assert redact(text, BOMBER, worker=worker).startswith("VB-3524 its")


def test_an_alias_before_its_and_a_word_stays():
    assert redact("bomber its huge.", BOMBER) == "bomber its huge."


def test_a_households_list_of_members_and_their_birth_dates():
    text = "Household members\n3. Amira Haddad - 17/02/2010 - student\n4. Zaid Haddad - 30/11/2012"
    out = redact(text)
    assert "2010" not in out and "2012" not in out and "student" in out


def test_a_meetings_date_after_a_dash_stays():
    assert "12/02/2025" in redact("- Met Kylie Brown - 12/02/2025 - at the office")
