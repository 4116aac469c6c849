"""Which client a typed entry names by case code, when it does not start with one.

``/casebot action @omar book GP for U1R-015`` during U1R-014's turn is for U1R-015: a known case
code anywhere in the text wins over the client on screen. A text naming two clients is a question
back to its author, never a guess. Only registered case codes count, so "COVID-19" stays words.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from bot.domain import InvalidInput
from storage.models import Client
from storage.uow import UnitOfWork

CODE_IN_TEXT = re.compile(r"\b[A-Za-z][A-Za-z0-9]{0,7}-\d{1,6}\b")


@dataclass(frozen=True)
class Named:
    client: Client
    text: str  # without the case code when the text started with it


def named_in(uow: UnitOfWork, text: str, *, group_id: int | None, usage: str) -> Named | None:
    """The one client (of ``group_id``'s, or any group's when None) whose case code ``text``
    names; None when it names none. ``usage`` shows how to start with the code, e.g.
    ``/casebot note {code} …``."""
    clients: list[Client] = []
    for code in dict.fromkeys(c.upper() for c in CODE_IN_TEXT.findall(text)):
        client = uow.clients.by_code(code)
        if client is None or client.purged_at is not None:
            continue
        if group_id is None or client.group_id == group_id:
            clients.append(client)
    if not clients:
        return None
    if len(clients) > 1:
        codes = [c.case_code for c in clients]
        named = ", ".join(codes[:-1]) + " and " + codes[-1]
        raise InvalidInput(
            f"This names {named} — which client is it for? Start with the case code: "
            f"`{usage.format(code=codes[-1])}`", field="client",  # the answer: which client
        )
    client = clients[0]
    first, _, rest = text.strip().partition(" ")
    if first.rstrip(":,;-–—").upper() == client.case_code and rest.strip():
        text = rest.strip()
    return Named(client, text)
