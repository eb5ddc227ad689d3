"""The LRS's writes (issue 17: writes go through services): `statements` (clients, statements
checked and stored), `storage` (the statement rows and their relations, COPY on PostgreSQL),
`projection` (statements → lesson progress and scores), `attachments` (their files). The
names are re-exported here, so `from lms.xapi.services import statements_store` keeps
working."""

from .projection import (
    COUNTED_VERBS,
    VERB_ANSWERED,
    VERB_COMPLETED,
    VERB_PASSED,
    could_project,
    lesson_outcome,
    scaled_score,
    statement_project,
)
from .statements import (
    Conflict,
    Principal,
    Refused,
    agent_for_user,
    authority_for,
    client_create,
    content_hash,
    home_page,
    statements_store,
)
from .storage import (
    statements_insert,
)

__all__ = [
    "COUNTED_VERBS",
    "Conflict",
    "Principal",
    "Refused",
    "VERB_ANSWERED",
    "VERB_COMPLETED",
    "VERB_PASSED",
    "agent_for_user",
    "authority_for",
    "client_create",
    "content_hash",
    "could_project",
    "home_page",
    "lesson_outcome",
    "scaled_score",
    "statement_project",
    "statements_insert",
    "statements_store",
]
