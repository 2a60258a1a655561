"""The regular expressions a ``claims`` rule builds from its keys: its triggers, an
accusation's actor and verb or its passive, and the agents that name no doer (the
triggers' matches are found by :mod:`.claim_triggers`)."""

import re
from collections.abc import Mapping
from typing import Any

from linter.analysis.cues import verb_forms
from linter.kinds.base import OptionError, compile_terms, flexible_spaces, rule_regex
from linter.lib.literals import accelerated

# The days and the months: capitalised words that name no one (shared by the claims modules).
DAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
MONTHS = ("January", "February", "March", "April", "May", "June", "July", "August", "September",
          "October", "November", "December")

# Past passives only ("be killed", "are killed" are hypothetical or generic), and not
# in a relative clause that describes victims ("survivors who were attacked"); with up to
# two adverbs before the participle ("was reportedly kidnapped", "was badly beaten by",
# "was later looted", "was not only looted but burned"; not a plain "not"), or "found"
# ("A man was found stabbed in his flat"); and "after being" ("died after being stabbed",
# not "without being attacked" or "fear being kidnapped").
_PASSIVE = (
    r"\b(?<!who\s)(?<!which\s)(?<!that\s)(?:was|were|been|(?<=\bafter\s)being)\s+"
    r"(?:(?:also|then|later|subsequently|first|found|not\s+only|[a-z]+ly)\s+){0,2}"
)


def regex(key: str, patterns: tuple[str, ...], flags: int) -> re.Pattern[str] | None:
    """The patterns of ``key`` as one regular expression (None for none)."""
    if not patterns:
        return None
    return rule_regex(key, "|".join(f"(?:{accelerated(flexible_spaces(p), flags)})" for p in patterns), flags)


def terms(key: str, words: tuple[str, ...]) -> re.Pattern[str] | None:
    """The words of ``key`` as whole terms, in any case (None for none)."""
    return compile_terms(key, words, ignorecase=True, nonword=False) if words else None


def _alternatives(words: tuple[str, ...]) -> str:
    return "|".join(flexible_spaces(w) for w in words) or "(?!)"


# Between an actor and its verb: spaces, with one line break at most (a hard-wrapped
# paragraph), never a blank line (a headline and the paragraph after it).
_GAP = r"(?:[ \t]+(?:\n[ \t]*)?|\n[ \t]*)"
# Besides lower-case words and numbers ("A mob of about 200 people attacked"), the
# capitalised words that name no doer between an actor and its verb: a day or a month
# ("Gunmen on Tuesday stormed") or a place ("Gunmen in Orsk stormed"); any other may name
# the group ("fighters linked to the Orsk Front killed").
_WHEN = "(?-i:{})".format("|".join((*DAYS, *MONTHS)))
_PLACE = "(?:(?<=in )|(?<=near )|(?<=from )|(?<=outside ))(?-i:[A-Z][a-z]+)"
# An aside of lower-case words right after the actor, a relative clause, what they wore
# or carried, or who did not do it: "The attackers, who wore masks, opened fire",
# "Gunmen, some 20 of them, ...", "Gunmen, not soldiers, killed ..." (one with a
# capitalised word may name the group: "The gunmen, members of the Orsk Front, ..."; and
# ", police said," attributes what follows).
_ASIDE = (r"(?:,[ \t]+(?-i:who|some|all|most|many|both|each|armed|wearing|dressed|carrying|riding|not)\b"
          r"(?:[ \t]+(?-i:[a-z]+|\d[\d,]*)){0,8},)?")
# A gap word is not a verb of saying: in "Security forces said they had killed 30
# fighters" or "Rebels claim they killed 30 soldiers" the actor says what was done, and
# the words after the verb are its report (attributed, as "The army said troops had
# killed ..." is), not an act of its own; but "Gunmen said to be linked to ... killed"
# is, and so is "Gunmen saying they were police killed ..." (a participle describes the
# actor). The finite forms of these lemmas, as rules/_data/cues.yml lists them.
_SAYING = ("acknowledge", "add", "admit", "announce", "boast", "claim", "confirm", "deny", "insist", "report",
           "say", "state", "tell")


def _not_said() -> str:
    forms = sorted({form for lemma in _SAYING for form in verb_forms(lemma) if not form.endswith("ing")})
    return rf"(?!(?-i:{'|'.join(forms)})\b(?! to\b))"


# Not right after a passive's auxiliary: in "Two soldiers were killed" the actors are the
# victims, and the passive is read as one.
_NOT_PASSIVE = "".join(rf"(?<!\b{aux}\s)"
                       for aux in ("was", "were", "been", "being", "be", "is", "are", "got"))


def accusation(keys: Mapping[str, Any], flags: int) -> re.Pattern[str]:
    """``<actor> [up to four words] <verb>`` or ``<passive> <verb>``, the verb as ``claim``."""
    if not (keys["verbs"] and keys["actors"]) and not keys["passives"]:
        raise OptionError("verbs", "an accusation rule needs verbs and actors, or passives")
    verbs, actors = _alternatives(keys["verbs"]), _alternatives(keys["actors"])
    passives = _alternatives(keys["passives"])
    pattern = (
        rf"\b(?:{actors}){_ASIDE}{_GAP}(?:{_not_said()}(?-i:[a-z]+|\d[\d,]*|{_WHEN}|{_PLACE}){_GAP}){{0,4}}?{_NOT_PASSIVE}"
        rf"(?P<claim>(?:{verbs}))\b"
        rf"|{_PASSIVE}(?P<passive>(?:{passives}))\b"
    )
    return rule_regex("verbs", pattern, flags)


def agents(keys: Mapping[str, Any]) -> re.Pattern[str] | None:
    """``by`` and up to three lower-case words, then one of the rule's ``agents``: an agent
    that names no doer."""
    words = keys["agents"]
    if not words:
        return None
    # Only lower-case words before it: "Hutu militias" and "fighters of the Orvel Liberation
    # Front" name their group, and so the doer.
    pattern = (rf"\s+(?:\w+\s+)?by\s+(?:(?-i:[a-z])[\w'’-]*\s+){{0,3}}?(?:{_alternatives(words)})\b"
               r"(?!\s+(?:of|from)\s+(?:the\s+)?(?-i:[A-Z]))")
    return rule_regex("agents", pattern, re.IGNORECASE)

