"""Everything bound for Slack is de-identified here, against the identities of the clients in play.

Identities are decrypted only in memory, only for the engine; nothing decrypted leaves this module.
"""

from __future__ import annotations

import re
from collections.abc import Sequence

from bot.deidentify import (
    COMMON_SERVICES,
    KnownClient,
    Redaction,
    deidentify,
    forget_clients_except,
)
from bot.domain import NotFound
from bot.ports import Clock
from bot.services.directory import find_group
from bot.validation import clean_text
from storage.uow import UnitOfWork


def known_clients(uow: UnitOfWork) -> list[KnownClient]:
    """Every client in the register whose details still exist, whatever their group: a worker in
    two groups may name the other group's client, and that name must not reach this channel."""
    clients = uow.clients.unpurged()
    forget_clients_except([c.case_code for c in clients])  # a purged client's patterns go
    return [
        KnownClient(c.case_code, uow.secrets.read_identity(c))
        for c in clients
        if c.identity_blob is not None
    ]


_WORD = re.compile(r"[^\W\d_][\w'’-]{2,}")


class _Register:
    """The words and long numbers of every registered identity, to test a kept phrase against.

    The register wins over every keep-list: a phrase that quotes a client's details is never
    kept, whoever put it there (a member chooses their own name in Slack)."""

    def __init__(self, clients: Sequence[KnownClient]) -> None:
        self.names: set[str] = set()
        self.words: set[str] = set()
        self.numbers: set[str] = set()
        for client in clients:
            identity = client.identity
            for value in (identity.full_name or "", *identity.aliases):
                self.names |= set(_WORD.findall(value.lower()))
            for value in identity.values():
                if value == identity.notes:
                    continue  # free text: its words are no identifier of their own
                self.words |= set(_WORD.findall(value.lower()))
                digits = re.sub(r"\D", "", value)
                if len(digits) >= 6:
                    self.numbers.add(digits)
        self.words |= self.names

    def quoted_in(self, phrase: str, *, names_only: bool) -> bool:
        words = set(_WORD.findall(phrase.lower()))
        if words & (self.names if names_only else self.words):
            return True
        digits = re.sub(r"\D", "", phrase)
        return len(digits) >= 6 and any(n in digits for n in self.numbers)


def keep_terms(
    uow: UnitOfWork, group_id: int | None, clients: Sequence[KnownClient] = ()
) -> list[str]:
    """What a channel may always show: agencies, the group's allow-list, the workers' names,
    less any phrase that quotes a registered client (``clients``)."""
    register = _Register(clients)
    keep = uow.agencies.names()
    if group_id is not None:
        keep += uow.groups.terms(group_id)  # seeded with COMMON_SERVICES, then the group's own
    else:
        keep += COMMON_SERVICES  # no group's list to go by: the built-in services still stand
    keep = [term for term in keep if not register.quoted_in(term, names_only=True)]
    # Members name themselves in Slack: any of a client's details there, and it is not kept.
    for real, display in uow.members.names():
        keep += [n for n in (real, display) if n and not register.quoted_in(n, names_only=False)]
    return keep


def forget_purged(*, uow: UnitOfWork) -> bool:
    """Forget, in this process, the compiled details of clients purged (by any process)."""
    with uow:
        return forget_clients_except(uow.clients.unpurged_codes())


def redact(uow: UnitOfWork, text: str, group_id: int | None = None) -> Redaction:
    """De-identify ``text`` for a channel; raises DeidentificationFailed (fail closed)."""
    clients = known_clients(uow)
    return deidentify(text, clients, keep=keep_terms(uow, group_id, clients))


def replaced_kinds(redaction: Redaction) -> tuple[str, ...]:
    return tuple(sorted(k for k, n in redaction.replaced.items() if n))


def redact_texts(
    *,
    uow: UnitOfWork,
    clock: Clock,
    items: Sequence[tuple[str | None, str]],
    group: str | None,
    actor: str,
) -> list[Redaction]:
    """De-identify texts for use outside Casebot (case studies, training material).

    Each item names the client it is about (their identifiers are replaced with their case code)
    or None (every active client's). All texts are checked before any result is returned.
    """
    with uow:
        group_id = None
        if group:
            group_id = find_group(uow, group).id
        everyone = {k.case_code: k for k in known_clients(uow)}
        active = [
            everyone[code]
            for code in uow.clients.codes_not_exited()
            if code in everyone
        ]
        for code, _ in items:
            if code is not None and code not in everyone:
                raise NotFound(f"no client with case code {code} (or their details were purged)")
        keep = keep_terms(uow, group_id, list(everyone.values()))
        results = [
            deidentify(clean_text(text), [everyone[code]] if code else active, keep=keep)
            for code, text in items
        ]
        uow.audit.add(
            at=clock.now(),
            actor=actor,
            action="redact",
            detail=f"{len(items)} text(s) de-identified for use outside Casebot",
        )
        uow.commit()
    return results
