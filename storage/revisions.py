"""The migrations this code carries, read from their files without Alembic or SQLAlchemy (a
health probe and every start-up check need only the newest one's name)."""

from __future__ import annotations

import ast
import re
from pathlib import Path

MIGRATIONS_DIR = Path(__file__).resolve().parent / "migrations"
VERSION_TABLE = "alembic_version"  # Alembic's default, which env.py keeps
# `revision = "0011"` / `down_revision = "0010"` (or annotated) at the start of a line.
_REVISION_LINE = re.compile(r"^(revision|down_revision)\s*(?::[^=\n]*)?=\s*(.+?)\s*$", re.M)


def _revisions() -> tuple[set[str], set[str]]:
    """Every migration's revision, and every revision some migration revises."""
    revisions: set[str] = set()
    revised: set[str] = set()
    for path in (MIGRATIONS_DIR / "versions").glob("*.py"):
        found = dict(_REVISION_LINE.findall(path.read_text(encoding="utf-8")))
        if "revision" not in found:
            continue
        revisions.add(ast.literal_eval(found["revision"]))
        down = ast.literal_eval(found.get("down_revision", "None"))
        revised.update([down] if isinstance(down, str) else down or ())
    return revisions, revised


def known_revisions() -> set[str]:
    """The revisions this code has migrations for (a database at another came from a newer
    Casebot)."""
    return _revisions()[0]


def head_revision() -> str | None:
    """The newest migration in ``migrations/versions``: the revision no other one revises."""
    revisions, revised = _revisions()
    heads = sorted(revisions - revised)
    if len(heads) > 1:
        raise RuntimeError(f"the migrations have several heads: {', '.join(heads)}")
    return heads[0] if heads else None
