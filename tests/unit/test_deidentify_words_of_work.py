"""Words of rosters, courses and meetings that look like names or initials (issue 12): months
that are given names, forklift licence classes that are a client's initials, minutes' labels."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity

FAAMANU = KnownClient("RV-3001", ClientIdentity(full_name="Faamanu Leasiolagi"))


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Grace Lee", "Grace"]).text


@pytest.mark.parametrize(
    "text",
    [
        "First aid on Saturday 7 June, with a Nepali-speaking trainer on the June date.",
        "Lodge early for trainees starting June.",
        "The grad program opens August.",
        "The August intake is full, so her April hearing comes first.",
        "Rent goes up with the May rent review.",
    ],
)
def test_a_month_that_is_also_a_given_name_stays_a_month_where_it_dates_something(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("June rang. It was 7 June.", "[name] rang. It was 7 June."),
        ("the June family came over", "the [name] family came over"),
        ("April said the hearing went ok", "[name] said the hearing went ok"),
    ],
)
def test_a_month_is_still_a_person_where_a_person_is_said(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "TAFE Queensland Loganlee runs the LF forklift licence course over two days.",
        "LF and LO licence courses: 40 funded places.",
        "Open till 30 June for LF tickets.",
        "Licence class: LF",
    ],
)
def test_a_forklift_licence_class_is_no_clients_initials(text):
    assert redact(text, FAAMANU) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("LF rang about his rent", "RV-3001 rang about his rent"),
        ("spoke to LF about the forklift job", "spoke to RV-3001 about the forklift job"),
        ("Faamanu got his LF licence", "RV-3001 got his LF licence"),
    ],
)
def test_the_clients_initials_still_go_where_no_licence_is_said(text, expected):
    assert redact(text, FAAMANU) == expected


def test_a_minutes_attendees_label_is_no_one():
    assert redact("Attendees: Grace, Tom Okafor; apologies Ability Options.") == (
        "Attendees: Grace, [name]; apologies Ability Options."
    )


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("New fund: AustralianSuper AS 2210984407", "New fund: AustralianSuper [ID]"),
        ("Old fund MS 0418822 rolled over", "Old fund [ID] rolled over"),
        ("He quoted 2210984407 on the phone", "He quoted [ID] on the phone"),
        ("ph 61412345678", "ph [ID]"),
    ],
)
def test_a_long_run_of_digits_with_no_cue_is_someones_number(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "paid $2210984 and 1200000 litres",
        "YTD 1234567; FY 20242025",
        "batch 3123456721 recalled",
        "model 4471902 heater",
        "filed 14032025 per the old system",
        "Lifeline 131114 or 1800737732",
    ],
)
def test_amounts_dates_products_and_service_lines_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("| NAWALOWALO J. | 40977310 | 7–3:30 |", "| [name]. | [ID] | 7–3:30 |"),
        ("| Kaufononga L. (PALM) | N | N |", "| [name]. (PALM) | N | N |"),
        ("| SMITH J. | nights |", "| [name]. | nights |"),
        ("Crew: MAKASINI S., OKORAFOR T. and Ferris K.", "Crew: [name]., [name]. and [name]."),
    ],
)
def test_a_surname_and_its_initial_in_a_crew_sheet_or_roll_is_someone(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    ["needs Vitamin D. Also Plan B.", "Seen at Ward B. Then home.", "SOSE B, NAPLAN B.",
     "see TAFE S. for details"],
)
def test_a_word_or_an_acronym_before_a_letter_stays(text):
    assert redact(text) == text


def test_a_run_over_its_own_output_takes_no_appointment_for_a_birthday():
    client = KnownClient("U1R-999", ClientIdentity(
        full_name="Quaqua Rel", date_of_birth=dt.date(1990, 2, 16)))
    once = deidentify(
        "her son Samesh (date of birth 20/12/1957) starts school on 16 February at 9.30pm.",
        [], keep=[],
    ).text
    assert deidentify(once, [client], keep=[]).text == once


LUO = KnownClient("RV-3002", ClientIdentity(full_name="Luo Yiming", aliases=("Yiming Luo",)))
JEON = KnownClient("RV-3003", ClientIdentity(full_name="Jeon Seojin", aliases=("Seojin Jeon",)))


@pytest.mark.parametrize(
    ("text", "client", "expected"),
    [
        ("TAC claim (for Luo Yiming 罗一鸣)", LUO, "TAC claim (for RV-3002 RV-3002)"),
        ("罗一鸣 Luo Yiming: same person", LUO, "RV-3002 RV-3002: same person"),
        ("Name / 이름: Jeon Seojin (전서진)", JEON, "Name / 이름: RV-3003 (RV-3003)"),
        ("*전서진 (Jeon Seojin)* — FWO update", JEON, "*RV-3003 (RV-3003)* — FWO update"),
        ("| 서진 Seojin | 한국어 |", JEON, "| RV-3003 RV-3003 | 한국어 |"),
    ],
)
def test_a_clients_name_in_another_script_beside_the_romanised_one_is_the_client(
    text, client, expected
):
    assert redact(text, client) == expected


def test_a_name_in_hangul_with_a_relation_after_it_is_someone():
    assert redact("Emergency contact / 비상 연락처: 김영숙 (mother, in Daejeon)") == (
        "Emergency contact / 비상 연락처: [name] (mother, in Daejeon)"
    )


@pytest.mark.parametrize(
    "text",
    ["Intake form / 접수 양식 for the Korean group 한국어 모임",
     '> "감사합니다 Grace 샘!!" (thank you, teacher Grace)'],
)
def test_words_in_another_script_beside_no_name_stay(text):
    assert redact(text) == text
