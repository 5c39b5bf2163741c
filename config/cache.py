"""The shared Redis cache, degrading instead of failing when Redis is down.

Everything Cible keeps in the cache can be recomputed or skipped: cached
page fragments, API throttle and brief rate-limit counters (which then fail
open), the session cache (sessions also live in the database). So an
unreachable Redis logs a warning and behaves like an empty cache, rather than
turning every page into a 500. Errors other than a lost connection (a
missing key for `incr`, a wrong value) still raise.
"""

import functools
import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)


def _degrade(method, fallback):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except UNREACHABLE:
            logger.warning("Cache unreachable during %s(); carrying on without it.", method.__name__, exc_info=True)
            return fallback(*args, **kwargs)

    return wrapper


class ResilientRedisCache(RedisCache):
    get = _degrade(RedisCache.get, lambda key, default=None, version=None: default)
    get_many = _degrade(RedisCache.get_many, lambda *args, **kwargs: {})
    has_key = _degrade(RedisCache.has_key, lambda *args, **kwargs: False)
    add = _degrade(RedisCache.add, lambda *args, **kwargs: False)
    set = _degrade(RedisCache.set, lambda *args, **kwargs: None)
    set_many = _degrade(RedisCache.set_many, lambda *args, **kwargs: [])
    touch = _degrade(RedisCache.touch, lambda *args, **kwargs: False)
    incr = _degrade(RedisCache.incr, lambda *args, **kwargs: None)
    delete = _degrade(RedisCache.delete, lambda *args, **kwargs: False)
    delete_many = _degrade(RedisCache.delete_many, lambda *args, **kwargs: None)
    clear = _degrade(RedisCache.clear, lambda *args, **kwargs: False)
