"""OneRoster 1.2 CSV bulk: a demo subtree exported and imported into an empty site gives the same
tree, classes and enrolments; re-importing changes nothing; a bad file names file, row and
column and applies nothing; accounts and units outside the importer's scope are refused."""

import csv
import io
import zipfile

import pytest
from django.urls import reverse

from lms.accounts.models import LearnerProfile, User
from lms.demo.units import build_units
from lms.roster.oneroster_csv import COLUMNS, OneRosterError, roster_zip
from lms.roster.oneroster_records import roster_of
from lms.roster.services.oneroster import oneroster_import
from lms.units.models import Role, RoleKind, Unit, UnitKind
from tests.factories import UserFactory
from tests.units.factories import class_unit, learner_in, staff_at

pytestmark = pytest.mark.django_db


def _demo():
    units = build_units()
    so = units["so_hp"]
    nq = units["HP-THPT-NQ"]
    classes = {k.name: k for s, k in units["classes"] if s.pk == nq.pk}
    extra = class_unit(nq, "Lớp 11 không mã")  # no code: sourcedId hocmo-unit-<id>
    for n, klass in enumerate([*classes.values(), extra]):
        for i in range(2):
            learner = learner_in(klass, username=f"hs.{n}.{i}", full_name=f"Nguyễn Văn Học {n}{i}")
            LearnerProfile.objects.filter(user=learner).update(learner_code=f"HS{n}{i}", grade=10)
    staff_at(classes["Lớp 10A1"], RoleKind.TEACHER, username="gv.toan", full_name="Trần Thị Toán")
    staff_at(nq, RoleKind.SCHOOL_ADMIN, username="ht.nq", full_name="Lê Hiệu Trưởng")
    staff_at(units["phong_tn"], RoleKind.OFFICER, username="cb.tn", full_name="Phạm Cán Bộ")
    staff_at(units["bo"], RoleKind.OFFICER, username="cb.so", full_name="Vũ Cán Bộ Bộ")
    return so


def _shape(root: Unit) -> dict:
    r = roster_of(root)
    return {
        "orgs": sorted((o["sourcedId"], o["name"], o["type"], o["parentSourcedId"],
                        o["metadata.hocmo.kind"]) for o in r.orgs),
        "classes": sorted((c["sourcedId"], c["title"], c["grades"], c["schoolSourcedId"],
                           c["termSourcedIds"], c["metadata.hocmo.parentSourcedId"])
                          for c in r.classes),
        "users": sorted((u["sourcedId"], u["givenName"], u["middleName"], u["familyName"],
                         u["identifier"]) for u in r.users),
        "roles": sorted(x["sourcedId"] for x in r.roles),
        "enrollments": sorted(e["sourcedId"] for e in r.enrollments),
        "sessions": r.sessions, "courses": r.courses,
    }


def _empty_site(keep: User) -> None:
    Role.objects.all().delete()
    User.objects.exclude(pk=keep.pk).delete()
    Unit.objects.all().delete()
    UnitKind.objects.all().delete()


def test_round_trip_into_an_empty_site_gives_the_same_tree_classes_and_enrolments():
    so = _demo()
    before = _shape(so)
    assert len(before["enrollments"]) == 9 and len(before["classes"]) == 9
    data = roster_zip(roster_of(so))
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        assert {f"{n}.csv" for n in COLUMNS} | {"manifest.csv"} == set(archive.namelist())
        manifest = dict(csv.reader(io.StringIO(archive.read("manifest.csv").decode())))
        assert manifest["oneroster.version"] == "1.2" and manifest["file.users"] == "bulk"
    admin = UserFactory(username="quantri", is_superuser=True, is_staff=True)
    _empty_site(admin)
    counts = oneroster_import(actor=admin, scope=None, data=data)
    assert counts["orgs"]["created"] == len(before["orgs"])
    assert counts["memberships"]["created"] == 9 + 2  # enrolments + head + officer
    new_root = Unit.objects.get(code="SO-31")
    assert new_root.depth == 1
    assert _shape(new_root) == before
    assert not User.objects.get(username="hs.0.0").has_usable_password()
    # Idempotent: the same file again writes nothing.
    again = oneroster_import(actor=admin, scope=None, data=data)
    assert sum(c["created"] + c["updated"] for c in again.values()) == 0
    assert _shape(new_root) == before


def _rezip(data: bytes, name: str, edit) -> bytes:
    with zipfile.ZipFile(io.BytesIO(data)) as archive:
        members = {n: archive.read(n) for n in archive.namelist()}
    rows = list(csv.DictReader(io.StringIO(members[name].decode())))
    edit(rows)
    out = io.StringIO()
    writer = csv.DictWriter(out, fieldnames=list(rows[0]))
    writer.writeheader()
    writer.writerows(rows)
    members[name] = out.getvalue().encode()
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for n, content in members.items():
            archive.writestr(n, content)
    return buf.getvalue()


def test_errors_name_file_row_and_column_and_nothing_is_applied():
    so = _demo()
    data = roster_zip(roster_of(so))
    admin = UserFactory(username="quantri", is_superuser=True, is_staff=True)
    _empty_site(admin)

    def break_users(rows):
        rows[1]["enabledUser"] = "maybe"
        rows[2]["sourcedId"] = rows[0]["sourcedId"]

    with pytest.raises(OneRosterError) as exc:
        oneroster_import(actor=admin, scope=None, data=_rezip(data, "users.csv", break_users))
    assert ("users.csv", 3, "enabledUser", "Phải là true hoặc false.") in exc.value.errors
    assert any(e[:3] == ("users.csv", 4, "sourcedId") for e in exc.value.errors)
    # A problem only the apply step finds (a bad username) rolls everything back too.
    bad_name = _rezip(data, "users.csv", lambda rows: rows[-1].update(sourcedId="có dấu cách"))
    with pytest.raises(OneRosterError):
        oneroster_import(actor=admin, scope=None, data=bad_name)
    assert not Unit.objects.exists() and User.objects.count() == 1


def test_scope_is_enforced_and_outsiders_are_never_taken_over(client):
    so = _demo()
    data = roster_zip(roster_of(so))
    nq = Unit.objects.get(code="HP-THPT-NQ")
    head = User.objects.get(username="ht.nq")
    # The school head may not re-import the Sở's file: its orgs sit above the school.
    with pytest.raises(OneRosterError) as exc:
        oneroster_import(actor=head, scope=nq, data=data)
    assert any("ngoài phạm vi" in e[3] or "đang thuộc" in e[3] for e in exc.value.errors)
    # The school's own file re-imports with no change (by an officer above the school).
    counts = oneroster_import(actor=User.objects.get(username="cb.so"), scope=nq.get_parent(),
                              data=roster_zip(roster_of(nq)))
    assert counts["orgs"] == {"unchanged": 1} and counts["classes"]["created"] == 0
    # A staff account in the file is refused, not renamed.
    UserFactory(username="giamdoc", is_staff=True, full_name="Giám Đốc")
    with zipfile.ZipFile(io.BytesIO(roster_zip(roster_of(nq)))) as archive:
        members = {n: archive.read(n).replace(b"hs.0.0", b"giamdoc").replace(b",HS00,", b",,")
                   for n in archive.namelist()}
    buf = io.BytesIO()
    with zipfile.ZipFile(buf, "w") as archive:
        for n, content in members.items():
            archive.writestr(n, content)
    sneaky = buf.getvalue()
    with pytest.raises(OneRosterError) as exc:
        oneroster_import(actor=User.objects.get(username="cb.so"), scope=nq.get_parent(),
                         data=sneaky)
    assert any("giamdoc" in e[3] for e in exc.value.errors), exc.value.errors
    assert User.objects.get(username="giamdoc").full_name == "Giám Đốc"


def test_pages_export_and_import(client):
    so = _demo()
    officer = User.objects.get(username="cb.tn")
    client.force_login(officer)
    assert client.get(reverse("roster:oneroster")).status_code == 200
    # Outside the officer's subtree: 404.
    assert client.get(reverse("roster:oneroster_export", args=[so.pk])).status_code == 404
    phong = Unit.objects.get(code="PHONG-HP-TN")
    export = client.get(reverse("roster:oneroster_export", args=[phong.pk]))
    assert export.status_code == 200 and export["Content-Type"] == "application/zip"
    ok = client.post(reverse("roster:oneroster"), {"unit": so.pk, "file": _upload(export.content)})
    assert ok.status_code == 400  # the Sở is not a choice for the officer of the Phòng
    ok = client.post(reverse("roster:oneroster"),
                     {"unit": phong.get_parent().pk, "file": _upload(export.content)})
    assert ok.status_code == 400
    ok = client.post(reverse("roster:oneroster"),
                     {"unit": phong.pk, "file": _upload(b"not a zip")})
    assert ok.status_code == 400 and "không phải tệp zip" in ok.content.decode()
    client.force_login(User.objects.get(username="gv.toan"))
    assert client.get(reverse("roster:oneroster")).status_code in (403, 404)


def _upload(content: bytes):
    from django.core.files.uploadedfile import SimpleUploadedFile

    return SimpleUploadedFile("oneroster.zip", content, content_type="application/zip")
