"""A signed-in user's own settings."""


def user_language_set(user, code: str) -> None:
    """Remember the interface language the user chose (a no-op when it is already theirs)."""
    if user.preferred_language != code:
        user.preferred_language = code
        user.save(update_fields=["preferred_language"])
