"""'Not identifying' on screen: the word list keeps Slack's limits and carries indexes only; the
register check behind a refusal catches near-spellings; the facilitators' question."""

from __future__ import annotations

import json

from bot.deidentify import KnownClient
from bot.domain import ClientIdentity, DraftView, RestoreChoices, TermDecision, TermQuestion
from bot.services.privacy import _near, _Register
from devkit.block_limits import problems, view_problems
from handlers import replies, restore, views


def test_the_word_list_keeps_slacks_limits_and_its_values_are_indexes():
    words = tuple(f"Word{n} " + "x" * 120 for n in range(150))
    view = views.keep_words_modal(RestoreChoices(7, "U1R-014", words, "abc"))
    assert view_problems(view) == []
    (block,) = [b for b in view["blocks"] if b.get("block_id") == "keep_word"]
    options = block["element"]["options"]
    assert len(options) == 100 and [o["value"] for o in options] == [str(i) for i in range(100)]
    assert "x" * 120 not in json.dumps(view)
    empty = views.keep_words_modal(RestoreChoices(7, "U1R-014", (), "abc"))
    assert view_problems(empty) == [] and "submit" not in empty


def test_the_preview_offers_the_button_only_when_a_word_could_be_restored():
    base = dict(draft_id=3, kind="update", case_code="U1R-014", replaced=("name",),
                meeting=None)
    only_code = DraftView(text="U1R-014 moved", spans=((0, 7, "name"),), **base)
    assert "draft_keep" not in json.dumps(replies.preview(only_code))
    shown = DraftView(text="went to [name]", spans=((8, 14, "person"),), restorable=True,
                      **base)
    payload = replies.preview(shown)
    assert "draft_keep" in json.dumps(payload) and problems(payload["blocks"],
                                                            surface="message") == []


def test_the_facilitators_question_and_answer():
    q = restore.question(TermQuestion(5, "Under 1 Roof", "U0KATE001", "U1R-014", "Sunny *Days*"))
    assert problems(q["blocks"], surface="message") == []
    assert '"value": "5"' in json.dumps(q)
    declined = restore.decided(TermDecision(5, "Under 1 Roof", False, "U0FAY0001", None))
    assert "Sunny" not in json.dumps(declined)
    again = restore.decided(TermDecision(5, "Under 1 Roof", True, "U0FAY0001", "Sunny Days",
                                         already=True))
    assert "Already decided" in json.dumps(again)


def test_the_register_check_catches_parts_numbers_and_near_spellings():
    identity = ClientIdentity(full_name="Jane Quokkafield", aliases=("Janey Q",),
                              address="17 Banksia Crescent, Zillmere QLD 4034",
                              phone="0412 345 678")
    register = _Register([KnownClient("U1R-014", identity)])
    for phrase in ("jane", "Quokkafields", "Quokafield", "Jayne", "Banksia Hub", "0412345678",
                   "ring 0412 345 678", "Zillmere"):
        assert register.resembles(phrase), phrase
    for phrase in ("Sunny Days", "Kalinda", "the library"):
        assert not register.resembles(phrase), phrase
    assert _near("kitten", "sitten", 1) and not _near("kitten", "sitting", 1)
