"""``python -m bot.cli``: the ``casebot`` command (what `casebot serve --http` runs each minute)."""

import os

from bot.cli import run

os.environ.setdefault("PYTHONUNBUFFERED", "1")
run()
