"""A web worker holds only what serving requests needs (issue 18: ≤ 120 MiB a gunicorn worker).
Export and document libraries — openpyxl, WeasyPrint, the Elasticsearch client — are imported
inside the functions that need them, so loading the WSGI application and every URL's
view does not pull them in. Checked in a fresh interpreter: the test process has imported them already."""

import subprocess
import sys
from pathlib import Path

from lms.roster.scanning import column_letter

ROOT = Path(__file__).resolve().parent.parent
HEAVY = ("openpyxl", "weasyprint", "elasticsearch", "elasticsearch_dsl", "elastic_transport")

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


def test_column_letter_matches_spreadsheet_names():
    assert [column_letter(n) for n in (1, 2, 26, 27, 28, 52, 53, 702, 703)] == [
        "A", "B", "Z", "AA", "AB", "AZ", "BA", "ZZ", "AAA"]
