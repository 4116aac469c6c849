"""Referrals: a member refers a client from Slack with no identifiable detail; the client gets a
new case code, the secretariat adds the details from the command line, and the group's
facilitators accept, decline or ask for more information in the meeting.
"""

from __future__ import annotations

import datetime as dt
import re
from collections import Counter
from dataclasses import dataclass

from bot.domain import (
    REFERRAL_CRITERIA,
    AutoTick,
    ClientIdentity,
    ClientStatus,
    Conflict,
    ConsentChange,
    ExitOutcome,
    InvalidInput,
    MeetingStatus,
    NotAuthorised,
    NotFound,
    ReferralCriterion,
    ReferralDecided,
    ReferralDecision,
    ReferralNotice,
    ReferralPreview,
    ReferralView,
    Role,
)
from bot.ports import Clock, Renderer
from bot.services import exits, meetings, onboarding, privacy, roster, running
from bot.services.directory import find_asker, find_group
from bot.services.referral_view import view
from bot.services.register import code_names_client
from bot.validation import clean_text
from storage.models import Agency, Client, ConsentRecord, Group, Member, Referral
from storage.uow import UnitOfWork

MAX_SUMMARY = 1000  # characters: a short summary of needs, not a case history
MAX_REASON = 500
CONSENT_METHODS = {"written": "written form", "verbal_witnessed": "verbal, witnessed"}


@dataclass(frozen=True)
class ReferralForm:
    """What the referral modal asks (nothing identifying); ids as Slack and the modal give them."""

    user_id: str
    group_id: int
    agency_id: int | None
    key_worker: str | None
    criteria: tuple[str, ...]
    summary: str
    consent_obtained: bool | None
    consent_date: dt.date | None
    consent_method: str | None
    agency_ids: tuple[int, ...]
    review_on: dt.date | None


@dataclass(frozen=True)
class ReferralChoices:
    """What the modal offers: the group, its agencies, and the referrer's own agency."""

    group_id: int
    group: str
    agencies: tuple[tuple[int, str], ...]
    group_agency_ids: tuple[int, ...]
    own_agency_id: int


@dataclass(frozen=True)
class Created:
    referral: ReferralView
    outbox_keys: list[str]


# --- who may refer, and into which group -----------------------------------------------------


def _group_for(uow: UnitOfWork, member: Member, channel_id: str | None) -> Group:
    """The channel's group; from a DM (or elsewhere) the member's only group."""
    group = uow.groups.by_channel(channel_id) if channel_id else None
    if group is not None:
        if not uow.memberships.is_member(member.id, group.id):
            raise NotAuthorised(f"Only members of {group.name} can refer clients to it.")
        return group
    mine = [g for g in uow.groups.all() if uow.memberships.is_member(member.id, g.id)]
    if not mine:
        raise NotAuthorised("You're not a member of any group yet. Ask the secretariat to add you.")
    if len(mine) > 1:
        raise InvalidInput(
            "You're in more than one group: use `/casebot refer` in the channel of the group "
            "you refer the client to."
        )
    return mine[0]


def choices(*, uow: UnitOfWork, user_id: str, channel_id: str | None) -> ReferralChoices:
    """Check the person may refer here (before the modal opens) and what the modal offers."""
    with uow:
        member = find_asker(uow, user_id)
        group = _group_for(uow, member, channel_id)
        in_group = uow.consents.group_agencies(group.id)
        return ReferralChoices(
            group_id=group.id,
            group=group.name,
            agencies=tuple(
                (a.id, a.name) for a in sorted(uow.agencies.all(), key=lambda a: a.name)
            ),
            group_agency_ids=tuple(sorted(in_group)),
            own_agency_id=member.agency_id,
        )


# --- checking and previewing the form ---------------------------------------------------------


@dataclass(frozen=True)
class _Checked:
    group: Group
    referrer: Member
    agency: Agency
    key_worker: Member
    criteria: tuple[ReferralCriterion, ...]
    summary: str
    covered: list[Agency]


def _check(uow: UnitOfWork, now: dt.datetime, form: ReferralForm) -> _Checked:
    """Every rule of the form, in the order the modal shows them; the first broken one is
    raised with its field, so the modal shows it beside that input."""
    group = uow.groups.get(form.group_id)
    if group is None:
        raise InvalidInput("That group no longer exists. Please open the form again.")
    referrer = find_asker(uow, form.user_id)
    if not uow.memberships.is_member(referrer.id, group.id):
        raise NotAuthorised(f"Only members of {group.name} can refer clients to it.")
    agencies = {a.id: a for a in uow.agencies.all()}
    agency = agencies.get(form.agency_id) if form.agency_id else None
    if agency is None:
        raise InvalidInput("Choose the referring agency.", field="agency")
    key_worker = uow.members.by_user(form.key_worker) if form.key_worker else None
    if key_worker is None or not uow.memberships.is_member(key_worker.id, group.id):
        raise InvalidInput(
            f"The key worker must be a member of {group.name}: choose one of its members "
            "(the secretariat adds new members).", field="key_worker",
        )
    criteria: list[ReferralCriterion] = []
    for value in form.criteria:
        try:
            criteria.append(ReferralCriterion(value))
        except ValueError:
            raise InvalidInput("Choose the criteria from the list.", field="criteria") from None
    if not criteria:
        raise InvalidInput(
            "Tick at least one criterion: the group takes clients who meet at least one.",
            field="criteria",
        )
    summary = " ".join(clean_text(form.summary or "").split())
    if not summary:
        raise InvalidInput("Give a short summary of the client's needs.", field="summary")
    if len(summary) > MAX_SUMMARY:
        raise InvalidInput(f"Please keep the summary under {MAX_SUMMARY} characters.",
                           field="summary")
    if form.consent_obtained is not True:
        raise InvalidInput(
            "The group takes a referral only with the client's informed consent: ask them "
            "first (what is shared, with whom, and that they can withdraw).",
            field="consent_obtained",
        )
    today = roster.local_today(now, group.tz)
    if form.consent_date is None:
        raise InvalidInput("Give the date the client gave consent.", field="consent_date")
    if form.consent_date > today:
        raise InvalidInput("The consent date is in the future: give the day it was given.",
                           field="consent_date")
    if form.consent_method not in CONSENT_METHODS:
        raise InvalidInput("Say how consent was given.", field="consent_method")
    if form.review_on is not None and form.review_on <= form.consent_date:
        raise InvalidInput("The review date must come after the consent date.",
                           field="review_on")
    covered = [agency]
    for agency_id in form.agency_ids:
        other = agencies.get(agency_id)
        if other is None:
            raise InvalidInput("Choose the agencies from the list.", field="agencies")
        if other not in covered:
            covered.append(other)
    return _Checked(group, referrer, agency, key_worker, tuple(criteria), summary, covered)


def preview(*, uow: UnitOfWork, clock: Clock, form: ReferralForm) -> ReferralPreview:
    """Check the form and de-identify its summary, saving nothing: the referrer sees what the
    group will see, then confirms."""
    with uow:
        checked = _check(uow, clock.now(), form)
        redaction = privacy.redact(uow, checked.summary, checked.group.id)
        return ReferralPreview(redaction.text, privacy.replaced_kinds(redaction))


def hide_words(summary: str, words: str) -> str:
    """The previewed summary with more words taken out ("[hidden]"), as the referrer asks."""
    out = summary
    for word in (w.strip() for w in re.split(r"[,\n]", clean_text(words or ""))):
        if len(word) >= 2:
            out = re.sub(re.escape(word), "[hidden]", out, flags=re.IGNORECASE)
    return out


# --- creating it ------------------------------------------------------------------------------


def _prefix(uow: UnitOfWork, group: Group) -> str:
    """The group's usual case-code prefix (``U1R`` of ``U1R-014``), else its initials."""
    prefixes = Counter(code.rsplit("-", 1)[0] for code in uow.referrals.group_codes(group.id))
    if prefixes:
        return prefixes.most_common(1)[0][0]
    initials = "".join(word[0] for word in re.findall(r"[A-Za-z0-9]+", group.name)).upper()
    initials = initials.lstrip("0123456789")[:8]
    return initials or "REF"


def new_code(uow: UnitOfWork, group: Group) -> str:
    """The next free case code with the group's prefix: it says nothing about the person."""
    prefix = _prefix(uow, group)
    numbers = [int(n) for c in uow.referrals.codes_starting(prefix)
               if (n := c.rsplit("-", 1)[1]).isdigit()]
    return f"{prefix}-{max(numbers, default=0) + 1:03d}"


def create(
    *, uow: UnitOfWork, clock: Clock, renderer: Renderer, form: ReferralForm
) -> Created:
    """Save a referral the referrer confirmed: a new case code in status ``referred``, the
    referral, the consent record, and a DM to each of the group's secretariat."""
    now = clock.now()
    with uow:
        checked = _check(uow, now, form)
        # Again, whatever the form carried back: only de-identified text is stored.
        summary = privacy.redact(uow, checked.summary, checked.group.id).text
        group = checked.group
        client = Client(
            case_code=new_code(uow, group), group_id=group.id,
            status=ClientStatus.REFERRED.value, lead_agency_id=checked.agency.id,
            key_worker_id=checked.key_worker.id, created_at=now, status_changed_at=now,
        )
        uow.clients.add(client)
        uow.flush()
        referral = Referral(
            client_id=client.id, group_id=group.id, referrer_id=checked.referrer.id,
            agency_id=checked.agency.id, criteria=",".join(c.value for c in checked.criteria),
            summary=summary, consent_obtained=True, created_at=now,
        )
        uow.referrals.add(referral)
        assert form.consent_date is not None and form.consent_method is not None
        uow.clients.add_consent(ConsentRecord(
            client_id=client.id, given_on=form.consent_date,
            method=CONSENT_METHODS[form.consent_method], expires_on=None, recorded_at=now,
            change=ConsentChange.GIVEN.value, review_on=form.review_on,
            agencies=checked.covered,
        ))
        # A champion's first referral ticks their onboarding's "refer" item.
        onboarding.auto_tick(uow, member_id=checked.referrer.id, group_id=group.id,
                             kind=AutoTick.REFER, now=now)
        uow.audit.add(at=now, actor=form.user_id, action="referral_created", client=client,
                      detail=f"{len(checked.criteria)} criteria; consent "
                             f"{CONSENT_METHODS[form.consent_method]}")
        uow.flush()
        shown = view(uow, referral, client)
        keys = []
        for user in uow.memberships.with_role(group.id, Role.SECRETARIAT):
            key = f"referral:{referral.id}:{user}"
            uow.outbox.enqueue(key=key, kind="referral", channel=user,
                               payload=renderer.referral_notice(ReferralNotice(user, shown)),
                               now=now)
            keys.append(key)
        uow.commit()
    return Created(shown, keys)


# --- deciding ---------------------------------------------------------------------------------


def _decider(uow: UnitOfWork, user_id: str, client: Client) -> tuple[Member, Group]:
    member = find_asker(uow, user_id)
    group = uow.groups.get(client.group_id) if client.group_id else None
    if group is None or Role.FACILITATOR not in uow.memberships.roles_in(member.id, group.id):
        name = group.name if group else "the group"
        raise NotAuthorised(f"Only {name}'s facilitators decide on referrals.")
    return member, group


def _waiting(uow: UnitOfWork, code: str) -> Client:
    client = uow.clients.by_code(code)
    if client is None or client.purged_at is not None:
        raise NotFound(f"There is no referral {code}.")
    if client.status != ClientStatus.REFERRED.value:
        raise Conflict(f"{code} has been decided already: it is {client.status} now.")
    return client


def check_decider(*, uow: UnitOfWork, user_id: str, case_code: str) -> None:
    """Refuse early (before the decline form opens) anyone who may not decide."""
    with uow:
        _decider(uow, user_id, _waiting(uow, case_code))


@dataclass(frozen=True)
class Decided:
    decided: ReferralDecided
    outbox_keys: list[str]
    channel_id: str  # where the group's meeting screen may need refreshing


def decide(
    *, uow: UnitOfWork, clock: Clock, renderer: Renderer, user_id: str, case_code: str,
    decision: ReferralDecision, reason: str | None = None,
) -> Decided:
    """Accept (active), decline (exits as ``referral_declined``) or ask for more information
    (stays referred, on the next agenda again). Facilitators of the client's group only."""
    clean = " ".join(clean_text(reason or "").split()) or None
    if decision is ReferralDecision.DECLINED and not clean:
        raise InvalidInput("Say why the referral is declined: the referrer is told.",
                           field="reason")
    if clean and len(clean) > MAX_REASON:
        raise InvalidInput(f"Please keep the reason under {MAX_REASON} characters.",
                           field="reason")
    now = clock.now()
    with uow:
        client = _waiting(uow, case_code)
        member, group = _decider(uow, user_id, client)
        if clean:
            clean = privacy.redact(uow, clean, group.id).text
        referral = uow.referrals.latest_for_client(client.id) or _on_record(uow, client, now)
        meeting = exits.meeting_for_record(uow, group, now)
        if meeting is not None and meeting.status == MeetingStatus.RUNNING.value:
            running.ensure_item(uow, meeting, client.id)
        referral.decision = decision.value
        referral.decision_reason = clean
        referral.decided_by_id = member.id
        referral.decided_at = now
        referral.meeting_id = meeting.id if meeting else None
        if decision is ReferralDecision.ACCEPTED:
            client.status = ClientStatus.ACTIVE.value
            client.status_changed_at = now
        elif decision is ReferralDecision.DECLINED:
            exits.record_exit(uow, client, group, now, outcome=ExitOutcome.REFERRAL_DECLINED,
                              exited_on=roster.local_today(now, group.tz), note=clean,
                              actor=user_id, meeting=meeting)
        uow.audit.add(at=now, actor=user_id, action="referral_decided", client=client,
                      detail=decision.value)
        uow.flush()
        decided = ReferralDecided(
            referral=view(uow, referral, client), decision=decision, reason=clean,
            decided_by=user_id, meeting=meetings.ref(group, meeting) if meeting else None,
        )
        key = f"referral-decided:{referral.id}:{now.astimezone(dt.UTC):%Y%m%dT%H%M%S%f}"
        uow.outbox.enqueue(key=key, kind="referral", channel=decided.referral.referrer,
                           payload=renderer.referral_decided(decided), now=now)
        uow.commit()
    return Decided(decided, [key], group.channel_id)


def _on_record(uow: UnitOfWork, client: Client, now: dt.datetime) -> Referral:
    """A referred client registered from the command line has no referral yet: one is made
    (by the key worker, for the lead agency) to hold the decision."""
    referral = Referral(
        client_id=client.id, group_id=client.group_id, referrer_id=client.key_worker_id,
        agency_id=client.lead_agency_id, criteria="", summary="", consent_obtained=bool(
            uow.clients.latest_consents([client.id])), created_at=now,
    )
    uow.referrals.add(referral)
    uow.flush()
    return referral


# --- for the minutes and the agenda -----------------------------------------------------------

# --- the secretariat's side (CLI) -------------------------------------------------------------


@dataclass(frozen=True)
class Waiting:
    referral: ReferralView
    missing: tuple[str, ...]  # what is still to do, in words


def waiting(*, uow: UnitOfWork, group: str | None = None) -> list[Waiting]:
    """Referrals not decided yet (or sent back for more information), with what is missing."""
    with uow:
        group_id = find_group(uow, group).id if group else None
        out = []
        for referral, client in uow.referrals.waiting(group_id):
            shown = view(uow, referral, client)
            missing = []
            if not shown.details_added:
                missing.append("details not added yet")
            if shown.decision is ReferralDecision.MORE_INFO:
                missing.append("more information asked for")
            if shown.decision is None:
                missing.append("the group's decision")
            out.append(Waiting(shown, tuple(missing)))
        return out


@dataclass(frozen=True)
class Former:
    code: str
    exited_on: dt.date | None


def _same(a: ClientIdentity, b: ClientIdentity) -> bool:
    def name(identity: ClientIdentity) -> str:
        return " ".join((identity.full_name or "").casefold().split())

    return bool(name(a)) and name(a) == name(b) and a.date_of_birth is not None and (
        a.date_of_birth == b.date_of_birth)


def former_clients(*, uow: UnitOfWork, identity: ClientIdentity) -> list[Former]:
    """Exited clients whose registered name and date of birth are these: compared here, in the
    command-line process, inside the decrypted register; never in Slack."""
    if not identity.full_name or identity.date_of_birth is None:
        return []
    with uow:
        uow.secrets.verify()
        out = []
        for client in uow.clients.unpurged():
            if client.status != ClientStatus.EXITED.value or client.identity_blob is None:
                continue
            if _same(identity, uow.secrets.read_identity(client)):
                ended = uow.exits.open_of(client.id)
                out.append(Former(client.case_code, ended.exited_on if ended else None))
        return out


def _referred(uow: UnitOfWork, code: str) -> tuple[Client, Referral]:
    client = uow.clients.by_code(code)
    if client is None:
        raise NotFound(f"no client with case code {code} (see: casebot referrals)")
    referral = uow.referrals.latest_for_client(client.id)
    if client.status != ClientStatus.REFERRED.value or referral is None:
        raise InvalidInput(
            f"{code} is not a referral waiting for its details (it is {client.status}); "
            "use casebot client edit for a registered client"
        )
    if referral.details_added_at is not None:
        raise Conflict(f"{code}'s details were added already")
    return client, referral


def add_details(
    *, uow: UnitOfWork, clock: Clock, code: str, identity: ClientIdentity, actor: str
) -> str:
    """Store a new referral's identifiable details (encrypted) and mark them added."""
    if code_names_client(code, identity):
        raise InvalidInput(
            f"{code}: the case code happens to contain part of the client's name; ask the "
            "group's facilitator to decline and refer again for a new code"
        )
    now = clock.now()
    with uow:
        uow.secrets.verify()
        client, referral = _referred(uow, code)
        uow.secrets.store_identity(client, identity)
        referral.details_added_at = now
        present = [k for k, v in identity.to_dict().items() if v]
        uow.audit.add(at=now, actor=actor, action="referral_details_added", client=client,
                      detail="fields: " + (", ".join(present) or "none"))
        uow.commit()
    return code


def merge_into_former(*, uow: UnitOfWork, clock: Clock, code: str, former: str,
                      actor: str) -> str:
    """The new referral ``code`` is a former client: bring ``former`` back as referred (its
    exit ended) with this referral and its consent, and retire ``code`` unused."""
    now = clock.now()
    with uow:
        client, referral = _referred(uow, code)
        old = exits.reopen(uow, former, now)
        referral.client_id = old.id
        referral.details_added_at = now
        for consent in uow.referrals.consents_of(client.id):
            consent.client_id = old.id
        old.key_worker_id, old.lead_agency_id = client.key_worker_id, client.lead_agency_id
        old.group_id = client.group_id
        client.status = ClientStatus.EXITED.value
        client.status_changed_at = now
        uow.audit.add(at=now, actor=actor, action="referral_merged", client=client,
                      detail=f"same person as {former}: re-referred under that code")
        uow.audit.add(at=now, actor=actor, action="client_re_referred", client=old,
                      detail=f"with the referral made as {code}")
        uow.commit()
    return former


def criteria_labels() -> list[tuple[str, str]]:
    return [(c.value, label) for c, label in REFERRAL_CRITERIA.items()]
