"""Clauses whose words no one asserts: one that asks or supposes (``whether ...``, ``if
...``), the words a denied verb of saying reports no one saying (``did not say the men
were ...``), what denied evidence would show (``There is no evidence that ...``,
``Nothing suggests ...``), and what a theory supposes (``the theory that ...``). A label
there is given by no one when it is a predicate, or a bare plural that names no one in
particular (:mod:`.reference`)."""

from __future__ import annotations

from linter.analysis.asides import DASHES
from linter.analysis.chunks import Chunk
from linter.analysis.frame_base import clause, denies, lexicon
from linter.analysis.syntax import Parse
from linter.analysis.verb_reach import bare_clause

__all__ = ["asked", "names_no_one", "unsaid"]

# What opens a clause that asks rather than says: "investigating whether the attack was
# terrorism", "If the men were terrorists, ...".
_QUESTION_OPENERS = frozenset({"whether", "if"})
# What opens the words a negated verb of saying leaves unsaid: "did not say (that) the men
# were ...", "never said whether ..." (not "why" or "how": "did not say why the terrorists
# ...", which takes the writer's word for granted).
_UNSAID_OPENERS = _QUESTION_OPENERS | {"that"}
# The answers to a question put to someone that give none: "declined to comment", "would
# not speculate", "did not know".
_REFUSING = frozenset({"decline", "refuse"})
_ANSWERING = frozenset({"comment", "say", "answer", "speculate", "respond", "reply", "elaborate", "discuss",
                        "confirm", "know"})


def asked(parse: Parse, i: int) -> bool:
    """Token ``i`` is in a clause that asks or supposes, opened by ``whether`` or ``if``
    (``Police are investigating whether the attack was terrorism``, ``It is not known if
    the men were terrorists``): a predicate there is a label no one gives. Not a question
    put to someone, whose answer may give it (``Asked whether the men were terrorists,
    Voss said yes``: see the frames), unless the answer is a refusal (:func:`_unanswered`)."""
    return _asked_at(parse, i) >= 0


def _asked_at(parse: Parse, i: int) -> int:
    """Where the clause of :func:`asked` opens, or -1; an aside set off by commas that
    ends before ``i`` opens none (``The men, if the mayor is right, are ...``)."""
    tokens = parse.tokens
    for k in range(i - 1, -1, -1):
        if tokens[k].lower in _QUESTION_OPENERS:
            if k > 0 and tokens[k - 1].text == "," and any(t.text == "," for t in tokens[k + 1:i]):
                continue  # an aside that ends before ``i``
            put = k > 0 and tokens[k - 1].lemma == "ask"  # (a question put to someone)
            asks = (not put or _unanswered(parse, k)) and i <= clause(parse, k + 1)[1]
            return k if asks else -1
        if tokens[k].text in (";", ":"):
            break
    return -1


def _unanswered(parse: Parse, k: int) -> bool:
    """The question opened at ``k`` was put to the subject of the clause after it, who would
    not answer it: ``Asked whether the men were terrorists, the mayor declined to comment``
    (``refused to say``, ``would not speculate``, ``said he did not know``), or before it:
    ``The mayor declined to comment when asked whether ...``."""
    end = next((j for j in range(k + 1, len(parse.tokens)) if parse.tokens[j].text == ","), len(parse.tokens))
    after = [g for g in parse.groups if g.first > end and g.finite] or [
        g for g in parse.groups if g.last < k - 1 and g.finite]  # ("declined to comment when asked whether")
    if not after:
        return False
    answer = after[1] if after[0].lemma == "say" and len(after) > 1 else after[0]
    return answer.lemma in _REFUSING or (parse.negated(answer) and answer.lemma in _ANSWERING)


def names_no_one(parse: Parse, chunk: Chunk, i: int) -> bool:
    """The bare plural ``chunk`` (:func:`_any_such`), at token ``i``, lies in a clause no one
    asserts, outside any aside the writer puts in it (not ``whether the approach - gains
    against terrorists overseas - will work``)."""
    if not _any_such(parse, chunk):
        return False
    k = max(_unsaid_at(parse, i), _unshown_at(parse, i), _asked_at(parse, i))
    return k >= 0 and not any(t.text in DASHES or t.text in ("(", ")") for t in parse.tokens[k:i])


def _any_such(parse: Parse, chunk: Chunk) -> bool:
    """A bare plural, no particular ones (``terrorists``, ``armed terrorists``, ``Sarn
    terrorists``; not ``the terrorists``, ``two terrorists``, ``the Sarn Front``)."""
    tokens = parse.tokens
    return (not (chunk.definite or chunk.counted)
            and tokens[chunk.first].tag not in ("DT", "PRP$") and tokens[chunk.last].tag == "NNS")


# Evidence whose denial ("There is no evidence that ...", "found no sign ...") or whose
# lack ("Nothing suggests ...") shows nothing of the clause after it.
_EVIDENCE = frozenset({"evidence", "sign", "signs", "indication", "indications", "suggestion", "proof"})
_SHOWING = frozenset({"suggest", "indicate", "show", "prove"})
# Nouns whose clause is only supposed: "working on the theory that terrorists set the fire",
# "the possibility that terrorists were on board".
_SUPPOSITIONS = frozenset({"theory", "theories", "possibility", "possibilities", "hypothesis", "assumption",
                           "scenario", "likelihood"})


def _unshown_at(parse: Parse, i: int) -> int:
    """Where the clause that denied evidence would show, or that a theory supposes, opens,
    when token ``i`` is in it (``There is no evidence that terrorists ...``, ``found no
    sign terrorists ...``, ``Nothing suggests ...``, ``There is nothing to suggest that
    ...``, ``working on the theory that terrorists ...``), or -1."""
    tokens = parse.tokens
    for k in range(i - 1, 0, -1):
        if tokens[k].text in (";", ":"):
            break
        nxt = k + 1
        if tokens[nxt].lower != "that" and not bare_clause(parse, nxt):
            continue
        denied = tokens[k].lower in _EVIDENCE and any(t.lower == "no" for t in tokens[max(k - 2, 0):k])
        nothing = tokens[k].lemma in _SHOWING and any(t.lower == "nothing" for t in tokens[max(k - 2, 0):k])
        supposed = tokens[k].lower in _SUPPOSITIONS and tokens[k].tag.startswith("NN")
        if (denied or nothing or supposed) and i <= clause(parse, nxt + (tokens[nxt].lower == "that"))[1]:
            return k
    return -1


def unsaid(parse: Parse, i: int) -> bool:
    """Token ``i`` is in the clause that a negated verb of saying or thinking reports no
    one saying (``Voss did not say the men were terrorists``, ``never claimed that ...``,
    ``did not say whether ...``). A predicate there is a label no one gives, as in ``did
    not call the men terrorists``; a noun phrase that refers there is still the writer's
    (``Police never said the terrorists had crossed``). A subject with "no" denies the
    saying as "not" does (``No court has ruled that the killings were genocide``)."""
    return _unsaid_at(parse, i) >= 0


def _unsaid_at(parse: Parse, i: int) -> int:
    """Where the clause of :func:`unsaid` opens (its verb's last token), or -1."""
    verbs = lexicon().verbs
    for group in parse.groups:
        if group.last >= i:
            return -1
        if group.lemma in verbs and denies(parse, group):
            nxt = group.last + 1
            if (parse.tokens[nxt].lower in _UNSAID_OPENERS or bare_clause(parse, nxt)) and (
                    i <= clause(parse, nxt)[1]):
                return group.last
    return -1
