"""The twentieth review (issue 12): what the last round's rules took that they should not have,
and the people and numbers they let through."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, name: str = "Sam Jones", *aliases: str) -> str:
    who = KnownClient("RV-1100", ClientIdentity(full_name=name, aliases=tuple(aliases)))
    return deidentify(text, [who], keep=list(COMMON_SERVICES)).text


@pytest.mark.parametrize(
    "text",
    [
        "He works for Toyota at Altona.",
        "Rang Toyota about the recall.",
        "Hilux needs a service.",
        "Sold Hilux.",
        "KUBOTA TRACTOR SOLD",
        "She told her mum Afterpay was overdue.",
        "He told his brother Uber was cheaper.",
        "Score 10 ** 12 at trivia",
        "BP 120 ** 80 today",
        "Rent: ** 450 ** per week",
        "Date: 12 XXXX 2021",
        "Stayed with the car on Ipswich Road until police came.",
        "stays with the team on Main Street in the van",
        "Lot 5, Scout Camp had a fire drill.",
        "Army Camp, lot 4 parking",
        "Client check-in notes, August.",
        "Read-only report, June.",
    ],
)
def test_what_the_round_took_stays(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "name"),
    [
        ("Jason drives a Kluger.", "Jason Kluger"),
        ("toyota kluger, seven seats, on finance", "Jason Kluger"),
        ("His Kluger and ute were both repossessed.", "Jason Kluger"),
        ("Luca drives a Magna wagon.", "Luca Magna"),
        ("He's a Saint for putting up with it.", "Mary Saint"),
        ("He's a Star Wars fan.", "Kim Star"),
        ("ernest heals well after surgery", "Ernest Heel"),
        ("sam jokes a lot", "Sam Jones"),
    ],
)
def test_the_car_praise_or_word_stays_with_a_client_of_that_name(text, name):
    out = redact(text, name)
    for word in ("Kluger", "kluger", "Magna", "Saint", "Star", "heals", "jokes"):
        assert (word in text) <= (word in out)


@pytest.mark.parametrize(
    ("text", "name", "gone"),
    [
        ("Kluger rang about the lease.", "Jason Kluger", "Kluger"),
        ("KLUGER DID NOT ATTEND", "Jason Kluger", "KLUGER"),
        ("I'm a Cope, I've been coping for seventy years", "Ann Cope", "Cope"),
        ("drove kamira to court.", "Kamira Davis", "kamira"),
        ("harley gate came in", "Harley Gates", "gate"),
    ],
)
def test_the_client_still_goes(text, name, gone):
    assert gone not in redact(text, name)


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Her brother is at Istedgade 20 now.", "Istedgade 20"),
        ("Via Roma 12 piano 3", "Roma 12"),
        ("Kungsgatan 8 lgh 1102", "Kungsgatan 8"),
        ("Avenida Central 123, San José", "Central 123"),
        ("white ute GUN126 seen at the pub", "GUN126"),
        ("his car RPM456 was clamped", "RPM456"),
        ("card 4532 •••• •••• 7781 was used", "7781"),
        ("Children: Jaylen (04/02/2018), Mia (19/09/2021)", "2018"),
        ("Present: Elizabeth (peer worker), Salisbury (carer)", "Elizabeth"),
        ("Karen, Swahili-speaking interpreter, rang.", "Karen"),
        ("her daughter Kamira rang.", "Kamira"),
        ("HIS COUSIN TESLA CAME", "TESLA"),
        ("Debit card ending ••• 882", "882"),
        ("Tax file number *** *** 882", "882"),
        ("She stays with her boyfriend on Beaudesert Road.", "Beaudesert"),
    ],
)
def test_what_the_round_let_through_goes(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text", ["Saw Dr Chen (12/03/2025) about her meds.", "Phone call with Kylie Brown (12/02/2025)"]
)
def test_a_meetings_date_after_a_name_is_no_birth_date(text):
    assert "/2025" in redact(text)


def test_a_person_labelling_a_line_among_towns_is_a_person():
    text = "Townsville: Mon\nCairns: Tue\nJordan: on leave, back Friday"
    assert "Jordan" not in redact(text)
    schedule = "Kununurra office: Mon–Fri\nWarmun: every second Tuesday\nWyndham: Thursdays"
    assert redact(schedule) == schedule


@pytest.mark.parametrize(
    "text",
    [
        "Isuzu NPR300 truck and a CRF250 bike",
        "The Hilux GUN126 in the driveway needs a battery, N70ZZ",
        "Take the bus Via Central 2 stops",
    ],
)
def test_model_codes_and_counts_still_stay(text):
    assert redact(text) == text
