"""What a statement names beyond its actor and object, for the broad filters of GET /statements
(1.0.3 Communication 2.1.3; the same parameters exist in 2.0 4.1.6.1 as related_agents /
related_activities):

- related_agents: "Include Statements for which the Actor, Object, Authority, Instructor, Team,
  or any of these properties in a contained SubStatement match the Agent parameter";
- related_activities: "Include Statements for which the Object, any of the context Activities,
  or any of these properties in a contained SubStatement match the Activity parameter".

The actor, the object and the authority have columns of their own (`actor_key`,
`object_agent_key`/`activity_id`, `client`); everything else becomes a StatementRelation row.
"""

from .validation import agent_key


def statement_relations(stmt: dict) -> list[tuple[str, str]]:
    """[(kind, key)] for a validated statement, without duplicates, in a stable order."""
    found: list[tuple[str, str]] = []
    _context(stmt.get("context"), found)
    obj = stmt.get("object") or {}
    if obj.get("objectType") == "SubStatement":
        found.append(("agent", agent_key(obj["actor"])))
        inner = obj.get("object") or {}
        kind = inner.get("objectType", "Activity")
        if kind == "Activity":
            found.append(("activity", inner["id"][:255]))
        elif kind in ("Agent", "Group"):
            found.append(("agent", agent_key(inner)))
        _context(obj.get("context"), found)
    return list(dict.fromkeys(found))


def _context(context, found: list) -> None:
    if not isinstance(context, dict):
        return
    for key in ("instructor", "team"):
        if isinstance(context.get(key), dict):
            found.append(("agent", agent_key(context[key])))
    for items in (context.get("contextActivities") or {}).values():
        for item in items if isinstance(items, list) else [items]:
            found.append(("activity", item["id"][:255]))


def activities_named(stmt: dict, activity_id: str) -> list[dict]:
    """Every Activity object with this id in the statement (object, context activities, and
    the same inside a SubStatement), in that order."""
    found = []
    obj = stmt.get("object") or {}
    kind = obj.get("objectType", "Activity")
    if kind == "Activity" and obj.get("id") == activity_id:
        found.append(obj)
    for holder in (stmt, obj if kind == "SubStatement" else {}):
        for items in ((holder.get("context") or {}).get("contextActivities") or {}).values():
            found += [a for a in (items if isinstance(items, list) else [items])
                      if isinstance(a, dict) and a.get("id") == activity_id]
    if kind == "SubStatement":
        inner = obj.get("object") or {}
        if inner.get("objectType", "Activity") == "Activity" and inner.get("id") == activity_id:
            found.append(inner)
    return found
