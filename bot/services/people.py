"""People as files show them: their Slack display name, else their real name, else their ID.

Names come from the members' cached Slack profiles; a member with none cached whose profile was
not read this week is looked up once (users.info) when Slack can be asked, and the answer kept.
"""

from __future__ import annotations

from collections.abc import Iterable

from bot.ports import Clock, UserDirectory
from bot.services.directory import TZ_FRESH, apply_profile
from bot.validation import SLACK_USER
from storage.models import Member
from storage.uow import UnitOfWork


def shown_name(member: Member) -> str:
    return member.display_name or member.real_name or member.slack_user_id


def names_for(
    *, uow: UnitOfWork, clock: Clock, directory: UserDirectory | None, user_ids: Iterable[str]
) -> dict[str, str]:
    """Slack ID -> the name to show, for those of ``user_ids`` that are members (others, and
    anything that is not a Slack ID, are left out: shown as they are)."""
    wanted = {u for u in user_ids if u and SLACK_USER.fullmatch(u)}
    if not wanted:
        return {}
    now = clock.now()
    with uow:
        members = uow.members.by_users(wanted)
        asked = False
        for member in members:
            unnamed = not (member.display_name or member.real_name)
            stale = member.tz_checked_at is None or member.tz_checked_at < now - TZ_FRESH
            if directory is not None and unnamed and stale:
                profile = directory.profile(member.slack_user_id)
                member.tz_checked_at = now  # asked: not again this week, whatever the answer
                if profile is not None:
                    apply_profile(member, profile)
                asked = True
        names = {m.slack_user_id: shown_name(m) for m in members}
        if asked:
            uow.commit()
    return names
