"""Every action_id, callback_id and block_id in one place."""

from __future__ import annotations

from enum import StrEnum

COMMAND = "/casebot"


class ActionId(StrEnum):
    # Onboarding (issue 14): a champion ticks an item or reads its help ("<champion id>:<key>"),
    # a mentor nudges a mentee ("<champion id>"), a facilitator welcomes a champion.
    ONBOARDING_TICK = "onboarding_tick"
    ONBOARDING_HELP = "onboarding_help"
    MENTEE_NUDGE = "mentee_nudge"
    WELCOME_CHAMPION = "welcome_champion"
    ATTEND = "attend"
    APOLOGISE = "apologise"
    UPDATE_OPEN = "update_open"
    UPDATE_EDIT = "update_edit"
    ACTION_OPEN = "action_open"
    ACTION_DONE = "action_done"
    ACTION_PROGRESS = "action_progress"
    NUDGE_SNOOZE = "nudge_snooze"
    HOME_ACTION_DONE = "home_action_done"
    HOME_PAGE = "home_page"  # "<list>:<page>": another page of a list on the Home tab
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
    REFERRAL_ACCEPT = "referral_accept"
    REFERRAL_DECLINE = "referral_decline"
    REFERRAL_MORE_INFO = "referral_more_info"
    REPORT_SEND = "report_send"  # "<group id>:<first day>:<last day>", checked again


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
    REFER_MODAL = "refer_modal"
    REFER_CHECK_MODAL = "refer_check_modal"
    DECLINE_MODAL = "decline_modal"
    EXIT_MODAL = "exit_modal"


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
    REFER_AGENCY = "refer_agency"
    REFER_KEY_WORKER = "refer_key_worker"
    REFER_CRITERIA = "refer_criteria"
    REFER_SUMMARY = "refer_summary"
    REFER_CONSENT = "refer_consent"
    REFER_CONSENT_DATE = "refer_consent_date"
    REFER_CONSENT_METHOD = "refer_consent_method"
    REFER_AGENCIES = "refer_agencies"
    REFER_REVIEW = "refer_review"
    REFER_HIDE = "refer_hide"
    DECLINE_REASON = "decline_reason"
    EXIT_OUTCOME = "exit_outcome"
    EXIT_DATE = "exit_date"
    EXIT_NOTE = "exit_note"


class InputId(StrEnum):
    """action_ids of input elements inside modals."""

    TEXT = "text"
    CODE = "code"
    OWNER = "owner"
    DUE = "due"
    USERS = "users"
    WORD = "word"
    AGENCY = "agency"
    CHOICE = "choice"
    CHOICES = "choices"
    DATE = "date"
