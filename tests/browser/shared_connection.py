"""The live server and the test take turns on a shared SQLite connection.

Under `make test` the database is SQLite in memory, which exists only on one connection, so
pytest-django's live server hands the test's connection to its request threads. That connection's
transaction state (atomic blocks, savepoints, `needs_rollback`) is a single object; Django's docs
warn that simultaneous use "may sometimes randomly cause the tests to fail". On a slow CI machine
it did: a request on a server thread ran while the test thread was inside an atomic block (or two
requests overlapped), an IntegrityError that course_complete handles with its savepoint was
counted against the other thread's block, and the connection stayed in a broken transaction that
turned every later request of the session into a 500.

So while the connection is shared, only one thread uses it at a time:
- each request holds CONNECTION_LOCK from the application call until its response is closed
  (where Django sends `request_finished`);
- the test thread holds it for the whole session, except while it waits inside a Playwright
  call — the only time the browser, and so the server, has work to do.
On PostgreSQL (the second pass of .ci/run) every thread has its own connection and none of this
applies.
"""

from __future__ import annotations

import threading
from collections.abc import Iterator
from contextlib import contextmanager

from django.test.testcases import LiveServerThread

CONNECTION_LOCK = threading.RLock()


class _ReleaseOnClose:
    """A response's iterable that releases the lock when the server closes it. wsgiref closes the
    result after sending it, and also when the client has gone away mid-response."""

    def __init__(self, result):
        self.result = result

    def __iter__(self):
        return iter(self.result)

    def close(self) -> None:
        try:
            close = getattr(self.result, "close", None)
            if close is not None:
                close()
        finally:
            CONNECTION_LOCK.release()


class _OneRequestAtATime:
    """WSGI middleware around the live server's application."""

    def __init__(self, application):
        self.application = application

    def __call__(self, environ, start_response):
        CONNECTION_LOCK.acquire()
        try:
            return _ReleaseOnClose(self.application(environ, start_response))
        except BaseException:
            CONNECTION_LOCK.release()
            raise


class TurnTakingLiveServerThread(LiveServerThread):
    """Django's live server thread (threaded, so Chromium's idle pre-connections cannot stall it)
    whose requests take the lock when the connection is shared."""

    def _create_server(self, connections_override=None):
        server = super()._create_server(connections_override=connections_override)
        if connections_override:
            set_app = server.set_app
            server.set_app = lambda application: set_app(_OneRequestAtATime(application))
        return server


@contextmanager
def test_thread_turns() -> Iterator[None]:
    """Holds the lock on the test thread, letting go of it whenever the sync Playwright API waits
    for the browser: every call, `expect_*` block and event value waits in `wait_for_future`."""
    from playwright._impl import _sync_base

    original_wait = _sync_base.wait_for_future

    def wait_letting_the_server_run(*args, **kwargs):
        if not CONNECTION_LOCK._is_owned():  # a wait inside a wait: already let go
            return original_wait(*args, **kwargs)
        CONNECTION_LOCK.release()
        try:
            return original_wait(*args, **kwargs)
        finally:
            CONNECTION_LOCK.acquire()

    CONNECTION_LOCK.acquire()
    _sync_base.wait_for_future = wait_letting_the_server_run
    try:
        yield
    finally:
        _sync_base.wait_for_future = original_wait
        CONNECTION_LOCK.release()
