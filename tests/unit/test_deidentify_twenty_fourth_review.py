"""The twenty-fourth adversarial review (issue 12): where the last round's rules had let a
registered client's details or another person's through, or hidden a date or a word a case
worker needs."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def client(name: str, *aliases: str, address: str = "") -> KnownClient:
    return KnownClient(
        "LO-2201", ClientIdentity.from_dict({"full_name": name, "aliases": list(aliases),
                                             "address": address})
    )


LUCKY = client("Lucas Fry", "Lucky", "Friday")
HOUSE = client("Jade Lee", address="27 Logan Road, Woolloongabba QLD 4102")
UNIT = client("Jade Lee", address="12/9 Logan Road, Woolloongabba QLD 4102")
KIN_UNIT = client("Jade Lee", address="3/44 Logan Road, Woolloongabba QLD 4102")


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Jo Worker", "Jo"]).text


@pytest.mark.parametrize(
    "text",
    ["call me lucky pls", "call me lucky thanks", "call me lucky 👍", "goes by lucky mostly",
     "they call her friday round here", "call me lucky if u see me"],
)
def test_the_alias_one_is_called_by_goes(text):
    assert "LO-2201" in redact(text, LUCKY)


@pytest.mark.parametrize(
    "text",
    ["call him friday about rent", "call me lucky but i got the flat", "call her friday at 2pm"],
)
def test_the_word_after_call_stays(text):
    assert redact(text, LUCKY) == text


@pytest.mark.parametrize(
    "text",
    ["number 27 was broken into last night", "knocked on number 27 twice",
     "Police attended number 27 at 2am", "attended #27 for welfare check"],
)
def test_the_registered_house_number_goes(text):
    assert "27" not in redact(text, HOUSE)


@pytest.mark.parametrize(
    "text",
    ["Goal #27: a job", "She's number 27 on the list", "Go to number 27 on the form",
     "Refer to number 27 in the checklist", "the number 27 bus", "Day number 27 of the strike",
     "No. 27: follow up with Centrelink"],
)
def test_a_number_that_is_no_house_stays(text):
    assert redact(text, HOUSE) == text


@pytest.mark.parametrize(
    "text",
    ["she is moving out of 12/9 to 7/21 next week", "left 12/9 to 4/15 after the fight",
     "She vacated 12/9 and 8/10 is next on the list", "the rent at 12/9 went up",
     "Rent at 12/9 overdue, arrears letter sent",
     "moving out of 12/9 to 14/2 stanley st on monday"],
)
def test_the_registered_unit_pair_goes(text):
    assert "12/9" not in redact(text, UNIT)


@pytest.mark.parametrize(
    "text", ["on leave 12/9 to 20/9", "out of hospital 12/9 - 19/9", "Rent at 12/9 rates"]
)
def test_a_date_range_stays(text):
    assert redact(text, UNIT) == text


@pytest.mark.parametrize(
    "text",
    ["mums unit 3 is where she stays", "sleeping @ mums unit 3 for now", "dads unit 3 got raided",
     "sis unit 3"],
)
def test_a_relatives_registered_unit_goes(text):
    assert "unit 3" not in redact(text, KIN_UNIT)


def test_a_units_study_stays():
    assert redact("mums unit 3 maths homework", KIN_UNIT) == "mums unit 3 maths homework"


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Met Kylie (12/02/2025) re her son's school enrolment", "12/02/2025"),
        ("Phoned Jess (3/3/2025) about the baby's cot", "3/3/2025"),
        ("Called Tom (5/6/2025), 2 weeks after discharge", "5/6/2025"),
        ("Met Kim (19/02/2025) - she's 45 and wants work", "19/02/2025"),
        ("- Gary Lim - 10/03/2026 - rang re lease", "10/03/2026"),
        ("Contacts this week:\n- Ivy Chen - 9/3/2026 - rang\n- Omar Said - 10/3/2026 - email",
         "9/3/2026"),
    ],
)
def test_a_contacts_date_stays(text, date):
    assert date in redact(text)


@pytest.mark.parametrize(
    ("text", "date"),
    [
        ("Rang Ruby (07/07/2024), Jess's baby", "07/07/2024"),
        ("Called Kai (5/1/2023) - he's 2 now", "5/1/2023"),
        ("Household:\n1. Amira Haddad - 17/02/2010 - student\n2. Zara Haddad - 03/05/2025 - infant",
         "03/05/2025"),
    ],
)
def test_a_childs_date_of_birth_goes(text, date):
    assert date not in redact(text)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Please update the AE-4403-QLD record", "AE-4403-QLD"),
        ("Participant code YP-MEL-2231 attends Tuesdays", "YP-MEL-2231"),
        ("Collected Kingsley airport 10am, dropped to nan", "Kingsley"),
        ("took Eden boat fishing with his dad", "Eden"),
        ("Kids: Eden, Stanley, Tumby Bay school", "Stanley"),
        ("Phoned Stanley, Kingsley, Byron Bay office", "Kingsley"),
        ("Beverley (BEV) is the night worker", "Beverley"),
        ("Case number, NSW 2025 118204", "118204"),
        ("Jayden Transport: booked for Tuesday", "Jayden"),
        ("the bloke is dwight lugg", "dwight"),
        ("partner: kiwi", "kiwi"),
    ],
)
def test_other_people_and_their_ids_go(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    ["Catch the BNE-GC-700 bus at 7", "works on a trawler out of Eden, a Stanley boat",
     "Esperance farm work, pasted from the hostel's sheet.", "Outreach: Tumby Bay, Coffin Bay",
     "Flights: TL 382 Elcho Island (ELC) 10:10 - Gove (GOV) 10:55",
     "Case number, NSW 2025 guidelines", "He drove for Ron Finemore Transport for years.",
     "the guy is sus", "the lady is chuffed", "inspector rtb came for the bond",
     "NAPLAN B this year for reading", "the manager is onsite"],
)
def test_words_places_and_things_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    ["Her BP today is at 140/90", "Her mark was at 45/60",
     "Her Dr Chen (12/03/2025) appointment", "Our Officer Rees (14/02/2025) meeting",
     "Called Dylan (9/9/2025) - son in hospital", "Met Rhiannon (3/3/2025), her son was sick"],
)
def test_readings_and_appointments_keep_their_numbers(text):
    out = redact(text)
    assert out.count("/") == text.count("/") and "[DOB]" not in out and "[address]" not in out


def test_a_sisters_date_of_birth_still_goes():
    assert "19/09/2021" not in redact("Her sister Mia (19/09/2021) is at school")
