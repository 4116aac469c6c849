"""The de-identification engine: what must be replaced, what must survive, and how it fails.

Every person here is invented; the numbers pass format checks only.
"""

from __future__ import annotations

import dataclasses
import datetime as dt
import logging
import re

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

import bot.deidentify as engine
from bot.deidentify import DeidentificationFailed, KnownClient, Redaction, deidentify, known_clients
from bot.domain import CasebotError, ClientIdentity
from bot.ids_au import medicare_check_digit
from tests.identities import JANE, TOM


def client(code: str, **fields: object) -> KnownClient:
    return KnownClient(code, ClientIdentity(**fields))  # type: ignore[arg-type]


JANE_C = KnownClient("U1R-014", ClientIdentity.from_dict(JANE))
TOM_C = KnownClient("U1R-015", ClientIdentity.from_dict({**TOM, "date_of_birth": "1975-07-12"}))
LIAM = client("U1R-016", full_name="Liam O'Brien")
MIA = client("U1R-017", full_name="Mia Smith-Jones")
MAY = client("U1R-018", full_name="May Hope Kestrelton")
RUBY = client("U1R-019", full_name="Ruby Lorikeetson", aliases=("Rubes",))
JO = client("U1R-020", full_name="Jo Pelicanby")
DANA = client("U1R-021", full_name="Dana Morninger")
CLIENTS = (JANE_C, TOM_C, LIAM, MIA, MAY, RUBY, JO, DANA)
KEEP = ("Micah Projects", "Centrelink", "Brisbane Housing Company")
FAILED = "the text could not be checked for identifying details, so it was not shared"


def redact(text: str, clients: tuple[KnownClient, ...] = CLIENTS, keep=KEEP) -> str:
    return deidentify(text, clients, keep=keep).text


def medicare_with_check(first8: str, issue: str = "1") -> str:
    """A Medicare number with a valid check digit (weights 1,3,7,9,1,3,7,9, mod 10)."""
    return f"{first8[:4]} {first8[4:]}{medicare_check_digit(first8)} {issue}"


# --- registered names ------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane Quokkafield moved in", "U1R-014 moved in"),
        ("jane quokkafield moved in", "U1R-014 moved in"),
        ("JANE QUOKKAFIELD", "U1R-014"),
        ("Saw Jane today", "Saw U1R-014 today"),
        ("Quokkafield rang", "U1R-014 rang"),
        ("Jane's rent is due", "U1R-014's rent is due"),
        ("Jane’s rent is due", "U1R-014’s rent is due"),
        ("Quokkafield's worker", "U1R-014's worker"),
        ("Jane   Quokkafield", "U1R-014"),
        ("Jane\nQuokkafield came", "U1R-014 came"),
        ("Janey Q came", "U1R-014 came"),
        ("Janey came", "U1R-014 came"),
        ("Jq Wattlebird and Wattlebird", "U1R-014 and U1R-014"),
        ("Thomas Brolgaway, Thomas, Tommo", "U1R-015, U1R-015, U1R-015"),
        ("Mr Brolgaway", "U1R-015"),  # the title goes with the name
        ("Liam O'Brien", "U1R-016"),
        ("O'Brien and O’Brien and OBrien", "U1R-016 and U1R-016 and U1R-016"),
        ("Mr O'Brien's dog", "U1R-016's dog"),
        ("Liam came", "U1R-016 came"),
        ("Mia Smith-Jones", "U1R-017"),
        ("Smith-Jones's flat", "U1R-017's flat"),
        ("Mia Smith Jones", "U1R-017"),
        ("Ms Jones and Smith", "U1R-017 and U1R-017"),
        ("Ruby Lorikeetson aka Rubes", "U1R-019 aka U1R-019"),
        ("Kestrelton", "U1R-018"),
        ("Pelicanby", "U1R-020"),
        ("email to Jane, cc Liam", "email to U1R-014, cc U1R-016"),
    ],
)
def test_registered_names_become_the_case_code(text, expected):
    assert redact(text) == expected


def test_longer_name_wins_and_counts_once():
    result = deidentify("Jane Quokkafield and Liam", CLIENTS)
    assert result.text == "U1R-014 and U1R-016"
    assert result.replaced == {"name": 2}


def test_a_name_shared_by_two_clients_in_play_is_not_pinned_on_either():
    other = client("U1R-030", full_name="Jane Emuhurst")
    clients = (JANE_C, other)
    assert redact("Jane rang", clients) == "[name] rang"
    assert redact("Jane Emuhurst rang", clients) == "U1R-030 rang"
    assert redact("Jane Quokkafield rang", clients) == "U1R-014 rang"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quokkafeild called", "U1R-014 called"),  # swapped letters
        ("Quokafield called", "U1R-014 called"),  # a letter missing
        ("Quokkafielld called", "U1R-014 called"),  # a letter extra
        ("Qookkafield called", "U1R-014 called"),  # a letter wrong
        ("Brolgwy called", "U1R-015 called"),  # two edits allowed from 9 letters
        ("Lorikeetsen called", "U1R-019 called"),
        ("Thomsa called", "U1R-015 called"),
        ("Morningr called", "U1R-021 called"),
        ("quokkafeild called", "U1R-014 called"),  # lowercase too: no other detector looks there
    ],
)
def test_capitalised_misspellings_of_long_names_are_replaced(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # Not the client's misspelt name -- but a capitalised name-like word before "called" is
        # somebody's name, so the third-party detector replaces it with [name], never a code.
        ("Jayne called", "[name] called"),  # "Jane" is too short to guess at
        ("Xuokkafield called", "[name] called"),  # another first letter
        ("Quokkaxxxld called", "[name] called"),  # three edits away
        ("Brolgaxxxy called", "[name] called"),  # three edits
        ("Morning team", "Morning team"),  # a common word two edits from Morninger
    ],
)
def test_words_that_are_not_misspellings_are_not_given_the_code(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("May's rent is due", "U1R-018's rent is due"),
        ("May Kestrelton came", "U1R-018 came"),
        ("Hope Kestrelton came", "U1R-018 came"),
        ("May Hope came", "U1R-018 came"),
        ("Ms May came", "U1R-018 came"),
        ("Dr. Hope came", "Dr. U1R-018 came"),
        ("Hope Kestrelon came", "U1R-018 came"),  # next to a misspelt part of the name
        ("May Hope Kestrelton came", "U1R-018 came"),
        ("Jo Pelicanby came", "U1R-020 came"),
        ("Jo's tenancy", "U1R-020's tenancy"),
        ("Aunty Jo came", "Aunty U1R-020 came"),
    ],
)
def test_short_or_common_name_parts_replaced_only_when_used_as_a_name(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "she may attend",
        "Hope to engage next week",  # trade-off: opening a sentence with no verb after it
        "there is hope of a lease",
        "May 2026 meeting",
        "in May",
        "may hope to attend",
        "the phone bill",
        "Will call back Tuesday",
    ],
)
def test_short_or_common_words_survive_when_not_used_as_a_name(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Hope is doing well", "U1R-018 is doing well"),  # a verb after it: a name
        ("Kestrelton and May", "U1R-018 and U1R-018"),  # capitalised mid-sentence: a name
        ("spoke with Hope today", "spoke with U1R-018 today"),
        ("May: rent paid", "U1R-018: rent paid"),
        ("Jo said hi", "[name] said hi"),  # two letters: a person, but not pinned on the client
        ("Will Bill pay the bill?", "[name] pay the bill?"),  # no client Will or Bill: people
    ],
)
def test_short_or_common_words_used_as_a_name(text, expected):
    assert redact(text) == expected


def test_keep_protects_members_and_agencies_but_not_a_full_client_name():
    micah = client("U1R-031", full_name="Micah Tawnyfrog")
    keep = ("Micah Projects", "jane")
    assert redact("Micah Projects and Micah", (micah,), keep) == "Micah Projects and U1R-031"
    assert redact("MICAH PROJECTS", (micah,), keep) == "MICAH PROJECTS"
    assert redact("Jane will call", (JANE_C,), keep) == "Jane will call"
    assert redact("Jane Quokkafield", (JANE_C,), keep) == "U1R-014"


def test_case_codes_placeholders_and_url_schemes_are_never_replaced_inside():
    odd = client("U1R-032", full_name="Https Mailtoson", aliases=("Tel", "Name", "Dob", "Phone"))
    text = "U1R-014 see https://example.org mailto:a tel:x [name] [DOB] [phone] <@U0123ABCD>"
    assert redact(text, (odd, JANE_C)) == text
    assert redact("Https came, Tel too", (odd,)) == "U1R-032 came, U1R-032 too"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Quokkafield Jane", "U1R-014"),  # one client's name parts side by side: one code
        ("Jane Tommo", "U1R-014 U1R-015"),  # two clients side by side stay apart
        ("Jane2 and jane_q", "[name]2 and U1R-014_q"),  # a code glued to digits would misread
    ],
)
def test_adjacent_names(text, expected):
    assert redact(text) == expected


def test_detectors_work_with_no_clients_in_play():
    result = deidentify("call 0498 765 432 or x@y.org, DOB 1/2/1990")
    assert result.text == "call [phone] or [email], DOB [DOB]"


# --- registered dates of birth, numbers, emails and addresses ---------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "1988-04-03",
        "1988/04/03",
        "3/4/1988",
        "03/04/1988",
        "3-4-1988",
        "3.4.88",
        "03.04.1988",
        "3 April 1988",
        "3rd of April 1988",
        "3rd April 1988",
        "April 3, 1988",
        "April 3rd 1988",
        "3 Apr 88",
        "3 Apr. 1988",
        "4/3/1988",  # month-first, as some forms write it
    ],
)
def test_registered_date_of_birth_in_any_format(written):
    assert redact(f"Her birth certificate says {written}, ok") == (
        "Her birth certificate says [DOB], ok"
    )


@pytest.mark.parametrize(
    "written",
    [
        "0412 345 678",
        "0412345678",
        "0412-345-678",
        "0412.345.678",
        "04 1234 5678",
        "(04) 1234 5678",
        "+61 412 345 678",
        "+61412345678",
        "+61 (0) 412 345 678",
        "0412  345\n678",
    ],
)
def test_registered_mobile_in_any_spacing(written):
    result = deidentify(f"call {written} today", (JANE_C,))
    assert result.text == "call [phone] today"
    assert result.replaced == {"phone": 1}


@pytest.mark.parametrize(
    "written", ["(07) 3555 0199", "07 3555 0199", "+61 7 3555 0199", "0735550199", "3555 0199"]
)
def test_registered_landline_with_or_without_area_code(written):
    assert redact(f"ph {written}.", (TOM_C,)) == "ph [phone]."


@pytest.mark.parametrize(
    ("written", "expected"),
    [
        ("2123 45670 1", "[Medicare]"),
        ("2123456701", "[Medicare]"),
        ("2123-45670-1", "[Medicare]"),
        ("2123 45670 1 1", "[Medicare]"),  # with the individual reference number
        ("204 837 561K", "[CRN]"),
        ("204837561K", "[CRN]"),
        ("204-837-561-K", "[CRN]"),
        ("204 837 561", "[CRN]"),  # the letter left off
        ("Jane.Quokkafield@Example.ORG", "[email]"),
        ("JANE.QUOKKAFIELD@EXAMPLE.ORG", "[email]"),
    ],
)
def test_registered_medicare_crn_and_email(written, expected):
    assert redact(f"id: {written} ok", (JANE_C,)) == f"id: {expected} ok"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("lives at 17 Banksia Crescent now", "lives at [address] now"),
        ("lives at 4/17 Banksia Crescent now", "lives at [address] now"),
        ("lives at 17 Banksia Cres now", "lives at [address] now"),
        ("lives at 17 banksia cres. now", "lives at [address] now"),
        ("lives at Unit 4, 17 Banksia Crescent, Zillmere QLD 4034 now", "lives at [address] now"),
        ("lives at 17 Banksia Crescent, Zillmere now", "lives at [address] now"),
        # The registered street alone is the client's address too (the register wins).
        ("still at banksia cres", "still at [address]"),
        ("moving off Banksia Crescent soon", "moving off [address] soon"),
        ("lives at 17  Banksia\nCrescent now", "lives at [address] now"),
        ("Lot 9 Mulga Road, Deception Bay", "[address]"),
        ("9 Mulga Rd", "[address]"),
    ],
)
def test_registered_address_and_its_street_part(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "moved to Zillmere",
        "near Wattle Crescent",  # a street without the number is nobody's address
        "Deception Bay library",
        "QLD 4034",
    ],
)
def test_suburbs_and_other_streets_survive(text):
    assert redact(text) == text


# --- detectors for anyone ---------------------------------------------------------------------


@pytest.mark.parametrize(
    "written",
    [
        "0498 765 432",
        "0498765432",
        "0498-765-432",
        "+61 498 765 432",
        "+61498765432",
        "(02) 9876 5432",
        "02 9876 5432",
        "+61 2 9876 5432",
        "(07) 3111 2222",
        "08 8123 4567",
        "9876 5432",
        "+44 20 7946 0958",
    ],
)
def test_anyones_phone_number_is_replaced(written):
    assert redact(f"her sister on {written}, thanks") == "her sister on [phone], thanks"


@pytest.mark.parametrize(
    "text",
    [
        "Centrelink 1800 123 456",
        "call 1300 555 123",
        "Centrelink 13 11 14",
        "rent $250 and $1,250.00 arrears",
        "at 2pm, or 14:30",
        "on 3/12/2026",
        "U1R-014 and U1R-123456",
        "Kedron QLD 4031",  # (Zillmere QLD 4034 is a registered client's locality here)
        "in 2025 and 2026",
        "the 2025-2026 year",
        "Room 12, level 3",
        "bed 7 of 40",
        "3 nights at 2 shelters",
    ],
)
def test_numbers_that_are_not_phones_survive(text):
    assert redact(text) == text


def test_a_registered_clients_locality_with_its_postcode_is_their_address():
    assert redact("Zillmere QLD 4034") == "[address]"
    assert redact("Zillmere QLD 4034", ()) == "Zillmere QLD 4034"


@pytest.mark.parametrize(
    "written", ["someone.else@agency.org.au", "Worker+tag@Example.co", "o'neil@x.org"]
)
def test_anyones_email_is_replaced(written):
    assert redact(f"mail {written}.") == "mail [email]."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("DOB: 5/6/1990", "DOB: [DOB]"),
        ("D.O.B 5/6/1990", "D.O.B [DOB]"),
        ("dob 05.06.90", "dob [DOB]"),
        ("date of birth is 1990-06-05", "date of birth is [DOB]"),
        ("Her son, born on 7 March 2019, is well", "Her son, born on [DOB], is well"),
        ("born in March 7, 2019", "born in [DOB]"),
        ("birthday 1/2/2000", "birthday [DOB]"),
        ("his partner (DOB 5/6/1990)", "his partner (DOB [DOB])"),
        ("sister 5/6/1990 (aged 36)", "sister [DOB] (aged 36)"),
        ("sister 5/6/1990, aged 36", "sister [DOB], aged 36"),
        ("sister 5/6/1990 (36 yo)", "sister [DOB] (36 yo)"),
        ("born on the 3rd of May 1971", "born on [DOB]"),
    ],
)
def test_anyones_date_of_birth_is_replaced_when_cued(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "meeting on 3/12/2026",
        "appointment Friday 3/12",
        "appointment on 4 December at 2pm",
        "appointment on 4 December 2026 at 2pm",
        "lease from 1/2/2000 to 1/2/2001",
        "newborn check on 3/12/2026",
        "DOB unknown, next appointment 3/12/2026",
        "3 April 2026 (same day and month as Jane's birthday, another year)",
    ],
)
def test_dates_without_a_cue_survive(text):
    assert redact(text, (JANE_C,), ()) == text.replace("Jane", "U1R-014")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (f"Medicare {medicare_with_check('31234567')}", "Medicare [Medicare]"),
        (f"Medicare {medicare_with_check('48881234').replace(' ', '')}", "Medicare [Medicare]"),
        ("CRN 123 456 789A", "CRN [CRN]"),
        ("crn 987654321z", "crn [CRN]"),
    ],
)
def test_anyones_medicare_and_crn_are_replaced(text, expected):
    assert redact(text) == expected


def test_medicare_lookalike_with_a_wrong_check_digit_survives():
    valid = medicare_with_check("31234567")
    wrong = valid[:9] + str((int(valid[9]) + 1) % 10) + valid[10:]
    assert redact(f"batch {wrong}") == f"batch {wrong}"


@pytest.mark.parametrize(
    "text",
    [
        "Micah Projects referred U1R-014 to Centrelink",
        "moved to Zillmere, near the station",
        "appointment Friday 3/12 and on 4 December at 2pm",
        "$250 paid toward arrears",
        "Seroquel 100mg, Olanzapine and Suboxone reviewed",
        "Brisbane Housing Company lease signed",
        "see https://example.org/forms/intake",
        "Monday: GP; Tuesday: Housing Queensland",
        "",
        "   ",
    ],
)
def test_everything_else_is_left_intact(text):
    result = deidentify(text, CLIENTS, keep=KEEP)
    assert result.text == text
    assert not result.changed
    assert result.replaced == {}


# --- the result, idempotency, failing closed ---------------------------------------------------

MIXED = (
    "Jane Quokkafield (DOB 3/4/1988) rang from 0412 345 678 about 17 Banksia Cres; her sister "
    "on 0498 765 432, sister@example.org. Tommo's Medicare 3951 62848 2, CRN 318274650B. "
    "Micah Projects meeting Friday 3/12, $250."
)


def test_counts_are_per_type_and_hold_no_identifiers():
    result = deidentify(MIXED, CLIENTS, keep=KEEP)
    assert result.text == (
        "U1R-014 (DOB [DOB]) rang from [phone] about [address]; her sister on [phone], [email]. "
        "U1R-015's Medicare [Medicare], CRN [CRN]. Micah Projects meeting Friday 3/12, $250."
    )
    assert dict(result.replaced) == {
        "name": 2,
        "dob": 1,
        "phone": 2,
        "address": 1,
        "email": 1,
        "medicare": 1,
        "crn": 1,
    }
    assert result.changed
    assert all(isinstance(k, str) and isinstance(v, int) for k, v in result.replaced.items())
    held = " ".join(result.replaced)
    for secret in JANE_C.identity.values() + TOM_C.identity.values():
        assert secret not in held
    with pytest.raises(TypeError):
        result.replaced["name"] = 0  # type: ignore[index]
    with pytest.raises(dataclasses.FrozenInstanceError):
        result.text = "x"  # type: ignore[misc]


def test_redaction_is_a_plain_value():
    assert Redaction("x", {}) == Redaction("x", {})
    assert not Redaction("x", {}).changed
    assert Redaction("x", {"name": 1}).changed


@pytest.mark.parametrize(
    "text",
    [
        MIXED,
        "Jane0412345678 and Jane2",
        "Hope Kestrelon, May's rent, Ms Hope",
        "DOB: 5/6/1990, next appointment 3/12/2026",
        "Quokkafeild Jane-Quokkafield jane.quokkafield@example.org",
        "U1R-014Jane tel:+61412345678 mailto:jane@x.org",
        "4/17 Banksia Crescent, Zillmere QLD 4034 (07) 3555 0199",
    ],
)
def test_a_second_pass_changes_nothing(text):
    once = deidentify(text, CLIENTS, keep=KEEP)
    twice = deidentify(once.text, CLIENTS, keep=KEEP)
    assert twice.text == once.text
    assert not twice.changed


def test_equal_clients_from_a_fresh_read_give_the_same_result():
    fresh = tuple(
        KnownClient(c.case_code, ClientIdentity.from_dict(c.identity.to_dict())) for c in CLIENTS
    )
    assert redact(MIXED, fresh) == redact(MIXED)


def test_internal_error_fails_closed_without_the_text(monkeypatch):
    secret = "Jane Quokkafield 0412 345 678"

    def boom(text, matcher, keeper):
        raise ValueError(f"cannot handle {text}")

    monkeypatch.setattr(engine, "_find", boom)
    with pytest.raises(DeidentificationFailed) as caught:
        deidentify(secret, CLIENTS)
    assert isinstance(caught.value, CasebotError)
    assert caught.value.message == FAILED
    assert secret not in str(caught.value) and "Quokkafield" not in repr(caught.value)
    assert caught.value.__cause__ is None and caught.value.__context__ is None


def test_error_while_compiling_the_clients_fails_closed(monkeypatch):
    def boom(name):
        raise RuntimeError(name)

    monkeypatch.setattr(known_clients, "name_keys", boom)
    engine.forget_cached_identities()
    try:
        with pytest.raises(DeidentificationFailed, match="could not be checked"):
            deidentify("Jane", (JANE_C,))
    finally:
        engine.forget_cached_identities()


@pytest.mark.parametrize(
    ("text", "clients", "keep"),
    [
        (None, CLIENTS, ()),
        (b"Jane", CLIENTS, ()),
        ("Jane", ("not a client",), ()),
        ("Jane", CLIENTS, (None,)),
    ],
)
def test_bad_input_fails_closed(text, clients, keep):
    with pytest.raises(DeidentificationFailed) as caught:
        deidentify(text, clients, keep=keep)
    assert caught.value.message == FAILED


def test_nothing_is_logged(caplog):
    with caplog.at_level(logging.DEBUG):
        deidentify(MIXED, CLIENTS, keep=KEEP)
    assert caplog.records == []


# --- property: no registered identifier survives, and a second pass changes nothing -----------

FIRST = ["Jane", "Thomas", "Ruby", "Liam", "Mia", "Oliver", "Zara", "Harper", "Jasper", "Matilda"]
LAST = [
    "Quokkafield",
    "Brolgaway",
    "Lorikeetson",
    "O'Brien",
    "Smith-Jones",
    "Wombatley",
    "Numbatson",
    "Bilbyford",
    "Echidnaby",
    "Possumore",
]
ALIASES = ["Tommo", "Jazza", "Rubes", "Matty", "Ollie", "Zazzy"]
MONTHS = "January February March April May June July August September October November December"
DOB_FORMATS = [
    lambda d: d.isoformat(),
    lambda d: f"{d.day}/{d.month}/{d.year}",
    lambda d: f"{d.day:02}/{d.month:02}/{d.year}",
    lambda d: f"{d.day}-{d.month}-{d.year}",
    lambda d: f"{d.day}.{d.month}.{d.year % 100:02}",
    lambda d: f"{d.day} {MONTHS.split()[d.month - 1]} {d.year}",
    lambda d: f"{MONTHS.split()[d.month - 1]} {d.day}, {d.year}",
    lambda d: f"{d.day} {MONTHS.split()[d.month - 1][:3]} {d.year % 100:02}",
]
PHONE_FORMATS = [
    lambda n: f"0{n[:3]} {n[3:6]} {n[6:]}",
    lambda n: f"0{n}",
    lambda n: f"+61 {n[:3]} {n[3:6]} {n[6:]}",
    lambda n: f"+61{n}",
    lambda n: f"0{n[0]} {n[1:5]} {n[5:]}",
    lambda n: f"(0{n[0]}) {n[1:5]}-{n[5:]}",
]
TEMPLATES = [
    "{full} rang from {phone} about the lease.",
    "Update: {first}'s DOB is {dob}; call {phone}.",
    "{last} attended Micah Projects on Friday 3/12, phone {phone}.",
    "Worker spoke to {first} {last}\nDOB {dob}.",
    "Spoke with {first} (born {dob}) at Centrelink, then {alias}.",
    "{alias} said {first} will call back on {phone}; {last}'s rent $250.",
]

national_numbers = st.one_of(
    st.from_regex(r"4[0-9]{8}", fullmatch=True),
    st.from_regex(r"[2378][3-9][0-9]{7}", fullmatch=True),
)
people = st.builds(
    dict,
    first=st.sampled_from(FIRST),
    last=st.sampled_from(LAST),
    alias=st.sampled_from(ALIASES),
    dob=st.dates(dt.date(1940, 1, 1), dt.date(2008, 12, 31)),
    phone=national_numbers,
    dob_format=st.sampled_from(DOB_FORMATS),
    phone_format=st.sampled_from(PHONE_FORMATS),
    template=st.sampled_from(TEMPLATES),
)


def _survives(word: str, text: str) -> bool:
    return re.search(rf"(?<![^\W\d_]){re.escape(word)}(?![^\W\d_])", text, re.I) is not None


@settings(max_examples=300, deadline=None)
@given(st.lists(people, min_size=1, max_size=3))
def test_property_no_registered_identifier_survives(persons):
    clients = tuple(
        client(
            f"U1R-{n:03}",
            full_name=f"{p['first']} {p['last']}",
            aliases=(p["alias"],),
            date_of_birth=p["dob"],
            phone=f"0{p['phone']}",
        )
        for n, p in enumerate(persons, 1)
    )
    text = " ".join(
        p["template"].format(
            full=f"{p['first']} {p['last']}",
            first=p["first"],
            last=p["last"],
            alias=p["alias"],
            dob=p["dob_format"](p["dob"]),
            phone=p["phone_format"](p["phone"]),
        )
        for p in persons
    )
    out = redact(text, clients)
    for p in persons:
        for part in f"{p['first']} {p['last']} {p['alias']}".split():
            if len(part) >= 3 and not known_clients.weak(part.casefold()):
                assert not _survives(part, out)
        assert p["phone"] not in re.sub(r"[\s.()+\-]", "", out)
        assert p["dob_format"](p["dob"]) not in out
    assert redact(out, clients) == out


@pytest.mark.parametrize(
    "text",
    [
        "Ja\u00adney moved in",
        "\uff2a\uff41\uff4e\uff45\uff59 moved in",
        "Jane\u200bQuokkafield moved in",
    ],
)
def test_invisible_and_lookalike_characters_do_not_hide_a_name(text):
    client = KnownClient(
        "U1R-014", ClientIdentity(full_name="Jane Quokkafield", aliases=("Janey",))
    )
    result = deidentify(text, [client])
    assert result.text == "U1R-014 moved in"


def test_a_purged_clients_compiled_details_are_forgotten():
    """A running service compiles clients' details into patterns; once one of them is gone
    from the register (purged, perhaps by another process), every cached pattern goes."""
    engine.forget_cached_identities()
    deidentify("Jane Quokkafield rang", [JANE_C, TOM_C])
    assert engine._matcher.cache_info().currsize == 1
    assert engine.forget_clients_except(["U1R-014", "U1R-015", "U1R-016"]) is False
    assert engine._matcher.cache_info().currsize == 1
    assert engine.forget_clients_except(["U1R-014"]) is True
    assert engine._matcher.cache_info().currsize == 0
    assert not engine._BY_IDENTITY and not engine._LAST


MAX = client("U1R-030", full_name="Max Sharp", aliases=("Stormy",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("max on seroquel 100mg nocte", "U1R-030 on seroquel 100mg nocte"),
        ("stormy in a mood today, called 13 yarn", "U1R-030 in a mood today, called 13 yarn"),
        # A surname opening a note is still the word; so is a first name with no place after.
        ("sharp in the sharps bin outside the van", "sharp in the sharps bin outside the van"),
        ("max dose per gp, see you tues", "max dose per gp, see you tues"),
    ],
)
def test_a_lowercase_note_opening_with_the_clients_first_name_and_where_they_are(text, expected):
    assert redact(text, (MAX,), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("marivic rang for the client, will drive", "[name] rang for the client, will drive"),
        ("CB says priya from his old work rang", "CB says [name] from his old work rang"),
        ("he also said gary the landlord is chasing him", "he also said [name] the landlord is "
         "chasing him"),
        ("Centrelink said max rent assistance applies", "Centrelink said max rent assistance "
         "applies"),
    ],
)
def test_a_lowercase_name_no_list_knows_with_someone_speaking(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Pasifika Health nurse at the drop-in", "Pasifika Health nurse at the drop-in"),
        ("interpreters from World Wellness Group", "interpreters from World Wellness Group"),
        ("Dr Amal Health called", "Dr [name] called"),  # a title makes it a person
        ("moved to the servo for September", "moved to the servo for September"),
        ("sessions through November and December", "sessions through November and December"),
        ("her aunt December rang", "her aunt [name] rang"),
    ],
)
def test_organisations_and_months_are_not_people_unless_a_title_says_so(text, expected):
    assert redact(text, (), keep=()) == expected


WAYNE = client("U1R-031", full_name="Wayne Dwyer", aliases=("Ro",),
               date_of_birth=dt.date(1966, 1, 30))
BROOK = client("U1R-032", full_name="Brook Shepherd")


@pytest.mark.parametrize(
    ("text", "clients", "expected"),
    [
        ("Birthday 30/1 so a cake", (WAYNE,), "Birthday [DOB] so a cake"),
        ("b/day 30.1", (WAYNE,), "b/day [DOB]"),
        ("rent due 30/1", (WAYNE,), "rent due 30/1"),  # no birth cue: a due date
        ("mr dwyer ok. w.d. wants a bed", (WAYNE,), "U1R-031 ok. U1R-031 wants a bed"),
        ("meet at 10 a.m. e.g. tomorrow", (WAYNE,), "meet at 10 a.m. e.g. tomorrow"),
        ("so ro said no", (WAYNE,), "so U1R-031 said no"),
        ("Brook on Redbank Plains Rd still.", (BROOK,), "U1R-032 on Redbank Plains Rd still."),
        ("The brook on the left was up.", (BROOK,), "The brook on the left was up."),
        ("new one 0403 nine one seven five six two. ok", (), "new one [phone]. ok"),
        ("Her WeChat wongsiuling_bne and fb is jess_m88", (), "Her WeChat [ID] and fb is [ID]"),
        ("saw it on facebook today", (), "saw it on facebook today"),
        ("the Access Community Services English class", (), "the Access Community Services "
         "English class"),
        ("ROWAN NOT AT SHELTER LAST NIGHT", (client("U1R-033", full_name="Rowan Wise"),),
         "[name] NOT AT SHELTER LAST NIGHT"),  # capitals are no place's name
    ],
)
def test_forms_found_on_text_the_team_did_not_write(text, clients, expected):
    assert redact(text, clients, keep=()) == expected


MARSH = client("U1R-034", full_name="Robert Marsh")
HOLLY = client("U1R-035", full_name="Holly Sharp")


@pytest.mark.parametrize(
    ("text", "clients", "expected"),
    [
        ("he says marsh is fine, bond paid", (MARSH,), "he says U1R-034 is fine, bond paid"),
        ("she says holly needs detox", (HOLLY,), "she says U1R-035 needs detox"),
        ("the marsh is flooded", (MARSH,), "the marsh is flooded"),
        ("said holly before", (HOLLY,), "said holly before"),  # no verb after: the word
    ],
)
def test_a_word_name_in_reported_speech_with_a_verb_after_is_the_client(text, clients, expected):
    assert redact(text, clients, keep=()) == expected


PENNY = client("U1R-036", full_name="Penny Bond")
KY = client("U1R-037", full_name="Kylie Tran", aliases=("Ky",))


@pytest.mark.parametrize(
    ("text", "clients", "expected"),
    [
        ("voicemail from penny: ring me back", (PENNY,), "voicemail from U1R-036: ring me back"),
        ("paid in penny amounts", (PENNY,), "paid in penny amounts"),
        ("can u ring DV Connect for me.\n- Ky", (KY,), "can u ring DV Connect for me.\n- U1R-037"),
        ("His ex posts as @kaia_hemara07 on Insta.", (), "His ex posts as [ID] on Insta."),
        ("<@U024BE7LH> can you check", (), "<@U024BE7LH> can you check"),
        ("Marieke de Jong the midwife rang.", (), "[name] the midwife rang."),
        ("Salvos doing brekky Tues and Fri.", (), "Salvos doing brekky Tues and Fri."),
        ("didnt show Sat or Sun.", (), "didnt show Sat or Sun."),
        ("Sun rang about the rent", (), "[name] rang about the rent"),
        ("offered a 2-bed in Kirwan.", (), "offered a 2-bed in Kirwan."),
        ("motels in Bundaberg and Childers.", (), "motels in Bundaberg and Childers."),
        ("Kirwan rang about the rent", (), "[name] rang about the rent"),
        ("the stations north of Clare, 20 km west of Stanley", (),
         "the stations north of Clare, 20 km west of Stanley"),
        ("Clare rang about the stations", (), "[name] rang about the stations"),
        ("rang Policelink 131 444", (), "rang Policelink 131 444"),
    ],
)
def test_more_forms_found_on_text_the_team_did_not_write(text, clients, expected):
    assert redact(text, clients, keep=()) == expected


def test_a_public_holidays_birthday_is_no_birth_cue():
    text = "closed King's Birthday Monday 9/11 at 4pm"
    assert redact(text, (WAYNE,), keep=("King's Birthday",)) == text
    assert redact("her birthday 30/1, cake", (WAYNE,)) == "her birthday [DOB], cake"


def test_self_introductions_clan_prefixes_and_lowercase_initials():
    drew = client("U1R-038", full_name="Drew Baker")
    young = client("U1R-039", full_name="Sam Young")
    assert redact('voicemail: "hey it\'s rhiannon, left her meds"', ()) == (
        'voicemail: "hey it\'s [name], left her meds"')
    assert redact("this is noeleen calling", ()) == "this is [name] calling"
    assert redact("saw mick o'brien at dutton park", ()) == "saw [name] [name] at dutton park"
    assert redact("wont pick up. d baker at waterford?", (drew,)) == (
        "wont pick up. U1R-038 at waterford?")
    assert redact("the baker at waterford", (drew,)) == "the baker at waterford"
    assert redact("Mitchell's young nephew came", (young,)) == "[name]'s young nephew came"


VIC = client("U1R-036", full_name="Victoria Page", date_of_birth=dt.date(1994, 3, 7),
             address="45 The Horsley Drive, Fairfield NSW 2165")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # the registered date of birth without separators, however far from its cue
        ("her DOB on the form is 07031994 btw", "her DOB on the form is [DOB] btw"),
        ("born 19940307 per the ImmiCard", "born [DOB] per the ImmiCard"),
        ("invoice 07031995 paid", "invoice [ID] paid"),  # someone else's number, not her DOB
        # a street named "The …", without its "The" or with it
        ("traffic on horsley drive is bad", "traffic on [address] is bad"),
        ("behind on rent at The Horsley Dr", "behind on rent at [address]"),
        # an SMS signing on, and "… n i" / "me n …"
        ("victoria here. rang the agent", "U1R-036 here. rang the agent"),
        ("victoria n i went to centrelink", "U1R-036 n i went to centrelink"),
        ("me n victoria went to centrelink", "me n U1R-036 went to centrelink"),
        ("moved here from victoria last year", "moved here from victoria last year"),
    ],
)
def test_new_forms_of_a_registered_client_found_on_a_held_out_set(text, expected):
    assert redact(text, (VIC,), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("his cousin was driving, rego EHK 92W", "his cousin was driving, rego [ID]"),
        ("her car is ABC 2RT, she parks at the clinic", "her car is [ID], she parks at the clinic"),
        ("rego abc12d expired", "rego [ID] expired"),
        ("Car in at 10am, rego due 3 May.", "Car in at 10am, rego due 3 May."),
        ("the van was 3km away", "the van was 3km away"),
        ("Her ute is a 2004 model", "Her ute is a 2004 model"),
        ("call her on oh four two three, six six one, double oh eight nine",
         "call her on [phone]"),
        ("mum's number is plus six seven six, seven seven two one eight oh four",
         "mum's number is [phone]"),
    ],
)
def test_plates_and_spoken_numbers_of_other_people(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("her cousin Leroy Ah Kit came", "her cousin [name] came"),
        ("Hendrik van den Heuvel, her daughter's partner", "[name], her daughter's partner"),
        ("shopping. al-Obaidi drives a taxi", "shopping. [name] drives a taxi"),
        ("it was hamza bin rashid, a friend", "it was [name], a friend"),
        ("her sister in law nirmala will help", "her sister in law [name] will help"),
        ("put it in the wheelie bin tonight", "put it in the wheelie bin tonight"),
        ("rubbish bin collection is Tuesday", "rubbish bin collection is Tuesday"),
    ],
)
def test_names_with_particles_and_relations_of_more_than_one_word(text, expected):
    assert redact(text, (), keep=()) == expected


ROB = client("U1R-037", full_name="Ropati Tofaeono", aliases=("Rob",))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("someone tried to rob him at the station", "someone tried to rob him at the station"),
        ("tried to rob again, no answer", "tried to U1R-037 again, no answer"),
        ("Baby due October.", "Baby due October."),
    ],
)
def test_a_word_name_as_a_verb_with_its_object_is_the_word(text, expected):
    assert redact(text, (ROB,), keep=()) == expected


NONA = client("U1R-038", full_name="Nona Cooper", aliases=("Cash",),
              address="12 Lytton Road, Morningside QLD 4170")
BROOK = client("U1R-039", full_name="Brook Shepherd")


@pytest.mark.parametrize(
    ("text", "clients", "expected"),
    [
        ("nona c at kurbingui says thx", (NONA,), "U1R-038 at kurbingui says thx"),
        ("nona b at home", (NONA,), "U1R-038 b at home"),  # not her initial
        ("no cash, says cash told him to", (NONA,), "no cash, says U1R-038 told him to"),
        ("The Lytton Road bus goes right past.", (NONA,), "[address] bus goes right past."),
        ("at the Lytton Road bus stop", (NONA,), "at the Lytton Road bus stop"),
        ("she'll mind brooks dog", (BROOK,), "she'll mind U1R-039 dog"),
        ("said his DOB is the eleventh of October 84.", (), "said his DOB is [DOB]."),
    ],
)
def test_more_forms_from_the_held_out_sets(text, clients, expected):
    assert redact(text, clients, keep=()) == expected


VICTORIA = client("U1R-040", full_name="Victoria Page")
PRESTON = client("U1R-041", full_name="Preston Knight")


@pytest.mark.parametrize(
    ("text", "clients", "expected"),
    [
        # listed places and services of the other states survive, with no group's list at all
        ("Applied for DCJ Housing today.", (), "Applied for DCJ Housing today."),
        ("Met at Footscray, then St Kilda and Broadmeadows.", (),
         "Met at Footscray, then St Kilda and Broadmeadows."),
        ("Client attended Northern Hospital Epping today.", (),
         "Client attended Northern Hospital Epping today."),
        ("not Wyndham Vale, in Melbourne's west", (), "not Wyndham Vale, in Melbourne's west"),
        ("the room in granville is $260 a week", (), "the room in granville is $260 a week"),
        # a registered name inside a service or place of two or more words is not the client...
        ("Homes Victoria rang re the offer.", (VICTORIA,), "Homes Victoria rang re the offer."),
        ("Victoria Police came to the motel.", (VICTORIA,), "Victoria Police came to the motel."),
        # ...but on its own the register wins over every list: the suburb Preston is hidden
        ("Launch Housing office in Preston.", (PRESTON,), "Launch Housing office in U1R-041."),
        ("Launch Housing office in Preston.", (), "Launch Housing office in Preston."),
        ("leaving Victoria altogether", (VICTORIA,), "leaving U1R-040 altogether"),
    ],
)
def test_places_and_services_of_every_state_and_the_register_wins_over_single_words(
    text, clients, expected
):
    assert redact(text, clients, keep=()) == expected


HINE = client("U1R-042", full_name="Hinewai Tawhiri", aliases=("Haze",),
              date_of_birth=dt.date(1998, 10, 31), address="U8/560 Wanneroo Road, Balcatta WA 6021")
THAO = client("U1R-043", full_name="Vu Thi Thao", aliases=("Thao",))


@pytest.mark.parametrize(
    ("text", "clients", "expected"),
    [
        ("Her unit U8/560 is handed back.", (HINE,), "Her unit [address] is handed back."),
        ("DOB 31/10/1998, or October 31st.", (HINE,), "DOB [DOB], or [DOB]."),
        ("appt 31 October at 10", (HINE,), "appt 31 October at 10"),  # no birth spoken of
        # her registered birthday named as a day is her birthday (set 9's gold kept it; set 26
        # and the issue's "day and month only" say hide it)
        ("was born on Halloween", (HINE,), "was born on [DOB]"),
        ("hey dylan its haze. agent came", (HINE,), "hey [name] its U1R-042. agent came"),
        ("the dog scratched bub with its haze.", (HINE,), "the dog scratched bub with its haze."),
        # a text opening with whom it is to, then its sender by a given name
        ("haze its jessamy from the hub, bond paid", (HINE,),
         "U1R-042 its [name] from the hub, bond paid"),
        ("Haze it's Oonagh, can u ring", (HINE,), "U1R-042 it's [name], can u ring"),
        ("haze its ok. see u tues", (HINE,), "haze its ok. see u tues"),
        ("haze its not too bad today", (HINE,), "haze its not too bad today"),
        ("listed as VU, Thao at the GP", (THAO,), "listed as U1R-043, U1R-043 at the GP"),
        ("SA licence UH7721, phone later", (), "SA licence [ID], phone later"),
        ("licence 1234 expired", (), "licence 1234 expired"),
    ],
)
def test_forms_found_on_the_ninth_held_out_set(text, clients, expected):
    assert redact(text, clients, keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her husband is still in Chad.", "Her husband is still in Chad."),
        ("She came from Sudan via Kenya.", "She came from Sudan via Kenya."),
        ("Chad rang about the bond", "[name] rang about the bond"),  # a name where no place is said
        ("Left her partner last night.", "Left her partner last night."),
        ("rang thrusday about the quote", "rang thrusday about the quote"),
    ],
)
def test_countries_abroad_and_words_after_a_relation_or_misspelt_days(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("her brother Tevita and his partner rawinia te kani can help",
         "her brother [name] and his partner [name] can help"),
        ("his church friends Sione and mereseini tuilau can help",
         "his church friends [name] and [name] can help"),
        ("her friend Sione te reo teacher", "her friend [name] te reo teacher"),
        ("he said te reo lessons are good", "he said te reo lessons are good"),
    ],
)
def test_lowercase_names_beside_a_name_and_after_a_particle(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('"Shanaya here, u can stay at mine"', '"[name] here, u can stay at mine"'),
        ("Sunny here today", "Sunny here today"),
        ("chamindas mother keeps calling me", "[name] mother keeps calling me"),
        ("the kids mother came", "the kids mother came"),
        ("her parents house", "her parents house"),
    ],
)
def test_a_name_signing_on_and_a_possessive_without_its_apostrophe(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("wants to move to George Town to be near his sister",
         "wants to move to George Town to be near his sister"),
        ("driving her to Mowbray for school pick-up", "driving her to Mowbray for school pick-up"),
        ("the Tamar floods this part of Launceston", "the Tamar floods this part of Launceston"),
        ("talked to Tamar about it", "talked to [name] about it"),
    ],
)
def test_places_that_are_also_names_where_a_place_is_said(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Rang Smith about the bond", "Rang [name] about the bond"),
        ("met Baker at the office", "met [name] at the office"),
        ("Next meeting August 12.", "Next meeting August 12."),
        ("rang Housing Connect", "rang Housing Connect"),
        ("Financial counselling with Wyndham Vale Community and Education Centre.",
         "Financial counselling with Wyndham Vale Community and Education Centre."),
        ("Referred to the Survivors of Torture and Trauma Service.",
         "Referred to the Survivors of Torture and Trauma Service."),
        ("Rang Jane Smith and Education Centre staff", "Rang [name] and Education Centre staff"),
        ("Worker will call the agent at Raine & Horne.",
         "Worker will call the agent at Raine & Horne."),
    ],
)
def test_a_surname_after_a_word_of_contact_and_organisations_joined_by_and(text, expected):
    assert redact(text, (), keep=()) == expected


POPPY = client("U1R-044", full_name="Poppy Kidd")


@pytest.mark.parametrize(
    ("text", "clients", "expected"),
    [
        ('had her as "Poppy Kid" on it', (POPPY,), 'had her as "U1R-044" on it'),
        ("hi nikita its leonie. mum had a fall", (), "hi [name] its [name]. mum had a fall"),
        ("also my boy kai turns 7 friday", (), "also my boy [name] turns 7 friday"),
        ("WA licence 123, car 1HKT 593, phone", (), "WA licence 123, car [ID], phone"),
        ("the car 2 hours away", (), "the car 2 hours away"),
        ("her sister was rude", (), "her sister was rude"),
        ("her sister is kylie", (), "her sister is [name]"),
    ],
)
def test_forms_found_on_the_tenth_held_out_set(text, clients, expected):
    assert redact(text, clients, keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Mass at St Augustine's on Sunday.", "Mass at St Augustine's on Sunday."),
        ("Referred to St Thomas the Apostle parish.", "Referred to St Thomas the Apostle parish."),
        ("Carers NT rang back.", "Carers NT rang back."),
        ("RSL NT helped with rent.", "RSL NT helped with rent."),
        ("Saw John Smith NSW rep", "Saw [name] NSW rep"),
        ("Bethany Community Support helped.", "Bethany Community Support helped."),
        ("Met SMITH today", "Met [name] today"),
    ],
)
def test_organisations_by_saint_state_acronym_and_head_word_and_people_still_found(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [  # found by a reviewer reading the change: each leaked with its first version
        ("Bowen's mum rang", "[name]'s mum rang"),
        ("Hamilton's sister came", "[name]'s sister came"),
        ("in Melbourne's west", "in Melbourne's west"),
        ("Met the Watson family", "Met the [name] family"),
        ("Lives on Banksia St Kylie said hi", "Lives on [address] [name] said hi"),  # a home
        ("Saw Tjandamurra NT Housing worker", "Saw [name] NT Housing worker"),
        ("Saw Wirrpanda NT today", "Saw [name] today"),
        ("rego AB 12 CD expired", "rego [ID] expired"),
        ("rego 123 ABC due", "rego [ID] due"),
        ("Payment plan with MPES arranged.", "Payment plan with MPES arranged."),
    ],
)
def test_what_a_review_of_this_rounds_rules_found(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Sessions moved from Hindley Street to Kilburn.",
         "Sessions moved from Hindley Street to Kilburn."),
        ("Aged care review Fairfield/Liverpool: respite booked.",
         "Aged care review Fairfield/Liverpool: respite booked."),
        ("GP at cohealth Collingwood.", "GP at cohealth Collingwood."),
        ("went to Centrelink Kirwan", "went to Centrelink Kirwan"),
        ("Kirwan rang about the rent", "[name] rang about the rent"),
        ("Survivors of Torture and Trauma (QPASTT) takes self-referrals.",
         "Survivors of Torture and Trauma (QPASTT) takes self-referrals."),
        ("said Peace and Kylie came", "said [name] and [name] came"),
        ("Ipswich Karen community lunch at Goodna.", "Ipswich Karen community lunch at Goodna."),
        ("Sarah community nurse came by.", "[name] community nurse came by."),
        ("Walked Logan River Road to the bus stop.", "Walked Logan River Road to the bus stop."),
        ("Orange Sky laundry at Musgrave Park Thursdays.",
         "Orange Sky laundry at Musgrave Park Thursdays."),
        ("Jenny Park came in today.", "[name] came in today."),
        ("met Jane Smith St Vincent de Paul", "met [name] St Vincent de Paul"),
    ],
)
def test_places_beside_places_services_streets_and_parks(text, expected):
    assert redact(text, (), keep=("St Vincent de Paul",)) == expected


def test_a_registered_birthday_is_a_date_of_birth_only_near_its_cue():
    """With hundreds of clients most days are someone's birthday: an appointment in a note that
    also gives a date of birth stays."""
    many = tuple(
        client(f"U1R-{n:03}", full_name=f"Client Number{n}", date_of_birth=dt.date(1980, 1, 1)
               + dt.timedelta(days=n))
        for n in range(366)
    )
    text = "born 1990 in Cairns. Family contact Fri 25/12 @ 9.30pm, review on 2 February at 11:30."
    assert redact(text, many, keep=()) == (
        "born 1990 in Cairns. Family contact Fri 25/12 @ 9.30pm, review on 2 February at 11:30."
    )
    assert redact("DOB 3/4/2019) starts school 25 Nov", many, keep=()) == (
        "DOB [DOB]) starts school 25 Nov"
    )
    assert redact("her birthday is 14 July", many, keep=()) == "her birthday is [DOB]"
    assert redact("14 July is her birthday", many, keep=()) == "[DOB] is her birthday"
    assert redact("DOB 31/10/1998, or October 31st as she says", many, keep=()) == (
        "DOB [DOB], or [DOB] as she says"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Child Safety caseworker, Next Step Plus worker and me.",
         "Child Safety caseworker, Next Step Plus worker and me."),
        ("saw her caseworker, Jenny Smith today", "saw her caseworker, [name] today"),
        ("Fixed with the Convenor.", "Fixed with the Convenor."),
        # a given name joined to a word stays a name: "Grace and newborn" is someone
        ("About 30 came. Frank and open questions, good session.",
         "About 30 came. [name] and open questions, good session."),
        ("Grace and kids came in.", "[name] and kids came in."),
        ("Grace and her sister came in.", "[name] and her sister came in."),
        ("Caseworker at Communities Bernadette Mahony rang.",
         "Caseworker at Communities [name] rang."),
        ("Congolese, Karen and Bhutanese families came.",
         "Congolese, Karen and Bhutanese families came."),
        ("Karen and Jane came.", "[name] and [name] came."),
        ("He lodged the claim through MyService today.",
         "He lodged the claim through MyService today."),
    ],
)
def test_programs_roles_peoples_and_words_joined_by_and(text, expected):
    assert redact(text, (), keep=("Child Safety",)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("on the hospital band at Royal Brisbane.", "on the hospital band at Royal Brisbane."),
        ("booked with Wyndham Community and Education Centre for 22 May.",
         "booked with Wyndham Community and Education Centre for 22 May."),
        ("Rang Jane Smith and Education Centre staff", "Rang [name] and Education Centre staff"),
        ("drove to Orange and then Young to see family",
         "drove to Orange and then Young to see family"),
        ("a coffee at the Wesley Church café.", "a coffee at the [name] café."),  # as "Amy Hall"
        ("Jane Park came.", "[name] came."),
        ("He was born in Cần Thơ.", "He was born in Cần Thơ."),
        ("She was in Thao Vu's car.", "She was in [name]'s car."),
        ("met Grace Logan today", "met [name] today"),
    ],
)
def test_towns_hospitals_and_churches_that_read_like_names(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Respondent: Dale Mercer, 03/02/1982, licence on file",
         "Respondent: [name], [DOB], licence on file"),
        ("her mum, 14 March 1961, lives in Ipswich", "her mum, [DOB], lives in Ipswich"),
        ("the father (12/7/75) rang", "the father ([DOB]) rang"),
        ("lease from 1/2/2000 to 1/2/2001", "lease from 1/2/2000 to 1/2/2001"),
        ("hearing on 3/2/2027", "hearing on 3/2/2027"),
    ],
)
def test_a_whole_date_long_past_is_a_date_of_birth(text, expected):
    assert redact(text, (), keep=()) == expected


WINTON = client("RG-2005", full_name="Winton O'Keeffe", aliases=("Winno",))
MILLIE = client("RG-2004", full_name="Millicent Forbes",
                address="5 Commercial Street West, Mount Gambier SA 5290")
GUSTA = client("RG-2006", full_name="Augusta Ferrante")
DEVON = client("RG-2007", full_name="Devon Maynard", aliases=("Devo",))
SIOSI = client("RG-2013", full_name="Siosiua Fonokalafi", date_of_birth=dt.date(1992, 3, 3))
EMERALD = client("RG-2003", full_name="Emerald Finch", aliases=("Em",))


@pytest.mark.parametrize(
    ("text", "clients", "expected"),
    [
        ("She lives on Commercial Street West above the shop.", (MILLIE,),
         "She lives on [address] above the shop."),
        ("Pokies on Commercial Street East again.", (MILLIE,),
         "Pokies on Commercial Street East again."),
        ("W.O. asked for the food bank hours.", (WINTON,),
         "RG-2005 asked for the food bank hours."),
        ("ph 0408 774 162. Mrs F lives at the unit", (GUSTA,),
         "ph [phone]. RG-2006 lives at the unit"),
        ("Winno reports Wednesdays; Devo court 19 September in Burnie.", (WINTON, DEVON),
         "RG-2005 reports Wednesdays; RG-2007 court 19 September in Burnie."),
        ("DOB 3/3/92 — third of March 1992.", (SIOSI,), "DOB [DOB] — [DOB]."),
        ("the twenty-first of March 1992 is not hers", (SIOSI,),
         "the twenty-first of March 1992 is not hers"),
        ("em says shes at the library", (EMERALD,), "RG-2003 says shes at the library"),
        ("Em says hi.", (EMERALD,), "RG-2003 says hi."),
    ],
)
def test_forms_found_on_the_eleventh_held_out_set(text, clients, expected):
    assert redact(text, clients, keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Boulder St Barbara's Day parade.", "Boulder St Barbara's Day parade."),
        ("went to St Vincent for help", "went to St Vincent for help"),
        ("Lives on Banksia St Kylie said hi", "Lives on [address] [name] said hi"),  # a home
        ("Born on Waitangi Day, she said.", "Born on Waitangi Day, she said."),
        ("Philippine Independence Day party.", "Philippine Independence Day party."),
        ("Jane Day rang about the rent.", "[name] rang about the rent."),
        ("Evacuation centre at Mackay Showgrounds.", "Evacuation centre at Mackay Showgrounds."),
        ("Shuttle past the Isa Hotel.", "Shuttle past the Isa Hotel."),
        ("the geriatrician says donepezil 5 mg is fine.",
         "the geriatrician says donepezil 5 mg is fine."),
        ("tevita says hi", "[name] says hi"),
        ("Supervisor Han Seung-min translated.", "Supervisor [name] translated."),
        ("posted on Instagram as @tajdurouxx_ today", "posted on Instagram as [ID] today"),
        ("Karen New Year on the 30th.", "Karen New Year on the 30th."),
    ],
)
def test_saints_days_venues_roles_medicines_and_handles(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("work at the Hazelwood North depot.", "work at the Hazelwood North depot."),
        ("at the Jane Smith office", "at the [name] office"),
    ],
)
def test_a_run_between_the_and_a_head_word_names_the_place(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Born on Philippine Independence Day.", "Born on Philippine Independence Day."),
        ("through Home Affairs with payslips.", "through Home Affairs with payslips."),
        ("saw noeleen at the park", "saw [name] at the park"),
    ],
)
def test_days_of_several_words_and_compound_words(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. K. Akuien Bior — bail variation", "1. [name] — bail variation"),
        ("SACAT list: Jane v WHITCHER, D. — attended.", "SACAT list: [name] v [name] — attended."),
        ("Application No: 2024/HCS/08163", "Application No: [ID]"),
        ("BSB 062-000 Acc 1093 4471", "[ID]"),
        ("rego EZK-41P, seen twice", "rego [ID], seen twice"),
        ("ImmiAccount ref EGOF9TB7X2, by email", "ImmiAccount ref [ID], by email"),
        ("the case U1R-001 again", "the case U1R-001 again"),
        ("its 12 nov 9.30 at the tower", "its 12 nov 9.30 at the tower"),
        ("The convenor wants the family there.", "The convenor wants the family there."),
        ("She has a partner visa application.", "She has a partner visa application."),
        ("Tenancy WA advice line 08 9421 0888.", "Tenancy WA advice line [phone]."),
        # a service's landline is hidden too: a kept word before a number may be a person's
        ("Tenancy WA 08 9421 0888 after hours.", "Tenancy WA [phone] after hours."),
        ("Domestic Violence Crisis Service 02 6280 0900 after hours.",
         "Domestic Violence Crisis Service [phone] after hours."),
        ("call the Palmerston Renal Unit on 08 8922 7390",
         "call the Palmerston Renal Unit on [phone]"),
        # a person's landline stays hidden after a place, and a mobile after anything
        ("at Spring Hill with mum Mary Welch (+61 7 5682 0057).",
         "at Spring Hill with mum [name] ([phone])."),
        ("Crisis Service: 0412 345 678", "Crisis Service: [phone]"),
        ("Mental Health Services: Vince Buch, 8 Aug 81, 0293432901",
         "Mental Health Services: [name], [DOB], [phone]"),
    ],
)
def test_forms_found_on_the_twelfth_held_out_set(text, expected):
    assert redact(text, (), keep=("Tenancy WA",)) == expected


TESS = client("MT-3016", full_name="Tess Ngata", address="2/9 Anketell Street, Greenway ACT 2900")
ALI = client("MT-3020", full_name="Ali Rezaie", date_of_birth=dt.date(1985, 1, 1))
SOO_AH = client("MT-3018", full_name="Park Soo-ah")
LOGAN = client("MT-3001", full_name="Logan Tui")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("that's a place, her unit is 2/9.", "that's a place, her unit is [address]."),
        ("Review on 2/9 at 10am.", "Review on 2/9 at 10am."),
        ('DOB 1/1/1985 — "first of January, like everyone".',
         'DOB [DOB] — "[DOB], like everyone".'),
        ("first of January is a public holiday.", "first of January is a public holiday."),
        ("Park couldn't park near the tribunal.", "MT-3018 couldn't park near the tribunal."),
        ("lives at 17 Smith St, Logan", "lives at [address]"),
    ],
)
def test_register_forms_found_on_the_twelfth_held_out_set(text, expected):
    assert redact(text, (TESS, ALI, SOO_AH, LOGAN), keep=()) == expected


def test_a_word_name_after_a_call_is_hidden_even_when_the_call_word_is_a_street_type():
    out = redact("Ring Logan on 0412 345 678 today", (LOGAN,), keep=())
    assert "Logan" not in out and "0412" not in out


# A reviewer's inputs against this round's rules: each leaked (or crashed) before the fix.
AMY = client("U1R-003", full_name="Amy Hall", phone="07 4773 1234")
WINTON_PH = client("U1R-005", full_name="Winton Barr", phone="07 3846 1234")
JANE_BDAY = client("U1R-001", full_name="Jane Smith", date_of_birth=dt.date(1990, 3, 4))


@pytest.mark.parametrize(
    ("text", "clients", "must_not_contain"),
    [
        ("Referred the Amy Hall matter to legal", (AMY,), "Amy Hall"),
        ("Chased the Emma Green referral", (), "Emma"),
        ("the Kylie Ward family came in", (), "Kylie"),
        ("saw sophie at the hub today", (), "sophie"),
        ("stephen rang about the lease", (), "stephen"),
        ("rang tiffany armstrong re intake", (), "tiffany"),
        ("Winton rang Centrelink on 07 3846 1234 today.", (WINTON_PH,), "3846"),
        ("Rang Vinnies on 07 4773 1234 for Amy", (AMY,), "4773"),
        ("Her mum at Vinnies is 07 5555 1234 (home).", (), "5555"),
        ("Kylie Brown Hotel on 07 5555 1234.", (), "5555"),
        ("She said that Akuien was at the shelter", (), "Akuien"),
        ("the Tuilau family came", (), "Tuilau"),
        ("A Mereseini rang for you", (), "Mereseini"),
        ("told her that tevita rang", (), "tevita"),
        ("Jack Hamilton rang about his lease", (), "Jack"),
        ("Ruby Mackay needs a bed", (), "Ruby"),
        ("Kylie Brown Court Monday 10am", (), "Kylie"),
        ("Reminder: Akuien Bior Court hearing Tuesday", (), "Akuien"),
        ("Took Tevita Fifita Road test", (), "Tevita"),
        ("Jane's birthday is coming up. It's on 4 March.", (JANE_BDAY,), "4 March"),
        ("Birthday party for Jane Sat 4 March", (JANE_BDAY,), "4 March"),
        ("Jane: DOB 1/1/1990 (wrong) - actually 4 March", (JANE_BDAY,), "4 March"),
        ("Jane's birthday: 4th of March (she says 4 March, not 5)", (JANE_BDAY,), "4 March"),
        ("Akuien Day rang", (), "Akuien"),
        ("Called Mereseini Day re housing", (), "Mereseini"),
        ("Congolese, Tuilau and Bhutanese families attended", (), "Tuilau"),
        ("Grace and newborn at the shelter", (), "Grace"),
        ("Jane born twentyfirst of March 1990", (JANE_BDAY,), "twentyfirst"),
        ("Jane's birthday is twentyfirst of March", (JANE_BDAY,), "Jane"),
    ],
)
def test_what_a_review_of_the_twelfth_rounds_rules_found(text, clients, must_not_contain):
    assert must_not_contain not in redact(text, clients, keep=("Centrelink", "Vinnies"))



@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Ha-eun's Instagram is private.", "[name]'s Instagram is private."),
        ("She knows Yoon Da-eun and Ji-woo.", "She knows [name] and [name]."),
        ("Co-op shop, Ex-partner rang, Re-do the form, Wi-fi down, Hi-vis vest, Go-to person.",
         "Co-op shop, Ex-partner rang, Re-do the form, Wi-fi down, Hi-vis vest, Go-to person."),
    ],
)
def test_given_names_of_two_syllables_joined_by_a_hyphen(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hey it's rhiannon, left her meds here", "hey it's [name], left her meds here"),
        ("it’s rhiannon here", "it’s [name] here"),
        ("it's raining today", "it's raining today"),
        ("it's been ages", "it's been ages"),
    ],
)
def test_a_lowercase_name_after_its_with_an_apostrophe(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("From: Fergus Tregear <f@x.org>", "From: [name] <[email]>"),
        ("Fergus in Tregear", "[name] in Tregear"),
        ("Fergus, Tregear office", "[name], Tregear office"),
    ],
)
def test_a_surname_that_is_also_a_place_after_a_name(text, expected):
    assert redact(text, (), keep=()) == expected


# A second review's inputs: each leaked (or crashed) before its fix.
TEVITA = client("U1R-002", full_name="Tevita Tuilau", date_of_birth=dt.date(1990, 11, 25))


@pytest.mark.parametrize(
    ("text", "keep", "must_not_contain"),
    [
        ("Jane turns 36 on Saturday 4 March, her birthday.", (), "4 March"),
        ("Jane's birthday is coming up, she'll be 36 - cake on Saturday 4 March.", (), "4 March"),
        ("Jane's birthday lunch moved from 11.30 to 12.30, now 4 March.", (), "4 March"),
        ("DOB: ask Jane.\nShe said 4 March.", (), "4 March"),
        ("Tevita rang. His partner turns 36 on 4 March, her birthday.", (), "4 March"),
        ("Jane is staying with her aunt Sam (07 3211 4455) this week.", ("Sam",), "4455"),
        ("Centrelink (07 3211 4455 is Jane's sister's landline)", ("Centrelink",), "4455"),
        ("Spoke to Mary Anne Lane about the bond.", (), "Mary"),
        ("Referred to Akuien Bior Lane for support.", (), "Akuien"),
        ("Call from Akuien Day this morning.", (), "Akuien"),
        ("Letter of support for Akuien Day re housing.", (), "Akuien"),
        ("Jane is couch surfing at the Akuien unit this week.", (), "Akuien"),
        ("at the Okonkwo club", (), "Okonkwo"),
        ("Handover from Amina community liaison.", (), "Amina"),
    ],
)
def test_what_a_second_review_found(text, keep, must_not_contain):
    assert must_not_contain not in redact(text, (JANE_BDAY, TEVITA), keep=keep)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Jane's lease starts on the fırst of March 2025.",
         "U1R-001's lease starts on the fırst of March 2025."),
        ("Drop-in open Mon-fri 9-5, Tue-thu for youth.",
         "Drop-in open Mon-fri 9-5, Tue-thu for youth."),
        ("Born on Waitangi Day; Anzac Day march.", "Born on Waitangi Day; Anzac Day march."),
        ("the Hazelwood North depot", "the Hazelwood North depot"),
    ],
)
def test_what_a_second_review_found_kept_or_crashing(text, expected):
    assert redact(text, (JANE_BDAY,), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # an acronym's plural is no name; a listed surname's is ("NGUYENs house")
        ("Free BBQs at the park on Sunday, GPs on site.",
         "Free BBQs at the park on Sunday, GPs on site."),
        ("stayed at NGUYENs house", "stayed at [name] house"),
        # a request to the reader is not part of the name after it
        ("Call Elizabeth Nguyen tomorrow.", "Call [name] tomorrow."),
        ("Paul Call rang.", "[name] rang."),
        # languages and qualifications
        ("Dari and Hazaragi interpreters through TIS.",
         "Dari and Hazaragi interpreters through TIS."),
        ("Karen and Dari came.", "[name] and [name] came."),
        ("Started a Cert III in Individual Support.", "Started a Cert III in Individual Support."),
        ("The Tết stall is in February.", "The Tết stall is in February."),
    ],
)
def test_acronym_plurals_requests_languages_and_qualifications(text, expected):
    assert redact(text, (), keep=()) == expected


def test_a_registered_birthday_near_a_later_cue_goes_even_when_it_dates_something_else():
    """A date that is the client's birthday, a sentence before a date-of-birth cue, is hidden
    whatever it dates: "Cake 4 March! Sam DOB 04/03/1990" tells the birthday, and "court 12 Jan"
    cannot be told from it (the generated corpus loses one such appointment in 888)."""
    sam = client("U1R-030", full_name="Sam Tolu", date_of_birth=dt.date(1990, 1, 12))
    assert redact("Court on 12 Jan. Sam (DOB 12/01/1990) presented.", (sam,), keep=()) == (
        "Court on [DOB] U1R-030 (DOB [DOB]) presented."
    )
    assert redact("Sam turns 36 on 12 Jan, DOB 12/01/1990.", (sam,), keep=()) == (
        "U1R-030 turns 36 on [DOB], DOB [DOB]."
    )
    assert "12 Jan" not in redact("Sam's party 12 Jan, his mum DOB 03/06/1965 coming.", (sam,),
                                  keep=())


@pytest.mark.parametrize(
    ("text", "number"),
    [
        ("Hospital URN 1234567 on the discharge summary.", "1234567"),
        ("MRN: 00482913", "00482913"),
        ("UR number 7788123 at the Alfred.", "7788123"),
        ("medical record number 55123987", "55123987"),
        ("patient no 4456123", "4456123"),
        ("Police event no 24-1188231 for the breach.", "24-1188231"),
        ("incident number 2024-118823", "2024-118823"),
        ("visa grant number 0123456789", "0123456789"),
    ],
)
def test_hospital_police_and_visa_numbers_after_their_cue(text, number):
    out = redact(text, (), keep=())
    rest = text[text.index(number) + len(number) :]
    assert number not in out and "[ID]" in out and out.endswith(rest)


@pytest.mark.parametrize(
    "text",
    ["Partner visa 820/801 granted.", "Event on 12/03/2024 at 10am.", "At hospital 3 days."],
)
def test_a_cue_without_its_number_changes_nothing(text):
    assert redact(text, (), keep=()) == text


def test_dictation_and_charities_named_after_people():
    assert redact("spoke with the landlord full stop new paragraph", (), keep=()) == (
        "spoke with the landlord full stop new paragraph"
    )
    assert redact("her sister comma who lives nearby", (), keep=()) == (
        "her sister comma who lives nearby"
    )
    assert redact("Ronald McDonald House has a room.", (), keep=()) == (
        "Ronald McDonald House has a room."
    )
    # services are matched in any case: none may end in a word that follows a name anyway
    assert "MacKillop" not in redact("met Mary MacKillop today at the park", (), keep=())


GEORGE = client("U1R-040", full_name="George Fifita", address="14 Kent Street, Ipswich QLD 4305")
RIVER = client("U1R-041", full_name="River Tamsin")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Met george at the George Street office.", "Met U1R-040 at the George Street office."),
        ("George rang from Victoria Road.", "U1R-040 rang from Victoria Road."),
        # the name is the client's where the street is not said alone after it
        ("Saw George Fifita Street.", "Saw U1R-040 Street."),
        ("lives on Kent Street now", "lives on [address] now"),
        # a word-name opening a clause, then a verb, is the client
        ("the river was flooded so river stayed home",
         "the river was flooded so U1R-041 stayed home"),
        ("then river went to Logan", "then U1R-041 went to Logan"),
        ("but river is high today", "but river is high today"),
    ],
)
def test_streets_named_after_people_and_word_names_opening_a_clause(text, expected):
    assert redact(text, (GEORGE, RIVER), keep=()) == expected


BARNABY = client("U1R-050", full_name="Barnaby Hall", aliases=("Barney",))
SUNDAY = client("U1R-051", full_name="Sunday Nyanut Akot")
GWENDA = client("U1R-052", full_name="Gwenda Ward")
CHARITY = client("U1R-053", full_name="Charity Osei")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        # a registered full name wins over a place it looks like ("Hall", "Ward" head places)
        ("Rang Barnaby Hall re Centrelink.", "Rang U1R-050 re Centrelink."),
        ("2. Barnaby Hall — not aged care eligible", "2. U1R-050 — not aged care eligible"),
        ("Name: Barnaby HALL", "Name: U1R-050"),
        # a weekday that is a client's name, used as the day
        ("Plan the trip for a Sunday arvo instead.", "Plan the trip for a Sunday arvo instead."),
        # but not where the day's word may be what the client does ("Sunday trading cigarettes")
        ("Sunday trading hours at the mall.", "U1R-051 trading hours at the mall."),
        ("Sunday rang about the rent.", "U1R-051 rang about the rent."),
        # wards and rooms with their number are no one
        ("SW: Ward 4K, Ward 6A reviewed.", "SW: Ward 4K, Ward 6A reviewed."),
        ("Gwenda is in Ward 4K.", "U1R-052 is in Ward 4K."),
        ("Rm 4 asleep by 10. Rm 7 out.", "Rm 4 asleep by 10. Rm 7 out."),
        # an SMS that says who is writing
        ("hey wren its me charity my new number", "hey wren its me U1R-053 my new number"),
    ],
)
def test_registered_names_against_places_days_and_rooms(text, expected):
    assert redact(text, (BARNABY, SUNDAY, GWENDA, CHARITY), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("her DOB is thirty November ninety two full stop", "her DOB is [DOB] full stop"),
        ("date of birth sixteenth of the tenth eighty six full stop",
         "date of birth [DOB] full stop"),
        ("date of birth ninth of April two thousand and eight full stop",
         "date of birth [DOB] full stop"),
        ("born the 3rd of the 4th 1988", "born [DOB]"),
        ("DOB twenty second of March nineteen ninety", "DOB [DOB]"),
        # a year alone, or numbers that are no date, stay
        ("born nineteen eighty six in Cairns", "born nineteen eighty six in Cairns"),
        ("born two weeks early", "born two weeks early"),
        ("DOB unknown, she is one of five", "DOB unknown, she is one of five"),
    ],
)
def test_dictated_dates_of_birth(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("her new address is unit four, twelve Hawker Street dont share",
         "her new address is [address] dont share"),
        ("she lives at twenty two Smith Road now", "she lives at [address] now"),
        ("took three Hawker Street kids to the park", "took three Hawker Street kids to the park"),
        ("her psych dr oyelowo changed the dose", "her psych dr [name] changed the dose"),
        ("dr appointment tmrw", "dr appointment tmrw"),
        ("with her support worker odhran full stop", "with her support worker [name] full stop"),
        ("support worker hours cut", "support worker hours cut"),
        ("bil wakil left a voicemail", "bil [name] left a voicemail"),
        ("no need to ring the landlord anymore", "no need to ring the landlord anymore"),
        ("provider no. 2418337K", "provider no. [ID]"),
        ("infringement number AA 4419 2237", "infringement number [ID]"),
        ("He has an old one: K318220. Not needed.", "He has an old one: [ID]. Not needed."),
    ],
)
def test_dictated_addresses_roles_and_numbers(text, expected):
    assert redact(text, (), keep=()) == expected


# A third review's inputs: each leaked before its fix.
MERCY = client("U1R-060", full_name="Mercy Osei", aliases=("Mercy",))
KEVIN = client("U1R-061", full_name="Kevin Ward", aliases=("Kev",))
SUNDAY_A = client("U1R-062", full_name="Sunday Adeyemi")
GEORGE_F = client("U1R-063", full_name="George Fifita", date_of_birth=dt.date(1990, 3, 4))


@pytest.mark.parametrize(
    ("text", "leak"),
    [
        ("Mercy, Health Care Card renewed.", "Mercy"),
        ("Reminded Mercy. Community Corrections at 10.", "Mercy"),
        ("called mercy health ok", "mercy"),
        ("Spoke with Ward 3 times this week.", "Ward"),
        ("Rang Ward 4 days ago.", "Ward"),
        ("Told Ward 10 am appt tomorrow.", "Ward"),
        ("Saw Ward 2x", "Ward"),
        ("Spoke with Sunday, night shift staff say she slept.", "Sunday"),
        ("Called Sunday; morning appt missed.", "Sunday"),
        ("Spoke with the Sunday family.", "Sunday"),
        ("That Sunday said she'd come.", "Sunday"),
        ("spoke w sunday arvo re rent", "sunday"),
        ("Cake 4 March! George DOB 04/03/1990", "4 March"),
        ("George Street rang about his Centrelink.", "George"),
        ("Spoke with George Street, the client's brother.", "George"),
        ("Jack Cobham rang about George.", "Cobham"),
        ("ref 04/05/24 123456", "123456"),
    ],
)
def test_what_a_third_review_found(text, leak):
    assert leak not in redact(text, (MERCY, KEVIN, SUNDAY_A, GEORGE_F), keep=())


def test_what_a_third_review_found_kept():
    clients = (MERCY, KEVIN, SUNDAY_A, GEORGE_F)
    assert redact("Mercy Health rang about the bed.", clients, keep=()) == (
        "Mercy Health rang about the bed."
    )
    assert redact("dr appt tomorrow", clients, keep=()) == "dr appt tomorrow"
    assert redact("Kevin is in Ward 4K.", clients, keep=()) == "U1R-061 is in Ward 4K."


# A fourth review's inputs: each leaked before its fix.
FIL = client("U1R-070", full_name="Filipo Tuilagi", aliases=("Fil",))
BILAL = client("U1R-071", full_name="Bilal Hassan")


@pytest.mark.parametrize(
    ("text", "leak"),
    [
        ("Mercy - Health Care Card renewed.", "Mercy"),
        ("Mercy - Community Corrections appt at 10.", "Mercy"),
        ("took fil to the gp", "fil"),
        ("Spoke with Fil about rent.", "Fil"),
        ("Helped Sunday shift her things to the new unit.", "Sunday"),
        ("Escorted Sunday morning to court.", "Sunday"),
        ("Each Sunday rang.", "Sunday"),
        ("Gave Ward 2 vouchers.", "Ward"),
        ("Collected WARD 20 dollars", "WARD"),
        ("Bilal Street Smart program graduate.", "Bilal"),
        ("Bumped into George Street by Coles.", "George"),
        ("Spoke with Marist.", "Marist"),
    ],
)
def test_what_a_fourth_review_found(text, leak):
    clients = (MERCY, KEVIN, SUNDAY_A, GEORGE_F, FIL, BILAL)
    assert leak not in redact(text, clients, keep=())


def test_in_laws_in_lowercase_before_a_name_not_a_word():
    assert redact("bil wakil left a voicemail", (), keep=()) == "bil [name] left a voicemail"
    assert redact("bought her bil lunch", (), keep=()) == "bought her bil lunch"


def test_a_word_alias_in_a_list_of_what_a_client_is_called_and_before_and_the_baby():
    barnaby = client("U1R-080", full_name="Barnaby Hall", aliases=("Barney", "Barns"))
    winter = client("U1R-081", full_name="Winter Kepa")
    clients = (barnaby, winter)
    assert redact("Barnaby = barns = Barney. all same guy lol", clients, keep=()) == (
        "U1R-080 = U1R-080 = U1R-080. all same guy lol"
    )
    assert redact("the barns aka the sheds", clients, keep=()) == "the barns aka the sheds"
    assert redact("WINTER and the baby are well.", clients, keep=()) == (
        "U1R-081 and the baby are well."
    )
    assert redact("rice and the beans", clients, keep=()) == "rice and the beans"


# Set 14's misses (each rule only hides more).
GIFT = client("U1R-090", full_name="Gift Moyo", date_of_birth=dt.date(1959, 2, 28))
RAIN = client("U1R-091", full_name="Rain Tupou")
TIARE = client("U1R-092", full_name="Tiare Tangimetua")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("hey coen its gift lol my phone died", "hey [name] its U1R-090 lol my phone died"),
        ("hi rain its zainab. the rain stopped", "hi U1R-091 its [name]. the rain stopped"),
        ("dictated comma also known as gift comma", "dictated comma also known as U1R-090 comma"),
        ("U1R-090 here lol i mean gift.", "U1R-090 here lol i mean U1R-090."),
        ("a gift card for groceries", "a gift card for groceries"),
        ("tiara tangimetua full stop", "U1R-092 full stop"),
        ("U1R-090 comma 28th of February fifty nine full stop", "U1R-090 comma [DOB] full stop"),
        ("twenty eighth of Feb nineteen fifty nine", "[DOB]"),
        ("daughter phone oh four oh eight double two one six four nine five full stop",
         "daughter phone [phone] full stop"),
        ("My number +44 7700 918 442 (UK).", "My number [phone] (UK)."),
        ("sleeping in car (TAS E12 YK).", "sleeping in car ([ID])."),  # the state goes with it
        ("drove past in a white hilux SA S 844 CPL", "drove past in a white hilux SA [ID]"),
        ("Brisbane QLD 4000", "Brisbane QLD 4000"),
        ("passport CK 041172.", "passport [ID]."),
        ("SAPOL report 24-117-0936", "SAPOL report [ID]"),
        ("Massimo took card again.", "[name] took card again."),
        ("my landlord mr gillard has the bond", "my landlord [name] has the bond"),
        ("Court list: NIYONKURU, Claudine (spouse).", "Court list: [name] (spouse)."),
    ],
)
def test_forms_found_on_the_fourteenth_held_out_set(text, expected):
    assert redact(text, (GIFT, RAIN, TIARE), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("voice note amber kleinschmidt rang", "voice note U1R-094 rang"),  # dictation's vowel
        ("Amber Kleinschmidt rang", "[name] rang"),  # capitalised: perhaps her sister, not her
        ("the amber light and kleinschmidt rang", "the amber light and U1R-094 rang"),
    ],
)
def test_a_given_name_misheard_by_its_first_vowel_beside_the_surname(text, expected):
    ember = client("U1R-094", full_name="Ember Kleinschmidt")
    assert redact(text, (ember,), keep=()) == expected


def test_a_word_name_greeted_in_a_quoted_email():
    memory = client("U1R-093", full_name="Memory Chikowore")
    text = "> On Mon 9 June, Adelaide wrote:\n> Hi Memory, RILC have confirmed Thursday."
    assert "Memory" not in redact(text, (memory,), keep=("Adelaide",))


# A fifth review's inputs, on the rules from set 14: a leak, and what they hid that they should not.
GIFT_M = client("U1R-094", full_name="Gift Moyo", aliases=("Giftie",),
                date_of_birth=dt.date(1959, 2, 28))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("_born twenty eighth of February 1959_", "_born [DOB]_"),
        ("MOYO, Sarah attended", "U1R-094, [name] attended"),
        ("Ipswich QLD 4305 AU", "Ipswich QLD 4305 AU"),
        ("NSW DCJ 2024 report", "NSW DCJ 2024 report"),
        ("report 2024/25 and report 1000-1500 words", "report 2024/25 and report 1000-1500 words"),
        ("Bill sent to collections. Hope kept her going.",
         "Bill sent to collections. Hope kept her going."),
        ("RILC, Sarah said yes. FYI, Tom", "RILC, [name] said yes. FYI, [name]"),
        ("hey gift card came through, hi gift bag", "hey gift card came through, hi gift bag"),
        ("i mean gift cards are fine", "i mean gift cards are fine"),
        ("mr whippy van", "mr whippy van"),
    ],
)
def test_what_a_fifth_review_found(text, expected):
    assert redact(text, (GIFT_M,), keep=()) == expected


# Forms the fifteenth set's brief lists (pasted records, accents typed or not), before it was seen.
MAJO = client("U1R-095", full_name="María José Quispe Mamani")
OKSANA = client("U1R-096", full_name="Oksana Petrivna Kovalenko")
NUNEZ = client("U1R-097", full_name="Jose Nunez")
TUYET = client("U1R-098", full_name="Đỗ Thị Tuyết")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Maria rang; MARIA JOSE QUISPE attended.", "U1R-095 rang; U1R-095 attended."),
        ("Quispe Mamani, María José", "U1R-095, U1R-095"),
        ("José Núñez rang", "U1R-097 rang"),
        ("Do Thi Tuyet, Tuyet, Mr Do", "U1R-098, U1R-098, [name]"),  # "do" alone is a word
        ("i miss my kids; Spoke with Sơn.", "i miss my kids; Spoke with [name]."),
        ("Client: Maria\nJose Quispe Mamani", "Client: U1R-095"),
        ("Client name: Oksana Kova-\nlenko, 16", "Client name: U1R-096, 16"),
        ("Kova-\nlenko, Oksana", "U1R-096, U1R-096"),
        ("Her mum Svitlana Bonda-\nrenko rang", "Her mum [name] rang"),
        ("Referral from Smith-\nJones today", "Referral from [name] today"),
        ("Youth justice accom-\nmodation is full.", "Youth justice accom-\nmodation is full."),
    ],
)
def test_names_typed_without_their_accents_and_broken_across_lines(text, expected):
    assert redact(text, (MAJO, OKSANA, NUNEZ, TUYET), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("IMEI 356938035643809", "IMEI [ID]"),
        ("logged in from IP 203.45.118.22", "logged in from IP [ID]"),
        ("Opal card 3085 2200 1234 5678", "Opal card [ID]"),
        ("go card 3085220012345678", "go card [ID]"),
        ("student no. 2093384, CIN 4471923", "student no. [ID], CIN [ID]"),
        ("see s 1.2.3.4 of the policy", "see s 1.2.3.4 of the policy"),
        ("Version 2.10.3.1 of the app", "Version 2.10.3.1 of the app"),
        ("Paid $1,234.56 on 12.3.2024; Kids Helpline 1800 55 1800",
         "Paid $1,234.56 on 12.3.2024; Kids Helpline 1800 55 1800"),
    ],
)
def test_device_card_student_and_network_numbers(text, expected):
    assert redact(text, (), keep=("Kids Helpline",)) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Magistrate Kowalczyk adjourned.", "Magistrate [name] adjourned."),
        ("Sen Const Dragovic present; Const. Dragovic again.",
         "Sen Const [name] present; Const. [name] again."),
        ("Judge Harrington; Registrar Pham listed it", "Judge [name]; Registrar [name] listed it"),
        ("Youth Justice Officer Tran", "Youth Justice Officer [name]"),
        ("Principal Wong rang; the principal agreed",
         "Principal [name] rang; the principal agreed"),
        ("Judge Street, Officer Road", "Judge Street, Officer Road"),
        ("Dr Street saw him", "Dr [name] saw him"),
        ("new liaison officer. Nothing else to report.",
         "new liaison officer. Nothing else to report."),
    ],
)
def test_court_and_police_titles_stay_and_the_name_after_them_goes(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("discord: lilmills#4471", "discord: [ID]"),
        ("sc: kaym_09, sc: 3 sessions", "sc: [ID], sc: 3 sessions"),
        ("his xbox gamertag is DarkReaper2009", "his xbox gamertag is [ID]"),
        ("on roblox as coolkid_77; yt channel kaylavlogs", "on roblox as [ID]; yt channel [ID]"),
        ("we met on insta as well; whatsapp is fine", "we met on insta as well; whatsapp is fine"),
    ],
)
def test_young_peoples_handles_on_gaming_and_chat_platforms(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Sir David Longland Correctional Centre, then Don Dale Youth Detention Centre.",
        "Listed at Parramatta Children's Court, Court 3, s 32 application.",
        "Bail under s 11(2) of the Youth Justice Act 1992; Form 26 filed.",
        "Frank Baxter Youth Justice Centre; Marsden State High School, Year 9.",
    ],
)
def test_youth_justice_places_and_legal_references_survive(text):
    assert redact(text, (), keep=()) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("kyle n bailey r at the skate park", "[name] n [name] r at the skate park"),
        ("chloe & mia came", "[name] & [name] came"),
        ("mark and grant are words; bread n butter; i miss home; i miss tonga; max & min",
         "mark and grant are words; bread n butter; i miss home; i miss tonga; max & min"),
    ],
)
def test_lowercase_names_in_young_peoples_messages(text, expected):
    assert redact(text, (), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("ICMS 1234567; QCS number 1234567", "ICMS [ID]; QCS number [ID]"),
        ("Birth cert reg no. 2009/123456; car reg no. ABC123",
         "Birth cert reg no. [ID]; car reg no. [ID]"),
        # An ABN may be a sole trader's, so a person's: it goes (services' lines stay).
        ("ABN 51 824 753 556, TIS National 131 450, DV 1800 811 811",
         "ABN [ID], TIS National 131 450, DV 1800 811 811"),
        ("SHS 2024-25 funding, YJ 2024/25 report, MH 0900-1700, ICMS 14/03/2024 entry",
         "SHS 2024-25 funding, YJ 2024/25 report, MH 0900-1700, ICMS 14/03/2024 entry"),
    ],
)
def test_a_systems_number_after_its_acronym(text, expected):
    assert redact(text, (), keep=engine.COMMON_SERVICES) == expected


def test_a_word_name_opening_a_task_is_the_task():
    chase = client("U1R-099", full_name="Chase Bishop")
    assert redact("chase up the bond", (chase,), keep=()) == "chase up the bond"
    assert redact("chase in court tmrw", (chase,), keep=()) == "U1R-099 in court tmrw"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Victoria Police L17 2025-0418-7731", "Victoria Police L17 [ID]"),
        ("Event E 84471902. H number: H 88412097", "Event [ID]. H number: [ID]"),
        ("Carer's blue card: 1122873/2; prisoner 26104A", "Carer's blue card: [ID]; prisoner [ID]"),
        ("Prov. no. 2448391T; Constable #44812", "Prov. no. [ID]; Constable [ID]"),
        ("TRN EGO0D2K9XL", "TRN [ID]"),
        ("SA licence SA 1FV 829; Brother's car: ZYM 408 (white)",
         "SA licence SA [ID]; Brother's car: [ID] (white)"),
        ("uploaded to TikTok by @temp.ahfook", "uploaded to TikTok by [ID]"),
        ("D.O.B.: 21 / 07 / 2009", "D.O.B.: [DOB]"),
        ("between 2024-2025-2026; call 1300 123 456; Unit 12A; licence suspended for 3 months",
         "between 2024-2025-2026; call 1300 123 456; Unit 12A; licence suspended for 3 months"),
    ],
)
def test_numbers_on_police_court_and_corrections_paperwork(text, expected):
    assert redact(text, (), keep=()) == expected


def test_a_registered_address_with_its_state_left_out_and_a_medicare_issue_after_a_slash():
    liam = client("U1R-100", full_name="Liam Tran",
                  address="31 Queen Street, Campbelltown NSW 2560")
    assert redact("Address: 31 Queen St, Campbelltown 2560", (liam,)) == "Address: [address]"
    number = medicare_with_check("47957617", "1")
    assert redact(f"Medicare:\t{number} / 2", ()) == "Medicare:\t[Medicare]"


QUISPE = client("U1R-101", full_name="María José Quispe Huamán", aliases=("Majo",))
PHOENIX = client("U1R-102", full_name="Phoenix Lanakila-Makoa")
GOLF = client("U1R-103", full_name="Golf Tauiliili", aliases=("Golf",))
WIKI = client("U1R-104", full_name="Wiktoria Kowalczyk", aliases=("Wiki",))
ANNA_H = client("U1R-105", full_name="Anna Hrytsenko")
COURT = client("U1R-106", full_name="Court Aiden-Cole")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("1. M.J. Quispe — stable", "1. U1R-101 — stable"),
        ("| 1 | Quispe H., M.J. | housing |", "| 1 | U1R-101 | housing |"),
        ("spoke with maria hose quispe today", "spoke with U1R-101 today"),
        ("Maria told Quispe family", "U1R-101 told U1R-101 family"),
        ("Phoenix L-M: refuge until 30 April; the phoenix rose",
         "U1R-102: refuge until 30 April; the phoenix rose"),
        ("hi byron golf here. got the job; golf here is cheap",
         "hi byron U1R-103 here. got the job; golf here is cheap"),
        ("Wiki here 🙃 can u tell", "U1R-104 here 🙃 can u tell"),
        ("SURNAME: HRYTSENK0  GIVEN: Anna; staff: W1ktoria not in room",
         "SURNAME: U1R-105  GIVEN: U1R-105; staff: U1R-104 not in room"),
        ("COVID19 and B12 and mp3 and 1080p and S01E02",
         "COVID19 and B12 and mp3 and 1080p and S01E02"),
        ("| Court A-C | Campbelltown |; In Court 2 the officer",
         "| U1R-106 | Campbelltown |; In Court 2 the officer"),
    ],
)
def test_registered_names_in_minutes_dictation_scans_and_sign_ons(text, expected):
    assert redact(text, (QUISPE, PHOENIX, GOLF, WIKI, ANNA_H, COURT), keep=()) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Year 9 adviser Mrs Moncrieff will set up a referral.",
         "Year 9 adviser [name] will set up a referral."),
        ("moved to Moncrieff", "moved to Moncrieff"),
        ("her mum is mrs fujimura 0412 345 678", "her mum is [name] [phone]"),
        ("mr whippy van; ask mr google", "mr whippy van; ask mr google"),
        ("The Kaur and Singh names are common.", "The [name] and [name] names are common."),
    ],
)
def test_other_people_after_titles_and_before_sikh_names(text, expected):
    assert redact(text, (), keep=()) == expected


# A sixth review's inputs, on the session's first rules (accents, titles, handles, line ends).
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Uncle Park will drive him. Sergeant Park spoke to him.",
         "[name] will drive him. Sergeant [name] spoke to him."),
        ("Det Sgt Cross interviewed him; Constable Key rang.",
         "Det Sgt [name] interviewed him; Constable [name] rang."),
        ("Client: Kylie Judge; Tom Judge and Amy Judge attended",
         "Client: [name]; [name] and [name] attended"),
        ("Saw the detective. Logan gave a statement.",
         "Saw the detective. [name] gave a statement."),
        ("snap asif; snap isla; insta asif99", "snap [ID]; snap [ID]; insta [ID]"),
        ("His uncle Don Dale rang about visits.", "His uncle [name] rang about visits."),
    ],
)
def test_what_a_sixth_review_found_leaking(text, expected):
    assert redact(text, (), keep=engine.COMMON_SERVICES) == expected


@pytest.mark.parametrize(
    "text",
    [
        "ADJOURNED TO 14 05 2025 AT 0930. CURFEW 1900 0700. MON-FRI 0900 1700. FY 2024 2025.",
        "DATE 20250312. Meds given 0800 1200 1600 2000. Rent $1200 1300 1400 1500 options.",
        "Version 10.12.4.1; clause 10.2.14.3; s 12.45.10.2 Youth Justice Act",
        "Officer Secondary College called. She works as a Principal Solicitor at Legal Aid.",
        "Officer In Charge at Inala. Judge Alone trial listed. Police Officer Statement attached.",
        "Signed: Registrar\nBrisbane Magistrates Court",
        "Spoke with Centrelink-\nthey will call back.",
        "watched youtube 2hrs, played xbox 360 all night, on discord 24/7, sc 10mg insulin",
        "has an eye twitch 3x daily; kik 14yo girl; psn 12 month sub",
        "i miss tonga; i miss june so much; max & min",
    ],
)
def test_what_a_sixth_review_found_removed_that_should_stay(text):
    assert redact(text, (), keep=engine.COMMON_SERVICES) == text


def test_accents_the_register_and_the_keep_list_do_not_share():
    maria = client("U1R-107", full_name="María López Ríos")
    assert redact("María López rang.", (maria,), keep=("Maria Lopez",)) == "U1R-107 rang."
    my = client("U1R-108", full_name="Lê Thị Mỹ")
    assert redact("i miss my kids so much", (my,)) == "i miss my kids so much"
    assert redact("José Ramírez will call.", (), keep=("José Ramírez",)) == (
        "José Ramírez will call."
    )
    assert redact("Sơn rang today; a Māori man from Rotorua", ()) == (
        "[name] rang today; a Māori man from Rotorua"
    )
    majo = client("U1R-109", full_name="María José Quispe Mamani", aliases=("Majo",))
    assert redact("Majo-\nwill attend Friday", (majo,)) == "U1R-109-\nwill attend Friday"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("im at aikos house; kaylees number 0412 345 678",
         "im at [name] house; [name] number [phone]"),
        ("mum and gervase are fighting; mum and dad are fighting",
         "mum and [name] are fighting; mum and dad are fighting"),
        ('not to contact: Ignatius "Dozer" Mulally', 'not to contact: [name] "[name]" [name]'),
        ("2.\tILIĆ D\tplea\t10:00", "2.\t[name]\tplea\t10:00"),
        ("Co-accused: ILIĆ, Dragan; Visit request — MARKOVIC I.",
         "Co-accused: [name]; Visit request — [name]"),
        ("Gurvinder 😡: come home\nMum 🙏: beta please call me",
         "[name] 😡: come home\nMum 🙏: beta please call me"),
        ("Students: Temperance Ah Fook (10C); Ah well", "Students: [name] (10C); Ah well"),
        ("PLEASE NOTE A; CALL ME B.; NDIS P plan", "PLEASE NOTE A; CALL ME B.; NDIS P plan"),
    ],
)
def test_other_people_in_court_lists_chats_and_texts(text, expected):
    assert redact(text, (), keep=()) == expected


def test_acts_a_jp_and_the_sheriffs_officer_stay():
    jp = client("U1R-110", full_name="Juan Pablo Rojas", aliases=("JP",))
    text = (
        "Section 52 of the Children and Young People (Safety) Act 2017 and the Young Offenders "
        "Act 1997. She asked whether a JP needs to sign. Courteous with the Sheriff's officer."
    )
    assert redact(text, (jp,), keep=()) == text
    assert redact("JP rang me; Child Protection Practitioner Jane Doe chaired.", (jp,)) == (
        "U1R-110 rang me; Child Protection Practitioner [name] chaired."
    )


def test_peoples_and_languages_stay():
    text = ("Ukrainian and Russian are different languages; Latin American families; the "
            "Larrakia cultural program; Sikh volunteers.")
    assert redact(text, (), keep=()) == text


ACCENTED_FIRST = ["María", "José", "Zoë", "Renée", "Björn", "Łukasz", "Thảo", "Hēmi", "Müge",
                  "Inés", "Agnès", "Dũng"]
ACCENTED_LAST = ["Núñez", "Gonçalves", "Kowalczyk-Wójcik", "Nguyễn", "Śliwińska", "Ōtaki",
                 "Dvořák", "Ibáñez", "Şahin", "Quispe Huamán"]
ACCENT_TEMPLATES = [
    "{first} {last} rang about the bond.",
    "{LAST}, {first} attended court.",
    "Client: {first}\n{last}, Year 9",
    "spoke with {first} today; {last} family ok",
    "Saw {first} at the drop-in.",
]


@settings(max_examples=200, deadline=None)
@given(
    st.sampled_from(ACCENTED_FIRST),
    st.sampled_from(ACCENTED_LAST),
    st.sampled_from(ACCENT_TEMPLATES),
    st.booleans(),
    st.booleans(),
)
def test_property_a_registered_name_is_hidden_with_or_without_its_accents(
    first, last, template, plain_register, plain_note
):
    from bot.deidentify.text import fold

    def plain(name: str) -> str:
        return " ".join(
            "-".join(p[:1].upper() + fold(p)[1:] for p in w.split("-")) for w in name.split()
        )

    registered = (plain(first), plain(last)) if plain_register else (first, last)
    written = (plain(first), plain(last)) if plain_note else (first, last)
    someone = client("U1R-120", full_name=" ".join(registered))
    text = template.format(first=written[0], last=written[1], LAST=written[1].upper())
    out = redact(text, (someone,), keep=())
    for word in re.findall(r"[^\W\d_]{3,}", " ".join(written)):
        assert not _survives(word, out), (text, out)


# A seventh review's inputs, on the rules from set 15.
COURT_E = client("U1R-121", full_name="Court Ellison")
PHOENIX_T = client("U1R-122", full_name="Phoenix Tamihana")


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Court Ellison and the Bail Act 2013", "U1R-121 and the Bail Act 2013"),
        ("Phoenix and the Youth Justice Act 1992", "U1R-122 and the Youth Justice Act 1992"),
        ("Advised Kayla Nguyen of the Bail Act 2013 conditions",
         "Advised [name] of the Bail Act 2013 conditions"),
        ("R v Kayla Nguyen\nYoung Offenders Act 1997 caution",
         "R v [name]\nYoung Offenders Act 1997 caution"),
        ("Irish rang this morning; Thai Nguyen attended",
         "[name] rang this morning; [name] attended"),
        ("An Nguyen attended; So Yeon Kim rang; Her Vang attended",
         "[name] attended; [name] rang; [name] attended"),
        ("drove Court 2 the station; In Court 2 the officer",
         "drove U1R-121 2 the station; In Court 2 the officer"),
        ("ILIĆ D appeared in custody", "[name] appeared in custody"),
        ('Brayden “Bear” Tuilagi', '[name] “[name]” [name]'),
        ("DOB 14/ 03/ 2008; ICMS 123 456 789; PIN 123456", "DOB [DOB]; ICMS [ID]; PIN [ID]"),
        ("L17: 2025/0418/7731; blue card 1122873 / 2; badge # 44812; dl SA 1FV829",
         "L17: [ID]; blue card [ID]; badge [ID]; dl SA [ID]"),
    ],
)
def test_what_a_seventh_review_found_leaking(text, expected):
    assert redact(text, (COURT_E, PHOENIX_T), keep=engine.COMMON_SERVICES) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Ah Yes, the Centrelink form. Ah Police came. SOSE B, NAPLAN B.",
        "T 1300651251; P 1800737732. RRP 149900; YTD 1234567; OTP 123456; YP 2025 03 14",
        "HRS 0800-1600 0900-1700. Learner licence 12 MAR 2025 test booked. Licence SA 100 PTS",
        "car: VW 2011; ute: 4X4 2015. #2025 goals; Room #1204; Tank 20000L; Reading 1200000W",
        "mum and bubba; Mrs Macquarie's Chair; Dr Moncrieff Clinic; ask mr whippy; ms pacman",
        "Lol 😂: yeah\nat st lukes house",
        "CH1LDRENS C0URT 0F NSW; Court A-B list: family matters; Phoenix A-Z directory",
    ],
)
def test_what_a_seventh_review_found_removed_that_should_stay(text):
    assert redact(text, (COURT_E, PHOENIX_T), keep=engine.COMMON_SERVICES) == text


# An eighth review's inputs, on the fixes of the seventh.
@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Tamika Brown Bail Act 2013 s 8 notice served.",
         "[name] Bail Act 2013 s 8 notice served."),
        ("Jack White Crimes Act 1900 s 61; Constable Cook Bail Act 2013 arrest.",
         "[name] Crimes Act 1900 s 61; Constable [name] Bail Act 2013 arrest."),
        ("Brayden 'Bear' Tuilagi rang.", "[name] '[name]' [name] rang."),
        ("Mrs Moncrieff's son is the co-accused.", "[name]'s son is the co-accused."),
        ("Ah Mat rang. Ah Tan rang.", "[name] rang. [name] rang."),
        ("spoke to mrs fujimura; with mrs fujimura", "spoke to [name]; with [name]"),
        ("Dez 🙏: thanks miss\nJax 😤: cops took my phone",
         "[name] 🙏: thanks miss\n[name] 😤: cops took my phone"),
        ("L17: 2025/0418/7731", "L17: [ID]"),
    ],
)
def test_what_an_eighth_review_found_leaking(text, expected):
    assert redact(text, (), keep=engine.COMMON_SERVICES) == expected


def test_what_an_eighth_review_found_removed_that_should_stay():
    text = ("Mrs Ipswich Road; Mrs Macquarie's Chair; GL 123456 cost code; KPI 123456?; "
            "Ah Yes, the form; the Residential Tenancies Act 1997")
    assert redact(text, (), keep=engine.COMMON_SERVICES) == text
    phoenix = client("U1R-123", full_name="Phoenix Lanakila-Makoa")
    assert redact("Phoenix L-Z: alphabetical list. Phoenix L-M: refuge", (phoenix,)) == (
        "Phoenix L-Z: alphabetical list. U1R-123: refuge"
    )


def test_a_court_list_read_as_its_users_write_it():
    text = ("Court support list — Parramatta Children's Court, Court 3 (Magistrate Kowalczyk)\n"
            "1. M.J. Quispe — bail variation; DOB 14/ 03/ 2008\n"
            "2. ILIĆ D — plea. Co-accused Brodie Fox Bail Act 2013 refused.\n"
            "Police event E 84471902; Kids Helpline 1800 55 1800; s 32 of the Young Offenders "
            "Act 1997.")
    assert redact(text, (), keep=engine.COMMON_SERVICES) == (
        "Court support list — Parramatta Children's Court, Court 3 (Magistrate [name])\n"
        "1. [name] — bail variation; DOB [DOB]\n"
        "2. [name] — plea. Co-accused [name] Bail Act 2013 refused.\n"
        "Police event [ID]; Kids Helpline 1800 55 1800; s 32 of the Young Offenders Act 1997."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("mud out of the Tregonnings' place", "mud out of the [name]' place"),
        ("the Hockings' shed burnt", "the [name]' shed burnt"),
        ("the Joneses' place flooded", "the [name]' place flooded"),
        ("stayed with the Nguyens over Christmas", "stayed with the [name] over Christmas"),
        # a word's plural, a club, a party: no family
        ("the Greens' candidate, the Rocks markets, The Walkers' Club",
         "the Greens' candidate, the Rocks markets, The Walkers' Club"),
    ],
)
def test_a_family_named_in_the_plural_is_someone(text, expected):
    assert redact(text, (), keep=()) == expected


def test_a_workers_given_name_with_another_surname_is_someone_else():
    keep = ["Cosimo Blenkinsop", "Cosimo"]
    text = "Ask the owner, Cosimo Ferlazzo (not our Cosimo). Cosimo Blenkinsop rang. Cosimo Monday?"
    assert redact(text, (), keep=keep) == (
        "Ask the owner, [name] (not our Cosimo). Cosimo Blenkinsop rang. Cosimo Monday?"
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("the manager jodene skerritt agreed", "the manager [name] agreed"),
        ("centre director Felicity Manoharan signed", "centre director [name] signed"),
        ("my manager will call; the owner said no; the director of the centre",
         "my manager will call; the owner said no; the director of the centre"),
    ],
)
def test_a_name_after_a_workplace_role_is_someone(text, expected):
    assert redact(text, (), keep=()) == expected
