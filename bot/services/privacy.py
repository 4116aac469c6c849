"""Everything bound for Slack is de-identified here, against the identities of the clients in play.

Identities are decrypted only in memory, only for the engine; nothing decrypted leaves this module.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from dataclasses import replace

from bot.deidentify import (
    COMMON_SERVICES,
    KnownClient,
    Redaction,
    deidentify,
    forget_clients_except,
)
from bot.deidentify.members import members_names
from bot.deidentify.text import normalise
from bot.domain import ClientIdentity, InvalidInput, NotFound
from bot.ports import Clock
from bot.services.directory import find_group
from bot.validation import clean_text
from storage.uow import UnitOfWork


def known_clients(uow: UnitOfWork) -> tuple[KnownClient, ...]:
    """Every client in the register whose details still exist, whatever their group: a worker in
    two groups may name the other group's client, and that name must not reach this channel.

    The same tuple while the register is unchanged, so the engine's compiled patterns for it
    are found at once."""
    return _known(uow).clients


def _known(uow: UnitOfWork) -> _Known:
    """The register as this process keeps it (read and decrypted once per register version)."""
    return uow.secrets.read_register(_Known)


class _Known:
    """The clients in play, and the words of their details (made when first asked for)."""

    def __init__(self, entries: Sequence[tuple[str, ClientIdentity]]) -> None:
        self.clients = tuple(KnownClient(code, identity) for code, identity in entries)
        # A new reading of the register: patterns compiled with a purged client's details go.
        forget_clients_except([c.case_code for c in self.clients])
        self._words: _Register | None = None

    @property
    def words(self) -> _Register:
        if self._words is None:  # two threads may both build it: the same words either way
            self._words = _Register(self.clients)
        return self._words


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

    def resembles(self, phrase: str) -> bool:
        """Whether ``phrase`` is, holds, or is a near-spelling of any registered detail's word
        or number: stricter than :meth:`quoted_in`, for a word an author asks to show."""
        if self.quoted_in(phrase, names_only=False):
            return True
        for word in _WORD.findall(phrase.lower()):
            for known in self.words:
                if known in word or (len(word) >= 4 and len(known) >= 4
                                     and _near(word, known, 2 if len(known) >= 9 else 1)):
                    return True
        return False


def _near(a: str, b: str, most: int) -> bool:
    """Whether ``a`` and ``b`` are within ``most`` edits (insert, delete, change) of each other."""
    if abs(len(a) - len(b)) > most:
        return False
    row = list(range(len(b) + 1))
    for i, ca in enumerate(a, 1):
        prev, row[0] = row[0], i
        for j, cb in enumerate(b, 1):
            prev, row[j] = row[j], min(row[j] + 1, row[j - 1] + 1, prev + (ca != cb))
        if min(row) > most:
            return False
    return row[-1] <= most


def keep_terms(
    uow: UnitOfWork,
    group_id: int | None,
    clients: Sequence[KnownClient] = (),
    *,
    register: _Register | None = None,
) -> list[str]:
    """What a channel may always show: agencies, the group's allow-list, the workers' names,
    less any phrase that quotes a registered client (``clients``, or their words
    ``register``)."""
    register = register or _Register(clients)
    keep = uow.agencies.names()
    if group_id is not None:
        keep += uow.groups.terms(group_id)  # seeded with COMMON_SERVICES, then the group's own
    else:
        keep += COMMON_SERVICES  # no group's list to go by: the built-in services still stand
    keep = [term for term in keep if not register.quoted_in(term, names_only=True)]
    return keep + members_kept(uow.members.names(), register=register)


def members_kept(
    members: Iterable[tuple[str | None, str | None]],
    clients: Sequence[KnownClient] = (),
    *,
    register: _Register | None = None,
) -> list[str]:
    """The forms of the members' (real, display) names a channel may show. Members name
    themselves in Slack: any of a client's details there, and that form is not kept. A title or
    an initial with a common surname ("Mr Singh", "S. Lee") is as likely someone else -- a
    landlord, an ex-partner -- and is not kept either; with a rarer one ("Ms Sveinsdóttir") it
    is the member."""
    from bot.deidentify.lexicon import surnames  # the word lists, only once redacting

    register = register or _Register(clients)
    common = surnames()
    return [
        n for real, display in members for n in members_names(real or "", display or "")
        if not register.quoted_in(n, names_only=False)
        and not (n not in (real, display) and n.split()[-1].casefold() in common)
    ]


def forget_purged(*, uow: UnitOfWork) -> bool:
    """Forget, in this process, the compiled details of clients purged (by any process)."""
    with uow:
        return forget_clients_except(uow.clients.unpurged_codes())


def redact(
    uow: UnitOfWork, text: str, group_id: int | None = None, *, keep: Sequence[str] = ()
) -> Redaction:
    """De-identify ``text`` for a channel; raises DeidentificationFailed (fail closed).

    ``keep``: words the author marked "not identifying" in this text's preview (a word that
    quotes a registered client is hidden all the same)."""
    known = _known(uow)
    return _redact(uow, text, group_id, known.clients, keep, known.words)


def _redact(
    uow: UnitOfWork, text: str, group_id: int | None, clients: Sequence[KnownClient],
    keep: Sequence[str], register: _Register | None = None,
) -> Redaction:
    register = register or _Register(clients)
    terms = keep_terms(uow, group_id, clients, register=register)
    if keep:
        terms += [w for w in keep if not register.resembles(w)]
    return deidentify(text, clients, keep=terms)


# Replacements that stand for a registered client by their case code ("[name]" is anyone's).
_ANYONE = "[name]"


def restorable(text: str, spans: Sequence[tuple[int, int, str]]) -> bool:
    """Whether a preview has a replacement its author might restore (no case code)."""
    return any(kind != "name" or text[s:e] == _ANYONE for s, e, kind in spans)


class DraftWords:
    """A draft's own words against the register as read once (one decryption per request):
    which replaced words its author may restore, whether a word quotes the register, and the
    draft de-identified again. The words are for the author's eyes only."""

    def __init__(
        self, uow: UnitOfWork, raw: str, group_id: int | None, keep: Sequence[str] = ()
    ) -> None:
        self._uow, self._raw, self._group_id = uow, raw, group_id
        known = _known(uow)
        self._clients, self._register = known.clients, known.words
        self.words = self._restorable(self.redact(keep))

    def redact(self, keep: Sequence[str]) -> Redaction:
        """The draft de-identified with ``keep`` shown (less any that quotes the register)."""
        return _redact(self._uow, self._raw, self._group_id, self._clients, keep,
                       self._register)

    def register_detail(self, phrase: str) -> bool:
        """Whether ``phrase`` is, holds, or nearly spells part of a registered client's
        details."""
        return self._register.resembles(phrase)

    def _restorable(self, found: Redaction) -> tuple[str, ...]:
        """The replaced words in order, once each: not a registered client's case code, nor a
        number, date or address that quotes the register."""
        if len(found.spans) != len(found.sources):  # cannot pair them: offer nothing
            return ()
        given = normalise(self._raw)
        words: list[str] = []
        for (s, e, kind), (a, b, _) in zip(found.spans, found.sources, strict=True):
            word = " ".join(given[a:b].split())
            if not word or (kind == "name" and found.text[s:e] != _ANYONE):
                continue
            if kind not in ("name", "person") and self._register.quoted_in(word,
                                                                           names_only=False):
                continue
            if word not in words:
                words.append(word)
        return tuple(words)


def register_detail(uow: UnitOfWork, phrase: str) -> bool:
    """Whether ``phrase`` is, holds, or nearly spells part of any registered client's details."""
    return _known(uow).words.resembles(phrase)


def replaced_kinds(redaction: Redaction) -> tuple[str, ...]:
    return tuple(sorted(k for k, n in redaction.replaced.items() if n))


class OutsideRedactor:
    """De-identifies texts for use outside Casebot one at a time, against the register as it was
    read once (a stream of notes does not decrypt it again per note)."""

    def __init__(
        self, everyone: dict[str, KnownClient], active: list[KnownClient], keep: list[str]
    ) -> None:
        # Tuples, the same ones each time: the engine knows them again without hashing them.
        self._everyone, self._active, self._keep = everyone, tuple(active), tuple(keep)
        self._one: dict[str, tuple[KnownClient, ...]] = {}

    def check(self, code: str | None) -> None:
        if code is not None and code not in self._everyone:
            raise NotFound(f"no client with case code {code} (or their details were purged)")

    def __call__(self, code: str | None, text: str) -> Redaction:
        """``code``: the client the text is about (their identifiers become the case code), or
        None: every active client's. ``sources`` are positions in ``text`` as given."""
        self.check(code)
        prepared = clean_text(text)
        clients = self._active
        if code:
            clients = self._one.get(code) or self._one.setdefault(code, (self._everyone[code],))
        found = deidentify(prepared, clients, keep=self._keep)
        folded = normalise(prepared)
        if folded == text:
            return found
        back = original_positions(folded, text)
        sources = tuple((back[a], back[b], kind) for a, b, kind in found.sources)
        return replace(found, sources=sources)


def original_positions(changed: str, original: str) -> list[int]:
    """For each position in ``changed`` (and its end), the position in ``original`` it came from,
    across small edits (control characters dropped, look-alike letters folded)."""
    import difflib  # only for a text that folding changed: not on the tick's path

    out = [0] * (len(changed) + 1)
    matcher = difflib.SequenceMatcher(None, changed, original, autojunk=False)
    for op, a1, a2, b1, b2 in matcher.get_opcodes():
        for i in range(a1, a2):
            out[i] = b1 + (i - a1) if op == "equal" else b1
        out[a2] = b2
    return out


def outside_redactor(
    *,
    uow: UnitOfWork,
    clock: Clock,
    group: str | None,
    actor: str,
    what: str,
    codes: Sequence[str | None] = (),
) -> OutsideRedactor:
    """Read the register once for texts bound outside Casebot, after checking ``codes``; the
    reading is audited before any text is worked on."""
    with uow:
        group_id = find_group(uow, group).id if group else None
        known = _known(uow)
        everyone = {k.case_code: k for k in known.clients}
        active = [everyone[c] for c in uow.clients.codes_not_exited() if c in everyone]
        keep = keep_terms(uow, group_id, known.clients, register=known.words)
        redactor = OutsideRedactor(everyone, active, keep)
        for code in codes:
            redactor.check(code)
        uow.audit.add(at=clock.now(), actor=actor, action="redact", detail=what)
        uow.commit()
    return redactor


def redact_texts(
    *,
    uow: UnitOfWork,
    clock: Clock,
    items: Sequence[tuple[str | None, str]],
    group: str | None,
    actor: str,
) -> list[Redaction]:
    """De-identify texts for use outside Casebot (case studies, training material); every case
    code named is checked before any text is worked on."""
    redactor = outside_redactor(
        uow=uow, clock=clock, group=group, actor=actor, codes=[code for code, _ in items],
        what=f"{len(items)} text(s) de-identified for use outside Casebot",
    )
    return [redactor(code, text) for code, text in items]


# --- reasons and notes written outside Slack (purge, reveal, override) ---------------------------

# Address words that say nothing of a person: street types, unit words, states.
_ADDRESS_COMMON = frozenset(
    {
        "unit", "units", "flat", "apartment", "apt", "level", "lot", "shop", "suite", "street",
        "st", "road", "rd", "avenue", "ave", "crescent", "cres", "court", "ct", "drive", "dr",
        "place", "pl", "lane", "ln", "parade", "pde", "terrace", "tce", "way", "highway", "hwy",
        "close", "boulevard", "circuit", "grove", "square", "esplanade", "north", "south",
        "east", "west", "upper", "lower", "the", "and", "qld", "nsw", "vic", "tas", "act", "wa",
        "sa", "nt", "australia",
    }
)


def _date_forms(day: dt.date) -> list[str]:
    """How a date of birth may be written in a sentence (ISO, day-first, with or without zeros)."""
    return [
        day.isoformat(),
        f"{day.day}/{day.month}/{day.year}",
        f"{day.day:02d}/{day.month:02d}/{day.year}",
        f"{day.day}.{day.month}.{day.year}",
        f"{day.day}-{day.month}-{day.year}",
        f"{day.day:02d}-{day.month:02d}-{day.year}",
    ]


def quotes_identity(text: str, identity: ClientIdentity) -> bool:
    """Whether ``text`` contains one of the client's registered identifiers: a word of a name or
    alias, a phone, Medicare or CRN number (spaces or not), the email, the date of birth, or a
    distinctive word of the address (street types, unit words and states don't count)."""
    lowered = text.casefold()
    words = set(_WORD.findall(lowered))
    digits = re.sub(r"\D", "", text)
    compact = re.sub(r"[\s-]", "", lowered)
    for value in (identity.full_name or "", *identity.aliases):
        if words & set(_WORD.findall(value.casefold())):
            return True
    for number in (identity.phone, identity.medicare):
        value_digits = re.sub(r"\D", "", number or "")
        if len(value_digits) >= 6 and value_digits in digits:
            return True
    if identity.crn and identity.crn.casefold() in compact:
        return True
    if identity.email:
        email = identity.email.casefold()
        local = email.partition("@")[0]
        if email in lowered or (len(local) >= 4 and local in lowered):
            return True
    if identity.date_of_birth and any(
        form in lowered for form in _date_forms(identity.date_of_birth)
    ):
        return True
    if identity.address:
        street = {w for w in _WORD.findall(identity.address.casefold())
                  if len(w) >= 4 and w not in _ADDRESS_COMMON}
        if words & street:
            return True
    return False


def refuse_identifying(uow: UnitOfWork, text: str, *, what: str = "reason") -> None:
    """Refuse a reason (purge, reveal, override…) that quotes any registered client's details:
    it is kept in the clear (the audit log, the minutes). Call inside ``with uow:``.

    Neither the client nor the word is named: the message may end up in a terminal's log."""
    for client in known_clients(uow):
        if quotes_identity(text, client.identity):
            raise InvalidInput(
                f"the {what} quotes a client's registered details (a name, alias, phone, "
                "email, Medicare or CRN number, date of birth or address); it is kept in the "
                "clear, so say why without them (the case code is fine). Nothing was done.",
                field=what,
            )
