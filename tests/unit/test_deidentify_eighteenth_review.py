"""The eighteenth review (helper, 1,253 seeds and 10,150 inputs of its own, against the round
256c241 → 6e0ca6e): what that round's rules let through, and what they wrongly took."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, name: str = "Sam Jones") -> str:
    client = KnownClient("RV-1100", ClientIdentity(full_name=name))
    return deidentify(text, [client], keep=list(COMMON_SERVICES)).text


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("Will Smith", "ESCORTED WILL WAS CALM AT COURT", "ESCORTED RV-1100 WAS CALM AT COURT"),
        ("Grace Lee", "OBSERVED GRACE WAS LIMPING, ADVISED GP",
         "OBSERVED RV-1100 WAS LIMPING, ADVISED GP"),
        ("Will Smith", "WILL NOW LIVING WITH HIS DAD", "RV-1100 NOW LIVING WITH HIS DAD"),
        ("May Tran", "MAY ALSO CAME TO THE MEETING", "RV-1100 ALSO CAME TO THE MEETING"),
        ("Will Smith", "REMINDED WILL ALSO TO BRING ID", "REMINDED RV-1100 ALSO TO BRING ID"),
        ("Will Smith", "ESCORTED WILL TO COURT", "ESCORTED RV-1100 TO COURT"),
    ],
)
def test_a_word_name_in_capitals_after_a_deed_or_before_one_is_the_client(name, text, expected):
    assert redact(text, name) == expected


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("Will Smith", "UPDATED WILL WAS SIGNED AT THE LAWYER"),
        ("Will Smith", "CASE MANAGER WILL NOW FOLLOW UP WITH HOUSING"),
        ("May Tran", "PARTICIPANT MAY ALSO NEED A LETTER"),
        ("Bill Jones", "SENT BILL WAS PAID BY CENTRELINK"),
        ("Bill Jones", "SENT BILL TO CENTRELINK"),
        ("Will Smith", "THE MANAGER WILL NOW PROCEED"),
    ],
)
def test_a_modal_a_document_and_a_bill_in_capitals_stay(name, text):
    assert redact(text, name) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Landlord is Ernesto San Pedro, he wants the keys back Friday",
         "Landlord is [name], he wants the keys back Friday"),
        ("Spoke to Mrs La Paz from the school", "Spoke to [name] from the school"),
        ("Her uncle Abu Kamal in Logan can help", "Her uncle [name] in Logan can help"),
        ("Referral from Rivera at the hospital, needs housing",
         "Referral from [name] at the hospital, needs housing"),
        ("flew from La Paz to Lima", "flew from La Paz to Lima"),
        ("moved to Koh Kong last year", "moved to Koh Kong last year"),
        ("her family news from Kharkiv at the start of the war",
         "her family news from Kharkiv at the start of the war"),
    ],
)
def test_a_surname_spelt_like_a_place_abroad_goes_where_a_person_is_said(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the password is UNITED", "the password is [ID]"),
        ("her Centrelink password is STRONG", "her Centrelink password is [ID]"),
        ("password is WRONG, she reset it", "password is WRONG, she reset it"),
    ],
)
def test_a_password_that_is_a_word_in_ed_goes_and_its_state_stays(text, expected):
    assert redact(text) == expected
