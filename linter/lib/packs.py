"""Where the bundled rule packs and their data are: ``rules/`` in a checkout, installed as
the package ``linter.packs``. Found through the import system, not ``importlib.resources``
(whose import a plain check does not need)."""

from __future__ import annotations

from importlib.util import find_spec
from pathlib import Path


def packs_dir() -> Path | None:
    """The packs' folder, or None when this install has none."""
    spec = find_spec("linter.packs")
    if spec is None or not spec.submodule_search_locations:
        return None
    return Path(next(iter(spec.submodule_search_locations)))
