"""Helpers for tests that race real database connections (PostgreSQL only) or wait for work
done by the real Celery worker (.ci/run; tasks run eagerly elsewhere)."""

import threading
import time

import pytest
from django.db import connection, connections


@pytest.fixture
def needs_postgres():
    if connection.vendor != "postgresql":
        pytest.skip("concurrent-writer test needs PostgreSQL (run by .ci/run)")


def run_concurrently(jobs, timeout: float = 120) -> tuple[list, list]:
    """Starts every job at once (a barrier) on its own connection; returns (errors, results)."""
    barrier = threading.Barrier(len(jobs))
    errors, results = [], []

    def worker(job):
        try:
            barrier.wait()
            results.append(job())
        except Exception as exc:  # collected for the test to assert on
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=worker, args=(job,)) for job in jobs]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=timeout)
    return errors, results


def wait_for(predicate, seconds: float = 60.0, interval: float = 0.2) -> bool:
    """Polls `predicate` until it holds or `seconds` pass; returns its last value."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if predicate():
            return True
        time.sleep(interval)
    return bool(predicate())


def celery_worker_idle(seconds: float = 120.0) -> bool:
    """Waits until .ci/run's real worker has nothing queued, reserved or running (seen twice in a
    row, so a task that queues another is not missed between two looks). A solo-pool worker
    answers control messages only between tasks, so no answer means it is busy."""
    from lms.celery import app

    deadline = time.monotonic() + seconds
    quiet_looks = 0
    with app.connection_for_read() as conn:
        channel = conn.default_channel
        while time.monotonic() < deadline and quiet_looks < 2:
            inspect = app.control.inspect(timeout=1.0, limit=1, connection=conn)
            active, reserved = inspect.active(), inspect.reserved()
            queued = channel.queue_declare(queue=app.conf.task_default_queue)  # its size
            busy = (active is None or reserved is None or queued.message_count
                    or any(active.values()) or any(reserved.values()))
            quiet_looks = 0 if busy else quiet_looks + 1
            time.sleep(0.05 if not busy else 0.2)
    return quiet_looks >= 2
