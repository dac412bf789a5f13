"""Position lookups in lists kept in text order: the start of each item, computed once per list."""

from __future__ import annotations

_CACHE: dict[tuple[int, str], tuple[list, list[int]]] = {}


def starts(items: list, attribute: str) -> list[int]:
    """``[getattr(item, attribute) for item in items]``, remembered for the list last asked about
    (a document's sections or sentences are looked up many times while it is extracted)."""
    key = (id(items), attribute)
    cached = _CACHE.get(key)
    if cached is None or cached[0] is not items or len(cached[1]) != len(items):
        cached = (items, [getattr(item, attribute) for item in items])
        if len(_CACHE) > 8:
            _CACHE.clear()
        _CACHE[key] = cached
    return cached[1]
