"""Whether an attribution frame's source names anyone: a vague head ("experts",
"analysts", "sources") or a group named for its cause alone ("rights groups") with nothing
to make it specific, a quantifier standing for people
("some", "many"), a share of no one named ("Many in Orsk"), or reports no one owns. The
frame builders ask :func:`vague_source` of each source they find."""

from collections.abc import Sequence

from linter.analysis.chunks import Chunk
from linter.analysis.frame_base import lexicon
from linter.analysis.syntax import Parse
from linter.analysis.tagging import Token

_PERSONS = frozenset({"he", "she", "they", "it", "we", "i", "you"})
QUANTIFIERS = frozenset({"some", "many", "others", "most", "several", "few", "one"})
# Shares of the people a poll asked: "one quarter said" speaks for them, as "a quarter said" does.
_SHARES = frozenset({"half", "third", "thirds", "quarter", "quarters", "fifth", "fifths", "percent", "%"})
_DESCRIBING = frozenset({"at", "from", "with", "for", "by"})
# What puts a source inside a body: "a source at the ministry", "sources within the army".
_WITHIN = frozenset({"at", "in", "inside", "within"})
# A share of a whole that names no one: "Many in Orsk", "Some of the dockers".
_SOME = frozenset({"some", "many", "most", "several", "few", "others"})
_OF_A_WHOLE = frozenset({"in", "of", "among", "within"})
_DESCRIBING_TAGS = frozenset({"JJ", "NN", "NNP", "NNS"})
# Vague heads that, singular and definite, are one person the story has already met ("the
# analyst said"); an anonymous source stays one ("the source said").
_ONE_PERSON = frozenset({"analyst", "commentator", "critic", "detractor", "economist", "expert", "insider",
                         "observer", "opponent", "pundit", "sceptic", "scientist", "skeptic", "supporter"})
# Participles that put an owner after a report: "a report published by the bank".
_MAKING = frozenset({"circulate", "commission", "compile", "issue", "post", "prepare", "produce", "publish",
                     "release", "send", "sign", "write"})
# Outlets that, "local" and unnamed, name no one ("local media"; not "state media", a
# broadcaster the story's country makes plain).
_OUTLETS = frozenset({"media", "press", "newspapers", "papers", "outlets", "television", "radio"})
# Heads of groups of campaigners that, named for their cause alone, name no one ("rights
# groups", "aid organisations", "environmental campaigners"; the causes are cue data).
_GROUPS = frozenset({"group", "organisation", "organization", "campaigner", "activist"})
# Groups that a possessive only sets for or against its owner ("its critics", "Voss's
# supporters"): no one named.
_SIDES = frozenset({"critic", "detractor", "opponent", "sceptic", "skeptic", "supporter"})
_UNDESCRIBING = frozenset({"unnamed", "anonymous", "other", "various", "informed", "reliable", "certain"})


def vague_source(parse: Parse, chunk: Chunk | None) -> bool:
    """A source that names no one: a vague head (experts, analysts, sources) or a group
    named for its cause (rights groups) with no name in it or attached to it, a quantifier
    used as a pronoun (some, many), or reports no one owns (``unowned_report``). A name
    joined to it ("Ada Frey and others") names someone."""
    if chunk is None:
        return True
    vague_heads = lexicon().vague
    head = parse.tokens[chunk.last]
    if head.lower in _PERSONS:
        return False
    words = parse.tokens[chunk.first:chunk.last]
    if _for_a_cause(head, words) and not chunk.definite:
        return not described(parse, chunk)  # "Rights groups say", "according to aid organisations"
    if (chunk.proper or head.tag in ("NNP", "NNPS")) and not _share_of(parse, chunk):
        return False
    if any(t.lower in ("and", "or") for t in words) and any(t.tag in ("NNP", "NNPS") for t in words) and (
            not _share_of(parse, chunk)):
        return False  # "Ada Frey and others said": a name among them
    if head.lemma in QUANTIFIERS or head.lower in QUANTIFIERS:
        return True
    if _share_of(parse, chunk):
        return True  # "Many in Orsk believe", "Some of the dockers say": a share of no one named
    if head.lower == "reports":  # "Reports said", "local reports say" (not "a report which shows")
        return unowned_report(parse, chunk)
    if head.lower in _OUTLETS and any(t.lower == "local" for t in words) and not described(parse, chunk):
        return True  # "Local media reported", "according to local media": outlets no one names
    first = parse.tokens[chunk.first].lower
    if (first in QUANTIFIERS and head.lower not in _SHARES and not (first == "one" and head.tag == "NN")
            and not described(parse, chunk)):
        # "some residents", "many officials"; not "one quarter", "some 40 percent", nor one
        # person counted ("One witness said", as "A witness said")
        return True
    # "Independent researchers say" (not bare "researchers", mostly a named study's)
    if head.lemma == "researcher" and len(words) == 1 and words[0].lower in lexicon().standing:
        return not described(parse, chunk)
    if head.lemma not in vague_heads and head.lower not in vague_heads:
        return False
    if chunk.definite and head.tag == "NN" and head.lemma in _ONE_PERSON:
        return False  # "the 57-year-old scientist says": one person, whom the story has met
    return not described(parse, chunk)


def _for_a_cause(head: Token, words: Sequence[Token]) -> bool:
    """A group (``head``) that the words before it name for a cause and nothing else:
    "rights groups", "Human rights groups" (capitalised only to open the sentence),
    "environmental campaigners"; not "Orsk rights groups" (whose?), nor one of them ("a rights
    group said", as "a monitoring group said", describes one body the story may name later)."""
    causes = lexicon().causes
    if not head.lower.endswith("s") or (head.lemma not in _GROUPS and head.lower.rstrip("s") not in _GROUPS):
        return False
    return any(t.lower in causes for t in words) and not any(
        t.tag in ("NNP", "NNPS") and t.lower not in causes for t in words)


def _share_of(parse: Parse, chunk: Chunk) -> bool:
    """A quantifier and a preposition stand right before the chunk: ``Many in | Orsk``,
    ``Some of | the dockers``, ``most among | them``."""
    k = chunk.first
    return k >= 2 and parse.tokens[k - 1].lower in _OF_A_WHOLE and parse.tokens[k - 2].lower in _SOME


# What a source may be that reports without saying whose it is: "a report". After
# "according to", also "a statement" or "one account" (a subject "A statement said ..."
# mostly follows the sentence that says whose it is; "according to a survey" mostly has
# its survey named in the next paragraph).
_REPORTS = frozenset({"report"})
_STATEMENTS = frozenset({"statement", "account"})
DOCUMENTS = _REPORTS | _STATEMENTS
# Pictures, which say nothing of their own: what "according to videos verified by the
# Courier" or "according to satellite images" reports is what was seen, told in the
# writer's words, as after "Footage showed" (not "a video released by the army", whose
# maker speaks through it).
PICTURES = frozenset({"video", "footage", "image", "imagery", "picture", "photograph", "photo", "film"})


def unowned_report(parse: Parse, chunk: Chunk, heads: frozenset[str] = _REPORTS) -> bool:
    """A report (one of ``heads``) no one owns: "reports", "local reports", "a report"; not
    "the reports", "a report by the Halvern Institute", "an internal report by the
    ministry", "police reports", "an official report", nor a statement or an account with
    a noun before it, which names whose it is ("an army statement", "a club statement"), as
    Sourcing.Weasel reads them (reports are many kinds: "news reports", "wire reports")."""
    words = parse.tokens[chunk.first:chunk.last]
    head = parse.tokens[chunk.last].lemma
    return head in heads and not chunk.definite and not chunk.proper and (
        not described(parse, chunk)) and not _by_someone(parse, chunk) and not any(
            t.lemma in lexicon().sources or t.lower == "official"
            or (head in _STATEMENTS and t.tag in ("NN", "NNS")) for t in words)


def _by_someone(parse: Parse, chunk: Chunk) -> bool:
    """"by" or "from" and a definite or named noun phrase follow ``chunk``, or its
    participle of making it (``a report released by the Harbour Institute``; not ``a
    report seen by the Courier``): its owner."""
    i = chunk.last + 1
    if i < len(parse.tokens) and parse.tokens[i].lemma in _MAKING and parse.tokens[i].tag == "VBN":
        i += 1
    if i + 1 >= len(parse.tokens) or parse.tokens[i].lower not in ("by", "from"):
        return False
    owner = parse.chunk_at(i + 1)
    return owner is not None and owner.first == i + 1 and (owner.definite or owner.proper or (
        parse.tokens[owner.last].tag in ("NNP", "NNPS")))


def described(parse: Parse, chunk: Chunk) -> bool:
    """A vague head made specific by what follows: ``experts at the Halvern Institute``,
    ``sources close to the club``, ``analysts from Corvel Bank``; by an owner before it
    (``the bank's chief economist``, ``its analysts``; not ``its critics`` or ``Voss's
    supporters``, whom a possessive only sets for or against someone, as Sourcing.Weasel
    reads them); or a source by the word before
    it, as Sourcing.Weasel reads it (``security sources``, ``a diplomatic source``; not
    ``unnamed sources``), or by the body it sits in (``a source at the ministry``, ``a
    source in the security services``: ``a ministry source``; not ``sources in Orsk``, a
    place); or people by where they live (``local people``, who are residents, as
    ``villagers`` are)."""
    i = chunk.last + 1
    tokens = parse.tokens
    if any(t.tag in ("POS", "PRP$") for t in tokens[chunk.first:chunk.last]) and (
            tokens[chunk.last].lemma not in _SIDES):
        return True
    before = tokens[chunk.last - 1] if chunk.last > chunk.first else None
    if tokens[chunk.last].lemma == "source" and before is not None and before.tag in _DESCRIBING_TAGS and (
            before.lower not in _UNDESCRIBING):
        return True
    # (not "some local people", as vague as "some residents")
    if tokens[chunk.last].lower == "people" and before is not None and before.lower == "local" and (
            tokens[chunk.first].lower not in QUANTIFIERS):
        return True
    if i < len(tokens) and tokens[i].lower == "close" and i + 1 < len(tokens) and tokens[i + 1].lower == "to":
        return True
    if tokens[chunk.last].lemma == "source" and i < len(tokens) and tokens[i].lower in _WITHIN:
        body = parse.chunk_at(i + 1)
        if body is not None and body.first == i + 1 and body.definite and not body.proper:
            return True
    if i < len(tokens) and tokens[i].lower in _DESCRIBING:
        nxt = parse.chunk_at(i + 1)
        return nxt is not None and (nxt.proper or parse.tokens[nxt.last].tag in ("NNP", "NNPS"))
    return False
