"""Set 33's remaining misses (issue 12): a registered home's unit or house number said alone,
registries' lettered reference numbers, pay links, a phone said after "number is", and a baby's
or a friend's name in lowercase where the sentence gives it away."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity

REGISTERED = KnownClient(
    "NC-3305",
    ClientIdentity(full_name="Seoyeon Eom", address="12/9 Albert Road, Strathfield NSW 2135"),
)
HOUSE = KnownClient(
    "NC-3301",
    ClientIdentity(
        full_name="Solace Catacutan", address="3/27 Cavendish Street, Stanmore NSW 2048"
    ),
)


def redact(text: str, *clients: KnownClient) -> str:
    who = clients or (KnownClient("NC-3300", ClientIdentity(full_name="Sam Jones")),)
    return deidentify(text, list(who), keep=[*COMMON_SERVICES, "Aino Virtanen", "Aino"]).text


@pytest.mark.parametrize(
    "text",
    [
        "The agent wants her out of 12/9 by 31 August.",
        "Her rent at 12/9 went up again.",
        "She is vacating 12/9 on Friday.",
    ],
)
def test_the_registered_unit_and_number_where_a_home_is_left_or_rented(text):
    assert "12/9" not in redact(text, REGISTERED)


@pytest.mark.parametrize("text", ["Appointment on 12/9 at 10.", "Seen 12/9, next 19/9."])
def test_the_same_figures_as_a_date_stay(text):
    assert redact(text, REGISTERED) == text


def test_a_relatives_unit_with_the_registered_units_number():
    assert "unit 3" not in redact("moving out of mums unit 3 next week!!", HOUSE)


@pytest.mark.parametrize(
    "text",
    [
        "Her boxes were on the footpath outside number 27.",
        "She is back at no. 27 with a friend.",
        "The car was parked outside #27 all night.",
    ],
)
def test_the_registered_house_number_said_alone(text):
    assert "27" not in redact(text, HOUSE)


@pytest.mark.parametrize(
    "text",
    [
        "She caught the number 27 bus home.",
        "She is number 27 on the waitlist.",
        "Ticket number 27 at Centrelink. Room no. 27 at the hospital.",
    ],
)
def test_a_number_that_is_no_house_stays(text):
    assert redact(text, HOUSE) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Re: his son (DCJ ref DCJ-P 1187 3365)", "1187"),
        ("DCJ case no.: DCJ-P 1187 3365", "3365"),
        ("The birth registration number, TAS 2025/3318, is on the form.", "3318"),
        ("The application to the registry is BDM-VIC 25-118803 now.", "118803"),
        ("New certificate number QLD-COA 2025 118204 came today.", "118204"),
    ],
)
def test_a_registrys_lettered_reference_goes_whole(text, gone):
    out = redact(text)
    assert gone not in out and "[ID]" in out


@pytest.mark.parametrize(
    "text",
    [
        "The NSW-ACT 2025 forum is in May.",
        "COVID-19 rules eased in 2021.",
        "Cross-border QLD-NSW 12 05 2025 meeting.",
    ],
)
def test_a_regions_letters_with_a_year_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "link", ["paypal.me/dkowalczuk91", "https://paypal.me/jsmith", "linktr.ee/kaylee.m"]
)
def test_a_persons_pay_or_link_page_goes(link):
    assert link not in redact(f"She also found her old page, {link}, still active.")


@pytest.mark.parametrize("text", ["Donate at paypal.me today.", "See paypal.com/au for help."])
def test_a_sites_own_page_stays(text):
    assert redact(text) == text


def test_a_phone_said_in_words_after_number_is():
    out = redact("her mum's number is six four three one double two eight nine oh landline")
    assert "six four" not in out and "[phone]" in out


def test_a_small_number_after_number_is_stays():
    text = "the room number is one two three. the number is four by the way."
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("hi aino. bubs name is iluka ❤️ so happy", "iluka"),
        ("hey its me. nardia did her first smile today", "nardia"),
        ("me and nardia got a flat through housing connect", "nardia"),
        ("jess and me r good now", "jess"),
    ],
)
def test_a_lowercase_name_the_sentence_gives_away(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "we went to iluka for the weekend",
        "me and mum got a flat. me and bubs are ok. me and hubby r ok. me and the kids.",
        "between you and me. He and I went.",
    ],
)
def test_towns_kin_and_grammar_stay(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("the midwife wrote the baby as jiyun eom and that's fine", "jiyun"),
        ("voice note sinyi eom rang from centenary", "sinyi"),
    ],
)
def test_a_lowercase_given_name_before_a_clients_surname(text, gone):
    out = redact(text, REGISTERED)
    assert gone not in out and "eom" not in out


def test_an_everyday_word_before_the_surname_stays():
    out = redact("spoke w eom today. told aino eom is ok. pls ring eom", REGISTERED)
    assert out == "spoke w NC-3305 today. told aino NC-3305 is ok. pls ring NC-3305"


LARK = KnownClient("NC-3313", ClientIdentity(full_name="Jaymee Larkworthy", aliases=("Lark",)))


@pytest.mark.parametrize(
    "text",
    [
        "lol everyone knows me as lark.",
        "pls call me lark from now on",
        "she goes by lark now",
        "i know her as lark",
    ],
)
def test_a_word_alias_after_who_calls_them_what(text):
    assert "lark" not in redact(text, LARK)


@pytest.mark.parametrize(
    "text", ["what a lark that was", "call me when you can", "it goes by fast", "up with the lark"]
)
def test_the_word_stays_without_that_cue(text):
    assert redact(text, LARK) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Hello sir, I am Sere Baru, father of the girl.", "Baru"),
        ("I'm Mereani Tuilau from Logan.", "Tuilau"),
        ("I am Tevita, her uncle.", "Tevita"),
    ],
)
def test_someone_introducing_themselves(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text",
    [
        "I am Australian. I'm Sorry. I'm Aboriginal. I am Tongan. I'm Catholic.",
        "I am Very Sorry. I am Not Happy. I'm Telstra's customer. I am Monday free.",
    ],
)
def test_what_someone_is_stays(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    "text",
    [
        "She is Muslim and fasting this month.",
        "They are Hindu; Diwali is next week.",
        "He is Buddhist. She is Jewish. A Sunni mosque and a Coptic church.",
    ],
)
def test_faiths_are_no_ones_name(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("jirra was born last week. can u help w the form", "jirra"),
        ("Baby's name: Audun Roebuck, both parents' surnames.", "Audun"),
        ("Baby name: Audun Smith.", "Audun"),
    ],
)
def test_a_babys_name_at_its_birth_or_in_its_field(text, gone):
    assert gone not in redact(text)


@pytest.mark.parametrize(
    "text", ["the baby was born monday", "i was born in fiji", "Baby's name: not yet chosen"]
)
def test_births_without_a_name_stay(text):
    assert redact(text) == text
