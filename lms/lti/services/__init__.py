from .keys import lti_key_create, lti_key_ensure, lti_key_rotate
from .passback import grade_send, members_sync
from .tool import identity_user, launch_accept, members_apply, role_kind_of

__all__ = ["grade_send", "identity_user", "launch_accept", "lti_key_create", "lti_key_ensure",
           "lti_key_rotate", "members_apply", "members_sync", "role_kind_of"]
from .platform import (  # noqa: E402
    access_token_issue,
    deep_link_apply,
    id_token_build,
    score_apply,
    tool_link_ensure,
)

__all__ += ["access_token_issue", "deep_link_apply", "id_token_build", "score_apply",
            "tool_link_ensure"]
