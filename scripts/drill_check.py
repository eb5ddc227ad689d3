"""The application half of the restore drill (scripts/restore_drill.sh): against the restored
database (DATABASE_URL), a demo account signs in through the real sign-in page and a report page
renders for it. Prints one line per check; exit status 1 on the first failure."""

import os
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))
os.environ.setdefault("DJANGO_SETTINGS_MODULE", "lms.settings.dev")


def main() -> int:
    import django

    django.setup()
    from django.conf import settings
    from django.test import Client
    from django.urls import reverse

    username = os.environ.get("DRILL_USERNAME", "canbo.so")
    password = os.environ.get("DRILL_PASSWORD", settings.HOCMO_DEMO_PASSWORD)
    report_path = os.environ.get("DRILL_REPORT_PATH", "/bao-cao/")
    hosts = [h for h in settings.ALLOWED_HOSTS if h and h != "*" and not h.startswith(".")]
    client = Client(HTTP_HOST=hosts[0] if hosts else "testserver")
    secure = bool(getattr(settings, "SECURE_SSL_REDIRECT", False))

    response = client.post(reverse("accounts:login"),
                           {"username": username, "password": password}, secure=secure)
    if response.status_code != 302 or "_auth_user_id" not in client.session:
        print(f"FAIL sign-in as {username}: status {response.status_code}")
        return 1
    print(f"ok   sign-in as {username}")

    response = client.get(report_path, follow=True, secure=secure)
    if response.status_code != 200 or b"<html" not in response.content.lower():
        print(f"FAIL report {report_path}: status {response.status_code}")
        return 1
    final = response.redirect_chain[-1][0] if response.redirect_chain else report_path
    print(f"ok   report {final} renders ({len(response.content)} bytes)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
