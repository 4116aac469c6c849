"""What earlier reviews left (issue 12): names in more scripts beside their romanised form, a
sentence's opening verb taken into a name before a bracket, and ID numbers written with dots or
slashes after their cue."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Grace Lee", "Grace"]).text


NIR = KnownClient("MV-7001", ClientIdentity(full_name="Nir Levi", aliases=("Nir",)))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her brother Yossi Mizrahi (יוסי מזרחי) rang.", "Her brother [name] ([name]) rang."),
        ("His son Jai (जय) lives there.", "His son [name] ([name]) lives there."),
        ("Spoke to Somchai (สมชาย ใจดี) about rent.", "Spoke to [name] ([name]) about rent."),
        ("Mum Tigist / ትዕግስት rang twice.", "Mum [name] / [name] rang twice."),
        ("Sok Dara (សុខ ដារ៉ា) at the temple.", "[name] ([name]) at the temple."),
        ("Aung Kyaw (အောင်ကျော်) is her uncle.", "[name] ([name]) is her uncle."),
        ("Her sister Priya (ப்ரியா) is in Colombo.", "Her sister [name] ([name]) is in Colombo."),
        ("Nino (ნინო) called.", "[name] ([name]) called."),
        ("Her uncle Shmuel (ܫܡܘܐܝܠ) came.", "Her uncle [name] ([name]) came."),
    ],
)
def test_a_name_in_another_script_beside_its_romanised_form_goes_with_it(text, expected):
    assert redact(text) == expected


def test_a_registered_client_in_hebrew_beside_the_name_is_the_client() -> None:
    assert redact("Nir (ניר לוי) moved out.", NIR) == "MV-7001 (MV-7001) moved out."


@pytest.mark.parametrize(
    ("text", "phrase"),
    [
        ("Rabbi said ברוך השם and left.", "ברוך השם"),  # a phrase, no name beside it
        ("Meera wrote: नमस्ते, मैं कल आऊँगी", "नमस्ते, मैं कल आऊँगी"),  # a sentence after a name
    ],
)
def test_a_sentence_in_another_script_is_not_taken_for_a_name(text, phrase):
    assert phrase in redact(text)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Met Anahit (Ani) at school.", "Met [name] ([name]) at school."),
        ("Saw Anahit (mum) at school.", "Saw [name] (mum) at school."),
        ("Visited Anahit (her sister) today.", "Visited [name] (her sister) today."),
        ("Rang Jane Smith and Education Centre staff", "Rang [name] and Education Centre staff"),
        # a name word first is still part of the name
        ("Gang Lin (38) came.", "[name] (38) came."),
        ("Ned Kelly (uncle) came.", "[name] (uncle) came."),
    ],
)
def test_the_verb_that_opens_a_sentence_is_not_part_of_the_name_after_it(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her ref 4471.2290.118 with Centrelink.", "Her ref [ID] with Centrelink."),
        ("Case 2024.118.7731 at court", "Case [ID] at court"),
        ("Her son ID: 8812.440.912", "Her son ID: [ID]"),
        ("His licence 4471/2290/11 suspended.", "His licence [ID] suspended."),
        ("passport no. 12.345.678", "passport no. [ID]"),
        ("Medicare 2123.45670.1", "Medicare [Medicare]"),
    ],
)
def test_an_id_with_dots_or_slashes_after_its_cue_is_removed(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "licence 12/05/2031 expiry",
        "ticket 12.05.2024 issued",
        "ref 12.5 mg",
        "Version 3.2.1 of the form",
        "Her son ID card is at home.",
        "My son ID is here",
    ],
)
def test_dates_doses_versions_and_the_word_id_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("dad now lives 22 Esplanade, Cairns", "dad now lives [address]"),
        ("Her partner: 21 The Strand, Townsville", "Her partner: [address]"),
        ("Her nan is at 2 The Avenue now", "Her nan is at [address] now"),
        ("Grandma at 2 Bay Qy", "Grandma at [address]"),
    ],
)
def test_a_street_that_is_its_type_alone_is_an_address(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize("text", ["4 esplanade walks a week", "He has 2 The Warehouse vouchers"])
def test_a_number_before_the_esplanade_or_a_shop_is_no_address(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Manager Casework: J. Amadi.", "Manager Casework: [name]."),
        ("cc: R. Okonkwo-Barnes", "cc: [name]"),
        ("Notes\nJ. Amadi rang back", "Notes\n[name] rang back"),
    ],
)
def test_a_surname_after_an_initial_at_any_fields_start_is_a_person(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text", ["Plan B. Toll roads are costly", "Sections: A. Housing, B. Health"]
)
def test_a_lettered_list_or_a_plan_b_is_no_one(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("11.30 GAA  TAPUELUELU, S. (adult)   applicant: Public Guardian",
         "11.30 GAA  [name] (adult)   applicant: Public Guardian"),
        ("NOTE, A. Smith to call", "NOTE, [name] to call"),
    ],
)
def test_a_surname_in_capitals_with_its_initial_after_a_comma_is_a_person(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text", ["LEVEL 3, B. Block", "Zone 2, C. Wing", "NAPLAN, B. (year 3)", "AGENDA, A. (items)"]
)
def test_a_buildings_parts_and_acronyms_with_a_letter_stay(text):
    assert redact(text) == text


TOLL = KnownClient("MV-7002", ClientIdentity(full_name="Beau Toll", aliases=()))
WAKE = KnownClient("MV-7003", ClientIdentity(full_name="Rayleen Wake", aliases=()))


@pytest.mark.parametrize(
    ("text", "client", "expected"),
    [
        ("*Toll* has keys", TOLL, "*MV-7002* has keys"),
        (":house: *TOLL* has keys!! &amp; the car is gone", TOLL,
         ":house: *MV-7002* has keys!! &amp; the car is gone"),
        ("• *WAKE* — closed :white_check_mark:", WAKE, "• *MV-7003* — closed :white_check_mark:"),
        ("_Beau_ rang", TOLL, "_MV-7002_ rang"),
    ],
)
def test_a_word_name_in_slack_bold_or_italics_is_read_as_without_them(text, client, expected):
    assert redact(text, client) == expected


@pytest.mark.parametrize(
    ("text", "client"),
    [("the *wake* is on friday", WAKE), ("*Toll* roads cost him", TOLL), ("*", TOLL)],
)
def test_the_word_in_slack_bold_is_still_the_word(text, client):
    assert redact(text, client) == text


NASSIF = KnownClient("MV-7004", ClientIdentity(
    full_name="Georgette Nassif", address="15 Rossmore Avenue, Punchbowl NSW 2196"
))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Georgette Nassif, 77, Rossmore Avenue, Punchbowl. She has",
         "MV-7004, 77, [address]. She has"),
        ("Lives on Rossmore Avenue, Punchbowl NSW.", "Lives on [address]."),
        ("lives on rossmore ave punchbowl", "lives on [address]"),
        # another street named for the suburb is not hers
        ("Lives on Rossmore Ave, Punchbowl Road is busy",
         "Lives on [address], Punchbowl Road is busy"),
        # the suburb elsewhere is only a place
        ("Off Rossmore Avenue. Punchbowl Centrelink rang",
         "Off [address]. Punchbowl Centrelink rang"),
    ],
)
def test_the_registered_suburb_after_the_registered_street_is_part_of_her_address(
    text, expected
):
    assert redact(text, NASSIF) == expected


JIAYI = KnownClient("MV-7005", ClientIdentity(full_name="Jiayi Chen", aliases=()))
WARD = KnownClient("MV-7006", ClientIdentity(full_name="Amy Ward", aliases=()))
TANYA = KnownClient("MV-7007", ClientIdentity(full_name="Tanya Cole", aliases=()))


@pytest.mark.parametrize(
    ("text", "client", "expected"),
    [
        ("Jiayi 佳怡 came in today", JIAYI, "MV-7005 MV-7005 came in today"),
        ("Paid Ward 12.50 for the taxi", WARD, "Paid MV-7006 12.50 for the taxi"),
        ("TC order picker course booked", TANYA, "MV-7007 order picker course booked"),
        ("TC forklift course", TANYA, "MV-7007 forklift course"),
    ],
)
def test_what_the_twelfth_review_found_leaking(text, client, expected):
    assert redact(text, client) == expected


@pytest.mark.parametrize(
    "text", ["TC crane ticket renewed", "HRWL class TC", "Patient on Ward 4.1 since Monday"]
)
def test_a_crane_class_and_a_decimal_ward_stay(text):
    assert redact(text, TANYA) == text


def _lives(address: str, name: str = "Kylie Mason") -> KnownClient:
    return KnownClient("MV-7008", ClientIdentity(full_name=name, address=address))


@pytest.mark.parametrize(
    ("text", "client", "expected"),
    [
        ("Back in Room 9 at the Hub",
         _lives("Room 9, The Hub Youth Refuge, 4 Elm St, Logan Central QLD 4114"),
         "Back in [address] at the Hub"),
        ("Sam still in unit 4", _lives("Unit 4 Level 2, 88 George St, Brisbane QLD 4000",
                                       "Sam Tran"), "MV-7008 still in [address]"),
        ("Still at lot 7", _lives("Lot 7 Course Rd, Gatton QLD 4343"), "Still at [address]"),
        ("Sam still in unit 4 level 2", _lives("Unit 4 Level 2, 88 George St, Brisbane QLD 4000",
                                              "Sam Tran"), "MV-7008 still in [address]"),
        ("unit 4 weeks behind", _lives("Unit 4 Level 2, 88 George St, Brisbane QLD 4000"),
         "unit 4 weeks behind"),
        ("Haruka 春香 missed her appt", KnownClient(
            "MV-7009", ClientIdentity(full_name="Haruka Sato")), "MV-7009 MV-7009 missed her appt"),
        ("Drove Ward 3.5 km to the clinic", WARD, "Drove MV-7006 3.5 km to the clinic"),
        ("The neighbour at number 6 of 8 Ross St", None,
         "The neighbour at [address] of [address]"),
    ],
)
def test_registered_rooms_units_lots_and_names_the_review_found(text, client, expected):
    assert redact(text, *([client] if client else [])) == expected


@pytest.mark.parametrize(
    ("text", "client", "stays"),
    [
        ("Back in Room 9 at the Hub for a meeting", _lives("Room 9, 27 Warburton Street, Logan"),
         "Room 9 at the Hub"),
        ("She is number 6 of 8 on the list", None, "number 6 of 8"),
        ("Brax 明天 will come", KnownClient(
            "MV-7010", ClientIdentity(full_name="Braxton Oduya", aliases=("Brax",))), "明天"),
    ],
)
def test_a_services_room_a_rank_and_a_word_beside_a_name_stay(text, client, stays):
    assert stays in redact(text, *([client] if client else []))


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Oscar turns 18 on 3 May 2007", "[name] turns 18 on [DOB]"),
        ("Kit turns 17 on 9 August 2008", "Kit turns 17 on [DOB]"),
        ("Paid AGL bill for 4412983310 yesterday", "Paid AGL bill for [ID] yesterday"),
        ("Card 6620113884 miles balance is low", "Card [ID] miles balance is low"),
        ("44129833 Dong Nguyen attended", "[ID] [name] attended"),
        ("Family moved to Hope Street public housing",
         "Family moved to [address] public housing"),
        ("She lives in Ridge Road building 4", "She lives in [address] building 4"),
        ("Mark McGrath rang about the lease", "[name] rang about the lease"),
        ("shaz's new address is 4 Wattle St", "[name]'s new address is [address]"),
        ("jax's phone is off", "[name]'s phone is off"),
        ("redacted by us: 533 901 662", "redacted by us: [ID]"),
        ("Referred by A. Brown", "Referred by [name]"),
        ("Caseworker: J. Brown", "Caseworker: [name]"),
        ("Present: J. Long, K. Stone", "Present: [name]"),
        ("She lives at number 14 bay view", "She lives at [address] bay view"),
        ("Neighbour at number 7 court side is the problem",
         "Neighbour at [address] court side is the problem"),
    ],
)
def test_other_peoples_details_the_twelfth_review_found_leaking(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "sold the house for 1250000",
        "Grant of 3500000 to the council",
        "1500000 AUD from the sale",
        "Lease turns 12 months on 3/4/2025",
        "living on Struggle Street since the divorce",
        "keys for the Ann Street office",
        "Will Serco still pay her?",
        "nrma's number is here",
        "sfv's phone number",
        "Step 101 102 103 of the induction done",
        "Her WHODAS went 120 115 98 since intake",
        "Shift 830 1230 1630 at the warehouse",
        "Federal funding 125 000 000 over four years",
        "Moved to C. Ward",
        "Transferred from B. Wing to A. Block",
        "A. Young people's refuge / B. Long term lease / C. Cook classes",
        "Q&A. Young people attended",
        "Income: N/A. Young person",
        "K. Hope she's ok",
        "Plan: A. Stone fruit from the food bank",
        "Answer: A. Long way to go",
        "Options (A. Bond loan, B. Cash, C. Rent Choice)",
    ],
)
def test_amounts_lists_sayings_and_labels_the_twelfth_review_found_removed_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Name / Outcome\nKYLIE S / no show\nJAYDEN P / came in",
         "Name / Outcome\n[name] / no show\n[name] / came in"),
        ("Name / What happened today\nkylie smith / food voucher\ndarren pike / rent",
         "Name / What happened today\n[name] / food voucher\n[name] / rent"),
        ("Resident / Notes from night shift\nkylie / quiet\ndarren / argued\nmel / out",
         "Resident / Notes from night shift\n[name] / quiet\n[name] / argued\n[name] / out"),
    ],
)
def test_a_slash_sheets_names_in_capitals_or_under_a_long_heading_are_people(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "Client / carer meeting went well\nall good",
        "Property / contents claims\nQBE / Allianz\nAAMI / NRMA",
    ],
)
def test_a_sentence_with_a_slash_and_brands_in_capitals_stay(text):
    assert redact(text) == text
