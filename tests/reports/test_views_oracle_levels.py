"""Scenario (issue 15): at every level — Bộ, Sở, Phòng, school, class — the dashboard, its
drill-down table, the not-yet-trained list, the class grid and the XLSX / CSV / PDF exports
show the oracle's figures (tests/reports/oracle.py, plain SQL over the raw tables). PostgreSQL
only (the oracle is PostgreSQL SQL).

The display rules of the issue are checked on their own below: R4 (nobody in scope is "not
applicable", never met) and R5 (an absolute threshold applies at the target's own unit only),
and the class grid's "one class" rule for a learner in two classes."""

from __future__ import annotations

import csv
import html
import io
import re

import pytest
from django.template.defaultfilters import floatformat
from django.test import Client
from django.urls import reverse
from openpyxl import load_workbook
from pypdf import PdfReader

from lms.accounts.ethnicity import Ethnicity
from lms.reports.models import ExportJob, Target
from lms.reports.selectors import targets_for_unit
from lms.units.models import Unit
from tests.concurrency import needs_postgres  # noqa: F401 - fixture

from . import oracle
from . import oracle_world as w

pytestmark = [pytest.mark.django_db, pytest.mark.postgres,
              pytest.mark.usefixtures("needs_postgres", "celery_in_process")]

LEVELS = ["BO", "SO-A", "PHONG-A1", "THCS-X", "X9A"]  # Bộ, Sở, Phòng, school, class


def activity(world) -> None:
    """Completions, certificates, a teacher trained, a learner in two classes."""
    (course_a, course_b), admin = world["courses"], world["admin"]
    user = w.User.objects.get
    w.course_complete(user(username="hs-o-0"), course_a)          # 9A: bo-kn
    w.course_complete(user(username="hs-o-1"), course_b)          # 9A, poor: bo-kn, so-a-ngheo
    w.lesson_complete(user(username="hs-o-2"), course_a, 0)       # 9B: half-way, not trained
    w.course_complete(user(username="hs-o-3"), course_a)          # 12A (Sở A)
    w.certificate_give(user(username="hs-o-3"), course_a)
    w.course_complete(user(username="hs-o-4"), course_a)          # 12B (Sở B): so-b-cc
    w.certificate_give(user(username="hs-o-4"), course_a)
    w.course_complete(user(username="gv-o-0"), course_a)          # teacher, THCS X: bo-gv
    # hs-o-5 (11C, Sở B) also joins 9A: counted once, in 9A (the newest class).
    w.class_change(user(username="hs-o-5"), w.unit("X9A"), keep_old=True)
    del admin


@pytest.fixture
def scene(world):
    activity(world)
    client = Client()
    client.force_login(world["admin"])
    counters = oracle.all_counters()
    return {"client": client, "world": world, "totals": {
        t: oracle.totals(table) for t, table in counters.items()}, "counters": counters}


def _figure(scene, target, unit) -> tuple[int, int]:
    """(population, trained) by the oracle."""
    return scene["totals"].get(target.pk, {}).get(unit.pk, (0, 0))


def _children(unit: Unit) -> list[Unit]:
    return list(Unit.objects.filter(path__startswith=unit.path, depth=unit.depth + 1))


def _text(fragment: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", fragment)).split())


def dashboard_figures(scene, unit, target) -> tuple[dict, dict]:
    """({target name: (population, trained)} of the figure list, {child name: (population,
    trained)} of the drill-down table), as the page shows them."""
    page = scene["client"].get(reverse("reports:dashboard", args=[unit.pk]),
                               {"target": target.pk})
    assert page.status_code == 200
    body = page.content.decode()
    figures = {}
    for item in re.findall(r'<li class="fig".*?</li>', body, re.S):
        name = _text(re.search(r"<h3>(.*?)</h3>", item, re.S).group(1))
        trained, population = map(int, re.search(r"\((\d+)/(\d+)\)", item).groups())
        figures[name] = (population, trained)
    children = {}
    table = re.search(r'<h3 id="children">.*?<tbody>(.*?)</tbody>', body, re.S)
    for row in re.findall(r"<tr>(.*?)</tr>", table.group(1) if table else "", re.S):
        name = _text(re.search(r"<th[^>]*>(.*?)</th>", row, re.S).group(1))
        cells = [_text(c) for c in re.findall(r'<td class="n">(.*?)</td>', row, re.S)]
        children[name] = (int(cells[0]), int(cells[1]))
    return figures, children


def test_every_page_and_export_shows_the_oracles_figures(scene):
    client, world = scene["client"], scene["world"]
    names = dict(Unit.objects.values_list("pk", "name"))
    assert _figure(scene, world["targets"][0], w.unit("BO")) == (8, 4)  # the scene is not empty
    for code in LEVELS:
        unit = w.unit(code)
        targets = list(targets_for_unit(unit))
        assert targets, code
        for target in targets:
            # Dashboard: the unit's figure for every target, and the drill-down table.
            figures, children = dashboard_figures(scene, unit, target)
            assert figures[target.name] == _figure(scene, target, unit), (code, target.code)
            assert children == {names[c.pk]: _figure(scene, target, c)
                                for c in _children(unit)}, (code, target.code)
            # The not-yet-trained list: exactly the oracle's untrained people of the subtree.
            page = client.get(reverse("reports:not_trained", args=[unit.pk, target.pk]))
            listed = sorted(_text(n) for n in re.findall(
                r'<th scope="row">(.*?)</th>', page.content.decode(), re.S))
            inside = oracle.subtree(unit.pk)
            expected = sorted(w.User.objects.get(pk=pk).get_full_name()
                              for pk, p in oracle.people(target.pk).items()
                              if p["class_id"] in inside and p["trained_at"] is None)
            assert listed == expected, (code, target.code)
        exports_match(scene, unit, targets)
    # The class grid: the learners the oracle counts in the class, and who is trained (by
    # the target's courses, A or B: completed in the grid of either).
    klass = w.unit("X9A")
    bo_kn = world["targets"][0]
    counted = {pk: p for pk, p in oracle.people(bo_kn.pk).items() if p["class_id"] == klass.pk}
    completed, listed = set(), set()
    for course, _lessons in world["courses"]:
        grid = client.get(reverse("reports:class_view_json", args=[klass.pk]),
                          {"course": course.pk}).json()
        # R6: the grid lists every live member; those counted in another class are marked
        # (`counted_in`) and are not among the class's own learners.
        own = [row for row in grid["learners"] if row["counted_in"] is None]
        listed |= {row["id"] for row in own}
        completed |= {row["id"] for row in own if row["state"] == "completed"}
        assert grid["totals"]["counted"] == len(own)
    assert listed == set(counted)
    assert completed == {pk for pk, p in counted.items() if p["trained_at"]}


def _export(scene, unit, fmt: str) -> bytes:
    with w.committed():
        response = scene["client"].post(reverse("reports:export_start", args=[unit.pk]),
                                        {"fmt": fmt})
    assert response.status_code == 302
    job = ExportJob.objects.filter(unit=unit, fmt=fmt).latest("pk")
    assert job.finished_at, job.error
    return bytes(job.content)


def _oracle_rows(scene, unit, targets) -> dict[tuple[str, str], tuple[int, int]]:
    """(unit name, target code) → (population, trained) for every unit of the subtree with
    anyone in scope."""
    inside = oracle.subtree(unit.pk)
    names = dict(Unit.objects.values_list("pk", "name"))
    return {(names[u], t.code): figure for t in targets
            for u, figure in scene["totals"].get(t.pk, {}).items() if u in inside}


def exports_match(scene, unit, targets) -> None:
    want = _oracle_rows(scene, unit, targets)
    # XLSX: one sheet per level (STT, unit, level, code, indicator, threshold, population,
    # achieved, %, gap) and the splits sheet.
    book = load_workbook(io.BytesIO(_export(scene, unit, "xlsx")), read_only=True)
    got, splits = {}, {}
    for sheet in book.worksheets:
        rows = list(sheet.iter_rows(min_row=5, values_only=True))
        if sheet.title == "Phân tách":
            for name, code, dim, group, population, trained, _pct in rows:
                splits[(name, code, dim, group)] = (population, trained)
        else:
            for _n, name, _kind, code, _title, _thr, population, trained, *_ in rows:
                got[(name, code)] = (population, trained)
    assert {k: v for k, v in got.items() if v != (0, 0)} == want, unit.code
    check_split_sheet(scene, unit, targets, splits)
    # CSV: the same rows without STT.
    text = _export(scene, unit, "csv").decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text)))[1:]
    got = {(r[0], r[2]): (int(r[5]), int(r[6])) for r in rows}
    assert {k: v for k, v in got.items() if v != (0, 0)} == want, unit.code
    # PDF: the annual report's table of the unit's own figures (threshold, population,
    # achieved) — one row per target.
    text = " ".join(" ".join(p.extract_text() for p in PdfReader(
        io.BytesIO(_export(scene, unit, "pdf"))).pages).split())
    for target in targets:
        population, trained = _figure(scene, target, unit)
        threshold = floatformat(target.threshold, "-2") + (
            "%" if target.threshold_kind == "percent" else "")
        assert f"{target.name} {threshold} {population} {trained} " in text, (
            unit.code, target.code, text)


SEX = {"F": "Nữ", "M": "Nam"}


def check_split_sheet(scene, unit, targets, splits) -> None:
    """The XLSX "Phân tách" sheet: by sex and by ethnic group, for the unit and its children,
    the oracle's figures (recorded values only; "not recorded" labels are R3's own check)."""
    groups = dict(Ethnicity.choices)
    for u in [unit, *_children(unit)]:
        for t in targets:
            table = scene["counters"].get(t.pk, {})
            for dim, labels in (("sex", SEX), ("ethnicity", groups)):
                want = {labels[value]: figure for (unit_id, value), figure in
                        oracle.by_dimension(table, dim).items() if unit_id == u.pk and value}
                got = {group: figure for (name, code, d, group), figure in splits.items()
                       if name == u.name and code == t.code and group in labels.values()
                       and d in ("Giới tính", "Dân tộc")
                       and (dim == "sex") == (d == "Giới tính")}
                assert got == want, (u.code, t.code, dim)


# --- The display rules, each on its own ---------------------------------------------------------


def test_nobody_in_scope_is_not_applicable_never_met(scene):
    """R4 (defect 5): Tiểu học Z (and its Xã B1) has no teacher, so the teacher target "bo-gv"
    (20%) has nobody in scope there: never "Đã đạt" (met) — on its own dashboard, nor as a
    child row of Sở B."""
    target = Target.objects.get(code="bo-gv")
    for code in ("TH-Z", "XA-B1"):
        assert _figure(scene, target, w.unit(code)) == (0, 0)
        page = scene["client"].get(reverse("reports:dashboard", args=[w.unit(code).pk]),
                                   {"target": target.pk}).content.decode()
        item = next(i for i in re.findall(r'<li class="fig".*?</li>', page, re.S)
                    if target.name in _text(i))
        assert "st-met" not in item, code
    page = scene["client"].get(reverse("reports:dashboard", args=[w.unit("SO-B").pk]),
                               {"target": target.pk}).content.decode()
    row = next(r for r in re.findall(r"<tr>(.*?)</tr>", page, re.S) if "Xã B1" in r)
    assert "st-met" not in row


def test_an_absolute_threshold_applies_at_its_own_unit_only(scene):
    """R5 (defect 6): "so-b-cc" asks 5 people of Sở B. Sở B shows what is left of the 5; its
    school THPT Y (its 1 pupil in scope trained) must not be told it alone has 4 left to train."""
    target = Target.objects.get(code="so-b-cc")
    population, trained = _figure(scene, target, w.unit("SO-B"))
    assert (population, trained) == (1, 1)
    own = scene["client"].get(reverse("reports:dashboard", args=[w.unit("SO-B").pk]),
                              {"target": target.pk}).content.decode()
    assert "còn 4 người cần đào tạo" in own
    school = scene["client"].get(reverse("reports:dashboard", args=[w.unit("THPT-Y").pk]),
                                 {"target": target.pk}).content.decode()
    item = next(i for i in re.findall(r'<li class="fig".*?</li>', school, re.S)
                if target.name in _text(i))
    assert "còn 4 người cần đào tạo" not in item


def test_a_learner_in_two_classes_is_in_one_class_grid(scene):
    """R6 for the class grid (defect 9): hs-o-5 holds live roles in 11C and (newer) 9A; the
    reports count them in 9A only. 11C's grid still lists them (a live member), marked as
    counted in 9A and left out of its totals."""
    course_a = scene["world"]["courses"][0][0]
    learner = w.User.objects.get(username="hs-o-5")
    w.course_complete(learner, scene["world"]["courses"][0])  # both classes now show course A
    grids = {code: scene["client"].get(
        reverse("reports:class_view_json", args=[w.unit(code).pk]),
        {"course": course_a.pk}).json() for code in ("X9A", "Y11C")}
    rows = {code: {row["id"]: row for row in grid["learners"]} for code, grid in grids.items()}
    assert rows["X9A"][learner.pk]["counted_in"] is None
    assert rows["Y11C"][learner.pk]["counted_in"] == w.unit("X9A").name
    for code, grid in grids.items():
        own = [r for r in grid["learners"] if r["counted_in"] is None]
        assert grid["totals"]["counted"] == len(own), code
