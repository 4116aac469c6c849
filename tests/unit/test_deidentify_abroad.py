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
