"""The floor for ``startup.py``'s memory and ``ack_load.py``'s acknowledgements: a bare Bolt app
under Casebot's own gunicorn.

Listeners for ``/casebot``, every button and every form submission, each of which only calls
``ack()``; no database, no services, no scheduler. It is served by ``handlers.http.serve`` (the
same gunicorn settings and worker class as ``casebot serve --http``) through Bolt's own WSGI
adapter, so the figures differ only by what Casebot itself adds.

    .venv/bin/python bench/bare_bolt.py --port 3001 [--workers 2] [--before-response]

Needs SLACK_BOT_TOKEN and SLACK_SIGNING_SECRET (and CASEBOT_SLACK_API_URL for a fake Slack).
"""

from __future__ import annotations

import argparse
import os
import sys
from collections.abc import Sequence
from pathlib import Path
from typing import Any

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))


def load(before_response: bool = False) -> Any:
    """The WSGI app, built in each worker after the fork (as Casebot's is). ``before_response``:
    Bolt runs the listener before answering, as Casebot's does (no polling for ``ack()``)."""
    import re

    from slack_bolt import Ack, App
    from slack_bolt.adapter.wsgi import SlackRequestHandler
    from slack_sdk import WebClient

    client = WebClient(
        token=os.environ["SLACK_BOT_TOKEN"],
        base_url=os.environ.get("CASEBOT_SLACK_API_URL") or WebClient.BASE_URL,
    )
    app = App(
        client=client,
        signing_secret=os.environ["SLACK_SIGNING_SECRET"],
        token_verification_enabled=False,
        process_before_response=before_response,
    )

    @app.command("/casebot")
    def casebot(ack: Ack) -> None:
        ack()

    # The floor of bench/ack_load.py's buttons and forms: the same payloads, acknowledged.
    @app.action(re.compile(".*"))
    def button(ack: Ack) -> None:
        ack()

    @app.view(re.compile(".*"))
    def form(ack: Ack) -> None:
        ack()

    handler = SlackRequestHandler(app)

    def application(environ: dict[str, Any], start: Any) -> Any:
        if environ.get("PATH_INFO") == "/healthz":
            start("200 OK", [("Content-Type", "text/plain")])
            return [b"ok"]
        return handler(environ, start)

    return application


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--host", default="127.0.0.1")
    parser.add_argument("--port", type=int, required=True)
    parser.add_argument("--workers", type=int, default=2)
    parser.add_argument("--before-response", action="store_true",
                        help="process_before_response=True, as Casebot (Bolt's default: False, "
                             "which polls every 10 ms for the listener's ack())")
    args = parser.parse_args(argv)
    from handlers.http import serve

    serve(lambda: load(args.before_response), host=args.host, port=args.port,
          workers=args.workers)
    return 0


if __name__ == "__main__":
    sys.exit(main())
