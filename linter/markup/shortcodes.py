"""CMS shortcodes: the bracketed tags that WordPress and systems like it leave in drafts
(``[caption id="attachment_12" align="alignright"]``, ``[/caption]``,
``[embed]...[/embed]``). They are markup in every format, and separate the words around
them: their quoted attribute values would count as the story's quotation marks, and their
names and values as its words.

Only unmistakable tags are masked: one with attributes (``name=value``), a closing tag,
and a bare tag that a closing tag of its name follows somewhere in the draft. An editor's
insertion in prose, "[sic]", "[Applause]", "[by the committee]" or "[1]", is none of
these. No part of a tag may hold a bracket or a line break, so that a search started at
every ``[`` of a draft stops at the next one: the pass is linear.
"""

from linter.lib.cache import compile_pattern

_VALUE = r"""(?:"[^"\[\]\n]*"|'[^'\[\]\n]*'|&quot;(?:(?!&quot;)[^\[\]\n])*&quot;|[^\s"'\[\]]+)"""
_TAG = compile_pattern(
    r"\[(/?)([A-Za-z][\w-]*)((?:[ \t]+[\w-]+[ \t]*=[ \t]*" + _VALUE + r")*)[ \t]*/?\]")


def shortcode_spans(source: str) -> list[tuple[int, int]]:
    """The spans of ``source`` that are shortcode tags, in order."""
    if "[" not in source:
        return []
    found = list(_TAG.finditer(source))
    closed = {m.group(2) for m in found if m.group(1)}
    return [m.span() for m in found if m.group(1) or m.group(3) or m.group(2) in closed]
