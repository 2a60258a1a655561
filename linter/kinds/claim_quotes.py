"""The quotations a ``quote`` claim asks about (:mod:`.claims`): full direct quotations,
not headlines, transcript turns, titles of works (also with their author after them:
``"...," by Ada Frey``) or words after a colon, each with the
span its speaker may be sought around: through its last paragraph when it runs on (the
multi-paragraph convention, where the speaker is often named at the end)."""

import re
from collections.abc import Iterator, Sequence

from linter.analysis.quotations import Quotation
from linter.kinds.claim_context import ClaimContext
from linter.lib.cache import compile_pattern
from linter.model.document import HEADLINE_MAX

_LEAD_WORDS = compile_pattern(r"\S+(?:\s+\S+){0,2}")
_WORD = compile_pattern(r"[\w'’-]+")
_COLON_INTRO = compile_pattern(r":\s*\Z")
# A title followed by its author ("“Harbour of ghosts,” by Ada Frey, opens ..."): a work
# named, its writer given.
_BYLINE = compile_pattern(r"[ \t]+by[ \t]+[A-Z]")
_QUOTE_ENDS = frozenset(".,!?…;:-—–")
_LABEL = compile_pattern(r"\s*(?:[A-Z][\w'’.-]*(?:\s+[A-Z][\w'’.-]*){0,3}?)??\s*:")


def quote_claims(ctx: ClaimContext, minwords: int, titles: re.Pattern[str] | None,
                 ) -> Iterator[tuple[int, int, tuple[int, int]]]:
    """Each quotation to ask about: the span to report (its opening mark and first words)
    and the whole quotation, through its continuations."""
    quotations = ctx.an.quotations.quotations
    for i, q in enumerate(quotations):
        if q.depth or q.continued or not _full(ctx, q) or _short(ctx.text, q, minwords):
            continue
        if _headline(ctx, q) or _labelled(ctx, q):
            continue
        if _titled(ctx, titles, q) or _COLON_INTRO.search(ctx.text, max(0, q.start - 4), q.start) or (
                q.closed and _BYLINE.match(ctx.text, q.end)):
            continue
        lead = _LEAD_WORDS.match(ctx.text, q.content_start, q.content_end)
        yield q.start, lead.end() if lead else q.content_start, (q.start, _through(quotations, i))


def _through(quotations: Sequence[Quotation], i: int) -> int:
    """The end of quotation ``i``'s last continuation (``"... .`` then ``"... ," said
    Voss.`` in the next paragraph), or its own end when it closes in its paragraph."""
    end = quotations[i].end
    if quotations[i].closed:
        return end
    for q in quotations[i + 1:]:
        if q.depth:
            continue
        if not q.continued:
            break
        end = q.end
    return end


def _full(ctx: ClaimContext, q: Quotation) -> bool:
    """True for a quotation that opens its sentence and ends as a sentence does."""
    sentence = ctx.an.sentences.sentence_at(q.start)
    if ctx.first_word(sentence.start, sentence.end) < q.start:
        return False
    return not q.closed or ctx.text[q.content_end - 1 : q.content_end] in _QUOTE_ENDS


def _headline(ctx: ClaimContext, q: Quotation) -> bool:
    """True in a short first line: a headline such as ``'Memories of Marley...'``."""
    first = ctx.an.sentences.paragraphs[0] if ctx.an.sentences.paragraphs else None
    return first is not None and first.start <= q.start < first.end <= first.start + HEADLINE_MAX


def _labelled(ctx: ClaimContext, q: Quotation) -> bool:
    """True in a paragraph opened by a speaker label, as in a transcript (``Mr Ode: ...``)."""
    paragraph = ctx.an.sentences.paragraph_at(q.start)
    if paragraph is None:
        return False
    # The words of a label are whole words, so each number of words gives one label; the
    # lazy pattern finds the shortest, once per paragraph: a label ends before q.start
    # exactly when the shortest does (matching up to q.start for each quotation would
    # read the paragraph's first words again for each).
    label = ctx.shared(("label", paragraph.start),
                       lambda: _LABEL.match(ctx.text, paragraph.start, paragraph.end))
    return label is not None and label.end() <= q.start


def _short(text: str, q: Quotation, minwords: int) -> bool:
    return len(_WORD.findall(text, q.content_start, q.content_end)) < minwords


def _titled(ctx: ClaimContext, titles: re.Pattern[str] | None, q: Quotation) -> bool:
    """True when the quotation names a work or a label: ``the film "..."``, ``dubbed "..."``."""
    if titles is None:
        return False
    before = ctx.text[max(0, q.start - 40) : q.start].rstrip()
    return any(m.end() == len(before) for m in titles.finditer(before))
