"""Agency champions' onboarding: the checklist, its ticks, and who sees whose progress.

The contract the App Home relies on (``champion_progress``, ``mentees_of``) is here; the rest of
the pathway is built on it: adding a champion (a hand-over keeps the history) and pairing a
mentor, the group's own checklist, ticks by hand and automatic ones (attending a meeting,
presenting a client, a first referral), the mentor's weekly digest, the stall nudge, completion
and the channel's welcome.
"""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence
from dataclasses import dataclass

from bot.domain import (
    DEFAULT_CHECKLIST,
    AutoTick,
    ChampionProgress,
    Conflict,
    InvalidInput,
    NotAuthorised,
    NotFound,
    OnboardingItem,
    OnboardingNotice,
    OnboardingNoticeKind,
    Role,
)
from bot.ports import Clock, Renderer
from bot.recurrence import parse_time_of_day, working_hours_started
from bot.services import roster
from bot.services.directory import find_agency, find_asker, find_group, find_member
from storage.models import Champion, Client, Group, Member, MembershipRole, OnboardingStep
from storage.uow import UnitOfWork

STALL_AFTER = dt.timedelta(days=14)  # without progress: champion and mentor are nudged
STALL_AGAIN = dt.timedelta(days=7)  # then weekly while it lasts
DIGEST_AFTER = dt.timedelta(days=3)  # a new mentee's first days: the pairing DM says it all
Kind = OnboardingNoticeKind


# --- reading progress -------------------------------------------------------------------------


def _items(steps: Sequence[OnboardingStep]) -> tuple[OnboardingItem, ...]:
    if not steps:
        return DEFAULT_CHECKLIST
    return tuple(
        OnboardingItem(s.key, s.title, s.help or "", AutoTick(s.auto) if s.auto else None)
        for s in steps
    )


def checklist(uow: UnitOfWork, group_id: int) -> tuple[OnboardingItem, ...]:
    """The group's checklist: its own, else the default from the seeds."""
    return _items(uow.champions.steps(group_id))


def _progress_of(uow: UnitOfWork, champions: Sequence[Champion]) -> list[ChampionProgress]:
    """Each champion's progress, in a fixed number of queries however many."""
    if not champions:
        return []
    members = uow.champions.members(
        [c.member_id for c in champions] + [c.mentor_id for c in champions if c.mentor_id]
    )
    groups = {g.id: g for g in uow.groups.all()}
    agencies = uow.agencies.names_by_id()
    steps = uow.champions.steps_of([c.group_id for c in champions])
    ticks = uow.champions.ticks([c.id for c in champions])
    out = []
    for c in champions:
        group = groups[c.group_id]
        member = members[c.member_id]
        tz = roster.zone_of(member, group)
        mentor = members.get(c.mentor_id) if c.mentor_id else None

        def day(at: dt.datetime | None, tz: str = tz) -> dt.date | None:
            return roster.local_today(at, tz) if at is not None else None

        out.append(ChampionProgress(
            champion=member.slack_user_id,
            agency=agencies.get(c.agency_id, "?"),
            group=group.name,
            mentor=mentor.slack_user_id if mentor else None,
            items=_items(steps.get(c.group_id, [])),
            ticked=frozenset(ticks.get(c.id, {})),
            started_on=roster.local_today(c.started_at, tz),
            completed_on=day(c.completed_at),
            last_progress_on=day(c.last_progress_at),
            champion_id=c.id,
        ))
    return out


def champion_progress(uow: UnitOfWork, member_id: int) -> list[ChampionProgress]:
    """The member's current onboarding as a champion, one per group they champion in (call
    inside ``with uow:``). Empty when they champion nowhere."""
    return _progress_of(uow, uow.champions.current_of(member_id))


def mentees_of(uow: UnitOfWork, member_id: int) -> list[ChampionProgress]:
    """The current champions the member mentors, with their progress (call inside ``with uow:``);
    never anyone else's mentees."""
    return _progress_of(uow, uow.champions.mentees(member_id))


def _one(uow: UnitOfWork, champion: Champion) -> ChampionProgress:
    return _progress_of(uow, [champion])[0]


# --- adding a champion, pairing a mentor ------------------------------------------------------


@dataclass(frozen=True)
class Added:
    progress: ChampionProgress
    handed_over_from: str | None  # the previous champion of the agency, if any
    outbox_keys: list[str]


def _group_from_slack(uow: UnitOfWork, asker: Member, channel_id: str | None) -> Group:
    """The channel's group; elsewhere the one group the asker runs."""
    group = uow.groups.by_channel(channel_id) if channel_id else None
    if group is not None:
        return group
    mine = [g for g in uow.groups.active() if uow.memberships.runs_meetings(asker.id, g.id)]
    if len(mine) == 1:
        return mine[0]
    if not mine:
        raise NotAuthorised("Only a group's facilitators and secretariat can add champions.")
    raise InvalidInput("You run more than one group: use `/casebot champion` in the channel of "
                       "the group the champion is for.")


def _group_for_cli(uow: UnitOfWork, name: str | None) -> Group:
    if name:
        return find_group(uow, name)
    every = uow.groups.active()
    if len(every) == 1:
        return every[0]
    if not every:
        raise InvalidInput("create the group first (casebot group create …)")
    raise InvalidInput("say which group with --group NAME, one of: "
                       + ", ".join(repr(g.name) for g in every))


def _pick_mentor(uow: UnitOfWork, group: Group, champion: Member,
                 named: str | None) -> Member | None:
    """The named mentor (a mentor of the group), else the one with the fewest current mentees
    (ties: the earliest added); None when the group has no other mentor."""
    if named:
        mentor = find_member(uow, named)
        if mentor.id == champion.id:
            raise InvalidInput("a champion can't mentor themself: name another mentor")
        if Role.MENTOR not in uow.memberships.roles_in(mentor.id, group.id):
            raise InvalidInput(
                f"{named} is not a mentor in {group.name}; give them the role first "
                f"(casebot member roles --user {named} --group '{group.name}' --role mentor …)"
            )
        return mentor
    mentors = [m for m in uow.memberships.members_with_role(group.id, Role.MENTOR)
               if m.id != champion.id]
    if not mentors:
        return None
    counts = uow.champions.mentee_counts([m.id for m in mentors])
    return min(mentors, key=lambda m: (counts.get(m.id, 0), m.created_at, m.id))


def _paired_dms(uow: UnitOfWork, renderer: Renderer, champion: Champion, now: dt.datetime,
                *, to_champion: bool) -> list[str]:
    """Tell the champion (their checklist) and their mentor (a new mentee), by the outbox."""
    progress = _one(uow, champion)
    group = uow.groups.get(champion.group_id)
    assert group is not None
    keys = []
    if to_champion:
        key = f"champion-checklist:{champion.id}"
        uow.outbox.enqueue(key=key, kind="onboarding", channel=progress.champion, now=now,
                           payload=renderer.onboarding(OnboardingNotice(
                               Kind.CHECKLIST, progress.champion, progress,
                               roster.local_today(now, group.tz))))
        keys.append(key)
    if progress.mentor:
        key = f"champion-mentor:{champion.id}:{progress.mentor}"
        uow.outbox.enqueue(key=key, kind="onboarding", channel=progress.mentor, now=now,
                           payload=renderer.onboarding(OnboardingNotice(
                               Kind.PAIRED, progress.mentor, progress,
                               roster.local_today(now, group.tz))))
        keys.append(key)
    return keys


def add_champion(
    *, uow: UnitOfWork, clock: Clock, renderer: Renderer, user: str, agency: str,
    actor: str, group: str | None = None, mentor: str | None = None,
    asker: str | None = None, channel_id: str | None = None,
) -> Added:
    """Make ``user`` their agency's champion in the group and pair a mentor. From Slack
    (``asker``) only the group's facilitators and secretariat may; the CLI is the secretariat.
    The agency's previous champion is handed over from (their row ended, kept)."""
    now = clock.now()
    with uow:
        if asker is not None:
            who = find_asker(uow, asker)
            place = _group_from_slack(uow, who, channel_id)
            if not uow.memberships.runs_meetings(who.id, place.id):
                raise NotAuthorised(
                    f"Only {place.name}'s facilitators and secretariat can add champions. "
                    "Ask one of them if your agency has a new champion.")
        else:
            place = _group_for_cli(uow, group)
        if place.archived_at is not None:
            raise InvalidInput(f"{place.name} is archived; it takes no new champions")
        named_agency = find_agency(uow, agency)
        member = uow.members.by_user(user)
        if member is None or not uow.memberships.is_member(member.id, place.id):
            raise InvalidInput(f"{user} is not a member of {place.name}: add them to the group "
                               "first (casebot member add …), then make them champion")
        if member.agency_id != named_agency.id:
            raise InvalidInput(f"{user} works for {member.agency.name}, not {named_agency.name}:"
                               " a champion is one of their own agency's staff")
        old = uow.champions.current(place.id, named_agency.id)
        if old is not None and old.member_id == member.id:
            raise Conflict(f"{user} is already the champion for {named_agency.name} in "
                           f"{place.name}")
        paired = _pick_mentor(uow, place, member, mentor)
        handed_from = None
        if old is not None:
            old.ended_at = now
            previous = uow.members.get(old.member_id)
            handed_from = previous.slack_user_id if previous else None
            if previous is not None:
                _set_champion_role(uow, place.id, previous, on=False)
        champion = Champion(group_id=place.id, agency_id=named_agency.id, member_id=member.id,
                            mentor_id=paired.id if paired else None, started_at=now)
        uow.champions.add(champion)
        _set_champion_role(uow, place.id, member, on=True)
        uow.flush()
        detail = f"{place.name}: {named_agency.name}" + (" (hand-over)" if old else "")
        uow.audit.add(at=now, actor=actor, action="champion_added", detail=detail)
        keys = _paired_dms(uow, renderer, champion, now, to_champion=True)
        progress = _one(uow, champion)
        uow.commit()
    return Added(progress, handed_from, keys)


def _set_champion_role(uow: UnitOfWork, group_id: int, member: Member, *, on: bool) -> None:
    """Escalations about an agency's overdue actions go to its champion: keep the role true."""
    membership = uow.memberships.get(group_id, member.id)
    if membership is None:
        return
    has = [r for r in membership.roles if r.role == Role.CHAMPION.value]
    if on and not has:
        membership.roles.append(MembershipRole(group_id=group_id, member_id=member.id,
                                               role=Role.CHAMPION.value))
    elif not on:
        for row in has:
            membership.roles.remove(row)


def pair_mentor(*, uow: UnitOfWork, clock: Clock, renderer: Renderer, user: str, mentor: str,
                actor: str, group: str | None = None) -> Added:
    """Pair (or re-pair) a current champion with a mentor of the group; both are told."""
    now = clock.now()
    with uow:
        member = find_member(uow, user)
        found = list(uow.champions.current_of(member.id))
        if group:
            place = find_group(uow, group)
            found = [c for c in found if c.group_id == place.id]
        if not found:
            raise NotFound(f"{user} is not a current champion"
                           + (f" in {group}" if group else "")
                           + " (add them with: casebot champion add …)")
        if len(found) > 1:
            raise InvalidInput(f"{user} is a champion in more than one group: say which with "
                               "--group NAME")
        champion = found[0]
        place = uow.groups.get(champion.group_id)
        assert place is not None
        chosen = _pick_mentor(uow, place, member, mentor)
        assert chosen is not None
        if champion.mentor_id == chosen.id:
            raise Conflict(f"{mentor} is already {user}'s mentor")
        champion.mentor_id = chosen.id
        uow.flush()
        uow.audit.add(at=now, actor=actor, action="champion_mentor_paired", detail=place.name)
        keys = _paired_dms(uow, renderer, champion, now, to_champion=False)
        # The champion hears who their mentor is, with their checklist again.
        progress = _one(uow, champion)
        key = f"champion-paired:{champion.id}:{chosen.id}"
        uow.outbox.enqueue(key=key, kind="onboarding", channel=progress.champion, now=now,
                           payload=renderer.onboarding(OnboardingNotice(
                               Kind.CHECKLIST, progress.champion, progress,
                               roster.local_today(now, place.tz))))
        uow.commit()
    return Added(progress, None, [key, *keys])


@dataclass(frozen=True)
class Listed:
    progress: ChampionProgress
    ended_on: dt.date | None


def list_champions(*, uow: UnitOfWork, group: str | None = None,
                   history: bool = False) -> list[Listed]:
    """Each agency's champion (with ``history`` the former ones too), mentor and progress."""
    with uow:
        group_id = find_group(uow, group).id if group else None
        rows = uow.champions.listed(group_id, history=history)
        shown = _progress_of(uow, rows)
        groups = {g.id: g for g in uow.groups.all()}
        return [
            Listed(p, roster.local_today(c.ended_at, groups[c.group_id].tz)
                   if c.ended_at else None)
            for c, p in zip(rows, shown, strict=True)
        ]


# --- the group's checklist --------------------------------------------------------------------


def set_checklist(*, uow: UnitOfWork, clock: Clock, group: str,
                  items: Sequence[OnboardingItem] | None, actor: str) -> tuple[str, int]:
    """Replace the group's checklist with ``items`` (None: back to the default), whole."""
    now = clock.now()
    with uow:
        place = find_group(uow, group)
        steps = [
            OnboardingStep(group_id=place.id, position=n, key=i.key, title=i.title,
                           help=i.help, auto=i.auto.value if i.auto else None)
            for n, i in enumerate(items or (), start=1)
        ]
        uow.champions.replace_steps(place.id, steps)
        uow.audit.add(at=now, actor=actor, action="onboarding_checklist_set",
                      detail=f"{place.name}: " + (f"{len(steps)} items" if items else "default"))
        uow.commit()
        return place.name, len(steps) or len(DEFAULT_CHECKLIST)


# --- ticking ----------------------------------------------------------------------------------


@dataclass(frozen=True)
class Ticked:
    progress: ChampionProgress
    item: OnboardingItem
    outbox_keys: list[str]


def _champion_for(uow: UnitOfWork, user_id: str, ref: str) -> tuple[Member, Champion]:
    """The champion row a button names ("<id>"), for the person who pressed it."""
    member = find_asker(uow, user_id)
    champion = uow.champions.get(int(ref)) if ref.isdigit() else None
    if champion is None and ref.startswith("U"):  # a button that names the champion's user
        mine = uow.champions.current_of(member.id) if ref == user_id else []
        champion = mine[0] if len(mine) == 1 else None
    if champion is None:
        raise NotFound("That checklist is no longer there.")
    return member, champion


def split_value(value: str) -> tuple[str, str]:
    """``"<champion id>:<item key>"`` from a button."""
    ref, _, key = value.partition(":")
    if not ref or not key:
        raise InvalidInput("That button is out of date: open your checklist again.")
    return ref, key


def _item(uow: UnitOfWork, champion: Champion, key: str) -> OnboardingItem:
    for item in checklist(uow, champion.group_id):
        if item.key == key:
            return item
    raise NotFound("That item is no longer on the checklist.")


def tick(*, uow: UnitOfWork, clock: Clock, renderer: Renderer, user_id: str,
         value: str) -> Ticked:
    """The champion ticks an item of their checklist (only they may); done twice, once."""
    ref, key = split_value(value)
    now = clock.now()
    with uow:
        member, champion = _champion_for(uow, user_id, ref)
        if champion.member_id != member.id:
            raise NotAuthorised("Only the champion can tick their own checklist.")
        if champion.ended_at is not None:
            raise Conflict("This checklist ended with a hand-over to a new champion.")
        item = _item(uow, champion, key)
        keys = _record(uow, champion, key, now, "hand", renderer)
        progress = _one(uow, champion)
        uow.commit()
    return Ticked(progress, item, keys)


def _record(uow: UnitOfWork, champion: Champion, key: str, now: dt.datetime, how: str,
            renderer: Renderer | None) -> list[str]:
    """Tick ``key`` unless ticked; progress resets the stall clock; a completed checklist is
    announced (now, given a renderer; else by the next scheduler tick)."""
    if key in uow.champions.ticks([champion.id]).get(champion.id, {}):
        return []
    uow.champions.add_tick(champion.id, key, now, how)
    champion.last_progress_at = now
    champion.stall_nudged_at = None
    uow.flush()
    progress = _one(uow, champion)
    if progress.done == len(progress.items) and champion.completed_at is None:
        champion.completed_at = now
    return _announce(uow, champion, now, renderer) if renderer is not None else []


def auto_tick(uow: UnitOfWork, *, member_id: int, group_id: int | None, kind: AutoTick,
              now: dt.datetime) -> int:
    """Inside another service's unit of work: the member did what ``kind`` items ask (attended,
    presented, referred), so their matching items in that group are ticked. Returns how many."""
    if group_id is None:
        return 0
    done = 0
    for champion in uow.champions.current_of(member_id, group_id):
        for item in checklist(uow, group_id):
            if item.auto is kind:
                before = len(uow.champions.ticks([champion.id]).get(champion.id, {}))
                _record(uow, champion, item.key, now, kind.value, None)
                done += len(uow.champions.ticks([champion.id]).get(champion.id, {})) - before
    return done


def presented(uow: UnitOfWork, member: Member, client: Client, now: dt.datetime) -> None:
    """An update or a meeting record by ``member`` on a client of their own agency: presenting
    a client, for a champion's onboarding."""
    if member.agency_id in (client.lead_agency_id, client.key_worker.agency_id):
        auto_tick(uow, member_id=member.id, group_id=client.group_id, kind=AutoTick.PRESENT,
                  now=now)


def help_for(*, uow: UnitOfWork, user_id: str, value: str) -> OnboardingItem:
    """An item's help text, for the champion, their mentor or anyone running their group."""
    ref, key = split_value(value)
    with uow:
        member, champion = _champion_for(uow, user_id, ref)
        allowed = member.id in (champion.member_id, champion.mentor_id) or (
            uow.memberships.runs_meetings(member.id, champion.group_id))
        if not allowed:
            raise NotAuthorised("That checklist is someone else's.")
        return _item(uow, champion, key)


# --- completion, welcome, nudges --------------------------------------------------------------


def _announce(uow: UnitOfWork, champion: Champion, now: dt.datetime,
              renderer: Renderer) -> list[str]:
    """Completion, once: to the mentor and the secretariat; the facilitators get the Welcome
    button."""
    if champion.completed_at is None or champion.announced_at is not None:
        return []
    group = uow.groups.get(champion.group_id)
    assert group is not None
    progress = _one(uow, champion)
    today = roster.local_today(now, group.tz)
    told: dict[str, Kind] = {}
    for user in uow.memberships.with_role(group.id, Role.FACILITATOR):
        told[user] = Kind.COMPLETE_WELCOME
    for user in [progress.mentor, *uow.memberships.with_role(group.id, Role.SECRETARIAT)]:
        if user:
            told.setdefault(user, Kind.COMPLETE)
    told.pop(progress.champion, None)
    keys = []
    for user, kind in told.items():
        key = f"onboarding-complete:{champion.id}:{user}"
        uow.outbox.enqueue(key=key, kind="onboarding", channel=user, now=now,
                           payload=renderer.onboarding(OnboardingNotice(kind, user, progress,
                                                                        today)))
        keys.append(key)
    champion.announced_at = now
    return keys


def welcome(*, uow: UnitOfWork, clock: Clock, renderer: Renderer, user_id: str,
            value: str) -> list[str]:
    """A facilitator welcomes a champion who completed onboarding, in the channel, once."""
    now = clock.now()
    with uow:
        member, champion = _champion_for(uow, user_id, value)
        group = uow.groups.get(champion.group_id)
        assert group is not None
        if Role.FACILITATOR not in uow.memberships.roles_in(member.id, group.id):
            raise NotAuthorised(f"Only {group.name}'s facilitators welcome champions.")
        if champion.completed_at is None:
            raise Conflict("They haven't finished their onboarding yet.")
        if champion.welcomed_at is not None:
            raise Conflict("They have been welcomed in the channel already.")
        champion.welcomed_at = now
        progress = _one(uow, champion)
        key = f"champion-welcome:{champion.id}"
        uow.outbox.enqueue(key=key, kind="onboarding", channel=group.channel_id, now=now,
                           payload=renderer.onboarding(OnboardingNotice(
                               Kind.CHANNEL_WELCOME, group.channel_id, progress,
                               roster.local_today(now, group.tz), by=user_id)))
        uow.commit()
    return [key]


def nudge_mentee(*, uow: UnitOfWork, clock: Clock, renderer: Renderer, user_id: str,
                 value: str) -> list[str]:
    """A mentor's Nudge: a kind DM to their own mentee (once a day at most)."""
    now = clock.now()
    with uow:
        member, champion = _champion_for(uow, user_id, value)
        if champion.mentor_id != member.id or champion.ended_at is not None:
            raise NotAuthorised("You can nudge only your own mentees.")
        group = uow.groups.get(champion.group_id)
        assert group is not None
        progress = _one(uow, champion)
        today = roster.local_today(now, roster.zone_of(member, group))
        key = f"mentee-nudge:{champion.id}:{today.isoformat()}"
        if not uow.outbox.enqueue(key=key, kind="onboarding", channel=progress.champion, now=now,
                                  payload=renderer.onboarding(OnboardingNotice(
                                      Kind.NUDGE, progress.champion, progress, today,
                                      by=user_id))):
            raise Conflict("You nudged them today already; give them a day.")
        uow.commit()
    return [key]


# --- the scheduler: stalls, digests, completions ---------------------------------------------


def stall_due(*, last_progress: dt.datetime, nudged_at: dt.datetime | None,
              now: dt.datetime) -> bool:
    """Fourteen days without progress: nudge once, then weekly while it lasts."""
    if now - last_progress < STALL_AFTER:
        return False
    return nudged_at is None or nudged_at < last_progress or now - nudged_at >= STALL_AGAIN


def digest_week(now: dt.datetime, tz: str) -> str:
    """The mentor's ISO week on their own clock: one digest each."""
    year, week, _ = roster.local_today(now, tz).isocalendar()
    return f"{year}-W{week:02d}"


def enqueue_due(*, uow: UnitOfWork, clock: Clock, renderer: Renderer) -> int:
    """Queue what is due now: completions not yet announced, stall nudges (champion and
    mentor, in the champion's working hours) and each mentor's weekly digest (in theirs)."""
    now = clock.now()
    queued = 0
    with uow:
        current = list(uow.champions.active_current())
        if not current:
            return 0
        groups = {g.id: g for g in uow.groups.active()}
        members = uow.champions.members(
            [c.member_id for c in current] + [c.mentor_id for c in current if c.mentor_id])
        progress = {p.champion_id: p for p in _progress_of(uow, current)}
        for champion in current:
            group = groups[champion.group_id]
            queued += len(_announce(uow, champion, now, renderer))
            if champion.completed_at is not None:
                continue
            member = members[champion.member_id]
            tz = roster.zone_of(member, group)
            if not working_hours_started(now, tz=tz, at=parse_time_of_day(group.send_time)):
                continue
            if not stall_due(last_progress=champion.last_progress_at or champion.started_at,
                             nudged_at=champion.stall_nudged_at, now=now):
                continue
            shown = progress[champion.id]
            today = roster.local_today(now, tz)
            sends = [(Kind.STALLED, shown.champion)]
            if shown.mentor:
                sends.append((Kind.MENTEE_STALLED, shown.mentor))
            for kind, user in sends:
                if uow.outbox.enqueue(
                    key=f"onboarding-stall:{champion.id}:{user}:{today.isoformat()}",
                    kind="onboarding", channel=user, now=now,
                    payload=renderer.onboarding(OnboardingNotice(kind, user, shown, today)),
                ):
                    queued += 1
            champion.stall_nudged_at = now
        queued += _digests(uow, renderer, now, current, groups, members, progress)
        uow.commit()
    return queued


def _digests(uow: UnitOfWork, renderer: Renderer, now: dt.datetime, current: list[Champion],
             groups: dict[int, Group], members: dict[int, Member],
             progress: dict[int, ChampionProgress]) -> int:
    """Each mentor's weekly digest of their mentees still onboarding, first thing in their
    working week; none for a mentor without such mentees."""
    by_mentor: dict[int, list[Champion]] = {}
    for c in current:
        if c.mentor_id and c.completed_at is None and now - c.started_at >= DIGEST_AFTER:
            by_mentor.setdefault(c.mentor_id, []).append(c)
    queued = 0
    for mentor_id, mentees in by_mentor.items():
        mentor = members[mentor_id]
        group = groups[mentees[0].group_id]
        tz = roster.zone_of(mentor, group)
        if not working_hours_started(now, tz=tz, at=parse_time_of_day(group.send_time)):
            continue
        shown = tuple(progress[c.id] for c in mentees)
        if uow.outbox.enqueue(
            key=f"mentor-digest:{mentor_id}:{digest_week(now, tz)}", kind="onboarding",
            channel=mentor.slack_user_id, now=now,
            payload=renderer.onboarding(OnboardingNotice(
                Kind.DIGEST, mentor.slack_user_id, shown[0], roster.local_today(now, tz),
                mentees=shown)),
        ):
            queued += 1
    return queued
