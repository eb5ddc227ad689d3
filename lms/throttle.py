"""Fixed-window attempt counters in the cache: the rate limits on sign-in codes, link-code
redemption and adult self-registration. (The API's limits are DRF throttles.)

A counter lives for `window` seconds from its first count. Under a shared cache (Redis in
production) every process counts into the same key; `incr` is atomic there."""

from django.core.cache import cache


def attempts(key: str) -> int:
    return cache.get(key, 0)


def attempt_count(key: str, window: int) -> None:
    """Adds one attempt to `key`'s window, opening the window when there is none."""
    cache.add(key, 0, window)
    try:
        cache.incr(key)
    except ValueError:  # the window closed between add and incr
        cache.set(key, 1, window)
