"""``casebot redact``: de-identify text from standard input against the register.

For case studies and training material, and for checking a text before it is shared elsewhere.
Everything is read and checked before anything is printed: a bad line prints nothing.
"""

from __future__ import annotations

import argparse
import json

from bot import validation
from bot.bootstrap import Container
from bot.cli.admin import require_schema
from bot.cli.console import Console
from bot.domain import InvalidInput
from bot.services import privacy

MAX_INPUT = 5_000_000  # characters: a whole book of notes, not an accidental binary


def _items(args: argparse.Namespace, text: str) -> list[tuple[str | None, str]]:
    default = validation.case_code(args.client) if args.client else None
    if not args.jsonl:
        return [(default, text)]
    items: list[tuple[str | None, str]] = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        try:
            record = json.loads(line)
        except json.JSONDecodeError:
            raise InvalidInput(f"line {number} is not JSON") from None
        if not isinstance(record, dict) or not isinstance(record.get("text"), str):
            raise InvalidInput(f'line {number} needs {{"client": CODE, "text": "…"}}')
        code = record.get("client")
        if code is not None and not isinstance(code, str):
            raise InvalidInput(f"line {number}: client must be a case code")
        try:
            items.append((validation.case_code(code) if code else default, record["text"]))
        except InvalidInput as exc:
            raise InvalidInput(f"line {number}: {exc.message}") from None
    return items


def cmd_redact(app: Container, args: argparse.Namespace, console: Console) -> int:
    require_schema(app)
    # A byte-order mark (Windows tools write one) is not part of the first line's text or JSON.
    text = console.stdin.read(MAX_INPUT + 1).removeprefix("\ufeff")
    if len(text) > MAX_INPUT:
        raise InvalidInput(f"the input is longer than {MAX_INPUT:,} characters; split it")
    items = _items(args, text)
    results = privacy.redact_texts(
        uow=app.uow(), clock=app.clock, items=items, group=args.group, actor=console.actor()
    )
    if args.jsonl:
        for result in results:
            line = {"text": result.text, "replaced": dict(sorted(result.replaced.items()))}
            console.out.write(json.dumps(line, ensure_ascii=False) + "\n")
    else:
        console.out.write(results[0].text)
        if results[0].text and not results[0].text.endswith("\n"):
            console.out.write("\n")
        summary = ", ".join(f"{n} {k}" for k, n in sorted(results[0].replaced.items()) if n)
        console.err.write(f"casebot: replaced {summary or 'nothing'}\n")
    return 0
