"""The twenty-first adversarial review (issue 12): where the rules of sets 31 and 32 went too
far -- a car's name for a family's, address fields that are no address, file names taken for
handles, peoples that are surnames, routes taken for streets, town schedules taken for chats."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, name: str = "Sam Jones", *aliases: str) -> str:
    who = KnownClient("RV-2100", ClientIdentity(full_name=name, aliases=tuple(aliases)))
    return deidentify(text, [who], keep=list(COMMON_SERVICES)).text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("The Magna family came in together for the meeting.", "Tomas Magna"),
        ("Her Camry cousins were there.", "Tomas Camry"),
        ("Visited the Barina home on Friday.", "Tomas Barina"),
        ("Gave Barina keys to the new unit.", "Tomas Barina"),
        ("Kluger service plan reviewed with Jo.", "Jason Kluger"),
    ],
)
def test_a_client_named_like_a_car_is_the_client_where_no_car_is_said(text, name):
    assert "RV-2100" in redact(text, name)


@pytest.mark.parametrize(
    ("text", "name", "word"),
    [
        ("Jason drives a Kluger.", "Jason Kluger", "Kluger"),
        ("His Kluger and ute were both repossessed.", "Jason Kluger", "Kluger"),
        ("He parked the Magna outside.", "Luca Magna", "Magna"),
    ],
)
def test_the_car_is_still_the_car(text, name, word):
    assert word in redact(text, name)


@pytest.mark.parametrize(
    "text",
    [
        "Address issues: 2 letters from Centrelink went astray",
        "Address: No fixed address since March 2024",
        "Address update: Centrelink told on 12 May",
        "Address history: 4 moves in 2024, all in Logan",
    ],
)
def test_an_address_label_that_is_no_address_keeps_its_value(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Ticket INC_004512 logged with IT.",
        "See report_final_2025 and scan_0012 on the drive.",
        "Room B_101 is booked.",
    ],
)
def test_file_ticket_and_room_names_are_no_handles(text):
    assert redact(text) == text


def test_a_user_name_with_an_underscore_still_goes():
    assert "5528710" not in redact("He posts as xhs_user_5528710 now.")


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Jack Cornish dropped off the form.", "Cornish"),
        ("Her son Danish is 9.", "Danish"),
        ("MS WELSH RANG ABOUT THE BOND", "WELSH"),
    ],
)
def test_a_peoples_word_beside_a_name_is_someone(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "several Dutch and Italian migrants from the 1950s",
        "A Danish pastry for morning tea. She is a Virgo. The Czech Republic.",
    ],
)
def test_peoples_and_signs_alone_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Bus 380 Via Bondi 12 now runs late",
        "Train to Parramatta Via Central 3 today",
        "Flying Via Singapore 2 next week.",
        "Rue Cafe 2 now open.",
    ],
)
def test_a_route_via_a_place_is_no_street_abroad(text):
    assert redact(text) == text


def test_a_street_abroad_is_still_an_address():
    assert "Roma 12" not in redact("Her mother lives at Via Roma 12 piano 3.")


def test_a_childs_birthday_after_a_meeting_verb_goes():
    out = redact("Called Brodie (13/11/2009) re school refusal.")
    assert "2009" not in out


def test_a_meetings_date_after_a_full_name_stays():
    out = redact("Phone call with Kylie Brown (12/02/2025) about rent.")
    assert "12/02/2025" in out


def test_a_schedule_of_towns_in_lowercase_is_no_chat():
    text = "logan: fortnightly\nipswich: weekly\nbeenleigh: monthly"
    assert redact(text) == text


def test_a_chats_speaker_named_like_a_word_goes():
    out = redact("tavita: hi can u call\nmaria: sure thing")
    assert "maria" not in out and "tavita" not in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("MRS HAAG RANG ABOUT THE RENT", "HAAG"),
        ("OMARA RANG TODAY ABOUT HIS VISA", "OMARA"),
    ],
)
def test_a_service_acronym_in_a_note_typed_in_capitals_is_a_surname(text, gone):
    assert gone not in redact(text)


def test_the_acronym_in_an_ordinary_note_stays():
    text = "Reported to OMARA and Scamwatch."
    assert redact(text) == text


def test_a_pronoun_in_a_towns_note_makes_no_person():
    text = "Towns she knows: Tully (she grew up there), Ayr, Ingham."
    assert redact(text) == text


def test_a_chinese_preposition_is_no_surname():
    text = "请向社工反映情况"
    assert redact(text) == text


def test_a_camp_road_is_an_address():
    assert "Fishing Camp" not in redact("Lives at Lot 14, Fishing Camp Road, Mallacoota")


def test_an_acronym_and_a_year_is_no_file_number():
    text = "Proceedings: AVO 2024 withdrawn by police."
    assert redact(text) == text
