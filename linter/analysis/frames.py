"""Attribution frames: in one parsed sentence, each reporting cue, its source and the
content it attributes to that source.

Cues: a reporting verb tagged as a verb (``said``, ``told``, ``state``, ``claimed``,
``described ... as``, ``believe``; not ``state television`` or ``her tweet``), ``according
to``, a colon after a speaker's name (``Mr Reyes: ...``, and in a headline ``Voss to
strikers: ...``), a source after a dash at the end of a headline (``Port shelled
overnight -police``: kind "dash"); a demand or wish told as an
event (``called for``, ``demanded``, ``wants``: kind "act"), evidence with a bare clause
(``records show the men were moved``: kind "evidence"), a view before ``as`` (``sees
the men as ...``) and a stance after a copula (``Police are confident the men ...``: a
thought; the vague passive of ``are worried`` gives way to it), and a noun of naming
with an owner (``Voss's description of the men as ...``), or a participle of designation
and its authority (``a designated terrorist group in the EU``: :mod:`.naming_frames`). For
each cue:

- the **source** is the subject of the verb (``Police said``), the noun after an inverted
  verb (``..., said the ministry``), the agent of a passive (``was reported by the BBC``),
  the noun after ``according to``, or, for a participle (``adding that ...``), the subject
  of the sentence's reporting verb;
- the source is **vague** when it names no one: ``experts``, ``analysts``, ``critics``,
  ``sources``, ``some``, ``many``, ``observers``, a passive with no agent (``it is
  understood``, ``the gunmen are thought to``). A vague source attributes nothing: the
  words stay the writer's own, and the weasel rule is about the vague phrase itself;
- the **content** is the complement after the cue (``said (that) ...``, ``told reporters
  ...``, ``described the men as ...``, after a colon or a dash), the clause before a
  trailing cue (``..., the army said on Monday.``), or the whole clause around a
  parenthetical cue (``The attack, police said, was planned``) or ``according to``.

Clauses end at ``;`` and at ``, and``/``, but`` before a new subject, so a cue attributes
nothing in a clause of its own (``The terrorists fled, and police said ...``); a second
verb of the same subject (``..., and should be freed, the group says``) is no new clause.
The content of a demand or a view ends where a clause of time, cause or contrast begins
and before another frame's source or cue, and the words naming a source are never its
content.
"""

from __future__ import annotations

from linter.analysis.according_frames import according_frames
from linter.analysis.frame_base import Frame
from linter.analysis.naming_frames import designation_frames, naming_frames, word_frames
from linter.analysis.phrase_frames import (
    colon_frames,
    dash_frames,
    noun_frames,
    stance_frames,
)
from linter.analysis.pointer_frames import credit_frames, pointer_frames
from linter.analysis.syntax import Parse
from linter.analysis.verb_frames import verb_frames

__all__ = ["Frame", "frames"]


def frames(parse: Parse) -> list[Frame]:
    """Every attribution frame of the sentence, in order of their cues."""
    if not parse.tokens:
        return []
    stances = stance_frames(parse)
    held = {f.cue for f in stances}  # "Officials are worried ...": the officials', not a vague passive
    found = [f for f in verb_frames(parse) if not (f.kind == "passive" and f.vague and f.cue in held)]
    found += according_frames(parse) + colon_frames(parse) + dash_frames(parse) + noun_frames(parse) + stances
    found += naming_frames(parse) + designation_frames(parse) + word_frames(parse) + pointer_frames(parse)
    found += credit_frames(parse)
    return sorted((_short(f, found) for f in found), key=lambda f: f.cue)


def _short(frame: Frame, found: list[Frame]) -> Frame:
    """The content of a demand, a view or evidence ends before another frame's source or
    cue: in "Ministers want X, analysts said", what the analysts said is not the
    demand; in "Figures showed X and experts say Y", Y is not in the figures."""
    if frame.kind not in ("act", "evidence") and not (frame.thought and frame.kind == "verb"):
        return frame
    lo, hi = frame.content
    for other in found:
        first = min((other.cue[0], *(other.source or ())))
        if other is not frame and lo < first < hi:
            hi = first
    return frame if hi == frame.content[1] else frame._replace(content=(lo, hi))
