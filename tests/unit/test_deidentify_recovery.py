"""Notes about recovery (issue 12, set 30): rehabs, lines and units of alcohol and other drugs and
mental health services, towns listed with a note in brackets or as a schedule's labels, a town
before an acronym and a heading's "PHONE LIST" stay; a person in the same places still goes."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity

SAM = KnownClient("DQ-3090", ClientIdentity(full_name="Sam Jones"))


def redact(text: str) -> str:
    return deidentify(text, [SAM], keep=list(COMMON_SERVICES)).text


@pytest.mark.parametrize(
    "text",
    [
        "Quitline (13 78 48) has a pregnancy callback service.",
        "Al-Anon family groups are at Southport (Tuesdays).",
        "SafeScript Victoria monitors all of them.",
        "He called DirectLine last night. SHARC's family program is full.",
        "Visited the Kamira intake team at Gorokan to ask about the wait.",
        "Drove to Busselton for the WA Primary Health Alliance AOD forum.",
        "COPE BETTER WITH SUPPORT: MENS SHED, COTA TASMANIA, LIFELINE.",
        "Darwin AOD network — 13 November, Amity Community Services",
        "SMART Recovery groups: Elizabeth (Thursday 6pm), Salisbury (Monday 7pm) and online.",
        "Kununurra office: Mon–Fri\nWarmun: every second Tuesday\nKalumburu: monthly\n"
        "Wyndham: Thursdays",
        "SPECIAL CARE NURSERY PHONE LIST (for staff)",
        "COMMUNITY: Gongolgon. Melaleuca counselling continues.",
    ],
)
def test_services_and_places_of_recovery_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Elizabeth (my sister), Salisbury's wife, came too.", "Elizabeth"),
        ("emlyn: hi\nWyndham: are you there?", "Wyndham"),
        ("Darwin rang about the bond.", "Darwin"),
        ("Phone List about the bond, she said.", "List"),
    ],
)
def test_a_person_with_those_words_still_goes(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("The officer gave his badge number 13847.", "The officer gave his badge number [ID]."),
        ("Accepting doctor: Dr Imre, pager 4471", "Accepting doctor: Dr [name], pager [ID]"),
        ("Debts: credit card 4532 •••• •••• 7781 ($23,400)", "Debts: credit card [ID] ($23,400)"),
        ("cash or PayID 0477 ••• 021.", "cash or PayID [ID]."),
        ("card XXXX-XXXX-XXXX-1234 was used", "card [ID] was used"),
        ("His licence number, for the transport form, is QLD 078 331 942.",
         "His licence number, for the transport form, is [ID]."),
        ("his number changed, its 0448 ohh nine three, two six one. thanks",
         "his number changed, its [phone]. thanks"),
        ("assaulted her at his place, house 14, Mirima Village. She is safe",
         "assaulted her at his place, [address]. She is safe"),
        ("Also brought in: an adult male from Bagot Community, house 22",
         "Also brought in: an adult male from [address]"),
        ("His place is House 3, Abbott's Camp, and", "His place is [address], and"),
        ("my mate's place, 3 Gillies Street North, Ballarat", "my mate's place, [address]"),
        ("Found her at her sister's on Racecourse Road, well and calm.",
         "Found her at her sister's on [address], well and calm."),
        ("She's staying with her aunty and her cousin on Ironwood Drive.",
         "She's staying with her aunty and her cousin on [address]."),
    ],
)
def test_other_peoples_numbers_and_homes_go(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Call reference 13 11 14 for Lifeline",
        "rated *** 4 stars, see you xxx",
        "the pager went off at 0300",
        "House 6 Community Meeting is on Friday.",
        "Bagot Community, 22 people came.",
        "She prefers to stay with her rather than in a motel on High Street.",
        "we met at her sister's on Tuesday",
        "ohh well, ohh no",
    ],
)
def test_numbers_and_streets_that_are_no_ones_stay(text):
    assert redact(text) == text


def client(name: str, *aliases: str) -> KnownClient:
    return KnownClient("RX-3001", ClientIdentity(full_name=name, aliases=tuple(aliases)))


@pytest.mark.parametrize(
    ("who", "text", "expected"),
    [
        (client("Cyrus Munkara", "Cy"), "Cy is from Wurrumiyanga. Cy was quiet.",
         "RX-3001 is from Wurrumiyanga. RX-3001 was quiet."),
        (client("Heidi Dose"), "The nurse, Heidi M., asked for surnames.",
         "The nurse, [name]., asked for surnames."),
        (client("Heidi Dose"), "Heidi D. came in.", "RX-3001 came in."),
        (client("Patsy Kropinyeri"), "Present: Patsy; her daughter Tullah Kropinyeri.",
         "Present: RX-3001; her daughter [name]."),
    ],
)
def test_short_aliases_and_namesakes(who, text, expected):
    assert deidentify(text, [who], keep=list(COMMON_SERVICES)).text == expected


@pytest.mark.parametrize(
    "text",
    [
        "Tullah is a town in Tasmania.",
        "boxes of 5 Mg tablets, from Bay 4",
        "Meet at Bay 4, ED.",
    ],
)
def test_two_letter_words_and_towns_stay_without_a_client(text):
    assert deidentify(text, [client("Cyrus Munkara", "Cy")], keep=list(COMMON_SERVICES)).text == (
        text
    )


def test_a_date_in_brackets_after_someone_is_their_birth_date():
    assert redact("The kids are Jaylen (4/2/2018) and Mia (19/9/2021).") == (
        "The kids are [name] ([DOB]) and [name] ([DOB])."
    )


@pytest.mark.parametrize(
    ("who", "text", "expected"),
    [
        (client("Krystal Patch"), "visited crystal patch and the baby",
         "visited RX-3001 and the baby"),
        (client("Ernest Heal"), "ernest heel and owen both rang", "RX-3001 and owen both rang"),
        (client("Ernest Heal"), 'he said "heal by name, heal by nature".',
         'he said "RX-3001 by name, heal by nature".'),
        (client("Wilf Cope"), "\"Cope? I'm a Cope, I've been coping for years.\"",
         "\"RX-3001? I'm a RX-3001, I've been coping for years.\""),
        (client("Elijah Needle"), "WESTERN NSW LHD — NEEDLE AND SYRINGE PROGRAM CONTACT CARD",
         "WESTERN NSW LHD — NEEDLE AND SYRINGE PROGRAM CONTACT CARD"),
    ],
)
def test_word_names_misheard_punned_or_in_a_program(who, text, expected):
    assert deidentify(text, [who], keep=list(COMMON_SERVICES)).text == expected


@pytest.mark.parametrize(
    ("who", "text"),
    [
        (client("Ernest Heal"), "ernest said the heel was sore, it will heal by next week"),
        (client("Jo Smith"), "he's a JP now"),
    ],
)
def test_the_word_beside_the_name_stays_a_word(who, text):
    out = deidentify(text, [who], keep=list(COMMON_SERVICES)).text
    assert ("heel" in out and "heal by next week" in out) or out == text


@pytest.mark.parametrize(
    "text",
    [
        "Present: Marathon Health, Western NSW LHD Drug and Alcohol, Orana Haven.",
        "NSW DRUG COURT — DUBBO STAKEHOLDER MEETING, 21 JANUARY",
        "The association has a Dari and Hazaragi-speaking worker on Wednesdays.",
    ],
)
def test_acronyms_before_words_and_languages_listed_stay(text):
    assert redact(text) == text


def test_an_ids_letter_goes_with_its_number_said_in_words():
    said = "police came, event number E four two zero, five five one, seven zero eight."
    assert redact(said) == "police came, event number [ID]."
