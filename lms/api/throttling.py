from rest_framework.throttling import AnonRateThrottle, UserRateThrottle


class ApiUserThrottle(UserRateThrottle):
    """Per client: an integration's service account or a signed-in person."""

    scope = "api_user"


class ApiAnonThrottle(AnonRateThrottle):
    scope = "api_anon"
