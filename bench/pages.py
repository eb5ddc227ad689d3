"""The pages bench/course_page.py loads, found in-process (Django set up with the server's
settings): URLs come from reverse() and the demo's objects, never from literal paths, so a
renamed route is followed. Also: signing in and enrolling through the real forms, and SQL
queries per page counted in-process."""

# ruff: noqa: S310 - URLs are always http://127.0.0.1

from __future__ import annotations

import os
import sys
import urllib.parse
from dataclasses import dataclass

from serving import HOST, PROXY_HEADERS, ROOT, BenchError, Browser, Page, csrf_from, log

COURSE_SLUG = "khoi-nghiep-cho-hoc-sinh"
LEARNER = "hocsinh"
TEACHER = "giaovien"           # teaches at THPT Ngô Quyền in the demo
OFFICER = "canbo.so"           # the demo's province officer (Sở GD&ĐT Hải Phòng)
CLASS_CODE = "HP-THPT-NQ-12A1"  # the class the issue measured (/bao-cao/lop/9/), by code prefix


@dataclass
class Urls:
    login: str
    course: str
    course_id: int
    enrol: str
    lesson: str
    class_id: int
    grid: str
    grid_json: str
    teacher_class: str
    dashboard: str  # the officer's own unit's dashboard


def django_setup(env: dict) -> None:
    for key in ("DJANGO_SETTINGS_MODULE", "DJANGO_DEBUG", "DJANGO_ALLOWED_HOSTS", "DATABASE_URL",
                "DJANGO_MEDIA_ROOT", "DJANGO_SECRET_KEY", "DJANGO_CACHE_URL", "DJANGO_BASE_URL"):
        if key in env:
            os.environ[key] = env[key]
    if str(ROOT) not in sys.path:
        sys.path.insert(0, str(ROOT))
    import django

    django.setup()


def find_urls() -> Urls:
    from django.urls import reverse

    from courses.models import CoursePage, LessonPage
    from lms.accounts.models import User
    from lms.units.capabilities import Capability
    from lms.units.models import Unit
    from lms.units.permissions import home_units

    course = CoursePage.objects.live().filter(slug=COURSE_SLUG).first()
    if course is None:
        raise BenchError(f"course {COURSE_SLUG!r} not found after load_demo")
    first = LessonPage.objects.live().child_of(course).order_by("path").first()
    if first is None:
        raise BenchError(f"course {COURSE_SLUG!r} has no live lesson")
    klass = Unit.objects.filter(code__startswith=CLASS_CODE).order_by("pk").first()
    if klass is None:
        raise BenchError(f"class {CLASS_CODE} not found after load_demo")
    officer = User.objects.filter(username=OFFICER).first()
    units = home_units(officer, Capability.VIEW_REPORTS) if officer else []
    if not units:
        raise BenchError(f"officer {OFFICER} (with a unit) not found after load_demo")
    return Urls(
        login=reverse("accounts:login"), course=course.get_url(), course_id=course.pk,
        enrol=reverse("courses:enrol", args=[course.pk]), lesson=first.get_url(),
        class_id=klass.pk,
        grid=reverse("reports:class_view", args=[klass.pk]),
        grid_json=reverse("reports:class_view_json", args=[klass.pk]),
        teacher_class=reverse("courses:class_detail", args=[klass.pk]),
        dashboard=reverse("reports:dashboard", args=[units[0].pk]))


def sign_in(base: str, urls: Urls, username: str, password: str) -> Browser:
    b = Browser(base)
    status, _, _, html = b.request(urls.login)
    if status != 200 or not b.cookie("csrftoken"):
        raise BenchError(f"GET {urls.login} -> {status}, csrftoken cookie missing")
    status, url, _, html = b.request(urls.login, {
        "csrfmiddlewaretoken": csrf_from(html), "username": username, "password": password,
        "next": ""}, headers={"Referer": b.origin + urls.login})
    if not b.cookie("sessionid"):
        raise BenchError(f"sign-in as {username} failed: {status} {url}\n{html[:800]!r}")
    log(f"signed in as {username} (landed on {urllib.parse.urlparse(url).path}, {status})")
    return b


def enrol(b: Browser, urls: Urls) -> None:
    """POST the enrol form with the course page's CSRF token, as a learner would (the demo
    may already enrol the learner's class: the view is idempotent)."""
    status, _, _, html = b.request(urls.course)
    if status != 200:
        raise BenchError(f"GET {urls.course} as learner -> {status}")
    status, url, _, _ = b.request(urls.enrol, {"csrfmiddlewaretoken": csrf_from(html)},
                                  headers={"Referer": b.origin + urls.course})
    landed = urllib.parse.urlparse(url).path
    log(f"POST {urls.enrol}: {status}, landed on {landed}")
    if status != 200:
        raise BenchError(f"enrol POST failed: {status} {url}")
    if landed != urls.lesson:
        log(f"WARNING: enrol landed on {landed}, expected first lesson {urls.lesson}")


def cookie_header(b: Browser) -> str:
    return "; ".join(f"{name}={b.cookie(name)}" for name in ("sessionid", "csrftoken")
                     if b.cookie(name))


def count_queries(page: Page) -> None:
    """SQL of a warm request (the 2nd: this process's caches filled, as in a worker under
    load), through the whole middleware stack with the server's settings."""
    from django.db import connection
    from django.test import Client
    from django.test.utils import CaptureQueriesContext

    client = Client(HTTP_HOST=HOST, headers=PROXY_HEADERS)
    for part in filter(None, (p.strip() for p in page.cookie.split(";"))):
        name, _, value = part.partition("=")
        client.cookies[name] = value
    runs = []
    for _ in range(2):
        with CaptureQueriesContext(connection) as ctx:
            response = client.get(page.path)
        runs.append((response.status_code, [q["sql"] for q in ctx.captured_queries]))
    (_, cold), (status, warm) = runs
    page.cold_queries, page.cold_sql = len(cold), cold
    page.queries, page.sql, page.query_status = len(warm), warm, status
    if status != 200:
        raise BenchError(f"in-process GET {page.path} -> {status}")
