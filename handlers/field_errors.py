"""Where a modal shows a domain error: the error's ``field`` (the input it is about, in the
domain's words) picks the block, from one table; an error about no one input goes beside the
modal's main input."""

from __future__ import annotations

from bot.domain import CasebotError
from handlers.ids import BlockId, CallbackId

MAIN = "main"  # the block an error without a field of this modal's goes to

BLOCKS: dict[CallbackId, dict[str, BlockId]] = {
    CallbackId.ACTION_MODAL: {
        MAIN: BlockId.ACTION_TEXT,
        "client": BlockId.ACTION_CLIENT,
        "owner": BlockId.ACTION_OWNER,
        "text": BlockId.ACTION_TEXT,
        "due": BlockId.ACTION_DUE,
    },
    CallbackId.RECORD_MODAL: {
        MAIN: BlockId.RECORD_TEXT,
        "client": BlockId.RECORD_CLIENT,
        "text": BlockId.RECORD_TEXT,
    },
    CallbackId.UPDATE_MODAL: {MAIN: BlockId.UPDATE_TEXT},
    CallbackId.PROGRESS_MODAL: {MAIN: BlockId.PROGRESS_TEXT},
    CallbackId.PREVIEW_MODAL: {MAIN: BlockId.PREVIEW_HIDE},
    CallbackId.HIDE_MODAL: {MAIN: BlockId.PREVIEW_HIDE},
    CallbackId.KEEP_MODAL: {MAIN: BlockId.KEEP_WORD},
    CallbackId.PRESENT_MODAL: {MAIN: BlockId.PRESENT},
    CallbackId.REFER_MODAL: {
        MAIN: BlockId.REFER_SUMMARY,
        "agency": BlockId.REFER_AGENCY,
        "key_worker": BlockId.REFER_KEY_WORKER,
        "criteria": BlockId.REFER_CRITERIA,
        "summary": BlockId.REFER_SUMMARY,
        "consent_obtained": BlockId.REFER_CONSENT,
        "consent_date": BlockId.REFER_CONSENT_DATE,
        "consent_method": BlockId.REFER_CONSENT_METHOD,
        "agencies": BlockId.REFER_AGENCIES,
        "review_on": BlockId.REFER_REVIEW,
    },
    CallbackId.REFER_CHECK_MODAL: {MAIN: BlockId.REFER_HIDE},
    CallbackId.DECLINE_MODAL: {MAIN: BlockId.DECLINE_REASON},
    CallbackId.EXIT_MODAL: {
        MAIN: BlockId.EXIT_NOTE,
        "outcome": BlockId.EXIT_OUTCOME,
        "date": BlockId.EXIT_DATE,
        "note": BlockId.EXIT_NOTE,
    },
}
LIMIT = 150  # Slack shows no more of a block's error


def modal_errors(modal: CallbackId, exc: CasebotError) -> dict[str, str]:
    """``errors`` for ``response_action: errors``: the message on the block of its field."""
    blocks = BLOCKS[modal]
    block = blocks.get(exc.field or MAIN, blocks[MAIN])
    return {block: exc.message[:LIMIT]}
