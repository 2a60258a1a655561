"""``names``: one house form per named entity (renamed places, transliterated names).

Each entry of ``entries`` lists the forms of one entity, ``forms: [Kyiv,
Kiev]``; the first is the house form unless the project's ``prefer`` setting
names another form of that entry. Every use of another form is reported with
the house form as the single suggestion. Forms are literal and matched
case-sensitively (proper nouns) as written, with a capital first letter, or
in capitals (``KIEV`` in a headline, fixed to ``KYIV``); a space matches any
run of white space and an apostrophe either ``'`` or ``’``.

Not reported: a form inside one of the entry's ``exceptions`` (``chicken
Kiev``), and a gloss, where two forms of the entity stand side by side with
a cue such as ``formerly`` or ``now`` between them or the second in brackets
(``Kyiv (formerly Kiev)``, ``Bombay, now Mumbai``), or a sentence that tells of the
renaming (``renamed Burma as Myanmar``, ``which renamed the country Myanmar``). When
a story also uses another form of the same entity outside a gloss, the hit carries
``mixedmessage`` and points at that other use: two forms of one entity in one
story are always a finding. Message arguments: the house form, the form
found, and (for ``mixedmessage``) the other form the story uses.

The house form is the suggestion, and ``fix`` applies it, except where a
rewrite could change what the sentence says: a form used as a name or as the
name of its time (``after three years as Nur-Sultan``, ``calls the country
Burma``, ``the name Bombay``, ``Bombay, as it was then called``) and a form
side by side with another form of the same entity (``Kiev or Kyiv``). Those
are reported with the suggestion and no automatic fix. A form used as a name
with the years or the era it was used (``was called Nur-Sultan from 2019 to
2022``, ``Leningrad, as the city was known until 1991``, ``... in Soviet times``,
``when the capital was still Alma-Ata``) is history, not reported.
"""

import re
from collections.abc import Iterator, Mapping
from typing import Any, NamedTuple

from linter.analysis import Analysis
from linter.kinds import specs
from linter.kinds.base import (
    Exceptions,
    Kind,
    OptionError,
    keep_case,
    matches,
    pattern_anchors,
    rule_regex,
    term_and_exception_scanners,
    term_scanner,
)
from linter.kinds.visibility import visible
from linter.lib.cache import compile_pattern
from linter.lib.scan import Scanner
from linter.lib.shown import brief
from linter.model.document import Document
from linter.model.rule import Hit, Rule

_ENTRY_KEYS = frozenset({"forms", "exceptions"})
_GLOSS_GAP = 40
# What may stand between the two forms of a gloss: brackets, commas, dashes,
# and a few words, at least one of them a cue (checked by _GLOSS_CUE).
_GLOSS_BETWEEN = compile_pattern(
    r"[\s,(:—–-]*(?:(?:[a-z]+|[A-Z][a-z]+|\d{4}s?)[\s,(:—–-]*){0,5}"
)
_GLOSS_CUE = compile_pattern(
    r"\b(?:formerly|previously|once|then|earlier|originally|former|old|renamed|now|later"
    r"|today|known|spelled|spelt|called|named|until|also)\b"
)
# A name told as the old one: "the old name of the city", "its Soviet-era name".
_OLD_NAME = (r"\b(?:old|former|earlier|original|previous|[A-Za-z]+-era)\s+name"
             r"(?:\s+(?:of|for)\s+(?:the\s+|its\s+)?[\w-]+)?")
# A form used as a name, or of its time, where rewriting it would change what the sentence
# says: "after three years as Nur-Sultan", "calls the country Burma", "the name Bombay".
# Such a use is still reported, with the house form as a suggestion, but never fixed.
_NAMING_BEFORE = compile_pattern(
    r"(?:\b(?:years?|months?|decades?|weeks?|days?|centur(?:y|ies)|era|period|spell|stint|time)\s+as"
    r"|\b(?:known|referred\s+to|renamed|rebranded)\s+as"
    r"|\bcall(?:s|ed|ing)?(?:\s+(?:it|them|the\s+\w+|its\s+\w+|this\s+\w+|that\s+\w+))?"
    r"|\b(?:re)?nam(?:e|es|ed|ing)(?:\s+(?:it|of|was|is|from))?|\bdubbed|\bspel(?:t|led|ling)"
    r"|\b(?:word|term|formerly|previously|originally|then-named|then)"
    r"|" + _OLD_NAME + r"(?:\s+of)?"
    r"|\b(?:was|were)\s+still"
    r")[\s,:]*$"
)
# A name of its time told with "still" before it: "when the capital was still Alma-Ata",
# "was still called Leningrad" (the name changed later); or with "then" or "once", "at the
# time" in a word: "the city, then known as Leningrad", "the then-named Alma-Ata", "in what
# was then Zaire"; or with "formerly", which says the name is no longer used: "The city,
# formerly Alma-Ata, ...", "previously known as Nur-Sultan"; or as the old name: "The old
# name of the city, Alma-Ata, ...", "its Soviet-era name, Alma-Ata", "its old name of Alma-Ata".
_STILL_NAMED = compile_pattern(r"(?:\b(?:was|were)\s+(?:still|then|once)\s+"
                               r"(?:(?:called|named|known\s+as)\s+)?"
                               r"|\b(?:then|once)(?:-|\s+)(?:known\s+as|called|named|spelt|spelled)\s*"
                               r"|\b(?:formerly|previously|originally)\s+"
                               r"(?:(?:known\s+as|called|named|spelt|spelled)\s+)?"
                               r"|" + _OLD_NAME + r"(?:\s*[,:]\s*|\s+of\s+|\s+))$")
# (the group "then": "Bombay, as it was then called", the name of its time)
_NAMING_AFTER = compile_pattern(
    r"\s*,?\s*as\s+(?:it|the\s+\w+|they|he|she|some|many|most|[A-Z][\w-]+)\s+"
    r"(?:(?:was|were|is|are|had\s+been)\s+)?(?:(?P<then>then|once)\s+|still\s+|long\s+)?"
    r"(?:called|known|named|calls?|knew|spelt|spelled)\b"
)
_NAMING_WINDOW = 48
# The years a name was used, right after it (or its language: "spelled Kiev in English until
# 2019"): "was called Nur-Sultan from 2019 to 2022", "Leningrad until 1991", or its era: "in Soviet
# times", "before independence", "at the time". A form named as a name with its time is history.
_ITS_TIME = compile_pattern(
    r"\s*,?\s*(?:in\s+(?:English|the\s+West|[A-Z][a-z]+\s+(?:media|maps|usage))\s+)?"
    r"(?:(?:from|until|till|between|before|in|after)\s+(?:the\s+)?\d{4}s?\b"
    r"|(?:in|during|under)\s+(?:the\s+)?(?:Soviet|colonial|imperial|Ottoman|Tsarist|communist|British|French"
    r"|Portuguese|Spanish|Dutch|Belgian|Japanese)\s+(?:times|days|era|period|rule)\b"
    r"|(?:before|until)\s+independence\b|at\s+the\s+time\b)")
# ... or its era opening the sentence: "In Soviet times, the city was known as Kishinev",
# "Until 1991 it was called Leningrad", "In the days of the Soviet Union, ...".
_TIME_OPENING = compile_pattern(
    r"(?:In|During|Under|Until|Till|Before)\s+(?:the\s+)?(?:\d{4}s?\b|(?:(?:days|time|times|era)\s+of\s+"
    r"(?:the\s+)?)?(?:Soviet|USSR|colonial|imperial|Ottoman|Tsarist|communist|British|French|Portuguese"
    r"|Spanish|Dutch|Belgian|Japanese)\b|independence\b)")
_TIME_OPENING_REACH = 120
# A renaming told in one sentence, between two forms or just before the first.
_RENAMING = compile_pattern(r"\b(?:renam|rebrand)(?:e|es|ed|ing)\b"
                            r"|\bchang(?:e|es|ed|ing)\s+(?:its|their|the)\s+name\b")
_RENAMING_GAP = 100
_RENAMING_BEFORE = 30
# ... or told of the old form alone, right after it: "Alma-Ata was renamed in 1993", "The
# former capital, Alma-Ata, was renamed ...", "Bombay, which was officially renamed in 1995".
_RENAMED_AFTER = compile_pattern(r"(?:,[^,.;\n]{0,60},|,)?\s+(?:(?:which|that)\s+)?"
                                 r"(?:was|were|has\s+been|had\s+been)\s+(?:\w+ly\s+)?renamed\b")
_SENTENCE_END = compile_pattern(r"[.!?;]\s")
# The fixed name of an event that keeps the old form: "the Battle of Kiev", "the Siege of
# Leningrad", "the Treaty of Alma-Ata".
_EVENT = compile_pattern(r"\b(?:Battle|Siege|Sack|Fall|Treaty|Peace|Congress|Pact|Massacre|Defence|Defense)"
                         r"\s+of\s+\Z")
# Two forms of one entity this close together are being compared or contrasted
# ("Kiev or Kyiv"), not slipped between: neither is rewritten.
_SIDE_BY_SIDE = 60


class Entry(NamedTuple):
    """The forms of one entity; ``house`` indexes the form to use."""

    forms: tuple[str, ...]
    house: int = 0


class Options(NamedTuple):
    entries: tuple[Entry, ...]
    pattern: re.Pattern[str]
    lookup: Mapping[str, tuple[int, int]]  # spelling as matched -> (entry, form)
    exceptions: Exceptions
    ignorecase: bool
    mixed_message: str
    scanner: Scanner | None = None


class _Use(NamedTuple):
    start: int
    end: int
    entry: int
    form: int


def _entry(raw: Any, index: int) -> tuple[tuple[str, ...], tuple[str, ...]]:
    where = f"entries[{index}]"
    if not isinstance(raw, dict) or "forms" not in raw or set(raw) - _ENTRY_KEYS:
        raise OptionError("entries", f"{where}: expected a mapping with forms (and exceptions)")
    try:
        forms = specs.string_list(raw["forms"])
        exceptions = specs.string_list(raw.get("exceptions", []))
    except ValueError as exc:
        raise OptionError("entries", f"{where}: {exc}") from None
    if len(forms) < 2 or len(set(forms)) != len(forms) or not all(f.strip() for f in forms):
        raise OptionError("entries", f"{where}: forms needs two or more different names")
    return forms, exceptions


def _spellings(form: str, ignorecase: bool) -> set[str]:
    if ignorecase:
        return {form.casefold()}
    return {form, form[:1].upper() + form[1:], form.upper()}


def _normal(text: str, ignorecase: bool) -> str:
    text = " ".join(text.replace("’", "'").split())
    return text.casefold() if ignorecase else text


def _literal(spelling: str) -> str:
    words = (re.escape(w).replace("'", "['’]") for w in spelling.split())
    return r"\s+".join(words)


def _lookup(entries: tuple[Entry, ...], ignorecase: bool) -> dict[str, tuple[int, int]]:
    lookup: dict[str, tuple[int, int]] = {}
    for e, entry in enumerate(entries):
        for f, form in enumerate(entry.forms):
            for spelling in _spellings(_normal(form, False), ignorecase):
                owner = lookup.setdefault(spelling, (e, f))
                if owner[0] != e:
                    raise OptionError("entries", f"{brief(form)} is a form of two entries")
    return lookup


def build(keys: Mapping[str, Any]) -> Options:
    raw = keys["entries"]
    if not isinstance(raw, list) or not raw:
        raise OptionError("entries", "names needs a non-empty list of entries")
    parsed = [_entry(item, i) for i, item in enumerate(raw)]
    entries = tuple(Entry(forms) for forms, _ in parsed)
    ignorecase = keys["ignorecase"]
    lookup = _lookup(entries, ignorecase)
    alternation = "|".join(_literal(s) for s in sorted(lookup, key=lambda s: (-len(s), s)))
    flags = re.MULTILINE | (re.IGNORECASE if ignorecase else 0)
    phrases = [p for _, exceptions in parsed for p in exceptions] + list(keys["exceptions"])
    pattern = rule_regex("entries", rf"\b(?:{alternation})\b", flags)
    return Options(
        entries, pattern, lookup, Exceptions.build(phrases, ignorecase=True), ignorecase,
        keys["mixedmessage"], term_scanner(pattern),
    )


def _house(entry: Entry, prefer: tuple[str, ...]) -> int:
    chosen = [i for i, form in enumerate(entry.forms) if form in prefer]
    if len(chosen) > 1:
        first, second = (entry.forms[i] for i in chosen[:2])
        raise OptionError("prefer", f"{brief(first)} and {brief(second)} name one entity; prefer only one")
    return chosen[0] if chosen else 0


def configure(options: Options, settings: Mapping[str, Any]) -> Options:
    """Make each entry's house form the one ``prefer`` names, if any (else its first)."""
    prefer = tuple(settings.get("prefer", ()))
    entries = tuple(e._replace(house=_house(e, prefer)) for e in options.entries)
    return options._replace(entries=entries)


def preferable(options: Options) -> frozenset[str]:
    """Every form the ``prefer`` setting may name for this rule."""
    return frozenset(form for entry in options.entries for form in entry.forms)


def house(options: Options) -> frozenset[str]:
    """The house form of each entry (after ``prefer``)."""
    return frozenset(entry.forms[entry.house] for entry in options.entries)


def _uses(doc: Document, an: Analysis, rule: Rule, opts: Options) -> list[_Use]:
    """Visible uses outside exception phrases, in text order."""
    excused = opts.exceptions.excuser(doc.text, an)
    uses = []
    for start, end, m in matches(opts.pattern, doc.text, opts.scanner, an):
        found = opts.lookup.get(_normal(m.group(), opts.ignorecase))
        if found is None or excused(start, end) or not visible(doc, an, rule, start, end):
            continue
        uses.append(_Use(start, end, *found))
    return uses


def house_uses(doc: Document, an: Analysis, rule: Rule) -> Iterator[tuple[int, int, str]]:
    """Each visible use of an entity's house form, outside exception phrases, in text order:
    (start, end, the house form). What an audit counts beside the findings (the old names),
    to show how the house form took over."""
    opts: Options = rule.options
    for use in _uses(doc, an, rule, opts):
        entry = opts.entries[use.entry]
        if use.form == entry.house:
            yield use.start, use.end, entry.forms[entry.house]


def _is_gloss(text: str, first: _Use, second: _Use) -> bool:
    between = text[first.end:second.start]
    if first.entry != second.entry or first.form == second.form:
        return False
    if _renaming(text, first, second):
        return True
    if len(between) > _GLOSS_GAP:
        return False
    if _GLOSS_BETWEEN.fullmatch(between) is None:
        return False
    return between.strip() == "(" or _GLOSS_CUE.search(between) is not None


def _renaming(text: str, first: _Use, second: _Use) -> bool:
    """One sentence tells of the renaming itself, between the two forms or just before
    them: ``renamed Burma as Myanmar``, ``renamed Mumbai from Bombay``, ``Burma's junta,
    which renamed the country Myanmar``, ``changed its name from Bombay to Mumbai``."""
    if second.start - first.end > _RENAMING_GAP or _SENTENCE_END.search(text, first.end, second.start):
        return False
    return _RENAMING.search(text, max(0, first.start - _RENAMING_BEFORE), second.start) is not None


def _glossed(text: str, uses: list[_Use]) -> set[int]:
    """Indexes of uses that are part of a gloss such as ``Kyiv (formerly Kiev)``."""
    out: set[int] = set()
    for i in range(len(uses) - 1):
        if _is_gloss(text, uses[i], uses[i + 1]):
            out.update((i, i + 1))
    return out


def _first_forms(uses: list[_Use]) -> dict[int, list[_Use]]:
    """Per entry, the first use of its first two forms to appear (enough to find "another form")."""
    firsts: dict[int, list[_Use]] = {}
    for use in uses:
        seen = firsts.setdefault(use.entry, [])
        if len(seen) < 2 and all(s.form != use.form for s in seen):
            seen.append(use)
    return firsts


def _opening(before: str) -> int:
    """Where the sentence that ``before`` ends in opens (after its last line break or full
    stop and space), or 0."""
    return max(before.rfind("\n"), before.rfind(". ")) + 1


def _as_a_name(text: str, use: _Use) -> bool:
    """The form is named as a name or a name of its time (see ``_NAMING_BEFORE``)."""
    before = text[max(0, use.start - _NAMING_WINDOW):use.start]
    before = before[_opening(before):]
    return bool(_NAMING_BEFORE.search(before)) or bool(_NAMING_AFTER.match(text, use.end))


def _with_its_time(text: str, use: _Use) -> bool:
    """The years (or the era) the name was used follow it, or follow "as it was called"
    after it (``Leningrad, as the city was known until 1991``), or open its sentence
    (``In Soviet times, the city was known as Kishinev``), or "still" says the name
    changed later (``when the capital was still Alma-Ata``), or "then" or "once" says it
    was the name of its time (``the city, then known as Leningrad``, ``Bombay, as it was
    then called``), or "formerly" says it is no longer used (``the old capital, formerly
    Alma-Ata``), or it is told as the old name (``the city's old name, Alma-Ata``)."""
    if _STILL_NAMED.search(text, max(0, use.start - _NAMING_WINDOW), use.start) is not None:
        return True  # "when the capital was still Alma-Ata", "the city, then known as Leningrad"
    before = text[max(0, use.start - _TIME_OPENING_REACH):use.start]
    opening = _opening(before)
    if opening > 0 or use.start <= _TIME_OPENING_REACH:
        start = len(before) - len(before[opening:].lstrip())
        if _TIME_OPENING.match(before, start) is not None:
            return True  # "In Soviet times, the city was known as Kishinev"
    after = _NAMING_AFTER.match(text, use.end)
    if after is not None and after.group("then"):
        return True  # "Bombay, as it was then called"
    return _ITS_TIME.match(text, after.end() if after else use.end) is not None


def _beside_another_form(uses: list[_Use], i: int) -> bool:
    use = uses[i]
    near = (uses[j] for j in (i - 1, i + 1) if 0 <= j < len(uses))
    return any(o.entry == use.entry and o.form != use.form
               and max(o.start - use.end, use.start - o.end) <= _SIDE_BY_SIDE for o in near)


def _hit(text: str, opts: Options, use: _Use, firsts: dict[int, list[_Use]], fixable: bool) -> Hit:
    entry = opts.entries[use.entry]
    house, observed = entry.forms[entry.house], text[use.start:use.end]
    suggestion = (keep_case(observed, house),)
    other = next((o for o in firsts[use.entry] if o.form != use.form), None)
    if other is None:
        return Hit(use.start, use.end, (house, observed), suggestion, fixable=fixable)
    return Hit(use.start, use.end, (house, observed, text[other.start:other.end]), suggestion,
               message=opts.mixed_message or None, related=(other.start, other.end), fixable=fixable)


def find(doc: Document, an: Analysis, rule: Rule) -> Iterator[Hit]:
    opts: Options = rule.options
    uses = _uses(doc, an, rule, opts)
    glossed = _glossed(doc.text, uses)
    plain = [u for i, u in enumerate(uses) if i not in glossed]
    firsts = _first_forms(plain)
    for i, use in enumerate(plain):
        if use.form != opts.entries[use.entry].house:
            if _EVENT.search(doc.text, max(0, use.start - 20), use.start):
                continue  # "the Battle of Kiev": the fixed name of a historical event
            if _RENAMED_AFTER.match(doc.text, use.end):
                continue  # "Alma-Ata was renamed in 1993": the old name, told as old
            named = _as_a_name(doc.text, use)
            if named and _with_its_time(doc.text, use):
                continue  # "The city was called Nur-Sultan from 2019 to 2022": the name of its time
            safe = not named and not _beside_another_form(plain, i)
            yield _hit(doc.text, opts, use, firsts, safe)


KIND = Kind(
    name="names",
    keys={
        "entries": specs.any_value,
        "exceptions": specs.string_list,
        "ignorecase": specs.boolean,
        "mixedmessage": specs.string,
    },
    defaults={"exceptions": (), "ignorecase": False, "mixedmessage": ""},
    required=("entries",),
    build=build,
    find=find,
    anchors=pattern_anchors,
    configure=configure,
    preferable=preferable,
    house=house,
    terms=True,
    scanners=term_and_exception_scanners,
    settings={"prefer": specs.string_list},
)
