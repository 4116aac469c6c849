"""The twenty-second adversarial review (issue 12): what the last round's rules broke, mended."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, name: str = "Sam Jones", address: str | None = None) -> str:
    who = KnownClient("NA-3300", ClientIdentity(full_name=name, address=address))
    return deidentify(text, [who], keep=list(COMMON_SERVICES)).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Took Welcome to Country Music night.", "Took NA-3300 to Country Music night."),
        ("Drove Welcome to Country Kitchen.", "Drove NA-3300 to Country Kitchen."),
        (
            "Invite Welcome to Country events this month.",
            "Invite NA-3300 to Country events this month.",
        ),
    ],
)
def test_a_client_called_welcome_going_to_a_country_something(text, expected):
    assert redact(text, "Welcome Kanu") == expected


@pytest.mark.parametrize(
    "text",
    [
        "Aunty gave a Welcome to Country.",
        "The day opened with a Welcome to Country and a smoking ceremony.",
        "Smoking ceremony n Welcome to Country at 9am.",
        "Welcome to Country (Wurundjeri).",
        "The Welcome to Country 4 the NAIDOC week.",
    ],
)
def test_the_ceremony_stays(text):
    assert redact(text, "Welcome Kanu") == text


@pytest.mark.parametrize("text", ["给付先生打电话", "请联系于律师", "我是向女士"])
def test_chinese_surnames_after_a_contact_word(text):
    assert "[name]" in redact(text)


@pytest.mark.parametrize("text", ["请向社工反映", "已向社工说明"])
def test_chinese_to_before_a_role_stays(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "She moved to Via Roma 12 in Naples.",
        "Send the parcel to Via Nazionale 8, Rome.",
        "Going to her aunt at Via Manzoni 7 in Milan.",
    ],
)
def test_a_street_abroad_after_to_or_going(text):
    assert "[address]" in redact(text)


def test_a_route_via_a_place_stays():
    text = "Bus 380 Via Bondi 12 stops here. Train to Parramatta Via Central 3 today."
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Address updated: Flat 3, Block B, Sector 9, Islamabad",
        "Address change: Lot 7 Ngukurr",
        "Address issue: Block C, Flat 12, Kakuma Camp",
    ],
)
def test_an_address_under_a_label_about_it(text):
    assert "[address]" in redact(text)


def test_a_label_about_an_address_with_no_address_stays():
    text = "Address issues: rent arrears since 2024 with Housing"
    assert redact(text) == text


@pytest.mark.parametrize(
    "handle", ["blue_wolf_123", "big_boss_999", "killer_mike_007", "XHS_USER_5528710"]
)
def test_handles_of_english_words(handle):
    assert handle not in redact(f"He goes by {handle}. Nothing else.")


@pytest.mark.parametrize("text", ["See INC_004512 and scan_0012.", "room b_101 is booked."])
def test_tickets_and_rooms_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    ["Moving in Gordon rang to say the keys are ready", "Logged in Jordan signed for the parcel"],
)
def test_a_name_after_a_phrasal_verbs_in(text):
    assert "[name]" in redact(text)


def test_a_place_after_lived_in_stays():
    assert redact("Lived in Shelley said it was quiet.") == "Lived in Shelley said it was quiet."


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("her baby sky is feeding well", "sky"),
        ("her bub maverick is teething", "maverick"),
        ("her child arrow has a cold", "arrow"),
    ],
)
def test_a_childs_word_name_after_whose_kin(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "the baby sleep was better",
        "baby formula is expensive",
        "her baby monitor has died",
        "her baby brother is 3",
        "his baby visit is on tuesday",
    ],
)
def test_baby_things_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [("Her cousin Ngala Yunupingu came too.", "Yunupingu"), ("Her mum Tok Smith rang.", "Smith")],
)
def test_a_service_word_and_a_surname_after_kin(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize("text", ["her mum Medicare Card", "Took her mum to Ngala."])
def test_a_service_and_its_thing_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "Her BP is at 140/90 today.",
        "MMSE score is at 27/30",
        "sats were at 95/100",
        "she is at 32/40 weeks pregnant",
        "appointment is at 9/30",
        "The class is in unit 5 this term.",
    ],
)
def test_readings_scores_and_classes_are_no_home(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "the agent lives in unit 1",
        "the dog is at 7/27 next door",
        "Her ex lives in apt 4B on the same block.",
    ],
)
def test_a_home_by_its_unit_still_goes(text):
    assert "[address]" in redact(text)


@pytest.mark.parametrize("text", ["В 2019 году она переехала.", "С 2020 года.", "У 2022 році."])
def test_a_year_after_a_one_letter_preposition(text):
    assert redact(text) == text


def test_a_code_in_cyrillic_still_goes():
    assert redact("military ID ВК-204417 and ΑΚ 123456") == "military ID [ID] and [ID]"


@pytest.mark.parametrize(
    "text",
    ["Arrived Tuesday w/o Medicare card.", "pls bring Panadol w/o Codeine", "Christmas w/o Family"],
)
def test_without_is_no_wife_of(text):
    assert redact(text) == text


def test_wife_of_still_names_both():
    assert redact("Fatima w/o Rashid Khan") == "[name] w/o [name]"


@pytest.mark.parametrize(
    "text",
    [
        "Met Kylie (12/02/2025) at the office about rent.",
        "DOB: 01/01/1990. Review with Tegan 3/3/2025.",
        "Born in Tonga. Saw Sione 12/12/2024, Mele 13/12/2024.",
        "DOB 3/4/1990. Court with Magistrate Hall 6/6/2025.",
    ],
)
def test_meeting_and_court_dates_stay_dates(text):
    out = redact(text)
    assert "2025" in out or "2024" in out


@pytest.mark.parametrize(
    "text",
    [
        "Called Brodie (13/11/2009)",
        "Called Jaylen (04/02/2018) and his sister Mia (19/09/2021).",
        "Birthday list: her daughter Amina 9 September 2009; son Musa 2 May 2012",
        "Case note\nBirthdays\nMia 3/4/2015\nKai 19/9/2017",
        "Updates:\n- Birthday list\n- Aroha, 3/3/2015\n- Wiremu, 4/4/2017",
    ],
)
def test_childrens_birthdays_still_go(text):
    out = redact(text)
    assert not any(y in out for y in ("2009", "2012", "2015", "2017", "2018", "2021"))


@pytest.mark.parametrize(
    "text",
    [
        "She had her baby shower on 14 March 2025.",
        "had her son christened on 6 June 2025",
        "Her son, born last year, starts daycare on 3 February 2025.",
        "Her son was born in Darwin, housing offer on 4 June 2025.",
    ],
)
def test_other_events_after_a_birth_word_keep_their_dates(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "She had her baby boy at home on 2 Feb 2025.",
        "born at Nepean Hospital, Penrith on 3 May 2025",
    ],
)
def test_a_birth_told_as_an_event_still_hides_the_date(text):
    assert "[DOB]" in redact(text)


@pytest.mark.parametrize(
    "text", ["REFERRED TO AMES FOR ENGLISH CLASSES", "CLIENT ATTENDED AMES TODAY"]
)
def test_a_service_acronym_in_capitals_stays(text):
    assert redact(text) == text


@pytest.mark.parametrize("text", ["MRS HAAG RANG ABOUT THE RENT", "OMARA RANG TODAY"])
def test_the_surname_in_capitals_after_a_title_or_before_a_call_goes(text):
    assert "[name]" in redact(text)


@pytest.mark.parametrize(
    "text", ["Mum Dutch, dad Vietnamese.", "Dad Slovak, mum Czech.", "Her dad Cornish pasty shop."]
)
def test_peoples_in_a_familys_description_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text", ["her son Danish is 12", "Danish Khan came.", "Maria Catalan speaking."]
)
def test_peoples_names_that_are_someones(text):
    assert "[name]" in redact(text)


@pytest.mark.parametrize(
    "text",
    ["bill: $230 owing\nrent: paid", "august: paid\nseptember: owing", "art: tues\nmusic: thurs"],
)
def test_a_ledger_or_a_timetable_is_no_chat(text):
    assert redact(text) == text


def test_a_chat_still_names_its_speakers():
    assert redact("will: can u pick me up\nmark: ok 5 mins").count("[name]") >= 1


@pytest.mark.parametrize("text", ["He acted in the name of Justice.", "will call her abt the rent"])
def test_sayings_and_sms_words_stay(text):
    assert redact(text) == text


def test_a_client_named_like_a_car_beside_a_breakdown():
    text = "Their Kluger broke down at Gatton."
    assert redact(text, "Kluger Smith") == text
