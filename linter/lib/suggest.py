"""Did-you-mean hints for names a user typed (rule ids, styles, options)."""

from __future__ import annotations

from collections.abc import Iterable


def nearest(word: str, choices: Iterable[str]) -> str | None:
    """The choice closest to ``word`` (case ignored), or None when none is close."""
    import difflib  # only a mistyped name needs it: not every start

    folded: dict[str, str] = {}
    for choice in choices:
        folded.setdefault(choice.casefold(), choice)
    match = difflib.get_close_matches(word.casefold(), list(folded), n=1, cutoff=0.75)
    return folded[match[0]] if match else None


def did_you_mean(word: str, choices: Iterable[str]) -> str:
    """`` (did you mean 'X'?)`` for the nearest choice, or "" when none is close."""
    found = nearest(word, choices)
    return f" (did you mean {found!r}?)" if found is not None and found != word else ""
