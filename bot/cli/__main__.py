"""``python -m bot.cli``: the ``casebot`` command, as `casebot serve --http` runs it each minute
(``casebot tick --scheduled``). Once the command has returned, everything is sent and recorded
or given back, and the database closed: the process ends at once, as a server's worker ends,
rather than wait at exit for a pool thread left behind (a stopped tick's were seen to hold it
past its server's graceful stop)."""

import logging
import os
import sys

from bot.cli import run

os.environ.setdefault("PYTHONUNBUFFERED", "1")
try:
    run()
except SystemExit as done:
    code = done.code if isinstance(done.code, int) else (0 if done.code is None else 1)
    sys.stdout.flush()
    sys.stderr.flush()
    logging.shutdown()
    os._exit(code)
