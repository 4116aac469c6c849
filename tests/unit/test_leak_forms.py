"""The scan every Slack test runs finds a client's details in the forms people write them."""

from __future__ import annotations

import pytest

from tests.leak_forms import leaks_in

WAYNE = {"full_name": "Wayne Dwyer", "aliases": ["Wayno"], "phone": "0403 917 562",
         "date_of_birth": "1966-01-30", "address": "12 Kingston Road, Woodridge QLD 4114"}


@pytest.mark.parametrize(
    "text",
    [
        "DWYER, Wayne rang",
        "w.d. wants a bed",
        "new one 0403 nine one seven five six two",
        "oh four oh three nine one seven five six two",
        "DOB 30011966",
        "still on Kingston Rd",
    ],
)
def test_each_form_is_found(text):
    assert leaks_in(text, {"U1R-031": WAYNE})


def test_a_clean_text_is_not_flagged():
    assert leaks_in("U1R-031 rang about the rent, Tue 30/1 at 10", {"U1R-031": WAYNE}) == []
