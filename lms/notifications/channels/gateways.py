"""SMS and Zalo OA adapters: console (development), file (tests; dedupes by idempotency key as a
real gateway does) and HTTP (a gateway / the Zalo OA API, configured by settings)."""

import fcntl
import json
import logging
import time
import urllib.error
import urllib.request
from pathlib import Path

from django.conf import settings

from . import OutgoingMessage, SendError

log = logging.getLogger("hocmo.notifications")


class ConsoleAdapter:
    def __init__(self, channel: str):
        self.channel = channel

    def send(self, message: OutgoingMessage) -> str:
        log.warning("[%s → %s] %s", self.channel, message.to, message.text)
        return f"console:{message.idempotency_key}"


class FileAdapter:
    """Appends one JSON line per message to <NOTIFICATIONS_OUTBOX_DIR>/<channel>.jsonl. Like a
    gateway honouring an idempotency key, a key already in the file is not written again."""

    def __init__(self, channel: str):
        self.channel = channel
        self.path = Path(settings.NOTIFICATIONS_OUTBOX_DIR) / f"{channel}.jsonl"

    def send(self, message: OutgoingMessage) -> str:
        delay = float(settings.NOTIFICATIONS_FILE_ADAPTER_DELAY or 0)
        if delay:  # lets tests kill a worker while a send is in flight
            time.sleep(delay)
        self.path.parent.mkdir(parents=True, exist_ok=True)
        with open(self.path, "a+", encoding="utf-8") as handle:
            fcntl.flock(handle, fcntl.LOCK_EX)
            handle.seek(0)
            seen = {json.loads(line)["key"] for line in handle if line.strip()}
            if message.idempotency_key not in seen:
                handle.write(json.dumps({"key": message.idempotency_key, "to": message.to,
                                         "text": message.text}, ensure_ascii=False) + "\n")
        return f"file:{message.idempotency_key}"


class HttpAdapter:
    """POSTs JSON to NOTIFICATIONS_<CHANNEL>_URL with a bearer token and an Idempotency-Key
    header. SMS body: {"to", "text"}; Zalo OA: {"recipient": {"user_id"}, "message": {"text"}}."""

    def __init__(self, channel: str):
        self.channel = channel
        prefix = f"NOTIFICATIONS_{channel.upper()}"
        self.url = getattr(settings, f"{prefix}_URL", "")
        self.token = getattr(settings, f"{prefix}_TOKEN", "")

    def payload(self, message: OutgoingMessage) -> dict:
        if self.channel == "zalo":
            return {"recipient": {"user_id": message.to}, "message": {"text": message.text}}
        return {"to": message.to, "text": message.text}

    def send(self, message: OutgoingMessage) -> str:
        if not self.url.startswith(("https://", "http://")):
            raise SendError(f"{self.channel}: chưa cấu hình địa chỉ cổng gửi")
        request = urllib.request.Request(  # noqa: S310 - http(s) only, checked above
            self.url, data=json.dumps(self.payload(message)).encode(), method="POST",
            headers={"Content-Type": "application/json", "Authorization": f"Bearer {self.token}",
                     "Idempotency-Key": message.idempotency_key})
        try:
            with urllib.request.urlopen(request, timeout=10) as response:  # noqa: S310
                body = response.read(2000).decode("utf-8", "replace")
        except (urllib.error.URLError, OSError) as exc:
            raise SendError(str(exc)) from exc
        try:
            return str(json.loads(body).get("id", ""))[:120]
        except (ValueError, AttributeError):
            return ""
