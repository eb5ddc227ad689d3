"""Splits of a figure (sex, Kinh/minority, each of the 54 ethnic groups, household, school
level), summed from counter rows — the dashboard's tables and the XLSX's splits sheet."""

from django.utils.translation import gettext_lazy as _

from lms.accounts.ethnicity import Ethnicity
from lms.units.models import SchoolLevel

SPLIT_DIMS = ("sex", "minority", "ethnicity", "household", "school_level")
# An empty value (None for `minority`) is "not recorded": its own group in every split, never
# folded into Kinh or "not poor".
NOT_RECORDED = _("Chưa ghi nhận")
SEX_LABELS = {"F": _("Nữ"), "M": _("Nam")}
MINORITY_LABELS = {False: _("Dân tộc Kinh"), True: _("Dân tộc thiểu số")}
HOUSEHOLD_LABELS = {"poor": _("Hộ nghèo"), "near_poor": _("Hộ cận nghèo"),
                    "none": _("Không thuộc diện nghèo/cận nghèo")}
DIM_LABELS = {"sex": _("Giới tính"), "minority": _("Dân tộc Kinh / thiểu số"),
              "ethnicity": _("Dân tộc"), "household": _("Hộ gia đình"),
              "school_level": _("Cấp học")}


def splits_of(rows) -> dict:
    """Population and trained per value of each split dimension, from counter rows (dicts
    with the split columns, population, trained), plus labelled rows for levels and groups."""
    splits: dict = {dim: {} for dim in SPLIT_DIMS}
    for row in rows:
        if not row["population"] and not row["trained"]:
            continue  # a split everyone left (its counter row stays at zero)
        for dim in SPLIT_DIMS:
            acc = splits[dim].setdefault(row[dim], [0, 0])
            acc[0] += row["population"]
            acc[1] += row["trained"]
    levels, groups = dict(SchoolLevel.choices), dict(Ethnicity.choices)
    splits["level_rows"] = [(levels.get(k, k) if k else NOT_RECORDED, v) for k, v in
                            _recorded_first(splits["school_level"])]
    # Each ethnic group present, largest first, "not recorded" last (label None).
    splits["ethnic_rows"] = [(groups.get(k, k) if k else None, v) for k, v in
                             sorted(splits["ethnicity"].items(),
                                    key=lambda kv: (not kv[0], -kv[1][0], kv[0]))]
    labelled = labelled_rows(splits)
    splits["labelled"] = labelled
    # The dashboard's first table, (criterion, group, figures): "Chưa ghi nhận" appears under
    # several criteria, so each row says its criterion. Ethnic groups have a table of their own.
    splits["summary_rows"] = [(DIM_LABELS[dim], label, v)
                              for dim in ("sex", "minority", "school_level", "household")
                              for label, v in labelled[dim]]
    return splits


def _recorded_first(values: dict) -> list[tuple]:
    """Recorded values in their order, then the "not recorded" one ("" or None)."""
    return sorted(values.items(), key=lambda kv: (kv[0] in ("", None), str(kv[0])))


def _label(labels: dict, key):
    if key in ("", None):
        return NOT_RECORDED
    return labels.get(key, key)


def labelled_rows(splits: dict) -> dict[str, list[tuple]]:
    """(label, [population, trained]) rows per dimension: the one place split values get their
    words, for the dashboard and the exports alike."""
    return {
        "sex": [(_label(SEX_LABELS, k), v) for k, v in _recorded_first(splits["sex"])],
        "minority": [(_label(MINORITY_LABELS, k), v)
                     for k, v in _recorded_first(splits["minority"])],
        "ethnicity": [(label or NOT_RECORDED, v) for label, v in splits["ethnic_rows"]],
        "household": [(_label(HOUSEHOLD_LABELS, k), v)
                      for k, v in _recorded_first(splits["household"])],
        "school_level": splits["level_rows"],
    }


def split_lines(splits: dict) -> list[tuple]:
    """(dimension, group, population, trained) lines for a table or a sheet."""
    return [(DIM_LABELS[dim], label, *v)
            for dim, rows in labelled_rows(splits).items() for label, v in rows]
