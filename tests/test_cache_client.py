"""The Redis cache keeps one ``redis.Redis`` per connection pool instead of
building one per call (lms.cache.ReusedRedisCacheClient)."""

import redis

from lms.cache import ResilientRedisCache, ReusedRedisCacheClient

# Nothing listens on the discard port: building clients never connects.
UNREACHABLE = "redis://127.0.0.1:9/0"


def test_every_call_gets_the_same_client_for_the_same_pool():
    cache = ResilientRedisCache(UNREACHABLE, {})
    client = cache._cache
    assert isinstance(client, ReusedRedisCacheClient)
    first = client.get_client("a")
    assert isinstance(first, redis.Redis)
    assert client.get_client("b") is first
    assert client.get_client("c", write=True) is first
    assert first.connection_pool is client._get_connection_pool(write=True)


def test_each_server_keeps_its_own_client():
    cache = ResilientRedisCache([UNREACHABLE, "redis://127.0.0.1:9/1"], {})
    client = cache._cache
    writer = client.get_client(write=True)
    reader = client.get_client()  # reads go to the replica when there is one
    assert writer is not reader
    assert writer.connection_pool.connection_kwargs["db"] == 0
    assert reader.connection_pool.connection_kwargs["db"] == 1
    assert client.get_client() is reader
