"""Foundations that know nothing of news copy: reading text files safely, a pattern cache
that cannot run code, YAML with key lines, regular expressions (compiling, refusing
catastrophic backtracking, required literals, tries, prefix scanners), path globs.

Imports nothing else from ``linter``.
"""
