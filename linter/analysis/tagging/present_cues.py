"""Where the tagger reads a reporting verb's -s form as a plural noun: a present that
stands before what it reports (``Mr Orwin argues/NNS that ...``, ``A spokesman
confirms/NNS the men ...``), in an aside after a name or a noun phrase (``The men, Voss
insists/NNS, ...``, ``The men, the mayor insists/NNS, ...``) or trailing a sentence after
its subject (``..., a new survey indicates/NNS.``).
:func:`linter.analysis.tagging.repairs.repair` asks these."""

# What opens a clause a singular subject's reporting verb reports: "confirms the/DT men ...".
_CLAUSE_OPENS = frozenset({"DT", "PRP", "PRP$", "IN"})


def reports_s(low: str, reporting: frozenset[str]) -> bool:
    """``low`` is the -s form of a reporting verb: argues, insists, replies."""
    return low[:-1] in reporting or low[:-2] in reporting or (
        low.endswith("ies") and low[:-3] + "y" in reporting)


def present_cue(words: list[str], tags: list[str], i: int, noun_too: bool) -> bool:
    """The -s form at ``i`` stands where a reporting verb's present would: before ``that``
    after a name, a comma or an adverb, in an aside after a name (``The men, Voss insists,
    ...``) or, when the word is no plural of a noun as well (``noun_too``: claims, notes,
    reports), after a noun phrase (``The men, the mayor insists, ...``), or after a
    singular noun or a name and before the clause it reports (``A spokesman confirms the
    men ...``)."""
    if tags[i - 1] in ("NN", "NNP") and tags[i + 1] in _CLAUSE_OPENS:
        return True
    if words[i + 1] == "," and not noun_too and tags[i - 1] == "NN" and _phrase_aside(words, tags, i):
        return True
    return tags[i - 1] in (",", "NNP", "NNPS", "RB", "PRP") and (
        words[i + 1].lower() == "that" or (words[i + 1] == "," and _name_aside(words, tags, i)))


def _phrase_aside(words: list[str], tags: list[str], i: int) -> bool:
    """A noun phrase with a determiner or a possessive, set off by a comma before ``i``:
    ``The men, the mayor insists, ...``, ``..., his lawyer argues, ...``, ``..., the
    mayor's office insists, ...``."""
    k = i - 1
    while k > 0 and tags[k] in ("NN", "NNP", "JJ", "POS"):
        k -= 1
    return k > 0 and tags[k] in ("DT", "PRP$") and words[k - 1] == ","


def _name_aside(words: list[str], tags: list[str], i: int) -> bool:
    """A name set off by a comma before ``i``: ``The men, Ada Frey insists, ...``."""
    k = i - 1
    while k > 0 and tags[k] in ("NNP", "NNPS"):
        k -= 1
    return k < i - 1 and words[k] == ","


def trailing_subject(words: list[str], tags: list[str], i: int) -> bool:
    """A noun phrase with a determiner, or a name, right after a comma (or "or so") ends
    before ``i``: ``..., a new poll``, ``..., the ministry``, ``..., Ada Voss``, ``Or so the
    mayor``."""
    j = i - 1
    while j > 0 and tags[j] in ("NN", "NNP", "JJ"):
        j -= 1
    if words[j] == "," and j < i - 1:
        return all(t == "NNP" for t in tags[j + 1:i])
    k = j - (tags[j] == "DT")  # "Or so the mayor claims/NNS.", "..., or so Voss claims/NNS."
    if k > 0 and k < i - 1 and words[k].lower() == "so" and words[k - 1].lower() == "or":
        return True
    return tags[j] == "DT" and j > 0 and words[j - 1] == ","
