"""The frame rate limit: the server's policing and a client's pacing share one bucket."""

from __future__ import annotations

import pytest

from agent_desk.protocol.codec import request_ref
from agent_desk.protocol.limits import Limits
from agent_desk.protocol.rate import CLIENT_BURST_SHARE, CLIENT_RATE_SHARE, TokenBucket, client_pace


def test_token_bucket_allows_bursts_then_limits_then_flags_floods() -> None:
    bucket = TokenBucket(rate=10, burst=5)
    assert all(bucket.take(0.0) for _ in range(5))
    assert not bucket.take(0.0)
    assert not bucket.flooding
    assert bucket.take(1.0), "refilled after a second"
    for _ in range(20):
        bucket.take(1.0)
    assert bucket.flooding


def test_retry_after_says_when_the_next_frame_is_taken() -> None:
    bucket = TokenBucket(rate=10, burst=2)
    assert bucket.take(0.0)
    assert bucket.take(0.0)
    assert not bucket.take(0.0)
    wait = bucket.retry_after()
    assert wait == pytest.approx(0.2)  # one frame of debt plus the frame to come, at 10/s
    assert not bucket.take(wait - 0.01)
    assert bucket.retry_after() > 0
    fresh = TokenBucket(rate=10, burst=2)
    assert fresh.retry_after() == 0.0


def test_reserve_queues_concurrent_senders_one_interval_apart() -> None:
    bucket = TokenBucket(rate=4, burst=2)
    delays = [bucket.reserve(0.0) for _ in range(5)]
    assert delays == pytest.approx([0.0, 0.0, 0.25, 0.5, 0.75])
    # Sending at the times reserved never goes over the server's bucket of the same size.
    server = TokenBucket(rate=4, burst=2)
    assert all(server.take(t) for t in delays)


def test_a_paced_client_never_trips_the_servers_limit_however_big_its_backlog() -> None:
    limits = Limits()
    pace = client_pace(limits.rate_per_second, limits.rate_burst)
    assert pace.rate == pytest.approx(limits.rate_per_second * CLIENT_RATE_SHARE)
    assert pace.burst == pytest.approx(limits.rate_burst * CLIENT_BURST_SHARE)
    server = TokenBucket(limits.rate_per_second, limits.rate_burst)
    now = 0.0
    for _ in range(1000):  # an outbox that filled over a long time offline
        now += pace.reserve(now)
        assert server.take(now)
    # ...and it is not slower than it must be: 1000 frames at 90 % of the rate, after the burst.
    assert now == pytest.approx((1000 - pace.burst) / pace.rate, rel=0.01)


def test_a_bucket_needs_a_positive_rate() -> None:
    with pytest.raises(ValueError, match="positive rate"):
        TokenBucket(rate=0, burst=5)


@pytest.mark.parametrize(
    ("frame", "ref"),
    [
        ('{"type": "send", "id": "d41", "text": "hi"}', "d41"),
        (b'{"id": "7", "type": 3}', "7"),
        ('{"type": "send", "id": 41}', None),
        ('{"type": "send", "id": ""}', None),
        ('{"type": "send", "id": "' + "x" * 65 + '"}', None),
        ("{not json", None),
        (b"\xff\xfe", None),
        ("[1, 2]", None),
        ('{"type": "send", "deep": ' + "[" * 50 + "]" * 50 + ', "id": "9"}', "9"),
        ('{"type": "send", "deep": ' + "[" * 5000 + "]" * 5000 + ', "id": "9"}', None),  # past the decoder's depth
    ],
)
def test_request_ref_reads_only_a_usable_id(frame: str | bytes, ref: str | None) -> None:
    assert request_ref(frame) == ref
