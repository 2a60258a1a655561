"""The version of copydesk (also the distribution's, read from here by pyproject.toml)."""

__version__ = "0.1.0"
