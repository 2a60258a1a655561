"""A shallow parse of one tagged sentence: noun chunks, verb groups, and who does what.

From the Penn tags alone (no parser model): base noun chunks (``the terrorist cells``,
``nine militants``, ``the group's fighters``), verb groups (``had fled``, ``are feared``,
``will not break``) with tense, aspect and voice, and the relations the rules need: the
subject and object of each verb group, the verb of a relative clause (``the cells that
bombed the station``), a chunk governed by a preposition, and the predicate of ``be``.

:meth:`Parse.specific` answers the question the label rules ask: does the word at a span
refer to specific people, groups or events (``Terrorists torched the depot``, ``troops
surrounded the terrorists``, ``nine terrorists``, ``Chechen terrorists``, ``the man was
a terrorist``), or is it generic (``laws against terrorists``, ``fears of terrorist
attacks``, ``terrorists rarely act alone``)?
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property

from linter.analysis.chunks import (
    DEFINITE,
    Chunk,
    Group,
    chunks,
    groups,
    headline,
    partitive,
    verbless_subject,
)
from linter.analysis.labelled import (
    in_name,
    labelled_is_specific,
    modifies_name,
    of_a_predicate,
    raised,
    subject_is_specific,
)
from linter.analysis.tagging import Token

_COPULAS = frozenset({"be", "become", "remain", "seem"})
# Verbs that give their object a name or a label: "branded Voss a terrorist".
_NAMING = frozenset({"call", "brand", "label", "dub", "name", "designate", "declare", "deem", "term",
                     "nickname", "proclaim", "pronounce"})
# Verbs whose object, when a relative pronoun, is named by the noun phrase after them.
_NAMES_OBJECT = _NAMING | {"consider", "regard", "classify"}
# Words that float between a subject and its verb: "Reis and Vell both said".
_FLOATING = frozenset({"both", "all", "each", "themselves", "himself", "herself", "itself"})
_RELATIVES = frozenset({"who", "which", "that", "whom", "whose"})
_FREQUENCY = frozenset({"rarely", "often", "usually", "always", "never", "sometimes", "generally",
                        "typically", "seldom", "frequently", "normally", "tend", "tends", "commonly"})
# Adverbs that make a perfect tell of experience, not an event: "has never negotiated with".
_EXPERIENCE = frozenset({"never", "ever", "always"})
_SUBORDINATORS = frozenset({"if", "because", "when", "while", "although", "though", "since", "unless",
                            "until", "whether", "after", "before", "as", "once", "where", "whereas"})
# A present tense after these is a supposition, not a report ("If these terrorists acquire
# weapons"): the people are imagined, not particular.
_SUPPOSING = frozenset({"if", "unless", "whether"})
# Nouns of laws and measures: a prepositional phrase after one belongs to it, not to the
# verb, and names a kind of people ("passed laws against terrorists", "new powers to
# detain suspects").
_MEASURES = frozenset({"law", "legislation", "measure", "power", "rule", "policy", "strategy",
                       "protection", "defence", "defense", "safeguard", "bill", "sanction"})
_CLAUSE_BREAKS = frozenset({",", ";", ":", "(", ")"})
# Dashes, typed or as wire copy spells them with hyphens between spaces (" - ", " -- ").
DASHES = frozenset({"—", "–", "-", "--"})
_ASIDE_OPENERS = DASHES | {"("}
_ASIDE = 30  # the longest parenthesis or relative clause looked through, in tokens


class Parse:
    """The chunks, groups and relations of one sentence's tokens."""

    def __init__(self, tokens: Sequence[Token], heading: bool = False) -> None:
        """``heading``: the sentence is a headline, whose present tense tells of a past event
        (``Militants seize border crossing``); see also :func:`.chunks.groups`."""
        self.tokens = tuple(tokens)
        self.heading = heading or headline(self.tokens)
        self.starts = [t.start for t in self.tokens]
        self.groups = tuple(groups(self.tokens, self.heading))
        self.chunks = tuple(chunks(self.tokens, self._in_group))

    @cached_property
    def _in_group(self) -> list[int]:
        """For each token, the index of the verb group it belongs to, or -1."""
        owner = [-1] * len(self.tokens)
        for g, group in enumerate(self.groups):
            for i in range(group.first, group.last + 1):
                owner[i] = g
        return owner

    @cached_property
    def _chunk_of(self) -> list[int]:
        owner = [-1] * len(self.tokens)
        for c, chunk in enumerate(self.chunks):
            for i in range(chunk.first, chunk.last + 1):
                owner[i] = c
        return owner

    def _episodic(self, group: Group) -> bool:
        """Tells of a particular event (:attr:`Group.episodic`; in a headline, the present
        does), but not a perfect of experience (``has never negotiated with ...``), and
        a raised subject's perfect or progressive infinitive does (``are believed to have
        planted``, ``are thought to be holding``)."""
        tokens = self.tokens
        if group.perfect and any(t.lower in _EXPERIENCE for t in tokens[group.first:group.last + 1]):
            return False
        if group.episodic or (self.heading and group.finite and group.tense == "present"):
            return True
        after = self.group_at(group.last + 1) if group.passive else None
        return after is not None and (after.perfect or after.progressive) and tokens[after.first].tag == "TO"

    def token_at(self, offset: int) -> int:
        """The index of the token that contains (or starts before) ``offset``; -1 before any."""
        return bisect_right(self.starts, offset) - 1

    def chunk_at(self, i: int) -> Chunk | None:
        c = self._chunk_of[i] if 0 <= i < len(self.tokens) else -1
        return self.chunks[c] if c >= 0 else None

    def group_at(self, i: int) -> Group | None:
        g = self._in_group[i] if 0 <= i < len(self.tokens) else -1
        return self.groups[g] if g >= 0 else None

    def group_after(self, chunk: Chunk) -> Group | None:
        """The finite verb group that ``chunk`` is the subject of, if any: the next group,
        with only adverbs, a parenthesis (between commas, brackets or dashes) or a relative
        clause in between."""
        apposed = self.after_apposition(chunk)
        if apposed is not None:
            return apposed
        i = chunk.last + 1
        n = len(self.tokens)
        while i < n:
            token = self.tokens[i]
            group = self.group_at(i)
            if group is not None:
                return group if group.finite else None
            if token.tag in ("RB", "RBR", "RBS") or token.lower in _FLOATING:
                i += 1  # "Reis and Vell both stressed ..."
            elif token.tag == "JJ" and i + 1 < n and self.tokens[i + 1].tag in ("IN", "TO"):
                i += 1  # "fighters loyal to the old council hold ..."
            elif token.tag in ("IN", "TO") and token.lower != "that" and self.chunk_at(i + 1) is not None:
                i = self.chunk_at(i + 1).last + 1  # type: ignore[union-attr]  # from the hills
            elif token.text == ",":
                i = self._after_parenthesis(i)
            elif token.text in _ASIDE_OPENERS:  # "Ida Marsh (D-Kell) said", "— including ... —"
                i = self._after_aside(i, ")" if token.text == "(" else token.text)
                found = self.group_at(i + 1) if 0 < i < n - 1 and self.tokens[i].text == "," else None
                if found is not None and found.finite:
                    return found  # "Ada Voss (D-Kell.), said"
            elif token.lower in _RELATIVES:
                i = self._after_relative(i)
            else:
                return None
            if i < 0:
                return None
        return None

    def _after_parenthesis(self, i: int) -> int:
        """The token after ``, who had crossed the lake,`` opening at ``i``; -1 if none."""
        for j in range(i + 1, min(len(self.tokens), i + _ASIDE)):
            text = self.tokens[j].text
            if text == ",":
                return j + 1
            if text in (";", ":") or text in DASHES or (
                    self.tokens[j].tag == "." and not self._abbreviation(j)):
                return -1
        return -1

    def _abbreviation(self, j: int) -> bool:
        """The full stop at ``j`` ends an abbreviation, not the sentence: a comma follows
        (``Ada Voss, D-Kell., said``)."""
        return j + 1 < len(self.tokens) and self.tokens[j + 1].text == ","

    def _after_aside(self, i: int, closer: str) -> int:
        """The token after a bracket or a pair of dashes opening at ``i``; -1 if none. A
        full stop inside brackets ends nothing (``Ida Marsh (D-Kell.) said``)."""
        for j in range(i + 1, min(len(self.tokens), i + _ASIDE)):
            if self.tokens[j].text == closer:
                return j + 1
            if self.tokens[j].tag == "." and (closer != ")" or j == len(self.tokens) - 1):
                return -1
        return -1

    def after_apposition(self, chunk: Chunk) -> Group | None:
        """The finite group after an appositive that ``chunk`` opens, set off by commas or
        dashes after a noun, with what modifies it up to the closing mark: "the minister for
        the elderly, Pascale Boistard, confirmed", "the Front, a group based in Orsk,
        bombed", "the Front - a group, according to the US - bombed"."""
        opener = chunk.first - 1
        if opener < 1 or not (self.tokens[opener].text == "," or self.tokens[opener].text in DASHES):
            return None
        before = self.tokens[opener - 1]
        if before.tag not in ("NN", "NNS", "NNP", "NNPS", "JJ", "CD") and not self._abbreviation(opener - 1):
            return None  # "Ada Voss, D-Kell., a candidate, said"
        comma = self.tokens[opener].text == ","
        for j in range(chunk.last + 1, min(len(self.tokens), chunk.last + _ASIDE)):
            token = self.tokens[j]
            if (token.text == ",") if comma else (token.text in DASHES):
                after = self.group_at(j + 1)
                return after if after is not None and after.finite and after.first == j + 1 else None
            group = self.group_at(j)
            if (group is not None and group.finite) or token.text in (";", ":") or (
                    token.tag == "." and not self._abbreviation(j)):
                return None
        return None

    def _after_relative(self, i: int) -> int:
        """The token after a relative clause (``that bombed the station``) at ``i``: past its
        own verb group and what follows it, up to the next verb group; -1 if none."""
        j = i + 1
        own = None
        while j < min(len(self.tokens), i + _ASIDE):
            group = self.group_at(j)
            if group is not None:
                if own is not None and group is not own:
                    return j
                own = group
                j = group.last + 1
                continue
            if self.tokens[j].text in (",", ";", ":") or self.tokens[j].tag == ".":
                return -1
            j += 1
        return -1

    def governor(self, chunk: Chunk) -> tuple[str, Group | None]:
        """How ``chunk`` is attached, and to which verb group: "subject", "object",
        "predicate" (of ``be``), "complement" (what a naming verb calls its object:
        ``branded Voss a terrorist``), "preposition" (in a prepositional phrase right after the
        verb or its object: ``joined forces with local militants``; the group is None when
        the phrase hangs on another noun: ``fears of a terrorist attack``), or ("", None)."""
        before = chunk.first - 1
        while before >= 0 and self.tokens[before].tag in ("RB", "RP"):
            before -= 1
        if before >= 0:
            token = self.tokens[before]
            group = self.group_at(before)
            if group is not None and group.last == before:
                own = self.group_after(chunk)  # "Observers say insurgents now levy tolls"
                if own is not None and group.finite and group.lemma not in _COPULAS:
                    return "subject", own
                # "is an extremist", and a passive name: "is designated a terrorist group"
                copula = group.lemma in _COPULAS or (group.passive and group.lemma in _NAMING)
                return ("predicate" if copula else "object"), group
            if token.tag in ("IN", "TO") and token.lower != "that":
                subordinate = self.group_after(chunk)  # "If these terrorists acquire ..."
                if token.lower in _SUBORDINATORS and subordinate is not None:
                    return "subject", subordinate
                return "preposition", self._attached(before)
            named = self.chunk_at(before)
            if named is not None and named.last == before and named.first > 0:
                verb = self.group_at(named.first - 1)
                if verb is not None and verb.last == named.first - 1 and verb.lemma in _NAMING:
                    return "complement", verb  # "branded Voss a terrorist": what the object is called
        group = self.group_after(chunk)
        if group is not None:
            return "subject", group
        return "", None

    def _attached(self, preposition: int) -> Group | None:
        """The verb group a prepositional phrase at ``preposition`` belongs to, when it comes
        right after the group, its object or a passive's agent. ``of`` always belongs to the
        noun before it (``voiced fears of terrorist attacks``)."""
        if self.tokens[preposition].lower == "of":
            return None
        i = preposition - 1
        while i >= 0 and self.tokens[i].tag == "RP":
            i -= 1  # "carried out by ..."
        group = self.group_at(i)
        if group is not None and group.last == i:
            return group
        chunk = self.chunk_at(i)
        if chunk is not None and chunk.last == i:
            if self.tokens[i].lemma in _MEASURES:
                return None
            j = chunk.first - 1
            while j >= 0 and self.tokens[j].tag in ("RB", "RP"):
                j -= 1
            k = j - 1 if j >= 1 and self.tokens[j].lower == "by" else j  # "described by police | as ..."
            group = self.group_at(k)
            if group is not None and group.last == k and (k == j or group.passive):
                return group
        return None

    def _anchored(self, group: Group) -> bool:
        """A present-tense clause about a particular state of affairs, not a habit: no
        adverb of frequency, and a definite or named noun after the verb (``Insurgents
        hold most of the eastern valley``, not ``Terrorists rarely act alone``)."""
        end = len(self.tokens)
        for g in self.groups:
            if g.first > group.last:
                end = g.first
                break
        end = next((k for k in range(group.last + 1, end) if self.tokens[k].text in _CLAUSE_BREAKS), end)
        lo = max(0, group.first - 3)
        if any(t.lower in _FREQUENCY for t in self.tokens[lo:end]):
            return False
        return any((c.definite or c.proper) and group.last < c.first < end for c in self.chunks)

    def relative(self, chunk: Chunk) -> Group | None:
        """The verb group of a relative clause on ``chunk`` (``cells that bombed``)."""
        i = chunk.last + 1
        if i < len(self.tokens) and self.tokens[i].text == ",":
            i += 1
        if i < len(self.tokens) and self.tokens[i].lower in _RELATIVES and self.tokens[i].tag != "IN":
            j = i + 1
            while j < len(self.tokens) and self.tokens[j].tag in ("RB", "NN", "NNS", "NNP", "DT", "PRP"):
                if self.group_at(j) is not None:
                    break
                j += 1
            group = self.group_at(j)
            after = self.group_at(group.last + 1) if group is not None and j > i + 1 else None
            # "who the UN says | have killed": the verb of what the clause reports
            return after if after is not None and after.finite else group
        return None

    def specific(self, start: int, end: int, heads: frozenset[str] | None = None) -> bool:
        """True when the word at ``[start, end)`` refers to specific people, groups or events
        (see the module docstring); False for a generic use. A word that modifies another
        noun (``terrorist cells``) counts only when that noun's lemma is in ``heads``
        (people, groups or events), never when ``heads`` is None."""
        i = self.token_at(start)
        if i < 0:
            return False
        group = self.group_at(i)
        if group is not None:  # a verb: "were martyred", "martyred"
            return self._episodic(group) or (group.passive and group.tense == "past")
        chunk = self.chunk_at(i)
        if chunk is None or in_name(self.tokens, i):
            return False
        last = self.token_at(end - 1)
        if last < chunk.last and self.tokens[last + 1].tag == "POS":
            # a possessor ("the martyrs' coffins"): a noun phrase of its own, the words before it
            owner = self.tokens[chunk.first:last + 1]
            if partitive(self.tokens, chunk) or any(t.lower in DEFINITE or t.tag in ("CD", "PRP$")
                                                    for t in owner):
                return True
        elif last < chunk.last and (heads is None or self.tokens[chunk.last].lemma not in heads):
            return heads is not None and modifies_name(self.tokens, range(i, last + 1), chunk.last, heads)
        elif chunk.counted or partitive(self.tokens, chunk):
            return True
        elif chunk.proper and not chunk.definite:
            # "Chechen terrorists seized ...", but not a kind of people named in passing
            # ("the search for Islamic extremists")
            role, governing = self.governor(chunk)
            if role == "predicate" and governing is not None:  # "... is an Islamic fundamentalist"
                return self._episodic(governing) or subject_is_specific(self, governing)
            return not (role == "preposition" and governing is None)
        elif chunk.definite:
            # "the terrorists fled", but not a class talked about in the present ("if these
            # terrorists acquire weapons", "the terrorists who threaten Britain are aware")
            return not self._timeless(chunk)
        relative = self.relative(chunk)
        if relative is not None and self._episodic(relative):
            return True
        role, governing = self.governor(chunk)
        if governing is None:  # but a headline's "Gunmen behind blast, says ..."
            return self.heading and verbless_subject(self.tokens, self.groups, chunk)
        if not governing.finite and governing.passive and self.tokens[governing.first - 1].text == ",":
            return subject_is_specific(self, governing)  # "The Front, designated a ... by the US,"
        if role == "predicate":
            return self._episodic(governing) or subject_is_specific(self, governing)
        after_as = role == "preposition" and self.tokens[chunk.first - 1].lower == "as"
        if role == "complement" or after_as or (role == "object" and governing.lemma in _NAMES_OBJECT):
            # "branded Voss a terrorist", "described Voss as a terrorist", "was jailed as a terrorist";
            # not a label only thought of ("whether to list the Front as a terrorist group")
            return governing.finite and (self._episodic(governing) or labelled_is_specific(self, governing))
        if role == "preposition" and (self.tokens[chunk.first].lower in ("a", "an", "any") or (
                governing.lemma in _COPULAS and of_a_predicate(self, chunk))):
            return False  # "any known link to a terrorist group", "has been a haven for terrorists": a kind
        if role == "subject" and not self._episodic(governing) and governing.tense == "present":
            # "Insurgents hold the valley", not "Terrorists rarely act alone", "Martyrdom is a
            # theme", "if terrorists acquire weapons"
            return governing.lemma not in _COPULAS and not self._supposed(chunk) and self._anchored(governing)
        if role == "subject" and self.heading and self.tokens[governing.first].tag == "TO":
            return True  # a headline's plan for particular people: "Gunmen to face trial"
        return self._episodic(governing)

    def _timeless(self, chunk: Chunk) -> bool:
        """A definite chunk in a present-tense clause about no particular time or place, or
        one owned by ``today's``/``tomorrow's``: talk of a kind of people, not of some."""
        words = self.tokens[chunk.first:chunk.last]
        if any(t.lower in ("today", "tomorrow", "modern") for t in words):
            return True
        if any(t.tag == "POS" for t in words):
            return False  # "last month's terrorist attack", "the group's fighters"
        role, governing = self.governor(chunk)
        relative = self.relative(chunk)
        present = governing is not None and governing.tense == "present" and not self._episodic(governing)
        if role == "subject" and governing is not None and present:
            if (relative is not None and self._episodic(relative)) or raised(self.tokens, governing):
                return False  # "the terrorists who bombed ...", "the militants are believed to be ..."
            return governing.lemma in _COPULAS or self._supposed(chunk) or not self._anchored(governing)
        return False

    def _supposed(self, chunk: Chunk) -> bool:
        """The chunk opens a clause of supposition (``if these terrorists acquire ...``)."""
        return chunk.first > 0 and self.tokens[chunk.first - 1].lower in _SUPPOSING
