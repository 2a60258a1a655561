"""Safe YAML loading that remembers the line of every mapping key.

Rule and config errors must name the YAML line of the offending key, so
mappings load as :class:`YamlMap`, a dict that also knows its key lines.
Loading is PyYAML's safe loader: tags such as ``!!python/object`` are refused.
Duplicate keys are an error (PyYAML would silently keep the last one).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from linter.lib.cache import memo
from linter.lib.plaindata import YamlMap

__all__ = ["YamlError", "YamlMap", "load"]


class YamlError(Exception):
    """A problem in a YAML file, at a 1-based line (0 when unknown)."""

    def __init__(self, path: str, line: int, message: str) -> None:
        super().__init__(f"{path}:{line}: {message}" if line else f"{path}: {message}")
        self.path = path
        self.line = line
        self.message = message


@lru_cache(maxsize=1)
def _loader() -> Any:
    """PyYAML's safe loader (libyaml's parser when PyYAML was built with it), with
    mappings as :class:`YamlMap` and duplicate keys refused. Built on first use:
    importing PyYAML is a good part of a cold start, and cached files skip it."""
    import yaml

    class Loader(getattr(yaml, "CSafeLoader", yaml.SafeLoader)):  # type: ignore[misc]
        pass

    def construct_map(loader: Any, node: Any) -> YamlMap:
        loader.flatten_mapping(node)
        result = YamlMap()
        result.line = node.start_mark.line + 1
        for key_node, value_node in node.value:
            key = loader.construct_object(key_node, deep=True)
            line = key_node.start_mark.line + 1
            if not isinstance(key, str):
                key = str(key)
            if key in result:
                raise yaml.MarkedYAMLError(problem=f"duplicate key {key!r}",
                                           problem_mark=key_node.start_mark)
            result[key] = loader.construct_object(value_node, deep=True)
            result.lines[key] = line
        return result

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_map)
    return Loader


def _parse(text: str, path: str) -> Any:
    import yaml

    try:
        return yaml.load(text, Loader=_loader())
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        reason = " ".join(p for p in (exc.context, exc.problem) if p)
        raise YamlError(path, line, reason or "malformed YAML") from None
    except yaml.YAMLError as exc:
        raise YamlError(path, 0, str(exc).splitlines()[0]) from None


def load(text: str, path: str) -> Any:
    """Parse ``text``; raise :class:`YamlError` naming ``path`` and the line.

    A text parsed before is read from the persistent cache (:mod:`linter.lib.cache`),
    keyed by the whole text; errors are never cached. Callers must not change what
    they get: one text parsed twice in a process gives the same objects.
    """
    return memo("yaml", text, 0, lambda: _parse(text, path))
