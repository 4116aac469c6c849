"""What a member can do in a group: a leaf module, so the command line's parser can list the roles
without loading the domain; ``bot.domain`` re-exports it."""

from __future__ import annotations

import enum


class Role(enum.StrEnum):
    """What a member does in a group."""

    WORKER = "worker"
    FACILITATOR = "facilitator"
    SECRETARIAT = "secretariat"
    CHAMPION = "champion"
    MENTOR = "mentor"
