"""The check on reasons kept in the clear: any registered identifier, in the forms people write."""

from __future__ import annotations

import datetime as dt

import pytest

from bot.services.privacy import quotes_identity
from bot.validation import identity
from tests.identities import JANE

REGISTERED = identity(JANE, today=dt.date(2026, 11, 25))


@pytest.mark.parametrize(
    "reason",
    [
        "Jane Quokkafield asked",
        "known as Janey on the street",
        "phone 0412345678 disconnected",
        "Medicare 2123 45670 1 expired",
        "CRN 204837561k",
        "mail jane.quokkafield@example.org bounced",
        "born 03/04/1988",
        "born 1988-04-03",
        "moved out of Zillmere",
        "Banksia lease ended",
    ],
)
def test_a_reason_quoting_a_detail_is_caught(reason):
    assert quotes_identity(reason, REGISTERED)


@pytest.mark.parametrize(
    "reason",
    [
        "retention period ended after exit",
        "housing application, street outreach in QLD",
        "court order for the unit",
        "U1R-014 consent withdrawn on 2026-11-20",
    ],
)
def test_an_ordinary_reason_passes(reason):
    assert not quotes_identity(reason, REGISTERED)
