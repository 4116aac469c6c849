"""One table places a modal's error by the field the service named."""

from __future__ import annotations

from bot.domain import InvalidInput, NotAuthorised
from handlers.field_errors import BLOCKS, MAIN, modal_errors
from handlers.ids import CallbackId


def test_the_table_sends_a_field_to_its_block_and_the_rest_beside_the_main_input():
    for modal, blocks in BLOCKS.items():
        for field, block in blocks.items():
            error = InvalidInput("x" * 200, field=None if field == MAIN else field)
            assert modal_errors(modal, error) == {block: "x" * 150}  # Slack's limit
    # A group called "Homeowners" once sent its members' refusals to the owner input.
    refused = NotAuthorised("Only members of Homeowners can record actions for its clients.")
    assert list(modal_errors(CallbackId.ACTION_MODAL, refused)) == ["action_text"]
    assert list(modal_errors(CallbackId.RECORD_MODAL, InvalidInput("?", field="due"))) == [
        "record_text"
    ]
