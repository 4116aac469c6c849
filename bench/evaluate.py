"""Score the de-identifier on an evaluation set it was not written with (bench/eval/notes.jsonl).

Each note carries its own register, the workers' names and span-level gold: what must be removed
and what must survive. The engine runs as `casebot redact` runs it: every registered client of
the note in play; the built-in services and the workers' names (the real name, the first name
as a display name, and the surname after a title) kept. A must-remove span counts as removed
when every letter and digit of it is inside a replacement (``Redaction.sources``); a
must-survive span counts as kept when none of it is. Every miss is listed.

    .venv/bin/python bench/evaluate.py [--set bench/eval/notes.jsonl] [--misses N]
"""

from __future__ import annotations

import argparse
import json
import sys
from collections import Counter, defaultdict
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from bot.deidentify import COMMON_SERVICES, KnownClient, deidentify  # noqa: E402
from bot.deidentify.text import normalise  # noqa: E402
from bot.domain import ClientIdentity  # noqa: E402
from bot.services.privacy import members_kept, original_positions  # noqa: E402

GROUPS = {  # how the gold kinds are reported
    "register": ("client-",),
    "other names": ("name",),
    "other phones, emails, IDs, addresses, DOBs": ("phone", "email", "id", "address", "dob"),
}


def identity(entry: dict[str, Any]) -> ClientIdentity:
    """The gold set writes ``dob``; the register's own field is ``date_of_birth``."""
    return ClientIdentity.from_dict({**entry, "date_of_birth": entry.get("dob")})


def covered(start: int, end: int, text: str, holes: list[tuple[int, int]]) -> tuple[int, int]:
    """(letters and digits of text[start:end] inside a replacement, all of them)."""
    inside = total = 0
    for i in range(start, end):
        if text[i].isalnum():
            total += 1
            inside += any(a <= i < b for a, b in holes)
    return inside, total


def restorable(kept: str, kind: str, register: list[dict[str, Any]]) -> bool:
    """Could the author give this word back with *Not identifying*? Not a client's name (its
    replacement is the case code), nor a word of anyone's registered details."""
    if kind == "name":
        return False
    words = {w.casefold() for c in register for v in c.values() for w in str(v).split()}
    return not any(w.casefold().strip(".,") in words for w in kept.split())


def score(
    notes: list[dict[str, Any]], *, strict: bool = False, whole_register: bool = False
) -> dict[str, Any]:
    removed: Counter[str] = Counter()
    to_remove: Counter[str] = Counter()
    kept: Counter[str] = Counter()
    to_keep: Counter[str] = Counter()
    misses: dict[str, list[str]] = defaultdict(list)
    clean_changed: list[str] = []
    clean = 0
    restored = 0  # wrongly removed words the author could give back (Not identifying)
    everyone: dict[str, KnownClient] = {}
    if whole_register:  # as the app runs it: every registered client of the set, in every note
        for note in notes:
            for c in note.get("register", []):
                everyone.setdefault(c["code"], KnownClient(c["code"], identity(c)))
    for note in notes:
        text = note["text"]
        clients = list(everyone.values()) if whole_register else [
            KnownClient(c["code"], identity(c)) for c in note.get("register", [])
        ]
        # Members as Slack knows them: a real name and a display name (often the first name).
        workers = note.get("workers", [])
        # As the app keeps them: a form that quotes a registered client's detail is not kept.
        keep = [*COMMON_SERVICES, *members_kept(((w, w.split()[0]) for w in workers if w.split()),
                                                clients)]
        result = deidentify(text, clients, keep=keep, strict=strict)
        folded = normalise(text)
        sources = result.sources
        if folded != text:  # look-alikes folded ("…" to "..."): back to the note's positions
            back = original_positions(folded, text)
            sources = tuple((back[a], back[b], kind) for a, b, kind in sources)
        holes = [(a, b) for a, b, _kind in sources]
        for span in note.get("remove", []):
            kind = span["kind"]
            inside, total = covered(span["start"], span["end"], text, holes)
            to_remove[kind] += 1
            if total and inside == total:
                removed[kind] += 1
            else:
                misses[f"leaked {kind}"].append(
                    f"{note['id']}: {text[span['start']:span['end']]!r} → {result.text!r}"
                )
        for span in note.get("keep", []):
            kind = span["kind"]
            inside, _ = covered(span["start"], span["end"], text, holes)
            to_keep[kind] += 1
            if inside == 0:
                kept[kind] += 1
            else:
                by = {k for a, b, k in sources if a < span["end"] and span["start"] < b}
                piece = text[span["start"] : span["end"]]
                restored += all(restorable(piece, k, note["register"]) for k in by)
                misses[f"removed {kind}"].append(
                    f"{note['id']}: {text[span['start']:span['end']]!r} → {result.text!r}"
                )
        if note.get("clean"):
            clean += 1
            if (result.text != text) if folded == text else bool(sources):
                clean_changed.append(f"{note['id']}: {text!r} → {result.text!r}")
    return {
        "notes": len(notes),
        "removed": removed,
        "to_remove": to_remove,
        "kept": kept,
        "to_keep": to_keep,
        "misses": misses,
        "clean": clean,
        "clean_changed": clean_changed,
        "restored": restored,
    }


def _rate(hit: int, total: int) -> str:
    return f"{100 * hit / total:.1f}% ({hit}/{total})" if total else "–"


def report(result: dict[str, Any], *, misses: int) -> str:
    removed, to_remove = result["removed"], result["to_remove"]
    lines = [f"Evaluation set: {result['notes']} notes", "", "| what | rate |", "|---|---|"]
    for label, prefixes in GROUPS.items():
        kinds = [k for k in to_remove if k.startswith(prefixes)]
        hit = sum(removed[k] for k in kinds)
        lines.append(f"| removed: {label} | {_rate(hit, sum(to_remove[k] for k in kinds))} |")
    kept, to_keep = result["kept"], result["to_keep"]
    survived = _rate(sum(kept.values()), sum(to_keep.values()))
    lines.append(f"| kept: must-survive words | {survived} |")
    after = _rate(sum(kept.values()) + result["restored"], sum(to_keep.values()))
    lines.append(f"| kept, once the author restores what *Not identifying* allows | {after} |")
    unchanged = result["clean"] - len(result["clean_changed"])
    clean = _rate(unchanged, result["clean"])
    lines.append(f"| notes with nothing identifying, unchanged | {clean} |")
    lines += ["", "| kind | rate |", "|---|---|"]
    for kind in sorted(to_remove):
        lines.append(f"| remove {kind} | {_rate(removed[kind], to_remove[kind])} |")
    for kind in sorted(to_keep):
        lines.append(f"| keep {kind} | {_rate(kept[kind], to_keep[kind])} |")
    lines += ["", "Misses:"]
    for what, found in sorted(result["misses"].items()):
        lines.append(f"- {what} ({len(found)}):")
        lines += [f"  - {m}" for m in found[:misses]]
    for m in result["clean_changed"][:misses]:
        lines.append(f"- clean note changed: {m}")
    return "\n".join(lines)


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--set", type=Path, default=ROOT / "bench/eval/notes.jsonl")
    parser.add_argument("--misses", type=int, default=1000, help="misses listed per kind")
    parser.add_argument("--strict", action="store_true", help="a word-name with no cue is the name")
    parser.add_argument("--whole-register", action="store_true",
                        help="give every note all the set's clients, as the app does (default: "
                             "the note's own register, as the set's gold was written)")
    parser.add_argument("--class", dest="only", metavar="CLASS",
                        help="score only the notes tagged with this class (e.g. part-a)")
    args = parser.parse_args()
    notes = [json.loads(line) for line in args.set.read_text(encoding="utf-8").splitlines() if line]
    if args.only:
        notes = [n for n in notes if args.only in n.get("classes", [])]
        if not notes:
            print(f"evaluate.py: no note in {args.set} is tagged {args.only!r}", file=sys.stderr)
            return 2
    print(report(score(notes, strict=args.strict, whole_register=args.whole_register),
                 misses=args.misses))
    return 0


if __name__ == "__main__":
    sys.exit(main())
