"""Referrals to the group and the meeting's decision on them."""

from __future__ import annotations

from storage.models import Referral
from storage.repositories.base import Repository


class ReferralRepository(Repository[Referral]):
    model = Referral
