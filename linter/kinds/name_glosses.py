"""Where a story gives a second form of a name on purpose, for ``Names.Variants``.

A translation in brackets (``Fondation de France (Foundation of France)``) and a form
declared as another one (``Svetlana Tikhanovskaya, as she is known in Russian``, ``also
spelt Lukashenka``, ``known in Belarusian as Sviatlana``) are not one name spelled two
ways by mistake. A use is a span ``(start, end)`` of the story's text.
"""

from collections.abc import Iterable

from linter.lib.cache import compile_pattern

_GLOSS_REACH = 80
_DECLARED_REACH = 60
# After the form (and up to two more capitalised words of the name): ", as she is known in
# Russian", ", as the ferry's papers spell it", "(also spelt ...", "in Russian".
_DECLARED_AFTER = compile_pattern(
    r"(?:[ \t]+[A-Z][\w'’-]*){0,2}[ \t]*[,(]?[ \t]*(?:"
    r"as[ \t]+(?:she|he|it|they|[A-Z][\w'’-]*|(?:the|his|her|its|their)(?:[ \t]+[\w'’-]+){1,3}?)"
    r"[ \t]+(?:(?:is|are|was|were)[ \t]+)?"
    r"(?:also[ \t]+|often[ \t]+|better[ \t]+|widely[ \t]+|then[ \t]+)?"
    r"(?:known|called|spelt|spelled|written|transliterated|spells?|writes?)\b"
    r"|(?:also[ \t]+)?(?:spelt|spelled|written|transliterated)\b"
    r"|in[ \t]+(?:Russian|Belarusian|Ukrainian|Kazakh|Georgian|Arabic|Persian|Farsi|Turkish|Chinese"
    r"|Mandarin|Cantonese|Hebrew|Serbian|Croatian|Polish|Czech|French|German|Spanish|Portuguese)"
    r"(?=[ \t]*[,.;)]))")
# Before the form (and up to two capitalised words of the name before it): "also spelt",
# "also known as", "transliterated as", "known in Russian as".
_DECLARED_BEFORE = compile_pattern(
    r"\b(?:also[ \t]+(?:known[ \t]+as|called|spelt|spelled|written)"
    r"|(?:spelt|spelled|written|transliterated)(?:[ \t]+in[ \t]+[A-Z][a-z]+)?(?:[ \t]+as)?"
    r"|known[ \t]+in[ \t]+[A-Z][a-z]+[ \t]+as)[ \t,:]*(?:[A-Z][\w'’-]*[ \t]+){0,2}\Z")


def translated(text: str, uses: Iterable[tuple[int, int]], other: str) -> bool:
    """A use follows an opening bracket with ``other`` just before it: one form glosses
    the other (``Fondation de France (Foundation of France)``)."""
    for start, _ in uses:
        before = text[max(0, start - _GLOSS_REACH):start]
        if before.rstrip().endswith("(") and other in before:
            return True
    return False


def declared(text: str, start: int, end: int) -> bool:
    """The use at ``[start, end)`` is declared as another form of a name: ``Svetlana
    Tikhanovskaya, as she is known in Russian``, ``Lukashenka (also spelt ...)``, ``also
    spelt Lukashenka``."""
    if _DECLARED_AFTER.match(text, end, end + _DECLARED_REACH) is not None:
        return True
    return _DECLARED_BEFORE.search(text, max(0, start - _DECLARED_REACH), start) is not None
