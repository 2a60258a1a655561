"""Whose words a span of a draft is: the answer :meth:`linter.analysis.Analysis.voice` gives.

On its own so that a run whose rules never ask (term lists that report inside quotations
too) does not load the attribution analysis and its cue lexicon to name the answers.
"""

import enum


class Voice(enum.Enum):
    QUOTED = "quoted"  # inside a direct quotation
    ATTRIBUTED = "attributed"  # in the content of a source that names someone
    VAGUE = "vague"  # in the content of a source that names no one ("experts say ...")
    OWN = "own"
