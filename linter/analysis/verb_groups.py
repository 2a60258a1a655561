"""Verb groups of one tagged sentence, from the Penn tags alone: ``had fled``, ``are
feared``, ``will not break``, with tense, aspect and voice (:class:`.chunks.Group`); a lone
verb after a noun read for what it is (a past or a reduced relative), participles set off
by commas, and a headline's verbs as its grammar means them. :mod:`.chunks` finds the noun
chunks beside them, and :mod:`.syntax` relates the two.
"""

from collections.abc import Sequence

from linter.analysis.asides import first_comma, past_adverbs
from linter.analysis.chunks import MODIFIERS, NOUNS, TIMES, Group
from linter.analysis.cues import reporting_lemmas, saying_lemmas
from linter.analysis.numbers import number_starts
from linter.analysis.tagging import Token
from linter.analysis.tagging.main_verb import NO_PASSIVE
from linter.analysis.tagging.tagger import FINITE

_HEADS = frozenset({"NN", "NNS", "NNP", "NNPS"})  # the nouns proper
_HAVE = frozenset({"have", "has", "had", "'ve", "'d", "having"})
_BE = frozenset({"be", "is", "are", "was", "were", "been", "being", "am", "'s", "'re", "'m", "get", "got",
                 "gets", "getting", "gotten"})
# What opens a noun phrase of its own: a determiner or a pronoun.
_OPENERS = frozenset({"DT", "PDT", "PRP$", "PRP"})


def groups(tokens: Sequence[Token], heading: bool = False) -> list[Group]:
    """The verb groups, in order; in a headline, as :func:`_headline_groups` reads them."""
    groups = []
    i, n = 0, len(tokens)
    while i < n:
        t = tokens[i]
        starts = t.is_verb or (t.tag == "TO" and i + 1 < n and tokens[i + 1].tag == "VB")
        if not starts or _adjectival(tokens, i):
            i += 1
            continue
        j = i + 1
        # A group goes on only after an auxiliary: "had been told", "will not say", "would
        # later/RBR say", but "said legalizing it ..." is two groups, "said" and "legalizing".
        verb = i
        while j < n and _auxiliary(tokens[verb]) and (tokens[j].is_verb or (
                tokens[j].tag in _BETWEEN and j + 1 < n and tokens[j + 1].is_verb)):
            if tokens[j].is_verb:
                verb = j
            j += 1
        members = [k for k in range(i, j) if tokens[k].is_verb]
        groups.append(_group(tokens, i, members))
        i = j
    found = _set_off_participles(tokens, _past_for_participle(tokens, groups))
    return _headline_groups(tokens, found) if heading else found


_AUXILIARIES = frozenset({"be", "have", "do", "get"})
_BETWEEN = frozenset({"RB", "RBR", "RP"})  # between an auxiliary and its verb


def _auxiliary(token: Token) -> bool:
    """A verb after which a group goes on: a modal, ``to``, or a form of be, have, do, get."""
    return token.tag in ("MD", "TO") or token.lemma in _AUXILIARIES


def _past_for_participle(tokens: Sequence[Token], groups: list[Group]) -> list[Group]:
    """Read a lone verb right after a noun (and an adverb) for what it is. The tagger often
    reads a past tense after a plural noun as a participle (``militants shelled/VBN the
    town``), and a reduced relative as a past tense (``the state of emergency declared/VBD
    after the attack will be lifted``). When only prepositional phrases lie between the lone
    verb, if it has a passive (not ``fled before police came``), and the next finite verb, it
    is a reduced relative (but not after "what" and its subject: ``What the army described
    as a cell was ...``); otherwise a lone participle with an object after it is the finite
    past, unless a later finite verb, not coordinated with it, is the main verb (``shelled the
    town and killed 12 people`` is; ``the town shelled by militants`` is not), and so is one
    joined by "and" to a past tense right after it (``The court overruled and said``), one
    with a means (``responded by saying``), and the clause's only verb at the end or, for a
    reporting verb, before phrases to the end (``..., aides argued in interviews.``; not ``by``).
    A lone verb after a noun phrase that an article opens right after a noun is the verb of a
    relative clause with no pronoun (``the men the mayor described as ...``), not before "by"."""
    out = list(groups)
    for g, group in enumerate(groups):
        lone = group.first == group.last and tokens[group.first].tag in ("VBN", "VBD")
        head = group.first - 1 - (group.first > 1 and tokens[group.first - 1].tag in ("RB", "RBR"))
        if not lone or group.first == 0 or tokens[head].tag not in _HEADS:
            continue
        by = group.last + 1 < len(tokens) and tokens[group.last + 1].lower == "by"
        if _contact_subject(tokens, head) and not by:
            out[g] = Group(group.first, group.last, True, "past", False, False, False, group.lemma)
            continue  # "The men the mayor described as ...": the verb of a relative clause
        later = next((h for h in groups[g + 1:] if h.finite), None)
        if later and group.lemma not in NO_PASSIVE and _only_phrases(tokens, group.last + 1, later.first):
            if not _after_what(tokens, head):  # (not "What the army described as ... was")
                out[g] = Group(group.first, group.last, False, "", False, False, True, group.lemma)
            continue
        k = group.last + 1 + (group.last + 1 < len(tokens) and tokens[group.last + 1].tag == "RP")
        nxt = tokens[k].tag if k < len(tokens) else "."  # past a particle: "set off a bomb"
        alone = not _finite_before(tokens, out[:g], group.first)
        means = alone and k + 1 < len(tokens) and tokens[k].lower == "by" and tokens[k + 1].tag == "VBG"
        if tokens[group.first].tag != "VBN" or not (
                later is None or tokens[later.first - 1].tag in ("CC", ",") or means):
            continue
        said = tokens[-1].tag == "." and tokens[k].lower != "by" and group.lemma in reporting_lemmas()
        if later is None and alone and (nxt == "." or (said and _only_phrases(tokens, k, len(tokens) - 1))):
            out[g] = Group(group.first, group.last, True, "past", False, False, False, group.lemma)
            continue
        coordinated = (nxt == "CC" and later is not None and later.first == group.last + 2
                       and tokens[later.first].tag == "VBD")  # "The court overruled and said"
        if nxt not in _OBJECT_STARTS and not coordinated and not means:
            continue  # "the town shelled by militants", "bombs hidden in freight"
        out[g] = Group(group.first, group.last, True, "past", False, False, False, group.lemma)
    return out


def _contact_subject(tokens: Sequence[Token], head: int) -> bool:
    """The noun phrase that ends at ``head`` is opened by an article right after a noun: the
    subject of a relative clause with no pronoun (``The men | the mayor described as ...``,
    ``the ferry | the board chartered``), whose verb is its own."""
    k = head
    while k > 0 and tokens[k].tag in ("JJ", "NN", "NNS", "NNP", "NNPS"):
        k -= 1
    return tokens[k].tag == "DT" and k > 0 and tokens[k - 1].tag in ("NN", "NNS", "NNP", "NNPS")


def _after_what(tokens: Sequence[Token], head: int) -> bool:
    """The noun phrase that ends at ``head`` follows "what": the subject of a free
    relative (``What the army described as a cell was ...``), whose verb is its own."""
    k = head
    while k >= 0 and tokens[k].tag in ("DT", "JJ", "NN", "NNS", "NNP", "NNPS", "POS", "PRP$", "PRP"):
        k -= 1
    return k >= 0 and tokens[k].lower == "what"


def _set_off_participles(tokens: Sequence[Token], groups: list[Group]) -> list[Group]:
    """A lone past form set off by commas after a noun phrase, before the sentence's own
    verb, is a reduced passive relative: a participle the tagger marked so, or a past form
    with its agent before the closing comma (``The Front, designated/VBD a terrorist group
    by the US, denied ...``, also past an adverb: ``The Front, officially designated a
    terrorist group, ...``; not ``Voss, 54, said ...``). The sentence's own verb read as a
    lone participle right after that comma, with no finite verb anywhere, is the past. A
    participle opening the sentence with its agent before its comma is a passive too
    (``Branded terrorists by the government, the rebels fought on``), and so is one with
    its agent in an aside that ends the sentence after its own verb (``The men belong to
    the Front, considered a terrorist group by Orsk.``)."""
    out = list(groups)
    for g, group in enumerate(groups):
        first = group.first
        lone = group.first == group.last and tokens[first].tag in ("VBN", "VBD")
        if lone and first == 0:  # (the tagger reads some as a past: "Designated/VBD ... by")
            if _opening_passive(tokens, groups, group):
                out[g] = Group(first, first, False, "", False, False, True, group.lemma)
            continue
        comma = past_adverbs(tokens, first - 1)  # "The Front, officially designated a ..., ..."
        if not lone or comma < 1 or tokens[comma].text != "," or tokens[comma - 1].tag not in _HEADS:
            continue
        close = next((k for k in range(first + 1, len(tokens))
                      if tokens[k].text in (",", ";", ":") or tokens[k].tag == "."), len(tokens))
        if (close == len(tokens) or tokens[close].tag == ".") and any(o.finite for o in out[:g]):
            # an aside that ends the sentence, after its own verb: "The men belong to the
            # Front, considered a terrorist group by Orsk."
            if tokens[first].tag == "VBN" and _agent(tokens, first + 1, close):
                out[g] = Group(first, first, False, "", False, False, True, group.lemma)
            continue
        h = next((h for h in range(g + 1, len(groups)) if groups[h].first > close), None)
        if close == len(tokens) or tokens[close].text != "," or h is None:
            continue
        later = groups[h]
        swapped = not later.finite and later.first == later.last == close + 1 and (  # "..., denied/VBN it"
            tokens[later.first].tag == "VBN" and not any(o.finite for k, o in enumerate(out) if k != g))
        if not later.finite and not swapped:
            continue
        # (an agent, not a means: "said Voss hurt his cause by attacking ...")
        if tokens[first].tag == "VBN" or _agent(tokens, first + 1, close):
            out[g] = Group(first, first, False, "", False, False, True, group.lemma)
            if swapped:
                out[h] = Group(later.first, later.last, True, "past", False, False, False, later.lemma)
    return out


def _opening_passive(tokens: Sequence[Token], groups: list[Group], group: Group) -> bool:
    """The participle opening the sentence has its agent before the first comma (``by``,
    not before a means: ``Spurred by winning, ...``), and a finite verb follows that comma."""
    close = first_comma(tokens, group.last + 1)
    return _agent(tokens, group.last + 1, close) and any(h.finite and h.first > close for h in groups)


def _agent(tokens: Sequence[Token], start: int, end: int) -> bool:
    """``by`` and an agent in ``tokens[start:end]``, not a means (``by attacking ...``)."""
    return any(tokens[k].lower == "by" and k + 1 < len(tokens) and tokens[k + 1].tag != "VBG"
               for k in range(start, end))


def _finite_before(tokens: Sequence[Token], earlier: list[Group], i: int) -> bool:
    """A finite verb stands before token ``i`` in its own clause: after the last comma,
    semicolon or conjunction before it (``Police found the men injured.``)."""
    start = next((k + 1 for k in range(i - 1, -1, -1)
                  if tokens[k].text in (",", ";") or tokens[k].tag == "CC"), 0)
    return any(h.finite and h.first >= start for h in earlier)


# What can start a verb's object: "militants shelled/VBN the town" is a past tense.
_OBJECT_STARTS = frozenset({"DT", "PRP$", "CD", "PRP", "NN", "NNS", "NNP", "NNPS", "JJ", "PDT"})
# Words that open a clause, not a prepositional phrase ("said if the gunmen returned ...").
_CLAUSE_OPENERS = frozenset({"that", "if", "whether", "because", "unless", "although", "though", "whereas",
                             "while", "when", "where"})
# Pronouns that can only be a subject, never a preposition's object.
_SUBJECT_PRONOUNS = frozenset({"i", "he", "she", "we", "they"})


def _only_phrases(tokens: Sequence[Token], first: int, stop: int) -> bool:
    """Tokens ``first`` to ``stop`` (exclusive) are prepositional phrases and adverbs only:
    each run of noun-phrase words opened by a preposition (not a verb of saying's gerund)."""
    if first >= stop or tokens[first].tag not in ("IN", "RB") or tokens[first].lower in _CLAUSE_OPENERS:
        return False
    if number_starts(tokens, first, stop):
        # a number as a subject: "said about 500 people came", "said about half of", "said
        # at least a dozen people were killed", "said up to 40 homes were"
        return False
    opened = False
    for k in range(first, stop):
        t = tokens[k]
        if t.lower in _CLAUSE_OPENERS or t.lower in _SUBJECT_PRONOUNS or (
                t.tag in _OPENERS and tokens[k - 1].tag in NOUNS and tokens[k + 1].lower not in TIMES):
            return False  # a clause's subject: "said on Friday he had", "in a statement it had"
        if t.tag == "VBG" and tokens[k - 1].tag == "IN" and t.lemma in saying_lemmas() and not any(
                x.tag in FINITE for x in tokens[stop + 1:]):  # (not "A man jailed for saying X was Y is")
            return False  # "left after saying the men had fled": the verb after is the gerund's clause's
        if t.tag in ("IN", "TO"):
            opened = True
        elif t.tag == "RB" or (opened and (t.tag in MODIFIERS or t.tag in NOUNS)):
            continue
        else:
            return False
    return True


def _adjectival(tokens: Sequence[Token], i: int) -> bool:
    """A participle between a determiner, number or adjective and a noun modifies the noun:
    ``two suspected terrorists``, ``the alleged attackers``; so does one joined by a hyphen
    to the word before it: ``the U.S.-designated group`` (``U.S.`` ``-`` ``designated``)."""
    return (tokens[i].tag in ("VBN", "VBG") and 0 < i < len(tokens) - 1
            and (tokens[i - 1].tag in ("DT", "CD", "JJ", "PRP$", "POS", "PDT")
                 or (tokens[i - 1].tag == "HYPH" and tokens[i - 1].end == tokens[i].start))
            and tokens[i + 1].tag in ("NN", "NNS", "NNP", "NNPS", "JJ"))


def _group(tokens: Sequence[Token], first: int, members: list[int]) -> Group:
    head = members[-1]
    lead = tokens[members[0]] if tokens[first].tag != "TO" else tokens[first]
    finite = lead.tag in FINITE
    tense = ("modal" if lead.tag == "MD" else "past" if lead.tag == "VBD" else "present") if finite else ""
    forms = [tokens[k].lower for k in members]
    last = tokens[head]
    perfect = (last.tag == "VBN" and any(f in _HAVE for f in forms[:-1])) or (
        len(forms) > 2 and forms[-2] == "been" and any(f in _HAVE for f in forms[:-2]))
    passive = last.tag == "VBN" and len(forms) > 1 and forms[-2] in _BE
    progressive = last.tag == "VBG" and len(forms) > 1 and forms[-2] in _BE
    return Group(first, head, finite, tense, perfect, progressive, passive, last.lemma)


def _headline_groups(tokens: Sequence[Token], found: Sequence[Group]) -> list[Group]:
    """A headline's verbs as its grammar means them, where no finite verb comes before: a
    participle right after its subject is a past passive (``Terrorists jailed over blast``:
    "were jailed"), and an infinitive there a plan (``Gunmen to face trial``: "are to")."""
    out = list(found)
    for g, group in enumerate(found):
        first = tokens[group.first]
        after_noun = group.first > 0 and tokens[group.first - 1].tag in _HEADS
        if group.finite or not after_noun or any(h.finite for h in out[:g]):
            continue
        if first.tag == "VBN" and group.first == group.last:
            out[g] = Group(group.first, group.last, True, "past", False, False, True, group.lemma)
        elif first.tag == "TO":
            out[g] = Group(group.first, group.last, True, "modal", False, False, group.passive, group.lemma)
    return out
