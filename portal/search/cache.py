"""Cached search results and counts, and forgetting them all at once when the index changes.

Every key carries the index's version: bumping the version makes every cached entry stale in one step,
without listing the keys.
"""

import hashlib

from django.core.cache import cache

_VERSION_KEY = "search:index-version"


def search_cache_key(name, text, language, kind, sector, region):
    version = cache.get_or_set(_VERSION_KEY, 1, None)
    normalized = " ".join(text.lower().split())
    digest = hashlib.sha256(
        f"{normalized}|{language}|{kind}|{getattr(sector, 'pk', '')}|{getattr(region, 'pk', '')}".encode()
    ).hexdigest()[:32]
    return f"search:{version}:{name}:{digest}"


def forget_cached_counts():
    """Called whenever the index changes: every cached count becomes stale at once."""
    try:
        cache.incr(_VERSION_KEY)
    except ValueError:
        cache.set(_VERSION_KEY, 1, None)
