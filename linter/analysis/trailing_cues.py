"""Whether a reporting verb trails what it reports (``..., police said on Monday.``): only
its own adverbials after it, or a clause of when or why it was said, or the question its
words answer."""

from __future__ import annotations

from linter.analysis.asides import DASHES
from linter.analysis.frame_base import finite_in
from linter.analysis.syntax import Parse
from linter.analysis.tagging import Token
from linter.analysis.verb_reach import adverbial_start

_TRAILING_OK = frozenset({"IN", "DT", "NN", "NNS", "NNP", "NNPS", "CD", "JJ", "RB", "RBR", "PRP$", "POS", ",",
                          ".", "''", "``", "-RRB-", "-LRB-", "HYPH"})
# Subordinators whose clause after a trailing cue tells when or why the words were said,
# not more of them: "..., an official said on condition of anonymity because he was not
# authorised to speak", "..., Voss said while visiting the port" (not "as", mostly a
# preposition after a verb of saying: "referred to the men as ...").
_CUE_CLAUSES = frozenset({"because", "since", "although", "though", "while", "after", "before", "when",
                          "until", "once"})
# Words that open the words reported: "said after the vote that ...".
_COMPLEMENTS = frozenset({"that", "whether", "if"})
# Verbs of putting a question: "..., Voss said when asked about the raid" answers it, and
# what was asked is put to the speaker, as "Asked whether the men were terrorists, Voss
# said yes" puts it (lemmas).
QUESTIONED = frozenset({"ask", "question"})


def trailing(parse: Parse, after: int, hi: int) -> bool:
    """Only adverbials (``on Monday``, ``in a statement``, ``in putting the question``)
    between the cue and the clause end, a full stop, a dash (``..., the mayor says — and
    she should know``) or a clause of when or why it was said (``..., an official said on
    condition of anonymity because he was not authorised to ...``): nothing at all, or a
    preposition or an adverb first, and no finite verb before it."""
    if after <= hi and not adverbial_start(parse, after) and not _cue_clause(parse, after, hi):
        return False
    for k in range(after, hi + 1):
        if _cue_clause(parse, k, hi):
            return True  # the cue's own clause: "..., Voss said after she left the court"
        if parse.tokens[k].lower in _COMPLEMENTS:
            return False  # the words reported: "..., Voss said that ..."
        group = parse.group_at(k)
        if group is not None:
            if group.finite or k == after or parse.tokens[k - 1].text == ",":
                return False  # not "..., Ms Lee said, referring to ..."
            continue  # "... said in putting the question", "said during a speech to be ..."
        if parse.tokens[k].tag == "." or parse.tokens[k].text in DASHES:
            return True  # what follows a full stop or a dash is not the cue's (a note, an aside)
        if parse.tokens[k].tag not in _TRAILING_OK:
            return False
    return True


def answers_question(parse: Parse, after: int, hi: int) -> bool:
    """After a trailing cue and its adverbials, the question its words answer (``..., Voss
    said on Monday when asked about the raid``): the words before the cue are the
    speaker's, and so is the question put to the speaker."""
    tokens = parse.tokens
    for k in range(after, hi):
        if _subordinator(tokens[k]):
            return tokens[k + 1].lemma in QUESTIONED
        group = parse.group_at(k)
        if tokens[k].tag not in _TRAILING_OK or tokens[k].tag == "." or tokens[k].lower in _COMPLEMENTS or (
                group is not None and group.finite):
            return False
    return False


def _cue_clause(parse: Parse, k: int, hi: int) -> bool:
    """Token ``k`` opens a clause of when or why something was said (:data:`_CUE_CLAUSES`)
    that runs to ``hi``: not the question the words answer (``when asked whether ...``:
    the question's words go with the answer), nor a phrase before the words themselves
    (``said after the vote that ...``)."""
    tokens = parse.tokens
    if not _subordinator(tokens[k]) or k + 1 > hi:
        return False
    nxt = tokens[k + 1]
    clause_follows = nxt.tag in ("VBG", "VBN") or (  # "while visiting", "after he left"
        nxt.tag in ("PRP", "DT", "NNP", "NNPS")
        and any(g.finite for g in parse.groups if k + 1 < g.first <= hi))
    return clause_follows and nxt.lemma not in QUESTIONED and not any(
        t.lower in _COMPLEMENTS for t in tokens[k + 1:hi + 1])


def _subordinator(token: Token) -> bool:
    """One of :data:`_CUE_CLAUSES` as a subordinator (not "before" as an adverb)."""
    return token.lower in _CUE_CLAUSES and token.tag in ("IN", "WRB")


def fronted(parse: Parse, start: int, comma: int, hi: int) -> bool:
    """The words from ``start`` to the ``comma`` before a verb's subject are a phrase put
    first, with no verb, and the verb's clause runs on to ``hi``, the sentence's end (``In
    Orsk, Voss referred to the men as ...``): not words that a cue after them reports
    (``The port is shut, Voss said``; ``Not a chance, Voss said``), nor a cue set inside
    (``After all, she argued, the port ...``)."""
    tokens = parse.tokens
    return tokens[start].tag == "IN" and tokens[start].lower not in _COMPLEMENTS and (
        not finite_in(parse, start - 1, comma - 1)) and (hi + 1 >= len(tokens) or tokens[hi + 1].text != ",")
