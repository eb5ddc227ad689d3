"""A web worker holds only what serving requests needs (issue 18: ≤ 120 MiB a gunicorn worker).
Export and document libraries — openpyxl, WeasyPrint, the Elasticsearch client — are imported
inside the functions that need them, so loading the WSGI application and every URL's
view does not pull them in. The API stacks — Django REST framework, drf-spectacular, Wagtail's
API (django-ninja, pydantic), cryptography (jwcrypto's keys), pillow-heif — and BeautifulSoup's
charset_normalizer are not imported by
loading the application, reversing names or resolving page paths either: only a request under
/api/ or /admin/api/ (lms.common.lazy_urls, lms.common.wagtail_apps, lms.common.lazy_modules).
Celery (≈ 9 MiB) is not imported by loading the settings, the application or any view either:
the beat schedule's crontabs are made by lms.celery, which the tasks modules import where a task
is sent (`from lms.celery import shared_task`).
Checked in a fresh interpreter: the test process has imported them already."""

import subprocess
import sys
from pathlib import Path

from lms.roster.scanning import column_letter

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("openpyxl", "weasyprint", "elasticsearch", "elasticsearch_dsl", "elastic_transport",
         "celery", "kombu", "billiard")

# Full module names: the packages' own __init__ come with their installed apps, these do not.
API_STACK = ("rest_framework.serializers", "rest_framework.views", "drf_spectacular.openapi",
             "ninja", "pydantic", "cryptography", "urllib3", "pillow_heif", "lms.api.urls",
             "wagtail.admin.api.views", "wagtail.images.api.admin.views_deferred",
             # deferred by lms.common.lazy_modules: its package is a lazy module, never run
             "charset_normalizer.api")

PAGE_PROBE = """
import sys
from django.core.wsgi import get_wsgi_application
get_wsgi_application()
from django.urls import get_resolver, resolve, reverse
get_resolver()._populate()
reverse("accounts:login"), reverse("wagtailadmin_home"), reverse("javascript-catalog")
resolve("/khoa-hoc/khoi-nghiep-cho-hoc-sinh/"), resolve(reverse("accounts:login"))
from django.template import engines
engines["django"].engine.template_libraries  # every installed app's tags, as a first render
print(" ".join(sorted(name for name in sys.argv[1:] if sys.modules.get(name) is not None)))
"""

PROBE = """
import sys
from django.core.wsgi import get_wsgi_application
get_wsgi_application()
from django.urls import get_resolver
get_resolver()._populate()  # imports every view module, as the first request does
print(" ".join(sorted({m.split(".")[0] for m in sys.modules} & set(sys.argv[1:]))))
"""


def test_loading_every_view_imports_no_export_library(tmp_path):
    env = {"DJANGO_SETTINGS_MODULE": "lms.settings.dev", "PATH": "/usr/bin:/bin",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    proc = subprocess.run([sys.executable, "-c", PROBE, *HEAVY], cwd=ROOT, env=env,  # noqa: S603
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == []


def test_serving_pages_imports_no_api_stack(tmp_path):
    env = {"DJANGO_SETTINGS_MODULE": "lms.settings.dev", "PATH": "/usr/bin:/bin",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    proc = subprocess.run([sys.executable, "-c", PAGE_PROBE, *API_STACK], cwd=ROOT, env=env,  # noqa: S603
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == []


def test_a_task_sent_runs_on_the_project_app(tmp_path):
    """Celery loaded only by a tasks module still makes the project's app the current one (eager
    in dev settings), and the beat schedule's crontab fields become crontabs."""
    probe = ("import django; django.setup()\n"
             "from lms.plans.tasks import overdue_reminders_task as task\n"
             "from celery import current_app\n"
             "from lms.celery import app\n"
             "beat = app.conf.beat_schedule\n"
             "print(current_app._get_current_object() is app, task.app is app,"
             " app.conf.task_always_eager, type(beat['reports-reconcile-hourly']['schedule'])"
             ".__name__, beat['reports-tree-watch']['schedule'])\n")
    env = {"DJANGO_SETTINGS_MODULE": "lms.settings.dev", "PATH": "/usr/bin:/bin",
           "DATABASE_URL": f"sqlite:///{tmp_path / 'db.sqlite3'}"}
    proc = subprocess.run([sys.executable, "-c", probe], cwd=ROOT, env=env,  # noqa: S603
                          capture_output=True, text=True, timeout=120, check=False)
    assert proc.returncode == 0, proc.stderr[-2000:]
    assert proc.stdout.split() == ["True", "True", "True", "crontab", "600.0"]


def test_column_letter_matches_spreadsheet_names():
    assert [column_letter(n) for n in (1, 2, 26, 27, 28, 52, 53, 702, 703)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
