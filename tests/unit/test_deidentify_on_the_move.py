"""What set 24 (on the move: bookings, boats, vans and animals) showed (issue 12): a booking's
passenger names, a boat's pen and a caravan site as a registered home."""

from __future__ import annotations

import pytest

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify
from bot.domain import ClientIdentity


def redact(text: str, *clients: KnownClient) -> str:
    return deidentify(text, list(clients), keep=[*COMMON_SERVICES, "Grace Lee", "Grace"]).text


MAIRU = KnownClient("MV-7404", ClientIdentity(full_name="Eliakim Mairu"))


@pytest.mark.parametrize(
    ("text", "clients", "expected"),
    [
        ("Passenger 1: MAIRU/ELIAKIM MR   e-ticket", [MAIRU],
         "Passenger 1: MV-7404/MV-7404   e-ticket"),
        ("Passenger 2: MAIRU/NEROLIE MRS", [MAIRU], "Passenger 2: MV-7404/[name]"),
        ("Passenger: SMITH/JOHN MR", [], "Passenger: [name]"),
        ("Passenger: NGUYEN/THI LAN MRS\nSeat 4A", [], "Passenger: [name]\nSeat 4A"),
    ],
)
def test_a_bookings_passengers_are_people_and_the_title_goes_with_the_client(
    text, clients, expected
):
    assert redact(text, *clients) == expected


@pytest.mark.parametrize("text", ["Route: SYD/MEL MR", "QF 839 DRW/ADL 06:05"])
def test_airport_codes_are_no_passenger(text):
    assert redact(text) == text


def _lives(address: str) -> KnownClient:
    return KnownClient("MV-7425", ClientIdentity(full_name="Delphine Marr", address=address))


BOAT = _lives("Pen C14, Fremantle Fishing Boat Harbour, Mews Road, Fremantle WA 6160")
VAN = _lives("Site 14, Renmark Riverfront Caravan Park, Sturt Highway, Renmark SA 5341")


@pytest.mark.parametrize(
    ("text", "client", "expected"),
    [
        ("She lives at Pen C14; Fremantle Ports wrote", BOAT,
         "She lives at [address]; Fremantle Ports wrote"),
        ("To: Delphine, Pen C14, Fremantle Fishing Boat Harbour\nDear", BOAT,
         "To: MV-7425, [address]\nDear"),
        ("Visited her at Site 14, Renmark Riverfront Caravan Park. She is 75", VAN,
         "Visited her at [address]. She is 75"),
        ("site 14, The Big Park next door", VAN, "[address], The Big Park next door"),
    ],
)
def test_a_registered_pen_or_site_and_the_place_named_in_her_address_are_her_home(
    text, client, expected
):
    assert redact(text, client) == expected


def test_a_pen_that_is_no_ones_home_stays():
    assert redact("my pen 4 is blue", BOAT) == "my pen 4 is blue"


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ("Booking reference: QZT7LM\nPassenger", "Booking reference: [ID]\nPassenger"),
        ("booking code for the flight is M4HXWD if the hostel asks",
         "booking code for the flight is [ID] if the hostel asks"),
        ("unit C-118 padlock 7731 is in his name", "unit C-118 padlock [ID] is in his name"),
        ("kennards gave me unit 2081 padlock code 4419.",
         "kennards gave me unit 2081 padlock code [ID]."),
    ],
)
def test_a_bookings_reference_and_a_padlocks_code_are_removed(text, expected):
    assert redact(text) == expected


@pytest.mark.parametrize(
    "text",
    ["booking confirmed for Monday 10am", "Booking reference: PENDING", "confirmation 2 weeks"],
)
def test_words_after_a_booking_stay(text):
    assert redact(text) == text
