"""Where each replacement stands in the text as given (Redaction.sources), for `casebot redact`."""

from __future__ import annotations

from hypothesis import given, settings
from hypothesis import strategies as st

from bot.deidentify import KnownClient, deidentify
from bot.domain import ClientIdentity

JANE = KnownClient(
    "U1R-014",
    ClientIdentity(full_name="Jane Quokkafield", aliases=("Janey Q",), phone="0412 345 678",
                   address="17 Banksia Crescent, Zillmere QLD 4034"),
)
FRAGMENTS = [
    "Jane Quokkafield", "Janey Q", "rang", "from 0412 345 678", "about", "Bob Smith", "at",
    "Centrelink", "on Tuesday", "email jq@example.com", "17 Banksia Crescent", "and", "her",
    "DOB 3/4/1988", "Medicare 2123 45670 1", "moved", "to Zillmere", ".", ",", "[name]",
]


def rebuilt(text: str, sources, spans, output: str) -> str:
    """The given text with each source stretch swapped for what stands in the output."""
    out, last = [], 0
    for (a, b, kind), (c, d, kind2) in zip(sorted(sources), sorted(spans), strict=True):
        assert kind == kind2
        out += [text[last:a], output[c:d]]
        last = b
    return "".join(out) + text[last:]


def test_sources_point_at_what_was_replaced():
    text = "Jane Quokkafield rang from 0412 345 678 about Bob Smith."
    r = deidentify(text, [JANE])
    assert [(text[a:b], kind) for a, b, kind in r.sources] == [
        ("Jane Quokkafield", "name"), ("0412 345 678", "phone"), ("Bob Smith", "person")]


def test_nothing_replaced_has_no_sources():
    assert deidentify("Rent starts 7 Dec at Micah Projects.", [JANE]).sources == ()


@settings(max_examples=150, deadline=None)
@given(st.lists(st.sampled_from(FRAGMENTS), min_size=1, max_size=14))
def test_swapping_the_sources_for_the_replacements_gives_the_output(words):
    text = " ".join(words)
    r = deidentify(text, [JANE])
    assert len(r.sources) == len(r.spans)
    assert rebuilt(text, r.sources, r.spans, r.text) == r.text
