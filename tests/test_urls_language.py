"""URLs in one language per audience (issue 17 item 5; docs/architecture.md, URLs): every page
people see has a Vietnamese address (ASCII, folded, hyphenated); only machine endpoints keep
English ones; every old address answers a permanent redirect to the new one."""

import re

import pytest
from django.urls import URLPattern, URLResolver, get_resolver, reverse
from django.views.generic import RedirectView

from lms.urls_moved import MOVED

# Machine endpoints (protocols and scripts, printed codes): English, on purpose.
MACHINE_PREFIXES = {
    "progress/": "players post lesson progress",
    "xapi/": "the xAPI learning record store (its paths are the xAPI standard's)",
    "api/": "the REST API, its schema and OAuth token",
    "phu-huynh/api/": "the JSON of a child's progress for the parent page's script",
    "verify/": "printed on certificates (and their Open Badge JSON): must never change",
    "jsi18n/": "the JavaScript translation catalogue",
    "scorm/": "the SCORM player's runtime state and commits (player.js)",
    "sw.js": "the service worker, fetched by browsers at the site root (issue 22)",
    "manifest.webmanifest": "the web app manifest, read by browsers to install the app",
    "lti/": "LTI 1.3 protocol endpoints registered in Moodle/Canvas (login, launch, JWKS, "
            "token, AGS, NRPS); its two pages people pass through have Vietnamese slugs",
    "offline/": "JSON for the offline script: who is signed in, a course's download list",
    "ims/": "OneRoster 1.2 rostering REST (its paths are the standard's, issue 24)",
    "healthz": "liveness probe for process supervisors and load balancers (lms/ops)",
    "readyz": "readiness probe: database, cache, broker (lms/ops)",
    "metrics": "Prometheus scrape endpoint, opt-in and protected (lms/ops)",
}
# Wagtail's and Django's own trees (their admin screens, Wagtail documents).
THIRD_PARTY_PREFIXES = ("admin/", "django-admin/", "documents/")

# A Vietnamese syllable without its marks: initial consonant, vowel cluster, final consonant.
_INITIAL = "ngh|ch|gh|gi|kh|ng|nh|ph|qu|th|tr|b|c|d|g|h|k|l|m|n|p|r|s|t|v|x"
_VOWELS = ("uye|uya|uyu|oai|oay|oeo|uoi|uou|ieu|yeu|uay|ai|ao|au|ay|eo|eu|ia|ie|iu|oa|oe|oi|"
           "ua|ue|ui|uo|uu|uy|ye|a|e|i|o|u|y")
_FINAL = "ch|ng|nh|c|m|n|p|t"
SYLLABLE = re.compile(rf"(?:{_INITIAL})?(?:{_VOWELS})(?:{_FINAL})?")
# English words of the old addresses that happen to spell a Vietnamese syllable.
ENGLISH_LOOKALIKES = {"my", "lang"}


def _walk(patterns, prefix=""):
    for pattern in patterns:
        if isinstance(pattern, URLResolver):
            yield from _walk(pattern.url_patterns, prefix + str(pattern.pattern))
        elif isinstance(pattern, URLPattern):
            yield prefix + str(pattern.pattern), pattern.callback


def _is_redirect(callback) -> bool:
    view_class = getattr(callback, "view_class", None)
    return view_class is not None and issubclass(view_class, RedirectView)


def _words(route: str) -> list[str]:
    route = re.sub(r"<[^>]+>", "", route).lstrip("^").rstrip("$")
    route = re.sub(r"\.(json|csv|xlsx|xml|pdf|zip)\b", "", route)
    return [word for segment in route.split("/") for word in segment.split("-") if word]


def _english(word: str) -> bool:
    return word in ENGLISH_LOOKALIKES or not SYLLABLE.fullmatch(word)


def _human_routes():
    for route, callback in _walk(get_resolver().url_patterns):
        if route.startswith(THIRD_PARTY_PREFIXES) or route.lstrip("^").startswith(
                THIRD_PARTY_PREFIXES) or _is_redirect(callback):
            continue
        if any(route.startswith(prefix) for prefix in MACHINE_PREFIXES):
            continue
        if callback.__name__ == "serve" and "(?P<path>" in route:
            continue  # CMS pages: their slugs are editors' content
        yield route


def test_the_checker_knows_english_from_vietnamese():
    for word in ("cua", "toi", "giang", "day", "truong", "nghiep", "khuyen", "xuat", "duyet"):
        assert not _english(word), word
    for word in ("my", "teach", "classes", "lessons", "complete", "roster", "quiz", "imports",
                 "login", "export", "errors", "schools", "status", "enrol", "lang", "home"):
        assert _english(word), word


def test_every_human_page_has_a_vietnamese_address():
    english = {route: [w for w in _words(route) if _english(w)] for route in _human_routes()}
    offenders = {route: words for route, words in english.items() if words}
    assert not offenders, f"English slugs in pages people see: {offenders}"


def _sample(route: str) -> tuple[str, dict]:
    values = {"int": 7, "str": "abc", "slug": "abc", "path": "abc"}
    kwargs = {}

    def fill(match):
        converter, name = (match.group(1) or "str"), match.group(2)
        kwargs[name] = values[converter]
        return str(values[converter])

    path = re.sub(r"<(?:(\w+):)?(\w+)>", fill, route)
    return "/" + path, kwargs


@pytest.mark.django_db
@pytest.mark.parametrize(("route", "name"), MOVED, ids=[route for route, _ in MOVED])
def test_each_old_path_answers_301_to_the_new_one_keeping_the_query(client, route, name):
    old, kwargs = _sample(route)
    new = reverse(name, kwargs=kwargs)
    assert new != old
    response = client.get(old + "?trang=2&x=%C4%91")
    assert response.status_code == 301
    assert response["Location"] == new + "?trang=2&x=%C4%91"


@pytest.mark.django_db
@pytest.mark.parametrize("route", ["courses/<int:course_id>/enrol/",
                                   "lessons/<int:lesson_id>/complete/",
                                   "quiz/luot/<int:attempt_id>/nop/",
                                   "roster/imports/<int:pk>/commit/"])
def test_a_form_posted_to_an_old_path_is_resent_with_308(client, route):
    name = dict(MOVED)[route]
    old, kwargs = _sample(route)
    response = client.post(old, {"a": "1"})
    assert response.status_code == 308
    assert response["Location"] == reverse(name, kwargs=kwargs)
