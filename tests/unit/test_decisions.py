"""Decisions taken out of transaction code, checked without a database."""

from __future__ import annotations

import datetime as dt

from bot.ports import DeliveryError, Profile
from bot.services.directory import apply_profile
from bot.services.outbox import MAX_ATTEMPTS, retry_in
from bot.services.updates import may_update
from storage.models import Agency, Client, ConsentRecord, Member
from storage.repositories.consents import covered_agencies, in_force, visible_to

TODAY = dt.date(2026, 3, 10)


def consent(*agency_ids: int, expires: dt.date | None = None) -> ConsentRecord:
    return ConsentRecord(expires_on=expires, agencies=[Agency(id=a) for a in agency_ids])


def test_consent_is_in_force_through_its_last_day():
    assert in_force(consent(1), TODAY)
    assert in_force(consent(1, expires=TODAY), TODAY)
    assert not in_force(consent(1, expires=TODAY - dt.timedelta(days=1)), TODAY)


def test_an_expired_consent_covers_nobody():
    latest = {10: consent(1, 2), 11: consent(1, expires=dt.date(2026, 1, 1)), 12: consent()}
    assert covered_agencies(latest, TODAY) == {10: {1, 2}, 12: set()}


def test_the_channel_sees_a_client_only_if_every_agency_in_it_is_named():
    covered = {10: {1, 2, 3}, 11: {1}, 12: set()}
    assert visible_to({1, 2}, covered) == {10}
    assert visible_to(set(), covered) == {10, 11, 12}  # nobody to hide from


def test_key_worker_or_lead_agency_updates_a_client():
    worker = Member(id=5, agency_id=1)
    assert may_update(worker, Client(key_worker_id=5, lead_agency_id=2))
    assert may_update(worker, Client(key_worker_id=6, lead_agency_id=1))
    assert not may_update(worker, Client(key_worker_id=6, lead_agency_id=2))


def test_retry_backs_off_doubling_from_thirty_seconds_then_gives_up():
    busy = DeliveryError("ratelimited", permanent=False)
    assert [retry_in(busy, n) for n in (1, 2, 3, 7)] == [30, 60, 120, 1920]
    assert retry_in(busy, MAX_ATTEMPTS) is None
    assert retry_in(DeliveryError("channel_not_found", permanent=True), 1) is None


def test_retry_after_from_slack_wins():
    assert retry_in(DeliveryError("ratelimited", permanent=False, retry_after=7), 3) == 7


def test_a_profile_fills_names_and_a_known_zone_only():
    member = Member(real_name="Omar Haddad", display_name="omar", tz=None)
    apply_profile(member, Profile(tz="Australia/Brisbane", real_name="", display_name="Omz"))
    assert (member.real_name, member.display_name, member.tz) == (
        "Omar Haddad", "Omz", "Australia/Brisbane"
    )
    apply_profile(member, Profile(tz="Mars/Olympus_Mons", real_name="x" * 200))
    assert member.tz == "Australia/Brisbane"  # an unknown zone keeps the one known
    assert member.real_name == "x" * 120
