"""A group's own onboarding checklist from a YAML or TOML file, checked line by line.

The file is a list of items, each with ``key``, ``title``, and optionally ``help`` and ``auto``
(attend, present or refer). YAML: a top-level list (or ``items:``). TOML: ``[[item]]`` tables.
Every problem is reported with its line number, all at once, so one edit fixes them all.
"""

from __future__ import annotations

import re
import tomllib
from dataclasses import dataclass
from typing import Any

import yaml

from bot.domain import AutoTick, InvalidInput, OnboardingItem
from bot.validation import clean_text

MAX_ITEMS = 20  # two blocks an item at most: a checklist DM stays within 50 blocks
MAX_KEY = 40
MAX_TITLE = 150
MAX_HELP = 1000
KEY = re.compile(r"[a-z0-9][a-z0-9_-]*")
FIELDS = ("key", "title", "help", "auto")
AUTOS = ", ".join(a.value for a in AutoTick)


@dataclass
class _Raw:
    line: int  # of the item
    fields: dict[str, Any]
    lines: dict[str, int]  # field -> its line


def parse(text: str, filename: str) -> list[OnboardingItem]:
    """The items of a checklist file, or InvalidInput listing every problem by line."""
    lowered = filename.lower()
    if lowered.endswith((".yaml", ".yml")):
        raws = _yaml(text)
    elif lowered.endswith(".toml"):
        raws = _toml(text)
    else:
        raise InvalidInput(f"{filename}: give a .yaml, .yml or .toml file")
    return _check(raws, filename)


def _yaml(text: str) -> list[_Raw]:
    try:
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"line {mark.line + 1}: " if mark is not None else ""
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise InvalidInput(f"{where}{problem}") from None
    if isinstance(root, yaml.MappingNode):
        found = [v for k, v in root.value if k.value in ("items", "item")]
        root = found[0] if found else None
    if not isinstance(root, yaml.SequenceNode):
        raise InvalidInput("line 1: the file must be a list of items (key, title, help, auto)")
    raws = []
    for node in root.value:
        line = node.start_mark.line + 1
        if not isinstance(node, yaml.MappingNode):
            raws.append(_Raw(line, {}, {}))
            continue
        fields: dict[str, Any] = {}
        lines: dict[str, int] = {}
        for key_node, value_node in node.value:
            name = str(key_node.value)
            lines[name] = key_node.start_mark.line + 1
            fields[name] = value_node.value if isinstance(value_node, yaml.ScalarNode) else None
        raws.append(_Raw(line, fields, lines))
    return raws


def _toml(text: str) -> list[_Raw]:
    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as exc:
        raise InvalidInput(str(exc)) from None  # "… (at line 3, column 7)"
    items = data.get("item", data.get("items"))
    if not isinstance(items, list):
        raise InvalidInput("line 1: the file must hold [[item]] tables (key, title, help, auto)")
    lines = text.splitlines()
    headers = [n for n, line in enumerate(lines, 1)
               if re.match(r"\s*\[\[\s*items?\s*\]\]", line)]
    raws = []
    for index, item in enumerate(items):
        start = headers[index] if index < len(headers) else 1
        end = headers[index + 1] if index + 1 < len(headers) else len(lines) + 1
        where: dict[str, int] = {}
        for n in range(start + 1, end):
            found = re.match(r"\s*([A-Za-z_][\w-]*)\s*=", lines[n - 1])
            if found:
                where.setdefault(found.group(1), n)
        raws.append(_Raw(start, dict(item) if isinstance(item, dict) else {}, where))
    return raws


def _check(raws: list[_Raw], filename: str) -> list[OnboardingItem]:
    problems: list[tuple[int, str]] = []
    seen: dict[str, int] = {}
    items = []
    if not raws:
        problems.append((1, "the checklist has no items"))
    if len(raws) > MAX_ITEMS:
        problems.append((raws[MAX_ITEMS].line, f"too many items (at most {MAX_ITEMS})"))
    for raw in raws:
        def at(name: str, raw: _Raw = raw) -> int:
            return raw.lines.get(name, raw.line)

        for name in raw.fields:
            if name not in FIELDS:
                problems.append((at(name), f"unknown field {name!r} (use {', '.join(FIELDS)})"))
        key = _text(raw.fields.get("key"))
        title = _text(raw.fields.get("title"))
        help_text = _text(raw.fields.get("help"))
        auto_text = _text(raw.fields.get("auto")).lower()
        if not key:
            problems.append((raw.line, "item has no key"))
        elif len(key) > MAX_KEY or not KEY.fullmatch(key):
            problems.append((at("key"), f"key {key[:MAX_KEY]!r}: use up to {MAX_KEY} lower-case "
                                        "letters, digits, - or _"))
        elif key in seen:
            problems.append((at("key"), f"duplicate key {key!r} (first at line {seen[key]})"))
        else:
            seen[key] = at("key")
        if not title:
            problems.append((raw.line, f"item {key or '?'!r} has no title"))
        elif len(title) > MAX_TITLE:
            problems.append((at("title"), f"title too long ({len(title)} characters, at most "
                                          f"{MAX_TITLE})"))
        if len(help_text) > MAX_HELP:
            problems.append((at("help"), f"help too long ({len(help_text)} characters, at most "
                                         f"{MAX_HELP})"))
        auto = None
        if auto_text:
            try:
                auto = AutoTick(auto_text)
            except ValueError:
                problems.append((at("auto"), f"unknown auto {auto_text[:20]!r} (one of {AUTOS})"))
        items.append(OnboardingItem(key, title, help_text, auto))
    if problems:
        listed = "; ".join(f"line {line}: {text}" for line, text in sorted(problems))
        raise InvalidInput(f"{filename}: {listed}. Nothing was changed.")
    return items


def _text(value: Any) -> str:
    if value is None:
        return ""
    return " ".join(clean_text(str(value)).split())
