"""Issue 16, probed as an attacker would against a live server (production settings).

Run from the repository root, with the same env as the server (DJANGO_SETTINGS_MODULE,
DATABASE_URL, …) so the fixture discovery (`manage.py shell`) reads the server's database:

    .venv/bin/python bench/security_probe.py --site http://127.0.0.1:8600 \
        --content http://localhost:8600 --reset-lockouts

Every request carries `X-Forwarded-Proto: https` (a TLS-terminating proxy, as in production:
SECURE_PROXY_SSL_HEADER), and the cookie jar sends Secure cookies over the loopback. Sign-in
brute force runs from other loopback source addresses (127.0.0.2, 127.0.0.3) so the per-address
lockout it causes does not block the other probes. Bounded: about 300 requests, then it stops.
Prints one PASS/FAIL line per probe; exit 1 when any probe fails.
"""

import argparse
import json
import sys
import time

sys.path.insert(0, __import__("os").path.dirname(__file__))
from security_probe_access import probes_brute_force, probes_session  # noqa: E402
from security_probe_content import probes_content, probes_input  # noqa: E402
from security_probe_kit import DISCOVER, RESULTS, manage, shell, signed_in  # noqa: E402


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--site", default="http://127.0.0.1:8600")
    ap.add_argument("--content", default="http://localhost:8600")
    ap.add_argument(
        "--reset-lockouts",
        action="store_true",
        help="manage.py axes_reset first (the previous run's brute force)",
    )
    a = ap.parse_args()
    site, content = a.site.rstrip("/"), a.content.rstrip("/")
    started = time.monotonic()
    if a.reset_lockouts:
        manage("axes_reset")
    ids = json.loads(shell(DISCOVER))
    print("fixtures:", ids, flush=True)
    learner = signed_in(site, "hocsinh")
    teacher = signed_in(site, "giaovien")
    admin = signed_in(site, "admin")
    judge = signed_in(site, "giamkhao.so")
    officer = signed_in(site, "canbo.so")
    parent = signed_in(site, "phuhuynh")

    people = dict(site=site, content=content, ids=ids, learner=learner, teacher=teacher,
                  admin=admin, judge=judge, officer=officer, parent=parent)
    for probes in (probes_content, probes_input, probes_session, probes_brute_force):
        probes(**people)  # brute force last: it locks accounts and loopback sources
    failed = [r for r in RESULTS if not r[2]]
    print(
        f"\n{len(RESULTS) - len(failed)}/{len(RESULTS)} PASS in {time.monotonic() - started:.0f} s"
    )
    print("\n| group | probe | result |\n|---|---|---|")
    for group, name, ok, _detail in RESULTS:
        print(f"| {group} | {name} | {'PASS' if ok else 'FAIL'} |")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
