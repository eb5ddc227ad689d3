"""OneRoster 1.2 Rostering REST, read only: /ims/oneroster/rostering/v1p2/ orgs, schools,
academicSessions, classes, users, enrollments (collection and {sourcedId}).

The same authentication, scope checks and throttles as /api/v1/ (an integration client's
token acts as its service account, an officer at the client's unit; a signed-in member of staff
works too); records come from lms.roster.oneroster_records over the caller's home units
(VIEW_LEARNER_PERSONAL_DATA), so a sourcedId outside that subtree is a 404 like an unknown one.
Query: limit (default 100, ≤ 1000) and offset (X-Total-Count and Link headers), filter
(`field='value'` with = != > >= < <= ~, joined by one of AND / OR), sort + orderBy, fields.
Errors use the spec's imsx status shape. Not part of /api/schema/ (the OpenAPI of /api/v1/):
the OneRoster binding publishes its own."""

import re
from urllib.parse import urlencode

from django.utils import timezone
from rest_framework.response import Response
from rest_framework.views import APIView

from lms.roster.oneroster_records import Roster, roster_of
from lms.units.capabilities import Capability
from lms.units.permissions import home_units

from .authentication import ApiClientAuthentication
from .permissions import ApiAccess
from .throttling import ApiAnonThrottle, ApiUserThrottle

DEFAULT_LIMIT, MAX_LIMIT = 100, 1000
PREDICATE = re.compile(r"^\s*([A-Za-z][\w.]*)\s*(!=|>=|<=|=|>|<|~)\s*'((?:[^']|'')*)'\s*$")


def _ref(kind: str, sid: str, collection: str, request) -> dict | None:
    if not sid:
        return None
    return {"href": request.build_absolute_uri(f"{PREFIX}{collection}/{sid}"),
            "sourcedId": sid, "type": kind}


PREFIX = "/ims/oneroster/rostering/v1p2/"


def _base(record: dict, stamp: str) -> dict:
    return {"sourcedId": record["sourcedId"], "status": "active", "dateLastModified": stamp}


def _split(value: str) -> list[str]:
    return [v.strip() for v in value.split(",") if v.strip()]


def _org(r, roster, request, stamp):
    children = [o["sourcedId"] for o in roster.orgs if o["parentSourcedId"] == r["sourcedId"]]
    return {**_base(r, stamp), "name": r["name"], "type": r["type"],
            "identifier": r["identifier"],
            "parent": _ref("org", r["parentSourcedId"], "orgs", request),
            "children": [_ref("org", c, "orgs", request) for c in children],
            "metadata": {"hocmo.kind": r["metadata.hocmo.kind"]}}


def _session(r, roster, request, stamp):
    return {**_base(r, stamp), "title": r["title"], "type": r["type"],
            "startDate": r["startDate"], "endDate": r["endDate"], "parent": None,
            "children": [], "schoolYear": r["schoolYear"]}


def _class(r, roster, request, stamp):
    return {**_base(r, stamp), "title": r["title"], "classCode": r["classCode"],
            "classType": r["classType"], "location": r["location"],
            "grades": _split(r["grades"]), "subjects": [], "subjectCodes": [], "periods": [],
            "course": _ref("course", r["courseSourcedId"], "courses", request),
            "school": _ref("org", r["schoolSourcedId"], "schools", request),
            "terms": [_ref("academicSession", t, "academicSessions", request)
                      for t in _split(r["termSourcedIds"])],
            "metadata": {"hocmo.kind": r["metadata.hocmo.kind"],
                         "hocmo.parentSourcedId": r["metadata.hocmo.parentSourcedId"]}}


def _user(r, roster, request, stamp):
    by_user: dict[str, list[dict]] | None = roster.__dict__.get("_roles_by_user")
    if by_user is None:  # indexed once per response, not scanned per user
        by_user = {}
        roster.__dict__["_roles_by_user"] = by_user
        for x in roster.roles:
            by_user.setdefault(x["userSourcedId"], []).append(x)
    roles = [{"roleType": x["roleType"], "role": x["role"],
              "org": _ref("org", x["orgSourcedId"], "orgs", request)}
             for x in by_user.get(r["sourcedId"], [])]
    return {**_base(r, stamp), "enabledUser": r["enabledUser"] == "true",
            "username": r["username"], "userIds": [], "givenName": r["givenName"],
            "familyName": r["familyName"], "middleName": r["middleName"],
            "identifier": r["identifier"], "email": r["email"], "roles": roles, "agents": [],
            "userProfiles": [], "grades": _split(r["grades"]),
            "primaryOrg": _ref("org", r["primaryOrgSourcedId"], "orgs", request)}


def _enrollment(r, roster, request, stamp):
    return {**_base(r, stamp), "role": r["role"], "primary": r["primary"] == "true",
            "beginDate": r["beginDate"] or None, "endDate": r["endDate"] or None,
            "user": _ref("user", r["userSourcedId"], "users", request),
            "class": _ref("class", r["classSourcedId"], "classes", request),
            "school": _ref("org", r["schoolSourcedId"], "schools", request)}


# collection → (singular key, Roster attribute, needs people, record filter, JSON builder)
COLLECTIONS = {
    "orgs": ("org", "orgs", False, None, _org),
    "schools": ("org", "orgs", False, lambda r: r["type"] == "school", _org),
    "academicSessions": ("academicSession", "sessions", False, None, _session),
    "classes": ("class", "classes", False, None, _class),
    "users": ("user", "users", True, None, _user),
    "enrollments": ("enrollment", "enrollments", True, None, _enrollment),
}


def imsx_error(status: int, minor: str, description: str) -> Response:
    return Response({
        "imsx_codeMajor": "failure", "imsx_severity": "error",
        "imsx_description": description,
        "imsx_CodeMinor": {"imsx_codeMinorField": [
            {"imsx_codeMinorFieldName": "TargetEndSystem",
             "imsx_codeMinorFieldValue": minor}]}}, status=status)


class BadQuery(Exception):
    def __init__(self, minor: str, description: str):
        super().__init__(description)
        self.minor, self.description = minor, description


def _roster_for(user, with_people: bool) -> Roster:
    """The records of the caller's home units (nested ones once)."""
    units = home_units(user, Capability.VIEW_LEARNER_PERSONAL_DATA)
    tops = [u for u in units if not any(o is not u and u.path.startswith(o.path) for o in units)]
    merged = Roster()
    for unit in tops:
        part = roster_of(unit, with_people=with_people)
        for attr in ("orgs", "sessions", "courses", "classes", "users", "roles", "enrollments"):
            known = {r["sourcedId"] for r in getattr(merged, attr)}
            getattr(merged, attr).extend(r for r in getattr(part, attr)
                                         if r["sourcedId"] not in known)
    return merged


def _value(item: dict, field: str):
    value: object = item
    for part in field.split("."):
        if not isinstance(value, dict) or part not in value:
            raise BadQuery("invalid_filter_field", f"Không có trường “{field}”. / "
                                                   f"Unknown field “{field}”.")
        value = value[part]
    return "" if value is None else str(value).lower() if isinstance(value, bool) else value


def _matches(item: dict, field: str, op: str, wanted: str) -> bool:
    value = _value(item, field)
    if isinstance(value, list):
        return any(_matches({"v": v}, "v", op, wanted) for v in value)
    value = str(value)
    return {"=": value == wanted, "!=": value != wanted, ">": value > wanted,
            ">=": value >= wanted, "<": value < wanted, "<=": value <= wanted,
            "~": wanted.lower() in value.lower()}[op]


def _filter(items: list[dict], expression: str) -> list[dict]:
    joiner = " OR " if " OR " in expression else " AND "
    predicates = []
    for part in expression.split(joiner):
        match = PREDICATE.match(part)
        if not match:
            raise BadQuery("invalid_filter_field", "Bộ lọc phải có dạng field='value'. / "
                                                   "A filter reads field='value'.")
        field, op, wanted = match.groups()
        predicates.append((field, op, wanted.replace("''", "'")))
    combine = any if joiner == " OR " else all
    if items:
        for field, _op, _wanted in predicates:
            _value(items[0], field)  # an unknown field is a 400 even when nothing matches
    return [i for i in items if combine(_matches(i, f, o, w) for f, o, w in predicates)]


def _int(value: str | None, default: int, name: str) -> int:
    if value in (None, ""):
        return default
    if not value.isdigit():
        raise BadQuery("invalid_paging", f"{name} phải là số tự nhiên. / {name} must be a "
                                         "non-negative integer.")
    return int(value)


class OneRosterView(APIView):
    authentication_classes = [ApiClientAuthentication]
    permission_classes = [ApiAccess]
    throttle_classes = [ApiUserThrottle, ApiAnonThrottle]
    collection = "orgs"
    schema = None  # not in /api/schema/ (see the module docstring)

    def get(self, request, sourced_id: str | None = None):
        singular, attr, people, keep, build = COLLECTIONS[self.collection]
        roster = _roster_for(request.user, people)
        records = [r for r in getattr(roster, attr) if keep is None or keep(r)]
        stamp = timezone.now().strftime("%Y-%m-%dT%H:%M:%S.000Z")
        try:
            if sourced_id is not None:
                found = next((r for r in records if r["sourcedId"] == sourced_id), None)
                if found is None:
                    return imsx_error(404, "unknownobject", "Không tìm thấy. / Not found.")
                return Response({singular: self._fields(build(found, roster, request, stamp))})
            return self._list(request, [build(r, roster, request, stamp) for r in records])
        except BadQuery as exc:
            return imsx_error(400, exc.minor, exc.description)

    def _fields(self, item: dict) -> dict:
        wanted = _split(self.request.query_params.get("fields", ""))
        picked = {k: v for k, v in item.items() if k in wanted}
        return picked or item  # unknown names alone leave the full record

    def _list(self, request, items: list[dict]) -> Response:
        params = request.query_params
        if params.get("filter"):
            items = _filter(items, params["filter"])
        if params.get("sort"):
            if items:
                _value(items[0], params["sort"])
            items.sort(key=lambda i: str(_value(i, params["sort"])),
                       reverse=params.get("orderBy") == "desc")
        limit = min(max(_int(params.get("limit"), DEFAULT_LIMIT, "limit"), 1), MAX_LIMIT)
        offset = _int(params.get("offset"), 0, "offset")
        page = items[offset:offset + limit]
        key = "orgs" if self.collection == "schools" else self.collection  # as the spec names it
        response = Response({key: [self._fields(i) for i in page]})
        response["X-Total-Count"] = str(len(items))
        links = []
        base = request.build_absolute_uri(request.path)
        query = {k: v for k, v in params.items() if k not in ("limit", "offset")}

        def link(at: int, rel: str) -> str:
            return f'<{base}?{urlencode({**query, "limit": limit, "offset": at})}>; rel="{rel}"'

        if offset + limit < len(items):
            links += [link(offset + limit, "next"), link((len(items) - 1) // limit * limit,
                                                         "last")]
        if offset:
            links.append(link(0, "first"))
        if links:
            response["Link"] = ", ".join(links)
        return response
