"""Small helpers for the words people read, shared by the CLI, services and Slack renderers."""

from __future__ import annotations


def plural(count: int, word: str, many: str | None = None) -> str:
    """ "1 action", "2 actions", "3 clients" — never "action(s)"."""
    return f"{count} {word if count == 1 else many or word + 's'}"
