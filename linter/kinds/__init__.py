"""The rule kinds, by the name a rule's ``extends`` uses.

Adding a kind is one module exposing ``KIND`` plus its line in ``_MODULES`` (and in
``SETTINGS`` for each project config key it reads). A kind's module is imported the
first time a rule of that kind is loaded, so a run pays only for the kinds its rules
use: reading a project's config imports only the kinds whose settings it names.
"""

from __future__ import annotations

import importlib
from collections.abc import Iterator, Mapping

from linter.kinds.base import Kind

# kind name -> module under linter.kinds
_MODULES: dict[str, str] = {
    "existence": "existence",
    "substitution": "substitution",
    "consistency": "consistency",
    "occurrence": "occurrence",
    "repetition": "repetition",
    "capitalization": "capitalization",
    "conditional": "conditional",
    "quotes": "quotes",
    "claims": "claims",
    "names": "names",
    "variants": "variants",
    "readability": "readability",
    "sentencelength": "sentencelength",
    "proselint": "prose_lint",
    "sequence": "sequence",
}

# house setting (a project config key that a kind reads, ``Kind.settings``) -> that kind;
# a test checks this table against the kinds.
SETTINGS: dict[str, str] = {
    "quote-style": "quotes",
    "prefer": "names",
}


class _Kinds(Mapping[str, Kind]):
    def __init__(self) -> None:
        self._loaded: dict[str, Kind] = {}

    def __getitem__(self, name: str) -> Kind:
        if name not in self._loaded:
            module = importlib.import_module(f"linter.kinds.{_MODULES[name]}")
            kind: Kind = module.KIND
            self._loaded[name] = kind
        return self._loaded[name]

    def __contains__(self, name: object) -> bool:
        return name in _MODULES

    def __iter__(self) -> Iterator[str]:
        return iter(_MODULES)

    def __len__(self) -> int:
        return len(_MODULES)


KINDS: Mapping[str, Kind] = _Kinds()


def describe(name: str) -> str:
    """A kind's documentation for ``copydesk explain KIND``: its module's docstring, then
    its keys (required ones marked) and their defaults."""
    kind = KINDS[name]
    doc = importlib.import_module(f"linter.kinds.{_MODULES[name]}").__doc__ or ""
    defaults = kind.defaults or {}
    keys = [f"  {key}{' (required)' if key in kind.required else ''}"
            + (f": default {defaults[key]!r}" if key in defaults else "") for key in sorted(kind.keys)]
    heading = "keys of this kind (with the common keys every rule takes):"
    return "\n".join([f"kind: {name}", "", doc.strip(), "", heading, *keys])
