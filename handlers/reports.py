"""``/casebot report`` and its *Send me the full report* button: the headline figures answered
to the facilitator alone, then the HTML report uploaded to their DM (files.uploadV2)."""

from __future__ import annotations

from typing import Any

from slack_bolt import Ack, App, Respond
from slack_sdk import WebClient

from bot.context import AppContext
from bot.services.reports import summary
from handlers.background import later
from handlers.ids import ActionId
from handlers.parsing import button_value
from handlers.report_views import report_summary


def answer(ctx: AppContext, user: str, channel: str | None, respond: Respond) -> None:
    found = summary.headline(uow=ctx.uow(), clock=ctx.clock, user_id=user, channel_id=channel)
    respond(response_type="ephemeral", **report_summary(found))


def send_full_report(ctx: AppContext, client: WebClient, user: str, value: str,
                     respond: Respond) -> None:
    report = summary.full_report(uow=ctx.uow(), clock=ctx.clock, user_id=user, value=value)
    dm = client.conversations_open(users=user)["channel"]["id"]
    client.files_upload_v2(
        channel=dm, filename=report.filename, title=report.title,
        content=report.html.encode("utf-8"),
        initial_comment="Here is the full report. It opens in any browser, offline, and "
                        "prints on A4. It names no client.",
    )
    respond(response_type="ephemeral", replace_original=False,
            text="Sent: the report is in your DMs with Casebot.")


def register(app: App, ctx: AppContext) -> None:
    @app.action(ActionId.REPORT_SEND)
    def pressed(ack: Ack, body: dict[str, Any], client: WebClient, respond: Respond) -> None:
        ack()
        user = body["user"]["id"]
        value = button_value(body)
        later(client, body, lambda: send_full_report(ctx, client, user, value, respond))
