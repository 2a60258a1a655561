"""A shallow parse of one tagged sentence: noun chunks, verb groups, and who does what.

From the Penn tags alone (no parser model): base noun chunks (``the terrorist cells``,
``nine militants``, ``the group's fighters``), verb groups (``had fled``, ``are feared``,
``will not break``) with tense, aspect and voice, and the relations the rules need: the
subject and object of each verb group, the verb of a relative clause (``the cells that
bombed the station``), a chunk governed by a preposition, and the predicate of ``be``.

Whether a word refers to specific people is :mod:`.reference`'s question, asked of a parse.
"""

from __future__ import annotations

from bisect import bisect_right
from collections.abc import Sequence
from functools import cached_property

from linter.analysis.asides import ASIDE, DASHES, abbreviation, after_aside, after_parenthesis, before_aside
from linter.analysis.chunks import AS_ROLES, AUTHORITY, DESIGNATIONS, NAMING, Chunk, Group, chunks, headline
from linter.analysis.tagging import Token
from linter.analysis.verb_groups import groups

COPULAS = frozenset({"be", "become", "remain", "seem"})
# Words before an infinitive that keep its act the subject's own ("continued to insist", "was heard to say").
_GOING_ON = frozenset({"continue", "likely", "want", "seem", "appear", "begin", "start", "keep", "quick",
                       "careful", "keen", "eager", "pain", "hasten", "rush", "proud", "hear", "first"})
# Passives that report the subject's own act: "is said to have called the men terrorists".
_SAID_TO = frozenset({"say", "believe", "think", "report", "allege", "understand", "rumour", "rumor", "know"})
# Words that float between a subject and its verb: "Reis and Vell both said".
_FLOATING = frozenset({"both", "all", "each", "themselves", "himself", "herself", "itself"})
RELATIVES = frozenset({"who", "which", "that", "whom", "whose"})
_JOINING = frozenset({"and", "or", "but"})
# Adverbs that make a perfect tell of experience, not an event: "has never negotiated with".
_EXPERIENCE = frozenset({"never", "ever", "always"})
# Modals whose perfect tells of what did not happen: "would have taken the port".
_COUNTERFACTUAL = frozenset({"would", "'d", "’d"})
# The words that open a subordinate clause (the modules that read clauses take theirs from these).
SUBORDINATORS = frozenset({"if", "because", "when", "while", "although", "though", "since", "unless",
                           "until", "whether", "after", "before", "as", "once", "where", "whereas"})
# Nouns of laws and measures: a prepositional phrase after one belongs to it, not to the verb,
# and names a kind of people ("passed laws against terrorists", "new powers to detain suspects").
_MEASURES = frozenset({"law", "legislation", "measure", "power", "rule", "policy", "strategy",
                       "protection", "defence", "defense", "safeguard", "bill", "sanction"})
# What opens an aside: a bracket or a dash.
_ASIDE_OPENERS = DASHES | {"("}
# Verbs whose second noun phrase is what their object is called or taken for: "branded Voss a terrorist".
_CALLING = NAMING | {"consider"}
NEGATIONS = frozenset({"not", "n't", "never"})


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

    def goes_on(self, group: Group) -> bool:
        """An infinitive that carries on its subject's own act: after ``went on`` or ``went
        so far as``, a verb that goes on or is likely (``continued to``, ``wanted to``, ``more
        likely to``), a word of its manner or order (``was quick to``, ``the first to``), or a passive
        that reports it (``is said to have called``)."""
        k = group.first - 1
        tokens = self.tokens
        if not 0 <= k < len(tokens) or tokens[group.first].tag != "TO":
            return False
        went_on = k > 0 and (tokens[k].lower, tokens[k - 1].lemma) in (("on", "go"), ("as", "far"))
        said = tokens[k].tag == "VBN" and tokens[k].lemma in _SAID_TO  # "is said to have called"
        return went_on or said or tokens[k].lemma in _GOING_ON

    def carrier(self, group: Group) -> Group | None:
        """The verb whose own act an infinitive carries on (:meth:`goes_on`), the last group
        before it: ``appeared`` in ``appeared to show``, ``went`` in ``went on to fight``."""
        if not self.goes_on(group):
            return None
        before = [g for g in self.groups if g.last < group.first]
        return before[-1] if before else None

    def negated(self, group: Group) -> bool:
        """``not``, ``n't`` or ``never`` in the group or just before it (``did not call``, ``never said``)."""
        return any(t.lower in NEGATIONS for t in self.tokens[max(0, group.first - 1):group.last + 1])

    def episodic(self, group: Group) -> bool:
        """Tells of a particular event (:attr:`Group.episodic`; in a headline, the present does), but
        not a perfect of experience (``has never negotiated with ...``) nor a counterfactual (``would
        have taken``), and a raised subject's perfect or progressive infinitive does (``are believed to
        have planted``, ``are thought to be holding``, ``seem to have fled``)."""
        tokens = self.tokens
        if group.perfect and any(t.lower in _EXPERIENCE for t in tokens[group.first:group.last + 1]):
            return False
        if group.perfect and group.tense == "modal" and tokens[group.first].lower in _COUNTERFACTUAL:
            return False  # what would have happened, and did not: "terrorists would have taken the port"
        if group.episodic or (self.heading and group.finite and group.tense == "present"):
            return True
        after = self.group_at(group.last + 1) if group.passive or group.lemma in ("seem", "appear") else None
        return after is not None and (after.perfect or after.progressive) and tokens[after.first].tag == "TO"

    def token_at(self, offset: int) -> int:
        """The index of the token that contains (or starts before) ``offset``; -1 before any."""
        return bisect_right(self.starts, offset) - 1

    def chunk_at(self, i: int) -> Chunk | None:
        c = self._chunk_of[i] if 0 <= i < len(self.tokens) else -1
        return self.chunks[c] if c >= 0 else None

    def chunk_ending_at(self, i: int) -> Chunk | None:
        """The noun phrase whose last token is ``i`` (``a haven`` before ``for``)."""
        chunk = self.chunk_at(i)
        return chunk if chunk is not None and chunk.last == i else None

    def group_at(self, i: int) -> Group | None:
        g = self._in_group[i] if 0 <= i < len(self.tokens) else -1
        return self.groups[g] if g >= 0 else None

    def group_after(self, chunk: Chunk) -> Group | None:
        """The finite verb group that ``chunk`` is the subject of, if any: the next group, with only
        adverbs, a participle right after the noun (with what it was to do: "Residents forced to flee
        their homes said"), a parenthesis (between commas, brackets or dashes; with the closing mark of
        a quotation it opened), a relative clause, or the opening mark of a quoted claim (``Terrorists
        'fled by boat'``) in between."""
        apposed = self.after_apposition(chunk)
        if apposed is not None:
            return apposed
        i, n = chunk.last + 1, len(self.tokens)
        while i < n:
            token = self.tokens[i]
            group = self.group_at(i)
            if group is not None and not group.finite and i == chunk.last + 1 == group.last and (
                    token.tag in ("VBN", "VBD")):
                i += 1  # a participle after its noun: "the residents polled said", "Gunmen linked to"
                infinitive = self.group_at(i) if i < n and self.tokens[i].tag == "TO" else None
                if infinitive is not None and not infinitive.finite and infinitive.first == i:
                    # ... and what it was to do: "Residents forced to flee (their homes) said"
                    i = infinitive.last + 1
                    thing = self.chunk_at(i) if i < n else None
                    if thing is not None and thing.first == i:
                        i = thing.last + 1
                continue
            if group is not None and not group.finite and i == chunk.last + 1 == group.first and (
                    token.tag == "VBG"):
                # an -ing phrase after its noun: "A cell planning attacks on the capital | has
                # been broken up", "Gunmen wearing masks | stormed the hall"
                i = self._after_relative(i - 1)
                if i < 0:
                    return None
                continue
            if group is not None:
                return group if group.finite else None
            if (token.tag in ("RB", "RBR", "RBS") or token.lower in _FLOATING
                    or (token.tag == "''" and self.tokens[i - 1].text == ","
                        and any(t.tag == "``" for t in self.tokens[chunk.last + 1:i]))
                    or (i == chunk.last + 1 and token.tag in ("``", "''"))):
                i += 1  # "Reis and Vell both stressed ...", "Voss, citing 'its history,' said", "Men 'fled'"
            elif token.tag == "JJ" and i + 1 < n and self.tokens[i + 1].tag in ("IN", "TO"):
                i += 1  # "fighters loyal to the old council hold ..."
            elif token.tag in ("IN", "TO") and token.lower != "that" and self.chunk_at(i + 1) is not None:
                i = self.chunk_at(i + 1).last + 1  # type: ignore[union-attr]  # from the hills
            elif token.text == ",":
                after = self._after_relative_aside(i)  # ", whose firm, Frey Marine, runs the ferries,"
                i = after if after >= 0 else after_parenthesis(self.tokens, i)
            elif token.text in _ASIDE_OPENERS:  # "Ida Marsh (D-Kell) said", "— including ... —"
                i = after_aside(self.tokens, i, ")" if token.text == "(" else token.text)
                found = self.group_at(i + 1) if 0 < i < n - 1 and self.tokens[i].text == "," else None
                if found is not None and found.finite:
                    return found  # "Ada Voss (D-Kell.), said"
            elif token.lower in RELATIVES:
                i = self._after_relative(i)
            else:
                return None
            if i < 0:
                return None
        return None

    def _after_relative_aside(self, i: int) -> int:
        """The token after a relative clause set off by the comma at ``i`` (or after the noun phrase of
        an appositive it opens) whose subject holds an aside of its own before the clause's verb (``,
        whose firm, Frey Marine, runs the ferries,``, ``, who, after the raid, fled north,``, ``, a pilot
        whose boat, the Sarn, carried the men,``); -1 when the comma opens no relative clause, or its
        verb is not found (the caller then takes the next comma)."""
        n, thing = len(self.tokens), self.chunk_at(i + 1)  # (the appositive's noun phrase)
        k = thing.last + 1 if thing is not None and thing.first == i + 1 else i + 1
        if k >= n or self.tokens[k].lower not in RELATIVES:
            return -1
        j, verb = k + 1, False
        while j < min(n, i + ASIDE):
            token = self.tokens[j]
            group = self.group_at(j)
            verb = verb or (group is not None and group.finite)
            if token.text == "," and verb:
                return j + 1
            if token.text == ",":
                j = after_parenthesis(self.tokens, j)  # the aside before the verb
                if j < 0:
                    return -1
                continue
            if token.text in (";", ":") or (token.tag == "." and not abbreviation(self.tokens, j)):
                return -1
            j += 1
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
        if before.tag not in ("NN", "NNS", "NNP", "NNPS", "JJ", "CD") and not abbreviation(
                self.tokens, opener - 1):
            return None  # "Ada Voss, D-Kell., a candidate, said"
        comma = self.tokens[opener].text == ","
        for j in range(chunk.last + 1, min(len(self.tokens), chunk.last + ASIDE)):
            token = self.tokens[j]
            if (token.text == ",") if comma else (token.text in DASHES):
                after = self.group_at(j + 1)
                return after if after is not None and after.finite and after.first == j + 1 else None
            group = self.group_at(j)
            if (group is not None and group.finite) or token.text in (";", ":") or (
                    token.tag == "." and not abbreviation(self.tokens, j)):
                return None
        return None

    def _after_relative(self, i: int) -> int:
        """The token after a relative clause (``that bombed the station``) at ``i``: past its own verb
        group and what follows it, up to the next verb group, or past the comma that closes it when a
        comma opened it (``Ada Voss, meanwhile, who sits on the board, said``); -1 if none."""
        j = i + 1
        own = None
        while j < min(len(self.tokens), i + ASIDE):
            group = self.group_at(j)
            if group is not None:
                if own is not None and group is not own:
                    return j
                own = group
                j = group.last + 1
                continue
            if self.tokens[j].text == "," and own is not None and self.tokens[i - 1].text == ",":
                return j + 1
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
        lead = self.lead(chunk)
        if lead is not chunk:
            return self.governor(lead)
        before = chunk.first - 1
        while before >= 0 and (self.tokens[before].tag in ("RB", "RP") or self.tokens[before].text == "dead"):
            before -= 1  # (and "shot dead a guard")
        if before >= 0:
            token = self.tokens[before]
            group = self.group_at(before)
            if group is not None and group.last == before:
                own = self.group_after(chunk)  # "Observers say insurgents now levy tolls"
                if own is not None and group.finite and group.lemma not in COPULAS:
                    return "subject", own
                # "is an extremist", and a passive name: "is designated a terrorist group"
                copula = group.lemma in COPULAS or (group.passive and group.lemma in _CALLING)
                return ("predicate" if copula else "object"), group
            if token.tag in ("IN", "TO") and token.lower != "that":
                subordinate = self.group_after(chunk)  # "If these terrorists acquire ..."
                role = self._attached(before) if token.lower == "as" else None  # (an object's role:
                if token.lower in SUBORDINATORS and subordinate is not None and not (  # "to list the
                        role is not None and role.lemma in AS_ROLES and not role.passive):  # Front as a ...")
                    return "subject", subordinate
                return "preposition", role if token.lower == "as" else self._attached(before)
            k = before_aside(self.tokens, before, self.groups)
            named = self.chunk_at(k)  # (past an aside: "labelling the Front, responsible for ...,")
            verb = self._naming(named) if named is not None and named.last == k else None
            if verb is not None:
                return "complement", verb  # "branded Voss a terrorist": what the object is called
        group = self.group_after(chunk)
        if group is not None:
            return "subject", group
        return "", None

    def lead(self, chunk: Chunk) -> Chunk:
        """The first of the noun phrases ``chunk`` is joined to by "and", "or" or "but" when it has no
        verb of its own, which stands where all of them do (``were smugglers and terrorists``, ``not only
        smugglers but terrorists``, ``arrested thieves, smugglers and terrorists``; a verb after a phrase
        that opens with a preposition is its head's: ``Laws against smugglers and terrorists were
        passed``); else ``chunk`` itself."""
        before = chunk.first - 1
        while before >= 1 and self.tokens[before].tag in ("RB", "RP"):
            before -= 1  # "but also"
        if before < 1 or self.tokens[before].lower not in _JOINING:
            return chunk
        k = before - 1
        while k >= 0 and self.tokens[k].tag in ("RB", "RP"):
            k -= 1  # "smugglers too and ..."
        joined = self.chunk_at(k) if k >= 0 else None
        if joined is None or joined.last != k:
            return chunk
        while joined.first >= 2 and self.tokens[joined.first - 1].text == ",":
            listed = self.chunk_at(joined.first - 2)  # "thieves, | smugglers and terrorists"
            if listed is None or listed.last != joined.first - 2:
                break
            joined = listed
        after_preposition = joined.first > 0 and self.tokens[joined.first - 1].tag == "IN"
        if not after_preposition and self.group_after(chunk) is not None:
            return chunk  # "Police held the men and terrorists fled": a clause of its own
        return joined

    def _naming(self, chunk: Chunk) -> Group | None:
        """The naming verb whose object ``chunk`` is (``branded [Voss]``) or, after one
        preposition, whose object a phrase after it hangs on (``called [the shooting] on
        [the quay]``)."""
        k = chunk.first - 1
        if k > 1 and self.tokens[k].tag == "IN":
            owner = self.chunk_at(k - 1)
            if owner is not None and owner.last == k - 1:
                k = owner.first - 1
        verb = self.group_at(k)
        return verb if verb is not None and verb.last == k and verb.lemma in _CALLING else None

    def _attached(self, preposition: int) -> Group | None:
        """The verb group a prepositional phrase at ``preposition`` belongs to, when it comes right after
        the group, its object, a passive's agent or a designation's jurisdiction (``described by police
        | as ...``, ``banned in Orsk | as ...``). ``of`` always belongs to the noun before it (``voiced
        fears of terrorist attacks``); the ``as`` of a role or a view reaches past adverbs and the
        object's own phrases (``treating the fire at the depot as``, ``described them variously as``)."""
        if self.tokens[preposition].lower == "of":
            return None
        i = preposition - 1
        if self.tokens[preposition].lower == "as":
            while i > 0 and self.tokens[i].tag == "RB":
                i -= 1
            while (own := self.chunk_ending_at(i)) is not None and own.first >= 2 and (
                    self.tokens[own.first - 1].tag == "IN"
                    and self.chunk_ending_at(own.first - 2) is not None):
                i = own.first - 2  # (past "at the depot" to "the fire")
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
            k = j - 1 if j >= 1 and self.tokens[j].lower in AUTHORITY else j
            group = self.group_at(k)
            if group is not None and group.last == k and (k == j or (group.passive and (
                    self.tokens[j].lower == "by" or group.lemma in DESIGNATIONS))):
                return group
        return None

    def relative(self, chunk: Chunk) -> Group | None:
        """The verb group of a relative clause on ``chunk`` (``cells that bombed``)."""
        i = chunk.last + 1
        comma = i < len(self.tokens) and self.tokens[i].text == ","
        if comma:
            i += 1
        word = self.tokens[i] if i < len(self.tokens) else None
        # (after a comma, "that" opens a new clause: "..., that was the point")
        if word is not None and word.lower in RELATIVES and word.tag != "IN" and not (
                comma and word.lower == "that"):
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
