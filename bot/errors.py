"""Casebot's errors: what a person may be shown when something they asked for cannot be done.

A leaf module (nothing from the project, nothing heavy), so the command line can report an error or
print its help without loading the domain; ``bot.domain`` re-exports every name here.
"""

from __future__ import annotations


class CasebotError(Exception):
    """An error whose message is safe to show to the person who caused it.

    Messages never contain identifiable details; they name fields, not values. ``field`` names
    the input it is about in the domain's words ("client", "owner", "text", "due"), so a form
    can show the message beside that input; None when it is about no one input.
    """

    exit_code = 1

    def __init__(self, message: str, *, field: str | None = None) -> None:
        super().__init__(message)
        self.message = message
        self.field = field


class InvalidInput(CasebotError):
    exit_code = 2


class NotFound(CasebotError):
    pass


class Conflict(CasebotError):
    pass


class NotAuthorised(CasebotError):
    pass


class VaultError(CasebotError):
    """The encrypted register cannot be opened or used with the key given."""
