"""OneRoster 1.2 CSV bulk format: the zip (manifest.csv + one file per entity) written from a
Roster (oneroster_records) and read back into validated rows. Reading writes nothing and
reports every problem by file, row and column (services/oneroster.py applies, all or nothing).

The columns are those of the 1.2 CSV binding, in its order; bulk files leave `status` and
`dateLastModified` empty. Extra `metadata.hocmo.*` columns (allowed by the binding for
extensions) carry the unit kind and a class's parent unit so a HọcMở → HọcMở round trip keeps
the same tree; files from other systems need not have them."""

import csv
import io
import zipfile
from dataclasses import dataclass, field

from .oneroster_records import ROLE_KINDS, Roster

BASE = ["sourcedId", "status", "dateLastModified"]
COLUMNS: dict[str, list[str]] = {
    "orgs": [*BASE, "name", "type", "identifier", "parentSourcedId", "metadata.hocmo.kind"],
    "academicSessions": [*BASE, "title", "type", "startDate", "endDate", "parentSourcedId",
                         "schoolYear"],
    "courses": [*BASE, "schoolYearSourcedId", "title", "courseCode", "grades", "orgSourcedId",
                "subjects", "subjectCodes"],
    "classes": [*BASE, "title", "grades", "courseSourcedId", "classCode", "classType",
                "location", "schoolSourcedId", "termSourcedIds", "subjects", "subjectCodes",
                "periods", "metadata.hocmo.kind", "metadata.hocmo.parentSourcedId"],
    "users": [*BASE, "enabledUser", "username", "userIds", "givenName", "familyName",
              "middleName", "identifier", "email", "sms", "phone", "agentSourcedIds", "grades",
              "password", "userMasterIdentifier", "resourceSourcedIds", "preferredGivenName",
              "preferredMiddleName", "preferredFamilyName", "primaryOrgSourcedId", "pronouns"],
    "roles": [*BASE, "userSourcedId", "roleType", "role", "beginDate", "endDate",
              "orgSourcedId", "userProfileSourcedId"],
    "enrollments": [*BASE, "classSourcedId", "schoolSourcedId", "userSourcedId", "role",
                    "primary", "beginDate", "endDate"],
}
ROSTER_ATTR = {"orgs": "orgs", "academicSessions": "sessions", "courses": "courses",
               "classes": "classes", "users": "users", "roles": "roles",
               "enrollments": "enrollments"}
REQUIRED: dict[str, list[str]] = {
    "orgs": ["sourcedId", "name", "type"],
    "academicSessions": ["sourcedId", "title", "type"],
    "courses": ["sourcedId", "title"],
    "classes": ["sourcedId", "title", "courseSourcedId", "classType", "schoolSourcedId"],
    "users": ["sourcedId", "enabledUser", "username"],
    "roles": ["sourcedId", "userSourcedId", "roleType", "role", "orgSourcedId"],
    "enrollments": ["sourcedId", "classSourcedId", "schoolSourcedId", "userSourcedId", "role"],
}
ALL_FILES = ["academicSessions", "categories", "classes", "classResources", "courses",
             "courseResources", "demographics", "enrollments", "lineItemLearningObjectiveIds",
             "lineItems", "lineItemScoreScales", "orgs", "resources",
             "resultLearningObjectiveIds", "results", "resultScoreScales", "roles",
             "scoreScales", "userProfiles", "userResources", "users"]
MAX_FILE_BYTES = 30 * 1024 * 1024
MAX_ROWS = 200_000
ORG_TYPES = {"department", "school", "district", "local", "state", "national"}


class OneRosterError(Exception):
    """The zip cannot be imported; `errors` are (file, row, column, message), row 0 = none."""

    def __init__(self, errors: list[tuple[str, int, str, str]]):
        super().__init__("\n".join(e[3] for e in errors))
        self.errors = errors


def _csv(rows: list[dict], columns: list[str]) -> bytes:
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=columns, extrasaction="ignore", lineterminator="\r\n")
    writer.writeheader()
    for row in rows:
        writer.writerow(row)
    return out.getvalue().encode("utf-8")


def roster_zip(roster: Roster, *, system_name: str = "HọcMở") -> bytes:
    """The bulk zip of a Roster (files present: those with columns above; the rest absent)."""
    manifest = [("manifest.version", "1.0"), ("oneroster.version", "1.2")]
    manifest += [(f"file.{name}", "bulk" if name in COLUMNS else "absent") for name in ALL_FILES]
    manifest += [("source.systemName", system_name), ("source.systemCode", "hocmo")]
    out = io.BytesIO()
    with zipfile.ZipFile(out, "w", zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("manifest.csv", _csv(
            [{"propertyName": k, "value": v} for k, v in manifest], ["propertyName", "value"]))
        for name, columns in COLUMNS.items():
            archive.writestr(f"{name}.csv", _csv(getattr(roster, ROSTER_ATTR[name]), columns))
    return out.getvalue()


@dataclass
class Bulk:
    """The rows of each file (dicts by column), each with its CSV row number under `_row`."""
    files: dict[str, list[dict]] = field(default_factory=dict)
    errors: list[tuple[str, int, str, str]] = field(default_factory=list)

    def error(self, name: str, row: int, column: str, message: str) -> None:
        self.errors.append((f"{name}.csv", row, column, message))


def _read_member(archive: zipfile.ZipFile, name: str) -> str:
    info = archive.getinfo(name)
    if info.file_size > MAX_FILE_BYTES:
        raise OneRosterError([(name, 0, "", f"Tệp {name} quá lớn (tối đa 30 MB).")])
    with archive.open(info) as handle:
        data = handle.read(MAX_FILE_BYTES + 1)
    if len(data) > MAX_FILE_BYTES:
        raise OneRosterError([(name, 0, "", f"Tệp {name} quá lớn (tối đa 30 MB).")])
    try:
        return data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise OneRosterError([(name, 0, "", f"Tệp {name} không phải UTF-8.")]) from exc


def _rows(text: str, name: str, bulk: Bulk) -> list[dict]:
    reader = csv.reader(io.StringIO(text, newline=""))
    header = next(reader, [])
    header = [h.strip() for h in header]
    missing = [c for c in REQUIRED[name] if c not in header]
    for column in missing:
        bulk.error(name, 1, column, f"Thiếu cột “{column}”.")
    rows: list[dict] = []
    if missing:
        return rows
    for number, values in enumerate(reader, start=2):
        if number > MAX_ROWS:
            bulk.error(name, number, "", f"Quá {MAX_ROWS} dòng.")
            break
        if not any(v.strip() for v in values):
            continue
        row: dict = {h: (values[i].strip() if i < len(values) else "")
                     for i, h in enumerate(header)}
        row["_row"] = number
        rows.append(row)
    return rows


def bulk_read(data: bytes) -> Bulk:
    """Read and check the zip: manifest, required columns and values, unique sourcedIds,
    references between files and vocabularies. Never raises for bad content: every problem is
    in `errors` (except an unreadable zip or a file too big: OneRosterError)."""
    try:
        archive = zipfile.ZipFile(io.BytesIO(data))
        names = set(archive.namelist())
    except (zipfile.BadZipFile, ValueError, OSError) as exc:
        raise OneRosterError([("", 0, "", "Tệp không phải tệp zip OneRoster hợp lệ.")]) from exc
    if len(names) > 100:
        raise OneRosterError([("", 0, "", "Tệp zip có quá nhiều tệp.")])
    bulk = Bulk()
    if "manifest.csv" not in names:
        bulk.error("manifest", 0, "", "Thiếu tệp manifest.csv.")
        return bulk
    manifest = {r[0].strip(): r[1].strip() for r in csv.reader(io.StringIO(
        _read_member(archive, "manifest.csv"))) if len(r) >= 2}
    if not manifest.get("oneroster.version", "").startswith("1.2"):
        bulk.error("manifest", 0, "oneroster.version", "Chỉ nhận OneRoster 1.2 "
                   f"(tệp ghi “{manifest.get('oneroster.version', '')}”).")
    for name in COLUMNS:
        mode = manifest.get(f"file.{name}", "absent")
        if mode == "delta":
            bulk.error("manifest", 0, f"file.{name}", "Chưa hỗ trợ chế độ delta; hãy xuất bulk.")
        if mode != "bulk":
            bulk.files[name] = []
            continue
        if f"{name}.csv" not in names:
            bulk.error(name, 0, "", f"manifest.csv khai báo {name}.csv nhưng tệp zip không có.")
            bulk.files[name] = []
            continue
        bulk.files[name] = _rows(_read_member(archive, f"{name}.csv"), name, bulk)
    if not bulk.errors:
        _check(bulk)
    return bulk


def _check(bulk: Bulk) -> None:
    ids: dict[str, set[str]] = {}
    for name, rows in bulk.files.items():
        ids[name] = set()
        for row in rows:
            for column in REQUIRED[name]:
                if not row.get(column):
                    bulk.error(name, row["_row"], column, f"Thiếu giá trị “{column}”.")
            if row.get("status") == "tobedeleted":
                bulk.error(name, row["_row"], "status",
                           "Tệp bulk không được có trạng thái tobedeleted.")
            if row["sourcedId"] in ids[name]:
                bulk.error(name, row["_row"], "sourcedId",
                           f"sourcedId “{row['sourcedId']}” bị trùng.")
            ids[name].add(row["sourcedId"])
    # Parents, schools and role orgs may also be units already on the site: the import
    # resolves those (services/oneroster.py).
    users, classes = ids["users"], ids["classes"]

    def ref(name: str, row: dict, column: str, known: set[str], what: str) -> None:
        value = row.get(column, "")
        if value and value not in known:
            bulk.error(name, row["_row"], column, f"Không có {what} “{value}” trong tệp.")

    for row in bulk.files["orgs"]:
        if row["type"] not in ORG_TYPES:
            bulk.error("orgs", row["_row"], "type", f"Loại đơn vị “{row['type']}” không hợp lệ.")
    for row in bulk.files["classes"]:
        ref("classes", row, "courseSourcedId", ids["courses"], "khóa (courses)")
        for term in filter(None, row.get("termSourcedIds", "").split(",")):
            if term.strip() not in ids["academicSessions"]:
                bulk.error("classes", row["_row"], "termSourcedIds",
                           f"Không có học kỳ/năm học “{term.strip()}” trong tệp.")
        grade = row.get("grades", "").split(",")[0].strip()
        if grade and not (grade.isdigit() and 1 <= int(grade) <= 13):
            bulk.error("classes", row["_row"], "grades", f"Khối “{grade}” không hợp lệ (01–13).")
    for row in bulk.files["users"]:
        if row["enabledUser"] not in ("true", "false"):
            bulk.error("users", row["_row"], "enabledUser", "Phải là true hoặc false.")
        if not (row.get("givenName") or row.get("familyName")):
            bulk.error("users", row["_row"], "givenName", "Thiếu họ tên.")
    for name in ("roles", "enrollments"):
        for row in bulk.files[name]:
            ref(name, row, "userSourcedId", users, "người dùng (users)")
            if row["role"] not in ROLE_KINDS:
                bulk.error(name, row["_row"], "role",
                           f"Vai trò “{row['role']}” chưa được hỗ trợ.")
    for row in bulk.files["enrollments"]:
        ref("enrollments", row, "classSourcedId", classes, "lớp (classes)")


def error_line(error: tuple[str, int, str, str]) -> str:
    """“Tệp users.csv — dòng 7 — cột email: …” (row and column only when known)."""
    file, row, column, message = error
    parts = [f"Tệp {file}"] if file else []
    if row:
        parts.append(f"dòng {row}")
    if column:
        parts.append(f"cột {column}")
    return " — ".join([*parts, message]) if parts else message
