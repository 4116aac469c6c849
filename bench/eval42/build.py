#!/usr/bin/env python3
"""Build bench/eval42/notes.jsonl from bench/eval42/notes.src.yaml with bench/eval's builder (the
same markup, validation and format; see bench/eval/README.md).

Usage: python bench/eval42/build.py [--check] [src] [out]
"""

from __future__ import annotations

import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parent / "eval"))

import build  # noqa: E402  (bench/eval/build.py)

if __name__ == "__main__":
    sys.exit(build.main_for(HERE, sys.argv[1:]))
