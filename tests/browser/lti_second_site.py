"""Builds the second HọcMở's database (tables, one course with one lesson, the first site
registered as its LTI platform) and prints the lesson as JSON. Run by test_browser_lti.py:
python tests/browser/lti_second_site.py PLATFORM_ORIGIN CLIENT_ID DEPLOYMENT_ID"""

import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))))
os.environ["DJANGO_SETTINGS_MODULE"] = "tests.browser.lti_second_settings"

import django  # noqa: E402

django.setup()

from django.core.management import call_command  # noqa: E402

call_command("migrate", run_syncdb=True, verbosity=0)

from lms.lti.models import LtiPlatform  # noqa: E402
from tests.courses.factories import course_with_lessons  # noqa: E402

origin, client_id, deployment_id = sys.argv[1:4]
course, lessons = course_with_lessons(1, title="Phòng thí nghiệm ảo")
LtiPlatform.objects.create(
    name="HọcMở A", issuer=origin, client_id=client_id, deployment_ids=[deployment_id],
    auth_login_url=f"{origin}/lti/platform/auth/", auth_token_url=f"{origin}/lti/platform/token/",
    key_set_url=f"{origin}/lti/jwks.json")
print(json.dumps({"lesson_id": lessons[0].pk, "lesson_title": lessons[0].title}))
