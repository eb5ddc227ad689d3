"""The `format` parameter of GET /statements (1.0.3 Communication 2.1.3; 2.0 4.1.6.1):
`exact` returns statements as stored, `ids` keeps only what identifies agents, groups,
activities and verbs, `canonical` returns one language per language map, chosen by the
request's Accept-Language (1.0.3 Data 2.5 "Language filtering requirements for canonical format
statements"; applied to each map on its own, not to the answer as a whole)."""

import re

AGENT_ID_KEYS = ("objectType", "mbox", "mbox_sha1sum", "openid", "account")
INTERACTION_LISTS = ("choices", "scale", "source", "target", "steps")


def statement_format(payload: dict, fmt: str, accept_language: str = "") -> dict:
    if fmt == "ids":
        return _statement(payload, _ids_agent, _ids_activity, lambda verb: {"id": verb.get("id")})
    if fmt == "canonical":
        wanted = _accepted(accept_language)
        return _statement(payload, lambda agent: agent,
                          lambda activity: _canonical_activity(activity, wanted),
                          lambda verb: _canonical_verb(verb, wanted))
    return payload


def _statement(stmt: dict, agent, activity, verb) -> dict:
    """A copy of the statement (or SubStatement) with each part rewritten."""
    out = dict(stmt)
    for key in ("actor", "authority"):
        if isinstance(stmt.get(key), dict):
            out[key] = agent(stmt[key])
    if isinstance(stmt.get("verb"), dict):
        out["verb"] = verb(stmt["verb"])
    obj = stmt.get("object")
    if isinstance(obj, dict):
        kind = obj.get("objectType", "Activity")
        if kind == "Activity":
            out["object"] = activity(obj)
        elif kind in ("Agent", "Group"):
            out["object"] = agent(obj)
        elif kind == "SubStatement":
            out["object"] = _statement(obj, agent, activity, verb)
    context = stmt.get("context")
    if isinstance(context, dict):
        context = dict(context)
        for key in ("instructor", "team"):
            if isinstance(context.get(key), dict):
                context[key] = agent(context[key])
        for key, member in (("contextAgents", "agent"), ("contextGroups", "group")):
            if isinstance(context.get(key), list):
                context[key] = [{**item, member: agent(item[member])}
                                if isinstance(item, dict) and isinstance(item.get(member), dict)
                                else item for item in context[key]]
        if isinstance(context.get("contextActivities"), dict):
            context["contextActivities"] = {
                key: [activity(a) if isinstance(a, dict) else a for a in items]
                if isinstance(items, list) else items
                for key, items in context["contextActivities"].items()}
        out["context"] = context
    return out


def _ids_agent(agent: dict) -> dict:
    slim = {k: v for k, v in agent.items() if k in AGENT_ID_KEYS}
    if agent.get("objectType") == "Group" and not any(k in agent for k in AGENT_ID_KEYS[1:]):
        # An anonymous Group is identified by its members (1.0.3 Communication 2.1.3 "ids").
        slim["member"] = [_ids_agent(m) for m in agent.get("member") or []
                          if isinstance(m, dict)]
    return slim


def _ids_activity(activity: dict) -> dict:
    return {"objectType": "Activity", "id": activity.get("id")}


def _accepted(header: str) -> list[str]:
    """Language ranges of Accept-Language, best first (RFC 2616 14.4; q=0 means "not this")."""
    ranges = []
    for position, part in enumerate(header.split(",")):
        tag, _sep, params = part.strip().partition(";")
        quality = 1.0
        match = re.search(r"q\s*=\s*([0-9.]+)", params)
        if match:
            try:
                quality = float(match.group(1))
            except ValueError:
                quality = 0.0
        if tag.strip() and quality > 0:
            ranges.append((-quality, position, tag.strip().lower()))
    return [tag for _q, _p, tag in sorted(ranges)]


def _one_language(value, wanted: list[str]):
    """The single entry of a language map the reader prefers; the map as is when not one."""
    if not isinstance(value, dict) or len(value) <= 1:
        return value
    tags = {tag.lower(): tag for tag in value}
    for wish in wanted:
        if wish == "*":
            break
        for lower, tag in tags.items():
            # RFC 2616 14.4: a range matches a tag equal to it or starting with it and "-".
            if lower == wish or lower.startswith(wish + "-"):
                return {tag: value[tag]}
    first = next(iter(value))
    return {first: value[first]}


def _canonical_verb(verb: dict, wanted: list[str]) -> dict:
    return {**verb, "display": _one_language(verb["display"], wanted)} if "display" in verb \
        else verb


def _canonical_activity(activity: dict, wanted: list[str]) -> dict:
    definition = activity.get("definition")
    if not isinstance(definition, dict):
        return activity
    definition = dict(definition)
    for key in ("name", "description"):
        if key in definition:
            definition[key] = _one_language(definition[key], wanted)
    for key in INTERACTION_LISTS:
        if isinstance(definition.get(key), list):
            definition[key] = [{**c, "description": _one_language(c["description"], wanted)}
                               if isinstance(c, dict) and "description" in c else c
                               for c in definition[key]]
    return {**activity, "definition": definition}
