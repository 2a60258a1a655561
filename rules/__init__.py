"""Bundled rule packs (YAML). Installed as the ``linter.packs`` package so that
non-editable installs ship them; see pyproject.toml."""
