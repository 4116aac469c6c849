"""Set 32's misses (issue 12): new arrivals and people leaving custody -- grant and card
numbers, homes by their unit alone, birthday lists, payees, and the places and papers of
detention and resettlement."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, name: str = "Sam Jones", *aliases: str, dob: str | None = None) -> str:
    who = KnownClient(
        "NA-3300", ClientIdentity.from_dict(
            {"full_name": name, "aliases": list(aliases), "date_of_birth": dob}
        )
    )
    return deidentify(text, [who], keep=list(COMMON_SERVICES)).text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ('He gave his grant number, 0533 1982 0047 6, "so you know".', "0533 1982"),
        ("Visa: 786, grant 8814 2079 3365 1", "3365"),
        ("Her card 4622 1189 0071 2236 was stolen.", "2236"),
        ("Her son's military ID ВК-204417 is in the letter.", "204417"),
        ("Previous provider, CoE 0384 4417 62", "CoE"),
    ],
)
def test_numbers_in_groups_and_other_scripts_go(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "Meds given 0800 1200 1600 2000 as charted.",
        "Reports for 2019 2020 2021 2022 are on file.",
        "NA-3210: RoS file with RAILS, nothing due. The MoU is signed.",
    ],
)
def test_times_years_and_camel_abbreviations_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("His block has eight units; the landlord's agent lives in unit 1.", "unit 1"),
        ("The downstairs neighbour in unit 3 keeps reporting him.", "unit 3"),
        ("Her sister is at house 14 in the Bagot Community.", "house 14"),
        ("The barking dog is at 7/27 next door.", "7/27"),
    ],
)
def test_someones_home_by_its_unit_alone_goes(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "He is in Unit 18 at Casuarina.",
        "She is at unit 4 of the course.",
        "The drop-in is open 24/7.",
        "We met in room 4.",
    ],
)
def test_units_that_are_no_home_stay(text):
    assert redact(text) == text


def test_a_birthday_list_hides_each_persons_date():
    out = redact(
        "Birthday list for hampers: her daughter Amina 9 September 2009; her son Yusuf "
        "14/12/2018. Hampers go out the week before."
    )
    assert "2009" not in out and "2018" not in out
    assert "Hampers go out the week before." in out


def test_a_meetings_date_after_a_name_is_no_birthday():
    out = redact("Spoke to Kylie Brown 12/02/2025 about her DOB on the form.")
    assert "12/02/2025" in out


def test_a_form_labels_date_is_no_birthday():
    out = redact("Prisoner: Sam Jones   DOB: 01/01/1990\nParole eligibility: 14/10/2026")
    assert "14/10/2026" in out


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("pay into account 3344556 in the name T. Zervos. He asked", "Zervos"),
        ("Pay $3,500 to 062-000 1234 5678 name S. Mahdi. My MARN is 2214455.", "Mahdi"),
        ("The lease is in the name of Jarrah Pitt now.", "Pitt"),
        ('His papers say "Nazar s/o Akbar".', "Nazar"),
        ('His papers say "Nazar s/o Akbar".', "Akbar"),
    ],
)
def test_payees_and_patronymics_go(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "In the name of God, he said.",
        "The account is under the name Housing First.",
        "The unit is in her name.",
    ],
)
def test_no_one_in_the_name_of_a_thing(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "The Northam bus leaves East Perth at 7:30.",
        "Her new unit in Mowbray signed.",
        "| program | where |\n|---|---|\n| Foundation House intake | Brunswick |\n"
        "| ASRC | Footscray |",
        "| facility | nearest town |\n|---|---|\n| Yongah Hill IDC | Northam |\n"
        "| Perth IDC | Redcliffe |",
        "Boronia Pre-release Centre for Women holds an expo on 3 September.",
        "@Casebot can you list what a final departure BVE holder can get?",
    ],
)
def test_towns_centres_and_the_bot_stay(text):
    assert redact(text) == text


def test_a_person_doing_something_is_still_someone():
    assert "Gordon" not in redact("SES Gordon rang about the roof.")


def test_a_welcome_to_country_is_no_client_called_welcome():
    out = redact("At the NAIDOC Welcome to Country, Welcome's uncle spoke.", "Welcome Kanu")
    assert out == "At the NAIDOC Welcome to Country, NA-3300's uncle spoke."


def test_a_word_name_turning_an_age_is_the_client():
    out = redact("Miracle turns 18 next month and her placement ends.", "Miracle Deng")
    assert out.startswith("NA-3300 turns 18")


def test_a_birthday_said_as_the_nth_of_the_nth():
    out = redact(
        'She gave her birthday as "the eighth of the eighth, ninety" - lucky.',
        "Lan Vo", dob="1990-08-08",
    )
    assert "eighth" not in out
