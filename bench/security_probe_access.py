"""Issue 16 probes (7)–(11) sessions, types, headers and cookies, and (3) brute force."""

import time

import requests
from security_probe_kit import (  # the probes' shared kit
    PASSWORD,
    Client,
    cookie_attrs,
    has_private_no_store,
    probe,
    shell,
    signed_in,
)


def probes_session(site, content, ids, learner, teacher, admin, judge, officer, parent):
    lesson = ids["plain_lesson"]
    # ---- (7) time counted once; (8) strict types ----------------------------------------------
    @probe("7 time", "the same 600 s report posted twice credits no more than real time")
    def p7():
        url = f"/progress/lessons/{lesson}/"
        before = learner.post(url, json_body={"percent": 1}).json()["time_spent_seconds"]
        t0 = time.monotonic()
        learner.post(url, json_body={"percent": 10, "seconds": 600})
        after = learner.post(url, json_body={"percent": 10, "seconds": 600}).json()[
            "time_spent_seconds"
        ]
        elapsed = time.monotonic() - t0
        time.sleep(3)  # control: real time passing is credited
        later = learner.post(url, json_body={"percent": 10, "seconds": 600}).json()[
            "time_spent_seconds"
        ]
        ok = after - before <= elapsed + 5 and 1 <= later - after <= 3 + elapsed + 5
        return ok, (
            f"two 600 s reports credited {after - before} s in {elapsed:.1f} s; "
            f"after 3 s more, {later - after} s"
        )

    p7()

    @probe("8 types", '{"completed": "false"} answers 400')
    def p8():
        r = learner.post(f"/progress/lessons/{lesson}/", json_body={"completed": "false"})
        return r.status_code == 400, f"status {r.status_code}"

    p8()

    # ---- (9) GET changes no state ------------------------------------------------------------
    @probe("9 GET", "GET /ngon-ngu/en/ signed in does not save preferred_language")
    def p9():
        q = (
            "from lms.accounts.models import User; "
            'print(User.objects.get(username="canbo.phong").preferred_language)'
        )
        c = signed_in(site, "canbo.phong")
        before = shell(q)
        target = "vi" if before == "en" else "en"
        r = c.get(f"/ngon-ngu/{target}/")
        after = shell(q)
        return after == before and r.status_code == 302, f"before {before!r}, after {after!r}"

    p9()

    # ---- (10) two-step off needs re-authentication --------------------------------------------
    @probe("10 two-step", "POST /tai-khoan/bao-mat/ from an open session goes to re-authentication")
    def p10():
        c = signed_in(site, "canbo.phong2")
        r = c.post("/tai-khoan/bao-mat/", data={"channel": ""})
        loc = r.headers.get("Location", "")
        return r.status_code == 302 and "/tai-khoan/xac-nhan/" in loc, f"{r.status_code} → {loc}"

    p10()

    # ---- (11) caching, headers, cookies ------------------------------------------------------
    private = [
        (parent, f"/phu-huynh/con/{ids['hocsinh']}/"),
        (officer, f"/bao-cao/lop/{ids['class_id']}/"),
        (officer, f"/bao-cao/lop/{ids['class_id']}/xuat.csv"),
        (officer, f"/api/v1/learners/{ids['hocsinh']}/"),
        (learner, "/cua-toi/"),
        (learner, "/chung-chi/"),
    ]
    if ids["cert"]:
        private.append((officer, f"/chung-chi/{ids['cert']}/tai-ve/"))

    @probe("11 headers", "Cache-Control private, no-store on personal pages, downloads, API")
    def p11a():
        bad = {}
        for c, p in private:
            r = c.get(p)
            if r.status_code != 200 or not has_private_no_store(r):
                bad[p] = (r.status_code, r.headers.get("Cache-Control"))
        return not bad, str(bad) if bad else f"{len(private)} URLs"

    p11a()

    @probe("11 headers", "hocmo_lang cookie Secure, HttpOnly, SameSite=Lax")
    def p11b():
        r = Client(site).get("/ngon-ngu/en/")
        v = cookie_attrs(r, "hocmo_lang")
        ok = "secure" in v.lower() and "httponly" in v.lower() and "samesite=lax" in v.lower()
        return ok, v

    p11b()

    @probe("11 headers", "HSTS, nosniff, Referrer-Policy, X-Frame-Options / frame-ancestors")
    def p11c():
        r = Client(site).get("/")
        h = r.headers
        ok = (
            "max-age=" in h.get("Strict-Transport-Security", "")
            and h.get("X-Content-Type-Options") == "nosniff"
            and h.get("Referrer-Policy")
            and (
                h.get("X-Frame-Options")
                or "frame-ancestors" in h.get("Content-Security-Policy", "")
            )
        )
        return bool(ok), (
            f"HSTS {h.get('Strict-Transport-Security')!r}, "
            f"Referrer-Policy {h.get('Referrer-Policy')!r}, "
            f"XFO {h.get('X-Frame-Options')!r}"
        )

    p11c()

    @probe("11 headers", "session and CSRF cookies Secure, HttpOnly (session), SameSite")
    def p11d():
        c = Client(site)
        g = c.get("/tai-khoan/dang-nhap/")
        csrf = cookie_attrs(g, "csrftoken")
        r = c.post("/tai-khoan/dang-nhap/",
                   data={"username": "giaovien.thcs", "password": PASSWORD})
        sess = cookie_attrs(r, "sessionid")
        ok = (
            "secure" in csrf.lower()
            and "samesite" in csrf.lower()
            and "secure" in sess.lower()
            and "httponly" in sess.lower()
            and "samesite" in sess.lower()
        )
        return ok, f"csrftoken: {csrf[-60:]!r}; sessionid: {sess[-60:]!r}"

    p11d()

    @probe("11 headers", "plain HTTP (no proxy header) redirects to HTTPS")
    def p11e():
        r = requests.get(site + "/", allow_redirects=False, timeout=30)
        return r.status_code == 301 and r.headers.get("Location", "").startswith(
            "https://"
        ), f"{r.status_code} → {r.headers.get('Location')}"

    p11e()


def probes_brute_force(site, content, ids, learner, teacher, admin, judge, officer, parent):
    # ---- (3) brute force, last (it locks accounts and, per address, other loopback sources) --
    def brute(identifier: str, source: str):
        c = Client(site, source=source)
        c.get("/tai-khoan/dang-nhap/")
        codes = []
        for i in range(60):
            codes.append(
                c.post(
                    "/tai-khoan/dang-nhap/", data={"username": identifier, "password": f"wrong-{i}"}
                ).status_code
            )
        right = c.post("/tai-khoan/dang-nhap/", data={"username": identifier, "password": PASSWORD})
        return right, codes

    @probe("3 brute force", "60 wrong passwords for canbo.bo, then the right one is refused")
    def p3a():
        right, codes = brute("canbo.bo", "127.0.0.2")
        ok = right.status_code != 302 and "sessionid" not in right.cookies
        return ok, f"right password → {right.status_code}; wrong answers {sorted(set(codes))}"

    p3a()

    @probe("3 brute force", "the same by phone number (phuhuynh 0912345678)")
    def p3b():
        right, codes = brute("0912345678", "127.0.0.3")
        ok = right.status_code != 302 and "sessionid" not in right.cookies
        return ok, f"right password → {right.status_code}; wrong answers {sorted(set(codes))}"

    p3b()
