"""Export → import is a no-op; any generated roster imports to the same state twice."""

import datetime
import io

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from lms.accounts.ethnicity import Ethnicity
from lms.roster.reports import roster_xlsx
from lms.roster.selectors import roster_records

from .helpers import student, xlsx_bytes
from .test_services_import import run, state


def test_export_reimports_unchanged(school, school_admin):
    rows = [student(1), student(2, **{"Dân tộc": "Ê-đê", "Hộ nghèo/cận nghèo": "Hộ cận nghèo",
                                      "Email": "bo@example.vn"}),
            student(3, klass="11A1", **{"Khối": "11", "Ngày sinh": "", "Họ tên cha/mẹ": "",
                                        "SĐT": ""})]
    run(school_admin, school, xlsx_bytes(rows))
    before = state()
    exported = roster_xlsx(roster_records(school))
    imp = run(school_admin, school, exported)
    assert (imp.created_count, imp.updated_count, imp.error_rows) == (0, 0, 0)
    assert imp.unchanged_count == 3
    assert state() == before
    assert roster_xlsx(roster_records(school)) is not None


names = st.text(alphabet="ĂÂĐÊÔƠƯăâđêôơưáàảãạ abcdeghiklmnopqrstuvxy", min_size=1,
                max_size=30).filter(lambda s: s.strip())
learner = st.fixed_dictionaries({
    "Họ và tên": names,
    "Ngày sinh": st.one_of(st.just(""), st.dates(datetime.date(2000, 1, 1),
                                                datetime.date(2020, 12, 31))
                           .map(lambda d: d.strftime("%d/%m/%Y"))),
    "Giới tính": st.sampled_from(["Nam", "Nữ", "nu", ""]),
    "Dân tộc": st.sampled_from([label for _c, label in Ethnicity.choices] + [""]),
    "Lớp": st.sampled_from(["10A1", "10A2", "11B"]),
    "Hộ nghèo/cận nghèo": st.sampled_from(["", "Hộ nghèo", "cận nghèo"]),
    "Họ tên cha/mẹ": st.one_of(st.just(""), names),
    "SĐT": st.sampled_from(["", "0912345678", "+84987654321"]),
})


@settings(max_examples=12, deadline=None,
          suppress_health_check=[HealthCheck.function_scoped_fixture, HealthCheck.too_slow])
@given(rows=st.lists(learner, min_size=1, max_size=8))
def test_any_roster_imports_to_the_same_state_twice(school, school_admin, rows):
    full = [student(i + 1, **{**row, "Khối": ""}) | {"Lớp": row["Lớp"]} for i, row in
            enumerate(rows)]
    content = xlsx_bytes(full)
    first = run(school_admin, school, content)
    assert first.error_rows == 0, first.errors_sample
    after_first = state()
    second = run(school_admin, school, content)
    assert (second.created_count, second.updated_count) == (0, 0)
    assert state() == after_first
    io.BytesIO(content).close()
