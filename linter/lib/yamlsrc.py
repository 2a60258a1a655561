"""Safe YAML loading that remembers the line of every mapping key.

Rule and config errors must name the YAML line of the offending key, so
mappings load as :class:`YamlMap`, a dict that also knows its key lines.
Loading is PyYAML's safe loader: tags such as ``!!python/object`` are refused.
Duplicate keys are an error (PyYAML would silently keep the last one), and so are
aliases that would expand past a small budget (:data:`ALIAS_BUDGET`).
"""

from __future__ import annotations

from functools import lru_cache
from typing import Any

from linter.lib.cache import memo
from linter.lib.plaindata import YamlMap
from linter.lib.shown import brief

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
                raise yaml.MarkedYAMLError(problem=f"duplicate key {brief(key)}",
                                           problem_mark=key_node.start_mark)
            result[key] = loader.construct_object(value_node, deep=True)
            result.lines[key] = line
        return result

    Loader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, construct_map)
    return Loader


# Aliases may repeat at most this many values beyond those written out in the file. A few
# hundred bytes of anchors and aliases can otherwise stand for billions of values (the
# "billion laughs"), which every later step (validation, the cache, an error message) would
# expand.
ALIAS_BUDGET = 10_000
_CAP = 1 << 40  # sizes are counted up to here: enough to say "too many"


def _children(node: Any) -> list[Any]:
    value = node.value
    if isinstance(value, list):
        return [n for item in value for n in (item if isinstance(item, tuple) else (item,))]
    return []


def _check_aliases(root: Any, path: str) -> None:
    """Refuse a document whose aliases expand past :data:`ALIAS_BUDGET` values, naming the
    line of the anchored value that is repeated the most. The nodes are counted once each
    (an alias is the anchored node again), so this costs the size of the file."""
    order: list[Any] = []  # distinct nodes, children before parents
    refs: dict[int, int] = {}
    stack: list[tuple[Any, bool]] = [(root, False)]
    while stack:
        node, done = stack.pop()
        if done:
            order.append(node)
            continue
        refs[id(node)] = refs.get(id(node), 0) + 1
        if refs[id(node)] == 1:
            stack.append((node, True))
            stack.extend((child, False) for child in _children(node))
    size: dict[int, int] = {}
    for node in order:
        size[id(node)] = min(_CAP, 1 + sum(size[id(child)] for child in _children(node)))
    if size[id(root)] - len(order) <= ALIAS_BUDGET:
        return
    worst = max(order, key=lambda n: (refs[id(n)] - 1) * size[id(n)])
    raise YamlError(path, worst.start_mark.line + 1,
                    f"aliases repeat this value into more than {ALIAS_BUDGET:,} values; "
                    "write the values out instead")


def _parse(text: str, path: str) -> Any:
    import yaml

    loader = _loader()(text)
    try:
        node = loader.get_single_node()
        if node is None:
            return None
        _check_aliases(node, path)
        return loader.construct_document(node)
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = mark.line + 1 if mark else 0
        reason = " ".join(p for p in (exc.context, exc.problem) if p)
        raise YamlError(path, line, reason or "malformed YAML") from None
    except yaml.YAMLError as exc:
        raise YamlError(path, 0, str(exc).splitlines()[0]) from None
    finally:
        loader.dispose()


def load(text: str, path: str) -> Any:
    """Parse ``text``; raise :class:`YamlError` naming ``path`` and the line.

    A text parsed before is read from the persistent cache (:mod:`linter.lib.cache`),
    keyed by the whole text; errors are never cached. Callers must not change what
    they get: one text parsed twice in a process gives the same objects.
    """
    return memo("yaml", text, 0, lambda: _parse(text, path))
