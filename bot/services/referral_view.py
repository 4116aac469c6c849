"""How a referral looks to the group (agenda, meeting screen, DMs): a plain read, kept apart
from the referral use-cases so the agenda can show it without importing them."""

from __future__ import annotations

from collections.abc import Sequence

from bot.domain import ClientStatus, ReferralCriterion, ReferralDecision, ReferralView
from storage.models import Client, Referral
from storage.uow import UnitOfWork


def view(uow: UnitOfWork, referral: Referral, client: Client) -> ReferralView:
    referrer = uow.members.get(referral.referrer_id)
    agency = next((a for a in uow.agencies.all() if a.id == referral.agency_id), None)
    group = uow.groups.get(referral.group_id)
    assert referrer is not None and agency is not None and group is not None
    return ReferralView(
        case_code=client.case_code,
        group=group.name,
        referrer=referrer.slack_user_id,
        agency=agency.name,
        key_worker=client.key_worker.slack_user_id,
        criteria=tuple(ReferralCriterion(c) for c in referral.criteria.split(",") if c),
        summary=referral.summary,
        consent_obtained=referral.consent_obtained,
        created_at=referral.created_at,
        details_added=referral.details_added_at is not None,
        decision=ReferralDecision(referral.decision) if referral.decision else None,
        decision_reason=referral.decision_reason,
    )


def waiting_views(uow: UnitOfWork, clients: Sequence[Client]) -> dict[int, ReferralView]:
    """Referral views of those of ``clients`` who are referred and have a referral row."""
    ids = [c.id for c in clients if c.status == ClientStatus.REFERRED.value]
    by_client = {c.id: c for c in clients}
    return {cid: view(uow, r, by_client[cid])
            for cid, r in uow.referrals.latest_for_clients(ids).items()}


DECISION_WORDS = {
    ReferralDecision.ACCEPTED: "Referral accepted",
    ReferralDecision.DECLINED: "Referral declined",
    ReferralDecision.MORE_INFO: "More information needed before the group decides",
}


def decision_text(decision: ReferralDecision, reason: str | None) -> str:
    return DECISION_WORDS[decision] + (f": {reason}" if reason else "")
