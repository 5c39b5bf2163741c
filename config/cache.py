"""The shared Redis cache, degrading instead of failing when Redis is down.

Everything Cible keeps in the cache can be recomputed or skipped: cached
page fragments, API throttle and brief rate-limit counters (which then fail
open), the session cache (sessions also live in the database). So an
unreachable Redis behaves like an empty cache, rather than turning every page
into a 500. Errors other than a lost connection (a missing key for `incr`, a
wrong value) still raise.

An outage is logged, not every call it fails: a warning when this process
first finds Redis unreachable, then at most one every WARNING_INTERVAL seconds
while it stays so (with how many calls went without it), and one line when
Redis answers again.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.db import DatabaseCache
from django.core.cache.backends.redis import RedisCache
from django.db import connections
from redis.exceptions import ConnectionError as RedisConnectionError
from redis.exceptions import TimeoutError as RedisTimeoutError

logger = logging.getLogger(__name__)

UNREACHABLE = (RedisConnectionError, RedisTimeoutError)
# While Redis stays unreachable, a process warns at most this often (seconds).
WARNING_INTERVAL = 60


def _now():
    return time.monotonic()


class _Outage:
    """Whether this process finds Redis unreachable, so an outage logs a few lines, not one per call."""

    def __init__(self):
        self._lock = threading.Lock()
        self.since = None  # when this process first found Redis unreachable; None while it answers
        self._warned_at = 0.0
        self._unwarned = 0  # failed calls since the last warning
        self._failed = 0  # failed calls since the outage began

    def failed(self, operation):
        with self._lock:
            now = _now()
            self._failed += 1
            if self.since is None:
                self.since, self._warned_at, self._unwarned = now, now, 0
                first = True
            elif now - self._warned_at >= WARNING_INTERVAL:
                first = False
                unwarned, self._warned_at, self._unwarned = self._unwarned + 1, now, 0
            else:
                self._unwarned += 1
                return
            down_for = now - self.since
        if first:
            logger.warning(
                "Cache unreachable during %s(); carrying on without it (warning again at most every %d s).",
                operation,
                WARNING_INTERVAL,
                exc_info=True,
            )
        else:
            logger.warning(
                "Cache still unreachable after %d s; %d calls carried on without it since the last warning.",
                down_for,
                unwarned,
                exc_info=True,
            )

    def answered(self):
        with self._lock:
            if self.since is None:
                return
            down_for, failed = _now() - self.since, self._failed
            self.since, self._unwarned, self._failed = None, 0, 0
        logger.info("Cache reachable again after %d s; %d calls carried on without it.", down_for, failed)


_outage = _Outage()


def _degrade(method, fallback):
    @functools.wraps(method)
    def wrapper(self, *args, **kwargs):
        try:
            result = method(self, *args, **kwargs)
        except UNREACHABLE:
            _outage.failed(method.__name__)
            return fallback(*args, **kwargs)
        if _outage.since is not None:
            _outage.answered()
        return result

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


class LimitsDatabaseCache(DatabaseCache):
    """Rate-limit counters in the database: a store that never evicts a live counter.

    Django's database cache culls a share of all rows, live ones included, once it holds
    MAX_ENTRIES; here culling deletes expired rows only, so no flood of other keys can
    reset a visitor's counter. Every process shares it through the database.
    """

    def _cull(self, db, cursor, now, num):
        connection = connections[db]
        table = connection.ops.quote_name(self._table)
        expires = connection.ops.quote_name("expires")
        cursor.execute(
            f"DELETE FROM {table} WHERE {expires} < %s",  # noqa: S608  # nosec B608  # quoted names, no input
            [connection.ops.adapt_datetimefield_value(now)],
        )
