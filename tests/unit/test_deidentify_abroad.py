"""Places and homes abroad (issue 12): a family's home overseas goes whole; the towns and cities
a note names abroad stay."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity

SAM = KnownClient("DQ-2990", ClientIdentity(full_name="Sam Jones"))


def redact(text: str) -> str:
    return deidentify(text, [SAM], keep=list(COMMON_SERVICES)).text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("her dad lives at Plot 14, Kamakwa Road, Nyeri.", "her dad lives at [address]."),
        ("family home: Plot 44, Kampala Road, Kampala", "family home: [address]"),
        ("Plot 7 at the community garden is hers", "Plot 7 at the community garden is hers"),
    ],
)
def test_a_plot_is_a_home_as_a_lot_is(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    [
        "her brother in Kharkiv rang",
        "moved from Ho Chi Minh City to Da Nang, then Nha Trang",
        "grew up in Belo Horizonte",
        "his cousin is still in Kakuma camp",
        "she is flying home to Shiraz",
    ],
)
def test_towns_abroad_stay_where_a_place_is_said(text):
    assert redact(text) == text


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Her cousin Rumbidzai Moyo rang", "Her cousin [name] rang"),  # Moyo, a town in Uganda
        ("Tail walker: Indiana Jowett", "Tail walker: [name]"),
        ("Rewa Harwood CNS signed it", "[name] CNS signed it"),  # Rewa, a province of Fiji
    ],
)
def test_a_name_that_is_a_town_abroad_is_still_someones(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("She lives at 41 Jacaranda Street, Sunnyside, Pretoria and her pension is low",
         "She lives at [address] and her pension is low"),
        ("his mum: 112 Rizal Street, Poblacion, Lipa City, Batangas",
         "his mum: [address]"),
        ("lives at 14 Ord Street, Kennington, Sarah said", "lives at [address], [name] said"),
    ],
)
def test_the_towns_after_a_suburb_go_with_the_address(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("his postal address is Thorbeckegracht 41, 8011 Zwolle, Netherlands.",
         "his postal address is [address]."),
        ("her sister lives at Hauptstraße 12, 10115 Berlin", "her sister lives at [address]"),
        ("mum is still at Via Roma 5, Palermo", "mum is still at [address]"),
        ("the family flat, Calle de Alcalá 22, Madrid", "the family flat, [address]"),
    ],
)
def test_a_street_abroad_with_its_number_after_goes(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text", ["the Via Roma 2025 tour", "Rue 12 was closed", "Spring 2025 intake at TAFE"]
)
def test_a_year_or_a_bare_word_before_a_number_is_no_street_abroad(text):
    assert redact(text) == text
