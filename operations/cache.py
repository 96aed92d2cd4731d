"""Redis as a cache that an outage cannot turn into errors, except where an outage must refuse.

Almost everything the app keeps in Redis can be rebuilt from the database: Wagtail's site root
paths, the site chrome, the anonymous page cache. ``TolerantRedisCache`` logs a Redis error
and answers as if the key were missing (reads miss, writes and deletes are dropped, ``add``
does not add), so public pages are served straight from the database while Redis is down.

Rate limits are the exception: a limit that cannot be counted must not be waved through, or a
Redis outage opens logins to password guessing. Keys starting with one of the alias's
``FAIL_CLOSED_KEYS`` (allauth's rate limits, ``allauth:rl:``) raise ``CacheUnavailable``
instead; ``operations.middleware.RefuseDuringOutageMiddleware`` answers that with a
translated 503 page, so a login is refused clearly while Redis is down.

After an error the alias does not ask Redis again for ``RETRY_AFTER`` seconds (2 by default):
an unreachable host costs one timeout per process in that window, not one per cache call.

The alias also keeps one ``redis.Redis`` client per connection pool (``SharedClient``)
where Django builds a new one for every cache call.
"""

import functools
import logging
import threading
import time

from django.core.cache.backends.redis import RedisCache, RedisCacheClient
from redis.exceptions import RedisError

logger = logging.getLogger("approdo.cache")


class CacheUnavailable(Exception):
    """Redis did not answer for a key that must not be guessed (a rate limit)."""


def _keys(key_or_keys):
    if isinstance(key_or_keys, str):
        return (key_or_keys,)
    return tuple(key_or_keys)


def _tolerant(missing):
    """Runs a cache method; on a Redis error answers ``missing(*args, **kwargs)`` instead."""

    def decorate(method):
        @functools.wraps(method)
        def wrapper(self, key_or_keys, *args, **kwargs):
            if not isinstance(key_or_keys, (str, dict, list, tuple)):
                key_or_keys = list(key_or_keys)  # a generator is read once, here
            strict = any(str(key).startswith(self.fail_closed_keys) for key in _keys(key_or_keys))
            if time.monotonic() < self.down_until:
                if strict:
                    raise CacheUnavailable("Redis is unreachable")
                return missing(key_or_keys, *args, **kwargs)
            try:
                return method(self, key_or_keys, *args, **kwargs)
            except RedisError as error:
                self.down_until = time.monotonic() + self.retry_after
                logger.warning("Redis unreachable, cache treated as empty: %s", error)
                if strict:
                    raise CacheUnavailable("Redis is unreachable") from error
                return missing(key_or_keys, *args, **kwargs)

        return wrapper

    return decorate


def _not_found(*args, **kwargs):
    raise ValueError("Key not found (Redis is unreachable).")


class SharedClient(RedisCacheClient):
    """Django's Redis cache client, reusing one ``redis.Redis`` per connection pool.

    Django's client builds a ``redis.Redis`` for every cache call, and each one fills its
    table of about 170 reply handlers: on a public page that reads the cache a few times,
    building clients cost as much as the round trips to Redis. A ``redis.Redis`` is safe to
    share between threads, since every command takes its own connection from the pool.
    The first calls of several threads at once build one pool and one client, not one each
    (Django's own check-then-create would let them race).
    """

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self._clients = {}
        self._building = threading.Lock()

    def _get_connection_pool(self, write):
        pool = self._pools.get(self._get_connection_pool_index(write))
        if pool is None:
            with self._building:
                pool = super()._get_connection_pool(write)
        return pool

    def get_client(self, key=None, *, write=False):
        pool = self._get_connection_pool(write)
        client = self._clients.get(id(pool))  # pools live as long as this object
        if client is None:
            with self._building:
                client = self._clients.get(id(pool))
                if client is None:
                    client = self._clients[id(pool)] = self._client(connection_pool=pool)
        return client


class TolerantRedisCache(RedisCache):
    """Django's Redis cache whose errors are misses, except for the fail-closed keys."""

    def __init__(self, server, params):
        super().__init__(server, params)
        self._class = SharedClient
        self.fail_closed_keys = tuple(params.get("FAIL_CLOSED_KEYS", ()))
        self.retry_after = float(params.get("RETRY_AFTER", 2))
        self.down_until = 0.0

    get = _tolerant(lambda key, default=None, version=None: default)(RedisCache.get)
    add = _tolerant(lambda *args, **kwargs: False)(RedisCache.add)
    set = _tolerant(lambda *args, **kwargs: None)(RedisCache.set)
    touch = _tolerant(lambda *args, **kwargs: False)(RedisCache.touch)
    delete = _tolerant(lambda *args, **kwargs: False)(RedisCache.delete)
    has_key = _tolerant(lambda *args, **kwargs: False)(RedisCache.has_key)
    incr = _tolerant(_not_found)(RedisCache.incr)
    get_many = _tolerant(lambda *args, **kwargs: {})(RedisCache.get_many)
    set_many = _tolerant(lambda data, *args, **kwargs: list(data))(RedisCache.set_many)
    delete_many = _tolerant(lambda *args, **kwargs: None)(RedisCache.delete_many)

    def clear(self):
        try:
            return super().clear()
        except RedisError as error:
            logger.warning("Redis unreachable, cache not cleared: %s", error)
            return False
