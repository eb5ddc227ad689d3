import base64
import io
import json
import uuid

from courses.h5p.demo_package import build_demo_package
from courses.h5p.services import h5p_content_create
from lms.xapi.services import client_create

VERSION = {"HTTP_X_EXPERIENCE_API_VERSION": "1.0.3"}
ANSWERED = "http://adlnet.gov/expapi/verbs/answered"
COMPLETED = "http://adlnet.gov/expapi/verbs/completed"
EXPERIENCED = "http://adlnet.gov/expapi/verbs/experienced"


def statement(**overrides) -> dict:
    body = {
        "actor": {"objectType": "Agent", "name": "Ai đó", "mbox": "mailto:ai@example.vn"},
        "verb": {"id": EXPERIENCED, "display": {"vi": "đã xem"}},
        "object": {"objectType": "Activity", "id": "https://hocmo.vn/hoat-dong/1"},
    }
    body.update(overrides)
    return body


def with_id(**overrides) -> dict:
    return statement(id=str(uuid.uuid4()), **overrides)


def basic_client(scopes=("all",), records_progress=False):
    client, secret = client_create(name="Công cụ thử", scopes=list(scopes),
                                   records_progress=records_progress)
    token = base64.b64encode(f"{client.key}:{secret}".encode()).decode()
    return client, {"HTTP_AUTHORIZATION": f"Basic {token}", **VERSION}


def post(client, data, **headers):
    return client.post("/xapi/statements", data=json.dumps(data),
                       content_type="application/json", **{**VERSION, **headers})


def lesson_with_h5p(lesson, pass_mark=0):
    """Adds the demo H5P block to `lesson` through a new revision, published."""
    content = h5p_content_create(title="Đúng hay sai", fileobj=io.BytesIO(build_demo_package()),
                                  install_libraries=True)
    lesson.body.append(("h5p", {"content": content, "pass_mark": pass_mark, "instructions": ""}))
    lesson.save_revision().publish()
    return content


def activity_iri(lesson, content) -> str:
    return f"http://testserver/xapi/activities/lessons/{lesson.pk}/h5p/{content.pk}"
