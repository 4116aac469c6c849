"""Properties of the forms people write a registered client in (issue 12): any case, "SURNAME,
First", initials, and phone numbers said in words. Names are generated, not picked, so no word
list can have them; the sentence around them is one of a case worker's."""

from __future__ import annotations

import re

from hypothesis import assume, given, settings
from hypothesis import strategies as st

from bot.deidentify import KnownClient, deidentify
from bot.deidentify.initials import ABBREVIATIONS
from bot.domain import ClientIdentity

_CONSONANTS = "bdfgklmnprstvz"
_VOWELS = "aeiou"
syllable = st.tuples(st.sampled_from(_CONSONANTS), st.sampled_from(_VOWELS)).map("".join)
# Invented names of 3-4 syllables with an "x" in them: no English word or lexicon name.
made_up = st.lists(syllable, min_size=3, max_size=4).map(lambda s: "x".join(s).capitalize())
digits = st.text("0123456789", min_size=8, max_size=8)
_SAID = ["zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"]
SENTENCES = [
    "{} rang this morning about the rent.",
    "spoke with {} at the drop-in, all ok",
    "Referral: {} — needs a bed tonight.",
    "saw {} at the van. meds collected",
]


def client(first: str, last: str, phone: str = "") -> KnownClient:
    return KnownClient("U1R-200", ClientIdentity(full_name=f"{first} {last}", phone=phone))


def gone(out: str, *words: str) -> bool:
    return not any(re.search(rf"(?i)(?<![^\W\d_]){re.escape(w)}(?![^\W\d_])", out) for w in words)


@settings(max_examples=60, deadline=None)
@given(made_up, made_up, st.sampled_from(SENTENCES), st.sampled_from([str.lower, str.upper]))
def test_a_name_in_lowercase_or_capitals_is_replaced(first, last, sentence, case):
    out = deidentify(sentence.format(case(f"{first} {last}")), [client(first, last)]).text
    assert gone(out, first, last)
    assert "U1R-200" in out


@settings(max_examples=60, deadline=None)
@given(made_up, made_up, st.sampled_from(SENTENCES))
def test_surname_first_with_an_initial_or_the_first_name_is_replaced(first, last, sentence):
    for written in (f"{last.upper()}, {first[0]}.", f"{last}, {first}", f"{last.upper()} {first}"):
        out = deidentify(sentence.format(written), [client(first, last)]).text
        assert gone(out, first, last), (written, out)
        assert not re.search(rf"\b{first[0]}\.", out), (written, out)  # the initial went too


@settings(max_examples=60, deadline=None)
@given(made_up, made_up, st.sampled_from(SENTENCES))
def test_initials_of_the_client_in_play_are_replaced(first, last, sentence):
    initials = first[0] + last[0]
    assume(initials.casefold() not in ABBREVIATIONS)  # "BF" is a boyfriend, "GP" a doctor
    for written in (f"{initials}", f"{first[0]}.{last[0]}.", f"{first[0]}. {last}"):
        out = deidentify(sentence.format(written), [client(first, last)]).text
        assert "U1R-200" in out, (written, out)
        assert gone(out, last), (written, out)


@settings(max_examples=60, deadline=None)
@given(digits, st.sampled_from([", ", " ", "-"]), st.booleans())
def test_a_mobile_said_in_words_is_replaced(rest, gap, oh):
    number = "04" + rest
    words = [("oh" if oh else "zero") if d == "0" else _SAID[int(d)] for d in number]
    said = gap.join(" ".join(words[i : i + 4]) for i in range(0, 10, 4))
    out = deidentify(f"new number is {said} text first", [client("Xo", "Yu", number)]).text
    assert "[phone]" in out
    assert not any(w in out.split() for w in _SAID[1:]), out


@settings(max_examples=40, deadline=None)
@given(digits)
def test_anyones_mobile_in_words_is_replaced_without_a_register(rest):
    said = " ".join(_SAID[int(d)] for d in "04" + rest)
    assert deidentify(f"her sister's mob {said}").text == "her sister's mob [phone]"


def test_everyday_words_and_sums_in_words_survive():
    for text in (
        "one or two of them, maybe three",
        "oh well, four nights at the hostel then two at Ozcare",
        "no joy with the claim yet, hope to hear Tuesday",
        "will ring back. the phone bill is due",
    ):
        assert deidentify(text, [client("Joy", "Hope")]).text == text


def test_the_authors_preview_bolds_every_replacement_of_the_new_forms():
    """What the author sees before confirming: each replacement marked, nothing else."""
    from handlers.text import marked

    c = KnownClient(
        "U1R-200",
        ClientIdentity(
            full_name="Faith Nguyen", phone="0423 118 907", address="15 Cordelia Street, Bowen QLD"
        ),
    )
    text = (
        "Ms Nguyen (F.N.) still at cordelia st. new number oh four two three, one one eight, "
        "nine oh seven. her cousin tevita has passport N4456789. DOB 16101981"
    )
    r = deidentify(text, [c])
    shown = marked(r.text, r.spans)
    for placeholder in ("U1R-200", "[address]", "[phone]", "[name]", "[ID]", "[DOB]"):
        assert f"*{placeholder}*" in shown, (placeholder, shown)
    assert shown.count("*") == 2 * len(r.spans)
