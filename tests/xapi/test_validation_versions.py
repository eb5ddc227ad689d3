"""The rules that differ between xAPI 1.0.3 and 2.0, and the interaction-definition rules,
checked on the validator directly (no database): every refusal names the property's path."""

import pytest

from lms.xapi.validation import Invalid, check_statement, check_timestamp
from lms.xapi.versions import V1, V2, rules_for

from .helpers import statement

AGENT = {"objectType": "Agent", "mbox": "mailto:gv@example.vn"}
GROUP = {"objectType": "Group", "mbox": "mailto:to1@example.vn",
         "member": [{"objectType": "Agent", "mbox": "mailto:hs@example.vn"}]}
ROLE = "https://hocmo.vn/xapi/activity-types/vai-tro/giao-vien"
CONTEXT_V2 = {
    "contextAgents": [{"objectType": "contextAgent", "agent": AGENT, "relevantTypes": [ROLE]}],
    "contextGroups": [{"objectType": "contextGroup", "group": GROUP}],
}
CHOICE = {"id": "https://hocmo.vn/cau-hoi/1", "definition": {
    "interactionType": "choice", "correctResponsesPattern": ["a"],
    "choices": [{"id": "a", "description": {"vi": "Đúng"}},
                {"id": "b", "description": {"vi": "Sai"}}]}}


def refused(stmt, rules) -> str:
    with pytest.raises(Invalid) as caught:
        check_statement(stmt, rules=rules)
    return caught.value.path


def test_rules_follow_the_header():
    assert rules_for("2.0.0") is V2 and rules_for("2.0") is V2
    assert rules_for("1.0.3") is V1 and rules_for("1.0") is V1
    assert rules_for("") is None and rules_for("0.95") is None and rules_for("2.1.0") is None


def test_context_agents_and_groups_are_2_0_only():
    body = statement(context=CONTEXT_V2)
    assert check_statement(body, rules=V2) is body
    assert refused(body, V1) == "statement.context.contextAgents"


def test_context_agents_inside_a_substatement():
    sub = {"objectType": "SubStatement", **statement(context=CONTEXT_V2)}
    assert check_statement(statement(object=sub), rules=V2)
    broken = {"objectType": "SubStatement", **statement(context={"contextAgents": [
        {"objectType": "Agent", "agent": AGENT}]})}
    assert refused(statement(object=broken), V2) == \
        "statement.object.context.contextAgents[0].objectType"


@pytest.mark.parametrize("context, path", [
    ({"contextAgents": {"objectType": "contextAgent", "agent": AGENT}},
     "statement.context.contextAgents"),
    ({"contextAgents": [{"objectType": "Should fail", "agent": AGENT}]},
     "statement.context.contextAgents[0].objectType"),
    ({"contextAgents": [{"agent": AGENT}]}, "statement.context.contextAgents[0].objectType"),
    ({"contextAgents": [{"objectType": "contextAgent"}]},
     "statement.context.contextAgents[0].agent"),
    ({"contextAgents": [{"objectType": "contextAgent", "agent": {"key": "x"}}]},
     "statement.context.contextAgents[0].agent.key"),
    ({"contextAgents": [{"objectType": "contextAgent", "agent": GROUP}]},
     "statement.context.contextAgents[0].agent.objectType"),
    ({"contextAgents": [{"objectType": "contextAgent", "agent": AGENT, "relevantTypes": []}]},
     "statement.context.contextAgents[0].relevantTypes"),
    ({"contextAgents": [{"objectType": "contextAgent", "agent": AGENT,
                         "relevantTypes": [ROLE, "abc"]}]},
     "statement.context.contextAgents[0].relevantTypes[1]"),
    ({"contextAgents": [{"objectType": "contextAgent", "agent": AGENT, "member": []}]},
     "statement.context.contextAgents[0].member"),
    ({"contextGroups": [{"objectType": "contextGroup", "group": {"key": "x"}}]},
     "statement.context.contextGroups[0].group.key"),
    ({"contextGroups": [{"objectType": "contextGroup", "group": AGENT}]},
     "statement.context.contextGroups[0].group.objectType"),
    ({"contextGroups": [{"objectType": "contextAgent", "group": GROUP}]},
     "statement.context.contextGroups[0].objectType"),
    ({"contextGroups": [{"objectType": "contextGroup", "group": GROUP, "relevantTypes": "x"}]},
     "statement.context.contextGroups[0].relevantTypes"),
])
def test_context_agents_structure(context, path):
    assert refused(statement(context=context), V2) == path


@pytest.mark.parametrize("value, v1_ok, v2_ok", [
    ("2025-09-05T08:30:00.123Z", True, True),
    ("2025-09-05T15:30:00+07:00", True, True),
    ("2025-09-05T15:30:00+0700", True, True),
    ("2025-09-05 15:30:00.601+07:00", True, True),   # RFC 3339 allows the space
    ("2025-09-05T08:30:00", True, False),            # 2.0: the offset is required
    ("2025-09-05T08:30:00.601-00:00", False, False),  # RFC 3339 "unknown offset"
    ("2025-09-05T08:30:00.601-0000", False, False),
    ("2025-09-05T08:30:00.601-00", False, False),
    ("01/011/2015", False, False),
])
def test_timestamps(value, v1_ok, v2_ok):
    for rules, ok in ((V1, v1_ok), (V2, v2_ok)):
        body = statement(timestamp=value)
        if ok:
            assert check_statement(body, rules=rules) is body
        else:
            assert refused(body, rules) == "statement.timestamp"


def test_timestamp_without_offset_is_read_as_utc():
    assert check_timestamp("2025-09-05T08:30:00", "t").utcoffset().total_seconds() == 0
    with pytest.raises(Invalid, match="2.0"):
        check_timestamp("2025-09-05T08:30:00", "t", needs_offset=True)


@pytest.mark.parametrize("version, v1_ok, v2_ok", [
    ("1.0.0", True, True), ("1.0.3", True, True), ("1.0", True, True),
    ("2.0.0", False, True), ("2.0", False, True),
    ("3.0.0", False, False), ("1.1.0", False, False), (2, False, False),
])
def test_version_property(version, v1_ok, v2_ok):
    for rules, ok in ((V1, v1_ok), (V2, v2_ok)):
        body = statement(version=version)
        if ok:
            assert check_statement(body, rules=rules) is body
        else:
            assert refused(body, rules) == "statement.version"


@pytest.mark.parametrize("duration, ok", [
    ("PT1H0M0.1S", True), ("PT4H35M59.14S", True), ("P3Y1M29DT4H35M59.14S", True),
    ("P4W", True), ("P4W1D", False), ("PA1H0M0S", False), ("P", False), ("PT", False),
])
def test_durations(duration, ok):
    for rules in (V1, V2):
        body = statement(result={"duration": duration})
        if ok:
            assert check_statement(body, rules=rules) is body
        else:
            assert refused(body, rules) == "statement.result.duration"


def test_interaction_definitions():
    assert check_statement(statement(object=CHOICE))
    cases = [
        ({"interactionType": "should error"}, "statement.object.definition.interactionType"),
        ({"interactionType": None}, "statement.object.definition.interactionType"),
        ({"choices": [{"id": "a"}]}, "statement.object.definition.interactionType"),
        ({"correctResponsesPattern": ["a"]}, "statement.object.definition.interactionType"),
        ({"interactionType": "choice", "correctResponsesPattern": "a"},
         "statement.object.definition.correctResponsesPattern"),
        ({"interactionType": "choice", "choices": [{"id": "a"}, {"id": "a"}]},
         "statement.object.definition.choices[1].id"),
        ({"interactionType": "likert", "scale": [{"id": ""}]},
         "statement.object.definition.scale[0].id"),
        ({"interactionType": "matching", "source": [{"id": "a", "nhan": "x"}]},
         "statement.object.definition.source[0].nhan"),
        ({"interactionType": "performance", "steps": [{"id": "a", "description": {"vi": 1}}]},
         "statement.object.definition.steps[0].description.vi"),
        ({"interactionType": "sequencing", "choices": {"id": "a"}},
         "statement.object.definition.choices"),
    ]
    for definition, path in cases:
        body = statement(object={"id": "https://hocmo.vn/cau-hoi/1", "definition": definition})
        for rules in (V1, V2):
            assert refused(body, rules) == path, definition
