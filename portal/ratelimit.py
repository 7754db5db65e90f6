"""A fixed-window rate limit in the shared cache, for public forms that anyone may post (event
registration). Sign-in and sign-up have django-allauth's own limits."""

import time

from django.conf import settings
from django.core.cache import cache


def client_ip(request):
    """The visitor's address. Behind TRUSTED_PROXY_COUNT proxies, it is the address the outermost
    trusted proxy saw, read from X-Forwarded-For (addresses further left can be forged by the client)."""
    proxies = settings.ALLAUTH_TRUSTED_PROXY_COUNT
    if proxies:
        forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
        if len(forwarded) >= proxies:
            return forwarded[-proxies]
    return request.META.get("REMOTE_ADDR", "")


def allow(request, action, limit, period_seconds):
    """Count one use of ``action`` by the visitor; False once they went over ``limit`` in the period."""
    window = int(time.time() // period_seconds)
    key = f"ratelimit:{action}:{client_ip(request)}:{window}"
    cache.add(key, 0, period_seconds)
    try:
        count = cache.incr(key)
    except ValueError:  # the key expired between add and incr
        cache.set(key, 1, period_seconds)
        count = 1
    return count <= limit
