"""Issue 16 probes (1) H5P package content and (2) account recovery, (4) hostile input."""

import json
import re
import time

import requests
from security_probe_kit import (  # the probes' shared kit
    Client,
    h5p_package,
    manage,
    probe,
    signed_in,
)


def probes_content(site, content, ids, learner, teacher, admin, judge, officer, parent):
    # ---- (1) H5P package content -------------------------------------------------------------
    @probe("1 H5P", "teacher's package bringing a new library is refused, naming it")
    def p1a():
        r = teacher.post(
            "/admin/snippets/h5p/h5pcontent/add/",
            data={"title": "probe"},
            files={"upload": ("probe.h5p", h5p_package(), "application/zip")},
        )
        named = "H5P.ProbeXss" in r.text
        return r.status_code != 302 and named, f"status {r.status_code}, library named: {named}"

    p1a()

    sha = ids["sha"]
    main_paths = [f"/h5p/p/{sha}/h5p.json", f"/h5p/play/{sha}/"]

    @probe("1 H5P", "package files and player not served on the main host")
    def p1b():
        codes = [learner.get(p).status_code for p in main_paths]
        return all(c == 404 for c in codes), f"{dict(zip(main_paths, codes, strict=True))}"

    p1b()

    @probe("1 H5P", "content origin: files served, no cookie set, strict CSP")
    def p1c():
        r = requests.get(
            f"{content}/h5p/p/{sha}/h5p.json",
            timeout=30,
            headers={
                "Cookie": "sessionid=" + learner.s.cookies.get("sessionid", ""),
                "X-Forwarded-Proto": "https",
            },
        )
        csp = r.headers.get("Content-Security-Policy", "")
        ok = (
            r.status_code == 200
            and "Set-Cookie" not in r.headers
            and "default-src 'none'" in csp
            and "sandbox" in csp
        )
        return ok, f"status {r.status_code}, CSP {csp!r}"

    p1c()

    learner.post(f"/ghi-danh/{ids['h5p_lesson_course']}/", data={})
    lesson_page = learner.get(ids["h5p_lesson_url"])
    player = re.search(r'<iframe[^>]*src="([^"]*/h5p/play/[^"]*)"', lesson_page.text)
    player_url = player.group(1).replace("&amp;", "&") if player else f"{content}/h5p/play/{sha}/"

    @probe("1 H5P", "content origin: player frame sandboxed by CSP, framed by the site only")
    def p1d():
        r = requests.get(
            player_url,
            timeout=30,
            headers={
                "Cookie": "sessionid=" + learner.s.cookies.get("sessionid", ""),
                "X-Forwarded-Proto": "https",
            },
        )
        csp = r.headers.get("Content-Security-Policy", "")
        fa = re.search(r"frame-ancestors ([^;]*)", csp)
        ok = (
            r.status_code == 200
            and "Set-Cookie" not in r.headers
            and "sandbox" in csp
            and bool(fa)
            and "*" not in fa.group(1)
            and "connect-src" in csp
        )
        return ok, f"status {r.status_code}, CSP {csp[:160]!r}"

    p1d()

    @probe("1 H5P", "content origin serves nothing of the site")
    def p1e():
        codes = {
            p: requests.get(
                content + p,
                timeout=30,
                allow_redirects=False,
                headers={"X-Forwarded-Proto": "https"},
            ).status_code
            for p in ("/tai-khoan/dang-nhap/", "/admin/", "/cua-toi/", "/xapi/about")
        }
        return all(c == 404 for c in codes.values()), str(codes)

    p1e()

    @probe(
        "1 H5P", "lesson iframe: sandbox allow-scripts without allow-same-origin, on content host"
    )
    def p1f():
        r = lesson_page
        frames = re.findall(r"<iframe[^>]*>", r.text)
        h5p = [f for f in frames if "/h5p/play/" in f]
        if not h5p:
            return False, f"status {r.status_code}, no player iframe among {len(frames)}"
        ok = all("sandbox=" in f and "allow-same-origin" not in f and content in f for f in h5p)
        return ok, h5p[0][:200]

    p1f()

    @probe(
        "1 H5P",
        "CSP on HTML pages (site, signed-in, Django admin): nonce scripts, frame-ancestors",
    )
    def p1g():
        bad = {}
        for who, c, path in (
            ("anon", Client(site), "/"),
            ("anon", Client(site), "/khoa-hoc/"),
            ("anon", Client(site), "/tai-khoan/dang-nhap/"),
            ("learner", learner, "/cua-toi/"),
            ("admin", admin, "/django-admin/"),
        ):
            r = c.get(path)
            csp = r.headers.get("Content-Security-Policy", "")
            script = re.search(r"script-src ([^;]*)", csp)
            if (
                r.status_code != 200
                or "frame-ancestors" not in csp
                or not script
                or "'unsafe-inline'" in script.group(1)
                and "nonce-" not in script.group(1)
            ):
                bad[f"{who} {path}"] = (r.status_code, csp[:80])
        return not bad, str(bad) if bad else "5 pages"

    p1g()

    @probe("1 H5P", "CSP on the Wagtail admin: present, frame-ancestors, object-src 'none'")
    def p1h():
        bad, seen = {}, ""
        for path in ("/admin/", "/admin/pages/", "/admin/snippets/h5p/h5pcontent/add/"):
            r = admin.get(path)
            csp = r.headers.get("Content-Security-Policy", "")
            seen = (re.search(r"script-src [^;]*", csp) or [""])[0]
            if (
                r.status_code != 200
                or "frame-ancestors 'self'" not in csp
                or "object-src 'none'" not in csp
                or "connect-src 'self'" not in csp
            ):
                bad[path] = (r.status_code, csp[:80])
        # Wagtail's own admin scripts need 'unsafe-inline' 'unsafe-eval' (lms/csp.py says why).
        return not bad, str(bad) if bad else f"3 admin pages; {seen} (documented exception)"

    p1h()

    # ---- (2) account recovery ---------------------------------------------------------------
    @probe("2 recovery", "password reset page in Vietnamese and English")
    def p2a():
        vi = Client(site).get("/tai-khoan/quen-mat-khau/")
        en_client = Client(site)
        en_client.get("/ngon-ngu/en/")
        en = en_client.get("/tai-khoan/quen-mat-khau/")
        old = Client(site).get("/accounts/password_reset/")
        ok = (
            vi.status_code == en.status_code == 200
            and 'lang="vi"' in vi.text
            and 'lang="en"' in en.text
            and old.status_code in (301, 302)
        )
        return ok, f"vi {vi.status_code}, en {en.status_code}, old URL {old.status_code}"

    p2a()

    @probe("2 recovery", "change password without the current one changes nothing")
    def p2b():
        c = signed_in(site, "giaovien.gdtx")
        page = c.get("/tai-khoan/doi-mat-khau/")
        r = c.post(
            "/tai-khoan/doi-mat-khau/",
            data={"new_password1": "Probe-new-pass-2026!", "new_password2": "Probe-new-pass-2026!"},
        )
        still = Client(site).login("giaovien.gdtx").status_code == 302
        return (
            page.status_code == 200
            and 'name="old_password"' in page.text
            and r.status_code != 302
            and still
        ), f"form {page.status_code}, POST {r.status_code}"

    p2b()


def probes_input(site, content, ids, learner, teacher, admin, judge, officer, parent):
    # ---- (4) hostile input: 400, never 500 --------------------------------------------------
    lesson = ids["plain_lesson"]
    learner.post(f"/ghi-danh/{ids['h5p_lesson_course']}/", data={})
    deep = "[" * 100_000 + "]" * 100_000
    stmt = {
        "actor": {"mbox": "mailto:x@example.com"},
        "verb": {"id": "http://adlnet.gov/expapi/verbs/experienced"},
        "object": {"id": "http://127.0.0.1/probe"},
    }
    ctx_deep = (
        '{"verb":{"id":"http://adlnet.gov/expapi/verbs/experienced"},'
        '"object":{"id":"http://127.0.0.1/probe"},"context":{"extensions":'
        '{"http://x/e":' + "[" * 5000 + "]" * 5000 + "}}}"
    )
    xapi = {"X-Experience-API-Version": "1.0.3"}
    hostile = [
        (
            "progress percent Infinity",
            lambda: learner.post(f"/progress/lessons/{lesson}/", raw='{"percent": Infinity}'),
        ),
        (
            "progress percent -Infinity",
            lambda: learner.post(f"/progress/lessons/{lesson}/", raw='{"percent": -Infinity}'),
        ),
        (
            "progress seconds 1e400",
            lambda: learner.post(f"/progress/lessons/{lesson}/", raw='{"seconds": 1e400}'),
        ),
        ("progress 100,000 deep", lambda: learner.post(f"/progress/lessons/{lesson}/", raw=deep)),
        (
            "xAPI statements 100,000 deep",
            lambda: learner.post("/xapi/statements", raw=deep, headers=xapi),
        ),
        (
            "xAPI context.extensions 5,000 deep",
            lambda: learner.post("/xapi/statements", raw=ctx_deep, headers=xapi),
        ),
        (
            "xAPI interactionType list",
            lambda: learner.post(
                "/xapi/statements",
                headers=xapi,
                json_body={
                    **stmt,
                    "object": {
                        "id": "http://127.0.0.1/probe",
                        "definition": {
                            "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                            "interactionType": ["choice"],
                        },
                    },
                },
            ),
        ),
        (
            "xAPI interactionType object",
            lambda: learner.post(
                "/xapi/statements",
                headers=xapi,
                json_body={
                    **stmt,
                    "object": {
                        "id": "http://127.0.0.1/probe",
                        "definition": {
                            "type": "http://adlnet.gov/expapi/activities/cmi.interaction",
                            "interactionType": {"a": 1},
                        },
                    },
                },
            ),
        ),
        ("API enrolments 100,000 deep", lambda: officer.post("/api/v1/enrolments/", raw=deep)),
        (
            "H5P upload with deep h5p.json",
            lambda: admin.post(
                "/admin/snippets/h5p/h5pcontent/add/",
                data={"title": "deep"},
                files={
                    "upload": (
                        "deep.h5p",
                        h5p_package(new_library=False, deep=100_000),
                        "application/zip",
                    )
                },
            ),
        ),
        ("GET /khoa-hoc/?programme=%00", lambda: Client(site).get("/khoa-hoc/?programme=%00")),
        ("GET /verify/HM%00/", lambda: Client(site).get("/verify/HM%00/")),
        (
            "form field with NUL (quiz answer)",
            lambda: learner.post("/kiem-tra/luot/1/luu/", data={"answer": "a\x00b"}),
        ),
    ]
    for name, send in hostile:

        @probe("4 input", name)
        def p4(send=send, name=name):
            r = send()
            if name.startswith("H5P upload"):
                # The admin form answers a refused upload with its form and the error, not a
                # 500 and not a redirect (saved).
                ok = r.status_code in (200, 400) and "h5p.json" in r.text
            else:
                ok = r.status_code == 400
            return ok, f"status {r.status_code}"

        p4()

    # ---- (5) a judge sees nothing of pupils --------------------------------------------------
    judge_paths = [
        f"/bao-cao/lop/{ids['class_id']}/",
        f"/bao-cao/lop/{ids['class_id']}/xuat.csv",
        f"/phu-huynh/con/{ids['hocsinh']}/",
        f"/api/v1/learners/{ids['hocsinh']}/",
        "/careers-none/",
        f"/huong-nghiep/theo-doi/lop/{ids['class_id']}/",
    ]
    judge_paths.remove("/careers-none/")
    if ids["cert"]:
        judge_paths += [
            f"/chung-chi/{ids['cert']}/",
            f"/chung-chi/{ids['cert']}/tai-ve/",
            f"/chung-chi/hoc-vien/{ids['cert_user']}/",
        ]

    @probe("5 judge", "giamkhao.so gets 404 on class grid, CSV, parent page, API, certificates")
    def p5():
        codes = {p: judge.get(p).status_code for p in judge_paths}
        return all(c == 404 for c in codes.values()), str(codes)

    p5()

    @probe("5 judge", "control: canbo.so reaches the same class grid and learner (ids valid)")
    def p5c():
        codes = {p: officer.get(p).status_code for p in judge_paths[:2] + judge_paths[3:4]}
        return all(c == 200 for c in codes.values()), str(codes)

    p5c()

    # ---- (6) xAPI state of another agent -----------------------------------------------------
    @probe("6 xAPI", "Basic client (read/mine + state) cannot GET or PUT hocsinh's state")
    def p6():
        out = manage(
            "xapi_client_create",
            f"probe-{int(time.time())}",
            "--scope",
            "statements/read/mine",
            "--scope",
            "state",
        )
        key = re.search(r"key=(\S+)", out).group(1)
        secret = re.search(r"secret=(\S+)", out).group(1)
        agent = json.dumps(
            {"objectType": "Agent", "account": {"homePage": site, "name": "hocsinh"}}
        )
        params = {"activityId": "http://127.0.0.1/probe", "agent": agent, "stateId": "probe"}
        h = {"X-Experience-API-Version": "1.0.3", "X-Forwarded-Proto": "https"}
        g = requests.get(
            f"{site}/xapi/activities/state",
            params=params,
            auth=(key, secret),
            headers=h,
            timeout=30,
        )
        p = requests.put(
            f"{site}/xapi/activities/state",
            params=params,
            auth=(key, secret),
            headers={**h, "Content-Type": "application/json"},
            data='{"x":1}',
            timeout=30,
        )
        return g.status_code == p.status_code == 403, f"GET {g.status_code}, PUT {p.status_code}"

    p6()
