#!/usr/bin/env python3
"""Build bench/eval/notes.jsonl from bench/eval/notes.src.yaml.

Markup in each note's ``text``:
  [[kind|text]]  a span that must be REMOVED (replaced by a case code or placeholder)
  {{kind|text}}  a span that must SURVIVE unchanged
Offsets are computed here, never typed. Exits non-zero with line-numbered errors.

Usage: python bench/eval/build.py [--check] [src] [out]
"""

from __future__ import annotations

import itertools
import json
import re
import sys
from pathlib import Path
from typing import Any

import yaml

HERE = Path(__file__).resolve().parent
REMOVE_KINDS = {
    "client-name",
    "client-alias",
    "client-dob",
    "client-address",
    "client-phone",
    "client-email",
    "client-medicare",
    "client-crn",
    "name",
    "phone",
    "email",
    "id",
    "dob",
    "address",
}
KEEP_KINDS = {
    "service",
    "agency",
    "place",
    "street-place",
    "weekday",
    "date",
    "amount",
    "medication",
    "title",
    "word",
    "worker",
    "case-code",
}
STYLES = {"case-note", "sms", "handover", "meeting", "referral"}
REGISTER_FIELDS = {
    "code",
    "full_name",
    "aliases",
    "dob",
    "address",
    "phone",
    "email",
    "medicare",
    "crn",
}
MARK = re.compile(r"(\[\[|\{\{)([a-z-]+)\|(.*?)(\]\]|\}\})", re.S)
MONTHS = [
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
]
NUMWORDS = {
    "zero": "0",
    "oh": "0",
    "o": "0",
    "nought": "0",
    "one": "1",
    "two": "2",
    "three": "3",
    "four": "4",
    "five": "5",
    "six": "6",
    "seven": "7",
    "eight": "8",
    "nine": "9",
    "hundred": "00",
}
ABBREV = {
    "st": "street",
    "rd": "road",
    "ave": "avenue",
    "av": "avenue",
    "cres": "crescent",
    "ct": "court",
    "dr": "drive",
    "pde": "parade",
    "tce": "terrace",
    "hwy": "highway",
    "pl": "place",
    "ln": "lane",
    "cl": "close",
    "u": "unit",
    "apt": "unit",
    "blvd": "boulevard",
    "qld": "queensland",
    "nsw": "new south wales",
    "vic": "victoria",
    "esp": "esplanade",
    "mt": "mount",
    "sth": "south",
    "nth": "north",
    "stn": "station",
}
HONORIFICS = {"mr", "ms", "mrs", "miss", "mx"}
ORDINAL = re.compile(r"^(\d+)(st|nd|rd|th)$")
DAYWORDS = {
    w: i
    for i, w in enumerate(
        [
            "first",
            "second",
            "third",
            "fourth",
            "fifth",
            "sixth",
            "seventh",
            "eighth",
            "ninth",
            "tenth",
            "eleventh",
            "twelfth",
            "thirteenth",
            "fourteenth",
            "fifteenth",
            "sixteenth",
            "seventeenth",
            "eighteenth",
            "nineteenth",
            "twentieth",
        ],
        1,
    )
}


class LineLoader(yaml.SafeLoader):
    pass


def _construct_mapping(loader: yaml.SafeLoader, node: yaml.MappingNode, deep: bool = False) -> dict:
    m = yaml.SafeLoader.construct_mapping(loader, node, deep=True)
    m["__line__"] = node.start_mark.line + 1
    return m


LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def medicare_ok(num: str) -> bool:
    d = re.sub(r"\D", "", str(num))
    if len(d) not in (10, 11) or d[0] not in "23456":
        return False
    w = [1, 3, 7, 9, 1, 3, 7, 9]
    return sum(int(a) * b for a, b in zip(d[:8], w, strict=True)) % 10 == int(d[8])


def words(s: str) -> list[str]:
    return [w for w in re.split(r"[^0-9a-zà-ÿ']+", s.lower().replace("'s", "")) if w]


def near(a: str, b: str) -> bool:
    """Equal, one edit off, or one adjacent transposition."""
    if a == b:
        return True
    if abs(len(a) - len(b)) > 1:
        return False
    if len(a) == len(b):
        diff = [i for i in range(len(a)) if a[i] != b[i]]
        if len(diff) == 1:
            return True
        return (
            len(diff) == 2
            and diff[1] == diff[0] + 1
            and a[diff[0]] == b[diff[1]]
            and a[diff[1]] == b[diff[0]]
        )
    if len(a) < len(b):
        a, b = b, a
    return any(a[:i] + a[i + 1 :] == b for i in range(len(a)))


def name_tokens(client: dict) -> set[str]:
    toks = set(words(client.get("full_name", "")))
    for al in client.get("aliases") or []:
        toks |= set(words(al))
    return toks


def initials_ok(span: str, client: dict) -> bool:
    letters = re.sub(r"[^A-Za-z]", "", span).lower()
    names = [client.get("full_name", ""), *(client.get("aliases") or [])]
    for n in names:
        ws = words(n)
        ini = "".join(w[0] for w in ws)
        if letters and (
            letters == ini
            or letters == ini[::-1]
            or (
                len(letters) >= 1
                and letters in {ws[0][0], ws[-1][0], ini[0] + ini[-1], ini[-1] + ini[0]}
            )
        ):
            return True
    return False


def check_name(span: str, client: dict, alias: bool) -> str | None:
    toks = name_tokens(client)
    sw = words(span)
    if not sw:
        return "empty name span"
    # "J. Smith" / "Smith, J." / "JS" / "J.S."
    initials = re.fullmatch(r"[A-Za-z](\.?\s*[A-Za-z]){0,4}\.?", span.strip())
    if initials and len(re.sub(r"[^A-Za-z]", "", span)) <= 5 and initials_ok(span, client):
        return None
    bad = []
    for w in sw:
        if w in HONORIFICS and len(sw) > 1:
            continue
        if w in toks or any(near(w, t) for t in toks if len(t) > 3):
            continue
        if len(w) == 1 and any(t.startswith(w) for t in toks):
            continue
        bad.append(w)
    if bad:
        return f"words {bad} not in the client's name/aliases (nor one letter off)"
    return None


def digits_of(s: str) -> str:
    out = []
    mult = 1
    for tok in re.findall(r"\d|[a-zA-Z]+", s.replace("+61", "0")):
        t = tok.lower()
        if t.isdigit():
            out.append(t * mult)
            mult = 1
        elif t == "double":
            mult = 2
        elif t == "triple":
            mult = 3
        elif t in NUMWORDS:
            out.append(NUMWORDS[t] * mult)
            mult = 1
    d = "".join(out)
    if d.startswith("610"):
        d = d[2:]
    elif d.startswith("61") and len(d) == 11:
        d = "0" + d[2:]
    return d


def check_dob(span: str, dob: str) -> str | None:
    y, m, d = (int(x) for x in str(dob).split("-"))
    s = span.lower()
    compact = re.sub(r"\D", "", s)
    if compact in {f"{d:02d}{m:02d}{y}", f"{d:02d}{m:02d}{y % 100:02d}", f"{d}{m}{y}"}:
        return None
    nums = []
    for w in re.findall(r"\d+(?:st|nd|rd|th)?|[a-z]+", s):
        mo = ORDINAL.match(w)
        if mo:
            nums.append(int(mo.group(1)))
        elif w.isdigit():
            nums.append(int(w))
        elif w in DAYWORDS:
            nums.append(DAYWORDS[w])
    month_named = any(
        mn.startswith(w) and len(w) >= 3 for w in re.findall(r"[a-z]+", s) for mn in [MONTHS[m - 1]]
    )
    other_month = any(
        w in MONTHS or w in [x[:3] for x in MONTHS]
        for w in re.findall(r"[a-z]+", s)
        if not MONTHS[m - 1].startswith(w)
    )
    if other_month:
        return f"month in {span!r} is not the registered {dob}"
    allowed = {d, m, y, y % 100}
    if any(n not in allowed for n in nums):
        return f"numbers in {span!r} not consistent with registered DOB {dob}"
    if d not in nums and not (month_named and nums == []):
        return f"day of registered DOB {dob} not found in {span!r}"
    if not (m in nums or month_named):
        return f"month of registered DOB {dob} not found in {span!r}"
    return None


def check_address(span: str, addr: str) -> str | None:
    def norm(x: str) -> set[str]:
        x = re.sub(r"([a-z])(\d)", r"\1 \2", x.lower().replace("/", " "))
        return {ABBREV.get(w, w) for w in words(x)}

    a, s = norm(addr), norm(span)
    extra = s - a - {"unit", "the", "of"}
    if extra:
        return f"words {sorted(extra)} of {span!r} not in registered address {addr!r}"
    if not (s & a - {"street", "road", "unit"}):
        return f"{span!r} shares nothing distinctive with {addr!r}"
    return None


def check_client_span(kind: str, span: str, client: dict) -> str | None:
    f = kind[len("client-") :]
    if f in ("name", "alias"):
        return check_name(span, client, f == "alias")
    if f == "dob":
        return check_dob(span, client["dob"])
    if f == "address":
        return check_address(span, client["address"])
    if f == "phone":
        reg = digits_of(client["phone"])
        got = digits_of(span)
        if got != reg:
            return f"phone {span!r} -> {got} != registered {reg}"
        return None
    if f == "email":
        if span.strip().lower() == client["email"].lower():
            return None
        return f"email {span!r} not registered"
    if f == "medicare":
        reg = re.sub(r"\D", "", str(client["medicare"]))
        got = re.sub(r"\D", "", span)
        if got == reg or (reg.startswith(got) and len(got) >= 10):
            return None
        return f"medicare {span!r} != registered {client['medicare']}"
    if f == "crn":

        def alnum(x: object) -> str:
            return re.sub(r"[^0-9a-z]", "", str(x).lower())

        same = alnum(span) == alnum(client["crn"])
        return None if same else f"CRN {span!r} != registered {client['crn']}"
    return f"unknown client kind {kind}"


def parse_text(raw: str) -> tuple[str, list[dict], list[dict], list[str]]:
    plain, remove, keep, errs = [], [], [], []
    pos = 0
    out_len = 0
    for m in MARK.finditer(raw):
        opener, kind, inner, closer = m.groups()
        before = raw[pos : m.start()]
        plain.append(before)
        out_len += len(before)
        if (opener == "[[") != (closer == "]]"):
            errs.append(f"mismatched brackets in {m.group(0)!r}")
        if any(t in inner for t in ("[[", "]]", "{{", "}}", "|")):
            errs.append(f"nested or stray markup inside {m.group(0)!r}")
        if not inner or inner != inner.strip():
            errs.append(f"span {m.group(0)!r} empty or has edge whitespace")
        if opener == "[[" and kind not in REMOVE_KINDS:
            errs.append(f"unknown remove kind {kind!r}")
        if opener == "{{" and kind not in KEEP_KINDS:
            errs.append(f"unknown keep kind {kind!r}")
        span = {"start": out_len, "end": out_len + len(inner), "kind": kind}
        (remove if opener == "[[" else keep).append(span)
        plain.append(inner)
        out_len += len(inner)
        pos = m.end()
    plain.append(raw[pos:])
    text = "".join(plain)
    for tok in ("[[", "]]", "{{", "}}"):
        if tok in text:
            errs.append(f"unbalanced markup: stray {tok!r} remains")
    return text, remove, keep, errs


def build(src: Path) -> tuple[list[dict[str, Any]], list[str]]:
    data = yaml.load(src.read_text(encoding="utf-8"), Loader=LineLoader)
    notes = data["notes"] if isinstance(data, dict) else data
    errors, out, seen = [], [], {}
    for n in notes:
        line = n.get("__line__", 0)

        def err(msg: str, line: int = line, nid: object = n.get("id")) -> None:
            errors.append(f"{src.name}:{line}: note {nid!r}: {msg}")

        nid = n.get("id")
        if not nid:
            err("missing id")
        elif nid in seen:
            err(f"duplicate id (first at line {seen[nid]})")
        else:
            seen[nid] = line
        if n.get("style") not in STYLES:
            err(f"style {n.get('style')!r} not in {sorted(STYLES)}")
        reg = n.get("register") or []
        if not 1 <= len(reg) <= 3:
            err("register must list 1-3 clients")
        codes = {}
        for c in reg:
            missing = REGISTER_FIELDS - set(c)
            if missing:
                err(f"client {c.get('code')!r} lacks {sorted(missing)}")
                continue
            codes[c["code"]] = c
            if not medicare_ok(c["medicare"]):
                err(f"client {c['code']} Medicare {c['medicare']} fails the check digit")
            if not re.fullmatch(r"\d{9}[A-Z]", re.sub(r"\s", "", str(c["crn"]))):
                err(f"client {c['code']} CRN {c['crn']!r} is not 9 digits + letter")
        about = n.get("about")
        if about not in codes:
            err(f"about {about!r} not a registered code")
        workers = n.get("workers") or []
        if not 1 <= len(workers) <= 3:
            err("workers must list 1-3 names")
        text, remove, keep, perrs = parse_text(n.get("text") or "")
        for e in perrs:
            err(e)
        for sp in remove:
            st = text[sp["start"] : sp["end"]]
            if sp["kind"].startswith("client-") and codes:
                # the span may belong to any registered client; must fit at least one
                msgs = [check_client_span(sp["kind"], st, c) for c in codes.values()]
                if all(msgs):
                    err(f"{sp['kind']} span {st!r}: {msgs[0]}")
        wt = set()
        for w in workers:
            wt |= set(words(w))
        for sp in keep:
            st = text[sp["start"] : sp["end"]]
            if sp["kind"] == "worker" and not set(words(st)) <= wt:
                err(f"worker span {st!r} not among workers {workers}")
            if sp["kind"] == "case-code" and st not in codes:
                err(f"case-code span {st!r} not registered")
        spans = sorted(remove + keep, key=lambda s: s["start"])
        for a, b in itertools.pairwise(spans):
            if b["start"] < a["end"]:
                err("overlapping spans")
        classes = n.get("class") or []
        if isinstance(classes, str):
            classes = [classes]
        if not classes:
            err("no class tags")
        reg_out = [{k: c[k] for k in c if k != "__line__"} for c in reg]
        for c in reg_out:
            c["dob"] = str(c["dob"])
        out.append(
            {
                "id": nid,
                "style": n.get("style"),
                "classes": classes,
                "register": reg_out,
                "about": about,
                "workers": workers,
                "text": text,
                "remove": remove,
                "keep": keep,
                "clean": not remove,
            }
        )
    return out, errors


def main(argv: list[str]) -> int:
    args = [a for a in argv if not a.startswith("--")]
    src = Path(args[0]) if args else HERE / "notes.src.yaml"
    dst = Path(args[1]) if len(args) > 1 else HERE / "notes.jsonl"
    out, errors = build(src)
    if errors:
        print("\n".join(errors), file=sys.stderr)
        print(f"{len(errors)} error(s); {dst} not written", file=sys.stderr)
        return 1
    if "--check" not in argv:
        with dst.open("w", encoding="utf-8") as fh:
            for o in out:
                fh.write(json.dumps(o, ensure_ascii=False) + "\n")
    print(f"{len(out)} notes OK -> {dst}")
    return 0


def main_for(here: Path, argv: list[str]) -> int:
    """Build another set's notes (bench/evalN/) with this builder: its own default paths."""
    paths = [a for a in argv if not a.startswith("-")]
    flags = [a for a in argv if a.startswith("-")]
    defaults = [str(here / "notes.src.yaml"), str(here / "notes.jsonl")]
    return main(flags + paths + defaults[len(paths) :])


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
