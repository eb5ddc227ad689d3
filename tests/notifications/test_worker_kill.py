"""A Celery worker killed in the middle of sending loses no notification and sends none twice.

Runs a real worker (subprocess) on Redis DB 13 against this test's PostgreSQL database, kills it
with SIGKILL while a send is in flight, starts a second worker and checks the outbox: every
delivery sent, each idempotency key exactly once. Needs PostgreSQL and Redis (CI's second pass)."""

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from django.conf import settings
from django.db import connection

from lms.notifications.models import Delivery, Notification, Preference
from lms.notifications.services import deliveries_create
from tests.factories import UserFactory

REDIS_URL = "redis://127.0.0.1:6379/13"
N_DELIVERIES = 6
REPO = Path(__file__).resolve().parents[2]


def _redis_ok() -> bool:
    try:
        import redis

        return redis.Redis.from_url(REDIS_URL, socket_timeout=1).ping()
    except Exception:  # noqa: BLE001 - any failure means "not available"
        return False


pytestmark = [
    pytest.mark.django_db(transaction=True),
    pytest.mark.skipif(not settings.DATABASES["default"]["ENGINE"].endswith("postgresql"),
                       reason="needs PostgreSQL: the worker process must share the test DB"),
    pytest.mark.skipif(not _redis_ok(), reason="needs Redis at 127.0.0.1:6379"),
]


def _db_url() -> str:
    s = connection.settings_dict
    auth = s["USER"] + (f":{s['PASSWORD']}" if s.get("PASSWORD") else "")
    return f"postgres://{auth}@{s['HOST'] or '127.0.0.1'}:{s['PORT'] or 5432}/{s['NAME']}"


def _start_worker(outbox: Path, name: str) -> subprocess.Popen:
    env = {**os.environ,
           "DJANGO_SETTINGS_MODULE": "lms.settings.test", "DATABASE_URL": _db_url(),
           "CELERY_BROKER_URL": REDIS_URL, "CELERY_RESULT_BACKEND": "",
           "CELERY_TASK_ALWAYS_EAGER": "false",
           "HOCMO_NOTIFICATIONS_SMS_ADAPTER": "file", "HOCMO_NOTIFICATIONS_OUTBOX_DIR": str(outbox),
           "HOCMO_NOTIFICATIONS_FILE_ADAPTER_DELAY": "1.5", "HOCMO_NOTIFICATIONS_LEASE_SECONDS": "3"}
    env.pop("CELERY_RESULT_BACKEND")
    return subprocess.Popen(  # noqa: S603 - fixed argv: this interpreter running celery
        [sys.executable, "-m", "celery", "-A", "lms", "worker", "--pool=solo", "-c", "1",
         "-l", "warning", "-n", f"{name}@%h", "--without-heartbeat", "--without-gossip",
         "--without-mingle"], cwd=REPO, env=env,
        stdout=open(outbox / f"{name}.log", "w"), stderr=subprocess.STDOUT)  # noqa: SIM115


def _sent_keys(outbox: Path) -> list[str]:
    path = outbox / "sms.jsonl"
    if not path.exists():
        return []
    return [json.loads(line)["key"] for line in path.read_text().splitlines() if line.strip()]


def _wait(predicate, timeout: float, what: str):
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if predicate():
            return
        time.sleep(0.2)
    raise AssertionError(f"timed out waiting for {what}")


def test_worker_killed_mid_send_loses_none_and_sends_none_twice(tmp_path, monkeypatch):
    import redis
    from celery import Celery

    redis.Redis.from_url(REDIS_URL).flushdb()
    user = UserFactory(username="ph.kill", phone="0912999000")
    pref = Preference.objects.create(user=user, sms=True, email=False, quiet_start=0,
                                     quiet_end=0)
    ids = []
    for i in range(N_DELIVERIES):
        n = Notification.objects.create(user=user, event="class_news", title=f"Tin {i}",
                                        body=f"Tin {i}", sms_text=f"Tin {i}")
        ids += [d.pk for d in deliveries_create(n, user, pref, ["sms"])]
    # CI exports CELERY_BROKER_URL for its own worker, and Celery lets that variable win over
    # any broker given in code: drop it so the tasks go to this test's own workers.
    monkeypatch.delenv("CELERY_BROKER_URL", raising=False)
    # set_as_current=False: the project's shared tasks must keep using the project's app.
    producer = Celery("hocmo-test-producer", broker=REDIS_URL, set_as_current=False)
    first = _start_worker(tmp_path, "w1")
    try:
        for delivery_id in ids:
            producer.send_task("notifications.deliver", args=[delivery_id])
        # kill once one send is done and the next is in flight (claimed, adapter sleeping)
        _wait(lambda: len(_sent_keys(tmp_path)) >= 1
              and Delivery.objects.filter(pk__in=ids, state="sending").exists(),
              120, "the first worker to be mid-send")
        first.send_signal(signal.SIGKILL)
        first.wait(10)
    finally:
        if first.poll() is None:
            first.kill()
    in_flight = list(Delivery.objects.filter(pk__in=ids, state="sending"))
    assert in_flight, "the kill should leave a delivery claimed but not sent"
    time.sleep(3.5)  # the dead worker's lease runs out
    second = _start_worker(tmp_path, "w2")
    try:
        producer.send_task("notifications.deliveries_resume")
        _wait(lambda: Delivery.objects.filter(pk__in=ids, state="sent").count() == len(ids),
              120, "every delivery to be sent by the second worker")
    finally:
        second.terminate()
        second.wait(20)
    keys = _sent_keys(tmp_path)
    assert sorted(keys) == sorted(f"{Delivery.objects.get(pk=i).notification_id}:sms"
                                  for i in ids)
    assert len(keys) == len(set(keys)) == N_DELIVERIES
    redis.Redis.from_url(REDIS_URL).flushdb()
