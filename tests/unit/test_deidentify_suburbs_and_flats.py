"""Other people's details that held-out sets showed leaking part by part (issue 12): a suburb
named with a compass word or by its last word after the street, a flat or a unit said to be
someone's just after their name, and a party's initial and surname after their role."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, deidentify


def redact(text: str) -> str:
    return deidentify(text, [], keep=[*COMMON_SERVICES, "Jo Worker", "Jo"]).text


@pytest.mark.parametrize(
    ("text", "gone"),
    [
        ("Moved to 12 Union Street, South Lismore.", "South Lismore"),
        ("Her brother is at 6 Hawthorn Street, West Dubbo.", "West Dubbo"),
        ("5/102 Herries Street, East Toowoomba", "East Toowoomba"),
        ("42 Sologinkins Road, Rural View.", "Rural View"),
        ("her friend Elfrida Mayhew in Flat 3, and the neighbour with the key", "Flat 3"),
        ("Court, Wed 15 April, mention. Respondent M. Yazdani, address for service", "Yazdani"),
    ],
)
def test_the_whole_address_goes(text: str, gone: str) -> None:
    assert gone not in redact(text)


def test_a_meeting_room_and_a_name_after_a_street_stay() -> None:
    assert "in Room 4 at the hub" in redact("Met Jo Worker in Room 4 at the hub.")
    assert "North Jo said hi" in redact("3 Smith St, North Jo said hi.")
