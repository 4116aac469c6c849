"""Every action_id, callback_id and block_id in one place."""

from __future__ import annotations

from enum import StrEnum

COMMAND = "/casebot"


class ActionId(StrEnum):
    ATTEND = "attend"
    APOLOGISE = "apologise"
    UPDATE_OPEN = "update_open"
    UPDATE_EDIT = "update_edit"
    ACTION_OPEN = "action_open"
    ACTION_DONE = "action_done"
    ACTION_PROGRESS = "action_progress"
    NUDGE_SNOOZE = "nudge_snooze"
    HOME_ACTION_DONE = "home_action_done"
    DRAFT_CONFIRM = "draft_confirm"
    DRAFT_EDIT = "draft_edit"
    DRAFT_HIDE = "draft_hide"
    DRAFT_KEEP = "draft_keep"
    TERM_ALLOW = "term_allow"
    TERM_DECLINE = "term_decline"
    STEP_BACK = "step_back"
    STEP_NEXT = "step_next"
    STEP_SKIP = "step_skip"
    STEP_DISCUSSED = "step_discussed"
    STEP_SKIPPED = "step_skipped"
    MARK_PRESENT = "mark_present"
    RECORD_DECISION = "record_decision_open"
    RECORD_NOTE = "record_note_open"
    END_MEETING = "end_meeting"
    ACTION_REASSIGN_ASK = "action_reassign_ask"
    ACTION_REASSIGN = "action_reassign"
    RECORD_REMOVE = "record_remove"
    RECORD_EDIT = "record_edit"
    HOLIDAY_MOVE = "holiday_move"
    HOLIDAY_CANCEL = "holiday_cancel"


class CallbackId(StrEnum):
    UPDATE_MODAL = "update_modal"
    ACTION_MODAL = "action_modal"
    PROGRESS_MODAL = "progress_modal"
    RECORD_ACTION_SHORTCUT = "record_action"
    PREVIEW_MODAL = "preview_modal"
    HIDE_MODAL = "hide_modal"
    KEEP_MODAL = "keep_modal"
    RECORD_MODAL = "record_modal"
    PRESENT_MODAL = "present_modal"
    RECORD_DECISION_SHORTCUT = "record_decision"


class BlockId(StrEnum):
    UPDATE_TEXT = "update_text"
    ACTION_CLIENT = "action_client"
    ACTION_OWNER = "action_owner"
    ACTION_TEXT = "action_text"
    ACTION_DUE = "action_due"
    PROGRESS_TEXT = "progress_text"
    NUDGE_FOOTER = "nudge_footer"
    PROMPT_ANSWER = "prompt_answer"
    PREVIEW_HIDE = "preview_hide"
    KEEP_WORD = "keep_word"
    DRAFT_BUTTONS = "draft_buttons"
    RECORD_TEXT = "record_text"
    RECORD_CLIENT = "record_client"
    PRESENT = "present"


class InputId(StrEnum):
    """action_ids of input elements inside modals."""

    TEXT = "text"
    CODE = "code"
    OWNER = "owner"
    DUE = "due"
    USERS = "users"
    WORD = "word"
